"""Break CIN census rules on purpose in a clean CIN census XML, recording every change.

Each damage (an "op") aims at one or a few DfE rule codes and is applied to ``--per-op`` children picked at
random among those it can apply to (a <Child> is damaged by one op only, so what a tool flags on a child can be
traced to one change). Deterministic for a seed. Writes FILE and FILE.changes.csv (op, codes, child position in
the file, LAchildID, what changed). Element order within a record is not the XSD's for added elements; neither
tool reads by position. The *_edge ops put a date exactly n working days before the ReferenceDate (or 1 April),
counted as casewatch counts them (the n-th working day before, that day itself not counting), to show where the
two tools' working-day arithmetic differs.

    .venv/bin/python bench/inject_cin.py CLEAN.xml OUT.xml --year 2025 [--seed 1] [--per-op 5]
"""

from __future__ import annotations

import argparse
import copy
import csv
import math
import random
from datetime import date
from pathlib import Path

from _parity_cin import DAY, records, saturday, upn
from lxml import etree

from casewatch.rules.cin._census import working_days_before


def open_(r):
    return not r.t("CINclosureDate", "det")


def nfa_false(r):
    return r.t("ReferralNFA", "det") in ("0", "false")


def closed(r):
    return r.d("CINclosureDate", "det") is not None


def factors(r, *codes):
    old = r.el.find("FactorsIdentifiedAtAssessment")
    if old is not None:
        r.el.remove(old)
    block = etree.SubElement(r.el, "FactorsIdentifiedAtAssessment")
    for c in codes:
        etree.SubElement(block, "AssessmentFactors").text = c
    r.log.append(f"{r.path} AssessmentFactors -> {','.join(codes)}")
    return True


def death(r, d):
    return r.set("PersonDeathDate", d, "ids")


SHARED_UPN: dict = {}
ISOLATE = ("id_missing", "id_dup")

