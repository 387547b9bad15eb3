"""A small fake Telegram Bot API server on 127.0.0.1 (http.server in a thread) for end-to-end tests.

It speaks what python-telegram-bot uses: getMe, deleteWebhook, getUpdates (a queue the test feeds;
answers within ~1 s), sendMessage (recorded; rejects unbalanced HTML and unescaped MarkdownV2 when a
parse_mode is set, text over 4096 characters, callback_data over 64 bytes), editMessageText,
editMessageReplyMarkup, answerCallbackQuery, sendDocument (multipart), getFile and file downloads
(paths unquoted: PTB quotes the token's ':'), setMyCommands.

Faults can be injected per method with `fail()`: a 5xx answer, a connection closed without an answer,
or a 429 with `retry_after` (PTB raises RetryAfter); `faults_served` records each one served.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import re
import threading
import time
from collections.abc import AsyncIterator, Callable
from email.message import Message
from email.parser import BytesParser
from email.policy import HTTP
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote

BOT_ID = 7000001
CHAT_ACTIONS = {"typing", "upload_photo", "record_voice", "upload_voice", "upload_document", "choose_sticker"}
# A few of the emoji Telegram accepts as reactions (the full list is in the Bot API's ReactionTypeEmoji).
REACTION_EMOJI = {"👍", "👎", "❤", "🔥", "🎉", "👌", "✍", "🤝", "👀", "🙏"}
MARKDOWN_V2_SPECIAL = set("_*[]()~`>#+-=|{}.!")
HTML_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "span", "tg-spoiler",
             "blockquote", "tg-emoji"}  # fmt: skip


class _TagChecker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.error: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in HTML_TAGS:
            self.error = self.error or f'Unsupported start tag "{tag}"'
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.error = self.error or f'Unexpected end tag "{tag}"'


def html_error(text: str) -> str | None:
    """Why Telegram would reject `text` as HTML, or None."""
    checker = _TagChecker()
    checker.feed(text)
    checker.close()
    if checker.error:
        return checker.error
    if checker.stack:
        return f'Can\'t find end tag corresponding to start tag "{checker.stack[-1]}"'
    if re.search(r"<(?![a-zA-Z/])|&(?![a-zA-Z]+;|#\d+;)", text):
        return "Unsupported '<' or '&' that is not an entity"
    return None


def markdown_v2_error(text: str) -> str | None:
    """Why Telegram would reject `text` as MarkdownV2 (a reserved character not escaped), or None."""
    escaped = False
    pairs = {"*": 0, "_": 0, "~": 0, "`": 0, "|": 0}
    for ch in text:
        if escaped:
            escaped = False
            continue
        if ch == "\\":
            escaped = True
        elif ch in pairs:
            pairs[ch] += 1
        elif ch in MARKDOWN_V2_SPECIAL and ch not in "[]()":
            return f"Character '{ch}' is reserved and must be escaped with the preceding '\\'"
    for ch, count in pairs.items():
        if count % 2:
            return f"Can't find end of the entity starting with '{ch}'"
    return None


class FakeBotAPI:
    """The fake server: feed updates with push_*; read what the bot sent in `sent`."""

    def settings(self, data_dir: Any, allowed: Any, **extra: Any) -> Any:
        """Offline Chet settings pointing the bot at this server, for these allowed user ids."""
        from pydantic import SecretStr

        from bot.settings import Settings

        extra.setdefault("chet_digest_time", "23:59")  # no start-up digest catch-up unless a test asks
        return Settings(
            chet_data_dir=data_dir,
            chet_offline=True,
            telegram_bot_token=SecretStr(self.token),
            telegram_base_url=self.base_url,
            telegram_base_file_url=self.base_file_url,
            telegram_allowed_users=",".join(str(u) for u in allowed),
            _env_file=None,
            **extra,
        )

    def __init__(self, token: str = "123456:TEST-fake-token", max_wait: float = 1.0) -> None:
        self.token = token
        self.max_wait = max_wait  # the longest a getUpdates call is held open
        self.sent: list[dict[str, Any]] = []  # sendMessage, editMessageText, sendDocument, ... in order
        self.actions: list[dict[str, Any]] = []  # sendChatAction calls ("typing")
        self.reactions: list[dict[str, Any]] = []  # setMessageReaction calls
        self.pushed: dict[int, dict[str, Any]] = {}  # update_id -> every update queued, for lookups
        self.calls: list[str] = []
        self.answered: list[dict[str, Any]] = []
        self.files: dict[str, tuple[str, bytes]] = {}
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._ids = itertools.count(1)
        self._cond = threading.Condition()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.port = 0
        self.webhook: dict[str, Any] | None = None
        self._faults: dict[str, list[tuple[str, int]]] = {}
        self.faults_served: list[tuple[str, str, float]] = []  # (method, kind, perf_counter) of each fault

    # -- lifecycle -----------------------------------------------------------------------

    def start(self) -> FakeBotAPI:
        """Listen on a free loopback port in a background thread."""
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms delayed-ACK stall

            def log_message(self, format: str, *args: Any) -> None:  # quiet
                return

            def do_GET(self) -> None:
                fake._handle(self, b"")

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                fake._handle(self, self.rfile.read(length) if length else b"")

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, name="fake-bot-api", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop listening."""
        with self._cond:
            self._cond.notify_all()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def __enter__(self) -> FakeBotAPI:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        """What TELEGRAM_BASE_URL would be (PTB appends the token)."""
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        """What TELEGRAM_BASE_FILE_URL would be."""
        return f"http://127.0.0.1:{self.port}/file/bot"

    # -- feeding updates -----------------------------------------------------------------

    def push(self, update: dict[str, Any]) -> int:
        """Queue a raw update (its update_id is assigned); returns the id."""
        with self._cond:
            update["update_id"] = next(self._update_ids)
            update["_queued_at"] = time.perf_counter()
            self._updates.append(update)
            self.pushed[update["update_id"]] = update  # kept: a test may look up the message it sent
            self._cond.notify_all()
            return int(update["update_id"])

    @staticmethod
    def _person(user_id: int) -> dict[str, Any]:
        return {"id": user_id, "is_bot": False, "first_name": f"User{user_id}", "username": f"user{user_id}"}

    def _message(self, user_id: int, **fields: Any) -> dict[str, Any]:
        return {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": user_id, "type": "private", "first_name": f"User{user_id}"},
            "from": self._person(user_id),
            **fields,
        }

    def push_text(self, user_id: int, text: str) -> int:
        """A text message from a user (commands carry a bot_command entity, as Telegram sends them)."""
        fields: dict[str, Any] = {"text": text}
        m = re.match(r"/\w+(@\w+)?", text)
        if m:
            fields["entities"] = [{"type": "bot_command", "offset": 0, "length": m.end()}]
        return self.push({"message": self._message(user_id, **fields)})

    def push_callback(self, user_id: int, data: str, message: dict[str, Any] | None = None) -> str:
        """A button tap on `message` (by default a stand-in bot message)."""
        query_id = f"cq{next(self._ids)}"
        origin = message or {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": user_id, "type": "private"},
            "from": self.me(),
            "text": "(a message with buttons)",
        }
        origin = {k: v for k, v in origin.items() if not k.startswith("_")}
        query = {"id": query_id, "from": self._person(user_id), "chat_instance": "ci1", "data": data, "message": origin}
        self.push({"callback_query": query})
        return query_id

    def add_file(self, data: bytes, suffix: str = "oga") -> str:
        """Make a downloadable file; returns its file_id."""
        file_id = f"file{next(self._ids)}"
        self.files[file_id] = (f"voice/{file_id}.{suffix}", data)
        return file_id

    def push_voice(self, user_id: int, audio: bytes, duration: int = 3, size: int | None = None) -> int:
        """A voice message (OGG/Opus) whose audio can be downloaded with getFile."""
        file_id = self.add_file(audio)
        voice = {
            "file_id": file_id,
            "file_unique_id": f"u{file_id}",
            "duration": duration,
            "mime_type": "audio/ogg",
            "file_size": len(audio) if size is None else size,
        }
        return self.push({"message": self._message(user_id, voice=voice)})

    def push_video_note(self, user_id: int) -> int:
        """A round video message."""
        note = {"file_id": "vn1", "file_unique_id": "uvn1", "length": 240, "duration": 4, "file_size": 1000}
        return self.push({"message": self._message(user_id, video_note=note)})

    def push_document(self, user_id: int, data: bytes, file_name: str, mime_type: str) -> int:
        """Any file sent as a document (a PNG, a PDF, ...)."""
        file_id = self.add_file(data, file_name.rsplit(".", 1)[-1])
        doc = {
            "file_id": file_id,
            "file_unique_id": f"u{file_id}",
            "file_name": file_name,
            "mime_type": mime_type,
            "file_size": len(data),
        }
        return self.push({"message": self._message(user_id, document=doc)})

    def push_photo(self, user_id: int, data: bytes) -> int:
        """A photo (one size)."""
        file_id = self.add_file(data, "jpg")
        size = {"file_id": file_id, "file_unique_id": f"u{file_id}", "width": 2, "height": 2, "file_size": len(data)}
        return self.push({"message": self._message(user_id, photo=[size])})

    def push_audio_document(self, user_id: int, audio: bytes) -> int:
        """An audio file sent as a document."""
        file_id = self.add_file(audio, "mp3")
        doc = {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_name": "memo.mp3", "mime_type": "audio/mpeg"}
        return self.push({"message": self._message(user_id, document=doc)})

    # -- faults --------------------------------------------------------------------------

    def fail(self, method: str, kind: str, times: int = 1, retry_after: int = 1) -> None:
        """Make the next `times` calls of `method` ("download" for file downloads) fail: "500"/"502"/"503" (a 5xx answer), "drop" (the
        connection is closed without an answer) or "429" (flood control with `retry_after` seconds)."""
        if kind not in {"500", "502", "503", "drop", "429"}:
            raise ValueError(f"unknown fault {kind!r}")
        with self._cond:
            self._faults.setdefault(method, []).extend([(kind, retry_after)] * times)

    def _take_fault(self, method: str) -> tuple[str, int] | None:
        with self._cond:
            queue = self._faults.get(method)
            if not queue:
                return None
            fault = queue.pop(0)
            self.faults_served.append((method, fault[0], time.perf_counter()))
            return fault

    def _serve_fault(self, req: BaseHTTPRequestHandler, fault: tuple[str, int]) -> None:
        kind, retry_after = fault
        if kind == "drop":
            req.close_connection = True  # no status line, no body: the client sees the connection close
            return
        if kind == "429":
            doc = {
                "ok": False,
                "error_code": 429,
                "description": f"Too Many Requests: retry after {retry_after}",
                "parameters": {"retry_after": retry_after},
            }
            return self._reply(req, 429, doc)
        return self._reply(
            req, int(kind), {"ok": False, "error_code": int(kind), "description": "Internal Server Error"}
        )

    # -- reading what the bot did ----------------------------------------------------------

    def to(self, chat_id: int, after: int = 0, method: str | None = None) -> list[dict[str, Any]]:
        """What was sent to `chat_id` (from index `after` of `sent`)."""
        return [
            m for m in self.sent[after:] if m.get("chat_id") == chat_id and (method is None or m["method"] == method)
        ]

    def mark(self) -> int:
        """The current length of `sent`, to read only what comes next."""
        return len(self.sent)

    async def wait_for(
        self, chat_id: int, predicate: Callable[[dict[str, Any]], bool], after: int = 0, timeout: float = 15.0
    ) -> dict[str, Any]:
        """The first message to `chat_id` after `after` that satisfies `predicate` (waits for it)."""
        deadline = time.monotonic() + timeout
        while True:
            for m in self.to(chat_id, after):
                if predicate(m):
                    return m
            if time.monotonic() > deadline:
                texts = [m.get("text") for m in self.to(chat_id, after)]
                raise AssertionError(f"nothing matching arrived for {chat_id} in {timeout} s; got {texts!r}")
            await asyncio.sleep(0.01)

    async def wait_text(self, chat_id: int, needle: str, after: int = 0, timeout: float = 15.0) -> dict[str, Any]:
        """The first message to `chat_id` whose text contains `needle`."""
        return await self.wait_for(chat_id, lambda m: needle in (m.get("text") or ""), after, timeout)

    def me(self) -> dict[str, Any]:
        """The bot's own User object."""
        return {
            "id": BOT_ID,
            "is_bot": True,
            "first_name": "Chet",
            "username": "chet_test_bot",
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }

    # -- HTTP ----------------------------------------------------------------------------

    def _handle(self, req: BaseHTTPRequestHandler, body: bytes) -> None:
        path = unquote(req.path.split("?", 1)[0])
        if path.startswith("/file/bot"):
            token, _, file_path = path[len("/file/bot") :].partition("/")
            found = [data for fp, data in self.files.values() if fp == file_path]
            fault = self._take_fault("download")
            if fault is not None:
                return self._serve_fault(req, fault)
            if token != self.token or not found:
                return self._reply(req, 404, {"ok": False, "error_code": 404, "description": "Not Found"})
            return self._raw(req, 200, found[0], "application/octet-stream")
        m = re.match(r"^/bot(?P<token>[^/]+)/(?P<method>\w+)$", path)
        if not m or m.group("token") != self.token:
            return self._reply(req, 401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
        method = m.group("method")
        params, uploads = self._params(req, body)
        self.calls.append(method)
        fault = self._take_fault(method)
        if fault is not None:
            return self._serve_fault(req, fault)
        handler = getattr(self, f"_api_{method.lower()}", None)
        if handler is None:
            return self._reply(req, 404, {"ok": False, "error_code": 404, "description": "Not Found: method not found"})
        try:
            result = handler(params, uploads)
        except _BadRequest as err:
            return self._reply(req, 400, {"ok": False, "error_code": 400, "description": f"Bad Request: {err}"})
        return self._reply(req, 200, {"ok": True, "result": result})

    @staticmethod
    def _params(req: BaseHTTPRequestHandler, body: bytes) -> tuple[dict[str, Any], dict[str, tuple[str, bytes]]]:
        ctype = req.headers.get("Content-Type", "")
        params: dict[str, Any] = {}
        uploads: dict[str, tuple[str, bytes]] = {}
        if ctype.startswith("application/json"):
            params = json.loads(body or b"{}")
        elif ctype.startswith("multipart/form-data"):
            msg: Message = BytesParser(policy=HTTP).parsebytes(b"Content-Type: " + ctype.encode() + b"\r\n\r\n" + body)
            for part in msg.iter_parts():  # type: ignore[attr-defined]
                name = part.get_param("name", header="content-disposition")
                payload = part.get_payload(decode=True) or b""
                if part.get_filename():
                    uploads[name] = (part.get_filename(), payload)
                else:
                    params[name] = payload.decode("utf-8")
        elif body:
            params = {k: v[-1] for k, v in parse_qs(body.decode("utf-8"), keep_blank_values=True).items()}
        for key in ("reply_markup", "allowed_updates", "commands", "entities", "reaction"):
            if isinstance(params.get(key), str) and params[key][:1] in "[{":
                params[key] = json.loads(params[key])
        return params, uploads

    @staticmethod
    def _reply(req: BaseHTTPRequestHandler, status: int, doc: dict[str, Any]) -> None:
        FakeBotAPI._raw(req, status, json.dumps(doc).encode(), "application/json")

    @staticmethod
    def _raw(req: BaseHTTPRequestHandler, status: int, data: bytes, ctype: str) -> None:
        try:
            req.send_response(status)
            req.send_header("Content-Type", ctype)
            req.send_header("Content-Length", str(len(data)))
            req.end_headers()
            req.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up on a long poll: fine
            pass

    # -- methods -------------------------------------------------------------------------

    def _api_getme(self, p: dict[str, Any], u: Any) -> dict[str, Any]:
        return self.me()

    def _api_deletewebhook(self, p: dict[str, Any], u: Any) -> bool:
        return True

    def _api_setwebhook(self, p: dict[str, Any], u: Any) -> bool:
        self.webhook = p
        return True

    def _api_setmycommands(self, p: dict[str, Any], u: Any) -> bool:
        return True

    def _api_answercallbackquery(self, p: dict[str, Any], u: Any) -> bool:
        self.answered.append(p)
        return True

    def _api_getupdates(self, p: dict[str, Any], u: Any) -> list[dict[str, Any]]:
        offset = int(p.get("offset") or 0)
        wait = min(float(p.get("timeout") or 0), self.max_wait)
        deadline = time.monotonic() + wait
        with self._cond:
            while True:
                self._updates = [x for x in self._updates if x["update_id"] >= offset]
                if self._updates or time.monotonic() >= deadline:
                    break
                self._cond.wait(max(deadline - time.monotonic(), 0.0))
            return [{k: v for k, v in x.items() if not k.startswith("_")} for x in self._updates[:100]]

    def _check_text(self, p: dict[str, Any], key: str = "text") -> str:
        text = str(p.get(key) or "")
        if key == "text" and not text.strip():
            raise _BadRequest("message text is empty")
        if len(text) > 4096:
            raise _BadRequest("message is too long")
        mode = str(p.get("parse_mode") or "").lower()
        problem = html_error(text) if mode == "html" else markdown_v2_error(text) if mode == "markdownv2" else None
        if problem:
            raise _BadRequest(f"can't parse entities: {problem}")
        for row in (p.get("reply_markup") or {}).get("inline_keyboard", []):
            for button in row:
                if len(str(button.get("callback_data", "")).encode()) > 64:
                    raise _BadRequest("BUTTON_DATA_INVALID")
        return text

    def _record(self, method: str, p: dict[str, Any], **extra: Any) -> dict[str, Any]:
        chat_id = int(p["chat_id"])
        message = {
            "message_id": int(p.get("message_id") or next(self._message_ids)),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private"},
            "from": self.me(),
        }
        if p.get("text") is not None:
            message["text"] = p["text"]
        if p.get("reply_markup"):
            message["reply_markup"] = p["reply_markup"]
        entry = {
            "method": method,
            "chat_id": chat_id,
            "text": p.get("text") if p.get("text") is not None else p.get("caption"),
            "reply_markup": p.get("reply_markup"),
            "parse_mode": p.get("parse_mode"),
            "message": message,
            "at": time.perf_counter(),
            **extra,
        }
        self.sent.append(entry)
        return message

    def _api_sendmessage(self, p: dict[str, Any], u: Any) -> dict[str, Any]:
        self._check_text(p)
        return self._record("sendMessage", p)

    def _api_editmessagetext(self, p: dict[str, Any], u: Any) -> dict[str, Any]:
        self._check_text(p)
        return self._record("editMessageText", p)

    def _api_editmessagereplymarkup(self, p: dict[str, Any], u: Any) -> dict[str, Any]:
        return self._record("editMessageReplyMarkup", p)

    def _api_senddocument(self, p: dict[str, Any], uploads: dict[str, tuple[str, bytes]]) -> dict[str, Any]:
        self._check_text(p, "caption")
        if "document" not in uploads:
            raise _BadRequest("there is no document in the request")
        name, data = uploads["document"]
        message = self._record("sendDocument", p, filename=name, data=data)
        message["document"] = {"file_id": "doc1", "file_unique_id": "udoc1", "file_name": name}
        return message

    def _api_getfile(self, p: dict[str, Any], u: Any) -> dict[str, Any]:
        file_id = str(p.get("file_id"))
        if file_id not in self.files:
            raise _BadRequest("invalid file_id")
        file_path, data = self.files[file_id]
        if len(data) > 20 * 1024 * 1024:
            raise _BadRequest("file is too big")
        return {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_size": len(data), "file_path": file_path}

    def _api_sendchataction(self, p: dict[str, Any], u: Any) -> bool:
        if not p.get("chat_id") or p.get("action") not in CHAT_ACTIONS:
            raise _BadRequest("wrong chat action")
        self.actions.append({"chat_id": int(p["chat_id"]), "action": p["action"], "at": time.perf_counter()})
        return True

    def _api_setmessagereaction(self, p: dict[str, Any], u: Any) -> bool:
        reaction = p.get("reaction") or []
        if not p.get("chat_id") or not p.get("message_id"):
            raise _BadRequest("chat_id and message_id are required")
        if any(r.get("type") != "emoji" or r.get("emoji") not in REACTION_EMOJI for r in reaction):
            raise _BadRequest("REACTION_INVALID")
        self.reactions.append(
            {"chat_id": int(p["chat_id"]), "message_id": int(p["message_id"]), "emoji": [r["emoji"] for r in reaction]}
        )
        return True


@contextlib.asynccontextmanager
async def polling(app: Any) -> AsyncIterator[Any]:
    """Run a python-telegram-bot Application (long polling, e.g. against a FakeBotAPI) for the block."""
    await app.initialize()
    await app.updater.start_polling(poll_interval=0, timeout=1)
    await app.start()
    try:
        yield app
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()


class _BadRequest(Exception):
    """A 400 answer."""
