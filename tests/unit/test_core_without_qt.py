"""The core (domain, store, geo, exchange, service, cli) must import without PySide6."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import cbh_directory

CORE_MODULES = [
    "cbh_directory.domain.vocabulary",
    "cbh_directory.domain.model",
    "cbh_directory.domain.validation",
    "cbh_directory.domain.describe",
    "cbh_directory.store.database",
    "cbh_directory.store.migrations",
    "cbh_directory.store.search",
    "cbh_directory.store.facets",
    "cbh_directory.store.dataset",
    "cbh_directory.geo.gazetteer",
    "cbh_directory.geo.distance",
    "cbh_directory.exchange.appjson",
    "cbh_directory.exchange.exporter",
    "cbh_directory.ui.handout_pdf",  # the Qt renderer imports Qt only when it renders
    "cbh_directory.service",
    "cbh_directory.cli",
]


def test_core_imports_and_searches_with_pyside6_blocked(tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        import importlib, sys

        class BlockQt:
            def find_spec(self, name, path=None, target=None):
                if name == "PySide6" or name.startswith("PySide6."):
                    raise ImportError("PySide6 is blocked in this test")
                return None

        sys.meta_path.insert(0, BlockQt())
        for module in {CORE_MODULES!r}:
            importlib.import_module(module)
        from cbh_directory.domain.model import SearchQuery
        from cbh_directory.service import Directory
        with Directory.open({str(tmp_path / "db.sqlite3")!r}) as directory:
            assert directory.search(SearchQuery(text="CASK")).total > 0
        assert not any(m.startswith("PySide6") for m in sys.modules), "PySide6 was imported"
        print("core ok")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "core ok" in result.stdout


def test_only_the_ui_package_mentions_pyside6() -> None:
    package = Path(cbh_directory.__file__).parent
    offenders = [
        path.relative_to(package).as_posix()
        for path in package.rglob("*.py")
        if "PySide6" in path.read_text(encoding="utf-8")
        and "ui" not in path.relative_to(package).parts
    ]
    assert offenders == []
    # The CLI makes PDFs with the Qt renderer, so it must load without widgets and import
    # Qt only inside its functions: importing it never loads Qt.
    pdf = (package / "ui" / "handout_pdf.py").read_text(encoding="utf-8")
    assert "QtWidgets" not in pdf
    assert not any(line.startswith(("from PySide6", "import PySide6")) for line in pdf.splitlines())
