"""Which data a sentence is about: student data, or another kind a duty for which does not protect student
records (de-identified data, a party's business secrets, "Confidential Information", cookies, payment or account
data, data from one sign-in partner, staff accounts). The first kind named wins over plain "data"; student data
over the others (read by :func:`generator.checking.frames.read_frame` for a frame's ``data``)."""

from __future__ import annotations

import re

_PARTNERS = r"(?:Google|Apple|Facebook|Meta|Microsoft|Amazon|Clever|ClassLink|LinkedIn|Twitter|GitHub)"
DATA_KINDS = [
    ("student", re.compile(r"\b(?:student|pupil|learner|children's|child's|education)\s+"
                           r"(?:\w+\s+)?(?:data|information|records?|content|work|rosters?|submissions)\b|\bstudent[- ]generated\b"
                           r"|\b(?:student|pupil)\s+(?:personally identifiable|personal)"  # and "gradebook data", "test scores":
                           r"|\b(?:gradebook|grade|attendance|assessment|exam|test)\s+(?:data|records?|results|scores)\b"
                           # a student's school-meal account, and pictures of students, are the student's records
                           r"|\b(?:meal|lunch|cafeteria)\s+account\s+(?:data|information|records|balances?)\b"
                           r"|\b(?:student|pupil)s?\W?\s+(?:photo(?:graph)?s|images|portraits|pictures|videos)\b"
                           r"|\b(?:photo(?:graph)?s|images|portraits|pictures|videos) of (?:\w+ )?(?:students|pupils|children)\b", re.I)),
    # staff's accounts and the school's business with the contractor (support tickets, mailing lists): not student data
    ("staff data", re.compile(r"\b(?:staff|employee|teacher|administrator|personnel|educator)s?\b(?: and (?:staff|employee|"
                              r"teacher|administrator|personnel|educator)s?)? (?:user )?(?:accounts?|data|information|records)\b"
                              r"|\baccounts? of (?:the )?(?:\w+ ){0,2}?(?:staff|employees|teachers|administrators|personnel)\b"
                              r"|\bsupport tickets?\b|\b(?:marketing|mailing) lists?\b", re.I)),
    ("de-identified data", re.compile(r"\b(?:de-?identified|anonymi[sz]ed|aggregated?|pseudonymi[sz]ed)\b", re.I)),
    ("business information", re.compile(r"\bconfidential information\b[^.;]{0,60}?\b(?:pricing|trade secrets?|source code|"
                                        r"business plans?|roadmaps?|(?:non-public )?business information)\b", re.I)),  # secrets
    ("Confidential Information", re.compile(r"\bconfidential information\b", re.I)),
    ("business information", re.compile(r"\b(?:business|commercial|financial) information\b|\btrade secrets?\b"
                                        r"|\bpricing\b", re.I)),
    ("cookie data", re.compile(r"\bcookies?\b", re.I)),
    ("payment data", re.compile(r"\b(?:payment|billing|credit card)\s+(?:\w+\s+)?(?:data|information|details|records|payments)\b", re.I)),
    # a user's own account or contact details ("update their own contact information", "account settings")
    ("account data", re.compile(r"\baccount\s+(?:data|information|details|credentials|settings)\b|\b(?:their|his|her|your|its|our)"
                                r" own (?:contact|account|profile|login|sign-in) (?:information|details|data|settings)\b", re.I)),
    # data from one source only, a sign-in or platform partner: "Google user data", "data we receive from Clever"
    ("data from one source", re.compile(rf"\b{_PARTNERS}\s+(?i:user|account)\s+(?i:data|information)\b"
                                        rf"|\b(?i:data|information) (?i:we |that we )?(?i:get|gets|receive|receives|"
                                        rf"obtain|obtains|obtained|received) (?i:from|through|via) {_PARTNERS}\b")),
]


# data a sentence leaves out of its duty ("delete all Customer Data, other than De-identified Data"): not what
# the duty is about
_LEFT_OUT = re.compile(r"\b(?:other than|except(?: for)?|excluding|but not|apart from|save for)\s+(?:any\s+|the\s+|such\s+)?"
                       r"(?:[\w-]+\s+){0,2}?(?:data|information|records)\b", re.I)


def data_kind(text: str) -> str:
    """The kind of data ``text`` names ("student", "payment data", ...), or "" when it names none of them. Data it
    leaves out ("other than de-identified data") is not among them."""
    text = _LEFT_OUT.sub(" ", text)  # one pass: a text that leaves nothing out comes back as it was
    return next((kind for kind, rx in DATA_KINDS if rx.search(text)), "")
