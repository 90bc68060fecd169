#!/usr/bin/python3
"""Checks of a DOCX against pactum's own renders (tests/e2e/docx.sh).

docx-check.py words TEXT PANDOC LAYOUT DUMP
    TEXT is pactum's text render (--width 1000, so no word is wrapped or
    hyphenated; for the parallel layout the interleaved one, the same
    words without columns), PANDOC pandoc's JSON reading of the DOCX, DUMP
    the dump writer's render.  Both become
    words: the text writer's decoration (underlines, bullets, "[de]"
    marks, footnote marks "[1]") and punctuation-only tokens dropped, a
    number's trailing dot too.  One language and sequential: the body's
    words must be the same sequence, and the footnotes' words the same
    multiset (the text writer sets notes after their clause, Word at the
    page foot).  Parallel: the text writer sets columns side by side and
    pandoc reads a table row by row, so the words of both, notes
    included, must be the same multiset, the DOCX's column headings left
    out.
    Interleaved: the text writer turns languages at every paragraph, the
    DOCX at every clause (plugin.h: "each clause in every language in
    turn"), so the same multiset too; and so for a document with
    signatures (DUMP has them), which the DOCX sets side by side, row by
    row, and the text writer party after party.  A trailing colon is
    dropped: an open signature field reads "Name:" in the text, "Name"
    under its line in the DOCX.
docx-check.py numbers DUMP PDFTEXT NLANGS LAYOUT
    The numbers of the sections, clauses and recitals in the dump writer's
    DUMP must appear in order in PDFTEXT (pdftotext of the converted PDF):
    once per language, as the layout arranges them (parallel: in order,
    and each as often as there are columns).
Exit 1 with the first difference on stderr.
"""
import collections
import json
import re
import sys

MARK = re.compile(r"\[\d+\]")
LANGTAG = re.compile(r"^\[[a-z]{2,3}(-[A-Za-z0-9]+)*\]$")
NOTE = re.compile(r"^\s*(?:\[[a-z]{2,3}(?:-[A-Za-z0-9]+)*\]\s*)?\[\d+\]\s")
DECOR = re.compile(r"^[-=_|+•–:.,;()\[\]]+$")


def words(s):
    out = []
    for t in MARK.sub(" ", s).split():
        if LANGTAG.match(t) or DECOR.match(t):
            continue
        if re.match(r"^\d+(\.\d+)*\.$", t):
            t = t[:-1]
        t = t.rstrip(":")  # a signature's open field: "Name:" or "Name"
        out.append(t)
    return out


def text_words(path):
    """(body words, note words) of a text render."""
    body, notes = [], []
    lines = open(path, encoding="utf-8").read().splitlines()
    for line in lines:
        (notes if NOTE.match(line) else body).extend(words(line))
    return body, notes


def inline_text(inlines, notes):
    out = []
    for i in inlines:
        t = i["t"]
        if t == "Str":
            out.append(i["c"])
        elif t in ("Space", "SoftBreak", "LineBreak"):
            out.append(" ")
        elif t == "Note":
            notes.append(blocks_text(i["c"], notes))
        elif t in ("Emph", "Strong", "Underline", "SmallCaps", "Strikeout",
                   "Superscript", "Subscript"):
            out.append(inline_text(i["c"], notes))
        elif t in ("Span", "Link", "Quoted", "Cite"):
            c = i["c"]
            out.append(inline_text(c[1] if t != "Quoted" else c[1], notes))
        elif t == "Code":
            out.append(i["c"][1])
    return "".join(out)


def cell_blocks(cell):
    return cell[4]  # Cell attr align rowspan colspan blocks


def blocks_text(blocks, notes, skip_head=False):
    out = []
    for b in blocks:
        t, c = b["t"], b.get("c")
        if t in ("Para", "Plain"):
            out.append(inline_text(c, notes))
        elif t == "Header":
            out.append(inline_text(c[2], notes))
        elif t in ("BulletList",):
            out.extend(blocks_text(item, notes) for item in c)
        elif t == "OrderedList":
            out.extend(blocks_text(item, notes) for item in c[1])
        elif t in ("BlockQuote", "Div"):
            out.append(blocks_text(c if t == "BlockQuote" else c[1], notes))
        elif t == "LineBlock":
            out.extend(inline_text(l, notes) for l in c)
        elif t == "Table":
            head, bodies = c[3], c[4]
            rows = [] if skip_head else list(head[1])
            for body in bodies:
                rows.extend(body[2])
                rows.extend(body[3])
            for row in rows:
                for cell in row[1]:
                    out.append(blocks_text(cell_blocks(cell), notes))
    return "\n".join(out)


def pandoc_words(path, parallel):
    doc = json.load(open(path, encoding="utf-8"))
    notes = []
    body = blocks_text(doc["blocks"], notes, skip_head=parallel)
    return words(body), words(" ".join(notes))


def first_difference(a, b):
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return i
    return min(len(a), len(b))


def check_words(text, pandoc, layout, signatures):
    parallel = layout == "parallel"
    tb, tn = text_words(text)
    pb, pn = pandoc_words(pandoc, parallel)
    if layout in ("parallel", "interleaved") or signatures:
        want, got = collections.Counter(tb + tn), collections.Counter(pb + pn)
        if want != got:
            sys.exit("word multisets differ: only in text: %s; only in "
                     "docx: %s" % (sorted((want - got).elements())[:12],
                                   sorted((got - want).elements())[:12]))
        return len(tb + tn)
    if tb != pb:
        i = first_difference(tb, pb)
        sys.exit("words differ at %d: text %s | docx %s"
                 % (i, tb[max(0, i - 3):i + 6], pb[max(0, i - 3):i + 6]))
    if collections.Counter(tn) != collections.Counter(pn):
        sys.exit("footnote words differ: text %s | docx %s" % (tn, pn))
    return len(tb) + len(tn)


NUMBERED = re.compile(r"^\s*(section|clause|recital)(?: #\S+)? (\S+)\s*$")


def check_numbers(dump, pdftext, nlangs, layout):
    numbers = []
    for line in open(dump, encoding="utf-8"):
        m = NUMBERED.match(line)
        if m:
            numbers.append(m.group(2))
    tokens = [t.rstrip(".")
              for t in open(pdftext, encoding="utf-8").read().split()]
    if layout == "sequential":
        want = numbers * nlangs
    elif layout in ("parallel", "interleaved"):
        # a row that runs onto the next page puts the columns' parts in
        # an order of pdftotext's (interleaved: a table that runs onto the
        # next page, the heading of the next language's after it): the
        # numbers in order, each in every column
        want = numbers
        count = collections.Counter(tokens)
        for n in numbers:
            if count[n] < nlangs * numbers.count(n):
                sys.exit("number %s is not in every column of the PDF" % n)
    else:
        want = [n for n in numbers for _ in range(nlangs)]
    i = 0
    for t in tokens:
        if i < len(want) and t == want[i]:
            i += 1
    if i < len(want):
        sys.exit("number %d of %d (%s) not found in order in the PDF"
                 % (i + 1, len(want), want[i]))
    return len(want)


def main(argv):
    if len(argv) == 6 and argv[1] == "words":
        signatures = any(l.strip() == "signatures"
                         for l in open(argv[5], encoding="utf-8"))
        n = check_words(argv[2], argv[3], argv[4], signatures)
    elif len(argv) == 6 and argv[1] == "numbers":
        n = check_numbers(argv[2], argv[3], int(argv[4]), argv[5])
    else:
        sys.exit(__doc__)
    print(n)


if __name__ == "__main__":
    main(sys.argv)
