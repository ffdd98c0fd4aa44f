import pytest

from handbook_build.safety import scan_markdown, unsafe_markup

UNSAFE = [
    "<script>alert(1)</script>",
    "<SCRIPT src=x></SCRIPT>",
    "< script>",
    "<iframe src=x>",
    "<svg><g onload=alert(1)></svg>",
    '<img src=x onerror="alert(1)">',
    "<a href='#' onclick=alert(1)>x</a>",
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](java\tscript:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](&#x6A;avascript:alert(1))",
    "[x](&amp;#106;avascript:alert(1))",
    "![x](data:image/svg+xml;base64,AAAA)",
    '<a href="data:text/html,x">x</a>',
    "[x]: javascript:alert(1)",
    "text {: onmouseover=alert(1) }",
    "<object data=x>",
    "<embed src=x>",
    "<style>body{}</style>",
    "<form action=x>",
    "<math><mtext>x</mtext></math>",
    "<meta http-equiv=refresh content=0;url=x>",
    "<base href=x>",
    "[x](vbscript:msgbox(1))",
]

SAFE = [
    "位置编码用正弦函数，$x < y$ 且 $a > b$。",
    "the condition on=off is prose, <b>bold</b> is fine",
    "[paper](https://arxiv.org/abs/2104.09864)",
    "a &lt; b &amp;&amp; c &gt; d",
    "a dataset: data: tables",
]


@pytest.mark.parametrize("line", UNSAFE)
def test_unsafe_lines_are_found(line):
    assert unsafe_markup(line), line


@pytest.mark.parametrize("line", SAFE)
def test_safe_lines_pass(line):
    assert unsafe_markup(line) == []


def test_code_is_exempt_but_prose_is_not():
    text = "`<script>` inline\n```html\n<script>x</script>\n```\n<script>real</script>\n"
    assert scan_markdown(text, 1) == [(5, "<script> tag")]
