"""Benchmark: full build, preview loop, search and memory at several handbook sizes.

    python benchmarks/run.py                      # sizes 100 1000 5000, 3 runs, writes benchmarks/results.md
    python benchmarks/run.py --sizes 100 --runs 1 # quick look

Every figure is a median of --runs runs and, where there is one, a ratio against a baseline
measured in the same invocation: the baseline build is plain Material for MkDocs over the same
rendered pages (written out as ordinary Markdown files) with Material's stock search plugin and
no handbook plugin; the baseline search is Material's stock search on that build.
"""

from __future__ import annotations

import argparse
import gzip
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from synthetic import generate  # noqa: E402

from handbook_build import pages  # noqa: E402
from handbook_build.loader import load_handbook  # noqa: E402
from handbook_build.localsite import chromium, fetch, free_port, keep_local, serve  # noqa: E402

QUERIES = {"zh": ["位置编码", "归一化", "注意力"], "en": ["position encoding", "normalization", "gradient"]}
"""Per edition: two queries found in question titles and one (the last) found only in page text."""
READER_PAUSE_MS = 1000
"""The "reader pace" case: time between the first character of a query and the last keystroke."""


def run_measured(command: list[str], cwd: Path) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one child process."""
    log = cwd / "bench-stderr.log"
    with log.open("wb") as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
    if status != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise RuntimeError(f"{' '.join(command)} failed in {cwd}:\n{tail}")
    return elapsed, usage.ru_maxrss


def write_projects(work: Path, size: int) -> tuple[Path, Path]:
    """A handbook project and a plain Material project of the same pages."""
    project = work / f"handbook-{size}"
    generate(ROOT / "content", project, size)
    for name in ("mkdocs.yml", "mkdocs.en.yml"):
        shutil.copy(ROOT / name, project / name)
    plain = work / f"plain-{size}"
    handbook, problems = load_handbook(project / "content")
    assert not problems, problems[:3]
    base = yaml.safe_load(
        (ROOT / "mkdocs.yml")
        .read_text(encoding="utf-8")
        .replace("!!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}", "null")
    )
    for lang in ("zh", "en"):
        docs = plain / lang / "docs"
        for src, markdown in pages.edition(handbook, lang).items():
            target = docs / src
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(markdown, encoding="utf-8")
        config = dict(base)
        config.update(docs_dir="docs", site_dir="site", nav=pages.nav(handbook, lang), plugins=["search"], extra_css=[])
        config["theme"] = dict(base["theme"], language=lang)
        config["markdown_extensions"] = [e for e in base["markdown_extensions"] if not (isinstance(e, dict) and "toc" in e)] + [
            {"toc": {"permalink": True}}
        ]
        (plain / lang / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return project, plain


def build_handbook(project: Path) -> tuple[float, int]:
    seconds, memory = 0.0, 0
    for config, site in (("mkdocs.yml", "site"), ("mkdocs.en.yml", "site/en")):
        elapsed, rss = run_measured([sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", site], project)
        seconds, memory = seconds + elapsed, max(memory, rss)
    return seconds, memory


def build_plain(plain: Path) -> tuple[float, int]:
    seconds, memory = 0.0, 0
    for lang in ("zh", "en"):
        elapsed, rss = run_measured([sys.executable, "-m", "mkdocs", "build", "-q"], plain / lang)
        seconds, memory = seconds + elapsed, max(memory, rss)
    return seconds, memory


def preview_loop(project: Path, runs: int) -> list[float]:
    """Seconds from saving an edit to one question until `mkdocs serve` serves the new page."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    question = next((project / "content").glob("topic-0000/q00003.md"))
    url = f"http://127.0.0.1:{port}/topic-0000/q00003/"
    times = []
    try:
        deadline = time.time() + 600
        while "q00003" not in fetch(url) and "（3）" not in fetch(url):
            if time.time() > deadline:
                raise RuntimeError("mkdocs serve did not come up")
            time.sleep(0.5)
        original = question.read_text(encoding="utf-8")
        for run in range(runs):
            time.sleep(2)  # let the watcher settle
            marker = f"预览标记{run}x{time.time_ns()}"
            start = time.perf_counter()
            question.write_text(original.replace("# 中文\n", f"# 中文\n\n{marker}\n", 1), encoding="utf-8")
            while marker not in fetch(url):
                if time.perf_counter() - start > 300:
                    raise RuntimeError("edit never showed")
                time.sleep(0.05)
            times.append(time.perf_counter() - start)
        question.write_text(original, encoding="utf-8")
    finally:
        server.terminate()
        server.wait(timeout=30)
    return times


SEARCH_PATHS = ("search/", "lunr", "workers/search", "assets/handbook/search-worker")

