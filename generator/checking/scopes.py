"""The reach of a term (issue 19's *scope*): whether a sentence limits itself to another jurisdiction's
people, schools or data, to adults, or to one programme, and the words the card names it by; the
clauses a negation reaches (``clauses_of``); and the plain forms of contractions ("we'll", "don't")
and of idioms a frame reads as one word ("does its best to", "is barred from"), so an informal
sentence is read as its formal twin.

    scope_of("If you are located in the EEA, we delete your data on request.") == "EEA"
    plain_words("We'll never sell it.") == "We will never sell it."
"""

from __future__ import annotations

import re
from functools import lru_cache

from generator.checking.amendments import in_force

# places whose law or people a term may be limited to: not Connecticut's schools
PLACES = ("European Economic Area|EEA|European Union|EU|GDPR|United Kingdom|UK|Switzerland|Swiss|European|Canada|Ontario|"
           "Quebec|British Columbia|Alberta|(?<!New )England|Scotland|Wales|Ireland|India|Germany|France|New Zealand|"
           "Australia|Canadian|Australian|British|Irish|District of Columbia|Alabama|Alaska|Arizona|Arkansas|California|Colorado|Delaware|Florida|Georgia|Hawaii|Idaho|"
           "Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|"
           "Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|"
           "North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|"
           "South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming")
# data protection laws named for the place whose people they protect
REGIMES = "UK GDPR|GDPR|CCPA|CPRA|PIPEDA|LGPD|DPDP Act|DPDPA"
_SCOPE = re.compile(
    r"\b(?:if you (?:are|reside)|for (?:users|individuals|residents|people)|where (?:the |a |an |your |its )?(?:\w+ )?"
    r"(?:school|district|agency|lea|institution|customer|user|student|pupil|parent|child|controller)s? (?:is|are)(?: an? \w+)?)"
    rf" (?:located |based |resident )?in (?:the )?(?P<place>{PLACES})\b"
    rf"|\b(?P<data>{PLACES})\s+(?:student\s+|personal\s+|school\s+|(?:local\s+)?education(?:al)?\s+)?(?P<noun>data|information|records?|region|"
    r"residents?|users?|consumers?|citizens?|data subjects?|students?|pupils?|schools?|districts?|customers?|leas?|agenc(?:y|ies))\b"
    r"|\b(?:applies|apply) (?:only|solely|exclusively) to (?P<only>(?:\w+ ){0,3}\w+)"
    rf"|\bwhere (?:the )?(?P<law>{PLACES})(?: GDPR| law| laws| data protection law| privacy law)? (?:applies|apply)\b"
    # "personal data subject to the GDPR", "information covered by the CCPA": data another place's law reaches
    rf"|\b(?:data|information|records?)(?:(?: that| which)? (?:is|are))? (?:subject to|governed by|covered by|"
    rf"protected by|within the scope of) (?:the )?(?P<regime>{REGIMES}|(?:{PLACES})(?: \w+){{0,3}}? (?:law|laws|act|regulation))\b"
    r"|\b(?:users|individuals|people) (?:aged |who are )?(?:18|eighteen|over 18|adults?)\b"
    r"|\badult (?:[\w]+[ -])?(?:learners|users|customers|education|app|apps|product)\b|\bonly adult (?:students|learners|users)\b"
    r"|\b(?:students|users|learners|individuals) (?:who (?:have reached|are|have attained|are at least) |aged |over )(?:the age of )?(?:18|eighteen)\b"
    r"|\bonly (?:for|in|to) (?:the )?(?P<prog>\w+ (?:program|programme|pilot))\b"
    r"|\b(?:(?:enrolled|participating|registered) in|for|under|within) (?:the |our |its )?"
    r"(?P<named>(?-i:[A-Z]\w+ ){1,4}(?:program|programme|course))\b"
    # (after a named one) "For the Enterprise plan only", "for the pilot schools only"
    r"|\b(?:for|concerning|regarding) (?:the |our |its )?(?P<just>(?:(?!(?:purposes?|duration|term|life|length|use)\b)[\w-]+ ){0,3}?(?:plan|tier|edition|pilot|pilot schools|program|programme|package|add-on|"
    r"module|version)) only\b"
    # "Solely with respect to the summer reading pilot": one programme, whatever its name
    r"|\b(?:solely|only|exclusively) (?:with respect to|in relation to|as to|as regards) (?:the |our |its |this |that )?"
    r"(?P<solely>(?:[\w-]+ ){0,4}?(?:program|programme|pilot|project|study|course|plan|tier|edition|module|add-on))\b"
    # "Where the District has purchased the Premium Privacy tier": the customers of one tier the board must buy
    r"|\b(?:where|if|once|when) (?:the )?(?:district|school|board|lea|customer|you) (?:has |have )?(?:purchased|buys|bought|subscribes? to|"
    r"subscribed to|licenses|licensed|upgrades? to|upgraded to) (?:the |our |its |a |an )?"
    r"(?P<bought>(?:[\w-]+ ){0,3}?(?:tier|plan|edition|add-on|module|package|subscription|bundle))\b"
    # "With respect to the Tutoring Add-On only": one named offering
    r"|\b(?:with respect to|in relation to|as to|as regards) (?:the |our |its )?(?P<offer>(?-i:[A-Z][\w-]*(?: [A-Z][\w-]*){0,4})) only\b"
    # "for schools using our Premium Reading tier": the customers of one named tier, plan or add-on
    r"|\bfor (?:schools|districts|customers|users|accounts|institutions|subscribers|teachers) (?:(?:that|who) )?"
    r"(?:using|use|on|subscribed to|subscribing to|subscribe to|purchasing|purchase|licensing|license) (?:the |our |its |a |an )?"
    r"(?P<tier>(?-i:[A-Z][\w-]*(?: [A-Z][\w-]*){0,3}) (?:tier|plan|edition|add-on|module|package|subscription|bundle))\b"
    rf"|\b(?:residents?|users?|individuals|people|consumers|citizens|students|pupils|schools|districts|customers)"
    rf" (?:of|from) (?:the )?(?P<of>{PLACES})\b"
    # "for students enrolled in schools located in Texas": the people or schools of another place
    r"|(?:\b(?:for|to|of|with) |^)(?:\w+ ){0,2}?(?:students?|pupils?|learners?|children|schools?|districts?|users?|customers?|residents?|"
    r"data subjects?|individuals?|LEAs?|(?:local )?(?:education(?:al)? )?agenc(?:y|ies))"
    rf"(?: \w+){{0,4}}? (?:located |based |residing )?in (?:the )?(?:(?:State|Commonwealth|Province) of )?(?P<among>{PLACES})\b", re.I)
