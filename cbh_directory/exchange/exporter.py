"""Writing an export set to a file, in the format its name asks for."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from ..domain.errors import CBHError, InputError
from .appjson import FORMAT_NAME, FORMAT_VERSION
from .atomic import write_text_atomic
from .csv_export import write_csv
from .export_set import ExportSet
from .handout import handout, write_html
from .vcard import write_vcards

FORMATS = {
    ".csv": "csv",
    ".vcf": "vcard",
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
}


class ExportCancelled(CBHError):
    """The user cancelled; no file was written."""


@dataclass(slots=True)
class ExportOptions:
    columns: list[str] | None = None  # CSV only; None: every field
    excel: bool = False  # CSV only: byte-order mark and CRLF
    paper: str = "letter"  # PDF only: letter or a4


Progress = Callable[[int, int], None]  # done, total
Cancelled = Callable[[], bool]


def format_for(path: Path) -> str:
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(
            f"cannot tell the format from {path.name!r}: use a name ending in "
            + ", ".join(sorted(set(FORMATS) - {".htm"}))
        )
    return fmt


def export(
    path: Path,
    export_set: ExportSet,
    options: ExportOptions | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> str:
    """Write the file atomically; returns a one-line summary. Cancelling writes nothing."""
    options = options or ExportOptions()
    fmt = format_for(path)
    total = len(export_set.entries)

    def step(done: int) -> None:
        if cancelled is not None and cancelled():
            raise ExportCancelled("export cancelled; no file was written")
        if progress is not None:
            progress(done, total)

    step(0)
    if fmt == "csv":
        write_csv(path, export_set, options.columns, excel=options.excel, progress=step)
    elif fmt == "vcard":
        write_vcards(path, export_set, progress=step)
    elif fmt == "html":
        write_html(path, export_set, progress=step)
    elif fmt == "json":
        text = app_json(export_set)
        step(total)
        write_text_atomic(path, text)
    else:
        from .pdf import write_pdf

        pages = write_pdf(
            path,
            handout(export_set),
            paper=options.paper,
            progress=lambda share: step(round(share * total)),
        )
        # The file is in place: from here on it is done, whatever Cancel says.
        return f"Wrote {_count(total)} on {pages} {'page' if pages == 1 else 'pages'} to {path}"
    return f"Wrote {_count(total)} to {path}"


def _count(total: int) -> str:
    return "1 resource" if total == 1 else f"{total:,} resources"


def app_json(export_set: ExportSet) -> str:
    payload = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "dataset_version": "0",
        "exported_at": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "exported_by": f"CBH Directory {__version__}",
        "title": export_set.title,
        "resources": [e.resource.to_dict() for e in export_set.entries if e.in_directory],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
