"""Vetting an app: a service's own terms read against the policy's restrictions on operators
(the board policy's section on operators; Conn. Gen. Stat. § 10-234cc, to confirm).

    report = vet_documents([Path("terms.pdf"), Path("privacy.html")])
    report.audience, report.restriction("sale").status, report.verdict

The reading reuses the check's: a document's sentences (``reading/sentences.py``, list items
with their lead-in) and each sentence's duty frame (``frames.py``). The rules are data in
``clauses/operators.yaml``. Per restriction, a sentence is a commitment (the operator will not;
its exceptions read against the policy's list), a permission (it may), a transfer of the
business, or the statute named as a whole (``operators_reading.py``); the strongest reading
decides: allowed, then limited, then prohibited, else silent.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.checking.engine import any_of
from generator.checking.frames import has_word, read_frame
from generator.checking.operators_reading import Reading, read_sentence, school_short_names
from generator.checking.operators_trace import SILENCE_SAYS_GENERAL
from generator.errors import InputError, LibraryError
from generator.findings import Evidence
from generator.library import default_library
from generator.models import Library
from generator.reading.extract import Document, read_document
from generator.reading.limits import budgeted, check_time
from generator.reading.sandbox import boxed
from generator.reading.sentences import Sentence, sentences
from generator.vetting import (RESTRICTION_IDS, OperatorRule, OperatorRules, PermittedUse, RestrictionReading, VetReport,
                               VettedDocument)

MAX_EVIDENCE = 3  # sentences quoted per restriction
MAX_QUOTE = 400  # characters of one quoted sentence
_ABROAD = "European Economic Area|EEA|European Union|EU|United Kingdom|UK|Switzerland|Canada|Australia|Brazil"
_ABROAD_PEOPLE = "Canadian|Californian|European|EU|EEA|UK|British|Swiss|Australian|Brazilian"
_FRAGMENT = re.compile(r"^\W*(?:to|with|when|where|if|in order to|as part of)\s+(?!.*\b(?:shall|will|must|may|can)\b)",
                       re.I)  # "To a buyer as part of a merger.": a recipient, no verb of its own


def vet_texts(documents: list[tuple[str, str | bytes]], library: Library | None = None) -> VetReport:
    """Vet a service from its documents given as ``(name, text or bytes)``: text is read as
    plain text, bytes as the file they are (PDF, DOCX, text, Markdown, HTML by ``name``'s
    suffix). Each document's SHA-256 is over the bytes given (text: its UTF-8).

    Returns a :class:`VetReport`. Raises :class:`ExtractError` naming the document that cannot
    be read, :class:`LibraryError` when the library has no operator rules."""
    docs = []
    for name, content in documents:
        data = content.encode("utf-8") if isinstance(content, str) else bytes(content)
        docs.append(read_document(data, name))
    return vet_read(docs, library)


def vet_documents(paths: list[Path], library: Library | None = None) -> VetReport:
    """Vet a service from the files at ``paths`` (its terms of service, privacy policy, ...),
    each read with the project's bounded reader. Returns a :class:`VetReport`; raises
    :class:`ExtractError` naming the file that cannot be read."""
    return vet_read([read_document(Path(p)) for p in paths], library)


@boxed  # in a child process with memory, CPU and time limits (reading/sandbox.py), as the check is
@budgeted
def vet_read(documents: list[Document], library: Library | None = None) -> VetReport:
    """Vet a service from documents already read (:func:`read_document`). Returns a
    :class:`VetReport`; raises :class:`LibraryError` when the library has no operator rules and
    :class:`InputError` when there is no document."""
    if not documents:
        raise InputError("no document to vet: give the service's terms of service and privacy policy")
    library = library or default_library()
    rules = library.operators
    if rules is None:
        raise LibraryError("the clause library has no operators.yaml: it cannot vet an app")
    sents = _terms(documents, library)
    audience, audience_ev = _audience(sents, rules)
    permitted = _permitted_uses(sents, rules)
    bound_providers = any(u.id == "bound_providers" for u in permitted)
    school = school_short_names([s.text for s, _, _ in sents])
    restrictions = {rid: _restriction(rules.restriction(rid), sents, rules, bound_providers, school)
                    for rid in RESTRICTION_IDS}
    _profile_for_ads(restrictions)
    verdict, reason, conditions, notes = _verdict(audience, restrictions, rules)
    return VetReport(documents=[VettedDocument(name=d.name, sha256=d.sha256) for d in documents],
                     library_version=f"{library.version}/{rules.version}", audience=audience,
                     audience_evidence=audience_ev, restrictions=restrictions, permitted_uses=permitted,
                     verdict=verdict, reason=reason, conditions=conditions,
                     notes=notes + [n for d in documents for n in d.notes])


def _terms(documents: list[Document], library: Library) -> list[tuple[Sentence, str, bool]]:
    """Every sentence of every document that may state a term, with where it is (document,
    place) and whether it is set aside for the restrictions: the user's own duty, or text for
    people in another state or country only."""
    ignore = any_of((*library.ignore, *library.definitions))  # RE2, as the check reads them; a definition states no term
    # the user's own duties, and text for people elsewhere only ("a user residing in California"): not relied on
    places = library.vocabulary.get("OTHER_STATE")
    elsewhere = ((rf"\b(?:residing|resident|residents|located|living|based) in (?:the )?(?:state of )?"
                  rf"(?:{places}|{_ABROAD})\b",
                  rf"\b(?:with respect to|for|applies to) (?:{_ABROAD_PEOPLE}) (?:users|residents|individuals|consumers)\b")
                 if places else ())
    duties = any_of((*library.duties, *elsewhere))
    abroad = any_of(elsewhere)
    out = []
    for doc in documents:
        lead, block, block_abroad = "", -1, False
        for s in sentences(doc):  # an FAQ's answer comes read with its question (sentences.answered)
            if s.block != block:  # a paragraph that opens for people elsewhere is for them throughout
                block, block_abroad = s.block, bool(elsewhere) and bool(abroad(s.text))
            if s.heading:
                lead = "" if s.text.rstrip().endswith("?") else lead  # a new question starts a new section
                continue
            if s.text.rstrip().endswith(":"):
                lead = s.text.rstrip()
            elif lead and s.text == s.body and _FRAGMENT.match(s.text):
                # an item under its own sub-heading ("Merger" / "To a buyer ..."), read with the lead-in above
                s = Sentence(f"{lead} {s.text}", s.location, s.body, s.heading, s.block)
            else:
                lead = ""
            if ignore(s.text) or ignore(s.body):
                continue
            user = duties(s.body) or duties(s.text) or block_abroad
            out.append((s, f"{doc.name}, {s.location}", user))
    return out


def _evidence(items: list[tuple[Sentence, str]]) -> list[Evidence]:
    seen, out = set(), []
    for s, where in items:
        if s.text in seen:
            continue
        seen.add(s.text)
        out.append(Evidence(text=s.text[:MAX_QUOTE], location=where))
        if len(out) == MAX_EVIDENCE:
            break
    return out


def _audience(sents: list[tuple[Sentence, str, bool]], rules: OperatorRules) -> tuple[str, list[Evidence]]:
    """school, general or unclear, with the sentences that decided it: school when many
    sentences name students, teachers or schools (``school_share``), or some do and statements
    that it is made for schools outnumber those that it is for anyone; general when such a
    statement is made, or when terms of at least ``SILENCE_SAYS_GENERAL`` sentences hardly name a
    school (``general_share``); else unclear (a short text that names no school and does not
    say the service is for anyone is not general: that would lift the restrictions on a guess)."""
    a = rules.audience
    school_words = {w.lower() for w in a.school}
    school_rx = [re.compile(p, re.I) for p in a.school_phrases]
    general_rx = [re.compile(p, re.I) for p in a.general_phrases]
    general = [(s, w) for s, w, _ in sents if any(rx.search(s.text) for rx in general_rx)]
    for_anyone = {id(s) for s, _ in general}  # "students, professionals and hobbyists of all ages": students among anyone
    named = [(s, w) for s, w, _ in sents if has_word(s.text, school_words) and id(s) not in for_anyone]
    phrased = [(s, w) for s, w, _ in sents if any(rx.search(s.text) for rx in school_rx)]
    share = len(named) / max(1, len(sents))
    if share >= a.school_share or (len(phrased) > len(general) and share > a.general_share):
        return "school", _evidence(phrased + named)
    if general or (share <= a.general_share and len(sents) >= SILENCE_SAYS_GENERAL):
        # a general audience needs the terms to say so, or long terms that never speak of schools:
        # a short text's silence about schools says nothing of who the service is for
        return "general", _evidence(general or [(s, w) for s, w, _ in sents[:1]])
    return "unclear", _evidence(phrased + named)


def _permitted_uses(sents: list[tuple[Sentence, str, bool]], rules: OperatorRules) -> list[PermittedUse]:
    """The policy's permitted uses the terms name (not negated): never counted against the
    operator."""
    found = []
    for use in rules.permitted_uses:
        groups = [{w.lower() for w in g} for g in use.needs]
        hits = [(s, w) for s, w, user in sents if not user and all(has_word(s.text, g) for g in groups)
                and not read_frame(s.text).negated]
        if hits:
            found.append(PermittedUse(id=use.id, title=use.title, evidence=_evidence(hits)))
    return found


def _restriction(rule: OperatorRule, sents: list[tuple[Sentence, str, bool]], rules: OperatorRules,
                 bound_providers: bool = True, school: frozenset[str] = frozenset()) -> RestrictionReading:
    """One restriction's status from every sentence's reading of it. ``bound_providers``: the
    terms bind their service providers somewhere (else excepting them widens a promise);
    ``school``: the short names the terms give the school."""
    readings: dict[str, list[tuple[Sentence, str, Reading]]] = {}
    for i, (s, where, user) in enumerate(sents):
        check_time()
        context = " ".join(t.text for t, _, _ in sents[i + 1:i + 4])  # the sentences that follow it
        r = read_sentence(s.text, rule, rules, duty_of_user=user, context=context, school=school)
        if r is not None:
            readings.setdefault(r.kind, []).append((s, where, r))
    allowed = readings.get("permission", [])
    wide = readings.get("wide", [])
    transfer = readings.get("transfer", [])
    commits = readings.get("commitment", [])
    statute = readings.get("statute", [])
    if rule.id == "disclosure" and not bound_providers:  # the policy's exception (e) needs providers bound by contract
        unbound = next((e.missing for e in rules.exceptions if e.id == "providers"), "")
        binding = next((u.needs[-1] for u in rules.permitted_uses if u.id == "bound_providers"), [])
        for _, _, r in commits:  # "except to service providers under confidentiality agreements" binds them itself
            if "providers" in r.within and unbound and unbound not in r.missing and not has_word(r.frame.text, set(binding)):
                r.missing.append(unbound)
    complete = any(not r.missing for _, _, r in commits)  # a narrower promise beside it takes nothing away
    open_commits = [x for x in commits if x[2].missing and not (x[2].narrow and complete)]
    doubts: list[str] = []
    missing: list[str] = []
    if rule.id == "sale" and transfer and not commits:  # a transfer of the business with no promise not to sell:
        allowed = allowed + [t for t in transfer if "merger" not in t[2].within]  # the successor unbound
        transfer = [t for t in transfer if "merger" in t[2].within]  # bound unless the user agrees otherwise
    if allowed:
        status, basis = "allowed", allowed
        if commits:
            doubts.append("the terms also commit not to")
    elif open_commits or transfer or (wide and (commits or rule.id == "disclosure")):
        status, basis = "limited", open_commits + transfer + wide
        for _, _, r in basis:
            missing += [m for m in r.missing if m not in missing]
        doubts.append("it rests on an exception")
    elif commits:
        status, basis = "prohibited", commits
        if all(r.frame.bound == "" and r.frame.binding is None for _, _, r in commits):
            doubts.append("no sentence names who is bound")
    elif statute:
        status, basis = "prohibited", statute
        doubts.append("it rests on the law named as a whole")
    else:
        status, basis = "silent", []
    explanation = {"prohibited": rule.prohibited, "limited": rule.limited, "silent": rule.silent,
                   "allowed": rule.allowed}[status]
    if status == "prohibited" and basis is statute:
        explanation = "The terms commit to comply with Connecticut's student data privacy law, which includes this restriction."
    return RestrictionReading(id=rule.id, title=rule.title, status=status,
                              confidence="low" if doubts else "high",
                              evidence=_evidence([(s, w) for s, w, _ in basis]), policy=rule.policy,
                              explanation=explanation, missing=missing)


def _profile_for_ads(restrictions: dict[str, RestrictionReading]) -> None:
    """Advertising chosen from a user's information or activity needs a profile of the user's
    interests, built for a purpose other than school: when the terms allow it and say nothing
    of profiles, profiling is allowed too, on the same sentences; when they promise no profiles,
    the promise is limited (confidence low either way)."""
    ads, prof = restrictions["targeted_advertising"], restrictions["profiling"]
    why = ("Advertising chosen from users' information or activity rests on a profile of their interests, "
           "built for a purpose other than school purposes.")
    if ads.status == "allowed" and prof.status == "silent":
        restrictions["profiling"] = prof.model_copy(update={
            "status": "allowed", "confidence": "low", "evidence": ads.evidence, "explanation": why})
    elif ads.status == "allowed" and prof.status == "prohibited":  # the promise does not reach the ads
        restrictions["profiling"] = prof.model_copy(update={
            "status": "limited", "confidence": "low", "evidence": prof.evidence + ads.evidence[:1],
            "explanation": f"{prof.explanation} But: {why}",
            "missing": ["the terms allow advertising chosen from users' information, which profiles them"]})


def _verdict(audience: str, restrictions: dict[str, RestrictionReading],
             rules: OperatorRules) -> tuple[str, str, list[str], list[str]]:
    """The verdict in plain words, its reason (the policy's), the conditions to ask the operator
    to confirm (one line per silent or limited restriction) and notes."""
    allowed = [r for r in restrictions.values() if r.status == "allowed"]
    open_ = [r for r in restrictions.values() if r.status in ("silent", "limited")]
    notes: list[str] = []
    if audience == "general":
        reason = (f"The service is designed and marketed for individuals generally: {rules.audience.exception} "
                  f"({rules.audience.citation}).")
        if allowed:
            notes.append("Even so, its terms allow " + ", ".join(r.title.lower() for r in allowed)
                         + "; staff may still prefer a service made for schools.")
        return "may be used", reason, [], notes
    if audience == "unclear":
        notes.append("The terms do not say who the service is designed for; they were read as if it were "
                     "for schools. Confirm with the operator.")
    if allowed:
        reason = ("The terms permit what the policy forbids an operator to do: "
                  + "; ".join(f"{r.title.lower()} ({r.explanation})" for r in allowed)
                  + f" ({rules.citation}).")
        return "may not be used", reason, [], notes
    if open_:
        conditions = []
        for r in open_:
            ask = rules.restriction(r.id).ask
            if r.missing:
                ask += " (" + "; ".join(r.missing) + ")"
            conditions.append(ask)
        reason = ("The terms do not commit to every restriction the policy places on operators ("
                  + ", ".join(r.title.lower() for r in open_)
                  + "): use it only once the operator confirms them in writing"
                  + f" ({rules.citation}).")
        return "may be used with conditions", reason, conditions, notes
    reason = f"The terms commit to each of the policy's four restrictions on operators ({rules.citation})."
    return "may be used", reason, [], notes
