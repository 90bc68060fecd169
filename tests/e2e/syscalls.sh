#!/bin/sh
# The error branches that only a failing system call reaches: in pactum
# batch (syncfs, the manifest's fdatasync, writes, reads, seeks and
# truncation of a resumed manifest, the checksums of an earlier run's
# files, the deal file read or changed under it), in reading an input
# file, and in the loader's reading of a plugin directory.  The call is
# made to fail by tests/faultfs (see tests/faultfs/faultfs.c), preloaded
# into pactum's binary itself: PACTUM_TEST_FAULT=CALL:ERROR[:MATCH][#N].
# Each case checks the exit status of the README, the message (the file
# and the reason), and that nothing partial is left: the files of a
# run are complete or absent, earlier ones intact, no temporary beside.
. "${top_srcdir:-..}/tests/e2e/lib.sh"

# strerror()'s texts, in English
LC_ALL=C
export LC_ALL
faultfs="$top_builddir/tests/faultfs/.libs/faultfs.so"
# The program, not the libtool wrapper (a shell, whose calls would fail
# too); where there is none (a static build) core/pactum is the program.
bin="$top_builddir/core/.libs/pactum"
[ -x "$bin" ] || bin=$PACTUM
LD_LIBRARY_PATH="$top_builddir/core/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
# Under ASan (--enable-sanitizers) its runtime is to come first; faultfs
# comes before it, and passes every call on to its interceptors.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
export LD_LIBRARY_PATH ASAN_OPTIONS
model="$DATA/demo.xml"
cd "$work" || exit 1

# fault SPEC CMD-ARG...: pactum CMD-ARG... with SPEC's call failing
fault() {
	f_spec=$1
	shift
	PACTUM_TEST_FAULT=$f_spec LD_PRELOAD=$faultfs "$bin" "$@"
}
# fb SPEC BATCH-ARG...: pactum batch of the demo model, SPEC failing
fb() {
	f_spec=$1
	shift
	fault "$f_spec" batch "$model" --catalog-path "$CATALOGS/complete" \
		--lang en "$@"
}
expect_err() { expect_grep "$1" "$work/err" "$2"; }
# clean NAME DIR: no temporary file in DIR
clean() {
	if ls -A "$2" | grep -q '^\.pactum-'; then
		fail "$1: a temporary left in $2"
	else
		pass "$1: no temporary left"
	fi
}
# intact NAME DIR: DIR holds the reference run's deal files, unchanged
intact() {
	for i_f in 000001.txt 000002.txt 000003.txt; do
		if ! cmp -s "ref/$i_f" "$2/$i_f"; then
			fail "$1: $2/$i_f is not the reference run's"
			return
		fi
	done
	pass "$1: the deal files are complete"
}

# The demo model's three deals, all of which render (batch.xml's second
# lacks its start date).
sed 's#<value name="territory">Austria</value>#&<value name="start">2027-05-01</value>#' \
	"$DATA/deals/batch.xml" >ok.xml
expect_status "the reference run" 0 fb "" --data ok.xml --output-dir ref
cp ref/manifest.jsonl ref.jsonl

# --- the library is in effect ---------------------------------------------
expect_status "a fault spec that cannot be read stops pactum" 99 \
	fb "syncfs:EBOGUS" --data ok.xml --output-dir never
expect_err "a fault spec that cannot be read: said" \
	"faultfs: cannot read PACTUM_TEST_FAULT=syncfs:EBOGUS"

# --- the output directory's syncfs (batch.c sync_outdir) ------------------
expect_status "syncfs fails" 4 fb "syncfs:EIO" --data ok.xml --output-dir s
expect_err "syncfs fails: said" \
	"pactum: error: --output-dir s: cannot sync: Input/output error"
clean "syncfs fails" s

# --- writing the manifest -------------------------------------------------
expect_status "the header's write fails" 4 \
	fb "write:ENOSPC:manifest.jsonl" --data ok.xml --output-dir w1
expect_err "the header's write fails: said" \
	"w1/manifest.jsonl: error: cannot write: No space left on device"
