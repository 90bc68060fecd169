#!/bin/sh
# The text writer's promises, as properties:
#   - width: for the software reseller template with the Nordwind deal, in
#     en, de and de,en, every layout and every width from 40 to 200, no
#     line is wider than the width, none has trailing spaces or tabs, and
#     the output ends with exactly one newline; the same for the models of
#     tests/data/constructs from width 20;
#   - charsets: conversion to the Latin charsets, errors naming the
#     character the charset lacks, and transliteration from our own table,
#     which keeps the width promise and gives the same bytes in every
#     locale.
#
# Display width is counted in awk under LC_ALL=C as the number of bytes
# that are not UTF-8 continuation bytes (0x80-0xBF), i.e. one cell per
# character.  That is right only because the template and the deal hold
# Latin text alone: no combining marks, no East Asian wide characters.
. "${top_srcdir:-..}/tests/e2e/lib.sh"

model="$top_srcdir/templates/software-reseller/agreement.xml"
deal="$top_srcdir/templates/software-reseller/deals/nordwind.xml"
uninstalled="$top_builddir/pactum-uninstalled"
LC_ALL=C
export LC_ALL

# The libtool wrapper costs three times a render, and the sweeps render
# well over a thousand times: they run the real binary libtool left in
# .libs, when there is one and it renders what the wrapper renders, and
# only every fifth width through the wrapper.
real="$top_builddir/core/.libs/pactum"
run_real() {
	LD_LIBRARY_PATH="$top_builddir/core/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
		PACTUM_CATALOG_PATH="$top_builddir/catalogs" "$real" "$@"
}
run_wrapped() { "$uninstalled" "$@"; }
run=run_wrapped
if [ -x "$real" ] &&
	run_real render "$model" --data "$deal" --lang de,en >"$work/a" 2>&1 &&
	run_wrapped render "$model" --data "$deal" --lang de,en >"$work/b" 2>&1 &&
	cmp -s "$work/a" "$work/b"; then
	run=run_real
fi
step=1
[ "$run" = run_real ] || step=5
echo "# width sweeps by $step through $run"
render() { "$run" render "$model" --data "$deal" "$@"; }

