"""Where files live: the bundled data shipped with the app and the user's own database."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "cbh-directory"
APP_AUTHOR = "CBH Directory"
DB_ENV = "CBH_DIRECTORY_DB"

_PACKAGE = Path(__file__).resolve().parent
_SOURCE_ROOT = _PACKAGE.parent


def _bundled(wheel_name: str, source_path: str) -> Path:
    """Data is copied into the package when built as a wheel, and read in place from a checkout."""
    inside = _PACKAGE / "_data" / wheel_name
    return inside if inside.exists() else _SOURCE_ROOT / source_path


def dataset_file() -> Path:
    return _bundled("dataset", "resources/dataset") / "directory.json"


def gazetteer_dir() -> Path:
    return _bundled("gazetteer", "resources/gazetteer")


def hsds_openapi_file() -> Path:
    """The official HSDS API 3.0 OpenAPI description (served by the hub)."""
    return _bundled("hsds", "resources/hsds/v3.0/schema") / "openapi.json"


def translations_dir() -> Path:
    """The window's compiled translations (.qm), built from the .ts sources next to them."""
    return _bundled("translations", "resources/translations")


def migrations_dir() -> Path:
    return _bundled("migrations", "db/migrations")


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR))


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def default_db_path() -> Path:
    """The database the app uses: CBH_DIRECTORY_DB if set, else the user's data directory."""
    override = os.environ.get(DB_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    return data_dir() / "directory.sqlite3"


def backup_dir(db_path: Path) -> Path:
    """Backups sit beside the database they protect."""
    return db_path.parent / "backups"
