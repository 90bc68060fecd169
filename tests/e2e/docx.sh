#!/bin/sh
# The docx writer, checked by real clients.  For every template with each
# of its deals and every construct model, in en, de and de+en (every
# layout): the DOCX renders without a word on stderr; every part is
# well-formed (xmllint) and dated 1980-01-01 (docx-parts.py); LibreOffice
# converts all of them to PDF in one run, each PDF with pages; pdftotext
# of each PDF holds every section's, clause's and recital's number in
# order; and pandoc reads each DOCX back with the words of pactum's own
# text render of the same deal (docx-check.py says how they compare).
# A missing tool fails the test.
. "${top_srcdir:-..}/tests/e2e/lib.sh"
check="$top_srcdir/tests/e2e/docx-check.py"
parts="$top_srcdir/tests/e2e/docx-parts.py"

missing=
for tool in soffice pandoc pdfinfo pdftotext xmllint python3 unzip msgfmt; do
	command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
if [ -n "$missing" ]; then
	fail "tools for the DOCX checks:$missing missing (tools/install-deps.sh)"
	finish
	exit 1
fi

mkdir -p "$work/docx" "$work/pdf"
: >"$work/cases"

# render_case NAME MODEL PACTUM [OPTION...]: every language and layout of
# one model, the DOCX, the text (wide: no word wrapped) and the dump.
render_case() {
	r_name=$1 r_model=$2 r_pactum=$3
	shift 3
	for r_lang in en de de,en; do
		r_layouts=parallel
		case $r_lang in *,*) r_layouts="parallel interleaved sequential" ;; esac
		for r_layout in $r_layouts; do
			r_base="$r_name.$(echo "$r_lang" | tr , -).$r_layout"
			if ! "$r_pactum" render "$r_model" "$@" --lang "$r_lang" \
				--layout "$r_layout" --format docx \
				-o "$work/docx/$r_base.docx" 2>"$work/err" ||
				[ -s "$work/err" ]; then
				fail "$r_base.docx renders cleanly"
				sed 's/^/    /' "$work/err" | head -5
				continue
			fi
			# the text's parallel columns hold the words of its
			# interleaved layout (docx-check.py)
			r_text=$r_layout
			[ "$r_layout" = parallel ] && r_text=interleaved
			"$r_pactum" render "$r_model" "$@" --lang "$r_lang" \
				--layout "$r_text" --format text --width 1000 \
				-o "$work/docx/$r_base.txt" ||
				fail "$r_base: the text renders"
			# one language is plain whatever the layout
			case $r_lang in *,*) r_how=$r_layout ;; *) r_how=single ;; esac
			echo "$r_base $r_how $r_lang $r_name" >>"$work/cases"
		done
		"$r_pactum" render "$r_model" "$@" --lang "$r_lang" \
			--format dump -o "$work/docx/$r_name.$r_lang.dump" ||
			fail "$r_name.$r_lang: the dump renders"
	done
}