# (name, target codes, record kind, may apply?, damage[, share of children instead of --per-op]). Dates: r.ref =
# ReferenceDate, r.start = 1 April. ICPCnotRequired and ReferralNFA keep the file's 0/1 spelling except where an op
# spells them false/true on purpose (s47_prior_open_false, nfa_cpp): both are valid xs:boolean.
OPS = [
    ("upn_check", "1510", "child", None, lambda r, g: r.set("UPN", upn(g, wrong=True))),
    ("upn_la", "1530", "child", None, lambda r, g: r.set("UPN", upn(g, la="999"))),
    ("upn_digits", "1540", "child", None, lambda r, g: r.set("UPN", "A2011234X6789")),
    ("upn_char13", "1550", "child", None, lambda r, g: r.set("UPN", "A20112345678I")),
    ("upn_dup", "1520", "child", None, lambda r, g: r.set("UPN", SHARED_UPN.setdefault("u", upn(g)))),
    ("former_upn", "1560Q", "child", None, lambda r, g: r.set("FormerUPN", "12345")),
    ("id_long", "1570", "child", None, lambda r, g: r.set("LAchildID", r.t("LAchildID") + "0" * 12)),
    ("id_punct", "1580", "child", None, lambda r, g: r.set("LAchildID", r.t("LAchildID") + "/A")),
    ("id_missing", "8500", "child", None, lambda r, g: r.drop("LAchildID")),
    ("id_dup", "8510", "child", lambda r: r.ch.getprevious() is not None,
     lambda r, g: r.set("LAchildID", r.ch.getprevious().findtext("ChildIdentifiers/LAchildID"))),
    ("sex_bad", "4180", "child", None, lambda r, g: r.set("Sex", "X")),
    ("sex_missing", "4180", "child", None, lambda r, g: r.drop("Sex")),
    ("sex_unknown_many", "2886Q", "child", lambda r: r.t("Sex") in ("M", "F") and r.d("PersonBirthDate"),
     lambda r, g: r.set("Sex", "U"), 0.03),
    ("dob_future", "8520", "child", None, lambda r, g: r.set("PersonBirthDate", r.ref + 30 * DAY)),
    ("dob_and_edd", "8525Q", "child", lambda r: r.d("PersonBirthDate"),
     lambda r, g: r.set("ExpectedPersonBirthDate", r.d("PersonBirthDate"))),
    ("edd_range", "8530Q", "child", None, lambda r, g: r.drop("PersonBirthDate") and r.set(
        "ExpectedPersonBirthDate", r.ref + 400 * DAY) and r.set("Sex", "U")),
    ("unborn_sex", "8750", "child", lambda r: r.t("Sex") in ("M", "F"), lambda r, g: r.drop("PersonBirthDate")
     and r.set("ExpectedPersonBirthDate", r.ref + 60 * DAY)),
    ("death_before_birth", "8535Q", "child", lambda r: r.d("PersonBirthDate"),
     lambda r, g: death(r, r.d("PersonBirthDate") - 10 * DAY)),
    ("death_outside", "8545Q", "child", lambda r: (r.d("PersonBirthDate") or r.ref) < r.start - 400 * DAY,
     lambda r, g: death(r, r.start - 100 * DAY)),
    ("un7", "8772", "det", nfa_false, lambda r, g: r.set("UPNunknown", "UN7", "ids")),
    ("over25", "8775Q", "det", open_, lambda r, g: r.set("PersonBirthDate", date(r.ref.year - 26, 1, 15), "ids")),
    ("no_episode", "8590", "child", None, lambda r, g: r.drop("CINdetails", r.ch)),
    ("eth_bad", "4220", "chars", None, lambda r, g: r.set("Ethnicity", "XXXX")),
    ("dis_bad", "8540", "chars", lambda r: r.el.find("Disabilities/Disability") is not None,
     lambda r, g: r.set("Disability", "XXXX", r.el.find("Disabilities"))),
    ("dis_missing", "8540", "det", lambda r: nfa_false(r) and r.d("PersonBirthDate", "ids"),
     lambda r, g: r.drop("Disabilities", r.ch.find("ChildCharacteristics"))),
    ("dis_none_plus", "8790", "chars", lambda r: r.t("Disabilities/Disability") == "NONE",
     lambda r, g: etree.SubElement(r.el.find("Disabilities"), "Disability").__setattr__("text", "HAND")
     or r.log.append("ChildCharacteristics Disabilities: added HAND beside NONE") or True),
    ("dis_dup", "8794", "chars", lambda r: r.t("Disabilities/Disability") not in (None, "NONE"),
     lambda r, g: r.el.find("Disabilities").append(copy.deepcopy(r.el.find("Disabilities/Disability")))
     or r.log.append("ChildCharacteristics Disabilities: first code repeated") or True),
    ("rc2_no_death", "8585Q", "det", closed, lambda r, g: r.set("ReasonForClosure", "RC2")),
    ("ref_missing", "8600", "det", None, lambda r, g: r.drop("CINreferralDate")),
    ("ref_future", "8600", "det", None, lambda r, g: r.set("CINreferralDate", r.ref + 10 * DAY)),
    ("ref_not_a_date", "8600", "det", None, lambda r, g: r.set("CINreferralDate", "2024-02-30")),
    ("ref_before_dob", "8606", "det", lambda r: r.d("PersonBirthDate", "ids"),
     lambda r, g: r.set("CINreferralDate", r.d("PersonBirthDate", "ids") - 300 * DAY)),
    ("ref_after_death", "8555Q", "det", lambda r: (r.d("CINreferralDate") or r.start) > r.start + 10 * DAY,
     lambda r, g: death(r, r.d("CINreferralDate") - 5 * DAY)),
    ("nfa_bad", "8568", "det", None, lambda r, g: r.set("ReferralNFA", "maybe")),
    ("nfa_missing", "8568", "det", None, lambda r, g: r.drop("ReferralNFA")),
    ("nfa_old", "8569Q", "det", lambda r: (r.d("CINreferralDate") or r.ref) < r.start - 30 * DAY,
     lambda r, g: r.set("ReferralNFA", "1")),
    ("nfa_edge", "8569Q", "det", lambda r: not (r.n("ass") or r.n("s47") or r.n("cpp") or r.n("plan")),
     lambda r, g: r.set("CINreferralDate", working_days_before(r.start, 1)) and r.set("ReferralNFA", "1")),
    ("need_missing", "8610", "det", nfa_false, lambda r, g: r.drop("PrimaryNeedCode")),
    ("need_bad", "8650", "det", lambda r: r.t("PrimaryNeedCode"), lambda r, g: r.set("PrimaryNeedCode", "N11")),
    ("close_future", "8620", "det", closed, lambda r, g: r.set("CINclosureDate", r.ref + 20 * DAY)),
    ("close_before_ref", "8630", "det", lambda r: closed(r) and r.d("CINreferralDate"),
     lambda r, g: r.set("CINclosureDate", r.d("CINreferralDate") - 10 * DAY)),
    ("rfc_bad", "8640", "det", closed, lambda r, g: r.set("ReasonForClosure", "RC0")),
    ("close_no_reason", "8805", "det", closed, lambda r, g: r.drop("ReasonForClosure")),
    ("reason_no_close", "8810", "det", closed, lambda r, g: r.drop("CINclosureDate")),
    ("source_bad", "8866", "det", None, lambda r, g: r.set("ReferralSource", "99")),
    ("source_missing", "8866", "det", None, lambda r, g: r.drop("ReferralSource")),
    ("two_open", "8815 8816 8820", "det", lambda r: open_(r) and nfa_false(r) and r.d("CINreferralDate"),
     lambda r, g: r.copy(CINreferralDate=min(r.ref, r.d("CINreferralDate") + 30 * DAY), Assessments=None,
                         CINPlanDates=None, Section47=None, ChildProtectionPlans=None)),
    ("overlap_closed", "8820", "det", lambda r: closed(r) and r.d("CINreferralDate")
     and r.d("CINclosureDate") - r.d("CINreferralDate") > 5 * DAY,
     lambda r, g: r.copy(CINreferralDate=r.d("CINreferralDate") + 2 * DAY, Assessments=None, CINPlanDates=None,
                         Section47=None, ChildProtectionPlans=None)),
    ("rc8_activity", "2990", "det", lambda r: closed(r) and (r.n("s47") or r.n("cpp") or r.n("plan")),
     lambda r, g: r.set("ReasonForClosure", "RC8")),
    ("rc9_no_assessment", "8825Q", "det", lambda r: closed(r) and not (r.n("s47") or r.n("cpp") or r.n("plan")),
     lambda r, g: r.set("ReasonForClosure", "RC9") and r.drop("Assessments")),
    ("nfa_assessment", "8831", "det", lambda r: r.n("ass"), lambda r, g: r.set("ReferralNFA", "1")),
    ("nfa_cin_plan", "4000", "det", lambda r: r.n("plan"), lambda r, g: r.set("ReferralNFA", "1")),
    ("nfa_cpp", "8832", "det", lambda r: r.n("cpp"), lambda r, g: r.set("ReferralNFA", "true")),
    ("closed_ass_open", "8867", "ass", lambda r: closed(r) and r.d("AssessmentAuthorisationDate"),
     lambda r, g: r.drop("AssessmentAuthorisationDate")),
    ("closed_s47_open", "8868", "s47", closed, lambda r, g: r.drop("DateOfInitialCPC")
     and r.set("ICPCnotRequired", "false")),
    ("s47_no_assessment", "2991Q", "det", lambda r: r.n("s47") and r.n("ass"), lambda r, g: r.drop("Assessments")),
    ("ass_before_ref", "1103", "ass", lambda r: r.d("CINreferralDate", "det"),
     lambda r, g: r.set("AssessmentActualStartDate", r.d("CINreferralDate", "det") - 5 * DAY)),
    ("ass_auth_before", "8608", "ass", lambda r: r.d("AssessmentAuthorisationDate") and r.d(
        "AssessmentActualStartDate"), lambda r, g: r.set("AssessmentAuthorisationDate",
                                                         r.d("AssessmentActualStartDate") - 3 * DAY)),
    ("factors_open", "8614", "ass", lambda r: open_(r), lambda r, g: r.drop("AssessmentAuthorisationDate")
     and factors(r, "2A")),
    ("ass_old_open", "8670Q", "ass", open_, lambda r, g: r.drop("AssessmentAuthorisationDate")
     and r.set("AssessmentActualStartDate", r.ref - 120 * DAY)),
    ("ass_open_edge", "8670Q", "ass", open_, lambda r, g: r.drop("AssessmentAuthorisationDate")
     and r.set("AssessmentActualStartDate", working_days_before(r.ref, 45))),
    ("ass_prior_open", "8736 8670Q", "ass", lambda r: open_(r) and (r.d("CINreferralDate", "det") or r.ref)
     < r.start - 30 * DAY, lambda r, g: r.drop("AssessmentAuthorisationDate")
     and r.set("AssessmentActualStartDate", r.start - 20 * DAY)),
    ("ass_auth_future", "8696", "ass", lambda r: open_(r), lambda r, g: r.set("AssessmentAuthorisationDate",
                                                                          r.ref + 10 * DAY)),
    ("ass_overlap", "8863Q", "ass", lambda r: r.d("AssessmentActualStartDate") and r.d(
        "AssessmentAuthorisationDate", ) and r.d("AssessmentAuthorisationDate") - r.d(
        "AssessmentActualStartDate") > 3 * DAY, lambda r, g: r.copy(
        AssessmentActualStartDate=r.d("AssessmentActualStartDate") + DAY,
        AssessmentAuthorisationDate=r.d("AssessmentAuthorisationDate") + DAY)),
    ("two_open_ass", "8896", "ass", lambda r: open_(r) and r.d("AssessmentActualStartDate"),
     lambda r, g: r.drop("AssessmentAuthorisationDate") and r.copy(
         AssessmentActualStartDate=r.d("AssessmentActualStartDate") + DAY)),
    ("factor_21_plus", "8869", "ass", lambda r: r.d("AssessmentAuthorisationDate"), lambda r, g: factors(
        r, "21", "2A")),
    ("only_21", "8873Q", "ass", lambda r: r.d("AssessmentAuthorisationDate") and r.n("ass") == 1
     and r.t("ReasonForClosure", "det") not in ("RC8", "RC9"), lambda r, g: factors(r, "21")),
    ("factor_dup", "8898", "ass", lambda r: r.d("AssessmentAuthorisationDate"), lambda r, g: factors(
        r, "2A", "3B", "2A")),
    ("factor_18a", "8945Q", "ass", lambda r: r.d("AssessmentAuthorisationDate"), lambda r, g: factors(r, "18A")),
    ("factor_19a", "8950Q", "ass", lambda r: r.d("AssessmentAuthorisationDate"), lambda r, g: factors(r, "19A")),
    ("ass_after_close", "8565", "ass", lambda r: closed(r) and r.d("CINclosureDate", "det") < r.ref - 20 * DAY,
     lambda r, g: r.set("AssessmentActualStartDate", r.d("CINclosureDate", "det") + 5 * DAY)
     and r.set("AssessmentAuthorisationDate", r.d("CINclosureDate", "det") + 9 * DAY)),
    ("cin_plan_with_open_cpp", "4001", "cpp", lambda r: not r.t("CPPendDate") and r.d("CPPstartDate"),
     lambda r, g: r.set("CINPlanStartDate", r.d("CPPstartDate"), etree.SubElement(r.det, "CINPlanDates"))),
    ("two_open_plans", "4004", "plan", lambda r: not r.t("CINPlanEndDate") and r.d("CINPlanStartDate"),
     lambda r, g: r.copy(CINPlanStartDate=r.d("CINPlanStartDate") + DAY)),
    ("plan_after_death", "4008", "plan", lambda r: (r.d("CINPlanStartDate") or r.start) > r.start + 30 * DAY
     and (r.d("PersonBirthDate", "ids") or r.ref) < r.start, lambda r, g: death(r, r.d("CINPlanStartDate") - 5 * DAY)),
    ("plan_end_after_death", "4009Q", "plan", lambda r: r.d("CINPlanEndDate") and r.d("CINPlanStartDate")
     and r.d("CINPlanEndDate") - r.d("CINPlanStartDate") > 3 * DAY and r.d("CINPlanStartDate") > r.start,
     lambda r, g: death(r, r.d("CINPlanEndDate") - DAY)),
    ("plan_no_start", "4010", "plan", None, lambda r, g: r.drop("CINPlanStartDate")),
    ("plan_start_future", "4010", "plan", None, lambda r, g: r.set("CINPlanStartDate", r.ref + 5 * DAY)),
    ("plan_end_before", "4011", "plan", lambda r: r.d("CINPlanStartDate"),
     lambda r, g: r.set("CINPlanEndDate", r.d("CINPlanStartDate") - 5 * DAY)),
    ("plan_same_day", "4012Q", "plan", lambda r: r.d("CINPlanStartDate"),
     lambda r, g: r.set("CINPlanEndDate", r.d("CINPlanStartDate"))),
    ("plan_end_future", "4013", "plan", None, lambda r, g: r.set("CINPlanEndDate", r.ref + 10 * DAY)),
    ("plan_overlap", "4014", "plan", lambda r: r.d("CINPlanEndDate") and r.d("CINPlanStartDate")
     and r.d("CINPlanEndDate") - r.d("CINPlanStartDate") > 3 * DAY,
     lambda r, g: r.copy(CINPlanStartDate=r.d("CINPlanStartDate") + DAY)),
    ("plan_before_ref", "4015", "plan", lambda r: r.d("CINreferralDate", "det"),
     lambda r, g: r.set("CINPlanStartDate", r.d("CINreferralDate", "det") - 10 * DAY)),
    ("plan_in_cpp", "4016", "plan", lambda r: r.n("cpp") and r.sub("cpp")[0].d("CPPstartDate"),
     lambda r, g: r.set("CINPlanStartDate", r.sub("cpp")[0].d("CPPstartDate") + DAY)),
    ("cpp_in_plan", "4017", "cpp", lambda r: r.n("plan") and r.sub("plan")[0].d("CINPlanEndDate")
     and r.sub("plan")[0].d("CINPlanEndDate") - r.sub("plan")[0].d("CINPlanStartDate") > 3 * DAY,
     lambda r, g: r.set("CPPstartDate", r.sub("plan")[0].d("CINPlanStartDate") + DAY)),
    ("review_in_plan", "4003", "cpp", lambda r: r.n("plan") and r.sub("plan")[0].d("CINPlanEndDate")
     and r.sub("plan")[0].d("CINPlanEndDate") - r.sub("plan")[0].d("CINPlanStartDate") > 3 * DAY,
     lambda r, g: r.review(r.sub("plan")[0].d("CINPlanStartDate") + DAY)),
    ("plan_not_a_date", "4010", "plan", None, lambda r, g: r.set("CINPlanStartDate", "2024-13-01")),
    ("icpc_before_ref", "1104", "s47", lambda r: r.d("DateOfInitialCPC") and r.d("CINreferralDate", "det"),
     lambda r, g: r.set("DateOfInitialCPC", r.d("CINreferralDate", "det") - 3 * DAY)),
    ("icpc_both", "2884", "s47", lambda r: r.d("DateOfInitialCPC"),
     lambda r, g: r.set("DateOfInitialCPC", r.d("DateOfInitialCPC"), "det")),
    ("s47_before_ref", "2889", "s47", lambda r: r.d("CINreferralDate", "det"),
     lambda r, g: r.set("S47ActualStartDate", r.d("CINreferralDate", "det") - 3 * DAY)),
    ("s47_no_start", "8615", "s47", lambda r: r.d("DateOfInitialCPC"), lambda r, g: r.drop("S47ActualStartDate")),
    ("s47_after_icpc", "8615", "s47", lambda r: r.d("DateOfInitialCPC"),
     lambda r, g: r.set("S47ActualStartDate", r.d("DateOfInitialCPC") + 3 * DAY)),
    ("s47_old_open", "8675Q", "s47", open_, lambda r, g: r.drop("DateOfInitialCPC") and r.set(
        "ICPCnotRequired", "false") and r.set("S47ActualStartDate", r.ref - 60 * DAY)),
    ("s47_open_edge", "8675Q", "s47", open_, lambda r, g: r.drop("DateOfInitialCPC") and r.set(
        "ICPCnotRequired", "0") and r.set("S47ActualStartDate", working_days_before(r.ref, 15))),
    ("s47_prior_open", "8740 8675Q", "s47", lambda r: open_(r) and (r.d("CINreferralDate", "det") or r.ref)
     < r.start - 30 * DAY, lambda r, g: r.drop("DateOfInitialCPC") and r.set("ICPCnotRequired", "0")
     and r.set("S47ActualStartDate", r.start - 20 * DAY)),
    ("s47_prior_open_false", "8740 8675Q", "s47", lambda r: open_(r) and (r.d("CINreferralDate", "det") or r.ref)
     < r.start - 30 * DAY, lambda r, g: r.drop("DateOfInitialCPC") and r.set("ICPCnotRequired", "false")
     and r.set("S47ActualStartDate", r.start - 20 * DAY)),
    ("icpc_outside", "8715", "s47", lambda r: r.d("DateOfInitialCPC"),
     lambda r, g: r.set("DateOfInitialCPC", r.ref + 15 * DAY)),
    ("two_open_s47", "8839", "s47", lambda r: r.d("S47ActualStartDate"), lambda r, g: r.drop("DateOfInitialCPC")
     and r.set("ICPCnotRequired", "false") and r.copy(S47ActualStartDate=r.d("S47ActualStartDate") + DAY)),
    ("target_weekend", "8870Q", "s47", lambda r: r.d("S47ActualStartDate"),
     lambda r, g: r.set("InitialCPCtarget", saturday(r.d("S47ActualStartDate") + 10 * DAY))),
    ("icpc_weekend", "8875", "s47", lambda r: r.d("DateOfInitialCPC") and r.d("DateOfInitialCPC").weekday() < 5,
     lambda r, g: r.set("DateOfInitialCPC", saturday(r.d("DateOfInitialCPC")))),
    ("s47_overlap", "8890", "s47", lambda r: r.d("DateOfInitialCPC") and r.d("S47ActualStartDate")
     and r.d("DateOfInitialCPC") - r.d("S47ActualStartDate") > 3 * DAY,
     lambda r, g: r.copy(S47ActualStartDate=r.d("S47ActualStartDate") + DAY)),
    ("cpp_before_ref", "1105", "cpp", lambda r: r.d("CINreferralDate", "det"),
     lambda r, g: r.set("CPPstartDate", r.d("CINreferralDate", "det") - 3 * DAY)),
    ("cpp_not_icpc", "2885", "cpp", lambda r: (r.d("CPPstartDate") or r.ref) > r.start + 10 * DAY,
     lambda r, g: r.set("CPPstartDate", r.d("CPPstartDate") - 2 * DAY)),
    ("cpp_no_start", "8720", "cpp", None, lambda r, g: r.drop("CPPstartDate")),
    ("cpp_not_a_date", "8720", "cpp", None, lambda r, g: r.set("CPPstartDate", "not-a-date")),
    ("cpp_no_previous", "8730", "cpp", None, lambda r, g: r.drop("NumberOfPreviousCPP")),
    ("cpp_same_day", "8840", "cpp", lambda r: r.d("CPPstartDate"),
     lambda r, g: r.set("CPPendDate", r.d("CPPstartDate"))),
    ("review_before_start", "8841", "cpp", lambda r: r.d("CPPstartDate"),
     lambda r, g: r.review(r.d("CPPstartDate") - 2 * DAY)),
    ("review_before_start_last", "8841", "cpp", lambda r: r.d("CPPstartDate") and r.el.find("Reviews") is not None,
     lambda r, g: r.review(r.d("CPPstartDate") - 2 * DAY, first=False)),
    ("review_blank_only", "8842Q", "cpp", lambda r: r.el.find("Reviews") is None, lambda r, g: r.review(None)),
    ("review_blank_extra", "8842Q", "cpp", lambda r: r.el.find("Reviews") is not None,
     lambda r, g: r.review(None)),
    ("abuse_initial_bad", "8905", "cpp", None, lambda r, g: r.set("InitialCategoryOfAbuse", "XXX")),
    ("abuse_latest_bad", "8910", "cpp", None, lambda r, g: r.drop("LatestCategoryOfAbuse")),
    ("cpp_after_death", "8915", "cpp", lambda r: (r.d("CPPstartDate") or r.start) > r.start + 10 * DAY,
     lambda r, g: death(r, r.d("CPPstartDate") - 3 * DAY)),
    ("cpp_end_after_death", "8920", "cpp", lambda r: r.d("CPPendDate") and r.d("CPPstartDate")
     and r.d("CPPendDate") - r.d("CPPstartDate") > 5 * DAY and r.d("CPPstartDate") > r.start,
     lambda r, g: death(r, r.d("CPPendDate") - 2 * DAY)),
    ("cpp_end_before", "8925", "cpp", lambda r: r.d("CPPstartDate"),
     lambda r, g: r.set("CPPendDate", r.d("CPPstartDate") - 5 * DAY)),
    ("cpp_end_future", "8930", "cpp", None, lambda r, g: r.set("CPPendDate", r.ref + 10 * DAY)),
    ("two_open_cpp", "8935", "cpp", lambda r: not r.t("CPPendDate") and r.d("CPPstartDate"),
     lambda r, g: r.copy(CPPstartDate=r.d("CPPstartDate") + DAY)),
    ("cpp_overlap", "8940", "cpp", lambda r: r.d("CPPendDate") and r.d("CPPstartDate")
     and r.d("CPPendDate") - r.d("CPPstartDate") > 5 * DAY, lambda r, g: r.copy(
        CPPstartDate=r.d("CPPstartDate") + 2 * DAY)),
    ("cpp_after_close", "8565", "cpp", lambda r: closed(r) and r.d("CPPendDate"),
     lambda r, g: r.set("CPPendDate", r.d("CINclosureDate", "det") + 5 * DAY)),
]


