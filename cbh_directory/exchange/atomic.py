"""Writing files atomically: a temporary file beside the target, then one rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..domain.exports import ExportError


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside `path` for a writer that opens files itself (Qt's PDF
    writer); it replaces `path` only if the block finishes without error."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=folder)
        os.close(handle)
    except OSError as exc:
        raise ExportError(f"cannot write in {folder}: {exc.strerror or exc}") from exc
    temp = Path(temp_name)
    try:
        yield temp
        os.replace(temp, path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def atomic_writer(
    path: Path, *, mode: str = "w", encoding: str | None = "utf-8", newline: str | None = None
) -> Iterator[IO[Any]]:
    """Yield a file to write; it replaces `path` only if the block finishes without error."""
    with atomic_path(path) as temp:
        kwargs = {} if "b" in mode else {"encoding": encoding, "newline": newline}
        with open(temp, mode, **kwargs) as stream:  # type: ignore[call-overload]
            yield stream
            stream.flush()
            os.fsync(stream.fileno())


def write_text_atomic(path: Path, text: str) -> None:
    with atomic_writer(path) as stream:
        stream.write(text)
