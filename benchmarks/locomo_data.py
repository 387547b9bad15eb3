"""A second long-chat retrieval set, closer to real LoCoMo than ``recall_data.conversation_dataset``.

Why a second generator: on the real benchmark (FIELD-NOTES: 5,882 turns, 1,532 questions) BM25
beats MiniLM (evidence recall@10 0.56 vs 0.45) and 3-turn windows help BM25 (0.63), while on the
first generator dense wins (0.64 vs 0.50): its questions are deliberate paraphrases that share
almost no word with the evidence, and its chit-chat never repeats a topic. Real LoCoMo differs in
ways that matter to retrieval:

* topics recur: a speaker talks about the same hobby, family member or project in many sessions,
  and the partner echoes the topic words ("How's the pottery going?"), so the question's words
  match many turns and only one is the evidence;
* annotators wrote questions from the evidence turn, so a question usually keeps one or two of
  its content words (or the event's name), but not all;
* turns are longer (one to three sentences, greetings and feelings around the fact);
* both speakers may do similar things (speaker confusion), and conversations are long
  (~10 conversations x ~20 sessions x ~28 turns).

This module keeps the first generator untouched (so old and new figures stay comparable) and
reuses its vocabulary. The old set stays as the "paraphrase-heavy" stress test; this one is the
"LoCoMo-like v2" set. Everything derives from ``random.Random(f"locomo-{seed}")``.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from benchmarks.recall_data import (
    ACTIVITIES,
    CHAT,
    FEEL,
    FEMALE,
    MALE,
    MULTI,
    MULTI_PROMPT,
    PERSONA,
    RELATIVE,
    Dataset,
    Note,
    Question,
    _fill,
    _pick,
    add_questions,
    add_session_notes,
    group_by_session,
    next_session_time,
    session_opening,
)

OPENERS = ["", "", "Hey {O}! ", "Guess what, {O}? ", "Oh, I have news! ", "So, ", "You won't believe this - "]
EXTRA = [
    "",
    "",
    " It's been on my mind all week.",
    " I've wanted to do that for ages.",
    " The kids thought it was hilarious.",
    " I'll send you pictures later.",
    " Honestly it was a bit scary at first.",
]
ECHO_SELF = [
    "I'm still thinking about {topic}, it was such a highlight.",
    "Remember when I told you about {topic}? I want to do it again.",
    "{topic} reminded me how much I need things like that in my life.",
    "Funny, someone asked me about {topic} yesterday and I talked for an hour.",
]
ECHO_OTHER = [
    "How's everything since {topic}? You seemed so happy about it.",
    "I told my sister about your {topicw} story, she loved it!",
    "Any plans to do {topic} again?",
    "I've been thinking about trying {topic} too after hearing you talk about it.",
]
REACT2 = [
    "That's amazing, {S}! {follow}",
    "Wow, {topic}! {follow}",
    "No way, {topic} sounds so fun! {follow}",
    "I'm so happy for you! {follow}",
    "That's awesome. {follow}",
]
AFTER = [
    "That sounds wonderful, I'm glad you got to do that.",
    "Love that! You deserve it.",
    "Haha, that's so you.",
    "Wow. Thanks for sharing that with me.",
]
ANCHOR = ["About {topic}: ", "Regarding {topic}, ", ""]


def _turn_chat(rng: random.Random, other: str) -> str:
    """One or two sentences of small talk."""
    first = _fill(_pick(rng, CHAT[2:]), {"name": other})
    if rng.random() < 0.4:
        first += " " + _fill(_pick(rng, CHAT[2:]), {"name": other})
    return first


def locomo_dataset(seed: int, conversations: int = 10, sessions: int = 20) -> Dataset:
    """Long two-person chats with recurring topics; LoCoMo-style questions (see the module doc)."""
    rng = random.Random(f"locomo-{seed}")
    notes: list[Note] = []
    questions: list[Question] = []
    used: set[str] = set()
    for ci in range(conversations):
        pool = [n for n in FEMALE + MALE if n not in used]
        a, b = rng.sample(pool, 2)
        used.update((a, b))
        female = {a: a in FEMALE, b: b in FEMALE}
        conv = f"{a} and {b}"
        blocks: list[tuple[int, list[tuple[str, str, str | None]]]] = []
        pending: list[tuple[str, tuple[str, ...], str]] = []
        for si, (spk, other) in enumerate(((a, b), (b, a))):
            slots = {"S": spk, "Pp": "her" if female[spk] else "his"}
            # Speakers may share activities (as real pairs do): sampled independently.
            for ai, act in enumerate(rng.sample(ACTIVITIES, k=10)):
                key = f"{ci}-{si}-act{ai}"
                topic = act["topic"]
                rel = _pick(rng, RELATIVE)
                stmt = (
                    _fill(_pick(rng, OPENERS), {"O": other})
                    + f"{rel.capitalize()} I {_pick(rng, act['said'])}! {_pick(rng, FEEL).capitalize()}"
                    + _pick(rng, EXTRA)
                )
                react = _fill(_pick(rng, REACT2), {"S": spk, "topic": topic, "follow": _pick(rng, act["follow"])})
                detail = _pick(rng, act["detail"])
                if rng.random() < 0.6:
                    detail = f"{topic.capitalize()} was great. {detail}"
                detail += _pick(rng, EXTRA)
                turns: list[tuple[str, str, str | None]] = [
                    (spk, stmt, key + "-s"),
                    (other, react, None),
                    (spk, detail, key + "-d"),
                ]
                if rng.random() < 0.6:
                    turns.append((other, _pick(rng, AFTER), None))
                session = rng.randrange(sessions)
                blocks.append((session, turns))
                # The topic comes back: the speaker and the partner mention it in other sessions.
                topicw = topic.removeprefix("the ")
                for _ in range(rng.randint(1, 3)):
                    if rng.random() < 0.5:
                        text, who = _fill(_pick(rng, ECHO_SELF), {"topic": topic}), spk
                    else:
                        text, who = _fill(_pick(rng, ECHO_OTHER), {"topic": topic, "topicw": topicw}), other
                    blocks.append((rng.randrange(sessions), [(who, text[:1].upper() + text[1:], None)]))
                q_when = "When did {S} " + _pick(rng, act["when_q"]) + "?"
                pending.append((_fill(q_when, slots), (key + "-s",), "temporal"))
                q_detail = _fill(_pick(rng, act["detail_q"]), slots)
                lead = _fill(_pick(rng, ANCHOR), {"topic": topic})
                if lead:
                    q_detail = lead + q_detail[:1].lower() + q_detail[1:]
                pending.append((q_detail, (key + "-d",), "detail"))
            for pi, per in enumerate(rng.sample(PERSONA, k=5)):
                key = f"{ci}-{si}-per{pi}"
                text = _fill(_pick(rng, per["say"]), {"x": _pick(rng, per["x"])}) + _pick(rng, EXTRA)
                turns = [(spk, text, key), (other, _pick(rng, AFTER), None)]
                blocks.append((rng.randrange(sessions), turns))
                pending.append((_fill(_pick(rng, per["q"]), slots), (key,), "single-hop"))
            for mi, mul in enumerate(rng.sample(MULTI, k=2)):
                items = rng.sample(mul["x"], 2)
                keys = []
                for j, (lo, hi) in enumerate(((0, sessions // 2), (sessions // 2, sessions))):
                    key = f"{ci}-{si}-mul{mi}-{j}"
                    keys.append(key)
                    text = _fill(_pick(rng, mul["say"]), {"x": items[j]}) + _pick(rng, EXTRA)
                    blocks.append((rng.randrange(lo, hi), [(spk, text, key), (other, _pick(rng, MULTI_PROMPT), None)]))
                pending.append((_fill(_pick(rng, mul["q"]), slots), tuple(keys), "multi-hop"))
        by_session = group_by_session(blocks)
        when = datetime(2023, 1, 10, 13, 0) + timedelta(days=rng.randint(0, 200))
        key_to_id: dict[str, str] = {}
        for s in range(sessions):
            when = next_session_time(rng, when)
            first, second, turns = session_opening(rng, a, b)
            session_blocks = by_session.get(s, [])
            rng.shuffle(session_blocks)
            for blk in session_blocks:
                for _ in range(rng.randint(0, 2)):
                    who = _pick(rng, (a, b))
                    turns.append((who, _turn_chat(rng, b if who == a else a), None))
                turns += blk
            target = rng.randint(22, 32)
            while len(turns) < target - 2:  # small talk between blocks, never inside one
                who = _pick(rng, (a, b))
                turns.append((who, _turn_chat(rng, b if who == a else a), None))
            turns += [(first, "Take care, talk soon!", None), (second, "You too, bye!", None)]
            add_session_notes(notes, key_to_id, turns, f"L{seed}-{ci}-D{s + 1}", conv, when)
        add_questions(questions, pending, key_to_id, f"lq{seed}", conv)  # every key is laid out here: none dropped
    return Dataset(f"locomo2-seed{seed}", seed, notes, questions)
