"""What the optional extras need, and why a test that needs one is skipped where it is missing.

The ``test`` extra alone runs the whole suite: a test, a docstring example or a documentation
page that needs more is skipped, with the reason, never failed. What is looked for is what the
code really needs, not only the Python package: WeasyPrint also loads Pango from the system and
draws with the system's fonts. Each probe answers ``None`` when everything is there, else the
reason, and runs once (the first test that asks for it), not while tests are collected.

The tests ask with the marks below (``@needs_pdf``), whose fixtures are in ``conftest.py``.
"""

from __future__ import annotations

import functools
import importlib.util
import shutil
import subprocess
from pathlib import Path

import pytest

NOTO_FILES = ("NotoSans-Regular", "NotoNaskhArabic-Regular")
"""The fonts the page asks for (its stylesheet names Noto Sans and Noto Naskh Arabic)."""

FONT_FOLDERS = (
    Path("/usr/share/fonts"),
    Path("/usr/local/share/fonts"),
    Path.home() / ".local" / "share" / "fonts",
    Path.home() / ".fonts",
    Path("/Library/Fonts"),
    Path.home() / "Library" / "Fonts",
    Path("C:/Windows/Fonts"),
)
"""Where fontconfig, macOS and Windows find installed fonts."""


@functools.cache
def pdf_unavailable() -> str | None:
    """Why no PDF can be made here (WeasyPrint, its Pango, or Latin and Arabic fonts
    missing), or ``None``: a PDF of a Latin and Arabic title is made to find out."""
    from rrma_groups import Agenda, AgendaItem
    from rrma_groups.export.pdf import PdfEngineError, PdfFontError, to_pdf

    item = AgendaItem.model_validate(
        {"title": {"fr": "Accueil", "ar": "استقبال"}, "start": "14:00", "end": "14:15"}
    )
    try:
        to_pdf(Agenda((item,)), "ar")
    except (PdfEngineError, PdfFontError) as exc:
        return str(exc)
    return None


@functools.cache
def noto_unavailable() -> str | None:
    """Why the Noto fonts the page asks for are not used here, or ``None``: fontconfig's
    ``fc-list`` says which font files it uses; without it, the usual folders are looked in."""
    if shutil.which("fc-list"):
        listed = subprocess.run(
            ["fc-list", ":", "file"], capture_output=True, text=True, check=False
        ).stdout
        files = [Path(line.strip().rstrip(":")).stem for line in listed.splitlines()]
    else:
        files = [
            path.stem
            for folder in FONT_FOLDERS
            if folder.is_dir()
            for path in folder.rglob("Noto*")
        ]
    missing = [name for name in NOTO_FILES if name not in files]
    if missing:
        return (
            f"no font file {', '.join(missing)} is installed (Debian/Ubuntu: apt-get install "
            "fonts-noto-core)"
        )
    return None


def module_unavailable(name: str) -> str | None:
    """Why the module ``name`` cannot be imported here (it is not installed), or ``None``."""
    try:
        found = importlib.util.find_spec(name)
    except ModuleNotFoundError:  # its parent package is missing
        found = None
    return None if found is not None else f"{name} is not installed"


def program_unavailable(name: str, package: str) -> str | None:
    """Why the program ``name`` cannot be run here, or ``None``."""
    return None if shutil.which(name) else f"no {name} on the PATH (Debian: {package})"


needs_pdf = pytest.mark.usefixtures("pdf_output")
"""The test makes PDFs: it needs the pdf extra, Pango, and fonts for Latin and Arabic."""

needs_noto = pytest.mark.usefixtures("pdf_output", "noto_fonts")
"""The test looks for the Noto fonts in the PDFs it makes."""

needs_pdftotext = pytest.mark.usefixtures("pdftotext")
"""The test reads PDFs with pdftotext (poppler-utils)."""
