#include "config.h"

/*
 * The layouts: how the versions of a unit in every language are put on
 * the page (one language alone, parallel columns, interleaved behind
 * language tags, or the whole document in each language in turn), and
 * the output lines they are assembled into.
 */

#include <string.h>

#include "text.h"

#define GUTTER 3       /* spaces between parallel columns */

/* ------------------------------------------------------ output ------- */

/* Make every U+00A0 in b from offset start on a space. */
static void nbsp_to_space(struct buf *b, size_t start)
{
	size_t r, o;

	for (r = o = start; r < b->len; r++, o++) {
		if ((unsigned char)b->ptr[r] == 0xc2 && r + 1 < b->len &&
		    (unsigned char)b->ptr[r + 1] == 0xa0) {
			b->ptr[o] = ' ';
			r++;
		} else {
			b->ptr[o] = b->ptr[r];
		}
	}
	b->len = o;
}

/* Add one line, without its trailing spaces, and a newline to the
 * output. */
int text_put_line(struct writer *w, const char *s, size_t len)
{
	size_t start = w->out.len;

	text_buf_put(&w->out, s, len);
	if (w->out.oom)
		return PACTUM_ENOMEM;
	if (w->nbsp_space)
		nbsp_to_space(&w->out, start);
	while (w->out.len > start && w->out.ptr[w->out.len - 1] == ' ')
		w->out.len--;
	text_buf_put(&w->out, "\n", 1);
	if (w->out.oom)
		return PACTUM_ENOMEM;
	w->started = 1;
	return PACTUM_OK;
}

static int put_lines(struct writer *w, const struct lines *ls)
{
	size_t i;
	int error = PACTUM_OK;

	for (i = 0; i < ls->n && error == PACTUM_OK; i++)
		error = text_put_line(w, ls->bytes.ptr + ls->v[i].off,
				      ls->v[i].len);
	return error;
}

/* Blank lines between blocks, never at the top of the output. */
static int put_gap(struct writer *w, unsigned gap)
{
	int error = PACTUM_OK;

	while (w->started && gap-- > 0 && error == PACTUM_OK)
		error = text_put_line(w, "", 0);
	return error;
}

static int emit_single(struct writer *w, const struct unit *u, size_t lang)
{
	struct lines *ls = &w->col[lang];
	int error;

	if ((error = text_render(w, ls, u, lang, w->width)) != PACTUM_OK)
		return error;
	if (ls->n == 0)
		return PACTUM_OK;
	if ((error = put_gap(w, u->gap)) != PACTUM_OK)
		return error;
	return put_lines(w, ls);
}

/*
 * Side by side: every language in its own column, padded with blank lines
 * to the longest, so the next block starts on the same line everywhere.
 */
static int emit_parallel(struct writer *w, const struct unit *u)
{
	size_t i, r, rows = 0;
	int error;

	for (i = 0; i < w->nlangs; i++) {
		error = text_render(w, &w->col[i], u, i, w->colw[i]);
		if (error != PACTUM_OK)
			return error;
		if (w->col[i].n > rows)
			rows = w->col[i].n;
	}
	if (rows == 0)
		return PACTUM_OK;
	if ((error = put_gap(w, u->gap)) != PACTUM_OK)
		return error;
	for (r = 0; r < rows; r++) {
		w->row.len = 0;
		for (i = 0; i < w->nlangs; i++) {
			const struct lines *ls = &w->col[i];
			unsigned used = 0;

			if (r < ls->n) {
				text_buf_put(&w->row,
					     ls->bytes.ptr + ls->v[r].off,
					     ls->v[r].len);
				used = ls->v[r].width;
			}
			if (i + 1 < w->nlangs)
				text_buf_repeat(&w->row, ' ',
						w->colw[i] - used + GUTTER);
		}
		if (w->row.oom)
			return PACTUM_ENOMEM;
		error = text_put_line(w, w->row.ptr, w->row.len);
		if (error != PACTUM_OK)
			return error;
	}
	return PACTUM_OK;
}

/* Write the lines of language lang behind its tag "[en] " (on the first
 * line; spaces on the others).  margin 0: no room, the tag gets a line. */
