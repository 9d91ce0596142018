"""The structure of the package: one-way layers, no cycle, a small façade, no process-wide switch.

These tests read the source with :mod:`ast`; they import nothing from ``src/`` to build the
graph. Every import counts, wherever it is written: at the top of a module, inside a function
(a lazy import), or under ``if TYPE_CHECKING:``. ``docs/en/explanation/architecture.md`` explains
the layers; a new module gets its place in :data:`LAYERS`.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

import rrma_groups

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "rrma_groups"
SOURCE = ROOT / "src" / PACKAGE

LAYERS: tuple[tuple[str, ...], ...] = (
    # the one template registry, the catalogs, and the errors every layer raises
    (
        "messages",
        "message_parts",
        "i18n.catalog",
        "i18n.compiling",
        "i18n.writing",
        "errors",
        "display",
        "data",
    ),
    ("i18n",),  # locales, Babel formatting, bidi, regions
    ("problems", "pydantic_bridge"),  # problems in data, and their messages in every language
    ("parsing", "parsing.times"),  # times and dates as people write them
    ("model",),  # the pydantic models, their types and series
    ("checks",),  # cross-object rules
    # tables, and the facilitators and kinds read from text; agendas; files; the group's
    # activity as data (directory, synergies, participation, report), which render writes out
    (
        "parsing.tables",
        "parsing.facilitators",
        "parsing.kinds",
        "scheduling",
        "io",
        "examples",
        "starter",
        "activity",
    ),
    ("render",),  # views, then text, Markdown, HTML and its JSON-LD, SVG, office documents
    ("export",),  # iCalendar, PDF
    ("cli", "__main__", ""),  # the command, and the façade ("" is rrma_groups itself)
)
"""The layers, lowest first, by module name relative to the package; a name covers its
submodules, and the longest name that matches a module gives its layer. A module may import
its own layer and those below it, never one above, not even lazily."""

MAX_LINES = 900
MAX_FACADE = 60


# --- reading the source -----------------------------------------------------------------------


@dataclass(frozen=True)
class Import:
    """One module of the package importing another, or a name from it."""

    importer: str
    target: str  # a module of the package
    name: str | None  # the name taken from it (``from target import name``), if any
    line: int

    def __str__(self) -> str:
        taken = f" ({self.name})" if self.name else ""
        return f"{self.importer}:{self.line} imports {self.target}{taken}"


@cache
def modules() -> dict[str, Path]:
    """Every module of the package, by dotted name (a package by its own name)."""
    found = {}
    for path in sorted(SOURCE.rglob("*.py")):
        parts = list(path.relative_to(SOURCE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


@cache
def tree(module: str) -> ast.Module:
    return ast.parse(modules()[module].read_text(encoding="utf-8"), str(modules()[module]))


def _base(module: str, level: int) -> str:
    """The package a relative import of ``level`` dots starts from."""
    parts = module.split(".")
    if modules()[module].name != "__init__.py":
        parts.pop()
    return ".".join(parts[: len(parts) - (level - 1)])


def _imported_module(node: ast.Call) -> str | None:
    """The module named by ``importlib.import_module("x")`` or ``__import__("x")``, if constant."""
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    if name not in {"import_module", "__import__"} or not node.args:
        return None
    first = node.args[0]
    return first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else None


def external_imports(module: str) -> Iterator[tuple[str, int]]:
    """The top-level names of what ``module`` imports from outside the package, with lines."""
    for node in ast.walk(tree(module)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name.split(".")[0], node.lineno
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            yield node.module.split(".")[0], node.lineno
        elif isinstance(node, ast.Call):
            named = _imported_module(node)
            if named and not named.startswith("."):
                yield named.split(".")[0], node.lineno


@cache
def imports(module: str) -> tuple[Import, ...]:
    """What ``module`` imports from the package, wherever the import statement is written."""
    known = modules()
    found: list[Import] = []
    for node in ast.walk(tree(module)):
        if isinstance(node, ast.ImportFrom):
            source = _base(module, node.level) if node.level else ""
            target = ".".join(p for p in (source, node.module or "") if p)
            for alias in node.names:
                submodule = f"{target}.{alias.name}"
                if submodule in known:  # ``from package import module``
                    found.append(Import(module, submodule, None, node.lineno))
                elif target in known:
                    found.append(Import(module, target, alias.name, node.lineno))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in known:
                    found.append(Import(module, alias.name, None, node.lineno))
        elif isinstance(node, ast.Call):
            named = _imported_module(node)
            if named in known:
                found.append(Import(module, named, None, node.lineno))
    return tuple(i for i in found if i.target != module)


def graph() -> dict[str, set[str]]:
    return {m: {i.target for i in imports(m)} for m in modules()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(edges[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1 or node in edges[node]:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def relative(module: str) -> str:
    return module.removeprefix(PACKAGE).removeprefix(".")


def layer_of(module: str) -> int | None:
    """The index in :data:`LAYERS` of the longest name covering ``module``; None if none."""
    name = relative(module)
    best: tuple[int, int] | None = None  # (length of the name, layer)
    for level, names in enumerate(LAYERS):
        for covering in names:
            covers = name == covering or (covering and name.startswith(covering + "."))
            if covers and (best is None or len(covering) > best[0]):
                best = (len(covering), level)
    return None if best is None else best[1]


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _parent(module: str) -> str:
    return module.rpartition(".")[0]


# --- the tests --------------------------------------------------------------------------------


class TestImportGraph:
    """The package's import graph has no cycle: data flows one way."""

    def test_graph_is_read(self) -> None:
        """The reader sees the package's imports (a sanity check of the test itself)."""
        assert f"{PACKAGE}.errors" in graph()[f"{PACKAGE}.checks"]
        assert f"{PACKAGE}.model" in graph()[f"{PACKAGE}.render"]

    def test_no_cycle(self) -> None:
        """No module imports, even lazily, a module that imports it back, directly or not."""
        found = cycles(graph())
        assert not found, "import cycles:\n" + "\n".join(
            f"  {' <-> '.join(relative(m) or PACKAGE for m in c)}" for c in found
        )

    def test_cycle_finder_finds_cycles(self) -> None:
        """The cycle finder reports a ring of three and a module that imports itself."""
        ring = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": {"e"}}
        assert cycles(ring) == [["a", "b", "c"], ["e"]]


