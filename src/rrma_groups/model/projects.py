"""Projects of the group's actors in the country, and resources offered to the members."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, PlainSerializer, model_validator

from ..i18n.catalog import N_
from ..pydantic_bridge import custom_error
from . import patterns
from .base import Model
from .objectives import DacCode
from .places import Place
from .text import LocalisedText
from .types import Day, Id, LanguageCode, Line, SingleLine, Url, Year

__all__ = [
    "Amount",
    "Budget",
    "CurrencyCode",
    "Funding",
    "Project",
    "ProjectStatus",
    "Resource",
    "ResourceKind",
    "period_bounds",
]


class ProjectStatus(enum.StrEnum):
    """Where a project stands."""

    IDEA = "idea"
    PLANNED = "planned"
    RUNNING = "running"
    FINISHED = "finished"


def _check_currency(value: str) -> str:
    from babel.numbers import is_currency

    code = value.strip().upper()
    if len(code) != 3 or not code.isascii() or not is_currency(code):
        raise custom_error("invalid_currency", value=value)
    return code


CurrencyCode = Annotated[
    str,
    AfterValidator(_check_currency),
    Field(
        json_schema_extra=lambda s: patterns.apply(s, patterns.letters(3), examples=["EUR", "MAD"])
    ),
]
"""An ISO 4217 currency code known to CLDR (``EUR``, ``MAD``, ``XOF``), stored in upper case."""

_MAX_DIGITS = 15


def _to_decimal(value: Any) -> Any:
    # Amounts are kept exact: a file writes them as text ("45000.50") or as a whole number.
    # A TOML or JSON float is read through its shortest text, never as a binary fraction.
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        value = repr(value)
    if isinstance(value, str):
        try:
            value = Decimal(value.strip().replace("\u202f", "").replace(" ", ""))
        except InvalidOperation:
            raise custom_error("invalid_amount", value=value) from None
    if isinstance(value, Decimal):
        # Checked here, before pydantic's own decimal check has its say on NaN and infinity.
        return _check_amount(value)
    return value


def _check_amount(value: Decimal) -> Decimal:
    if not value.is_finite() or value < 0:
        raise custom_error("invalid_amount", value=str(value))
    _, digits, exponent = value.as_tuple()
    if isinstance(exponent, int) and (exponent < -2 or len(digits) > _MAX_DIGITS):
        raise custom_error("invalid_amount", value=str(value))
    return value


Amount = Annotated[
    Decimal,
    BeforeValidator(_to_decimal),
    AfterValidator(_check_amount),
    PlainSerializer(str, return_type=str),
    Field(json_schema_extra={"examples": ["45000", "1250.50"]}),
]
"""A sum of money: exact (a :class:`~decimal.Decimal`), not negative, at most to the cent.

Written to files as text, so that no binary fraction ever creeps in.
"""


class Funding(Model):
    """A funder's share of a budget: an actor of the group, or a funder named in words."""

    actor: Id | None = Field(
        default=None,
        description=N_("Id of the funding actor."),
    )
    name: Annotated[LocalisedText, SingleLine()] | None = Field(
        default=None,
        description=N_("The funder's name, when it is not one of the group's actors."),
    )
    amount: Amount | None = Field(
        default=None,
        description=N_("Amount, in the budget's currency."),
    )

    @model_validator(mode="after")
    def _one_funder(self) -> Funding:
        if (self.actor is None) == (self.name is None):
            raise custom_error("funder_actor_or_name")
        return self


class Budget(Model):
    """A project's budget in one currency, and who funds it."""

    amount: Amount = Field(description=N_("Total amount."))
    currency: CurrencyCode = Field(description=N_("Currency (ISO 4217: EUR, MAD, XOF)."))
    funders: tuple[Funding, ...] = Field(
        default=(),
        description=N_("Who funds it, and their shares."),
    )


def period_bounds(
    start: dt.date | int | None, end: dt.date | int | None
) -> tuple[dt.date | None, dt.date | None]:
    """First and last day of a period given by dates or years (a year covers all its days).

    >>> period_bounds(2017, dt.date(2019, 6, 30))
    (datetime.date(2017, 1, 1), datetime.date(2019, 6, 30))
    """
    first = dt.date(start, 1, 1) if isinstance(start, int) else start
    last = dt.date(end, 12, 31) if isinstance(end, int) else end
    return first, last


