"""Writing calendar events to .ics, read back with icalendar and with a
small reading of RFC 5545 of our own (no second calendar library is
installed), so the file is checked against the format, not only against
the library that wrote it."""

from __future__ import annotations

import io
import os
import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from erpdesk.domain.calendar import CalendarEvent, EventStatus
from erpdesk.services import ics
from erpdesk.services.ics import UID_DOMAIN, CalendarExportError, write_ics

SHANGHAI = ZoneInfo("Asia/Shanghai")
# RFC 5545 3.3.11: the escapes of a TEXT value
ESCAPES = {"\\\\": "\\", "\\;": ";", "\\,": ",", "\\n": "\n", "\\N": "\n"}
TRICKY = 'a,b;c\\d\nsecond line "quoted" 客户，拜访；备注 😀'


def visit(**changes) -> CalendarEvent:
    fields = {
        "uid": "visit-42",
        "title": "拜访 华东精密机械",
        "starts_at": datetime(2025, 3, 10, 9, 30, tzinfo=SHANGHAI),
        "ends_at": datetime(2025, 3, 10, 11, 0, tzinfo=SHANGHAI),
        "location": "上海市浦东新区张江路 88 号",
        "description": "带上报价单",
        "url": "https://example.com/deals/42?tab=next",
        "categories": ("拜访", "Deal D-42"),
        "alarm_minutes_before": 15,
        "organizer": "王伟",
        "attendees": ("李娜", "张强"),
        "status": EventStatus.TENTATIVE,
    }
    fields.update(changes)
    return CalendarEvent(**fields)


def write(tmp_path, events, *, name="我的拜访", language="zh_CN"):
    path = tmp_path / "visits.ics"
    assert write_ics(events, path, calendar_name=name, language=language) == len(events)
    return path.read_bytes()


def parsed_events(data: bytes):
    return Calendar.from_ical(data).walk("VEVENT")


def unfolded_lines(data: bytes) -> list[str]:
    """RFC 5545 3.1: lines end in CRLF; a line starting with a space
    continues the one before."""
    text = data.decode("utf-8")
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    return text.replace("\r\n ", "").removesuffix("\r\n").split("\r\n")


def raw_property(data: bytes, name: str) -> tuple[str, str]:
    """(parameters, value) of the first *name* line, value unescaped per
    RFC 5545 3.3.11."""
    for line in unfolded_lines(data):
        match = re.match(rf"{name}([;][^:]*)?:(.*)$", line)
        if match:
            value = re.sub(r"\\[\\;,nN]", lambda m: ESCAPES[m.group()], match.group(2))
            return match.group(1) or "", value
    raise AssertionError(f"no {name} line")


def test_every_field_round_trips(tmp_path):
    before = datetime.now(UTC).replace(microsecond=0)
    data = write(tmp_path, [visit()])
    calendar = Calendar.from_ical(data)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]).startswith("-//ERPDesk//ERPDesk ")
    assert str(calendar["PRODID"]).endswith("//ZH")
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert str(calendar["X-WR-CALNAME"]) == "我的拜访"
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]) == f"visit-42@{UID_DOMAIN}"
    stamp = event.decoded("DTSTAMP")
    assert stamp.utcoffset() == timedelta(0)
    assert before <= stamp <= datetime.now(UTC)
    assert event.decoded("DTSTART") == datetime(2025, 3, 10, 1, 30, tzinfo=UTC)
    assert event.decoded("DTEND") == datetime(2025, 3, 10, 3, 0, tzinfo=UTC)
    assert str(event["SUMMARY"]) == "拜访 华东精密机械"
    assert event["SUMMARY"].params["LANGUAGE"] == "zh-CN"
    assert str(event["LOCATION"]) == "上海市浦东新区张江路 88 号"
    assert str(event["DESCRIPTION"]) == "带上报价单\n组织者：王伟\n参加人：李娜、张强"
    assert str(event["URL"]) == "https://example.com/deals/42?tab=next"
    assert [str(c) for c in event["CATEGORIES"].cats] == ["拜访", "Deal D-42"]
    assert str(event["STATUS"]) == "TENTATIVE"
    (alarm,) = event.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert alarm.decoded("TRIGGER") == timedelta(minutes=-15)
    assert str(alarm["DESCRIPTION"]) == "拜访 华东精密机械"
    # what a calendar needs no ORGANIZER/ATTENDEE for: no meeting invitation
    assert "ORGANIZER" not in event and "ATTENDEE" not in event


def test_a_bare_event_has_only_what_it_was_given(tmp_path):
    bare = CalendarEvent(
        uid="task-7", title="Call back", starts_at=datetime(2025, 3, 10, 8, tzinfo=UTC)
    )
    (event,) = parsed_events(write(tmp_path, [bare], language="en"))
    for absent in ("DTEND", "LOCATION", "DESCRIPTION", "URL", "CATEGORIES"):
        assert absent not in event
    assert event.walk("VALARM") == []
    assert str(event["STATUS"]) == "CONFIRMED"


