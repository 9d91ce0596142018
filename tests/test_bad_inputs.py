"""Bad input: refused with a stable code at an exact place, never with a traceback.

The corpus is ``tests/data/bad/``; its README.md holds the table of expectations this module
reads (file, code, location, open issue). Inputs too big to keep in the repository are made
here, in a temporary folder. The hypothesis tests break a valid group in random ways and check
that loading it either works or raises :class:`~rrma_groups.RrmaError`, nothing else.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rrma_groups
from builders import group_data
from rrma_groups import FileFormatError, GroupValidationError, RrmaError
from rrma_groups.cli.app import main
from rrma_groups.examples import example_text
from rrma_groups.io.safe import MAX_FILE_SIZE
from strategies import broken_group_data, mangled_bytes

BAD = Path(__file__).parent / "data" / "bad"
MANIFEST = BAD / "README.md"

FILE_CODES = frozenset(
    {
        "syntax_error",
        "empty_file",
        "not_a_table",
        "binary_file",
        "not_utf8",
        "unreadable",
        "unknown_format",
        "file_too_large",
        "not_a_file",
    }
)
"""Codes of FileFormatError: their location is a line and column, not a place in the group."""
UNREADABLE = frozenset({"unreadable", "unknown_format", "file_too_large", "not_a_file"})
"""Codes for which the command exits with 2 (usage), not 1 (invalid data)."""


# --- the table of expectations ---------------------------------------------------------------


@dataclass(frozen=True)
class Expected:
    """One row of the table: a bad file and how it must be refused."""

    file: str
    what: str
    codes: tuple[str, ...]
    locations: tuple[str, ...]
    issue: str

    @property
    def path(self) -> Path:
        return BAD / self.file

    @property
    def exit_status(self) -> int:
        return 2 if self.codes[0] in UNREADABLE else 1


_ROW = re.compile(
    r"^\| `(?P<file>[^`]+)` \| (?P<what>.+?) \| (?P<codes>.+?) \| (?P<locations>.+?) \|"
    r"(?P<issue>.*)\|$"
)


def _cells(text: str) -> tuple[str, ...]:
    return tuple(part.strip().strip("`") for part in text.split("<br>"))


def read_manifest() -> list[Expected]:
    rows = []
    for line in MANIFEST.read_text(encoding="utf-8").splitlines():
        match = _ROW.match(line)
        if match:
            rows.append(
                Expected(
                    file=match["file"],
                    what=match["what"],
                    codes=_cells(match["codes"]),
                    locations=_cells(match["locations"]),
                    issue=match["issue"].strip(),
                )
            )
    return rows


EXPECTED = read_manifest()


def _cases(*, xfail_open_issues: bool = True) -> list[Any]:
    return [
        pytest.param(
            case,
            id=case.file,
            marks=[pytest.mark.xfail(strict=True, reason=case.issue)]
            if case.issue and xfail_open_issues
            else [],
        )
        for case in EXPECTED
    ]


def _position(exc: FileFormatError) -> str:
    if exc.line is None:
        return "—"
    return f"line {exc.line}" + (f", column {exc.column}" if exc.column is not None else "")


def refusal(path: Path) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The codes and locations of the errors ``load(path)`` raises."""
    try:
        rrma_groups.load(path)
    except FileFormatError as exc:
        return (exc.code,), (_position(exc),)
    except GroupValidationError as exc:
        return tuple(p.code for p in exc.errors), tuple(p.location for p in exc.errors)
    pytest.fail(f"{path.name} was accepted")


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out + err


class TestTheCorpus:
    def test_every_file_has_a_row(self) -> None:
        """No file in the folder goes untested, and no row names a missing file."""
        on_disk = {p.name for p in BAD.iterdir() if p.name != MANIFEST.name}
        listed = [case.file for case in EXPECTED]
        assert len(listed) == len(set(listed)), "a file is listed twice"
        assert sorted(on_disk - set(listed)) == [], "files without a row in README.md"
        assert sorted(set(listed) - on_disk) == [], "rows for files that do not exist"

    def test_there_are_at_least_sixty(self) -> None:
        """The corpus covers the issue's list: at least 60 bad files."""
        assert len(EXPECTED) >= 60

    def test_every_row_is_complete(self) -> None:
        """Each row gives as many locations as codes, and file codes get a line or a dash."""
        for case in EXPECTED:
            assert len(case.codes) == len(case.locations), case.file
            if case.codes[0] in FILE_CODES:
                assert re.fullmatch(r"—|line \d+(, column \d+)?", case.locations[0]), case.file

    def test_files_are_small(self) -> None:
        """The repository stays small: big inputs are made by the tests, not kept."""
        assert max(p.stat().st_size for p in BAD.iterdir()) < 100_000


