"""Realistic sales notes (20-80 words, as written after a meeting) with recall questions, for speed runs.

The generated sales notes (``recall_data.sales_dataset``) are one sentence each (~7 words); a
salesperson writes a few at once after a call. Here consecutive notes of one client are joined
into one note of 20-80 words (the length drawn per note), dated like the first of them; a
question's evidence becomes the joined note that holds its sentence, so recall stays measurable.
"""

from __future__ import annotations

import random

from benchmarks.recall_data import Note, Question, sales_dataset


def realistic(n: int, seed: int = 100) -> tuple[list[Note], list[Question]]:
    """Exactly n notes of 20-80 words and the questions whose evidence they hold."""
    rng = random.Random(f"realistic-{seed}")
    notes: list[Note] = []
    questions: list[Question] = []
    while len(notes) < n:
        ds = sales_dataset(seed, clients=max(40, min(400, (n - len(notes)) * 5 // 35 + 1)))
        seed += 1
        by_client: dict[str, list[Note]] = {}
        for note in ds.notes:
            by_client.setdefault(note.client, []).append(note)
        joined: dict[str, str] = {}  # old id -> new id
        for client_notes in by_client.values():
            i = 0
            while i < len(client_notes) and len(notes) < n:
                target = rng.randint(20, 80)
                parts: list[Note] = []
                while i < len(client_notes) and (
                    not parts or sum(len(p.text.split()) for p in parts) + len(client_notes[i].text.split()) <= target
                ):
                    parts.append(client_notes[i])
                    i += 1
                if sum(len(p.text.split()) for p in parts) < 20:
                    continue  # the client's last few notes: too short to be a realistic note
                new_id = parts[0].id + "-r"
                for p in parts:
                    joined[p.id] = new_id
                notes.append(Note(new_id, parts[0].client, " ".join(p.text for p in parts), parts[0].at))
        for q in ds.questions:
            if all(e in joined for e in q.evidence):
                evidence = tuple(dict.fromkeys(joined[e] for e in q.evidence))
                questions.append(Question(q.qid, q.query, evidence, q.client, q.kind))
    kept = {x.id for x in notes}
    return notes, [q for q in questions if all(e in kept for e in q.evidence)]
