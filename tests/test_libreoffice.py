"""Office documents as LibreOffice opens and writes them.

LibreOffice (Debian's ``libreoffice-writer-nogui`` and ``libreoffice-calc-nogui``: ``soffice``)
stands for the people who open what the library writes, and for those who write the programmes
it reads:

* every document the library writes converts to PDF without error: the group page and the
  Limoges programme of the Groupe Pays Maroc as Word (.docx) and OpenDocument (.odt), in French
  and Moroccan Arabic; a programme with parallel sessions (the Groupe Pays Sénégal's day, two
  workshops in two rooms); the sign-in sheet as .docx and .odt; the directory as .xlsx and .ods;
* the PDF's text, read by pdftotext (poppler-utils), holds the programme in reading order: the
  titles one after the other, the times in order, the facilitators' names. ``pdftotext
  -layout`` gives a table row by row, the lines of a cell beside those of its neighbours, the
  words of Arabic text in logical order, with embedding marks (U+202A...U+202E) around each run,
  which are left out here; so a title wrapped in its cell is looked for word after word (see
  :func:`find`). (Its default mode gives a table column after column, and the lines of an
  Arabic table's cells out of order.) A time range inside Arabic text is a left-to-right run,
  given as it is drawn: ``14:15–14:00``, 14:00 on the right, read first (as in
  tests/test_pdf.py);
* programme tables written by hand as HTML and as flat OpenDocument (.fodt), with the Date and
  Lieu cells merged over the rows of their day (``rowspan``, ``table:number-rows-spanned``), a
  line break inside a cell, a second table under a paragraph holding its date, and an Arabic
  table with Arabic headers, are saved by LibreOffice as .docx and .odt, and read back by
  :func:`~rrma_groups.parse_table` and ``rrma-groups import-agenda``.

Each session converts all its files in one ``soffice --convert-to`` call per target format, with
a LibreOffice profile of its own (``-env:UserInstallation``), so that test runs side by side do
not share one, and a timeout. The tests skip, with the reason, where soffice or pdftotext is not
installed, and each format the library does not write or read yet is skipped on its own.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import html
import importlib
import importlib.util
import io
import json
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import extras
from rrma_groups import examples, parse_table
from rrma_groups.render.view import meeting_view

ROOT = Path(__file__).resolve().parent.parent
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
TIMEOUT = 300
"""Seconds one soffice call may take (it converts every file of a session at once)."""

MAROC = examples.groupe_pays_maroc()
LIMOGES = MAROC.meeting("limoges-2016")
SENEGAL = examples.groupe_pays_senegal()
PARALLEL = SENEGAL.meeting("journee-2025")
LANGS = ("fr", "ar-MA")

# Embedding and isolate marks pdftotext and the writers put around runs.
MARKS = dict.fromkeys([0x200E, 0x200F, 0x061C, *range(0x202A, 0x202F), *range(0x2066, 0x206A)])


@pytest.fixture(scope="session", autouse=True)
def soffice() -> str:
    """LibreOffice's ``soffice``; the whole module is skipped without it."""
    reason = extras.program_unavailable(
        "soffice", "apt-get install libreoffice-writer-nogui libreoffice-calc-nogui"
    )
    if reason is not None or SOFFICE is None:
        pytest.skip(f"needs LibreOffice: {reason}")
    # The documents are written, and the Word ones read, with the office extra's libraries.
    missing = [m for m in ("docx", "odfdo", "openpyxl") if importlib.util.find_spec(m) is None]
    if missing:
        pytest.skip(f"needs the office extra (pip install '.[office]'): {', '.join(missing)}")
    return SOFFICE


