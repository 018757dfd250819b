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
from generator.vetting import OperatorRule, OperatorRules

_NEGATION = {"not", "never", "no", "neither", "nor", "cannot", "won't", "don't", "doesn't", "didn't",
             "shan't", "nothing"}
# a negation of responsibility, not of the act ("we are not responsible for any disclosure by ...")
_DISCLAIMS = {"responsible", "liable", "liability", "guarantee", "guarantees", "warrant", "control", "endorse"}
_SCHOOL_PARTY = {"school", "schools", "district", "districts", "lea", "institution", "agency", "customer", "teacher"}
# the user's own act of sharing ("when you share content"), or information about no one
_USERS_ACT = re.compile(r"\b(?:you|users?|students?) (?:\w+ )?(?:share|shares|post|posts|publish|choose|chooses|make)\b", re.I)
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
_ACQUIRED = re.compile(r"\b(?:is|are|be|being|get|gets|was) acquired\b", re.I)  # the business, not data
_BREACH = {"unauthorized", "unauthorised", "breach", "breaches", "incident", "incidents", "unlawful"}
_FORBIDS = {"prohibited", "prohibit", "prohibits", "prohibition", "prohibitions", "forbidden", "forbid", "forbids",
            "refrain", "refrains"}
_LIMITS = {"limit", "limits", "restrict", "restricts", "minimize", "minimise", "minimizes", "minimises"}
# a purpose with no bound, or the recipient's or the operator's own business: outside the policy's list
_ANY_PURPOSE = re.compile(r"\bfor (?:any|all|whatever) (?:other )?(?:lawful |legitimate )?(?:purposes?|reasons?|uses?)\b"
                          r"|\bfor (?:our|their|its|his or her) own (?:purposes?|uses?|business|benefit)\b"
                          r"|\bfor (?:business|commercial|marketing|promotional) purposes\b", re.I)
_GRANTS = {"license", "licence", "allows", "permits", "grants", "authorizes"}
_PERSONS = {"student", "students", "user", "users", "child", "children", "learner", "learners", "pupil", "pupils",
            "individual", "individuals", "them", "it"}
# a negation that is the user's, not the operator's ("if you do not want us to share ...")
_USERS_NEGATION = {"you", "if", "users", "user", "parents", "students"}
_EXCEPT = re.compile(r"\b(?:unless|except|excluding|other than|apart from|aside from|without|outside)\b", re.I)
_BOTH_LAWS = re.compile(r"\b(?:this|the) (?:agreement|dpa|addendum|contract|policy|terms) and (?:by |under )?(?:the )?ferpa\b|"
                        r"\bferpa and (?:by |under )?(?:this|the) (?:agreement|dpa|addendum|contract|policy|terms)\b", re.I)
# a promise to comply with FERPA that restates its rule ("comply with FERPA ..., including not disclosing ...")
_COMPLY = {"comply", "complies", "compliance", "compliant"}
_AUTHORIZED_WHO = {"users", "personnel", "staff", "employees", "representatives", "officials"}  # "authorized users"
_OWN_TEXT = {"agreement", "dpa", "addendum", "contract", "policy", "notice", "terms"}  # the document's own list
_DATA_WORDS = {"information", "data", "records", "record", "details", "content", "pii", "info"}
_SHARE_FORMS = {"share", "shares", "shared", "sharing", "disclose", "discloses", "disclosed", "disclosing",
                "disclosure", "disclosures", "release", "releases", "released", "rent", "sell", "sold", "distribute",
                "distributes", "distributed", "sublicense"}
_MOVE_FORMS = _SHARE_FORMS | {"transfer", "transfers", "transferred", "acquired", "assets", "asset", "pass", "passed",
                              "assign", "assigned", "part", "included", "among"}
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
                if set(words[max(0, j - 3):j]) & (_USERS_NEGATION | _SCHOOL_PARTY) and frame.bound != "contractor":
                    return False
                return not set(words[j:first]) & _DISCLAIMS
    return frame.negated and frame.bound in ("contractor", "")


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
    """The sentence's exceptions one by one: its conditions, then each clause from one
    unless / except / other-than / without / outside to the next ("outside the school" and
    "without the user's permission" are two exceptions, each read on its own)."""
    marks = [m.start() for m in _EXCEPT.finditer(frame.text)]
    return list(frame.conditions) + [frame.text[a:b] for a, b in zip(marks, [*marks[1:], len(frame.text)])]


def exception_reading(frame: Frame, rules: OperatorRules, allowed: list[str] | None = None,
                      school: frozenset[str] = frozenset()) -> tuple[set[str], list[str]]:
    """:func:`exception_ids` of each of the sentence's exception clauses, together. "As
    permitted by this agreement and FERPA" needs both: the agreement's own list, read on its
    own, is the narrower, so FERPA widens nothing there."""
    within, missing = set(), []
    ferpa = next((e.missing for e in rules.exceptions if e.id == "ferpa"), None)
    for clause in exception_clauses(frame):
        w, m = exception_ids({x.lower() for x in re.findall(r"[A-Za-z][A-Za-z'-]*", clause)}, rules, allowed, school)
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


def _data_named(frame: Frame) -> bool:
    return bool(_words(frame) & _DATA_WORDS) or frame.data == "student"


