"""Writing where a person points: targets that are refused, temporary names, file modes."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from .domain.errors import CBHError

SQLITE_HEADER = b"SQLite format 3\x00"
SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


class UnsafeTargetError(CBHError):
    """The chosen path must not be written (the live database, a device, a folder, ...)."""

    exit_code = 2


def current_umask() -> int:
    """The process's umask, read without changing it where the system allows."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # elsewhere: read by setting it, and put it straight back
    os.umask(mask)
    return mask


def mode_for(path: Path) -> int:
    """The mode a file written at `path` gets: the old file's when it replaces one, else
    what the umask allows (as `open` would give a new file)."""
    try:
        info = path.stat()
    except OSError:
        return 0o666 & ~current_umask()
    return stat.S_IMODE(info.st_mode)


def is_sqlite_file(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _same(a: Path, b: Path) -> bool:
    try:
        if a.resolve() == b.resolve():
            return True
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except OSError:
        return False


def check_target(
    path: Path,
    *,
    protected_files: Iterable[Path] = (),
    protected_dirs: Iterable[Path] = (),
    allow_database: bool = False,
    allow_folder: bool = False,
) -> None:
    """Refuse, with a message that says why, a path the app must never write over: the live
    database and its -wal/-shm/-journal files, anything in a backup folder, a folder (unless
    `allow_folder`), a device, a pipe or socket, an SQLite database (unless `allow_database`)
    and the side files of one."""
    path = Path(path)
    for protected in protected_files:
        for suffix in ("", *SQLITE_SIDE_FILES):
            if _same(path, Path(str(protected) + suffix)):
                if suffix:
                    raise UnsafeTargetError(
                        "{path} is the directory's own database ({side} file); "
                        "choose another file name",
                        path=path,
                        side=suffix[1:],
                    )
                raise UnsafeTargetError(
                    "{path} is the directory's own database; choose another file name", path=path
                )
    for folder in protected_dirs:
        if _inside(path, folder):
            raise UnsafeTargetError(
                "{path} is in the backups folder {folder}; choose a file outside it",
                path=path,
                folder=folder,
            )
    if path.name.endswith(SQLITE_SIDE_FILES):
        base = path.with_name(path.name.rsplit("-", 1)[0])
        if is_sqlite_file(base):
            raise UnsafeTargetError(
                "{path} belongs to the database {base}; choose another name", path=path, base=base
            )
    try:
        info = path.stat()
    except FileNotFoundError:
        if not path.parent.is_dir() and str(path.parent):
            raise UnsafeTargetError(
                "cannot write {path}: the folder {parent} does not exist",
                path=path,
                parent=path.parent,
            ) from None
        return
    except OSError as exc:
        raise UnsafeTargetError("cannot write {path}: {reason}", path=path, reason=exc) from exc
    if stat.S_ISDIR(info.st_mode):
        if allow_folder:
            return
        raise UnsafeTargetError("{path} is a folder; give a file name", path=path)
    if not stat.S_ISREG(info.st_mode):
        raise UnsafeTargetError(
            "{path} is not a regular file (a device or a pipe); refused", path=path
        )
    if not allow_database and is_sqlite_file(path):
        raise UnsafeTargetError(
            "{path} is an SQLite database (a directory database or a backup?); an export never "
            "replaces one: choose another file name",
            path=path,
        )


@contextlib.contextmanager
def temporary_beside(path: Path, suffix: str = ".partial") -> Iterator[Path]:
    """A new, uniquely named empty file beside `path`, removed by its own name (never by a
    pattern) unless the block moved it away; its SQLite journal, if any, goes with it."""
    folder = path.parent if str(path.parent) else Path(".")
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix, dir=folder)
    os.close(handle)
    temp = Path(name)
    try:
        yield temp
    finally:
        for leftover in (temp, Path(name + "-journal")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
