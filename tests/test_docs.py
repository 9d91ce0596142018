"""Every example in the documentation runs, and shows what it really prints.

Two things are executed here:

* the code blocks of the documentation pages (``docs/**/*.md`` and ``README.md``), by the rules
  written in ``docs/contributing.md``: ``python`` blocks run, ``>>>`` blocks are doctests,
  ``console`` blocks run their ``$ rrma-groups ...`` commands and compare what they print, and
  ``% test:`` comments write or edit the files a page works on;
* the docstring examples of every module of ``rrma_groups``, with :mod:`doctest`.

Each page runs in a fresh folder holding a copy of the repository's ``examples/``, with its own
Python namespace, blocks in page order, so a page can build on its earlier blocks, and in the
locale of its reader: French pages with a French locale, Arabic pages with an Arabic one.
"""

from __future__ import annotations

import contextlib
import doctest
import importlib
import io
import pkgutil
import re
import shlex
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import extras
import rrma_groups
from rrma_groups.cli import app as cli
from rrma_groups.cli.language import environment_language

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
EXAMPLES = ROOT / "examples"

DOCTEST_FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE

WORKING = {"weasyprint": extras.pdf_unavailable}
"""Modules that can be imported and still not work here, with a probe saying why: WeasyPrint
without fonts for Latin and Arabic (see tests/extras.py)."""


# --- reading the pages ------------------------------------------------------------------------


@dataclass
class Block:
    """A fenced code block of a page."""

    language: str
    text: str
    line: int  # 1-based line of the opening fence


@dataclass
class Instruction:
    """A ``% test: VERB ARGS`` comment of a page."""

    words: list[str]
    line: int


_FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})\s*(?P<info>.*?)\s*$")
_DIRECTIVE = re.compile(r"^\{(?P<name>[\w:-]+)\}\s*(?P<argument>.*)$")
_CODE_DIRECTIVES = {"code-block", "code", "sourcecode", "code-cell"}
_INSTRUCTION = re.compile(r"^%\s*test:\s*(?P<words>.*?)\s*$")


def read_page(text: str) -> list[Block | Instruction]:
    """The code blocks and ``% test:`` instructions of a MyST page, in order.

    A fence whose info is a code language (``python``, ``{code-block} console``) is a block; a
    fence of another directive (``{note}``, ``{container}``) is looked into for blocks.
    """
    items: list[Block | Instruction] = []
    lines = text.splitlines()
    open_directives: list[str] = []  # fences of the directives we are inside
    index = 0
    while index < len(lines):
        line = lines[index]
        comment = _INSTRUCTION.match(line.strip())
        if comment:
            items.append(Instruction(shlex.split(comment["words"]), index + 1))
            index += 1
            continue
        match = _FENCE.match(line)
        if not match:
            index += 1
            continue
        fence, info = match["fence"], match["info"]
        if not info and open_directives and open_directives[-1] == fence:
            open_directives.pop()
            index += 1
            continue
        language = info
        directive = _DIRECTIVE.match(info)
        if directive:
            if directive["name"] not in _CODE_DIRECTIVES:
                open_directives.append(fence)
                index += 1
                continue
            language = directive["argument"].strip()
        opening = index + 1
        body: list[str] = []
        index += 1
        while index < len(lines):
            closing = _FENCE.match(lines[index])
            if (
                closing
                and not closing["info"]
                and closing["fence"][0] == fence[0]
                and len(closing["fence"]) >= len(fence)
            ):
                break
            body.append(lines[index])
            index += 1
        if directive:  # drop the directive's options (":caption: x") and the blank after them
            while body and re.match(r"^:[\w-]+:", body[0]):
                body.pop(0)
            if body and not body[0].strip():
                body.pop(0)
        name = language.split()[0] if language else ""
        items.append(Block(name, "\n".join(body) + "\n", opening))
        index += 1
    return items


def doc_pages() -> list[Path]:
    pages = sorted(p for p in DOCS.rglob("*.md") if "_build" not in p.parts)
    readme = ROOT / "README.md"
    if readme.is_file() and readme.stat().st_size:
        pages.append(readme)
    return pages


