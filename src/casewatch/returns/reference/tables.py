"""The staging tables of reference data: the postcode directory, the council's own LA, Ofsted's provider lists.

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
- ``reference.providers``: one row per provider (or, for supported accommodation, per setting) of Ofsted's
  provider lists (``providers.py``): ``urn`` (upper case), ``sheet`` (the sheet it is on), ``provider_type``,
  ``la_name`` (the LA as the list names it) and ``la`` (its ONS codes, as the DfE's PL_LA gives an LA; blank
  when the name is no English LA's), ``postcode`` (normalised as above), ``place_codes`` (the placement types,
  PLACE, it may be used for), ``provider_codes`` (PLACE_PROVIDER codes), ``registered``, ``closed`` (closure or
  deregistration date; blank while registered), ``places`` (registered places, where the list gives them).
"""

from __future__ import annotations

from casewatch.returns.staging import Field, StagingTable, register

POSTCODES = StagingTable("reference", "postcodes", (
    Field("postcode", "VARCHAR"), Field("la", "CODE"), Field("country", "CODE"), Field("easting", "INTEGER"),
    Field("northing", "INTEGER"), Field("terminated", "DATE"), Field("duplicate", "BOOLEAN")))
COUNCIL_LA = StagingTable("reference", "council_la", (Field("la", "CODE"), Field("la_code", "CODE")))
PROVIDERS = StagingTable("reference", "providers", (
    Field("urn", "VARCHAR"), Field("sheet", "VARCHAR"), Field("provider_type", "VARCHAR"),
    Field("la_name", "VARCHAR"), Field("la", "VARCHAR[]"), Field("postcode", "VARCHAR"),
    Field("place_codes", "VARCHAR[]"), Field("provider_codes", "VARCHAR[]"), Field("registered", "DATE"),
    Field("closed", "DATE"), Field("places", "INTEGER")))

STAGING = (POSTCODES, COUNCIL_LA, PROVIDERS)
register(*STAGING)