[ "$(ls -A w1)" = manifest.jsonl ] && [ ! -s w1/manifest.jsonl ] &&
	pass "the header's write fails: no deal rendered" ||
	fail "the header's write fails: something written"
expect_status "the header's write writes nothing" 4 \
	fb "write:0:manifest.jsonl" --data ok.xml --output-dir w2
expect_err "the header's write writes nothing: said" \
	"w2/manifest.jsonl: error: cannot write: nothing written"
expect_status "a deal's line fails" 4 \
	fb "write:ENOSPC:manifest.jsonl#2" --data ok.xml --output-dir w3
expect_err "a deal's line fails: said" \
	"w3/manifest.jsonl: error: cannot write: No space left on device"
[ "$(wc -l <w3/manifest.jsonl)" -eq 1 ] &&
	pass "a deal's line fails: the manifest has the header only" ||
	fail "a deal's line fails: the manifest has more than the header"
clean "a deal's line fails" w3
expect_status "a deal's line interrupted (EINTR)" 0 \
	fb "write:EINTR:manifest.jsonl#2" --data ok.xml --output-dir w4
cmp -s w4/manifest.jsonl ref/manifest.jsonl &&
	pass "EINTR: the manifest written whole" ||
	fail "EINTR: the manifest differs from the reference run's"
expect_status "the manifest's fdatasync fails" 4 \
	fb "fdatasync:EIO:manifest.jsonl" --data ok.xml --output-dir w5
expect_err "the manifest's fdatasync fails: said" \
	"w5/manifest.jsonl: error: cannot write: Input/output error"
intact "the manifest's fdatasync fails" w5

# --- resuming: reading and merging the earlier runs ------------------------
# resume NAME STATUS SPEC MESSAGE: --resume of the reference run in r,
# SPEC failing: STATUS and MESSAGE; the deal files unchanged
resume() {
	rm -rf r
	cp -R ref r
	expect_status "--resume, $1" "$2" fb "$3" --data ok.xml \
		--output-dir r --resume
	[ -z "${4:-}" ] || expect_err "--resume, $1: said" "$4"
	intact "--resume, $1" r
	clean "--resume, $1" r
}
resume "the manifest cannot be opened for reading" 4 \
	"fopen:EIO:manifest.jsonl#1" \
	"r/manifest.jsonl: error: cannot read: Input/output error"
cmp -s r/manifest.jsonl ref.jsonl && pass "the manifest kept as it was" ||
	fail "the manifest changed"
resume "a segment cannot be opened" 4 "fopen:EIO:manifest.jsonl#2" \
	"r/manifest.jsonl: error: cannot read: Input/output error"
resume "a segment cannot be sought" 4 "fseeko:EIO:manifest.jsonl#1" \
	"r/manifest.jsonl: error: cannot read: Input/output error"
# the merge: #2 seeks this run's segment, #3 rewinds the earlier one
resume "the merge cannot seek this run's segment" 4 \
	"fseeko:EIO:manifest.jsonl#2" \
	"r/manifest.jsonl: error: cannot merge the runs: Input/output error"
[ "$(grep -c '^{"manifest"' r/manifest.jsonl)" -eq 2 ] &&
	pass "an unmerged manifest keeps both runs" ||
	fail "an unmerged manifest lost a run"
expect_status "an unmerged manifest: the next --resume" 0 fb "" \
	--data ok.xml --output-dir r --resume
expect_err "an unmerged manifest: the next --resume skips all" \
	"0 rendered, 0 failed, 3 skipped"
[ "$(grep -c '^{"manifest"' r/manifest.jsonl)" -eq 1 ] &&
	pass "an unmerged manifest: merged by the next --resume" ||
	fail "an unmerged manifest: not merged by the next --resume"
resume "the merge cannot rewind a segment" 4 "fseeko:EIO:manifest.jsonl#3" \
	"r/manifest.jsonl: error: cannot merge the runs: Input/output error"
resume "the merged manifest cannot be renamed" 4 \
	"renameat:EIO:manifest.jsonl" "r/manifest.jsonl: error: "
