/*
 * The walk of the document: its header, sections, annexes, preamble,
 * parties, definitions, signatures and notes, in one language or, shared
 * (ALL_LANGS), as rows holding every language's version of a block:
 *
 *   parallel     each row a two-column grid, so that every clause stands
 *                beside its translation and the pair starts level;
 *   interleaved  the same rows stacked: each block in every language in
 *                turn (the stylesheet makes the difference);
 *   sequential   one <div class="version" lang> per language holding its
 *                whole document.
 *
 * A heading of a shared part is one <hN class="row"> with a <span lang>
 * per language; the numbered parts' ids are on those spans, so that a
 * link in each language finds the heading in its own.
 */
#include "config.h"

#include <string.h>

#include "html.h"

typedef void inner_fn(struct html *w, const pactum_block *b, size_t lang);

static void write_children(struct html *w, const pactum_block *parent,
			   size_t lang, unsigned level);

/* "1. Lieferung", "3.2 Preise": a top-level section's number gets a
 * full stop, as the text writer has it. */
static void section_title(struct html *w, const pactum_block *s,
			  size_t lang)
{
	const char *n = pactum_block_number(s);

	if (n) {
		h_put(w, "<span class=\"num\">");
		h_str(w, n);
		h_put(w, strchr(n, '.') ? "</span> " : ".</span> ");
	}
	h_runs(w, pactum_block_title(s, lang), lang);
}

/* "Anlage 1 – Produkte"; the label alone where it has no title. */
static void annex_title(struct html *w, const pactum_block *a, size_t lang)
{
	const pactum_run *title = pactum_block_title(a, lang);

	h_put(w, "<span class=\"num\">");
	h_str(w, pactum_block_label(a, lang));
	h_put(w, "</span>");
	if (title == NULL)
		return;
	h_put(w, pactum_block_omitted(a) ? " " : " \xe2\x80\x93 ");
	h_runs(w, title, lang);
}

static void plain_title(struct html *w, const pactum_block *b, size_t lang)
{
	h_runs(w, pactum_block_title(b, lang), lang);
}

static void plain_content(struct html *w, const pactum_block *b,
			  size_t lang)
{
	h_runs(w, pactum_block_content(b, lang), lang);
}

/* "<hN>" holding inner (or, with none, the word which) in lang, or a row
 * of them in every language; ids: the numbered part's id goes there. */
static void heading(struct html *w, unsigned level, const pactum_block *b,
		    size_t lang, inner_fn *inner, pactum_label which, int ids)
{
	size_t i, from = lang == ALL_LANGS ? 0 : lang;
	size_t to = lang == ALL_LANGS ? w->nlangs : lang + 1;

	h_heading_open(w, level, lang == ALL_LANGS ? "row" : NULL);
	h_put(w, ">");
	for (i = from; i < to; i++) {
		if (lang == ALL_LANGS) {
			h_put(w, "<span");
			h_lang_attr(w, i);
			if (ids)
				h_id_attr(w, "", pactum_block_id(b), i);
			h_put(w, ">");
		}
		if (inner)
			inner(w, b, i);
		else
			h_word(w, which, i);
		if (lang == ALL_LANGS)
			h_put(w, "</span>");
	}
	h_heading_close(w, level);
}

/* '<section class="CLS">', carrying the part's id in one language. */
static void open_part(struct html *w, const char *cls, const pactum_block *b,
		      size_t lang)
{
	h_put(w, "<section class=\"");
	h_put(w, cls);
	h_put(w, b && pactum_block_omitted(b) ? " omitted\"" : "\"");
	if (b && lang != ALL_LANGS)
		h_id_attr(w, "", pactum_block_id(b), lang);
	h_put(w, ">\n");
}

/* A paragraph-like line of the header in lang, or a row of them. */
static void header_line(struct html *w, const char *cls,
			const pactum_block *b, size_t lang, inner_fn *inner)
{
	size_t i;

	if (lang != ALL_LANGS) {
		h_put(w, "<p");
		h_attr(w, "class", cls);
		h_put(w, ">");
		inner(w, b, lang);
		h_put(w, "</p>\n");
		return;
	}
	h_put(w, "<div class=\"row\">");
	for (i = 0; i < w->nlangs; i++) {
		h_put(w, "<p");
		h_attr(w, "class", cls);
		h_lang_attr(w, i);
		h_put(w, ">");
		inner(w, b, i);
		h_put(w, "</p>");
	}
	h_put(w, "</div>\n");
}

static void lang_name(struct html *w, const pactum_block *b, size_t lang)
{
	(void)b;
	h_lang_name(w, lang);
}

/* The title, the language's name, the version line and the cover's
 * paragraphs; a cover gets a page of its own in print. */
