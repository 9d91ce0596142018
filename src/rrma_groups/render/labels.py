"""The words around the data, in the reader's language: headers, headings, kinds and counts.

Renderers and the command line ask for them by key; the English words are gettext message ids
(marked here, extracted by ``pybabel extract``, see docs/translating.md) and are translated
through :func:`~rrma_groups.i18n.catalog.translator`, so ``ar_MA`` falls back to ``ar``, then to
English.

>>> label("activity", "fr"), label("activity", "ar_MA")
('Activité', 'النشاط')
>>> enum_label(ItemKind.SOCIAL, "fr"), enum_label(Offer.SUPPORT, "fr")
('Temps convivial', 'accompagnement')
>>> plural("errors", 2, "fr"), plural("errors", 2, "ar"), plural("errors", 1500, "fr")
('2 erreurs', 'خطآن', '1\\u202f500 erreurs')

Case: item kinds, attendance modes and meeting statuses stand alone in a programme (a column,
a badge) and start with a capital letter; the other enum labels run inside sentences and lists
("hébergement, secrétariat et animation") and are lower case.

Enum labels carry a gettext context (``msgctxt``) naming their enum, because the same English
word can need different words elsewhere: "other" is ``أخرى`` for an agenda item but ``صنف آخر``
for a kind of actor, and Arabic adjectives agree with the noun they describe.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from rrma_groups.i18n.catalog import N_
from rrma_groups.i18n.formatting import format_number
from rrma_groups.i18n.locales import translator
from rrma_groups.messages import render_template
from rrma_groups.model.actors import ActorKind
from rrma_groups.model.agenda import ItemKind
from rrma_groups.model.groups import MembershipRole, NetworkMembership
from rrma_groups.model.meetings import AttendanceMode, MeetingStatus
from rrma_groups.model.network import Founder, Offer
from rrma_groups.model.partnerships import PartnershipKind, PartnershipStatus
from rrma_groups.problems import Severity

__all__ = [
    "ENUM_LABELS",
    "LABELS",
    "LABELLED_ENUMS",
    "NC_",
    "NNC_",
    "NN_",
    "PLURALS",
    "enum_label",
    "label",
    "plural",
]


def NC_(context: str, message: str) -> tuple[str, str]:
    """Mark a message with a context (``msgctxt``) for extraction; translate it later."""
    return context, message


def NN_(singular: str, plural: str) -> tuple[None, str, str]:
    """Mark a message with a plural for extraction; translate it later with ``ngettext``."""
    return None, singular, plural


def NNC_(context: str, singular: str, plural: str) -> tuple[str, str, str]:
    """Mark a message with a context and a plural; translate it later with ``npgettext``."""
    return context, singular, plural


LABELS: Final[Mapping[str, str]] = MappingProxyType(
    {
        # The printed programme's table: the seed's headers are Date, Lieu, Heure, Activité,
        # Animateur; Room is added when a meeting has parallel sessions.
        "date": N_("Date"),
        "venue": N_("Venue"),
        "time": N_("Time"),
        "activity": N_("Activity"),
        "facilitator": N_("Facilitator"),
        "room": N_("Room"),
        # TRANSLATORS: where an item without a room runs: the whole meeting together.
        "plenary": N_("Plenary"),
        # Headings of a group's or a meeting's page.
        "context": N_("Context"),
        # TRANSLATORS: heading of the part of a group's page about the regional network.
        "network": N_("The network"),
        # TRANSLATORS: heading of the part of a group's page that says what the group is.
        "group": N_("The group"),
        "objectives": N_("Objectives"),
        # TRANSLATORS: heading of the group's working arrangements ("modalités de
        # fonctionnement") and of what the network offers it.
        "how_it_works": N_("How the group works"),
        "programme": N_("Programme"),
        "meeting_objectives": N_("Objectives of the meeting"),
        "meetings": N_("Meetings"),
        "actors": N_("Actors"),
        "members": N_("Members"),
        "partnerships": N_("Partnerships"),
        "priorities": N_("Priority areas"),
        "who_may_join": N_("Who may join"),
        "network_offer": N_("What the network offers"),
        # Labels before a value on a group's page.
        # TRANSLATORS: before the network's mission, a sentence of the group file.
        "mission": N_("Mission"),
        # TRANSLATORS: before the kinds of bodies that set the network up: "State, local
        # authorities and associations".
        "founders": N_("Founders"),
        # TRANSLATORS: before where an actor's cooperation partners are: "Europe and Africa".
        "partners": N_("Partners"),
        # TRANSLATORS: before "planned", "active", "suspended" or "ended" (a partnership).
        "partnership_status": N_("Partnership status"),
        "themes": N_("Themes"),
        # TRANSLATORS: the cooperation of an actor that is not a local authority (that of a
        # local authority is "decentralised cooperation"); runs inside a sentence.
        "international_cooperation": N_("international cooperation"),
        # TRANSLATORS: {kind} is a kind of cooperation or partnership ("decentralised
        # cooperation"), {year} the year it began: "decentralised cooperation since 1991".
        "kind_since": N_("{kind} since {year}"),
        # TRANSLATORS: a label, then its value or the list under it ("Objectives:"). French
        # puts a narrow no-break space (U+202F) before the colon.
        "with_colon": N_("{label}:"),
        "organiser": N_("Organiser"),
        "contact": N_("Contact"),
        # TRANSLATORS: before the name of who signs the programme.
        "signed": N_("Signed"),
        # TRANSLATORS: before the address of an online meeting.
        "online": N_("Online"),
        # TRANSLATORS: under a postponed meeting; {date} is the date it had first.
        "previously_planned": N_("Previously planned on {date}"),
        # The command line's verdict on a file.
        "valid": N_("valid"),
        "invalid": N_("invalid"),
        # TRANSLATORS: the location of a problem that concerns the whole file.
        "top_level": N_("(top)"),
    }
)
"""Simple labels by key. A label with a ``{placeholder}`` is a template the caller fills."""

PLURALS: Final[Mapping[str, tuple[str | None, str, str]]] = MappingProxyType(
    {
        # A context keeps it apart from the label "Facilitator": one message id cannot be both
        # a simple message and a plural one in a catalog.
        # TRANSLATORS: the header of the facilitator column, for one person or several.
        "facilitators": NNC_("programme header", "Facilitator", "Facilitators"),
        "items": NN_("{n} item", "{n} items"),
        "minutes": NN_("{n} minute", "{n} minutes"),
        "participants": NN_("{n} participant", "{n} participants"),
        "errors": NN_("{n} error", "{n} errors"),
        "warnings": NN_("{n} warning", "{n} warnings"),
    }
)
"""Messages whose form depends on a count ``n`` (six forms in Arabic), by key: their context
(``None`` for none), singular and plural."""

ENUM_LABELS: Final[Mapping[type[enum.Enum], Mapping[enum.Enum, tuple[str, str]]]] = (
    MappingProxyType(
        {
            ItemKind: {
                ItemKind.WELCOME: NC_("item kind", "Welcome"),
                ItemKind.PRESENTATION: NC_("item kind", "Presentation"),
                ItemKind.DISCUSSION: NC_("item kind", "Discussion"),
                ItemKind.WORKSHOP: NC_("item kind", "Workshop"),
                ItemKind.PLENARY: NC_("item kind", "Plenary"),
                ItemKind.BREAK: NC_("item kind", "Break"),
                ItemKind.MEAL: NC_("item kind", "Meal"),
                ItemKind.CONCLUSION: NC_("item kind", "Conclusion"),
                ItemKind.SOCIAL: NC_("item kind", "Social time"),
                ItemKind.OTHER: NC_("item kind", "Other"),
            },
            AttendanceMode: {
                AttendanceMode.IN_PERSON: NC_("attendance mode", "In person"),
                AttendanceMode.ONLINE: NC_("attendance mode", "Online"),
                AttendanceMode.HYBRID: NC_("attendance mode", "Hybrid"),
            },
            MeetingStatus: {
                MeetingStatus.SCHEDULED: NC_("meeting status", "Scheduled"),
                MeetingStatus.POSTPONED: NC_("meeting status", "Postponed"),
                MeetingStatus.CANCELLED: NC_("meeting status", "Cancelled"),
            },
            ActorKind: {
                ActorKind.LOCAL_AUTHORITY: NC_("actor kind", "local authority"),
                ActorKind.STATE_SERVICE: NC_("actor kind", "State service"),
                ActorKind.PUBLIC_BODY: NC_("actor kind", "public body"),
                ActorKind.ASSOCIATION: NC_("actor kind", "association"),
                ActorKind.NETWORK: NC_("actor kind", "network"),
                ActorKind.UNIVERSITY: NC_("actor kind", "university or research body"),
                ActorKind.COMPANY: NC_("actor kind", "company"),
                ActorKind.DIASPORA_ASSOCIATION: NC_("actor kind", "diaspora association"),
                ActorKind.FOUNDATION: NC_("actor kind", "foundation"),
                ActorKind.INTERNATIONAL_ORGANISATION: NC_(
                    "actor kind", "international organisation"
                ),
                ActorKind.OTHER: NC_("actor kind", "other"),
            },
            Offer: {
                Offer.HOSTING: NC_("offer", "hosting"),
                Offer.SECRETARIAT: NC_("offer", "secretariat"),
                Offer.COORDINATION: NC_("offer", "coordination"),
                Offer.SUPPORT: NC_("offer", "support"),
                Offer.FACILITATION: NC_("offer", "facilitation"),
                Offer.RESOURCES: NC_("offer", "resources, information and training"),
            },
            Founder: {
                Founder.STATE: NC_("founder", "State"),
                Founder.LOCAL_AUTHORITIES: NC_("founder", "local authorities"),
                Founder.ASSOCIATIONS: NC_("founder", "associations"),
            },
            PartnershipKind: {
                PartnershipKind.DECENTRALISED_COOPERATION: NC_(
                    "partnership kind", "decentralised cooperation"
                ),
                PartnershipKind.ASSOCIATIVE: NC_("partnership kind", "associative partnership"),
                PartnershipKind.ACADEMIC: NC_("partnership kind", "academic partnership"),
                PartnershipKind.OTHER: NC_("partnership kind", "other"),
            },
            PartnershipStatus: {
                PartnershipStatus.PLANNED: NC_("partnership status", "planned"),
                PartnershipStatus.ACTIVE: NC_("partnership status", "active"),
                PartnershipStatus.SUSPENDED: NC_("partnership status", "suspended"),
                PartnershipStatus.ENDED: NC_("partnership status", "ended"),
            },
            NetworkMembership: {
                NetworkMembership.REQUIRED: NC_(
                    "network membership", "network membership required"
                ),
                NetworkMembership.APPRECIATED: NC_(
                    "network membership", "network membership not required but appreciated"
                ),
                NetworkMembership.NOT_REQUIRED: NC_(
                    "network membership", "network membership not required"
                ),
            },
            MembershipRole: {
                MembershipRole.MEMBER: NC_("membership role", "member"),
                MembershipRole.COORDINATOR: NC_("membership role", "coordinator"),
                MembershipRole.SECRETARIAT: NC_("membership role", "secretariat"),
                MembershipRole.OBSERVER: NC_("membership role", "observer"),
            },
            Severity: {
                Severity.ERROR: NC_("severity", "error"),
                Severity.WARNING: NC_("severity", "warning"),
            },
        }
    )
)
"""For each labelled enum, its members' (context, English label)."""

