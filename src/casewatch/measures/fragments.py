"""SQL pieces several indicators share, each saying the DfE convention it follows."""

SHORT_BREAKS = "('V3', 'V4')"  # 903 legal statuses for a series of short breaks: not counted as looked after

# 903 episodes open on the period end (started on or before, not ended before or on it), short breaks excluded;
# one row per child: the latest episode, for its legal status and placement that day.
CLA_AT_PE = f"""
    SELECT p.pe, e.child_id, arg_max(e.legal_status, e.decom) AS legal_status, arg_max(e.place, e.decom) AS placement
    FROM periods p JOIN cla_episodes e ON e.decom <= p.pe AND (e.dec IS NULL OR e.dec > p.pe)
    WHERE coalesce(e.legal_status, '') NOT IN {SHORT_BREAKS}
    GROUP BY p.pe, e.child_id"""

# the start of each child's current period of care at a date: the latest episode with RNE S on or before it; for
# a child already in care before the earliest return loaded (no S episode in the data), the first episode known
CARE_START = """coalesce(
    (SELECT max(s.decom) FROM cla_episodes s WHERE s.child_id = {child} AND s.rne = 'S' AND s.decom <= {at}),
    (SELECT min(s.decom) FROM cla_episodes s WHERE s.child_id = {child}))"""

# the start of the period of care only when the data holds it (its RNE S episode): for durations that must be exact
CARE_START_KNOWN = """(SELECT max(s.decom) FROM cla_episodes s WHERE s.child_id = {child} AND s.rne = 'S' AND s.decom <= {at})"""

# the start of the current placement: the latest episode on or before the date that began a new placement with a
# new carer (RNE S, P, B or U; T is a move with the same carer and L a change of legal status only); else, as
# above, the first episode known
PLACEMENT_START = """coalesce(
    (SELECT max(s.decom) FROM cla_episodes s WHERE s.child_id = {child} AND s.rne IN ('S', 'P', 'B', 'U')
       AND s.decom <= {at}),
    (SELECT min(s.decom) FROM cla_episodes s WHERE s.child_id = {child}))"""


def working_days(start: str, end: str) -> str:
    """Working days from start to end (England and Wales; the start day not counted), via the calendar."""
    return (f"((SELECT working_day_no FROM calendar WHERE date = {end}) - "
            f"(SELECT working_day_no FROM calendar WHERE date = {start}))")
