"""Statutory and local visits: children in care (reg 28), on CP plans and CIN plans (local standards)."""

from casewatch.lists.define import IN_CARE, ON_CP_PLAN, action_list

action_list(
    name="cla_visits", title="Children in care: visit due",
    rule="first visit within {s[visits][cla_first_days]} days of a placement starting, then at most every "
         "{s[visits][cla_year1_days]} days in the placement's first year, then every {s[visits][cla_later_days]} days",
    basis="Care Planning, Placement and Case Review (England) Regulations 2010, reg 28",
    sql="""WITH c AS (
        SELECT i.child_id, placement_start(i.child_id, {d}) AS placed,
          (SELECT max(v.visit_date) FROM visits v WHERE v.child_id = i.child_id AND v.kind = 'CLA' AND v.child_seen
             AND v.visit_date <= {d}) AS seen
        FROM (""" + IN_CARE + """) i)
      SELECT child_id,
        CASE WHEN seen IS NULL OR seen < placed THEN placed + {s[visits][cla_first_days]}
             WHEN seen < placed + 365 THEN seen + {s[visits][cla_year1_days]}
             ELSE seen + {s[visits][cla_later_days]} END AS due_date,
        CASE WHEN seen IS NULL OR seen < placed THEN 'first visit in this placement'
             ELSE 'visit (last seen ' || strftime(seen, '%-d %b %Y') || ')' END AS what
      FROM c""",
)
action_list(
    name="cp_visits", title="Children on a child protection plan: visit due",
    rule="seen at least every {s[visits][cp_working_days]} working days (local standard)",
    basis="Working Together to Safeguard Children 2023 (frequency set locally and in the plan)",
    sql="""WITH p AS (
        SELECT * FROM (""" + ON_CP_PLAN + """) WHERE child_id NOT IN (""" + IN_CARE + """)),
      last AS (
        SELECT p.child_id, max(v.visit_date) AS seen FROM p JOIN visits v ON v.child_id = p.child_id
          AND v.kind = 'CP' AND v.child_seen AND v.visit_date <= {d} AND v.visit_date >= p.start_date
        GROUP BY p.child_id)
      SELECT p.child_id, w.date AS due_date,
        CASE WHEN l.seen IS NULL THEN 'first visit on the plan'
             ELSE 'child protection visit (last seen ' || strftime(l.seen, '%-d %b %Y') || ')' END AS what
      FROM p LEFT JOIN last l ON l.child_id = p.child_id
      JOIN calendar c ON c.date = coalesce(l.seen, p.start_date)
      JOIN working_dates w ON w.no = c.working_day_no + {s[visits][cp_working_days]}""",
)
action_list(
    name="cin_visits", title="Children on a child in need plan: visit due",
    rule="seen at least every {s[visits][cin_working_days]} working days (local standard)",
    basis="Children Act 1989 s17; Working Together 2023 (frequency set locally and in the plan)",
    sql="""WITH p AS (
        SELECT n.child_id, min(n.start_date) AS start_date
        FROM cin_plans n WHERE n.start_date <= {d} AND (n.end_date IS NULL OR n.end_date > {d})
          AND n.child_id NOT IN (""" + IN_CARE + """)
          AND n.child_id NOT IN (SELECT child_id FROM (""" + ON_CP_PLAN + """))
        GROUP BY n.child_id),
      last AS (
        SELECT p.child_id, max(v.visit_date) AS seen FROM p JOIN visits v ON v.child_id = p.child_id
          AND v.kind = 'CIN' AND v.child_seen AND v.visit_date <= {d} AND v.visit_date >= p.start_date
        GROUP BY p.child_id)
      SELECT p.child_id, w.date AS due_date,
        CASE WHEN l.seen IS NULL THEN 'first visit on the plan'
             ELSE 'child in need visit (last seen ' || strftime(l.seen, '%-d %b %Y') || ')' END AS what
      FROM p LEFT JOIN last l ON l.child_id = p.child_id
      JOIN calendar c ON c.date = coalesce(l.seen, p.start_date)
      JOIN working_dates w ON w.no = c.working_day_no + {s[visits][cin_working_days]}""",
)
