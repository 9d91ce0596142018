"""The JSON Schema of a group file, generated from the models, its descriptions translated."""

from __future__ import annotations

import enum
import json
import os
import re
from pathlib import Path
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from ..i18n.catalog import gettext
from ..i18n.locales import normalize_locale
from ..model import CountryGroup
from ..model.patterns import DEFINITION
from .safe import read_limited, write_atomic

__all__ = [
    "SCHEMA_FILE_NAME",
    "SCHEMA_ID",
    "SCHEMA_LINE",
    "SchemaFile",
    "json_schema",
    "schema_text",
    "write_schema_beside",
]

SCHEMA_ID = "https://rrma-groups.readthedocs.io/schema/v1/group.schema.json"
"""The ``$id`` of the schema: where the documentation site publishes it, once online (until
then, files point to a copy: :data:`SCHEMA_LINE`)."""

SCHEMA_FILE_NAME = "group.schema.json"
"""The name of the schema file that ``rrma-groups new`` writes beside a group file."""

SCHEMA_LINE = f"#:schema ./{SCHEMA_FILE_NAME}"
"""The first line of a group file written by ``rrma-groups new``: it points editors with TOML
schema support (Taplo, Even Better TOML) to the schema file beside it, read without a network.
Taplo reads a relative path from the folder of the TOML file."""

# The $id of a schema of group files, of any version of the format.
_OUR_ID = re.compile(r"https://rrma-groups\.readthedocs\.io/schema/v[0-9]+/group\.schema\.json")


class _FileSchema(GenerateJsonSchema):
    """Pydantic's JSON Schema, with times and dates as group files write them.

    Pydantic gives a time ``format: time`` and a date ``format: date``: RFC 3339's
    ``14:00:00+01:00`` and ``2016-11-04``. A file may write ``14h00``, ``2 pm``, ``04/11/2016`` or
    ``vendredi 4 novembre 2016`` (see :mod:`rrma_groups.parsing.times`): the schema says "text",
    and the types add the patterns of the forms they read (see :mod:`rrma_groups.model.patterns`).
    TOML's own times and dates reach the schema as ISO text, which these accept too.

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
    for editors' tooltips. Its patterns refuse what the text of a value alone shows to be wrong
    (``25h00``, an unknown country or language, a blank title; see
    :mod:`rrma_groups.model.patterns`), and never what :func:`load` accepts. It checks the shape
    of a file only: what :func:`rrma_groups.check` finds (an id that names nothing, an item
    outside its meeting) is beyond it.

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
        **_translate_descriptions(_with_definitions(schema), lang, model=True),
        "title": "rrma_groups country group",
    }


# Keywords that say what a value is for, not what it may be: they stay where a value is used.
_ANNOTATIONS = frozenset({"title", "description", "examples", "default", "$comment"})


def _with_definitions(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with each named fragment of the types (see :mod:`rrma_groups.model.patterns`)
    made a definition, and a ``$ref`` to it where it was.

    Pydantic gives definitions to models and enums only: a language pattern or a time pattern
    would be written out again in every field that takes one. Each field keeps its own
    description and examples beside the ``$ref``.
    """
    found: dict[str, Any] = {}

    def visit(node: Any) -> Any:
        if isinstance(node, list):
            return [visit(item) for item in node]
        if not isinstance(node, dict):
            return node
        node = {key: visit(value) for key, value in node.items()}
        name = node.pop(DEFINITION, None)
        if name is None:
            return node
        body = {key: value for key, value in node.items() if key not in _ANNOTATIONS}
        if found.setdefault(name, body) != body:
            return node  # another fragment under that name: kept where it is
        kept = {key: value for key, value in node.items() if key in _ANNOTATIONS}
        return {"$ref": f"#/$defs/{name}", **kept}

    result: dict[str, Any] = visit(schema)
    # The fragments' names are no model's (tests/test_schema_file.py checks it).
    result["$defs"] = dict(sorted({**result.get("$defs", {}), **found}.items()))
    return result


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


def schema_text() -> str:
    """The schema as a file holds it (``rrma-groups schema``, ``schema/group.schema.json``)."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


class SchemaFile(enum.StrEnum):
    """What :func:`write_schema_beside` found, and did."""

    WRITTEN = "written"
    """There was no file of that name: the schema was written."""
    UPDATED = "updated"
    """There was a schema of group files, of another version: it was replaced."""
    CURRENT = "current"
    """There was this very schema: nothing was written."""
    FOREIGN = "foreign"
    """There was another file of that name (or a folder): it was left as it is."""


def write_schema_beside(group_file: str | os.PathLike[str]) -> tuple[Path, SchemaFile]:
    """Write the schema as ``group.schema.json`` in the folder of ``group_file``, where the
    line :data:`SCHEMA_LINE` of the group file points; return its path and what was done.

    A file of that name is replaced only when it is a schema of group files (by its ``$id``)
    that differs from this one; any other file is somebody else's, and is kept.

    :raises OSError: the schema cannot be written there.
    """
    target = Path(group_file).parent / SCHEMA_FILE_NAME
    text = schema_text().encode("utf-8")
    status = SchemaFile.WRITTEN
    if target.exists() or target.is_symlink():
        try:
            existing = read_limited(target)
            found = json.loads(existing)
        except (OSError, ValueError, RecursionError):  # FileFormatError is a ValueError
            return target, SchemaFile.FOREIGN
        if existing == text:
            return target, SchemaFile.CURRENT
        identifier = found.get("$id") if isinstance(found, dict) else None
        if not isinstance(identifier, str) or not _OUR_ID.fullmatch(identifier):
            return target, SchemaFile.FOREIGN
        status = SchemaFile.UPDATED
    write_atomic(target, text)
    return target, status
