#include "config.h"

/*
 * The text writer: a resolved document as plain text that reads like a
 * contract, wrapped to the option "width" (default 72) in display cells.
 *
 * One language looks like this (width 60):
 *
 *                       Demo Agreement
 *                       ==============
 *
 *                         Version 1
 *
 *   Parties
 *   -------
 *
 *   Vendor
 *       Acme AG
 *       VAT ID: DE123456789
 *
 *   Definitions
 *   -----------
 *
 *   - “Products”: the software listed in Annex 1
 *
 *   1. Appointment
 *   --------------
 *
 *   1.1  The Vendor appoints Nordwind GmbH as a non-exclusive
 *        reseller of the Products in Germany.
 *
 *        (a) one
 *        (b) two
 *
 * The parts of a real agreement (ABI 1.2), for one language:
 *   - the version line ("Version 2.1 of 15 November 2026") centred under
 *     the title; a cover's paragraphs centred, then a rule of '-';
 *   - the preamble's title as an unnumbered heading, recitals hanging
 *     behind their letters ("(A)  text"), then its paragraphs;
 *   - annexes after the body, two blank lines apart, headed
 *     "Annex 1 – Products" (label, en dash or '-' where the charset lacks
 *     it, title) and underlined like sections, their parts as in the
 *     body; an omitted part is headed "3. [intentionally omitted]";
 *   - tables as columns two spaces apart, fitted to the width, a dashed
 *     rule under the header row (render.c says how, and how a table too
 *     wide for its columns is stacked instead);
 *   - per party a signature block: its role, per signatory a line of '_'
 *     over "Place, date" and over "Signature", then "Name: ..." and
 *     "Title: ...", or a line to fill in where the deal names nobody;
 *   - footnotes marked "[1]" in the text (brackets hold in every
 *     charset, superscripts do not) and set after their clause, or after
 *     their paragraph outside clauses, as "[1] text" at the indent of the
 *     clause's text;
 *   - strong emphasis as *text*, like emphasis; a line break breaks the
 *     line and goes on at the paragraph's indent;
 *   - party fields after their labels ("Registered office: Hamburg"), but
 *     a name or an address alone and "represented by ..." as a phrase.
 * In parallel layout each language's column has its own table and
 * signature blocks, at the column's width.
 *
 * The title is centred and underlined with '='; front-matter headings
 * ("Parties", "Definitions": the core's labels, translated) and section
 * headings ("1. Title", "2.1 Title") are underlined with '-'.  Clauses,
 * list items and definitions have a hanging indent: continuation lines
 * start where the text after the number starts.  Emphasis is shown as
 * *text*.  Draft-mode text that has no translation is wrapped, a whole
 * unit at a time, in "[EN: ...]" (models are written in English).
 *
 * Lines break at spaces, never at U+00A0.  A word too long for a line is
 * hyphenated with libhyphen's patterns of its language (option
 * "hyphenate", default yes; wrap.c says when and where, hyphen.c where
 * the patterns come from); one that cannot be, wider than a whole line,
 * is broken hard at the width, so that no line is ever wider than the
 * width.  Display widths come from our own UTF-8 decoder and
 * tables (never wcwidth or the locale), so the output is byte-identical
 * under any LANG.  No line has trailing spaces, no tabs are written, and
 * the output ends with exactly one newline.
 *
 * Bilingual documents:
 *   parallel     one column per language, separated by a gutter of three
 *                spaces, under a header naming each column's language;
 *                both versions of every block start on the same line;
 *   interleaved  every block in each language in turn, each version
 *                indented behind a tag naming its language ("[de] ",
 *                "[en] ") on its first line;
 *   sequential   the whole document in each language in turn, separated
 *                by a line of '='.
 * A one-language document comes out the same under every layout.
 *
 * Charsets: the option "charset" (UTF-8, the default, ISO-8859-1,
 * ISO-8859-15, WINDOWS-1252 or US-ASCII; see charset.h) converts the
 * finished text with iconv.  A character the charset cannot hold is an
 * error naming the character and where it is, unless the option
 * "transliterate" is "yes": then it is replaced from our own table
 * (ä → ae, „ → ", € → EUR ...; never the locale's //TRANSLIT), and only
 * characters without a replacement are errors.  Transliteration happens
 * before wrapping, as the text of every unit is laid out, so a longer
 * replacement cannot make a line wider than the width.  The writer's own
 * punctuation never fails a conversion: German „“ around defined terms
 * become »«, which every Latin charset holds (render.c).
 *
 * This file holds the descriptor, the options and the walk of the
 * document; text.h says what the others hold.
 */

