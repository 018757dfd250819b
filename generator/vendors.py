"""Vendor details from JSON or a form: validated into a Vendor, errors named by field."""

from __future__ import annotations

from pydantic import ValidationError

from .errors import VendorError
from .models import Vendor


def problems_of(err: ValidationError) -> list[tuple[str, str]]:
    """(field, reason) pairs from a pydantic error, reasons in plain words."""
    out = []
    for e in err.errors():
        field = ".".join(str(x) for x in e["loc"]) or "(record)"
        msg = e["msg"].removeprefix("Value error, ")
        if e["type"] == "extra_forbidden":
            msg = "unknown field"
        elif e["type"] == "missing":
            msg = "required"
        elif e["type"] in ("string_too_short",) and e.get("input") in ("", None):
            msg = "required"
        out.append((field, msg))
    return out


def vendor_from_dict(data: object, source: str = "vendor") -> Vendor:
    """Validate a mapping of vendor fields; raise :class:`VendorError` naming ``source`` and
    every bad field."""
    if not isinstance(data, dict):
        raise VendorError(f"{source}: expected a JSON object of vendor fields")
    try:
        return Vendor.model_validate(data)
    except ValidationError as exc:
        problems = problems_of(exc)
        detail = "; ".join(f"{f}: {m}" for f, m in problems)
        raise VendorError(f"{source}: {detail}", problems) from None
