#!/usr/bin/env python3
"""Write benchmark-sized plain-text focus-group transcripts for `roundtable transcript import`.

Usage:
    python3 scripts/bench-transcripts-generate.py --cast
    python3 scripts/bench-transcripts-generate.py OUT.txt --turns N [--seed S] [--stats STATS.json]
    python3 scripts/bench-transcripts-generate.py OUT.vtt --vtt-cues N [--seed S] [--stats STATS.json]

--cast prints the people who speak, one a line, tab-separated:
    moderator<TAB>Aino Virtanen<TAB>aino.virtanen@example.fi
    participant<TAB>Äijälä, Tuulikki<TAB>tuulikki.aijala@example.fi
    ...
so that the benchmark can add them to a workspace and seat them before importing.

A transcript has N turns, one a line, `[hh:mm:ss] Speaker: text`:
    speakers    the moderator (about 18 % of turns, labelled "Aino") and eight participants labelled
                by their first names (Tuulikki, Øystein, Åsa, …), which `transcript import` matches
                to the seated participants' display names ("Äijälä, Tuulikki") by their last word
    timestamps  from 00:00:00, 2-12 s apart, never backwards (hours go past 99 for big N)
    text        1-3 sentences about banking and customer service, English with Finnish and Norwegian
                words (ä ö å ø æ); about 2 % of turns go on over a second line. No ':' in the text.
    words to search for (all counts in the stats file, per turn, case and diacritics folded):
      common    "app" (roughly three turns in ten)
      pair      "asiakaspalvelu" and "jono" (both frequent, together less so)
      folded    "Äijälä" appears only with its diacritics: "aijala" finds it only if the search folds them
      rare      "kuukkelikortti": once at turn N // 3, else about one turn in 100,000

With --vtt-cues N it writes a WebVTT file of N cues in the shape Microsoft Teams downloads:
    WEBVTT, a NOTE block, then cues with `GUID/NN-M` ids, `hh:mm:ss.mmm --> hh:mm:ss.mmm` timings
    (1-6 s long, never going back) and `<v Tuulikki Äijälä>text</v>` voice spans; each speaker
    talks for 1-4 consecutive cues (which the import merges into one utterance); about 5 % of
    cues run over two lines, about 2 % leave out `</v>`, and "&amp;" appears now and then. The
    stats file gives "cues" and "turns" (the utterances the import should report).

Deterministic for a given --turns / --vtt-cues and --seed. Standard library only.
"""

import argparse
import json
import random
import sys
import unicodedata

MODERATOR = ("Aino Virtanen", "aino.virtanen@example.fi", "Aino")
# (display name as the roster has it, e-mail, label used in the transcript)
PARTICIPANTS = [
    ("Äijälä, Tuulikki", "tuulikki.aijala@example.fi", "Tuulikki"),
    ("Løvås, Øystein", "oystein.lovas@example.no", "Øystein"),
    ("Nyström, Åsa", "asa.nystrom@example.ax", "Åsa"),
    ("Kärkkäinen, Väinö", "vaino.karkkainen@example.fi", "Väinö"),
    ("Ødegård, Sølvi", "solvi.odegard@example.no", "Sølvi"),
    ("Sjöberg, Mårten", "marten.sjoberg@example.fi", "Mårten"),
    ("Hämäläinen, Päivi", "paivi.hamalainen@example.fi", "Päivi"),
    ("Bråthen, Håkon", "hakon.brathen@example.no", "Håkon"),
]

COMMON = "app"
PAIR = ("asiakaspalvelu", "jono")
FOLDED = "Äijälä"
RARE = "kuukkelikortti"
RARE_RATE = 1e-5

# ---- sentence material -------------------------------------------------------------------------
PRODUCTS = ["verkkopankki", "mobiilivarmenne", "käyttötili", "säästötili", "luottokortti", "pankkikortti",
            "nettbank", "sparekonto", "brukskonto", "lånesøknad", "kontoutskrift", "BankID", "tilisiirto",
            "e-lasku", "asuntolaina", "boliglån", "kortinlukija", "tunnuslukulaite", "avtalegiro", "betalingskort"]
CHANNELS = ["the app", "the phone line", "the chat", "the branch in Jyväskylä", "the branch in Tromsø",
            "the asiakaspalvelu chat", "kundeservice on the phone", "the konttori in Hämeenlinna",
            "the filial in Bodø", "e-mail", "the website"]
FEELINGS = ["frustrating", "surprisingly easy", "slow", "fine, mostly", "confusing", "reassuring",
            "a bit stressful", "quicker than I expected", "täysin turhauttavaa", "helt greit", "ärsyttävää",
            "ganske bra", "hyvin selkeää"]
