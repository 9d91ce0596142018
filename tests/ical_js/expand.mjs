// Reads a calendar with Mozilla's ical.js (as Thunderbird does) and prints, as JSON, what it
// finds: the UTC start and end of every occurrence of every event, and, for each VTIMEZONE,
// the UTC offset it gives the local times asked for. Used by tests/test_ical_interop.py.
//
//   node expand.mjs CALENDAR.ics [WALL_TIMES.json] [LAST_YEAR]
//
// WALL_TIMES.json maps a TZID to local times ("2025-07-04T14:00:00"); LAST_YEAR (default
// 2037) ends the expansion of a rule without an end.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const [calendarPath, wallTimesPath, lastYearText] = process.argv.slice(2);
const lastYear = Number(lastYearText || 2037);
const calendar = new ICAL.Component(ICAL.parse(readFileSync(calendarPath, "utf8")));

const masters = new Map();
const overrides = [];
for (const component of calendar.getAllSubcomponents("vevent")) {
  const event = new ICAL.Event(component);
  if (event.isRecurrenceException()) {
    overrides.push(event);
  } else {
    masters.set(event.uid, event);
  }
}
for (const override of overrides) {
  masters.get(override.uid).relateException(override);
}

const occurrences = [];
for (const event of masters.values()) {
  if (!event.isRecurring()) {
    occurrences.push({
      uid: event.uid,
      start: event.startDate.toUnixTime(),
      end: event.endDate.toUnixTime(),
    });
    continue;
  }
  const iterator = event.iterator();
  for (let next = iterator.next(); next && next.year <= lastYear; next = iterator.next()) {
    const details = event.getOccurrenceDetails(next);
    if (details.item.component.getFirstPropertyValue("status") === "CANCELLED") {
      continue;
    }
    occurrences.push({
      uid: event.uid,
      start: details.startDate.toUnixTime(),
      end: details.endDate.toUnixTime(),
    });
  }
}

const offsets = {};
if (wallTimesPath) {
  const wanted = JSON.parse(readFileSync(wallTimesPath, "utf8"));
  for (const [tzid, wallTimes] of Object.entries(wanted)) {
    const zone = calendar.getTimeZoneByID(tzid);
    offsets[tzid] = wallTimes.map((text) => {
      const time = ICAL.Time.fromDateTimeString(text);
      time.zone = zone;
      return zone.utcOffset(time);
    });
  }
}

process.stdout.write(JSON.stringify({ version: ICAL.version ?? null, occurrences, offsets }));