# check_lines NAME DIR: every file DIR/*.W (W is its width) has no line
# wider than W cells, no trailing space, no tab, and ends with exactly one
# newline.  A missing final newline shows as a byte count one more than
# the file's size (from wc -c, read first).
check_lines() {
	name=$1 dir=$2
	wc -c "$dir"/* >"$work/sizes"
	if awk '
		function problem(msg) {
			if (++bad <= 10)
				printf "    %s:%d: %s\n", file, FNR, msg
		}
		function done() {
			if (file == "")
				return
			seen[file] = 1
			if (bytes != size[file])
				problem("does not end with a newline")
			else if (last == "")
				problem("ends with more than one newline")
		}
		FNR == NR {
			s = $1
			sub(/^ *[0-9]+ /, "")
			size[$0] = s
			next
		}
		FNR == 1 {
			done()
			file = FILENAME
			n = split(file, part, ".")
			width = part[n] + 0
			bytes = 0
		}
		{
			bytes += length($0) + 1
			last = $0
			line = $0
			gsub(/[\200-\277]/, "", line)
			if (length(line) > width)
				problem(length(line) " cells, wider than " width)
			if ($0 ~ / $/)
				problem("trailing space")
			if (index($0, "\t"))
				problem("tab")
		}
		END {
			done()
			for (f in size)
				if (f != "total" && !(f in seen)) {
					bad++
					printf "    %s: empty\n", f
				}
			exit bad > 0
		}' "$work/sizes" "$dir"/* >"$work/problems"; then
		pass "$name"
	else
		fail "$name"
		head -20 "$work/problems"
	fi
}

# The checker itself must catch what it looks for.
mkdir "$work/selftest"
forty=0123456789012345678901234567890123456789
printf '%s\n' "$forty" ok >"$work/selftest/good.40"
printf '%s\n' "${forty}0" >"$work/selftest/wide.40"
printf 'trailing \n' >"$work/selftest/space.40"
printf 'no newline' >"$work/selftest/end.40"
printf 'two newlines\n\n' >"$work/selftest/blank.40"
printf 'a\tb\n' >"$work/selftest/tab.40"
printf '\303\244\303\266\303\274%s\n' "4567890123456789012345678901234567890" \
	>"$work/selftest/utf8.40"
(check_lines "self-test" "$work/selftest") >"$work/selftest.out" # not counted
for case in wide space end blank tab; do
	if grep -q "/$case\.40:" "$work/selftest.out"; then
		pass "width checker catches $case"
	else
		fail "width checker catches $case"
		cat "$work/selftest.out"
	fi
done
if grep -q -e "/good\.40:" -e "/utf8\.40:" "$work/selftest.out"; then
	fail "width checker passes good lines"
	cat "$work/selftest.out"
else
	pass "width checker passes good lines"
fi

# sweep NAME DIR FIRST BY LAST RENDER-OPTION...: render at widths FIRST,
# FIRST+BY, ... LAST into DIR (made afresh); check every render succeeded
# and every line.
sweep() {
	name=$1 dir=$2 w=$3 by=$4 last=$5
	shift 5
	rm -rf "$dir"
	mkdir "$dir"
	failures=0
	while [ "$w" -le "$last" ]; do
		if ! render "$@" --width "$w" >"$dir/out.$w" 2>"$work/err" ||
			{ [ -z "${sweep_warnings_ok:-}" ] && [ -s "$work/err" ]; }; then
			failures=$((failures + 1))
			[ "$failures" -eq 1 ] && sed 's/^/    /' "$work/err" | head -5
		fi
		w=$((w + by))
	done
	if [ "$failures" -eq 0 ]; then
		pass "$name renders"
	else
		fail "$name renders ($failures failed)"
	fi
	check_lines "$name lines" "$dir"
}

for layout in parallel interleaved sequential; do
	sweep "de,en $layout, widths 40-200 by $step" "$work/de-en.$layout" \
		40 "$step" 200 --lang de,en --layout "$layout"
done
# A one-language document comes out the same under every layout: every
# width in one, a sample in the others, compared with the first.
for lang in en de; do
	sweep "$lang parallel, widths 40-200 by $step" "$work/$lang.parallel" \
		40 "$step" 200 --lang "$lang" --layout parallel
	for layout in interleaved sequential; do
		sweep "$lang $layout, widths 40-200 by $((step * 10))" \
			"$work/$lang.$layout" 40 $((step * 10)) 200 \
			--lang "$lang" --layout "$layout"
		differ=
		for f in "$work/$lang.$layout"/*; do
			cmp -s "$f" "$work/$lang.parallel/${f##*/}" ||
				differ="$differ ${f##*.}"
		done
		if [ -z "$differ" ]; then
			pass "$lang $layout is $lang parallel"
		else
			fail "$lang $layout is $lang parallel (not at widths$differ)"
		fi
	done
done

# The parts of real agreements (tables, signatures, annexes, footnotes,
# breaks) keep the width promise too, down to the narrowest width.  Their
# German catalogs are still to come: de,en renders as a draft (English
# standing in, marked), and the draft's warnings are expected.
tmodel=$model tdeal=$deal
constructs="$top_srcdir/tests/data/constructs"
for c in parts tables inline signatures; do
	model="$constructs/$c.xml"
	deal="$constructs/headings.deal.xml"
	[ -f "$constructs/$c.deal.xml" ] && deal="$constructs/$c.deal.xml"
	sweep "$c en, widths 20-140 by $step" "$work/$c.en" 20 "$step" 140 \
		--lang en
	for layout in parallel interleaved sequential; do
		sweep_warnings_ok=1
		sweep "$c de,en draft $layout, widths 20-140 by $((step * 3))" \
			"$work/$c.$layout" 20 $((step * 3)) 140 --lang de,en \
			--draft --layout "$layout"
		sweep_warnings_ok=
	done
done
model=$tmodel deal=$tdeal

# ------------------------------------------------------------ charsets ---

utf8="$work/de.utf8"
render --lang de >"$utf8"

# WINDOWS-1252 holds everything the German text uses, the writer's „“
# quotes included: the round trip gives the UTF-8 render back.
expect_status "WINDOWS-1252" 0 render --lang de --charset=WINDOWS-1252
if iconv -f WINDOWS-1252 -t UTF-8 "$work/out" | cmp -s - "$utf8"; then
	pass "WINDOWS-1252 round trip"
else
	fail "WINDOWS-1252 round trip"
fi

