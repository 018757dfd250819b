"""How one sentence of an operator's terms bears on a restriction of the policy: a commitment
not to do it (with the exceptions it makes), a permission to do it, a transfer of the business
(its successor bound or not), or nothing. Each sentence is read as a duty frame
(``frames.py``): who is bound, whether it is negated, what data; the restriction's words come
from ``clauses/operators.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from generator.checking.frames import Frame, read_frame
from generator.checking.operators_trace import rules_in_words as rules_in_words  # where `sdpa library --trace` finds it
from generator.vetting import OperatorRule, OperatorRules

_NEGATION = {"not", "never", "no", "neither", "nor", "cannot", "won't", "don't", "doesn't", "didn't",
             "shan't", "nothing"}
# a negation of responsibility, not of the act ("we are not responsible for any disclosure by ...")
_DISCLAIMS = {"responsible", "liable", "liability", "guarantee", "guarantees", "warrant", "control", "endorse"}
_SCHOOL_PARTY = {"school", "schools", "district", "districts", "lea", "institution", "agency", "customer", "teacher"}
# the user's own act of sharing ("when you share content"), or information about no one
_USERS_ACT = re.compile(r"\b(?:you|users?|students?) (?:\w+ )?(?:share|shares|post|posts|publish|choose|chooses|make)\b"
                        r"|\bat the (?:sole )?discretion of (?:the |each )?(?:student|user|parent|member|account holder)s?\b",
                        re.I)
_NO_ONE = {"non-personal", "nonpersonal", "non-identifying"}
# a promise about some recipients only ("never to data brokers"), or only the content users post
_SOME_RECIPIENTS = {"brokers", "marketers", "advertisers", "marketing", "advertising"}
_ALL_RECIPIENTS = {"third", "anyone", "parties", "others", "any", "outside"}
# a promise that opens with the user's condition ("if you turn on ...", "when your browser sends a signal")
_CONDITIONAL = re.compile(r"^\W*(?:for example:?\s*)?(?:if|when|where)\b[^,;]{0,80}?\b(?:you|your|users?|signal|signals|"
                          r"setting|settings|preference|preferences)\b", re.I)
_ANSWERS_FOR = {"indemnify", "indemnifies", "indemnification", "indemnity", "responsible", "responsibility", "assumes"}
# the school party named with its short name in parentheses just after it
_SCHOOL_DEFINED = re.compile(r"\b(?:school district|school board|board of education|public schools|school|district|"
                             r"education(?:al)? agency|lea)\s*\(([^()]{1,120})\)", re.I)
_QUOTED = re.compile(r"[\"“”']([A-Za-z][A-Za-z0-9-]{1,30})[\"“”']")
_ANSWERING = re.compile(r"\bin (?:response|reply|answer) to\b[^.;]{0,80}?\b(?:requests?|demands?|subpoenas?|orders?|"
                        r"correspondence|inquir(?:y|ies)|warrants?|legal process)\b", re.I)
_TO_PROVIDERS = re.compile(r"\b(?:share|shares|disclose|discloses|provide|provides|give|gives|transfer|transfers)\b"
                          r"[^.;,]{0,50}?\b(?:with|to) (?:(?:our|its|the|any|these|those|such) )?(?:[\w-]+ )?"
                          r"(?:sub-?processors?|subcontractors?|service providers|processors|vendors)\b", re.I)
_TRADING = re.compile(r"\btrades?\b(?!\s*(?:secrets?|marks?|names?|dress)\b)", re.I)
_PUBLICITY = {"publicity", "logo", "logos", "trademark", "trademarks", "endorsement", "endorse", "endorses"}
_SHOWN = {"see", "sees", "seen", "view", "views", "viewed", "shown", "show", "shows", "display", "displayed", "displaying",
          "visible", "publicly"}
_BUILT = {"build", "builds", "building", "built", "create", "creates", "creating", "develop", "develops", "developing",
          "compile", "compiles", "compiling", "infer", "infers", "inferences", "combine", "combining", "amass",
          "profiling", "advertising", "marketing", "interests", "targeted", "ads"}
_HOW_MUCH = re.compile(r"\b(?:beyond|more than|in excess of)\b", re.I)  # "no more than they need"
# the business changes hands ("if we are bought", "if the company is sold"), not data
_ACQUIRED = re.compile(r"\b(?:is|are|be|being|get|gets|was) acquired\b", re.I)
_CHANGES_HANDS = re.compile(r"\b([\w-]+) (?:is|are|be|gets?|was|were) (?:ever )?(?:sold|bought|purchased|taken over)\b", re.I)
_SUCCESSOR_TO_BUSINESS = re.compile(r"\bsuccessors? (?:to|of|in) (?:\w+ ){0,2}(?:business|company|operations|assets)\b", re.I)
_BREACH = {"unauthorized", "unauthorised", "breach", "breaches", "incident", "incidents", "unlawful"}
_FORBIDS = {"prohibited", "prohibit", "prohibits", "prohibition", "prohibitions", "forbidden", "forbid", "forbids",
            "refrain", "refrains"}
_LIMITS = {"limit", "limits", "restrict", "restricts", "minimize", "minimise", "minimizes", "minimises"}
# a purpose with no bound, or the recipient's or the operator's own business: outside the policy's list
_ANY_PURPOSE = re.compile(r"\bfor (?:any|all|whatever) (?:other )?(?:lawful |legitimate )?(?:purposes?|reasons?|uses?)\b"
                          r"|\bfor (?:our|their|its|his or her) own (?:purposes?|uses?|business|benefit)\b"
                          r"|\bfor (?:business|commercial|marketing|promotional) purposes\b"
                          r"|\bin connection with (?:our|its|their) business\b|\bas (?:we|it|they) (?:see|sees) fit\b"
                          r"|\b(?:at|in) (?:our|its) (?:sole )?discretion\b", re.I)
_GRANTS = {"license", "licence", "allows", "permits", "grants", "authorizes"}
_PERSONS = {"student", "students", "user", "users", "child", "children", "learner", "learners", "pupil", "pupils",
            "individual", "individuals", "them", "it"}
# a negation that is the user's, not the operator's ("if you do not want us to share ...")
_USERS_NEGATION = {"you", "if", "users", "user", "parents", "students"}
# third parties the operator brings to its users: what they build from users' activity is the operator's doing
_ITS_PARTNERS = {"partners", "advertisers", "networks", "sponsors"}
# what belongs to students or users ("students' names and essays") is their information
_THEIRS = {"students'", "student's", "users'", "user's", "children's", "child's", "learners'", "learner's", "pupils'"}
# a turn inside a sentence, after which a promise may be undone ("...; however, ...")
_CONTRAST = re.compile(r"[;,:]\s*(?:however|but|although|though|that said|nevertheless|except that)\b,?\s*", re.I)
# the operator's corporate family, however named ("our parent company"): affiliates, not a parent's consent
_CORPORATE_FAMILY = re.compile(r"\bparent (?:company|companies|corporation|entity)\b|\bcorporate (?:family|group)\b|"
                               r"\bgroup companies\b|\bsister compan(?:y|ies)\b", re.I)
_AUXILIARY = {"do", "does", "did", "will", "would", "should", "may", "can", "could", "must", "shall"}
_SHOWN_TO_USER = {"see", "sees", "receive", "receives", "get", "gets"}  # "students never see ads": the operator's promise
_EXCEPT = re.compile(r"\b(?:unless|except|excluding|other than|apart from|aside from|without|outside|only (?:if|when|as))\b",
                     re.I)
# a permission on someone's consent inside a promise: "with a parent's consent we may ..."
_PERMITTED_ON = re.compile(r"\b(?:with|upon|on|after (?:getting|obtaining|receiving))\s+(?:[\w'’-]+\s+){0,3}(?:consent|permission|"
                           r"authori[sz]ation|opt-in)\b,?\s+(?:we|the company|company)\s+(?:may|can|will|might)\b", re.I)
# handing information over in other words than share or disclose ("provide your information to partners")
_HANDS_OVER = re.compile(r"\b(?:provide|provides|give|gives|pass|passes|hand|hands)\s+(?:[\w'’-]+\s+){0,3}"
                         r"(?:information|data|details|records)\s+(?:on\s+)?to\s+(?!you\b|the user\b|users\b|the student\b)", re.I)
# information made public ("displayed publicly", "indexed by search engines")
_MADE_PUBLIC = re.compile(r"\b(?:displayed|shown|published|posted|visible|available|made|accessible)\s+(?:\w+\s+){0,2}"
                          r"(?:publicly|public|to the public|to anyone|to everyone)\b|\bpublicly (?:visible|available|displayed|"
                          r"accessible|searchable)\b|\bindexed by search engines\b", re.I)
# advertising chosen by something else, not by the user's information ("based on the page, not on your data")
_NOT_BASED_ON = re.compile(r"\b(?:based|chosen|selected|picked|targeted)\s+(?:on|by|from)\b[^.;]{0,80}?\b(?:not|never)\s+"
                           r"(?:on|by|from)\s+[^.;]{0,40}?\b(?:information|data|activity|history|profiles?|behaviou?r)\b", re.I)
# an exception whose subject is the user, student or parent: their say-so, whatever the verb
_USERS_SAY_SO = re.compile(r"\b(?:unless|except (?:when|if|where)|only (?:if|when)|until)\s+(?:you|(?:the|a|an|your|his or her|"
                           r"their)\s+(?:account holder|user|eligible student|student|parent|guardian|child|member|learner)s?)"
                           r"\b(?!'s)", re.I)
_BOTH_LAWS = re.compile(r"\b(?:this|the) (?:agreement|dpa|addendum|contract|policy|terms) and (?:by |under )?(?:the )?ferpa\b|"
                        r"\bferpa and (?:by |under )?(?:this|the) (?:agreement|dpa|addendum|contract|policy|terms)\b", re.I)
# a promise to comply with FERPA that restates its rule ("comply with FERPA ..., including not disclosing ...")
_COMPLY = {"comply", "complies", "compliance", "compliant"}
_AUTHORIZED_WHO = {"users", "personnel", "staff", "employees", "representatives", "officials"}  # "authorized users"
_OWN_TEXT = {"agreement", "dpa", "addendum", "contract", "policy", "notice", "terms"}  # the document's own list
_DATA_WORDS = {"information", "data", "records", "record", "details", "content", "pii", "info"}
_SHARE_FORMS = {"share", "shares", "shared", "sharing", "disclose", "discloses", "disclosed", "disclosing",
                "disclosure", "disclosures", "release", "releases", "released", "rent", "sell", "sold", "distribute",
                "distributes", "distributed", "sublicense", "publish", "publishes", "published"}
_MOVE_FORMS = _SHARE_FORMS | {"transfer", "transfers", "transferred", "acquired", "assets", "asset", "pass", "passed",
                              "assign", "assigned", "part", "included", "among", "go", "goes", "move", "moves", "passes", "handed",
                              "owner", "owners", "successor", "successors"}
_LEARNER_PROFILE = {"learning", "learner", "educational", "school", "academic", "progress", "adaptive"}


@dataclass
class Reading:
    """What one sentence says about one restriction. ``kind``: ``commitment`` (the operator
    will not), ``permission`` (it or a third party may), ``wide`` (a permission whose purpose is
    outside the policy's list but names no advertising or marketing: consent, affiliates, its
    own rights), ``transfer`` (a sale of the business that leaves the successor unbound),
    ``statute`` (the law named as a whole). ``missing``: what the exceptions add beyond the
    policy's list, in words."""

    kind: str
    frame: Frame
    missing: list[str] = field(default_factory=list)
    within: set[str] = field(default_factory=set)  # the exceptions on the policy's list it makes
    # a commitment whose ``missing`` is only that it is narrower (some recipients, posted content,
    # the user's condition, FERPA's own rule restated): it opens nothing beside a complete one
    narrow: bool = False