#include <stdio.h>
#include <string.h>

#include "text.h"

/* ------------------------------------------------------ walking ------ */

static int walk_body(struct writer *w, const pactum_block *b,
		     unsigned indent);

static unsigned label_width(const char *label)
{
	return label ? text_str_width(label, strlen(label)) : 0;
}

/*
 * Footnotes: the mark is "[1]" in the text (render.c), and the notes of a
 * clause follow the clause, "[1] text", at the indent of the clause's
 * text, after a blank line; the notes of a paragraph outside any clause
 * (a recital, an annex's text) follow that paragraph.  *any says whether
 * a note came yet, for the blank line before the first.  Every block
 * below b is visited once.
 */
static int walk_notes(struct writer *w, const pactum_block *b,
		      unsigned indent, int *any)
{
	const pactum_block *c;
	const char *number;
	char label[32];
	struct unit u = { .kind = UNIT_TEXT, .label = label, .label_gap = 1,
			  .indent = indent };
	int error;

	for (c = pactum_block_first_child(b); c; c = pactum_block_next(c)) {
		switch (pactum_block_kind_of(c)) {
		case PACTUM_BLOCK_FOOTNOTE:
			number = pactum_block_number(c);
			snprintf(label, sizeof(label), "[%s]",
				 number != NULL ? number : "");
			u.block = c;
			u.gap = *any ? 0 : 1;
			*any = 1;
			if ((error = text_emit(w, &u)) != PACTUM_OK)
				return error;
			break;
		case PACTUM_BLOCK_PARAGRAPH:
		case PACTUM_BLOCK_LIST:
		case PACTUM_BLOCK_ITEM:
		case PACTUM_BLOCK_TABLE:
		case PACTUM_BLOCK_ROW:
		case PACTUM_BLOCK_CELL:
			if ((error = walk_notes(w, c, indent, any)) != PACTUM_OK)
				return error;
			break;
		default:
			break;
		}
	}
	return PACTUM_OK;
}

/* The notes of b itself (a paragraph, a list, a table outside clauses). */
static int walk_own_notes(struct writer *w, const pactum_block *b,
			  unsigned indent)
{
	int any = 0;

	return walk_notes(w, b, indent, &any);
}

/* One signature block per party, side by side in parallel layout, two
 * blank lines apart: room to sign. */
static int walk_signatures(struct writer *w, const pactum_block *b)
{
	struct unit u = { .kind = UNIT_SIGNATURE, .gap = 2 };
	const pactum_block *c;
	int error;

	for (c = pactum_block_first_child(b); c; c = pactum_block_next(c)) {
		if (pactum_block_kind_of(c) != PACTUM_BLOCK_SIGNATURE)
			continue;
		u.block = c;
		if ((error = text_emit(w, &u)) != PACTUM_OK)
			return error;
	}
	return PACTUM_OK;
}

