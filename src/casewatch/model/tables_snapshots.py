"""Canonical tables for Annex A lists that are snapshots rather than histories (filled by issue 3's Annex A
reader). Empty until defined."""

SNAPSHOT_TABLES: tuple = ()