def _words(frame: Frame) -> set[str]:
    return set(frame.words)


def negated_near(frame: Frame, topic: set[str]) -> bool:
    """True when the operator's own negation governs the first word of ``topic`` in the
    sentence: a negation up to sixteen words before it in the same clause ("we do not sell
    student data, use it for advertising, or build profiles"), not the user's ("if you do not
    want us to share"), not a disclaimer ("we are not responsible for any disclosure"), or a
    word of prohibition anywhere ("selling student data is prohibited"); the frame's own
    negation ("will only share") counts too."""
    words = list(frame.words)
    places = [i for i, w in enumerate(words) if w in topic]
    if not places:
        return False
    if _FORBIDS & set(words) or "only" in words[places[0] + 1:places[0] + 7]:
        return True  # "... is prohibited"; "we share it only with ...": a limit, not a permission
    for first in places:  # "limits sharing ...: the profile is not shared publicly": any mention negated
        if words[first - 1:first] and words[first - 1] in _LIMITS:
            return True
        clause_start = _clause_start(frame.text, words[first])
        for j in range(max(clause_start, first - 16), first):
            if words[j] in _NEGATION or words[j].endswith("n't"):
                if _someone_elses(words, j) and frame.bound != "contractor":
                    return False
                return not set(words[j:first]) & _DISCLAIMS
    return frame.negated and frame.bound in ("contractor", "")


