"""Synergies: who should talk to whom, and why, from what the group knows of its actors' work.

The group's second objective is to bring its members' projects into coherence and make joint
projects emerge. :func:`find_synergies` looks for actors that

- work on the same theme in the same region of the country (``theme_region``), or in the
  same province (``theme_province``): through their projects (lead and partners), or because
  they say so (an actor's ``themes`` with its ``works_in`` regions, or its own region for a
  local actor);
- work with the same local partner (``local_partner``): a partner from the country in the
  projects of several leads, or a party to several actors' partnerships.

Each :class:`Proposal` names the actors who should meet and its reasons; a reason is a message
template with parameters (:meth:`Reason.message` writes it in any language: "4 actors work on
Training in the Marrakech-Safi region"). Actors who already work together on one project are
not a synergy: a proposal needs at least two independent sources (two project leads, or an
actor and another's project). Finished projects and dissolved actors are left out, and made-up
samples never meet real actors: fictional and real data are grouped apart.

The result is deterministic (sorted, never in dictionary order) and is built in one pass over
projects, actors and partnerships plus a sort: O(n log n).
:func:`rrma_groups.render.synergies.render_synergies` writes the proposals out.

>>> from rrma_groups.examples import groupe_pays_maroc
>>> group = groupe_pays_maroc()
>>> [p.id for p in find_synergies(group)]
['fictional:theme_region:formation:MA-07', 'fictional:local_partner:exemple-cooperative-tissage']
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field

from ..i18n.bidi import balance_isolates, first_strong_direction, isolate_auto
from ..i18n.catalog import translator
from ..i18n.formatting import format_number
from ..i18n.locales import is_rtl, normalize_locale
from ..i18n.regions import subdivision_name
from ..model import CountryGroup, LocalisedText, PartnershipStatus
from ..model.projects import ProjectStatus
from .directory import fictional_mark

__all__ = [
    "ACTIVE_STATUSES",
    "Proposal",
    "Reason",
    "ReasonKind",
    "find_synergies",
    "isolated",
]

ACTIVE_STATUSES: frozenset[ProjectStatus] = frozenset(
    (ProjectStatus.IDEA, ProjectStatus.PLANNED, ProjectStatus.RUNNING)
)
"""The projects that count for synergies by default: all but finished ones."""


class ReasonKind(enum.StrEnum):
    """Why actors should meet; the order is that of specificity, most specific first."""

    THEME_PROVINCE = "theme_province"
    THEME_REGION = "theme_region"
    LOCAL_PARTNER = "local_partner"


@dataclass(frozen=True, slots=True)
class Reason:
    """One reason for a proposal: a message template and its parameters.

    The parameters are ids and codes (a priority, a region or province, an actor) with their
    localised names, so that the reason can be written in any language.
    """

    kind: ReasonKind
    n: int
    """How many actors the reason concerns."""
    theme: str | None = None
    """The priority's id."""
    place: str | None = None
    """The region or province code."""
    partner: str | None = None
    """The local partner's actor id."""
    theme_title: LocalisedText | None = field(default=None, compare=False, repr=False)
    place_name: LocalisedText | None = field(default=None, compare=False, repr=False)
    """A province's name, when its places give it one."""
    partner_name: LocalisedText | None = field(default=None, compare=False, repr=False)
    partner_fictional: bool = field(default=False, compare=False, repr=False)

    def templates(self) -> tuple[str, str]:
        """The English singular and plural templates (the gettext message ids)."""
        return _TEMPLATES[self.kind]

    def params(self, lang: str | None = None, default_language: str = "fr") -> dict[str, str]:
        """The template's parameters, named in ``lang`` (default: English)."""
        language = normalize_locale(lang or "en")

        def name(text: LocalisedText | None, fallback: str | None) -> str:
            found = text.get(language, default_language) if text else (fallback or "")
            return isolated(found, language)

        out = {"n": format_number(self.n, language)}
        if self.theme is not None:
            out["theme"] = name(self.theme_title, self.theme)
        if self.kind is ReasonKind.THEME_REGION and self.place is not None:
            out["region"] = isolated(subdivision_name(self.place, language), language)
        if self.kind is ReasonKind.THEME_PROVINCE:
            out["province"] = name(self.place_name, self.place)
        if self.partner is not None:
            out["partner"] = name(self.partner_name, self.partner)
            if self.partner_fictional:
                out["partner"] += " " + isolated(fictional_mark(language), language)
        return out

    def message(self, lang: str | None = None, default_language: str = "fr") -> str:
        """The reason in words, in ``lang`` (default: English)."""
        translate = translator(normalize_locale(lang) if lang else None)
        template = _translated(self.kind, self.n, translate.ngettext)
        return template.format(**self.params(lang, default_language))


