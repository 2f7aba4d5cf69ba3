"""`make hub`: a throwaway PostgreSQL cluster with the curated data and the hub served on it."""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from ..paths import dataset_file
from . import auth, db, load, migrate
from .api import HubSettings, create_app
from .cluster import ClusterError, LocalCluster
from .server import serve


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="cbh-hub-demo-"))
    cluster = LocalCluster(folder)
    try:
        print(f"Starting PostgreSQL in {folder} (unix socket only) ...", flush=True)
        cluster.start()
        with db.connect(cluster.dsn()) as conn:
            migrate.migrate(conn)
            conn.commit()
            result = load.load(conn, dataset_file(), by="curated dataset")
            print(f"Loaded the curated dataset: {result.report.summary()}")
            tokens = {role: auth.add_user(conn, f"demo-{role}", role)[1]
                      for role in ("contributor", "editor")}  # fmt: skip
        url = f"http://{args.host}:{args.port}"
        print(
            f"\nHub: {url}/services   (reading is open in this demo)\n"
            f"Database: {cluster.dsn()}\n"
            f"Tokens (demo only): contributor {tokens['contributor']}\n"
            f"                    editor      {tokens['editor']}\n"
            f"Try: curl '{url}/services?search=ataxia&per_page=3'\n"
            f"     curl '{url}/services?format=ndjson' | wc -l\n"
            "Press Ctrl+C to stop; the cluster and its folder are removed.\n",
            flush=True,
        )
        app = create_app(HubSettings(dsn=cluster.dsn(), public_read=True))
        serve(app, args.host, args.port)
        return 0
    except ClusterError as exc:
        print(f"cannot start the demo: {exc.message}", file=sys.stderr)
        return 1
    finally:
        try:
            cluster.stop()
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        print("Stopped the hub and removed its cluster.", flush=True)


if __name__ == "__main__":
    sys.exit(main())
