"""Check the shape of question front matter and topic files.

A small declarative check instead of a schema library: the messages must name the field,
say what is wrong in a contributor's words and suggest the fix (including "did you mean"
for typos such as ``titel``).
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from .problems import Problem

LANGUAGES = ("zh", "en")
DIFFICULTIES = ("easy", "medium", "hard")
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
RESERVED_IDS = ("index", "print")
"""Page names the build generates inside every topic folder."""
RESERVED_TOPICS = ("collections", "tags", "print", "search", "assets", "en", "zh")
"""Folder names the build uses at the site root."""
QUESTION_KEYS = ("id", "title", "difficulty", "tags", "related", "asked_in")
REQUIRED_QUESTION_KEYS = ("id", "title", "difficulty", "tags", "asked_in")
TOPIC_KEYS = ("order", "title", "description", "groups")
GROUP_KEYS = ("title", "questions")


def type_name(value: Any) -> str:
    names = {
        str: "text",
        int: "a number",
        float: "a number",
        bool: "true/false",
        list: "a list",
        dict: "a mapping",
        type(None): "empty",
    }
    return names.get(type(value), type(value).__name__)


def unknown_key_problems(
    data: dict[str, Any],
    allowed: tuple[str, ...],
    path: str,
    lines: dict[str, int],
    field_prefix: str = "",
    line: int | None = None,
) -> list[Problem]:
    problems = []
    for key in data:
        if key in allowed:
            continue
        close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else f"allowed keys: {', '.join(allowed)}"
        problems.append(Problem(path, lines.get(str(key), line), f"{field_prefix}{key}", "unknown key", hint))
    return problems


def check_bilingual(
    value: Any, path: str, line: int | None, field_name: str, lines: dict[str, int] | None = None
) -> list[Problem]:
    """A ``{zh: ..., en: ...}`` mapping of non-empty strings."""
    lines = lines or {}
    example = f"write '{field_name}:' with two lines below it, '  zh: ...' and '  en: ...'"
    if not isinstance(value, dict):
        return [Problem(path, line, field_name, f"must be a mapping with 'zh' and 'en', got {type_name(value)}", example)]
    problems = unknown_key_problems(value, LANGUAGES, path, {}, f"{field_name}.", line)
    for lang in LANGUAGES:
        text = value.get(lang)
        line = lines.get(f"{field_name}.{lang}", line)
        if text is None:
            problems.append(
                Problem(
                    path,
                    line,
                    f"{field_name}.{lang}",
                    "is missing",
                    f"add the {'Chinese' if lang == 'zh' else 'English'} text as '{lang}: ...'",
                )
            )
        elif not isinstance(text, str):
            problems.append(
                Problem(path, line, f"{field_name}.{lang}", f"must be text, got {type_name(text)}", "quote the value")
            )
        elif not text.strip():
            problems.append(Problem(path, line, f"{field_name}.{lang}", "is empty", "write the text"))
    return problems


def check_id_list(value: Any, path: str, line: int | None, field_name: str) -> list[Problem]:
    if not isinstance(value, list):
        return [
            Problem(
                path,
                line,
                field_name,
                f"must be a list of question ids, got {type_name(value)}",
                f"write '{field_name}: [first-id, second-id]'",
            )
        ]
    problems = []
    for item in value:
        if not isinstance(item, str) or not ID_PATTERN.match(item):
            problems.append(
                Problem(
                    path,
                    line,
                    field_name,
                    f"'{item}' is not a question id",
                    "ids are lower-case words joined by '-', like 'rope-derivation'",
                )
            )
    return problems


def check_question_front_matter(data: dict[str, Any], path: str, lines: dict[str, int], expected_id: str) -> list[Problem]:
    """Shape of one question's front matter; cross-file checks live in ``loader``."""
    problems = unknown_key_problems(data, QUESTION_KEYS, path, lines)
    for key in REQUIRED_QUESTION_KEYS:
        if key not in data:
            problems.append(Problem(path, 2, key, "is missing", f"add '{key}:' to the front matter"))

    if "id" in data:
        qid = data["id"]
        line = lines.get("id")
        if not isinstance(qid, str) or not ID_PATTERN.match(qid):
            problems.append(
                Problem(
                    path,
                    line,
                    "id",
                    f"'{qid}' is not a valid id",
                    "use lower-case letters, digits and '-', like 'rope-derivation'",
                )
            )
        elif qid in RESERVED_IDS:
            problems.append(
                Problem(
                    path,
                    line,
                    "id",
                    f"'{qid}' is reserved for a generated page",
                    f"choose another id (not {', '.join(RESERVED_IDS)}) and rename the file",
                )
            )
        elif qid != expected_id:
            problems.append(
                Problem(
                    path,
                    line,
                    "id",
                    f"'{qid}' does not match the file name '{expected_id}.md'",
                    f"rename the file to '{qid}.md' or set 'id: {expected_id}'",
                )
            )
    if "title" in data:
        problems += check_bilingual(data["title"], path, lines.get("title"), "title", lines)
    if "difficulty" in data and data["difficulty"] not in DIFFICULTIES:
        problems.append(
            Problem(
                path,
                lines.get("difficulty"),
                "difficulty",
                f"'{data['difficulty']}' is not allowed",
                f"use one of: {', '.join(DIFFICULTIES)}",
            )
        )
    if "tags" in data:
        tags = data["tags"]
        if not isinstance(tags, list):
            problems.append(
                Problem(
                    path,
                    lines.get("tags"),
                    "tags",
                    f"must be a list, got {type_name(tags)}",
                    "write 'tags: [RoPE, 旋转位置编码]'",
                )
            )
        else:
            for tag in tags:
                if not isinstance(tag, str) or not tag.strip():
                    problems.append(
                        Problem(path, lines.get("tags"), "tags", f"tag {tag!r} must be non-empty text", "quote the tag")
                    )
            duplicates = sorted({t for t in tags if isinstance(t, str) and tags.count(t) > 1})
            if duplicates:
                problems.append(
                    Problem(
                        path,
                        lines.get("tags"),
                        "tags",
                        f"repeated tag(s): {', '.join(duplicates)}",
                        "list each tag once",
                    )
                )
    if "related" in data:
        problems += check_id_list(data["related"], path, lines.get("related"), "related")
    if "asked_in" in data:
        problems += check_asked_in(data["asked_in"], path, lines.get("asked_in"))
    return problems


