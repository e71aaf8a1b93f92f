"""What an action list is: a named rule, its legal basis, and SQL that finds the children it applies to.

Each list's SQL runs against one council's scoped views (measures/scope.py) on the date ``{d}`` (a DATE literal)
with the local standards (``{s[section][key]}``) and returns: ``child_id``, ``due_date`` (the date the action
was or is due; for a condition such as having no social worker, the date it began) and ``what`` (plain words).
The runner (run.py) adds the team and worker holding the case, days overdue, and keeps rows that are overdue
or due within the look-ahead.
"""

from __future__ import annotations

from dataclasses import dataclass

from casewatch.measures.define import Registry

# SQL macros the lists share (created on the connection by run.py)
MACROS = """
CREATE TEMP TABLE IF NOT EXISTS working_dates AS
    SELECT working_day_no AS no, min(date) AS date FROM calendar WHERE is_working_day GROUP BY 1;
CREATE OR REPLACE TEMP MACRO add_wd(d, n) AS (
    SELECT w.date FROM working_dates w
    WHERE w.no = (SELECT c.working_day_no FROM calendar c WHERE c.date = d) + n);
CREATE OR REPLACE TEMP MACRO care_start(child, d) AS coalesce(
    (SELECT max(s.decom) FROM cla_episodes s WHERE s.child_id = child AND s.rne = 'S' AND s.decom <= d),
    (SELECT min(s.decom) FROM cla_episodes s WHERE s.child_id = child));
CREATE OR REPLACE TEMP MACRO placement_start(child, d) AS coalesce(
    (SELECT max(s.decom) FROM cla_episodes s WHERE s.child_id = child AND s.rne IN ('S', 'P', 'B', 'U')
       AND s.decom <= d),
    (SELECT min(s.decom) FROM cla_episodes s WHERE s.child_id = child));
"""


@dataclass(frozen=True)
class ActionList:
    name: str
    title: str
    rule: str  # what is due, in words, with the standard
    basis: str  # the law or guidance, or 'local standard'
    sql: str


# every list, ours (loaded from these modules the first time the registry is read) and a council's own
# (measures.local: a folder of TOML files)
LISTS: Registry = Registry("list", ("casewatch.lists.care", "casewatch.lists.timeliness", "casewatch.lists.visits"),
                           extend="casewatch.measures.local:load_folder")


def action_list(**kw) -> ActionList:
    a = ActionList(**kw)
    LISTS.add(a.name, a)
    return a


# children in care on the date, short breaks excluded
IN_CARE = """SELECT DISTINCT e.child_id FROM cla_episodes e WHERE e.decom <= {d} AND (e.dec IS NULL OR e.dec > {d})
    AND coalesce(e.legal_status, '') NOT IN ('V3', 'V4')"""
ON_CP_PLAN = """SELECT p.child_id, min(p.start_date) AS start_date FROM cp_plans p
    WHERE p.start_date <= {d} AND (p.end_date IS NULL OR p.end_date > {d}) GROUP BY p.child_id"""
OPEN_CIN = """SELECT r.child_id, min(r.referral_date) AS since FROM referrals r
    WHERE r.referral_date <= {d} AND (r.closure_date IS NULL OR r.closure_date > {d}) GROUP BY r.child_id"""
