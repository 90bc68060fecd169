/*
 * The docx writer's walk of the document and its arrangements of several
 * languages.  Everything is written as units, one block's rendering in one
 * language (a heading, a clause, a party, a term); emit() places a unit's
 * renderings as the layout wants them:
 *
 *   one language   the unit in it;
 *   parallel       a row of a two-column table (one column per language,
 *                  headed by the languages' names, that header repeating
 *                  on every page), so each clause pair shares a row;
 *   interleaved    every language's rendering in turn;
 *   sequential     each language's whole version in turn, a section of
 *                  its own with its header and footer, from a new page.
 *
 * Signatures are signed once: shared, they are one table labelled in
 * every language after the parallel table.
 */
#include "config.h"

#include <libintl.h>

#include "docx.h"

typedef void (*unit_fn)(struct dx_writer *w, const pactum_block *b,
			size_t lang, unsigned level);

/* Cell margins of the parallel table (twips, each side). */
#define CELL_MARGIN 108

static void put_cell_begin(struct dx_writer *w, unsigned width)
{
	dx_put(w, "<w:tc><w:tcPr><w:tcW w:w=\"");
	dx_put_uint(w, width);
	dx_put(w, "\" w:type=\"dxa\"/></w:tcPr>");
}

/* A cell's content must end with a paragraph. */
static void put_cell_end(struct dx_writer *w)
{
	if (w->after_table) {
		dx_para_begin(w, "TableEnd", NULL);
		dx_para_end(w);
	}
	dx_put(w, "</w:tc>");
}

/* The parallel table's start: the languages' names, the prevailing one
 * marked, as a header row Word repeats on every page. */
static void table_open(struct dx_writer *w)
{
	unsigned col = (unsigned)(w->width / w->nlangs);
	size_t i, prevails;
	int has = pactum_doc_prevails(&prevails, w->doc) == PACTUM_OK;

	dx_put(w, "<w:tbl><w:tblPr><w:tblStyle w:val=\"ParallelTable\"/>"
		  "<w:tblW w:w=\"");
	dx_put_uint(w, col * w->nlangs);
	dx_put(w, "\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>"
		  "</w:tblPr><w:tblGrid>");
	for (i = 0; i < w->nlangs; i++) {
		dx_put(w, "<w:gridCol w:w=\"");
		dx_put_uint(w, col);
		dx_put(w, "\"/>");
	}
	dx_put(w, "</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/>"
		  "</w:trPr>");
	for (i = 0; i < w->nlangs; i++) {
		put_cell_begin(w, col);
		dx_para_begin(w, "LanguageHeader", dx_locale(w, i));
		dx_write_label(w, PACTUM_LABEL_LANGUAGE, i, NULL);
		if (has && prevails == i) {
			dx_run_str(w, NULL, " (", dx_locale(w, i));
			dx_write_label(w, PACTUM_LABEL_PREVAILING, i, NULL);
			dx_run_str(w, NULL, ")", dx_locale(w, i));
		}
		dx_para_end(w);
		put_cell_end(w);
	}
	dx_put(w, "</w:tr>");
	w->row_open = 1;
}

static void table_close(struct dx_writer *w)
{
	if (!w->row_open)
		return;
	dx_put(w, "</w:tbl>");
	w->row_open = 0;
	w->after_table = 1;
}

/* Write unit fn of block b: in lang, or shared in the layout's
 * arrangement.  keep: a short unit whose row should not split. */
static void emit(struct dx_writer *w, unit_fn fn, const pactum_block *b,
		 size_t lang, unsigned level, int keep)
{
	unsigned width = w->width, col;
	size_t i;

	if (lang != DX_ALL_LANGS) {
		fn(w, b, lang, level);
		return;
	}
	if (w->mode != DX_PARALLEL) {
		for (i = 0; i < w->nlangs; i++)
			fn(w, b, i, level);
		return;
	}
	if (!w->row_open)
		table_open(w);
	col = (unsigned)(width / w->nlangs);
	dx_put(w, keep ? "<w:tr><w:trPr><w:cantSplit/></w:trPr>" : "<w:tr>");
	w->width = col - 2 * CELL_MARGIN;
	for (i = 0; i < w->nlangs; i++) {
		w->after_table = 0;
		put_cell_begin(w, col);
		fn(w, b, i, level);
		put_cell_end(w);
	}
	dx_put(w, "</w:tr>");
	w->width = width;
	w->after_table = 0;
}

/* ------------------------------------------------------ units -------- */

static void unit_block(struct dx_writer *w, const pactum_block *b,
		       size_t lang, unsigned level)
{
	dx_write_block(w, b, lang, level);
}

