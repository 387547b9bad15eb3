"""Ask answers from everything Chet knows: promises, who is overdue, where they met, channels, dates, tastes.

Real Memory (SQLite + Chroma + local embeddings). The questions are paraphrases written for this
test, not the phrasings the cue file was built from; some must abstain.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.runtime import Runtime
from bot.settings import Settings
from bot.usecases.answer import ABSTAIN
from bot.usecases.ask import answer, read_question
from memory.dictionaries import first_name_detector
from memory.service import NoteInput
from memory.timeutil import now_utc

NOW = now_utc()


def _note(note_id: str, client: str, text: str, days_ago: int) -> NoteInput:
    at = NOW - timedelta(days=days_ago)
    return NoteInput(client=client, text=text, at=at, at_raw=at.isoformat(), note_id=note_id, source="import")


NOTES = [
    _note("n1", "Dana Whitfield", "Met Dana at the Denver trade show, booth 14. Wants the blue one, not the grey.", 60),
    _note("n1b", "Dana Whitfield", "Budget around $40k for the fleet.", 55),
    _note("n2", "Dana Whitfield", "Promised to send pricing for 20 units by next Friday.", 6),
    _note("n3", "Dana Whitfield", "Dana hates cold calls. Loves hiking.", 5),
    _note("n3b", "Dana Whitfield", "Her daughter Maya turns 8 on December 12, big party planned.", 7),
    _note("n4", "Tom Reyes", "Tom Reyes (Northgate Dental): met at the Hilton lunch in Chicago. Prefers phone.", 10),
    _note("n5", "Tom Reyes", "Tom: the CFO signs off anything over $25k, needs 12 chairs, install before Jan 15.", 9),
    _note("n5b", "Lena Ortiz", "Lena works at Bluepine Logistics now.", 121),
    _note("n6", "Priya Shah", "Priya wants the grey model after all. Her birthday is March 3.", 20),
    _note("n8", "Lena Ortiz", "Lunch with Lena at Nopa. She lives in Oakland. Husband Carlos.", 120),
]


@pytest.fixture(scope="module")
def memory(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    data: Path = tmp_path_factory.mktemp("ask")
    runtime = Runtime(Settings(chet_data_dir=data, chet_offline=True, _env_file=None))
    mem = runtime.memory("local")
    mem.import_notes(NOTES)
    yield mem


def _ask(memory: Any, question: str, client: str | None = None) -> Any:
    c = memory.find_client(client) if client else None
    return answer(memory, question, c)


PARAPHRASES: list[tuple[str, str | None, str, str]] = [
    # (question, client passed as context, a word the answer must hold, a note it must cite)
    ("What did I promise Dana?", None, "pricing", "n2"),
    ("what do I owe Dana", None, "pricing", "n2"),
    ("Did I commit to anything with Dana?", None, "pricing", "n2"),
    ("anything outstanding for Dana?", None, "pricing", "n2"),
    ("what did I tell Dana I'd send?", None, "pricing", "n2"),
    ("What did I promise her?", "Dana Whitfield", "pricing", "n2"),
    ("What am I supposed to send her", "Dana Whitfield", "pricing", "n2"),
    ("Who haven't I talked to in a while?", None, "Lena", "n8"),
    ("who have I not spoken to lately", None, "Lena", "n8"),
    ("Which clients have gone quiet?", None, "Lena", "n8"),
    ("who's overdue for a call", None, "Lena", "n8"),
    ("Who did I lose touch with?", None, "Lena", "n8"),
    ("Where did I meet Tom?", None, "Hilton lunch in Chicago", "n4"),
    ("how did I meet him", "Tom Reyes", "Hilton lunch", "n4"),
    ("where do I know Dana from?", None, "Denver trade show", "n1"),
    ("How did Dana and I first meet?", None, "trade show", "n1"),
    ("How does Tom want to be reached?", None, "phone", "n4"),
    ("what's the best way to contact him", "Tom Reyes", "phone", "n4"),
    ("Should I call or email Tom?", None, "phone", "n4"),
    ("When is Priya's birthday?", None, "3 March", "n6"),
    ("when's her bday", "Priya Shah", "3 March", "n6"),
    ("When was Priya born?", None, "3 March", "n6"),
    ("When is Dana's daughter's birthday?", None, "December 12", "n3b"),
    ("how old is her daughter turning?", "Dana Whitfield", "turns 8", "n3b"),
    ("What does Dana like?", None, "blue", "n1"),
    ("what is Dana into?", None, "hiking", "n3"),
    ("Dana's favourite colour?", None, "blue", "n1"),
    ("which color does Priya want?", None, "grey", "n6"),
    ("What doesn't Dana like?", None, "cold calls", "n3"),
    ("anything she hates?", "Dana Whitfield", "cold calls", "n3"),
    ("What does Dana like / not like?", None, "cold calls", "n3"),
    ("What's Dana's budget?", None, "$40k", "n1b"),
    ("how much can she spend?", "Dana Whitfield", "$40k", "n1b"),
    ("Where does Lena live?", None, "Oakland", "n8"),
    ("where's Lena based?", None, "Oakland", "n8"),
    ("Is Lena married?", None, "Carlos", "n8"),
    ("Who has a daughter?", None, "Dana Whitfield", "n3b"),
    ("When did I last talk to Dana?", None, "Last contact", "n3"),
    ("What does Tom need?", None, "12 chairs", "n5"),
    ("When's the install deadline for Tom?", None, "Jan 15", "n5"),
    ("Who signs off on Tom's side?", None, "CFO", "n5"),
    ("who's the decision maker for Tom", None, "CFO", "n5"),
    ("What company is Lena with?", None, "Bluepine Logistics", "n5b"),
    ("anything I should know before calling Tom?", None, "phone", "n4"),
    ("Where do we stand with Dana?", None, "pricing", "n2"),
    ("what does Dana do for fun", None, "hiking", "n3"),
    ("when's Dana's little girl's birthday", None, "December 12", "n3b"),
    ("remind me what I told Dana I would do", None, "pricing", "n2"),
    ("can I text Tom?", None, "phone", "n4"),
    ("who needs a check-in", None, "Lena", "n8"),
    ("who approves purchases at Tom's company", None, "CFO", "n5"),
    ("what's Lena's home city", None, "Oakland", "n8"),
    ("where did Tom and I first cross paths", None, "Hilton", "n4"),
    ("when was the last time I spoke with Tom", None, "Last contact", "n5"),
]


@pytest.mark.parametrize(("question", "client", "holds", "cites"), PARAPHRASES)
def test_paraphrased_questions_are_answered_from_what_chet_knows(
    memory: Any, question: str, client: str | None, holds: str, cites: str
) -> None:
    got = _ask(memory, question, client)
    assert not got.abstained, (question, got.answer)
    assert holds.casefold() in got.answer.casefold(), (question, got.answer)
    assert cites in got.sources, (question, got.sources)


ABSTAINS: list[tuple[str, str | None]] = [
    ("What is Tom's favourite football team?", None),
    ("What car does Dana drive?", None),
    ("What's Lena's shoe size?", None),
    ("When is Lena's birthday?", None),
    ("Where did I meet Priya?", None),
    ("What did I promise Lena?", None),
    ("Does Lena have kids?", None),
    ("What's Lena's budget?", None),
    ("When is Priya's install deadline?", None),
    ("when is Tom's birthday?", None),  # a date in a note is no birthday
    ("where did I meet Lena's husband?", None),  # the relative narrows the question, it does not answer it
    ("What's Priya's shoe size?", None),
    ("who approves purchases at Lena's company?", None),  # the company is context here, not the question
    ("Is her son coming to the party?", "Dana Whitfield"),
]


@pytest.mark.parametrize(("question", "client"), ABSTAINS)
def test_questions_with_no_supporting_note_abstain(memory: Any, question: str, client: str | None) -> None:
    got = _ask(memory, question, client)
    assert got.abstained and got.sources == [] and got.answer == ABSTAIN, (question, got.answer)


def test_an_answer_is_short_quotes_a_sentence_and_keeps_ids_out_of_the_text(memory: Any) -> None:
    got = _ask(memory, "What's Dana's budget?")
    assert len(got.answer.splitlines()) <= 4
    assert "“Budget around $40k for the fleet.”" in got.answer
    for note_id in ("n1b", "n1", "n2"):
        assert not re.search(rf"\b{note_id}\b", got.answer)
    long = _ask(memory, "When is Dana's daughter's birthday?")
    assert "big party planned" not in long.answer or len(long.answer) < 200


def test_the_keep_in_touch_answer_is_the_digests_list(memory: Any) -> None:
    from bot.usecases.digest import build_digest

    overdue = {i.client for i in build_digest(memory, NOW.date()).items if i.kind == "keep_in_touch"}
    got = _ask(memory, "who should I check in with?")
    assert overdue == {"Lena Ortiz"}
    assert "Lena Ortiz" in got.answer and "Dana" not in got.answer and "Tom" not in got.answer


def test_cue_words_read_intents_not_sentences() -> None:
    def names(q: str) -> set[str]:
        return {i.name for i in read_question(q).intents}

    assert names("What doesn't Bob like?") == {"dislikes"}  # a name between "not" and "like"
    assert names("How does he like to be contacted?") == {"contact"}  # not a taste
    assert names("When did I last call him?") == {"last_contact"}  # not a channel question
    assert names("what colour does she want") == {"likes"}
    assert read_question("what colour does she want").topic == {"color"}


def test_with_a_model_the_ledger_answers_state_questions_and_backs_up_an_abstention(tmp_path: Path) -> None:
    from tests.fake_openai import FakeOpenAI

    with FakeOpenAI() as fake:
        settings = Settings(
            chet_data_dir=tmp_path,
            openai_api_key="sk-test-000000000000",
            openai_base_url=fake.url,
            chet_llm_timeout=5,
            _env_file=None,
        )
        runtime = Runtime(settings)
        memory = runtime.memory("local")
        memory.import_notes(NOTES)
        llm = runtime.llm(memory)
        got = answer(memory, "What did I promise Dana?", None, llm)
        assert "pricing" in got.answer and got.engine == "offline" and not fake.requests  # no model call
        fake.reply({"answer": "I have no note about that.", "sources": [], "abstained": True})
        got = answer(memory, "What does Dana like?", None, llm)
        assert len(fake.requests) == 1 and not got.abstained and "blue" in got.answer and got.notices


def test_the_first_name_dictionary_is_built_once_for_many_words(monkeypatch: pytest.MonkeyPatch) -> None:
    # building gender-guesser's Detector reads its files (~1 s): one per process, never one per word
    import gender_guesser.detector as gd

    from bot.usecases import ask

    built: list[int] = []
    real = gd.Detector

    def counting(*args: Any, **kwargs: Any) -> Any:
        built.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(gd, "Detector", counting)
    first_name_detector.cache_clear()  # the one shared loader (memory/dictionaries.py): built afresh here, once
    try:
        for word in ["marguerite", "bartholomew", "tobias", "quentin", "rosalind", "ignatius"]:
            assert ask._is_first_name(word)
    finally:
        first_name_detector.cache_clear()  # never keep the counting Detector for later tests
    assert len(built) == 1


@pytest.mark.parametrize(
    "question",
    [
        "is the sage finish in stock?",
        "what does the ivory trim cost",
        "any oak left for the showroom",
        "which sierra model did we quote",
        "do we still chase the overdue invoice",
    ],
)
def test_an_everyday_word_a_name_dictionary_knows_is_not_taken_for_a_person(memory: Any, question: str) -> None:
    from bot.usecases.ask import unknown_person

    assert unknown_person(memory, question) == ""


@pytest.mark.parametrize(
    ("question", "person"),
    [
        ("what's rachel into?", "rachel"),
        ("who is brenda", "brenda"),
        ("when is madison's birthday", "madison"),
        ("does mercedes want the big table?", "mercedes"),
        ("anything new from Sage this week", "sage"),
    ],
)
def test_a_name_where_a_name_goes_or_with_a_capital_is_a_person(memory: Any, question: str, person: str) -> None:
    from bot.usecases.ask import unknown_person

    assert unknown_person(memory, question) == person
