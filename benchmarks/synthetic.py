"""Synthetic handbooks for the benchmark: N questions made from the real answers.

Each synthetic question reuses the body of a real question (real length, formulas, code,
tables), gets its own id and titles, and links to other synthetic questions, so pages,
cross-links, backlinks and search text look like the real handbook at N questions.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from handbook_build.loader import load_handbook

PER_TOPIC = 25
PER_GROUP = 5
CROSS_LINK = re.compile(r"\[\[\s*([^\[\]|\n]*?)\s*(\|[^\[\]\n]*)?\]\]")


def real_questions(content: Path) -> list[tuple[dict, str]]:
    """(front matter, body) of every real question, in handbook order."""
    handbook, _ = load_handbook(content)
    result = []
    for qid in handbook.ordered_ids():
        question = handbook.questions[qid]
        text = (content.parent / question.path).read_text(encoding="utf-8")
        _, front, body = text.split("---\n", 2)
        result.append((yaml.safe_load(front), body))
    return result


def relink(body: str, targets: list[str]) -> str:
    """Point every cross-link of a real answer at one of ``targets``, in turn."""
    cycle = iter(targets * 50)
    return CROSS_LINK.sub(lambda m: f"[[{next(cycle)}{m.group(2) or ''}]]", body)


def generate(content: Path, target: Path, count: int) -> Path:
    """Write a content folder of ``count`` questions into ``target/content``."""
    sources = real_questions(content)
    out = target / "content"
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    shutil.copy(content / "collections.yml", out / "collections.yml")
    ids = [f"q{n:05d}" for n in range(count)]
    for start in range(0, count, PER_TOPIC):
        topic = f"topic-{start // PER_TOPIC:04d}"
        folder = out / topic
        folder.mkdir()
        members = ids[start : start + PER_TOPIC]
        groups = []
        for g in range(0, len(members), PER_GROUP):
            groups.append(
                {
                    "title": {"zh": f"第 {g // PER_GROUP + 1} 组", "en": f"Group {g // PER_GROUP + 1}"},
                    "questions": members[g : g + PER_GROUP],
                }
            )
        (folder / "_topic.yml").write_text(
            yaml.safe_dump(
                {
                    "order": start // PER_TOPIC,
                    "title": {"zh": f"主题 {start // PER_TOPIC}", "en": f"Topic {start // PER_TOPIC}"},
                    "description": {"zh": "合成的基准测试主题。", "en": "A synthetic benchmark topic."},
                    "groups": groups,
                },
                allow_unicode=True,
                sort_keys=False,
            ),
            encoding="utf-8",
        )
        for qid in members:
            n = int(qid[1:])
            front, body = sources[n % len(sources)]
            neighbours = [ids[(n + k) % count] for k in (1, 2, 7) if count > 1 and ids[(n + k) % count] != qid]
            body = relink(body, neighbours)
            meta = {
                "id": qid,
                "title": {
                    lang: f"{front['title'][lang]}（{n}）" if lang == "zh" else f"{front['title'][lang]} ({n})"
                    for lang in ("zh", "en")
                },
                "difficulty": front["difficulty"],
                "tags": front["tags"],
                "related": neighbours[:2],
                "asked_in": front["asked_in"],
            }
            (folder / f"{qid}.md").write_text(
                "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body, encoding="utf-8"
            )
    return out
