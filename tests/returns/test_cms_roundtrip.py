"""Round trip: synthetic council -> CMS extract (write_cms) -> read -> stage -> to_model gives back the same rows,
compared on natural keys (the extract carries no surrogate IDs for events), and loads with nothing refused."""

import datetime as dt

import duckdb
import pytest

from casewatch.ingest.pipeline import load
from casewatch.returns import cms
from casewatch.returns.stage import stage
from casewatch.returns.write_all import canonical_views
from casewatch.synth import SynthOptions, generate

NATURAL = {
    "councils": "council_id, name, region, data_to",
    "population": "council_id, mid_year, age, children",
    "teams": "team_id, council_id, name, service, start_date, end_date",
    "workers": "worker_id, council_id, team_id, role, fte::DOUBLE, agency, asye, start_date, end_date, name",
    "children": "child_id, council_id, date_of_birth, sex, ethnicity, disability, uasc, uasc_ceased, family_id",
    "contacts": "child_id, contact_date, source, outcome",
    "early_help_episodes": "child_id, start_date, end_date, outcome",
    "allocations": "child_id, worker_id, team_id, start_date, end_date, end_reason",
    "visits": "child_id, worker_id, visit_date, kind, child_seen, seen_alone",
}


@pytest.fixture(scope="module")
def extract(tmp_path_factory):
    d = tmp_path_factory.mktemp("cms")
    generate(d / "s", SynthOptions(size="tiny", seed=7, years=2, end=dt.date(2026, 3, 31)))
    con = duckdb.connect()
    canonical_views(con, d / "s")
    paths = cms.write_cms(con, d / "cms", la_code="001")
    yield con, d, paths
    con.close()


def test_every_file_reads_cleanly(extract):
    _, _, paths = extract
    assert sorted(p.name for p in paths) == sorted(f"{s}.csv" for s in cms.FILES)
    for p in paths:
        f = cms.read(p)
        assert (f.error, f.issues) == (None, []), p.name
        assert f.records == sum(1 for _ in p.open(encoding="utf-8")) - 1


def test_mapping_gives_back_the_same_rows(extract):
    con, _, paths = extract
    files = [cms.read(p) for p in paths]
    stage(con, files)
    con.execute("SET VARIABLE council_id = 'X01'")
    sql = cms.to_model()
    for table, cols in NATURAL.items():
        synth = f"SELECT {cols} FROM {table}"
        mapped = f"SELECT {cols} FROM ({sql[table]})"
        assert con.execute(f"SELECT count(*) FROM (({synth}) EXCEPT ALL ({mapped}))").fetchone()[0] == 0, table
        assert con.execute(f"SELECT count(*) FROM (({mapped}) EXCEPT ALL ({synth}))").fetchone()[0] == 0, table
        assert con.execute(f"SELECT count(*) FROM ({synth})").fetchone()[0] > 0, table
    # identifiers are natural keys: unique, as the loader needs them
    for table, key in (("contacts", "contact_id"), ("visits", "visit_id"), ("allocations", "allocation_id"),
                       ("early_help_episodes", "episode_id")):
        dup = con.execute(f"SELECT count(*) - count(DISTINCT {key}) FROM ({sql[table]})").fetchone()[0]
        assert dup == 0, table


def test_extract_loads_with_only_its_details_waiting_for_the_census(extract, tmp_path):
    _, d, _ = extract
    run = load([d / "cms"], tmp_path / "db.duckdb", council_id="X01")
    assert all(f.error is None and f.rows_read == f.rows_loaded + f.rows_quarantined for f in run.files)
    refused = {f.path.rsplit("/", 1)[-1] for f in run.files if f.rows_quarantined}
    assert refused <= {"assessment_details.csv", "s47_details.csv"}  # their referral comes from the CIN census
    con = duckdb.connect(str(run.db_path), read_only=True)
    reasons = {r for (rs,) in con.execute("SELECT reasons FROM quarantine").fetchall() for r in rs}
    assert "CW-MODEL referral_id: missing (required)" in reasons
    assert all(r.startswith("CW-MODEL") for r in reasons)
    assert con.execute("SELECT count(*) FROM allocations").fetchone()[0] > 0
    con.close()


def test_with_annex_a_and_workforce_census_everything_loads_and_merges(extract, tmp_path):
    """The extract's assessment and s47 details find their records in Annex A (lists 4 and 5), the workforce
    census's workers are the extract's, and nothing is refused: the sources agree on natural keys."""
    from casewatch.returns import annex_a, swwc

    con, d, _ = extract
    end, since = dt.date(2026, 3, 31), dt.date(2025, 4, 1)
    out = tmp_path / "returns"
    cms.write_cms(con, out / "cms", since=since, la_code="001")
    annex_a.write_annex_a(con, out / "annex_a" / "Annex_A.xlsx", end)
    swwc.write_swwc(con, out / "workforce" / "CSWW_2025.xml", 2025)
    run = load([out], tmp_path / "db.duckdb", council_id="X01")
    assert {f.kind for f in run.files} == {"cms", "annex_a", "swwc"}
    assert [(f.path, f.rows_quarantined, f.error) for f in run.files if f.rows_quarantined or f.error] == []
    con.execute(f"ATTACH '{run.db_path}' AS d (READ_ONLY)")
    for table, cols in {**NATURAL, "assessments": "child_id, start_date, authorised_date, child_seen, outcome",
                        "section47": "child_id, strategy_discussion_date, start_date, icpc_date, outcome"}.items():
        window = {"assessments": f" WHERE authorised_date IS NULL OR authorised_date >= DATE '{since}'",
                  "section47": f" WHERE start_date >= DATE '{since}' OR icpc_date >= DATE '{since}'"}.get(table, "")
        synth, loaded = f"SELECT {cols} FROM {table}{window}", f"SELECT {cols} FROM d.{table}"
        assert con.execute(f"SELECT count(*) FROM (({synth}) EXCEPT ALL ({loaded}))").fetchone()[0] == 0, table
        assert con.execute(f"SELECT count(*) FROM (({loaded}) EXCEPT ALL ({synth}))").fetchone()[0] == 0, table
    con.execute("DETACH d")
