"""Sphinx helpers for the rrma_groups docs: model fields, problem codes, command help.

What can be generated from the code is generated here, at build time, so that it cannot drift:

* the fields of the pydantic models, appended to their autodoc entries (autodoc documents
  methods and properties, but a pydantic field is not a class attribute with a docstring);
  each field gets a link target such as ``rrma_groups.model.Meeting.date``;
* every value of an enumeration, documented or not;
* ``{rrma-problem-codes}``: the table of every problem code and its English message;
* ``{rrma-command-help} validate``: the ``--help`` text of a ``rrma-groups`` command;
* pages whose front matter says ``dir: rtl`` and ``lang: ar`` get their whole body wrapped in
  ``<div dir="rtl" lang="ar">`` (Sphinx has one language per site; this gives a page its own).
"""

from __future__ import annotations

import argparse
import enum
import os
import types
import typing
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import Directive, directives
from pydantic import BaseModel
from pydantic_core import PydanticUndefined

# --- model fields -------------------------------------------------------------------------


def type_name(annotation: Any) -> str:
    """A short, readable name for a field's type: ``LocalisedText``, ``tuple[Room, ...]``."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return type_name(args[0])
    if origin in (typing.Union, types.UnionType):
        names = [type_name(a) for a in args if a is not type(None)]
        optional = len(names) < len(args)
        return " | ".join(names) + (" | None" if optional else "")
    if origin is typing.Literal:
        return " | ".join(repr(a) for a in args)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return f"tuple[{type_name(args[0])}, ...]"
        return f"tuple[{', '.join(type_name(a) for a in args)}]"
    if origin is not None:
        return f"{getattr(origin, '__name__', str(origin))}[{', '.join(map(type_name, args))}]"
    if annotation is type(None):
        return "None"
    if isinstance(annotation, type):
        if annotation.__module__ == "datetime":
            return f"datetime.{annotation.__name__}"
        return annotation.__name__
    return str(annotation)


def _default_text(value: Any) -> str:
    if isinstance(value, enum.Enum):
        return repr(value.value)
    if isinstance(value, tuple) and not value:
        return "()"
    if isinstance(value, BaseModel):
        return f"empty {type(value).__name__}"
    return repr(value)


def field_lines(model: type[BaseModel]) -> list[str]:
    """reST for the fields of ``model``: one ``py:attribute`` each."""
    fields = {name: f for name, f in model.model_fields.items() if name != "root"}
    if not fields:
        return []
    lines = ["", ".. rubric:: Fields", ""]
    for name, field in fields.items():
        lines += [f".. py:attribute:: {name}", f"   :type: {type_name(field.annotation)}", ""]
        if field.description:
            lines += [f"   {field.description}", ""]
        if field.is_required():
            lines.append("   *Required.*")
        elif field.default is not PydanticUndefined:
            lines.append(f"   Default: ``{_default_text(field.default)}``.")
        lines.append("")
    return lines


def _add_fields(app: Any, what: str, name: str, obj: Any, options: Any, lines: list[str]) -> None:
    is_model = isinstance(obj, type) and issubclass(obj, BaseModel)
    if what == "class" and is_model and obj.__module__.startswith("rrma_groups"):
        lines.extend(field_lines(obj))


def _skip_member(app: Any, what: str, name: str, obj: Any, skip: bool, options: Any) -> bool | None:
    """Show every value of an enumeration, documented or not; never ``__new__``."""
    if name == "__new__":
        return True
    if what == "class" and isinstance(obj, enum.Enum):
        return False
    return None


# --- problem codes ------------------------------------------------------------------------


class ProblemCodes(Directive):
    """A table of every problem code and its English message template."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        from rrma_groups.messages import MESSAGES

        table = nodes.table(classes=["problem-codes"])
        group = nodes.tgroup(cols=2)
        table += group
        group += nodes.colspec(colwidth=1)
        group += nodes.colspec(colwidth=3)
        head = nodes.thead()
        group += head
        head += _row(nodes.Text("code"), nodes.Text("message"))
        body = nodes.tbody()
        group += body
        for code, template in MESSAGES.items():
            target = nodes.target("", "", ids=[f"problem-{code.replace('_', '-')}"])
            cell = nodes.literal(code, code)
            body += _row(cell, nodes.Text(template), first=target)
        return [table]


def _row(*cells: nodes.Node, first: nodes.Node | None = None) -> nodes.row:
    row = nodes.row()
    for index, cell in enumerate(cells):
        entry = nodes.entry()
        paragraph = nodes.paragraph()
        if index == 0 and first is not None:
            paragraph += first
        paragraph += cell
        entry += paragraph
        row += entry
    return row


# --- command help -------------------------------------------------------------------------


def command_parsers() -> dict[str, argparse.ArgumentParser]:
    """The ``rrma-groups`` parser (key ``""``) and each command's, by name."""
    from rrma_groups.cli import app as cli

    main = cli.build_parser()
    found: dict[str, argparse.ArgumentParser] = {"": main}
    for action in main._actions:
        if isinstance(action, argparse._SubParsersAction):
            found.update(action.choices)
    return found


class CommandHelp(Directive):
    """The ``--help`` text of ``rrma-groups`` (no argument) or of one of its commands."""

    optional_arguments = 1
    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {"width": directives.positive_int}

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0] if self.arguments else ""
        parsers = command_parsers()
        if name not in parsers:
            raise self.error(f"no rrma-groups command {name!r}; known: {', '.join(parsers)}")
        previous = os.environ.get("COLUMNS")
        os.environ["COLUMNS"] = str(self.options.get("width", 88))
        try:
            text = parsers[name].format_help()
        finally:
            if previous is None:
                del os.environ["COLUMNS"]
            else:
                os.environ["COLUMNS"] = previous
        block = nodes.literal_block(text, text, language="text")
        return [block]


# --- a page's own language and direction ------------------------------------------------


def _page_language(
    app: Any, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    metadata = app.env.metadata.get(pagename, {})
    direction, language = metadata.get("dir"), metadata.get("lang")
    if (direction or language) and "body" in context:
        attributes = "".join(
            f' {name}="{value}"'
            for name, value in (("dir", direction), ("lang", language))
            if value
        )
        context["body"] = f"<div{attributes}>{context['body']}</div>"


def setup(app: Any) -> dict[str, Any]:
    app.connect("html-page-context", _page_language)
    app.connect("autodoc-process-docstring", _add_fields)
    app.connect("autodoc-skip-member", _skip_member)
    app.add_directive("rrma-problem-codes", ProblemCodes)
    app.add_directive("rrma-command-help", CommandHelp)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
