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
        self._buffers: dict[QLocalSocket, bytearray] = {}
        self.server.newConnection.connect(self._accept)
        if not self.server.listen(name):
            # A crashed instance leaves its socket file behind; nobody answered, so reclaim it.
            QLocalServer.removeServer(name)
            self.server.listen(name)

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._buffers[socket] = bytearray()
            socket.readyRead.connect(self._read)
            socket.disconnected.connect(self._drop)

    def _read(self) -> None:
        socket = self.sender()
        if not isinstance(socket, QLocalSocket) or socket not in self._buffers:
            return
        buffer = self._buffers[socket]
        buffer.extend(socket.readAll().data())
        if buffer.endswith(b"\n"):
            payload = bytes(buffer)
            buffer.clear()
            self._deliver(payload)

    def _drop(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._buffers.pop(socket, None)
            socket.deleteLater()

    def close(self) -> None:
        self.server.close()

    def _deliver(self, payload: bytes) -> None:
        try:
            paths = json.loads(payload.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            return
        if isinstance(paths, list):
            self.pathsReceived.emit([Path(str(p)) for p in paths])