@pytest.fixture(scope="session")
def profile(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A LibreOffice user profile of this session's own, as ``-env:UserInstallation`` takes it."""
    return tmp_path_factory.mktemp("libreoffice-profile").as_uri()


def convert(soffice: str, profile: str, sources: list[Path], target: str, out: Path) -> None:
    """``soffice --convert-to TARGET`` of all the sources into ``out``, in one call."""
    command = [
        soffice,
        f"-env:UserInstallation={profile}",
        "--headless",
        "--norestore",
        "--convert-to",
        target,
        "--outdir",
        str(out),
        *map(str, sources),
    ]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"soffice did not convert {len(sources)} files in {TIMEOUT} s")
    if done.returncode != 0:
        pytest.fail(f"soffice ended with {done.returncode}:\n{done.stdout}\n{done.stderr}")


# --- what the library writes ----------------------------------------------------------------


def optional_function(module: str, name: str) -> Callable[..., bytes] | None:
    """``module.name``, or ``None`` where the module or the function does not exist yet, or
    the package it needs is not installed."""
    try:
        found = importlib.import_module(module)
    except ImportError:
        return None
    function = getattr(found, name, None)
    return function if callable(function) else None


def command_formats(command: str) -> tuple[str, ...]:
    """The ``--format`` choices of ``rrma-groups COMMAND``."""
    from rrma_groups.cli.app import build_parser

    parser = build_parser(None)
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for action in commands.choices[command]._actions:
        if "--format" in action.option_strings:
            return tuple(action.choices or ())
    return ()


def run_cli(*argv: str) -> tuple[int, str]:
    """``rrma-groups ARGV``: its status and what it printed."""
    from rrma_groups.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        status = main(list(argv))
    return status, out.getvalue()


@dataclass(frozen=True)
class Document:
    """A document the library writes: what it is, its language and its format."""

    what: str  # group, programme, parallel, sign-in-sheet, directory
    lang: str
    ext: str

    @property
    def name(self) -> str:
        return f"{self.what}-{self.lang}.{self.ext}"

    @property
    def stem(self) -> str:
        """The file's name without its extension: one per document, PDFs included."""
        return f"{self.what}-{self.lang}-{self.ext}"

    def write(self, path: Path) -> str | None:
        """Write the document to ``path``; why not, where the library does not write it yet."""
        if self.what in ("group", "programme", "parallel"):
            module, function = {"docx": ("docx", "to_docx"), "odt": ("odt", "to_odt")}[self.ext]
            make = optional_function(f"rrma_groups.export.{module}", function)
            if make is None:
                return f"rrma_groups.export.{module}.{function} is not available"
            if self.what == "group":
                data = make(MAROC, self.lang)
            elif self.what == "programme":
                data = make(LIMOGES, self.lang, group=MAROC)
            else:
                data = make(PARALLEL, self.lang, group=SENEGAL)
            path.write_bytes(data)
            return None
        if self.ext not in command_formats(self.what):
            return f"rrma-groups {self.what} has no --format {self.ext}"
        argv = [self.what, "--format", self.ext, "--lang", self.lang, "-o", str(path)]
        if self.what == "sign-in-sheet":
            argv += ["--meeting", "limoges-2016"]
        status, printed = run_cli(*argv)
        assert status == 0, f"rrma-groups {' '.join(argv)}:\n{printed}"
        return None


DOCUMENTS = [
    *(Document(what, lang, ext) for ext in ("docx", "odt") for what in ("group", "programme")
      for lang in LANGS),
    Document("parallel", "fr", "docx"),
    Document("parallel", "fr", "odt"),
    *(Document("sign-in-sheet", lang, ext) for ext in ("docx", "odt") for lang in LANGS),
    *(Document("directory", lang, ext) for ext in ("xlsx", "ods") for lang in LANGS),
]  # fmt: skip


@dataclass
class Written:
    """The documents written this session and their PDFs; why the others were not."""

    folder: Path
    skipped: dict[str, str]

    def pdf(self, document: Document) -> Path:
        if document.name in self.skipped:
            pytest.skip(self.skipped[document.name])
        return self.folder / "pdf" / f"{document.stem}.pdf"

    def text(self, document: Document, *options: str) -> str:
        """pdftotext's text of the document's PDF, without embedding marks, in NFKC."""
        done = subprocess.run(
            ["pdftotext", *options, str(self.pdf(document)), "-"],
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        )
        return unicodedata.normalize("NFKC", done.stdout.translate(MARKS))


