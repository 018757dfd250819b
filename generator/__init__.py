"""sdpa: student data privacy addenda, contract checks, notices and deadlines for Connecticut
boards of education. This module is the public API the CLI, the app and notebooks share."""

from __future__ import annotations

from importlib import import_module

# Each public name and the module that defines it. Modules load on first use (PEP 562), so that
# `sdpa check` does not import the DOCX templating, the register or the spreadsheet readers it
# never uses: a fresh process starts that much sooner.
_HOMES = {
    "access": ["ROLES", "auth_provider", "can_administer", "can_edit", "is_loopback", "listen_problem",
               "role_for"],
    "analysis": ["check_contract", "number_value", "stated_days", "warm_check"],
    "batch": ["rows_from_file", "run_batch", "vendor_from_row"],
    "board": ["board_from_dict", "board_problems", "load_board", "read_board_file", "resolve_board"],
    "deadlines": ["cure_deadline", "deadlines"],
    "duties": ["annual_notice_due", "annual_notice_sent", "exceptions_in_year", "exceptions_report",
               "record_annual_notice", "record_exception"],
    "directory": ["board_from_yaml", "board_yaml", "directory_vendor", "directory_vendors", "remove_vendor",
                  "save_board", "save_vendor", "saved_board", "vendors_csv"],
    "errors": ["ConversionError", "ExtractError", "InputError", "LibraryError", "ProfileError",
               "RenderError", "SdpaError", "VendorError"],
    "extract": ["read_document"],
    "letters": ["amendment_letter", "amendment_voidness", "annual_notice", "breach_notice",
                "contract_posting", "deletion_request", "iep_exception"],
    "library": ["default_library", "load_library"],
    "limits": ["TooComplex", "read_bounded", "time_budget"],
    "markup": ["md_escape"],
    "models": ["PROVISION_IDS", "Board", "Conflict", "Finding", "GapReport", "Library", "Provision", "Vendor"],
    "paths": ["resolve_inside"],
    "pdf": ["convert_to_pdf", "pdf_bytes"],
    "redlining": ["RedlineResult", "redline", "redline_document"],
    "render": ["FIELD_LABELS", "REQUIRED_FIELDS", "field_label", "long_date", "missing_fields",
               "nobreak_citations", "problem_lines", "render_addendum", "safe_filename"],
    "report": ["report_json", "report_markdown", "report_table"],
    "docx_report": ["report_docx", "report_pdf"],
    "html_report": ["html_table", "report_html"],
    "trace": ["library_trace", "trace_json", "trace_markdown", "trace_table"],
    "uploads": ["save_uploads", "unchecked_contracts"],
    "vendors": ["vendor_from_dict"],
    "voidness": ["counsel_note", "law_verdict"],
    "backup": ["export_register", "import_register"],
}
_MODULE_OF = {name: module for module, names in _HOMES.items() for name in names}
__all__ = sorted(_MODULE_OF)

# `deadlines` names a function and its module: importing the module (as letters does) binds the
# module to the package's attribute, so the function is bound here, eagerly, after it. No other
# public name may be a module's name (a test checks).
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
