"""The regional pool: councils' canonical tables, pseudonymised by each council before they leave it.

``policy`` says, for every column of every canonical table, what the export does with it (deny by default);
``pseudonymise`` holds the keyed hash and the council's key file; ``export`` writes one council's
pseudonymised Parquet tables, its SSDA903 CSVs and a manifest of what was changed.
"""
