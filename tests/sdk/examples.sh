#!/bin/sh
# The plugin SDK as an author meets it: build the example writers
# (examples/markdown in C, examples/cxx in C++) against an INSTALLED pactum
# with nothing but pkg-config, load them with PACTUM_PLUGIN_PATH, render
# every shipped template with them, and check what they write with pandoc:
#   - every link (href="#x") of the HTML has its target (id="x");
#   - the plain text shows no markup: no "**", "](#", "<a ", no backslash
#     before punctuation, and no table pipes in the CommonMark flavour;
#   - the clause numbers of pactum's own text rendering of the same deal
#     come in the Markdown in the same order, and the outline writer
#     lists exactly them;
#   - a wrong option value is refused before the writer runs.
#
# Environment (make installcheck sets all of them):
#   PKG_CONFIG_PATH  where the installed pactum.pc is
#   PACTUM           the installed program (default: pactum from PATH)
#   TEMPLATES        the models to render, DIR/agreement.xml with
#                    DIR/deals/*.xml (default: pkg-config's templatesdir)
#   EXAMPLES         the examples' sources (default: the installed
#                    PREFIX/share/doc/pactum/examples)
# Needs make, cc, c++, pkg-config and pandoc.  Runs against an installed
# pactum only: it uses nothing of a build tree.
set -u
: "${PACTUM:=pactum}"
# bytes, not characters: the same matches under every locale
LC_ALL=C
export LC_ALL
passed=0
failed=0
pass() { passed=$((passed + 1)); echo "PASS: $1"; }
fail() { failed=$((failed + 1)); echo "FAIL: $1"; }
finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
	exit
}
# show FILE: the first lines of FILE, indented, under a failure
show() { sed 's/^/    /' "$1" | head -n "${2:-10}"; }

if ! pkg-config --exists pactum; then
	fail "pkg-config finds pactum (PKG_CONFIG_PATH=${PKG_CONFIG_PATH:-})"
	finish
fi
: "${TEMPLATES:=$(pkg-config --variable=templatesdir pactum)}"
: "${EXAMPLES:=$(pkg-config --variable=prefix pactum)/share/doc/pactum/examples}"
for tool in make cc c++ pandoc "$PACTUM"; do
	command -v "$tool" >/dev/null 2>&1 || fail "$tool is there"
done
[ "$failed" -eq 0 ] || finish

