"""Programmes out: text, Markdown and HTML, in French, Arabic and English."""

from __future__ import annotations

import datetime as dt
import html.parser
import json
from pathlib import Path

import pytest

import rrma_groups
from builders import group_data
from rrma_groups import LocalisedText, render
from rrma_groups.cli.app import main
from rrma_groups.examples import groupe_pays_maroc
from rrma_groups.i18n.bidi import FSI, PDI, RLI
from rrma_groups.render import RenderError
from rrma_groups.render.markdown import escape_markdown

GROUP = groupe_pays_maroc()
MEETING = GROUP.meeting("limoges-2016")


def _programme_rows(text: str) -> list[str]:
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if set(line) <= {"-", " "} and line)
    return lines[start + 1 : start + 12]


class TestText:
    def test_french_programme_reads_like_the_seed(self) -> None:
        """Date and venue on the first row, the seed's times and facilitators as written."""
        rows = _programme_rows(render(MEETING, "text", "fr", group=GROUP))
        assert rows[0] == (
            "04/11/2016  Siège de la Région – site de Limoges  14h00 - 14h15  "
            "Accueil des participants" + " " * 38 + "Cap Coopération"
        )
        assert rows[1] == " " * 50 + "14h15 - 14h20  Présentation de l'ordre du jour" + " " * 31 + (
            "Khalid"
        )
        assert rows[1].endswith("Khalid")
        assert rows[5].endswith("Sébastien Proeschel - Emmanuelle Pallier")
        assert rows[10].rstrip().endswith("Temps convivial et échange libre")

    def test_header_and_signature(self) -> None:
        """Title, date in words with the hours, venue, and the signatory at the end."""
        lines = render(MEETING, "text", "fr", group=GROUP).splitlines()
        assert lines[:3] == [
            "Rencontre du Groupe Pays Maroc à Limoges",
            "vendredi 4 novembre 2016, de 14h00 à 17h30",
            "Siège de la Région – site de Limoges, Limoges",
        ]
        assert lines[-2:] == ["Khalid Chihani", "Cap Coopération"]

    def test_the_network_is_named_as_in_2016(self) -> None:
        """The 2016 programme is signed for Cap Coopération, today SO Coopération."""
        assert GROUP.network.name_on(dt.date(2016, 11, 4)).get() == "Cap Coopération"
        assert GROUP.network.name_on(dt.date(2024, 1, 1)).get() == "SO Coopération"

    def test_arabic_isolates_times_and_latin_names(self) -> None:
        """Times are RLI…PDI (read from the right, the start first), Latin names FSI…PDI, and
        the meeting's hours are written out: "من 14:00 إلى 17:30"."""
        text = render(MEETING, "text", "ar", group=GROUP)
        assert f"{RLI}14:00–14:15{PDI}" in text
        assert f"{RLI}من 14:00 إلى 17:30{PDI}" in text
        assert f"{FSI}Khalid{PDI}" in text
        assert "استقبال المشاركين" in text

    def test_moroccan_arabic_month_names(self) -> None:
        """ar_MA writes November as نونبر, generic ar as نوفمبر."""
        assert "نونبر" in render(MEETING, "text", "ar-MA", group=GROUP)
        assert "نوفمبر" in render(MEETING, "text", "ar", group=GROUP)

    def test_english(self) -> None:
        """English titles and CLDR times."""
        text = render(MEETING, "text", "en", group=GROUP)
        assert "Friday, November 4, 2016" in text
        assert "Networking and informal exchange" in text

    def test_the_visual_order_of_an_arabic_time_range(self) -> None:
        """Run the Unicode bidi algorithm: in an Arabic row 14:00 is drawn right of 14:15, so
        that a reader going from right to left meets the start first, as the row would show
        without any isolate."""
        bidi = pytest.importorskip("bidi")
        line = next(
            line
            for line in render(MEETING, "text", "ar", group=GROUP).splitlines()
            if "استقبال المشاركين" in line
        )
        shown = bidi.get_display(line)
        assert shown.index("14:15") < shown.index("14:00")
        bare = line.replace(RLI, "").replace(PDI, "")
        shown_bare = bidi.get_display(bare)
        assert shown_bare.index("14:15") < shown_bare.index("14:00")

    def test_group_page_lists_objectives_and_meetings(self) -> None:
        """A group renders its network, objectives and every meeting."""
        text = render(GROUP, "text", "fr")
        assert text.startswith("Cap Coopération\n")
        assert "Groupe Pays Maroc (GPMar)" in text
        assert "- Créer un espace d'échanges" in text
        assert "Rencontre du Groupe Pays Maroc à Limoges" in text


class TestMarkdown:
    def test_table(self) -> None:
        """A pipe table with the seed's five columns."""
        text = render(MEETING, "markdown", "fr", group=GROUP)
        rows = [line for line in text.splitlines() if line.startswith("|")]
        assert len(rows) == 13
        assert rows[2].startswith("| 04/11/2016 | Siège de la Région – site de Limoges | 14h00")
        assert rows[3].startswith("|  |  | 14h15 - 14h20 | Présentation de l'ordre du jour |")

    @pytest.mark.parametrize(
        ("raw", "escaped"),
        [
            ("a | b", "a \\| b"),
            ("*gras*", "\\*gras\\*"),
            ("<script>", "&lt;script&gt;"),
            ("ligne\nsuivante", "ligne suivante"),
            ("[lien](x)", "\\[lien\\](x)"),
        ],
    )
    def test_cells_are_escaped(self, raw: str, escaped: str) -> None:
        """Nothing in a cell can break the table or inject markup."""
        assert escape_markdown(raw) == escaped


