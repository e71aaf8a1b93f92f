"""Every indicator, in the order a report reads them, and the Ofsted judgement areas they inform.

The registry (``measures.define.REGISTRY``) loads the package's indicators the first time it is read; a
council's own (a folder of TOML files, ``measures.local``) are added by ``registry(folder)`` or, for every
command and the dashboard, by the environment variable CASEWATCH_INDICATORS_DIR.
"""

from __future__ import annotations

from casewatch.measures.define import REGISTRY, Indicator, Registry


def registry(folder: str | None = None) -> Registry:
    """Every indicator: the package's, and a council's own from ``folder`` (default: CASEWATCH_INDICATORS_DIR)."""
    from casewatch.measures.local import load_folder

    load_folder(folder)
    return REGISTRY


def all_indicators() -> list[Indicator]:
    return list(registry().values())


# Ofsted's ILACS judgement areas, and the indicator areas that inform each (issue 21: the /indicators/ index)
JUDGEMENT_AREAS: dict[str, tuple[str, ...]] = {
    "The experiences and progress of children who need help and protection": (
        "Front door", "Early help", "Assessments", "Children in need", "Section 47", "Child protection"),
    "The experiences and progress of children in care": ("Children in care", "Permanence"),
    "The experiences and progress of care leavers": ("Care leavers",),
    "The impact of leaders on social work practice with children and families": ("Workforce", "Continuity"),
}


def by_judgement_area() -> list[tuple[str, list[Indicator]]]:
    """Every indicator under the Ofsted judgement area it informs, in report order; an indicator whose area no
    judgement area names is listed under "Other" rather than lost."""
    out = {name: [] for name in JUDGEMENT_AREAS}
    other: list[Indicator] = []
    for ind in all_indicators():
        home = next((name for name, areas in JUDGEMENT_AREAS.items() if ind.area in areas), None)
        (out[home] if home else other).append(ind)
    return [(name, inds) for name, inds in out.items()] + ([("Other", other)] if other else [])
