"""The numbers Word draws before list paragraphs (``w:numPr``, in the paragraph or its style):
"7." or "7.2" as the reader sees them, though they are not in the text."""

from __future__ import annotations

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
MAX_LEVELS = 9
MAX_LABEL = 24


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _format(n: int, fmt: str) -> str | None:
    """Counter ``n`` in Word's number format ``fmt``; None for a format with no number. A
    counter past 9999 (a hostile start value) is written in digits, cut to 9 of them."""
    if n > 9999:
        return str(n)[:9]
    if fmt in ("decimal", "decimalZero"):
        return f"{n:02d}" if fmt == "decimalZero" else str(n)
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        r = _roman(min(n, 3999))
        return r.upper() if fmt == "upperRoman" else r
    return None


def _int(el, default: int = 0) -> int:
    """The element's ``w:val`` as a number from 0 to 9999, else ``default`` (a hostile
    "start at 10**40" starts at the default)."""
    value = el.get(_W + "val") if el is not None else None
    return int(value) if value and value.isdigit() and len(value) <= 4 else default


def _ilvl(el) -> int:
    """The ``w:ilvl`` attribute of a level definition (-1 when it is not a number)."""
    value = el.get(_W + "ilvl") or "0"
    return int(value) if value.isdigit() and len(value) < 3 else -1


class ListNumbers:
    """The numbering definitions of one DOCX, and the counters of its lists as its paragraphs
    are read in order: :meth:`label` gives each paragraph's drawn number."""

    def __init__(self, numbering, styles) -> None:
        """``numbering`` and ``styles``: the root elements of ``word/numbering.xml`` and
        ``word/styles.xml`` (either may be None)."""
        abstract: dict[str, dict[int, tuple[int, str, str]]] = {}
        for a in (numbering.iterchildren(_W + "abstractNum") if numbering is not None else ()):
            levels = {}
            for lvl in a.iterchildren(_W + "lvl"):
                i = _ilvl(lvl)
                if 0 <= i < MAX_LEVELS:
                    fmt = lvl.find(_W + "numFmt")
                    text = lvl.find(_W + "lvlText")
                    levels[i] = (_int(lvl.find(_W + "start"), 1),
                                 fmt.get(_W + "val", "decimal") if fmt is not None else "decimal",
                                 (text.get(_W + "val", "") if text is not None else "")[:MAX_LABEL])
            abstract[a.get(_W + "abstractNumId", "")] = levels
        self.lists: dict[str, dict[int, tuple[int, str, str]]] = {}
        for num in (numbering.iterchildren(_W + "num") if numbering is not None else ()):
            ref = num.find(_W + "abstractNumId")
            levels = dict(abstract.get(ref.get(_W + "val", "") if ref is not None else "", {}))
            for over in num.iterchildren(_W + "lvlOverride"):
                i = _ilvl(over)
                start = over.find(_W + "startOverride")
                if i in levels and start is not None:
                    levels[i] = (_int(start, 1), *levels[i][1:])
            self.lists[num.get(_W + "numId", "")] = levels
        self.styles: dict[str, tuple[str | None, str, int]] = {}  # style → (based on, numId, level)
        for st in (styles.iterchildren(_W + "style") if styles is not None else ()):
            based = st.find(_W + "basedOn")
            num = st.find(f"{_W}pPr/{_W}numPr")
            self.styles[st.get(_W + "styleId", "")] = (
                based.get(_W + "val") if based is not None else None,
                (num.find(_W + "numId").get(_W + "val", "") if num is not None and num.find(_W + "numId") is not None else ""),
                _int(num.find(_W + "ilvl")) if num is not None else 0)
        self.counters: dict[str, list[int]] = {}

    @classmethod
    def of(cls, document) -> ListNumbers:
        """The list numbers of a python-docx ``document`` (none when it has no numbering part)."""
        try:
            numbering = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            numbering = None
        try:
            styles = document.part.styles.element if hasattr(document.part, "styles") else None
        except (NotImplementedError, KeyError, AttributeError):
            styles = None
        return cls(numbering, styles)

    def _style_num(self, style: str) -> tuple[str, int]:
        seen = set()
        while style and style not in seen:
            seen.add(style)
            based, num, level = self.styles.get(style, (None, "", 0))
            if num:
                return num, level
            style = based or ""
        return "", 0

    def label(self, p) -> str | None:
        """The number Word draws before paragraph ``p`` ("7.", "7.2", "(a)"), "•" for a bullet,
        or None when it has none. Counts ``p`` (call it once per paragraph, in order)."""
        ppr = p.find(_W + "pPr")
        num = ppr.find(_W + "numPr") if ppr is not None else None
        style = ppr.find(_W + "pStyle") if ppr is not None else None
        num_id, level = self._style_num(style.get(_W + "val", "") if style is not None else "")
        if num is not None:
            nid = num.find(_W + "numId")
            num_id = nid.get(_W + "val", "") if nid is not None else num_id
            level = _int(num.find(_W + "ilvl"), level)
        levels = self.lists.get(num_id)
        if not levels or level not in levels or num_id == "0":
            return None
        counts = self.counters.setdefault(num_id, [0] * MAX_LEVELS)
        for i in range(level + 1, MAX_LEVELS):
            counts[i] = 0
        counts[level] = counts[level] + 1 if counts[level] else levels[level][0]
        start, fmt, text = levels[level]
        if fmt == "bullet":
            return "•"
        out = text
        for i in range(level, -1, -1):
            lv = levels.get(i)
            value = _format(counts[i] or (lv[0] if lv else 1), lv[1] if lv else "decimal")
            out = out.replace(f"%{i + 1}", value or "")
        return out.strip() or None
