#include "config.h"

/*
 * One unit of the document (the title, a heading, a party, a definition,
 * a clause's text ...) in one language, as lines of text: the words the
 * layout adds itself, the runs flattened to text with *emphasis* and
 * "[EN: ...]", and the text wrapped as it will be written in the charset.
 */

#include <string.h>

#include "text.h"

#define FIELD_INDENT 4 /* a party's fields under its role label */
#define TABLE_GAP 2    /* spaces between a table's columns */
#define TABLE_LEAST 3  /* narrowest column: a wide character and more */
#define SIGN_LINE 36   /* the line signed on, in cells */

/* ------------------------------------------------------ words -------- */

/* A quotation mark: its code point, and its UTF-8 bytes. */
struct quote {
	uint32_t cp;
	const char *bytes;
};

static struct quote quote_of(const char *bytes)
{
	struct quote q = { 0, bytes };

	text_utf8_next(&q.cp, bytes, strlen(bytes));
	return q;
}

/*
 * The quotes a term is shown in: the language's own (the core's words),
 * else where the charset lacks them what their readers take instead
 * (German „…“ as »…«, in every Latin charset), else plain '"': the
 * writer's own punctuation must not make a German contract fail in
 * ISO-8859-15.  The same stands in for the language's quotes in its text
 * (encode.c).
 */
void text_quotes(const struct writer *w, size_t lang, const char **open,
		 const char **close)
{
	struct quote o = quote_of(pactum_doc_label(w->doc, lang,
						   PACTUM_LABEL_OPEN_QUOTE));
	struct quote c = quote_of(pactum_doc_label(w->doc, lang,
						   PACTUM_LABEL_CLOSE_QUOTE));

	*open = o.bytes;
	*close = c.bytes;
	if (w->cs == NULL ||
	    (charset_holds(w->cs, o.cp) && charset_holds(w->cs, c.cp)))
		return;
	if (o.cp == 0x201e && charset_holds(w->cs, 0xbb) &&
	    charset_holds(w->cs, 0xab)) {
		*open = "\xc2\xbb";
		*close = "\xc2\xab";
		return;
	}
	*open = *close = "\"";
}

/* How a party field's label (its block's title) goes before the value:
 * a name or an address speaks for itself; "represented by" leads into
 * the name like a phrase; every other label is a caption with a colon. */
enum field_style { FIELD_BARE, FIELD_PHRASE, FIELD_CAPTION };

static enum field_style field_style(const char *id)
{
	if (id == NULL || strcmp(id, "name") == 0 ||
	    strcmp(id, "address") == 0)
		return FIELD_BARE;
	if (strcmp(id, "representative") == 0)
		return FIELD_PHRASE;
	return FIELD_CAPTION;
}

/* The writer's own en dash, or '-' where the charset lacks it. */
static const char *dash(const struct writer *w)
{
	return charset_holds(w->cs, 0x2013) ? "\xe2\x80\x93" : "-";
}

/* ------------------------------------------------------ spans -------- */

/* Start a unit's text afresh: no words, no spans. */
static void unit_text_reset(struct writer *w)
{
	w->text.len = 0;
	w->spans.n = 0;
}

/* The text from start to its end is of this kind (wrap.c says what the
 * kinds do); spans come in order, and one next to its like grows. */
static void add_span(struct writer *w, size_t start, enum span_kind kind)
{
	struct spans *sp = &w->spans;
	struct span *v;

	if (start >= w->text.len || sp->oom)
		return;
	if (sp->n > 0 && sp->v[sp->n - 1].kind == kind &&
	    sp->v[sp->n - 1].end == start) {
		sp->v[sp->n - 1].end = w->text.len;
		return;
	}
	if (sp->n == sp->cap) {
		size_t cap = sp->cap ? 2 * sp->cap : 16;

		if ((v = pactum_realloc(sp->v, cap * sizeof(*v))) == NULL) {
			sp->oom = 1;
			return;
		}
		sp->v = v;
		sp->cap = cap;
	}
	sp->v[sp->n].start = start;
	sp->v[sp->n].end = w->text.len;
	sp->v[sp->n].kind = kind;
	sp->n++;
}

