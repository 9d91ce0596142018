"""Performance figures of rrma_groups, each against a baseline measured in the same run.

    python benchmarks/run.py                 # the full run (a few minutes)
    python benchmarks/run.py --quick         # tiny sizes, 1-2 repeats, a few seconds
    python benchmarks/run.py --json out.json # also write the results
    python benchmarks/run.py --figure load_json --figure import   # a subset
    python benchmarks/run.py --list          # the figures and their targets

Each figure is a function registered in :data:`FIGURES` with its target (a ratio to its
baseline). A figure whose API does not exist yet (``rrma_groups.render``, ``rrma_groups.to_ical``,
the ``render`` command) is printed as "not available yet" and does not count; it runs as soon as
the API appears. Exit status: 0 when every figure that ran met its target, 1 when one missed it
(or failed), 2 for a usage error. See benchmarks/README.md for what each figure means.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import gc
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
import traceback
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from generate import generate_group, scaled_sizes, write_group  # noqa: E402

import rrma_groups  # noqa: E402

# --- configuration -------------------------------------------------------------------------


@dataclass(frozen=True)
class Config:
    items: int = 20_000
    """Agenda items of the main synthetic group (with items/10 actors and items/20 meetings)."""
    growth: tuple[int, int] = (4_000, 32_000)
    """The two sizes whose time ratio is the growth figure (linear would be their ratio, 8)."""
    repeats: int = 5
    """Timed runs of each in-process figure; the median is reported."""
    startup_repeats: int = 20
    """Fresh processes for each start-up figure; the median is reported."""
    seed: int = 0
    quick: bool = False


REALISTIC_ITEMS = 400
"""The size of a real group file: about 20 meetings of 20 items."""

QUICK = Config(items=400, growth=(200, 1_600), repeats=1, startup_repeats=2, quick=True)


# --- the pydantic baseline -----------------------------------------------------------------
# The same fields as rrma_groups' models, with plain types and no validator of our own: what
# pydantic alone costs to read the same JSON (enums are plain strings, localised texts are a
# string or a table, dates and times are left to pydantic's parser).

Text = str | dict[str, str]


class _Plain(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class BFormerName(_Plain):
    name: Text
    since: dt.date | None = None
    until: dt.date | None = None


class BIdentifiers(_Plain):
    siren: str | None = None
    siret: str | None = None
    rna: str | None = None


class BCooperation(_Plain):
    since: int | None = None
    partner_areas: Text | None = None
    description: Text | None = None
    priorities: list[str] = []


class BActor(_Plain):
    id: str
    name: Text
    short_name: Text | None = None
    kind: str = "other"
    country: str = "FR"
    area: str | None = None
    city: Text | None = None
    identifiers: BIdentifiers | None = None
    website: str | None = None
    description: Text | None = None
    former_names: list[BFormerName] = []
    dissolved: dt.date | None = None
    successor: str | None = None
    cooperation: BCooperation | None = None


class BNetwork(BActor):
    kind: str = "network"
    acronym: Text | None = None
    tagline: Text | None = None
    mission: Text | None = None
    context: Text | None = None
    founded_by: list[str] = []
    offers: list[str] = []


class BPerson(_Plain):
    id: str
    name: str
    affiliation: str | None = None
    role: Text | None = None
    email: str | None = None


class BPersonFacilitator(_Plain):
    person: str
    label: str | None = None
    on_behalf_of: str | None = None


class BActorFacilitator(_Plain):
    actor: str
    label: str | None = None


class BRoleFacilitator(_Plain):
    role: Text
    actor: str | None = None


class BItem(_Plain):
    title: Text
    start: dt.time
    end: dt.time | None = None
    kind: str = "other"
    id: str | None = None
    day: dt.date | None = None
    facilitators: list[BPersonFacilitator | BActorFacilitator | BRoleFacilitator] = []
    room: str | None = None
    track: str | None = None
    notes: Text | None = None
    fixed: bool = False


class BRoom(_Plain):
    id: str
    name: Text
    capacity: int | None = None


class BVenue(_Plain):
    name: Text
    address: str | None = None
    postal_code: str | None = None
    city: Text | None = None
    country: str = "FR"
    rooms: list[BRoom] = []


class BObjective(_Plain):
    text: Text
    id: str | None = None


class BMeeting(_Plain):
    id: str
    title: Text
    date: dt.date
    end_date: dt.date | None = None
    start: dt.time | None = None
    end: dt.time | None = None
    timezone: str = "Europe/Paris"
    venue: BVenue | None = None
    organiser: str | None = None
    contact: str | None = None
    signatory: str | None = None
    description: Text | None = None
    objectives: list[BObjective] = []
    attendance_mode: str = "in_person"
    online_url: str | None = None
    status: str = "scheduled"
    previous_date: dt.date | None = None
    agenda: list[BItem] = []


class BPriority(_Plain):
    id: str
    title: Text
    description: Text | None = None
    dac_codes: list[int] = []


class BMembershipPolicy(_Plain):
    open_to: Text
    network_membership: str = "not_required"
    note: Text | None = None


class BMembership(_Plain):
    actor: str
    role: str = "member"
    since: dt.date | int | None = None
    until: dt.date | int | None = None


class BPartnership(_Plain):
    id: str
    parties: list[str]
    kind: str = "decentralised_cooperation"
    status: str = "active"
    since: dt.date | int | None = None
    until: dt.date | int | None = None
    themes: list[str] = []
    description: Text | None = None


class BaselineGroup(_Plain):
    """A country group with plain pydantic types: the baseline of the load figures."""

    schema_version: int = 1
    id: str
    name: Text
    acronym: Text | None = None
    country: str
    anchor: list[str] = []
    network: BNetwork
    default_language: str = "fr"
    languages: list[str] = []
    description: Text | None = None
    objectives: list[BObjective] = []
    priorities: list[BPriority] = []
    membership_policy: BMembershipPolicy | None = None
    working_arrangements: Text | None = None
    actors: list[BActor] = []
    persons: list[BPerson] = []
    members: list[BMembership] = []
    partnerships: list[BPartnership] = []
    meetings: list[BMeeting] = []


# --- the other baselines -------------------------------------------------------------------

BASELINE_IMPORT = "import pydantic\nclass M(pydantic.BaseModel):\n    x: int\n"
"""A process that imports pydantic and defines one model: the start-up baseline."""

HEAVY_MODULES_PROBE = (
    "import sys, rrma_groups\n"
    "print(*sorted(m for m in ('babel', 'dateutil', 'icalendar') if m in sys.modules))\n"
)
"""Prints which of the libraries ``import rrma_groups`` must not load it loads."""


def time_ranges(group: Any) -> list[tuple[dt.time, dt.time | None]]:
    return [(item.start, item.end) for meeting in group.meetings for item in meeting.agenda]


def babel_loop(ranges: Sequence[tuple[dt.time, dt.time | None]], locale: str = "ar") -> int:
    """Babel formatting each item's time range once (the render baseline); returns the length."""
    from babel import Locale
    from babel import dates as babel_dates

    loc = Locale.parse(locale)
    short = loc.time_formats["short"].pattern
    skeleton = "hm" if any(c in short.replace("'", "") for c in "hK") else "Hm"
    total = 0
    for start, end in ranges:
        if end is None:
            text = babel_dates.format_time(start, "short", locale=loc)
        else:
            text = babel_dates.format_interval(start, end, skeleton, locale=loc)
        total += len(text)
    return total


