#!/bin/sh
# pactum batch: every deal's files equal its single render, whatever
# --jobs; bad deals are reported and skipped; colliding names stop the
# batch before anything is written; a kill -9 then --resume leaves no
# partial file, no duplicate and a manifest that agrees with the files;
# shards run by GNU parallel give the files of one run.
. "${top_srcdir:-..}/tests/e2e/lib.sh"

model="$top_srcdir/templates/software-reseller/agreement.xml"
deals_dir="$top_srcdir/templates/software-reseller/deals"

# deal N: nordwind or alpenblick with the reseller renamed, so that each
# has its own name and its own text
mkdir -p "$work/one"
make_deal() {
	src=$1 n=$2 out=$3
	sed -e "s|<name>Nordwind IT GmbH</name>|<name>Nordwind IT $n GmbH</name>|" \
	    -e "s|<name>Alpenblick Software GmbH</name>|<name>Alpenblick $n GmbH</name>|" \
		"$src" >"$out"
}
# collection OUT N...: a <deals> file of the deals numbered N...
collection() {
	out=$1
	shift
	{
		echo '<?xml version="1.0" encoding="UTF-8"?>'
		echo '<deals xmlns="urn:pactum:deal:1">'
		for n in "$@"; do
			grep -v '^<?xml' "$work/one/$n.xml"
		done
		echo '</deals>'
	} >"$out"
}
i=1
while [ $i -le 40 ]; do
	if [ $((i % 2)) -eq 1 ]; then src=$deals_dir/nordwind.xml; else src=$deals_dir/alpenblick.xml; fi
	make_deal "$src" $i "$work/one/$i.xml"
	i=$((i + 1))
done
collection "$work/six.xml" 1 2 3 4 5 6

batch() { "$PACTUM" batch "$model" "$@"; }
# wait_lines FILE N: until FILE has N lines (a batch under way), 4 s at most
wait_lines() {
	n=0
	while [ $n -lt 200 ] && [ "$(cat "$1" 2>/dev/null | wc -l)" -lt "$2" ]; do
		sleep 0.02
		n=$((n + 1))
	done
}

# --- every deal as rendered alone, in every format ---------------------
formats="text docbook docx html"
expect_status "batch of six in four formats" 0 \
	batch --data "$work/six.xml" --output-dir "$work/b1" --lang de,en \
	--format text,docbook,docx,html --name '{record} {reseller.name}' \
	--jobs 1
expect_grep "summary line" "$work/err" "6 rendered, 0 failed, 0 skipped, of 6 deals"
same=0 differ=0
for n in 1 2 3 4 5 6; do
	rec=$(printf %06d $n)
	for f in $formats; do
		case $f in text) sfx=txt ;; docbook) sfx=xml ;; *) sfx=$f ;; esac
		"$PACTUM" render "$model" --data "$work/one/$n.xml" --lang de,en \
			--format $f -o "$work/single.$sfx" 2>/dev/null
		if cmp -s "$work/single.$sfx" \
			"$work/b1/$rec Nordwind IT $n GmbH.$sfx" ||
		   cmp -s "$work/single.$sfx" \
			"$work/b1/$rec Alpenblick $n GmbH.$sfx"; then
			same=$((same + 1))
		else
			differ=$((differ + 1))
		fi
	done
done
[ $same -eq 24 ] && pass "every file equals its single render (24)" ||
	fail "batch and single renders differ ($differ of 24)"
[ "$(ls "$work/b1" | wc -l)" -eq 25 ] && pass "24 files and a manifest" ||
	fail "files in the output directory: $(ls "$work/b1" | wc -l)"

# PDF too (Chromium prints it, so two deals, not six)
collection "$work/two.xml" 1 2
expect_status "batch of two as PDF" 0 \
	batch --data "$work/two.xml" --output-dir "$work/pdf" --lang de,en \
	--format pdf --jobs 2