/* How the words of the unit being laid out may be hyphenated. */
static struct hyph hyph_of(const struct writer *w)
{
	struct hyph hy = { w->hyphenate,
			   pactum_doc_locale(w->doc, w->unit_lang),
			   pactum_doc_source_lang(w->doc), &w->spans };

	return hy;
}

/* w->text as it will be written in the charset, into w->xtext; the
 * spans then count in w->xtext. */
static void encode_text(struct writer *w)
{
	size_t pos = 0, k, *edge[2];
	struct span *sp;
	int e;

	w->xtext.len = 0;
	for (k = 0; k < w->spans.n; k++) {
		sp = &w->spans.v[k];
		edge[0] = &sp->start;
		edge[1] = &sp->end;
		for (e = 0; e < 2; e++) {
			text_encode(w, &w->xtext, w->text.ptr + pos,
				    *edge[e] - pos);
			pos = *edge[e];
			*edge[e] = w->xtext.len;
		}
	}
	text_encode(w, &w->xtext, w->text.ptr + pos, w->text.len - pos);
}

/* ------------------------------------------------------ runs --------- */

/* Close emphasis: the '*' goes before any spaces or breaks at the end. */
static void close_emphasis(struct buf *b)
{
	size_t end = b->len;

	while (end > 0 && (b->ptr[end - 1] == ' ' || b->ptr[end - 1] == '\n'))
		end--;
	text_buf_put(b, "*", 1);
	if (b->oom)
		return;
	memmove(b->ptr + end + 1, b->ptr + end, b->len - 1 - end);
	b->ptr[end] = '*';
}

/*
 * Append the text of runs (one title or content in one language) to b.
 * Emphasis and strong emphasis become *...*, with the marks against the
 * words rather than against spaces, and nested emphasis is shown once.
 * A break becomes '\n', which the wrapping turns into a new line at the
 * paragraph's indent.  A footnote's mark becomes "[1]": superscript
 * digits exist for a few numbers only and not in every charset, and
 * brackets read the same everywhere; the note itself is laid out after
 * the clause (text.c).  If any of the text
 * is draft text without a translation, the whole unit is wrapped in
 * "[EN: ...]" (the source language), so a reader can never take it for the translation.
 */
static void flatten(struct writer *w, const pactum_run *runs)
{
	struct buf *b = &w->text;
	const pactum_run *r;
	int untranslated = 0, pending = 0;
	unsigned depth = 0;
	const char *s;
	size_t len, start;

	for (r = runs; r; r = pactum_run_next(r))
		if (pactum_run_untranslated(r))
			untranslated = 1;
	if (untranslated) {
		const char *src = pactum_doc_source_lang(w->doc);

		text_buf_put(b, "[", 1);
		for (s = src; *s; s++) {
			char c = *s >= 'a' && *s <= 'z' ? (char)(*s - 'a' + 'A')
							: *s;

			text_buf_put(b, &c, 1);
		}
		text_buf_puts(b, ": ");
	}
	for (r = runs; r; r = pactum_run_next(r)) {
		switch (pactum_run_kind_of(r)) {
		case PACTUM_RUN_EMPH_BEGIN:
		case PACTUM_RUN_STRONG_BEGIN:
			if (!w->marks)
				break; /* the words alone (-O emphasis) */
			if (depth++ == 0)
				pending = 1; /* '*' waits for a word */
			break;
		case PACTUM_RUN_EMPH_END:
		case PACTUM_RUN_STRONG_END:
			if (!w->marks || depth == 0 || --depth > 0)
				break;
			if (pending)
				pending = 0; /* nothing was emphasised */
			else
				close_emphasis(b);
			break;
		case PACTUM_RUN_BREAK:
			text_buf_put(b, "\n", 1);
			break;
		case PACTUM_RUN_FOOTNOTE:
			s = pactum_run_text(r, &len);
			if (pending) {
				text_buf_put(b, "*", 1);
				pending = 0;
			}
			text_buf_put(b, "[", 1);
			text_buf_put(b, s, s != NULL ? len : 0);
			text_buf_put(b, "]", 1);
			break;
		default:
			s = pactum_run_text(r, &len);
			if (s == NULL)
				break;
			start = b->len;
			if (pending) {
				while (len > 0 && *s == ' ') {
					text_buf_put(b, " ", 1);
					s++;
					len--;
				}
				if (len > 0) {
					text_buf_put(b, "*", 1);
					pending = 0;
				}
			}
			text_buf_put(b, s, len);
			if (pactum_run_kind_of(r) == PACTUM_RUN_VALUE)
				add_span(w, start, SPAN_KEEP);
			else if (pactum_run_untranslated(r))
				add_span(w, start, SPAN_SOURCE);
			break;
		}
	}
	if (depth > 0 && !pending)
		close_emphasis(b);
	if (untranslated) {
		while (b->len > 0 && (b->ptr[b->len - 1] == ' ' ||
				      b->ptr[b->len - 1] == '\n'))
			b->len--;
		text_buf_put(b, "]", 1);
	}
}

