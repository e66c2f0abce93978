"""Writers: one module per format, all fed the same :class:`~conformance.results.RunResult`."""

from conformance.report.console import summary_table
from conformance.report.junit import write_junit
from conformance.report.markdown import render_markdown, write_markdown

__all__ = ["render_markdown", "summary_table", "write_junit", "write_markdown"]
