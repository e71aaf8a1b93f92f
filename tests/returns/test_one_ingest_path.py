"""One ingest path (issue 22): returns imports neither rules nor ingest; the canonical-table load and the returns
merge state a column's rules once and give the same words for the same fault; every XML reader refuses an
entity attack through the one safe parser; SQL text is quoted in one place."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import duckdb
import pytest

import casewatch
from casewatch.model import TABLES
from casewatch.model.load import faults, reason_exprs
from casewatch.model.sql import identifier, literal, quote_list
from casewatch.returns import merge, xmlsafe
from casewatch.returns.cin.read import read_cin
from casewatch.returns.cin.validate_xsd import xsd_issues
from casewatch.returns.ssda903.read_xml import read_xml
from casewatch.returns.swwc.read import read_swwc

SRC = Path(casewatch.__file__).parent


def _imports(path: Path) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out |= {node.module, *(f"{node.module}.{a.name}" for a in node.names)}
    return out


def test_returns_imports_neither_rules_nor_the_orchestrator():
    modules = sorted((SRC / "returns").rglob("*.py"))
    assert len(modules) > 40  # the scan really read the package
    upward = {str(p.relative_to(SRC)): sorted(m for m in _imports(p)
                                               if re.match(r"casewatch\.(rules|ingest)\b", m))
              for p in modules}
    assert {k: v for k, v in upward.items() if v} == {}
    assert not (SRC / "returns" / "pipeline.py").exists()
    # the orchestrator is above both
    assert {"casewatch.rules.run", "casewatch.returns.merge"} <= _imports(SRC / "ingest" / "pipeline.py")


COLUMNS = [(t, c) for t in TABLES for c in t.columns]


def _children(name: str):
    table = next(t for t in TABLES if t.name == "children")
    return table, table.column(name)


def _reasons(sql_exprs: list[str], select: str) -> list[str]:
    con = duckdb.connect()
    got = con.execute(f"SELECT list_filter([{', '.join(sql_exprs)}]::VARCHAR[], lambda x: x IS NOT NULL) "
                      f"FROM ({select})").fetchone()[0]
    con.close()
    return got


def test_a_code_fault_reads_the_same_in_the_load_and_the_merge():
    _, sex = _children("sex")
    bad = "SELECT 'X' AS sex"
    assert _reasons(reason_exprs(sex), bad) == ["sex: not in the code list"]
    assert _reasons(reason_exprs(sex, merge.MODEL), bad) == ["CW-MODEL sex: not in the code list"]
    assert _reasons(reason_exprs(sex), "SELECT NULL::VARCHAR AS sex") == ["sex: missing (required)"]


def test_a_value_that_does_not_type_reads_the_same_in_the_load_and_the_merge():
    _, dob = _children("date_of_birth")
    # the load casts in a first step and keeps the raw value beside it; the merge casts inline
    load = _reasons(reason_exprs(dob, raw="_raw"), "SELECT TRY_CAST('31/02/2010' AS DATE) AS date_of_birth, "
                    "'31/02/2010' AS _raw")
    typed = "TRY_CAST(date_of_birth AS DATE)"
    merged = _reasons(reason_exprs(dob, merge.MODEL, typed, raw="date_of_birth", rules=("type",)),
                      "SELECT '31/02/2010' AS date_of_birth")
    assert load == ["date_of_birth: not a valid DATE"]
    assert merged == ["CW-MODEL date_of_birth: not a valid DATE"]


@pytest.mark.parametrize(("table", "col"), COLUMNS, ids=[f"{t.name}.{c.name}" for t, c in COLUMNS])
def test_every_column_fault_has_one_wording(table, col):
    """Keys refuse the record with the load's words (prefixed); other columns are loaded as unknown with the
    same words and '; loaded as unknown'. One list of faults makes all three."""
    words = [f.reason for f in faults(col)]
    if col.name in table.key_columns:
        exprs = reason_exprs(col, merge.MODEL)
        assert [re.search(r"THEN '(.*)' END$", e).group(1).replace("''", "'") for e in exprs] == \
            [f"CW-MODEL {col.name}: {w}" for w in words]
    else:
        repairs = [r for r in merge._unknown(table) if r.field == col.name]
        assert [r.message for r in repairs] == [f"{w}; loaded as unknown" for w in words]
        assert all(r.rule == "CW-MODEL" for r in repairs)


LAUGHS = ('<!DOCTYPE Message [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
          '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>')
BODY = "<Message><Header><Year>2024</Year></Header><Children><Child><LAchildID>&d;</LAchildID></Child>" \
       "</Children><CSWWWorker><SWENo>&d;</SWENo></CSWWWorker><CHILD><CHILDID>&d;</CHILDID></CHILD></Message>"
READERS = {"CIN census": read_cin, "903 XML": read_xml, "workforce census": read_swwc}


@pytest.mark.parametrize("padded", [False, True], ids=["at the top", "past 64 KiB"])
@pytest.mark.parametrize("reader", READERS.values(), ids=READERS.keys())
def test_every_xml_reader_refuses_billion_laughs(tmp_path, reader, padded):
    pad = "<!--" + "x" * 70_000 + "-->" if padded else ""
    path = tmp_path / "SSDA903_2024.xml"
    path.write_text('<?xml version="1.0"?>' + pad + LAUGHS + BODY)
    f = reader(path)
    assert f.error.startswith(f"{path}: XML attack refused: the file declares a DOCTYPE")
    assert f.records == 0 and not f.tables


def test_a_903_with_its_doctype_past_64_kib_is_refused(tmp_path):
    """The 903 XML reader had the head check but not the parser's: this file was read (1 record) before."""
    path = tmp_path / "SSDA903_2024.xml"
    path.write_text('<?xml version="1.0"?><!--' + "x" * 70_000 + '--><!DOCTYPE EXPSSDA903 [<!ENTITY a "lol">]>'
                    "<EXPSSDA903><CHILD><HEADER><CHILDID>&a;</CHILDID><SEX>1</SEX><DOB>01/01/2010</DOB></HEADER>"
                    "</CHILD></EXPSSDA903>")
    f = read_xml(path)
    assert f.error == f"{path}: XML attack refused: the file declares a DOCTYPE"
    assert f.records == 0 and not f.tables


