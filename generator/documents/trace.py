"""The provision-by-provision trace a lawyer can review, generated from ``clauses/``: what the
law requires and where it says so (verified, or "to confirm"), the model clause, what the check
counts as present or partial, and the letter's cure text."""

from __future__ import annotations

import json
import textwrap
from dataclasses import asdict, dataclass, field
from datetime import date

from generator.checking.frame_rules import rule_in_words
from generator.checking.operators_reading import rules_in_words
from generator.documents.citations import CitationCheck, check_citation, citations_in
from generator.documents.letters import LETTERS_DIR, letter_text
from generator.documents.render import plain, render_text, to_blocks, vendor_context
from generator.models import Board, Library, Provision, Vendor

SAMPLE_VENDOR = Vendor(name="Example Learning Co.", product="Example Reader",
                       contact_email="privacy@example.org", contract_date=date(2026, 9, 1),
                       purpose="Reading practice for grades K-5.", data_collected=["Student name", "Reading level"])


def docx_citations(data: bytes, library: Library) -> list[CitationCheck]:
    """Every citation in a generated DOCX (a letter, an addendum), each checked as in the trace:
    what counsel must confirm before it is sent."""
    import io

    import docx

    from generator.reading.lines import (
        normalize,  # reads the non-breaking spaces and hyphens of citations back
    )

    d = docx.Document(io.BytesIO(data))
    text = normalize("\n".join(p.text for p in d.paragraphs))
    return [check_citation(library, c) for c in citations_in(text)]


@dataclass
class TraceRow:
    """One provision of the trace."""

    number: int
    id: str
    title: str
    basis: str
    requirement: str
    citation: str
    clause: str
    present_when: str
    partial_when: str
    missing_when: str
    cure: str
    letter_note: str
    frame: str = ""  # the provision's rule as a duty frame, in words
    citations: list[CitationCheck] = field(default_factory=list)

    @property
    def to_confirm(self) -> list[CitationCheck]:
        return [c for c in self.citations if not c.verified]


BASIS_LABEL = {"10-234bb(a)": "§ 10-234bb(a) term", "policy": "the Board's policy (not an (a) term)"}


def _partial_when(p: Provision) -> str:
    parts = [p.detect.partial_explanation] if p.detect.partial_explanation else []
    reasons = [w.reason for w in p.detect.weakeners if w.counts] + [x.reason for x in p.detect.limits]
    if reasons:
        parts.append("Also partial when: " + "; ".join(dict.fromkeys(reasons)) + ".")
    aside = [w.reason for w in p.detect.weakeners if not w.counts]
    if aside:
        parts.append("Not counted at all when: " + "; ".join(dict.fromkeys(aside)) + " (not Connecticut's).")
    return " ".join(parts) or "No partial reading: the provision is present or missing."


def _plain(text: str) -> str:
    """Rendered clause text as plain paragraphs (Markdown emphasis and list marks dropped)."""
    return "\n\n".join(("- " if b.kind == "bullet" else "") + plain(b.raw) for b in to_blocks(text))


def library_trace(library: Library, board: Board, vendor: Vendor | None = None) -> list[TraceRow]:
    """One :class:`TraceRow` per provision, in order, built only from ``clauses/``: the model
    clause is rendered for ``vendor`` (default :data:`SAMPLE_VENDOR`), so no template code shows."""
    ctx = {"vendor": vendor_context(vendor or SAMPLE_VENDOR), "board": board.model_dump()}
    rows = []
    for p in library.provisions:
        clause = _plain(render_text(p.text, ctx, p.source))
        sources = [p.citation, p.requirement, p.basis_note, p.cure, clause,
                   *(c.explanation for c in p.conflicts)]
        cites = citations_in("\n".join(sources))
        rows.append(TraceRow(
            number=p.number, id=p.id, title=p.title, basis=BASIS_LABEL[p.basis], requirement=p.requirement,
            citation=p.citation, clause=clause, present_when=p.detect.present_explanation,
            frame=rule_in_words(p.detect.frame, p.conflicts),
            partial_when=_partial_when(p), missing_when=p.detect.missing_explanation, cure=p.cure,
            letter_note=p.basis_note, citations=[check_citation(library, c) for c in cites]))
    return rows


def operator_trace(library: Library) -> list[dict]:
    """The operator rules (``clauses/operators.yaml``, read by ``sdpa vet``) as frames in words:
    one ``{"id", "title", "frame"}`` per restriction, permitted use and the audience test;
    empty when the library has none."""
    if library.operators is None:
        return []
    return [{"id": i, "title": t, "frame": f} for i, t, f in rules_in_words(library.operators)]


