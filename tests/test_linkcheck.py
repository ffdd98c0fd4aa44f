"""The link checker finds broken links and anchors, and the tiny site has none."""

from __future__ import annotations

from handbook_build.linkcheck import check_site


def test_checker_reports_missing_files_and_anchors(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a><a href="a/#here">anchor</a><a href="a/#gone">bad anchor</a>'
        '<a href="missing/">bad</a><a href="https://example.org/x">external</a><a href="#top">self</a>'
        '<h1 id="top">t</h1>',
        encoding="utf-8",
    )
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">x</h2><a href="../../outside/">escape</a>', encoding="utf-8")
    report = check_site(tmp_path)
    assert report.pages == 2
    assert report.links_checked == 6
    assert report.broken == [
        "a/index.html: ../../outside/: no such file",
        "index.html: a/#gone: no element with id 'gone' in a/index.html",
        "index.html: missing/: no such file",
    ]


def test_tiny_site_has_no_broken_links(tiny_site):
    report = check_site(tiny_site)
    assert report.broken == []
    assert report.links_checked > 100
