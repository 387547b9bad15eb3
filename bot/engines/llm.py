"""The LLM port: one small interface, the OpenAI-compatible adapter, and a scripted fake for tests.

`OpenAIEngine` talks Chat Completions (any OpenAI-compatible server: OpenAI, Ollama, vLLM) with the
SDK's own retries off: it retries transient failures itself (429, 408/409, 5xx, timeouts, connection
errors) with exponential backoff and jitter and honours Retry-After up to a cap, all within one
overall deadline per request (`CHET_LLM_TIMEOUT`, retries and waits included): each attempt gets
only the time left, and a server that never answers (or trickles its answer) is abandoned when the
deadline passes. `llm_deadline` narrows that deadline for a whole use case (a draft's regenerations).
Every failure becomes an `EngineError` whose message is fit for the user; every exchange is passed
to `log`.
"""

from __future__ import annotations

import copy
import email.utils
import functools
import json
import logging
import random
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Any, Generic, Literal, Protocol, TypeVar

from pydantic import BaseModel, ValidationError

from bot.engines.llm_deadline import deadline_left, llm_deadline
from memory.errors import EngineError

if TYPE_CHECKING:
    import openai
    from openai.types.chat import ChatCompletionMessageParam

    from bot.settings import Settings

__all__ = ["LLM", "LogFn", "OpenAIEngine", "ScriptedLLM", "build_llm", "llm_deadline"]

T = TypeVar("T", bound=BaseModel)
R = TypeVar("R")
LogFn = Callable[[dict[str, Any]], None]

TRANSCRIBE_BUDGET_S = 90.0  # a voice note (up to MAX_VOICE_SECONDS of speech) may take this long to transcribe
RETRY_AFTER_CAP_S = 20.0  # a server asking for a longer pause is not waited for
BACKOFF_BASE_S = 0.5
BACKOFF_CAP_S = 8.0
MIN_ATTEMPT_S = 1.0  # do not start a retry with less time than this left (a quarter of a shorter deadline)
ABANDON_GRACE_S = 0.25  # the SDK's own timeout should fire first; past this the attempt is abandoned
_RETRYABLE_STATUS = {408, 409, 429}

logger = logging.getLogger(__name__)


@functools.cache
def _sdk() -> ModuleType:
    """The OpenAI SDK, imported when the first engine is built (so importing this module costs nothing)."""
    import openai  # ~1.5 s to import: an offline command, which builds no engine, never loads it

    return openai


class _Abandoned(Exception):
    """An attempt outlived the deadline; it was left to finish (and be discarded) in its thread."""


def _within(call: Callable[[], R], seconds: float) -> R:
    """Run `call` in a daemon thread and wait at most `seconds` for it; raise _Abandoned after that.

    httpx's timeouts bound each read, not the whole response, so a server that trickles bytes could hold
    the caller far past its deadline; the salesperson gets the offline answer instead.
    """
    done = threading.Event()
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = call()
        except BaseException as err:  # handed to the caller below
            box["error"] = err
        finally:
            done.set()

    threading.Thread(target=run, name="chet-llm-call", daemon=True).start()
    if not done.wait(max(seconds, 0.0)):
        raise _Abandoned
    if "error" in box:
        raise box["error"]
    value: R = box["value"]
    return value


class LLM(Protocol):
    """What Chet needs from a language model: a typed answer to one prompt."""

    name: str

    def structured(self, task: str, prompt: str, schema: type[T], system: str | None = None) -> T:
        """Answer `prompt` as an instance of `schema`; raises EngineError."""
        ...


@dataclass
class _Reply(Generic[R]):
    value: R
    text: str | None
    prompt_tokens: int | None = None
    completion_tokens: int | None = None


@dataclass
class _Failure:
    message: str
    kind: Literal["transient", "bad_output", "fatal"]
    retry_after: float | None = None
    response: str | None = None


class _BadOutput(Exception):
    """The server answered, but not with something usable."""

    def __init__(self, message: str, response: str | None, retry: bool = True):
        super().__init__(message)
        self.message, self.response, self.retry = message, response, retry


def _messages(prompt: str, system: str | None) -> list[ChatCompletionMessageParam]:
    user: ChatCompletionMessageParam = {"role": "user", "content": prompt}
    if not system:
        return [user]
    return [{"role": "system", "content": system}, user]


