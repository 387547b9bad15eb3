#!/usr/bin/env python3
"""Check notes.jsonl / queries.jsonl / answers.jsonl.

Fields, id shapes, unique ids, naive ISO datetimes, 20-22 sessions of 8-12 turns per history,
12-18 months span, 40-50 questions per history, evidence ids exist and stay in their history,
multi-hop evidence from >= 2 sessions, every type present per history, ~60% of questions carry
`client`, every question without `client` names a person of its history, and adversarial questions share no content word with any evidence turn (light stemming).
Exit 1 on any error.
"""
import json, re, sys
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TYPES = {"single-hop", "multi-hop", "temporal", "open-domain", "adversarial"}
STOP = set("""a an the and or but if of to in on at by for with from as is are was were be been being
do does did done have has had having i me my we our you your he him his she her it its they them their
this that these those what which who whom whose when where why how there here than then so not no yes
any all some each both few more most other such only own same too very can will just should would could
may might must shall about above after again against before below between during into out over under
up down off once further while until because also ever still yet get got go went gone one ok oh
s t d ll re ve m""".split())
errors = []


def err(m):
    errors.append(m)


def load(name):
    rows = []
    with open(ROOT / name, encoding="utf-8") as f:
        for i, l in enumerate(f, 1):
            try:
                rows.append(json.loads(l))
            except Exception as e:
                err(f"{name}:{i}: bad json {e}")
    return rows


def stem(w):
    for suf in ("ings", "ing", "edly", "ed", "ies", "es", "s", "ly", "er"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            w = w[: -len(suf)]
            break
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    return w


def content(text):
    return {stem(w) for w in re.findall(r"[a-z0-9\u00c0-\u024f]+", text.lower()) if w not in STOP and len(w) > 1}


def main():
    notes, queries, answers = load("notes.jsonl"), load("queries.jsonl"), load("answers.jsonl")
    byid = {}
    hist = defaultdict(list)
    for n in notes:
        if set(n) != {"id", "client", "text", "at"}:
            err(f"note fields {n.get('id')}: {sorted(n)}")
        if not re.fullmatch(r"h\d\d-s\d\d-t\d\d", n.get("id", "")):
            err(f"note id shape {n.get('id')}")
        if n["id"] in byid:
            err(f"duplicate note id {n['id']}")
        try:
            dt = datetime.fromisoformat(n["at"])
            if dt.tzinfo is not None:
                err(f"aware datetime {n['id']}")
        except Exception:
            err(f"bad at {n['id']}")
        if not n["text"].strip() or not n["client"].strip():
            err(f"empty text/client {n['id']}")
        byid[n["id"]] = n
        hist[n["id"][:3]].append(n)
    for h, ns in sorted(hist.items()):
        if len({n["client"] for n in ns}) != 1:
            err(f"{h}: more than one client")
        sess = Counter(n["id"][:7] for n in ns)
        if not 20 <= len(sess) <= 22:
            err(f"{h}: {len(sess)} sessions")
        for s, c in sess.items():
            if not 8 <= c <= 12:
                err(f"{s}: {c} turns")
        ats = sorted(datetime.fromisoformat(n["at"]) for n in ns)
        months = (ats[-1] - ats[0]).days / 30.44
        if not 11.5 <= months <= 18.5:
            err(f"{h}: spans {months:.1f} months")
        if [n["at"] for n in ns] != sorted(n["at"] for n in ns):
            err(f"{h}: turns not in time order")
    qby = {}
    for q in queries:
        if not set(q) <= {"qid", "query", "client"} or "qid" not in q or "query" not in q:
            err(f"query fields {q}")
        if q["qid"] in qby:
            err(f"duplicate qid {q['qid']}")
        qby[q["qid"]] = q
    aby = {a["qid"]: a for a in answers}
    if set(aby) != set(qby):
        err("qids differ between queries and answers")
    per_h = defaultdict(Counter)
    with_client = 0
    for a in answers:
        qid = a["qid"]
        h = qid[:3]
        q = qby.get(qid, {})
        if set(a) != {"qid", "type", "evidence"}:
            err(f"answer fields {qid}")
        if a["type"] not in TYPES:
            err(f"{qid}: type {a['type']}")
        per_h[h][a["type"]] += 1
        if not a["evidence"]:
            err(f"{qid}: no evidence")
        if len(set(a["evidence"])) != len(a["evidence"]):
            err(f"{qid}: duplicate evidence")
        for e in a["evidence"]:
            if e not in byid:
                err(f"{qid}: evidence {e} missing")
            elif e[:3] != h:
                err(f"{qid}: evidence {e} outside history")
        if a["type"] == "multi-hop" and len({e[:7] for e in a["evidence"]}) < 2:
            err(f"{qid}: multi-hop from one session")
        if "client" in q:
            with_client += 1
            if hist.get(h) and q["client"] != hist[h][0]["client"]:
                err(f"{qid}: client is not its history's")
        if a["type"] == "adversarial":
            ev_words = set().union(*(content(byid[e]["text"]) for e in a["evidence"] if e in byid))
            shared = content(q.get("query", "")) & ev_words
            if shared:
                err(f"{qid}: adversarial shares {sorted(shared)}")
    for h, c in sorted(per_h.items()):
        total = sum(c.values())
        if not 40 <= total <= 50:
            err(f"{h}: {total} questions")
        for t in TYPES:
            if c[t] == 0:
                err(f"{h}: no {t} question")
    # a question without `client` must name a person of its history (P line of src/hNN.txt)
    people = {}
    for src in sorted((ROOT / "src").glob("h*.txt")):
        for line in src.read_text(encoding="utf-8").splitlines():
            if line.startswith("P "):
                people[src.stem] = [x.strip().lower() for x in line[2:].split(",")]
    for a in answers:
        q = qby.get(a["qid"], {})
        if "client" not in q:
            names = people.get(a["qid"][:3], [])
            if not any(n in q.get("query", "").lower() for n in names):
                err(f"{a['qid']}: no client and names no person: {q.get('query')}")
    share = with_client / max(1, len(answers))
    if not 0.5 <= share <= 0.7:
        err(f"client share {share:.2f}")
    print(f"histories {len(hist)}  notes {len(notes)}  questions {len(answers)}  with client {share:.0%}")
    for h, c in sorted(per_h.items()):
        print(h, len({n['id'][:7] for n in hist[h]}), "sessions", len(hist[h]), "turns", dict(sorted(c.items())))
    for e in errors:
        print("ERROR", e)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
