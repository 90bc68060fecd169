#!/bin/sh
# One small model per construct of the model format
# (tests/data/constructs/NAME.xml, its German in NAME.de.po, a deal in
# NAME.deal.xml if it needs one; clause libraries in lib/, their German in
# lib/LIB.de.po for the domain pactum-LIB): strict renders in en, de and de+en,
# every layout, both writers, without a word on stderr, compared byte for
# byte with tests/golden/constructs/, and the DocBook checked against the
# schema and the toolchain.
#
# After an intended change of the output, regenerate the golden files with
#   UPDATE_GOLDEN=1 make check TESTS=tests/e2e/constructs.sh
# and read the diff before committing it.
. "${top_srcdir:-..}/tests/e2e/lib.sh"
golden="$top_srcdir/tests/golden/constructs"

for model in "$top_srcdir"/tests/data/constructs/*.xml; do
	name=$(basename "$model" .xml)
	case $name in *.deal) continue ;; esac
	dir=$(dirname "$model")
	domain=pactum-$name
	mkdir -p "$work/$name/de/LC_MESSAGES"
	if ! msgfmt -c --check -o "$work/$name/de/LC_MESSAGES/$domain.mo" \
		"$dir/$name.de.po"; then
		fail "$name: its German catalog compiles"
		continue
	fi
	# the clause libraries' catalogs, each in its own domain
	for po in "$dir"/lib/*.de.po; do
		[ -f "$po" ] || continue
		msgfmt -c --check -o "$work/$name/de/LC_MESSAGES/pactum-$(basename "$po" .de.po).mo" "$po" ||
			fail "$name: library catalog $(basename "$po") compiles"
	done
	set -- --catalog-path "$work/$name"
	[ -f "$dir/$name.deal.xml" ] && set -- "$@" --data "$dir/$name.deal.xml"
	golden_renders constructs "$golden" "$name" "$model" "$@"
	if PACTUM="$PACTUM" sh "$top_srcdir/tests/e2e/docbook-valid.sh" \
		"$model" "" "$@" >"$work/db" 2>&1; then
		pass "$name: DocBook valid ($(tail -n 1 "$work/db"))"
	else
		fail "$name: DocBook valid (exit $?)"
		grep -v '^PASS' "$work/db" | head -20
	fi
done

finish
