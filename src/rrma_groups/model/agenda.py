"""A meeting's timed agenda: items, their kinds and their facilitators."""

from __future__ import annotations

import datetime as dt
import difflib
import enum
from collections.abc import Iterator
from typing import Annotated, Any, Final

from pydantic import (
    ConfigDict,
    Discriminator,
    Field,
    RootModel,
    Tag,
    field_validator,
    model_validator,
)
from pydantic_core import CoreSchema, core_schema

from ..display import html_fragment
from ..errors import TimeParseError
from ..i18n.catalog import N_
from ..messages import Msg
from ..parsing.folding import fold_words
from ..pydantic_bridge import custom_error
from .base import Model
from .patterns import duration_schema, time_range_schema
from .shortcuts import Shortcut, passes_valid_data
from .text import LocalisedText
from .types import Id, Line, MeetingDay, RoomId, SingleLine, TimeOfDay

__all__ = [
    "ActorFacilitator",
    "Agenda",
    "AgendaItem",
    "Facilitator",
    "ItemKind",
    "PersonFacilitator",
    "RoleFacilitator",
]


class ItemKind(enum.StrEnum):
    """What an agenda item is."""

    WELCOME = "welcome"
    """accueil"""
    PRESENTATION = "presentation"
    DISCUSSION = "discussion"
    WORKSHOP = "workshop"
    PLENARY = "plenary"
    BREAK = "break"
    MEAL = "meal"
    CONCLUSION = "conclusion"
    """restitution, conclusion"""
    SOCIAL = "social"
    """temps convivial"""
    OTHER = "other"

    @property
    def needs_facilitator(self) -> bool:
        """Whether an item of this kind is expected to have someone leading it."""
        return self not in (ItemKind.BREAK, ItemKind.MEAL, ItemKind.SOCIAL)

    @classmethod
    def suggest(cls, value: object) -> ItemKind | None:
        """The kind someone probably meant by a word that is not one: ``lunch`` or
        ``déjeuner`` → ``meal``, ``atelier`` → ``workshop``, ``meeal`` → ``meal``; ``None``
        when no kind is close. Error messages offer it ("did you mean 'meal'?")."""
        if not isinstance(value, str):
            return None
        words = f" {fold_words(value)} "
        for kind, names in KIND_WORDS:  # a kind's word, alone or among others ("pause café")
            if any(f" {fold_words(name)} " in words for name in names):
                return kind
        words = words.strip()
        close = difflib.get_close_matches(words, [kind.value for kind in cls], n=1, cutoff=0.75)
        return cls(close[0]) if close else None


# The words that name each kind, in French, English and Arabic: the table import and the agenda
# builder guess an item's kind from its title with them (rrma_groups.parsing.kinds), and a kind
# written as one of them gets the right value suggested.
# First match wins, so the order matters: "Temps convivial et échange libre" is social time,
# not a discussion; "Pause déjeuner" is a meal; "Atelier : présentation de..." is a workshop.
KIND_WORDS: Final[tuple[tuple[ItemKind, tuple[str, ...]], ...]] = (
    (
        ItemKind.SOCIAL,
        ("temps convivial", "convivial", "cocktail", "verre de l'amitié", "apéritif",
         "networking", "social time", "reception", "حفل", "لقاء ودي"),
    ),
    (
        ItemKind.MEAL,
        ("déjeuner", "dîner", "repas", "buffet", "lunch", "dinner", "غداء", "عشاء", "وجبة"),
    ),
    (ItemKind.BREAK, ("pause", "break", "coffee", "استراحة")),
    (
        ItemKind.WELCOME,
        ("accueil", "bienvenue", "ouverture", "welcome", "registration", "opening", "استقبال",
         "افتتاح", "كلمة ترحيبية"),
    ),
    (
        ItemKind.CONCLUSION,
        ("restitution", "conclusion", "clôture", "synthèse", "closing", "wrap up", "اختتام",
         "ختام", "خلاصات", "توصيات"),
    ),
    (ItemKind.WORKSHOP, ("atelier", "workshop", "ورشة", "ورشات")),
    (ItemKind.PLENARY, ("plénière", "plenary", "جلسة عامة")),
    (
        ItemKind.DISCUSSION,
        ("débat", "discussion", "échange", "échanges", "table ronde", "questions", "debate",
         "round table", "نقاش", "مناقشة", "حوار"),
    ),
    (
        ItemKind.PRESENTATION,
        ("présentation", "intervention", "exposé", "introduction", "presentation", "تقديم",
         "عرض"),
    ),
)  # fmt: skip


class PersonFacilitator(Model):
    """A named person leads the item."""

    person: Id = Field(description=N_("Id of the person."))
    label: Line | None = Field(
        default=None,
        description=N_("The name as written in the programme, e.g. 'Khalid'."),
    )
    on_behalf_of: Id | None = Field(
        default=None,
        description=N_("Id of the actor they represent."),
    )


