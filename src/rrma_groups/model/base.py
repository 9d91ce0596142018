"""The base of every model: immutable, strict about unknown keys, re-validated on change."""

from __future__ import annotations

from typing import Any, Self

from pydantic import BaseModel, ConfigDict

__all__ = ["Model"]


class Model(BaseModel):
    """Immutable pydantic model; ``replace`` returns a validated copy."""

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        validate_default=False,
        use_enum_values=False,
        arbitrary_types_allowed=False,
        regex_engine="python-re",
        # Build each model's validator on first use, not at import: `import rrma_groups` is
        # paid by every command and script, most of which validate only some models.
        defer_build=True,
    )

    def replace(self, **changes: Any) -> Self:
        """A copy with ``changes`` applied, validated like new input.

        Unlike ``model_copy(update=...)``, which trusts its input, this refuses invalid values.
        """
        data = {name: getattr(self, name) for name in type(self).model_fields}
        data.update(changes)
        new = type(self).model_validate(data)
        for name, value in (self.__pydantic_private__ or {}).items():  # e.g. a meeting's group
            setattr(new, name, value)
        return new

    def __repr_args__(self) -> Any:
        # Keep reprs short in notebooks and logs: only fields that differ from their default.
        for name, field in type(self).model_fields.items():
            value = getattr(self, name)
            if field.is_required() or value != field.get_default(call_default_factory=True):
                yield name, value
