#!/bin/sh
# pactum checks the model and deal formats with its own table of node
# kinds (linear time; libxml2's RELAX NG is quadratic in the number of
# siblings), and ships model.rng and deal.rng for editors and jing.  This
# test holds the two to one meaning: over the shipped agreements and deals
# and over one-change mutants of the demo model, jing and pactum must
# accept and refuse the same files.  jing runs once per schema (one JVM).
. "${top_srcdir:-..}/tests/e2e/lib.sh"
LC_ALL=C LANGUAGE=
export LC_ALL LANGUAGE
cd "$top_srcdir" || exit 99

command -v jing >/dev/null 2>&1 || {
	echo "jing is missing (tools/install-deps.sh installs it)"
	exit 1
}

demo=tests/data/demo.xml
mkdir "$work/models" "$work/deals"
# mutant NAME SED-SCRIPT: a copy of the demo model with one change
mutant() {
	sed "$2" "$demo" >"$work/models/$1.xml"
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
	cp "$t"agreement.xml "$work/models/good-$(basename "$t").xml"
done
cp tests/data/bad/schema.xml "$work/models/bad-schema.xml"
for f in tests/data/constructs/*.xml; do
	case $f in
	*.deal.xml) ;; # their parties are not the demo's: checked below
	*) cp "$f" "$work/models/good-$(basename "$f")" ;;
	esac
done
mutant bad-two-clause-headings 's|<clause id="grant">|&<title>A</title><title>B</title>|'
mutant bad-heading-after-text 's|<p>The appointment is <em>exclusive</em>.</p>|&<title>Late</title>|' 

# Deal data: the shipped deals, and mutants of the demo deal.
ddemo=tests/data/demo-deal.xml
dmutant() {
	sed "$2" "$ddemo" >"$work/deals/$1.xml"
}
dmutant bad-text-in-deal 's|<value |loose<value |'
dmutant bad-value-attr 's|<value name="territory"|<value name="territory" lang="de"|'
dmutant bad-unknown-element 's|<value name="territory">|<amount name="x">1</amount>&|'
dmutant bad-no-name 's|<value name="territory">|<value>|'
cp $ddemo "$work/deals/good-demo.xml"

# jing's verdict: the files it names in an error.
jing_refused() {
	jing "$1" "$work/$2"/*.xml 2>/dev/null | sed -n 's|^\([^:]*\.xml\):.*|\1|p' | sort -u
}
jing_refused plugins/xml/model.rng models >"$work/jing-models"
jing_refused plugins/xml/deal.rng deals >"$work/jing-deals"
# jing must have run: it refuses every bad- model
[ "$(wc -l <"$work/jing-models")" -eq "$(ls "$work/models" | grep -c "^bad-")" ] &&
	pass "jing ran over every model" || fail "jing ran over every model"

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
for f in "$work/models"/*.xml; do
	grep -qxF "$f" "$work/jing-models" && j=refused || j=accepted
	# extract reads and checks a model and nothing else
	"$PACTUM" extract "$f" -o "$work/out.pot" 2>"$work/err" && p=accepted || p=refused
	verdict "$f" $j $p
done
for f in "$work/deals"/*.xml; do
	grep -qxF "$f" "$work/jing-deals" && j=refused || j=accepted
	"$PACTUM" render "$demo" --data "$f" --lang en --format dump \
		>/dev/null 2>"$work/err" && p=accepted || p=refused
	verdict "$f" $j $p
done
for d in templates/*/deals/*.xml tests/data/constructs/*.deal.xml; do
	if jing plugins/xml/deal.rng "$d" >/dev/null 2>&1; then
		pass "$d: valid for jing"
	else
		fail "$d: valid for jing"
	fi
done

finish
