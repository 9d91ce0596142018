"""The domain model: pydantic models for groups, actors, partnerships, meetings and agendas."""

from .actors import (
    Actor,
    ActorKind,
    CooperationPolicy,
    FormerName,
    Identifiers,
    Person,
    iati_organisation_type,
)
from .agenda import (
    ActorFacilitator,
    Agenda,
    AgendaItem,
    Facilitator,
    ItemKind,
    PersonFacilitator,
    RoleFacilitator,
)
from .base import Model
from .groups import (
    SCHEMA_VERSION,
    CountryGroup,
    Membership,
    MembershipPolicy,
    MembershipRole,
    NetworkMembership,
)
from .meetings import AttendanceMode, Meeting, MeetingStatus, Room, Venue
from .network import Founder, Network, Offer
from .objectives import DacCode, Objective, ThematicPriority
from .partnerships import Partnership, PartnershipKind, PartnershipStatus
from .text import UNTAGGED, LocalisedText

__all__ = [
    "SCHEMA_VERSION",
    "UNTAGGED",
    "Actor",
    "ActorFacilitator",
    "ActorKind",
    "Agenda",
    "AgendaItem",
    "AttendanceMode",
    "CooperationPolicy",
    "CountryGroup",
    "DacCode",
    "Facilitator",
    "FormerName",
    "Founder",
    "Identifiers",
    "ItemKind",
    "LocalisedText",
    "Meeting",
    "MeetingStatus",
    "Membership",
    "MembershipPolicy",
    "MembershipRole",
    "Model",
    "Network",
    "NetworkMembership",
    "Objective",
    "Offer",
    "Partnership",
    "PartnershipKind",
    "PartnershipStatus",
    "Person",
    "PersonFacilitator",
    "RoleFacilitator",
    "Room",
    "ThematicPriority",
    "Venue",
    "iati_organisation_type",
]
