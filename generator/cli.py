"""The `tarikh` command line: build, serve, new, extract, eval, import.

Exit codes scripts can rely on: 0 built (warnings allowed unless --strict),
1 content errors (the rest of the site is still published), 2 usage,
configuration or template errors (nothing is published).

The parser (every command, option and help text) is in cli_args.py; this module
runs what was asked for, importing each command's modules only when it runs.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from generator.cli_args import argument_parser

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


def run() -> None:
    """The `tarikh` command: `main`, then out of the process without tearing
    the interpreter down. A build leaves a model, the parse cache and the
    page records behind, and freeing them object by object took 0.4-0.5 CPU s
    of a 10,000-event rebuild after its work was done (issue 12). Everything
    is written and closed by then; only the standard streams are flushed.
    In-process callers (tests, the preview) call `main` and keep their
    interpreter."""
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe: what Python itself exits with then
        code = 120
    os._exit(code)


def main(argv: list[str] | None = None) -> int:
    parser = argument_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        if args.command == "build":
            return _build(args)
        if args.command == "new":
            from generator.scaffold import create_site

            if problem := _not_a_directory(args.directory):
                print(f"tarikh: error: {problem}", file=sys.stderr)
                return EXIT_USAGE

            return create_site(args.directory)
        if args.command == "extract":
            from generator.extract import run_extract

            # Without --source, the site that holds FILE (argparse cannot tell an
            # option left out from one given its default, so ask the words).
            words = sys.argv[1:] if argv is None else argv
            given = any(
                len(w.split("=")[0]) > 4 and "--source".startswith(w.split("=")[0]) for w in words
            )
            return run_extract(
                args.files, args.source if given else None, args.reference_date, args.format
            )
        if args.command == "import":
            from generator.importers.timelinejs import run_import

            return run_import(
                args.file, args.source, args.into, dry_run=args.dry_run, force=args.force
            )
        if args.command == "eval":
            from generator.build import build_date
            from generator.evaluate import main_eval

            return main_eval(args.gold, args.actors, args.format, build_date(), args.knowledge)
        if args.command == "serve":
            from generator.preview.serve import serve

            if problem := _not_a_site(args.source):
                print(f"tarikh: error: {problem}", file=sys.stderr)
                return EXIT_USAGE

            return serve(
                args.source,
                port=args.port,
                bind=args.bind,
                open_browser=args.open,
                poll=args.poll,
                base_url=args.base_url,
                reference_date=args.reference_date,
                verbose=args.verbose,
            )
    except KeyboardInterrupt:
        return EXIT_OK
    except BrokenPipeError:  # `tarikh extract … | head`: the reader left, not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        return EXIT_OK
    except Exception as exc:
        # (errors.py imported here: `tarikh --help` and `new` do without dataclasses)
        from generator.errors import BuildError

        if isinstance(exc, BuildError):
            print(f"tarikh: error: {exc}", file=sys.stderr)
        else:  # a bug: one line, the traceback only on request
            print(f"tarikh: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        _traceback(exc, getattr(args, "verbose", False))
        return EXIT_USAGE
    return EXIT_USAGE


def _traceback(exc: BaseException, verbose: bool) -> None:
    """With --verbose, the traceback behind an error (a template error's own cause
    included); without, a hint that it exists."""
    from generator.errors import BuildError, TemplateError

    if not verbose:
        if not isinstance(exc, BuildError) or isinstance(exc, TemplateError):
            print("tarikh: run with --verbose for the traceback", file=sys.stderr)
        return
    from generator.preview.serve import traceback_text

    print(traceback_text(exc), file=sys.stderr)


def _not_a_site(source: Path) -> str | None:
    """Why SOURCE cannot be built: not a directory, or a directory that is not a site."""
    if not source.is_dir():
        return f"{source} is not a directory"
    if not (source / "site.toml").is_file() and not (source / "content").is_dir():
        return (
            f"{source} is not a tarikh site (it has neither site.toml nor content/); "
            "use --source SITE, or create a site with `tarikh new DIR`"
        )
    return None


def _not_a_directory(path: Path) -> str | None:
    """Why PATH cannot be (or be made) a directory: it, or a folder above it, is a file."""
    for p in [path, *path.parents]:
        if p.exists() and not p.is_dir():
            what = "is" if p == path else f"is under {p}, which is"
            return f"{path} {what} a file, not a directory"
    return None


def _output_problem(source: Path, output: Path) -> str | None:
    """Why OUTPUT cannot take the build of SOURCE."""
    if problem := _not_a_directory(output):
        return f"--output: {problem}"
    out, src = output.resolve(), source.resolve()
    if out == src or src.is_relative_to(out):
        return f"--output {output} is the site directory or holds it; choose a folder of its own"
    if out.is_relative_to(src / "content"):
        return f"--output {output} is inside content/; choose a folder outside it"
    return None


class _Progress:
    """One self-overwriting line on a terminal while a long build runs
    ("rendering 5,120/11,352 pages"); nothing when output goes to a log."""

    def __init__(self) -> None:
        self._last = 0.0
        self._shown = False

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._last < 0.2:
            return
        self._last = now
        what = "news lines" if stage == "reading" else "pages"
        sys.stderr.write(f"\r\033[K{stage} {done:,}/{total:,} {what}…")
        sys.stderr.flush()
        self._shown = True

    def clear(self) -> None:
        if self._shown:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


def _build(args: argparse.Namespace) -> int:
    problem = _not_a_site(args.source)
    if problem is None:
        problem = _output_problem(args.source, args.output or args.source / "output")
    if problem:
        print(f"tarikh: error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    if args.watch:
        from generator.preview.serve import watch_build

        return watch_build(
            args.source,
            args.output,
            poll=args.poll,
            base_url=args.base_url,
            reference_date=args.reference_date,
            verbose=args.verbose,
        )
    start = time.perf_counter()
    output = args.output or args.source / "output"
    # Nothing changed since the last build (by stat()): answer before Jinja,
    # the model or the parse cache is even imported (stamps.py).
    from generator.stamps import unchanged

    if last := unchanged(args.source, output, args.base_url, args.reference_date):
        for d in last.diagnostics:
            if d.level == "error" or not args.quiet:
                print(d, file=sys.stderr)
        errors = sum(d.level == "error" for d in last.diagnostics)
        warnings = sum(d.level == "warning" for d in last.diagnostics)
        _summary(last.summary, 0, 0, 0, errors, warnings, time.perf_counter() - start, output)
        return EXIT_CONTENT if errors or (args.strict and warnings) else EXIT_OK
    from generator.build import Builder

    progress = _Progress() if not args.quiet and sys.stderr.isatty() else None
    builder = Builder(
        args.source,
        output=args.output,
        base_url=args.base_url,
        reference_date=args.reference_date,
        progress=progress,
        jobs=args.jobs,
    )
    result = builder.build(skip_unchanged=True)
    if progress is not None:
        progress.clear()
    for d in result.diagnostics:
        if d.level == "error" or not args.quiet:
            print(d, file=sys.stderr)
    try:
        written, removed = builder.write(result, warn=lambda d: print(d, file=sys.stderr))
    except OSError as exc:
        where = exc.filename or builder.output
        print(f"tarikh: error: cannot write {where}: {exc.strerror or exc}", file=sys.stderr)
        _traceback(exc, args.verbose)
        return EXIT_USAGE
    counts = (len(result.rendered), written, removed, len(result.errors), len(result.warnings))
    _summary(result.summary, *counts, result.seconds, builder.output)
    if result.errors or (args.strict and result.warnings):
        return EXIT_CONTENT
    return EXIT_OK


def _summary(
    n: dict[str, int],
    rendered: int,
    written: int,
    removed: int,
    errors: int,
    warnings: int,
    seconds: float,
    output: Path,
) -> None:
    """The line a build ends with (scripts and tests read it)."""
    print(
        f"built {n['events']} events, {n['actors']} actors, {n['pages']} pages "
        f"({rendered} rendered, {written} written, {removed} removed), "
        f"{errors} errors, {warnings} warnings in {seconds:.2f} s → {output}"
    )
