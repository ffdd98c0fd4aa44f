"""``mkdocs serve``: editing a question file rebuilds its page (the contributor's preview loop)."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from handbook_build.localsite import fetch, free_port


def wait_for(predicate, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.3)
    return False


def test_editing_a_question_rebuilds_its_page(tiny_copy, tmp_path):
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    url = f"http://127.0.0.1:{port}/basics/forgetting/"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=tiny_copy,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        assert wait_for(lambda: fetch(url, timeout=5).count("灾难性遗忘") > 0, 60), "server did not come up"
        question = tiny_copy / "content" / "basics" / "forgetting.md"
        question.write_text(
            question.read_text(encoding="utf-8").replace("这叫灾难性遗忘。", "这叫灾难性遗忘。预览已更新。"), encoding="utf-8"
        )
        assert wait_for(lambda: "预览已更新" in fetch(url, timeout=5), 30), "page was not rebuilt after the edit"
        assert not any(p.name.endswith(".html") for p in (tiny_copy / "content").rglob("*")), "wrote into content/"
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()
