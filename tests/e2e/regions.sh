#!/bin/sh
# Regional variants are catalogs: de-AT and de-CH render from
# locales/*/de_AT.po and de_CH.po, which hold only what the region changes
# (Firmenbuch, UID-Nr., ss for ß), falling back to de.po for the rest,
# with CLDR's numbers, currency and month names of the region.  Compared
# byte for byte with tests/golden/regions/.
#
# After an intended change of the output, regenerate the golden files with
#   UPDATE_GOLDEN=1 make check TESTS=tests/e2e/regions.sh
. "${top_srcdir:-..}/tests/e2e/lib.sh"
PACTUM="$top_builddir/pactum-uninstalled"
golden="$top_srcdir/tests/golden/regions"
t="$top_srcdir/templates"

GOLDEN_LANGS="de-AT de-AT,en" golden_renders regions "$golden" \
	referral-alpenpass "$t/referral/agreement.xml" \
	--data "$t/referral/deals/alpenpass.xml"
GOLDEN_LANGS="de-CH de-CH,en" golden_renders regions "$golden" \
	software-reseller-alpenblick "$t/software-reseller/agreement.xml" \
	--data "$t/software-reseller/deals/alpenblick.xml"

# What each region changes, and what it keeps from de.
r="$golden/referral-alpenpass.de-AT.txt"
expect_grep "de-AT: Firmenbuch" "$r" "Firmenbuch: Landesgericht Innsbruck"
expect_grep "de-AT: UID-Nr." "$r" "UID-Nr.: ATU72945318"
expect_grep "de-AT: the rest is de.po's" "$r" "Vertragsparteien"
c="$golden/software-reseller-alpenblick.de-CH.txt"
# a party's labels follow its country, not the rendering's region
expect_grep "de-CH: a German party's USt-IdNr." "$c" "USt-IdNr.: DE327641058"
expect_grep "de: a Swiss party's MWST-Nr." \
	"$top_srcdir/tests/golden/nda/limmatwerk.de.txt" "MWST-Nr.: CHE-312.847.596 MWST"
expect_grep "de: an Austrian party's Firmenbuch" \
	"$top_srcdir/tests/golden/distributor/alpenlink.de.txt" "Firmenbuch:"
expect_grep "de-CH: ss for ß" "$c" "ausschliesslich"
# the deal's German addresses keep theirs
if sed 's/[Ss]traße//g' "$c" | grep -q 'ß'; then
	fail "de-CH: no ß left in the text"; grep -n 'ß' "$c" | head -3
else pass "de-CH: no ß left in the text"; fi
expect_grep "de-CH: CLDR percent" "$c" "Rabatts von 30%"

# Month names and amounts from CLDR: "Jänner" in Austria, "1’234.50" in
# Switzerland.
m="$top_srcdir/tests/data/types.xml"
mkdir -p "$work/cat/de/LC_MESSAGES"
msgfmt -c -o "$work/cat/de/LC_MESSAGES/pactum-types.mo" \
	"$top_srcdir/tests/data/types.de.po"
for region in de-AT de-CH; do
	expect_status "$region: types render" 0 "$top_builddir/core/pactum" \
		render "$m" --lang "$region" --format dump \
		--catalog-path "$work/cat" --set a.name=X --set d=2027-01-15 \
		--set m="1234.5 CHF"
	cp "$work/out" "$work/$region.dump"
done
nb=$(printf '\302\240') # dates hold together
expect_grep "de-AT: Jänner" "$work/de-AT.dump" "15.${nb}Jänner${nb}2027"
expect_grep "de-CH: Januar" "$work/de-CH.dump" "15.${nb}Januar${nb}2027"
expect_grep "de-CH: Swiss grouping" "$work/de-CH.dump" "CHF$(printf '\302\240')1$(printf '\342\200\231')234.50"

# A region pactum has no catalog for falls back to its language.
expect_status "de-LU falls back to de" 0 "$PACTUM" render \
	"$t/referral/agreement.xml" --data "$t/referral/deals/alpenpass.xml" \
	--lang de-LU
expect_grep "de-LU: de's words" "$work/out" "Handelsregister: Amtsgericht"
finish
