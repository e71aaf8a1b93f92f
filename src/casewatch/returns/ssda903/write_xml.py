"""The 903 as one XML file, in the layout case-management systems export and the DfE's 903 validator reads.

The layout (learned from the DfE validator, data-to-insight/csc-validator-be-903: ``lac_validator/ingress.py``
``read_xml_from_text`` and its fixture ``tests/fake_data/fake_903.xml``)::

    <EXPSSDA903>
      <CHILD>
        <HEADER>
          <CHILDID>1234</CHILDID><UPN>..</UPN><SEX>1</SEX><DOB>01/02/2010</DOB><ETHNIC>WBRI</ETHNIC>
          <UASC>1</UASC><DUC>01/02/2028</DUC>                    (UASC table; <UASC>0</UASC> when not UASC)
          <IN_TOUCH>..</IN_TOUCH><ACTIV>..</ACTIV><ACCOM>..</ACCOM>  (OC3, flat, when the child has a row)
          <DATE_INT>..</DATE_INT>...<LS_ADOPTR>..</LS_ADOPTR>      (AD1, flat, when the child has a row)
          <AREVIEW><REVIEW>..</REVIEW><REVIEW_CODE>..</REVIEW_CODE></AREVIEW>           (reviews, repeated)
          <AMISSING><MISSING>..</MISSING><MIS_START>..</MIS_START><MIS_END /></AMISSING> (missing, repeated)
          <MOTHER /><MC_DOB />
          <PERMANENCE><PREV_PERM>..</PREV_PERM><LA_PERM /><DATE_PERM /></PERMANENCE>  (previous permanence)
          <OC2>..</OC2>
          <AD_PLACED><DATE_PLACED>..</DATE_PLACED>...</AD_PLACED>      (placed for adoption, repeated)
        </HEADER>
        <EPISODE><DECOM>..</DECOM><RNE>..</RNE><LS>..</LS><CIN>..</CIN><PL>..</PL><PL_POST>..</PL_POST>
                 <HOME_POST>..</HOME_POST><URN>..</URN><PLACE_PROVIDER>..</PLACE_PROVIDER><DEC />
                 <REC>..</REC><REASON_PLACE_CHANGE /></EPISODE>                      (episodes, repeated)
        <SW_EPISODE><SW_ID>..</SW_ID><SW_DECOM>..</SW_DECOM><SW_DEC /><SW_REASON /></SW_EPISODE>
      </CHILD>
    </EXPSSDA903>

dd/mm/yyyy dates; a blank field is an empty element. The DfE's XML names the placement ``PL`` (PLACE in the
CSV) and the child ``CHILDID``; DOB and SEX of the other tables are the child's, from HEADER. Social worker
episodes (in the 903 from 2023-24) have no element in the layout the DfE validator reads: casewatch writes them
as ``<SW_EPISODE>`` under CHILD (the validator ignores it) so that the file still holds the whole return.
casewatch's earlier versions wrote an invented layout (``<SSDA903 year=..>`` with one element per table and
``<row>`` records); read_xml.py still reads it.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from casewatch.returns.ssda903.write import _cell

# flat groups inside HEADER, one per child: table -> its fields as elements
UASC = ("DUC",)
OC3 = ("IN_TOUCH", "ACTIV", "ACCOM")
AD1 = ("DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR")
# record elements: element -> (table, fields in the element's order)
IN_HEADER = {
    "AREVIEW": ("reviews", ("REVIEW", "REVIEW_CODE")),
    "AMISSING": ("missing", ("MISSING", "MIS_START", "MIS_END")),
    "PERMANENCE": ("prev_perm", ("PREV_PERM", "LA_PERM", "DATE_PERM")),
    "OC2": ("oc2", ("SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK",
                    "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED")),
    "AD_PLACED": ("placed_adoption", ("DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED")),
}
IN_CHILD = {
    "EPISODE": ("episodes", ("DECOM", "RNE", "LS", "CIN", "PL", "PL_POST", "HOME_POST", "URN", "PLACE_PROVIDER",
                             "DEC", "REC", "REASON_PLACE_CHANGE")),
    "SW_EPISODE": ("social_worker", ("SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON")),
}
_CSV_NAME = {"PL": "PLACE"}  # element -> staging column, where they differ


def write_903_xml(con, path: Path, year: int, queries: dict[str, str]) -> Path:
    """One collection year's 903 (the tables ``queries`` gives, as for the CSVs) as one XML file."""
    rows: dict[str, dict[str, list[dict]]] = {}  # CHILD -> table -> rows, each in the query's order
    headers: list[dict] = []
    for table, sql in queries.items():
        cur = con.execute(sql)
        cols = [d[0] for d in cur.description]
        for values in cur.fetchall():
            record = dict(zip(cols, values, strict=True))
            if table == "header":
                headers.append(record)
            else:
                rows.setdefault(_cell(record["CHILD"]), {}).setdefault(table, []).append(record)
    written: set[str] = set()
    with etree.xmlfile(str(path), encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element("EXPSSDA903"):
            for h in headers:
                child = _cell(h["CHILD"])
                xf.write(_child(h, {} if child in written else rows.get(child, {})), pretty_print=True)
                written.add(child)
            for child in rows.keys() - written:  # in a table but not in the header: still written, not lost
                first = next(r for t in rows[child].values() for r in t)
                xf.write(_child({"CHILD": child, "DOB": first.get("DOB")}, rows[child]), pretty_print=True)
    return path


def _child(header: dict, tables: dict[str, list[dict]]) -> etree._Element:
    el = etree.Element("CHILD")
    h = etree.SubElement(el, "HEADER")
    for name in ("CHILDID", "UPN", "SEX", "DOB", "ETHNIC"):
        _leaf(h, name, header.get("CHILD" if name == "CHILDID" else name))
    uasc = tables.get("uasc", [])
    _leaf(h, "UASC", "1" if uasc else "0")  # the DfE's rule 105 wants 0 or 1 in an XML header
    for table, fields in (("uasc", UASC), ("oc3", OC3), ("ad1", AD1)):
        for row in tables.get(table, []):  # one per child; a second one repeats the group, as the reader expects
            for name in fields:
                _leaf(h, name, row.get(name))
    for name in ("AREVIEW", "AMISSING"):
        _records(h, name, tables)
    _leaf(h, "MOTHER", header.get("MOTHER"))
    _leaf(h, "MC_DOB", header.get("MC_DOB"))
    for name in ("PERMANENCE", "OC2", "AD_PLACED"):
        _records(h, name, tables)
    for name in IN_CHILD:
        _records(el, name, tables)
    return el


def _records(parent, name: str, tables: dict[str, list[dict]]) -> None:
    table, fields = IN_HEADER.get(name) or IN_CHILD[name]
    for row in tables.get(table, []):
        rec = etree.SubElement(parent, name)
        for f in fields:
            _leaf(rec, f, row.get(_CSV_NAME.get(f, f)))


def _leaf(parent, name: str, value) -> None:
    text = _cell(value)
    etree.SubElement(parent, name).text = text or None  # blank: an empty element, <DEC />
