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
from .meetings import Admission, AttendanceMode, Meeting, MeetingStatus, Room, Venue
from .network import Founder, Network, Offer
from .objectives import DacCode, Objective, ThematicPriority
from .participants import Attendance, ParticipationMode, Registration
from .partnerships import Partnership, PartnershipKind, PartnershipStatus
from .places import DEPARTMENT_REGIONS, Department, Place, ProvinceCode, department_region
from .projects import (
    Amount,
    Budget,
    CurrencyCode,
    Funding,
    Project,
    ProjectStatus,
    Resource,
    ResourceKind,
    period_bounds,
)
from .text import UNTAGGED, LocalisedText

__all__ = [
    "DEPARTMENT_REGIONS",
    "SCHEMA_VERSION",
    "UNTAGGED",
    "Actor",
    "Admission",
    "ActorFacilitator",
    "Amount",
    "Attendance",
    "Budget",
    "CurrencyCode",
    "Department",
    "Funding",
    "ParticipationMode",
    "Place",
    "Project",
    "ProjectStatus",
    "ProvinceCode",
    "Registration",
    "Resource",
    "ResourceKind",
    "department_region",
    "period_bounds",
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
