"""The handbook as data: topics, questions and source collections."""

from __future__ import annotations

from dataclasses import dataclass, field

from .body import CrossLink, Section


@dataclass
class Collection:
    key: str
    title: str
    link: str = ""


@dataclass
class Question:
    id: str
    topic: str
    path: str
    title: dict[str, str]
    difficulty: str = "medium"
    tags: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    asked_in: dict[str, list[str]] = field(default_factory=dict)
    sections: dict[str, Section] = field(default_factory=dict)
    links: list[CrossLink] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)
    """Line of each front-matter field, for messages from cross-file checks."""
    broken: bool = False
    """True when the file could not be read well enough to publish its answer."""
    problems: list[str] = field(default_factory=list)
    """Messages shown on the page of a broken question during preview."""


@dataclass
class Group:
    title: dict[str, str]
    questions: list[str]


@dataclass
class Topic:
    key: str
    path: str
    order: int
    title: dict[str, str]
    description: dict[str, str]
    groups: list[Group] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)
    """Line of each question id in the topic file, for messages."""

    def question_ids(self) -> list[str]:
        return [qid for group in self.groups for qid in group.questions]


@dataclass
class Handbook:
    topics: list[Topic] = field(default_factory=list)
    questions: dict[str, Question] = field(default_factory=dict)
    collections: dict[str, Collection] = field(default_factory=dict)

    def find_topic(self, key: str) -> Topic | None:
        return next((topic for topic in self.topics if topic.key == key), None)

    def backlinks(self) -> dict[str, list[str]]:
        """For each question, the questions that link to it (inline or via ``related``), in handbook order."""
        order = {qid: index for index, qid in enumerate(self.ordered_ids())}
        result: dict[str, set[str]] = {qid: set() for qid in self.questions}
        for question in self.questions.values():
            targets = set(question.related) | {link.target for link in question.links}
            for target in targets:
                if target in result and target != question.id:
                    result[target].add(question.id)
        return {qid: sorted(sources, key=lambda s: order.get(s, 0)) for qid, sources in result.items()}

    def ordered_ids(self) -> list[str]:
        return [qid for topic in self.topics for qid in topic.question_ids()]
