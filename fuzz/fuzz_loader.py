"""Atheris harness: the loader reads any bytes as TOML and as JSON, or refuses them.

Each input goes to rrma_groups.loads twice, as TOML and as JSON; the only exceptions allowed
are rrma_groups.RrmaError (FileFormatError, GroupValidationError). A group that loads must
save and load back equal, in both formats: nothing accepted is lost. See fuzz/README.md.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["rrma_groups"]):
    import rrma_groups
    from rrma_groups import RrmaError


def test_one_input(data: bytes) -> None:
    for fmt in ("toml", "json"):
        try:
            group = rrma_groups.loads(data, fmt)
        except RrmaError:
            continue
        for out in ("toml", "json"):
            if rrma_groups.loads(rrma_groups.dumps(group, out), out) != group:
                raise AssertionError(f"a group read as {fmt} is not the same saved as {out}")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
