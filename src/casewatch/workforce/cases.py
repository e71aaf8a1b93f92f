"""What each child is open for on a date, who holds the case, and how heavy it is.

A child's case type on a day is the most intensive of: in care (a 903 episode open, short breaks excluded) →
``cla``; on a child protection plan → ``cp``; an open CIN episode with an open assessment and no plan →
``assessment``; otherwise an open CIN episode → ``cin``. The service a case belongs with follows: ``cla`` →
children_in_care, ``cp``/``cin`` → safeguarding, ``assessment`` → assessment (the team services of
model/codes.py TEAM_SERVICE). Weights come from the local standards ([caseload.weights]).
"""

from __future__ import annotations

SERVICE = {"cla": "children_in_care", "cp": "safeguarding", "cin": "safeguarding", "assessment": "assessment"}


def case_types_sql(on: str) -> str:
    """One row per child open on the date ``on`` (a SQL expression): child_id, case_type."""
    return f"""
    SELECT r.child_id,
        CASE WHEN EXISTS (SELECT 1 FROM cla_episodes e WHERE e.child_id = r.child_id AND e.decom <= {on}
                          AND (e.dec IS NULL OR e.dec > {on}) AND coalesce(e.legal_status, '') NOT IN ('V3', 'V4')) THEN 'cla'
             WHEN EXISTS (SELECT 1 FROM cp_plans p WHERE p.child_id = r.child_id AND p.start_date <= {on}
                          AND (p.end_date IS NULL OR p.end_date > {on})) THEN 'cp'
             WHEN EXISTS (SELECT 1 FROM assessments a WHERE a.child_id = r.child_id AND a.start_date <= {on}
                          AND (a.authorised_date IS NULL OR a.authorised_date > {on}))
              AND NOT EXISTS (SELECT 1 FROM cin_plans n WHERE n.child_id = r.child_id AND n.start_date <= {on}
                              AND (n.end_date IS NULL OR n.end_date > {on})) THEN 'assessment'
             ELSE 'cin' END AS case_type
    FROM (SELECT DISTINCT child_id FROM referrals
          WHERE referral_date <= {on} AND (closure_date IS NULL OR closure_date > {on})) r"""


def weight_sql(weights: dict, column: str = "case_type") -> str:
    cases = " ".join(f"WHEN '{k}' THEN {float(v)}" for k, v in sorted(weights.items()))
    return f"CASE {column} {cases} ELSE 1.0 END"


def held_sql(on: str) -> str:
    """Allocations open on the date: child_id, worker_id, team_id (the allocation's, else the worker's)."""
    return f"""
    SELECT a.child_id, a.worker_id, coalesce(a.team_id, w.team_id) AS team_id
    FROM allocations a JOIN workers w USING (worker_id)
    WHERE a.start_date <= {on} AND (a.end_date IS NULL OR a.end_date > {on})"""
