"""A wrong value gets the right one suggested, as a wrong key does.

Staff adapting a group file write what they would say: ``kind = "lunch"``, ``kind =
"atelier"``, ``room = "Salle Loire"``. The message says what was meant, or where the missing
declaration goes, in the user's language.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

import rrma_groups
from builders import group_data
from rrma_groups import GroupValidationError
from rrma_groups.model import ItemKind

NB = "\u202f"


def errors_of(data: dict[str, Any]) -> list[rrma_groups.Problem]:
    try:
        group = rrma_groups.loads(json.dumps(data), "json")
    except GroupValidationError as exc:
        return list(exc.errors)
    return list(rrma_groups.check(group).errors)


def with_item(**fields: Any) -> dict[str, Any]:
    data = group_data()
    data["meetings"][0]["agenda"][1].update(fields)
    return data


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("lunch", "meal"),
        ("Déjeuner", "meal"),
        ("dinner", "meal"),
        ("غداء", "meal"),
        ("atelier", "workshop"),
        ("Workshops", "workshop"),
        ("pause café", "break"),
        ("coffee break", "break"),
        ("accueil", "welcome"),
        ("débat", "discussion"),
        ("meeal", "meal"),
        ("plenery", "plenary"),
    ],
)
def test_a_kind_said_in_words_gets_its_value(written: str, meant: str) -> None:
    """Words of French, English or Arabic, and misspellings, give the kind meant."""
    assert ItemKind.suggest(written) is ItemKind(meant)
    [problem] = errors_of(with_item(kind=written))
    assert problem.code == "invalid_choice_suggestion"
    assert problem.params["suggestion"] == meant
    assert problem.location == "meetings[0].agenda[1].kind"


@pytest.mark.parametrize("written", ["visite", "xyz", ""])
def test_no_suggestion_when_nothing_is_close(written: str) -> None:
    assert ItemKind.suggest(written) is None
    [problem] = errors_of(with_item(kind=written))
    assert problem.code == "invalid_choice"


def test_the_kind_suggestion_in_each_language() -> None:
    [problem] = errors_of(with_item(kind="lunch"))
    choices = "welcome, presentation, discussion, workshop, plenary, break, meal, conclusion"
    assert problem.describe() == (
        f"'lunch' is not one of: {choices}, social, other; did you mean 'meal'?"
    )
    assert problem.describe("fr") == (
        f"«{NB}lunch{NB}» ne fait pas partie des choix possibles{NB}: {choices}, social, other"
        f"{NB}; vouliez-vous dire «{NB}meal{NB}»{NB}?"
    )
    arabic = problem.describe("ar")
    assert arabic.startswith("«\u2068lunch\u2069» ليست من بين القيم المقبولة")
    assert arabic.endswith("هل تقصد «\u2068meal\u2069»؟")


def test_a_room_written_by_its_name_says_where_rooms_are_declared() -> None:
    [problem] = errors_of(with_item(room="Salle Loire"))
    assert (problem.code, problem.location) == ("invalid_room", "meetings[0].agenda[1].room")
    assert problem.describe() == (
        "'Salle Loire' is not the id of a room: declare the room under the meeting's venue, "
        'with an id and a name ([[meetings.venue.rooms]] id = "salle-loire" name = '
        '"Salle Loire"), then write room = "salle-loire" in the item'
    )
    assert problem.describe("fr").startswith(
        f"«{NB}Salle Loire{NB}» n’est pas l’identifiant d’une salle{NB}: déclarez la salle"
    )


def test_a_room_when_none_is_declared() -> None:
    data = with_item(room="loire")
    data["meetings"][0]["venue"].pop("rooms")
    [problem] = errors_of(data)
    assert (problem.code, problem.location) == (
        "unknown_reference",
        "meetings[0].agenda[1].room",
    )
    assert problem.describe() == (
        "no room has the id 'loire': the meeting declares no rooms; declare each one under "
        'the meeting\'s venue, with an id and a name ([[meetings.venue.rooms]] id = "loire" '
        'name = "…")'
    )


def test_a_room_among_declared_ones_lists_them() -> None:
    """With rooms declared, the known ids are listed, as for any other reference."""
    data = with_item(room="loire")
    data["meetings"][0]["venue"] = {
        "name": "Lieu",
        "rooms": [{"id": "salle-loire", "name": "Salle Loire"}],
    }
    [problem] = errors_of(data)
    assert problem.describe() == "no room has the id 'loire'; known ids: salle-loire"
