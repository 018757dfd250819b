"""Rules over duty frames: what a frame lacks to satisfy a provision's rule (the card's words),
whether it is a conflict, why a finding resting on frames may be wrong, and a provision's frame
rule as ``sdpa library --trace`` prints it."""

from __future__ import annotations

import re

from generator.checking.amendments import without_marker
from generator.checking.frames import BOARD_WORDS, DATA_NOUNS, VERB_REACH, Frame, action_of, read_frame, words_of
from generator.checking.keeping import gone_in_time, kept_too_long
from generator.checking.memo import Memo, Same
from generator.checking.periods import periods
from generator.checking.scopes import BINDING_MODAL, elsewhere

# an exception that leaves the duty to the contractor's own judgment or needs swallows it
# ("except for such purposes as the Vendor may determine", "unless our business needs require")
_DISCRETION = re.compile(r"\b(?:(?:we|our|it|its|vendor|provider|company|contractor|operator)\b(?:\W+\w+){0,4}?\W+"
                         r"(?:decides?|determines?|deems?|considers?|sees? fit|chooses?|elects?|opts?|wish(?:es)?|wants?|prefers?|needs?|"
                         r"judges?|discretion|business)"
                         r"|(?:our|its) (?:sole |own )?(?:discretion|judgment|judgement|business (?:needs|purposes|reasons))"
                         # the contractor's own purposes: "except data the Provider retains for product development"
                         r"|(?:product|service|platform) (?:development|improvement)|(?:develop|improv|enhanc)\w* (?:of )?(?:our|its|new) "
                         r"(?:products?|services?)"
                         # "subject to our standard data retention policy": the contractor's own rules
                         r"|(?:our|its) (?:own |standard |internal |current )?(?:\w+ ){0,2}(?:policy|policies|practices))\b",
                         re.I)


# a sentence that binds no one to the term it names:
# - a recital ("WHEREAS the parties wish ...") says what the parties intend, not what they promise;
# - a statement of what a law requires ("Connecticut law requires a contractor to ...", "FERPA requires
#   schools to ...") says what the law is, not that the contractor takes the duty on
_RECITAL = re.compile(r"^\W*(?:whereas|recitals?)\b", re.I)
_OPERATIVE = re.compile(r"\bnow,? therefore\b", re.I)  # "WHEREAS ...; NOW, THEREFORE, the Vendor shall ...": a term
_LAW_SAYS = re.compile(r"^\W*(?:(?:a|answer)\s*:\s*)?(?!(?:as|where|if|when|unless|because|since|to)\b)(?:(?:the|state|federal|applicable) )?(?:(?:\w+ ){0,4}?(?:law|laws|statute|statutes|act|acts|regulations?|rules?)|"
                       # another body's policy: "University policy requires faculty to ...", "The Board's policy is that ..."
                       r"(?:the )?(?:board|district|university|college|school|state|federal|institutional|agency|department)(?:['’]s)? "
                       r"(?:\w+ )?polic(?:y|ies)(?= (?:requires?|is that|says|states|provides?|prohibits?|forbids?|mandates?))|"
                       r"FERPA|COPPA|PPRA|CIPA|GDPR|CCPA|(?:section|§) ?[\d-]+\w* of (?:the )?(?:\w+ ){1,5}?(?:statutes|code|act)|(?:section|§§?) ?\d[\d-]*\w*(?:\([a-z0-9]+\))*|"
                       r"Conn(?:ecticut|\.) Gen(?:eral|\.) Stat(?:utes|\.)[^,;]{0,30}?)"
                       r" (?:also )?(?:requires?|prohibits?|forbids?|bars|mandates?|provides?|gives?|grants?|obliges?|allows?|permits?|"
                       r"says|states|is that|places|imposes|puts)\b", re.I)
# the law's rule for any contractor, said under the law's name ("Under Connecticut law a contractor may not retain ...",
# "Under section 10-234bb, student information shall not be the property of a contractor"): no party here is bound
_UNDER_LAW = re.compile(r"^\W*(?:under|pursuant to|according to|by virtue of) (?:the )?(?:[\w.’'-]+ ){0,4}?(?:law|laws|statutes?|act|"
                        r"sections?|§+|regulations?|polic(?:y|ies))\b", re.I)
_ANY_CONTRACTOR = re.compile(r"\b(?:a|an|any|every|each|no) (?:contractor|vendor|operator|provider|company|processor)\b|"
                             r"\b(?:contractors|vendors|operators|providers)\b", re.I)
_THIS_PARTY = re.compile(r"\bthe (?:contractor|vendor|operator|provider|company|processor|supplier)\b|\b(?:we|us|our)\b|"
                         r"(?-i:\b(?:Contractor|Vendor|Operator|Provider|Company|Processor|Supplier)\b)", re.I)
