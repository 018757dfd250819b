"""The gap report as JSON, Markdown and a terminal table."""

from __future__ import annotations

import json
import textwrap

from generator.documents.citations import mark_unconfirmed
from generator.documents.markup import md_inline
from generator.findings import GapReport
from generator.library import default_library
from generator.models import Library

#: The reminder printed with every automated reading of a contract (the app's cards, every report).
COUNSEL_NOTE = ("This is an automated reading of the contract, for counsel to confirm: it can miss "
                "or misread a term. Check each status against the contract before relying on it.")

MARK = {"present": "✔ present", "partial": "◐ partial", "missing": "✘ missing"}

#: What each kind of conflicting term means, in words for staff (not the rule's field name).
CONFLICT_LABELS = {
    "advertising": "Advertising with student data",
    "sale": "Sale of student data",
    "retention": "Keeping data after the contract ends",
    "governing_law_other_state": "Another state's law governs",
    "unilateral_change": "The vendor may change the terms alone",
    "ownership": "The vendor claims the data",
    "profiling": "Profiling students",
    "disclosure": "Disclosure to others",
    "other": "Other conflicting term",
}


def report_json(report: GapReport) -> str:
    """The report as the JSON object of DESIGN.md (indented, UTF-8 characters kept)."""
    return json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False)


def _md(text: str) -> str:
    return md_inline(text)  # vendor text (file name, quoted terms) shows as typed, never as markup


def report_markdown(report: GapReport, library: Library | None = None) -> str:
    """The report as Markdown: summary, the counsel note, a table of the provisions (each
    citation not verified against the statute's text marked "(to confirm)" by ``library``,
    default the built-in one), evidence, conflicts (named in words, not by the rules' ids).
    Every text from the contract is escaped where it could become markup, and only there, so
    the file reads cleanly."""
    library = library or default_library()

    def said(text: str) -> str:  # the check's words, each unverified citation in them marked
        return mark_unconfirmed(text, library)

    titles = {f.id: f"{f.number}. {f.title}" for f in report.provisions}
    lines = [f"# Contract check: {_md(report.document)}", "",
             f"{report.summary()}. " + ("Compliant." if report.compliant else "Not compliant."), "",
             f"*{COUNSEL_NOTE}*", "",
             f"sha256 `{report.sha256}` · clause library {report.library_version}", "",
             "| # | provision | status | confidence | evidence | why |",
             "| ---: | --- | --- | --- | --- | --- |"]
    for f in report.provisions:
        ev = "<br>".join(f"“{_md(e.text)}” ({_md(e.location)})" for e in f.evidence) or "—"
        why = _md(said(f.explanation)) + ("".join(f"<br>Low confidence: {_md(said(d))}." for d in f.doubts[:1]))
        lines.append(f"| {f.number} | {_md(f.title)} ({_md(mark_unconfirmed(f.citation, library))}) | {MARK[f.status]} | {f.confidence} | {ev} | {why} |")
    low = [f for f in report.provisions if f.confidence == "low"]
    if low:
        lines += ["", "Review first (low confidence): " + ", ".join(f"{f.number}. {_md(f.title)}" for f in low) + "."]
    if report.conflicts:
        lines += ["", "## Conflicting terms", "", "| conflict | against | term | where | why |",
                  "| --- | --- | --- | --- | --- |"]
        for c in report.conflicts:
            kind = CONFLICT_LABELS.get(c.kind, c.kind.replace("_", " "))
            lines.append(f"| {kind} | {_md(titles.get(c.provision, c.provision))} | “{_md(c.text)}” "
                         f"| {_md(c.location)} | {_md(said(c.explanation))} |")
    if report.notes:
        lines += ["", "## Left out by the reader", ""] + [f"- {_md(n)}" for n in report.notes]
    return "\n".join(lines) + "\n"


TERMINAL_WIDTH = 100  # when the terminal's width is not known
MIN_WIDTH = 60


def terminal_wrap(text: str, width: int = TERMINAL_WIDTH, indent: int = 6) -> list[str]:
    """``text`` whole, as lines of at most ``width`` characters (never fewer than
    :data:`MIN_WIDTH`), each indented by ``indent`` spaces: nothing is cut, so counsel can read
    an explanation or a quoted sentence to its end in a terminal."""
    pad = " " * indent
    return textwrap.wrap(" ".join(text.split()), max(width, MIN_WIDTH), initial_indent=pad,
                         subsequent_indent=pad, break_on_hyphens=False) or []


def report_table(report: GapReport, width: int = TERMINAL_WIDTH, library: Library | None = None) -> str:
    """A plain-text table for the terminal ``width`` characters wide: the summary and the counsel
    note, then one line per provision (its whole title, status, confidence, and its reason when the
    whole reason fits) and, wrapped below it, the reason (when it did not fit), why a low one is low,
    and every sentence it quotes; then each conflicting term, by its kind and the provision it goes against. No text is
    cut; each citation not verified against the statute's text (by ``library``, default the
    built-in one) is marked "(to confirm)"."""
    width = max(width, MIN_WIDTH)
    library = library or default_library()
    out = [f"{report.document}: {report.summary()}" + (" — compliant" if report.compliant else ""), COUNSEL_NOTE]
    wide = max([44, *(len(f.title) for f in report.provisions)])
    titles = {f.id: f"{f.number}. {f.title}" for f in report.provisions}
    for f in report.provisions:
        conf = "low" if f.confidence == "low" else "high"
        row = f"{f.number:>2}. {f.title:<{wide}} {MARK[f.status]:<10} {conf:<4}"
        why = mark_unconfirmed(f.explanation, library)
        if len(row) + 1 + len(why) <= width:
            out.append(f"{row} {why}")
        else:
            out += [row.rstrip(), *terminal_wrap(why, width)]
        if f.confidence == "low" and f.doubts:
            out += terminal_wrap(f"Low confidence: {f.doubts[0]}.", width)
        for e in f.evidence:
            out += terminal_wrap(f"“{e.text}” ({e.location})", width)
    for c in report.conflicts:
        kind = CONFLICT_LABELS.get(c.kind, c.kind.replace("_", " "))
        out += terminal_wrap(f"⚠ conflict: {kind}, against {titles.get(c.provision, c.provision)} ({c.location}):",
                             width, indent=1)
        out += terminal_wrap(f"“{c.text}”", width)
    out += [f" ⚠ {n}" for n in report.notes]
    return "\n".join(out)
