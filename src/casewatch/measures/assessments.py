"""Assessments and section 47 enquiries (CIN census; Annex A lists 4 and 5)."""

from casewatch.measures.define import RATE_BREAKDOWNS, indicator

WT = "Working Together to Safeguard Children 2023, chapter 2"
CIN = "DfE, Children in need census guide"
AUTHORISED = """FROM periods p JOIN assessments a ON a.authorised_date BETWEEN p.ps AND p.pe
    JOIN calendar s ON s.date = a.start_date JOIN calendar f ON f.date = a.authorised_date"""
WORKING_DAYS = "(f.working_day_no - s.working_day_no)"

indicator(
    id="assessments_completed", title="Assessments completed", area="Assessments", unit="count", polarity=None,
    period="year", description="Children and family assessments authorised in the year.",
    source=CIN + " (AssessmentAuthorisationDate)", numerator="assessments authorised in the year", denominator=None,
    units=f"SELECT p.pe, a.child_id, a.authorised_date AS dated, 1 AS num {AUTHORISED}",
)
indicator(
    id="assessments_within_45wd_pct", title="Assessments completed within 45 working days", area="Assessments",
    unit="percent", polarity="higher", period="year", funnel=True,
    description="Assessments authorised in the year that took 45 working days or fewer from their start.",
    source=WT + " ('within 45 working days from the point of referral'); DfE Characteristics of children in need: "
           "start to authorisation (docs/decisions/0009-indicator-conventions.md)",
    numerator="assessments authorised in the year within 45 working days of their start",
    denominator="assessments authorised in the year",
    units=f"SELECT p.pe, a.child_id, a.authorised_date AS dated, 1 AS den, ({WORKING_DAYS} <= 45)::INT AS num "
          f"{AUTHORISED}",
)
indicator(
    id="assessment_median_wd", title="Median working days to complete an assessment", area="Assessments",
    unit="median", polarity="lower", period="year", decimals=0,
    description="The middle of the working days assessments authorised in the year took, start to authorisation.",
    source=WT + "; " + CIN, numerator="working days from start to authorisation, per assessment",
    denominator=None,
    units=f"SELECT p.pe, a.child_id, a.authorised_date AS dated, {WORKING_DAYS} AS num {AUTHORISED}",
)
indicator(
    id="assessments_child_seen_pct", title="Assessments in which the child was seen", area="Assessments",
    unit="percent", polarity="higher", period="year", funnel=True,
    description="Assessments authorised in the year that recorded the child as seen, of those that record it.",
    source=WT + " (the child seen and spoken to); Ofsted ILACS Annex A list 4 ('child seen')",
    numerator="assessments authorised in the year with the child seen",
    denominator="assessments authorised in the year that record whether the child was seen",
    units=f"SELECT p.pe, a.child_id, a.authorised_date AS dated, 1 AS den, a.child_seen::INT AS num {AUTHORISED} "
          "WHERE a.child_seen IS NOT NULL",
)
indicator(
    id="assessments_nfa_pct", title="Assessments ending in no further action", area="Assessments", unit="percent",
    polarity=None, period="year",
    description="Assessments authorised in the year after which the child was found not in need of services "
                "(closed with no further action or stepped down to early help).",
    source=CIN + " (ReasonForClosure RC8, RC9); DfE Characteristics of children in need, 'episodes with "
                 "reason for closure: case closed after assessment'",
    numerator="assessments authorised in the year with an outcome of no further action or early help",
    denominator="assessments authorised in the year with an outcome",
    units=f"SELECT p.pe, a.child_id, a.authorised_date AS dated, 1 AS den, (a.outcome IN ('nfa', 'early_help'))::INT "
          f"AS num {AUTHORISED} WHERE a.outcome IS NOT NULL",
)

S47_START = "FROM periods p JOIN section47 s ON s.start_date BETWEEN p.ps AND p.pe"
indicator(
    id="s47_rate_per_10k", title="Section 47 enquiries per 10,000 children", area="Section 47", unit="per_10k",
    polarity=None, period="year", breakdowns=RATE_BREAKDOWNS,
    description="Section 47 enquiries that started in the year, per 10,000 children aged 0-17.",
    source="Children Act 1989 s47; " + CIN + " (S47ActualStartDate); DfE Characteristics of children in need",
    numerator="section 47 enquiries started in the year", denominator="children aged 0-17 (ONS mid-year estimate)",
    units=f"SELECT p.pe, s.child_id, s.start_date AS dated, 1 AS num {S47_START}",
)
indicator(
    id="s47_to_icpc_pct", title="Section 47 enquiries leading to an initial conference", area="Section 47",
    unit="percent", polarity=None, period="year",
    description="Section 47 enquiries started in the year that led to an initial child protection conference.",
    source=WT + "; " + CIN + " (DateOfInitialCPC on the Section47 module)",
    numerator="those with an initial child protection conference date",
    denominator="section 47 enquiries started in the year",
    units=f"SELECT p.pe, s.child_id, s.start_date AS dated, 1 AS den, (s.icpc_date IS NOT NULL)::INT AS num {S47_START}",
)
indicator(
    id="icpc_within_15wd_pct", title="Initial conferences within 15 working days", area="Section 47",
    unit="percent", polarity="higher", period="year", funnel=True,
    description="Initial child protection conferences held in the year within 15 working days of the strategy "
                "discussion that started the section 47 enquiry.",
    source=WT + " (ICPC within 15 working days of the strategy discussion); DfE Characteristics of children in "
                "need ('ICPCs within 15 working days of the start of the section 47 enquiry')",
    numerator="conferences within 15 working days", denominator="initial conferences held in the year",
    units="""SELECT p.pe, s.child_id, s.icpc_date AS dated, 1 AS den,
        (i.working_day_no - d.working_day_no <= 15)::INT AS num
        FROM periods p JOIN section47 s ON s.icpc_date BETWEEN p.ps AND p.pe
        JOIN calendar d ON d.date = coalesce(s.strategy_discussion_date, s.start_date)
        JOIN calendar i ON i.date = s.icpc_date""",
)
