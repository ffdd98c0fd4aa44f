"""Compare search engines on the real handbook with a fixed query set, in headless Chromium.

Engines: the handbook's own search (default), Material's stock search (lunr, with jieba
installed), and Pagefind 1.5 extended (needs `pip install "pagefind[extended]==1.5.2"`).
For each query the expected page is the question a reader is looking for; a hit is that
page among the first 10 results.

    python scripts/compare_search.py            # prints a Markdown table (docs/search.md)
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from browser import chromium, offline_page, search, serve  # noqa: E402

# query -> (edition, expected page), what each query tests
QUERIES: list[tuple[str, str, str, str]] = [
    ("位置编码", "", "position-encoding/what-is-position-encoding/", "multi-word Han query, no spaces"),
    ("长度外推", "", "position-encoding/length-extrapolation-problem/", "multi-word Han query, no spaces"),
    ("线性内插", "", "position-encoding/position-interpolation/", "multi-word Han query, no spaces"),
    ("偏置矩阵", "", "position-encoding/alibi-bias-matrix/", "multi-word Han query, no spaces"),
    ("外推", "", "position-encoding/length-extrapolation-problem/", "word inside a longer term (长度外推)"),
    ("内插", "", "position-encoding/position-interpolation/", "word inside a longer term (线性内插)"),
    ("编码", "", "position-encoding/what-is-position-encoding/", "word inside a longer term (位置编码)"),
    ("旋转位置编码", "", "position-encoding/what-is-rope/", "long term"),
    ("旋转编码", "", "position-encoding/what-is-rope/", "words not adjacent in the text"),
    ("RoPE 外推", "", "position-encoding/rope-extrapolation/", "mixed Chinese and English"),
    ("ALiBi 偏置", "", "position-encoding/alibi-bias-matrix/", "mixed Chinese and English"),
    ("NTK 高频", "", "position-encoding/ntk-high-frequency-extrapolation/", "mixed Chinese and English"),
    ("（RoPE）", "", "position-encoding/what-is-rope/", "full-width brackets"),
    ("归一化", "", "normalization/", "topic-level term"),
    ("extrapolation", "en/", "position-encoding/length-extrapolation-problem/", "plain English word"),
    ("extrapolating", "en/", "position-encoding/length-extrapolation-problem/", "inflection"),
    ("interpolated positions", "en/", "position-encoding/position-interpolation/", "inflections, two words"),
    ("Rotary", "en/", "position-encoding/what-is-rope/", "case"),
    ("linear biases", "en/", "position-encoding/alibi-idea/", "plural"),
    ("sinusoids", "en/", "position-encoding/sinusoidal-position-encoding/", "inflection"),
]


def build(engine: str, out: Path) -> Path:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    for config_file, site_dir, lang in (("mkdocs.yml", out, "zh"), ("mkdocs.en.yml", out / "en", "en")):
        plugins = [
            {"search": {}},
            {"handbook": {"language": lang, "search_engine": "material" if engine == "material" else "handbook"}},
        ]
        mkdocs_build(load_config(str(ROOT / config_file), site_dir=str(site_dir), plugins=plugins))
    if engine == "pagefind":
        subprocess.run(
            [sys.executable, "-m", "pagefind", "--site", str(out), "--root-selector", "article", "--quiet"], check=True
        )
    return out


PAGEFIND_QUERY = """async ([base, q]) => {
  const pf = await import(base + 'pagefind/pagefind.js');
  const r = await pf.search(q);
  const top = await Promise.all(r.results.slice(0, 10).map(x => x.data()));
  return top.map(d => d.url);
}"""


def run_queries(engine: str, site: Path) -> dict[str, list[str]]:
    results = {}
    with serve(site) as base, chromium() as browser:
        for query, edition, _expected, _why in QUERIES:
            page = offline_page(browser, base)
            page.goto(base + edition)
            if engine == "pagefind":
                hrefs = page.evaluate(PAGEFIND_QUERY, [base, query])
            else:
                hrefs = search(page, query)[:10]
            results[query] = [h.replace(base, "").split("#")[0].lstrip("./") for h in hrefs]
            page.close()
    return results


def index_size(engine: str, site: Path) -> str:
    """Bytes of the Chinese edition's search data: the whole index, or Pagefind's whole bundle."""
    files = list((site / "pagefind").rglob("*")) if engine == "pagefind" else [site / "search" / "search_index.json"]
    files = [f for f in files if f.is_file() and (engine != "pagefind" or "/en" not in f.name)]
    raw = sum(f.stat().st_size for f in files)
    packed = sum(len(gzip.compress(f.read_bytes())) for f in files)
    return f"{raw / 1024:.0f} KiB ({packed / 1024:.0f} KiB gzip)"


def main() -> int:
    engines = ["handbook", "material", "pagefind"]
    table: dict[str, dict[str, list[str]]] = {}
    sizes: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for engine in engines:
            site = build(engine, Path(tmp) / engine)
            table[engine] = run_queries(engine, site)
            sizes[engine] = index_size(engine, site)
    print("| query | tests | " + " | ".join(engines) + " |")
    print("|---|---|" + "---|" * len(engines))
    hits = dict.fromkeys(engines, 0)
    for query, edition, expected, why in QUERIES:
        target = expected.removeprefix(edition)
        cells = []
        for engine in engines:
            found = [r.removeprefix(edition.rstrip("/")).lstrip("/") for r in table[engine][query]]
            rank = next((i + 1 for i, r in enumerate(found) if r.rstrip("/") == target.rstrip("/")), None)
            hits[engine] += rank is not None
            cells.append(f"#{rank}" if rank else f"miss ({len(found)} results)")
        label = f"{query} ({'en' if edition else 'zh'})"
        print(f"| {label} | {why} | " + " | ".join(cells) + " |")
    print("| **found in top 10** | | " + " | ".join(f"**{hits[e]}/{len(QUERIES)}**" for e in engines) + " |")
    print("| search data on disk | | " + " | ".join(sizes[e] for e in engines) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
