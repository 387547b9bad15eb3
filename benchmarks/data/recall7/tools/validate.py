#!/usr/bin/env python3
"""Check the blind recall set. Exit 0 = valid; otherwise prints every problem and exits 1."""
import collections
import datetime as dt
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TYPES = {"single-hop", "multi-hop", "temporal", "open-domain", "adversarial"}
NOTE_ID = re.compile(r"^h(\d\d)-s(\d\d)-t(\d\d)$")
STOP = set("""a an the and or but if of to in on at by for with from about into over after before
between under again then once here there when where why how what which who whom whose this that these
those am is are was were be been being have has had having do does did doing i me my we our you your he
him his she her it its they them their not no nor so than too very can will just should would could
may might must shall any all each both few more most other some such only own same s t don now up down
out off also as did ever get got go going make made say said tell told know one two new still yet while
per via vs let lets us ok okay yes yeah oh""".split())


def stem(w):
    w = w.lower().strip("'")
    if w.endswith("'s"):
        w = w[:-2]
    for suf in ("ing", "ies", "ied", "es", "ed", "ly", "s"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[: -len(suf)]
    return w


def content(text):
    return {stem(w) for w in re.findall(r"[A-Za-z][A-Za-z']*", text) if w.lower() not in STOP and len(w) > 1} - {""}


def load(name):
    rows = []
    with open(os.path.join(ROOT, name), encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except ValueError as e:
                    raise SystemExit(f"{name}:{i}: not JSON: {e}")
    return rows


def main():
    errs = []
    notes, queries, answers = load("notes.jsonl"), load("queries.jsonl"), load("answers.jsonl")
    byid, hist = {}, collections.defaultdict(lambda: collections.defaultdict(list))
    hclient = {}
    for n in notes:
        if set(n) != {"id", "client", "text", "at"}:
            errs.append(f"note {n.get('id')}: fields {sorted(n)}")
        m = NOTE_ID.match(n.get("id", ""))
        if not m:
            errs.append(f"bad note id {n.get('id')!r}")
            continue
        if n["id"] in byid:
            errs.append(f"duplicate note id {n['id']}")
        byid[n["id"]] = n
        try:
            at = dt.datetime.fromisoformat(n["at"])
            if at.tzinfo is not None:
                errs.append(f"{n['id']}: at has a time zone")
            if not (2025 <= at.year <= 2026):
                errs.append(f"{n['id']}: at outside 2025-2026")
            n["_at"] = at
        except (ValueError, TypeError):
            errs.append(f"{n['id']}: bad at {n.get('at')!r}")
            continue
        if not n["text"].strip():
            errs.append(f"{n['id']}: empty text")
        h = "h" + m.group(1)
        hist[h][m.group(2)].append(n)
        if hclient.setdefault(h, n["client"]) != n["client"]:
            errs.append(f"{n['id']}: client differs within {h}")
    if len(hist) != 10:
        errs.append(f"expected 10 histories, found {len(hist)}")
    opaque = {h for h, c in hclient.items() if re.search(r"\d", c)}
    if len(opaque) != 5:
        errs.append(f"expected 5 opaque thread names, found {sorted(hclient[h] for h in opaque)}")
    if len(set(hclient.values())) != len(hclient):
        errs.append("two histories share a client name")
    chats = 0
    for h, sessions in sorted(hist.items()):
        if len(sessions) < 20:
            errs.append(f"{h}: {len(sessions)} sessions (< 20)")
        prev = None
        for s, turns in sorted(sessions.items()):
            if not 8 <= len(turns) <= 12:
                errs.append(f"{h}-s{s}: {len(turns)} turns (not 8-12)")
            t0 = turns[0]["_at"]
            if prev and t0 <= prev:
                errs.append(f"{h}-s{s}: session not after the previous one")
            prev = turns[-1]["_at"]
        ats = [n["_at"] for ss in sessions.values() for n in ss]
        months = (max(ats).year - min(ats).year) * 12 + max(ats).month - min(ats).month
        if not 12 <= months <= 20:
            errs.append(f"{h}: spans {months} months (not 12-20)")
        allturns = [n for ss in sessions.values() for n in ss]
        if all(re.match(r"^[A-Z][\w.'-]*( [A-Z][\w.'-]*)?: ", n["text"]) for n in allturns):
            chats += 1
    if chats != 5:
        errs.append(f"expected 5 personal chats written as `Name: text`, found {chats}")

    qby = {}
    for q in queries:
        if not {"qid", "query"} <= set(q) or not set(q) <= {"qid", "query", "client"}:
            errs.append(f"query {q.get('qid')}: fields {sorted(q)}")
        if q.get("qid") in qby:
            errs.append(f"duplicate qid {q.get('qid')}")
        qby[q.get("qid")] = q
    aby = {a.get("qid"): a for a in answers}
    if set(aby) != set(qby) or len(answers) != len(queries):
        errs.append("queries.jsonl and answers.jsonl do not hold the same qids")
    per_h = collections.defaultdict(list)
    names_by_h = {h: {w for ss in s.values() for n in ss for w in re.findall(r"\b[A-Z][a-zA-Z]+", n["text"])}
                  for h, s in hist.items()}
    for qid, q in qby.items():
        a = aby.get(qid)
        if not a:
            continue
        h = qid.split("-")[0]
        per_h[h].append((q, a))
        if a.get("type") not in TYPES:
            errs.append(f"{qid}: bad type {a.get('type')!r}")
        ev = a.get("evidence") or []
        if not ev:
            errs.append(f"{qid}: no evidence")
        if len(set(ev)) != len(ev):
            errs.append(f"{qid}: duplicate evidence ids")
        missing = [e for e in ev if e not in byid]
        if missing:
            errs.append(f"{qid}: unknown evidence {missing}")
            continue
        if any(not e.startswith(h + "-") for e in ev):
            errs.append(f"{qid}: evidence outside {h}")
        if "client" in q and q["client"] != hclient.get(h):
            errs.append(f"{qid}: client {q['client']!r} is not {hclient.get(h)!r}")
        if "client" not in q:
            for c in hclient.values():
                if re.search(r"\d", c) and c.lower() in q["query"].lower():
                    errs.append(f"{qid}: names the opaque thread {c!r}")
            qnames = {(w[:-2] if w.endswith("'s") else w).rstrip("'") for w in re.findall(r"\b[A-Z][a-zA-Z']+", q["query"])}
            if not qnames & names_by_h.get(h, set()):
                errs.append(f"{qid}: no client given and no person of {h} named")
        if a.get("type") == "multi-hop" and len({e.rsplit('-', 1)[0] for e in ev}) < 2:
            errs.append(f"{qid}: multi-hop evidence from one session")
        if a.get("type") == "adversarial":
            shared = content(q["query"]) & set().union(*(content(byid[e]["text"]) for e in ev))
            if shared:
                errs.append(f"{qid}: adversarial query shares {sorted(shared)} with its evidence")
    for h in sorted(hist):
        qs = per_h.get(h, [])
        if not 40 <= len(qs) <= 50:
            errs.append(f"{h}: {len(qs)} questions (want about 45)")
        types = collections.Counter(a["type"] for _, a in qs)
        if set(types) != TYPES:
            errs.append(f"{h}: types {dict(types)}")
    share = sum("client" in q for q in queries) / max(1, len(queries))
    if not 0.4 <= share <= 0.6:
        errs.append(f"client given on {share:.0%} of questions (want about half)")
    for e in errs:
        print("INVALID:", e)
    if errs:
        print(f"{len(errs)} problem(s)")
        return 1
    c = collections.Counter(a["type"] for a in answers)
    print(f"valid: {len(notes)} notes, {len(hist)} histories, {len(queries)} questions "
          f"({sum('client' in q for q in queries)} with client); " + ", ".join(f"{k} {v}" for k, v in sorted(c.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
