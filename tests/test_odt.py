"""OpenDocument texts (.odt): the programme written with odfdo and read back by the table
import, in French and Arabic; hand-made documents (spans, line breaks, a date above a table,
several tables, flat .fodt); the errors for files that are no .odt, and without odfdo."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("odfdo")

from lxml import etree

from rrma_groups import examples, parse_table, to_odt
from rrma_groups.activity.participation import participants
from rrma_groups.cli import main
from rrma_groups.export.odt import sign_in_sheet_odt
from rrma_groups.parsing.odt_tables import (
    OdtEngineError,
    OdtReadError,
    is_odt,
    odt_text,
)
from rrma_groups.parsing.office_archive import MAX_OFFICE_ENTRIES
from rrma_groups.render.view import meeting_view

GROUP = examples.groupe_pays_maroc()
MEETING = GROUP.meeting("limoges-2016")
ROOT = Path(__file__).resolve().parent.parent
ISOLATES = dict.fromkeys(map(ord, "\u2066\u2067\u2068\u2069"))
NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
}
MIMETYPE = b"application/vnd.oasis.opendocument.text"


def q(prefix: str, name: str) -> str:
    """An attribute's name as lxml writes it: ``{namespace}name``."""
    return f"{{{NS[prefix]}}}{name}"


def _facilitators(item: object) -> list[str]:
    names = []
    for f in item.facilitators:  # type: ignore[attr-defined]
        label = getattr(f, "label", None)
        names.append(str(label if label is not None else f.role.get()))
    return names


def _part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read(name))


