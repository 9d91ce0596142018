"""Actors (organisations) and persons."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Annotated

from pydantic import Field

from ..i18n.catalog import N_
from .base import Model
from .places import Department
from .text import LocalisedText
from .types import (
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

    name: Annotated[LocalisedText, SingleLine()] = Field(description=N_("The name as it was."))
    since: Day | None = Field(default=None, description=N_("First day the name was in use."))
    until: Day | None = Field(default=None, description=N_("Last day the name was in use."))
    attested: tuple[Day, ...] = Field(
        default=(),
        description=N_("Dates of documents known to use this name."),
    )

    def covers(self, day: dt.date) -> bool:
        """Whether the name was (known to be) in use on ``day``."""
        if self.since is not None and day < self.since:
            return False
        last = self.until or (max(self.attested) if self.attested else None)
        return last is not None and day <= last


class Identifiers(Model):
    """Official French identifiers of an organisation."""

    siren: Siren | None = Field(default=None, description=N_("SIREN number (9 digits)."))
    siret: Siret | None = Field(
        default=None,
        description=N_("SIRET number of an establishment (14 digits)."),
    )
    rna: Rna | None = Field(
        default=None,
        description=N_("Association number in the RNA (W and 9 digits)."),
    )


class CooperationPolicy(Model):
    """An actor's international (decentralised) cooperation policy."""

    since: Year | None = Field(default=None, description=N_("Year the policy began."))
    partner_areas: Annotated[LocalisedText, SingleLine()] | None = Field(
        default=None,
        description=N_("Where its partners are, in words (Europe and Africa)."),
    )
    description: LocalisedText | None = Field(
        default=None,
        description=N_("The cooperation policy, in a few sentences."),
    )
    priorities: tuple[Id, ...] = Field(
        default=(),
        description=N_("Ids of the group's thematic priorities this policy favours."),
    )


class Actor(Model):
    """An organisation taking part in the group's world."""

    id: Id = Field(description=N_("Stable id of the organisation, used elsewhere in the file."))
    name: Annotated[LocalisedText, SingleLine()] = Field(
        description=N_("Name of the organisation.")
    )
    short_name: Annotated[LocalisedText, SingleLine()] | None = Field(
        default=None, description=N_("Short name or acronym.")
    )
    kind: ActorKind = Field(default=ActorKind.OTHER, description=N_("Kind of organisation."))
    country: CountryCode = Field(
        default="FR",
        description=N_("Country of its head office (ISO 3166-1)."),
    )
    area: SubdivisionCode | None = Field(default=None, description=N_("Region (ISO 3166-2)."))
    city: Annotated[LocalisedText, SingleLine()] | None = Field(
        default=None, description=N_("City.")
    )
    identifiers: Identifiers | None = Field(
        default=None,
        description=N_("Official French identifiers (SIREN, SIRET, RNA)."),
    )
    website: Url | None = Field(default=None, description=N_("Website."))
    description: LocalisedText | None = Field(
        default=None,
        description=N_("What the organisation is and does."),
    )
    former_names: tuple[FormerName, ...] = Field(
        default=(), description=N_("Names it used before.")
    )
    dissolved: Day | None = Field(default=None, description=N_("Date it ceased to exist."))
    successor: Id | None = Field(
        default=None,
        description=N_("Id of the actor that took it over."),
    )
    cooperation: CooperationPolicy | None = Field(
        default=None,
        description=N_("Its international (decentralised) cooperation policy."),
    )
    department: Department | None = Field(
        default=None,
        description=N_("French département (INSEE code: 87, 2A, 971)."),
    )
    works_in: tuple[SubdivisionCode, ...] = Field(
        default=(),
        description=N_("Regions of the group's country where it works (ISO 3166-2)."),
    )
    themes: tuple[Id, ...] = Field(
        default=(),
        description=N_("Ids of the group's priorities it works on."),
    )
    languages: tuple[LanguageCode, ...] = Field(
        default=(), description=N_("Languages it works in.")
    )
    network_member: bool | None = Field(
        default=None,
        description=N_("Whether it is a member (adhérent) of the network itself."),
    )
    fictional: bool = Field(
        default=False,
        description=N_("A made-up sample organisation, shown as such."),
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

    id: Id = Field(description=N_("Stable id of the person."))
    name: Line = Field(description=N_("Name, as written."))
    affiliation: Id | None = Field(
        default=None,
        description=N_("Id of the actor they work for."),
    )
    role: Annotated[LocalisedText, SingleLine()] | None = Field(
        default=None, description=N_("Role or position.")
    )
    email: Email | None = Field(default=None, description=N_("E-mail address."))
