#!/bin/sh
# Resource bounds (README, "Untrusted input" -> "Limits"): for each bound,
# an input at it is accepted and one just beyond it is refused with its
# message and exit status, nothing written.  The generators are those of
# hostile.sh; inputs go into $work.
. "${top_srcdir:-..}/tests/e2e/lib.sh"
LC_ALL=C LANGUAGE=
export LC_ALL LANGUAGE

model="$DATA/demo.xml"
deal="$DATA/demo-deal.xml"
MAX_INPUT=67108864
# refused NAME WANT MESSAGE CMD...: CMD (writing to $work/result) exits
# WANT with MESSAGE on stderr, and $work/result is not there
refused() {
	r_name=$1 r_want=$2 r_msg=$3
	shift 3
	rm -f "$work/result"
	expect_status "$r_name: refused" "$r_want" timeout 60 "$@"
	expect_grep "$r_name: message" "$work/err" "$r_msg"
	if [ -e "$work/result" ]; then fail "$r_name: nothing written"
	else pass "$r_name: nothing written"; fi
}
# accepted NAME CMD...: CMD exits 0
accepted() {
	a_name=$1
	shift
	expect_status "$a_name: accepted" 0 timeout 60 "$@"
}
# big: gigabyte-scale size checks are left to the plain build
big() {
	if [ -n "${PACTUM_TEST_SANITIZED:-}" ]; then
		echo "SKIP: $1 (size only; run by the plain build)"
		return 1
	fi
	return 0
}

HEAD='<agreement xmlns="urn:pactum:model:1" id="c" domain="pactum-c" source-lang="en" prevailing="en"><title>T</title><body><section id="s"><title>S</title>'
TAIL='</section></body></agreement>'
# gen_bytes N: a model of clauses of about 900 bytes, exactly N bytes long
gen_bytes() {
	awk -v n="$1" -v h="$HEAD" -v t="$TAIL" 'BEGIN {
		w = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua "
		for (k = 0; k < 3; k++) w = w w
		printf "%s\n", h; s = length(h) + 1 + length(t) + 1
		for (i = 0; s + 30 + length(w) < n; i++) {
			l = sprintf("<clause id=\"c%d\"><p>%s</p></clause>\n", i, w)
			printf "%s", l; s += length(l)
		}
		for (pad = n - s; pad > 0; pad--) printf " "
		print t }'
}
# gen_elems N: a model of exactly N elements
gen_elems() {
	awk -v n="$1" -v h="$HEAD" -v t="$TAIL" 'BEGIN {
		print h; r = (n - 5) % 2; c = (n - 5 - r) / 2 - r
		for (i = 0; i < c; i++) printf "<clause id=\"c%d\"><p>x</p></clause>\n", i
		if (r) print "<clause id=\"z\"><p>x<em>y</em></p></clause>"
		print t }'
}
# gen_depth D: the deepest element (a <p>) D levels below the root
gen_depth() {
	awk -v d="$1" 'BEGIN {
		printf "<agreement xmlns=\"urn:pactum:model:1\" id=\"c\" domain=\"pactum-c\" source-lang=\"en\" prevailing=\"en\"><title>T</title><body>"
		for (i = 0; i < d - 3; i++) printf "<section id=\"s%d\"><title>S</title>", i
		printf "<clause id=\"k\"><p>x</p></clause>"
		for (i = 0; i < d - 3; i++) printf "</section>"
		print "</body></agreement>" }'
}
# gen_text N: one paragraph of N bytes of text
gen_text() {
	awk -v n="$1" -v h="$HEAD" -v t="$TAIL" 'BEGIN {
		printf "%s<clause id=\"k\"><p>", h
		for (i = 0; i + 10 <= n; i += 10) printf "xxxxxxxxxx"
		for (; i < n; i++) printf "x"
		print "</p></clause>" t }'
}
# gen_attrs N: a <p> with N attributes
gen_attrs() {
	awk -v n="$1" -v h="$HEAD" -v t="$TAIL" 'BEGIN {
		printf "%s<clause id=\"k\"><p", h
		for (i = 0; i < n; i++) printf " a%d=\"x\"", i
		print ">x</p></clause>" t }'
}
# cond_model COND: one conditional clause (as in hostile.sh)
cond_model() {
	cat <<EOF
<agreement xmlns="urn:pactum:model:1" id="c" domain="pactum-c" source-lang="en" prevailing="en">
<title>T</title><parameters><param id="x" type="boolean" default="yes"/></parameters>
<body><section id="s"><title>S</title><clause id="$2" if="$1"><p>Text.</p></clause></section></body></agreement>
EOF
}
nots() { awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "not "; printf "x" }'; }

