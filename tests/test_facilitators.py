"""Facilitators written as text, matched to the persons and organisations of a group."""

from __future__ import annotations

from typing import Any

import pytest

from rrma_groups import ActorFacilitator, PersonFacilitator, RoleFacilitator
from rrma_groups.examples import groupe_pays_maroc
from rrma_groups.messages import MESSAGES
from rrma_groups.parsing.facilitators import FacilitatorMatcher

P = pytest.param
GROUP = groupe_pays_maroc()


class TestFacilitatorMatcher:
    MATCHER = FacilitatorMatcher(GROUP)

    @pytest.mark.parametrize(
        ("text", "facilitators", "codes"),
        [
            P("khalid-chihani", [PersonFacilitator(person="khalid-chihani")], [None], id="id"),
            P("Khalid Chihani", [PersonFacilitator(person="khalid-chihani")], [None], id="name"),
            P("KHALID CHIHANI",
              [PersonFacilitator(person="khalid-chihani", label="KHALID CHIHANI")],
              [None], id="name-any-case"),
            P("Chihani", [PersonFacilitator(person="khalid-chihani", label="Chihani")],
              ["facilitator_guessed"], id="last-name"),
            P("MDH", [ActorFacilitator(actor="mdh", label="MDH")], [None], id="short-name"),
            P("SO Coopération", [ActorFacilitator(actor="cap-cooperation")], [None],
              id="current-name"),
            P("Khalid et Guillaume Bertrand",
              [PersonFacilitator(person="khalid-chihani", label="Khalid"),
               PersonFacilitator(person="guillaume-bertrand")],
              ["facilitator_guessed", None], id="et-between-persons"),
            P("Le président et la trésorière",
              [RoleFacilitator(role="Le président et la trésorière")],
              ["facilitator_role"], id="et-inside-a-role"),
            P("Khalid, MDH ; Un représentant", [
                PersonFacilitator(person="khalid-chihani", label="Khalid"),
                ActorFacilitator(actor="mdh", label="MDH"),
                RoleFacilitator(role="Un représentant")],
              ["facilitator_guessed", None, "facilitator_role"], id="commas-and-semicolons"),
            P("Khalid Chihani، Guillaume Bertrand؛ MDH", [
                PersonFacilitator(person="khalid-chihani"),
                PersonFacilitator(person="guillaume-bertrand"),
                ActorFacilitator(actor="mdh", label="MDH")],
              [None, None, None], id="arabic-comma-and-semicolon"),
            P("Un élu de la Région Marrakech-Safi",
              [RoleFacilitator(role="Un élu de la Région Marrakech-Safi",
                               actor="region-marrakech-safi")],
              ["facilitator_role_of_actor"], id="role-naming-the-longest-actor"),
            P("", [], [], id="empty"),
        ],
    )  # fmt: skip
    def test_texts_become_facilitators(
        self, text: str, facilitators: list[Any], codes: list[str | None]
    ) -> None:
        """Exact names and ids silently; parts of names and roles with the guess said."""
        matches = self.MATCHER.read(text)
        assert [m.facilitator for m in matches] == facilitators
        assert [m.code for m in matches] == codes

    def test_ambiguity_keeps_a_role_and_lists_the_candidates(self) -> None:
        """A first name two persons share is not guessed."""
        group = GROUP.replace(persons=[*GROUP.persons, {"id": "khalid-b", "name": "Khalid B"}])
        match = FacilitatorMatcher(group).read_one("Khalid")
        assert match.facilitator == RoleFacilitator(role="Khalid")
        assert match.params["candidates"] == (
            "person 'khalid-b' (Khalid B), person 'khalid-chihani' (Khalid Chihani)"
        )

    def test_without_a_group_only_prefixed_ids_are_read(self) -> None:
        """No group: ``person:ID`` and ``actor:ID`` are ids, any other text is a role."""
        matcher = FacilitatorMatcher(None)
        assert [
            m.facilitator for m in matcher.read("person:khalid-chihani; actor:mdh; Khalid")
        ] == [
            PersonFacilitator(person="khalid-chihani"),
            ActorFacilitator(actor="mdh"),
            RoleFacilitator(role="Khalid"),
        ]


class TestMessages:
    def test_every_guess_has_a_message_in_the_registry(self) -> None:
        """Each code a match can carry has its template in the one registry."""
        codes = {code for code in MESSAGES if code.startswith("facilitator_")}
        assert codes == {
            "facilitator_double_booked",  # a check's warning, not a guess
            "facilitator_guessed",
            "facilitator_role",
            "facilitator_role_of_actor",
            "facilitator_ambiguous",
        }
