"""Write the seed corpus of each harness from the repository: fuzz/corpus/<harness>/.

Seeds are real inputs: the example groups (TOML, and JSON as saved by the library), the
files of the bad-input corpus (tests/data/bad), the seed programme table of the tests and the
Markdown tables and programmes written by the library, calendar exports of the examples, and
the times, dates and durations of those examples. The corpus folders are generated, and grow
as the fuzzer runs: they are not kept in the repository (see .gitignore).

    python fuzz/make_corpus.py
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPOSITORY = HERE.parent
sys.path.insert(0, str(REPOSITORY / "tests"))  # the seed table lives in tests/test_tables.py

import rrma_groups  # noqa: E402
from rrma_groups import render  # noqa: E402
from rrma_groups.export.ical import to_ical  # noqa: E402
from rrma_groups.render.agenda_table import markdown_table  # noqa: E402

LANGUAGES = ("fr", "ar", "en")


def _examples() -> list[tuple[str, rrma_groups.CountryGroup]]:
    paths = [REPOSITORY / "src" / "rrma_groups" / "data" / "groupe_pays_maroc.toml"]
    paths += sorted((REPOSITORY / "examples").glob("*.toml"))
    return [(path.name, rrma_groups.load(path)) for path in paths]


def loader_seeds() -> Iterable[bytes]:
    """The example files, the examples saved as JSON, and every file of the bad corpus."""
    yield (REPOSITORY / "src" / "rrma_groups" / "data" / "groupe_pays_maroc.toml").read_bytes()
    for path in sorted((REPOSITORY / "examples").glob("*.toml")):
        yield path.read_bytes()
    for _, group in _examples():
        yield rrma_groups.dumps(group, "json").encode("utf-8")
    for path in sorted((REPOSITORY / "tests" / "data" / "bad").iterdir()):
        if path.name != "README.md":
            yield path.read_bytes()


def tables_seeds() -> Iterable[bytes]:
    """The seed programme table, timed lines, and the tables and programmes written."""
    from test_tables import SEED_TABLE

    yield SEED_TABLE.encode("utf-8")
    yield b"Vendredi 4 novembre 2016\n14h00 - 14h15 Accueil (Cap Coop\xc3\xa9ration)\n14h20 Pause\n"
    for _, group in _examples():
        for meeting in group.meetings:
            for language in LANGUAGES:
                yield markdown_table(meeting.agenda, group=group, language=language).encode()
                yield render(meeting, "markdown", language, group=group).encode("utf-8")
                yield render(meeting, "text", language, group=group).encode("utf-8")


def ical_seeds() -> Iterable[bytes]:
    """Exports of the examples, with and without an event per item, and the hostile calendars
    of the tests (tests/data/bad-ical)."""
    for _, group in _examples():
        for language in LANGUAGES:
            yield to_ical(group, language)
            yield to_ical(group, language, per_item=True)
    for path in sorted((REPOSITORY / "tests" / "data" / "bad-ical").glob("*.ics")):
        yield path.read_bytes()


_TIME_VALUE = re.compile(
    r'^[ \t]*(?:time|start|end|duration|date|end_date|day)[ \t]*=[ \t]*"([^"]*)"', re.M
)


def timeparse_seeds() -> Iterable[bytes]:
    """Times, ranges, dates and durations as the examples write them, and a few others."""
    texts = {"14h00", "14h00 - 14h15", "2:30 pm", "٢:٣٠ م", "vendredi 4 novembre 2016"}
    texts |= {"04/11/2016", "2016-11-04", "الجمعة ٤ نونبر ٢٠١٦", "1h30", "PT1H30M", "ساعة ونصف"}
    paths = [REPOSITORY / "src" / "rrma_groups" / "data" / "groupe_pays_maroc.toml"]
    paths += sorted((REPOSITORY / "examples").glob("*.toml"))
    for path in paths:
        texts.update(_TIME_VALUE.findall(path.read_text(encoding="utf-8")))
    for text in sorted(texts):
        yield text.encode("utf-8")


SEEDS = {
    "timeparse": timeparse_seeds,
    "tables": tables_seeds,
    "loader": loader_seeds,
    "ical": ical_seeds,
}


def main() -> None:
    for name, seeds in SEEDS.items():
        folder = HERE / "corpus" / name
        folder.mkdir(parents=True, exist_ok=True)
        count = 0
        for seed in seeds():
            (folder / f"seed-{hashlib.sha1(seed).hexdigest()[:16]}").write_bytes(seed)
            count += 1
        print(f"{folder.relative_to(REPOSITORY)}: {count} seeds")


if __name__ == "__main__":
    main()
