#!/bin/sh
# --output: what pactum does with the name it is given.  A regular file is
# replaced atomically and never left half written or beside a temporary
# file, whatever signal arrives; a device or FIFO is written into, never
# replaced; links, directories and the like are refused with the reason.
. "${top_srcdir:-..}/tests/e2e/lib.sh"

model="$DATA/demo.xml"
deal="$DATA/demo-deal.xml"
render() { "$PACTUM" render "$model" --data "$deal" --lang en --format dump "$@"; }
# A render of some 15 kB, larger than one 512-byte block of ulimit -f.
big() {
	"$top_builddir/pactum-uninstalled" render \
		"$top_srcdir/templates/saas-reseller/agreement.xml" \
		--data "$top_srcdir/templates/saas-reseller/deals/rheinblick.xml" \
		--lang en "$@"
}
# Messages are compared in English.
LC_ALL=C
export LC_ALL

render >"$work/expected" 2>/dev/null
big >"$work/expected-big" 2>/dev/null
if [ "$(wc -c <"$work/expected-big")" -le 1024 ]; then
	fail "the big render is larger than 1024 bytes"
fi

# only_entries NAME DIR ENTRY...: DIR holds exactly ENTRY... (no temp file)
only_entries() {
	name=$1 dir=$2
	shift 2
	want=$(printf '%s\n' "$@" | LC_ALL=C sort)
	got=$(ls -A "$dir" | LC_ALL=C sort)
	if [ "$got" = "$want" ]; then
		pass "$name"
	else
		fail "$name"
		ls -lA "$dir" | sed 's/^/    /'
	fi
}

# A character device is written into, not replaced by a regular file.
if mknod "$work/null" c 1 3 2>/dev/null; then
	expect_status "character device as output" 0 render -o "$work/null"
	if [ -c "$work/null" ]; then pass "character device stays a device"
	else fail "character device stays a device"; ls -l "$work/null"; fi
else
	echo "SKIP: character device (mknod needs CAP_MKNOD)"
fi

# A FIFO without a reader: a clear error at once, not a hang.
mkfifo "$work/fifo"
expect_status "FIFO without a reader fails" 4 timeout 10 "$PACTUM" render \
	"$model" --data "$deal" --lang en --format dump -o "$work/fifo"
expect_grep "FIFO without a reader is named" "$work/err" "$work/fifo: error:"
expect_grep "FIFO without a reader says why" "$work/err" "without a reader"
[ -p "$work/fifo" ] && pass "FIFO stays a FIFO" || fail "FIFO stays a FIFO"

# A FIFO with a reader receives the output.  The reader may not have
# opened its end yet when pactum starts; only that refusal is retried.
cat "$work/fifo" >"$work/from-fifo" &
reader=$!
tries=0
while :; do
	render -o "$work/fifo" >"$work/out" 2>"$work/err"
	got=$?
	tries=$((tries + 1))
	if [ "$got" -ne 4 ] || ! grep -q "without a reader" "$work/err" ||
	   [ "$tries" -ge 100 ]; then
		break
	fi
	sleep 0.1
done
[ "$got" -eq 0 ] && pass "FIFO with a reader" ||
	{ fail "FIFO with a reader (exit $got)"; sed 's/^/    /' "$work/err"; }
# a reader still waiting for a writer would wait forever
[ "$got" -eq 0 ] || kill "$reader" 2>/dev/null
wait "$reader"
if cmp -s "$work/from-fifo" "$work/expected"; then
	pass "FIFO reader receives the output"
else
	fail "FIFO reader receives the output"
fi
[ -p "$work/fifo" ] && pass "FIFO with a reader stays a FIFO" ||
	fail "FIFO with a reader stays a FIFO"

# A symbolic link is refused; neither the link nor its target changes.
mkdir "$work/links"
echo old >"$work/links/target"
ln -s target "$work/links/link"
ln -s nowhere "$work/links/dangling"
expect_status "symlink as output refused" 4 render -o "$work/links/link"
expect_grep "symlink refusal is named" "$work/err" "$work/links/link: error:"
expect_grep "symlink refusal says why" "$work/err" "is a symbolic link"
if [ -L "$work/links/link" ] && [ "$(readlink "$work/links/link")" = target ] &&
   [ "$(cat "$work/links/target")" = old ]; then
	pass "symlink and its target unchanged"
