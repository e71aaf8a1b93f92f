"""Case-management extract -> canonical tables. Event identifiers are natural keys, as for the returns, so
an allocation in the extract and the same one in the 903's social worker episodes are one allocation."""

from __future__ import annotations

from casewatch.returns.keys import event_id

COUNCIL = "coalesce(council_id, getvariable('council_id'))"


def _src(stem: str) -> str:
    return f"_file, _row, _year, 'cms.{stem}' AS _src"


def to_model() -> dict[str, str]:
    g = "getvariable('council_id')"
    return {
        "councils": f"SELECT {COUNCIL} AS council_id, name, region, data_to, {_src('council')} FROM cms.council",
        "population": f"SELECT {g} AS council_id, mid_year, age, children, {_src('population')} FROM cms.population",
        "teams": f"""SELECT team_id, {g} AS council_id, name, lower(service) AS service, start_date, end_date,
                            {_src('teams')} FROM cms.teams""",
        "workers": f"""SELECT worker_id, {g} AS council_id, team_id, lower(role) AS role, fte, agency, asye,
                              start_date, end_date, {_src('workers')} FROM cms.workers""",
        "children": f"""SELECT child_id, {g} AS council_id, date_of_birth, sex, ethnicity, disability, uasc,
                               uasc_ceased, family_id, {_src('children')} FROM cms.children""",
        "contacts": f"""SELECT {event_id('contacts', 'child_id', 'contact_date', seq=True)} AS contact_id, child_id,
                               contact_date, source, lower(outcome) AS outcome, {_src('contacts')}
                        FROM cms.contacts""",
        "early_help_episodes": f"""
            SELECT {event_id('early_help_episodes', 'child_id', 'start_date', seq=True)} AS episode_id, child_id,
                   start_date, end_date, lower(outcome) AS outcome, {_src('early_help')} FROM cms.early_help""",
        "allocations": f"""
            SELECT {event_id('allocations', 'child_id', 'start_date', seq=True)} AS allocation_id, child_id,
                   worker_id, team_id, start_date, end_date, lower(end_reason) AS end_reason, {_src('allocations')}
            FROM cms.allocations""",
        "visits": f"""
            SELECT {event_id('visits', 'child_id', 'visit_date', seq=True)} AS visit_id, child_id, worker_id,
                   visit_date, CASE WHEN lower(kind) = 'assessment' THEN 'assessment' ELSE upper(kind) END AS kind,
                   child_seen, seen_alone, {_src('visits')} FROM cms.visits""",
        "assessments": f"""
            SELECT {event_id('assessments', 'child_id', 'start_date')} AS assessment_id, child_id, start_date,
                   child_seen, lower(outcome) AS outcome, {_src('assessment_details')} FROM cms.assessment_details""",
        "section47": f"""
            SELECT {event_id('section47', 'child_id', 'start_date')} AS s47_id, child_id, start_date,
                   strategy_discussion_date, lower(outcome) AS outcome, {_src('s47_details')}
            FROM cms.s47_details""",
    }
