"""Word documents (.docx): the programme written with python-docx and read back by the table
import, in French and Arabic; the errors for files that are no .docx, and without python-docx."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import pytest

docx = pytest.importorskip("docx")

from rrma_groups import examples, parse_table  # noqa: E402
from rrma_groups.cli import main  # noqa: E402
from rrma_groups.export.docx import to_docx  # noqa: E402
from rrma_groups.parsing.docx_tables import (  # noqa: E402
    MAX_DOCX_ENTRIES,
    DocxEngineError,
    DocxReadError,
    docx_text,
    is_docx,
)
from rrma_groups.render.view import meeting_view  # noqa: E402

GROUP = examples.groupe_pays_maroc()
MEETING = GROUP.meeting("limoges-2016")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _facilitators(item: object) -> list[str]:
    names = []
    for f in item.facilitators:  # type: ignore[attr-defined]
        label = getattr(f, "label", None)
        names.append(str(label if label is not None else f.role.get()))
    return names


@pytest.mark.parametrize("lang", ["fr", "ar-MA"])
def test_seed_programme_round_trip(lang: str) -> None:
    data = to_docx(GROUP, lang, meeting="limoges-2016")
    assert is_docx(data)
    result = parse_table(data, language=lang[:2], strict=True)
    items = list(result.agenda)
    view = meeting_view(MEETING, lang, GROUP)
    written = [item for day in view.days for item in day.items]
    assert len(items) == len(written) == 11
    assert result.date == MEETING.date
    isolates = dict.fromkeys(map(ord, "\u2066\u2067\u2068\u2069"))
    for got, want in zip(items, written, strict=True):
        assert str(got.title.get(lang[:2])) == want.title.text
        assert (got.start, got.end) == (want.start, want.end)
        # As written: each name, or (an Arabic list, read without a group) the cell as a whole.
        names = [p.text.translate(isolates) for p in want.facilitators]
        whole = " ".join(want.facilitators_text.translate(isolates).split())
        assert _facilitators(got) in (names, [whole] if whole else [])


def test_seed_round_trip_through_the_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    path = tmp_path / "programme.docx"
    assert main(["render", "--format", "docx", "-m", "limoges-2016", "-o", str(path)]) == 0
    assert main(["import-agenda", str(path), "--format", "json", "--lang", "fr"]) == 0
    assert capsys.readouterr().out.count('"start"') == 11


def test_docx_needs_a_file_to_write(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", "--format", "docx"]) == 2
    assert "-o" in capsys.readouterr().err


def test_parallel_sessions_are_written() -> None:
    senegal = examples.groupe_pays_senegal()
    meeting = senegal.meeting("journee-2025")
    data = to_docx(meeting, "fr", group=senegal)
    text = "\n".join(
        cell.text
        for table in docx.Document(io.BytesIO(data)).tables
        for row in table.rows
        for cell in row.cells
    )
    for item in meeting.agenda:
        assert str(item.title.get("fr")) in text


def _xml(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("word/document.xml")


def test_arabic_is_right_to_left_at_every_level() -> None:
    from lxml import etree

    root = etree.fromstring(_xml(to_docx(GROUP, "ar-MA", meeting="limoges-2016")))
    sections = root.findall(f".//{W}sectPr")
    assert sections
    assert all(s.find(f"{W}bidi") is not None for s in sections)
    paragraphs = root.findall(f".//{W}p")
    assert all(p.find(f"{W}pPr/{W}bidi") is not None for p in paragraphs if p.findall(f"{W}r"))
    tables = root.findall(f".//{W}tbl")
    assert len(tables) == 1
    assert tables[0].find(f"{W}tblPr/{W}bidiVisual") is not None
    runs = root.findall(f".//{W}r")
    assert any(r.find(f"{W}rPr/{W}rtl") is not None for r in runs)
    langs = {r.find(f"{W}rPr/{W}lang").get(f"{W}bidi") for r in runs}
    assert langs == {"ar-MA"}
    assert "\u2068" not in "".join(root.itertext())  # isolates became runs


def test_french_has_no_right_to_left_marks() -> None:
    xml = _xml(to_docx(GROUP, "fr"))
    assert b"<w:bidi/>" not in xml
    assert b"bidiVisual" not in xml


def test_headings_use_word_styles() -> None:
    document = docx.Document(io.BytesIO(to_docx(GROUP, "fr", meeting="limoges-2016")))
    styles = [(p.style.name, p.text) for p in document.paragraphs]
    assert ("Heading 1", "Groupe Pays Maroc (GPMar)") in styles or any(
        name == "Heading 1" and "Maroc" in text for name, text in styles
    )
    assert any(name == "Heading 2" for name, _ in styles)
    assert any(name == "List Bullet" for name, _ in styles)
    assert document.tables[0].style.name == "Table Grid"
    header = [c.text for c in document.tables[0].rows[0].cells]
    assert header == ["Date", "Lieu", "Heure", "Activité", "Animateur"]
    # The day's date and venue are written once, in cells merged over its rows.
    column = [row.cells[0] for row in document.tables[0].rows[1:]]
    assert len({cell._tc for cell in column}) == 1


def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return out.getvalue()


BAD = {
    "zip of something else": _zip({"hello.txt": b"hello"}),
    "truncated": to_docx(GROUP, "fr")[:1000],
    "zip bomb": _zip({"word/document.xml": b"\0" * (129 * 1024 * 1024)}),
    "too many entries": _zip({f"f{n}": b"" for n in range(MAX_DOCX_ENTRIES + 1)}),
    "encrypted": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100,
}


@pytest.mark.parametrize("name", list(BAD))
def test_not_a_docx_is_a_clear_error(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(DocxReadError) as caught:
        docx_text(BAD[name], source="programme.docx")
    assert caught.value.path == "programme.docx"
    assert "programme.docx" in caught.value.describe("fr")
    path = tmp_path / "programme.docx"
    path.write_bytes(BAD[name])
    assert main(["import-agenda", str(path)]) == 2
    err = capsys.readouterr().err
    assert str(path) in err
    assert "Traceback" not in err


def test_without_python_docx_the_error_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "docx", None)
    with pytest.raises(DocxEngineError) as caught:
        to_docx(GROUP, "fr")
    assert 'pip install "rrma-groups[office]"' in caught.value.describe(None)
    assert 'pip install "rrma-groups[office]"' in caught.value.describe("ar")


def _word(rows: list[list[str]]) -> bytes:
    """A Word document of one table of ``rows``."""
    document = docx.Document()
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_import_agenda_from_word_into_a_group_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A .docx's table goes into a meeting of a group file, as a text file's would."""
    example = Path(__file__).resolve().parent.parent / "examples" / "groupe_pays_maroc.toml"
    text = example.read_text(encoding="utf-8").replace("\nend = 17:30:00\n", "\nend = 18:00:00\n")
    group_file = tmp_path / "groupe.toml"
    group_file.write_text(text, encoding="utf-8")
    programme = tmp_path / "programme.docx"
    programme.write_bytes(
        _word(
            [
                ["Heure", "Activité", "Animateur"],
                ["17h30 - 17h45", "Photo de groupe", "Khalid"],
            ]
        )
    )
    argv = ["import-agenda", str(programme), "--into", str(group_file), "--meeting",
            "limoges-2016"]  # fmt: skip
    assert main(argv) == 0, capsys.readouterr().err
    assert "items added to the meeting 'limoges-2016'" in capsys.readouterr().err
    from rrma_groups import load

    agenda = load(group_file).meeting("limoges-2016").agenda
    assert [str(i.title) for i in agenda][-1] == "Photo de groupe"
    assert [f.person for f in agenda.items[-1].facilitators] == ["khalid-chihani"]  # type: ignore[union-attr]


def test_a_word_programme_read_leniently(tmp_path: Path) -> None:
    """--lenient works on a document as on text: a title under its time, a speaker under it."""
    document = docx.Document()
    for line in ("Matinée :", "9h30", "Accueil des participants", "Avec : Khalid Chihani",
                 "10h00 - 10h30", "Présentation de Cap Coopération"):  # fmt: skip
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    table = parse_table(out.getvalue(), lenient=True, group=GROUP)
    items = table.agenda.items
    assert [str(i.title) for i in items] == [
        "Accueil des participants",
        "Présentation de Cap Coopération",
    ]
    assert [i.start.isoformat(timespec="minutes") for i in items] == ["09:30", "10:00"]
