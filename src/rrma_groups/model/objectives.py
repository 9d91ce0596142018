"""Objectives (what a group or a meeting aims at) and thematic priorities (domains of work)."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, Field, GetJsonSchemaHandler, model_validator
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from ..i18n.catalog import N_
from ..pydantic_bridge import custom_error
from .base import Model
from .text import LocalisedText
from .types import Id, SingleLine

__all__ = ["DacCode", "Objective", "ThematicPriority"]


def _check_dac(value: int) -> int:
    if not (100 <= value <= 999 or 10000 <= value <= 99999):
        raise custom_error(
            "wrong_type",
            expected=N_("an OECD-DAC sector code (3 digits) or purpose code (5 digits)"),
            got=str(value),
        )
    return value


DacCode = Annotated[
    int,
    AfterValidator(_check_dac),
    Field(
        json_schema_extra={
            "anyOf": [{"minimum": 100, "maximum": 999}, {"minimum": 10000, "maximum": 99999}]
        }
    ),
]
"""An OECD-DAC (CRS) sector code such as 110 or purpose code such as 11330."""


class Objective(Model):
    """One objective, written as a sentence.

    In a file an objective may be given as its text alone; ``id`` is optional.
    """

    text: LocalisedText = Field(description=N_("The objective, as a sentence."))
    id: Id | None = Field(default=None, description=N_("Optional stable id."))

    @model_validator(mode="before")
    @classmethod
    def _text_alone(cls, data: Any) -> Any:
        if isinstance(data, str | LocalisedText):
            return {"text": data}
        if isinstance(data, dict) and "text" not in data and data and "id" not in data:
            return {"text": data}  # a table of languages to texts
        return data

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler, /
    ) -> JsonSchemaValue:
        # A file may give the text alone, as the validator above reads it: the schema offers
        # the text's own forms (a string, a table of languages) beside the full table.
        model = handler.resolve_ref_schema(handler(core_schema))
        full = {k: v for k, v in model.items() if k not in ("title", "description")}
        text_alone = [dict(form) for form in model["properties"]["text"]["anyOf"]]
        for form in text_alone:
            if form.get("type") == "object":
                form["not"] = {"required": ["id"]}  # {id = ...} is the full form, missing text
        return {
            "title": model["title"],
            "description": model["description"],
            "anyOf": [*text_alone, full],
        }


class ThematicPriority(Model):
    """A domain of work (economic development, vocational training, culture, ...)."""

    id: Id = Field(description=N_("Stable id of the priority."))
    title: Annotated[LocalisedText, SingleLine()] = Field(description=N_("Title of the priority."))
    description: LocalisedText | None = Field(
        default=None, description=N_("What the priority covers.")
    )
    dac_codes: tuple[DacCode, ...] = Field(
        default=(),
        description=N_("OECD-DAC sector or purpose codes."),
    )
