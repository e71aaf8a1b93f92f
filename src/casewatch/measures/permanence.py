"""Permanence: adoption timeliness (the DfE adoption scorecard), special guardianship, days to permanence (903)."""

from casewatch.measures.define import CLA_BREAKDOWNS, indicator
from casewatch.measures.fragments import CARE_START_KNOWN as CARE_START
from casewatch.measures.fragments import SHORT_BREAKS

S903 = "DfE, SSDA903 guidance"
SCORECARD = "DfE adoption and special guardianship leadership board / adoption scorecard"
ADOPTED = """SELECT p.pe, e.child_id, e.dec AS adopted, arg_max(e.legal_status, e.dec) AS legal_status,
        arg_max(e.place, e.dec) AS placement
    FROM periods p JOIN cla_episodes e ON e.rec IN ('E11', 'E12') AND e.dec BETWEEN p.ps3 AND p.pe
    GROUP BY p.pe, e.child_id, e.dec"""
# For each adoption: the start of that period of care, the first adoptive placement in it (903 PLACE A3-A6), and
# for an adoption by the child's own foster carers (A3, A5: 'with current foster carer') the day the child
# moved in with those carers: the start of the placement the A3/A5 episode continued (its RNE is T or L).
JOURNEY = f"""
    SELECT d.*, {CARE_START.format(child='d.child_id', at='d.adopted')} AS entered,
        (SELECT min(e.decom) FROM cla_episodes e WHERE e.child_id = d.child_id AND e.place IN ('A3', 'A4', 'A5', 'A6')
           AND e.decom <= d.adopted AND e.decom >= {CARE_START.format(child='d.child_id', at='d.adopted')}) AS placed,
        (SELECT arg_min(e.place, e.decom) FROM cla_episodes e WHERE e.child_id = d.child_id
           AND e.place IN ('A3', 'A4', 'A5', 'A6') AND e.decom <= d.adopted
           AND e.decom >= {CARE_START.format(child='d.child_id', at='d.adopted')}) AS adoptive_place
    FROM ({ADOPTED}) d"""
MOVED_IN_WITH_CARERS = """(SELECT max(e.decom) FROM cla_episodes e WHERE e.child_id = j.child_id
    AND e.rne IN ('S', 'P', 'B', 'U') AND e.decom <= j.placed)"""

