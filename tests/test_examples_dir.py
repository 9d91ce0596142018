"""Every file in examples/ loads, validates and renders: the examples people copy all work.

``examples/`` holds group files for people to copy: the reference example (Groupe Pays Maroc,
also bundled in the package) and a second one from another network and country (Groupe Pays
Sénégal), which shows that nothing in the format is specific to Morocco.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from rrma_groups import (
    ItemKind,
    Meeting,
    PersonFacilitator,
    check,
    from_ical,
    load,
    render,
    to_ical,
)
from rrma_groups.examples import example_text

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
FILES = sorted(p for p in EXAMPLES.iterdir() if p.is_file() and p.suffix in (".toml", ".json"))
TOML_FILES = [p for p in FILES if p.suffix == ".toml"]


def test_the_folder_has_examples() -> None:
    """The folder is not empty (a renamed folder must not make these tests pass vacuously)."""
    assert {p.name for p in FILES} >= {"groupe_pays_maroc.toml", "groupe_pays_senegal.toml"}


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
class TestEveryExample:
    def test_loads_and_validates(self, path: Path) -> None:
        """The file loads: every value is valid and the cross-object checks find no error."""
        assert check(load(path)).ok

    def test_renders(self, path: Path) -> None:
        """Every meeting renders in every format, in French and Arabic."""
        group = load(path)
        for lang in ("fr", "ar"):
            for fmt in ("text", "markdown", "html"):
                assert render(group, fmt, lang=lang)
            for meeting in group.meetings:
                assert render(meeting, "text", lang=lang, group=group)

    def test_exports_to_icalendar_and_reads_back(self, path: Path) -> None:
        """Every meeting and series goes to a calendar and comes back, without a warning."""
        group = load(path)
        imported = from_ical(to_ical(group, "ar", per_item=True))
        assert imported.warnings == ()
        assert [m.id for m in imported.meetings] == [m.id for m in group.meetings]
        assert [s.id for s in imported.series] == [s.id for s in group.series]


@pytest.mark.parametrize("path", TOML_FILES, ids=[p.name for p in TOML_FILES])
def test_toml_renders_in_french_and_arabic(path: Path) -> None:
    """A TOML example renders as pages in French (left to right) and Arabic (right to left)."""
    group = load(path)
    french = render(group, "html", lang="fr")
    arabic = render(group, "html", lang="ar")
    assert '<html lang="fr" dir="ltr">' in french
    assert '<html lang="ar" dir="rtl">' in arabic


def test_reference_example_is_the_bundled_one() -> None:
    """examples/groupe_pays_maroc.toml is the copy of the example bundled in the package (but
    for its ``#:schema`` line: see TestBundledExamples)."""
    mine = (EXAMPLES / "groupe_pays_maroc.toml").read_text(encoding="utf-8")
    assert without_schema_line(mine) == without_schema_line(example_text())


def without_schema_line(text: str) -> str:
    """``text`` without its first line when that line is a ``#:schema`` directive: the copy in
    examples/ may point its editor at the repository's schema/ folder, which a copy written by
    ``rrma-groups new`` cannot, so that line is the one that may differ between the two."""
    first, _, rest = text.partition("\n")
    return rest if first.startswith("#:schema") else text


@pytest.fixture(scope="module")
def meeting() -> Meeting:
    """The full-day meeting of the Senegal example."""
    return load(EXAMPLES / "groupe_pays_senegal.toml").meeting("journee-2025")


class TestSenegalExample:
    """The second example holds what it is there to show."""

    def test_no_warnings(self) -> None:
        """Nothing suspicious either: every item that needs a facilitator has one, no gaps."""
        assert check(load(EXAMPLES / "groupe_pays_senegal.toml")).problems == ()

    def test_another_network_and_country(self) -> None:
        """Another country, another region, another network than the reference example."""
        group = load(EXAMPLES / "groupe_pays_senegal.toml")
        maroc = load(EXAMPLES / "groupe_pays_maroc.toml")
        assert (group.country, group.anchor) == ("SN", ("FR-CVL",))
        assert group.network.id != maroc.network.id
        assert "fictif" in (group.description.get("fr") if group.description else "")

    def test_full_day_with_lunch(self, meeting: Meeting) -> None:
        """9:00 to 17:00, with a lunch break that keeps its time."""
        start, end = meeting.starts_at, meeting.ends_at
        assert start is not None
        assert end is not None
        assert (start.hour, end.hour) == (9, 17)
        meals = [item for item in meeting.agenda if item.kind is ItemKind.MEAL]
        assert len(meals) == 1
        assert meals[0].fixed

    def test_parallel_workshops_rejoin_in_plenary(self, meeting: Meeting) -> None:
        """Two workshops at the same time in two rooms, then everyone together again."""
        items = list(meeting.agenda)
        workshops = [i for i in items if i.kind is ItemKind.WORKSHOP]
        assert len({(w.start, w.end) for w in workshops}) == 1
        assert len({w.room for w in workshops}) == 2
        after = [i for i in items if i.start >= workshops[0].end]
        assert after
        assert all(i.is_plenary for i in after)

    def test_several_people_lead(self, meeting: Meeting) -> None:
        """Items are led by several different people."""
        people = {
            f.person
            for item in meeting.agenda
            for f in item.facilitators
            if isinstance(f, PersonFacilitator)
        }
        assert len(people) >= 5

    def test_texts_in_three_languages(self) -> None:
        """The meeting's title and items exist in French, Arabic and English."""
        group = load(EXAMPLES / "groupe_pays_senegal.toml")
        for item in group.meeting("journee-2025").agenda:
            assert all(item.title.exact(lang) for lang in ("fr", "ar", "en"))

    def test_a_quarterly_series(self) -> None:
        """The first Friday of every quarter, 14:00-17:30: one date cancelled, one moved."""
        [series] = load(EXAMPLES / "groupe_pays_senegal.toml").series
        assert series.recurrence.to_rrule_string() == "FREQ=MONTHLY;INTERVAL=3;COUNT=4;BYDAY=1FR"
        found = series.meetings(include_cancelled=True)
        assert [(m.id, m.date, m.status.value, m.previous_date) for m in found] == [
            ("trimestrielle-2025-04-04", dt.date(2025, 4, 4), "scheduled", None),
            ("trimestrielle-2025-07-04", dt.date(2025, 7, 4), "cancelled", None),
            ("trimestrielle-2025-10-03", dt.date(2025, 10, 3), "scheduled", None),
            ("trimestrielle-2026-01-02", dt.date(2026, 1, 9), "scheduled", dt.date(2026, 1, 2)),
        ]
        assert all((m.start, m.end) == (dt.time(14), dt.time(17, 30)) for m in found)
        assert all(check(m).ok for m in found)

    def test_the_series_in_three_languages(self) -> None:
        """The series' title and its programme's items exist in French, Arabic and English."""
        [series] = load(EXAMPLES / "groupe_pays_senegal.toml").series
        texts = [series.title, *(item.title for item in series.agenda)]
        assert all(text.exact(lang) for text in texts for lang in ("fr", "ar", "en"))


class TestBundledExamples:
    """The examples a pip user has: `rrma-groups new --example maroc|senegal`."""

    @pytest.mark.parametrize("name", ["maroc", "senegal"])
    def test_the_bundled_copy_is_the_examples_folder_s(self, name: str) -> None:
        """The same file, but for a ``#:schema`` first line (the repository's copy may point at
        schema/), whichever copy has one."""
        from rrma_groups.examples import example_text

        mine = (EXAMPLES / f"groupe_pays_{name}.toml").read_text(encoding="utf-8")
        assert without_schema_line(example_text(name)) == without_schema_line(mine)

    @pytest.mark.parametrize("name", ["maroc", "senegal"])
    def test_the_bundled_copy_points_where_a_pip_user_can_go(self, name: str) -> None:
        """The bundled copy's ``#:schema`` line names ``./group.schema.json``, not a path of
        the repository: ``rrma-groups new --example`` writes the copy anywhere, and the schema
        beside it."""
        from rrma_groups.examples import example_text
        from rrma_groups.io import SCHEMA_LINE

        assert example_text(name).partition("\n")[0] == SCHEMA_LINE

    def test_every_example_is_bundled(self) -> None:
        """Each group file of examples/ is a bundled example, under its short name."""
        from rrma_groups.examples import EXAMPLE_ALIASES
        from rrma_groups.examples import EXAMPLES as BUNDLED

        assert {EXAMPLE_ALIASES[p.stem] for p in TOML_FILES} == set(BUNDLED)
        assert {p.name for p in TOML_FILES} == set(BUNDLED.values())

    @pytest.mark.parametrize(
        "name", ["senegal", "groupe_pays_senegal", "maroc", "groupe_pays_maroc"]
    )
    def test_new_writes_it(self, name: str, tmp_path: Path) -> None:
        from rrma_groups import load
        from rrma_groups.cli.app import main

        target = tmp_path / "groupe.toml"
        assert main(["new", "--example", name, "-o", str(target)]) == 0
        group = load(target)
        assert group.meetings or group.series

    def test_an_unknown_example(self) -> None:
        from rrma_groups.examples import UnknownExampleError, example_text

        with pytest.raises(UnknownExampleError) as caught:
            example_text("tunisie")
        assert isinstance(caught.value, KeyError)
        assert caught.value.describe("fr") == (
            "aucun exemple «\u202ftunisie\u202f»\u202f; il y a\u202f: maroc, senegal"
        )


GUIDES = [
    Path(__file__).resolve().parent.parent / "docs" / page
    for page in ("fr/guides/salles-ateliers-series.md", "en/howto/rooms-parallel-series.md")
]


@pytest.mark.parametrize("page", GUIDES, ids=[p.name for p in GUIDES])
def test_the_guides_show_the_example_as_it_is(page: Path) -> None:
    """The excerpts of the Senegal example that the rooms-and-series guides show (their
    ``toml`` blocks that are not edits, ``% test: replace``) are lines of the example file."""
    import re

    example = (EXAMPLES / "groupe_pays_senegal.toml").read_text(encoding="utf-8")
    text = page.read_text(encoding="utf-8")
    edits = re.findall(r"% test: replace \S+\n\n```toml\n(.*?)```.*?```toml\n(.*?)```", text, re.S)
    edited = {block for pair in edits for block in pair}
    excerpts = [b for b in re.findall(r"```toml\n(.*?)```", text, re.S) if b not in edited]
    assert len(excerpts) >= 4
    for excerpt in excerpts:
        assert excerpt in example, f"{page.name}: not in the example:\n{excerpt}"