@pytest.fixture(scope="session")
def written(soffice: str, profile: str, tmp_path_factory: pytest.TempPathFactory) -> Written:
    """Every document of :data:`DOCUMENTS` the library writes here, converted to PDF at once."""
    folder = tmp_path_factory.mktemp("written")
    skipped: dict[str, str] = {}
    sources = []
    for document in DOCUMENTS:
        path = folder / f"{document.stem}.{document.ext}"
        reason = document.write(path)
        if reason is None:
            sources.append(path)
        else:
            skipped[document.name] = reason
    if sources:
        convert(soffice, profile, sources, "pdf", folder / "pdf")
    return Written(folder, skipped)


@pytest.mark.parametrize("document", DOCUMENTS, ids=[d.name for d in DOCUMENTS])
def test_every_document_converts_to_pdf(written: Written, document: Document) -> None:
    """LibreOffice opens the document and prints it to a PDF of one page or more."""
    pdf = written.pdf(document)
    assert pdf.is_file(), f"LibreOffice did not convert {document.name}"
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert b"/Type /Page" in data or b"/Type/Page" in data


# --- reading the PDFs' text ------------------------------------------------------------------


def squash(text: str) -> str:
    """Text compared letter by letter: no spaces, no hyphens (a word cut at the end of a line
    comes back without its hyphen), typographic apostrophes as plain ones."""
    return re.sub(r"[\s\-‐]+", "", text.replace("’", "'"))


PAGE_BREAK = "\f"
"""pdftotext ends each page with a form feed; a token of its own between two pages' words."""


def find(tokens: list[str], start: int, phrase: str, skips: int = 12) -> int | None:
    """The index of the first token, from ``start``, where ``phrase`` begins and goes on.

    A phrase is found word after word, its words possibly cut (a cell wraps a long word), with
    up to ``skips`` tokens of the row's other cells between its lines (pdftotext's ``-layout``
    gives a table row by row, line by line); a cell that goes on on the next page is followed
    there.
    """
    want = squash(phrase)
    for begin in range(start, len(tokens)):
        if not tokens[begin] or not want.startswith(tokens[begin]):
            continue
        rest, at, skipped, turned = want[len(tokens[begin]) :], begin + 1, 0, False
        while rest and at < len(tokens):
            if skipped > skips:
                if turned or PAGE_BREAK not in tokens[at:]:
                    break
                at, skipped, turned = tokens.index(PAGE_BREAK, at) + 1, 0, True
                continue
            if tokens[at] == PAGE_BREAK:  # on the next page, under its header row
                skipped, turned = 0, True
            elif tokens[at] and rest.startswith(tokens[at]):
                rest = rest[len(tokens[at]) :]
            elif tokens[at].startswith(rest):  # the next word glued on ("Proeschelو")
                rest = ""
            else:
                skipped += 1
            at += 1
        if not rest:
            return begin
    return None


def in_order(text: str, phrases: list[str]) -> list[str]:
    """The phrases not found in the text one after the other (none: all are, in order).

    Digits and Arabic letters are split apart: pdftotext's layout may glue a cell's time to
    its neighbour's first word (``14:15–14:00استقبال``).
    """
    text = re.sub(r"(?<=\d)(?=[\u0600-\u06ff])|(?<=[\u0600-\u06ff])(?=\d)", " ", text)
    tokens = [
        token
        for page in text.split(PAGE_BREAK)
        for token in [*(squash(word) for word in page.split()), PAGE_BREAK]
    ]
    missing = []
    position = 0
    for phrase in phrases:
        found = find(tokens, position, phrase)
        if found is None:
            missing.append(phrase)
        else:
            position = found + 1
    return missing


def is_subsequence(wanted: list[Any], got: list[Any]) -> bool:
    remaining = iter(got)
    return all(any(item == seen for seen in remaining) for item in wanted)


