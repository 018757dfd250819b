"""Whose term a sentence is: the school's own duty (which is no evidence of any provision), the board's own act
(which is no conflict), or a term of the user's or a parent's. The contractor bound anywhere in the sentence — in a
later clause, in a relative clause, or beside the school ("Customer and Provider shall") — makes it the
contractor's term too. docs/check.md: "The fifteenth round"."""

from __future__ import annotations

import re

from generator.checking.frame_rules import binds_contractor
from generator.checking.conduct import QUOTED_TERM
from generator.checking.frames import ANSWER_WORDS, CONTRACTOR_WORDS, Frame, party_of

# a sentence about what is done with data, its subject ("Customer Data will not be used ..."), not a rule for a
# party; one naming the party as the agent ("... used by Customer to ...") stays that party's
_DATA_SUBJECT = re.compile(r"^\W*(?:the\s+)?\w+\s+(?:personal\s+)?(?:data|information|records?)\s+(?:will|shall|must|may|is|are)\b", re.I)
# what the school agrees to or acknowledges is a statement of the contract's, not its own duty, when the clause
# after "that" is about the contract, its law, the data, or who owns the data: "The Customer agrees that this
# Agreement is governed by ...", "The Client represents, and the Vendor agrees, that all Student Data remains the
# property of the Client", "The Customer acknowledges that it owns all Customer Data"
_AGREES_THAT = re.compile(r"\b(?:agrees?|acknowledges?|represents?|understands?|accepts?|confirms?)(?:,\s*(?:and|as)\b[^,]{0,60},)?"
                          r"\s+that\s+(?:(?:this|these|the)\s+(?:agreement|contract|terms|addendum|dpa|provisions?|laws?)\b|"
                          r"Connecticut\b|if\s+any\s+(?:provision|term|part)|(?:all\s+|any\s+)?(?:(?:student|customer|pupil|school)\s+)?"
                          r"(?:data|records|information)\s+(?:is|are|remains?|shall|will)\b|(?:it|they|the\s+\w+)\s+(?:\w+\s+){0,2}?"
                          r"(?:owns?|retains?\s+(?:all\s+)?(?:ownership|title|rights?)|is\s+the\s+(?:sole\s+)?owner))", re.I)
# the contractor bound in a relative clause: "... by written notice to the Vendor, which shall delete ...", "the Vendor's
# security program, under which the Vendor shall encrypt ..."
_CONTRACTOR = "|".join(sorted(CONTRACTOR_WORDS))  # the words that name the contractor, as one alternation
_VENDOR_WHICH = re.compile(rf"\b(?:{_CONTRACTOR})\b,?\s+(?:which|who)\s+(?:shall|will|must)\b|"
                           rf"\b(?:which|whom)\s+(?:the\s+)?(?:{_CONTRACTOR})\s+(?:shall|will|must)\b", re.I)
# what the school is to receive from the contractor ("The District shall receive notice from the Vendor within 72
# hours", "The District must be notified by Provider"): the contractor's duty, said from the school's side
_RECEIVES = re.compile(r"\b(?:shall|will|must|is entitled to|may)\s+(?:\w+\s+)?(?:receive|get|be\s+(?:notified|informed|told|"
                       r"given|sent|provided|furnished|advised|alerted))\b", re.I)
_BY_PARTY = re.compile(r"\bby (?:the )?(?:customer|users?|you|school|district|board|institution)\b", re.I)
# the school's own compliance with FERPA is half of the joint duty of § 10-234bb(a)(8) ("The District shall comply with
# FERPA"), evidence of it; the school made solely responsible for it, or for deciding whether a use complies, is not
# ("solely responsible for determining whether its use complies with FERPA")
_JOINT_FERPA = re.compile(r"^(?!.*\b(?:solely|sole|alone|exclusively|only|whether|(?:has|have)\s+complied)\b)"
                          r".*\b(?:shall|will|must|agrees?\s+to|(?:is|are)\s+responsible\s+for|"
                          r"(?:represents?|warrants?)\s+that\s+(?:it|they)(?:\s+will)?)\s+(?:\w+\s+){0,2}?"
                          r"(?:compl\w*\s+with|follow\w*|observ\w*|abid\w*\s+by|adher\w*\s+to)\s+(?:FERPA|the\s+Family\s+Educational)",
                          re.I | re.S)
