"""rrma_groups: country groups of France's regional networks for international cooperation.

Load a group file, get a validated object graph, check it, and save it back::

    >>> import rrma_groups
    >>> group = rrma_groups.examples.groupe_pays_maroc()
    >>> meeting = group.meeting("limoges-2016")
    >>> meeting.agenda[0].title.get("fr")
    'Accueil des participants'
    >>> rrma_groups.check(group).ok
    True

The calendar, JSON-LD, PDF, scripting and reporting functions are loaded on first use, so that
``import rrma_groups`` stays quick.
"""

from __future__ import annotations

import importlib
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

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
    Attendance,
    AttendanceMode,
    Budget,
    CooperationPolicy,
    CountryGroup,
    FormerName,
    Funding,
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
    ParticipationMode,
    Partnership,
    PartnershipKind,
    PartnershipStatus,
    Person,
    PersonFacilitator,
    Place,
    Project,
    ProjectStatus,
    Registration,
    Resource,
    ResourceKind,
    RoleFacilitator,
    Room,
    ThematicPriority,
    Venue,
)
from .render import render
from .timeparse import parse_date, parse_duration, parse_time, parse_time_range

if TYPE_CHECKING:
    from .actor_directory import directory, render_directory
    from .ical import IcalError, ImportedCalendar, from_ical, to_ical
    from .jsonld import jsonld_script, to_jsonld
    from .participants import participation, sign_in_sheet, sign_in_sheet_pdf
    from .pdf import PdfError, to_pdf
    from .report import activity_report, render_report
    from .scheduling import (
        AgendaBuilder,
        ItemLookupError,
        RetimeError,
        Retimer,
        SchedulingError,
        free_slots,
        retime,
        time_by_facilitator,
        time_by_kind,
        time_by_organisation,
    )
    from .series import MovedOccurrence, Recurrence, Series, SeriesError
    from .synergies import find_synergies, render_synergies
    from .tables import TableImport, TableImportError, markdown_table, parse_table

try:
    __version__ = version("rrma-groups")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

# Names loaded on first use: name -> module.
_LAZY = {
    **dict.fromkeys(("to_ical", "from_ical", "ImportedCalendar", "IcalError"), "ical"),
    **dict.fromkeys(("to_jsonld", "jsonld_script"), "jsonld"),
    **dict.fromkeys(("to_pdf", "PdfError"), "pdf"),
    **dict.fromkeys(
        (
            "AgendaBuilder",
            "Retimer",
            "retime",
            "free_slots",
            "time_by_kind",
            "time_by_facilitator",
            "time_by_organisation",
            "SchedulingError",
            "ItemLookupError",
            "RetimeError",
        ),
        "scheduling",
    ),
    **dict.fromkeys(("Series", "Recurrence", "MovedOccurrence", "SeriesError"), "series"),
    **dict.fromkeys(("parse_table", "markdown_table", "TableImport", "TableImportError"), "tables"),
    **dict.fromkeys(("directory", "render_directory"), "actor_directory"),
    **dict.fromkeys(("find_synergies", "render_synergies"), "synergies"),
    **dict.fromkeys(("activity_report", "render_report"), "report"),
    **dict.fromkeys(("participation", "sign_in_sheet", "sign_in_sheet_pdf"), "participants"),
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'rrma_groups' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    # files
    "load",
    "loads",
    "dump",
    "dumps",
    "json_schema",
    # outputs
    "render",
    "to_ical",
    "from_ical",
    "ImportedCalendar",
    "to_jsonld",
    "jsonld_script",
    "to_pdf",
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
    "IcalError",
    "PdfError",
    "SchedulingError",
    "ItemLookupError",
    "RetimeError",
    "SeriesError",
    "TableImportError",
    # times as people write them
    "parse_time",
    "parse_time_range",
    "parse_date",
    "parse_duration",
    # scripting agendas
    "AgendaBuilder",
    "Retimer",
    "retime",
    "free_slots",
    "time_by_kind",
    "time_by_facilitator",
    "time_by_organisation",
    "parse_table",
    "markdown_table",
    "TableImport",
    "Series",
    "Recurrence",
    "MovedOccurrence",
    # serving the group's objectives
    "directory",
    "render_directory",
    "find_synergies",
    "render_synergies",
    "activity_report",
    "render_report",
    "participation",
    "sign_in_sheet",
    "sign_in_sheet_pdf",
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
    "Project",
    "ProjectStatus",
    "Budget",
    "Funding",
    "Resource",
    "ResourceKind",
    "Place",
    "Registration",
    "Attendance",
    "ParticipationMode",
    # the reference example
    "examples",
    "__version__",
]