# every _SCOPE match holds one of these at a word's start: a sentence without any is searched no further
_SCOPE_WORDS = re.compile(rf"\b(?:{PLACES}|{REGIMES}|only|solely|exclusively|18|eighteen|adult|program|pilot|course|tier|plan|edition|add-on|module|package|"
                          r"subscription|bundle)", re.I)


# a reach that widens the term rather than narrowing it: "including data of students located in California";
# a sentence naming Connecticut or every state covers the board's students too
_WIDENS = re.compile(r"\b(?:including|includes|include|such as|as well as|in addition to|also|and|or|whether)\W+"
                     r"(?:\w+(?:['’]s)?\W+){0,4}?$", re.I)
_OURS = re.compile(r"\bConnecticut\b|\b(?:all|every|each|any) (?:U\.?S\.? )?states?\b|\bUnited States\b", re.I)


_PLACE = re.compile(rf"\b(?:{PLACES}|{REGIMES})\b", re.I)
# a duty said for every case beside it ("in all cases the Vendor shall notify the District"); a reach in a later
# conjunct narrows that conjunct, not the duty before it (but ", but only for ..." narrows the duty)
_LATER = re.compile(r";(?!\s*(?:and|but)?\s*only\b)|,\s*(?:and|but)\b(?! only\b)", re.I)
# ... unless the later clause names the whole term: "; this Section applies only to LEAs in Texas"
_WHOLE_TERM = re.compile(r"\W*(?:and\s+)?(?:this|that|the foregoing|each such) (?:article|section|clause|paragraph|subsection|provision|"
                         r"term|sentence|obligation|requirement|exhibit|schedule|addendum|agreement)s? (?:\w+ )?(?:applies|apply|extends?)\b", re.I)
