#!/bin/sh
# The catalogs and the translators' workflow:
# - every template's committed POT is what 'pactum extract' makes now;
# - every shipped catalog is complete ('pactum check', msgcmp);
# - itstool with our ITS rules finds the same units;
# - the translator's loop, end to end: change a translation, add a clause,
#   extract + msgmerge, see it untranslated, translate it, render.
. "${top_srcdir:-..}/tests/e2e/lib.sh"
LC_ALL=C LANGUAGE=
export LC_ALL LANGUAGE
cd "$top_srcdir" || exit 99
P="$top_builddir/pactum-uninstalled"

for model in templates/*/agreement.xml; do
	t=$(basename "$(dirname "$model")")
	d=pactum-$t
	# the samples in the notes are in the languages of its catalogs too
	"$P" extract "$model" -o "$work/$d.pot" --languages \
		"$(sed 's/#.*//' "locales/$d/LINGUAS" | tr _ - | paste -sd, -)"
	if cmp -s "$work/$d.pot" "locales/$d/$d.pot"; then
		pass "$d.pot is current"
	else
		fail "$d.pot is current (run make update-po)"
	fi
	expect_status "$t: pactum check" 0 "$P" check --po-dir locales "$model"
	expect_status "$t: msgcmp" 0 msgcmp "locales/$d/de.po" "locales/$d/$d.pot"
	if command -v itstool >/dev/null 2>&1; then
		# (itstool folds a no-break space into a space)
		itstool -i locales/its/pactum.its -o "$work/its.pot" "$model" &&
			msgcat --no-wrap "$work/its.pot" -o "$work/its1.pot" &&
			sed -i 's/\xc2\xa0/ /g' "$work/its1.pot"
		ours=$(grep -c '^msgctxt' "$work/$d.pot")
		# one reference per unit; equal texts share an entry
		theirs=$(grep '^#: ' "$work/its1.pot" | tr ' ' '\n' | grep -c '\.xml:')
		if [ "$ours" -eq "$theirs" ]; then
			pass "$t: itstool finds the same $ours units"
		else
			fail "$t: itstool finds $theirs units, pactum $ours"
		fi
		# units without placeholders read the same in both
		missing=$(grep '^msgid "' "$work/$d.pot" | grep -v '{' | grep -v '^msgid ""$' |
			sed 's/\xc2\xa0/ /g' |
			while IFS= read -r line; do
				grep -qxF -- "$line" "$work/its1.pot" || echo "$line"
			done)
		if [ -z "$missing" ]; then pass "$t: itstool's text matches"
		else fail "$t: itstool's text matches"; echo "$missing" | head -5; fi
	else
		fail "$t: itstool is not installed (tools/install-deps.sh installs it)"
	fi
done

# translators see samples in their own language
expect_grep "POT notes show samples in the catalogs' languages" \
	locales/pactum-software-reseller/pactum-software-reseller.pot \
	"a money, e.g. EUR$(printf '\302\240')25,000.00 (de: 25.000,00$(printf '\302\240')EUR; de-CH: EUR$(printf '\302\240')25$(printf '\342\200\231')000.00)"

# ... and, from a deal, the deal's values
"$P" extract templates/software-reseller/agreement.xml --languages de \
	--data templates/software-reseller/deals/nordwind.xml -o "$work/deal.pot"
expect_grep "POT notes take a deal's values as samples" "$work/deal.pot" \
	"{min-revenue}: a money, e.g. EUR$(printf '\302\240')30,000.00 (de: 30.000,00$(printf '\302\240')EUR)"

# pactum's contract words: the POT names the languages of LINGUAS, and
# every catalog of the words has each of them, msgfmt -c clean.
langs=$(sed 's/#.*//; s/_.*//' locales/pactum-words/LINGUAS | sort -u | tr '\n' ' ')
"$P" extract --words --languages "$(echo en $langs | tr ' ' '\n' | sort -u | paste -sd, -)" \
	-o "$work/pactum-words.pot"
if cmp -s "$work/pactum-words.pot" locales/pactum-words/pactum-words.pot; then
	pass "pactum-words.pot is current"
else
	fail "pactum-words.pot is current (run make update-po)"
	diff "$work/pactum-words.pot" locales/pactum-words/pactum-words.pot | head -10
fi
for l in $(sed 's/#.*//' locales/pactum-words/LINGUAS); do
	expect_status "pactum-words $l: msgfmt -c" 0 msgfmt -c -o /dev/null \
		"locales/pactum-words/$l.po"
done
expect_status "pactum-words de: every word translated" 0 \
	msgcmp locales/pactum-words/de.po locales/pactum-words/pactum-words.pot

# The program's own catalog is complete too: against the messages in the
# sources as they are now, not only the last POT (msgcmp counts fuzzy and
# untranslated entries as missing).
xgettext --keyword=_ --keyword=N_ --add-comments=TRANSLATORS: \
	--from-code=UTF-8 --package-name=pactum --directory=. \
	--files-from=locales/pactum/POTFILES.in -o "$work/pactum.pot"
