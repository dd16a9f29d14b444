#!/usr/bin/env python3
"""Builds the fuzz targets' seed corpora for scripts/fuzz.sh.

usage: fuzz-corpus.py REPO OUT [INTEROP]

Into OUT/<target>/ goes: Fuzz/Seeds/<target>/ (small inputs taken from the tests and the demo's
exports), the templates that are inputs (demo transcript, starter codebook), and, when INTEROP
(../shared/interop) exists, the real files written by other tools. A REFI-QDA archive is added
both as it is and as the plain-text form FuzzREFIProject mutates better (project.qde, then
"\\n--entry NAME--\\n" and the entry's bytes for each source), cut down to MAX bytes.
Each file is named by its content's hash, so running this again adds nothing twice.
"""
import hashlib
import os
import re
import sys
import zipfile

MAX = 24_000  # the REFI target's -max_len is 32768: larger inputs slow every execution down
TRIPLE_S_SURVEYS = {"fixed": 0, "utf16": 2}  # FuzzTripleSData's survey numbers (TripleSSurveys.swift)


def add(out, target, data, origin):
    folder = os.path.join(out, target)
    os.makedirs(folder, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()[:16] + "-" + re.sub(r"[^A-Za-z0-9._-]", "_", origin)[-40:]
    path = os.path.join(folder, name)
    if not os.path.exists(path):
        with open(path, "wb") as f:
            f.write(data)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def refi_container(entries):
    """project.qde and its text sources as FuzzREFIProject's plain form, each part cut to fit."""
    project = next((data for name, data in entries if name.lower() == "project.qde"), None)
    if project is None:
        return None
    sources = [(name, data) for name, data in entries if name.lower().endswith(".txt")][:3]
    budget = MAX // 2 // max(1, len(sources))
    project = shrink_project(project, MAX // 2)
    parts = [project] + [b"\n--entry " + name.encode() + b"--\n" + data[:budget] for name, data in sources]
    return b"".join(parts)


def shrink_project(project, limit):
    """Drops repeated elements from the end of a large project.qde until it fits: selections,
    cases and codes beyond the first few. Regular expressions, not a parser, so that the
    document's own spelling (namespaces, attribute order, BOM) stays as the tool wrote it."""
    text = project
    for tag, keep in [(b"PlainTextSelection", 12), (b"Case", 4), (b"Variable", 4), (b"Code", 24), (b"Note", 2)]:
        if len(text) <= limit:
            break
        pattern = re.compile(rb"<" + tag + rb"[ >/](?:[^<]|<(?!/?" + tag + rb"[ >/]))*?(?:/>|</" + tag + rb">)", re.S)
        count = 0

        def keep_first(match):
            nonlocal count
            count += 1
            return match.group(0) if count <= keep else b""

        text = pattern.sub(keep_first, text)
    return text[:limit]


def main():
    repo, out = sys.argv[1], sys.argv[2]
    interop = sys.argv[3] if len(sys.argv) > 3 else ""
    seeds = os.path.join(repo, "Fuzz", "Seeds")
    for target in sorted(os.listdir(seeds)):
        for name in sorted(os.listdir(os.path.join(seeds, target))):
            add(out, target, read(os.path.join(seeds, target, name)), name)
    templates = os.path.join(repo, "Sources/roundtable/Resources/templates")
    add(out, "FuzzTranscriptText", read(os.path.join(templates, "demo/transcript-mobile-banking.txt")), "demo.txt")
    codebooks = os.path.join(templates, "codebooks")
    for name in sorted(os.listdir(codebooks)):
        add(out, "FuzzREFICodebook", read(os.path.join(codebooks, name)), name)
    if not interop or not os.path.isdir(interop):
        print("fuzz-corpus: no interop samples at %s; seeds from the repository only" % (interop or "(none given)"))
        return
    refi = os.path.join(interop, "samples/refi")
    for name in sorted(os.listdir(refi)):
        path = os.path.join(refi, name)
        if name.endswith(".qdc"):
            add(out, "FuzzREFICodebook", read(path), name)
        elif name.endswith(".qde"):
            add(out, "FuzzREFIProject", shrink_project(read(path), MAX), name)
        elif name.endswith(".qdpx"):
            data = read(path)
            if len(data) <= MAX:
                add(out, "FuzzREFIProject", data, name)
            with zipfile.ZipFile(path) as archive:
                entries = [(i.filename, archive.read(i)) for i in archive.infolist() if not i.is_dir()]
            container = refi_container(entries)
            if container:
                add(out, "FuzzREFIProject", container, name + ".txt")
    triple_s = os.path.join(interop, "samples/triple-s")
    for name in sorted(os.listdir(triple_s)):
        path = os.path.join(triple_s, name)
        if name.endswith(".sss"):
            add(out, "FuzzTripleSMetadata", read(path), name)
        elif name.endswith(".asc"):
            for survey, number in TRIPLE_S_SURVEYS.items():
                add(out, "FuzzTripleSData", bytes([number]) + read(path), name + "." + survey)


if __name__ == "__main__":
    main()
