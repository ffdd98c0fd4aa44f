from handbook_build.body import parse_body

BODY = """
# 中文

核心回答，见 [[rope-math]] 和 [[rope-math|旋转]]。行内代码 `[[code]]` 不算。

```python
# 这是注释，不是标题
x = "[[not-a-link]]"
```

# English

See [[other]].
"""


def test_sections_and_links():
    body, problems = parse_body(BODY, "q.md", 10)
    assert problems == []
    assert set(body.sections) == {"zh", "en"}
    assert body.sections["zh"].start_line == 12
    assert [(link.target, link.text, link.line) for link in body.links] == [
        ("rope-math", None, 13),
        ("rope-math", "旋转", 13),
        ("other", None, 22),
    ]


def test_missing_and_empty_sections():
    _, problems = parse_body("# 中文\n\n# English\nText\n", "q.md", 1)
    assert [p.format() for p in problems] == [
        "q.md:1: body.zh: the '# 中文' answer is empty (write the answer below the heading)"
    ]
    _, problems = parse_body("# 中文\nText\n", "q.md", 1)
    assert problems[0].field == "body.en" and "missing" in problems[0].message


def test_stray_h1_text_before_and_unclosed_fence():
    body = "intro\n# 中文\nA\n# Notes\n```\ncode\n# English\nB\n"
    found = [p.format() for p in parse_body(body, "q.md", 1)[1]]
    assert "q.md:1: body: text before the '# 中文' section (move it into the '# 中文' or '# English' section)" in found
    assert any(p.startswith("q.md:4: body: unexpected level-1 heading '# Notes'") for p in found)
    assert "q.md:5: body: code fence is never closed (add a closing ``` line after the code)" in found
