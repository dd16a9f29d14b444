#!/usr/bin/env python3
"""Inflate a small workspace backup (written by `roundtable export workspace`) into a big one.

The seed's people, sessions, codebook and everything else are kept as they are; its <utterances>
and <codings> sections are replaced by UTTERANCES generated turns spread evenly over the seed's
sessions (Nordic speakers, the transcript generator's sentences) and about one coding per
CODING_EVERY utterances (half with spans), each naming a code of the seed's codebook. Prints the
counts as JSON on stdout so the benchmark can check what the restore reports.

Usage: bench-workspace-generate.py SEED.xml OUT.xml --utterances 1000000 [--coding-every 20] [--seed-value N]
"""
import argparse
import importlib.util
import json
import os
import random
import re
import sys
from xml.sax.saxutils import escape, quoteattr

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("gen", os.path.join(HERE, "bench-transcripts-generate.py"))
gen = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gen)


def attributes(tag):
    return dict(re.findall(r'(\w+)="([^"]*)"', tag))


def read_seed(path):
    """The seed's text split around its utterances and codings sections, plus what they refer to."""
    text = open(path, encoding="utf-8").read()
    sessions = re.findall(r'<session key="(S-[^"]+)"', text)
    participants = re.findall(r'<participant key="(P-[^"]+)"', text)
    moderators = re.findall(r'<moderator key="(M-[^"]+)"', text)
    codebook = re.search(r"<codebook>(.*?)</codebook>", text, re.S)
    codes = [attributes(m)["id"] for m in re.findall(r"<code [^>]*>", codebook.group(1))] if codebook else []
    return text, sessions, participants, moderators, codes


def guid(rng):
    h = f"{rng.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"


def section(text, name):
    """(start, end) of the section <name>…</name> or <name/> in text, or None."""
    m = re.search(rf"<{name}>.*?</{name}>|<{name}/>", text, re.S)
    return (m.start(), m.end()) if m else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seed")
    parser.add_argument("out")
    parser.add_argument("--utterances", type=int, default=1_000_000)
    parser.add_argument("--coding-every", type=int, default=20)
    parser.add_argument("--seed-value", type=int, default=20261205)
    args = parser.parse_args()

    text, sessions, participants, moderators, codes = read_seed(args.seed)
    if not sessions or not participants or not moderators or not codes:
        sys.exit("bench-workspace-generate: the seed needs sessions, participants, a moderator and codes")
    u = section(text, "utterances")
    c = section(text, "codings")
    if u is None or c is None or c[0] < u[1]:
        sys.exit("bench-workspace-generate: the seed needs <utterances> and then <codings>")
    head, middle, tail = text[:u[0]], text[u[1]:c[0]], text[c[1]:]

    rng = random.Random(args.seed_value)
    first_coding = 1 + max([int(x) for x in re.findall(r'<coding id="(\d+)"', text)] or [0])
    codings = []
    per_session = [args.utterances // len(sessions) + (i < args.utterances % len(sessions)) for i in range(len(sessions))]
    labels = [p[2] for p in gen.PARTICIPANTS]
    with open(args.out, "w", encoding="utf-8", newline="\n", buffering=1 << 20) as out:
        out.write(head)
        out.write("<utterances>\n")
        uid = 0
        for session, count in zip(sessions, per_session):
            ms = 0
            for seq in range(1, count + 1):
                uid += 1
                if seq == 1 or rng.random() < 0.18:
                    who = f' moderator="{moderators[0]}"'
                    speaker, templates = gen.MODERATOR[2], gen.MODERATOR_TEMPLATES
                else:
                    p = rng.randrange(min(len(labels), len(participants)))
                    who = f' participant="{participants[p]}"'
                    speaker, templates = labels[p], gen.PARTICIPANT_TEMPLATES
                n = 1 if templates is gen.MODERATOR_TEMPLATES else rng.choice((1, 1, 2, 2, 3))
                said = " ".join(gen.sentence(rng, templates) for _ in range(n))
                start = ms
                ms += rng.randint(2000, 12000)
                out.write(f'<utterance key="U-{uid:06d}" session="{session}" seq="{seq}"{who} startMs="{start}" '
                          f'endMs="{ms - 500}"><speaker>{escape(speaker)}</speaker><text>{escape(said)}</text></utterance>\n')
                if uid % args.coding_every == 0:
                    end = said.find(".")
                    span = f' start="0" end="{end + 1}"' if (uid // args.coding_every) % 2 == 0 and end > 0 else ""
                    codings.append((uid, rng.choice(codes), span))
        out.write("</utterances>")
        out.write(middle)
        out.write("<codings>\n")
        for i, (uid, code, span) in enumerate(codings):
            out.write(f'<coding id="{first_coding + i}" code="{code}" utterance="U-{uid:06d}"{span} coder="bench" '
                      f'at="2026-11-01T09:00:00Z" guid="{guid(rng)}"/>\n')
        out.write("</codings>")
        out.write(tail)
    print(json.dumps({"utterances": args.utterances, "codings": len(codings), "sessions": len(sessions),
                      "bytes": os.path.getsize(args.out)}))


if __name__ == "__main__":
    main()