# the contractor bound beside what the law says ("FERPA places duties on schools, and the Vendor shall comply with FERPA")
_PARTY_BOUND = re.compile(rf"(?:{_THIS_PARTY.pattern})(?:\W+\w+){{0,10}}?\W+(?:shall|will|must|agrees?|undertakes?|accepts?|commits?|compl(?:y|ies))\b(?! not\b)",
                          re.I)
# the contract stating its own term beside a policy ("...; accordingly, this Agreement shall be governed by ...")
_THIS_CONTRACT = re.compile(r"\b(?:this|these) (?:agreement|contract|addendum|dpa|terms)\b(?:\W+\w+){0,2}?\W+(?:is|are|shall|will)\b", re.I)
# a term proposed or still under review, not agreed ("Counsel has proposed Connecticut law; the vendor is still reviewing")
_PROPOSED = re.compile(r"\b(?:has|have|had) (?:proposed|suggested|requested|asked for)\b|\b(?:still|is|are) (?:reviewing|considering|"
                       r"negotiating)\b|\bunder (?:review|negotiation|discussion)\b", re.I)
# a reviewer's advice, not a term: "Recommend that the contract be amended to ...", "Recommended: require vendor to ..."
_ADVISED = re.compile(r"^\W*(?:(?:we|i|counsel|staff|the (?:reviewer|committee|office))\s+(?:recommend|suggest|propose)s?\s+(?:that\b|adding|"
                      r"requiring|revising|amending|including|inserting|deleting|striking|a |an |the )|(?:recommend|suggest|propose)s?\s+"
                      r"(?:that\b|adding|requiring|revising|amending|including|inserting|deleting|striking)|(?:recommended|recommendations?|"
                      r"suggested|suggestions?|proposed|proposals?)\s*:)", re.I)
ADVICE = "it is a reviewer's advice, not a term"
# ... unless what is advised is approval, or the other side has taken it ("Recommend approval; the vendor agrees to ...")
_TAKEN = re.compile(r"\b(?:approv\w*|accept(?:s|ed)|agree(?:s|d))\b", re.I)
_AGREED = re.compile(r"\b(?:shall|must|agrees?|agreed|accepts?|accepted|is bound)\b", re.I)
# a term that binds only once another document is signed ("for customers that have signed our Education Addendum",
# "if executed"), or that is left to one still to be agreed ("as set out in the Data Protection Addendum to be agreed")
_FURTHER_DOC = re.compile(r"\b(?:that|who|which) (?:has|have) (?:signed|executed|entered into|accepted) (?:our|the|an?|its) (?:[\w-]+ ){0,3}?"
                          r"(?:addendum|agreement|terms|exhibit|amendment|dpa|rider)\b|,? if (?:signed|executed)\b|"
                          # "When a School Agreement is in place, ...", "Once the parties sign a Data Privacy Addendum, ...",
                          # "Upon execution of a separate ... Agreement": a document that may never be signed
                          r"^\W*(?:when|if|where|once|while|after|upon|subject to|only where)\b[^,.;]{0,80}?"
                          r"(?:\b(?:a|an|any|separate|later)\b[^,.;]{0,50}?\b(?:addendum|agreement|dpa|contract|rider)\b[^,.;]{0,40}?"
                          r"\b(?:is|are|has been|have been|being) (?:in place|signed|executed|in effect|in force)\b|"
                          r"\b(?:sign|signs|signed|execute|executes|executed|execution of|enter into|enters into|entered into)\b"
                          r"[^,.;]{0,40}?\b(?:a|an|any|separate|later)\b[^,.;]{0,50}?\b(?:addendum|agreement|dpa|contract|rider)\b|"
                          r"\b(?:a|an|any|separate|later)\b[^,.;]{0,50}?\b(?:addendum|agreement|dpa|contract|rider)\b[^,.;]{0,30}?"
                          r"\b(?:has been |is |have been |are )?(?:signed|executed)\b)", re.I)
_TO_BE_AGREED = re.compile(r"\bto be (?:agreed|negotiated|executed|signed|determined|finali[sz]ed)\b", re.I)
# what was done before, said as history ("Previously, we erased all school data ...", "Under the original Agreement, which
# this letter does not extend, ..."): not what is owed now
_PAST = re.compile(r"^\W*(?:previously|historically|formerly|in the past|until (?:now|recently)|under the (?:original|prior|previous|"
                   r"earlier|former) (?:agreement|contract|terms|dpa))\b", re.I)
