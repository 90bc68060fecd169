#!/bin/sh
# Every template's options exercised: each boolean on and off, each choice
# value, each bounded number at its minimum and its maximum.  Each variant
# must render strictly in German and English without a word on stderr,
# number its sections, clauses and items without gaps, and every
# cross-reference must show a number that exists.
. "${top_srcdir:-..}/tests/e2e/lib.sh"
LC_ALL=C LANGUAGE=
export LC_ALL LANGUAGE
cd "$top_srcdir" || exit 99
P="$top_builddir/pactum-uninstalled"
PACTUM_PLUGIN_PATH="$PACTUM_PLUGIN_PATH"
export PACTUM_PLUGIN_PATH

attr() { # attr MODEL XPATH: attribute values, one a line (may hold spaces)
	xmllint --xpath "$2" "$1" 2>/dev/null | sed 's/" /"\n/g' |
		sed -n 's/^ *[a-z-]*="\([^"]*\)"$/\1/p'
}
param() { printf '//*[local-name()="param"]%s' "$1"; }

# check_numbering FILE: gaps in numbering, or xrefs to missing numbers
check_numbering() {
	awk '
	# an annex numbers its sections and clauses from 1 again
	/^ *annex #/ { for (key in last) delete last[key] }
	/^ *(section|clause) #/ {
		n = $NF; k = split(n, part, ".");
		parent = ""; for (i = 1; i < k; i++) parent = parent part[i] ".";
		if (part[k] != last[parent] + 1) { print "gap before " n; bad = 1 }
		last[parent] = part[k]; seen[n] = 1;
		# a new section restarts the numbering below it
		for (key in last) if (index(key, n ".") == 1) delete last[key]
	}
	{
		line = $0
		# word, no-break space (UTF-8 C2 A0), number
		while (match(line, /\[xref@[^]]*\](Section|Ziffer)\302\240[0-9.]+/)) {
			ref = substr(line, RSTART, RLENGTH); sub(/.*\240/, "", ref);
			refs[ref] = 1; line = substr(line, RSTART + RLENGTH)
		}
	}
	END {
		for (r in refs) if (!(r in seen)) { print "xref to missing " r; bad = 1 }
		exit bad
	}' "$1"
}

variant() { # variant MODEL DEALS NAME=VALUE: on the first deal that takes it
	for d in $2; do
		: >"$work/gaps"
		if "$P" render "$1" --data "$d" --lang de,en --format dump \
			--set "$3" >"$work/out" 2>"$work/err" && [ ! -s "$work/err" ] &&
			check_numbering "$work/out" >"$work/gaps"; then
			pass "$(basename "$(dirname "$1")") $3 ($(basename "$d" .xml))"
			return
		fi
		[ "$d" = "${2%% *}" ] && cat "$work/err" "$work/gaps" | head -10 >"$work/first"
	done
	fail "$(basename "$(dirname "$1")") $3"
	cat "$work/first"
}

for model in templates/*/agreement.xml; do
	# an option a deal cannot take (a software key for a SaaS order) is
	# tried on the template's other deals
	deal=$(ls "$(dirname "$model")"/deals/*.xml | tr '\n' ' ')
	for p in $(attr "$model" "$(param '[@type="boolean" and not(@value)]/@id')"); do
		variant "$model" "$deal" "$p=yes"
		variant "$model" "$deal" "$p=no"
	done
	for p in $(attr "$model" "$(param '[@type="choice" and not(@value)]/@id')"); do
		for v in $(attr "$model" "$(param "[@id=\"$p\"]")/*[local-name()=\"choice\"]/@value"); do
			variant "$model" "$deal" "$p=$v"
		done
	done
	# (a list's min and max count its records: the deals exercise them)
	for p in $(attr "$model" "$(param '[(@min or @max) and not(@type="list") and not(@value)]/@id')"); do
		for bound in min max; do
			v=$(attr "$model" "$(param "[@id=\"$p\"]/@$bound")")
			[ -z "$v" ] || variant "$model" "$deal" "$p=$v"
		done
	done
done

finish
