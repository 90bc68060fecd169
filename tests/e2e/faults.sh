#!/bin/sh
# Failure injection through whole commands (tests/faults, see
# tests/unit/faults.c): a bilingual render of the largest template with
# every writer, and a batch, each run again and again with the k-th
# allocation of pactum's own code failing in run k, for every k.  Every
# such run must exit 4 saying "out of memory", free what it allocated and
# leave no output (render) or only complete files (batch).  Under the
# sanitizers of check-all's distcheck (PACTUM_TEST_SANITIZED), which find
# the leaks and bad accesses outside pactum's allocator, every 11th k.
. "${top_srcdir:-..}/tests/e2e/lib.sh"

LC_ALL=C
export LC_ALL
faults="$top_builddir/tests/faults"
model="$top_srcdir/templates/saas-reseller/agreement.xml"
deal="$top_srcdir/templates/saas-reseller/deals/rheinblick.xml"
step=1
if [ -n "${PACTUM_TEST_SANITIZED:-}" ]; then
	step=11
fi

# start ID FAULTS-ARGS...: tests/faults in the background, its summary in
# $work/ID.out, its complaint in $work/ID.err, its status in $work/ID.rc
start() {
	id=$1
	shift
	{
		"$faults" --quiet --step "$step" "$@" >"$work/$id.out" \
			2>"$work/$id.err"
		echo $? >"$work/$id.rc"
	} &
}

# verdict ID NAME: pass or fail what start ID ran
verdict() {
	if [ "$(cat "$work/$1.rc")" = 0 ]; then
		pass "$2: $(sed 's/^faults: //' "$work/$1.out")"
	else
		fail "$2"
		tail -n 5 "$work/$1.err" | sed 's/^/    /'
	fi
}

# The writers two at a time (the machine's cores), each in its own
# directory; PDF needs Chromium, which tools/install-deps.sh installs.
for w in text docbook docx html pdf; do
	mkdir "$work/$w"
	out="$work/$w/agreement.$w"
	start "$w" --out "$out" render "$model" --data "$deal" --lang de,en \
		--format "$w" -o "$out"
	if [ "$w" = docbook ] || [ "$w" = html ]; then
		wait
	fi
done
wait
for w in text docbook docx html pdf; do
	verdict "$w" "render --format $w"
done

# A batch: its own code (names, fingerprints, the manifest, the pool) with
# two writers, one thread, then two (the order of allocations varies: the
# checks hold all the same).
mkdir "$work/batch1" "$work/batch2"
start batch1 --out "$work/batch1" batch "$model" \
	--data "$DATA/deals/saas.xml" --output-dir "$work/batch1" \
	--lang de,en --format docbook,docx --jobs 1
step=$((step * 7))
start batch2 --out "$work/batch2" batch "$model" \
	--data "$DATA/deals/saas.xml" --output-dir "$work/batch2" \
	--lang de,en --format docbook,text --jobs 2
wait
verdict batch1 "batch --jobs 1"
verdict batch2 "batch --jobs 2, k in steps of ${step}"
finish
