"""The command line: ``verify check``, ``verify rules``, ``verify schema``.

Exit status: 0 no error-level finding, 1 at least one, 2 the run itself failed
(bad arguments, unreadable input, bad rule file).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="verify: find where a news article contradicts itself.",
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

EXIT_OK, EXIT_FINDINGS, EXIT_FAILURE = 0, 1, 2


class Format(StrEnum):
    """Output formats."""

    markdown = "markdown"
    json = "json"
    text = "text"


def _version(value: bool) -> None:
    if value:
        from verify import __version__

        typer.echo(f"verify {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """verify: find where a news article contradicts itself."""


def _fail(message: str) -> None:
    typer.echo(f"verify: error: {message}", err=True)


def _parse_published(value: Optional[str]) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def collect_articles(paths: list[Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Files to check, in a stable order, and the paths that name nothing checkable."""
    from verify.document.reader import ARTICLE_SUFFIXES

    files: list[Path] = []
    problems: list[tuple[Path, str]] = []
    for path in paths:
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in ARTICLE_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                problems.append((path, f"folder has no articles ({', '.join(ARTICLE_SUFFIXES)} files)"))
            files.extend(found)
        elif path.exists() or path.is_symlink():
            files.append(path)
        else:
            problems.append((path, "no such file or folder"))
    return files, problems


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file renamed into place,
    so that a reader never sees half a report."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _report_names(files: list[Path], suffix: str) -> list[str]:
    names = [f.stem + suffix for f in files]
    seen: dict[str, int] = {}
    for name in names:
        seen[name] = seen.get(name, 0) + 1
    return [name if seen[name] == 1 else f"{file.parent.name}-{name}" for file, name in zip(files, names, strict=True)]


@app.command()
def check(
    paths: Annotated[list[Path], typer.Argument(help="Articles (.md, .txt) or folders of them.", show_default=False)],
    output_format: Annotated[
        Optional[Format],
        typer.Option(
            "--format", "-f", help="Output format [default: text on the terminal, markdown with --report-dir]."
        ),
    ] = None,
    report_dir: Annotated[
        Optional[Path], typer.Option("--report-dir", help="Write one report per article into this folder.")
    ] = None,
    published: Annotated[
        Optional[str], typer.Option(help="Publication date (YYYY-MM-DD) for articles that carry none.")
    ] = None,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="Exit 0 even when errors are found.")] = False,
    select: Annotated[
        Optional[list[str]], typer.Option(help="Run only rules whose id or category starts with this (repeatable).")
    ] = None,
    ignore: Annotated[
        Optional[list[str]], typer.Option(help="Skip rules whose id or category starts with this (repeatable).")
    ] = None,
    rules_dir: Annotated[
        Optional[list[Path]], typer.Option("--rules", help="An extra folder of rule files (repeatable).")
    ] = None,
    encoding: Annotated[str, typer.Option(help="Text encoding of the articles.")] = "utf-8",
) -> None:
    """Check articles and report where each contradicts itself."""
    from verify.api import check_path, select_rules
    from verify.reports.model import Report
    from verify.reports.render import SUFFIXES, render
    from verify.rules import RuleError, core_rules_dir, load_rules

    published_date = _parse_published(published)
    try:
        rules = load_rules([core_rules_dir(), *(rules_dir or [])])
    except RuleError as error:
        _fail(str(error))
        raise typer.Exit(EXIT_FAILURE) from None
    rules = select_rules(rules, select or [], ignore or [])

    files, problems = collect_articles(paths)
    failed = bool(problems)
    for path, problem in problems:
        _fail(f"{path}: {problem}")

    file_reports = [check_path(path, rules, published_date, encoding) for path in files]
    for file_report in file_reports:
        if file_report.error:
            failed = True
            _fail(f"{file_report.path}: {file_report.error}")
    report = Report(files=file_reports)

    if report_dir is not None:
        fmt = (output_format or Format.markdown).value
        names = _report_names(files, SUFFIXES[fmt])
        for file_report, name in zip(file_reports, names, strict=True):
            if file_report.error:
                continue
            target = report_dir / name
            write_atomically(target, render(Report(files=[file_report]), fmt))
            typer.echo(
                f"{target}: {file_report.count('error')} error(s), {file_report.count('warning')} warning(s), "
                f"{len(file_report.verified)} verified"
            )
    else:
        fmt = (output_format or Format.text).value
        sys.stdout.write(render(report, fmt))

    if failed:
        raise typer.Exit(EXIT_FAILURE)
    if report.summary["errors"] and not exit_zero:
        raise typer.Exit(EXIT_FINDINGS)


def main() -> None:
    """Entry point of the ``verify`` command."""
    app()


if __name__ == "__main__":
    main()
