#!/usr/bin/env python3
"""Draws the Teams app icons without image libraries: color.png 192x192 (opaque), outline.png 32x32 (white on transparent)."""
import math
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def png(path, width, height, pixel):
    """pixel(x, y) -> (r, g, b, a)."""
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # filter: none
        for x in range(width):
            rows.extend(pixel(x, y))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    with open(path, "wb") as out:
        out.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b""))


def figure(x, y, size):
    """A seated figure: a head and a body arc, in unit coordinates of a size x size square."""
    u, v = (x + 0.5) / size, (y + 0.5) / size
    head = math.hypot(u - 0.5, v - 0.28) < 0.11
    ring = abs(math.hypot(u - 0.5, v - 0.72) - 0.26) < 0.06 and v < 0.78
    spine = abs(u - 0.5) < 0.045 and 0.38 < v < 0.72
    return head or ring or spine


def color(x, y):
    return (255, 255, 255, 255) if figure(x, y, 192) else (0x2E, 0x7D, 0x6B, 255)


def outline(x, y):
    return (255, 255, 255, 255) if figure(x, y, 32) else (0, 0, 0, 0)


if __name__ == "__main__":
    png(os.path.join(HERE, "color.png"), 192, 192, color)
    png(os.path.join(HERE, "outline.png"), 32, 32, outline)
