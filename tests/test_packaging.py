"""The source distribution: what it holds, and that its tests pass once it is installed.

The sdist is built the way ``python -m build --sdist`` builds it (hatchling, the project's build
backend), unpacked, installed into a fresh virtual environment (its dependencies taken from the
running one), and some tests of its own run there against the installed package.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

hatchling = pytest.importorskip("hatchling.builders.sdist", reason="hatchling is not installed")


@pytest.fixture(scope="module")
def sdist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist built from this checkout."""
    out = tmp_path_factory.mktemp("dist")
    builder = hatchling.SdistBuilder(str(ROOT))
    (built,) = list(builder.build(directory=str(out)))
    return Path(built)


@pytest.fixture(scope="module")
def names(sdist: Path) -> list[str]:
    with tarfile.open(sdist) as archive:
        top = archive.getnames()[0].split("/")[0]
        return [name.removeprefix(top + "/") for name in archive.getnames()]


class TestContents:
    def test_the_project_files_are_in_it(self, names: list[str]) -> None:
        """What a user needs to build, test and read it: the license and the build hook too."""
        for name in (
            "pyproject.toml",
            "LICENSE",
            "README.md",
            "CHANGELOG.md",
            "hatch_build.py",
            "babel.cfg",
            "src/rrma_groups/__init__.py",
            "src/rrma_groups/data/groupe_pays_maroc.toml",
            "src/rrma_groups/locale/fr/LC_MESSAGES/rrma_groups.po",
            "tests/conftest.py",
            "benchmarks/README.md",
            "benchmarks/generate.py",
            "benchmarks/run.py",
            "examples/groupe_pays_maroc.toml",
            "examples/programme_groupe_pays_maroc.ipynb",
            "examples/journee_parallele_groupe_pays_senegal.ipynb",
            "examples/run_notebooks.py",
            "schema/group.schema.json",
        ):
            assert name in names, name

    def test_nothing_from_a_virtual_environment_or_a_build(self, names: list[str]) -> None:
        """Patterns are anchored at the root: a venv's tests and a docs build stay out."""
        unwanted = ("venv", "site-packages", "_build/", "node_modules", "__pycache__", ".mo")
        for name in names:
            assert not any(part in name for part in unwanted), name
        tops = {name.split("/")[0] for name in names}
        assert tops <= {
            "pyproject.toml", "LICENSE", "README.md", "CHANGELOG.md", "hatch_build.py",
            "babel.cfg", "PKG-INFO", ".gitignore", "src", "tests", "examples", "docs", "schema",
            "benchmarks",
        }, tops  # fmt: skip

    def test_the_license_is_the_one_the_metadata_declares(self, names: list[str]) -> None:
        text = (ROOT / "LICENSE").read_text(encoding="utf-8")
        assert text.startswith("MIT License")
        assert 'license = "MIT"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def test_its_tests_pass_once_installed(sdist: Path, tmp_path: Path) -> None:
    """Unpacked and installed (not editable), the sdist passes its own tests."""
    with tarfile.open(sdist) as archive:
        archive.extractall(tmp_path, filter="data")
    (tree,) = [p for p in tmp_path.iterdir() if p.is_dir()]
    target = tmp_path / "installed"
    # Installed into a folder of its own, put first on the path: the running environment
    # gives the dependencies and the build backend, and this checkout's src/ comes after.
    install = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps"]
    install += ["--no-build-isolation", "--no-index", "--target", str(target), str(tree)]
    environment = {**os.environ, "PYTHONPATH": str(target)}
    subprocess.run(install, check=True, cwd=tmp_path, timeout=300)
    where = subprocess.run(
        [sys.executable, "-c", "import rrma_groups; print(rrma_groups.__file__)"],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=environment,
    )
    assert where.stdout.startswith(str(target))  # the installed copy, not this checkout's
    assert list(target.glob("rrma_groups/locale/fr/LC_MESSAGES/rrma_groups.mo"))
    tests = ["tests/test_benchmarks.py", "tests/test_examples_dir.py", "tests/test_catalogs.py"]
    run = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *tests]
    result = subprocess.run(
        run, cwd=tree, env=environment, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
