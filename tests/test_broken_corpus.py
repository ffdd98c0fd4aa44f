"""A corpus of broken content: each case gets exact, located, fixable messages and exit status 1.

Expected messages live in ``fixtures/corpus/expected.json``; after an intended wording
change regenerate with ``UPDATE_GOLDEN=1 pytest tests/test_broken_corpus.py`` and review the diff.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from conftest import FIXTURES, build_editions
from corpus_cases import BASE, BROKEN, UNUSUAL_BUT_VALID

from handbook_build.cli import main

GOLDEN = FIXTURES / "corpus" / "expected.json"
LOCATED = re.compile(r"^content/[^:]+(:\d+)?: ")


def write_content(root: Path, changes: dict[str, str | bytes | None]) -> Path:
    files = {**BASE, **changes}
    for relative, data in files.items():
        if data is None:
            continue
        target = root / "content" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return root


def run_check(root: Path, monkeypatch, capsys) -> tuple[int, list[str]]:
    monkeypatch.chdir(root)
    status = main(["check"])
    return status, capsys.readouterr().out.splitlines()


@pytest.fixture(scope="module")
def golden():
    data = json.loads(GOLDEN.read_text(encoding="utf-8")) if GOLDEN.exists() else {}
    yield data
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(json.dumps(dict(sorted(data.items())), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def test_corpus_is_large_enough():
    assert len(BROKEN) >= 50


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_case_is_reported_exactly(case, tmp_path, monkeypatch, capsys, golden):
    status, lines = run_check(write_content(tmp_path, BROKEN[case]), monkeypatch, capsys)
    if os.environ.get("UPDATE_GOLDEN"):
        golden[case] = lines
    assert status == 1
    assert lines == golden[case]
    for line in lines:  # every message names the file, the field or line where known, and a fix
        assert LOCATED.match(line), line
        assert line.endswith(")"), f"no hint: {line}"


@pytest.mark.parametrize("case", sorted(UNUSUAL_BUT_VALID))
def test_unusual_but_valid_input_checks_and_builds(case, tmp_path, monkeypatch, capsys):
    root = write_content(tmp_path, UNUSUAL_BUT_VALID[case])
    status, lines = run_check(root, monkeypatch, capsys)
    assert (status, lines) == (0, ["ok: 1 topics, 1 questions, no problems"])
    for name in ("mkdocs.yml", "mkdocs.en.yml"):
        (root / name).write_text((FIXTURES / "tiny" / name).read_text(encoding="utf-8"), encoding="utf-8")
    site = build_editions(root, root / "site")
    for edition, title in (("", "什么是位置编码？"), ("en/", "What is position encoding?")):
        html = (site / edition / "t" / "q" / "index.html").read_text(encoding="utf-8")
        assert f">{title}<" in html
    if case == "windows-path-in-link":
        assert '<a href="../fig.png">the figure</a>' in (site / "en/t/q/index.html").read_text(encoding="utf-8")
        assert (site / "t" / "fig.png").exists()
