"""The directory: filters, sorting, and the four outputs (CSV made safe for spreadsheets)."""

from __future__ import annotations

import argparse
import html.parser
import io
import json
from pathlib import Path
from typing import Any

import pytest

import rrma_groups
from builders import group_data
from rrma_groups.activity.directory import DirectoryError, directory, sort_key
from rrma_groups.cli.activity import add_parsers
from rrma_groups.examples import groupe_pays_maroc
from rrma_groups.model import CountryGroup
from rrma_groups.render.data_tables import Cell, Table, neutralise_formula, table_csv
from rrma_groups.render.directory import directory_table, render_directory

GROUP = groupe_pays_maroc()


def ids(**filters: Any) -> list[str]:
    return [entry.actor.id for entry in directory(GROUP, **filters)]


def run(*argv: str) -> tuple[int, str, str]:
    """Run one of the activity commands as the command line would."""
    parser = argparse.ArgumentParser(prog="rrma-groups")
    add_parsers(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    out, err = io.StringIO(), io.StringIO()
    status = args.run(args, out, err)
    return status, out.getvalue(), err.getvalue()


def with_actor_named(name: str) -> CountryGroup:
    data = group_data()
    data["actors"][0]["name"] = name
    return rrma_groups.loads(json.dumps(data), "json")


class TestFilters:
    @pytest.mark.parametrize(
        ("filters", "expected"),
        [
            (
                {},
                [
                    "exemple-asso-diaspora",
                    "exemple-asso-limousin-souss",
                    "exemple-commune-rurale",
                    "exemple-cooperative-tissage",
                    "exemple-fondation",
                    "exemple-lycee-pro",
                    "mdh",
                    "region-marrakech-safi",
                    "region-nouvelle-aquitaine",
                    "cap-cooperation",
                ],
            ),
            ({"kinds": ["association"]}, ["exemple-asso-limousin-souss", "mdh"]),
            (
                {"kinds": ["association", "public_body"]},
                ["exemple-asso-limousin-souss", "exemple-lycee-pro", "mdh"],
            ),
            (
                {"themes": ["formation"]},
                [
                    "exemple-asso-limousin-souss",
                    "exemple-commune-rurale",
                    "exemple-cooperative-tissage",
                    "exemple-lycee-pro",
                ],
            ),
            ({"departments": ["87"]}, ["exemple-asso-diaspora", "exemple-asso-limousin-souss"]),
            (
                {"regions": ["fr-naq"]},
                [
                    "exemple-asso-diaspora",
                    "exemple-asso-limousin-souss",
                    "exemple-lycee-pro",
                    "mdh",
                    "region-nouvelle-aquitaine",
                    "cap-cooperation",
                ],
            ),
            ({"country_regions": ["MA-09"]}, ["exemple-asso-limousin-souss"]),
            (
                {"country_regions": ["MA-07"], "kinds": ["local_authority"]},
                ["exemple-commune-rurale", "region-marrakech-safi"],
            ),
            (
                {"languages": ["ar-MA"]},
                [
                    "exemple-asso-diaspora",
                    "exemple-asso-limousin-souss",
                    "exemple-commune-rurale",
                    "exemple-cooperative-tissage",
                ],
            ),
            ({"network_member": True}, ["exemple-asso-limousin-souss"]),
            (
                {"group_member": True},
                ["exemple-asso-diaspora", "exemple-asso-limousin-souss", "exemple-lycee-pro"],
            ),
            (
                {"group_member": False, "regions": ["FR-NAQ"]},
                ["mdh", "region-nouvelle-aquitaine", "cap-cooperation"],
            ),
            (
                {"include_dissolved": True, "kinds": ["local_authority"]},
                [
                    "exemple-commune-rurale",
                    "ex-region-limousin",
                    "region-marrakech-safi",
                    "region-nouvelle-aquitaine",
                ],
            ),
        ],
        ids=[
            "everyone",
            "kind",
            "two-kinds",
            "theme",
            "departement",
            "french-region",
            "moroccan-region",
            "moroccan-region-and-kind",
            "language",
            "network-member",
            "group-member",
            "not-group-member",
            "dissolved",
        ],
    )
    def test_filter(self, filters: dict[str, Any], expected: list[str]) -> None:
        """Values of one filter add up; different filters all apply; names sort in French."""
        assert ids(**filters) == expected

    def test_themes_come_from_declarations_policies_and_projects(self) -> None:
        """The cooperative declares nothing: its themes are those of the projects it is in."""
        entry = next(e for e in directory(GROUP) if e.actor.id == "exemple-cooperative-tissage")
        assert entry.themes == ("developpement-economique", "formation")
        assert entry.country_regions == ("MA-07",)
        assert entry.projects == ("exemple-mobilite", "exemple-tapis")

    def test_cooperation_priorities_count_as_themes(self) -> None:
        """The ex-Région Limousin's three priorities are its themes."""
        entry = next(
            e
            for e in directory(GROUP, include_dissolved=True)
            if e.actor.id == "ex-region-limousin"
        )
        assert entry.themes == (
            "developpement-economique",
            "formation",
            "developpement-durable-culture",
        )

    def test_departement_gives_the_french_region(self) -> None:
        """An actor with a département and no region is in that département's region."""
        data = group_data()
        data["actors"][0]["department"] = "33"
        group = rrma_groups.loads(json.dumps(data), "json")
        assert [e.actor.id for e in directory(group, regions=["FR-NAQ"])] == ["a1", "a2"]


class TestSorting:
    @pytest.mark.parametrize(
        ("sort", "first_ids"),
        [
            (
                "department",
                ["exemple-lycee-pro", "exemple-asso-diaspora", "exemple-asso-limousin-souss"],
            ),
            (
                "kind",
                ["exemple-commune-rurale", "region-marrakech-safi", "region-nouvelle-aquitaine"],
            ),
            (
                "country_region",
                ["exemple-asso-diaspora", "exemple-asso-limousin-souss", "exemple-commune-rurale"],
            ),
        ],
    )
    def test_sort_keys(self, sort: str, first_ids: list[str]) -> None:
        """Sorted by the key, then by name; missing values last."""
        assert ids(sort=sort)[:3] == first_ids

    def test_missing_values_come_last(self) -> None:
        """Actors without a département follow those with one."""
        assert ids(sort="department")[-1] == "cap-cooperation"

    @pytest.mark.parametrize(
        ("names", "expected"),
        [
            (["Zèbre", "école", "Été", "abri"], ["abri", "école", "Été", "Zèbre"]),
            (["\u2068Zeta\u2069", "Alpha"], ["Alpha", "\u2068Zeta\u2069"]),
        ],
    )
    def test_names_sort_without_case_accents_or_isolates(
        self, names: list[str], expected: list[str]
    ) -> None:
        """É sorts with E, and bidi isolates are invisible to sorting."""
        assert sorted(names, key=sort_key) == expected


class TestErrors:
    @pytest.mark.parametrize(
        ("filters", "message"),
        [
            ({"kinds": ["club"]}, "unknown kind 'club'; choose among: local_authority"),
            ({"themes": ["sport"]}, "unknown theme 'sport'; choose among: developpement-durable"),
            ({"departments": ["20"]}, "unknown département '20'; choose among: 01, 02"),
            ({"country_regions": ["Marrakech"]}, "'Marrakech' is not an ISO 3166-2 region code"),
            ({"languages": ["klingon"]}, "unknown or malformed language 'klingon'"),
            ({"sort": "size"}, "unknown sort key 'size'; choose among: name, kind"),
        ],
    )
    def test_unknown_filter_values(self, filters: dict[str, Any], message: str) -> None:
        """A typo in a filter is an error that lists the choices, not an empty directory."""
        with pytest.raises(DirectoryError) as caught:
            directory(GROUP, **filters)
        assert str(caught.value).startswith(message)

    def test_unknown_format(self) -> None:
        """The four formats are listed."""
        with pytest.raises(DirectoryError, match="choose one of: text, markdown, html, csv"):
            render_directory(GROUP, directory(GROUP), "xlsx")


class TestText:
    def test_english_table(self) -> None:
        """Title, count and aligned columns; fictional actors marked."""
        text = render_directory(GROUP, directory(GROUP, kinds=["association"]), "text", "en")
        lines = text.splitlines()
        assert lines[:4] == [
            "Directory of actors — Morocco Country Group",
            "===========================================",
            "",
            "2 actors",
        ]
        assert lines[5].split("  ")[0] == "Name"
        assert lines[7].startswith(
            "Solidarité Limousin–Souss association (fictional example)  Association  87"
        )

    def test_one_actor(self) -> None:
        """The count agrees with its number."""
        text = render_directory(GROUP, directory(GROUP, kinds=["foundation"]), "text", "en")
        assert text.splitlines()[3] == "1 actor"

    def test_arabic_isolates_latin_names(self) -> None:
        """In Arabic, a Latin name is isolated (FSI…PDI) and codes run left to right."""
        text = render_directory(GROUP, directory(GROUP, departments=["19"]), "text", "ar")
        assert "\u206619\u2069" in text
        assert "ثانوية مهنية بكوريز" in text


class TestMarkdown:
    def test_table(self) -> None:
        """A pipe table whose rows read as the English directory."""
        text = render_directory(GROUP, directory(GROUP, kinds=["association"]), "markdown", "en")
        rows = [line for line in text.splitlines() if line.startswith("|")]
        assert rows[0] == (
            "| Name | Kind | Département | French region | Regions in Morocco | Themes | "
            "Languages | Network member | Group member |"
        )
        assert rows[2] == (
            "| Solidarité Limousin–Souss association (fictional example) | Association | "
            "87 | Nouvelle-Aquitaine | Marrakesh-Safi, Souss-Massa | Training, Sustainable "
            "development and cultural exchange | French, Arabic | yes | Member |"
        )

    def test_cells_are_escaped(self) -> None:
        """A name cannot break the table."""
        group = with_actor_named("A | *B* <i>")
        text = render_directory(group, directory(group), "markdown", "en")
        assert "| A \\| \\*B\\* &lt;i&gt; |" in text


class _Parser(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


class TestHtml:
    def test_page(self) -> None:
        """A page with a table: one row per actor plus the header."""
        page = render_directory(GROUP, directory(GROUP), "html", "fr")
        parser = _Parser()
        parser.feed(page)
        assert ("html", {"lang": "fr", "dir": "ltr"}) in parser.tags
        assert sum(tag == "tr" for tag, _ in parser.tags) == 11

    def test_arabic_page(self) -> None:
        """Right to left, Latin names in bdi, codes left to right."""
        page = render_directory(GROUP, directory(GROUP, departments=["19"]), "html", "ar")
        assert '<html lang="ar" dir="rtl">' in page
        assert '<td><bdi dir="ltr">19</bdi></td>' in page

    def test_user_text_is_escaped(self) -> None:
        """Markup in a name comes out as text."""
        group = with_actor_named("<script>alert('x')</script> & \"q\"")
        page = render_directory(group, directory(group), "html", "fr")
        assert "<script>" not in page
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;q&quot;" in page


class TestCsv:
    def test_rows(self) -> None:
        """RFC 4180: CRLF, quoted cells with commas, the id and website columns."""
        text = render_directory(GROUP, directory(GROUP, kinds=["association"]), "csv", "en")
        assert text.split("\r\n") == [
            "Id,Name,Kind,Département,French region,Regions in Morocco,Themes,Languages,"
            "Network member,Group member,Website",
            "exemple-asso-limousin-souss,Solidarité Limousin–Souss association "
            '(fictional example),Association,87,Nouvelle-Aquitaine,"Marrakesh-Safi, Souss-Massa",'
            '"Training, Sustainable development and cultural exchange","French, Arabic",yes,'
            "Member,",
            "mdh,Limoges Human Rights House (Maison des Droits de l'Homme),Association,,"
            "Nouvelle-Aquitaine,,,,,,",
            "",
        ]

    def test_semicolons_and_byte_order_mark(self) -> None:
        """For French spreadsheets: ';' between cells, and U+FEFF first."""
        text = render_directory(
            GROUP, directory(GROUP, kinds=["foundation"]), "csv", "en", delimiter=";", bom=True
        )
        assert text.startswith("\ufeffId;")
        assert (
            "\r\nexemple-fondation;Foundation for international solidarity (fictional example)"
            in text
        )

    @pytest.mark.parametrize(
        ("name", "cell"),
        [
            (
                '=HYPERLINK("http://evil.example","clic")',
                '"\'=HYPERLINK(""http://evil.example"",""clic"")"',
            ),
            ("+1", "'+1"),
            ("-2", "'-2"),
            ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
            (" =1+1", "' =1+1"),
            ("＝1+1", "'＝1+1"),
            ("Association = 1", "Association = 1"),
        ],
        ids=["hyperlink", "plus", "minus", "at", "space-first", "full-width", "inside"],
    )
    def test_formula_injection_through_a_name(self, name: str, cell: str) -> None:
        """An actor's name that a spreadsheet would run as a formula is made inert."""
        group = with_actor_named(name)
        text = render_directory(group, directory(group, kinds=["association"]), "csv", "en")
        assert f"a1,{cell}," in text

    @pytest.mark.parametrize(
        ("value", "inert"),
        [
            ("=1+1", "'=1+1"),
            ("+33 5 55 00 00 00", "'+33 5 55 00 00 00"),
            ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1+1", "'\t=1+1"),
            ("\r=1+1", "'\r=1+1"),
            ("\n=1+1", "'\n=1+1"),
            ("\u00a0=1", "'\u00a0=1"),
            ("Limoges", "Limoges"),
            ("", ""),
            ("  ", "  "),
            ("a=b", "a=b"),
        ],
        ids=[
            "equals",
            "plus",
            "minus",
            "at",
            "tab",
            "carriage-return",
            "line-feed",
            "no-break-space",
            "plain",
            "empty",
            "blank",
            "inside",
        ],
    )
    def test_neutralise_formula(self, value: str, inert: str) -> None:
        """A cell starting with =, +, -, @ (or tab, CR, LF before them) gets an apostrophe."""
        assert neutralise_formula(value) == inert

    def test_every_cell_is_neutralised_headers_included(self) -> None:
        """Headers and data alike go through the neutraliser."""
        table = Table(("=h",), ((Cell("@x"),), (Cell("1 234", data="-1234"),)))
        assert table_csv(table) == "'=h\r\n'@x\r\n'-1234\r\n"

    def test_cells_with_line_breaks_are_quoted(self) -> None:
        """A tab- or CR-started cell stays one cell: quoted, and made inert."""
        table = Table(("a", "b"), ((Cell("\r=1"), Cell("x")),))
        assert table_csv(table) == 'a,b\r\n"\'\r=1",x\r\n'


class TestScale:
    def test_thousands_of_actors_and_projects(self) -> None:
        """3,000 actors and 3,000 projects: filtered and sorted in well under a second."""
        data = group_data()
        data["actors"] = [
            {
                "id": f"a{n}",
                "name": f"Acteur {n:04d}",
                "kind": "association",
                "department": "87",
                "themes": ["t1"],
                "languages": ["fr"],
            }
            for n in range(3000)
        ]
        data["projects"] = [
            {"id": f"p{n}", "title": "P", "lead": f"a{n}", "places": [{"region": "MA-07"}]}
            for n in range(3000)
        ]
        data["persons"] = []
        data["meetings"] = []
        group = CountryGroup.model_validate(data)
        found = directory(group, themes=["t1"], country_regions=["MA-07"], sort="department")
        table = directory_table(group, found, "fr")
        assert len(found) == len(table.rows) == 3000
        assert found[0].actor.id == "a0"


class TestCommand:
    def test_csv_of_associations(self) -> None:
        """directory --format csv --kind association."""
        status, out, _ = run("directory", "--format", "csv", "--kind", "association", "-l", "en")
        assert status == 0
        assert out.startswith("Id,Name,")
        assert out.count("\r\n") == 3

    def test_csv_file_has_a_byte_order_mark(self, tmp_path: Path) -> None:
        """Written to a file, the CSV starts with U+FEFF for spreadsheets."""
        target = tmp_path / "annuaire.csv"
        status, _, _ = run(
            "directory", "-f", "csv", "-l", "en", "--delimiter", "semicolon", "-o", str(target)
        )
        assert status == 0
        assert target.read_text(encoding="utf-8").startswith("\ufeffId;")

    def test_filters_and_sort(self) -> None:
        """--theme, --no-network-member and --sort combine."""
        status, out, _ = run(
            "directory", "--theme", "formation", "--no-network-member", "--sort", "kind", "-l", "en"
        )
        assert status == 0
        assert "3 actors" in out

    def test_unknown_theme_is_a_usage_error(self) -> None:
        """Exit 2 with the choices."""
        status, _, err = run("directory", "--theme", "sport")
        assert status == 2
        assert err.startswith("unknown theme 'sport'; choose among:")
