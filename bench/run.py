#!/usr/bin/env python3
"""Time pactum against its peers on the agreements of bench/gen.py (#16).

Whole processes, in one run: every round runs each tool once on each size,
the tools in turn (round-robin, the order rotated each round so that none
always runs first), after one untimed warm-up run of every command.  Per
tool and size it reports the median wall time and peak RSS; the ratio of a
peer to pactum is computed round by round, and its median reported.

  pactum     pactum render MODEL --data DEAL --lang de,en --format docbook
             --layout parallel --catalog-path DIR > OUT  (two languages)
  itstool    itstool -i ITS -m peer.de.mo -l de -o X peer.xml, then
             xsltproc -o OUT peer2docbook.xsl X: one pipeline, the two
             processes' times summed, the larger RSS  (German only)
  pandoc     pandoc -f markdown -t docbook5 -s -o OUT peer.de.md  (German)
  xmllint    xmllint --noout MODEL: reading the model, the floor
  pactum-de  pactum render ... --lang de (German only), at 3000 clauses
  icufloor   bench/icufloor MODEL, at 30 clauses: libxml2's parse of the
             model and ICU's number, words and date in de and en, all
             that a render with these libraries cannot avoid (icufloor.c)
  batch      pactum batch MODEL --data DEALS --output-dir DIR --lang de,en
             --format docbook --jobs 1, on 10, 1,000 and 100,000 records
             of the 30-clause model (100,000 once, after the rounds)

Each process is started and measured by bench/spawn (see spawn.c: Python
cannot measure a child's peak RSS itself).  pactum runs as the real binary,
not through the pactum-uninstalled and libtool wrapper scripts: run.py
sets what they set (PACTUM_PLUGIN_PATH, PACTUM_LIBRARY_PATH,
PACTUM_CATALOG_PATH, PACTUM_PLUGIN_SYSTEM_PATH; LD_LIBRARY_PATH for
libpactum) and runs core/.libs/pactum (core/pactum itself when built with
--disable-shared), after checking that it writes the same bytes as
./pactum-uninstalled.  Prints the table of the issue as Markdown, then the
targets, met or missed.  Python 3 standard library only.
"""

import argparse
import glob
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

SIZES = (30, 300, 3000, 30000)
RECORDS = (10, 1000, 100000)
BATCH_CLAUSES = 30
GERMAN_AT = 3000
MIB = 1024.0  # ru_maxrss is in KiB
FLAT_SLACK_MIB = 8  # "flat": the largest batch within this of the smallest


def split_redirect(argv):
    """ARGV without a trailing ">", FILE, and where standard output goes."""
    if len(argv) > 2 and argv[-2] == ">":
        return argv[:-2], argv[-1]
    return argv, "/dev/null"


def die(msg):
    sys.stderr.write("run.py: %s\n" % msg)
    sys.exit(1)


# ------------------------------------------------------------ running ---

