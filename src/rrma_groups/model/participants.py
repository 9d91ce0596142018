"""Who takes part in a meeting: registrations, how each person attends, and whether they came."""

from __future__ import annotations

import enum
from typing import Annotated

from pydantic import Field, model_validator

from ..i18n.catalog import N_
from ..pydantic_bridge import custom_error
from .actors import ActorKind
from .base import Model
from .text import LocalisedText
from .types import Id, Line, SingleLine

__all__ = ["Attendance", "ParticipationMode", "Registration"]


class ParticipationMode(enum.StrEnum):
    """How one person takes part (a meeting may be hybrid, a person is here or online)."""

    IN_PERSON = "in_person"
    ONLINE = "online"


class Attendance(enum.StrEnum):
    """Whether a registered person came, as recorded after the meeting."""

    PRESENT = "present"
    EXCUSED = "excused"
    """did not come, and said so beforehand"""
    ABSENT = "absent"


class Registration(Model):
    """One participant of a meeting: a known person, or a new one given by name.

    ``organisation`` is the actor they represent (by default, the person's affiliation);
    someone from an organisation the group does not know yet gives ``organisation_name``
    (and, for the counts by kind, ``organisation_kind``).
    """

    person: Id | None = Field(
        default=None,
        description=N_("Id of a known person."),
    )
    name: Line | None = Field(
        default=None,
        description=N_("A new person's name, as written."),
    )
    organisation: Id | None = Field(
        default=None,
        description=N_("Id of the actor represented."),
    )
    organisation_name: Annotated[LocalisedText, SingleLine()] | None = Field(
        default=None,
        description=N_("An organisation the group does not know yet."),
    )
    organisation_kind: ActorKind | None = Field(
        default=None,
        description=N_("What kind of organisation organisation_name is."),
    )
    mode: ParticipationMode = Field(
        default=ParticipationMode.IN_PERSON,
        description=N_("In person or online."),
    )
    attendance: Attendance | None = Field(
        default=None,
        description=N_("Recorded after the meeting; none before."),
    )
    fictional: bool = Field(
        default=False,
        description=N_("A made-up sample participant, shown as such."),
    )

    @model_validator(mode="after")
    def _who(self) -> Registration:
        if (self.person is None) == (self.name is None):
            raise custom_error("participant_person_or_name")
        if self.organisation is not None and self.organisation_name is not None:
            raise custom_error("participant_organisation_or_name")
        if self.organisation_kind is not None and self.organisation_name is None:
            raise custom_error("organisation_kind_without_name")
        return self
