"""Children without a worker, with too many workers, without a permanence plan, missing without a return
interview, or without a health assessment."""

from casewatch.lists.define import IN_CARE, OPEN_CIN, action_list

action_list(
    name="unallocated", title="Children with no allocated social worker",
    rule="every child open to children's social care has an allocated social worker",
    basis="Children Act 1989; Working Together 2023 (a named social worker for each child in need of services)",
    sql="""SELECT o.child_id,
        greatest(o.since, coalesce((SELECT max(a.end_date) FROM allocations a WHERE a.child_id = o.child_id
                                      AND a.end_date <= {d}), o.since)) AS due_date,
        'no social worker since this date' AS what
      FROM (""" + OPEN_CIN + """) o
      WHERE NOT EXISTS (SELECT 1 FROM allocations a WHERE a.child_id = o.child_id AND a.start_date <= {d}
                        AND (a.end_date IS NULL OR a.end_date > {d}))""",
)
action_list(
    name="sw_changes", title="Children with many social workers in 12 months",
    rule="{s[continuity][social_workers_12_months]} or more social workers in the last 12 months (local standard)",
    basis="Ofsted ILACS: children 'experience too many changes of social worker'",
    sql="""WITH w AS (
        SELECT o.child_id, a.worker_id, min(a.start_date) AS first_start
        FROM (""" + OPEN_CIN + """) o JOIN allocations a ON a.child_id = o.child_id AND a.start_date <= {d}
          AND (a.end_date IS NULL OR a.end_date > {d} - INTERVAL 12 MONTH)
        GROUP BY o.child_id, a.worker_id)
      SELECT child_id, max(first_start) AS due_date, count(*) || ' social workers in 12 months' AS what
      FROM w GROUP BY child_id HAVING count(*) >= {s[continuity][social_workers_12_months]}""",
)
action_list(
    name="permanence_plan", title="Children in care with no permanence plan by the second review",
    rule="a permanence plan by review number {s[permanence][plan_by_review]} of this period of care",
    basis="Care Planning, Placement and Case Review (England) Regulations 2010, reg 2 and statutory guidance "
          "vol 2 ('a permanence plan by the second review')",
    sql="""WITH c AS (
        SELECT i.child_id, care_start(i.child_id, {d}) AS began FROM (""" + IN_CARE + """) i),
      r AS (
        SELECT c.child_id, c.began, v.review_date,
               row_number() OVER (PARTITION BY c.child_id ORDER BY v.review_date) AS k
        FROM c JOIN cla_reviews v ON v.child_id = c.child_id AND v.review_date >= c.began AND v.review_date <= {d})
      SELECT r.child_id, r.review_date AS due_date, 'no permanence plan recorded' AS what
      FROM r WHERE r.k = {s[permanence][plan_by_review]}
        AND NOT EXISTS (SELECT 1 FROM permanence p WHERE p.child_id = r.child_id AND p.decision_date IS NOT NULL
                        AND p.decision_date <= {d} AND p.decision_date >= r.began)""",
)
action_list(
    name="missing_rhi", title="Missing episodes with no return home interview",
    rule="a return home interview offered within 72 hours of the child's return (episodes ended in the last 12 "
         "months; not recorded counts as not offered)",
    basis="DfE, Children who run away or go missing from home or care (statutory guidance, 2014)",
    sql="""SELECT m.child_id, m.end_date + 3 AS due_date,
        'missing ' || strftime(m.start_date, '%-d %b %Y') || ' to ' || strftime(m.end_date, '%-d %b %Y') AS what
      FROM missing_episodes m WHERE m.kind = 'M' AND m.end_date <= {d} AND m.end_date > {d} - INTERVAL 12 MONTH
        AND NOT coalesce(m.return_interview_offered, false)""",
)
action_list(
    name="health_assessment", title="Children in care with no annual health assessment",
    rule="a health assessment every year (every 6 months under 5); read from the 903 OC2 return for the last "
         "31 March",
    basis="Promoting the health and well-being of looked-after children (statutory guidance, 2015); 903 OC2",
    sql="""SELECT h.child_id, h.year_ending AS due_date, 'no health assessment in the year to '
        || strftime(h.year_ending, '%-d %b %Y') AS what
      FROM cla_health h WHERE h.year_ending = (SELECT max(year_ending) FROM cla_health WHERE year_ending <= {d})
        AND NOT coalesce(h.health_assessment, false) AND h.child_id IN (""" + IN_CARE + """)""",
)
