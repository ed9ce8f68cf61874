"""tools/core/clock.py: the build's day follows SOURCE_DATE_EPOCH, so builds in one test session agree."""

from __future__ import annotations

import datetime as dt

from tools.core import clock


def test_the_build_day_is_the_day_of_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2026, 12, 1, 23, 59, tzinfo=dt.UTC).timestamp())))
    assert clock.today() == dt.date(2026, 12, 1)


def test_without_source_date_epoch_it_is_today(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert clock.today() == dt.date.today()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "not a number")
    assert clock.today() == dt.date.today()