_STAMP = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)


_ICAL_STATUS = {"scheduled": "CONFIRMED", "postponed": "TENTATIVE", "cancelled": "CANCELLED"}


def icalendar_direct(group: Any) -> bytes:
    """The events of ``to_ical(group, per_item=True)``, built directly with icalendar.

    One VEVENT per meeting, then one per agenda item (RELATED-TO its meeting), with the
    properties the library writes: UID, DTSTAMP, SEQUENCE, SUMMARY, DESCRIPTION and LOCATION
    with their LANGUAGE, DTSTART/DTEND in the meeting's timezone, STATUS, and for items
    X-RRMA-KIND and one X-RRMA-FACILITATOR per facilitator (its names in DESCRIPTION); then the
    VTIMEZONEs from zoneinfo. One difference: a meeting's DESCRIPTION here is its description
    (or title), where the library writes the whole programme as text, which is rendering work.
    """
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//rrma_groups benchmarks//baseline//EN")
    calendar.add("version", "2.0")
    language = group.default_language
    lang = {"LANGUAGE": language}
    persons = {person.id: person.name for person in group.persons}
    actors = {actor.id: actor.name.get(language) for actor in (group.network, *group.actors)}
    for meeting in group.meetings:
        zone = ZoneInfo(meeting.timezone)
        status = _ICAL_STATUS[meeting.status.value]
        location = None
        if meeting.venue is not None:
            venue = meeting.venue
            parts = [venue.name.get(language), venue.address]
            city = venue.city.get(language) if venue.city is not None else None
            parts.append(" ".join(p for p in (venue.postal_code, city) if p) or None)
            location = ", ".join(p for p in parts if p)
        parent = f"{meeting.id}@{group.id}.rrma-groups"
        event = Event()
        event.add("summary", meeting.title.get(language), parameters=lang)
        starts, ends = meeting.starts_at, meeting.ends_at
        event.add("dtstart", starts if starts is not None else meeting.date)
        if ends is not None:
            event.add("dtend", ends)
        event.add("dtstamp", _STAMP)
        event.add("uid", parent)
        event.add("sequence", 0)
        about = meeting.description or meeting.title
        event.add("description", about.get(language), parameters=lang)
        if location:
            event.add("location", location, parameters=lang)
        event.add("status", status)
        calendar.add_component(event)
        for index, item in enumerate(meeting.agenda):
            event = Event()
            event.add("summary", item.title.get(language), parameters=lang)
            day = item.day or meeting.date
            event.add("dtstart", dt.datetime.combine(day, item.start, tzinfo=zone))
            if item.end is not None:
                event.add("dtend", dt.datetime.combine(day, item.end, tzinfo=zone))
            event.add("dtstamp", _STAMP)
            event.add("uid", f"{meeting.id}+{item.id or index}@{group.id}.rrma-groups")
            event.add("sequence", 0)
            names = []
            for facilitator in item.facilitators:
                if hasattr(facilitator, "person"):
                    name = facilitator.label or persons.get(facilitator.person, "")
                    params = {"X-RRMA-ID": facilitator.person, "X-RRMA-TYPE": "person"}
                    if facilitator.on_behalf_of is not None:
                        params["X-RRMA-ON-BEHALF-OF"] = facilitator.on_behalf_of
                elif hasattr(facilitator, "role"):
                    name = facilitator.role.get(language)
                    params = {"X-RRMA-TYPE": "role"}
                else:
                    name = facilitator.label or actors.get(facilitator.actor, "")
                    params = {"X-RRMA-ID": facilitator.actor, "X-RRMA-TYPE": "actor"}
                names.append(name)
                event.add("x-rrma-facilitator", name, parameters=params)
            if names:
                event.add("description", "Animateur: " + ", ".join(names), parameters=lang)
            if location:
                event.add("location", location, parameters=lang)
            event.add("related-to", parent, parameters={"RELTYPE": "PARENT"})
            event.add("status", status)
            event.add("x-rrma-kind", item.kind.value)
            calendar.add_component(event)
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())


