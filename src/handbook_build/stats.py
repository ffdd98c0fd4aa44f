"""Numbers about the handbook, and coverage of the question inventory."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from .model import Handbook
from .schema import DIFFICULTIES, LANGUAGES


def handbook_stats(handbook: Handbook, topics: list[str] | None = None) -> dict[str, Any]:
    chosen = [t for t in handbook.topics if not topics or t.key in topics]
    ids = [qid for topic in chosen for qid in topic.question_ids()]
    questions = [handbook.questions[qid] for qid in ids]
    per_collection: Counter[str] = Counter()
    for question in questions:
        per_collection.update(question.asked_in.keys())
    return {
        "topics": {t.key: len(t.question_ids()) for t in chosen},
        "questions": len(questions),
        "per_collection": {key: per_collection.get(key, 0) for key in handbook.collections},
        "difficulty": {level: sum(q.difficulty == level for q in questions) for level in DIFFICULTIES},
        "missing_translation": {
            lang: sorted(q.id for q in questions if lang not in q.sections or not q.sections[lang].text.strip())
            for lang in LANGUAGES
        },
        "broken": sorted(q.id for q in questions if q.broken),
    }


def inventory_coverage(handbook: Handbook, inventory: Path, topics: list[str] | None = None) -> dict[str, Any]:
    """Which inventory entries have all their position labels in some question's ``asked_in``."""
    data = yaml.safe_load(inventory.read_text(encoding="utf-8"))
    present: set[tuple[str, str]] = set()
    for question in handbook.questions.values():
        for key, labels in question.asked_in.items():
            present.update((key, label) for label in labels)
    missing: dict[str, list[str]] = {}
    total = covered = 0
    for topic in data.get("topics", []):
        if topics and topic["key"] not in topics:
            continue
        for entry in topic.get("questions", []):
            total += 1
            labels = [
                (key, str(label))
                for key, value in (entry.get("in") or {}).items()
                for label in (value if isinstance(value, list) else [value])
            ]
            if all(label in present for label in labels):
                covered += 1
            else:
                missing.setdefault(topic["key"], []).append(f"{entry['key']}: {entry['zh']}")
    return {"entries": total, "covered": covered, "missing": missing}


def format_stats(stats: dict[str, Any], coverage: dict[str, Any] | None) -> str:
    lines = [f"questions: {stats['questions']}", "", "per topic:"]
    lines += [f"  {key:<28} {count:>4}" for key, count in stats["topics"].items()]
    lines += ["", "per collection (questions asked there):"]
    lines += [f"  {key:<28} {count:>4}" for key, count in stats["per_collection"].items()]
    lines += ["", "difficulty:"] + [f"  {key:<28} {count:>4}" for key, count in stats["difficulty"].items()]
    lines += ["", "missing translations:"]
    for lang, ids in stats["missing_translation"].items():
        lines.append(f"  {lang}: {len(ids)}" + (f" ({', '.join(ids)})" if ids else ""))
    if stats["broken"]:
        lines.append(f"  files with errors: {', '.join(stats['broken'])}")
    if coverage is not None:
        lines += ["", f"inventory coverage: {coverage['covered']}/{coverage['entries']} entries answered"]
        for topic, entries in coverage["missing"].items():
            lines.append(f"  {topic}: {len(entries)} unanswered")
    return "\n".join(lines)
