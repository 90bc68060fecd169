#!/bin/sh
# Render a large batch as N shards at once with GNU parallel, on one
# machine or, with --sshlogin, on several that share the output directory:
#
#   sh parallel.sh MODEL.xml DEALS.xml OUTDIR [SHARDS [PACTUM-OPTION...]]
#
# Every shard reads the whole deal file but renders only its own deals
# (--shard K/N), checks every file name, and keeps its own manifest,
# OUTDIR/manifest-K-of-N.jsonl.  Names do not depend on the shard, so
# the files are those of one run.  Run it again after a failure or a
# kill: --resume skips what is complete, and parallel's --retries
# retries a shard that died.
set -eu
model=$1 deals=$2 outdir=$3 shards=${4:-4}
shift 3
[ $# -gt 0 ] && shift
mkdir -p "$outdir"
seq 1 "$shards" | parallel --will-cite --halt never --retries 2 \
	"${PACTUM:-pactum}" batch "$model" --data "$deals" \
	--output-dir "$outdir" --shard "{}/$shards" --jobs 1 --resume "$@"
