"""Objectives (what a group or a meeting aims at) and thematic priorities (domains of work)."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, Field, model_validator

from ..messages import custom_error
from ..types import Id, SingleLine
from .base import Model
from .text import LocalisedText

__all__ = ["DacCode", "Objective", "ThematicPriority"]


def _check_dac(value: int) -> int:
    if not (100 <= value <= 999 or 10000 <= value <= 99999):
        raise custom_error(
            "wrong_type",
            expected="an OECD-DAC sector code (3 digits) or purpose code (5 digits)",
            got=str(value),
        )
    return value


DacCode = Annotated[int, AfterValidator(_check_dac)]
"""An OECD-DAC (CRS) sector code such as 110 or purpose code such as 11330."""


class Objective(Model):
    """One objective, written as a sentence.

    In a file an objective may be given as its text alone; ``id`` is optional.
    """

    text: LocalisedText = Field(
        description="The objective, as a sentence / L'objectif, en une phrase."
    )
    id: Id | None = Field(
        default=None, description="Optional stable id / Identifiant stable facultatif."
    )

    @model_validator(mode="before")
    @classmethod
    def _text_alone(cls, data: Any) -> Any:
        if isinstance(data, str | LocalisedText):
            return {"text": data}
        if isinstance(data, dict) and "text" not in data and data and "id" not in data:
            return {"text": data}  # a table of languages to texts
        return data


class ThematicPriority(Model):
    """A domain of work (economic development, vocational training, culture, ...)."""

    id: Id
    title: Annotated[LocalisedText, SingleLine()]
    description: LocalisedText | None = None
    dac_codes: tuple[DacCode, ...] = Field(
        default=(),
        description="OECD-DAC sector or purpose codes / Codes secteur ou objet du CAD de l'OCDE.",
    )