class TestPrivateNames:
    """A name starting with ``_`` stays in its module, and a ``_module`` in its package."""

    def test_no_private_name_imported(self) -> None:
        """No module imports a private name of another module."""
        found = [str(i) for m in modules() for i in imports(m) if i.name and _private(i.name)]
        assert not found, "private names imported:\n  " + "\n  ".join(found)

    def test_no_private_module_imported_from_outside(self) -> None:
        """A private module is imported only by modules of its own package."""
        found = [
            str(i)
            for m in modules()
            for i in imports(m)
            if _private(i.target.rpartition(".")[2])
            and not m.startswith(_parent(i.target) + ".")
            and m != _parent(i.target)
        ]
        assert not found, "private modules imported from outside:\n  " + "\n  ".join(found)

    def test_no_private_attribute_of_another_module(self) -> None:
        """No module reads ``other_module._name``."""
        found = []
        for module in modules():
            bound = {}  # local name -> module of the package it is bound to
            for node in ast.walk(tree(module)):
                if isinstance(node, ast.Import):
                    for alias in node.names:
                        if alias.name in modules():
                            bound[alias.asname or alias.name] = alias.name
                elif isinstance(node, ast.ImportFrom):
                    for i in imports(module):
                        if i.line == node.lineno and i.name is None:
                            tail = i.target.rpartition(".")[2]
                            for alias in node.names:
                                if alias.name == tail:
                                    bound[alias.asname or alias.name] = i.target
            for node in ast.walk(tree(module)):
                if (
                    isinstance(node, ast.Attribute)
                    and _private(node.attr)
                    and isinstance(node.value, ast.Name)
                    and bound.get(node.value.id, module) != module
                ):
                    found.append(f"{module}:{node.lineno} reads {node.value.id}.{node.attr}")
        assert not found, "private attributes read:\n  " + "\n  ".join(found)


class TestNoProcessWideSwitch:
    """A library call changes nothing for the whole process: only the command may touch ``gc``."""

    def test_gc_only_in_the_command(self) -> None:
        """No module outside ``rrma_groups.cli`` imports ``gc``."""
        found = [
            f"{module}:{line}"
            for module in modules()
            if not (module + ".").startswith(f"{PACKAGE}.cli.")
            for name, line in external_imports(module)
            if name == "gc"
        ]
        assert not found, "gc imported outside the command line:\n  " + "\n  ".join(found)


class TestModuleSize:
    """Modules stay short enough to read: one concept each."""

    @pytest.mark.parametrize("module", sorted(modules()), ids=relative)
    def test_at_most_900_lines(self, module: str) -> None:
        """The module has at most 900 lines."""
        lines = len(modules()[module].read_text(encoding="utf-8").splitlines())
        assert lines <= MAX_LINES, f"{module} has {lines} lines"