/* ------------------------------------------------------ units -------- */

/* Wrap w->text as text_wrap_text() does, as it will be written in the
 * charset. */
static void wrap_unit(struct writer *w, struct lines *out, unsigned width,
		      unsigned indent, const char *label, unsigned label_gap)
{
	struct hyph hy = hyph_of(w);

	if (w->cs->id == CHARSET_UTF8) {
		text_wrap_text(out, width, indent, label, label_gap,
			       w->text.ptr, w->text.len, &hy);
		return;
	}
	encode_text(w);
	if (label != NULL) {
		w->xlabel.len = 0;
		text_encode(w, &w->xlabel, label, strlen(label));
		text_buf_put(&w->xlabel, "", 1);
		if (!w->xlabel.oom)
			label = w->xlabel.ptr;
		out->oom |= w->xlabel.oom;
	}
	text_wrap_text(out, width, indent, label, label_gap, w->xtext.ptr,
		       w->xtext.len, &hy);
}

static void render_title(struct writer *w, struct lines *out,
			 const struct unit *u, size_t lang, unsigned width)
{
	unsigned widest;

	unit_text_reset(w);
	flatten(w, pactum_block_title(u->block, lang));
	text_lines_clear(&w->tmp);
	wrap_unit(w, &w->tmp, width, 0, NULL, 0);
	widest = text_centre_lines(out, &w->tmp, width);
	if (widest > 0)
		text_lines_rule(out, (width - widest) / 2, '=', widest);
	out->oom |= text_lines_failed(&w->tmp);
}

/* Text (already in w->text) wrapped at indent 0 and underlined. */
static void render_underlined(struct writer *w, struct lines *out,
			      const char *label, unsigned width)
{
	size_t first = out->n, i;
	unsigned widest = 0;

	wrap_unit(w, out, width, 0, label, 1);
	for (i = first; i < out->n; i++)
		if (out->v[i].width > widest)
			widest = out->v[i].width;
	if (widest > 0)
		text_lines_rule(out, 0, '-', widest);
}

/* An annex's heading label: "Anlage 1 –", the title following; an
 * omitted annex's "[entfällt]" follows without the dash.  In w->label,
 * NUL-ended. */
static const char *annex_label(struct writer *w, const pactum_block *annex,
			       size_t lang)
{
	const char *label = pactum_block_label(annex, lang);

	if (label == NULL)
		label = pactum_block_number(annex);
	if (label == NULL)
		return NULL;
	w->label.len = 0;
	text_buf_puts(&w->label, label);
	if (!pactum_block_omitted(annex) &&
	    pactum_block_title(annex, lang) != NULL) {
		text_buf_put(&w->label, " ", 1);
		text_buf_puts(&w->label, dash(w));
	}
	text_buf_put(&w->label, "", 1);
	return w->label.oom ? label : w->label.ptr;
}

