"""Writing files atomically: a temporary file beside the target, checked, then one rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from ..domain.errors import Phrase
from ..domain.exports import ExportError
from ..file_safety import UnsafeTargetError, check_target, mode_for

Verify = Callable[[Path], None]  # raises ExportError when the new file is not sound


@contextlib.contextmanager
def atomic_path(path: Path, *, verify: Verify | None = None) -> Iterator[Path]:
    """Yield a temporary path beside `path` for a writer that opens files itself (Qt's PDF
    writer); it replaces `path` only if the block finishes without error and `verify` accepts
    the new file. The target must be a regular file or new (never a device, a pipe, a folder
    or a database); a new file follows the umask, a replaced one keeps its mode."""
    path = Path(path)
    try:
        check_target(path)
    except UnsafeTargetError as exc:
        raise ExportError(exc.text, **exc.values) from exc
    folder = path.parent if str(path.parent) else Path(".")
    mode = mode_for(path)
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=folder)
        os.close(handle)
    except OSError as exc:
        raise ExportError("cannot write in {folder}: {reason}", folder=folder, reason=exc) from exc
    temp = Path(temp_name)
    try:
        yield temp
        if verify is not None:
            verify(temp)
        os.chmod(temp, mode)
        os.replace(temp, path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise ExportError("cannot write {path}: {reason}", path=path, reason=exc) from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def atomic_writer(
    path: Path,
    *,
    mode: str = "w",
    encoding: str | None = "utf-8",
    newline: str | None = None,
    verify: Verify | None = None,
) -> Iterator[IO[Any]]:
    """Yield a file to write; it replaces `path` only if the block finishes without error
    (and `verify`, given the finished file, accepts it)."""
    with atomic_path(path, verify=verify) as temp:
        kwargs = {} if "b" in mode else {"encoding": encoding, "newline": newline}
        with open(temp, mode, **kwargs) as stream:  # type: ignore[call-overload]
            yield stream
            stream.flush()
            os.fsync(stream.fileno())


def write_text_atomic(path: Path, text: str) -> None:
    with atomic_writer(path) as stream:
        stream.write(text)


def verify_zip(expected: list[str]) -> Verify:
    """A check that the written zip reads back whole: every member's CRC, and the names."""

    def check(temp: Path) -> None:
        try:
            with zipfile.ZipFile(temp) as archive:
                bad = archive.testzip()
                names = archive.namelist()
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise ExportError(
                "the zip came out unreadable ({reason}); is the disk full?", reason=exc
            ) from exc
        if bad is not None or names != expected:
            raise ExportError(
                "the zip came out damaged ({reason})", reason=bad or Phrase("members missing")
            )

    return check