class Project(Model):
    """An action of one of the group's actors in the country, with its partners."""

    id: Id = Field(description=N_("Stable id of the project."))
    title: Annotated[LocalisedText, SingleLine()] = Field(description=N_("Title of the project."))
    lead: Id = Field(description=N_("Id of the actor who leads the project."))
    partners: tuple[Id, ...] = Field(
        default=(),
        description=N_("Ids of partner actors, French and local."),
    )
    places: tuple[Place, ...] = Field(default=(), description=N_("Where the project takes place."))
    themes: tuple[Id, ...] = Field(
        default=(),
        description=N_("Ids of the group's priorities."),
    )
    dac_codes: tuple[DacCode, ...] = Field(
        default=(),
        description=N_("OECD-DAC sector or purpose codes."),
    )
    start: Day | Year | None = Field(
        default=None,
        description=N_("Start: a date, or a year alone."),
    )
    end: Day | Year | None = Field(
        default=None,
        description=N_("End: a date, or a year alone."),
    )
    status: ProjectStatus = Field(
        default=ProjectStatus.IDEA,
        description=N_("Where the project stands."),
    )
    budget: Budget | None = Field(default=None, description=N_("The budget."))
    contact: Id | None = Field(
        default=None,
        description=N_("Id of the contact person."),
    )
    description: LocalisedText | None = Field(
        default=None, description=N_("What the project does.")
    )
    website: Url | None = Field(default=None, description=N_("Website."))
    fictional: bool = Field(
        default=False,
        description=N_("A made-up sample, shown as such; never about a real actor."),
    )

    @model_validator(mode="after")
    def _end_not_before_start(self) -> Project:
        first, _ = period_bounds(self.start, None)
        _, last = period_bounds(None, self.end)
        if first is not None and last is not None and last < first:
            raise custom_error("period_end_before_start", start=self.start, end=self.end)
        return self

    @property
    def period(self) -> tuple[dt.date | None, dt.date | None]:
        """First and last day of the project (``None``: not known)."""
        return period_bounds(self.start, self.end)

    @property
    def actors(self) -> tuple[Id, ...]:
        """The lead, then the partners, each once."""
        return tuple(dict.fromkeys((self.lead, *self.partners)))

    def overlaps(self, first: dt.date, last: dt.date) -> bool:
        """Whether the project runs at some time between ``first`` and ``last`` (inclusive).

        An unknown start or end is open: a project without dates overlaps every period.
        """
        start, end = self.period
        return (start is None or start <= last) and (end is None or end >= first)


class ResourceKind(enum.StrEnum):
    """What a resource offered to the members is."""

    DOCUMENT = "document"
    LINK = "link"
    TRAINING = "training"
    EVENT = "event"


class Resource(Model):
    """A document, link, training or event offered to the group's members."""

    id: Id = Field(description=N_("Stable id of the resource."))
    title: Annotated[LocalisedText, SingleLine()] = Field(description=N_("Title."))
    kind: ResourceKind = Field(
        default=ResourceKind.DOCUMENT,
        description=N_("Document, link, training or event."),
    )
    offered_by: Id | None = Field(
        default=None,
        description=N_("Id of the actor who offers it."),
    )
    languages: tuple[LanguageCode, ...] = Field(
        default=(),
        description=N_("Languages it is available in."),
    )
    date: Day | None = Field(
        default=None,
        description=N_("Publication date, or day of the event."),
    )
    themes: tuple[Id, ...] = Field(
        default=(),
        description=N_("Ids of the group's priorities."),
    )
    url: Url | None = Field(default=None, description=N_("Web address."))
    author: Line | None = Field(default=None, description=N_("Author."))
    description: LocalisedText | None = Field(default=None, description=N_("What it holds."))
    fictional: bool = Field(
        default=False,
        description=N_("A made-up sample, shown as such; never about a real actor."),
    )
