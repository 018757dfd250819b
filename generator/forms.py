"""Details typed into a form or read from JSON or YAML, validated into a Vendor or a Board profile,
with every problem named by its field."""

from __future__ import annotations

from pydantic import ValidationError

from generator.errors import ProfileError, VendorError
from generator.library import describe_validation
from generator.models import Board, Vendor


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


def board_from_dict(data: object, source: str = "board profile") -> Board:
    """Validate a mapping as a :class:`Board`; raise :class:`ProfileError` naming ``source``."""
    if not isinstance(data, dict):
        raise ProfileError(f"{source}: expected a mapping of keys")
    try:
        return Board.model_validate(data)
    except ValidationError as exc:
        raise ProfileError(f"{source}: {describe_validation(exc)}") from None


def board_problems(data: object) -> list[tuple[str, str]]:
    """Every reason ``data`` is not a valid board profile, as (field, reason) pairs with dotted
    field names (``privacy_officer.email``); empty when it is valid. Never raises."""
    if not isinstance(data, dict):
        return [("(profile)", "expected a mapping of keys")]
    try:
        Board.model_validate(data)
    except ValidationError as exc:
        return problems_of(exc)
    return []
