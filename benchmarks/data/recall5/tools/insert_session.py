"""insert_session.py FILE < block   (block starts with an @YYYY-MM-DD HH:MM line; inserted in date order)"""
import sys, datetime
path = sys.argv[1]; block = sys.stdin.read().strip("\n") + "\n"
d = datetime.datetime.strptime(block.split("\n")[0][1:].strip(), "%Y-%m-%d %H:%M")
lines = open(path, encoding="utf-8").read().split("\n")
pos = None
for i, l in enumerate(lines):
    if l.startswith("@") and datetime.datetime.strptime(l[1:].strip(), "%Y-%m-%d %H:%M") > d: pos = i; break
    if l.startswith("?"): pos = i; break
if pos is None: pos = len(lines)
lines[pos:pos] = block.rstrip("\n").split("\n")
open(path, "w", encoding="utf-8").write("\n".join(lines))
print("inserted at line", pos + 1)
