"""rrma_groups: country groups of France's regional networks for international cooperation.

Load a group file, get a validated object graph, check it, and save it back::

    >>> import rrma_groups
    >>> group = rrma_groups.examples.groupe_pays_maroc()
    >>> meeting = group.meeting("limoges-2016")
    >>> meeting.agenda[0].title.get("fr")
    'Accueil des participants'
    >>> rrma_groups.check(group).ok
    True
"""

from importlib.metadata import PackageNotFoundError, version

from . import examples
from .checks import check
from .errors import (
    FileFormatError,
    GroupValidationError,
    LocaleError,
    Problem,
    Report,
    RrmaError,
    Severity,
    TimeParseError,
)
from .io import dump, dumps, json_schema, load, loads
from .messages import describe, explain
from .model import (
    Actor,
    ActorFacilitator,
    ActorKind,
    Agenda,
    AgendaItem,
    AttendanceMode,
    CooperationPolicy,
    CountryGroup,
    FormerName,
    Identifiers,
    ItemKind,
    LocalisedText,
    Meeting,
    MeetingStatus,
    Membership,
    MembershipPolicy,
    Network,
    NetworkMembership,
    Objective,
    Offer,
    Partnership,
    PartnershipKind,
    PartnershipStatus,
    Person,
    PersonFacilitator,
    RoleFacilitator,
    Room,
    ThematicPriority,
    Venue,
)
from .render import render
from .timeparse import parse_date, parse_duration, parse_time, parse_time_range

try:
    __version__ = version("rrma-groups")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = [
    # files
    "load",
    "loads",
    "dump",
    "dumps",
    "json_schema",
    # outputs
    "render",
    # checks
    "check",
    "explain",
    "describe",
    "Report",
    "Problem",
    "Severity",
    # errors
    "RrmaError",
    "GroupValidationError",
    "FileFormatError",
    "TimeParseError",
    "LocaleError",
    # times as people write them
    "parse_time",
    "parse_time_range",
    "parse_date",
    "parse_duration",
    # the model
    "CountryGroup",
    "Network",
    "Offer",
    "Actor",
    "ActorKind",
    "CooperationPolicy",
    "FormerName",
    "Identifiers",
    "Person",
    "Membership",
    "MembershipPolicy",
    "NetworkMembership",
    "Objective",
    "ThematicPriority",
    "Partnership",
    "PartnershipKind",
    "PartnershipStatus",
    "Meeting",
    "MeetingStatus",
    "AttendanceMode",
    "Venue",
    "Room",
    "Agenda",
    "AgendaItem",
    "ItemKind",
    "PersonFacilitator",
    "ActorFacilitator",
    "RoleFacilitator",
    "LocalisedText",
    # the reference example
    "examples",
    "__version__",
]
