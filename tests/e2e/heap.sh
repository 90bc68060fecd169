#!/bin/sh
# The pactum command's heap policy (core/cli/heap.c): before it reads a
# model of 256 KiB or more, it grows the heap by what the render will fill
# and advises that range MADV_HUGEPAGE; for a smaller model, in a batch,
# or under another allocator (ASan's), it advises nothing.  The agreement
# is the same either way.  strace(1) shows the calls.
. "${top_srcdir:-..}/tests/e2e/lib.sh"

LC_ALL=C
export LC_ALL
# The program, not the libtool wrapper (a shell, whose calls strace would
# show too); where there is none (a static build) core/pactum is it.
bin="$top_builddir/core/.libs/pactum"
[ -x "$bin" ] || bin=$PACTUM
LD_LIBRARY_PATH="$top_builddir/core/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export LD_LIBRARY_PATH

if ! command -v strace >/dev/null 2>&1; then
	fail "strace not found (tools/install-deps.sh installs it)"
	finish
fi
# ASan's allocator takes the place of glibc's: the policy cannot apply.
# LeakSanitizer cannot run under ptrace, so strace'd runs go without it;
# every other test still checks for leaks.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
export ASAN_OPTIONS
asan=no
if ldd "$bin" 2>/dev/null | grep -q 'libasan' ||
   nm -D "$bin" 2>/dev/null | grep -q ' __asan_init'; then
	asan=yes
fi

# model SECTIONS FILE: a model of SECTIONS sections of ten clauses (300
# bytes a clause)
model() {
	awk -v sections="$1" 'BEGIN {
	print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	print "<agreement xmlns=\"urn:pactum:model:1\" id=\"big\" domain=\"pactum-big\" source-lang=\"en\" prevailing=\"en\">"
	print "  <title>Big Agreement</title>"
	print "  <parties><party id=\"vendor\"><role>Vendor</role></party></parties>"
	print "  <body>"
	for (s = 1; s <= sections; s++) {
		printf "    <section id=\"s%d\"><title>Section %d</title>\n", s, s
		for (c = 1; c <= 10; c++) {
			n = (s - 1) * 10 + c
			printf "      <clause id=\"c%d\"><title>Clause %d</title><p>Under clause %d the <party-ref ref=\"vendor\"/> shall keep complete records of every order it accepts, report once each quarter and keep all information it receives confidential, as far as the law permits and as agreed in writing.</p></clause>\n", n, n, n
		}
		print "    </section>"
	}
	print "  </body>"
	print "</agreement>"
	}' >"$2"
}
# 2000 clauses, some 600 KiB: all of its working set is advised; 5000,
# some 1.5 MiB: more than the 32 MiB advised at most
big="$work/big.xml"
model 200 "$big"
huge="$work/huge.xml"
model 500 "$huge"
if [ "$(wc -c <"$big")" -lt 262144 ] ||
   [ "$(wc -c <"$huge")" -lt $((33554432 / 24)) ]; then
	fail "the models are smaller than the sizes tested"
fi

# advised TRACE: how many MADV_HUGEPAGE calls TRACE shows
advised() { grep -c 'MADV_HUGEPAGE' "$1"; }
# none_advised NAME TRACE: TRACE shows no MADV_HUGEPAGE call
none_advised() {
	na_n=$(advised "$2")
	if [ "$na_n" -eq 0 ]; then
		pass "$1: nothing is advised"
	else
		fail "$1: $na_n ranges advised"
	fi
}

# render_advised NAME MODEL: MODEL's render is advised once, a range 2
# MiB aligned; sets len to its length
render_advised() {
	expect_status "a render of $1" 0 \
		strace -f -qq -e trace=madvise -o "$work/$1.trace" \
		"$bin" render "$2" --set vendor.name=Acme --lang en --format dump
	len=0
	ra_n=$(advised "$work/$1.trace")
	if [ "$asan" = yes ]; then
		none_advised "$1 under ASan" "$work/$1.trace"
		return 1
	fi
	if [ "$ra_n" -ne 1 ]; then
		fail "$1: $ra_n ranges advised, want 1"
		sed 's/^/    /' "$work/$1.trace"
		return 1
	fi
	len=$(sed -n 's/.*madvise(0x[0-9a-f]*, \([0-9]*\), MADV_HUGEPAGE).*/\1/p' \
		"$work/$1.trace")
	ra_addr=$(sed -n 's/.*madvise(0x\([0-9a-f]*\), .*MADV_HUGEPAGE.*/\1/p' \
		"$work/$1.trace")
	if [ $((0x$ra_addr % 2097152)) -eq 0 ]; then
		pass "$1: one range advised, 2 MiB aligned"
	else
		fail "$1: the range at 0x$ra_addr is not 2 MiB aligned"
		return 1
	fi
}

size=$(wc -c <"$big")
if render_advised "the big model" "$big"; then
	# the render's working set, with room
	if [ "$len" -ge $((size * 16)) ] && [ "$len" -lt 33554432 ]; then
		pass "the big model: the range holds the working set"
	else
		fail "the big model: $len bytes advised for a model of $size"
	fi
fi
cp "$work/out" "$work/big.out"
if render_advised "the huge model" "$huge"; then
	if [ "$len" -eq 33554432 ]; then
		pass "the huge model: 32 MiB advised, the cap"
	else
		fail "the huge model: $len bytes advised, want the cap of 32 MiB"
	fi
fi

# pactum batch leaves the heap alone: its agreement for the same deal is
# the render's, byte for byte
cat >"$work/deals.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<deals xmlns="urn:pactum:deal:1">
  <deal><party id="vendor"><name>Acme</name></party></deal>
</deals>
EOF
expect_status "a batch of the big model" 0 \
	strace -f -qq -e trace=madvise -o "$work/batch.trace" \
	"$bin" batch "$big" --data "$work/deals.xml" --output-dir "$work/batch" \
	--lang en --format dump
none_advised "a batch" "$work/batch.trace"
set -- "$work"/batch/*.dump
if [ $# -eq 1 ] && cmp -s "$work/big.out" "$1"; then
	pass "the render is the same with and without huge pages"
else
	fail "the render differs from the batch's agreement ($*)"
fi

expect_status "a render of the small model" 0 \
	strace -f -qq -e trace=madvise -o "$work/small.trace" \
	"$bin" render "$DATA/demo.xml" --data "$DATA/demo-deal.xml" \
	--lang en --format dump
none_advised "a small model" "$work/small.trace"

finish
