"""An app's vetting report (:class:`generator.vetting.VetReport`) as plain text for the terminal
and as Markdown; the JSON shape is ``VetReport.to_json_dict``."""

from __future__ import annotations

from generator.documents.markup import md_inline
from generator.vetting import RESTRICTION_IDS, VET_NOTE, VetReport

MARK = {"prohibited": "✔ prohibited", "limited": "◐ limited", "silent": "? silent", "allowed": "✘ allowed"}
AUDIENCE = {"school": "designed and marketed for school purposes",
            "general": "designed and marketed for individuals generally",
            "unclear": "unclear: the terms do not say who the service is for"}


def _blocks(report: VetReport, md: bool) -> list[str]:
    esc = md_inline if md else str  # the operator's words show as typed, never as markup
    names = ", ".join(esc(d.name) for d in report.documents)
    head = "# " if md else ""
    sub = "## " if md else ""
    quote = "> " if md else "    "
    lines = [f"{head}Vetting: {names}", "", f"Verdict: {report.verdict.upper()}", report.reason, VET_NOTE, ""]
    if report.conditions:
        lines += ["Ask the operator to confirm in writing:"] + [f"- {c}" for c in report.conditions] + [""]
    lines += [f"Audience: {AUDIENCE[report.audience]}"]
    lines += [f"{quote}“{esc(e.text)}” ({esc(e.location)})" for e in report.audience_evidence[:2]] + [""]
    for rid in RESTRICTION_IDS:
        r = report.restrictions.get(rid)
        if r is None:
            continue
        low = " (confidence low: check it)" if r.confidence == "low" else ""
        lines += [f"{sub}{r.title}: {MARK[r.status]}{low}", r.explanation]
        lines += [f"- missing: {m}" for m in r.missing]
        lines += [f"{quote}“{esc(e.text)}” ({esc(e.location)})" for e in r.evidence]
        lines += [f"The policy: {r.policy}", ""]
    if report.permitted_uses:
        lines += [f"{sub}Permitted uses recognised (never counted against the operator)"]
        lines += [f"- {u.title}" for u in report.permitted_uses] + [""]
    lines += [f"Note: {esc(n)}" for n in report.notes]
    lines += ["Documents: " + "; ".join(f"{esc(d.name)} sha256 {d.sha256[:12]}" for d in report.documents),
              f"Rules: {report.library_version}"]
    return lines


def vet_text(report: VetReport) -> str:
    """The report as plain text for a terminal: verdict, reason, conditions, audience, each
    restriction with its quoted sentences and the policy's wording."""
    return "\n".join(_blocks(report, md=False)).rstrip() + "\n"


def vet_markdown(report: VetReport) -> str:
    """The report as Markdown; every text from the operator's documents is escaped where it
    could become markup."""
    return "\n".join(_blocks(report, md=True)).rstrip() + "\n"