_NOW_BINDING = re.compile(r"\b(?:shall|must|will|agrees? to)\b(?! not\b)", re.I)
# another vendor of the board's, named as the one bound ("The District's SIS vendor shall delete ...")
_BOARDS_VENDOR = re.compile(r"^\W*(?:the )?(?:district|school|board|lea|customer|agency)['’]s (?:[\w-]+ ){0,3}?(?:vendor|provider|contractor|"
                            r"processor|supplier|partner)\b", re.I)
_OPTS_OUT = re.compile(r"\bopt(?:s|ed)? out\b", re.I)  # "unless Vendor has opted out of Exhibit G": its choice
# what is done now, said as the practice of the day ("We currently use student data only to ..."): it may change
_FOR_NOW = re.compile(r"^\W*(?:[\w,’']+\W+){0,3}?(?:currently|presently|at present|at this time|for now|as of (?:the )?(?:effective "
                      r"date|date (?:of this \w+|hereof)|today|this writing))\b", re.I)
# a duty that begins with a step the contractor has yet to take ("Once our new data center opens next
# year, we will encrypt ...", "In a future release, parents will be able to ..."): not in force now
_NOT_YET = re.compile(r"^\W*(?:once|when|after|as soon as) (?:our|its|the (?:new|planned|upcoming|future|redesigned)) (?:\w+[ -]){0,4}?(?:launch(?:es)?|opens|goes live|"
                      r"(?:is|are|has been|have been) (?:complete|completed|finished|launched|released|available|ready|live|built|certified)|"
                      r"becomes? available)\b"
                      r"|^\W*(?:in|with) (?:a|an|the|our) (?:future|upcoming|planned|later|next) (?:release|version|update|product release)\b",
                      re.I)


# a refusal that is only advice or a hope: "should not use", "will try not to use", "endeavours never to disclose"
_HOPED_NOT = re.compile(r"^[^;,]{0,80}?\b(?:should|might|could|(?:try|tries|endeavou?rs?|aims?|strives?|seeks?|hopes?|attempts?|"
                        r"intends?)(?: to)?)\s+(?:not|never)\b(?!\s+and\s+(?:shall|will|must)\b)", re.I)
# the act named as a noun and confined or forbidden ("Use of student data is limited to ...", "... is prohibited"):
# the restriction is the duty
_CONFINED = re.compile(r"\b(?:is|are|remains?|be) (?:\w+ )?(?:restricted|limited|confined) to\b|"
                       r"\b(?:is|are|shall be|will be) (?:strictly |expressly )?(?:prohibited|forbidden|not permitted|barred)\b", re.I)
_OWN_COPIES = {"delete", "return", "retain"}  # what the board may do to its own copies
_DUTIES = {"delete", "return", "protect", "notify", "correct", "review", "comply"}  # acts owed: "shall not" refuses them
_OTHER_DATA = {"de-identified data", "Confidential Information", "business information", "cookie data", "payment data", "account data",
               "data from one source", "staff data"}


def _persons(words: tuple[str, ...]) -> set[str]:
    """The words of a frame that name someone: "students" in "students may review", "child" in "your
    child's records"; not "student" in "student data" or "each student's records", which name the data
    ("we review student data to correct errors" names no student who may review it)."""
    return {w[:-2] if w.endswith("'s") else w for k, w in enumerate(words)
            if (words[k + 1] if k + 1 < len(words) else "") not in DATA_NOUNS
            or (w.endswith("'s") and words[k - 1:k] in (["your"], ["their"], ["his"], ["her"]))}  # "your child's records"


_CLAUSE_CUT = re.compile(r";|,\s*(?:and|but)\b|\baccordingly\b", re.I)


def _duty_clauses(text: str) -> list[str]:
    """The clauses of ``text`` that bind someone (a modal in them), or the whole text when none does: a
    condition in another clause ("Fees are to be agreed; the Vendor shall ...") leaves the duty whole."""
    clauses = [c for c in _CLAUSE_CUT.split(text) if BINDING_MODAL.search(c)]
    return clauses or [text]


_LATER_CLAUSE = re.compile(r";|,\s*and\b", re.I)
# a later clause said for everyone ("...; for all customers, the Vendor shall ...") is free of the first clause's reach
_FOR_ALL = re.compile(r"\b(?:for|to) (?:all|every|each|any) (?:other )?(?:customers?|districts?|schools?|leas?|agenc(?:y|ies)|users|"
                      r"subscribers|licensees)\b|\bin (?:all|every) (?:other )?cases?\b", re.I)
# a later clause that leans on the first ("..., and we will do so within 60 days of the request"): not a duty of its own
_BACK = re.compile(r"\b(?:do|does|did) so\b|\bsuch (?:a )?(?:request|notice|data|records)\b|\bthe request\b|\bthereafter\b", re.I)


