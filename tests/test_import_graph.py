"""The import graph has no upward arrow (issue 11): read with `ast`, nothing is imported.

* model/ takes data in and returns results: it imports nothing of the project's other
  top-level packages, except model/__main__.py, the shim that keeps `python -m model ...`
  working by calling the command line in cli/.
* model/ and cli/ have no import cycles between their modules (module-level imports).
* exports/ and ui/ do not import each other in a circle: what both need (text catalogue,
  formatting, links, chart specifications) is presentation/, which imports neither
  Streamlit nor ui/, pages/, exports/ or store/ (only model/ of the project).
* Only the Streamlit side (ui/, pages/, app.py; tests/ and the bench files that measure
  Streamlit) imports Streamlit.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
# The project's top-level packages and modules (pages/ is a folder of entry points).
PROJECT = ("app", "bench", "cli", "deploy", "exports", "model", "pages", "presentation",
           "smhi", "store", "tests", "ui")
# The one import upward from model/: `python -m model ...` runs the command line.
MODEL_SHIM = ("model/__main__.py", "cli")
# Where Streamlit may be imported: the app and its pages, the tests, and the bench's files that
# measure Streamlit itself (the floor pages, AppTest timings, the websocket load client).
STREAMLIT_ALLOWED = ("ui", "pages", "app", "tests")
STREAMLIT_BENCH = ("bench/floor_page.py", "bench/floor_widgets.py", "bench/model_bench.py",
                   "bench/load_client.py")


@dataclass(frozen=True)
class Import:
    module: str  # the importing module, e.g. "model.solver"
    path: str  # its file, relative to the repository, e.g. "model/solver.py"
    target: str  # the imported module, e.g. "model.local_levers" (or a name in it)
    line: int
    top_level: bool  # executed when the module is imported (not in a function, not typing-only)


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO_ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _project_files() -> Iterator[Path]:
    for name in PROJECT:
        single = REPO_ROOT / f"{name}.py"
        if single.is_file():
            yield single
        folder = REPO_ROOT / name
        if folder.is_dir():
            yield from sorted(p for p in folder.rglob("*.py") if ".venv" not in p.parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports_in(path: Path) -> Iterator[Import]:
    module = _module_name(path)
    is_package = path.name == "__init__.py"
    rel = path.relative_to(REPO_ROOT).as_posix()
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=rel)

    def visit(node: ast.AST, top_level: bool) -> Iterator[Import]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import):
                for alias in child.names:
                    yield Import(module, rel, alias.name, child.lineno, top_level)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:  # relative: resolve against this module's package
                    package = module.split(".") if is_package else module.split(".")[:-1]
                    package = package[: len(package) - (child.level - 1)]
                    base = ".".join([*package, *([base] if base else [])])
                for alias in child.names:
                    # `from model import levers` imports model.levers when that is a module
                    yield Import(module, rel, f"{base}.{alias.name}", child.lineno, top_level)
            elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) or (
                isinstance(child, ast.If) and _is_type_checking(child)
            ):  # runs later, or never: not part of importing the module
                yield from visit(child, False)
            else:
                yield from visit(child, top_level)

    yield from visit(tree, True)


@lru_cache(maxsize=1)
def all_imports() -> tuple[Import, ...]:
    return tuple(i for path in _project_files() for i in _imports_in(path))


@lru_cache(maxsize=1)
def project_modules() -> frozenset[str]:
    return frozenset(_module_name(path) for path in _project_files())


def _resolve(target: str) -> str | None:
    """The project module a target names (the longest existing prefix), else None."""
    parts = target.split(".")
    for end in range(len(parts), 0, -1):
        name = ".".join(parts[:end])
        if name in project_modules():
            return name
    return None


def _top(name: str) -> str:
    return name.split(".")[0]


def _describe(imports: list[Import]) -> str:
    return "\n".join(f"  {i.path}:{i.line} imports {i.target}" for i in imports)


def test_model_imports_nothing_above_it() -> None:
    """model/ imports nothing of ui, pages, exports, store, smhi, cli, deploy, bench, app."""
    upward = [
        i for i in all_imports()
        if _top(i.module) == "model"
        and _top(i.target) in PROJECT and _top(i.target) != "model"
        and (i.path, _top(i.target)) != MODEL_SHIM
    ]
    assert not upward, "model/ must not import the layers above it:\n" + _describe(upward)


def test_the_model_shim_only_calls_the_command_line() -> None:
    shim = [i for i in all_imports() if i.path == MODEL_SHIM[0]]
    assert {_top(i.target) for i in shim if _top(i.target) in PROJECT} == {"cli"}
    assert (REPO_ROOT / MODEL_SHIM[0]).read_text(encoding="utf-8").count("\n") <= 8


def _cycles(package: str) -> list[list[str]]:
    """Strongly connected groups (Tarjan) of the package's module-level import graph."""
    edges: dict[str, set[str]] = {}
    for i in all_imports():
        if _top(i.module) != package or not i.top_level:
            continue
        target = _resolve(i.target)
        if target is not None and _top(target) == package and target != package:
            edges.setdefault(i.module, set()).add(target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def strongconnect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for succ in sorted(edges.get(node, ())):
            if succ not in index:
                strongconnect(succ)
                low[node] = min(low[node], low[succ])
            elif succ in stack:
                low[node] = min(low[node], index[succ])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1 or node in edges.get(node, ()):
                found.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            strongconnect(node)
    return found


@pytest.mark.parametrize("package", ["model", "cli"])
def test_no_import_cycles_inside(package: str) -> None:
    assert _cycles(package) == []


def test_cycle_finder_sees_a_cycle(monkeypatch: pytest.MonkeyPatch) -> None:
    """The check above can fail: two modules importing each other form a cycle."""
    fake = (
        Import("model.a", "model/a.py", "model.b.x", 1, True),
        Import("model.b", "model/b.py", "model.a.y", 1, True),
        Import("model.c", "model/c.py", "model.a", 1, False),  # in a function: not an edge
    )
    this = sys.modules[__name__]
    monkeypatch.setattr(this, "all_imports", lambda: fake)
    monkeypatch.setattr(this, "project_modules",
                        lambda: frozenset({"model", "model.a", "model.b", "model.c"}))
    assert _cycles("model") == [["model.a", "model.b"]]


def _package_edges(source: str, target: str) -> list[Import]:
    return [i for i in all_imports() if _top(i.module) == source and _top(i.target) == target]


def test_exports_and_ui_do_not_import_each_other() -> None:
    """ui/ imports exports/ (its download buttons); exports/ imports nothing of ui/ (what
    both need is presentation/), so exports run without Streamlit."""
    exports_to_ui = _package_edges("exports", "ui")
    ui_to_exports = _package_edges("ui", "exports")
    assert not (exports_to_ui and ui_to_exports), (
        "exports/ and ui/ import each other:\n" + _describe(exports_to_ui)
    )
    assert not exports_to_ui, "exports/ imports ui/:\n" + _describe(exports_to_ui)


# What presentation/ may import of the project: the model, and itself.
PRESENTATION_ALLOWED = ("model", "presentation")


def test_presentation_imports_neither_streamlit_nor_the_layers_above() -> None:
    """presentation/ is shared by ui/ and exports/: no Streamlit, no ui/, pages/, exports/,
    store/ (nor any other part of the project but model/), anywhere in it (also in functions)."""
    assert any(_top(i.module) == "presentation" for i in all_imports())
    wrong = [
        i for i in all_imports()
        if _top(i.module) == "presentation"
        and (_top(i.target) == "streamlit"
             or (_top(i.target) in PROJECT and _top(i.target) not in PRESENTATION_ALLOWED))
    ]
    assert not wrong, "presentation/ must import only model/ of the project:\n" + _describe(wrong)


def test_only_the_streamlit_side_imports_streamlit() -> None:
    outside = [
        i for i in all_imports()
        if _top(i.target) == "streamlit" and _top(i.module) not in STREAMLIT_ALLOWED
        and i.path not in STREAMLIT_BENCH
    ]
    assert not outside, "Streamlit outside ui/, pages/ and app.py:\n" + _describe(outside)


def test_the_graph_reader_finds_imports() -> None:
    """A guard against a reader that silently sees nothing."""
    targets = {(i.module, _resolve(i.target)) for i in all_imports()}
    assert ("model.solver", "model.local_levers") in targets
    assert ("ui.data_access", "store.csv_tables") in targets
    assert ("exports.charts", "presentation.charts") in targets  # `from presentation import charts`
    assert ("model", "model.batch") in targets  # `from model.batch import ...` in __init__
    assert any(_top(i.target) == "streamlit" and _top(i.module) == "ui" for i in all_imports())
