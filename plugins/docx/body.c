/*
 * The docx writer's blocks, one language at a time: headings, clauses
 * with their numbers as text (the core's, so that references in the text
 * stay right whatever Word would count), paragraphs, lists, tables,
 * recitals, parties and glossary entries.  The arrangement of languages
 * is layout.c's.
 */
#include "config.h"

#include <libintl.h>
#include <string.h>

#include "docx.h"

pactum_block_kind dx_kind(const pactum_block *b)
{
	return pactum_block_kind_of(b);
}

const pactum_block *dx_child_of_kind(const pactum_block *b,
				     pactum_block_kind kind)
{
	const pactum_block *c;

	for (c = pactum_block_first_child(b); c; c = pactum_block_next(c))
		if (dx_kind(c) == kind)
			return c;
	return NULL;
}

/* A block written as paragraphs or a table (not a part with a heading);
 * an empty list or table is nothing. */
int dx_is_body_block(const pactum_block *b)
{
	switch (dx_kind(b)) {
	case PACTUM_BLOCK_CLAUSE:
	case PACTUM_BLOCK_PARAGRAPH:
	case PACTUM_BLOCK_RECITAL:
		return 1;
	case PACTUM_BLOCK_LIST:
		return dx_child_of_kind(b, PACTUM_BLOCK_ITEM) != NULL;
	case PACTUM_BLOCK_TABLE:
		return pactum_block_columns(b) > 0 &&
		       dx_child_of_kind(b, PACTUM_BLOCK_ROW) != NULL;
	case PACTUM_BLOCK_SIGNATURES:
		return dx_child_of_kind(b, PACTUM_BLOCK_SIGNATURE) != NULL;
	default:
		return 0;
	}
}

/* One level down the tree; refuses (and reports) a tree deeper than any
 * model makes, so that hostile input cannot exhaust the stack. */
int dx_enter(struct dx_writer *w, const pactum_block *b)
{
	if (w->error != PACTUM_OK)
		return 0;
	if (w->depth >= DX_MAX_DEPTH) {
		/* TRANSLATORS: the docx writer refuses a document tree deeper
		 * than it walks. */
		dx_fail(w, PACTUM_EINPUT, b,
			_("the document nests too deeply for the docx writer"));
		return 0;
	}
	w->depth++;
	return 1;
}

void dx_leave(struct dx_writer *w)
{
	w->depth--;
}

/* A numbered paragraph: style, the target's bookmark, the number and a
 * tab, then content (NULL: none); no number: the content alone. */
static void numbered_para(struct dx_writer *w, const char *style,
			  const pactum_block *target, const pactum_run *content,
			  size_t lang)
{
	const char *locale = dx_locale(w, lang);
	const char *number = pactum_block_number(target);
	unsigned mark;

	dx_para_begin(w, style, locale);
	mark = dx_bookmark_begin(w, "", pactum_block_id(target), lang);
	if (number) {
		dx_run_str(w, "ClauseNumber", number, locale);
		dx_tab(w, locale);
	}
	dx_bookmark_end(w, mark);
	dx_write_runs(w, content, lang);
	dx_para_end(w);
}

static void write_list(struct dx_writer *w, const pactum_block *list,
		       size_t lang, unsigned level)
{
	static const char *const styles[] = { "ListItem1", "ListItem2",
					      "ListItem3" };
	const char *style = styles[level < 3 ? level : 2];
	const char *locale = dx_locale(w, lang);
	const pactum_block *item, *c;
	unsigned mark;

	for (item = pactum_block_first_child(list); item && w->error == 0;
	     item = pactum_block_next(item)) {
		if (dx_kind(item) != PACTUM_BLOCK_ITEM || !dx_enter(w, item))
			continue;
		if (pactum_block_ordered(list) && pactum_block_number(item)) {
			numbered_para(w, style, item,
				      pactum_block_content(item, lang), lang);
		} else {
			dx_para_begin(w, style, locale);
			mark = dx_bookmark_begin(w, "", pactum_block_id(item),
						 lang);
			dx_run_str(w, NULL, "\xe2\x80\xa2", locale); /* • */
			dx_tab(w, locale);
			dx_bookmark_end(w, mark);
			dx_write_runs(w, pactum_block_content(item, lang), lang);
			dx_para_end(w);
		}
		for (c = pactum_block_first_child(item); c;
		     c = pactum_block_next(c))
			if (dx_kind(c) == PACTUM_BLOCK_LIST &&
			    dx_is_body_block(c) && dx_enter(w, c)) {
				write_list(w, c, lang, level + 1);
				dx_leave(w);
			}
		dx_leave(w);
	}
}

