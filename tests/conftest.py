"""Shared fixtures: no network beyond loopback, isolated data dirs, a real memory per test."""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_getaddrinfo = socket.getaddrinfo


def _is_loopback(address: Any) -> bool:
    if isinstance(address, str | bytes):
        return True  # AF_UNIX sockets
    if not (isinstance(address, tuple) and address):
        return False
    host = address[0]
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _guarded_connect(self: socket.socket, address: Any) -> Any:
    if not _is_loopback(address):
        raise RuntimeError(f"tests must not touch the network: connect to {address!r}")
    return _real_connect(self, address)


def _guarded_connect_ex(self: socket.socket, address: Any) -> Any:
    if not _is_loopback(address):
        raise RuntimeError(f"tests must not touch the network: connect to {address!r}")
    return _real_connect_ex(self, address)


def _guarded_getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
    name = host.decode() if isinstance(host, bytes) else host
    if name not in (None, "localhost") and not _is_loopback((name, 0)):
        raise RuntimeError(f"tests must not touch the network: resolve {name!r}")
    return _real_getaddrinfo(host, *args, **kwargs)


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fail any connection that leaves the machine (loopback only)."""
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", _guarded_connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", _guarded_getaddrinfo)
    yield


# `CHET_TEST_LEDGER=postgres make test` runs the whole suite with the ledger on PostgreSQL.
TEST_LEDGER = os.environ.get("CHET_TEST_LEDGER", "sqlite")


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    """No real keys, tokens or data dirs leak into a test; `.env` of the checkout is not read."""
    for key in list(os.environ):
        if key.startswith(("OPENAI_", "TELEGRAM_", "CHET", "CHROMA_", "SMTP_", "DATABASE_URL")):
            monkeypatch.delenv(key, raising=False)
    if TEST_LEDGER == "postgres" and "sqlite_only" not in request.keywords:
        monkeypatch.setenv("DATABASE_URL", request.getfixturevalue("postgres_url"))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TIKTOKEN_CACHE_DIR", str(tmp_path.parent / "tiktoken-cache"))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A fresh data directory."""
    d = tmp_path / "data"
    d.mkdir()
    return d


@pytest.fixture
def settings(data_dir: Path) -> Any:
    """Offline settings on a fresh data dir."""
    from bot.settings import Settings

    return Settings(chet_data_dir=data_dir, chet_offline=True, _env_file=None)


@pytest.fixture
def runtime(settings: Any) -> Any:
    """A runtime over the offline settings."""
    from bot.runtime import Runtime

    return Runtime(settings)


@pytest.fixture
def memory(runtime: Any) -> Any:
    """The 'local' salesperson's memory on a fresh data dir."""
    return runtime.memory("local")


@pytest.fixture
def chat(runtime: Any, request: pytest.FixtureRequest) -> Any:
    """The conversation (the chat core) over the offline runtime: no transcriber, or in a module marked
    `scripted_voice` a ScriptedTranscriber (voice notes arrive, with nothing queued)."""
    from bot.chat.conversation import Conversation
    from bot.engines.voice import ScriptedTranscriber

    voice = request.node.get_closest_marker("scripted_voice") is not None
    return Conversation(runtime, transcriber=ScriptedTranscriber() if voice else None)


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    """A real `chroma run` server on 127.0.0.1 for the scale-path tests (started once per session)."""
    import subprocess
    import sys
    import time
    import urllib.request

    from tests.helpers import free_port

    exe = Path(sys.executable).parent / "chroma"
    if not exe.exists():
        pytest.skip("the chroma CLI is not installed in this environment")
    port = free_port()
    path = tmp_path_factory.mktemp("chroma-server")
    proc = subprocess.Popen(
        [str(exe), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1).read()
            break
        except OSError:
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                pytest.fail("the chroma server did not start")
            time.sleep(0.2)
    yield "127.0.0.1", port
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A real PostgreSQL server on loopback (CHET_TEST_DATABASE_URL, else a private cluster started here)."""
    from tests import pg_server

    url = os.environ.get("CHET_TEST_DATABASE_URL")
    if url:
        yield url
        return
    if not pg_server.available():
        if os.environ.get("CI"):
            pytest.fail("CI must test the PostgreSQL ledger: apt-get install postgresql")
        pytest.skip("PostgreSQL is not installed here (apt-get install postgresql)")
    with pg_server.running_server() as url:
        yield url


@pytest.fixture
def postgres_url(postgres_server: str, request: pytest.FixtureRequest) -> Iterator[str]:
    """A DATABASE_URL on an empty schema of its own (dropped after the test)."""
    import re
    import uuid

    from tests import pg_server

    name = "t_" + re.sub(r"\W", "_", request.node.name)[:40].lower() + "_" + uuid.uuid4().hex[:8]
    with pg_server.fresh_schema(postgres_server, name) as url:
        yield url


@pytest.fixture(params=["embedded", "server", "postgres"])
def any_runtime(request: pytest.FixtureRequest, data_dir: Path) -> Any:
    """A runtime on each back end: embedded Chroma + SQLite, a real Chroma server, a real PostgreSQL ledger."""
    from bot.runtime import Runtime
    from bot.settings import Settings

    extra: dict[str, Any] = {}
    if request.param == "server":
        host, port = request.getfixturevalue("chroma_server")
        extra = {"chroma_host": host, "chroma_port": port}
    elif request.param == "postgres":
        extra = {"database_url": request.getfixturevalue("postgres_url")}
    settings = Settings(chet_data_dir=data_dir, chet_offline=True, _env_file=None, **extra)
    return Runtime(settings)


@pytest.fixture
def any_memory(any_runtime: Any) -> Any:
    """The 'local' salesperson's memory on each vector store."""
    return any_runtime.memory("local")
