"""Reading text that arrives in the wild: UTF-8 with or without a BOM, or Windows-1252."""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

from ..domain.errors import DatasetError

# The largest import file (or zip, or package) read: 200 MB keeps an import's peak memory
# under 1 GB (measured by tests/reliability/test_import_limits.py).
MAX_TEXT_BYTES = 200 * 1024 * 1024
_CHUNK = 1024 * 1024


def input_size(path: Path, limit: int = MAX_TEXT_BYTES) -> int:
    """The size of a file to import, checked before a byte is read: a folder, a device or a
    pipe is refused at once (reading a pipe would wait forever), and so is a file over the
    limit, with a message that names it."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise DatasetError("no such file: {path}", path=path) from None
    except OSError as exc:
        raise DatasetError("cannot read {path}: {reason}", path=path, reason=exc) from exc
    if not stat.S_ISREG(info.st_mode):
        raise DatasetError(
            "{name} is not a regular file (a folder, a device or a pipe)", name=path.name
        )
    if info.st_size > limit:
        raise DatasetError(
            "{name} is too large to import ({st_size:,} bytes; the limit is {megabytes:,.0f} MB, "
            "{limit:,} bytes): split it into smaller files",
            name=path.name,
            st_size=info.st_size,
            megabytes=limit / 2**20,
            limit=limit,
        )
    return info.st_size


def detect_encoding(path: Path) -> tuple[str, str]:
    """(codec to open the file with, encoding to report) for a text file, read in chunks so a
    large file is never held in memory: UTF-8 (BOM allowed), UTF-16 with a BOM, else
    Windows-1252; anything else is refused as decode_text refuses it."""
    name = path.name
    with open(path, "rb") as handle:
        head = handle.read(4096)
        utf16 = head.startswith((b"\xff\xfe", b"\xfe\xff"))
        if b"\x00" in head and not utf16:
            raise DatasetError("{name} is not a text file (it contains NUL bytes)", name=name)
        for codec in ("utf-16",) if utf16 else ("utf-8", "cp1252"):
            decoder = codecs.getincrementaldecoder(codec)()
            handle.seek(0)
            try:
                while chunk := handle.read(_CHUNK):
                    decoder.decode(chunk)
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                continue
            if codec == "utf-16":
                return "utf-16", "utf-16"
            return ("utf-8-sig", "utf-8") if codec == "utf-8" else ("cp1252", "windows-1252")
    if utf16:
        raise DatasetError("{name} is not valid UTF-16 text", name=name)
    raise DatasetError(
        "{name} is neither UTF-8 nor Windows-1252 text; save it as UTF-8 and try again", name=name
    )


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Return (text, encoding). UTF-8 (BOM allowed) first, then Windows-1252, which is what
    spreadsheets on Windows write; anything else is refused with a clear message."""
    if len(data) > MAX_TEXT_BYTES:
        raise DatasetError("{name} is too large ({count:,} bytes)", name=name, count=len(data))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise DatasetError(
                "{name} is not valid UTF-16 text: {reason}", name=name, reason=exc
            ) from exc
    if b"\x00" in data[:4096]:
        raise DatasetError("{name} is not a text file (it contains NUL bytes)", name=name)
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "windows-1252"
    except UnicodeDecodeError as exc:
        raise DatasetError(
            "{name} is neither UTF-8 nor Windows-1252 text; save it as UTF-8 and try again",
            name=name,
        ) from exc
