"""Every indicator, in the order a report reads them. Importing this module registers them all."""

from importlib import import_module

from casewatch.measures.define import REGISTRY, Indicator

MODULES = ("front_door", "early_help", "assessments", "child_protection", "children_in_care", "permanence",
           "care_leavers", "workforce", "continuity")
for _name in MODULES:  # each module registers its indicators as it is imported
    import_module(f"casewatch.measures.{_name}")


def all_indicators() -> list[Indicator]:
    return list(REGISTRY.values())


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
