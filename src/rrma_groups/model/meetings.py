"""Meetings of a country group: when, where, why, and their programme."""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING, Annotated, Any
from zoneinfo import ZoneInfo

from pydantic import Field, field_validator

from ..messages import custom_error
from .agenda import Agenda, AgendaItem
from .base import Model
from .objectives import Objective
from .participants import Registration
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

if TYPE_CHECKING:
    from ..scheduling.core import Retimer

__all__ = ["AttendanceMode", "Meeting", "MeetingStatus", "Room", "Venue"]


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

    id: Id = Field(
        description="Identifiant de la salle, repris par les activités (room). — "
        "Id of the room, used by agenda items (room)."
    )
    name: Annotated[LocalisedText, SingleLine()] = Field(
        description="Nom de la salle. — Name of the room."
    )
    capacity: int | None = Field(
        default=None, ge=1, description="Nombre de places. — Number of seats."
    )


class Venue(Model):
    """Where a meeting takes place."""

    name: Annotated[LocalisedText, SingleLine()] = Field(
        description="Nom du lieu. — Name of the venue."
    )
    address: Line | None = Field(default=None, description="Adresse. — Street address.")
    postal_code: Line | None = Field(default=None, description="Code postal. — Postal code.")
    city: Annotated[LocalisedText, SingleLine()] | None = Field(
        default=None, description="Ville. — City."
    )
    country: CountryCode = Field(
        default="FR", description="Pays (ISO 3166-1). — Country (ISO 3166-1)."
    )
    rooms: tuple[Room, ...] = Field(
        default=(),
        description="Salles, pour les sessions en parallèle. — Rooms, for parallel sessions.",
    )


class Meeting(Model):
    """A meeting (rencontre) of the group, with its timed agenda.

    ``date`` is its first day; ``end_date`` its last when it spans several days. ``start`` and
    ``end`` bound the programme on the first and last day; when not given they are the first
    item's start and the last item's end. Times are local to ``timezone``.
    """

    id: Id = Field(
        description="Identifiant stable de la rencontre (limoges-2016). — "
        "Stable id of the meeting (limoges-2016)."
    )
    title: Annotated[LocalisedText, SingleLine()] = Field(
        description="Intitulé de la rencontre. — Title of the meeting."
    )
    date: MeetingDay = Field(
        description="Date du premier jour : 04/11/2016 ou 2016-11-04. — "
        "Date of the first day: 04/11/2016 or 2016-11-04."
    )
    end_date: MeetingDay | None = Field(
        default=None,
        description="Dernier jour, pour une rencontre sur plusieurs jours. — "
        "Last day, for a meeting over several days.",
    )
    start: TimeOfDay | None = Field(
        default=None,
        description="Heure de début ; par défaut, celle de la première activité. — "
        "Start time; by default, the first item's.",
    )
    end: TimeOfDay | None = Field(
        default=None,
        description="Heure de fin ; par défaut, celle de la dernière activité. — "
        "End time; by default, the last item's.",
    )
    timezone: TimezoneName = Field(
        default="Europe/Paris",
        description="Fuseau horaire IANA des heures. — IANA timezone of the times.",
    )
    venue: Venue | None = Field(default=None, description="Le lieu. — The venue.")
    organiser: Id | None = Field(
        default=None,
        description="Identifiant de la structure organisatrice. — Id of the organising actor.",
    )
    contact: Id | None = Field(
        default=None,
        description="Identifiant de la personne à contacter. — Id of the contact person.",
    )
    signatory: Id | None = Field(
        default=None,
        description="Identifiant de la personne qui signe le programme. — "
        "Id of the person who signs the programme.",
    )
    description: LocalisedText | None = Field(
        default=None,
        description="Présentation de la rencontre. — What the meeting is about.",
    )
    objectives: tuple[Objective, ...] = Field(
        default=(), description="Objectifs de la rencontre. — The meeting's objectives."
    )
    attendance_mode: AttendanceMode = Field(
        default=AttendanceMode.IN_PERSON,
        description="Sur place, en ligne ou hybride. — In person, online or hybrid.",
    )
    online_url: Url | None = Field(
        default=None,
        description="Lien pour participer en ligne. — Link to take part online.",
    )
    status: MeetingStatus = Field(
        default=MeetingStatus.SCHEDULED,
        description="Prévue, reportée ou annulée. — Scheduled, postponed or cancelled.",
    )
    previous_date: MeetingDay | None = Field(
        default=None,
        description="La date annoncée d'abord, pour une rencontre reportée. — "
        "The date first announced, for a postponed meeting.",
    )
    agenda: Agenda = Field(
        default=Agenda(()),
        description="Le programme : ses activités, dans l'ordre. — "
        "The programme: its items, in order.",
    )
    participants: tuple[Registration, ...] = Field(
        default=(),
        description="Inscriptions, puis présences une fois relevées. — "
        "Registrations, and attendance once recorded.",
    )

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
            raise custom_error(
                "end_before_start", start=start.strftime("%H:%M"), end=end.strftime("%H:%M")
            )
        return end

    def __repr__(self) -> str:
        return (
            f"Meeting(id={self.id!r}, title={self.title.get()!r}, date={self.date.isoformat()}, "
            f"{len(self.agenda)} items)"
        )

    __str__ = __repr__

    def _repr_html_(self) -> str:
        """Rich display in Jupyter: the meeting's programme as an HTML fragment."""
        from ..render import render

        return render(self, "html", fragment=True)

    @property
    def retime(self) -> Retimer[Meeting]:
        """Re-timing operations, each returning a new, checked meeting.

        >>> import datetime as dt
        >>> from rrma_groups.examples import groupe_pays_maroc
        >>> meeting = groupe_pays_maroc().meeting("limoges-2016").replace(end=dt.time(18))
        >>> later = meeting.retime.shift("Restitution", 15, cascade=True)
        >>> later.agenda[-1].end
        datetime.time(17, 45)
        """
        from ..scheduling.core import retime

        return retime(self)

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
