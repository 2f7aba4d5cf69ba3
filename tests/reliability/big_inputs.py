"""Large import files made on the spot (CSV, app JSON, HSDS folder) for the memory tests,
and a child process that imports one and reports its peak resident memory."""

from __future__ import annotations

import csv
import json
import resource
import subprocess
import sys
from pathlib import Path

DESCRIPTION = (
    "A SYNTHETIC parent-led group for families of children with cerebellar hypoplasia and "
    "related conditions: monthly meetings, a moderated forum, help with school plans, "
    "therapy questions and paperwork for financial aid. Volunteers answer within a day. "
) * 4


def _row(number: int) -> dict[str, str]:
    return {
        "name": f"SYNTHETIC Group {number:07d}",
        "kind": "support_group",
        "description": DESCRIPTION,
        "website": f"https://example.org/groups/{number}",
        "email": f"group{number}@example.org",
        "phone": f"+1614555{number % 10000:04d}",
        "city": "Columbus",
        "region": "Ohio",
        "postal_code": "43215",
        "country": "US",
        "focus": "ataxia;cerebellar-hypoplasia",
        "languages": "en;es",
    }


def write_csv(path: Path, size_bytes: int) -> int:
    """A CSV of about `size_bytes`; returns the number of rows."""
    rows = 0
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(_row(0)))
        writer.writeheader()
        while handle.tell() < size_bytes:
            writer.writerow(_row(rows))
            rows += 1
    return rows


def write_json(path: Path, size_bytes: int) -> int:
    rows = 0
    with path.open("w", encoding="utf-8") as handle:
        handle.write('{"format": "cbh-directory", "format_version": 1, "resources": [\n')
        while handle.tell() < size_bytes:
            record = _row(rows)
            record["id"] = f"synthetic-group-{rows:07d}"
            for key in ("focus", "languages"):
                record[key] = record[key].split(";")  # type: ignore[assignment]
            handle.write(("," if rows else "") + json.dumps(record) + "\n")
            rows += 1
        handle.write("]}\n")
    return rows


PROBE = """
import resource, sys
from cbh_directory.cli import main
try:
    main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code or 0
else:
    code = 0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(f"PEAK_KB={peak}", file=sys.stderr)
sys.exit(code)
"""


def import_peak(
    db: Path, source: Path, *extra: str, memory_cap: int | None = None
) -> tuple[int, int, str]:
    """Import `source` into `db` in a child process: (exit code, peak RSS in bytes, stderr).
    `memory_cap` limits the child's address space, so a reader that would swallow a huge
    file fails there instead of taking the machine's memory."""

    def cap() -> None:
        if memory_cap is not None:
            resource.setrlimit(resource.RLIMIT_AS, (memory_cap, memory_cap))

    result = subprocess.run(
        [sys.executable, "-c", PROBE, "--db", str(db), "import", str(source), *extra],
        capture_output=True,
        text=True,
        timeout=1800,
        preexec_fn=cap,
    )
    peak = 0
    for line in result.stderr.splitlines():
        if line.startswith("PEAK_KB="):
            peak = int(line.split("=", 1)[1]) * 1024
    return result.returncode, peak, result.stderr


def write_hsds(folder: Path, size_bytes: int, scratch: Path) -> int:
    """An HSDS 3.0 folder of about `size_bytes`, written by the app itself from a directory
    of synthetic resources (the package is about 3.4 times their JSON); returns the count."""
    from cbh_directory.service import Directory

    source = scratch / "for-hsds.json"
    write_json(source, int(size_bytes / 3.4))
    with Directory.open(scratch / "for-hsds.sqlite3") as directory:
        directory.apply_import(directory.preview_import(source))
        return directory.export_hsds(folder)
