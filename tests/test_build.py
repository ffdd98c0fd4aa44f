"""Build tests: the tiny bilingual site, both editions, as a reader would navigate it."""

from __future__ import annotations

import hashlib
import html
import json
import posixpath
import re
from pathlib import Path

import pytest
from conftest import TINY, build_editions
from mkdocs.exceptions import Abort

QUESTIONS = {"basics": ["position-basics", "forgetting", "attention-intro"], "advanced": ["rope-math"]}
TITLES = {
    "zh": {"position-basics": "什么是位置编码？", "rope-math": "RoPE 的推导（旋转）"},
    "en": {"position-basics": "What is position encoding?", "rope-math": "Deriving RoPE"},
}


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def h1(html: str) -> str:
    match = re.search(r"<h1[^>]*>(.*?)<a class=\"headerlink\"|<h1[^>]*>(.*?)</h1>", html, re.S)
    return (match.group(1) or match.group(2)).strip()


def resolve(from_url: str, href: str) -> str:
    """Site path a relative link on page ``from_url`` (a directory URL) points to."""
    return posixpath.normpath(posixpath.join(from_url, href.split("#")[0])).lstrip("./") + "/"


def anchors(html: str, css_class: str | None = None) -> list[tuple[str, str]]:
    pattern = (
        r'<a href="([^"]+)"[^>]*>(.*?)</a>' if css_class is None else rf'<a href="([^"]+)"[^>]*class="{css_class}"[^>]*>(.*?)</a>'
    )
    return [(href, re.sub(r"<[^>]+>", "", text).strip()) for href, text in re.findall(pattern, html, re.S)]


@pytest.mark.parametrize("edition", ["", "en/"])
def test_every_question_has_a_page_in_both_editions(tiny_site, edition):
    for topic, ids in QUESTIONS.items():
        assert (tiny_site / edition / topic / "index.html").exists()
        for qid in ids:
            assert (tiny_site / edition / topic / qid / "index.html").exists()


@pytest.mark.parametrize("lang,edition", [("zh", ""), ("en", "en/")])
def test_question_titles_in_page_language(tiny_site, lang, edition):
    for qid, title in TITLES[lang].items():
        topic = next(t for t, ids in QUESTIONS.items() if qid in ids)
        assert h1(page(tiny_site / edition, f"{topic}/{qid}")) == title


def test_topic_toc_lists_questions_in_order_with_groups(tiny_site):
    html = page(tiny_site, "basics")
    links = [href for href, _ in anchors(html) if href.endswith("/") and not href.startswith(("..", "#", "http"))]
    order = [
        href.strip("./").split("/")[0]
        for href in links
        if href.strip("./") in QUESTIONS["basics"] or href.strip("./").rstrip("/") in QUESTIONS["basics"]
    ]
    assert order[:3] == ["position-basics", "forgetting", "attention-intro"]
    assert html.index(">位置<") < html.index(">遗忘<")
    assert "hb-difficulty--easy" in html and '<span class="hb-tag">灾难性遗忘</span>' in html
    assert html.count('<a href="') >= 3


def test_home_lists_topics_with_counts(tiny_site):
    html = page(tiny_site, ".")
    assert re.search(r'href="basics/"[^>]*>基础</a></td>\s*<td>基础问题。</td>\s*<td[^>]*>3</td>', html)
    en = page(tiny_site / "en", ".")
    assert re.search(r'href="advanced/"[^>]*>Advanced</a></td>\s*<td>Advanced questions.</td>\s*<td[^>]*>1</td>', en)


@pytest.mark.parametrize("source,target,lang", [("", "en/", "en"), ("en/", "", "zh")])
def test_language_switch_lands_on_same_question(tiny_site, source, target, lang):
    for topic, ids in QUESTIONS.items():
        for qid in ids + [""]:
            url = f"{source}{topic}/{qid}/" if qid else f"{source}{topic}/"
            html = (tiny_site / url / "index.html").read_text(encoding="utf-8")
            switch = dict(
                (lang_, href) for href, lang_ in re.findall(r'<a href="([^"]+)" hreflang="(\w+)" class="md-select__link"', html)
            )
            landed = resolve(url, switch[lang])
            assert landed == (f"{target}{topic}/{qid}/" if qid else f"{target}{topic}/")
            assert (tiny_site / landed / "index.html").exists()


def test_cross_links_use_target_title_or_given_text(tiny_site):
    html = page(tiny_site, "basics/position-basics")
    links = anchors(html)
    assert ("../../advanced/rope-math/", "RoPE 的推导（旋转）") in links
    assert ("../../advanced/rope-math/", "旋转的推导") in links
    assert "<code>[[not-a-link]]</code>" in html
    en = anchors(page(tiny_site / "en", "basics/position-basics"))
    assert ("../../advanced/rope-math/", "Deriving RoPE") in en


