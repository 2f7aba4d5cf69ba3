"""Real file systems for tests: a small (fillable) or read-only tmpfs in a private mount
namespace, so a full disk and read-only media are the kernel's, not a mock's."""

from __future__ import annotations

import functools
import os
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

CLI = f"{shlex.quote(sys.executable)} -m cbh_directory"


@functools.cache
def namespaces_work() -> bool:
    """Whether this machine lets us mount a tmpfs in a private mount namespace (root)."""
    if shutil.which("unshare") is None or os.geteuid() != 0:
        return False
    probe = subprocess.run(
        ["unshare", "--mount", "--propagation", "private", "sh", "-c", "mount -t tmpfs x /mnt"],
        capture_output=True,
        timeout=30,
    )
    return probe.returncode == 0


def need_namespaces() -> None:
    if not namespaces_work():
        pytest.skip("needs root and mount namespaces (unshare) for a real full or read-only disk")


@dataclass
class Shell:
    code: int
    out: str
    err: str


def in_namespace(script: str, *, timeout: float = 120) -> Shell:
    """Run a shell script in a private mount namespace; its mounts vanish when it ends."""
    result = subprocess.run(
        ["unshare", "--mount", "--propagation", "private", "sh", "-eu", "-c", script],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "PYTHONPATH": os.environ.get("PYTHONPATH", "")},
    )
    return Shell(result.returncode, result.stdout, result.stderr)


def fill_disk(mount: Path, leave_kb: int) -> str:
    """Shell lines that fill the tmpfs at `mount` until only about `leave_kb` KB are free."""
    m = shlex.quote(str(mount))
    return (
        f"free=$(df -k --output=avail {m} | tail -1)\n"
        f"dd if=/dev/zero of={m}/filler bs=1k count=$((free - {leave_kb})) status=none\n"
    )