/* "1" becomes "1.", "2.1" stays: the usual way to number headings.  A
 * preamble's heading has no number; an annex's has its label. */
static void render_heading(struct writer *w, struct lines *out,
			   const struct unit *u, size_t lang, unsigned width)
{
	const char *number = pactum_block_number(u->block);
	char label[64];
	const char *l = NULL;

	if (pactum_block_kind_of(u->block) == PACTUM_BLOCK_ANNEX) {
		l = annex_label(w, u->block, lang);
		out->oom |= w->label.oom;
	} else if (number != NULL && strlen(number) + 2 <= sizeof(label)) {
		strcpy(label, number);
		if (strchr(number, '.') == NULL)
			strcat(label, ".");
		l = label;
	} else if (number != NULL) {
		l = number; /* absurdly long: as it is */
	}
	unit_text_reset(w);
	flatten(w, pactum_block_title(u->block, lang));
	render_underlined(w, out, l, width);
}

static void render_front(struct writer *w, struct lines *out,
			 const struct unit *u, size_t lang, unsigned width)
{
	unit_text_reset(w);
	text_buf_puts(&w->text,
		      pactum_doc_label(w->doc, lang,
				       u->front == FRONT_PARTIES
					       ? PACTUM_LABEL_PARTIES
					       : PACTUM_LABEL_DEFINITIONS));
	render_underlined(w, out, NULL, width);
}

static void render_party(struct writer *w, struct lines *out,
			 const struct unit *u, size_t lang, unsigned width)
{
	const pactum_block *f;
	const pactum_run *value, *label;
	enum field_style style;

	unit_text_reset(w);
	flatten(w, pactum_block_title(u->block, lang));
	wrap_unit(w, out, width, 0, NULL, 0);
	for (f = pactum_block_first_child(u->block); f;
	     f = pactum_block_next(f)) {
		if (pactum_block_kind_of(f) != PACTUM_BLOCK_FIELD)
			continue;
		value = pactum_block_content(f, lang);
		if (value == NULL)
			continue;
		unit_text_reset(w);
		style = field_style(pactum_block_id(f));
		label = pactum_block_title(f, lang);
		if (style != FIELD_BARE && label != NULL) {
			flatten(w, label);
			if (style == FIELD_CAPTION)
				text_buf_put(&w->text, ":", 1);
			text_buf_put(&w->text, " ", 1);
		}
		flatten(w, value);
		wrap_unit(w, out, width, FIELD_INDENT, NULL, 0);
	}
}

static void render_term(struct writer *w, struct lines *out,
			const struct unit *u, size_t lang, unsigned width)
{
	const pactum_run *definition = pactum_block_content(u->block, lang);
	const char *open, *close;

	text_quotes(w, lang, &open, &close);
	unit_text_reset(w);
	text_buf_puts(&w->text, open);
	flatten(w, pactum_block_title(u->block, lang));
	text_buf_puts(&w->text, close);
	/* the term in its quotes breaks only when it must (wrap.c) */
	w->spans.n = 0;
	add_span(w, 0, SPAN_TERM);
	if (definition != NULL) {
		text_buf_puts(&w->text, ": ");
		flatten(w, definition);
	}
	wrap_unit(w, out, width, u->indent, "-", 1);
}

/* ------------------------------------------------------ centred ------ */

/* The version line or a cover paragraph: its content wrapped and each
 * line centred. */
static void render_centred(struct writer *w, struct lines *out,
			   const struct unit *u, size_t lang, unsigned width)
{
	unit_text_reset(w);
	flatten(w, pactum_block_content(u->block, lang));
	text_lines_clear(&w->tmp);
	wrap_unit(w, &w->tmp, width, 0, NULL, 0);
	text_centre_lines(out, &w->tmp, width);
	out->oom |= text_lines_failed(&w->tmp);
}

/* ------------------------------------------------------ tables ------- */

