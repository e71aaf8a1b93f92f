"""Children in care: numbers, movement, stability, distance, visits, reviews, health, missing (SSDA903)."""

from casewatch.measures.define import CLA_BREAKDOWNS, RATE_BREAKDOWNS, indicator
from casewatch.measures.fragments import CARE_START, CLA_AT_PE, PLACEMENT_START, SHORT_BREAKS

S903 = "DfE, SSDA903 guidance (children looked after return)"
CLA_STATS = "DfE Children looked after in England including adoptions"
CPR = "Care Planning, Placement and Case Review (England) Regulations 2010"
AT_PE = f"SELECT pe, child_id, pe AS dated, legal_status, placement, 1 AS num FROM ({CLA_AT_PE})"
STARTS = f"""SELECT p.pe, e.child_id, min(e.decom) AS dated, 1 AS num,
        arg_min(e.legal_status, e.decom) AS legal_status, arg_min(e.place, e.decom) AS placement
    FROM periods p JOIN cla_episodes e ON e.rne = 'S' AND e.decom BETWEEN p.ps AND p.pe
    WHERE coalesce(e.legal_status, '') NOT IN {SHORT_BREAKS} GROUP BY p.pe, e.child_id"""
CEASED = f"""SELECT p.pe, e.child_id, max(e.dec) AS dated, arg_max(e.rec, e.dec) AS rec,
        arg_max(e.legal_status, e.dec) AS legal_status, arg_max(e.place, e.dec) AS placement
    FROM periods p JOIN cla_episodes e ON e.dec BETWEEN p.ps AND p.pe AND coalesce(e.rec, '') <> 'X1'
    WHERE coalesce(e.legal_status, '') NOT IN {SHORT_BREAKS} GROUP BY p.pe, e.child_id"""

indicator(
    id="cla_at_31_march", title="Children in care", area="Children in care", unit="count", polarity=None,
    period="snapshot", breakdowns=CLA_BREAKDOWNS,
    description="Children looked after on the period end, not counting children on a series of short breaks.",
    source=S903 + " (DECOM, DEC; legal status V3/V4 excluded); " + CLA_STATS + ", table A1",
    numerator="children with a 903 episode open on the date (short breaks excluded)", denominator=None, units=AT_PE,
)
indicator(
    id="cla_rate_per_10k", title="Children in care per 10,000", area="Children in care", unit="per_10k",
    polarity=None, period="snapshot", breakdowns=RATE_BREAKDOWNS,
    description="Children looked after on the period end per 10,000 children aged 0-17.",
    source=S903 + "; " + CLA_STATS, numerator="children in care on the date",
    denominator="children aged 0-17 (ONS mid-year estimate)", units=AT_PE,
)
indicator(
    id="cla_starts", title="Children who started to be looked after", area="Children in care", unit="count",
    polarity=None, period="year", breakdowns=CLA_BREAKDOWNS,
    description="Children who started a period of care in the year (counted once however many times).",
    source=S903 + " (RNE S); " + CLA_STATS, numerator="children with an episode with RNE S starting in the year",
    denominator=None, units=STARTS,
)
indicator(
    id="cla_starts_rate_per_10k", title="Children starting care per 10,000", area="Children in care",
    unit="per_10k", polarity=None, period="year", breakdowns=RATE_BREAKDOWNS,
    description="Children who started to be looked after in the year per 10,000 children aged 0-17.",
    source=S903 + "; " + CLA_STATS, numerator="children starting care in the year",
    denominator="children aged 0-17 (ONS mid-year estimate)", units=STARTS,
)
indicator(
    id="cla_ceased", title="Children who ceased to be looked after", area="Children in care", unit="count",
    polarity=None, period="year", breakdowns=CLA_BREAKDOWNS,
    description="Children whose period of care ended in the year (REC other than X1), counted once.",
    source=S903 + " (DEC, REC); " + CLA_STATS, numerator="children with an episode ending the period of care",
    denominator=None, units=f"SELECT pe, child_id, dated, legal_status, placement, 1 AS num FROM ({CEASED})",
)
for key, name, codes in (("adopted", "adopted", "('E11', 'E12')"),
                         ("sgo", "a special guardianship order", "('E43', 'E44', 'E45', 'E46', 'E47', 'E48')"),
                         ("home", "returning home", "('E13', 'E4A', 'E4B')")):
    indicator(
        id=f"cla_ceased_{key}_pct", title=f"Children leaving care by {name}", area="Children in care",
        unit="percent", polarity=None, period="year", breakdowns=CLA_BREAKDOWNS,
        description=f"Of children who ceased to be looked after in the year, those who left by {name}.",
        source=S903 + f" (REC {codes}); " + CLA_STATS + ", 'reason episode ceased'",
        numerator=f"children leaving care by {name}", denominator="children who ceased to be looked after",
        units=f"SELECT pe, child_id, dated, legal_status, placement, 1 AS den, (rec IN {codes})::INT AS num "
              f"FROM ({CEASED})",
    )
