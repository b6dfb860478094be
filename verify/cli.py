"""The command line: ``verify check``, ``verify rules``, ``verify schema``.

Exit status: 0 no error-level finding, 1 at least one, 2 the run itself failed
(bad arguments, unreadable input, bad rule file), 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import sys
import tempfile
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional, TextIO

import typer

if TYPE_CHECKING:
    from collections.abc import Callable

    from verify.api import ClaimStorage
    from verify.config import Overrides, Settings
    from verify.reports.model import FileReport
    from verify.rules import Rule

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
    sarif = "sarif"
    github = "github"


class Level(StrEnum):
    """Finding levels, for --fail-level."""

    error = "error"
    warning = "warning"
    info = "info"


class Quotes(StrEnum):
    """What happens to problems in quoted speech."""

    info = "info"
    warning = "warning"
    keep = "keep"
    ignore = "ignore"


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


def write_atomically(path: Path, write: Callable[[TextIO], None]) -> None:
    """Call ``write`` on a temporary file that is then renamed to ``path``, so that a
    reader never sees half a report."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            write(stream)
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
        Optional[list[str]],
        typer.Option(
            help="Run only rules whose id starts with, or whose category is, this (repeatable; replaces the "
            "configuration's select and ignore)."
        ),
    ] = None,
    ignore: Annotated[
        Optional[list[str]],
        typer.Option(
            help="Skip rules whose id starts with, or whose category is, this (repeatable; adds to the "
            "configuration's ignore)."
        ),
    ] = None,
    rules_dir: Annotated[
        Optional[list[Path]], typer.Option("--rules", help="An extra folder of rule files (repeatable).")
    ] = None,
    encoding: Annotated[str, typer.Option(help="Text encoding of the articles.")] = "utf-8",
    config: Annotated[
        Optional[Path],
        typer.Option("--config", help="Use this configuration file for every article instead of searching."),
    ] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help="Ignore all configuration files.")] = False,
    fail_level: Annotated[
        Optional[Level], typer.Option("--fail-level", help="Exit 1 from this finding level up [default: error].")
    ] = None,
    quotes: Annotated[
        Optional[Quotes],
        typer.Option(
            "--quotes",
            help="Problems in quoted speech: at most info or warning, keep their level, or ignore them [default: info].",
        ),
    ] = None,
    jobs: Annotated[
        Optional[int], typer.Option("--jobs", "-j", min=1, help="Worker processes [default: the number of CPUs].")
    ] = None,
) -> None:
    """Check articles and report where each contradicts itself."""
    from verify.config import ConfigError, Overrides
    from verify.reports.model import Report
    from verify.reports.render import SUFFIXES, write

    published_date = _parse_published(published)
    overrides = Overrides(
        select=select,
        ignore=ignore or [],
        rules=rules_dir or [],
        fail_level=fail_level.value if fail_level else None,
        quotes=quotes.value if quotes else None,
    )
    files, problems = collect_articles(paths)
    try:
        settings = _settings_for(files or [Path.cwd()], overrides, config, isolated)
    except ConfigError as error:
        _fail(str(error))
        raise typer.Exit(EXIT_FAILURE) from None
    failed = bool(problems)
    for path, problem in problems:
        _fail(f"{path}: {problem}")

    fmt = (output_format or (Format.markdown if report_dir is not None else Format.text)).value
    # Only the JSON and Markdown reports list the claims; the others need not keep them,
    # and those two read a long article's claims packed (verify.claims.packed).
    claims: ClaimStorage = "packed" if fmt in (Format.json, Format.markdown) else "none"
    file_reports = _check_files(files, settings, published_date, encoding, jobs, claims)
    for file_report in file_reports:
        if file_report.error:
            failed = True
            _fail(f"{file_report.path}: {file_report.error}")
    report = Report(files=file_reports)
    rules = list({rule.id: rule for setting in settings for rule in setting.rules}.values())

    if report_dir is not None:
        names = _report_names(files, SUFFIXES[fmt])
        for file_report, name in zip(file_reports, names, strict=True):
            if file_report.error:
                continue
            target = report_dir / name
            write_atomically(target, partial(write, Report(files=[file_report]), fmt, rules=rules))
            typer.echo(
                f"{target}: {file_report.count('error')} error(s), {file_report.count('warning')} warning(s), "
                f"{len(file_report.verified)} verified"
            )
    else:
        write(report, fmt, sys.stdout, rules)

    if failed:
        raise typer.Exit(EXIT_FAILURE)
    fails = any(
        setting.fails(finding.severity)
        for file_report, setting in zip(file_reports, settings, strict=False)
        for finding in file_report.findings
    )
    if fails and not exit_zero:
        raise typer.Exit(EXIT_FINDINGS)


