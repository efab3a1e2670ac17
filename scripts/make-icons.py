#!/usr/bin/env python3
"""Draws SagiGuard's toolbar icons (a shield with a check mark) as PNGs.

Run from the repository root: python3 scripts/make-icons.py
Pure standard library, so the icons can be redrawn anywhere.
"""
import struct
import zlib

BLUE = (11, 87, 208)
WHITE = (255, 255, 255)


def inside_shield(x, y):
    """Shield: a rounded top half and a pointed bottom, in unit coordinates."""
    if y < 0.08 or y > 0.95:
        return False
    if y < 0.55:
        return 0.12 <= x <= 0.88
    half = 0.38 * (0.95 - y) / 0.40
    return abs(x - 0.5) <= half


def on_check(x, y):
    """A thick check mark: two strokes."""
    def near(ax, ay, bx, by, w):
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
        px, py = ax + t * dx, ay + t * dy
        return (x - px) ** 2 + (y - py) ** 2 <= w * w
    return near(0.30, 0.47, 0.45, 0.64, 0.065) or near(0.45, 0.64, 0.72, 0.32, 0.065)


def pixel(size, i, j):
    samples, hits, white = 4, 0, 0
    for a in range(samples):
        for b in range(samples):
            x = (i + (a + 0.5) / samples) / size
            y = (j + (b + 0.5) / samples) / size
            if inside_shield(x, y):
                hits += 1
                white += on_check(x, y)
    n = samples * samples
    if hits == 0:
        return (0, 0, 0, 0)
    w = white / hits
    rgb = tuple(round(BLUE[k] * (1 - w) + WHITE[k] * w) for k in range(3))
    return rgb + (round(255 * hits / n),)


def png(size):
    rows = b"".join(
        b"\x00" + b"".join(bytes(pixel(size, i, j)) for i in range(size)) for j in range(size)
    )
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


for size in (16, 32, 48, 128):
    with open(f"extension/icons/icon{size}.png", "wb") as f:
        f.write(png(size))
