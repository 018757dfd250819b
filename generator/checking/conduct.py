"""A term of conduct the document defines ("Prohibited Use", "Permitted Purposes") carries its definition: a duty
that names it ("The Vendor shall not engage in any Prohibited Use") is read with what the definition lists, as a
list item is read with its lead-in. Only terms for a use, purpose, activity or practice: a defined thing ("Student
Data", "Services") would bring a long definition into every sentence that names it. What a definition leaves out
("but does not include ...") is not carried, nor a definition for another place's people, nor into a condition
("If a User has engaged in a Prohibited Use, ...").

    conduct_terms([('"Prohibited Use" means selling Student Data.', True)]) == {"Prohibited Use": '"Prohibited Use" ...'}
"""

from __future__ import annotations

import re

from generator.checking.scopes import elsewhere, scope_of

QUOTED_TERM = re.compile(r"[“\"]([^”\"]{1,60})[”\"]")  # the term a definition defines, quoted as written
_CONDUCT = {"use", "uses", "purpose", "purposes", "activity", "activities", "practice", "practices"}
_LEAVES_OUT = re.compile(r",?\s*\b(?:but\s+)?(?:does|do|shall|will)\s+not\s+include\b|\bexclud\w*\b|\bexcept\b|\bother than\b", re.I)
_CONDITION = re.compile(r"^\W*(?:if|when|where|whenever|should|in the event)\b[^,;]*$", re.I)


def conduct_terms(texts: list[tuple[str, bool]]) -> dict[str, str]:
    """Each defined term of conduct → its definition (the defining sentence and the items of its list, up to what it
    leaves out), from the document's sentences as (text, whether it is a definition or one of its list items)."""
    out: dict[str, list[str]] = {}
    for text, defines in texts:
        term = QUOTED_TERM.search(text) if defines else None
        if term and term.group(1).split()[-1].lower() in _CONDUCT:
            out.setdefault(term.group(1), []).append(_LEAVES_OUT.split(text, maxsplit=1)[0])
    return {term: " ".join(said) for term, said in out.items() if not elsewhere(scope_of(" ".join(said)))}


def with_conduct(text: str, terms: dict[str, str]) -> str:
    """``text`` followed by the definitions of the terms of conduct it names (as written, a whole word, and not
    inside an opening condition), or ``text`` itself when it names none."""
    named = [said for term, said in terms.items()
             if (m := re.search(rf"\b{re.escape(term)}\b", text)) and not _CONDITION.match(text[:m.start()])]
    return f"{text} [{' '.join(named)}]" if named else text
