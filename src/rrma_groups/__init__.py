"""rrma_groups: country groups of France's regional networks for international cooperation.

Load a group file, get a validated object graph, check it, and save it back::

    >>> import rrma_groups
    >>> group = rrma_groups.examples.groupe_pays_maroc()
    >>> meeting = group.meeting("limoges-2016")
    >>> meeting.agenda[0].title.get("fr")
    'Accueil des participants'
    >>> rrma_groups.check(group).ok
    True

This module is the façade: the names most programs need, grouped by task in ``__all__``. The
rest lives in documented submodules: every class of the model in :mod:`rrma_groups.model`, time
budgets and re-timing details in :mod:`rrma_groups.scheduling`, the directory, synergies,
participation and yearly report in :mod:`rrma_groups.activity`, locales and formatting in
:mod:`rrma_groups.i18n`. Each name is loaded on first use, so that ``import rrma_groups`` stays
quick and loads neither Babel, dateutil nor icalendar.
"""

from __future__ import annotations

import importlib
import sys
import warnings
from types import ModuleType
from typing import TYPE_CHECKING, Any

from . import display as _display

# The public names, grouped by task, each with the module (relative to the package) that
# defines it: the one list. ``__all__``, ``dir()`` and lazy loading are made from it; the
# imports below repeat it for type checkers, and tests/test_architecture.py checks that both
# say the same. ``None`` stands for the submodule of that name.
_LAZY: dict[str, str | None] = {
    # files
    "load": "io",
    "loads": "io",
    "dump": "io",
    "dumps": "io",
    "json_schema": "io",
    # outputs
    "render": "render",
    "to_ical": "export.ical",
    "from_ical": "export.ical",
    "to_jsonld": "render.jsonld",
    "to_pdf": "export.pdf",
    "to_docx": "export.docx",
    "to_odt": "export.odt",
    # checks, errors and warnings
    "check": "checks",
    "explain": "problems",
    "CheckReport": "problems",
    "Problem": "problems",
    "Severity": "problems",
    # exceptions
    "RrmaError": "errors",
    "GroupValidationError": "problems",
    "FileFormatError": "errors",
    "TimeParseError": "errors",
    "LocaleError": "errors",
    "IcalError": "export.ical",
    "PdfError": "export.pdf",
    "SchedulingError": "scheduling",
    "ItemLookupError": "scheduling",
    "RetimeError": "scheduling",
    "SeriesError": "model.series",
    "TableImportError": "parsing.tables",
    # times and dates as people write them
    "parse_time": "parsing.times",
    "parse_time_range": "parsing.times",
    "parse_date": "parsing.times",
    "parse_duration": "parsing.times",
    # scripting agendas
    "AgendaBuilder": "scheduling",
    "retime": "scheduling",
    "parse_table": "parsing.tables",
    "markdown_table": "render.agenda_table",
    # the model
    "CountryGroup": "model",
    "Network": "model",
    "Actor": "model",
    "Person": "model",
    "Objective": "model",
    "Partnership": "model",
    "Meeting": "model",
    "Venue": "model",
    "Agenda": "model",
    "AgendaItem": "model",
    "ItemKind": "model",
    "PersonFacilitator": "model",
    "ActorFacilitator": "model",
    "RoleFacilitator": "model",
    "LocalisedText": "model",
    "Series": "model.series",
    "Recurrence": "model.series",
    # the reference example
    "examples": None,
}

if TYPE_CHECKING:
    from . import examples as examples
    from .checks import check as check
    from .errors import FileFormatError as FileFormatError
    from .errors import LocaleError as LocaleError
    from .errors import RrmaError as RrmaError
    from .errors import TimeParseError as TimeParseError
    from .export.docx import to_docx as to_docx
    from .export.ical import IcalError as IcalError
    from .export.ical import from_ical as from_ical
    from .export.ical import to_ical as to_ical
    from .export.odt import to_odt as to_odt
    from .export.pdf import PdfError as PdfError
    from .export.pdf import to_pdf as to_pdf
    from .io import dump as dump
    from .io import dumps as dumps
    from .io import json_schema as json_schema
    from .io import load as load
    from .io import loads as loads
    from .model import Actor as Actor
    from .model import ActorFacilitator as ActorFacilitator
    from .model import Agenda as Agenda
    from .model import AgendaItem as AgendaItem
    from .model import CountryGroup as CountryGroup
    from .model import ItemKind as ItemKind
    from .model import LocalisedText as LocalisedText
    from .model import Meeting as Meeting
    from .model import Network as Network
    from .model import Objective as Objective
    from .model import Partnership as Partnership
    from .model import Person as Person
    from .model import PersonFacilitator as PersonFacilitator
    from .model import RoleFacilitator as RoleFacilitator
    from .model import Venue as Venue
    from .model.series import Recurrence as Recurrence
    from .model.series import Series as Series
    from .model.series import SeriesError as SeriesError
    from .parsing.tables import TableImportError as TableImportError
    from .parsing.tables import parse_table as parse_table
    from .parsing.times import parse_date as parse_date
    from .parsing.times import parse_duration as parse_duration
    from .parsing.times import parse_time as parse_time
    from .parsing.times import parse_time_range as parse_time_range
    from .problems import CheckReport as CheckReport
    from .problems import GroupValidationError as GroupValidationError
    from .problems import Problem as Problem
    from .problems import Severity as Severity
    from .problems import explain as explain
    from .render import render as render
    from .render.agenda_table import markdown_table as markdown_table
    from .render.jsonld import to_jsonld as to_jsonld
    from .scheduling import AgendaBuilder as AgendaBuilder
    from .scheduling import ItemLookupError as ItemLookupError
    from .scheduling import RetimeError as RetimeError
    from .scheduling import SchedulingError as SchedulingError
    from .scheduling import retime as retime

    __version__: str

