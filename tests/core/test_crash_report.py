"""An unexpected error in a command leaves a crash report under the log folder and one line on
stderr, never a traceback; a report that cannot be saved is said so in the same one line."""

from __future__ import annotations

import platform
import subprocess
import sys
import textwrap
from datetime import datetime
from pathlib import Path
from typing import NoReturn

import pytest

from psoas_tui import __version__, paths
from psoas_tui.cli import schema
from psoas_tui.cli.crash_report import describe, report_crash, save_crash_report
from psoas_tui.cli.main import main


def _raise(error: BaseException) -> object:
    def fail(*args: object, **kwargs: object) -> NoReturn:
        raise error

    return fail


def _only_report(psoas_home: Path) -> Path:
    (report,) = (psoas_home / "logs" / "crashes").iterdir()
    return report


def test_an_unexpected_error_saves_a_report_and_prints_one_line(
    psoas_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(schema, "run", _raise(ValueError("the schema broke")))
    monkeypatch.setattr(sys, "argv", ["psoas", "schema"])
    assert main(["schema"]) == 70
    out, err = capsys.readouterr()
    report = _only_report(psoas_home)
    assert out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("psoas: unexpected error (ValueError: the schema broke); ")
    assert f"a report was saved to {report} — please include it" in err
    assert report.name.startswith("crash-") and report.suffix == ".txt"
    text = report.read_text(encoding="utf-8")
    assert "Traceback (most recent call last):" in text
    assert "raise error" in text and text.rstrip().endswith("ValueError: the schema broke")
    assert f"psoas-tui: {__version__}" in text
    assert "command:   psoas schema" in text
    assert platform.python_version() in text and platform.platform() in text
    assert not list(report.parent.glob(".*.tmp"))  # written atomically: no temporary file left


def test_a_report_that_cannot_be_saved_still_ends_in_one_line(
    psoas_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    psoas_home.mkdir()
    (psoas_home / "logs").write_text("a file where the log folder should be\n")
    monkeypatch.setattr(schema, "run", _raise(RuntimeError("boom")))
    assert main(["schema"]) == 70
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("psoas: unexpected error (RuntimeError: boom); ")
    assert f"the crash report could not be saved in {psoas_home / 'logs' / 'crashes'} (" in err
    assert "NotADirectoryError" in err or "FileExistsError" in err


def test_an_error_while_building_the_parser_is_reported_too(
    psoas_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from psoas_tui.cli import main as main_module

    monkeypatch.setattr(main_module, "build_parser", _raise(ImportError("a module is missing")))
    assert main(["list"]) == 70
    assert "ImportError: a module is missing" in capsys.readouterr().err
    assert _only_report(psoas_home).is_file()


@pytest.mark.parametrize(("error", "code"), [(KeyboardInterrupt(), 130), (BrokenPipeError(), 0)])
def test_ctrl_c_and_a_closed_pipe_are_not_crashes(
    psoas_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    error: BaseException,
    code: int,
) -> None:
    monkeypatch.setattr(schema, "run", _raise(error))
    assert main(["schema"]) == code
    assert capsys.readouterr().err == ""
    assert not (psoas_home / "logs").exists()


def test_the_line_is_one_line_and_safe_for_the_terminal(
    psoas_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    error = ValueError("bad name \x1b]0;pwned\x07\nsecond line of the message")
    path = report_crash(error, argv=["psoas"])
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "\x1b" not in err and "\x07" not in err
    assert "ValueError: bad name \\x1b]0;pwned\\x07 …" in err
    assert path is not None and "second line of the message" in path.read_text(encoding="utf-8")


def test_describe_names_the_type_and_the_first_line() -> None:
    assert describe(ValueError("boom")) == "ValueError: boom"
    assert describe(KeyError()) == "KeyError"
    assert describe(ValueError("x" * 500)).endswith("x …")
    assert len(describe(ValueError("x" * 500))) < 250


def test_the_traceback_keeps_the_cause(psoas_home: Path) -> None:
    try:
        try:
            raise OSError("disk gone")
        except OSError as cause:
            raise RuntimeError("could not save") from cause
    except RuntimeError as error:
        text = save_crash_report(error, argv=["psoas"]).read_text(encoding="utf-8")
    assert "OSError: disk gone" in text
    assert "The above exception was the direct cause" in text
    assert text.rstrip().endswith("RuntimeError: could not save")


def test_two_reports_in_the_same_second_get_two_files(psoas_home: Path) -> None:
    when = datetime(2026, 11, 22, 5, 12, 0)
    first = save_crash_report(ValueError("one"), argv=["psoas"], when=when)
    second = save_crash_report(ValueError("two"), argv=["psoas"], when=when)
    assert first != second
    assert first.name.startswith("crash-20261122-051200-")
    assert "ValueError: one" in first.read_text(encoding="utf-8")
    assert "ValueError: two" in second.read_text(encoding="utf-8")


def test_the_log_folder_is_under_psoas_home_or_the_platform_log_dir(
    psoas_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert paths.log_dir() == psoas_home / "logs"
    assert paths.crash_dir().parent == paths.log_dir()
    monkeypatch.delenv("PSOAS_HOME")
    from platformdirs import user_log_path

    assert paths.log_dir() == user_log_path("psoas-tui", appauthor=False)


def test_a_real_process_prints_one_line_and_no_traceback(psoas_home: Path) -> None:
    """The whole `psoas` process, with a command that fails: nothing else reaches the terminal,
    and the report module does not load Textual."""
    code = textwrap.dedent(
        """
        import sys
        from psoas_tui.cli import schema
        def fail(out):
            raise LookupError("no such thing")
        schema.run = fail
        from psoas_tui.cli.main import main
        status = main()
        assert "textual" not in sys.modules, "the crash report loaded Textual"
        raise SystemExit(status)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "schema"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 70
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "LookupError: no such thing" in result.stderr
    assert "command:   -c schema" in _only_report(psoas_home).read_text(encoding="utf-8")
