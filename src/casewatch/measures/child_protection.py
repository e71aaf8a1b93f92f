"""Child protection plans and children in need (CIN census; Annex A lists 7 and 5)."""

from casewatch.measures.define import RATE_BREAKDOWNS, indicator

WT = "Working Together to Safeguard Children 2023, chapter 2"
CIN = "DfE, Children in need census guide"
CHAR = "DfE Characteristics of children in need"
ON_PLAN = """SELECT DISTINCT p.pe, c.child_id, p.pe AS dated, 1 AS num
    FROM periods p JOIN cp_plans c ON c.start_date <= p.pe AND (c.end_date IS NULL OR c.end_date > p.pe)"""
STARTED = """SELECT p.pe, c.child_id, min(c.start_date) AS dated, 1 AS num
    FROM periods p JOIN cp_plans c ON c.start_date BETWEEN p.ps AND p.pe GROUP BY ALL"""

indicator(
    id="cp_at_31_march", title="Children on a child protection plan", area="Child protection", unit="count",
    polarity=None, period="snapshot", description="Children on a child protection plan on the period end.",
    source=CIN + " (CPPstartDate, CPPendDate); " + CHAR + ", table D",
    numerator="children with a plan started on or before the date and not ended by it", denominator=None,
    units=ON_PLAN,
)
indicator(
    id="cp_rate_per_10k", title="Children on a child protection plan per 10,000", area="Child protection",
    unit="per_10k", polarity=None, period="snapshot", breakdowns=RATE_BREAKDOWNS,
    description="Children on a child protection plan on the period end per 10,000 children aged 0-17.",
    source=CIN + "; " + CHAR, numerator="children on a plan",
    denominator="children aged 0-17 (ONS mid-year estimate)", units=ON_PLAN,
)
indicator(
    id="cp_starts", title="Children who became the subject of a plan", area="Child protection", unit="count",
    polarity=None, period="year", description="Children whose child protection plan started in the year.",
    source=CIN + "; " + CHAR, numerator="children with a plan starting in the year (once each)",
    denominator=None, units=STARTED,
)
indicator(
    id="cp_starts_rate_per_10k", title="Child protection plans started per 10,000", area="Child protection",
    unit="per_10k", polarity=None, period="year", breakdowns=RATE_BREAKDOWNS,
    description="Children whose plan started in the year per 10,000 children aged 0-17.",
    source=CIN + "; " + CHAR, numerator="children with a plan starting in the year",
    denominator="children aged 0-17 (ONS mid-year estimate)", units=STARTED,
)
indicator(
    id="cp_second_or_subsequent_pct", title="Plans that were a second or subsequent plan", area="Child protection",
    unit="percent", polarity="lower", period="year", funnel=True,
    description="Child protection plans started in the year for a child who had been on a plan before (ever).",
    source=CIN + "; " + CHAR + " ('second or subsequent time, ever')",
    numerator="plans started in the year whose child had an earlier plan", denominator="plans started in the year",
    units="""SELECT p.pe, c.child_id, c.start_date AS dated, 1 AS den,
        EXISTS (SELECT 1 FROM cp_plans e WHERE e.child_id = c.child_id AND e.start_date < c.start_date)::INT AS num
        FROM periods p JOIN cp_plans c ON c.start_date BETWEEN p.ps AND p.pe""",
    history_months=60,
)
indicator(
    id="cp_2plus_years_open_pct", title="Open plans that have lasted two years or more", area="Child protection",
    unit="percent", polarity="lower", period="snapshot", funnel=True,
    description="Children on a plan on the period end whose plan had lasted two years or more.",
    source=CIN + "; " + CHAR + " (plans open at 31 March by length)",
    numerator="children on a plan that started two or more years before the date",
    denominator="children on a plan on the date",
    units="""SELECT p.pe, c.child_id, p.pe AS dated, 1 AS den, (min(c.start_date) <= p.pe - INTERVAL 2 YEAR)::INT AS num
        FROM periods p JOIN cp_plans c ON c.start_date <= p.pe AND (c.end_date IS NULL OR c.end_date > p.pe)
        GROUP BY p.pe, c.child_id""",
)
indicator(
    id="cp_ended_2plus_years_pct", title="Plans ended that had lasted two years or more", area="Child protection",
    unit="percent", polarity="lower", period="year",
    description="Child protection plans that ended in the year after lasting two years or more.",
    source=CIN + "; " + CHAR + " ('plans ceasing during the year by length of time')",
    numerator="plans ended in the year that lasted two years or more", denominator="plans ended in the year",
    units="""SELECT p.pe, c.child_id, c.end_date AS dated, 1 AS den,
        (c.end_date >= c.start_date + INTERVAL 2 YEAR)::INT AS num
        FROM periods p JOIN cp_plans c ON c.end_date BETWEEN p.ps AND p.pe""",
)
indicator(
    id="cp_visits_on_time_pct", title="Children on a plan seen within the local standard", area="Child protection",
    unit="percent", polarity="higher", period="snapshot", funnel=True, params={"visit_wd": "visits_cp_working_days"},
    description="Children on a plan on the period end who had been seen by a social worker within the last "
                "{visit_wd} working days (a local standard: default every 10 working days), counting only "
                "children whose plan had run that long.",
    source=WT + " (statutory visits as the plan sets; the frequency is the council's); Ofsted ILACS Annex A list 7",
    numerator="those seen (a CP visit, child seen) in the {visit_wd} working days to the date",
    denominator="children on a plan that had started at least {visit_wd} working days before the date",
    units="""WITH on_plan AS (
        SELECT p.pe, c.child_id, min(c.start_date) AS start_date
        FROM periods p JOIN cp_plans c ON c.start_date <= p.pe AND (c.end_date IS NULL OR c.end_date > p.pe)
        GROUP BY ALL)
      SELECT o.pe, o.child_id, o.pe AS dated, 1 AS den,
        EXISTS (SELECT 1 FROM visits v JOIN calendar vd ON vd.date = v.visit_date
                WHERE v.child_id = o.child_id AND v.kind = 'CP' AND v.child_seen AND v.visit_date <= o.pe
                  AND e.working_day_no - vd.working_day_no <= {{visit_wd}})::INT AS num
      FROM on_plan o JOIN calendar e ON e.date = o.pe JOIN calendar s ON s.date = o.start_date
      WHERE e.working_day_no - s.working_day_no >= {{visit_wd}}""",
)
indicator(
    id="cp_reviews_on_time_pct", title="Child protection plans with every review on time", area="Child protection",
    unit="percent", polarity="higher", period="year", funnel=True,
    description="Plans that had run three months or more, open on the period end or ended in the year, whose "
                "every review conference was on time: the first within three months of the initial conference, "
                "each later one within six months of the one before, and none overdue on the period end or the "
                "plan's end.",
    source=WT + " (review conferences: within 3 months, then every 6 months); " + CHAR + " ('reviews on time')",
    numerator="those plans with every review on time",
    denominator="plans of three months or more open on the period end or ended in the year",
    units="""WITH plans AS (
        SELECT p.pe, c.plan_id, c.child_id, c.start_date, least(coalesce(c.end_date, p.pe), p.pe) AS upto,
               c.review_dates
        FROM periods p JOIN cp_plans c ON c.start_date <= p.pe AND (c.end_date IS NULL OR c.end_date >= p.ps)
        WHERE least(coalesce(c.end_date, p.pe), p.pe) >= c.start_date + INTERVAL 3 MONTH),
      points AS (
        SELECT pe, plan_id, child_id, upto, start_date AS d FROM plans
        UNION ALL
        SELECT pe, plan_id, child_id, upto, unnest(review_dates) AS d FROM plans),
      gaps AS (
        SELECT pe, plan_id, child_id, upto, d,
               coalesce(lead(d) OVER w, upto) AS nxt, row_number() OVER w AS k
        FROM points WHERE d <= upto WINDOW w AS (PARTITION BY pe, plan_id ORDER BY d))
      SELECT pe, any_value(child_id) AS child_id, any_value(upto) AS dated, 1 AS den,
        bool_and(nxt <= d + CASE WHEN k = 1 THEN INTERVAL 3 MONTH ELSE INTERVAL 6 MONTH END)::INT AS num
      FROM gaps GROUP BY pe, plan_id""",
)

