"""England & Wales working-day calendar (see :mod:`casewatch.calendar.working_days`)."""

from casewatch.calendar.working_days import (
    CALENDAR_END,
    CALENDAR_START,
    add_working_days,
    bank_holidays,
    create_calendar_table,
    is_working_day,
    working_day_number,
    working_days_between,
)

__all__ = [
    "CALENDAR_END",
    "CALENDAR_START",
    "add_working_days",
    "bank_holidays",
    "create_calendar_table",
    "is_working_day",
    "working_day_number",
    "working_days_between",
]
