#!/usr/bin/env python3
"""Check the blind recall set: notes.jsonl, queries.jsonl, answers.jsonl (next to tools/).

Checks: note ids unique, fields present, `at` naive ISO within 2025-2026; qids unique and
matched 1:1 by answers; types known; evidence ids exist, all belong to one history (client)
and to the query's client when it is given; multi-hop evidence spans >= 2 sessions;
every history has >= 20 sessions of 8-25 turns over 12-20 months and >= 40 questions with
every type; >= 420 questions overall; the client is given for roughly half of them.
A session is a client's run of notes with no gap over 3 hours (derived from `at`, not ids).
Exit 0 if everything holds, 1 otherwise.
"""
import json, os, sys, collections
from datetime import datetime, timedelta

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TYPES = ["single-hop", "multi-hop", "temporal", "open-domain", "adversarial"]
errors = []

def err(msg):
    errors.append(msg)

def load(name):
    rows = []
    with open(os.path.join(ROOT, name), encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as e:
                    err(f"{name}:{i}: bad JSON ({e})")
    return rows

notes, queries, answers = load("notes.jsonl"), load("queries.jsonl"), load("answers.jsonl")

# notes
by_id = {}
for n in notes:
    for k in ("id", "client", "text", "at"):
        if not isinstance(n.get(k), str) or not n.get(k).strip():
            err(f"note {n.get('id')}: missing or empty {k}")
    if n["id"] in by_id:
        err(f"duplicate note id {n['id']}")
    by_id[n["id"]] = n
    try:
        at = datetime.fromisoformat(n["at"])
        if at.tzinfo is not None:
            err(f"note {n['id']}: `at` is not naive")
        if not (datetime(2025, 1, 1) <= at < datetime(2027, 1, 1)):
            err(f"note {n['id']}: `at` outside 2025-2026")
        n["_at"] = at
    except ValueError:
        err(f"note {n['id']}: bad `at` {n['at']!r}")

# sessions per client
session_of = {}
sessions = collections.defaultdict(list)          # client -> [[note,...], ...]
for client in sorted({n["client"] for n in notes}):
    mine = sorted((n for n in notes if n["client"] == client and "_at" in n), key=lambda n: n["_at"])
    for n in mine:
        if not sessions[client] or n["_at"] - sessions[client][-1][-1]["_at"] > timedelta(hours=3):
            sessions[client].append([])
        sessions[client][-1].append(n)
        session_of[n["id"]] = (client, len(sessions[client]))
for client, ss in sessions.items():
    if len(ss) < 20:
        err(f"history {client}: only {len(ss)} sessions")
    for i, s in enumerate(ss, 1):
        if not 8 <= len(s) <= 25:
            err(f"history {client}: session {i} ({s[0]['at']}) has {len(s)} turns")
    months = (ss[-1][-1]["_at"] - ss[0][0]["_at"]).days / 30.44
    if not 12 <= months <= 20.5:
        err(f"history {client}: spans {months:.1f} months")

# queries and answers
qs = {}
for q in queries:
    if q.get("qid") in qs:
        err(f"duplicate qid {q.get('qid')}")
    if not isinstance(q.get("query"), str) or not q["query"].strip():
        err(f"query {q.get('qid')}: empty query")
    if "client" in q and q["client"] not in sessions:
        err(f"query {q['qid']}: unknown client {q['client']!r}")
    qs[q["qid"]] = q
ans = {}
for a in answers:
    if a.get("qid") in ans:
        err(f"duplicate answer for {a.get('qid')}")
    ans[a["qid"]] = a
if set(qs) != set(ans):
    err(f"queries without answers: {sorted(set(qs) - set(ans))[:5]}; answers without queries: {sorted(set(ans) - set(qs))[:5]}")

per_hist = collections.defaultdict(collections.Counter)
given = 0
for qid, a in ans.items():
    q = qs.get(qid, {})
    if a.get("type") not in TYPES:
        err(f"{qid}: unknown type {a.get('type')!r}")
    ev = a.get("evidence") or []
    if not ev:
        err(f"{qid}: no evidence")
    if len(set(ev)) != len(ev):
        err(f"{qid}: repeated evidence id")
    missing = [e for e in ev if e not in by_id]
    if missing:
        err(f"{qid}: evidence ids not in notes: {missing}")
        continue
    clients = {by_id[e]["client"] for e in ev}
    if len(clients) != 1:
        err(f"{qid}: evidence spans histories {sorted(clients)}")
    if "client" in q:
        given += 1
        if clients != {q["client"]}:
            err(f"{qid}: evidence not all under the query's client {q['client']!r}")
    if a.get("type") == "multi-hop" and len({session_of[e] for e in ev}) < 2:
        err(f"{qid}: multi-hop evidence within one session")
    per_hist[next(iter(clients))][a.get("type")] += 1

for client in sessions:
    c = per_hist[client]
    if sum(c.values()) < 40:
        err(f"history {client}: only {sum(c.values())} questions")
    for t in TYPES:
        if not c[t]:
            err(f"history {client}: no {t} question")
if len(qs) < 420:
    err(f"only {len(qs)} questions")
if qs and not 0.35 <= given / len(qs) <= 0.65:
    err(f"client given for {given}/{len(qs)} questions, not about half")

# report
print(f"{'history':<16}{'sessions':>9}{'turns':>7}{'months':>8}{'qs':>5}  " + " ".join(f"{t[:6]:>6}" for t in TYPES))
for client, ss in sessions.items():
    months = (ss[-1][-1]["_at"] - ss[0][0]["_at"]).days / 30.44
    c = per_hist[client]
    print(f"{client:<16}{len(ss):>9}{sum(map(len, ss)):>7}{months:>8.1f}{sum(c.values()):>5}  " + " ".join(f"{c[t]:>6}" for t in TYPES))
tot = collections.Counter(a.get("type") for a in ans.values())
print(f"{'total':<16}{sum(map(len, sessions.values())):>9}{len(notes):>7}{'':>8}{len(qs):>5}  " + " ".join(f"{tot[t]:>6}" for t in TYPES))
print(f"client given: {given}/{len(qs)}")
if errors:
    print(f"\nFAILED: {len(errors)} problem(s)")
    for e in errors[:50]:
        print("  " + e)
    sys.exit(1)
print("\nvalidation passed")
