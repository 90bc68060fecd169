#!/bin/sh
# pactum checks the model and deal formats with its own table of node
# kinds (linear time; libxml2's RELAX NG is quadratic in the number of
# siblings), and ships model.rng and deal.rng for editors and jing.  This
# test holds the two to one meaning: over the shipped agreements and deals
# and over one-change mutants of the demo and construct models and deals,
# jing and pactum must accept and refuse the same files.  jing runs once
# per schema (one JVM), never once per file.
. "${top_srcdir:-..}/tests/e2e/lib.sh"
LC_ALL=C LANGUAGE=
export LC_ALL LANGUAGE
cd "$top_srcdir" || exit 99

command -v jing >/dev/null 2>&1 || {
	echo "jing is missing (tools/install-deps.sh installs it)"
	exit 1
}

demo=tests/data/demo.xml
C=tests/data/constructs
mkdir "$work/models" "$work/deals" "$work/deals/demo" "$work/deals/signatures" \
	"$work/deals/collections"
# mutant NAME SED-SCRIPT [MODEL]: a copy of MODEL (the demo) with one change
mutant() {
	sed "$2" "${3:-$demo}" >"$work/models/$1.xml"
	cmp -s "${3:-$demo}" "$work/models/$1.xml" && fail "mutant $1 changes nothing"
}
# Refused by both: one structural fault each.
mutant bad-title-late 's|<title>Demo Agreement</title>||; s|</parties>|</parties><title>Demo Agreement</title>|'
mutant bad-no-section-title 's|<title>Appointment</title>||'
mutant bad-clause-in-parties 's|</parties>|<clause id="x"><p>x</p></clause></parties>|'
mutant bad-ordered 's|ordered="yes"|ordered="maybe"|'
mutant bad-unknown-attr 's|<clause id="grant">|<clause id="grant" level="2">|'
mutant bad-unknown-element 's|<em>exclusive</em>|<blink>exclusive</blink>|'
mutant bad-p-in-body 's|<body>|<body><p>loose</p>|'
mutant bad-two-titles 's|<title>Term</title>|<title>Term</title><title>Again</title>|'
mutant bad-text-in-clause 's|<clause id="notice">|<clause id="notice">stray|'
mutant bad-item-in-clause 's|<clause id="exclusivity" if="exclusive">|&<item>x</item>|'
mutant bad-one-in-title 's|<title>Term</title>|<title>Term<one>x</one></title>|'
mutant bad-no-domain 's|domain="pactum-demo"||'
mutant bad-party-no-role 's|<party id="vendor"><role>Vendor</role></party>|<party id="vendor"/>|'
mutant bad-note-in-p 's|<p>The discount|<p><note>n</note>The discount|'
mutant bad-section-outside-body 's|</terms>|</terms><section id="x"><title>x</title><p>x</p></section>|'
mutant bad-otherwise-first 's|<choose>|<choose><otherwise><p>x</p></otherwise>|'
mutant bad-empty-section 's|<section id="end">|<section id="empty"><title>E</title></section>&|'
mutant bad-two-roles 's|<role>Vendor</role>|<role>Vendor</role><role>Seller</role>|'
mutant bad-when-no-if 's|<when if="law = .english.">|<when>|'
mutant bad-list-in-p 's|<p>The appointment is|<p><list><item>x</item></list>The appointment is|'
# Accepted by both.
mutant good-comment-of-equals 's|<title>Demo Agreement</title>|&<!-- ================================================================================ -->|'
mutant good-notes 's|<clause id="grant">|&<note>for translators</note>|'
mutant good-unordered 's|ordered="yes"|ordered="no"|'
mutant good-cdata 's|first item|<![CDATA[first & item]]>|'
mutant good-gt-in-attr 's|discount >= 30|discount > 30|'
cp $demo tests/data/types.xml "$work/models/"
for t in templates/*/; do
	# the clause library, a <library>, is accepted by both as well
	[ -f "$t"agreement.xml ] || { cp "$t"*.xml "$work/models/good-library-$(basename "$t").xml"; continue; }
	cp "$t"agreement.xml "$work/models/good-$(basename "$t").xml"
done
cp tests/data/bad/schema.xml "$work/models/bad-schema.xml"
# the clause libraries the construct models include
cp -r tests/data/constructs/lib "$work/models/lib"
for f in tests/data/constructs/*.xml; do
	case $f in
	*.deal.xml) ;; # their parties are not the demo's: checked below
	*) cp "$f" "$work/models/good-$(basename "$f")" ;;
	esac
done
mutant bad-two-clause-headings 's|<clause id="grant">|&<title>A</title><title>B</title>|'
mutant bad-heading-after-text 's|<p>The appointment is <em>exclusive</em>.</p>|&<title>Late</title>|' 
# Attribute values are exact: the core folds no white space.
mutant bad-id-space 's|<clause id="grant">|<clause id=" grant">|'
mutant bad-ordered-space 's|ordered="yes"|ordered=" yes"|'
# A <when> holds what its <choose>'s place holds: in the body, sections.
mutant bad-clause-in-body-choose 's|<section id="end">|<choose><when if="exclusive"><clause id="z"><p>z</p></clause></when></choose>&|'
mutant good-section-in-body-choose 's|<section id="end">|<choose><when if="exclusive"><section id="z"><title>Z</title><p>z</p></section></when></choose>&|'
mutant good-item-list-in-choose 's|<item>last item</item>|<choose><when id="w" if="exclusive"><note>n</note><item>x<list><item>y</item></list></item></when></choose>&|'
mutant bad-when-empty-if 's|<when if="law = .english.">|<when if="">|'

# The document's parts: cover, preamble and recitals, annexes.
P=$C/parts.xml
mutant bad-two-covers 's|</cover>|&<cover><p>x</p></cover>|' $P
mutant bad-table-in-cover 's|<cover>|&<table><row><cell>x</cell></row></table>|' $P
mutant bad-recital-in-body 's|<body>|&<recital>x</recital>|' $P
mutant bad-recital-in-clause 's|<clause id="scope">|&<recital>x</recital>|' $P
mutant bad-preamble-title-late 's|<p>Now, therefore|<title>Late</title>&|' $P
mutant bad-preamble-numbering 's|<preamble>|<preamble numbering="greek">|' $P
mutant bad-preamble-after-body 's|</body>|&<preamble><recital>x</recital></preamble>|' $C/tables.xml
mutant bad-annex-no-id 's|<annex id="products">|<annex>|' $P
mutant bad-annex-no-title 's|<title>Products</title>||' $P
mutant bad-annex-in-body 's|<body>|&<annex id="x"><title>X</title><p>x</p></annex>|' $P
mutant bad-annex-before-body 's|<body>|<annex id="x"><title>X</title><p>x</p></annex>&|' $P
mutant bad-annex-series 's|series="schedule"|series="attachment"|' $P
mutant bad-annex-numbering 's|numbering="upper-alpha"|numbering="greek"|' $P
mutant bad-omitted 's|omitted="keep"|omitted="drop"|' $P
mutant bad-omitted-on-clause 's|<clause id="t-scope">|<clause id="t-scope" omitted="keep">|' $P
mutant bad-date-format 's|date="2026-11-15"|date="15.11.2026"|' $P
mutant bad-date-no-day 's|date="2026-11-15"|date="2026-02-30"|' $P
mutant good-preamble-roman 's|<preamble>|<preamble numbering="lower-roman">|' $P
mutant good-choose-in-preamble 's|<recital if="exclusive">\(.*\)</recital>|<choose><when if="exclusive"><recital>\1</recital></when><otherwise><p>x</p></otherwise></choose>|' $P
mutant good-choose-in-cover 's|<cover>|&<choose><when if="exclusive"><p>Exclusive</p></when></choose>|' $P
mutant good-footnote-in-recital 's|makes machine tools.|&<footnote>Since 1950.</footnote>|' $P
mutant good-signatures-in-annex 's|<p>Lathes and milling machines.</p>|&<signatures/>|' $P
mutant good-omitted-agreement 's|date="2026-11-15"|& omitted="keep"|' $P
mutant good-omitted-section 's|<section id="t-service" if="service">|<section id="t-service" if="service" omitted="renumber">|' $P

# Tables.
T=$C/tables.xml
mutant bad-row-header 's|header="yes"|header="maybe"|' $T
mutant bad-cell-outside-row 's|<table id="fee-table">|&<cell>x</cell>|' $T
mutant bad-row-outside-table 's|<p>All fees|<row><cell>x</cell></row>&|' $T
mutant bad-empty-row 's|<row id="basic">|<row/>&|' $T
mutant bad-empty-table 's|<p>All fees|<table/>&|' $T
mutant bad-cell-attr 's|<cell>Service</cell>|<cell id="s">Service</cell>|' $T
mutant bad-table-in-cell 's|<cell>always</cell>|<cell><table><row><cell>x</cell></row></table></cell>|' $T
mutant bad-text-in-row 's|<row id="basic">|&loose|' $T
mutant good-choose-in-table 's|<row if="premium">\(.*\)</row>|<choose><when if="premium"><row>\1</row></when><otherwise><row><cell>a</cell><cell>b</cell><cell>c</cell></row></otherwise></choose>|' $T
mutant good-table-in-section 's|</clause>|&<table><row><cell>a</cell></row></table>|' $T
mutant good-empty-terms 's|</parameters>|&<terms/>|' $T
mutant good-br-in-title 's|<title>Fees</title>|<title>Fees<br/>and costs</title>|' $T

# Inline markup.
I=$C/inline.xml
mutant bad-footnote-in-title 's|<title>Notices</title>|<title>Notices<footnote>x</footnote></title>|' $I
mutant bad-footnote-in-role 's|<role>Buyer</role>|<role>Buyer<footnote>x</footnote></role>|' $I
mutant bad-footnote-in-footnote 's|<footnote>As agreed|<footnote>As<footnote>x</footnote> agreed|' $I
mutant bad-footnote-in-strong 's|<strong>binding</strong>|<strong>binding<footnote>x</footnote></strong>|' $I
mutant bad-br-with-content 's|Notices go to:<br/>|Notices go to:<br>x</br>|' $I
mutant bad-br-attr 's|Notices go to:<br/>|Notices go to:<br id="b"/>|' $I
mutant bad-strong-attr 's|<strong>binding</strong>|<strong id="s">binding</strong>|' $I
mutant good-strong-in-title 's|<title>Notices</title>|<title><strong>Notices</strong></title>|' $I
mutant good-footnote-with-markup 's|<footnote>A note on|<footnote><strong>A</strong> note<br/>on|' $I

# A record's field computed from its record, or chosen from a list.
R=$C/records.xml
mutant good-field-computed 's|<detail id="discount" type="percent" required="no">|<detail id="discount" type="money" value="products.price * products.seats">|' $R
mutant good-field-country 's|<detail id="country">|<detail id="country" type="country">|' $R

# Parties' declared fields and signatures.
S=$C/signatures.xml
mutant bad-detail-in-body 's|<body>|&<detail id="x"><label>X</label></detail>|' $S
mutant bad-detail-in-section 's|<title>General</title>|&<detail id="x"><label>X</label></detail>|' $S
mutant bad-detail-before-role 's|<party id="supplier"><role>Supplier</role>|<party id="supplier"><detail id="x"><label>X</label></detail><role>Supplier</role>|' $S
mutant bad-detail-no-id 's|<detail id="seat" type="text">|<detail type="text">|' $S
mutant bad-detail-no-label 's|<label>Registered office</label>||' $S
mutant bad-detail-choice 's|<detail id="seat" type="text">|<detail id="seat" type="choice">|' $S
mutant bad-detail-required 's|<detail id="seat" type="text">|<detail id="seat" type="text" required="maybe">|' $S
mutant good-detail-choices 's|<detail id="seat" type="text">|<detail id="seat" type="choice">|; s|<label>Registered office</label>|&<choice value="a"><label>A</label></choice>|' $S
mutant bad-detail-choices-of-text 's|<label>Registered office</label>|&<choice value="a"><label>A</label></choice>|' $S
mutant bad-signatures-content 's|<signatures/>|<signatures><p>x</p></signatures>|' $S
mutant bad-signatures-in-clause 's|<clause id="notices">|&<signatures/>|' $S
mutant bad-signatures-in-parties 's|</parties>|<signatures/>&|' $S
mutant good-detail-after-party 's|</parties>|<detail id="x" required="no"><label>X</label></detail>&|' $S
mutant good-signatures-if 's|<signatures/>|<signatures id="sig" if="buyer.email"/>|' $S
mutant good-signatures-in-choose 's|<signatures/>|<choose><when if="buyer.email"><signatures/></when></choose>|' $S

# Deal data: mutants of the demo deal, and of the signatures construct's
# deal, each rendered with its own model (the folder's name).
ddemo=tests/data/demo-deal.xml
dsig=$C/signatures.deal.xml
# dmutant NAME SED-SCRIPT [DEAL MODEL]
dmutant() {
	sed "$2" "${3:-$ddemo}" >"$work/deals/${4:-demo}/$1.xml"
	cmp -s "${3:-$ddemo}" "$work/deals/${4:-demo}/$1.xml" &&
		fail "deal mutant $1 changes nothing"
}
dmutant bad-text-in-deal 's|<value |loose<value |'
dmutant bad-value-attr 's|<value name="territory"|<value name="territory" lang="de"|'
dmutant bad-unknown-element 's|<value name="territory">|<amount name="x">1</amount>&|'
dmutant bad-no-name 's|<value name="territory">|<value>|'
cp $ddemo "$work/deals/demo/good-demo.xml"
dmutant bad-two-names 's|<name>Hafenkontor Handels AG</name>|&&|' $dsig signatures
dmutant bad-signatory-attr 's|<signatory>|<signatory n="1">|' $dsig signatures
dmutant bad-signatory-text 's|<signatory>|&loose|' $dsig signatures
dmutant bad-signatory-unknown 's|<function>Prokurist</function>|<role>Prokurist</role>|' $dsig signatures
dmutant bad-signatory-two-names 's|<name>Lukas Hofer</name>|&&|' $dsig signatures
dmutant bad-signatory-outside-party 's|</deal>|<signatory><name>X</name></signatory>&|' $dsig signatures
dmutant bad-field-with-element 's|<seat>Bremen</seat>|<seat><name>x</name></seat>|' $dsig signatures
dmutant good-signatory-name-only 's|<function>Prokurist</function>||' $dsig signatures
dmutant good-signatory-function-first 's|<name>Lukas Hofer</name><function>Prokurist</function>|<function>Prokurist</function><name>Lukas Hofer</name>|' $dsig signatures
dmutant good-signatories-of-both 's|<email>|<signatory><name>Eva Roth</name></signatory>&|' $dsig signatures
cp $dsig "$work/deals/signatures/good-signatures.xml"

# Collections (<deals>, for pactum batch): pactum's verdict is the
# reader's, through pactum_data_each (tests/deals-dump), shape only.
D=tests/data/deals
cp $D/three.xml "$work/deals/collections/good-three.xml"
cp $D/empty.xml "$work/deals/collections/good-empty.xml"
cp $D/bad-middle.xml "$work/deals/collections/bad-middle.xml"
# cmutant NAME SED-SCRIPT: a one-change copy of three.xml
cmutant() {
	sed "$2" $D/three.xml >"$work/deals/collections/$1.xml"
	cmp -s $D/three.xml "$work/deals/collections/$1.xml" &&
		fail "collection mutant $1 changes nothing"
}
cmutant good-comments-between 's|^  <deal>$|  <!-- next --><?pi x?>&|'
cmutant good-one-deal-model 's|<deal model="demo">|<deal model="other">|'
cmutant bad-text-between 's|^  <deal>$|loose&|'
cmutant bad-element-between 's|^  <deal>$|<offer/>&|'
cmutant bad-deals-attr 's|<deals |<deals model="demo" |'
cmutant bad-deal-in-deal 's|<value name="discount">30</value>|<deal/>|'
cmutant bad-value-outside-deal 's|^  <deal>$|<value name="x">1</value>&|'
cmutant bad-deal-attr 's|<deal model="demo">|<deal id="d1">|'
cmutant bad-deal-text 's|<value name="territory">Austria</value>|&loose|'

# jing_refused SCHEMA FILE...: jing's verdict, the files it names in an
# error, in one run.
jing_refused() {
	schema=$1
	shift
	jing "$schema" "$@" 2>/dev/null | sed -n 's|^\([^:]*\.xml\):.*|\1|p' | sort -u
}
jing_refused plugins/xml/model.rng "$work/models"/*.xml "$work/models/lib"/*.xml >"$work/jing-models"
jing_refused plugins/xml/deal.rng "$work/deals"/*/*.xml >"$work/jing-deals"
# jing must have run: it refuses every bad- model
[ "$(grep -vc "/lib/" "$work/jing-models")" -eq "$(ls "$work/models" | grep -c "^bad-")" ] &&
	pass "jing ran over every model" || fail "jing ran over every model"