def _made_public(text: str) -> bool:
    """True when ``text`` says users' information is made public ("profile information may be
    displayed publicly"), not a document ("our privacy policy is publicly available")."""
    for m in _MADE_PUBLIC.finditer(text):
        before = {w.lower() for w in re.findall(r"[A-Za-z]+", text[max(0, m.start() - 80):m.start()])}
        if before & (_DATA_WORDS | {"profile", "profiles", "name", "names", "photo", "photos"}) \
                and not before & (_OWN_TEXT | {"statement", "practices"}):
            return True
    return False


def _handing_words(frame: Frame) -> frozenset[str]:
    """The words of ``frame`` that hand information over or make it public, as the sentence
    writes them ("provide", "displayed"): read as the disclosure's own words."""
    found = [m.group(0) for rx in (_HANDS_OVER, _MADE_PUBLIC) for m in rx.finditer(frame.text)]
    return frozenset(w.lower() for f in found for w in re.findall(r"[A-Za-z]+", f)[:1])


def _operator_limits(frame: Frame, topic: set[str] | frozenset[str]) -> bool:
    """True when the operator opens the sentence and limits or forbids the act itself ("We share
    it only with service providers who are required to ...", "We do not build profiles ...,
    unless the account holder agrees"), though the frame is bound on another party named later
    (the recipients, the user who agrees)."""
    words = list(frame.words)
    first = next((i for i, w in enumerate(words) if w in topic), None)
    if first is None or not {"we", "company"} & set(words[:first]):
        return False
    return "only" in words[first + 1:first + 7] or any(
        (w in _NEGATION or w.endswith("n't")) and {"we", "company"} & {words[j - 1], words[j - 2] if
                                                                       words[j - 1] in _AUXILIARY else ""}
        for j, w in enumerate(words[:first]) if j >= 1)  # "we do not", "we never": the operator's own negation


