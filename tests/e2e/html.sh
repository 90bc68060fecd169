#!/bin/sh
# The html and pdf writers against real clients, for every template with
# each of its deals and every construct model, in de, en and de+en (every
# layout):
#   - html5lib parses every HTML file strictly, without an error; every
#     href="#x" finds its id, no id is given twice, every language's text
#     says its language (one python process for all files);
#   - headless Chromium prints each to PDF (--format pdf, two at a time):
#     pdfinfo counts its pages, pdftotext holds every clause number in
#     order, and a German render its German title;
#   - the same PDF twice, under another TZ and LANG, is byte for byte the
#     same, its date the model's;
#   - a browser that is missing, fails or hangs is a clear error, a
#     non-zero exit and no output file, and no temporary file is left.
# A missing tool is a failure (tools/install-deps.sh installs them).
. "${top_srcdir:-..}/tests/e2e/lib.sh"
started=$(date +%s)
PY=/usr/bin/python3

for tool in chromium pdfinfo pdftotext msgfmt; do
	if command -v "$tool" >/dev/null 2>&1; then
		pass "$tool is installed"
	else
		fail "$tool is installed (tools/install-deps.sh)"
	fi
done
if "$PY" -c 'import html5lib' 2>/dev/null; then
	pass "html5lib is installed"
else
	fail "html5lib is installed (python3-html5lib)"
fi