TIMING_SCRIPT = """
window.__hb = {keyup: 0, shown: []};
document.addEventListener('keyup', () => { window.__hb.keyup = performance.now(); }, true);
new MutationObserver(() => {
  const list = document.querySelector('.md-search-result__list');
  if (list && list.children.length) window.__hb.shown.push(performance.now());
}).observe(document, {subtree: true, childList: true});  // documentElement may not exist yet
"""
FIRST_RESULT = "() => window.__hb.keyup > 0 && window.__hb.shown.some(t => t >= window.__hb.keyup)"
ELAPSED = "window.__hb.shown.find(t => t >= window.__hb.keyup) - window.__hb.keyup"


def search_timing(site: Path, edition: str, queries: list[str], cold: bool, pause_ms: int = 0) -> tuple[list[float], int, int]:
    """Milliseconds from last keystroke to first results; search bytes downloaded before them (raw, gzip).

    ``pause_ms``: type the first character, wait this long, then the rest (a reader's pace; with
    a Chinese IME the pinyin alone takes longer); 0 types the whole query the moment the page
    has loaded.

    Bytes count the search files (index, worker, language files, text shards) whose responses
    ended before the first result appeared, including requests made by the search worker.
    """
    times, raw_bytes, gzip_bytes = [], [], []
    with serve(site) as base, chromium() as browser:
        for query in queries:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            keep_local(page, base)
            page.add_init_script(TIMING_SCRIPT)
            requests: list = []

            def keep(response, requests=requests):
                if response.ok and any(p in response.url for p in SEARCH_PATHS):
                    requests.append(response.request)

            page.on("response", keep)
            page.goto(base + edition)
            box = page.locator("input.md-search__input")
            if not cold:  # a first query loads everything; the measured one is the second
                box.click()
                page.keyboard.insert_text(QUERIES[("zh" if not edition else "en")][-1])
                page.keyboard.press("End")
                page.wait_for_load_state("networkidle")
                page.wait_for_timeout(500)
                box.fill("")
            box.click()
            if pause_ms:  # the first character, then the reader takes a while to finish the query
                page.keyboard.insert_text(query[0])
                page.wait_for_timeout(pause_ms)
                page.keyboard.insert_text(query[1:])
            else:
                page.keyboard.insert_text(query)  # the whole query, then one keyup: Material searches on keyup
            page.keyboard.press("End")
            page.wait_for_function(FIRST_RESULT, timeout=600_000)  # stock search at 5,000 questions is slow
            times.append(page.evaluate(ELAPSED))
            first = page.evaluate("performance.timeOrigin + window.__hb.shown.find(t => t >= window.__hb.keyup)")
            page.wait_for_load_state("networkidle")
            before = set()
            for request in requests:
                timing = request.timing
                if timing["responseEnd"] >= 0 and timing["startTime"] + timing["responseEnd"] <= first:
                    before.add(request.url.removeprefix(base).split("?")[0])
            data = [(site / path).read_bytes() for path in before if (site / path).is_file()]
            raw_bytes.append(sum(map(len, data)))
            gzip_bytes.append(sum(len(gzip.compress(d)) for d in data))
            context.close()
    return times, int(statistics.median(raw_bytes)), int(statistics.median(gzip_bytes))


def index_bytes(site: Path) -> tuple[int, int]:
    files = [p for p in (site / "search").glob("*") if p.is_file()]
    data = [p.read_bytes() for p in files]
    return sum(map(len, data)), sum(len(gzip.compress(d)) for d in data)


