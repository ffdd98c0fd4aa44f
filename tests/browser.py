"""Helpers for browser tests: serve a built site on localhost and drive Debian's Chromium."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from handbook_build.localsite import CHROMIUM, chromium, keep_local, serve  # noqa: F401 - re-exported for the tests


def require_browser() -> None:
    """Skip without Chromium locally; in CI (CI=true) a missing browser is a failure, never a skip."""
    available = Path(CHROMIUM).exists() or shutil.which(CHROMIUM)
    try:
        import playwright  # noqa: F401
    except ImportError:
        available = False
    if not available:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests must run in CI, but Chromium ({CHROMIUM}) or playwright is missing")
        pytest.skip(f"Chromium not found at {CHROMIUM}")


def offline_page(browser, base: str):
    """A page that may only talk to our local server (the CDN for MathJax is out of reach here)."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    keep_local(page, base)
    return page


def search(page, query: str) -> list[str]:
    """Type a query into Material's search box like a reader; return the result links' paths."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    page.keyboard.type(query, delay=20)
    page.keyboard.press("End")  # typing Han text inserts it without key events; a reader's IME sends keyup
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta');"
        " return m && !/初始化|Initializing|正在|Type to/.test(m.textContent) && m.textContent.trim().length > 0; }",
        timeout=10_000,
    )
    page.wait_for_load_state("networkidle")  # the first query fetches page text, then results update
    page.wait_for_timeout(150)
    hrefs = page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.getAttribute('href'))")
    return [href for href in hrefs]
