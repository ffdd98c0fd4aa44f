"""Prepare the search index: page text, and a jieba vocabulary for segmenting queries.

The browser-side matcher (``assets/search-worker.js``) finds a Han query wherever it occurs
as a substring, so the index keeps each page's plain text rather than tokens. jieba is used
here, at build time, for the one thing substring matching cannot do: split a query such as
``旋转编码`` whose words do not occur next to each other. The vocabulary shipped for that is
the set of jieba words (with the handbook's own terms added) that occur in the pages.
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import re
import sys
import unicodedata
from dataclasses import dataclass, field

HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
SPACES = re.compile(r"\s+")
BLOCK_TAGS = {
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "table",
    "tr",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "blockquote",
    "br",
    "section",
    "article",
    "details",
    "summary",
    "dt",
    "dd",
}
MAX_TERM_CHARS = 8


@dataclass
class SearchDoc:
    location: str
    title: str
    text: str
    tags: list[str] = field(default_factory=list)
    kind: str = "question"


NOT_CONTENT = re.compile(
    r'<a class="headerlink"[^>]*>.*?</a>'  # heading permalinks (¶)
    r'|<div class="hb-meta"[^>]*>.*?</div>'  # difficulty and tags (indexed as tags)
    r'|<p class="hb-asked"[^>]*>.*?</p>'  # source collections
    r"|<(?P<skip>script|style|template|noscript)\b.*?</(?P=skip)>",
    re.DOTALL | re.IGNORECASE,
)
BLOCK_TAG = re.compile(r"</?(?:" + "|".join(sorted(BLOCK_TAGS)) + r")\b[^>]*>", re.IGNORECASE)
ANY_TAG = re.compile(r"<[^>]*>")


def html_to_text(markup: str) -> str:
    """Visible answer text of a rendered (already sanitized) page body, without page furniture.

    Regular expressions rather than an HTML parser: the input is the sanitizer's well-formed
    output, and this runs on every page of every build (an ``HTMLParser`` took 20% of the
    build at 1,000 questions).
    """
    markup = NOT_CONTENT.sub(" ", markup)
    markup = BLOCK_TAG.sub(" ", markup)
    markup = ANY_TAG.sub("", markup)
    return SPACES.sub(" ", html.unescape(markup)).strip()


def han_terms(values: list[str]) -> set[str]:
    """The handbook's own terms: Han runs of tags and titles, short enough to be words."""
    terms = set()
    for value in values:
        for run in HAN_RUN.findall(unicodedata.normalize("NFKC", value)):
            if 2 <= len(run) <= MAX_TERM_CHARS:
                terms.add(run)
    return terms


def make_tokenizer(user_terms: set[str]):  # -> jieba.Tokenizer
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    for term in sorted(user_terms):
        tokenizer.add_word(term, freq=2000)
    return tokenizer


def fingerprint(text: str) -> bytes:
    """A 16-byte stand-in for a long text in caches that outlive one build (memory grows with the handbook)."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


RUNS_BY_TEXT: dict[bytes, tuple[str, ...]] = {}
"""Han runs per text (by fingerprint), kept across `mkdocs serve` rebuilds (NFKC over all answers
costs 0.3 s at 1,000 questions). Runs are interned: the same word in many answers is stored once."""


def han_runs(texts: list[str]) -> set[str]:
    """Distinct runs of two or more Han characters (NFKC-normalised) in ``texts``."""
    runs: set[str] = set()
    for text in texts:
        key = fingerprint(text)
        found = RUNS_BY_TEXT.get(key)
        if found is None:
            normalized = unicodedata.normalize("NFKC", text)
            found = tuple({sys.intern(r) for r in HAN_RUN.findall(normalized) if len(r) >= 2})
            RUNS_BY_TEXT[key] = found
        runs.update(found)
    return runs


def segment_runs(runs: list[str], user_terms: set[str]) -> dict[str, tuple[str, ...]]:
    """jieba's search-mode words of two or more Han characters, per run.

    Runs in a separate process during the build (see ``plugin.py``), so it takes the second
    core instead of adding to the build's wall time.
    """
    if not runs:
        return {}
    tokenizer = make_tokenizer(user_terms)
    return {
        run: tuple(w for w in tokenizer.cut_for_search(run, HMM=False) if len(w) >= 2 and HAN_RUN.fullmatch(w)) for run in runs
    }


def vocabulary(segmented: list[tuple[str, ...]]) -> list[str]:
    """The query-segmentation vocabulary: every word jieba found, sorted."""
    return sorted({word for words in segmented for word in words})


SHARD_BYTES = 384 * 1024
"""Page text is split into files of about this size, fetched in parallel on the first query."""


def build_index(docs: list[SearchDoc], vocab: list[str], lang: str) -> tuple[dict[str, object], dict[str, bytes]]:
    """The head index (``search/search_index.json``) and the files it refers to.

    The head holds what a first result needs (location, title, kind) and is all a browser
    downloads before it; page text and tags (as ``[text, tags]`` per page) and the vocabulary
    are in separate content-addressed files that the worker fetches on the first query and
    uses one by one as they arrive (``shardStarts``).
    """
    files: dict[str, bytes] = {}

    def add(prefix: str, payload: object) -> str:
        data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        name = f"{prefix}-{hashlib.sha256(data).hexdigest()[:12]}.json"
        files[name] = data
        return name

    shards, starts, batch, size = [], [], [], 0
    for index, doc in enumerate(docs):
        if not batch:
            starts.append(index)
        batch.append([doc.text, doc.tags])
        size += len(doc.text.encode("utf-8"))
        if size >= SHARD_BYTES:
            shards.append(add("text", batch))
            batch, size = [], 0
    if batch or not shards:
        shards.append(add("text", batch))
        if not batch:
            starts.append(0)
    head = {
        "config": {
            "lang": [lang],
            "separator": r"[\s\-]+",
            "pipeline": [],
            "fields": {},
            "shards": shards,
            "shardStarts": starts,  # index in "docs" of each shard's first page: shards are used as they arrive
            "vocab": add("vocab", vocab),
        },
        "docs": [{"location": d.location, "title": d.title, "kind": d.kind} for d in docs],
    }
    return head, files
