"""Chinese copywriting lint: spaces between Chinese and Latin letters or digits, full-width
punctuation in Chinese sentences. Code, math, links, HTML and URLs are skipped.

Used by ``handbook lint`` and the pre-commit hook on changed files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .body import prose_lines, strip_inline_code

HAN = r"[\u3400-\u4dbf\u4e00-\u9fff]"
LATIN = r"[A-Za-z0-9]"
MISSING_SPACE = [
    (re.compile(f"({HAN})({LATIN})"), "add a space between Chinese and Latin text"),
    (re.compile(f"({LATIN})({HAN})"), "add a space between Latin and Chinese text"),
]
HALF_WIDTH = re.compile(f"{HAN}([,;:?!])(?=\\s|{HAN}|$)|{HAN}\\(|\\)(?={HAN})")
HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
# Spans the lint must not look into: math, links' targets, autolinks, HTML tags, cross-links, URLs.
SKIP = re.compile(r"\$\$.*?\$\$|\$[^$\n]+\$|\]\([^)]*\)|<[^>\n]+>|\[\[[^\]]*\]\]|https?://\S+|\{[:#.][^}\n]*\}|&[a-z#0-9]+;")


@dataclass(frozen=True)
class LintProblem:
    path: str
    line: int
    message: str
    excerpt: str

    def format(self) -> str:
        return f"{self.path}:{self.line}: {self.message}: …{self.excerpt}…"


def lint_line(line: str) -> list[tuple[str, str]]:
    text = SKIP.sub(lambda m: " " * len(m.group(0)), strip_inline_code(line))
    found = []
    for pattern, message in MISSING_SPACE:
        for match in pattern.finditer(text):
            found.append((message, line[max(0, match.start() - 6) : match.end() + 6]))
    for match in HALF_WIDTH.finditer(text):
        char = match.group(1) or ("(" if match.group(0).endswith("(") else ")")
        found.append(
            (f"use full-width '{HALF_TO_FULL[char]}' in Chinese text", line[max(0, match.start() - 6) : match.end() + 6])
        )
    return found


def lint_markdown(text: str, path: str) -> list[LintProblem]:
    """Lint the Chinese section and the zh title of a question file."""
    problems = []
    in_front_matter = text.startswith("---\n")
    section = None
    for number, line, in_code in prose_lines(text, 1):
        if number > 1 and in_front_matter and line.strip() == "---":
            in_front_matter = False
            continue
        if in_front_matter:
            if line.strip().startswith("zh:"):
                problems += [LintProblem(path, number, m, e) for m, e in lint_line(line.split("zh:", 1)[1])]
            continue
        if not in_code and line.startswith("# "):
            section = line[2:].strip()
            continue
        if section == "中文" and not in_code:
            problems += [LintProblem(path, number, m, e) for m, e in lint_line(line)]
    return problems


def lint_files(paths: list[Path]) -> list[LintProblem]:
    problems = []
    for path in paths:
        if path.suffix == ".md" and path.is_file():
            problems += lint_markdown(path.read_text(encoding="utf-8", errors="replace"), path.as_posix())
    return problems