else
	fail "symlink and its target unchanged"
	ls -lA "$work/links" | sed 's/^/    /'
fi
expect_status "dangling symlink as output refused" 4 render -o "$work/links/dangling"
only_entries "dangling symlink's target not created" "$work/links" \
	dangling link target

# Directories and sockets are refused with the reason.
mkdir "$work/dir"
expect_status "directory as output refused" 4 render -o "$work/dir"
expect_grep "directory refusal says why" "$work/err" "is a directory"
if command -v python3 >/dev/null 2>&1 &&
   python3 -c 'import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' \
	"$work/sock" 2>/dev/null; then
	expect_status "socket as output refused" 4 render -o "$work/sock"
	expect_grep "socket refusal says why" "$work/err" "is a socket"
	[ -S "$work/sock" ] && pass "socket stays a socket" ||
		fail "socket stays a socket"
else
	echo "SKIP: socket (no python3 to make one)"
fi

# A replaced file keeps its permissions, but never setuid, setgid or
# sticky; a new file gets 0666 less the umask.
mkdir "$work/modes"
echo old >"$work/modes/suid"
chmod 4755 "$work/modes/suid"
expect_status "setuid output replaced" 0 render -o "$work/modes/suid"
mode=$(stat -c %a "$work/modes/suid")
[ "$mode" = 755 ] && pass "replaced file has 0755, no setuid" ||
	fail "replaced file has 0755, no setuid (mode $mode)"
cmp -s "$work/modes/suid" "$work/expected" && pass "setuid output has the render" ||
	fail "setuid output has the render"
echo old >"$work/modes/private"
chmod 600 "$work/modes/private"
expect_status "private output replaced" 0 render -o "$work/modes/private"
mode=$(stat -c %a "$work/modes/private")
[ "$mode" = 600 ] && pass "replaced file keeps 0600" ||
	fail "replaced file keeps 0600 (mode $mode)"
(umask 027 && render -o "$work/modes/new") >/dev/null 2>&1
mode=$(stat -c %a "$work/modes/new")
[ "$mode" = 640 ] && pass "new file has 0666 less the umask" ||
	fail "new file has 0666 less the umask (mode $mode)"
only_entries "no temp file beside replaced files" "$work/modes" \
	new private suid

# The longest name a directory entry can have.
mkdir "$work/long"
long=$(printf '%0255d' 0)
expect_status "255-byte output name" 0 render -o "$work/long/$long"
expect_status "255-byte output name replaced" 0 render -o "$work/long/$long"
cmp -s "$work/long/$long" "$work/expected" && pass "255-byte name has the render" ||
	fail "255-byte name has the render"
only_entries "no temp file beside the 255-byte name" "$work/long" "$long"

# The file size limit: an error with the reason, not a silent death by
# SIGXFSZ, and the previous file intact.  16 KB (ulimit counts 512-byte
# blocks in dash, 1024 in bash), below the 43 KB render but above what a
# coverage build's process writes at exit (its .gcda files, 8 KB at most).
mkdir "$work/fsize"
echo old >"$work/fsize/out.txt"
expect_status "file size limit fails with exit 4" 4 sh -c \
	'ulimit -f 32 && exec "$@"' sh "$top_builddir/pactum-uninstalled" render \
	"$top_srcdir/templates/saas-reseller/agreement.xml" \
	--data "$top_srcdir/templates/saas-reseller/deals/rheinblick.xml" \
	--lang en -o "$work/fsize/out.txt"
expect_grep "file size limit is named" "$work/err" "$work/fsize/out.txt: error:"
expect_grep "file size limit says why" "$work/err" "File too large"
[ "$(cat "$work/fsize/out.txt")" = old ] && pass "file size limit leaves the old file" ||
	fail "file size limit leaves the old file"
