#!/bin/sh
# pactum batch where it refuses or fails, each case with its message and
# exit status: the command line, the output directory, the manifest, the
# file names --name makes, --set over every deal.  The demo model, whose
# three deals (tests/data/deals/batch.xml) render in a moment; batch.sh
# has the real templates and what a run of many deals must do.
. "${top_srcdir:-..}/tests/e2e/lib.sh"

model="$DATA/demo.xml"
deals="$DATA/deals/batch.xml"
batch() {
	"$PACTUM" batch "$model" --data "$deals" \
		--catalog-path "$CATALOGS/complete" "$@"
}
# expect_err NAME TEXT: the last command's stderr has TEXT
expect_err() { expect_grep "$1" "$work/err" "$2"; }
cd "$work" || exit 1

# --- the command line ---------------------------------------------------
expect_status "--help" 0 batch -h
expect_grep "--help: the usage" "$work/out" "Usage: pactum batch MODEL.xml"
expect_status "an unknown option" 2 batch --output-dir o --no-such-option
expect_err "an unknown option: the usage" "Usage: pactum batch MODEL.xml"
expect_status "--manifest twice" 2 batch --output-dir o --manifest a --manifest b
expect_err "--manifest twice: said" "pactum: error: --manifest may be given only once"
expect_status "--lang twice" 2 batch --output-dir o --lang en --lang de
expect_err "--lang twice: said" "pactum: error: --lang may be given only once"
expect_status "--lang with an empty item" 2 batch --output-dir o --lang en,,de
expect_err "--lang with an empty item: said" "--lang 'en,,de' has an empty item"
expect_status "--format naming no writer" 2 batch --output-dir o --format ,
expect_err "--format naming no writer: said" "pactum: error: --format names no writer"
expect_status "--format naming a missing writer" 2 batch --output-dir o --format nosuch
expect_err "--format naming a missing writer: said" \
	"pactum: error: no writer plugin named 'nosuch' (see 'pactum plugins')"
expect_status "--format of two writers of one suffix" 2 batch --output-dir o --format docbook,xml
expect_err "--format of two writers of one suffix: said" \
	"pactum: error: --format: 'docbook' and 'xml' both write .xml files"
expect_status "--name with an open brace" 2 batch --output-dir o --name '{record'
expect_err "--name with an open brace: said" \
	"--name '{record': a '{' without a value name and '}' ({record}, {reseller.name})"
expect_status "--name with an empty brace" 2 batch --output-dir o --name 'a{}'
expect_err "--name with an empty brace: said" "--name 'a{}': a '{' without a value name"
[ ! -e o ] && pass "a bad command line makes no directory" ||
	fail "a bad command line made the output directory"

# --- the output directory -------------------------------------------------
echo x >afile
expect_status "--output-dir is a file" 4 batch --output-dir afile --lang en
expect_err "--output-dir is a file: said" "pactum: error: --output-dir afile is not a directory"
expect_status "--output-dir below a missing one" 4 batch --output-dir no/such --lang en
expect_err "--output-dir below a missing one: said" \
	"pactum: error: --output-dir no/such: No such file or directory"
[ ! -e no ] && pass "nothing made for it" || fail "something made for it"

# --- the manifest ---------------------------------------------------------
mkdir m1 m1/manifest.jsonl
expect_status "the manifest is a directory" 4 batch --output-dir m1 --lang en
expect_err "the manifest is a directory: said" "m1/manifest.jsonl: error: cannot write: Is a directory"
[ -z "$(ls m1/manifest.jsonl)" ] && [ "$(ls m1)" = manifest.jsonl ] &&
	pass "the manifest is a directory: nothing written" ||
	fail "the manifest is a directory: something written"
mkdir m2
ln -s ../afile m2/manifest.jsonl
expect_status "the manifest is a symbolic link" 4 batch --output-dir m2 --lang en
expect_err "the manifest is a symbolic link: said" \
	"m2/manifest.jsonl: error: cannot write: Too many levels of symbolic links"
[ "$(cat afile)" = x ] && pass "not written through the link" ||
	fail "written through the link"
mkdir m3
printf 'not json\n{"manifest":1}\n' >m3/manifest.jsonl
expect_status "--resume with what is no manifest" 1 batch --output-dir m3 --lang en --resume
expect_err "--resume with what is no manifest: said" \
	"m3/manifest.jsonl:1: error: not a pactum batch manifest"
[ "$(ls m3)" = manifest.jsonl ] && pass "no manifest: no deal written" ||
	fail "no manifest: deals written"
