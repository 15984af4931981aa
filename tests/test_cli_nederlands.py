"""click's own texts (usage, help, usage errors) are in Dutch, like the rest of the CLI."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.cli_dutch import DUTCH, DUTCH_PLURAL

CLICK = Path(click.__file__).parent
ENGLISH = re.compile(
    r"\b(Usage|Options|Commands|Show|Error|Missing|Invalid|required|default|TEXT|INTEGER"
    r"|DIRECTORY|PATH|FILE|SOURCE)\b|\[OPTIONS\]|COMMAND \[ARGS\]"
)
COMMANDS = [(), ("build",), ("check",), ("serve",), ("rapport",), ("importeer",),
            ("importeer", "hsds"), ("nakijken",), ("taal",), ("nieuw",),
            ("nieuw", "activiteit"), ("nieuw", "organisatie")]  # fmt: skip


def run(*args: str):
    return CliRunner().invoke(main, list(args), prog_name="sociale-kaart")


def test_every_english_text_in_the_table_is_still_clicks() -> None:
    """So that a click upgrade that rewords a text shows up here, not as English output."""
    texts = set()
    for path in CLICK.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                texts.add(node.value)
    assert sorted(set(DUTCH) - texts) == []
    assert sorted(set(DUTCH_PLURAL) - texts) == []


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "sociale-kaart")
def test_help_is_dutch(command: tuple[str, ...]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Gebruik: sociale-kaart {' '.join(command)}".rstrip())
    assert "Opties:" in result.stdout
    assert ENGLISH.findall(result.stdout) == []


def test_usage_errors_are_dutch_with_exit_code_2() -> None:
    cases = {
        ("bouw",): "Fout: De opdracht 'bouw' bestaat niet.",
        ("check", "--formaat", "x"): (
            "Fout: Ongeldige waarde voor '--formaat': 'x' kan niet; kies uit 'tekst', 'github',"
            " 'json'."
        ),
        ("check", "--strikt"): "Fout: De optie '--strikt' bestaat niet. Bedoelde u '--strict'?",
        ("serve", "--port", "acht"): (
            "Fout: Ongeldige waarde voor '--port': 'acht' is geen geldig getal."
        ),
        ("serve", "--port"): "Fout: Achter de optie '--port' hoort een waarde.",
        ("nieuw", "activiteit"): "Fout: Er ontbreekt een argument 'SLUG'.",
        ("nieuw", "activiteit", "koffie"): "Fout: Er ontbreekt een optie '--organisatie'.",
        ("build", "extra"): "Fout: Er staat een argument te veel (extra)",
    }
    for args, message in cases.items():
        result = run(*args)
        assert result.exit_code == 2, args
        lines = result.stderr.splitlines()
        assert lines[-1] == message, args
        if len(lines) > 1:  # click gives no usage line for an option without its value
            assert lines[0].startswith("Gebruik: sociale-kaart "), args
            assert lines[1].startswith("Hulp: 'sociale-kaart "), args
    assert run("--version").stdout == "sociale-kaart 0.1.0\n"