for model in "$top_srcdir"/templates/*/agreement.xml; do
	tdir=$(dirname "$model")
	for deal in $(test_deals "$tdir"); do
		render_case "$(basename "$tdir")-$(basename "$deal" .xml)" \
			"$model" "$top_builddir/pactum-uninstalled" --data "$deal"
	done
done
for model in "$top_srcdir"/tests/data/constructs/*.xml; do
	name=$(basename "$model" .xml)
	case $name in *.deal) continue ;; esac
	dir=$(dirname "$model")
	cat="$work/cat/$name/de/LC_MESSAGES"
	mkdir -p "$cat"
	msgfmt -c -o "$cat/pactum-$name.mo" "$dir/$name.de.po" ||
		fail "$name: its German catalog compiles"
	for po in "$dir"/lib/*.de.po; do
		[ -f "$po" ] || continue
		msgfmt -c -o "$cat/pactum-$(basename "$po" .de.po).mo" "$po"
	done
	set -- --catalog-path "$work/cat/$name"
	[ -f "$dir/$name.deal.xml" ] && set -- "$@" --data "$dir/$name.deal.xml"
	render_case "constructs-$name" "$model" "$PACTUM" "$@"
done

# Every part well-formed, the archive in pactum's fixed form.
while read -r base layout lang name; do
	f="$work/docx/$base.docx"
	rm -rf "$work/parts" && mkdir "$work/parts"
	if (cd "$work/parts" && unzip -q "$f" && find . -type f -exec \
		xmllint --noout '{}' + >"$work/err" 2>&1) &&
		python3 "$parts" "$f" >/dev/null 2>"$work/err"; then
		pass "$base: parts well-formed, fixed dates"
	else
		fail "$base: parts well-formed, fixed dates"
		sed 's/^/    /' "$work/err" | head -5
	fi
done <"$work/cases"

# LibreOffice converts about a file a second, waiting more than working:
# three runs at once, each with a profile of its own, a third of the
# files each, keep the test within two minutes.
i=0
while read -r base layout lang name; do
	echo "$work/docx/$base.docx" >>"$work/batch$((i % 3))"
	i=$((i + 1))
done <"$work/cases"
for b in 0 1 2; do
	[ -s "$work/batch$b" ] || continue
	xargs soffice --headless --norestore \
		-env:UserInstallation="file://$work/lo$b" --convert-to pdf \
		--outdir "$work/pdf" <"$work/batch$b" >"$work/soffice$b" 2>&1 &
done
wait
# A run that dies at start-up under load converts nothing: what the three
# runs missed gets one more run, alone, and must convert then.
: >"$work/retry"
while read -r base layout lang name; do
	[ -s "$work/pdf/$base.pdf" ] || echo "$work/docx/$base.docx" >>"$work/retry"
done <"$work/cases"
if [ -s "$work/retry" ]; then
	echo "note: LibreOffice again for $(wc -l <"$work/retry") files"
	xargs soffice --headless --norestore \
		-env:UserInstallation="file://$work/lo3" --convert-to pdf \
		--outdir "$work/pdf" <"$work/retry" >"$work/soffice3" 2>&1
fi
cat "$work"/soffice? >"$work/soffice"
while read -r base layout lang name; do
	pdf="$work/pdf/$base.pdf"
	pages=$(pdfinfo "$pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
	if grep -q "$base.docx -> .*$base.pdf" "$work/soffice" &&
		[ "${pages:-0}" -gt 0 ]; then
		pass "$base: LibreOffice converts it ($pages pages)"
	else
		fail "$base: LibreOffice converts it"
		sed 's/^/    /' "$work/soffice" | grep -v "javaldx" | head -5
		continue
	fi
	nlangs=$(echo "$lang" | tr , ' ' | wc -w)
	pdftotext "$pdf" "$work/pdf/$base.txt"
	if n=$(python3 "$check" numbers "$work/docx/$name.$lang.dump" \
		"$work/pdf/$base.txt" "$nlangs" "$layout" 2>"$work/err"); then
		pass "$base: the PDF holds all $n numbers in order"
	else
		fail "$base: the PDF holds every number in order"
		sed 's/^/    /' "$work/err"
	fi
done <"$work/cases"

# pandoc reads every DOCX back, two at a time.
cut -d' ' -f1 "$work/cases" | xargs -P 2 -I '{}' \
	pandoc -f docx -t json -o "$work/docx/{}.json" "$work/docx/{}.docx" \
	2>"$work/pandoc" || fail "pandoc reads every DOCX"
while read -r base layout lang name; do
	if n=$(python3 "$check" words "$work/docx/$base.txt" \
		"$work/docx/$base.json" "$layout" "$work/docx/$name.$lang.dump" \
		2>"$work/err"); then
		pass "$base: pandoc reads the text's $n words"
	else
		fail "$base: pandoc reads the text's words"
		sed 's/^/    /' "$work/err"
	fi
done <"$work/cases"

finish
