"""The directory as spreadsheets (.xlsx with openpyxl, .ods with odfdo), read back: one sheet
named in the language, the header row in the language and frozen, typed cells, Arabic right to
left, formula injection neutralised as in the CSV file; the command's --format xlsx|ods; the
errors without the engines."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

openpyxl = pytest.importorskip("openpyxl")
odfdo = pytest.importorskip("odfdo")

import rrma_groups  # noqa: E402
from rrma_groups.activity.directory import DirectoryError, directory  # noqa: E402
from rrma_groups.cli import main  # noqa: E402
from rrma_groups.examples import groupe_pays_maroc  # noqa: E402
from rrma_groups.export.spreadsheet import (  # noqa: E402
    OdfEngineError,
    XlsxEngineError,
    directory_ods,
    directory_xlsx,
    sheet_name,
    table_ods,
    table_xlsx,
)
from rrma_groups.render.data_tables import Cell, Table  # noqa: E402
from rrma_groups.render.directory import render_directory  # noqa: E402

GROUP = groupe_pays_maroc()
HOSTILE = {
    "exemple-asso-diaspora": '=HYPERLINK("http://evil.example","clic")',
    "exemple-asso-limousin-souss": "+cmd|' /C calc'!A0",
    "exemple-fondation": "@SUM(A1:A9)",
    "mdh": "-2+3",
}
ODS_TYPE = "office:value-type"


def hostile_group() -> rrma_groups.CountryGroup:
    """The example with actors whose names a spreadsheet would run as formulas."""
    data = json.loads(rrma_groups.dumps(GROUP, "json"))
    for actor in data["actors"]:
        if actor["id"] in HOSTILE:
            actor["name"] = HOSTILE[actor["id"]]
    data["actors"][0]["website"] = "https://www.example.org/annuaire?id=1"
    return rrma_groups.loads(json.dumps(data), "json")


def csv_rows(group: rrma_groups.CountryGroup, lang: str, **filters: Any) -> list[list[str]]:
    text = render_directory(group, directory(group, lang=lang, **filters), "csv", lang)
    return list(csv.reader(io.StringIO(text)))


def xlsx_sheet(data: bytes) -> Any:
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    assert len(workbook.worksheets) == 1
    return workbook.worksheets[0]


def xlsx_rows(sheet: Any) -> list[list[str]]:
    return [["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]


def ods_table(data: bytes) -> Any:
    document = odfdo.Document(io.BytesIO(data))
    tables = document.body.tables
    assert len(tables) == 1
    return tables[0]


def ods_rows(table: Any) -> list[list[str]]:
    rows = []
    for row in table.traverse():
        cells = [cell.value if cell.value is not None else "" for cell in row.traverse()]
        rows.append([str(c) for c in cells][: table.width])
    return rows


# --- .xlsx -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "sheet", "first_header", "rtl"),
    [
        ("fr", "Annuaire des acteurs", "Identifiant", False),
        ("ar", "دليل الفاعلين", "المعرّف", True),
        ("ar-MA", "دليل الفاعلين", "المعرّف", True),
    ],
)
def test_xlsx_sheet_header_frozen_and_direction(
    lang: str, sheet: str, first_header: str, rtl: bool
) -> None:
    ws = xlsx_sheet(directory_xlsx(GROUP, lang))
    assert ws.title == sheet
    assert ws.freeze_panes == "A2"
    assert bool(ws.sheet_view.rightToLeft) is rtl
    rows = xlsx_rows(ws)
    expected = csv_rows(GROUP, lang)
    assert rows[0][0] == first_header
    assert rows[0] == expected[0]
    assert len(rows) == len(directory(GROUP)) + 1
    assert all(ws.cell(row=1, column=c).font.b for c in range(1, len(rows[0]) + 1))


@pytest.mark.parametrize("lang", ["fr", "en", "ar"])
def test_xlsx_agrees_with_the_csv_file(lang: str) -> None:
    """Cell for cell, the same text as the CSV directory (its ids, websites, empty cells)."""
    rows = xlsx_rows(xlsx_sheet(directory_xlsx(GROUP, lang)))
    assert rows == csv_rows(GROUP, lang)


def test_xlsx_cells_are_typed_and_widths_sensible() -> None:
    ws = xlsx_sheet(directory_xlsx(hostile_group(), "fr"))
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            assert cell.value is None or cell.data_type == "s"
    websites = [c.value for c in ws["K"][1:] if c.value]
    assert websites == ["https://www.example.org/annuaire?id=1"]
    assert not any(c.hyperlink for row in ws.iter_rows() for c in row)
    widths = [ws.column_dimensions[letter].width for letter in "ABCDEFGHIJK"]
    assert all(6 <= w <= 48 for w in widths)
    assert widths[1] > widths[3]  # the names wider than the départements


def test_xlsx_numbers_and_dates_of_a_table() -> None:
    """Number cells are numbers and ISO dates dates; a code like "01" stays text."""
    table = Table(
        ("Date", "Participants", "Département"),
        (
            (
                Cell("4 novembre 2016", data="2016-11-04"),
                Cell("1 234", kind="number", data="1234"),
                Cell("01", kind="ltr"),
            ),
        ),
    )
    ws = xlsx_sheet(table_xlsx(table, "fr", sheet="Rapport"))
    date, number, code = (ws.cell(row=2, column=c) for c in (1, 2, 3))
    assert date.is_date
    assert date.value.date() == dt.date(2016, 11, 4)
    assert number.value == 1234
    assert number.data_type == "n"
    assert code.value == "01"
    assert code.data_type == "s"
    doc = ods_table(table_ods(table, "fr", sheet="Rapport"))
    cells = doc.get_row(1).cells
    assert [c.get_attribute(ODS_TYPE) for c in cells] == ["date", "float", "string"]
    assert cells[1].value == 1234


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_xlsx_formula_injection_stays_text_as_in_the_csv(lang: str) -> None:
    group = hostile_group()
    data = directory_xlsx(group, lang)
    ws = xlsx_sheet(data)
    names = {row[0].value: row[1] for row in ws.iter_rows(min_row=2)}
    expected = {row[0]: row[1] for row in csv_rows(group, lang)[1:]}
    for key, name in HOSTILE.items():
        cell = names[key]
        assert cell.data_type == "s"
        assert cell.value == expected[key]
        assert cell.value.startswith("'" + name)  # then "(fictional example)"
    # Nothing in the archive is a formula.
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet
    assert "<f " not in sheet


# --- .ods ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "sheet", "first_header", "mode"),
    [
        ("fr", "Annuaire des acteurs", "Identifiant", "lr-tb"),
        ("ar-MA", "دليل الفاعلين", "المعرّف", "rl-tb"),
    ],
)
def test_ods_sheet_header_frozen_and_direction(
    lang: str, sheet: str, first_header: str, mode: str
) -> None:
    data = directory_ods(GROUP, lang)
    table = ods_table(data)
    assert table.name == sheet
    rows = ods_rows(table)
    assert rows[0][0] == first_header
    assert rows == csv_rows(GROUP, lang)
    assert len(rows) == len(directory(GROUP)) + 1
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        content = archive.read("content.xml").decode()
        settings = archive.read("settings.xml").decode()
    assert f'style:writing-mode="{mode}"' in content
    assert "<table:table-header-rows>" in content
    entry = settings.split(f'config:config-item-map-entry config:name="{sheet}">', 1)[1]
    for name, value in (("VerticalSplitMode", "2"), ("VerticalSplitPosition", "1")):
        assert f'config:name="{name}" config:type="' in entry
        assert f'config:name="{name}" config:type="short">{value}<' in entry or (
            f'config:name="{name}" config:type="int">{value}<' in entry
        )
    assert 'config:name="PositionBottom" config:type="int">1<' in entry
    assert 'config:name="HorizontalSplitMode" config:type="short">0<' in entry


ODF = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
}


def odf(name: str) -> str:
    """``prefix:local`` as ElementTree names it."""
    prefix, local = name.split(":")
    return f"{{{ODF[prefix]}}}{local}"


@pytest.mark.parametrize(("lang", "mode"), [("fr", "lr-tb"), ("ar-MA", "rl-tb")])
def test_ods_prints_landscape_one_page_wide_header_repeated(lang: str, mode: str) -> None:
    """As the .xlsx: A4 landscape, scaled to the page's width (as many pages down as needed),
    the header row printed on each page; the sheet's direction unchanged."""
    with zipfile.ZipFile(io.BytesIO(directory_ods(GROUP, lang))) as archive:
        styles = ElementTree.fromstring(archive.read("styles.xml"))
        content = ElementTree.fromstring(archive.read("content.xml"))
    table = content.find(f".//{odf('table:table')}")
    assert table is not None
    table_style = next(
        style
        for style in content.iter(odf("style:style"))
        if style.get(odf("style:name")) == table.get(odf("table:style-name"))
    )
    properties = table_style.find(odf("style:table-properties"))
    assert properties is not None
    assert properties.get(odf("style:writing-mode")) == mode
    master = next(
        page
        for page in styles.iter(odf("style:master-page"))
        if page.get(odf("style:name")) == table_style.get(odf("style:master-page-name"))
    )
    automatic = styles.find(odf("office:automatic-styles"))
    assert automatic is not None
    layout = next(
        layout
        for layout in automatic.iter(odf("style:page-layout"))
        if layout.get(odf("style:name")) == master.get(odf("style:page-layout-name"))
    )
    page = layout.find(odf("style:page-layout-properties"))
    assert page is not None
    assert page.get(odf("style:print-orientation")) == "landscape"
    assert (page.get(odf("fo:page-width")), page.get(odf("fo:page-height"))) == ("29.7cm", "21cm")
    for side in ("top", "bottom", "left", "right"):
        assert page.get(odf(f"fo:margin-{side}")) == "1.5cm"
    # Fitted to one page wide, as LibreOffice writes it: no scale-to-Y, no fixed scale.
    assert page.get(odf("style:scale-to-X")) == "1"
    assert page.get(odf("style:scale-to-Y")) in (None, "0")
    assert page.get(odf("style:scale-to")) is None
    headers = table.find(odf("table:table-header-rows"))
    assert headers is not None
    assert len(headers.findall(odf("table:table-row"))) == 1
    assert list(table).index(headers) < [child.tag for child in table].index(odf("table:table-row"))