same=0
for n in 1 2; do
	"$PACTUM" render "$model" --data "$work/one/$n.xml" --lang de,en \
		--format pdf -o "$work/single.pdf" 2>/dev/null
	cmp -s "$work/single.pdf" "$work/pdf/$(printf %06d $n).pdf" && same=$((same + 1))
done
[ $same -eq 2 ] && pass "every PDF equals its single render" ||
	fail "batch and single PDFs differ"

# --- the manifest agrees with the files ---------------------------------
check_manifest() { # DIR MANIFEST DEALS
	python3 - "$@" <<'EOF'
import hashlib, json, os, sys
d, path, want = sys.argv[1], sys.argv[2], int(sys.argv[3])
lines = open(path, encoding="utf-8").read().split("\n")
assert lines[-1] == "", "the manifest ends in a newline"
head, recs = json.loads(lines[0]), [json.loads(l) for l in lines[1:-1]]
assert head["manifest"] == 1
assert [r["record"] for r in recs] == sorted(set(r["record"] for r in recs)), "one line per deal, in order"
assert len(recs) == want, "%d lines for %d deals" % (len(recs), want)
for r in recs:
    if r["status"] != "rendered":
        continue
    for f in r["files"]:
        data = open(os.path.join(d, f["file"]), "rb").read()
        assert hashlib.sha256(data).hexdigest() == f["sha256"], f["file"]
        assert len(data) == f["bytes"]
EOF
}
check_manifest "$work/b1" "$work/b1/manifest.jsonl" 6 &&
	pass "manifest: one line per deal, checksums of the files" ||
	fail "manifest does not agree with the files"

# --- --jobs 1 and --jobs 4: the same files, the same manifest ------------
expect_status "batch --jobs 4" 0 \
	batch --data "$work/six.xml" --output-dir "$work/b4" --lang de,en \
	--format text,docbook,docx,html --name '{record} {reseller.name}' \
	--jobs 4
diff -r "$work/b1" "$work/b4" >/dev/null && pass "--jobs 1 and --jobs 4 give identical files" ||
	fail "--jobs 4 differs from --jobs 1"

# --- a bad deal is reported and skipped --------------------------------
sed -e 's|<value name="territory">|<value name="territory">|' \
	-e 's|</party>|<colour>red</colour></party>|' "$work/one/3.xml" >"$work/one/bad.xml"
grep -q colour "$work/one/bad.xml" || fail "test setup: no bad deal"
collection "$work/bad.xml" 1 2 bad 4
expect_status "a bad deal: exit 5" 5 \
	batch --data "$work/bad.xml" --output-dir "$work/bad" --lang de,en
expect_grep "the bad deal's reason" "$work/err" "\"reseller.colour\" is neither a parameter nor a party field"
expect_grep "the bad deal's number" "$work/err" "error: deal 3 is not written (the others go on):"
expect_grep "summary with the failure" "$work/err" "3 rendered, 1 failed, 0 skipped, of 4 deals"
line=$(grep -n colour "$work/bad.xml" | head -n 1 | cut -d: -f1)
expect_grep "the bad deal's line" "$work/err" "bad.xml:$line:"
[ ! -e "$work/bad/000003.txt" ] && [ -e "$work/bad/000004.txt" ] &&
	pass "the bad deal writes nothing, the next one is written" ||
	fail "bad deal's file written, or the next one missing"
grep -q '"record":3,.*"status":"failed".*"error":' "$work/bad/manifest.jsonl" &&
	pass "manifest: the bad deal failed, with its error" ||
	fail "manifest does not record the failure"

# --- colliding names: nothing written ---------------------------------
expect_status "names that collide: exit 1" 1 \
	batch --data "$work/six.xml" --output-dir "$work/coll" --name '{vendor.name}'
expect_grep "collision names both deals" "$work/err" "deal 2 would be written as"
[ ! -e "$work/coll" ] && pass "a collision writes nothing" ||
	fail "a collision left $work/coll"