def _odt(body: str, *, extra: dict[str, bytes] | None = None, mimetype: bytes = MIMETYPE) -> bytes:
    """A hand-made .odt whose office:text holds ``body``."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="{office}" xmlns:text="{text}" '
        'xmlns:table="{table}" office:version="1.3"><office:body><office:text>'.format(**NS)
        + body
        + "</office:text></office:body></office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content.encode())
        for name, value in (extra or {}).items():
            archive.writestr(name, value)
    return out.getvalue()


def _row(*cells: str) -> str:
    return "<table:table-row>" + "".join(cells) + "</table:table-row>"


def _cell(text: str, **attributes: str) -> str:
    attrs = "".join(f' table:{k.replace("_", "-")}="{v}"' for k, v in attributes.items())
    return f"<table:table-cell{attrs}><text:p>{text}</text:p></table:table-cell>"


COVERED = "<table:covered-table-cell/>"


# --- round trips ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "ar-MA"])
def test_seed_programme_round_trip(lang: str) -> None:
    data = to_odt(GROUP, lang, meeting="limoges-2016")
    assert is_odt(data)
    result = parse_table(data, language=lang[:2], strict=True)
    items = list(result.agenda)
    view = meeting_view(MEETING, lang, GROUP)
    written = [item for day in view.days for item in day.items]
    assert len(items) == len(written) == 11
    assert result.date == MEETING.date
    for got, want, seed in zip(items, written, MEETING.agenda, strict=True):
        assert str(got.title.get(lang[:2])) == want.title.text
        assert (got.start, got.end) == (want.start, want.end) == (seed.start, seed.end)
        names = [p.text.translate(ISOLATES) for p in want.facilitators]
        whole = " ".join(want.facilitators_text.translate(ISOLATES).split())
        assert _facilitators(got) in (names, [whole] if whole else [])


def test_parallel_sessions_round_trip() -> None:
    senegal = examples.groupe_pays_senegal()
    meeting = senegal.meeting("journee-2025")
    data = to_odt(meeting, "fr", group=senegal)
    text = odt_text(data)
    assert text.splitlines()[0].split("\t") == [
        "Date", "Lieu", "Heure", "Salle", "Activité", "Animateur",
    ]  # fmt: skip
    items = list(parse_table(data, group=senegal, strict=True).agenda)
    assert [str(i.title.get("fr")) for i in items] == [
        str(i.title.get("fr")) for i in meeting.agenda
    ]
    assert [(i.start, i.end) for i in items] == [(i.start, i.end) for i in meeting.agenda]


def test_seed_round_trip_through_the_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    path = tmp_path / "programme.odt"
    assert main(["render", "--format", "odt", "-m", "limoges-2016", "-o", str(path)]) == 0
    assert main(["import-agenda", str(path), "--format", "json", "--lang", "fr"]) == 0
    assert capsys.readouterr().out.count('"start"') == 11


def test_odt_needs_a_file_to_write(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", "--format", "odt"]) == 2
    assert "-o" in capsys.readouterr().err


# --- what is written --------------------------------------------------------------------------


def test_arabic_is_right_to_left_at_every_level() -> None:
    data = to_odt(GROUP, "ar-MA", meeting="limoges-2016")
    styles, content = _part(data, "styles.xml"), _part(data, "content.xml")
    standard = styles.find(".//style:style[@style:name='Standard']", NS)
    properties = standard.find("style:paragraph-properties", NS)
    assert properties.get(q("style", "writing-mode")) == "rl-tb"
    assert properties.get(q("fo", "text-align")) == "end"
    default = styles.find(
        ".//style:default-style[@style:family='paragraph']/style:text-properties", NS
    )
    assert default.get(q("style", "language-complex")) == "ar"
    assert default.get(q("style", "country-complex")) == "MA"
    assert default.get(q("style", "font-name-complex")) == "Noto Naskh Arabic"
    page = styles.find(".//style:page-layout-properties", NS)
    assert page.get(q("style", "writing-mode")) == "rl-tb"
    table = content.find(".//table:table", NS)
    name = table.get(q("table", "style-name"))
    table_style = content.find(f".//style:style[@style:name='{name}']/style:table-properties", NS)
    assert table_style.get(q("style", "writing-mode")) == "rl-tb"
    meta = _part(data, "meta.xml")
    assert meta.find(".//dc:language", NS).text == "ar-MA"
    assert "\u2067" not in "".join(content.itertext())  # times are not isolated (see odt.py)


def test_french_is_left_to_right() -> None:
    data = to_odt(GROUP, "fr", meeting="limoges-2016")
    assert b"rl-tb" not in _zip_part(data, "styles.xml")
    assert b"rl-tb" not in _zip_part(data, "content.xml")
    meta = _part(data, "meta.xml")
    assert meta.find(".//dc:language", NS).text == "fr"
    assert meta.find(".//dc:title", NS).text == "Groupe Pays Maroc (GPMar)"


def _zip_part(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


def test_named_styles_headings_and_spans() -> None:
    content = _part(to_odt(GROUP, "fr", meeting="limoges-2016"), "content.xml")
    headings = [(h.get(q("text", "outline-level")), h.get(q("text", "style-name"))) for h in
                content.iterfind(".//text:h", NS)]  # fmt: skip
    assert ("1", "Heading_20_1") in headings
    assert ("2", "Heading_20_2") in headings
    assert content.find(".//text:list/text:list-item/text:p[@text:style-name]", NS) is not None
    assert all(
        p.get(q("text", "style-name")) for p in content.iterfind(".//office:text//text:p", NS)
    )  # every paragraph has a named style, no direct formatting
    table = content.find(".//table:table", NS)
    header = table.find("table:table-header-rows/table:table-row", NS)
    assert ["".join(c.itertext()) for c in header] == [
        "Date", "Lieu", "Heure", "Activité", "Animateur",
    ]  # fmt: skip
    rows = table.findall("table:table-row", NS)
    assert len(rows) == 11
    first = rows[0].findall("table:table-cell", NS)
    assert first[0].get(q("table", "number-rows-spanned")) == "11"
    assert all(len(row.findall("table:covered-table-cell", NS)) == 2 for row in rows[1:])


def test_sign_in_sheet() -> None:
    data = sign_in_sheet_odt(GROUP, "limoges-2016", "ar-MA", blank_rows=2)
    content = _part(data, "content.xml")
    table = content.find(".//table:table", NS)
    header = table.find("table:table-header-rows/table:table-row", NS)
    assert len(header) == 4
    rows = table.findall("table:table-row", NS)
    assert len(rows) == len(participants(GROUP, MEETING)) + 2
    assert b"rl-tb" in _zip_part(data, "content.xml")
    assert "Guillaume Bertrand" in "".join(content.itertext())


# --- hand-made documents ----------------------------------------------------------------------


def test_line_breaks_spaces_date_paragraph_and_two_tables() -> None:
    body = (
        "<text:h text:outline-level='1'>Programme</text:h>"
        "<text:p>Vendredi 4 novembre 2016 :</text:p>"
        "<table:table>"
        + _row(_cell("Heure"), _cell("Activité"), _cell("Animateur"))
        + _row(
            _cell("14h00<text:s text:c='2'/>-<text:tab/>14h15"),
            "<table:table-cell><text:p>Accueil</text:p><text:p>des participants</text:p>"
            "</table:table-cell>",
            _cell("Khalid<text:line-break/>Sébastien Proeschel"),
        )
        + "</table:table>"
        "<text:p>Samedi 5 novembre 2016</text:p>"
        "<table:table>"
        + _row(_cell("Heure"), _cell("Activité"))
        + _row(
            _cell("9h00 - 9h30"),
            _cell("Café<office:annotation><text:p>note</text:p></office:annotation>"),
        )
        + "</table:table>"
    )
    text = odt_text(_odt(body))
    assert text.splitlines() == [
        "Date\tHeure\tActivité\tAnimateur",
        "Vendredi 4 novembre 2016\t14h00 - 14h15\tAccueil des participants\t"
        "Khalid Sébastien Proeschel",
        "Samedi 5 novembre 2016\t9h00 - 9h30\tCafé\t",
    ]
    items = list(parse_table(_odt(body), strict=True).agenda)
    assert [str(i.title.get("fr")) for i in items] == ["Accueil des participants", "Café"]
    assert items[1].day is not None


def test_spans_and_repeats() -> None:
    body = (
        "<table:table><table:table-header-rows>"
        + _row(_cell("Date"), _cell("Heure"), _cell("Activité"))
        + "</table:table-header-rows>"
        + _row(_cell("04/11/2016", number_rows_spanned="2"), _cell("14h00"), _cell("Accueil"))
        + _row(COVERED, _cell("14h15"), _cell("Ordre du jour"))
        + "<table:table-row table:number-rows-repeated='40'>"
        "<table:table-cell table:number-columns-repeated='1000'/></table:table-row>"
        + "</table:table>"
    )
    assert odt_text(_odt(body)).splitlines() == [
        "Date\tHeure\tActivité",
        "04/11/2016\t14h00\tAccueil",
        "\t14h15\tOrdre du jour",
    ]


def test_flat_odt() -> None:
    odfdo = pytest.importorskip("odfdo")
    document = odfdo.Document(io.BytesIO(to_odt(GROUP, "fr", meeting="limoges-2016")))
    out = io.BytesIO()
    document.save(out, packaging="xml")
    flat = out.getvalue()
    assert is_odt(flat)
    assert len(list(parse_table(flat, strict=True).agenda)) == 11


def test_a_path_named_odt(tmp_path: Path) -> None:
    path = tmp_path / "programme.odt"
    path.write_bytes(to_odt(GROUP, "fr", meeting="limoges-2016"))
    assert len(list(parse_table(path, strict=True).agenda)) == 11
    other = tmp_path / "programme.bin"  # the bytes say what it is
    other.write_bytes(path.read_bytes())
    assert len(list(parse_table(other, strict=True).agenda)) == 11


# --- refusals ---------------------------------------------------------------------------------

_ENCRYPTED_MANIFEST = (
    b'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
    b'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
    b'<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">'
    b'<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"/>'
    b"</manifest:file-entry></manifest:manifest>"
)
_BOMB = b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><office:document-content/>'


def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return out.getvalue()


def _declared_bomb() -> bytes:
    """A small archive whose directory says content.xml unpacks to 129 MB."""
    data = bytearray(_zip({"mimetype": MIMETYPE, "content.xml": b"<x/>"}))
    size = (129 * 1024 * 1024).to_bytes(4, "little")
    at = data.rfind(b"PK\x01\x02")  # the central directory entry of content.xml
    data[at + 24 : at + 28] = size
    return bytes(data)


BAD = {
    "bad zip": (
        b"PK\x03\x04 not really a zip",
        "the archive is damaged or cut short ('File is not a zip file')",
    ),
    "not a zip": (b"\x00\x01 hello", "it is not a zip archive"),
    "encrypted manifest": (
        _odt("<text:p>x</text:p>", extra={"META-INF/manifest.xml": _ENCRYPTED_MANIFEST}),
        "it is encrypted (protected by a password)",
    ),
    "zip of something else": (
        _zip({"hello.txt": b"hello"}),
        "the archive has no content.xml: it is not an OpenDocument text",
    ),
    "a spreadsheet": (
        _odt("", mimetype=b"application/vnd.oasis.opendocument.spreadsheet"),
        "it is not an OpenDocument text (application/vnd.oasis.opendocument.spreadsheet)",
    ),
    "too many entries": (
        _zip({f"f{n}": b"" for n in range(MAX_OFFICE_ENTRIES + 1)}),
        "the archive has 4,097 entries, more than 4,096",
    ),
    "bomb by declared size": (
        _declared_bomb(),
        "the archive unpacks to 135,266,343 bytes, more than 134,217,728",
    ),
    "entity expansion": (
        _zip({"mimetype": MIMETYPE, "content.xml": _BOMB}),
        "content.xml declares a DTD or entities, which an OpenDocument file never does",
    ),
    "not XML": (
        _zip({"mimetype": MIMETYPE, "content.xml": b"<a><b></a>"}),
        "content.xml is not well-formed XML ('mismatched tag')",
    ),
}


@pytest.mark.parametrize("name", list(BAD))
def test_not_an_odt_is_a_clear_error(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, reason = BAD[name]
    with pytest.raises(OdtReadError) as caught:
        odt_text(data, source="programme.odt")
    error = caught.value
    assert error.path == "programme.odt"
    assert error.code == "odt_unreadable"
    message = error.describe("en")
    prefix = "programme.odt: not an OpenDocument text (.odt) that can be read: "
    assert message.startswith(prefix + reason), message
    assert "programme.odt" in error.describe("fr")
    assert "programme.odt" in error.describe("ar")
    path = tmp_path / "programme.odt"
    path.write_bytes(data)
    assert main(["import-agenda", str(path)]) == 2
    err = capsys.readouterr().err
    assert str(path) in err
    assert "Traceback" not in err


def test_without_odfdo_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "odfdo", None)
    with pytest.raises(OdtEngineError) as caught:
        to_odt(GROUP, "fr")
    assert 'pip install "rrma-groups[office]"' in caught.value.describe(None)
    assert 'pip install "rrma-groups[office]"' in caught.value.describe("ar")
    # Reading needs no odfdo.
    assert odt_text(_odt("<text:p>14h00 Accueil</text:p>")) == "14h00 Accueil\n"


# --- the command ------------------------------------------------------------------------------


def test_import_agenda_into_a_group_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    example = ROOT / "examples" / "groupe_pays_maroc.toml"
    text = example.read_text(encoding="utf-8").replace("\nend = 17:30:00\n", "\nend = 18:00:00\n")
    group_file = tmp_path / "groupe.toml"
    group_file.write_text(text, encoding="utf-8")
    body = (
        "<table:table>"
        + _row(_cell("Heure"), _cell("Activité"), _cell("Animateur"))
        + _row(_cell("17h30 - 17h45"), _cell("Photo de groupe"), _cell("Khalid"))
        + "</table:table>"
    )
    programme = tmp_path / "programme.odt"
    programme.write_bytes(_odt(body))
    argv = ["import-agenda", str(programme), "--into", str(group_file), "--meeting",
            "limoges-2016"]  # fmt: skip
    assert main(argv) == 0, capsys.readouterr().err
    assert "items added to the meeting 'limoges-2016'" in capsys.readouterr().err
    import rrma_groups

    agenda = rrma_groups.load(group_file).meeting("limoges-2016").agenda
    assert [str(i.title) for i in agenda][-1] == "Photo de groupe"