def french_times(text: str) -> list[str]:
    return re.findall(r"\b\d{1,2}h\d\d\b", text)


def french_time(time: dt.time) -> str:
    return f"{time.hour}h{time:%M}"


def titles(meeting: Any, lang: str) -> list[str]:
    return [str(item.title.get(lang[:2])) for item in meeting.agenda]


@pytest.fixture
def pdf_reader() -> None:
    reason = extras.program_unavailable("pdftotext", "apt-get install poppler-utils")
    if reason is not None:
        pytest.skip(f"needs pdftotext: {reason}")


pytestmark_pdf = pytest.mark.usefixtures("pdf_reader")


@pytestmark_pdf
@pytest.mark.parametrize("ext", ["docx", "odt"])
class TestTheProgrammeReads:
    """The Limoges programme, printed by LibreOffice, reads in order in French and Arabic."""

    def test_french_titles_times_and_names_in_order(self, written: Written, ext: str) -> None:
        """Accueil des participants first, then each item; 14h00, 14h15... in order; the
        facilitators in their column's order; the organiser's name whole."""
        text = written.text(Document("programme", "fr", ext), "-layout")
        assert in_order(text, titles(LIMOGES, "fr")) == []
        times = [french_time(t) for item in LIMOGES.agenda for t in (item.start, item.end)]
        assert is_subsequence(times, french_times(text))
        names = ["Cap Coopération", "Khalid", "Guillaume Bertrand", "Sébastien Proeschel"]
        assert in_order(text, [*names, "Emmanuelle Pallier"]) == []
        assert "Khalid Chihani" in " ".join(text.split())

    def test_arabic_titles_times_and_names(self, written: Written, ext: str) -> None:
        """The Arabic titles of the ar-MA catalog in order, in logical order; the time
        ranges in order, each drawn as one left-to-right run, ``14:15–14:00``: its start on the
        right, read first, and no time written backwards; Latin names whole, letters in order."""
        text = written.text(Document("programme", "ar-MA", ext), "-layout")
        wanted = [t.title.text for day in meeting_view(LIMOGES, "ar-MA", MAROC).days
                  for t in day.items]  # fmt: skip
        assert wanted[0] == "استقبال المشاركين"
        assert in_order(text, wanted) == []
        # pdftotext's default mode gives each range as one run, as drawn: end, then start.
        drawn = [f"{t:%H:%M}" for item in LIMOGES.agenda for t in (item.end, item.start)]
        runs = written.text(Document("programme", "ar-MA", ext))
        assert is_subsequence(drawn, re.findall(r"\d\d:\d\d", runs))
        assert "00:41" not in text  # no time drawn backwards, digit by digit
        flat = " ".join(text.split())
        for name in ("Khalid Chihani", "Cap Coopération"):
            assert name in flat
        assert in_order(text, ["Guillaume Bertrand", "Sébastien Proeschel"]) == []
        assert "dilahK" not in text

    def test_group_page_holds_the_programme(self, written: Written, ext: str) -> None:
        """The whole group page prints its programme too, in both languages."""
        for lang in LANGS:
            text = written.text(Document("group", lang, ext), "-layout")
            assert in_order(text, [str(LIMOGES.agenda[0].title.get(lang[:2]))]) == []


@pytestmark_pdf
@pytest.mark.parametrize("ext", ["docx", "odt"])
def test_parallel_sessions_read_in_order(written: Written, ext: str) -> None:
    """The Sénégal day: both workshops of 11h00 (in two rooms) come between the break and
    lunch, every title in order, the times in order."""
    assert {item.room for item in PARALLEL.agenda} - {None}, "the example has rooms"
    text = written.text(Document("parallel", "fr", ext), "-layout")
    assert in_order(text, titles(PARALLEL, "fr")) == []
    starts = [french_time(item.start) for item in PARALLEL.agenda]
    assert is_subsequence(sorted(set(starts), key=starts.index), french_times(text))


