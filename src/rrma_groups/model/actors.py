"""Actors (organisations) and persons."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Annotated

from pydantic import Field

from ..types import (
    CountryCode,
    Day,
    Email,
    Id,
    LanguageCode,
    Line,
    Rna,
    SingleLine,
    Siren,
    Siret,
    SubdivisionCode,
    Url,
    Year,
)
from .base import Model
from .places import Department
from .text import LocalisedText

__all__ = [
    "Actor",
    "ActorKind",
    "CooperationPolicy",
    "FormerName",
    "Identifiers",
    "Person",
    "iati_organisation_type",
]


class ActorKind(enum.StrEnum):
    """What kind of organisation an actor is."""

    LOCAL_AUTHORITY = "local_authority"
    """Collectivité territoriale: Région, Département, commune, and their groupings."""
    STATE_SERVICE = "state_service"
    """Service de l'État: préfecture, ministry, embassy, consulate."""
    PUBLIC_BODY = "public_body"
    """Other public body: agency, hospital, chamber of commerce."""
    ASSOCIATION = "association"
    NETWORK = "network"
    """A network of actors, such as an RRMA."""
    UNIVERSITY = "university"
    """University, training or research institution."""
    COMPANY = "company"
    DIASPORA_ASSOCIATION = "diaspora_association"
    FOUNDATION = "foundation"
    INTERNATIONAL_ORGANISATION = "international_organisation"
    OTHER = "other"


# IATI OrganisationType codes. IATI has no code for diaspora associations: they are NGOs.
_IATI = {
    ActorKind.LOCAL_AUTHORITY: 11,
    ActorKind.STATE_SERVICE: 10,
    ActorKind.PUBLIC_BODY: 15,
    ActorKind.ASSOCIATION: 22,
    ActorKind.NETWORK: 22,
    ActorKind.UNIVERSITY: 80,
    ActorKind.COMPANY: 70,
    ActorKind.DIASPORA_ASSOCIATION: 22,
    ActorKind.FOUNDATION: 60,
    ActorKind.INTERNATIONAL_ORGANISATION: 40,
    ActorKind.OTHER: 90,
}
_NGO_KINDS = {ActorKind.ASSOCIATION, ActorKind.NETWORK, ActorKind.DIASPORA_ASSOCIATION}


def iati_organisation_type(kind: ActorKind, country: str | None = None) -> int:
    """The IATI OrganisationType code of an actor of this kind.

    An association based outside France is a "Partner Country based NGO" (24) from the point of
    view of a French network's group.

    >>> iati_organisation_type(ActorKind.LOCAL_AUTHORITY)
    11
    >>> iati_organisation_type(ActorKind.ASSOCIATION, "MA")
    24
    """
    if kind in _NGO_KINDS and country not in (None, "FR"):
        return 24
    return _IATI[kind]


class FormerName(Model):
    """A name an actor used before; dates are given when known.

    When the day of the change is not known, ``attested`` records dates of documents that use
    the name (the 2016 programme signed "Cap Coopération"): the name then covers those days
    and the days before them.
    """

    name: Annotated[LocalisedText, SingleLine()]
    since: Day | None = None
    until: Day | None = Field(default=None, description="Last day the name was in use.")
    attested: tuple[Day, ...] = Field(
        default=(), description="Dates of documents known to use this name."
    )

    def covers(self, day: dt.date) -> bool:
        """Whether the name was (known to be) in use on ``day``."""
        if self.since is not None and day < self.since:
            return False
        last = self.until or (max(self.attested) if self.attested else None)
        return last is not None and day <= last


class Identifiers(Model):
    """Official French identifiers of an organisation."""

    siren: Siren | None = None
    siret: Siret | None = None
    rna: Rna | None = Field(default=None, description="Association number (W + 9 digits).")


class CooperationPolicy(Model):
    """An actor's international (decentralised) cooperation policy."""

    since: Year | None = Field(default=None, description="Year the policy began.")
    partner_areas: Annotated[LocalisedText, SingleLine()] | None = Field(
        default=None, description="Where its partners are, in words (Europe and Africa)."
    )
    description: LocalisedText | None = None
    priorities: tuple[Id, ...] = Field(
        default=(), description="Ids of the group's thematic priorities this policy favours."
    )


class Actor(Model):
    """An organisation taking part in the group's world."""

    id: Id
    name: Annotated[LocalisedText, SingleLine()]
    short_name: Annotated[LocalisedText, SingleLine()] | None = None
    kind: ActorKind = ActorKind.OTHER
    country: CountryCode = "FR"
    area: SubdivisionCode | None = Field(default=None, description="ISO 3166-2 region.")
    city: Annotated[LocalisedText, SingleLine()] | None = None
    identifiers: Identifiers | None = None
    website: Url | None = None
    description: LocalisedText | None = None
    former_names: tuple[FormerName, ...] = ()
    dissolved: Day | None = Field(default=None, description="Date it ceased to exist.")
    successor: Id | None = Field(default=None, description="Id of the actor that took it over.")
    cooperation: CooperationPolicy | None = None
    department: Department | None = Field(
        default=None, description="French département (INSEE code: 87, 2A, 971)."
    )
    works_in: tuple[SubdivisionCode, ...] = Field(
        default=(), description="Regions of the group's country where it works (ISO 3166-2)."
    )
    themes: tuple[Id, ...] = Field(
        default=(), description="Ids of the group's priorities it works on."
    )
    languages: tuple[LanguageCode, ...] = Field(default=(), description="Languages it works in.")
    network_member: bool | None = Field(
        default=None, description="Whether it is a member (adhérent) of the network itself."
    )
    fictional: bool = Field(
        default=False, description="A made-up sample organisation, shown as such."
    )

    @property
    def iati_type(self) -> int:
        """The IATI OrganisationType code."""
        return iati_organisation_type(self.kind, self.country)

    def name_on(self, day: dt.date) -> LocalisedText:
        """The name in use on ``day``, when former names carry dates; else the current name."""
        covering = [former for former in self.former_names if former.covers(day)]
        if not covering:
            return self.name
        # Several may cover the day: the one that ended soonest after it is the latest in use.
        return min(covering, key=lambda f: f.until or max(f.attested)).name


class Person(Model):
    """A person; names are kept as written, in any script."""

    id: Id
    name: Line
    affiliation: Id | None = Field(default=None, description="Id of the actor they work for.")
    role: Annotated[LocalisedText, SingleLine()] | None = None
    email: Email | None = None
