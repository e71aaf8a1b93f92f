"""The one way casewatch opens an XML return: XML attacks refused (docs/decisions/0007).

defusedxml's rules, on lxml: a document that declares a DOCTYPE (and so any entity, internal or external, or
an external DTD) is refused, first by a look at its first 64 KiB (before any parsing) and again by the parser
on the root element (a DOCTYPE pushed past 64 KiB by a comment). The parser never resolves entities, loads
a DTD, touches the network or builds a huge tree. Every XML reader (CIN census, 903 XML, workforce census)
and the XSD check parse through here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

HEAD = 65536
_DECLARES = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_SAFE = {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False}


class XMLAttack(Exception):
    """The document declares a DOCTYPE or entities, which no statutory return has."""


def read_head(path: Path) -> bytes:
    """The first 64 KiB, refused if they declare a DOCTYPE or an entity; OSError if the file cannot be read."""
    with open(path, "rb") as fh:
        head = fh.read(HEAD)
    if _DECLARES.search(head):
        raise XMLAttack("the file declares a DOCTYPE or entities")
    return head


def refused(path: Path, exc: OSError | XMLAttack, never_has: str | None = None) -> str:
    """The file's error when it cannot be read or is refused, e.g. ``CIN.xml: XML attack refused: the file declares
    a DOCTYPE, which a CIN census never has``."""
    if isinstance(exc, XMLAttack):
        return f"{path}: XML attack refused: {exc}" + (f", which {never_has} never has" if never_has else "")
    return f"{path}: cannot be read ({exc.strerror})"


def fault(exc: etree.XMLSyntaxError) -> str:
    """What a not-well-formed file's parser said, with anything quoted (it may be a child's data) hidden."""
    return re.sub(r"'[^']*'", "'...'", str(getattr(exc, "msg", exc)))[:120]


def _check(tree) -> None:
    info = tree.docinfo
    if info.doctype or info.internalDTD is not None or info.externalDTD is not None:
        raise XMLAttack("the file declares a DOCTYPE")


def iterparse(path: Path, events=("start", "end"), tag: str | None = None) -> Iterator[tuple[str, object]]:
    """``lxml.etree.iterparse`` made safe: raises XMLAttack on the first element if the document has a DOCTYPE;
    etree.XMLSyntaxError if it is not well-formed."""
    kw = {"tag": tag} if tag else {}
    first = True
    for event, el in etree.iterparse(str(path), events=events, **_SAFE, **kw):
        if first:
            first = False
            _check(el.getroottree())
        yield event, el


def parse(path: Path):
    """The whole document (for XSD validation), made safe as ``iterparse``."""
    read_head(path)
    tree = etree.parse(str(path), etree.XMLParser(**_SAFE))
    _check(tree)
    return tree
