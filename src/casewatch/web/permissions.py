"""Who may open which page: the one place, as data. Deny by default.

``RULES`` maps every URL name to the roles allowed and the kind of data the page shows; the permission
middleware refuses (403, or the login page for anonymous visitors) any URL whose name has no rule here, and
any role not listed. ``REACH`` says how far each role sees inside the pages it may open.
"""

from __future__ import annotations

from dataclasses import dataclass

ROLES = ("admin", "analyst", "head_of_service", "team_manager", "social_worker", "member")
ANONYMOUS = "anonymous"

# How far a role reaches into child-level data: all children, its own teams' children, its own caseload, or
# aggregates only (every figure through casewatch.disclosure).
REACH = {
    "admin": "all",
    "analyst": "all",
    "head_of_service": "all",
    "team_manager": "teams",
    "social_worker": "caseload",
    "member": "aggregate",
}
AGGREGATE_ONLY = frozenset(r for r, reach in REACH.items() if reach == "aggregate")

EVERYONE = frozenset({ANONYMOUS, *ROLES})
SIGNED_IN = frozenset(ROLES)
CASEWORK = SIGNED_IN - AGGREGATE_ONLY
ANALYSIS = frozenset({"admin", "analyst", "head_of_service"})  # the whole service's data quality and reports
MANAGERS = ANALYSIS | {"team_manager"}  # who decides allocations

# Which roles may download which audience's report (the URL rule lets every signed-in role reach the view, which
# then refuses an audience not listed here): the internal report has team breakdowns and unrounded figures.
REPORT_AUDIENCES: dict[str, frozenset[str]] = {
    "internal": ANALYSIS,
    "public": SIGNED_IN,
}
REPORT_FORMATS = ("html", "pdf", "xlsx")


@dataclass(frozen=True)
class Rule:
    roles: frozenset[str]
    data: str  # public | aggregate | workers | rows | child | audit: what the page shows, so how it is scoped
    audited: bool = False  # every view writes an audit row


RULES: dict[str, Rule] = {
    "login": Rule(EVERYONE, "public"),
    "static": Rule(EVERYONE, "public"),
    "govuk_assets": Rule(EVERYONE, "public"),
    "logout": Rule(SIGNED_IN, "public"),
    "overview": Rule(SIGNED_IN, "aggregate"),
    "indicators": Rule(SIGNED_IN, "public"),  # what each indicator is, grouped; no figures
    "indicator": Rule(SIGNED_IN, "aggregate"),
    # a social worker's own children (another worker's is refused); others choose a worker in reach (?worker=)
    "my_caseload": Rule(CASEWORK, "rows", audited=True),
    "this_week": Rule(MANAGERS, "rows", audited=True),  # per worker in reach: overdue and due in 7 days
    "teams": Rule(CASEWORK, "workers"),
    "balancer": Rule(MANAGERS, "rows", audited=True),  # proposed moves name children: managers only
    "forecast": Rule(ANALYSIS, "aggregate"),  # planning figures, unrounded: not for members
    "councils": Rule(ANALYSIS, "aggregate"),  # councils side by side in a pooled database
    "lists": Rule(CASEWORK, "rows", audited=True),
    "lists_csv": Rule(CASEWORK, "rows", audited=True),
    "lists_xlsx": Rule(CASEWORK, "rows", audited=True),
    "child": Rule(CASEWORK, "child", audited=True),
    "audit": Rule(frozenset({"admin"}), "audit"),
    "loads": Rule(ANALYSIS, "aggregate"),  # counts of loads, issues and quarantined rows: never the rows
    "reports": Rule(SIGNED_IN, "aggregate"),
    "report_file": Rule(SIGNED_IN, "aggregate", audited=True),  # audience checked against REPORT_AUDIENCES
    "scrutiny": Rule(SIGNED_IN, "public"),  # an Ofsted report against a press release: public documents only
}


# Where a role lands after signing in: the page that answers its Monday questions (others: the overview).
LANDING = {"social_worker": "my_caseload", "team_manager": "this_week"}


def allowed(url_name: str | None, role: str) -> bool:
    rule = RULES.get(url_name or "")
    return rule is not None and role in rule.roles


def report_allowed(audience: str, role: str) -> bool:
    return role in REPORT_AUDIENCES.get(audience, frozenset())
