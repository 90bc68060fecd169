#!/usr/bin/python3
"""Check the text writer's line breaks against the same text unwrapped.

usage: hyphenate.py REFERENCE RENDER...

REFERENCE is a render too wide to wrap (and with -O hyphenate=no); every
RENDER is the same document rendered at a width, named NAME.LAYOUT.WIDTH.
For each RENDER, per column (parallel: by position; interleaved: by the
"[de]" tags; sequential: by the separator of '='):

  - no line is wider than WIDTH;
  - every line break inside a word is a hyphenation: the line ends with
    '-', and its piece and the next line's joined (without the '-' when
    hyphenation added it, with it when it is the word's own) are part of
    a word of the reference;
  - a word cut without a hyphen is allowed only where the line is full
    and the word, wider than the room the line leaves it, never
    hyphenates (a digit, a no-break space, '@', "://"; or a name, which
    the patterns of the other language may not break: "Unternehmens" /
    "beratung GmbH" in the English column), or where the room
    is narrower than NARROW cells; it is counted as a hard break;
  - no break lands inside a number or next to a quotation mark.

Prints one line per problem (at most 20 per file) and a summary; exits 1
on any problem.
"""
import os
import re
import sys

NBSP = "\u00a0\u202f\u2007\u2060"
# Rooms narrower than this (deep lists in narrow parallel columns) cut
# words a piece of which, three letters at least and the hyphen, does not
# fit, and pieces look like words: cuts there are counted, not judged.
# Wider, only a word that never hyphenates may be cut (BINDS).
NARROW = 12
BINDS = re.compile("[0-9@\u00a0\u202f\u2007\u2060]|://|^www\\.")
QUOTES = "„“”‚‘’«»\""


def columns(path):
    """The lines of each column of a render, and the cells each may take.
    LAYOUT "single" is a one-language render."""
    name = os.path.basename(path)
    _, layout, width = name.rsplit(".", 2)
    width = int(width)
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if layout == "parallel":
        # a block with a line across the gutter (a signature block, once
        # for both languages) spans the width
        share = (width - 3) // 2
        cols = {0: [], 1: [], "*": []}
        block = []
        for line in lines + [""]:
            if line:
                block.append(line)
                continue
            if any(l[share:share + 3].strip() for l in block):
                cols["*"] += block + [""]
            else:
                cols[0] += [l[:share].rstrip(" ") for l in block] + [""]
                cols[1] += [l[share + 3:] for l in block] + [""]
            block = []
        return width, cols, {0: share, 1: width - 3 - share, "*": width}
    if layout == "interleaved":
        # each version behind its tag, indented by the margin; what is
        # not (the signature blocks, once for all) spans the width
        cols, colw, current, margin = {"*": []}, {"*": width}, "*", 0
        tag_re = re.compile(r"^\[([a-z-]+)\]( +|$)")
        for line in lines:
            m = tag_re.match(line)
            if m:
                current = m.group(1)
                margin = len(m.group(1)) + 3 if m.group(2) else 0
                cols.setdefault(current, []).append("")
                colw[current] = width - margin
                if not m.group(2):
                    continue
                line = " " * margin + line[margin:]
            elif line and (margin == 0 or line[:margin].strip()):
                if current != "*":
                    cols["*"].append("")
                current = "*"
            if current == "*" or not line:
                cols[current].append(line)
            else:
                cols[current].append(line[margin:])
        return width, cols, colw
    cols = {0: []}
    for line in lines:
        if layout == "sequential" and line == "=" * width:
            cols[len(cols)] = []
            continue
        cols[len(cols) - 1].append(line)
    return width, cols, {k: width for k in cols}


def bare(word):
    return word.strip(QUOTES + "(),;:.[]")


