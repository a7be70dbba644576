"""Human-readable renderings of a story export: a static report page and a Markdown brief.

Both read the exported JSON document, never the pipeline's internals, so what a person reads is
exactly what the contract says.
"""

from kabar.report.render import render_brief_markdown, render_report_html

__all__ = ["render_brief_markdown", "render_report_html"]
