"""Last line of defence: an allowlist HTML sanitizer over every rendered page body.

The validator refuses unsafe markup before a build; this runs anyway, on the HTML that
Markdown and pymdown-extensions produced, so that a build with the check turned off, a
validator gap or a Markdown extension quirk still cannot publish live script. It uses nh3
(Python bindings of the Rust ``ammonia`` sanitizer, built on html5ever, the HTML parser of
a real browser engine) with an allowlist of exactly what answers need.
"""

from __future__ import annotations

import nh3

TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "input",
    "ins",
    "kbd",
    "label",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "samp",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
    "var",
    "wbr",
}
GENERIC_ATTRIBUTES = {"class", "id", "title", "lang", "dir"}
ATTRIBUTES = {
    "*": GENERIC_ATTRIBUTES,
    "a": {"href", "name"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"style", "colspan", "rowspan", "align"},
    "th": {"style", "colspan", "rowspan", "align"},
    "col": {"span"},
    "ol": {"start"},
    "details": {"open"},
    "label": {"for"},
    "input": {"type", "checked", "disabled", "name"},  # pymdownx tabbed and task lists
    "div": {"markdown", "data-qid"},
    "span": {"data-qid"},
    "p": {"data-topic"},
}
URL_SCHEMES = {"http", "https", "mailto"}
STYLE_PROPERTIES = {"text-align"}  # table column alignment from Markdown tables


def sanitize_html(html: str) -> str:
    """Keep answer markup; drop script, handlers, foreign URL schemes and anything not allowed."""
    return nh3.clean(
        html,
        tags=TAGS,
        clean_content_tags={"script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "math"},
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        filter_style_properties=STYLE_PROPERTIES,
        link_rel=None,
        strip_comments=True,
    )
