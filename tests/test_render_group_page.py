"""A group's page reads like the 2016 programme, section by section, in every format and language.

The seed document (Groupe Pays Maroc, Limoges, 4 November 2016) gives, in this order: the
context, the network's mission, the group and its three objectives, its working arrangements and
what the network offers it, who may join, the cooperation of the ex-Région Limousin ("En
Limousin": since 1991, three priority areas, the new partnership with the Région Marrakech-Safi),
then the meeting, its objectives, its programme and the signature. A group that lacks some of it
prints no heading for what it lacks.
"""

from __future__ import annotations

import html.parser
import json
import re
from pathlib import Path

import pytest

from builders import group_data
from rrma_groups import CountryGroup, load, loads, render
from rrma_groups.cli.new import starter_text
from rrma_groups.examples import groupe_pays_maroc
from rrma_groups.i18n.bidi import FSI, PDI
from rrma_groups.render.markdown import escape_markdown
from test_starter import NETWORK, fill

GROUP = groupe_pays_maroc()
NNBSP = "\u202f"
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
FORMATS = ("text", "markdown", "html")

# The section headings of the French page, in the seed's order.
FRENCH_HEADINGS = [
    "Contexte",
    "Le réseau",
    "Le groupe",
    "Objectifs",
    "Fonctionnement du groupe",
    "Qui peut rejoindre le groupe",
    "Région Limousin",
    "Domaines prioritaires",
    "Partenariats",
    "Rencontre du Groupe Pays Maroc à Limoges",
    "Objectifs de la rencontre",
    "Programme",
]
ARABIC_HEADINGS = [
    "السياق",
    "الشبكة",
    "المجموعة",
    "الأهداف",
    "كيفيات اشتغال المجموعة",
    "من يمكنه الانضمام",
    "جهة ليموزان",
    "المجالات ذات الأولوية",
    "الشراكات",
    "لقاء مجموعة المغرب في ليموج",
    "أهداف اللقاء",
    "البرنامج",
]
ENGLISH_HEADINGS = [
    "Context",
    "The network",
    "The group",
    "Objectives",
    "How the group works",
    "Who may join",
    "Limousin Region",
    "Priority areas",
    "Partnerships",
    "Morocco Country Group meeting in Limoges",
    "Objectives of the meeting",
    "Programme",
]
HEADINGS = {"fr": FRENCH_HEADINGS, "ar": ARABIC_HEADINGS, "ar-MA": ARABIC_HEADINGS}
HEADINGS["en"] = ENGLISH_HEADINGS


