"""Generate the Markdown of every page of one edition from the handbook data.

Pure functions from :class:`Handbook` to ``{source path: markdown}``: the MkDocs plugin
serves them as virtual files, tests compare them with golden files.
"""

from __future__ import annotations

import html

from .i18n import t
from .links import (
    HOME_PAGE,
    escape_markdown,
    normalize_link_targets,
    question_page,
    relative_link,
    resolve_cross_links,
    topic_page,
)
from .model import Handbook, Question, Topic

TOC_TAGS = 4
"""Tags shown per question in a table of contents; the question page shows all of them."""


def collection_labels(handbook: Handbook, question: Question) -> str:
    parts = []
    for key, labels in question.asked_in.items():
        collection = handbook.collections.get(key)
        name = html.escape(collection.title if collection else key)
        if collection and collection.link:
            name = f'<a href="{html.escape(collection.link)}">{name}</a>'
        parts.append(f'<span class="hb-source">{name} <code>{html.escape(", ".join(labels))}</code></span>')
    return " · ".join(parts)


def difficulty_badge(lang: str, difficulty: str) -> str:
    return f'<span class="hb-difficulty hb-difficulty--{difficulty}">{html.escape(t(lang, difficulty))}</span>'


def tag_list(tags: list[str]) -> str:
    return " ".join(f'<span class="hb-tag">{html.escape(tag)}</span>' for tag in tags)


def home(handbook: Handbook, lang: str) -> str:
    lines = [
        f"# {escape_markdown(t(lang, 'site_title'))}",
        "",
        t(lang, "home_intro"),
        "",
        t(lang, "total", topics=len(handbook.topics), questions=len(handbook.questions)),
        "",
        f"| {t(lang, 'topics')} | {t(lang, 'description')} | {t(lang, 'questions')} |",
        "|---|---|---:|",
    ]
    for topic in handbook.topics:
        link = relative_link(HOME_PAGE, topic_page(topic.key))
        lines.append(
            f"| [{escape_markdown(topic.title[lang])}]({link}) | "
            f"{escape_markdown(topic.description[lang])} | {len(topic.question_ids())} |"
        )
    return "\n".join(lines) + "\n"


def topic_toc(handbook: Handbook, topic: Topic, lang: str) -> str:
    page = topic_page(topic.key)
    lines = [
        f"# {escape_markdown(topic.title[lang])}",
        "",
        escape_markdown(topic.description[lang]),
        "",
        t(lang, "topic_count", count=len(topic.question_ids())),
        "",
    ]
    number = 0
    for group in topic.groups:
        lines += [
            f"## {escape_markdown(group.title[lang])}",
            "",
            f"| {t(lang, 'number')} | {t(lang, 'question')} | {t(lang, 'difficulty')} | {t(lang, 'tags')} |",
            "|---:|---|---|---|",
        ]
        for qid in group.questions:
            number += 1
            question = handbook.questions[qid]
            link = relative_link(page, question_page(handbook, qid))
            lines.append(
                f"| {number} | [{escape_markdown(question.title[lang])}]({link}) | "
                f"{difficulty_badge(lang, question.difficulty)} | {tag_list(question.tags[:TOC_TAGS])} |"
            )
        lines.append("")
    return "\n".join(lines)


def link_list(handbook: Handbook, ids: list[str], lang: str, from_page: str) -> list[str]:
    return [
        f"- [{escape_markdown(handbook.questions[qid].title[lang])}]({relative_link(from_page, question_page(handbook, qid))})"
        for qid in ids
    ]


def question(handbook: Handbook, qid: str, lang: str, backlinks: dict[str, list[str]]) -> str:
    item = handbook.questions[qid]
    page = question_page(handbook, qid)
    lines = [f"# {escape_markdown(item.title[lang])}", ""]
    if item.broken:
        return "\n".join(lines + problem_box(lang, "failure", t(lang, "broken_title"), item.problems))
    if item.problems:  # shown in preview; a strict build fails before publishing
        lines += problem_box(lang, "warning", t(lang, "problems_title"), item.problems)
    meta = [f'<span class="hb-label">{t(lang, "difficulty")}</span> {difficulty_badge(lang, item.difficulty)}']
    if item.tags:
        meta.append(f'<span class="hb-label">{t(lang, "tags")}</span> {tag_list(item.tags)}')
    lines += [f'<div class="hb-meta" markdown="0">{" ".join(meta)}</div>', ""]
    if item.asked_in:
        lines += [
            f'<p class="hb-asked"><span class="hb-label">{t(lang, "asked_in")}</span> {collection_labels(handbook, item)}</p>',
            "",
        ]
    answer = resolve_cross_links(normalize_link_targets(item.sections[lang].text.strip("\n")), lang, page, handbook)
    lines += [answer, ""]
    related = [r for r in item.related if r in handbook.questions and r != qid]
    if related:
        lines += [f"## {t(lang, 'related')} {{#related}}", ""] + link_list(handbook, related, lang, page) + [""]
    sources = backlinks.get(qid, [])
    if sources:
        lines += [f"## {t(lang, 'referenced_by')} {{#referenced-by}}", ""] + link_list(handbook, sources, lang, page) + [""]
    return "\n".join(lines)


def problem_box(lang: str, kind: str, title: str, problems: list[str]) -> list[str]:
    """An admonition listing a file's problems; the messages sit in a code block, so stay inert."""
    return (
        [f'!!! {kind} "{title}"', "", f"    {t(lang, 'broken_intro')}", "", "    ```text"]
        + [f"    {message}" for message in problems]
        + ["    ```", ""]
    )


def edition(handbook: Handbook, lang: str) -> dict[str, str]:
    """Every page of one language edition: source path -> Markdown."""
    backlinks = handbook.backlinks()
    pages = {HOME_PAGE: home(handbook, lang)}
    for topic in handbook.topics:
        pages[topic_page(topic.key)] = topic_toc(handbook, topic, lang)
        for qid in topic.question_ids():
            pages[question_page(handbook, qid)] = question(handbook, qid, lang, backlinks)
    return pages


def edition_paths(handbook: Handbook) -> list[str]:
    """Source paths of all pages in reading order (home, then each topic and its questions)."""
    paths = [HOME_PAGE]
    for topic in handbook.topics:
        paths.append(topic_page(topic.key))
        paths += [question_page(handbook, qid) for qid in topic.question_ids()]
    return paths


def nav(handbook: Handbook, lang: str) -> list[object]:
    """MkDocs ``nav``: home, then each topic with its groups of questions in reading order."""
    items: list[object] = [{t(lang, "site_title"): HOME_PAGE}]
    for topic in handbook.topics:
        children: list[object] = [topic_page(topic.key)]
        for group in topic.groups:
            children.append(
                {
                    group.title[lang]: [
                        {handbook.questions[qid].title[lang]: question_page(handbook, qid)} for qid in group.questions
                    ]
                }
            )
        items.append({topic.title[lang]: children})
    return items
