"""Prepare the search index: page text, and a jieba vocabulary for segmenting queries.

The browser-side matcher (``assets/search-worker.js``) finds a Han query wherever it occurs
as a substring, so the index keeps each page's plain text rather than tokens. jieba is used
here, at build time, for the one thing substring matching cannot do: split a query such as
``旋转编码`` whose words do not occur next to each other. The vocabulary shipped for that is
the set of jieba words (with the handbook's own terms added) that occur in the pages.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from html.parser import HTMLParser

HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
SPACES = re.compile(r"\s+")
SKIPPED_TAGS = {"script", "style", "template", "noscript"}
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


class TextExtractor(HTMLParser):
    """Visible text of rendered page HTML, with block boundaries kept as spaces."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED_TAGS:
            self.skipping += 1
        elif tag in BLOCK_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED_TAGS and self.skipping:
            self.skipping -= 1
        elif tag in BLOCK_TAGS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


NOT_CONTENT = re.compile(
    r'<a class="headerlink"[^>]*>.*?</a>'  # heading permalinks (¶)
    r'|<div class="hb-meta"[^>]*>.*?</div>'  # difficulty and tags (indexed as tags)
    r'|<p class="hb-asked"[^>]*>.*?</p>',  # source collections
    re.DOTALL,
)


def html_to_text(markup: str) -> str:
    """Visible answer text of a rendered page, without page furniture."""
    markup = NOT_CONTENT.sub(" ", markup)
    extractor = TextExtractor()
    extractor.feed(markup)
    extractor.close()
    return SPACES.sub(" ", "".join(extractor.parts)).strip()


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


def vocabulary(docs: list[SearchDoc], user_terms: set[str]) -> list[str]:
    """jieba words of two or more Han characters that occur in the pages, sorted."""
    if not any(HAN_RUN.search(doc.title + doc.text) for doc in docs):
        return []
    tokenizer = make_tokenizer(user_terms)
    words: set[str] = set()
    for doc in docs:
        text = unicodedata.normalize("NFKC", " ".join([doc.title, *doc.tags, doc.text]))
        for run in HAN_RUN.findall(text):
            if len(run) < 2:
                continue
            for word in tokenizer.cut_for_search(run, HMM=False):
                if len(word) >= 2 and HAN_RUN.fullmatch(word):
                    words.add(word)
    return sorted(words)


def build_index(docs: list[SearchDoc], user_terms: set[str], lang: str) -> dict[str, object]:
    """The JSON written to ``search/search_index.json`` (read by Material, passed to our worker)."""
    return {
        "config": {
            "lang": [lang],
            "separator": r"[\s\-]+",
            "pipeline": [],
            "fields": {},
            "vocab": vocabulary(docs, user_terms),
        },
        "docs": [asdict(doc) for doc in docs],
    }