class _Headings(html.parser.HTMLParser):
    """The text of every h1–h3, and the tags in order."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[str] = []
        self.tags: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag in ("h1", "h2", "h3"):
            self._in, self.headings = tag, [*self.headings, ""]

    def handle_endtag(self, tag: str) -> None:
        self.tags.append(f"/{tag}")
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self.headings[-1] += data


def html_headings(page: str) -> list[str]:
    parser = _Headings()
    parser.feed(page)
    return parser.headings


def markdown_headings(text: str) -> list[str]:
    return [line.lstrip("#").strip() for line in text.splitlines() if line.startswith("#")]


def unisolated(text: str) -> str:
    return text.replace(FSI, "").replace(PDI, "").replace("\u2066", "")


class TestFrenchText:
    """The plain-text page in French, phrase by phrase against the seed."""

    text = render(GROUP, "text", "fr")

    def test_sections_in_the_seeds_order(self) -> None:
        """Each heading once, in the order of the 2016 document, then the programme."""
        headings = [f"{h}{NNBSP}:" for h in FRENCH_HEADINGS if h not in ("Région Limousin",)]
        headings.remove(f"Rencontre du Groupe Pays Maroc à Limoges{NNBSP}:")
        headings.remove(f"Programme{NNBSP}:")
        lines = self.text.splitlines()
        at = [lines.index(h) for h in headings]
        assert at == sorted(at)
        limousin = lines.index("Région Limousin")
        assert lines[limousin + 1] == "-" * len("Région Limousin")
        assert at[5] < limousin < at[6]
        assert lines.index("Rencontre du Groupe Pays Maroc à Limoges") > at[7]
        assert lines[-2:] == ["Khalid Chihani", "Cap Coopération"]

    def test_the_network(self) -> None:
        """The RRMA's mission: synergies, capacities, support; and who set it up."""
        assert (
            f"Mission{NNBSP}: En tant que Réseau Régional Multi-Acteurs (RRMA) pour la coopération "
            "internationale, favoriser les synergies inter-acteurs, renforcer les capacités et "
            "accompagner les acteurs engagés à l'international."
        ) in self.text
        assert f"Fondateurs{NNBSP}: État, collectivités territoriales et associations" in self.text

    def test_how_the_group_works(self) -> None:
        """No predefined form, and the network's hosting, secretariat, coordination, support
        and facilitation."""
        section = self.text.split(f"Fonctionnement du groupe{NNBSP}:\n", 1)[1].split("\n\n")[0]
        assert section.splitlines() == [
            "Le Groupe Pays Maroc n'a pas de forme prédéfinie : les membres du groupe déterminent "
            "ensemble la forme qu'ils jugent la plus pertinente pour le bon déroulement du groupe.",
            f"Ce que propose le réseau{NNBSP}: hébergement, secrétariat, coordination, "
            "accompagnement et animation",
        ]

    def test_who_may_join(self) -> None:
        """Open to any actor; network membership not required, but appreciated."""
        section = self.text.split(f"Qui peut rejoindre le groupe{NNBSP}:\n", 1)[1]
        lines = section.split("\n\n")[0].splitlines()
        assert lines[0].startswith("Tout type d'acteur engagé ou souhaitant s'engager au Maroc")
        assert lines[1] == "Adhésion au réseau non obligatoire, mais appréciée"
        assert "aucune obligation d'être membre de Cap Coopération" in lines[2]

    def test_en_limousin(self) -> None:
        """Since 1991, in Europe and Africa; the need for coherence; the merger of the regions
        and the new partnership with the Région Marrakech-Safi."""
        section = self.text.split("Région Limousin\n---------------\n", 1)[1]
        section = section.split(f"Domaines prioritaires{NNBSP}:", 1)[0]
        assert section.splitlines()[:2] == [
            "Coopération décentralisée depuis 1991",
            f"Partenaires{NNBSP}: Europe et Afrique",
        ]
        for phrase in (
            "partenariats avec des collectivités locales en Europe et en Afrique",
            "a vu la nécessité de renforcer la cohérence et l'efficacité",
            "En cohérence avec la fusion des régions",
            "un nouveau partenariat établi avec la Région Marrakech-Safi au Maroc",
        ):
            assert phrase in section

    def test_the_three_priority_areas(self) -> None:
        """Each domain with its description, as the seed lists them."""
        section = self.text.split(f"Domaines prioritaires{NNBSP}:\n", 1)[1].split("\n\n")[0]
        assert section.splitlines() == [
            f"- Développement économique{NNBSP}: Promouvoir les domaines d'excellence et doper "
            "le commerce extérieur de l'ex-Région.",
            f"- Formation{NNBSP}: Promouvoir la mobilité internationale des jeunes en formation "
            "professionnelle.",
            f"- Développement durable et échanges culturels{NNBSP}: En mutualisant les "
            "savoir-faire, les échanges permettront de poursuivre les actions en matière de "
            "développement durable et de culture.",
        ]

    def test_the_partnership(self) -> None:
        """The decentralised cooperation with the Région Marrakech-Safi, under Limousin."""
        section = self.text.split(f"Partenariats{NNBSP}:\n", 1)[1].split("\n\n")[0]
        assert section.splitlines() == [
            "- Région Limousin et Région Marrakech-Safi",
            "  Coopération décentralisée",
            f"  Statut du partenariat{NNBSP}: actif",
            "  Nouveau partenariat établi entre l'ex-Région Limousin et la Région Marrakech-Safi.",
        ]

    def test_each_text_once(self) -> None:
        """A partnership or a priority area is printed once, under the actor that holds it."""
        assert self.text.count("Développement économique") == 1
        assert self.text.count("- Région Limousin et Région Marrakech-Safi") == 1


class TestFrenchMarkdownAndHtml:
    def test_markdown_headings(self) -> None:
        """The Markdown page has the same sections, as headings, in the same order."""
        text = render(GROUP, "markdown", "fr")
        assert markdown_headings(text) == ["Groupe Pays Maroc (GPMar)", *FRENCH_HEADINGS]
        assert "## Région Limousin" in text
        assert "### Domaines prioritaires" in text
        assert f"**Mission**{NNBSP}: En tant que Réseau Régional Multi-Acteurs (RRMA)" in text
        assert (
            f"- **Développement économique**{NNBSP}: Promouvoir les domaines d'excellence" in text
        )
        assert f"  **Statut du partenariat**{NNBSP}: actif\\\n" in text

    def test_html_headings(self) -> None:
        """The HTML page has the same sections; the programme prints on a page of its own."""
        page = render(GROUP, "html", "fr")
        assert html_headings(page) == ["Groupe Pays Maroc (GPMar)", *FRENCH_HEADINGS]
        assert '<section class="cooperation">\n<h2>Région Limousin</h2>' in page
        assert '<p class="since">Coopération décentralisée depuis 1991</p>' in page
        assert (
            f"<p><strong>Ce que propose le réseau</strong>{NNBSP}: hébergement, secrétariat, "
            "coordination, accompagnement et animation</p>"
        ) in page
        assert "n&#x27;a pas de forme prédéfinie" in page
        assert ".group~.meeting{break-before:page}" in page

    def test_markdown_keeps_no_break_spaces(self) -> None:
        """Escaping for Markdown makes line breaks spaces, but keeps the narrow no-break space
        of French typography, and the one between names in a list."""
        assert escape_markdown(f"GPMar{NNBSP}: quelles\nattentes{NNBSP}?") == (
            f"GPMar{NNBSP}: quelles attentes{NNBSP}?"
        )
        assert escape_markdown(" a\u00a0b ") == "a\u00a0b"


