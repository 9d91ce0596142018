"""Starter files: refused until every value to fill in is filled in, valid once it is."""

from __future__ import annotations

import argparse
import io
import json
import shutil
import subprocess
import tomllib
from pathlib import Path
from typing import Any

import pytest

from builders import as_json
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
from rrma_groups.io import SCHEMA_FILE_NAME, SCHEMA_LINE, schema_text

ROOT = Path(__file__).resolve().parent.parent

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
        """The first line points editors to the JSON Schema beside the file."""
        assert starter_text("SN", NETWORK).splitlines()[0] == "#:schema ./group.schema.json"
        assert starter_text("SN", NETWORK).startswith(SCHEMA_LINE + "\n")
        assert SCHEMA_FILE_NAME in SCHEMA_LINE


def command(*argv: str) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="rrma-groups new")
    add_arguments(parser)
    out, err = io.StringIO(), io.StringIO()
    status = run(parser.parse_args(argv), out, err)
    return status, out.getvalue(), err.getvalue()


class TestCommand:
    def test_prints_without_output_file(self, tmp_path: Path) -> None:
        """Without -o the starter goes to standard output, and no schema file is written; the
        command says how to write the one its first line names."""
        status, out, err = command("--country", "SN", "--network", NETWORK)
        assert (status, out) == (0, starter_text("SN", NETWORK))
        assert err == (
            "the first line points editors to group.schema.json beside the file: write it "
            "there with: rrma-groups schema -o group.schema.json\n"
        )

    def test_writes_the_file(self, tmp_path: Path) -> None:
        """With -o it writes the file and the schema beside it, and says what to do next."""
        target = tmp_path / "g.toml"
        status, out, err = command("--country", "SN", "--network", NETWORK, "-o", str(target))
        assert status == 0
        assert out == ""
        schema = tmp_path / "group.schema.json"
        assert err == (
            f"{schema}: the JSON Schema, written beside {target} for editors that check it as "
            "you type\n"
            f"{target}: written; edit it, then check it with: rrma-groups validate {target}\n"
        )
        assert target.read_text(encoding="utf-8") == starter_text("SN", NETWORK)
        assert schema.read_text(encoding="utf-8") == schema_text()

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

    def test_example_copy_beside_its_schema(self, tmp_path: Path) -> None:
        """--example -o writes the example and the schema beside it, as the starter does."""
        target = tmp_path / "exemple.toml"
        status, _, err = command("--example", "senegal", "-o", str(target))
        assert status == 0
        assert "group.schema.json: the JSON Schema, written beside" in err
        assert target.read_text(encoding="utf-8") == example_text("senegal")
        assert (tmp_path / SCHEMA_FILE_NAME).read_text(encoding="utf-8") == schema_text()

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


# --- the schema beside the file ---------------------------------------------------------------


def schema_line_target(path: Path) -> Path:
    """The file that the ``#:schema`` first line of ``path`` names, read as Taplo reads it:
    a relative path from the folder of the file."""
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("#:schema ")
    return path.parent / first.removeprefix("#:schema ").strip()


def schema_errors(path: Path) -> list[str]:
    """What a JSON Schema validator finds in ``path``, against the schema its first line names."""
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(schema_line_target(path).read_text(encoding="utf-8"))
    data = as_json(tomllib.loads(path.read_text(encoding="utf-8")))
    validator = jsonschema.Draft202012Validator(schema)

    def leaves(error: Any) -> list[Any]:  # the errors inside an anyOf, where they are
        return [leaf for sub in error.context for leaf in leaves(sub)] if error.context else [error]

    found = {
        ".".join(map(str, leaf.absolute_path))
        for error in validator.iter_errors(data)
        for leaf in leaves(error)
    }
    # The deepest: an anyOf's other forms (a null, a text alone) fail higher up.
    return sorted(here for here in found if not any(f.startswith(f"{here}.") for f in found))


NEW_FILES = [
    pytest.param(["--example"], id="example-maroc"),
    pytest.param(["--example", "senegal"], id="example-senegal"),
    pytest.param(["--country", "SN", "--network", NETWORK], id="starter"),
]


