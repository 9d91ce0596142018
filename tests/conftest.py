"""What every test starts from."""

from __future__ import annotations

import pytest

import extras

# The variables that choose the language of the rrma-groups command (see rrma_groups.cli).
LANGUAGE_VARIABLES = ("RRMA_GROUPS_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


@pytest.fixture(autouse=True)
def neutral_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command speaks English in tests, whatever the machine's locale, unless a test says.

    Tests of other modules compare the command's output with English text; a developer whose
    LANG is fr_FR.UTF-8 would otherwise see them fail. C.UTF-8 keeps child processes in UTF-8.
    """
    for name in LANGUAGE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


# --- optional extras: a test marked with a mark of extras.py is skipped, with the reason, where
# what it needs is missing (see extras.py)


@pytest.fixture
def pdf_output() -> None:
    """Skips the test where no PDF can be made: the pdf extra, Pango or fonts are missing."""
    reason = extras.pdf_unavailable()
    if reason is not None:
        pytest.skip(f"needs PDF output: {reason}")


@pytest.fixture
def noto_fonts() -> None:
    """Skips the test where the Noto fonts the page asks for are not installed."""
    reason = extras.noto_unavailable()
    if reason is not None:
        pytest.skip(f"needs the Noto fonts: {reason}")


@pytest.fixture
def pdftotext() -> None:
    """Skips the test where pdftotext is not installed."""
    reason = extras.program_unavailable("pdftotext", "apt-get install poppler-utils")
    if reason is not None:
        pytest.skip(f"needs pdftotext: {reason}")
