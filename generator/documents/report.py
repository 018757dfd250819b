"""The gap report as JSON, Markdown and a terminal table."""

from __future__ import annotations

import json

from generator.documents.markup import md_escape
from generator.models import GapReport

MARK = {"present": "✔ present", "partial": "◐ partial", "missing": "✘ missing"}



def report_json(report: GapReport) -> str:
    """The report as the JSON object of DESIGN.md (indented, UTF-8 characters kept)."""
    return json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False)


def _md(text: str) -> str:
    return md_escape(text)  # vendor text (file name, quoted terms) shows as typed, never as markup


def report_markdown(report: GapReport) -> str:
    """The report as Markdown: summary, a table of the provisions, evidence, conflicts."""
    lines = [f"# Contract check: {_md(report.document)}", "",
             f"{report.summary()}. " + ("Compliant." if report.compliant else "Not compliant."), "",
             f"sha256 `{report.sha256}` · clause library {report.library_version}", "",
             "| # | provision | status | confidence | evidence | why |",
             "| ---: | --- | --- | --- | --- | --- |"]
    for f in report.provisions:
        ev = "<br>".join(f"“{_md(e.text)}” ({e.location})" for e in f.evidence) or "—"
        why = _md(f.explanation) + ("".join(f"<br>Low confidence: {_md(d)}." for d in f.doubts[:1]))
        lines.append(f"| {f.number} | {_md(f.title)} ({_md(f.citation)}) | {MARK[f.status]} | {f.confidence} | {ev} | {why} |")
    low = [f for f in report.provisions if f.confidence == "low"]
    if low:
        lines += ["", "Review first (low confidence): " + ", ".join(f"{f.number}. {_md(f.title)}" for f in low) + "."]
    if report.conflicts:
        lines += ["", "## Conflicting terms", "", "| kind | provision | term | where | why |",
                  "| --- | --- | --- | --- | --- |"]
        for c in report.conflicts:
            lines.append(f"| {c.kind} | {c.provision} | “{_md(c.text)}” | {c.location} | {_md(c.explanation)} |")
    if report.notes:
        lines += ["", "## Left out by the reader", ""] + [f"- {_md(n)}" for n in report.notes]
    return "\n".join(lines) + "\n"


def report_table(report: GapReport, width: int = 100) -> str:
    """A plain-text table for the terminal: one line per provision (status, confidence, reason),
    then its first evidence."""
    out = [f"{report.document}: {report.summary()}" + (" — compliant" if report.compliant else "")]
    for f in report.provisions:
        conf = "low" if f.confidence == "low" else "high"
        out.append(f"{f.number:>2}. {f.title[:44]:<44} {MARK[f.status]:<10} {conf:<4} {f.explanation[:width - 65]}")
        if f.evidence:
            e = f.evidence[0]
            out.append(f"      “{e.text[: width - 24]}” ({e.location})")
    for c in report.conflicts:
        out.append(f" ⚠ conflict ({c.kind}, {c.provision}) {c.location}: “{c.text[: width - 40]}”")
    out += [f" ⚠ {n}" for n in report.notes]
    return "\n".join(out)
