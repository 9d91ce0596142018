"""Meetings of a country group: when, where, why, and their programme."""

from __future__ import annotations

import datetime as dt
import enum
import weakref
from decimal import Decimal
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from pydantic import Field, PrivateAttr, field_validator

from ..display import html_fragment
from ..i18n.catalog import N_
from ..pydantic_bridge import custom_error
from .agenda import Agenda, AgendaItem
from .base import Model
from .objectives import Objective
from .participants import Registration
from .projects import Amount, CurrencyCode
from .text import LocalisedText
from .types import (
    CountryCode,
    Id,
    Line,
    MeetingDay,
    SingleLine,
    TimeOfDay,
    TimezoneName,
    Url,
)

__all__ = [
    "AttendanceMode",
    "Contact",
    "Meeting",
    "MeetingAttendanceMode",
    "MeetingStatus",
    "MeetingTimezone",
    "MeetingVenue",
    "OnlineUrl",
    "Organiser",
    "Room",
    "Venue",
]


class AttendanceMode(enum.StrEnum):
    """How a meeting is held: in one place, online, or both."""

    IN_PERSON = "in_person"
    ONLINE = "online"
    HYBRID = "hybrid"


class MeetingStatus(enum.StrEnum):
    """Whether a meeting takes place as announced."""

    SCHEDULED = "scheduled"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"


class Room(Model):
    """A room of a venue, for parallel sessions."""

    id: Id = Field(description=N_("Id of the room, used by agenda items (room)."))
    name: Annotated[LocalisedText, SingleLine()] = Field(description=N_("Name of the room."))
    capacity: int | None = Field(default=None, ge=1, description=N_("Number of seats."))


class Venue(Model):
    """Where a meeting takes place."""

    name: Annotated[LocalisedText, SingleLine()] = Field(description=N_("Name of the venue."))
    address: Line | None = Field(default=None, description=N_("Street address."))
    postal_code: Line | None = Field(default=None, description=N_("Postal code."))
    city: Annotated[LocalisedText, SingleLine()] | None = Field(
        default=None, description=N_("City.")
    )
    country: CountryCode = Field(default="FR", description=N_("Country (ISO 3166-1)."))
    rooms: tuple[Room, ...] = Field(
        default=(),
        description=N_("Rooms, for parallel sessions."),
    )


# The fields a series of meetings shares with a meeting, and gives each of its meetings: their
# types and descriptions, defined once. They are types rather than the fields of a base class:
# pydantic puts a base class's fields first, and the order of a model's fields is the order of
# a saved file's keys, of the JSON Schema's properties and of validation errors, which follow
# the order people write a meeting in.

MeetingTimezone = Annotated[
    TimezoneName,
    Field(description=N_("IANA timezone of the times.")),
]
MeetingVenue = Annotated[
    Venue | None,
    Field(description=N_("The venue.")),
]
Organiser = Annotated[
    Id | None,
    Field(description=N_("Id of the organising actor.")),
]
Contact = Annotated[
    Id | None,
    Field(description=N_("Id of the contact person.")),
]
MeetingAttendanceMode = Annotated[
    AttendanceMode,
    Field(description=N_("In person, online or hybrid.")),
]
OnlineUrl = Annotated[
    Url | None,
    Field(description=N_("Link to take part online.")),
]


class Admission(Model):
    """How to register for a meeting, and what it costs: search engines and calendars show it."""

    url: Url | None = Field(default=None, description=N_("Registration page."))
    price: Amount = Field(default=Decimal(0), description=N_("Price of a place; 0: free."))
    currency: CurrencyCode = Field(
        default="EUR", description=N_("Currency of the price (ISO 4217): EUR, MAD, XOF.")
    )


MeetingImage = Annotated[
    Url | None,
    Field(description=N_("An image of the meeting (a poster, a photo of the venue): its address.")),
]
MeetingAdmission = Annotated[
    Admission | None,
    Field(description=N_("Registration: its page, and the price (0: free).")),
]


class GroupLink:
    """A meeting's link to the :class:`~rrma_groups.CountryGroup` it belongs to, for display.

    It holds the group weakly (a group holds its meetings), compares equal to any other link or
    to none (the group never decides whether two meetings are equal), and is left behind by
    pickling and copying.
    """

    __slots__ = ("_ref",)

    def __init__(self, group: Model) -> None:
        self._ref = weakref.ref(group)

    def __call__(self) -> Model | None:
        return self._ref()

    def __eq__(self, other: object) -> bool:
        return other is None or isinstance(other, GroupLink)

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple[Any, ...]:
        return (_no_link, ())

    def __deepcopy__(self, memo: dict[int, Any]) -> GroupLink:
        return self


def _no_link() -> None:
    return None


