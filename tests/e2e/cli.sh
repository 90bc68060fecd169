#!/bin/sh
# The pactum command: options, exit codes, diagnostics, and that bad input
# never writes anything.
. "${top_srcdir:-..}/tests/e2e/lib.sh"

model="$DATA/demo.xml"
deal="$DATA/demo-deal.xml"
render() { "$PACTUM" render "$model" --data "$deal" "$@"; }

expect_status "--version" 0 "$PACTUM" --version
expect_grep "--version names the program" "$work/out" "pactum "
expect_status "--help" 0 "$PACTUM" --help
expect_grep "--help documents exit codes" "$work/out" "3  translations are missing"
expect_status "no command is a usage error" 2 "$PACTUM"
expect_status "unknown command" 2 "$PACTUM" frobnicate
expect_status "render without a model" 2 "$PACTUM" render
expect_status "unknown option" 2 "$PACTUM" render --bogus "$model"
expect_status "unknown layout" 2 render --layout diagonal
expect_status "malformed language tag" 2 render --lang FR
expect_status "a language without pactum's words" 3 render --lang fr
expect_grep "the missing words named" "$work/err" \
	"no catalog of pactum's contract words for language fr (looked for fr/LC_MESSAGES/pactum-words.mo in"
expect_status "unknown writer" 4 render --format nope
expect_grep "unknown writer is named" "$work/err" "no writer plugin named 'nope'"

# A render that works, to stdout and to a file.
expect_status "english render" 0 render --lang en --format dump
expect_grep "english render has the clause" "$work/out" "clause #pricing 1.2"
expect_status "german render" 0 render --lang de --format dump \
	--catalog-path "$CATALOGS/complete"
expect_grep "german render is german" "$work/out" "Ziffer$(printf '\302\240')1.1"

# Failed writes to stdout are errors, not silence.
if [ -w /dev/full ]; then
	expect_status "stdout to /dev/full" 4 sh -c \
		"\"$PACTUM\" render \"$model\" --data \"$deal\" --lang en --format dump >/dev/full"
fi

# --output is atomic: a failing run leaves the previous file as it was and
# no temporary file.
out="$work/outdir/contract.txt"
mkdir "$work/outdir"
expect_status "output file written" 0 render --lang en --format dump -o "$out"
cp "$out" "$work/before"
expect_status "missing translation fails strictly" 3 render --lang de,en \
	--format dump --catalog-path "$CATALOGS/incomplete" -o "$out"
expect_grep "missing translation is named with its line" "$work/err" \
	"demo.xml:43:11: error: no de translation of \"pricing.i1\""
if cmp -s "$out" "$work/before" && [ "$(ls -A "$work/outdir")" = contract.txt ]; then
	pass "failed render leaves the output intact and no temp file"
else
	fail "failed render leaves the output intact and no temp file"
	ls -la "$work/outdir"
fi
expect_status "draft renders with warnings" 0 render --lang de --format dump \
	--catalog-path "$CATALOGS/incomplete" --draft
expect_grep "draft says so" "$work/err" "warning: draft: 2 units"

# A corrupt catalog is refused with the reason, never a crash.
mkdir -p "$work/badcat/de/LC_MESSAGES"
printf 'this is not a catalog at all' >"$work/badcat/de/LC_MESSAGES/pactum-demo.mo"
expect_status "corrupt catalog refused" 1 render --lang de --format dump \
	--catalog-path "$work/badcat"
expect_grep "corrupt catalog named" "$work/err" "badcat/de/LC_MESSAGES/pactum-demo.mo"

# Deal data problems: all of them, with positions, exit 1, nothing written.
expect_status "bad values" 1 render --lang en --format dump -o "$work/x" \
	--set discount=80 --set start=tomorrow --set nosuch=1
expect_grep "bad value has its position" "$work/err" \
	"--set: error: \"tomorrow\" is not a valid value for \"start\""
expect_grep "unknown name reported" "$work/err" "\"nosuch\" is neither"
expect_grep "bound reported" "$work/err" "above the maximum 60"
[ -e "$work/x" ] && fail "nothing written on bad input" || pass "nothing written on bad input"

# Hostile models: DOCTYPE and entities refused, malformed XML positioned.
cat >"$work/xxe.xml" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE agreement [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<agreement xmlns="urn:pactum:model:1">&x;</agreement>
XML
expect_status "DOCTYPE refused" 1 "$PACTUM" render "$work/xxe.xml"
expect_grep "DOCTYPE named" "$work/err" "xxe.xml:2:"
expect_grep "DOCTYPE reason" "$work/err" "a DOCTYPE is not allowed"
printf '<agreement xmlns="urn:pactum:model:1">\n  <title>x</title>\n  <oops>\n</agreement>\n' >"$work/bad.xml"
expect_status "malformed XML" 1 "$PACTUM" render "$work/bad.xml"
expect_grep "malformed XML positioned" "$work/err" "bad.xml:4:"
gzip -c "$model" >"$work/model.xml"
expect_status "compressed model not decompressed" 1 "$PACTUM" render "$work/model.xml"
expect_status "missing model" 1 "$PACTUM" render "$work/none.xml"

# The plugin listing shows what loaded and what was refused, and why.
expect_status "plugins" 0 "$PACTUM" plugins
expect_grep "plugins lists the reader" "$work/out" "xml        reader"
expect_grep "plugins lists refusals" "$work/out" "newer than this pactum"

# The same input gives the same bytes whatever the environment.
render --lang de,en --format dump --catalog-path "$CATALOGS/complete" >"$work/a" 2>&1
(cd / && LANG=de_DE.UTF-8 LANGUAGE=fr LC_ALL=C OUTPUT_CHARSET=ASCII \
	TZ=Pacific/Kiritimati "$PACTUM" render "$model" --data "$deal" \
	--lang de,en --format dump --catalog-path "$CATALOGS/complete") >"$work/b" 2>&1
if cmp -s "$work/a" "$work/b"; then pass "environment-independent output"
else fail "environment-independent output"; diff "$work/a" "$work/b" | head; fi

# extract writes a POT that gettext's tools accept.
expect_status "extract" 0 "$PACTUM" extract "$model" -o "$work/demo.pot"
expect_grep "extract has contexts" "$work/demo.pot" 'msgctxt "grant.p1"'
expect_status "POT is valid for msgcat" 0 msgcat "$work/demo.pot" -o "$work/cat.pot"

finish
