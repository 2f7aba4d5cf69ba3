"""Opening links safely: only http, https, mailto and tel ever reach the desktop."""

from __future__ import annotations

from urllib.parse import quote

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from ..domain.validation import is_safe_link


def mailto(address: str) -> str:
    return "mailto:" + quote(address.strip(), safe="@.+-_")


def tel(number: str) -> str:
    digits = "".join(ch for ch in number if ch.isdigit() or ch == "+")
    return "tel:" + digits


def open_link(url: str) -> bool:
    """Open the link with the desktop's handler if its scheme is allowed; report whether it did."""
    if not is_safe_link(url):
        return False
    return bool(QDesktopServices.openUrl(QUrl(url, QUrl.ParsingMode.StrictMode)))
