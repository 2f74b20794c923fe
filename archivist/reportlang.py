"""The quality report in its reader's language and clock: labels, Vietnamese local time, and archivist's
fixed one-line reasons (failures, page and batch warnings) in Vietnamese.

The report is read by commune archivists: a time in UTC or a reason in English on the Vietnamese page is
a puzzle to them. Every label is ``key -> [Vietnamese, English]`` (data/report/labels.json); a reason is
translated by the first pattern of data/report/reasons.json that matches it whole, the parts that vary
(a path, a size, a library's own message) carried over as they are. A reason no pattern knows stays in
English in both languages rather than being half translated.

Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed offset is exact; it also needs no
time-zone database, which a Python on Windows lacks unless the tzdata package is installed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from functools import cache
from html import escape
from importlib.resources import files

VIETNAM_TIME = timezone(timedelta(hours=7), "ICT")


def asset(name: str) -> str:
    """A file of the report (CSS, JavaScript, labels) shipped in the package's data/report folder."""
    return (files("archivist") / "data" / "report" / name).read_text(encoding="utf-8")


@cache
def labels() -> dict[str, list[str]]:
    """Every label of the page as ``key -> [Vietnamese, English]`` (data/report/labels.json)."""
    return json.loads(asset("labels.json"))


def label_html(key: str, tag: str = "span", attrs: str = "") -> str:
    """A label in Vietnamese, marked so the language toggle can swap it."""
    return f'<{tag} data-l="{key}"{attrs}>{escape(labels()[key][0])}</{tag}>'


@cache
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    table = json.loads(asset("reasons.json"))["reasons"]
    return [(re.compile(en, re.S), vi) for en, vi in table]


@cache
def _advice() -> dict[str, str]:
    return dict(json.loads(asset("reasons.json"))["advice"])


def vietnamese(reason: str) -> str:
    """``reason`` in Vietnamese when it is one of archivist's fixed reasons, else ``reason`` itself. A reason
    ending in what to do (``…; save it again from the scanner software, …``) is translated in its two parts,
    so one advice line serves every reason it ends."""
    head, sep, tail = reason.rpartition("; ")
    if sep and tail in _advice():
        vi_head = vietnamese(head)
        return f"{vi_head}; {_advice()[tail]}" if vi_head != head else reason
    for pattern, vi in _patterns():
        m = pattern.fullmatch(reason)
        if m:
            return m.expand(vi)
    return reason


def warning_vietnamese(line: str) -> str:
    """A batch warning (report.json's ``warnings``, each line as the CLI prints it) in Vietnamese: the whole line
    when a pattern knows it (``1 document already done was filed in fonds …``), else the reason after its
    ``path: `` with the path kept as it is (``in/b.jpg: the same scan as …``); unknown, the line itself."""
    whole = vietnamese(line)
    if whole != line:
        return whole
    where, sep, reason = line.partition(": ")
    said = vietnamese(reason) if sep else reason
    return f"{where}: {said}" if said != reason else line


def bilingual_html(english: str, tag: str = "span", attrs: str = "",
                   translate: Callable[[str], str] = vietnamese) -> str:
    """Free text in both languages: shown in Vietnamese (``translate``), the English kept for the toggle
    (``data-en``)."""
    vi = translate(english)
    return f'<{tag} data-vi="{escape(vi)}" data-en="{escape(english)}"{attrs}>{escape(vi)}</{tag}>'


def local_time(moment: datetime | str) -> datetime | None:
    """A moment (aware datetime, or ISO text such as report.json's ``2026-11-23T07:05:09Z``) in Vietnam time."""
    if isinstance(moment, str):
        try:
            moment = datetime.fromisoformat(moment.replace("Z", "+00:00"))
        except ValueError:
            return None
    if moment.tzinfo is None:  # archivist writes UTC; a naive time can only be that
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(VIETNAM_TIME)


def time_html(moment: datetime | str) -> str:
    """``2026-11-23 14:05:09 (giờ Việt Nam, UTC+7)`` with a machine-readable ``<time>``; text it cannot
    read as a time is shown as it is."""
    local = local_time(moment)
    if local is None:
        return escape(str(moment))
    return (f'<time datetime="{local.isoformat()}">{local.strftime("%Y-%m-%d %H:%M:%S")}</time> '
            f"({label_html('vietnam_time')})")
