"""PDF of each edition: Chromium prints the home page and every topic's print view, in order,
and pypdf joins them into one file.

Run after ``handbook build`` (the deploy workflow does both from the same build, so the PDF
never lags the site). Needs Playwright's Python package and a Chromium: Debian's
``/usr/bin/chromium`` by default, or ``HANDBOOK_CHROMIUM``.
"""

from __future__ import annotations

import functools
import io
import os
import re
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
EDITIONS = (("", "zh"), ("en/", "en"))
MARGINS = {"top": "15mm", "bottom": "15mm", "left": "12mm", "right": "12mm"}


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


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
    from playwright.sync_api import sync_playwright
    from pypdf import PdfWriter

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    written = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=os.environ.get("HANDBOOK_CHROMIUM", "/usr/bin/chromium"), args=CHROMIUM_ARGS
            )
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
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return written
