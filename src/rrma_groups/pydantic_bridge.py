r"""Pydantic's validation errors as the library's problems, and the library's codes as pydantic
errors.

The models raise :func:`custom_error` with a code of the registry
(:data:`rrma_groups.messages.MESSAGES`); :func:`problems_from_pydantic` turns any
:class:`pydantic.ValidationError` into :class:`~rrma_groups.problems.Problem`\s with the
library's codes, templates and parameters, so that every message translates by code.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import re
import types
import typing
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel, RootModel, ValidationError
from pydantic_core import PydanticCustomError

from .errors import Location
from .i18n.catalog import N_
from .messages import MESSAGES, Count, Msg, listing
from .problems import Problem, problem

__all__ = ["custom_error", "problems_from_pydantic"]


def custom_error(code: str, **ctx: Any) -> PydanticCustomError:
    """A pydantic error with one of the library's codes and templates.

    The context keeps the raw values: :func:`problems_from_pydantic` builds the library's message
    from them with the template, ``!r`` and all.
    """
    template = MESSAGES[code]
    return PydanticCustomError(code, _pydantic_template(template), ctx)


def _pydantic_template(template: str) -> str:
    # Pydantic fills "{name}" with str(value) and knows no "!r": quote in the template instead,
    # so that pydantic's own message reads like ours while the context keeps the raw values.
    return re.sub(r"\{(\w+)!r\}", r"'{\1}'", template)


# --- pydantic errors -> problems -------------------------------------------------------------

_TYPE_NAMES = {
    "string_type": Msg(N_("text")),
    "int_type": Msg(N_("a whole number")),
    "int_parsing": Msg(N_("a whole number")),
    "int_from_float": Msg(N_("a whole number")),
    "bool_type": Msg(N_("true or false")),
    "bool_parsing": Msg(N_("true or false")),
    "list_type": Msg(N_("a list")),
    "tuple_type": Msg(N_("a list")),
    "dict_type": Msg(N_("a table")),
    "model_type": Msg(N_("a table")),
    "model_attributes_type": Msg(N_("a table")),
    "date_type": Msg(N_("a date")),
    "date_parsing": Msg(N_("a date")),
    "date_from_datetime_parsing": Msg(N_("a date such as 2016-11-04")),
    "date_from_datetime_inexact": Msg(N_("a date without a time")),
    "time_type": Msg(N_("a time of day")),
    "time_parsing": Msg(N_("a time of day such as 14:00")),
    "float_type": Msg(N_("a number")),
    "float_parsing": Msg(N_("a number")),
    "decimal_type": Msg(N_("a number")),
    "decimal_parsing": Msg(N_("a number")),
}


def _describe_type(value: Any) -> Msg | str:
    names = {
        str: Msg(N_("text")),
        int: Msg(N_("a whole number")),
        float: Msg(N_("a number")),
        bool: Msg(N_("true or false")),
        list: Msg(N_("a list")),
        dict: Msg(N_("a table")),
        type(None): Msg(N_("nothing")),
    }
    for kind, name in names.items():
        if type(value) is kind:
            return name
    return type(value).__name__


def problems_from_pydantic(
    exc: ValidationError, root: type[BaseModel] | None = None, prefix: Location = ()
) -> list[Problem]:
    """Turn a pydantic ValidationError into the library's problems, with helpful messages.

    ``root`` is the model that was validated; it lets an unknown key get a suggestion of the
    field that was probably meant (``facilitateurs`` → ``facilitators``).
    """
    problems: list[Problem] = []
    for err in exc.errors(include_url=False):
        kind = err["type"]
        loc: Location = (*prefix, *(p for p in err["loc"] if not _is_union_tag(p)))
        value = err.get("input")
        ctx = dict(err.get("ctx") or {})
        if kind in MESSAGES:  # one of ours, raised through custom_error()
            params = dict(ctx)
            # A fragment given as a marked string (N_) is translated with the message.
            for name in ("expected", "reason"):
                if isinstance(params.get(name), str):
                    params[name] = Msg(params[name])
            problems.append(Problem(kind, loc, MESSAGES[kind], params, value))
        elif kind == "missing":
            problems.append(problem("missing", loc, None))
        elif kind == "extra_forbidden":
            field = str(loc[-1]) if loc else "?"
            choices = _fields_at(root, err["loc"][:-1]) if root is not None else []
            close = difflib.get_close_matches(field, choices, n=1, cutoff=0.6)
            if close:
                problems.append(
                    problem(
                        "unknown_field_suggestion", loc, value, field=field, suggestion=close[0]
                    )
                )
            else:
                problems.append(problem("unknown_field", loc, value, field=field))
        elif kind in ("enum", "literal_error"):
            choices = _choices(ctx.get("expected"))
            meant = _suggested_choice(root, err["loc"], value, ctx.get("expected"))
            if meant is not None:
                problems.append(
                    problem(
                        "invalid_choice_suggestion", loc, value, choices=choices, suggestion=meant
                    )
                )
            else:
                problems.append(problem("invalid_choice", loc, value, choices=choices))
        elif kind == "string_too_long":
            problems.append(
                problem(
                    "too_long",
                    loc,
                    value,
                    # Numbers grouped the language's way (10 000 in French).
                    length=Count(len(value)) if isinstance(value, str) else "?",
                    max_length=_count(ctx.get("max_length")),
                )
            )
        elif kind in ("greater_than_equal", "greater_than"):
            bound = ctx.get("ge", ctx.get("gt"))
            problems.append(problem("too_small", loc, value, min=bound))
        elif kind in ("too_short",):
            problems.append(problem("too_short", loc, value, min_length=ctx.get("min_length")))
        elif kind in _TYPE_NAMES:
            expected = _TYPE_NAMES[kind]
            problems.append(problem("wrong_type", loc, value, expected=expected, got=_short(value)))
        else:
            # Errors we do not re-word keep pydantic's own message, under pydantic's code.
            problems.append(Problem(kind, loc, err["msg"], {}, value))
    return problems


def _count(value: Any) -> Any:
    return Count(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _choices(expected: Any) -> Any:
    """The values pydantic lists ("'welcome', 'break' or 'other'"), joined the way the message's
    language joins a list (its own comma, no English "or")."""
    text = str(expected or "")
    values = re.findall(r"'((?:[^'\\]|\\.)*)'", text)
    return listing(values) if values else text


def _short(value: Any) -> Msg | str:
    """A value as a message shows what arrived: its kind and, briefly, itself."""
    if value is None:
        return _describe_type(value)
    if isinstance(value, str):
        # Quoted the way the message's language quotes ("texte « vingt »").
        shown = value if len(value) <= 58 else value[:55] + "..."
        return Msg(N_("{kind} {value!r}"), {"kind": _describe_type(value), "value": shown})
    if isinstance(value, bool):
        text = "true" if value else "false"  # as TOML and JSON write them
    elif isinstance(value, dt.date | dt.time):
        text = value.isoformat()
    else:
        text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    if isinstance(value, dict | list):
        return text
    return Msg(N_("{kind} {value}"), {"kind": _describe_type(value), "value": text})


def _is_union_tag(part: str | int) -> bool:
    # Pydantic inserts the chosen union member's tag (or class name) into error locations.
    return isinstance(part, str) and (part.startswith("function-") or part[:1].isupper())


def _suggested_choice(
    root: type[BaseModel] | None, loc: tuple[Any, ...], value: Any, expected: Any
) -> str | None:
    """The choice probably meant: the field's enum may know its synonyms (``suggest``, as
    :class:`~rrma_groups.model.ItemKind` does: ``lunch`` → ``meal``), else the closest spelling."""
    if root is not None:
        for candidate in _unwrap(_type_at(root, loc)):
            suggest = getattr(candidate, "suggest", None)
            if isinstance(candidate, type) and issubclass(candidate, enum.Enum) and suggest:
                meant = suggest(value)
                return None if meant is None else str(meant.value)
    if not isinstance(value, str):
        return None
    choices = re.findall(r"'((?:[^'\\]|\\.)*)'", str(expected or ""))
    close = difflib.get_close_matches(value.casefold(), choices, n=1, cutoff=0.75)
    return close[0] if close else None


def _type_at(root: type[BaseModel], loc: tuple[Any, ...]) -> Any:
    """The annotation found by following ``loc`` from ``root`` (``None`` if it leads nowhere)."""
    current: Any = root
    for part in loc:
        model = _as_model(current)
        if isinstance(part, int):
            current = _item_type(current)
            continue
        if model is None:
            return None
        field = model.model_fields.get(str(part))
        if field is None:
            tagged = _union_member(current, str(part))
            if tagged is None:
                return None
            current = tagged
            continue
        current = field.annotation
    return current


def _fields_at(root: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    """The field names of the model found by following ``loc`` from ``root``, if any."""
    current = _type_at(root, loc)
    if current is None:
        return []
    model = _as_model(current)
    if model is None:
        return []
    return [name for name in model.model_fields if name not in {"model_config"}]


def _unwrap(tp: Any) -> list[Any]:
    origin = get_origin(tp)
    if origin is typing.Annotated:
        return _unwrap(get_args(tp)[0])
    if origin in (Union, types.UnionType):
        out: list[Any] = []
        for arg in get_args(tp):
            out += _unwrap(arg)
        return out
    return [tp]


def _as_model(tp: Any) -> type[BaseModel] | None:
    for candidate in _unwrap(tp):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            root = candidate.model_fields.get("root")
            if root is not None:
                return _as_model(root.annotation)
            return candidate
    return None


def _item_type(tp: Any) -> Any:
    if isinstance(tp, type) and issubclass(tp, RootModel):
        tp = tp.model_fields["root"].annotation
    for candidate in _unwrap(tp):
        args = get_args(candidate)
        if args:
            return args[0]
    return None


def _union_member(tp: Any, tag: str) -> Any:
    for candidate in _unwrap(tp):
        if isinstance(candidate, type) and candidate.__name__ == tag:
            return candidate
    return None