def binds_contractor(text: str, binding: bool = True) -> bool:
    """Whether ``text`` binds the contractor in its first clause or in a later one (after ";" or ", and"):
    "The Customer agrees that the Vendor shall ...", "The Customer agrees to pay the fees, and the Vendor shall
    ...". With ``binding`` false a permission counts too ("The Board may post notices, and the Vendor may show
    ads ...")."""
    return any(f.bound == "contractor" and (f.binding or not binding)
               for f in (read_frame(c) for c in (text, *_LATER_CLAUSE.split(text)[1:])))


def sentence_gaps(frame: Frame, rule) -> list[str]:
    """:func:`frame_gaps` of a sentence's frame, unless all it lacks is the contractor as the one bound and a later
    clause binds the contractor whole ("Parents may opt out of directory sharing, and the Vendor shall not use
    Student Data for targeted advertising"): the frame reads the first clause's subject, the duty is in the second.
    Kept by frame and rule (``memo.py``)."""
    return list(_GAPS.get((frame, Same(rule)), lambda: _sentence_gaps(frame, rule)))


_GAPS = Memo(8192)


def _sentence_gaps(frame: Frame, rule) -> list[str]:
    gaps = frame_gaps(frame, rule)
    if len(gaps) == 1 and ((gaps[0].startswith("it binds the ") and frame.bound != "contractor") or gaps[0] == ADVICE
                           or gaps[0].startswith("it applies only to ")):
        for clause in _LATER_CLAUSE.split(frame.text)[1:]:
            if gaps[0].startswith("it applies only to ") and not _FOR_ALL.search(clause):
                continue  # "For New York agencies, ...; and the Vendor shall ...": the lead-in reaches the later clause too
            later = read_frame(clause)
            about = later.data == "student" or (set(later.actions) & set(rule.duty_actions) and later.data not in _OTHER_DATA)
            if later.bound == "contractor" and later.binding and about and not _BACK.search(clause) and not frame_gaps(later, rule):
                return []
    if not gaps and frame.bound == "contractor" and rule.duty_actions:
        gaps = _duty_in_anothers_clause(frame, rule)
    return gaps


def _duty_in_anothers_clause(frame: Frame, rule) -> list[str]:
    """The converse: the first clause binds the contractor to something else and a later clause binds another party
    to the duty ("The Vendor shall host the platform, and the District shall protect the data"): the duty is that
    party's. Empty when the contractor's own clause holds one of the duty's acts, or another clause binds it to one."""
    clauses = _LATER_CLAUSE.split(frame.text)
    if len(clauses) < 2:
        return []
    first = read_frame(clauses[0])
    if set(first.actions) & set(rule.duty_actions):
        return []
    later = [read_frame(c) for c in clauses[1:]]
    if any(f.bound == "contractor" and set(f.actions) & set(rule.duty_actions) for f in later):
        return []
    # the other party's clause holds the duty's act, or, where the contractor's names no data, the student data
    others = [f for f in later if f.bound in ("board", "user", "parent") and f.binding
              and (set(f.actions) & set(rule.duty_actions) or (not first.data and f.data == "student"))]
    return [f"it binds the {others[0].bound}, not the contractor"] if others else []


