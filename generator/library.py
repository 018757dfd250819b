"""Load and validate the clause library in ``clauses/``; a broken file is one error naming file and key."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from generator.cache import CLAUSES_DIR, ROOT, cache_dir, cache_file, library_key, write_cache  # noqa: F401 - ROOT, cache_dir: importable from here too
from generator.errors import LibraryError
from generator.models import PROVISION_IDS, Library, Provision, Section
from generator.vetting import OperatorRules

_FRONT = re.compile(r"\A---\s*\n(.*?)\n---\s*\n?(.*)\Z", re.S)


class _LibraryFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    jurisdiction: str
    statutes: list[str]
    version: str
    effective_date: Any
    title: str
    sections: list[str]
    vocabulary: dict[str, str] = {}
    ignore: list[str] = []
    duties: list[str] = []
    definitions: list[str] = []
    citations: dict = {}


def describe_validation(err: ValidationError) -> str:
    """Turn a pydantic error into ``key 'a.b': reason`` clauses joined by ``; ``."""
    parts = []
    for e in err.errors():
        loc = ".".join(str(x) for x in e["loc"]) or "(top level)"
        msg = e["msg"]
        if e["type"] == "extra_forbidden":
            msg = "unknown key"
        elif e["type"] == "missing":
            msg = "required key is missing"
        parts.append(f"key '{loc}': {msg}")
    return "; ".join(parts)


def _rel(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _read_yaml(path: Path, text: str) -> dict:
    import yaml

    try:  # libyaml's parser when installed: a fifth of the pure-Python one's time
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise LibraryError(f"{_rel(path)}: invalid YAML{where}: {problem}") from None
    except RecursionError:
        raise LibraryError(f"{_rel(path)}: invalid YAML: nested too deeply") from None
    if not isinstance(data, dict):
        raise LibraryError(f"{_rel(path)}: expected a mapping of keys, found {type(data).__name__}")
    return data


def read_clause_file(path: Path) -> tuple[dict, str]:
    """The YAML front matter (a dict) and the text after it of a clause or letter file; raises
    :class:`LibraryError` naming the file when it cannot be read or has no front matter."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LibraryError(f"{_rel(path)}: cannot be read ({exc})") from None
    m = _FRONT.match(raw)
    if not m:
        raise LibraryError(f"{_rel(path)}: no YAML front matter (the file must start with '---')")
    return _read_yaml(path, m.group(1)), m.group(2).strip()


def _validate(model: type[BaseModel], data: dict, path: Path) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise LibraryError(f"{_rel(path)}: {describe_validation(exc)}") from None


_TOKEN = re.compile(r"\{([A-Z][A-Z_]*)\}")


def _expand(value: Any, vocab: dict[str, str], path: Path) -> Any:
    """Replace ``{NAME}`` in every pattern string with the vocabulary's expression."""
    if isinstance(value, dict):
        return {k: _expand(v, vocab, path) for k, v in value.items()}
    if isinstance(value, list):
        return [_expand(v, vocab, path) for v in value]
    if isinstance(value, str):
        def sub(m: re.Match[str]) -> str:
            if m.group(1) not in vocab:
                raise LibraryError(
                    f"{_rel(path)}: {{{m.group(1)}}} is not in the vocabulary of library.yaml"
                )
            return vocab[m.group(1)]
        return _TOKEN.sub(sub, value)
    return value


def _compile_patterns(patterns: list[str], path: Path, re2: bool = False) -> None:
    """Compile every regular expression now, so a typo fails at load time, not mid-check: with
    RE2 when ``re2`` (the engine the check runs detection patterns on; compiling them with
    Python's ``re`` as well cost a fresh process a few hundred milliseconds), else with ``re``."""
    for pat in patterns:
        if re2:
            _compile_re2(pat, path)
            continue
        try:
            re.compile(pat)
        except re.error as exc:
            raise LibraryError(f"{_rel(path)}: bad pattern {pat!r}: {exc}") from None


def _compile_re2(pat: str, path: Path) -> None:
    import re2

    opts = re2.Options()
    opts.case_sensitive = False
    opts.log_errors = False
    try:
        re2.compile(pat, opts)
    except re2.error as exc:
        try:  # a pattern that no engine can read is a bad pattern; only then is it checked with re
            re.compile(pat)
        except re.error as bad:
            raise LibraryError(f"{_rel(path)}: bad pattern {pat!r}: {bad}") from None
        detail = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        raise LibraryError(f"{_rel(path)}: pattern {pat!r} is not RE2 syntax "
                           f"(no lookarounds or backreferences): {detail}") from None


def provision_patterns(prov: Provision) -> list[str]:
    """Every RE2 pattern of a provision, in a stable order: its present, partial and conflict rules'
    ``all`` and ``none`` patterns, then its weakeners' patterns and their ``unless`` patterns (the
    patterns its time limits capture numbers with are Python's, not these)."""
    rules = [*prov.detect.present, *prov.detect.partial, *(r for c in prov.conflicts for r in c.rules)]
    return ([p for r in rules for p in (*r.all, *r.none)] + [w.pattern for w in prov.detect.weakeners]
            + [w.unless for w in prov.detect.weakeners if w.unless])


