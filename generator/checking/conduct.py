"""A term of conduct the document defines ("Prohibited Use", "Permitted Purposes") carries its definition: a duty
that names it ("The Vendor shall not engage in any Prohibited Use") is read with what the definition lists, as a
list item is read with its lead-in. Only terms for a use, purpose, activity or practice: a defined thing ("Student
Data", "Services") would bring a long definition into every sentence that names it.

    conduct_terms([('"Prohibited Use" means selling Student Data.', True)]) == {"Prohibited Use": '"Prohibited Use" ...'}
"""

from __future__ import annotations

import re

_QUOTED = re.compile(r"[“\"]([^”\"]{1,60})[”\"]")
_CONDUCT = {"use", "uses", "purpose", "purposes", "activity", "activities", "practice", "practices"}


def conduct_terms(texts: list[tuple[str, bool]]) -> dict[str, str]:
    """Each defined term of conduct → its definition (the defining sentence and the items of its list), from the
    document's sentences as (text, whether it is a definition or one of its list items)."""
    out: dict[str, list[str]] = {}
    for text, defines in texts:
        term = _QUOTED.search(text) if defines else None
        if term and term.group(1).split()[-1].lower() in _CONDUCT:
            out.setdefault(term.group(1), []).append(text)
    return {term: " ".join(said) for term, said in out.items()}


def with_conduct(text: str, terms: dict[str, str]) -> str:
    """``text`` followed by the definitions of the terms of conduct it names (as written, a whole word), or
    ``text`` itself when it names none."""
    named = [said for term, said in terms.items() if re.search(rf"\b{re.escape(term)}\b", text)]
    return f"{text} [{' '.join(named)}]" if named else text
