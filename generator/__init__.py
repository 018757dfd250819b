"""sdpa: student data privacy addenda, contract checks, notices and deadlines for Connecticut
boards of education. This module is the public API the CLI, the app and notebooks share."""

from __future__ import annotations

from importlib import import_module

# Each public name and the module that defines it. Modules load on first use (PEP 562), so that
# `sdpa check` does not import the DOCX templating, the register or the spreadsheet readers it
# never uses: a fresh process starts that much sooner.
_HOMES = {
    # the ground every layer stands on
    "errors": ["ConversionError", "ExtractError", "InputError", "LibraryError", "ProfileError",
               "RenderError", "SdpaError", "VendorError"],
    "models": ["PROVISION_IDS", "Board", "Library", "Provision", "Vendor", "check_email", "check_web_address", "email_key"],
    "findings": ["DRAFT_MARK", "Conflict", "Finding", "GapReport"],
    "vetting": ["RESTRICTION_IDS", "VET_NOTE", "RestrictionReading", "VetReport"],
    "library": ["default_library", "load_library"],
    "deadlines": ["cure_deadline", "deadlines"],
    "forms": ["board_from_dict", "board_problems", "vendor_from_dict"],
    # reading a document
    "reading.extract": ["read_document"],
    "reading.limits": ["TooComplex", "read_bounded", "time_budget"],
    "reading.paths": ["resolve_inside"],
    "reading.spreadsheets": ["rows_from_file"],
    "reading.uploads": ["missing_uploads", "save_uploads", "unchecked_contracts"],
    # checking it
    "checking.analysis": ["check_contract", "number_value", "stated_days", "warm_check"],
    "checking.one_file": ["check_file"],
    "checking.voidness": ["counsel_note", "law_verdict"],
    "checking.breach_steps": ["breach_step_problems"],
    "checking.operators": ["vet_documents", "vet_read", "vet_texts"],
    # making documents
    "documents.render": ["FIELD_LABELS", "REQUIRED_FIELDS", "field_label", "long_date", "missing_fields",
                         "nobreak_citations", "problem_lines", "render_addendum", "safe_filename"],
    "documents.letters": ["amendment_letter", "amendment_voidness", "annual_notice", "breach_notice",
                          "contract_posting", "deletion_request", "iep_exception", "letter_date"],
    "documents.breach_timing": ["vendor_breach_problems"],
    "documents.citations": ["mark_unconfirmed"],
    "documents.pdf": ["convert_to_pdf", "pdf_bytes"],
    "documents.report": ["report_json", "report_markdown", "report_table"],
    "documents.docx_report": ["report_docx", "report_pdf"],
    "documents.html_report": ["html_table", "report_html"],
    "documents.markup": ["md_escape"],
    "documents.operator_letter": ["operator_letter"],
    "documents.redlining": ["RedlineResult", "redline", "redline_document"],
    "documents.tracked": ["accept_changes"],
    "documents.trace": ["library_trace", "unverified_citations", "trace_json", "trace_markdown", "trace_table"],
    # the board's records
    "records.access": ["ROLES", "ROLE_WORDS", "auth_provider", "boards_for", "can_administer", "can_confirm", "can_edit", "has_role",
                       "is_loopback", "is_verified", "listen_problem", "request_problem", "role_for",
                       "session_expired", "session_hours"],
    "records.review": ["Decision", "acting_verdict", "confirmed_report", "current_review", "draft_reason",
                       "latest_check", "notice_cautions", "notice_date_caution", "record_dates", "record_void",
                       "relevant_date", "review_check", "review_order"],
    "records.register": ["Register", "past_event"],
    "records.database": ["RegisterError", "database_url"],
    "records.board": ["load_board", "read_board_file", "resolve_board"],
    "records.tenancy": ["add_board", "board_id_in_use", "list_boards"],
    "records.sharing": ["Offer", "adopt_agreement", "offer_agreement", "offers", "withdraw_offer"],
    "records.directory": ["board_from_yaml", "board_yaml", "directory_vendor", "directory_vendors", "remove_vendor",
                          "save_board", "save_vendor", "saved_board", "vendors_csv"],
    "records.status": ["contract_status", "contracts_page", "due_items", "due_page", "listed_page", "refresh_due", "status_counts"],
    "records.publish": ["publish"],
    "records.duties": ["annual_notice_due", "annual_notice_sent", "exceptions_in_year", "exceptions_report",
                       "record_annual_notice", "record_exception"],
    "records.apps": ["VERDICTS", "AppRecord", "a_year_on", "app_record", "app_records", "approved_apps", "apps_csv", "apps_page",
                     "confirm_app", "confirmed_by_for", "record_vetting", "set_review_date"],
    "records.backup": ["export_register", "export_register_zip", "import_register", "import_register_zip",
                       "register_checksum", "verify_backup"],
    # on top: runs of many rows
    "batch": ["run_batch", "vendor_from_row"],
    "batch_jobs": ["job_status", "job_threshold", "jobs_max", "list_jobs", "start_job"],
}
_MODULE_OF = {name: module for module, names in _HOMES.items() for name in names}
__all__ = sorted(_MODULE_OF)

# `deadlines` names a function and its module: importing the module (as letters does) binds the
# module to the package's attribute, so the function is bound here, eagerly, after it. No other
# public name may be a module's name (a test checks).
from generator.deadlines import deadlines  # noqa: E402


def __getattr__(name: str):
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'generator' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value  # the next lookup is a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_MODULE_OF])
