"""The HTML page in a real browser: geometry measured in Debian's Chromium, driven by Playwright.

test_render.py checks what the page says; these tests check where the browser draws it. Each
one loads a page rendered from the bundled example, then measures boxes and text ranges:

- the Arabic table mirrors (its first column, Date, is on the right);
- in every time cell and in the meeting's hours, a reader meets the start time first: drawn
  left of the end time in French, right of it in Arabic ("من 14:00 إلى 17:30");
- no Arabic text is drawn in (synthesised) italics, on the pages and the sign-in sheet;
- no text leaves its cell, no word is cut across lines, nothing scrolls sideways, at a
  1280 px desktop width and a 375 px phone width;
- the print stylesheet puts the seed's programme on one A4 page.

Playwright (the ``browser`` extra) is used with the system's Chromium, never a downloaded one
(``CHROMIUM`` overrides the path, by default ``/usr/bin/chromium`` from Debian's ``chromium``).
Without either the module is skipped; .ci/run installs both.
"""

from __future__ import annotations

import io
import os
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdf
import pytest

from rrma_groups import render
from rrma_groups.examples import groupe_pays_maroc
from rrma_groups.render.view import meeting_view

sync_api = pytest.importorskip("playwright.sync_api", reason="needs the browser extra")
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
if not CHROMIUM.is_file():
    pytest.skip(
        f"no Chromium at {CHROMIUM} (Debian: apt-get install chromium)", allow_module_level=True
    )

# Flags that keep a headless Chromium quiet on a machine without a network or a display.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP, PHONE = 1280, 375
LANGS = ["fr", "ar"]
GROUP = groupe_pays_maroc()
MEETING = GROUP.meeting("limoges-2016")
PAGES = {
    "group": lambda lang: render(GROUP, "html", lang),
    "meeting": lambda lang: render(MEETING, "html", lang, group=GROUP),
}
A4_MM = (210, 297)


def SHEET(lang: str) -> str:
    from rrma_groups.render.sign_in_sheet import sign_in_sheet

    return sign_in_sheet(GROUP, MEETING, lang)


# The x of the start and end times inside every time range, measured on text ranges: the first
# two times of the range's text ("14:00–14:15", "من 14:00 إلى 17:30", "de 14h00 à 17h30") are
# each measured where the browser drew them.
TIME_POSITIONS = """(selector) => [...document.querySelectorAll(selector)].map((cell) => {
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  let node, text = "";
  while ((node = walker.nextNode())) { if (/\\d/.test(node.data)) { text = node.data; break; } }
  const times = [...text.matchAll(/\\d{1,2}[:h]\\d{2}/g)];
  if (times.length < 2) return null;
  const box = (match) => {
    const range = document.createRange();
    range.setStart(node, match.index);
    range.setEnd(node, match.index + match[0].length);
    const r = range.getBoundingClientRect();
    return {left: r.left, right: r.right};
  };
  return {text, start: times[0][0], end: times[1][0], startBox: box(times[0]),
          endBox: box(times[1])};
})"""

# Every element that draws text in italics, and the language it is in.
ITALIC_TEXT = """() => [...document.querySelectorAll("body *")]
  .filter((el) => getComputedStyle(el).fontStyle !== "normal"
    && [...el.childNodes].some((n) => n.nodeType === 3 && n.data.trim()))
  .map((el) => ({lang: el.closest("[lang]").getAttribute("lang"),
                 text: el.textContent.trim().slice(0, 40)}))"""