def isolated(text: str, lang: str) -> str:
    """``text`` in FSI…PDI when it would run against a right-to-left sentence around it."""
    text = balance_isolates(text)
    if is_rtl(lang) and first_strong_direction(text) == "ltr":
        return isolate_auto(text)
    return text


def _translated(kind: ReasonKind, n: int, ngettext: Callable[[str, str, int], str]) -> str:
    # Literal calls, so that pybabel extracts each template with its plural.
    if kind is ReasonKind.THEME_REGION:
        return ngettext(
            "{n} actor works on {theme} in the {region} region",
            "{n} actors work on {theme} in the {region} region",
            n,
        )
    if kind is ReasonKind.THEME_PROVINCE:
        return ngettext(
            "{n} actor works on {theme} in {province}",
            "{n} actors work on {theme} in {province}",
            n,
        )
    return ngettext(
        "{n} actor works with the same local partner, {partner}",
        "{n} actors work with the same local partner, {partner}",
        n,
    )


def _templates() -> dict[ReasonKind, tuple[str, str]]:
    pairs: dict[ReasonKind, tuple[str, str]] = {}
    for kind in ReasonKind:

        def record(singular: str, plural: str, n: int, kind: ReasonKind = kind) -> str:
            pairs[kind] = (singular, plural)
            return singular

        _translated(kind, 2, record)
    return pairs


_TEMPLATES = _templates()


@dataclass(frozen=True, slots=True)
class Proposal:
    """Actors who should meet, the projects that show why, and the reasons in words."""

    actors: tuple[str, ...]
    """Actor ids, sorted."""
    projects: tuple[str, ...]
    """Project ids, sorted."""
    reasons: tuple[Reason, ...]
    """Most specific first."""
    fictional: bool = False
    """Made of made-up samples only."""

    @property
    def id(self) -> str:
        """A stable id from the first reason: ``theme_region:formation:MA-07``.

        A proposal among made-up samples starts with ``fictional:``.
        """
        first = self.reasons[0]
        parts = ["fictional" if self.fictional else None]
        parts += [first.kind.value, first.theme, first.place, first.partner]
        return ":".join(p for p in parts if p is not None)


def _province_names(group: CountryGroup) -> dict[str, LocalisedText]:
    """Each province's name, when all its places give it the same one."""
    names: dict[str, set[LocalisedText]] = defaultdict(set)
    for project in group.projects:
        for place in project.places:
            if place.province is not None and place.name is not None:
                names[place.province].add(place.name)
    return {code: next(iter(texts)) for code, texts in names.items() if len(texts) == 1}


@dataclass(slots=True)
class _Cluster:
    sources: set[str] = field(default_factory=set)
    """Independent sources: project leads, and actors speaking for themselves."""
    actors: set[str] = field(default_factory=set)
    projects: set[str] = field(default_factory=set)


