#!/bin/sh
# The model and deal data: every error class reported with its position
# and exit code 1, all of them in one run, nothing written; and the
# constructs (every type, plurals, alternatives, renumbering) rendered.
. "${top_srcdir:-..}/tests/e2e/lib.sh"
# Messages in English, whatever the machine's locale.
LC_ALL=C LANGUAGE=
export LC_ALL LANGUAGE
cd "$top_srcdir" || exit 99

# expect_errors NAME EXPECTED-FILE ARGS...: exit 1, stderr exactly as
# expected, and no output file.
expect_errors() {
	name=$1 expected=$2
	shift 2
	"$PACTUM" render "$@" --format dump -o "$work/out.txt" 2>"$work/err"
	status=$?
	if [ "$status" -eq 1 ] && cmp -s "$work/err" "$expected" &&
		[ ! -e "$work/out.txt" ]; then
		pass "$name"
	else
		fail "$name (exit $status)"
		diff -u "$expected" "$work/err" | head -30
	fi
}

expect_errors "broken references, ids, conditions and cycles" \
	tests/data/bad/references.expected tests/data/bad/references.xml --lang en
expect_errors "schema violations" \
	tests/data/bad/schema.expected tests/data/bad/schema.xml
expect_errors "every bad deal value at once" \
	tests/data/bad/deal-errors.expected tests/data/demo.xml \
	--data tests/data/bad/deal-errors.xml

expect_errors "uses of omitted terms and clauses" \
	tests/data/bad/omitted-term.expected tests/data/bad/omitted-term.xml

expect_errors "conditions cannot test optional parameters" \
	tests/data/bad/optional.expected tests/data/bad/optional.xml
expect_errors "unset optional values cannot be shown" \
	tests/data/bad/optional-unset.expected tests/data/bad/optional-unset.xml

# Hostile shapes are refused before they cost time or memory.
awk 'BEGIN { printf "<agreement xmlns=\"urn:pactum:model:1\""; for (i = 0; i < 40000; i++) printf " a%d=\"x\"", i; print "/>" }' >"$work/attrs.xml"
expect_status "40,000 attributes refused" 1 "$PACTUM" render "$work/attrs.xml"
expect_grep "attribute cap named" "$work/err" "attrs.xml:1:1: error: an element with more than 16 attributes"
awk 'BEGIN { printf "<agreement xmlns=\"urn:pactum:model:1\" id=\"x\" domain=\"x\" source-lang=\"en\" prevailing=\"en\"><title>x</title><body><section id=\"s\"><title>x</title><clause id=\"c\"><p>"; for (i = 0; i < 60; i++) printf "<em>"; printf "deep"; for (i = 0; i < 60; i++) printf "</em>"; print "</p></clause></section></body></agreement>" }' >"$work/deep.xml"
expect_status "deep nesting refused" 1 "$PACTUM" render "$work/deep.xml"
expect_grep "depth cap named" "$work/err" "nested deeper than 48"

# Every type, in both languages, against the golden dump.
types() {
	"$PACTUM" render tests/data/types.xml --set a.name=X --format dump \
		--catalog-path "$CATALOGS/complete" "$@"
}
expect_status "every type renders" 0 types --lang en,de
if cmp -s "$work/out" tests/golden/types.en-de.dump; then pass "every type as expected"
else fail "every type as expected"; diff -u tests/golden/types.en-de.dump "$work/out" | head -30; fi
expect_grep "plural days" "$work/out" "[value@many]30$(printf '\302\240')Tage"
expect_grep "singular day" "$work/out" "[value@one]ein Tag"
expect_grep "leap day" "$work/out" "[value@d]29.$(printf '\302\240')Februar$(printf '\302\240')2028"

