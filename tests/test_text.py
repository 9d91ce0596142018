"""Localised text: plain strings or tables of languages, with a sensible fallback."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter, ValidationError

from builders import first_problem, group_data
from rrma_groups import GroupValidationError, LocalisedText, Meeting

ADAPTER = TypeAdapter(LocalisedText)
ACCUEIL = LocalisedText(
    {"fr": "Accueil des participants", "ar": "استقبال المشاركين", "en": "Welcome"}
)


class TestLookup:
    @pytest.mark.parametrize(
        ("language", "expected"),
        [
            ("fr", "Accueil des participants"),
            ("fr_FR", "Accueil des participants"),
            ("ar", "استقبال المشاركين"),
            ("ar-MA", "استقبال المشاركين"),
            ("ar_MA", "استقبال المشاركين"),
            ("en", "Welcome"),
            ("de", "Welcome"),
        ],
    )
    def test_fallback_chain(self, language: str, expected: str) -> None:
        """ar_MA falls back to ar; a language we lack falls back to English."""
        assert ACCUEIL.get(language) == expected

    def test_default_language_before_english(self) -> None:
        """With a default language, it comes before English."""
        text = LocalisedText({"fr": "Accueil", "en": "Welcome"})
        assert text.get("de", default_language="fr") == "Accueil"

    def test_moroccan_text_is_preferred_for_ar_ma(self) -> None:
        """A Moroccan variant wins over generic Arabic when asked for ar_MA."""
        text = LocalisedText({"ar": "نوفمبر", "ar-MA": "نونبر"})
        assert text.get("ar_MA") == "نونبر"
        assert text.get("ar") == "نوفمبر"

    def test_untagged_text_is_in_the_default_language(self) -> None:
        """A plain string is the default language's text."""
        text = LocalisedText("Accueil").with_text("ar", "استقبال")
        assert text.resolve("fr", default_language="fr") == ("Accueil", "fr")
        assert text.resolve("ar", default_language="fr") == ("استقبال", "ar")
        assert text.resolve("en", default_language="fr") == ("Accueil", "fr")

    def test_resolve_tells_the_language_found(self) -> None:
        """A renderer needs to know when it falls back to another language."""
        assert ACCUEIL.resolve("de") == ("Welcome", "en")
        assert LocalisedText("Accueil").resolve("ar") == ("Accueil", None)

    def test_exact(self) -> None:
        """exact() never falls back."""
        assert ACCUEIL.exact("ar-MA") is None
        assert ACCUEIL.exact("ar") == "استقبال المشاركين"


class TestValue:
    def test_equality_and_hash(self) -> None:
        """Equal texts are equal and hash alike, whatever the key spelling."""
        a = LocalisedText({"ar-MA": "x"})
        b = LocalisedText({"ar_MA": "x"})
        assert a == b
        assert hash(a) == hash(b)
        assert LocalisedText("x") == "x"

    def test_immutable(self) -> None:
        """Texts cannot be changed in place."""
        with pytest.raises(AttributeError, match="immutable"):
            ACCUEIL._texts = {}  # type: ignore[misc]

    @pytest.mark.parametrize(
        ("text", "data"),
        [
            (LocalisedText("Accueil"), "Accueil"),
            (LocalisedText({"fr": "Accueil"}), {"fr": "Accueil"}),
            (LocalisedText("Accueil", ar="استقبال"), {"und": "Accueil", "ar": "استقبال"}),
        ],
    )
    def test_file_form(self, text: LocalisedText, data: object) -> None:
        """A plain string stays a string; mixed texts keep their untagged part under 'und'."""
        assert text.to_data() == data
        assert ADAPTER.validate_python(data) == text

    def test_repr(self) -> None:
        """Reprs show the data."""
        assert repr(LocalisedText("Accueil")) == "LocalisedText('Accueil')"


