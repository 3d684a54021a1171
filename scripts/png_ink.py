#!/usr/bin/env python3
"""Counts what a screenshot shows, with zlib and struct only (no imaging library).

Usage: png_ink.py FILE.png [BANDS]
Prints JSON: width, height, and per horizontal band (BANDS, default 4) the number of
inked pixels (some channel below 200: text, borders, strokes) and of coloured pixels
(channels at least 60 apart: the highlights). Reads 8-bit RGB or RGBA, not interlaced.
"""
import json
import struct
import sys
import zlib


def read_png(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{path}: not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace != 0:
        sys.exit(f"{path}: unsupported PNG (depth {depth}, colour type {colour}, interlace {interlace})")
    channels = 4 if colour == 6 else 3
    return width, height, channels, unfilter(zlib.decompress(idat), width, height, channels)


def unfilter(raw, width, height, channels):
    stride = width * channels
    rows, previous, pos = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[pos], bytearray(raw[pos + 1:pos + 1 + stride])
        pos += 1 + stride
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        rows.append(line)
        previous = line
    return rows


def main():
    path = sys.argv[1]
    bands = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    width, height, channels, rows = read_png(path)
    inked, coloured = [0] * bands, [0] * bands
    for y, row in enumerate(rows):
        band = y * bands // height
        for x in range(0, width * channels, channels):
            r, g, b = row[x], row[x + 1], row[x + 2]
            if min(r, g, b) < 200:
                inked[band] += 1
            if max(r, g, b) - min(r, g, b) >= 60:
                coloured[band] += 1
    print(json.dumps({"width": width, "height": height, "inked": inked, "coloured": coloured}))


if __name__ == "__main__":
    main()