static void write_header(struct html *w, size_t lang)
{
	const pactum_block *meta = h_child_of_kind(w->root, PACTUM_BLOCK_META);
	const pactum_block *cover =
		h_child_of_kind(w->root, PACTUM_BLOCK_COVER);
	const pactum_block *p;

	h_put(w, cover ? "<header class=\"cover has-cover\">\n"
		       : "<header class=\"cover\">\n");
	if (w->nlangs > 1 && w->mode != MODE_INTERLEAVED)
		header_line(w, "language", NULL, lang, lang_name);
	heading(w, 1, w->root, lang, plain_title, PACTUM_LABEL_COUNT_, 0);
	if (meta && pactum_block_content(meta, 0))
		header_line(w, "meta", meta, lang, plain_content);
	for (p = cover ? pactum_block_first_child(cover) : NULL; p;
	     p = pactum_block_next(p))
		if (pactum_block_kind_of(p) == PACTUM_BLOCK_PARAGRAPH)
			header_line(w, "cover-text", p, lang, plain_content);
	h_put(w, "</header>\n");
}

/* A body block in lang, or a row of it in every language. */
static void body_row(struct html *w, const pactum_block *b, size_t lang,
		     unsigned level)
{
	size_t i;

	if (lang != ALL_LANGS) {
		h_body_block(w, b, lang, level, 0);
		return;
	}
	h_put(w, "<div class=\"row\">\n");
	for (i = 0; i < w->nlangs; i++)
		h_body_block(w, b, i, level, 1);
	h_put(w, "</div>\n");
}

static void write_parties(struct html *w, const pactum_block *ps,
			  size_t lang, unsigned level)
{
	size_t i;

	if (!h_child_of_kind(ps, PACTUM_BLOCK_PARTY))
		return;
	open_part(w, "parties-part", NULL, lang);
	heading(w, level, ps, lang, NULL, PACTUM_LABEL_PARTIES, 0);
	if (lang != ALL_LANGS) {
		h_parties(w, ps, lang, 0);
	} else {
		h_put(w, "<div class=\"row\">\n");
		for (i = 0; i < w->nlangs; i++)
			h_parties(w, ps, i, 1);
		h_put(w, "</div>\n");
	}
	h_put(w, "</section>\n");
}

/* The definitions: one <dl>, or shared a row per term so each stands
 * beside its translation. */
static void write_glossary(struct html *w, const pactum_block *g,
			   size_t lang, unsigned level)
{
	const pactum_block *t;
	size_t i;

	if (!h_child_of_kind(g, PACTUM_BLOCK_TERM))
		return;
	open_part(w, "definitions-part", NULL, lang);
	heading(w, level, g, lang, NULL, PACTUM_LABEL_DEFINITIONS, 0);
	if (lang != ALL_LANGS)
		h_put(w, "<dl class=\"definitions\">\n");
	for (t = pactum_block_first_child(g); t; t = pactum_block_next(t)) {
		if (pactum_block_kind_of(t) != PACTUM_BLOCK_TERM)
			continue;
		if (lang != ALL_LANGS) {
			h_term(w, t, lang, 0);
			continue;
		}
		h_put(w, "<div class=\"row\">\n");
		for (i = 0; i < w->nlangs; i++)
			h_term(w, t, i, 1);
		h_put(w, "</div>\n");
	}
	h_put(w, lang != ALL_LANGS ? "</dl>\n</section>\n" : "</section>\n");
}

static void write_signatures(struct html *w, const pactum_block *sigs,
			     size_t lang, unsigned level)
{
	open_part(w, "signatures-part", NULL, lang);
	heading(w, level, sigs, lang, NULL, PACTUM_LABEL_SIGNATURES, 0);
	h_signatures(w, sigs, lang);
	h_put(w, "</section>\n");
}

/* A section, an annex or a (titled) preamble: its heading, then its
 * children a level down. */
static void write_part(struct html *w, const char *cls, const pactum_block *b,
		       size_t lang, unsigned level, inner_fn *inner)
{
	int titled = inner != plain_title ||
		     pactum_block_title(b, lang == ALL_LANGS ? 0 : lang);

	open_part(w, cls, b, lang);
	if (titled)
		heading(w, level, b, lang, inner, PACTUM_LABEL_COUNT_, 1);
	write_children(w, b, lang, titled ? level + 1 : level);
	h_put(w, "</section>\n");
}

/* The children of the document, a section or an annex, in lang or
 * shared.  Kinds this writer does not know are skipped with theirs. */