@pytestmark_pdf
@pytest.mark.parametrize("ext", ["docx", "odt"])
@pytest.mark.parametrize("lang", LANGS)
def test_sign_in_sheet_prints(written: Written, ext: str, lang: str) -> None:
    """The sign-in sheet prints, with text (not only lines and boxes)."""
    text = written.text(Document("sign-in-sheet", lang, ext))
    assert text.strip()


@pytestmark_pdf
@pytest.mark.parametrize("ext", ["xlsx", "ods"])
@pytest.mark.parametrize("lang", LANGS)
def test_directory_prints_its_actors(written: Written, ext: str, lang: str) -> None:
    """The directory spreadsheet prints with the group's actors: the network's id and name."""
    text = written.text(Document("directory", lang, ext))
    assert "cap-cooperation" in text.split()
    assert "SO Coopération" in " ".join(text.split())


# --- what LibreOffice writes -----------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    time: str
    title: tuple[str, ...]  # the lines of the cell (a line break between them)
    facilitators: tuple[str, ...]


@dataclass(frozen=True)
class Day:
    date: str
    venue: str
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Programme:
    """A programme table as a person types it, in one language."""

    lang: str
    headers: tuple[str, str, str, str, str]  # Date, Lieu, Heure, Activité, Animateur
    days: tuple[Day, ...]
    joiner: str  # between two facilitators in a cell

    def expected(self) -> list[tuple[dt.date, str, str, str, list[str]]]:
        """(day, start, end, title, facilitators) of each row, as the reader should give them."""
        out = []
        for day in self.days:
            date = dt.datetime.strptime(day.date, "%d/%m/%Y").date()
            for row in day.rows:
                start, end = (re.sub(r"(\d+)[h:](\d\d)", r"\1:\2", t).zfill(5) for t in
                              row.time.split(" - "))  # fmt: skip
                out.append((date, start, end, " ".join(row.title), list(row.facilitators)))
        return out


FRENCH = Programme(
    "fr",
    ("Date", "Lieu", "Heure", "Activité", "Animateur"),
    (
        Day(
            "04/11/2016",
            "Limoges",
            (
                Row("14h00 - 14h15", ("Accueil des participants",), ("Cap Coopération",)),
                Row(
                    "14h15 - 14h30",
                    ("Présentation de l’ordre du jour", "et tour de table"),
                    ("Khalid Chihani",),
                ),
                Row("14h30 - 15h00", ("Présentation de la MDH",), ("Guillaume Bertrand",)),
            ),
        ),
        Day(
            "05/11/2016",
            "Limoges",
            (
                Row(
                    "9h30 - 10h00",
                    ("Présentation des structures",),
                    ("Sébastien Proeschel", "Emmanuelle Pallier"),
                ),
                Row("10h00 - 11h00", ("Restitution et conclusion",), ("Khalid Chihani",)),
            ),
        ),
    ),
    ", ",
)

ARABIC = Programme(
    "ar",
    ("التاريخ", "المكان", "التوقيت", "النشاط", "المؤطر"),
    (
        Day(
            "04/11/2016",
            "ليموج",
            (
                Row("14:00 - 14:15", ("استقبال المشاركين",), ("Cap Coopération",)),
                Row("14:15 - 14:30", ("تقديم جدول الأعمال", "وجولة تعارف"), ("Khalid Chihani",)),
                Row("14:30 - 15:00", ("تقديم دار حقوق الإنسان",), ("Guillaume Bertrand",)),
            ),
        ),
        Day(
            "05/11/2016",
            "ليموج",
            (
                Row(
                    "09:30 - 10:00",
                    ("تقديم الهيئات المشاركة",),
                    ("Sébastien Proeschel", "Emmanuelle Pallier"),
                ),
                Row("10:00 - 11:00", ("عرض الخلاصات والاختتام",), ("Khalid Chihani",)),
            ),
        ),
    ),
    "، ",
)