class TestOtherLanguages:
    @pytest.mark.parametrize("lang", ["fr", "ar", "ar-MA", "en"])
    @pytest.mark.parametrize("fmt", ["markdown", "html"])
    def test_every_section_in_every_language(self, lang: str, fmt: str) -> None:
        """French, Arabic, Moroccan Arabic and English pages have every section, in order."""
        page = render(GROUP, fmt, lang)  # type: ignore[arg-type]
        headings = markdown_headings(page) if fmt == "markdown" else html_headings(page)
        assert [unisolated(h) for h in headings[1:]] == HEADINGS[lang]

    @pytest.mark.parametrize("lang", ["ar", "ar-MA"])
    def test_arabic_text(self, lang: str) -> None:
        """The Arabic page: the mission, the working arrangements, the network's offer with
        الكتابة الإدارية for secretariat, and the cooperation since 1991."""
        text = render(GROUP, "text", lang)
        for heading in ARABIC_HEADINGS[:6] + ARABIC_HEADINGS[7:9]:
            assert f"\n{heading}:\n" in text
        assert "\nجهة ليموزان\n-----------\n" in text
        assert "المهمة: بصفتها شبكة جهوية متعددة الفاعلين (RRMA)" in text
        assert "ليس لمجموعة المغرب شكل محدد مسبقا" in text
        assert "ما تقدمه الشبكة: الاحتضان والكتابة الإدارية والتنسيق والمواكبة والتنشيط" in text
        assert "التعاون اللامركزي منذ 1991" in text
        assert "الشركاء: أوروبا وإفريقيا" in text
        assert "- التنمية الاقتصادية: النهوض بمجالات التميز" in text
        assert "- جهة ليموزان وجهة مراكش آسفي" in text
        assert "وضعية الشراكة: جارية" in text

    @pytest.mark.parametrize("fmt", FORMATS)
    def test_arabic_names_are_not_prefixed(self, fmt: str) -> None:
        """Sentences are built from names: a region's name, which starts with جهة, never gets
        a second one."""
        assert "جهة جهة" not in render(GROUP, fmt, "ar")  # type: ignore[arg-type]

    def test_arabic_html(self) -> None:
        """Right to left; a Latin name inside the Arabic page is isolated; the network and its
        tagline head the page, one above the other, as the 2016 document does."""
        page = render(GROUP, "html", "ar-MA")
        assert '<html lang="ar-MA" dir="rtl">' in page
        assert '<p class="network"><bdi>Cap Coopération</bdi></p>' in page
        assert '<p class="tagline">مركز جهوي للموارد في مجال التعاون الدولي</p>' in page
        assert "<li><strong>جهة ليموزان وجهة مراكش آسفي</strong><br>" in page
        assert "<p><strong>الجهات المؤسسة</strong>: الدولة والجماعات الترابية والجمعيات</p>" in page

    def test_english(self) -> None:
        """English labels and lists."""
        text = render(GROUP, "text", "en")
        assert "Decentralised cooperation since 1991" in text
        assert (
            "What the network offers: hosting, secretariat, coordination, support, and facilitation"
        ) in text
        assert "Network membership not required but appreciated" in text
        assert "Partnership status: active" in text


# --- groups with less to say ------------------------------------------------------------------


def minimal_group() -> CountryGroup:
    """A group with only what a file must hold: a name, a country, a network."""
    data = group_data()
    del data["priorities"]
    return loads(json.dumps(data), "json")


def starter_group() -> CountryGroup:
    """The file ``rrma-groups new`` writes, filled in."""
    return loads(fill(starter_text("SN", NETWORK)))


def _empty_text_headings(text: str) -> list[str]:
    """Lines ending with a colon that nothing follows."""
    lines = text.splitlines()
    return [
        line
        for n, line in enumerate(lines)
        if re.search(r"[^:]:$", line) and (n + 1 == len(lines) or not lines[n + 1].strip())
    ]


