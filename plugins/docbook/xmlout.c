/*
 * The docbook writer's output: bytes to the sink, escaped text, lines at
 * the current depth, attributes and ids.  See docbook.c.
 */
#include "config.h"

#include <string.h>

#include "docbook.h"

void db_put_bytes(struct writer *w, const char *s, size_t len)
{
	int error;

	if (w->error != PACTUM_OK || len == 0)
		return;
	error = pactum_sink_write(w->sink, s, len);
	if (error != PACTUM_OK)
		w->error = error;
}

/* Character data or an attribute value. */
void db_put_text(struct writer *w, const char *s, size_t len)
{
	if (w->error == PACTUM_OK)
		w->error = pactum_sink_put_escaped(w->sink, s, len);
}

void db_put_str(struct writer *w, const char *s)
{
	db_put_text(w, s, strlen(s));
}

void db_put_uint(struct writer *w, size_t n)
{
	char digits[24];
	size_t i = sizeof(digits);

	do {
		digits[--i] = (char)('0' + n % 10);
		n /= 10;
	} while (n != 0 && i > 0);
	db_put_bytes(w, digits + i, sizeof(digits) - i);
}

/* Start a line at the current depth; db_end_line() ends it. */
void db_begin_line(struct writer *w)
{
	/* one write for the usual depths, not one per level */
	static const char spaces[] = "                                "
				     "                                ";
	unsigned i = w->indent;

	for (; i > (sizeof(spaces) - 1) / 2; i -= (sizeof(spaces) - 1) / 2)
		db_put_bytes(w, spaces, sizeof(spaces) - 1);
	db_put_bytes(w, spaces, 2 * (size_t)i);
}

void db_end_line(struct writer *w)
{
	db_put(w, "\n");
}

/* A line holding one fixed tag; db_open_line() and db_close_line() also step
 * the indentation in and out. */
void db_line(struct writer *w, const char *tag)
{
	db_begin_line(w);
	db_put(w, tag);
	db_end_line(w);
}

void db_open_line(struct writer *w, const char *tag)
{
	db_line(w, tag);
	w->indent++;
}

void db_close_line(struct writer *w, const char *tag)
{
	w->indent--;
	db_line(w, tag);
}

const char *db_lang_code(const struct writer *w, size_t lang)
{
	return pactum_doc_lang(w->doc, lang);
}

void db_put_attr(struct writer *w, const char *name, const char *value)
{
	if (value == NULL)
		return;
	db_put(w, " ");
	db_put(w, name);
	db_put(w, "=\"");
	db_put_str(w, value);
	db_put(w, "\"");
}

void db_put_lang_attr(struct writer *w, size_t lang)
{
	db_put_attr(w, "xml:lang", db_lang_code(w, lang));
}

/* An id: prefix and model id, plus ".LANG" for an element that exists
 * once per language (lang is not ALL_LANGS and there are several). */
void db_put_id(struct writer *w, const char *prefix, const char *id,
	       size_t lang)
{
	db_put(w, prefix);
	db_put_str(w, id);
	if (lang != ALL_LANGS && w->mode != MODE_SINGLE) {
		db_put(w, ".");
		db_put_str(w, db_lang_code(w, lang));
	}
}

void db_put_id_attr(struct writer *w, const char *prefix, const char *id,
		    size_t lang)
{
	if (id == NULL)
		return;
	db_put(w, " xml:id=\"");
	db_put_id(w, prefix, id, lang);
	db_put(w, "\"");
}