PROBLEMS = ["the jono was forty minutes", "the login kept failing", "the gebyr was not explained",
            "the korko changed without notice", "the avgift appeared twice", "the maksu was late",
            "the signature step timed out", "nobody could find my søknad", "the kortti was blocked abroad",
            "the rente was higher than the letter said", "my tunnusluku was reset", "the lånet took weeks"]
TIMES = ["last week", "in March", "on a Sunday", "after lunch", "yesterday", "twice this year",
         "during the summer", "før jul", "ennen juhannusta", "in the evening", "at the end of the month"]
PEOPLE = ["Äijälä", "Øystein", "Åsa", "Väinö", "Sølvi", "Mårten", "Päivi", "Håkon", "Tuulikki", "Løvås",
          "Nyström", "Kärkkäinen", "Ødegård", "Sjöberg", "Hämäläinen", "Bråthen"]
WISHES = ["a real person to talk to", "clearer fees", "fewer steps", "a better jono system",
          "an app that remembers me", "Swedish and Norwegian in the chat", "letters in plain language",
          "a callback instead of the jono", "the same rådgiver every time", "a faster asiakaspalvelu"]

PARTICIPANT_TEMPLATES = [
    "I used {product} {time} and it was {feeling}.",
    "Honestly, {channel} was {feeling} when {problem}.",
    "When I called {channel} {time}, {problem}.",
    "I agree with {person}, {problem} and that is the worst part.",
    "What I want is {wish}.",
    "My {product} works, but {channel} is {feeling}.",
    "I stopped using {product} because {problem}.",
    "For me the app is {feeling}, especially the {product} part.",
    "{person} said it already, I would like {wish}.",
    "The asiakaspalvelu was {feeling}, but the jono {time} was long.",
    "I tried {channel} {time} and then gave up and went to the branch.",
    "It is {feeling} that {problem}, and nobody told me why.",
    "We moved our {product} to another bank {time} because {problem}.",
    "I would pay a small avgift for {wish}.",
    "Jeg synes {channel} var {feeling}, men {problem}.",
    "Minusta {product} on ihan hyvä, mutta {problem}.",
    "My mother uses the app for {product} and she finds it {feeling}.",
    "Like {person}, I check my {product} every morning in the app.",
]
MODERATOR_TEMPLATES = [
    "Thank you, {person}. How did that make you feel?",
    "Could you say more about {product}?",
    "Let us talk about {channel} next.",
    "{person}, what happened when you contacted the bank {time}?",
    "Does anyone else recognise that, for example with {product}?",
    "How long would you be willing to wait in the jono?",
    "What would have made the asiakaspalvelu better for you?",
    "If you could change one thing about the app, what would it be?",
    "Let us move on to fees and the avgift on the {product}.",
    "Hva tenker dere om {product}?",
    "Mitä mieltä olette {product} palvelusta?",
]


