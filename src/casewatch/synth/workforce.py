"""Teams, the people in them over time, and who holds which child's case.

Each team has posts sized to England's average caseload (params.CASELOAD_PER_FTE) for the demand the team
actually had in the first reporting year. A post is filled by one worker after another: permanent staff
(England's turnover), agency locums (shorter stays), gaps between them (vacancies), newly qualified ASYE
workers with protected caseloads. Cases are then allocated in date order to the least-loaded worker of the
right team; when a worker leaves, every child they held gets a new social worker, and when a team has
nobody, children wait unallocated.
"""

from __future__ import annotations

import heapq
import math
import random
from decimal import Decimal

from casewatch.synth import params as P
from casewatch.synth.rows import EventLog, Segment, randint

AREA_NAMES = ("North", "South", "East", "West", "Central", "Riverside", "Hillside", "Coast", "Valley", "Market",
              "Forest", "Harbour")
SERVICE_LABEL = {"assessment": "Assessment", "safeguarding": "Safeguarding", "children_in_care": "Children in Care"}
YEAR = 365.25
# workers' names: common first names and surnames in England, put together at random (invented people)
FIRST_NAMES = ("Amina", "James", "Sarah", "Mohammed", "Emma", "David", "Priya", "Daniel", "Hannah", "Thomas",
               "Fatima", "Michael", "Laura", "Ali", "Rebecca", "Paul", "Aisha", "Mark", "Chloe", "Richard", "Zainab",
               "Andrew", "Sophie", "Imran", "Rachel", "Chris", "Grace", "Joseph", "Jessica", "Kwame", "Claire",
               "Adam", "Nadia", "Simon", "Lucy", "Tariq", "Helen", "Ben", "Olivia", "Sean")
SURNAMES = ("Khan", "Smith", "Jones", "Patel", "Williams", "Taylor", "Brown", "Ahmed", "Davies", "Evans", "Wilson",
            "Hussain", "Thomas", "Johnson", "Roberts", "Begum", "Walker", "Wright", "Robinson", "Thompson", "Ali",
            "White", "Hughes", "Edwards", "Green", "Shah", "Hall", "Wood", "Harris", "Mensah", "Clarke", "Jackson",
            "Lewis", "Singh", "Turner", "Hill", "Okafor", "Cooper", "Ward", "Murphy")


class Names:
    """Workers' names, from a random stream of their own seeded from the council's (without drawing from it, so
    naming changes no other synthetic row): a name not yet used in the council while one is left."""

    def __init__(self, rng: random.Random):
        self.rng = random.Random(str(rng.getstate()))
        self.used: set[str] = set()

    def next(self) -> str:
        for _ in range(20):
            name = f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(SURNAMES)}"
            if name not in self.used:
                break
        self.used.add(name)
        return name


