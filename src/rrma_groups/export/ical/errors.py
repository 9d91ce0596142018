"""The errors of calendars read here (their words are in :data:`rrma_groups.messages.MESSAGES`)."""

from __future__ import annotations

from typing import Any

from ...errors import RrmaError
from ...problems import describe_message

__all__ = ["IcalError", "shorten"]


class IcalError(RrmaError, ValueError):
    """An iCalendar document that cannot be read: where (line, event UID) and what."""

    def __init__(
        self,
        code: str,
        *,
        line: int | None = None,
        uid: str | None = None,
        source: str | None = None,
        **params: Any,
    ) -> None:
        self.line = line
        self.uid = uid
        self.source = source
        super().__init__(code, uid=uid, **params)

    @property
    def reason(self) -> str:
        """The English message, without where."""
        return self.message

    @property
    def where(self) -> str:
        """``source[:line]`` (``<calendar>`` for a calendar that came from no file)."""
        where = self.source or "<calendar>"
        return f"{where}:{self.line}" if self.line is not None else where

    def describe(self, lang: str | None = None) -> str:
        """The message in ``lang``, its dates and times written the way that language does."""
        return describe_message(self.template, self.params, lang)

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def shorten(text: str, limit: int = 40) -> str:
    """``text`` as a message quotes it: cut to ``limit`` characters, with "…" where it is cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
