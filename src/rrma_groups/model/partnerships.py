"""Partnerships between actors, such as decentralised cooperation between two regions."""

from __future__ import annotations

import datetime as dt
import enum

from pydantic import Field

from ..i18n.catalog import N_
from .base import Model
from .text import LocalisedText
from .types import Day, Id, Year

__all__ = ["Partnership", "PartnershipKind", "PartnershipStatus"]


class PartnershipKind(enum.StrEnum):
    """What kind of partnership it is."""

    DECENTRALISED_COOPERATION = "decentralised_cooperation"
    """coopération décentralisée: between a French and a foreign local authority"""
    ASSOCIATIVE = "associative"
    ACADEMIC = "academic"
    OTHER = "other"


class PartnershipStatus(enum.StrEnum):
    """Where a partnership stands."""

    PLANNED = "planned"
    ACTIVE = "active"
    SUSPENDED = "suspended"
    ENDED = "ended"


class Partnership(Model):
    """A partnership between two or more actors."""

    id: Id = Field(description=N_("Stable id of the partnership."))
    parties: tuple[Id, ...] = Field(
        min_length=2,
        description=N_("Ids of the actors in partnership, at least two."),
    )
    kind: PartnershipKind = Field(
        default=PartnershipKind.DECENTRALISED_COOPERATION,
        description=N_("Kind of partnership."),
    )
    status: PartnershipStatus = Field(
        default=PartnershipStatus.ACTIVE,
        description=N_("Where the partnership stands."),
    )
    since: Day | Year | None = Field(
        default=None,
        description=N_("Start: a date, or a year alone."),
    )
    until: Day | Year | None = Field(
        default=None,
        description=N_("End: a date, or a year alone."),
    )
    themes: tuple[Id, ...] = Field(
        default=(),
        description=N_("Ids of thematic priorities."),
    )
    description: LocalisedText | None = Field(
        default=None,
        description=N_("What the partnership is about."),
    )

    @property
    def since_year(self) -> int | None:
        if isinstance(self.since, dt.date):
            return self.since.year
        return self.since