# the contract's own programme, not a narrower one: "solely with respect to the Literacy Pilot that is the subject of this Agreement"
_OWN_PROGRAMME = re.compile(r"\W*(?:[\w-]+ ){0,2}?(?:(?:that|which) (?:is|are) the subject of|(?:that|which) (?:this|the) agreement covers|under|covered by) "
                            r"(?:this|the) (?:agreement|contract|addendum|dpa)\b", re.I)
# a place the document was first written for, in an aside ("Although this model agreement was first written for Utah
# schools, the Provider shall ..."): its history, not the term's reach
_HISTORY = re.compile(r"\b(?:although|though|while|even though|originally|initially|first) (?:\w+\W+){0,8}?"
                      r"(?:written|drafted|prepared|developed|designed|adapted)(?: for)?\W+(?:\w+\W+){0,2}?$", re.I)
_ALL_CASES = re.compile(r"\bin (?:all|every) (?:cases?|circumstances)\b", re.I)  # not "in any event ... within 48 hours": a time
_EVERY_PLAN = re.compile(r"\b(?:every|all|any|each) (?:\w+ )?(?:tiers?|plans?|editions?|subscriptions?|packages?|add-ons?)\b", re.I)


def elsewhere(scope: str) -> bool:
    """Whether a reach ``scope_of`` named is another jurisdiction's people, schools or data: not Connecticut's."""
    return bool(_PLACE.search(scope))


def names_ours(text: str) -> bool:
    """Whether ``text`` names Connecticut, or every state, beside any other place: its reach covers the board."""
    return bool(_OURS.search(text))


def scope_of(text: str) -> str:
    """The narrower reach ``text`` names, in words ("EU data", "people in California", "adults"), or "".
    A place named to widen the term ("including students in California"), or beside Connecticut, narrows
    nothing."""
    if not _SCOPE_WORDS.search(text):
        return ""
    ours = None  # whether the sentence names Connecticut too: searched once, when a place is met
    for m in _SCOPE.finditer(text):
        if (m.group("tier") or m.group("just") or m.group("bought")) and _EVERY_PLAN.search(text):
            continue  # "on the Free plan and on every paid plan": every customer
        before = text[max(0, m.start() - 80):m.start()]
        if ((_WIDENS.search(before[-50:]) and not m.group("only")) or _HISTORY.search(before) or _ALL_CASES.search(text) or _later(text, m)
                or (m.group("solely") and _OWN_PROGRAMME.match(text, m.end()))):
            continue  # "parents and adult learners", "in all cases", "..., and for the Premium plan only, shall also ..."
        if any(m.group(g) for g in ("place", "data", "law", "regime", "of", "among")):
            ours = names_ours(text) if ours is None else ours
            if ours:
                continue
        return _named(m)
    return ""


def _later(text: str, m: re.Match[str]) -> bool:
    """Whether the reach ``m`` is in a later clause than the duty (see ``_LATER``), one that does not limit the
    whole term to another place ("; this Section applies solely to LEAs in Texas"; "...; this Section applies
    solely to the District and its schools" limits nothing)."""
    cuts = list(_LATER.finditer(text, 0, m.start()))
    return bool(cuts) and not (_WHOLE_TERM.match(text, cuts[-1].end()) and _PLACE.search(text, m.start(), m.end() + 60))


def _named(m: re.Match[str]) -> str:
    """The narrower reach a ``_SCOPE`` match names, in words ("EU data", "people in California")."""
    if m.group("place"):
        return m.group("place")
    if m.group("only") and (place := _PLACE.search(m.string, m.start(), m.end() + 60)):
        return f"people or schools in {place.group(0)}"  # "applies only to LEAs located in the State of Illinois"
    if m.group("among") or m.group("of"):
        return f"people or schools in {m.group('among') or m.group('of')}"
    if m.group("data"):
        about_data = m.group("noun").lower() in ("data", "information", "record", "records", "region")
        return f"{m.group('data')} data" if about_data else f"people in {m.group('data')}"
    if m.group("law"):
        return f"where {m.group('law')} law applies"
    if m.group("regime"):
        return f"data subject to {m.group('regime')}"
    if m.group("tier"):
        return f"the {m.group('tier')}"
    if m.group("just") or m.group("solely") or m.group("bought"):
        return f"the {m.group('just') or m.group('solely') or m.group('bought')}"
    return m.group("only") or m.group("prog") or m.group("named") or m.group("offer") or "adults"


