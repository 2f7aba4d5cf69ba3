"""Reading zip files from strangers: checked names, counts and sizes, members read into memory."""

from __future__ import annotations

import stat
import zipfile
import zlib
from pathlib import Path, PurePosixPath
from types import TracebackType

from ..domain.errors import DatasetError
from .text_files import MAX_TEXT_BYTES

MAX_MEMBERS = 2_000
MAX_TOTAL_BYTES = MAX_TEXT_BYTES  # unpacked, all members together
MAX_RATIO = 200
# Text compresses well, so a high ratio alone is normal; only large members are suspicious.
RATIO_MIN_BYTES = 4 * 1024 * 1024
_CHUNK = 1024 * 1024


def human_size(size: int) -> str:
    """'2.1 GB', '512 MB', '3.4 KB', '12 bytes'."""
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if size >= scale:
            value = size / scale
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    return f"{size} bytes"


def _is_outside(name: str) -> bool:
    """True for absolute paths, drive letters and any '..' component."""
    text = name.replace("\\", "/")
    if text.startswith("/") or (len(text) > 1 and text[1] == ":"):
        return True
    return ".." in PurePosixPath(text).parts


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


class SafeZip:
    """A zip checked on opening; `read` returns a member's bytes with a hard size cap."""

    def __init__(
        self,
        path: Path,
        *,
        max_members: int = MAX_MEMBERS,
        max_total: int = MAX_TOTAL_BYTES,
        max_ratio: float = MAX_RATIO,
        ratio_min_bytes: int = RATIO_MIN_BYTES,
    ) -> None:
        self.path = Path(path)
        self.max_total = max_total
        self._budget = max_total
        self._zip = _open(self.path)
        try:
            self._members = self._check(max_members, max_ratio, ratio_min_bytes)
        except BaseException:
            self._zip.close()
            raise

    def _check(
        self, max_members: int, max_ratio: float, ratio_min: int
    ) -> dict[str, zipfile.ZipInfo]:
        infos = self._zip.infolist()
        if len(infos) > max_members:
            raise DatasetError(
                "the zip holds {count:,} files, more than the limit of {max_members:,}",
                count=len(infos),
                max_members=max_members,
            )
        members: dict[str, zipfile.ZipInfo] = {}
        total = 0
        for info in infos:
            if _is_outside(info.filename):
                raise DatasetError(
                    "the zip contains a path outside its folder: {filename}", filename=info.filename
                )
            if _is_symlink(info):
                raise DatasetError(
                    "the zip contains a symbolic link: {filename}", filename=info.filename
                )
            if info.is_dir():
                continue
            name = info.filename.replace("\\", "/")
            if name in members:
                raise DatasetError("the zip contains {name} twice", name=name)
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > ratio_min and ratio > max_ratio:
                raise DatasetError(
                    "the zip member {name} would unpack to {size} from {packed} ({ratio:,.0f}:1); "
                    "it looks like a zip bomb",
                    name=name,
                    size=human_size(info.file_size),
                    packed=human_size(info.compress_size),
                    ratio=ratio,
                )
            total += info.file_size
            members[name] = info
        if total > self.max_total:
            raise DatasetError(
                "the zip would unpack to {size}, more than the {limit} limit",
                size=human_size(total),
                limit=human_size(self.max_total),
            )
        return members

    @property
    def names(self) -> list[str]:
        """The files in the zip (folders left out), with '/' separators, in stored order."""
        return list(self._members)

    def read(self, name: str) -> bytes:
        """The member's bytes; stops past its declared size or the zip's total limit."""
        info = self._members.get(name)
        if info is None:
            raise DatasetError("the zip has no file {name}", name=name)
        if info.flag_bits & 0x1:
            raise DatasetError("{name} in the zip is password-protected", name=name)
        cap = min(info.file_size, self._budget)
        chunks: list[bytes] = []
        size = 0
        try:
            with self._zip.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    size += len(chunk)
                    if size > cap:
                        raise DatasetError(
                            "{name} in the zip is larger than the zip says; it may be damaged or "
                            "a zip bomb",
                            name=name,
                        )
                    chunks.append(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as exc:
            raise DatasetError(
                "cannot unpack {name} from {name2}: {reason}",
                name=name,
                name2=self.path.name,
                reason=exc,
            ) from exc
        self._budget -= size
        return b"".join(chunks)

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _open(path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except FileNotFoundError as exc:
        raise DatasetError("no such file: {path}", path=path) from exc
    except zipfile.BadZipFile as exc:
        raise DatasetError("{name} is not a zip file (or it is damaged)", name=path.name) from exc
    except (OSError, ValueError, EOFError) as exc:
        raise DatasetError(
            "cannot open {name} as a zip: {reason}", name=path.name, reason=exc
        ) from exc
