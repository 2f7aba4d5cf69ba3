"""The service facade: everything the CLI and the GUI do, on one database connection."""

from .directory import Directory, StartupReport

__all__ = ["Directory", "StartupReport"]