# --- model file -------------------------------------------------------
if big "a model of 64 MiB"; then
	gen_bytes $MAX_INPUT >"$work/at.xml"
	accepted "a model of 64 MiB" "$PACTUM" render "$work/at.xml" --lang en -o "$work/result"
	expect_grep "its last clause is there" "$work/result" "lorem"
fi
gen_bytes 4096 >"$work/over.xml"
head -c $((MAX_INPUT + 1 - 4096)) /dev/zero | tr '\0' ' ' >>"$work/over.xml"
refused "a model of 64 MiB + 1" 1 "over.xml: error: file is larger than 67108864 bytes" \
	"$PACTUM" render "$work/over.xml" --lang en -o "$work/result"

if big "a model of 1,000,000 elements"; then
	gen_elems 1000000 >"$work/at.xml"
	accepted "1,000,000 elements" "$PACTUM" render "$work/at.xml" --lang en -o "$work/result"
fi
gen_elems 1000001 >"$work/over.xml"
refused "1,000,001 elements" 1 "over.xml:499999:22: error: more than 1000000 elements (pactum's limit)" \
	"$PACTUM" render "$work/over.xml" --lang en -o "$work/result"

gen_depth 48 >"$work/at.xml"
accepted "elements 48 below the root" "$PACTUM" render "$work/at.xml" --lang en -o "$work/result"
gen_depth 49 >"$work/over.xml"
refused "elements 49 below the root" 1 "error: elements nested deeper than 48" \
	"$PACTUM" render "$work/over.xml" --lang en -o "$work/result"
# the depth is the reason, not the checks of the nodes it cut short
if [ "$(wc -l <"$work/err")" -eq 1 ]; then pass "elements 49 below the root: one message"
else fail "elements 49 below the root: one message"; cat "$work/err"; fi
# a deal: the same cap, in the same scanner
awk 'BEGIN { printf "<deal xmlns=\"urn:pactum:deal:1\">"
	for (i = 0; i < 49; i++) printf "<x>"
	for (i = 0; i < 49; i++) printf "</x>"
	print "</deal>" }' >"$work/deep-deal.xml"
refused "a deal 49 levels deep" 1 "deep-deal.xml:1:177: error: elements nested deeper than 48" \
	"$PACTUM" render "$model" --data "$work/deep-deal.xml" --lang en -o "$work/result"

gen_text 10000000 >"$work/at.xml"
accepted "a text of 10,000,000 bytes" "$PACTUM" render "$work/at.xml" --lang en -o "$work/result"
gen_text 10000001 >"$work/over.xml"
refused "a text of 10,000,001 bytes" 1 "over.xml:1:169: error: a text longer than 10000000 bytes (pactum's limit)" \
	"$PACTUM" render "$work/over.xml" --lang en -o "$work/result"

# no kind takes 16 attributes: at the cap each is named as unknown
gen_attrs 16 >"$work/at.xml"
expect_status "16 attributes: each one judged" 1 "$PACTUM" render "$work/at.xml" --lang en
if grep -q "more than 16" "$work/err"; then fail "16 attributes: not the cap"
else pass "16 attributes: not the cap"; fi
gen_attrs 17 >"$work/over.xml"
refused "17 attributes" 1 'over.xml:1:166: error: <p> has more than 16 attributes' \
	"$PACTUM" render "$work/over.xml" --lang en -o "$work/result"
gen_attrs 33 >"$work/over.xml"
refused "33 attributes, before parsing" 1 'over.xml:1:166: error: an element with more than 16 attributes' \
	"$PACTUM" render "$work/over.xml" --lang en -o "$work/result"

id64=k$(awk 'BEGIN { for (i = 1; i < 64; i++) printf "x" }')
cond_model x "$id64" >"$work/at.xml"
accepted "an id of 64 bytes" "$PACTUM" render "$work/at.xml" --lang en -o "$work/result"
cond_model x "${id64}y" >"$work/over.xml"
refused "an id of 65 bytes" 1 "over.xml:3:39: error: id \"${id64}y\" is malformed (a letter, then letters, digits, '-' or '_'; at most 64)" \
	"$PACTUM" render "$work/over.xml" --lang en -o "$work/result"

