"""Every indicator, in the order a report reads them. Importing this module registers them all."""

from importlib import import_module

from casewatch.measures.define import REGISTRY, Indicator

MODULES = ("front_door", "early_help", "assessments", "child_protection", "children_in_care", "permanence",
           "care_leavers", "workforce", "continuity")
for _name in MODULES:  # each module registers its indicators as it is imported
    import_module(f"casewatch.measures.{_name}")


def all_indicators() -> list[Indicator]:
    return list(REGISTRY.values())
