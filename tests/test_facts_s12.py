"""Facts a profile missed, mixed or kept stale (session 12, issue 13; usertest 11 H3, H7, H8).

Each class is tested with sentences of our own, in several trades, through the real Memory (SQLite) or the
real CLI: a promise whose object is a pronoun, a job reported done in other words, the second item of a list,
a code's noun, a take-back on a unit value, a partial change of mind, a newborn, a target beside the current
amount, and a detail said again about the same thing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.chat.conversation import Conversation
from bot.runtime import Runtime
from memory.extract import extract_facts
from memory.service import Memory
from tests.helpers import note_at

AT = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


def _current(memory: Memory, client: str) -> list[str]:
    found = memory.find_client(client)
    assert found is not None
    return [f.text for f in memory.facts(found.id)]


def _promises(memory: Memory, client: str, status: str = "open") -> list[str]:
    found = memory.find_client(client)
    assert found is not None
    return [c.text for c in memory.commitments(found.id, status=status)]


# --- 1. promises -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "thing"),
    [
        ("both of them asked for the spec sheet, promised to email it over by friday", "spec sheet"),
        ("wants a sample pack of the oak flooring. I will send them on monday", "sample pack"),
        ("Kofi needs the service manual; told him I would forward it tomorrow", "service manual"),
        ("asked for the updated rate card, promised to share it by thursday", "rate card"),
    ],
)
def test_a_promise_with_a_pronoun_object_is_of_the_thing_asked_for(text: str, thing: str) -> None:
    promised = [f.text for f in extract_facts(text, AT) if f.kind.value == "commitment"]
    assert any(thing in p for p in promised), promised


def test_a_promise_to_call_them_is_no_thing_delivered() -> None:
    promised = [f.key for f in extract_facts("promised to call them back tomorrow", AT) if f.kind.value == "commitment"]
    assert promised == ["promise:call_back"]


def test_a_two_client_note_with_a_pronoun_promise_gives_each_the_promise(chat: Conversation, runtime: Runtime) -> None:
    chat.handle_text("local", "Tendai Moyo: wants a demo of the tractor")
    chat.handle_text("local", "Rutendo Chikore: interested in the baler")
    chat.handle_text(
        "local", "tendai and rutendo both asked for the new implement catalogue, promised to send it by tomorrow"
    )
    memory = runtime.memory("local")
    for client in ("Tendai Moyo", "Rutendo Chikore"):
        assert any("implement catalogue" in p for p in _promises(memory, client)), (client, _promises(memory, client))


@pytest.mark.parametrize(
    ("promise", "report"),
    [
        (
            "promised a tech visit by friday for the walk-in chiller",
            "tech (sam) went, chiller fan replaced, all good now",
        ),
        (
            "promised to get an engineer out to the boiler",
            "the engineer went out monday, boiler pump swapped, working again",
        ),
        ("promised to get the lift repaired before the audit", "lift door mended and the inspector was happy"),
    ],
)
def test_a_job_reported_done_in_other_words_closes_its_promise(memory: Memory, promise: str, report: str) -> None:
    note_at(memory, "Grace Banda", promise)
    assert len(_promises(memory, "Grace Banda")) == 1
    note_at(memory, "Grace Banda", report, days=3)
    assert _promises(memory, "Grace Banda") == [], report


def test_going_somewhere_ourselves_closes_no_visit(memory: Memory) -> None:
    note_at(memory, "Grace Banda", "promised a site visit next week")
    note_at(memory, "Grace Banda", "we went to lunch after the call", days=1)
    assert len(_promises(memory, "Grace Banda")) == 1


# --- 2. extraction coverage ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        (
            "needs 30 pairs of safety boots size 9 and 10 of size 11",
            ["30 pairs of safety boots size 9", "10 pairs of safety boots size 11"],
        ),
        (
            "orders 60 bags of cement grade 42 and 20 of grade 32",
            ["60 bags of cement grade 42", "20 bags of cement grade 32"],
        ),
    ],
)
def test_the_second_variant_of_a_list_keeps_its_own_count(text: str, lines: list[str]) -> None:
    said = [f.text for f in extract_facts(text, AT)]
    assert all(line in said for line in lines), said


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("please quote 3 units of the UV steriliser", "uv steriliser"),
        ("needs 2 units of the ELISA reader and 4 of the washer", "elisa reader"),
        ("wants 6 units of the 4K monitor for the boardroom", "4k monitor"),
    ],
)
def test_a_code_before_a_noun_keeps_the_noun_in_the_item(text: str, item: str) -> None:
    items = [f.detail.get("item", "") for f in extract_facts(text, AT)]
    assert item in items, items


def test_a_take_back_on_a_unit_value_keeps_the_new_value(memory: Memory) -> None:
    note_at(memory, "Mei Ling Tan", "orders 50 boxes of 10ul tips, no wait, 200ul. monthly standing order from the lab")
    said = " | ".join(_current(memory, "Mei Ling Tan"))
    assert "200 µl" in said and "10 µl" not in said and "10ul" not in said, said


def test_a_partial_change_of_mind_splits_the_amount(memory: Memory) -> None:
    note_at(memory, "Kerem Aydin", "wants 12 oak dining chairs for the restaurant terrace")
    note_at(memory, "Kerem Aydin", "kerem says walnut for 4 of them after the tasting, the rest oak", days=2)
    said = " | ".join(_current(memory, "Kerem Aydin"))
    assert "8 oak" in said and "4 walnut" in said, said
    assert "12 oak dining chairs" not in said.replace("(8 oak", ""), said


def test_a_newborn_keeps_sex_and_full_name_and_ends_the_expecting(memory: Memory) -> None:
    note_at(memory, "Duc Pham", "his wife Thu expecting baby in April, he'll take leave then")
    note_at(memory, "Duc Pham", "Duc's wife had the baby!! a girl named Bao Anh born yesterday", days=30)
    said = " | ".join(_current(memory, "Duc Pham"))
    assert "Bao Anh" in said and "girl" in said, said
    assert "pregnant" not in said and "expecting" not in said, said


# --- 3. slot binding -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "now", "target"),
    [
        ("currently paying 420k/yr for the fleet cover, wants it under 380k", "420k", "380k"),
        ("pays $1,200 a month on the lease now, hoping to get it below $900 a month", "$1,200", "$900"),
    ],
)
def test_a_target_is_its_own_slot_beside_the_current_amount(memory: Memory, text: str, now: str, target: str) -> None:
    note_at(memory, "Ama Owusu", text)
    found = memory.find_client("Ama Owusu")
    assert found is not None
    facts = memory.facts(found.id)
    assert [f.value for f in facts if f.key == "budget"] == [target], [(f.key, f.value) for f in facts]
    assert any(now in f.text for f in facts if f.key != "budget"), [(f.key, f.text) for f in facts]


# --- 4. details ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "later", "gone", "kept"),
    [
        (
            "site survey done, the loading bay door is blue and the ramp is steep",
            "second visit to the warehouse today, turns out the loading bay door is green",
            "bay door is blue",
            "bay door is green",
        ),
        (
            "Lerato Dube runs a bakery in Soweto, uses the old Hobart mixer, deck oven is gas",
            "lerato called about the new range this morning, deck oven is electric now",
            "deck oven is gas",
            "deck oven is electric",
        ),
    ],
)
def test_a_detail_said_again_about_the_same_thing_supersedes(
    memory: Memory, first: str, later: str, gone: str, kept: str
) -> None:
    note_at(memory, "Lerato Dube", first)
    note_at(memory, "Lerato Dube", later, days=5)
    said = " | ".join(_current(memory, "Lerato Dube"))
    assert kept in said and gone not in said, said


def test_details_about_different_things_stay(memory: Memory) -> None:
    note_at(memory, "Lerato Dube", "met at the trade fair in Joburg, back door is narrow and the floor is tiled")
    note_at(
        memory, "Lerato Dube", "called back after the quote, the walk-in fridge is full, needs a second one", days=4
    )
    said = " | ".join(_current(memory, "Lerato Dube"))
    assert "back door is narrow" in said and "floor is tiled" in said, said


def test_the_profile_shows_the_current_details_through_the_cli(tmp_path: Path) -> None:
    def chet(*args: str) -> str:
        cmd = [sys.executable, "-m", "bot.interfaces.cli", "--offline", "--data-dir", str(tmp_path), *args]
        return subprocess.run(cmd, check=True, capture_output=True, text=True, env=_env()).stdout

    chet("note", "Nadia Haddad", "needs 40 boxes of nitrile gloves size S and 15 of size XL", "--at", "2026-12-01")
    chet("note", "Nadia Haddad", "currently paying 90k/yr for consumables, wants it under 80k", "--at", "2026-12-02")
    facts = [f["text"] for f in json.loads(chet("profile", "Nadia Haddad", "--json"))["facts"]]
    assert any("15 boxes of nitrile gloves size XL" in t for t in facts), facts
    assert any("90k" in t for t in facts) and any("80k" in t for t in facts), facts


def _env() -> dict[str, str]:
    root = str(Path(__file__).resolve().parents[1])
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CHET_", "OPENAI_", "TELEGRAM_"))}
    return {**env, "PYTHONPATH": root, "CHET_TZ": "UTC"}


# --- a day moved, a size taken back in a later note ------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "later", "gone", "kept"),
    [
        (
            "wants the boat delivered, delivery before Jan 15 latest",
            "delivery moved to Jan 22, their dock is late",
            "15 Jan",
            "22 Jan",
        ),
        (
            "Rosa Lima - new juice bar, opening january 16, wants 3 blenders",
            "rosa rang, opening pushed to march",
            "16 Jan",
            "March",
        ),
    ],
)
def test_a_moved_day_supersedes_the_deadline_or_date_of_the_same_event(
    memory: Memory, first: str, later: str, gone: str, kept: str
) -> None:
    note_at(memory, "Rosa Lima", first)
    note_at(memory, "Rosa Lima", later, days=2)
    said = " | ".join(_current(memory, "Rosa Lima"))
    assert kept in said and gone not in said, said


def test_a_month_typed_short_is_no_place() -> None:
    places = [f.text for f in extract_facts("install moved to Jan 19, crew of 3", AT) if f.kind.value == "location"]
    assert places == []


def test_a_container_size_in_a_later_note_changes_the_goods_measured(memory: Memory) -> None:
    note_at(memory, "Joost Bakker", "Joost Bakker wants 30 sacks of the layer pellets 20kg for the farm shop")
    note_at(memory, "Joost Bakker", "joost says 20kg, no wait, 25kg sacks", days=1)
    said = " | ".join(_current(memory, "Joost Bakker"))
    assert "25 kg" in said and "20 kg" not in said, said
