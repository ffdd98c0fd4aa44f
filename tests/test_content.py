"""The repository's own content: valid, complete against the inventory, and built into both editions."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import yaml
from conftest import ROOT, build_editions

from handbook_build.loader import load_handbook

INVENTORY = ROOT.parent / "shared" / "inventory" / "questions.yaml"
FINISHED_TOPICS = [
    "llm-basics",
    "llm-advanced",
    "architecture",
    "position-encoding",
    "normalization",
    "activation",
    "tokenizer",
    "llm-training",
    "inference",
    "gpu-memory",
    "evaluation",
]
"""Topics whose every inventory entry must be answered (grows as content issues land)."""


@pytest.fixture(scope="module")
def handbook():
    return load_handbook(ROOT / "content")


def test_handbook_check_passes_on_the_repository():
    result = subprocess.run(
        [sys.executable, "-m", "handbook_build", "check"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert result.stdout.startswith("ok: ")


def inventory_entries(topic: str) -> list[dict]:
    data = yaml.safe_load(INVENTORY.read_text(encoding="utf-8"))
    return next(t for t in data["topics"] if t["key"] == topic)["questions"]


@pytest.mark.skipif(not INVENTORY.exists(), reason="the inventory lives in ../shared beside the repository")
@pytest.mark.parametrize("topic", FINISHED_TOPICS)
def test_finished_topics_answer_every_inventory_entry(handbook, topic):
    book, _ = handbook
    present = {(key, label) for q in book.questions.values() for key, labels in q.asked_in.items() for label in labels}
    for entry in inventory_entries(topic):
        for key, value in entry["in"].items():
            for label in value if isinstance(value, list) else [value]:
                assert (key, str(label)) in present, f"{entry['key']} ({entry['zh']}): {key} {label} not in any asked_in"


def test_content_passes_the_chinese_copywriting_lint():
    from handbook_build.lint_zh import lint_files

    assert [p.format() for p in lint_files(sorted((ROOT / "content").glob("*/*.md")))] == []


def test_every_question_has_both_languages(handbook):
    book, _ = handbook
    for question in book.questions.values():
        for lang in ("zh", "en"):
            assert question.sections[lang].text.strip(), f"{question.path}: empty {lang} answer"
            assert question.title[lang].strip()


@pytest.fixture(scope="module")
def real_site(tmp_path_factory):
    return build_editions(ROOT, tmp_path_factory.mktemp("real") / "site")


def test_every_question_is_built_in_both_editions_with_a_working_language_switch(handbook, real_site):
    book, _ = handbook
    for question in book.questions.values():
        for edition, other in (("", "en/"), ("en/", "")):
            url = f"{edition}{question.topic}/{question.id}/"
            html = (real_site / url / "index.html").read_text(encoding="utf-8")
            lang = "en" if other else "zh"
            href = re.search(rf'<a href="([^"]+)" hreflang="{lang}" class="md-select__link"', html).group(1)
            landed = (real_site / url / href).resolve()
            assert landed == (real_site / f"{other}{question.topic}/{question.id}").resolve(), url
            assert (landed / "index.html").exists()


@pytest.mark.parametrize("edition", ["", "en/"])
def test_nothing_is_lost(handbook, real_site, edition):
    """Question files = question pages = search entries = table-of-contents entries, per edition."""
    import json

    book, _ = handbook
    files = {f"{p.parent.name}/{p.stem}" for p in (ROOT / "content").glob("*/*.md")}
    topics = {t.key for t in book.topics}
    pages = {
        str(p.parent.relative_to(real_site / edition))
        for p in (real_site / edition).glob("*/*/index.html")
        if p.parent.parent.name in topics and p.parent.name != "print"
    }
    index = json.loads((real_site / edition / "search" / "search_index.json").read_text(encoding="utf-8"))
    searchable = {d["location"].rstrip("/") for d in index["docs"] if d.get("kind", "question") == "question"}
    toc = set()
    for topic in book.topics:
        html = (real_site / edition / topic.key / "index.html").read_text(encoding="utf-8")
        toc |= {f"{topic.key}/{qid}" for qid in re.findall(r'<td><a href="([^"/]+)/">', html)}
    assert len(files) == len(book.questions)
    assert files == pages == searchable == toc


def test_every_link_of_the_real_site_works(real_site):
    from handbook_build.linkcheck import check_site

    report = check_site(real_site)
    assert report.broken == []
    assert report.links_checked > 1000
