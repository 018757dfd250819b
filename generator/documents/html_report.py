"""The gap report as readable HTML (cards whose text is in the page) and small escaped HTML tables."""

from __future__ import annotations

from html import escape
from typing import Iterable, Mapping

from generator.documents.citations import mark_unconfirmed
from generator.documents.report import COUNSEL_NOTE, MARK, conflict_label, low_confidence, provision_titles
from generator.findings import Finding, GapReport
from generator.library import default_library
from generator.models import Library

_CSS = """<style>
.sdpa-report{font-size:1rem;line-height:1.45;max-width:100%}
.sdpa-report *{box-sizing:border-box;overflow-wrap:anywhere}
.sdpa-note{border-left:4px solid #888;padding:.4rem .7rem;margin:0 0 1rem;background:#f4f4f4}
.sdpa-cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,26rem),1fr));gap:.8rem;margin:0 0 1rem}
.sdpa-card{border:1px solid #bbb;border-left:6px solid #888;border-radius:4px;padding:.6rem .8rem;margin:0}
.sdpa-card h3{font-size:1.05rem;margin:0 0 .3rem;padding:0}
.sdpa-present{border-left-color:#2e7d32}.sdpa-partial{border-left-color:#b26a00}.sdpa-missing{border-left-color:#c62828}
.sdpa-conflict{border-left-color:#6a1b9a}
.sdpa-status{font-weight:bold;margin-right:.6rem}
.sdpa-half{display:inline-block;width:.9em;height:.9em;border:2px solid #b26a00;border-radius:50%;vertical-align:-.1em;
background:linear-gradient(90deg,#b26a00 50%,transparent 50%)}
.sdpa-meta{color:#444;font-size:.9rem}
.sdpa-card blockquote{margin:.4rem 0;padding:.2rem .6rem;border-left:3px solid #ccc;font-style:italic}
.sdpa-card p{margin:.3rem 0}
.sdpa-table{border-collapse:collapse;width:100%;font-size:.95rem}
.sdpa-table th,.sdpa-table td{border:1px solid #bbb;padding:.3rem .45rem;text-align:left;vertical-align:top}
@media (max-width:600px){.sdpa-table thead{display:none}.sdpa-table tr{display:block;border:1px solid #bbb;margin:0 0 .6rem}
.sdpa-table td{display:block;border:0}.sdpa-table td::before{content:attr(data-label) ": ";font-weight:bold}}
</style>"""


def _status(status: str) -> str:
    """The status in word and mark. The half-filled circle of "partial" is drawn by the page's
    style, not taken from a font: the ◐ character fell back to a font that showed it as a speck."""
    if status == "partial":
        return '<span class="sdpa-half" aria-hidden="true"></span> partial'
    return escape(MARK.get(status, status))


def _confidence(finding: Finding) -> str:
    words = "low: review this one first" if finding.confidence == "low" else finding.confidence
    return f'<span class="sdpa-meta">confidence {escape(words)}</span>'


def _doubt(finding: Finding) -> str:
    """Why the reading is low, in words (its first doubt), or ""."""
    low = low_confidence(finding, escape)
    return f'<p class="sdpa-meta">{low}</p>' if low else ""


def _quote(text: str, location: str) -> str:
    return (f"<blockquote>“{escape(text)}”</blockquote>"
            f'<p class="sdpa-meta">{escape(location)}</p>')


def report_html(report: GapReport, library: Library | None = None) -> str:
    """The report as an HTML fragment: the counsel note, then one card per provision (status
    in word and mark, confidence, citation and explanation (each citation in them marked "(to
    confirm)" where ``library``, default the built-in one, has not verified it), every evidence sentence
    with its location), then one card per conflicting term. Every string is escaped; the
    cards sit in a grid that falls to one column at a phone's width."""
    library = library or default_library()
    titles = provision_titles(report)
    out = [_CSS, '<div class="sdpa-report">', f'<p class="sdpa-note">{escape(COUNSEL_NOTE)}</p>',
           '<div class="sdpa-cards">']
    for f in report.provisions:
        evidence = "".join(_quote(e.text, e.location) for e in f.evidence)
        out.append(
            f'<section class="sdpa-card sdpa-{escape(f.status)}" data-provision="{escape(f.id)}">'
            f"<h3>{escape(f'{f.number}. {f.title}')}</h3>"
            f'<p><span class="sdpa-status">{_status(f.status)}</span>'
            f" · {_confidence(f)}</p>"  # copied text reads "present · confidence high"
            f'<p class="sdpa-meta">{escape(mark_unconfirmed(f.citation, library))}</p>'
            f"<p>{escape(mark_unconfirmed(f.explanation, library))}</p>{_doubt(f)}{evidence}</section>")
    out.append("</div>")
    if report.conflicts:
        out.append(f"<h3>Conflicting terms ({len(report.conflicts)}): the Board's policy holds such a term void in a contract from July 1, 2018 on (§ 10-234bb(e): to confirm)</h3>"
                   '<div class="sdpa-cards">')
    for c in report.conflicts:
        out.append(
            '<section class="sdpa-card sdpa-conflict">'
            f"<h3>⚠ {escape(conflict_label(c.kind))}</h3>"
            f'<p class="sdpa-meta">against {escape(titles.get(c.provision, c.provision))}</p>'
            f"{_quote(c.text, c.location)}<p>{escape(mark_unconfirmed(c.explanation, library))}</p></section>")
    if report.conflicts:
        out.append("</div>")
    out.append("</div>")
    if report.notes:
        out.append("<h3>Left out by the reader</h3><ul>"
                   + "".join(f"<li>{escape(n)}</li>" for n in report.notes) + "</ul>")
    return "\n".join(out)


def html_table(rows: Iterable[Mapping[str, object]], caption: str = "") -> str:
    """An HTML table of ``rows`` (the first row's keys are the columns), every cell escaped;
    below 600 px wide each row becomes a block of labelled lines."""
    rows = list(rows)
    if not rows:
        return ""
    cols = list(rows[0])
    head = "".join(f'<th scope="col">{escape(str(c))}</th>' for c in cols)
    body = "".join(
        "<tr>" + "".join(f'<td data-label="{escape(str(c))}">{escape("" if r.get(c) is None else str(r.get(c)))}</td>'
                         for c in cols) + "</tr>" for r in rows)
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    return f'{_CSS}<table class="sdpa-table">{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