def test_english_file_labels_and_language(tmp_path):
    data = write(tmp_path, [visit(description="")], language="en")
    (event,) = parsed_events(data)
    assert str(event["DESCRIPTION"]) == "Organizer: 王伟\nAttendees: 李娜, 张强"
    assert event["SUMMARY"].params["LANGUAGE"] == "en"
    assert str(Calendar.from_ical(data)["PRODID"]).endswith("//EN")


def test_texts_needing_escaping_are_escaped_by_the_library(tmp_path):
    event = visit(
        title=TRICKY,
        location=TRICKY,
        description=TRICKY,
        organizer=None,
        attendees=(),
        categories=("a,b", "c;d"),
    )
    data = write(tmp_path, [event])
    text = data.decode("utf-8").replace("\r\n ", "")
    assert r"a\,b\;c\\d\nsecond line" in text
    (back,) = parsed_events(data)
    for name in ("SUMMARY", "LOCATION", "DESCRIPTION"):
        assert str(back[name]) == TRICKY
        assert raw_property(data, name)[1] == TRICKY
    assert [str(c) for c in back["CATEGORIES"].cats] == ["a,b", "c;d"]


def test_carriage_returns_and_control_characters_do_not_break_the_file(tmp_path):
    event = visit(description="one\r\ntwo\rthree\x00\x07\tend", organizer=None, attendees=())
    data = write(tmp_path, [event])
    (back,) = parsed_events(data)
    assert str(back["DESCRIPTION"]) == "one\ntwo\nthree\tend"


def test_long_lines_are_folded_at_75_octets_between_characters(tmp_path):
    long = "需求调研：财务、供应链、生产模块 😀 " * 20 + "x" * 200
    data = write(tmp_path, [visit(description=long, organizer=None, attendees=())])
    physical = data.split(b"\r\n")
    assert max(len(line) for line in physical) <= 75
    assert sum(line.startswith(b" ") for line in physical) > 10  # it did fold
    for line in physical:
        line.decode("utf-8")  # no character cut in two
    assert raw_property(data, "DESCRIPTION")[1] == long
    (back,) = parsed_events(data)
    assert str(back["DESCRIPTION"]) == long


def test_all_day_events_are_dates_with_the_exclusive_end(tmp_path):
    one = CalendarEvent(uid="survey-1", title="需求调研", day=date(2025, 3, 10))
    span = CalendarEvent(
        uid="survey-2", title="需求调研", day=date(2025, 3, 28), last_day=date(2025, 4, 1)
    )
    data = write(tmp_path, [one, span])
    lines = unfolded_lines(data)
    assert "DTSTART;VALUE=DATE:20250310" in lines
    assert "DTEND;VALUE=DATE:20250311" in lines
    assert "DTSTART;VALUE=DATE:20250328" in lines
    assert "DTEND;VALUE=DATE:20250402" in lines
    first, second = parsed_events(data)
    assert first.decoded("DTSTART") == date(2025, 3, 10)
    assert type(first.decoded("DTEND")) is date
    assert second.decoded("DTEND") - second.decoded("DTSTART") == timedelta(days=5)


def test_times_are_written_in_utc_whatever_zone_they_come_in(tmp_path):
    local = visit()
    utc = visit(
        starts_at=datetime(2025, 3, 10, 1, 30, tzinfo=UTC),
        ends_at=datetime(2025, 3, 10, 3, 0, tzinfo=UTC),
    )
    other = visit(
        starts_at=datetime(2025, 3, 9, 21, 30, tzinfo=ZoneInfo("America/New_York")),
        ends_at=datetime(2025, 3, 9, 23, 0, tzinfo=ZoneInfo("America/New_York")),
    )
    data = write(tmp_path, [local, utc, other])
    lines = unfolded_lines(data)
    assert lines.count("DTSTART:20250310T013000Z") == 3
    assert lines.count("DTEND:20250310T030000Z") == 3
    assert b"TZID" not in data and b"VTIMEZONE" not in data
    for event in parsed_events(data):
        assert event.decoded("DTSTART") == local.starts_at


def test_uids_are_stable_across_exports(tmp_path, monkeypatch):
    events = [
        visit(),
        visit(uid="demo-9"),
        CalendarEvent(uid="task-3", title="t", day=date(2025, 1, 2)),
    ]
    first = write(tmp_path, events)
    later = datetime(2031, 1, 1, tzinfo=UTC)

    class Later(datetime):
        @classmethod
        def now(cls, tz=None):
            return later

    monkeypatch.setattr(ics, "datetime", Later)
    second = write(tmp_path, events)
    uids = [str(e["UID"]) for e in parsed_events(first)]
    assert uids == [f"visit-42@{UID_DOMAIN}", f"demo-9@{UID_DOMAIN}", f"task-3@{UID_DOMAIN}"]
    assert [str(e["UID"]) for e in parsed_events(second)] == uids
    # only the stamp of the export differs
    differ = [
        (a, b) for a, b in zip(unfolded_lines(first), unfolded_lines(second), strict=True) if a != b
    ]
    assert differ and all(b == "DTSTAMP:20310101T000000Z" for _a, b in differ)


