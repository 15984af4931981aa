"""QR codes of public page URLs, for printed pages: SVG made with segno, deterministic.

A printed activity or organisation page carries a QR code of its own URL under
`basis_url`, so that someone can open it on their own phone. The wegwijzer's
handout makes its QR code in the browser (js/qr.js), because its URL
holds the answers.
"""

from __future__ import annotations

import segno
from markupsafe import Markup

ERROR_LEVEL = "m"  # 15 % of the code may be damaged (a fold, a coffee stain)
# A fixed mask pattern: every one of the eight is valid (ISO/IEC 18004), and choosing the
# best took 85 % of segno's time (10 ms a code, against 1.4 ms with a fixed mask: 100 s
# more for a site of 10,000 pages). The tests read the printed codes back with zxing-cpp.
MASK = 2


def svg(url: str, title: str) -> Markup:
    """The QR code of `url` as inline SVG, scalable (a viewBox, no size), with a title."""
    code = segno.make(url, error=ERROR_LEVEL, micro=False, mask=MASK)
    return Markup(
        code.svg_inline(scale=1, svgclass="qr", lineclass=None, omitsize=True, title=title)
    )
