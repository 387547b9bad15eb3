#!/usr/bin/env python3
"""Authoring aid: append hand-written extra turns at the end of given sessions.
usage: pad.py src/hNN.txt extras.txt   (extras: lines 'N<TAB>text', N = session number)"""
import sys
from collections import defaultdict
src, extras = sys.argv[1], sys.argv[2]
add = defaultdict(list)
for l in open(extras, encoding="utf-8"):
    if l.strip():
        n, t = l.rstrip("\n").split("\t", 1)
        add[int(n)].append(t)
out, si = [], 0
lines = open(src, encoding="utf-8").read().splitlines()
for l in lines:
    if l.startswith("S ") or l.startswith("Q "):
        if si and add.get(si):
            while out and not out[-1].strip():
                out.pop()
            out.extend(add.pop(si))
        if l.startswith("S "):
            si += 1
        if l.startswith("Q "):
            si = 10**6
    out.append(l)
if si < 10**6 and add.get(si):
    out.extend(add.pop(si))
open(src, "w", encoding="utf-8").write("\n".join(out) + "\n")
