"""The country group (groupe pays): the root of a file."""

from __future__ import annotations

import datetime as dt
import enum
import functools
from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from ..display import html_fragment
from ..i18n.catalog import N_
from .actors import Actor, Person
from .base import Model
from .meetings import GroupLink, Meeting
from .network import Network
from .objectives import Objective, ThematicPriority
from .partnerships import Partnership
from .projects import Project, Resource
from .series import Series, SeriesError
from .text import LocalisedText
from .types import CountryCode, Day, Id, LanguageCode, SingleLine, SubdivisionCode, Year

__all__ = [
    "SCHEMA_VERSION",
    "CountryGroup",
    "Membership",
    "MembershipPolicy",
    "MembershipRole",
    "NetworkMembership",
]

SCHEMA_VERSION = 1
"""The version of the file format this library writes and reads."""


class NetworkMembership(enum.StrEnum):
    """Whether joining the group requires membership (adhésion) of the network itself."""

    REQUIRED = "required"
    APPRECIATED = "appreciated"
    """not required, but appreciated as support"""
    NOT_REQUIRED = "not_required"


class MembershipPolicy(Model):
    """Who may join the group."""

    open_to: LocalisedText = Field(description=N_("Who may join, in words."))
    network_membership: NetworkMembership = Field(
        default=NetworkMembership.NOT_REQUIRED,
        description=N_(
            "Whether membership of the network is required, appreciated or not required."
        ),
    )
    note: LocalisedText | None = Field(
        default=None,
        description=N_("A note on who may join."),
    )


class MembershipRole(enum.StrEnum):
    """What an actor does in the group."""

    MEMBER = "member"
    COORDINATOR = "coordinator"
    SECRETARIAT = "secretariat"
    OBSERVER = "observer"


class Membership(Model):
    """An actor's membership of the group (distinct from membership of the network)."""

    actor: Id = Field(description=N_("Id of the member organisation."))
    role: MembershipRole = Field(
        default=MembershipRole.MEMBER, description=N_("Role in the group.")
    )
    since: Day | Year | None = Field(
        default=None,
        description=N_("When it joined: a date, or a year alone."),
    )
    until: Day | Year | None = Field(
        default=None,
        description=N_("When it left: a date, or a year alone."),
    )


