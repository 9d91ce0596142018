"""The shortcuts of the models, and the quick way JSON files are loaded.

Each shortcut must accept only what the check it stands for accepts, and give the same value;
the loaders must give, for any input, what the full way gives: the same group, or the same
error at the same place.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter
from pydantic_core import SchemaValidator, ValidationError

import rrma_groups
from builders import group_data
from rrma_groups import GroupValidationError, RrmaError
from rrma_groups.examples import example_text
from rrma_groups.io import files
from rrma_groups.model import CountryGroup, LocalisedText
from rrma_groups.model.shortcuts import (
    shortcut_of,
    shortcut_validate,
    shortcut_validate_json,
    shortcut_validator,
)
from rrma_groups.model.types import (
    LINE_SHORTCUT,
    TEXT_SHORTCUT,
    Day,
    Id,
    MeetingDay,
    TimeOfDay,
    check_text,
)
from strategies import broken_group_data, groups, hostile_texts, mangled_bytes

BROKEN = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _accepts(validator: SchemaValidator, value: Any) -> bool:
    try:
        validator.validate_python(value)
    except ValidationError:
        return False
    return True


def _checks(value: str, *, single_line: bool) -> bool:
    try:
        check_text(value, single_line=single_line)
    except Exception:
        return False
    return True


# Every character of the BMP but the surrogates, and the planes' first characters.
CHARACTERS = [chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF] + [
    chr(c) for c in range(0x10000, 0x110000, 0x80)
]


class TestTextShortcuts:
    @pytest.mark.parametrize(
        ("shortcut", "single_line"), [(TEXT_SHORTCUT, False), (LINE_SHORTCUT, True)]
    )
    def test_every_character(self, shortcut: Any, single_line: bool) -> None:
        """Alone, after a letter and between spaces, each character is taken by the shortcut
        exactly when check_text takes it."""
        validator = SchemaValidator(shortcut)
        for char in CHARACTERS:
            for text in (char, "a" + char, " " + char + " "):
                assert _accepts(validator, text) == _checks(text, single_line=single_line), (
                    f"U+{ord(char):04X} in {text!r}"
                )

    @given(text=st.one_of(hostile_texts(), st.text(max_size=30)))
    @settings(max_examples=300, deadline=None)
    def test_never_more_than_the_check(self, text: str) -> None:
        """What a shortcut takes, check_text takes."""
        for shortcut, single_line in ((TEXT_SHORTCUT, False), (LINE_SHORTCUT, True)):
            if _accepts(SchemaValidator(shortcut), text):
                assert _checks(text, single_line=single_line)

    def test_length_limits(self) -> None:
        """The limits are those of check_text, in characters."""
        validator = SchemaValidator(LINE_SHORTCUT)
        assert _accepts(validator, "é" * 500)
        assert not _accepts(validator, "é" * 501)

    def test_the_types_have_them(self) -> None:
        """Texts, lines, ids, times and dates carry a shortcut."""
        for annotation in (LocalisedText, Id, TimeOfDay, Day, MeetingDay):
            schema = TypeAdapter(annotation).core_schema
            assert shortcut_of(schema) is not None, annotation


class TestValueShortcuts:
    @pytest.mark.parametrize(
        "value",
        [
            "14:00",
            "14:00:00",
            "23:59",
            "00:00",
            "24:00",
            "14:00:30",
            "14:00:00.5",
            "14h00",
            "2 pm",
            "1400",
            "14:00+01:00",
            "2016-11-04",
            "2016-02-30",
            "0000-01-01",
            "1799-12-31",
            "1800-01-01",
            "2200-12-31",
            "2201-01-01",
            "04/11/2016",
            "2016-11-04T00:00",
            "abc",
            "a.b-c_d",
            "-abc",
            "a" * 64,
            "a" * 65,
            "abc\n",
            "",
            " ",
        ],
    )
    @pytest.mark.parametrize("annotation", [Id, TimeOfDay, Day, MeetingDay])
    def test_same_value_or_left_to_the_check(self, annotation: Any, value: str) -> None:
        """A value the shortcut takes is taken by the type, as the same value."""
        adapter = TypeAdapter(annotation)
        shortcut = SchemaValidator(shortcut_of(adapter.core_schema))  # type: ignore[arg-type]
        try:
            quick = shortcut.validate_python(value)
        except ValidationError:
            return
        assert adapter.validate_python(value) == quick
        assert type(adapter.validate_python(value)) is type(quick)


class TestGroups:
    def test_the_example(self) -> None:
        """The bundled example, as TOML data and as JSON, gives the model's group."""
        group = rrma_groups.loads(example_text(), "toml")
        data = json.loads(rrma_groups.dumps(group, "json"))
        assert shortcut_validator(CountryGroup) is not None
        assert shortcut_validate(CountryGroup, data) == CountryGroup.model_validate(data)
        raw = json.dumps(data).encode()
        assert shortcut_validate_json(CountryGroup, raw) == CountryGroup.model_validate(data)

    @given(group=groups())
    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    def test_generated_groups(self, group: CountryGroup) -> None:
        """Valid groups of every shape go through the shortcuts, to the same group."""
        data = json.loads(rrma_groups.dumps(group, "json"))
        quick = shortcut_validate(CountryGroup, data)
        assert quick is not None
        assert quick == CountryGroup.model_validate(data)
        assert shortcut_validate_json(CountryGroup, json.dumps(data).encode()) == quick

    @BROKEN
    @given(data=broken_group_data(group_data))
    def test_broken_data(self, data: dict[str, Any]) -> None:
        """On broken data the shortcuts give the model's group, or nothing."""
        quick = shortcut_validate(CountryGroup, data)
        if quick is not None:
            assert quick == CountryGroup.model_validate(data)


