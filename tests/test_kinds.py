"""Kinds of items guessed from their titles, in French, English or Arabic."""

from __future__ import annotations

import pytest

from rrma_groups import ItemKind
from rrma_groups.parsing.kinds import guess_kind, kind_from_cell

P = pytest.param


class TestGuessKind:
    @pytest.mark.parametrize(
        ("title", "kind"),
        [
            P("Accueil des participants", ItemKind.WELCOME, id="welcome"),
            P("Pause café", ItemKind.BREAK, id="break"),
            P("Pause déjeuner", ItemKind.MEAL, id="a-meal-before-a-break"),
            P("Temps convivial et échange libre", ItemKind.SOCIAL, id="social-before-discussion"),
            P("Atelier : présentation des projets", ItemKind.WORKSHOP, id="workshop-first"),
            P("GPMar: quelles attentes?", ItemKind.DISCUSSION, id="a-question"),
            P("ما هي الأولويات؟", ItemKind.DISCUSSION, id="an-arabic-question"),
            P("استراحة قهوة", ItemKind.BREAK, id="arabic"),
            P("DÉBAT", ItemKind.DISCUSSION, id="any-case-and-accent"),
            P("Visite du site", ItemKind.OTHER, id="none"),
        ],
    )
    def test_titles(self, title: str, kind: ItemKind) -> None:
        """The first kind whose words the title holds; a question is a discussion."""
        assert guess_kind(title) is kind


class TestKindFromCell:
    @pytest.mark.parametrize(
        ("cell", "kind"),
        [
            P("workshop", ItemKind.WORKSHOP, id="a-value"),
            P("BREAK", ItemKind.BREAK, id="a-name"),
            P("Atelier", ItemKind.WORKSHOP, id="words"),
            P("autre chose", None, id="nothing"),
        ],
    )
    def test_cells(self, cell: str, kind: ItemKind | None) -> None:
        """A kind's value or name, else what its words suggest; None when they suggest none."""
        assert kind_from_cell(cell) is kind
