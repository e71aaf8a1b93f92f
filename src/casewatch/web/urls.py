"""URL names are the keys of permissions.RULES: a URL added here without a rule there is refused to everyone."""

from django.urls import path

from casewatch.web.views import (
                                 admin,
                                 auth,
                                 balancer,
                                 casework,
                                 children,
                                 councils,
                                 figures,
                                 forecast,
                                 loads,
                                 mywork,
                                 reports,
                                 scrutiny,
)

urlpatterns = [
    path("login/", auth.Login.as_view(), name="login"),
    path("logout/", auth.logout, name="logout"),
    path("", figures.overview, name="overview"),
    path("indicators/", figures.indicators, name="indicators"),
    path("indicators/<str:ind_id>/", figures.indicator, name="indicator"),
    path("caseload/", mywork.my_caseload, name="my_caseload"),
    path("this-week/", mywork.this_week, name="this_week"),
    path("teams/", casework.teams, name="teams"),
    path("balancer/", balancer.balancer, name="balancer"),
    path("forecast/", forecast.forecast, name="forecast"),
    path("councils/", councils.councils, name="councils"),
    path("lists/", casework.lists, name="lists"),
    path("lists/export.csv", casework.lists_csv, name="lists_csv"),
    path("lists/export.xlsx", casework.lists_xlsx, name="lists_xlsx"),
    path("loads/", loads.loads, name="loads"),
    path("reports/", reports.reports, name="reports"),
    path("reports/<str:audience>/<str:fmt>/", reports.report_file, name="report_file"),
    path("children/<path:child_id>/", children.child, name="child"),  # an id may hold "/"
    path("scrutiny/", scrutiny.scrutiny, name="scrutiny"),
    path("audit/", admin.audit, name="audit"),
    path("static/<path:path>", admin.static, name="static"),
    path("assets/<path:path>", admin.govuk_assets, name="govuk_assets"),
]
