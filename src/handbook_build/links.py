"""Where each generated page lives, and cross-link resolution.

Pages are addressed by their source path inside the generated docs (``topic/id.md``), so the
static-site generator turns relative ``.md`` links into URLs and checks them.
"""

from __future__ import annotations

import posixpath
import re

from .body import CROSS_LINK, INLINE_CODE, prose_lines
from .model import Handbook

HOME_PAGE = "index.md"
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]])")
AS_ENTITY = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "$": "&#36;", "|": "&#124;"}
ENTITY_SPECIAL = re.compile("[&<>$|]")


def question_page(handbook: Handbook, qid: str) -> str:
    return f"{handbook.questions[qid].topic}/{qid}.md"


def topic_page(topic_key: str) -> str:
    return f"{topic_key}/index.md"


def relative_link(from_page: str, to_page: str) -> str:
    """Relative path between two generated source files (``a/b.md`` -> ``../c/d.md``).

    Generated pages are at most one folder deep, so the common cases skip ``posixpath.relpath``
    (which dominated page generation: it is called for every link of every page on every rebuild).
    """
    from_dir, _, _ = from_page.rpartition("/")
    to_dir, _, to_name = to_page.rpartition("/")
    if "/" not in from_dir and "/" not in to_dir:
        if from_dir == to_dir:
            return to_name
        if not from_dir:
            return to_page
        return f"../{to_page}" if to_dir else f"../{to_name}"
    return posixpath.relpath(to_page, from_dir or ".")


def escape_markdown(text: str) -> str:
    """Plain text that must not be read as Markdown, HTML or math (titles, tags)."""
    escaped = ENTITY_SPECIAL.sub(lambda m: AS_ENTITY[m.group(0)], text)
    return MARKDOWN_SPECIAL.sub(r"\\\1", escaped)


LINK_TARGET = re.compile(r"(\]\(\s*<?)([^)\s>]*\\[^)\s>]*)")


def normalize_link_targets(markdown: str) -> str:
    """Windows-style ``..\\img\\a.png`` link targets become ``../img/a.png`` (outside code)."""

    def fix(match: re.Match[str]) -> str:
        target = match.group(2)
        return match.group(1) + (target if "://" in target else target.replace("\\", "/"))

    if not LINK_TARGET.search(markdown):
        return markdown
    out = []
    for _, line, in_code in prose_lines(markdown, 1):
        out.append(line if in_code or "\\" not in line else LINK_TARGET.sub(fix, line))
    return "\n".join(out)


RELATIVE_TARGET = re.compile(r"(\]\(\s*<?)([^)\s>]+)")
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def sub_outside_inline_code(pattern: re.Pattern[str], replace, line: str) -> str:
    """``pattern.sub`` on the parts of a line that are not inline code spans."""
    pieces, last = [], 0
    for code in INLINE_CODE.finditer(line):
        pieces.append(pattern.sub(replace, line[last : code.start()]))
        pieces.append(code.group(0))
        last = code.end()
    pieces.append(pattern.sub(replace, line[last:]))
    return "".join(pieces)


def rebase_links(markdown: str, from_page: str, to_page: str) -> str:
    """Relative link targets written for ``from_page`` made to work from ``to_page`` (outside code).

    A print page shows answers of other folders; an image link ``../t/fig.png`` in
    ``t/q.md`` must become ``t/fig.png`` on a root-level print page.
    """
    from_dir, to_dir = posixpath.dirname(from_page), posixpath.dirname(to_page)
    if from_dir == to_dir or "](" not in markdown:
        return markdown

    def fix(match: re.Match[str]) -> str:
        target = match.group(2)
        if target.startswith(("/", "#")) or SCHEME.match(target):
            return match.group(0)
        moved = posixpath.normpath(posixpath.join(from_dir, target))
        return match.group(1) + posixpath.relpath(moved, to_dir or ".")

    out = []
    for _, line, in_code in prose_lines(markdown, 1):
        out.append(line if in_code or "](" not in line else sub_outside_inline_code(RELATIVE_TARGET, fix, line))
    return "\n".join(out)


def resolve_cross_links(markdown: str, lang: str, from_page: str, handbook: Handbook) -> str:
    """Replace ``[[id]]`` and ``[[id|text]]`` outside code with Markdown links.

    Unknown ids are left as plain text: the validator already reported them, and the
    preview should still render the rest of the answer.
    """

    def replace(match: re.Match[str]) -> str:
        target, text = match.group(1).strip(), (match.group(2) or "").strip()
        if target not in handbook.questions:
            return escape_markdown(text or target)
        label = escape_markdown(text) if text else escape_markdown(handbook.questions[target].title[lang])
        return f"[{label}]({relative_link(from_page, question_page(handbook, target))})"

    if "[[" not in markdown:
        return markdown
    out = []
    for _, line, in_code in prose_lines(markdown, 1):
        if in_code or "[[" not in line:
            out.append(line)
            continue
        out.append(sub_outside_inline_code(CROSS_LINK, replace, line))
    return "\n".join(out)
