# Shared by the end-to-end tests: run pactum from the build tree and count
# results.  Sourced; expects top_srcdir and top_builddir in the environment
# (make check sets them).
set -u
: "${top_srcdir:=..}" "${top_builddir:=.}"
PACTUM_PLUGIN_PATH="$top_builddir/plugins/xml/.libs:$top_builddir/plugins/text/.libs:$top_builddir/plugins/docbook/.libs:$top_builddir/tests/plugins/.libs"
export PACTUM_PLUGIN_PATH
unset PACTUM_CATALOG_PATH
PACTUM="$top_builddir/core/pactum"
DATA="$top_srcdir/tests/data"
CATALOGS="$top_builddir/tests/catalogs"
passed=0
failed=0
work=$(mktemp -d "${TMPDIR:-/tmp}/pactum-e2e.XXXXXX")
trap 'rm -rf "$work"' EXIT

pass() { passed=$((passed + 1)); echo "PASS: $1"; }
fail() { failed=$((failed + 1)); echo "FAIL: $1"; }

# expect_status NAME WANT CMD...: run CMD, stdout/stderr to $work/out,err
expect_status() {
	name=$1 want=$2
	shift 2
	"$@" >"$work/out" 2>"$work/err"
	got=$?
	if [ "$got" -eq "$want" ]; then
		pass "$name"
	else
		fail "$name (exit $got, want $want)"
		sed 's/^/    /' "$work/err" | head -20
	fi
}

# expect_grep NAME FILE PATTERN: FILE contains PATTERN (fixed string)
expect_grep() {
	if grep -qF -- "$3" "$2"; then
		pass "$1"
	else
		fail "$1 (no \"$3\" in $(basename "$2"))"
		sed 's/^/    /' "$2" | head -20
	fi
}

finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}
