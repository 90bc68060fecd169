#!/bin/sh
# The plugin loader as a user meets it: files it must never open, files and
# directories others may write, directories it cannot read, and plugins
# that shadow others.  Everything under timeout: a FIFO that is opened
# blocks forever, and must fail the test instead of hanging it.
. "${top_srcdir:-..}/tests/e2e/lib.sh"

model="$DATA/demo.xml"
deal="$DATA/demo-deal.xml"
text_so="$top_builddir/plugins/text/.libs/text.so"
default_path=$PACTUM_PLUGIN_PATH
pactum() { timeout 10 "$PACTUM" "$@"; }
# plugins_with DIRS: 'pactum plugins' with DIRS searched first
plugins_with() { PACTUM_PLUGIN_PATH="$1:$default_path" pactum plugins; }

# expect_no_grep NAME FILE PATTERN: FILE lacks PATTERN (fixed string)
expect_no_grep() {
	if grep -qF -- "$3" "$2"; then
		fail "$1 (\"$3\" in $(basename "$2"))"
		sed 's/^/    /' "$2" | head -20
	else
		pass "$1"
	fi
}

# The loader's own search, untouched: the test plugins include a writer
# named like the xml reader, a clash but no shadowing, so nothing on stderr.
expect_status "plugins: the test path" 0 pactum plugins
if [ -s "$work/err" ]; then
	fail "plugins: nothing on stderr without shadowing"
	sed 's/^/    /' "$work/err" | head
else
	pass "plugins: nothing on stderr without shadowing"
fi
# A directory searched twice, by its name or through a link, finds the
# same files again: that shadows nothing (pactum-uninstalled does it).
ln -s "$top_builddir/plugins/text/.libs" "$work/textlink"
expect_status "plugins: a directory twice" 0 plugins_with \
	"$top_builddir/plugins/text/.libs:$work/textlink"
if [ -s "$work/err" ]; then
	fail "plugins: the same file twice is no shadow"
	sed 's/^/    /' "$work/err" | head
else
	pass "plugins: the same file twice is no shadow"
fi

# Not regular files are refused unopened: a FIFO, a directory.
mkdir "$work/fifo"
mkfifo "$work/fifo/evil.so"
mkdir "$work/fifo/dir.so"
expect_status "plugins: a FIFO does not hang" 0 plugins_with "$work/fifo"
expect_grep "plugins: FIFO listed as refused" "$work/out" "$work/fifo/evil.so"
expect_grep "plugins: FIFO reason" "$work/out" "not a regular file"
expect_grep "plugins: directory named .so refused" "$work/out" \
	"$work/fifo/dir.so"
PACTUM_PLUGIN_PATH="$work/fifo:$default_path" expect_status \
	"render: a FIFO in the path does not hang" 0 \
	pactum render "$model" --data "$deal" --lang en --format dump
expect_grep "render: still renders" "$work/out" "clause #pricing 1.2"

# Files and directories others may write are refused, with the reason.
mkdir "$work/perm"
dir=$(cd "$work/perm" && pwd -P)
cp "$text_so" "$dir/text.so"
chmod 0644 "$dir/text.so"
listed="           $dir/text.so" # where 'pactum plugins' names a plugin
expect_status "perm: a safe copy" 0 plugins_with "$dir"
expect_grep "perm: a safe copy loads" "$work/out" "$listed"
chmod o+w "$dir/text.so"
expect_status "perm: world-writable file" 0 plugins_with "$dir"
expect_no_grep "perm: world-writable file not loaded" "$work/out" "$listed"
expect_grep "perm: world-writable file reason" "$work/out" \
	"writable by others: $dir/text.so (mode 0646)"
chmod o-w,g+w "$dir/text.so"
expect_status "perm: group-writable file" 0 plugins_with "$dir"
expect_no_grep "perm: group-writable file not loaded" "$work/out" "$listed"
expect_grep "perm: group-writable file reason" "$work/out" \
	"writable by group: $dir/text.so (mode 0664)"
chmod g-w "$dir/text.so"
chmod o+w "$dir"
expect_status "perm: world-writable directory" 0 plugins_with "$dir"
expect_no_grep "perm: world-writable directory not loaded" "$work/out" \
	"$listed"
expect_grep "perm: world-writable directory reason" "$work/out" \
	"writable by others: $dir (mode 0757)"