@pytest.mark.parametrize(
    "wrong",
    [
        visit(ends_at=datetime(2025, 3, 10, 9, 29, tzinfo=SHANGHAI)),
        CalendarEvent(
            uid="s", title="拜访 华东精密机械", day=date(2025, 3, 10), last_day=date(2025, 3, 9)
        ),
    ],
)
def test_an_event_ending_before_it_starts_is_refused_and_nothing_written(tmp_path, wrong):
    path = tmp_path / "visits.ics"
    path.write_bytes(b"the old calendar")
    stream = io.BytesIO()
    with pytest.raises(CalendarExportError) as caught:
        write_ics([visit(uid="ok"), wrong], path, calendar_name="c")
    with pytest.raises(CalendarExportError):
        write_ics([visit(uid="ok"), wrong], stream, calendar_name="c")
    assert stream.getvalue() == b""
    assert path.read_bytes() == b"the old calendar"
    assert os.listdir(tmp_path) == ["visits.ics"]
    error = caught.value
    assert "拜访 华东精密机械" in str(error) and "ends before it starts" in str(error)
    assert error.context == "Domain"
    # translatable: the text is the marked English source, filled after translation
    assert error.text == ics.ENDS_BEFORE_START
    chinese = error.render(lambda context, text: "日程“{title}”结束早于开始（{start} 至 {end}）")
    assert chinese.startswith("日程“拜访 华东精密机械”")


def test_an_event_ending_when_it_starts_is_a_moment(tmp_path):
    at = datetime(2025, 3, 10, 9, 30, tzinfo=SHANGHAI)
    (event,) = parsed_events(write(tmp_path, [visit(starts_at=at, ends_at=at)]))
    assert event.decoded("DTEND") == event.decoded("DTSTART")


def test_a_failed_write_leaves_the_target_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "visits.ics"
    path.write_bytes(b"the old calendar")

    def fail(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ics.os, "replace", fail)
    with pytest.raises(CalendarExportError, match="the disk is full"):
        write_ics([visit()], path, calendar_name="c")
    assert path.read_bytes() == b"the old calendar"
    assert os.listdir(tmp_path) == ["visits.ics"]


def test_a_folder_in_the_way_is_reported(tmp_path):
    (tmp_path / "visits.ics").mkdir()
    with pytest.raises(CalendarExportError, match="Cannot write the calendar"):
        write_ics([visit()], tmp_path / "visits.ics", calendar_name="c")
    assert os.listdir(tmp_path) == ["visits.ics"]


def test_a_successful_write_replaces_the_old_file(tmp_path):
    path = tmp_path / "visits.ics"
    path.write_bytes(b"the old calendar")
    write_ics([visit()], str(path), calendar_name="c")
    assert parsed_events(path.read_bytes())[0]["UID"] == f"visit-42@{UID_DOMAIN}"


def test_streams_get_the_same_bytes_and_text_streams_are_refused(tmp_path):
    stream = io.BytesIO()
    assert write_ics([visit(), visit(uid="b")], stream, calendar_name="c") == 2
    assert len(parsed_events(stream.getvalue())) == 2
    with pytest.raises(TypeError):
        write_ics([visit()], io.StringIO(), calendar_name="c")


def test_an_alarm_at_the_start(tmp_path):
    (event,) = parsed_events(write(tmp_path, [visit(alarm_minutes_before=0)]))
    assert event.walk("VALARM")[0].decoded("TRIGGER") == timedelta(0)


def test_cancelled_events_say_so(tmp_path):
    (event,) = parsed_events(write(tmp_path, [visit(status=EventStatus.CANCELLED)]))
    assert str(event["STATUS"]) == "CANCELLED"


@pytest.mark.parametrize(
    "changes",
    [
        {"uid": ""},
        {"uid": "two words"},
        {"starts_at": datetime(2025, 3, 10, 9, 30)},  # naive
        {"ends_at": datetime(2025, 3, 10, 11, 0)},  # naive
        {"day": date(2025, 3, 10)},  # both kinds
        {"starts_at": None, "ends_at": None},  # neither
        {"last_day": date(2025, 3, 11)},  # all-day end on a timed event
        {"alarm_minutes_before": -5},
        {"status": "CONFIRMED"},
    ],
)
def test_impossible_events_are_programming_errors(changes):
    with pytest.raises(ValueError):
        visit(**changes)


def test_all_day_events_take_dates_not_datetimes():
    with pytest.raises(ValueError):
        CalendarEvent(uid="a", title="t", day=datetime(2025, 3, 10, tzinfo=UTC))
    with pytest.raises(ValueError):
        CalendarEvent(
            uid="a", title="t", day=date(2025, 3, 10), ends_at=datetime(2025, 3, 10, tzinfo=UTC)
        )


def test_events_are_frozen_and_hashable():
    event = visit(categories=["a", "b"], attendees=["x"])
    assert event.categories == ("a", "b") and event.attendees == ("x",)
    assert hash(event) == hash(visit(categories=("a", "b"), attendees=("x",)))
    with pytest.raises(AttributeError):
        event.title = "other"  # type: ignore[misc]