def library_ical(group: Any) -> Any:
    """``rrma_groups.to_ical`` of every meeting, item by item, serialised."""
    to_ical = rrma_groups.to_ical  # type: ignore[attr-defined,unused-ignore]
    try:
        result = to_ical(group, per_item=True)
    except TypeError:
        result = to_ical(group.meetings, per_item=True)  # if it takes meetings, not a group
    if not isinstance(result, str | bytes) and hasattr(result, "to_ical"):
        result = result.to_ical()
    return result


def library_render(group: Any) -> Any:
    return rrma_groups.render(group, format="html", lang="ar")  # type: ignore[attr-defined,unused-ignore]


# --- measuring -----------------------------------------------------------------------------


class NotAvailable(Exception):
    """The API this figure measures does not exist yet."""


def _timed(fn: Callable[[], object]) -> float:
    """One call's wall time. The harness's own objects (other groups, earlier results) are
    frozen out of the garbage collector's reach first, so that each call pays for the objects
    it makes, as it would in a fresh process, and not for what the harness keeps around."""
    gc.collect()
    gc.freeze()
    try:
        start = time.perf_counter()
        result = fn()
        elapsed = time.perf_counter() - start
    finally:
        gc.unfreeze()
    del result
    return elapsed


def _median_pair(
    measured: Callable[[], object], baseline: Callable[[], object] | None, repeats: int
) -> tuple[float, float | None]:
    """Medians of ``repeats`` timed calls of each, alternating, after one untimed warm-up."""
    measured()
    if baseline is not None:
        baseline()
    ours: list[float] = []
    theirs: list[float] = []
    for _ in range(repeats):
        ours.append(_timed(measured))
        if baseline is not None:
            theirs.append(_timed(baseline))
    return statistics.median(ours), statistics.median(theirs) if theirs else None


