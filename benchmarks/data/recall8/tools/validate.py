#!/usr/bin/env python3
"""Validate notes.jsonl, queries.jsonl, answers.jsonl of the blind long-history recall set.

Checks: fields and types; id shape hNN-sSS-tTT and uniqueness; naive ISO datetimes inside
2025-2026, in order within a history; 10 histories, >= 20 sessions each of 8-12 turns, a span of
12-20 months; 5 histories of each kind and 5 filed under a person / 5 under an opaque name
(read from src/ headers); 40-50 questions per history, all five types present in each;
evidence ids exist and stay in the question's history; multi-hop evidence spans >= 2 sessions;
adversarial questions share no content word (after light stemming) with their evidence text;
a question without "client" names a person of its history; about half carry the client.
Exit 0 when all pass, 1 otherwise.
"""
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TYPES = {"single-hop", "multi-hop", "temporal", "open-domain", "adversarial"}
ID = re.compile(r"^h(\d\d)-s(\d\d)-t(\d\d)$")
QID = re.compile(r"^h(\d\d)-q(\d\d)$")
STOP = set("""a an the and or but if of to in on at by for with from into onto over under about as is are was were be been
being am do does did done doing have has had having i me my mine we us our you your he him his she her hers they them
their it its this that these those there here what which who whom whose when where why how whether than then so too
very can could will would shall should may might must not no nor any all each both few more most other some such only
own same just also again ever still yet already up down out off once s t d ll re ve m o y w n st nd rd th
get got go went going come came one two first last next new old now before after during since until till ago
tell told say said lot lots thing things much many anyone anything someone something""".split())


def norm(text):
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.findall(r"[a-z0-9]+", text.replace("'s", " ").replace("’s", " "))


def stem(w):
    for suf in ("ing", "edly", "ed", "es", "ly", "s"):
        if len(w) > len(suf) + 2 and w.endswith(suf) and not (suf == "s" and w.endswith("ss")):
            return w[: -len(suf)]
    return w


def content(text):
    return {stem(w) for w in norm(text) if w not in STOP and len(w) > 1}


