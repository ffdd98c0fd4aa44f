"""Split a question file into YAML front matter and body, keeping line numbers.

Line numbers matter because every problem message points at ``path:line``; the YAML parser's
marks are translated to lines of the whole file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import Problem
from .schema import type_name

MAX_FILE_BYTES = 512 * 1024
"""Answers are a few KB; anything near this is a mistake or an attack, not content."""


@dataclass
class Parsed:
    """Front matter data, where each top-level key sits, and the body that follows it."""

    data: dict[str, Any] | None
    key_lines: dict[str, int] = field(default_factory=dict)
    body: str | None = ""
    """``None`` when the front matter never ends, so there is no body to check."""
    body_start_line: int = 1
    front_matter_line: int = 1


def decode(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """Decode UTF-8 (a BOM is accepted), normalise CRLF/CR to LF."""
    if len(raw) > MAX_FILE_BYTES:
        return None, [
            Problem(
                path,
                None,
                "",
                f"file is {len(raw)} bytes, larger than {MAX_FILE_BYTES}",
                "split the answer or remove the embedded data",
            )
        ]
    if b"\x00" in raw:
        return None, [
            Problem(
                path,
                None,
                "",
                "file contains NUL bytes: it is binary, not Markdown",
                "remove it or replace it with a text file",
            )
        ]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return None, [
            Problem(
                path,
                line,
                "",
                f"file is not valid UTF-8 (byte 0x{raw[err.start]:02x})",
                "save the file with UTF-8 encoding",
            )
        ]
    if not text.strip():
        return None, [
            Problem(path, None, "", "file is empty", "write the question, or delete the file and its entry in _topic.yml")
        ]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def yaml_problem(err: yaml.YAMLError, path: str, line_offset: int, field_name: str = "") -> Problem:
    """Turn a PyYAML error into a problem on the right line of the file."""
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    line = mark.line + 1 + line_offset if mark is not None else None
    what = getattr(err, "problem", None) or str(err).splitlines()[0]
    context = getattr(err, "context", None)
    context_mark = getattr(err, "context_mark", None)
    if context and context_mark is not None and mark is not None and context_mark.line != mark.line:
        context += f" that starts on line {context_mark.line + 1 + line_offset}"
    message = f"YAML syntax error: {what}" + (f" ({context})" if context else "")
    return Problem(
        path,
        line,
        field_name,
        message,
        "check indentation, colons and quotes; quote values that contain ': ' or start with '[', '{', '*', '&'",
    )


FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's C parser when PyYAML has it (it does in the PyPI wheels): the same safe subset, 5-10× faster."""

MAX_NESTING = 16
"""Front matter needs three levels; PyYAML recurses per level and takes seconds on thousands."""


def nesting_line(text: str) -> int | None:
    """1-based line where flow brackets or indentation go deeper than MAX_NESTING, else None."""
    depth = 0
    quote = ""
    line = 1
    for char in text:
        if char == "\n":
            line += 1
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char in "[{":
            depth += 1
            if depth > MAX_NESTING:
                return line
        elif char in "]}":
            depth -= 1
    for number, row in enumerate(text.split("\n"), 1):
        if len(row) - len(row.lstrip(" ")) > 2 * MAX_NESTING * 2:
            return number
    return None