# ISO-8859-15 lacks the German „“ the writer puts around defined terms:
# it uses »« there, which every Latin charset holds, so a German contract
# converts without --transliterate, and only those quotes (and the en
# dash of an annex's heading, "-") differ.
expect_status "ISO-8859-15" 0 render --lang de --charset=ISO-8859-15
cp "$work/out" "$work/latin9"
sed -e "s/$(printf '\342\200\236')/$(printf '\302\273')/g" \
	-e "s/$(printf '\342\200\234')/$(printf '\302\253')/g" \
	-e "s/$(printf '\342\200\223')/-/g" \
	"$utf8" >"$work/de.quotes"
if iconv -f ISO-8859-15 -t UTF-8 "$work/latin9" | cmp -s - "$work/de.quotes"; then
	pass "ISO-8859-15 round trip, German quotes as »«"
else
	fail "ISO-8859-15 round trip, German quotes as »«"
	iconv -f ISO-8859-15 -t UTF-8 "$work/latin9" | diff "$work/de.quotes" - | head
fi
expect_status "LATIN-9 is ISO-8859-15" 0 render --lang de --charset=Latin-9
if cmp -s "$work/out" "$work/latin9"; then pass "LATIN-9 gives the same bytes"
else fail "LATIN-9 gives the same bytes"; fi

# US-ASCII: an error at the first umlaut, without --transliterate.
rm -f "$work/ascii.txt"
expect_status "US-ASCII without transliteration" 1 render --lang de \
	--charset=US-ASCII -o "$work/ascii.txt"
expect_grep "US-ASCII names U+00E4 and where" "$work/err" \
	"U+00E4 \"$(printf '\303\244')\" in the title (de) cannot be written in"
expect_grep "US-ASCII names a clause" "$work/err" "in clause "
if [ -e "$work/ascii.txt" ]; then fail "US-ASCII failure writes nothing"
else pass "US-ASCII failure writes nothing"; fi

# ... and with it: plain ASCII, German spelling, same bytes everywhere.
expect_status "US-ASCII transliterated" 0 render --lang de --charset=ascii \
	--transliterate
cp "$work/out" "$work/ascii"
expect_grep "transliterated: Vertragsgebiet" "$work/ascii" '"Vertragsgebiet"'
expect_grep "transliterated: Wiederverkaeufer" "$work/ascii" "Wiederverkaeufer"
expect_grep "transliterated: ss" "$work/ascii" "Friedrichstrasse"
if grep -q '[^ -~]' "$work/ascii"; then
	fail "transliterated output is ASCII"
	grep -n '[^ -~]' "$work/ascii" | head -5
else
	pass "transliterated output is ASCII"
fi
for env in LC_ALL=C.UTF-8 "LANG=de_DE.UTF-8 LANGUAGE=de" LC_ALL=de_DE.UTF-8; do
	# shellcheck disable=SC2086 # env is a list of assignments
	(unset LC_ALL; env $env "$uninstalled" render "$model" --data "$deal" \
		--lang de --charset=US-ASCII --transliterate) >"$work/env" 2>/dev/null
	if cmp -s "$work/env" "$work/ascii"; then
		pass "transliteration is the same under $env"
	else
		fail "transliteration is the same under $env"
		diff "$work/ascii" "$work/env" | head -5
	fi
done

