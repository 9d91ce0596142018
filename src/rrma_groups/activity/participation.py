"""A meeting's participants: who they are, and the counts funders ask for.

:func:`participants` resolves a meeting's registrations against the group, and
:func:`participation` counts participants and organisations by kind. The sign-in sheet that
participants sign is made from them: :func:`rrma_groups.render.sign_in_sheet.sign_in_sheet` (an
HTML page) and :func:`rrma_groups.export.pdf.sign_in_sheet_pdf` (a PDF).

>>> from rrma_groups.examples import groupe_pays_maroc
>>> group = groupe_pays_maroc()
>>> counts = participation(group, group.meeting("limoges-2016"))
>>> counts.registered, counts.present, counts.excused, counts.organisations
(8, 3, 1, 3)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from ..model import ActorKind, CountryGroup, LocalisedText, Meeting
from ..model.participants import Attendance, ParticipationMode, Registration
from .directory import sort_key

__all__ = ["Participant", "Participation", "participants", "participation"]


@dataclass(frozen=True, slots=True)
class Participant:
    """A registration with its person and organisation looked up in the group."""

    registration: Registration
    name: str
    organisation: LocalisedText | None
    """The organisation's name (the actor's, on the meeting's day, or as given)."""
    organisation_key: str | None
    """The actor id, or ``name:`` and the given name folded: what counts an organisation once."""
    kind: ActorKind | None
    """The organisation's kind, when known."""
    fictional: bool
    """The person or the organisation is a made-up sample."""

    @property
    def attendance(self) -> Attendance | None:
        return self.registration.attendance


def participants(group: CountryGroup, meeting: Meeting) -> tuple[Participant, ...]:
    """The meeting's registrations, resolved against the group, in file order."""
    actors = {a.id: a for a in (group.network, *group.actors)}
    persons = {p.id: p for p in group.persons}
    out = []
    for entry in meeting.participants:
        person = persons.get(entry.person) if entry.person is not None else None
        name = person.name if person is not None else (entry.name or entry.person or "")
        organisation_id = entry.organisation
        if organisation_id is None and entry.organisation_name is None and person is not None:
            organisation_id = person.affiliation
        actor = actors.get(organisation_id) if organisation_id is not None else None
        organisation: LocalisedText | None
        kind: ActorKind | None
        if actor is not None:
            organisation, key, kind = actor.name_on(meeting.date), actor.id, actor.kind
        elif entry.organisation_name is not None:
            organisation = entry.organisation_name
            key = "name:" + sort_key(entry.organisation_name.get())
            kind = entry.organisation_kind
        else:
            organisation, key, kind = None, None, None
        out.append(
            Participant(
                registration=entry,
                name=name,
                organisation=organisation,
                organisation_key=key,
                kind=kind,
                fictional=entry.fictional or (actor is not None and actor.fictional),
            )
        )
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Participation:
    """How many took part in a meeting, and from which kinds of organisation.

    ``participants_by_kind`` and ``organisations_by_kind`` count those present (``None``: a
    kind that is not known); an organisation counts once however many people it sent.
    """

    registered: int
    present: int
    excused: int
    absent: int
    unrecorded: int
    """Registrations whose attendance was not recorded (yet)."""
    online: int
    """Registered to take part online."""
    organisations: int
    """Distinct organisations of those present."""
    participants_by_kind: Mapping[ActorKind | None, int]
    organisations_by_kind: Mapping[ActorKind | None, int]
    fictional: int
    """Registrations that are, or come from, made-up samples."""


def participation(group: CountryGroup, meeting: Meeting) -> Participation:
    """Count a meeting's participants by attendance, and those present by kind."""
    found = participants(group, meeting)
    attendance = Counter(p.attendance for p in found)
    present = [p for p in found if p.attendance is Attendance.PRESENT]
    kinds_of: dict[str, ActorKind | None] = {}
    for p in present:
        if p.organisation_key is not None:
            kinds_of.setdefault(p.organisation_key, p.kind)
    return Participation(
        registered=len(found),
        present=attendance[Attendance.PRESENT],
        excused=attendance[Attendance.EXCUSED],
        absent=attendance[Attendance.ABSENT],
        unrecorded=attendance[None],
        online=sum(p.registration.mode is ParticipationMode.ONLINE for p in found),
        organisations=len(kinds_of),
        participants_by_kind=dict(Counter(p.kind for p in present)),
        organisations_by_kind=dict(Counter(kinds_of.values())),
        fictional=sum(p.fictional for p in found),
    )