static int put_tagged(struct writer *w, size_t lang, unsigned margin)
{
	const struct lines *ls = &w->col[lang];
	const char *code = pactum_doc_lang(w->doc, lang);
	size_t r;
	int error;

	for (r = 0; r < ls->n; r++) {
		w->row.len = 0;
		if (r == 0) {
			text_buf_put(&w->row, "[", 1);
			text_buf_puts(&w->row, code);
			text_buf_put(&w->row, "]", 1);
			if (margin == 0) {
				if (w->row.oom)
					return PACTUM_ENOMEM;
				error = text_put_line(w, w->row.ptr,
						      w->row.len);
				if (error != PACTUM_OK)
					return error;
				w->row.len = 0;
			} else {
				text_buf_repeat(&w->row, ' ', margin - 2 -
						text_str_width(code,
							       strlen(code)));
			}
		} else {
			text_buf_repeat(&w->row, ' ', margin);
		}
		text_buf_put(&w->row, ls->bytes.ptr + ls->v[r].off,
			     ls->v[r].len);
		if (w->row.oom)
			return PACTUM_ENOMEM;
		error = text_put_line(w, w->row.ptr, w->row.len);
		if (error != PACTUM_OK)
			return error;
	}
	return PACTUM_OK;
}

/*
 * One language after the other, block by block.  Every version starts
 * with a tag naming its language ("[de] ", "[en] ") and is indented behind
 * it, so the languages are told apart at a glance and their text lines up.
 */
static int emit_interleaved(struct writer *w, const struct unit *u)
{
	size_t i, total = 0;
	int error;

	for (i = 0; i < w->nlangs; i++) {
		error = text_render(w, &w->col[i], u, i, w->width - w->margin);
		if (error != PACTUM_OK)
			return error;
		total += w->col[i].n;
	}
	if (total == 0)
		return PACTUM_OK;
	if ((error = put_gap(w, u->gap)) != PACTUM_OK)
		return error;
	for (i = 0; i < w->nlangs; i++)
		if ((error = put_tagged(w, i, w->margin)) != PACTUM_OK)
			return error;
	return PACTUM_OK;
}

int text_emit(struct writer *w, const struct unit *u)
{
	int error;

	/* one contract, signed once: a signature block spans the page with
	 * its labels in every language; in the sequential layout it follows
	 * the last version */
	if (u->kind == UNIT_SIGNATURE && w->nlangs > 1 && w->single &&
	    w->lang + 1 < w->nlangs)
		return PACTUM_OK;
	if (w->single && (u->kind != UNIT_SIGNATURE || w->nlangs == 1))
		return emit_single(w, u, w->lang);
	if (u->kind == UNIT_SIGNATURE) {
		w->joined = 1;
		error = emit_single(w, u, 0);
		w->joined = 0;
		return error;
	}
	if (w->layout == PACTUM_LAYOUT_INTERLEAVED)
		return emit_interleaved(w, u);
	return emit_parallel(w, u);
}

/* ------------------------------------------------------ planning ----- */

/* The interleaved tags' margin: the widest "[code] " of all languages,
 * or 0 when the width leaves no room for it. */
void text_plan_margin(struct writer *w)
{
	const char *code;
	unsigned m;
	size_t i;

	w->margin = 0;
	for (i = 0; i < w->nlangs; i++) {
		code = pactum_doc_lang(w->doc, i);
		m = text_str_width(code, strlen(code)) + 3;
		if (m > w->margin)
			w->margin = m;
	}
	if (w->margin + MIN_COLUMN > w->width)
		w->margin = 0;
}

/* Column widths for the parallel layout: equal shares of what the gutters
 * leave, the last column taking the remainder. */
int text_plan_columns(struct writer *w, pactum_diag *diag)
{
	unsigned n = (unsigned)w->nlangs, share, i;
	unsigned least = GUTTER * (n - 1) + MIN_COLUMN * n;

	if (w->width < least) {
		pactum_diag_report(diag, PACTUM_ERROR, NULL,
				   _("width %u is too narrow for %u columns "
				     "side by side (at least %u)"),
				   w->width, n, least);
		return PACTUM_EINPUT;
	}
	share = (w->width - GUTTER * (n - 1)) / n;
	for (i = 0; i < n; i++)
		w->colw[i] = share;
	w->colw[n - 1] = w->width - GUTTER * (n - 1) - share * (n - 1);
	return PACTUM_OK;
}

int text_write_languages_in_turn(struct writer *w, const pactum_block *root)
{
	int error = PACTUM_OK;

	w->single = 1;
	for (w->lang = 0; w->lang < w->nlangs; w->lang++) {
		if (w->lang > 0) {
			/* the separator; the title's gap follows it */
			w->row.len = 0;
			text_buf_repeat(&w->row, '=', w->width);
			if (w->row.oom)
				return PACTUM_ENOMEM;
			if ((error = put_gap(w, 1)) != PACTUM_OK ||
			    (error = text_put_line(w, w->row.ptr,
						   w->row.len)) != PACTUM_OK)
				return error;
		}
		if ((error = text_walk_document(w, root)) != PACTUM_OK)
			return error;
	}
	return PACTUM_OK;
}
