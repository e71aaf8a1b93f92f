"""Workers' names in the case-management extract: read from a `name` column (blank cells are no name), and an
older extract without the column still loads, its workers without names."""

import duckdb

from casewatch.returns import cms
from casewatch.returns.stage import stage


def _workers(tmp_path, text: str) -> tuple[list, list]:
    p = tmp_path / "workers.csv"
    p.write_text(text, encoding="utf-8")
    f = cms.read(p)
    assert (f.error, [i.message for i in f.issues]) == (None, [])
    con = duckdb.connect()
    try:
        stage(con, [f])
        con.execute("SET VARIABLE council_id = 'X01'")
        rows = con.execute(f"SELECT worker_id, name, team_id, role FROM ({cms.to_model()['workers']}) "
                           "ORDER BY worker_id").fetchall()
    finally:
        con.close()
    return f.tables["cms.workers"].columns["name"], rows


def test_workers_names_are_read(tmp_path):
    staged, rows = _workers(tmp_path, "SWE No,Name,team_id,role\n"
                                      "SW1,Amina Khan,T1,Social worker\n"
                                      "SW2,  ,T1,social_worker\n"
                                      "SW3, Tariq Shah ,T2,team manager\n")
    assert staged == ["Amina Khan", None, "Tariq Shah"]  # text is stripped; blank is no name
    assert rows == [("SW1", "Amina Khan", "T1", "social_worker"), ("SW2", None, "T1", "social_worker"),
                    ("SW3", "Tariq Shah", "T2", "team_manager")]


def test_an_extract_without_names_still_loads(tmp_path):
    staged, rows = _workers(tmp_path, "worker_id,team_id,role\nSW1,T1,social_worker\nSW2,T2,team_manager\n")
    assert staged == [None, None]
    assert rows == [("SW1", None, "T1", "social_worker"), ("SW2", None, "T2", "team_manager")]
