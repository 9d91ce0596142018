"""The regional multi-actor network (RRMA) that hosts a country group."""

from __future__ import annotations

import enum
from typing import Annotated

from pydantic import Field

from ..i18n.catalog import N_
from .actors import Actor, ActorKind
from .text import LocalisedText
from .types import SingleLine

__all__ = ["Founder", "Network", "Offer"]


class Offer(enum.StrEnum):
    """What a network offers a country group."""

    HOSTING = "hosting"
    """hébergement"""
    SECRETARIAT = "secretariat"
    """secrétariat"""
    COORDINATION = "coordination"
    """coordination"""
    SUPPORT = "support"
    """accompagnement"""
    FACILITATION = "facilitation"
    """animation"""
    RESOURCES = "resources"
    """centre de ressources, information, formation"""


class Founder(enum.StrEnum):
    """Who set the network up: RRMAs come from a joint initiative of these."""

    STATE = "state"
    """the State, represented by the préfecture de Région"""
    LOCAL_AUTHORITIES = "local_authorities"
    ASSOCIATIONS = "associations"


class Network(Actor):
    """A regional multi-actor network (réseau régional multi-acteurs, RRMA)."""

    kind: ActorKind = Field(
        default=ActorKind.NETWORK,
        description=N_("Kind of organisation: a network."),
    )
    acronym: Annotated[LocalisedText, SingleLine()] | None = Field(
        default=None, description=N_("Acronym.")
    )
    tagline: Annotated[LocalisedText, SingleLine()] | None = Field(
        default=None,
        description=N_("How it presents itself, in one line."),
    )
    mission: LocalisedText | None = Field(default=None, description=N_("Its mission."))
    context: LocalisedText | None = Field(
        default=None,
        description=N_("Where RRMAs come from, as the network tells it."),
    )
    founded_by: tuple[Founder, ...] = Field(
        default=(),
        description=N_(
            "The joint initiative behind the network: State, local authorities, associations."
        ),
    )
    offers: tuple[Offer, ...] = Field(
        default=(),
        description=N_("What it offers the group: hosting, secretariat, facilitation..."),
    )
