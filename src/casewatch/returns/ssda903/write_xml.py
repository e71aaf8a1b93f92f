"""The 903 as one XML file: casewatch's shape for systems that export the 903 as XML.

The DfE collects the 903 as CSV files; some case-management systems export it as XML instead. casewatch
reads and writes this shape (docs/returns/ssda903.md)::

    <SSDA903 year="2024">
      <episodes><row><CHILD>1234</CHILD><DECOM>2023-04-01</DECOM>...</row>...</episodes>
      <header>...</header> ...
    </SSDA903>

One element per table, named as the CSV file's table; one ``<row>`` per record; DfE column names as child
elements; ISO dates; blank fields left out.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from lxml import etree


def write_903_xml(con, path: Path, year: int, queries: dict[str, str]) -> Path:
    with etree.xmlfile(str(path), encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element("SSDA903", year=str(year)):
            for table, sql in queries.items():
                cur = con.execute(sql)
                cols = [d[0] for d in cur.description]
                with xf.element(table):
                    for row in cur.fetchall():
                        el = etree.Element("row")
                        for c, v in zip(cols, row, strict=True):
                            if v is not None:
                                etree.SubElement(el, c).text = v.isoformat() if isinstance(v, dt.date) else str(v)
                        xf.write(el, pretty_print=True)
    return path
