"""The staging tables of reference data: the postcode directory and the council's own LA.

Reference data has no collection year (``_year`` is NULL): the rules of every year read all of it.

- ``reference.postcodes``: one row per postcode of the ONS Postcode Directory (or a reduced extract of it).
  ``postcode`` is normalised (upper case, one space before the last three characters: ``SW1A 1AA``); ``la`` is
  the upper-tier local authority the DfE names as LA of placement (the county, ``oscty``, where there is one,
  else the district or unitary authority); ``country`` the ONS country code (E92000001 England, W92000004
  Wales, S92000003 Scotland, N92000002 Northern Ireland, L93000001 Channel Islands, M83000003 Isle of Man);
  ``easting``/``northing`` the grid reference in metres (blank where the directory has none); ``terminated``
  the first day of the month the postcode was terminated (blank while live); ``duplicate`` true on the second
  and later rows for one postcode (a reduced extract may repeat one: only the first, live first, is used).
- ``reference.council_la``: the council's own upper-tier LA, as ONS codes (``la``), with the DfE LA number it
  came from (``la_code``): the DfE's PL_LOCATION is IN when the placement's LA is the council's. Filled by the
  pipeline from ``--council`` or the returns themselves (``council.py``); empty when it cannot be known, and then
  the rules that need it are not run.
"""

from __future__ import annotations

from casewatch.returns.staging import Field, StagingTable, register

POSTCODES = StagingTable("reference", "postcodes", (
    Field("postcode", "VARCHAR"), Field("la", "CODE"), Field("country", "CODE"), Field("easting", "INTEGER"),
    Field("northing", "INTEGER"), Field("terminated", "DATE"), Field("duplicate", "BOOLEAN")))
COUNCIL_LA = StagingTable("reference", "council_la", (Field("la", "CODE"), Field("la_code", "CODE")))

STAGING = (POSTCODES, COUNCIL_LA)
register(*STAGING)
