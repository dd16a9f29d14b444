#!/usr/bin/env python3
"""Write a benchmark-sized partner roster in Roundtable's native XML format (urn:roundtable:xml:1).

Usage:
    python3 scripts/bench-roster-generate.py OUT.xml --rows N [--seed S] [--partner NAME]
        [--long-ids] [--changed PCT --changed-out CHANGED.xml [--change-seed S]]

--long-ids gives each participant a 36-character, UUID-shaped partner id and 2-8 attributes (the
shape of the partner data in issue 14) instead of "NR" + 9 digits and 3-5 attributes.
--changed PCT also writes CHANGED.xml: the same rows in the same order, with exactly
round(N * PCT / 100) of them changed (chosen by --change-seed; each changes its e-mail, its name or
one attribute's value), so a re-import of it must report exactly that many rows updated.

The file validates against Sources/RoundtableXML/Resources/roundtable-1.xsd and is what
`roundtable import roster OUT.xml --partner NAME` reads. Each <participant> has, in schema order:
    name                Finnish, Swedish-Finnish or Norwegian (ä ö å ø æ); about a quarter of the
                        names that carry a diacritic are written decomposed (NFD), the rest NFC
    email               ASCII, unique
    phone?              about 70 %
    locale, timeZone    fi-FI / sv-FI / nb-NO with Europe/Helsinki, Europe/Mariehamn, Europe/Oslo
    attribute*          3-5 of segment, city, customerSince, ageBand, note; some values hold
                        & < " and an emoji
    consent*            1-3 distinct scopes, UTC timestamps with milliseconds (2026-01-05T10:00:00.250Z)
The partner ids (id="…") are unique and not in file order: "NR" + 9 digits of i * 982451653 mod 10^9
(a bijection on 0..10^9-1, so unique for any N up to a billion). About 1 % of rows are doNotContact.

Deterministic for a given --rows and --seed. Standard library only; written through a 1 MiB buffer
(1M rows take a few seconds and make a file of roughly 1 GB).
"""

import argparse
import os
import random
import sys
import time
import unicodedata
from xml.sax.saxutils import escape, quoteattr

# --------------------------------------------------------------------------------------------
# Name material: (given names, family names, locale, zones with weights, e-mail domains)

FINNISH = (
    ["Aino", "Eetu", "Väinö", "Säde", "Ilmari", "Siiri", "Jyrki", "Päivi", "Tuomas", "Elina", "Onni", "Aleksi",
     "Kerttu", "Mikko", "Hannele", "Pälvi", "Lauri", "Sanna", "Veera", "Äijö", "Ville", "Riikka", "Tiina",
     "Pekka", "Helmi", "Ossi", "Kyösti", "Tyyne", "Sakari", "Iida"],
    ["Mäkinen", "Hämäläinen", "Järvinen", "Könönen", "Pöllänen", "Sääksjärvi", "Virtanen", "Korhonen",
     "Nieminen", "Heikkilä", "Mäkelä", "Kärkkäinen", "Räsänen", "Lämsä", "Jääskeläinen", "Koskinen",
     "Lehtonen", "Äijälä", "Öhrnberg", "Väisänen", "Rönkkö", "Kallio", "Törmä", "Ylönen", "Hyvärinen"],
    "fi-FI", [("Europe/Helsinki", 1.0)], ["example.fi", "posti.example.fi", "kotiposti.example"],
)
SWEDISH_FINNISH = (
    ["Åsa", "Björn", "Mårten", "Sölve", "Märta", "Jörgen", "Ebba", "Göran", "Linnéa", "Måns", "Ulla", "Öjvind",
     "Stig", "Ingegärd", "Rasmus", "Alva", "Kåre", "Hedvig", "Tor", "Agneta"],
    ["Löfgren", "Åkerblom", "Sjöberg", "Öhman", "Grönqvist", "Nyström", "Lindqvist", "Sundström", "Holmström",
     "Åström", "Söderholm", "Wikström", "Bäckman", "Blomqvist", "Forsström", "Ekholm", "Strömberg"],
    "sv-FI", [("Europe/Helsinki", 0.8), ("Europe/Mariehamn", 0.2)], ["example.ax", "example.fi"],
)
NORWEGIAN = (
    ["Bjørn", "Øystein", "Sølvi", "Kjærsti", "Åse", "Ørjan", "Sæmund", "Håkon", "Ingrid", "Jørgen", "Tuva", "Sigrun",
     "Ståle", "Gøril", "Eirik", "Marte", "Trygve", "Ragnhild", "Torbjørn", "Solveig"],
    ["Ødegård", "Bråthen", "Løvås", "Sæther", "Kjær", "Holmøy", "Sæbø", "Kværnes", "Strømme", "Haugen",
     "Bakken", "Nygård", "Grønlie", "Fjæreide", "Lønning", "Østby", "Nærland", "Skjærvø", "Dahl", "Berg"],
    "nb-NO", [("Europe/Oslo", 1.0)], ["example.no", "post.example.no"],
)
GROUPS = [(FINNISH, 0.55), (SWEDISH_FINNISH, 0.15), (NORWEGIAN, 0.30)]

