"""Case-management extract -> canonical tables. Every staged row is a candidate in one table.

Event identifiers are the natural keys the returns use (``returns/keys.py``), so an allocation in the
extract and the same one in the 903's social worker episodes are one allocation, and the extract's
assessment and s47 details land on the CIN census's assessment and enquiry (child and start date). Those
detail rows carry only the identifier, the child and the details (child seen, outcome; strategy discussion,
outcome): the census gives the rest, and an assessment the census does not have is quarantined for its
missing referral, with the reason. casewatch's own codes are read in any case, spaces for underscores
("Case closed" is case_closed); sex M/F/U also from 1/2/0/9 or Male/Female/Unknown; visit kinds CLA, CP, CIN upper case and assessment lower, as the model has them.
"""

from __future__ import annotations

from casewatch.returns.keys import event_id

COUNCIL = "getvariable('council_id')"
# sex as the model has it (M, F, U) from the ways systems export it: CIN census 1/2/0/9, words
SEX = ("CASE sex WHEN '1' THEN 'M' WHEN '2' THEN 'F' WHEN '0' THEN 'U' WHEN '9' THEN 'U' WHEN 'MALE' THEN 'M' "
       "WHEN 'FEMALE' THEN 'F' WHEN 'UNKNOWN' THEN 'U' ELSE sex END")


def _src(stem: str) -> str:
    return f"_file, _row, _year, 'cms.{stem}' AS _src"


def _code(col: str) -> str:
    return f"lower(regexp_replace(trim({col}), '[\\s-]+', '_', 'g'))"


def to_model() -> dict[str, str]:
    return {
        "councils": f"""SELECT coalesce(council_id, {COUNCIL}) AS council_id, name, region, data_to,
                               {_src('council')} FROM cms.council""",
        "population": f"SELECT {COUNCIL} AS council_id, mid_year, age, children, {_src('population')} FROM cms.population",
        "teams": f"""SELECT team_id, {COUNCIL} AS council_id, name, {_code('service')} AS service, start_date,
                            end_date, {_src('teams')} FROM cms.teams""",
        "workers": f"""SELECT worker_id, {COUNCIL} AS council_id, team_id, {_code('role')} AS role, fte, agency, asye,
                              start_date, end_date, name, {_src('workers')} FROM cms.workers""",
        "children": f"""SELECT child_id, {COUNCIL} AS council_id, date_of_birth, {SEX} AS sex, ethnicity, disability, uasc,
                               uasc_ceased, family_id, {_src('children')} FROM cms.children""",
        "contacts": f"""SELECT {event_id('contacts', 'child_id', 'contact_date', seq=True)} AS contact_id, child_id,
                               contact_date, source, {_code('outcome')} AS outcome, {_src('contacts')}
                        FROM cms.contacts""",
        "early_help_episodes": f"""
            SELECT {event_id('early_help_episodes', 'child_id', 'start_date', seq=True)} AS episode_id, child_id,
                   start_date, end_date, {_code('outcome')} AS outcome, {_src('early_help')} FROM cms.early_help""",
        "allocations": f"""
            SELECT {event_id('allocations', 'child_id', 'start_date', seq=True)} AS allocation_id, child_id,
                   worker_id, team_id, start_date, end_date, {_code('end_reason')} AS end_reason, {_src('allocations')}
            FROM cms.allocations""",
        "visits": f"""
            SELECT {event_id('visits', 'child_id', 'visit_date', seq=True)} AS visit_id, child_id, worker_id,
                   visit_date, CASE WHEN lower(trim(kind)) = 'assessment' THEN 'assessment' ELSE upper(trim(kind)) END
                       AS kind, child_seen, seen_alone, {_src('visits')} FROM cms.visits""",
        "assessments": f"""
            SELECT {event_id('assessments', 'child_id', 'start_date')} AS assessment_id, child_id, child_seen,
                   {_code('outcome')} AS outcome, {_src('assessment_details')} FROM cms.assessment_details""",
        "section47": f"""
            SELECT {event_id('section47', 'child_id', 'start_date')} AS s47_id, child_id, strategy_discussion_date,
                   {_code('outcome')} AS outcome, {_src('s47_details')} FROM cms.s47_details""",
    }
