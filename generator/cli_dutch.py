"""click's own texts in Dutch: "Gebruik:", "Opties", "Geen optie '--x'." and the rest.

click looks every text it prints up through gettext, with `_` and `ngettext` taken
into each of its modules at import. Without a Dutch catalog for click (there is none
to install), `install` points those names at this table. It must run before any click
option is made, because a few texts (such as the metavar of a folder) are looked up
then. tests/test_cli_nederlands.py checks that each English text still is click's.
"""

from __future__ import annotations

import click
import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser
import click.termui
import click.types

MODULES = (click.core, click.decorators, click.exceptions, click.formatting, click.parser,
           click.termui, click.types)  # fmt: skip

DUTCH = {
    "Usage:": "Gebruik:",
    "Options": "Opties",
    "Commands": "Opdrachten",
    "Positional arguments": "Argumenten",
    "Show this message and exit.": "Toon deze hulp en stop.",
    "Show the version and exit.": "Toon de versie en stop.",
    "%(prog)s, version %(version)s": "%(prog)s, versie %(version)s",
    "Try '{command} {option}' for help.": "Hulp: '{command} {option}'.",
    "Error: {message}": "Fout: {message}",
    "No such option {name!r}.": "De optie {name!r} bestaat niet.",
    "No such command {name!r}.": "De opdracht {name!r} bestaat niet.",
    "Missing command.": "Noem een opdracht.",
    "Missing argument": "Er ontbreekt een argument",
    "Missing option": "Er ontbreekt een optie",
    "Missing parameter": "Er ontbreekt een waarde",
    "Missing parameter: {param_name}": "Er ontbreekt een waarde: {param_name}",
    "Missing {param_type}": "Er ontbreekt: {param_type}",
    "Invalid value for {param_hint}: {message}": "Ongeldige waarde voor {param_hint}: {message}",
    "Invalid value: {message}": "Ongeldige waarde: {message}",
    "Option {name!r} does not take a value.": "Achter de optie {name!r} hoort geen waarde.",
    "Argument {name!r} takes {nargs} values.": "Het argument {name!r} heeft {nargs} waarden.",
    "Invalid start character for option ({option})": "Een optie begint zo niet ({option})",
    "Aborted!": "Afgebroken.",
    "unknown error": "onbekende fout",
    "default: {default}": "standaard: {default}",
    "required": "verplicht",
    "env var: {var}": "omgevingsvariabele: {var}",
    "(dynamic)": "(wisselt)",
    "deprecated": "verouderd",
    "Value must be an iterable.": "Hier hoort een lijst.",
    "Could not open file {filename!r}: {message}": "Het bestand {filename!r} gaat niet open:"
    " {message}",
    "file": "bestand",
    "directory": "map",
    "path": "pad",
    "Choose from:\n\t{choices}": "Kies uit:\n\t{choices}",
    "{value} is not in the range {range}.": "{value} ligt niet tussen {range}.",
    "{value!r} is not a valid {number_type}.": "{value!r} is geen geldig getal.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} bestaat niet.",
    "{name} {filename!r} is a file.": "{name} {filename!r} is een bestand.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} is een map.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} is niet te lezen.",
    "{name} {filename!r} is not writable.": "In {name} {filename!r} kan niet geschreven worden.",
    "Do you want to continue?": "Wilt u doorgaan?",
    "Error: invalid input": "Fout: dat kan niet",
}
DUTCH_PLURAL = {
    "Got unexpected extra argument ({args})": (
        "Er staat een argument te veel ({args})",
        "Er staan argumenten te veel ({args})",
    ),
    "Did you mean {possibility}?": (
        "Bedoelde u {possibility}?",
        "(Bedoelde u een van: {possibilities}?)",
    ),
    "Option {name!r} requires an argument.": (
        "Achter de optie {name!r} hoort een waarde.",
        "Achter de optie {name!r} horen {nargs} waarden.",
    ),
    "{value!r} is not {choice}.": (
        "{value!r} kan niet; kies {choice}.",
        "{value!r} kan niet; kies uit {choices}.",
    ),
}


def gettext(message: str) -> str:
    return DUTCH.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    dutch = DUTCH_PLURAL.get(singular)
    if dutch is None:
        return singular if n == 1 else plural
    return dutch[0] if n == 1 else dutch[1]


def install() -> None:
    """Make click speak Dutch in this process."""
    for module in MODULES:
        if hasattr(module, "_"):
            module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]


class Command(click.Command):
    """A command whose usage line says [OPTIES]."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("options_metavar", "[OPTIES]")
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]


class Group(click.Group):
    """A group whose usage line says [OPTIES] OPDRACHT [ARGUMENTEN]..., as do its commands."""

    command_class = Command
    group_class = type  # subgroups are of this class too

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("options_metavar", "[OPTIES]")
        kwargs.setdefault("subcommand_metavar", "OPDRACHT [ARGUMENTEN]...")
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