def _settings_for(files: list[Path], overrides: Overrides, config: Optional[Path], isolated: bool) -> list[Settings]:
    """The settings of each file, from its nearest configuration and the flags."""
    from verify.config import Resolver

    resolver = Resolver(overrides, config=config, isolated=isolated)
    return [resolver.for_path(path) for path in files]


def _check_files(
    files: list[Path],
    settings: list[Settings],
    published: Optional[dt.date],
    encoding: str,
    jobs: Optional[int],
    claims: ClaimStorage = "objects",
) -> list[FileReport]:
    """Check each file under its own settings; files that share a configuration go together."""
    from verify.batch import check_paths
    from verify.config import apply_settings

    groups: dict[int, list[int]] = {}
    for index, setting in enumerate(settings[: len(files)]):
        groups.setdefault(id(setting), []).append(index)
    reports: list[Optional[FileReport]] = [None] * len(files)
    for indices in groups.values():
        setting = settings[indices[0]]
        chosen = [files[i] for i in indices]
        for index, report in zip(
            indices,
            check_paths(chosen, setting.rules, published, encoding, setting.date_fields, jobs=jobs, claims=claims),
            strict=True,
        ):
            reports[index] = apply_settings(report, setting)
    return [report for report in reports if report is not None]


@app.command("rules")
def rules_command(
    rule_id: Annotated[Optional[str], typer.Argument(metavar="[ID]", help="Show this rule in full.")] = None,
    rules_dir: Annotated[
        Optional[list[Path]], typer.Option("--rules", help="An extra folder of rule files (repeatable).")
    ] = None,
    config: Annotated[Optional[Path], typer.Option("--config", help="Use this configuration file.")] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help="Ignore all configuration files.")] = False,
    markdown: Annotated[
        bool, typer.Option("--markdown", help="Write the rules in full as a Markdown reference (docs/rules.md).")
    ] = False,
) -> None:
    """List the rules (id, kind, level), or show one with its documentation and examples.

    The rules are those the configuration of the current folder selects, with its levels.
    """
    from verify.config import ConfigError, Overrides

    try:
        (settings,) = _settings_for([Path.cwd()], Overrides(rules=rules_dir or []), config, isolated)
    except ConfigError as error:
        _fail(str(error))
        raise typer.Exit(EXIT_FAILURE) from None
    if rule_id is None:
        sys.stdout.write(_rules_markdown(settings.rules) if markdown else _rules_table(settings.rules))
        return
    rule = next((r for r in settings.rules if r.id == rule_id), None)
    if rule is None:
        _fail(f"no rule {rule_id!r}; `verify rules` lists them")
        raise typer.Exit(EXIT_FAILURE)
    sys.stdout.write(_rules_markdown([rule]) if markdown else _describe_rule(rule))


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _rules_markdown(rules: list[Rule]) -> str:
    """The rules reference in Markdown: a table, then each rule under a heading of its id."""
    import yaml

    out = [
        "# Rules",
        "",
        "Generated by `verify rules --isolated --markdown`; each rule's YAML file under `rules/` is the source.",
        "",
        "| rule | kind | level | what it flags |",
        "|---|---|---|---|",
    ]
    out += [f"| [`{r.id}`](#{r.id.replace('.', '')}) | `{r.kind}` | {r.level} | {_cell(r.summary)} |" for r in rules]
    for rule in rules:
        out += ["", f"## {rule.id}", "", f"Kind `{rule.kind}`, category `{rule.category}`, level {rule.level}.", ""]
        out += [rule.description.rstrip(), "", f"- **Message:** {rule.message}"]
        if rule.verified:
            out.append(f"- **When it holds:** {rule.verified}")
        if rule.fix:
            out.append(f"- **Likely fix:** {rule.fix}")
        if rule.params:
            params = yaml.safe_dump(
                rule.params, sort_keys=False, allow_unicode=True, width=100, default_flow_style=None
            )
            out += ["", "Parameters:", "", "```yaml", params.rstrip(), "```"]
        for title, examples in (("Flags", rule.examples.fail), ("Leaves alone", rule.examples.passing)):
            out += ["", f"{title}:", ""]
            out += [
                f"- {example.text}" + (f" (published {example.published})" if example.published else "")
                for example in examples
            ]
    return "\n".join(out) + "\n"