# who owns the data, said of the school ("The Board is and shall remain the sole owner of all Student Data"): a
# statement of the contract's, not a duty of the school's
_OWNS = re.compile(r"\b(?:owns|owners?|ownership|title|property)\b|(?<!\bits )(?<!\btheir )(?<!\bour )(?<!\byour )\bown\b", re.I)
# the school's right over the contractor ("The Board shall have the right ... to require Contractor to rectify"): what
# the contractor must then do is its term
_RIGHT_OVER = re.compile(rf"\b(?:shall|will|may)\s+have\s+(?:the\s+)?(?:right|authority|power|option)\b[^.;]*?\b(?:{_CONTRACTOR})\b",
                         re.I)


def schools_own(text: str) -> bool:
    """Whether a sentence the library's ``duties`` patterns read as the school's or the user's own duty is only
    theirs: not one whose subject is the data, that binds the contractor too, that records what the school agrees
    the contract says, that binds the contractor in a relative clause, that gives the school a right over the
    contractor, that is the school's half of the joint FERPA duty, that says who owns the data, or that says what the
    school is to receive from the contractor."""
    return not ((_DATA_SUBJECT.match(text) and not _BY_PARTY.search(text))
                or binds_contractor(text)  # "Customer and Provider shall", "agrees that the Vendor shall"
                or _AGREES_THAT.search(text) or _VENDOR_WHICH.search(text) or _RIGHT_OVER.search(text)
                or _JOINT_FERPA.search(text) or _OWNS.search(text) or _RECEIVES.search(text))


def users_term(frame: Frame) -> bool:
    """Whether a sentence is a term of the user's or a parent's own: it binds one of them, or names no one
    bound and opens with one of them."""
    return (frame.bound or frame.subject) in ("user", "parent")


#: words by which the board gives the contractor leave to act ("The Board permits the Contractor to ...")
_LEAVE = frozenset({"permit", "permits", "allow", "allows", "authorize", "authorizes", "authorise", "authorises", "let",
                    "lets", "consent", "consents", "grant", "grants", "license", "licenses", "licence", "licences",
                    "enable", "enables", "agree", "agrees", "instruct", "instructs", "direct", "directs"})


#: the contractor named as one who acts, not as the owner of a tool ("through the Vendor", not "the Vendor's tool")
_AGENT = re.compile(rf"\b(?:{_CONTRACTOR})\b(?![’']s)", re.I)


def boards_own(frame: Frame) -> bool:
    """Whether a sentence is the board's own act ("The District may keep the reports ...", "The District may
    use the messaging feature to advertise school events"); not its leave to the contractor ("The Board
    permits the Contractor to retain ...", "The District agrees that the Vendor may ...") nor an act it does
    with the contractor ("The District, through the Vendor, may show ads")."""
    if frame.bound != "board" or binds_contractor(frame.text, binding=False):  # "..., and the Vendor may show ads"
        return False
    return frame.direct or (frame.subject == "board" and not _LEAVE & set(frame.words) and not _AGENT.search(frame.text))


# the contractor's short name, defined after its legal name: 'Larchmont Press, LLC, a New York limited liability
# company ("Publisher")', '... Inc. (hereinafter the "Tutor")'
_DEFINED = re.compile(r"\b(?:inc|llc|l\.l\.c|corp|corporation|co|ltd|limited|pbc|llp|gmbh|company)\b\.?[^()]{0,100}?"
                      r"\(\s*(?:hereinafter\s+(?:referred\s+to\s+as\s+|called\s+)?)?(?:the\s+)?[“\"]([A-Z][A-Za-z-]+)[”\"]\s*\)", re.I)


def contractor_names(texts: list[str]) -> frozenset[str]:
    """The short name the document gives the contractor when the frame reader takes it for another party's role
    ("Publisher", "Tutor", "Partner"): a sentence it opens binds the contractor. The first company so named in the
    first sentences, where the parties are named."""
    first = next((m.group(1) for t in texts[:12] for m in _DEFINED.finditer(t)), "")  # the vendor, named first;
    # a later company ("The Board has its own contract with Skyline Co. (\"Partner\")") is another party
    return frozenset([first] if first and party_of(first.lower()) in ("user", "parent", "third party") else [])


