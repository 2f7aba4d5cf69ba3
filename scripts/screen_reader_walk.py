"""Hear the main path as a screen reader user does: Orca over AT-SPI on Xvfb, keys from xdotool.

A manual check, not run by CI (docs/ACCESSIBILITY.md). Needs, on Debian/Ubuntu:
  apt-get install xvfb openbox orca at-spi2-core dbus-x11 xdotool speech-dispatcher \
      libxcb-cursor0 imagemagick
It opens the window on a fresh database in a throwaway home, starts Orca with its debug log,
walks search → results → a result's details → a filter → export, and writes what Orca said at
each step (its "SPEECH OUTPUT" lines) to OUT/transcript.md, with a screenshot per step.
Speech goes to speech-dispatcher's dummy module, so no sound device is needed.

  .venv/bin/python scripts/screen_reader_walk.py --out /tmp/cbh-walk
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

TOOLS = {
    "Xvfb": "xvfb",
    "openbox": "openbox",
    "orca": "orca",
    "xdotool": "xdotool",
    "dbus-launch": "dbus-x11",
    "/usr/libexec/at-spi-bus-launcher": "at-spi2-core",
    "speech-dispatcher": "speech-dispatcher",
}
# What Tab listens for, in the window's language (resources/translations/cbh_directory_es.ts).
NAMES = {
    "en": {"Results": "Results", "Filters": "Filters", "Save to": "Save to"},
    "es": {"Results": "Resultados", "Filters": "Filtros", "Save to": "Guardar en"},
}
SPEECH = re.compile(r"SPEECH OUTPUT: '(.*)'(?:\s*\[?\{.*\}\]?|\s*voice=\S+.*)?\s*$")
# Orca's key echo ("tab ", "left shift ", "C "): its own feedback, not the app's; kept apart.
KEY_ECHO = re.compile(r"^.{0,20} $")

SPEECHD_CONF = """\
# The walk has no sound card: speech goes to the dummy module (Orca still logs every line).
LogLevel 3
AddModule "dummy" "sd_dummy" ""
DefaultModule dummy
"""
ORCA_CUSTOMIZATIONS = """\
# Flush Orca's debug log line by line so the walk reads what was spoken as it happens.
from orca import debug
if debug.debugFile:
    debug.debugFile.reconfigure(line_buffering=True)