# --- conditions -------------------------------------------------------
cond_model "$(nots 32)" k >"$work/at.xml"
accepted "32 levels of not" "$PACTUM" render "$work/at.xml" --lang en -o "$work/result"
cond_model "$(nots 33)" k >"$work/over.xml"
refused "33 levels of not" 1 ': nested deeper than 32 levels of "not", "-" and parentheses' \
	"$PACTUM" render "$work/over.xml" --lang en -o "$work/result"

# --- repeats: what they multiply --------------------------------------
# A model and a deal each within their caps can ask a <repeat> for their
# product: 1,000 paragraphs for each of R records.  1,000,000 blocks from
# repeats in all are allowed; one record more is refused at the repeat.
rep_model() {
	printf '<agreement xmlns="urn:pactum:model:1" id="rep" domain="pactum-rep" source-lang="en" prevailing="en"><title>T</title>'
	printf '<parties><party id="a"><role>A</role></party></parties>'
	printf '<parameters><param id="items" type="list"><detail id="name"><label>Name</label></detail></param></parameters>'
	printf '<body><section id="s"><title>S</title><clause id="c">\n<repeat over="items">'
	awk 'BEGIN { for (i = 0; i < 1000; i++) printf "<p>Item <var name=\"items.name\"/>.</p>" }'
	printf '</repeat></clause></section></body></agreement>\n'
}
rep_deal() {
	printf '<deal xmlns="urn:pactum:deal:1"><party id="a"><name>A GmbH</name></party><list name="items">'
	awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "<record><name>n%d</name></record>", i }'
	printf '</list></deal>\n'
}
if big "1,000,000 blocks from repeats"; then
	rep_model >"$work/rep.xml"
	rep_deal 1000 >"$work/rep-at.xml"
	rep_deal 1001 >"$work/rep-over.xml"
	accepted "1,000 records of 1,000 paragraphs" "$PACTUM" render "$work/rep.xml" \
		--data "$work/rep-at.xml" --lang en -o "$work/result"
	refused "1,001 records of 1,000 paragraphs" 1 \
		'rep.xml:2:1: error: the repeats over "items" and the others make more than 1000000 parts of this agreement, at record 1001 (pactum'"'"'s limit)' \
		"$PACTUM" render "$work/rep.xml" --data "$work/rep-over.xml" --lang en -o "$work/result"
fi

# --- deal data and catalogs: 64 MiB each -----------------------------
cp "$deal" "$work/over-deal.xml"
head -c $((MAX_INPUT + 1 - $(wc -c <"$deal"))) /dev/zero | tr '\0' '\n' >>"$work/over-deal.xml"
refused "a deal file of 64 MiB + 1" 1 "over-deal.xml: error: file is larger than 67108864 bytes" \
	"$PACTUM" render "$model" --data "$work/over-deal.xml" --lang en -o "$work/result"
mkdir -p "$work/cat/de/LC_MESSAGES"
head -c $((MAX_INPUT + 1)) /dev/zero >"$work/cat/de/LC_MESSAGES/pactum-demo.mo"
refused "a .mo of 64 MiB + 1" 1 "pactum-demo.mo: error: file is larger than 67108864 bytes" \
	"$PACTUM" render "$model" --data "$deal" --lang de --catalog-path "$work/cat" -o "$work/result"
mkdir -p "$work/po/pactum-demo"
cp "$DATA/demo.de.po" "$work/po/pactum-demo/de.po"
head -c $((MAX_INPUT + 1 - $(wc -c <"$DATA/demo.de.po"))) /dev/zero | tr '\0' '\n' >>"$work/po/pactum-demo/de.po"
expect_status "a .po of 64 MiB + 1: refused" 1 "$PACTUM" check "$model" --po-dir "$work/po"
expect_grep "a .po of 64 MiB + 1: message" "$work/err" "de.po: error: file is larger than 67108864 bytes"

