"""Who may open a chronology: a team manager for 12 months after their team held the case; a worker only now."""

from __future__ import annotations

from casewatch.measures.scope import _minus_year
from casewatch.web import chronology
from casewatch.web.principal import Principal
from casewatch.web.source import Source

ENDED = """SELECT a.child_id, coalesce(a.team_id, w.team_id), a.worker_id FROM allocations a
    LEFT JOIN workers w USING (worker_id)
    WHERE a.end_date {cond} AND NOT EXISTS (
        SELECT 1 FROM allocations b LEFT JOIN workers v USING (worker_id) WHERE b.child_id = a.child_id
          AND coalesce(b.team_id, v.team_id) = coalesce(a.team_id, w.team_id) AND b.allocation_id <> a.allocation_id
          AND b.start_date <= $on AND (b.end_date IS NULL OR b.end_date > $since))
    ORDER BY a.child_id LIMIT 1"""


def test_team_reach_lasts_twelve_months(world):
    with Source(world.db).connect() as (con, ctx):
        on, since = ctx.data_to, _minus_year(ctx.data_to)
        recent = con.execute(ENDED.format(cond="BETWEEN $since + 1 AND $on"), {"on": on, "since": since}).fetchone()
        old = con.execute(ENDED.format(cond="< $since - 30"), {"on": on, "since": since}).fetchone()
        assert recent and old
        child, team, worker = recent
        assert chronology.may_open(con, Principal("tm", "team_manager", frozenset({team})), child, on)
        assert not chronology.may_open(con, Principal("sw", "social_worker", worker=worker), child, on)
        child, team, worker = old
        assert not chronology.may_open(con, Principal("tm", "team_manager", frozenset({team})), child, on)
        assert chronology.may_open(con, Principal("hos", "head_of_service"), child, on)
        assert not chronology.may_open(con, Principal("m", "member"), child, on)
