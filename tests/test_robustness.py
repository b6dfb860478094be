"""Bad input files, adversarial text and interruptions: never a traceback, never lost data.

Each bad file ends in one line on standard error naming the file and the problem,
the run exits 2, and the other files are still checked and reported.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from verify import cli
from verify.api import check_text
from verify.cli import app, write_atomically
from verify.document.reader import read_text

RUNNER = CliRunner()
GOOD = "---\ndate: 2019-02-01\n---\nThe bridge, 3 km long, opened on Friday, February 1, 2019.\n"

#: file name → (bytes, the problem its one line must state)
BAD_FILES: dict[str, tuple[bytes, str]] = {
    "latin1.md": (
        "The café is 5 km away.\nIts señor is 50.\n".encode("latin-1"),
        r"is not valid utf-8: byte 0xe9 at line 1, column 8 \(byte offset 7\); pass --encoding",
    ),
    "image.md": (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20,
        r"is a binary file \(it contains NUL bytes\); skipped",
    ),
    "controls.md": (
        b"\x01\x02\x03\x04 abc \x05\x06\x07\x1b" * 50,
        r"is a binary file \(it is mostly control bytes\); skipped",
    ),
    "empty.md": (b"", r"is empty"),
    "blank.md": (b"  \n\n\t\n", r"is empty"),
    "nul.md": (b"The bridge is 3 km\nlong, and \x00 it opened.\n", r"contains a NUL character at line 2, column 11"),
    "yaml.md": (b"---\ntitle: A\ndate: [2019\n---\nBody.\n", r"front matter is not valid YAML at line \d+: "),
    "date.md": (b"---\ndate: next Blursday\n---\nBody.\n", r"front-matter field 'date' is not a date: 'next Blursday'"),
    "feb30.md": (b"---\ndate: 2019-02-30\n---\nBody.\n", r"front-matter field 'date' is not a date: '2019-02-30'"),
    "unclosed.md": (b"---\ndate: 2019-02-01\nThe body never closes the fence.\n", r"front matter .* never closed"),
    "utf16.md": ("The bridge is 3 km long.\n".encode("utf-16"), r"UTF-16 byte-order mark; pass --encoding utf-16"),
    "utf16le.md": (
        "The bridge is 3 km long.\n".encode("utf-16-le"),
        r"looks like UTF-16-LE text without a byte-order mark; pass --encoding utf-16-le",
    ),
}


def _stderr_lines(result: object) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_a_bad_file_ends_in_one_line_and_exit_2(tmp_path: Path, name: str) -> None:
    data, problem = BAD_FILES[name]
    bad = tmp_path / name
    bad.write_bytes(data)
    good = tmp_path / "good.md"
    good.write_text(GOOD, encoding="utf-8")
    result = RUNNER.invoke(app, ["check", str(bad), str(good), "--format", "json", "--isolated"])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    (line,) = _stderr_lines(result)
    assert line.startswith(f"verify: error: {bad}: "), line
    assert re.search(problem, line), line
    # The good file is still checked and reported.
    files = {entry["path"]: entry for entry in json.loads(result.stdout)["files"]}
    assert files[str(good)]["error"] is None
    assert any(claim["text"] == "3 km" for claim in files[str(good)]["claims"])
    assert files[str(bad)]["error"]


def test_every_bad_file_at_once_gives_one_line_each(tmp_path: Path) -> None:
    for name, (data, _) in BAD_FILES.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    missing = tmp_path / "missing.md"
    empty_folder = tmp_path / "nothing-here"
    empty_folder.mkdir()
    result = RUNNER.invoke(app, ["check", str(tmp_path), str(missing), str(empty_folder), "--isolated"])
    assert result.exit_code == 2
    lines = _stderr_lines(result)
    assert len(lines) == len(BAD_FILES) + 2, lines
    assert f"verify: error: {missing}: no such file or folder" in lines
    assert any(line.startswith(f"verify: error: {empty_folder}: folder has no articles") for line in lines)
    for name, (_, problem) in BAD_FILES.items():
        assert any(
            line.startswith(f"verify: error: {tmp_path / name}: ") and re.search(problem, line) for line in lines
        )
    assert "Traceback" not in result.output


def test_encoding_option_reads_a_latin1_file(tmp_path: Path) -> None:
    article = tmp_path / "latin1.md"
    article.write_bytes(BAD_FILES["latin1.md"][0])
    result = RUNNER.invoke(app, ["check", str(article), "--encoding", "latin-1", "-f", "json", "--isolated"])
    assert result.exit_code == 0, result.output
    (entry,) = json.loads(result.stdout)["files"]
    text = article.read_bytes().decode("latin-1")
    (quantity,) = [c for c in entry["claims"] if c["type"] == "quantity"]
    assert text[quantity["span"]["start"] : quantity["span"]["end"]] == "5 km"


def test_an_unknown_encoding_is_named(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text(GOOD, encoding="utf-8")
    result = RUNNER.invoke(app, ["check", str(article), "--encoding", "klingon", "--isolated"])
    assert result.exit_code == 2
    assert _stderr_lines(result) == [f"verify: error: {article}: unknown encoding 'klingon'"]


def test_a_fifo_is_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    result = RUNNER.invoke(app, ["check", str(fifo), "--isolated"])
    assert result.exit_code == 2
    assert _stderr_lines(result) == [
        f"verify: error: {fifo}: is not a regular file (a device, socket or pipe); skipped"
    ]


def _claims(path: Path, *extra: str) -> tuple[str, list[dict[str, object]], dict[str, object]]:
    result = RUNNER.invoke(app, ["check", str(path), "-f", "json", "--isolated", *extra])
    assert result.exit_code in (0, 1), result.output
    (entry,) = json.loads(result.stdout)["files"]
    return read_text(path), entry["claims"], entry


def _line_col(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def test_bom_front_matter_is_read_and_offsets_count_the_bom(tmp_path: Path) -> None:
    article = tmp_path / "bom.md"
    article.write_bytes(b"\xef\xbb\xbf" + GOOD.encode("utf-8"))
    text, claims, entry = _claims(article)
    assert text[0] == "\ufeff"
    assert entry["reference_date"] == "2019-02-01"
    (quantity,) = [c for c in claims if c["type"] == "quantity"]
    span = quantity["span"]
    assert isinstance(span, dict)
    assert span["start"] == text.index("3 km") == GOOD.index("3 km") + 1
    assert (span["line"], span["column"]) == (4, 13)


def test_crlf_offsets_lines_and_columns(tmp_path: Path) -> None:
    article = tmp_path / "crlf.md"
    body = "---\ndate: 2019-02-01\n---\nA title\n\nThe bridge, 3 km long, opened in 2019.\nIt cost $4 million and has 12 lanes.\n"
    article.write_bytes(body.replace("\n", "\r\n").encode("utf-8"))
    text, claims, entry = _claims(article)
    assert "\r\n" in text and entry["reference_date"] == "2019-02-01"
    assert {"3 km", "$4 million"} <= {c["text"] for c in claims}
    for claim in claims:
        span = claim["span"]
        assert isinstance(span, dict)
        assert text[span["start"] : span["end"]] == claim["text"]
        assert (span["line"], span["column"]) == _line_col(text, span["start"])
    (quantity,) = [c for c in claims if c["type"] == "quantity"]
    # Five lines of CRLF before it (39 code points), then "The bridge, ".
    assert quantity["span"] == {"start": 51, "end": 55, "line": 6, "column": 13}


def test_a_single_line_of_several_megabytes(tmp_path: Path) -> None:
    article = tmp_path / "long.md"
    words = [
        "the",
        "council",
        "said",
        "it",
        "would",
        "consider",
        "a",
        "new",
        "plan",
        "for",
        "the",
        "roads",
        "and",
        "the",
        "schools",
    ]
    pieces, size, number = [], 0, 0
    while size < 3_000_000:
        word = words[number % len(words)]
        number += 1
        pieces.append(f"{word} {number % 97 + 2} km" if number % 400 == 0 else word)
        size += len(pieces[-1]) + 1
    article.write_text(" ".join(pieces), encoding="utf-8")
    text, claims, _ = _subprocess_claims(article)
    assert "\n" not in text and len(text) > 3_000_000
    assert len(claims) >= 1000
    for claim in claims[:: max(1, len(claims) // 200)]:
        span = claim["span"]
        assert text[span["start"] : span["end"]] == claim["text"]
        assert span["line"] == 1 and span["column"] == span["start"] + 1


def _subprocess_claims(path: Path) -> tuple[str, list[dict[str, object]], dict[str, object]]:
    """Run the CLI in a child process; the timeout only detects a hang (it is no speed test)."""
    result = subprocess.run(
        [sys.executable, "-m", "verify.cli", "check", str(path), "-f", "json", "--isolated", "-j", "1"],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    (entry,) = json.loads(result.stdout)["files"]
    return read_text(path), entry["claims"], entry


# -- adversarial text ---------------------------------------------------------------

ADVERSARIAL: dict[str, str] = {
    "100k-digits": "It cost " + "7" * 100_000 + " dollars.",
    "dash-run": "1-" * 50_000 + "1 km",
    "slash-run": "1/" * 50_000 + "1 kV",
    "dot-run": "1." * 50_000,
    "comma-run": "1," * 50_000 + "1 people",
    "nested-parentheses": "(" * 50_000 + "3 km (2 mi)" + ")" * 50_000,
    "hyphen-line": "-" * 1_000_000,
    "mixed-scripts": "Москва 12 км, 東京 ٣٤ km, עברית 5 kV, 2019年5月3日 ελληνικά 7% हिन्दी १२३ ﷽ 𝟙𝟚 km. " * 400,
    "zero-width-and-bidi": (
        "On May\u200b 5, 2019\u200d the 70\u2011km\u2060-long line, 1\u200c10 kV\u202e, opened \u2066(it was 12 km)\u2069; "
        "\ufeffhe was 5\u200f4\u200e. " * 400
    ),
    "dense-claims-one-sentence": "the 12 km road cost $4 million and 3 people " * 2_500,
    "quotes": '"“«' * 30_000,
    "newlines": "3 km\r\n\r" * 30_000,
}

_PROBE = textwrap.dedent(
    """
    import json, sys
    from verify.api import check_text
    text = sys.stdin.read()
    (entry,) = check_text(text).files
    bad = [c.text for c in entry.claims if text[c.span.start:c.span.end] != c.text or not 0 <= c.span.start <= c.span.end <= len(text)]
    print(json.dumps({"claims": len(entry.claims), "bad": bad[:5], "error": entry.error}))
    """
)


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_text_finishes(name: str) -> None:
    text = ADVERSARIAL[name]
    # A child process, so that a regular expression stuck in C can be stopped; the
    # generous timeout detects a hang only (speed is measured in benchmarks/adversarial.py).
    result = subprocess.run(
        [sys.executable, "-c", _PROBE], input=text, capture_output=True, text=True, timeout=120, check=False,
        encoding="utf-8", errors="surrogatepass",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    outcome = json.loads(result.stdout)
    assert outcome["bad"] == [] and outcome["error"] is None


def test_zero_width_characters_keep_spans_exact() -> None:
    text = "The line is 70\u200b km long and opened on May 5, 2019.\u202e It carries 110 kV."
    (entry,) = check_text(text).files
    assert entry.claims
    for claim in entry.claims:
        assert text[claim.span.start : claim.span.end] == claim.text
    assert any(claim.text == "110 kV" for claim in entry.claims)


# -- nothing lost -----------------------------------------------------------------------


def test_inputs_are_opened_read_only(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text(GOOD, encoding="utf-8")
    article.chmod(0o444)
    before = article.stat()
    result = RUNNER.invoke(app, ["check", str(article), "--report-dir", str(tmp_path / "out"), "--isolated"])
    assert result.exit_code == 0, result.output
    after = article.stat()
    assert (after.st_mtime_ns, after.st_size, after.st_mode) == (before.st_mtime_ns, before.st_size, before.st_mode)
    assert article.read_text(encoding="utf-8") == GOOD


def test_an_interrupted_write_leaves_the_old_report_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.md"
    target.write_text("old report\n", encoding="utf-8")

    class Stream:
        def __init__(self, handle: int, *args: object, **kwargs: object) -> None:
            os.write(handle, b"half a rep")
            os.close(handle)

        def __enter__(self) -> Stream:
            raise cli.Interrupted

        def __exit__(self, *args: object) -> None:
            return None

    monkeypatch.setattr(cli.os, "fdopen", Stream)
    with pytest.raises(cli.Interrupted):
        write_atomically(target, lambda stream: stream.write("new report\n"))
    assert target.read_text(encoding="utf-8") == "old report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md"]


_RUN_AFTER_READY = textwrap.dedent(
    """
    import sys
    from verify.cli import main
    sys.argv = ["verify", *sys.argv[1:]]
    print("ready", file=sys.stderr, flush=True)
    main()
    """
)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_exits_130_and_leaves_no_half_written_report(tmp_path: Path, jobs: str) -> None:
    articles = tmp_path / "in"
    articles.mkdir()
    sentence = "The {n} km road was built in {y} and cost ${m} million, said {n} officials. "
    for index in range(12):
        body = "".join(
            sentence.format(n=i % 900 + 2, y=1950 + i % 70, m=i % 90 + 1) for i in range(index, index + 1500)
        )
        (articles / f"a{index:02}.md").write_text(f"---\ndate: 2020-01-02\n---\n{body}\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    earlier = out / "a00.md"
    earlier.write_text("the report of an earlier run\n", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-c", _RUN_AFTER_READY, "check", str(articles), "--report-dir", str(out), "-j", jobs,
         "--isolated"],
        stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert process.stderr is not None
    assert process.stderr.readline().strip() == "ready"
    time.sleep(1.0)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr
    assert stderr.strip().splitlines()[-1] == "verify: interrupted; no report was left half-written"
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
    assert earlier.read_text(encoding="utf-8") == "the report of an earlier run\n"


def test_a_run_without_full_stops_is_cut_into_bounded_sentences() -> None:
    from verify.document import parse_document
    from verify.document.segments import MAX_SENTENCE

    text = " ".join(f"word{i} and 5 km" for i in range(2_000))
    document = parse_document(text)
    assert len(document.sentences) > 1
    assert all(end - start <= MAX_SENTENCE for start, end in document.sentences)
    # Cut at white space: the pieces, joined by the spaces between them, are the text.
    assert " ".join(text[start:end] for start, end in document.sentences) == text
    assert all(text[start - 1] == " " for start, _ in document.sentences[1:])


def test_a_broken_symbolic_link_is_named(tmp_path: Path) -> None:
    link = tmp_path / "gone.md"
    link.symlink_to(tmp_path / "deleted.md")
    result = RUNNER.invoke(app, ["check", str(link), "--isolated"])
    assert result.exit_code == 2
    assert _stderr_lines(result) == [f"verify: error: {link}: is a broken symbolic link"]


def test_encoding_option_reads_utf16_without_a_mark(tmp_path: Path) -> None:
    article = tmp_path / "wide.md"
    article.write_bytes(BAD_FILES["utf16le.md"][0])
    result = RUNNER.invoke(app, ["check", str(article), "--encoding", "utf-16-le", "-f", "json", "--isolated"])
    assert result.exit_code == 0, result.output
    (entry,) = json.loads(result.stdout)["files"]
    assert [c["text"] for c in entry["claims"] if c["type"] == "quantity"] == ["3 km"]