def inject(src: Path, dst: Path, year: int, seed: int = 1, per_op: int = 5) -> list[dict]:
    rng = random.Random(seed)
    SHARED_UPN.clear()
    tree = etree.parse(str(src), etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=True))
    kids = tree.getroot().find("Children").findall("Child")
    order = list(range(len(kids)))
    used: set[int] = set()
    changes: list[dict] = []
    for name, codes, kind, may, damage, *share in OPS:
        rng.shuffle(order)
        done, want = 0, math.ceil(share[0] * len(kids)) if share else per_op
        for ci in order:
            if done == want:
                break
            if ci in used:
                continue
            ch = kids[ci]
            ident = ch.findtext("ChildIdentifiers/LAchildID")
            log: list[str] = []
            fits = [r for r in records(ch, kind, year, log) if may is None or may(r)]
            if not fits:
                continue
            damage(rng.choice(fits), rng)
            used.add(ci)
            done += 1
            linked = ci - 1 if name == "id_dup" else ""  # the child whose ID it now shares
            changes.append({"op": name, "codes": codes, "child_pos": ci, "LAchildID": ident, "what": "; ".join(log),
                            "linked": linked})
    etree.indent(tree, space="  ")
    tree.write(str(dst), xml_declaration=True, encoding="utf-8")
    with open(f"{dst}.changes.csv", "w", newline="") as fh:
        w = csv.DictWriter(fh, ["op", "codes", "child_pos", "LAchildID", "what", "linked"])
        w.writeheader()
        w.writerows(changes)
    return changes


