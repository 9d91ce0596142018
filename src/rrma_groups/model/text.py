"""Localised text: one user-visible text in one or more languages."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from ..errors import LocaleError
from ..i18n.catalog import N_
from ..problems import GroupValidationError, problem
from ..pydantic_bridge import custom_error
from . import patterns
from .shortcuts import add_shortcut
from .types import TEXT_SHORTCUT, check_text, language_json_schema, text_json_schema

__all__ = ["UNTAGGED", "LocalisedText"]

UNTAGGED = "und"
"""Key of the text written without a language: it is in the group's default language.

``und`` is BCP 47's "undetermined language"; it only appears in a file when a text mixes an
untagged version with tagged ones.
"""


class LocalisedText:
    """A text in one or more languages, with a lookup that falls back sensibly.

    In a file it is either a plain string, in the file's default language, or a table of
    language codes to strings:

    >>> title = LocalisedText({"fr": "Accueil des participants", "ar": "استقبال المشاركين"})
    >>> title.get("ar-MA")
    'استقبال المشاركين'
    >>> title.get("en", default_language="fr")
    'Accueil des participants'
    >>> LocalisedText("Accueil").get("ar")
    'Accueil'

    Instances are immutable and hashable; ``with_text`` returns a new one. Two keys that
    name the same language (``fr`` and ``FR``, ``ar-MA`` and ``ar_MA``) are refused: one of
    the texts would be lost without a word.
    """

    __slots__ = ("_hash", "_texts")

    # A text written without a language, the most common kind, is kept as the string alone:
    # a dict for each would be most of the memory a loaded group takes for its texts.
    _texts: dict[str, str] | str
    """The texts by language; a ``str`` alone stands for ``{UNTAGGED: it}``."""
    _hash: int | None

    def __init__(self, text: str | Mapping[str, str] | LocalisedText = "", /, **by_language: str):
        if isinstance(text, LocalisedText):
            texts = text._mapping()
        elif isinstance(text, str):
            texts = {UNTAGGED: text} if text else {}
        else:
            texts = {}
            for key, value in text.items():
                normalised = _normalize_key(key)
                if normalised in texts:
                    first = next(k for k in text if _normalize_key(k) == normalised)
                    raise GroupValidationError(
                        [problem("duplicate_language", (), key, first=first, language=normalised)]
                    )
                texts[normalised] = value
        for key, value in by_language.items():
            texts[_normalize_key(key)] = value
        object.__setattr__(self, "_texts", _compact(texts))
        object.__setattr__(self, "_hash", None)

    def _mapping(self) -> dict[str, str]:
        """The texts by language, as a new dict."""
        texts = self._texts
        return {UNTAGGED: texts} if isinstance(texts, str) else dict(texts)

    # --- reading ---------------------------------------------------------------------------

    @property
    def untagged(self) -> str | None:
        """The text written without a language (in the default language), if any."""
        texts = self._texts
        return texts if isinstance(texts, str) else texts.get(UNTAGGED)

    @property
    def languages(self) -> tuple[str, ...]:
        """The language codes this text is tagged with (``und`` for the untagged one)."""
        texts = self._texts
        return (UNTAGGED,) if isinstance(texts, str) else tuple(texts)

    def resolve(
        self, language: str | None = None, default_language: str | None = None
    ) -> tuple[str, str | None]:
        """The best text for ``language`` and the language it is actually in.

        The lookup order is ``ar_MA`` → ``ar`` → the default language (where the untagged text
        counts) → ``en`` → the untagged text → any text. The second value is ``None`` when
        the text's language is unknown (untagged, and no default language given).
        """
        texts = self._texts
        if isinstance(texts, str):
            # Untagged only: the lookup below, for {UNTAGGED: texts} (the chain still refuses
            # a malformed language).
            if language is not None:
                from ..i18n.locales import fallback_chain

                for candidate in fallback_chain(language, default_language):
                    if candidate in (UNTAGGED, default_language):
                        return texts, candidate
            return texts, default_language
        if not texts:
            return "", None
        if language is not None:
            from ..i18n.locales import fallback_chain

            for candidate in fallback_chain(language, default_language):
                if candidate in texts:
                    return texts[candidate], candidate
                if candidate == default_language and UNTAGGED in texts:
                    return texts[UNTAGGED], default_language
        if default_language is not None and default_language in texts:
            return texts[default_language], default_language
        if UNTAGGED in texts:
            return texts[UNTAGGED], default_language
        first = next(iter(texts))
        return texts[first], first

    def get(self, language: str | None = None, default_language: str | None = None) -> str:
        """The best text for ``language`` (see :meth:`resolve`)."""
        return self.resolve(language, default_language)[0]

    def exact(self, language: str) -> str | None:
        """The text in exactly this language, without any fallback."""
        return self._mapping().get(_normalize_key(language))

    def items(self) -> Iterator[tuple[str, str]]:
        texts = self._texts
        return iter(((UNTAGGED, texts),) if isinstance(texts, str) else texts.items())

    def values(self) -> Iterator[str]:
        texts = self._texts
        return iter((texts,) if isinstance(texts, str) else texts.values())

    def with_text(self, language: str, text: str) -> LocalisedText:
        """A copy with ``text`` in ``language`` added or replaced."""
        return LocalisedText(self, **{language: text})

    def to_data(self) -> str | dict[str, str]:
        """The file form: a plain string when untagged only, else a table."""
        texts = self._texts
        return texts if isinstance(texts, str) else dict(texts)

    # --- dunder ----------------------------------------------------------------------------

    def __bool__(self) -> bool:
        return bool(self._texts)  # an untagged text is never empty

    def __len__(self) -> int:
        texts = self._texts
        return 1 if isinstance(texts, str) else len(texts)

    def __eq__(self, other: object) -> bool:
        # Both forms are canonical (see _compact): equal texts are kept alike.
        if isinstance(other, LocalisedText):
            return self._texts == other._texts
        if isinstance(other, str):
            return self._texts == other if other else not self._texts
        return NotImplemented

    def __hash__(self) -> int:
        if self._hash is None:
            object.__setattr__(self, "_hash", hash(frozenset(self.items())))
        return self._hash  # type: ignore[return-value]

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("LocalisedText is immutable; use with_text()")

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled as its texts (a group sent to another process, a cached result); the default
        # would restore the slots through __setattr__, which refuses.
        texts = self._texts
        return (_restore, (texts if isinstance(texts, str) else dict(texts),))

    def __str__(self) -> str:
        return self.get()

    def __repr__(self) -> str:
        data = self.to_data()
        return f"LocalisedText({data!r})"

    # --- pydantic --------------------------------------------------------------------------

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        schema = core_schema.no_info_plain_validator_function(
            cls._validate,
            serialization=core_schema.plain_serializer_function_ser_schema(
                _serialize, info_arg=False
            ),
        )
        # The shortcut (see .shortcuts): a string, or a table of strings, that check_text
        # accepts; the table's keys are still read by _from_table, which gives up (and leaves
        # the table to _validate) on a key it cannot read or a language given twice.
        shortcut = core_schema.union_schema(
            [
                core_schema.no_info_after_validator_function(cls._from_untagged, TEXT_SHORTCUT),
                core_schema.no_info_after_validator_function(
                    cls._from_table,
                    core_schema.dict_schema(
                        core_schema.str_schema(strict=True),
                        TEXT_SHORTCUT,
                        min_length=1,
                        strict=True,
                    ),
                ),
            ],
            mode="left_to_right",
        )
        return add_shortcut(schema, shortcut)

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        text = text_json_schema(single_line=False)
        return {
            "anyOf": [
                text,
                patterns.text_table_schema("TextTable", text, language_json_schema()),
            ],
            "description": N_(
                "Text in the file's default language, or a table of language codes to texts "
                "(fr, ar, ar_MA, en, ...)."
            ),
        }

    @classmethod
    def _from_normalised(cls, texts: dict[str, str] | str) -> LocalisedText:
        """An instance holding ``texts``, whose keys are already normalised (not copied), or
        the untagged text alone."""
        self = object.__new__(cls)
        object.__setattr__(self, "_texts", _compact(texts))
        object.__setattr__(self, "_hash", None)
        return self

    @classmethod
    def _from_untagged(cls, text: str) -> LocalisedText:
        """An untagged text, already checked."""
        self = object.__new__(cls)
        object.__setattr__(self, "_texts", text)
        object.__setattr__(self, "_hash", None)
        return self

    @classmethod
    def _from_table(cls, table: dict[str, str]) -> LocalisedText:
        """A table of language codes to texts already checked; its keys are read here."""
        texts = {_normalize_key(key): text for key, text in table.items()}
        if len(texts) != len(table):
            raise ValueError("a language is given twice")  # _validate says which
        return cls._from_normalised(texts)

    @classmethod
    def _validate(cls, value: Any) -> LocalisedText:
        if isinstance(value, LocalisedText):
            # Built in Python, not read: its texts are checked as a file's would be.
            if not value:
                raise custom_error("empty_text")
            for text in value.values():
                check_text(text, single_line=False)
            return value
        if isinstance(value, str):
            check_text(value, single_line=False)
            return cls._from_untagged(value)
        if isinstance(value, Mapping):
            if not value:
                raise custom_error("empty_text")
            texts: dict[str, str] = {}
            written: dict[str, str] = {}
            for key, text in value.items():
                if not isinstance(key, str):
                    raise custom_error("invalid_language", value=repr(key))
                if not isinstance(text, str):
                    raise custom_error("wrong_type", expected="text", got=repr(text)[:60])
                check_text(text, single_line=False)
                normalised = _validate_key(key)
                if normalised in texts:
                    raise custom_error(
                        "duplicate_language",
                        value=key,
                        first=written[normalised],
                        language=normalised,
                    )
                texts[normalised] = text
                written[normalised] = key
            return cls._from_normalised(texts)
        raise custom_error(
            "wrong_type",
            expected=N_("text or a table of language codes to texts"),
            got=repr(value)[:60],
        )


def _serialize(value: LocalisedText) -> str | dict[str, str]:
    return value.to_data()


def _compact(texts: dict[str, str] | str) -> dict[str, str] | str:
    """The form kept: the untagged text alone as a ``str``, any other texts as a dict."""
    if isinstance(texts, dict) and len(texts) == 1 and texts.get(UNTAGGED):
        return texts[UNTAGGED]
    return texts


def _normalize_key(key: str) -> str:
    if key == UNTAGGED:
        return key
    return _normalize_locale(key)


def _normalize_locale(key: str) -> str:
    # i18n imports Babel: imported on first use, then this global is rebound to the function.
    global _normalize_locale
    from ..i18n.locales import normalize_locale

    _normalize_locale = normalize_locale
    return normalize_locale(key)


def _validate_key(key: str) -> str:
    try:
        return _normalize_key(key)
    except LocaleError:
        raise custom_error("invalid_language", value=key) from None


def _restore(texts: str | dict[str, str]) -> LocalisedText:
    """A pickled :class:`LocalisedText`, restored (its keys were normalised when it was made)."""
    return LocalisedText._from_normalised(texts)