def html_page(programme: Programme) -> str:
    """The programme as one HTML table, Date and Lieu cells spanning their day's rows."""
    e = html.escape
    direction = ' dir="rtl"' if programme.lang == "ar" else ""
    lines = [
        "<!DOCTYPE html>",
        f'<html lang="{programme.lang}"{direction}><head><meta charset="utf-8">',
        "<title>Programme</title></head><body>",
        "<h1>Programme</h1>",
        '<table border="1">',
        "<tr>" + "".join(f"<th>{e(h)}</th>" for h in programme.headers) + "</tr>",
    ]
    for day in programme.days:
        for n, row in enumerate(day.rows):
            cells = []
            if n == 0:
                span = len(day.rows)
                cells += [f'<td rowspan="{span}">{e(day.date)}</td>',
                          f'<td rowspan="{span}">{e(day.venue)}</td>']  # fmt: skip
            cells.append(f"<td>{e(row.time)}</td>")
            cells.append("<td>" + "<br>".join(map(e, row.title)) + "</td>")
            cells.append(f"<td>{e(programme.joiner.join(row.facilitators))}</td>")
            lines.append("<tr>" + "".join(cells) + "</tr>")
    lines += ["</table>", "</body></html>", ""]
    return "\n".join(lines)


FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:automatic-styles>
  <style:style style:name="P1" style:family="paragraph">
   <style:paragraph-properties style:writing-mode="{mode}"/>
  </style:style>
  <style:style style:name="T1" style:family="table">
   <style:table-properties style:width="17cm" table:align="margins" style:writing-mode="{mode}"/>
  </style:style>
 </office:automatic-styles>
 <office:body>
  <office:text>
   <text:h text:outline-level="1" text:style-name="P1">Programme</text:h>
