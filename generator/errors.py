"""The one root error of sdpa and its kinds; every message names the file, row, field or value."""

from __future__ import annotations


class SdpaError(Exception):
    """Root of every error sdpa raises on purpose. ``str(err)`` is one line fit for a user."""


class LibraryError(SdpaError):
    """The clause library (``clauses/``) is malformed: the message names the file and the key."""


class ProfileError(SdpaError):
    """The board profile cannot be read or is invalid."""


class VendorError(SdpaError):
    """Vendor details are invalid or incomplete; ``problems`` lists (field, reason) pairs."""

    def __init__(self, message: str, problems: list[tuple[str, str]] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


class RenderError(SdpaError):
    """A template could not be rendered (bad template, undefined variable)."""


class ConversionError(SdpaError):
    """LibreOffice is missing or failed to convert a document to PDF."""


class ExtractError(SdpaError):
    """A contract file cannot be read: encrypted, corrupt, scanned, too large, unsupported."""


class InputError(SdpaError):
    """An input file as a whole (CSV, XLSX, JSON) cannot be read."""