class ActorFacilitator(Model):
    """An organisation leads the item."""

    actor: Id = Field(description=N_("Id of the organisation."))
    label: Line | None = Field(
        default=None,
        description=N_("The name as written in the programme."),
    )


class RoleFacilitator(Model):
    """Someone not named leads the item: 'Un représentant de chaque structure'."""

    role: Annotated[LocalisedText, SingleLine()] = Field(
        description=N_("The role, in words: 'a representative of each organisation'.")
    )
    actor: Id | None = Field(
        default=None,
        description=N_("Id of the organisation the role belongs to."),
    )


# Tags are the class names: error locations then leave them out (see messages._is_union_tag).
def _facilitator_tag(value: Any) -> str | None:
    if isinstance(value, dict):
        for key, tag in (
            ("role", "RoleFacilitator"),
            ("person", "PersonFacilitator"),
            ("actor", "ActorFacilitator"),
        ):
            if key in value:
                return tag
        return None
    if isinstance(value, RoleFacilitator):
        return "RoleFacilitator"
    if isinstance(value, PersonFacilitator):
        return "PersonFacilitator"
    if isinstance(value, ActorFacilitator):
        return "ActorFacilitator"
    return None


def _each_kind_in_turn(schema: CoreSchema) -> CoreSchema | None:
    if schema.get("type") != "tagged-union":
        return None
    return core_schema.union_schema(list(schema["choices"].values()), mode="left_to_right")


Facilitator = Annotated[
    Annotated[PersonFacilitator, Tag("PersonFacilitator")]
    | Annotated[ActorFacilitator, Tag("ActorFacilitator")]
    | Annotated[RoleFacilitator, Tag("RoleFacilitator")],
    Discriminator(
        _facilitator_tag,
        custom_error_type="invalid_facilitator",
        custom_error_message="a facilitator needs exactly one of 'person', 'actor' or 'role'",
    ),
    # The shortcut (see .shortcuts): each kind in turn, without calling _facilitator_tag.
    # What one kind accepts the others refuse (each requires its own key and, the models
    # forbidding unknown keys, refuses the others' keys), and it is the kind the tag names.
    Shortcut(_each_kind_in_turn),
]
"""Who leads an item: a person, an organisation or a role. No facilitator at all is ``[]``."""


# The shorthands a file may use for times are read by model validators, before the fields; they
# are not fields, so pydantic leaves them out of the JSON Schema. They are added here, so that an
# editor checking a file against the schema accepts what loading it accepts.


def time_range_shorthand(schema: dict[str, Any], replaces: tuple[str, ...]) -> None:
    """Let ``time = "14h00 - 14h15"`` stand for the required fields ``replaces`` in ``schema``.

    ``time`` comes right after ``end`` among the properties (editors list them in that order)
    and excludes ``start`` and ``end``, as the validator does.
    """
    time = {
        **time_range_schema(),
        "description": N_("Time range, instead of start and end: 14h00 - 14h15."),
        "examples": ["14h00 - 14h15", "14:00-14:15"],
    }
    _insert_after(schema, "end", "time", time)
    schema["required"] = [name for name in schema["required"] if name not in replaces]
    schema["anyOf"] = [{"required": list(replaces)}, {"required": ["time"]}]
    schema["dependentSchemas"] = {
        "time": {"not": {"anyOf": [{"required": ["start"]}, {"required": ["end"]}]}}
    }


def _agenda_item_schema(schema: dict[str, Any]) -> None:
    time_range_shorthand(schema, ("start",))
    duration = {
        **duration_schema(),
        "description": N_("Duration, instead of end: minutes (15) or text (1h30)."),
        "examples": [15, "1h30"],
    }
    _insert_after(schema, "time", "duration", duration)
    # A duration stands for the end and counts from the start: not with a time range, which
    # has its own end.
    schema["dependentSchemas"]["duration"] = {
        "required": ["start"],
        "properties": {"end": {"type": "null"}},
    }


def _insert_after(schema: dict[str, Any], after: str, name: str, value: dict[str, Any]) -> None:
    properties: dict[str, Any] = {}
    for key, existing in schema["properties"].items():
        properties[key] = existing
        if key == after:
            properties[name] = value
    schema["properties"] = properties