def frame_gaps(frame: Frame, rule) -> list[str]:
    """What ``frame`` lacks to satisfy ``rule`` (a :class:`generator.models.FrameRule`), each in
    words for the card ("owed to the user, not the board"); empty when it satisfies it."""
    gaps: list[str] = []
    opens = without_marker(frame.text)  # what the sentence opens with, after a list item's number
    if _RECITAL.search(opens) and not _OPERATIVE.search(frame.text):
        gaps.append("it is a recital, what the parties intend, not a term")
    elif ((_LAW_SAYS.search(opens) and not (frame.bound == "contractor" and frame.binding) and not _PARTY_BOUND.search(frame.text)
           and not _THIS_CONTRACT.search(frame.text))
          or (_UNDER_LAW.search(opens) and _ANY_CONTRACTOR.search(frame.text) and not _THIS_PARTY.search(frame.text))):
        gaps.append("it says what a law or a policy requires, not that the contractor undertakes it")
    if _PROPOSED.search(frame.text) and not _AGREED.search(frame.text):
        gaps.append("it is proposed or under review, not agreed")
    elif _ADVISED.match(opens) and not _TAKEN.search(frame.text):
        gaps.append(ADVICE)
    if _FOR_NOW.search(opens) and frame.binding is not True:
        gaps.append("it says what is done now, not what must be done")
    if _PAST.search(opens) and not _NOW_BINDING.search(frame.text):
        gaps.append("it says what was done before, not what is owed now")
    if any(_FURTHER_DOC.search(c) or _TO_BE_AGREED.search(c) for c in _duty_clauses(frame.text)):
        gaps.append("it binds only under another document, signed or still to be agreed")
    if _BOARDS_VENDOR.search(opens) and not _PARTY_BOUND.search(frame.text):
        gaps.append("it binds another vendor of the board's, not the contractor")
    if _NOT_YET.search(opens):
        gaps.append("it begins only with a step the contractor has yet to take")
    if frame.disclaimed:
        gaps.append("it disclaims a promise rather than making one")
    if frame.pointer and frame.binding is not True:
        gaps.append("it points the reader elsewhere and states no duty")
    elif (rule.duty_actions and frame.binding is None and not frame.actions and not _CONFINED.search(frame.text)
          and action_of(next((w for w in frame.words[:2] if w not in ("the", "a", "an", "any", "all")), "")) in rule.duty_actions):
        # "Deletion requests from the District are logged": the topic is the subject, a noun, and
        # no verb acts on it
        gaps.append("it names the topic but states no duty")
    if frame.hedged and rule.about_data and (not rule.duty_actions or set(frame.actions) & set(rule.duty_actions)):
        # a hedge of another act ("will tell the District when practical" read for review) says nothing of this duty
        gaps.append(f"it is hedged (\"{frame.hedged}\"), a practice rather than a duty")
    if not _OWNER_NAMED.search(frame.text) and (frame.bound not in rule.bound or (
            frame.bound == "board" and frame.direct and "contractor" in rule.bound
                                         and frame.actions[:1] and frame.actions[0] in _OWN_COPIES)):
        # the board deleting or returning its own copies asks nothing of the contractor; a user or
        # parent who asks someone to act ("Parents may ask us to delete") makes the request theirs
        asks = frame.bound in ("user", "parent") and not frame.direct and frame.actions and "board" in rule.bound
        gaps.append(f"the request is the {frame.bound}'s, not the board's" if asks
                    else f"it binds the {frame.bound}, not the contractor")
    if frame.refused and frame.actions[:1] and frame.actions[0] in rule.duty_actions and frame.actions[0] in _DUTIES:
        gaps.append(f"it says the contractor will not (or need not) {frame.actions[0]}, which refuses the duty")
    if frame.binding is False and not frame.negated and frame.bound == "contractor" and not _CONFINED.search(frame.text):
        gaps.append("it promises an effort, not the act" if frame.effort else "the contractor may, but need not")
    elif frame.negated and frame.bound in ("contractor", "") and _HOPED_NOT.search(without_marker(frame.text)):
        gaps.append("it advises or hopes that the contractor will not, and forbids nothing")
    elif frame.effort and not frame.binding and not frame.bound and "protect" not in rule.duty_actions:
        # security is itself a duty of effort (actions designed to ensure security): an aim to
        # protect meets it; an aim to notify, delete or limit use is not the act
        gaps.append("it promises an effort or an aim, not the act")
    if rule.other_data and frame.data in _OTHER_DATA:
        gaps.append(f"it is about {frame.data}, not student data")
    if frame.scope:
        gaps.append(f"it applies only to {frame.scope}")
    if frame.self_service:
        gaps.append("it is the user's own control, not a means the board has")
    owed = [b for b in frame.beneficiary.split(", ") if b]
    if rule.beneficiary and owed and not set(owed) & set(rule.beneficiary):
        gaps.append(f"it is owed to the {owed[0]}, not the {rule.beneficiary[0]}")
    if rule.after_end and frame.after_end and frame.when and "retain" in frame.actions[:1]:
        gaps.append(f"data is kept {max(frame.when):g} days after the contract ends")
    for cond in frame.conditions:
        if _OPTS_OUT.search(cond) or (rule.about_data and _DISCRETION.search(_own_clause(cond)) and not words_of(cond) & _LAW):
            gaps.append(f"an exception leaves it to the contractor's own judgment ({cond[:60]})")
            break
        said = words_of(cond)
        if said & set(rule.exceptions) and not said & set(rule.allowed) and not gone_in_time(cond, rule):
            gaps.append(f"an exception swallows it ({cond[:60]})")
            break
    present = _persons(frame.words)
    for group in rule.needs:
        if not present & {w.lower() for w in group}:
            gaps.append(rule.needs_reason or f"it names none of: {', '.join(group[:4])}")
            break
    if rule.timed and time_for_another_step(frame, rule):
        gaps.append(ANOTHER_STEP)
    if rule.actions and frame.actions and not set(frame.actions) & set(rule.actions):
        gaps.append(f"it governs {' / '.join(frame.actions)}, not {' / '.join(rule.actions)}")
    elif rule.duty_actions and frame.actions == ("attest",) and not any(action_of(w, verb=True) in rule.duty_actions
                                                                         for w in frame.words):
        gaps.append("it promises to vouch for the act (a certificate, a confirmation), not to do it")
    return gaps


