#!/bin/sh
# The text writer's hyphenation (plugins/text/wrap.c, hyphen.c):
#   - the patterns are there: configure's HYPHENDIR holds Debian's German
#     and English ones (a missing file fails, never skips);
#   - a model of hard German words (tests/data/hyphenate/words.xml) at
#     a few widths, byte for byte against tests/golden/hyphenate/, and
#     -O hyphenate=no, PACTUM_HYPHEN_PATH first, en-GB falling back to
#     the US patterns;
#   - a width sweep: every template with every deal and the construct
#     models, in de, en and de+en in every layout, widths 20 to 100
#     (software-reseller/nordwind in parallel by 1, the rest by 4: a
#     render that hyphenates costs 10 times one that does not): no word
#     cut without a hyphen,
#     every hyphenation joins back to a word of the same render at width
#     1000 without hyphenation, no line wider than the width, no number
#     or quote split (tests/e2e/hyphenate.py says how).
#
# Regenerate the golden files after an intended change with
#   UPDATE_GOLDEN=1 make check TESTS=tests/e2e/hyphenate.sh
. "${top_srcdir:-..}/tests/e2e/lib.sh"

hyphendir=$(sed -n 's/^HYPHENDIR = //p' "$top_builddir/Makefile")
for f in hyph_de_DE.dic hyph_de_AT.dic hyph_en_US.dic; do
	if [ -f "$hyphendir/$f" ]; then
		pass "patterns $hyphendir/$f"
	else
		fail "patterns $hyphendir/$f (install hyphen-de, hyphen-en-us)"
	fi
done
if command -v python3 >/dev/null; then
	pass "python3"
else
	fail "python3 (needed by the sweep)"
fi

# The libtool wrapper costs three times a render: the real binary when
# there is one (see text.sh).
real="$top_builddir/core/.libs/pactum"
run() {
	if [ -x "$real" ]; then
		LD_LIBRARY_PATH="$top_builddir/core/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
			"$real" "$@"
	else
		"$PACTUM" "$@"
	fi
}

# ------------------------------------------------------------- words ---

words="$top_srcdir/tests/data/hyphenate/words.xml"
golden="$top_srcdir/tests/golden/hyphenate"
mkdir -p "$work/words/de/LC_MESSAGES"
msgfmt -c -o "$work/words/de/LC_MESSAGES/pactum-hyphenate.mo" \
	"$top_srcdir/tests/data/hyphenate/words.de.po" ||
	fail "words: its German catalog compiles"
set -- --data "$top_srcdir/tests/data/hyphenate/words.deal.xml" \
	--catalog-path "$work/words"
for width in 20 28 40; do
	g="words.de.$width.txt"
	if ! run render "$words" "$@" --lang de --width "$width" >"$work/out" \
		2>"$work/err" || [ -s "$work/err" ]; then
		fail "words at width $width renders cleanly"
		sed 's/^/    /' "$work/err" | head -5
		continue
	fi
	[ -n "${UPDATE_GOLDEN:-}" ] && mkdir -p "$golden" && cp "$work/out" "$golden/$g"
	if cmp -s "$work/out" "$golden/$g"; then
		pass "words at width $width"
	else
		fail "words at width $width differs from $g"
		diff -u "$golden/$g" "$work/out" | head -20
	fi
done

# hyphenate=no: lines break at spaces only, as before hyphenation came
run render "$words" "$@" --lang de --width 28 -O hyphenate=no >"$work/no"
if grep -q 'Software-Wiederverk' "$work/no" &&
	! grep -q 'Daten-$' "$work/no"; then
	pass "hyphenate=no breaks at spaces only"
else
	fail "hyphenate=no breaks at spaces only"
fi

# PACTUM_HYPHEN_PATH comes first: patterns of our own that break every
# word after two letters, where the Debian ones never do
mkdir -p "$work/patterns"
printf 'UTF-8\nLEFTHYPHENMIN 3\nRIGHTHYPHENMIN 3\n1a\n1e\n1i\n1o\n1u\n' \
	>"$work/patterns/hyph_de_DE.dic"
PACTUM_HYPHEN_PATH="$work/none:$work/patterns" \
	run render "$words" "$@" --lang de --width 28 >"$work/own"
if ! cmp -s "$work/own" "$golden/words.de.28.txt" &&
	grep -q 'Software-Wiederv-$' "$work/own"; then
	pass "PACTUM_HYPHEN_PATH is searched first"
else
	fail "PACTUM_HYPHEN_PATH is searched first"
	sed 's/^/    /' "$work/own" | head -10
fi

# a capital after the first letter is an abbreviation or a word in
# capitals, never hyphenated: the patterns broke "Gesch-GehG" here
sr="$top_srcdir/templates/software-reseller"
run render "$sr/agreement.xml" --data "$sr/deals/nordwind.xml" --lang de,en \
	>"$work/abbrev"