/*
 * A table is laid out as columns TABLE_GAP spaces apart, each as wide as
 * text_fit_columns() makes it, cells wrapped inside their column; a
 * header row is underlined with a dashed rule per column.  When any row
 * takes more than one line, blank lines part the rows, so that no reader
 * takes a cell's second line for a row of its own.  Where the width
 * cannot hold the columns at TABLE_LEAST cells each, or the longest
 * word of every column side by side, the table is stacked
 * (render_stacked()).  Everything is
 * measured as it will be written in the charset.
 */

/* The cell's text as it will be written, after "Head: " when head is
 * given: in w->text or w->xtext. */
static void cell_text(struct writer *w, const pactum_block *head,
		      const pactum_block *cell, size_t lang, const char **s,
		      size_t *len)
{
	unit_text_reset(w);
	if (head != NULL && pactum_block_content(head, lang) != NULL) {
		flatten(w, pactum_block_content(head, lang));
		text_buf_put(&w->text, ": ", 2);
	}
	if (cell != NULL)
		flatten(w, pactum_block_content(cell, lang));
	*s = w->text.ptr;
	*len = w->text.len;
	if (w->cs->id == CHARSET_UTF8)
		return;
	encode_text(w);
	*s = w->xtext.ptr;
	*len = w->xtext.len;
}

/* The next CELL from b on, or NULL. */
static const pactum_block *next_cell(const pactum_block *b)
{
	while (b && pactum_block_kind_of(b) != PACTUM_BLOCK_CELL)
		b = pactum_block_next(b);
	return b;
}

/* Room for a table of n columns: n cell line lists and 4n measures. */
static int table_room(struct writer *w, size_t n)
{
	struct lines *cells;
	unsigned *tabw;

	if (n <= w->ncells)
		return 0;
	if (n > SIZE_MAX / (4 * sizeof(*tabw)))
		return -1;
	cells = pactum_realloc(w->cells, n * sizeof(*cells));
	if (cells == NULL)
		return -1;
	memset(cells + w->ncells, 0, (n - w->ncells) * sizeof(*cells));
	w->cells = cells;
	w->ncells = n;
	tabw = pactum_realloc(w->tabw, 4 * n * sizeof(*tabw));
	if (tabw == NULL)
		return -1;
	w->tabw = tabw;
	return 0;
}

/* Wrap every cell of row into w->cells at the column widths; returns the
 * number of lines the row takes. */
static size_t wrap_row(struct writer *w, const pactum_block *row,
		       size_t lang, size_t n, const unsigned *colw)
{
	const pactum_block *cell = pactum_block_first_child(row);
	size_t c, most = 0, len;
	struct hyph hy;
	const char *s;

	for (c = 0; c < n; c++) {
		while (cell && pactum_block_kind_of(cell) != PACTUM_BLOCK_CELL)
			cell = pactum_block_next(cell);
		text_lines_clear(&w->cells[c]);
		cell_text(w, NULL, cell, lang, &s, &len);
		hy = hyph_of(w);
		text_wrap_text(&w->cells[c], colw[c], 0, NULL, 0, s, len, &hy);
		if (w->cells[c].n > most)
			most = w->cells[c].n;
		if (cell)
			cell = pactum_block_next(cell);
	}
	return most;
}

/* The lines of the row just wrapped, side by side, indent cells in. */
static void put_row(struct writer *w, struct lines *out, size_t n,
		    const unsigned *colw, unsigned indent, size_t nlines)
{
	size_t c, r;
	unsigned col;

	for (r = 0; r < nlines; r++) {
		w->cellrow.len = 0;
		text_buf_repeat(&w->cellrow, ' ', indent);
		col = indent;
		for (c = 0; c < n; c++) {
			const struct lines *ls = &w->cells[c];
			unsigned used = 0;

			if (r < ls->n) {
				text_buf_put(&w->cellrow,
					     ls->bytes.ptr + ls->v[r].off,
					     ls->v[r].len);
				used = ls->v[r].width;
			}
			col += used;
			if (c + 1 < n && used < colw[c] + TABLE_GAP) {
				text_buf_repeat(&w->cellrow, ' ',
						colw[c] + TABLE_GAP - used);
				col += colw[c] + TABLE_GAP - used;
			}
		}
		text_lines_add(out, w->cellrow.ptr, w->cellrow.len, col);
	}
	out->oom |= w->cellrow.oom;
}

