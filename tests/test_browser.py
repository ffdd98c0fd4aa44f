"""What a reader does, in headless Chromium: search both editions, switch language, follow a cross-link."""

from __future__ import annotations

import pytest
from browser import offline_page, search

pytestmark = pytest.mark.browser


ZH_QUERIES = {
    "位置编码": "basics/position-basics/",  # typed without spaces
    "编码": "basics/position-basics/",  # a word inside a longer term
    "灾难性遗忘": "basics/forgetting/",  # multi-word Han query, last word must count
    "遗忘": "basics/forgetting/",
    "LoRA 合并": "advanced/rope-math/",  # mixed Chinese and English
    "（Rotary）": "basics/position-basics/",  # next to full-width punctuation
    "旋转编码": "advanced/rope-math/",  # words not adjacent in the text: jieba vocabulary split
}
EN_QUERIES = {
    "forgetting": "basics/attention-intro/",  # only "forgets" is on that page: stemming
    "Forgetting": "basics/forgetting/",  # case
    "encodings": "basics/position-basics/",  # plural
    "deriving rope": "advanced/rope-math/",
}


def found(results: list[str], expected: str) -> bool:
    return any(href.split("#")[0].endswith(expected) for href in results)


@pytest.mark.parametrize("query,expected", list(ZH_QUERIES.items()))
def test_chinese_search_finds_words(browser, site_url, query, expected):
    page = offline_page(browser, site_url)
    page.goto(site_url)
    results = search(page, query)
    assert found(results, expected), (query, results)
    page.close()


@pytest.mark.parametrize("query,expected", list(EN_QUERIES.items()))
def test_english_search_stems_and_ignores_case(browser, site_url, query, expected):
    page = offline_page(browser, site_url)
    page.goto(site_url + "en/")
    results = search(page, query)
    assert found(results, expected), (query, results)
    page.close()


def test_search_with_no_match_says_so(browser, site_url):
    page = offline_page(browser, site_url)
    page.goto(site_url)
    assert search(page, "量子纠缠") == []
    assert "没有" in page.inner_text(".md-search-result__meta") or "No" in page.inner_text(".md-search-result__meta")
    page.close()


def test_language_switch_goes_to_same_question(browser, site_url):
    page = offline_page(browser, site_url)
    page.goto(site_url + "basics/position-basics/")
    page.wait_for_load_state("networkidle")  # Material has fetched both sitemaps: its own handler is armed
    page.hover(".md-header__option .md-select")
    page.click("a.md-select__link[hreflang=en]")
    page.wait_for_url(site_url + "en/basics/position-basics/")
    assert page.inner_text("article h1").startswith("What is position encoding?")
    page.wait_for_load_state("networkidle")
    page.hover(".md-header__option .md-select")
    page.click("a.md-select__link[hreflang=zh]")
    page.wait_for_url(site_url + "basics/position-basics/")
    assert page.inner_text("article h1").startswith("什么是位置编码？")
    page.close()


def test_following_a_cross_link(browser, site_url):
    page = offline_page(browser, site_url)
    page.goto(site_url + "basics/position-basics/")
    page.click("article a:has-text('旋转的推导')")
    page.wait_for_url(site_url + "advanced/rope-math/")
    assert page.inner_text("article h1").startswith("RoPE 的推导（旋转）")
    page.click("#referenced-by ~ ul a:has-text('什么是位置编码？')")
    page.wait_for_url(site_url + "basics/position-basics/")
    page.close()


def test_text_only_query_is_answered_before_all_page_text_has_arrived(browser, tiny_site, tmp_path, monkeypatch):
    """A query found only in page text shows results from the first shards that match.

    The site's text is re-split into one shard per page and the shards of the last two pages
    are held back by the browser: "加权求和" (only in the text of basics/attention-intro) must
    still be answered, and the held pages must join the results once they arrive.
    """
    import json
    import shutil

    from browser import serve

    from handbook_build import search_text

    site = tmp_path / "site"
    shutil.copytree(tiny_site, site)
    folder = site / "search"
    head = json.loads((folder / "search_index.json").read_text(encoding="utf-8"))
    entries = [entry for name in head["config"]["shards"] for entry in json.loads((folder / name).read_text(encoding="utf-8"))]
    docs = [
        search_text.SearchDoc(d["location"], d["title"], text, tags, d["kind"])
        for d, (text, tags) in zip(head["docs"], entries, strict=True)
    ]
    vocab = json.loads((folder / head["config"]["vocab"]).read_text(encoding="utf-8"))
    monkeypatch.setattr(search_text, "SHARD_BYTES", 1)  # one page per shard
    new_head, files = search_text.build_index(docs, vocab, "zh")
    (folder / "search_index.json").write_text(json.dumps(new_head, ensure_ascii=False), encoding="utf-8")
    for name, data in files.items():
        (folder / name).write_bytes(data)
    held_names = set(new_head["config"]["shards"][-2:])
    assert not any("加权求和" in docs[i].text for i in (len(docs) - 2, len(docs) - 1))

    with serve(site) as base:
        page = offline_page(browser, base)
        held = []
        page.route(
            "**/search/text-*.json",
            lambda route: held.append(route) if route.request.url.rsplit("/", 1)[-1] in held_names else route.continue_(),
        )
        page.goto(base)
        page.wait_for_load_state("networkidle")
        page.locator("input.md-search__input").click()
        page.keyboard.type("加权求和", delay=20)
        page.keyboard.press("End")
        page.wait_for_selector(".md-search-result__item > a[href*='attention-intro']", timeout=10_000)
        assert len(held) == 2  # answered while two pages' text was still on its way
        for route in held:
            route.continue_()
        page.locator("input.md-search__input").fill("")
        page.keyboard.type("旋转", delay=20)  # in the title and text of a held page: found once it arrived
        page.keyboard.press("End")
        page.wait_for_selector(".md-search-result__item > a[href*='rope-math']", timeout=10_000)
        page.close()


def test_typing_into_the_search_box_fetches_page_text_and_opening_a_page_does_not(browser, site_url):
    page = offline_page(browser, site_url)
    text_requests: list[str] = []
    page.on("request", lambda request: text_requests.append(request.url) if "/search/text-" in request.url else None)
    page.goto(site_url + "basics/forgetting/")
    page.wait_for_load_state("networkidle")
    page.locator("input.md-search__input").focus()
    page.wait_for_timeout(500)
    assert text_requests == []  # reading a page, or only focusing the box, costs no page-text download
    page.keyboard.insert_text("注")  # the first character of a query: no keyup, so Material has not searched yet
    for _ in range(50):  # the worker starts the download 300 ms after the first character
        if text_requests:
            break
        page.wait_for_timeout(100)
    assert text_requests and all(url.startswith(site_url + "search/") for url in text_requests)  # this edition's text
    page.close()