def parts_citations(library: Library) -> dict[str, list[CitationCheck]]:
    """The citations of the addendum's other parts and of the letters, by file, each checked."""
    out = {f"sections/{s.source}": s.citation + "\n" + s.text for s in library.parts.values()}
    for path in sorted(LETTERS_DIR.glob("*.md")):
        meta, text = letter_text(path.stem)
        out[f"letters/{path.name}"] = str(meta.get("citation", "")) + "\n" + text
    return {name: [check_citation(library, c) for c in citations_in(text)] for name, text in out.items()}


# ---------------------------------------------------------------- output


def trace_json(library: Library, board: Board) -> str:
    """The trace as JSON: library version, one object per provision, the other parts' citations."""
    rows = []
    for r in library_trace(library, board):
        d = asdict(r)
        d["to_confirm"] = [c.citation for c in r.to_confirm]
        rows.append(d)
    parts = {k: [asdict(c) for c in v] for k, v in parts_citations(library).items()}
    return json.dumps({"library_version": library.version, "content_hash": library.content_hash,
                       "provisions": rows, "other_parts": parts, "operators": operator_trace(library)},
                      indent=2, ensure_ascii=False)


def _cites(checks: list[CitationCheck]) -> str:
    return "; ".join(f"{c.citation} (verified)" if c.verified else f"{c.citation} (TO CONFIRM: {c.note})"
                     for c in checks)


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split("\n\n")).replace("\n", " ")


def trace_markdown(library: Library, board: Board) -> str:
    """The trace as a Markdown table, one row per provision, then the other parts' citations."""
    head = ["#", "Provision", "Basis", "What the law requires", "Citations", "Model clause (sample vendor)",
            "Check: present when", "Check: the duty frame", "Check: partial when", "Letter: to cure"]
    lines = [f"# Clause library trace: {library.name}, version {library.version}", "",
             "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in library_trace(library, board):
        cure = r.cure + (f" {r.letter_note}" if r.letter_note else "")
        cells = [str(r.number), f"{r.title} (`{r.id}`)", r.basis, r.requirement, _cites(r.citations), r.clause,
                 r.present_when, r.frame, r.partial_when, cure]
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    ops = operator_trace(library)
    if ops:
        lines += ["", "## Vetting an app: the operator rules as frames (`sdpa vet`)", ""]
        lines += [f"- **{_cell(o['title'])}** (`{o['id']}`): {_cell(o['frame'])}" for o in ops]
    lines += ["", "## Other parts of the library", ""]
    for name, checks in parts_citations(library).items():
        lines.append(f"- `{name}`: {_cites(checks) or 'no citation'}")
    return "\n".join(lines) + "\n"


def trace_table(library: Library, board: Board, width: int = 100) -> str:
    """The trace for a terminal: one block per provision, labelled lines wrapped to ``width``."""
    def field_(label: str, text: str) -> list[str]:
        body = " ".join(text.split())
        return textwrap.wrap(body, width, initial_indent=f"    {label:<13}", subsequent_indent=" " * 17) or [f"    {label}"]

    out = [f"{library.name}, version {library.version} (clauses {library.content_hash}): trace of "
           f"{len(library.provisions)} provisions", ""]
    for r in library_trace(library, board):
        out.append(f"{r.number:>2}  {r.title} [{r.id}], {r.basis}")
        out += field_("Law:", f"{r.requirement} ({r.citation})")
        out += field_("Clause:", r.clause)
        out += field_("Present:", r.present_when)
        out += field_("As a frame:", r.frame)
        out += field_("Partial:", r.partial_when)
        out += field_("Cure:", r.cure + (f" {r.letter_note}" if r.letter_note else ""))
        out += field_("Citations:", _cites(r.citations))
        out.append("")
    ops = operator_trace(library)
    if ops:
        out.append("Vetting an app (sdpa vet): the operator rules as frames")
        for o in ops:
            out += field_(f"{o['id'][:12]}:", f"{o['title']}. {o['frame']}")
        out.append("")
    out.append("Other parts:")
    for name, checks in parts_citations(library).items():
        unverified = [c.citation for c in checks if not c.verified]
        out.append(f"  {name}: " + (f"to confirm: {', '.join(unverified)}" if unverified else "all verified"))
    return "\n".join(out)


def unverified_citations(data: bytes, library: Library) -> list[str]:
    """The citations in a generated DOCX that were not checked against the statute's text: the
    "to confirm with counsel before sending" list the CLI prints and the app shows."""
    return [c.citation for c in docx_citations(data, library) if not c.verified]