# --- running a page ---------------------------------------------------------------------------

# Instructions that take the next block(s); the others act where they stand.
_TAKES_BLOCKS = {"skip": 1, "file": 1, "append": 1, "replace": 2}


class PageRunner:
    """Runs the blocks of one page in order, in its own folder and namespace."""

    def __init__(self, page: Path, folder: Path) -> None:
        self.page = page
        self.folder = folder
        self.namespace: dict[str, Any] = {"__name__": "__docs__"}
        self.status = 0

    def where(self, line: int) -> str:
        return f"{self.page.relative_to(ROOT)}:{line}"

    def run(self, items: list[Block | Instruction]) -> None:
        waiting: Instruction | None = None
        taken: list[Block] = []
        for item in items:
            if isinstance(item, Instruction):
                if waiting is not None:
                    pytest.fail(f"{self.where(item.line)}: an instruction where a block was due")
                verb = item.words[0] if item.words else ""
                if verb in _TAKES_BLOCKS:
                    waiting, taken = item, []
                else:
                    self.act(item, [])
            elif waiting is not None:
                taken.append(item)
                if len(taken) == _TAKES_BLOCKS[waiting.words[0]]:
                    self.act(waiting, taken)
                    waiting = None
            else:
                self.run_block(item)
        if waiting is not None:
            pytest.fail(f"{self.where(waiting.line)}: no block after this instruction")

    def file(self, name: str) -> Path:
        return self.folder / name

    def act(self, instruction: Instruction, blocks: list[Block]) -> None:
        verb, *args = instruction.words or [""]
        if verb == "skip" and not args:
            return
        if verb == "file" and len(args) == 1:
            target = self.file(args[0])
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(blocks[0].text, encoding="utf-8")
        elif verb == "append" and len(args) == 1:
            with self.file(args[0]).open("a", encoding="utf-8") as out:
                out.write(blocks[0].text)
        elif verb == "replace" and len(args) == 1:
            target = self.file(args[0])
            old, new = blocks[0].text, blocks[1].text
            text = target.read_text(encoding="utf-8")
            if text.count(old) != 1:
                pytest.fail(
                    f"{self.where(blocks[0].line)}: this text occurs {text.count(old)} times "
                    f"in {args[0]}, not once:\n{old}"
                )
            target.write_text(text.replace(old, new), encoding="utf-8")
        elif verb == "cut" and len(args) in (2, 3):
            self.cut(instruction, *args)
        elif verb == "requires" and args:
            self.require(instruction, args)
        else:
            pytest.fail(f"{self.where(instruction.line)}: unknown instruction {instruction.words}")

    def require(self, instruction: Instruction, modules: list[str]) -> None:
        """Skip the rest of the page where an optional package cannot be imported, or cannot
        work for want of what it needs from the system (see ``WORKING``)."""
        for name in modules:
            try:
                importlib.import_module(name)
            except (ImportError, OSError) as exc:  # OSError: WeasyPrint without Pango
                pytest.skip(f"{self.where(instruction.line)}: the rest needs {name} ({exc})")
            probe = WORKING.get(name)
            reason = probe() if probe is not None else None
            if reason is not None:
                pytest.skip(f"{self.where(instruction.line)}: the rest needs {name} ({reason})")

    def cut(self, instruction: Instruction, name: str, first: str, until: str = "") -> None:
        target = self.file(name)
        lines = target.read_text(encoding="utf-8").splitlines(keepends=True)
        starts = [i for i, line in enumerate(lines) if line.startswith(first)]
        if not starts:
            pytest.fail(f"{self.where(instruction.line)}: no line of {name} starts with {first!r}")
        begin = starts[0]
        end = len(lines)
        if until:
            ends = [i for i, line in enumerate(lines) if i > begin and line.startswith(until)]
            if not ends:
                pytest.fail(
                    f"{self.where(instruction.line)}: no line of {name} after {first!r} "
                    f"starts with {until!r}"
                )
            end = ends[0]
        target.write_text("".join(lines[:begin] + lines[end:]), encoding="utf-8")

    def run_block(self, block: Block) -> None:
        if block.language in ("python", "py", "python3", "pycon"):
            if block.text.lstrip().startswith(">>>"):
                self.run_doctest(block)
            elif block.language == "pycon":
                pytest.fail(f"{self.where(block.line)}: a pycon block must start with >>>")
            else:
                self.run_python(block)
        elif block.language == "console":
            self.run_console(block)

    def run_python(self, block: Block) -> None:
        code = compile(block.text, self.where(block.line), "exec")
        with contextlib.redirect_stdout(io.StringIO()):
            exec(code, self.namespace)

    def run_doctest(self, block: Block) -> None:
        parser = doctest.DocTestParser()
        test = parser.get_doctest(
            block.text, self.namespace, self.where(block.line), str(self.page), block.line
        )
        output = io.StringIO()
        runner = doctest.DocTestRunner(optionflags=DOCTEST_FLAGS)
        runner.run(test, out=output.write, clear_globs=False)
        self.namespace.update(test.globs)  # DocTest works on a copy of the namespace
        if runner.failures:
            pytest.fail(f"{self.where(block.line)}: doctest failed\n{output.getvalue()}")

    def run_console(self, block: Block) -> None:
        for command, expected, line in _session(block):
            got = self.run_command(command, block.line + line)
            if not _matches(expected, got):
                shown = "\n".join(expected)
                pytest.fail(
                    f"{self.where(block.line + line)}: $ {command}\n"
                    f"--- the page shows:\n{shown}\n--- the command printed:\n{got}"
                )

    def run_command(self, command: str, line: int) -> str:
        if command.strip() == "echo $?":
            return f"{self.status}\n"
        argv = shlex.split(command)
        if not argv or argv[0] != "rrma-groups":
            pytest.fail(
                f"{self.where(line)}: only rrma-groups commands run in a console block, not "
                f"{command!r}; show other commands in a 'shell' block"
            )
        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer), contextlib.redirect_stderr(buffer):
            try:
                self.status = _cli(argv[1:])
            except SystemExit as exc:  # argparse's own exits: --help, usage errors
                self.status = exc.code if isinstance(exc.code, int) else 1
        return buffer.getvalue()


