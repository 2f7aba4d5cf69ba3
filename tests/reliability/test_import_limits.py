"""Imports stay inside the folder, inside memory and inside clear messages: issue 11,
items 9, 10 and 11 (hostile JSON, read-only folder)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cbh_directory.service import Directory

from ..cli.test_cli import run
from .big_inputs import import_peak, write_csv, write_hsds, write_json
from .conftest import Ledger
from .sandbox import CLI, in_namespace, need_namespaces

GB = 1024**3


@pytest.fixture
def package(synthetic: Directory, tmp_path: Path) -> Path:
    """An HSDS 3.0 folder written by the app, from the synthetic directory."""
    folder = tmp_path / "package"
    synthetic.export_hsds(folder)
    return folder


def test_a_folder_import_never_reads_through_a_symbolic_link(
    synthetic_db: Path, package: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    services = package / "services.csv"
    shutil.move(services, outside / "services.csv")
    services.symlink_to(outside / "services.csv")
    result = run("--db", str(synthetic_db), "import", str(package), "--dry-run")
    assert result.code == 2 and "symbolic link" in result.err, (result.out, result.err)

    # A subfolder that is a link to somewhere else: the tables named through it.
    services.unlink()
    shutil.move(outside / "services.csv", services)
    descriptor = json.loads((package / "datapackage.json").read_text())
    for entry in descriptor["resources"]:
        if entry["name"] == "service":
            entry["path"] = "tables/services.csv"
    (package / "datapackage.json").write_text(json.dumps(descriptor))
    shutil.move(services, outside / "services.csv")
    (package / "tables").symlink_to(outside)
    result = run("--db", str(synthetic_db), "import", str(package), "--dry-run")
    assert result.code == 2 and "symbolic link" in result.err, (result.out, result.err)


def test_a_package_naming_one_part_a_thousand_times_is_refused(
    synthetic_db: Path, package: Path
) -> None:
    descriptor = json.loads((package / "datapackage.json").read_text())
    for entry in descriptor["resources"]:
        if entry["name"] == "service":
            entry["path"] = ["services.csv"] * 1000
    (package / "datapackage.json").write_text(json.dumps(descriptor))
    result = run("--db", str(synthetic_db), "import", str(package), "--dry-run")
    assert result.code == 2 and "more than once" in result.err, (result.out, result.err)


@pytest.mark.parametrize("suffix", [".csv", ".json"])
def test_a_file_over_the_limit_is_refused_before_it_is_read(
    synthetic_db: Path, tmp_path: Path, suffix: str
) -> None:
    huge = tmp_path / f"huge{suffix}"
    with huge.open("wb") as handle:  # 3 GB, sparse: no disk used
        handle.truncate(3 * GB)
    started = time.monotonic()
    code, peak, err = import_peak(synthetic_db, huge, "--dry-run", memory_cap=4 * GB)
    assert code == 2 and "200 MB" in err and "too large" in err, err
    assert time.monotonic() - started < 60 and peak < 400 * 1024**2


def test_an_import_from_a_pipe_is_refused_at_once(synthetic_db: Path, tmp_path: Path) -> None:
    for name in ("contacts.csv", "resources.json", "list.json", "package.zip"):
        pipe = tmp_path / name
        os.mkfifo(pipe)
        command = ["lists", "import"] if name == "list.json" else ["import"]
        try:
            result = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "cbh_directory",
                    "--db",
                    str(synthetic_db),
                    *command,
                    str(pipe),
                    "--dry-run",
                ],
                capture_output=True,
                text=True,
                timeout=30,
            )
        except subprocess.TimeoutExpired:
            pytest.fail(f"importing from a pipe ({name}) hung")
        assert result.returncode == 2 and "not a regular file" in result.stderr, result.stderr


def _deep(depth: int) -> str:
    return "[" * depth + "]" * depth


HOSTILE_JSON = {
    "nested 100,000 deep": '{"format": "cbh-directory", "resources": ' + _deep(100_000) + "}",
    "a 5,001-digit number": '{"format": "cbh-directory", "resources": [{"id": "x", "latitude": '
    + "9" * 5001
    + "}]}",
}


@pytest.mark.parametrize("what", list(HOSTILE_JSON))
def test_hostile_json_gets_a_clear_message_everywhere(
    synthetic_db: Path, tmp_path: Path, what: str
) -> None:
    text = HOSTILE_JSON[what]
    db = str(synthetic_db)
    app_json = tmp_path / "in.json"
    app_json.write_text(text)
    shared = tmp_path / "list.json"
    shared.write_text(text.replace('"cbh-directory"', '"cbh-directory-list"'))
    package = tmp_path / "package"
    package.mkdir()
    (package / "datapackage.json").write_text(text.replace('"resources"', '"x"', 1))
    (package / "services.csv").write_text("id,name\n1,A\n")
    for args in (
        ("import", str(app_json), "--dry-run"),
        ("lists", "import", str(shared), "--dry-run"),
        ("import", str(package), "--dry-run"),
    ):
        result = run("--db", db, *args)
        assert result.code == 2, (args, result.err)
        assert "unexpected" not in result.err and ("too" in result.err), (args, result.err)


def test_an_import_into_a_read_only_folder_says_read_only(
    synthetic_template: Path, tmp_path: Path
) -> None:
    need_namespaces()
    disk = tmp_path / "disk"
    disk.mkdir()
    source = tmp_path / "new.csv"
    source.write_text("name\nNew group\n")
    db = disk / "directory.sqlite3"
    script = (
        f"mount -t tmpfs tmpfs {disk}\n"
        f"cp {synthetic_template} {db}\n"
        f"mount -o remount,ro {disk}\n"
        f"{CLI} --db {db} import {source} && echo IMPORTED || echo REFUSED\n"
    )
    result = in_namespace(script)
    assert "REFUSED" in result.out, (result.out, result.err)
    assert "read-only" in result.err and "unexpected" not in result.err, result.err


@pytest.mark.parametrize("kind", ["csv", "json", "hsds"])
def test_an_import_of_200_mb_stays_under_1_gb_of_memory(
    curated_template: Path, tmp_path: Path, ledger: Ledger, kind: str
) -> None:
    size = (199 if ledger.stress else 20) * 1024**2
    if kind == "hsds":
        source = tmp_path / "big-hsds"
        rows = write_hsds(source, size, tmp_path)
        size = sum(p.stat().st_size for p in source.iterdir())
    else:
        source = tmp_path / f"big.{kind}"
        rows = (write_csv if kind == "csv" else write_json)(source, size)
    db = tmp_path / "directory.sqlite3"
    db.write_bytes(curated_template.read_bytes())
    started = time.monotonic()
    code, peak, err = import_peak(db, source)
    seconds = time.monotonic() - started
    assert code == 0, err
    assert peak < GB, f"peak RSS {peak / 2**20:,.0f} MB"
    ledger.record(
        f"test_import_limits.py::test_an_import_of_200_mb_stays_under_1_gb_of_memory[{kind}]",
        f"import (preview, backup, write) of {size / 2**20:,.0f} MB of {kind.upper()} "
        f"({rows:,} resources) in a child process; peak RSS from getrusage",
        1,
        f"peak RSS {peak / 2**20:,.0f} MB (limit 1,024 MB) in {seconds:,.0f} s",
    )


def test_a_csv_with_broken_utf16_is_refused_with_a_message(
    synthetic: Directory, tmp_path: Path
) -> None:
    # Found by the CSV fuzzer under make stress once the reader streamed the file.
    broken = tmp_path / "broken.csv"
    broken.write_bytes(b"\xfe\xff" + b"\x00" * 13)
    from cbh_directory.domain.errors import DatasetError

    with pytest.raises(DatasetError, match="UTF-16"):
        synthetic.preview_import(broken)
