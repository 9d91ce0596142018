"""UIDs: those written for meetings, items and series, and the ids read back from UIDs."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from typing import Any

from ...model import CountryGroup, LocalisedText, Meeting
from ...model.series import Series
from ...model.types import is_id

__all__ = [
    "OUR_UID",
    "UID_DOMAIN",
    "hashed_key",
    "item_key",
    "item_uids",
    "meeting_key",
    "meeting_uid",
    "series_uid",
    "valid_id",
]

UID_DOMAIN = "rrma-groups"


def _domain(group: CountryGroup | None) -> str:
    return f"{group.id}.{UID_DOMAIN}" if group is not None else UID_DOMAIN


def meeting_uid(meeting: Meeting, group: CountryGroup | None = None) -> str:
    """The UID of a meeting's event: ``limoges-2016@gpmar.rrma-groups``."""
    return f"{meeting.id}@{_domain(group)}"


def item_uids(meeting: Meeting, group: CountryGroup | None = None) -> tuple[str, ...]:
    """The UIDs of a meeting's agenda items, in agenda order.

    An item's key is its ``id``; an item without one is keyed by a hash of its title in the
    group's default language, numbered from the second item of the same title on.
    """
    default = group.default_language if group is not None else "fr"
    return tuple(f"{meeting.id}+{key}@{_domain(group)}" for key in _item_keys(meeting, default))


def series_uid(series: Series, group: CountryGroup | None = None) -> str:
    """The UID of a series' repeating event, and of its moved occurrences' events:
    ``gpsn-trimestre@gp-senegal.rrma-groups``."""
    return f"{series.id}@{_domain(group)}"


def _item_keys(meeting: Meeting, default_language: str) -> list[str]:
    keys: list[str] = []
    used: set[str] = set()
    titles: Counter[str] = Counter()
    for item in meeting.agenda:
        if item.id is not None and item.id not in used:
            key = item.id
        else:
            base = "t-" + _title_hash(item.title, default_language)
            titles[base] += 1
            key = base if titles[base] == 1 else f"{base}-{titles[base]}"
            while key in used:  # an explicit id that looks like a title key: keep UIDs unique
                titles[base] += 1
                key = f"{base}-{titles[base]}"
        used.add(key)
        keys.append(key)
    return keys


def _title_hash(title: LocalisedText, default_language: str) -> str:
    text = title.get(default_language, default_language)
    canonical = " ".join(unicodedata.normalize("NFC", text).casefold().split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:10]


OUR_UID = re.compile(r"(?P<meeting>[^+@]+)(?:\+(?P<item>[^+@]+))?@(?:(?P<group>.+)\.)?rrma-groups")
"""A UID written here: ``meeting``, ``item`` (for an agenda item) and ``group`` parts."""


def valid_id(value: Any) -> str | None:
    """``value`` as an id, when it is a valid one (else None)."""
    text = str(value).strip() if value is not None else ""
    return text if is_id(text) else None


def meeting_key(uid: str) -> str:
    """The id of the meeting (or series) read from an event of UID ``uid``."""
    ours = OUR_UID.fullmatch(uid)
    if ours is not None and ours.group("item") is None and valid_id(ours.group("meeting")):
        return ours.group("meeting")
    return valid_id(uid) or hashed_key(uid)


def item_key(uid: str) -> str:
    """The id of the agenda item read from an event of UID ``uid``."""
    ours = OUR_UID.fullmatch(uid)
    if ours is not None and ours.group("item") is not None and valid_id(ours.group("item")):
        return ours.group("item")
    return valid_id(uid) or "ev-" + hashlib.sha256(uid.encode("utf-8")).hexdigest()[:12]


def hashed_key(uid: str) -> str:
    """An id made from a UID that is no valid id: ``ev-`` and a hash of it."""
    return "ev-" + hashlib.sha256(uid.encode("utf-8")).hexdigest()[:12]
