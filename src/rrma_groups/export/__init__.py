"""Exports to other tools: iCalendar (:mod:`.ical`), JSON-LD (:mod:`.jsonld`), PDF (:mod:`.pdf`)."""