_CONTRACTIONS = re.compile(r"\b(won|can|shan)['’]t\b|\b(\w+)n['’]t\b|['’](ll|d|re|ve)\b", re.I)
_FULL = {"won": "will not", "can": "cannot", "shan": "shall not", "ll": " will", "d": " would", "re": " are",
         "ve": " have"}


def plain_words(text: str) -> str:
    """``text`` with its contractions written out ("we'll" → "we will", "doesn't" → "does not",
    "can't" → "cannot"), the same text when it has none."""
    if "'" not in text and "’" not in text:
        return text

    def full(m: re.Match[str]) -> str:
        if m.group(1):
            return _FULL[m.group(1).lower()]
        if m.group(2):
            return f"{m.group(2)} not"
        return _FULL[m.group(3).lower()]
    return _CONTRACTIONS.sub(full, text)


# an effort or an aim said in several words ("works hard to", "does its best to", "makes every effort
# to", "our goal is to"): read as "strives to", so the frame promises the effort, not the act.
# "Uses commercially reasonable efforts to" stays a duty (see frames._FILLER)
_EFFORT_IDIOM = re.compile(r"\b(?:works?|working) hard to\b|\b(?:does|do) (?:our|its|their) (?:very )?best to\b"
                           r"|\bmakes? (?:every|all) (?:reasonable |possible |commercially reasonable )?efforts? to\b", re.I)
_REFRAIN = re.compile(r"\b(?:refrain|refrains|abstain|abstains) from\b", re.I)  # "shall refrain from using": "shall not using"
_BARRED = re.compile(r"\b(?:is|are|shall be|will be) (?:\w+ )?(?:(?:barred|forbidden|precluded|prohibited) from|"
                     r"(?:forbidden|prohibited) to)\b", re.I)  # "is barred from using": "shall not using"
# a bound on a time or an amount said with a negation ("shall, not later than 72 hours after, notify"): a
# limit, not a refusal, read in plain words
_BOUND = re.compile(r"\b(?:not|no) (?:(later)|(more|greater)|(less|fewer|earlier|sooner)) than\b|\bnot (?:to )?exceed(?:ing)?\b", re.I)
_GOAL = re.compile(r"\b(our|its|their) (?:goal|aim|objective|intention|mission) is to\b", re.I)
_GOAL_WHO = {"our": "we", "its": "it", "their": "they"}
BINDING_MODAL = re.compile(r"\b(?:shall|will|must|agrees?)\b", re.I)  # a modal that binds someone, negated or not


def _effort(m: re.Match[str], effort: str) -> str:
    """The effort idiom ``m`` written as ``effort``, unless a binding modal follows it ("we do our best
    to respond, and we will notify ...": the later duty stands)."""
    return m.group(0) if BINDING_MODAL.search(m.string, m.end()) else effort


# a contrast set off by commas that names who does not ("Your school, not us, owns the records"): the
# party before it alone does what follows, and the "not" denies the aside's party, not the verb
_ASIDE = re.compile(r",\s*(?:and\s+)?not\s+(?:us|we|them|(?:the\s+|our\s+|its\s+|your\s+|any\s+)?(?:vendor|provider|"
                    r"contractor|company|operator|processor|supplier|school|district|board|institution|customer|parent|"
                    r"student|user|teacher)s?)\s*,\s*", re.I)


def plain_asides(text: str) -> str:
    """``text`` with a contrasting aside that names a party ("the school, not us, owns ...") read as
    "the school alone owns ..."; the same text when it has none."""
    return _ASIDE.sub(" alone ", text) if ", not " in text or ",not " in text else text