def words_of(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    words = set()
    for w in re.split(r"[ \n]+", text):
        if w.strip("-=_"):
            words.update((w, w.strip("-=_"), bare(w)))
    words.discard("")
    return words, " " + " ".join(sorted(words)) + " "


LABEL = r"^(-|–|\(\w{1,5}\)|\[\d+\]|\d[\d.]*)$"


def is_rule(line):
    return set(line.strip()) <= set("-=_ ")


def is_table(line):
    """A row of a table's columns, two spaces apart or more, whose cells
    wrap side by side: not followed here (the cells of a table in
    columns fit their widest words)."""
    cells = re.split(r" {2,}", line.strip())
    return len(cells) > 2 or (len(cells) == 2 and
                              not re.match(LABEL, cells[0]))


def languages(path):
    """The languages of a render, from its name: NAME-de-en.LAYOUT.W."""
    stem = os.path.basename(path).rsplit(".", 2)[0]
    langs = []
    for part in reversed(stem.split("-")):
        if part not in ("de", "en"):
            break
        langs.insert(0, part)
    return langs or ["de"]


def check(path, ref_words, ref_text):
    """Follow each column's words across its lines: a word continued on
    the next line is carried as the candidates it may be (the piece with
    or without its last '-'), each of which must stay part of a word of
    the reference."""
    width, cols, colw = columns(path)
    problems, hard = [], 0

    def whole(c):
        return c in ref_words or bare(c) in ref_words

    def part(c):
        c = c[:-1] if c.endswith("-") else c
        return c in ref_text or bare(c) in ref_text

    def starts(t):
        if re.match(LABEL, t):
            return True  # a label: "-", "(a)", "1.2", "[1]"
        if re.fullmatch(r"[;:,.!?)\]“”’»«]+", t):
            return False  # what ends a word starts none
        t = t[:-1] if t.endswith("-") and len(t) > 1 else t
        return (" " + t) in ref_text or bare(t) in ref_words or \
            (" " + bare(t)) in ref_text

    def split(line):
        return [t for t in line.split(" ") if t]

    langs = languages(path)
    for key, lines in cols.items():
        pending, loose, from_row = None, False, False
        lang = key if isinstance(key, str) else langs[min(key, len(langs) - 1)]
        lang = "de" if key == "*" else lang  # both: judged strictly
        # German nouns are capitalised, names elsewhere
        names = lang != "de"
        for i, line in enumerate(lines):
            where = "col %s line %d" % (key, i + 1)
            if len(line) > colw[key]:
                problems.append("%s wider than %d" % (where, colw[key]))
            toks = split(line)
            if not toks or is_rule(line) or is_table(line):
                # (a first cell continued in the next row is not followed)
                if pending and not (from_row and is_table(line)):
                    problems.append("%s: '%s' cut at a block's end"
                                    % (where, pending[0]))
                pending, from_row = None, False
                # a first cell hyphenated goes on below its row: "Basic
                # mainte-" / "nance,"
                first = re.split(r" {2,}", line.strip())[0].split(" ")[-1]
                if is_table(line) and not is_rule(line) and \
                        first.endswith("-") and re.search(r"\w-$", first):
                    pending, from_row = [first[:-1], first], True
                continue
            from_row = False
            cands = [p + toks[0] for p in pending] if pending else [toks[0]]
            if pending and not any(part(c) for c in cands):
                problems.append("%s: '%s' + '%s' is no word"
                                % (where, pending[-1], toks[0]))
            if len(toks) > 1:
                if pending and not any(whole(c) for c in cands):
                    problems.append("%s: '%s' + '%s' is no word"
                                    % (where, pending[-1], toks[0]))
                cands = [toks[-1]]
            pending = None
            if loose and len(toks) == 1:
                continue  # the rest of a word cut in a narrow room
            loose = False
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            if not split(nxt) or is_rule(nxt) or is_table(nxt) or \
                    set(cands[-1]) <= set("_"):
                continue  # the block ends here, or a line to sign on
            last, head = cands[-1], split(nxt)[0]
            # a piece ending in '-' that joins the next line's into a word
            # is a hyphenation, even where it is a word too ("Vertrags-
            # und"): the other way round, a cut would pass unseen
            joins = last.endswith("-") and len(last) > 1 and any(
                part(c[:-1] + head) or part(c + head) for c in cands)
            if not joins and any(whole(c) for c in cands) and starts(head):
                continue  # a break at a space
            if last.endswith("-") and len(last) > 1:
                # (a code wider than the line is cut where it must)
                room = colw[key] - (len(nxt) - len(nxt.lstrip(" ")))
                if re.search(r"[0-9]", last) and len(last + head) <= room:
                    problems.append("%s: '%s' a number hyphenated"
                                    % (where, last))
                if last[-2] in QUOTES or split(nxt)[0][:1] in QUOTES:
                    problems.append("%s: '%s' hyphen next to a quote"
                                    % (where, last))
                pending = [c for c in dict.fromkeys(
                    [c[:-1] for c in cands] + cands) if part(c)][:4] or \
                    [last[:-1]]
                continue
            # cut without a hyphen: only a full line, of a word wider
            # than the line leaves it
            room = colw[key] - (len(nxt) - len(nxt.lstrip(" ")))
            head = head[:-1] if head.endswith("-") else head
            if room < NARROW:
                hard += 1  # not judged, nor what is left of the word
                loose = True
                continue
            # (a bound or quoted word may leave the cell a wide or a
            # closing character cannot fill)
            full = len(line.rstrip(" ")) >= colw[key] - 1
            if (full and any(
                    len(w) > room and (BINDS.search(w) or
                                       any(q in w for q in QUOTES) or
                                       (names and w.lstrip("(„“\"‚'")[:1].isupper()))
                    for w in ref_words
                    if any(c + head in w for c in cands))):
                hard += 1
                pending = [c for c in cands if part(c)][:4] or [last]
                continue
            problems.append("%s: '%s' / '%s' cut without a hyphen"
                            % (where, last, split(nxt)[0]))
    return problems, hard


def main():
    ref = sys.argv[1]
    ref_words, ref_text = words_of(ref)
    bad = hard = 0
    for path in sys.argv[2:]:
        problems, h = check(path, ref_words, ref_text)
        hard += h
        for p in problems[:20]:
            print("    %s: %s" % (os.path.basename(path), p))
        if problems:
            bad += 1
    print("# %d renders, %d with problems, %d hard breaks"
          % (len(sys.argv) - 2, bad, hard))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
