"""903 rule 1001 (oc3): care leaver information (any of IN_TOUCH, ACTIV, ACCOM) for a young person whose
episodes show they are not a relevant or former relevant child: looked after (legal status other than the
short breaks V3, V4) for less than 13 weeks (91 days) in all since their 14th birthday, or not at all after
their 16th birthday, or their last episode ended in adoption (REC E11, E12). The OC3 row is flagged.

The episodes are this year's and last year's returns together, as the DfE's validator takes them: an episode
in both (the one open at the end of last year) is counted once, as this year's return has it; an open episode
counts to 31 March of this year. A day is in care from DECOM up to the day before DEC.

Which young people are judged, as the DfE's validator means to: those under 20 at 31 March (older ones' time
in care lies before the two loaded years) who have at least one episode in them (one with none is rule
1002's). The validator's code drops the older ones from the episodes but then flags every one of them (and any
young person with no episodes, or no date of birth in the Header); casewatch does what its comment says.
Time in care in an earlier period, ended before last year, is not seen, so a young person who was in care
then and only briefly again may be flagged wrongly: the DfE's note warns of this. The date of birth is the OC3
row's, or the Header's where that is blank; a young person with neither is not judged. Time in care is not
judged when the earliest loaded episode does not start a period of care (RNE other than S): that period began
before the loaded years, so most of it is unseen (a young person in care for 8 months to their 18th birthday,
of which the two years hold the last 58 days, was flagged on the synthetic council)."""

from casewatch.rules.engine import rule
from casewatch.rules.testing import flagged


@rule("1001", "ssda903", "The episodes recorded for this young person suggest they are not a relevant or a former relevant child and therefore should not have care leaver information completed. [NOTE: This tool can only test the current and previous year data loaded into the tool - this check may generate false positives if a child had episodes prior to last year's collection.]",
      tables=("oc3", "episodes", "episodes_last", "header"), fields=("IN_TOUCH",))
def sql(year: int) -> str:
    end = f"DATE '{int(year)}-03-31'"
    counted = "coalesce(e.LS, '') NOT IN ('V3', 'V4')"
    return f"""WITH eps AS (
          SELECT CHILD, DECOM, coalesce(DEC, {end}) AS upto, LS, REC, RNE FROM episodes
          WHERE CHILD IS NOT NULL AND DECOM IS NOT NULL
          UNION ALL
          SELECT CHILD, DECOM, coalesce(DEC, {end}), LS, REC, RNE FROM episodes_last l
          WHERE CHILD IS NOT NULL AND DECOM IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM episodes e WHERE e.CHILD = l.CHILD AND e.DECOM = l.DECOM)),
       adopted AS (
          SELECT x.CHILD FROM eps x WHERE x.REC IN ('E11', 'E12')
            AND NOT EXISTS (SELECT 1 FROM eps y WHERE y.CHILD = x.CHILD AND y.DECOM > x.DECOM)),
       o AS (
          SELECT _file, _row, CHILD, CAST(born + INTERVAL 14 YEAR AS DATE) AS fourteen,
                 CAST(born + INTERVAL 16 YEAR AS DATE) AS sixteen FROM (
            SELECT *, coalesce(DOB, (SELECT min(h.DOB) FROM header h WHERE h.CHILD = oc3.CHILD)) AS born FROM oc3
            WHERE IN_TOUCH IS NOT NULL OR ACTIV IS NOT NULL OR ACCOM IS NOT NULL)
          WHERE born + INTERVAL 20 YEAR > {end})
       SELECT o._file, o._row, o.CHILD AS child FROM o JOIN eps e ON e.CHILD = o.CHILD
       GROUP BY o._file, o._row, o.CHILD, o.fourteen, o.sixteen
       HAVING (coalesce(arg_min(e.RNE, e.DECOM), 'S') = 'S' AND (
              coalesce(sum(greatest(date_diff('day', greatest(e.DECOM, o.fourteen), e.upto), 0))
                       FILTER (WHERE {counted}), 0) < 91
           OR coalesce(sum(greatest(date_diff('day', greatest(e.DECOM, o.sixteen), e.upto), 0))
                       FILTER (WHERE {counted}), 0) < 1))
           OR o.CHILD IN (SELECT CHILD FROM adopted)"""


