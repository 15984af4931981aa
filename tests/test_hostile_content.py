"""Content as untrusted input for the build: links, odd files, huge and deep values.

Pins findings 3, 6 and part of 10 of the hardening issue. Each test builds a small
content folder that reproduces the finding and runs the real command.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner, Result

from generator import sources
from generator.cli import main
from tests.conftest import buurthuis_activity

SECRET = "root:$6$geheim-wachtwoord-hash:19000:0:99999:7:::"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def _activity(titel: str = "Extra", extra: str = "") -> str:
    return buurthuis_activity(titel, extra)


def _outside_secret(tmp_path: Path) -> Path:
    secret = tmp_path / "elders" / "shadow"
    secret.parent.mkdir()
    secret.write_text(f"{SECRET}\nnaam: {SECRET}\n", encoding="utf-8")
    return secret


def _assert_no_traceback(result: Result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output


def test_a_symlinked_site_yaml_outside_content_is_refused_unread(minimal_content, tmp_path):
    content = minimal_content()
    (content / "site.yaml").unlink()
    (content / "site.yaml").symlink_to(_outside_secret(tmp_path))
    result = run("check")
    assert result.exit_code == 1
    assert (
        "content/site.yaml:1: deze link verwijst naar een bestand buiten de map met inhoud; dat"
        " wordt niet gelezen. Zet het bestand zelf in de map"
    ) in result.stderr.splitlines()
    assert "geheim" not in result.output


def test_a_symlinked_activity_outside_content_is_not_published(minimal_content, tmp_path):
    content = minimal_content()
    outside = tmp_path / "elders" / "geheim.md"
    outside.parent.mkdir()
    outside.write_text(_activity("Geheime activiteit"), encoding="utf-8")
    (content / "activiteiten/geheim.md").symlink_to(outside)
    result = run("build", "--output", "out")
    assert result.exit_code == 1
    assert "content/activiteiten/geheim.md:1: deze link verwijst naar een bestand buiten" in (
        result.stderr
    )
    assert not (tmp_path / "out").exists()


def test_a_symlink_inside_content_is_read(minimal_content, tmp_path):
    content = minimal_content({"activiteiten/echt.md": _activity("Echt")})
    (content / "activiteiten/ook.md").symlink_to(content / "activiteiten/echt.md")
    result = run("build", "--output", "out")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out/activiteiten/ook/index.html").is_file()


def test_a_symlinked_folder_outside_content_is_refused(minimal_content, tmp_path):
    content = minimal_content()
    outside = tmp_path / "elders" / "organisaties"
    outside.mkdir(parents=True)
    (outside / "buurthuis.md").write_text(f"---\nnaam: {SECRET}\n---\n", encoding="utf-8")
    for path in (content / "organisaties").iterdir():
        path.unlink()
    (content / "organisaties").rmdir()
    (content / "organisaties").symlink_to(outside, target_is_directory=True)
    result = run("check")
    assert result.exit_code == 1
    assert "content/organisaties:1: deze map verwijst naar een map buiten de map met inhoud" in (
        result.stderr
    )
    assert "geheim" not in result.output


def test_a_symlink_loop_is_an_error(minimal_content):
    content = minimal_content()
    (content / "activiteiten/a.md").symlink_to(content / "activiteiten/b.md")
    (content / "activiteiten/b.md").symlink_to(content / "activiteiten/a.md")
    result = run("check")
    assert result.exit_code == 1
    _assert_no_traceback(result)
    assert "content/activiteiten/a.md:1: deze link verwijst in een kring naar zichzelf" in (
        result.stderr
    )


def test_a_fifo_or_folder_named_md_does_not_stall_the_build(minimal_content, tmp_path):
    content = minimal_content()
    os.mkfifo(content / "activiteiten/pijp.md")
    (content / "activiteiten/map.md").mkdir()
    done = subprocess.run(
        [sys.executable, "-c", "from generator.cli import main; main()", "check"],
        capture_output=True,
        text=True,
        timeout=60,  # reading the FIFO would wait for ever
    )
    assert done.returncode == 1
    assert "content/activiteiten/pijp.md:1: dit is geen gewoon bestand" in done.stderr
    assert "content/activiteiten/map.md:1: waarschuwing: deze map wordt overgeslagen" in done.stderr


def test_a_huge_file_is_refused_without_reading_it(minimal_content):
    minimal_content({"activiteiten/groot.md": _activity() + "x" * 1_100_000})
    result = run("check")
    assert result.exit_code == 1
    assert (
        "content/activiteiten/groot.md:1: dit bestand is groter dan 1 MB; dat is geen inhoud"
    ) in result.stderr.splitlines()


def test_an_unreadable_file_is_a_message(minimal_content, monkeypatch):
    """As root every file is readable, so the refusal is injected where the file opens."""
    minimal_content({"activiteiten/dicht.md": _activity()})
    real_open = os.open
    locked = "activiteiten/dicht.md"

    def refusing_open(file, *args, **kwargs):
        if str(file).endswith(locked):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing_open)
    result = run("check")
    assert result.exit_code == 1
    _assert_no_traceback(result)
    assert (
        "content/activiteiten/dicht.md:1: dit kan niet worden gelezen: er zijn geen leesrechten."
        " Controleer de rechten"
    ) in result.stderr.splitlines()


def test_a_file_swapped_for_a_fifo_after_the_check_does_not_stall(minimal_content, monkeypatch):
    """The checks pass (as if the FIFO were still the file they saw); the open file itself is
    checked again, so the read neither blocks on the FIFO nor reads it."""
    content = minimal_content()
    os.mkfifo(content / "activiteiten/pijp.md")
    monkeypatch.setattr(sources.ContentFolder, "_problem", lambda self, path: (None, str(path)))
    result = run("check")
    assert result.exit_code == 1
    assert (
        "content/activiteiten/pijp.md:1: dit is geen gewoon bestand; zet hier een tekstbestand neer"
    ) in result.stderr.splitlines()


def test_a_huge_integer_is_an_error_with_its_line(minimal_content):
    minimal_content(
        {"activiteiten/getal.md": _activity(extra="leeftijd:\n  min: " + "9" * 5000 + "\n")}
    )
    result = run("check")
    assert result.exit_code == 1
    _assert_no_traceback(result)
    assert (
        "content/activiteiten/getal.md:8: leeftijd.min: dit getal is veel te groot; het moet"
        " tussen 0 en 120 liggen"
    ) in result.stderr.splitlines()


def test_yaml_nested_400_deep_is_an_error_with_its_line(minimal_content):
    deep = "zoektermen: " + "[" * 400 + "]" * 400 + "\n"
    minimal_content({"activiteiten/diep.md": _activity(extra=deep)})
    result = run("check")
    assert result.exit_code == 1
    _assert_no_traceback(result)
    assert (
        "content/activiteiten/diep.md:7: hier staan lijsten of velden meer dan 50 lagen diep in"
        " elkaar; zo diep gaat geen veld, dus haal haken of inspringen weg"
    ) in result.stderr.splitlines()


def test_skipped_dot_files_and_folders_are_mentioned(minimal_content):
    content = minimal_content({"activiteiten/.verborgen.md": _activity()})
    (content / "activiteiten/oud").mkdir()
    (content / "activiteiten/.gitkeep").write_text("", encoding="utf-8")
    result = run("check")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "content/activiteiten/.verborgen.md:1: waarschuwing: dit bestand wordt overgeslagen:"
        " bestanden waarvan de naam met een punt begint, worden niet gelezen",
        "content/activiteiten/oud:1: waarschuwing: deze map wordt overgeslagen: zet de bestanden"
        " direct in activiteiten/",
    ]


def test_a_line_break_in_a_name_or_value_cannot_fake_a_diagnostic(minimal_content):
    fake = "content/x.md:1: alles goed"
    minimal_content(
        {
            f"activiteiten/Nep\n{fake}.md": _activity(),
            "activiteiten/waarde.md": _activity(extra=f'website: "https://a.example/\\n{fake}"\n'),
        }
    )
    result = run("check")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert not any(line.startswith(fake) for line in lines), lines
    assert len(lines) == 3, lines  # two errors and the summary
    assert all(line.startswith("content/activiteiten/") for line in lines[:2]), lines


def test_long_values_are_shown_as_a_short_excerpt(minimal_content):
    minimal_content({"activiteiten/lang.md": _activity(extra="wijken: " + "x" * 5000 + "\n")})
    result = run("check")
    assert result.exit_code == 1
    line = next(line for line in result.stderr.splitlines() if "wijken" in line)
    assert "x" * 59 + "…" in line and "x" * 61 not in line


def test_an_unreadable_folder_is_a_message(minimal_content, monkeypatch):
    """As root every folder is readable, so the refusal is injected where it is listed."""
    minimal_content()
    real_scandir = os.scandir

    def refusing_scandir(path="."):
        if Path(path).name == "activiteiten":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refusing_scandir)
    result = run("check")
    assert result.exit_code == 1
    _assert_no_traceback(result)
    assert (
        "content/activiteiten:1: dit kan niet worden gelezen: er zijn geen leesrechten."
        " Controleer de rechten"
    ) in result.stderr.splitlines()


def test_output_dot_dot_is_refused_with_exit_2(minimal_content, tmp_path):
    minimal_content()
    result = CliRunner().invoke(main, ["build", "--content", "content", "--output", ".."])
    assert result.exit_code == 2
    _assert_no_traceback(result)
    assert result.stderr.startswith("Gestopt: de uitvoermap .. ")
    assert result.stderr.endswith("../ is niet gewijzigd.\n")