chmod +t "$dir"
expect_status "perm: sticky directory" 0 plugins_with "$dir"
expect_grep "perm: sticky directory loads (like /tmp)" "$work/out" "$listed"
chmod -t,o-w "$dir"
expect_status "perm: modes restored" 0 plugins_with "$dir"
expect_grep "perm: modes restored, loads" "$work/out" "$listed"
if grep -qxF "  $dir/text.so" "$work/out"; then
	fail "perm: modes restored, not refused"
else
	pass "perm: modes restored, not refused"
fi
if [ "$(id -u)" -eq 0 ]; then
	chown 65534 "$dir/text.so"
	expect_status "perm: another user's file" 0 plugins_with "$dir"
	expect_no_grep "perm: another user's file not loaded" "$work/out" \
		"$listed"
	expect_grep "perm: another user's file reason" "$work/out" \
		"owned by another user (uid 65534): $dir/text.so"
	chown 0 "$dir/text.so"
fi

# Directories that cannot be read are listed; only missing ones are not.
long=$(printf '%0300d' 0)
touch "$work/plain"
ln -s loop "$work/loop"
expect_status "dirs: bad directories" 0 plugins_with \
	"$work/missing:$work/$long:$work/plain:$work/loop"
expect_grep "dirs: name too long listed" "$work/out" "$work/$long"
expect_grep "dirs: not a directory listed" "$work/out" "$work/plain"
expect_grep "dirs: symlink loop listed" "$work/out" "$work/loop"
expect_grep "dirs: the reason" "$work/out" "cannot read the plugin directory: "
expect_no_grep "dirs: a missing directory is not" "$work/out" "$work/missing"
if [ "$(id -u)" -ne 0 ]; then
	mkdir "$work/locked"
	chmod 0 "$work/locked"
	expect_status "dirs: unreadable directory" 0 plugins_with "$work/locked"
	expect_grep "dirs: unreadable directory listed" "$work/out" \
		"$work/locked"
	chmod 0700 "$work/locked"
fi

# A plugin that shadows another of its name and kind is a warning, from
# every command that loads plugins: the first in the search order wins.
mkdir "$work/shadow"
cp "$text_so" "$work/shadow/text.so"
chmod 0644 "$work/shadow/text.so"
warning="pactum: warning: plugin 'text' from $work/shadow/text.so shadows $text_so"
PACTUM_PLUGIN_PATH="$work/shadow:$default_path"
export PACTUM_PLUGIN_PATH
expect_status "shadow: plugins" 0 pactum plugins
expect_grep "shadow: plugins warns" "$work/err" "$warning"
expect_grep "shadow: the first wins" "$work/out" \
	"           $work/shadow/text.so"
expect_status "shadow: render" 0 pactum render "$model" --data "$deal" \
	--lang en --format text
expect_grep "shadow: render warns" "$work/err" "$warning"
expect_status "shadow: extract" 0 pactum extract "$model" -o "$work/x.pot"
expect_grep "shadow: extract warns" "$work/err" "$warning"
expect_status "shadow: check" 3 pactum check "$model" \
	--catalog-path "$CATALOGS/incomplete"
expect_grep "shadow: check warns" "$work/err" "$warning"

# A reader of another name that claims .xml first takes every model: that
# is shadowing too, and warned about.
takeover="$top_builddir/tests/plugins/takeover/.libs"
PACTUM_PLUGIN_PATH="$takeover:$default_path"
expect_status "takeover: plugins" 0 pactum plugins
expect_grep "takeover: warned" "$work/err" \
	"pactum: warning: reader 'takeover' from $takeover/takeover.so reads .xml files in place of reader 'xml' from"
expect_status "takeover: render" 1 pactum render "$model" --lang en
expect_grep "takeover: it did read the model" "$work/err" "read by the takeover test reader"
expect_grep "takeover: render warns" "$work/err" "reads .xml files in place of reader 'xml'"

# What plugins and directories say is printed escaped, never raw.
esc=$(printf '\033')
mkdir "$work/odd${esc}]0;x"
mkfifo "$work/odd${esc}]0;x/a${esc}[2J.so"
PACTUM_PLUGIN_PATH="$work/odd${esc}]0;x:$default_path"
expect_status "escaped: plugins" 0 pactum plugins
if grep -q "$esc" "$work/out" "$work/err"; then
	fail "escaped: no raw escape in the listing"
else
	pass "escaped: no raw escape in the listing"
fi
expect_grep "escaped: shown visibly" "$work/out" 'a\x1b[2J.so'

