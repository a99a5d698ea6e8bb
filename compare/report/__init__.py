"""Reports: one renderer per format, and one writer that writes them all atomically.

Each renderer gives its report in pieces (`json_chunks`, `findings_csv_chunks`, `claims_csv_chunks`,
`markdown_chunks`, `html_chunks`) or whole (`render_json`, ...); write_reports streams the pieces into a
temporary folder, with one Prepared (report/prepared.py) of shared indexes and claims for all five files.

pandas is used only inside this package (the DataFrame views of a Comparison).
"""

from compare.report.writer import REPORT_FILES, write_reports

__all__ = ["REPORT_FILES", "write_reports"]
