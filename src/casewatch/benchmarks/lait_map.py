"""Which casewatch indicators the DfE publishes in LAIT, and under which LAIT measure (``Short Desc``).

Only indicators whose LAIT measure has the same definition (or one close enough, the difference stated in
``note``) are mapped. Every id in ``UNMAPPED`` is not published by the DfE in LAIT; ``tools/build_benchmarks.py``
ships only the mapped measures. LAIT percentages are already 0-100 and rates are per 10,000, so every
``scale`` is 1 (the shipped value is the LAIT value times ``scale``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LaitMeasure:
    code: str  # LAIT "Short Desc" (= Measure_short in the LAIT data dictionary)
    scale: float = 1.0
    note: str = ""


_M = LaitMeasure

LAIT_MAP: dict[str, LaitMeasure] = {
    # children looked after (SSDA903)
    "cla_at_31_march": _M("LACnum"),
    "cla_rate_per_10k": _M("LAC", note="LAIT rounds the rate to a whole number"),
    "cla_starts": _M("LACnum_Start"),
    "cla_starts_rate_per_10k": _M("LAC_Start_Rate", note="LAIT rounds the rate to a whole number; from 2018"),
    "cla_ceased": _M("LACceased"),
    "cla_uasc_at_31_march": _M("Unacc_Asylmn_Seek_Childn"),
    "cla_3plus_placements_pct": _M("LACStable_2016on", note="LAIT rounds to a whole percentage"),
    "cla_long_term_stability_pct": _M(
        "LAC_LongStable%",
        note="DfE also counts a child placed for adoption whose adoptive placement plus the previous placement "
             "lasted 2+ years; whole percentage; from 2018"),
    "cla_placed_20_miles_pct": _M(
        "LACDistance",
        note="DfE counts only children placed more than 20 miles from home AND outside the council boundary, "
             "of all children looked after at 31 March; casewatch counts every placement over 20 miles, of "
             "those with a known distance, so the DfE figure is a little lower"),
    "cla_health_checks_pct": _M("LACHealth%", note="whole percentage; from 2018"),
    "cla_dental_checks_pct": _M("LACDental%", note="whole percentage; from 2018"),
    "cla_missing_pct": _M("Children_missing", note="whole percentage"),
    "cla_ceased_adopted_pct": _M("%_of LAC Adopted", note="of children ceasing to be looked after; whole percentage"),
    "cla_ceased_sgo_pct": _M("LAC_ceased_SGO%", note="whole percentage; from 2020"),
    "sgo_granted": _M("LAC_ceased_SGO", note="children ceasing to be looked after on an SGO; from 2020"),
    # child protection (CIN census)
    "cp_at_31_march": _M("CPP_Num"),
    "cp_rate_per_10k": _M("CPP_rate"),
    "cp_starts": _M("CPP_Abuse", note="LAIT code is 'CPP_Abuse' but the measure is all plans starting in the year"),
    "cp_starts_rate_per_10k": _M("CPP_Abuse_Rate"),
    "cp_second_or_subsequent_pct": _M("PrevRegCPR"),
    "cp_2plus_years_open_pct": _M("CPPlans2yrsActive"),
    "cp_ended_2plus_years_pct": _M("CPPlans2yrs"),
    "cp_reviews_on_time_pct": _M("RevCP", note="DfE: plans that should have been reviewed that were reviewed on time"),
    "icpc_within_15wd_pct": _M("CP_conf_15days"),
    "s47_rate_per_10k": _M("Section_47"),
    # children in need, front door, assessments (CIN census)
    "cin_rate_per_10k": _M("CIN"),
    "cin_open_2plus_years_pct": _M(
        "CINTime2more", note="DfE: episodes open at 31 March by their duration (casewatch: the child's earliest "
                             "open episode)"),
    "cin_open_under_3_months_pct": _M(
        "CINTime3months", note="DfE: episodes open at 31 March by their duration (casewatch: the child's "
                               "earliest open episode)"),
    "referrals": _M("CPP_Total_NumRef"),
    "referrals_rate_per_10k": _M("CPP_Total_Rateper10,000"),
    "re_referrals_12m_pct": _M("ReReferral"),
    "referrals_nfa_pct": _M("CIN_Refferals_NFA"),
    "referral_source_police_pct": _M("RefBySource_Police_%"),
    "referral_source_schools_pct": _M("RefBySource_Schl_%"),
    "referral_source_health_pct": _M("RefBySource_HealthServ_%"),
    "assessments_within_45wd_pct": _M("Continue_Assess_Comp"),
    # care leavers (SSDA903)
    "care_leavers_eet_19_21_pct": _M("CareLeaverEET", note="whole percentage"),
    "care_leavers_suitable_accom_19_21_pct": _M("CareLeaverAcc", note="whole percentage"),
    # workforce (DfE children's social work workforce census, 30 September)
    "caseload_per_fte": _M(
        "Work_Force_AvgNumCase_SW",
        note="DfE: at 30 September (casewatch: on the period end, 31 March)"),
    "vacancy_rate_pct": _M("Work_Force_Vac_Rate"),
    "agency_rate_pct": _M("Work_Force_Agecy_Rate"),
    "turnover_rate_pct": _M("Work_Force_TO_Rate"),
    "absence_rate_pct": _M("Work_Force_SWAbsence"),
}

# casewatch ids that the DfE does not publish in LAIT (with the nearest LAIT measure where one exists, and why
# it is not the same).
UNMAPPED: dict[str, str] = {
    "cla_placed_outside_la_pct": "",
    "adoption_a1_days": "the adoption scorecard is not in LAIT",
    "adoption_a2_days": "the adoption scorecard is not in LAIT",
    "adoption_a10_days": "the adoption scorecard is not in LAIT",
    "cin_at_31_march": "LAIT has only the rate (CIN)",
    "assessments_completed": "",
    "assessments_nfa_pct": "LAIT's Referrals_AssessedNotNeed is a share of referrals, not of assessments",
    "assessment_median_wd": "",
    "s47_to_icpc_pct": "LAIT has ICPC and s47 rates (ISCP_Conf, Section_47), not the conversion",
    "care_leavers_in_touch_17_18_pct": "",
    "care_leavers_in_touch_19_21_pct": "LAIT's CareLeavers_LA_NotInTouch is not the complement (it excludes "
                                       "'no longer requires services' and 'refused contact')",
    "care_leavers_eet_17_18_pct": "",
    "care_leavers_suitable_accom_17_18_pct": "",
    "sw_changes_3plus_pct": "LAIT's Stability_SocialWorker covers children looked after only, 2024 only",
    "contacts": "",
    "early_help_episodes": "",
    # further casewatch indicators (not in the benchmark brief's list), none in LAIT
    "assessments_child_seen_pct": "",
    "caseload_median": "LAIT has the mean caseload only (Work_Force_AvgNumCase_SW)",
    "caseload_over_cap_pct": "",
    "cla_ceased_home_pct": "LAIT splits returns home by whether they were part of the care plan",
    "cla_missing_episodes": "",
    "cla_reviews_on_time_pct": "",
    "cla_visits_on_time_pct": "",
    "cp_visits_on_time_pct": "",
    "days_to_permanence_median": "",
    "early_help_step_up_12m_pct": "",
    "referrals_after_early_help_pct": "",
    "sw_per_child_mean": "",
}

# How a LAIT year label maps to casewatch's year_ending (calendar year of the 31 March the figure describes),
# by the LAIT data dictionary's Year_Type. Labels are 'YYYY' for every mapped measure.
YEAR_OFFSET: dict[str, int] = {
    "Financial Year": 0,  # 'YYYY' = the year 1 April YYYY-1 to 31 March YYYY
    "Annual": 0,  # 'YYYY' = a snapshot at 31 March YYYY
    "Annual (end of Sept)": 1,  # 'YYYY' = 30 September YYYY, which falls in the year ending 31 March YYYY+1
}
