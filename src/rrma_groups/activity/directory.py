"""The directory of a group's actors: who does what, where; filtered and sorted.

>>> from rrma_groups.examples import groupe_pays_maroc
>>> group = groupe_pays_maroc()
>>> [e.actor.id for e in directory(group, kinds=["local_authority"], country_regions=["MA-07"])]
['exemple-commune-rurale', 'region-marrakech-safi']

:func:`rrma_groups.render.directory.render_directory` writes the entries as text, Markdown, HTML
or CSV.

What an entry says about an actor comes from the actor and from the group: its themes are
those it declares, those of its cooperation policy and those of its projects; the regions of
the group's country where it works are its own region (for a local actor), those it declares
and those of its projects. Every filter is a set lookup on an index built once, and sorting is
the only step above linear time: thousands of actors take milliseconds.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal, TypedDict

from ..errors import LocaleError, RrmaError
from ..i18n.catalog import N_, translator
from ..i18n.locales import normalize_locale
from ..i18n.regions import UnknownRegionError, canonical_subdivision
from ..messages import Msg, listing
from ..model import Actor, ActorKind, CountryGroup, MembershipRole
from ..model.places import DEPARTMENT_REGIONS
from ..model.projects import period_bounds

__all__ = [
    "SORT_KEYS",
    "DirectoryEntry",
    "DirectoryFilters",
    "DirectoryError",
    "SortKey",
    "directory",
    "fictional_mark",
    "sort_key",
]

SortKey = Literal["name", "kind", "department", "region", "country_region"]
SORT_KEYS: tuple[str, ...] = ("name", "kind", "department", "region", "country_region")


class DirectoryFilters(TypedDict, total=False):
    """The filters and order of :func:`directory`, as keywords, for the functions that write
    the directory out (spreadsheets): each key means what :func:`directory`'s parameter does."""

    kinds: Iterable[ActorKind | str]
    themes: Iterable[str]
    departments: Iterable[str]
    regions: Iterable[str]
    country_regions: Iterable[str]
    languages: Iterable[str]
    network_member: bool | None
    group_member: bool | None
    include_dissolved: bool
    sort: SortKey
    as_of: dt.date | None


class DirectoryError(RrmaError, ValueError):
    """A directory request that cannot be met: an unknown filter value, sort key or format."""

    code = "invalid_filter"


@dataclass(frozen=True, slots=True)
class DirectoryEntry:
    """An actor as the directory shows it, with what the group knows of its work."""

    actor: Actor
    themes: tuple[str, ...]
    """Ids of the priorities it works on, in the group's order."""
    country_regions: tuple[str, ...]
    """Regions of the group's country where it works (ISO 3166-2), sorted."""
    french_region: str | None
    """Its French region: its own region, else its département's."""
    network_member: bool | None
    group_role: MembershipRole | None
    """Its role in the group when it is a current member."""
    projects: tuple[str, ...]
    """Ids of the projects it leads or takes part in."""

    @property
    def is_group_member(self) -> bool:
        return self.group_role is not None


def sort_key(text: str) -> str:
    """A key that sorts names as readers expect: case and accents ignored (É with E).

    >>> sorted(["Zèbre", "école", "Été", "abri"], key=sort_key)
    ['abri', 'école', 'Été', 'Zèbre']
    """
    decomposed = unicodedata.normalize("NFKD", text)
    # Marks and format characters (bidi isolates) do not count.
    kept = (c for c in decomposed if not unicodedata.combining(c))
    return "".join(c for c in kept if unicodedata.category(c) != "Cf").casefold()


def _member_on(since: dt.date | int | None, until: dt.date | int | None, day: dt.date) -> bool:
    first, last = period_bounds(since, until)
    return (first is None or first <= day) and (last is None or day <= last)


def _entries(group: CountryGroup, as_of: dt.date | None) -> list[DirectoryEntry]:
    order = {p.id: n for n, p in enumerate(group.priorities)}
    themes: dict[str, set[str]] = defaultdict(set)
    regions: dict[str, set[str]] = defaultdict(set)
    projects: dict[str, list[str]] = defaultdict(list)
    for project in group.projects:
        places = {p.region for p in project.places if p.region is not None}
        for key in project.actors:
            projects[key].append(project.id)
            themes[key].update(project.themes)
            regions[key].update(places)
    roles: dict[str, MembershipRole] = {}
    for membership in group.members:
        current = (
            _member_on(membership.since, membership.until, as_of)
            if as_of is not None
            else membership.until is None
        )
        if current:
            roles.setdefault(membership.actor, membership.role)
    out = []
    for actor in (group.network, *group.actors):
        own = set(actor.themes) | themes[actor.id]
        if actor.cooperation is not None:
            own.update(actor.cooperation.priorities)
        where = set(actor.works_in) | regions[actor.id]
        if actor.area is not None and actor.country == group.country:
            where.add(actor.area)
        where = {r for r in where if r[:2] == group.country}
        french = actor.area if actor.area is not None and actor.area.startswith("FR-") else None
        if french is None and actor.department is not None:
            french = DEPARTMENT_REGIONS[actor.department]
        out.append(
            DirectoryEntry(
                actor=actor,
                themes=tuple(sorted(own, key=lambda t: (order.get(t, len(order)), t))),
                country_regions=tuple(sorted(where)),
                french_region=french,
                network_member=None if actor is group.network else actor.network_member,
                group_role=roles.get(actor.id),
                projects=tuple(projects[actor.id]),
            )
        )
    return out