static int walk_list(struct writer *w, const pactum_block *list,
		     unsigned indent, unsigned gap)
{
	const pactum_block *item, *c;
	struct unit u = { .kind = UNIT_TEXT, .label_gap = 1, .indent = indent,
			  .gap = gap };
	int error;

	for (item = pactum_block_first_child(list); item;
	     item = pactum_block_next(item)) {
		if (pactum_block_kind_of(item) != PACTUM_BLOCK_ITEM)
			continue;
		u.block = item;
		u.label = pactum_block_number(item);
		if (u.label == NULL)
			u.label = "-";
		if ((error = text_emit(w, &u)) != PACTUM_OK)
			return error;
		u.gap = 0;
		/* A nested list hangs under the item's text. */
		for (c = pactum_block_first_child(item); c;
		     c = pactum_block_next(c)) {
			if (pactum_block_kind_of(c) != PACTUM_BLOCK_LIST)
				continue;
			error = walk_list(w, c,
					  indent + label_width(u.label) + 1, 0);
			if (error != PACTUM_OK)
				return error;
		}
	}
	return PACTUM_OK;
}

/* "1.2  text": the number, two spaces, then the first paragraph; whatever
 * follows hangs under that text.  A clause that starts with a list gets
 * its number on a line of its own, right above the list.  A clause with a
 * heading has "1.2  Heading" on its first line and all of its text below,
 * hanging. */
static int walk_clause(struct writer *w, const pactum_block *clause,
		       unsigned indent)
{
	const char *number = pactum_block_number(clause);
	const pactum_block *c = pactum_block_first_child(clause);
	struct unit u = { .kind = UNIT_TEXT, .label = number, .label_gap = 2,
			  .indent = indent, .gap = 1 };
	unsigned inner = indent + (number ? label_width(number) + 2 : 0);
	const pactum_block *outer = w->clause;
	int error = PACTUM_OK;

	w->clause = clause;
	if (pactum_block_title(clause, 0) != NULL) {
		struct unit head = { .kind = UNIT_CLAUSE_HEADING,
				     .block = clause, .label = number,
				     .label_gap = 2, .indent = indent,
				     .gap = 1 };

		if ((error = text_emit(w, &head)) != PACTUM_OK)
			goto done;
		/* the first block right under the heading, the rest apart */
		if (c && pactum_block_kind_of(c) == PACTUM_BLOCK_PARAGRAPH) {
			u.block = c;
			u.label = NULL;
			u.indent = inner;
			u.gap = 0;
			error = text_emit(w, &u);
			c = pactum_block_next(c);
		} else if (c && pactum_block_kind_of(c) == PACTUM_BLOCK_LIST) {
			error = walk_list(w, c, inner, 0);
			c = pactum_block_next(c);
		}
		for (; c && error == PACTUM_OK; c = pactum_block_next(c))
			error = walk_body(w, c, inner);
		goto done;
	}
	/* the number beside the first paragraph or list; above anything
	 * else (a table), which must never be skipped */
	if (c && pactum_block_kind_of(c) == PACTUM_BLOCK_PARAGRAPH) {
		u.block = c;
		c = pactum_block_next(c);
	}
	if (u.block != NULL || number != NULL) {
		if ((error = text_emit(w, &u)) != PACTUM_OK)
			goto done;
		if (u.block == NULL && c != NULL &&
		    pactum_block_kind_of(c) == PACTUM_BLOCK_LIST) {
			if ((error = walk_list(w, c, inner, 0)) != PACTUM_OK)
				goto done;
			c = pactum_block_next(c);
		}
	}
	for (; c; c = pactum_block_next(c))
		if ((error = walk_body(w, c, inner)) != PACTUM_OK)
			goto done;
done:
	if (error == PACTUM_OK)
		error = walk_own_notes(w, clause, inner);
	w->clause = outer;
	return error;
}

static int walk_section(struct writer *w, const pactum_block *section)
{
	struct unit u = { .kind = UNIT_HEADING, .block = section, .gap = 1 };
	const pactum_block *c, *outer = w->section;
	int error;

	if ((error = text_emit(w, &u)) != PACTUM_OK)
		return error;
	w->section = section;
	for (c = pactum_block_first_child(section); c; c = pactum_block_next(c))
		if ((error = walk_body(w, c, 0)) != PACTUM_OK)
			break;
	w->section = outer;
	return error;
}

/* A block of the body; kinds we do not know are skipped.  Outside a
 * clause a block's footnotes follow it. */