class Meeting(Model):
    """A meeting (rencontre) of the group, with its timed agenda.

    ``date`` is its first day; ``end_date`` its last when it spans several days. ``start`` and
    ``end`` bound the programme on the first and last day; when not given they are the first
    item's start and the last item's end. Times are local to ``timezone``.
    """

    id: Id = Field(description=N_("Stable id of the meeting (limoges-2016)."))
    title: Annotated[LocalisedText, SingleLine()] = Field(description=N_("Title of the meeting."))
    date: MeetingDay = Field(description=N_("Date of the first day: 04/11/2016 or 2016-11-04."))
    end_date: MeetingDay | None = Field(
        default=None,
        description=N_("Last day, for a meeting over several days."),
    )
    start: TimeOfDay | None = Field(
        default=None,
        description=N_("Start time; by default, the first item's."),
    )
    end: TimeOfDay | None = Field(
        default=None,
        description=N_("End time; by default, the last item's."),
    )
    timezone: MeetingTimezone = "Europe/Paris"
    venue: MeetingVenue = None
    organiser: Organiser = None
    contact: Contact = None
    signatory: Id | None = Field(
        default=None,
        description=N_("Id of the person who signs the programme."),
    )
    description: LocalisedText | None = Field(
        default=None,
        description=N_("What the meeting is about."),
    )
    objectives: tuple[Objective, ...] = Field(
        default=(), description=N_("The meeting's objectives.")
    )
    attendance_mode: MeetingAttendanceMode = AttendanceMode.IN_PERSON
    online_url: OnlineUrl = None
    image: MeetingImage = None
    admission: MeetingAdmission = None
    status: MeetingStatus = Field(
        default=MeetingStatus.SCHEDULED,
        description=N_("Scheduled, postponed or cancelled."),
    )
    previous_date: MeetingDay | None = Field(
        default=None,
        description=N_("The date first announced, for a postponed meeting."),
    )
    agenda: Agenda = Field(
        default=Agenda(()),
        description=N_("The programme: its items, in order."),
    )
    participants: tuple[Registration, ...] = Field(
        default=(),
        description=N_("Registrations, and attendance once recorded."),
    )
    _group: GroupLink | None = PrivateAttr(default=None)

    @field_validator("end_date")
    @classmethod
    def _end_date_not_before(cls, end_date: dt.date | None, info: Any) -> dt.date | None:
        first = info.data.get("date")
        if end_date is not None and first is not None and end_date < first:
            raise custom_error("end_date_before_date", end_date=end_date, date=first)
        return end_date

    @field_validator("end")
    @classmethod
    def _end_after_start(cls, end: dt.time | None, info: Any) -> dt.time | None:
        start = info.data.get("start")
        single_day = info.data.get("end_date") in (None, info.data.get("date"))
        if end is not None and start is not None and single_day and end <= start:
            raise custom_error("end_before_start", start=start, end=end)
        return end

    def __repr__(self) -> str:
        return (
            f"Meeting(id={self.id!r}, title={self.title.get()!r}, date={self.date.isoformat()}, "
            f"{len(self.agenda)} items)"
        )

    __str__ = __repr__

    def _repr_html_(self) -> str | None:
        """Rich display in Jupyter: the meeting's programme as an HTML fragment."""
        return html_fragment(self)

    # --- its group -------------------------------------------------------------------------

    @property
    def group(self) -> Model | None:
        """The group the meeting was taken from or built for (``AgendaBuilder(group=)``,
        ``parse_table(group=)``), while that group is alive; ``None`` for a meeting made on
        its own. Renderers and notebooks use it to name facilitators, the organiser and the
        signatory. A copy made with :meth:`replace` or by re-timing keeps it.

        It is a :class:`~rrma_groups.CountryGroup`, typed here as its base class because the
        group's module sits above this one."""
        link = self._group
        return link() if link is not None else None

    def with_group(self, group: Model | None) -> Meeting:
        """The same meeting, linked to ``group`` for display (see :attr:`group`)."""
        copy = self.model_copy()
        copy._group = GroupLink(group) if group is not None else None
        return copy

    # --- derived ---------------------------------------------------------------------------

    @property
    def last_date(self) -> dt.date:
        return self.end_date or self.date

    @property
    def days(self) -> list[dt.date]:
        """Every day from the first to the last."""
        count = (self.last_date - self.date).days + 1
        return [self.date + dt.timedelta(days=n) for n in range(count)]

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def day_of(self, item: AgendaItem) -> dt.date:
        return item.day or self.date

    def item_start(self, item: AgendaItem) -> dt.datetime:
        """When an item starts, as an aware datetime in the meeting's timezone."""
        return dt.datetime.combine(self.day_of(item), item.start, tzinfo=self.zone)

    def item_end(self, item: AgendaItem) -> dt.datetime | None:
        if item.end is None:
            return None
        return dt.datetime.combine(self.day_of(item), item.end, tzinfo=self.zone)

    @property
    def starts_at(self) -> dt.datetime | None:
        """The meeting's start (declared, else its first item's), aware."""
        start = self.start
        if start is None:
            first = [i.start for i in self.agenda if (i.day or self.date) == self.date]
            start = min(first) if first else None
        if start is None:
            return None
        return dt.datetime.combine(self.date, start, tzinfo=self.zone)

    @property
    def ends_at(self) -> dt.datetime | None:
        """The meeting's end (declared, else its last item's), aware."""
        end = self.end
        if end is None:
            last = [i.end for i in self.agenda if (i.day or self.date) == self.last_date and i.end]
            end = max(last) if last else None
        if end is None:
            return None
        return dt.datetime.combine(self.last_date, end, tzinfo=self.zone)
