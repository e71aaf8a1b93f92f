"""A logging filter that keeps child identifiers out of log lines: request paths under /children/ and every query
string are redacted before any handler writes them (Django logs the path of every 4xx/5xx and every request the
development server answers).

A child id may hold anything a council's system allows, slashes, spaces and double quotes included, raw or
URL-encoded, so a path is redacted from /children/ to the end of the request path, not to the next separator: up
to the query string, the " HTTP/1.1" that ends a request line, or the end of the line."""

from __future__ import annotations

import logging
import re

_PATH_END = r"(?=\?| HTTP/\d|$)"
CHILD_PATH = re.compile(r"/children/.*?" + _PATH_END, re.MULTILINE)
QUERY = re.compile(r"\?.*?(?= HTTP/\d|$)", re.MULTILINE)


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
