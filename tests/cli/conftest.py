"""The command line's tests read English unless a test asks for Spanish (--lang or LANG)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
