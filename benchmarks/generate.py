"""Synthetic country groups of any size, valid by construction, for the benchmarks.

:func:`generate_group` returns plain data in the file format, as ``rrma_groups.dumps(group,
"json")`` would write it (dates ``2016-11-04``, times ``14:00:00``, enums by value, no ``None``).
The same seed gives the same data. What the data holds, so that every code path is exercised:

- actors of every kind, in France, Morocco and Senegal, with ISO 3166-2 regions, SIREN/SIRET
  (Luhn-valid) or RNA identifiers, web sites, former names, a few dissolved with a successor,
  local authorities with a cooperation policy; persons with affiliations, roles and e-mails;
- memberships, partnerships and thematic priorities referring to them;
- meetings in Europe/Paris, Africa/Casablanca or Africa/Dakar; some over several days (their
  later items carry a ``day``), some with rooms where parallel sessions run and then rejoin for a
  plenary; some postponed, cancelled, hybrid; a few whose last item is open-ended;
- items of every kind, with facilitators of every kind (one person, several persons, an
  organisation, a role, nobody for breaks, meals and convivial time); about one title in five is
  localised in fr/ar/en.

Checks find **no errors and no warnings** in it: items follow each other without gaps, parallel
sessions in a block start and end together, nobody facilitates two parallel sessions, every
item that needs a facilitator has one, and the open-ended last items are not cut short by the
meeting's end.

Command line::

    python benchmarks/generate.py --items 20000 -o group.json
    python benchmarks/generate.py --items 20000 -o group.toml

``--actors`` and ``--meetings`` default to the proportions of the benchmark (one actor for ten
items, one meeting for twenty items).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import math
import random
import sys
from pathlib import Path
from typing import Any

__all__ = ["generate_group", "scaled_sizes", "to_toml_data", "write_group"]

Data = dict[str, Any]

ACTOR_KINDS = (
    "local_authority",
    "state_service",
    "public_body",
    "association",
    "network",
    "university",
    "company",
    "diaspora_association",
    "foundation",
    "international_organisation",
    "other",
)
_AREAS = {
    "FR": ("FR-NAQ", "FR-IDF", "FR-OCC", "FR-BRE", "FR-ARA", "FR-PAC", "FR-HDF", "FR-974"),
    "MA": tuple(f"MA-{n:02d}" for n in range(1, 13)),
    "SN": ("SN-DK", "SN-TH", "SN-SL", "SN-ZG", "SN-KL"),
}
_CITIES = {
    "FR": ("Limoges", "Bordeaux", "Poitiers", "La Rochelle", "Pau", "Brive-la-Gaillarde"),
    "MA": ("Marrakech", "Safi", "Agadir", "Rabat", "Fès", "Tanger"),
    "SN": ("Dakar", "Thiès", "Saint-Louis", "Ziguinchor"),
}
_CITIES_AR = {"Marrakech": "مراكش", "Safi": "آسفي", "Agadir": "أكادير", "Rabat": "الرباط"}
_TIMEZONES = {"FR": "Europe/Paris", "MA": "Africa/Casablanca", "SN": "Africa/Dakar"}
_FIRST_NAMES = (
    "Khalid",
    "Guillaume",
    "Sébastien",
    "Emmanuelle",
    "Fatima",
    "Youssef",
    "Aminata",
    "Claire",
    "Mohamed",
    "Nadia",
    "Ousmane",
    "Hélène",
    "Rachid",
    "Awa",
    "Pierre",
    "Salma",
    "Jean-Marc",
)
_LAST_NAMES = (
    "Chihani",
    "Bertrand",
    "Proeschel",
    "Pallier",
    "El Idrissi",
    "Diop",
    "Martin",
    "Benali",
    "Ndiaye",
    "Lefèvre",
    "Ouazzani",
    "Fall",
    "Dubois",
    "Alaoui",
    "Sow",
    "Moreau",
)
_ARABIC_NAMES = ("خالد الشيحاني", "فاطمة الزهراء", "يوسف العلوي", "نادية بنعلي", "رشيد الإدريسي")
_TOPICS = (
    ("la formation professionnelle", "التكوين المهني", "vocational training"),
    ("l'eau et l'assainissement", "الماء والتطهير", "water and sanitation"),
    ("la mobilité des jeunes", "تنقل الشباب", "youth mobility"),
    ("le développement économique", "التنمية الاقتصادية", "economic development"),
    ("les échanges culturels", "التبادل الثقافي", "cultural exchanges"),
    ("l'agriculture durable", "الفلاحة المستدامة", "sustainable agriculture"),
    ("la santé", "الصحة", "health"),
    ("le tourisme solidaire", "السياحة التضامنية", "fair tourism"),
)
# (kind, French title, Arabic title, English title), for the items of a plenary session.
_PLENARY = (
    ("presentation", "Présentation de {fr}", "تقديم {ar}", "Presentation of {en}"),
    ("discussion", "Débat : {fr}", "نقاش: {ar}", "Discussion: {en}"),
    ("plenary", "Plénière sur {fr}", "جلسة عامة حول {ar}", "Plenary on {en}"),
    ("presentation", "Retour d'expérience : {fr}", "تبادل التجارب: {ar}", "Lessons on {en}"),
    ("other", "Point d'information : {fr}", "إحاطة: {ar}", "Update: {en}"),
)
_PAUSES = (
    ("break", "Pause café", "استراحة قهوة", "Coffee break"),
    ("meal", "Déjeuner", "غداء", "Lunch"),
)
_ROLES = (
    ("Un représentant de chaque structure", "ممثل عن كل هيئة", "A representative of each body"),
    ("Un collègue du réseau", "زميل من الشبكة", "A colleague from the network"),
    ("Les rapporteurs des ateliers", "مقررو الورشات", "The workshops' rapporteurs"),
)
_DURATIONS = (10, 15, 15, 20, 20, 30, 30, 45)  # minutes, for plenary items
_DAY_START = range(8 * 60, 10 * 60 + 1, 15)  # the first item of a day starts in this window
_LAST_START = 21 * 60  # no block starts later; the longest block ends before 23:00
_MAX_PER_DAY = 40  # items of one day at most, whatever the split
# The order in which rrma_groups.dumps writes an item's fields (the model's field order).
_ITEM_FIELDS = (
    "title",
    "start",
    "end",
    "kind",
    "id",
    "day",
    "facilitators",
    "room",
    "track",
    "notes",
    "fixed",
)


def scaled_sizes(items: int) -> dict[str, int]:
    """The benchmark's proportions: one actor per ten items, one meeting per twenty items."""
    return {"actors": max(1, items // 10), "meetings": max(1, items // 20), "items": items}


# --- small helpers ---------------------------------------------------------------------------


def _luhn_digit(digits: str) -> str:
    """The digit that, appended to ``digits``, makes the number pass the Luhn check."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        n = int(char)
        if index % 2 == 0:  # these positions are doubled once the check digit is appended
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return str((10 - total % 10) % 10)


def _siren(rng: random.Random) -> str:
    body = str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(7))
    if body.startswith("3560000"):  # La Poste's SIREN follows another rule; stay clear of it
        body = "4" + body[1:]
    return body + _luhn_digit(body)


def _siret(siren: str, rng: random.Random) -> str:
    body = siren + "".join(str(rng.randint(0, 9)) for _ in range(4))
    return body + _luhn_digit(body)


def _hms(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}:00"


def _text(rng: random.Random, fr: str, ar: str, en: str, share: float) -> str | dict[str, str]:
    """A plain French text, or in ``share`` of the cases a fr/ar/en table."""
    if rng.random() < share:
        return {"fr": fr, "ar": ar, "en": en}
    return fr


def _split(total: int, parts: int, rng: random.Random, spread: float = 0.5) -> list[int]:
    """``total`` split into ``parts`` non-negative counts around the mean, summing exactly."""
    if parts <= 0:
        return []
    counts = [total // parts] * parts
    for i in range(total % parts):
        counts[i] += 1
    for _ in range(parts):  # move some units around, keeping the sum
        i, j = rng.randrange(parts), rng.randrange(parts)
        if i != j and counts[i] > 1:
            moved = rng.randint(0, int(counts[i] * spread))
            counts[i] -= moved
            counts[j] += moved
    return counts


# --- the parts of a group ------------------------------------------------------------------


def _priorities(rng: random.Random) -> list[Data]:
    result = []
    for n, (fr, ar, en) in enumerate(_TOPICS, start=1):
        data: Data = {"id": f"priorite-{n}", "title": _text(rng, fr.capitalize(), ar, en, 0.5)}
        if n % 2:
            data["description"] = f"Soutenir les projets portant sur {fr}."
        data["dac_codes"] = [rng.choice((110, 250, 331, 410, 11330, 16061, 14030))]
        result.append(data)
    return result


def _actor(n: int, total: int, priorities: list[str], rng: random.Random) -> Data:
    kind = ACTOR_KINDS[n % len(ACTOR_KINDS)]
    country = rng.choices(("FR", "MA", "SN"), weights=(6, 3, 1))[0]
    city = rng.choice(_CITIES[country])
    name = f"{kind.replace('_', ' ').capitalize()} {city} {n:05d}"
    data: Data = {"id": f"acteur-{n:05d}", "name": name}
    if n % 7 == 0:
        data["name"] = {"fr": name, "ar": f"هيئة {n}", "en": f"Body {n:05d}"}
    if n % 3 == 0:
        data["short_name"] = f"A{n}"
    if kind != "other":  # the default is left out, as rrma_groups.dumps does
        data["kind"] = kind
    if country != "FR":
        data["country"] = country
    data["area"] = rng.choice(_AREAS[country])
    data["city"] = {"fr": city, "ar": _CITIES_AR[city]} if city in _CITIES_AR else city
    if country == "FR":
        if kind in ("association", "diaspora_association", "network"):
            data["identifiers"] = {"rna": "W" + "".join(str(rng.randint(0, 9)) for _ in range(9))}
        elif kind in ("company", "local_authority", "public_body", "university"):
            siren = _siren(rng)
            ids = {"siren": siren}
            if n % 2:
                ids["siret"] = _siret(siren, rng)
            data["identifiers"] = ids
    if n % 4 == 0:
        data["website"] = f"https://acteur-{n:05d}.example.org/"
    if n % 5 == 0:
        data["description"] = _text(
            rng,
            f"Acteur engagé au Maroc depuis {2000 + n % 20}.",
            f"فاعل ملتزم في المغرب منذ {2000 + n % 20}.",
            f"Active in Morocco since {2000 + n % 20}.",
            0.3,
        )
    if n % 11 == 0:
        data["former_names"] = [
            {"name": f"Ancien nom {n}", "since": "2001-01-01", "until": "2015-12-31"},
            {"name": f"Nom d'origine {n}"},
        ]
    if n % 97 == 0 and n + 1 < total:
        data["dissolved"] = "2016-01-01"
        data["successor"] = f"acteur-{n + 1:05d}"
    if kind == "local_authority":
        data["cooperation"] = {
            "since": 1985 + n % 35,
            "partner_areas": _text(
                rng, "Europe et Afrique", "أوروبا وإفريقيا", "Europe and Africa", 0.3
            ),
            "priorities": rng.sample(priorities, k=min(2, len(priorities))),
        }
    return data


def _person(n: int, actor_ids: list[str], rng: random.Random) -> Data:
    if n % 13 == 0:
        name = rng.choice(_ARABIC_NAMES)
    else:
        name = f"{rng.choice(_FIRST_NAMES)} {rng.choice(_LAST_NAMES)}"
    data: Data = {"id": f"personne-{n:05d}", "name": name}
    if actor_ids and n % 10 != 0:
        data["affiliation"] = rng.choice(actor_ids)
    if n % 3 == 0:
        data["role"] = _text(rng, "Chargé de mission", "مكلف بمهمة", "Project officer", 0.4)
    if n % 4 == 0:
        data["email"] = f"personne.{n}@example.org"
    return data


class _Facilitators:
    """Draws facilitators; persons of one parallel block are all different."""

    def __init__(self, persons: list[Data], actor_ids: list[str], rng: random.Random) -> None:
        self.persons = persons
        self.actor_ids = actor_ids
        self.rng = rng

    def _person(self, person: Data) -> Data:
        data: Data = {"person": person["id"]}
        choice = self.rng.random()
        if choice < 0.3:
            data["label"] = person["name"].split(" ")[0]
        elif choice < 0.5 and "affiliation" in person:
            data["on_behalf_of"] = person["affiliation"]
        return data

    def draw(self, exclude: set[str]) -> list[Data]:
        """Facilitators of one item; the persons chosen are added to ``exclude``."""
        rng = self.rng
        pick = rng.random()
        free = [
            p
            for p in rng.sample(self.persons, k=min(6, len(self.persons)))
            if p["id"] not in exclude
        ]
        if pick < 0.45 and free:
            exclude.add(free[0]["id"])
            return [self._person(free[0])]
        if pick < 0.6 and len(free) >= 2:
            exclude.update(p["id"] for p in free[:2])
            return [self._person(p) for p in free[:2]]
        if pick < 0.8 and self.actor_ids:
            data: Data = {"actor": rng.choice(self.actor_ids)}
            if rng.random() < 0.5:
                data["label"] = "Le réseau"
            return [data]
        fr, ar, en = rng.choice(_ROLES)
        role: Data = {"role": _text(rng, fr, ar, en, 0.3)}
        if self.actor_ids and rng.random() < 0.3:
            role["actor"] = rng.choice(self.actor_ids)
        return [role]


def _item(
    title: tuple[str, str, str, str],
    start: int,
    end: int | None,
    day: str | None,
    rng: random.Random,
    facilitators: list[Data],
    **extra: Any,
) -> Data:
    kind, fr, ar, en = title
    topic_fr, topic_ar, topic_en = rng.choice(_TOPICS)
    data: Data = {
        "title": _text(
            rng,
            fr.format(fr=topic_fr),
            ar.format(ar=topic_ar),
            en.format(en=topic_en),
            0.2,
        ),
        "start": _hms(start),
    }
    if end is not None:
        data["end"] = _hms(end)
    if kind != "other":
        data["kind"] = kind
    if day is not None:
        data["day"] = day
    if facilitators:
        data["facilitators"] = facilitators
    data.update(extra)
    return data


def _day_items(
    quota: int,
    day: str | None,
    first_day: bool,
    rooms: list[str],
    facilitators: _Facilitators,
    rng: random.Random,
) -> tuple[list[Data], int, int]:
    """At most ``quota`` items of one day, back to back; returns them, start and end minutes."""
    items: list[Data] = []
    clock = start = rng.choice(_DAY_START)
    just_rejoined = True
    # A parallel block is always followed by a plenary item, even late in the day.
    while len(items) < quota and (clock <= _LAST_START or not just_rejoined):
        left = quota - len(items)
        if not items and first_day:
            length = rng.choice((15, 30))
            items.append(
                _item(
                    ("welcome", "Accueil des participants", "استقبال المشاركين", "Welcome"),
                    clock,
                    clock + length,
                    day,
                    rng,
                    facilitators.draw(set()),
                )
            )
            clock += length
            just_rejoined = True
            continue
        if rooms and just_rejoined and left >= 3 and clock <= _LAST_START and rng.random() < 0.35:
            block = _parallel_block(clock, left - 1, day, rooms, facilitators, rng)
            if block is not None:
                block_items, clock = block
                items.extend(block_items)
                just_rejoined = False
                continue
        if rng.random() < 0.12:
            pause = rng.choice(_PAUSES)
            length = 60 if pause[0] == "meal" else 15
            fixed: Data = {"fixed": True} if pause[0] == "meal" else {}
            items.append(_item(pause, clock, clock + length, day, rng, [], **fixed))
        else:
            length = rng.choice(_DURATIONS)
            extra: Data = {}
            if rng.random() < 0.1:
                extra["notes"] = _text(
                    rng,
                    "Support distribué sur place.",
                    "توزع الوثائق في عين المكان.",
                    "Handouts on site.",
                    0.5,
                )
            items.append(
                _item(
                    rng.choice(_PLENARY),
                    clock,
                    clock + length,
                    day,
                    rng,
                    facilitators.draw(set()),
                    **extra,
                )
            )
        clock += length
        just_rejoined = True
    return items, start, clock


def _parallel_block(
    clock: int,
    budget: int,
    day: str | None,
    rooms: list[str],
    facilitators: _Facilitators,
    rng: random.Random,
) -> tuple[list[Data], int] | None:
    """Sessions in 2+ rooms that start together at ``clock`` and end together."""
    count = min(len(rooms), rng.randint(2, 3))
    if budget < count:
        return None
    length = rng.choice((60, 90))
    busy: set[str] = set()
    items: list[Data] = []
    used = 0
    for n, room in enumerate(rooms[:count]):
        # A room holds one session, or two that split the block, if the budget allows.
        split = budget - used - (count - n - 1) >= 2 and rng.random() < 0.4
        cuts = [0, length // 2, length] if split else [0, length]
        track = f"Atelier {n + 1}"
        for a, b in itertools.pairwise(cuts):
            topic_fr, topic_ar, topic_en = rng.choice(_TOPICS)
            items.append(
                _item(
                    (
                        "workshop",
                        f"Atelier : {topic_fr}",
                        f"ورشة: {topic_ar}",
                        f"Workshop: {topic_en}",
                    ),
                    clock + a,
                    clock + b,
                    day,
                    rng,
                    facilitators.draw(busy),
                    room=room,
                    track=track,
                )
            )
            used += 1
    return items, clock + length


def _meeting(
    n: int,
    item_count: int,
    actor_ids: list[str],
    persons: list[Data],
    facilitators: _Facilitators,
    rng: random.Random,
) -> Data:
    country = rng.choices(("FR", "MA", "SN"), weights=(5, 4, 1))[0]
    city = rng.choice(_CITIES[country])
    first = dt.date(2016, 1, 4) + dt.timedelta(days=rng.randrange(0, 3650))
    has_rooms = rng.random() < 0.25
    planned_days = rng.choice((2, 2, 3)) if rng.random() < 0.15 else 1
    planned_days = max(planned_days, math.ceil(item_count / _MAX_PER_DAY))
    rooms = [f"salle-{c}" for c in "abc"] if has_rooms else []

    topic_fr, topic_ar, topic_en = rng.choice(_TOPICS)
    data: Data = {
        "id": f"rencontre-{n:05d}",
        "title": _text(
            rng,
            f"Rencontre du groupe pays à {city} sur {topic_fr}",
            f"لقاء مجموعة البلد في {_CITIES_AR.get(city, city)} حول {topic_ar}",
            f"Country group meeting in {city} on {topic_en}",
            0.4,
        ),
        "date": first.isoformat(),
    }

    items: list[Data] = []
    remaining = item_count
    day_index = 0
    first_start = last_end = None
    while remaining > 0 or day_index == 0:
        days_left = max(1, planned_days - day_index)
        quota = min(_MAX_PER_DAY, math.ceil(remaining / days_left))
        date = first + dt.timedelta(days=day_index)
        day = None if day_index == 0 else date.isoformat()
        if quota == 0:
            break
        day_items, start, end = _day_items(quota, day, day_index == 0, rooms, facilitators, rng)
        items.extend(day_items)
        remaining -= len(day_items)
        if day_index == 0:
            first_start = start
        last_end = end
        day_index += 1
    last_day = first + dt.timedelta(days=max(0, day_index - 1))

    open_end = bool(items) and n % 29 == 3 and items[-1].get("room") is None
    if open_end:
        del items[-1]["end"]
    if day_index > 1:
        data["end_date"] = last_day.isoformat()
    if items and n % 3 != 0:
        data["start"] = _hms(first_start or 0)
        if not open_end:
            data["end"] = _hms(last_end or 0)
    if country != "FR":
        data["timezone"] = _TIMEZONES[country]
    venue: Data = {"name": f"Maison des associations de {city}"}
    if n % 2:
        venue["address"] = f"{1 + n % 120} rue de la Coopération"
        venue["postal_code"] = f"{87000 + n % 1000}"
    venue["city"] = city
    if country != "FR":
        venue["country"] = country
    if rooms:
        venue["rooms"] = [
            {
                "id": room,
                "name": _text(
                    rng,
                    f"Salle {room[-1].upper()}",
                    f"القاعة {i + 1}",
                    f"Room {room[-1].upper()}",
                    0.5,
                ),
                "capacity": 30 + 10 * i,
            }
            for i, room in enumerate(rooms)
        ]
    data["venue"] = venue
    if actor_ids:
        data["organiser"] = rng.choice(actor_ids)
    if persons:
        data["contact"] = rng.choice(persons)["id"]
        if n % 2:
            data["signatory"] = rng.choice(persons)["id"]
    if n % 5 == 0:
        data["description"] = _text(
            rng,
            "Rencontre annuelle des membres.",
            "اللقاء السنوي للأعضاء.",
            "Annual meeting of the members.",
            0.5,
        )
    data["objectives"] = [
        {
            "text": _text(
                rng,
                f"Faire le point sur {topic_fr}",
                f"تقييم {topic_ar}",
                f"Take stock of {topic_en}",
                0.3,
            )
        },
        {"text": "Identifier de nouveaux partenaires", "id": "partenaires"},
    ]
    if n % 9 == 0:
        data["attendance_mode"] = "hybrid"
        data["online_url"] = f"https://visio.example.org/rencontre-{n}"
    if n % 41 == 0:
        data["status"] = "postponed"
        data["previous_date"] = (first - dt.timedelta(days=14)).isoformat()
    elif n % 53 == 0:
        data["status"] = "cancelled"
    for index, item in enumerate(items):
        if index % 4 == 0:
            item["id"] = f"point-{index + 1}"
    if items:
        data["agenda"] = [{k: item[k] for k in _ITEM_FIELDS if k in item} for item in items]
    return data


def generate_group(
    actors: int = 2000,
    meetings: int = 1000,
    items: int = 20000,
    seed: int = 0,
) -> Data:
    """A valid group of this size, as plain data in the file format (JSON flavour).

    ``items`` agenda items in all, spread unevenly over ``meetings`` meetings (at least one
    item per meeting when there are enough); as many persons as actors. Same seed, same data.
    """
    if min(actors, meetings, items) < 0:
        raise ValueError("sizes must not be negative")
    rng = random.Random(seed)
    priorities = _priorities(rng)
    priority_ids = [p["id"] for p in priorities]
    actor_list = [_actor(n, actors, priority_ids, rng) for n in range(1, actors + 1)]
    actor_ids = [a["id"] for a in actor_list]
    network_id = "reseau-bench"
    persons = [_person(n, [network_id, *actor_ids], rng) for n in range(1, max(actors, 8) + 1)]
    facilitators = _Facilitators(persons, [network_id, *actor_ids], rng)
    counts = _split(items, meetings, rng)
    meeting_list = [
        _meeting(n, count, [network_id, *actor_ids], persons, facilitators, rng)
        for n, count in enumerate(counts, start=1)
    ]
    members = []
    for actor_id in actor_ids[:: max(1, len(actor_ids) // 200)]:
        member: Data = {"actor": actor_id}
        role = rng.choice(("member", "member", "coordinator", "observer"))
        if role != "member":
            member["role"] = role
        member["since"] = rng.choice((2016, 2018, "2017-03-01"))
        members.append(member)
    partnerships = []
    for n in range(1, max(0, actors // 10) + 1):
        a, b = rng.sample(actor_ids, k=2)
        partnership: Data = {"id": f"partenariat-{n:04d}", "parties": [a, b]}
        kind = rng.choice(("decentralised_cooperation", "associative", "academic"))
        if kind != "decentralised_cooperation":
            partnership["kind"] = kind
        status = rng.choice(("active", "planned", "ended"))
        if status != "active":
            partnership["status"] = status
        partnership["since"] = rng.choice((1991, 2010, "2016-05-12"))
        partnership["themes"] = rng.sample(priority_ids, k=2)
        partnerships.append(partnership)
    group: Data = {
        "schema_version": 1,
        "id": "gp-banc-essai",
        "name": {
            "fr": "Groupe Pays Maroc",
            "ar": "مجموعة بلد المغرب",
            "en": "Morocco Country Group",
        },
        "acronym": "GPMar",
        "country": "MA",
        "anchor": ["FR-NAQ"],
        "network": {
            "id": network_id,
            "name": "SO Coopération",
            "area": "FR-NAQ",
            "former_names": [{"name": "Cap Coopération", "until": "2017-12-31"}],
            "acronym": "SOC",
            "tagline": "Centre régional de ressources pour la coopération internationale",
            "mission": "Favoriser les synergies inter-acteurs.",
            "founded_by": ["state", "local_authorities", "associations"],
            "offers": ["hosting", "secretariat", "coordination", "support", "facilitation"],
        },
        "languages": ["fr", "ar", "en"],
        "description": {
            "fr": "Groupe synthétique pour les mesures de performance.",
            "ar": "مجموعة اصطناعية لقياس الأداء.",
            "en": "A synthetic group for performance measurements.",
        },
        "objectives": [
            {"text": "Créer un espace d'échanges entre acteurs"},
            {"text": {"fr": "Favoriser les projets communs", "ar": "تشجيع المشاريع المشتركة"}},
        ],
        "priorities": priorities,
        "membership_policy": {
            "open_to": "Tout acteur engagé ou souhaitant s'engager au Maroc.",
            "network_membership": "appreciated",
        },
        "working_arrangements": "Forme libre, décidée par les membres.",
        "actors": actor_list,
        "persons": persons,
        "members": members,
        "partnerships": partnerships,
        "meetings": meeting_list,
    }
    return group


# --- files ---------------------------------------------------------------------------------

_DATE_KEYS = frozenset({"date", "end_date", "previous_date", "day", "since", "until", "dissolved"})
_TIME_KEYS = frozenset({"start", "end"})


def to_toml_data(data: Any, key: str | None = None) -> Any:
    """The same data with ISO date and time strings as native values, as TOML files have them."""
    if isinstance(data, dict):
        return {k: to_toml_data(v, k) for k, v in data.items()}
    if isinstance(data, list):
        return [to_toml_data(v) for v in data]
    if isinstance(data, str):
        if key in _DATE_KEYS and len(data) == 10:
            return dt.date.fromisoformat(data)
        if key in _TIME_KEYS and len(data) == 8:
            return dt.time.fromisoformat(data)
    return data


def write_group(data: Data, path: str | Path) -> Path:
    """Write the data as ``.json`` or ``.toml`` (by the suffix); returns the path."""
    target = Path(path)
    if target.suffix == ".toml":
        import tomli_w

        target.write_text(tomli_w.dumps(to_toml_data(data)), encoding="utf-8")
    elif target.suffix == ".json":
        target.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    else:
        raise ValueError(f"use a .json or .toml file name, not {target.name!r}")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic, valid country group file.")
    parser.add_argument("--items", type=int, default=20000, help="agenda items in all")
    parser.add_argument("--actors", type=int, help="default: items / 10")
    parser.add_argument("--meetings", type=int, help="default: items / 20")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("-o", "--output", type=Path, required=True, help="a .json or .toml file")
    args = parser.parse_args(argv)
    sizes = scaled_sizes(args.items)
    if args.actors is not None:
        sizes["actors"] = args.actors
    if args.meetings is not None:
        sizes["meetings"] = args.meetings
    data = generate_group(**sizes, seed=args.seed)
    try:
        write_group(data, args.output)
    except ValueError as exc:
        parser.error(str(exc))
    print(
        f"{args.output}: {sizes['actors']} actors, {sizes['meetings']} meetings, "
        f"{sizes['items']} items",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
