"""Golden file of validation messages for a content folder with planted mistakes.

Regenerate after an intended wording change with ``UPDATE_GOLDEN=1 pytest tests/test_golden_messages.py``
and review the diff.
"""

import os
import subprocess
import sys

from conftest import FIXTURES

BROKEN = FIXTURES / "broken"
GOLDEN = BROKEN / "expected-problems.txt"


def run_check(cwd):
    return subprocess.run([sys.executable, "-m", "handbook_build", "check"], cwd=cwd, capture_output=True, text=True, timeout=60)


def test_every_planted_problem_is_reported_in_one_run():
    result = run_check(BROKEN)
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(result.stdout, encoding="utf-8")
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout == GOLDEN.read_text(encoding="utf-8")
    assert result.stderr.strip().endswith("problem(s) in content")


def test_golden_covers_each_kind_of_mistake():
    golden = GOLDEN.read_text(encoding="utf-8")
    for expected in [
        "missing front matter",
        "front matter is not terminated",
        "YAML syntax error",
        "unknown key (did you mean 'title'?)",
        "must be a list, got text",
        "title.en: is missing",
        "the '# English' section is missing",
        "is not allowed",
        "duplicate id",
        "is not listed in",
        "has no question file",
        "unknown question id",
        "points to an unknown id",
        "unknown collection key",
        "not valid UTF-8",
        "<script> tag",
        "<iframe> tag",
        "event-handler attribute",
        "'javascript:' URL",
        "'data:' URL",
        "code fence is never closed",
        "outside any topic folder",
        "topic folder has no _topic.yml",
        "is a number",
    ]:
        assert expected in golden, expected
    for line in golden.splitlines():
        path = line.split(":", 1)[0]
        assert path.startswith("content/"), line