static void put_header_rule(struct writer *w, struct lines *out, size_t n,
			    const unsigned *colw, unsigned indent)
{
	unsigned col = indent;
	size_t c;

	w->cellrow.len = 0;
	text_buf_repeat(&w->cellrow, ' ', indent);
	for (c = 0; c < n; c++) {
		if (c > 0) {
			text_buf_repeat(&w->cellrow, ' ', TABLE_GAP);
			col += TABLE_GAP;
		}
		text_buf_repeat(&w->cellrow, '-', colw[c]);
		col += colw[c];
	}
	text_lines_add(out, w->cellrow.ptr, w->cellrow.len, col);
	out->oom |= w->cellrow.oom;
}

/* Too narrow for columns: every body row a group of hanging items, one
 * per cell, each after its column's heading from the first header row:
 * "- Fee: EUR 1,200.00". */
static void render_stacked(struct writer *w, struct lines *out,
			   const pactum_block *table, size_t lang,
			   unsigned width, unsigned indent)
{
	const pactum_block *row, *cell, *head, *heads = NULL;
	struct hyph hy;
	size_t len;
	const char *s;

	for (row = pactum_block_first_child(table); row && !heads;
	     row = pactum_block_next(row))
		if (pactum_block_kind_of(row) == PACTUM_BLOCK_ROW &&
		    pactum_block_header(row))
			heads = row;
	for (row = pactum_block_first_child(table); row;
	     row = pactum_block_next(row)) {
		if (pactum_block_kind_of(row) != PACTUM_BLOCK_ROW ||
		    (heads != NULL && pactum_block_header(row)))
			continue;
		if (out->n > 0)
			text_lines_add(out, "", 0, 0);
		head = heads ? next_cell(pactum_block_first_child(heads)) : NULL;
		for (cell = next_cell(pactum_block_first_child(row)); cell;
		     cell = next_cell(pactum_block_next(cell))) {
			cell_text(w, head, cell, lang, &s, &len);
			hy = hyph_of(w);
			text_wrap_text(out, width, indent, "-", 1, s, len, &hy);
			if (head)
				head = next_cell(pactum_block_next(head));
		}
	}
}

