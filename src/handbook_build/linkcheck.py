"""Check every internal link and anchor of a built site (both editions live under one root).

A link is internal when it has no scheme and no host: relative paths, ``#anchors`` and
root-absolute paths. Each must reach a file of the site, and its ``#fragment`` an element id
on that page. Pure Python over the HTML files, so it runs on any built site.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

LINK_ATTRIBUTES = {("a", "href"), ("link", "href"), ("img", "src"), ("script", "src")}


class PageLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in ("id", "name"):
                self.ids.add(value)
            elif (tag, name) in LINK_ATTRIBUTES:
                self.links.append(value)


@dataclass
class LinkReport:
    pages: int = 0
    links_checked: int = 0
    broken: list[str] = field(default_factory=list)


def parse_pages(site: Path) -> dict[str, PageLinks]:
    pages = {}
    for path in sorted(site.rglob("*.html")):
        parser = PageLinks()
        parser.feed(path.read_text(encoding="utf-8", errors="replace"))
        pages[path.relative_to(site).as_posix()] = parser
    return pages


def target_file(site: Path, page: str, url_path: str) -> str | None:
    """Site-relative file a link path points to (directory URLs mean their index.html)."""
    if url_path.startswith("/"):
        joined = url_path.lstrip("/")
    else:
        joined = posixpath.join(posixpath.dirname(page), url_path)
    normal = posixpath.normpath(joined) if joined else posixpath.dirname(page)
    if normal.startswith(".."):
        return None
    normal = "" if normal == "." else normal
    candidate = site / normal
    if candidate.is_dir():
        candidate = candidate / "index.html"
        normal = posixpath.join(normal, "index.html") if normal else "index.html"
    return normal if candidate.is_file() else None


def check_site(site: Path, ignore: tuple[str, ...] = ("404.html",)) -> LinkReport:
    site = Path(site)
    pages = parse_pages(site)
    report = LinkReport(pages=len(pages))
    for page, parsed in pages.items():
        if page in ignore:  # served at any depth, so its relative links are not resolvable statically
            continue
        for link in parsed.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc:
                continue
            report.links_checked += 1
            path = unquote(parts.path)
            target = target_file(site, page, path) if path else page
            if target is None:
                report.broken.append(f"{page}: {link}: no such file")
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.endswith(".html") and fragment not in pages[target].ids:
                report.broken.append(f"{page}: {link}: no element with id '{fragment}' in {target}")
    return report