def _cli(argv: list[str]) -> int:
    """``rrma-groups ARGV``."""
    return cli.main(argv)


def _session(block: Block) -> Iterator[tuple[str, list[str], int]]:
    """The commands of a console block (``$ `` lines, ``\\`` continues) and their output."""
    command: str | None = None
    expected: list[str] = []
    start = 0
    lines = block.text.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.startswith("$ "):
            if command is not None:
                yield command, expected, start
            start = index + 1
            command = line[2:]
            while command.endswith("\\") and index + 1 < len(lines):
                index += 1
                command = command[:-1].rstrip() + " " + lines[index].strip()
            expected = []
        elif command is not None:
            expected.append(line)
        index += 1
    if command is not None:
        yield command, expected, start


def _matches(expected: list[str], got: str) -> bool:
    """Line by line, trailing spaces ignored; a line ``...`` stands for any number of lines."""
    want = [line.rstrip() for line in expected]
    have = [line.rstrip() for line in got.splitlines()]
    while want and not want[-1]:
        want.pop()
    while have and not have[-1]:
        have.pop()
    return _match_lines(want, have)


def _match_lines(want: list[str], have: list[str]) -> bool:
    if not want:
        return not have
    if want[0] == "...":
        return any(_match_lines(want[1:], have[i:]) for i in range(len(have) + 1))
    return bool(have) and want[0] == have[0] and _match_lines(want[1:], have[1:])


# The locale each language's reader has: a page's commands print what that reader sees.
LOCALES = {"fr": "fr_FR.UTF-8", "ar": "ar_MA.UTF-8"}

