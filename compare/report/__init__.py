"""Reports: one renderer per format returning a string, and one writer that writes them all atomically.

pandas is used only inside this package (the DataFrame views of a Comparison).
"""

from compare.report.writer import REPORT_FILES, write_reports

__all__ = ["REPORT_FILES", "write_reports"]
