"""The signed-in person as the pages need them: role, teams, worker id, and what that lets them see."""

from __future__ import annotations

from dataclasses import dataclass

from casewatch.web.permissions import ANONYMOUS, REACH


@dataclass(frozen=True)
class Principal:
    username: str
    role: str
    teams: frozenset[str] = frozenset()
    worker: str = ""

    @property
    def reach(self) -> str:
        return REACH.get(self.role, "none")

    @property
    def aggregate_only(self) -> bool:
        return self.reach == "aggregate"

    def sees_row(self, team: str, worker: str) -> bool:
        """May this person see a child-level row held by ``team`` / ``worker``?"""
        if self.reach == "all":
            return True
        if self.reach == "teams":
            return team in self.teams
        if self.reach == "caseload":
            return bool(self.worker) and worker == self.worker
        return False

    def sees_worker(self, team: str, worker: str) -> bool:
        """May this person see one worker's caseload figures?"""
        if self.reach == "caseload":
            return worker == self.worker
        return self.sees_row(team, worker)


def principal(request) -> Principal:
    cached = getattr(request, "_casewatch_principal", None)
    if cached is not None:
        return cached
    user = request.user
    if not user.is_authenticated:
        p = Principal("", ANONYMOUS)
    else:
        profile = user.casewatch if hasattr(user, "casewatch") else None
        if profile is None or not user.is_active:
            p = Principal(user.get_username(), "none")
        else:
            p = Principal(user.get_username(), profile.role, frozenset(profile.teams or ()), profile.worker_id or "")
    request._casewatch_principal = p
    return p