class TestLoad:
    @pytest.mark.parametrize("case", _cases())
    def test_refused_with_its_code_at_its_place(self, case: Expected) -> None:
        """load() raises FileFormatError or GroupValidationError with the expected errors."""
        assert refusal(case.path) == (case.codes, case.locations)


class TestCommandLine:
    @pytest.mark.parametrize("case", _cases(xfail_open_issues=False))
    def test_exit_status_and_no_traceback(
        self, case: Expected, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """rrma-groups validate exits with 1 (2 if unreadable) and names code and place."""
        status, output = run_cli(capsys, "validate", str(case.path))
        assert status == case.exit_status
        assert "Traceback" not in output
        if case.issue:
            return
        if case.codes[0] in FILE_CODES:
            assert output.startswith(f"{case.path}{_colons(case.locations[0])}: ")
        else:
            for code, location in zip(case.codes, case.locations, strict=True):
                assert f"{case.path}: {location}: " in output
                assert f"[{code}]" in output

    def test_python_dash_m_on_the_whole_corpus(self) -> None:
        """The real entry point, on every file at once: the worst status (2) and no traceback."""
        files = [str(case.path) for case in EXPECTED]
        done = _python_m(files)
        assert done.returncode == 2
        assert "Traceback" not in done.stdout + done.stderr
        for name in files:
            assert name in done.stdout + done.stderr

    def test_python_dash_m_on_invalid_data(self) -> None:
        """Files that can be read but are wrong give exit status 1."""
        files = [str(c.path) for c in EXPECTED if c.exit_status == 1 and not c.issue]
        done = _python_m(files[::8])
        assert (done.returncode, done.stderr.count("Traceback")) == (1, 0)


def _colons(position: str) -> str:
    """A file position as the command prints it: "line 5, column 20" is ":5:20"."""
    return "".join(f":{n}" for n in re.findall(r"\d+", position))


def _python_m(files: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "rrma_groups", "validate", *files],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        check=False,
    )


# --- inputs too big to keep ------------------------------------------------------------------


