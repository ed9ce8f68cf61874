"""The build's day: today, or the day of SOURCE_DATE_EPOCH when it is set.

MkDocs reads SOURCE_DATE_EPOCH for the sitemap too (reproducible builds). The tests set it once per
session, so two builds of one test session give the same pages even when midnight falls between them.
"""

from __future__ import annotations

import datetime as dt
import os


def today() -> dt.date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()
