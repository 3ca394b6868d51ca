#!/usr/bin/env python3
"""Checks an .ics file strictly and prints its VEVENT as JSON (for the tests).

RFC 5545 framing (CRLF only, lines at most 75 octets, continuation lines start with a space) is checked by hand;
the content is parsed by python3-icalendar, and the VTIMEZONE by dateutil's tzical, which maps DTSTART to UTC
with the calendar's own rules (not the machine's time zone database).
Usage: check_ics.py FILE   -> {"method", "uid", "sequence", "status", "summary", "location", "description", "url", "dtstartRaw",
                               "startUtc", "endUtc", "tzid"}
"""
import io
import json
import sys

from dateutil import tz
from icalendar import Calendar


def fail(message):
    print(json.dumps({"error": message}))
    sys.exit(1)


def main():
    data = open(sys.argv[1], "rb").read()
    if not data.endswith(b"\r\n"):
        fail("does not end with CRLF")
    for number, line in enumerate(data.split(b"\r\n")[:-1], 1):
        if b"\n" in line or b"\r" in line:
            fail(f"line {number}: bare CR or LF")
        if len(line) > 75:
            fail(f"line {number}: {len(line)} octets")
        line.decode("utf-8")
    unfolded = data.replace(b"\r\n ", b"").replace(b"\r\n\t", b"")
    cal = Calendar.from_ical(data)
    if cal.errors:
        fail(f"calendar errors: {cal.errors}")
    if str(cal.get("VERSION")) != "2.0" or not cal.get("PRODID"):
        fail("VERSION:2.0 and PRODID are required")
    events = [c for c in cal.walk("VEVENT")]
    if len(events) != 1:
        fail(f"{len(events)} VEVENTs")
    event = events[0]
    for component in cal.walk():
        if getattr(component, "errors", None):
            fail(f"{component.name} errors: {component.errors}")
    for required in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SEQUENCE", "STATUS", "SUMMARY"):
        if required not in event:
            fail(f"VEVENT without {required}")
    if not str(event.decoded("DTSTAMP").tzinfo) in ("UTC", "tzutc()") and event.decoded("DTSTAMP").utcoffset() is None:
        fail("DTSTAMP is not UTC")

    timezones = tz.tzical(io.StringIO(unfolded.decode("utf-8").replace("\r\n", "\n")))
    tzid = event["DTSTART"].params.get("TZID")
    zone = timezones.get(tzid)
    if zone is None:
        fail(f"no VTIMEZONE for {tzid}")
    start = event.decoded("DTSTART").replace(tzinfo=zone)
    end = event.decoded("DTEND").replace(tzinfo=zone)
    lines = unfolded.decode("utf-8").split("\r\n")
    raw = next(l for l in lines[lines.index("BEGIN:VEVENT"):] if l.startswith("DTSTART"))
    print(json.dumps({
        "method": str(cal.get("METHOD")),
        "uid": str(event.get("UID")),
        "sequence": int(event.get("SEQUENCE")),
        "status": str(event.get("STATUS")),
        "summary": str(event.get("SUMMARY")),
        "location": str(event.get("LOCATION", "")),
        "description": str(event.get("DESCRIPTION", "")),
        "url": str(event.get("URL", "")),
        "dtstartRaw": raw,
        "tzid": tzid,
        "startUtc": start.astimezone(tz.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "endUtc": end.astimezone(tz.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
