"""Starter files: refused until every value to fill in is filled in, valid once it is."""

from __future__ import annotations

import argparse
import io
import tomllib
from pathlib import Path

import pytest

from rrma_groups import GroupValidationError, check, loads
from rrma_groups.cli.new import (
    PLACEHOLDER_DATE,
    PLACEHOLDER_REGION,
    PLACEHOLDER_TIME_RANGE,
    StarterError,
    add_arguments,
    main,
    run,
    starter_text,
)
from rrma_groups.examples import example_text
from rrma_groups.io.schema import SCHEMA_ID

NETWORK = "Réseau Exemple Centre-Val de Loire"

# Where each value to fill in is, and the error that points at it: the promise made to the user.
UNFILLED = [
    ("anchor[0]", "unknown_subdivision"),
    ("network.area", "unknown_subdivision"),
    ("description", "empty_text"),
    ("objectives[0].text", "empty_text"),
    ("membership_policy.open_to", "empty_text"),
    ("persons[0].name", "empty_text"),
    ("meetings[0].title", "empty_text"),
    ("meetings[0].date", "invalid_date"),
    ("meetings[0].venue.name", "empty_text"),
    ("meetings[0].venue.city", "empty_text"),
    ("meetings[0].agenda[0]", "invalid_time_range"),
    ("meetings[0].agenda[1]", "invalid_time_range"),
]


TIME_LINE = f'time = "{PLACEHOLDER_TIME_RANGE}"'


def fill(text: str) -> str:
    """The starter as a person fills it in: each placeholder replaced, in file order."""
    # The placeholders are also quoted in the header comment: replace values only.
    text = text.replace(f'= ["{PLACEHOLDER_REGION}"]', '= ["FR-CVL"]')
    text = text.replace(f'area = "{PLACEHOLDER_REGION}"', 'area = "FR-CVL"')
    text = text.replace(f'date = "{PLACEHOLDER_DATE}"', 'date = "14/03/2025"')
    text = text.replace(TIME_LINE, 'time = "9h30 - 10h00"', 1)
    text = text.replace(TIME_LINE, 'time = "10h00 - 11h00"', 1)
    answers = iter(
        [
            "Les acteurs du Centre-Val de Loire engagés au Sénégal.",  # description
            "Faire se connaître les acteurs qui agissent au Sénégal",  # objective
            "Tout acteur du Centre-Val de Loire engagé au Sénégal.",  # open_to
            "Camille Martin",  # person
            "Première rencontre du Groupe Pays Sénégal",  # meeting title
            "Maison des associations",  # venue
            "Orléans",  # city
            "Accueil des participants",  # item 1
            "Présentation du groupe",  # item 2
        ]
    )
    lines = []
    for line in text.splitlines(keepends=True):
        if line.rstrip().endswith(' = ""'):
            line = line.replace('""', f'"{next(answers)}"')
        lines.append(line)
    assert next(answers, None) is None, "the starter has fewer empty texts than expected"
    return "".join(lines)


class TestUnfilled:
    def test_is_well_formed_toml(self) -> None:
        """The starter parses: what is wrong is its values, never its syntax."""
        assert tomllib.loads(starter_text("SN", NETWORK))["country"] == "SN"

    def test_every_placeholder_is_an_error_at_its_place(self) -> None:
        """Each value to fill in is refused, with its location and a code saying what is wrong."""
        with pytest.raises(GroupValidationError) as caught:
            loads(starter_text("SN", NETWORK))
        assert [(p.location, p.code) for p in caught.value.errors] == UNFILLED

    def test_the_region_error_lists_the_choices(self) -> None:
        """The region's message names every valid code, so the user can pick theirs."""
        with pytest.raises(GroupValidationError) as caught:
            loads(starter_text("SN", NETWORK))
        message = caught.value.errors[0].message
        assert message.startswith("'FR-XXX' is not a region of FR; known codes: ")
        assert "FR-CVL" in message
        assert "FR-NAQ" in message

    def test_times_are_checked_once_dates_are_filled(self) -> None:
        """An item's title left empty is reported once its times are filled."""
        text = starter_text("SN", NETWORK).replace(TIME_LINE, 'time = "9h30 - 10h00"', 1)
        with pytest.raises(GroupValidationError) as caught:
            loads(text)
        assert ("meetings[0].agenda[0].title", "empty_text") in [
            (p.location, p.code) for p in caught.value.errors
        ]

    def test_half_filled_is_still_refused(self) -> None:
        """Filling in all but one value leaves exactly that one error."""
        filled = fill(starter_text("SN", NETWORK))
        answer = 'open_to = "Tout acteur du Centre-Val de Loire engagé au Sénégal."'
        assert answer in filled
        half = filled.replace(answer, 'open_to = ""')
        with pytest.raises(GroupValidationError) as caught:
            loads(half)
        assert [(p.location, p.code) for p in caught.value.errors] == [
            ("membership_policy.open_to", "empty_text")
        ]


class TestFilled:
    def test_filled_in_is_valid_without_warnings(self) -> None:
        """Once every value is filled in, the group loads and checks clean."""
        group = loads(fill(starter_text("SN", NETWORK)))
        assert check(group).problems == ()
        assert group.anchor == ("FR-CVL",)
        assert group.network.id == "reseau-exemple-centre-val-de-loire"
        assert group.meeting("rencontre-1").agenda[1].facilitators[0].person == "coordination"

    @pytest.mark.parametrize(
        ("country", "fr", "ar", "en"),
        [
            ("SN", "Groupe Pays Sénégal", "مجموعة السنغال", "Senegal Country Group"),
            ("ma", "Groupe Pays Maroc", "مجموعة المغرب", "Morocco Country Group"),
            (
                "BF",
                "Groupe Pays Burkina Faso",
                "مجموعة بوركينا فاسو",
                "Burkina Faso Country Group",
            ),
        ],
    )
    def test_country_names_are_localised(self, country: str, fr: str, ar: str, en: str) -> None:
        """The group's name is written in French, Arabic and English from the country code."""
        group = loads(fill(starter_text(country, NETWORK)))
        assert (group.name.get("fr"), group.name.get("ar"), group.name.get("en")) == (fr, ar, en)
        assert group.country == country.upper()
        assert group.id == f"groupe-pays-{country.lower()}"


