"""QR codes of public page URLs, for printed pages: inline SVG, deterministic.

A printed activity or organisation page carries a QR code of its own URL under
`basis_url`, so that someone can open it on their own phone (tests/test_qr.py reads
the printed codes back). zxing-cpp encodes the code (in C++: 0.4 ms a code, against
1.4 ms for segno with a fixed mask, some 12 s for a site of 10,000 pages); this module
only draws its modules as one SVG path. The wegwijzer's handout makes its QR code in
the browser (js/qr.js), because its URL holds the answers.
"""

from __future__ import annotations

import re

import zxingcpp
from markupsafe import Markup, escape

ERROR_LEVEL = "M"  # 15 % of the code may be damaged (a fold, a coffee stain)
QUIET_ZONE = 4  # light modules around the code, as ISO/IEC 18004 asks
_DARK_RUN = re.compile(rb"\x00+")  # the image has 0 for a dark module, 255 for a light one


def svg(url: str, title: str) -> Markup:
    """The QR code of `url` as inline SVG, scalable (a viewBox, no size), with a title."""
    code = zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode, ec_level=ERROR_LEVEL)
    image = code.to_image(scale=1, add_quiet_zones=False)
    size = image.shape[1]
    pixels = bytes(image)
    runs = []
    for y in range(image.shape[0]):
        row = pixels[y * size : (y + 1) * size]
        for run in _DARK_RUN.finditer(row):
            width = run.end() - run.start()
            runs.append(f"M{run.start() + QUIET_ZONE} {y + QUIET_ZONE}h{width}v1h-{width}z")
    side = size + 2 * QUIET_ZONE
    return Markup(
        f'<svg viewBox="0 0 {side} {side}" class="qr"><title>{escape(title)}</title>'
        f'<path fill="#000" d="{"".join(runs)}"/></svg>'
    )
