#!/bin/sh
# Every shipped template with each of its example deals: strict renders in
# en, de and de+en (every layout, both writers) without a single warning,
# compared byte for byte with the golden files in tests/golden/, and the
# DocBook checked against the schema and the toolchain.
#
# After an intended change of the output, regenerate the golden files with
#   UPDATE_GOLDEN=1 make check TESTS=tests/e2e/templates.sh
# and read the diff before committing it.
. "${top_srcdir:-..}/tests/e2e/lib.sh"
PACTUM="$top_builddir/pactum-uninstalled"
golden="$top_srcdir/tests/golden"

for model in "$top_srcdir"/templates/*/agreement.xml; do
	tdir=$(dirname "$model")
	tname=$(basename "$tdir")
	for deal in "$tdir"/deals/*.xml; do
		dname=$(basename "$deal" .xml)
		golden_renders "$tname" "$golden/$tname" "$dname" "$model" \
			--data "$deal"
		# DocBook validity, all layouts, through the shared checker
		case " $(test_deals "$tdir" | tr '\n' ' ')" in
		*" $deal "*) ;;
		*) continue ;;
		esac
		if PACTUM="$PACTUM" sh "$top_srcdir/tests/e2e/docbook-valid.sh" \
			"$model" "$deal" >"$work/db" 2>&1; then
			pass "$tname/$dname DocBook valid ($(tail -n 1 "$work/db"))"
		else
			status=$?
			if [ "$status" -eq 77 ]; then
				# a missing tool is a failure, never a pass
				fail "$tname/$dname DocBook: a tool is missing (tools/install-deps.sh)"
			else
				fail "$tname/$dname DocBook valid"
				grep -v '^PASS' "$work/db" | head -20
			fi
		fi
	done
done

finish