"""


def _cell(lines: tuple[str, ...] | str, spanned: int = 1) -> str:
    parts = (lines,) if isinstance(lines, str) else lines
    body = "<text:line-break/>".join(html.escape(p, quote=False) for p in parts)
    span = f' table:number-rows-spanned="{spanned}"' if spanned > 1 else ""
    return (
        f'<table:table-cell{span}><text:p text:style-name="P1">{body}</text:p></table:table-cell>'
    )


def flat_odt(programme: Programme) -> str:
    """The programme as a flat OpenDocument text: the first day in a table of five columns,
    Date and Lieu cells spanning its rows (the rows below hold covered cells); the second day
    under a paragraph holding its date, in a table without Date and Lieu columns."""
    mode = "rl-tb" if programme.lang == "ar" else "lr-tb"
    out = [FODT_HEAD.replace("{mode}", mode)]
    first, second = programme.days
    out.append('<table:table table:name="Jour1" table:style-name="T1">')
    out.append('<table:table-column table:number-columns-repeated="5"/>')
    out.append("<table:table-row>" + "".join(map(_cell, programme.headers)) + "</table:table-row>")
    for n, row in enumerate(first.rows):
        cells = (
            [_cell(first.date, len(first.rows)), _cell(first.venue, len(first.rows))]
            if n == 0
            else ["<table:covered-table-cell/>"] * 2
        )
        cells += [_cell(row.time), _cell(row.title), _cell(programme.joiner.join(row.facilitators))]
        out.append("<table:table-row>" + "".join(cells) + "</table:table-row>")
    out.append("</table:table>")
    out.append(f'<text:p text:style-name="P1">{second.date}</text:p>')
    out.append('<table:table table:name="Jour2" table:style-name="T1">')
    out.append('<table:table-column table:number-columns-repeated="3"/>')
    out.append(
        "<table:table-row>" + "".join(map(_cell, programme.headers[2:])) + "</table:table-row>"
    )
    for row in second.rows:
        cells = [_cell(row.time), _cell(row.title), _cell(programme.joiner.join(row.facilitators))]
        out.append("<table:table-row>" + "".join(cells) + "</table:table-row>")
    out.append("</table:table>")
    out.append("  </office:text>\n </office:body>\n</office:document>\n")
    return "\n".join(out)


HANDMADE = {
    "fr-html": (FRENCH, "html"),
    "fr-flat": (FRENCH, "fodt"),
    "ar-html": (ARABIC, "html"),
    "ar-flat": (ARABIC, "fodt"),
}
"""The hand-written sources: their programme and their format."""


@pytest.fixture(scope="session")
def saved_by_libreoffice(
    soffice: str, profile: str, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """The folder of the hand-written programmes saved by LibreOffice as .docx and .odt."""
    folder = tmp_path_factory.mktemp("libreoffice-made")
    sources = []
    for name, (programme, kind) in HANDMADE.items():
        path = folder / f"{name}.{kind}"
        path.write_text(html_page(programme) if kind == "html" else flat_odt(programme), "utf-8")
        sources.append(path)
    convert(soffice, profile, sources, "docx:MS Word 2007 XML", folder)
    convert(soffice, profile, sources, "odt", folder)
    return folder


def odt_reader(sample: Path) -> None:
    if optional_function("rrma_groups.parsing.odt_tables", "odt_text") is None:
        pytest.skip("rrma_groups.parsing.odt_tables.odt_text is not available")
    from rrma_groups.parsing.docx_tables import DocxReadError

    try:
        parse_table(sample, strict=False)
    except DocxReadError:  # an .odt taken for a .docx: parse_table does not read .odt yet
        pytest.skip("parse_table does not read .odt files yet")


def docx_reader(sample: Path) -> None:
    reason = extras.module_unavailable("docx")
    if reason is not None:
        pytest.skip(f"needs the office extra: {reason}")


READERS = {"docx": docx_reader, "odt": odt_reader}


def facilitator_names(item: Any) -> list[str]:
    names = []
    for facilitator in item.facilitators:
        label = getattr(facilitator, "label", None)
        names.append(str(label if label is not None else facilitator.role.get()))
    return names


@pytest.mark.parametrize("ext", ["docx", "odt"])
@pytest.mark.parametrize("name", list(HANDMADE))
def test_libreoffice_documents_are_read(saved_by_libreoffice: Path, name: str, ext: str) -> None:
    """Every row comes back: its day (from the merged Date cell, or the date above the second
    table), its times, its title (the two lines of a cell joined by a space) and each of its
    facilitators."""
    programme, _ = HANDMADE[name]
    path = saved_by_libreoffice / f"{name}.{ext}"
    READERS[ext](path)
    assert path.is_file(), f"LibreOffice did not write {path.name}"
    result = parse_table(path, language=programme.lang, strict=True)
    expected = programme.expected()
    assert result.date == expected[0][0]
    got = [
        (
            result.date if item.day is None else item.day,
            f"{item.start:%H:%M}",
            f"{item.end:%H:%M}",
            str(item.title.get(programme.lang)),
            facilitator_names(item),
        )
        for item in result.agenda
    ]
    assert got == expected


@pytest.mark.parametrize("ext", ["docx", "odt"])
@pytest.mark.parametrize("name", ["fr-flat", "ar-html"])
def test_libreoffice_documents_through_the_command(
    saved_by_libreoffice: Path, name: str, ext: str
) -> None:
    """``rrma-groups import-agenda programme.docx`` (or .odt) reads the same items."""
    programme, _ = HANDMADE[name]
    path = saved_by_libreoffice / f"{name}.{ext}"
    READERS[ext](path)
    status, printed = run_cli("import-agenda", str(path), "--format", "json",
                              "--lang", programme.lang)  # fmt: skip
    assert status == 0, printed
    document = json.loads(printed[printed.index("{") :] if "{" in printed else printed)
    items = list(_items(document))
    assert [item["start"][:5] for item in items] == [e[1] for e in programme.expected()]


def _items(document: Any) -> Iterator[dict[str, Any]]:
    """The agenda items of import-agenda's JSON, however deep they are."""
    if isinstance(document, dict):
        if "start" in document and "title" in document:
            yield document
        else:
            for value in document.values():
                yield from _items(value)
    elif isinstance(document, list):
        for value in document:
            yield from _items(value)
