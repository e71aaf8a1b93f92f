"""Template context: the navigation links this visitor's role may follow (from permissions.RULES), and the
GOV.UK Frontend files when `make setup` has vendored them."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from casewatch.web.permissions import allowed
from casewatch.web.principal import principal

GOVUK = {"css": "vendor/govuk/govuk-frontend.min.css", "js": "vendor/govuk/govuk-frontend.min.js"}  # `make setup`
NAV = (("my_caseload", "My caseload"), ("this_week", "This week"), ("overview", "Overview"),
       ("indicators", "All indicators"), ("teams", "Teams and caseloads"), ("balancer", "Balancer"),
       ("forecast", "Forecast"), ("councils", "Councils"), ("lists", "Action lists"), ("reports", "Reports"),
       ("scrutiny", "Statement check"), ("loads", "Data loads"), ("audit", "Audit log"))

CHOOSER = "Caseloads"  # "My caseload" for a social worker; a manager chooses a worker there


def navigation(request) -> dict:
    who = principal(request)
    links = [{"url": reverse(name), "label": CHOOSER if name == "my_caseload" and who.reach != "caseload" else label,
              "current": request.path == reverse(name)} for name, label in NAV if allowed(name, who.role)]
    vendored = all((settings.STATIC_ROOT / f).is_file() for f in GOVUK.values())
    return {"nav": links, "who": who, "govuk": GOVUK if vendored else None}