expect_err "the merged manifest cannot be renamed: the reason" \
	"Input/output error"
# a line a kill cut off is truncated away first
rm -rf r
cp -R ref r
printf '{"record":4,"li' >>r/manifest.jsonl
cp r/manifest.jsonl cut.jsonl
expect_status "--resume, the cut line cannot be truncated" 4 \
	fb "ftruncate:EIO:manifest.jsonl" --data ok.xml --output-dir r --resume
expect_err "--resume, the cut line cannot be truncated: said" \
	"r/manifest.jsonl: error: cannot write: Input/output error"
cmp -s r/manifest.jsonl cut.jsonl && pass "the cut manifest kept as it was" ||
	fail "the cut manifest changed"
expect_status "--resume, the cut line truncated" 0 fb "" --data ok.xml \
	--output-dir r --resume
cmp -s r/manifest.jsonl ref.jsonl &&
	pass "the cut line gone, the runs merged into the reference's" ||
	fail "the cut line: the manifest is not the reference run's"
# An earlier file whose checksum cannot be taken is rendered again; one
# read interrupted (EINTR) is read on.
resume "an earlier file's fstat fails" 0 "fstat:EIO:000001.txt"
expect_err "an earlier file's fstat fails: rendered again" \
	"1 rendered, 0 failed, 2 skipped"
resume "an earlier file's read fails" 0 "read:EIO:000001.txt"
expect_err "an earlier file's read fails: rendered again" \
	"1 rendered, 0 failed, 2 skipped"
resume "an earlier file's read interrupted" 0 "read:EINTR:000001.txt#1"
expect_err "an earlier file's read interrupted: skipped" \
	"0 rendered, 0 failed, 3 skipped"
rm -rf r
cp -R ref r
rm r/000002.txt
expect_status "--resume, an earlier file gone" 0 fb "" --data ok.xml \
	--output-dir r --resume
expect_err "--resume, an earlier file gone: rendered again" \
	"1 rendered, 0 failed, 2 skipped"
intact "--resume, an earlier file gone" r
# lines pactum does not write: no input fingerprint, a status too long
rm -rf r
cp -R ref r
{
	head -n 1 ref.jsonl
	echo '{"record":1,"status":"rendered"}'
	echo '{"record":2,"status":"rendered-and-then-some","input":"x"}'
	sed -n 4p ref.jsonl
} >r/manifest.jsonl
expect_status "--resume, lines pactum does not write" 0 fb "" --data ok.xml \
	--output-dir r --resume
expect_err "--resume, lines pactum does not write: rendered again" \
	"2 rendered, 0 failed, 1 skipped"

# --- the deal file ----------------------------------------------------------
expect_status "the deal file's read fails (the names)" 4 \
	fb "read:EIO:ok.xml" --data ok.xml --output-dir d1
expect_err "the deal file's read fails (the names): said" \
	"ok.xml: error: cannot read: Input/output error"
[ ! -e d1 ] && pass "the deal file's read fails (the names): nothing made" ||
	fail "the deal file's read fails (the names): something made"
# the first pass reads the small file in two calls; #3 is the second's
expect_status "the deal file's read fails (the render)" 4 \
	fb "read:EIO:ok.xml#3" --data ok.xml --output-dir d2
expect_err "the deal file's read fails (the render): said" \
	"ok.xml: error: cannot read: Input/output error"
[ "$(ls -A d2)" = manifest.jsonl ] &&
	pass "the deal file's read fails (the render): no deal file" ||
	fail "the deal file's read fails (the render): deal files made"
# the stat after the run tells of a later modification time
expect_status "the deal file changed during the run" 1 \
	fb "stat:MTIME:ok.xml#2" --data ok.xml --output-dir d3
expect_err "the deal file changed during the run: said" \
	"pactum: error: ok.xml changed while the batch ran: check the files, or run it again"
intact "the deal file changed during the run" d3
cp ok.xml deals.json
expect_status "no reader for the deal file" 4 fb "" --data deals.json \
	--output-dir d4
expect_err "no reader for the deal file: said" \
	"deals.json: error: no reader plugin reads deal data of this kind of file"
