"""Atheris harness: the time parser reads any text, or refuses it with TimeParseError.

Each input, decoded as UTF-8 (undecodable bytes become lone surrogates, which the parsers must
refuse too), goes to parse_time, parse_time_range, parse_date and parse_duration; their only
allowed exception is rrma_groups.RrmaError. See fuzz/README.md for how to run it.
"""

from __future__ import annotations

import contextlib
import sys

import atheris

with atheris.instrument_imports(include=["rrma_groups"]):
    from rrma_groups import RrmaError
    from rrma_groups.parsing.times import parse_date, parse_duration, parse_time, parse_time_range

READERS = (parse_time, parse_time_range, parse_date, parse_duration)


def test_one_input(data: bytes) -> None:
    text = data.decode("utf-8", errors="surrogateescape")
    for read in READERS:
        with contextlib.suppress(RrmaError):
            read(text)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
