"""Times in the store: aware UTC datetimes, saved as ISO 8601 text that sorts as it reads."""
from __future__ import annotations

from datetime import date, datetime, time, timezone


def utc_now() -> datetime:
    """Now, in UTC."""
    return datetime.now(timezone.utc)


def to_text(when: datetime) -> str:
    """`2025-03-10T09:15:02.125+00:00` (UTC, milliseconds)."""
    if when.tzinfo is None:
        when = when.astimezone()
    return when.astimezone(timezone.utc).isoformat(timespec="milliseconds")


def from_text(text: str) -> datetime:
    """The datetime saved by `to_text`."""
    return datetime.fromisoformat(text)


def since_text(since: date | datetime | str | None) -> str | None:
    """A lower bound for `started` as stored text. A date (or `YYYY-MM-DD`) means midnight of
    that day on this computer's clock; a naive datetime is local time too. ValueError if a
    string is neither a date nor a date-time."""
    if since is None:
        return None
    if isinstance(since, str):
        text = since.strip()
        try:
            since = datetime.fromisoformat(text) if "T" in text or " " in text else \
                date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"{text!r} is not a date: write it as YYYY-MM-DD "
                             f"(or YYYY-MM-DDTHH:MM)") from None
    if not isinstance(since, datetime):
        since = datetime.combine(since, time())
    return to_text(since)