class TestLayers:
    """Lower layers never import upper ones (see :data:`LAYERS`)."""

    def test_every_module_has_a_layer(self) -> None:
        """Each module of the package falls in one of the layers."""
        missing = [m for m in modules() if layer_of(m) is None]
        assert not missing, f"place these modules in LAYERS: {missing}"

    @pytest.mark.parametrize(
        ("module", "layer"),
        [
            ("rrma_groups.errors", 0),
            ("rrma_groups.i18n.locales", 1),
            ("rrma_groups.parsing.times", 3),
            ("rrma_groups.model.series", 4),
            ("rrma_groups.parsing.tables", 6),
            ("rrma_groups.export.ical", 8),
            ("rrma_groups", 9),
        ],
    )
    def test_longest_name_gives_the_layer(self, module: str, layer: int) -> None:
        """A module takes the layer of the longest name that covers it."""
        assert layer_of(module) == layer

    def test_imports_go_down(self) -> None:
        """Every import goes to the module's own layer or one below it."""
        found = []
        for module in modules():
            for i in imports(module):
                mine, theirs = layer_of(module), layer_of(i.target)
                if mine is not None and theirs is not None and theirs > mine:
                    found.append(f"{i} (layer {mine} imports layer {theirs})")
        assert not found, "imports that go up:\n  " + "\n  ".join(found)


def _type_checking_imports() -> dict[str, tuple[str | None, str | None]]:
    """The façade's ``if TYPE_CHECKING:`` imports: name -> (module, the name it is bound to)."""
    names: dict[str, tuple[str | None, str | None]] = {}
    for node in tree(PACKAGE).body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            for statement in node.body:
                if isinstance(statement, ast.ImportFrom):
                    for alias in statement.names:
                        names[alias.name] = (statement.module, alias.asname)
    return names


class TestFacade:
    """``rrma_groups`` is a short façade; the rest lives in documented submodules."""

    def test_at_most_60_names(self) -> None:
        """The façade exports at most 60 names, each listed once."""
        assert len(rrma_groups.__all__) <= MAX_FACADE
        assert len(set(rrma_groups.__all__)) == len(rrma_groups.__all__)

    def test_dir_is_all(self) -> None:
        """``dir(rrma_groups)`` shows the exported names (and dunders), nothing else."""
        public = {n for n in dir(rrma_groups) if not n.startswith("__")}
        assert public == set(rrma_groups.__all__)

    @pytest.mark.parametrize("name", rrma_groups.__all__)
    def test_each_name_loads(self, name: str) -> None:
        """Each exported name loads, without a deprecation warning."""
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert getattr(rrma_groups, name) is not None

    def test_type_checkers_see_the_same_names(self) -> None:
        """The ``TYPE_CHECKING`` imports are the lazy table: same names, from the same modules."""
        seen = _type_checking_imports()
        assert {name: module for name, (module, _) in seen.items()} == rrma_groups._LAZY

    def test_type_checkers_see_them_exported(self) -> None:
        """Each is imported as ``name as name``, which tells strict type checkers it is public."""
        assert [n for n, (_, bound) in _type_checking_imports().items() if bound != n] == []

    def test_render_stays_the_function(self) -> None:
        """Importing the ``render`` package does not hide the ``render`` function."""
        import rrma_groups.render.html

        assert callable(rrma_groups.render)

    def test_version(self) -> None:
        """``__version__`` is the installed version, read on first use."""
        assert isinstance(rrma_groups.__version__, str)
        assert rrma_groups.__version__[0].isdigit()

    def test_unknown_name(self) -> None:
        """An unknown name raises AttributeError, as for any module."""
        with pytest.raises(AttributeError, match="has no attribute 'nothing_here'"):
            rrma_groups.nothing_here  # type: ignore[attr-defined]  # noqa: B018

    def test_import_is_light(self) -> None:
        """``import rrma_groups`` loads neither Babel, dateutil nor icalendar."""
        code = (
            "import sys, rrma_groups\n"
            "heavy = {'babel', 'dateutil', 'icalendar'}\n"
            "print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in heavy)))\n"
        )
        loaded = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout.split()
        assert loaded == []


class TestDeprecatedNames:
    """Names that left the façade, or were renamed, still work for one release, with a warning."""

    @pytest.mark.parametrize(
        ("name", "home"),
        [
            ("Report", "rrma_groups.CheckReport"),
            ("describe", "rrma_groups.problems.describe"),
            ("Funding", "rrma_groups.model.Funding"),
            ("directory", "rrma_groups.activity.directory"),
            ("time_by_kind", "rrma_groups.scheduling.time_by_kind"),
            ("ImportedCalendar", "rrma_groups.export.ical.ImportedCalendar"),
        ],
    )
    def test_moved_name_warns(self, name: str, home: str) -> None:
        """The old spelling gives the same object and says where it lives now."""
        module, _, attribute = home.rpartition(".")
        with pytest.warns(DeprecationWarning, match=rf"rrma_groups\.{name} is deprecated: use "):
            value = getattr(rrma_groups, name)
        assert value is getattr(sys.modules[module], attribute)

    @pytest.mark.parametrize("name", sorted(rrma_groups._MOVED))
    def test_every_moved_name_resolves(self, name: str) -> None:
        """Each moved name still resolves, and is no longer in ``__all__``."""
        with pytest.warns(DeprecationWarning, match=rf"rrma_groups\.{name} is deprecated"):
            assert getattr(rrma_groups, name) is not None
        assert name not in rrma_groups.__all__
