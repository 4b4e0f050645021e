"""Compares what two versions of the CLI printed of one ward: every value the old version printed
must be printed the same by the new one (a newer version may add fields, never lose or change
one). JSON is compared structurally, other text byte for byte. Exit 0 when the same."""
import json
import sys


def within(a, b):
    if isinstance(a, dict):
        return isinstance(b, dict) and all(k in b and within(v, b[k]) for k, v in a.items())
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(within(x, y) for x, y in zip(a, b))
    return a == b


old, new = (open(f, encoding="utf-8").read() for f in sys.argv[1:3])
try:
    o, n = json.loads(old), json.loads(new)
except ValueError:
    sys.exit(0 if old.strip() and old == new else 1)
if not o:
    sys.exit("bản cũ không in gì")
sys.exit(0 if within(o, n) else "khác với bản cũ")
