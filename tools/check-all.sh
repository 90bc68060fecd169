#!/bin/sh
# Every test, as CI runs it (make check-all, from the build directory):
#   1. make check: unit tests (Check) and end-to-end tests;
#   2. the unit tests and a bilingual render again under valgrind;
#   3. the fuzz targets (clang, libFuzzer): their corpora replayed, then
#      each fuzzed for 10 s (tests/fuzz/README.md);
#   4. make distcheck, whose build runs the whole suite again compiled with
#      AddressSanitizer and UndefinedBehaviorSanitizer, warnings as errors.
set -eu
srcdir=$(cd "$(dirname "$0")/.." && pwd)
MAKE=${MAKE:-make}

# the tests side by side, one per core; a failing test's log is printed
jobs=$(nproc 2>/dev/null || echo 2)

# the time since the start, for the log: CI has 30 minutes
started=$(date +%s)
elapsed() { echo "$(($(date +%s) - started)) s"; }

echo "== make check"
$MAKE -j"$jobs" check VERBOSE=1

echo "== valgrind ($(elapsed))"
if command -v valgrind >/dev/null 2>&1; then
	vg="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect"
	top_srcdir=$srcdir top_builddir=$(pwd)
	export top_srcdir top_builddir
	plugins=
	for d in "$(pwd)"/plugins/*/; do plugins="$plugins${plugins:+:}${d}.libs"; done
	vgdir=$(mktemp -d)
	# Each check under valgrind is one thread: all of them at once, each
	# with its log, printed when it fails.
	vgpids=
	# shellcheck disable=SC2086 # $vg is a command line
	for t in tests/check_core tests/check_plugins tests/check_deals; do
		# CK_FORK=no: one process, so every leak is seen
		CK_FORK=no CK_VERBOSITY=silent ./libtool --mode=execute $vg \
			"./$t" >"$vgdir/${t#tests/}.log" 2>&1 &
		vgpids="$vgpids $!:${t#tests/}"
	done
	# shellcheck disable=SC2086
	PACTUM_PLUGIN_SYSTEM_PATH= PACTUM_PLUGIN_PATH=$plugins \
		PACTUM_CATALOG_PATH=$(pwd)/catalogs ./libtool --mode=execute $vg ./core/pactum render \
		"$srcdir/tests/data/demo.xml" --data "$srcdir/tests/data/demo-deal.xml" \
		--lang de,en --catalog-path "$(pwd)/tests/catalogs/complete" \
		>/dev/null 2>"$vgdir/render.log" &
	vgpids="$vgpids $!:render"
	# a batch on two threads, a bad deal among them, then resumed:
	# exit 5 (a deal failed) is expected, 99 is a finding
	(
		out=$(mktemp -d)
		for again in "" --resume; do
			status=0
			# shellcheck disable=SC2086
			PACTUM_PLUGIN_SYSTEM_PATH= PACTUM_PLUGIN_PATH=$plugins \
				PACTUM_CATALOG_PATH=$(pwd)/catalogs ./libtool --mode=execute $vg ./core/pactum batch \
				"$srcdir/tests/data/demo.xml" --data "$srcdir/tests/data/deals/batch.xml" \
				--output-dir "$out" --lang de,en --format text,docbook,docx --jobs 2 \
				--catalog-path "$(pwd)/tests/catalogs/complete" $again 2>/dev/null || status=$?
			if [ "$status" -ne 5 ]; then
				echo "valgrind: pactum batch $again: exit $status, want 5"
				exit 1
			fi
		done
		rm -rf "$out"
	) >"$vgdir/batch.log" 2>&1 &
	vgpids="$vgpids $!:batch"
	vgfailed=0
	for p in $vgpids; do
		if ! wait "${p%%:*}"; then
			echo "valgrind: ${p#*:}: findings or a failure:" >&2
			cat "$vgdir/${p#*:}.log" >&2
			vgfailed=1
		fi
	done
	rm -rf "$vgdir"
	if [ "$vgfailed" -ne 0 ]; then
		exit 1
	fi
	echo "valgrind: no findings"
else
	echo "valgrind: not installed (tools/install-deps.sh installs it)" >&2
	exit 1
fi

echo "== fuzz: corpora replayed, then 10 s per target ($(elapsed))"
# A clang tree in fuzz-build/ (tools/fuzz.sh): every fuzz target over its
# whole corpus once, the findings' reproducers among it, then each fuzzed
# briefly, two at a time.
FUZZ_TIME=0 FUZZ_JOBS=$jobs MAKE=$MAKE sh "$srcdir/tools/fuzz.sh"
FUZZ_TIME=10 FUZZ_JOBS=$jobs MAKE=$MAKE sh "$srcdir/tools/fuzz.sh"

echo "== make distcheck (ASan + UBSan, -Werror) ($(elapsed))"
# Under the sanitizers the clients (LibreOffice, Chromium, xsltproc) and
# the width sweep check one deal per template: their verdicts on our files
# cannot change there, and every deal is still rendered and compared with
# its golden file.  PACTUM_TEST_SANITIZED leaves the few tests that only
# measure size (a million elements parsed) to the plain build.
PACTUM_TEST_DEALS=first PACTUM_TEST_SANITIZED=1 $MAKE -j"$jobs" distcheck VERBOSE=1 \
	DISTCHECK_CONFIGURE_FLAGS="--enable-sanitizers --enable-werror"
echo "== done ($(elapsed))"
