"""The operator rules in words, for ``sdpa library --trace``: each restriction, permitted use and
the audience test as the frames ``operators_reading.py`` reads, said in plain words."""

from __future__ import annotations

from generator.vetting import OperatorRules

SILENCE_SAYS_GENERAL = 40  # sentences: terms at least this long that hardly name a school are for anyone

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
                f"general when it says it is for anyone, or when terms of at least {SILENCE_SAYS_GENERAL} sentences name "
                f"a school in at most {a.general_share:.0%} of them; else unclear (a short text's silence is no "
                f"statement). For a general audience: {a.exception} ({a.citation})."))
    out.append(("statute", "The law named as a whole",
                "A commitment to comply with Connecticut's student data privacy law by name (§§ 10-234aa to "
                "10-234dd, or § 10-234cc) counts as prohibited for all four, confidence low."))
    return out