def fold(word):
    """Lower case without marks, roughly what an FTS tokenizer with diacritic folding indexes."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.replace("ø", "o").replace("æ", "ae")


def tokens(text):
    out, current = set(), []
    for ch in text:
        if ch.isalnum():
            current.append(ch)
        elif current:
            out.add(fold("".join(current)))
            current = []
    if current:
        out.add(fold("".join(current)))
    return out


def sentence(rng, templates):
    return rng.choice(templates).format(
        product=rng.choice(PRODUCTS), channel=rng.choice(CHANNELS), feeling=rng.choice(FEELINGS),
        problem=rng.choice(PROBLEMS), time=rng.choice(TIMES), person=rng.choice(PEOPLE), wish=rng.choice(WISHES))


def write_transcript(path, turns, seed):
    rng = random.Random(seed)
    forced_rare = turns // 3
    counts = {COMMON: 0, PAIR[0]: 0, PAIR[1]: 0, " ".join(PAIR): 0, fold(FOLDED): 0, RARE: 0}
    pair = (fold(PAIR[0]), fold(PAIR[1]))
    labels = [p[2] for p in PARTICIPANTS]
    weights = [1.6, 1.0, 1.2, 0.8, 1.1, 0.9, 1.3, 0.7]
    seconds = 0
    text_bytes = 0
    with open(path, "w", encoding="utf-8", newline="\n", buffering=1 << 20) as out:
        for i in range(turns):
            if i == 0 or rng.random() < 0.18:
                label, templates = MODERATOR[2], MODERATOR_TEMPLATES
            else:
                label, templates = rng.choices(labels, weights)[0], PARTICIPANT_TEMPLATES
            parts = [sentence(rng, templates) for _ in range(1 if templates is MODERATOR_TEMPLATES else rng.choice((1, 1, 2, 2, 3)))]
            if i == forced_rare or rng.random() < RARE_RATE:
                parts.append(f"Has anyone tried the new {RARE}?")
            text = " ".join(parts)
            if len(parts) > 1 and rng.random() < 0.04:   # about 2 % of all turns: a second line
                text = " ".join(parts[:-1]) + "\n" + parts[-1]
            words = tokens(text)
            for word in (COMMON, PAIR[0], PAIR[1], RARE):
                counts[word] += fold(word) in words
            counts[" ".join(PAIR)] += pair[0] in words and pair[1] in words
            counts[fold(FOLDED)] += fold(FOLDED) in words
            h, rest = divmod(seconds, 3600)
            line = f"[{h:02d}:{rest // 60:02d}:{rest % 60:02d}] {label}: {text}\n"
            text_bytes += len(line.encode("utf-8"))
            out.write(line)
            seconds += rng.randint(2, 12)
    return {"turns": turns, "seed": seed, "bytes": text_bytes, "duration_hours": round(seconds / 3600, 1),
            "utterances_containing": counts}


def write_vtt(path, cues, seed):
    """A Teams-shaped WebVTT file of `cues` cues; returns the cue and expected turn counts."""
    rng = random.Random(seed)
    moderator = MODERATOR[0]
    names = [f"{p[0].split(', ')[1]} {p[0].split(', ')[0]}" for p in PARTICIPANTS]
    weights = [1.6, 1.0, 1.2, 0.8, 1.1, 0.9, 1.3, 0.7]
    guid = "3f1c2b9e-8d7a-4c61-9f0e-1a2b3c4d5e6f"
    ms, turns, written, block = 0, 0, 0, 0
    previous = None
    with open(path, "w", encoding="utf-8", newline="\n", buffering=1 << 20) as out:
        out.write("WEBVTT\n\nNOTE\nGenerated for the benchmark in the shape Microsoft Teams downloads.\n\n")
        while written < cues:
            if previous is None or rng.random() < 0.18:
                speaker, templates = moderator, MODERATOR_TEMPLATES
            else:
                speaker, templates = rng.choices(names, weights)[0], PARTICIPANT_TEMPLATES
            if speaker == previous:
                speaker = moderator if speaker != moderator else names[0]
                templates = MODERATOR_TEMPLATES if speaker == moderator else PARTICIPANT_TEMPLATES
            previous = speaker
            turns += 1
            block += 1
            for part in range(min(rng.randint(1, 4), cues - written)):
                text = sentence(rng, templates)
                if rng.random() < 0.03:
                    text = text.replace(" and ", " &amp; ", 1)
                if rng.random() < 0.05 and " " in text:
                    cut = text.index(" ", len(text) // 2) if " " in text[len(text) // 2:] else text.index(" ")
                    text = text[:cut] + "\n" + text[cut + 1:]
                end = ms + rng.randint(1000, 6000)
                close = "" if rng.random() < 0.02 else "</v>"
                out.write(f"{guid}/{block}-{part}\n{stamp(ms)} --> {stamp(end)}\n<v {speaker}>{text}{close}\n\n")
                ms = end + rng.randint(0, 800)
                written += 1
    return {"cues": cues, "turns": turns, "seed": seed}


def stamp(ms):
    h, rest = divmod(ms, 3_600_000)
    return f"{h:02d}:{rest // 60_000:02d}:{rest // 1000 % 60:02d}.{rest % 1000:03d}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", help="transcript file to write")
    parser.add_argument("--turns", type=int, help="number of turns (utterances)")
    parser.add_argument("--seed", type=int, default=20260105)
    parser.add_argument("--stats", help="also write word counts as JSON to this file")
    parser.add_argument("--cast", action="store_true", help="print the moderator and participants and exit")
    parser.add_argument("--vtt-cues", type=int, help="write a Teams-shaped WebVTT file of this many cues instead")
    args = parser.parse_args()

    if args.cast:
        sys.stdout.write(f"moderator\t{MODERATOR[0]}\t{MODERATOR[1]}\n")
        for name, email, _ in PARTICIPANTS:
            sys.stdout.write(f"participant\t{name}\t{email}\n")
        return 0
    if args.out and args.vtt_cues is not None and args.vtt_cues >= 1:
        stats = write_vtt(args.out, args.vtt_cues, args.seed)
    elif not args.out or args.turns is None or args.turns < 1:
        parser.error("give OUT and --turns N (N >= 1) or --vtt-cues N, or --cast")
    else:
        stats = write_transcript(args.out, args.turns, args.seed)
    if args.stats:
        with open(args.stats, "w", encoding="utf-8") as f:
            json.dump(stats, f, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