# ignoring case, as a Windows share would
sed 's|Nordwind IT 1 GmbH|NORDWIND IT 1 GMBH|' "$work/one/1.xml" >"$work/one/upper.xml"
collection "$work/case.xml" 1 upper
expect_status "names that differ in case collide" 1 \
	batch --data "$work/case.xml" --output-dir "$work/case" --name '{reseller.name}'

# --- a deal file that breaks off: nothing written -----------------------
head -n 60 "$work/six.xml" >"$work/cut.xml"
expect_status "a deal file cut off: exit 1" 1 \
	batch --data "$work/cut.xml" --output-dir "$work/cut"
expect_grep "the cut names its file" "$work/err" "cut.xml:"
[ ! -e "$work/cut" ] && pass "a broken deal file writes nothing" ||
	fail "a broken deal file left $work/cut"

# --- names are made safe ------------------------------------------------
sed 's|<name>Nordwind IT 5 GmbH</name>|<name>../../etc/x\\y:z</name>|' \
	"$work/one/5.xml" >"$work/one/evil.xml"
collection "$work/evil.xml" evil
expect_status "a name with / and .." 0 \
	batch --data "$work/evil.xml" --output-dir "$work/evil" --name '{reseller.name}'
[ -e "$work/evil/___.._etc_x_y_z.txt" ] && [ "$(ls "$work/evil" | wc -l)" -eq 2 ] &&
	pass "'/', '\\', ':' and a leading dot replaced" ||
	{ fail "unsafe name: $(ls "$work/evil")"; }
expect_status "a value --name needs is missing" 5 \
	batch --data "$work/six.xml" --output-dir "$work/miss" --name '{no-such-value}'
expect_grep "missing name value" "$work/err" "the deal gives no \"no-such-value\", which --name needs"

# --- kill -9 mid-batch, then --resume ----------------------------------
big=""
i=1
while [ $i -le 40 ]; do big="$big $i"; i=$((i + 1)); done
# the interrupted batches: long enough that the signal lands mid-batch
# however fast a deal renders (the 40 deals, five times)
nlong=200
long="$big $big $big $big $big"
# shellcheck disable=SC2086 # a list of deal numbers
collection "$work/long.xml" $long
"$PACTUM" batch "$model" --data "$work/long.xml" --output-dir "$work/ref" \
	--format text,docbook --jobs 2 2>/dev/null
"$PACTUM" batch "$model" --data "$work/long.xml" --output-dir "$work/k" \
	--format text,docbook --jobs 2 2>/dev/null &
pid=$!
wait_lines "$work/k/manifest.jsonl" 6
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
done_before=$(($(wc -l <"$work/k/manifest.jsonl") - 1))
if [ "$done_before" -ge 1 ] && [ "$done_before" -lt $nlong ]; then
	pass "killed mid-batch after $done_before deals"
else
	fail "the kill did not land mid-batch ($done_before deals done)"
fi
ls -a "$work/k" | grep -q '^\.pactum-' && fail "a temporary file after kill -9" ||
	pass "no temporary file after kill -9"
partial=0
for f in "$work/k"/0*; do
	cmp -s "$f" "$work/ref/$(basename "$f")" || partial=$((partial + 1))
done
[ $partial -eq 0 ] && pass "every file after the kill is complete" ||
	fail "$partial partial files after the kill"
expect_status "--resume after the kill" 0 \
	batch --data "$work/long.xml" --output-dir "$work/k" --format text,docbook \
	--jobs 2 --resume
skipped=$(sed -n 's/.* \([0-9]*\) skipped.*/\1/p' "$work/err")
[ "${skipped:-0}" -ge 1 ] && pass "--resume skipped the $skipped complete deals" ||
	fail "--resume skipped nothing"
diff -r -x 'manifest*' "$work/ref" "$work/k" >/dev/null &&
	pass "after --resume: the files of an uninterrupted run" ||
	fail "after --resume the files differ"
