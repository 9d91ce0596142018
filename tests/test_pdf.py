"""PDF output: one A4 page, embedded fonts, and Arabic that reads back as it was written.

What is checked, and how: the PDF is made by :func:`rrma_groups.export.pdf.to_pdf` (WeasyPrint),
then read back with pypdf. Its text is compared after NFKC (which folds Arabic presentation forms
back to letters, should an extractor give them), without bidi control characters and with runs of
white space made one space, because a title wrapped in its cell comes back on two lines. An Arabic
title found this way is in logical order: letters and words in the order they are read, not the
order they are drawn; a title mixing Arabic and Latin is looked for run by run (see ``pieces``).
pdftotext (Debian's poppler-utils), when present, gives word boxes: they show the Arabic table
drawn right to left and each time range left to right."""

from __future__ import annotations

import functools
import importlib
import io
import itertools
import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pypdf
import pytest

from builders import group_data
from extras import needs_noto, needs_pdf, needs_pdftotext
from rrma_groups import LocalisedText, loads
from rrma_groups.cli.app import main
from rrma_groups.examples import groupe_pays_maroc
from rrma_groups.export.pdf import PdfEngineError, PdfError, PdfFontError, to_pdf
from rrma_groups.render import RenderError
from rrma_groups.render.view import meeting_view

GROUP = groupe_pays_maroc()
MEETING = GROUP.meeting("limoges-2016")
A4_MM = (210, 297)
BIDI_CONTROLS = dict.fromkeys(
    [0x200E, 0x200F, 0x061C, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
)
ENGINE_HINT = (
    'install it with pip install "rrma-groups[pdf]" (WeasyPrint), with Pango 1.44 or newer '
    "from the system (Debian/Ubuntu: apt-get install libpango-1.0-0 libpangoft2-1.0-0; "
    "macOS: brew install pango)"
)
FONTS_HINT = (
    "install fonts covering Latin and Arabic, such as Noto Sans and Noto Naskh Arabic "
    "(Debian/Ubuntu: apt-get install fonts-noto-core)"
)

ARABIC = re.compile("[\u0600-\u06ff]")


def pieces(title: str) -> list[str]:
    """What to look for of a title: the whole of it, or its Arabic runs and Latin words.

    pypdf does not know a line's paragraph direction: a line mixing Arabic and Latin comes back
    with its runs in drawn order, left to right, each run in logical order. So a mixed title is
    looked for run by run ("تقديم شبكة", then "Cap" and "Coopération").
    """
    words = normalise(title).split()
    if all(ARABIC.search(word) for word in words):
        return [" ".join(words)]
    found: list[str] = []
    for arabic, group in itertools.groupby(words, key=lambda word: bool(ARABIC.search(word))):
        run = list(group)
        found += [" ".join(run)] if arabic else run
    return found


def normalise(text: str) -> str:
    """Text as compared here: NFKC, no bidi controls, one space between words."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(BIDI_CONTROLS).split())


@functools.cache
def pdf_of(lang: str) -> bytes:
    """The meeting's programme alone."""
    return to_pdf(MEETING, lang, group=GROUP)


@functools.cache
def group_pdf_of(lang: str) -> bytes:
    """The group's page, with its meeting's programme."""
    return to_pdf(GROUP, lang)


def reader(lang: str) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(pdf_of(lang)))


def font_names(page: pypdf.PageObject) -> dict[str, bool]:
    """Each font of a page, without its subset prefix, and whether its file is embedded."""
    fonts = {}
    for ref in page["/Resources"]["/Font"].values():
        font = ref.get_object()
        described = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        descriptor = described["/FontDescriptor"].get_object()
        embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
        fonts[str(font["/BaseFont"]).split("+", 1)[-1]] = embedded
    return fonts


