"""The sign-in sheet as a Word document (and as OpenDocument text through the command): the
meeting, the registered participants then the blank rows, the header row repeated on each page,
tall rows, right to left at every level in Arabic; the command's --format docx|odt."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import pytest

docx = pytest.importorskip("docx")

from rrma_groups.activity.directory import sort_key  # noqa: E402
from rrma_groups.activity.participation import participants  # noqa: E402
from rrma_groups.cli import main  # noqa: E402
from rrma_groups.examples import groupe_pays_maroc  # noqa: E402
from rrma_groups.export.docx import sign_in_sheet_docx  # noqa: E402
from rrma_groups.parsing.docx_tables import DocxEngineError  # noqa: E402
from rrma_groups.render import RenderError  # noqa: E402
from rrma_groups.render.sign_in_sheet import MAX_BLANK_ROWS, sign_in_view  # noqa: E402

GROUP = groupe_pays_maroc()
MEETING = GROUP.meeting("limoges-2016")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ISOLATES = "\u2066\u2067\u2068\u2069"


def document_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("word/document.xml").decode()


def table_rows(data: bytes) -> list[list[str]]:
    document = docx.Document(io.BytesIO(data))
    assert len(document.tables) == 1
    return [[cell.text for cell in row.cells] for row in document.tables[0].rows]


@pytest.mark.parametrize("lang", ["fr", "en", "ar-MA"])
def test_participants_then_blank_rows(lang: str) -> None:
    data = sign_in_sheet_docx(GROUP, "limoges-2016", lang, blank_rows=3)
    rows = table_rows(data)
    view = sign_in_view(GROUP, "limoges-2016", lang, blank_rows=3)
    assert rows[0] == list(view.headers)
    people = sorted(participants(GROUP, MEETING), key=lambda p: (sort_key(p.name), p.name))
    assert len(rows) == 1 + len(people) + 3
    for row, person in zip(rows[1:], people, strict=False):
        assert row[1].startswith(person.name)
    for row in rows[1 + len(people) :]:
        assert row[1:] == ["", "", ""]
        assert row[0]
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert view.title.text in text
    assert view.when in text
    assert all(piece.text in text for piece in view.where)
    assert view.total in text


def test_french_sheet_reads_as_the_html_one() -> None:
    data = sign_in_sheet_docx(GROUP, "limoges-2016", "fr", blank_rows=0)
    document = docx.Document(io.BytesIO(data))
    assert document.paragraphs[0].text == "Feuille d’émargement"
    assert document.paragraphs[0].style.name == "Heading 1"
    assert document.core_properties.title.startswith("Feuille d’émargement — ")
    rows = table_rows(data)
    assert rows[0] == ["N°", "Nom", "Structure", "Signature"]
    assert len(rows) == 1 + len(MEETING.participants)


def test_header_repeated_rows_tall_and_kept_whole() -> None:
    xml = document_xml(sign_in_sheet_docx(GROUP, "limoges-2016", "fr", blank_rows=2))
    assert xml.count("<w:tblHeader/>") == 1
    rows = 1 + len(MEETING.participants) + 2
    assert xml.count("<w:cantSplit/>") == rows - 1
    assert xml.count('w:hRule="atLeast"') == rows - 1
    assert "w:bidiVisual" not in xml
    assert "<w:bidi/>" not in xml


def test_arabic_is_right_to_left_at_every_level() -> None:
    data = sign_in_sheet_docx(GROUP, "limoges-2016", "ar-MA", blank_rows=2)
    xml = document_xml(data)
    assert "<w:bidiVisual/>" in xml  # the table: its first column on the right
    assert xml.count("<w:bidi/>") >= 10  # the section and every paragraph
    assert "<w:rtl/>" in xml
    assert 'w:bidi="ar-MA"' in xml
    document = docx.Document(io.BytesIO(data))
    assert document.sections[0]._sectPr.find(f"{W}bidi") is not None
    assert all(
        p._p.pPr is not None and p._p.pPr.find(f"{W}bidi") is not None for p in document.paragraphs
    )
    rows = table_rows(data)
    assert rows[0][3] == "التوقيع"
    assert not any(char in cell for row in rows for cell in row for char in ISOLATES)


@pytest.mark.parametrize("blank_rows", [-1, MAX_BLANK_ROWS + 1])
def test_blank_rows_out_of_bounds(blank_rows: int) -> None:
    with pytest.raises(RenderError) as caught:
        sign_in_sheet_docx(GROUP, "limoges-2016", "fr", blank_rows=blank_rows)
    assert isinstance(caught.value, ValueError)
    assert "blank_rows" in caught.value.describe("ar")


def test_unknown_meeting() -> None:
    with pytest.raises(RenderError, match="no meeting 'nope'"):
        sign_in_sheet_docx(GROUP, "nope")


def test_without_python_docx(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "docx", None)
    with pytest.raises(DocxEngineError) as caught:
        sign_in_sheet_docx(GROUP, "limoges-2016")
    assert 'pip install "rrma-groups[office]" (python-docx)' in caught.value.describe("fr")


# --- the command -------------------------------------------------------------------------------


@pytest.mark.parametrize("format", ["docx", "odt"])
def test_command_needs_an_output_file(capsys: pytest.CaptureFixture[str], format: str) -> None:
    assert main(["sign-in-sheet", "--format", format]) == 2
    assert capsys.readouterr() == ("", f"--format {format} writes a binary file: add -o FILE\n")


def test_command_writes_the_word_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "emargement.docx"
    assert main(["sign-in-sheet", "--format", "docx", "-o", str(target), "-l", "ar-MA"]) == 0
    assert capsys.readouterr() == ("", "")
    assert "<w:bidiVisual/>" in document_xml(target.read_bytes())
    assert len(table_rows(target.read_bytes())) == 1 + len(MEETING.participants) + 5


def test_command_writes_the_opendocument_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("odfdo")
    odt = pytest.importorskip("rrma_groups.export.odt")
    if not hasattr(odt, "sign_in_sheet_odt"):
        pytest.skip("rrma_groups.export.odt has no sign_in_sheet_odt")
    target = tmp_path / "emargement.odt"
    args = ["sign-in-sheet", "--format", "odt", "-o", str(target), "--blank-rows", "2"]
    assert main([*args, "-l", "fr"]) == 0
    assert capsys.readouterr() == ("", "")
    with zipfile.ZipFile(target) as archive:
        assert archive.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        content = archive.read("content.xml").decode()
    assert "Feuille d’émargement" in content
    assert all(person.name in content for person in participants(GROUP, MEETING))


def test_command_without_python_docx(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "docx", None)
    target = tmp_path / "emargement.docx"
    assert main(["sign-in-sheet", "--format", "docx", "-o", str(target), "-l", "fr"]) == 2
    err = capsys.readouterr().err
    assert "python-docx" in err
    assert "Traceback" not in err
    assert not target.exists()
