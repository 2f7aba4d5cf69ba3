"""Reading text that arrives in the wild: UTF-8 with or without a BOM, or Windows-1252."""

from __future__ import annotations

from ..domain.errors import DatasetError

MAX_TEXT_BYTES = 512 * 1024 * 1024


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Return (text, encoding). UTF-8 (BOM allowed) first, then Windows-1252, which is what
    spreadsheets on Windows write; anything else is refused with a clear message."""
    if len(data) > MAX_TEXT_BYTES:
        raise DatasetError(f"{name} is too large ({len(data):,} bytes)")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise DatasetError(f"{name} is not valid UTF-16 text: {exc}") from exc
    if b"\x00" in data[:4096]:
        raise DatasetError(f"{name} is not a text file (it contains NUL bytes)")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "windows-1252"
    except UnicodeDecodeError as exc:
        raise DatasetError(
            f"{name} is neither UTF-8 nor Windows-1252 text; save it as UTF-8 and try again"
        ) from exc
