"""The judgement change against the previous inspection, stated plainly.

The previous overall judgement is given, or looked up in the shipped Ofsted judgement history
(``casewatch.benchmarks.ofsted``) from the council the report names: the latest full inspection (SIF or ILACS)
published before this one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from casewatch.benchmarks import api as benchmarks
from casewatch.benchmarks import store
from casewatch.scrutiny.report import GRADES, InspectionReport

RANK = {g: i for i, g in enumerate(reversed(GRADES))}  # inadequate 0 ... outstanding 3
DOMAINS = {"overall": "overall effectiveness", "leaders": "the impact of leaders",
           "help_and_protection": "help and protection", "children_in_care": "children in care",
           "care_leavers": "care leavers", "adoption": "adoption"}


@dataclass(frozen=True)
class Change:
    domain: str
    before: str | None
    now: str | None  # None: this report gives no such grade
    direction: str | None  # "down" | "up" | "same" | None (nothing to compare)


@dataclass(frozen=True)
class JudgementStory:
    previous: dict  # the previous inspection's judgements (may be just {"overall": ...} when given)
    previous_published: date | None
    previous_source: str  # "given" | "judgement history" | "not found"
    changes: list[Change]  # overall first, then each domain judged both times
    now: dict | None = None  # this report's judgements
    kind: str = "inspection"  # the report's kind: a visit gives no judgement

    @property
    def overall(self) -> Change:
        return self.changes[0]

    def plainly(self) -> str:
        o = self.overall
        if self.kind != "inspection":
            return f"This is a {self.kind}: Ofsted gives no judgement on a visit."
        if o.now is None:
            areas = "; ".join(f"{DOMAINS[d]} {g}" for d, g in (self.now or {}).items() if d in DOMAINS)
            return f"The report gives no overall effectiveness grade (Ofsted's reports from 2026 give none): {areas}."
        if o.before is None:
            return (f"Overall effectiveness is {o.now}. The previous judgement could not be found; give it with "
                    "--previous-judgement.")
        when = f" ({self.previous_published.year})" if self.previous_published else ""
        verb = {"down": "fell", "up": "rose", "same": "stayed"}[o.direction]
        text = (f"Overall effectiveness {verb} from {o.before}{when} to {o.now}." if o.direction != "same"
                else f"Overall effectiveness stayed {o.now}, as at the previous inspection{when}.")
        fell = [c for c in self.changes[1:] if c.direction == "down"]
        if fell:
            text += " Judged worse than last time: " + "; ".join(
                f"{DOMAINS[c.domain]} (from {c.before} to {c.now})" for c in fell) + "."
        return text


def direction(before: str | None, now: str | None) -> str | None:
    if before not in RANK or now not in RANK:
        return None
    return "same" if RANK[now] == RANK[before] else ("up" if RANK[now] > RANK[before] else "down")


def la_code_for(council: str) -> str | None:
    """The LA code of the council a report names ("Metropolitan Borough of Barnsley Council" -> 370)."""
    key = _key(council)
    by_key = {_key(r["name"]): code for code, r in store.las().items()}
    if key in by_key:
        return by_key[key]
    found = [code for k, code in by_key.items() if k and re.search(rf"\b{re.escape(k)}\b", key)]
    return max(found, key=lambda c: len(_key(store.las()[c]["name"]))) if found else None


def _key(name: str) -> str:
    name = name.lower().replace("&", "and").replace("’", "'")
    name = re.sub(r"\b(the|council|metropolitan|borough|county|city|district|royal|london|of|unitary|authority)\b",
                  " ", name)
    return re.sub(r"[^a-z]+", " ", name).strip()


def story(report: InspectionReport, previous: str | None = None) -> JudgementStory:
    """The change in judgements since the previous inspection (``previous``: the overall judgement, if known)."""
    if previous is not None:
        prev, when, source = {"overall": previous.lower()}, None, "given"
    else:
        prev, when, source = _previous(report)
    now = report.judgements.get("overall")
    changes = [Change("overall", prev.get("overall"), now, direction(prev.get("overall"), now))]
    for domain in DOMAINS:
        if domain != "overall" and domain in report.judgements and prev.get(domain):
            changes.append(Change(domain, prev[domain], report.judgements[domain],
                                  direction(prev[domain], report.judgements[domain])))
    return JudgementStory(prev, when, source, changes, dict(report.judgements), report.kind)


def _previous(report: InspectionReport) -> tuple[dict, date | None, str]:
    code = la_code_for(report.council)
    if code is None:
        return {}, None, "not found"
    this = report.published or report.inspection_end or report.inspection_start
    if this is None:
        return {}, None, "not found"
    # an ILACS report gives no publication date: it is published within weeks of the inspection's end
    cutoff = this if report.published else this + timedelta(days=1)
    history = [r for r in benchmarks.ofsted(code) if r["framework"] in ("sif", "ilacs") and r["published"]
               and r["published"] < cutoff - timedelta(days=7 if report.published else 0)]
    if not history:
        return {}, None, "not found"
    latest = max(history, key=lambda r: r["published"])
    return ({k: latest[k] for k in DOMAINS if latest.get(k)}, latest["published"], "judgement history")


@cache
def _council_names() -> list[tuple[re.Pattern, str]]:
    """Every council's name as it is written in prose ("Suffolk", "Brighton and Hove"), with its LA code."""
    out = []
    for code, r in store.las().items():
        words = [w for w in re.split(r"\s+", r["name"].replace("&", "and")) if w and w.lower() not in (
            "council", "metropolitan", "borough", "county", "city", "district", "royal", "of", "the")]
        if words:
            start = r"(?<!^)" if " ".join(words).lower() in WORD_NAMES else ""
            out.append((re.compile(start + r"\b" + r"\s+".join(map(re.escape, words)) + r"(?![\w-])"), code))
    return out


WORD_NAMES = {"reading", "bury", "sutton", "halton", "brent", "rutland"}  # names that are also words


def la_named(text: str, council: str) -> bool:
    """Does ``text`` name this council ("Bedford Borough" for Bedford)?"""
    mine = la_code_for(council)
    return any(code == mine and pattern.search(" " + text) for pattern, code in _council_names())


def judged_elsewhere(sentence: str, council: str) -> bool:
    """The sentence names another council and not this one (a name that is also a word, "Reading", counts
    only after a sentence's first word)."""
    mine = la_code_for(council)
    named = {code for pattern, code in _council_names() if pattern.search(sentence)}
    return bool(named) and mine not in named
