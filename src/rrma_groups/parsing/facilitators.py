"""Facilitators written as text, matched to a group's persons and organisations.

A programme names who leads each item as people write it: a full name, a first name, an
acronym, "Un collègue Cap Coopération". :class:`FacilitatorMatcher` reads such text into
facilitators, and says what it guessed (:class:`Match`, with a code of the registry
:data:`rrma_groups.messages.MESSAGES`); the table reader and the agenda builder both use it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from ..messages import KIND_NAMES
from ..model import (
    ActorFacilitator,
    LocalisedText,
    PersonFacilitator,
    RoleFacilitator,
)
from ..model.types import is_blank
from .folding import fold_words

if TYPE_CHECKING:
    from ..model import CountryGroup, Facilitator

__all__ = ["FacilitatorMatcher", "Match"]


class Match(NamedTuple):
    """A facilitator read from text, and what was guessed to read it (``None``: nothing)."""

    facilitator: Facilitator
    code: str | None = None
    """Code of the guess (a key of :data:`rrma_groups.messages.MESSAGES`), when one was made."""
    params: Mapping[str, Any] = {}


# Several facilitators are joined by a spaced dash, a comma, a semicolon (Latin or Arabic: ، ؛),
# a slash or "&".
_JOINS: Final = re.compile(r"\s+[-–—]\s+|\s*[;,/&+\u060c\u061b]\s*|\s*\n\s*")
# "et"/"and"/"و" join names too, but also occur inside roles ("le président et la trésorière"):
# they split only when every part is a known person or organisation.
_WORD_JOINS: Final = re.compile(r"\s+(?:et|and|و)\s+", re.IGNORECASE)
_MAX_LISTED: Final = 6


class FacilitatorMatcher:
    """Reads facilitator text against a group's persons and organisations.

    Exact names, ids and former names match silently; a part of a name ("Khalid") matches when
    one person only has it, and the guess is reported; text naming an organisation inside a
    role ("Un collègue Cap Coopération") becomes a role of that organisation; anything else is
    kept as a role. Without a group, every text is a role, except ``person:ID`` and
    ``actor:ID``.

    >>> from rrma_groups.examples import groupe_pays_maroc
    >>> matcher = FacilitatorMatcher(groupe_pays_maroc())
    >>> [m.facilitator for m in matcher.read("Khalid")]
    [PersonFacilitator(person='khalid-chihani', label='Khalid')]
    >>> for match in matcher.read("Sébastien Proeschel - Emmanuelle Pallier"):
    ...     print(match.facilitator)
    person='sebastien-proeschel'
    person='emmanuelle-pallier'
    """

    def __init__(self, group: CountryGroup | None = None) -> None:
        self.group = group
        self._person_names: dict[str, str] = {}  # id -> name as written
        self._actor_names: dict[str, str] = {}  # id -> current name
        self._persons_by_name: dict[str, set[str]] = {}
        self._persons_by_token: dict[str, set[str]] = {}
        self._actors_by_name: dict[str, set[str]] = {}
        if group is None:
            return
        language = group.default_language
        for person in group.persons:
            self._person_names[person.id] = person.name
            self._persons_by_name.setdefault(fold_words(person.name), set()).add(person.id)
            for token in fold_words(person.name).split():
                self._persons_by_token.setdefault(token, set()).add(person.id)
        for actor in (group.network, *group.actors):
            self._actor_names[actor.id] = actor.name.get(default_language=language)
            names: list[LocalisedText | None] = [actor.name, actor.short_name]
            names += [former.name for former in actor.former_names]
            acronym = getattr(actor, "acronym", None)
            if isinstance(acronym, LocalisedText):
                names.append(acronym)
            for name in names:
                for text in name.values() if name is not None else ():
                    folded = fold_words(text)
                    if folded:
                        self._actors_by_name.setdefault(folded, set()).add(actor.id)
        self._longest_name = max((len(n.split()) for n in self._actors_by_name), default=0)

    # --- one text, maybe several facilitators ----------------------------------------------

    def read(self, text: str) -> list[Match]:
        """The facilitators written in ``text`` (empty text: none)."""
        text = " ".join(text.split())
        if not text:
            return []
        parts = [p for p in _JOINS.split(text) if not is_blank(p)]
        result: list[Match] = []
        for part in parts:
            words = [w for w in _WORD_JOINS.split(part) if not is_blank(w)]
            if len(words) > 1:
                matches = [self.read_one(w) for w in words]
                if all(not isinstance(m.facilitator, RoleFacilitator) for m in matches):
                    result += matches
                    continue
            result.append(self.read_one(part))
        return result

    def read_one(self, text: str) -> Match:
        """One facilitator written as ``text``: an id, a name, a part of a name, or a role."""
        text = text.strip()
        for prefix, make in (("person:", _person), ("actor:", _actor)):
            if text.startswith(prefix):
                return Match(make(text[len(prefix) :].strip(), None))
        if self.group is None:
            return Match(RoleFacilitator(role=LocalisedText(text)))
        if text in self._person_names:
            return Match(_person(text, None))
        if text in self._actor_names:
            return Match(_actor(text, None))
        folded = fold_words(text)
        persons = self._persons_by_name.get(folded, set())
        if len(persons) == 1:
            (key,) = persons
            return Match(_person(key, None if text == self._person_names[key] else text))
        actors = self._actors_by_name.get(folded, set())
        if len(actors) == 1 and not persons:
            (key,) = actors
            return Match(_actor(key, None if text == self._actor_names[key] else text))
        if persons or actors:
            return self._ambiguous(text, sorted(persons), sorted(actors))
        return self._partial(text, folded)

    def _partial(self, text: str, folded: str) -> Match:
        tokens = folded.split()
        candidates: set[str] | None = None
        for token in tokens:
            found = self._persons_by_token.get(token, set())
            candidates = found if candidates is None else candidates & found
            if not candidates:
                break
        if candidates and len(candidates) == 1:
            (key,) = candidates
            name = self._person_names[key]
            return Match(
                _person(key, text),
                "facilitator_guessed",
                {"value": text, "kind": KIND_NAMES["person"], "key": key, "name": name},
            )
        if candidates:
            return self._ambiguous(text, sorted(candidates), [])
        named = self._actor_named_in(tokens)
        if named is not None:
            role = RoleFacilitator(role=LocalisedText(text), actor=named)
            params = {"value": text, "key": named, "name": self._actor_names[named]}
            return Match(role, "facilitator_role_of_actor", params)
        return Match(RoleFacilitator(role=LocalisedText(text)), "facilitator_role", {"value": text})

    def _actor_named_in(self, tokens: list[str]) -> str | None:
        """The organisation whose name is a run of words of the text, the longest name first.

        "Un collègue Cap Coopération" names the network: its former name is two of its words.
        Names shorter than three letters are ignored; they match too much.
        """
        for size in range(min(self._longest_name, len(tokens)), 0, -1):
            for begin in range(len(tokens) - size + 1):
                name = " ".join(tokens[begin : begin + size])
                ids = self._actors_by_name.get(name)
                if ids is not None and len(ids) == 1 and len(name) >= 3:
                    return next(iter(ids))
        return None

    def _ambiguous(self, text: str, persons: list[str], actors: list[str]) -> Match:
        found = [("person", key, self._person_names) for key in persons]
        found += [("actor", key, self._actor_names) for key in actors]
        listed = [f"{kind} {key!r} ({names[key]})" for kind, key, names in found[:_MAX_LISTED]]
        more = len(found) - _MAX_LISTED
        candidates = ", ".join(listed) + (f" and {more} more" if more > 0 else "")
        params = {"value": text, "candidates": candidates}
        return Match(RoleFacilitator(role=LocalisedText(text)), "facilitator_ambiguous", params)

    # --- writing back -------------------------------------------------------------------------

    def written(self, facilitator: Facilitator, language: str | None = None) -> str:
        """How a facilitator is written in a programme: its label, name, or role."""
        if isinstance(facilitator, PersonFacilitator):
            return facilitator.label or self._person_names.get(
                facilitator.person, facilitator.person
            )
        if isinstance(facilitator, ActorFacilitator):
            if facilitator.label:
                return facilitator.label
            if self.group is not None and facilitator.actor in self._actor_names:
                return self.group.actor(facilitator.actor).name.get(
                    language, self.group.default_language
                )
            return facilitator.actor
        return facilitator.role.get(language)


def _person(key: str, label: str | None) -> PersonFacilitator:
    return PersonFacilitator.model_validate({"person": key, "label": label})


def _actor(key: str, label: str | None) -> ActorFacilitator:
    return ActorFacilitator.model_validate({"actor": key, "label": label})