_CHILD_ENV: dict[str, str] = {}


def child_env(workdir: Path) -> dict[str, str]:
    """The environment of the measured processes: bytecode cached, in a folder of the run.

    With PYTHONDONTWRITEBYTECODE set (as in some containers) and no __pycache__ in the source
    tree, every process would compile rrma_groups from source while pydantic's installed .pyc
    files are used: a cost no installed user pays. So bytecode is written, under
    PYTHONPYCACHEPREFIX (the checkout is left alone), by the untimed first run of each command.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(workdir / "pycache")
    return env


def _run_process(command: Sequence[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False, env=_CHILD_ENV
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command)} exited with {done.returncode}: "
            + done.stderr.decode(errors="replace").strip()[-300:]
        )
    return elapsed


def _process_pair(
    measured: Sequence[str], baseline: Sequence[str], repeats: int
) -> tuple[float, float]:
    """Median wall times of fresh processes, alternating, after one untimed run of each."""
    _run_process(measured)
    _run_process(baseline)
    ours, theirs = [], []
    for _ in range(repeats):
        ours.append(_run_process(measured))
        theirs.append(_run_process(baseline))
    return statistics.median(ours), statistics.median(theirs)


def cli_command() -> list[str]:
    """The ``rrma-groups`` console script of this interpreter, else ``python -m rrma_groups``."""
    script = Path(sys.executable).with_name("rrma-groups")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "rrma_groups"]


@dataclass
class Dataset:
    items: int
    json_path: Path
    toml_path: Path
    _group: Any = None

    @property
    def group(self) -> Any:
        """The group, loaded once (for the render and iCalendar figures)."""
        if self._group is None:
            self._group = rrma_groups.load(self.json_path)
        return self._group


@dataclass
class Context:
    config: Config
    workdir: Path
    _datasets: dict[int, Dataset] = field(default_factory=dict)

    def release(self) -> None:
        """Forget the loaded groups (the files stay): each figure starts with a lean heap."""
        for data in self._datasets.values():
            data._group = None
        gc.collect()

    def dataset(self, items: int) -> Dataset:
        """The synthetic group with ``items`` items, written as JSON and TOML once."""
        if items not in self._datasets:
            data = generate_group(**scaled_sizes(items), seed=self.config.seed)
            json_path = write_group(data, self.workdir / f"group-{items}.json")
            toml_path = write_group(data, self.workdir / f"group-{items}.toml")
            self._datasets[items] = Dataset(items, json_path, toml_path)
        return self._datasets[items]


# --- figures -------------------------------------------------------------------------------


@dataclass
class Outcome:
    measured: float
    baseline: float
    unit: str = "s"
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Figure:
    key: str
    title: str
    """Formatted with the config's sizes: {items}, {small}, {large}."""
    baseline: str
    target: float | None
    """The ratio measured/baseline must not exceed it; None: the figure is reported only."""
    measure: Callable[[Context], Outcome]


FIGURES: dict[str, Figure] = {}


def figure(
    key: str, title: str, baseline: str, target: float | None
) -> Callable[[Callable[[Context], Outcome]], Callable[[Context], Outcome]]:
    def register(measure: Callable[[Context], Outcome]) -> Callable[[Context], Outcome]:
        FIGURES[key] = Figure(key, title, baseline, target, measure)
        return measure

    return register


def _need(name: str) -> None:
    if not hasattr(rrma_groups, name):
        raise NotAvailable(f"rrma_groups.{name} does not exist yet")


