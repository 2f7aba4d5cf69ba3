"""Running the hub under uvicorn until Ctrl+C or SIGTERM, then shutting down cleanly."""

from __future__ import annotations

import signal

import uvicorn
from fastapi import FastAPI


def serve(app: FastAPI, host: str, port: int) -> None:
    """Serve until interrupted. Uvicorn handles the signal (finishing open requests); the
    no-op handler below keeps it from re-raising it as a KeyboardInterrupt afterwards."""
    previous = signal.signal(signal.SIGINT, lambda *_: None)
    try:
        uvicorn.run(app, host=host, port=port, log_level="info", proxy_headers=True)
    finally:
        signal.signal(signal.SIGINT, previous)