def test_ods_cells_are_strings_and_injection_neutralised() -> None:
    group = hostile_group()
    table = ods_table(directory_ods(group, "en"))
    expected = {row[0]: row[1] for row in csv_rows(group, "en")[1:]}
    seen = 0
    for row in list(table.traverse())[1:]:
        cells = list(row.traverse())
        key = cells[0].value
        for cell in cells:
            if cell.value is not None:
                assert cell.get_attribute(ODS_TYPE) == "string"
                assert "formula" not in "".join(cell.attributes)
        if key in HOSTILE:
            assert cells[1].value == expected[key]
            assert cells[1].value.startswith("'" + HOSTILE[key])
            seen += 1
    assert seen == len(HOSTILE)


def test_filters_and_sort_are_those_of_the_directory() -> None:
    filters: dict[str, Any] = {"kinds": ["association"], "sort": "kind"}
    ws = xlsx_sheet(directory_xlsx(GROUP, "fr", **filters))
    ids = [entry.actor.id for entry in directory(GROUP, lang="fr", **filters)]
    assert [row[0].value for row in ws.iter_rows(min_row=2)] == ids
    table = ods_table(directory_ods(GROUP, "fr", **filters))
    assert [r[0] for r in ods_rows(table)[1:]] == ids
    with pytest.raises(DirectoryError):
        directory_xlsx(GROUP, "fr", kinds=["nope"])
    with pytest.raises(DirectoryError):
        directory_ods(GROUP, "fr", sort="nope")  # type: ignore[arg-type]


