"""The hub never imports Qt: every hub module imports, and a hub app is built, with PySide6
blocked."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
import textwrap

import cbh_directory.hub


def test_hub_modules_import_with_pyside6_blocked() -> None:
    modules = [
        f"cbh_directory.hub.{info.name}"
        for info in pkgutil.iter_modules(cbh_directory.hub.__path__)
    ]
    assert {"cbh_directory.hub.api", "cbh_directory.hub.writer"} <= set(modules)
    script = textwrap.dedent(
        f"""
        import importlib, sys

        class BlockQt:
            def find_spec(self, name, path=None, target=None):
                if name == "PySide6" or name.startswith("PySide6."):
                    raise ImportError("PySide6 is blocked in this test")
                return None

        sys.meta_path.insert(0, BlockQt())
        for module in {modules!r} + ["cbh_directory.cli.hub"]:
            importlib.import_module(module)
        from cbh_directory.hub.api import HubSettings, create_app
        create_app(HubSettings(dsn="host=/nonexistent"))
        assert not any(m.startswith("PySide6") for m in sys.modules), "PySide6 was imported"
        print("hub ok")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "hub ok" in result.stdout