# Conditions on: a clause appears, the rest renumber, references follow,
# the first matching alternative wins.
expect_status "conditions on" 0 types --lang en --set extra=yes --set c=one
expect_grep "inserted clause numbered" "$work/out" "clause #intro 1.1"
expect_grep "following clause renumbered" "$work/out" "clause #all 1.2"
expect_grep "reference follows" "$work/out" "clause #pick 1.4"
expect_grep "first alternative" "$work/out" "[text]First."
expect_status "second alternative" 0 types --lang en --set b=no
expect_grep "second alternative taken" "$work/out" "[text]Second."
# Text that shows a count is a plural entry: English from <one> for 1,
# German from the catalog's plural forms.
expect_status "a count of one" 0 types --lang en,de --set seats=1
expect_grep "english singular" "$work/out" "[value@seats]1 [text] licence."
expect_grep "german singular" "$work/out" "[value@seats]1 [text] Lizenz nutzen."
expect_status "a count of two" 0 types --lang en,de --set seats=2
expect_grep "english plural" "$work/out" "[value@seats]2 [text] licences."
expect_grep "german plural" "$work/out" "[value@seats]2 [text] Lizenzen nutzen."
expect_status "bound enforced" 1 types --lang en --set i=-1
expect_grep "bound message" "$work/err" "\"-1\" is below the minimum 0 of \"i\""

# A term with a condition leaves the glossary with it.
reseller=templates/software-reseller
expect_status "template without funds" 0 "$top_builddir/pactum-uninstalled" \
	render "$reseller/agreement.xml" --data "$reseller/deals/nordwind.xml" \
	--lang en --set mdf-rate=0
if grep -q "Marketing Development Funds" "$work/out"; then
	fail "conditional term leaves the glossary"
else
	pass "conditional term leaves the glossary"
fi

# References to list items follow the numbering after conditions, and
# only numbered items can be referred to.
refs=tests/data/constructs/itemrefs
expect_status "item references with an extra item" 0 "$PACTUM" render \
	$refs.xml --data $refs.deal.xml --lang en --set audit=yes
nbsp=$(printf '\302\240')
expect_grep "the reference moved with its item" "$work/out" "under Section${nbsp}1.1(d)"
expect_grep "a nested item's reference moved too" "$work/out" "Section${nbsp}1.1(c)(ii)"
sed 's|<list ordered="yes">|<list ordered="no">|' $refs.xml >"$work/unordered.xml"
expect_status "a reference to an unnumbered item" 1 "$PACTUM" render \
	"$work/unordered.xml" --data $refs.deal.xml --lang en
expect_grep "unnumbered item named" "$work/err" '"harm" is an item of an unordered list'
sed 's|<p>The licence does not cover:</p>|<p id="intro">The licence does not cover:</p>|; s|<xref ref="harm"/>|<xref ref="intro"/>|' $refs.xml >"$work/para.xml"
expect_status "a reference to a paragraph" 1 "$PACTUM" render \
	"$work/para.xml" --data $refs.deal.xml --lang en
expect_grep "paragraph target named" "$work/err" '"intro" is a <p>; references go to sections, clauses, list items, annexes and recitals'

expect_errors "misused structure: annexes, tables, party fields, recitals" \
	tests/data/bad/structure.expected tests/data/bad/structure.xml --lang en
expect_errors "two annex series that German calls alike" \
	tests/data/bad/series.expected tests/data/bad/series.xml --lang en,de
expect_status "the same series in English only" 0 "$PACTUM" render \
	tests/data/bad/series.xml --lang en --format dump

# Computed parameters and conditions: refused in the model with their
# lines, and a deal that makes one impossible refused without output
expect_errors "misused computations" tests/data/bad/computed.expected \
	tests/data/bad/computed.xml --lang en
rm -f "$work/share.txt"
expect_status "a division by zero in a computation" 1 "$PACTUM" render \
	tests/data/bad/divide.xml --lang en --set vendor.name=V --set parts=0 \
	-o "$work/share.txt"
expect_grep "division by zero named with its line" "$work/err" \
	'divide.xml:12:5: error: cannot compute "share" for this deal: division by zero'
expect_status "nothing written after a failed computation" 1 test -e "$work/share.txt"
expect_status "a division by zero in a condition" 1 "$PACTUM" render \
	tests/data/bad/divide.xml --lang en --set vendor.name=V --set parts=1
