"""When each content file last changed, from git history (one `git log` call for the whole tree)."""

from __future__ import annotations

import subprocess
from pathlib import Path


def parse_git_log(output: str) -> dict[str, str]:
    """Path -> date of its latest commit, from ``git log --format=%x00%cs --name-only`` output (newest first)."""
    dates: dict[str, str] = {}
    date = ""
    for line in output.splitlines():
        if line.startswith("\x00"):
            date = line[1:].strip()
        elif line.strip() and date:
            dates.setdefault(line.strip(), date)
    return dates


def last_changed(repo: Path, folder: str = "content") -> dict[str, str]:
    """Dates keyed by path relative to the repository root; empty when there is no git history."""
    try:
        result = subprocess.run(
            ["git", "log", "--format=%x00%cs", "--name-only", "--", folder],
            cwd=repo,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    return parse_git_log(result.stdout)