if msgcmp locales/pactum/de.po "$work/pactum.pot" 2>"$work/msgcmp"; then
	pass "pactum's own catalog has every message of the sources"
else
	fail "pactum's own catalog has every message of the sources (make update-po, then translate)"
	head -10 "$work/msgcmp"
fi
if [ -z "$(msgattrib --untranslated --no-obsolete locales/pactum/de.po | grep '^msgid' | grep -v '^msgid ""')" ] &&
	[ -z "$(msgattrib --only-fuzzy --no-obsolete locales/pactum/de.po | grep '^msgid' | grep -v '^msgid ""')" ]; then
	pass "pactum's own German catalog is complete"
else
	fail "pactum's own German catalog is complete (make update-po, then translate)"
fi

# The translator's loop on a copy of the demo model.
loop="$work/loop"
mkdir -p "$loop/po/pactum-demo" "$loop/cat/de/LC_MESSAGES"
cp tests/data/demo.xml "$loop/m.xml"
cp tests/data/demo.de.po "$loop/po/pactum-demo/de.po"
po="$loop/po/pactum-demo/de.po"
build() { msgfmt -c --check -o "$loop/cat/de/LC_MESSAGES/pactum-demo.mo" "$po"; }
render() {
	"$P" render "$loop/m.xml" --data tests/data/demo-deal.xml --lang de \
		--catalog-path "$loop/cat" "$@"
}
build
expect_status "loop: German renders" 0 render
expect_grep "loop: German title" "$work/out" "Demo-Vertrag"

sed 's/msgstr "Demo-Vertrag"/msgstr "Muster-Vertrag"/' "$po" >"$po.new" && mv "$po.new" "$po"
build
expect_status "loop: changed translation renders" 0 render
expect_grep "loop: the change shows" "$work/out" "Muster-Vertrag"

# a new clause: extract, merge, and it is untranslated, by name
sed 's|<clause id="pricing">|<clause id="audit"><p>The Vendor may audit the Reseller once a year.</p></clause>\n      <clause id="pricing">|' \
	"$loop/m.xml" >"$loop/m.new" && mv "$loop/m.new" "$loop/m.xml"
"$P" extract "$loop/m.xml" -o "$loop/demo.pot"
msgmerge --quiet --previous --update --backup=none "$po" "$loop/demo.pot"
expect_grep "loop: the new unit is in the catalog" "$po" 'msgctxt "audit.p1"'
expect_status "loop: check finds it" 3 "$P" check --po-dir "$loop/po" "$loop/m.xml"
expect_grep "loop: check names it" "$work/err" '"audit.p1" is'
build
expect_status "loop: strict render fails" 3 render
expect_grep "loop: render names it" "$work/err" 'no de translation of "audit.p1"'

# translate it (and drop a fuzzy flag msgmerge may have set)
awk '/^#, fuzzy/ { held = $0; next }
     /^msgctxt "audit.p1"/ { held = ""; mark = 1 }
     held != "" { print held; held = "" }
     mark && /^msgstr/ { print "msgstr \"Der Anbieter darf den Wiederverkäufer einmal jährlich prüfen.\""; mark = 0; next }
     /^#\| / && mark { next }
     { print }' "$po" >"$po.new" && mv "$po.new" "$po"
expect_status "loop: check passes" 0 "$P" check --po-dir "$loop/po" "$loop/m.xml"
build
expect_status "loop: strict render passes" 0 render
expect_grep "loop: the new clause renders" "$work/out" "einmal jährlich prüfen"
expect_grep "loop: the clauses renumbered" "$work/out" "1.3"

# a fuzzy entry: check tells it apart; msgfmt drops it, so render fails
sed 's/^msgctxt "title"$/#, fuzzy\nmsgctxt "title"/' "$po" >"$po.new" && mv "$po.new" "$po"
expect_status "loop: fuzzy found" 3 "$P" check --po-dir "$loop/po" "$loop/m.xml"
expect_grep "loop: fuzzy named" "$work/err" '"title" is fuzzy'
expect_grep "loop: fuzzy counted" "$work/out" "1 fuzzy"
build 2>/dev/null
expect_status "loop: fuzzy fails a strict render" 3 render

# The glossary export: the models' terms and roles with their German, and
# GLOSSARY.md's rows, as CSV and TBX that translate-toolkit (what Weblate
# reads them with) parses; a GLOSSARY.md that differs from a catalog is
# named.
expect_status "glossary: csv" 0 "$P" glossary templates/*/agreement.xml \
	--markdown templates/GLOSSARY.md -o "$work/g.csv"
expect_status "glossary: tbx" 0 "$P" glossary templates/*/agreement.xml \
	--markdown templates/GLOSSARY.md --format tbx -o "$work/g.tbx"
