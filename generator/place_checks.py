"""Where something is: Dutch postcodes, coordinates, and an activity's `locaties`.

`locaties` is a list of places `{naam, straat, postcode, plaats, coordinaten: [lat, lon],
rolstoeltoegankelijk, uitleg}`; each needs a naam or a plaats. A postcode is written
back as `1234 AB`. Coordinates must lie in the Netherlands: the European part
(a box around it, so a point just over the border passes) or Bonaire, Sint
Eustatius and Saba. The loader reads every scalar as text, so numbers arrive as text.
"""

from __future__ import annotations

import re
from typing import Any

from .checks import INVALID, Checker, describe_value, excerpt, text, yes_no
from .fields import Field, mapping_list
from .model import Location

POSTCODE_RE = re.compile(r"^([1-9][0-9]{3}) ?([A-Za-z]{2})$")
NUMBER_RE = re.compile(r"^-?[0-9]{1,3}(?:\.[0-9]+)?$")
DECIMALS = 6  # about 10 cm: more says nothing, and the output stays stable

# (south, west, north, east) of each part of the Netherlands, a little wide.
REGIONS = {
    "Europees Nederland": (50.70, 3.20, 53.70, 7.30),
    "Bonaire": (11.95, -68.50, 12.40, -68.10),
    "Sint Eustatius": (17.44, -63.02, 17.54, -62.92),
    "Saba": (17.59, -63.28, 17.67, -63.20),
}


def postcode(value: Any, at: tuple, c: Checker) -> Any:
    """A Dutch postcode, `1234 AB` (also `1234ab`), written back as `1234 AB`."""
    value = text(value, at, c)
    if value is INVALID:
        return value
    match = POSTCODE_RE.match(value.strip())
    if not match:
        return c.error(
            at,
            f"{describe_value(value)} is geen Nederlandse postcode; schrijf vier cijfers en"
            " twee letters, zoals 1234 AB",
        )
    return f"{match.group(1)} {match.group(2).upper()}"


def _in_netherlands(lat: float, lon: float) -> bool:
    return any(s <= lat <= n and w <= lon <= e for s, w, n, e in REGIONS.values())


def coordinates(value: Any, at: tuple, c: Checker) -> Any:
    """`[52.3731, 4.8922]`: latitude then longitude, in the Netherlands."""
    example = "zoals [53.3201, 6.8612] (eerst de breedtegraad, dan de lengtegraad)"
    if isinstance(value, str) and "," in value:
        return c.error(at, f"verwacht een lijst met twee getallen; schrijf [{excerpt(value)}]")
    if not isinstance(value, list):
        return c.error(at, f"verwacht twee getallen, {example}, maar vond {describe_value(value)}")
    if len(value) == 4 and all(isinstance(v, str) and v.isdigit() for v in value):
        return c.error(
            at, "schrijf de getallen met een punt, niet met een komma: [53.3201, 6.8612]"
        )
    if len(value) != 2 or not all(isinstance(v, str) and NUMBER_RE.match(v) for v in value):
        return c.error(at, f"verwacht twee getallen, {example}")
    lat, lon = (round(float(v), DECIMALS) for v in value)
    if not _in_netherlands(lat, lon):
        if _in_netherlands(lon, lat):
            return c.error(
                at, f"[{value[0]}, {value[1]}] staat andersom; schrijf [{value[1]}, {value[0]}]"
            )
        return c.error(
            at,
            f"[{value[0]}, {value[1]}] ligt niet in Nederland of Caribisch Nederland;"
            f" kijk de getallen na, {example}",
        )
    return (lat, lon)


# An address: an organisation's `adres`, and the address part of each of `locaties`.
ADRES = {
    "straat": Field(text, doc="Straat en huisnummer."),
    "postcode": Field(postcode, doc="Postcode, bijvoorbeeld 1234 AB."),
    "plaats": Field(text, doc="Woonplaats."),
    "coordinaten": Field(coordinates, doc="Breedtegraad en lengtegraad: [53.3201, 6.8612]."),
}

LOCATIE = {
    "naam": Field(text, doc="Naam van de plek, zoals Buurthuis De Linde."),
    **ADRES,
    "rolstoeltoegankelijk": Field(yes_no, doc="true of false: kan iemand er met een rolstoel in?"),
    "uitleg": Field(text, doc="Hoe u er komt of binnenkomt, zoals 'ingang aan de achterkant'."),
}


def _location(values: dict[str, Any], at: tuple, c: Checker) -> Any:
    if not (values.get("naam") or values.get("plaats")):
        return c.error(at, "noem minstens de naam of de plaats van deze plek")
    return Location(**values)


locations = mapping_list(  # `locaties`: a list of LOCATIE items, each with a naam or a plaats
    LOCATIE, _location, "verwacht een lijst, met per plek '- naam:' en eventueel het adres"
)