static void render_table(struct writer *w, struct lines *out,
			 const struct unit *u, size_t lang, unsigned width)
{
	const pactum_block *table = u->block, *row;
	size_t n = pactum_block_columns(table), c, nlines;
	unsigned indent = u->indent > width / 2 ? width / 2 : u->indent;
	unsigned *colw, *word, *line, *scratch, avail, cw, cl;
	size_t words;
	int apart = 0;
	const char *s;
	size_t len;

	if (n == 0)
		return;
	if (table_room(w, n) != 0) {
		out->oom = 1;
		return;
	}
	colw = w->tabw;
	word = colw + n;
	line = word + n;
	scratch = line + n;
	memset(word, 0, 2 * n * sizeof(*word));
	for (row = pactum_block_first_child(table); row;
	     row = pactum_block_next(row)) {
		const pactum_block *cell = pactum_block_first_child(row);

		for (c = 0; cell && c < n; cell = pactum_block_next(cell)) {
			if (pactum_block_kind_of(cell) != PACTUM_BLOCK_CELL)
				continue;
			cell_text(w, NULL, cell, lang, &s, &len);
			text_measure(s, len, &cw, &cl);
			if (cw > word[c])
				word[c] = cw;
			if (cl > line[c])
				line[c] = cl;
			c++;
		}
	}
	avail = width - indent;
	/* a word cut without a hyphen ("Grundwartun / g") misreads in a
	 * contract: when the longest words do not fit side by side, stack */
	for (c = 0, words = 0; c < n; c++)
		words += word[c];
	if ((n - 1) > (avail / TABLE_GAP) ||
	    words + (n - 1) * TABLE_GAP > avail ||
	    text_fit_columns(colw, word, line, scratch, n,
			     avail - (unsigned)(n - 1) * TABLE_GAP,
			     TABLE_LEAST) != 0) {
		render_stacked(w, out, table, lang, width, indent);
		return;
	}
	for (row = pactum_block_first_child(table); row && !apart;
	     row = pactum_block_next(row))
		if (pactum_block_kind_of(row) == PACTUM_BLOCK_ROW &&
		    !pactum_block_header(row) && wrap_row(w, row, lang, n, colw) > 1)
			apart = 1;
	for (row = pactum_block_first_child(table); row;
	     row = pactum_block_next(row)) {
		if (pactum_block_kind_of(row) != PACTUM_BLOCK_ROW)
			continue;
		nlines = wrap_row(w, row, lang, n, colw);
		if (apart && out->n > 0 && !pactum_block_header(row))
			text_lines_add(out, "", 0, 0);
		put_row(w, out, n, colw, indent, nlines);
		if (pactum_block_header(row))
			put_header_rule(w, out, n, colw, indent);
	}
	for (c = 0; c < n; c++)
		out->oom |= text_lines_failed(&w->cells[c]);
}

/* ------------------------------------------------------ signatures --- */

/*
 * One party's signature block: its role label, then per signatory the
 * lines to sign on ("place-date", "signature": a line of '_' with the
 * label under it, or the value where the deal gives one) and the
 * captions ("Name: value", or a line to fill in by hand).
 */

/* A line field: the value or a line, and the label under it. */
/* A signature block's label: in every language when joined ("Ort, Datum /
 * Place, date"), a word the languages share once ("Name"). */
static void flatten_label(struct writer *w, const pactum_block *b,
			  size_t lang)
{
	size_t i, start, spans, first_len = 0;

	if (!w->joined) {
		flatten(w, pactum_block_title(b, lang));
		return;
	}
	for (i = 0; i < w->nlangs; i++) {
		start = w->text.len;
		spans = w->spans.n;
		if (i > 0)
			text_buf_put(&w->text, " / ", 3);
		flatten(w, pactum_block_title(b, i));
		if (i == 0) {
			first_len = w->text.len;
		} else if (w->text.len - start - 3 == first_len &&
			   memcmp(w->text.ptr + start + 3, w->text.ptr,
				  first_len) == 0) {
			/* the same word: and so are its spans, which
			 * must not point past the text */
			w->text.len = start;
			w->spans.n = spans;
		}
	}
}

static void sign_line(struct writer *w, struct lines *out,
		      const pactum_block *f, size_t lang, unsigned width)
{
	const pactum_run *value = pactum_block_content(f, lang);

	if (value != NULL) {
		unit_text_reset(w);
		flatten(w, value);
		wrap_unit(w, out, width, 0, NULL, 0);
	} else {
		text_lines_rule(out, 0, '_', width < SIGN_LINE ? width
							       : SIGN_LINE);
	}
	unit_text_reset(w);
	flatten_label(w, f, lang);
	wrap_unit(w, out, width, 0, NULL, 0);
}

/* A caption: "Name: value", or "Name: ____" to the line's end. */
static void sign_caption(struct writer *w, struct lines *out,
			 const pactum_block *f, size_t lang, unsigned width)
{
	const pactum_run *value = pactum_block_content(f, lang);
	unsigned room = width < SIGN_LINE ? width : SIGN_LINE, used;

	unit_text_reset(w);
	flatten_label(w, f, lang);
	text_buf_put(&w->text, ": ", 2);
	if (value != NULL) {
		flatten(w, value);
	} else {
		/* as it will be written: transliteration may widen it */
		used = text_str_width(w->text.ptr, w->text.len);
		text_buf_repeat(&w->text, '_',
				used + 8 <= room ? room - used : 8);
	}
	wrap_unit(w, out, width, 0, NULL, 0);
}