class TestValidation:
    @pytest.mark.parametrize(
        ("value", "code"),
        [
            ({}, "empty_text"),
            ({"xx": "texte"}, "invalid_language"),
            ({"fr": 3}, "wrong_type"),
            (3, "wrong_type"),
            ("", "empty_text"),
            ({"fr": "a\u202eb"}, "bidi_override"),
        ],
    )
    def test_bad_values(self, value: object, code: str) -> None:
        """Wrong shapes, unknown languages and hidden controls are refused."""
        with pytest.raises(ValidationError) as caught:
            ADAPTER.validate_python(value)
        assert caught.value.errors()[0]["type"] == code

    def test_multi_line_text_keeps_line_breaks(self) -> None:
        """Paragraphs may hold line breaks."""
        assert ADAPTER.validate_python("ligne 1\nligne 2").get() == "ligne 1\nligne 2"

    def test_json_schema(self) -> None:
        """The schema accepts a string or a table of language codes."""
        schema = ADAPTER.json_schema()
        assert [s["type"] for s in schema["anyOf"]] == ["string", "object"]


class TestLanguageKeys:
    @pytest.mark.parametrize(
        ("first", "second", "language"),
        [
            ("fr", "FR", "fr"),
            ("ar-MA", "ar_MA", "ar_MA"),
            ("ar_ma", "AR-MA", "ar_MA"),
            ("en", "En", "en"),
            ("fr", "fra", "fr"),
        ],
    )
    def test_keys_of_the_same_language_are_refused(
        self, first: str, second: str, language: str
    ) -> None:
        """Two keys that normalise to one language would lose a text: refused, both named."""
        with pytest.raises(ValidationError) as caught:
            ADAPTER.validate_python({first: "Accueil", second: "Bienvenue"})
        (error,) = caught.value.errors()
        assert error["type"] == "duplicate_language"
        assert error["ctx"] == {"value": second, "first": first, "language": language}

    def test_the_message_names_both_keys(self) -> None:
        """In a file, the error is located at the text and says which keys clash."""
        data = group_data()
        data["meetings"][0]["agenda"][0]["title"] = {"fr": "Accueil", "FR": "Bienvenue"}
        problem = first_problem(data)
        assert (problem.code, problem.location) == (
            "duplicate_language",
            "meetings[0].agenda[0].title",
        )
        assert problem.message == (
            "the keys 'fr' and 'FR' name the same language (fr); keep one text"
        )

    def test_regional_variants_are_different_languages(self) -> None:
        """fr and fr_FR, ar and ar_MA are distinct keys."""
        text = ADAPTER.validate_python({"fr": "a", "fr-FR": "b", "ar": "c", "ar-MA": "d"})
        assert text.languages == ("fr", "fr_FR", "ar", "ar_MA")

    def test_the_constructor_refuses_them_too(self) -> None:
        """Built in Python, the same clash raises the same error."""
        with pytest.raises(GroupValidationError) as caught:
            LocalisedText({"ar-MA": "نونبر", "ar_MA": "نوفمبر"})
        assert caught.value.codes() == ["duplicate_language"]
        assert caught.value.errors[0].message == (
            "the keys 'ar-MA' and 'ar_MA' name the same language (ar_MA); keep one text"
        )

    def test_a_keyword_replaces_on_purpose(self) -> None:
        """with_text (and a keyword) replaces a text: that is what they are for."""
        assert LocalisedText({"fr": "a"}, FR="b").exact("fr") == "b"
        assert LocalisedText({"fr": "a"}).with_text("FR", "b").exact("fr") == "b"


class TestBlankTexts:
    @pytest.mark.parametrize(
        "value",
        [
            "\u200b",
            {"fr": "Accueil", "ar": "\u200f\u200b"},
            {"fr": "\ufeff\u00ad"},
            {"und": "Accueil", "en": "\u3000"},
        ],
    )
    def test_every_language_needs_a_visible_text(self, value: object) -> None:
        """A text of invisible characters in any one language is empty."""
        with pytest.raises(ValidationError) as caught:
            ADAPTER.validate_python(value)
        assert caught.value.errors()[0]["type"] == "empty_text"

    @pytest.mark.parametrize(
        ("text", "code"),
        [
            (LocalisedText(), "empty_text"),
            (LocalisedText({"fr": "Accueil", "ar": "\u200b"}), "empty_text"),
            (LocalisedText("a\u202eb"), "bidi_override"),
        ],
        ids=["no-text", "blank-arabic", "override"],
    )
    def test_a_text_built_in_python_is_checked_too(self, text: LocalisedText, code: str) -> None:
        """An instance given to a model is checked as a file's text would be."""
        with pytest.raises(ValidationError) as caught:
            Meeting(id="m", title="Rencontre", date="2016-11-04", description=text)
        assert [e["type"] for e in caught.value.errors()] == [code]
