#!/bin/sh
# make fuzz from a tree not configured for it: a copy of the sources in
# fuzz-build/ (a configured source tree cannot serve a second build
# directory), configured with CC=clang --enable-fuzz and built there, then
# its 'make fuzz'.  Run again, it copies only what changed and rebuilds
# only that.  FUZZ_TIME, FUZZ_FLAGS and FUZZ_TARGETS pass through.
#   FUZZ_DIR   where (default: fuzz-build in the current directory)
#   FUZZ_CC    the compiler (default: clang)
set -eu
srcdir=$(cd "$(dirname "$0")/.." && pwd)
dir=${FUZZ_DIR:-$(pwd)/fuzz-build}
MAKE=${MAKE:-make}
cc=${FUZZ_CC:-clang}
jobs=$(nproc 2>/dev/null || echo 2)

if ! command -v "$cc" >/dev/null 2>&1; then
	echo "make fuzz: $cc not found (tools/install-deps.sh installs clang)" >&2
	exit 1
fi
mkdir -p "$dir/src"
# the sources: what git tracks (and what it would, not yet added), else
# what a release tarball holds
if git -C "$srcdir" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	(cd "$srcdir" && git ls-files -z --cached --others --exclude-standard |
		xargs -0 sh -c 'for f; do [ -f "$f" ] && printf "%s\n" "$f"; done' sh) \
		>"$dir/files"
	(cd "$srcdir" && tar -cf - -T "$dir/files") | (cd "$dir/src" && tar -xpf - --keep-newer-files 2>/dev/null || true)
else
	# a release: what 'make distdir' puts in one (run from the build
	# directory; gettext's po directory wants a relative distdir)
	rm -rf .fuzz-dist
	$MAKE -s distdir distdir=.fuzz-dist >/dev/null
	(cd .fuzz-dist && tar -cf - .) | (cd "$dir/src" && tar -xpf -)
	rm -rf .fuzz-dist
fi
cd "$dir/src"
if [ ! -f configure ] || [ configure.ac -nt configure ]; then
	autoreconf -fi >/dev/null
fi
if [ ! -f config.status ] || [ configure -nt config.status ]; then
	./configure -q CC="$cc" --enable-fuzz >/dev/null 2>&1 ||
		{ tail -n 30 config.log >&2; exit 1; }
fi
exec $MAKE -s -j"$jobs" fuzz FUZZ_TIME="${FUZZ_TIME:-60}" \
	FUZZ_FLAGS="${FUZZ_FLAGS:-}" ${FUZZ_TARGETS:+FUZZ_NAMES="$FUZZ_TARGETS"}