# the steps of one sentence: cut at ";", ", and", and before a second verb ("and shall", "and will, within 48 hours")
_STEPS = re.compile(r";|,\s*and\b|\band\s+(?=(?:shall|will|must|agrees?|is|are|then|thereafter|also|retain|engage|hire|restore|"
                    r"send|pay|reimburse|cooperate|contain|investigate|remediate|preserve|reset|patch|to (?:the )?(?:board|"
                    r"district|school|lea|customer))\b)|,\s*(?=(?:shall|will|must)\b)", re.I)
_AT_ONCE = re.compile(r"\b(?:immediately|forthwith)\b", re.I)
# the notice named as a noun, or given by a means of contact ("will telephone the District within 24 hours")
_THAT_NOTICE = re.compile(r"\b(?:notice|notification|report)s?\b|\b(?:tele)?phon(?:e|es|ed|ing)\b|\b(?:e-?mail|call|contact)(?:s|ed|ing)? "
                          r"(?:the|its|our|your|each|every|all|any|affected)\b", re.I)
# a step for someone other than the board, or of another kind: the contractor's own insurer, a regulator, an invoice
_OTHER_STEP = re.compile(r"\b(?:its|their|our) (?:[\w-]+ ){0,2}?(?:insurers?|carriers?|counsel|attorneys?|auditors?|customers|"
                         r"sub-?processors?|partners|board of directors)\b|\b(?:notif(?:y|ies)|informs?|tells?|alerts?|"
                         r"report\w* (?:it |them )?to|contacts?|engages?|retains?|hires?)\s+(?:the |an? |its |any |all |"
                         r"appropriate |relevant )?(?:[\w-]+ ){0,2}?(?:insurers?|insurance carriers?|regulators?|law enforcement|"
                         r"police|attorney general|credit bureaus?|consumer reporting agenc\w*|authorit(?:y|ies)|families|parents|guardians|"
                         r"students|individuals|data subjects|consumers|forensic "
                         r"(?:firms?|investigators?|examiners?))\b|\b(?:invoices?|bills?)\b", re.I)
_NOTICE_WORD = re.compile(r"\b(?:notif(?:y|ies|ied|ying|ication)|notice|inform(?:s|ed|ing)?|tell|tells|alert(?:s|ed)?|report(?:s|ed)?|"
                          r"apprise[sd]?|advise[sd]?|warn(?:s|ed)?|announce[sd]?|intimate[sd]?|send word|let (?:\w+ ){1,3}?know)\b",
                          re.I)
_PROCEDURE = re.compile(r"\b(?:procedures?|process|steps|plan)\b|\((?:a|i|1)\)", re.I)
ANOTHER_STEP = "the time it states is for another step, not the notice to the board"


def time_for_another_step(frame: Frame, rule) -> bool:
    """Whether every time ``frame``'s sentence states belongs to a step other than the duty owed under ``rule``:
    "Vendor shall notify its insurer within five days and shall notify the District", "shall notify the District
    and shall, within 48 hours, engage a forensic firm". A step keeps its time when it binds no one else to one of
    the rule's acts for its beneficiary, or speaks of that notice ("such notice shall be given within 72 hours").
    False when the sentence states no time, or describes a procedure (the notice has its steps)."""
    if _PROCEDURE.search(frame.text) or not (_AT_ONCE.search(frame.text) or periods(frame.text)):
        return False
    steps: list[str] = []
    lead = ""  # a fragment before any step ("Within 72 hours of discovery, and before ..., the Vendor shall notify")
    for cut in (c for c in _STEPS.split(frame.text) if c and c.strip()):
        step = read_frame(cut)
        if not step.actions and not step.bound and not BINDING_MODAL.search(cut) and not _THAT_NOTICE.search(cut):
            if steps:
                steps[-1] += f", {cut}"  # "..., and in any event within 48 hours": a detail of the step before
            else:
                lead += f"{cut}, "
            continue
        steps.append(lead + cut)
        lead = ""
    if lead:
        steps.append(lead)
    for step in (s for s in steps if _AT_ONCE.search(s) or periods(s)):
        f = read_frame(step)
        owed = {b for b in f.beneficiary.split(", ") if b}
        board = words_of(step) & (BOARD_WORDS | {"us"})  # "notify us": the recipient the rule's patterns take
        if (f.bound not in ("contractor", "") or f.refused or (owed and not owed & set(rule.beneficiary))
                or (_OTHER_STEP.search(step) and not board)):
            continue
        # the rule's act; a word of notice beside the board ("retain a forensic firm and, within ten days, notify the
        # District", "apprise the Board", "announce to the Board"); or the notice named as a noun or given by telephone
        if set(f.actions) & set(rule.duty_actions) or (board and _NOTICE_WORD.search(step)) or (
                not f.actions and _THAT_NOTICE.search(step)):
            return False
    return True


