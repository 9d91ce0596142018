"""The Arabic words to avoid, listed in docs/translating.md, are in no catalog and no example."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "translating.md"
LOCALE = ROOT / "src" / "rrma_groups" / "locale"
EXAMPLES = [
    ROOT / "src" / "rrma_groups" / "data" / "groupe_pays_maroc.toml",
    ROOT / "examples" / "groupe_pays_maroc.toml",
    ROOT / "examples" / "groupe_pays_senegal.toml",
]


def avoided() -> list[str]:
    """The words of the first column of the table between the avoid markers."""
    text = GUIDE.read_text(encoding="utf-8")
    table = text.split("<!-- avoid: start -->")[1].split("<!-- avoid: end -->")[0]
    words: list[str] = []
    for row in table.strip().splitlines()[2:]:
        first = row.strip("|").split("|")[0]
        words += [w.strip() for w in first.split("،") if w.strip()]
    return words


def translations(language: str) -> str:
    with (LOCALE / language / "LC_MESSAGES" / "rrma_groups.po").open("rb") as handle:
        catalog = read_po(handle, locale=language)
    strings: list[str] = []
    for message in catalog:
        if message.id:
            value = message.string
            strings += list(value) if isinstance(value, tuple) else [value]
    return "\n".join(strings)


def test_the_table_is_read() -> None:
    assert "مجموعة بلد المغرب" in avoided()
    assert len(avoided()) >= 9


@pytest.mark.parametrize("language", ["ar", "ar_MA"])
def test_the_arabic_catalogs_avoid_them(language: str) -> None:
    text = translations(language)
    assert [word for word in avoided() if re.search(re.escape(word), text)] == []


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_examples_avoid_them(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert [word for word in avoided() if word in text] == []