expect_grep "undecidable condition named" "$work/err" \
	"divide.xml:19:9: error: cannot decide the condition \"amount / (parts - 1) > '10.00 EUR'\" for this deal: division by zero"
expect_status "a computed value below its minimum" 1 "$PACTUM" render \
	tests/data/constructs/computed.xml --data tests/data/constructs/computed.deal.xml \
	--lang en --set discount=150
expect_grep "computed bound named" "$work/err" \
	'162.38" is below the minimum 0.00 EUR of "net"'
expect_status "a deal cannot give a computed value" 1 "$PACTUM" render \
	tests/data/constructs/computed.xml --data tests/data/constructs/computed.deal.xml \
	--lang en --set initial="1.00 EUR"
expect_grep "given computed value named" "$work/err" \
	'--set: error: "initial" is computed by the model ("loc-amount / 2"), so a deal cannot give it'

# Lists of records: misused in the model, and bad records in a deal
expect_errors "misused records" tests/data/bad/records.expected \
	tests/data/bad/records.xml --lang en
expect_errors "bad records in a deal" tests/data/bad/records-deal.expected \
	tests/data/constructs/records.xml --data tests/data/bad/records-deal.xml \
	--lang en
expect_status "a list this deal leaves empty" 1 "$PACTUM" render \
	tests/data/bad/empty-list.xml --lang en --set reseller.name=R
expect_grep "empty list named" "$work/err" \
	'empty-list.xml:19:9: error: this <list> has no items for this deal'
expect_status "the same list with an item" 0 "$PACTUM" render \
	tests/data/bad/empty-list.xml --lang en --set reseller.name=R \
	--set exclusive=yes
expect_grep "the item is there" "$work/out" "the whole of the EEA"

# Rules across fields: a deal that breaks them is named, and one that
# keeps them renders
expect_errors "rules across fields broken" tests/data/bad/rules.expected \
	tests/data/bad/rules.xml --lang en --set a.name=X --set partner-pays=yes
expect_status "choose at least one" 1 "$PACTUM" render \
	tests/data/bad/rules.xml --lang en --set a.name=X
expect_grep "choose at least one named" "$work/err" \
	'rules.xml:12:5: error: this deal must give at least one of "company-pays", "partner-pays"'
expect_status "rules across fields kept" 0 "$PACTUM" render \
	tests/data/bad/rules.xml --lang en --set a.name=X --set partner-pays=yes \
	--set fee="1.00 EUR" --set fee-due=2027-01-01

# A second count in one sentence: its forms must be as many as the
# catalog's language has
mkdir -p "$work/forms/de/LC_MESSAGES"
sed 's/{plural:product-count|Produkt|"$/{plural:product-count|Produkt|Produkte|"/' \
	tests/data/constructs/records.de.po >"$work/forms.po"
msgfmt -o "$work/forms/de/LC_MESSAGES/pactum-records.mo" "$work/forms.po"
expect_status "a plural with a form too many" 1 "$PACTUM" render \
	tests/data/constructs/records.xml --data tests/data/constructs/records.deal.xml \
	--lang de --catalog-path "$work/forms"
expect_grep "forms counted" "$work/err" \
	'{plural:product-count} in the de text of "schedule.p1" has 3 forms, but its language has 2'

# What translators are told: each placeholder, the count, the condition
"$PACTUM" extract tests/data/constructs/computed.xml -o "$work/computed.pot"
expect_grep "a computed value explained" "$work/computed.pot" \
	'#. {initial}: a money, computed as loc-amount / 2'
expect_grep "a format explained" "$work/computed.pot" \
	'#. {loc-amount:words}: a money, e.g. EUR'
expect_grep "the count that picks the form" "$work/computed.pot" \
	'#. the plural form follows {seats}'
expect_grep "the condition of the text" "$work/computed.pot" \
	'#. shown only when fees'
# a reference's sample comes from the contract words of each language
"$top_builddir/pactum-uninstalled" extract tests/data/constructs/headings.xml \
	--languages de -o "$work/headings.pot"
