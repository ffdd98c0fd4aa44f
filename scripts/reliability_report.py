"""Print the reliability figures of docs/reliability.md for the current checkout.

    python scripts/reliability_report.py

Builds both editions of the real content twice (strict), link-checks the result, compares the
two builds file by file, and counts questions, pages, search entries and table-of-contents
entries per edition. The test suite asserts the same properties; this prints the numbers.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from conftest import build_editions  # noqa: E402
from corpus_cases import BROKEN, UNUSUAL_BUT_VALID  # noqa: E402
from payloads import PAYLOADS  # noqa: E402

from handbook_build.linkcheck import check_site  # noqa: E402
from handbook_build.loader import load_handbook  # noqa: E402

DECLARED_DIFFERENCES = {"sitemap.xml", "sitemap.xml.gz", "en/sitemap.xml", "en/sitemap.xml.gz"}


def digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def main() -> int:
    handbook, problems = load_handbook(ROOT / "content")
    print(f"broken-content corpus: {len(BROKEN)} broken cases, {len(UNUSUAL_BUT_VALID)} unusual-but-valid cases")
    print(f"script payloads: {len(PAYLOADS)} payloads x 4 places (answer, title, tag, group title)")
    print(f"content: {len(handbook.topics)} topics, {len(handbook.questions)} questions, {len(problems)} problems")
    with tempfile.TemporaryDirectory() as tmp:
        one = build_editions(ROOT, Path(tmp) / "one")
        two = build_editions(ROOT, Path(tmp) / "two")
        report = check_site(one)
        print(f"link check: {report.pages} pages, {report.links_checked} internal links and anchors, {len(report.broken)} broken")
        first, second = digest(one), digest(two)
        differing = sorted(name for name in first if first[name] != second.get(name))
        unexpected = [name for name in differing if name not in DECLARED_DIFFERENCES]
        print(
            f"reproducible build: {len(first)} files, {len(differing)} differ "
            f"({', '.join(differing) or 'none'}), {len(unexpected)} unexpected"
        )
        for edition in ("", "en/"):
            topics = {t.key for t in handbook.topics}
            pages = [
                p for p in (one / edition).glob("*/*/index.html") if p.parent.parent.name in topics and p.parent.name != "print"
            ]
            index = json.loads((one / edition / "search" / "search_index.json").read_text(encoding="utf-8"))
            entries = [d for d in index["docs"] if d.get("kind") == "question"]
            toc = sum(
                len(re.findall(r'<td><a href="[^"/]+/">', (one / edition / t.key / "index.html").read_text(encoding="utf-8")))
                for t in handbook.topics
            )
            print(
                f"edition '{edition or 'zh'}': {len(handbook.questions)} question files, {len(pages)} question pages, "
                f"{len(entries)} search entries, {toc} table-of-contents entries"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