def _empty_markdown_headings(text: str) -> list[str]:
    """Headings followed by nothing but a heading of the same or a higher level."""
    blocks = [line for line in text.splitlines() if line.strip()]
    empty = []
    for n, line in enumerate(blocks):
        if not line.startswith("#"):
            continue
        level = len(line) - len(line.lstrip("#"))
        after = blocks[n + 1] if n + 1 < len(blocks) else ""
        if not after or (after.startswith("#") and len(after) - len(after.lstrip("#")) <= level):
            empty.append(line)
    return empty


def _empty_html_headings(page: str) -> list[str]:
    parser = _Headings()
    parser.feed(page)
    tags = parser.tags
    empty = []
    for n, tag in enumerate(tags):
        if tag not in ("h2", "h3"):
            continue
        end = tags.index(f"/{tag}", n)
        after = tags[end + 1] if end + 1 < len(tags) else "end"
        if after in ("h2", "h3", "section", "/section", "/main", "/div", "end"):
            empty.append(f"{tag} then {after}")
    return empty


GROUPS = {
    "minimal": minimal_group,
    "starter": starter_group,
    "maroc": groupe_pays_maroc,
    **{p.stem: (lambda p=p: load(p)) for p in sorted(EXAMPLES.glob("*.toml"))},
}


@pytest.mark.parametrize("name", list(GROUPS))
@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
class TestNoEmptySection:
    def test_text(self, name: str, lang: str) -> None:
        """No label in plain text is left without what it labels."""
        assert _empty_text_headings(render(GROUPS[name](), "text", lang)) == []

    def test_markdown(self, name: str, lang: str) -> None:
        """No Markdown heading is followed straight by another of its level or the end."""
        assert _empty_markdown_headings(render(GROUPS[name](), "markdown", lang)) == []

    def test_html(self, name: str, lang: str) -> None:
        """No HTML heading is followed straight by another, or by the end of its section."""
        assert _empty_html_headings(render(GROUPS[name](), "html", lang)) == []


class TestSectionsFollowTheData:
    def test_a_minimal_group_has_only_its_programme(self) -> None:
        """Without context, mission, objectives, policy or cooperation, only the title, the
        network's name and the meetings are printed."""
        text = render(minimal_group(), "text", "fr")
        for heading in FRENCH_HEADINGS[:9]:
            assert heading not in text
        assert text.startswith("Réseau\n\nGroupe Pays\n===========\n\nRencontre\n")

    def test_the_starter(self) -> None:
        """A starter file, filled in: its description, objective, who may join and offer."""
        text = render(starter_group(), "text", "fr")
        assert f"\nLe groupe{NNBSP}:\nLes acteurs du Centre-Val de Loire" in text
        assert f"\nQui peut rejoindre le groupe{NNBSP}:\n" in text
        assert "Adhésion au réseau non obligatoire\n" in text
        for heading in ("Contexte", "Le réseau", "Fonctionnement du groupe", "Partenariats"):
            assert f"{heading}{NNBSP}:" not in text

    def test_a_group_without_a_cooperation_policy(self) -> None:
        """The Sénégal example: its priority areas and partnership in the group's own sections,
        with the partnership's first year and themes."""
        text = render(load(EXAMPLES / "groupe_pays_senegal.toml"), "text", "fr")
        section = text.split(f"\nPartenariats{NNBSP}:\n", 1)[1].split("\n\n")[0]
        assert section.splitlines() == [
            "- Ville de Loirebourg et Commune de Keur Exemple",
            "  Coopération décentralisée depuis 2019",
            f"  Statut du partenariat{NNBSP}: actif",
            f"  Thématiques{NNBSP}: Agriculture et alimentation, Jeunesse et formation "
            "professionnelle",
            "  Coopération fictive entre la Ville de Loirebourg et la Commune de Keur Exemple.",
        ]
        assert f"\nDomaines prioritaires{NNBSP}:\n- Agriculture et alimentation\n" in text
        assert f"Ce que propose le réseau{NNBSP}: secrétariat, coordination et animation" in text

    def test_an_actor_that_is_not_a_local_authority(self) -> None:
        """An association's cooperation is international cooperation, not decentralised."""
        data = group_data()
        data["actors"][0]["cooperation"] = {"since": 2005, "priorities": ["t1"]}
        text = render(loads(json.dumps(data), "json"), "text", "fr")
        assert "Association Une\n---------------\nCoopération internationale depuis 2005\n" in text
        assert f"Domaines prioritaires{NNBSP}:\n- Formation\n" in text
        assert text.count("Formation") == 1

    def test_an_empty_cooperation_policy(self) -> None:
        """A cooperation policy that says nothing prints no section for its actor."""
        data = group_data()
        data["actors"][1]["cooperation"] = {}
        for fmt in FORMATS:
            page = render(loads(json.dumps(data), "json"), fmt, "fr")  # type: ignore[arg-type]
            assert "Région" not in page