ASCII_FOLD = {"ø": "o", "æ": "ae", "å": "a", "ä": "a", "ö": "o", "é": "e"}

SEGMENTS = ["Consumer", "SMB", "Enterprise", "Public sector", "Retail & Services", "Students",
            "Non-profit", "Agri & Forestry"]
CITIES_FI = ["Helsinki", "Espoo", "Tampere", "Turku", "Oulu", "Jyväskylä", "Vaasa", "Kuopio", "Lahti",
             "Hämeenlinna", "Mariehamn", "Porvoo"]
CITIES_NO = ["Oslo", "Bergen", "Trondheim", "Tromsø", "Bodø", "Ålesund", "Stavanger", "Kristiansand",
             "Drammen", "Lillehammer"]
AGE_BANDS = ["18-24", "25-34", "35-44", "45-54", "55-64", "65+"]
NOTES = [
    'Prefers "evening" slots & <video> calls',
    "Sauna-enthusiast 🧖 — happy to join weekend panels",
    'Asked for "plain language" & large print <A3>',
    "Recommended by a friend 👍",
    "Loves the new app 📱 & the < 5 min surveys",
    "Only Tuesdays",
    "Speaks Finnish, Swedish & English",
]
CONSENT_SCOPES = ["contact", "recording", "transcript", "quotes"]
CONSENT_VERSIONS = ["2024-1", "2025-1", "2025-2", "v3"]


def nfd(text):
    return unicodedata.normalize("NFD", text)


def ascii_fold(text):
    text = unicodedata.normalize("NFC", text).lower()
    text = "".join(ASCII_FOLD.get(ch, ch) for ch in text)
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if ch.isascii() and (ch.isalnum() or ch in ".-"))


def esc_text(value):
    return escape(value)


def esc_attr(value):
    return escape(value, {'"': "&quot;"})


def timestamp_pool(rng, count):
    """UTC instants between 2023-01-01 and 2026-06-30 with milliseconds, as 2026-01-05T10:00:00.250Z."""
    start = 1672531200  # 2023-01-01T00:00:00Z
    span = 1782777600 - start  # up to 2026-06-30
    out = []
    for _ in range(count):
        t = start + rng.randrange(span)
        ms = rng.randrange(1000)
        out.append(time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t)) + f".{ms:03d}Z")
    return out


