#!/bin/sh
# Broken translations never reach a contract: each way of breaking one
# (tests/data/broken/pactum-broken/de.po, a unit each) is an error or a
# warning of pactum check, at LANG.po:LINE with the msgctxt, every problem
# of a unit on its own line, exactly as in broken.expected; what msgfmt -c
# refuses pactum refuses too; --format=json says the same in English.
. "${top_srcdir:-..}/tests/e2e/lib.sh"
cd "$top_srcdir" || exit 99
d=tests/data/broken
model=$d/model.xml

"$PACTUM" check --po-dir $d $model >"$work/out" 2>"$work/err"
status=$?
if [ "$status" -eq 3 ] && cmp -s "$work/err" $d/broken.expected; then
	pass "every broken translation reported, exactly"
else
	fail "every broken translation reported, exactly (exit $status)"
	diff -u $d/broken.expected "$work/err" | head -40
fi
expect_grep "the broken units are counted" "$work/out" \
	"16 units: 7 translated, 0 fuzzy, 0 untranslated, 9 mismatched"
# a quoted piece of a translation never cuts a UTF-8 character
if iconv -f UTF-8 -t UTF-8 "$work/err" >/dev/null 2>&1; then
	pass "messages are valid UTF-8"
else
	fail "messages are valid UTF-8"
fi

# msgfmt -c parity: a catalog it refuses is refused, at the same lines
expect_status "msgfmt -c refuses the quote catalog" 1 \
	msgfmt -c -o /dev/null $d/quote/pactum-broken/de.po
"$PACTUM" check --po-dir $d/quote $model >"$work/out" 2>"$work/err"
status=$?
if [ "$status" -eq 1 ] && cmp -s "$work/err" $d/quote.expected; then
	pass "pactum check refuses it too"
else
	fail "pactum check refuses it too (exit $status)"
	diff -u $d/quote.expected "$work/err" | head -20
fi
for f in locales/pactum-*/*.po; do
	if msgfmt -c -o /dev/null "$f" 2>/dev/null; then :; else
		fail "msgfmt -c accepts $f"
	fi
done

# for dashboards: JSON, in English whatever the locale
LANG=de_DE.UTF-8 LANGUAGE=de LC_ALL=de_DE.UTF-8 \
	"$PACTUM" check --format=json --po-dir $d $model >"$work/json" 2>"$work/err"
status=$?
expect_status "json: exit status as for text" 0 test "$status" -eq 3
if python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
r = d["reports"][0]
assert (r["units"], r["translated"], r["mismatched"]) == (16, 7, 9), r
lines = open(sys.argv[2]).read().splitlines()
assert len(d["problems"]) == len(lines), (len(d["problems"]), len(lines))
for p, l in zip(sorted(d["problems"], key=lambda p: (p["line"], p["message"])),
                sorted(lines, key=lambda l: (int(l.split(":")[1]), l.split(": ", 2)[2]))):
    assert l.endswith(p["message"]), (p, l)
    assert l.startswith("%s:%d:" % (p["file"], p["line"])), (p, l)
' "$work/json" $d/broken.expected 2>"$work/py"; then
	pass "json: the same problems, in English"
else
	fail "json: the same problems, in English"; cat "$work/py"
fi
[ -s "$work/err" ] && fail "json: nothing on stderr" || pass "json: nothing on stderr"

# The pofilter recipe of the README: pactum's words after a '|' taken out,
# a count said in words given back to a form for one,
# Python's brace check finds dropped, renamed and added placeholders, and
# nothing in the shipped catalogs.
pofilter_found() {
	msgcat --no-wrap "$1" | sed -E ':a; s/\{([^{}|]*)\|[^{}]*\}/{\1}/g; ta' |
		sed -E '/^msgid .*\{count\}/,/^$/ s/^msgstr\[0\] "([^{"]*)"$/msgstr[0] "{count} \1"/' \
		>"$work/stripped.po" &&
		pofilter --progress=none -t pythonbraceformat "$work/stripped.po" \
			-o "$work/found.po" 2>/dev/null
	grep '^msgctxt' "$work/found.po" 2>/dev/null | tr -d '"' | cut -d' ' -f2 |
		sort | paste -sd' ' -
}
found=$(pofilter_found $d/pactum-broken/de.po)
for unit in added.p1 dropped.p1 many.p1; do
	case " $found " in
	*" $unit "*) pass "pofilter finds $unit" ;;
	*) fail "pofilter finds $unit (found: $found)" ;;
	esac
done
for f in locales/pactum-*/*.po; do
	found=$(pofilter_found "$f")
	if [ -n "$found" ]; then fail "pofilter: no false findings in $f ($found)"
	else pass "pofilter: no false findings in $f"; fi
done

# a wrong --po-dir is a usage error, not a list of missing units
expect_status "a missing --po-dir" 2 "$PACTUM" check --po-dir $d/nowhere $model
expect_grep "a missing --po-dir named" "$work/err" \
	"--po-dir '$d/nowhere' is not a directory"
expect_status "a missing LANG.po" 3 "$PACTUM" check --po-dir $d --lang fr $model
if [ "$(grep -c error "$work/err")" -eq 1 ]; then
	pass "a missing LANG.po is one error"
else
	fail "a missing LANG.po is one error"; head -3 "$work/err"
fi

# pactum's own words are checked too (make runs check --words): a
# translation without its {number}, and a word left untranslated
mkdir -p "$work/words/de/LC_MESSAGES"
msgcat --no-wrap locales/pactum-words/de.po |
	sed 's/^msgstr "Ziffer\(.*\){number}"$/msgstr "Ziffer"/
	     /^msgctxt "heading"$/{n;/Parties/{n;s/.*/msgstr ""/}}' >"$work/words.po"
msgfmt -o "$work/words/de/LC_MESSAGES/pactum-words.mo" "$work/words.po"
expect_status "check --words: the shipped words pass" 0 "$PACTUM" check \
	--words --lang de,de-AT,de-CH
expect_status "check --words: broken words fail" 1 "$PACTUM" check --words \
	--lang de --catalog-path "$work/words"
expect_grep "check --words: the dropped field" "$work/err" \
	'the translation of "Section'"$(printf '\302\240')"'{number}" (msgctxt "reference to a section or clause") must hold {number} exactly once'
expect_grep "check --words: the untranslated word" "$work/err" \
	'no translation of the contract word "Parties" (msgctxt "heading")'

# the strict render refuses what the check refuses
mkdir -p "$work/cat/de/LC_MESSAGES"
msgfmt -o "$work/cat/de/LC_MESSAGES/pactum-broken.mo" $d/pactum-broken/de.po
expect_status "a broken catalog fails the strict render" 3 "$PACTUM" render \
	$model --lang de --catalog-path "$work/cat" --format dump --set vendor.name=X
expect_grep "the render names the unit and the problem" "$work/err" \
	"the de translation of \"empty.p1\" does not fit its source text: {party:vendor|}: the words after '|' are empty"
finish