expect_grep "a reference explained in each language" "$work/headings.pot" \
	"a reference such as \"Section$(printf '\302\240')3.2\" (de: Ziffer$(printf '\302\240')3.2)"
"$PACTUM" extract tests/data/constructs/alternatives.xml -o "$work/alt.pot"
expect_grep "a duration's cases explained" "$work/alt.pot" \
	"#. {grace}: a duration, e.g. 30$(printf '\302\240')days; {grace|dat} (or gen, acc) declines its unit"
expect_grep "a party reference explained" "$work/alt.pot" \
	'#. {party:buyer}: the party "Buyer" (its role); {party:buyer|other words} declines it'

# Inline elements without the attribute they need (a fuzzer found
# <var/> crashing the unit builder): reported, no crash
expect_errors "inline elements without their attributes" \
	tests/data/bad/missing-attributes.expected \
	tests/data/bad/missing-attributes.xml --lang en

# Alternative words inside a sentence, each branch
alt="tests/data/constructs/alternatives.xml --data tests/data/constructs/alternatives.deal.xml --lang en"
expect_status "inline alternatives, first branches" 0 "$PACTUM" render $alt
expect_grep "inline when taken" "$work/out" "delivery, except for force majeure"
expect_grep "inline alternative without otherwise: no words" "$work/out" "per week."
expect_status "inline alternatives, other branches" 0 "$PACTUM" render $alt \
	--set force-majeure=included --set cap=yes --set company=no -w 200
expect_grep "inline otherwise taken" "$work/out" "delivery, even when force majeure occurs, the"
expect_grep "space kept at the start of alternative words" "$work/out" "per week up to a total"
expect_grep "inline alternative with a field" "$work/out" "is an individual residing at Am Sande 4"

# Alternatives in a translation: checked whether the deal takes them or not
mkdir -p "$work/alt/de/LC_MESSAGES"
sed 's|{em}fünf{/em} Prozent{/when:3}|{em}fünf Prozent{/when:3}{/em}|' \
	tests/data/constructs/alternatives.de.po >"$work/alt.po"
msgfmt -o "$work/alt/de/LC_MESSAGES/pactum-alternatives.mo" "$work/alt.po"
expect_status "a broken alternative the deal does not take is refused" 3 \
	"$PACTUM" render tests/data/constructs/alternatives.xml --lang de \
	--set cap=no --data tests/data/constructs/alternatives.deal.xml \
	--catalog-path "$work/alt"
expect_grep "broken alternative named" "$work/err" \
	'"delay.p1" does not fit its source text: {/when:3} closes {when:3}, but {em} was opened last'
sed 's|^"Geschäftsanschrift {buyer.address}{/when:1}\."|"Geschäftsanschrift{/when:1} {buyer.address}."|' \
	tests/data/constructs/alternatives.de.po >"$work/alt.po"
msgfmt -o "$work/alt/de/LC_MESSAGES/pactum-alternatives.mo" "$work/alt.po"
expect_status "a value moved out of its alternative is refused" 3 \
	"$PACTUM" render tests/data/constructs/alternatives.xml --lang de \
	--data tests/data/constructs/alternatives.deal.xml --catalog-path "$work/alt"
expect_grep "moved value named" "$work/err" \
	'"delay.p2" does not fit its source text: {buyer.address} belongs between {when:1} and its {/when:1}'

# A duration in the case German needs: "innerhalb von 30 Tagen"
mkdir -p "$work/case/de/LC_MESSAGES"
msgfmt -o "$work/case/de/LC_MESSAGES/pactum-alternatives.mo" \
	tests/data/constructs/alternatives.de.po
nb=$(printf '\302\240')
# one to twelve in words, declined; from 13 in digits, held to the unit
for g in "30d:30${nb}Tagen" "1m:einem Monat" "2y:zwei Jahren"; do
	expect_status "duration in the dative (${g%%:*})" 0 "$PACTUM" render \
		tests/data/constructs/alternatives.xml --lang de -w 200 \
		--data tests/data/constructs/alternatives.deal.xml \
		--catalog-path "$work/case" --set grace="${g%%:*}"
	expect_grep "dative of ${g%%:*}" "$work/out" "Waren innerhalb von ${g#*:} nach"
