#!/usr/bin/env python3
"""Fill a Roundtable workspace with benchmark-sized, realistic data.

Usage:
    roundtable code add Bench --db PATH        # once: creates the workspace and its schema
    python3 scripts/bench-generate.py PATH [--participants 100000] [--sessions 20000]
                                           [--seed 20260401] [--now 2026-04-01T09:00:00Z]

Writes directly with sqlite3, in one transaction, the way GRDB would have stored the rows:
dates are UTC text "YYYY-MM-DD HH:MM:SS.SSS", booleans 0/1, names in NFC with the folded
search form beside them (mirrors Sources/RoundtableCore/Text/UnicodeText.swift).

What it makes:
  * ~40 moderators in Europe/Helsinki, Europe/Oslo and Europe/Stockholm;
  * 7 panels (pools and advisory boards, one archived) with memberships;
  * 100,000 participants (Finnish, Swedish-Finnish and Norwegian names) with e-mail, locale,
    zone, two or three attributes each and a contact consent for most;
  * 20,000 sessions over two years around "now" (past ones completed or cancelled, future ones
    scheduled, some draft or cancelled), 1-2 moderators and ~6 seats each;
  * audit entries for the writes above.

No moderator, room or (non-declined) participant is ever in two overlapping sessions: sessions
sit in a grid of 150-minute UTC slots on weekdays (06:30, 09:00, 11:30, 14:00 UTC) and each
moderator / room / participant is used at most once per slot. Evenings (from 16:30 UTC) and
weekends are left free, so a benchmark can always find a free slot there.

Deterministic for a given --seed and --now (the default --now is the current time, rounded down
to the minute; the shape of the data is the same whatever the date).
"""

import argparse
import datetime as dt
import os
import random
import sqlite3
import sys
import time
import unicodedata

# --------------------------------------------------------------------------------------------
# Text: mirror of UnicodeText.composed / UnicodeText.searchKey

SEARCH_FOLDINGS = {
    "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ð": "d", "þ": "th", "ł": "l", "ı": "i",
}
MARK_CATEGORIES = {"Mn", "Mc", "Me"}


def composed(text):
    """NFC, trimmed: what Roundtable stores."""
    return unicodedata.normalize("NFC", text).strip()


def search_key(text):
    """NFKD, lower-cased, combining marks dropped, Nordic letters folded, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", text).lower()
    out = []
    for ch in decomposed:
        if unicodedata.category(ch) in MARK_CATEGORIES:
            continue
        out.append(SEARCH_FOLDINGS.get(ch, ch))
    return " ".join("".join(out).split())


def ascii_slug(text):
    """For e-mail local parts: the search key with spaces and apostrophes removed."""
    key = search_key(text)
    return "".join(c for c in key.replace(" ", "-") if c.isascii() and (c.isalnum() or c in "-."))


# --------------------------------------------------------------------------------------------
# Time: GRDB stores Date as UTC text with milliseconds

EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)


def db_date(ms):
    """Epoch milliseconds -> 'YYYY-MM-DD HH:MM:SS.SSS' (UTC), GRDB's Date format."""
    seconds, millis = divmod(ms, 1000)
    stamp = (EPOCH + dt.timedelta(seconds=seconds)).strftime("%Y-%m-%d %H:%M:%S")
    return f"{stamp}.{millis:03d}"


