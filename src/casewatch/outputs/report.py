"""Write the report: report.html, report.pdf and report.xlsx from one content model (content.py)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from casewatch.outputs import charts, html, xlsx
from casewatch.outputs.content import Report, build


@dataclass
class Written:
    report: Report
    files: dict[str, Path]
    seconds: dict[str, float]


def write_report(db_path: str, out_dir: str | Path, period_end=None, council: str | None = None,
                 la: str | None = None, audience: str = "internal", formats=("html", "pdf", "xlsx"),
                 standards: dict | None = None) -> Written:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    t = {"start": time.perf_counter()}
    r = build(db_path, period_end, council, la, audience, standards=standards)
    t["figures"] = time.perf_counter()
    rendered = charts.render_all(r)
    t["charts"] = time.perf_counter()
    files = {}
    if "html" in formats:
        files["html"] = out / "report.html"
        files["html"].write_text(html.render(r, rendered), encoding="utf-8")
    t["html"] = time.perf_counter()
    if "xlsx" in formats:
        files["xlsx"] = out / "report.xlsx"
        xlsx.write(r, str(files["xlsx"]))
    t["xlsx"] = time.perf_counter()
    if "pdf" in formats:
        from weasyprint import HTML

        files["pdf"] = out / "report.pdf"
        HTML(string=html.render(r, rendered, raster=True)).write_pdf(str(files["pdf"]))
    t["pdf"] = time.perf_counter()
    keys = list(t)
    return Written(r, files, {k: round(t[k] - t[p], 2) for p, k in zip(keys, keys[1:], strict=False)})