indicator(
    id="cla_uasc_at_31_march", title="Unaccompanied asylum-seeking children in care", area="Children in care",
    unit="count", polarity=None, period="snapshot", breakdowns=CLA_BREAKDOWNS,
    description="Children in care on the period end who were unaccompanied asylum-seeking children that day.",
    source=S903 + " (UASC, DUC); " + CLA_STATS,
    numerator="children in care who were UASC and had not ceased to be by the date", denominator=None,
    units=f"""SELECT a.pe, a.child_id, a.pe AS dated, a.legal_status, a.placement, 1 AS num FROM ({CLA_AT_PE}) a
        JOIN children c ON c.child_id = a.child_id WHERE c.uasc AND (c.uasc_ceased IS NULL OR c.uasc_ceased > a.pe)""",
)
indicator(
    id="cla_3plus_placements_pct", title="Children in care with three or more placements in the year",
    area="Children in care", unit="percent", polarity="lower", period="snapshot", breakdowns=CLA_BREAKDOWNS,
    funnel=True,
    description="Children in care on the period end who had three or more placements during the year: the one "
                "they were in at the start of the year (if in care then) and each new placement after (RNE S, P, "
                "B or U; a move with the same carer, T, or a change of legal status only, L, is not a new "
                "placement).",
    source=S903 + "; " + CLA_STATS + ", placement stability ('three or more placements during the year'); "
           "docs/decisions/0009-indicator-conventions.md",
    numerator="those with three or more placements in the year", denominator="children in care on the date",
    units=f"""SELECT a.pe, a.child_id, a.pe AS dated, a.legal_status, a.placement, 1 AS den,
        ((SELECT count(*) FROM cla_episodes e, periods q WHERE q.pe = a.pe AND e.child_id = a.child_id
            AND coalesce(e.legal_status, '') NOT IN {SHORT_BREAKS} AND e.rne IN ('S', 'P', 'B', 'U') AND e.decom BETWEEN q.ps AND q.pe)
         + (SELECT count(*) > 0 FROM cla_episodes e, periods q WHERE q.pe = a.pe AND e.child_id = a.child_id
            AND coalesce(e.legal_status, '') NOT IN {SHORT_BREAKS} AND e.decom < q.ps AND (e.dec IS NULL OR e.dec >= q.ps))::INT
         >= 3)::INT AS num
        FROM ({CLA_AT_PE}) a""",
)
indicator(
    id="cla_long_term_stability_pct", title="Long-term placement stability", area="Children in care",
    unit="percent", polarity="higher", period="snapshot", breakdowns=CLA_BREAKDOWNS, funnel=True,
    description="Children under 16 on the period end who had been in care for two and a half years or more, "
                "and who had been in their current placement for two years or more.",
    source=S903 + "; " + CLA_STATS + ", placement stability ('long-term stability')",
    numerator="those in the same placement for two years or more",
    denominator="children under 16 in care for two and a half years or more on the date",
    units=f"""SELECT a.pe, a.child_id, a.pe AS dated, a.legal_status, a.placement, 1 AS den,
        ({PLACEMENT_START.format(child='a.child_id', at='a.pe')} <= a.pe - INTERVAL 2 YEAR)::INT AS num
        FROM ({CLA_AT_PE}) a JOIN children c ON c.child_id = a.child_id
        WHERE c.date_of_birth > a.pe - INTERVAL 16 YEAR
          AND {CARE_START.format(child='a.child_id', at='a.pe')} <= a.pe - INTERVAL 30 MONTH""",
)
indicator(
    id="cla_placed_20_miles_pct", title="Children placed more than 20 miles from home", area="Children in care",
    unit="percent", polarity="lower", period="snapshot", breakdowns=CLA_BREAKDOWNS,
    description="Children in care on the period end placed more than 20 miles from their home, of those whose "
                "distance is known.",
    source=S903 + " (HOME_POST, PL_POST); " + CLA_STATS + ", 'distance between home and placement'",
    numerator="placed more than 20 miles away", denominator="children in care on the date with a known distance",
    units=f"""SELECT a.pe, a.child_id, a.pe AS dated, a.legal_status, a.placement, 1 AS den,
        (arg_max(e.placement_distance_miles, e.decom) > 20)::INT AS num
        FROM ({CLA_AT_PE}) a JOIN cla_episodes e ON e.child_id = a.child_id AND e.decom <= a.pe
          AND (e.dec IS NULL OR e.dec > a.pe) AND e.placement_distance_miles IS NOT NULL
        GROUP BY ALL""",
)
indicator(
    id="cla_placed_outside_la_pct", title="Children placed outside the council's area", area="Children in care",
    unit="percent", polarity="lower", period="snapshot", breakdowns=CLA_BREAKDOWNS,
    description="Children in care on the period end placed outside the council's own area, of those whose "
                "placement area is known.",
    source=S903 + " (PL_LA); " + CLA_STATS + ", 'placed inside or outside the council boundary'",
    numerator="placed in another council's area", denominator="children in care on the date with a known area",
    units=f"""SELECT a.pe, a.child_id, a.pe AS dated, a.legal_status, a.placement, 1 AS den,
        (arg_max(e.placement_la, e.decom) <> any_value(c.council_id))::INT AS num
        FROM ({CLA_AT_PE}) a JOIN cla_episodes e ON e.child_id = a.child_id AND e.decom <= a.pe
          AND (e.dec IS NULL OR e.dec > a.pe) AND e.placement_la IS NOT NULL
        JOIN children c ON c.child_id = a.child_id GROUP BY a.pe, a.child_id, a.legal_status, a.placement""",
)
indicator(
    id="cla_visits_on_time_pct", title="Children in care visited on time", area="Children in care", unit="percent",
    polarity="higher", period="snapshot", breakdowns=CLA_BREAKDOWNS, funnel=True,
    params={"first_days": "visits_cla_first_days", "year1_days": "visits_cla_year1_days",
            "later_days": "visits_cla_later_days"},
    description="Children in care on the period end whose statutory visit was not overdue that day: the first "
                "visit within {first_days} days of a placement starting, then at intervals of no more than "
                "{year1_days} days in the placement's first year and {later_days} days after.",
    source=CPR + ", regulation 28 (visits: within 1 week, then at most 6 weeks apart in the first year, 3 months "
           "after for a long-term placement); docs/decisions/0009-indicator-conventions.md",
    numerator="children whose next visit was not yet overdue on the date", denominator="children in care on the date",
    units=f"""WITH c AS (
        SELECT a.*, {PLACEMENT_START.format(child='a.child_id', at='a.pe')} AS placed,
          (SELECT max(v.visit_date) FROM visits v WHERE v.child_id = a.child_id AND v.kind = 'CLA' AND v.child_seen
             AND v.visit_date <= a.pe) AS seen
        FROM ({CLA_AT_PE}) a)
      SELECT pe, child_id, pe AS dated, legal_status, placement, 1 AS den,
        (pe <= CASE WHEN seen IS NULL OR seen < placed THEN placed + {{{{first_days}}}}
                    WHEN seen < placed + 365 THEN seen + {{{{year1_days}}}}
                    ELSE seen + {{{{later_days}}}} END)::INT AS num
      FROM c""",
)
indicator(
    id="cla_reviews_on_time_pct", title="Children in care whose review was not overdue", area="Children in care",
    unit="percent", polarity="higher", period="snapshot", breakdowns=CLA_BREAKDOWNS, funnel=True,
    description="Children in care on the period end whose looked-after review was not overdue that day: the "
                "first within 20 working days of care starting, the second within 3 months of the first, then "
                "every 6 months.",
    source=CPR + ", regulation 33 (review timings); " + S903 + " (REVIEW)",
    numerator="children whose next review was not yet overdue on the date",
    denominator="children in care on the date",
    units=f"""WITH c AS (
        SELECT a.*, {CARE_START.format(child='a.child_id', at='a.pe')} AS began
        FROM ({CLA_AT_PE}) a),
      r AS (
        SELECT c.*, (SELECT count(*) FROM cla_reviews v WHERE v.child_id = c.child_id AND v.review_date >= c.began
                       AND v.review_date <= c.pe) AS n,
               (SELECT max(v.review_date) FROM cla_reviews v WHERE v.child_id = c.child_id
                       AND v.review_date >= c.began AND v.review_date <= c.pe) AS last
        FROM c)
      SELECT pe, child_id, pe AS dated, legal_status, placement, 1 AS den,
        (pe <= CASE WHEN n = 0 THEN (SELECT min(k.date) FROM calendar k, calendar b WHERE b.date = r.began
                                       AND k.working_day_no = b.working_day_no + 20 AND k.is_working_day)
                    WHEN n = 1 THEN last + INTERVAL 3 MONTH ELSE last + INTERVAL 6 MONTH END)::INT AS num
      FROM r""",
)
for key, col, name in (("health", "health_assessment", "an annual health assessment"),
                       ("dental", "teeth_check", "a dental check")):
    indicator(
        id=f"cla_{key}_checks_pct", title=f"Children in care for a year who had {name}", area="Children in care",
        unit="percent", polarity="higher", period="snapshot", funnel=True,
        description=f"Children looked after continuously for 12 months at 31 March who had {name} in the year.",
        source=S903 + f" (OC2 {col.upper()}); " + CLA_STATS + ", outcomes (OC2)",
        numerator=f"those who had {name}", denominator="children looked after continuously for 12 months (OC2)",
        units=f"SELECT p.pe, h.child_id, p.pe AS dated, 1 AS den, coalesce(h.{col}, false)::INT AS num "
              "FROM periods p JOIN cla_health h ON h.year_ending = p.pe",
    )