# Transliteration makes text longer (ae for ä), before wrapping: the width
# promise holds, and a no-break space still never breaks a line.
for layout in parallel interleaved sequential; do
	sweep "US-ASCII de,en $layout, widths 40-200 by 7" "$work/sweep" 40 7 200 \
		--lang de,en --layout "$layout" --charset=US-ASCII --transliterate
	if grep -q '^ *%' "$work"/sweep/*; then
		fail "US-ASCII de,en $layout: no break at a no-break space"
		grep -n '^ *%' "$work"/sweep/* | head -3
	else
		pass "US-ASCII de,en $layout: no break at a no-break space"
	fi
done

# Charsets we do not offer, and bad option values.
# Option errors are command-line errors (exit 2), found before any input
# is read, naming the writer and what it takes.
expect_status "unknown charset refused" 2 render --lang en --charset=EBCDIC-US
expect_grep "unknown charset named" "$work/err" "option charset=EBCDIC-US of the text writer"
expect_grep "allowed charsets listed" "$work/err" \
	"expected one of UTF-8, UTF8, ISO-8859-1,"
expect_status "charset by --option" 2 render --lang en --option charset=UTF-16
expect_status "charset in any case" 0 render --lang en --charset=latin1
expect_status "bad transliterate value" 2 render --lang en \
	--option transliterate=maybe
expect_grep "bad transliterate value named" "$work/err" "transliterate=maybe of the text writer: expected yes or no"
expect_status "bad width" 2 render --lang en --width 10
expect_grep "bad width named" "$work/err" "width=10 of the text writer: expected a whole number from 20 to 1000"
expect_status "unknown option key" 2 render --lang en --option colour=red
expect_grep "unknown key named with the known ones" "$work/err" \
	'the text writer has no option "colour" (it has: width, charset, transliterate, emphasis, hyphenate)'

# Emphasis shows as the words alone: a contract in plain text is no
# Markdown.  -O emphasis=asterisks marks it the old way.
inline="$top_srcdir/tests/data/constructs/inline.xml"
inline_deal="$top_srcdir/tests/data/constructs/headings.deal.xml"
[ -f "$top_srcdir/tests/data/constructs/inline.deal.xml" ] &&
	inline_deal="$top_srcdir/tests/data/constructs/inline.deal.xml"
expect_status "emphasis: plain by default" 0 "$run" render "$inline" \
	--data "$inline_deal" --lang en
expect_grep "emphasis: the words alone" "$work/out" "is binding and not negotiable."
if grep -q '\*' "$work/out"; then
	fail "emphasis: no asterisk in plain text"
else
	pass "emphasis: no asterisk in plain text"
fi
expect_status "emphasis: asterisks on request" 0 "$run" render "$inline" \
	--data "$inline_deal" --lang en -O emphasis=asterisks
expect_grep "emphasis: marked" "$work/out" "is *binding* and *not negotiable*."
expect_status "emphasis: an unknown style" 2 "$run" render "$inline" \
	--data "$inline_deal" --lang en -O emphasis=bold
expect_grep "emphasis: the styles named" "$work/err" \
	"emphasis=bold of the text writer"
expect_status "an option twice" 2 render --lang en --width 60 --option width=70
expect_status "--lang twice" 2 render --lang en --lang de
expect_grep "--lang twice named" "$work/err" "--lang may be given only once"
expect_status "--lang en,fr_FR names fr_FR" 2 render --lang en,fr_FR
expect_grep "the whole list and the bad item" "$work/err" "--lang 'en,fr_FR': 'fr_FR' is not a language tag"
# Found by the writers fuzz target: a signature block's label that reads
# alike in both languages (de and de-CH) is shown once, and its spans
# with it; they pointed past the text, and a charset other than UTF-8
# read beyond it (a crash).
sig="$top_srcdir/tests/data/constructs/signatures.xml"
for cs in ISO-8859-1 US-ASCII; do
	expect_status "one label for de and de-CH in $cs" 0 "$uninstalled" \
		render "$sig" --data "${sig%.xml}.deal.xml" --lang de,de-CH \
		--draft --charset "$cs" --transliterate
	expect_grep "one label for de and de-CH in $cs: shown once" \
		"$work/out" "Ort, Datum"
done
# Found by the expr fuzz target: a computed country from a party's
# country the deal leaves out is none, and shows as nothing (it read two
# bytes at a null pointer).
cat >"$work/country.xml" <<'EOF'
<agreement xmlns="urn:pactum:model:1" id="country" version="1"
    domain="pactum-country" source-lang="en" prevailing="en">
  <title>Country</title>
  <parties><party id="reseller"><role>Reseller</role></party></parties>
  <parameters><param id="seat" type="country" value="reseller.country"/></parameters>
  <body><section id="s"><title>S</title>
    <clause id="c"><p>Seated in <var name="seat"/>.</p></clause></section></body>
</agreement>
EOF
cat >"$work/country.deal.xml" <<'EOF'
<deal xmlns="urn:pactum:deal:1"><party id="reseller"><name>X GmbH</name></party></deal>
EOF
expect_status "a computed country that is none" 0 "$uninstalled" render \
	"$work/country.xml" --data "$work/country.deal.xml" --lang en
expect_grep "a computed country that is none: nothing shown" "$work/out" \
	"Seated in ."
esc=$(printf '\033')
expect_status "an unknown option is not echoed raw" 2 render --lang en "--x${esc}]0;t"
expect_grep "escaped" "$work/err" "unknown option '--x\\x1b]0;t'"
expect_status "--help documents --charset" 0 "$PACTUM" render --help
expect_grep "--help documents --charset" "$work/out" "--charset=CS"
expect_grep "--help documents --transliterate" "$work/out" "--transliterate"

finish