# a definition that says, in a clause of its own, whose the defined data is: '"District Data" means ..., all of which,
# as between the Parties, is and remains the property of the District'
_OWNED_AS_DEFINED = re.compile(r"\b(?:all|each|any|both) of which\b[^.;]*?\b(?:is|are|remains?|shall (?:be|remain))\b[^.;]*?"
                               r"\b(?:property of|owned by|under the (?:sole |exclusive )?control of)\b[^.;]*", re.I)


def owned_as_defined(text: str) -> str:
    """The clause of a definition that states who owns or controls what it defines, after the term it defines
    ('"District Data" … all of which is and remains the property of the District'), or "": a term of the contract,
    though the sentence around it only defines."""
    m = _OWNED_AS_DEFINED.search(text)
    term = QUOTED_TERM.search(text)
    return f"{term.group(0)} … {m.group(0).strip(' ,')}" if m and term and term.start() < m.start() else ""


# a sentence that goes on with the one before it ("This includes deciding whether ...", "Such responsibility extends to
# ..."): the same party's duty
_GOES_ON = re.compile(r"^\W*(?:this|that|these|such)(?:\s+(?:responsibility|responsibilities|obligation|obligations|duty|duties))?"
                      r"\s+(?:includes?|covers?|extends?\s+to|requires?)\b", re.I)


def school_duties(terms: list[tuple[str, int]], duty) -> frozenset[int]:
    """The ids of the sentences (text, paragraph) that state the school's own duties: those ``duty`` (the library's
    patterns) reads and :func:`schools_own` keeps, and a sentence that goes on with one in its paragraph ("Schools are
    responsible for complying with FERPA. This includes deciding whether the Vendor is a school official")."""
    said = [bool(duty(text)) for text, _ in terms]  # the school is the one bound (its own FERPA compliance too)
    return frozenset(i for i, (text, block) in enumerate(terms)
                     if (said[i] and schools_own(text))
                     or (i and said[i - 1] and terms[i - 1][1] == block and _GOES_ON.search(text)))


# a document's own definition that takes student data into its "Confidential Information": a duty to keep
# that information secure is then a duty for student data ("Confidential Information" includes Student Data)
_TAKES_IN_STUDENTS = re.compile(r"\bconfidential information\W+(?:\w+\W+){0,6}?(?:means|mean|includes?|including|shall include|"
                                r"will include|covers|encompasses)\b[^.;]{0,300}?\b(?:student|pupil|education records?|"
                                r"personally identifiable)", re.I)
# ... but not one that leaves student data out ("does not include Student Data", "excludes student records")
_LEAVES_OUT = re.compile(r"\b(?:not|no|excludes?|excluding|except|other than|but|neither|nor|separately)\b", re.I)


def confidential_takes_in_students(texts: list[str]) -> int | None:
    """The index of the first of ``texts`` (a document's sentences) that defines "Confidential Information"
    to take in student data, or None."""
    return next((i for i, t in enumerate(texts) if "onfidential" in t and (m := _TAKES_IN_STUDENTS.search(t))
                 and not _LEAVES_OUT.search(m.group(0))), None)


# the school made the one who answers for a duty ("Schools are responsible for complying with FERPA", "the District is
# the agency responsible under FERPA"), not a promise of its own ("The District shall comply with FERPA"): the words
# that bind in a frame ("accountable for"), and "responsibility"
_ANSWERS_FOR = re.compile(rf"\b(?:responsib\w*|{'|'.join(sorted(ANSWER_WORDS))})\b|\bup to (?:the |each |every |your )?"
                          r"(?:school|district|board|customer|lea|institution)s?\b", re.I)


def put_on_school(text: str) -> bool:
    """Whether ``text``, a term that binds the school, makes a duty the school's to answer for and binds the contractor
    in none of its clauses: where a duty the law puts on both (FERPA) rests on such terms alone, the document has put
    it on the school."""
    return bool(_ANSWERS_FOR.search(text)) and not binds_contractor(text)
