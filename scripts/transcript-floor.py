#!/usr/bin/env python3
"""The floor `transcript import` is measured against: Python's sqlite3 doing the same writes.

Usage:
    python3 scripts/transcript-floor.py DB TRANSCRIPT [--format text|vtt] [--cast CAST.tsv]

Creates DB afresh (any file there, and its -wal and -shm, is removed first) the way a Roundtable
workspace is made: 8 KiB pages, WAL, synchronous NORMAL (GRDB's setting for WAL), foreign keys
on. It holds the `utterance` table with its indexes, the `utteranceSearch` FTS5 table and the
three triggers exactly as `SchemaV3.swift` creates them, plus one-column stand-ins for the tables
`utterance` references (`session`, `participant`, `moderator`). `roundtable_fold` is registered
as a Python function doing the same folding as `UnicodeText.searchKey`: compatibility
decomposition, lower case, marks dropped, Nordic letters folded (ø→o, æ→ae, ß→ss, …), white space
collapsed to single spaces.

Then it reads TRANSCRIPT line by line (never whole) and inserts each turn in one transaction, as
`transcript import` does:
    text  `[hh:mm:ss] Speaker: text` or `Speaker: text` starts a turn; other non-blank lines
          continue it (joined by a line break)
    vtt   WebVTT cues (`<v Name>text</v>`, `&amp;` and the like decoded, lines joined by a space);
          consecutive cues by one speaker become one turn, texts joined by a space, from the
          first cue's start to the last one's end; a cue without a voice continues the speaker before
Speakers are matched by label to the people CAST names (the generator's `--cast` output, read
from CAST or from `scripts/bench-transcripts-generate.py --cast`): a label that is a whole word
of exactly one person's name, folded, gives that person's id; the match is made once per label.

Prints "floor: N turns from C cues into DB". Standard library only.
"""

import argparse
import os
import re
import sqlite3
import subprocess
import sys
import unicodedata

# The DDL of SchemaV3.swift's createTranscripts, as GRDB writes it, and its FTS5 table and triggers.
SCHEMA = """
CREATE TABLE session (id INTEGER PRIMARY KEY AUTOINCREMENT);
CREATE TABLE participant (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL);
CREATE TABLE moderator (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL);
CREATE TABLE "utterance" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT,
    "sessionId" INTEGER NOT NULL REFERENCES "session"("id") ON DELETE CASCADE,
    "sequence" INTEGER NOT NULL CHECK (sequence > 0),
    "participantId" INTEGER REFERENCES "participant"("id"),
    "moderatorId" INTEGER REFERENCES "moderator"("id"),
    "speakerLabel" TEXT NOT NULL,
    "startMs" INTEGER CHECK (startMs >= 0),
    "endMs" INTEGER CHECK (endMs >= startMs),
    "text" TEXT NOT NULL,
    UNIQUE ("sessionId", "sequence"),
    CHECK (participantId IS NULL OR moderatorId IS NULL));
CREATE INDEX "utterance_on_participantId" ON "utterance"("participantId");
CREATE INDEX "utterance_on_moderatorId" ON "utterance"("moderatorId");
CREATE VIRTUAL TABLE utteranceSearch USING fts5(text, tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER utterance_search_insert AFTER INSERT ON utterance BEGIN
    INSERT INTO utteranceSearch (rowid, text) VALUES (new.id, roundtable_fold(new.text));
END;
CREATE TRIGGER utterance_search_delete AFTER DELETE ON utterance BEGIN
    DELETE FROM utteranceSearch WHERE rowid = old.id;
END;
CREATE TRIGGER utterance_search_update AFTER UPDATE OF text ON utterance BEGIN
    UPDATE utteranceSearch SET text = roundtable_fold(new.text) WHERE rowid = new.id;
END;
"""

# UnicodeText.searchFoldings: letters without a combining mark that search reads as base letters.
LIGATURES = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ð": "d", "þ": "th", "ł": "l", "ı": "i"})
MARKS = ("Mn", "Mc", "Me")


def fold_slow(text):
    decomposed = unicodedata.normalize("NFKD", text).lower()
    kept = "".join(c for c in decomposed if unicodedata.category(c) not in MARKS)
    return kept.translate(LIGATURES)


# The folds of U+0080…U+024F worked out once, as UnicodeText's latinFolds, so most text folds in C.
LATIN = {code: fold_slow(chr(code)) for code in range(0x80, 0x250)}
LATIN.update({code: chr(code).lower() for code in range(0x41, 0x5B)})
LATIN_TABLE = str.maketrans(LATIN)


def fold(text):
    """UnicodeText.searchKey: NFKD, lower case, marks dropped, ligatures folded, spaces collapsed."""
    if text is None:
        return None
    if text.isascii():
        return " ".join(text.lower().split())
    folded = text.translate(LATIN_TABLE)
    if not folded.isascii() and any(ord(c) >= 0x250 for c in folded):
        folded = fold_slow(folded)
    return " ".join(folded.split())


TURN = re.compile(r"^(?:\[(\d+):(\d\d):(\d\d)\]\s*)?([^:\[\]]{1,200}?):\s*(.*)$")


