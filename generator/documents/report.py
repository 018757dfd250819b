"""The gap report as JSON, Markdown and a terminal table."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable

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


def conflict_label(kind: str) -> str:
    """A kind of conflicting term in words for staff ("Another state's law governs")."""
    return CONFLICT_LABELS.get(kind, kind.replace("_", " "))


def provision_titles(report: GapReport) -> dict[str, str]:
    """Each provision's id → its number and title ("9. Connecticut law governs"), as a conflict names
    the provision it goes against."""
    return {f.id: f"{f.number}. {f.title}" for f in report.provisions}


def low_confidence(finding, words: Callable[[str], str] = str) -> str:
    """Why ``finding`` is marked low, as every view says it ("Low confidence: <its first doubt>."),
    the doubt passed through ``words`` (the view's escaping); "" for a finding that is not low."""
    doubts = getattr(finding, "doubts", None) or []
    return f"Low confidence: {words(doubts[0])}." if getattr(finding, "confidence", None) == "low" and doubts else ""


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

    titles = provision_titles(report)
    lines = [f"# Contract check: {_md(report.document)}", "",
             f"{report.summary()}. " + ("Compliant." if report.compliant else "Not compliant."), "",
             f"*{COUNSEL_NOTE}*", "",
             f"sha256 `{report.sha256}` · clause library {report.library_version}", "",
             "| # | provision | status | confidence | evidence | why |",
             "| ---: | --- | --- | --- | --- | --- |"]
    for f in report.provisions:
        ev = "<br>".join(f"“{_md(e.text)}” ({_md(e.location)})" for e in f.evidence) or "—"
        low = low_confidence(f, lambda d: _md(said(d)))
        why = _md(said(f.explanation)) + (f"<br>{low}" if low else "")
        lines.append(f"| {f.number} | {_md(f.title)} ({_md(mark_unconfirmed(f.citation, library))}) | {MARK[f.status]} | {f.confidence} | {ev} | {why} |")
    low = [f for f in report.provisions if f.confidence == "low"]
    if low:
        lines += ["", "Review first (low confidence): " + ", ".join(f"{f.number}. {_md(f.title)}" for f in low) + "."]
    if report.conflicts:
        lines += ["", "## Conflicting terms", "", "| conflict | against | term | where | why |",
                  "| --- | --- | --- | --- | --- |"]
        for c in report.conflicts:
            lines.append(f"| {conflict_label(c.kind)} | {_md(titles.get(c.provision, c.provision))} | “{_md(c.text)}” "
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
    titles = provision_titles(report)
    for f in report.provisions:
        conf = "low" if f.confidence == "low" else "high"
        row = f"{f.number:>2}. {f.title:<{wide}} {MARK[f.status]:<10} {conf:<4}"
        why = mark_unconfirmed(f.explanation, library)
        if len(row) + 1 + len(why) <= width:
            out.append(f"{row} {why}")
        else:
            out += [row.rstrip(), *terminal_wrap(why, width)]
        out += terminal_wrap(low_confidence(f), width)
        for e in f.evidence:
            out += terminal_wrap(f"“{e.text}” ({e.location})", width)
    for c in report.conflicts:
        out += terminal_wrap(f"⚠ conflict: {conflict_label(c.kind)}, against {titles.get(c.provision, c.provision)} "
                             f"({c.location}):", width, indent=1)
        out += terminal_wrap(f"“{c.text}”", width)
    out += [f" ⚠ {n}" for n in report.notes]
    return "\n".join(out)
