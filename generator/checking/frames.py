"""Duty frames: a sentence read as who is bound, how, to do what, with which data, for whom,
when, where and on what condition.

The check's patterns find where a topic is talked about; a frame says whether what is said is a
duty the board can hold the contractor to. Words are compared whole (a token's lower-case form
against a list of forms), never as stems inside other words: "familiarize" is not "family",
"account holders" holds nothing.

    frame = read_frame("The Provider shall delete student data within 30 days of a request.")
    frame.bound == "contractor"; frame.binding is True; "delete" in frame.actions
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from generator.checking.data_kinds import data_kind
from generator.checking.periods import UNIT_DAYS, periods
from generator.checking.scopes import plain_idioms, plain_words, scope_of

_WORD = re.compile(r"[A-Za-z](?:[A-Za-z'’]|-(?=[A-Za-z]))*|\d+(?:\.\d+)?")  # "de-identified" is one word

# who a sentence binds: the word that stands before its modal verb
CONTRACTOR_WORDS = {"we", "provider", "vendor", "contractor", "company", "operator", "processor",
                    "licensor", "supplier", "us"}
BOARD_WORDS = {"board", "district", "school", "schools", "lea", "agency", "customer", "institution", "controller",
               "superintendent", "licensee", "subscriber", "client"}
_USER = {"you", "user", "users", "student", "students", "teacher", "teachers", "instructor", "instructors", "member", "members",
         "test-taker", "test-takers", "candidate", "candidates", "learner", "learners", "patron", "patrons", "cardholder",
         "cardholders", "rider", "riders", "individual", "individuals", "holder", "holders"}
_PARENT = {"parent", "parents", "guardian", "guardians", "family", "families"}
_OPENS = {"while", "although", "though", "whereas", "if", "when", "whenever", "where", "unless", "once", "after", "until"}
# a company's legal form: a role word before it is part of the company's name ("Tutor Co.", "Parent Square Inc.")
_COMPANY = {"co", "inc", "llc", "ltd", "corp", "corporation", "incorporated", "plc", "llp", "lp", "gmbh", "pbc"}
_THIRD = {"third", "third-party", "providers", "partner", "partners", "advertiser", "advertisers", "affiliate", "affiliates",
          "subprocessor", "subprocessors", "vendors", "tutor", "tutors", "publisher", "publishers", "sponsor", "sponsors",
          "reseller", "resellers", "distributor", "distributors", "subcontractor", "subcontractors"}

_BINDING, _HOLDS = {"shall", "will", "must", "agrees", "agree", "commits", "undertakes", "warrants"}, {"has", "retains", "keeps", "holds"}
_ONLY, _SAVE = {"only", "solely", "exclusively"}, {"other", "except", "but", "beyond", "save"}  # "for no purpose other than": like "only"
# "... for these purposes and no others", "may be used in the work of Attachment B, and for no other purpose": closed
_CLOSED = [["no", "other", w] for w in ("purpose", "purposes", "use", "uses", "reason", "reasons", "way", "manner")]
# "are required to", "remains accountable for": binding on whoever is named before them
_REQUIRED, _BE, ANSWER_WORDS = {"required", "obligated", "obliged", "bound"}, {"is", "are", "be"}, {"responsible", "accountable", "answerable"}
# between a binding modal and its verb they promise an effort, not the act; "do not intend to" an intention
_SOFT = {"endeavour", "endeavor", "try", "attempt", "attempts", "strive", "strives", "aim", "seek", "hope", "intend", "intends", "plan",
         "plans", "expect", "expects", "anticipate", "anticipates"}
_EFFORT = {"endeavours", "endeavors", "endeavour", "endeavor", "aims", "aim", "strives", "strive", "tries", "try", "seeks", "seek", "hopes"}
# "should" advises: "the Vendor should encrypt" binds it to nothing; "if the Vendor should discover" is a condition
_PERMISSIVE, _IF = {"may", "can", "might", "could", "should", "reserves", "reserve"} | _EFFORT, {"if", "where", "when", "unless", "event"}
_MODALS = _BINDING | _PERMISSIVE | ANSWER_WORDS | _REQUIRED
# before "aim", "aims", "hopes", "tries": a noun ("for other aims than", "its main aim"), not an effort promised
_NOUN_BEFORE = {"the", "a", "an", "other", "its", "our", "their", "these", "those", "such", "any", "main", "stated", "whose"}
# verbs that introduce what someone agrees to: "agrees that", "acknowledges and agrees that"
_ASSENT = {"agree", "agrees", "acknowledge", "acknowledges", "understand", "understands", "accept",
           "accepts", "consent", "consents", "recognize", "recognizes", "recognise", "recognises"}
_NEGATION = {"not", "never", "no", "neither", "nor", "cannot", "won't", "won’t", "shan't"}
# words that may stand between the modal and the action ("will promptly and securely delete")
_FILLER = {"promptly", "securely", "also", "only", "immediately", "reasonably", "commercially",
           "reasonable", "efforts", "efforts", "to", "be", "the", "right", "in", "its", "our", "their",
           "sole", "discretion", "at", "any", "time", "and", "or", "further", "from", "permanently",
           "otherwise", "thereafter", "then", "always", "continue",
           # "take all appropriate measures to ensure ...": the means, before the verb that matters
           "take", "all", "appropriate", "necessary", "measures", "steps", "precautions", "ensure"}

# action families: every form a word of the family takes, matched whole
_ACTIONS = {
    "delete": "delete deletes deleted deleting deletion destroy destroys destroyed destroying destruction "
              "erase erases erased erasing erasure purge purges purged purging dispose disposes disposed "
              "disposal remove removes removed removing removal wipe wipes wiped wiping shred shreds shredded rid "
              "expunge expunges expunged expunging eliminate eliminates eliminated eliminating",
    "return": "return returns returned returning transfer transfers export exports",
    "correct": "correct corrects corrected correcting correction update updates amend amends rectify fix fixes fixed "
               "fixing challenge challenges",
    "review": "review reviews reviewed reviewing access accesses inspect inspects see view views examine examines",
    "protect": "protect protects protected protecting safeguard safeguards secure secures maintain "
               "maintains implement implements encrypt encrypts encrypted encryption",
    "notify": "notify notifies notified notifying notice inform informs informed tell tells told advise advises "
              "advised alert alerts alerted report reports reported reporting email emails emailed emailing "
              "e-mail e-mails e-mailed warn warns warned warning apprise apprises apprised",
    "retain": "retain retains retained retaining retention keep keeps kept store stores stored hold holds held holding",
    "use": "use uses used using process processes processed",
    "sell": "sell sells sold selling rent rents",
    "advertise": "advertise advertises advertising advertisement advertisements ads ad market marketing",
    "share": "share shares shared sharing disclose discloses disclosed disclosing",
    "change": "change changes changed changing modify modifies modified amend amended revise revises "
              "revised replace vary varies varied",
    "comply": "comply complies complied complying compliance observe observes abide abides adhere adheres",
    "attest":  # to vouch that an act was done: "will certify the deletion" promises the certificate, not the deletion
              "certify certifies certified certifying attest attests attested attesting confirm confirms",
}
# "use" is the action when data follows ("shall not use any information"), not before a means ("use encryption to")
_USED = {"data", "information", "records", "record", "content", "pii"}


def _uses_data(following: list[str]) -> bool:
    return bool(_USED & set(following))


#: how many words that are neither fillers nor a list may stand between the modal and the first
#: verb of an action family ("shall make available procedures by which parents may review": make,
#: available, procedures, by, which, parents — the review is not what the modal governs).
#: Chosen leave-one-document-out on the development set (benchmarks/confidence_loo.py).
VERB_REACH = 6
# "ensure the security of ...": a duty to protect
_KEPT_SAFE = {"security", "confidentiality", "integrity", "protection", "safety"}
_ITEM = re.compile(r"[;:]\s*(?:and |or )?\((?:[a-h]|[ivx]{1,4}|\d{1,2})\)\s*([A-Za-z]+)")
_SAFE = {"secure", "safe", "confidential", "protected"}  # "keep learner information secure": protect it
_FAMILY = {form: family for family, forms in _ACTIONS.items() for form in forms.split()}
_DEED = ("tion", "sion", "ure", "al")  # an act named as a noun: deletion, destruction, erasure, disposal, removal

_CONDITION = re.compile(r"\b(?:unless|except|excluding|to the extent|subject to|provided,? (?:however,? )?that|other than|save for|"
                        r"save that|apart from|with the exception of)\b[^.;]*"
                        # a carve-out joined by "but": "... but may keep copies in its backups"
                        # or by "although": "... although archived copies may remain"
                        r"|\b(?:but|although|though|however|while),? (?:\w+ ){0,5}?(?:retain|retains|retained|keep|keeps|"
                        r"kept|store|stores|stored|preserve|preserves|remain|remains|persist|persists)\b[^.;]*"
                        # or by "and may": "... and may keep a copy for its records"
                        r"|\band (?:may|can|will|shall) (?:also )?(?:retain|keep|store|preserve|hold)\b[^.;]*"
                        r"|,\s*(?:retaining|keeping|preserving|storing)\s+(?!no\b|none\b|nothing\b)[^.;]*"
                        # a clause of its own about copies that stay: "...; backup copies are overwritten
                        # on a 12-month cycle"
                        r"|[;,]\s*(?:[\w-]+\s+){0,5}?(?:backup|backups|archived|archival|archive|residual)\s+(?:\w+\s+){0,3}?"
                        r"(?:remain|remains|persist|persists|kept|retained|overwritten|rotated|cycled|expire|expires)\b[^.;]*",
                        re.I)
_SELF_SERVICE = re.compile(r"\b(?:your|their|his or her) (?:own )?(?:browser|device|settings|account settings)\b"
                           r"|\b(?:browser|device) settings\b|\bclear(?:ing)? (?:your |their )?cookies\b", re.I)
_AFTER_END = re.compile(r"\b(?:after|following|beyond|from|of)\s+(?:the\s+)?(?:termination|expiration|expiry|end)\b"
                        r"|\bafter (?:the )?(?:contract|agreement|subscription|service) (?:ends|expires|terminates)\b", re.I)
_BENEFICIARY = [
    ("board", re.compile(r"\b(?:to|notify|inform|tell|advise|alert|let|for|with|by|of|and|you,)\s+(?:the\s+)?(?:board|district|school|lea|"
                         r"agency|customer|institution|controller|licensee|subscriber)\b|\b(?:board|district|school|customer)'s\b", re.I)),
    ("parent", re.compile(r"\b(?:notify|inform|tell|advise|alert|let|to|for)\s+(?:each\s+|all\s+|the\s+|any\s+)?(?:affected\s+)?(?:parents?|guardians?)\b", re.I)),
    ("user", re.compile(r"\b(?:notify|inform|tell|advise|alert|let|contact|email)\s+(?:each\s+|all\s+|the\s+|any\s+)?(?:affected\s+)?"
                        r"(?:you|users?|individuals?|persons?|people|account holders)\b"
                        r"|\b(?:to|for)\s+(?:you|users?|the user)\b", re.I)),
]
# a letter or a promise addressed to the school ("Dear District:", "our promise to your district"): "you" is the board
_TO_SCHOOL = re.compile(r"\bdear (?:\w+ ){0,2}?(?:district|board|school|superintendent|customer|lea)\b|\byour (?:school )?(?:district|"
                        r"school|board|lea|agency|institution)\b|\byou,? the (?:district|board|school|lea|customer|agency)\b", re.I)
_POINTER = re.compile(r"^\W*(?:please\s+)?(?:read|review|see|visit|refer to|consult|check|click|learn)\b"
                      r"|\bto (?:learn|find out|read|understand) (?:more )?(?:about )?(?:how|what|about)\b|\b(?:are|is) described (?:in|under)\b"
                      r"|\bfor more (?:information|details)\b"
                      # "Parents who wish to review ... should consult the District's annual notice": sent elsewhere
                      r"|\b(?:should|may|can|must)\s+(?:consult|see|read|refer to|visit|check)\s+(?:the|our|its|their|your)\b"
                      r"[^.;]{0,60}?\b(?:notice|policy|policies|page|website|site|statement|faq|handbook)\b"
                      # "Information about how we secure data is available on request"
                      r"|^\W*(?:information|details|more) (?:about|on|regarding) (?:how|what|our)\b"
                      r"|\b(?:is|are) available (?:on|upon) request\b"
                      r"|\b(?:explains|describes|summari[sz]es|outlines)\s+(?:how|what|our)\b", re.I)

# a hedge makes a duty a practice ("generally does not use", "where practicable, will inform"); "as soon as practicable" is a time
_HEDGE = re.compile(r"\b(?:generally|typically|usually|normally|ordinarily|in most cases|where (?:practicable|practical|"
                    r"possible|feasible)|if (?:practicable|practical|possible|feasible)|when (?:practicable|practical|possible|"
                    r"feasible)|as far as (?:practicable|possible|feasible)|whenever (?:practicable|possible|feasible))\b", re.I)

# "X does not warrant (guarantee, promise) that ...": what follows is disclaimed, not owed
_DISCLAIMER = re.compile(r"\b(?:not|no|neither|nor|cannot|can't)\s+(?:\w+\s+)?(?:warrant|warrants|guarantee|guarantees|promise|"
                         r"promises|represent|represents)\s+(?:\w+\s+){0,3}?that\b"
                         r"|\b(?:makes?|gives?) no (?:warranty|warranties|guarantee|guarantees|representation)"
                         r"|\b(?:cannot|can't|not)\s+(?:\w+\s+)?(?:guarantee|warrant|ensure)\s+(?:the\s+)?(?:absolute\s+)?security\b", re.I)

# the contractor states that it owes nothing: "Vendor takes on no obligation here", "we assume no responsibility"
_NO_DUTY = re.compile(r"\b(?:vendor|provider|contractor|company|operator|processor|supplier|we)\s+(?:\w+\s+){0,2}?(?:takes? on|"
                      r"assumes?|accepts?|has|have|bears?|undertakes?) no (?:\w+ )?(?:obligations?|responsibility|duty|duties)\b", re.I)

# after the verb, the same hedge, or the contractor's judgment of what is reasonable ("shall encrypt
# student data when feasible", "to the extent commercially reasonable"); one a firm limit follows
# ("when feasible, but no later than 72 hours") or that only hastens it ("and sooner if possible") qualifies a detail
_HEDGE_AFTER = re.compile(_HEDGE.pattern[:-3] + r"|(?:to the extent|where|when|if) (?:it is |is )?(?:commercially |"
                          r"technically |reasonably )*(?:reasonable|practicable|practical|feasible|possible))\b", re.I)
_FIRM = re.compile(r"^\W*(?:but|and in any (?:event|case)|provided that)?\W*(?:in any (?:event|case) )?(?:no later than|at most|"
                   r"within|at the latest)\b|^\W*(?:but|and) (?:not|no) ", re.I)


def _hedge(text: str, verb_at: int) -> str:
    """The hedge of the verb the duty rests on, or "": one before it, or one after it in its own
    clause that no firm limit follows and that does not only hasten the act ("and sooner if possible")."""
    m = _HEDGE.search(text)
    if m is not None and m.start() < verb_at:
        return m.group(0)
    end = min([len(text), verb_at + 100] + [i for c in ":;(" if (i := text.find(c, verb_at)) >= 0])
    for m in _HEDGE_AFTER.finditer(text, verb_at, end):  # in the verb's own clause, not a detail of a list
        if not _FIRM.search(text[m.end():m.end() + 40]) and not re.search(
                r"\b(?:sooner|earlier|faster|more|also|even)\W+$", text[max(0, m.start() - 12):m.start()], re.I):
            return m.group(0)
    return ""


def _disclaims(text: str, verb_at: int, bound_by_modal: bool) -> bool:
    """Whether a disclaimer stands before the verb the duty rests on ("does not warrant that the
    service will be secure"), or the contractor takes on no duty in a sentence that binds it to none
    ("... is the District's job, and Vendor takes on no obligation"); a disclaimer after a binding
    verb ("shall protect ...; does not warrant that ... uninterrupted", "shall notify the District
    ..., and has no further obligation to notify parents") leaves the duty whole."""
    m, none = _DISCLAIMER.search(text), _NO_DUTY.search(text)
    return (m is not None and m.start() < verb_at) or (none is not None and (none.start() < verb_at or not bound_by_modal))


@dataclass(frozen=True)
class Frame:
    """What one sentence binds someone to. ``bound``: contractor, board, user, parent, third
    party or "" (no one named); ``binding``: True for shall/will/must/agrees, False for
    may/can/reserves the right/endeavours/aims, None when no modal is used (a statement in the
    present tense); ``negated`` when the duty is not to act; ``actions``: the action families
    (delete, notify, ...) the modal governs, a list of verbs included; ``data``: the kind of
    data named ("student", "de-identified data", "cookie data", ... or "" for data in general);
    ``beneficiary``: to or for whom (board, parent, user, several joined by ", ", or ""); ``when``: the times attached,
    in days; ``after_end``: a time runs after the contract ends; ``scope``: a narrower reach
    ("EU data", "users in California", "adults", "one programme") or ""; ``conditions``: the
    unless/except/subject-to clauses; ``self_service``: the user's own controls (browser,
    settings), not a means the board has."""

    text: str
    bound: str = ""
    binding: bool | None = None
    negated: bool = False
    actions: tuple[str, ...] = ()
    data: str = ""
    beneficiary: str = ""
    when: tuple[float, ...] = ()
    after_end: bool = False
    scope: str = ""
    conditions: tuple[str, ...] = ()
    self_service: bool = False
    subject: str = ""  # the party the sentence opens with, whoever it is ("Account holders ...": user)
    pointer: bool = False  # it points the reader elsewhere ("please review this policy to learn how ...")
    disclaimed: bool = False  # it disclaims what follows ("does not warrant that the service will be secure")
    hedged: str = ""  # the hedge that makes it a practice, not a duty ("generally", "where practicable")
    effort: bool = False  # an effort or an aim is promised, not the act ("aims to inform", "will endeavour to")
    refused: bool = False  # a negation, not "only", follows the modal: "shall not protect" refuses the act
    direct: bool = False  # the bound party does the act itself ("the District will delete"), asks no one to
    words: tuple[str, ...] = field(default=(), repr=False)

    def describe(self) -> str:
        """The frame in words, for ``sdpa library --trace`` and the cards."""
        how = {True: "must", False: "may", None: "(no modal)"}[self.binding]
        parts = [f"{self.bound or 'no one named'} {how}{' not' if self.negated else ''}",
                 " / ".join(self.actions) or "(no action)", self.data or "data in general"]
        parts += [f"for the {self.beneficiary}"] if self.beneficiary else []
        parts += [f"within {min(self.when):g} days{' after the end' if self.after_end else ''}"] if self.when else []
        parts += [f"only {self.scope}"] if self.scope else []
        parts += ["; ".join(c[:40] for c in self.conditions)] if self.conditions else []
        return ", ".join(parts)


_PARTIES = (("contractor", CONTRACTOR_WORDS), ("board", BOARD_WORDS), ("parent", _PARENT), ("user", _USER), ("third party", _THIRD))
DATA_NOUNS = {"data", "information", "info", "records", "record", "content", "account", "accounts",
               "privacy", "pii", "personal", "files", "work", "rights", "right"}


def party_of(word: str, following: str = "") -> str:
    """The party ``word`` names, or "" — none when the next word makes it a modifier
    ("student data", "user content") or the word is a noun in another role."""
    if following in DATA_NOUNS or (following == "'s"):
        return ""
    return next((party for party, names in _PARTIES if word in names), "")


def _also_bound(words: list[str], after: int) -> str:
    """ "contractor" when a later clause binds the parties to the same act ("..., and the Parties will ensure"), else "board"."""
    acts = {action_of(w) for w in words[after:after + 10]} - {None}
    for k in range(after, len(words) - 2):
        if words[k - 2:k + 1] == ["and", "the", "parties"] and words[k + 1] in _BINDING \
                and acts & {action_of(w) for w in words[k + 2:k + 10]}:
            return "contractor"
    return "board"


@lru_cache(maxsize=4096)  # a sentence is read by several provisions' rules
def read_frame(text: str, reach: int = VERB_REACH) -> Frame:
    """The duty frame of one sentence (a list item read with its lead-in); ``reach``: see
    :data:`VERB_REACH`. Never raises; a sentence without a modal or an actor gives a frame with
    those elements empty; an informal sentence is read as its formal twin ("we'll" as "we will")."""
    original, text = text, plain_idioms(plain_words(text))
    tokens = list(_WORD.finditer(text))
    words = [m.group(0).lower().replace("’", "'") for m in tokens]
    bound, binding, negated, start, effort, refused, direct = "", None, False, None, False, False, False
    # "You agree that we may ...", "The Provider acknowledges that it will ...": the duty is the clause
    # after "that", where the one who agrees stands for "it"/"they"
    lead, agreeing = 0, ""
    for a, w in enumerate(words[:8]):
        if w in _ASSENT and "that" in words[a + 1:a + 3]:
            lead = words.index("that", a + 1) + 1
            agreeing = next((who for j in range(a - 1, max(-1, a - 4), -1)
                             if (who := party_of(words[j], words[j + 1]))), "")
            break
    # "While the School remains responsible for ..., the Vendor shall ...": an opening clause binds no one when the
    # main clause has a modal; its party stands for "it" there ("If the Vendor must disclose ..., it shall notify")
    comma = text.find(",")
    main = next((k for k, m in enumerate(tokens) if m.start() > comma), 0) if comma > 0 and words[:1] and words[0] in _OPENS else 0
    if not lead and main and _MODALS & set(words[:main]) and _MODALS & set(words[main:]):
        lead, agreeing = main, next((who for j in range(1, main) if (who := party_of(words[j], words[j + 1]))), "")
    for i, w in enumerate(words):
        if i < lead:
            continue
        # "are required to", "is responsible for": binding on whoever is named before it
        required = ((w in _REQUIRED and words[i + 1:i + 2] == ["to"]) or (w in ANSWER_WORDS and words[i + 1:i + 2] == ["for"])) \
            and (_BE | {"remain", "remains"}) & set(words[max(0, i - 3):i])
        if (w in _BINDING or w in _PERMISSIVE or required or (w in _HOLDS and words[i + 1:i + 3] == ["the", "right"])) \
                and not {"which", "who", "whom", "whose", "what"} & set(words[max(lead, i - 3):i]) \
                and not (w in _EFFORT and words[i - 1:i] and words[i - 1] in _NOUN_BEFORE) \
                and not (w == "should" and (i == lead or any(words[m] in _IF and "," not in text[tokens[m].end():tokens[i].start()]
                                                             for m in range(max(lead, i - 6), i)))):  # "which a pupil could"; "other aims"
            # the actor: the nearest named party among the words before the modal, within its
            # own clause ("by the LEA, DailyWins will": DailyWins, not the LEA)
            before = text[:tokens[i].start()]
            cut = max(before.rfind(c) for c in ",;:()")
            j = i - 1
            while j >= max(0, i - 4) and tokens[j].start() > cut:
                who = party_of(words[j], words[j + 1] if j + 1 < i else "")
                if words[j] in _COMPANY or (who and _COMPANY & set(words[j + 1:i])):
                    # a company named as the one bound ("Acme Learning Co. may", "Tutor Co. will"): the contractor,
                    # not the role a word of its name names
                    who = "contractor"
                if who and "by" not in words[max(0, j - 2):j]:  # not the agent of "records held by Vendor"
                    bound = who
                    break
                if words[j] in ("and", "or"):
                    break
                j -= 1
            if bound and bound != "contractor" and "and" in words[max(0, j - 2):j]:
                # "the Contractor and the Board shall": the contractor is bound as well
                k = words.index("and", max(0, j - 2), j)
                if any(party_of(words[m], words[m + 1]) == "contractor" for m in range(max(0, k - 3), k)
                       if tokens[m].start() > cut):
                    bound = "contractor"
            if bound == "third party" and any(party_of(words[m], words[m + 1]) == "contractor" and words[m + 1] in ("its", "and")
                                              for m in range(max(lead, i - 8), i)):
                bound = "contractor"  # "the Vendor, its agents and subcontractors shall": a list the contractor heads
            if not bound and lead and words[lead:lead + 1] in (["it"], ["they"]):
                bound = agreeing
            if words[i + 1:i + 2] == ["be"] and "by" in words[i + 3:i + 5]:
                # "the District shall be notified by the Contractor": the agent is bound
                k = words.index("by", i + 3) + 1
                k += words[k:k + 1] in (["the"], ["its"], ["a"])
                bound = (k + 1 < len(words) and party_of(words[k], words[k + 1])) or bound
            # a user who agrees is not bound to anything the board can enforce
            binding = (w in _BINDING or bool(required)) and not (w == "agree" and bound in ("user", "parent"))
            if w in ("reserves", "reserve") or w in _HOLDS:
                binding = False
            # "may only use": a restriction, as binding as "shall not"
            negated = any(x in _NEGATION or x == "only" for x in words[i + 1:i + 3]) or w in ("cannot",) \
                or (words[lead:lead + 1] == ["no"] and i - lead <= 5)  # "No student records may be kept": none may
            refused = any(x in _NEGATION for x in words[i + 1:i + 3]) or w in ("cannot",) \
                or bool(required and _NEGATION & set(words[max(0, i - 2):i]))  # "is not required to notify"
            negated = negated or refused
            start = i + 1
            effort = w in _EFFORT
            if bound == "board" and binding:
                # "The District will work with the Provider ..., and the Parties will jointly ensure ...": both bound
                bound = _also_bound(words, start)
            break
    aimed = next((i + 2 for i, w in enumerate(words[:10]) if w in _BE | {"was", "were"}
                  and words[i + 1:i + 3] in (["designed", "to"], ["intended", "to"], ["meant", "to"], ["designed", "with"],
                                             ["built", "with"])), None)
    # "Our practices are designed to meet FERPA", "is designed with FERPA in mind and can help": an aim, not a
    # duty; a "shall" after the aim ("designed with privacy in mind, and the Vendor shall delete ...") stays one
    if aimed is not None and (start is None or (aimed < start and binding is False)):
        binding, effort, start = False, True, aimed + 1
    if start is None:  # "The Provider deletes ...": a statement of fact, no modal; its subject opens it
        for i, w in enumerate(words[:3]):
            if w in ("the", "a", "an", "our", "its"):
                continue
            # only the contractor is read from a sentence without a modal: its first words may be a lead-in about another
            if party_of(w, words[i + 1] if i + 1 < len(words) else "") == "contractor":
                bound = "contractor"
            start = i + 1
            # "we only use ...": a restriction, not a permission
            negated = start < len(words) and (words[start] == "only" or words[start] in _NEGATION)
            refused = start < len(words) and words[start] in _NEGATION
            break
    actions: list[str] = []
    verb_at = len(text)  # where the first verb of an action stands
    if start is not None:
        # the verbs the modal governs: skip fillers ("promptly", "the right, in our sole
        # discretion, to") and collect a list ("see, correct, update or delete")
        unknown = 0  # words before the first verb that are neither fillers nor listed
        for k in range(start, min(len(words), start + 16)):
            w = words[k]
            if w in _NEGATION or w in _FILLER or (w in ("use", "uses", "using") and not _uses_data(words[k + 1:k + 5])):
                continue
            fam = ("protect" if w in ("keep", "keeps") and _SAFE & set(words[k + 1:k + 6]) else None) \
                or _FAMILY.get(w) or ("protect" if w in _KEPT_SAFE and "ensure" in words[k - 2:k] else None) \
                or ("notify" if w == "let" and "know" in words[k + 2:k + 6] else None)  # "let the District know"
            if fam is None:
                # an unknown word inside a list of verbs ("view, export, print or delete") is
                # skipped; anywhere else it ends what the modal governs
                after = text[tokens[k].end():tokens[k + 1].start()] if k + 1 < len(words) else ""
                listed = "," in after or (k + 1 < len(words) and words[k + 1] in ("or", "and"))
                if actions and actions != ["attest"] and not listed:
                    break  # (after "confirm", what is confirmed may precede the act: "confirm receipt and delete")
                unknown += not actions and not listed
                if unknown > reach:
                    break
                continue
            if actions[-1:] == ["attest"] and fam != "attest" and w.endswith(_DEED):
                continue  # "certify the deletion": the act vouched for, named as a noun, is not done by this duty
            if fam not in actions:
                direct = direct or (not actions and not unknown)
                verb_at = verb_at if actions else tokens[k].start()
                actions.append(fam)
        # "shall: (a) store ...; (b) encrypt ...": each lettered item's first verb is governed too
        for item in _ITEM.finditer(text, tokens[start - 1].end()):
            fam = _FAMILY.get(item.group(1).lower())
            if fam and fam not in actions:
                actions.append(fam)
        if binding is False and not negated and not effort and actions and (
                _ONLY & set(words[start:start + 6]) or ("no" in words[start:start + 6] and _SAVE & set(words[start:start + 9]))
                or any(words[k:k + 2] == ["no", "others"] or words[k:k + 3] in _CLOSED for k in range(start, len(words)))):
            negated = True  # "may use student records only as needed to ...", "for no purpose other than": a restriction
        # "will endeavour to return", "shall try to notify", "will use reasonable efforts to notify": an effort, not the
        # act, is promised (best efforts, and efforts to protect, stay duties: security is itself a duty of effort)
        eff = words.index("efforts", start) if "efforts" in words[start:start + 4] else -1  # the verb the efforts govern
        if binding is not False and actions and not (binding and negated) and (_SOFT & set(words[start:start + 4]) or (
                eff > 0 and "best" not in words[start:eff] and _FAMILY.get(" ".join(words[eff + 2:eff + 3])) == actions[0] != "protect")):
            binding, effort = False, True
    subject = ""
    for i, w in enumerate(words[:4]):
        if w in ("the", "a", "an", "our", "its", "your", "their", "any", "all"):
            continue
        following = words[i + 1] if i + 1 < len(words) else ""
        subject = party_of(w, following) or (party_of(following) if following in ("holders", "owners") else "")
        if _COMPANY & set(words[i + 1:i + 4]):
            subject = ""  # a company's name ("Parent Square Co."), not the role its first word names
        break
    if not bound and binding is not None and not lead and subject in ("user", "parent", "third party", "board"):
        bound = subject  # "Tutors listed on the Marketplace agree to ...": the party the sentence opens with
    data = data_kind(text)
    owed = [who for who, rx in _BENEFICIARY if rx.search(text)]  # "board, user": both
    if "user" in owed and _TO_SCHOOL.search(text):  # "we will notify you", written to the district
        owed = list(dict.fromkeys("board" if who == "user" else who for who in owed))
    beneficiary = ", ".join(owed)
    when = tuple(p.amount * UNIT_DAYS[p.unit] for p in periods(text))  # calendar or business: as written
    scope = scope_of(text)
    return Frame(text=original, bound=bound, binding=binding, negated=negated, actions=tuple(actions), data=data,
                 beneficiary=beneficiary, when=when, after_end=bool(_AFTER_END.search(text)), scope=scope,
                 conditions=tuple(c.group(0).strip() for c in _CONDITION.finditer(text)),
                 self_service=bool(_SELF_SERVICE.search(text)), subject=subject,
                 pointer=bool(_POINTER.search(text)), disclaimed=_disclaims(text, verb_at, binding is True),
                 hedged=_hedge(text, verb_at), effort=effort, refused=refused, direct=direct, words=tuple(words))


def words_of(text: str) -> set[str]:
    """The whole words of ``text`` in lower case, as a frame reads them ("de-identified" is one)."""
    return {w.lower() for w in _WORD.findall(text)}


def action_of(word: str, verb: bool = False) -> str | None:
    """The action family a lower-case word is a form of ("deleting": delete), or None; with ``verb``, None for the act
    named as a noun ("deletion")."""
    return None if verb and word.endswith(_DEED) else _FAMILY.get(word)


def has_word(text: str, forms: set[str] | frozenset[str]) -> bool:
    """True when one of ``forms`` occurs in ``text`` as a whole word (case-insensitive)."""
    return any(w.lower() in forms for w in _WORD.findall(text))


def could_conflict(text: str, spec) -> bool:
    """False when the words of ``text`` already rule out the conflict ``spec`` (a ``ConflictFrame``): none of
    its ``objects`` is named, or one of its ``unless`` words is; :func:`conflict_frame` of the sentence's frame
    is then False too, so the frame need not be read (its words are compared the same way)."""
    words = _frame_words(text)
    if spec.objects and not words & {w.lower() for w in spec.objects}:
        return False
    return not words & {w.lower() for w in spec.unless}


@lru_cache(maxsize=4096)  # as read_frame: a sentence is looked at by several conflicts, and again
def _frame_words(text: str) -> frozenset[str]:
    return frozenset(w.lower().replace("’", "'") for w in _WORD.findall(text))


def forget_frames() -> None:
    """Empty the frames and words kept by sentence text (see ``engine.forget_texts``)."""
    read_frame.cache_clear()
    word_set.cache_clear()
    _frame_words.cache_clear()


@lru_cache(maxsize=64)
def action_forms(actions: tuple[str, ...]) -> frozenset[str]:
    """Every form of ``actions`` (lower case): a text names one as a whole word when one of
    :func:`word_set`'s words is among them."""
    return frozenset(f.lower() for a in actions for f in _ACTIONS.get(a, a).split())


_RUN = re.compile(r"\w+")


@lru_cache(maxsize=4096)  # as read_frame: a document checked again is not read again
def word_set(text: str) -> frozenset[str]:
    """The words of ``text`` in lower case, cut wherever a regular expression's ``\\b`` would cut
    ("re-use" gives "re" and "use")."""
    return frozenset(_RUN.findall(text.lower()))