/* The parts of a clause: its number (and heading) first, in a paragraph
 * of their own when the clause has a heading or does not start with a
 * paragraph, else at the start of that paragraph. */
static void write_clause(struct dx_writer *w, const pactum_block *clause,
			 size_t lang)
{
	const pactum_run *heading = pactum_block_title(clause, lang);
	const pactum_block *c = pactum_block_first_child(clause);

	while (c && !dx_is_body_block(c))
		c = pactum_block_next(c);
	if (heading) {
		numbered_para(w, "ClauseHeading", clause, heading, lang);
	} else if (c && dx_kind(c) == PACTUM_BLOCK_PARAGRAPH) {
		numbered_para(w, "ClauseText", clause,
			      pactum_block_content(c, lang), lang);
		c = pactum_block_next(c);
	} else {
		numbered_para(w, "ClauseText", clause, NULL, lang);
	}
	for (; c && w->error == PACTUM_OK; c = pactum_block_next(c)) {
		if (!dx_is_body_block(c) || !dx_enter(w, c))
			continue;
		if (dx_kind(c) == PACTUM_BLOCK_PARAGRAPH)
			numbered_para(w, "ClauseBody", c,
				      pactum_block_content(c, lang), lang);
		else if (dx_kind(c) == PACTUM_BLOCK_LIST)
			write_list(w, c, lang, 0);
		else if (dx_kind(c) == PACTUM_BLOCK_TABLE)
			dx_write_table(w, c, lang);
		dx_leave(w);
	}
}

/* ------------------------------------------------------ tables ------- */

static void put_width(struct dx_writer *w, const char *element, unsigned tw)
{
	dx_put(w, "<");
	dx_put(w, element);
	dx_put(w, " w:w=\"");
	dx_put_uint(w, tw);
	dx_put(w, "\" w:type=\"dxa\"/>");
}

/* A model table: the grid of the text width, the leading header rows
 * repeated on every page, no row split across pages.  The core gives
 * every row as many cells as the table has columns; pad all the same. */
