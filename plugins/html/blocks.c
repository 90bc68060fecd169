/*
 * One block in one language: clauses (an <article> each), paragraphs,
 * recitals, lists, tables, the parties, the defined terms and the
 * signature blocks.  cell: the block stands in a row of the parallel or
 * interleaved layout and says its language.
 */
#include "config.h"

#include <string.h>

#include "html.h"

const pactum_block *h_child_of_kind(const pactum_block *b,
				    pactum_block_kind kind)
{
	const pactum_block *c;

	for (c = pactum_block_first_child(b); c; c = pactum_block_next(c))
		if (pactum_block_kind_of(c) == kind)
			return c;
	return NULL;
}

/* A block of the body (not a part): what a row holds.  An empty list,
 * table or signatures block renders as nothing. */
int h_is_body(const pactum_block *b)
{
	switch (pactum_block_kind_of(b)) {
	case PACTUM_BLOCK_CLAUSE:
	case PACTUM_BLOCK_PARAGRAPH:
	case PACTUM_BLOCK_RECITAL:
		return 1;
	case PACTUM_BLOCK_LIST:
		return h_child_of_kind(b, PACTUM_BLOCK_ITEM) != NULL;
	case PACTUM_BLOCK_TABLE:
		return pactum_block_columns(b) > 0 &&
		       h_child_of_kind(b, PACTUM_BLOCK_ROW) != NULL;
	case PACTUM_BLOCK_SIGNATURES:
		return h_child_of_kind(b, PACTUM_BLOCK_SIGNATURE) != NULL;
	default:
		return 0;
	}
}

/* '<span class="CLS">NUMBER</span> ' when the block is numbered. */
static void put_number(struct html *w, const pactum_block *b,
		       const char *cls)
{
	const char *n = pactum_block_number(b);

	if (n == NULL)
		return;
	h_put(w, "<span class=\"");
	h_put(w, cls);
	h_put(w, "\">");
	h_str(w, n);
	h_put(w, "</span> ");
}

static void write_para(struct html *w, const pactum_block *p, size_t lang,
		       int cell)
{
	h_put(w, "<p");
	if (cell)
		h_cell_lang(w, lang);
	h_put(w, ">");
	h_runs(w, pactum_block_content(p, lang), lang);
	h_put(w, "</p>\n");
}

static void write_recital(struct html *w, const pactum_block *r,
			  size_t lang, int cell)
{
	h_put(w, "<p class=\"recital\"");
	h_id_attr(w, "", pactum_block_id(r), lang);
	if (cell)
		h_cell_lang(w, lang);
	h_put(w, ">");
	put_number(w, r, "num");
	h_runs(w, pactum_block_content(r, lang), lang);
	h_put(w, "</p>\n");
}

static void write_list(struct html *w, const pactum_block *list,
		       size_t lang, int cell)
{
	const char *tag = pactum_block_ordered(list) ? "ol" : "ul";
	const pactum_block *item, *c;

	h_put(w, "<");
	h_put(w, tag);
	h_put(w, " class=\"list\"");
	if (cell)
		h_cell_lang(w, lang);
	h_put(w, ">\n");
	for (item = pactum_block_first_child(list); item;
	     item = pactum_block_next(item)) {
		if (pactum_block_kind_of(item) != PACTUM_BLOCK_ITEM)
			continue;
		h_put(w, "<li");
		h_id_attr(w, "", pactum_block_id(item), lang);
		h_put(w, ">");
		put_number(w, item, "num");
		h_runs(w, pactum_block_content(item, lang), lang);
		for (c = pactum_block_first_child(item); c;
		     c = pactum_block_next(c))
			if (pactum_block_kind_of(c) == PACTUM_BLOCK_LIST &&
			    h_is_body(c))
				write_list(w, c, lang, 0);
		h_put(w, "</li>\n");
	}
	h_put(w, "</");
	h_put(w, tag);
	h_put(w, ">\n");
}

/* A row's cells: the core gives every row as many as the table has
 * columns; header rows' are <th>. */
static void write_row(struct html *w, const pactum_block *row, size_t lang)
{
	int header = pactum_block_header(row);
	const pactum_block *c;

	h_put(w, "<tr>");
	for (c = pactum_block_first_child(row); c; c = pactum_block_next(c)) {
		if (pactum_block_kind_of(c) != PACTUM_BLOCK_CELL)
			continue;
		h_put(w, header ? "<th scope=\"col\">" : "<td>");
		h_runs(w, pactum_block_content(c, lang), lang);
		h_put(w, header ? "</th>" : "</td>");
	}
	h_put(w, "</tr>\n");
}

/* A table: its leading header rows are the <thead>, repeated on every
 * page the table spans. */
static void write_table(struct html *w, const pactum_block *t, size_t lang,
			int cell)
{
	const char *open = NULL; /* the row group being written */
	const pactum_block *r;
	int head = 0;

	h_put(w, "<table class=\"table\"");
	h_id_attr(w, "", pactum_block_id(t), lang);
	if (cell)
		h_cell_lang(w, lang);
	h_put(w, ">\n");
	for (r = pactum_block_first_child(t); r; r = pactum_block_next(r)) {
		if (pactum_block_kind_of(r) != PACTUM_BLOCK_ROW)
			continue;
		if (open == NULL && pactum_block_header(r)) {
			open = "</thead>\n";
			h_put(w, "<thead>\n");
			head = 1;
		} else if (open == NULL || (head && !pactum_block_header(r))) {
			h_put(w, open ? open : "");
			open = "</tbody>\n";
			h_put(w, "<tbody>\n");
			head = 0;
		}
		write_row(w, r, lang);
	}
	h_put(w, open ? open : "");
	h_put(w, "</table>\n");
}

