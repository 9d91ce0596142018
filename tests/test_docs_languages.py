"""Every page of the documentation exists in French and in English, each linking to the other."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parent.parent / "docs"

# English page -> its French counterpart (paths below docs/, without .md).
COUNTERPARTS = {
    "en/index": "index",
    "contributing": "fr/ecrire-la-documentation",
    "en/quickstart": "fr/demarrage-rapide",
    "en/tutorial": "fr/tutoriel",
    "en/gallery": "fr/galerie",
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
    "en/howto/rooms-parallel-series": "fr/guides/salles-ateliers-series",
    "en/howto/times-and-dates": "fr/guides/heures-et-dates",
    "en/howto/word-opendocument": "fr/guides/documents-word-opendocument",
    "en/howto/translate": "fr/guides/traduire",
    "en/howto/validate": "fr/guides/valider",
}


def pages(language: str) -> set[str]:
    return {str(p.relative_to(DOCS).with_suffix("")) for p in (DOCS / language).rglob("*.md")}


def test_every_page_has_its_counterpart_listed() -> None:
    """A new page in en/ or fr/ must be paired here with its translation."""
    assert pages("en") == {en for en in COUNTERPARTS if en.startswith("en/")}
    assert pages("fr") == {fr for fr in COUNTERPARTS.values() if fr.startswith("fr/")}


@pytest.mark.parametrize(("english", "french"), sorted(COUNTERPARTS.items()))
def test_each_links_to_the_other(english: str, french: str) -> None:
    """Both pages exist, and each links to its counterpart."""
    en_text = (DOCS / f"{english}.md").read_text(encoding="utf-8")
    fr_text = (DOCS / f"{french}.md").read_text(encoding="utf-8")
    assert f"</{french}>" in en_text or f"`/{french}`" in en_text, english
    assert f"</{english}>" in fr_text or f"`/{english}`" in fr_text or f"<{english}>" in fr_text


def toctree_entries(page: str) -> set[str]:
    """The documents a page's toctrees list, as paths below docs/ (``Title <doc>`` gives doc)."""
    text = (DOCS / f"{page}.md").read_text(encoding="utf-8")
    folder = str(Path(page).parent)
    entries = set()
    for body in re.findall(r"^```\{toctree\}\n(.*?)^```", text, flags=re.M | re.S):
        for line in body.splitlines():
            line = line.strip()
            if not line or line.startswith(":"):
                continue
            target = re.sub(r"^.*<(.+)>$", r"\1", line)
            entries.add(target[1:] if target.startswith("/") else str(Path(folder, target)))
    return {entry.removeprefix("./") for entry in entries}


def test_each_menu_lists_its_language_s_pages() -> None:
    """The French home page's menus list the French pages, the English index the English ones:
    an English page in the French menu would show its English title there."""
    french, english = toctree_entries("index"), toctree_entries("en/index")
    for en, fr in COUNTERPARTS.items():
        if en == "en/index":
            continue
        assert fr in french, f"the French menu of docs/index.md lacks {fr}"
        assert en not in french, f"the French menu of docs/index.md lists the English {en}"
        assert en in english, f"the menu of docs/en/index.md lacks {en}"


def test_the_french_menu_is_in_french() -> None:
    """The reference is in English, said so in French, in the menu and on the page."""
    home = (DOCS / "index.md").read_text(encoding="utf-8")
    assert ":caption: Référence" in home
    assert "Référence (en anglais) <reference/index>" in home
    reference = (DOCS / "reference" / "index.md").read_text(encoding="utf-8")
    assert "La référence est en anglais" in reference
