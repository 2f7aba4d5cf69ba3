"""QR codes for printed handouts (segno): a family opens a website by pointing a phone at it."""

from __future__ import annotations

import functools
import html

import segno

QR_SIZE_PX = 72  # in CSS pixels (96 a inch): about 19 mm on paper, easy for a phone to read


@functools.lru_cache(maxsize=4096)  # many services share their organisation's website
def qr_image_html(url: str) -> str:
    """An <img> holding the address's QR code as a PNG data URI; the PDF renderer (Qt's rich
    text) and browsers both show it. Only http(s) addresses the handout links are passed in."""
    code = segno.make(url, error="m")
    uri = code.png_data_uri(scale=6, border=2)
    return (
        f'<img src="{uri}" width="{QR_SIZE_PX}" height="{QR_SIZE_PX}" '
        f'alt="QR code for {html.escape(url, quote=True)}" title="Scan to open the website">'
    )