def _check_patterns(prov: Provision, path: Path) -> None:
    """Compile every pattern of a provision's detection signals and conflicts."""
    _compile_patterns(provision_patterns(prov), path, re2=True)
    _compile_patterns([x.pattern for x in prov.detect.limits], path)


def load_library(directory: str | Path | None = None) -> Library:
    """Read ``library.yaml``, ``provisions/*.md`` and ``sections/*.md`` under ``directory``.

    Returns a validated :class:`Library` with a content hash of every clause text.
    Raises :class:`LibraryError` naming the file and key on any problem.

    A library read once is kept, validated, in the user's cache folder (see :func:`cache_dir`),
    under a key made of every file's bytes and of this code: a later process reads that one
    JSON file instead of parsing YAML and compiling every pattern again. Any change to a file
    is a new key; a cache that is missing, damaged or not writable is simply not used.
    """
    base = Path(directory) if directory else CLAUSES_DIR
    key = library_key(base)
    cached = cache_file(f"library-{key}") if key else None
    if cached is not None:
        try:
            library = Library.model_validate_json(cached.read_bytes())
            if library.operators is not None:  # typed loosely in models (no import circle): type it again
                library.operators = OperatorRules.model_validate(library.operators)
            library.source_key = key
            return library
        except (OSError, ValueError):  # absent or damaged: read the files
            pass
    library = _read_library(base)
    library.source_key = key or ""
    if cached is not None:
        write_cache(cached, library.model_dump_json().encode())
    return library


def _read_library(base: Path) -> Library:
    meta_path = base / "library.yaml"
    if not meta_path.is_file():
        raise LibraryError(f"{_rel(meta_path)}: not found")
    meta = _validate(_LibraryFile, _read_yaml(meta_path, meta_path.read_text("utf-8")), meta_path)
    vocabulary: dict[str, str] = {}  # an entry may name the entries above it: {VENDOR} in VENDOR_BARRED
    for name, expression in meta.vocabulary.items():
        vocabulary[name] = _expand(expression, vocabulary, meta_path)
    meta.vocabulary = vocabulary

    provisions: list[Provision] = []
    for path in sorted((base / "provisions").glob("*.md")):
        front, body = read_clause_file(path)
        for key in ("detect", "conflicts"):
            if key in front:
                front[key] = _expand(front[key], meta.vocabulary, path)
        prov = _validate(Provision, {**front, "text": body, "source": path.name}, path)
        if prov.id not in PROVISION_IDS:
            raise LibraryError(
                f"{_rel(path)}: key 'id': {prov.id!r} is not one of {', '.join(PROVISION_IDS)}"
            )
        expected = f"{prov.number:02d}-{prov.id}.md"
        if path.name != expected:
            raise LibraryError(f"{_rel(path)}: the file name should be {expected}")
        _check_patterns(prov, path)
        provisions.append(prov)
    seen = [p.id for p in provisions]
    if len(set(seen)) != len(seen):
        raise LibraryError(f"{_rel(base / 'provisions')}: a provision id appears twice")
    if not provisions:
        raise LibraryError(f"{_rel(base / 'provisions')}: no provision files")

    parts: dict[str, Section] = {}
    for name in meta.sections:
        if name == "provisions":
            continue
        path = base / "sections" / f"{name}.md"
        if not path.is_file():
            raise LibraryError(f"{_rel(meta_path)}: key 'sections': no file {_rel(path)}")
        front, body = read_clause_file(path)
        parts[name] = _validate(Section, {**front, "text": body, "source": path.name}, path)

    operators = None
    op_path = base / "operators.yaml"
    if op_path.is_file():  # the policy's operator section, read by `sdpa vet`
        operators = _validate(OperatorRules, _read_yaml(op_path, op_path.read_text("utf-8")), op_path)
        _compile_patterns([*operators.statute, *operators.successor_bound, *operators.audience.school_phrases,
                           *operators.audience.general_phrases], op_path)

    digest = hashlib.sha256()
    for text in [p.text for p in provisions] + [s.text for s in parts.values()]:
        digest.update(text.encode("utf-8") + b"\x00")
    _compile_patterns([*meta.ignore, *meta.duties, *meta.definitions], meta_path)
    data = meta.model_dump()
    try:
        return Library(**data, provisions=provisions, parts=parts, operators=operators, content_hash=digest.hexdigest()[:12])
    except ValidationError as exc:
        raise LibraryError(f"{_rel(meta_path)}: {describe_validation(exc)}") from None


@lru_cache(maxsize=4)
def default_library() -> Library:
    """The shipped library, loaded once per process."""
    return load_library(CLAUSES_DIR)