def _someone_elses(words: list[str], j: int) -> bool:
    """True when the negation at ``words[j]`` is the user's or the school's own: its subject is
    the party, just before it or before one auxiliary ("if you do not want", "the school does
    not"), and it is not a negation of what the user is shown ("students never see ads", a
    promise of the operator's). A party named earlier in the clause ("to the school and is
    never shared") is no subject of the negation."""
    before = words[max(0, j - 1):j]
    if before and before[0] in _AUXILIARY:
        before = words[max(0, j - 2):j - 1]
    if not set(before) & (_USERS_NEGATION | _SCHOOL_PARTY):
        return False
    return words[j + 1] not in _SHOWN_TO_USER if j + 1 < len(words) else True


def _clause_start(text: str, word: str) -> int:
    """The index of the first word of the clause (after the last ";" or sentence break) in
    which ``word`` first occurs."""
    m = re.search(rf"(?<![A-Za-z]){re.escape(word)}(?![A-Za-z])", text, re.I)
    if not m:
        return 0
    before = text[:m.start()]
    cut = max(before.rfind(";"), before.rfind(". "))
    return len(re.findall(r"[A-Za-z](?:[A-Za-z'’]|-(?=[A-Za-z]))*|\d+(?:\.\d+)?", before[:cut + 1])) if cut >= 0 else 0


