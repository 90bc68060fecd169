/*
 * The docx writer's output: the part being written, escaped text, and
 * the paragraphs, runs and bookmarks of WordprocessingML.  See docx.h.
 */
#include "config.h"

#include <libintl.h>
#include <string.h>

#include "docx.h"

/* Append to where writing goes; the first failure sticks and later
 * writes are skipped, so callers need not test every call. */
static void put_raw(struct dx_writer *w, const char *s, size_t len)
{
	if (w->error == PACTUM_OK && len != 0)
		w->error = pactum_sink_write(w->out, s, len);
}

static void close_run(struct dx_writer *w)
{
	if (w->run_open) {
		w->run_open = 0;
		put_raw(w, "</w:t></w:r>", 12);
	}
}

void dx_put_bytes(struct dx_writer *w, const char *s, size_t len)
{
	close_run(w);
	put_raw(w, s, len);
}

void dx_set_out(struct dx_writer *w, pactum_sink *out)
{
	close_run(w);
	w->out = out;
}

void dx_begin_part(struct dx_writer *w, pactum_sink **out)
{
	int error = pactum_sink_new(out);

	if (error != PACTUM_OK && w->error == PACTUM_OK)
		w->error = error;
	dx_set_out(w, *out);
}

int dx_end_part(struct dx_writer *w)
{
	dx_set_out(w, w->body);
	return w->error;
}

/* Character data or an attribute value. */
void dx_put_text(struct dx_writer *w, const char *s, size_t len)
{
	close_run(w);
	if (w->error == PACTUM_OK)
		w->error = pactum_sink_put_escaped(w->out, s, len);
}

void dx_put_str(struct dx_writer *w, const char *s)
{
	dx_put_text(w, s, strlen(s));
}

void dx_put_uint(struct dx_writer *w, size_t n)
{
	char digits[24];
	size_t i = sizeof(digits);

	do {
		digits[--i] = (char)('0' + n % 10);
		n /= 10;
	} while (n != 0 && i > 0);
	dx_put_bytes(w, digits + i, sizeof(digits) - i);
}

/* ' name="value"'; nothing for a NULL value. */
void dx_put_attr(struct dx_writer *w, const char *name, const char *value)
{
	if (value == NULL)
		return;
	dx_put(w, " ");
	dx_put(w, name);
	dx_put(w, "=\"");
	dx_put_str(w, value);
	dx_put(w, "\"");
}

/* w:lang of rendering lang: its locale ("de-DE"), for spelling and
 * hyphenation; the tag itself when the core knows no region. */
const char *dx_locale(const struct dx_writer *w, size_t lang)
{
	const char *loc = pactum_doc_locale(w->doc, lang);

	return loc ? loc : pactum_doc_lang(w->doc, lang);
}

/* The locale of draft text: that of the rendering in the source
 * language, if one is, else the source language's tag. */
const char *dx_source_locale(const struct dx_writer *w)
{
	const char *src = pactum_doc_source_lang(w->doc);
	size_t i;

	for (i = 0; i < w->nlangs; i++)
		if (pactum_ascii_caseeq(pactum_doc_lang(w->doc, i), src))
			return dx_locale(w, i);
	return src;
}

/*
 * A bookmark's name: prefix, the model id, and the language where a
 * part exists once per language.  Word takes letters, digits and '_', at
 * most 40 of them: '-' and '_' are spelt "_1" and "_0", which keeps
 * distinct ids distinct, and an id too long for that is hashed (FNV-1a).
 */
void dx_put_bookmark_name(struct dx_writer *w, const char *prefix,
			  const char *id, size_t lang)
{
	static const char hex[] = "0123456789abcdef";
	char name[48], *p = name;
	unsigned long long h = 14695981039346656037ULL;
	size_t need = strlen(prefix) + 4, i;

	for (i = 0; id[i]; i++)
		need += (id[i] == '-' || id[i] == '_') ? 2 : 1;
	dx_put(w, prefix);
	if (need <= 40) {
		for (i = 0; id[i]; i++) {
			if (id[i] == '-' || id[i] == '_') {
				*p++ = '_';
				*p++ = id[i] == '-' ? '1' : '0';
			} else {
				*p++ = id[i];
			}
		}
	} else {
		for (i = 0; id[i]; i++)
			h = (h ^ (unsigned char)id[i]) * 1099511628211ULL;
		*p++ = 'h';
		for (i = 0; i < 16; i++)
			*p++ = hex[(h >> (60 - 4 * i)) & 0xf];
	}
	dx_put_bytes(w, name, (size_t)(p - name));
	if (w->mode != DX_SINGLE && lang != DX_ALL_LANGS) {
		dx_put(w, "_");
		dx_put_uint(w, lang);
	}
}