@needs_pdf
class TestOnePage:
    @pytest.mark.parametrize("lang", ["fr", "ar", "ar-MA", "en"])
    def test_one_a4_page(self, lang: str) -> None:
        """The seed's programme is one A4 page in every language."""
        pdf = reader(lang)
        assert len(pdf.pages) == 1
        box = pdf.pages[0].mediabox
        size_mm = (float(box.width) * 25.4 / 72, float(box.height) * 25.4 / 72)
        assert size_mm == pytest.approx(A4_MM, abs=0.5)

    def test_language_and_title(self) -> None:
        """The PDF says its language and carries the meeting's title."""
        pdf = reader("ar")
        assert pdf.trailer["/Root"]["/Lang"] == "ar"
        assert pdf.metadata is not None
        assert pdf.metadata.title == "لقاء مجموعة المغرب في ليموج"

    def test_same_bytes_every_time(self) -> None:
        """The same programme gives the same file (no date stamped in it)."""
        assert to_pdf(MEETING, "ar", group=GROUP) == pdf_of("ar")
        assert to_pdf(GROUP, "ar") == group_pdf_of("ar")


@needs_pdf
class TestGroupPage:
    def test_a_group_prints_its_chosen_meeting(self) -> None:
        """A group prints its page with the meeting asked for, else its first: the same here."""
        assert to_pdf(GROUP, "fr", meeting="limoges-2016") == group_pdf_of("fr")

    @pytest.mark.parametrize("lang", ["fr", "ar"])
    def test_the_whole_document(self, lang: str) -> None:
        """The group's page as the 2016 document has it, then the programme on a page of its
        own, the same as the meeting's PDF."""
        group_pages = pypdf.PdfReader(io.BytesIO(group_pdf_of(lang))).pages
        text = normalise(" ".join(page.extract_text() for page in group_pages[:-1]))
        words = {
            "fr": ("Contexte", "Le réseau", "Fonctionnement du groupe", "depuis 1991"),
            "ar": ("السياق", "الشبكة", "كيفيات اشتغال المجموعة", "التعاون اللامركزي منذ 1991"),
        }[lang]
        for phrase in words:
            assert all(piece in text for piece in pieces(phrase)), phrase
        programme = normalise(reader(lang).pages[0].extract_text())
        assert normalise(group_pages[-1].extract_text()) == programme


@needs_pdf
class TestFonts:
    @needs_noto
    def test_latin_and_arabic_fonts_are_embedded(self) -> None:
        """Every font is embedded; Arabic is set in Noto Naskh Arabic, Latin in Noto Sans."""
        fonts = font_names(reader("ar").pages[0])
        assert all(fonts.values()), fonts
        assert "Noto-Naskh-Arabic" in fonts
        assert "Noto-Sans" in fonts

    @needs_noto
    def test_french_needs_no_arabic_font(self) -> None:
        """A French programme embeds Noto Sans only."""
        fonts = font_names(reader("fr").pages[0])
        assert all(fonts.values())
        assert {name.split("-Bold")[0].split("-Italic")[0] for name in fonts} == {"Noto-Sans"}

    def test_a_character_no_font_has_is_an_error(self) -> None:
        """No empty box in a printed programme: the missing characters are named."""
        meeting = MEETING.replace(title=LocalisedText("Rencontre \ue000"))
        with pytest.raises(PdfFontError) as caught:
            to_pdf(meeting, "fr", group=GROUP)
        assert str(caught.value) == (
            f"no installed font can draw 1 character of the programme (U+E000); {FONTS_HINT}"
        )
        assert caught.value.missing == ("\ue000",)
        assert caught.value.code == "pdf_fonts_missing"


def drawn(time: str) -> str:
    """A time range as an Arabic page draws it from left to right: its start on the right,
    where a reader going from right to left meets it first."""
    start, end = time.split("–")
    return f"{end}–{start}"


