"""PDF of each edition: Chromium prints the home page and every topic's print view, in order,
and pypdf joins them into one file.

Run after ``handbook build`` (the deploy workflow does both from the same build, so the PDF
never lags the site). Needs Playwright's Python package and a Chromium: Debian's
``/usr/bin/chromium`` by default, or ``HANDBOOK_CHROMIUM``.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from .localsite import chromium, serve

EDITIONS = (("", "zh"), ("en/", "en"))
MARGINS = {"top": "15mm", "bottom": "15mm", "left": "12mm", "right": "12mm"}


def topic_urls(site: Path, edition: str) -> list[str]:
    """Print views of the edition's topics, in the home page's order."""
    home = (site / edition / "index.html").read_text(encoding="utf-8")
    keys = []
    for key in re.findall(r'<td><a href="([a-z0-9-]+)/"', home):
        if key not in keys and (site / edition / key / "print" / "index.html").exists():
            keys.append(key)
    return [f"{edition}{key}/print/" for key in keys]


def write_pdfs(site: Path, name: str = "llm-interview-handbook") -> list[Path]:
    """``site/downloads/<name>-zh.pdf`` and ``site/en/downloads/<name>-en.pdf``."""
    from pypdf import PdfWriter

    written = []
    with serve(site) as base, chromium() as browser:
        page = browser.new_page()
        page.emulate_media(media="print")
        for edition, lang in EDITIONS:
            if not (site / edition / "index.html").exists():
                continue
            merged = PdfWriter()
            for url in [edition, *topic_urls(site, edition)]:
                page.goto(base + url, wait_until="networkidle", timeout=120_000)
                merged.append(io.BytesIO(page.pdf(format="A4", print_background=True, margin=MARGINS)))
            target = site / edition / "downloads" / f"{name}-{lang}.pdf"
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("wb") as out:
                merged.write(out)
            written.append(target)
    return written
