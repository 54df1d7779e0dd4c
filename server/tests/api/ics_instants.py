"""Reads an iCalendar file on stdin with the `icalendar` package (an independent parser) and
prints, as JSON, what a calendar app would take from it: the calendar's properties and, per
event, its start and end as dates or UTC instants. Each timed instant is worked out twice: by
the parser's own zone handling, and by the file's VTIMEZONE alone (so the rules we write are
checked, not only the zone's name)."""

import datetime
import json
import re
import sys

import icalendar

UTC = datetime.timezone.utc


def instant(value):
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def by_vtimezone_alone(text):
    """The file with every zone renamed to a name no zone database knows: a reader can then
    only go by the VTIMEZONE's own rules. Events by UID, with their start and end instants."""
    names = re.findall(r"^TZID:(.*?)\r?$", text, flags=re.M)
    for number, name in enumerate(names):
        text = text.replace(f"TZID:{name}\r\n", f"TZID:X-Only-The-Rules-{number}\r\n")
        text = text.replace(f"TZID={name}:", f"TZID=X-Only-The-Rules-{number}:")
    calendar = icalendar.Calendar.from_ical(text)
    zones = {str(zone["TZID"]): zone.to_tz() for zone in calendar.walk("VTIMEZONE")}
    instants = {}
    for event in calendar.walk("VEVENT"):
        for name in ("DTSTART", "DTEND"):
            prop = event.get(name)
            tzid = prop.params.get("TZID") if prop is not None else None
            if tzid is not None:
                wall = prop.dt.replace(tzinfo=None)
                instants[(str(event["UID"]), name)] = instant(wall.replace(tzinfo=zones[str(tzid)]))
    return instants


def main():
    text = sys.stdin.buffer.read().decode("utf-8")
    calendar = icalendar.Calendar.from_ical(text)
    zones = {str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")}
    by_rules = by_vtimezone_alone(text)
    out = {
        "name": str(calendar.get("NAME", "")),
        "x_wr_calname": str(calendar.get("X-WR-CALNAME", "")),
        "refresh_interval": calendar["REFRESH-INTERVAL"].to_ical().decode()
        if "REFRESH-INTERVAL" in calendar
        else None,
        "zones": sorted(zones),
        "events": [],
    }
    for event in calendar.walk("VEVENT"):
        item = {
            "uid": str(event["UID"]),
            "summary": str(event.get("SUMMARY", "")),
            "location": str(event.get("LOCATION", "")),
            "description": str(event.get("DESCRIPTION", "")),
            "sequence": int(event.get("SEQUENCE", 0)),
            "dtstamp": instant(event.decoded("DTSTAMP")),
            "last_modified": instant(event.decoded("LAST-MODIFIED")),
        }
        for name in ("DTSTART", "DTEND"):
            if name not in event:
                continue
            prop = event[name]
            value = prop.dt
            key = name.lower()
            if isinstance(value, datetime.datetime):
                item[key] = instant(value)
                if prop.params.get("TZID") is not None:
                    item[key + "_by_vtimezone"] = by_rules[(item["uid"], name)]
            else:
                item[key] = value.isoformat()
        out["events"].append(item)
    json.dump(out, sys.stdout, indent=1)


main()
