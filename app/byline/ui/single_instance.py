"""One window per library: a second ``byline`` start hands its file paths to the running one over
a local socket named after the data folder, instead of opening the same database twice."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

CONNECT_TIMEOUT_MS = 500


def server_name(data_dir: Path) -> str:
    digest = hashlib.sha1(str(data_dir.resolve()).encode("utf-8")).hexdigest()[:16]
    return f"byline-{digest}"


def hand_over(name: str, paths: list[Path]) -> bool:
    """Send ``paths`` to a running instance; False when none is listening."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    socket.write(json.dumps([str(p) for p in paths]).encode("utf-8") + b"\n")
    socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
    socket.disconnectFromServer()
    return True


class InstanceServer(QObject):
    """Listens for later starts; emits the paths each one sends (possibly none: just raise)."""

    pathsReceived = Signal(list)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.server = QLocalServer(self)
        self.server.newConnection.connect(self._accept)
        if not self.server.listen(name):
            # A crashed instance leaves its socket file behind; nobody answered, so reclaim it.
            QLocalServer.removeServer(name)
            self.server.listen(name)

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            buffer = bytearray()

            def read(sock: QLocalSocket = socket, buf: bytearray = buffer) -> None:
                buf.extend(sock.readAll().data())
                if buf.endswith(b"\n"):
                    self._deliver(bytes(buf))
                    buf.clear()

            socket.readyRead.connect(read)
            socket.disconnected.connect(socket.deleteLater)

    def _deliver(self, payload: bytes) -> None:
        try:
            paths = json.loads(payload.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            return
        if isinstance(paths, list):
            self.pathsReceived.emit([Path(str(p)) for p in paths])
