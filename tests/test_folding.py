"""Text folded for comparison and for ids: one home for what times, tables and names share."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rrma_groups.parsing.folding import fold, fold_words, slug

P = pytest.param


class TestFold:
    @pytest.mark.parametrize(
        ("text", "folded"),
        [
            P("Février", "fevrier", id="accents"),
            P("DÉBUT", "debut", id="case"),
            P("الإثنين", "الاثنين", id="hamza"),
            P("مُنَاقَشَة", "مناقشه", id="harakat-and-ta-marbuta"),
            P("الـمـلـتـقى", "الملتقي", id="tatweel-and-alif-maqsura"),
            P("Straße", "strasse", id="sharp-s"),
        ],
    )
    def test_what_is_left_out(self, text: str, folded: str) -> None:
        """Accents, hamza, harakat, tatweel and case are left out; ى and ة take one form."""
        assert fold(text) == folded

    @pytest.mark.parametrize(
        ("text", "words"),
        [
            P("  Heure de début :", "heure de debut", id="punctuation-and-spaces"),
            P("Cap-Coopération", "cap cooperation", id="dash"),
            P("animé_par", "anime par", id="underscore"),
            P("", "", id="empty"),
        ],
    )
    def test_words(self, text: str, words: str) -> None:
        """Punctuation becomes a space between words, and spaces are single."""
        assert fold_words(text) == words

    @given(st.text())
    def test_words_are_the_fold_split_at_non_word_characters(self, text: str) -> None:
        """fold_words is fold, then the words alone, one space between them."""
        assert fold_words(text) == " ".join(
            "".join(c if c.isalnum() else " " for c in fold(text)).split()
        )


class TestSlug:
    @pytest.mark.parametrize(
        ("text", "options", "made"),
        [
            P("SO Coopération", {}, "so-cooperation", id="a-name"),
            P("Salle 2", {"keep": "._"}, "salle-2", id="a-room"),
            P("Salle 2.b", {"keep": "._"}, "salle-2.b", id="a-room-keeps-dots"),
            P("Salle 2.b", {}, "salle-2-b", id="a-name-does-not"),
            P("  --Réseau--  ", {}, "reseau", id="edges"),
            P("قاعة", {}, "", id="nothing-left"),
            P("a " * 40, {"length": 48}, ("a-" * 24).rstrip("-"), id="cut-without-a-last-dash"),
        ],
    )
    def test_ids_made_from_text(self, text: str, options: dict[str, object], made: str) -> None:
        """ASCII letters and digits in lower case, other runs as one dash, cut to the length."""
        assert slug(text, **options) == made  # type: ignore[arg-type]

    @given(st.text(), st.sampled_from(["", "._"]))
    def test_a_slug_is_an_id_or_nothing(self, text: str, keep: str) -> None:
        """Whatever the text, the slug is empty or a valid id of at most 64 characters."""
        made = slug(text, keep=keep)
        assert made == "" or (made[0].isalnum() and len(made) <= 64 and made.isascii())
        assert made == made.strip("-._")
