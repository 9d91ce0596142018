"""Small valid groups as plain data, to be altered by one field in each test."""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import Any

import rrma_groups
from rrma_groups import GroupValidationError


def item(time: str, title: str, **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"time": time, "title": title, "kind": "presentation"}
    data["facilitators"] = [{"person": "p1"}]
    data.update(extra)
    return data


def group_data() -> dict[str, Any]:
    """A valid group with one network, two actors, two persons and one three-item meeting."""
    return copy.deepcopy(
        {
            "schema_version": 1,
            "id": "gp",
            "name": "Groupe Pays",
            "country": "MA",
            "anchor": ["FR-NAQ"],
            "network": {"id": "net", "name": "Réseau"},
            "actors": [
                {"id": "a1", "name": "Association Une", "kind": "association"},
                {"id": "a2", "name": "Région", "kind": "local_authority", "area": "FR-NAQ"},
            ],
            "persons": [
                {"id": "p1", "name": "Personne Une", "affiliation": "a1"},
                {"id": "p2", "name": "Personne Deux"},
            ],
            "priorities": [{"id": "t1", "title": "Formation"}],
            "meetings": [
                {
                    "id": "m1",
                    "title": "Rencontre",
                    "date": "2016-11-04",
                    "start": "14:00",
                    "end": "16:00",
                    "venue": {
                        "name": "Salle",
                        "rooms": [{"id": "r1", "name": "Salle 1"}, {"id": "r2", "name": "Salle 2"}],
                    },
                    "agenda": [
                        item("14h00 - 14h30", "Accueil", kind="welcome"),
                        item("14h30 - 15h30", "Débat", kind="discussion"),
                        item("15h30 - 16h00", "Conclusion", kind="conclusion"),
                    ],
                }
            ],
        }
    )


def findings(data: dict[str, Any]) -> list[tuple[str, str]]:
    """(code, location) of every error, or else of every warning, for ``data``."""
    try:
        group = rrma_groups.loads(json.dumps(data, default=str), "json")
    except GroupValidationError as exc:
        return [(p.code, p.location) for p in exc.errors]
    return [(p.code, p.location) for p in rrma_groups.check(group)]


def first_problem(data: dict[str, Any]) -> rrma_groups.Problem:
    try:
        group = rrma_groups.loads(json.dumps(data, default=str), "json")
    except GroupValidationError as exc:
        return exc.errors[0]
    return rrma_groups.check(group).problems[0]


def as_json(value: Any) -> Any:
    """TOML data as an editor hands it to a JSON Schema validator: dates and times as text."""
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [as_json(item) for item in value]
    return value
