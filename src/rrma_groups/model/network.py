"""The regional multi-actor network (RRMA) that hosts a country group."""

from __future__ import annotations

import enum
from typing import Annotated

from pydantic import Field

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
        description="Type de structure : un réseau. — Kind of organisation: a network.",
    )
    acronym: Annotated[LocalisedText, SingleLine()] | None = Field(
        default=None, description="Sigle. — Acronym."
    )
    tagline: Annotated[LocalisedText, SingleLine()] | None = Field(
        default=None,
        description="Comment il se présente en une ligne : « Centre régional de ressources pour "
        "la coopération internationale ». — How it presents itself, in one line.",
    )
    mission: LocalisedText | None = Field(default=None, description="Sa mission. — Its mission.")
    context: LocalisedText | None = Field(
        default=None,
        description="D'où viennent les RRMA, tel que le réseau le raconte. — "
        "Where RRMAs come from, as the network tells it.",
    )
    founded_by: tuple[Founder, ...] = Field(
        default=(),
        description="L'initiative conjointe à l'origine du réseau : État, collectivités, "
        "associations. — The joint initiative behind the network: State, local authorities, "
        "associations.",
    )
    offers: tuple[Offer, ...] = Field(
        default=(),
        description="Ce qu'il offre au groupe : hébergement, secrétariat, animation... — "
        "What it offers the group: hosting, secretariat, facilitation...",
    )