def retry_after_seconds(headers: Any) -> float | None:
    """Seconds a response asks us to wait (Retry-After-Ms, Retry-After seconds or HTTP date), if any."""
    if headers is None:
        return None
    millis = headers.get("retry-after-ms")
    if millis is not None:
        try:
            return max(float(millis) / 1000, 0.0)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(float(value), 0.0)
    except ValueError:
        parsed = email.utils.parsedate_tz(value)
        return None if parsed is None else max(email.utils.mktime_tz(parsed) - time.time(), 0.0)


def _content_of(body: str) -> str:
    """The assistant message inside a raw Chat Completions body (the body itself if it has none)."""
    try:
        content = json.loads(body)["choices"][0]["message"]["content"]
    except (ValueError, KeyError, IndexError, TypeError):
        return body
    return content if isinstance(content, str) else body


def _status_failure(err: openai.APIStatusError) -> _Failure:
    code = err.status_code
    if code == 429:
        return _Failure("the model is rate-limited", "transient", retry_after_seconds(err.response.headers))
    if code in _RETRYABLE_STATUS or code >= 500:
        return _Failure(
            f"the model server failed (HTTP {code})", "transient", retry_after_seconds(err.response.headers)
        )
    if code in {401, 403}:
        return _Failure(f"the model server refused the credentials (HTTP {code})", "fatal")
    detail = err.body.get("message") if isinstance(err.body, dict) else None
    suffix = f": {str(detail)[:200]}" if detail else ""
    return _Failure(f"the model server rejected the request (HTTP {code}){suffix}", "fatal")


def _classify(err: Exception) -> _Failure | None:
    """Turn an exception from one attempt into a failure, or None for a bug that must propagate."""
    openai = _sdk()
    if isinstance(err, _BadOutput):
        return _Failure(err.message, "bad_output" if err.retry else "fatal", response=err.response)
    if isinstance(err, openai.APITimeoutError | _Abandoned):
        return _Failure("the model timed out", "transient")
    if isinstance(err, openai.APIConnectionError):
        return _Failure("could not reach the model server", "transient")
    if isinstance(err, openai.APIStatusError):
        return _status_failure(err)
    if isinstance(err, ValidationError | json.JSONDecodeError | openai.APIResponseValidationError):
        return _Failure("the model returned invalid JSON", "bad_output")
    if isinstance(err, openai.LengthFinishReasonError):
        return _Failure("the model's answer was cut off (too long)", "fatal")
    if isinstance(err, openai.ContentFilterFinishReasonError):
        return _Failure("the model declined to answer (content filter)", "fatal")
    if isinstance(err, openai.OpenAIError):
        return _Failure(f"the model call failed ({type(err).__name__})", "fatal")
    return None