void dx_write_table(struct dx_writer *w, const pactum_block *t, size_t lang)
{
	size_t cols = pactum_block_columns(t), i;
	unsigned col = (unsigned)(w->width / (cols ? cols : 1));
	const pactum_block *row, *cell;
	int leading = 1, header;

	dx_put(w, "<w:tbl><w:tblPr><w:tblStyle w:val=\"ContractTable\"/>");
	put_width(w, "w:tblW", (unsigned)(col * cols));
	dx_put(w, "<w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"0420\" "
		  "w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" "
		  "w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/>"
		  "</w:tblPr><w:tblGrid>");
	for (i = 0; i < cols; i++)
		put_width(w, "w:gridCol", col);
	dx_put(w, "</w:tblGrid>");
	for (row = pactum_block_first_child(t); row && w->error == 0;
	     row = pactum_block_next(row)) {
		if (dx_kind(row) != PACTUM_BLOCK_ROW)
			continue;
		header = pactum_block_header(row);
		leading = leading && header;
		dx_put(w, leading ? "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/>"
				    "</w:trPr>"
				  : "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
		cell = pactum_block_first_child(row);
		for (i = 0; i < cols; i++) {
			while (cell && dx_kind(cell) != PACTUM_BLOCK_CELL)
				cell = pactum_block_next(cell);
			dx_put(w, "<w:tc><w:tcPr>");
			put_width(w, "w:tcW", col);
			dx_put(w, "</w:tcPr>");
			dx_para_begin(w, header ? "TableHeading" : "TableText",
				      dx_locale(w, lang));
			if (cell)
				dx_write_runs(w, pactum_block_content(cell, lang),
					      lang);
			dx_para_end(w);
			dx_put(w, "</w:tc>");
			if (cell)
				cell = pactum_block_next(cell);
		}
		dx_put(w, "</w:tr>");
	}
	dx_put(w, "</w:tbl>");
	w->after_table = 1;
}

/* ------------------------------------------------------ blocks ------- */

/* A body block in lang; level is that of the part it stands in. */
void dx_write_block(struct dx_writer *w, const pactum_block *b,
		    size_t lang, unsigned level)
{
	(void)level;
	if (!dx_enter(w, b))
		return;
	switch (dx_kind(b)) {
	case PACTUM_BLOCK_CLAUSE:
		write_clause(w, b, lang);
		break;
	case PACTUM_BLOCK_PARAGRAPH:
		numbered_para(w, "BodyText", b, pactum_block_content(b, lang),
			      lang);
		break;
	case PACTUM_BLOCK_RECITAL:
		numbered_para(w, "Recital", b, pactum_block_content(b, lang),
			      lang);
		break;
	case PACTUM_BLOCK_LIST:
		if (dx_is_body_block(b))
			write_list(w, b, lang, 0);
		break;
	case PACTUM_BLOCK_TABLE:
		if (dx_is_body_block(b))
			dx_write_table(w, b, lang);
		break;
	case PACTUM_BLOCK_SIGNATURES:
		dx_write_signatures(w, b, lang);
		break;
	default: /* footnotes are written at their marks; newer kinds
		  * are skipped, as plugin.h says */
		break;
	}
	dx_leave(w);
}

/*
 * The heading of a part in lang: a section's number and title in the
 * heading style of its level, an annex's "Anlage 1 – Produkte" (its label
 * alone where it has no title), a preamble's title; each carries the
 * part's bookmark.
 */
void dx_write_heading(struct dx_writer *w, const pactum_block *b,
		      size_t lang, unsigned level)
{
	static const char *const styles[] = { "Heading1", "Heading2",
					      "Heading3", "Heading4" };
	const char *locale = dx_locale(w, lang);
	const pactum_run *title = pactum_block_title(b, lang);
	unsigned mark;

	if (dx_kind(b) == PACTUM_BLOCK_SECTION) {
		numbered_para(w, styles[level < 4 ? level : 3], b, title,
			      lang);
		return;
	}
	if (dx_kind(b) == PACTUM_BLOCK_PREAMBLE) {
		if (title == NULL)
			return;
		dx_para_begin(w, styles[level < 4 ? level : 3], locale);
		dx_write_runs(w, title, lang);
		dx_para_end(w);
		return;
	}
	dx_para_begin(w, "AnnexHeading", locale);
	mark = dx_bookmark_begin(w, "", pactum_block_id(b), lang);
	dx_run_str(w, NULL, pactum_block_label(b, lang), locale);
	dx_bookmark_end(w, mark);
	if (title) {
		dx_run_str(w, NULL, " \xe2\x80\x93 ", locale); /* – */
		dx_write_runs(w, title, lang);
	}
	dx_para_end(w);
}

/* A party field's label, as the shipped writers show it: none before the
 * name and the address, "vertreten durch" reading on into the name, the
 * others "Label: value". */
static void write_field_label(struct dx_writer *w, const pactum_block *f,
			      size_t lang)
{
	const pactum_run *label = pactum_block_title(f, lang);
	const char *id = pactum_block_id(f);

	if (label == NULL || id == NULL || strcmp(id, "name") == 0 ||
	    strcmp(id, "address") == 0)
		return;
	dx_write_runs(w, label, lang);
	dx_run_str(w, NULL, strcmp(id, "representative") == 0 ? " " : ": ",
		   dx_locale(w, lang));
}

/* A party: its role, then its fields, a paragraph each. */
void dx_write_party(struct dx_writer *w, const pactum_block *party,
		    size_t lang)
{
	const char *locale = dx_locale(w, lang);
	const pactum_block *f;

	dx_para_begin(w, "PartyRole", locale);
	dx_write_runs(w, pactum_block_title(party, lang), lang);
	dx_para_end(w);
	for (f = pactum_block_first_child(party); f; f = pactum_block_next(f)) {
		if (dx_kind(f) != PACTUM_BLOCK_FIELD)
			continue;
		dx_para_begin(w, "PartyField", locale);
		write_field_label(w, f, lang);
		dx_write_runs(w, pactum_block_content(f, lang), lang);
		dx_para_end(w);
	}
}

/* A glossary entry: „Term“: definition, the term in the DefinedTerm
 * style and bookmarked, for its uses to link to. */
void dx_write_term(struct dx_writer *w, const pactum_block *term,
		   size_t lang)
{
	const char *locale = dx_locale(w, lang);
	unsigned mark;

	dx_para_begin(w, "GlossaryEntry", locale);
	mark = dx_bookmark_begin(w, "term_", pactum_block_id(term), lang);
	dx_write_label(w, PACTUM_LABEL_OPEN_QUOTE, lang, "DefinedTerm");
	w->base = "DefinedTerm";
	dx_write_runs(w, pactum_block_title(term, lang), lang);
	w->base = NULL;
	dx_write_label(w, PACTUM_LABEL_CLOSE_QUOTE, lang, "DefinedTerm");
	dx_bookmark_end(w, mark);
	dx_run_str(w, NULL, ": ", locale);
	dx_write_runs(w, pactum_block_content(term, lang), lang);
	dx_para_end(w);
}