# --- clause libraries: 8 levels of <include>, 64 files ------------------
# lib_chain N: a model including l1.xml, which includes l2.xml ... lN.xml
lib_chain() {
	mkdir -p "$work/chain" && rm -f "$work/chain"/*.xml
	i=1
	while [ "$i" -le "$1" ]; do
		if [ "$i" -lt "$1" ]; then
			inner="<include href=\"l$((i + 1)).xml\" ref=\"s$((i + 1))\"/>"
		else
			inner="<clause id=\"c$i\"><p>Text.</p></clause>"
		fi
		printf '<library xmlns="urn:pactum:model:1" id="l%d" domain="pactum-c" source-lang="en"><section id="s%d"><title>S</title>%s</section></library>\n' \
			"$i" "$i" "$inner" >"$work/chain/l$i.xml"
		i=$((i + 1))
	done
	printf '<agreement xmlns="urn:pactum:model:1" id="c" domain="pactum-c" source-lang="en" prevailing="en"><title>T</title><body><include href="l1.xml" ref="s1"/></body></agreement>\n' \
		>"$work/chain/m.xml"
}
# lib_many N: a model including N libraries, one clause from each
lib_many() {
	mkdir -p "$work/many" && rm -f "$work/many"/*.xml
	inc= i=1
	while [ "$i" -le "$1" ]; do
		printf '<library xmlns="urn:pactum:model:1" id="l%d" domain="pactum-c" source-lang="en"><clause id="c%d"><p>Text %d.</p></clause></library>\n' \
			"$i" "$i" "$i" >"$work/many/l$i.xml"
		inc="$inc<include href=\"l$i.xml\" ref=\"c$i\"/>"
		i=$((i + 1))
	done
	printf '<agreement xmlns="urn:pactum:model:1" id="c" domain="pactum-c" source-lang="en" prevailing="en"><title>T</title><body><section id="s"><title>S</title>%s</section></body></agreement>\n' \
		"$inc" >"$work/many/m.xml"
}
lib_chain 8
accepted "clause libraries 8 deep" "$PACTUM" render "$work/chain/m.xml" --lang en -o "$work/result"
lib_chain 9
refused "clause libraries 9 deep" 1 "l8.xml:1:113: error: clause libraries nested deeper than 8, or more than 64 of them" \
	"$PACTUM" render "$work/chain/m.xml" --lang en -o "$work/result"
lib_many 64
accepted "64 clause libraries" "$PACTUM" render "$work/many/m.xml" --lang en -o "$work/result"
expect_grep "64 clause libraries: the last one's clause" "$work/result" "Text 64."
lib_many 65
refused "65 clause libraries" 1 "m.xml:1:2373: error: clause libraries nested deeper than 8, or more than 64 of them" \
	"$PACTUM" render "$work/many/m.xml" --lang en -o "$work/result"

# --- signatories: 20 a party ------------------------------------------
sig_model="$DATA/constructs/signatures.xml"
sig_deal="$DATA/constructs/signatures.deal.xml"
sigs=$(awk 'BEGIN { for (i = 1; i <= 20; i++) printf " --set supplier.signatory.%d.name=Signer%d", i, i }')
# shellcheck disable=SC2086 # $sigs is a list of arguments
accepted "20 signatories" "$PACTUM" render "$sig_model" --data "$sig_deal" --lang en $sigs -o "$work/result"
expect_grep "20 signatories: the twentieth signs" "$work/result" "Signer20"
# shellcheck disable=SC2086
refused "21 signatories" 1 '--set: error: "supplier.signatory.21.name" is neither a parameter nor a party field of model "signatures"' \
	"$PACTUM" render "$sig_model" --data "$sig_deal" --lang en $sigs \
	--set supplier.signatory.21.name=X -o "$work/result"

# --- manifest segments: 64 interrupted runs -----------------------------
# A manifest whose header comes N times is N runs that stopped before
# their first deal; --resume goes on from them.
mkdir "$work/seg"
"$PACTUM" batch "$model" --data "$DATA/deals/batch.xml" --catalog-path "$CATALOGS/complete" \
	--output-dir "$work/seg" --manifest "$work/seg.jsonl" >/dev/null 2>&1
head -n 1 "$work/seg.jsonl" >"$work/seg.header"
segments() {
	rm -rf "$work/seg" && mkdir "$work/seg"
	: >"$work/seg.jsonl"
	i=0
	while [ "$i" -lt "$1" ]; do cat "$work/seg.header" >>"$work/seg.jsonl"; i=$((i + 1)); done
	cp "$work/seg.jsonl" "$work/seg.before"
}
segments 64
expect_status "64 interrupted runs: resumed" 5 "$PACTUM" batch "$model" --data "$DATA/deals/batch.xml" \
	--catalog-path "$CATALOGS/complete" --output-dir "$work/seg" --manifest "$work/seg.jsonl" --resume
if grep -q "interrupted runs" "$work/err"; then fail "64 interrupted runs: no cap message"
else pass "64 interrupted runs: no cap message"; fi
segments 65
expect_status "65 interrupted runs: refused" 1 "$PACTUM" batch "$model" --data "$DATA/deals/batch.xml" \
	--catalog-path "$CATALOGS/complete" --output-dir "$work/seg" --manifest "$work/seg.jsonl" --resume
expect_grep "65 interrupted runs: message" "$work/err" \
	"seg.jsonl:65: error: more than 64 interrupted runs: start the batch anew, without --resume"
if cmp -s "$work/seg.jsonl" "$work/seg.before" && [ -z "$(ls "$work/seg")" ]; then
	pass "65 interrupted runs: nothing written"
else
	fail "65 interrupted runs: nothing written"
fi

# --- command line -----------------------------------------------------
accepted "--lang of 8 languages" "$PACTUM" render "$model" --data "$deal" \
	--lang en,de,fr,it,es,nl,pl,sv --draft --layout sequential -o "$work/result"
refused "--lang of 9 languages" 2 "pactum: error: --lang 'en,de,fr,it,es,nl,pl,sv,da' names more than 8 languages" \
	"$PACTUM" render "$model" --data "$deal" --lang en,de,fr,it,es,nl,pl,sv,da --draft -o "$work/result"
refused "extract --languages of 9" 2 "pactum: error: extract: --languages names more than 8 languages" \
	"$PACTUM" extract "$model" --languages de,fr,it,es,nl,pl,sv,da,fi -o "$work/result"
expect_status "extract --languages of 8: not the cap" 3 "$PACTUM" extract "$model" \
	--languages de,fr,it,es,nl,pl,sv,da -o "$work/result"
if grep -q "more than" "$work/err"; then fail "extract --languages of 8: no cap message"
else pass "extract --languages of 8: no cap message"; fi
# English is the source and does not count: a list of any length
long=$(awk 'BEGIN { for (i = 0; i < 60; i++) printf "en,"; printf "de" }')
expect_status "extract --languages of 183 bytes" 0 "$PACTUM" extract \
	"$top_srcdir/templates/software-reseller/agreement.xml" \
	--languages "$long" -o "$work/result"
expect_grep "extract --languages of 183 bytes: its last language read" \
	"$work/result" "(de: Ziffer"
# pactum check: 32 languages, from --lang or a .po directory; more is
# an error, never a silent choice of some
rm -rf "$work/po"
mkdir -p "$work/po/pactum-demo"
langs=
for a in a b c d e f g h i j k; do
	for b in a b c; do
		cp "$DATA/demo.de.po" "$work/po/pactum-demo/x$a$b.po"
		langs="$langs${langs:+,}x$a$b"
	done
done
rm "$work/po/pactum-demo/xkc.po"
langs=${langs%,xkc}
expect_status "check: 32 languages in a .po directory" 0 "$PACTUM" check "$model" --po-dir "$work/po"
cp "$DATA/demo.de.po" "$work/po/pactum-demo/xkc.po"
expect_status "check: 33 languages in a .po directory: refused" 1 "$PACTUM" check "$model" --po-dir "$work/po"
expect_grep "check: 33 languages in a .po directory: message" "$work/err" \
	"pactum: error: $work/po/pactum-demo holds the .po files of more than 32 languages (pactum check's limit)"
expect_status "check --lang of 32: not the cap" 3 "$PACTUM" check "$model" --lang "$langs"
if grep -q "more than" "$work/err"; then fail "check --lang of 32: no cap message"
else pass "check --lang of 32: no cap message"; fi
expect_status "check --lang of 33: refused" 2 "$PACTUM" check "$model" --lang "$langs,xkc"
expect_grep "check --lang of 33: message" "$work/err" "pactum: error: check: --lang names more than 32 languages"

mkdir -p "$work/dir"
expect_status "--jobs 256: accepted" 0 "$PACTUM" batch "$model" --data "$deal" \
	--output-dir "$work/dir" --lang en --jobs 256
refused "--jobs 257" 2 "pactum: error: --jobs wants a number from 1 to 256, not '257'" \
	"$PACTUM" batch "$model" --data "$deal" --output-dir "$work/result" --lang en --jobs 257

finish
