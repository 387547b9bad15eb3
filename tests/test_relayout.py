"""tools/relayout.py points old module paths at the layered layout, idempotently; nothing names an old path."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("relayout", ROOT / "tools" / "relayout.py")
assert _spec is not None and _spec.loader is not None
relayout = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(relayout)

OLD = """from bot import ask, settings
from bot.telegram_app import OOPS, SEND_ATTEMPTS, build_application
from bot.ask import ABSTAIN, answer
from bot.context_builder import build_context
import bot.usecases.draft_context_builder as builder
CHET = [sys.executable, "-m", "bot.cli"]
see = "bot/compose.py, bot/data/draft_words.json"
from bot.conversation import Conversation
    from bot.verify import verify_claims
schedule_user(bot.app, bot.conversation, "1")
log = logging.getLogger("bot.conversation")
"""
NEW = """from bot.usecases import ask
from bot import settings
from bot.interfaces.telegram_app import OOPS, build_application
from bot.interfaces.telegram_send import SEND_ATTEMPTS
from bot.usecases.answer import ABSTAIN
from bot.usecases.ask import answer
from bot.usecases.context_from_memory import build_context
import bot.usecases.context_from_memory as builder
CHET = [sys.executable, "-m", "bot.interfaces.cli"]
see = "bot/usecases/draft_offline.py, bot/usecases/data/draft_words.json"
from bot.chat.conversation import Conversation
    from bot.usecases.check_llm import verify_claims
schedule_user(bot.app, bot.conversation, "1")
log = logging.getLogger("bot.conversation")
"""


def test_old_paths_and_moved_names_are_rewritten_once() -> None:
    assert relayout.rewrite(OLD, python=True) == NEW
    assert relayout.rewrite(NEW, python=True) == NEW


def test_every_new_module_and_file_exists() -> None:
    for new in relayout.MODULES.values():
        assert (ROOT / (new.replace(".", "/") + ".py")).is_file(), new
    for new in relayout.FILES.values():
        assert (ROOT / new).is_file(), new
    for module in set(relayout.SYMBOLS.values()):
        assert (ROOT / (module.replace(".", "/") + ".py")).is_file(), module


def test_no_file_names_an_old_module() -> None:
    assert relayout.main(["--check", "--root", str(ROOT)]) == 0, "run: python3 tools/relayout.py"
