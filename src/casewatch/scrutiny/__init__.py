"""Hold a council's statements against the Ofsted inspection report they describe.

``parse_report`` reads the report (PDF as published, or its text) into an ``InspectionReport``.
"""

from casewatch.scrutiny.report import InspectionReport, ReportError, Sentence, parse_report

__all__ = ["InspectionReport", "ReportError", "Sentence", "parse_report"]