class Workforce:
    def __init__(self, log: EventLog, size: P.Size, scenario: P.Scenario, window_start: int):
        self.log, self.size, self.scenario, self.window_start = log, size, scenario, window_start
        self.names = Names(log.rng)
        self.teams: dict[tuple[str, int], str] = {}  # (service, team number) -> team_id
        self.team_area: dict[str, int | None] = {}
        for service, n in (("assessment", size.assessment_teams), ("safeguarding", size.areas),
                           ("children_in_care", size.cic_teams)):
            for k in range(n):
                tid = log.new_id("T")
                self.teams[(service, k)] = tid
                self.team_area[tid] = k if service == "safeguarding" else None
                name = f"{AREA_NAMES[k % len(AREA_NAMES)]} {SERVICE_LABEL[service]}"
                log.add("teams", (tid, log.prefix, name, service, log.start, None))

    def team_for(self, seg: Segment) -> str:
        n = {"assessment": self.size.assessment_teams, "safeguarding": self.size.areas,
             "children_in_care": self.size.cic_teams}[seg.service]
        return self.teams[(seg.service, seg.child.area % n)]

    # --- posts and the people in them -----------------------------------------------------------------------
    def staff(self, segments: list[Segment], rng: random.Random) -> None:
        """Size each team for its first-year demand and fill its posts over time."""
        y0, y1 = self.window_start, self.window_start + 365
        demand: dict[str, float] = {tid: 0.0 for tid in self.team_area}
        for seg in segments:
            a, b = max(seg.start, y0), min(seg.end if seg.end is not None else y1, y1)
            if b > a:
                demand[self.team_for(seg)] += (b - a) / 365
        for tid, open_cases in demand.items():
            posts = max(2, math.ceil(open_cases / P.CASELOAD_PER_FTE / 0.92))  # 0.92: gaps between post holders
            self._manager(tid, rng)
            for k in range(posts):
                self._fill_post(tid, k, posts, rng)

    def _manager(self, tid: str, rng: random.Random) -> None:
        log = self.log
        log.add("workers", (log.swe_id(), log.prefix, tid, "team_manager", Decimal("1.00"), False, False,
                            log.start - randint(rng, 200, 3000), None, self.names.next()))

    def _fill_post(self, tid: str, k: int, posts: int, rng: random.Random) -> None:
        log = self.log
        area = self.team_area[tid]
        t = log.start - randint(rng, 0, 5 * 365)  # the holder at the start joined some time before
        first = True
        while t <= log.end:
            tyears = (t - self.window_start) / YEAR
            if not first and k >= posts * self.scenario.establishment(tyears, area):
                break  # post frozen (pressure scenario): not refilled
            agency = rng.random() < P.AGENCY_RATE * (1.6 if self.scenario.turnover(tyears, area) > 1 else 1.0)
            asye = not agency and not first and rng.random() < 0.2
            fte = Decimal("1.00") if agency or rng.random() < 0.78 else Decimal(rng.choice(("0.80", "0.60", "0.50")))
            u = rng.random()
            role = "social_worker" if u < 0.6 or asye else ("senior_social_worker" if u < 0.9 else "advanced_practitioner")
            rate = (1.3 if agency else P.TURNOVER_RATE) * self.scenario.turnover(max(tyears, 0.0), area)
            leave = t + max(30, int(rng.expovariate(rate) * YEAR))
            if first and leave <= log.start:
                leave = log.start + randint(rng, 1, 400)
            if area is not None and self.scenario.turnover(1.0, area) > 1:
                t1 = self.window_start + 365  # turnover rises in year 2: memoryless redraw from then
                if t < t1 < leave:
                    leave = t1 + max(30, int(rng.expovariate(rate * self.scenario.turnover(1.0, area)) * YEAR))
            log.add("workers", (log.swe_id(), log.prefix, tid, role, fte, agency, asye, t,
                                leave if leave <= log.end else None, self.names.next()))
            first = False
            gap = int(rng.expovariate(1 / (40 if self.scenario.turnover(tyears, area) == 1 else 90)))
            t = leave + gap

    # --- allocation -------------------------------------------------------------------------------------------
    def allocate(self, segments: list[Segment], rng: random.Random) -> None:
        """Allocate every segment, in date order, writing ``allocations`` rows."""
        log = self.log
        events: list[tuple] = []  # (day, order, seq, kind, payload)
        seq = 0
        for w in log.rows["workers"]:
            if w[3] == "team_manager":
                continue
            events.append((w[7], 0, seq, "join", w))
            seq += 1
            if w[8] is not None:
                events.append((w[8], 1, seq, "leave", w))
                seq += 1
        for seg in segments:
            if seg.end is not None:
                events.append((seg.end, 2, seq, "end", seg))
                seq += 1
            events.append((seg.start, 3, seq, "start", seg))
            seq += 1
        heapq.heapify(events)
        load: dict[str, float] = {}
        holder: dict[int, tuple] = {}  # id(seg) -> [alloc_id, child_id, worker_id, team_id, start]
        held: dict[str, dict[int, None]] = {}  # ordered (a set's order would follow memory addresses)
        team_workers: dict[str, dict[str, tuple]] = {tid: {} for tid in self.team_area}
        waiting: dict[str, list[Segment]] = {tid: [] for tid in self.team_area}
        next_of: dict[int, Segment] = _successors(segments)

        def give(seg: Segment, day: int) -> None:
            tid = self.team_for(seg)
            workers = team_workers[tid]
            if not workers:
                waiting[tid].append(seg)
                return
            wid, best = None, None
            for w, worker in workers.items():  # least loaded for their capacity; ties: longest in the team
                cap = worker[4] if not worker[6] or day - worker[7] >= 365 else worker[4] * 0.6
                v = load[w] / cap
                if best is None or v < best:
                    wid, best = w, v
            load[wid] += 1
            held[wid][id(seg)] = None
            holder[id(seg)] = (log.new_id("L"), seg.child.child_id, wid, tid, day, seg)

        def release(seg: Segment, day: int, reason: str) -> None:
            h = holder.pop(id(seg), None)
            if h is None:
                tid = self.team_for(seg)
                if seg in waiting[tid]:
                    waiting[tid].remove(seg)
                return
            load[h[2]] -= 1
            held[h[2]].pop(id(seg), None)
            if day > h[4]:
                log.add("allocations", (h[0], h[1], h[2], h[3], h[4], day, reason))

        while events:
            day, _, _, kind, x = heapq.heappop(events)
            if kind == "join":  # capacity: FTE, and 60% of it in an ASYE's protected first year
                team_workers[x[2]][x[0]] = (*x[:4], float(x[4]), *x[5:])
                load[x[0]] = 0
                held[x[0]] = {}
                queue, waiting[x[2]] = waiting[x[2]], []
                for seg in queue:
                    give(seg, day)
            elif kind == "leave":
                team_workers[x[2]].pop(x[0], None)
                segs = [holder[i][5] for i in list(held[x[0]])]
                for seg in segs:
                    release(seg, day, "worker_left")
                    give(seg, day)
            elif kind == "end":
                nxt = next_of.get(id(x))
                reason = "case_closed" if nxt is None else (
                    "step_up" if nxt.service == "children_in_care" else
                    "step_down" if x.service == "children_in_care" else "team_transfer")
                release(x, day, reason)
            else:
                give(x, day)
        for h in holder.values():  # still allocated at the extract date
            log.add("allocations", (h[0], h[1], h[2], h[3], h[4], None, None))


def _successors(segments: list[Segment]) -> dict[int, Segment]:
    """The segment that takes over a child's case on the day another ends (a transfer, not a closure)."""
    by_start = {(id(s.child), s.start): s for s in segments}
    return {id(s): by_start[(id(s.child), s.end)] for s in segments
            if s.end is not None and (id(s.child), s.end) in by_start}


def normalise(segments: list[Segment]) -> list[Segment]:
    """Per child: no overlaps (a later service takes over), and one service held continuously is one segment."""
    by_child: dict[int, list[Segment]] = {}
    for s in segments:
        by_child.setdefault(id(s.child), []).append(s)
    out: list[Segment] = []
    for segs in by_child.values():
        segs.sort(key=lambda s: (s.start, s.end is None, s.end or 0))
        merged: list[Segment] = []
        for s in segs:
            if merged:
                prev = merged[-1]
                if prev.end is None or prev.end > s.start:
                    prev.end = s.start
                if prev.end <= prev.start:
                    merged.pop()
                    prev = merged[-1] if merged else None
                if prev is not None and prev.service == s.service and prev.end == s.start:
                    prev.end = s.end
                    continue
            merged.append(Segment(s.child, s.service, s.start, s.end))
        out.extend(merged)
    return out
