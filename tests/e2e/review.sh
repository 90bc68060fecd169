#!/bin/sh
# The legal review of the first edition quoted its defects sentence by
# sentence (tests/data/review/defects.tsv): none of them may come back.
# Every template with each of its deals is rendered in German (and its
# Swiss and Austrian variants) and English, one paragraph a line, and
# every quoted sentence is looked for in every rendering of its language;
# the README quotes in every template's README.
. "${top_srcdir:-..}/tests/e2e/lib.sh"
PACTUM="$top_builddir/pactum-uninstalled"
defects="$top_srcdir/tests/data/review/defects.tsv"

mkdir -p "$work/r"
n=0
for model in "$top_srcdir"/templates/*/agreement.xml; do
	tdir=$(dirname "$model")
	tname=$(basename "$tdir")
	for deal in "$tdir"/deals/*.xml; do
		dname=$(basename "$deal" .xml)
		for lang in de de-AT de-CH en; do
			out="$work/r/$tname.$dname.$lang.txt"
			# wide enough that a paragraph is one line, unhyphenated
			if "$PACTUM" render "$model" --data "$deal" --lang "$lang" \
				-O width=1000 -O hyphenate=no -o "$out" 2>"$work/err"; then
				n=$((n + 1))
			else
				fail "$tname/$dname $lang renders"; head -3 "$work/err"
			fi
		done
	done
done
[ "$n" -ge 20 ] && pass "$n renderings to search" ||
	fail "$n renderings to search (expected every template and deal)"

/usr/bin/python3 - "$defects" "$work/r" "$top_srcdir/templates" <<'EOF' >"$work/found"
import glob, os, sys
defects, renders, templates = sys.argv[1:4]

def lines(path):
    with open(path, encoding="utf-8") as f:
        # no-break and narrow no-break spaces read as spaces
        text = f.read().replace("\u00a0", " ").replace("\u202f", " ")
    return [" ".join(l.split()) for l in text.split("\n")]

where = {"de": [], "en": [], "readme": []}
for path in sorted(glob.glob(os.path.join(renders, "*.txt"))):
    where["en" if path.endswith(".en.txt") else "de"].append(path)
where["readme"] = sorted(glob.glob(os.path.join(templates, "*", "README.md")))
cache = {}
entries = 0
for row in open(defects, encoding="utf-8"):
    if row.startswith("#") or not row.strip():
        continue
    rid, lang, match, quote = row.rstrip("\n").split("\t")
    quote = " ".join(quote.split())
    entries += 1
    hits = []
    for path in where[lang]:
        if path not in cache:
            cache[path] = lines(path) if lang != "readme" else [" ".join(open(path, encoding="utf-8").read().split())]
        for no, line in enumerate(cache[path], 1):
            if (match == "end" and line.endswith(quote)) or \
               (match == "sub" and quote in line):
                name = os.path.basename(path)
                if lang == "readme":
                    name = os.path.basename(os.path.dirname(path)) + "/" + name
                hits.append("%s:%d" % (name, no))
    print("%s\t%s\t%s\t%s" % (rid, quote, len(hits), " ".join(hits[:3])))
print("ENTRIES\t%d" % entries)
EOF
entries=$(sed -n 's/^ENTRIES\t//p' "$work/found")
[ "${entries:-0}" -ge 60 ] && pass "$entries defect sentences listed" ||
	fail "${entries:-0} defect sentences listed (expected the review's)"
while IFS="$(printf '\t')" read -r id quote count where; do
	[ "$id" = ENTRIES ] && continue
	if [ "$count" = 0 ]; then
		pass "$id never again: $quote"
	else
		fail "$id still there ($where): $quote"
	fi
done <"$work/found"

finish