def change(row, rng):
    """The row's text with one thing changed: its e-mail, its name, or its first attribute's value."""
    text = "".join(row)
    kind = rng.randrange(3)
    if kind == 0:
        return [text.replace("<email>", "<email>changed.", 1)]
    if kind == 1:
        return [text.replace("</name>", " Changed</name>", 1)]
    return [text.replace("</attribute>", " (changed)</attribute>", 1)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", help="the roster file to write")
    parser.add_argument("--rows", type=int, required=True, help="how many participants")
    parser.add_argument("--seed", type=int, default=20260105, help="random seed (default 20260105)")
    parser.add_argument("--partner", default="bench", help="the partner attribute on the root (default bench)")
    parser.add_argument("--long-ids", action="store_true",
                        help="36-character UUID-shaped partner ids and 2-8 attributes each")
    parser.add_argument("--changed", type=float, metavar="PCT",
                        help="also write --changed-out with this percentage of rows changed")
    parser.add_argument("--changed-out", help="where --changed writes the changed variant")
    parser.add_argument("--change-seed", type=int, default=14, help="which rows change (default 14)")
    args = parser.parse_args()
    if (args.changed is None) != (args.changed_out is None):
        parser.error("--changed and --changed-out go together")
    if args.changed is not None and not 0 <= args.changed <= 100:
        parser.error("--changed must be a percentage between 0 and 100")
    if args.rows < 0 or args.rows > 10**9:
        parser.error("--rows must be between 0 and 1,000,000,000")

    started = time.perf_counter()
    rng = random.Random(args.seed)

    # Pre-escaped pools, so the per-row work is choosing and concatenating.
    groups = []
    for (given, family, locale, zones, domains), weight in GROUPS:
        zone_names = [z for z, _ in zones]
        zone_weights = [w for _, w in zones]
        cities = CITIES_NO if locale == "nb-NO" else CITIES_FI
        groups.append({
            "given": given, "family": family, "domains": domains, "zones": zone_names, "zone_weights": zone_weights,
            "locale_xml": f"    <locale>{locale}</locale>\n",
            "cities_xml": [f'    <attribute name="city">{esc_text(c)}</attribute>\n' for c in cities],
            "phone_prefix": "+47 " if locale == "nb-NO" else "+358 4",
        })
    group_weights = [w for _, w in GROUPS]
    zone_xml = {z: f"    <timeZone>{z}</timeZone>\n"
                for g in groups for z in g["zones"]}
    folded = {}
    for g in groups:
        for n in g["given"] + g["family"]:
            folded[n] = ascii_fold(n)
    segment_xml = [f'    <attribute name="segment">{esc_text(s)}</attribute>\n' for s in SEGMENTS]
    age_xml = [f'    <attribute name="ageBand">{a}</attribute>\n' for a in AGE_BANDS]
    note_xml = [f'    <attribute name="note">{esc_text(n)}</attribute>\n' for n in NOTES]
    since_xml = [f'    <attribute name="customerSince">{y}-{m:02d}</attribute>\n'
                 for y in range(2005, 2027) for m in range(1, 13)]
    # --long-ids: 2-8 distinct attributes, drawn from these eight (values as above or short words).
    extra_xml = {
        "channel": [f'    <attribute name="channel">{c}</attribute>\n' for c in ["web", "phone", "store", "partner"]],
        "household": [f'    <attribute name="household">{h}</attribute>\n' for h in range(1, 7)],
        "device": [f'    <attribute name="device">{d}</attribute>\n' for d in ["android", "ios", "desktop", "none"]],
    }
    long_pools = [segment_xml, None, since_xml, age_xml, note_xml,
                  extra_xml["channel"], extra_xml["household"], extra_xml["device"]]
    changes = set()
    if args.changed is not None:
        count = round(args.rows * args.changed / 100)
        changes = set(random.Random(args.change_seed).sample(range(args.rows), count))
    change_rng = random.Random(args.change_seed + 1)
    stamps = timestamp_pool(rng, 50_000)

    chunk_rows = 5000
    out_path = args.out
    tmp_path = out_path + ".part"
    written_bytes = 0
    changed_tmp = args.changed_out + ".part" if args.changed_out else os.devnull
    with open(tmp_path, "w", encoding="utf-8", newline="\n", buffering=1 << 20) as out, \
            open(changed_tmp, "w", encoding="utf-8", newline="\n", buffering=1 << 20) as changed_out:
        head = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                f'<roster xmlns="urn:roundtable:xml:1" version="1" partner={quoteattr(args.partner)}>\n')
        out.write(head)
        changed_out.write(head)
        parts = []
        changed_parts = []
        random_ = rng.random
        choice = rng.choice
        randrange = rng.randrange
        sample = rng.sample
        for i in range(args.rows):
            g = rng.choices(groups, group_weights)[0]
            first = choice(g["given"])
            last = choice(g["family"])
            if random_() < 0.08:  # a double-barrelled given name now and then
                first = first + "-" + choice(g["given"])
            name = f"{first} {last}"
            if random_() < 0.25:
                name = nfd(name)  # as some partner systems send it; import composes to NFC
            pid = (i * 982451653) % 1_000_000_000
            if args.long_ids:
                # UUID-shaped and unique: the bijection above, spread over 32 hex digits.
                h = f"{pid:09d}{(pid * 2654435761) % 16**23:023x}"
                external = f"{h[0:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}"
            else:
                external = f"NR{pid:09d}"
            dnc = ' doNotContact="true"' if random_() < 0.01 else ""
            row_start = len(parts)
            parts.append(f'  <participant id="{external}"{dnc}>\n'
                         f"    <name>{esc_text(name)}</name>\n"
                         f"    <email>{folded[first.split('-')[0]]}.{folded[last]}.{i}@{choice(g['domains'])}</email>\n")
            if random_() < 0.7:
                parts.append(f"    <phone>{g['phone_prefix']}{randrange(10_000_000, 99_999_999)}</phone>\n")
            parts.append(g["locale_xml"])
            zones = g["zones"]
            zone = zones[0] if len(zones) == 1 else rng.choices(zones, g["zone_weights"])[0]
            parts.append(zone_xml[zone])
            if args.long_ids:
                # 2-8 distinct attributes, in a fixed name order
                picked = sorted(sample(range(8), 2 + randrange(7)))
                for k in picked:
                    parts.append(choice(g["cities_xml"] if k == 1 else long_pools[k]))
            else:
                # 3-5 attributes: segment, city, customerSince always; ageBand ~60 %; note ~25 %
                parts.append(choice(segment_xml))
                parts.append(choice(g["cities_xml"]))
                parts.append(choice(since_xml))
                if random_() < 0.6:
                    parts.append(choice(age_xml))
                if random_() < 0.25:
                    parts.append(choice(note_xml))
            # 1-3 consents, distinct scopes; contact first most of the time
            n_consents = 1 + (random_() < 0.55) + (random_() < 0.25)
            for scope in sample(CONSENT_SCOPES, n_consents):
                given = "false" if random_() < 0.07 else "true"
                parts.append(f'    <consent scope="{scope}" version="{choice(CONSENT_VERSIONS)}" given="{given}" '
                             f'at="{stamps[randrange(50_000)]}"/>\n')
            parts.append("  </participant>\n")
            if args.changed_out:
                row = parts[row_start:]
                if i in changes:
                    row = change(row, change_rng)
                changed_parts.extend(row)
            if (i + 1) % chunk_rows == 0:
                out.write("".join(parts))
                parts.clear()
                changed_out.write("".join(changed_parts))
                changed_parts.clear()
        out.write("".join(parts))
        out.write("</roster>\n")
        changed_out.write("".join(changed_parts))
        changed_out.write("</roster>\n")
    os.replace(tmp_path, out_path)
    if args.changed_out:
        os.replace(changed_tmp, args.changed_out)
    written_bytes = os.path.getsize(out_path)
    elapsed = time.perf_counter() - started
    print(f"wrote {args.rows:,} participants to {out_path} ({written_bytes / 1e6:.1f} MB) in {elapsed:.1f} s",
          file=sys.stderr)


if __name__ == "__main__":
    main()