# The cases, one a line: NAME MODEL ARGS... (no spaces in paths).
cases="$work/cases"
: >"$cases"
for model in "$top_srcdir"/templates/*/agreement.xml; do
	tdir=$(dirname "$model")
	for deal in $(test_deals "$tdir"); do
		echo "$(basename "$tdir")-$(basename "$deal" .xml) $model --data $deal" >>"$cases"
	done
done
for model in "$top_srcdir"/tests/data/constructs/*.xml; do
	name=$(basename "$model" .xml)
	case $name in *.deal) continue ;; esac
	dir=$(dirname "$model")
	mkdir -p "$work/cat-$name/de/LC_MESSAGES"
	msgfmt -c -o "$work/cat-$name/de/LC_MESSAGES/pactum-$name.mo" "$dir/$name.de.po" ||
		fail "$name: its German catalog compiles"
	for po in "$dir"/lib/*.de.po; do
		[ -f "$po" ] || continue
		msgfmt -c -o "$work/cat-$name/de/LC_MESSAGES/pactum-$(basename "$po" .de.po).mo" "$po"
	done
	args="--catalog-path $work/cat-$name"
	[ -f "$dir/$name.deal.xml" ] && args="$args --data $dir/$name.deal.xml"
	echo "construct-$name $model $args" >>"$cases"
done

# The renders, one a line: FILE-STEM FORMAT MODEL ARGS...
jobs="$work/jobs"
: >"$jobs"
while read -r name model args; do
	for v in de:parallel en:parallel de,en:parallel de,en:interleaved \
		de,en:sequential; do
		lang=${v%%:*} layout=${v#*:}
		for format in html pdf; do
			echo "$name.$(echo "$lang" | tr , -).$layout $format $model $args --lang $lang --layout $layout" >>"$jobs"
		done
	done
done <"$cases"

mkdir -p "$work/r" "$work/tmp"
export PACTUM work
# every temporary directory of the pdf writer goes here, to be counted
TMPDIR="$work/tmp" xargs -P2 -L1 sh -c '
	stem=$1 format=$2; shift 2
	"$PACTUM" render "$@" --format "$format" -o "$work/r/$stem.$format" \
		2>"$work/r/$stem.$format.err"
	echo $? >"$work/r/$stem.$format.rc"' sh <"$jobs"

while read -r stem format rest; do
	if [ "$(cat "$work/r/$stem.$format.rc")" = 0 ] &&
		[ ! -s "$work/r/$stem.$format.err" ]; then
		pass "$stem.$format renders cleanly"
	else
		fail "$stem.$format renders cleanly (exit $(cat "$work/r/$stem.$format.rc"))"
		head -5 "$work/r/$stem.$format.err" | sed 's/^/    /'
	fi
done <"$jobs"

# html5lib, links, ids and languages of every HTML file; the clause
# numbers and German titles the PDFs must hold, for the loop below.
"$PY" - "$work/r" >"$work/html.out" 2>&1 <<'EOF'
import glob, os, re, sys
import html5lib
from html5lib import treebuilders

d = sys.argv[1]
ns = "{http://www.w3.org/1999/xhtml}"
bad = 0
for path in sorted(glob.glob(os.path.join(d, "*.html"))):
    name = os.path.basename(path)
    problems = []
    with open(path, "rb") as f:
        data = f.read()
    parser = html5lib.HTMLParser(strict=True,
                                 tree=treebuilders.getTreeBuilder("etree"))
    try:
        doc = parser.parse(data)
    except Exception as e:
        problems.append("html5lib: %s" % e)
        doc = None
    for pos, code, datavars in parser.errors:
        problems.append("html5lib: %s at %s %s" % (code, pos, datavars))
    if doc is not None:
        ids = {}
        hrefs = []
        langs = set()
        for el in doc.iter():
            i = el.get("id")
            if i is not None:
                ids[i] = ids.get(i, 0) + 1
            h = el.get("href")
            if h is not None:
                hrefs.append(h)
            if el.get("lang"):
                langs.add(el.get("lang"))
        for i, n in ids.items():
            if n > 1:
                problems.append("id %r given %d times" % (i, n))
        for h in hrefs:
            if not h.startswith("#") or h[1:] not in ids:
                problems.append("href %r finds no id" % h)
        want = name.split(".")[1].split("-")
        if doc.get("lang") != want[0]:
            problems.append("<html lang=%r>, want %r" % (doc.get("lang"), want[0]))
        for lang in want:
            if lang not in langs:
                problems.append("no element says lang=%r" % lang)
        # clause numbers in document order, and the title in German
        nums = []
        def walk(el, lang):
            lang = el.get("lang") or lang
            if el.tag == ns + "span" and el.get("class") in ("cnum", "num"):
                nums.append((lang, re.sub(r"\s+", "", "".join(el.itertext()))))
            for c in el:
                walk(c, lang)
        walk(doc, None)
        h1 = doc.find(".//%sh1" % ns)
        spans = [s for s in h1.iter(ns + "span") if s.get("lang") == "de"] if h1 is not None else []
        title = "".join((spans[0] if spans else h1).itertext()) if h1 is not None else ""
        stem = path[:-5]
        with open(stem + ".nums", "w") as f:
            f.write("\n".join(n for l, n in nums) + "\n")
        for k, lang in enumerate(want): # the columns of the parallel layout
            with open(stem + ".nums.%d" % k, "w") as f:
                f.write("\n".join(n for l, n in nums if l == lang) + "\n")
        with open(stem + ".title", "w") as f:
            f.write(re.sub(r"\s+", "", title) + "\n")
    if problems:
        bad += 1
        print("FAIL: %s: %d problems" % (name, len(problems)))
        for p in problems[:8]:
            print("    " + p)
    else:
        print("PASS: %s: html5lib strict, links, ids, lang" % name)
sys.exit(1 if bad else 0)
EOF
while read -r line; do
	case $line in
	PASS:*) pass "${line#PASS: }" ;;
	FAIL:*) fail "${line#FAIL: }" ;;
	*) echo "$line" ;;
	esac
done <"$work/html.out"

# Every PDF: pages, the clause numbers in order, the German title.
for pdf in "$work"/r/*.pdf; do
	[ -s "$pdf" ] || continue
	stem=${pdf%.pdf}
	n=$(basename "$stem")
	pages=$(pdfinfo "$pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
	if [ "${pages:-0}" -gt 0 ]; then
		pass "$n.pdf has $pages pages"
	else
		fail "$n.pdf has pages (pdfinfo)"
		continue
	fi
	# the parallel layout's columns, each the left or right half of an A4
	# page (72 points an inch), one language's; else the whole page
	set -- ""
	case $(echo "$n" | cut -d. -f2-) in *-*.parallel) set -- 0 1 ;; esac
	ok=1
	for col in "$@"; do
		if [ -n "$col" ]; then
			pdftotext -layout -enc UTF-8 -x $((col * 298)) -y 0 \
				-W 298 -H 842 "$pdf" "$stem.txt"
			nums="$stem.nums.$col"
		else
			pdftotext -layout -enc UTF-8 "$pdf" "$stem.txt"
			nums="$stem.nums"
		fi
		[ "$col" = 1 ] && : >"$stem.title" # German is the left column
		"$PY" - "$stem.txt" "$nums" "$stem.title" "$n" <<'EOF' || ok=0
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
flat = re.sub(r"\s+", "", text).replace("\u00ad", "")
nums = [l for l in open(sys.argv[2], encoding="utf-8").read().split("\n") if l]
title = open(sys.argv[3], encoding="utf-8").read().strip()
at = 0
for n in nums:
    i = flat.find(n, at)
    if i < 0:
        print("    clause number %r missing after position %d" % (n, at))
        sys.exit(1)
    at = i + len(n)
if title and (".de." in sys.argv[4] or ".de-" in sys.argv[4]):
    # a hyphen the browser adds at a line end is no part of the title
    if title.replace("-", "") not in flat.replace("-", ""):
        print("    German title %r missing" % title)
        sys.exit(1)
EOF
	done
	if [ "$ok" = 1 ]; then
		pass "$n.pdf: every clause number in order, the German title"
	else
		fail "$n.pdf: every clause number in order, the German title"
	fi
done

# Deterministic: twice, the second under another zone, locale and
# directory, the same bytes; the date is the model's.
c="$top_srcdir/tests/data/constructs"
sr=$(sed -n 's/^\(software-reseller-[^ .]*\.de-en\.parallel\) pdf .*/\1/p' "$jobs" | head -n 1)
for v in "$sr" "construct-parts.de.parallel"; do
	set -- $(grep "^$v pdf " "$jobs")
	shift 2
	(cd "$work" && TZ=America/New_York LANG=de_DE.UTF-8 LC_ALL=de_DE.UTF-8 \
		TMPDIR="$work/tmp" "$PACTUM" render "$@" --format pdf \
		-o "$work/again.pdf" 2>"$work/again.err")
	if cmp -s "$work/r/$v.pdf" "$work/again.pdf"; then
		pass "$v.pdf: the same bytes twice"
	else
		fail "$v.pdf: the same bytes twice"
		cmp "$work/r/$v.pdf" "$work/again.pdf" | head -3
	fi
