"""Find markup that could run script in a reader's browser.

Content arrives by pull request from strangers and is published automatically, so the
check errs on the side of refusing: script-capable tags, event-handler attributes
(in HTML or in ``attr_list`` braces) and ``javascript:``/``vbscript:``/``data:`` URLs,
including spellings hidden behind HTML entities or whitespace. Fenced and inline code are
exempt because Markdown escapes them.
"""

from __future__ import annotations

import html
import re

from .body import prose_lines, strip_inline_code

UNSAFE_TAGS = (
    "script",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "style",
    "form",
    "base",
    "link",
    "meta",
    "svg",
    "math",
    "template",
    "noscript",
    "portal",
)
UNSAFE_TAG = re.compile(r"<\s*/?\s*(" + "|".join(UNSAFE_TAGS) + r")\b", re.IGNORECASE)
HTML_TAG_WITH_HANDLER = re.compile(r"<[a-zA-Z!][^>]*?[\s\"'/]on[a-zA-Z]+\s*=", re.IGNORECASE)
ATTR_LIST_WITH_HANDLER = re.compile(r"\{[^}\n]*?\bon[a-zA-Z]+\s*=", re.IGNORECASE)
SCRIPT_URL = re.compile(r"(?:java|vb|live)script:", re.IGNORECASE)
DATA_URL = re.compile(r"(?:\]\(\s*<?|\]:\s*<?|=\s*[\"']?|<|\bsrc\s*|\bhref\s*)data:", re.IGNORECASE)
INVISIBLE = re.compile(r"[\s\x00-\x1f\u200b-\u200d\ufeff]+")


def decoded(text: str) -> str:
    """What a browser sees after entity decoding, with invisible separators removed."""
    previous = None
    while previous != text:  # decode double-encoded entities too (&amp;#106;)
        previous, text = text, html.unescape(text)
    return INVISIBLE.sub("", text)


def unsafe_markup(text: str) -> list[str]:
    """Descriptions of the unsafe constructs in one line of prose."""
    found = []
    # Also the entity-decoded text: `&#60;script&#62;` is markup to a reader's eye and to any
    # later step that decodes entities once; answers show markup in code spans instead.
    for candidate in {text, html.unescape(text)} if "&" in text else {text}:
        match = UNSAFE_TAG.search(candidate)
        if match:
            found.append(f"<{match.group(1).lower()}> tag")
        if HTML_TAG_WITH_HANDLER.search(candidate) or ATTR_LIST_WITH_HANDLER.search(candidate):
            found.append("event-handler attribute (on...=)")
    flat = decoded(text)
    if SCRIPT_URL.search(flat):
        found.append(f"'{SCRIPT_URL.search(flat).group(0).lower()}' URL")
    if DATA_URL.search(flat):
        found.append("'data:' URL")
    return sorted(set(found))


def scan_markdown(text: str, start_line: int) -> list[tuple[int, str]]:
    """``(line, description)`` for each unsafe construct outside code."""
    results = []
    for number, line, in_code in prose_lines(text, start_line):
        if in_code:
            continue
        for description in unsafe_markup(strip_inline_code(line)):
            results.append((number, description))
    return results


def scan_plain(value: str) -> list[str]:
    """Unsafe constructs in a title, tag or group title (rendered into HTML by the build)."""
    return unsafe_markup(value)
