"""Whether the hub tests can have a PostgreSQL: fail where it should have been installed."""

from __future__ import annotations

import os
import shutil

import pytest

from cbh_directory.hub.cluster import ClusterError, find_bindir


def require_postgresql() -> None:
    """Skip only where PostgreSQL cannot be installed (not root, or no apt-get)."""
    try:
        find_bindir()
    except ClusterError as exc:
        if os.geteuid() == 0 and shutil.which("apt-get"):
            # make test installs PostgreSQL as root: missing here is a failure, not a skip.
            pytest.fail(f"{exc} (make test should have installed it)")
        pytest.skip(f"PostgreSQL is not installed and cannot be installed here: {exc}")