@figure(
    "import",
    'python -c "import rrma_groups"',
    "a process importing pydantic and defining one BaseModel",
    1.3,
)
def _import(ctx: Context) -> Outcome:
    ours, theirs = _process_pair(
        [sys.executable, "-c", "import rrma_groups"],
        [sys.executable, "-c", BASELINE_IMPORT],
        ctx.config.startup_repeats,
    )
    heavy = subprocess.run(
        [sys.executable, "-c", HEAVY_MODULES_PROBE],
        capture_output=True,
        text=True,
        check=True,
        env=_CHILD_ENV,
    ).stdout.split()
    notes = [
        f"also loaded by the import: {', '.join(heavy)}"
        if heavy
        else "loads neither Babel, dateutil nor icalendar"
    ]
    return Outcome(ours, theirs, notes=notes)


@figure(
    "cli_render",
    "rrma-groups render --lang ar --format html (bundled example)",
    "a process importing pydantic and defining one BaseModel",
    2.0,
)
def _cli_render(ctx: Context) -> Outcome:
    command = cli_command()
    probe = subprocess.run(
        [*command, "render", "--help"], capture_output=True, check=False, env=_CHILD_ENV
    )
    if probe.returncode != 0:
        raise NotAvailable("the rrma-groups command has no 'render' subcommand yet")
    example = str(rrma_groups.examples.example_path())
    ours, theirs = _process_pair(
        [*command, "render", example, "--lang", "ar", "--format", "html"],
        [sys.executable, "-c", BASELINE_IMPORT],
        ctx.config.startup_repeats,
    )
    return Outcome(ours, theirs)


@figure(
    "load_json",
    "load + validate + check {items} items from JSON",
    "pydantic model_validate_json into plain models of the same fields",
    2.0,
)
def _load_json(ctx: Context) -> Outcome:
    data = ctx.dataset(ctx.config.items)
    path = data.json_path
    ours, theirs = _median_pair(
        lambda: rrma_groups.load(path),
        lambda: BaselineGroup.model_validate_json(path.read_bytes()),
        ctx.config.repeats,
    )
    assert theirs is not None
    return Outcome(ours, theirs, notes=[f"JSON file: {path.stat().st_size / 2**20:.1f} MiB"])


@figure(
    "load_json_400",
    "load + validate + check {realistic} items from JSON (a real group's size)",
    "pydantic model_validate_json into plain models of the same fields",
    2.5,
)
def _load_json_realistic(ctx: Context) -> Outcome:
    data = ctx.dataset(REALISTIC_ITEMS)
    path = data.json_path
    # A call lasts a few milliseconds: each timed run is a batch, so that timer and scheduler
    # noise stay small beside it.
    batch = 20

    def ours() -> None:
        for _ in range(batch):
            rrma_groups.load(path)

    def theirs() -> None:
        for _ in range(batch):
            BaselineGroup.model_validate_json(path.read_bytes())

    measured, baseline = _median_pair(ours, theirs, max(ctx.config.repeats, 5))
    assert baseline is not None
    return Outcome(
        measured / batch,
        baseline / batch,
        notes=[f"JSON file: {path.stat().st_size / 2**10:.0f} KiB"],
    )


@figure(
    "load_toml",
    "load + validate + check {items} items from TOML",
    "tomllib parsing the file + the pydantic JSON baseline",
    2.0,
)
def _load_toml(ctx: Context) -> Outcome:
    data = ctx.dataset(ctx.config.items)

    def baseline() -> None:
        tomllib.loads(data.toml_path.read_text(encoding="utf-8"))
        BaselineGroup.model_validate_json(data.json_path.read_bytes())

    ours, theirs = _median_pair(
        lambda: rrma_groups.load(data.toml_path), baseline, ctx.config.repeats
    )
    assert theirs is not None
    return Outcome(ours, theirs)


@figure(
    "render_html",
    "render all {items} items to HTML in ar",
    "Babel formatting each item's time range once, in a loop",
    3.0,
)
def _render_html(ctx: Context) -> Outcome:
    _need("render")
    group = ctx.dataset(ctx.config.items).group
    ranges = time_ranges(group)
    ours, theirs = _median_pair(
        lambda: library_render(group), lambda: babel_loop(ranges), ctx.config.repeats
    )
    assert theirs is not None
    return Outcome(ours, theirs)


