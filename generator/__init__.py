"""sdpa: student data privacy addenda, contract checks, notices and deadlines for Connecticut
boards of education. This module is the public API the CLI, the app and notebooks share."""

from __future__ import annotations

from .access import ROLES, auth_provider, can_administer, can_edit, is_loopback, listen_problem, role_for
from .board import board_from_dict, board_problems, load_board, read_board_file, resolve_board
from .errors import (
    ConversionError,
    ExtractError,
    InputError,
    LibraryError,
    ProfileError,
    RenderError,
    SdpaError,
    VendorError,
)
from .library import default_library, load_library
from .markup import md_escape
from .models import PROVISION_IDS, Board, Conflict, Finding, GapReport, Library, Provision, Vendor
from .pdf import convert_to_pdf
from .analysis import check_contract
from .batch import rows_from_file, run_batch, vendor_from_row
from .deadlines import cure_deadline, deadlines
from .extract import read_document
from .letters import (amendment_letter, annual_notice, breach_notice, contract_posting,
                      deletion_request, iep_exception)
from .render import long_date, missing_fields, render_addendum, safe_filename
from .report import report_json, report_markdown, report_table
from .uploads import save_uploads, unchecked_contracts
from .vendors import vendor_from_dict
from .redline import RedlineResult, redline, redline_document
from .trace import library_trace, trace_json, trace_markdown, trace_table

__all__ = [
    "PROVISION_IDS", "Board", "Conflict", "ConversionError", "ExtractError", "Finding",
    "GapReport", "InputError", "Library", "LibraryError", "ProfileError", "Provision",
    "RenderError", "SdpaError", "Vendor", "VendorError", "convert_to_pdf", "default_library",
    "load_board", "load_library", "missing_fields", "render_addendum", "safe_filename",
    "vendor_from_dict", "check_contract", "read_document", "rows_from_file", "run_batch",
    "vendor_from_row", "cure_deadline", "deadlines", "amendment_letter", "annual_notice",
    "breach_notice", "contract_posting", "deletion_request", "iep_exception", "long_date",
    "report_json", "report_markdown", "report_table", "board_from_dict", "md_escape",
    "RedlineResult", "redline", "redline_document",
    "ROLES", "auth_provider", "can_administer", "can_edit", "is_loopback", "listen_problem", "role_for",
    "read_board_file", "resolve_board", "board_problems", "board_from_yaml", "board_yaml", "directory_vendor",
    "directory_vendors", "remove_vendor", "save_board", "save_vendor", "saved_board",
    "save_uploads", "unchecked_contracts", "vendors_csv",
    "library_trace", "trace_json", "trace_markdown", "trace_table",
    "annual_notice_due", "annual_notice_sent", "exceptions_in_year", "exceptions_report",
    "record_annual_notice", "record_exception",
]

# The register's database layer (SQLAlchemy) loads only when one of these is first used, so
# commands that never touch the register start as fast as before.
_FROM_DIRECTORY = ("board_from_yaml", "board_yaml", "directory_vendor", "directory_vendors",
                   "remove_vendor", "save_board", "save_vendor", "saved_board", "vendors_csv")
_FROM_DUTIES = ("annual_notice_due", "annual_notice_sent", "exceptions_in_year", "exceptions_report",
                "record_annual_notice", "record_exception")


def __getattr__(name: str) -> object:
    if name in _FROM_DIRECTORY:
        from . import directory

        return getattr(directory, name)
    if name in _FROM_DUTIES:
        from . import duties

        return getattr(duties, name)
    raise AttributeError(f"module 'generator' has no attribute {name!r}")
# Readable reports (HTML cards, DOCX and PDF on the letterhead), PDF from bytes, field labels.
from .pdf import pdf_bytes  # noqa: E402
from .render import FIELD_LABELS, REQUIRED_FIELDS, field_label, nobreak_citations, problem_lines  # noqa: E402
from .report_docx import report_docx, report_pdf  # noqa: E402
from .report_html import html_table, report_html  # noqa: E402

__all__ += ["pdf_bytes", "FIELD_LABELS", "REQUIRED_FIELDS", "field_label", "nobreak_citations", "problem_lines", "report_docx", "report_pdf",
            "html_table", "report_html"]