class CountryGroup(Model):
    """A country group of a regional network: its actors, partnerships and meetings."""

    schema_version: Literal[1] = Field(default=1, description=N_("Version of the file format."))
    id: Id = Field(description=N_("Stable id of the group."))
    name: Annotated[LocalisedText, SingleLine()] = Field(
        description=N_("Name of the country group.")
    )
    acronym: Annotated[LocalisedText, SingleLine()] | None = Field(
        default=None, description=N_("Acronym (GPMar).")
    )
    country: CountryCode = Field(description=N_("The country the group works with (ISO 3166-1)."))
    anchor: tuple[SubdivisionCode, ...] = Field(
        default=(),
        description=N_("The French region(s) the group is anchored in (ISO 3166-2)."),
    )
    network: Network = Field(
        description=N_("The regional multi-actor network (RRMA) that hosts the group.")
    )
    default_language: LanguageCode = Field(
        default="fr",
        description=N_("Language of texts written without a language tag."),
    )
    languages: tuple[LanguageCode, ...] = Field(
        default=(),
        description=N_("Languages the group offers its content in."),
    )
    description: LocalisedText | None = Field(default=None, description=N_("What the group is."))
    objectives: tuple[Objective, ...] = Field(default=(), description=N_("The group's objectives."))
    priorities: tuple[ThematicPriority, ...] = Field(
        default=(),
        description=N_("Thematic priorities (domains of work)."),
    )
    membership_policy: MembershipPolicy | None = Field(
        default=None, description=N_("Who may join the group.")
    )
    working_arrangements: LocalisedText | None = Field(
        default=None,
        description=N_("How the group works (its form is left to its members)."),
    )
    actors: tuple[Actor, ...] = Field(
        default=(),
        description=N_(
            "The organisations: local authorities, associations, State services, universities..."
        ),
    )
    persons: tuple[Person, ...] = Field(default=(), description=N_("The people."))
    members: tuple[Membership, ...] = Field(
        default=(),
        description=N_(
            "The group's member organisations (not the same as membership of the network)."
        ),
    )
    partnerships: tuple[Partnership, ...] = Field(
        default=(),
        description=N_("Partnerships between actors, such as decentralised cooperation."),
    )
    meetings: tuple[Meeting, ...] = Field(
        default=(),
        description=N_("The group's meetings and their programmes."),
    )
    series: tuple[Series, ...] = Field(
        default=(),
        description=N_("Meetings that recur by a rule (the first Friday of a quarter)."),
    )
    projects: tuple[Project, ...] = Field(
        default=(),
        description=N_("Actions of the group's actors in the country."),
    )
    resources: tuple[Resource, ...] = Field(
        default=(),
        description=N_("Documents, links, trainings and events offered to members."),
    )

    # --- lookups ---------------------------------------------------------------------------

    def actor(self, key: str) -> Actor:
        """The actor (or the network) with this id."""
        if key == self.network.id:
            return self.network
        return self._actors_by_id[key]

    def person(self, key: str) -> Person:
        return self._persons_by_id[key]

    # Renderers and exports look up every facilitator: index once per (immutable) group. The
    # first of a duplicated id wins, as the checks report the others.
    @functools.cached_property
    def _actors_by_id(self) -> dict[str, Actor]:
        index: dict[str, Actor] = {}
        for actor in self.actors:
            index.setdefault(actor.id, actor)
        return index

    @functools.cached_property
    def _persons_by_id(self) -> dict[str, Person]:
        index: dict[str, Person] = {}
        for person in self.persons:
            index.setdefault(person.id, person)
        return index

    @model_validator(mode="after")
    def _linked(self) -> CountryGroup:
        self._link_meetings()
        return self

    def _link_meetings(self, *, fresh: bool = False) -> None:
        # Each meeting knows its group, so that one taken from it displays names, not ids. A
        # meeting that another living group holds (a group made from another's meetings) is
        # not taken from it: this group holds a copy of its own. ``fresh``: the meetings are
        # new copies (unpickled, deep-copied), linked to the group they were copied from.
        if not self.meetings:
            return
        link = GroupLink(self)
        meetings = list(self.meetings)
        for index, meeting in enumerate(meetings):
            owner = meeting.group
            if fresh or owner is None or owner is self:
                meeting._group = link
            else:
                meetings[index] = meeting.model_copy()
                meetings[index]._group = link
        if any(a is not b for a, b in zip(meetings, self.meetings, strict=True)):
            # The model is frozen; this is its own validation finishing its fields.
            object.__setattr__(self, "meetings", tuple(meetings))

    def __setstate__(self, state: dict[Any, Any]) -> None:
        super().__setstate__(state)  # unpickled: its meetings are new objects
        self._link_meetings(fresh=True)

    def __deepcopy__(self, memo: dict[int, Any] | None = None) -> CountryGroup:
        copy = super().__deepcopy__(memo)
        copy._link_meetings(fresh=True)
        return copy

    def meeting(self, key: str) -> Meeting:
        """The meeting with the id ``key``: one of :attr:`meetings`, or a meeting of a series,
        whose id is the series' id and the date the rule gives it (``trimestrielle-2025-03-14``;
        a moved meeting keeps that id).

        :raises KeyError: no meeting has that id.
        """
        for meeting in self.meetings:
            if meeting.id == key:
                return meeting
        for series in self.series:
            prefix = f"{series.id}-"
            if key.startswith(prefix):
                try:
                    day = dt.date.fromisoformat(key[len(prefix) :])
                    found = series.meeting_on(day)
                except (ValueError, SeriesError):
                    continue
                if found.id == key:
                    return found.with_group(self)
        raise KeyError(key)

    def meeting_ids(self) -> list[str]:
        """The ids :meth:`meeting` knows, as a message lists them: the meetings', then each
        series' as ``ID-YYYY-MM-DD``."""
        return [*(m.id for m in self.meetings), *(f"{s.id}-YYYY-MM-DD" for s in self.series)]

    def priority(self, key: str) -> ThematicPriority:
        for priority in self.priorities:
            if priority.id == key:
                return priority
        raise KeyError(key)

    def project(self, key: str) -> Project:
        for project in self.projects:
            if project.id == key:
                return project
        raise KeyError(key)

    def resource(self, key: str) -> Resource:
        for resource in self.resources:
            if resource.id == key:
                return resource
        raise KeyError(key)

    def __repr__(self) -> str:
        return (
            f"CountryGroup(id={self.id!r}, name={self.name.get()!r}, country={self.country!r}, "
            f"{len(self.actors)} actors, {len(self.meetings)} meetings)"
        )

    __str__ = __repr__

    def _repr_html_(self) -> str | None:
        """Rich display in Jupyter: the group's page as an HTML fragment."""
        return html_fragment(self)
