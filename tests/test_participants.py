"""Participants of a meeting: registrations, attendance, counts and the sign-in sheet."""

from __future__ import annotations

import argparse
import html
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

import rrma_groups
from builders import findings, first_problem, group_data
from extras import needs_pdf
from rrma_groups import GroupValidationError
from rrma_groups.activity.participation import participants, participation
from rrma_groups.cli.activity import add_parsers
from rrma_groups.examples import groupe_pays_maroc
from rrma_groups.export.pdf import sign_in_sheet_pdf
from rrma_groups.model import ActorKind
from rrma_groups.model.participants import Attendance
from rrma_groups.render import RenderError
from rrma_groups.render.sign_in_sheet import sign_in_sheet

GROUP = groupe_pays_maroc()
MEETING = GROUP.meeting("limoges-2016")


def with_participants(*entries: dict[str, Any], **meeting: Any) -> dict[str, Any]:
    data = group_data()
    data["actors"].append({"id": "a3", "name": "Asso exemple", "fictional": True})
    data["meetings"][0]["participants"] = list(entries)
    data["meetings"][0].update(meeting)
    return data


def group_of(data: dict[str, Any]) -> rrma_groups.CountryGroup:
    return rrma_groups.loads(json.dumps(data), "json")


def run(*argv: str) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="rrma-groups")
    add_parsers(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    out, err = io.StringIO(), io.StringIO()
    return args.run(args, out, err), out.getvalue(), err.getvalue()


class TestRegistrations:
    @pytest.mark.parametrize(
        ("entry", "code", "location"),
        [
            ({}, "participant_person_or_name", "meetings[0].participants[0]"),
            (
                {"person": "p1", "name": "Personne Une"},
                "participant_person_or_name",
                "meetings[0].participants[0]",
            ),
            (
                {"name": "X", "organisation": "a1", "organisation_name": "Y"},
                "participant_organisation_or_name",
                "meetings[0].participants[0]",
            ),
            (
                {"name": "X", "organisation_kind": "association"},
                "organisation_kind_without_name",
                "meetings[0].participants[0]",
            ),
            (
                {"name": "X", "attendance": "late"},
                "invalid_choice",
                "meetings[0].participants[0].attendance",
            ),
            ({"name": "X", "mode": "hybrid"}, "invalid_choice", "meetings[0].participants[0].mode"),
        ],
        ids=["nobody", "both", "two-organisations", "kind-alone", "attendance", "mode"],
    )
    def test_malformed_registrations(self, entry: dict[str, Any], code: str, location: str) -> None:
        """A registration is a known person or a new name; one organisation; known words."""
        with pytest.raises(GroupValidationError) as caught:
            group_of(with_participants(entry))
        assert [(p.code, p.location) for p in caught.value.errors] == [(code, location)]

    def test_known_persons_and_new_people(self) -> None:
        """Known persons by id, new people by name, with a free organisation."""
        data = with_participants(
            {"person": "p1", "attendance": "present"},
            {
                "name": "Nouvelle Personne",
                "organisation_name": "Asso X",
                "organisation_kind": "association",
            },
        )
        assert findings(data) == []

    @pytest.mark.parametrize(
        ("entries", "expected"),
        [
            ([{"person": "zz"}], [("unknown_reference", "meetings[0].participants[0].person")]),
            (
                [{"name": "X", "organisation": "zz"}],
                [("unknown_reference", "meetings[0].participants[0].organisation")],
            ),
            (
                [{"person": "p1"}, {"person": "p1"}],
                [("duplicate_participant", "meetings[0].participants[1].person")],
            ),
            (
                [{"name": "Anne  Martin"}, {"name": "anne martin"}],
                [("duplicate_participant", "meetings[0].participants[1].name")],
            ),
            (
                [{"person": "p1"}, {"name": "Personne UNE"}],
                [("duplicate_participant", "meetings[0].participants[1].name")],
            ),
            (
                [{"name": "Personne Deux"}],
                [("participant_is_known_person", "meetings[0].participants[0].name")],
            ),
        ],
        ids=[
            "unknown-person",
            "unknown-organisation",
            "twice-by-id",
            "twice-by-name",
            "id-then-name",
            "known-by-name",
        ],
    )
    def test_registrations_fit_the_group(
        self, entries: list[dict[str, Any]], expected: list[tuple[str, str]]
    ) -> None:
        """References exist, and nobody is registered twice (names compared loosely)."""
        assert findings(with_participants(*entries)) == expected

    def test_duplicate_message(self) -> None:
        """The message says where the first registration is."""
        problem = first_problem(with_participants({"person": "p1"}, {"person": "p1"}))
        assert problem.message == "'p1' is already registered at meetings[0].participants[0].person"

    @pytest.mark.parametrize(
        ("entry", "code", "location"),
        [
            (
                {"person": "p1", "fictional": True},
                "fictional_links_real",
                "meetings[0].participants[0].person",
            ),
            (
                {"name": "X", "organisation": "a1", "fictional": True},
                "fictional_links_real",
                "meetings[0].participants[0].organisation",
            ),
            (
                {"name": "X", "organisation": "a3"},
                "real_links_fictional",
                "meetings[0].participants[0].organisation",
            ),
        ],
    )
    def test_fiction(self, entry: dict[str, Any], code: str, location: str) -> None:
        """Made-up participants are new names from made-up organisations."""
        assert findings(with_participants(entry)) == [(code, location)]

    def test_present_at_a_cancelled_meeting(self) -> None:
        """Attendance recorded at a cancelled meeting is suspicious."""
        data = with_participants({"person": "p1", "attendance": "present"}, status="cancelled")
        assert findings(data) == [
            ("attendance_at_cancelled_meeting", "meetings[0].participants[0].attendance")
        ]


class TestCounts:
    def test_the_example(self) -> None:
        """Four named in the programme (attendance unknown) and four fictional samples."""
        counts = participation(GROUP, MEETING)
        assert (counts.registered, counts.present, counts.excused, counts.absent) == (8, 3, 1, 0)
        assert (counts.unrecorded, counts.online, counts.fictional) == (4, 0, 4)
        assert counts.participants_by_kind == {
            ActorKind.ASSOCIATION: 2,
            ActorKind.DIASPORA_ASSOCIATION: 1,
        }
        assert counts.organisations_by_kind == {
            ActorKind.ASSOCIATION: 2,
            ActorKind.DIASPORA_ASSOCIATION: 1,
        }

    def test_an_organisation_counts_once(self) -> None:
        """Two people from one organisation: two participants, one organisation."""
        data = with_participants(
            {"person": "p1", "attendance": "present"},
            {"name": "Collègue", "organisation": "a1", "attendance": "present"},
            {"name": "Invité", "attendance": "present"},
            {"name": "Absent", "organisation": "a2", "attendance": "absent", "mode": "online"},
        )
        group = group_of(data)
        counts = participation(group, group.meetings[0])
        assert (counts.present, counts.absent, counts.online, counts.organisations) == (3, 1, 1, 1)
        assert counts.participants_by_kind == {ActorKind.ASSOCIATION: 2, None: 1}
        assert counts.organisations_by_kind == {ActorKind.ASSOCIATION: 1}

    def test_organisation_defaults_to_the_affiliation(self) -> None:
        """Khalid Chihani represents Cap Coopération, named as it was in 2016."""
        khalid = participants(GROUP, MEETING)[0]
        assert (khalid.name, khalid.organisation_key) == ("Khalid Chihani", "cap-cooperation")
        assert khalid.organisation is not None
        assert khalid.organisation.get("fr") == "Cap Coopération"
        assert khalid.attendance is None

    def test_sample_participants_are_marked(self) -> None:
        """The example's made-up participants carry the flag."""
        marked = [(p.name, p.fictional, p.attendance) for p in participants(GROUP, MEETING)][4:]
        assert marked == [
            ("Camille Exemple", True, Attendance.PRESENT),
            ("Yassine Exemple", True, Attendance.PRESENT),
            ("Louis Exemple", True, Attendance.EXCUSED),
            ("Nadia Exemple", True, Attendance.PRESENT),
        ]


def _rows(page: str) -> list[list[str]]:
    body = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [
        [
            html.unescape(re.sub(r"<[^>]+>", "", cell))
            for cell in re.findall(r"<td[^>]*>(.*?)</td>", row)
        ]
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body)
    ]


