"""MkDocs adapter: phone numbers in page text become tappable tel: links (tools/text.py)."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools.text import link_phone_numbers  # noqa: E402


def on_page_content(html, page, config, files):
    return link_phone_numbers(html)
