"""Run a program on a private X server (Xvfb) and watch it from outside: wait for a window by
title, take a screenshot. Used by the installed-package test and, as a script, to time how long
Byline takes from launch to its window:

    python packaging/linux/xvfb_session.py [--title TEXT] [--runs N] -- COMMAND [ARG...]

prints the seconds from start to a mapped window whose title contains TEXT (default "Byline"),
each run with a fresh HOME and XDG folders. Needs Xvfb and xwininfo (Debian: xvfb, x11-utils).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

SCREEN = "1280x800x24"
# xwininfo -tree prints one window a line: 0x1a00007 "Title": ("byline" "Byline")  800x600+0+0 ...
_WINDOW_LINE = re.compile(r'^\s*(0x[0-9a-f]+) "(.*)": \(')


# Displays from here up: the low numbers are where desktops and other tools' servers live, and
# a server of theirs going away there has taken a client of ours down with it.
FIRST_DISPLAY = 140


@contextmanager
def xvfb() -> Iterator[str]:
    """A fresh X server on a free display number, stopped on exit; yields its DISPLAY."""
    for number in range(FIRST_DISPLAY + os.getpid() % 200, FIRST_DISPLAY + 400):
        if Path(f"/tmp/.X{number}-lock").exists():
            continue
        display = f":{number}"
        server = subprocess.Popen(
            ["Xvfb", display, "-screen", "0", SCREEN, "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            if not _wait_until_reachable(display, server):
                continue  # another server took the number first
            yield display
            return
        finally:
            server.terminate()
            server.wait(timeout=10)
    raise RuntimeError("Xvfb found no free display")


def _wait_until_reachable(display: str, server: subprocess.Popen[bytes]) -> bool:
    """Whether a client can connect to ``server`` (False when it exits or never answers)."""
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and server.poll() is None:
        probe = subprocess.run(
            ["xwininfo", "-root", "-display", display], capture_output=True, check=False
        )
        if probe.returncode == 0:
            return True
        time.sleep(0.05)
    return False


def window_titles(display: str) -> dict[str, str]:
    """Titles of the mapped windows on ``display``, by window id."""
    result = subprocess.run(
        ["xwininfo", "-root", "-tree", "-display", display],
        capture_output=True,
        text=True,
        errors="replace",
        check=False,
    )
    titles: dict[str, str] = {}
    for line in result.stdout.splitlines():
        match = _WINDOW_LINE.match(line)
        if match and _is_viewable(display, match[1]):
            titles[match[1]] = match[2]
    return titles


def _is_viewable(display: str, window_id: str) -> bool:
    result = subprocess.run(
        ["xwininfo", "-id", window_id, "-display", display],
        capture_output=True,
        text=True,
        errors="replace",
        check=False,
    )
    return "Map State: IsViewable" in result.stdout


def wait_for_window(
    display: str, title_part: str, timeout: float, process: subprocess.Popen[bytes] | None = None
) -> str:
    """The full title of the first shown window whose title contains ``title_part``. Raises
    TimeoutError after ``timeout`` seconds, RuntimeError if ``process`` exits first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for title in window_titles(display).values():
            if title_part in title:
                return title
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the program exited with status {process.returncode}")
        time.sleep(0.05)
    raise TimeoutError(f"no window titled {title_part!r} within {timeout:.0f} s")


def screenshot(display: str, path: Path) -> Path:
    """The whole screen as a PNG (ImageMagick's import; xwd as a fallback, converted if can)."""
    env = {**os.environ, "DISPLAY": display}
    if shutil.which("import"):
        subprocess.run(["import", "-window", "root", str(path)], env=env, check=True)
        return path
    xwd = path.with_suffix(".xwd")
    subprocess.run(["xwd", "-root", "-silent", "-out", str(xwd)], env=env, check=True)
    return xwd


def fresh_user_env(
    home: Path, display: str, base: Mapping[str, str] | None = None
) -> dict[str, str]:
    """An environment of a user who never ran Byline: empty HOME and XDG folders, the given
    display, and no Qt platform override (the tests' offscreen setting must not leak in)."""
    env = {
        k: v
        for k, v in (base if base is not None else os.environ).items()
        if not k.startswith(("QT_", "XDG_", "BYLINE_", "WAYLAND_"))
    }
    for name, sub in (
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_STATE_HOME", ".local/state"),
    ):
        (home / sub).mkdir(parents=True, exist_ok=True)
        env[name] = str(home / sub)
    runtime = home / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    env.update(HOME=str(home), XDG_RUNTIME_DIR=str(runtime), DISPLAY=display)
    return env


def time_to_window(command: list[str], title: str, display: str, timeout: float = 60) -> float:
    """Seconds from starting ``command`` (as a user who never ran it) to its window being shown."""
    with tempfile.TemporaryDirectory(prefix="byline-home-") as home:
        env = fresh_user_env(Path(home), display)
        log = Path(home) / "output.log"
        with log.open("wb") as out:
            start = time.monotonic()
            process = subprocess.Popen(command, env=env, stdout=out, stderr=out)
            try:
                wait_for_window(display, title, timeout, process)
                return time.monotonic() - start
            except (TimeoutError, RuntimeError) as exc:
                raise SystemExit(f"{exc}\n{log.read_text(errors='replace')}") from None
            finally:
                process.terminate()
                process.wait(timeout=20)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--title", default="Byline", help="text the window title contains")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("command", nargs="+")
    args = parser.parse_args(argv)
    with xvfb() as display:
        times = [time_to_window(args.command, args.title, display) for _ in range(args.runs)]
    print(
        f"launch to window: {' '.join(f'{t:.2f}' for t in times)} s "
        f"(best {min(times):.2f} s) for {' '.join(args.command)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