# who owns, said as a state and not a duty: "The LEA is and shall remain the owner of all Student Data"
_OWNER_NAMED = re.compile(r"\b(?:is and )?(?:shall|will) (?:be|remain|continue to be) (?:the )?(?:sole |exclusive |only |sole and "
                          r"exclusive )?(?:owners?|proprietors?) of\b|\b(?:shall|will) (?:continue to )?(?:own|retain (?:all |sole |"
                          r"exclusive )?(?:ownership|title))\b", re.I)
_LAW = {"law", "laws", "legal", "legally", "statute", "court", "regulation", "regulations"}  # the law's own needs
CONFIDENTIAL_ONLY = "it is about Confidential Information, not student data"


# "copies of this Agreement", "a log of the destruction": copies or logs of something other than the data
_COPIES_OF = re.compile(r"\b(copies|copy|backups?|archives?|logs?|records?)\s+of\s+(?:(?:the|its|this|these|their|our|each|any|all|"
                        r"own|such|every)\s+)*(\w+)", re.I)
_DATA_WORDS = {"data", "information", "student", "students", "pupil", "pupils", "records", "pii", "content", "personal"}
_NONE_OF_IT = re.compile(r"\b(?:no|not|without)\s+(?:\w+\s+)?(?:data|information|records|pii)\b", re.I)  # "contain no student data"


def _of_data(kept: str, what: str) -> bool:
    """Whether "<kept> of <what>" holds the data: "copies of student records", "backups of them" (the data
    the duty named), not "copies of this Agreement" or "a log of it" (of the deletion)."""
    what = what.lower()
    return what in _DATA_WORDS or (what in ("it", "them") and kept.lower().startswith(("backup", "archive", "cop")))


_STAYS = {"remain", "remains", "persist", "persists", "survive", "survives"}  # copies that stay, said of the copies


def keeps_back(frame: Frame, rule, quote: str = "") -> str:
    """What ``frame``, a sentence read after a duty in the same paragraph, keeps back from it, in
    the card's words, or "": the contractor (or no one named) keeps one of the rule's ``exceptions``
    (backups, archives, copies, logs) of the data, not for a reason the law allows ("Backup copies may
    be retained for ninety days"). A carve-out needs no "except" when it is a sentence of its own.
    Copies of something else ("copies of this Agreement", "a log of the destruction"), de-identified
    data, data a sentence says is not there, and the board's, a user's or a parent's own copies keep
    nothing back."""
    words = set(frame.words)
    kept = sorted(words & set(rule.exceptions))
    of_other = _COPIES_OF.search(frame.text)
    if (not kept or frame.negated or frame.bound not in ("contractor", "") or words & set(rule.allowed)
            or gone_in_time(frame.text, rule)
            or frame.subject in ("board", "user", "parent", "third party") or frame.data in _OTHER_DATA
            or (of_other and not _of_data(*of_other.groups())) or _NONE_OF_IT.search(frame.text)
            or not ("retain" in frame.actions or words & _STAYS)):
        return ""
    # quoted whole, in the document's words, as a letter to the vendor shows it; a long one to a word
    said = (quote or frame.text).rstrip(" .")
    said = said if len(said) <= 240 else said[:240].rsplit(" ", 1)[0] + " …"
    return f"a later sentence keeps copies of the data: \"{said}\""


def _own_clause(cond: str) -> str:
    """The exception alone, up to the comma that ends it ("unless our business needs require")."""
    return cond.split(",")[0]


def set_aside(frame: Frame, gaps: list[str]) -> str:
    """Why ``frame`` is no term on the provision at all, in the card's words after "does not count", or ""
    when it is one: all it lacks (its ``gaps``) is its reach, another jurisdiction's people, schools or data
    (" for Connecticut: it applies only to EU data"), or it is about a party's business secrets
    ("Confidential Information" glossed as pricing or trade secrets)."""
    if gaps == [f"it applies only to {frame.scope}"] and elsewhere(frame.scope):
        return f" for Connecticut: {gaps[0]}"
    return f": {gaps[0]}" if gaps == ["it is about business information, not student data"] else ""


def mentions(frame: Frame, actions: list[str]) -> bool:
    """True when ``frame`` gives the user or a parent one of ``actions`` (and does not forbid
    it): a right they exercise themselves, which names the topic without a means for the board."""
    return bool(set(frame.actions) & set(actions)) and not frame.negated and frame.bound in ("user", "parent")


