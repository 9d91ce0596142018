"""The glossary of docs/translating.md: its words are the catalogs' and the examples', and the
Arabic words it lists to avoid are in no catalog and no example."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from rrma_groups.i18n.catalog import translator

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "docs" / "translating.md"
LOCALE = ROOT / "src" / "rrma_groups" / "locale"
EXAMPLES = [
    ROOT / "src" / "rrma_groups" / "data" / "groupe_pays_maroc.toml",
    ROOT / "examples" / "groupe_pays_maroc.toml",
    ROOT / "examples" / "groupe_pays_senegal.toml",
]


def avoided(marker: str = "avoid") -> list[str]:
    """The words of the first column of the table between the avoid markers."""
    text = GUIDE.read_text(encoding="utf-8")
    table = text.split(f"<!-- {marker}: start -->")[1].split(f"<!-- {marker}: end -->")[0]
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
    assert {"المنشط", "تكامل", "جهة جهة", "الانخراط بالمغرب"} <= set(avoided())
    assert len(avoided()) >= 15


def test_the_english_guide_avoids_the_same_words() -> None:
    """The French and English parts of the guide list the same words."""
    assert avoided("avoid (en)") == avoided()


# The glossary's words for the library's own labels, by message (and context): one word per
# concept, the same in the catalogs, in the programme and in import-agenda's tables.
GLOSSARY_LABELS = [
    (None, "Time", "التوقيت"),
    (None, "Facilitator", "المؤطر"),
    (None, "Synergies", "أوجه التآزر"),
    ("offer", "secretariat", "الكتابة الإدارية"),
    ("membership role", "secretariat", "الكتابة الإدارية"),
    ("offer", "hosting", "الاحتضان"),
    ("offer", "support", "المواكبة"),
    ("offer", "facilitation", "التنشيط"),
]


@pytest.mark.parametrize("language", ["ar", "ar_MA"])
@pytest.mark.parametrize(("context", "message", "word"), GLOSSARY_LABELS)
def test_the_catalogs_use_the_glossary_words(
    language: str, context: str | None, message: str, word: str
) -> None:
    catalog = translator(language)
    found = catalog.gettext(message) if context is None else catalog.pgettext(context, message)
    assert found == word


def test_the_programme_and_import_agenda_print_the_same_headers() -> None:
    """The facilitator column is المؤطر in the programme and in import-agenda's table, and the
    time column التوقيت; import-agenda still reads المنشط and الساعة as headers."""
    from rrma_groups.parsing.columns import COLUMN_NAMES
    from rrma_groups.parsing.tables import parse_table
    from rrma_groups.render.agenda_table import markdown_table

    pasted = "الساعة\tالنشاط\tالمنشط\n14:00 - 14:15\tاستقبال\tخالد\n"
    table = markdown_table(parse_table(pasted).agenda, language="ar")
    header = table.splitlines()[0]
    assert "المؤطر" in header
    assert "التوقيت" in header
    assert "المنشط" not in header
    assert "الساعة" not in header
    assert "المنشط" in COLUMN_NAMES["facilitators"]
    assert "الساعة" in COLUMN_NAMES["time"]


@pytest.mark.parametrize("path", EXAMPLES[:2], ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_example_writes_the_group_and_the_region_one_way(path: Path) -> None:
    """مجموعة المغرب, نوفيل أكيتين; in French, Nouvelle-Aquitaine with its hyphen."""
    text = path.read_text(encoding="utf-8")
    assert 'name.ar = "مجموعة المغرب"' in text
    assert "نوفيل أكيتين" in text
    assert "Nouvelle Aquitaine" not in text


@pytest.mark.parametrize("language", ["ar", "ar_MA"])
def test_the_arabic_catalogs_avoid_them(language: str) -> None:
    text = translations(language)
    assert [word for word in avoided() if re.search(re.escape(word), text)] == []


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_examples_avoid_them(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert [word for word in avoided() if word in text] == []
