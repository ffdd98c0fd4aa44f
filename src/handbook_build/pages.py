"""Generate the Markdown of every page of one edition from the handbook data.

Pure functions from :class:`Handbook` to ``{source path: markdown}``: the MkDocs plugin
serves them as virtual files, tests compare them with golden files.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from urllib.parse import urlencode

from .body import prose_lines
from .i18n import t
from .links import (
    HOME_PAGE,
    escape_markdown,
    normalize_link_targets,
    question_page,
    rebase_links,
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
    most = most_asked(handbook)
    if most:
        lines += ["", f"## {t(lang, 'most_asked')} {{#most-asked}}", "", t(lang, "most_asked_intro"), ""]
        for qid in most:
            question = handbook.questions[qid]
            lines.append(
                f"1. [{escape_markdown(question.title[lang])}]({question_page(handbook, qid)}) {asked_badge(lang, question)}"
            )
    lines += ["", f"[{t(lang, 'by_collection')}]({COLLECTIONS_PAGE}) · [{t(lang, 'all_tags')}]({TAGS_PAGE})"]
    return "\n".join(lines) + "\n"


MOST_ASKED = 10
COLLECTIONS_PAGE = "collections/index.md"
TAGS_PAGE = "tags.md"


def most_asked(handbook: Handbook) -> list[str]:
    """The questions asked by the most collections (at least two), in handbook order among equals."""
    order = handbook.ordered_ids()
    ranked = sorted(
        (qid for qid in order if asked_count(handbook.questions[qid]) >= 2),
        key=lambda qid: (-asked_count(handbook.questions[qid]), order.index(qid)),
    )
    return ranked[:MOST_ASKED]


def topic_toc(handbook: Handbook, topic: Topic, lang: str) -> str:
    page = topic_page(topic.key)
    lines = [
        f"# {escape_markdown(topic.title[lang])}",
        "",
        escape_markdown(topic.description[lang]),
        "",
        t(lang, "topic_count", count=len(topic.question_ids())),
        "",
        f'<p class="hb-topic-tools" data-topic="{html.escape(topic.key)}"><span class="hb-topic-progress"></span> '
        f'<a class="hb-print-link" href="print/">{html.escape(t(lang, "print_topic"))}</a></p>',
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
                f'| <span class="hb-progress" data-qid="{html.escape(qid)}"></span>{number} | '
                f"[{escape_markdown(question.title[lang])}]({link}) | "
                f"{difficulty_badge(lang, question.difficulty)} {asked_badge(lang, question)} | "
                f"{tag_list(question.tags[:TOC_TAGS])} |"
            )
        lines.append("")
    return "\n".join(lines)


def print_page(handbook: Handbook, topic: Topic, lang: str, page: str, title: str) -> str:
    """Every question of a topic on one page, answers unfolded, for printing and PDF."""
    lines = [f"# {escape_markdown(title)}", "", '<div class="hb-print-page"></div>', ""]
    for qid in topic.question_ids():
        item = handbook.questions[qid]
        if item.broken:
            continue
        lines += [f"## {escape_markdown(item.title[lang])} {{#{qid}}}", ""]
        lines += demote_headings(answer_block(handbook, qid, lang, page), 1)
    return "\n".join(lines)


def demote_headings(lines: list[str], levels: int) -> list[str]:
    """Answer headings go below the question's heading on a print page (outside code)."""
    out = []
    for line in lines:
        for _, row, in_code in prose_lines(line, 1):
            out.append("#" * levels + row if not in_code and row.startswith("#") else row)
    return out


def label_key(label: str) -> tuple[tuple[int, int | str], ...]:
    """Natural order of position labels: 2.10 after 2.9, 2.4.a before 2.4.b."""
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in label.split("."))


def collection_order(handbook: Handbook, key: str) -> list[tuple[str, str]]:
    """(label, question id) in the collection's own order, rebuilt from the position labels."""
    entries = [(label, qid) for qid, q in handbook.questions.items() for label in q.asked_in.get(key, [])]
    return sorted(entries, key=lambda entry: (label_key(entry[0]), entry[1]))


