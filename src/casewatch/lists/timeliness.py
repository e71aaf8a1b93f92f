"""Assessments, conferences and reviews that are late or about to be."""

from casewatch.lists.define import IN_CARE, ON_CP_PLAN, action_list

WT = "Working Together to Safeguard Children 2023, chapter 2"

action_list(
    name="assessments", title="Assessments open too long",
    rule="authorised within {s[assessments][timescale_working_days]} working days of the start",
    basis=WT,
    sql="""SELECT a.child_id, add_wd(a.start_date, {s[assessments][timescale_working_days]}) AS due_date,
        'assessment started ' || strftime(a.start_date, '%-d %b %Y') AS what
      FROM assessments a WHERE a.start_date <= {d} AND (a.authorised_date IS NULL OR a.authorised_date > {d})""",
)
action_list(
    name="icpc", title="Initial child protection conference not yet held",
    rule="ICPC within {s[conferences][icpc_working_days]} working days of the strategy discussion",
    basis=WT,
    sql="""SELECT s.child_id,
        add_wd(coalesce(s.strategy_discussion_date, s.start_date), {s[conferences][icpc_working_days]}) AS due_date,
        'initial conference after the strategy discussion of '
          || strftime(coalesce(s.strategy_discussion_date, s.start_date), '%-d %b %Y') AS what
      FROM section47 s
      WHERE coalesce(s.strategy_discussion_date, s.start_date) <= {d}
        AND (s.icpc_date IS NULL OR s.icpc_date > {d}) AND (s.outcome IS NULL OR s.outcome = 'icpc')""",
)
action_list(
    name="cp_reviews", title="Child protection review conference due",
    rule="first review within {s[conferences][first_review_months]} months of the ICPC, then every "
         "{s[conferences][later_review_months]} months",
    basis=WT,
    sql="""WITH c AS (
        SELECT p.child_id, p.start_date,
          (SELECT max(r) FROM (SELECT unnest(q.review_dates) AS r FROM cp_plans q WHERE q.child_id = p.child_id
             AND q.start_date <= {d} AND (q.end_date IS NULL OR q.end_date > {d})) WHERE r <= {d}) AS last
        FROM (""" + ON_CP_PLAN + """) p)
      SELECT child_id,
        CASE WHEN last IS NULL THEN start_date + INTERVAL {s[conferences][first_review_months]} MONTH
             ELSE last + INTERVAL {s[conferences][later_review_months]} MONTH END::DATE AS due_date,
        CASE WHEN last IS NULL THEN 'first review conference' ELSE 'review conference (last '
             || strftime(last, '%-d %b %Y') || ')' END AS what
      FROM c""",
)
action_list(
    name="cla_reviews", title="Looked-after review due",
    rule="first review within {s[cla_reviews][first_working_days]} working days of coming into care, the second "
         "within {s[cla_reviews][second_months]} months of the first, then every {s[cla_reviews][later_months]} months",
    basis="Care Planning, Placement and Case Review (England) Regulations 2010, reg 33",
    sql="""WITH c AS (
        SELECT i.child_id, care_start(i.child_id, {d}) AS began FROM (""" + IN_CARE + """) i),
      r AS (
        SELECT c.*, (SELECT count(*) FROM cla_reviews v WHERE v.child_id = c.child_id AND v.review_date >= c.began
                       AND v.review_date <= {d}) AS n,
               (SELECT max(v.review_date) FROM cla_reviews v WHERE v.child_id = c.child_id
                       AND v.review_date >= c.began AND v.review_date <= {d}) AS last
        FROM c)
      SELECT child_id,
        CASE WHEN n = 0 THEN add_wd(began, {s[cla_reviews][first_working_days]})
             WHEN n = 1 THEN (last + INTERVAL {s[cla_reviews][second_months]} MONTH)::DATE
             ELSE (last + INTERVAL {s[cla_reviews][later_months]} MONTH)::DATE END AS due_date,
        CASE WHEN n = 0 THEN 'first review' WHEN n = 1 THEN 'second review'
             ELSE 'review (last ' || strftime(last, '%-d %b %Y') || ')' END AS what
      FROM r""",
)