done
sed 's/{grace|dat}/{grace|dative}/' tests/data/constructs/alternatives.de.po >"$work/case.po"
msgfmt -o "$work/case/de/LC_MESSAGES/pactum-alternatives.mo" "$work/case.po"
expect_status "unknown case refused" 3 "$PACTUM" render \
	tests/data/constructs/alternatives.xml --lang de \
	--data tests/data/constructs/alternatives.deal.xml --catalog-path "$work/case"
expect_grep "unknown case named" "$work/err" "{grace|dative}: a duration's case is nom, gen, dat or acc"

# A part left out keeps its number, but is not cited
sed 's|see <xref ref="t-scope"/>|see <xref ref="t-exclusive"/>|' \
	tests/data/constructs/parts.xml >"$work/omitted-ref.xml"
cp -r tests/data/constructs/lib "$work/" 2>/dev/null
expect_status "reference to a part left out but numbered" 1 "$PACTUM" render \
	"$work/omitted-ref.xml" --data tests/data/constructs/parts.deal.xml \
	--lang en --format dump
expect_grep "reference to a kept part named" "$work/err" \
	'reference to "t-exclusive", which this deal'"'"'s conditions leave out'

# A writer built for ABI 1.0 still loads and renders; it leaves out the
# blocks it does not know, and the core says which.
parts="tests/data/constructs/parts.xml --data tests/data/constructs/parts.deal.xml"
expect_status "ABI 1.0 writer renders a 1.2 document" 0 \
	"$PACTUM" render $parts --lang en --format dump10
expect_grep "ABI 1.0 writer warned about what it leaves out" "$work/err" \
	'writer "dump10" was built for plugin ABI 1.0 and leaves out what it does not know: version line, cover page, preamble, recitals, annexes'
expect_grep "ABI 1.0 writer keeps the body" "$work/out" "clause #scope 1.1"
if grep -q "annex\|preamble\|recital" "$work/out"; then
	fail "ABI 1.0 writer skips the new blocks"
else
	pass "ABI 1.0 writer skips the new blocks"
fi
expect_grep "ABI 1.0 writer shows an annex reference's text" "$work/out" \
	"[xref@products]Annex"
expect_status "ABI 1.2 writer renders without a warning" 0 \
	"$PACTUM" render $parts --lang en --format dump
if [ -s "$work/err" ]; then fail "ABI 1.2 writer: no warning"; else pass "ABI 1.2 writer: no warning"; fi

# A clause library: included parts are numbered in place; bad includes are
# errors with their position, and nothing is written.
expect_status "included clauses render" 0 "$PACTUM" render \
	tests/data/constructs/include.xml --lang en --format dump \
	--data tests/data/constructs/include.deal.xml
expect_grep "included clause numbered in place" "$work/out" "clause #confidentiality 1.2"
expect_grep "nested include numbered" "$work/out" "clause #severability 2.2"
expect_errors "include errors" tests/data/bad/include.expected \
	tests/data/bad/include.xml --lang en
expect_status "a library is not rendered" 1 "$PACTUM" render \
	tests/data/constructs/lib/std-clauses.xml --lang en
expect_grep "a library is named as such" "$work/err" "is a clause library, not an agreement"

# The language clause (<languages/>) follows the render's languages and
# the model's prevailing="de".
ref=templates/referral/agreement.xml
refdeal=templates/referral/deals/alpenpass.xml
U="$top_builddir/pactum-uninstalled"
expect_status "languages: de,en" 0 "$U" render $ref --data $refdeal \
	--lang de,en --layout sequential --width 200
expect_grep "languages: German names both" "$work/out" \
	"Dieser Vertrag wird in deutscher und englischer Sprache geschlossen. Bei Abweichungen zwischen den Fassungen ist die deutsche Fassung maßgeblich."
expect_grep "languages: English names both" "$work/out" \
	"This Agreement is made in German and English. In the event of any discrepancy between the versions, the German version prevails."
