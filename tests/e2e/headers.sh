#!/bin/sh
# The SDK's headers as a plugin author's compiler meets them: each public
# header alone, as strict C99 and as C++11, warnings as errors; and a
# writer declared with PACTUM_WRITER_DEFINE() in C and in C++, built as an
# out-of-tree plugin is (hidden visibility), exports its descriptor and
# nothing else, and loads.
. "${top_srcdir:-..}/tests/e2e/lib.sh"

: "${CC:=cc}" "${CXX:=c++}"
inc="$top_srcdir/core/include"
strict="-Wall -Wextra -Werror -pedantic"

for h in pactum.h plugin.h; do
	printf '#include <pactum/%s>\n' "$h" >"$work/alone.c"
	expect_status "$h alone: C99" 0 $CC -std=c99 $strict -fsyntax-only \
		-I"$inc" "$work/alone.c"
	cp "$work/alone.c" "$work/alone.cc"
	expect_status "$h alone: C++11" 0 $CXX -std=c++11 $strict \
		-fsyntax-only -I"$inc" "$work/alone.cc"
done

cat >"$work/tiny.c" <<'CODE'
#include <pactum/plugin.h>

static int tiny_write(pactum_sink *sink, const pactum_doc *doc,
		      const pactum_options *opts, pactum_diag *diag)
{
	(void)opts;
	(void)diag;
	return pactum_sink_puts(sink, pactum_doc_id(doc));
}

static const pactum_option_spec tiny_options[] = {
	{ "shout", PACTUM_OPTION_BOOL, 0, 0, NULL, "print it loud" },
	{ NULL, (pactum_option_type)0, 0, 0, NULL, NULL }
};

PACTUM_WRITER_DEFINE(TINY_NAME, "1", "a tiny writer", tiny_write,
		     tiny_options);
CODE
cp "$work/tiny.c" "$work/tiny.cc"
mkdir "$work/plugins"
expect_status "a C plugin builds (C99, hidden visibility)" 0 $CC -std=c99 \
	$strict -fPIC -fvisibility=hidden -shared -DTINY_NAME='"tiny-c"' \
	-I"$inc" "$work/tiny.c" -o "$work/plugins/tiny-c.so"
expect_status "a C++ plugin builds (C++11, hidden visibility)" 0 $CXX \
	-std=c++11 $strict -fPIC -fvisibility=hidden -shared \
	-DTINY_NAME='"tiny-cxx"' -I"$inc" "$work/tiny.cc" \
	-o "$work/plugins/tiny-cxx.so"
for p in tiny-c tiny-cxx; do
	nm -D --defined-only "$work/plugins/$p.so" 2>/dev/null |
		awk '{ print $NF }' | grep -v '^_' >"$work/syms"
	if [ "$(cat "$work/syms")" = pactum_plugin_descriptor ]; then
		pass "$p exports the descriptor alone, unmangled"
	else
		fail "$p exports the descriptor alone, unmangled ($(tr '\n' ' ' <"$work/syms"))"
	fi
done
PACTUM_PLUGIN_PATH="$work/plugins:$PACTUM_PLUGIN_PATH" \
	expect_status "both load" 0 "$PACTUM" plugins
expect_grep "the C plugin is listed" "$work/out" "tiny-c     writer"
expect_grep "the C++ plugin is listed" "$work/out" "tiny-cxx   writer"
expect_grep "with its option" "$work/out" "-O shout=yes|no"
if grep -q 'exports' "$work/err"; then
	fail "no export warning"
else
	pass "no export warning"
fi
PACTUM_PLUGIN_PATH="$work/plugins:$PACTUM_PLUGIN_PATH" \
	expect_status "the C++ plugin writes" 0 "$PACTUM" render \
	"$DATA/demo.xml" --data "$DATA/demo-deal.xml" --lang en -f tiny-cxx
expect_grep "what it wrote" "$work/out" "demo"
finish