# Every visible cell of the programme: does it scroll, does its text leave its padding box,
# is any word drawn on more than one line?
CELL_REPORT = """() => [...document.querySelectorAll("table.programme th, table.programme td")]
  .filter((cell) => cell.getClientRects().length > 0)
  .map((cell) => {
    const box = cell.getBoundingClientRect();
    const style = getComputedStyle(cell);
    const left = box.left + parseFloat(style.borderLeftWidth);
    const right = box.right - parseFloat(style.borderRightWidth);
    const outside = [], cut = [];
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      for (const word of node.data.matchAll(/[^\\s\\-\\u2010]+/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0);
        const lines = new Set(rects.map((r) => Math.round(r.bottom)));
        if (lines.size > 1) cut.push(word[0]);
        for (const r of rects) {
          if (r.left < left - 0.5 || r.right > right + 0.5) outside.push(word[0]);
        }
      }
    }
    return {cell: cell.className + ": " + cell.textContent.trim().slice(0, 40),
            scrollWidth: cell.scrollWidth, clientWidth: cell.clientWidth, outside, cut};
  })"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    # launch() gives Chromium a new, empty profile in a temporary folder of its own.
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def desktop(browser: Any) -> Iterator[Any]:
    page = browser.new_page(viewport={"width": DESKTOP, "height": 900})
    yield page
    page.close()


@pytest.fixture(scope="module")
def phone(browser: Any) -> Iterator[Any]:
    page = browser.new_page(viewport={"width": PHONE, "height": 800})
    yield page
    page.close()


def show(page: Any, html: str) -> Any:
    page.emulate_media(media="screen")
    page.set_content(html)
    return page


def squash(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def column_boxes(page: Any) -> list[dict[str, float]]:
    return [th.bounding_box() for th in page.query_selector_all("table.programme thead th")]


class TestDirection:
    def test_arabic_table_starts_on_the_right(self, desktop: Any) -> None:
        """Arabic: Date, the first column, is the rightmost; each next column is left of it."""
        boxes = column_boxes(show(desktop, PAGES["meeting"]("ar")))
        assert len(boxes) == 5
        first, last = boxes[0], boxes[-1]
        assert first["x"] >= last["x"] + last["width"]
        assert [b["x"] for b in boxes] == sorted((b["x"] for b in boxes), reverse=True)

    def test_french_table_starts_on_the_left(self, desktop: Any) -> None:
        """French: the same columns run left to right."""
        boxes = column_boxes(show(desktop, PAGES["meeting"]("fr")))
        assert [b["x"] for b in boxes] == sorted(b["x"] for b in boxes)
        assert boxes[0]["x"] + boxes[0]["width"] <= boxes[-1]["x"]

    @pytest.mark.parametrize("width", [DESKTOP, PHONE])
    @pytest.mark.parametrize("lang", LANGS)
    def test_a_reader_meets_the_start_time_first(
        self, desktop: Any, phone: Any, lang: str, width: int
    ) -> None:
        """In each of the 11 time cells and in the meeting's hours, the start is met first: in
        French 14h00 is drawn left of 14h15; in Arabic, read from the right, 14:00 is drawn
        right of 14:15, as "من 14:00 إلى 17:30" (from 14:00 to 17:30) reads."""
        page = show(desktop if width == DESKTOP else phone, PAGES["meeting"](lang))
        cells = page.evaluate(TIME_POSITIONS, "table.programme td.time")
        cells += page.evaluate(TIME_POSITIONS, ".when bdi")
        assert len(cells) == 12
        assert cells[0]["start"] in ("14:00", "14h00")
        assert cells[0]["end"] in ("14:15", "14h15")
        assert cells[-1]["text"] in ("من 14:00 إلى 17:30", "de 14h00 à 17h30")
        for cell in cells:
            if lang == "ar":
                assert cell["endBox"]["right"] <= cell["startBox"]["left"], cell
            else:
                assert cell["startBox"]["right"] <= cell["endBox"]["left"], cell

    def test_isolated_left_to_right_arabic_would_put_the_end_first(self, desktop: Any) -> None:
        """The measure can fail: lay the Arabic times out left to right and a reader going
        from the right meets 14:15 first."""
        html = PAGES["meeting"]("ar").replace('<bdi dir="rtl">', '<bdi dir="ltr">')
        cells = show(desktop, html).evaluate(TIME_POSITIONS, "table.programme td.time")
        assert cells[0]["start"] == "14:00"
        assert cells[0]["startBox"]["right"] <= cells[0]["endBox"]["left"]

    def test_arabic_phone_rows_put_the_time_on_the_right(self, phone: Any) -> None:
        """On a phone the rows stack, still right to left: time on the right of the activity."""
        page = show(phone, PAGES["meeting"]("ar"))
        time = page.query_selector("table.programme td.time").bounding_box()
        activity = page.query_selector("table.programme td.activity").bounding_box()
        assert time["x"] >= activity["x"] + activity["width"]


class TestNoItalicArabic:
    @pytest.mark.parametrize("kind", [*sorted(PAGES), "sign-in sheet"])
    def test_arabic_text_is_never_slanted(self, desktop: Any, kind: str) -> None:
        """Arabic script has no italics: what French pages set in italics (the signature, the
        informal time, a made-up sample's mark) is drawn upright in Arabic, set apart by weight
        or colour; the French pages keep their italics."""
        arabic = show(desktop, SHEET("ar") if kind == "sign-in sheet" else PAGES[kind]("ar"))
        assert arabic.evaluate(ITALIC_TEXT) == []
        french = show(desktop, SHEET("fr") if kind == "sign-in sheet" else PAGES[kind]("fr"))
        assert french.evaluate(ITALIC_TEXT) != []


class TestNoOverflow:
    @pytest.mark.parametrize("width", [DESKTOP, PHONE])
    @pytest.mark.parametrize("kind", sorted(PAGES))
    @pytest.mark.parametrize("lang", LANGS)
    def test_text_stays_in_its_cell(
        self, desktop: Any, phone: Any, lang: str, kind: str, width: int
    ) -> None:
        """No cell scrolls, no word leaves its cell or is cut, the page never scrolls sideways."""
        page = show(desktop if width == DESKTOP else phone, PAGES[kind](lang))
        cells = page.evaluate(CELL_REPORT)
        assert len(cells) > 30  # every visible header and cell of the 11-item programme
        for cell in cells:
            assert cell["scrollWidth"] <= cell["clientWidth"], cell
            assert cell["outside"] == [], cell
            assert cell["cut"] == [], cell
        sideways = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
        assert sideways[0] <= sideways[1]

    def test_phone_hides_the_venue_column(self, phone: Any) -> None:
        """At 375 px the venue (said once above the table) is not repeated in a column."""
        page = show(phone, PAGES["meeting"]("fr"))
        assert page.query_selector("td.venue").bounding_box() is None
        assert page.query_selector("td.time").bounding_box() is not None


class TestPrint:
    @pytest.mark.parametrize("lang", LANGS)
    def test_programme_prints_on_one_a4_page(self, desktop: Any, lang: str) -> None:
        """Chromium prints the meeting page, print stylesheet and all, on a single A4 sheet."""
        page = show(desktop, PAGES["meeting"](lang))
        page.emulate_media(media="print")
        data = page.pdf(prefer_css_page_size=True, print_background=True)
        reader = pypdf.PdfReader(io.BytesIO(data))
        assert len(reader.pages) == 1
        box = reader.pages[0].mediabox
        size_mm = (float(box.width) * 25.4 / 72, float(box.height) * 25.4 / 72)
        assert size_mm == pytest.approx(A4_MM, abs=0.5)
        # Chromium's PDF gives Arabic as presentation forms and spaces words out: compare the
        # text without spaces, after NFKC.
        text = squash(reader.pages[0].extract_text())
        last_item = meeting_view(MEETING, lang, GROUP).days[-1].items[-1]
        start, end = last_item.time.split("–" if lang == "ar" else " - ")
        # As drawn: in Arabic the start is on the right, read first.
        assert squash(f"{end}–{start}" if lang == "ar" else last_item.time) in text
        assert squash(last_item.title.text) in text
        assert "KhalidChihani" in text  # the signature, after the programme
