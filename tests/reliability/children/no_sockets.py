"""Runs a Python script with every socket creation made to fail: ``socket.socket`` and the
functions that resolve names or connect refuse, and each attempt is reported with the code that
made it, as lines "socket attempt: WHAT from FILE:LINE" after "socket attempts: N".

    python no_sockets.py SCRIPT ARGS...
"""

from __future__ import annotations

import runpy
import socket
import sys
import traceback
from typing import Any

attempts: list[str] = []


def _refuse(what: str) -> OSError:
    caller = traceback.extract_stack()[-3]
    attempts.append(f"{what} from {caller.filename}:{caller.lineno}")
    return OSError(f"network disabled for this test: {what}")


class _NoSocket(socket.socket):
    # A class, not a function, so modules that subclass socket.socket still import.
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise _refuse(f"socket{args}")


def _refusing(name: str) -> Any:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise _refuse(f"{name}{args[:1]}")

    return refuse


socket.socket = _NoSocket  # type: ignore[misc]
for _name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex"):
    setattr(socket, _name, _refusing(_name))

script, *args = sys.argv[1:]
sys.argv = [script, *args]
try:
    runpy.run_path(script, run_name="__main__")
finally:
    print(f"socket attempts: {len(attempts)}", flush=True)
    for attempt in attempts:
        print(f"socket attempt: {attempt}", flush=True)
