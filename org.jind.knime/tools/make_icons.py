#!/usr/bin/env python3
"""Draws the 16x16 node and category icons (our own pixel art) and writes them as PNGs.

Run from org.jind.knime/:  python3 tools/make_icons.py
Only the standard library is used (zlib + struct), so it runs anywhere Python 3 does.
"""
import os
import struct
import zlib

# '#' = glyph (white), '.' = badge background, ' ' = transparent. Rows are 16 characters wide.
BADGE = [
    "   ..........   ",
    "  ............  ",
    " .............. ",
    "................",
    "................",
    "................",
    "................",
    "................",
    "................",
    "................",
    "................",
    "................",
    "................",
    " .............. ",
    "  ............  ",
    "   ..........   ",
]

GLYPHS = {
    # a J for the category
    "jind": [
        "                ",
        "                ",
        "                ",
        "      ######    ",
        "         ##     ",
        "         ##     ",
        "         ##     ",
        "         ##     ",
        "         ##     ",
        "         ##     ",
        "    ##   ##     ",
        "    ##   ##     ",
        "     #####      ",
        "                ",
        "                ",
        "                ",
    ],
    # train: a neuron, three inputs fanning into one output
    "train": [
        "                ",
        "                ",
        "                ",
        "   ##           ",
        "   ###          ",
        "      ##        ",
        "        ##      ",
        "   ##     ###   ",
        "   ##########   ",
        "        ##      ",
        "      ##        ",
        "   ###          ",
        "   ##           ",
        "                ",
        "                ",
        "                ",
    ],
    # align: two shifted bars brought onto one line by an arrow
    "align": [
        "                ",
        "                ",
        "                ",
        "    #######     ",
        "                ",
        "       #######  ",
        "                ",
        "       #        ",
        "       ##       ",
        "   ########     ",
        "       ##       ",
        "       #        ",
        "                ",
        "   #########    ",
        "                ",
        "                ",
    ],
    # self-train: a circular arrow with a plus
    "selftrain": [
        "                ",
        "                ",
        "                ",
        "     #####      ",
        "    #     #  #  ",
        "   #       ###  ",
        "   #   #   ###  ",
        "   #  ###       ",
        "   #   #        ",
        "   #         #  ",
        "    #       #   ",
        "     #######    ",
        "                ",
        "                ",
        "                ",
        "                ",
    ],
    # annotate: a tag with a hole
    "annotate": [
        "                ",
        "                ",
        "                ",
        "     ######     ",
        "    #      #    ",
        "   #  ##    #   ",
        "   #  ##     #  ",
        "   #          # ",
        "   #         #  ",
        "   #        #   ",
        "   #       #    ",
        "    #######     ",
        "                ",
        "                ",
        "                ",
        "                ",
    ],
    # scorer: a bar chart
    "scorer": [
        "                ",
        "                ",
        "                ",
        "           ##   ",
        "           ##   ",
        "           ##   ",
        "       ##  ##   ",
        "       ##  ##   ",
        "       ##  ##   ",
        "   ##  ##  ##   ",
        "   ##  ##  ##   ",
        "   ##  ##  ##   ",
        "   ##  ##  ##   ",
        "  ############  ",
        "                ",
        "                ",
    ],
    # reader: a file whose lines flow out as table rows
    "reader": [
        "                ",
        "                ",
        "    ######      ",
        "    #    ##     ",
        "    #     ##    ",
        "    # ### ###   ",
        "    #       #   ",
        "    # ##### #   ",
        "    #       #   ",
        "    # ##### #   ",
        "    #       #   ",
        "    # ##### #   ",
        "    #       #   ",
        "    #########   ",
        "                ",
        "                ",
    ],
}

COLOURS = {  # badge colour per icon (RGB)
    "jind": (46, 125, 111),
    "train": (46, 125, 111),
    "align": (52, 101, 164),
    "selftrain": (117, 80, 123),
    "annotate": (196, 120, 34),
    "scorer": (78, 110, 60),
    "reader": (46, 125, 111),
}

TARGETS = {
    "jind": "icons/jind.png",
    "train": "src/main/java/org/jind/knime/nodes/train/train.png",
    "align": "src/main/java/org/jind/knime/nodes/align/align.png",
    "selftrain": "src/main/java/org/jind/knime/nodes/selftrain/selftrain.png",
    "annotate": "src/main/java/org/jind/knime/nodes/annotate/annotate.png",
    "scorer": "src/main/java/org/jind/knime/nodes/scorer/scorer.png",
    "reader": "src/main/java/org/jind/knime/nodes/reader/reader.png",
}


def pixels(name):
    colour = COLOURS[name]
    rows = []
    for badge_row, glyph_row in zip(BADGE, GLYPHS[name]):
        assert len(badge_row) == 16 and len(glyph_row) == 16, name
        row = []
        for b, g in zip(badge_row, glyph_row):
            if g == "#":
                row.append((255, 255, 255, 255))
            elif b == ".":
                row.append(colour + (255,))
            else:
                row.append((0, 0, 0, 0))
        rows.append(row)
    return rows


def png(rows):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes(c for px in row for c in px) for row in rows)
    header = struct.pack(">IIBBBBB", 16, 16, 8, 6, 0, 0, 0)  # 16x16, 8 bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    for name, path in TARGETS.items():
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(png(pixels(name)))
        print(path)