class TestArguments:
    @pytest.mark.parametrize("country", ["XX", "ZZ", "Sénégal", "", "SEN"])
    def test_unknown_country(self, country: str) -> None:
        """A country that is not an ISO 3166-1 alpha-2 code is refused, with an example."""
        with pytest.raises(StarterError, match="is not an ISO 3166-1 alpha-2 country code"):
            starter_text(country, NETWORK)

    @pytest.mark.parametrize("network", ["", "   "])
    def test_empty_network(self, network: str) -> None:
        """The network's name is needed."""
        with pytest.raises(StarterError, match="the network's name is empty"):
            starter_text("SN", network)

    @pytest.mark.parametrize(
        ("network", "network_id"),
        [
            ("SO Coopération", "so-cooperation"),
            ('Réseau "Loire" & Co', "reseau-loire-co"),
            ("شبكة", "reseau"),
        ],
    )
    def test_network_names_are_quoted_and_ids_made(self, network: str, network_id: str) -> None:
        """Any name is written as a TOML string; its id keeps letters and digits only."""
        data = tomllib.loads(starter_text("SN", network))
        assert data["network"]["name"] == network
        assert data["network"]["id"] == network_id

    def test_multi_line_network_name_is_one_line(self) -> None:
        """Line breaks in the name become spaces: a name is one line."""
        data = tomllib.loads(starter_text("SN", "Réseau\nExemple"))
        assert data["network"]["name"] == "Réseau Exemple"

    def test_schema_line_first(self) -> None:
        """The first line points editors to the published JSON Schema."""
        assert starter_text("SN", NETWORK).splitlines()[0] == f"#:schema {SCHEMA_ID}"


def command(*argv: str) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="rrma-groups new")
    add_arguments(parser)
    out, err = io.StringIO(), io.StringIO()
    status = run(parser.parse_args(argv), out, err)
    return status, out.getvalue(), err.getvalue()


class TestCommand:
    def test_prints_without_output_file(self) -> None:
        """Without -o the starter goes to standard output."""
        status, out, err = command("--country", "SN", "--network", NETWORK)
        assert (status, out, err) == (0, starter_text("SN", NETWORK), "")

    def test_writes_the_file(self, tmp_path: Path) -> None:
        """With -o it writes the file and says what to do next."""
        target = tmp_path / "g.toml"
        status, out, err = command("--country", "SN", "--network", NETWORK, "-o", str(target))
        assert status == 0
        assert out == ""
        assert (
            err
            == f"{target}: written; edit it, then check it with: rrma-groups validate {target}\n"
        )
        assert target.read_text(encoding="utf-8") == starter_text("SN", NETWORK)

    def test_never_overwrites_without_force(self, tmp_path: Path) -> None:
        """An existing file is kept (exit 2) unless --force is given."""
        target = tmp_path / "g.toml"
        target.write_text("mine", encoding="utf-8")
        status, _, err = command("--country", "SN", "--network", NETWORK, "-o", str(target))
        assert status == 2
        assert err == f"{target}: already exists; choose another name, or add --force\n"
        assert target.read_text(encoding="utf-8") == "mine"
        status, _, _ = command(
            "--country", "SN", "--network", NETWORK, "-o", str(target), "--force"
        )
        assert status == 0
        assert target.read_text(encoding="utf-8") == starter_text("SN", NETWORK)

    def test_example_copy(self) -> None:
        """--example writes the bundled example, comments included; it validates."""
        status, out, _ = command("--example")
        assert status == 0
        assert out == example_text("groupe_pays_maroc")
        assert check(loads(out)).ok

    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (
                ["--country", "SN"],
                "--country needs --network NAME: the network that hosts the group\n",
            ),
            (
                ["--example", "--network", "X"],
                "--network goes with --country, not with --example\n",
            ),
            (
                ["--country", "XX", "--network", "X"],
                "'XX' is not an ISO 3166-1 alpha-2 country code (such as SN, MA or BF)\n",
            ),
        ],
    )
    def test_usage_errors(self, argv: list[str], message: str) -> None:
        """Missing or clashing options: exit 2 and one line saying what to give."""
        assert command(*argv) == (2, "", message)

    def test_cannot_write(self, tmp_path: Path) -> None:
        """A folder that does not exist: exit 2, no traceback."""
        target = tmp_path / "missing" / "g.toml"
        status, _, err = command("--country", "SN", "--network", NETWORK, "-o", str(target))
        assert status == 2
        assert err.startswith(f"{target}: cannot write: ")

    def test_main_parses_its_arguments(self, capsys: pytest.CaptureFixture[str]) -> None:
        """``python -m rrma_groups.cli.new`` takes the same options."""
        assert main(["--country", "SN", "--network", NETWORK]) == 0
        assert capsys.readouterr().out == starter_text("SN", NETWORK)

    def test_country_or_example_is_required(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Neither --country nor --example: argparse says one is required."""
        with pytest.raises(SystemExit) as caught:
            main([])
        assert caught.value.code == 2
        assert "one of the arguments --country/-c --example is required" in capsys.readouterr().err
