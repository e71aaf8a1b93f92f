"""Continuity: how many social workers a child has had (allocations)."""

from casewatch.measures.define import indicator

OPEN = """SELECT o.pe, o.child_id, o.pe AS dated, count(DISTINCT a.worker_id) AS workers
    FROM (SELECT DISTINCT p.pe, r.child_id FROM periods p JOIN referrals r
          ON r.referral_date <= p.pe AND (r.closure_date IS NULL OR r.closure_date > p.pe)) o
    LEFT JOIN allocations a ON a.child_id = o.child_id AND a.start_date <= o.pe
        AND (a.end_date IS NULL OR a.end_date > o.pe - INTERVAL 12 MONTH)
    GROUP BY o.pe, o.child_id"""
SOURCE = ("Ofsted ILACS ('children experience too many changes of social worker'); Annex A; not a DfE "
          "return: from allocations (903 SW episodes or the CMS extract)")

indicator(
    id="sw_changes_3plus_pct", title="Children with three or more social workers in 12 months", area="Continuity",
    unit="percent", polarity="lower", period="snapshot", funnel=True,
    description="Children open to social care on the period end who had been allocated three or more different "
                "social workers in the 12 months to that date.",
    source=SOURCE, numerator="those with three or more workers", denominator="children in need on the date",
    units=f"SELECT pe, child_id, dated, 1 AS den, (workers >= 3)::INT AS num FROM ({OPEN})",
    history_months=12,
)
indicator(
    id="sw_per_child_mean", title="Social workers per child in 12 months", area="Continuity", unit="mean",
    polarity="lower", period="snapshot", decimals=2,
    description="The average number of different social workers children open on the period end had had in the "
                "12 months to that date.",
    source=SOURCE, numerator="social workers allocated in the 12 months, summed over children",
    denominator="children in need on the date",
    units=f"SELECT pe, child_id, dated, 1 AS den, workers AS num FROM ({OPEN})",
)
