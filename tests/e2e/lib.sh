# Shared by the end-to-end tests: run pactum from the build tree and count
# results.  Sourced; expects top_srcdir and top_builddir in the environment
# (make check sets them).
set -u
: "${top_srcdir:=..}" "${top_builddir:=.}"
# Every in-tree plugin (one folder each), then the test plugins.
PACTUM_PLUGIN_PATH=
for _d in "$top_builddir"/plugins/*/; do
	PACTUM_PLUGIN_PATH="$PACTUM_PLUGIN_PATH${_d}.libs:"
done
PACTUM_PLUGIN_PATH="$PACTUM_PLUGIN_PATH$top_builddir/tests/plugins/.libs"
export PACTUM_PLUGIN_PATH
# Never an installed pactum's plugins: they would be shadowed by the build
# tree's, with a warning on stderr that fails every clean-render check.
PACTUM_PLUGIN_SYSTEM_PATH=
export PACTUM_PLUGIN_SYSTEM_PATH
# The build tree's catalogs stand where an installed pactum has its own
# (pactum-words and the shipped templates'); a test's --catalog-path adds
# its own in front.
PACTUM_CATALOG_PATH="$top_builddir/catalogs"
export PACTUM_CATALOG_PATH
# test_deals TDIR: the deals whose outputs the clients (LibreOffice,
# Chromium, the DocBook toolchain) and the hyphenation's width sweep
# check: every one, or with PACTUM_TEST_DEALS=first (the sanitizer pass
# of make check-all, where their verdicts cannot change) the first of each
# template; every deal's output is compared with its golden file either
# way.
test_deals() {
	if [ "${PACTUM_TEST_DEALS:-all}" = first ]; then
		ls "$1"/deals/*.xml | head -n 1
	else
		ls "$1"/deals/*.xml
	fi
}
# the shipped templates' clause library, found as an installed pactum would
PACTUM_LIBRARY_PATH="$top_srcdir/templates"
export PACTUM_LIBRARY_PATH
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

# The writers every golden case is rendered with, and each one's golden
# file: golden_ext FORMAT prints the extension; golden_form FORMAT FILE
# prints what is compared (the file itself, or for a container format the
# normalised text of its parts).
GOLDEN_FORMATS="text docbook docx html"
# GOLDEN_ONLY="html": only these (to regenerate one writer's golden files)
[ -n "${GOLDEN_ONLY:-}" ] && GOLDEN_FORMATS=$GOLDEN_ONLY
golden_ext() {
	case $1 in
	text) echo txt ;;
	docbook) echo xml ;;
	html) echo html ;;
	docx) echo docx.txt ;;
	*) echo "$1" ;;
	esac
}
golden_form() {
	case $1 in
	docx) python3 "$top_srcdir/tests/e2e/docx-parts.py" "$2" ;;
	*) cat "$2" ;;
	esac
}

# golden_renders LABEL DIR PREFIX MODEL [RENDER-OPTION...]: strict renders
# of MODEL in en, de and de+en (every layout; GOLDEN_LANGS names others),
# with every writer of GOLDEN_FORMATS, without a word on stderr, each
# compared byte for byte with DIR/PREFIX.LANGS[.LAYOUT].EXT
# (copied there first when UPDATE_GOLDEN is set).  LABEL names the cases.
golden_renders() {
	g_label=$1 g_dir=$2 g_prefix=$3 g_model=$4
	shift 4
	for g_lang in ${GOLDEN_LANGS:-en de de,en}; do
		for g_format in $GOLDEN_FORMATS; do
			g_layouts=parallel
			case $g_lang in *,*) g_layouts="parallel interleaved sequential" ;; esac
			for g_layout in $g_layouts; do
				g_ext=$(golden_ext "$g_format")
				g_file="$g_prefix.$(echo "$g_lang" | tr , -).$g_layout.$g_ext"
				case $g_lang in *,*) ;; *) g_file="$g_prefix.$g_lang.$g_ext" ;; esac
				if ! "$PACTUM" render "$g_model" "$@" --lang "$g_lang" \
					--format "$g_format" --layout "$g_layout" \
					>"$work/out.bin" 2>"$work/err" || [ -s "$work/err" ]; then
					fail "$g_label/$g_file renders cleanly"
					sed 's/^/    /' "$work/err" | head
					continue
				fi
				golden_form "$g_format" "$work/out.bin" >"$work/out"
				if [ -n "${UPDATE_GOLDEN:-}" ]; then
					mkdir -p "$g_dir"
					cp "$work/out" "$g_dir/$g_file"
				fi
				if cmp -s "$work/out" "$g_dir/$g_file"; then
					pass "$g_label/$g_file"
				else
					fail "$g_label/$g_file differs from the golden file"
					diff -u "$g_dir/$g_file" "$work/out" | head -20
				fi
			done
		done
	done
}

finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}
