"""Where a cold search spends its time, from a Chromium performance trace.

    python benchmarks/profile_search.py bench-out/handbook-1000/site            # zh edition
    python benchmarks/profile_search.py bench-out/handbook-1000/site --edition en/ --query "position encoding"

Records the same trace as the Performance panel of Chrome's DevTools (``browser.start_tracing``)
while a fresh browser opens the edition's home page and a query is typed once (after the page
has settled, or with ``--at-once`` right after the load event, as in the benchmark's cold case), then reports,
between the last keystroke and the first result on screen: each thread's busy time (main
thread, search worker) with its largest tasks, and the search files fetched. The keystroke and
the first result are ``performance.mark``s, so they sit on the trace's own clock.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from handbook_build.localsite import chromium, keep_local, serve  # noqa: E402

CATEGORIES = [
    "devtools.timeline",
    "disabled-by-default-devtools.timeline",
    "v8.execute",
    "blink.user_timing",
    "toplevel",
    "loading",
    "netlog",
]
MARKS = """
document.addEventListener('keyup', () => performance.mark('hb-keyup'), true);
let hbShown = false;
new MutationObserver(() => {
  const list = document.querySelector('.md-search-result__list');
  if (!hbShown && list && list.children.length && performance.getEntriesByName('hb-keyup').length) {
    hbShown = true; performance.mark('hb-first-result');
  }
}).observe(document, {subtree: true, childList: true});
"""
# Trace events that stand for work a reader waits on; nested events are reported inclusive.
WORK = {
    "RunTask": "task (total)",
    "EvaluateScript": "evaluate script",
    "v8.compile": "compile script",
    "FunctionCall": "run JS function",
    "v8.run": "run JS",
    "ParseHTML": "parse HTML",
    "UpdateLayoutTree": "style recalc",
    "Layout": "layout",
    "Paint": "paint",
    "MinorGC": "GC (minor)",
    "MajorGC": "GC (major)",
    "V8.GC_SCAVENGER": "GC (scavenge)",
    "ResourceReceivedData": "receive data",
}


def record(site: Path, edition: str, query: str, at_once: bool) -> tuple[list[dict], list[tuple[str, float, int]]]:
    """Trace events of one cold search, and (url, response end in ms after the keystroke, bytes) of search fetches."""
    fetched: list[tuple[str, float, int]] = []
    with serve(site) as base, chromium() as browser, tempfile.TemporaryDirectory() as tmp:
        trace = Path(tmp) / "trace.json"
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        keep_local(page, base)
        page.add_init_script(MARKS)

        def keep(response) -> None:
            if "search" in response.url and response.ok:
                timing = response.request.timing
                path = response.url.removeprefix(base).split("?")[0]
                size = (site / path).stat().st_size if (site / path).is_file() else 0
                fetched.append((path, timing["startTime"] + timing["responseEnd"], size))

        page.on("response", keep)
        if at_once:  # as benchmarks/run.py's cold case: type as soon as the page has loaded
            browser.start_tracing(page=page, path=str(trace), categories=CATEGORIES)
            page.goto(base + edition)
        else:
            page.goto(base + edition)
            page.wait_for_load_state("networkidle")
            browser.start_tracing(page=page, path=str(trace), categories=CATEGORIES)
        page.locator("input.md-search__input").click()
        page.keyboard.insert_text(query)
        page.keyboard.press("End")
        page.wait_for_function("() => performance.getEntriesByName('hb-first-result').length > 0", timeout=120_000)
        page.wait_for_load_state("networkidle")
        browser.stop_tracing()
        keyup = page.evaluate("performance.timeOrigin + performance.getEntriesByName('hb-keyup')[0].startTime")
        fetched = [(url, ended - keyup, size) for url, ended, size in fetched]
        events = json.loads(trace.read_text(encoding="utf-8"))
        events = events["traceEvents"] if isinstance(events, dict) else events
        context.close()
    return events, fetched


def report(events: list[dict], fetched: list[tuple[str, float, int]]) -> str:
    marks = {e["name"]: e["ts"] for e in events if e.get("name") in ("hb-keyup", "hb-first-result")}
    start, end = marks["hb-keyup"], marks["hb-first-result"]
    names = {(e["pid"], e["tid"]): e["args"]["name"] for e in events if e.get("name") == "thread_name"}
    per_thread: dict[tuple[int, int], dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for event in events:
        if event.get("ph") != "X" or event.get("name") not in WORK:
            continue
        begin, finish = event["ts"], event["ts"] + event.get("dur", 0)
        overlap = min(finish, end) - max(begin, start)
        if overlap > 0:
            per_thread[(event["pid"], event["tid"])][WORK[event["name"]]] += overlap / 1000
    lines = [f"last keystroke → first result: {(end - start) / 1000:.1f} ms", ""]
    lines += ["| thread | work (inclusive, ms) |", "|---|---|"]
    for key, work in sorted(per_thread.items(), key=lambda kv: -kv[1].get("task (total)", 0)):
        if work.get("task (total)", 0) < 0.5:
            continue
        parts = ", ".join(f"{name} {ms:.1f}" for name, ms in sorted(work.items(), key=lambda kv: -kv[1]) if ms >= 0.5)
        lines.append(f"| {names.get(key, key)} | {parts} |")
    lines += ["", "| search file | bytes | response end (ms after the keystroke) |", "|---|---:|---:|"]
    lines += [f"| {url} | {size:,} | {ended:.0f} |" for url, ended, size in sorted(fetched, key=lambda f: f[1])]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("site", type=Path, help="a built site (both editions)")
    parser.add_argument("--edition", default="", help="'' for zh, 'en/' for en")
    parser.add_argument("--query", default="位置编码")
    parser.add_argument("--at-once", action="store_true", help="type right after the load event, before the index is ready")
    args = parser.parse_args()
    events, fetched = record(args.site, args.edition, args.query, args.at_once)
    print(report(events, fetched))
    return 0


if __name__ == "__main__":
    sys.exit(main())