/*
 * A clause: an <article> carrying its id.  The number hangs in the
 * margin before the heading or, without one, before the first
 * paragraph; an omitted clause is its number and the core's
 * "[intentionally omitted]".
 */
static void write_clause(struct html *w, const pactum_block *clause,
			 size_t lang, unsigned level, int cell)
{
	const pactum_run *title = pactum_block_title(clause, lang);
	const pactum_block *c = pactum_block_first_child(clause);
	int omitted = pactum_block_omitted(clause), numbered = 0;

	h_put(w, omitted ? "<article class=\"clause omitted\""
			 : "<article class=\"clause\"");
	h_id_attr(w, "", pactum_block_id(clause), lang);
	if (cell)
		h_cell_lang(w, lang);
	h_put(w, ">\n");
	if (title && !omitted) {
		h_heading_open(w, level, "clause-title");
		h_put(w, ">");
		put_number(w, clause, "cnum");
		h_runs(w, title, lang);
		h_heading_close(w, level);
		numbered = 1;
	} else if (omitted || c == NULL ||
		   pactum_block_kind_of(c) != PACTUM_BLOCK_PARAGRAPH) {
		h_put(w, "<p>");
		put_number(w, clause, "cnum");
		h_runs(w, title, lang);
		h_put(w, "</p>\n");
		numbered = 1;
	}
	for (; c; c = pactum_block_next(c)) {
		if (!h_is_body(c))
			continue;
		if (!numbered) { /* the first paragraph, with the number */
			h_put(w, "<p>");
			put_number(w, clause, "cnum");
			h_runs(w, pactum_block_content(c, lang), lang);
			h_put(w, "</p>\n");
			numbered = 1;
			continue;
		}
		h_body_block(w, c, lang, level, 0);
	}
	h_put(w, "</article>\n");
}

/* A body block in rendering lang (level: of a clause's heading).
 * Signatures are written where they stand by parts.c. */
void h_body_block(struct html *w, const pactum_block *b, size_t lang,
		  unsigned level, int cell)
{
	if (!h_is_body(b))
		return;
	switch (pactum_block_kind_of(b)) {
	case PACTUM_BLOCK_CLAUSE:
		write_clause(w, b, lang, level, cell);
		break;
	case PACTUM_BLOCK_PARAGRAPH:
		write_para(w, b, lang, cell);
		break;
	case PACTUM_BLOCK_RECITAL:
		write_recital(w, b, lang, cell);
		break;
	case PACTUM_BLOCK_LIST:
		write_list(w, b, lang, cell);
		break;
	case PACTUM_BLOCK_TABLE:
		write_table(w, b, lang, cell);
		break;
	default:
		break;
	}
}

/* A defined term: „<dfn>Name</dfn>“ and its definition; as a cell, in a
 * <dl> of its own. */
void h_term(struct html *w, const pactum_block *term, size_t lang, int cell)
{
	if (cell) {
		h_put(w, "<dl class=\"definitions\"");
		h_cell_lang(w, lang);
		h_put(w, ">\n");
	}
	h_put(w, "<dt");
	h_id_attr(w, "term.", pactum_block_id(term), lang);
	h_put(w, ">");
	h_word(w, PACTUM_LABEL_OPEN_QUOTE, lang);
	h_put(w, "<dfn>");
	h_runs(w, pactum_block_title(term, lang), lang);
	h_put(w, "</dfn>");
	h_word(w, PACTUM_LABEL_CLOSE_QUOTE, lang);
	h_put(w, "</dt>\n<dd>");
	h_runs(w, pactum_block_content(term, lang), lang);
	h_put(w, "</dd>\n");
	if (cell)
		h_put(w, "</dl>\n");
}

/*
 * A party's field, as the shipped writers show it: the name and the
 * address without their labels (they are who the party is),
 * "vertreten durch Dr. Jana Weller", every other one "Label: value".
 */
static void write_field(struct html *w, const pactum_block *f, size_t lang)
{
	const pactum_run *label = pactum_block_title(f, lang);
	const char *id = pactum_block_id(f);

	h_put(w, "<p class=\"field\"");
	h_attr(w, "data-field", id);
	h_put(w, ">");
	if (label && id && strcmp(id, "name") != 0 &&
	    strcmp(id, "address") != 0) {
		h_put(w, "<span class=\"label\">");
		h_runs(w, label, lang);
		h_put(w, strcmp(id, "representative") == 0 ? "</span> "
							   : ":</span> ");
	}
	h_runs(w, pactum_block_content(f, lang), lang);
	h_put(w, "</p>\n");
}

/* The parties in rendering lang: a <dl>, the role over the fields. */
void h_parties(struct html *w, const pactum_block *parties, size_t lang,
	       int cell)
{
	const pactum_block *p, *f;

	h_put(w, "<dl class=\"parties\"");
	if (cell)
		h_cell_lang(w, lang);
	h_put(w, ">\n");
	for (p = pactum_block_first_child(parties); p; p = pactum_block_next(p)) {
		if (pactum_block_kind_of(p) != PACTUM_BLOCK_PARTY)
			continue;
		h_put(w, "<dt");
		h_attr(w, "data-party", pactum_block_id(p));
		h_put(w, ">");
		h_runs(w, pactum_block_title(p, lang), lang);
		h_put(w, "</dt>\n<dd>\n");
		for (f = pactum_block_first_child(p); f; f = pactum_block_next(f))
			if (pactum_block_kind_of(f) == PACTUM_BLOCK_FIELD)
				write_field(w, f, lang);
		h_put(w, "</dd>\n");
	}
	h_put(w, "</dl>\n");
}
