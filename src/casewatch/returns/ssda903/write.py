"""Write one collection year's SSDA903 from the canonical tables, as a council's system would.

Inclusion follows the DfE's guidance for the year 1 April Y-1 to 31 March Y: episodes open at any time in
the year; reviews and missing episodes in the year; social worker episodes (SWEpisodes, from 2023-24) for
children looked after on 31 March (an open episode, legal status not V3/V4): every allocation of theirs open
at any time in the year, those from before they came into care included (SW01STG1, SW12STG2); OC3 for care
leavers whose 17th-21st birthday falls in the year; PlacedAdoption for adoption decisions open in the year of
children looked after in it; AD1 for children adopted in the year; and a Header row for every child in any of
them. What happened after 31 March Y is not known yet: end dates and reasons after it are blank; but a UASC's
DUC, the date UASC status ceases, is known in advance while the child is still UASC (the 18th birthday) and is
given (rule 205B). SW_REASON is the reason for the change TO the episode's social worker, so it is given on
open episodes too: first contact (FCONTA) for a child's first allocation or the first after their case was
closed, else why the previous allocation ended (worker left: LEFTRL; caseload balancing: MANAGE; a move to
another team in the council's process, into or out of care or between services: TSPROC). Codes are written as
that year's specification has them (SEX 1/2 before 2024-25; an H5 placement open after H5 was withdrawn in
2024-25 is reported as K3, as councils recoded them; a child of unknown sex (U) before 2024-25 has no valid code
and is written U, for rule 101 to raise, as it would for a council). The generator does not model adopters, so
AD1's adopter details are derived from the child's identifier (deterministic, clearly synthetic).
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from casewatch.returns.ssda903 import spec

# SWEpisodes' SW_REASON is why the child changed to this social worker: the reason the child's previous allocation
# ended, or first contact (FCONTA) for a child's first allocation or the first after their case was closed
SW_REASON = """CASE WHEN prev_reason IS NULL OR prev_reason = 'case_closed' THEN 'FCONTA'
                    WHEN prev_reason = 'worker_left' THEN 'LEFTRL'
                    WHEN prev_reason = 'caseload_balancing' THEN 'MANAGE'
                    WHEN prev_reason IN ('team_transfer', 'step_up', 'step_down') THEN 'TSPROC'
                    ELSE 'OTHERS' END"""
# the 18th birthday, when a UASC's status ceases unless something ends it sooner (29 February: 1 March, as the
# generator has it)
EIGHTEENTH = """CASE WHEN strftime(date_of_birth, '%m-%d') = '02-29' THEN make_date(year(date_of_birth) + 18, 3, 1)
                     ELSE CAST(date_of_birth + INTERVAL 18 YEAR AS DATE) END"""


def _window(year: int) -> tuple[str, str]:
    return f"DATE '{year - 1}-04-01'", f"DATE '{year}-03-31'"


def _known(col: str, end: str) -> str:
    return f"CASE WHEN {col} <= {end} THEN {col} END"


def _bit(col: str) -> str:
    return f"CASE WHEN {col} THEN '1' WHEN NOT {col} THEN '0' END"


def queries(year: int) -> dict[str, str]:
    s, e = _window(year)
    # H5 left the PLACE codes in 2024-25 (K3 took over); an H5 placement still open is reported as K3 from then
    place = "CASE WHEN place = 'H5' THEN 'K3' ELSE place END" if "H5" not in spec.codes(year, "episodes", "PLACE") \
        else "place"
    sex = "sex" if year >= 2025 else "CASE sex WHEN 'M' THEN '1' WHEN 'F' THEN '2' ELSE sex END"
    dob = "(SELECT date_of_birth FROM children c WHERE c.child_id = t.child_id)"
    q = {
        "episodes": f"""
            SELECT child_id AS CHILD, decom AS DECOM, rne AS RNE, legal_status AS LS, cin AS CIN, {place} AS PLACE,
                   place_provider AS PLACE_PROVIDER, {_known('dec', e)} AS DEC,
                   CASE WHEN dec <= {e} THEN rec END AS REC, reason_place_change AS REASON_PLACE_CHANGE,
                   home_postcode AS HOME_POST, placement_postcode AS PL_POST, urn AS URN
            FROM cla_episodes WHERE decom <= {e} AND (dec IS NULL OR dec >= {s}) ORDER BY CHILD, DECOM""",
        "reviews": f"""
            SELECT child_id AS CHILD, {dob} AS DOB, review_date AS REVIEW, participation AS REVIEW_CODE
            FROM cla_reviews t WHERE review_date BETWEEN {s} AND {e} ORDER BY CHILD, REVIEW""",
        "missing": f"""
            SELECT child_id AS CHILD, {dob} AS DOB, kind AS MISSING, start_date AS MIS_START,
                   {_known('end_date', e)} AS MIS_END
            FROM missing_episodes t WHERE start_date <= {e} AND (end_date IS NULL OR end_date >= {s})
            ORDER BY CHILD, MIS_START""",
        "oc3": f"""
            SELECT child_id AS CHILD, {dob} AS DOB, in_touch AS IN_TOUCH, activity AS ACTIV,
                   accommodation AS ACCOM
            FROM care_leavers t WHERE birthday BETWEEN {s} AND {e} ORDER BY CHILD""",
        "oc2": f"""
            SELECT child_id AS CHILD, {dob} AS DOB, sdq_score AS SDQ_SCORE, sdq_reason AS SDQ_REASON,
                   {_bit('convicted')} AS CONVICTED, {_bit('health_check')} AS HEALTH_CHECK,
                   {_bit('immunisations')} AS IMMUNISATIONS, {_bit('teeth_check')} AS TEETH_CHECK,
                   {_bit('health_assessment')} AS HEALTH_ASSESSMENT, {_bit('substance_misuse')} AS SUBSTANCE_MISUSE,
                   {_bit('intervention_received')} AS INTERVENTION_RECEIVED,
                   {_bit('intervention_offered')} AS INTERVENTION_OFFERED
            FROM cla_health t WHERE year_ending = {e} ORDER BY CHILD""",
        "placed_adoption": f"""
            SELECT child_id AS CHILD, {dob} AS DOB, decision_date AS DATE_PLACED,
                   {_known('decision_reversed_date', e)} AS DATE_PLACED_CEASED,
                   CASE WHEN decision_reversed_date <= {e} THEN reversed_reason END AS REASON_PLACED_CEASED
            FROM permanence t
            WHERE route = 'adoption' AND decision_date <= {e}
              AND (decision_reversed_date IS NULL OR decision_reversed_date >= {s})
              AND EXISTS (SELECT 1 FROM cla_episodes x WHERE x.child_id = t.child_id AND x.decom <= {e}
                          AND (x.dec IS NULL OR x.dec >= {s}))  -- looked after in the year (EPI): not once adopted
            ORDER BY CHILD, DATE_PLACED""",
        "ad1": f"""
            SELECT child_id AS CHILD, {dob} AS DOB, decision_date AS DATE_INT, matched_date AS DATE_MATCH,
                   CASE WHEN hash(child_id) % 4 = 0 THEN '1' ELSE '0' END AS FOSTER_CARE,
                   CASE WHEN hash(child_id) % 5 = 0 THEN 1 ELSE 2 END AS NB_ADOPTR,
                   CASE WHEN hash(child_id) % 5 = 0 THEN 'F1' ELSE 'MF' END AS SEX_ADOPTR,
                   CASE WHEN hash(child_id) % 5 = 0 THEN 'L0' ELSE 'L11' END AS LS_ADOPTR
            FROM permanence t
            WHERE order_type = 'adoption' AND order_date BETWEEN {s} AND {e} AND placed_date IS NOT NULL
              AND matched_date IS NOT NULL
            ORDER BY CHILD""",
    }
    if "social_worker" in spec.tables(year):
        q["social_worker"] = f"""
            SELECT child_id AS CHILD, {dob} AS DOB, worker_id AS SW_ID, start_date AS SW_DECOM,
                   {_known('end_date', e)} AS SW_DEC, {SW_REASON} AS SW_REASON
            FROM (SELECT *, lag(end_reason) OVER (PARTITION BY child_id ORDER BY start_date, allocation_id)
                            AS prev_reason
                  FROM allocations) t
            WHERE start_date <= {e} AND (end_date IS NULL OR end_date > {s})
              AND child_id IN (SELECT child_id FROM cla_episodes WHERE decom <= {e} AND (dec IS NULL OR dec > {e})
                               AND legal_status NOT IN ('V3', 'V4'))
            ORDER BY CHILD, SW_DECOM, SW_ID"""
    uasc = f"""
        SELECT child_id AS CHILD, date_of_birth AS DOB, {sex} AS SEX,
               CASE WHEN uasc_ceased <= {e} THEN uasc_ceased ELSE {EIGHTEENTH} END AS DUC
        FROM children WHERE uasc AND child_id IN (SELECT CHILD FROM ({q['episodes']}))
        ORDER BY CHILD"""
    q["uasc"] = uasc
    everyone = " UNION ".join(f"SELECT CHILD FROM ({sql})" for sql in q.values())
    q["header"] = f"""
        SELECT child_id AS CHILD, {sex} AS SEX, date_of_birth AS DOB, ethnicity AS ETHNIC,
               CASE WHEN date_diff('year', date_of_birth, {e}) < 6 THEN 'UN1' ELSE 'UN2' END AS UPN,
               CASE WHEN sex <> 'M' AND (child_id IN (SELECT CHILD FROM ({q['episodes']}))
                                         OR child_id NOT IN (SELECT CHILD FROM ({q['oc3']})))
                    THEN '0' END AS MOTHER,  -- not a mother (not modelled); blank for care leavers only (628)
               NULL AS MC_DOB
        FROM children WHERE child_id IN ({everyone}) ORDER BY CHILD"""
    return q


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def write_903(con, out_dir: Path, year: int, *, formats=("csv",)) -> list[Path]:
    """CSV files into ``out_dir``; with "xml" in ``formats`` also the same return as one XML file in the sibling
    folder ``<out_dir>_xml`` (a council sends one or the other, and loading both would count everything twice)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for table, sql in queries(year).items():
        cur = con.execute(sql)
        cols = [d[0] for d in cur.description]
        path = out_dir / f"SSDA903_{year}_{table}.csv"
        with open(path, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(cols)
            for row in cur.fetchall():
                w.writerow([_cell(v) for v in row])
        written.append(path)
    if "xml" in formats:
        from casewatch.returns.ssda903.write_xml import write_903_xml

        xml_dir = out_dir.parent / f"{out_dir.name}_xml"  # the same return as XML: load one or the other, not both
        xml_dir.mkdir(parents=True, exist_ok=True)
        written.append(write_903_xml(con, xml_dir / f"SSDA903_{year}.xml", year, queries(year)))
    return written
