"""Every ```python block in an answer runs and checks its own result (content standard)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from handbook_build.body import prose_lines
from handbook_build.frontmatter import decode, split_front_matter

CONTENT = Path(__file__).resolve().parent.parent / "content"
OPENING = re.compile(r"^ {0,3}(`{3,}|~{3,})\s*(?:\{\s*\.)?(python|py)\b", re.IGNORECASE)


def python_blocks(path: Path) -> list[tuple[int, str]]:
    """``(line, code)`` of each python fence in the file's body."""
    text, _ = decode(path.read_bytes(), str(path))
    parsed, _ = split_front_matter(text or "", str(path))
    blocks, current, start = [], None, 0
    for number, line, in_code in prose_lines(parsed.body or "", parsed.body_start_line):
        if current is None:
            if in_code and OPENING.match(line):
                current, start = [], number
        elif in_code and not re.match(r"^ {0,3}(`{3,}|~{3,})\s*$", line):
            current.append(line)
        else:
            blocks.append((start, "\n".join(current)))
            current = None
    return blocks


CASES = [
    pytest.param(path, line, code, id=f"{path.relative_to(CONTENT)}:{line}")
    for path in sorted(CONTENT.glob("*/*.md"))
    for line, code in python_blocks(path)
]


def test_extractor_finds_blocks(tmp_path):
    sample = tmp_path / "q.md"
    sample.write_text(
        "---\nid: q\n---\n# 中文\n```python\nx = 1\nassert x == 1\n```\n\n```text\nnot run\n```\n", encoding="utf-8"
    )
    assert python_blocks(sample) == [(5, "x = 1\nassert x == 1")]


@pytest.mark.parametrize("path,line,code", CASES)
def test_answer_code_runs(path, line, code):
    if re.search(r"^\s*(import|from)\s+torch\b", code, re.MULTILINE) and not os.environ.get("CI"):
        pytest.importorskip("torch")  # CI installs torch: there a missing torch fails the test
    assert "assert" in code, f"{path}:{line}: the block must check its own result with assert"
    namespace: dict[str, object] = {"__name__": "__answer__"}
    # dont_inherit: the block must not pick up this module's `from __future__ import annotations`
    exec(compile(code, f"{path}:{line}", "exec", dont_inherit=True), namespace)  # noqa: S102 - reviewed content
