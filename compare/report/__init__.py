"""Reports: one renderer per format, and one writer that writes them all atomically.

Each renderer gives its report in pieces (`json_chunks`, `findings_csv_chunks`, `claims_csv_chunks`,
`markdown_chunks`, `html_chunks`) or whole (`render_json`, ...) from what it is handed: the result's index
(compare.index.ResultIndex) and, where it shows claims, the claim matrix (compare.claims.claims_by_event).
write_reports builds both once and streams every renderer's pieces into a temporary folder.

The renderers stand above everything else of a result (records, index, claims, views, Comparison); nothing
below imports them.
"""

from compare.report.writer import REPORT_FILES, write_reports

__all__ = ["REPORT_FILES", "write_reports"]