def load_yaml(text: str, path: str, line_offset: int = 0) -> tuple[Any, dict[str, int], list[Problem]]:
    """Parse YAML safely; return data, the line of each top-level key, and problems.

    Aliases are refused: front matter never needs them and they allow exponential
    "billion laughs" expansion.
    """
    too_deep = nesting_line(text)
    if too_deep is not None:
        return (
            None,
            {},
            [
                Problem(
                    path,
                    too_deep + line_offset,
                    "",
                    f"YAML is nested more than {MAX_NESTING} levels deep",
                    "front matter needs two or three levels; flatten the structure",
                )
            ],
        )
    try:
        for event in yaml.parse(text, Loader=FAST_LOADER):
            if isinstance(event, yaml.AliasEvent):
                line = event.start_mark.line + 1 + line_offset
                return (
                    None,
                    {},
                    [
                        Problem(
                            path,
                            line,
                            "",
                            "YAML aliases (*name) are not allowed",
                            "write the value out instead of referring to an anchor",
                        )
                    ],
                )
        node = yaml.compose(text, Loader=FAST_LOADER)
        data = yaml.SafeLoader("").construct_document(node) if node is not None else None
    except yaml.YAMLError as err:
        return None, {}, [yaml_problem(err, path, line_offset)]
    except RecursionError:
        return None, {}, [Problem(path, None, "", "YAML is nested too deeply", "flatten the structure")]
    key_lines: dict[str, int] = {}
    if node is not None:
        record_lines(node, "", key_lines, line_offset)
        duplicates = duplicate_keys(node, line_offset)
        if duplicates:
            return (
                data,
                key_lines,
                [
                    Problem(path, line, key, "key appears twice", "YAML keeps only the last one; merge the two entries")
                    for key, line in duplicates
                ],
            )
    return data, key_lines, []


def duplicate_keys(node: yaml.Node, line_offset: int, prefix: str = "", depth: int = 0) -> list[tuple[str, int]]:
    """Keys repeated within one mapping: PyYAML silently keeps the last, losing content."""
    found: list[tuple[str, int]] = []
    if depth > 20:
        return found
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(getattr(key_node, "value", ""))
            path = f"{prefix}.{key}" if prefix else key
            if key in seen:
                found.append((path, key_node.start_mark.line + 1 + line_offset))
            seen.add(key)
            found += duplicate_keys(value_node, line_offset, path, depth + 1)
    elif isinstance(node, yaml.SequenceNode):
        for number, item in enumerate(node.value, 1):
            found += duplicate_keys(item, line_offset, f"{prefix}[{number}]", depth + 1)
    return found


def record_lines(node: yaml.Node, prefix: str, lines: dict[str, int], line_offset: int, depth: int = 0) -> None:
    """Map field paths (``title.zh``, ``groups[2].questions[1]``) to 1-based file lines."""
    if depth > 20:
        return
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                path = f"{prefix}.{key_node.value}" if prefix else str(key_node.value)
                lines.setdefault(path, key_node.start_mark.line + 1 + line_offset)
                record_lines(value_node, path, lines, line_offset, depth + 1)
    elif isinstance(node, yaml.SequenceNode):
        for number, item in enumerate(node.value, 1):
            path = f"{prefix}[{number}]"
            lines.setdefault(path, item.start_mark.line + 1 + line_offset)
            record_lines(item, path, lines, line_offset, depth + 1)


def split_front_matter(text: str, path: str) -> tuple[Parsed, list[Problem]]:
    """Find the ``---`` delimited front matter at the top of ``text`` and parse it."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return Parsed(None, body=text), [
            Problem(
                path,
                1,
                "",
                "missing front matter",
                "start the file with a line '---', the YAML keys (id, title, difficulty, tags, asked_in), and a closing '---'",
            )
        ]
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            end = index
            break
    else:
        return Parsed(None, body=None), [
            Problem(path, 1, "", "front matter is not terminated", "add a line '---' after the last front-matter key")
        ]
    yaml_text = "\n".join(lines[1:end])
    data, key_lines, problems = load_yaml(yaml_text, path, line_offset=1)
    body = "\n".join(lines[end + 1 :])
    parsed = Parsed(None, key_lines, body, body_start_line=end + 2)
    if problems:
        return parsed, problems
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return parsed, [
            Problem(
                path,
                2,
                "",
                f"front matter must be a mapping of keys, got {type_name(data)}",
                "write 'key: value' lines such as 'id: my-question'",
            )
        ]
    parsed.data = data
    return parsed, []
