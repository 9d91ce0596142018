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
from .io.files import dump, dumps, json_schema, load, loads
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
from .parsing.times import parse_date, parse_duration, parse_time, parse_time_range
from .render import render

if TYPE_CHECKING:
    from .activity.directory import directory, render_directory
    from .activity.participation import participation, sign_in_sheet, sign_in_sheet_pdf
    from .activity.report import activity_report, render_report
    from .activity.synergies import find_synergies, render_synergies
    from .export.ical import IcalError, ImportedCalendar, from_ical, to_ical
    from .export.jsonld import jsonld_script, to_jsonld
    from .export.pdf import PdfError, to_pdf
    from .model.series import MovedOccurrence, Recurrence, Series, SeriesError
    from .parsing.tables import TableImport, TableImportError, markdown_table, parse_table
    from .scheduling.core import (
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

try:
    __version__ = version("rrma-groups")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

# Names loaded on first use: name -> module.
_LAZY = {
    **dict.fromkeys(("to_ical", "from_ical", "ImportedCalendar", "IcalError"), "export.ical"),
    **dict.fromkeys(("to_jsonld", "jsonld_script"), "export.jsonld"),
    **dict.fromkeys(("to_pdf", "PdfError"), "export.pdf"),
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
    **dict.fromkeys(("Series", "Recurrence", "MovedOccurrence", "SeriesError"), "model.series"),
    **dict.fromkeys(
        ("parse_table", "markdown_table", "TableImport", "TableImportError"), "parsing.tables"
    ),
    **dict.fromkeys(("directory", "render_directory"), "activity.directory"),
    **dict.fromkeys(("find_synergies", "render_synergies"), "activity.synergies"),
    **dict.fromkeys(("activity_report", "render_report"), "activity.report"),
    **dict.fromkeys(
        ("participation", "sign_in_sheet", "sign_in_sheet_pdf"), "activity.participation"
    ),
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