def test_the_safe_parser_refuses_what_the_first_64_kib_hid(tmp_path):
    path = tmp_path / "hidden.xml"
    path.write_text('<?xml version="1.0"?><!--' + "x" * 70_000 + "-->" + LAUGHS + BODY)
    assert xmlsafe.read_head(path).startswith(b"<?xml")  # nothing to see in the head ...
    with pytest.raises(xmlsafe.XMLAttack):  # ... the parser refuses it on the root element
        next(xmlsafe.iterparse(path))
    with pytest.raises(xmlsafe.XMLAttack):  # and so does the XSD check
        xsd_issues(path, 2024)


def test_the_xml_guard_is_written_once():
    parsing = re.compile(r"etree\.(iterparse|parse|XMLParser|fromstring)\(")
    found = sorted(str(p.relative_to(SRC)) for p in (SRC / "returns").rglob("*.py") if parsing.search(p.read_text()))
    assert found == ["returns/xmlsafe.py"]


HAND_QUOTED = re.compile(r"""\.replace\(\s*["']['"]["']\s*,\s*["']['"]{2}["']\s*\)""")  # .replace("'", "''")
# modules outside the ingest path, still quoting by hand (issue 22 leaves them to their packages' owners)
NOT_YET: set[str] = set()


def test_sql_is_quoted_in_one_place():
    hand = {str(p.relative_to(SRC)) for p in SRC.rglob("*.py") if HAND_QUOTED.search(p.read_text())}
    assert "model/sql.py" in hand  # the pattern does find hand-written quoting
    assert hand - {"model/sql.py"} <= NOT_YET
    assert not {h for h in hand if h.startswith(("returns/", "model/", "ingest/"))} - {"model/sql.py"}


def test_quoting_round_trips_through_duckdb():
    con = duckdb.connect()
    awkward = "O'Brien \"the\" ''"
    assert con.execute(f"SELECT {literal(awkward)}").fetchone()[0] == awkward
    assert con.execute(f"SELECT 1 AS {identifier(awkward)}").description[0][0] == awkward
    codes = quote_list(["a", "b'c"])
    assert con.execute(f"SELECT 'b''c' IN ({codes}), 'b' IN ({codes})").fetchone() == (True, False)
    con.close()
