"""The install instructions are true today.

``rrma-groups`` is not published on a public index yet: the pages that install it (the quick
starts, the tutorials and the README) say how to install it now, from a copy of the source code
(``pip install .``) or from a wheel built from it, and every ``pip install rrma-groups`` in the
documentation is marked as the command for when the package is on PyPI.
"""

from __future__ import annotations

import importlib.util
import re
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

INSTALL_PAGES = [
    "README.md",
    "docs/fr/demarrage-rapide.md",
    "docs/en/quickstart.md",
    "docs/ar/quickstart.md",
    "docs/fr/tutoriel.md",
    "docs/en/tutorial.md",
]
"""The pages where a new user installs the package."""

_FROM_THE_INDEX = re.compile(r"""pip install ["']?rrma-groups\b""")
_WHEEL = re.compile(r"\brrma_groups-(?P<version>[^-\s]+)-py3-none-any\.whl\b")


def version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as file:
        found: str = tomllib.load(file)["project"]["version"]
    return found


def pages() -> list[Path]:
    found = [p for p in DOCS.rglob("*.md") if "_build" not in p.parts]
    return [*sorted(found), ROOT / "README.md"]


@pytest.mark.parametrize("page", INSTALL_PAGES)
def test_the_page_says_how_to_install_today(page: str) -> None:
    """From the source code, and from a wheel: the name of the wheel, and how to build it."""
    text = (ROOT / page).read_text(encoding="utf-8")
    assert "pip install .\n" in text or "pip install . " in text, f"{page}: pip install ."
    assert f"rrma_groups-{version()}-py3-none-any.whl" in text, f"{page}: the wheel"
    if "tutori" not in page:  # the tutorials send to the quick start for building the wheel
        assert "pip wheel . --no-deps -w dist" in text, f"{page}: how to build the wheel"


def test_the_index_command_is_marked_for_later() -> None:
    """Each ``pip install rrma-groups`` says, on its line, that it is for when the package is
    published on PyPI."""
    unmarked = [
        f"{page.relative_to(ROOT)}:{number}: {line.strip()}"
        for page in pages()
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1)
        if _FROM_THE_INDEX.search(line) and "PyPI" not in line
    ]
    assert unmarked == []


def test_the_wheel_named_is_the_one_built() -> None:
    """The wheel the pages name is the current version's (``pip wheel`` names it so)."""
    named = {
        (str(page.relative_to(ROOT)), match["version"])
        for page in pages()
        for match in _WHEEL.finditer(page.read_text(encoding="utf-8"))
    }
    assert named, "no page names the wheel"
    assert {found for _, found in named} == {version()}, sorted(named)


def _readme_commands() -> ModuleType:
    path = ROOT / ".ci" / "readme_commands.py"
    if not path.is_file():  # an unpacked sdist holds no CI scripts
        pytest.skip(f"{path.relative_to(ROOT)} is not in this copy")
    spec = importlib.util.spec_from_file_location("readme_commands", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_readme_quick_start_installs_from_the_checkout() -> None:
    """The two commands CI runs verbatim on a fresh machine install from the checkout, not
    from an index where the package is not."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    render, tests = _readme_commands().quick_start_commands(readme)
    assert "pip install . " in render
    assert "rrma-groups render" in render
    assert 'pip install -e ".[test]"' in tests
    assert "pytest" in tests
    assert not _FROM_THE_INDEX.search(render + tests)
