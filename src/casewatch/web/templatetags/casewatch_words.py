"""Template filters for words, not codes: ``{% load casewatch_words %}`` then ``{{ d|day }}`` ("31 March 2026"),
``{{ d|day_short }}`` ("31 Mar 2026", table cells) and ``{{ code|label:"cla_episodes.legal_status" }}``. Each
is casewatch.words, so pages, report and CLI read the same."""

from django import template

from casewatch import words

register = template.Library()


@register.filter
def day(d) -> str:
    return words.day(d)


@register.filter
def day_short(d) -> str:
    return words.day_short(d)


@register.filter
def label(code, column: str) -> str:
    return words.label(column, code)


@register.filter
def list_title(name: str) -> str:
    """An action list's title ("Children in care: visit due") for its name (cla_visits)."""
    from casewatch.lists.define import LISTS

    return LISTS[name].title if name in LISTS else name
