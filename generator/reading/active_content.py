"""What in a vendor's DOCX could act rather than be read: macros (a VBA project) and a template
fetched from a remote address. Found, described in one line each, and removed from a copy."""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_MACRO_PART = re.compile(r"(?:word/)?(?:vbaProject\.bin|vbaData\.xml|_rels/vbaProject\.bin\.rels)$", re.I)
_SETTINGS_RELS = "word/_rels/settings.xml.rels"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def active_content(data: bytes) -> list[str]:
    """One line for each macro part and each remote template in the DOCX ``data`` (empty when
    there is none, or when ``data`` is not a ZIP package)."""
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        names = z.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return []
    found = [f"macros ({n})" for n in names if _MACRO_PART.search(n) and not n.endswith(".rels")]
    if not found and _macro_enabled(z, names):
        found.append("the macro-enabled format (its content type, as a .docm has)")
    found += [f"a remote template ({t})" for t in _remote_templates(z, names)]
    return found


def _macro_enabled(z: zipfile.ZipFile, names: list[str]) -> bool:
    """Whether the package's main part is declared macro-enabled (a .docm or .dotm)."""
    types = _parse(z, "[Content_Types].xml") if "[Content_Types].xml" in names else None
    return types is not None and any("macroenabled" in (t.get("ContentType") or "").lower() for t in types)


def _remote_templates(z: zipfile.ZipFile, names: list[str]) -> list[str]:
    rels = _parse(z, _SETTINGS_RELS) if _SETTINGS_RELS in names else None
    if rels is None:
        return []
    return [(r.get("Target") or "")[:120] for r in rels
            if (r.get("Type") or "").endswith("/attachedTemplate") and r.get("TargetMode") == "External"]


def _parse(z: zipfile.ZipFile, name: str) -> etree._Element | None:
    try:
        return etree.fromstring(z.read(name), _PARSER)
    except (etree.XMLSyntaxError, KeyError, ValueError):
        return None


def without_active_content(data: bytes) -> bytes:
    """A copy of the DOCX ``data`` without its macro parts, the relationships and content types
    that name them, and any remote template (relationship and ``w:attachedTemplate``); ``data``
    itself when it has none of these."""
    if not active_content(data):
        return data
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            if _MACRO_PART.search(info.filename):
                continue
            body = src.read(info.filename)
            if info.filename.endswith(".rels"):
                body = _drop_rels(body)
            elif info.filename == "[Content_Types].xml":
                body = (body.replace(b"application/vnd.ms-word.document.macroEnabled.main+xml",
                                     b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")
                        .replace(b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
                                 b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"))
            elif info.filename == "word/settings.xml":
                body = _drop_template(body)
            out.writestr(info, body)
    return buf.getvalue()


def _drop_rels(body: bytes) -> bytes:
    try:
        root = etree.fromstring(body, _PARSER)
    except etree.XMLSyntaxError:
        return body
    for r in list(root):
        kind = r.get("Type") or ""
        if kind.endswith(("/vbaProject", "/wordVbaData")) or (
                kind.endswith("/attachedTemplate") and r.get("TargetMode") == "External"):
            root.remove(r)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _drop_template(body: bytes) -> bytes:
    try:
        root = etree.fromstring(body, _PARSER)
    except etree.XMLSyntaxError:
        return body
    for el in root.findall(_W + "attachedTemplate"):
        root.remove(el)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
