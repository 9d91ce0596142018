"""Loading and saving group files: TOML and JSON, errors located, saves atomic."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import rrma_groups
from builders import group_data
from rrma_groups import FileFormatError, GroupValidationError
from rrma_groups.examples import example_text, groupe_pays_maroc
from rrma_groups.io.safe import MAX_FILE_SIZE, write_atomic


class TestRoundTrip:
    @pytest.mark.parametrize("fmt", ["toml", "json"])
    def test_dump_then_load_gives_an_equal_group(self, fmt: rrma_groups.io.Format) -> None:
        """Nothing is dropped: the reference example survives a save and a load."""
        group = groupe_pays_maroc()
        assert rrma_groups.loads(rrma_groups.dumps(group, fmt), fmt) == group

    @pytest.mark.parametrize("fmt", ["toml", "json"])
    def test_dump_is_stable(self, fmt: rrma_groups.io.Format) -> None:
        """Saving what was loaded from a save gives the same text."""
        group = groupe_pays_maroc()
        text = rrma_groups.dumps(group, fmt)
        assert rrma_groups.dumps(rrma_groups.loads(text, fmt), fmt) == text

    def test_schema_version_comes_first(self) -> None:
        """Every saved file starts by saying which format version it is."""
        text = rrma_groups.dumps(groupe_pays_maroc(), "toml")
        assert text.startswith("schema_version = 1\n")
        assert json.loads(rrma_groups.dumps(groupe_pays_maroc(), "json"))["schema_version"] == 1

    def test_toml_keeps_native_dates_and_times(self) -> None:
        """Dates and times are TOML dates and times, not strings."""
        text = rrma_groups.dumps(groupe_pays_maroc(), "toml")
        assert "date = 2016-11-04\n" in text
        assert "start = 14:00:00\n" in text

    def test_json_keeps_arabic_readable(self) -> None:
        """JSON output is UTF-8 text, not \\u escapes."""
        group = groupe_pays_maroc().replace(
            name=rrma_groups.LocalisedText({"fr": "Groupe Pays Maroc", "ar": "مجموعة المغرب"})
        )
        assert "مجموعة المغرب" in rrma_groups.dumps(group, "json")

    def test_file_round_trip(self, tmp_path: Path) -> None:
        """dump() then load() through a real file, format taken from the suffix."""
        for name in ("g.toml", "g.json"):
            rrma_groups.dump(groupe_pays_maroc(), tmp_path / name)
            assert rrma_groups.load(tmp_path / name) == groupe_pays_maroc()


class TestSyntaxErrors:
    def test_toml_error_has_line_and_column(self) -> None:
        """A TOML syntax error says where it is."""
        with pytest.raises(FileFormatError) as caught:
            rrma_groups.loads('id = "x"\nname = \n', "toml", source="g.toml")
        assert caught.value.line == 2
        assert str(caught.value).startswith("g.toml:2:")

    def test_json_error_has_line_and_column(self) -> None:
        """A JSON syntax error says where it is."""
        with pytest.raises(FileFormatError) as caught:
            rrma_groups.loads('{\n "id": "x",\n}', "json", source="g.json")
        assert (caught.value.line, caught.value.column) == (3, 1)
        assert str(caught.value) == "g.json:3:1: JSON syntax error: a key in double quotes expected"
        assert caught.value.describe("fr") == (
            "erreur de syntaxe JSON\u202f: une clé entre guillemets doubles attendue"
        )

    @pytest.mark.parametrize(
        ("text", "code", "message"),
        [
            ("", "empty_file", "<text>: the file is empty"),
            ("  \n\n", "empty_file", "<text>: the file is empty"),
            (
                "[1, 2]",
                "not_a_table",
                "<text>: the top level must be a table (an object), not a list",
            ),
        ],
    )
    def test_empty_and_wrong_top_level(self, text: str, code: str, message: str) -> None:
        """An empty file or a list at the top is refused with a plain message."""
        with pytest.raises(FileFormatError) as caught:
            rrma_groups.loads(text, "json")
        assert (caught.value.code, str(caught.value)) == (code, message)

    def test_binary_data(self) -> None:
        """Binary data is not mistaken for text."""
        with pytest.raises(FileFormatError, match="not a text file") as caught:
            rrma_groups.loads(b"\x89PNG\r\n\x1a\n\x00\x00", "toml")
        assert caught.value.code == "binary_file"

    def test_not_utf8(self) -> None:
        """Latin-1 text is refused with advice, and the line of the bad byte."""
        with pytest.raises(FileFormatError) as caught:
            rrma_groups.loads('id = "x"\nname = "Coop\xe9ration"\n'.encode("latin-1"), "toml")
        assert caught.value.code == "not_utf8"
        assert caught.value.line == 2
        assert "save the file as UTF-8" in str(caught.value)

    def test_utf8_bom_is_accepted(self) -> None:
        """A byte-order mark left by a Windows editor is harmless."""
        text = example_text().encode("utf-8-sig")
        assert rrma_groups.loads(text, "toml") == groupe_pays_maroc()


class TestFiles:
    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing file is reported as unreadable."""
        with pytest.raises(FileFormatError) as caught:
            rrma_groups.load(tmp_path / "nope.toml")
        assert caught.value.code == "unreadable"
        assert str(caught.value) == f"{tmp_path / 'nope.toml'}: no such file"

    def test_unknown_suffix(self, tmp_path: Path) -> None:
        """The format comes from the suffix; an unknown one is refused."""
        path = tmp_path / "group.yaml"
        path.write_text("id: x", encoding="utf-8")
        with pytest.raises(FileFormatError, match=r"use a \.toml or \.json file") as caught:
            rrma_groups.load(path)
        assert caught.value.code == "unknown_format"

    def test_too_large(self, tmp_path: Path) -> None:
        """A file over the size limit is refused before being read."""
        path = tmp_path / "big.json"
        with path.open("wb") as out:
            out.truncate(MAX_FILE_SIZE + 1)
        with pytest.raises(FileFormatError) as caught:
            rrma_groups.load(path)
        assert caught.value.code == "file_too_large"

    def test_folder(self, tmp_path: Path) -> None:
        """A folder is not a file."""
        folder = tmp_path / "g.toml"
        folder.mkdir()
        with pytest.raises(FileFormatError, match="is a folder"):
            rrma_groups.load(folder)


