"""MkDocs adapter: wires MkDocs events to the pure modules and nothing more.

- ``on_config``: load and validate ``content/`` once, set the nav, add the theme overrides.
- ``on_files``: drop the raw question files and add the generated pages as virtual files
  (nothing is ever written into ``content/``, which would loop ``mkdocs serve``).
- ``on_page_content``: collect each page's text for the search index.
- ``on_page_context``: the language-switch target of each page.
- ``on_post_build``: write the search index that the handbook's search worker reads.
"""

from __future__ import annotations

import html
import json
import posixpath
import sys
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from . import pages
from .history import last_changed
from .links import HOME_PAGE
from .loader import load_handbook
from .model import Handbook
from .sanitize import sanitize_html
from .search_text import SearchDoc, build_index, fingerprint, han_runs, han_terms, html_to_text, segment_runs, vocabulary

log = get_plugin_logger("handbook")
PACKAGE = Path(__file__).parent
WORKER = "assets/handbook/search-worker.js"
STYLESHEET = "assets/handbook/handbook.css"
SCRIPT = "assets/handbook/handbook.js"
MATHJAX_CONFIG = "assets/handbook/mathjax-config.js"
ASSETS = {WORKER: "search-worker.js", STYLESHEET: "handbook.css", MATHJAX_CONFIG: "mathjax-config.js", SCRIPT: "handbook.js"}


class HandbookConfig(base.Config):
    content = c.Type(str, default="content")
    """Folder of topics and question files, relative to the config file."""
    language = c.Choice(("zh", "en"), default="zh")
    """Which edition this build produces."""
    edition_roots = c.Type(dict, default={"zh": "", "en": "en/"})
    """Where each edition lives, relative to the site root of the Chinese edition."""
    check = c.Type(bool, default=True)
    """``false`` skips validation (only for testing the sanitizer); never for a published build."""
    branch = c.Type(str, default="main")
    """Branch that "edit this page" links point to (the repository is the config's ``repo_url``)."""
    search_engine = c.Choice(("handbook", "material"), default="handbook")
    """``material`` keeps Material's stock search, for comparisons and benchmarks only."""


class GeneratedPage(File):
    """A generated page that knows whether its Markdown changed since this process last built it.

    MkDocs asks ``is_modified()`` only in dirty builds (``mkdocs serve --dirty``); there an edit
    to one question rebuilds just the pages whose generated Markdown changed (the question,
    pages whose links show its title, its backlinks), not the whole handbook.
    """

    modified = True

    def is_modified(self) -> bool:
        return self.modified or not Path(self.abs_dest_path).is_file()


# What earlier builds in this process produced, per (site_dir, src_uri): `mkdocs serve` re-creates
# the plugin for every rebuild, so state that must survive a rebuild lives at module level.
BUILT_MARKDOWN: dict[tuple[str, str], bytes] = {}
"""Fingerprint of each generated page's Markdown (or of its print signature)."""
SEARCH_DOCS: dict[tuple[str, str], SearchDoc] = {}
SEGMENTED: dict[frozenset[str], dict[str, tuple[str, ...]]] = {}
"""jieba words per Han run, per set of user dictionary terms (a new term can change any segmentation)."""


