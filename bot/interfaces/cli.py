"""The `chet` command line: thin wrappers over the use cases, per the contract in docs/contract.md."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from pydantic import ValidationError

from bot.interfaces.commands import log_to_file, run_command
from bot.interfaces.redact import redact_settings
from bot.settings import Settings
from memory import scrub_freed_memory
from memory.errors import BadInput, ChetError

log = logging.getLogger("chet")

COMMANDS = "import note search ask profile draft check digest export forget reindex log backup restore chat run"


class UsageError(BadInput):
    """A command-line usage error (argparse)."""


class Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so every error leaves through one door."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def build_parser() -> Parser:
    """The argument parser: global options, then one sub-command."""
    p = Parser(
        prog="chet",
        description="Chet remembers your clients and drafts truthful follow-ups. Commands: "
        + ", ".join(COMMANDS.split()),
    )
    p.add_argument("--offline", action="store_true", help="never call an LLM (also CHET_OFFLINE=1)")
    p.add_argument("--data-dir", type=Path, help="where data lives (default $CHET_DATA_DIR or the platform data dir)")
    p.add_argument("--user", help="the salesperson (default $CHET_USER, else 'local')")
    p.add_argument("-v", "--verbose", action="store_true", help="log to stderr")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    def cmd(name: str, help_text: str) -> Parser:
        sp: Parser = sub.add_parser(name, help=help_text, description=help_text)
        sp.add_argument("--json", action="store_true", help="print one JSON document")
        return sp

    sp = cmd("import", "import notes from a JSON Lines file: {id, client, text, at} per line")
    sp.add_argument("file", help="the .jsonl file ('-' for stdin)")
    sp = cmd("note", "add one note about a client; facts are extracted")
    sp.add_argument("client")
    sp.add_argument("text")
    sp.add_argument("--at", help="when it happened (ISO date or datetime; default now)")
    sp = cmd("search", "hybrid recall over the notes, best first")
    sp.add_argument("query", nargs="?")
    sp.add_argument("--client", help="only this client's notes")
    sp.add_argument("-k", type=int, default=10, help="how many results (default 10)")
    sp.add_argument("--queries", help="a JSON Lines file of {qid, query, client} to run in one process")
    sp = cmd("ask", "answer a question from the notes, citing them, or abstain")
    sp.add_argument("question")
    sp.add_argument("--client", help="the client the question is about")
    sp = cmd("profile", "a client's current facts, open promises and last contact")
    sp.add_argument("client")
    sp = cmd("draft", "draft a follow-up grounded in the notes; the truth guard checks it")
    sp.add_argument("client")
    sp.add_argument("purpose")
    sp = cmd("check", "run the truth guard on a text, as if sent to CLIENT at --at")
    sp.add_argument("client")
    sp.add_argument("--text-file", required=True, help="the message ('-' for stdin)")
    sp.add_argument("--at", help="when it would be sent (default now)")
    sp = cmd("digest", "the day's follow-ups: promises due, birthdays, keep-in-touch, drafts awaiting approval")
    sp.add_argument("--date", help="the day (YYYY-MM-DD; default today)")
    cmd("export", "all of this salesperson's data as JSON")
    sp = cmd("forget", "erase one client everywhere")
    sp.add_argument("client")
    cmd("reindex", "rebuild the vector index from the ledger")
    sp = cmd("log", "the latest LLM exchanges (prompt, response, tokens, latency)")
    sp.add_argument("-n", type=int, default=10)
    sp = cmd("backup", "a consistent copy of the ledger (safe while the bot runs)")
    sp.add_argument("dest", type=Path)
    sp = cmd("restore", "replace the WHOLE ledger (every salesperson) with a backup, then rebuild every index")
    sp.add_argument("src", type=Path)
    sp.add_argument("--all-users", action="store_true", help="confirm: every salesperson's data is replaced")
    cmd("chat", "talk to Chet in the terminal: the same conversation as on Telegram")
    sp = cmd("run", "run the Telegram bot (long polling; webhook with TELEGRAM_WEBHOOK_URL)")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Parse, build settings once, run the command; map errors to exit codes 2 (bad input) and 1."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as err:
        print(f"chet: error: {err}", file=sys.stderr)
        return 2
    if not args.command:
        parser.print_help()
        return 0
    scrub_freed_memory()  # first, so no secret read from here on outlives the block that held it
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    logging.getLogger("httpx").setLevel(logging.WARNING)  # httpx logs URLs, and the Bot API URL holds the token
    logging.getLogger("httpx2").setLevel(logging.WARNING)
    settings: Settings | None = None
    try:
        overrides: dict[str, Any] = {}
        if args.offline:
            overrides["chet_offline"] = True
        if args.data_dir:
            overrides["chet_data_dir"] = args.data_dir
        if args.user:
            overrides["chet_user"] = args.user
        try:
            settings = Settings(**overrides)
        except ValidationError as err:  # a setting from the environment or .env: refused at the edge
            raise BadInput(_setting_problem(err)) from None
        redact_settings(settings)
        if settings.llm_refusal:
            print(f"warning: {settings.llm_refusal}", file=sys.stderr)
        if args.command in {"run", "chat"}:
            print(f"Chet: {settings.llm_destination}.", file=sys.stderr)
        else:
            log.info("%s", settings.llm_destination)
        return run_command(args, settings)
    except ChetError as err:
        print(f"error: {_one_line(str(err))}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1
    except Exception as err:  # never a raw traceback for the user: the log file has it (-v or CHET_DEBUG: stderr too)
        where = _log_crash(err, settings, args.verbose)
        print(f"error: internal error ({type(err).__name__}); {where}", file=sys.stderr)
        return 1


def _setting_problem(err: Any) -> str:
    """The first invalid setting, named as it is set (CHET_TZ), with pydantic's reason and never its value."""
    first = err.errors(include_url=False, include_input=False)[0]
    name = "_".join(str(part) for part in first["loc"]).upper()
    reason = str(first["msg"]).removeprefix("Value error, ")
    return f"{name}: {reason[:1].lower()}{reason[1:]}" if name else reason


def _one_line(text: str) -> str:
    return " ".join(text.split())[:500]


def _log_crash(err: Exception, settings: Settings | None, verbose: bool) -> str:
    """Log an unexpected error with its traceback to the data dir's log file (and to stderr with -v or CHET_DEBUG).

    Returns where the details are. Through a log record, which is scrubbed of secrets where it is made (a raw
    traceback could hold the bot token).
    """
    debug = verbose or (settings is not None and settings.chet_debug)
    exc_info = (type(err), err, err.__traceback__)
    record = log.makeRecord(log.name, logging.ERROR, __file__, 0, "unexpected error", (), exc_info)
    handler = log_to_file(settings.log_file, verbose) if settings is not None else None
    try:
        if debug:
            log.handle(record)  # the terminal and the log file
        elif handler is not None:
            handler.handle(record)  # the log file only: the terminal gets one line
    finally:
        if handler is not None:
            logging.getLogger().removeHandler(handler)
            handler.close()
    if handler is not None:
        return f"the details are in {handler.baseFilename}"
    return "the details are above" if debug else "run with -v for details"


def entry() -> None:
    """Console-script entry point."""
    sys.exit(main())


if __name__ == "__main__":
    entry()
