"""What every part of the service facade can rely on: one connection and its helpers."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from ..geo.gazetteer import Gazetteer
from ..store.search import SearchEngine


class ServiceBase:
    """Attributes the Directory sets up; the parts below use them."""

    db: sqlite_utils.Database
    path: Path | None
    engine: SearchEngine
    gazetteer: Gazetteer