OPEN_CIN = """SELECT p.pe, r.child_id, p.pe AS dated, min(r.referral_date) AS since
    FROM periods p JOIN referrals r ON r.referral_date <= p.pe AND (r.closure_date IS NULL OR r.closure_date > p.pe)
    GROUP BY p.pe, r.child_id"""
indicator(
    id="cin_at_31_march", title="Children in need", area="Children in need", unit="count", polarity=None,
    period="snapshot",
    description="Children with an open children in need episode on the period end, including those on a child "
                "protection plan or in care.",
    source=CIN + " (CINreferralDate, CINclosureDate); " + CHAR + ", table B",
    numerator="children with a CIN episode open on the date", denominator=None,
    units=f"SELECT pe, child_id, dated, 1 AS num FROM ({OPEN_CIN})",
)
indicator(
    id="cin_rate_per_10k", title="Children in need per 10,000", area="Children in need", unit="per_10k",
    polarity=None, period="snapshot", breakdowns=RATE_BREAKDOWNS,
    description="Children in need on the period end per 10,000 children aged 0-17.",
    source=CIN + "; " + CHAR, numerator="children in need on the date",
    denominator="children aged 0-17 (ONS mid-year estimate)",
    units=f"SELECT pe, child_id, dated, 1 AS num FROM ({OPEN_CIN})",
)
indicator(
    id="cin_open_2plus_years_pct", title="Children in need for two years or more", area="Children in need",
    unit="percent", polarity="lower", period="snapshot", funnel=True,
    description="Children in need on the period end whose current episode had been open two years or more.",
    source=CIN + "; " + CHAR + " (episode duration bands)",
    numerator="children whose earliest open episode started two or more years before the date",
    denominator="children in need on the date",
    units=f"SELECT pe, child_id, dated, 1 AS den, (since <= pe - INTERVAL 2 YEAR)::INT AS num FROM ({OPEN_CIN})",
)
indicator(
    id="cin_open_under_3_months_pct", title="Children in need for under three months", area="Children in need",
    unit="percent", polarity=None, period="snapshot",
    description="Children in need on the period end whose current episode had been open under three months.",
    source=CIN + "; " + CHAR + " (episode duration bands)",
    numerator="children whose earliest open episode started less than three months before the date",
    denominator="children in need on the date",
    units=f"SELECT pe, child_id, dated, 1 AS den, (since > pe - INTERVAL 3 MONTH)::INT AS num FROM ({OPEN_CIN})",
)
