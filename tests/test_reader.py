"""Reader tools in headless Chromium: practice mode, progress, random question, print view, phones."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from browser import keep_local, require_browser
from conftest import TINY, build_editions

pytestmark = pytest.mark.browser

QUESTION_URLS = {"basics/position-basics/", "basics/forgetting/", "basics/attention-intro/", "advanced/rope-math/"}


@pytest.fixture()
def context(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    keep_local(context, site_url)
    yield context
    context.close()


def test_practice_mode_folds_answers_site_wide_and_is_remembered(context, site_url):
    page = context.new_page()
    page.goto(site_url + "basics/position-basics/")
    assert page.is_visible("text=注入顺序信息")
    page.click(".hb-practice-toggle")
    assert not page.is_visible("text=注入顺序信息")
    page.click(".hb-reveal")
    assert page.is_visible("text=注入顺序信息")
    page.goto(site_url + "basics/forgetting/")  # another page: folded again
    assert not page.is_visible("text=这叫灾难性遗忘")
    page.reload()
    assert page.inner_text(".hb-practice-toggle") == "练习模式：开"
    page.goto(site_url + "en/basics/forgetting/")  # the other edition shares the setting
    assert page.inner_text(".hb-practice-toggle") == "Practice mode: on"
    assert not page.is_visible("text=forgets what it could do")
    page.click(".hb-practice-toggle")
    assert page.is_visible("text=forgets what it could do")


def test_progress_marks_show_in_the_table_of_contents_and_reset(context, site_url):
    page = context.new_page()
    page.goto(site_url + "basics/position-basics/")
    page.click(".hb-mark--mastered")
    page.goto(site_url + "basics/forgetting/")
    page.click(".hb-mark--review")
    page.goto(site_url + "basics/")
    assert page.inner_text(".hb-topic-progress") == "已掌握 1 / 3，待复习 1"
    assert page.get_attribute('.hb-progress[data-qid="position-basics"]', "class") == "hb-progress hb-progress--mastered"
    assert page.get_attribute('.hb-progress[data-qid="forgetting"]', "class") == "hb-progress hb-progress--review"
    page.goto(site_url + "en/basics/")  # survives navigation and works in the other edition
    assert page.inner_text(".hb-topic-progress") == "1 / 3 mastered, 1 to review"
    page.reload()
    assert page.inner_text(".hb-topic-progress") == "1 / 3 mastered, 1 to review"
    page.on("dialog", lambda dialog: dialog.accept())
    page.click(".hb-reset")
    assert page.inner_text(".hb-topic-progress") == "0 / 3 mastered, 0 to review"
    page.goto(site_url + "basics/position-basics/")
    assert page.get_attribute(".hb-mark--mastered", "aria-pressed") == "false"


def test_random_question_button_lands_on_a_question(context, site_url):
    page = context.new_page()
    seen = set()
    for _ in range(6):
        page.goto(site_url)
        page.click(".hb-random")
        page.wait_for_url(re.compile(r".*/(basics|advanced)/[a-z-]+/$"))
        seen.add(page.url.removeprefix(site_url))
        assert page.is_visible(".hb-meta")
    assert seen <= QUESTION_URLS and seen


def test_print_view_has_every_question_unfolded_and_prints_clean(context, site_url):
    page = context.new_page()
    page.goto(site_url + "basics/")
    page.click(".hb-practice-toggle")  # practice mode must not fold the print view
    page.click(".hb-print-link")
    page.wait_for_url(site_url + "basics/print/")
    titles = page.eval_on_selector_all("article h2", "els => els.map(e => e.textContent.replace('¶', '').trim())")
    assert titles[:3] == ["什么是位置编码？", "什么是灾难性遗忘？", "注意力机制是什么？"]
    assert page.is_visible("text=这叫灾难性遗忘")
    page.emulate_media(media="print")
    assert page.eval_on_selector(".md-header", "e => getComputedStyle(e).display") == "none"
    assert page.eval_on_selector(".md-sidebar--primary", "e => getComputedStyle(e).display") == "none"
    after = page.eval_on_selector('article a[href^="https://example.org/alpha"]', "e => getComputedStyle(e, '::after').content")
    assert "example.org/alpha" in after


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("path", ["basics/position-basics/", "en/advanced/rope-math/", "basics/"])
def test_phone_width_does_not_scroll_sideways(browser, site_url, scheme, path):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
    keep_local(context, site_url)
    page = context.new_page()
    page.goto(site_url + path)
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.is_visible(".hb-practice-toggle")
    context.close()


def test_pdf_of_each_edition(tmp_path):
    require_browser()
    site = build_editions(TINY, tmp_path / "site")
    result = subprocess.run(
        [sys.executable, "-m", "handbook_build", "pdf", str(site)], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    for path in (site / "downloads" / "llm-interview-handbook-zh.pdf", site / "en/downloads/llm-interview-handbook-en.pdf"):
        data = path.read_bytes()
        assert data.startswith(b"%PDF") and len(data) > 5000
