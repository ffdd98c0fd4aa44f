"""The benchmark's own code keeps working: synthetic handbooks, a tiny end-to-end run, the trace report.

The figures themselves are measured by ``benchmarks/run.py`` (docs/performance.md), never by
timed tests; these tests only check that the tools that produce them are sound.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from handbook_build.loader import load_handbook

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import profile_search  # noqa: E402
import run  # noqa: E402
from synthetic import generate  # noqa: E402


def test_synthetic_handbook_is_valid_and_realistic(tmp_path):
    content = generate(ROOT / "content", tmp_path / "project", 60)
    handbook, problems = load_handbook(content)
    assert problems == []
    assert len(handbook.questions) == 60
    bodies = "".join(q.sections["zh"].text + q.sections["en"].text for q in handbook.questions.values())
    assert "$$" in bodies and "```" in bodies and "|---" in bodies  # formulas, code and tables, like real answers
    linked = {link.target for q in handbook.questions.values() for link in q.links}
    assert linked and linked <= set(handbook.questions)  # cross-links point at synthetic questions only


def test_benchmark_runs_end_to_end_on_a_tiny_handbook(tmp_path):
    out = tmp_path / "results.md"
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "run.py"),
            *("--sizes", "20", "--runs", "1", "--skip-preview", "--skip-search"),
            *("--work", str(tmp_path / "work"), "--out", str(out)),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    row = next(line for line in out.read_text(encoding="utf-8").splitlines() if line.startswith("| 20 |"))
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert cells[1].endswith(" s") and cells[2].endswith(" s") and cells[3].endswith("×")
    assert (tmp_path / "work" / "handbook-20" / "site" / "en" / "search" / "search_index.json").is_file()
    assert (tmp_path / "work" / "plain-20" / "zh" / "site" / "index.html").is_file()


def trace_event(name: str, ts: float, dur: float, tid: int = 1) -> dict:
    return {"name": name, "ph": "X", "ts": ts, "dur": dur, "pid": 1, "tid": tid}


def test_trace_report_counts_only_work_between_keystroke_and_first_result():
    events = [
        {"name": "thread_name", "ph": "M", "pid": 1, "tid": 1, "args": {"name": "CrRendererMain"}},
        {"name": "thread_name", "ph": "M", "pid": 1, "tid": 2, "args": {"name": "DedicatedWorker thread"}},
        {"name": "hb-keyup", "ph": "R", "ts": 1_000_000, "pid": 1, "tid": 1},
        {"name": "hb-first-result", "ph": "R", "ts": 1_040_000, "pid": 1, "tid": 1},
        trace_event("RunTask", 990_000, 20_000),  # half before the keystroke: 10 ms count
        trace_event("RunTask", 1_010_000, 25_000, tid=2),
        trace_event("FunctionCall", 1_012_000, 20_000, tid=2),
        trace_event("RunTask", 1_050_000, 5_000),  # after the first result: not counted
        trace_event("SomethingElse", 1_000_000, 30_000),
    ]
    text = profile_search.report(events, [("search/text-1.json", 232.4, 1000), ("search/search_index.json", -1100.0, 50)])
    lines = text.splitlines()
    assert lines[0] == "last keystroke → first result: 40.0 ms"
    assert "| DedicatedWorker thread | task (total) 25.0, run JS function 20.0 |" in lines
    assert "| CrRendererMain | task (total) 10.0 |" in lines
    assert lines.index("| search/search_index.json | 50 | -1100 |") < lines.index("| search/text-1.json | 1,000 | 232 |")


def test_search_report_has_a_row_per_engine_and_no_reader_pace_for_stock(tmp_path):
    out = tmp_path / "results.md"
    args = argparse.Namespace(runs=1, large_runs=1, out=out)
    ours = (1000, "zh", "handbook", (2048, 1024), ([10.0, 20.0, 300.0], 3072, 1024), ([5.0, 6.0, 7.0], 0, 0), ([9.0, 11.0], 0, 0))
    stock = (1000, "zh", "Material stock", (4096, 2048), ([1500.0, 2000.0, 3000.0], 9216, 4096), None, ([500.0], 0, 0))
    run.write_report(args, [], None, [ours, stock])
    lines = out.read_text(encoding="utf-8").splitlines()
    assert "## Full build (both editions)" not in lines  # no build measured, no build table
    assert "| 1,000 | zh | handbook | 2 KiB / 1 KiB | 3 KiB / 1 KiB | 10 / 20 / 300 ms | 5 / 6 / 7 ms | 10 ms |" in lines
    assert "| 1,000 | zh | Material stock | 4 KiB / 2 KiB | 9 KiB / 4 KiB | 1,500 / 2,000 / 3,000 ms | — | 500 ms |" in lines
