"""Atheris harness: the calendar importer reads any bytes, or refuses them with IcalError.

Each input goes to rrma_groups.export.ical.from_ical; the only exception allowed is
rrma_groups.RrmaError. The meetings and series read must be valid and export again. icalendar,
which parses the content lines, is instrumented too. See fuzz/README.md for how to run it.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["rrma_groups", "icalendar"]):
    from rrma_groups import Meeting, RrmaError, Series
    from rrma_groups.export.ical import from_ical, to_ical


def test_one_input(data: bytes) -> None:
    try:
        imported = from_ical(data)
    except RrmaError:
        return
    for meeting in imported.meetings:
        if Meeting.model_validate(meeting.model_dump()) != meeting:
            raise AssertionError(f"meeting {meeting.id!r} read is not valid data")
        to_ical(meeting, per_item=True)
    for series in imported.series:
        if Series.model_validate(series.model_dump()) != series:
            raise AssertionError(f"series {series.id!r} read is not valid data")
        to_ical(series)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
