"""When a contract with gaps can be void: § 10-234bb(f) as far as it was read (see docs/law.md)."""

from __future__ import annotations

from datetime import date
from typing import Literal

# § 10-234bb(f), as the 2018 House amendment (LCO 4159) words it: "Any contract entered into on
# and after July 1, 2018, that does not include ... a provision required by subsection (a) ...
# shall be void, provided the ... board ... has given reasonable notice to the contractor and the
# contractor has failed within a reasonable time to amend the contract". Codified text: to confirm.
VOID_FROM = date(2018, 7, 1)

Voidness = Literal["void", "older", "unknown", "none"]


def rules_apply(contract_date: date | None) -> bool:
    """True when the rules for contracts "entered into on and after July 1, 2018" (§ 10-234bb(f),
    the policy's contract rules) plainly apply: the contract was entered into on or after that
    date. A contract entered into before it and amended or renewed since is not counted here:
    whether that brings it under those rules is for counsel (to confirm; see docs/law.md)."""
    return contract_date is not None and contract_date >= VOID_FROM


def voidness(has_a_gap: bool, contract_date: date | None, renewed: date | None = None) -> Voidness:
    """Whether § 10-234bb(f) can void the contract if it is not amended after reasonable notice.

    ``none``: no § 10-234bb(a) provision is missing or partial, so (f) never applies (a policy
    gap or a conflicting term does not void the contract; a conflicting *term* is void).
    ``void``: an (a) gap and a contract entered into on or after July 1, 2018.
    ``older``: an (a) gap in a contract entered into before then, even if ``renewed`` (amended
    or renewed) since: counsel decides, since the verified text says "entered into" and whether
    an amendment or renewal counts is to confirm. ``unknown``: an (a) gap and no contract date.
    """
    if not has_a_gap:
        return "none"
    if contract_date is None:
        return "unknown"
    return "void" if rules_apply(contract_date) else "older"


def stored_report_voidness(report: dict, contract_date: date | None, library=None) -> Voidness:
    """:func:`voidness` for a gap report stored as JSON (as the register keeps it), judged with
    ``library`` (default: the shipped one) for which provisions are § 10-234bb(a) terms."""
    from generator.library import default_library

    required = (library or default_library()).a_provisions()
    a_gap = any(p.get("id") in required and p.get("status") != "present" for p in report.get("provisions", []))
    return voidness(a_gap, contract_date)


def counsel_note(state: Voidness) -> str:
    """What board staff (not the vendor) should know about ``state``: one sentence, or ''."""
    return {
        "older": "The contract is dated before July 1, 2018: § 10-234bb(f) voids only contracts entered "
                 "into on and after that date, so the letter makes no (f) or void claim. Counsel should decide "
                 "whether an amendment or renewal since then brings it under (f) (to confirm: the text read "
                 "says \"entered into\") and whether the Board may keep sharing student data under it, since "
                 "§ 10-234bb(a) has required a contract with these provisions since July 1, 2018.",
        "unknown": "No contract date was given, so the letter cannot say whether § 10-234bb(f) applies; "
                   "give the contract date (and the date it was last amended or renewed, if any).",
        "none": "No § 10-234bb(a) provision is missing or partial: the letter does not call the contract void.",
    }.get(state, "")


def law_verdict(report, library=None) -> str:
    """One sentence on what a gap report means under the law, for the check page and the report
    document: never calls a contract void when no § 10-234bb(a) provision is lacking."""
    from generator.library import default_library

    if report.compliant:
        return "Compliant: every provision is present and no term conflicts."
    if report.a_gaps(library or default_library()):
        return ("Not compliant: a provision § 10-234bb(a) requires is missing or partial. A contract entered "
                "into on or after July 1, 2018 that lacks one is void if the vendor, given reasonable notice, "
                "does not amend it (§ 10-234bb(f)); whether an amendment or renewal since then counts is to "
                "confirm with counsel.")
    return ("Not compliant, but every provision § 10-234bb(a) requires is there, so the contract is not void "
            "on that account: what is missing is the Board's policy's; the Board's policy holds a conflicting "
            "term void in a contract from July 1, 2018 on (§ 10-234bb(e): to confirm).")