static void unit_heading(struct dx_writer *w, const pactum_block *b,
			 size_t lang, unsigned level)
{
	dx_write_heading(w, b, lang, level);
}

static void unit_party(struct dx_writer *w, const pactum_block *b,
		       size_t lang, unsigned level)
{
	(void)level;
	dx_write_party(w, b, lang);
}

static void unit_term(struct dx_writer *w, const pactum_block *b,
		      size_t lang, unsigned level)
{
	(void)level;
	dx_write_term(w, b, lang);
}

/* A heading of the writer's own words: level is the label. */
static void unit_label_heading(struct dx_writer *w, const pactum_block *b,
			       size_t lang, unsigned which)
{
	(void)b;
	dx_para_begin(w, "Heading1", dx_locale(w, lang));
	dx_write_label(w, (pactum_label)which, lang, NULL);
	dx_para_end(w);
}

static void unit_title(struct dx_writer *w, const pactum_block *b,
		       size_t lang, unsigned level)
{
	(void)level;
	dx_para_begin(w, "ContractTitle", dx_locale(w, lang));
	dx_write_runs(w, pactum_block_title(b, lang), lang);
	dx_para_end(w);
}

static void unit_meta(struct dx_writer *w, const pactum_block *b,
		      size_t lang, unsigned level)
{
	(void)level;
	dx_para_begin(w, "ContractSubtitle", dx_locale(w, lang));
	dx_write_runs(w, pactum_block_content(b, lang), lang);
	dx_para_end(w);
}

static void unit_cover(struct dx_writer *w, const pactum_block *b,
		       size_t lang, unsigned level)
{
	const pactum_block *p;

	(void)level;
	for (p = pactum_block_first_child(b); p; p = pactum_block_next(p)) {
		if (dx_kind(p) != PACTUM_BLOCK_PARAGRAPH)
			continue;
		dx_para_begin(w, "Cover", dx_locale(w, lang));
		dx_write_runs(w, pactum_block_content(p, lang), lang);
		dx_para_end(w);
	}
}

/* ------------------------------------------------------ the walk ----- */

static void write_glossary(struct dx_writer *w, const pactum_block *g,
			   size_t lang)
{
	const pactum_block *t;

	if (g == NULL || dx_child_of_kind(g, PACTUM_BLOCK_TERM) == NULL)
		return;
	emit(w, unit_label_heading, g, lang, PACTUM_LABEL_DEFINITIONS, 1);
	for (t = pactum_block_first_child(g); t; t = pactum_block_next(t))
		if (dx_kind(t) == PACTUM_BLOCK_TERM)
			emit(w, unit_term, t, lang, 0, 1);
}

/* The children of the document, a section or an annex, in lang or
 * shared.  The glossary, when given, goes before the first section, annex
 * or signatures. */
static void walk(struct dx_writer *w, const pactum_block *parent,
		 const pactum_block *glossary, size_t lang, unsigned level)
{
	const pactum_block *c;
	pactum_block_kind kind;

	for (c = pactum_block_first_child(parent); c && w->error == 0;
	     c = pactum_block_next(c)) {
		kind = dx_kind(c);
		if (kind == PACTUM_BLOCK_SECTION || kind == PACTUM_BLOCK_ANNEX ||
		    kind == PACTUM_BLOCK_SIGNATURES) {
			write_glossary(w, glossary, lang);
			glossary = NULL;
		}
		if (kind == PACTUM_BLOCK_SECTION ||
		    kind == PACTUM_BLOCK_ANNEX ||
		    kind == PACTUM_BLOCK_PREAMBLE) {
			if (!dx_enter(w, c))
				break;
			/* an annex starts a page, where it can */
			if (kind == PACTUM_BLOCK_ANNEX && !w->row_open)
				dx_page_break(w);
			emit(w, unit_heading, c, lang, level, 1);
			walk(w, c, NULL, lang, level + 1);
			dx_leave(w);
		} else if (kind == PACTUM_BLOCK_SIGNATURES &&
			   w->mode == DX_SEQUENTIAL) {
			continue; /* signed once, after the last version */
		} else if (kind == PACTUM_BLOCK_SIGNATURES &&
			   lang == DX_ALL_LANGS) {
			table_close(w);
			dx_write_signatures(w, c, DX_ALL_LANGS);
		} else if (dx_is_body_block(c)) {
			emit(w, unit_block, c, lang, level, 0);
		}
	}
	write_glossary(w, glossary, lang);
}

/* Write unit fn of b as emit() does, but the parallel layout's
 * renderings stacked above its table: the title, the version line and
 * the cover stand over the columns. */