class TestMadeOnTheFly:
    def test_file_over_the_size_limit(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A file over MAX_FILE_SIZE is refused before being read; the command exits with 2."""
        path = tmp_path / "big.toml"
        with path.open("wb") as out:
            out.truncate(MAX_FILE_SIZE + 1)  # sparse: no disk space used
        assert refusal(path) == (("file_too_large",), ("—",))
        status, output = run_cli(capsys, "validate", str(path))
        assert status == 2
        limit = f"{MAX_FILE_SIZE:,}"
        assert output == f"{path}: the file is larger than {limit} bytes, the most that is read\n"

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
    def test_a_named_pipe(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A named pipe is refused before it is opened (opening it would wait for a writer)."""
        path = tmp_path / "pipe.toml"
        os.mkfifo(path)
        assert refusal(path) == (("not_a_file",), ("—",))
        assert run_cli(capsys, "validate", str(path)) == (
            2,
            f"{path}: is a named pipe, not a file\n",
        )

    @pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
    def test_a_link_to_an_endless_device(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A link to /dev/zero (size 0, no end) is refused at once, not read until memory ends."""
        path = tmp_path / "zero.toml"
        path.symlink_to("/dev/zero")
        assert refusal(path) == (("not_a_file",), ("—",))
        assert run_cli(capsys, "validate", str(path)) == (2, f"{path}: is a device, not a file\n")

    @pytest.mark.parametrize(
        ("name", "text"),
        [
            ("deep.json", '{"name": ' + "[" * 100_000 + "]" * 100_000 + "}"),
            ("deep.toml", "name = " + "[" * 100_000 + "]" * 100_000 + "\n"),
            ("deep-tables.toml", "name = " + "{ a = " * 100_000 + "1" + " }" * 100_000 + "\n"),
        ],
    )
    def test_nested_100000_levels(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str
    ) -> None:
        """Nesting 100,000 levels deep is a syntax error, not a RecursionError."""
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        assert refusal(path) == (("syntax_error",), ("—",))
        status, output = run_cli(capsys, "validate", str(path))
        assert (status, output) == (1, f"{path}: {name.split('.')[-1].upper()} nested too deeply\n")

    def test_nesting_the_parser_accepts_is_a_wrong_type(self) -> None:
        """Arrays nested 500 deep where a text is expected: a plain wrong_type."""
        data = group_data()
        data["name"] = json.loads("[" * 500 + "]" * 500)
        with pytest.raises(GroupValidationError) as caught:
            rrma_groups.loads(json.dumps(data), "json")
        assert [(p.code, p.location) for p in caught.value.errors] == [("wrong_type", "name")]


# --- what the fixes must not break -----------------------------------------------------------


def _json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


class TestStrictJson:
    def test_duplicate_key_is_located_in_its_own_object(self) -> None:
        """Keys repeat across objects (every actor has an id); only a repeat in one counts."""
        text = _json(group_data()).replace(
            '"name": "Personne Deux"', '"name": "Personne Deux",\n      "name": "Homonyme"'
        )
        with pytest.raises(FileFormatError) as caught:
            rrma_groups.loads(text, "json")
        line = text[: text.index('"name": "Homonyme"')].count("\n") + 1
        assert (caught.value.line, caught.value.column) == (line, 7)
        assert (
            caught.value.reason == "JSON syntax error: the key 'name' is given twice in one object"
        )

    def test_surrogate_pair_is_one_character(self) -> None:
        """A character outside the BMP escaped as a surrogate pair is fine: 👍."""
        text = _json(group_data()).replace('"Rencontre"', '"Rencontre \\ud83d\\udc4d"')
        assert rrma_groups.loads(text, "json").meetings[0].title.get() == "Rencontre 👍"

    def test_lone_surrogate_in_text_given_as_str(self) -> None:
        """A str may hold a lone surrogate (TOML too): refused, with its place."""
        text = example_text().replace('id = "gpmar"', 'id = "gp\ud800mar"')
        line = text[: text.index("\ud800")].count("\n") + 1
        with pytest.raises(FileFormatError) as caught:
            rrma_groups.loads(text, "toml")
        assert (caught.value.code, caught.value.line, caught.value.column) == (
            "syntax_error",
            line,
            9,
        )
        assert "surrogate" in caught.value.reason

    def test_constants_inside_strings_are_text(self) -> None:
        """NaN and Infinity written inside strings are ordinary text."""
        data = group_data()
        data["description"] = 'NaN, Infinity, "-Infinity"'
        group = rrma_groups.loads(_json(data), "json")
        assert group.description == 'NaN, Infinity, "-Infinity"'

    @pytest.mark.parametrize("version", ["1.0", "true"])
    def test_schema_version_must_be_the_integer(self, version: str) -> None:
        """1.0 and true equal 1 in Python; the file must still say 1."""
        text = _json(group_data()).replace('"schema_version": 1', f'"schema_version": {version}')
        with pytest.raises(GroupValidationError) as caught:
            rrma_groups.loads(text, "json")
        assert caught.value.codes() == ["schema_version"]

    @pytest.mark.parametrize(
        ("head", "encoding"),
        [
            (b"\xff\xfe\x00\x00", "UTF-32"),
            (b"\xfe\xff", "UTF-16"),
        ],
    )
    def test_byte_order_marks(self, head: bytes, encoding: str) -> None:
        """UTF-16 and UTF-32 files are named as such, with advice."""
        with pytest.raises(FileFormatError) as caught:
            rrma_groups.loads(head + b"x" * 20, "toml")
        assert (caught.value.code, caught.value.reason) == (
            "not_utf8",
            f"the file is {encoding} text; save it as UTF-8",
        )


class TestNumbersAreNotTimes:
    def test_a_year_is_still_a_year(self) -> None:
        """Partnerships and memberships take a year alone, as a number."""
        data = group_data()
        data["partnerships"] = [{"id": "pp", "parties": ["a1", "a2"], "since": 1991}]
        data["members"] = [{"actor": "a1", "since": 2016}]
        group = rrma_groups.loads(_json(data), "json")
        assert (group.partnerships[0].since, group.members[0].since) == (1991, 2016)

    def test_toml_times_and_dates_are_still_read(self) -> None:
        """Native TOML dates and times are untouched by the refusal of numbers."""
        meeting = rrma_groups.loads(example_text(), "toml").meetings[0]
        assert (meeting.date, meeting.start) == (dt.date(2016, 11, 4), dt.time(14, 0))


class TestManyErrors:
    def test_many_dangling_references(self) -> None:
        """20,000 dangling references among 20,000 actors are all reported, each listing ids."""
        data = group_data()
        n = 20_000
        data["actors"] = [{"id": f"a{i}", "name": f"Acteur {i}"} for i in range(n)]
        data["persons"] = [{"id": "p1", "name": "P"}, {"id": "p2", "name": "Q"}]
        data["members"] = [{"actor": f"x{i}"} for i in range(n)]
        with pytest.raises(GroupValidationError) as caught:
            rrma_groups.loads(json.dumps(data), "json")
        assert len(caught.value.errors) == n
        assert caught.value.errors[-1].message.startswith(
            f"no actor has the id 'x{n - 1}'; known ids: a0, a1, a10, a100,"
        )


class TestTerminalSafety:
    def test_no_raw_control_characters_reach_the_terminal(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An unknown key holding an escape sequence or a bidi override is shown escaped."""
        data = group_data()
        data["\x1b[2J\x1b[31mname"] = 1
        data["\u202enoitpircsed"] = 2
        path = tmp_path / "g.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        _, output = run_cli(capsys, "validate", str(path))
        assert re.search("[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e]", output) is None

    def test_a_terminal_that_is_not_utf8(self) -> None:
        """On an ASCII console (LC_ALL=C, cron, some Windows code pages) é is no traceback."""
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "rrma_groups",
                "validate",
                str(BAD / "time-overlap-in-a-room.json"),
            ],
            capture_output=True,
            env={**os.environ, "PYTHONIOENCODING": "ascii"},
            check=False,
        )
        assert (done.returncode, b"Traceback" in done.stderr) == (1, False)


