"""The printable handout as HTML pieces: what the HTML export writes and the PDF renderer paints."""

from __future__ import annotations

import html
from dataclasses import dataclass

# Margins in px: Qt's rich text (which paints the PDF) ignores margins given in pt.
STYLE = """
body { font-family: 'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif; font-size: 10.5pt;
       color: #1a1a1a; line-height: 1.35; }
h1 { font-size: 18pt; margin: 0 0 5px 0; }
h2 { font-size: 13pt; margin: 19px 0 5px 0; color: #1d4f73; border-bottom: 1px solid #9ab; }
h3 { font-size: 11.5pt; margin: 26px 0 3px 0; }
h2, h3 { page-break-after: avoid; break-after: avoid; }
.entry { page-break-inside: avoid; break-inside: avoid; }
p { margin: 3px 0; }
.qr td { padding: 0; vertical-align: middle; }
.meta { color: #444; }
.criteria { color: #333; font-style: italic; }
.prepared { color: #1a1a1a; }
.kind { color: #444; }
.label { font-weight: bold; }
.caveat { color: #6b4200; }
.note { background-color: #f3f6fa; }
.gone { color: #8a0000; }
.disclaimer { color: #555; font-size: 8.5pt; margin-top: 21px; }
a { color: #0b4f8a; }
@page { margin: 18mm 15mm;
        @bottom-center { content: "Page " counter(page) " of " counter(pages); } }
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


@dataclass(slots=True)
class Handout:
    """The handout in pieces: its title block, one piece per heading or entry, its ending.
    A PDF is laid out a few pieces at a time, so a handout of thousands stays small in memory."""

    title: str
    head: list[str]
    blocks: list[str]
    tail: list[str]
    language: str = "en"  # ISO 639-1: the HTML's lang and the PDF's metadata

    def page_html(self, body: list[str]) -> str:
        """A complete HTML document around some of the pieces."""
        return "\n".join(
            [
                "<!DOCTYPE html>",
                f'<html lang="{_e(self.language)}"><head><meta charset="utf-8">',
                f"<title>{_e(self.title)}</title>",
                f"<style>{STYLE}</style></head><body>",
                *body,
                "</body></html>",
            ]
        )

    def html(self) -> str:
        return self.page_html(self.head + self.blocks + self.tail) + "\n"
