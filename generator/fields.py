"""A field of the content contract, and how a mapping of fields is checked.

`Field` names a field's checker (from `checks`), whether it is required and what it
means; `validate_mapping` checks every key of a mapping against a table of fields,
reporting all problems; `group` makes a nested table (such as `adres`) a checker, and
`mapping_list` a list of them (such as `tijden`).
The tables themselves are in `schema`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .checks import INVALID, Check, Checker, describe_value
from .diagnostics import dutch_list, suggest

MAX_LISTED = 8  # an unknown field's message names the known ones up to this many


@dataclass(frozen=True)
class Field:
    """One field of a file kind: its checker, whether it is required, and what it means."""

    check: Check
    required: bool = False
    doc: str = ""

    @property
    def fields(self) -> Mapping[str, Field]:
        """The fields of a nested group such as `adres` (empty for a single value)."""
        return getattr(self.check, "fields", {})

    @property
    def many(self) -> bool:
        """Whether the value is a list of such groups, such as `tijden`."""
        return getattr(self.check, "many", False)


def group(table: Mapping[str, Field], into: Callable[..., Any] = dict) -> Check:
    """A nested mapping such as `adres`, checked against its own table, made `into` a value."""

    def check(value: Any, at: tuple, c: Checker) -> Any:
        values = validate_mapping(value, table, at, c)
        return values if values is INVALID else into(**values)

    check.fields = table  # type: ignore[attr-defined]  # read by Field.fields
    return check


def mapping_list(
    table: Mapping[str, Field], make: Callable[[dict[str, Any], tuple, Checker], Any], hint: str
) -> Check:
    """A non-empty list of mappings (such as `tijden`), each checked against `table` and made
    into a value by `make(values, at, c)`, which may report more and return INVALID."""

    def check(value: Any, at: tuple, c: Checker) -> Any:
        if not isinstance(value, list) or not value:
            return c.error(at, hint)
        items = []
        for i, item in enumerate(value):
            values = validate_mapping(item, table, at + (i,), c)
            items.append(INVALID if values is INVALID else make(values, at + (i,), c))
        return INVALID if any(item is INVALID for item in items) else tuple(items)

    check.fields = table  # type: ignore[attr-defined]  # read by Field.fields
    check.many = True  # type: ignore[attr-defined]  # read by Field.many
    return check


def one_of(options: tuple[str, ...]) -> Check:
    """One of a few fixed words, such as `u` or `je`."""

    def check(value: Any, at: tuple, c: Checker) -> Any:
        if not isinstance(value, str) or value.strip() not in options:
            return c.error(at, f"{describe_value(value)} kan niet; kies {dutch_list(options)}")
        return value.strip()

    check.options = options  # type: ignore[attr-defined]  # read by json_schemas
    return check


def validate_mapping(
    data: Any, table: Mapping[str, Field], at: tuple, c: Checker
) -> dict[str, Any] | Any:
    """Check every key of `data` against `table`; return converted values or INVALID."""
    if not isinstance(data, dict):
        example = " en ".join(f"'{name}:'" for name in list(table)[:2])
        found = describe_value(data)
        return c.error(
            at, f"verwacht velden eronder, zoals {example} (ingesprongen), maar vond {found}"
        )
    out: dict[str, Any] = {}
    ok = True
    for key, raw in data.items():
        spec = table.get(key)
        if spec is None:
            if len(table) == 1:
                names = f"het enige veld hier is {dutch_list(table)}"
            elif len(table) <= MAX_LISTED:
                names = f"de velden hier heten {dutch_list(table)}"
            else:
                names = "welke velden er zijn, staat in docs/inhoud.md"
            hint = suggest(key, table) or f"; {names}"
            c.error(at + (key,), f"onbekend veld{hint}")
            ok = False
            continue
        if raw is None or raw == "":
            continue  # Empty is the same as missing; required ones are reported below.
        value = spec.check(raw, at + (key,), c)
        if value is INVALID:
            ok = False
        elif spec.required and value == "":
            c.error(at + (key,), "dit veld is leeg; het is verplicht")
            ok = False
        else:
            out[key] = value
    for key, spec in table.items():
        if spec.required and data.get(key) in (None, ""):
            c.error(at + (key,), "dit veld ontbreekt of is leeg; het is verplicht")
            ok = False
    return out if ok else INVALID


# --- field tables ---------------------------------------------------------------------

# Names the editors see for the taxonomy kinds, singular.