def conflict_frame(frame: Frame, spec) -> bool:
    """True when ``frame`` is the conflict ``spec`` (a :class:`generator.models.ConflictFrame`)
    describes: the contractor may or does do one of its actions, to one of its objects, and
    none of its ``unless`` words occurs."""
    if (frame.bound != "contractor" and not (spec.kept_after and frame.bound == "" and frame.subject in ("", "contractor"))
            or frame.negated):
        return False  # (a term that keeps data may name no one: "Backups are retained for 13 months")
    words = set(frame.words)
    if spec.objects and not words & {w.lower() for w in spec.objects}:
        return False
    if words & {w.lower() for w in spec.unless}:
        return False
    return bool(set(frame.actions) & set(spec.actions)) and (not spec.kept_after or kept_too_long(frame, spec))


def frame_doubts(frames: list[Frame], status: str, rule=None) -> list[str]:
    """Why a finding of ``status`` resting on ``frames`` (the frames of its evidence) may be
    wrong, in words: a present finding none of whose sentences states the whole duty of ``rule`` (a
    :class:`generator.models.FrameRule`: one of its ``duty_actions``, by the party it binds,
    nothing missing); a partial finding resting on one sentence that binds the contractor to
    nothing, a mention that the labels may as well call missing. (Measured leave-one-document-out
    on the development set with the candidates of ``benchmarks/confidence_loo.py``.)"""
    if (status == "present" and rule is not None and rule.duty_actions
            and not any(set(f.actions) & set(rule.duty_actions) and not frame_gaps(f, rule) for f in frames)):
        return [f"no sentence it rests on states the whole duty (who must {' or '.join(rule.duty_actions)})"]
    if status == "partial" and len(frames) == 1 and not (frames[0].bound == "contractor" and frames[0].binding):
        return ["it rests on one sentence, which binds the contractor to no duty"]
    return []


def rule_in_words(rule, conflicts=()) -> str:
    """A provision's frame rule (and the conflicts it reads as frames) in words, for
    ``sdpa library --trace``."""
    bound = [b or "no one named" for b in rule.bound]
    parts = [f"bound: {' or '.join('the ' + b if b != 'no one named' else b for b in bound)}",
             "binding (shall, will, must, agrees, is responsible for; for the contractor not may, can, reserves the right, "
             "endeavours; for anyone not an aim or a striving, except to protect)",
             "not a pointer to another text nor a disclaimer, not the user's own control, no narrower scope (adults, "
             "one programme or offering; a term for another state's or country's people or data does not count at all), "
             "not refused (\"shall not protect\"), no hedge before or after the verb, and not the board acting on its "
             "own copies"]
    if rule.about_data and rule.other_data:
        parts.append("data: student data or data in general (not de-identified, cookie, payment or account data, "
                     "nor Confidential Information, nor data from one source such as a sign-in partner; a party's "
                     "business secrets do not count at all)")
    if rule.beneficiary:
        parts.append(f"owed to: the {' or the '.join(rule.beneficiary)}")
    for group in rule.needs:
        parts.append(f"names one of: {', '.join(group)}")
    if rule.after_end:
        parts.append("no time for which data is kept after the contract ends")
    if rule.timed:
        parts.append("a time stated is the time of that act for them, not of another step")
    if rule.gone_within:
        parts.append(f"copies said to be deleted or overwritten within {rule.gone_within} days are not kept")
    text = "Frame: " + "; ".join(parts) + ". A frame lacking one of these makes it partial at most."
    if rule.duty_actions:
        text += (f" Present with high confidence only when a sentence states the whole duty: "
                 f"{' or '.join(rule.duty_actions)}, within {VERB_REACH} words of its modal; a promise only to certify or "
                 f"confirm the act (\"will certify the deletion\") is not it.")
    if rule.topic:
        text += f" A sentence counts only when it names {' or '.join(rule.topic)} as a whole word (not a stem inside another word)."
    if rule.finds:
        text += (f" A complete binding frame of the contractor ({' or '.join(rule.duty_actions)} student data) makes it "
                 "present even when no pattern matched.")
    if rule.mentions:
        text += f" A user's or parent's own right to {' / '.join(rule.mentions)} makes it partial, not missing."
    for c in conflicts:
        if c.frame is not None:
            objects = f" {' / '.join(c.frame.objects)}" if c.frame.objects else ""
            unless = f", unless it says {', '.join(c.frame.unless)}" if c.frame.unless else ""
            kept = (f", keeping the data more than {c.frame.kept_after} days past the end (or on backups), more than a "
                    f"year, or for a time it chooses" if c.frame.kept_after else "")
            text += (f" Conflict ({c.kind}) as a frame: the contractor may {' / '.join(c.frame.actions)}{objects}{kept}"
                     f"{unless}.")
    return text