def check_asked_in(value: Any, path: str, line: int | None) -> list[Problem]:
    if not isinstance(value, dict) or not value:
        return [
            Problem(
                path,
                line,
                "asked_in",
                "is empty" if value == {} else f"must be a mapping of collection to label, got {type_name(value)}",
                "copy the inventory entry's 'in', e.g. 'asked_in: {km1994-notes: \"15.4.2\"}'",
            )
        ]
    problems = []
    for key, labels in value.items():
        items = labels if isinstance(labels, list) else [labels]
        if not items:
            problems.append(Problem(path, line, f"asked_in.{key}", "has no position label", "copy the label from the inventory"))
        for label in items:
            if isinstance(label, (int, float)) and not isinstance(label, bool):
                problems.append(
                    Problem(
                        path,
                        line,
                        f"asked_in.{key}",
                        f"label {label!r} is a number",
                        "quote the label exactly as the inventory writes it; unquoted, YAML reads 15.10 as the number 15.1",
                    )
                )
            elif not isinstance(label, str) or not label.strip():
                problems.append(Problem(path, line, f"asked_in.{key}", f"label {label!r} must be text", "quote the label"))
    return problems


def check_topic(data: dict[str, Any], path: str, lines: dict[str, int]) -> list[Problem]:
    """Shape of a ``_topic.yml``."""
    problems = unknown_key_problems(data, TOPIC_KEYS, path, lines)
    for key in TOPIC_KEYS:
        if key not in data:
            problems.append(Problem(path, 1, key, "is missing", f"add '{key}:' to the topic file"))
    if "order" in data and (not isinstance(data["order"], int) or isinstance(data["order"], bool)):
        problems.append(
            Problem(
                path,
                lines.get("order"),
                "order",
                f"must be a whole number, got {type_name(data['order'])}",
                "write e.g. 'order: 60'",
            )
        )
    for key in ("title", "description"):
        if key in data:
            problems += check_bilingual(data[key], path, lines.get(key), key, lines)
    groups = data.get("groups")
    if "groups" in data:
        line = lines.get("groups")
        if not isinstance(groups, list) or not groups:
            problems.append(
                Problem(
                    path,
                    line,
                    "groups",
                    "is empty" if groups == [] else f"must be a list of groups, got {type_name(groups)}",
                    "write '- title: {zh: ..., en: ...}' and 'questions: [...]' items",
                )
            )
        else:
            for number, group in enumerate(groups, 1):
                field_name = f"groups[{number}]"
                line = lines.get(field_name, lines.get("groups"))
                if not isinstance(group, dict):
                    problems.append(
                        Problem(
                            path,
                            line,
                            field_name,
                            f"must be a mapping, got {type_name(group)}",
                            "give the group a 'title' and 'questions'",
                        )
                    )
                    continue
                problems += unknown_key_problems(group, GROUP_KEYS, path, {}, f"{field_name}.", line)
                problems += check_bilingual(
                    group.get("title"), path, lines.get(f"{field_name}.title", line), f"{field_name}.title", lines
                )
                problems += check_id_list(
                    group.get("questions"), path, lines.get(f"{field_name}.questions", line), f"{field_name}.questions"
                )
    return problems
