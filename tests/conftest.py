"""Shared fixtures: the tiny bilingual site, built once per session."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TINY = FIXTURES / "tiny"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def build_editions(project: Path, out: Path, strict: bool = True) -> Path:
    """Build the zh edition into ``out`` and the en edition into ``out/en``, like ``handbook build``."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    build(load_config(str(project / "mkdocs.yml"), site_dir=str(out), strict=strict))
    build(load_config(str(project / "mkdocs.en.yml"), site_dir=str(out / "en"), strict=strict))
    return out


@pytest.fixture(scope="session")
def tiny_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_editions(TINY, tmp_path_factory.mktemp("tiny") / "site")


@pytest.fixture()
def tiny_copy(tmp_path: Path) -> Path:
    """A writable copy of the tiny project, for tests that change content."""
    target = tmp_path / "tiny"
    shutil.copytree(TINY, target, ignore=shutil.ignore_patterns("site"))
    return target


@pytest.fixture(scope="session")
def site_url(tiny_site):
    """The tiny site served on localhost, for browser tests (skips locally without Chromium, fails in CI)."""
    from browser import require_browser, serve

    require_browser()
    with serve(tiny_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser(site_url):
    """One headless Chromium for all browser tests of the tiny site."""
    from browser import chromium

    with chromium() as instance:
        yield instance