# a negation said before the modal ("In no event will Provider retain ...", "Under no circumstances shall Student Data be
# used ...") or between the modal and the verb ("Provider will in no event retain", "will never retain"): "X will not"
_NO_EVENT = r"(?:in no event|under no circumstances?|at no time|in no case)"
_NO_EVENT_FIRST = re.compile(rf"(?i:{_NO_EVENT})\s*,?\s+(?i:(shall|will|may|must|can|should))\s+"
                             r"((?i:the\s+|any\s+)?(?:[A-Z][\w'’-]*\s+){1,3}|(?i:we|it|they)\s+)")
_NOT_FAIL = re.compile(r"\bnot fail to\s+", re.I)
_NO_EVENT_AFTER = re.compile(rf"\b(shall|will|may|must|can|should)\s+(?:{_NO_EVENT}|never)\b,?", re.I)


def plain_negations(text: str) -> str:
    """``text`` with a negation said before its modal, or between the modal and the verb, as "not" after the
    modal ("In no event will Provider retain" → "Provider will not retain"); the same text when it has none."""
    low = text.lower()
    if " no " not in low and "never" not in low:
        return text
    text = _NO_EVENT_AFTER.sub(r"\1 not", _NO_EVENT_FIRST.sub(lambda m: f"{m.group(2)}{m.group(1)} not ", text))
    return _NOT_FAIL.sub("", text)  # "will not fail to delete": "will delete"