expect_status "languages: en,de" 0 "$U" render $ref --data $refdeal \
	--lang en,de --layout sequential --width 200
expect_grep "languages: in the order rendered" "$work/out" \
	"This Agreement is made in English and German."
expect_status "languages: en alone" 0 "$U" render $ref --data $refdeal \
	--lang en --width 200
expect_grep "languages: an English render is a translation" "$work/out" \
	"This English version is a translation. Only the German version is binding."
expect_status "languages: de alone" 0 "$U" render $ref --data $refdeal \
	--lang de --width 200
if grep -q "Sprache geschlossen\|Übersetzung" "$work/out"; then
	fail "languages: a German render has no language clause"
else
	pass "languages: a German render has no language clause"
fi
expect_status "languages: two variants of German" 0 "$U" render $ref \
	--data $refdeal --lang de-AT,de,en --layout sequential --width 200
expect_grep "languages: each language once" "$work/out" \
	"in deutscher und englischer Sprache"


# What the reader folds into text and attribute values: references to
# characters, CDATA sections, and comments and processing instructions
# inside a text; the positions of elements after them stay right.
cat >"$work/markup.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<agreement xmlns="urn:pactum:model:1" id="markup" version="1"
           domain="pactum-markup" source-lang="en" prevailing="en">
  <title>Mark<!-- a comment -->up</title>
  <parties><party id="a"><role>Buyer</role></party></parties>
  <parameters>
    <param id="t" type="text" default="A &amp; B, x &#38; y &#x26; z &lt;q&gt; &quot;r&quot;"/>
    <param id="n" type="integer" default="2"/>
  </parameters>
  <body>
    <section id="s">
      <title>Folded</title>
      <clause id="c1"><p>Fees &amp; costs<?pi data?> apply, &#x26; &lt;more&gt; <![CDATA[<raw> & ]]>done: <var name="t"/>.</p></clause>
      <clause id="c2" if="n &lt; 3 and n &gt; 1"><p>Shown.</p></clause>
      <clause id="c3" if="n &gt;= 3"><p>Hidden.</p></clause>
    </section>
  </body>
</agreement>
XML
expect_status "character references, CDATA, comments and PIs" 0 \
	"$PACTUM" render "$work/markup.xml" --lang en --format text --width 200 \
	--set a.name=X
expect_grep "a comment inside a title" "$work/out" "Markup"
expect_grep "text pieces joined" "$work/out" 'Fees & costs apply, & <more> <raw> & done: A & B, x & y & z <q> "r".'
expect_grep "a condition with &lt; and &gt;" "$work/out" "Shown."
if grep -q "Hidden." "$work/out"; then fail "the other condition"; else pass "the other condition"; fi
sed 's|<clause id="c3"|<clause kind="x" id="c3"|' "$work/markup.xml" >"$work/markup-bad.xml"
expect_status "an element placed after all of them" 1 "$PACTUM" render "$work/markup-bad.xml" --lang en
expect_grep "its position" "$work/err" 'markup-bad.xml:15:7: error: <clause> has no attribute "kind"'

# A computed parameter reading one that is refused as computed: the
# check crashed (the model fuzz target's finding of 2026-12-02).
expect_errors "a computed value reading a refused one" \
	tests/data/bad/computed-reads-refused.expected \
	tests/data/bad/computed-reads-refused.xml

# A file that is not well-formed gets libxml2's messages, not what the
# check would say of the part before the break.
line=$(grep -n '</p>' "$top_srcdir/templates/software-reseller/agreement.xml" | sed -n 20p | cut -d: -f1)
sed "${line}s|</p>||" "$top_srcdir/templates/software-reseller/agreement.xml" >"$work/broken.xml"
expect_status "a missing end tag" 1 "$PACTUM" check "$work/broken.xml"
expect_grep "libxml2's message" "$work/err" "Opening and ending tag mismatch: p line"
if grep -v -e 'tag mismatch' -e 'Premature end of data' "$work/err" | grep -q .; then
	fail "nothing but the break reported"
	head -5 "$work/err"
else
	pass "nothing but the break reported"
fi

finish