def load_changes(path: Path) -> dict[int, list[str]]:
    """FILE.changes.csv as {child position: ["op (codes): what"]}; empty when there is none."""
    out: dict[int, list[str]] = {}
    p = Path(f"{path}.changes.csv")
    if p.exists():
        with p.open(newline="") as fh:
            for r in csv.DictReader(fh):
                out.setdefault(int(r["child_pos"]), []).append(f"{r['op']} ({r['codes']}): {r['what']}")
    return out


def load_isolated(path: Path) -> dict[int, set[str]]:
    """Children whose LAchildID was removed or repeated (and the child it now repeats), with the codes they are
    compared on: both tools link a child's records by LAchildID, so on these children every other rule compares
    the tools' handling of a broken key, not the rule (reported aside)."""
    out: dict[int, set[str]] = {}
    p = Path(f"{path}.changes.csv")
    if p.exists():
        with p.open(newline="") as fh:
            for r in csv.DictReader(fh):
                if r["op"] in ISOLATE:
                    for ci in (r["child_pos"], r.get("linked")):
                        if ci:
                            out.setdefault(int(ci), set()).update(r["codes"].split())
    return out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("src", type=Path)
    p.add_argument("dst", type=Path)
    p.add_argument("--year", type=int, default=2025)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--per-op", type=int, default=5)
    a = p.parse_args()
    changes = inject(a.src, a.dst, a.year, a.seed, a.per_op)
    short = sorted({c["op"] for c in changes} ^ {o[0] for o in OPS})
    print(f"{len(changes)} children damaged by {len(OPS)} ops into {a.dst}"
          + (f"; ops that found no child: {', '.join(short)}" if short else ""))


if __name__ == "__main__":
    main()
