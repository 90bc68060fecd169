#!/bin/sh
# run.sh SRCDIR TARGET...: each fuzz target (built in tests/fuzz/) for
# $FUZZ_TIME seconds on its corpus (SRCDIR/tests/fuzz/corpus/TARGET) with
# its dictionary; FUZZ_TIME=0 only replays the corpus, every input once.
# New inputs go to tests/fuzz/work/TARGET (the corpus in the source tree
# is never written), findings to tests/fuzz/findings/.  FUZZ_JOBS targets
# at a time (default 1); FUZZ_FLAGS are more libFuzzer flags.  Exit 1 on
# any finding: a crash, a leak, a timeout (2 s), memory over 512 MB.
set -eu
srcdir=$1
shift
time=${FUZZ_TIME:-60}
jobs=${FUZZ_JOBS:-1}
mkdir -p tests/fuzz/findings tests/fuzz/logs

one() {
	name=$1
	corpus=$srcdir/tests/fuzz/corpus/$name
	dict=$srcdir/tests/fuzz/$name.dict
	log=tests/fuzz/logs/$name.log
	set -- -timeout=2 -rss_limit_mb=512 -malloc_limit_mb=512 \
		-print_final_stats=1 \
		-artifact_prefix=tests/fuzz/findings/$name-
	[ -s "$dict" ] && set -- "$@" -dict="$dict"
	# shellcheck disable=SC2086 # FUZZ_FLAGS is a list of flags
	if [ "$time" = 0 ]; then
		set -- "$@" -runs=0 ${FUZZ_FLAGS:-} "$corpus"
	else
		mkdir -p "tests/fuzz/work/$name"
		set -- "$@" -max_total_time="$time" ${FUZZ_FLAGS:-} \
			"tests/fuzz/work/$name" "$corpus"
	fi
	if ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1:quarantine_size_mb=64} \
	   UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
	   "tests/fuzz/$name" "$@" >"$log" 2>&1; then
		stats=$(grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" |
			sed 's/^stat:://; s/: */=/' | tr '\n' ' ')
		cov=$(grep -E '#[0-9]+.*(DONE|INITED)' "$log" | tail -1 |
			sed -n 's/.*\(cov: [0-9]*\).*\(ft: [0-9]*\).*/\1 \2/p')
		echo "fuzz $name: ok ($cov; $stats)"
	else
		echo "fuzz $name: FINDING, see $log and tests/fuzz/findings/" >&2
		tail -n 60 "$log" >&2
		return 1
	fi
}

status=0
pids=
running=0
for name; do
	one "$name" &
	pids="$pids $!"
	running=$((running + 1))
	if [ "$running" -ge "$jobs" ]; then
		for p in $pids; do wait "$p" || status=1; done
		pids=
		running=0
	fi
done
for p in $pids; do wait "$p" || status=1; done
exit $status
