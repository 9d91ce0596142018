"""The country group (groupe pays): the root of a file."""

from __future__ import annotations

import enum
from typing import Annotated, Literal

from pydantic import Field

from ..series import Series
from ..types import CountryCode, Day, Id, LanguageCode, SingleLine, SubdivisionCode, Year
from .actors import Actor, Person
from .base import Model
from .meetings import Meeting
from .network import Network
from .objectives import Objective, ThematicPriority
from .partnerships import Partnership
from .projects import Project, Resource
from .text import LocalisedText

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

    open_to: LocalisedText = Field(description="Who may join, in words.")
    network_membership: NetworkMembership = NetworkMembership.NOT_REQUIRED
    note: LocalisedText | None = None


class MembershipRole(enum.StrEnum):
    MEMBER = "member"
    COORDINATOR = "coordinator"
    SECRETARIAT = "secretariat"
    OBSERVER = "observer"


class Membership(Model):
    """An actor's membership of the group (distinct from membership of the network)."""

    actor: Id
    role: MembershipRole = MembershipRole.MEMBER
    since: Day | Year | None = None
    until: Day | Year | None = None


class CountryGroup(Model):
    """A country group of a regional network: its actors, partnerships and meetings."""

    schema_version: Literal[1] = Field(default=1, description="Version of the file format.")
    id: Id
    name: Annotated[LocalisedText, SingleLine()]
    acronym: Annotated[LocalisedText, SingleLine()] | None = None
    country: CountryCode = Field(description="The country the group works with (ISO 3166-1).")
    anchor: tuple[SubdivisionCode, ...] = Field(
        default=(), description="The French region(s) the group is anchored in (ISO 3166-2)."
    )
    network: Network
    default_language: LanguageCode = Field(
        default="fr", description="Language of texts written without a language tag."
    )
    languages: tuple[LanguageCode, ...] = Field(
        default=(), description="Languages the group offers its content in."
    )
    description: LocalisedText | None = None
    objectives: tuple[Objective, ...] = ()
    priorities: tuple[ThematicPriority, ...] = ()
    membership_policy: MembershipPolicy | None = None
    working_arrangements: LocalisedText | None = Field(
        default=None, description="How the group works (its form is left to its members)."
    )
    actors: tuple[Actor, ...] = ()
    persons: tuple[Person, ...] = ()
    members: tuple[Membership, ...] = ()
    partnerships: tuple[Partnership, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    series: tuple[Series, ...] = Field(
        default=(), description="Meetings that recur by a rule (the first Friday of a quarter)."
    )
    projects: tuple[Project, ...] = Field(
        default=(), description="Actions of the group's actors in the country."
    )
    resources: tuple[Resource, ...] = Field(
        default=(), description="Documents, links, trainings and events offered to members."
    )

    # --- lookups ---------------------------------------------------------------------------

    def actor(self, key: str) -> Actor:
        """The actor (or the network) with this id."""
        if key == self.network.id:
            return self.network
        for actor in self.actors:
            if actor.id == key:
                return actor
        raise KeyError(key)

    def person(self, key: str) -> Person:
        for person in self.persons:
            if person.id == key:
                return person
        raise KeyError(key)

    def meeting(self, key: str) -> Meeting:
        for meeting in self.meetings:
            if meeting.id == key:
                return meeting
        raise KeyError(key)

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

    def _repr_html_(self) -> str:
        """Rich display in Jupyter: the group's page as an HTML fragment."""
        from ..render import render

        return render(self, "html", fragment=True)
