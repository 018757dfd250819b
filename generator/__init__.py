"""sdpa: student data privacy addenda, contract checks, notices and deadlines for Connecticut
boards of education. This module is the public API the CLI, the app and notebooks share."""

from __future__ import annotations

from .board import board_from_dict, load_board
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
from .vendors import vendor_from_dict
from .limits import TooComplex, read_bounded, time_budget
from .paths import resolve_inside

__all__ = [
    "PROVISION_IDS", "Board", "Conflict", "ConversionError", "ExtractError", "Finding",
    "GapReport", "InputError", "Library", "LibraryError", "ProfileError", "Provision",
    "RenderError", "SdpaError", "Vendor", "VendorError", "convert_to_pdf", "default_library",
    "load_board", "load_library", "missing_fields", "render_addendum", "safe_filename",
    "vendor_from_dict", "check_contract", "read_document", "rows_from_file", "run_batch",
    "vendor_from_row", "cure_deadline", "deadlines", "amendment_letter", "annual_notice",
    "breach_notice", "contract_posting", "deletion_request", "iep_exception", "long_date",
    "report_json", "report_markdown", "report_table", "board_from_dict", "md_escape",
    "TooComplex", "read_bounded", "time_budget", "resolve_inside",
]
