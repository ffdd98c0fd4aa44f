"""Property-based tests: random and mutated question files never crash or hang the checker.

Every input either passes or comes back with reported problems; a file that cannot be
published (``broken``) always has at least one problem saying why.
"""

from __future__ import annotations

import yaml
from corpus_cases import GOOD_QUESTION, GOOD_TOPIC
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handbook_build.frontmatter import load_yaml
from handbook_build.loader import parse_question
from handbook_build.problems import Problem
from handbook_build.schema import check_topic

FUZZ = settings(max_examples=300, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
GOOD = GOOD_QUESTION.encode("utf-8")


def assert_reported(raw: bytes) -> None:
    question, problems = parse_question(raw, "t/q.md", "q", "t")
    assert all(isinstance(p, Problem) and p.message for p in problems)
    assert all(isinstance(p.format(), str) for p in problems)
    if question.broken:
        assert problems, "an unpublishable file must say why"


@FUZZ
@given(st.binary(max_size=4000))
def test_random_bytes(raw):
    assert_reported(raw)


@FUZZ
@given(st.text(max_size=3000))
def test_random_text(text):
    assert_reported(text.encode("utf-8", "surrogatepass"))


@FUZZ
@given(st.lists(st.tuples(st.integers(0, len(GOOD)), st.integers(0, 40), st.binary(max_size=30)), min_size=1, max_size=8))
def test_mutated_good_question(edits):
    raw = bytearray(GOOD)
    for position, deleted, inserted in edits:
        position = min(position, len(raw))
        raw[position : position + deleted] = inserted
    assert_reported(bytes(raw))


YAML_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=40))
YAML_VALUES = st.recursive(
    YAML_SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=5), st.dictionaries(st.text(max_size=12), inner, max_size=5)),
    max_leaves=30,
)
KEYS = st.sampled_from(["id", "title", "difficulty", "tags", "related", "asked_in", "titel", "zh", "en", "x"])


@FUZZ
@given(st.dictionaries(KEYS, YAML_VALUES, max_size=8), st.text(max_size=400))
def test_random_front_matter_and_body(front_matter, body):
    raw = "---\n" + yaml.safe_dump(front_matter, allow_unicode=True) + "---\n" + body
    assert_reported(raw.encode("utf-8", "surrogatepass"))


@FUZZ
@given(st.dictionaries(st.sampled_from(["order", "title", "description", "groups", "x"]), YAML_VALUES, max_size=5))
def test_random_topic_files(data):
    problems = check_topic(data, "t/_topic.yml", {})
    assert all(isinstance(p, Problem) for p in problems)


@FUZZ
@given(st.text(alphabet="[]{}:-*&!|>'\"\n #ab", max_size=2000))
def test_yaml_syntax_soup(text):
    data, lines, problems = load_yaml(text, "t/_topic.yml")
    assert problems or data is not None or text.strip() == "" or data is None


def test_resource_bombs_are_refused_with_a_message():
    bombs = {
        "alias expansion": "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n---\n",
        "10 MB line": GOOD_QUESTION + "x" * (10 * 1024 * 1024),
        "deeply nested list": "---\nid: q\nrelated: " + "[" * 100_000 + "]" * 100_000 + "\n---\n",
        "deeply nested block": "---\nid: q\n" + "".join(" " * (2 * n) + f"k{n}:\n" for n in range(2000)) + "---\n",
    }
    for name, text in bombs.items():
        question, problems = parse_question(text.encode("utf-8"), "t/q.md", "q", "t")
        assert question.broken and problems, name
    assert check_topic(yaml.safe_load(GOOD_TOPIC), "t/_topic.yml", {}) == []