def _outcome(text: str | bytes) -> tuple[str, Any]:
    try:
        group = rrma_groups.loads(text, "json")
    except RrmaError as exc:
        errors = getattr(exc, "errors", None)
        where = [(p.code, p.location) for p in errors] if errors else None
        line, column = getattr(exc, "line", None), getattr(exc, "column", None)
        return type(exc).__name__, (str(exc), where, line, column)
    return "group", group


def _both_ways(monkeypatch: pytest.MonkeyPatch, text: str | bytes) -> None:
    quick = _outcome(text)
    with monkeypatch.context() as patched:
        patched.setattr(files, "_load_json_quickly", lambda raw, source: None)
        full = _outcome(text)
    assert quick == full


class TestQuickJson:
    @pytest.mark.parametrize(
        "change",
        [
            ('"name": "Personne Deux"', '"name": "Personne Deux", "name": "Homonyme"'),
            ('"schema_version": 1', '"schema_version": 1.0'),
            ('"schema_version": 1', '"schema_version": true'),
            ('"schema_version": 1', '"schema_version": NaN'),
            ('"schema_version": 1', '"schema_version": ' + "1" * 5000),
            ('"Rencontre"', '"Rencontre \\ud800"'),
            ('"Rencontre"', '"Rencontre \\ud83d\\udc4d"'),
            ('"Rencontre"', '"Rencontre \u2067x"'),
            ('"Rencontre"', '"Rencontre \\u2067x"'),
            ('"Rencontre"', '"Rencontre\\u0000"'),
            ('"Rencontre"', '["' + "[" * 2000 + "]" * 2000 + '"]'),
            ('"Rencontre"', "[" * 2000 + "]" * 2000),
            ("{", "\ufeff{"),
            ("{", "[{"),
        ],
    )
    def test_refusals_are_the_full_ones(
        self, monkeypatch: pytest.MonkeyPatch, change: tuple[str, str]
    ) -> None:
        """What the quick way refuses the full way reports, as it would alone."""
        text = json.dumps(group_data(), ensure_ascii=False, indent=2)
        assert change[0] in text
        _both_ways(monkeypatch, text.replace(change[0], change[1], 1))

    def test_a_valid_file_goes_the_quick_way(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A valid file is loaded without json (the full way's parser)."""
        text = rrma_groups.dumps(rrma_groups.loads(example_text(), "toml"), "json")
        monkeypatch.setattr(files, "parse", None)  # would fail if called
        assert rrma_groups.loads(text, "json").id

    def test_a_large_file_is_validated_from_its_text(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """From the size where parsed data would weigh, the text is validated directly."""
        monkeypatch.setattr(files, "_PARSED_DATA_KEPT_BELOW", 0)
        expected = rrma_groups.loads(example_text(), "toml")
        text = rrma_groups.dumps(expected, "json")
        monkeypatch.setattr(files, "parse", None)
        assert rrma_groups.loads(text, "json") == expected

    def test_a_lower_integer_limit(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Under a lower limit of digits than jiter's, json's refusal is the one given."""
        import sys

        text = json.dumps(group_data()).replace(
            '"schema_version": 1', '"schema_version": ' + "1" * 700
        )
        old = sys.get_int_max_str_digits()
        sys.set_int_max_str_digits(640)
        try:
            _both_ways(monkeypatch, text)
        finally:
            sys.set_int_max_str_digits(old)

    @BROKEN
    @given(data=broken_group_data(group_data))
    def test_broken_data(self, data: dict[str, Any]) -> None:
        """Broken groups get the same group or error either way."""
        with pytest.MonkeyPatch.context() as monkeypatch:
            _both_ways(monkeypatch, json.dumps(data, ensure_ascii=False))

    @BROKEN
    @given(raw=mangled_bytes(json.dumps(group_data(), ensure_ascii=False)))
    def test_mangled_files(self, raw: bytes) -> None:
        """Files cut short or with bytes inserted get the same outcome either way."""
        with pytest.MonkeyPatch.context() as monkeypatch:
            _both_ways(monkeypatch, raw)


def test_isolates_beside_errors() -> None:
    """An error lists the warnings too, an isolate left open among them, read quickly or not."""
    data = group_data()
    data["description"] = "Texte \u2067ouvert"
    data["members"] = [{"actor": "nobody"}]
    for text in (json.dumps(data, ensure_ascii=False), json.dumps(data)):
        with pytest.raises(GroupValidationError) as caught:
            rrma_groups.loads(text, "json")
        assert "unbalanced_isolate" in [p.code for p in caught.value.warnings]
