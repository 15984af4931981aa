"""`licentie` in site.yaml: the licence of the open data, as an SPDX id (CC0-1.0 by default).

The SPDX list comes from the `license-expression` library; one licence, no expression.
"""

from __future__ import annotations

import functools
from typing import Any

from license_expression import Licensing, get_spdx_licensing

from .checks import text
from .diagnostics import suggest

DEFAULT = "CC0-1.0"
OPEN_DATA = ("CC0-1.0", "CC-BY-4.0", "CC-BY-SA-4.0", "ODbL-1.0", "PDDL-1.0", "ODC-By-1.0")


@functools.cache
def _licensing() -> Licensing:
    return get_spdx_licensing()


def url(licence: str) -> str:
    """The licence's page on spdx.org."""
    return f"https://spdx.org/licenses/{licence}.html"


def licence(value: Any, at: tuple, c: Any) -> Any:
    """An SPDX licence id, written back in its official spelling (`cc-by-4.0` -> `CC-BY-4.0`)."""
    value = text(value, at, c)
    if not isinstance(value, str):
        return value
    info = _licensing().validate(value)
    symbols = [s for s in _licensing().known_symbols if not s.startswith("LicenseRef-")]
    if info.errors or info.normalized_expression is None or " " in info.normalized_expression:
        hint = suggest(value, symbols) or (
            "; gebruik een SPDX-code, voor open data meestal " + ", ".join(OPEN_DATA)
        )
        return c.error(at, f"'{value}' is geen bekende licentie{hint}")
    return info.normalized_expression
