#!/bin/sh
# No visible word escapes the catalogs.  A pseudo-language, en-XA, is made
# the way a translator would make a language: msginit from each domain's
# POT (pactum-words and every template's), every msgstr transformed by
# msgfilter (tests/e2e/pseudo.awk: plain vowels become accented).  Every
# template is rendered with every deal in en-XA, and each word of the
# contract that still has a plain vowel must be the deal's own data or
# CLDR's (month names, numbers and currencies in words): anything else
# came from C or a writer, not from a catalog.
. "${top_srcdir:-..}/tests/e2e/lib.sh"
PACTUM="$top_builddir/pactum-uninstalled"
LC_ALL=C
export LC_ALL
cat="$work/pseudo/en_XA/LC_MESSAGES"
mkdir -p "$cat"
for pot in "$top_srcdir"/locales/pactum-*/pactum-*.pot; do
	d=$(basename "$pot" .pot)
	if msginit --no-translator --locale=en_XA -i "$pot" -o "$work/$d.po" 2>"$work/err" &&
		LC_ALL=C.UTF-8 msgfilter --keep-header -i "$work/$d.po" \
			-o "$work/$d.xa.po" env LC_ALL=C awk \
			-f "$top_srcdir/tests/e2e/pseudo.awk" 2>>"$work/err" &&
		msgfmt -c -o "$cat/$d.mo" "$work/$d.xa.po" 2>>"$work/err"; then
		pass "$d: pseudo-translated"
	else
		fail "$d: pseudo-translated"; head -5 "$work/err"
	fi
done

# Words a contract may show that no catalog holds: CLDR's.  (List item
# letters, "(a)", are numbers: a word has two letters or more.)
# CLDR's names of the deals' countries are English too.
cldr='^(January|February|March|April|May|June|July|August|September|October|November|December|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|euro|euros|pound|pounds|dollar|dollars|franc|francs|Germany|Austria|Switzerland|Ireland|Poland|India|United|States)$'
# words(FILE): its words, one per line, without tags and punctuation
words() {
	sed 's/<[^>]*>/ /g' "$1" | tr -s ' \t' '\n\n' | tr -d '.,;:()[]"' |
		sort -u
}
for model in "$top_srcdir"/templates/*/agreement.xml; do
	t=$(basename "$(dirname "$model")")
	for deal in "$(dirname "$model")"/deals/*.xml; do
		name="$t/$(basename "$deal" .xml)"
		# the words of the deal and of the German, which no pseudo
		# catalog translates
		"$PACTUM" render "$model" --data "$deal" --lang de \
			--layout sequential >"$work/de.txt"
		# (the German language clause shows only beside another
		# language: its words from de.po)
		# (and of the German catalogs: a clause shown only beside
		# another language, the clause library's language clause)
		{ words "$deal"; words "$work/de.txt"
		  msgcat --no-wrap "$top_srcdir/locales/pactum-words/de.po" \
			"$top_srcdir/locales/pactum-clauses/de.po" | grep '^msgstr' |
			tr -d '{}' >"$work/de-words"; words "$work/de-words"
		} >"$work/allowed"
		for run in "en-XA text" "en-XA docbook" "en-XA,de text"; do
			# (set -- splits the run into language and format)
			set -- $run
			if ! "$PACTUM" render "$model" --data "$deal" --lang "$1" \
				--format "$2" --layout sequential \
				--catalog-path "$work/pseudo:$top_builddir/catalogs" \
				>"$work/out" 2>"$work/err" || [ -s "$work/err" ]; then
				fail "$name $run: renders strictly"; head -5 "$work/err"
				continue
			fi
			words "$work/out" | grep '[aeiouAEIOU]' | grep -v '[^ -~]' |
				grep -vxF -f "$work/allowed" |
				sed 's/-$//' | tr '-' '\n' | grep '[aeiouAEIOU].' |
				grep -vE "$cldr" | sort -u >"$work/escaped"
			if [ -s "$work/escaped" ]; then
				fail "$name $run: every word from a catalog"
				head -10 "$work/escaped" | sed 's/^/    escaped: /'
			else
				pass "$name $run: every word from a catalog"
			fi
		done
	done
done
# and the pseudo-language did reach the contract
expect_grep "the headings are pseudo-translated" "$work/out" "Pártíés"
expect_grep "references are pseudo-translated" "$work/out" "Séctíón$(printf '\302\240')"
finish