def iso_utc(ms):
    """TimeFormat.utc: 2027-03-28T07:00:00Z (used in audit details)."""
    return (EPOCH + dt.timedelta(seconds=ms // 1000)).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_now(text):
    if text is None:
        return int(time.time()) // 60 * 60 * 1000
    value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    if value.tzinfo is None:
        sys.exit("--now needs a UTC offset, e.g. 2026-04-01T09:00:00Z")
    return int(value.timestamp() * 1000)


MINUTE = 60_000
HOUR = 60 * MINUTE
DAY = 24 * HOUR

# --------------------------------------------------------------------------------------------
# Names

FI_FIRST = [
    "Aino", "Eino", "Väinö", "Ilmari", "Onni", "Elina", "Päivi", "Jyrki", "Sanna", "Mikko", "Hannele",
    "Tiina", "Jääskö", "Anneli", "Kyösti", "Pekka", "Riikka", "Sirpa", "Tuomas", "Heikki", "Ville", "Outi",
    "Säde", "Hilkka", "Juha", "Mervi", "Kalle", "Tyyne", "Lauri", "Niina", "Matti", "Minna", "Eetu",
    "Veera", "Pälvi", "Oskari", "Iiris", "Leevi", "Ähtäri", "Kerttu", "Seppo", "Marjatta", "Ritva",
    "Teemu", "Satu", "Jänne", "Helmi", "Aleksi", "Noora", "Yrjö", "Lyydia", "Tapani", "Kaisu", "Eveliina",
]
FI_LAST = [
    "Äijälä", "Mäkinen", "Järvinen", "Hämäläinen", "Kärkkäinen", "Lähteenmäki", "Pöllänen", "Väisänen",
    "Räsänen", "Kääriäinen", "Nieminen", "Virtanen", "Korhonen", "Mäkelä", "Heikkinen", "Koskinen",
    "Lehtonen", "Ylönen", "Öhman", "Pääkkönen", "Hyvärinen", "Kemppainen", "Rönkkö", "Söderholm",
    "Tähtinen", "Leppänen", "Jääskeläinen", "Saarinen", "Salminen", "Hietanen", "Kyllönen", "Määttä",
    "Näsänen", "Ahola", "Törmä", "Pyykkö", "Väänänen", "Kettunen", "Lindqvist", "Mörö",
]
SVFI_FIRST = [
    "Åsa", "Björn", "Märta", "Göran", "Ingegärd", "Jörgen", "Stig", "Linnéa", "Sören", "Ulla", "Håkan",
    "Gunnel", "Mikael", "Ebba", "Fredrik", "Maj-Britt", "Torbjörn", "Solveig", "Christoffer", "Ann-Sofi",
    "Nils-Åke", "Siv", "Börje", "Elin", "Rasmus", "Gunilla", "Åke", "Lovisa", "Joel", "Marianne",
]
SVFI_LAST = [
    "Åberg", "Söderström", "Sjöblom", "Holmström", "Ekström", "Lindqvist", "Nyström", "Björkqvist",
    "Grönroos", "Wikström", "Sundbäck", "Åkerlund", "Forsström", "Blomqvist", "Östman", "Backlund",
    "Strömberg", "Granqvist", "af Hällström", "von Bonsdorff", "Löfgren", "Mattsson", "Häggblom", "Enkvist",
]
NO_FIRST = [
    "Ørjan", "Bjørn", "Ærle", "Solveig", "Kåre", "Sigrún", "Øyvind", "Tormod", "Åse", "Hege", "Gøril",
    "Jørgen", "Ragnhild", "Sindre", "Bård", "Ingrid", "Trond", "Siri", "Håvard", "Marit", "Øystein",
    "Torunn", "Eirik", "Randi", "Gro", "Aksel", "Tuva", "Vebjørn", "Kjærsti", "Lars-Øyvind",
]
NO_LAST = [
    "Ødegård", "Ærøy", "Sæther", "Bjørnstad", "Løvås", "Åsheim", "Kværnes", "Grønli", "Røed", "Bækken",
    "Strømme", "Hauge", "Nygård", "Mælen", "Haugen", "Solberg", "Skjærvø", "Bråthen", "Fjærli", "Ødegaard",
    "Østby", "Tønnessen", "Lærum", "Høiby", "Dæhli", "Myhre", "Brekke", "Sørensen", "Kjølstad", "Aasen",
]

MODERATORS = [
    # (name, zone)
    ("Liisa Mäkelä", "Europe/Helsinki"), ("Jussi Hämäläinen", "Europe/Helsinki"),
    ("Päivi Äijälä", "Europe/Helsinki"), ("Antti Kärkkäinen", "Europe/Helsinki"),
    ("Satu Väänänen", "Europe/Helsinki"), ("Marko Pöllänen", "Europe/Helsinki"),
    ("Kaisa Lähteenmäki", "Europe/Helsinki"), ("Tero Jääskeläinen", "Europe/Helsinki"),
    ("Henna Öhman", "Europe/Helsinki"), ("Ilkka Ylönen", "Europe/Helsinki"),
    ("Reetta Räsänen", "Europe/Helsinki"), ("Olli Määttä", "Europe/Helsinki"),
    ("Johanna Söderholm", "Europe/Helsinki"), ("Pasi Törmä", "Europe/Helsinki"),
    ("Elisa Kyllönen", "Europe/Helsinki"), ("Janne Tähtinen", "Europe/Helsinki"),
    ("Maija Pyykkö", "Europe/Helsinki"), ("Åsa Sjöblom", "Europe/Helsinki"),
    ("Göran Åkerlund", "Europe/Helsinki"), ("Linnéa Grönroos", "Europe/Helsinki"),
    ("Øyvind Sæther", "Europe/Oslo"), ("Kjærsti Løvås", "Europe/Oslo"),
    ("Bjørn Ødegård", "Europe/Oslo"), ("Åse Bråthen", "Europe/Oslo"),
    ("Håvard Strømme", "Europe/Oslo"), ("Gøril Fjærli", "Europe/Oslo"),
    ("Trond Kværnes", "Europe/Oslo"), ("Ingrid Ærøy", "Europe/Oslo"),
    ("Sindre Røed", "Europe/Oslo"), ("Marit Dæhli", "Europe/Oslo"),
    ("Märta Lindström", "Europe/Stockholm"), ("Jörgen Åström", "Europe/Stockholm"),
    ("Ebba Söderberg", "Europe/Stockholm"), ("Sören Björklund", "Europe/Stockholm"),
    ("Ulla Wikström", "Europe/Stockholm"), ("Håkan Nyström", "Europe/Stockholm"),
    ("Ingegärd Ekström", "Europe/Stockholm"), ("Torbjörn Sundqvist", "Europe/Stockholm"),
    ("Lovisa Hägglund", "Europe/Stockholm"), ("Rasmus Öberg", "Europe/Stockholm"),
]

ROOMS = {
    "Europe/Helsinki": ["Sali Kuusi", "Neuvotteluhuone Ässä", "Tila Myrskyluoto", "Kokoushuone Pöllö",
                        "Studio Kalliö", "Mötesrum Åbo"],
    "Europe/Oslo": ["Møterom Fjord", "Møterom Ærfugl", "Studio Grünerløkka", "Rom Øvre Slottsgate"],
    "Europe/Stockholm": ["Mötesrum Ålö", "Konferensrum Söder", "Studio Gärdet", "Rum Strömkajen"],
}

CITIES = {
    "fi": ["Helsinki", "Espoo", "Tampere", "Turku", "Oulu", "Jyväskylä", "Kuopio", "Lahti", "Hämeenlinna",
           "Seinäjoki", "Joensuu", "Mikkeli"],
    "svfi": ["Helsingfors", "Esbo", "Åbo", "Vasa", "Borgå", "Jakobstad", "Ekenäs", "Mariehamn", "Karleby"],
    "no": ["Oslo", "Bergen", "Trondheim", "Stavanger", "Tromsø", "Bærum", "Drammen", "Ålesund", "Bodø"],
}
SEGMENTS = ["consumer", "SMB", "enterprise", "public sector", "student", "retired"]
DEVICES = ["iOS", "Android", "desktop", "tablet"]

FG_TOPICS = [
    "Mobiilipankin käyttöönotto", "Laskutuksen selkeys", "Självbetjäning i appen", "Kundtjänst via chatt",
    "Selvbetjening i nettbanken", "Strømavtale og priser", "Sähkösopimuksen vaihtaminen", "Tilausten hallinta",
    "Onboarding for småbedrifter", "Päivittäistavaroiden verkkokauppa", "Försäkringsärenden på nätet",
    "Kjøpsreisen i nettbutikken", "Hyvinvointisovelluksen muistutukset", "Digitalt kvitto", "Kuljetusten seuranta",
]
CANCEL_REASONS = [
    "Too few confirmations", "Moderator ill", "Room double-booked by facilities", "Client postponed the study",
    "Liian vähän vahvistuksia", "For få påmeldte", "För få bekräftade deltagare", "Strike on public transport",
    "Study scope changed",
]

# --------------------------------------------------------------------------------------------


def parse_args():
    parser = argparse.ArgumentParser(description="Fill a Roundtable workspace with benchmark data.")
    parser.add_argument("db", help="workspace path (already created by the roundtable binary)")
    parser.add_argument("--participants", type=int, default=100_000)
    parser.add_argument("--sessions", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=20260401)
    parser.add_argument("--now", help="ISO 8601 instant with offset; default: the current time")
    parser.add_argument("--force", action="store_true", help="fill even if the workspace already has data")
    return parser.parse_args()


def moderator_weights(n):
    # Some moderators are much busier than others (a long tail), like real teams: M-0001 is the busiest.
    return [1.0 / (1 + i * 0.08) for i in range(n)]


def main():
    args = parse_args()
    started = time.perf_counter()
    rng = random.Random(args.seed)
    now = parse_now(args.now)
    now_day = now // DAY * DAY

    if not os.path.exists(args.db):
        sys.exit(f"{args.db} does not exist: run `roundtable code add Bench --db {args.db}` first")
    con = sqlite3.connect(args.db, isolation_level=None)
    con.execute("PRAGMA foreign_keys = ON")
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not {"moderator", "participant", "session", "seat", "grdb_migrations"} <= tables:
        sys.exit(f"{args.db} has no Roundtable schema: run `roundtable code add Bench --db {args.db}` first")
    if not args.force:
        for table in ("moderator", "participant", "session", "panel"):
            if con.execute(f"SELECT EXISTS (SELECT 1 FROM {table})").fetchone()[0]:
                sys.exit(f"{args.db} already has {table} rows (give --force to add more)")

    actor = "bench-generator"
    audit = []  # (at, actor, action, subject, detail)

    # ---- moderators --------------------------------------------------------------------------
    moderators = []  # dicts
    for i, (name, zone) in enumerate(MODERATORS, start=1):
        email = f"{ascii_slug(name).replace('-', '.')}@roundtable.example"
        created = now - (900 + i * 7) * DAY
        moderators.append({"id": i, "name": composed(name), "email": email, "zone": zone, "created": created})
        audit.append((created, actor, "moderator.add", f"M-{i:04d}", composed(name)))

    # ---- panels ------------------------------------------------------------------------------
    panel_defs = [
        # key, name, kind, description, archived days ago (None = live)
        ("fi-consumer-pool", "Kuluttajapaneeli (fi)", "pool", "Finnish-speaking consumers", None),
        ("svfi-pool", "Konsumentpanel (sv-FI)", "pool", "Swedish-speaking Finns", None),
        ("no-pool", "Forbrukerpanel Norge", "pool", "Norwegian consumers", None),
        ("nordic-smb-pool", "Nordic SMB pool", "pool", "Small businesses in FI, SE and NO", None),
        ("nordic-cab", "Nordic Customer Advisory Board", "advisory-board", "Quarterly product council", None),
        ("public-sector-cab", "Julkishallinnon asiakasneuvosto", "advisory-board", "Public-sector buyers", None),
        ("legacy-2023-pool", "Vanha rekrytointipaneeli 2023", "pool", "Superseded by the language pools", 400),
    ]
    panels = []
    for i, (key, name, kind, description, archived_ago) in enumerate(panel_defs, start=1):
        created = now - 1000 * DAY + i * DAY
        archived = now - archived_ago * DAY if archived_ago else None
        panels.append({"id": i, "key": key, "name": composed(name), "kind": kind, "description": description,
                       "archived": archived, "created": created})
        audit.append((created, actor, "panel.create", key, composed(name)))
        if archived:
            audit.append((archived, actor, "panel.archive", key, ""))
    panel_by_key = {p["key"]: p for p in panels}

    # ---- participants ------------------------------------------------------------------------
    participant_rows = []
    attribute_rows = []
    consent_rows = []
    participant_group = [None]  # index = id
    participant_created = [0]
    contactable = [False]
    n_participants = args.participants
    for pid in range(1, n_participants + 1):
        r = rng.random()
        if r < 0.55:
            group, first, last, locale, zone = "fi", FI_FIRST, FI_LAST, "fi-FI", "Europe/Helsinki"
        elif r < 0.72:
            group, first, last, locale, zone = "svfi", SVFI_FIRST, SVFI_LAST, "sv-FI", "Europe/Helsinki"
        else:
            group, first, last, locale, zone = "no", NO_FIRST, NO_LAST, "nb-NO", "Europe/Oslo"
        if group == "no" and rng.random() < 0.08:
            zone = "Europe/Stockholm"  # Norwegians living in Sweden
        name = f"{rng.choice(first)} {rng.choice(last)}"
        if rng.random() < 0.04:  # double-barrelled surnames
            name += f"-{rng.choice(last)}"
        # Some people type names decomposed (NFD) or with stray spaces: the stored form is NFC.
        typed = unicodedata.normalize("NFD", name) if rng.random() < 0.05 else name
        if rng.random() < 0.02:
            typed = f"  {typed.replace(' ', '  ')} "
        display = composed(typed)
        key = search_key(typed)
        domain = {"fi": "posti.example.fi", "svfi": "post.example.fi", "no": "epost.example.no"}[group]
        email = f"{ascii_slug(display).replace('-', '.')}.{pid}@{domain}" if rng.random() < 0.97 else None
        if group == "no":
            phone = f"+47 9{rng.randrange(10)}{rng.randrange(10)} {rng.randrange(10, 99)} {rng.randrange(100, 999)}"
        else:
            phone = f"+358 4{rng.randrange(10)} {rng.randrange(100, 999)} {rng.randrange(1000, 9999)}"
        if rng.random() < 0.4:
            phone = None
        created = now - rng.randrange(30, 1000) * DAY - rng.randrange(DAY)
        do_not_contact = 1 if rng.random() < 0.012 else 0
        erased = None
        if rng.random() < 0.002:  # forgotten on request: anonymous row kept for statistics
            erased = created + rng.randrange(DAY, max(DAY + 1, now - created))
            display, key, email, phone, locale_v, zone_v, do_not_contact = "(forgotten)", "", None, None, None, None, 1
        else:
            locale_v, zone_v = locale, zone
        participant_rows.append((pid, display, key, email, phone, locale_v, zone_v, do_not_contact,
                                 db_date(erased) if erased else None, db_date(created)))
        audit.append((created, actor, "participant.add", f"P-{pid:06d}", ""))
        participant_group.append(group)
        participant_created.append(created)
        contactable.append(erased is None and do_not_contact == 0)
        if erased is None:
            attribute_rows.append((pid, "city", composed(rng.choice(CITIES[group]))))
            attribute_rows.append((pid, "segment", rng.choice(SEGMENTS)))
            if rng.random() < 0.5:
                attribute_rows.append((pid, "device", rng.choice(DEVICES)))
            if rng.random() < 0.9:
                consent_rows.append((pid, "contact", rng.choice(["2024-01", "2025-03"]), 1,
                                     db_date(created + rng.randrange(HOUR, 3 * DAY))))
                if rng.random() < 0.03:  # withdrawn later: the latest row per scope is the one in force
                    consent_rows.append((pid, "contact", "2025-03", 0,
                                         db_date(created + rng.randrange(4 * DAY, 20 * DAY))))
            if rng.random() < 0.35:
                consent_rows.append((pid, "recording", "2025-03", 1, db_date(created + rng.randrange(HOUR, 5 * DAY))))
            if rng.random() < 0.15:
                consent_rows.append((pid, "quotes", "2025-03", 1, db_date(created + rng.randrange(HOUR, 5 * DAY))))

    # ---- memberships -------------------------------------------------------------------------
    membership_rows = []
    members = {p["id"]: [] for p in panels}  # panel id -> participant ids (active, contactable)
    cab_members = {}
    group_pool = {"fi": "fi-consumer-pool", "svfi": "svfi-pool", "no": "no-pool"}
    legacy = panel_by_key["legacy-2023-pool"]
    for pid in range(1, n_participants + 1):
        group = participant_group[pid]
        created = participant_created[pid]
        # Everyone is in their language pool; ~8% paused, ~5% alumni.
        for key in [group_pool[group]] + (["nordic-smb-pool"] if rng.random() < 0.15 else []):
            panel = panel_by_key[key]
            joined_ms = min(now - DAY, max(panel["created"], created) + rng.randrange(0, 120) * DAY)
            s = rng.random()
            status, left = ("active", None)
            if s < 0.08:
                status = "paused"
            elif s < 0.13:
                status, left = "alumni", db_date(min(now, joined_ms + rng.randrange(30, 300) * DAY))
            membership_rows.append((panel["id"], pid, "member", db_date(joined_ms), None, status, left, None))
            if status == "active" and contactable[pid]:
                members[panel["id"]].append(pid)
        if rng.random() < 0.06 and created < legacy["archived"] - 30 * DAY:
            # old pool, archived: everyone left as alumni when it closed
            j = min(legacy["archived"] - DAY, max(legacy["created"], created) + rng.randrange(0, 200) * DAY)
            membership_rows.append((legacy["id"], pid, "member", db_date(j), None, "alumni",
                                    db_date(legacy["archived"]), None))
    term_end = (EPOCH + dt.timedelta(milliseconds=now + 300 * DAY)).strftime("%Y-12-31")
    for key, size in (("nordic-cab", 24), ("public-sector-cab", 18)):
        panel = panel_by_key[key]
        chosen = rng.sample([p for p in range(1, n_participants + 1) if contactable[p]], size)
        cab_members[panel["id"]] = chosen
        for i, pid in enumerate(chosen):
            joined_ms = min(now - DAY, max(panel["created"], participant_created[pid]) + rng.randrange(1, 60) * DAY)
            role = "chair" if i == 0 else ("vice-chair" if i == 1 else "member")
            membership_rows.append((panel["id"], pid, role, db_date(joined_ms), term_end, "active", None,
                                    db_date(joined_ms + rng.randrange(0, 10) * DAY)))
            members[panel["id"]].append(pid)

    # ---- sessions: slot grid -----------------------------------------------------------------
    # Weekday UTC slots, 150 minutes each; a session starts at slot start + 0/15/30 min and ends
    # inside its slot, so sessions in different slots never overlap.
    slot_starts = [6 * HOUR + 30 * MINUTE, 9 * HOUR, 11 * HOUR + 30 * MINUTE, 14 * HOUR]
    slot_length = 150 * MINUTE
    first_day = now_day - 365 * DAY
    days = [first_day + d * DAY for d in range(731)
            if (EPOCH + dt.timedelta(milliseconds=first_day + d * DAY)).weekday() < 5]
    slots = [(day, k) for day in days for k in range(len(slot_starts))]
    busy_mod = {}     # slot -> set(moderator ids)
    busy_room = {}    # slot -> set(room keys)
    busy_person = {}  # slot -> set(participant ids)
    last_fg = {}      # participant -> start of their latest focus group (6-month cool-down)
    weights = moderator_weights(len(moderators))

    n_sessions = args.sessions
    n_cab_meetings = {"nordic-cab": 26, "public-sector-cab": 22}  # ~monthly over two years
    plans = []
    for key, count in n_cab_meetings.items():
        plans += [("advisory-meeting", panel_by_key[key])] * count
    pools = ["fi-consumer-pool", "svfi-pool", "no-pool", "nordic-smb-pool"]
    pool_weights = [0.5, 0.17, 0.23, 0.10]
    while len(plans) < n_sessions:
        if rng.random() < 0.66:
            plans.append(("focus-group", panel_by_key[rng.choices(pools, pool_weights)[0]]))
        else:
            plans.append(("interview", panel_by_key[rng.choices(pools, pool_weights)[0]] if rng.random() < 0.7
                          else None))

    sessions = []  # dicts, before ids are assigned
    for kind, panel in plans:
        for _attempt in range(200):
            day, k = rng.choice(slots)
            slot = (day, k)
            taken = busy_mod.setdefault(slot, set())
            free = [m for m in moderators if m["id"] not in taken]
            if free:
                break
        else:
            sys.exit("could not place a session: grid too full")
        primary = rng.choices(free, [weights[m["id"] - 1] for m in free])[0]
        team = [primary]
        if kind == "advisory-meeting" or (kind == "focus-group" and rng.random() < 0.35):
            others = [m for m in free if m is not primary]
            same_zone = [m for m in others if m["zone"] == primary["zone"]]
            if same_zone or others:
                team.append(rng.choice(same_zone or others))
        if kind == "interview":
            duration = rng.choice([30, 45, 60, 60, 90])
            capacity, reserve = 1, 0
        elif kind == "focus-group":
            duration = rng.choice([90, 90, 120, 120])
            capacity, reserve = rng.choice([6, 6, 7, 8]), rng.choice([0, 1, 1, 2])
        else:
            duration = 120
            capacity, reserve = 20, 0
        offset = rng.choice([m for m in (0, 15, 30) if m + duration <= 150])
        starts = day + slot_starts[k] + offset * MINUTE
        ends = starts + duration * MINUTE
        assert ends <= day + slot_starts[k] + slot_length
        zone = primary["zone"]
        channel = rng.choices(["in-person", "video", "phone"],
                              [0.5, 0.45, 0.05] if kind != "interview" else [0.2, 0.55, 0.25])[0]
        room = None
        rooms_taken = busy_room.setdefault(slot, set())
        if channel == "in-person":
            free_rooms = [r for r in ROOMS[zone] if search_key(r) not in rooms_taken]
            if free_rooms:
                room = composed(rng.choice(free_rooms))
                rooms_taken.add(search_key(room))
            else:
                channel = "video"
        for m in team:
            taken.add(m["id"])
        sessions.append({"kind": kind, "panel": panel, "team": team, "starts": starts, "ends": ends,
                         "duration": duration, "zone": zone, "channel": channel, "room": room,
                         "capacity": capacity, "reserve": reserve, "slot": slot})

    # Ids in start order, as if each was scheduled some weeks ahead.
    sessions.sort(key=lambda s: (s["starts"], s["team"][0]["id"]))
    session_rows, sm_rows, seat_rows = [], [], []
    status_counts = {}
    for sid, s in enumerate(sessions, start=1):
        kind, panel, starts, ends = s["kind"], s["panel"], s["starts"], s["ends"]
        created = min(now - rng.randrange(MINUTE, 5 * DAY), starts - rng.randrange(7, 60) * DAY)
        if panel and panel["archived"] and starts >= panel["archived"]:
            panel = None  # the archived pool takes no new sessions
        if ends <= now:
            status = "cancelled" if rng.random() < 0.07 else "completed"
        elif starts <= now:
            status = "in-progress"
        else:
            r = rng.random()
            status = "cancelled" if r < 0.05 else ("draft" if r < 0.05 + 0.06 * (starts - now) / (365 * DAY)
                                                   else "scheduled")
        cancel_reason = rng.choice(CANCEL_REASONS) if status == "cancelled" else None
        revision = rng.choices([0, 1, 2], [0.85, 0.12, 0.03])[0]
        if kind == "interview":
            title = f"Haastattelu / intervju {sid}: {rng.choice(FG_TOPICS)}"
        elif kind == "focus-group":
            title = f"Fokusryhmä: {rng.choice(FG_TOPICS)}"
        else:
            title = f"{panel['name']} — {(EPOCH + dt.timedelta(milliseconds=starts)).strftime('%B %Y')}"
        title = composed(title)
        session_rows.append((sid, panel["id"] if panel else None, title, kind, db_date(starts), db_date(ends),
                             s["zone"], s["duration"], s["channel"], s["room"],
                             search_key(s["room"]) if s["room"] else None, s["capacity"], s["reserve"], status,
                             cancel_reason, revision, db_date(created)))
        status_counts[status] = status_counts.get(status, 0) + 1
        for m in sorted(s["team"], key=lambda m: m["id"]):
            sm_rows.append((sid, m["id"]))
        audit.append((created, actor, "session.schedule", f"S-{sid:04d}", f"{iso_utc(starts)} {title}"))
        if status == "cancelled":
            audit.append((min(now, starts - rng.randrange(HOUR, 3 * DAY)), actor, "session.cancel",
                          f"S-{sid:04d}", cancel_reason))

        # Seats
        if status == "draft":
            continue
        if kind == "interview":
            invites = rng.choice([1, 1, 2, 2])
        elif kind == "focus-group":
            invites = s["capacity"] + rng.choice([0, 1, 1, 2, 3])
        else:
            invites = rng.randrange(10, 17)
        pool = members[panel["id"]] if panel else members[panel_by_key[rng.choice(pools)]["id"]]
        persons_busy = busy_person.setdefault(s["slot"], set())
        chosen = []
        tries = 0
        while len(chosen) < invites and tries < invites * 30:
            tries += 1
            pid = rng.choice(pool)
            if pid in persons_busy or pid in chosen or participant_created[pid] > starts - 30 * DAY:
                continue
            if kind == "focus-group" and pid in last_fg and abs(starts - last_fg[pid]) < 183 * DAY:
                continue
            chosen.append(pid)
        places = s["capacity"] + s["reserve"]
        taken_places = 0
        for pid in sorted(chosen):
            invited = min(now, starts - rng.randrange(3, 28) * DAY - rng.randrange(DAY))
            invited = max(invited, created)
            r = rng.random()
            if status == "completed":
                seat = "declined" if r < 0.12 else ("no-show" if r < 0.2 else "attended")
                updated = ends + rng.randrange(MINUTE, 2 * HOUR) if seat != "declined" \
                    else invited + rng.randrange(HOUR, 3 * DAY)
            elif status in ("cancelled", "in-progress"):
                seat = "declined" if r < 0.1 else ("invited" if r < 0.2 else "confirmed")
                updated = invited if seat == "invited" else invited + rng.randrange(HOUR, 2 * DAY)
            else:  # scheduled: nearer sessions have more answers
                answered = 0.9 if starts - now < 14 * DAY else 0.5
                seat = "invited" if r > answered else ("declined" if r < 0.1 else "confirmed")
                updated = invited if seat == "invited" else invited + rng.randrange(HOUR, 2 * DAY)
            if seat in ("confirmed", "attended"):
                if taken_places >= places:
                    seat = "declined" if status != "completed" else "no-show"
                else:
                    taken_places += 1
            updated = min(max(updated, invited), max(now, invited))
            if seat != "declined":
                persons_busy.add(pid)
            if kind == "focus-group":
                last_fg[pid] = starts
            seat_rows.append((sid, pid, seat, db_date(invited), db_date(updated)))
        if status == "completed":
            attended = sum(1 for row in seat_rows[-len(chosen):] if row[2] == "attended") if chosen else 0
            noshow = sum(1 for row in seat_rows[-len(chosen):] if row[2] == "no-show") if chosen else 0
            audit.append((ends + rng.randrange(HOUR, DAY), actor, "session.complete", f"S-{sid:04d}",
                          f"{attended} attended, {noshow} no-show"))

    # ---- write -------------------------------------------------------------------------------
    audit = [a for a in audit if a[0] <= now]
    audit.sort(key=lambda a: a[0])
    audit_rows = [(db_date(at), who, action, subject, detail) for at, who, action, subject, detail in audit]
    built = time.perf_counter()

    con.execute("PRAGMA journal_mode = WAL")
    con.execute("BEGIN IMMEDIATE")
    try:
        con.executemany("INSERT INTO moderator (id, name, email, timeZone, createdAt) VALUES (?, ?, ?, ?, ?)",
                        [(m["id"], m["name"], m["email"], m["zone"], db_date(m["created"])) for m in moderators])
        con.executemany("INSERT INTO panel (id, key, name, kind, description, archivedAt, createdAt) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?)",
                        [(p["id"], p["key"], p["name"], p["kind"], p["description"],
                          db_date(p["archived"]) if p["archived"] else None, db_date(p["created"])) for p in panels])
        con.executemany("INSERT INTO participant (id, displayName, nameSearch, email, phone, locale, timeZone, "
                        "doNotContact, erasedAt, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", participant_rows)
        con.executemany("INSERT INTO participantAttribute (participantId, name, value) VALUES (?, ?, ?)",
                        attribute_rows)
        con.executemany("INSERT INTO consent (participantId, scope, version, given, recordedAt) "
                        "VALUES (?, ?, ?, ?, ?)", consent_rows)
        con.executemany("INSERT INTO membership (panelId, participantId, role, joinedAt, termEnd, status, leftAt, "
                        "ndaSignedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", membership_rows)
        con.executemany("INSERT INTO session (id, panelId, title, kind, startsAt, endsAt, timeZone, "
                        "durationMinutes, channel, room, roomKey, capacity, reserve, status, cancelReason, "
                        "revision, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        session_rows)
        con.executemany("INSERT INTO sessionModerator (sessionId, moderatorId) VALUES (?, ?)", sm_rows)
        con.executemany("INSERT INTO seat (sessionId, participantId, status, invitedAt, updatedAt) "
                        "VALUES (?, ?, ?, ?, ?)", seat_rows)
        con.executemany("INSERT INTO auditEntry (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)",
                        audit_rows)
        problems = con.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise RuntimeError(f"foreign key problems: {problems[:5]}")
        # The generator's own promise: no moderator, room or seated participant in two overlapping
        # live sessions (each one's sessions in start order; a clash is a start before the previous end).
        for who, source in (
                ("moderator", "SELECT sm.moderatorId AS who, s.* FROM sessionModerator sm "
                              "JOIN session s ON s.id = sm.sessionId"),
                ("room", "SELECT s.roomKey AS who, s.* FROM session s WHERE s.roomKey IS NOT NULL"),
                ("participant", "SELECT seat.participantId AS who, s.* FROM seat JOIN session s "
                                "ON s.id = seat.sessionId WHERE seat.status <> 'declined'")):
            clash = con.execute(f"""
                SELECT who, prevId, id FROM (
                  SELECT who, id, startsAt, LAG(endsAt) OVER w AS prevEnd, LAG(id) OVER w AS prevId
                  FROM ({source}) WHERE status <> 'cancelled'
                  WINDOW w AS (PARTITION BY who ORDER BY startsAt, endsAt))
                WHERE prevEnd > startsAt LIMIT 1""").fetchone()
            if clash:
                raise RuntimeError(f"{who} {clash[0]} double-booked in sessions {clash[1]} and {clash[2]}")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    done = time.perf_counter()

    print(f"bench-generate: {len(moderators)} moderators, {len(panels)} panels, {len(participant_rows)} participants, "
          f"{len(attribute_rows)} attributes, {len(consent_rows)} consents, {len(membership_rows)} memberships")
    print(f"bench-generate: {len(session_rows)} sessions "
          f"({', '.join(f'{k} {v}' for k, v in sorted(status_counts.items()))}), "
          f"{len(sm_rows)} session moderators, {len(seat_rows)} seats, {len(audit_rows)} audit entries")
    print(f"bench-generate: now = {iso_utc(now)}, seed {args.seed}; "
          f"built in {built - started:.1f} s, written in {done - built:.1f} s")


if __name__ == "__main__":
    main()
