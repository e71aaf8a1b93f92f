"""casewatch: children's social care performance from statutory data."""
__version__ = "0.1.0"