/* "<w:p>" with its style, and the language of the paragraph mark. */
void dx_para_begin(struct dx_writer *w, const char *style,
		   const char *locale)
{
	dx_put(w, "<w:p><w:pPr><w:pStyle");
	dx_put_attr(w, "w:val", style);
	dx_put(w, "/><w:rPr><w:lang");
	dx_put_attr(w, "w:val", locale);
	dx_put(w, "/></w:rPr></w:pPr>");
}

void dx_para_end(struct dx_writer *w)
{
	dx_put(w, "</w:p>");
	w->after_table = 0;
}

static int same(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* One run of text in a character style (NULL: none), with the emphasis
 * open at this point and its language.  Left open: the next run with the
 * same properties continues it. */
void dx_run(struct dx_writer *w, const char *style, const char *text,
	    size_t len, const char *locale)
{
	unsigned props = (w->strong ? 1u : 0u) | (w->emph ? 2u : 0u) |
			 (w->draft ? 4u : 0u);

	if (len == 0)
		return;
	if (!(w->run_open && props == w->run_props &&
	      same(style, w->run_style) && same(locale, w->run_locale))) {
		dx_put(w, "<w:r><w:rPr>");
		if (style) {
			dx_put(w, "<w:rStyle");
			dx_put_attr(w, "w:val", style);
			dx_put(w, "/>");
		}
		if (w->strong)
			dx_put(w, "<w:b/><w:bCs/>");
		if (w->emph)
			dx_put(w, "<w:i/><w:iCs/>");
		if (w->draft)
			dx_put(w, "<w:highlight w:val=\"lightGray\"/>");
		dx_put(w, "<w:lang");
		dx_put_attr(w, "w:val", locale);
		dx_put(w, "/></w:rPr><w:t xml:space=\"preserve\">");
	}
	if (w->error == PACTUM_OK)
		w->error = pactum_sink_put_escaped(w->out, text, len);
	w->run_open = 1;
	w->run_style = style;
	w->run_locale = locale;
	w->run_props = props;
}

void dx_run_str(struct dx_writer *w, const char *style, const char *text,
		const char *locale)
{
	dx_run(w, style, text, strlen(text), locale);
}

/* The tab between a number and its text (the styles set the stop). */
void dx_tab(struct dx_writer *w, const char *locale)
{
	dx_put(w, "<w:r><w:rPr><w:lang");
	dx_put_attr(w, "w:val", locale);
	dx_put(w, "/></w:rPr><w:tab/></w:r>");
}

void dx_page_break(struct dx_writer *w)
{
	dx_put(w, "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
	w->after_table = 0;
}

/* A bookmark named for id in lang, opened inside a paragraph; returns its
 * number for dx_bookmark_end(), 0 when id is NULL (no bookmark). */
unsigned dx_bookmark_begin(struct dx_writer *w, const char *prefix,
			   const char *id, size_t lang)
{
	if (id == NULL)
		return 0;
	w->nmarks++;
	dx_put(w, "<w:bookmarkStart w:id=\"");
	dx_put_uint(w, w->nmarks);
	dx_put(w, "\" w:name=\"");
	dx_put_bookmark_name(w, prefix, id, lang);
	dx_put(w, "\"/>");
	return w->nmarks;
}

void dx_bookmark_end(struct dx_writer *w, unsigned mark)
{
	if (mark == 0)
		return;
	dx_put(w, "<w:bookmarkEnd w:id=\"");
	dx_put_uint(w, mark);
	dx_put(w, "\"/>");
}

/* Report an error at block b (NULL: no place) and make it the writer's
 * status; returns it. */
int dx_fail(struct dx_writer *w, int status, const pactum_block *b,
	    const char *message)
{
	pactum_pos pos = { NULL, 0, 0 };

	if (b)
		pos = pactum_block_pos(w->doc, b);
	if (pactum_diag_report(w->diag, PACTUM_ERROR, &pos, "%s", message) !=
	    PACTUM_OK)
		status = PACTUM_ENOMEM;
	if (w->error == PACTUM_OK)
		w->error = status;
	return w->error;
}