check_manifest "$work/k" "$work/k/manifest.jsonl" $nlong &&
	pass "after --resume: one manifest line per deal, checksums right" ||
	fail "manifest inconsistent after --resume"
expect_status "--resume again: nothing to do" 0 \
	batch --data "$work/long.xml" --output-dir "$work/k" --format text,docbook --resume
expect_grep "all skipped" "$work/err" "0 rendered, 0 failed, $nlong skipped"
# an output changed by hand is rendered again
echo changed >>"$work/k/000007.txt"
expect_status "--resume with a changed file" 0 \
	batch --data "$work/long.xml" --output-dir "$work/k" --format text,docbook --resume
expect_grep "the changed one rendered again" "$work/err" "1 rendered, 0 failed, $((nlong - 1)) skipped"
cmp -s "$work/k/000007.txt" "$work/ref/000007.txt" && pass "the changed file restored" ||
	fail "the changed file not restored"

# --- SIGTERM: the deals in flight finish, exit 130 ----------------------
"$PACTUM" batch "$model" --data "$work/long.xml" --output-dir "$work/t" \
	--format text --jobs 2 2>"$work/term.err" &
pid=$!
wait_lines "$work/t/manifest.jsonl" 4
kill -TERM $pid
wait $pid
st=$?
[ $st -eq 130 ] && pass "SIGTERM: exit 130" || fail "SIGTERM: exit $st"
expect_grep "SIGTERM: summary says interrupted" "$work/term.err" "(interrupted)"
lines=$(($(wc -l <"$work/t/manifest.jsonl") - 1))
check_manifest "$work/t" "$work/t/manifest.jsonl" $lines &&
	pass "SIGTERM: manifest agrees with the files" || fail "SIGTERM: manifest"

# --- shards with GNU parallel give one run's files ----------------------
if command -v parallel >/dev/null 2>&1; then
	# the README's example, as shipped
	PACTUM=$PACTUM sh "$top_srcdir/examples/batch/parallel.sh" "$model" \
		"$work/long.xml" "$work/sh" 4 --format text,docbook 2>"$work/err"
	diff -r -x 'manifest*' "$work/ref" "$work/sh" >/dev/null &&
		pass "four shards by GNU parallel: the files of one run" ||
		fail "shards differ from one run"
	total=0
	for k in 1 2 3 4; do
		total=$((total + $(wc -l <"$work/sh/manifest-$k-of-4.jsonl") - 1))
	done
	[ $total -eq $nlong ] && pass "four manifests, $nlong deals in all" ||
		fail "shard manifests hold $total deals"
else
	fail "GNU parallel is not installed (tools/install-deps.sh installs it)"
fi

# --- progress: only on a terminal, unless asked --------------------------
expect_status "quiet when stderr is a file" 0 \
	batch --data "$work/six.xml" --output-dir "$work/p" --format text
grep -q 'deals, .*/s' "$work/err" && fail "progress shown on a file" ||
	pass "no progress on a file"
expect_status "--progress forces it" 0 \
	batch --data "$work/six.xml" --output-dir "$work/p" --format text --progress
expect_grep "progress line" "$work/err" "6/6 deals"

# --- the command line --------------------------------------------------
expect_status "no --output-dir" 2 batch --data "$work/six.xml"
expect_status "--jobs 0" 2 batch --data "$work/six.xml" --output-dir "$work/x" --jobs 0
expect_status "--name with /" 2 batch --data "$work/six.xml" --output-dir "$work/x" --name 'a/{record}'
expect_status "--shard 5/4" 2 batch --data "$work/six.xml" --output-dir "$work/x" --shard 5/4
expect_status "an option no writer takes" 2 \
	batch --data "$work/six.xml" --output-dir "$work/x" --format docbook -O width=80
expect_status "a writer twice" 2 \
	batch --data "$work/six.xml" --output-dir "$work/x" --format text,text
[ ! -e "$work/x" ] && pass "a bad command line writes nothing" || fail "bad command line wrote $work/x"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
