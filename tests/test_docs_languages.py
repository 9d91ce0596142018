"""Every page of the documentation exists in French and in English, each linking to the other."""

from __future__ import annotations

from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parent.parent / "docs"

# English page -> its French counterpart (paths below docs/, without .md).
COUNTERPARTS = {
    "en/index": "index",
    "en/quickstart": "fr/demarrage-rapide",
    "en/tutorial": "fr/tutoriel",
    "en/explanation/architecture": "fr/explications/architecture",
    "en/explanation/calendars": "fr/explications/calendriers",
    "en/explanation/errors-and-warnings": "fr/explications/erreurs-et-avertissements",
    "en/explanation/localised-text": "fr/explications/textes-localises",
    "en/explanation/model": "fr/explications/modele",
    "en/explanation/performance": "fr/explications/performance",
    "en/explanation/right-to-left": "fr/explications/droite-a-gauche",
    "en/howto/arabic-programme": "fr/guides/programme-en-arabe",
    "en/howto/directory-synergies-report": "fr/guides/annuaire-synergies-rapport",
    "en/howto/export-calendar": "fr/guides/calendrier-ical",
    "en/howto/print-pdf": "fr/guides/imprimer-en-pdf",
    "en/howto/retime-programme": "fr/guides/reorganiser-un-programme",
    "en/howto/times-and-dates": "fr/guides/heures-et-dates",
    "en/howto/translate": "fr/guides/traduire",
    "en/howto/validate": "fr/guides/valider",
}


def pages(language: str) -> set[str]:
    return {str(p.relative_to(DOCS).with_suffix("")) for p in (DOCS / language).rglob("*.md")}


def test_every_page_has_its_counterpart_listed() -> None:
    """A new page in en/ or fr/ must be paired here with its translation."""
    assert pages("en") == set(COUNTERPARTS)
    assert pages("fr") == {fr for fr in COUNTERPARTS.values() if fr.startswith("fr/")}


@pytest.mark.parametrize(("english", "french"), sorted(COUNTERPARTS.items()))
def test_each_links_to_the_other(english: str, french: str) -> None:
    """Both pages exist, and each links to its counterpart."""
    en_text = (DOCS / f"{english}.md").read_text(encoding="utf-8")
    fr_text = (DOCS / f"{french}.md").read_text(encoding="utf-8")
    assert f"</{french}>" in en_text or f"`/{french}`" in en_text, english
    assert f"</{english}>" in fr_text or f"`/{english}`" in fr_text or f"<{english}>" in fr_text


def test_the_french_menu_is_in_french() -> None:
    """The French home page's menus name every entry in French."""
    home = (DOCS / "index.md").read_text(encoding="utf-8")
    assert "\ncontributing\n" not in home  # the English title would show in the French menu
    assert ":caption: Référence" in home
