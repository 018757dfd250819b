"""Render DOCX documents from templates/ and clause text, sandboxed and autoescaped; safe file names."""

from __future__ import annotations

import io
import os
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from docxtpl import DocxTemplate, RichText
from jinja2 import StrictUndefined, TemplateError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

from generator.errors import InputError, RenderError, VendorError
from generator.library import ROOT, default_library
from generator.models import Board, Library, Vendor

TEMPLATES_DIR = ROOT / "templates"
ADDENDUM_TEMPLATE = TEMPLATES_DIR / "addendum" / "addendum.docx"

#: Vendor fields an addendum cannot be signed without. Everything else has lawful default text.
REQUIRED_FIELDS = ("name", "product", "contact_email", "contract_date")
FIELD_LABELS = {
    "name": "vendor name",
    "product": "product or service",
    "contact_email": "contact email",
    "contract_date": "contract date",
    "address": "vendor address",
    "contact_name": "contact name",
    "purpose": "purpose",
    "signatory_name": "signatory's name",
    "signatory_title": "signatory's title",
    "term_end": "end of the term",
    "data_collected": "student data collected",
    "deletion_method": "how the Board requests deletion",
    "review_procedure": "how a student or parent reviews and corrects data",
    "breach_steps": "steps to notify the Board of a breach",
    "contract_file": "contract file",
}


def field_label(field: str) -> str:
    """The words staff read for a vendor field (``contact_email`` → ``Contact email``)."""
    label = FIELD_LABELS.get(field, field.replace("_", " "))
    return label[:1].upper() + label[1:]


def problem_lines(problems: list[tuple[str, str]]) -> list[str]:
    """``(field, reason)`` pairs (as :class:`VendorError` carries them) as lines staff read:
    ``Contact email: 'x' is not an email address``; a field name inside a reason is put in words."""
    def words(text: str) -> str:
        return re.sub(r"\b[a-z]+(?:_[a-z]+)+\b", lambda m: FIELD_LABELS.get(m.group(), m.group().replace("_", " ")), text)

    lines = []
    for field, reason in problems:
        reason = words(reason)
        lines.append(reason[:1].upper() + reason[1:] if field == "(record)" else f"{field_label(field)}: {reason}")
    return lines
_MARK = "\x00"  # never in validated input (control characters are refused), so safe as a marker
_PLACEHOLDER = re.compile(f"{_MARK}(.*?){_MARK}")
_DRAFT_COLOR, _DRAFT_FILL = "C00000", "FFF2CC"


def long_date(value: object) -> str:
    """``2026-12-22`` → ``December 22, 2026``; placeholders and text pass through."""
    if isinstance(value, (date, datetime)):
        return f"{value:%B} {value.day}, {value.year}"
    return "" if value is None else str(value)


def sentence(value: object) -> str:
    """Text that ends as a sentence: a full stop is added unless it ends in . ! ? or a placeholder."""
    text = "" if value is None else str(value).strip()
    if text and text[-1] not in ".!?" + _MARK:
        text += "."
    return text


def placeholder(label: str) -> str:
    """The marked text of a missing item; rendered highlighted as ``[TO COMPLETE: label]``."""
    return f"{_MARK}[TO COMPLETE: {label}]{_MARK}"


@lru_cache(maxsize=1)
def _clause_env() -> SandboxedEnvironment:
    env = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False, trim_blocks=True)
    env.filters["longdate"] = long_date
    env.filters["sentence"] = sentence
    return env


@lru_cache(maxsize=512)
def _compile_clause(text: str):
    return _clause_env().from_string(text)


# Characters that give clause Markdown its structure (a line break, ``## `` heading, ``- `` item,
# ``**lead**``). In values substituted into clause text they are swapped for private-use stand-ins
# before the text is split into blocks, and swapped back inside each block's runs: a value can
# never start a line, a heading, a list item or a bold run, whatever it holds.
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_PROTECT = str.maketrans({**{c: "\ue003" for c in _LINE_BREAKS},
                          "#": "\ue000", "-": "\ue001", "*": "\ue002"})
_UNPROTECT = str.maketrans({"\ue000": "#", "\ue001": "-", "\ue002": "*", "\ue003": " "})


