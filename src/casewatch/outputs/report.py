"""Write the report: report.html, report.pdf and report.xlsx from one content model (content.py).

The figures and charts are worked out once per call, whatever the formats asked for; ``on_file`` hears of each
file as soon as it is written (the web app's background build counts them as its progress)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from casewatch.outputs import charts, html, xlsx
from casewatch.outputs.content import Report, build

FORMATS = ("html", "xlsx", "pdf")  # the order they are written in: quickest first


@dataclass
class Written:
    report: Report
    files: dict[str, Path]
    seconds: dict[str, float]


def write_report(db_path: str, out_dir: str | Path, period_end=None, council: str | None = None,
                 la: str | None = None, audience: str = "internal", formats=("html", "pdf", "xlsx"),
                 standards: dict | None = None,
                 on_file: Callable[[str, Path], None] | None = None) -> Written:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    t = {"start": time.perf_counter()}
    r = build(db_path, period_end, council, la, audience, standards=standards)
    t["figures"] = time.perf_counter()
    rendered = charts.render_all(r)
    t["charts"] = time.perf_counter()
    files = {}
    for fmt in (f for f in FORMATS if f in formats):
        path = out / f"report.{fmt}"
        if fmt == "html":
            path.write_text(html.render(r, rendered), encoding="utf-8")
        elif fmt == "xlsx":
            xlsx.write(r, str(path))
        else:
            from weasyprint import HTML

            HTML(string=html.render(r, rendered, raster=True)).write_pdf(str(path))
        files[fmt] = path
        t[fmt] = time.perf_counter()
        if on_file is not None:
            on_file(fmt, path)
    keys = list(t)
    return Written(r, files, {k: round(t[k] - t[p], 2) for p, k in zip(keys, keys[1:], strict=False)})
