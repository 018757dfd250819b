"""Severability read as its concept rather than its usual words (the twelfth round).

A severability term has two parts: a trigger (some term of the contract is found invalid,
unenforceable, unlawful, void, contrary to law or not able to be enforced) and a consequence for
the rest of the contract (it stays binding, in effect, unaffected, or the bad term alone is cut
out). The statute's duty is about the contract as a whole: the rest of the contract survives.

- present: the trigger and the whole contract's survival, in any words, or a statement that the
  terms are severable;
- partial: the bad term is to be replaced or renegotiated with nothing said of the rest, or the
  survival is confined to one section (a liability cap, an arbitration clause);
- missing: a heading alone, survival after termination, "avoidance of doubt", "to the fullest
  extent permitted by law" or joint and several liability, which share words with it but are
  other terms.

Every sentence here is our own wording. Each test of a new reading failed before the round's
change; the cases marked "stays" held before and must still hold.
"""

from __future__ import annotations

import pytest

from .test_duty_phrasings import finding


def status(text: str, library) -> str:
    return finding(text, library, "severability").status


# ---------------------------------------------------------------- the trigger and the survival in other words


@pytest.mark.parametrize("text", [
    # a noun for the trigger, a negated verb for the consequence
    "The unenforceability of any clause of this Agreement shall not affect the enforceability of the rest of it.",
    # "binding" rather than "in effect"; the rest called the balance
    "Should a tribunal decide that a term of these Terms cannot be enforced, the balance of these Terms remains "
    "binding on both parties.",
    # the trigger as a conflict with the law; the others "keep applying"
    "If a section of this contract turns out to be contrary to law, the other sections keep applying as "
    "written.",
    # a contraction
    "A provision of this Agreement that is not enforceable doesn't affect the validity of its other "
    "provisions.",
    # "ineffective"; the remainder enforced
    "Where any term of this Agreement is held ineffective, the remainder of this Agreement shall be enforced "
    "as written.",
    # "continues to apply", with "still" between the parts
    "Even if a court declares one of these provisions unlawful, every other provision still continues to "
    "apply.",
    # the others "unimpaired"
    "Every term here stands on its own, so a ruling that one term is void leaves the others unimpaired.",
    # plain speech: a piece of the terms, "whatever remains still counts"
    "If some piece of these terms proves unlawful, whatever remains of them still counts.",
    "If any provision is found invalid, the remaining provisions remain in full force and effect.",  # stays
    "Each provision of this Agreement is severable from the others.",  # stays
])
def test_an_invalid_term_and_the_rest_surviving_it_is_severability(library, text):
    assert status(text, library) == "present"


# ---------------------------------------------------------------- the rest not saved: partial


@pytest.mark.parametrize("text", [
    # a heading names the term, but the text only promises a replacement
    "Severability. If any provision of this Agreement is held invalid, the parties shall meet and agree on a "
    "lawful provision in its place.",
    # renegotiation, the valid word before the verb
    "If a court finds any term of this Agreement unenforceable, the parties will negotiate in good faith a "
    "lawful term to take its place.",
])
def test_a_replacement_with_nothing_said_of_the_rest_is_partial(library, text):
    assert status(text, library) == "partial"


@pytest.mark.parametrize("text", [
    "If any cap on damages in Section 12 is held unenforceable, the remaining caps in Section 12 continue to "
    "apply.",
    "If any part of this Section 8 (Arbitration) is held invalid, the rest of this Section 8 remains in effect.",
    "Should any limit in this Article be found unlawful, the other limits of this Article shall not be affected.",
])
def test_survival_confined_to_one_section_is_partial(library, text):
    assert status(text, library) == "partial"


@pytest.mark.parametrize("text", [
    # the Agreement as a whole survives: a section number elsewhere in the sentence does not narrow it
    "If any provision of this Agreement is held invalid, the remaining provisions of this Agreement remain in "
    "effect, as Section 14 also provides.",
    "If any term of this Addendum is found unenforceable, the other terms of this Addendum and of the "
    "Agreement remain in force.",
])
def test_the_whole_contract_surviving_stays_present(library, text):
    assert status(text, library) == "present"


# ---------------------------------------------------------------- other terms with the same words: missing


@pytest.mark.parametrize("text", [
    # "void" inside "avoidance": survival after termination, not severability
    "For the avoidance of doubt, the terms of Section 6 remain in full force after this Agreement ends.",
    # "to the fullest extent permitted by law" is a disclaimer's reach, not a saving of the rest
    "To the fullest extent permitted by law, the Vendor disclaims all implied terms, and no invalid use of the "
    "Service is covered.",
    # "several" liability is not severance
    "The parties are jointly and severally liable under this Agreement, and any provision that is unlawful "
    "binds neither of them.",
    # a heading alone
    "Severability; Headings. Headings in this Agreement are for convenience only.",
    # invalidity ends the whole contract
    "If any provision of this Agreement is found unenforceable, this Agreement terminates at once.",  # stays
])
def test_other_terms_sharing_its_words_are_not_severability(library, text):
    assert status(text, library) == "missing"