_FRONT_MATTER = re.compile(r"\A---\n(?P<body>.*?)\n---\n", re.DOTALL)


def page_language(page: Path) -> str:
    """The language of a page: the ``lang`` of its front matter, else its folder's.

    ``docs/fr/`` and the home page (``docs/index.md``) are French, ``docs/ar/`` Arabic; the
    other pages (``docs/en/``, the reference, ``README.md``) are in English.
    """
    front = _FRONT_MATTER.match(page.read_text(encoding="utf-8")) if page.is_file() else None
    if front:
        declared = re.search(r"^lang:\s*(\S+)\s*$", front["body"], re.MULTILINE)
        if declared:
            return declared[1].replace("-", "_").partition("_")[0]
    relative = page.resolve().relative_to(ROOT).as_posix()
    if relative == "docs/index.md" or relative.startswith("docs/fr/"):
        return "fr"
    if relative.startswith("docs/ar/"):
        return "ar"
    return "en"


def page_environment(monkeypatch: pytest.MonkeyPatch, page: Path) -> None:
    """The environment a reader of the page has: its language's locale (none for English,
    whose messages are the library's own), and a terminal 100 columns wide."""
    monkeypatch.setenv("COLUMNS", "100")
    for name in ("RRMA_GROUPS_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    locale = LOCALES.get(page_language(page))
    if locale is not None:
        monkeypatch.setenv("LANG", locale)


@pytest.fixture
def page_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh folder with a copy of examples/, as the current directory."""
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    return tmp_path


PAGES = doc_pages()


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(ROOT)) for p in PAGES])
def test_page_examples_run(page: Path, page_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every example of the page runs, and prints what the page shows to its reader: the
    commands of a French page run with a French locale, those of an Arabic page with an Arabic
    one (see :func:`page_language`)."""
    page_environment(monkeypatch, page)
    PageRunner(page, page_folder).run(read_page(page.read_text(encoding="utf-8")))


# --- the harness itself -----------------------------------------------------------------------


class TestReadingPages:
    def test_languages_and_directives(self) -> None:
        """Plain fences and code-block directives are blocks; their options are dropped."""
        text = "```python\nx = 1\n```\n\n```{code-block} console\n:caption: c\n\n$ a\n```\n"
        assert read_page(text) == [Block("python", "x = 1\n", 1), Block("console", "$ a\n", 5)]

    def test_blocks_inside_other_directives_are_found(self) -> None:
        """A code block inside a note is still a block."""
        text = "````{note}\nSee:\n```python\ny = 2\n```\n````\n"
        assert read_page(text) == [Block("python", "y = 2\n", 3)]

    def test_instructions_are_read_in_order(self) -> None:
        """'% test:' comments are kept in page order, their words split like a shell's."""
        text = "% test: file a.toml\n\n```toml\nk = 1\n```\n% test: cut a.toml 'k =' \n"
        assert read_page(text) == [
            Instruction(["file", "a.toml"], 1),
            Block("toml", "k = 1\n", 3),
            Instruction(["cut", "a.toml", "k ="], 6),
        ]


class TestPageLanguage:
    @pytest.mark.parametrize(
        ("page", "language"),
        [
            ("docs/index.md", "fr"),
            ("docs/fr/tutoriel.md", "fr"),
            ("docs/fr/guides/valider.md", "fr"),
            ("docs/ar/quickstart.md", "ar"),
            ("docs/en/tutorial.md", "en"),
            ("docs/contributing.md", "en"),
            ("docs/reference/cli.md", "en"),
            ("README.md", "en"),
        ],
    )
    def test_by_front_matter_and_folder(self, page: str, language: str) -> None:
        """French pages are French, Arabic pages (front matter ``lang: ar``) Arabic."""
        assert page_language(ROOT / page) == language

    @pytest.mark.parametrize(
        ("page", "spoken"),
        [("docs/fr/tutoriel.md", "fr_FR"), ("docs/ar/quickstart.md", "ar_MA"), ("README.md", None)],
    )
    def test_the_command_speaks_the_page_s_language(
        self, page: str, spoken: str | None, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The commands of a page speak its reader's language, whatever the machine running
        the tests is set to."""
        monkeypatch.setenv("RRMA_GROUPS_LANG", "ar")
        monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
        page_environment(monkeypatch, ROOT / page)
        assert environment_language() == spoken


class TestInstructions:
    def run(self, tmp_path: Path, text: str) -> str:
        PageRunner(DOCS / "index.md", tmp_path).run(read_page(text))
        return (tmp_path / "a.toml").read_text(encoding="utf-8")

    def test_file_replace_append_cut(self, tmp_path: Path) -> None:
        """Files are written, edited, extended and cut as the instructions say."""
        text = (
            "% test: file a.toml\n```toml\nx = 1\n# --- b\ny = 2\n# --- c\nz = 3\n```\n"
            "% test: replace a.toml\n```toml\nx = 1\n```\nby\n```toml\nx = 10\n```\n"
            "% test: cut a.toml '# --- b' '# --- c'\n"
            "% test: append a.toml\n```toml\nw = 4\n```\n"
        )
        assert self.run(tmp_path, text) == "x = 10\n# --- c\nz = 3\nw = 4\n"

    def test_skip(self, tmp_path: Path) -> None:
        """A skipped block does not run."""
        (tmp_path / "a.toml").write_text("", encoding="utf-8")
        assert self.run(tmp_path, "% test: skip\n```python\nraise SystemExit(3)\n```\n") == ""

    def test_requires_an_importable_module(self, tmp_path: Path) -> None:
        """The rest of the page runs when the module imports, and is skipped when it does not."""
        text = "% test: requires json\n% test: file a.toml\n```toml\nx = 1\n```\n"
        assert self.run(tmp_path, text) == "x = 1\n"
        with pytest.raises(pytest.skip.Exception, match="no_such_module_here"):
            self.run(tmp_path, "% test: requires no_such_module_here\n```python\n1 / 0\n```\n")


class TestMatchingOutput:
    @pytest.mark.parametrize(
        ("expected", "got", "ok"),
        [
            (["a", "b"], "a\nb\n", True),
            (["a", "b  "], "a\nb", True),
            (["a", "..."], "a\nb\nc\n", True),
            (["...", "c"], "a\nb\nc\n", True),
            (["a", "...", "c"], "a\nc\n", True),
            (["a"], "a\nb\n", False),
            (["a", "c"], "a\nb\nc\n", False),
        ],
    )
    def test_lines_and_ellipsis(self, expected: list[str], got: str, ok: bool) -> None:
        """Output matches line by line; '...' alone on a line matches any lines."""
        assert _matches(expected, got) is ok

    def test_continued_commands(self) -> None:
        """A command ending in a backslash goes on on the next line."""
        block = Block("console", "$ rrma-groups render \\\n  -l ar\nout\n", 1)
        assert [(c, e) for c, e, _ in _session(block)] == [("rrma-groups render -l ar", ["out"])]


# --- docstrings ---------------------------------------------------------------------------------


def _modules() -> list[str]:
    names = ["rrma_groups"]
    for info in pkgutil.walk_packages(rrma_groups.__path__, "rrma_groups."):
        if info.name.rsplit(".", 1)[-1] != "__main__":
            names.append(info.name)
    return sorted(names)


def _import(name: str) -> ModuleType:
    """The module, or a skip when it needs an optional package that is not installed."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name and not exc.name.startswith("rrma_groups"):
            pytest.skip(f"{name} needs {exc.name}, which is not installed")
        raise


class ExamplesRunner(doctest.DocTestRunner):
    """Runs docstring examples, and notes why one stopped when an optional extra is missing."""

    def __init__(self) -> None:
        super().__init__(optionflags=DOCTEST_FLAGS)
        self.missing: str | None = None

    def report_unexpected_exception(
        self, out: Any, test: doctest.DocTest, example: doctest.Example, exc_info: Any
    ) -> None:
        self.missing = self.missing or missing_extra(exc_info[1])
        super().report_unexpected_exception(out, test, example, exc_info)


def missing_extra(exc: BaseException) -> str | None:
    """Why an example raised ``exc``, when the reason is an optional extra missing here;
    ``None`` otherwise, and where the extra is there (then the example is wrong)."""
    from rrma_groups.errors import EngineError
    from rrma_groups.export.pdf import PdfEngineError, PdfFontError

    if isinstance(exc, (PdfEngineError, PdfFontError)):
        return extras.pdf_unavailable()
    if isinstance(exc, EngineError):  # python-docx, openpyxl, odfdo
        return extras.module_unavailable(exc.module)
    if isinstance(exc, ModuleNotFoundError) and exc.name and not exc.name.startswith("rrma_"):
        return extras.module_unavailable(exc.name)
    return None


@pytest.mark.parametrize("name", _modules())
def test_docstring_examples(name: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The examples in the module's docstrings run and print what they show.

    A docstring whose examples stop because an optional extra is missing here (WeasyPrint, or
    the Pango and fonts it needs) is skipped with the reason, if the others pass.
    """
    monkeypatch.chdir(tmp_path)
    module = _import(name)
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = ExamplesRunner()
    output = io.StringIO()
    failed = 0
    skipped: list[str] = []
    for test in finder.find(module, name, globs=vars(module).copy()):
        runner.missing = None
        result = runner.run(test, out=output.write)
        if result.failed and runner.missing is not None:
            skipped.append(f"{test.name}: {runner.missing}")
        else:
            failed += result.failed
    if failed:
        pytest.fail(f"{failed} docstring example(s) failed in {name}\n{output.getvalue()}")
    if skipped:
        pytest.skip(f"the examples need an optional extra: {'; '.join(skipped)}")


# --- the API reference names everything ---------------------------------------------------------

REFERENCE = DOCS / "reference"
PUBLIC_MODULES = (
    "rrma_groups",
    "rrma_groups.model",
    "rrma_groups.i18n",
    "rrma_groups.render",
    "rrma_groups.activity",
)


def documented_names() -> set[str]:
    """Full names the reference documents: each auto*/py: directive, and for each
    ``automodule`` with ``:members:``, every name of that module's ``__all__``."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(REFERENCE.glob("*.md")))
    names = set(re.findall(r"^\.\. (?:auto\w+|py:\w+):: ([\w.]+)", text, flags=re.M))
    current = re.findall(r"^\.\. py:currentmodule:: ([\w.]+)", text, flags=re.M)
    for module in current:  # short names after a currentmodule
        names |= {f"{module}.{n}" for n in re.findall(r"^\.\. auto\w+:: (\w+)$", text, re.M)}
    for module in re.findall(r"^\.\. automodule:: ([\w.]+)\n\s+:members:\s*$", text, re.M):
        names |= {f"{module}.{n}" for n in importlib.import_module(module).__all__}
    return names


def _resolve(full_name: str) -> object:
    module_name, _, attribute = full_name.rpartition(".")
    if not module_name:
        return None
    try:
        return getattr(importlib.import_module(module_name), attribute)
    except (ImportError, AttributeError):
        return None


@pytest.mark.parametrize("module", PUBLIC_MODULES)
def test_every_public_name_is_in_the_reference(module: str) -> None:
    """Each name of the module's ``__all__`` has an entry in docs/reference/.

    A function or class documented under another public name counts (``rrma_groups.render`` is
    ``rrma_groups.render.render``; the model's classes are documented with
    ``rrma_groups.model``).
    """
    documented = documented_names()
    objects = {
        id(obj) for obj in map(_resolve, documented) if callable(obj) or isinstance(obj, ModuleType)
    }
    namespace = importlib.import_module(module)
    missing = [
        name
        for name in namespace.__all__
        if f"{module}.{name}" not in documented and id(getattr(namespace, name)) not in objects
    ]
    assert missing == [], f"document these in docs/reference/: {missing}"
