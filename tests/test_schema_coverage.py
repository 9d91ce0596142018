"""How much of what ``validate`` refuses the JSON Schema refuses too, and that it refuses nothing
``validate`` accepts.

An editor checks a file against the schema as people type (see tests/test_starter.py, where
Taplo does): the more of the bad files of ``tests/data/bad`` the schema refuses, the sooner a
mistake shows. Of the bad files that parse as TOML or JSON, the schema refuses 78 of 108 (it
refused 34 before its patterns for codes, texts, times and dates). The rest need more than a
pattern: a duplicate id, a reference to nothing, an item outside its meeting or before its
start, a check digit, a language given twice in two cases.

The other way round matters more: a schema that refused a valid file would have editors mark
good files as wrong. Valid files (the examples, generated groups) and every way of writing a
time or a date that the parsers read must pass it.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builders import as_json
from rrma_groups import CountryGroup, dumps, json_schema
from rrma_groups.examples import EXAMPLES as BUNDLED
from rrma_groups.examples import example_text
from rrma_groups.parsing.times import parse_date, parse_duration, parse_time, parse_time_range
from strategies import (
    DATE_STYLES,
    TIME_STYLES,
    dates,
    durations,
    group_data_valid,
    time_ranges,
    timeparse_noise,
    times,
)

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parent.parent
BAD = ROOT / "tests" / "data" / "bad"
GOOD = sorted(
    path
    for folder in (ROOT / "tests" / "data").glob("good*")
    for path in folder.iterdir()
    if path.suffix in (".toml", ".json")
)

REFUSED_AT_LEAST = 78
"""Bad files the schema refuses, of the 108 that parse: it may refuse more, never fewer."""

SOME = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@functools.cache
def the_schema() -> dict[str, Any]:
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    return schema


@pytest.fixture(scope="module")
def validator() -> Any:
    return jsonschema.Draft202012Validator(the_schema())


@functools.cache
def definition(name: str) -> Any:
    """A validator of one definition of the schema (``TimeOfDay``, ``MeetingDate``...)."""
    schema = {"$ref": f"#/$defs/{name}", "$defs": the_schema()["$defs"]}
    return jsonschema.Draft202012Validator(schema)


def _no_constant(name: str) -> Any:
    raise ValueError(name)  # NaN and Infinity are no JSON, whatever Python's json reads


def parsed(path: Path) -> Any:
    """The data of a TOML or JSON file, or None when it does not parse."""
    try:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".toml":
            return as_json(tomllib.loads(text))
        return json.loads(text, parse_constant=_no_constant)
    except (ValueError, RecursionError):  # UnicodeDecodeError and TOMLDecodeError included
        return None


def errors(validator: Any, data: Any) -> list[str]:
    return [f"{'/'.join(map(str, e.path))}: {e.message[:120]}" for e in validator.iter_errors(data)]


# --- the bad files ----------------------------------------------------------------------------


def test_the_schema_refuses_most_bad_files(validator: Any) -> None:
    """Of the bad files that parse, the schema refuses at least REFUSED_AT_LEAST."""
    files = sorted(p for p in BAD.iterdir() if p.suffix in (".toml", ".json"))
    data = {path.name: parsed(path) for path in files}
    parsing = {name: value for name, value in data.items() if value is not None}
    accepted = sorted(name for name, value in parsing.items() if validator.is_valid(value))
    refused = len(parsing) - len(accepted)
    assert len(parsing) >= 100, "the bad files are not where they were"
    assert refused >= REFUSED_AT_LEAST, (
        f"the schema refuses {refused} of the {len(parsing)} bad files that parse, fewer than "
        f"{REFUSED_AT_LEAST}; it accepts: {', '.join(accepted)}"
    )


# --- what is valid passes ---------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(BUNDLED))
def test_the_bundled_examples_pass(name: str, validator: Any) -> None:
    assert errors(validator, as_json(tomllib.loads(example_text(name)))) == []


def test_the_good_files_pass(validator: Any) -> None:
    """The examples of examples/, and the files of tests/data/good* if there are any."""
    files = [*sorted((ROOT / "examples").glob("*.toml")), *GOOD]
    assert files
    assert {path.name: errors(validator, parsed(path)) for path in files} == {
        path.name: [] for path in files
    }


@SOME
@given(group_data_valid())
def test_generated_groups_pass(data: dict[str, Any]) -> None:
    """A valid group, as a file gives it and as the library writes it, passes the schema."""
    validator = jsonschema.Draft202012Validator(the_schema())
    assert errors(validator, as_json(data)) == []
    written = json.loads(dumps(CountryGroup.model_validate(data), "json"))
    assert errors(validator, written) == []


@SOME
@given(st.sampled_from(sorted(TIME_STYLES)), times())
def test_times_as_people_write_them_pass(style: str, time: dt.time) -> None:
    text = TIME_STYLES[style](time)
    assert parse_time(text) == time
    assert definition("TimeOfDay").is_valid(text), text


@SOME
@given(st.sampled_from(sorted(TIME_STYLES)), time_ranges(), st.sampled_from([" - ", "-", " to "]))
def test_time_ranges_as_people_write_them_pass(
    style: str, pair: tuple[dt.time, dt.time], separator: str
) -> None:
    text = separator.join(TIME_STYLES[style](time) for time in pair)
    assert parse_time_range(text) == pair
    assert definition("TimeRange").is_valid(text), text


@SOME
@given(st.sampled_from(sorted(DATE_STYLES)), dates())
def test_dates_as_people_write_them_pass(style: str, date: dt.date) -> None:
    text = DATE_STYLES[style](date)
    assert parse_date(text) == date
    assert definition("Date").is_valid(text), text
    if 1800 <= date.year <= 2200:
        assert definition("MeetingDate").is_valid(text), text


@SOME
@given(durations(), st.sampled_from(["{m}", "{m} min", "{m}'", "PT{m}M"]))
def test_durations_pass(duration: dt.timedelta, form: str) -> None:
    minutes = int(duration.total_seconds()) // 60
    text = form.format(m=minutes)
    assert parse_duration(text) == duration
    assert definition("Duration").is_valid(text), text
    assert definition("Duration").is_valid(minutes)


def _reads(parse: Any, text: str) -> bool:
    try:
        parse(text)
    except ValueError:  # TimeParseError
        return False
    return True


@settings(max_examples=400, deadline=None)
@given(timeparse_noise())
def test_whatever_the_parsers_read_passes(text: str) -> None:
    """Any text the parsers read, however odd, passes the schema's patterns."""
    if _reads(parse_time, text) and parse_time(text).second == 0:
        assert definition("TimeOfDay").is_valid(text), text
    if _reads(parse_time_range, text) and not any(t.second for t in parse_time_range(text)):
        assert definition("TimeRange").is_valid(text), text
    if _reads(parse_date, text):
        assert definition("Date").is_valid(text), text
    if _reads(parse_duration, text):
        assert definition("Duration").is_valid(text), text