def kib(n: float) -> str:
    return f"{n / 1024:,.0f} KiB"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--large-runs", type=int, default=2, help="runs at 5,000 questions and above")
    parser.add_argument("--work", type=Path, default=ROOT / "bench-out")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.md")
    parser.add_argument("--skip-search", action="store_true")
    parser.add_argument("--skip-preview", action="store_true")
    parser.add_argument("--skip-build", action="store_true", help="only preview and search (builds once)")
    parser.add_argument(
        "--search-only", action="store_true", help="only search: rebuild our site, reuse a stock site already in --work"
    )
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    rows, search_rows, preview_row = [], [], None
    for size in args.sizes:
        project, plain = write_projects(args.work, size)
        if args.search_only:  # our site is rebuilt with the current code; the stock site kept if built
            build_handbook(project)
            if not all((plain / lang / "site" / "index.html").is_file() for lang in ("zh", "en")):
                build_plain(plain)
        else:
            ours, base = [], []
            for _ in range(1 if args.skip_build else args.runs if size < 5000 else args.large_runs):
                ours.append(build_handbook(project))
                base.append(build_plain(plain))
            our_time = statistics.median(t for t, _ in ours)
            base_time = statistics.median(t for t, _ in base)
            our_mem = max(m for _, m in ours)
            base_mem = max(m for _, m in base)
            rows.append((size, our_time, base_time, our_mem, base_mem))
            print(
                f"{size}: build {our_time:.1f}s vs plain {base_time:.1f}s ({our_time / base_time:.2f}x), "
                f"peak {our_mem / 1024:.0f} MiB vs {base_mem / 1024:.0f} MiB",
                flush=True,
            )
        if size == 1000 and not args.skip_preview and not args.search_only:
            preview_row = preview_loop(project, args.runs)
            print(f"preview: {preview_row}", flush=True)
        if size >= 1000 and not args.skip_search:
            for lang, edition in (("zh", ""), ("en", "en/")):
                our_site, plain_site = project / "site", plain / lang / "site"
                our_index = index_bytes(our_site / edition)
                plain_index = index_bytes(plain_site)
                cold = search_timing(our_site, edition, QUERIES[lang], cold=True)
                paced = search_timing(our_site, edition, QUERIES[lang], cold=True, pause_ms=READER_PAUSE_MS)
                warm = search_timing(our_site, edition, QUERIES[lang], cold=False)
                plain_cold = search_timing(plain_site, "", QUERIES[lang], cold=True)
                plain_warm = search_timing(plain_site, "", QUERIES[lang], cold=False)
                # Stock search loads its whole index with the page: it has no reader-pace variant.
                search_rows.append((size, lang, "handbook", our_index, cold, paced, warm))
                search_rows.append((size, lang, "Material stock", plain_index, plain_cold, None, plain_warm))
                print(
                    f"search {size} {lang}: ours cold {[round(t) for t in cold[0]]} ms, paced {[round(t) for t in paced[0]]} ms, "
                    f"warm {statistics.median(warm[0]):.0f} ms, {kib(cold[2])} gz before first result; "
                    f"stock cold {[round(t) for t in plain_cold[0]]} ms, {kib(plain_cold[2])} gz",
                    flush=True,
                )
    write_report(args, rows, preview_row, search_rows)
    return 0


def write_report(args, rows, preview_row, search_rows) -> None:
    lines = [
        "# Benchmark results",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{time.strftime('%Y-%m-%d')}. Command: `python {' '.join(sys.argv)}`. Medians of {args.runs} runs "
        f"({args.large_runs} at 5,000 questions and above).",
    ]
    if rows:
        lines += [
            "",
            "## Full build (both editions)",
            "",
            "| questions | handbook plugin | plain Material, same pages | ratio | peak memory (handbook) | peak memory (plain) |",
            "|---:|---:|---:|---:|---:|---:|",
        ]
    for size, ours, base, our_mem, base_mem in rows:
        lines.append(
            f"| {size:,} | {ours:.1f} s | {base:.1f} s | {ours / base:.2f}× | {our_mem / 1024:.0f} MiB | "
            f"{base_mem / 1024:.0f} MiB |"
        )
    if preview_row:
        lines += [
            "",
            "## Preview loop (1,000 questions, `mkdocs serve --dirty`)",
            "",
            f"Save an edit to one question → its page served with the edit: median "
            f"**{statistics.median(preview_row):.2f} s** (runs: {', '.join(f'{t:.2f}' for t in preview_row)} s).",
        ]
    if search_rows:
        described = "; ".join(f"{lang}: {' / '.join(QUERIES[lang])}" for lang in dict.fromkeys(row[1] for row in search_rows))
        lines += [
            "",
            "## Search",
            "",
            "Bytes: search data downloaded before the first result appears (index, worker, language files, page "
            "text), raw and gzip-compressed. Time: from the last keystroke to the first result on screen, per query "
            f"({described}; the last is found only in page text, the others in titles). Cold = fresh browser, search "
            f"used for the first time, typed the moment the page has loaded; reader pace = the same, with "
            f"{READER_PAUSE_MS / 1000:g} s between the first character and the last keystroke; warm = second query "
            "on the page (median).",
            "",
            "| questions | edition | engine | index on disk (raw / gzip) | downloaded before first result "
            "(raw / gzip) | cold | reader pace | warm |",
            "|---:|---|---|---:|---:|---:|---:|---:|",
        ]
        for size, lang, engine, index, c, p, w in search_rows:
            lines.append(
                f"| {size:,} | {lang} | {engine} | {kib(index[0])} / {kib(index[1])} | {kib(c[1])} / {kib(c[2])} | "
                f"{' / '.join(f'{t:,.0f}' for t in c[0])} ms | "
                f"{' / '.join(f'{t:,.0f}' for t in p[0]) + ' ms' if p else '—'} | "
                f"{statistics.median(w[0]):,.0f} ms |"
            )
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    sys.exit(main())
