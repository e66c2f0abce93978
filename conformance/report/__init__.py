"""Writers: one module per format, all fed the same :class:`~conformance.results.RunResult`."""

from conformance.report.console import summary_table
from conformance.report.html import render_html, write_html
from conformance.report.junit import write_junit
from conformance.report.markdown import render_markdown, write_markdown

__all__ = ["render_html", "render_markdown", "summary_table", "write_html", "write_junit", "write_markdown"]
