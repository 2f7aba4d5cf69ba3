"""The log file: a rotating file in the user's log folder for errors nobody expected."""

from __future__ import annotations

import logging
import logging.handlers
import platform
import sys
import traceback
from pathlib import Path
from types import TracebackType

from . import __version__
from .paths import log_dir

LOGGER_NAME = "cbh_directory"
LOG_FILE = "cbh-directory.log"
MAX_BYTES = 1_000_000
KEEP = 5

logger = logging.getLogger(LOGGER_NAME)


def setup_logging(folder: Path | None = None) -> Path | None:
    """Send warnings and errors to a rotating log file (1 MB, 5 kept); returns its path, or
    None when the folder cannot be written (then they go to stderr only). Safe to call twice."""
    target = (folder or log_dir()) / LOG_FILE
    for handler in logger.handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            if Path(handler.baseFilename) == target:
                return target
            logger.removeHandler(handler)
            handler.close()
    logger.setLevel(logging.INFO)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            target, maxBytes=MAX_BYTES, backupCount=KEEP, encoding="utf-8", delay=True
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    return target


def log_file() -> Path | None:
    for handler in logger.handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            return Path(handler.baseFilename)
    return None


def describe_exception(
    kind: type[BaseException], error: BaseException, tb: TracebackType | None
) -> tuple[str, str]:
    """(one line for a person, the full details for a bug report)."""
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    short = f"{kind.__name__}: {text}" if text else kind.__name__
    details = "".join(traceback.format_exception(kind, error, tb))
    context = (
        f"CBH Directory {__version__}, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}\n"
    )
    return short[:300], context + details


def log_unexpected(
    kind: type[BaseException], error: BaseException, tb: TracebackType | None, where: str
) -> tuple[str, str]:
    """Write an unexpected error to the log (and stderr when there is no log file)."""
    short, details = describe_exception(kind, error, tb)
    logger.error("unexpected error in %s: %s\n%s", where, short, details)
    if log_file() is None:
        print(details, file=sys.stderr)
    return short, details