static int walk_body(struct writer *w, const pactum_block *b,
		     unsigned indent)
{
	struct unit u = { .kind = UNIT_TEXT, .block = b, .indent = indent,
			  .gap = 1 };
	int error;

	switch (pactum_block_kind_of(b)) {
	case PACTUM_BLOCK_SECTION:
		return walk_section(w, b);
	case PACTUM_BLOCK_CLAUSE:
		return walk_clause(w, b, indent);
	case PACTUM_BLOCK_PARAGRAPH:
		error = text_emit(w, &u);
		break;
	case PACTUM_BLOCK_LIST:
		error = walk_list(w, b, indent, 1);
		break;
	case PACTUM_BLOCK_TABLE:
		u.kind = UNIT_TABLE;
		error = text_emit(w, &u);
		break;
	case PACTUM_BLOCK_SIGNATURES:
		return walk_signatures(w, b);
	default:
		return PACTUM_OK;
	}
	if (error == PACTUM_OK && w->clause == NULL)
		error = walk_own_notes(w, b, indent);
	return error;
}

/* The cover's paragraphs centred, then a rule parting it from the rest. */
static int walk_cover(struct writer *w, const pactum_block *cover)
{
	struct unit u = { .kind = UNIT_CENTRED, .gap = 1 };
	struct unit rule = { .kind = UNIT_RULE, .gap = 1 };
	const pactum_block *c;
	int error, any = 0;

	for (c = pactum_block_first_child(cover); c;
	     c = pactum_block_next(c)) {
		if (pactum_block_kind_of(c) != PACTUM_BLOCK_PARAGRAPH)
			continue;
		u.block = c;
		any = 1;
		if ((error = text_emit(w, &u)) != PACTUM_OK ||
		    (error = walk_own_notes(w, c, 0)) != PACTUM_OK)
			return error;
	}
	return any ? text_emit(w, &rule) : PACTUM_OK;
}

/* The preamble: its title as an unnumbered heading, the recitals hanging
 * behind their letters, "(A)  text", then its paragraphs. */
static int walk_preamble(struct writer *w, const pactum_block *preamble)
{
	struct unit head = { .kind = UNIT_HEADING, .block = preamble,
			     .gap = 1 };
	struct unit u = { .kind = UNIT_TEXT, .label_gap = 2, .gap = 1 };
	const pactum_block *c;
	int error;

	if ((error = text_emit(w, &head)) != PACTUM_OK)
		return error;
	for (c = pactum_block_first_child(preamble); c;
	     c = pactum_block_next(c)) {
		if (pactum_block_kind_of(c) != PACTUM_BLOCK_RECITAL) {
			error = walk_body(w, c, 0);
		} else {
			u.block = c;
			u.label = pactum_block_number(c);
			if ((error = text_emit(w, &u)) == PACTUM_OK)
				error = walk_own_notes(
					w, c, label_width(u.label) +
						      (u.label ? 2 : 0));
		}
		if (error != PACTUM_OK)
			return error;
	}
	return PACTUM_OK;
}

/* An annex after the body: "Annex 1 – Products", underlined, two blank
 * lines before it, then its parts as in the body. */
static int walk_annex(struct writer *w, const pactum_block *annex)
{
	struct unit u = { .kind = UNIT_HEADING, .block = annex, .gap = 2 };
	const pactum_block *c, *outer = w->section;
	int error;

	if ((error = text_emit(w, &u)) != PACTUM_OK)
		return error;
	w->section = annex;
	for (c = pactum_block_first_child(annex); c; c = pactum_block_next(c))
		if ((error = walk_body(w, c, 0)) != PACTUM_OK)
			break;
	w->section = outer;
	return error;
}

/* Parties or glossary: a heading, then each child of the kind wanted. */
static int walk_front(struct writer *w, const pactum_block *b,
		      enum front front, pactum_block_kind kind,
		      enum unit_kind unit_kind)
{
	struct unit head = { .kind = UNIT_FRONT, .gap = 1, .front = front };
	struct unit u = { .kind = unit_kind, .gap = 1 };
	const pactum_block *c;
	int error, any = 0;

