"""import-agenda --lenient: programmes as networks publish them on their web pages.

Each programme below is written in one of the shapes found on networks' event pages: headings
and emoji, a title on the line after its time, speakers under an item with their function,
"Plénière :" before a title, remarks in parentheses, a list of speakers after "Avec :", a date
in a heading, English and Arabic pages. The default stays strict: the same text without
``lenient`` is refused line by line.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
from pathlib import Path

import pytest

from rrma_groups import TableImportError
from rrma_groups.cli import main
from rrma_groups.examples import groupe_pays_maroc
from rrma_groups.model import PersonFacilitator, RoleFacilitator
from rrma_groups.parsing.tables import TableImport, parse_table

WEB_PAGE = """\
📅 Programme de la journée
Jeudi 12 juin 2025

Matinée :
• 9h00 - 9h30 : Accueil café ☕
• 9h30 – 10h30 : Plénière : Ouverture officielle
Khalid Chihani, chargé de mission Cap Coopération
Guillaume Bertrand – MDH
• 10h30 - 11h00 Pause (sur place)
Après-midi :
14h00
Atelier : la mobilité des jeunes 🌍
Animé par l'équipe du réseau. Inscription conseillée.
15h30 - 16h00 Conclusion (Khalid Chihani)
"""

NEWSLETTER = """\
PROGRAMME
Rencontre régionale – 3 mars 2026

- 14h : Mot de bienvenue
  Sébastien Proeschel, Région Nouvelle-Aquitaine
- 14h15-15h : Table ronde "Coopérer avec le Maroc"
  Avec : Emmanuelle Pallier (Région), Khalid Chihani (Cap Coopération)
- 15h-15h20 : Pause
- 16h30 : Restitution et clôture
"""

ENGLISH = """\
The day at a glance
Friday 10 October 2025
09:00–09:30 Registration and coffee
09:30–10:15 Keynote: Cooperation in practice
Jane Smith, Director, Example Network
10:30–12:00 Panel discussion (room B)
"""

ARABIC = """\
برنامج اللقاء
الجمعة 4 نونبر 2016
14:00 - 14:15 استقبال المشاركين
14:15 - 14:20 تقديم جدول الأعمال (Khalid Chihani)
"""


def read(text: str, **options: object) -> TableImport:
    return parse_table(text, lenient=True, strict=False, **options)  # type: ignore[arg-type]


def names(table: TableImport) -> list[list[str]]:
    out = []
    for item in table.agenda:
        row = []
        for f in item.facilitators:
            if isinstance(f, PersonFacilitator):
                row.append(f.person)
            elif isinstance(f, RoleFacilitator):
                row.append(str(f.role))
        out.append(row)
    return out


class TestShapes:
    def test_a_web_page(self) -> None:
        table = read(WEB_PAGE)
        assert table.date == dt.date(2025, 6, 12)
        assert [(str(i.title), f"{i.start:%H:%M}", i.kind.value) for i in table.agenda] == [
            ("Accueil café", "09:00", "welcome"),
            ("Ouverture officielle", "09:30", "plenary"),
            ("Pause", "10:30", "break"),
            ("Atelier : la mobilité des jeunes", "14:00", "workshop"),
            ("Conclusion", "15:30", "conclusion"),
        ]
        assert names(table) == [
            [],
            ["Khalid Chihani", "Guillaume Bertrand"],
            [],  # "(sur place)" is a remark, not a facilitator
            [],
            ["Khalid Chihani"],
        ]
        notes = [str(i.notes) if i.notes else None for i in table.agenda]
        assert notes[0] == "Matinée"
        assert notes[1] == (
            "Khalid Chihani, chargé de mission Cap Coopération\nGuillaume Bertrand, MDH"
        )
        assert notes[2] == "sur place"
        assert notes[3] == "Après-midi\nAnimé par l'équipe du réseau. Inscription conseillée."
        assert [(p.code, p.line) for p in table.problems if p.code != "table_no_group"] == [
            ("table_lines_not_used", 1)
        ]

    def test_a_newsletter(self) -> None:
        table = read(NEWSLETTER)
        assert table.date == dt.date(2026, 3, 3)
        assert [f"{i.start:%H:%M}" for i in table.agenda] == ["14:00", "14:15", "15:00", "16:30"]
        assert names(table)[:2] == [
            ["Sébastien Proeschel"],
            ["Emmanuelle Pallier", "Khalid Chihani"],
        ]

    def test_in_english(self) -> None:
        table = read(ENGLISH)
        assert table.date == dt.date(2025, 10, 10)
        assert names(table) == [[], ["Jane Smith"], []]
        assert str(table.agenda[2].notes) == "room B"

    def test_in_arabic(self) -> None:
        table = read(ARABIC, group=groupe_pays_maroc())
        assert table.date == dt.date(2016, 11, 4)
        assert [str(i.title) for i in table.agenda] == ["استقبال المشاركين", "تقديم جدول الأعمال"]
        assert names(table) == [[], ["khalid-chihani"]]

    def test_a_group_matches_the_speakers(self) -> None:
        table = read(WEB_PAGE, group=groupe_pays_maroc())
        assert names(table)[1] == ["khalid-chihani", "guillaume-bertrand"]


class TestStrictByDefault:
    def test_the_same_text_is_refused(self) -> None:
        with pytest.raises(TableImportError) as caught:
            parse_table(WEB_PAGE)
        lines = [p.line for p in caught.value.problems]
        assert lines == [1, 4, 7, 8, 10, 11, 12, 13]

    def test_a_table_is_read_as_without_it(self) -> None:
        text = "Heure\tActivité\n9h30 - 10h00\tAccueil\n"
        assert read(text).agenda == parse_table(text).agenda

    def test_a_problem_is_told_at_the_line_given(self) -> None:
        """A line made an item but refused keeps its number in the text given."""
        table = read("Programme\n\n9h00 - 8h00 Accueil\n")
        assert [(p.code, p.line, p.text) for p in table.errors] == [
            ("table_invalid_line_time", 3, "9h00 - 8h00 Accueil")
        ]


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(argv))
    return status, out.getvalue(), err.getvalue()


class TestCommand:
    def test_lenient(self, tmp_path: Path) -> None:
        source = tmp_path / "page.txt"
        source.write_text(WEB_PAGE, encoding="utf-8")
        status, out, err = run("import-agenda", str(source), "--lenient", "--format", "toml")
        assert status == 0, err
        assert out.count("[[meetings.agenda]]") == 5
        assert "1 line was not used (line 1)" in err

    def test_strict_says_to_try_lenient(self, tmp_path: Path) -> None:
        source = tmp_path / "page.txt"
        source.write_text(WEB_PAGE, encoding="utf-8")
        status, _, err = run("import-agenda", str(source))
        assert status == 1
        assert "--lenient reads what it can" in err
