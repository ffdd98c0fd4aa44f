"""The Chinese copywriting lint finds what it should and leaves code, math and links alone."""

from handbook_build.lint_zh import lint_line, lint_markdown


def test_flags_missing_spaces_and_half_width_punctuation():
    messages = [message for message, _ in lint_line("使用LoRA微调,共32层(很多)")]
    assert messages.count("add a space between Chinese and Latin text") == 2
    assert messages.count("add a space between Latin and Chinese text") == 2
    assert "use full-width '，' in Chinese text" in messages
    assert "use full-width '（' in Chinese text" in messages


def test_leaves_good_text_code_math_and_links_alone():
    assert lint_line("使用 LoRA 微调，共 32 层（很多）。") == []
    assert lint_line("公式 $x^2$ 与 `code里` 以及 [链接](https://example.org/中x) 和 <span>标签</span>") == []


def test_only_the_chinese_section_and_title_are_linted():
    text = "---\nid: a\ntitle:\n  zh: 什么是RoPE\n  en: What is RoPE\n---\n\n# 中文\n\n用LoRA\n\n# English\n\nuse中文\n"
    found = [(p.line, p.message) for p in lint_markdown(text, "q.md")]
    assert found == [(4, "add a space between Chinese and Latin text"), (10, "add a space between Chinese and Latin text")]