class TestValidationErrors:
    def test_every_error_is_reported_at_once(self) -> None:
        """All field errors of a file come together, each with its location."""
        data = group_data()
        data["country"] = "XX"
        data["actors"][0]["kind"] = "club"
        data["meetings"][0]["timezone"] = "Europe/Limoges"
        with pytest.raises(GroupValidationError) as caught:
            rrma_groups.loads(json.dumps(data), "json", source="g.json")
        assert [(p.code, p.location) for p in caught.value.errors] == [
            ("invalid_country", "country"),
            ("invalid_choice", "actors[0].kind"),
            ("invalid_timezone", "meetings[0].timezone"),
        ]
        assert str(caught.value).splitlines()[0] == "3 errors in g.json:"

    def test_misspelt_key_gets_a_suggestion(self) -> None:
        """An unknown key close to a real one suggests it."""
        data = group_data()
        agenda_item = data["meetings"][0]["agenda"][0]
        agenda_item["facilitateurs"] = agenda_item.pop("facilitators")
        with pytest.raises(GroupValidationError) as caught:
            rrma_groups.loads(json.dumps(data), "json")
        (problem,) = caught.value.errors
        assert problem.code == "unknown_field_suggestion"
        assert problem.location == "meetings[0].agenda[0].facilitateurs"
        assert problem.message == "unknown field 'facilitateurs'; did you mean 'facilitators'?"

    def test_unknown_key_without_a_close_match(self) -> None:
        """An unknown key far from every field is simply unknown."""
        data = group_data()
        data["zzz"] = 1
        with pytest.raises(GroupValidationError) as caught:
            rrma_groups.loads(json.dumps(data), "json")
        assert [(p.code, p.message) for p in caught.value.errors] == [
            ("unknown_field", "unknown field 'zzz'")
        ]

    def test_missing_required_field(self) -> None:
        """A missing field is named by its location."""
        data = group_data()
        del data["network"]["name"]
        with pytest.raises(GroupValidationError) as caught:
            rrma_groups.loads(json.dumps(data), "json")
        assert [(p.code, p.location, p.message) for p in caught.value.errors] == [
            ("missing", "network.name", "this field is required")
        ]

    def test_unsupported_schema_version(self) -> None:
        """A file from a future version of the format is refused, not misread."""
        data = group_data()
        data["schema_version"] = 2
        with pytest.raises(GroupValidationError) as caught:
            rrma_groups.loads(json.dumps(data), "json")
        assert (
            caught.value.errors[0].message
            == "schema_version 2 is not supported; this version reads 1"
        )

    def test_schema_version_may_be_left_out(self) -> None:
        """A hand-written file without schema_version is read as the current version."""
        data = group_data()
        del data["schema_version"]
        assert rrma_groups.loads(json.dumps(data), "json").schema_version == 1

    def test_impossible_date_in_toml_is_a_syntax_error(self) -> None:
        """TOML itself refuses 31 February."""
        text = example_text().replace("date = 2016-11-04", "date = 2016-02-31")
        with pytest.raises(FileFormatError, match="TOML syntax error"):
            rrma_groups.loads(text, "toml")

    def test_impossible_date_as_text(self) -> None:
        """A date written as text is read day-first, and 31/02 is refused with the reason."""
        data = group_data()
        data["meetings"][0]["date"] = "31/02/2016"
        with pytest.raises(GroupValidationError) as caught:
            rrma_groups.loads(json.dumps(data), "json")
        (problem,) = caught.value.errors
        assert (problem.code, problem.location) == ("invalid_date", "meetings[0].date")
        assert problem.message.startswith("cannot read '31/02/2016' as a date: ")

    def test_french_date_as_text(self) -> None:
        """04/11/2016 is 4 November."""
        data = group_data()
        data["meetings"][0]["date"] = "04/11/2016"
        group = rrma_groups.loads(json.dumps(data), "json")
        assert group.meetings[0].date.isoformat() == "2016-11-04"


