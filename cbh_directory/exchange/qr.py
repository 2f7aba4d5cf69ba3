"""QR codes for printed handouts (segno): a family opens a website by pointing a phone at it."""

from __future__ import annotations

import functools
import html

import segno

from ..domain.language import words

QR_SIZE_PX = 72  # in CSS pixels (96 a inch): about 19 mm on paper, easy for a phone to read


def qr_image_html(url: str) -> str:
    """An <img> holding the address's QR code as a PNG data URI; the PDF renderer (Qt's rich
    text) and browsers both show it. Only http(s) addresses the handout links are passed in.
    Its alt text (in the handout's language) names the address, for screen readers."""
    alt = words("QR code for {url}").format(url=url)
    return (
        f'<img src="{_png_uri(url)}" width="{QR_SIZE_PX}" height="{QR_SIZE_PX}" '
        f'alt="{html.escape(alt, quote=True)}" '
        f'title="{html.escape(words("Scan to open the website"), quote=True)}">'
    )


@functools.lru_cache(maxsize=4096)  # many services share their organisation's website
def _png_uri(url: str) -> str:
    # One fixed mask: choosing the best of eight takes five times as long, and any mask
    # scans; a 4× image stays sharp when the PDF scales it (Qt would blur a 1× one).
    return str(segno.make(url, error="m", mask=0).png_data_uri(scale=4, border=2))