[ "$(wc -l <"$work/jing-deals")" -eq "$(ls "$work/deals"/* | grep -c "^bad-")" ] &&
	pass "jing ran over every deal" || fail "jing ran over every deal"

# verdict FILE REFUSED-BY-JING REFUSED-BY-PACTUM
verdict() {
	name=$(basename "$1" .xml)
	case $name in
	bad-*) want=refused ;;
	*) want=accepted ;;
	esac
	if [ "$2" = "$want" ] && [ "$3" = "$want" ]; then
		pass "$name: $want by jing and pactum"
	else
		fail "$name: want $want; jing $2, pactum $3"
		sed 's/^/    /' "$work/err" | head -5
	fi
}
# the clause libraries: <library> roots, checked for their text alone
for f in "$work/models"/*.xml "$work/models/lib"/*.xml; do
	grep -qxF "$f" "$work/jing-models" && j=refused || j=accepted
	# extract reads and checks a model and nothing else
	"$PACTUM" extract "$f" -o "$work/out.pot" 2>"$work/err" && p=accepted || p=refused
	verdict "$f" $j $p
done
for f in "$work/deals"/*/*.xml; do
	grep -qxF "$f" "$work/jing-deals" && j=refused || j=accepted
	case $f in
	*/collections/*)
		"$top_builddir/tests/deals-dump" -q "$f" >"$work/err" 2>&1 &&
			p=accepted || p=refused
		verdict "$f" $j $p
		continue ;;
	*/signatures/*) m=$S ;;
	*) m=$demo ;;
	esac
	"$PACTUM" render "$m" --data "$f" --lang en --format dump \
		>/dev/null 2>"$work/err" && p=accepted || p=refused
	verdict "$f" $j $p
done
# Every shipped deal is valid for jing (one run for all).
if jing plugins/xml/deal.rng templates/*/deals/*.xml $C/*.deal.xml \
	>"$work/jing-shipped" 2>&1; then
	pass "every shipped deal is valid for jing"
else
	fail "every shipped deal is valid for jing"
	grep -v '^\[warning\]' "$work/jing-shipped" | sed 's/^/    /' | head -10
fi

finish
