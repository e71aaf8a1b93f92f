"""Shared fixtures: synthetic councils generated once per test session, and databases loaded from them."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from casewatch.model.load import load_directory
from casewatch.synth import SynthOptions, generate

END = date(2026, 3, 31)  # fixed, so tests do not depend on today's date


class Councils:
    def __init__(self, root: Path):
        self.root = root
        self._made: dict[tuple, Path] = {}

    def synth(self, size: str = "tiny", seed: int = 1, scenario: str = "baseline", councils: int = 1,
              years: int = 5) -> Path:
        key = (size, seed, scenario, councils, years)
        if key not in self._made:
            out = self.root / "_".join(map(str, key))
            generate(out, SynthOptions(size=size, seed=seed, years=years, scenario=scenario, councils=councils,
                                       end=END))
            self._made[key] = out
        return self._made[key]

    def loaded(self, **kwargs) -> tuple[Path, Path]:
        """(synth directory, database) — the database is loaded once per synth directory."""
        out = self.synth(**kwargs)
        db = out.with_suffix(".duckdb")
        if not db.exists():
            load_directory(out, db)
        return out, db


@pytest.fixture(scope="session")
def councils(tmp_path_factory) -> Councils:
    return Councils(tmp_path_factory.mktemp("councils"))


def read_truth(out: Path) -> dict:
    return json.loads((out / "truth.json").read_text())


def expected_shortfall(db: Path, cap: float, asye_factor: float = 0.8) -> dict:
    """The FTE shortfall worked out straight from the database, for the pages and the report to be checked
    against (not through workforce.shortfall): each case (every weight 1.0) belongs with the service and team of
    the case-holding worker in post who holds it, or (unallocated, or held by someone who has left, or by a
    worker whose team has closed) with the service of what the child is open for; capacity is the sum of cap x
    FTE (x the ASYE factor) of the case-holding workers in post in a team open on the date. Returns
    {"council": (short weighted, short FTE), "services": {service: (..)}, "teams": {team_id: (..)}}."""
    import math

    from casewatch.measures.api import open_council
    from casewatch.model.codes import CASE_HOLDING_ROLES

    with open_council(db) as (con, ctx):
        d = {"d": ctx.data_to}
        roles = tuple(CASE_HOLDING_ROLES)
        workers = {}  # worker -> (team, service, cap) for case holders in post; service None: team closed
        left = set()
        for wid, team, service, open_team, fte, asye, role, start, end in con.execute("""
                SELECT w.worker_id, w.team_id, t.service,
                       t.start_date <= $d AND (t.end_date IS NULL OR t.end_date > $d), w.fte, coalesce(w.asye, false), w.role, w.start_date, w.end_date
                FROM workers w LEFT JOIN teams t USING (team_id)""", d).fetchall():
            if end is not None and end <= ctx.data_to:
                left.add(wid)
            elif role in roles and fte is not None and (start is None or start <= ctx.data_to):
                workers[wid] = (team, service if open_team else None, cap * float(fte) * (asye_factor if asye else 1.0))
        held = dict(con.execute("""
            SELECT a.child_id, min(a.worker_id) FROM allocations a JOIN workers w USING (worker_id)
            WHERE a.start_date <= $d AND (a.end_date IS NULL OR a.end_date > $d) GROUP BY a.child_id""", d).fetchall())
        open_for = {}  # children with an open referral on the date: what they are open for, by service
        for child, cla, cp, assessing in con.execute("""
                SELECT r.child_id,
                    EXISTS (SELECT 1 FROM cla_episodes e WHERE e.child_id = r.child_id AND e.decom <= $d
                            AND (e.dec IS NULL OR e.dec > $d) AND coalesce(e.legal_status, '') NOT IN ('V3', 'V4')),
                    EXISTS (SELECT 1 FROM cp_plans p WHERE p.child_id = r.child_id AND p.start_date <= $d
                            AND (p.end_date IS NULL OR p.end_date > $d)),
                    EXISTS (SELECT 1 FROM assessments a WHERE a.child_id = r.child_id AND a.start_date <= $d
                            AND (a.authorised_date IS NULL OR a.authorised_date > $d))
                    AND NOT EXISTS (SELECT 1 FROM cin_plans n WHERE n.child_id = r.child_id AND n.start_date <= $d
                                    AND (n.end_date IS NULL OR n.end_date > $d))
                FROM (SELECT DISTINCT child_id FROM referrals WHERE referral_date <= $d
                      AND (closure_date IS NULL OR closure_date > $d)) r""", d).fetchall():
            open_for[child] = ("children_in_care" if cla else "safeguarding" if cp
                               else "assessment" if assessing else "safeguarding")
    services: dict[str, list[float]] = {}
    teams: dict[str, list[float]] = {}
    for team, service, c in workers.values():
        if service is not None:
            services.setdefault(service, [0.0, 0.0])[1] += c
            teams.setdefault(team or "no team", [0.0, 0.0])[1] += c
    for child in set(held) | set(open_for):
        holder = held.get(child)
        if holder is not None and holder not in workers and holder not in left:
            continue  # held by a manager, say: not counted
        team, service, _ = workers.get(holder, (None, None, 0.0))
        if service is None:
            service = open_for.get(child, "safeguarding")
        else:
            teams[team or "no team"][0] += 1
        services.setdefault(service, [0.0, 0.0])[0] += 1

    def short(cases: float, capacity: float) -> tuple[float, float]:
        s = round(max(0.0, round(cases, 2) - round(capacity, 2)), 2)
        return s, math.ceil(s / cap * 10 - 1e-9) / 10 if s > 0 else 0.0

    by_service = {k: short(*v) for k, v in services.items()}
    council = round(sum(s for s, _ in by_service.values()), 2)
    return {"council": (council, math.ceil(council / cap * 10 - 1e-9) / 10 if council > 0 else 0.0),
            "services": by_service, "teams": {k: short(*v) for k, v in teams.items()}}


@pytest.fixture(scope="session")
def shortfall_of():
    """expected_shortfall, for tests in any folder."""
    return expected_shortfall