static void write_children(struct html *w, const pactum_block *parent,
			   size_t lang, unsigned level)
{
	const pactum_block *c;

	if (++w->depth > HTML_MAX_DEPTH) {
		pactum_pos pos = pactum_block_pos(w->doc, parent);

		pactum_diag_report(w->diag, PACTUM_ERROR, &pos,
				   /* TRANSLATORS: %d is a number */
				   _("the document nests more than %d levels "
				     "deep"), HTML_MAX_DEPTH);
		h_fail(w, PACTUM_EINPUT);
	}
	for (c = pactum_block_first_child(parent); c && w->error == PACTUM_OK;
	     c = pactum_block_next(c)) {
		switch (pactum_block_kind_of(c)) {
		case PACTUM_BLOCK_SECTION:
			write_part(w, "section", c, lang, level, section_title);
			break;
		case PACTUM_BLOCK_ANNEX:
			write_part(w, "annex", c, lang, level, annex_title);
			break;
		case PACTUM_BLOCK_PREAMBLE:
			write_part(w, "preamble", c, lang, level, plain_title);
			break;
		case PACTUM_BLOCK_PARTIES:
			write_parties(w, c, lang, level);
			break;
		case PACTUM_BLOCK_GLOSSARY:
			write_glossary(w, c, lang, level);
			break;
		case PACTUM_BLOCK_SIGNATURES:
			if (h_is_body(c))
				write_signatures(w, c, lang, level);
			break;
		default: /* META and COVER are the header's */
			if (h_is_body(c))
				body_row(w, c, lang, level);
			break;
		}
	}
	w->depth--;
}

/* ------------------------------------------------------ notes -------- */

/* One note in lang: its number, linked back to its mark, and its text. */
static void write_note(struct html *w, const pactum_block *fn, size_t lang,
		       const char *tag)
{
	const char *n = pactum_block_number(fn);

	h_put(w, "<");
	h_put(w, tag);
	h_id_attr(w, "fn.", n, lang);
	h_cell_lang(w, lang); /* a cell of a row: no lang in a list */
	h_put(w, "><a class=\"fnback\" href=\"#");
	h_id(w, "fnref.", n, lang);
	h_put(w, "\" role=\"doc-backlink\">");
	h_str(w, n);
	h_put(w, "</a> ");
	w->in_note = 1;
	h_runs(w, pactum_block_content(fn, lang), lang);
	w->in_note = 0;
	h_put(w, "</");
	h_put(w, tag);
	h_put(w, ">\n");
}

/* The notes below b in document order, the list opened before the
 * first (*any). */
static void write_notes_below(struct html *w, const pactum_block *b,
			      size_t lang, int *any)
{
	const pactum_block *c;
	size_t i;

	if (++w->depth > HTML_MAX_DEPTH) {
		h_fail(w, PACTUM_EINPUT); /* reported by write_children() */
		return;
	}
	for (c = pactum_block_first_child(b); c && w->error == PACTUM_OK;
	     c = pactum_block_next(c)) {
		if (pactum_block_kind_of(c) == PACTUM_BLOCK_FOOTNOTE &&
		    pactum_block_number(c)) {
			if (!*any) {
				heading(w, 2, NULL, lang, NULL,
					PACTUM_LABEL_FOOTNOTES, 0);
				h_put(w, "<ol class=\"notes\">\n");
			}
			*any = 1;
			if (lang != ALL_LANGS) {
				write_note(w, c, lang, "li");
				continue;
			}
			h_put(w, "<li class=\"row\">\n");
			for (i = 0; i < w->nlangs; i++)
				write_note(w, c, i, "div");
			h_put(w, "</li>\n");
		} else if (pactum_block_kind_of(c) <= PACTUM_BLOCK_FOOTNOTE) {
			write_notes_below(w, c, lang, any);
		}
	}
	w->depth--;
}

/* The notes at the end, each linked with its mark; written aside first,
 * since whether there are any shows only on the way. */
static void write_notes(struct html *w, size_t lang)
{
	pactum_sink *out = w->out, *notes = NULL;
	const char *bytes;
	size_t len;
	int any = 0;

	if (w->error != PACTUM_OK ||
	    (w->error = pactum_sink_new(&notes)) != PACTUM_OK)
		return;
	w->out = notes;
	h_put(w, "<section class=\"footnotes\" role=\"doc-endnotes\">\n");
	write_notes_below(w, w->root, lang, &any);
	h_put(w, "</ol>\n</section>\n");
	w->out = out;
	if (any) {
		bytes = pactum_sink_data(notes, &len);
		h_putn(w, bytes, len);
	}
	pactum_sink_free(notes);
}

static void write_version(struct html *w, size_t lang)
{
	write_header(w, lang);
	write_children(w, w->root, lang, 2);
	write_notes(w, lang);
}

/* The body's content, in the layout's arrangement. */
void h_document(struct html *w)
{
	size_t i;

	if (w->mode == MODE_SINGLE) {
		write_version(w, 0);
		return;
	}
	if (w->mode != MODE_SEQUENTIAL) {
		write_version(w, ALL_LANGS);
		return;
	}
	for (i = 0; i < w->nlangs && w->error == PACTUM_OK; i++) {
		h_put(w, "<div class=\"version\"");
		h_lang_attr(w, i);
		h_put(w, ">\n");
		write_version(w, i);
		h_put(w, "</div>\n");
	}
}
