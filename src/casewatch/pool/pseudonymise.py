"""Keyed pseudonyms for identifiers, the council's key file, and the small-area generalisations.

``pseudonym(key, kind, value)`` is HMAC-SHA256 under the council's key of ``kind + US + value`` (US = the ASCII
unit separator, which no identifier holds). The same key gives the same pseudonym every year, so a child links
across years and returns; without the key nobody can reverse it or try every plausible identifier against it
(a plain hash of a child ID could be reversed by hashing every ID the council could have issued).

Format: one letter for the kind (C child, W worker ...) then base32 (A-Z, 2-7) of the first 10 bytes of the
HMAC: 17 characters, 80 bits. The DfE's own specifications give no length for the 903 CHILD field (the
reference schema says only "alphanumeric"); the same LA child ID is at most 20 characters in the CIN census
(rule 1570), so 17 fits both. 80 bits: the chance that any two of a large council's 100,000 identifiers of
one kind collide is about 4 in 10^15, and ``export`` checks there is no collision all the same.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import secrets
import stat
from pathlib import Path

from casewatch.errors import CasewatchError

KEY_BYTES = 32
PSEUDONYM_BYTES = 10  # 80 bits -> 16 base32 characters, no padding
KIND_LETTERS = {
    "child": "C", "worker": "W", "family": "F", "referral": "R", "assessment": "A", "s47": "S",
    "cin_plan": "N", "cp_plan": "P", "cla_episode": "E", "early_help": "H", "cla_review": "V",
    "permanence": "M", "missing": "G", "allocation": "L", "visit": "T", "contact": "K", "adopter": "D",
    "adopter_family": "Y", "urn": "U",
}
FINGERPRINT_LABEL = b"casewatch pool key fingerprint v1"
PSEUDONYM_RE = re.compile(r"^[A-Z][A-Z2-7]{16}$")


class KeyFileError(CasewatchError):
    """The key file is missing, too short or readable by everyone: the export does not run."""


def pseudonym(key: bytes, kind: str, value: str) -> str:
    if kind not in KIND_LETTERS:
        raise ValueError(f"no pseudonym kind {kind!r}")
    digest = hmac.new(key, f"{kind}\x1f{value}".encode(), hashlib.sha256).digest()
    return KIND_LETTERS[kind] + base64.b32encode(digest[:PSEUDONYM_BYTES]).decode("ascii")


def fingerprint(key: bytes) -> str:
    """8 hex characters that are the same for the same key, and say nothing about it."""
    return hmac.new(key, FINGERPRINT_LABEL, hashlib.sha256).hexdigest()[:8]


def new_key(path) -> bytes:
    """32 random bytes, written as 64 hex characters to a new file readable by its owner only (0600)."""
    path = Path(path)
    key = secrets.token_bytes(KEY_BYTES)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise KeyFileError(f"{path} already exists: a key is never overwritten (the pool links this council's "
                           "children across years only while the key stays the same)") from None
    except OSError as exc:
        raise KeyFileError(f"cannot create key file {path}: {exc.strerror}") from None
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o600)
        os.write(fd, (key.hex() + "\n").encode("ascii"))
    finally:
        os.close(fd)
    return key


def load_key(path) -> bytes:
    """The key in ``path``: 64+ hex characters (as ``new_key`` writes them), or else the file's raw bytes; at
    least 32 bytes either way. On POSIX a key file others can read or write is refused."""
    path = Path(path)
    try:
        st = path.stat()
        raw = path.read_bytes()
    except FileNotFoundError:
        raise KeyFileError(f"no key file {path} (create one with --new-key, then keep it safe and use the same "
                           "key every year)") from None
    except OSError as exc:
        raise KeyFileError(f"cannot read key file {path}: {exc.strerror}") from None
    if os.name == "posix" and st.st_mode & (stat.S_IROTH | stat.S_IWOTH):
        raise KeyFileError(f"key file {path} can be read or written by every user of this machine; "
                           f"restrict it first: chmod 600 {path}")
    text = raw.strip()
    key = raw
    if text and len(text) % 2 == 0 and re.fullmatch(rb"[0-9a-fA-F]+", text):
        key = bytes.fromhex(text.decode("ascii"))
    if len(key) < KEY_BYTES:
        raise KeyFileError(f"key in {path} is {len(key)} bytes; a key must be at least {KEY_BYTES} bytes "
                           "(make one with --new-key)")
    return key


# --- small-area generalisation --------------------------------------------------------------------------------
_OUTWARD = r"[A-Z]{1,2}[0-9][A-Z0-9]?"
_POSTCODE = re.compile(rf"^({_OUTWARD})(?: ?[0-9][A-Z]{{2}}| [0-9])?$")  # full, sector ("AB12 3") or district


def district(postcode: str | None) -> str | None:
    """The postcode district (outward code) of a full or partial UK postcode; None for anything else."""
    if postcode is None:
        return None
    text = " ".join(str(postcode).upper().split())
    m = _POSTCODE.match(text)
    return m.group(1) if m else None