def find_synergies(
    group: CountryGroup,
    *,
    statuses: Collection[ProjectStatus] = ACTIVE_STATUSES,
    include_fictional: bool = True,
) -> tuple[Proposal, ...]:
    """Proposals of actors who should meet, most actors first (see the module's notes)."""
    country = group.country
    live = {
        a.id: a
        for a in (group.network, *group.actors)
        if a.dissolved is None and (include_fictional or not a.fictional)
    }
    # Keys start with the fiction flag: made-up and real data never share a cluster.
    clusters: dict[tuple[bool, ReasonKind, str, str], _Cluster] = defaultdict(_Cluster)

    def add(key: tuple[bool, ReasonKind, str, str], source: str, actors: Iterable[str]) -> None:
        cluster = clusters[key]
        cluster.sources.add(source)
        cluster.actors.update(actors)

    for project in group.projects:
        if project.status not in statuses or project.lead not in live:
            continue
        if project.fictional and not include_fictional:
            continue
        fiction = project.fictional
        actors = [a for a in project.actors if a in live]
        regions = {p.region for p in project.places if p.region and p.region[:2] == country}
        provinces = {p.province for p in project.places if p.province and p.province[:2] == country}
        for theme in project.themes:
            for kind, places in (
                (ReasonKind.THEME_REGION, regions),
                (ReasonKind.THEME_PROVINCE, provinces),
            ):
                for place in places:
                    key = (fiction, kind, theme, place)
                    add(key, project.lead, actors)
                    clusters[key].projects.add(project.id)
        for partner in project.partners:
            if partner in live and partner != project.lead and live[partner].country == country:
                key = (fiction, ReasonKind.LOCAL_PARTNER, "", partner)
                add(key, project.lead, (project.lead, partner))
                clusters[key].projects.add(project.id)

    for actor in live.values():
        places = set(actor.works_in)
        if actor.area is not None and actor.country == country:
            places.add(actor.area)
        for theme in actor.themes:
            for place in places:
                if place[:2] == country:
                    add(
                        (actor.fictional, ReasonKind.THEME_REGION, theme, place),
                        actor.id,
                        [actor.id],
                    )

    for partnership in group.partnerships:
        if partnership.status not in (PartnershipStatus.ACTIVE, PartnershipStatus.PLANNED):
            continue
        parties = [live[p] for p in partnership.parties if p in live]
        for local in (p for p in parties if p.country == country):
            for other in (p for p in parties if p.country != country):
                if other.fictional == local.fictional:
                    key = (local.fictional, ReasonKind.LOCAL_PARTNER, "", local.id)
                    add(key, other.id, (other.id, local.id))

    return _proposals(group, clusters)


def _proposals(
    group: CountryGroup, clusters: dict[tuple[bool, ReasonKind, str, str], _Cluster]
) -> tuple[Proposal, ...]:
    merged: dict[tuple[bool, frozenset[str]], tuple[list[Reason], set[str]]] = {}
    titles = {p.id: p.title for p in group.priorities}
    actors_by_id = {a.id: a for a in (group.network, *group.actors)}
    provinces = _province_names(group)
    for (fiction, kind, theme, place), cluster in clusters.items():
        if len(cluster.sources) < 2 or len(cluster.actors) < 2:
            continue
        if kind is ReasonKind.LOCAL_PARTNER:
            partner = actors_by_id[place]
            reason = Reason(
                kind,
                len(cluster.sources),
                partner=place,
                partner_name=partner.name,
                partner_fictional=partner.fictional,
            )
        else:
            reason = Reason(
                kind,
                len(cluster.actors),
                theme=theme,
                place=place,
                theme_title=titles.get(theme),
                place_name=provinces.get(place) if kind is ReasonKind.THEME_PROVINCE else None,
            )
        key = (fiction, frozenset(cluster.actors))
        reasons, projects = merged.setdefault(key, ([], set()))
        reasons.append(reason)
        projects.update(cluster.projects)
    order = {p.id: n for n, p in enumerate(group.priorities)}
    kinds = list(ReasonKind)

    def reason_key(r: Reason) -> tuple[int, int, str, str, str]:
        return (
            kinds.index(r.kind),
            order.get(r.theme or "", len(order)),
            r.theme or "",
            r.place or "",
            r.partner or "",
        )

    proposals = []
    for (fiction, actors), (reasons, projects) in merged.items():
        # A province says more than its region: the same actors need not hear both.
        by_province = {r.theme for r in reasons if r.kind is ReasonKind.THEME_PROVINCE}
        kept = [
            r for r in reasons if not (r.kind is ReasonKind.THEME_REGION and r.theme in by_province)
        ]
        proposals.append(
            Proposal(
                actors=tuple(sorted(actors)),
                projects=tuple(sorted(projects)),
                reasons=tuple(sorted(kept, key=reason_key)),
                fictional=fiction,
            )
        )
    proposals.sort(key=lambda p: (-len(p.actors), reason_key(p.reasons[0]), p.actors))
    return tuple(proposals)