def protect(value: Any) -> Any:
    """``value`` (a string, or lists and dicts of them) with every character that could make
    clause Markdown structure swapped for an inert stand-in; :func:`unprotect` swaps them back."""
    if isinstance(value, str):
        return value.translate(_PROTECT)
    if isinstance(value, dict):
        return {k: protect(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [protect(v) for v in value]
    return value


def unprotect(text: str) -> str:
    """The literal text of a string :func:`protect` guarded (line breaks read as spaces)."""
    return text.translate(_UNPROTECT)


def render_text(text: str, context: dict[str, Any], source: str = "clause") -> str:
    """Render a clause's Jinja text with ``context``; raise :class:`RenderError` naming ``source``.

    Values from ``context`` are substituted as text: they are :func:`protect`-ed, so the result
    must go through :func:`to_blocks` (or :func:`unprotect`) before anyone reads it."""
    try:
        return _compile_clause(text).render(protect(context))
    except UndefinedError as exc:
        raise RenderError(f"{source}: undefined variable in clause text ({exc.message})") from None
    except TemplateError as exc:
        raise RenderError(f"{source}: template error ({exc})") from None


# ---------------------------------------------------------------- blocks of text


def rich(text: str, **style: Any) -> RichText:
    """A RichText run list: marked placeholders are red on yellow; other text takes ``style``."""
    rt = RichText()
    for i, part in enumerate(_PLACEHOLDER.split(unprotect(text))):
        if not part:
            continue
        if i % 2:
            rt.add(part, color=_DRAFT_COLOR, highlight=_DRAFT_FILL, bold=True)
        else:
            rt.add(part, **style)
    if not rt.xml:
        rt.add("")
    return rt


def plain(text: str) -> str:
    """Text with placeholder marks removed (what a reader sees)."""
    return text.replace(_MARK, "")


@dataclass
class Block:
    kind: str  # heading, cite, bullet, para
    text: RichText
    raw: str


_LEAD = re.compile(r"^\*\*(.+?)\*\*\s*")


def _para(text: str) -> Block:
    m = _LEAD.match(text)
    if not m:
        return Block("para", rich(text), unprotect(text))
    rt = rich(m.group(1) + " ", bold=True)
    rt.add(rich(text[m.end():]))
    return Block("para", rt, unprotect(m.group(1) + " " + text[m.end():]))


def to_blocks(text: str) -> list[Block]:
    """Split rendered text into blocks: ``## `` lines are headings, ``- `` lines bullets, and
    other lines paragraphs (consecutive lines join; a blank line ends a paragraph). A paragraph
    that opens with ``**Lead.**`` gets that lead in bold."""
    blocks: list[Block] = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        pending: list[str] = []

        def flush() -> None:
            if pending:
                blocks.append(_para(" ".join(pending)))
                pending.clear()

        for ln in (x.strip() for x in chunk.splitlines()):
            if not ln:
                continue
            if ln.startswith("- "):
                flush()
                blocks.append(Block("bullet", rich(ln[2:]), unprotect(ln[2:])))
            elif ln.startswith("## "):
                flush()
                blocks.append(Block("heading", rich(ln[3:]), unprotect(ln[3:])))
            else:
                pending.append(ln)
        flush()
    return blocks


# ---------------------------------------------------------------- prepared templates


def _docx_env() -> SandboxedEnvironment:
    env = SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)
    env.filters["longdate"] = long_date
    return env


_CORE_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    "<dc:title>{title}</dc:title><dc:subject>{subject}</dc:subject><dc:creator>sdpa</dc:creator>"
    "<cp:keywords>{keywords}</cp:keywords><dc:description>{comments}</dc:description>"
    "<dc:identifier>{identifier}</dc:identifier><cp:version>{version}</cp:version>"
    "<cp:lastModifiedBy>sdpa</cp:lastModifiedBy><cp:revision>1</cp:revision>"
    '<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
    '<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified>'
    "</cp:coreProperties>"
)
_XML_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


# docxtpl's escapes for literal braces in a template ({_{ prints {{): turned into Jinja string
# literals before the template is compiled, never replaced in the filled document, where a
# vendor's own "{_{ }_}" must come out exactly as typed.
_TEMPLATE_ESCAPES = {"{_{": "{{ '{{' }}", "}_}": "{{ '}}' }}", "{_%": "{{ '{%' }}", "%_}": "{{ '%}' }}"}


def _literal_braces(xml: str) -> str:
    return re.sub("|".join(re.escape(k) for k in _TEMPLATE_ESCAPES), lambda m: _TEMPLATE_ESCAPES[m[0]], xml)