indicator(
    id="adoption_a1_days", title="A1: days from entering care to moving in with the adoptive family",
    area="Permanence", unit="mean", polarity="lower", period="three_years", decimals=0,
    breakdowns=CLA_BREAKDOWNS,
    description="For children adopted in the three years to the period end: the average days between starting "
                "the period of care that ended in adoption and being placed with the adopters (903 PLACE A3-A6), "
                "not adjusted for adoptions by foster carers (see A10).",
    source=SCORECARD + ", indicator A1; " + S903,
    numerator="sum of days from entering care to the adoptive placement",
    denominator="children adopted in the three years (with both dates)",
    units=f"""SELECT j.pe, j.child_id, j.adopted AS dated, j.legal_status, j.placement, 1 AS den,
        date_diff('day', j.entered, j.placed) AS num FROM ({JOURNEY}) j WHERE j.placed IS NOT NULL
        AND j.entered IS NOT NULL""",
)
indicator(
    id="adoption_a10_days", title="A10: days from entering care to moving in with the adoptive family, "
    "adjusted for foster carer adoptions", area="Permanence", unit="mean", polarity="lower",
    period="three_years", decimals=0, breakdowns=CLA_BREAKDOWNS,
    description="As A1, but for a child adopted by their own foster carers (placed for adoption 'with current "
                "foster carer', A3 or A5) the day the child moved in with those carers counts as moving in with "
                "the adoptive family.",
    source=SCORECARD + ", indicator A10; " + S903 + " (PLACE A3/A5: placed for adoption with current foster carer)",
    numerator="sum of days from entering care to moving in with the family who adopted the child",
    denominator="children adopted in the three years (with both dates)",
    units=f"""SELECT j.pe, j.child_id, j.adopted AS dated, j.legal_status, j.placement, 1 AS den,
        date_diff('day', j.entered, CASE WHEN j.adoptive_place IN ('A3', 'A5')
                                         THEN greatest(j.entered, {MOVED_IN_WITH_CARERS}) ELSE j.placed END) AS num
        FROM ({JOURNEY}) j WHERE j.placed IS NOT NULL AND j.entered IS NOT NULL""",
)
indicator(
    id="adoption_a2_days", title="A2: days from placement order to match", area="Permanence", unit="mean",
    polarity="lower", period="three_years", decimals=0, breakdowns=CLA_BREAKDOWNS,
    description="For children adopted in the three years to the period end: the average days between the "
                "council receiving court authority to place the child (the placement order) and the decision "
                "that the child should be placed with the adopters (the match).",
    source=SCORECARD + ", indicator A2; " + S903 + " (legal status E1; AD1 DATE_MATCH)",
    numerator="sum of days from placement order to match",
    denominator="children adopted in the three years with both dates",
    units=f"""SELECT d.pe, d.child_id, d.adopted AS dated, d.legal_status, d.placement, 1 AS den,
        date_diff('day', o.ordered, m.matched) AS num
        FROM ({ADOPTED}) d
        JOIN (SELECT child_id, min(decom) AS ordered FROM cla_episodes WHERE legal_status = 'E1' GROUP BY 1) o
          ON o.child_id = d.child_id AND o.ordered <= d.adopted
        JOIN (SELECT child_id, max(matched_date) AS matched FROM (
                SELECT child_id, matched_date FROM permanence WHERE route = 'adoption'
                UNION ALL SELECT child_id, matched_date FROM adopters) GROUP BY 1) m
          ON m.child_id = d.child_id AND m.matched IS NOT NULL AND m.matched >= o.ordered""",
)
indicator(
    id="sgo_granted", title="Children leaving care on a special guardianship order", area="Permanence",
    unit="count", polarity=None, period="year", breakdowns=CLA_BREAKDOWNS,
    description="Children whose period of care ended in the year with a special guardianship order.",
    source=S903 + " (REC E43/E44 until 2019-20, E45-E48 after); DfE Children looked after in England",
    numerator="children leaving care on an SGO", denominator=None,
    units=f"""SELECT p.pe, e.child_id, e.dec AS dated, e.legal_status, e.place AS placement, 1 AS num
        FROM periods p JOIN cla_episodes e ON e.dec BETWEEN p.ps AND p.pe
        AND e.rec IN ('E43', 'E44', 'E45', 'E46', 'E47', 'E48') WHERE coalesce(e.legal_status, '') NOT IN {SHORT_BREAKS}""",
)
indicator(
    id="days_to_permanence_median", title="Median days from entering care to a permanence order",
    area="Permanence", unit="median", polarity="lower", period="year", decimals=0, breakdowns=CLA_BREAKDOWNS,
    description="For children who left care in the year through adoption, a special guardianship order or a "
                "child arrangements order: the middle of the days from starting that period of care to leaving it.",
    source=S903 + " (REC E11, E12, E41, E43-E48); Ofsted ILACS: 'children achieve permanence without delay'",
    numerator="days from entering care to leaving it with an order, per child", denominator=None,
    units=f"""SELECT p.pe, e.child_id, e.dec AS dated, e.legal_status, e.place AS placement,
        date_diff('day', {CARE_START.format(child='e.child_id', at='e.dec')}, e.dec) AS num
        FROM periods p JOIN cla_episodes e ON e.dec BETWEEN p.ps AND p.pe
        AND e.rec IN ('E11', 'E12', 'E41', 'E43', 'E44', 'E45', 'E46', 'E47', 'E48')""",
)