class HandbookPlugin(BasePlugin[HandbookConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.handbook = Handbook()
        self.site = pages.SiteInfo()
        self.user_terms: frozenset[str] = frozenset()
        self.segmenting: Future[dict[str, tuple[str, ...]]] | None = None
        self.runs: set[str] = set()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        content = Path(config.config_file_path).parent / self.config.content
        self.handbook, problems = load_handbook(content, shown_as=self.config.content, check_markup=self.config.check)
        if not self.config.check:
            log.warning("content checks are turned off (check: false); never publish such a build")
            problems = []
        for problem in problems:
            log.warning(problem.format())
        if problems:
            log.warning(f"{len(problems)} content problem(s); run 'handbook check' for the list")
        if not self.handbook.questions and not self.handbook.topics:
            raise PluginError(f"no topics found in {content}")
        if self.config.search_engine == "handbook":
            skip_material_indexing(config)
        lang = self.config.language
        config.nav = escape_nav(pages.nav(self.handbook, lang))
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(PACKAGE / "theme"))
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        scripts = [str(script) for script in config.extra_javascript]
        if MATHJAX_CONFIG not in scripts:
            config.extra_javascript.insert(0, MATHJAX_CONFIG)
        if SCRIPT not in scripts:
            config.extra_javascript.append(SCRIPT)
        root = Path(config.config_file_path).parent
        dates = last_changed(root, self.config.content)
        self.site = pages.SiteInfo(
            repo_url=config.repo_url or "",
            branch=self.config.branch,
            updated={q.id: dates[q.path] for q in self.handbook.questions.values() if q.path in dates},
        )
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        for file in list(files):
            if not file.generated_by and file.src_uri.endswith((".md", ".yml", ".yaml")):
                files.remove(file)
        for src_uri, markdown in pages.edition(self.handbook, self.config.language, self.site).items():
            page = GeneratedPage.generated(config, src_uri, content=markdown)
            # A topic's print view repeats all its answers: in a dirty rebuild it is refreshed
            # when the topic's questions change, not on every edit to an answer.
            signature = print_signature(self.handbook, src_uri) if src_uri.endswith("/print.md") else markdown
            built = fingerprint(signature)
            page.modified = BUILT_MARKDOWN.get((config.site_dir, src_uri)) != built
            BUILT_MARKDOWN[(config.site_dir, src_uri)] = built
            files.append(page)
        for src_uri, name in ASSETS.items():
            files.append(File.generated(config, src_uri, abs_src_path=str(PACKAGE / "assets" / name)))
        if self.config.search_engine == "handbook":
            self.start_segmenting()
        return files

    def start_segmenting(self) -> None:
        """Segment the edition's Han text with jieba in another process while MkDocs renders pages."""
        lang = self.config.language
        questions = self.handbook.questions.values()
        self.user_terms = frozenset(
            han_terms(
                [tag for q in questions for tag in q.tags]
                + [q.title[lang] for q in questions]
                + [t.title[lang] for t in self.handbook.topics]
            )
        )
        texts = [
            t.title[lang] + " " + t.description[lang] + " " + " ".join(g.title[lang] for g in t.groups)
            for t in self.handbook.topics
        ]
        texts += [
            q.title[lang] + " " + " ".join(q.tags) + " " + (q.sections[lang].text if lang in q.sections else "")
            for q in questions
        ]
        self.runs = han_runs(texts)
        known = SEGMENTED.setdefault(self.user_terms, {})
        missing = sorted(self.runs - known.keys())
        if len(missing) < 200:  # not worth a process
            self.segmenting = None
            known.update(segment_runs(missing, set(self.user_terms)))
            return
        executor = ProcessPoolExecutor(max_workers=1)
        self.segmenting = executor.submit(segment_runs, missing, set(self.user_terms))
        executor.shutdown(wait=False)

    def on_page_content(self, html_content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        html_content = sanitize_html(html_content)
        doc = self.search_doc(page, html_content)
        if doc is not None:
            SEARCH_DOCS[(config.site_dir, page.file.src_uri)] = doc
        return html_content

    def search_doc(self, page: Page, html_content: str) -> SearchDoc | None:
        src = page.file.src_uri
        lang = self.config.language
        if src == HOME_PAGE:
            return None
        topic_key, _, name = src.partition("/")
        topic = self.handbook.find_topic(topic_key)
        if topic is None:  # collections, tags and print pages repeat question text: not indexed
            return None
        if name == "index.md":
            return SearchDoc(page.url, topic.title[lang], html_to_text(html_content), kind="topic")
        question = self.handbook.questions.get(name.removesuffix(".md"))
        if question is None:
            return None
        return SearchDoc(page.url, question.title[lang], html_to_text(html_content), list(question.tags))

    def on_page_context(self, context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
        context["handbook_alternates"] = self.alternates(page, context.get("base_url", "."), config)
        if self.config.search_engine == "handbook":
            context["handbook_search_worker"] = WORKER
        return context

    def alternates(self, page: Page, base_url: str, config: MkDocsConfig) -> list[dict[str, str]]:
        """Each edition's URL of this page, relative to the page, for the language switch."""
        roots = self.config.edition_roots
        here = roots.get(self.config.language, "")
        result = []
        for alternate in config.extra.get("alternate") or []:
            lang = alternate.get("lang")
            if lang not in roots:
                continue
            root = posixpath.relpath(roots[lang] or ".", here or ".")
            root = "" if root == "." else root.rstrip("/") + "/"
            result.append({"name": alternate.get("name", lang), "lang": lang, "link": f"{base_url}/{root}{page.url}"})
        return result

    @event_priority(-100)  # after Material's search plugin has written its own index
    def on_post_build(self, config: MkDocsConfig) -> None:
        if self.config.search_engine != "handbook":
            return
        known = SEGMENTED.setdefault(self.user_terms, {})
        if self.segmenting is not None:
            # Unpickled words are fresh strings: intern them so each word is stored once.
            known.update((run, tuple(sys.intern(w) for w in words)) for run, words in self.segmenting.result().items())
            self.segmenting = None
        vocab = vocabulary([known[run] for run in self.runs])
        # In a dirty rebuild only changed pages were rendered: the rest come from earlier builds.
        docs = [
            SEARCH_DOCS[(config.site_dir, src)]
            for src in pages.edition_paths(self.handbook)
            if (config.site_dir, src) in SEARCH_DOCS
        ]
        head, extra = build_index(docs, vocab, self.config.language)
        folder = Path(config.site_dir) / "search"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "search_index.json").write_text(json.dumps(head, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        for name, data in extra.items():
            (folder / name).write_bytes(data)


def print_signature(handbook: Handbook, src_uri: str) -> str:
    topic = handbook.find_topic(src_uri.removesuffix("/print.md"))
    if topic is None:
        return src_uri
    return "\n".join(f"{qid}\t{handbook.questions[qid].title}" for qid in topic.question_ids())


def skip_material_indexing(config: MkDocsConfig) -> None:
    """Keep Material's search plugin for its search box, but not its indexing.

    Material renders the search UI only when its plugin is configured; its per-page indexing
    (an HTML parser over every page, plus jieba for Chinese) was 45% of the build at 1,000
    questions, and its index is replaced by ours in ``on_post_build`` anyway.
    """
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is None:
        return
    for event in ("page_context", "post_build"):
        handlers = config.plugins.events.get(event, [])
        config.plugins.events[event] = [h for h in handlers if getattr(h, "__self__", None) is not search]


def escape_nav(items: list[Any]) -> list[Any]:
    """MkDocs templates are not auto-escaped: nav titles must be HTML-safe text."""
    result: list[Any] = []
    for item in items:
        if isinstance(item, dict):
            result.append(
                {html.escape(title): escape_nav(value) if isinstance(value, list) else value for title, value in item.items()}
            )
        else:
            result.append(item)
    return result