@needs_noto  # another Arabic font shapes and orders what pypdf reads back otherwise
class TestArabicText:
    def test_titles_and_times_read_back(self) -> None:
        """Every item's Arabic title is in the PDF's text, and its time range as drawn."""
        text = normalise(reader("ar").pages[0].extract_text())
        items = meeting_view(MEETING, "ar", GROUP).days[0].items
        assert len(items) == 11
        for item in items:
            for piece in pieces(item.title.text):
                assert piece in text
            assert drawn(item.time) in text
        assert "استقبال المشاركين" in text
        assert "14:15–14:00" in text

    def test_rows_come_in_programme_order(self) -> None:
        """The first item is read before the last one, and the signature after both."""
        text = normalise(reader("ar").pages[0].extract_text())
        first = text.index("استقبال المشاركين")
        last = text.index("وقت للتعارف وتبادل حر للآراء")
        assert first < last < text.index("Khalid Chihani")

    def test_latin_names_inside_arabic(self) -> None:
        """Facilitators' Latin names come back whole."""
        text = normalise(reader("ar").pages[0].extract_text())
        for name in ("Guillaume Bertrand", "Sébastien Proeschel", "Emmanuelle Pallier"):
            assert name in text

    @needs_pdftotext
    def test_drawn_right_to_left_with_times_right_to_left(self, tmp_path: Path) -> None:
        """pdftotext's word boxes: Date right of Time right of Facilitator; 14:00 right of
        14:15, read first."""
        path = tmp_path / "programme.pdf"
        path.write_bytes(pdf_of("ar"))
        html = subprocess.run(
            ["pdftotext", "-bbox", str(path), "-"], check=True, capture_output=True, text=True
        ).stdout
        words: dict[str, list[float]] = {}
        for x_min, x_max, word in re.findall(
            r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>',
            html,
        ):
            words.setdefault(word, [float(x_min), float(x_max)])
        times = [item.time for item in meeting_view(MEETING, "ar", GROUP).days[0].items]
        assert all(drawn(time) in words for time in times)  # "14:15–14:00": 14:00 on the right
        date, time, name = words["2016/11/04"], words["14:15–14:00"], words["Khalid"]
        assert date[0] > time[1]
        assert time[0] > name[1]


class TestErrors:
    def test_without_the_extra(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """No WeasyPrint: the error says what to pip install."""
        monkeypatch.setitem(sys.modules, "weasyprint", None)
        with pytest.raises(PdfEngineError) as caught:
            to_pdf(GROUP, "ar")
        assert str(caught.value) == (
            f"PDF output is not available: WeasyPrint is not installed; {ENGINE_HINT}"
        )
        assert caught.value.code == "pdf_engine_missing"
        assert isinstance(caught.value, PdfError)
        # Nothing in the data is wrong: a missing engine is not a ValueError.
        assert isinstance(caught.value, RuntimeError)
        assert not isinstance(caught.value, ValueError)

    def test_without_pango(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """WeasyPrint without Pango: the error says what to apt-get install."""

        def no_pango(name: str) -> None:
            raise OSError("cannot load library 'libgobject-2.0-0'")

        monkeypatch.setattr(importlib, "import_module", no_pango)
        with pytest.raises(PdfEngineError, match=r"apt-get install libpango-1\.0-0") as caught:
            to_pdf(GROUP, "ar")
        assert "WeasyPrint cannot load Pango (cannot load library" in str(caught.value)

    def test_unknown_meeting(self) -> None:
        """A meeting the group lacks is named with the ones it has."""
        with pytest.raises(RenderError, match="no meeting 'x'; the group has: limoges-2016"):
            to_pdf(GROUP, "fr", meeting="x")

    def test_group_without_meetings(self) -> None:
        """A group with no meeting has no programme to print."""
        data = group_data()
        data["meetings"] = []
        with pytest.raises(RenderError, match="the group 'gp' has no meeting to print"):
            to_pdf(loads(json.dumps(data), "json"), "fr")


class TestCommand:
    @needs_pdf
    def test_render_pdf(self, tmp_path: Path) -> None:
        """rrma-groups render --format pdf --lang ar -o programme.pdf writes the group's page."""
        target = tmp_path / "programme.pdf"
        assert main(["render", "--format", "pdf", "--lang", "ar", "-o", str(target)]) == 0
        assert target.read_bytes() == group_pdf_of("ar")

    def test_pdf_needs_an_output_file(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A PDF is not written to the terminal."""
        assert main(["render", "--format", "pdf"]) == 2
        assert capsys.readouterr().err == "--format pdf writes a binary file: add -o FILE\n"

    def test_unknown_meeting(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown meeting is a usage error, and no file is written."""
        target = tmp_path / "programme.pdf"
        assert main(["render", "-f", "pdf", "-m", "nope", "-o", str(target)]) == 2
        assert "no meeting 'nope'; the group has: limoges-2016" in capsys.readouterr().err
        assert not target.exists()