# Plugins that break the contract are named, whatever they do; nothing is
# written, and the previous output stays.
misbehave="$top_builddir/tests/plugins/misbehave/.libs"
PACTUM_PLUGIN_PATH="$default_path:$misbehave"
export PACTUM_PLUGIN_PATH
mkdir "$work/kept"
kept="$work/kept/contract.txt"
echo "previous" >"$kept"
# render_with WRITER: render the demo with it into $kept
render_with() {
	pactum render "$model" --data "$deal" --lang en --format "$1" \
		-o "$kept"
}
expect_status "silent: a failure without a reason" 4 render_with silent
expect_grep "silent: named with its status" "$work/err" \
	'pactum: error: writer "silent": its write callback failed with PACTUM_EIO and reported no reason'
expect_status "bogus: a status that is none" 4 render_with bogus
expect_grep "bogus: named with the value" "$work/err" \
	'pactum: error: writer "bogus": its write callback returned 42, which is not a pactum status'
# A crash prints one line, then pactum dies of the signal (a sanitizer's
# own report would take the place of the death: off for this case).
ASAN_OPTIONS="${ASAN_OPTIONS:-}${ASAN_OPTIONS:+:}handle_segv=0" \
	expect_status "crash: dies of SIGSEGV" 139 sh -c \
	'"$0" render "$1" --data "$2" --lang en --format crash -o "$3"; exit $?' \
	"$PACTUM" "$model" "$deal" "$kept"
expect_grep "crash: one line names the plugin and the callback" \
	"$work/err" \
	"pactum: plugin 'crash' ($misbehave/crash.so) crashed in its write callback: SIGSEGV"
expect_grep "misbehaving writers leave the output intact" "$kept" previous
if [ "$(ls -A "$work/kept")" = contract.txt ]; then
	pass "misbehaving writers leave no temp file"
else
	fail "misbehaving writers leave no temp file"
	ls -la "$work/kept"
fi

# A plugin exporting more than its descriptor is a warning of 'plugins'.
expect_status "exports: plugins" 0 pactum plugins
expect_grep "exports: warned, with the names and the way out" "$work/err" \
	"pactum: warning: plugin 'exports' ($misbehave/exports.so) exports 1 symbol besides pactum_plugin_descriptor: exports_helper; build it with -fvisibility=hidden"
if grep -F ' symbol' "$work/err" | grep -vqF "plugin 'exports'"; then
	fail "exports: the shipped and test plugins export only the descriptor"
else
	pass "exports: the shipped and test plugins export only the descriptor"
fi

# Kinds have their own names: the test writer "xml" (broken-duplicate.so)
# loads beside the xml reader, and models still read.
PACTUM_PLUGIN_PATH=$default_path
expect_status "kinds: plugins" 0 pactum plugins
expect_grep "kinds: writer xml listed" "$work/out" "xml        writer"
expect_grep "kinds: reader xml listed" "$work/out" "xml        reader"
expect_status "kinds: the reader still reads" 0 pactum render "$model" \
	--data "$deal" --lang en --format dump
# Asking for a refused plugin says why it was refused.
expect_status "refused: render names the reason" 4 pactum render "$model" \
	--data "$deal" --lang en --format broken
expect_grep "refused: the file and the reason" "$work/err" \
	"no writer plugin named 'broken': $top_builddir/tests/plugins/.libs/broken-"
expect_grep "refused: the value quoted" "$work/err" 'writer "broken"'
# render --help lists every writer found, with its options.
expect_status "help: render --help" 0 pactum render --help
expect_grep "help: the dump test writer listed" "$work/out" "  dump "
expect_grep "help: the text writer's options" "$work/out" \
	"-O charset=UTF-8|"

# A plugin shadowing an installed one: the installed directory stands in
# PACTUM_PLUGIN_SYSTEM_PATH's place (the tests set it empty, so that an
# installed pactum stays out of them); the warning names both files.
mkdir "$work/system"
cp "$text_so" "$work/system/text.so"
chmod 0644 "$work/system/text.so"
PACTUM_PLUGIN_PATH=$default_path PACTUM_PLUGIN_SYSTEM_PATH="$work/system" \
	expect_status "system: a build-tree plugin over an installed one" 0 \
	pactum plugins
expect_grep "system: warned, naming both" "$work/err" \
	"pactum: warning: plugin 'text' from $text_so shadows $work/system/text.so"
PACTUM_PLUGIN_PATH=$default_path PACTUM_PLUGIN_SYSTEM_PATH= \
	expect_status "system: empty, none is searched" 0 pactum plugins
if [ -s "$work/err" ]; then
	fail "system: empty, no warning"
else
	pass "system: empty, no warning"
fi

finish
