"""MkDocs adapter: phone numbers in page text become tappable tel: links (tools/core/text.py)."""
from __future__ import annotations

from pathlib import Path

from tools.core.text import link_phone_numbers

ROOT = Path(__file__).resolve().parent.parent


def on_page_content(html, page, config, files):
    return link_phone_numbers(html)
