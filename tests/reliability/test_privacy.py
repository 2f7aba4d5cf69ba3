"""Privacy: a normal session (start, search, bookmark, export, quit) opens no network socket.

Python's audit hooks see every socket Python code opens; strace, where it is installed, also
sees sockets opened by Qt's own C++ code. Local (AF_UNIX) sockets are not network use."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import Ledger

PROBE = Path(__file__).with_name("session_probe.py")


def run_session(db: Path, folder: Path, wrapper: list[str]) -> str:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [*wrapper, sys.executable, str(PROBE), str(db), str(folder)],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "session done" in done.stdout
    return done.stdout


def test_a_normal_session_opens_no_network_socket(
    curated_db: Path, tmp_path: Path, ledger: Ledger
) -> None:
    output = run_session(curated_db, tmp_path, [])
    assert "network:" not in output, output
    assert "no QtNetwork" in output
    for suffix in ("csv", "vcf", "pdf"):
        assert (tmp_path / f"bookmarks.{suffix}").stat().st_size > 100
    checked = "Python audit hooks (socket creation, connect, name lookups, urllib)"

    strace = shutil.which("strace")
    if strace:
        trace = tmp_path / "trace.txt"
        run_session(
            curated_db, tmp_path, [strace, "-f", "-e", "trace=socket,connect", "-o", str(trace)]
        )
        calls = trace.read_text(errors="replace")
        network = re.findall(r"socket\((AF_INET6?|AF_PACKET)[^\n]*", calls)
        assert not network, network[:5]
        checked += "; strace of every process and thread (socket and connect system calls)"
    ledger.record(
        "test_privacy.py::test_a_normal_session_opens_no_network_socket",
        "a whole session in a child process: window up, search, bookmark two resources, export "
        f"the bookmarks as CSV, vCard and PDF, quit; watched by {checked}",
        2 if strace else 1,
        "no network socket, no name lookup; QtNetwork never loaded",
    )


@pytest.mark.parametrize("scheme", ["javascript", "file", "data", "ftp", "smb", "vbscript"])
def test_only_safe_links_would_ever_open(scheme: str) -> None:
    from cbh_directory.domain.validation import is_safe_link

    assert not is_safe_link(f"{scheme}:alert(1)")
    assert not is_safe_link(f"{scheme.upper()}://example.org/x")
    assert is_safe_link("https://example.org/") and is_safe_link("mailto:a@example.org")
