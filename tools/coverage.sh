#!/bin/sh
# Line and branch coverage of core/ and plugins/ by make check (make
# coverage, from the build directory).  The distributed sources are copied
# into coverage/src (make distdir), configured and built there with
# gcc --coverage -O0, and their make check runs there; gcovr then reads
# the counts.  Nothing of the normal build is touched: everything is
# written under coverage/, which the next run starts again from nothing.
#   coverage/summary.txt       lines and branches of every file, and the
#                              totals of core/lib, core/cli and each plugin
#   coverage/html/index.html   the same, with every source annotated
#   coverage/check.log         make check's output (a failing test's log)
# COVERAGE_JOBS (default 1) is the -j of the build and of make check.
set -eu
srcdir=$(cd "$(dirname "$0")/.." && pwd)
MAKE=${MAKE:-make}
jobs=${COVERAGE_JOBS:-1}
cov=$(pwd)/coverage

for tool in gcov gcovr python3; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "coverage: $tool not found (tools/install-deps.sh installs it)" >&2
		exit 1
	fi
done

start=$(date +%s)
rm -rf "$cov"
mkdir "$cov"
echo "coverage: copying the sources into $cov/src"
$MAKE distdir distdir=coverage/src >"$cov/distdir.log" 2>&1 || {
	cat "$cov/distdir.log" >&2
	exit 1
}

cd "$cov/src"
echo "coverage: configure and build (gcc --coverage -O0, -j$jobs)"
# atomic counters: a batch renders on threads; libgcov's symbols kept
# inside each plugin, which must export its descriptor alone (loader.sh)
flags="-O0 -g --coverage -fprofile-update=atomic"
./configure -q CFLAGS="$flags" CXXFLAGS="$flags" LDFLAGS="--coverage -Wl,--exclude-libs,libgcov.a" \
	>"$cov/build.log" 2>&1 &&
	rm -f conftest* a-conftest* &&
	$MAKE -j"$jobs" >>"$cov/build.log" 2>&1 || {
	tail -n 40 "$cov/build.log" >&2
	exit 1
}

echo "coverage: make check (-j$jobs), log in $cov/check.log"
status=0
$MAKE -j"$jobs" check VERBOSE=1 >"$cov/check.log" 2>&1 || status=$?
grep -E '^(FAIL|ERROR): tests/' "$cov/check.log" | sort -u | sed 's/^/coverage: /' || :
grep -E '^# (TOTAL|PASS|SKIP|FAIL|ERROR):' "$cov/check.log" | tail -n 5 |
	sed 's/^# /coverage: /' || :

echo "coverage: gcovr"
mkdir "$cov/html"
# core/ and plugins/, not the tests' programs and plugins
gcovr -r "$cov/src" -j "$jobs" --filter "$cov/src/core/" \
	--filter "$cov/src/plugins/" --exclude-unreachable-branches \
	"$cov/src/core" "$cov/src/plugins" \
	--json-summary "$cov/summary.json" \
	--html-details "$cov/html/index.html" --html-title "pactum coverage"
python3 "$srcdir/tools/coverage-summary.py" "$cov/summary.json" >"$cov/summary.txt"
cat "$cov/summary.txt"
end=$(date +%s)
echo "coverage: $cov/summary.txt, $cov/html/index.html ($((end - start)) s)"
if [ "$status" -ne 0 ]; then
	echo "coverage: make check failed (see $cov/check.log)" >&2
	exit "$status"
fi
