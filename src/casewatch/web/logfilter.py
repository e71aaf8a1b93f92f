"""A logging filter that keeps child identifiers out of log lines: request paths under /children/ and every query
string are redacted before any handler writes them (Django logs the path of every 4xx/5xx and every request the
development server answers)."""

from __future__ import annotations

import logging
import re

CHILD_PATH = re.compile(r"/children/[^/\s\"?]+")
QUERY = re.compile(r"\?[^\s\"]*")


def redact(text: str) -> str:
    return QUERY.sub("?[redacted]", CHILD_PATH.sub("/children/[redacted]", text))


class RedactIdentifiers(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            return True
        record.msg, record.args = redact(message), ()
        return True