class OpenAIEngine:
    """The OpenAI SDK (sync client) against OpenAI or any compatible server."""

    name = "openai"

    def __init__(
        self,
        *,
        api_key: str | None,
        base_url: str | None,
        model: str,
        timeout: float = 20.0,
        retries: int = 2,
        http_client: Any = None,
        log: LogFn | None = None,
        sleep: Callable[[float], None] = time.sleep,
        transcribe_model: str = "whisper-1",
        budget: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.model, self.transcribe_model = model, transcribe_model
        # `timeout` is the whole request's deadline, retries included, unless a budget is given
        self.timeout, self.retries = timeout, max(retries, 0)
        self.budget = timeout if budget is None else budget
        self._log, self._sleep, self._clock = log, sleep, clock
        self._secret = api_key if api_key and len(api_key) >= 8 else ""  # a dummy "x" key is no secret
        # A compatible local server (Ollama, vLLM) needs no key, but the SDK insists on one.
        self._client = _sdk().OpenAI(
            api_key=api_key or "not-needed",
            base_url=base_url,
            timeout=timeout,
            max_retries=0,
            http_client=http_client,
        )

    @property
    def client(self) -> openai.OpenAI:
        """The OpenAI SDK client (one connection pool), shared by every view of this engine."""
        return self._client

    def logging_to(self, log: LogFn | None) -> OpenAIEngine:
        """This engine, same client and deadline, passing its exchanges to `log` (one salesperson's ledger)."""
        view = copy.copy(self)
        view._log = log
        return view

    # -- public calls --------------------------------------------------------------------

    def structured(self, task: str, prompt: str, schema: type[T], system: str | None = None) -> T:
        """Ask for a JSON answer parsed into `schema` (Structured Outputs); raises EngineError."""
        messages = _messages(prompt, system)

        def call(timeout: float) -> _Reply[T]:
            raw = self._client.chat.completions.with_raw_response.parse(
                model=self.model, messages=messages, response_format=schema, timeout=timeout
            )
            body = raw.text
            try:
                completion = raw.parse()
            except (ValidationError, json.JSONDecodeError) as err:
                raise _BadOutput("the model returned invalid JSON", _content_of(body)) from err
            message = completion.choices[0].message if completion.choices else None
            if message is not None and message.refusal:
                raise _BadOutput("the model declined to answer", message.refusal, retry=False)
            if message is None or not message.content or message.parsed is None:
                raise _BadOutput("the model returned an empty answer", body)
            usage = completion.usage
            return _Reply(
                message.parsed,
                message.content,
                usage.prompt_tokens if usage else None,
                usage.completion_tokens if usage else None,
            )

        return self._run(task, json.dumps(messages, ensure_ascii=False), call)

    def text(self, task: str, prompt: str, system: str | None = None) -> str:
        """Ask for free text; raises EngineError."""
        messages = _messages(prompt, system)

        def call(timeout: float) -> _Reply[str]:
            completion = self._client.chat.completions.create(model=self.model, messages=messages, timeout=timeout)
            message = completion.choices[0].message if completion.choices else None
            if message is not None and message.refusal:
                raise _BadOutput("the model declined to answer", message.refusal, retry=False)
            if message is None or not (message.content or "").strip():
                raise _BadOutput("the model returned an empty answer", None)
            usage = completion.usage
            return _Reply(
                message.content or "",
                message.content,
                usage.prompt_tokens if usage else None,
                usage.completion_tokens if usage else None,
            )

        return self._run(task, json.dumps(messages, ensure_ascii=False), call)

    def transcribe(self, audio: bytes, filename: str) -> str:
        """Speech to text with the transcription API (Telegram's .ogg works as is); raises EngineError."""

        def call(timeout: float) -> _Reply[str]:
            result = self._client.audio.transcriptions.create(
                model=self.transcribe_model, file=(filename, audio), timeout=timeout
            )
            return _Reply(result.text, result.text)

        prompt = f"[audio {filename!r}, {len(audio)} bytes]"
        budget = max(self.budget, TRANSCRIBE_BUDGET_S)  # minutes of speech take longer than a reply
        return self._run("transcribe", prompt, call, model=self.transcribe_model, budget=budget)

    # -- retries and logging -------------------------------------------------------------

    def _run(
        self,
        task: str,
        prompt: str,
        call: Callable[[float], _Reply[R]],
        model: str | None = None,
        budget: float | None = None,
    ) -> R:
        model = model or self.model
        deadline = self._clock() + (budget or self.budget)
        scope = deadline_left()
        if scope is not None:  # the enclosing use case's deadline
            deadline = min(deadline, self._clock() + scope)
        bad_outputs = 0
        attempt = 0
        while True:
            started = self._clock()
            left = deadline - started
            try:
                if left <= 0:
                    raise _Abandoned
                reply = _within(functools.partial(call, left), left + ABANDON_GRACE_S)
            except Exception as err:
                failure = _classify(err)
                error = failure.message if failure else f"unexpected {type(err).__name__}"
                self._record(model, task, prompt, started, error=error, response=failure.response if failure else None)
                if failure is None:
                    raise
                wait = self._wait_before_retry(failure, attempt, bad_outputs, deadline)
                if wait is None:
                    raise EngineError(self._scrub(failure.message)) from err
                if failure.kind == "bad_output":
                    bad_outputs += 1
                attempt += 1
                if wait > 0:
                    self._sleep(wait)
                continue
            self._record(model, task, prompt, started, reply=reply)
            return reply.value

    def _wait_before_retry(self, failure: _Failure, attempt: int, bad_outputs: int, deadline: float) -> float | None:
        """Seconds to wait before the next attempt, or None to give up."""
        if failure.kind == "fatal" or attempt >= self.retries:
            return None
        if failure.kind == "bad_output":
            return 0.0 if bad_outputs == 0 else None
        if failure.retry_after is not None:
            if failure.retry_after > RETRY_AFTER_CAP_S:
                return None
            wait = failure.retry_after
        else:
            wait = min(BACKOFF_CAP_S, BACKOFF_BASE_S * 2**attempt) + random.uniform(0, BACKOFF_BASE_S)
        if self._clock() + wait + min(MIN_ATTEMPT_S, self.budget / 4) > deadline:
            return None
        return wait

    def _scrub(self, text: str) -> str:
        """The text with the API key (should a server echo it) redacted."""
        return text.replace(self._secret, "[redacted]") if self._secret else text

    def _record(
        self,
        model: str,
        task: str,
        prompt: str,
        started: float,
        reply: _Reply[Any] | None = None,
        response: str | None = None,
        error: str | None = None,
    ) -> None:
        """Pass one exchange to the log callback, with the API key scrubbed from every text."""
        if self._log is None:
            return
        entry: dict[str, Any] = {
            "model": model,
            "task": task,
            "prompt": prompt,
            "response": reply.text if reply else response,
            "prompt_tokens": reply.prompt_tokens if reply else None,
            "completion_tokens": reply.completion_tokens if reply else None,
            "latency_ms": round((self._clock() - started) * 1000),
            "error": error,
        }
        entry = {k: self._scrub(v) if isinstance(v, str) else v for k, v in entry.items()}
        try:
            self._log(entry)
        except Exception:
            logger.exception("could not record an LLM exchange (task %s)", task)


Answer = BaseModel | dict[str, Any] | str
Scripted = Answer | Exception


class ScriptedLLM:
    """A real LLM whose answers a test enqueues; it records every prompt it receives."""

    def __init__(self, *responses: Scripted, name: str = "scripted", log: LogFn | None = None):
        self.name = name
        self._queue: deque[Scripted] = deque(responses)
        self._log = log
        self.prompts: list[tuple[str, str]] = []  # (task, prompt), in order
        self.systems: list[str | None] = []

    def enqueue(self, response: Scripted) -> None:
        """Queue the next answer: a model or dict (structured), a str (text, or raw JSON), or an exception."""
        self._queue.append(response)

    @property
    def pending(self) -> int:
        """How many queued answers are left."""
        return len(self._queue)

    def _next(self, task: str, prompt: str, system: str | None) -> Answer:
        self.prompts.append((task, prompt))
        self.systems.append(system)
        if not self._queue:
            self._record(task, prompt, None, "no scripted response left")
            raise EngineError(f"the scripted model has no answer left for {task!r}")
        response = self._queue.popleft()
        if isinstance(response, Exception):
            self._record(task, prompt, None, str(response))
            raise response
        return response

    def structured(self, task: str, prompt: str, schema: type[T], system: str | None = None) -> T:
        """Return the next queued answer as `schema`; raises EngineError when it does not fit."""
        response = self._next(task, prompt, system)
        text = response if isinstance(response, str) else json.dumps(_plain(response))
        try:
            value = schema.model_validate_json(text)
        except ValidationError as err:
            self._record(task, prompt, text, "the model returned invalid JSON")
            raise EngineError("the model returned invalid JSON") from err
        self._record(task, prompt, text, None)
        return value

    def text(self, task: str, prompt: str, system: str | None = None) -> str:
        """Return the next queued answer as text."""
        response = self._next(task, prompt, system)
        text = response if isinstance(response, str) else json.dumps(_plain(response))
        self._record(task, prompt, text, None)
        return text

    def _record(self, task: str, prompt: str, response: str | None, error: str | None) -> None:
        if self._log is not None:
            self._log(
                {
                    "model": self.name,
                    "task": task,
                    "prompt": prompt,
                    "response": response,
                    "prompt_tokens": None,
                    "completion_tokens": None,
                    "latency_ms": 0,
                    "error": error,
                }
            )


def _plain(response: BaseModel | dict[str, Any]) -> Any:
    return response.model_dump(mode="json") if isinstance(response, BaseModel) else response


def build_llm(settings: Settings, log: LogFn | None = None) -> OpenAIEngine | None:
    """The configured LLM engine, or None when the settings allow no LLM (offline, or no key and no server)."""
    if not settings.llm_enabled:
        return None
    key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else None
    return OpenAIEngine(
        api_key=key,
        base_url=settings.openai_base_url,
        model=settings.chet_model,
        timeout=settings.chet_llm_timeout,
        transcribe_model=settings.chet_transcribe_model,
        log=log,
    )
