"""Early help: episodes, stepping up to social care, and coming back after early help (CMS extract)."""

from casewatch.measures.define import indicator

SOURCE = ("Working Together to Safeguard Children 2023, chapter 1 (early help); not a DfE return: from the "
          "council's case-management extract (docs/cms-template.md)")

indicator(
    id="early_help_episodes", title="Early help episodes started", area="Early help", unit="count", polarity=None,
    period="year", description="Early help episodes that started in the year.", source=SOURCE,
    numerator="early help episodes with a start date in the year", denominator=None,
    units="SELECT p.pe, e.child_id, e.start_date AS dated, 1 AS num FROM periods p "
          "JOIN early_help_episodes e ON e.start_date BETWEEN p.ps AND p.pe",
)
indicator(
    id="early_help_step_up_12m_pct", title="Early help stepped up to social care within 12 months",
    area="Early help", unit="percent", polarity=None, period="year",
    description="Of early help episodes that started in the year before this one (so each has had a full 12 "
                "months), those whose child was referred to children's social care within 12 months of the start.",
    source=SOURCE,
    numerator="those episodes followed by a referral within 12 months of their start",
    denominator="early help episodes that started in the 12 months ending a year before the period end",
    units="""SELECT p.pe, e.child_id, e.start_date AS dated, 1 AS den,
        EXISTS (SELECT 1 FROM referrals r WHERE r.child_id = e.child_id AND r.referral_date >= e.start_date
                AND r.referral_date < e.start_date + INTERVAL 12 MONTH)::INT AS num
        FROM periods p JOIN early_help_episodes e
          ON e.start_date BETWEEN p.ps - INTERVAL 12 MONTH AND p.ps - INTERVAL 1 DAY""",
    history_months=12,
)
indicator(
    id="referrals_after_early_help_pct", title="Referrals within 12 months of early help ending",
    area="Early help", unit="percent", polarity="lower", period="year",
    description="Referrals in the year of children whose early help had ended in the 12 months before: "
                "families for whom early help did not last.",
    source=SOURCE,
    numerator="referrals in the year of a child whose early help episode ended in the 12 months before the referral",
    denominator="referrals in the year",
    units="""SELECT p.pe, r.child_id, r.referral_date AS dated, 1 AS den, (count(e.child_id) > 0)::INT AS num
        FROM periods p JOIN referrals r ON r.referral_date BETWEEN p.ps AND p.pe
        LEFT JOIN early_help_episodes e ON e.child_id = r.child_id AND e.end_date <= r.referral_date
            AND e.end_date > r.referral_date - INTERVAL 12 MONTH
        GROUP BY p.pe, r.referral_id, r.child_id, r.referral_date""",
    history_months=12,
)
