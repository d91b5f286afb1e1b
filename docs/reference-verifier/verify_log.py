#!/usr/bin/env python3
"""Reference verifier for a JSON log export of the cardiac escalation assistant.

Recomputes, with nothing but the Python standard library, what the app checks:
every episode's hash chain (SHA-256 over the canonical JSON of each event and
the previous event's hash) and the file's seal (episode count, event count and
the digest of the chain heads). An auditor can run it without the app:

    python3 verify_log.py export.json

Exit status 0: every chain and the seal verify. 1: something is broken (each
problem is printed). 2: the file cannot be read as a log export.

The canonical form (docs/trust.md, "The chain's canonical form"):
- UTF-8 bytes of JSON with no whitespace; object keys sorted by UTF-16 code
  units at every level; members whose value is undefined are left out.
- Strings as ECMAScript JSON.stringify writes them: non-ASCII characters as
  themselves (never \\u escapes), '"' and '\\' escaped, control characters as
  \\b \\f \\n \\r \\t or \\u00xx (lowercase hex).
- Numbers as ECMAScript Number.prototype.toString writes them: the shortest
  round-trip digits, no exponent from 1e-6 up to 1e21, else d.ddde+x / e-x.
- An event hash covers {episodeId, seq, id, type, stepId, data, at, mono,
  prevHash}; the first event's prevHash is 64 zeros.
- The seal's headsDigest is SHA-256 of the canonical JSON of the sorted list of
  "<episode id> <last seq> <last hash>" strings.
"""
import hashlib
import json
import sys
from decimal import Decimal

GENESIS = "0" * 64


def js_number(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        value = float(value) if abs(value) >= 10**21 else value
        if isinstance(value, int):
            return str(value)
    if value != value or value in (float("inf"), float("-inf")):
        return "null"
    if value == 0:
        return "0"
    sign = "-" if value < 0 else ""
    digits_tuple = Decimal(repr(abs(value))).normalize().as_tuple()
    digits = "".join(str(d) for d in digits_tuple.digits)
    k = len(digits)
    n = digits_tuple.exponent + k
    if k <= n <= 21:
        text = digits + "0" * (n - k)
    elif 0 < n <= 21:
        text = digits[:n] + "." + digits[n:]
    elif -6 < n <= 0:
        text = "0." + "0" * (-n) + digits
    else:
        e = n - 1
        mantissa = digits if k == 1 else digits[0] + "." + digits[1:]
        text = mantissa + "e" + ("+" if e >= 0 else "-") + str(abs(e))
    return sign + text


def js_string(text):
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\b":
            out.append("\\b")
        elif ch == "\f":
            out.append("\\f")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif code < 0x20 or 0xD800 <= code <= 0xDFFF:
            out.append("\\u%04x" % code)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def canonical(value):
    if value is None:
        return "null"
    if isinstance(value, bool) or isinstance(value, (int, float)):
        return js_number(value)
    if isinstance(value, str):
        return js_string(value)
    if isinstance(value, list):
        return "[" + ",".join(canonical(item) for item in value) + "]"
    if isinstance(value, dict):
        keys = sorted(value.keys(), key=lambda key: key.encode("utf-16-be"))
        return "{" + ",".join(js_string(key) + ":" + canonical(value[key]) for key in keys) + "}"
    raise ValueError("not JSON: %r" % (value,))


def sha256_hex(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def event_hash(event):
    fields = ("episodeId", "seq", "id", "type", "stepId", "data", "at", "mono", "prevHash")
    return sha256_hex(canonical({name: event[name] for name in fields if name in event}))


def verify_chain(episode_id, events):
    prev, expected = GENESIS, 1
    for event in events:
        seq = event.get("seq")
        if event.get("episodeId") != episode_id:
            return "event %s belongs to another episode" % seq
        if seq != expected:
            return "event %d is missing (found %s instead)" % (expected, seq)
        if event.get("prevHash") != prev:
            return "event %d does not link to the event before it" % seq
        if event_hash(event) != event.get("hash"):
            return "event %d was changed after it was written" % seq
        prev, expected = event["hash"], expected + 1
    return None if events else "the episode has no events"


def main(path):
    try:
        with open(path, encoding="utf-8") as handle:
            export = json.load(handle)
        episodes = export["episodes"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        print("cannot read %s as a log export: %s" % (path, error))
        return 2
    problems = []
    for item in episodes:
        episode_id = item["episode"]["id"]
        broken = verify_chain(episode_id, item["events"])
        if broken:
            problems.append("episode %s: %s" % (episode_id, broken))
    seal = export.get("seal") or {}
    heads = sorted(
        ("%s %s %s" % (item["episode"]["id"], item["events"][-1]["seq"] if item["events"] else 0, item["events"][-1]["hash"] if item["events"] else "")
         for item in episodes),
        key=lambda text: text.encode("utf-16-be"),
    )
    event_count = sum(len(item["events"]) for item in episodes)
    if seal.get("episodeCount") != len(episodes) or seal.get("eventCount") != event_count or seal.get("headsDigest") != sha256_hex(canonical(heads)):
        problems.append("the seal does not match the episodes in the file (an episode removed, a record cut short, or the seal edited)")
    for problem in problems:
        print(problem)
    if problems:
        return 1
    print("ok: %d episodes, %d events, every chain and the seal verify" % (len(episodes), event_count))
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: python3 verify_log.py EXPORT.json")
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
