/*
 * The docx writer's signature blocks: a borderless table with one column
 * per party, as contracts set them side by side, headed by the role and
 * the party's name; then one row per signatory with place and date,
 * signature, name and function.  A field the deal leaves open is a line
 * to fill in by hand with its label beneath it, a given one reads
 * "Label: value".  Shared by all languages (lang DX_ALL_LANGS: signed
 * once), the labels are in every language and values that differ by
 * language (dates) too.
 */
#include "config.h"

#include <string.h>

#include "docx.h"

/* The same words, whatever the runs stand for. */
/* The runs get(b, lang) in lang; shared: once where every language has
 * the same ("Name"), else each language's in turn, " / " between. */
static void write_each(struct dx_writer *w, const pactum_block *b,
		       size_t lang,
		       const pactum_run *(*get)(const pactum_block *, size_t))
{
	size_t i;

	if (lang == DX_ALL_LANGS) {
		for (i = 1; i < w->nlangs; i++)
			if (!pactum_runs_equal(get(b, 0), get(b, i)))
				break;
		if (i == w->nlangs)
			lang = 0;
	}
	if (lang != DX_ALL_LANGS) {
		dx_write_runs(w, get(b, lang), lang);
		return;
	}
	for (i = 0; i < w->nlangs; i++) {
		if (i > 0)
			dx_run_str(w, NULL, " / ", dx_locale(w, i));
		dx_write_runs(w, get(b, i), i);
	}
}

static const char *locale_of(const struct dx_writer *w, size_t lang)
{
	return dx_locale(w, lang == DX_ALL_LANGS ? 0 : lang);
}

/* The party's legal name: the name field of its PARTY block. */
static const pactum_block *party_name(const struct dx_writer *w,
				      const pactum_block *sig)
{
	const pactum_block *parties =
		dx_child_of_kind(w->root, PACTUM_BLOCK_PARTIES);
	const pactum_block *p, *f;
	const char *id = pactum_block_id(sig), *pid, *fid;

	for (p = parties ? pactum_block_first_child(parties) : NULL;
	     p && id; p = pactum_block_next(p)) {
		pid = pactum_block_id(p);
		if (pid == NULL || strcmp(pid, id) != 0)
			continue;
		for (f = pactum_block_first_child(p); f;
		     f = pactum_block_next(f)) {
			fid = pactum_block_id(f);
			if (dx_kind(f) == PACTUM_BLOCK_FIELD && fid &&
			    strcmp(fid, "name") == 0)
				return f;
		}
	}
	return NULL;
}

/* The n-th signatory of a party (from 0), or NULL. */
static const pactum_block *signatory(const pactum_block *sig, size_t n)
{
	const pactum_block *c;

	for (c = pactum_block_first_child(sig); c; c = pactum_block_next(c))
		if (dx_kind(c) == PACTUM_BLOCK_SIGNATORY && n-- == 0)
			return c;
	return NULL;
}

static void cell_begin(struct dx_writer *w, unsigned width)
{
	dx_put(w, "<w:tc><w:tcPr><w:tcW w:w=\"");
	dx_put_uint(w, width);
	dx_put(w, "\" w:type=\"dxa\"/></w:tcPr>");
}

static void write_head(struct dx_writer *w, const pactum_block *sig,
		       size_t lang, unsigned width)
{
	const pactum_block *name = party_name(w, sig);

	cell_begin(w, width);
	dx_para_begin(w, "SignatureParty", locale_of(w, lang));
	write_each(w, sig, lang, pactum_block_title);
	dx_para_end(w);
	if (name && pactum_block_content(name, 0)) {
		dx_para_begin(w, "SignatureText", locale_of(w, lang));
		write_each(w, name, lang, pactum_block_content);
		dx_para_end(w);
	}
	dx_put(w, "</w:tc>");
}

static void write_signatory(struct dx_writer *w, const pactum_block *s,
			    size_t lang, unsigned width)
{
	const char *locale = locale_of(w, lang);
	const pactum_block *f;
	int any = 0;

	cell_begin(w, width);
	for (f = s ? pactum_block_first_child(s) : NULL; f;
	     f = pactum_block_next(f)) {
		if (dx_kind(f) != PACTUM_BLOCK_FIELD)
			continue;
		any = 1;
		if (pactum_block_content(f, 0) == NULL) {
			dx_para_begin(w, "SignatureLine", locale);
			dx_para_end(w);
			dx_para_begin(w, "SignatureLabel", locale);
			write_each(w, f, lang, pactum_block_title);
			dx_para_end(w);
			continue;
		}
		dx_para_begin(w, "SignatureText", locale);
		write_each(w, f, lang, pactum_block_title);
		dx_run_str(w, NULL, ": ", locale);
		write_each(w, f, lang, pactum_block_content);
		dx_para_end(w);
	}
	if (!any) { /* a cell needs a paragraph */
		dx_para_begin(w, "SignatureText", locale);
		dx_para_end(w);
	}
	dx_put(w, "</w:tc>");
}

void dx_write_signatures(struct dx_writer *w, const pactum_block *sigs,
			 size_t lang)
{
	const pactum_block *s;
	size_t parties = 0, rows = 0, n, k;
	unsigned width;

	for (s = pactum_block_first_child(sigs); s; s = pactum_block_next(s)) {
		if (dx_kind(s) != PACTUM_BLOCK_SIGNATURE)
			continue;
		parties++;
		for (n = 0; signatory(s, n); n++)
			;
		if (n > rows)
			rows = n;
	}
	if (parties == 0)
		return;
	width = (unsigned)(w->width / parties);
	dx_put(w, "<w:tbl><w:tblPr><w:tblStyle w:val=\"SignatureTable\"/>"
		  "<w:tblW w:w=\"");
	dx_put_uint(w, width * parties);
	dx_put(w, "\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>"
		  "</w:tblPr><w:tblGrid>");
	for (k = 0; k < parties; k++) {
		dx_put(w, "<w:gridCol w:w=\"");
		dx_put_uint(w, width);
		dx_put(w, "\"/>");
	}
	dx_put(w, "</w:tblGrid><w:tr><w:trPr><w:cantSplit/></w:trPr>");
	for (s = pactum_block_first_child(sigs); s; s = pactum_block_next(s))
		if (dx_kind(s) == PACTUM_BLOCK_SIGNATURE)
			write_head(w, s, lang, width);
	dx_put(w, "</w:tr>");
	for (k = 0; k < rows; k++) {
		dx_put(w, "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
		for (s = pactum_block_first_child(sigs); s;
		     s = pactum_block_next(s))
			if (dx_kind(s) == PACTUM_BLOCK_SIGNATURE)
				write_signatory(w, signatory(s, k), lang,
						width);
		dx_put(w, "</w:tr>");
	}
	dx_put(w, "</w:tbl>");
	w->after_table = 1;
}