def test_1001():
    assert flagged(sql, 2025, oc3="""
        CHILD | DOB        | IN_TOUCH | ACTIV | ACCOM
        1     | 01/06/2007 | YES      | F1    | S
        2     | 01/06/2007 | YES      | F1    | S
        3     | 01/06/2007 | YES      | F1    | S
        4     | 01/06/2007 | YES      | F1    | S
        5     | 01/06/2006 | YES      | F1    | S
        6     | 01/06/2006 | YES      | F1    | S
        7     | 01/06/2007 | YES      | F1    | S
        8     | 01/06/2007 | YES      | F1    | S
        9     | 01/06/2007 | YES      | F1    | S
        10    | 01/06/2004 | YES      | F1    | S
        11    | 01/06/2007 |          |       |
        12    |            |          |       | S
        13    | 01/06/2005 | NO       | F1    | S
        14    | 01/04/2005 | YES      | F1    | S
        15    | 31/03/2005 | YES      | F1    | S
        16    | 01/06/2007 | YES      | F1    | S
    """, episodes="""
        CHILD | DECOM      | DEC        | LS | REC
        8     | 01/03/2024 | 15/04/2024 | C2 | E13
        16    | 01/06/2024 | 31/08/2024 | C2 | E13
    """, episodes_last="""
        CHILD | DECOM      | DEC        | LS | REC
        1     | 01/01/2023 | 01/10/2023 | C2 | E13
        2     | 01/03/2023 | 01/06/2023 | C2 | E13
        3     | 01/05/2023 | 15/06/2023 | C2 | E13
        4     | 01/01/2023 | 01/10/2023 | V3 | E13
        5     | 01/01/2020 | 01/06/2023 | E1 | E11
        6     | 01/01/2020 | 01/06/2022 | E1 | E12
        6     | 01/06/2023 | 01/12/2023 | C2 | E13
        7     | 01/01/2024 |            | C2 |
        8     | 01/03/2024 |            | C2 |
        10    | 01/05/2023 | 15/06/2023 | C2 | E13
        11    | 01/05/2023 | 15/06/2023 | C2 | E13
        12    | 01/05/2023 | 15/06/2023 | C2 | E13
        13    | 01/01/2019 | 01/06/2023 | C2 | E13
        14    | 01/05/2023 | 15/06/2023 | C2 | E13
        15    | 01/05/2023 | 15/06/2023 | C2 | E13
    """, header="""
        CHILD | DOB
        12    | 01/06/2007
    """) == [3, 4, 5, 6, 9, 13, 15]
    # 1: 9 months since 14, 4 since 16; 2: ended on the 16th birthday; 3: 45 days; 4: short breaks only;
    # 5: adopted; 6: adopted, then looked after again (the last episode is not an adoption);
    # 7: open last year, counted to 31 March; 8: the episode open last year ended on 15 April (this year's
    # return): 45 days;
    # 9: no episodes (rule 1002's); 10: aged 20, not judged; 11: no care leaver information;
    # 12: date of birth from the Header; 13: aged 19, in care from 13; 14: 20 on 1 April, after the year:
    # judged; 15: 20 on 31 March: not judged; 16: 91 days exactly, 13 weeks.


def test_1001_a_period_begun_before_the_loaded_years_is_not_judged():
    assert flagged(sql, 2025, oc3="""
        CHILD | DOB        | IN_TOUCH | ACTIV | ACCOM
        1     | 01/06/2006 | YES      | F1    | S
        2     | 01/06/2006 | YES      | F1    | S
    """, episodes="""
        CHILD | DECOM      | DEC        | LS | REC | RNE
        1     | 01/03/2024 | 15/04/2024 | C2 | E13 | P
        2     | 01/03/2024 | 15/04/2024 | C2 | E13 | S
    """, episodes_last="""
        CHILD | DECOM      | DEC        | LS | REC | RNE
        1     | 01/03/2024 |            | C2 |     | P
        2     | 01/03/2024 |            | C2 |     | S
    """) == [3]
