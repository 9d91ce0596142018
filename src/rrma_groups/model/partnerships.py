"""Partnerships between actors, such as decentralised cooperation between two regions."""

from __future__ import annotations

import datetime as dt
import enum

from pydantic import Field

from ..types import Day, Id, Year
from .base import Model
from .text import LocalisedText

__all__ = ["Partnership", "PartnershipKind", "PartnershipStatus"]


class PartnershipKind(enum.StrEnum):
    DECENTRALISED_COOPERATION = "decentralised_cooperation"
    """coopération décentralisée: between a French and a foreign local authority"""
    ASSOCIATIVE = "associative"
    ACADEMIC = "academic"
    OTHER = "other"


class PartnershipStatus(enum.StrEnum):
    PLANNED = "planned"
    ACTIVE = "active"
    SUSPENDED = "suspended"
    ENDED = "ended"


class Partnership(Model):
    """A partnership between two or more actors."""

    id: Id
    parties: tuple[Id, ...] = Field(min_length=2, description="Ids of the actors in partnership.")
    kind: PartnershipKind = PartnershipKind.DECENTRALISED_COOPERATION
    status: PartnershipStatus = PartnershipStatus.ACTIVE
    since: Day | Year | None = Field(default=None, description="A date, or a year alone.")
    until: Day | Year | None = None
    themes: tuple[Id, ...] = Field(default=(), description="Ids of thematic priorities.")
    description: LocalisedText | None = None

    @property
    def since_year(self) -> int | None:
        if isinstance(self.since, dt.date):
            return self.since.year
        return self.since