__all__ = list(_LAZY)

# Names that left the façade in this release: they still work until the next one, with a
# DeprecationWarning naming the module to import them from (name -> module).
_MOVED: dict[str, str] = {
    "Report": "problems",  # and renamed: see _RENAMED
    "describe": "problems",
    "ImportedCalendar": "export.ical",
    "jsonld_script": "render.jsonld",
    "TableImport": "parsing.tables",
    "MovedOccurrence": "model.series",
    **dict.fromkeys(
        ("Retimer", "free_slots", "time_by_kind", "time_by_facilitator", "time_by_organisation"),
        "scheduling",
    ),
    **dict.fromkeys(
        ("directory", "find_synergies", "activity_report", "participation"), "activity"
    ),
    "render_directory": "render.directory",
    "render_synergies": "render.synergies",
    "render_report": "render.report",
    "sign_in_sheet": "render.sign_in_sheet",
    "sign_in_sheet_pdf": "export.pdf",
    **dict.fromkeys(
        (
            "ActorKind",
            "Attendance",
            "AttendanceMode",
            "Budget",
            "CooperationPolicy",
            "FormerName",
            "Funding",
            "Identifiers",
            "MeetingStatus",
            "Membership",
            "MembershipPolicy",
            "NetworkMembership",
            "Offer",
            "ParticipationMode",
            "PartnershipKind",
            "PartnershipStatus",
            "Place",
            "Project",
            "ProjectStatus",
            "Registration",
            "Resource",
            "ResourceKind",
            "Room",
            "ThematicPriority",
        ),
        "model",
    ),
}
_RENAMED = {"Report": "CheckReport"}


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("rrma-groups")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"


if not TYPE_CHECKING:  # type checkers read the imports above, and know no other name

    def __getattr__(name: str) -> Any:
        if name in _LAZY:
            module = _LAZY[name]
            if module is None:
                value = importlib.import_module(f".{name}", __name__)
            else:
                value = getattr(importlib.import_module(f".{module}", __name__), name)
        elif name == "__version__":
            value = _version()
        elif name in _MOVED:
            there = _RENAMED.get(name, name)
            home = "rrma_groups" if there in _LAZY else f"rrma_groups.{_MOVED[name]}"
            warnings.warn(
                f"rrma_groups.{name} is deprecated: use {home}.{there} "
                f"(from {home} import {there})",
                DeprecationWarning,
                stacklevel=2,
            )
            return getattr(importlib.import_module(f".{_MOVED[name]}", __name__), there)
        else:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        globals()[name] = value
        return value


class _Facade(ModuleType):
    """The package's module: a façade name keeps its meaning when a submodule of the same name
    is imported (``rrma_groups.render`` is the function, not the ``render`` package)."""

    def __setattr__(self, name: str, value: Any) -> None:
        if isinstance(value, ModuleType) and _LAZY.get(name) is not None:
            return  # the import system binding the submodule: ``import rrma_groups.render`` works
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Facade


def __dir__() -> list[str]:
    return sorted({*__all__, "__version__", *(n for n in globals() if n.startswith("__"))})


# Notebooks show a group, a meeting or an agenda as HTML through their ``_repr_html_``. The
# model may not import the renderers, which sit above it; the package hands it this function,
# which loads them on first use only.
def _notebook_html(obj: object) -> str:
    from .render import render

    return render(obj, "html", fragment=True)  # type: ignore[arg-type]  # only models call it


_display.set_html_renderer(_notebook_html)