# more interrupted runs than a resume reads: bounds.sh
# --manifest puts it elsewhere; the layout and writer options are part of
# every deal's input fingerprint
expect_status "--manifest elsewhere, with options" 5 batch --output-dir m5 --lang en \
	--manifest m5.jsonl --layout interleaved -O width=60 --name '{record}'
[ -s m5.jsonl ] && [ ! -e m5/manifest.jsonl ] && pass "--manifest: written there" ||
	fail "--manifest: not written there"
expect_grep "--manifest: the deals' lines" m5.jsonl '{"record":3,"line":17,"status":"rendered"'
in1=$(sed -n 's/.*"record":1,.*"input":"\([0-9a-f]*\)".*/\1/p' m5.jsonl)
expect_status "the same with another width" 5 batch --output-dir m6 --lang en \
	--manifest m6.jsonl --layout interleaved -O width=61 --name '{record}'
in2=$(sed -n 's/.*"record":1,.*"input":"\([0-9a-f]*\)".*/\1/p' m6.jsonl)
[ -n "$in1" ] && [ -n "$in2" ] && [ "$in1" != "$in2" ] &&
	pass "a writer option changes the input fingerprint" ||
	fail "a writer option changes the input fingerprint ($in1, $in2)"

# --- names ----------------------------------------------------------------
expect_status "--set over every deal, unknown" 5 batch --output-dir s1 --lang en --set nosuch=1
expect_err "--set over every deal, unknown: said" \
	'--set: error: "nosuch" is neither a parameter nor a party field of model "demo"'
expect_err "--set over every deal: none rendered" "pactum: 0 rendered, 3 failed, 0 skipped, of 3 deals"
expect_status "a name that is only spaces" 5 batch --output-dir s2 --lang en \
	--name '{reseller.name}' --set 'reseller.name=   '
expect_err "a name that is only spaces: said" \
	"batch.xml:17:3: error: --name gives this deal an empty file name"
expect_status "dots and spaces at the end dropped" 5 batch --output-dir s3 --lang en \
	--name '{record} . .'
[ "$(ls s3 | tr '\n' ' ')" = "000001.txt 000003.txt manifest.jsonl " ] &&
	pass "dots and spaces at the end: the names" ||
	fail "dots and spaces at the end: $(ls s3 | tr '\n' ' ')"
# "000001 xy" and two-byte characters: at 199 bytes the next would make 201
long=$(printf 'xy'; i=0; while [ $i -lt 150 ]; do printf '\303\244'; i=$((i + 1)); done)
expect_status "a long name of two-byte characters" 5 batch --output-dir s4 --lang en \
	--name '{record} {reseller.name}' --set "reseller.name=$long"
first=$(ls s4 | grep 000001)
bytes=$(printf '%s' "$first" | wc -c)
[ "$bytes" -eq 203 ] && pass "cut within 200 bytes, before the suffix" ||
	fail "cut within 200 bytes: $bytes"
printf '%s' "$first" | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1 &&
	pass "cut between characters" || fail "cut inside a character"
expect_status "three- and four-byte characters" 5 batch --output-dir s5 \
	--lang en --name '{reseller.name}:{record}' \
	--set "reseller.name=$(printf '\342\202\254 \360\237\230\200')"
[ "$(ls s5 | grep 000001)" = "$(printf '\342\202\254 \360\237\230\200_000001.txt')" ] &&
	pass "three- and four-byte characters kept" ||
	fail "three- and four-byte characters kept: $(ls s5 | grep 000001)"
# more than 20 deals that collide: the first 20 named, then a count
{
	echo '<deals xmlns="urn:pactum:deal:1">'
	i=0
	while [ $i -lt 23 ]; do
		echo '<deal><party id="vendor"><name>A</name></party><party id="reseller"><name>B</name></party><value name="territory">T</value><value name="start">2027-03-01</value></deal>'
		i=$((i + 1))
	done
	echo '</deals>'
} >many.xml
expect_status "22 collisions" 1 "$PACTUM" batch "$model" --data many.xml \
	--output-dir c1 --lang en --name '{reseller.name}'
expect_err "22 collisions: the count" "22 deals in all would overwrite another's"
[ "$(grep -c 'would be written as' "$work/err")" -eq 20 ] &&
	pass "22 collisions: 20 named" || fail "22 collisions: $(grep -c 'would be written as' "$work/err") named"
[ ! -e c1 ] && pass "collisions: nothing written" || fail "collisions: something written"

finish
