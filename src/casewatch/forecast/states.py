"""The states of the children-in-care population: age band x placement category (and "not in care").

Age bands are the Social Finance demand model's (and the DfE's for under-18s in care): under 1, 1-4, 5-9, 10-15,
16-17, by age on the day. Placement categories group the 903 PLACE codes (with PLACE_PROVIDER for foster care):

| category | PLACE | provider |
|---|---|---|
| in-house fostering | U4, U5, U6 | the council's own or another public body's (PR1, PR2, PR3), or not given |
| agency fostering | U4, U5, U6 | private or voluntary (PR4, PR5: independent fostering agencies) |
| kinship | U1, U2, U3 (foster care with relatives or friends) | any |
| residential | K1, K2, R1, R2, R5, S1 (secure and children's homes, residential care, health, custody, schools) | any |
| supported / independent | H5, K3, P2 (semi-independent, supported accommodation, independent living) | any |
| other | A3-A6 (placed for adoption), P1 (with parents), P3, R3, T0-T4 (temporary), Z1, Z11-Z14 | any |
"""

from __future__ import annotations

AGE_BANDS: tuple[tuple[str, int, int], ...] = (("0-1", 0, 1), ("1-5", 1, 5), ("5-10", 5, 10), ("10-16", 10, 16),
                                               ("16-18", 16, 18))
PLACEMENTS = ("in_house_fostering", "agency_fostering", "kinship", "residential", "supported", "other")
PLACEMENT_TITLES = {"in_house_fostering": "in-house fostering", "agency_fostering": "agency fostering",
                    "kinship": "kinship (family and friends)", "residential": "residential",
                    "supported": "supported and independent", "other": "other"}
STATES: tuple[tuple[str, str], ...] = tuple((band, place) for band, _, _ in AGE_BANDS for place in PLACEMENTS)
INDEX = {s: i for i, s in enumerate(STATES)}
EXIT = len(STATES)  # the column for leaving care in transition matrices

PLACEMENT_SQL = """CASE
    WHEN {place} IN ('U4', 'U5', 'U6') AND {provider} IN ('PR4', 'PR5') THEN 'agency_fostering'
    WHEN {place} IN ('U4', 'U5', 'U6') THEN 'in_house_fostering'
    WHEN {place} IN ('U1', 'U2', 'U3') THEN 'kinship'
    WHEN {place} IN ('K1', 'K2', 'R1', 'R2', 'R5', 'S1') THEN 'residential'
    WHEN {place} IN ('H5', 'K3', 'P2') THEN 'supported'
    ELSE 'other' END"""


def name(state: tuple[str, str]) -> str:
    return f"{state[0]} {state[1]}"
