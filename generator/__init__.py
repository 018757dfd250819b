"""sdpa: student data privacy addenda, contract checks, notices and deadlines for Connecticut
boards of education. This module is the public API the CLI, the app and notebooks share."""

from __future__ import annotations

from .board import load_board
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
from .models import PROVISION_IDS, Board, Conflict, Finding, GapReport, Library, Provision, Vendor
from .pdf import convert_to_pdf
from .render import missing_fields, render_addendum, safe_filename
from .vendors import vendor_from_dict

__all__ = [
    "PROVISION_IDS", "Board", "Conflict", "ConversionError", "ExtractError", "Finding",
    "GapReport", "InputError", "Library", "LibraryError", "ProfileError", "Provision",
    "RenderError", "SdpaError", "Vendor", "VendorError", "convert_to_pdf", "default_library",
    "load_board", "load_library", "missing_fields", "render_addendum", "safe_filename",
    "vendor_from_dict",
]
