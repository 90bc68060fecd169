/*
 * The HTML being written: escaped text, attributes and ids, into the
 * html writer's sink or the pdf writer's own.
 */
#include "config.h"

#include <string.h>

#include "html.h"

/* Remember the first failure; everything after it is skipped. */
void h_fail(struct html *w, int error)
{
	if (w->error == PACTUM_OK)
		w->error = error;
}

void h_putn(struct html *w, const char *s, size_t len)
{
	if (w->error == PACTUM_OK && len != 0)
		w->error = pactum_sink_write(w->out, s, len);
}

/* Text or an attribute value (always double-quoted). */
void h_text(struct html *w, const char *s, size_t len)
{
	if (w->error == PACTUM_OK)
		w->error = pactum_sink_put_escaped(w->out, s, len);
}

void h_str(struct html *w, const char *s)
{
	h_text(w, s, strlen(s));
}

/* ' name="value"'; nothing for a NULL value. */
void h_attr(struct html *w, const char *name, const char *value)
{
	if (value == NULL)
		return;
	h_put(w, " ");
	h_put(w, name);
	h_put(w, "=\"");
	h_str(w, value);
	h_put(w, "\"");
}

void h_lang_attr(struct html *w, size_t lang)
{
	h_attr(w, "lang", pactum_doc_lang(w->doc, lang));
}

/* The lang of a block standing in a row (parallel, interleaved): each
 * cell says its language.  Elsewhere it is inherited. */
void h_cell_lang(struct html *w, size_t lang)
{
	if (w->mode == MODE_PARALLEL || w->mode == MODE_INTERLEAVED)
		h_lang_attr(w, lang);
}

/*
 * An id: prefix and model id, plus ".LANG" when the document has several
 * languages (every numbered part then exists once per language, and a
 * link points at the one in its own).  Model ids never hold '.', so
 * "term.ID", "fn.1.de" and "ID.de" cannot collide with one another.
 */
void h_id(struct html *w, const char *prefix, const char *id, size_t lang)
{
	h_put(w, prefix);
	h_str(w, id);
	if (w->nlangs > 1 && lang != ALL_LANGS) {
		h_put(w, ".");
		h_str(w, pactum_doc_lang(w->doc, lang));
	}
}

void h_id_attr(struct html *w, const char *prefix, const char *id,
	       size_t lang)
{
	if (id == NULL)
		return;
	h_put(w, " id=\"");
	h_id(w, prefix, id, lang);
	h_put(w, "\"");
}

/* "<hN": the caller adds attributes and ">"; levels below six are h6. */
void h_heading_open(struct html *w, unsigned level, const char *cls)
{
	char tag[4] = { '<', 'h', '6', '\0' };

	if (level >= 1 && level < 6)
		tag[2] = (char)('0' + level);
	h_put(w, tag);
	h_attr(w, "class", cls);
}

void h_heading_close(struct html *w, unsigned level)
{
	char tag[7] = { '<', '/', 'h', '6', '>', '\n', '\0' };

	if (level >= 1 && level < 6)
		tag[3] = (char)('0' + level);
	h_put(w, tag);
}
