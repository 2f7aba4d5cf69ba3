"""Shared fixtures: databases built once per session from test data, copied per test."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from cbh_directory.service import Directory

from .reliability.safety_tests import pytest_runtest_logreport  # noqa: F401  (a hook)

DATA = Path(__file__).parent / "data"
SYNTHETIC_V1 = DATA / "dataset_v1.json"
SYNTHETIC_V2 = DATA / "dataset_v2.json"
BUNDLED = json.loads(
    (Path(__file__).parents[1] / "resources" / "dataset" / "directory.json").read_text("utf-8")
)
CURATED_ACTIVE = sum(r["status"] == "active" for r in BUNDLED["resources"])  # what searches show


def _build(folder: Path, dataset: Path | None) -> Path:
    path = folder / "template.sqlite3"
    directory = Directory.open(path, prepare=False)
    directory.prepare(dataset)
    directory.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    directory.close()
    return path


@pytest.fixture(scope="session")
def synthetic_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database holding the small SYNTHETIC test dataset (tests/data/dataset_v1.json)."""
    return _build(tmp_path_factory.mktemp("synthetic"), SYNTHETIC_V1)


@pytest.fixture(scope="session")
def curated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database holding the real curated dataset bundled with the app."""
    return _build(tmp_path_factory.mktemp("curated"), None)


def _copy(template: Path, folder: Path) -> Path:
    target = folder / "directory.sqlite3"
    shutil.copyfile(template, target)
    return target


@pytest.fixture
def synthetic_db(synthetic_template: Path, tmp_path: Path) -> Path:
    return _copy(synthetic_template, tmp_path)


@pytest.fixture
def curated_db(curated_template: Path, tmp_path: Path) -> Path:
    return _copy(curated_template, tmp_path)


@pytest.fixture
def synthetic(synthetic_db: Path) -> Iterator[Directory]:
    """A Directory over the synthetic dataset; the bundled dataset is not merged into it."""
    directory = Directory.open(synthetic_db, prepare=False)
    yield directory
    directory.close()


@pytest.fixture
def curated(curated_db: Path) -> Iterator[Directory]:
    directory = Directory.open(curated_db)
    yield directory
    directory.close()


@pytest.fixture(autouse=True)
def _no_user_database(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests never touch the real user's database or settings."""
    home = tmp_path_factory.getbasetemp() / "home"
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("CBH_DIRECTORY_DB", raising=False)