class TestSignInSheet:
    def test_rows_sorted_by_name_then_blank_rows(self) -> None:
        """Number, name, organisation and an empty signature cell; two blank rows at the end."""
        page = sign_in_sheet(GROUP, "limoges-2016", "en", blank_rows=2)
        assert _rows(page) == [
            [
                "1",
                "Camille Exemple (fictional example)",
                "Solidarité Limousin–Souss association",
                "",
            ],
            ["2", "Emmanuelle Pallier", "", ""],
            [
                "3",
                "Guillaume Bertrand",
                "Limoges Human Rights House (Maison des Droits de l'Homme)",
                "",
            ],
            ["4", "Khalid Chihani", "Cap Coopération", ""],
            [
                "5",
                "Louis Exemple (fictional example)",
                "Vocational high school in Corrèze",
                "",
            ],
            ["6", "Nadia Exemple (fictional example)", "Association not yet listed", ""],
            ["7", "Sébastien Proeschel", "", ""],
            [
                "8",
                "Yassine Exemple (fictional example)",
                "Association of Moroccans in Haute-Vienne",
                "",
            ],
            ["9", "", "", ""],
            ["10", "", "", ""],
        ]
        assert '<p class="total">8 registered participants</p>' in page

    def test_header_and_columns(self) -> None:
        """The meeting, its date, hours, venue and organiser; the four columns."""
        page = sign_in_sheet(GROUP, MEETING, "en")
        assert "<h1>Sign-in sheet</h1>" in page
        assert "<h2>Morocco Country Group meeting in Limoges</h2>" in page
        assert '<time datetime="2016-11-04">Friday, November 4, 2016' in page
        assert '<th scope="col">Name</th><th scope="col">Organisation</th>' in page
        assert '<th scope="col" class="signature">Signature</th>' in page

    def test_print_styles(self) -> None:
        """A4 page; rows never split; the header row repeats on each page."""
        page = sign_in_sheet(GROUP, MEETING, "fr")
        assert "size:A4" in page
        assert "table.sign-in tr{break-inside:avoid}" in page
        assert "table.sign-in thead{display:table-header-group}" in page

    def test_online_participants_do_not_sign(self) -> None:
        """Someone online has "Online" where the others sign."""
        group = group_of(with_participants({"name": "Distante", "mode": "online"}))
        assert _rows(sign_in_sheet(group, "m1", "en", blank_rows=0)) == [
            ["1", "Distante", "", "Online"]
        ]

    def test_arabic_sheet(self) -> None:
        """Right to left; Latin names isolated; the hours read from the right, start first."""
        page = sign_in_sheet(GROUP, MEETING, "ar")
        assert '<html lang="ar" dir="rtl">' in page
        assert "<td><bdi>Khalid Chihani</bdi></td>" in page
        assert '<bdi dir="rtl">من 14:00 إلى 17:30</bdi>' in page

    def test_names_are_escaped(self) -> None:
        """Markup in a participant's name or organisation comes out as text."""
        evil = "<img src=x onerror=alert(1)>"
        group = group_of(with_participants({"name": evil, "organisation_name": f"{evil} & co"}))
        page = sign_in_sheet(group, "m1", "fr")
        assert "<img" not in page
        assert "&lt;img src=x onerror=alert(1)&gt; &amp; co" in page

    def test_unknown_meeting(self) -> None:
        """The group's meetings are listed."""
        with pytest.raises(RenderError, match="no meeting 'x'; the group has: limoges-2016"):
            sign_in_sheet(GROUP, "x")

    @needs_pdf
    def test_pdf(self) -> None:
        """Where the PDF extra is installed, the sheet prints to PDF."""
        assert sign_in_sheet_pdf(GROUP, "limoges-2016", "ar").startswith(b"%PDF-")