LABELLED_ENUMS: Final[tuple[type[enum.Enum], ...]] = tuple(ENUM_LABELS)
"""The enums :func:`enum_label` knows."""


def label(key: str, lang: str | None) -> str:
    """The label ``key`` in ``lang`` (``None``: English).

    >>> [label(k, "fr") for k in ("date", "venue", "time", "activity", "facilitator")]
    ['Date', 'Lieu', 'Heure', 'Activité', 'Animateur']
    >>> label("previously_planned", "fr")
    'Initialement prévue le {date}'

    :raises KeyError: no label has that key.
    :raises LocaleError: ``lang`` is malformed or unknown to CLDR.
    """
    try:
        message = LABELS[key]
    except KeyError:
        raise KeyError(f"no label {key!r}; known: {', '.join(sorted(LABELS))}") from None
    return translator(lang).gettext(message)


def enum_label(member: enum.Enum, lang: str | None) -> str:
    """What ``member`` of one of :data:`LABELLED_ENUMS` is called in ``lang``.

    >>> enum_label(MeetingStatus.POSTPONED, "fr"), enum_label(MeetingStatus.POSTPONED, "ar")
    ('Reporté', 'مؤجل')
    >>> enum_label(ItemKind.BREAK, None)
    'Break'

    :raises KeyError: ``member`` belongs to an enum that has no labels.
    :raises LocaleError: ``lang`` is malformed or unknown to CLDR.
    """
    try:
        context, message = ENUM_LABELS[type(member)][member]
    except KeyError:
        raise KeyError(f"no label for {member!r}") from None
    return translator(lang).pgettext(context, message)


def plural(key: str, n: int, lang: str | None) -> str:
    """The message ``key`` for a count of ``n``, the count written for the locale.

    >>> plural("minutes", 1, "fr"), plural("minutes", 90, "fr"), plural("minutes", 1, None)
    ('1 minute', '90 minutes', '1 minute')
    >>> plural("facilitators", 2, "fr"), plural("facilitators", 2, "ar")
    ('Animateurs', 'المؤطران')
    >>> [plural("items", n, "ar") for n in (0, 1, 2, 3, 11, 100)]
    ['لا فقرات', 'فقرة واحدة', 'فقرتان', '3 فقرات', '11 فقرةً', '100 فقرة']

    :raises KeyError: no plural message has that key.
    :raises LocaleError: ``lang`` is malformed or unknown to CLDR.
    """
    try:
        context, singular, plural_form = PLURALS[key]
    except KeyError:
        raise KeyError(f"no plural message {key!r}; known: {', '.join(sorted(PLURALS))}") from None
    translations = translator(lang)
    if context is None:
        text = translations.ngettext(singular, plural_form, n)
    else:
        text = translations.npgettext(context, singular, plural_form, n)
    return render_template(text, {"n": format_number(n, lang or "en")})
