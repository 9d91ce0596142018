"""Hatchling build hook: compile the gettext catalogs (.po) to .mo files inside the wheel.

Every ``src/rrma_groups/locale/<ll>/LC_MESSAGES/rrma_groups.po`` is compiled with Babel into a
temporary folder and force-included at ``rrma_groups/locale/<ll>/LC_MESSAGES/rrma_groups.mo``,
so an installed wheel reads compiled catalogs.

An editable install (``pip install -e .``) imports the package from ``src/``: there each
``.mo`` is written beside its ``.po``, as a build product that git ignores (``*.mo`` in
.gitignore), so that the command does not compile the catalogs again at every start (Babel
takes some 40 ms per catalog). ``rrma_groups.i18n.catalog`` still compiles a ``.po`` in memory
when it is newer than its ``.mo`` (a translator at work), or when there is no ``.mo``.

Configured in pyproject.toml under ``[tool.hatch.build.hooks.custom]``; Babel comes from
``[build-system] requires``.
"""

from __future__ import annotations

import importlib.util
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

DOMAIN = "rrma_groups"
LOCALE_DIR = Path("src") / "rrma_groups" / "locale"
WHEEL_LOCALE_DIR = "rrma_groups/locale"


class CatalogBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    """Compile every ``.po`` catalog to ``.mo`` and put it in the wheel."""

    _compiled: Path | None = None

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        if version == "editable":
            for po in _catalogs(Path(self.root)):
                compile_catalog(po, po.with_suffix(".mo"), po.parent.parent.name)
            return
        self._compiled = Path(tempfile.mkdtemp(prefix=f"{DOMAIN}-mo-"))
        for po in _catalogs(Path(self.root)):
            language = po.parent.parent.name
            mo = self._compiled / language / f"{DOMAIN}.mo"
            mo.parent.mkdir(parents=True)
            compile_catalog(po, mo, language)
            target = f"{WHEEL_LOCALE_DIR}/{language}/LC_MESSAGES/{DOMAIN}.mo"
            build_data["force_include"][str(mo)] = target
            self.app.display_info(f"compiled {po.relative_to(self.root)} -> {target}")

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if self._compiled is not None:
            shutil.rmtree(self._compiled, ignore_errors=True)
            self._compiled = None


def _catalogs(root: Path) -> list[Path]:
    """The ``.po`` catalogs of the source tree."""
    return sorted((root / LOCALE_DIR).glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def compile_catalog(po: Path, mo: Path, language: str) -> None:
    """Compile one catalog with ``rrma_groups.i18n.compiling``, read from the source tree (the
    package is not installed while it is built); a malformed catalog stops the build."""
    path = Path(__file__).parent / "src" / "rrma_groups" / "i18n" / "compiling.py"
    spec = importlib.util.spec_from_file_location("_rrma_groups_compiling", path)
    if spec is None or spec.loader is None:
        raise RuntimeError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    with po.open("rb") as source, mo.open("wb") as target:
        module.compile_catalog(source, target, language, DOMAIN, strict=True)
