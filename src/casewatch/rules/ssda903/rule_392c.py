"""903 rule 392c (HOME_POST, PL_POST): a postcode given must be a real one: in the ONS Postcode Directory.

Postcodes are matched ignoring case and spaces (``ab12cd`` is ``AB1 2CD``); terminated postcodes are real ones
(an episode can have begun before its postcode was terminated), as in the DfE's validator. Each postcode that
is not found is an issue of its own, naming its field (the validator reports the row once); a partial postcode
(``TW9 1``) is not found."""

from casewatch.rules.engine import rule
from casewatch.rules.ssda903._place import SAMPLE_POSTCODES, placed
from casewatch.rules.testing import issues


@rule("392c", "ssda903", "Postcode(s) provided are invalid.", tables=("episodes", "reference.postcodes"),
      fields=("HOME_POST", "PL_POST"))
def sql(year: int) -> str:
    return f"""SELECT e._file, e._row, e.CHILD AS child, 'HOME_POST' AS field, e.HOME_POST AS value
       FROM {placed()} e WHERE e.HOME_POST IS NOT NULL AND NOT e.HOME_FOUND
       UNION ALL
       SELECT e._file, e._row, e.CHILD AS child, 'PL_POST' AS field, e.PL_POST AS value
       FROM {placed()} e WHERE e.PL_POST IS NOT NULL AND NOT e.PL_FOUND"""


def test_392c():
    found = issues(sql, 2024, episodes="""
        CHILD | HOME_POST | PL_POST
        1     | TW9 1AA   | SW1A 1AA
        2     | invalid   | SW1A 1AA
        3     | TW9 1AA   | TW9 1
        4     | AB1 2CD   | AB1 2CE
        5     | tw91aa    | sw1a  1aa
        6     |           |
        7     | JE2 3AA   | TW9 2ZZ
    """, reference__postcodes=SAMPLE_POSTCODES)
    assert sorted((i.row, i.field, i.value) for i in found) == [
        (3, "HOME_POST", "invalid"), (4, "PL_POST", "TW9 1"), (5, "HOME_POST", "AB1 2CD"), (5, "PL_POST", "AB1 2CE")]