# --- anything at all ---------------------------------------------------------------------------


def _example_data() -> dict[str, Any]:
    """The reference example as plain JSON-like data (dates and times as text)."""

    def plain(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, list):
            return [plain(v) for v in value]
        if isinstance(value, dt.date | dt.time):
            return value.isoformat()
        return value

    result: dict[str, Any] = plain(tomllib.loads(example_text()))
    return result


def _serialise(data: dict[str, Any], fmt: str) -> str:
    if fmt == "toml":
        try:
            return tomli_w.dumps(data)
        except (TypeError, ValueError):  # TOML has no null; such data is tried as JSON
            pass
    return json.dumps(data)


def _load_or_refuse(text: str | bytes, fmt: rrma_groups.io.Format) -> None:
    """Loading works (and the group can be checked and saved again), or raises RrmaError."""
    try:
        group = rrma_groups.loads(text, fmt)
    except RrmaError:
        return
    rrma_groups.check(group)
    rrma_groups.dumps(group, fmt).encode("utf-8")


BROKEN = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class TestNeverAnotherException:
    @BROKEN
    @given(
        data=st.one_of(broken_group_data(group_data), broken_group_data(_example_data)),
        fmt=st.sampled_from(["json", "toml"]),
    )
    def test_broken_data(self, data: dict[str, Any], fmt: rrma_groups.io.Format) -> None:
        """A group with keys dropped, values of other types, hostile characters, odd times."""
        text = _serialise(data, fmt)
        _load_or_refuse(text, "json" if text.startswith("{") else fmt)

    @BROKEN
    @given(
        raw=st.one_of(
            mangled_bytes(json.dumps(group_data(), ensure_ascii=False)).map(lambda b: (b, "json")),
            mangled_bytes(example_text()).map(lambda b: (b, "toml")),
        )
    )
    def test_mangled_files(self, raw: tuple[bytes, rrma_groups.io.Format]) -> None:
        """A file cut short, with a slice missing, or with random bytes inserted."""
        _load_or_refuse(*raw)
