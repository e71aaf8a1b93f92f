"""A database of children in care generated from known constant rates (casewatch.synth.markov)."""

from __future__ import annotations

import pyarrow as pa

from casewatch.measures.testing import database
from casewatch.synth.markov import DEFAULT, Planted, generate


def planted_db(planted: Planted = DEFAULT):
    children, episodes = generate(planted)
    con = database()
    kids = pa.table({"child_id": [c[0] for c in children], "date_of_birth": [c[1] for c in children]})
    cols = list(zip(*episodes, strict=True)) if episodes else [[]] * 8
    eps = pa.table({name: list(col) for name, col in zip(
        ("episode_id", "child_id", "decom", "dec", "rne", "place", "place_provider", "rec"), cols, strict=True)})
    con.register("kids", kids)
    con.register("eps", eps)
    con.execute("INSERT INTO src.children (child_id, council_id, date_of_birth, sex) "
                "SELECT child_id, 'X01', date_of_birth, 'F' FROM kids")
    con.execute("INSERT INTO src.cla_episodes (episode_id, child_id, decom, dec, rne, place, place_provider, rec, "
                "legal_status, cin) SELECT episode_id, child_id, decom, dec, rne, place, place_provider, rec, 'C2', 'N1' "
                "FROM eps")
    con.unregister("kids")
    con.unregister("eps")
    return con