expect_status "glossary: the catalogs agree with GLOSSARY.md" 0 test ! -s "$work/err"
expect_status "glossary: both read by translate-toolkit" 0 /usr/bin/python3 -c '
import sys
from translate.storage import tbx, csvl10n
t = tbx.tbxfile.parsefile(sys.argv[1])
c = csvl10n.csvfile(open(sys.argv[2], "rb"))
pairs = {(u.source, u.target) for u in t.units}
assert pairs == {(u.source, u.target) for u in c.units}, "csv and tbx differ"
assert ("Vendor", "Anbieter") in pairs and ("Qualified Lead", "Qualifizierter Interessent") in pairs
assert ("Section 3.2 (cross-reference)", "Ziffer 3.2") in pairs, "GLOSSARY.md rows"
assert not any(u.source.endswith("Termination") for u in t.units), "a section title"
' "$work/g.tbx" "$work/g.csv"
sed 's/^| Vendor | Anbieter |/| Vendor | Lieferant |/' templates/GLOSSARY.md >"$work/G.md"
expect_status "glossary: a disagreement is a warning" 0 "$P" glossary \
	templates/referral/agreement.xml --markdown "$work/G.md" -o "$work/g2.csv"
expect_grep "glossary: the disagreement named" "$work/err" \
	'"Vendor" is "Lieferant" here, but "Anbieter" in pactum-referral party.vendor'

# Stable msgctxt: 'pactum ids' names every paragraph and item as its
# place does, and renames the catalog to match; then a paragraph inserted
# before the others, and one deleted, leave every other entry as it was.
ids="$work/ids"
mkdir -p "$ids/po/pactum-demo"
cp tests/data/demo.xml "$ids/m.xml"
cp tests/data/demo.de.po "$ids/po/pactum-demo/de.po"
ipo="$ids/po/pactum-demo/de.po"
expect_status "ids: written" 0 "$P" ids "$ids/m.xml" --po-dir "$ids/po"
expect_grep "ids: the catalog renamed" "$work/out" "msgctxt renamed"
expect_status "ids: the model still checks" 0 "$P" check --po-dir "$ids/po" \
	--lang de "$ids/m.xml"
expect_status "ids: a second run adds none" 0 "$P" ids "$ids/m.xml"
expect_grep "ids: none" "$work/out" "0 ids added"
"$P" extract "$ids/m.xml" -o "$ids/before.pot"
# insert a paragraph before the first one
awk '!done && /^ *<p id="/ { print "        <p>An inserted paragraph.</p>"
	done = 1 } { print }' "$ids/m.xml" >"$ids/m.new" &&
	mv "$ids/m.new" "$ids/m.xml"
"$P" extract "$ids/m.xml" -o "$ids/after.pot"
grep '^msgctxt' "$ids/before.pot" | sort >"$ids/before"
grep '^msgctxt' "$ids/after.pot" | sort >"$ids/after"
if [ -z "$(comm -23 "$ids/before" "$ids/after")" ] &&
	[ "$(comm -13 "$ids/before" "$ids/after" | wc -l)" -eq 1 ]; then
	pass "ids: an inserted paragraph changes no other msgctxt"
else
	fail "ids: an inserted paragraph changes no other msgctxt"
	comm -3 "$ids/before" "$ids/after" | head
fi
msgmerge --quiet --previous --update --backup=none "$ipo" "$ids/after.pot"
if [ -z "$(msgattrib --only-fuzzy --no-obsolete "$ipo")" ]; then
	pass "ids: msgmerge makes nothing fuzzy"
else
	fail "ids: msgmerge makes nothing fuzzy"
	msgattrib --only-fuzzy --no-obsolete "$ipo" | grep msgctxt | head
fi
"$P" check --po-dir "$ids/po" --lang de "$ids/m.xml" >"$work/out" 2>&1
expect_grep "ids: only the new paragraph is untranslated" "$work/out" \
	"1 untranslated"
# columns count characters: umlauts before an element on its line
cat >"$ids/u.xml" <<'EOF2'
<?xml version="1.0" encoding="UTF-8"?>
<agreement xmlns="urn:pactum:model:1" id="u" version="1" domain="pactum-u" source-lang="en" prevailing="en">
  <title>Ü</title>
  <body>
    <section id="s"><title>Grüße</title><p>Ä one.</p><p>Two.</p>
      <list><item>a</item><item>b</item></list>
    </section>
  </body>
</agreement>
EOF2
expect_status "ids: after multibyte characters" 0 "$P" ids "$ids/u.xml"
expect_grep "ids: in the right place" "$ids/u.xml" \
	'<title>Grüße</title><p id="s-p1">Ä one.</p><p id="s-p2">Two.</p>'
expect_status "ids: the model still renders" 0 "$P" render "$ids/u.xml" --lang en

finish