def load(name):
    rows = []
    with open(ROOT / name, encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                errs.append(f"{name}:{i}: bad json {e}")
    return rows


def headers():
    out = {}
    for p in sorted((ROOT / "src").glob("h[0-9][0-9].txt")):
        meta = {}
        for line in p.read_text(encoding="utf-8").splitlines():
            if line.startswith("=="):
                break
            k, _, v = line.partition(":")
            meta[k.strip()] = v.strip()
        out[p.stem] = meta
    return out


errs = []


def main():
    notes, queries, answers = load("notes.jsonl"), load("queries.jsonl"), load("answers.jsonl")
    meta = headers()
    by_id, hist_notes = {}, defaultdict(list)
    for n in notes:
        if set(n) != {"id", "client", "text", "at"}:
            errs.append(f"note fields {n.get('id')}: {sorted(n)}")
            continue
        m = ID.match(n["id"])
        if not m:
            errs.append(f"bad note id {n['id']}")
            continue
        if n["id"] in by_id:
            errs.append(f"duplicate note id {n['id']}")
        if not isinstance(n["text"], str) or not n["text"].strip():
            errs.append(f"empty text {n['id']}")
        try:
            at = datetime.fromisoformat(n["at"])
            if at.tzinfo is not None or not (2025 <= at.year <= 2026):
                errs.append(f"at not naive 2025-2026: {n['id']} {n['at']}")
        except (TypeError, ValueError):
            errs.append(f"bad at {n['id']} {n['at']}")
            continue
        n["_at"] = at
        by_id[n["id"]] = n
        hist_notes["h" + m.group(1)].append(n)
    if len(hist_notes) != 10:
        errs.append(f"{len(hist_notes)} histories, want 10")
    kinds, filing = Counter(), Counter()
    people = {}
    for h, ns in sorted(hist_notes.items()):
        clients = {n["client"] for n in ns}
        if len(clients) != 1:
            errs.append(f"{h}: several client names {clients}")
        md = meta.get(h, {})
        kinds[md.get("kind")] += 1
        filing["opaque" if re.search(r"\d", next(iter(clients))) else "person"] += 1
        people[h] = [p.strip() for p in md.get("people", "").split(",") if p.strip()]
        ats = [n["_at"] for n in ns]
        if ats != sorted(ats):
            errs.append(f"{h}: notes out of time order")
        months = (ats[-1].year - ats[0].year) * 12 + ats[-1].month - ats[0].month
        if not 12 <= months <= 20:
            errs.append(f"{h}: spans {months} months")
        sess = Counter(ID.match(n["id"]).group(2) for n in ns)
        if len(sess) < 20:
            errs.append(f"{h}: {len(sess)} sessions")
        for s, c in sess.items():
            if not 8 <= c <= 12:
                errs.append(f"{h}-s{s}: {c} turns")
    if kinds != Counter({"sales": 5, "chat": 5}):
        errs.append(f"kinds {dict(kinds)}")
    if filing != Counter({"person": 5, "opaque": 5}):
        errs.append(f"filing {dict(filing)}")
    qby = {}
    for q in queries:
        if not set(q) <= {"qid", "query", "client"} or not {"qid", "query"} <= set(q):
            errs.append(f"query fields {q}")
            continue
        if not QID.match(q["qid"]) or q["qid"] in qby:
            errs.append(f"bad or duplicate qid {q['qid']}")
        qby[q["qid"]] = q
    seen = set()
    per_h, carry = defaultdict(Counter), Counter()
    for a in answers:
        if set(a) != {"qid", "type", "evidence"}:
            errs.append(f"answer fields {a}")
            continue
        qid, h = a["qid"], a["qid"][:3]
        seen.add(qid)
        if qid not in qby:
            errs.append(f"answer without query {qid}")
            continue
        q = qby[qid]
        if a["type"] not in TYPES:
            errs.append(f"{qid}: type {a['type']}")
        per_h[h][a["type"]] += 1
        ev = a["evidence"]
        if not ev or len(set(ev)) != len(ev):
            errs.append(f"{qid}: empty or repeated evidence")
        for e in ev:
            if e not in by_id:
                errs.append(f"{qid}: evidence {e} missing")
            elif not e.startswith(h + "-"):
                errs.append(f"{qid}: evidence {e} outside {h}")
        if "client" in q:
            carry[h] += 1
            if q["client"] != hist_notes[h][0]["client"]:
                errs.append(f"{qid}: client {q['client']} is not the history's")
        else:
            qt = set(norm(q["query"]))
            if not any(set(norm(p)) <= qt for p in people.get(h, [])):
                errs.append(f"{qid}: no client and no person of {h} named: {q['query']}")
        if a["type"] == "multi-hop" and len({e[:7] for e in ev}) < 2:
            errs.append(f"{qid}: multi-hop evidence from one session")
        if a["type"] == "adversarial":
            shared = content(q["query"]) & set().union(*(content(by_id[e]["text"]) for e in ev if e in by_id))
            if shared:
                errs.append(f"{qid}: adversarial shares {sorted(shared)}")
    for qid in qby:
        if qid not in seen:
            errs.append(f"query without answer {qid}")
    for h in sorted(hist_notes):
        n = sum(per_h[h].values())
        if not 40 <= n <= 50:
            errs.append(f"{h}: {n} questions")
        missing = TYPES - set(per_h[h])
        if missing:
            errs.append(f"{h}: missing types {missing}")
        if not 0.35 <= carry[h] / max(n, 1) <= 0.65:
            errs.append(f"{h}: {carry[h]}/{n} questions carry the client")
    print(f"notes {len(notes)}, histories {len(hist_notes)}, queries {len(queries)}")
    for h in sorted(per_h):
        sess = len({n['id'][:7] for n in hist_notes[h]})
        print(f"  {h} {hist_notes[h][0]['client']!r:22} sessions {sess} turns {len(hist_notes[h])} "
              f"questions {sum(per_h[h].values())} carry-client {carry[h]} " + " ".join(f"{k}={v}" for k, v in sorted(per_h[h].items())))
    for e in errs:
        print("ERROR", e)
    print("OK" if not errs else f"{len(errs)} problems")
    return 0 if not errs else 1


if __name__ == "__main__":
    sys.exit(main())
