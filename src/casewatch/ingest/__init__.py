"""Ingest: the orchestrator of a returns load (``pipeline.load``) or validation (``pipeline.validate``).

It sits above ``casewatch.returns`` (read, stage, merge into the model) and ``casewatch.rules`` (the DfE's
validation rules over the staged returns), so neither of those imports the other's caller: rules import
returns (staging names, spec codes), ingest imports both, returns imports neither (decision 0005).
"""
