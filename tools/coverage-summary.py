#!/usr/bin/env python3
"""Lines and branches covered, from gcovr's --json-summary: every file,
then the totals of each area (core/lib, core/cli, core/include and each
plugin) and of everything.  Used by tools/coverage.sh (make coverage)."""

import json
import sys


def area(name):
    parts = name.split("/")
    return "/".join(parts[:2]) if len(parts) > 2 else parts[0]


def percent(covered, total):
    return "%5.1f %%" % (100.0 * covered / total) if total else "    -  "


def row(name, c):
    return "%-34s %6d/%-6d %s   %6d/%-6d %s" % (
        name, c[0], c[1], percent(c[0], c[1]),
        c[2], c[3], percent(c[2], c[3]))


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        summary = json.load(f)
    files = sorted(summary["files"], key=lambda f: f["filename"])
    areas = {}
    total = [0, 0, 0, 0]
    head = "%-34s %20s   %20s" % ("file", "lines", "branches")
    print(head)
    print("-" * len(head))
    for f in files:
        c = [f["line_covered"], f["line_total"],
             f["branch_covered"], f["branch_total"]]
        print(row(f["filename"], c))
        a = areas.setdefault(area(f["filename"]), [0, 0, 0, 0])
        for i in range(4):
            a[i] += c[i]
            total[i] += c[i]
    print()
    print(head.replace("file", "area", 1))
    print("-" * len(head))
    for name in sorted(areas):
        print(row(name, areas[name]))
    print(row("total", total))


if __name__ == "__main__":
    main()
