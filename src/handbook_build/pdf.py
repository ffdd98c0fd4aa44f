"""PDF of each edition: Chromium prints the built site's all-topics print page.

Run after ``handbook build`` (the deploy workflow does both from the same build, so the PDF
never lags the site). Needs Playwright's Python package and a Chromium: Debian's
``/usr/bin/chromium`` by default, or ``HANDBOOK_CHROMIUM``.
"""

from __future__ import annotations

import functools
import os
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


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def write_pdfs(site: Path, name: str = "llm-interview-handbook") -> list[Path]:
    """``site/downloads/<name>-zh.pdf`` and ``site/en/downloads/<name>-en.pdf``."""
    from playwright.sync_api import sync_playwright

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
            for edition, lang in EDITIONS:
                if not (site / edition / "print" / "index.html").exists():
                    continue
                page.goto(f"{base}{edition}print/", wait_until="networkidle", timeout=120_000)
                page.emulate_media(media="print")
                target = site / edition / "downloads" / f"{name}-{lang}.pdf"
                target.parent.mkdir(parents=True, exist_ok=True)
                page.pdf(
                    path=str(target),
                    format="A4",
                    print_background=True,
                    margin={"top": "15mm", "bottom": "15mm", "left": "12mm", "right": "12mm"},
                )
                written.append(target)
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return written
