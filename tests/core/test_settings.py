"""Settings: defaults, lenient reading, corrupt files moved aside, atomic writes."""

from __future__ import annotations

from pathlib import Path

from psoas_tui.store.settings import Settings, load_settings, save_settings


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "settings.toml") == (Settings(), "")


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    settings = Settings(theme="nord", muted=True, safety_note_seen=True, selftest_routine="x.toml")
    save_settings(settings, path)
    assert load_settings(path) == (settings, "")


def test_the_voice_is_on_by_default_and_kept_off_once_turned_off(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    assert Settings().voice is True
    save_settings(Settings(voice=False), path)
    assert "voice = false" in path.read_text()
    assert load_settings(path) == (Settings(voice=False), "")
    path.write_text('voice = "off"\n')
    settings, notice = load_settings(path)
    assert settings.voice is True and "invalid voice" in notice


def test_wrong_values_fall_back_and_say_so(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('theme = "nord"\nmuted = "yes"\nfuture_key = 3\n')
    settings, notice = load_settings(path)
    assert settings == Settings(theme="nord")
    assert "invalid muted" in notice


def test_a_corrupt_file_is_moved_aside_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("theme = [unclosed\n")
    settings, notice = load_settings(path)
    assert settings == Settings()
    assert "moved to settings.toml.corrupt-" in notice
    (aside,) = tmp_path.glob("settings.toml.corrupt-*")
    assert aside.read_text() == "theme = [unclosed\n"
    assert not path.exists()
