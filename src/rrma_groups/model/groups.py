"""The country group (groupe pays): the root of a file."""

from __future__ import annotations

import enum
import functools
from typing import Annotated, Literal

from pydantic import Field

from .actors import Actor, Person
from .base import Model
from .meetings import Meeting
from .network import Network
from .objectives import Objective, ThematicPriority
from .partnerships import Partnership
from .projects import Project, Resource
from .series import Series
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

    open_to: LocalisedText = Field(
        description="Qui peut rejoindre le groupe, en mots. — Who may join, in words."
    )
    network_membership: NetworkMembership = Field(
        default=NetworkMembership.NOT_REQUIRED,
        description="Si l'adhésion au réseau est requise, appréciée ou non requise. — "
        "Whether membership of the network is required, appreciated or not required.",
    )
    note: LocalisedText | None = Field(
        default=None,
        description="Précision sur l'ouverture du groupe. — A note on who may join.",
    )


class MembershipRole(enum.StrEnum):
    """What an actor does in the group."""

    MEMBER = "member"
    COORDINATOR = "coordinator"
    SECRETARIAT = "secretariat"
    OBSERVER = "observer"


class Membership(Model):
    """An actor's membership of the group (distinct from membership of the network)."""

    actor: Id = Field(
        description="Identifiant de la structure membre. — Id of the member organisation."
    )
    role: MembershipRole = Field(
        default=MembershipRole.MEMBER, description="Rôle dans le groupe. — Role in the group."
    )
    since: Day | Year | None = Field(
        default=None,
        description="Entrée dans le groupe : une date, ou une année seule. — "
        "When it joined: a date, or a year alone.",
    )
    until: Day | Year | None = Field(
        default=None,
        description="Sortie du groupe : une date, ou une année seule. — "
        "When it left: a date, or a year alone.",
    )


class CountryGroup(Model):
    """A country group of a regional network: its actors, partnerships and meetings."""

    schema_version: Literal[1] = Field(
        default=1, description="Version du format de fichier. — Version of the file format."
    )
    id: Id = Field(description="Identifiant stable du groupe. — Stable id of the group.")
    name: Annotated[LocalisedText, SingleLine()] = Field(
        description="Nom du groupe pays. — Name of the country group."
    )
    acronym: Annotated[LocalisedText, SingleLine()] | None = Field(
        default=None, description="Sigle (GPMar). — Acronym (GPMar)."
    )
    country: CountryCode = Field(
        description="Le pays avec lequel le groupe travaille (ISO 3166-1). — "
        "The country the group works with (ISO 3166-1)."
    )
    anchor: tuple[SubdivisionCode, ...] = Field(
        default=(),
        description="La ou les régions françaises d'ancrage du groupe (ISO 3166-2). — "
        "The French region(s) the group is anchored in (ISO 3166-2).",
    )
    network: Network = Field(
        description="Le réseau régional multi-acteurs (RRMA) qui porte le groupe. — "
        "The regional multi-actor network (RRMA) that hosts the group."
    )
    default_language: LanguageCode = Field(
        default="fr",
        description="Langue des textes écrits sans indication de langue. — "
        "Language of texts written without a language tag.",
    )
    languages: tuple[LanguageCode, ...] = Field(
        default=(),
        description="Langues dans lesquelles le groupe propose ses contenus. — "
        "Languages the group offers its content in.",
    )
    description: LocalisedText | None = Field(
        default=None, description="Présentation du groupe. — What the group is."
    )
    objectives: tuple[Objective, ...] = Field(
        default=(), description="Objectifs du groupe. — The group's objectives."
    )
    priorities: tuple[ThematicPriority, ...] = Field(
        default=(),
        description="Thèmes prioritaires (domaines de travail). — "
        "Thematic priorities (domains of work).",
    )
    membership_policy: MembershipPolicy | None = Field(
        default=None, description="Qui peut rejoindre le groupe. — Who may join the group."
    )
    working_arrangements: LocalisedText | None = Field(
        default=None,
        description="Comment le groupe fonctionne (sa forme est laissée à ses membres). — "
        "How the group works (its form is left to its members).",
    )
    actors: tuple[Actor, ...] = Field(
        default=(),
        description="Les structures : collectivités, associations, services de l'État, "
        "universités... — The organisations: local authorities, associations, State services, "
        "universities...",
    )
    persons: tuple[Person, ...] = Field(default=(), description="Les personnes. — The people.")
    members: tuple[Membership, ...] = Field(
        default=(),
        description="Les structures membres du groupe (autre chose que l'adhésion au réseau). — "
        "The group's member organisations (not the same as membership of the network).",
    )
    partnerships: tuple[Partnership, ...] = Field(
        default=(),
        description="Partenariats entre acteurs, dont la coopération décentralisée. — "
        "Partnerships between actors, such as decentralised cooperation.",
    )
    meetings: tuple[Meeting, ...] = Field(
        default=(),
        description="Les rencontres du groupe et leur programme. — "
        "The group's meetings and their programmes.",
    )
    series: tuple[Series, ...] = Field(
        default=(),
        description="Rencontres qui reviennent selon une règle (le premier vendredi du "
        "trimestre). — Meetings that recur by a rule (the first Friday of a quarter).",
    )
    projects: tuple[Project, ...] = Field(
        default=(),
        description="Actions des acteurs du groupe dans le pays. — "
        "Actions of the group's actors in the country.",
    )
    resources: tuple[Resource, ...] = Field(
        default=(),
        description="Documents, liens, formations et événements offerts aux membres. — "
        "Documents, links, trainings and events offered to members.",
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
