"""The security policy of every page, in one place.

One page may widen it: /kaart/, when site.yaml names a background map, for that one
origin (`allowing`).

Pages carry the Content-Security-Policy as a <meta> (templates/base.html gets it
from here); `serve` sends it as a header too, and docs/server/ has it for
production, with frame-ancestors, which only works as a header (tests keep all
of them equal).
"""

import html
import re

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
    " base-uri 'none'; form-action 'self'; object-src 'none'"
)
# What a server adds that a <meta> cannot say.
FRAME_POLICY = "; frame-ancestors 'none'"
HEADER_POLICY = CONTENT_SECURITY_POLICY + FRAME_POLICY


def allowing(origin: str) -> str:
    """The policy of the map page with a background: images (tiles) and fetches (a
    PMTiles file) may also come from `origin`, and from nowhere else."""
    return CONTENT_SECURITY_POLICY.replace(
        "img-src 'self' data:;", f"img-src 'self' data: {origin}; connect-src 'self' {origin};"
    )


_META = re.compile(rb'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def header_for(page: bytes) -> str:
    """The header a server sends with one of our pages: the page's own policy (which
    /kaart/ may widen) plus what only a header can say."""
    match = _META.search(page)
    own = html.unescape(match.group(1).decode()) if match else CONTENT_SECURITY_POLICY
    return own + FRAME_POLICY
