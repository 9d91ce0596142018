"""The activity report of a group for a period (a year by default), for its funders.

>>> from rrma_groups.examples import groupe_pays_maroc
>>> report = activity_report(groupe_pays_maroc(), 2016)
>>> len(report.meetings), report.hours, report.participants, report.organisations
(1, datetime.timedelta(seconds=12600), 3, 3)

What is counted, and how:

- meetings: those whose first day falls in the period, unless cancelled; their hours are the
  time from the start of the first item (or the meeting's declared start) to the end of the
  last, day by day;
- participants: registrations recorded as present (a person at two meetings counts twice);
  organisations: distinct organisations of those present, over the whole period, by kind;
- new members: memberships of the group that begin in the period;
- projects: those running at some time in the period (a project without dates counts), by
  status, region and theme (a project in two regions counts in each);
- resources: those dated in the period.

Made-up samples count like the rest, and the report says how many entries are samples.

:func:`rrma_groups.render.report.render_report` writes the report out, with tables and charts.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from ..errors import RrmaError
from ..model import ActorKind, CountryGroup, Meeting, MeetingStatus
from ..model.participants import Attendance
from ..model.projects import ProjectStatus, period_bounds
from ..problems import describe_message
from .participation import participants

__all__ = ["ActivityReport", "ReportError", "activity_report", "meeting_hours"]


class ReportError(RrmaError, ValueError):
    """A report that cannot be made: a period that ends before it starts, an unknown format."""

    code = "report_error"

    def describe(self, lang: str | None = None) -> str:
        """The message in ``lang``, its dates written the way that language writes them."""
        return describe_message(self.template, self.params, lang)


@dataclass(frozen=True, slots=True)
class ActivityReport:
    """The figures of a group's activity from ``first`` to ``last`` (both included)."""

    first: dt.date
    last: dt.date
    meetings: tuple[str, ...]
    """Ids of the meetings held, in date order."""
    cancelled: int
    hours: dt.timedelta
    registered: int
    participants: int
    """Registrations recorded as present."""
    participants_by_kind: Mapping[ActorKind | None, int]
    organisations_by_kind: Mapping[ActorKind | None, int]
    new_members: tuple[str, ...]
    """Ids of the actors whose membership began in the period, in date order."""
    projects: tuple[str, ...]
    projects_by_status: Mapping[ProjectStatus, int]
    projects_by_region: Mapping[str | None, int]
    """By ISO 3166-2 region; ``None`` for projects without one."""
    projects_by_theme: Mapping[str | None, int]
    """By priority id; ``None`` for projects without one."""
    resources: tuple[str, ...]
    fictional: int
    """How many of the counted entries are made-up samples."""

    @property
    def organisations(self) -> int:
        """Distinct organisations represented."""
        return sum(self.organisations_by_kind.values())

    @property
    def is_year(self) -> bool:
        return (self.first.month, self.first.day, self.last.month, self.last.day) == (
            1,
            1,
            12,
            31,
        ) and self.first.year == self.last.year


def meeting_hours(meeting: Meeting) -> dt.timedelta:
    """How long a meeting lasts: per day, first start to last end (declared bounds first)."""
    by_day: dict[dt.date, list[tuple[dt.time, dt.time]]] = {}
    for item in meeting.agenda:
        by_day.setdefault(item.day or meeting.date, []).append((item.start, item.end or item.start))
    total = dt.timedelta(0)
    for day in meeting.days:
        spans = by_day.get(day, [])
        first = meeting.start if day == meeting.date and meeting.start else None
        last = meeting.end if day == meeting.last_date and meeting.end else None
        first = first or min((s for s, _ in spans), default=None)
        last = last or max((e for _, e in spans), default=None)
        if first is not None and last is not None and last > first:
            total += dt.datetime.combine(day, last) - dt.datetime.combine(day, first)
    return total


def activity_report(
    group: CountryGroup,
    year: int | None = None,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> ActivityReport:
    """The group's activity in ``year`` (default: this year), or from ``start`` to ``end``."""
    if start is None and end is None:
        year = year if year is not None else dt.date.today().year
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    else:
        if year is not None:
            raise ReportError("year_and_dates")
        first = start or dt.date.min
        last = end or dt.date.max
    if last < first:
        raise ReportError("period_reversed", first=first, last=last)
    fictional = {a.id for a in (group.network, *group.actors) if a.fictional}
    samples = 0

    held = sorted(
        (m for m in group.meetings if first <= m.date <= last),
        key=lambda m: (m.date, m.id),
    )
    cancelled = sum(m.status is MeetingStatus.CANCELLED for m in held)
    held = [m for m in held if m.status is not MeetingStatus.CANCELLED]
    hours = sum((meeting_hours(m) for m in held), dt.timedelta(0))
    registered = present = 0
    by_kind: Counter[ActorKind | None] = Counter()
    organisations: dict[str, ActorKind | None] = {}
    for meeting in held:
        for person in participants(group, meeting):
            registered += 1
            if person.attendance is not Attendance.PRESENT:
                continue
            present += 1
            samples += person.fictional
            by_kind[person.kind] += 1
            if person.organisation_key is not None:
                organisations.setdefault(person.organisation_key, person.kind)

    joined = []
    for membership in group.members:
        since, _ = period_bounds(membership.since, None)
        if since is not None and first <= since <= last:
            joined.append((since, membership.actor))
    joined.sort()
    samples += sum(actor in fictional for _, actor in joined)

    projects = [p for p in group.projects if p.overlaps(first, last)]
    samples += sum(p.fictional for p in projects)
    by_region: Counter[str | None] = Counter()
    by_theme: Counter[str | None] = Counter()
    for project in projects:
        regions: set[str | None] = {p.region for p in project.places if p.region is not None}
        themes: set[str | None] = set(project.themes)
        by_region.update(regions or {None})
        by_theme.update(themes or {None})
    resources = [r for r in group.resources if r.date is not None and first <= r.date <= last]
    samples += sum(r.fictional for r in resources)

    return ActivityReport(
        first=first,
        last=last,
        meetings=tuple(m.id for m in held),
        cancelled=cancelled,
        hours=hours,
        registered=registered,
        participants=present,
        participants_by_kind=dict(by_kind),
        organisations_by_kind=dict(Counter(organisations.values())),
        new_members=tuple(actor for _, actor in joined),
        projects=tuple(p.id for p in projects),
        projects_by_status=dict(Counter(p.status for p in projects)),
        projects_by_region=dict(by_region),
        projects_by_theme=dict(by_theme),
        resources=tuple(r.id for r in resources),
        fictional=samples,
    )