class PreparedTemplate:
    """A DOCX template parsed and compiled once, rendered many times.

    docxtpl re-reads the package and recompiles the whole document XML on every render; here
    each templated part (body, headers, footers) is patched with docxtpl's own ``patch_xml`` and
    compiled once in a sandboxed, autoescaping, strict Jinja environment. ``render`` then fills
    the parts and writes the package, copying every other part as it is.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            raw = self.path.read_bytes()
            with zipfile.ZipFile(io.BytesIO(raw)) as zf:
                self._entries = [(i, zf.read(i.filename)) for i in zf.infolist()]
        except (OSError, zipfile.BadZipFile) as exc:
            raise RenderError(f"{self.path}: not a readable DOCX template ({exc})") from None
        self._helper = DocxTemplate(io.BytesIO(raw))
        self._helper.init_docx()
        env = _docx_env()
        self._parts: dict[str, Any] = {}
        for info, data in self._entries:
            name = info.filename
            if not re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", name):
                continue
            xml = data.decode("utf-8")
            if "{{" not in xml and "{%" not in xml:
                continue
            xml = self._helper.patch_xml(xml)
            xml = re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)
            xml = _literal_braces(xml)
            try:
                self._parts[name] = env.from_string(xml)
            except TemplateError as exc:
                raise RenderError(f"{self.path}: {name}: template error ({exc})") from None

    def variables(self) -> set[str]:
        """The undeclared top-level variables of the template (what the context must supply)."""
        return set(self._helper.get_undeclared_template_variables(jinja_env=_docx_env()))

    def _render_part(self, name: str, context: dict[str, Any]) -> bytes:
        try:
            xml = self._parts[name].render(context)
        except UndefinedError as exc:
            raise RenderError(f"{self.path.name}: undefined variable ({exc.message})") from None
        except TemplateError as exc:
            raise RenderError(f"{self.path.name}: template error ({exc})") from None
        xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", xml)
        xml = self._helper.resolve_listing(xml)
        return nobreak_citations(_XML_BAD.sub("", xml)).encode("utf-8")

    def render(self, context: dict[str, Any], properties: dict[str, str] | None = None) -> bytes:
        """Fill the template with ``context``; return the DOCX bytes with ``properties`` as
        core properties (title, subject, keywords, comments, identifier, version)."""
        props = {k: "" for k in ("title", "subject", "keywords", "comments", "identifier", "version")}
        props.update(properties or {})
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
            for info, data in self._entries:
                name = info.filename
                if name in self._parts:
                    data = self._render_part(name, context)
                elif name == "docProps/core.xml":
                    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
                    data = _CORE_XML.format(
                        now=now, **{k: escape(_XML_BAD.sub("", v)) for k, v in props.items()}
                    ).encode("utf-8")
                out.writestr(info, data)
        return buf.getvalue()


# "§ 10-234bb(a)(1)", "§§ 10-234aa to 10-234dd": the section sign, its numbers and any range
_SECTION_NUMBER = r"\d+[a-z]*(?:[-.]\d+[a-z]*)*(?:\([A-Za-z0-9]+\))*"
_CITATION = re.compile(rf"(§§?)[ \u00a0]({_SECTION_NUMBER}(?:(?:,| to| and| through| or)[ \u00a0]{_SECTION_NUMBER})*)")


def nobreak_citations(text: str) -> str:
    """``text`` with every statute citation kept whole on a line: a non-breaking space after
    ``§`` and a non-breaking hyphen (U+2011) inside each section number, so that a line never
    ends with "§ 10-". The contract check reads both back as a space and "-"."""
    return _CITATION.sub(lambda m: m.group(1) + "\u00a0" + m.group(2).replace("-", "\u2011"), text)


@lru_cache(maxsize=16)
def prepared(path: str) -> PreparedTemplate:
    """The prepared template at ``path``, loaded once per process."""
    return PreparedTemplate(path)


# ---------------------------------------------------------------- the addendum


def missing_fields(vendor: Vendor) -> list[str]:
    """The required vendor fields (``REQUIRED_FIELDS``) that are empty, in order."""
    return [f for f in REQUIRED_FIELDS if getattr(vendor, f) in (None, "", [])]


def vendor_context(vendor: Vendor, draft: bool = False) -> dict[str, Any]:
    """The vendor's fields for clause text. With ``draft``, each missing required field is a
    highlighted placeholder; otherwise a missing required field, or breach steps that would
    notify the Board later than the addendum allows or defeat the two-business-day notice to
    families, raises :class:`VendorError`."""
    missing = missing_fields(vendor)
    if missing and not draft:
        raise VendorError(
            "vendor is missing fields the addendum needs: " + ", ".join(missing)
            + " (or write a draft, which marks them for completion: --draft, or the Draft box)",
            [(f, "required") for f in missing],
        )
    from generator.documents.breach_timing import vendor_breach_problems

    if (late := vendor_breach_problems(vendor.breach_steps)) and not draft:
        raise VendorError("breach_steps: " + late[0] + " (or write a draft to review it: --draft, or the Draft box)",
                          [("breach_steps", p) for p in late])
    ctx = vendor.model_dump()
    for f in missing:
        ctx[f] = placeholder(FIELD_LABELS.get(f, f))
    return ctx


def section_blocks(library: Library, context: dict[str, Any]) -> list[dict[str, Any]]:
    """The addendum's parts in library order, each ``{"id", "title", "blocks"}``."""
    out = []
    for name in library.sections:
        if name == "provisions":
            blocks: list[Block] = []
            for p in library.provisions:
                head = f"{p.number}. {p.title}"
                blocks.append(Block("heading", rich(head), head))
                blocks.append(Block("cite", rich(p.citation, italic=True, size=18), p.citation))
                blocks += to_blocks(render_text(p.text, context, p.source))
            out.append({"id": "provisions", "title": "Required provisions", "blocks": blocks})
        else:
            part = library.parts[name]
            blocks = to_blocks(render_text(part.text, context, part.source))
            out.append({"id": name, "title": part.title, "blocks": blocks})
    return out


