"""Files in and out: a save never replaces what it must not, a read never runs without end.

Saving (``dump``, ``write_atomic``, every ``-o``) does what ``>`` in a shell does: it follows a
link, writes to a device or a named pipe instead of replacing it, refuses a read-only file (the
superuser too), and keeps the owner, group and permissions of the file it replaces. Standard
output that cannot be written is said, with the status 2. Reading takes regular files only, and
at most ``MAX_FILE_SIZE`` bytes of anything; counts from the command line have a documented
bound.

Commands that could hang (reading a named pipe) run in a subprocess, with a timeout.
"""

from __future__ import annotations

import argparse
import io
import os
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pytest

import rrma_groups
from rrma_groups import FileFormatError
from rrma_groups.cli.app import build_parser, main
from rrma_groups.examples import example_path, groupe_pays_maroc
from rrma_groups.io.safe import MAX_FILE_SIZE, read_limited, read_stream, write_atomic
from rrma_groups.render.sign_in_sheet import MAX_BLANK_ROWS, sign_in_sheet

POSIX = pytest.mark.skipif(os.name != "posix", reason="links, pipes and devices as on POSIX")
ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
NB = "\u202f"  # French puts a narrow no-break space before a colon
NNBSP = "\u202f"  # and a narrow one between thousands

TIMEOUT = 20
"""Seconds a subprocess may take: a command that waits for a pipe fails the test, not hangs it."""


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        status = main(list(args))
    except SystemExit as exc:  # argparse's own exits (usage, --help)
        status = int(exc.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


def command(
    *args: str, stdin: int | IO[Any] = subprocess.DEVNULL, stdout: int | IO[Any] = subprocess.PIPE
) -> subprocess.CompletedProcess[str]:
    """``python -m rrma_groups ARGS`` in a subprocess, in English."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    environment |= {"PYTHONIOENCODING": "utf-8", "RRMA_GROUPS_LANG": "en"}
    return subprocess.run(
        [sys.executable, "-m", "rrma_groups", *args],
        stdin=stdin,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=environment,
        timeout=TIMEOUT,
        check=False,
    )


@pytest.fixture
def pipe(tmp_path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("named pipes are POSIX")
    path = tmp_path / "pipe.toml"
    os.mkfifo(path)
    return path


class Reader(threading.Thread):
    """Reads a named pipe to its end, as another program would."""

    def __init__(self, path: Path) -> None:
        super().__init__(daemon=True)
        self.path = path
        self.data = b""

    def run(self) -> None:
        with self.path.open("rb") as pipe:
            self.data = pipe.read()


@pytest.fixture
def reader(pipe: Path) -> Iterator[Reader]:
    thread = Reader(pipe)
    thread.start()
    yield thread
    if thread.is_alive():  # the test failed before writing: let the reader end
        with open(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK), "wb"):
            pass
    thread.join(TIMEOUT)


def probe_before_dev_null(tmp_path: Path) -> None:
    """Fail before /dev/null is touched if saving would replace a named pipe: the same fault
    would replace the machine's /dev/null with a file (as root)."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("named pipes are POSIX")
    probe = tmp_path / "probe"
    os.mkfifo(probe)
    reader = Reader(probe)
    reader.start()
    write_atomic(probe, b"probe")
    reader.join(TIMEOUT)
    assert stat.S_ISFIFO(probe.stat().st_mode), "a save replaced a named pipe"


# --- saving ----------------------------------------------------------------------------------


@POSIX
class TestALinkStaysALink:
    def test_the_target_is_replaced_and_the_link_kept(self, tmp_path: Path) -> None:
        """Saving to a link replaces the file it points to; the link still points to it."""
        target_folder, link_folder = tmp_path / "data", tmp_path / "links"
        target_folder.mkdir()
        link_folder.mkdir()
        target = target_folder / "g.toml"
        target.write_bytes(b"old")
        link = link_folder / "g.toml"
        link.symlink_to(target)
        rrma_groups.dump(groupe_pays_maroc(), link)
        assert link.is_symlink()
        assert os.readlink(link) == str(target)
        assert rrma_groups.load(target) == groupe_pays_maroc()

    def test_the_temporary_file_is_made_beside_the_target(self, tmp_path: Path) -> None:
        """The new file is written in the target's folder (a rename cannot cross file systems)."""
        target_folder, link_folder = tmp_path / "data", tmp_path / "links"
        target_folder.mkdir()
        link_folder.mkdir()
        (target_folder / "g.toml").write_bytes(b"old")
        (link_folder / "g.toml").symlink_to(target_folder / "g.toml")
        made: list[str] = []

        def look() -> None:
            made.extend(sorted(p.name for p in target_folder.iterdir()))

        write_atomic(link_folder / "g.toml", b"new", _before_replace=look)
        assert len(made) == 2
        assert made[0].startswith(".g.toml.")
        assert made[1] == "g.toml"
        assert sorted(p.name for p in link_folder.iterdir()) == ["g.toml"]

    def test_a_chain_of_relative_links(self, tmp_path: Path) -> None:
        """Links to links, relative ones included, are followed to the last file."""
        (tmp_path / "sub").mkdir()
        target = tmp_path / "sub" / "real.txt"
        target.write_bytes(b"old")
        (tmp_path / "sub" / "second").symlink_to("real.txt")
        (tmp_path / "first").symlink_to("sub/second")
        write_atomic(tmp_path / "first", b"new")
        assert target.read_bytes() == b"new"
        assert (tmp_path / "first").is_symlink()
        assert (tmp_path / "sub" / "second").is_symlink()

    def test_a_dangling_link_gets_its_file(self, tmp_path: Path) -> None:
        """A link to a file not made yet: the file is made, as ``>`` would make it."""
        link = tmp_path / "link.txt"
        link.symlink_to("later.txt")
        write_atomic(link, b"new")
        assert link.is_symlink()
        assert (tmp_path / "later.txt").read_bytes() == b"new"

    def test_a_loop_of_links_is_an_error(self, tmp_path: Path) -> None:
        """Links that lead to each other are refused, and nothing is written."""
        (tmp_path / "a").symlink_to("b")
        (tmp_path / "b").symlink_to("a")
        with pytest.raises(OSError, match="symbolic links"):
            write_atomic(tmp_path / "a", b"new")
        assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b"]


@POSIX
class TestWhatIsNotAFileIsWrittenTo:
    def test_dev_null_stays_a_device(self, tmp_path: Path) -> None:
        """Saving to /dev/null writes to it; it is not replaced by a file (even as root)."""
        probe_before_dev_null(tmp_path)
        write_atomic("/dev/null", b"nothing")
        assert stat.S_ISCHR(os.stat("/dev/null").st_mode)

    @pytest.mark.skipif(not ROOT, reason="making a device takes the superuser")
    def test_a_device_of_our_own_stays_a_device(self, tmp_path: Path) -> None:
        """A null device made for the test is written to and stays a device."""
        device = tmp_path / "null"
        try:
            os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        except PermissionError:
            pytest.skip("this container may not make devices")
        write_atomic(device, b"nothing")
        assert stat.S_ISCHR(device.stat().st_mode)
        assert sorted(p.name for p in tmp_path.iterdir()) == ["null"]

    def test_a_named_pipe_is_written_to(self, pipe: Path, reader: Reader) -> None:
        """Saving to a named pipe sends the bytes to its reader; the pipe stays a pipe."""
        write_atomic(pipe, b"through the pipe")
        reader.join(TIMEOUT)
        assert reader.data == b"through the pipe"
        assert stat.S_ISFIFO(pipe.stat().st_mode)

    def test_a_descriptor_path_appends_to_its_file(self, tmp_path: Path) -> None:
        """/dev/fd/N (and /dev/stdout) is written where the open file is, not replaced."""
        if not Path("/dev/fd").is_dir():
            pytest.skip("no /dev/fd")
        path = tmp_path / "out.txt"
        with path.open("ab") as out:
            out.write(b"before ")
            out.flush()
            inode = path.stat().st_ino
            write_atomic(f"/dev/fd/{out.fileno()}", b"after")
        assert path.read_bytes() == b"before after"
        assert path.stat().st_ino == inode

    def test_a_folder_is_refused(self, tmp_path: Path) -> None:
        """A folder is neither replaced nor written into."""
        with pytest.raises(IsADirectoryError):
            write_atomic(tmp_path, b"new")
        assert list(tmp_path.iterdir()) == []


@POSIX
class TestReadOnlyFilesAreRefused:
    def test_a_read_only_file_is_left_alone(self, tmp_path: Path) -> None:
        """A 0444 file is refused with PermissionError, by the superuser too; it is unchanged."""
        path = tmp_path / "g.toml"
        path.write_bytes(b"old")
        path.chmod(0o444)
        with pytest.raises(PermissionError, match="read-only"):
            rrma_groups.dump(groupe_pays_maroc(), path)
        assert path.read_bytes() == b"old"
        assert stat.S_IMODE(path.stat().st_mode) == 0o444
        assert sorted(p.name for p in tmp_path.iterdir()) == ["g.toml"]

    def test_writable_by_the_group_only(self, tmp_path: Path) -> None:
        """One write permission is enough for the superuser: only a file nobody may write is
        refused to them."""
        if not ROOT:
            pytest.skip("what the superuser may write")
        path = tmp_path / "g.txt"
        path.write_bytes(b"old")
        path.chmod(0o464)
        write_atomic(path, b"new")
        assert path.read_bytes() == b"new"

    def test_the_command_exits_with_2(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """render -o on a read-only file: status 2, the reason, and the file as it was."""
        path = tmp_path / "programme.txt"
        path.write_bytes(b"old")
        path.chmod(0o444)
        assert run(capsys, "render", "-o", str(path)) == (
            2,
            "",
            f"{path}: cannot write: the file is read-only\n",
        )
        assert path.read_bytes() == b"old"


@POSIX
class TestTheReplacedFileKeepsItsOwnerAndMode:
    @pytest.mark.parametrize("mode", [0o600, 0o640, 0o664, 0o2664])
    def test_permissions(self, tmp_path: Path, mode: int) -> None:
        """The new file has the old one's permissions, set-group-id included."""
        path = tmp_path / "g.txt"
        path.write_bytes(b"old")
        path.chmod(mode)
        write_atomic(path, b"new")
        assert stat.S_IMODE(path.stat().st_mode) == mode

    def test_owner_and_group(self, tmp_path: Path) -> None:
        """Where the process may (the superuser), the owner and group are kept too."""
        if not ROOT:
            pytest.skip("giving a file away takes the superuser")
        path = tmp_path / "g.txt"
        path.write_bytes(b"old")
        os.chown(path, 1234, 5678)
        path.chmod(0o640)
        write_atomic(path, b"new")
        status = path.stat()
        assert (status.st_uid, status.st_gid, stat.S_IMODE(status.st_mode)) == (1234, 5678, 0o640)

    def test_a_new_file_follows_the_umask(self, tmp_path: Path) -> None:
        """A new file is 0644 less the umask, as open() makes it."""
        mask = os.umask(0o027)
        try:
            write_atomic(tmp_path / "new.txt", b"new")
        finally:
            os.umask(mask)
        assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o640


@POSIX
class TestSavingFromTheCommandLine:
    def test_render_to_dev_null(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """render -o /dev/null succeeds and /dev/null is still a device afterwards."""
        probe_before_dev_null(tmp_path)
        assert run(capsys, "render", "-o", "/dev/null") == (0, "", "")
        assert stat.S_ISCHR(os.stat("/dev/null").st_mode)

    def test_render_to_a_link(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """-o through a link writes the linked file and keeps the link."""
        target = tmp_path / "programme.html"
        target.write_bytes(b"old")
        link = tmp_path / "latest.html"
        link.symlink_to(target.name)
        assert run(capsys, "render", "-f", "html", "-o", str(link))[0] == 0
        assert link.is_symlink()
        assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")

    def test_ics_to_a_named_pipe(self, pipe: Path, reader: Reader) -> None:
        """ics -o PIPE writes the calendar into the pipe."""
        done = command("ics", "-o", str(pipe))
        reader.join(TIMEOUT)
        assert (done.returncode, done.stderr) == (0, "")
        assert reader.data.startswith(b"BEGIN:VCALENDAR\r\n")
        assert stat.S_ISFIFO(pipe.stat().st_mode)


# --- standard output -------------------------------------------------------------------------

PRINTING_COMMANDS = [
    pytest.param(["validate", str(example_path())], id="validate"),
    pytest.param(["render"], id="render"),
    pytest.param(["render", "-f", "json"], id="render-json"),
    pytest.param(["ics"], id="ics"),
    pytest.param(["new", "--example"], id="new"),
    pytest.param(["import-agenda", "{table}"], id="import-agenda"),
    pytest.param(["directory"], id="directory"),
    pytest.param(["synergies"], id="synergies"),
    pytest.param(["report", "--year", "2016"], id="report"),
    pytest.param(["sign-in-sheet"], id="sign-in-sheet"),
    pytest.param(["schema"], id="schema"),
    pytest.param(["--help"], id="help"),
    pytest.param(["sign-in-sheet", "--help"], id="command-help"),
    pytest.param(["--version"], id="version"),
]


@pytest.fixture
def table(tmp_path: Path) -> Path:
    path = tmp_path / "table.txt"
    path.write_text("14h00 - 14h15 Accueil\n", encoding="utf-8")
    return path


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
class TestStandardOutputThatCannotBeWritten:
    @pytest.mark.parametrize("args", PRINTING_COMMANDS)
    def test_a_full_disk(self, args: list[str], table: Path) -> None:
        """Output to /dev/full: "cannot write", status 2, no traceback, in every command (and
        for --help and --version, which argparse alone would let fail in silence)."""
        with open("/dev/full", "w", encoding="utf-8") as full:
            done = command(*(a.format(table=table) for a in args), stdout=full)
        assert (done.returncode, done.stderr) == (
            2,
            "cannot write to standard output: No space left on device\n",
        )

    def test_the_message_is_translated(self) -> None:
        """The message is in the command's language."""
        with open("/dev/full", "w", encoding="utf-8") as full:
            done = command("render", "-l", "fr", stdout=full)
        assert (done.returncode, done.stderr) == (
            2,
            f"impossible d’écrire sur la sortie standard{NB}: No space left on device\n",
        )

    @POSIX
    def test_a_closed_standard_output(self) -> None:
        """With standard output closed (>&-), the same: status 2 and the reason."""
        done = subprocess.run(
            ["sh", "-c", 'exec "$0" -m rrma_groups render >&-', sys.executable],
            capture_output=True,
            text=True,
            env={**os.environ, "RRMA_GROUPS_LANG": "en"},
            timeout=TIMEOUT,
            check=False,
        )
        assert (done.returncode, done.stderr) == (
            2,
            "cannot write to standard output: Bad file descriptor\n",
        )

    def test_the_starter_module_too(self) -> None:
        """python -m rrma_groups new, the same command by another door."""
        with open("/dev/full", "w", encoding="utf-8") as full:
            done = subprocess.run(
                [sys.executable, "-m", "rrma_groups", "new", "--example"],
                stdout=full,
                stderr=subprocess.PIPE,
                text=True,
                env={**os.environ, "RRMA_GROUPS_LANG": "en"},
                timeout=TIMEOUT,
                check=False,
            )
        assert (done.returncode, done.stderr) == (
            2,
            "cannot write to standard output: No space left on device\n",
        )

    def test_a_reader_that_goes_away_is_no_error(self) -> None:
        """| head: the reader closes the pipe early; the command stops quietly with 0."""
        with subprocess.Popen(
            [sys.executable, "-m", "rrma_groups", "schema"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        ) as process:
            assert process.stdout is not None
            assert process.stderr is not None
            first = process.stdout.read(1)
            process.stdout.close()
            status = process.wait(TIMEOUT)
            assert (first, status, process.stderr.read()) == (b"{", 0, b"")


# --- reading ---------------------------------------------------------------------------------


class TestReadsAreCapped:
    def test_a_file_of_the_limit_is_read(self, tmp_path: Path) -> None:
        """Exactly ``limit`` bytes are read; one more is refused with file_too_large."""
        path = tmp_path / "t.txt"
        path.write_bytes(b"x" * 10)
        assert read_limited(path, limit=10) == b"x" * 10
        with pytest.raises(FileFormatError) as caught:
            read_limited(path, limit=9)
        assert (caught.value.code, caught.value.source) == ("file_too_large", str(path))
        assert caught.value.params == {"limit": 9}

    @pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="no /proc")
    def test_a_file_that_says_it_is_empty(self) -> None:
        """/proc files report a size of 0: the cap applies to what is read, not what is said."""
        assert os.stat("/proc/self/status").st_size == 0
        with pytest.raises(FileFormatError) as caught:
            read_limited("/proc/self/status", limit=16)
        assert caught.value.code == "file_too_large"

    @pytest.mark.parametrize(("size", "refused"), [(10, False), (11, True)])
    def test_a_stream(self, size: int, refused: bool) -> None:
        """Standard input is capped the same way."""
        stream = io.BytesIO(b"x" * size)
        if refused:
            with pytest.raises(FileFormatError, match="larger than 10 bytes"):
                read_stream(stream, limit=10)
        else:
            assert read_stream(stream, limit=10) == b"x" * 10

    def test_the_message_in_french(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The limit is written as French writes numbers."""
        path = tmp_path / "big.toml"
        with path.open("wb") as out:
            out.truncate(MAX_FILE_SIZE + 1)
        limit = f"33{NNBSP}554{NNBSP}432"
        assert run(capsys, "validate", "--lang", "fr", str(path)) == (
            2,
            "",
            f"{path}: le fichier dépasse {limit} octets, la taille maximale lue\n",
        )

    @pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
    def test_standard_input_without_end(self) -> None:
        """import-agenda - fed from /dev/zero stops at the cap, with status 2."""
        with open("/dev/zero", "rb") as zero:
            done = command("import-agenda", "-", stdin=zero)
        assert (done.returncode, done.stdout) == (2, "")
        assert done.stderr == (
            f"-: the file is larger than {MAX_FILE_SIZE:,} bytes, the most that is read\n"
        )


READING_COMMANDS = [
    pytest.param(["validate", "{path}"], id="validate"),
    pytest.param(["render", "{path}"], id="render"),
    pytest.param(["ics", "{path}"], id="ics"),
    pytest.param(["ics", "--previous", "{path}"], id="ics-previous"),
    pytest.param(["import-agenda", "{path}"], id="import-agenda"),
    pytest.param(["import-agenda", "{table}", "--group", "{path}"], id="import-agenda-group"),
    pytest.param(["directory", "{path}"], id="directory"),
    pytest.param(["synergies", "{path}"], id="synergies"),
    pytest.param(["report", "{path}", "--year", "2016"], id="report"),
    pytest.param(["sign-in-sheet", "{path}"], id="sign-in-sheet"),
]


@POSIX
class TestOnlyRegularFilesAreRead:
    @pytest.mark.parametrize("args", READING_COMMANDS)
    def test_a_named_pipe(self, args: list[str], pipe: Path, table: Path) -> None:
        """Every command refuses a named pipe at once (opening it would wait for a writer)."""
        done = command(*(a.format(path=pipe, table=table) for a in args))
        assert (done.returncode, done.stdout) == (2, "")
        assert done.stderr == f"{pipe}: is a named pipe, not a file\n"

    @pytest.mark.parametrize("args", READING_COMMANDS)
    def test_a_link_to_dev_zero(self, args: list[str], tmp_path: Path, table: Path) -> None:
        """A .toml link to /dev/zero (size 0, no end) is refused at once by every command."""
        if not Path("/dev/zero").exists():
            pytest.skip("no /dev/zero")
        link = tmp_path / "zero.toml"
        link.symlink_to("/dev/zero")
        done = command(*(a.format(path=link, table=table) for a in args))
        assert (done.returncode, done.stdout) == (2, "")
        assert done.stderr == f"{link}: is a device, not a file\n"

    def test_the_library_refuses_too(self, pipe: Path) -> None:
        """load() raises FileFormatError not_a_file, located by the path."""
        with pytest.raises(FileFormatError) as caught:
            rrma_groups.load(pipe)
        assert (caught.value.code, str(caught.value)) == (
            "not_a_file",
            f"{pipe}: is a named pipe, not a file",
        )

    @pytest.mark.parametrize(
        ("lang", "message"),
        [
            ("fr", "c’est un tube nommé, et non un fichier ordinaire"),
            ("ar", "هذا أنبوب مسمّى وليس ملفًا عاديًا"),
        ],
    )
    def test_the_message_is_translated(
        self, pipe: Path, capsys: pytest.CaptureFixture[str], lang: str, message: str
    ) -> None:
        """The kind of file and the refusal are in the command's language."""
        status, _, err = run(capsys, "validate", "--lang", lang, str(pipe))
        assert status == 2
        assert err.endswith(f": {message}\n")


# --- counts ----------------------------------------------------------------------------------


def _int_options() -> Iterator[tuple[str, argparse.Action]]:
    parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                for option in sub._actions:
                    if option.type is int:
                        yield name, option


class TestCountsAreBounded:
    def test_every_number_option_says_its_bounds(self) -> None:
        """Each whole-number option's help gives its range ("from 0 to 500")."""
        options = list(_int_options())
        assert sorted(o.dest for _, o in options) == ["blank_rows", "year"]
        for name, option in options:
            assert " from " in str(option.help), (name, option.dest)

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (["--blank-rows", "501"], f"--blank-rows is at most {MAX_BLANK_ROWS}\n"),
            (["--blank-rows", "10000000"], f"--blank-rows is at most {MAX_BLANK_ROWS}\n"),
            (["--blank-rows", "-1"], "--blank-rows cannot be negative\n"),
        ],
    )
    def test_blank_rows(
        self, capsys: pytest.CaptureFixture[str], args: list[str], message: str
    ) -> None:
        """sign-in-sheet --blank-rows beyond its bounds: status 2 and the bound, at once."""
        assert run(capsys, "sign-in-sheet", *args) == (2, "", message)

    def test_blank_rows_at_the_bound(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The bound itself is accepted."""
        status, out, _ = run(capsys, "sign-in-sheet", "--blank-rows", str(MAX_BLANK_ROWS))
        assert status == 0
        assert out.count('<tr class="blank">') == MAX_BLANK_ROWS

    @pytest.mark.parametrize(
        ("lang", "message"),
        [
            ("fr", "--blank-rows ne peut pas dépasser 500"),
            ("ar", "\u200fلا يمكن أن تتجاوز قيمة --blank-rows 500"),
        ],
    )
    def test_blank_rows_message_translated(
        self, capsys: pytest.CaptureFixture[str], lang: str, message: str
    ) -> None:
        """The refusal is in the command's language."""
        assert run(capsys, "sign-in-sheet", "--blank-rows", "501", "-l", lang) == (
            2,
            "",
            message + "\n",
        )

    def test_the_library_bound(self) -> None:
        """sign_in_sheet() refuses more than MAX_BLANK_ROWS blank rows too."""
        with pytest.raises(ValueError, match="at most 500"):
            sign_in_sheet(groupe_pays_maroc(), "limoges-2016", blank_rows=MAX_BLANK_ROWS + 1)

    @pytest.mark.parametrize("year", ["0", "10000"])
    def test_year(self, capsys: pytest.CaptureFixture[str], year: str) -> None:
        """report --year outside 1 to 9999: status 2."""
        assert run(capsys, "report", "--year", year) == (2, "", f"{year} is not a year\n")