class TestAtomicSave:
    def test_failed_serialisation_leaves_the_old_file(self, tmp_path: Path) -> None:
        """If the new content cannot be produced, the old file is untouched."""
        path = tmp_path / "g.toml"
        path.write_text("old content", encoding="utf-8")
        with pytest.raises(FileFormatError):
            rrma_groups.dumps(groupe_pays_maroc(), "yaml")  # type: ignore[arg-type]
        assert path.read_text(encoding="utf-8") == "old content"

    def test_failure_before_replace_leaves_the_old_file(self, tmp_path: Path) -> None:
        """A crash after writing the temporary file keeps the old file and cleans up."""
        path = tmp_path / "g.toml"
        path.write_bytes(b"old content")

        def crash() -> None:
            raise OSError(28, "No space left on device")

        with pytest.raises(OSError, match="No space left"):
            write_atomic(path, b"new content", _before_replace=crash)
        assert path.read_bytes() == b"old content"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["g.toml"]

    def test_refused_rename_leaves_the_old_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """When the system refuses the final rename, nothing changes and nothing is left over."""
        path = tmp_path / "g.toml"
        path.write_bytes(b"old content")

        def refuse(src: str, dst: object) -> None:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(os, "replace", refuse)
        with pytest.raises(PermissionError):
            rrma_groups.dump(groupe_pays_maroc(), path)
        assert path.read_bytes() == b"old content"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["g.toml"]

    def test_permissions_are_kept(self, tmp_path: Path) -> None:
        """Replacing a file keeps its permissions."""
        path = tmp_path / "g.toml"
        path.write_bytes(b"old")
        path.chmod(0o640)
        rrma_groups.dump(groupe_pays_maroc(), path)
        assert path.stat().st_mode & 0o777 == 0o640


class TestJsonSchema:
    def test_schema_describes_the_root(self) -> None:
        """The schema is draft 2020-12 and requires what a group needs."""
        schema = rrma_groups.json_schema()
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert set(schema["required"]) >= {"id", "name", "country", "network"}
        assert "meetings" in schema["properties"]
