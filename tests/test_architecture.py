"""The shape of ``generator/``: imports run only down the layers, no module imports another in a
circle, no private name crosses a module, and no module grows past 500 lines.

The layers, bottom up (docs/development.md draws them):

    ground      errors, models, findings, library, deadlines, forms   (generator/*.py)
    reading     generator/reading/     a document's text, spreadsheets, paths, limits
    checking    generator/checking/    the gap analysis and what the law makes of it
    documents   generator/documents/   addenda, letters, reports, PDFs, redlines, the trace
    records     generator/records/     the register, the board profile, directory, backups
    runs        generator/batch.py     many rows at once (batch_jobs.py: big ones in the background)
    commands    generator/cli/         the sdpa command (the app's pages stand beside it)
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "generator"
GROUND = {"errors", "models", "findings", "vetting", "cache", "library", "deadlines", "forms"}
LAYERS = {"reading": 1, "checking": 2, "documents": 3, "records": 4, "batch": 5, "batch_jobs": 5, "cli": 6}
MAX_LINES = 500


def module_name(path: Path, package: Path = PACKAGE) -> str:
    """``generator/records/register.py`` → ``generator.records.register``."""
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer_of(module: str) -> int | None:
    """The floor a module stands on (0 is the ground), or None for a module of no known layer."""
    parts = module.split(".")
    if parts == ["generator"]:
        return 0  # the public face: it loads its names lazily, by name, from every layer
    if len(parts) < 2 or parts[0] != "generator":
        return None
    if parts[1] in GROUND and len(parts) == 2:
        return 0
    return LAYERS.get(parts[1])


def imports_of(path: Path, package: Path = PACKAGE) -> list[tuple[int, str, list[str]]]:
    """Every import of a ``generator`` module in ``path`` (at the top or inside a function), as
    (line, module, names imported from it); relative imports resolved against ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    here = module_name(path, package).split(".")
    if path.name != "__init__.py":
        here = here[:-1]  # the package the module is in
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "generator":
                    found.append((node.lineno, alias.name, []))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "generator":
                continue
            for alias in node.names:
                # `from generator.reading import text` imports the module generator.reading.text
                sub = package.parent / Path(*target.split("."), alias.name)
                if sub.with_suffix(".py").exists() or (sub / "__init__.py").exists():
                    found.append((node.lineno, f"{target}.{alias.name}", []))
                else:
                    found.append((node.lineno, target, [alias.name]))
    return found


def import_graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    """Module → the ``generator`` modules it imports (a package's own submodules excluded)."""
    modules = {module_name(p, package) for p in package.rglob("*.py") if "migrations" not in p.parts}
    graph: dict[str, set[str]] = {}
    for path in package.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        me = module_name(path, package)
        targets = set()
        for _, target, _ in imports_of(path, package):
            while target not in modules and "." in target:
                target = target.rsplit(".", 1)[0]
            if target != me:
                targets.add(target)
        graph[me] = targets
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other in a circle (Tarjan's strongly connected
    components of more than one module, or a module that imports itself)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for u in graph.get(v, ()):
            if u not in graph:
                continue
            if u not in index:
                visit(u)
                low[v] = min(low[v], low[u])
            elif u in on_stack:
                low[v] = min(low[v], index[u])
        if low[v] == index[v]:
            group = []
            while True:
                u = stack.pop()
                on_stack.discard(u)
                group.append(u)
                if u == v:
                    break
            if len(group) > 1 or v in graph.get(v, ()):
                found.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def is_package_init(module: str, target: str) -> bool:
    """A package's ``__init__`` importing its own submodules (the CLI's map of commands)."""
    return target.startswith(module + ".")


def test_the_helpers_see_a_circle_an_upward_import_and_a_private_name(tmp_path):
    # the checker itself, on a small package of our own: it must see what it is there to catch
    pkg = tmp_path / "generator"
    (pkg / "reading").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "reading" / "__init__.py").write_text("")
    (pkg / "models.py").write_text("from generator.reading.text import read\n")
    (pkg / "reading" / "text.py").write_text("from ..models import _private\nfrom . import more\n")
    (pkg / "reading" / "more.py").write_text("def f():\n    from generator.reading import text\n")
    graph = import_graph(pkg)
    assert graph["generator.models"] == {"generator.reading.text"}
    assert graph["generator.reading.text"] == {"generator.models", "generator.reading.more"}
    assert circles(graph) == [["generator.models", "generator.reading.more", "generator.reading.text"]]
    assert layer_of("generator.models") == 0 < layer_of("generator.reading.text") == 1
    privates = [n for _, _, names in imports_of(pkg / "reading" / "text.py", pkg) for n in names
                if n.startswith("_")]
    assert privates == ["_private"]


def test_no_import_circle():
    assert circles(import_graph()) == []


def test_every_import_runs_down_the_layers():
    upward = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        me = module_name(path)
        mine = layer_of(me)
        assert mine is not None, f"{path.relative_to(ROOT)} belongs to no layer: add it to one"
        for line, target, _ in imports_of(path):
            if me == "generator" or is_package_init(me, target):
                continue
            theirs = layer_of(target)
            if theirs is None or theirs > mine:
                upward.append(f"{path.relative_to(ROOT)}:{line} imports {target}")
    assert upward == []


def test_generator_modules_import_names_from_their_homes_not_the_public_face():
    # `from generator import x` inside generator/ would hide which layer x comes from
    through_face = [f"{p.relative_to(ROOT)}:{line}" for p in PACKAGE.rglob("*.py")
                    for line, target, names in imports_of(p) if target == "generator" and names
                    and module_name(p) != "generator"]
    assert through_face == []


def test_the_app_uses_only_the_public_face():
    # the pages stand beside the commands and use `import generator as g` only: what they need
    # is public, so a move inside generator/ never breaks a page
    files = [*(ROOT / "app_pages").rglob("*.py"), ROOT / "streamlit_app.py"]
    inside = [f"{p.relative_to(ROOT)}:{line} imports {target}" for p in files
              for line, target, _ in imports_of(p) if target != "generator"]
    assert inside == []


def test_no_private_name_is_imported_across_modules():
    roots = [PACKAGE, ROOT / "app_pages", ROOT / "benchmarks", ROOT / "tools"]
    files = [p for r in roots for p in r.rglob("*.py")] + [ROOT / "streamlit_app.py"]
    crossing = [f"{p.relative_to(ROOT)}:{line} imports {target}.{name}"
                for p in files for line, target, names in imports_of(p) for name in names
                if name.startswith("_") and name != "__version__"]
    assert crossing == []


def test_no_module_in_generator_is_over_500_lines():
    long = {str(p.relative_to(ROOT)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}
