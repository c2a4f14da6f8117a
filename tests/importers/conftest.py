"""Importer tests run with sockets disabled: any attempt to open a connection fails the test."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import pytest


class NetworkUsed(AssertionError):
    pass


class _RefusingSocket(socket.socket):
    # A class, not a function: modules imported during a test (ssl, urllib3) subclass it.
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise NetworkUsed("an importer tried to open a network connection")


def _refuse(*args: Any, **kwargs: Any) -> Any:
    raise NetworkUsed("an importer tried to open a network connection")


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(socket, "socket", _RefusingSocket)
    monkeypatch.setattr(socket, "create_connection", _refuse)
    monkeypatch.setattr(socket, "getaddrinfo", _refuse)
    yield
