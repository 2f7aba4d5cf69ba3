"""Opening links safely: only http, https, mailto and tel ever reach the desktop."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from ..domain.validation import is_email, is_safe_link, mailto_uri


def mailto(address: str) -> str | None:
    """A mailto: link for a valid address; None for anything else (shown as plain text)."""
    return mailto_uri(address) if is_email(address.strip()) else None


def tel(number: str) -> str:
    digits = "".join(ch for ch in number if ch.isdigit() or ch == "+")
    return "tel:" + digits


def open_link(url: str) -> bool:
    """Open the link with the desktop's handler if its scheme is allowed; report whether it did."""
    if not is_safe_link(url):
        return False
    return bool(QDesktopServices.openUrl(QUrl(url, QUrl.ParsingMode.StrictMode)))
