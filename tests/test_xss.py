"""No script reaches a reader: the check refuses every payload, and the sanitizer catches them anyway."""

from __future__ import annotations

import shutil

import pytest
from browser import offline_page, search, serve
from conftest import TINY, build_editions
from payloads import PAYLOADS, live_markup

from handbook_build.loader import load_handbook

QUESTION = """---
id: {id}
title:
  zh: "题目 {n}"
  en: "Question {n}"
difficulty: easy
tags: [payload]
asked_in:
  alpha: "{n}"
---

# 中文

载荷 {n}：

{payload}

# English

Payload {n}:

{payload}
"""


def plant(root, placements=("body", "title", "tag", "group")):
    """A copy of the tiny project with every payload in its own question, title, tag and group title."""
    shutil.copytree(TINY, root)
    topic = root / "content" / "payloads"
    topic.mkdir()
    ids = [f"p{n}" for n in range(len(PAYLOADS))]
    groups = []
    for n, (qid, payload) in enumerate(zip(ids, PAYLOADS, strict=True)):
        text = QUESTION.format(id=qid, n=n, payload=payload if "body" in placements else "text")
        if "title" in placements:
            text = text.replace(f'zh: "题目 {n}"', f"zh: {yaml_quote('题目 ' + payload)}")
        if "tag" in placements:
            text = text.replace("tags: [payload]", f"tags: [{yaml_quote(payload)}]")
        (topic / f"{qid}.md").write_text(text, encoding="utf-8")
        title = yaml_quote(payload if "group" in placements else f"组 {n}")
        groups.append(f"  - title: {{zh: {title}, en: {yaml_quote('Group ' + str(n))}}}\n    questions: [{qid}]\n")
    (topic / "_topic.yml").write_text(
        "order: 30\ntitle: {zh: 载荷, en: Payloads}\ndescription: {zh: 测试。, en: Test.}\ngroups:\n" + "".join(groups),
        encoding="utf-8",
    )
    return root, ids


def yaml_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def test_detector_finds_live_markup():
    assert live_markup('<p><img src=x onerror="alert(1)"></p>')
    assert live_markup('<a href=" java\tscript:alert(1)">x</a>')
    assert live_markup("<article><svg><g></g></svg></article>")
    assert live_markup("<script>alert('PWNED')</script>")
    assert not live_markup('<article><p class="x"><a href="../a/">a</a> &lt;script&gt;</p></article>')


@pytest.mark.parametrize("placement", ["body", "title", "tag", "group"])
def test_check_refuses_every_payload(tmp_path, placement):
    root, ids = plant(tmp_path / "site-src", placements=(placement,))
    _, problems = load_handbook(root / "content")
    unsafe = {p.path for p in problems if "unsafe markup" in p.message}
    if placement == "group":
        assert len([p for p in problems if "unsafe markup" in p.message]) >= len(PAYLOADS)
    else:
        missed = [PAYLOADS[int(qid[1:])] for qid in ids if f"content/payloads/{qid}.md" not in unsafe]
        assert missed == []


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """Every payload everywhere, built with the check turned off (`check: false`)."""
    root, _ = plant(tmp_path_factory.mktemp("hostile") / "src")
    for name in ("mkdocs.yml", "mkdocs.en.yml"):
        config = root / name
        config.write_text(
            config.read_text(encoding="utf-8")
            .replace("      language: zh", "      language: zh\n      check: false")
            .replace("      language: en", "      language: en\n      check: false"),
            encoding="utf-8",
        )
    return build_editions(root, root / "site", strict=False)


def test_no_payload_is_live_in_any_built_page(hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 2 * len(PAYLOADS)
    findings = {str(p.relative_to(hostile_site)): live_markup(p.read_text(encoding="utf-8")) for p in pages}
    assert {page: found for page, found in findings.items() if found} == {}
    payload_page = (hostile_site / "payloads" / "p0" / "index.html").read_text(encoding="utf-8")
    assert "载荷 0" in payload_page  # the page was built, with its payload neutralised


def test_no_payload_runs_in_a_browser(hostile_site, browser):
    dialogs = []
    with serve(hostile_site) as base:
        page = offline_page(browser, base)
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for n in range(len(PAYLOADS)):
            page.goto(f"{base}payloads/p{n}/")
            page.mouse.move(200, 300)
        page.goto(f"{base}payloads/")
        page.goto(base)
        results = search(page, "PWNED")
        assert results, "payload pages should be searchable as text"
        page.wait_for_timeout(300)
        page.goto(f"{base}en/payloads/p5/")
        assert page.evaluate("document.querySelectorAll('article img[onerror], article script').length") == 0
    assert dialogs == []