def _rules_table(rules: list[Rule]) -> str:
    """One line per rule: id, kind, level and the first line of its description."""
    rows = [("ID", "KIND", "LEVEL", "SUMMARY")] + [(r.id, r.kind, r.level, r.summary) for r in rules]
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    lines = [
        "  ".join([*(cell.ljust(width) for cell, width in zip(row[:3], widths, strict=True)), row[3]]) for row in rows
    ]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _describe_rule(rule: Rule) -> str:
    """A rule in full: what it checks, what it says, its parameters and examples."""
    import yaml

    out = [
        rule.id,
        "=" * len(rule.id),
        "",
        f"kind:     {rule.kind}",
        f"category: {rule.category}",
        f"level:    {rule.level}",
        f"source:   {rule.source}",
    ]
    if rule.link:
        out.append(f"link:     {rule.link}")
    out += ["", rule.description.rstrip(), "", f"message:  {rule.message}"]
    if rule.verified:
        out.append(f"verified: {rule.verified}")
    if rule.fix:
        out.append(f"fix:      {rule.fix}")
    if rule.params:
        params = yaml.safe_dump(rule.params, sort_keys=False, allow_unicode=True, width=100, default_flow_style=None)
        out += ["", "params:", *("  " + line for line in params.rstrip().splitlines())]
    for title, examples in (("flags", rule.examples.fail), ("leaves alone", rule.examples.passing)):
        out += ["", f"examples it {title}:"]
        for example in examples:
            dated = f" (published {example.published})" if example.published else ""
            out.append(f"  - {example.text}{dated}")
    return "\n".join(out) + "\n"


@app.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the report that `verify check --format json` writes."""
    import json

    from verify.reports.model import Report

    schema = Report.model_json_schema(mode="serialization")
    sys.stdout.write(json.dumps(schema, indent=2, ensure_ascii=False) + "\n")


#: Exit status after Ctrl-C, as shells report a SIGINT (128 + 2).
EXIT_INTERRUPTED = 130


class Interrupted(BaseException):
    """Ctrl-C. Raised from the SIGINT handler instead of KeyboardInterrupt, which
    click would turn into "Aborted!" and exit status 1."""


def _interrupt(signum: int, frame: object) -> None:
    # A second Ctrl-C during the clean-up ends the run at once.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    raise Interrupted


def main() -> None:
    """Entry point of the ``verify`` command. Ctrl-C exits 130; a report being written
    is then removed with its temporary file (see :func:`write_atomically`), never left half-written."""
    previous = signal.signal(signal.SIGINT, _interrupt)
    try:
        app()
    except Interrupted:
        sys.stderr.write("verify: interrupted; no report was left half-written\n")
        sys.exit(EXIT_INTERRUPTED)
    finally:
        signal.signal(signal.SIGINT, previous)


if __name__ == "__main__":
    main()