class _Collector(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(page: str) -> _Collector:
    collector = _Collector()
    collector.feed(page)
    return collector


class TestHtml:
    def test_french_page(self) -> None:
        """A standalone page in French, left to right, with the programme table."""
        page = render(GROUP, "html", "fr")
        assert page.startswith("<!DOCTYPE html>")
        parsed = _parse(page)
        assert ("html", {"lang": "fr", "dir": "ltr"}) in parsed.tags
        assert sum(1 for tag, _ in parsed.tags if tag == "tr") == 12
        assert "Accueil des participants" in parsed.text

    def test_arabic_page_is_right_to_left(self) -> None:
        """lang/dir on the page; times in bdi dir=rtl; Latin names isolated, the و before one
        set apart by a no-break space, a name inside Arabic text kept on one line."""
        page = render(GROUP, "html", "ar-MA")
        assert '<html lang="ar-MA" dir="rtl">' in page
        assert '<bdi dir="rtl">14:00–14:15</bdi>' in page
        assert '<td class="facilitator"><bdi>Khalid</bdi></td>' in page
        assert "<bdi>Sébastien Proeschel</bdi> و\u00a0<bdi>Emmanuelle Pallier</bdi>" in page
        assert 'تقديم شبكة <span class="name">Cap Coopération</span>' in page
        assert "نونبر" in page

    def test_no_network_resources(self) -> None:
        """The page needs nothing from the network: no script to run (its one script element
        is its JSON-LD data), no link, no remote image."""
        page = render(GROUP, "html", "fr")
        assert page.count("<script") == page.count('<script type="application/ld+json">') == 1
        for forbidden in ("<link", "src=", "@import", "url("):
            assert forbidden not in page

    def test_print_styles(self) -> None:
        """The page prints on A4."""
        page = render(GROUP, "html", "fr")
        assert "@media print" in page
        assert "size:A4" in page

    def test_fragment(self) -> None:
        """A fragment embeds: no html/head, its own direction and style."""
        fragment = render(MEETING, "html", "ar", group=GROUP, fragment=True)
        assert fragment.startswith('<div class="rrma-programme" lang="ar" dir="rtl">')
        assert "<html" not in fragment

    @pytest.mark.parametrize("field", ["title", "venue"])
    def test_user_text_is_escaped(self, field: str) -> None:
        """Markup in any user text comes out as text."""
        evil = "<script>alert('x')</script> & \"quotes\""
        meeting = MEETING.replace(title=LocalisedText(evil)) if field == "title" else MEETING
        if field == "venue":
            assert meeting.venue is not None
            meeting = meeting.replace(venue=meeting.venue.replace(name=LocalisedText(evil)))
        page = render(meeting, "html", "fr", group=GROUP)
        assert "<script>" not in page
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;quotes&quot;" in page

    def test_parallel_sessions_side_by_side(self) -> None:
        """Workshops in two rooms share one row, one column per room."""
        data = group_data()
        data["meetings"][0]["agenda"][1:2] = [
            {
                "time": "14h30 - 15h30",
                "title": "Atelier A",
                "room": "r1",
                "facilitators": [{"person": "p1"}],
            },
            {
                "time": "14h30 - 15h30",
                "title": "Atelier B",
                "room": "r2",
                "facilitators": [{"person": "p2"}],
            },
        ]
        group = rrma_groups.loads(json.dumps(data), "json")
        page = render(group, "html", "fr")
        assert page.count('<tr class="parallel-row">') == 1
        assert "<h4>Salle 1</h4>" in page
        assert "<h4>Salle 2</h4>" in page

    def test_jupyter_display(self) -> None:
        """Groups and meetings display as HTML in notebooks; reprs stay short."""
        assert GROUP._repr_html_().startswith('<div class="rrma-programme"')
        assert MEETING._repr_html_().startswith('<div class="rrma-programme"')
        assert len(repr(GROUP)) < 120
        assert repr(MEETING) == (
            "Meeting(id='limoges-2016', title='Rencontre du Groupe Pays Maroc à Limoges', "
            "date=2016-11-04, 11 items)"
        )


class TestErrors:
    def test_unknown_format(self) -> None:
        """The formats are listed."""
        with pytest.raises(RenderError, match="unknown format 'pdf'; choose one of: text"):
            render(GROUP, "pdf")  # type: ignore[arg-type]

    def test_unknown_meeting(self) -> None:
        """Asking for a meeting the group lacks lists the ones it has."""
        with pytest.raises(RenderError, match="no meeting 'x'; the group has: limoges-2016"):
            render(GROUP, "text", meeting="x")

    def test_unknown_language(self) -> None:
        """A malformed language is a LocaleError."""
        with pytest.raises(rrma_groups.LocaleError):
            render(GROUP, "text", "français")


class TestCommand:
    def test_render_the_bundled_example(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Without a file, the bundled Groupe Pays Maroc is rendered."""
        assert main(["render"]) == 0
        assert "Accueil des participants" in capsys.readouterr().out

    def test_render_to_a_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """-o writes the page."""
        target = tmp_path / "programme.html"
        assert main(["render", "--lang", "ar", "--format", "html", "-o", str(target)]) == 0
        assert '<html lang="ar" dir="rtl">' in target.read_text(encoding="utf-8")

    def test_render_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--format json writes the group file as JSON."""
        assert main(["render", "--format", "json"]) == 0
        assert json.loads(capsys.readouterr().out)["id"] == "gpmar"

    def test_unknown_meeting(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown meeting is a usage error."""
        assert main(["render", "--meeting", "nope"]) == 2
        assert "no meeting 'nope'" in capsys.readouterr().err