class Runner:
    """Runs commands through bench/spawn and keeps what it measured."""

    def __init__(self, spawn, scratch):
        self.spawn = spawn
        self.scratch = scratch

    def once(self, argv, env, what):
        """Run ARGV once; a dict of wall_ns, rss_kib, user_us, sys_us.
        A command that fails stops the benchmark: a failed render must
        never be timed.  An ARGV that ends in ">", FILE writes its
        standard output there."""
        err = os.path.join(self.scratch, "stderr")
        argv, out = split_redirect(argv)
        p = subprocess.run([self.spawn, out, err] + argv, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if p.returncode != 0:
            die("%s: bench/spawn failed: %s" % (what, p.stderr.decode()))
        wall, rss, user, syst, status = (int(x) for x in p.stdout.split())
        if status != 0:
            with open(err, encoding="utf-8", errors="replace") as f:
                die("%s failed (exit %d): %s\n%s"
                    % (what, status, " ".join(argv), f.read(2000)))
        return {"wall_ns": wall, "rss_kib": rss, "user_us": user,
                "sys_us": syst}

    def steps(self, steps, what):
        """Run the steps of one tool (a pipeline of processes run one after
        the other): times and CPU summed, the largest RSS."""
        total = {"wall_ns": 0, "rss_kib": 0, "user_us": 0, "sys_us": 0}
        for argv, env, prepare in steps:
            if prepare:
                prepare()
            r = self.once(argv, env, what)
            for k in ("wall_ns", "user_us", "sys_us"):
                total[k] += r[k]
            total["rss_kib"] = max(total["rss_kib"], r["rss_kib"])
        return total


def real_pactum(builddir, srcdir):
    """The pactum binary and the environment pactum-uninstalled gives it."""
    libs = os.path.join(builddir, "core", ".libs")
    exe = os.path.join(libs, "pactum")
    if not os.path.isfile(exe):
        # built with --disable-shared: core/pactum is the program itself
        exe = os.path.join(builddir, "core", "pactum")
        with open(exe, "rb") as f:
            if f.read(4) != b"\x7fELF":
                die("%s is a script and core/.libs/pactum is missing" % exe)
    env = dict(os.environ)

    def prepend(name, value):
        old = env.get(name)
        env[name] = value + (":" + old if old else "")

    plugins = sorted(glob.glob(os.path.join(builddir, "plugins", "*", "")))
    prepend("PACTUM_PLUGIN_PATH",
            ":".join(os.path.join(d, ".libs") for d in plugins))
    prepend("PACTUM_LIBRARY_PATH", os.path.join(srcdir, "templates"))
    prepend("PACTUM_CATALOG_PATH", os.path.join(builddir, "catalogs"))
    env.setdefault("PACTUM_PLUGIN_SYSTEM_PATH", "")
    if os.path.isdir(libs):
        prepend("LD_LIBRARY_PATH", libs)
    return exe, env


def same_output(wrapper, exe, env, argv_tail, scratch):
    """Whether the real binary writes what pactum-uninstalled writes."""
    outs = []
    for cmd, e in (([wrapper], None), ([exe], env)):
        out = os.path.join(scratch, "same-%d.dbk" % len(outs))
        subprocess.run(cmd + argv_tail + ["-o", out], env=e, check=True)
        with open(out, "rb") as f:
            outs.append(f.read())
    return outs[0] == outs[1]


def batch_built(exe, env):
    p = subprocess.run([exe, "batch", "--help"], env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return p.returncode == 0


# ------------------------------------------------------------- tools ---

def tools_for(n, args, exe, env, peer_env, out):
    """The tools of one size: name -> steps (argv, env, prepare)."""
    d = os.path.join(args.work, str(n))
    model = os.path.join(d, "model.xml")
    render = [exe, "render", model, "--data", os.path.join(d, "deal.xml"),
              "--format", "docbook", "--catalog-path",
              os.path.join(d, "catalogs")]
    tmp_xml = os.path.join(out, "itstool-%d.xml" % n)
    t = {
        # to standard output, as the peers write: -o would add an fsync
        # of the file and of its directory, which they do not do
        "pactum": [(render + ["--lang", "de,en", "--layout", "parallel",
                              ">", os.path.join(out, "pactum-%d.dbk" % n)],
                    env, None)],
        "itstool": [(["itstool", "-i", os.path.join(d, "peer.its"),
                      "-m", os.path.join(d, "peer.de.mo"), "-l", "de",
                      "-o", tmp_xml, os.path.join(d, "peer.xml")],
                     peer_env, None),
                    (["xsltproc", "-o",
                      os.path.join(out, "itstool-%d.dbk" % n),
                      os.path.join(args.work, "peer2docbook.xsl"), tmp_xml],
                     peer_env, None)],
        "pandoc": [(["pandoc", "-f", "markdown", "-t", "docbook5", "-s",
                     "-o", os.path.join(out, "pandoc-%d.dbk" % n),
                     os.path.join(d, "peer.de.md")], peer_env, None)],
        "xmllint": [(["xmllint", "--noout", model], peer_env, None)],
    }
    if n == BATCH_CLAUSES:
        t["icufloor"] = [([args.icufloor, model], peer_env, None)]
    if n == GERMAN_AT:
        t["pactum-de"] = [(render + ["--lang", "de", ">",
                                     os.path.join(out, "pactum-de-%d.dbk" % n)],
                           env, None)]
    return t


def batch_steps(records, args, exe, env, out):
    d = os.path.join(args.work, str(BATCH_CLAUSES))
    dest = os.path.join(out, "batch-%d" % records)
    benv = dict(env)
    benv["PACTUM_CATALOG_PATH"] = (os.path.join(d, "catalogs") + ":"
                                   + env.get("PACTUM_CATALOG_PATH", ""))

    def fresh():
        shutil.rmtree(dest, ignore_errors=True)
        os.makedirs(dest)

    return [([exe, "batch", os.path.join(d, "model.xml"), "--data",
              os.path.join(args.work, "batch", "deals-%d.xml" % records),
              "--output-dir", dest, "--lang", "de,en", "--format", "docbook",
              "--jobs", "1"], benv, fresh)]


def under_valgrind(tool, argv, env, what):
    """Run ARGV under valgrind with TOOL's options (a list); ARGV may end
    in ">", FILE as for Runner.once().  Stops the benchmark if it fails."""
    argv, out = split_redirect(argv)
    with open(out, "wb") as f:
        p = subprocess.run(["valgrind"] + tool + argv, env=env, stdout=f,
                           stderr=subprocess.DEVNULL)
    if p.returncode != 0:
        die("%s under %s failed (exit %d): %s"
            % (what, tool[0], p.returncode, " ".join(argv)))


def instructions(argv, env, scratch, what):
    """Instructions ARGV executes (callgrind's count): unlike time, the
    same on a busy machine as on an idle one, so a change shows in it
    run to run."""
    log = os.path.join(scratch, "callgrind.log")
    under_valgrind(["--tool=callgrind", "--callgrind-out-file=/dev/null",
                    "--log-file=" + log], argv, env, what)
    with open(log, encoding="utf-8") as f:
        for line in f:
            if "Collected :" in line:
                return int(line.split("Collected :")[1])
    die("%s: no instruction count in %s" % (what, log))


def heap_peak(argv, env, scratch, what):
    """The heap at its peak while ARGV runs (valgrind --tool=massif): the
    total, and what holds it, one level below pactum's own allocators
    (pactum_malloc, pactum_realloc: the arena, the output buffer, the
    files read) and one level below the program for the rest (ICU,
    libxml2): a list of (bytes, function) largest first, the rest summed
    as "other".  Where the peak RSS target is missed, this says what to
    take out."""
    dump = os.path.join(scratch, "massif.out")
    under_valgrind(["--tool=massif", "--depth=3", "--threshold=0.5",
                    "--massif-out-file=" + dump], argv, env, what)
    # the snapshot marked heap_tree=peak: lines "nK: BYTES FRAME", indented
    # one space a level
    tree, peak = [], False
    with open(dump, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("heap_tree="):
                peak = line.strip() == "heap_tree=peak"
            elif peak and line.lstrip().startswith("n"):
                depth = len(line) - len(line.lstrip(" "))
                _, _, frame = line.strip().partition(" ")
                size, _, frame = frame.partition(" ")
                tree.append((depth, int(size), frame))
            elif peak and line.startswith("snapshot="):
                break
    os.remove(dump)
    if not tree:
        die("%s: no peak snapshot in massif's output" % what)

    def name(frame):
        # "0x4851A5D: pactum_malloc (alloc.c:83)" -> "pactum_malloc"
        # (and a C++ name's parameters dropped)
        fn = (frame.partition(": ")[2] or frame).split("(")[0].strip()
        return "unknown" if fn == "???" else fn

    total, parts = tree[0][1], []
    for i, (depth, size, frame) in enumerate(tree):
        if depth != 1:
            continue
        if name(frame) in ("pactum_malloc", "pactum_realloc"):
            for d2, s2, f2 in tree[i + 1:]:
                if d2 <= 1:
                    break
                if d2 == 2:
                    parts.append((s2, name(f2)))
        else:
            parts.append((size, name(frame)))
    by_name = {}
    for size, fn in parts:
        if not fn.startswith("in "):  # massif's "in N places" below 0.5 %
            by_name[fn] = by_name.get(fn, 0) + size
    # parts under 0.5 % of the peak, as massif's own, go to "other"
    named = sorted(((b, fn) for fn, b in by_name.items()
                    if b * 200 >= total), reverse=True)
    rest = total - sum(x[0] for x in named)
    return {"total": total, "parts": [[b, n] for b, n in named] +
            ([[rest, "other"]] if rest > 0 else [])}


# ------------------------------------------------------------ figures ---

def fmt_time(ns):
    ms = ns / 1e6
    if ms < 10:
        return "%.1f ms" % ms
    if ms < 1000:
        return "%.0f ms" % ms
    return "%.1f s" % (ms / 1000)


def fmt_rss(kib):
    mib = kib / MIB
    return ("%.1f MiB" % mib) if mib < 10 else ("%.0f MiB" % mib)


def fmt_ratio(x):
    return ("%.1fx" % x) if x < 10 else ("%.0fx" % x)


def med(runs, key):
    return statistics.median(r[key] for r in runs)


def round_ratio(num, den):
    """The median over rounds of num's wall time / den's, round by round."""
    return statistics.median(a["wall_ns"] / b["wall_ns"]
                             for a, b in zip(num, den))


def verdict(ok):
    return "**met**" if ok else "**missed**"


def report(res, args, meta):
    """The Markdown table, the extra rows and the targets; also returns
    the summary figures for --json."""
    lines, summary = [], {"sizes": {}, "targets": []}
    lines.append("| N clauses | pactum (de+en parallel DocBook) | "
                 "itstool + xsltproc (German only) | pandoc md → docbook5 "
                 "(German only) | xmllint --noout (parse floor) |")
    lines.append("|---|---|---|---|---|")
    for n in sorted(res["sizes"]):
        r = res["sizes"][n]
        p = r["pactum"]
        s = {t: {"wall_ms": med(v, "wall_ns") / 1e6,
                 "rss_mib": med(v, "rss_kib") / MIB,
                 "cpu_ms": statistics.median(
                     (x["user_us"] + x["sys_us"]) / 1e3 for x in v)}
             for t, v in r.items()}
        for peer in ("itstool", "pandoc"):
            s[peer]["ratio"] = round_ratio(r[peer], p)
        s["xmllint"]["pactum_over_floor"] = round_ratio(p, r["xmllint"])
        summary["sizes"][n] = s
        cell = lambda t: "%s, %s" % (fmt_time(med(r[t], "wall_ns")),
                                     fmt_rss(med(r[t], "rss_kib")))
        lines.append("| %d | %s | %s (%s) | %s (%s) | %s (pactum %s) |" % (
            n, cell("pactum"), cell("itstool"),
            fmt_ratio(s["itstool"]["ratio"]), cell("pandoc"),
            fmt_ratio(s["pandoc"]["ratio"]), cell("xmllint"),
            fmt_ratio(s["xmllint"]["pactum_over_floor"])))
    lines.append("")
    lines.append("Times are medians of %d rounds, whole process (wall); "
                 "(Nx) is the peer's time over pactum's, computed round by "
                 "round, then its median; RSS is the peak (ru_maxrss)."
                 % args.rounds)
    lines.append("")

    if GERMAN_AT in res["sizes"]:
        r = res["sizes"][GERMAN_AT]
        lines.append("German-only DocBook at %d clauses: %s, %s "
                     "(bilingual parallel: %s)." % (
                         GERMAN_AT, fmt_time(med(r["pactum-de"], "wall_ns")),
                         fmt_rss(med(r["pactum-de"], "rss_kib")),
                         fmt_time(med(r["pactum"], "wall_ns"))))
    lines.append("Within Nx of the xmllint floor (pactum's time over "
                 "xmllint --noout's, round by round): %s." % ", ".join(
                     "%.1fx at %d clauses" % (summary["sizes"][n]["xmllint"]
                                              ["pactum_over_floor"], n)
                     for n in sorted(summary["sizes"])))
    if BATCH_CLAUSES in res["sizes"]:
        r = res["sizes"][BATCH_CLAUSES]
        s = summary["sizes"][BATCH_CLAUSES]
        s["icufloor"]["pactum_over_floor"] = round_ratio(r["pactum"],
                                                         r["icufloor"])
        lines.append("The floor of a render with libxml2 and ICU at %d "
                     "clauses (bench/icufloor: the model parsed, one "
                     "amount as a number and in words and one date, in de "
                     "and en): %s, %s (pactum %s)." % (
                         BATCH_CLAUSES,
                         fmt_time(med(r["icufloor"], "wall_ns")),
                         fmt_rss(med(r["icufloor"], "rss_kib")),
                         fmt_ratio(s["icufloor"]["pactum_over_floor"])))
    lines.append("")

    if res.get("instructions"):
        ins = res["instructions"]
        summary["instructions"] = ins
        lines.append("| N clauses | pactum (de+en parallel DocBook) | "
                     "xmllint --noout | pactum over xmllint |")
        lines.append("|---|---|---|---|")
        for n in sorted(ins):
            lines.append("| %d | %.1f M | %.1f M | %.2fx |" % (
                n, ins[n]["pactum"] / 1e6, ins[n]["xmllint"] / 1e6,
                ins[n]["pactum"] / ins[n]["xmllint"]))
        if "icufloor" in ins.get(BATCH_CLAUSES, {}):
            i = ins[BATCH_CLAUSES]
            lines.append("")
            lines.append("bench/icufloor at %d clauses: %.1f M (pactum "
                         "%.2fx)." % (BATCH_CLAUSES, i["icufloor"] / 1e6,
                                      i["pactum"] / i["icufloor"]))
        lines.append("")
        lines.append("Instructions executed (valgrind --tool=callgrind), "
                     "whole process, one run each: the same figure on a "
                     "busy machine as on an idle one.")
        lines.append("")

    if res.get("memory"):
        mem = res["memory"]
        summary["memory"] = mem
        lines.append("| N clauses | pactum's heap at its peak | held by |")
        lines.append("|---|---|---|")
        for n in sorted(mem):
            lines.append("| %d | %.1f MB | %s |" % (
                n, mem[n]["total"] / 1e6, ", ".join(
                    "%s %s" % (fn, ("%.1f MB" % (b / 1e6)) if b >= 1e6
                               else ("%.0f KB" % (b / 1e3)))
                    for b, fn in mem[n]["parts"])))
        lines.append("")
        lines.append("valgrind --tool=massif, de+en parallel DocBook, one "
                     "run each: pactum's own allocations by the function "
                     "below its allocator (pactum__arena_alloc: the model's "
                     "and the document's nodes, texts and runs; "
                     "pactum__buf_grow: buffers, the output's the largest; "
                     "pactum__file_read: files held while they are used, "
                     "the catalogs), the libraries' by their own entry.  "
                     "Peak RSS adds to it the libraries' code and data, "
                     "ICU's most, and the stack.")
        lines.append("")

    # batch rows
    b = res.get("batch")
    lines.append("| Batch: 30 clauses, de+en parallel DocBook, --jobs 1 | "
                 + " | ".join("%s records" % format(x, ",")
                              for x in args.records) + " |")
    lines.append("|---|" + "---|" * len(args.records))
    if b is None:
        na = " | ".join("n/a (pactum batch not built)" for _ in args.records)
        for row in ("wall", "agreements per second per core", "peak RSS"):
            lines.append("| %s | %s |" % (row, na))
    else:
        summary["batch"] = {}
        wall, rate, cpu_rate, rss = [], [], [], []
        for x in args.records:
            v = b[x]
            w = med(v, "wall_ns")
            c = statistics.median(x_["user_us"] + x_["sys_us"] for x_ in v)
            summary["batch"][x] = {
                "rounds": len(v), "wall_ms": w / 1e6,
                "per_second": x / (w / 1e9),
                "per_cpu_second": x / (c / 1e6) if c else None,
                "rss_mib": med(v, "rss_kib") / MIB}
            wall.append(fmt_time(w))
            rate.append("%s (%s per CPU second)" % (
                format(round(x / (w / 1e9)), ","),
                format(round(x / (c / 1e6)), ",") if c else "-"))
            rss.append(fmt_rss(med(v, "rss_kib")))
        lines.append("| wall (median) | %s |" % " | ".join(wall))
        lines.append("| agreements per second per core | %s |"
                     % " | ".join(rate))
        lines.append("| peak RSS | %s |" % " | ".join(rss))
        lines.append("")
        lines.append("Rounds: %s." % ", ".join(
            "%s records %d" % (format(x, ","), len(b[x])) for x in args.records))
    lines.append("")

    # targets
    def target(text, ok, figure):
        summary["targets"].append({"target": text, "met": ok,
                                   "figure": figure})
        lines.append("- %s: %s (%s)" % (
            text, "not measured" if ok is None else verdict(ok), figure))

    S = summary["sizes"]
    lines.append("Targets of #16:")
    lines.append("")
    if GERMAN_AT in S:
        s = S[GERMAN_AT]
        for peer, name in (("itstool", "itstool + xsltproc"),
                           ("pandoc", "pandoc")):
            target("%d clauses, bilingual at least 50x faster than %s's "
                   "one language" % (GERMAN_AT, name),
                   s[peer]["ratio"] >= 50, fmt_ratio(s[peer]["ratio"]))
        f = s["xmllint"]["pactum_over_floor"]
        target("%d clauses within 3x of the xmllint floor" % GERMAN_AT,
               f <= 3, "%.1fx" % f)
        pr, xr = s["pactum"]["rss_mib"], s["xmllint"]["rss_mib"]
        target("%d clauses, peak RSS within xmllint's + 16 MiB" % GERMAN_AT,
               pr <= xr + 16, "pactum %.1f MiB, xmllint %.1f MiB"
               % (pr, xr))
    else:
        target("%d clauses" % GERMAN_AT, None, "size not run")
    if 30000 in S:
        f = S[30000]["xmllint"]["pactum_over_floor"]
        target("30000 clauses within 3x of the xmllint floor", f <= 3,
               "%.1fx" % f)
    else:
        target("30000 clauses within 3x of the xmllint floor", None,
               "size not run")
    if 30 in S:
        w = S[30]["pactum"]["wall_ms"]
        target("30 clauses in under 3 ms whole-process", w < 3,
               "%.1f ms; bench/icufloor alone %.1f ms"
               % (w, S[30]["icufloor"]["wall_ms"]))
    else:
        target("30 clauses in under 3 ms whole-process", None, "size not run")
    if b is None:
        target("batch: at least 2,000 bilingual 30-clause agreements per "
               "second per core", None, "pactum batch not built")
        target("batch: flat memory from 10 to 100,000 records", None,
               "pactum batch not built")
    else:
        B = summary["batch"]
        mid = 1000 if 1000 in B else max(B)
        target("batch: at least 2,000 bilingual 30-clause agreements per "
               "second per core", B[mid]["per_second"] >= 2000,
               "%s per second at %s records" % (
                   format(round(B[mid]["per_second"]), ","),
                   format(mid, ",")))
        lo, hi = min(B), max(B)
        target("batch: flat memory from 10 to 100,000 records (peak RSS "
               "within %d MiB)" % FLAT_SLACK_MIB,
               B[hi]["rss_mib"] <= B[lo]["rss_mib"] + FLAT_SLACK_MIB,
               "%.1f MiB at %s, %.1f MiB at %s%s" % (
                   B[lo]["rss_mib"], format(lo, ","), B[hi]["rss_mib"],
                   format(hi, ","),
                   "" if hi == 100000 else "; 100,000 not run"))
    lines.append("")
    lines.append(
        "Machine: %s, %d cores, load average %.2f before and %.2f after; "
        "%s (%s), writing into %s; a process that does nothing (/bin/true) takes %s "
        "and %s through bench/spawn; %s." % (
            meta["machine"], meta["cores"], meta["load_before"],
            meta["load_after"], meta["pactum"], meta["pactum_how"],
            meta["out_dir"],
            fmt_time(meta["floor_wall_ns"]), fmt_rss(meta["floor_rss_kib"]),
            time.strftime("%Y-%m-%d %H:%M", time.localtime(meta["started"]))))
    return "\n".join(lines), summary


# --------------------------------------------------------------- main ---

def parse_list(s):
    return tuple(int(x) for x in s.split(",") if x)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--work", default="bench-work",
                    help="what bench/gen.py wrote (default bench-work)")
    ap.add_argument("--builddir", default=".",
                    help="pactum's build tree (default .)")
    ap.add_argument("--srcdir", default=os.path.dirname(here),
                    help="pactum's source tree (default: this file's ..)")
    ap.add_argument("--spawn", help="the bench/spawn helper "
                    "(default BUILDDIR/bench/spawn)")
    ap.add_argument("--icufloor", help="the bench/icufloor program "
                    "(default BUILDDIR/bench/icufloor)")
    ap.add_argument("--pactum", metavar="BIN",
                    help="time this pactum as it is (an installed one) "
                    "instead of the build tree's")
    ap.add_argument("--rounds", type=int, default=7,
                    help="timed rounds (default 7)")
    ap.add_argument("--sizes", type=parse_list, default=SIZES,
                    help="clause counts (default %s)"
                    % ",".join(map(str, SIZES)))
    ap.add_argument("--records", type=parse_list, default=RECORDS,
                    help="batch records (default %s)"
                    % ",".join(map(str, RECORDS)))
    ap.add_argument("--quick", action="store_true",
                    help="3 rounds, no 30000 clauses, no 100,000 records")
    ap.add_argument("--json", metavar="FILE", help="write the raw figures")
    ap.add_argument("--instructions", action="store_true",
                    help="also count the instructions of pactum and "
                    "xmllint at each size (valgrind's callgrind; slow)")
    ap.add_argument("--memory", action="store_true",
                    help="also say what holds pactum's heap at its peak "
                    "at each size (valgrind --tool=massif)")
    ap.add_argument("--out-dir", metavar="DIR",
                    help="where the tools write (default WORK/out; emptied "
                    "first); on a tmpfs, pactum's fsync costs nothing")
    args, _ignored = ap.parse_known_args()  # gen.py's options
    if args.quick:
        args.rounds = min(args.rounds, 3)
        args.sizes = tuple(n for n in args.sizes if n < 30000)
        args.records = tuple(r for r in args.records if r < 100000)
    if args.rounds < 1:
        die("--rounds must be at least 1")
    args.work = os.path.abspath(args.work)
    builddir = os.path.abspath(args.builddir)
    srcdir = os.path.abspath(args.srcdir)
    spawn = os.path.abspath(args.spawn or
                            os.path.join(builddir, "bench", "spawn"))
    args.icufloor = os.path.abspath(args.icufloor or
                                    os.path.join(builddir, "bench",
                                                 "icufloor"))
    for helper in (spawn, args.icufloor):
        if not os.access(helper, os.X_OK):
            die("%s is missing: 'make bench' builds it" % helper)
    for n in args.sizes + (BATCH_CLAUSES,):
        if not os.path.isfile(os.path.join(args.work, str(n), "model.xml")):
            die("%s/%d is missing: run bench/gen.py first" % (args.work, n))

    out = os.path.abspath(args.out_dir or os.path.join(args.work, "out"))
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    scratch = os.path.join(args.work, "scratch")
    os.makedirs(scratch, exist_ok=True)
    runner = Runner(spawn, scratch)

    peer_env = dict(os.environ)
    peer_env["LC_ALL"] = "C.UTF-8"
    if args.pactum:
        exe, env = shutil.which(args.pactum) or args.pactum, dict(peer_env)
        how = "as given"
    else:
        exe, env = real_pactum(builddir, srcdir)
        env["LC_ALL"] = "C.UTF-8"
        how = ("%s with the environment of pactum-uninstalled"
               % os.path.relpath(exe, builddir))
        wrapper = os.path.join(builddir, "pactum-uninstalled")
        d = os.path.join(args.work, str(BATCH_CLAUSES))
        tail = ["render", os.path.join(d, "model.xml"), "--data",
                os.path.join(d, "deal.xml"), "--lang", "de,en", "--format",
                "docbook", "--layout", "parallel", "--catalog-path",
                os.path.join(d, "catalogs")]
        if os.path.exists(wrapper) and not same_output(wrapper, exe, env,
                                                       tail, scratch):
            die("%s writes other bytes than pactum-uninstalled: its "
                "environment is not the wrapper's" % exe)
    version = subprocess.run([exe, "--version"], env=env,
                             stdout=subprocess.PIPE).stdout.decode()
    version = version.split("\n")[0].strip()
    have_batch = batch_built(exe, env)
    if not have_batch:
        print("run.py: pactum batch is not built; its rows are n/a",
              file=sys.stderr)

    meta = {"machine": "%s %s" % (platform.system(), platform.release()),
            "cores": os.cpu_count(), "load_before": os.getloadavg()[0],
            "pactum": version, "pactum_how": how, "started": time.time(),
            "rounds": args.rounds, "sizes": list(args.sizes),
            "out_dir": out,
            "records": list(args.records)}

    tools = {n: tools_for(n, args, exe, env, peer_env, out)
             for n in args.sizes}
    batch_every_round = [r for r in args.records if r <= 1000]
    batch_once = [r for r in args.records if r > 1000]
    batches = ({r: batch_steps(r, args, exe, env, out) for r in args.records}
               if have_batch else {})

    # warm-up: every command once, untimed (also fails early)
    for n in args.sizes:
        for name, steps in tools[n].items():
            runner.steps(steps, "%s at %d clauses" % (name, n))
    for r in batch_every_round:
        if have_batch:
            runner.steps(batches[r], "pactum batch of %d records" % r)
    floor = [runner.once(["true"], peer_env, "true") for _ in range(5)]

    res = {"sizes": {n: {t: [] for t in tools[n]} for n in args.sizes}}
    if have_batch:
        res["batch"] = {r: [] for r in args.records}
    for rnd in range(args.rounds):
        print("run.py: round %d of %d" % (rnd + 1, args.rounds),
              file=sys.stderr)
        for n in args.sizes:
            names = list(tools[n])
            k = rnd % len(names)
            for name in names[k:] + names[:k]:
                res["sizes"][n][name].append(
                    runner.steps(tools[n][name], "%s at %d" % (name, n)))
        if have_batch:
            for r in batch_every_round:
                res["batch"][r].append(runner.steps(
                    batches[r], "pactum batch of %d records" % r))
    for r in batch_once:
        if have_batch:
            print("run.py: pactum batch of %d records (once)" % r,
                  file=sys.stderr)
            res["batch"][r].append(runner.steps(
                batches[r], "pactum batch of %d records" % r))
            shutil.rmtree(os.path.join(out, "batch-%d" % r),
                          ignore_errors=True)
    if args.instructions:
        if shutil.which("valgrind") is None:
            die("--instructions needs valgrind")
        res["instructions"] = {}
        for n in args.sizes:
            print("run.py: instructions at %d clauses" % n, file=sys.stderr)
            res["instructions"][n] = {
                t: instructions(tools[n][t][0][0], tools[n][t][0][1],
                                scratch, "%s at %d" % (t, n))
                for t in ("pactum", "xmllint", "icufloor") if t in tools[n]}
    if args.memory:
        if shutil.which("valgrind") is None:
            die("--memory needs valgrind")
        res["memory"] = {}
        for n in args.sizes:
            print("run.py: heap at its peak at %d clauses" % n,
                  file=sys.stderr)
            res["memory"][n] = heap_peak(tools[n]["pactum"][0][0],
                                         tools[n]["pactum"][0][1], scratch,
                                         "pactum at %d" % n)
    floor += [runner.once(["true"], peer_env, "true") for _ in range(5)]
    meta["floor_wall_ns"] = med(floor, "wall_ns")
    meta["floor_rss_kib"] = med(floor, "rss_kib")
    meta["load_after"] = os.getloadavg()[0]

    text, summary = report(res, args, meta)
    print(text)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"meta": meta, "summary": summary,
                       "runs": {"sizes": {str(n): v for n, v in
                                          res["sizes"].items()},
                                "batch": {str(r): v for r, v in
                                          res.get("batch", {}).items()}}},
                      f, indent=1)
            f.write("\n")
    shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
