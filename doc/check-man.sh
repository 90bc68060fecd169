#!/bin/sh
# Check the man pages: every DocBook source of MAN_XML (doc/Makefile.inc)
# is valid against the DocBook 5.0 RELAX NG schema (jing, one JVM for all
# of them), and every built page is read by groff with all warnings on,
# and by man when it is installed, without a word on stderr; its .TH names
# it as its file does, it holds no FIXME of the stylesheet and no markup
# shown as text, and no line of it is wider than 80 columns.
#
#   check-man.sh [PAGE.xml...]      default: MAN_XML of doc/Makefile.inc
#
# Environment:
#   top_srcdir, top_builddir   the source and build trees (make check sets
#                              them; default: the current directory)
#   DOCBOOK_RNG                the schema (default: Debian's docbook5-xml)
#
# One line per check on stdout, "PASS: ..." or "FAIL: ..." with the
# findings, then "N passed, N failed".  Exit status 0 when all passed, 1
# on any finding or when jing, groff or the schema is missing (a check
# that cannot run has not passed; tools/install-deps.sh installs them).
set -u

: "${top_srcdir:=.}" "${top_builddir:=.}"
DOCBOOK_RNG=${DOCBOOK_RNG:-/usr/share/xml/docbook/schema/rng/5.0/docbook.rng}
# UTF-8 in and out, whatever the caller's locale; no pager.
LC_ALL=C.UTF-8
MANWIDTH=80
MANPAGER="cat"
PAGER="cat"
export LC_ALL MANWIDTH MANPAGER PAGER

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "PASS: $1"; }
fail() { failed=$((failed + 1)); echo "FAIL: $1"; }
# show FILE: its lines, indented, at most 20
show() { sed -n '1,20s/^/    /p' "$1"; }

for tool in jing groff; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		case $tool in
		jing) echo "FAIL: jing is not installed (Debian package jing)" ;;
		groff) echo "FAIL: groff is not installed (Debian package groff-base)" ;;
		esac
		exit 1
	fi
done
if [ ! -r "$DOCBOOK_RNG" ]; then
	echo "FAIL: no DocBook 5.0 schema at $DOCBOOK_RNG (Debian package docbook5-xml)"
	exit 1
fi

if [ $# -eq 0 ]; then
	# shellcheck disable=SC2046
	set -- $(sed -n 's/^MAN_XML *= *//p' "$top_srcdir/doc/Makefile.inc")
	if [ $# -eq 0 ]; then
		echo "FAIL: no MAN_XML in $top_srcdir/doc/Makefile.inc"
		exit 1
	fi
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/check-man.XXXXXX") || exit 99
trap 'rm -rf "$work"' EXIT

# The sources, in one run of jing.  Debian's jing wrapper warns on every
# start about optional jars it does not find; that is no finding.
sources=
for xml in "$@"; do
	case $xml in /*) src=$xml ;; *) src=$top_srcdir/$xml ;; esac
	if [ -r "$src" ]; then
		sources="$sources $src"
	else
		fail "$xml: no such file"
	fi
done
if [ -n "$sources" ]; then
	# shellcheck disable=SC2086
	jing "$DOCBOOK_RNG" $sources >"$work/jing" 2>&1
	status=$?
	grep -v '^\[warning\] [^ ]*jing: Unable to locate ' "$work/jing" >"$work/findings"
	if [ "$status" -eq 0 ] && [ ! -s "$work/findings" ]; then
		pass "jing: every source is valid DocBook 5.0"
	else
		fail "jing: invalid DocBook 5.0 (exit $status)"
		show "$work/findings"
	fi
fi

# The built pages: in the build tree, or in the source tree (a tarball
# ships them).
for xml in "$@"; do
	page=${xml%.xml}
	case $page in
	/*) ;;
	*) if [ -r "$top_builddir/$page" ]; then page=$top_builddir/$page
	   else page=$top_srcdir/$page; fi ;;
	esac
	name=${page##*/}
	if [ ! -r "$page" ]; then
		fail "$name: not built (make ${xml%.xml})"
		continue
	fi

	# .TH "PACTUM-MODEL" "5" names the file pactum-model.5
	th=$(sed -n 's/^\.TH "\([^"]*\)" "\([^"]*\)".*/\1.\2/p' "$page" |
		sed 's/\\-/-/g' | head -1)
	if [ "$(echo "$th" | tr '[:upper:]' '[:lower:]')" = "$name" ]; then
		pass "$name: .TH names it"
	else
		fail "$name: .TH says \"$th\""
	fi

	if grep -n 'FIXME' "$page" >"$work/findings"; then
		fail "$name: the stylesheet left a FIXME (metadata missing in the source)"
		show "$work/findings"
	else
		pass "$name: no FIXME"
	fi

	groff -t -k -man -Tutf8 -ww -z "$page" >"$work/out" 2>"$work/findings"
	status=$?
	if [ "$status" -eq 0 ] && [ ! -s "$work/findings" ]; then
		pass "$name: groff -ww reads it without a warning"
	else
		fail "$name: groff -ww (exit $status)"
		show "$work/findings"
	fi

	if command -v man >/dev/null 2>&1; then
		man --warnings -E UTF-8 -l "$page" >"$work/text" 2>"$work/findings"
		status=$?
		if [ "$status" -eq 0 ] && [ ! -s "$work/findings" ]; then
			pass "$name: man --warnings reads it without a warning"
		else
			fail "$name: man --warnings (exit $status)"
			show "$work/findings"
		fi
	else
		groff -t -k -man -Tutf8 "$page" 2>/dev/null | col -bx >"$work/text"
	fi

	# What a reader sees: no markup shown as text, no line past 80.
	if grep -n -e '&[a-z]*;' -e '\\f[BIRP]' -e '\\(..' -e '<refentry' \
		"$work/text" >"$work/findings"; then
		fail "$name: markup shown as text"
		show "$work/findings"
	else
		pass "$name: no markup shown as text"
	fi
	width=$(wc -L <"$work/text")
	if [ "$width" -le 80 ]; then
		pass "$name: no line wider than 80 columns"
	else
		fail "$name: a line is $width columns wide"
		awk 'length > 80' "$work/text" | sed -n '1,5s/^/    /p'
	fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