def exception_text(frame: Frame) -> str:
    """The words of the sentence's exceptions: its unless / except / other-than clauses and, for
    a list item read with its lead-in, the item itself."""
    return " ".join(exception_clauses(frame))


def exception_clauses(frame: Frame) -> list[str]:
    """The sentence's exceptions one by one: its conditions, what it lets the operator do on
    someone's consent ("with a parent's consent we may ...; without it, we never ..."), then
    each clause from one unless / except / other-than / without / outside to the next ("outside
    the school" and "without the user's permission" are two exceptions, each read on its own)."""
    marks = [m.start() for m in _EXCEPT.finditer(frame.text)]
    on_consent = [m.group(0) for m in _PERMITTED_ON.finditer(frame.text)]  # "with a parent's consent we may ..."
    return list(frame.conditions) + on_consent + [frame.text[a:b] for a, b in zip(marks, [*marks[1:], len(frame.text)])]


def exception_reading(frame: Frame, rules: OperatorRules, allowed: list[str] | None = None,
                      school: frozenset[str] = frozenset()) -> tuple[set[str], list[str]]:
    """:func:`exception_ids` of each of the sentence's exception clauses, together. "As
    permitted by this agreement and FERPA" needs both: the agreement's own list, read on its
    own, is the narrower, so FERPA widens nothing there."""
    within, missing = set(), []
    ferpa = next((e.missing for e in rules.exceptions if e.id == "ferpa"), None)
    for clause in exception_clauses(frame):
        words = {x.lower() for x in re.findall(r"[A-Za-z][A-Za-z'-]*", clause)}
        if _CORPORATE_FAMILY.search(clause):
            words = (words - {"parent"}) | {"affiliates"}
        if _USERS_SAY_SO.search(clause) and (allowed is None or "consent" in allowed):
            words.add("consent")  # the user's say-so is their consent, in whatever words
        w, m = exception_ids(words, rules, allowed, school)
        if _BOTH_LAWS.search(clause):
            m = [x for x in m if x != ferpa]
        within |= w
        missing += [x for x in m if x not in missing]
    return within, missing


def exception_ids(words: set[str], rules: OperatorRules, allowed: list[str] | None = None,
                  school: frozenset[str] = frozenset()) -> tuple[set[str], list[str]]:
    """The exceptions ``words`` name: the ids inside the policy's list, and the ``missing``
    texts of the wider ones (only those of ``allowed`` ids when given). ``school``: the short
    names the terms give the school or district (:func:`school_short_names`)."""
    words = {w[:-2] if w.endswith(("'s", "’s")) else w for w in words}  # "the district's consent"
    words |= {"school"} if words & school else set()  # "the written authorization of LRSD"
    within, missing = set(), []
    named = [e for e in rules.exceptions if words & {w.lower() for w in e.words} and e.id != "unnamed"]
    for exc in rules.exceptions:
        if not words & {w.lower() for w in exc.words} or (exc.also and not words & {w.lower() for w in exc.also}):
            continue
        if exc.id == "unnamed" and (named or words & (_SCHOOL_PARTY | _OWN_TEXT | _AUTHORIZED_WHO)):
            continue  # "as authorized by the school", "authorized subprocessors", "in this DPA" (its own list, read too)
        if exc.id == "consent" and words & _SCHOOL_PARTY:
            continue  # the school's consent or direction is a school purpose
        if exc.within:
            within.add(exc.id)
        elif allowed is None or exc.id in allowed:
            if exc.missing not in missing:
                missing.append(exc.missing)
    return within, missing


