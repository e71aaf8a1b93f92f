"""Front door: contacts and referrals (CIN census; Annex A lists 1 and 6)."""

from casewatch.measures.define import CHILD_BREAKDOWNS, RATE_BREAKDOWNS, indicator

CIN_CENSUS = "DfE, Children in need census guide (CINreferralDate, ReferralNFA, ReferralSource)"
REFERRALS_IN_YEAR = """FROM periods p JOIN referrals r ON r.referral_date BETWEEN p.ps AND p.pe"""

indicator(
    id="contacts", title="Contacts received", area="Front door", unit="count", polarity=None, period="year",
    description="Contacts to children's social care received in the year (before any decision to refer).",
    source="Ofsted ILACS Annex A, list 1 (contacts); not in the CIN census",
    numerator="contacts whose contact date falls in the year", denominator=None,
    units="SELECT p.pe, c.child_id, c.contact_date AS dated, 1 AS num FROM periods p "
          "JOIN contacts c ON c.contact_date BETWEEN p.ps AND p.pe",
)
indicator(
    id="referrals", title="Referrals", area="Front door", unit="count", polarity=None, period="year",
    description="Referrals to children's social care received in the year: each starts a CIN episode, "
                "including referrals with no further action.",
    source=CIN_CENSUS + "; DfE Characteristics of children in need, table A1",
    numerator="referrals (CIN episodes) with a referral date in the year", denominator=None,
    units=f"SELECT p.pe, r.child_id, r.referral_date AS dated, 1 AS num {REFERRALS_IN_YEAR}",
)
indicator(
    id="referrals_rate_per_10k", title="Referrals per 10,000 children", area="Front door", unit="per_10k",
    polarity=None, period="year", breakdowns=RATE_BREAKDOWNS,
    description="Referrals in the year per 10,000 children aged 0-17.",
    source=CIN_CENSUS + "; DfE Characteristics of children in need (rate per 10,000 children aged under 18)",
    numerator="referrals in the year", denominator="children aged 0-17 (ONS mid-year estimate)",
    units=f"SELECT p.pe, r.child_id, r.referral_date AS dated, 1 AS num {REFERRALS_IN_YEAR}",
)
indicator(
    id="re_referrals_12m_pct", title="Re-referrals within 12 months", area="Front door", unit="percent",
    polarity="lower", period="year", funnel=True,
    description="Referrals in the year that came within 12 months of an earlier referral of the same child.",
    source=CIN_CENSUS + "; DfE Characteristics of children in need, 're-referrals within 12 months of a "
                        "previous referral'",
    numerator="referrals in the year with an earlier referral of the child in the 12 months before it",
    denominator="referrals in the year",
    units=f"""SELECT p.pe, r.child_id, r.referral_date AS dated, 1 AS den,
        EXISTS (SELECT 1 FROM referrals e WHERE e.child_id = r.child_id AND e.referral_date < r.referral_date
                AND e.referral_date >= r.referral_date - INTERVAL 12 MONTH)::INT AS num {REFERRALS_IN_YEAR}""",
    history_months=12,
)
indicator(
    id="referrals_nfa_pct", title="Referrals with no further action", area="Front door", unit="percent",
    polarity=None, period="year", funnel=True,
    description="Referrals in the year that the council decided needed no further action (ReferralNFA).",
    source=CIN_CENSUS + "; DfE Characteristics of children in need, 'referrals resulting in no further action'",
    numerator="referrals in the year with no further action", denominator="referrals in the year",
    units=f"SELECT p.pe, r.child_id, r.referral_date AS dated, 1 AS den, r.nfa::INT AS num {REFERRALS_IN_YEAR}",
)

for key, name, test in (("police", "the police", "r.source = '6'"),
                        ("schools", "schools", "r.source IN ('2A', '2B')"),
                        ("health", "health services", "r.source LIKE '3%'")):
    indicator(
        id=f"referral_source_{key}_pct", title=f"Referrals from {name}", area="Front door", unit="percent",
        polarity=None, period="year", breakdowns=CHILD_BREAKDOWNS,
        description=f"Referrals in the year made by {name}, of those whose source is recorded.",
        source=CIN_CENSUS + "; ReferralSource codes (2A/2B schools and education, 3A-3F health, 6 police)",
        numerator=f"referrals in the year from {name}", denominator="referrals in the year with a recorded source",
        units=f"SELECT p.pe, r.child_id, r.referral_date AS dated, 1 AS den, ({test})::INT AS num "
              f"{REFERRALS_IN_YEAR} WHERE r.source IS NOT NULL",
    )
