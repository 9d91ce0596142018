"""The JSON Schema of a group file, generated from the models, its descriptions translated."""

from __future__ import annotations

from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from ..i18n.catalog import gettext
from ..i18n.locales import normalize_locale
from ..model import CountryGroup

__all__ = ["SCHEMA_ID", "json_schema"]

SCHEMA_ID = "https://rrma-groups.readthedocs.io/schema/v1/group.schema.json"
"""The ``$id`` of the schema: where the published schema lives."""


class _FileSchema(GenerateJsonSchema):
    """Pydantic's JSON Schema, with times and dates as group files write them.

    Pydantic gives a time ``format: time`` and a date ``format: date``: RFC 3339's
    ``14:00:00+01:00`` and ``2016-11-04``. A file may write ``14h00``, ``2 pm``, ``04/11/2016`` or
    ``vendredi 4 novembre 2016`` (see :mod:`rrma_groups.parsing.times`), which no pattern sums up:
    the schema says "text", and the types' examples show the usual forms. TOML's own times and
    dates reach the schema as ISO text, which this accepts too.

    Done here rather than on each field: every time and date of a file is a ``TimeOfDay`` or a
    ``Day``, and this is the one place where they all become JSON Schema.
    """

    def time_schema(self, schema: core_schema.TimeSchema) -> JsonSchemaValue:
        return {"type": "string", "minLength": 1}

    def date_schema(self, schema: core_schema.DateSchema) -> JsonSchemaValue:
        return {"type": "string", "minLength": 1}


def json_schema(lang: str | None = None) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a group file, generated from the models.

    It names the shorthands :func:`load` reads (an item's ``time = "14h00 - 14h15"`` or
    ``duration``, an objective given as its text alone, a recurrence as RRULE text) and takes
    times and dates as people write them (``14h00``, ``04/11/2016``); every field is described,
    for editors' tooltips. It checks the shape of a file only: what :func:`rrma_groups.check`
    finds (an id that names nothing, an item outside its meeting) is beyond it.

    The models describe their fields in English and the catalogs translate the descriptions.
    Without ``lang``, each reads "Français. — English.", French first for the people who write
    the files: this is the schema published in ``schema/group.schema.json``. With ``lang``
    (``"fr"``, ``"ar"``, ``"ar-MA"``, ``"en"``…) they are in that language alone, for an editor
    set to it; the descriptions of the models themselves, their docstrings, stay in English.

    >>> json_schema()["properties"]["name"]["description"]
    'Nom du groupe pays. — Name of the country group.'
    >>> json_schema(lang="ar")["properties"]["name"]["description"]
    'اسم مجموعة البلد.'

    :raises LocaleError: ``lang`` is malformed or unknown to CLDR.
    """
    if lang is not None:
        normalize_locale(lang)  # a bad code is refused, not read as English
    schema = CountryGroup.model_json_schema(mode="validation", schema_generator=_FileSchema)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **_translate_descriptions(schema, lang, model=True),
        "title": "rrma_groups country group",
    }


# Keywords whose values are data of a file (a default, an example), never words of the schema;
# and keywords whose keys are names (of fields, of definitions), each holding a subschema.
_DATA_KEYWORDS = frozenset({"const", "default", "enum", "examples"})
_NAMING_KEYWORDS = frozenset({"$defs", "properties", "patternProperties", "dependentSchemas"})


def _translate_descriptions(node: Any, lang: str | None, *, model: bool = False) -> Any:
    """``node`` (a schema, or a part of one) with the description of each field translated.

    ``model``: ``node`` is a model's own schema (the root, a definition); its description is the
    model's docstring, which stays in English.
    """
    if isinstance(node, list):
        return [_translate_descriptions(item, lang) for item in node]
    if not isinstance(node, dict):
        return node
    translated: dict[str, Any] = {}
    for key, value in node.items():
        if key == "description" and isinstance(value, str):
            translated[key] = value if model else _description(value, lang)
        elif key in _DATA_KEYWORDS:
            translated[key] = value
        elif key in _NAMING_KEYWORDS and isinstance(value, dict):
            translated[key] = {
                name: _translate_descriptions(sub, lang, model=key == "$defs")
                for name, sub in value.items()
            }
        else:
            translated[key] = _translate_descriptions(value, lang)
    return translated


def _description(english: str, lang: str | None) -> str:
    """``english`` in ``lang``, or "Français. — English." for ``None``.

    A description the French catalog lacks stays in English alone (and a test then fails).
    """
    if lang is not None:
        return gettext(english, lang)
    french = gettext(english, "fr")
    return english if french == english else f"{french} — {english}"