"""


class Walk:
    def __init__(self, out: Path, display: str, lang: str, review: bool = False) -> None:
        self.out = out
        self.review = review
        self.display = display
        self.lang = lang
        self.home = out / "home"
        self.log = out / "orca-debug.log"
        self.env = dict(os.environ)
        self.procs: list[subprocess.Popen[bytes]] = []
        self.dbus_pid = 0
        self.transcript: list[str] = []
        self.seen = 0
        self.shot = 0

    # --- setting up -------------------------------------------------------------------------

    def prepare(self) -> None:
        if self.home.exists():
            shutil.rmtree(self.home)
        runtime = self.out / "run"
        for folder in (self.home / ".config/speech-dispatcher", self.home / ".local/share/orca"):
            folder.mkdir(parents=True, exist_ok=True)
        runtime.mkdir(mode=0o700, exist_ok=True)
        (self.home / ".config/speech-dispatcher/speechd.conf").write_text(SPEECHD_CONF)
        (self.home / ".local/share/orca/orca-customizations.py").write_text(ORCA_CUSTOMIZATIONS)
        for stale in (self.out / "directory.sqlite3", self.log):
            stale.unlink(missing_ok=True)
        self.env.update(
            HOME=str(self.home),
            XDG_CONFIG_HOME=str(self.home / ".config"),
            XDG_DATA_HOME=str(self.home / ".local/share"),
            XDG_CACHE_HOME=str(self.home / ".cache"),
            XDG_RUNTIME_DIR=str(runtime),
            DISPLAY=self.display,
            LANG="C.UTF-8",  # Orca needs a locale the system has; LANGUAGE picks its words
            LANGUAGE=self.lang,
            NO_AT_BRIDGE="0",
        )
        self.env.pop("QT_QPA_PLATFORM", None)
        self.env.pop("WAYLAND_DISPLAY", None)

    def start(self, args: list[str], name: str, **env: str) -> subprocess.Popen[bytes]:
        log = open(self.out / f"{name}.log", "wb")  # noqa: SIM115 - lives as long as the process
        proc = subprocess.Popen(args, env={**self.env, **env}, stdout=log, stderr=subprocess.STDOUT)
        self.procs.append(proc)
        return proc

    def start_session(self) -> None:
        printed = subprocess.run(
            ["dbus-launch", "--sh-syntax"], env=self.env, capture_output=True, text=True
        ).stdout
        found = dict(re.findall(r"^(DBUS_SESSION_BUS_\w+)='?([^';]*)'?;", printed, re.M))
        self.env["DBUS_SESSION_BUS_ADDRESS"] = found["DBUS_SESSION_BUS_ADDRESS"]
        self.dbus_pid = int(found["DBUS_SESSION_BUS_PID"])
        screen = ["-screen", "0", "1280x800x24", "-nolisten", "tcp"]
        self.start(["Xvfb", self.display, *screen], "xvfb")
        socket = Path("/tmp/.X11-unix") / f"X{self.display.lstrip(':')}"
        wait_for(socket.exists, 15, "Xvfb did not start")
        self.start(["openbox"], "openbox")
        self.start(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"], "atspi")
        time.sleep(1.5)

    def start_app(self) -> None:
        db = self.out / "directory.sqlite3"
        self.start(
            [sys.executable, "-m", "cbh_directory", "--db", str(db), "gui"],
            "app",
            QT_QPA_PLATFORM="xcb",
            LANG="es_US.UTF-8" if self.lang == "es" else "en_US.UTF-8",  # Qt reads it itself
            QT_ACCESSIBILITY="1",
            QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
        )

        def window_up() -> bool:
            found = self.xdotool("search", "--name", "^CBH Directory$", check=False)
            return bool(found.strip())

        wait_for(window_up, 60, "the window did not open")
        time.sleep(3)

    def start_orca(self) -> None:
        self.start(["orca", f"--debug-file={self.log}"], "orca")
        # its first words: "Screen reader on" (or "Lector de pantalla activado")
        wait_for(lambda: bool(self.spoken()), 60, "Orca did not start")

    def stop(self) -> None:
        for proc in reversed(self.procs):
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(5)
                except subprocess.TimeoutExpired:
                    proc.kill()
        if self.dbus_pid:
            os.kill(self.dbus_pid, signal.SIGTERM)

    # --- hearing ----------------------------------------------------------------------------

    def read_log(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def spoken(self) -> list[str]:
        lines = []
        for line in self.read_log().splitlines():
            match = SPEECH.search(line)
            if match:
                lines.append(match.group(1))
        return lines

    def settle(self, quiet: float = 1.5, longest: float = 20.0) -> None:
        """Wait until Orca's log stops growing: it has said what it will say."""
        end = time.monotonic() + longest
        size, still_since = -1, time.monotonic()
        while time.monotonic() < end:
            now = self.log.stat().st_size
            if now != size:
                size, still_since = now, time.monotonic()
            elif time.monotonic() - still_since >= quiet:
                return
            time.sleep(0.2)

    def heard(self) -> list[str]:
        self.settle()
        lines = self.spoken()
        new, self.seen = lines[self.seen :], len(lines)
        return new

    def xdotool(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True)
        if check and done.returncode:
            raise RuntimeError(f"xdotool {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout

    def step(self, title: str, action: Callable[[], None], note: str = "") -> list[str]:
        self.heard()  # whatever came before belongs to the step before
        action()
        time.sleep(0.8)
        lines = self.heard()
        self.record(title, lines, note)
        return lines

    def record(self, title: str, lines: list[str], note: str = "") -> None:
        self.shot += 1
        picture = self.out / f"step{self.shot:02d}.png"
        if shutil.which("import"):
            subprocess.run(["import", "-window", "root", str(picture)], env=self.env, check=False)
        lines = [line for line in lines if line.strip()]  # a blank cell is "said" as nothing
        speech = [line for line in lines if not KEY_ECHO.match(line)]
        echo = [line.strip() for line in lines if KEY_ECHO.match(line)]
        self.transcript.append(f"### {self.shot}. {title}")
        if note:
            self.transcript.append(f"_{note}_")
        self.transcript.append("")
        self.transcript.extend(f"> {line}" for line in speech or ["(nothing)"])
        if echo:
            self.transcript.append(f"\n(key echo: {', '.join(echo)})")
        self.transcript.append("")
        print(f"{self.shot}. {title}: {' | '.join(speech) or '(nothing)'}", flush=True)

    # --- keys -------------------------------------------------------------------------------

    def keys(self, *names: str) -> Callable[[], None]:
        def press() -> None:
            for name in names:
                self.xdotool("key", "--clearmodifiers", name)
                time.sleep(0.4)

        return press

    def type(self, text: str) -> Callable[[], None]:
        def press() -> None:
            self.xdotool("type", "--delay", "120", text)

        return press

    def tab_to(self, name: str, key: str = "Tab", most: int = 15) -> Callable[[], None]:
        """Press Tab until Orca names `name` (each press's speech stays in the step)."""

        def press() -> None:
            for _ in range(most):
                before = len(self.spoken())
                self.xdotool("key", "--clearmodifiers", key)
                time.sleep(0.6)
                self.settle(quiet=0.8)
                if any(name in line for line in self.spoken()[before:]):
                    return
            raise RuntimeError(f"Tab never reached {name!r}")

        return press

    # --- the path ---------------------------------------------------------------------------

    def main_path(self) -> None:
        self.record("The window opens (Orca starts)", self.heard())
        self.step("Escape closes the welcome", self.keys("Escape"))
        self.step("Ctrl+F: to the search box", self.keys("ctrl+f"))
        self.step("Type 'CASK' (the results follow as you type)", self.type("CASK"))
        said = NAMES[self.lang]
        self.step("Tab to the results table", self.tab_to(said["Results"]))
        self.step("Down: the next result", self.keys("Down"))
        self.step("Tab: into the details of that result", self.keys("Tab"))
        if self.review:
            # Orca's flat review (desktop layout): KP_Up says the line, KP_Prior the next one.
            self.step("Flat review: the current line", self.keys("KP_Up"))
            for _ in range(12):
                self.step("Flat review: next line", self.keys("KP_Prior"))
            self.step("Back to the focus (Tab, Shift+Tab)", self.keys("shift+Tab", "Tab"))
        self.step("Tab again in the details", self.keys("Tab"))
        self.step("Shift+Tab back to the results", self.keys("shift+Tab", "shift+Tab"))
        self.step("Shift+Tab to the filter tree", self.tab_to(said["Filters"], key="shift+Tab"))
        self.step("Down: first filter row", self.keys("Down"))
        self.step("Down: next filter row", self.keys("Down"))
        self.step("Space: check that filter", self.keys("space"))
        self.step("Space: uncheck it again", self.keys("space"))
        self.step("Ctrl+E: the export dialog", self.keys("ctrl+e"))
        for _ in range(3):
            self.step("Tab in the export dialog", self.keys("Tab"))
        target = self.out / ("folleto.pdf" if self.lang == "es" else "handout.pdf")
        target.unlink(missing_ok=True)
        self.step("Tab to where to save", self.tab_to(said["Save to"]))

        def replace_path() -> None:
            self.keys("ctrl+a")()
            self.type(str(target))()

        self.step(f"Ctrl+A and type {target} as the file name", replace_path)
        self.step("Enter: export", self.keys("Return"))
        exported = target.exists()
        self.transcript.append(f"_The file was {'written' if exported else 'NOT written'}._\n")

    def write(self) -> Path:
        path = self.out / "transcript.md"
        head = [
            "# What Orca says on the main path",
            "",
            f"Orca {orca_version()} over AT-SPI, Xvfb {self.display}, "
            f"the window in language '{self.lang}'. Generated by scripts/screen_reader_walk.py.",
            "",
        ]
        path.write_text("\n".join(head + self.transcript) + "\n")
        return path


def orca_version() -> str:
    done = subprocess.run(["orca", "--version"], capture_output=True, text=True)
    return done.stdout.strip().split()[-1] if done.stdout.strip() else "?"


def wait_for(ready: Callable[[], bool], seconds: float, failure: str) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if ready():
            return
        time.sleep(0.3)
    raise RuntimeError(failure)


def missing_tools() -> list[str]:
    missing = {package for tool, package in TOOLS.items() if not shutil.which(tool)}
    if not list(Path("/usr/lib").glob("*/libxcb-cursor.so.0")):
        missing.add("libxcb-cursor0")  # Qt's xcb plugin needs it
    return sorted(missing)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path("/tmp/cbh-screen-reader-walk"))
    parser.add_argument("--display", default=":87")
    parser.add_argument("--lang", choices=("en", "es"), default="en")
    parser.add_argument(
        "--review", action="store_true", help="read the details pane with Orca's flat review"
    )
    args = parser.parse_args()
    missing = missing_tools()
    if missing:
        print("Install first: apt-get install " + " ".join(missing), file=sys.stderr)
        return 2
    if subprocess.run(["pgrep", "-u", str(os.getuid()), "-x", "orca"], capture_output=True).stdout:
        print("Orca is already running for this user; stop it first.", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    walk = Walk(args.out.resolve(), args.display, args.lang, args.review)
    walk.prepare()
    try:
        walk.start_session()
        walk.start_app()
        walk.start_orca()
        walk.main_path()
    finally:
        print(walk.write())
        walk.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
