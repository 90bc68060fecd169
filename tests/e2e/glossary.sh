#!/bin/sh
# One German word for each defined term and role, in every template: the
# terms and roles of every model (pactum glossary reads them from the
# catalogs) each have one German translation across all templates, every
# one of them is listed in templates/GLOSSARY.md, and GLOSSARY.md says
# what the catalogs say.
. "${top_srcdir:-..}/tests/e2e/lib.sh"
PACTUM="$top_builddir/pactum-uninstalled"
t="$top_srcdir/templates"

expect_status "glossary: every template's terms exported" 0 "$PACTUM" \
	glossary "$t"/*/agreement.xml --markdown "$t/GLOSSARY.md" \
	-o "$work/g.csv"
if [ -s "$work/err" ]; then
	fail "glossary: GLOSSARY.md and the catalogs agree"; head -5 "$work/err"
else pass "glossary: GLOSSARY.md and the catalogs agree"; fi
"$PACTUM" glossary "$t"/*/agreement.xml -o "$work/models.csv" 2>/dev/null

# report CSV: the templates and terms counted, a DIFFERS line for a term
# with two German words, an UNLISTED line for one GLOSSARY.md lacks
report() {
/usr/bin/python3 - "$1" "$t/GLOSSARY.md" <<'EOF'

import csv, re, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
md = open(sys.argv[2], encoding="utf-8").read()
listed = set()
for line in md.split("\n"):
    m = re.match(r"^\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|", line)
    if m and not set(m.group(1)) <= set("-: "):
        listed.add(m.group(1))
        listed.add(re.sub(r"\s*\(.*\)$", "", m.group(1)))
by_source = {}
templates = set()
for r in rows:
    ctx = r["context"].split(" ")[-1]
    templates.add(r["context"].split(" ")[0])
    if not (ctx.startswith("term.") or ctx.startswith("party.")):
        continue
    by_source.setdefault(r["source"], {}).setdefault(r["target"], []).append(r["context"])
print("TEMPLATES %d" % len(templates))
print("TERMS %d" % len(by_source))
for source, targets in sorted(by_source.items()):
    if len(targets) > 1:
        print("DIFFERS %s: %s" % (source, "; ".join(
            "%s (%s)" % (t, ", ".join(c)) for t, c in sorted(targets.items()))))
    if source not in listed:
        print("UNLISTED %s (%s)" % (source, ", ".join(
            c for cs in targets.values() for c in cs)))
EOF
}
report "$work/models.csv" >"$work/report"
templates=$(sed -n 's/^TEMPLATES //p' "$work/report")
terms=$(sed -n 's/^TERMS //p' "$work/report")
[ "${templates:-0}" -ge 7 ] && pass "glossary: $templates templates read" ||
	fail "glossary: ${templates:-0} templates read (expected every template)"
[ "${terms:-0}" -ge 30 ] && pass "glossary: $terms terms and roles" ||
	fail "glossary: ${terms:-0} terms and roles (expected more)"
if grep -q '^DIFFERS' "$work/report"; then
	fail "glossary: each term has one German word everywhere"
	grep '^DIFFERS' "$work/report" | head -10
else pass "glossary: each term has one German word everywhere"; fi
if grep -q '^UNLISTED' "$work/report"; then
	fail "glossary: GLOSSARY.md lists every term and role"
	grep '^UNLISTED' "$work/report" | head -20
else pass "glossary: GLOSSARY.md lists every term and role"; fi

# The test sees a term translated two ways.
mkdir -p "$work/two/de/LC_MESSAGES"
sed 's/^msgstr "Endkunde"$/msgstr "Endabnehmer"/' \
	"$top_srcdir/locales/pactum-software-reseller/de.po" >"$work/two.po"
msgfmt -o "$work/two/de/LC_MESSAGES/pactum-software-reseller.mo" "$work/two.po"
"$PACTUM" glossary "$t"/*/agreement.xml \
	--catalog-path "$work/two:$top_builddir/catalogs" -o "$work/two.csv" 2>/dev/null
report "$work/two.csv" >"$work/two.report"
expect_grep "glossary: a second German word for a term is found" \
	"$work/two.report" "DIFFERS End Customer: Endabnehmer"

finish