class TestCommand:
    def test_html(self) -> None:
        """sign-in-sheet --meeting prints the page."""
        status, out, _ = run("sign-in-sheet", "--meeting", "limoges-2016", "--lang", "en")
        assert status == 0
        assert "<h1>Sign-in sheet</h1>" in out

    def test_the_only_meeting_is_the_default(self) -> None:
        """With one meeting, --meeting may be left out."""
        assert run("sign-in-sheet", "--blank-rows", "0")[0] == 0

    def test_unknown_meeting(self) -> None:
        """Exit 2 and the known meetings."""
        status, _, err = run("sign-in-sheet", "--meeting", "paris-2017")
        assert status == 2
        assert err == "no meeting 'paris-2017'; the group has: limoges-2016\n"

    def test_pdf_needs_a_file(self) -> None:
        """PDF goes to a file, not to the terminal."""
        status, _, err = run("sign-in-sheet", "--format", "pdf")
        assert (status, err) == (2, "a PDF is written to a file: give -o FILE\n")

    @needs_pdf
    def test_pdf_file(self, tmp_path: Path) -> None:
        """--format pdf -o writes the PDF."""
        target = tmp_path / "emargement.pdf"
        assert run("sign-in-sheet", "-f", "pdf", "-o", str(target))[0] == 0
        assert target.read_bytes().startswith(b"%PDF-")
