"""What every test starts from."""

from __future__ import annotations

import pytest

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