def transfer_of_business(frame: Frame, rules: OperatorRules, context: str = "") -> bool | None:
    """For a sentence about a merger, acquisition or sale of the business that moves users'
    information: True when it (or ``context``, the sentences after it in its paragraph) keeps
    the successor bound, False when it does not; None for any other sentence."""
    words = _words(frame)
    business = (words & _forms(tuple(rules.merger)) or _ACQUIRED.search(frame.text)
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
    if rid == "sale" and (words & _forms(tuple(rules.merger)) or _ACQUIRED.search(text) or words & {"assets", "asset"}):
        bound = transfer_of_business(frame, rules, context)
        if bound is False:
            return Reading("transfer", frame, [e.missing for e in rules.exceptions if e.id == "merger"])
        if bound is True and re.search(r"\b(?:unless|except)\b[^.;]*\b(?:consent|opt|agree)", f"{text} {context}", re.I):
            consent = next((e.missing for e in rules.exceptions if e.id == "consent"), "")
            return Reading("transfer", frame, [f"the successor is bound unless the user agrees otherwise: {consent}"],
                           within={"merger"})  # bound, but with an opening: limited, not allowed
        if bound is True:
            return None  # within the policy's exception
    if not words & topic or (words & topic <= {"trade", "trades"} and not _TRADING.search(text)):
        return None  # no word of the restriction, or only a "trade secret", "trademark", "trade name"
    if rid == "targeted_advertising" and words & _PUBLICITY and not _data_named(frame):
        return None  # naming a party or its marks in publicity: not advertising shown to students
    if frame.bound in ("user", "parent", "board", "third party") and frame.binding is not None and rule.id != "targeted_advertising":
        return None  # the user, a parent, the school or another may do it: not the operator's act
    if frame.subject in ("user", "parent") and frame.bound != "contractor" and words & {"right", "rights"}:
        return None  # a statement of the user's or parent's rights
    if rule.id == "disclosure" and words & _BREACH:
        return None  # an unauthorized disclosure is a breach, not the operator's choice
    if rid == "profiling" and not _profile_of_person(frame):
        return None
    negated = negated_near(frame, topic) or (rid == "disclosure" and _kept_confidential(frame))
    if negated and frame.bound not in ("contractor", ""):
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
    if "content" in words and not words & (_DATA_WORDS - {"content"}) and frame.data != "student":
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
    if not words & _SHARE_FORMS or frame.data == "de-identified data" or not _data_named(frame):
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
    if strong and words & {"advertisers", "advertising", "marketing", "sponsors", "publicly", "anyone", "elsewhere",
                           "sublicense", "sublicensable"}:
        return Reading("permission", frame, missing)
    if missing:
        return Reading("wide", frame, missing)
    if within:
        return None
    if strong:
        return Reading("wide", frame, ["disclosure to third parties the terms neither name nor bind"])
    return None


def rules_in_words(rules: OperatorRules) -> list[tuple[str, str, str]]:
    """Each part of the operator rules as ``(id, title, the frames in words)``, for ``sdpa
    library --trace``: the four restrictions, the permitted uses and the audience test."""
    within = [e.id for e in rules.exceptions if e.within]
    out = []
    for r in rules.restrictions:
        wider = [e.missing for e in rules.exceptions if not e.within and e.id in r.exceptions]
        permits = "; ".join("one of " + ", ".join(g[:8]) for g in r.permits)
        text = (f"Policy: {r.policy} ({r.citation}). A sentence is about it when it names one of: "
                f"{', '.join(r.topic[:10])}. Prohibited: the operator (or no one named) is bound not to "
                "(not, never, only, prohibited), about student or users' information, any exception within the "
                f"policy's list ({', '.join(within)}). Limited: such a promise with a wider exception ("
                + "; ".join(wider) + "), or, with no complete promise beside it, one that holds only on a user's "
                f"condition, covers only posted content, or names only some recipients. Allowed: the operator or a third party may do it and the sentence "
                f"names {permits or 'the information'}, and none of: {', '.join(r.not_permits[:8]) or '-'}. "
                "Silent: none of these. Never read: the user's own duties, a promise by the school or another, "
                "text for people in another state or country only, a disclaimer, a breach.")
        if r.id == "sale":
            text += (" A sale of the business (merger, acquisition, bankruptcy) is within the policy when the "
                     "successor stays bound, in the sentence or the ones after it; unbound, it makes a no-sale "
                     "promise limited, or with no such promise it is allowed.")
        out.append((r.id, r.title, text))
    for u in rules.permitted_uses:
        out.append((u.id, f"Permitted use: {u.title}",
                    "Recognised, never counted against the operator, when a sentence names "
                    + " and ".join("one of " + ", ".join(g[:6]) for g in u.needs) + "."))
    a = rules.audience
    out.append(("audience", "Audience",
                f"School when at least {a.school_share:.0%} of the sentences name one of {', '.join(a.school[:8])}, ..., or "
                "some do and statements that the service is made for schools outnumber those that it is for anyone; "
                f"general when it says it is for anyone, or at most {a.general_share:.0%} of the sentences name a "
                f"school; else unclear. For a general audience: {a.exception} ({a.citation})."))
    out.append(("statute", "The law named as a whole",
                "A commitment to comply with Connecticut's student data privacy law by name (§§ 10-234aa to "
                "10-234dd, or § 10-234cc) counts as prohibited for all four, confidence low."))
    return out