def _choices(values: Iterable[str], known: Iterable[str], what: Msg) -> set[str]:
    chosen = set(values)
    allowed = set(known)
    unknown = sorted(chosen - allowed)
    if unknown:
        shown = listing(repr(value) for value in unknown)
        raise DirectoryError(
            "unknown_filter_value", value=shown, what=what, choices=listing(sorted(allowed))
        )
    return chosen


def _regions(values: Iterable[str], what: Msg) -> set[str]:
    out = set()
    for value in values:
        try:
            out.add(canonical_subdivision(value))
        except UnknownRegionError:
            raise DirectoryError("invalid_region_filter", value=value, what=what) from None
    return out


def directory(
    group: CountryGroup,
    *,
    kinds: Iterable[ActorKind | str] = (),
    themes: Iterable[str] = (),
    departments: Iterable[str] = (),
    regions: Iterable[str] = (),
    country_regions: Iterable[str] = (),
    languages: Iterable[str] = (),
    network_member: bool | None = None,
    group_member: bool | None = None,
    include_dissolved: bool = False,
    sort: SortKey = "name",
    lang: str | None = None,
    as_of: dt.date | None = None,
) -> tuple[DirectoryEntry, ...]:
    """The group's actors (the network included) that pass every filter given, sorted.

    Each filter given as a collection keeps the actors that match *any* of its values;
    different filters all apply. ``regions`` are French regions (``FR-NAQ``: an actor's own
    region, or its département's), ``country_regions`` those of the group's country where
    actors work. ``languages`` match on the language (``ar`` matches ``ar_MA``).
    ``group_member`` looks at current memberships (on ``as_of``, else those without an end).
    Dissolved actors are left out unless ``include_dissolved``. Names sort in ``lang``
    (default: the group's default language), case and accents ignored; ties by id.

    :raises DirectoryError: an unknown kind, theme, département, region, language or sort key.
    """
    language = normalize_locale(lang or group.default_language)
    try:
        kind_set = {ActorKind(k) for k in kinds}
    except ValueError:
        unknown = [k for k in kinds if k not in {kind.value for kind in ActorKind}]
        raise DirectoryError(
            "unknown_filter_value",
            value=listing(repr(k) for k in unknown),
            what=Msg(N_("kind")),
            choices=listing(k.value for k in ActorKind),
        ) from None
    theme_set = _choices(themes, (p.id for p in group.priorities), Msg(N_("theme")))
    department_set = _choices(
        (str(d).strip().upper() for d in departments), DEPARTMENT_REGIONS, Msg(N_("département"))
    )
    region_set = _regions(regions, Msg(N_("region")))
    country_set = _regions(country_regions, Msg(N_("region")))
    try:
        language_set = {normalize_locale(code).split("_")[0] for code in languages}
    except LocaleError as exc:
        raise DirectoryError(
            "invalid_locale", value=exc.value, supported=exc.params["supported"]
        ) from None
    if sort not in SORT_KEYS:
        raise DirectoryError("unknown_sort_key", value=sort, choices=listing(SORT_KEYS))

    def keep(entry: DirectoryEntry) -> bool:
        actor = entry.actor
        return (
            (include_dissolved or actor.dissolved is None)
            and (not kind_set or actor.kind in kind_set)
            and (not theme_set or not theme_set.isdisjoint(entry.themes))
            and (not department_set or actor.department in department_set)
            and (not region_set or entry.french_region in region_set)
            and (not country_set or not country_set.isdisjoint(entry.country_regions))
            and (
                not language_set
                or not language_set.isdisjoint(code.split("_")[0] for code in actor.languages)
            )
            and (network_member is None or bool(entry.network_member) is network_member)
            and (group_member is None or entry.is_group_member is group_member)
        )

    kept = [e for e in _entries(group, as_of) if keep(e)]
    default = group.default_language
    names = {e.actor.id: sort_key(e.actor.name.get(language, default)) for e in kept}
    kind_order = {kind: n for n, kind in enumerate(ActorKind)}
    last = "\uffff"  # entries without the sorted value come last
    keys: dict[str, Callable[[DirectoryEntry], tuple[object, ...]]] = {
        "name": lambda e: (),
        "kind": lambda e: (kind_order[e.actor.kind],),
        "department": lambda e: (e.actor.department or last,),
        "region": lambda e: (e.french_region or last,),
        "country_region": lambda e: (e.country_regions[0] if e.country_regions else last,),
    }
    first = keys[sort]
    kept.sort(key=lambda e: (*first(e), names[e.actor.id], e.actor.id))
    return tuple(kept)


# TRANSLATORS: after the name of a made-up sample organisation, project or person.
_FICTIONAL = N_("(fictional example)")


def fictional_mark(lang: str | None) -> str:
    """The words that follow a fictional item's name: "(fictional example)"."""
    return translator(lang).gettext(_FICTIONAL)
