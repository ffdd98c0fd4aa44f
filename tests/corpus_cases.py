"""Broken (and unusual but valid) content a contributor might send, one case each.

Each case is a small content folder: a valid base (two collections, one topic ``t`` with one
question ``q``) with some files replaced, added (a value) or removed (``None``).
"""

from __future__ import annotations

GOOD_QUESTION = """---
id: q
title:
  zh: 什么是位置编码？
  en: What is position encoding?
difficulty: easy
tags: [位置编码]
related: []
asked_in:
  alpha: "1.2"
---

# 中文

**核心回答：** 注入顺序信息。

# English

**Core answer:** it injects order.
"""

GOOD_TOPIC = """order: 10
title: {zh: 主题, en: Topic}
description: {zh: 说明。, en: About.}
groups:
  - title: {zh: 组, en: Group}
    questions: [q]
"""

COLLECTIONS = """- key: alpha
  title: Alpha
  link: https://example.org/alpha
- key: beta
  title: Beta
  link: https://example.org/beta
"""

BASE = {"collections.yml": COLLECTIONS, "t/_topic.yml": GOOD_TOPIC, "t/q.md": GOOD_QUESTION}


def q(old: str, new: str) -> dict[str, str]:
    """The good question with one substitution."""
    assert old in GOOD_QUESTION, old
    return {"t/q.md": GOOD_QUESTION.replace(old, new, 1)}


def topic(old: str, new: str) -> dict[str, str]:
    assert old in GOOD_TOPIC, old
    return {"t/_topic.yml": GOOD_TOPIC.replace(old, new, 1)}


def second(text: str, name: str = "r") -> dict[str, str | bytes | None]:
    """A second question ``name`` listed in the topic."""
    return {f"t/{name}.md": text, "t/_topic.yml": GOOD_TOPIC.replace("[q]", f"[q, {name}]")}


OTHER = GOOD_QUESTION.replace("id: q", "id: r")