@lru_cache(maxsize=64)
def _forms(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


def business_sold(text: str) -> bool:
    """True when ``text`` says the business changes hands ("if the company is sold", "if we are
    bought", "is acquired", "a successor to its business"), not information ("your data is
    sold"), nor a law replaced by its successor."""
    return bool(_ACQUIRED.search(text) or _SUCCESSOR_TO_BUSINESS.search(text)) or any(
        m.group(1).lower() not in _DATA_WORDS | {"it", "them", "which", "that", "never", "not"}
        for m in _CHANGES_HANDS.finditer(text))


def _data_named(frame: Frame) -> bool:
    return bool(_words(frame) & _DATA_WORDS) or frame.data == "student"


def transfer_of_business(frame: Frame, rules: OperatorRules, context: str = "") -> bool | None:
    """For a sentence about a merger, acquisition or sale of the business that moves users'
    information: True when it (or ``context``, the sentences after it in its paragraph) keeps
    the successor bound, False when it does not; None for any other sentence."""
    words = _words(frame)
    business = (words & _forms(tuple(rules.merger)) or business_sold(frame.text)
                or (words & {"assets", "asset"} and words & {"transferred", "among", "included", "sold"}))
    if not business or not _data_named(frame) or words & (_BREACH | {"means"}):
        return None  # not a sale of the business, or a breach ("unauthorized acquisition"), or a definition
    if not words & _MOVE_FORMS:
        return None
    if negated_near(frame, _SHARE_FORMS):
        return None
    return any(re.search(p, f"{frame.text} {context}", re.I) for p in rules.successor_bound)


def read_sentence(text: str, rule: OperatorRule, rules: OperatorRules, duty_of_user: bool = False,
                  context: str = "", school: frozenset[str] = frozenset()) -> Reading | None:
    """How the sentence ``text`` bears on restriction ``rule``, or None when it does not.
    ``duty_of_user``: the sentence states the user's own duty ("you agree not to sell ..."),
    which binds no operator; ``context``: the sentences after it in its paragraph (where a
    successor may be bound); ``school``: the short names the terms give the school."""
    frame = read_frame(text)
    words = _words(frame)
    topic = _forms(tuple(rule.topic))
    if duty_of_user or frame.scope or (frame.pointer and frame.binding is None):
        return None
    if any(re.search(p, text, re.I) for p in rules.statute) and not negated_near(frame, {"comply", "complies"}):
        if words & {"comply", "complies", "compliance", "compliant", "accordance", "conform", "adhere", "abide"}:
            return Reading("statute", frame)
    rid = rule.id
    if rid == "sale" and (words & _forms(tuple(rules.merger)) or business_sold(text) or words & {"assets", "asset"}):
        bound = transfer_of_business(frame, rules, context)
        if bound is False:
            return Reading("transfer", frame, [e.missing for e in rules.exceptions if e.id == "merger"])
        if bound is True and re.search(r"\b(?:unless|except)\b[^.;]*\b(?:consent|opt|agree)", f"{text} {context}", re.I):
            consent = next((e.missing for e in rules.exceptions if e.id == "consent"), "")
            return Reading("transfer", frame, [f"the successor is bound unless the user agrees otherwise: {consent}"],
                           within={"merger"})  # bound, but with an opening: limited, not allowed
        if bound is True:
            return None  # within the policy's exception
        turn = _CONTRAST.search(text)  # "we do not sell ...; however, if we close, user data may be sold"
        if bound is None and turn and negated_near(frame, topic) \
                and transfer_of_business(read_frame(text[turn.end():]), rules, context) is False:
            return Reading("commitment", frame, [e.missing for e in rules.exceptions if e.id == "merger"])
    if rid == "disclosure" and (_HANDS_OVER.search(text) or (_made_public(text) and not frame.negated)):
        topic = topic | _handing_words(frame)  # "provide your information to partners", "displayed publicly"
        words = words | {"share"}
    if not words & topic or (words & topic <= {"trade", "trades"} and not _TRADING.search(text)):
        return None  # no word of the restriction, or only a "trade secret", "trademark", "trade name"
    if rid == "targeted_advertising" and words & _PUBLICITY and not _data_named(frame):
        return None  # naming a party or its marks in publicity: not advertising shown to students
    if frame.bound in ("user", "parent", "board", "third party") and frame.binding is not None and rule.id != "targeted_advertising" \
            and not _operator_limits(frame, topic) and not (rid == "profiling" and words & _ITS_PARTNERS):
        return None  # the user, a parent, the school or another may do it: not the operator's act
    if frame.subject in ("user", "parent") and frame.bound != "contractor" and words & {"right", "rights"}:
        return None  # a statement of the user's or parent's rights
    if rule.id == "disclosure" and words & _BREACH:
        return None  # an unauthorized disclosure is a breach, not the operator's choice
    if rid == "profiling" and not _profile_of_person(frame):
        return None
    negated = (negated_near(frame, topic) or (rid == "disclosure" and _kept_confidential(frame))
               or (rid == "targeted_advertising" and bool(_NOT_BASED_ON.search(text))))
    if negated and frame.bound not in ("contractor", "") and not _operator_limits(frame, topic):
        return None  # a promise by someone else (the school, a partner) binds no operator
    if negated:
        if rid in ("sale", "disclosure") and not _data_named(frame) and not words & {"it", "them"}:
            return None  # "we do not sell tickets": not about anyone's information
        if rid == "disclosure" and _on_list_only(frame):
            return None
        if rid == "profiling" and not (_data_named(frame) or words & _PERSONS):
            return None
        except_words = {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]*", exception_text(frame))}
        within, missing = exception_reading(frame, rules, rule.exceptions, school)
        if frame.data == "de-identified data" and not except_words & {"de-identified", "deidentified", "aggregate",
                                                                      "aggregated", "anonymized", "anonymised"}:
            return None  # a promise about de-identified data only says nothing of student data
        narrower = _narrower(frame, rid)
        restated = "ferpa" in words and words & _COMPLY and all("FERPA" in m for m in missing)
        return Reading("commitment", frame, missing + narrower, within,
                       narrow=bool(missing + narrower) and (not missing or bool(restated)))
    if frame.binding is None and frame.bound == "" and rid != "disclosure" and not words & {"we", "our", "us"}:
        return None  # a statement of no one's act ("advertising is everywhere")
    if words & _forms(tuple(rule.not_permits)):
        return None
    if rule.permits and not all(words & _forms(tuple(g)) for g in rule.permits):
        return _wide_disclosure(frame, rule, rules, school=school) if rid == "disclosure" else None
    if rid == "disclosure":
        return _wide_disclosure(frame, rule, rules, strong=True, school=school)
    if rid == "sale" and not words & {"sell", "sells", "sold", "selling", "rent", "rents", "renting", "rented",
                                      "trade", "trades", "trading", "monetize", "monetise"}:
        return None
    return Reading("permission", frame)


def school_short_names(texts: list[str]) -> frozenset[str]:
    """The short names the terms give the school or district where they name it
    ('Lakeview School District (called "LRSD" below)' → {"lrsd"}), in lower case: a consent
    or authorization of "LRSD" is the school's."""
    names: set[str] = set()
    for text in texts:
        for m in _SCHOOL_DEFINED.finditer(text):
            names |= {n.lower() for n in _QUOTED.findall(m.group(1))}
    return frozenset(names - {"agreement", "parties", "party"})


def _on_list_only(frame: Frame) -> bool:
    """A promise about recipients on the policy's list only: how the operator answers requests
    of the authorities ("will not disclose in response to a request unless compelled"), or how
    much its service providers get ("no more than they need"). Both are the policy's own
    exceptions in use; they say nothing of disclosure to anyone else."""
    answering, first_exception = _ANSWERING.search(frame.text), _EXCEPT.search(frame.text)
    if answering and not (first_exception and first_exception.start() < answering.start()):
        return True  # not "except in response to a subpoena": that is an exception of a whole promise
    return bool(_TO_PROVIDERS.search(frame.text)) and bool(_HOW_MUCH.search(frame.text)) \
        and "only" not in frame.words and not _words(frame) & (_ALL_RECIPIENTS - {"any"})


def _narrower(frame: Frame, rid: str) -> list[str]:
    """What makes a commitment narrower than the policy though it has no exception: it holds
    only on a condition the user meets, covers only the content users post, or (for
    disclosure) names only some recipients."""
    words = _words(frame)
    out = []
    if _CONDITIONAL.search(frame.text):
        out.append("the promise holds only on a condition (a setting or signal of the user's)")
    if "content" in words and not words & (_DATA_WORDS - {"content"}) and frame.data != "student" \
            and not re.search(r"\bcontent of (?:the|a|each|any) (?:page|site|screen|lesson|website)", frame.text, re.I):
        out.append("the promise covers only the content users post, not their account or usage information")
    if rid == "disclosure" and words & _SOME_RECIPIENTS and not words & _ALL_RECIPIENTS:
        out.append("the promise names only some recipients (brokers, advertisers, marketers)")
    return out


def _profile_of_person(frame: Frame) -> bool:
    """A profile of a person built by the operator, not the user's own account page ("your
    profile") nor a learner profile used for learning."""
    words = list(frame.words)
    if set(words) & _SHOWN and not set(words) & _BUILT:
        return False  # a profile page others may see or not ("the profile is not shown publicly")
    for i, w in enumerate(words):
        if w in ("profile", "profiles"):
            before = set(words[max(0, i - 5):i])
            if before & {"your", "their", "public", "user", "users", "you", "account", "school", "district"} \
                    and not before & {"advertising", "marketing", "build", "building"}:
                continue  # the user's own profile page
            if before & (_LEARNER_PROFILE | {"social", "media", "network"}):
                continue  # a learner profile used for learning, or an account on another site
            return True
        if w == "profiling":
            return True
    return False


def _kept_confidential(frame: Frame) -> bool:
    """The operator binds itself to keep student data confidential (a duty not to disclose)."""
    words = _words(frame)
    return (bool(words & {"confidential", "confidentiality"}) and frame.bound in ("contractor", "")
            and bool(frame.binding) and _data_named(frame) and not frame.negated
            and bool(words & {"keep", "kept", "maintain", "maintained", "treat", "treated", "hold", "held", "remain"}))


def _wide_disclosure(frame: Frame, rule: OperatorRule, rules: OperatorRules, strong: bool = False,
                     school: frozenset[str] = frozenset()) -> Reading | None:
    """A permission to disclose: ``permission`` when the recipients or purposes are advertising,
    marketing, partners or the public (``strong``: one of the rule's ``permits`` is named), or
    when the purpose has no bound ("for any purpose", "for their own purposes", "for business
    purposes") and no exception of the policy's list is named,
    ``wide`` when they are outside the policy's list otherwise (consent, affiliates, the
    operator's own rights), None when they are within it (law, court order, safety, bound
    service providers, the school)."""
    words = _words(frame)
    if not (words & _SHARE_FORMS or _HANDS_OVER.search(frame.text) or _made_public(frame.text)) \
            or frame.data == "de-identified data" or not (_data_named(frame) or _made_public(frame.text)
                                                           or words & _THEIRS):
        return None
    if _USERS_ACT.search(frame.text) or words & _NO_ONE:
        return None  # the user shares, or the information identifies no one
    if words & _ANSWERS_FOR:
        return None  # who is responsible for a disclosure, or indemnifies for it: no permission to make one
    if frame.binding is None and frame.bound not in ("contractor",) and not words & ({"we", "our", "us"} | _GRANTS):
        return None  # no one's act, unless a licence or permission grants it
    # "unnamed" is for an exception clause ("except as authorized"), not the whole sentence
    within, missing = exception_ids(words, rules, [e for e in rule.exceptions if e != "unnamed"], school)
    if _ANY_PURPOSE.search(frame.text) and not within:  # "to third parties for any purpose": no limit at all
        return Reading("permission", frame, missing)
    if strong and words & {"advertisers", "advertising", "marketing", "sponsors", "publicly", "public", "anyone",
                           "everyone", "elsewhere", "sublicense", "sublicensable"}:
        return Reading("permission", frame, missing)
    if missing:
        return Reading("wide", frame, missing)
    if within:
        return None
    if strong:
        return Reading("wide", frame, ["disclosure to third parties the terms neither name nor bind"])
    return None