@pytest.mark.parametrize(
    ("name", "text"),
    [
        *(("TimeOfDay", t) for t in ["14h00", "14h", "14 h 30", "14H30", "9h05", "14 heures"]),
        *(("TimeOfDay", t) for t in ["14:00", "14:00:00", "14.00", "2pm", "2:30 pm", "2.30 p.m."]),
        *(("TimeOfDay", t) for t in ["12am", "12pm", "midi", "Minuit", "noon", "midnight"]),
        *(("TimeOfDay", t) for t in ["14:00:00.000000", " 14h00 ", "١٤:٠٠", "٢:٣٠ م"]),
        *(("TimeRange", t) for t in ["14h00 - 14h15", "de 14h à 15h30", "from 2 pm to 3:30 pm"]),
        *(("TimeRange", t) for t in ["9-10h", "2-3 pm", "between 2 and 3 pm", "entre 9h et 10h"]),
        *(("TimeRange", t) for t in ["14:00->15:00", "11 until 1 pm", "من ١٤:٠٠ إلى ١٥:٠٠"]),
        *(("MeetingDate", t) for t in ["04/11/2016", "4.11.2016", "04-11-2016", "2016-11-04"]),
        *(("MeetingDate", t) for t in ["2016/11/04", "vendredi 4 novembre 2016", "4 nov. 2016"]),
        *(
            ("MeetingDate", t)
            for t in ["November 4, 2016", "Friday, November 4th, 2016", "29/02/2016"]
        ),
        *(("MeetingDate", t) for t in ["le 1er mars 2016", "الجمعة ٤ نونبر ٢٠١٦", " 04/11/2016, "]),
        *(
            ("Duration", t)
            for t in ["1h30", "90'", "PT1H30M", "une heure et demie", "half an hour"]
        ),
        *(("Duration", t) for t in ["1:30", "1,5 h", "ساعة و٣٠ دقيقة", "demi-heure"]),
    ],
)
def test_the_documented_forms_pass(name: str, text: str) -> None:
    """The forms the parsers' documentation promises pass the schema."""
    assert definition(name).is_valid(text)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("TimeOfDay", "25h00"),
        ("TimeOfDay", "24:00"),
        ("TimeOfDay", "14:30:30"),
        ("TimeOfDay", "14:00:00.5"),
        ("TimeOfDay", "14:00+01:00"),
        ("TimeOfDay", "2016-11-04"),
        ("TimeOfDay", "14"),
        ("TimeRange", "14h00 - 25h00"),
        ("TimeRange", "HHhMM - HHhMM"),
        ("MeetingDate", "31/02/2016"),
        ("MeetingDate", "31/04/2016"),
        ("MeetingDate", "9999-12-31"),
        ("MeetingDate", "2016-11-04T14:00:00"),
        ("MeetingDate", "JJ/MM/AAAA"),
        ("MeetingDate", "04/11/16"),
        ("Date", "4 novembre"),
        ("Duration", "?"),
        ("Duration", 0),
    ],
)
def test_what_no_parser_reads_fails(name: str, text: str | int) -> None:
    """Values that the validator refuses, and that a pattern can tell, fail the schema."""
    assert not definition(name).is_valid(text)
