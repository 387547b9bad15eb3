"""A fake OpenAI-compatible server on 127.0.0.1: scripted replies, every request recorded."""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class FakeOpenAI:
    """Serve /v1/chat/completions and /v1/audio/transcriptions from a queue of scripted replies.

    A reply is a dict: {"content": str} (the model's message), {"status": 429, "headers": {...}},
    {"sleep": seconds, ...} (answer late), or {"text": "..."} for a transcription.
    """

    def __init__(self) -> None:
        self.replies: deque[dict[str, Any]] = deque()
        self.requests: list[dict[str, Any]] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # keep test output clean
                pass

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                try:
                    payload = (
                        json.loads(body) if self.headers.get("Content-Type", "").startswith("application/json") else {}
                    )
                except ValueError:
                    payload = {}
                fake.requests.append({"path": self.path, "json": payload, "headers": dict(self.headers)})
                reply = fake.replies.popleft() if fake.replies else {"status": 500}
                if reply.get("sleep"):
                    time.sleep(reply["sleep"])
                status = reply.get("status", 200)
                if status != 200:
                    self._send(
                        status,
                        {"error": {"message": "scripted error", "type": "server_error"}},
                        reply.get("headers", {}),
                    )
                    return
                if self.path.endswith("/audio/transcriptions"):
                    self._send(200, {"text": reply.get("text", "")})
                    return
                content = reply["content"] if isinstance(reply["content"], str) else json.dumps(reply["content"])
                self._send(
                    200,
                    {
                        "id": "chatcmpl-1",
                        "object": "chat.completion",
                        "created": int(time.time()),
                        "model": payload.get("model", "fake"),
                        "choices": [
                            {
                                "index": 0,
                                "finish_reason": "stop",
                                "message": {"role": "assistant", "content": content, "refusal": None},
                            }
                        ],
                        "usage": {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120},
                    },
                )

            def _send(self, status: int, doc: dict[str, Any], headers: dict[str, str] | None = None) -> None:
                data = json.dumps(doc).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    for k, v in (headers or {}).items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FakeOpenAI:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def reply(self, content: Any = None, **extra: Any) -> None:
        """Queue one reply."""
        item = dict(extra)
        if content is not None:
            item["content"] = content
        self.replies.append(item)
