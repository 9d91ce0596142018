"""The rrma-groups command: exit statuses, messages, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from builders import group_data
from rrma_groups.cli.app import main
from rrma_groups.examples import example_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        status = main(list(args))
    except SystemExit as exc:  # argparse's own exits (usage, --help, --version)
        status = int(exc.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


def write(tmp_path: Path, name: str, data: dict[str, object]) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


class TestValidate:
    def test_valid_file(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A valid file: exit 0 and a one-line verdict."""
        status, out, _ = run(capsys, "validate", str(example_path()))
        assert status == 0
        assert out == f"{example_path()}: valid\n"

    def test_warnings_are_printed_but_pass(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Warnings are shown, and the file still passes."""
        data = group_data()
        data["meetings"][0]["agenda"][1]["facilitators"] = []
        path = write(tmp_path, "g.json", data)
        status, out, _ = run(capsys, "validate", str(path))
        assert status == 0
        assert out.splitlines() == [
            f"{path}: warning: meetings[0].agenda[1].facilitators: 'Débat' has nobody to lead "
            "it [no_facilitator]",
            f"{path}: valid (1 warning)",
        ]

    def test_quiet_hides_warnings(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """--quiet prints only the verdict."""
        data = group_data()
        data["meetings"][0]["agenda"][1]["facilitators"] = []
        path = write(tmp_path, "g.json", data)
        assert run(capsys, "validate", "-q", str(path))[1] == f"{path}: valid (1 warning)\n"

    def test_invalid_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """Each error on its own line with file and location; exit 1."""
        data = group_data()
        data["meetings"][0]["agenda"][1]["room"] = "r9"
        data["persons"][0]["affiliation"] = "zz"
        path = write(tmp_path, "g.json", data)
        status, out, _ = run(capsys, "validate", str(path))
        assert status == 1
        lines = out.splitlines()
        assert lines[0].startswith(f"{path}: persons[0].affiliation: no actor has the id 'zz'")
        assert lines[1].startswith(f"{path}: meetings[0].agenda[1].room: no room has the id 'r9'")
        assert lines[2] == f"{path}: invalid (2 errors)"

    def test_syntax_error(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """A malformed file is invalid (exit 1) and says where."""
        path = tmp_path / "g.toml"
        path.write_text('id = "x"\nname = ', encoding="utf-8")
        status, _, err = run(capsys, "validate", str(path))
        assert status == 1
        assert err.startswith(f"{path}:2:")

    def test_missing_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """An unreadable file is a usage error: exit 2."""
        status, _, err = run(capsys, "validate", str(tmp_path / "nope.toml"))
        assert status == 2
        assert err == f"{tmp_path / 'nope.toml'}: no such file\n"

    def test_several_files_worst_status_wins(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """All files are checked; the exit status is the worst."""
        data = group_data()
        data["country"] = "XX"
        bad = write(tmp_path, "bad.json", data)
        status, out, _ = run(capsys, "validate", str(example_path()), str(bad))
        assert status == 1
        assert out.splitlines()[0] == f"{example_path()}: valid"


class TestOtherCommands:
    def test_schema(self, capsys: pytest.CaptureFixture[str]) -> None:
        """schema prints the JSON Schema."""
        status, out, _ = run(capsys, "schema")
        assert status == 0
        assert json.loads(out)["title"] == "rrma_groups country group"

    def test_schema_to_file(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """schema -o writes a file."""
        target = tmp_path / "schema.json"
        assert run(capsys, "schema", "-o", str(target))[0] == 0
        assert json.loads(target.read_text(encoding="utf-8"))["type"] == "object"

    def test_version(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--version prints the package version."""
        status, out, _ = run(capsys, "--version")
        assert status == 0
        assert out.startswith("rrma-groups ")

    def test_usage_error(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown command is a usage error: exit 2."""
        status, _, err = run(capsys, "frobnicate")
        assert status == 2
        assert "invalid choice: 'frobnicate'" in err

    def test_python_dash_m(self) -> None:
        """python -m rrma_groups runs the same command."""
        done = subprocess.run(
            [sys.executable, "-m", "rrma_groups", "validate", str(example_path())],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.endswith("valid\n")


class TestCollector:
    """The command may pause the cyclic garbage collector while it runs, and puts it back."""

    @pytest.mark.parametrize("enabled", [True, False])
    def test_state_put_back(self, capsys: pytest.CaptureFixture[str], enabled: bool) -> None:
        import gc

        import rrma_groups.cli

        seen: list[bool] = []
        was = gc.isenabled()
        try:
            if enabled:
                gc.enable()
            else:
                gc.disable()
            assert rrma_groups.cli.main(["render", "--format", "markdown"]) == 0
            seen.append(gc.isenabled())
        finally:
            if was:
                gc.enable()
            else:
                gc.disable()
        assert seen == [enabled]
        assert "Accueil des participants" in capsys.readouterr().out

    def test_paused_while_it_runs(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        import gc

        from rrma_groups.cli import programme

        during: list[bool] = []
        original = programme.run_render

        def spy(*args: object) -> int:
            during.append(gc.isenabled())
            return original(*args)  # type: ignore[arg-type]

        monkeypatch.setattr(programme, "run_render", spy)
        # The parser takes run_render when it is built, so the spy is in place for this run.
        assert main(["render", "--format", "markdown"]) == 0
        assert during == [False]
        assert gc.isenabled()
        capsys.readouterr()