IN_CARE_IN_YEAR = f"""SELECT DISTINCT p.pe, e.child_id FROM periods p JOIN cla_episodes e
    ON e.decom <= p.pe AND (e.dec IS NULL OR e.dec >= p.ps) WHERE coalesce(e.legal_status, '') NOT IN {SHORT_BREAKS}"""
indicator(
    id="cla_missing_pct", title="Children in care who went missing", area="Children in care", unit="percent",
    polarity="lower", period="year", funnel=True,
    description="Children looked after at any time in the year who had at least one missing incident in it.",
    source=S903 + " (MISSING, MIS_START); " + CLA_STATS + ", 'missing and away from placement'",
    numerator="those with a missing episode (M) starting in the year", denominator="children looked after in the year",
    units=f"""SELECT y.pe, y.child_id, y.pe AS dated, 1 AS den,
        EXISTS (SELECT 1 FROM missing_episodes m, periods q WHERE q.pe = y.pe AND m.child_id = y.child_id
                AND m.kind = 'M' AND m.start_date BETWEEN q.ps AND q.pe)::INT AS num
        FROM ({IN_CARE_IN_YEAR}) y""",
)
indicator(
    id="cla_missing_episodes", title="Missing episodes of children in care", area="Children in care", unit="count",
    polarity=None, period="year",
    description="Missing incidents (not 'away from placement without authorisation') that started in the year.",
    source=S903 + " (MISSING = M); " + CLA_STATS, numerator="missing episodes starting in the year",
    denominator=None,
    units="SELECT p.pe, m.child_id, m.start_date AS dated, 1 AS num FROM periods p JOIN missing_episodes m "
          "ON m.kind = 'M' AND m.start_date BETWEEN p.ps AND p.pe",
)
