"""The regional multi-actor network (RRMA) that hosts a country group."""

from __future__ import annotations

import enum
from typing import Annotated

from pydantic import Field

from ..types import SingleLine
from .actors import Actor, ActorKind
from .text import LocalisedText

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

    kind: ActorKind = ActorKind.NETWORK
    acronym: Annotated[LocalisedText, SingleLine()] | None = None
    tagline: Annotated[LocalisedText, SingleLine()] | None = Field(
        default=None,
        description="How it presents itself (Centre régional de ressources pour la coopération "
        "internationale).",
    )
    mission: LocalisedText | None = None
    context: LocalisedText | None = Field(
        default=None, description="Where RRMAs come from, as the network tells it."
    )
    founded_by: tuple[Founder, ...] = Field(
        default=(), description="The joint initiative behind the network."
    )
    offers: tuple[Offer, ...] = Field(default=(), description="What it offers the group.")
