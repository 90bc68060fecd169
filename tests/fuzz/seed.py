#!/usr/bin/env python3
"""Raw seeds for the fuzz targets from templates/ and tests/data, into
OUT/TARGET/; tests/fuzz/README.md says how they are minimised into
tests/fuzz/corpus/TARGET with -merge=1.

    python3 tests/fuzz/seed.py SRCDIR BUILDDIR OUT
"""
import glob
import hashlib
import os
import re
import sys

SEP = b"\n<!--deal-->\n"  # FUZZ_DEAL_SEP of fuzz.h
MAX = 64 * 1024           # small files only


def put(out, target, data):
    if len(data) > MAX:
        return
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def main():
    src, build, out = sys.argv[1:4]
    models, deals = [], []
    for path in sorted(glob.glob(os.path.join(src, "templates/*/agreement.xml"))):
        ds = sorted(glob.glob(os.path.join(os.path.dirname(path), "deals/*.xml")))
        models.append((path, ds))
        deals += ds
    for path in sorted(glob.glob(os.path.join(src, "tests/data/**/*.xml"),
                                 recursive=True)):
        text = read(path)
        if b"urn:pactum:deal:1" in text:
            deals.append(path)
        elif b"urn:pactum:model:1" in text:
            base = path[:-4]
            ds = [p for p in (base + ".deal.xml", base + "-deal.xml")
                  if os.path.exists(p)]
            models.append((path, ds))
    # model: the model alone (the demo deal), and with each of its deals
    for path, ds in models:
        m = read(path)
        put(out, "model", m)
        put(out, "model", m + b" ")  # odd size: draft mode
        for d in ds:
            put(out, "model", m + SEP + read(d))
    # deal: whole (first byte even) and streamed in pieces (odd)
    for i, path in enumerate(deals):
        d = read(path)
        model = bytes([(i % 3) << 1])
        put(out, "deal", model + d)
        put(out, "deal", bytes([model[0] | 1, 7 * i % 256]) + d)
    # expr: every condition and computation of the models
    exprs = set()
    for path, _ in models:
        for m in re.finditer(rb'\b(if|value)="([^"]*)"', read(path)):
            text = m.group(2).replace(b"&lt;", b"<").replace(b"&gt;", b">") \
                .replace(b"&amp;", b"&").replace(b"&quot;", b'"')
            exprs.add((m.group(1), text))
    for i, (kind, text) in enumerate(sorted(exprs)):
        sel = i % 3 | (0x80 if kind == b"value" else 0)
        put(out, "expr", bytes([sel, i % 16]) + text)
    # mo: the compiled catalogs of the build tree
    for path in sorted(glob.glob(os.path.join(build, "catalogs/*/LC_MESSAGES/*.mo")) +
                       glob.glob(os.path.join(build, "tests/catalogs/*/*/LC_MESSAGES/*.mo"))):
        put(out, "mo", read(path))
    # po: the catalogs' sources
    for path in sorted(glob.glob(os.path.join(src, "locales/*/*.po")) +
                       glob.glob(os.path.join(src, "tests/data/**/*.po"), recursive=True)):
        put(out, "po", read(path))
    # writers: the bytes drive a generator; any bytes make a model
    for n in (8, 64, 256, 1024, 2048, 4096):
        data, h = b"", hashlib.sha256(b"pactum %d" % n).digest()
        while len(data) < n:
            h = hashlib.sha256(h).digest()
            data += h
        put(out, "writers", data[:n])


if __name__ == "__main__":
    main()