static void emit_top(struct dx_writer *w, unit_fn fn, const pactum_block *b,
		     size_t lang)
{
	size_t i;

	if (lang == DX_ALL_LANGS && w->mode == DX_PARALLEL)
		for (i = 0; i < w->nlangs; i++)
			fn(w, b, i, 0);
	else
		emit(w, fn, b, lang, 0, 1);
}

/* A whole version, in lang or shared: title, version line, cover,
 * parties, then the parts with the definitions before the first. */
static void write_version(struct dx_writer *w, size_t lang)
{
	const pactum_block *root = w->root, *p;
	const pactum_block *meta = dx_child_of_kind(root, PACTUM_BLOCK_META);
	const pactum_block *cover = dx_child_of_kind(root, PACTUM_BLOCK_COVER);
	const pactum_block *parties =
		dx_child_of_kind(root, PACTUM_BLOCK_PARTIES);

	emit_top(w, unit_title, root, lang);
	if (meta && pactum_block_content(meta, 0))
		emit_top(w, unit_meta, meta, lang);
	if (cover && dx_child_of_kind(cover, PACTUM_BLOCK_PARAGRAPH)) {
		emit_top(w, unit_cover, cover, lang);
		dx_page_break(w); /* a cover page of its own */
	}
	if (parties && dx_child_of_kind(parties, PACTUM_BLOCK_PARTY)) {
		emit(w, unit_label_heading, parties, lang, PACTUM_LABEL_PARTIES,
		     1);
		for (p = pactum_block_first_child(parties); p;
		     p = pactum_block_next(p))
			if (dx_kind(p) == PACTUM_BLOCK_PARTY)
				emit(w, unit_party, p, lang, 0, 1);
	}
	walk(w, root, dx_child_of_kind(root, PACTUM_BLOCK_GLOSSARY), lang, 0);
	table_close(w);
}

/* Sequential layout: the signatures, once for every version, after the
 * last (the text writer signs there too). */
static void write_signatures_once(struct dx_writer *w)
{
	const pactum_block *c;

	for (c = pactum_block_first_child(w->root); c; c = pactum_block_next(c))
		if (dx_kind(c) == PACTUM_BLOCK_SIGNATURES && dx_is_body_block(c))
			dx_write_signatures(w, c, DX_ALL_LANGS);
}

/* A section's properties: the page, its margins, and header and footer
 * number index (see parts.c). */
static void put_sectpr(struct dx_writer *w, size_t index)
{
	dx_put(w, "<w:sectPr><w:headerReference w:type=\"default\" "
		  "r:id=\"rIdH");
	dx_put_uint(w, index);
	dx_put(w, "\"/><w:footerReference w:type=\"default\" r:id=\"rIdF");
	dx_put_uint(w, index);
	dx_put(w, "\"/><w:footnotePr><w:numFmt w:val=\"decimal\"/>"
		  "</w:footnotePr><w:type w:val=\"nextPage\"/><w:pgSz w:w=\"");
	dx_put_uint(w, w->page_w);
	dx_put(w, "\" w:h=\"");
	dx_put_uint(w, w->page_h);
	dx_put(w, "\"/><w:pgMar w:top=\"1417\" w:right=\"1417\" "
		  "w:bottom=\"1134\" w:left=\"1417\" w:header=\"708\" "
		  "w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>");
}

void dx_write_document(struct dx_writer *w)
{
	size_t i;

	dx_set_out(w, w->body);
	dx_put(w, "<?xml version=\"1.0\" encoding=\"UTF-8\" "
		  "standalone=\"yes\"?>\n<w:document xmlns:w=\""
		  "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
		  "\" xmlns:r=\"http://schemas.openxmlformats.org/"
		  "officeDocument/2006/relationships\"><w:body>");
	switch (w->mode) {
	case DX_SINGLE:
		write_version(w, 0);
		break;
	case DX_SEQUENTIAL:
		for (i = 0; i < w->nlangs; i++) {
			if (i > 0) { /* the previous version's section ends */
				dx_put(w, "<w:p><w:pPr>");
				put_sectpr(w, i - 1);
				dx_put(w, "</w:pPr></w:p>");
			}
			write_version(w, i);
		}
		write_signatures_once(w);
		break;
	default:
		write_version(w, DX_ALL_LANGS);
		break;
	}
	if (w->after_table) { /* Word wants a paragraph before sectPr */
		dx_para_begin(w, "TableEnd", dx_locale(w, 0));
		dx_para_end(w);
	}
	put_sectpr(w, dx_header_count(w) - 1);
	dx_put(w, "</w:body></w:document>");
}