def collections_index(handbook: Handbook, lang: str) -> str:
    lines = [
        f"# {t(lang, 'by_collection')}",
        "",
        t(lang, "by_collection_intro"),
        "",
        f"| {t(lang, 'collection')} | {t(lang, 'questions')} |",
        "|---|---:|",
    ]
    for key, collection in handbook.collections.items():
        count = len({qid for _, qid in collection_order(handbook, key)})
        lines.append(f"| [{escape_markdown(collection.title)}]({key}.md) | {count} |")
    return "\n".join(lines) + "\n"


def collection_page(handbook: Handbook, key: str, lang: str) -> str:
    collection = handbook.collections[key]
    page = f"collections/{key}.md"
    lines = [f"# {escape_markdown(collection.title)}", ""]
    if collection.link:
        lines += [f"<{collection.link}>", ""]
    lines += [t(lang, "collection_intro"), "", f"| {t(lang, 'position')} | {t(lang, 'question')} |", "|---|---|"]
    for label, qid in collection_order(handbook, key):
        question = handbook.questions[qid]
        link = relative_link(page, question_page(handbook, qid))
        lines.append(f"| `{label}` | [{escape_markdown(question.title[lang])}]({link}) |")
    return "\n".join(lines) + "\n"


def tags_page(handbook: Handbook, lang: str) -> str:
    by_tag: dict[str, list[str]] = {}
    for qid in handbook.ordered_ids():
        for tag in handbook.questions[qid].tags:
            by_tag.setdefault(tag, []).append(qid)
    lines = [f"# {t(lang, 'all_tags')}", ""]
    for tag in sorted(by_tag, key=lambda x: (x.casefold(), x)):
        links = ", ".join(
            f"[{escape_markdown(handbook.questions[q].title[lang])}]({question_page(handbook, q)})" for q in by_tag[tag]
        )
        lines.append(f"- **{escape_markdown(tag)}**: {links}")
    return "\n".join(lines) + "\n"


def link_list(handbook: Handbook, ids: list[str], lang: str, from_page: str) -> list[str]:
    return [
        f"- [{escape_markdown(handbook.questions[qid].title[lang])}]({relative_link(from_page, question_page(handbook, qid))})"
        for qid in ids
    ]


@dataclass
class SiteInfo:
    """What pages need from outside the content: where to edit a file, when it last changed."""

    repo_url: str = ""
    branch: str = "main"
    updated: dict[str, str] = field(default_factory=dict)
    """Question id -> date (YYYY-MM-DD) of the last commit that touched its file."""


def asked_count(question: Question) -> int:
    return len(question.asked_in)


def asked_badge(lang: str, question: Question) -> str:
    count = asked_count(question)
    if not count:
        return ""
    return (
        f'<span class="hb-asked-count" title="{html.escape(t(lang, "asked_count_hint"))}">'
        f"{html.escape(t(lang, 'asked_count', count=count))}</span>"
    )


def answer_block(handbook: Handbook, qid: str, lang: str, page: str) -> list[str]:
    """Meta line, where it is asked, and the answer between markers the practice mode folds."""
    item = handbook.questions[qid]
    meta = [f'<span class="hb-label">{t(lang, "difficulty")}</span> {difficulty_badge(lang, item.difficulty)}']
    badge = asked_badge(lang, item)
    if badge:
        meta.append(badge)
    if item.tags:
        meta.append(f'<span class="hb-label">{t(lang, "tags")}</span> {tag_list(item.tags)}')
    lines = [f'<div class="hb-meta" data-qid="{html.escape(qid)}" markdown="0">{" ".join(meta)}</div>', ""]
    if item.asked_in:
        lines += [
            f'<p class="hb-asked"><span class="hb-label">{t(lang, "asked_in")}</span> {collection_labels(handbook, item)}</p>',
            "",
        ]
    answer = normalize_link_targets(item.sections[lang].text.strip("\n"))
    answer = rebase_links(answer, question_page(handbook, qid), page)
    answer = resolve_cross_links(answer, lang, page, handbook)
    return lines + ['<div class="hb-answer-start"></div>', "", answer, "", '<div class="hb-answer-end"></div>', ""]


