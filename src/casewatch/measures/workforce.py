"""Workforce: caseloads (allocations) and the DfE's workforce rates (children's social work workforce census)."""

from casewatch.measures.define import WORKER_BREAKDOWNS, indicator
from casewatch.standards import worker_cap_sql
from casewatch.workforce.caseloads import TYPED

CASE_TYPES = ("cla", "cp", "cin", "assessment")  # [caseload.weights] in the standards file

CSWW = "DfE Children's social work workforce census and statistics (methodology: rates at 30 September)"
HOLDING = """SELECT p.pe, a.worker_id, p.pe AS dated, count(*) AS cases, any_value(w.fte) AS fte,
        coalesce(any_value(w.asye), false) AS asye
    FROM periods p JOIN allocations a ON a.start_date <= p.pe AND (a.end_date IS NULL OR a.end_date > p.pe)
    JOIN workers w ON w.worker_id = a.worker_id GROUP BY p.pe, a.worker_id"""
# the same, each case weighed by the child's case type on the date (the highest that covers it, as the caseloads
# page types it: workforce.caseloads.TYPED; a child held with none of them counts as child in need)
WEIGHED = f"""SELECT p.pe, a.worker_id, p.pe AS dated, count(*) AS cases,
        sum(CASE coalesce(t.case_type, 'cin') {" ".join(f"WHEN '{c}' THEN {{{{w_{c}}}}}" for c in CASE_TYPES)}
            ELSE 1.0 END) AS weighted, any_value(w.fte) AS fte, coalesce(any_value(w.asye), false) AS asye
    FROM periods p JOIN allocations a ON a.start_date <= p.pe AND (a.end_date IS NULL OR a.end_date > p.pe)
    JOIN workers w ON w.worker_id = a.worker_id
    LEFT JOIN (SELECT p.pe, t.child_id, arg_max(t.case_type, t.prio) AS case_type
               FROM periods p JOIN ({TYPED}) t ON t.s <= p.pe AND (t.e IS NULL OR t.e > p.pe) GROUP BY ALL) t
        ON t.pe = p.pe AND t.child_id = a.child_id
    GROUP BY p.pe, a.worker_id"""
# census rows of workers in post on a census day (30 September) that falls in the year
IN_POST = """FROM periods p JOIN workforce_census c ON c.census_date BETWEEN p.ps AND p.pe
    WHERE (c.role_end_date IS NULL OR c.role_end_date > c.census_date) AND coalesce(c.fte_30_sep, 0) > 0"""

