"""A quick starting plan for the caseload balancer's CP-SAT model (a hint, never the answer on its own).

1. Every movable group that can stay with its current worker stays; the others (the unallocated, those of a
   worker who has left) go, heaviest first, to the eligible worker left with the most room.
2. Local search on the largest overload: take the worker furthest over their cap and move off them the group
   that brings their overload down most without pushing anyone else as far over (a group being placed rather
   than one that could stay, on a tie), until no single move lowers it.

Works on group indices, integer weights (1/SCALE cases) and worker ids; nothing here names a child.
"""

from __future__ import annotations


def greedy(options: list[list[str]], weights: list[int], current: list[str | None], fixed: dict[str, int],
           caps: dict[str, int], rounds: int = 5000) -> list[str]:
    """A worker for each group: ``options[g]`` the eligible workers, ``current[g]`` the group's worker now."""
    load = {w: fixed.get(w, 0) for w in caps}
    choice: list[str | None] = [None] * len(options)
    for g, opts in enumerate(options):
        if current[g] in opts:
            choice[g] = current[g]
            load[current[g]] += weights[g]
    for g in sorted((g for g in range(len(options)) if choice[g] is None), key=lambda g: -weights[g]):
        best = min(options[g], key=lambda w: (load[w] + weights[g] - caps[w], w))
        choice[g] = best
        load[best] += weights[g]
    on: dict[str, list[int]] = {w: [] for w in caps}
    for g, w in enumerate(choice):
        on[w].append(g)
    for _ in range(rounds):
        worst = max(caps, key=lambda w: (load[w] - caps[w], w))
        top = load[worst] - caps[worst]
        if top <= 0:
            break
        best_move, best_value = None, top
        for g in on[worst]:
            for w in options[g]:
                if w == worst:
                    continue
                value = max(load[w] + weights[g] - caps[w], top - weights[g])
                # prefer: lower worst overload; then groups placed (not yet staying) over groups that stay
                if value < best_value or (value == best_value and best_move is not None
                                          and current[g] != worst and current[best_move[0]] == worst):
                    best_move, best_value = (g, w), value
        if best_move is not None:
            g, w = best_move
            _shift(g, worst, w, on, load, weights, choice)
            continue
        swap = _best_swap(worst, top, options, weights, on, load, caps)
        if swap is None:
            break
        g, w, h = swap
        _shift(g, worst, w, on, load, weights, choice)
        _shift(h, w, worst, on, load, weights, choice)
    return choice


def _shift(g: int, src: str, dst: str, on: dict, load: dict, weights: list[int], choice: list) -> None:
    on[src].remove(g)
    on[dst].append(g)
    load[src] -= weights[g]
    load[dst] += weights[g]
    choice[g] = dst


def _best_swap(worst: str, top: int, options, weights, on, load, caps) -> tuple[int, str, int] | None:
    """Swap a group on the worst worker for a lighter one elsewhere, when that lowers the worst overload."""
    best, best_value = None, top
    for g in on[worst]:
        for w in options[g]:
            if w == worst:
                continue
            for h in on[w]:
                if weights[h] >= weights[g] or worst not in options[h]:
                    continue
                delta = weights[g] - weights[h]
                value = max(top - delta, load[w] - caps[w] + delta)
                if value < best_value:
                    best, best_value = (g, w, h), value
    return best