	for (c = pactum_block_first_child(b); c; c = pactum_block_next(c)) {
		if (pactum_block_kind_of(c) != kind)
			continue;
		if (!any++ && (error = text_emit(w, &head)) != PACTUM_OK)
			return error;
		u.block = c;
		if ((error = text_emit(w, &u)) != PACTUM_OK)
			return error;
	}
	return PACTUM_OK;
}

int text_walk_document(struct writer *w, const pactum_block *root)
{
	struct unit title = { .kind = UNIT_TITLE, .block = root, .gap = 1 };
	struct unit meta = { .kind = UNIT_CENTRED, .gap = 1 };
	const pactum_block *c;
	int error;

	if ((error = text_emit(w, &title)) != PACTUM_OK)
		return error;
	for (c = pactum_block_first_child(root); c; c = pactum_block_next(c)) {
		switch (pactum_block_kind_of(c)) {
		case PACTUM_BLOCK_PARTIES:
			error = walk_front(w, c, FRONT_PARTIES,
					   PACTUM_BLOCK_PARTY, UNIT_PARTY);
			break;
		case PACTUM_BLOCK_GLOSSARY:
			error = walk_front(w, c, FRONT_DEFINITIONS,
					   PACTUM_BLOCK_TERM, UNIT_TERM);
			break;
		case PACTUM_BLOCK_META:
			meta.block = c;
			error = text_emit(w, &meta);
			break;
		case PACTUM_BLOCK_COVER:
			error = walk_cover(w, c);
			break;
		case PACTUM_BLOCK_PREAMBLE:
			error = walk_preamble(w, c);
			break;
		case PACTUM_BLOCK_ANNEX:
			error = walk_annex(w, c);
			break;
		default:
			error = walk_body(w, c, 0);
			break;
		}
		if (error != PACTUM_OK)
			return error;
	}
	return PACTUM_OK;
}

/* ------------------------------------------------------ entry -------- */

/* The options "charset" and "transliterate". */
static int read_charset(struct writer *w, const pactum_options *opts)
{
	const char *name = pactum_options_get(opts, "charset");
	const char *translit = pactum_options_get(opts, "transliterate");

	w->cs = charset_find(name != NULL ? name : "UTF-8");
	if (w->cs == NULL) {
		pactum_diag_report(w->diag, PACTUM_ERROR, NULL,
				   _("the text writer cannot write charset "
				     "\"%s\"; it writes %s"),
				   name, charset_allowed);
		return PACTUM_EINPUT;
	}
	if (translit == NULL || strcmp(translit, "no") == 0) {
		w->translit = 0;
	} else if (strcmp(translit, "yes") == 0) {
		w->translit = 1;
	} else {
		pactum_diag_report(w->diag, PACTUM_ERROR, NULL,
				   _("the option transliterate wants yes or "
				     "no, not \"%s\""),
				   translit);
		return PACTUM_EINPUT;
	}
	w->nbsp_space = !charset_holds(w->cs, 0xa0);
	return PACTUM_OK;
}

