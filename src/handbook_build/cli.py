"""``handbook`` command: a thin layer over the pure modules (and MkDocs for ``build``)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .loader import load_handbook
from .scaffold import ScaffoldError, new_question
from .stats import format_stats, handbook_stats, inventory_coverage

DEFAULT_INVENTORY = Path("../shared/inventory/questions.yaml")
EDITION_CONFIGS = ("mkdocs.yml", "mkdocs.en.yml")


def report(problems: list[str], failure: str, success: str) -> int:
    """Problems on stdout and a count on stderr (exit 1), or one ``ok:`` line (exit 0)."""
    for problem in problems:
        print(problem)
    if problems:
        print(f"\n{len(problems)} {failure}", file=sys.stderr)
        return 1
    print(f"ok: {success}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    handbook, problems = load_handbook(args.content)
    return report(
        [p.format() for p in problems],
        f"problem(s) in {args.content}",
        f"{len(handbook.topics)} topics, {len(handbook.questions)} questions, no problems",
    )


def cmd_new(args: argparse.Namespace) -> int:
    try:
        created = new_question(args.content, args.topic, args.id)
    except ScaffoldError as err:
        print(f"handbook new: {err}", file=sys.stderr)
        return 1
    for path in created:
        print(f"wrote {path}")
    print("fill in the titles, tags and asked_in, write both answers, then run 'handbook check'")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    handbook, problems = load_handbook(args.content)
    topics = args.topic or None
    stats = handbook_stats(handbook, topics)
    coverage = inventory_coverage(handbook, args.inventory, topics) if args.inventory.exists() else None
    if args.json:
        print(json.dumps({"stats": stats, "coverage": coverage}, ensure_ascii=False, indent=2))
    else:
        print(format_stats(stats, coverage))
        if problems:
            print(f"\n{len(problems)} content problem(s): run 'handbook check'")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    """Both editions into ``site/`` (Chinese at the root, English in ``site/en``), strict."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    # Order matters: the Chinese edition cleans site/, the English one only site/en.
    for config_file in EDITION_CONFIGS:
        print(f"building {config_file}", file=sys.stderr)
        try:
            config = load_config(config_file, strict=not args.no_strict)
            build(config)
        except (Abort, ConfigurationError) as err:
            print(f"handbook build: {config_file}: {err}", file=sys.stderr)
            return 1
    return 0


def cmd_lint(args: argparse.Namespace) -> int:
    from .lint_zh import lint_files

    paths = args.files or sorted(args.content.glob("*/*.md"))
    problems = lint_files(paths)
    return report([p.format() for p in problems], "copywriting problem(s)", f"{len(paths)} files, no copywriting problems")


def cmd_pdf(args: argparse.Namespace) -> int:
    from .pdf import write_pdfs

    written = write_pdfs(args.site)
    for path in written:
        print(f"wrote {path}")
    if not written:
        print(f"handbook pdf: no print pages in {args.site}; run 'handbook build' first", file=sys.stderr)
        return 1
    return 0


def cmd_linkcheck(args: argparse.Namespace) -> int:
    from .linkcheck import check_site

    report = check_site(args.site)
    for problem in report.broken:
        print(problem)
    print(
        f"{report.pages} pages, {report.links_checked} internal links and anchors checked, {len(report.broken)} broken",
        file=sys.stderr,
    )
    return 1 if report.broken or not report.pages else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="handbook", description="Check, scaffold and build the LLM Interview Handbook.")
    parser.add_argument("--content", type=Path, default=Path("content"), help="content folder (default: content)")
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="validate every topic and question file; exit 1 on problems")
    check.set_defaults(run=cmd_check)

    new = commands.add_parser("new", help="create a question file and add it to its topic's order")
    new.add_argument("topic", help="topic key (folder under content/)")
    new.add_argument("id", help="question id (file name without .md)")
    new.set_defaults(run=cmd_new)

    stats = commands.add_parser("stats", help="questions per topic and collection, translations, difficulty")
    stats.add_argument("--topic", action="append", help="only this topic (repeatable)")
    stats.add_argument(
        "--inventory",
        type=Path,
        default=DEFAULT_INVENTORY,
        help=f"question inventory for coverage (default: {DEFAULT_INVENTORY})",
    )
    stats.add_argument("--json", action="store_true", help="machine-readable output")
    stats.set_defaults(run=cmd_stats)

    build = commands.add_parser("build", help="build both editions into site/ (strict)")
    build.add_argument("--no-strict", action="store_true", help="do not fail on warnings (preview only)")
    build.set_defaults(run=cmd_build)

    linkcheck = commands.add_parser("linkcheck", help="check internal links and anchors of a built site")
    linkcheck.add_argument("site", type=Path, nargs="?", default=Path("site"), help="built site (default: site)")
    linkcheck.set_defaults(run=cmd_linkcheck)

    lint = commands.add_parser("lint", help="Chinese copywriting lint (spaces around Latin text, full-width punctuation)")
    lint.add_argument("files", type=Path, nargs="*", help="question files (default: all of content/)")
    lint.set_defaults(run=cmd_lint)

    pdf = commands.add_parser("pdf", help="print each edition of a built site to PDF (needs Chromium)")
    pdf.add_argument("site", type=Path, nargs="?", default=Path("site"), help="built site (default: site)")
    pdf.set_defaults(run=cmd_pdf)

    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