BROKEN: dict[str, dict[str, str | bytes | None]] = {
    # YAML and front matter
    "yaml-unclosed-bracket": q("en: What is position encoding?", "en: [What is position encoding?"),
    "yaml-bad-indentation": q("  en: What is position encoding?", " en: What is position encoding?"),
    "yaml-tab-indentation": q("  en: What", "\ten: What"),
    "yaml-colon-in-value": q("zh: 什么是位置编码？", "zh: 位置编码: 原理"),
    "yaml-duplicate-key": q("difficulty: easy", "difficulty: easy\ndifficulty: hard"),
    "yaml-alias-bomb": q("related: []", "related: &a [x, x]\nx: &b [*a, *a]"),
    "yaml-deep-nesting": q("related: []", "related: " + "[" * 500 + "]" * 500),
    "front-matter-is-a-list": {"t/q.md": "---\n- id: q\n---\n\n# 中文\n\n答\n\n# English\n\nA\n"},
    "front-matter-is-text": {"t/q.md": "---\njust a sentence\n---\n\n# 中文\n\n答\n\n# English\n\nA\n"},
    "missing-front-matter": {"t/q.md": "# 中文\n\n答\n\n# English\n\nA\n"},
    "unterminated-front-matter": {"t/q.md": GOOD_QUESTION.replace("---\n\n# 中文", "\n# 中文", 1)},
    "empty-file": {"t/q.md": ""},
    "whitespace-only-file": {"t/q.md": " \n\n\t\n"},
    "binary-file-named-md": {"t/q.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"},
    "gbk-encoded": {"t/q.md": GOOD_QUESTION.encode("gbk")},
    "latin1-byte": {"t/q.md": GOOD_QUESTION.encode("utf-8").replace(b"easy", b"easy\xe9")},
    "huge-line": {"t/q.md": GOOD_QUESTION + "x" * (10 * 1024 * 1024) + "\n"},
    # keys and types
    "typo-titel": q("title:", "titel:"),
    "unknown-key-tag": q("tags: [位置编码]", "tags: [位置编码]\ntag: extra"),
    "missing-id": q("id: q\n", ""),
    "id-not-file-name": q("id: q", "id: other"),
    "id-with-capitals": q("id: q", "id: Q"),
    "id-is-a-number": q("id: q", "id: 7"),
    "title-is-text": q("title:\n  zh: 什么是位置编码？\n  en: What is position encoding?", "title: 位置编码"),
    "title-missing-en": q("  en: What is position encoding?\n", ""),
    "title-empty-en": q("en: What is position encoding?", 'en: ""'),
    "title-zh-is-a-list": q("zh: 什么是位置编码？", "zh: [什么, 是]"),
    "difficulty-unknown": q("difficulty: easy", "difficulty: trivial"),
    "difficulty-missing": q("difficulty: easy\n", ""),
    "tags-is-text": q("tags: [位置编码]", "tags: 位置编码"),
    "tags-with-number-and-empty": q("tags: [位置编码]", 'tags: [位置编码, 42, ""]'),
    "tags-repeated": q("tags: [位置编码]", "tags: [位置编码, 位置编码]"),
    "related-unknown-id": q("related: []", "related: [nowhere]"),
    "related-itself": q("related: []", "related: [q]"),
    "related-is-text": q("related: []", "related: r"),
    "asked-in-unknown-collection": q('alpha: "1.2"', 'gamma: "1.2"'),
    "asked-in-number-label": q('alpha: "1.2"', "alpha: 15.10"),
    "asked-in-empty": q('asked_in:\n  alpha: "1.2"', "asked_in: {}"),
    "asked-in-empty-list": q('alpha: "1.2"', "alpha: []"),
    # body
    "missing-english-section": q("\n# English\n\n**Core answer:** it injects order.\n", "\n"),
    "missing-chinese-section": q("# 中文\n\n**核心回答：** 注入顺序信息。\n\n", ""),
    "english-before-chinese": {"t/q.md": GOOD_QUESTION.split("# 中文")[0] + "# English\n\nA\n\n# 中文\n\n答\n"},
    "empty-chinese-answer": q("**核心回答：** 注入顺序信息。", ""),
    "second-chinese-section": q("# English", "# 中文\n\n又一个\n\n# English"),
    "stray-level-1-heading": q("**核心回答：** 注入顺序信息。", "**核心回答：** 注入顺序信息。\n\n# 推导"),
    "text-before-sections": q("\n# 中文\n", "\n前言\n\n# 中文\n"),
    "unclosed-code-fence": q("**核心回答：** 注入顺序信息。", "**核心回答：** 注入顺序信息。\n\n```python\nx = 1"),
    "unbalanced-display-math": q("**核心回答：** 注入顺序信息。", "**核心回答：** 注入顺序信息。\n\n$$\nx^2"),
    "cross-link-unknown": q("注入顺序信息。", "注入顺序信息，见 [[nowhere]]。"),
    "cross-link-typo": {**second(OTHER), "t/q.md": GOOD_QUESTION.replace("注入顺序信息。", "见 [[rr]]。")},
    # unsafe markup
    "script-in-body": q("注入顺序信息。", "注入顺序信息。<script>alert(1)</script>"),
    "iframe-in-body": q("it injects order.", 'it injects order. <iframe src="https://example.org"></iframe>'),
    "event-handler-in-body": q("注入顺序信息。", "<img src=x onerror=alert(1)>"),
    "javascript-link": q("it injects order.", "[click](javascript:alert(1))"),
    "data-image": q("it injects order.", "![x](data:image/svg+xml;base64,PHN2Zz4=)"),
    "script-in-title": q("en: What is position encoding?", "en: What <script>x</script>"),
    "handler-in-tag": q("tags: [位置编码]", 'tags: ["<img src=x onerror=alert(1)>"]'),
    # topics and files
    "duplicate-id-across-topics": {"u/_topic.yml": GOOD_TOPIC.replace("order: 10", "order: 20"), "u/q.md": GOOD_QUESTION},
    "question-not-in-order": {"t/r.md": OTHER},
    "order-lists-missing-file": topic("[q]", "[q, ghost]"),
    "order-lists-id-twice": topic("[q]", "[q, q]"),
    "question-outside-topic": {"stray.md": OTHER},
    "topic-without-topic-file": {"u/r.md": OTHER},
    "topic-order-not-a-number": topic("order: 10", "order: first"),
    "topic-missing-description": topic("description: {zh: 说明。, en: About.}\n", ""),
    "topic-group-title-missing-en": topic("title: {zh: 组, en: Group}", "title: {zh: 组}"),
    "topic-groups-empty": topic("groups:\n  - title: {zh: 组, en: Group}\n    questions: [q]\n", "groups: []\n"),
    "topic-yaml-error": topic("title: {zh: 主题, en: Topic}", "title: {zh: 主题, en: Topic"),
    "topic-unknown-key": topic("order: 10", "order: 10\nsubtitle: x"),
    "unsafe-group-title": topic("title: {zh: 组, en: Group}", 'title: {zh: "<script>x</script>", en: Group}'),
    "collections-missing": {"collections.yml": None},
    "collections-bad-link": {"collections.yml": COLLECTIONS.replace("https://example.org/beta", "javascript:alert(1)")},
    "collections-duplicate-key": {"collections.yml": COLLECTIONS.replace("key: beta", "key: alpha")},
    "folder-inside-topic": {"t/extra/r.md": OTHER},
    "unexpected-file-in-topic": {"t/notes.txt": "draft"},
}

UNUSUAL_BUT_VALID: dict[str, dict[str, str | bytes | None]] = {
    "utf8-bom": {"t/q.md": "\ufeff" + GOOD_QUESTION},
    "crlf-line-endings": {"t/q.md": GOOD_QUESTION.replace("\n", "\r\n")},
    "cr-only-line-endings": {"t/q.md": GOOD_QUESTION.replace("\n", "\r")},
    "bom-and-crlf-topic": {"t/_topic.yml": "\ufeff" + GOOD_TOPIC.replace("\n", "\r\n")},
    "windows-path-in-link": {
        **q("it injects order.", "it injects order, see [the figure](..\\t\\fig.png)."),
        "t/fig.png": b"\x89PNG\r\n\x1a\n",
    },
    "hidden-files-ignored": {"t/.DS_Store": b"\x00\x01", ".git-keep": ""},
}