static int text_write(pactum_sink *sink, const pactum_doc *doc,
		      const pactum_options *opts, pactum_diag *diag)
{
	const pactum_block *root = pactum_doc_root(doc);
	struct writer w;
	struct unit header = { .kind = UNIT_HEADER };
	size_t i;
	int error;

	memset(&w, 0, sizeof(w));
	w.sink = sink;
	w.doc = doc;
	w.diag = diag;
	w.layout = pactum_options_layout(opts);
	w.nlangs = pactum_doc_lang_count(doc);
	error = pactum_options_get_uint(&w.width, opts, "width", 72, 20, 1000,
					diag);
	if (error != PACTUM_OK)
		return error;
	if ((error = read_charset(&w, opts)) != PACTUM_OK)
		return error;
	/* the core checked the value against the choices */
	w.marks = pactum_options_get(opts, "emphasis") != NULL &&
		  pactum_ascii_caseeq(pactum_options_get(opts, "emphasis"),
				      "asterisks");
	w.hyphenate = pactum_options_get(opts, "hyphenate") == NULL ||
		      strcmp(pactum_options_get(opts, "hyphenate"), "yes") == 0;
	if (w.nlangs == 0 || root == NULL)
		return pactum_sink_write(sink, "\n", 1);
	w.colw = pactum_malloc(w.nlangs * sizeof(*w.colw));
	w.col = pactum_malloc(w.nlangs * sizeof(*w.col));
	if (w.col != NULL)
		memset(w.col, 0, w.nlangs * sizeof(*w.col));
	if (w.colw == NULL || w.col == NULL) {
		error = PACTUM_ENOMEM;
		goto cleanup;
	}

	if (w.nlangs == 1 || w.layout == PACTUM_LAYOUT_SEQUENTIAL) {
		error = text_write_languages_in_turn(&w, root);
	} else if (w.layout == PACTUM_LAYOUT_INTERLEAVED) {
		text_plan_margin(&w);
		error = text_walk_document(&w, root);
	} else {
		if ((error = text_plan_columns(&w, diag)) == PACTUM_OK &&
		    (error = text_emit(&w, &header)) == PACTUM_OK)
			error = text_walk_document(&w, root);
	}
	/* An empty document still ends with a newline. */
	if (error == PACTUM_OK && !w.started)
		error = text_put_line(&w, "", 0);
	if (error == PACTUM_OK && w.nbad > 0) {
		if (w.bad_more)
			pactum_diag_report(diag, PACTUM_ERROR, NULL,
					   _("more characters cannot be "
					     "written in %s"),
					   w.cs->name);
		error = PACTUM_EINPUT;
	}
	if (error == PACTUM_OK)
		error = text_write_out(&w);

cleanup:
	if (w.col != NULL)
		for (i = 0; i < w.nlangs; i++)
			text_lines_free(&w.col[i]);
	pactum_free(w.col);
	pactum_free(w.colw);
	text_lines_free(&w.tmp);
	text_buf_free(&w.text);
	text_buf_free(&w.row);
	text_buf_free(&w.out);
	text_buf_free(&w.xtext);
	text_buf_free(&w.xlabel);
	text_buf_free(&w.label);
	text_buf_free(&w.cellrow);
	pactum_free(w.spans.v);
	for (i = 0; i < w.ncells; i++)
		text_lines_free(&w.cells[i]);
	pactum_free(w.cells);
	pactum_free(w.tabw);
	return error;
}

/* Plain text has no emphasis: a contract's words stand as they are, and
 * asterisks, Markdown's way, are for whoever wants to see where it was. */
static const char *const emphasis_styles[] = { "plain", "asterisks", NULL };

static const pactum_option_spec options[] = {
	{ "width", PACTUM_OPTION_UINT, 20, 1000, NULL,
	  "line width in columns (default 72)" },
	{ "charset", PACTUM_OPTION_CHOICE, 0, 0, charset_names,
	  "output charset (default UTF-8)" },
	{ "transliterate", PACTUM_OPTION_BOOL, 0, 0, NULL,
	  "spell what the charset lacks in ASCII instead of failing" },
	{ "emphasis", PACTUM_OPTION_CHOICE, 0, 0, emphasis_styles,
	  "how emphasis shows: plain (default, the words alone) or "
	  "asterisks (*word*)" },
	{ "hyphenate", PACTUM_OPTION_BOOL, 0, 0, NULL,
	  "hyphenate words too long for the line, per language (default "
	  "yes)" },
	{ NULL, 0, 0, 0, NULL, NULL }
};

static const char *const suffixes[] = { "txt", NULL };

PACTUM_WRITER_DEFINE_SUFFIXES("text", VERSION,
		     "plain text, wrapped, with bilingual layouts",
		     suffixes, text_write,
		     options);
