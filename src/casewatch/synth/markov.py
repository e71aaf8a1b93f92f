"""Children in care generated from known, constant daily rates: the planted truth for the demand forecast.

Children enter each (age band, placement) state at a constant daily rate, at an age drawn evenly within the
band; in care, each placement category has constant daily hazards of moving to another category and of leaving
care; age bands change on real birthdays, and care ends at 18. The result is 903-shaped ``children`` and
``cla_episodes`` rows (a new episode at every move, RNE P; legal status C2), so that ``casewatch.forecast`` reads
it exactly as it reads a council's returns, and the rates it estimates can be held against the ones planted.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from casewatch.forecast.states import AGE_BANDS

PLACE_CODE = {"in_house_fostering": ("U6", "PR1"), "agency_fostering": ("U6", "PR4"), "kinship": ("U3", "PR1"),
              "residential": ("K2", "PR4"), "supported": ("K3", "PR4"), "other": ("P1", "PR0")}


@dataclass(frozen=True)
class Planted:
    entries: dict[tuple[str, str], float]  # children a day entering each (band, placement)
    moves: dict[tuple[str, str], float]  # (from placement, to placement): daily hazard, any band
    exits: dict[str, float]  # placement: daily hazard of leaving care (before 18)
    start: date = date(2010, 4, 1)
    end: date = date(2026, 4, 1)
    seed: int = 1


DEFAULT = Planted(
    entries={("0-1", "in_house_fostering"): 0.08, ("0-1", "kinship"): 0.03, ("1-5", "in_house_fostering"): 0.06,
             ("5-10", "in_house_fostering"): 0.05, ("5-10", "kinship"): 0.025, ("10-16", "in_house_fostering"): 0.06,
             ("10-16", "agency_fostering"): 0.04, ("10-16", "residential"): 0.025, ("16-18", "supported"): 0.03,
             ("16-18", "agency_fostering"): 0.025},
    moves={("in_house_fostering", "agency_fostering"): 1 / 1500, ("agency_fostering", "residential"): 1 / 1200,
           ("residential", "agency_fostering"): 1 / 700, ("kinship", "in_house_fostering"): 1 / 2500,
           ("in_house_fostering", "other"): 1 / 3000},
    exits={"in_house_fostering": 1 / 900, "agency_fostering": 1 / 1100, "kinship": 1 / 1400,
           "residential": 1 / 800, "supported": 1 / 500, "other": 1 / 200})


def _add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def generate(planted: Planted = DEFAULT) -> tuple[list[tuple], list[tuple]]:
    """(children rows (child_id, date_of_birth), episode rows (episode_id, child_id, decom, dec, rne, place,
    place_provider, rec)), in care between ``planted.start`` and ``planted.end`` (still open then: dec NULL)."""
    rng = np.random.default_rng(planted.seed)
    children, episodes = [], []
    total_days = (planted.end - planted.start).days
    bands = {b: (lo, hi) for b, lo, hi in AGE_BANDS}
    for (band, place), rate in sorted(planted.entries.items()):
        arrivals = rng.poisson(rate, total_days)
        for day in np.flatnonzero(arrivals):
            for _ in range(int(arrivals[day])):
                entered = planted.start + timedelta(days=int(day))
                lo, hi = bands[band]
                age_days = int(rng.uniform(lo * 365.25, hi * 365.25 - 1))
                dob = entered - timedelta(days=age_days)
                if _add_years(dob, hi) <= entered:
                    dob = entered - timedelta(days=int(lo * 365.25))
                cid = f"M{len(children):07d}"
                children.append((cid, dob))
                episodes.extend(_career(cid, dob, entered, place, planted, rng, len(episodes)))
    return children, episodes


def _career(cid: str, dob: date, entered: date, place: str, planted: Planted, rng, n0: int) -> list[tuple]:
    """One child's episodes from entry to leaving care (or to the end of the data)."""
    out, start, rne, today = [], entered, "S", entered
    eighteen = _add_years(dob, 18)
    while True:
        options = [(to, h) for (frm, to), h in planted.moves.items() if frm == place] + [(None, planted.exits[place])]
        total = sum(h for _, h in options)
        wait = max(1, math.ceil(rng.exponential(1 / total)))
        when = today + timedelta(days=wait)
        if when >= eighteen:  # care ends at 18
            when, nxt = eighteen, None
        else:
            pick = rng.choice(len(options), p=[h / total for _, h in options])
            nxt = options[pick][0]
        if when >= planted.end:
            out.append((f"E{n0 + len(out):08d}", cid, start, None, rne, *PLACE_CODE[place], None))
            return out
        out.append((f"E{n0 + len(out):08d}", cid, start, when, rne, *PLACE_CODE[place], "X1" if nxt else "E8"))
        if nxt is None:
            return out
        start, rne, place, today = when, "P", nxt, when
