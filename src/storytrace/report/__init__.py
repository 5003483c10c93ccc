"""Reports: the JSON contract (``report-schema.md``) and the terminal summary."""

from .json import SCHEMA, build_report, document_record, write_report

__all__ = ["SCHEMA", "build_report", "document_record", "write_report"]
