"""A second validator of a model, which checks the common values without calling Python.

Most values of a group file are plain: ids, one-line titles, ISO times and dates. Each is
checked by a Python function (an ``AfterValidator`` of :mod:`.types`, the validator of
:class:`~rrma_groups.LocalisedText`), and pydantic-core calls it once per value: in a file of
400 agenda items that is some 5,000 calls, more time than pydantic spends on everything else.

A type marks its check with a :class:`Shortcut`: a core schema that pydantic-core checks on
its own (a pattern, a length, ISO parsing) and that accepts only values the check accepts,
giving the same result. :func:`shortcut_validator` builds, from a model's core schema, a
validator where each marked check becomes "the shortcut, else the check itself": a value the
shortcut does not take is checked as usual.

Only the loaders use it, and only to say yes: a value both refuse gives a union error that
names the two, not the model's own error. When this validator refuses the data (or is not
available), the loaders validate it with the model, whose errors are the ones reported. When it
accepts the data, the result equals the model's: each shortcut gives what its check gives.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel, GetCoreSchemaHandler
from pydantic_core import CoreSchema, SchemaValidator, core_schema

__all__ = [
    "Shortcut",
    "add_shortcut",
    "passes_valid_data",
    "pattern",
    "shortcut_of",
    "shortcut_validate",
    "shortcut_validate_json",
    "shortcut_validator",
]

M = TypeVar("M", bound=BaseModel)
F = TypeVar("F", bound=Callable[..., Any])

_KEY = "rrma_groups.shortcut"
"""Where a schema's shortcut is kept, in its ``metadata``."""


def add_shortcut(schema: CoreSchema, shortcut: CoreSchema | None) -> CoreSchema:
    """``schema`` with ``shortcut`` as its shortcut (unchanged when it is None)."""
    if shortcut is None:
        return schema
    metadata = {**schema.get("metadata", {}), _KEY: shortcut}
    return {**schema, "metadata": metadata}


def shortcut_of(schema: CoreSchema) -> CoreSchema | None:
    """The shortcut of ``schema``, if it has one."""
    metadata = schema.get("metadata")
    return metadata.get(_KEY) if isinstance(metadata, dict) else None


class Shortcut:
    """Marker of an ``Annotated`` type: its check has this shortcut.

    ``Annotated[str, AfterValidator(check), Shortcut(schema)]``; the shortcut may also be a
    function of the schema built so far (``None`` when it has none). Place it after the
    validators it stands for.
    """

    def __init__(self, shortcut: CoreSchema | Callable[[CoreSchema], CoreSchema | None]):
        self.shortcut = shortcut

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        schema = handler(source)
        shortcut = self.shortcut(schema) if callable(self.shortcut) else self.shortcut
        return add_shortcut(schema, shortcut)

    def __repr__(self) -> str:
        return "Shortcut()"


def pattern(regex: str, *, max_length: int | None = None) -> CoreSchema:
    """A string (as read from a file: ``str`` itself) that ``regex`` matches in full.

    Checked by Rust's regex engine, whatever the model's ``regex_engine``: the patterns here
    are written for it (``\\A``, ``\\z``, ``\\x{...}``, no look-around) and mean the same in
    both, on the characters they name.
    """
    return core_schema.str_schema(
        pattern=rf"\A(?:{regex})\z", max_length=max_length, strict=True, regex_engine="rust-regex"
    )


_PASSING: set[Callable[..., Any]] = set()


def passes_valid_data(function: F) -> F:
    """Mark a ``model_validator(mode="before")``: it returns the data it is given unchanged
    whenever the model's fields would accept that data as it is (it only rewrites what they
    would refuse, such as shorthands). Its model then has a shortcut: the fields alone.

    Place it under ``@classmethod``.
    """
    _PASSING.add(function)
    return function


def _with_shortcuts(schema: Any) -> Any:
    """A copy of a core schema where each schema with a shortcut is "shortcut, else itself"."""
    if isinstance(schema, list):
        return [_with_shortcuts(each) for each in schema]
    if not isinstance(schema, dict):
        return schema
    copy = {
        key: value if key in _OPAQUE else _with_shortcuts(value) for key, value in schema.items()
    }
    kind = schema.get("type")
    if not isinstance(kind, str):
        return copy
    shortcut = shortcut_of(schema)
    if shortcut is None and kind == "function-before":
        function = schema["function"].get("function")
        if getattr(function, "__func__", function) in _PASSING:
            return core_schema.union_schema([copy["schema"], copy], mode="left_to_right")
    if shortcut is None:
        return copy
    return core_schema.union_schema(
        [_with_shortcuts(shortcut), copy], mode="left_to_right", ref=copy.pop("ref", None)
    )


# Keys whose values are no schemas: functions, classes, defaults, serialisers, metadata.
_OPAQUE = frozenset(
    {"cls", "function", "serialization", "metadata", "default", "discriminator", "config"}
)


@functools.cache
def shortcut_validator(model: type[BaseModel]) -> SchemaValidator | None:
    """The validator of ``model`` with every shortcut taken; None if pydantic cannot make it."""
    try:
        model.model_rebuild()  # a model built on first use (defer_build) is built now
        schema = model.__pydantic_core_schema__
        # pydantic-core reuses the validator a model class already has, by default, wherever
        # the schema names the class: the shortcuts would be left out. ``_use_prebuilt`` is the
        # documented switch (pydantic passes it when it rebuilds a model).
        return SchemaValidator(_with_shortcuts(schema), _use_prebuilt=False)
    except Exception:  # pragma: no cover - another pydantic-core: validate without shortcuts
        return None


def shortcut_validate(model: type[M], data: Any) -> M | None:
    """``data`` validated as ``model`` through the shortcuts; None when that fails, for any
    reason: then ``model.model_validate(data)`` says why, in the model's own words."""
    return _through_shortcuts(model, lambda validator: validator.validate_python(data))


def shortcut_validate_json(model: type[M], json: bytes) -> M | None:
    """The same for JSON text, which pydantic-core reads itself (no Python data is made for
    it): None when that fails, for any reason."""
    return _through_shortcuts(model, lambda validator: validator.validate_json(json))


def _through_shortcuts(model: type[M], validate: Callable[[SchemaValidator], Any]) -> M | None:
    """``validate(model's shortcut validator)``, or None when there is none or it refuses."""
    validator = shortcut_validator(model)
    if validator is None:
        return None
    try:
        result: M = validate(validator)
    except Exception:  # the model's own validation reports it
        return None
    return result
