"""What duty frames say in words: why a finding resting on them may be wrong (the card's doubts)
and a provision's frame rule as ``sdpa library --trace`` prints it."""

from __future__ import annotations

from generator.checking.frames import VERB_REACH, Frame, frame_gaps


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
             "binding (shall, will, must, agrees; for the contractor not may, can, reserves the right, endeavours)",
             "not a pointer to another text nor a disclaimer, not the user's own control, no narrower scope (another "
             "state, EU data, adults, one programme)"]
    if rule.about_data and rule.other_data:
        parts.append("data: student data or data in general (not de-identified, cookie, payment or account data, "
                     "nor Confidential Information, nor data from one source such as a sign-in partner)")
    if rule.beneficiary:
        parts.append(f"owed to: the {' or the '.join(rule.beneficiary)}")
    for group in rule.needs:
        parts.append(f"names one of: {', '.join(group)}")
    if rule.after_end:
        parts.append("no time for which data is kept after the contract ends")
    text = "Frame: " + "; ".join(parts) + ". A frame lacking one of these makes it partial at most."
    if rule.duty_actions:
        text += (f" Present with high confidence only when a sentence states the whole duty: "
                 f"{' or '.join(rule.duty_actions)}, within {VERB_REACH} words of its modal.")
    if rule.mentions:
        text += f" A user's or parent's own right to {' / '.join(rule.mentions)} makes it partial, not missing."
    for c in conflicts:
        if c.frame is not None:
            objects = f" {' / '.join(c.frame.objects)}" if c.frame.objects else ""
            unless = f", unless it says {', '.join(c.frame.unless)}" if c.frame.unless else ""
            text += f" Conflict ({c.kind}) as a frame: the contractor may {' / '.join(c.frame.actions)}{objects}{unless}."
    return text
