"""Split an answer body into its Chinese and English sections and find cross-links.

The body is plain Markdown that reads well on GitHub: a ``# 中文`` section, then a
``# English`` section. Code fences are tracked so that a ``#`` comment in a code block is not
mistaken for a heading and ``[[id]]`` in code is not a link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .problems import Problem

SECTION_HEADINGS = {"中文": "zh", "English": "en"}
HEADING_FOR = {lang: heading for heading, lang in SECTION_HEADINGS.items()}
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
H1 = re.compile(r"^ {0,3}#(?:[ \t]+(.*?))?[ \t#]*$")
CROSS_LINK = re.compile(r"\[\[\s*([^\[\]|\n]*?)\s*(?:\|([^\[\]\n]*))?\]\]")
INLINE_CODE = re.compile(r"(`+)(?:.+?)\1")


@dataclass
class Section:
    lang: str
    text: str
    start_line: int


@dataclass
class CrossLink:
    target: str
    text: str | None
    line: int


@dataclass
class Body:
    sections: dict[str, Section] = field(default_factory=dict)
    links: list[CrossLink] = field(default_factory=list)


def prose_lines(text: str, start_line: int) -> list[tuple[int, str, bool]]:
    """Yield ``(file_line, line, in_code)`` for each line, tracking fenced code blocks."""
    result = []
    fence: str | None = None
    for offset, line in enumerate(text.split("\n")):
        match = FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)
            result.append((start_line + offset, line, True))
        elif fence is not None:
            if (
                match
                and match.group(1)[0] == fence[0]
                and len(match.group(1)) >= len(fence)
                and not line.strip()[len(match.group(1)) :].strip()
            ):
                fence = None
            result.append((start_line + offset, line, True))
        else:
            result.append((start_line + offset, line, False))
    return result


def unclosed_fence_line(text: str, start_line: int) -> int | None:
    """Line of a code fence that is never closed, if any."""
    opened: int | None = None
    fence: str | None = None
    for number, line in enumerate(text.split("\n"), start_line):
        match = FENCE.match(line)
        if fence is None and match:
            fence, opened = match.group(1), number
        elif (
            fence is not None
            and match
            and match.group(1)[0] == fence[0]
            and len(match.group(1)) >= len(fence)
            and not line.strip()[len(match.group(1)) :].strip()
        ):
            fence, opened = None, None
    return opened


def unclosed_display_math_line(text: str, start_line: int) -> int | None:
    """Line of a ``$$`` that has no partner, outside code (an odd count of delimiters)."""
    opened: int | None = None
    for number, line, in_code in prose_lines(text, start_line):
        if in_code:
            continue
        for _ in range(strip_inline_code(line).count("$$")):
            opened = number if opened is None else None
    return opened


def strip_inline_code(line: str) -> str:
    return INLINE_CODE.sub(lambda m: " " * len(m.group(0)), line)


def parse_body(text: str, path: str, start_line: int) -> tuple[Body, list[Problem]]:
    """Find the two language sections and the cross-links in each."""
    body = Body()
    problems: list[Problem] = []
    current: str | None = None
    buffers: dict[str, list[str]] = {}
    starts: dict[str, int] = {}
    preamble: list[tuple[int, str]] = []
    for number, line, in_code in prose_lines(text, start_line):
        heading = H1.match(line) if not in_code else None
        if heading:
            title = (heading.group(1) or "").strip()
            lang = SECTION_HEADINGS.get(title)
            if lang is None:
                problems.append(
                    Problem(
                        path,
                        number,
                        "body",
                        f"unexpected level-1 heading '{line.strip()}'",
                        "level-1 headings are only '# 中文' and '# English'; use '##' inside an answer",
                    )
                )
            elif lang in buffers:
                problems.append(
                    Problem(
                        path,
                        number,
                        "body",
                        f"second '# {title}' section",
                        f"merge the two '# {title}' sections into one",
                    )
                )
                current = lang  # keep reading into the first one, so nothing else is misreported
            else:
                if lang == "zh" and "en" in buffers:
                    problems.append(
                        Problem(path, number, "body", "'# 中文' comes after '# English'", "put the Chinese section first")
                    )
                current = lang
                buffers[lang] = []
                starts[lang] = number + 1
            continue
        if current is None:
            if line.strip():
                preamble.append((number, line))
            continue
        buffers[current].append(line)
        if not in_code:
            for match in CROSS_LINK.finditer(strip_inline_code(line)):
                body.links.append(CrossLink(match.group(1), (match.group(2) or "").strip() or None, number))

    if preamble:
        number, line = preamble[0]
        problems.append(
            Problem(
                path,
                number,
                "body",
                "text before the '# 中文' section",
                "move it into the '# 中文' or '# English' section",
            )
        )
    for lang, heading in HEADING_FOR.items():
        if lang not in buffers:
            problems.append(
                Problem(
                    path,
                    None,
                    f"body.{lang}",
                    f"the '# {heading}' section is missing",
                    f"add a line '# {heading}' followed by the {'Chinese' if lang == 'zh' else 'English'} answer",
                )
            )
            continue
        content = "\n".join(buffers[lang]).strip("\n")
        if not content.strip():
            problems.append(
                Problem(
                    path,
                    starts[lang] - 1,
                    f"body.{lang}",
                    f"the '# {heading}' answer is empty",
                    "write the answer below the heading",
                )
            )
        body.sections[lang] = Section(lang, "\n".join(buffers[lang]), starts[lang])
    math_line = unclosed_display_math_line(text, start_line)
    if math_line is not None:
        problems.append(
            Problem(path, math_line, "body", "display math '$$' is opened but never closed", "close the formula with a line '$$'")
        )
    fence_line = unclosed_fence_line(text, start_line)
    if fence_line is not None:
        problems.append(Problem(path, fence_line, "body", "code fence is never closed", "add a closing ``` line after the code"))
    return body, problems
