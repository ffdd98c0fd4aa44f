"""Link helpers: relative paths between generated pages and rebasing answers onto print pages."""

import posixpath

import pytest

from handbook_build.links import normalize_link_targets, rebase_links, relative_link


@pytest.mark.parametrize(
    "source,target",
    [
        ("index.md", "a/b.md"),
        ("a/index.md", "a/b.md"),
        ("a/b.md", "c/d.md"),
        ("a/b.md", "index.md"),
        ("a/b.md", "a/index.md"),
        ("index.md", "index.md"),
        ("a/b/c.md", "a/d.md"),
        ("collections/x.md", "t/q.md"),
    ],
)
def test_relative_link_matches_relpath(source, target):
    assert relative_link(source, target) == posixpath.relpath(target, posixpath.dirname(source) or ".")


def test_rebase_moves_relative_targets_only():
    text = "![a](../t/fig.png) [b](x.md#h) [c](https://x.y/z) [d](#top) `[e](f.md)` [m](mailto:a@b)"
    assert rebase_links(text, "t/q.md", "print.md") == (
        "![a](t/fig.png) [b](t/x.md#h) [c](https://x.y/z) [d](#top) `[e](f.md)` [m](mailto:a@b)"
    )
    assert rebase_links(text, "t/q.md", "t/print.md") == text


def test_windows_paths_become_forward_slashes_outside_code():
    assert normalize_link_targets("![图](..\\img\\a.png) `a\\b`") == "![图](../img/a.png) `a\\b`"
