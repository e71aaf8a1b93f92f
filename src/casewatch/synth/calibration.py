"""England's published figures that calibrate the synthetic council (see docs/calibration.md).

Source: Department for Education, Local Authority Interactive Tool (LAIT), via
../shared/reference/benchmarks/bds_long_0.parquet (England rows), Open Government Licence v3.0.
Year labels are LAIT's: "2025" = year ending 31 March 2025 (workforce: 30 September 2024 census).
Rates per 10,000 children are per-10k floats; percentages are fractions 0-1. ``None``: not published in
LAIT; the generator then uses the documented assumption in params.py.
"""

from __future__ import annotations

from dataclasses import dataclass

ENGLAND_CHILDREN = 81_770 / 67 * 10_000  # implied by LACnum / LAC rate, 2025: about 12.2 million


@dataclass(frozen=True)
class EnglandFigures:
    referrals_per_10k: float | None
    re_referral_rate: float | None
    assessments_within_45wd_rate: float | None
    referral_nfa_rate: float | None
    s47_per_10k: float | None
    icpc_per_10k: float | None
    icpc_within_15wd_rate: float | None
    cin_per_10k: float | None
    cp_per_10k: float | None
    cp_starts_per_10k: float | None
    cp_2yrs_plus_rate: float | None
    cla_per_10k: float | None
    cla_starts_per_10k: float | None
    cla_ceased_per_10k: float | None
    caseload_per_fte: float | None
    turnover_rate: float | None
    agency_rate: float | None
    vacancy_rate: float | None
    absence_rate: float | None


ENGLAND = EnglandFigures(
    referrals_per_10k=519.4,  # CPP_Total_Rateper10,000, 2025
    re_referral_rate=0.226,  # ReReferral, 2025
    assessments_within_45wd_rate=0.857,  # Continue_Assess_Comp, 2025
    referral_nfa_rate=0.065,  # CIN_Refferals_NFA, 2025
    s47_per_10k=189.3,  # Section_47, 2025
    icpc_per_10k=(6_240 + 52_430 + 6_430 + 6_990) / ENGLAND_CHILDREN * 10_000,  # 10/15/20/21_ICPC, 2025: 59.1
    icpc_within_15wd_rate=(6_240 + 52_430) / (6_240 + 52_430 + 6_430 + 6_990),  # same: 0.814
    cin_per_10k=330.3,  # CIN, 2025
    cp_per_10k=40.6,  # CPP_rate, 2025
    cp_starts_per_10k=None,  # not in LAIT: assumed 42 (params.py)
    cp_2yrs_plus_rate=0.044,  # CPPlans2yrs, 2025
    cla_per_10k=67.0,  # LAC, 2025
    cla_starts_per_10k=32_270 / ENGLAND_CHILDREN * 10_000,  # LACnum_Start, 2025: 26.4
    cla_ceased_per_10k=34_450 / ENGLAND_CHILDREN * 10_000,  # LACceased, 2025: 28.2
    caseload_per_fte=15.2,  # Work_Force_AvgNumCase_SW, 2025
    turnover_rate=0.118,  # Work_Force_TO_Rate, 2025
    agency_rate=0.13,  # Work_Force_Agecy_Rate, 2025
    vacancy_rate=0.142,  # Work_Force_Vac_Rate, 2025
    absence_rate=0.035,  # Work_Force_SWAbsence, 2025
)

SOURCES = {
    "referrals_per_10k": ("CPP_Total_Rateper10,000", "2025"),
    "re_referral_rate": ("ReReferral", "2025"),
    "assessments_within_45wd_rate": ("Continue_Assess_Comp", "2025"),
    "referral_nfa_rate": ("CIN_Refferals_NFA", "2025"),
    "s47_per_10k": ("Section_47", "2025"),
    "icpc_per_10k": ("10_ICPC + 15_ICPC + 20_ICPC + 21_ICPC", "2025"),
    "icpc_within_15wd_rate": ("(10_ICPC + 15_ICPC) / all ICPC", "2025"),
    "cin_per_10k": ("CIN", "2025"),
    "cp_per_10k": ("CPP_rate", "2025"),
    "cp_2yrs_plus_rate": ("CPPlans2yrs", "2025"),
    "cla_per_10k": ("LAC", "2025"),
    "cla_starts_per_10k": ("LACnum_Start", "2025"),
    "cla_ceased_per_10k": ("LACceased", "2025"),
    "caseload_per_fte": ("Work_Force_AvgNumCase_SW", "2025"),
    "turnover_rate": ("Work_Force_TO_Rate", "2025"),
    "agency_rate": ("Work_Force_Agecy_Rate", "2025"),
    "vacancy_rate": ("Work_Force_Vac_Rate", "2025"),
    "absence_rate": ("Work_Force_SWAbsence", "2025"),
}