done
expect_grep "parts.pdf: dated as the model (2026-11-15)" \
	"$work/r/construct-parts.de.parallel.pdf" "/CreationDate (D:20261115000000+00'00')"
if grep -aq "/CreationDate" "$work/r/construct-alternatives.de.parallel.pdf"; then
	fail "an undated model's PDF has no creation date"
else
	pass "an undated model's PDF has no creation date"
fi

# A browser that is missing, fails or hangs.
m="$top_srcdir/templates/referral/agreement.xml"
d="$top_srcdir/templates/referral/deals/alpenpass.xml"
printf '#!/bin/sh\necho "the browser broke" >&2\nexit 3\n' >"$work/broken"
printf '#!/bin/sh\nsleep 60\n' >"$work/hang"
chmod +x "$work/broken" "$work/hang"
for v in "-O chromium=/nonexistent:/nonexistent" \
	"-O chromium=$work/broken:the browser broke" \
	"-O chromium=$work/hang -O timeout=1:within 1 seconds"; do
	opts=${v%%:*} want=${v#*:}
	rm -f "$work/no.pdf"
	# shellcheck disable=SC2086
	TMPDIR="$work/tmp" "$PACTUM" render "$m" --data "$d" --format pdf \
		$opts -o "$work/no.pdf" >"$work/out" 2>"$work/err"
	status=$?
	if [ "$status" -ne 0 ] && [ ! -e "$work/no.pdf" ] &&
		grep -qF -- "$want" "$work/err"; then
		pass "pdf $opts: a clear error (exit $status), no file"
	else
		fail "pdf $opts: a clear error (exit $status), no file"
		sed 's/^/    /' "$work/err" | head -5
	fi
done
PACTUM_CHROMIUM=/nonexistent/chrome "$PACTUM" render "$m" --data "$d" \
	--format pdf -o "$work/no.pdf" >"$work/out" 2>"$work/err"
status=$?
if [ "$status" -ne 0 ] && [ ! -e "$work/no.pdf" ] &&
	grep -qF "PACTUM_CHROMIUM" "$work/err"; then
	pass "PACTUM_CHROMIUM=/nonexistent/chrome: a clear error (exit $status)"
else
	fail "PACTUM_CHROMIUM=/nonexistent/chrome: a clear error (exit $status)"
	sed 's/^/    /' "$work/err" | head -5
fi
if [ -z "$(ls -A "$work/tmp")" ]; then
	pass "no temporary file left behind"
else
	fail "no temporary file left behind: $(ls "$work/tmp" | head -3)"
fi

echo "html.sh took $(($(date +%s) - started)) seconds"
finish
