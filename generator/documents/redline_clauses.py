"""The clause text a redline inserts, as WordprocessingML runs: the library's provisions titled
(never numbered), an addendum part such as the schedule, and the paragraph properties they take."""

from __future__ import annotations

import zipfile

from lxml import etree

from generator.documents.render import Block, render_text, section_blocks, to_blocks
from generator.documents.tracked import W_NS, paragraph_text, parse, text_run, w
from generator.documents.vendor_body import title_of
from generator.models import Library, Provision


def block_runs(block: Block) -> list[etree._Element]:
    """The runs :mod:`generator.documents.render` made for a block (vendor text escaped there)."""
    xml = f'<w:root xmlns:w="{W_NS}">{block.text.xml}</w:root>'.encode("utf-8")
    return [r for r in parse(xml) if r.tag == w("r")]


def clause_runs(library: Library, p: Provision, context: dict) -> list[list[etree._Element]]:
    """The provision as the addendum renders it (its numbered title in bold, its citation,
    its model clause filled for the vendor), as runs per paragraph. The round-trip test keeps
    exactly these blocks recognised by the check."""
    one = library.model_copy(update={"sections": ["provisions"], "provisions": [p]})
    paras = []
    for block in section_blocks(one, context)[0]["blocks"]:
        runs = block_runs(block)
        if block.kind == "heading":
            # titled, not numbered: the library's number would clash with the vendor's own
            runs = [text_run(p.title, bold())]
        elif block.kind == "bullet":
            runs.insert(0, text_run("• "))
        paras.append(runs)
    return paras


def bold() -> etree._Element:
    """Run properties: bold."""
    rpr = etree.Element(w("rPr"))
    etree.SubElement(rpr, w("b"))
    return rpr


def part_runs(library: Library, name: str, context: dict) -> list[list[etree._Element]]:
    """An addendum part other than the provisions (the schedule) as runs per paragraph, its
    title first, in bold."""
    one = library.model_copy(update={"sections": [name]})
    part = section_blocks(one, context)[0]
    paras = [[text_run(str(part["title"]), bold())]]
    for block in part["blocks"]:
        runs = block_runs(block)
        if block.kind == "bullet":
            runs.insert(0, text_run("• "))
        paras.append(runs)
    return paras


def sentence_runs(p: Provision, context: dict) -> list[etree._Element]:
    """The provision's model clause as runs for use inside a paragraph: no bold lead."""
    runs: list[etree._Element] = []
    for block in to_blocks(render_text(p.text, context, p.source)):
        if block.kind != "para":
            continue
        part = block_runs(block)
        if part and part[0].find(f"{w('rPr')}/{w('b')}") is not None:
            part = part[1:]
            t = part[0].find(w("t")) if part else None
            if t is not None and t.text:
                t.text = t.text.lstrip()
        if runs:
            runs.append(text_run(" "))
        runs += part
    return runs


def heading_ppr(root_styles: set[str]) -> etree._Element | None:
    """A paragraph style of the document's first-level heading, or None when it has none."""
    for sid in ("Heading1", "heading1", "Heading2"):
        if sid in root_styles:
            ppr = etree.Element(w("pPr"))
            etree.SubElement(ppr, w("pStyle")).set(w("val"), sid)
            return ppr
    return None


def style_ids(package: zipfile.ZipFile) -> set[str]:
    """The ids of the styles the package defines."""
    try:
        styles = parse(package.read("word/styles.xml"))
    except KeyError:
        return set()
    return {s.get(w("styleId"), "") for s in styles.iter(w("style"))}


def body_ppr(anchor: etree._Element | None) -> etree._Element | None:
    """The paragraph properties new clause paragraphs take: the anchor's, unless it is a
    heading, a table or an item of a list (a new paragraph in the vendor's list would take, and
    shift, the vendor's numbers)."""
    if anchor is None or anchor.tag != w("p"):
        return None
    if title_of(anchor) == paragraph_text(anchor).strip():
        return None
    ppr = anchor.find(w("pPr"))
    style = ppr.find(w("pStyle")) if ppr is not None else None
    if ppr is not None and (ppr.find(w("numPr")) is not None
                            or style is not None and style.get(w("val"), "").lower().startswith("list")):
        return None
    return ppr
