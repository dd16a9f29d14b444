"""Counts the pixels of a PNG screenshot that match given colours, with the standard library only.

usage: png_colours.py FILE RRGGBB [RRGGBB ...]
prints JSON: {"width": W, "height": H, "nonWhite": N, "colours": {"RRGGBB": count, ...}}
A pixel matches a colour when every channel is within 8 of it (anti-aliased edges do not count).
"""
import json
import struct
import sys
import zlib


def rows(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit("not a PNG: " + path)
    pos, idat = 8, []
    width = height = channels = None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or interlace != 0 or colour not in (2, 6):
                raise SystemExit("unsupported PNG (depth %d, colour type %d, interlace %d)" % (depth, colour, interlace))
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    previous = bytearray(stride)
    out = []
    for y in range(height):
        start = y * (stride + 1)
        kind = raw[start]
        line = bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 0xFF
        elif kind == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, previous))
        elif kind == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b = previous[i]
                c = previous[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        out.append(line)
        previous = line
    return width, height, channels, out


def main():
    path, wanted = sys.argv[1], sys.argv[2:]
    width, height, channels, lines = rows(path)
    targets = {w: tuple(int(w[i:i + 2], 16) for i in (0, 2, 4)) for w in wanted}
    counts = {w: 0 for w in wanted}
    non_white = 0
    for line in lines:
        for x in range(0, len(line), channels):
            r, g, b = line[x], line[x + 1], line[x + 2]
            if r < 245 or g < 245 or b < 245:
                non_white += 1
                for name, (tr, tg, tb) in targets.items():
                    if abs(r - tr) <= 8 and abs(g - tg) <= 8 and abs(b - tb) <= 8:
                        counts[name] += 1
    print(json.dumps({"width": width, "height": height, "nonWhite": non_white, "colours": counts}))


main()