static int is_line_field(const pactum_block *f)
{
	const char *id = pactum_block_id(f);

	return id != NULL && (strcmp(id, "place-date") == 0 ||
			      strcmp(id, "signature") == 0);
}

static void render_signature(struct writer *w, struct lines *out,
			     const struct unit *u, size_t lang,
			     unsigned width)
{
	const pactum_block *s, *f;
	int blank;

	unit_text_reset(w);
	flatten_label(w, u->block, lang);
	wrap_unit(w, out, width, 0, NULL, 0);
	/* the legal name under the role: who signs */
	if (pactum_block_content(u->block, lang) != NULL) {
		unit_text_reset(w);
		flatten(w, pactum_block_content(u->block, lang));
		wrap_unit(w, out, width, 0, NULL, 0);
	}
	for (s = pactum_block_first_child(u->block); s;
	     s = pactum_block_next(s)) {
		if (pactum_block_kind_of(s) != PACTUM_BLOCK_SIGNATORY)
			continue;
		blank = 1;
		for (f = pactum_block_first_child(s); f;
		     f = pactum_block_next(f)) {
			if (pactum_block_kind_of(f) != PACTUM_BLOCK_FIELD)
				continue;
			if ((blank || is_line_field(f)) && out->n > 0)
				text_lines_add(out, "", 0, 0);
			if (is_line_field(f))
				sign_line(w, out, f, lang, width);
			else
				sign_caption(w, out, f, lang, width);
			blank = is_line_field(f);
		}
	}
}

static void render_header(struct writer *w, struct lines *out, size_t lang,
			  unsigned width)
{
	unit_text_reset(w);
	text_buf_puts(&w->text,
		      pactum_doc_label(w->doc, lang, PACTUM_LABEL_LANGUAGE));
	wrap_unit(w, out, width, 0, NULL, 0);
	text_lines_rule(out, 0, '-', width);
}

/* Render unit u in language lang, width cells wide, into out (cleared
 * first).  Returns PACTUM_OK or PACTUM_ENOMEM. */
int text_render(struct writer *w, struct lines *out, const struct unit *u,
		size_t lang, unsigned width)
{
	w->unit = u;
	w->unit_lang = lang;
	text_lines_clear(out);
	switch (u->kind) {
	case UNIT_HEADER:
		render_header(w, out, lang, width);
		break;
	case UNIT_TITLE:
		render_title(w, out, u, lang, width);
		break;
	case UNIT_FRONT:
		render_front(w, out, u, lang, width);
		break;
	case UNIT_PARTY:
		render_party(w, out, u, lang, width);
		break;
	case UNIT_TERM:
		render_term(w, out, u, lang, width);
		break;
	case UNIT_HEADING:
		render_heading(w, out, u, lang, width);
		break;
	case UNIT_CLAUSE_HEADING:
		unit_text_reset(w);
		flatten(w, pactum_block_title(u->block, lang));
		wrap_unit(w, out, width, u->indent, u->label, u->label_gap);
		break;
	case UNIT_TEXT:
		unit_text_reset(w);
		if (u->block != NULL)
			flatten(w, pactum_block_content(u->block, lang));
		wrap_unit(w, out, width, u->indent, u->label, u->label_gap);
		break;
	case UNIT_CENTRED:
		render_centred(w, out, u, lang, width);
		break;
	case UNIT_RULE:
		text_lines_rule(out, 0, '-', width);
		break;
	case UNIT_TABLE:
		render_table(w, out, u, lang, width);
		break;
	case UNIT_SIGNATURE:
		render_signature(w, out, u, lang, width);
		break;
	}
	if (text_lines_failed(out) || w->text.oom || w->xtext.oom ||
	    w->xlabel.oom || w->spans.oom)
		return PACTUM_ENOMEM;
	return PACTUM_OK;
}
