"""Parameters of the synthetic council: sizes, rates calibrated to England, and the two scenarios.

Rates come from ``synth/calibration.py`` (England's published LAIT figures, see docs/calibration.md); the
conditional probabilities below are derived from them so that a baseline council reproduces England's rates.
"""

from __future__ import annotations

from dataclasses import dataclass

from casewatch.synth.calibration import ENGLAND


def _fig(name: str, default: float) -> float:
    value = getattr(ENGLAND, name, None)
    return default if value is None else float(value)


@dataclass(frozen=True)
class Size:
    name: str
    population: int  # children aged 0-17
    areas: int  # localities; one safeguarding team each
    assessment_teams: int
    cic_teams: int


SIZES = {
    "tiny": Size("tiny", 12_000, 2, 1, 1),  # for fast tests only
    "small": Size("small", 35_000, 3, 1, 1),
    "medium": Size("medium", 95_000, 5, 2, 2),
    "large": Size("large", 218_000, 10, 4, 4),  # about 12,000 referrals a year
}

# England figures (per 10,000 children a year unless said)
REFERRALS_PER_10K = _fig("referrals_per_10k", 550.0)
RE_REFERRAL_RATE = _fig("re_referral_rate", 0.22)
WITHIN_45WD_RATE = _fig("assessments_within_45wd_rate", 0.83)
REFERRAL_NFA_RATE = _fig("referral_nfa_rate", 0.07)
S47_PER_10K = _fig("s47_per_10k", 165.0)
ICPC_PER_10K = _fig("icpc_per_10k", 64.0)
ICPC_WITHIN_15WD_RATE = _fig("icpc_within_15wd_rate", 0.78)
CP_STARTS_PER_10K = _fig("cp_starts_per_10k", 42.0)
CLA_PER_10K = _fig("cla_per_10k", 70.0)
CLA_STARTS_PER_10K = _fig("cla_starts_per_10k", 27.0)
CASELOAD_PER_FTE = _fig("caseload_per_fte", 16.5)
TURNOVER_RATE = _fig("turnover_rate", 0.16)
AGENCY_RATE = _fig("agency_rate", 0.17)
VACANCY_RATE = _fig("vacancy_rate", 0.19)

# Derived conditional probabilities (per referral that is assessed)
P_S47 = S47_PER_10K / (REFERRALS_PER_10K * (1 - REFERRAL_NFA_RATE))
P_ICPC_GIVEN_S47 = ICPC_PER_10K / S47_PER_10K
P_PLAN_GIVEN_ICPC = min(0.95, 0.85 * CP_STARTS_PER_10K / ICPC_PER_10K)  # 0.85: re-referrals and CIN plans escalating add the rest
# Share of CLA starts by route; the direct route's per-referral probability is derived from the CLA start rate.
CLA_ROUTE_SHARE = {"cp": 0.35, "assessment": 0.35, "cin": 0.15, "uasc": 0.15}
CONTACTS_PER_REFERRAL = 2.4  # contacts that do not become referrals, per referral
EARLY_HELP_PER_10K = 250.0  # early help episodes started a year (local data; no national collection)
SHORT_BREAKS_PER_10K = 2.0  # children receiving a series of short breaks (V3/V4), at any time


@dataclass(frozen=True)
class Scenario:
    """Multipliers as functions of t = years since the start of the reporting window."""

    name: str

    def early_help(self, t: float) -> float:
        return 0.45 if self.name == "pressure" and t >= 1 else 1.0

    def referrals(self, t: float, area: int) -> float:
        if self.name != "pressure" or t < 1:
            return 1.0
        extra = 0.04 * min(t - 1, 3)
        if area in PRESSURE_AREAS:
            extra += 0.25 * min(t - 1, 3)
        return 1.0 + extra

    def cla_entry(self, t: float) -> float:
        if self.name != "pressure":
            return 1.0
        return 0.75 + 0.22 * max(0.0, min(t, 5.0))

    def cla_initial_stock(self) -> float:
        return 0.8 if self.name == "pressure" else 1.0

    def establishment(self, t: float, area: int) -> float:
        """Share of a safeguarding team's posts that are kept funded."""
        if self.name == "pressure" and area in PRESSURE_AREAS and t >= 1:
            return 0.75
        return 1.0

    def turnover(self, t: float, area: int | None) -> float:
        if self.name == "pressure" and area in PRESSURE_AREAS and t >= 1:
            return 2.5
        return 1.0


PRESSURE_AREAS = (0, 1)  # the two localities whose safeguarding teams go under in the pressure scenario
SCENARIOS = {"baseline": Scenario("baseline"), "pressure": Scenario("pressure")}
WARM_UP_YEARS = 2
