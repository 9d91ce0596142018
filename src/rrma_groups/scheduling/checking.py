"""Whether a built or re-timed programme is valid: the checks of a meeting, new errors refused.

A bare agenda is checked inside a meeting made around it (:func:`standalone`). After a
re-timing, the days it touched are checked first (:func:`days_are_fine`); when they are not
fine, the whole meeting is, and only the errors the programme did not have before are refused
(:func:`refuse`).
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from ..checks import check
from ..i18n.catalog import N_
from ..messages import SEMICOLON, Msg, joined
from ..model import Agenda, LocalisedText, Meeting, Room, Venue
from ..problems import CheckReport, Problem
from .errors import RetimeError, problem_message

__all__ = ["days_are_fine", "refuse", "standalone"]


def standalone(agenda: Agenda, first_day: dt.date | None = None) -> Meeting:
    """A meeting around a bare agenda, so that the meeting checks apply to it.

    Its first day is ``first_day``, else the day before the first explicit ``day`` when some
    items have none (they are on a first day of their own), else the first explicit day. Its
    venue has every room the items use: a bare agenda cannot refer to a missing room.
    """
    days = {item.day for item in agenda if item.day is not None}
    undated = any(item.day is None for item in agenda)
    if first_day is None:
        if days:
            first_day = min(days) - dt.timedelta(days=1) if undated else min(days)
        else:
            first_day = dt.date(2000, 1, 3)
    last_day = max(days | {first_day})
    rooms = sorted({item.room for item in agenda if item.room is not None})
    venue = Venue(
        name=LocalisedText("—"), rooms=tuple(Room(id=r, name=LocalisedText(r)) for r in rooms)
    )
    return Meeting(
        id="agenda",
        title=LocalisedText("Agenda"),
        date=first_day,
        end_date=last_day if last_day != first_day else None,
        venue=venue,
        agenda=agenda,
    )


def days_are_fine(meeting: Meeting, touched: set[dt.date], kept: set[int]) -> bool:
    """Whether the days an operation touched are free of errors: the quick check.

    The other days did not change, so they have no new error. A new item's id could clash with
    one on another day: that is looked at too. When this says no, the whole meeting is checked,
    for exact locations and to tolerate the errors the programme already had.
    """
    items = meeting.agenda.items
    new_ids = {item.id for item in items if id(item) not in kept and item.id is not None}
    if new_ids and sum(item.id in new_ids for item in items) > len(new_ids):
        return False
    part = [item for item in items if (item.day or meeting.date) in touched]
    return check(meeting.model_copy(update={"agenda": Agenda(tuple(part))})).ok


class _Signature(NamedTuple):
    code: str
    params: tuple[tuple[str, str], ...]


def _signature(problem: Problem) -> _Signature:
    # Locations and the index of the other item change when items are inserted or removed;
    # what the problem is about does not.
    kept = tuple(sorted((k, repr(v)) for k, v in problem.params.items() if k != "other"))
    return _Signature(problem.code, kept)


def refuse(report: CheckReport, before: Meeting | None, operation: Msg, key: object = None) -> None:
    """Raise :class:`~rrma_groups.scheduling.RetimeError` for the errors of ``report`` that
    ``before`` did not have."""
    errors: tuple[Problem, ...] = report.errors
    if not errors:
        return
    if before is not None:
        known = {_signature(p) for p in check(before).errors}
        errors = tuple(p for p in errors if _signature(p) not in known)
        if not errors:
            return
    details = joined([_shown(p) for p in errors[:3]], SEMICOLON)
    if len(errors) > 3:
        details = Msg(N_("{listed}; and {more} more"), {"listed": details, "more": len(errors) - 3})
    raise RetimeError(
        "invalid_programme",
        value=key,
        problems=errors,
        wording="one" if len(errors) == 1 else None,
        operation=operation,
        count=len(errors),
        details=details,
    )


def _shown(problem: Problem) -> Msg:
    """A problem as ``str(problem)`` writes it, ``location: message [code]``, translatable."""
    where = problem.location or Msg(N_("(top)"))
    return Msg(
        "{location}: {message} [{code}]",
        {"location": where, "message": problem_message(problem), "code": problem.code},
    )