def test_related_and_backlinks(tiny_site):
    rope = page(tiny_site, "advanced/rope-math")
    section = rope[rope.index('id="referenced-by"') :]
    assert "被以下问题引用" in section
    assert ("../../basics/position-basics/", "什么是位置编码？") in anchors(section)
    basics = page(tiny_site / "en", "basics/position-basics")
    related = basics[basics.index('id="related"') : basics.index('id="referenced-by"')]
    assert ("../../advanced/rope-math/", "Deriving RoPE") in anchors(related)
    backlinks = basics[basics.index('id="referenced-by"') :]
    assert ("../attention-intro/", "What is attention?") in anchors(backlinks)


def test_chinese_headings_get_readable_anchors(tiny_site):
    html = page(tiny_site, "basics/position-basics")
    assert '<h2 id="细节">细节' in html
    assert 'href="#细节"' in html


def test_where_asked_and_math(tiny_site):
    html = page(tiny_site, "basics/position-basics")
    assert '<a href="https://example.org/beta">Beta 题库</a> <code>3, 7.1</code>' in html
    assert '<span class="arithmatex">' in page(tiny_site, "basics/attention-intro")
    assert 'class="arithmatex"' in page(tiny_site, "advanced/rope-math")


@pytest.mark.parametrize("edition,lang", [("", "zh"), ("en/", "en")])
def test_search_index_covers_every_page(tiny_site, edition, lang):
    folder = tiny_site / edition / "search"
    head = json.loads((folder / "search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in head["docs"]]
    expected = [f"{t}/" for t in QUESTIONS] + [f"{t}/{q}/" for t, ids in QUESTIONS.items() for q in ids]
    assert sorted(locations) == sorted(expected)
    for location in locations:
        assert (tiny_site / edition / location / "index.html").exists()
    assert all("text" not in doc for doc in head["docs"])  # text is fetched on the first query
    entries = [e for name in head["config"]["shards"] for e in json.loads((folder / name).read_text(encoding="utf-8"))]
    assert len(entries) == len(head["docs"])
    texts = [text for text, _ in entries]
    forgetting = head["docs"].index(next(d for d in head["docs"] if d["location"] == "basics/forgetting/"))
    assert entries[forgetting][1] == ["灾难性遗忘", "catastrophic forgetting"]
    assert "¶" not in texts[forgetting]
    vocab = json.loads((folder / head["config"]["vocab"]).read_text(encoding="utf-8"))
    if lang == "zh":
        assert "灾难性遗忘" in vocab and "旋转" in vocab
        assert "灾难性遗忘" in texts[forgetting]
    else:
        assert "forgets" in " ".join(texts)


def test_pages_use_handbook_worker_and_styles(tiny_site):
    html = page(tiny_site, "basics/forgetting")
    assert 'config.search = "../../assets/handbook/search-worker.js"' in html
    assert (tiny_site / "assets/handbook/search-worker.js").exists()
    assert "assets/handbook/handbook.css" in html


def digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_build_never_writes_into_content(tiny_copy, tmp_path):
    before = digest(tiny_copy / "content")
    build_editions(tiny_copy, tmp_path / "out")
    assert digest(tiny_copy / "content") == before


def test_strict_build_fails_on_content_problems_and_preview_shows_them(tiny_copy, tmp_path):
    broken = tiny_copy / "content" / "basics" / "forgetting.md"
    broken.write_text(
        broken.read_text(encoding="utf-8").replace("difficulty: medium", "difficulty: medium\ntitel: x"), encoding="utf-8"
    )
    with pytest.raises(Abort):
        build_editions(tiny_copy, tmp_path / "strict")
    site = build_editions(tiny_copy, tmp_path / "preview", strict=False)
    shown = html.unescape(page(site, "basics/forgetting"))
    assert "content/basics/forgetting.md:7: titel: unknown key (did you mean 'title'?)" in shown
    assert h1(page(site, "basics/position-basics")) == "什么是位置编码？"


def test_unsafe_content_is_not_published_even_without_strict(tiny_copy, tmp_path):
    target = tiny_copy / "content" / "basics" / "forgetting.md"
    target.write_text(
        target.read_text(encoding="utf-8").replace("这叫灾难性遗忘。", "这叫灾难性遗忘。<img src=x onerror=alert(1)>"),
        encoding="utf-8",
    )
    site = build_editions(tiny_copy, tmp_path / "preview", strict=False)
    html = page(site, "basics/forgetting")
    assert "<img src=x onerror" not in html
    assert "onerror=alert(1)&gt;" in html or "unsafe markup" in html


def test_builds_are_reproducible(tmp_path):
    """Two builds of the same sources give identical files, except the sitemap's build date."""
    first = build_editions(TINY, tmp_path / "one")
    second = build_editions(TINY, tmp_path / "two")
    declared = {"sitemap.xml", "sitemap.xml.gz", "en/sitemap.xml", "en/sitemap.xml.gz"}
    one = {k: v for k, v in digest(first).items() if k not in declared}
    two = {k: v for k, v in digest(second).items() if k not in declared}
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []


def test_material_search_indexing_is_skipped_but_its_search_box_stays(tiny_site):
    from mkdocs.config import load_config

    config = load_config(str(TINY / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    search = config.plugins["material/search"]
    for event in ("page_context", "post_build"):
        assert all(getattr(h, "__self__", None) is not search for h in config.plugins.events[event])
    assert 'class="md-search"' in page(tiny_site, "basics/forgetting")
