"""The reference example gives every user-visible text in French, Arabic and English.

The model is walked generically: every :class:`~rrma_groups.LocalisedText` reachable from the
group, through any pydantic field, list or mapping, is checked, and none is left out. What stays
as written in every language is not a ``LocalisedText`` at all: person names and facilitator
labels ("Khalid", "Cap Coopération") are plain strings, kept in Latin script as the programme
prints them.
"""

from __future__ import annotations

import tomllib
import unicodedata
from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import BaseModel, RootModel

from rrma_groups import LocalisedText
from rrma_groups.examples import example_text, groupe_pays_maroc

LANGUAGES = ("fr", "ar", "en")

# Names left in Latin letters inside Arabic text, as Moroccan documents write the names of French
# organisations. GPMar only appears as the group's acronym (inside Arabic sentences the group is
# named in full, مجموعة المغرب), RRMA only as a gloss in brackets after its Arabic name.
LATIN_IN_ARABIC = ("SO Coopération", "Cap Coopération", "GPMar", "RRMA")

# Texts that are the same in French and English: proper names and the acronyms made from them.
SAME_IN_ENGLISH = {"SO Coopération", "Cap Coopération", "GPMar", "MDH", "Limoges"}

BIDI_CONTROLS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def _localised_texts(value: Any, path: str) -> Iterator[tuple[str, LocalisedText]]:
    """Every LocalisedText inside ``value``, with a readable path to it."""
    if isinstance(value, LocalisedText):
        yield path, value
    elif isinstance(value, RootModel):
        yield from _localised_texts(value.root, path)
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _localised_texts(getattr(value, name), f"{path}.{name}")
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _localised_texts(item, f"{path}[{index}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _localised_texts(item, f"{path}[{key!r}]")


def _tables_with_french(data: Any) -> int:
    """How many tables of the raw TOML data have an ``fr`` key (one per localised text)."""
    if isinstance(data, dict):
        return ("fr" in data) + sum(_tables_with_french(v) for v in data.values())
    if isinstance(data, list):
        return sum(_tables_with_french(v) for v in data)
    return 0


def _is_arabic_letter(char: str) -> bool:
    return char.isalpha() and unicodedata.name(char, "").startswith("ARABIC")


def _without_latin_names(text: str) -> str:
    for name in LATIN_IN_ARABIC:
        text = text.replace(name, " ")
    return text


TEXTS = list(_localised_texts(groupe_pays_maroc(), "group"))
TEXT_AT = dict(TEXTS)
PATHS = [path for path, _ in TEXTS]
# The texts whose Arabic is one of the names kept in Latin script, on its own ("GPMar"), and
# the others, written in Arabic script: each test below takes the texts it is about.
LATIN_NAME_PATHS = [path for path in PATHS if TEXT_AT[path].exact("ar") in LATIN_IN_ARABIC]
ARABIC_SCRIPT_PATHS = [path for path in PATHS if path not in LATIN_NAME_PATHS]


@pytest.fixture(params=PATHS)
def text(request: pytest.FixtureRequest) -> LocalisedText:
    return TEXT_AT[request.param]


@pytest.fixture(params=ARABIC_SCRIPT_PATHS)
def arabic_script_text(request: pytest.FixtureRequest) -> LocalisedText:
    return TEXT_AT[request.param]


@pytest.fixture(params=LATIN_NAME_PATHS)
def latin_name_text(request: pytest.FixtureRequest) -> LocalisedText:
    return TEXT_AT[request.param]


class TestEveryTextIsTrilingual:
    def test_the_group_offers_three_languages(self) -> None:
        """The example declares French, Arabic and English, French being the default."""
        group = groupe_pays_maroc()
        assert group.languages == LANGUAGES
        assert group.default_language == "fr"

    def test_each_text_has_fr_ar_en(self, text: LocalisedText) -> None:
        """Each text is tagged fr, ar and en, and nothing is left untagged."""
        assert set(text.languages) == set(LANGUAGES)

    def test_the_walk_misses_nothing(self) -> None:
        """The model holds as many texts as the file has tables with a French text."""
        data = tomllib.loads(example_text())
        assert len(TEXTS) == _tables_with_french(data) == 79

    @pytest.mark.parametrize(
        "path",
        [
            "group.name",
            "group.acronym",
            "group.network.tagline",
            "group.network.former_names[0].name",
            "group.actors[0].former_names[0].name",
            "group.actors[1].cooperation.partner_areas",
            "group.actors[3].short_name",
            "group.membership_policy.note",
            "group.meetings[0].venue.city",
            "group.meetings[0].agenda[2].facilitators[0].role",
            "group.meetings[0].agenda[10].title",
        ],
    )
    def test_the_walk_reaches_nested_texts(self, path: str) -> None:
        """Texts deep in actors, policies, venues, agenda items and facilitators are found."""
        assert path in TEXT_AT


class TestArabic:
    def test_mostly_arabic_script(self, text: LocalisedText) -> None:
        """Letters of the Arabic block are the majority, the allowed Latin names aside."""
        arabic = text.exact("ar")
        assert arabic is not None
        letters = [c for c in _without_latin_names(arabic) if c.isalpha()]
        if not letters:
            assert arabic in LATIN_IN_ARABIC
            return
        assert sum(map(_is_arabic_letter, letters)) > len(letters) / 2

    def test_latin_only_in_allowed_names(self, text: LocalisedText) -> None:
        """No Latin letter appears outside the organisation names kept in Latin script."""
        arabic = _without_latin_names(text.exact("ar") or "")
        assert not [c for c in arabic if "LATIN" in unicodedata.name(c, "")]

    def test_starts_right_to_left(self, arabic_script_text: LocalisedText) -> None:
        """The first letter is Arabic, so an auto-direction paragraph lays it out right to left."""
        arabic = arabic_script_text.exact("ar") or ""
        first = next(c for c in arabic if c.isalpha())
        assert _is_arabic_letter(first)

    def test_a_latin_name_on_its_own_is_written_as_it_is(
        self, latin_name_text: LocalisedText
    ) -> None:
        """A name kept in Latin script ("GPMar") is the Arabic text exactly, as French writes it.

        Such a text starts with a Latin letter, so it is not expected to start right to left.
        """
        arabic = latin_name_text.exact("ar")
        assert arabic is not None
        assert arabic in LATIN_IN_ARABIC
        assert arabic == latin_name_text.exact("fr")

    def test_the_latin_names_on_their_own(self) -> None:
        """Which texts are a Latin name alone: the group's and the network's names and acronyms.

        Both lists are used to parametrize tests above; neither may silently become empty.
        """
        assert LATIN_NAME_PATHS == [
            "group.acronym",
            "group.network.name",
            "group.network.former_names[0].name",
            "group.network.acronym",
        ]
        assert len(ARABIC_SCRIPT_PATHS) == len(PATHS) - 4 > 0

    def test_arabic_punctuation(self, text: LocalisedText) -> None:
        """Commas, semicolons and question marks are the Arabic ones (، ؛ ؟)."""
        arabic = text.exact("ar") or ""
        assert not set(",;?") & set(arabic)

    def test_no_bidi_controls(self, text: LocalisedText) -> None:
        """No text carries LRM, RLM, embeddings, overrides or isolates: the renderer adds them."""
        for language, value in text.items():
            assert not set(BIDI_CONTROLS) & set(value), language


class TestEnglish:
    def test_translated_unless_a_proper_name(self, text: LocalisedText) -> None:
        """The English differs from the French, except for proper names and their acronyms."""
        french, english = text.exact("fr"), text.exact("en")
        if french in SAME_IN_ENGLISH:
            assert english == french
        else:
            assert english != french

    def test_no_arabic_letters(self, text: LocalisedText) -> None:
        """The English text is in Latin script only."""
        assert not any(_is_arabic_letter(c) for c in text.exact("en") or "")


class TestSpotChecks:
    @pytest.mark.parametrize(
        ("path", "fr", "ar", "en"),
        [
            ("group.name", "Groupe Pays Maroc", "مجموعة المغرب", "Morocco Country Group"),
            ("group.acronym", "GPMar", "GPMar", "GPMar"),
            (
                "group.meetings[0].title",
                "Rencontre du Groupe Pays Maroc à Limoges",
                "لقاء مجموعة المغرب في ليموج",
                "Morocco Country Group meeting in Limoges",
            ),
            (
                "group.meetings[0].venue.name",
                "Siège de la Région – site de Limoges",
                "مقر مجلس الجهة – موقع ليموج",
                "Regional Council headquarters – Limoges site",
            ),
            (
                "group.meetings[0].agenda[0].title",
                "Accueil des participants",
                "استقبال المشاركين",
                "Arrival and welcome",
            ),
            (
                "group.meetings[0].agenda[1].title",
                "Présentation de l'ordre du jour",
                "تقديم جدول الأعمال",
                "Overview of the agenda",
            ),
            (
                "group.meetings[0].agenda[7].title",
                "GPMar: quelles attentes?",
                "مجموعة المغرب: ما هي الانتظارات؟",
                "GPMar: what are our expectations?",
            ),
            (
                "group.meetings[0].agenda[10].title",
                "Temps convivial et échange libre",
                "وقت للتعارف وتبادل حر للآراء",
                "Networking and informal exchange",
            ),
            (
                "group.meetings[0].agenda[4].facilitators[0].role",
                "Un représentant de chaque structure",
                "ممثل عن كل هيئة",
                "A representative of each organisation",
            ),
            (
                "group.actors[2].name",
                "Région Marrakech-Safi",
                "جهة مراكش آسفي",
                "Marrakech-Safi Region",
            ),
            (
                "group.actors[3].name",
                "Maison des Droits de l'Homme de Limoges",
                "دار حقوق الإنسان في ليموج",
                "Limoges Human Rights House (Maison des Droits de l'Homme)",
            ),
        ],
        ids=[
            "group-name",
            "acronym",
            "meeting-title",
            "venue",
            "first-item",
            "agenda-item",
            "gpmar-expectations",
            "last-item",
            "role-facilitator",
            "marrakech-safi",
            "mdh",
        ],
    )
    def test_text_in_each_language(self, path: str, fr: str, ar: str, en: str) -> None:
        """The text reads as given in French, Arabic and English."""
        text = TEXT_AT[path]
        assert (text.get("fr"), text.get("ar"), text.get("en")) == (fr, ar, en)

    def test_arabic_lookup_from_moroccan_locale(self) -> None:
        """ar_MA falls back to the Arabic text of the first agenda item."""
        item = groupe_pays_maroc().meeting("limoges-2016").agenda[0]
        assert item.title.get("ar_MA") == "استقبال المشاركين"

    def test_person_names_stay_as_written(self) -> None:
        """Person names are not translated or transliterated: they stay in Latin script."""
        names = [p.name for p in groupe_pays_maroc().persons]
        assert names == [
            "Khalid Chihani",
            "Guillaume Bertrand",
            "Sébastien Proeschel",
            "Emmanuelle Pallier",
        ]
        assert not any(isinstance(name, LocalisedText) for name in names)