# a name holding a control character, escaped in the manifest's JSON
tab=$(printf '\t')
cp ok.xml "d${tab}x.xml"
expect_status "a deal file named with a tab" 0 fb "" --data "d${tab}x.xml" \
	--output-dir d5
expect_grep "a deal file named with a tab: escaped" d5/manifest.jsonl \
	'"data":"d\u0009x.xml"'

# --- a file of one deal, read whole (a reader without read_deals) ---------
printf '%s\n' 'vendor.name=Acme Software AG' 'reseller.name=Nordwind IT GmbH' \
	'territory=Germany' 'start=2027-03-01' >one.deal
# one SPEC STATUS NAME: a batch of one.deal through tests/plugins/shapes.c
one() {
	rm -rf o
	o_path=$PACTUM_PLUGIN_PATH
	PACTUM_PLUGIN_PATH="$o_path:$top_builddir/tests/plugins/shapes/.libs"
	PACTUM_TEST_SHAPE=reader-one-deal
	export PACTUM_TEST_SHAPE
	expect_status "$3" "$2" fb "$1" --data one.deal --output-dir o
	unset PACTUM_TEST_SHAPE
	PACTUM_PLUGIN_PATH=$o_path
}
one "" 0 "one deal, read whole"
expect_grep "one deal, read whole: rendered" o/000001.txt "Nordwind IT GmbH"
one "read:EINTR:one.deal#1" 0 "one deal, its read interrupted"
expect_grep "one deal, its read interrupted: rendered" o/000001.txt \
	"Nordwind IT GmbH"
for spec in "read:EIO:one.deal" "fstat:EIO:one.deal#2" "fcntl:EIO:one.deal#2"; do
	one "$spec" 1 "one deal, ${spec%%:*} fails"
	expect_err "one deal, ${spec%%:*} fails: said" \
		"one.deal: error: cannot read: Input/output error"
	[ ! -e o ] && pass "one deal, ${spec%%:*} fails: nothing made" ||
		fail "one deal, ${spec%%:*} fails: something made"
done

# --- the loader: a plugin directory that cannot be read ---------------------
expect_status "a plugin directory cannot be read: plugins" 0 \
	fault "readdir:EIO:plugins/text/.libs" plugins
expect_grep "a plugin directory cannot be read: listed as refused" \
	"$work/out" "cannot read the plugin directory: Input/output error"
expect_grep "a plugin directory cannot be read: named" "$work/out" \
	"plugins/text/.libs"
expect_status "a plugin directory cannot be read: its writer missing" 4 \
	fault "readdir:EIO:plugins/text/.libs" render "$model" \
	--data "$DATA/demo-deal.xml" --lang en --format text -o never.txt
expect_err "a plugin directory cannot be read: said" \
	"no writer plugin named 'text'"
[ ! -e never.txt ] && pass "a plugin directory cannot be read: nothing written" ||
	fail "a plugin directory cannot be read: written"

# --- progress on a terminal: a failed deal's line clears it ----------------
# script(1) (util-linux, on every Debian) runs it on a pseudo-terminal; a
# system without one (a chroot with no /dev/pts) fails here, saying so
if ! command -v script >/dev/null 2>&1; then
	fail "on a terminal: script(1) is missing (Debian: bsdutils)"
elif ! script -qec true /dev/null >/dev/null 2>&1; then
	fail "on a terminal: script(1) cannot open a pseudo-terminal (is devpts mounted on /dev/pts?)"
else
	rm -rf p
	script -qec "'$bin' batch '$model' --catalog-path '$CATALOGS/complete' \
		--lang en --data '$DATA/deals/batch.xml' --output-dir p \
		--progress" /dev/null >tty.out 2>&1
	st=$?
	[ $st -eq 5 ] && pass "on a terminal: exit 5" ||
		fail "on a terminal: exit $st"
	if grep -q "$(printf '\033\\[K')" tty.out; then
		pass "on a terminal: the progress line cleared"
	else
		fail "on a terminal: the progress line not cleared"
	fi
fi
finish
