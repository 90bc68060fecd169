#!/bin/sh
# Render a model as DocBook in every layout, in English and in German and
# English, and check each result: valid against the DocBook 5.0 RELAX NG
# schema (jing, else xmllint --relaxng; both check that every linkend has
# its xml:id), processed by the docbook-xsl-ns HTML stylesheet without a
# message, and read by pandoc when it is installed.  A one-language
# document must come out the same under every layout.
#
#   docbook-valid.sh MODEL [DATA [RENDER-OPTION...]]
#
# Environment:
#   PACTUM        the command that runs pactum (default:
#                 $top_builddir/pactum-uninstalled)
#   DRAFT         extra render option, normally --draft, so that a model
#                 without a German catalog still renders
#   MODEL, DATA   used when the arguments are missing; DATA may be empty
#   DOCBOOK_RNG   the schema (default: Debian's docbook5-xml)
#   DOCBOOK_XSL   the HTML stylesheet (default: Debian's docbook-xsl-ns)
#   KEEP          non-empty: keep the rendered files
#
# One line per check on stdout, "PASS: ..." or "FAIL: ..." (details of a
# failure on stderr), then "N passed, N failed".  Exit status 0 when all
# passed, 1 when one failed, 77 (automake's SKIP) when the schema, the
# stylesheet or the tools are missing, 99 (hard error) on bad usage.
set -u

top_builddir=${top_builddir:-.}
PACTUM=${PACTUM:-$top_builddir/pactum-uninstalled}
DRAFT=${DRAFT:-}
share=/usr/share/xml/docbook
DOCBOOK_RNG=${DOCBOOK_RNG:-$share/schema/rng/5.0/docbook.rng}
DOCBOOK_XSL=${DOCBOOK_XSL:-$share/stylesheet/docbook-xsl-ns/html/docbook.xsl}

model=${1:-${MODEL:-}}
data=${2-${DATA:-}}
[ $# -gt 0 ] && shift
[ $# -gt 0 ] && shift

if [ -z "$model" ] || [ ! -r "$model" ]; then
	echo "usage: $0 MODEL [DATA [RENDER-OPTION...]]" \
		"(cannot read model '$model')" >&2
	exit 99
fi
if [ -n "$data" ] && [ ! -r "$data" ]; then
	echo "$0: cannot read deal data '$data'" >&2
	exit 99
fi
if [ ! -x "$PACTUM" ] && ! command -v "$PACTUM" >/dev/null 2>&1; then
	echo "$0: cannot run pactum as '$PACTUM' (set PACTUM)" >&2
	exit 99
fi

skip() {
	echo "SKIP: $1"
	exit 77
}

if command -v jing >/dev/null 2>&1; then
	validator=jing
elif command -v xmllint >/dev/null 2>&1; then
	validator=xmllint
else
	skip "neither jing nor xmllint is installed"
fi
command -v xsltproc >/dev/null 2>&1 || skip "xsltproc is not installed"
[ -r "$DOCBOOK_RNG" ] || skip "no DocBook 5.0 schema at $DOCBOOK_RNG"
[ -r "$DOCBOOK_XSL" ] || skip "no docbook-xsl-ns stylesheet at $DOCBOOK_XSL"
# pandoc is optional: its DocBook reader is checked when it is there.
pandoc=
command -v pandoc >/dev/null 2>&1 && pandoc=pandoc

tmp=$(mktemp -d "${TMPDIR:-/tmp}/docbook-valid.XXXXXX") || exit 99
passed=0
failed=0

cleanup() {
	if [ -n "${KEEP:-}" ] || [ "$failed" -ne 0 ]; then
		echo "rendered files kept in $tmp" >&2
	else
		rm -rf "$tmp"
	fi
}
trap cleanup EXIT
trap 'exit 99' HUP INT TERM

pass() {
	passed=$((passed + 1))
	echo "PASS: $1"
}

# fail NAME [FILE]: FILE holds the details, shown on stderr.
fail() {
	failed=$((failed + 1))
	echo "FAIL: $1"
	if [ $# -gt 1 ] && [ -s "$2" ]; then
		sed 's/^/  | /' "$2" | head -n 40 >&2
	fi
}

# Debian's jing wrapper warns about optional jars it did not find.
quiet() {
	grep -v '^\[warning\] .*jing: Unable to locate' "$1" >"$1.shown"
	mv "$1.shown" "$1"
}

validate() {
	if [ "$validator" = jing ]; then
		jing "$DOCBOOK_RNG" "$1" >"$2" 2>&1
	else
		xmllint --noout --relaxng "$DOCBOOK_RNG" "$1" >"$2" 2>&1
	fi
}

# render LANG LAYOUT OUT LOG [RENDER-OPTION...]
render() {
	r_lang=$1 r_layout=$2 r_out=$3 r_log=$4
	shift 4
	[ -n "$data" ] && set -- --data "$data" "$@"
	# shellcheck disable=SC2086 # DRAFT is one option or nothing
	"$PACTUM" render "$model" "$@" --lang "$r_lang" --layout "$r_layout" \
		--format docbook $DRAFT >"$r_out" 2>"$r_log"
}

for lang in en de,en; do
	for layout in parallel interleaved sequential; do
		name="$lang $layout"
		out="$tmp/$lang-$layout.xml"
		log="$tmp/$lang-$layout.log"
		if render "$lang" "$layout" "$out" "$log" "$@"; then
			pass "$name: render"
		else
			fail "$name: render" "$log"
			fail "$name: schema (not rendered)"
			fail "$name: html (not rendered)"
			[ -z "$pandoc" ] ||
				fail "$name: plain text (not rendered)"
			continue
		fi
		if validate "$out" "$log"; then
			pass "$name: schema ($validator)"
		else
			quiet "$log"
			fail "$name: schema ($validator)" "$log"
		fi
		# xsltproc reports a missing template without failing.
		if xsltproc --nonet "$DOCBOOK_XSL" "$out" >"$tmp/out.html" \
			2>"$log" && ! grep -v '^Note:' "$log" | grep -q .; then
			pass "$name: html (xsltproc)"
		else
			fail "$name: html (xsltproc)" "$log"
		fi
		[ -n "$pandoc" ] || continue
		if pandoc -f docbook -t plain "$out" >"$tmp/out.txt" 2>"$log"
		then
			pass "$name: plain text (pandoc)"
		else
			fail "$name: plain text (pandoc)" "$log"
		fi
	done
done

if [ -s "$tmp/en-parallel.xml" ] &&
   cmp -s "$tmp/en-parallel.xml" "$tmp/en-interleaved.xml" &&
   cmp -s "$tmp/en-parallel.xml" "$tmp/en-sequential.xml"; then
	pass "en: same output under every layout"
else
	fail "en: same output under every layout"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