class AgendaItem(Model):
    """One timed item of a programme.

    In a file, the time can be given as ``start`` and ``end``, ``start`` and ``duration``
    (minutes or ``"1h30"``), or ``time = "14h00 - 14h15"``. Only ``start`` and ``end`` are kept.
    """

    model_config = ConfigDict(json_schema_extra=_agenda_item_schema)

    title: Annotated[LocalisedText, SingleLine()] = Field(description=N_("Title of the item."))
    start: TimeOfDay = Field(description=N_("Start time: 14h00, 14:00."))
    end: TimeOfDay | None = Field(
        default=None,
        description=N_("End time; none for an open-ended last item."),
    )
    kind: ItemKind = Field(
        default=ItemKind.OTHER,
        description=N_("Kind of item: welcome, presentation, break..."),
    )
    id: Id | None = Field(default=None, description=N_("Optional stable id."))
    day: MeetingDay | None = Field(
        default=None,
        description=N_("The date, for meetings over several days (default: first day)."),
    )
    facilitators: tuple[Facilitator, ...] = Field(
        default=(),
        description=N_("Who leads it: people, organisations or a role; [] for nobody."),
    )
    room: RoomId | None = Field(
        default=None,
        description=N_("Id of one of the venue's rooms."),
    )
    track: Line | None = Field(
        default=None,
        description=N_("Parallel track name, if any."),
    )
    notes: LocalisedText | None = Field(default=None, description=N_("Notes."))
    fixed: bool = Field(
        default=False,
        description=N_("Keep this item's time when the agenda is re-timed (a meal)."),
    )

    @model_validator(mode="before")
    @classmethod
    @passes_valid_data
    def _time_shorthands(cls, data: Any) -> Any:
        if not isinstance(data, dict) or not ("time" in data or "duration" in data):
            return data
        data = dict(data)
        if "time" in data:
            if "start" in data or "end" in data:
                raise custom_error("time_range_and_times")
            text = data.pop("time")
            from ..parsing.times import parse_time_range

            try:
                data["start"], data["end"] = parse_time_range(str(text))
            except TimeParseError as exc:
                raise custom_error(
                    "invalid_time_range", value=str(text), reason=exc.reason_msg
                ) from None
        if "duration" in data:
            if data.get("end") is not None:
                raise custom_error("time_and_duration")
            data["end"] = _end_from_duration(data.get("start"), data.pop("duration"))
        return data

    @field_validator("end")
    @classmethod
    def _end_after_start(cls, end: dt.time | None, info: Any) -> dt.time | None:
        start = info.data.get("start")
        if end is not None and start is not None and end <= start:
            raise custom_error("end_before_start", start=start, end=end)
        return end

    @property
    def duration(self) -> dt.timedelta | None:
        """How long the item lasts; ``None`` when open-ended."""
        if self.end is None:
            return None
        return _minutes(self.end) - _minutes(self.start)

    @property
    def is_plenary(self) -> bool:
        """An item in no room and no track involves everyone."""
        return self.room is None and self.track is None


def _minutes(t: dt.time) -> dt.timedelta:
    return dt.timedelta(hours=t.hour, minutes=t.minute, seconds=t.second)


def _end_from_duration(start: Any, duration: Any) -> Any:
    from ..parsing.times import parse_duration, parse_time

    try:
        if isinstance(start, str):
            start = parse_time(start)
        length = duration if isinstance(duration, dt.timedelta) else parse_duration(duration)
    except TimeParseError as exc:
        raise custom_error("invalid_duration", value=str(duration), reason=exc.reason_msg) from None
    if not isinstance(start, dt.time):
        return None  # 'start' is missing or wrong: its own error says so
    if length % dt.timedelta(minutes=1):
        # Times are given to the minute: 14:00 and 90 seconds would end at no time of the file.
        reason = Msg(N_("durations are given in whole minutes"))
        raise custom_error("invalid_duration", value=str(duration), reason=reason)
    end = dt.datetime.combine(dt.date(2000, 1, 1), start) + length
    if end.date() != dt.date(2000, 1, 1) or end.time() == dt.time(0, 0):
        raise custom_error(
            "invalid_duration",
            value=str(duration),
            reason=Msg(N_("starting at {start}, it would end after midnight"), {"start": start}),
        )
    return end.time()


class Agenda(RootModel[tuple[AgendaItem, ...]]):
    """The ordered items of a meeting's programme."""

    model_config = {"frozen": True}

    root: tuple[AgendaItem, ...] = ()

    def __iter__(self) -> Iterator[AgendaItem]:  # type: ignore[override]
        return iter(self.root)

    def __len__(self) -> int:
        return len(self.root)

    def __getitem__(self, index: int) -> AgendaItem:
        return self.root[index]

    def __bool__(self) -> bool:
        return bool(self.root)

    @property
    def items(self) -> tuple[AgendaItem, ...]:
        return self.root

    def days(self, first_day: dt.date) -> list[dt.date]:
        """The distinct days of the items, in order (items without a day are on ``first_day``)."""
        return sorted({item.day or first_day for item in self.root})

    def on(self, day: dt.date, first_day: dt.date) -> tuple[AgendaItem, ...]:
        """The items of one day, sorted by start time."""
        return tuple(
            sorted(
                (item for item in self.root if (item.day or first_day) == day),
                key=lambda item: item.start,
            )
        )

    def find(self, key: str) -> AgendaItem:
        """The item whose id is ``key``."""
        for item in self.root:
            if item.id == key:
                return item
        raise KeyError(key)

    def __repr__(self) -> str:
        return f"Agenda({len(self.root)} items)"

    def _repr_html_(self) -> str | None:
        """Rich display in Jupyter: the programme table as an HTML fragment."""
        return html_fragment(self)
