"""A throwaway local PostgreSQL cluster: initdb in a folder, unix socket only, no TCP."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from ..domain.errors import CBHError

# PostgreSQL refuses to run as root; as root the cluster runs as this system user.
SERVICE_USER = "postgres"
PORT = 5432  # only names the socket file (.s.PGSQL.5432): nothing listens on TCP


class ClusterError(CBHError):
    """The local PostgreSQL cluster could not be found, created, started or stopped."""


def find_bindir() -> Path:
    """The folder holding initdb and pg_ctl: PATH first, then Debian's versioned folders."""
    on_path = shutil.which("pg_ctl")
    if on_path and shutil.which("initdb"):
        return Path(os.path.realpath(on_path)).parent
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    if not found:
        raise ClusterError(
            "PostgreSQL is not installed (no pg_ctl); on Debian or Ubuntu: "
            "apt-get install postgresql postgresql-contrib"
        )
    return Path(found[-1]).parent


def _run_as() -> str | None:
    """The user to run the server as: ourselves, or the postgres user when we are root."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam(SERVICE_USER)
    except KeyError as exc:
        raise ClusterError(
            f"running as root and there is no {SERVICE_USER!r} user to run PostgreSQL as"
        ) from exc
    return SERVICE_USER


@dataclass
class LocalCluster:
    """A cluster in `folder` (data/ and the socket); start() and stop(), or use `with`."""

    folder: Path
    dbname: str = "cbh_hub"
    # Throwaway clusters skip fsync; a benchmark keeps PostgreSQL's durable defaults.
    durable: bool = False

    def __post_init__(self) -> None:
        self.folder = Path(self.folder).resolve()
        self.bindir = find_bindir()
        self.user = _run_as()
        self.data = self.folder / "data"
        self.socket_dir = self.folder / "socket"
        self.log = self.folder / "postgresql.log"

    @property
    def superuser(self) -> str:
        return self.user or pwd.getpwuid(os.geteuid()).pw_name

    def dsn(self, dbname: str | None = None) -> str:
        """A libpq connection string to the socket (keyword form: no password, no host name)."""
        return (
            f"host={self.socket_dir} port={PORT} user={self.superuser} "
            f"dbname={dbname or self.dbname}"
        )

    def _run(self, *args: str, timeout: float = 120) -> None:
        command = [str(self.bindir / args[0]), *args[1:]]
        result = subprocess.run(
            command,
            user=self.user,
            capture_output=True,
            text=True,
            timeout=timeout,
            env={**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"},
            cwd=self.folder,
            check=False,
            # Its own session: Ctrl+C in the terminal reaches us, and we stop the server.
            start_new_session=True,
        )
        if result.returncode != 0:
            detail = (result.stderr or result.stdout).strip().splitlines()[-3:]
            raise ClusterError(f"{args[0]} failed: " + " / ".join(detail))

    def start(self) -> LocalCluster:
        """initdb, start the server on the socket only, and create the database."""
        self.folder.mkdir(parents=True, exist_ok=True)
        self.socket_dir.mkdir(exist_ok=True)
        if self.user:
            for path in (self.folder, self.socket_dir):
                shutil.chown(path, self.user, self.user)
        if not (self.data / "PG_VERSION").exists():
            self._run(
                "initdb", "-D", str(self.data), "-U", self.superuser, "--auth=trust",
                "-E", "UTF8", "--no-sync",
            )  # fmt: skip
        options = f"-c listen_addresses='' -c unix_socket_directories='{self.socket_dir}' -p {PORT}"
        if not self.durable:
            options += " -c fsync=off -c full_page_writes=off"
        self._run("pg_ctl", "start", "-w", "-D", str(self.data), "-l", str(self.log), "-o", options)
        self._create_database()
        return self

    def _create_database(self) -> None:
        deadline = time.monotonic() + 30
        while True:
            try:
                self._run("createdb", "-h", str(self.socket_dir), "-p", str(PORT),
                          "-U", self.superuser, self.dbname)  # fmt: skip
                return
            except ClusterError as exc:
                if "already exists" in str(exc):
                    return
                if time.monotonic() > deadline:
                    raise

    def stop(self) -> None:
        """Stop the server (fast shutdown) if it runs; the folder stays for the caller."""
        if not (self.data / "postmaster.pid").exists():
            return
        try:
            self._run("pg_ctl", "stop", "-w", "-D", str(self.data), "-m", "fast")
        except ClusterError:
            if (self.data / "postmaster.pid").exists():
                raise

    def __enter__(self) -> LocalCluster:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