if grep -q 'Gesch-\( \|$\)' "$work/abbrev"; then
	fail "abbreviations are not hyphenated (Gesch-GehG)"
elif ! grep -q 'GeschGehG' "$work/abbrev"; then
	fail "abbreviations: GeschGehG is not in the render"
else
	pass "abbreviations are not hyphenated"
fi

# ------------------------------------------------------------- sweep ---

# the checker can fail: without hyphenation, words are cut
run render "$sr/agreement.xml" --data "$sr/deals/nordwind.xml" --lang de,en \
	--width 1000 -O hyphenate=no >"$work/ref"
run render "$sr/agreement.xml" --data "$sr/deals/nordwind.xml" --lang de,en \
	--width 40 -O hyphenate=no >"$work/cut-de-en.parallel.40"
if python3 "$top_srcdir/tests/e2e/hyphenate.py" "$work/ref" \
	"$work/cut-de-en.parallel.40" >"$work/check" 2>&1; then
	fail "the checker sees words cut without a hyphen"
else
	pass "the checker sees words cut without a hyphen"
fi

# renders DIR NAME MODEL RENDER-OPTION...: the reference and the sweep of
# one model into DIR, then the check
sweep() {
	s_dir=$1 s_name=$2 s_model=$3
	shift 3
	rm -rf "$s_dir"
	mkdir -p "$s_dir"
	s_fail=0
	for s_lang in ${sweep_langs:-de en de,en}; do
		s_layouts=single
		case $s_lang in *,*) s_layouts="parallel interleaved sequential" ;; esac
		for s_layout in $s_layouts; do
			s_l=$s_layout
			[ "$s_layout" = single ] && s_l=parallel
			s_case="$s_dir/$s_name-$(echo "$s_lang" | tr , -)"
			run render "$s_model" "$@" --lang "$s_lang" --layout "$s_l" \
				--width 1000 -O hyphenate=no >"$s_case.ref" 2>/dev/null ||
				s_fail=$((s_fail + 1))
			s_by=${sweep_by:-4}
			[ "$s_layout" = parallel ] && s_by=${sweep_parallel_by:-4}
			s_w=20
			s_files=
			while [ "$s_w" -le 100 ]; do
				s_f="$s_case.$s_layout.$s_w"
				run render "$s_model" "$@" --lang "$s_lang" \
					--layout "$s_l" --width "$s_w" >"$s_f" \
					2>/dev/null || s_fail=$((s_fail + 1))
				s_files="$s_files $s_f"
				s_w=$((s_w + s_by))
			done
			# shellcheck disable=SC2086
			if python3 "$top_srcdir/tests/e2e/hyphenate.py" "$s_case.ref" \
				$s_files >"$work/check" 2>&1; then
				pass "$s_name $s_lang $s_layout: $(tail -n 1 "$work/check")"
			else
				fail "$s_name $s_lang $s_layout"
				head -20 "$work/check"
			fi
		done
	done
	if [ "$s_fail" -eq 0 ]; then
		pass "$s_name: every render succeeds"
	else
		fail "$s_name: $s_fail renders failed"
	fi
}

# the issue's case at every width (every fourth in the sanitizer pass),
# the rest at every fourth
by=1
[ "${PACTUM_TEST_DEALS:-all}" = first ] && by=4
sweep_parallel_by=$by sweep "$work/sweep" software-reseller-nordwind \
	"$sr/agreement.xml" --data "$sr/deals/nordwind.xml"
for t in software-reseller saas-reseller referral; do
	for deal in $(test_deals "$top_srcdir/templates/$t"); do
		[ "$t/$(basename "$deal")" = software-reseller/nordwind.xml ] &&
			continue
		sweep "$work/sweep" "$t-$(basename "$deal" .xml)" \
			"$top_srcdir/templates/$t/agreement.xml" --data "$deal"
	done
done

constructs="$top_srcdir/tests/data/constructs"
for model in "$constructs"/*.xml; do
	name=$(basename "$model" .xml)
	case $name in *.deal) continue ;; esac
	mkdir -p "$work/cat/$name/de/LC_MESSAGES"
	msgfmt -o "$work/cat/$name/de/LC_MESSAGES/pactum-$name.mo" \
		"$constructs/$name.de.po"
	for po in "$constructs"/lib/*.de.po; do
		[ -f "$po" ] && msgfmt -o "$work/cat/$name/de/LC_MESSAGES/pactum-$(basename "$po" .de.po).mo" "$po"
	done
	set -- --catalog-path "$work/cat/$name"
	[ -f "$constructs/$name.deal.xml" ] &&
		set -- "$@" --data "$constructs/$name.deal.xml"
	sweep "$work/sweep" "$name" "$model" "$@"
done
sweep_langs=de sweep "$work/sweep" words "$words" \
	--data "$top_srcdir/tests/data/hyphenate/words.deal.xml" \
	--catalog-path "$work/words"

finish
