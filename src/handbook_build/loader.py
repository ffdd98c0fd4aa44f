"""Read ``content/`` into a :class:`Handbook` and report every problem in one pass.

This is the one validator: ``handbook check`` and the MkDocs plugin both call
:func:`load_handbook`. A file with problems is still returned (marked ``broken`` when its
answer cannot be published) so that nothing is silently dropped: the preview shows an
error page for it and a strict build fails.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import schema
from .body import parse_body
from .frontmatter import decode, load_yaml, split_front_matter
from .model import Collection, Group, Handbook, Question, Topic
from .problems import Problem, sort_problems
from .safety import scan_markdown, scan_plain

TOPIC_FILE = "_topic.yml"
COLLECTIONS_FILE = "collections.yml"
ASSET_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp"}
UNGROUPED = {"zh": "未归入目录的问题", "en": "Questions missing from the topic order"}


@dataclass(frozen=True)
class ContentRoot:
    """The content folder, and how messages name it (as the user typed it)."""

    path: Path
    shown: str

    def name(self, file: Path) -> str:
        return (Path(self.shown) / file.relative_to(self.path)).as_posix()


def is_hidden(path: Path) -> bool:
    return path.name.startswith(".")


def load_collections(content: ContentRoot) -> tuple[dict[str, Collection], list[Problem]]:
    path = content.path / COLLECTIONS_FILE
    shown = content.name(path)
    if not path.exists():
        return {}, [
            Problem(
                shown,
                None,
                "",
                "file is missing",
                "create it with a list of '- key: ..., title: ..., link: ...' entries",
            )
        ]
    text, problems = decode(path.read_bytes(), shown)
    if text is None:
        return {}, problems
    data, lines, problems = load_yaml(text, shown)
    if problems:
        return {}, problems
    if not isinstance(data, list):
        return {}, [
            Problem(
                shown,
                1,
                "",
                f"must be a list of collections, got {schema.type_name(data)}",
                "write '- key: km1994-notes' items with 'title' and 'link'",
            )
        ]
    collections: dict[str, Collection] = {}
    for number, entry in enumerate(data, 1):
        line = lines.get(f"[{number}]")
        if not isinstance(entry, dict) or not isinstance(entry.get("key"), str) or not isinstance(entry.get("title"), str):
            problems.append(
                Problem(
                    shown,
                    line,
                    f"[{number}]",
                    "needs text 'key' and 'title'",
                    "write '- key: my-collection' and 'title: ...'",
                )
            )
            continue
        problems += schema.unknown_key_problems(entry, ("key", "title", "link"), shown, {}, f"[{number}].", line)
        link = entry.get("link", "")
        if not isinstance(link, str) or (link and not link.startswith(("https://", "http://"))):
            problems.append(
                Problem(
                    shown,
                    line,
                    f"[{number}].link",
                    f"'{link}' is not an http(s) link",
                    "write the full https:// address",
                )
            )
            link = ""
        if entry["key"] in collections:
            problems.append(
                Problem(
                    shown,
                    line,
                    f"[{number}].key",
                    f"duplicate key '{entry['key']}'",
                    "give each collection its own key",
                )
            )
        collections[entry["key"]] = Collection(entry["key"], entry["title"], link)
    return collections, problems


def load_topic(folder: Path, content: ContentRoot) -> tuple[Topic, list[Problem]]:
    path = folder / TOPIC_FILE
    shown = content.name(path)
    fallback = Topic(folder.name, shown, 10**6, {"zh": folder.name, "en": folder.name}, {"zh": "", "en": ""})
    text, problems = decode(path.read_bytes(), shown)
    if text is None:
        return fallback, problems
    data, lines, problems = load_yaml(text, shown)
    if problems:
        return fallback, problems
    if not isinstance(data, dict):
        return fallback, [
            Problem(shown, 1, "", f"must be a mapping, got {schema.type_name(data)}", "start from docs/content-format.md")
        ]
    problems = schema.check_topic(data, shown, lines)
    for field_name, value in [("title", data.get("title")), ("description", data.get("description"))] + [
        (f"groups[{n}].title", g.get("title")) for n, g in enumerate(data.get("groups") or [], 1) if isinstance(g, dict)
    ]:
        problems += plain_text_safety(value, shown, lines.get(field_name), field_name)
    # Keep what is usable, even with problems, so the preview still shows the topic.
    topic = Topic(
        key=folder.name,
        path=shown,
        order=data["order"] if isinstance(data.get("order"), int) else 10**6,
        title=bilingual_or(data.get("title"), folder.name),
        description=bilingual_or(data.get("description"), ""),
    )
    groups = data.get("groups") if isinstance(data.get("groups"), list) else []
    for number, group in enumerate(groups, 1):
        if isinstance(group, dict) and isinstance(group.get("questions"), list):
            ids = [qid for qid in group["questions"] if isinstance(qid, str)]
            topic.groups.append(Group(bilingual_or(group.get("title"), ""), ids))
            for index, qid in enumerate(group["questions"], 1):
                if isinstance(qid, str):
                    topic.lines.setdefault(qid, lines.get(f"groups[{number}].questions[{index}]", 0))
    return topic, problems


def bilingual_or(value: Any, default: str) -> dict[str, str]:
    value = value if isinstance(value, dict) else {}
    return {
        lang: value[lang] if isinstance(value.get(lang), str) and value[lang].strip() else default for lang in schema.LANGUAGES
    }


def plain_text_safety(value: Any, path: str, line: int | None, field_name: str) -> list[Problem]:
    texts = (
        value.values()
        if isinstance(value, dict)
        else [value]
        if isinstance(value, str)
        else value
        if isinstance(value, list)
        else []
    )
    problems = []
    for text in texts:
        if isinstance(text, str):
            for description in scan_plain(text):
                problems.append(
                    Problem(
                        path,
                        line,
                        field_name,
                        f"unsafe markup: {description}",
                        "titles, tags and descriptions are plain text; remove the markup",
                    )
                )
    return problems


PARSED: dict[Path, tuple[tuple[object, ...], tuple[Question, list[Problem]]]] = {}
"""Parsed question files by path, with the stat and arguments they were parsed with: `mkdocs serve`
reloads the handbook on every edit, and re-parsing only the changed file keeps that fast."""


def load_question(path: Path, topic: str, content: ContentRoot, check_markup: bool = True) -> tuple[Question, list[Problem]]:
    stat = path.stat()
    key = (stat.st_mtime_ns, stat.st_size, content.name(path), topic, check_markup)
    cached = PARSED.get(path)
    if cached is not None and cached[0] == key:
        return cached[1]
    result = parse_question(path.read_bytes(), content.name(path), path.stem, topic, check_markup)
    PARSED[path] = (key, result)
    return result


def parse_question(raw: bytes, shown: str, stem: str, topic: str, check_markup: bool = True) -> tuple[Question, list[Problem]]:
    """Everything that can be checked in one question file on its own (no cross-file checks)."""
    question = Question(id=stem, topic=topic, path=shown, title={"zh": stem, "en": stem}, broken=True)
    text, problems = decode(raw, shown)
    if text is None:
        return question, problems
    parsed, problems = split_front_matter(text, shown)
    data = parsed.data
    question.lines = parsed.key_lines
    if data is not None:
        problems += schema.check_question_front_matter(data, shown, parsed.key_lines, stem)
        question.title = bilingual_or(data.get("title"), stem)
        if data.get("difficulty") in schema.DIFFICULTIES:
            question.difficulty = data["difficulty"]
        question.tags = [t for t in data.get("tags") or [] if isinstance(t, str)] if isinstance(data.get("tags"), list) else []
        question.related = (
            [r for r in data.get("related") or [] if isinstance(r, str)] if isinstance(data.get("related"), list) else []
        )
        asked = data.get("asked_in")
        if isinstance(asked, dict):
            question.asked_in = {
                str(k): [str(v) for v in (labels if isinstance(labels, list) else [labels])] for k, labels in asked.items()
            }
        for field_name in ("title", "tags"):
            problems += plain_text_safety(data.get(field_name), shown, parsed.key_lines.get(field_name), field_name)
    if parsed.body is None:  # unterminated front matter: there is no body to check
        question.problems = [p.format() for p in sort_problems(problems)]
        return question, problems
    body, body_problems = parse_body(parsed.body, shown, parsed.body_start_line)
    problems += body_problems
    unsafe = scan_markdown(parsed.body, parsed.body_start_line) if check_markup else []
    for line, description in unsafe:
        problems.append(
            Problem(
                shown,
                line,
                "body",
                f"unsafe markup: {description}",
                "remove it; use Markdown for links and images, and put example HTML in a code block",
            )
        )
    question.sections = body.sections
    question.links = body.links
    question.broken = data is None or bool(unsafe) or set(body.sections) != set(schema.LANGUAGES)
    question.problems = [p.format() for p in sort_problems(problems)]
    return question, problems


def load_handbook(content: Path, shown_as: str | None = None, check_markup: bool = True) -> tuple[Handbook, list[Problem]]:
    """Load and validate everything under ``content``; problems come back sorted.

    ``shown_as`` is how messages name the content folder (default: the path as given, or its
    name when absolute), so that paths in messages open in an editor from the working folder.
    ``check_markup=False`` publishes unsafe markup instead of refusing it: only for testing
    that the output sanitizer catches it.
    """
    folder = Path(content)
    content = ContentRoot(folder, shown_as or (folder.name if folder.is_absolute() else folder.as_posix()))
    handbook = Handbook()
    if not folder.is_dir():
        return handbook, [
            Problem(str(folder), None, "", "content folder does not exist", "run the command from the repository root")
        ]
    handbook.collections, problems = load_collections(content)
    seen: dict[str, str] = {}
    for entry in sorted(folder.iterdir()):
        if is_hidden(entry):
            continue
        shown = content.name(entry)
        if entry.is_file():
            if entry.name == COLLECTIONS_FILE:
                continue
            if entry.suffix == ".md":
                problems.append(
                    Problem(shown, None, "", "question file outside any topic folder", "move it into content/<topic>/")
                )
            elif entry.suffix.lower() not in ASSET_SUFFIXES:
                problems.append(
                    Problem(
                        shown,
                        None,
                        "",
                        "unexpected file in content/",
                        "content/ holds collections.yml and topic folders only",
                    )
                )
            continue
        if entry.name in schema.RESERVED_TOPICS:
            problems.append(
                Problem(
                    shown,
                    None,
                    "",
                    f"'{entry.name}' is reserved for generated pages",
                    f"rename the topic folder (not {', '.join(schema.RESERVED_TOPICS)})",
                )
            )
            continue
        if not (entry / TOPIC_FILE).is_file():
            problems.append(
                Problem(
                    shown,
                    None,
                    "",
                    f"topic folder has no {TOPIC_FILE}",
                    f"create {shown}/{TOPIC_FILE} (see docs/content-format.md), or run 'handbook new <topic> <id>'",
                )
            )
            if not any(entry.glob("*.md")):
                continue
        topic, topic_problems = (
            load_topic(entry, content)
            if (entry / TOPIC_FILE).is_file()
            else (Topic(entry.name, shown, 10**6, {"zh": entry.name, "en": entry.name}, {"zh": "", "en": ""}), [])
        )
        problems += topic_problems
        files: list[str] = []
        for item in sorted(entry.iterdir()):
            if is_hidden(item) or item.name == TOPIC_FILE:
                continue
            item_shown = content.name(item)
            if item.is_dir():
                problems.append(
                    Problem(
                        item_shown,
                        None,
                        "",
                        "folders inside a topic are not read",
                        "put question files directly in the topic folder",
                    )
                )
            elif item.suffix == ".md":
                question, question_problems = load_question(item, topic.key, content, check_markup)
                problems += question_problems
                if question.id in seen:
                    problems.append(
                        Problem(
                            item_shown,
                            question.lines.get("id"),
                            "id",
                            f"duplicate id '{question.id}', also used by {seen[question.id]}",
                            "every question needs its own id; rename one of the files",
                        )
                    )
                    continue
                seen[question.id] = item_shown
                handbook.questions[question.id] = question
                files.append(question.id)
            elif item.suffix.lower() not in ASSET_SUFFIXES:
                problems.append(
                    Problem(
                        item_shown,
                        None,
                        "",
                        "unexpected file in a topic folder",
                        f"topic folders hold _topic.yml, question .md files and images ({', '.join(sorted(ASSET_SUFFIXES))})",
                    )
                )
        if (entry / TOPIC_FILE).is_file():
            problems += reconcile_order(topic, files, handbook)
        else:
            topic.groups.append(Group(dict(UNGROUPED), files))
        handbook.topics.append(topic)
    handbook.topics.sort(key=lambda t: (t.order, t.key))
    problems += check_references(handbook)
    return handbook, sort_problems(problems)


def reconcile_order(topic: Topic, files: list[str], handbook: Handbook) -> list[Problem]:
    """Every file is in the topic's order exactly once and every listed id has a file."""
    problems = []
    listed: list[str] = []
    for group in topic.groups:
        kept = []
        for qid in group.questions:
            if qid in listed:
                problems.append(
                    Problem(
                        topic.path,
                        topic.lines.get(qid),
                        "groups",
                        f"'{qid}' is listed twice",
                        "list each question once",
                    )
                )
            elif qid not in files:
                where = handbook.questions[qid].path if qid in handbook.questions else None
                hint = (
                    f"it lives in {where}; list it in that topic instead"
                    if where
                    else f"create {topic.path.rsplit('/', 1)[0]}/{qid}.md or remove '{qid}' from the list"
                )
                problems.append(
                    Problem(topic.path, topic.lines.get(qid), "groups", f"'{qid}' has no question file in this topic", hint)
                )
            else:
                kept.append(qid)
            listed.append(qid)
        group.questions = kept
    missing = [qid for qid in files if qid not in listed]
    for qid in missing:
        problems.append(
            Problem(
                handbook.questions[qid].path,
                None,
                "",
                f"question is not listed in {topic.path}",
                f"add '{qid}' to one of the groups in {topic.path}",
            )
        )
    if missing:
        topic.groups.append(Group(dict(UNGROUPED), missing))
    return problems


