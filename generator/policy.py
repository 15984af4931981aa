"""The security policy of every page, in one place.

Pages carry the Content-Security-Policy as a <meta> (templates/base.html gets it
from here); `serve` sends it as a header too, and docs/server/ has it for
production, with frame-ancestors, which only works as a header (tests keep all
of them equal).
"""

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
    " base-uri 'none'; form-action 'self'; object-src 'none'"
)
# What a server adds that a <meta> cannot say.
HEADER_POLICY = CONTENT_SECURITY_POLICY + "; frame-ancestors 'none'"
