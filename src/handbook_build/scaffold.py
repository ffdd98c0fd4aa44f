"""Create a new question file and add it to its topic's reading order.

The topic file is edited as text, not re-dumped, so contributors' comments and layout in
``_topic.yml`` survive.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .schema import ID_PATTERN

QUESTION_TEMPLATE = """---
id: {id}
title:
  zh: 在这里写中文问题？
  en: Write the question in English here?
difficulty: medium
tags: []
related: []
asked_in: {{}}
---

# 中文

**核心回答：** 两三句可以直接说出口的回答。

## 详细解释

推导、公式（$...$）、表格或代码。

## 追问与易错点

- **追问：** ……

# English

**Core answer:** two or three sentences you could say aloud.

## Explanation

Derivation, formulas ($...$), a table or code.

## Follow-ups and pitfalls

- **Follow-up:** ...
"""

TOPIC_TEMPLATE = """order: 1000
title:
  zh: {key}
  en: {key}
description:
  zh: 一句话介绍这个主题。
  en: One sentence about this topic.
groups:
  - title: {{zh: 问题, en: Questions}}
    questions:
      - {id}
"""


class ScaffoldError(Exception):
    """A reason the scaffold cannot be created, worded for the contributor."""


def add_to_order(topic_text: str, qid: str) -> str:
    """Append ``qid`` to the last group's ``questions`` of a topic file, keeping its layout."""
    root = yaml.compose(topic_text)
    groups = None
    if isinstance(root, yaml.MappingNode):
        groups = next((value for key, value in root.value if key.value == "groups"), None)
    if not isinstance(groups, yaml.SequenceNode) or not groups.value:
        raise ScaffoldError("the topic file has no 'groups' list; add the id to it by hand")
    last = groups.value[-1]
    questions = next((v for k, v in last.value if k.value == "questions"), None) if isinstance(last, yaml.MappingNode) else None
    if not isinstance(questions, yaml.SequenceNode):
        raise ScaffoldError("the last group has no 'questions' list; add the id to it by hand")
    if questions.flow_style or not questions.value:
        end = questions.end_mark.index - 1  # the closing ']'
        separator = ", " if questions.value else ""
        return topic_text[:end] + separator + qid + topic_text[end:]
    item = questions.value[-1]
    lines = topic_text.split("\n")
    indent = " " * item.start_mark.column
    dash_line = lines[item.start_mark.line]
    dash_indent = dash_line[: len(dash_line) - len(dash_line.lstrip())]
    insert_at = item.end_mark.line if item.end_mark.column == 0 else item.end_mark.line + 1
    lines.insert(insert_at, f"{dash_indent}- {qid}" if dash_line.lstrip().startswith("-") else f"{indent}- {qid}")
    return "\n".join(lines)


def new_question(content: Path, topic: str, qid: str) -> list[Path]:
    """Write the scaffold; return the files created or changed."""
    if not ID_PATTERN.match(qid):
        raise ScaffoldError(f"'{qid}' is not a valid id: use lower-case letters, digits and '-'")
    if not ID_PATTERN.match(topic):
        raise ScaffoldError(f"'{topic}' is not a valid topic key: use lower-case letters, digits and '-'")
    existing = list(content.glob(f"*/{qid}.md"))
    if existing:
        raise ScaffoldError(f"id '{qid}' is already used by {existing[0]}")
    folder = content / topic
    folder.mkdir(parents=True, exist_ok=True)
    topic_file = folder / "_topic.yml"
    if topic_file.exists():
        topic_file.write_text(add_to_order(topic_file.read_text(encoding="utf-8"), qid), encoding="utf-8")
    else:
        topic_file.write_text(TOPIC_TEMPLATE.format(key=topic, id=qid), encoding="utf-8")
    question_file = folder / f"{qid}.md"
    question_file.write_text(QUESTION_TEMPLATE.format(id=qid), encoding="utf-8")
    return [question_file, topic_file]