def text_turns(path):
    """(line, speaker, startMs, endMs, text) of a plain-text transcript, read a line at a time."""
    current = None
    with open(path, encoding="utf-8-sig") as lines:
        for number, line in enumerate(lines, 1):
            line = line.strip()
            if not line:
                continue
            head = TURN.match(line)
            if head is None:
                current[4].append(line)
                continue
            if current is not None:
                yield current[0], current[1], current[2], None, unicodedata.normalize("NFC", "\n".join(current[4]))
            hours, minutes, seconds, speaker, text = head.groups()
            start = None if hours is None else ((int(hours) * 60 + int(minutes)) * 60 + int(seconds)) * 1000
            current = (number, unicodedata.normalize("NFC", speaker.strip()), start, None, [text] if text else [])
    if current is not None:
        yield current[0], current[1], current[2], None, unicodedata.normalize("NFC", "\n".join(current[4]))


TIMING = re.compile(r"^(?:(\d+):)?(\d\d):(\d\d)\.(\d{3})\s+-->\s+(?:(\d+):)?(\d\d):(\d\d)\.(\d{3})")
VOICE = re.compile(r"<v[ .\t]([^>]*)>")
TAG = re.compile(r"<[^>]*>")
ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'", "&nbsp;": " "}
ENTITY = re.compile("|".join(ENTITIES))


def milliseconds(h, m, s, ms):
    return ((int(h or 0) * 60 + int(m)) * 60 + int(s)) * 1000 + int(ms)


def vtt_cues(path):
    """(line, speaker or None, startMs, endMs, text) of each WebVTT cue, read a line at a time."""
    cue = None
    with open(path, encoding="utf-8-sig") as lines:
        for number, line in enumerate(lines, 1):
            line = line.strip()
            if not line:
                if cue is not None and cue[4]:
                    yield cue
                cue = None
                continue
            if cue is None:
                timing = TIMING.match(line)
                if timing:
                    g = timing.groups()
                    cue = [number, None, milliseconds(*g[:4]), milliseconds(*g[4:]), ""]
                continue
            voice = VOICE.search(line)
            if voice:
                cue[1] = unicodedata.normalize("NFC", " ".join(ENTITY.sub(lambda m: ENTITIES[m.group()], voice.group(1)).split()))
            text = " ".join(ENTITY.sub(lambda m: ENTITIES[m.group()], TAG.sub("", line)).split())
            if text:
                cue[4] = cue[4] + " " + text if cue[4] else text
    if cue is not None and cue[4]:
        yield cue


def vtt_turns(path, counter):
    """Consecutive cues by one speaker merged into turns (CueMerger with a space)."""
    turn = None
    speaker = None
    for line, voice, start, end, text in vtt_cues(path):
        counter[0] += 1
        speaker = voice or speaker or "Unknown speaker"
        if turn is not None and turn[1] == speaker and len(turn[4]) + 1 + len(text) <= 10_000:
            turn[4] += " " + text
            turn[3] = end
            continue
        if turn is not None:
            yield tuple(turn[:4]) + (unicodedata.normalize("NFC", turn[4]),)
        turn = [line, speaker, start, end, text]
    if turn is not None:
        yield tuple(turn[:4]) + (unicodedata.normalize("NFC", turn[4]),)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db")
    parser.add_argument("transcript")
    parser.add_argument("--format", choices=("text", "vtt"), default="text")
    parser.add_argument("--cast", help="the generator's --cast output (default: run the generator)")
    args = parser.parse_args()

    if args.cast:
        with open(args.cast, encoding="utf-8") as f:
            cast = f.read()
    else:
        generator = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bench-transcripts-generate.py")
        cast = subprocess.run([sys.executable, generator, "--cast"], check=True, capture_output=True, text=True).stdout

    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(args.db + suffix):
            os.remove(args.db + suffix)
    db = sqlite3.connect(args.db, isolation_level=None)
    db.execute("PRAGMA page_size = 8192")
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute("PRAGMA foreign_keys = ON")
    db.create_function("roundtable_fold", 1, fold, deterministic=True)
    db.executescript(SCHEMA)
    people = []  # (table, id, folded words of the name)
    db.execute("BEGIN IMMEDIATE")
    for row in cast.splitlines():
        role, name, _email = row.split("\t")
        table = "moderator" if role == "moderator" else "participant"
        person = db.execute(f"INSERT INTO {table} (name) VALUES (?)", (name,)).lastrowid
        people.append((table, person, set(fold(name).replace(",", " ").split())))
    session = db.execute("INSERT INTO session DEFAULT VALUES").lastrowid
    db.execute("COMMIT")

    matched = {}

    def speaker(label):
        if label not in matched:
            words = set(fold(label).split())
            fits = [(table, person) for table, person, name in people if words <= name]
            matched[label] = fits[0] if len(fits) == 1 else (None, None)
        return matched[label]

    cues = [0]
    turns = text_turns(args.transcript) if args.format == "text" else vtt_turns(args.transcript, cues)
    insert = """INSERT INTO utterance (sessionId, sequence, participantId, moderatorId, speakerLabel, startMs, endMs, text)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)"""
    count = 0
    db.execute("BEGIN IMMEDIATE")
    for _line, label, start, end, text in turns:
        count += 1
        table, person = speaker(label)
        db.execute(insert, (session, count, person if table == "participant" else None,
                            person if table == "moderator" else None, label, start, end, text))
    db.execute("COMMIT")
    db.close()
    print(f"floor: {count} turns" + (f" from {cues[0]} cues" if args.format == "vtt" else "") + f" into {args.db}")


if __name__ == "__main__":
    main()
