"""The ``handbook`` command on the tiny project."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import TINY

from handbook_build.cli import main


def run(*args, cwd):
    return subprocess.run([sys.executable, "-m", "handbook_build", *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_check_passes_on_valid_content(capsys):
    assert main(["--content", str(TINY / "content"), "check"]) == 0
    assert capsys.readouterr().out.strip() == "ok: 2 topics, 4 questions, no problems"


def test_new_scaffolds_a_question_and_adds_it_to_the_order(tiny_copy):
    result = run("new", "basics", "new-question", cwd=tiny_copy)
    assert result.returncode == 0, result.stderr
    created = tiny_copy / "content" / "basics" / "new-question.md"
    text = created.read_text(encoding="utf-8")
    assert "id: new-question" in text and "\n# 中文\n" in text and "\n# English\n" in text
    topic = (tiny_copy / "content" / "basics" / "_topic.yml").read_text(encoding="utf-8")
    assert "questions: [forgetting, attention-intro, new-question]" in topic
    check = run("check", cwd=tiny_copy)
    assert check.returncode == 1
    assert check.stdout.splitlines() == [
        "content/basics/new-question.md:9: asked_in: is empty "
        "(copy the inventory entry's 'in', e.g. 'asked_in: {km1994-notes: \"15.4.2\"}')"
    ]


def test_new_creates_a_topic_and_refuses_duplicates(tiny_copy):
    assert run("new", "fresh-topic", "first", cwd=tiny_copy).returncode == 0
    assert (tiny_copy / "content" / "fresh-topic" / "_topic.yml").exists()
    again = run("new", "basics", "forgetting", cwd=tiny_copy)
    assert again.returncode == 1
    assert "already used" in again.stderr
    bad = run("new", "basics", "Bad_Id", cwd=tiny_copy)
    assert bad.returncode == 1 and "not a valid id" in bad.stderr


def test_stats(capsys):
    assert main(["--content", str(TINY / "content"), "stats", "--json", "--inventory", "/nonexistent"]) == 0
    stats = json.loads(capsys.readouterr().out)["stats"]
    assert stats["topics"] == {"basics": 3, "advanced": 1}
    assert stats["per_collection"] == {"alpha": 3, "beta": 2}
    assert stats["difficulty"] == {"easy": 2, "medium": 1, "hard": 1}
    assert stats["missing_translation"] == {"zh": [], "en": []}


def test_build_writes_both_editions(tiny_copy):
    result = run("build", cwd=tiny_copy)
    assert result.returncode == 0, result.stderr[-2000:]
    assert (tiny_copy / "site" / "basics" / "forgetting" / "index.html").exists()
    assert (tiny_copy / "site" / "en" / "basics" / "forgetting" / "index.html").exists()
    again = run("build", cwd=tiny_copy)  # the second run must not lose the English edition
    assert again.returncode == 0
    assert (tiny_copy / "site" / "en" / "index.html").exists()