# an e-mail or web address is one word where a rule counts words ("a written request sent to privacy@acme-learning.com
# is to be erased"), not the four its dots and dashes would make
_ADDRESS = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b(?:https?://|www\.)[^\s)\]]*[^\s.,;:)\]]")


def as_read(text: str) -> str:
    """``text`` as the patterns and the frames read it: with the words an amendment in it removes taken
    out (:func:`generator.checking.amendments.in_force`), a negation before the modal after it
    (:func:`plain_negations`), a contrasting aside as "alone" (:func:`plain_asides`) and an address as one word."""
    text = _ADDRESS.sub("address", text) if "@" in text or "www." in text or "://" in text else text
    return plain_asides(plain_negations(in_force(text)))


def plain_idioms(text: str) -> str:
    """``text`` with the idioms a frame reads as one word written as that word: an effort or an aim in
    several words as "strives to" (see _EFFORT_IDIOM), "refrain from" as "not", "is barred from" as
    "shall not", a bound said with a negation as a bound ("not later than" as "within", "not more than" as
    "at most"), as :func:`as_read` reads it."""
    text = _EFFORT_IDIOM.sub(lambda m: _effort(m, "strives to"), as_read(text))
    text = _BARRED.sub("shall not", _REFRAIN.sub("not", text))
    if "than" in text or "xceed" in text:
        text = _BOUND.sub(lambda m: "within" if m.group(1) else "at least" if m.group(3) else "at most", text)
    return _GOAL.sub(lambda m: _effort(m, f"{_GOAL_WHO[m.group(1).lower()]} strive to"), text)


_CLAUSE_WORDS = ("but", "however", "although", "whereas", "except that")  # each in _CLAUSE
_CLAUSE = re.compile(r";|\s(?:but|however|although|whereas|except that|provided,? however)\b,?", re.I)
_ITEMS = re.compile(r"(.*?\S)\s+\((?:a|i|1)\)\s", re.I)  # a lead-in before an inline list's "(a)"
_EXCEPTING = re.compile(r"\b(?:except|other than|unless|save|excluding|but)\b", re.I)
_JOIN = re.compile(r"^(?:or|and)\s+", re.I)
_ITEM = re.compile(r"(?:(?:or|and)\s+)?\((?:[a-z]|[ivx]+|\d+)\)\s", re.I)  # a clause that is a later item: "or (c) ..."


def clauses_of(text: str) -> list[str]:
    """A sentence cut at semicolons and contrasting conjunctions (``but``, ``however``): the
    scope within which a negation counts. Colons do not cut, so a list item keeps its lead-in; the
    later items of an inline list ("shall not (a) sell ...; (b) use ...") are given it again."""
    low = text.lower()
    if ";" not in text and not any(w in low for w in _CLAUSE_WORDS):
        return [text.strip()] if text.strip() else []
    cut = [c.strip() for c in _CLAUSE.split(text) if c and c.strip()]
    lead = _ITEMS.match(cut[0])  # "shall not (a) sell ...; (b) use ...": each item keeps "shall not"
    if lead and _EXCEPTING.search(lead.group(1)):
        lead = None  # "shall not disclose except (a) ...; (c) to advertisers": the items are what it may do
    return [cut[0]] + [f"{lead.group(1)} {_JOIN.sub('', c, count=1)}" if lead and _ITEM.match(c) else c for c in cut[1:]]


# a section's label that names another place and nothing else: "Part D-1: Illinois.", "CALIFORNIA ADDENDUM",
# "Additional Terms for EU and UK Customers" (a marker, then title words around the place)
_PARTS = "part|schedule|exhibit|annex|appendix|attachment|rider|supplement"  # the words that open a part's label
_MARKER = re.compile(rf"^\W*(?:(?:{_PARTS}|addendum|article|section)\s+[\w.-]{{1,6}}\s*(?:[:.–—-]\s*)?)?", re.I)
_TITLE_WORDS = frozenset(
    "additional and or for to the of in only specific applicable state states terms provisions addendum rider supplement schedule "
    "exhibit annex appendix part schools students districts agencies residents users customers consumers data "
    "subjects personal information requirements located law laws privacy notice rights protection transfers "
    "disclosures student education educational local".split())
_TITLE_WORD = re.compile(r"[\w-]+")


@lru_cache(maxsize=16384)  # a document's sentences are looked at again when it is checked again
def place_label(text: str) -> str:
    """The other place a section's label names when it names nothing else ("Part A: California." →
    "California"), or "": a sentence that states anything, or names Connecticut or every state too, is none."""
    if len(text) > 120 or text.count(" ") > 12 or sum(w.lower() not in _TITLE_WORDS for w in _TITLE_WORD.findall(text)) > 6:
        return ""  # a label is a marker and a few title words around a place's name: no more is searched
    rest = _MARKER.sub("", text, count=1)
    place = _PLACE.search(rest)
    if not place or names_ours(rest):
        return ""
    words = _TITLE_WORD.findall(_PLACE.sub(" ", rest))
    return place.group(0) if len(words) <= 8 and all(w.lower() in _TITLE_WORDS for w in words) else ""


# a paragraph label of another part, whatever it names: "Part 3: General Terms.", "Schedule 4 - All Districts."
_NEXT_PART = re.compile(rf"^\W*(?:{_PARTS})\s+[\w.-]{{1,6}}\s*[:.–—-]\s*"
                        r"(?:[\w-]+\s+){0,5}?[\w-]+\.?$", re.I)


def section_places(labels: list[tuple[str, bool, int]]) -> list[str]:
    """For each sentence (its text, whether it is a heading, its paragraph), the other place whose section it
    is in, or "". A heading that names only another place reaches to the next heading; a label in a paragraph
    ("Part D-1: Illinois. The Vendor shall ...") to the paragraph's end, or, when nothing after it in its
    paragraph binds anyone ("Part 1 - Oregon. This Part applies only to ..."), to the next heading or label.
    A heading before the first sentence of the body is the document's title: it names the whole document."""
    named = [place_label(text) for text, _, _ in labels]
    labelled = {paragraph for (_, heading, paragraph), label in zip(labels, named) if label and not heading}
    binds = {paragraph for (text, heading, paragraph), label in zip(labels, named)
             if paragraph in labelled and not heading and not label and BINDING_MODAL.search(text)}
    out: list[str] = []
    place, block, begun = "", None, False
    for (text, heading, paragraph), label in zip(labels, named):
        if heading:
            place, block = (label if begun else ""), None
        elif label:
            place, block = label, (paragraph if paragraph in binds else None)
        elif (block is not None and paragraph != block) or _NEXT_PART.match(text):
            place, block = "", None  # "Part 3: General Terms." begins another part
        begun = begun or not heading
        out.append("" if heading or label else place)
    return out
