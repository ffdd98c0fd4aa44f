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
from .links import HOME_PAGE
from .loader import load_handbook
from .model import Handbook
from .sanitize import sanitize_html
from .search_text import SearchDoc, build_index, han_terms, html_to_text

log = get_plugin_logger("handbook")
PACKAGE = Path(__file__).parent
WORKER = "assets/handbook/search-worker.js"
STYLESHEET = "assets/handbook/handbook.css"
MATHJAX_CONFIG = "assets/handbook/mathjax-config.js"
ASSETS = {WORKER: "search-worker.js", STYLESHEET: "handbook.css", MATHJAX_CONFIG: "mathjax-config.js"}


class HandbookConfig(base.Config):
    content = c.Type(str, default="content")
    """Folder of topics and question files, relative to the config file."""
    language = c.Choice(("zh", "en"), default="zh")
    """Which edition this build produces."""
    edition_roots = c.Type(dict, default={"zh": "", "en": "en/"})
    """Where each edition lives, relative to the site root of the Chinese edition."""
    check = c.Type(bool, default=True)
    """``false`` skips validation (only for testing the sanitizer); never for a published build."""
    search_engine = c.Choice(("handbook", "material"), default="handbook")
    """``material`` keeps Material's stock search, for comparisons and benchmarks only."""


class HandbookPlugin(BasePlugin[HandbookConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.handbook = Handbook()
        self.search_docs: dict[str, SearchDoc] = {}

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
        lang = self.config.language
        config.nav = escape_nav(pages.nav(self.handbook, lang))
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(PACKAGE / "theme"))
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        if MATHJAX_CONFIG not in [str(script) for script in config.extra_javascript]:
            config.extra_javascript.insert(0, MATHJAX_CONFIG)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        for file in list(files):
            if not file.generated_by and file.src_uri.endswith((".md", ".yml", ".yaml")):
                files.remove(file)
        for src_uri, markdown in pages.edition(self.handbook, self.config.language).items():
            files.append(File.generated(config, src_uri, content=markdown))
        for src_uri, name in ASSETS.items():
            files.append(File.generated(config, src_uri, abs_src_path=str(PACKAGE / "assets" / name)))
        self.search_docs = {}
        return files

    def on_page_content(self, html_content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        html_content = sanitize_html(html_content)
        doc = self.search_doc(page, html_content)
        if doc is not None:
            self.search_docs[page.file.src_uri] = doc
        return html_content

    def search_doc(self, page: Page, html_content: str) -> SearchDoc | None:
        src = page.file.src_uri
        lang = self.config.language
        if src == HOME_PAGE:
            return None
        topic_key, _, name = src.partition("/")
        if name == "index.md":
            topic = self.handbook.topic(topic_key)
            return SearchDoc(page.url, topic.title[lang], html_to_text(html_content), kind="topic")
        question = self.handbook.questions.get(name.removesuffix(".md"))
        if question is None:
            return None
        text = html_to_text(html_content)
        return SearchDoc(page.url, question.title[lang], text, list(question.tags))

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
        lang = self.config.language
        terms = han_terms(
            [tag for q in self.handbook.questions.values() for tag in q.tags]
            + [q.title[lang] for q in self.handbook.questions.values()]
            + [t.title[lang] for t in self.handbook.topics]
        )
        order = {src: n for n, src in enumerate(pages.edition_paths(self.handbook))}
        ordered = [self.search_docs[key] for key in sorted(self.search_docs, key=lambda key: (order.get(key, len(order)), key))]
        index = build_index(ordered, terms, lang)
        target = Path(config.site_dir) / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


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