indicator(
    id="caseload_per_fte", title="Average caseload per case-holding FTE", area="Workforce", unit="ratio",
    polarity="lower", period="snapshot", breakdowns=WORKER_BREAKDOWNS, decimals=2,
    description="Cases held on the period end divided by the full-time equivalent of the workers holding them.",
    source=CSWW + " ('average caseload per case-holding FTE': cases / FTE of case holders)",
    numerator="cases allocated on the date", denominator="FTE of the workers holding at least one case",
    units=f"SELECT pe, worker_id, dated, cases AS num, fte AS den FROM ({HOLDING})",
)
indicator(
    id="caseload_median", title="Median caseload of case holders", area="Workforce", unit="median",
    polarity=None, period="snapshot", breakdowns=WORKER_BREAKDOWNS, decimals=1,
    description="The middle of the number of cases each case-holding worker held on the period end (the "
                "distribution behind the average: one overloaded team can hide in a mean).",
    source=CSWW + "; Ofsted ILACS ('caseloads are manageable')",
    numerator="cases held per case-holding worker", denominator=None,
    units=f"SELECT pe, worker_id, dated, cases AS num FROM ({HOLDING})",
)
indicator(
    id="caseload_over_cap_pct", title="Case holders above the caseload cap", area="Workforce", unit="percent",
    polarity="lower", period="snapshot", breakdowns=WORKER_BREAKDOWNS,
    params={"cap": "caseload_cap", "asye_factor": "caseload_asye_factor"} | {f"w_{t}": f"caseload_weights_{t}"
                                                                              for t in CASE_TYPES},
    description="Case-holding workers whose caseload on the period end was above their cap: the council's "
                "{cap} cases for a full-time worker, pro rata for part-time, and {asye_factor} of that for a newly "
                "qualified (ASYE) worker, each case weighed by what the child is open for (in care {w_cla}, child "
                "protection {w_cp}, child in need {w_cin}, assessment {w_assessment}): the caseload standards "
                "the caseloads page and the balancer use.",
    source="Local caseload policy (the cap, ASYE factor and weights are the council's own: [caseload] in the standards "
           "file); " + CSWW,
    numerator="case holders whose weighted cases are more than cap x FTE (x the ASYE factor)",
    denominator="case-holding workers",
    units=f"""SELECT pe, worker_id, dated, 1 AS den,
        (weighted > {worker_cap_sql("{{cap}}", "{{asye_factor}}")})::INT AS num
        FROM ({WEIGHED})""",
)
indicator(
    id="vacancy_rate_pct", title="Social worker vacancy rate", area="Workforce", unit="percent", polarity="lower",
    period="year", breakdowns=(),
    description="Vacant social worker posts (FTE) at 30 September as a share of vacancies plus social workers in "
                "post (FTE).",
    source=CSWW + " ('vacancy rate = vacancies FTE / (vacancies FTE + FTE in post)')",
    numerator="vacancies (FTE) at 30 September", denominator="vacancies plus social workers in post (FTE)",
    units="""SELECT p.pe, NULL AS worker_id, p.pe AS dated, v.vacancies_fte AS num,
        v.vacancies_fte + coalesce((SELECT sum(c.fte_30_sep) FROM workforce_census c
            WHERE c.census_date = v.census_date AND NOT c.agency AND coalesce(c.fte_30_sep, 0) > 0
              AND (c.role_end_date IS NULL OR c.role_end_date > c.census_date)), 0) AS den
        FROM periods p JOIN vacancies v ON v.census_date BETWEEN p.ps AND p.pe""",
)
indicator(
    id="agency_rate_pct", title="Agency worker rate", area="Workforce", unit="percent", polarity="lower",
    period="year", breakdowns=WORKER_BREAKDOWNS,
    description="Agency social workers (FTE) at 30 September as a share of all social workers in post (FTE).",
    source=CSWW + " ('agency worker rate = agency FTE / (agency FTE + employed FTE)')",
    numerator="agency workers' FTE", denominator="all workers' FTE in post",
    units=f"SELECT p.pe, c.worker_id, c.census_date AS dated, c.fte_30_sep AS den, "
          f"CASE WHEN c.agency THEN c.fte_30_sep ELSE 0 END AS num {IN_POST}",
)
indicator(
    id="turnover_rate_pct", title="Social worker turnover rate", area="Workforce", unit="percent",
    polarity="lower", period="year", breakdowns=WORKER_BREAKDOWNS,
    description="Employed social workers (FTE) who left in the 12 months to 30 September as a share of employed "
                "social workers in post (FTE) on 30 September.",
    source=CSWW + " ('turnover rate = leavers FTE / FTE in post at 30 September')",
    numerator="leavers' FTE in the 12 months to the census", denominator="employed FTE in post at the census",
    units="""SELECT p.pe, c.worker_id, c.census_date AS dated,
        CASE WHEN c.role_end_date > c.census_date - INTERVAL 1 YEAR AND c.role_end_date <= c.census_date
             THEN coalesce(c.fte_30_sep, w.fte, 1) ELSE 0 END AS num,
        CASE WHEN (c.role_end_date IS NULL OR c.role_end_date > c.census_date) THEN coalesce(c.fte_30_sep, 0)
             ELSE 0 END AS den
        FROM periods p JOIN workforce_census c ON c.census_date BETWEEN p.ps AND p.pe
        LEFT JOIN workers w ON w.worker_id = c.worker_id WHERE NOT c.agency""",
)
indicator(
    id="absence_rate_pct", title="Social worker sickness absence rate", area="Workforce", unit="percent",
    polarity="lower", period="year", breakdowns=WORKER_BREAKDOWNS,
    description="Working days lost to sickness in the census year as a share of the working days available to "
                "employed social workers in post (FTE x working days in the 12 months to 30 September, England "
                "and Wales calendar).",
    source=CSWW + " ('absence rate = working days lost / (FTE x working days)')",
    numerator="working days lost to sickness", denominator="FTE in post x working days in the year",
    units="""SELECT p.pe, c.worker_id, c.census_date AS dated, coalesce(c.working_days_lost, 0) AS num,
        c.fte_30_sep * (e.working_day_no - s.working_day_no) AS den
        FROM periods p JOIN workforce_census c ON c.census_date BETWEEN p.ps AND p.pe
        JOIN calendar e ON e.date = c.census_date JOIN calendar s ON s.date = c.census_date - INTERVAL 1 YEAR
        WHERE (c.role_end_date IS NULL OR c.role_end_date > c.census_date) AND coalesce(c.fte_30_sep, 0) > 0
          AND NOT c.agency""",
)
