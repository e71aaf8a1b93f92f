from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "casewatch.web"
    label = "casewatch_web"
    verbose_name = "casewatch dashboard"
    default_auto_field = "django.db.models.BigAutoField"
