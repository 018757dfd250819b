"""Whether a run of a DOCX would show on the page: hidden, white or under 3 points, whether the
run says so itself, or its character style, its paragraph's style (and the styles these are
based on), or the document's defaults in ``styles.xml``."""

from __future__ import annotations

from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HIDE = ("vanish", "specVanish", "webHidden")
_WHITE = ("FFFFFF", "FFFFFE")
_WHITE_THEMES = ("background1", "light1")  # the theme's light colour: white in every Office theme
_MAX_DEPTH = 50  # styles based on styles: a longer chain (or a loop) stops here


def _on(flag: Any) -> bool:
    return flag is not None and (flag.get(_W + "val") or "true").lower() not in ("false", "0", "off")


def run_look(rpr: Any) -> dict[str, Any]:
    """What the run properties ``rpr`` (a ``w:rPr`` element, or None) set of the three things
    that hide text: ``hidden`` (bool), ``white`` (bool), ``size`` (half-points); only the keys
    they set, so that a later level overrides an earlier one only where it speaks."""
    look: dict[str, Any] = {}
    if rpr is None:
        return look
    flags = [rpr.find(_W + tag) for tag in _HIDE]
    if any(f is not None for f in flags):
        look["hidden"] = any(_on(f) for f in flags)
    color = rpr.find(_W + "color")
    if color is not None:
        look["white"] = ((color.get(_W + "val") or "").upper() in _WHITE
                         or (color.get(_W + "themeColor") or "") in _WHITE_THEMES)
    size = rpr.find(_W + "sz")
    if size is not None:
        try:
            look["size"] = int(size.get(_W + "val") or "")
        except ValueError:
            pass
    return look


def why_hidden(look: dict[str, Any]) -> str | None:
    """Why text with ``look`` would not show: "hidden", "white" or "under 3 points"; else None."""
    if look.get("hidden"):
        return "hidden"
    if look.get("white"):
        return "white"
    if look.get("size", 24) < 6:  # half-points: under 3 points
        return "under 3 points"
    return None


class Styles:
    """The run formatting a DOCX's ``styles.xml`` gives: its defaults (``w:docDefaults``) and
    each paragraph and character style, through the styles it is based on."""

    def __init__(self, root: Any = None) -> None:
        self.defaults: dict[str, Any] = {}
        self.own: dict[str, tuple[str | None, dict[str, Any]]] = {}  # id → (based on, own look)
        self.default_id = {"paragraph": None, "character": None}
        self._cache: dict[str, dict[str, Any]] = {}
        if root is None:
            return
        defaults = root.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr")
        self.defaults = run_look(defaults)
        for style in root.iterchildren(_W + "style"):
            sid, kind = style.get(_W + "styleId"), style.get(_W + "type")
            if not sid or kind not in ("paragraph", "character"):
                continue
            based = style.find(_W + "basedOn")
            self.own[sid] = (based.get(_W + "val") if based is not None else None, run_look(style.find(_W + "rPr")))
            if (style.get(_W + "default") or "").lower() in ("1", "true", "on"):
                self.default_id[kind] = self.default_id[kind] or sid

    def look(self, style_id: str | None) -> dict[str, Any]:
        """The look style ``style_id`` gives (its bases first, the style itself last); {} for
        none or an unknown id."""
        if not style_id or style_id not in self.own:
            return {}
        if style_id not in self._cache:
            chain, sid = [], style_id
            while sid in self.own and sid not in chain and len(chain) < _MAX_DEPTH:
                chain.append(sid)
                sid = self.own[sid][0]
            look: dict[str, Any] = {}
            for sid in reversed(chain):
                look.update(self.own[sid][1])
            self._cache[style_id] = look
        return self._cache[style_id]

    def hidden(self, run: Any) -> str | None:
        """Why ``run`` (a ``w:r`` element) would not show on the page, and what made it so:
        "hidden", "white" or "under 3 points" when the run itself says so; the same followed by
        "by the style “X”" or "by the document's defaults" when a style or the defaults do. None
        when it shows. The levels apply as in Word: defaults, the paragraph's style, the run's
        character style, then the run's own formatting, each overriding what it sets."""
        own = run_look(run.find(_W + "rPr"))
        if why := why_hidden(own):  # the run's own word is final
            return why
        p = next(run.iterancestors(_W + "p"), None)
        pstyle = p.find(f"{_W}pPr/{_W}pStyle") if p is not None else None
        pid = pstyle.get(_W + "val") if pstyle is not None else self.default_id["paragraph"]
        rstyle = run.find(f"{_W}rPr/{_W}rStyle")
        rid = rstyle.get(_W + "val") if rstyle is not None else self.default_id["character"]
        look, source = {}, {}
        for level, where in ((self.defaults, "by the document's defaults"), (self.look(pid), f"by the style “{str(pid)[:40]}”"),
                             (self.look(rid), f"by the style “{str(rid)[:40]}”"), (own, "")):
            look.update(level)
            source.update(dict.fromkeys(level, where))
        why = why_hidden(look)
        if why is None:
            return None
        key = {"hidden": "hidden", "white": "white", "under 3 points": "size"}[why]
        return f"{why}, {source[key]}"
