"""sdpa: student data privacy addenda, contract checks, notices and deadlines for Connecticut
boards of education. This module is the public API the CLI, the app and notebooks share."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

# Each public name and the module that defines it. Modules load on first use (PEP 562), so that
# `sdpa check` does not import the DOCX templating, the register or the spreadsheet readers it
# never uses: a fresh process starts that much sooner.
_HOMES = {
    "board": ["board_from_dict", "load_board"],
    "errors": ["ConversionError", "ExtractError", "InputError", "LibraryError", "ProfileError",
               "RenderError", "SdpaError", "VendorError"],
    "library": ["default_library", "load_library"],
    "markup": ["md_escape"],
    "models": ["PROVISION_IDS", "Board", "Conflict", "Finding", "GapReport", "Library", "Provision", "Vendor"],
    "pdf": ["convert_to_pdf"],
    "analysis": ["check_contract", "warm_check"],
    "batch": ["rows_from_file", "run_batch", "vendor_from_row"],
    "deadlines": ["cure_deadline", "deadlines"],
    "extract": ["read_document"],
    "letters": ["amendment_letter", "annual_notice", "breach_notice", "contract_posting",
                "deletion_request", "iep_exception"],
    "render": ["long_date", "missing_fields", "render_addendum", "safe_filename"],
    "report": ["report_json", "report_markdown", "report_table"],
    "vendors": ["vendor_from_dict"],
}
_MODULE_OF = {name: module for module, names in _HOMES.items() for name in names}

# `deadlines` names a function and its module: importing the module (as letters does) binds the
# module to the package's attribute, so the function is bound here, eagerly, after it.
from .deadlines import deadlines  # noqa: E402


def __getattr__(name: str):
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'generator' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value  # the next lookup is a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_MODULE_OF])


if TYPE_CHECKING:  # for type checkers and editors: the same names, imported eagerly
    from .analysis import check_contract, warm_check
    from .batch import rows_from_file, run_batch, vendor_from_row
    from .board import board_from_dict, load_board
    from .deadlines import cure_deadline, deadlines
    from .errors import (ConversionError, ExtractError, InputError, LibraryError, ProfileError,
                         RenderError, SdpaError, VendorError)
    from .extract import read_document
    from .letters import (amendment_letter, annual_notice, breach_notice, contract_posting,
                          deletion_request, iep_exception)
    from .library import default_library, load_library
    from .markup import md_escape
    from .models import PROVISION_IDS, Board, Conflict, Finding, GapReport, Library, Provision, Vendor
    from .pdf import convert_to_pdf
    from .render import long_date, missing_fields, render_addendum, safe_filename
    from .report import report_json, report_markdown, report_table
    from .vendors import vendor_from_dict

__all__ = [
    "PROVISION_IDS", "Board", "Conflict", "ConversionError", "ExtractError", "Finding",
    "GapReport", "InputError", "Library", "LibraryError", "ProfileError", "Provision",
    "RenderError", "SdpaError", "Vendor", "VendorError", "convert_to_pdf", "default_library",
    "load_board", "load_library", "missing_fields", "render_addendum", "safe_filename",
    "vendor_from_dict", "check_contract", "read_document", "rows_from_file", "run_batch",
    "vendor_from_row", "cure_deadline", "deadlines", "amendment_letter", "annual_notice",
    "breach_notice", "contract_posting", "deletion_request", "iep_exception", "long_date",
    "report_json", "report_markdown", "report_table", "board_from_dict", "md_escape",
    "warm_check",
]