def check_references(handbook: Handbook) -> list[Problem]:
    problems = []
    known = handbook.questions
    for question in known.values():
        for target in question.related:
            if target == question.id:
                problems.append(
                    Problem(
                        question.path,
                        question.lines.get("related"),
                        "related",
                        "a question cannot be related to itself",
                        f"remove '{target}' from related",
                    )
                )
            elif target not in known:
                problems.append(
                    Problem(
                        question.path,
                        question.lines.get("related"),
                        "related",
                        f"unknown question id '{target}'",
                        suggest_id(target, known),
                    )
                )
        for link in question.links:
            if link.target not in known:
                problems.append(
                    Problem(
                        question.path,
                        link.line,
                        "body",
                        f"cross-link [[{link.target}]] points to an unknown id",
                        suggest_id(link.target, known),
                    )
                )
        for key in question.asked_in:
            if key not in handbook.collections:
                problems.append(
                    Problem(
                        question.path,
                        question.lines.get(f"asked_in.{key}"),
                        f"asked_in.{key}",
                        "unknown collection key",
                        f"use one of: {', '.join(handbook.collections) or '(none defined)'}; "
                        "collections are listed in content/collections.yml",
                    )
                )
    return problems


def suggest_id(target: str, known: dict[str, Question]) -> str:
    close = difflib.get_close_matches(target, list(known), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else "check the id; ids are file names without .md"