class TestSchemaBeside:
    @pytest.mark.parametrize("argv", NEW_FILES)
    def test_the_first_line_names_the_schema_written_beside(
        self, argv: list[str], tmp_path: Path
    ) -> None:
        """The ``#:schema`` line resolves, from the file's folder, to the schema just written."""
        target = tmp_path / "groupe.toml"
        assert command(*argv, "-o", str(target))[0] == 0
        assert schema_line_target(target).resolve() == (tmp_path / "group.schema.json")
        assert schema_line_target(target).read_text(encoding="utf-8") == schema_text()

    @pytest.mark.parametrize("name", ["maroc", "senegal"])
    def test_an_example_passes_the_schema_beside_it(self, name: str, tmp_path: Path) -> None:
        """An editor finds nothing to complain about in a copy of an example."""
        target = tmp_path / "exemple.toml"
        command("--example", name, "-o", str(target))
        assert schema_errors(target) == []

    def test_the_starter_fails_the_schema_where_it_is_to_be_filled_in(self, tmp_path: Path) -> None:
        """The editor marks every value to fill in, where validate does (an item's time range
        at its ``time``), and the items' empty titles, which validate reports once the times
        are filled in; filled in, the file passes."""
        target = tmp_path / "groupe.toml"
        command("--country", "SN", "--network", NETWORK, "-o", str(target))
        unfilled = [
            f"{location}.time" if code == "invalid_time_range" else location
            for location, code in UNFILLED
        ]
        titles = ["meetings[0].agenda[0].title", "meetings[0].agenda[1].title"]
        assert schema_errors(target) == sorted(
            location.replace("[", ".").replace("]", "") for location in [*unfilled, *titles]
        )
        target.write_text(fill(target.read_text(encoding="utf-8")), encoding="utf-8")
        assert schema_errors(target) == []

    @pytest.mark.parametrize(
        "content",
        [
            pytest.param('{"title": "mon schéma"}\n', id="another-schema"),
            pytest.param("pas du JSON\n", id="not-json"),
            pytest.param(
                json.dumps({"$id": "https://example.org/group.schema.json"}), id="other-id"
            ),
        ],
    )
    @pytest.mark.parametrize("force", [False, True])
    def test_another_file_of_that_name_is_kept(
        self, content: str, force: bool, tmp_path: Path
    ) -> None:
        """A file named group.schema.json that is not the schema of group files is somebody
        else's: kept as it is (even with --force, which is about the group file), and said."""
        mine = tmp_path / "group.schema.json"
        mine.write_text(content, encoding="utf-8")
        target = tmp_path / "groupe.toml"
        status, _, err = command("--example", "-o", str(target), *(["--force"] if force else []))
        assert status == 0
        assert mine.read_text(encoding="utf-8") == content
        assert err.splitlines()[0] == (
            f"{mine}: left as it is: it is not the JSON Schema of group files, which the first "
            f"line of {target} points to"
        )

    def test_a_folder_of_that_name_is_kept(self, tmp_path: Path) -> None:
        """A folder named group.schema.json is left alone, and the group file still written."""
        (tmp_path / "group.schema.json").mkdir()
        target = tmp_path / "groupe.toml"
        status, _, err = command("--example", "-o", str(target))
        assert status == 0
        assert "left as it is" in err
        assert target.is_file()

    def test_an_older_schema_of_group_files_is_replaced(self, tmp_path: Path) -> None:
        """The schema of another version (its $id says it is one) is replaced by this one's."""
        older = json.loads(schema_text())
        older["properties"].pop("name")
        schema = tmp_path / "group.schema.json"
        schema.write_text(json.dumps(older), encoding="utf-8")
        target = tmp_path / "groupe.toml"
        status, _, err = command("--example", "-o", str(target))
        assert status == 0
        assert err.splitlines()[0] == f"{schema}: replaced by the JSON Schema of this version"
        assert schema.read_text(encoding="utf-8") == schema_text()

    def test_not_beside_a_link(self, tmp_path: Path) -> None:
        """Written through a link (``-o /dev/stdout`` is one), the file gets no schema beside
        either end: the command says how to write it, as for standard output."""
        (tmp_path / "ailleurs").mkdir()
        real = tmp_path / "ailleurs" / "vrai.toml"
        real.write_text("", encoding="utf-8")
        link = tmp_path / "lien.toml"
        link.symlink_to(real)
        status, _, err = command("--example", "-o", str(link), "--force")
        assert status == 0
        assert real.read_text(encoding="utf-8") == example_text()
        assert not list(tmp_path.rglob("group.schema.json"))
        assert err.splitlines()[0].startswith("the first line points editors to group.schema.json")

    def test_the_same_schema_is_left_alone_silently(self, tmp_path: Path) -> None:
        """A second group file in the same folder shares the schema: nothing more is said."""
        command("--example", "-o", str(tmp_path / "a.toml"))
        status, _, err = command("--example", "-o", str(tmp_path / "b.toml"))
        assert status == 0
        assert err == (
            f"{tmp_path / 'b.toml'}: written; edit it, then check it with: rrma-groups "
            f"validate {tmp_path / 'b.toml'}\n"
        )


TAPLO_PACKAGE = ROOT / "tests" / "ical_js" / "node_modules" / "@taplo" / "cli" / "dist" / "cli.js"


def taplo() -> list[str]:
    """The command of Taplo: the version pinned in tests/ical_js (``npm ci --prefix
    tests/ical_js``, as .ci/run does), else one on the PATH; the test is skipped without."""
    node = shutil.which("node")
    if node is not None and TAPLO_PACKAGE.is_file():
        return [node, str(TAPLO_PACKAGE)]
    found = shutil.which("taplo")
    if found is None:
        pytest.skip("Taplo is not installed: npm ci --prefix tests/ical_js")
    return [found]


@pytest.mark.parametrize("argv", NEW_FILES)
def test_taplo_checks_the_file_against_the_schema_beside_it(
    argv: list[str], tmp_path: Path
) -> None:
    """Taplo (behind Even Better TOML) loads the schema the first line names, without a
    network, and finds the file as the schema says: an example passes; the starter fails at its
    values to fill in, and passes once they are filled in."""
    target = tmp_path / "groupe.toml"
    assert command(*argv, "-o", str(target))[0] == 0
    check = [*taplo(), "check", "--no-auto-config", "--colors", "never", target.name]

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            check, cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False
        )

    result = run()
    assert "failed to load schema" not in result.stderr
    if "--country" in argv:
        assert result.returncode != 0
        assert "schema validation failed" in result.stderr
        target.write_text(fill(target.read_text(encoding="utf-8")), encoding="utf-8")
        result = run()
    assert result.returncode == 0, result.stderr
