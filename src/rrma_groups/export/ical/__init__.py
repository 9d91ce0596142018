"""iCalendar (RFC 5545) out and in: meetings and their agendas for calendar applications.

>>> import datetime as dt
>>> from rrma_groups import examples
>>> group = examples.groupe_pays_maroc()
>>> data = to_ical(group, "fr", stamp=dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
>>> data.count(b"BEGIN:VEVENT"), data.count(b"BEGIN:VTIMEZONE")
(1, 1)
>>> b"UID:limoges-2016@gpmar.rrma-groups" in data
True
>>> imported = from_ical(data)
>>> meeting = imported.meetings[0]
>>> meeting.id, meeting.starts_at.isoformat()
('limoges-2016', '2016-11-04T14:00:00+01:00')

A series of meetings is one repeating event, and one more event per moved occurrence:

>>> from rrma_groups import Series
>>> quarterly = Series.model_validate({
...     "id": "gpmar-trimestre",
...     "title": {"fr": "Réunion trimestrielle du Groupe Pays Maroc"},
...     "recurrence": "FREQ=MONTHLY;INTERVAL=3;BYDAY=1FR;UNTIL=20171231",
...     "first_date": "2017-01-06",
...     "time": "14h00 - 17h30",
...     "exceptions": ["2017-04-07"],
...     "moved": [{"date": "2017-07-07", "to": "2017-07-10"}],
... })
>>> data = to_ical(quarterly, "fr", group=group, stamp=dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
>>> events = data.decode().split("BEGIN:VEVENT")[1:]  # after the VTIMEZONE
>>> for line in "".join(events).splitlines():
...     if line.startswith(("UID", "DTSTART;", "RRULE", "EXDATE", "RECURRENCE-ID")):
...         print(line)
DTSTART;TZID=Europe/Paris:20170106T140000
UID:gpmar-trimestre@gpmar.rrma-groups
RRULE:FREQ=MONTHLY;UNTIL=20171231T130000Z;INTERVAL=3;BYDAY=1FR
EXDATE;TZID=Europe/Paris:20170407T140000
DTSTART;TZID=Europe/Paris:20170710T140000
UID:gpmar-trimestre@gpmar.rrma-groups
RECURRENCE-ID;TZID=Europe/Paris:20170707T140000
>>> from_ical(data).series == (quarterly,)
True

:func:`to_ical` writes a calendar (:mod:`.writer`) and :func:`from_ical` reads one
(:mod:`.reader`, from the lines :mod:`.scanner` checks and each event :mod:`.events` reads).
Why calendars are written and read as they are (UIDs, times and VTIMEZONEs, SEQUENCE, status,
series, what comes back from other applications) is explained in the documentation:
``docs/en/explanation/calendars.md``.
"""

from .errors import IcalError
from .reader import ImportedCalendar, from_ical
from .uids import item_uids, meeting_uid, series_uid
from .writer import to_ical

__all__ = [
    "IcalError",
    "ImportedCalendar",
    "from_ical",
    "item_uids",
    "meeting_uid",
    "series_uid",
    "to_ical",
]