work=$(mktemp -d "${TMPDIR:-/tmp}/pactum-sdk.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
trap 'exit 1' HUP INT TERM

# ------------------------------------------------------------ build ---
for ex in markdown cxx; do
	# clean first: a copy may hold a plugin built before
	if cp -R "$EXAMPLES/$ex" "$work/$ex" 2>"$work/err" &&
		make -C "$work/$ex" clean all >"$work/out" 2>&1; then
		pass "examples/$ex builds with pkg-config alone"
	else
		fail "examples/$ex builds with pkg-config alone"
		show "$work/err"
		show "$work/out" 30
	fi
done
if ! [ -f "$work/markdown/markdown.so" ] || ! [ -f "$work/cxx/outline.so" ]; then
	finish
fi
# 'make install' puts the plugin where pkg-config says pactum looks
make -C "$work/markdown" install DESTDIR="$work/stage" >"$work/out" 2>&1
if [ -f "$work/stage$(pkg-config --variable=pluginsdir pactum)/markdown.so" ]; then
	pass "make install puts markdown.so into pluginsdir"
else
	fail "make install puts markdown.so into pluginsdir"
	show "$work/out"
fi

PACTUM_PLUGIN_PATH="$work/markdown:$work/cxx"
export PACTUM_PLUGIN_PATH
"$PACTUM" plugins >"$work/out" 2>"$work/err"
if grep -q '^markdown  *writer' "$work/out" &&
	grep -q '^outline  *writer' "$work/out" &&
	grep -q 'flavour=gfm|commonmark' "$work/out" && ! [ -s "$work/err" ]; then
	pass "pactum plugins lists both writers and the option, and warns of nothing"
else
	fail "pactum plugins lists both writers and the option, and warns of nothing"
	show "$work/out" 20
	show "$work/err"
fi

# ----------------------------------------------------------- checks ---

# The sed scripts for them: a clause's number ("1", "1.1" without a
# trailing '.'), a list item's or recital's label ("(a)", "(A)")
number_re='s/^([0-9]+(\.[0-9]+)*)\.?( |$).*/\1/p'
label_re='s/^(\([A-Za-z0-9]+\))( |$).*/\1/p'
# numbers FILE [labels]: the numbers that start FILE's lines (after
# blanks and a list bullet); with "labels", the labels too
numbers() {
	[ $# -gt 1 ] && n_label=$label_re || n_label=
	sed -E 's/^[[:space:]]*([-+*][[:space:]]+)?//' "$1" |
		sed -n -E -e "$number_re" -e "$n_label"
}
# text_numbers FILE [labels]: the same in the text writer's output: a
# number at the margin before two spaces (a clause) or ". " or an
# underline on the next line (a heading); "30 days ..." opening a
# paragraph is none.  Labels stand anywhere in the line's indent.
text_numbers() {
	awk -v labels=$# '
	{ line[NR] = $0 }
	END {
		for (i = 1; i <= NR; i++) {
			if (match(line[i], /^[0-9]+(\.[0-9]+)*/)) {
				rest = substr(line[i], RLENGTH + 1)
				if (rest ~ /^(\. |  |\.?$)/ || line[i + 1] ~ /^-+$/)
					print substr(line[i], 1, RLENGTH)
			} else if (labels > 1 &&
			    match(line[i], /^ *\([A-Za-z0-9]+\)( |$)/)) {
				s = substr(line[i], 1, RLENGTH)
				gsub(/ /, "", s)
				print s
			}
		}
	}' "$1"
}
# in_order WANT GOT: every line of WANT comes in GOT, in the same order;
# prints the first that does not
in_order() {
	awk 'BEGIN { n = 0; i = 0 }
	     NR == FNR { want[n++] = $0; next }
	     i < n && $0 == want[i] { i++ }
	     END { if (i < n) { print want[i]; exit 1 } }' "$1" "$2"
}

# check_md LABEL FILE READER TEXTS...: the Markdown in FILE, read as
# READER (gfm or commonmark), against the text renderings TEXTS (one per
# language, clause numbers in order)
check_md() {
	c_label=$1 c_md=$2 c_reader=$3
	shift 3
	if ! pandoc -f "$c_reader" -t html "$c_md" >"$work/html" 2>"$work/perr"; then
		fail "$c_label: pandoc -f $c_reader reads it"
		show "$work/perr"
		return
	fi
	grep -o 'href="#[^"]*"' "$work/html" | sed 's/^href="#//; s/"$//' |
		sort -u >"$work/hrefs"
	grep -o ' id="[^"]*"' "$work/html" | sed 's/^ id="//; s/"$//' |
		sort -u >"$work/ids"
	comm -23 "$work/hrefs" "$work/ids" >"$work/dangling"
	if ! [ -s "$work/hrefs" ]; then
		fail "$c_label: has links"
	elif [ -s "$work/dangling" ]; then
		fail "$c_label: every link resolves ($(wc -l <"$work/dangling") do not)"
		show "$work/dangling"
	else
		pass "$c_label: all $(wc -l <"$work/hrefs" | tr -d ' ') link targets resolve ($c_reader)"
	fi

	pandoc -f "$c_reader" -t plain --wrap=none "$c_md" >"$work/plain" 2>&1
	: >"$work/stray"
	grep -n -F -e '**' -e '](#' -e '<a ' "$work/plain" >>"$work/stray"
	grep -n -E '\\[[:punct:]]' "$work/plain" >>"$work/stray"
	[ "$c_reader" = commonmark ] &&
		grep -n -E '^(> ?)*\|' "$c_md" >>"$work/stray"
	if [ -s "$work/stray" ]; then
		fail "$c_label: no markup shows in the plain text ($c_reader)"
		show "$work/stray"
	else
		pass "$c_label: no markup shows in the plain text ($c_reader)"
	fi

	numbers "$work/plain" labels >"$work/got"
	for c_text in "$@"; do
		text_numbers "$c_text" labels >"$work/want"
		if ! [ -s "$work/want" ]; then
			fail "$c_label: the text rendering has clause numbers"
		elif c_missing=$(in_order "$work/want" "$work/got"); then
			pass "$c_label: its $(wc -l <"$work/want" | tr -d ' ') clause numbers and labels in order ($(basename "$c_text"))"
		else
			fail "$c_label: number $c_missing of $(basename "$c_text") in order"
		fi
	done
}

# render OUT ARGS...: pactum render ARGS > OUT; the exit status and not a
# word on stderr (stderr in OUT.err)
render() {
	r_out=$1
	shift
	"$PACTUM" render "$@" >"$r_out" 2>"$r_out.err" && ! [ -s "$r_out.err" ]
}

# --------------------------------------------------------- templates ---
renders=0
for model in "$TEMPLATES"/*/agreement.xml; do
	[ -f "$model" ] || continue
	tdir=$(dirname "$model")
	for deal in "$tdir"/deals/*.xml; do
		[ -f "$deal" ] || continue
		name=$(basename "$tdir")/$(basename "$deal" .xml)
		base=$work/$(basename "$tdir")-$(basename "$deal" .xml)
		set -- "$model" --data "$deal"
		# pactum's own text, one line a paragraph: in en, in de, and in
		# both (which adds the core's language clause), split into its
		# languages' parts (sequential: parted by a line of '=')
		for lang in en de de,en; do
			render "$base.$lang.txt" "$@" --lang "$lang" -f text -w 1000 \
				--layout sequential ||
				{ fail "$name: text in $lang renders"; show "$base.$lang.txt.err"; }
		done
		awk -v out="$base.de,en" '/^=+$/ { part++; next }
			{ print > (out "." (part ? "en" : "de") ".txt") }' "$base.de,en.txt"
		for case in en de de,en de,en:commonmark de,en:sequential; do
			lang=${case%%:*}
			opts=
			reader=gfm
			case $case in
			*:commonmark) opts="-O flavour=commonmark" reader=commonmark ;;
			*:sequential) opts="--layout sequential" ;;
			esac
			md=$base.$(echo "$case" | tr ,: -_).md
			# shellcheck disable=SC2086 # opts is words
			if ! render "$md" "$@" --lang "$lang" -f markdown $opts; then
				fail "$name [$case]: renders without a word on stderr"
				show "$md.err"
				continue
			fi
			renders=$((renders + 1))
			# the text in each language rendered
			text1=$base.$lang.txt text2=
			if [ "$lang" = de,en ]; then
				text1=$base.de,en.de.txt text2=$base.de,en.en.txt
			fi
			check_md "$name [$case]" "$md" "$reader" "$text1" ${text2:+"$text2"}
			if [ "$reader" = commonmark ]; then
				check_md "$name [$case] as GFM" "$md" gfm "$text1" \
					${text2:+"$text2"}
			fi
		done
		# the C++ writer: exactly the text's numbers, language by language
		if render "$base.outline" "$@" --lang de,en -f outline; then
			text_numbers "$base.de,en.txt" >"$work/want"
			numbers "$base.outline" >"$work/got"
			if [ -s "$work/want" ] && cmp -s "$work/want" "$work/got"; then
				pass "$name: the outline lists the $(wc -l <"$work/want" | tr -d ' ') clause numbers of the text"
			else
				fail "$name: the outline lists the clause numbers of the text"
				diff "$work/want" "$work/got" | head -n 10
			fi
		else
			fail "$name: the outline renders without a word on stderr"
			show "$base.outline.err"
		fi
		last_model=$model last_deal=$deal last_base=$base
	done
done
# Contract text that looks like markup stays text: two parties' names
# full of it, in the text of every template
# shellcheck disable=SC2016 # no expansion meant
hostile1='1. *Acme* _&amp; Co_ **[x](#y)** <b>b</b> `c` ~~s~~ #1 | :smile: \ GmbH'
hostile2='- Beta + = 2) <!-- x --> ![i](j) &#42; [^1]'
for model in "$TEMPLATES"/*/agreement.xml; do
	[ -f "$model" ] || continue
	tdir=$(dirname "$model")
	name=$(basename "$tdir")
	for deal in "$tdir"/deals/*.xml; do
		break # the first
	done
	# shellcheck disable=SC2046 # model ids hold no blanks
	set -- $(sed -n 's/.*<party id="\([^"]*\)".*/\1/p' "$model")
	if [ $# -lt 2 ] || ! [ -f "$deal" ]; then
		fail "$name: two parties and a deal to set their names in"
		continue
	fi
	for flavour in gfm commonmark; do
		if ! render "$work/hostile.md" "$model" --data "$deal" --lang de,en \
			--set "$1.name=$hostile1" --set "$2.name=$hostile2" \
			-f markdown -O flavour=$flavour; then
			fail "$name: renders with names that look like markup ($flavour)"
			show "$work/hostile.md.err"
			continue
		fi
		pandoc -f $flavour -t plain --wrap=none "$work/hostile.md" >"$work/plain"
		pandoc -f $flavour -t html "$work/hostile.md" >"$work/html"
		if grep -q -F -e "$hostile1" "$work/plain" &&
			grep -q -F -e "$hostile2" "$work/plain" &&
			! grep -q -e '<b>' -e '<code>' -e '<del>' -e '<img' -e '<!--' \
				-e 'href="#y"' -e 'href="j"' "$work/html"; then
			pass "$name: names that look like markup stay text ($flavour)"
		else
			fail "$name: names that look like markup stay text ($flavour)"
			grep -n -e Acme -e Beta "$work/hostile.md" | head -n 4
		fi
	done
done

# ------------------------------------------------- every block kind ---
# The templates have no annex, table, footnote or signature block: a
# model of our own has every block kind plugin.h names, in English (no
# catalog to install); German comes as draft text, marked "[EN: ...]".
cat >"$work/every.xml" <<'EOF_MODEL'
<?xml version="1.0" encoding="UTF-8"?>
<agreement xmlns="urn:pactum:model:1" id="sdk-every" version="1.2"
           date="2026-12-01" domain="pactum-sdk-every" source-lang="en"
           prevailing="en" omitted="keep">
  <title>Every Block Agreement</title>
  <cover><p>between the <party-ref ref="seller"/> and the <party-ref ref="buyer"/></p></cover>
  <parties>
    <party id="seller"><role>Seller</role></party>
    <party id="buyer"><role>Buyer</role></party>
  </parties>
  <parameters>
    <param id="lead" type="text"/>
    <param id="next" type="text"/>
    <param id="extra" type="boolean" default="no"/>
  </parameters>
  <terms>
    <term id="goods"><name>Goods</name><definition>the items listed in <xref ref="list-annex"/></definition></term>
  </terms>
  <preamble>
    <title>Recitals</title>
    <recital id="why">The <party-ref ref="seller"/> sells <term-ref ref="goods"/>.</recital>
    <p>The parties agree as follows:</p>
  </preamble>
  <body>
    <section id="main">
      <title>Main</title>
      <clause id="plain"><p>Plain.</p><p><var name="lead"/></p><p>Opening:<br/><var name="next"/></p></clause>
      <clause id="marks">
        <title>Marks</title>
        <p>An <em>emphasised </em>word, <strong>strong</strong> text and a note.<footnote>The note, see <xref ref="duties"/>.</footnote></p>
      </clause>
      <section id="sub">
        <title>Sub</title>
        <clause id="duties">
          <list ordered="yes">
            <item id="first">first, which includes:
              <list ordered="yes"><item id="nested">a nested duty;</item></list>
            </item>
            <item>second, as <xref ref="nested"/> says.</item>
          </list>
          <list><item>an unordered item</item></list>
          <table>
            <row><cell>no header</cell><cell>row</cell></row>
            <row><cell>a | pipe</cell><cell>b<footnote>In a cell.</footnote></cell></row>
          </table>
        </clause>
      </section>
      <clause id="gone" if="extra"><p>Left out.</p></clause>
    </section>
    <signatures/>
  </body>
  <annex id="list-annex"><title>Goods</title><p>Items.</p></annex>
  <annex id="opt-annex" if="extra"><title>Extra</title><p>Nothing.</p></annex>
</agreement>
EOF_MODEL
cat >"$work/every.deal.xml" <<'EOF_DEAL'
<?xml version="1.0" encoding="UTF-8"?>
<deal xmlns="urn:pactum:deal:1">
  <party id="seller"><name>Seller GmbH</name><signatory><name>A. Seller</name><function>CEO</function></signatory></party>
  <party id="buyer"><name>Buyer AG</name></party>
</deal>
EOF_DEAL
# text that would start a list where a line starts
lead='1. Lead *not* a list'
next='- next + = 2) #'
set -- "$work/every.xml" --data "$work/every.deal.xml" --set "lead=$lead" \
	--set "next=$next"
e=$work/every
if render "$e.txt" "$@" --lang en -f text -w 1000; then
	for flavour in gfm commonmark; do
		if ! render "$e.$flavour.md" "$@" --lang en -f markdown \
			-O flavour=$flavour; then
			fail "every block kind: renders ($flavour)"
			show "$e.$flavour.md.err"
			continue
		fi
		check_md "every block kind [$flavour]" "$e.$flavour.md" $flavour "$e.txt"
		pandoc -f $flavour -t plain --wrap=none "$e.$flavour.md" >"$work/plain"
		pandoc -f $flavour -t html "$e.$flavour.md" >"$work/html"
		: >"$work/missing"
		for want in "$lead" "$next" "Place, date: ____________" \
			"Name: A. Seller" "Name: ____________" "1.3 Sub" \
			"1.4 [intentionally omitted]" "Footnotes"; do
			grep -q -x -F -e "$want" "$work/plain" ||
				echo "no line \"$want\"" >>"$work/missing"
		done
		# an annex by its label, "Annex 1" (with a no-break space)
		grep -q -x -E 'Annex.{1,2}1 – Goods' "$work/plain" &&
			grep -q -x -E 'Annex.{1,2}2 \[intentionally omitted\]' "$work/plain" ||
			echo "no annex headings" >>"$work/missing"
		# the notes at the end, by number (linked one way: from the mark)
		grep -q -x -E '\[1\] The note, see Section.{1,2}1\.3\.1\.' "$work/plain" ||
			echo "no note [1]" >>"$work/missing"
		for want in '<em>emphasised</em> word' '<strong>strong</strong>' \
			'<a href="#nested">' '<a href="#fn.2">[2]</a>' \
			'a | pipe'; do
			grep -q -F -e "$want" "$work/html" ||
				echo "no $want in the HTML" >>"$work/missing"
		done
		# two lists in a row stay two (and one nested); a table is one
		# (GFM) or a list
		[ "$(grep -c '^<ul>' "$work/html")" -eq \
			"$([ $flavour = gfm ] && echo 3 || echo 4)" ] ||
			echo "$(grep -c '^<ul>' "$work/html") lists" >>"$work/missing"
		if [ $flavour = gfm ] && { ! grep -q '<table>' "$work/html" ||
			grep -q '<th>no header' "$work/html"; }; then
			echo "no table, or its first row made its head" >>"$work/missing"
		fi
		if [ -s "$work/missing" ]; then
			fail "every block kind [$flavour]: shows what it should"
			show "$work/missing"
		else
			pass "every block kind [$flavour]: shows what it should"
		fi
	done
	if render "$e.outline" "$@" --lang en -f outline &&
		text_numbers "$e.txt" >"$work/want" &&
		numbers "$e.outline" >"$work/got" &&
		cmp -s "$work/want" "$work/got"; then
		pass "every block kind: the outline lists the clause numbers of the text"
	else
		fail "every block kind: the outline lists the clause numbers of the text"
	fi
else
	fail "every block kind: the text renders"
	show "$e.txt.err"
fi
# draft German beside English: marked, and every link still resolves
for layout in interleaved sequential; do
	if "$PACTUM" render "$@" --lang de,en --draft --layout $layout \
		-f markdown >"$e.draft.md" 2>"$work/err" &&
		grep -q 'draft' "$work/err"; then
		check_md "every block kind [de,en --draft, $layout]" "$e.draft.md" gfm
		if pandoc -f gfm -t plain --wrap=none "$e.draft.md" |
			grep -q -F '[EN: The Seller sells Goods.]'; then
			pass "every block kind [de,en --draft, $layout]: draft text is marked"
		else
			fail "every block kind [de,en --draft, $layout]: draft text is marked"
		fi
	else
		fail "every block kind: renders a draft ($layout)"
		show "$work/err"
	fi
done

if [ "$renders" -gt 0 ]; then
	pass "$renders Markdown renders of the templates in $TEMPLATES"
else
	fail "templates to render in $TEMPLATES"
	finish
fi

# ----------------------------------------------------------- options ---
set -- "$last_model" --data "$last_deal" --lang de,en -f markdown
"$PACTUM" render "$@" -O flavour=pandoc >"$work/out" 2>"$work/err"
status=$?
if [ "$status" -eq 2 ] && grep -q 'markdown' "$work/err" &&
	! [ -s "$work/out" ]; then
	pass "-O flavour=pandoc is refused (exit 2) naming the markdown writer"
else
	fail "-O flavour=pandoc is refused (exit $status, want 2) naming the markdown writer"
	show "$work/err"
fi
if render "$work/cm" "$@" -O flavour=CommonMark &&
	cmp -s "$work/cm" "$last_base.de-en_commonmark.md"; then
	pass "-O flavour=CommonMark is taken, ignoring case"
else
	fail "-O flavour=CommonMark is taken, ignoring case"
	show "$work/cm.err"
fi
# parallel, asked for, falls back with a warning; by default silently
"$PACTUM" render "$@" --layout parallel >"$work/par" 2>"$work/err"
status=$?
if [ "$status" -eq 0 ] && grep -q 'markdown.*interleaved' "$work/err" &&
	cmp -s "$work/par" "$last_base.de-en.md"; then
	pass "--layout parallel warns and falls back to interleaved"
else
	fail "--layout parallel warns and falls back to interleaved (exit $status)"
	show "$work/err"
fi
finish
