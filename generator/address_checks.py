"""Checkers for the addresses a visitor taps: e-mail, website, phone, and basis_url.

These become mailto:, tel: and https: links, so a trick in one of them misleads a
visitor: `info@a.example?bcc=...` adds a hidden Bcc, `https://ok.example@evil.example/`
goes to evil.example, a right-to-left override hides the real address, and a
`basis_url` path of `//evil.example/` sends the 404 page's links to another host.
Each is an error with a Dutch message. A host with letters outside ASCII (an
internationalised domain name) is allowed, with a warning that names its ASCII
(punycode) form, so that a reviewer sees a look-alike. E-mail syntax is checked by
email-validator, host names by idna.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any
from urllib.parse import urlsplit

import idna
from email_validator import EmailNotValidError, validate_email

from .checks import INVALID, Checker, describe_value, text
from .frontmatter import dotted

PHONE_RE = re.compile(r"^\+?[0-9 ()\-]+$")


def _hidden_character(value: str) -> str | None:
    """The first character that is invisible or turns text around (Unicode Cc and Cf)."""
    for char in value:
        if unicodedata.category(char) in ("Cc", "Cf"):
            return f"U+{ord(char):04X}"
    return None


def _warn_foreign_host(at: tuple, c: Checker, host: str, ascii_host: str) -> None:
    if host != ascii_host:
        c.diags.warning(
            c.path,
            c.doc.line_of(*at),
            dotted(at),
            f"'{host}' heeft letters buiten het gewone alfabet; voor de computer is het"
            f" '{ascii_host}'. Controleer dat dit het echte adres is",
        )


def email(value: Any, at: tuple, c: Checker) -> Any:
    value = text(value, at, c)
    if value is INVALID:
        return value
    try:
        checked = validate_email(value, check_deliverability=False)
    except EmailNotValidError:
        return c.error(
            at,
            f"{describe_value(value)} is geen geldig e-mailadres; schrijf het zoals"
            " info@voorbeeld.nl, zonder ? of & erachter",
        )
    _warn_foreign_host(at, c, checked.domain, checked.ascii_domain)
    return value


def _web_address_problem(value: str) -> str | None:
    """Why a website address is not one a visitor can trust, or None."""
    hidden = _hidden_character(value)
    if hidden:
        return f"er staat een onzichtbaar teken in ({hidden}); typ het adres opnieuw"
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https"):
        return "begin met https://"
    if any(ch.isspace() for ch in value) or "\\" in value:
        return "een webadres heeft geen spaties of \\"
    if "@" in parts.netloc:
        return "er staat een @ voor de naam van de site; zo'n adres gaat naar een andere site"
    try:
        parts.port  # noqa: B018 - urllib checks the port when it is read
    except ValueError:
        return "het poortnummer na de : klopt niet"
    host = parts.hostname or ""
    try:
        idna.encode(host, uts46=True)
    except idna.IDNAError:
        return "de naam van de site klopt niet"
    if "." not in host:
        return "de naam van de site heeft een punt nodig, zoals voorbeeld.nl"
    return None


def url(value: Any, at: tuple, c: Checker) -> Any:
    value = text(value, at, c)
    if value is INVALID:
        return value
    problem = _web_address_problem(value)
    if problem:
        return c.error(at, f"{describe_value(value)} is geen geldig webadres; {problem}")
    host = urlsplit(value).hostname or ""
    _warn_foreign_host(at, c, host, idna.encode(host, uts46=True).decode("ascii"))
    return value


TILE_PLACES = ("{z}", "{x}", "{y}")


def tile_url(value: Any, at: tuple, c: Checker) -> Any:
    """The address of a tile server: a web address with {z}, {x} and {y} in it."""
    value = text(value, at, c)
    if value is INVALID:
        return value
    missing = [p for p in TILE_PLACES if p not in value]
    if missing:
        return c.error(
            at,
            f"in het adres van de tegels ontbreekt {' en '.join(missing)}; schrijf het zoals"
            " https://tegels.voorbeeld.nl/{z}/{x}/{y}.png",
        )
    problem = _web_address_problem(value.replace("{", "").replace("}", ""))
    if problem:
        return c.error(at, f"{describe_value(value)} is geen geldig webadres; {problem}")
    return value


def base_url(value: Any, at: tuple, c: Checker) -> Any:
    """`basis_url`: a site address with only a path, which always ends with a slash, so
    page paths can be appended."""
    value = url(value, at, c)
    if value is INVALID:
        return value
    parts = urlsplit(value)
    if parts.query or parts.fragment or "?" in value or "#" in value:
        return c.error(at, "basis_url is alleen het adres van de site, zonder ? of # erachter")
    if "//" in parts.path:
        return c.error(at, "in het pad van basis_url staat //; haal een / weg")
    return value if value.endswith("/") else value + "/"


def phone(value: Any, at: tuple, c: Checker) -> Any:
    value = text(value, at, c)
    if value is INVALID:
        return value
    digits = sum(ch.isdigit() for ch in value)
    if not PHONE_RE.match(value) or digits < 3:
        return c.error(
            at,
            f"{describe_value(value)} is geen telefoonnummer; gebruik alleen cijfers, spaties en -",
        )
    return value
