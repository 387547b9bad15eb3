"""retag.py FILE OP TAG LINE_PREFIX ...  (ops: add = also tag this line; move = remove TAG everywhere, then tag this line)"""
import sys, re
def load(p): return open(p, encoding="utf-8").read().split("\n")
def strip_tag(line, tag):
    m = re.match(r"^\[([^\]]+)\]\s*(.*)$", line)
    if not m: return line
    tags = [t.strip() for t in m.group(1).split(",") if t.strip() != tag]
    return (f"[{','.join(tags)}] " if tags else "") + m.group(2)
def body(line):
    m = re.match(r"^\[([^\]]+)\]\s*(.*)$", line)
    return m.group(2) if m else line
def add_tag(line, tag):
    m = re.match(r"^\[([^\]]+)\]\s*(.*)$", line)
    if m:
        tags = [t.strip() for t in m.group(1).split(",")]
        if tag not in tags: tags.append(tag)
        return f"[{','.join(tags)}] " + m.group(2)
    return f"[{tag}] " + line
def apply(path, ops):
    lines = load(path)
    for op, tag, prefix in ops:
        hits = [i for i, l in enumerate(lines) if body(l).startswith(prefix) and not l.startswith("?")]
        if len(hits) != 1: sys.exit(f"{path}: {prefix!r} matched {len(hits)} lines")
        if op == "move":
            lines = [strip_tag(l, tag) if not l.startswith("?") else l for l in lines]
        lines[hits[0]] = add_tag(lines[hits[0]], tag)
    open(path, "w", encoding="utf-8").write("\n".join(lines))
if __name__ == "__main__":
    import json
    ops = json.load(sys.stdin)
    for path, lst in ops.items(): apply(path, lst)
    print("ok")