def question(handbook: Handbook, qid: str, lang: str, backlinks: dict[str, list[str]], site: SiteInfo | None = None) -> str:
    site = site or SiteInfo()
    item = handbook.questions[qid]
    page = question_page(handbook, qid)
    lines = [f"# {escape_markdown(item.title[lang])}", ""]
    if item.broken:
        return "\n".join(lines + problem_box(lang, "failure", t(lang, "broken_title"), item.problems))
    if item.problems:  # shown in preview; a strict build fails before publishing
        lines += problem_box(lang, "warning", t(lang, "problems_title"), item.problems)
    lines += answer_block(handbook, qid, lang, page)
    related = [r for r in item.related if r in handbook.questions and r != qid]
    if related:
        lines += [f"## {t(lang, 'related')} {{#related}}", ""] + link_list(handbook, related, lang, page) + [""]
    sources = backlinks.get(qid, [])
    if sources:
        lines += [f"## {t(lang, 'referenced_by')} {{#referenced-by}}", ""] + link_list(handbook, sources, lang, page) + [""]
    lines += page_footer(item, lang, site)
    return "\n".join(lines)


def page_footer(item: Question, lang: str, site: SiteInfo) -> list[str]:
    """Last update, edit this page, report a mistake (pre-filled issue naming the question)."""
    parts = []
    if item.id in site.updated:
        parts.append(f'<span class="hb-updated">{html.escape(t(lang, "updated", date=site.updated[item.id]))}</span>')
    if site.repo_url:
        repo = site.repo_url.rstrip("/")
        edit = f"{repo}/edit/{site.branch}/{item.path}"
        title = f"[{t(lang, 'mistake_prefix')}] {item.id}: {item.title[lang]}"
        body = t(lang, "mistake_body", id=item.id, path=item.path)
        report = f"{repo}/issues/new?" + urlencode({"template": "mistake.yml", "labels": "mistake", "title": title, "body": body})
        parts.append(f'<a class="hb-edit" href="{html.escape(edit)}">{html.escape(t(lang, "edit"))}</a>')
        parts.append(f'<a class="hb-report" href="{html.escape(report)}">{html.escape(t(lang, "report"))}</a>')
    return [f'<p class="hb-footer">{" · ".join(parts)}</p>', ""] if parts else []


def problem_box(lang: str, kind: str, title: str, problems: list[str]) -> list[str]:
    """An admonition listing a file's problems; the messages sit in a code block, so stay inert."""
    return (
        [f'!!! {kind} "{title}"', "", f"    {t(lang, 'broken_intro')}", "", "    ```text"]
        + [f"    {message}" for message in problems]
        + ["    ```", ""]
    )


def edition(handbook: Handbook, lang: str, site: SiteInfo | None = None) -> dict[str, str]:
    """Every page of one language edition: source path -> Markdown."""
    backlinks = handbook.backlinks()
    pages = {HOME_PAGE: home(handbook, lang)}
    for topic in handbook.topics:
        pages[topic_page(topic.key)] = topic_toc(handbook, topic, lang)
        for qid in topic.question_ids():
            pages[question_page(handbook, qid)] = question(handbook, qid, lang, backlinks, site)
        pages[print_page_path(topic.key)] = print_page(
            handbook, topic, lang, print_page_path(topic.key), t(lang, "print_title", topic=topic.title[lang])
        )
    pages[COLLECTIONS_PAGE] = collections_index(handbook, lang)
    for key in handbook.collections:
        pages[f"collections/{key}.md"] = collection_page(handbook, key, lang)
    pages[TAGS_PAGE] = tags_page(handbook, lang)
    return pages


def print_page_path(topic_key: str) -> str:
    return f"{topic_key}/print.md"


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
    items.append({t(lang, "by_collection"): [COLLECTIONS_PAGE] + [f"collections/{key}.md" for key in handbook.collections]})
    items.append({t(lang, "all_tags"): TAGS_PAGE})
    return items