only_entries "file size limit leaves no temp file" "$work/fsize" out.txt
expect_status "file size limit on stdout fails with exit 4" 4 sh -c \
	'ulimit -f 32 && exec "$@" >"$0"' "$work/fsize/stdout.txt" \
	"$top_builddir/pactum-uninstalled" render \
	"$top_srcdir/templates/saas-reseller/agreement.xml" \
	--data "$top_srcdir/templates/saas-reseller/deals/rheinblick.xml" --lang en
expect_grep "file size limit on stdout says why" "$work/err" "File too large"

# Killed at random moments, most of them near the end where the output is
# committed: the target is always the old file (or none) or the new
# complete one, and no temporary file remains.  A kill that lands nowhere
# near the commit just proves less; the spread makes sure many land in it.
duration() {
	s=$(date +%s%N)
	big -o "$work/kill/probe" >/dev/null 2>&1
	e=$(date +%s%N)
	echo $(((e - s) / 1000))
}
mkdir "$work/kill"
t=$(duration)
t2=$(duration)
[ "$t2" -lt "$t" ] && t=$t2
rm -f "$work/kill/probe"

# kills SIG OLD: 30 renders onto out.txt, which holds "old" first (OLD =
# yes) or does not exist (OLD = no), each sent SIG after a while.
kills() {
	sig=$1 had=$2
	bad=0 old=0 new=0 named=0
	i=0
	while [ "$i" -lt 30 ]; do
		rm -f "$work/kill/out.txt"
		[ "$had" = yes ] && echo old >"$work/kill/out.txt"
		# from 60 % to 110 % of a run's time, in 30 steps
		delay=$((t * (60 + i * 50 / 30) / 100))
		# not through big(): $! must be pactum itself, not a subshell
		"$top_builddir/pactum-uninstalled" render \
			"$top_srcdir/templates/saas-reseller/agreement.xml" \
			--data "$top_srcdir/templates/saas-reseller/deals/rheinblick.xml" \
			--lang en -o "$work/kill/out.txt" >/dev/null 2>&1 &
		pid=$!
		sleep "$(printf '%d.%06d' $((delay / 1000000)) $((delay % 1000000)))"
		kill -"$sig" "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
		left=$(ls -A "$work/kill" | grep -vx out.txt)
		# SIGKILL cannot be held off: between naming the complete
		# temporary and renaming it over the old file (two system
		# calls) it stays behind.  Counted, and it must be complete.
		if [ "$sig" = KILL ] && [ -n "$left" ] &&
		   [ "$(echo "$left" | wc -l)" -eq 1 ] &&
		   expr "$left" : '\.pactum-......$' >/dev/null &&
		   cmp -s "$work/kill/$left" "$work/expected-big"; then
			named=$((named + 1))
			rm -f "$work/kill/$left"
			left=
		fi
		if [ -n "$left" ]; then
			bad=$((bad + 1))
			echo "    SIG$sig after ${delay}us left: $(echo $left)"
			find "$work/kill" -mindepth 1 ! -name out.txt -delete
		elif [ ! -e "$work/kill/out.txt" ] && [ "$had" = no ]; then
			old=$((old + 1))
		elif [ "$had" = yes ] && [ "$(cat "$work/kill/out.txt")" = old ]; then
			old=$((old + 1))
		elif cmp -s "$work/kill/out.txt" "$work/expected-big"; then
			new=$((new + 1))
		else
			bad=$((bad + 1))
			echo "    SIG$sig after ${delay}us: a partial or lost output"
		fi
		i=$((i + 1))
	done
	echo "    SIG$sig onto $([ "$had" = yes ] && echo a file || echo nothing):" \
		"$old old, $new new, $named complete temporary, $bad bad (run ${t}us)"
	[ "$bad" -eq 0 ] && pass "SIG$sig during render onto $3" ||
		fail "SIG$sig during render onto $3"
}
kills TERM yes "a file: old or new file, no temp file"
kills TERM no "nothing: no file or the new one, no temp file"
kills KILL yes "a file: old or new file, no partial or other temp file"
kills KILL no "nothing: no file or the new one, no temp file"

finish