@figure(
    "to_ical",
    "to_ical of every meeting, per_item=True ({items} items)",
    "the same VEVENTs built directly with icalendar",
    1.5,
)
def _to_ical(ctx: Context) -> Outcome:
    _need("to_ical")
    group = ctx.dataset(ctx.config.items).group
    ours, theirs = _median_pair(
        lambda: library_ical(group), lambda: icalendar_direct(group), ctx.config.repeats
    )
    assert theirs is not None
    return Outcome(ours, theirs)


def series_size(config: Config) -> int:
    """The dates of the series figure: one per two items, at most the 10,000 a series may have."""
    return min(10_000, config.items // 2)


@figure(
    "series_check",
    "validate a series of {dates:g} dates, 15 % of them changed",
    "dateutil expanding the same rule once",
    2.0,
)
def _series_check(ctx: Context) -> Outcome:
    from dateutil.rrule import rrulestr

    from rrma_groups.model.recurrence import rule_dates
    from rrma_groups.model.series import Recurrence, Series

    first = dt.date(2017, 1, 6)
    every_3_days = "FREQ=DAILY;INTERVAL=3"
    count = series_size(ctx.config)
    dates = Recurrence.from_rrule_string(f"{every_3_days};COUNT={count}").dates(first)
    rule = f"{every_3_days};UNTIL={dates[-1]:%Y%m%d}"
    data = {
        "id": "series",
        "title": "Point",
        "recurrence": rule,
        "first_date": first,
        "time": "14h00 - 16h00",
        "exceptions": dates[1::20],
        "moved": [{"date": day, "to": day + dt.timedelta(days=1)} for day in dates[2::20]],
        "added": [day + dt.timedelta(days=2) for day in dates[3::20]],
    }

    def ours() -> None:
        rule_dates.cache_clear()  # each run expands the rule, as a fresh process does
        Series.model_validate(data)

    def baseline() -> None:
        list(rrulestr(rule, dtstart=dt.datetime.combine(first, dt.time())))

    measured, theirs = _median_pair(ours, baseline, ctx.config.repeats)
    assert theirs is not None
    return Outcome(measured, theirs)


def _growth(ctx: Context, run: Callable[[Dataset], object]) -> Outcome:
    small, large = (ctx.dataset(n) for n in ctx.config.growth)
    t_small = _median_pair(lambda: run(small), None, ctx.config.repeats)[0]
    t_large = _median_pair(lambda: run(large), None, ctx.config.repeats)[0]
    return Outcome(t_large, t_small)


GROWTH_BASELINE = "time at {small} items (linear growth: {linear:g})"


# Most of the time that grows faster than the file is the cyclic garbage collector's, which goes
# through every object again at each full collection and which a library may not pause (see
# docs/en/explanation/performance.md); growth_load_pydantic below compares the growth with
# pydantic's own on the same files, to tell what the library adds from what the collector does.
@figure("growth_load", "growth {small}→{large} items: load+check (JSON)", GROWTH_BASELINE, 9.0)
def _growth_load(ctx: Context) -> Outcome:
    return _growth(ctx, lambda data: rrma_groups.load(data.json_path))


@figure(
    "growth_load_pydantic",
    "growth {small}→{large} items: load+check (JSON), over pydantic's growth",
    "pydantic's growth validating the same files into plain models",
    1.5,
)
def _growth_load_pydantic(ctx: Context) -> Outcome:
    ours = _growth(ctx, lambda data: rrma_groups.load(data.json_path))
    theirs = _growth(
        ctx, lambda data: BaselineGroup.model_validate_json(data.json_path.read_bytes())
    )
    return Outcome(
        ours.measured / ours.baseline,
        theirs.measured / theirs.baseline,
        unit="x",
        notes=[
            f"ours: {ours.baseline * 1000:.1f} ms → {ours.measured * 1000:.1f} ms; "
            f"pydantic: {theirs.baseline * 1000:.1f} ms → {theirs.measured * 1000:.1f} ms"
        ],
    )


@figure("growth_render", "growth {small}→{large} items: render HTML ar", GROWTH_BASELINE, 9.0)
def _growth_render(ctx: Context) -> Outcome:
    _need("render")
    return _growth(ctx, lambda data: library_render(data.group))


@figure("growth_ical", "growth {small}→{large} items: to_ical per item", GROWTH_BASELINE, 9.0)
def _growth_ical(ctx: Context) -> Outcome:
    _need("to_ical")
    return _growth(ctx, lambda data: library_ical(data.group))


@figure(
    "memory",
    "peak memory of load+check, {items} items (tracemalloc)",
    "the JSON file's size",
    8.0,
)
def _memory(ctx: Context) -> Outcome:
    data = ctx.dataset(ctx.config.items)
    size = data.json_path.stat().st_size
    gc.collect()
    tracemalloc.start()
    group = rrma_groups.load(data.json_path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del group
    gc.collect()
    tracemalloc.start()
    BaselineGroup.model_validate_json(data.json_path.read_bytes())
    baseline_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    rss = {what: _child_maxrss(what, data.json_path) for what in ("import", "load", "baseline")}
    return Outcome(
        peak,
        size,
        unit="B",
        notes=[
            f"tracemalloc peak of the pydantic baseline: {_fmt(baseline_peak, 'B')}",
            "peak RSS of a fresh process (VmHWM): "
            f"import rrma_groups {_fmt(rss['import'], 'B')}, "
            f"+ load {_fmt(rss['load'], 'B')}, "
            f"pydantic baseline {_fmt(rss['baseline'], 'B')}",
        ],
    )


def _child_maxrss(what: str, path: Path) -> int:
    done = subprocess.run(
        [sys.executable, __file__, "--child-maxrss", what, str(path)],
        capture_output=True,
        text=True,
        check=True,
        env=_CHILD_ENV,
    )
    return int(done.stdout.strip())


def _child_maxrss_main(what: str, path: str) -> int:
    """In a fresh process: do ``what`` and print the peak resident set size, in bytes."""
    if what == "load":
        rrma_groups.load(path)
    elif what == "baseline":
        BaselineGroup.model_validate_json(Path(path).read_bytes())
    print(_peak_rss())
    return 0


def _peak_rss() -> int:
    """This process's peak resident set size, in bytes.

    On Linux ru_maxrss survives exec: a child of a big parent would report the parent's peak.
    /proc/self/status's VmHWM belongs to the new program's memory, so it is read first.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return maxrss if sys.platform == "darwin" else maxrss * 1024  # macOS counts bytes


# --- running and reporting -----------------------------------------------------------------


@dataclass
class Result:
    key: str
    title: str
    baseline_label: str
    target: float | None
    status: str
    """ok, missed, reported, not available, error"""
    measured: float | None = None
    baseline: float | None = None
    ratio: float | None = None
    unit: str = "s"
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0


def run_figure(fig: Figure, ctx: Context) -> Result:
    cfg = ctx.config
    names: dict[str, float] = {"items": cfg.items, "small": cfg.growth[0], "large": cfg.growth[1]}
    names["linear"] = cfg.growth[1] / cfg.growth[0]
    names["dates"] = series_size(cfg)
    names["realistic"] = REALISTIC_ITEMS
    title = fig.title.format(**names)
    label = fig.baseline.format(**names)
    started = time.perf_counter()
    try:
        outcome = fig.measure(ctx)
    except NotAvailable as exc:
        return Result(fig.key, title, label, fig.target, "not available", notes=[str(exc)])
    except Exception as exc:
        traceback.print_exc(file=sys.stderr)
        return Result(
            fig.key, title, label, fig.target, "error", notes=[f"{type(exc).__name__}: {exc}"]
        )
    ratio = outcome.measured / outcome.baseline if outcome.baseline else float("inf")
    status = "reported" if fig.target is None else "ok" if ratio <= fig.target else "missed"
    return Result(
        fig.key,
        title,
        label,
        fig.target,
        status,
        outcome.measured,
        outcome.baseline,
        ratio,
        outcome.unit,
        outcome.notes,
        time.perf_counter() - started,
    )


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return ""
    if unit == "s":
        return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.3f} s"
    if unit == "B":
        return f"{value / 2**20:.1f} MiB"
    if unit == "x":
        return f"{value:.2f}x"
    return f"{value:g} {unit}"


_OK = {"ok": "yes", "missed": "NO", "reported": "-", "not available": "-", "error": "ERROR"}


def table(results: Sequence[Result]) -> str:
    rows = [("figure", "measured", "baseline", "ratio", "target", "ok")]
    for r in results:
        if r.status == "not available":
            measured, baseline, ratio = "not available yet", "", ""
        elif r.status == "error":
            measured, baseline, ratio = "error", "", ""
        else:
            measured, baseline = _fmt(r.measured, r.unit), _fmt(r.baseline, r.unit)
            ratio = f"{r.ratio:.3f}x" if r.ratio is not None else ""
        target = f"<= {r.target:g}x" if r.target is not None else "report"
        rows.append((r.title, measured, baseline, ratio, target, _OK[r.status]))
    widths = [max(len(row[i]) for row in rows) for i in range(6)]
    lines = []
    for n, row in enumerate(rows):
        lines.append(" | ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip())
        if n == 0:
            lines.append("-+-".join("-" * w for w in widths))
    notes = []
    for r in results:
        notes.append(f"- {r.key}: baseline = {r.baseline_label}")
        notes.extend(f"    {note}" for note in r.notes)
    return "\n".join([*lines, "", *notes])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Measure rrma_groups against baselines measured in the same run."
    )
    parser.add_argument("--quick", action="store_true", help="tiny sizes, 1-2 repeats (smoke)")
    parser.add_argument("--repeats", type=int, help="timed runs per in-process figure")
    parser.add_argument("--startup-repeats", type=int, help="fresh processes per start-up figure")
    parser.add_argument("--seed", type=int, help="seed of the synthetic data")
    parser.add_argument("--figure", action="append", metavar="KEY", help="run only this figure")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write the results as JSON")
    parser.add_argument("--workdir", type=Path, help="keep the generated files in this folder")
    parser.add_argument("--list", action="store_true", help="list the figures and exit")
    parser.add_argument("--child-maxrss", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child_maxrss:
        return _child_maxrss_main(*args.child_maxrss)
    if args.list:
        for fig in FIGURES.values():
            target = f"<= {fig.target:g}x" if fig.target is not None else "report"
            print(f"{fig.key:14} {target:9} {fig.title}")
        return 0
    config = QUICK if args.quick else Config()
    overrides = {
        "repeats": args.repeats,
        "startup_repeats": args.startup_repeats,
        "seed": args.seed,
    }
    config = dataclasses.replace(config, **{k: v for k, v in overrides.items() if v is not None})
    if config.repeats < 1 or config.startup_repeats < 1:
        parser.error("repeats must be at least 1")
    keys = args.figure or list(FIGURES)
    unknown = [k for k in keys if k not in FIGURES]
    if unknown:
        parser.error(f"unknown figure(s) {', '.join(unknown)}; known: {', '.join(FIGURES)}")

    print(
        f"rrma_groups {rrma_groups.__version__} ({Path(rrma_groups.__file__).parent}) | "
        f"Python {platform.python_version()} | "
        f"{platform.machine()} {os.cpu_count()} CPUs | {config.items} items, growth "
        f"{config.growth[0]}→{config.growth[1]}, repeats {config.repeats} "
        f"(start-up {config.startup_repeats}), seed {config.seed}"
        + (" | QUICK: sizes too small for the targets to mean much" if config.quick else ""),
        flush=True,
    )
    results = []
    with tempfile.TemporaryDirectory(prefix="rrma-bench-") as temp:
        workdir = args.workdir or Path(temp)
        workdir.mkdir(parents=True, exist_ok=True)
        ctx = Context(config, workdir)
        _CHILD_ENV.clear()
        _CHILD_ENV.update(child_env(workdir))
        for key in keys:
            result = run_figure(FIGURES[key], ctx)
            ctx.release()
            print(f"  {key}: {result.status} ({result.seconds:.1f} s)", file=sys.stderr, flush=True)
            results.append(result)
    print(table(results))
    if args.json:
        payload = {
            "config": dataclasses.asdict(config),
            "python": platform.python_version(),
            "machine": platform.machine(),
            "cpus": os.cpu_count(),
            "results": [dataclasses.asdict(r) for r in results],
        }
        args.json.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    failed = [r for r in results if r.status in ("missed", "error")]
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