def test_sheet_names_that_spreadsheets_take() -> None:
    assert sheet_name("a/b:c*d?e[f]g\\h") == "a b c d e f g h"
    assert len(sheet_name("x" * 40)) == 31
    assert sheet_name("'quoted'") == "quoted"
    assert sheet_name("[]") == "1"


# --- without the engines, and the command ----------------------------------------------------


@pytest.mark.parametrize(
    ("module", "function", "error"),
    [("openpyxl", directory_xlsx, XlsxEngineError), ("odfdo", directory_ods, OdfEngineError)],
)
def test_without_the_engine_the_error_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, module: str, function: Any, error: type[Exception]
) -> None:
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(error) as caught:
        function(GROUP, "fr")
    assert isinstance(caught.value, RuntimeError)
    for lang in (None, "fr", "ar"):
        text = caught.value.describe(lang)  # type: ignore[attr-defined]
        assert f'pip install "rrma-groups[office]" ({module})' in text
    assert "installez-le" in caught.value.describe("fr")  # type: ignore[attr-defined]


@pytest.mark.parametrize("format", ["xlsx", "ods"])
def test_command_needs_an_output_file(capsys: pytest.CaptureFixture[str], format: str) -> None:
    assert main(["directory", "--format", format]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"--format {format} writes a binary file: add -o FILE\n"
    assert main(["directory", "--format", format, "-l", "fr"]) == 2
    assert "ajoutez -o FICHIER" in capsys.readouterr().err


def test_command_writes_the_spreadsheets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    xlsx, ods = tmp_path / "annuaire.xlsx", tmp_path / "annuaire.ods"
    args = ["--kind", "association", "-l", "ar"]
    assert main(["directory", "--format", "xlsx", "-o", str(xlsx), *args]) == 0
    assert main(["directory", "--format", "ods", "-o", str(ods), *args]) == 0
    assert capsys.readouterr() == ("", "")
    expected = csv_rows(GROUP, "ar", kinds=["association"])
    assert xlsx_rows(xlsx_sheet(xlsx.read_bytes())) == expected
    assert ods_rows(ods_table(ods.read_bytes())) == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == ["annuaire.ods", "annuaire.xlsx"]


def test_command_without_the_engine(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    target = tmp_path / "annuaire.xlsx"
    assert main(["directory", "--format", "xlsx", "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert 'pip install "rrma-groups[office]" (openpyxl)' in err
    assert "Traceback" not in err
    assert not target.exists()