def addendum_context(
    vendor: Vendor, board: Board, library: Library | None = None, draft: bool = False
) -> dict[str, Any]:
    """Everything the addendum template needs, built from the vendor, the board and the library."""
    library = library or default_library()
    v = vendor_context(vendor, draft)
    clause_ctx = {"vendor": v, "board": board.model_dump()}
    blank = placeholder
    return {
        "title": library.title,
        "board": board.model_dump(),
        "library": {"version": library.version, "hash": library.content_hash},
        "draft": draft,
        "draft_notice": rich(
            "DRAFT: items marked in red are to be completed before signature.",
            bold=True, color=_DRAFT_COLOR,
        ),
        "parties": rich(f"between {board.name} and {v['name']}"),
        "vendor_name": rich(v["name"]),
        "vendor_signatory": rich(v["signatory_name"] or v["contact_name"]
                                 or (blank("signatory's name") if draft else "")),
        "vendor_signatory_title": rich(v["signatory_title"]
                                       or (blank("signatory's title") if draft else "")),
        "sections": section_blocks(library, clause_ctx),
    }


def document_properties(title: str, library: Library, draft: bool = False, **extra: str) -> dict[str, str]:
    """Core properties that trace a generated document to the clause library it came from."""
    return {
        "title": title,
        "subject": "Conn. Gen. Stat. §§ 10-234aa to 10-234dd",
        "keywords": f"sdpa; library {library.version}; clauses {library.content_hash}"
        + ("; draft" if draft else ""),
        "comments": f"Generated by sdpa from clause library {library.version} "
        f"(clause text hash {library.content_hash}).",
        "identifier": library.content_hash,
        "version": library.version,
        **extra,
    }


def render_addendum(
    vendor: Vendor, board: Board, library: Library | None = None, draft: bool = False
) -> bytes:
    """Render the addendum for ``vendor`` and return the DOCX bytes.

    Raises :class:`VendorError` listing every missing required field (unless ``draft``), and
    :class:`RenderError` when the template or clause text is broken.
    """
    library = library or default_library()
    ctx = addendum_context(vendor, board, library, draft)
    props = document_properties(f"{library.title}: {vendor.name}", library, draft)
    return prepared(str(ADDENDUM_TEMPLATE)).render(ctx, props)


# ---------------------------------------------------------------- files


def write_file(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file beside it, creating its folder; return
    ``path``. Raises :class:`InputError` naming ``path`` when it is a folder, its folder is a
    file, or it cannot be written; a failed write leaves no half file."""
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    for parent in path.parents:
        if parent.exists() and not parent.is_dir():
            raise InputError(f"{path}: {parent} is a file, not a folder")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_dir():
            raise InputError(f"{path}: is a folder; give a file name")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError as exc:
        if tmp.parent.is_dir():
            tmp.unlink(missing_ok=True)
        raise InputError(f"{path}: cannot write the file ({exc.strerror or exc})") from None
    return path


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_WINDOWS_RESERVED = re.compile(r"^(CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])(\.|$)", re.I)


def safe_filename(name: str, default: str = "vendor", max_len: int = 80) -> str:
    """A file-name stem made from ``name``: ASCII letters, digits, ``.``, ``_``, ``-``; never
    empty, never hidden, never a path (``../x`` → ``x``), never a name Windows reserves
    (``CON`` → ``CON-file``), so the documents can be unzipped anywhere."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    text = _UNSAFE.sub("-", text).strip(".-_")
    text = re.sub(r"-{2,}", "-", text)[:max_len].strip(".-_")
    if _WINDOWS_RESERVED.match(text):
        text += "-file"
    return text or default


def unique_name(stem: str, suffix: str, taken: set[str]) -> str:
    """``stem + suffix``, or ``stem-2 + suffix`` and so on, not in ``taken`` (case-insensitive);
    the name returned is added to ``taken``."""
    n = 1
    while True:
        name = f"{stem}{'' if n == 1 else f'-{n}'}{suffix}"
        if name.lower() not in taken:
            taken.add(name.lower())
            return name
        n += 1
