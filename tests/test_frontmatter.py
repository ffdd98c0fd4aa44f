from handbook_build.frontmatter import decode, load_yaml, split_front_matter


def test_decode_accepts_bom_and_crlf():
    text, problems = decode("\ufeff---\r\nid: a\r\n---\r\nbody".encode(), "x.md")
    assert problems == []
    assert text == "---\nid: a\n---\nbody"


def test_decode_reports_line_of_invalid_utf8():
    text, problems = decode(b"---\nok\n\xff\n", "x.md")
    assert text is None
    assert problems[0].format() == "x.md:3: file is not valid UTF-8 (byte 0xff) (save the file with UTF-8 encoding)"


def test_decode_rejects_binary():
    text, problems = decode(b"\x89PNG\x00\x00", "x.md")
    assert text is None and "binary" in problems[0].message


def test_split_keeps_file_line_numbers():
    parsed, problems = split_front_matter("---\nid: a\ntitle:\n  zh: 中\n---\n\n# 中文\n", "x.md")
    assert problems == []
    assert parsed.data == {"id": "a", "title": {"zh": "中"}}
    assert parsed.key_lines["id"] == 2
    assert parsed.key_lines["title.zh"] == 4
    assert parsed.body_start_line == 6


def test_yaml_error_points_at_file_line():
    _, problems = split_front_matter("---\nid: a\ntitle: [x\n---\n", "x.md")
    assert problems[0].line == 4 or problems[0].line == 3
    assert problems[0].message.startswith("YAML syntax error")


def test_aliases_are_refused():
    bomb = "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n"
    data, _, problems = load_yaml(bomb, "x.md")
    assert data is None
    assert problems[0].format() == (
        "x.md:2: YAML aliases (*name) are not allowed (write the value out instead of referring to an anchor)"
    )


def test_missing_and_unterminated_front_matter():
    _, problems = split_front_matter("# 中文\n", "x.md")
    assert problems[0].message == "missing front matter"
    parsed, problems = split_front_matter("---\nid: a\n", "x.md")
    assert problems[0].message == "front matter is not terminated"
    assert parsed.body is None
