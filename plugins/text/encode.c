#include "config.h"

/*
 * The output charset, as the text writer sees it: every unit's text is
 * transliterated as it is laid out, with each character the charset lacks
 * reported once and where it was first seen, and the finished output is
 * converted with iconv (charset.c).
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "text.h"

/* The number or, failing that, the id of b, for messages. */
static const char *block_name(const pactum_block *b)
{
	const char *name = pactum_block_number(b);

	if (name == NULL)
		name = pactum_block_id(b);
	return name != NULL ? name : "?";
}

/* Where the unit being laid out is, for messages: "clause 3.2". */
static void describe_place(char *dst, size_t cap, const struct writer *w)
{
	const struct unit *u = w->unit;

	switch (u->kind) {
	case UNIT_HEADER:
		snprintf(dst, cap, "%s", _("the column header"));
		break;
	case UNIT_TITLE:
		snprintf(dst, cap, "%s", _("the title"));
		break;
	case UNIT_FRONT:
		snprintf(dst, cap, "%s", u->front == FRONT_PARTIES
						 ? _("the heading of the parties")
						 : _("the heading of the definitions"));
		break;
	case UNIT_PARTY:
		snprintf(dst, cap, _("party %s"), block_name(u->block));
		break;
	case UNIT_TERM:
		snprintf(dst, cap, _("the definition of %s"),
			 block_name(u->block));
		break;
	case UNIT_HEADING:
		snprintf(dst, cap, _("the heading of section %s"),
			 block_name(u->block));
		break;
	case UNIT_CLAUSE_HEADING:
		snprintf(dst, cap, _("the heading of clause %s"),
			 block_name(u->block));
		break;
	case UNIT_SIGNATURE:
		snprintf(dst, cap, _("party %s"), block_name(u->block));
		break;
	case UNIT_CENTRED:
	case UNIT_RULE:
		snprintf(dst, cap, "%s", _("the text"));
		break;
	case UNIT_TABLE:
	case UNIT_TEXT:
		if (w->clause != NULL)
			snprintf(dst, cap, _("clause %s"),
				 block_name(w->clause));
		else if (w->section != NULL &&
			 pactum_block_kind_of(w->section) == PACTUM_BLOCK_ANNEX)
			snprintf(dst, cap, _("annex %s"),
				 block_name(w->section));
		else if (w->section != NULL)
			snprintf(dst, cap, _("section %s"),
				 block_name(w->section));
		else
			snprintf(dst, cap, "%s", _("the text"));
		break;
	}
}

/* The character cp (its UTF-8 is s, n bytes) cannot be written in the
 * charset: say so, once per character, and where it was first seen. */
static void bad_char(struct writer *w, uint32_t cp, const char *s, size_t n)
{
	char place[160];
	unsigned i;

	for (i = 0; i < w->nbad; i++)
		if (w->bad[i] == cp)
			return;
	if (w->nbad == MAX_BAD) {
		w->bad_more = 1;
		return;
	}
	w->bad[w->nbad++] = cp;
	describe_place(place, sizeof(place), w);
	if (w->translit)
		pactum_diag_report(w->diag, PACTUM_ERROR, NULL,
				   _("U+%04lX \"%.*s\" in %s (%s) cannot be "
				     "written in %s, and there is no "
				     "transliteration for it"),
				   (unsigned long)cp, (int)n, s, place,
				   pactum_doc_lang(w->doc, w->unit_lang),
				   w->cs->name);
	else if (charset_translit(cp) != NULL)
		pactum_diag_report(w->diag, PACTUM_ERROR, NULL,
				   _("U+%04lX \"%.*s\" in %s (%s) cannot be "
				     "written in %s; transliteration "
				     "(--transliterate) would replace it"),
				   (unsigned long)cp, (int)n, s, place,
				   pactum_doc_lang(w->doc, w->unit_lang),
				   w->cs->name);
	else
		pactum_diag_report(w->diag, PACTUM_ERROR, NULL,
				   _("U+%04lX \"%.*s\" in %s (%s) cannot be "
				     "written in %s"),
				   (unsigned long)cp, (int)n, s, place,
				   pactum_doc_lang(w->doc, w->unit_lang),
				   w->cs->name);
}

/*
 * Append text to dst as it will be written in the charset: transliterated
 * if asked for, and with every character the charset lacks reported.
 * U+00A0 stays U+00A0 even where the charset lacks it, so that lines never
 * break there ("Ziffer 3.2", "20 %"); text_put_line() makes it a space.
 * It is spacing, not content: a plain space loses the reader nothing.
 */
/* The language's own quotation mark cp where the charset lacks it, as
 * its terms are quoted there (German „…“ as »…«), and the typographic
 * apostrophe as "'": punctuation, which must not make a contract fail
 * in ISO-8859-1; NULL for another character. */
static const char *quote_stand_in(const struct writer *w, uint32_t cp)
{
	const char *own[2], *shown[2];
	uint32_t q;
	int i;

	if (cp == 0x2019)
		return "'";

	own[0] = pactum_doc_label(w->doc, w->unit_lang, PACTUM_LABEL_OPEN_QUOTE);
	own[1] = pactum_doc_label(w->doc, w->unit_lang, PACTUM_LABEL_CLOSE_QUOTE);
	text_quotes(w, w->unit_lang, &shown[0], &shown[1]);
	for (i = 0; i < 2; i++)
		if (own[i] != NULL && text_utf8_next(&q, own[i], strlen(own[i])) > 0 &&
		    q == cp && strcmp(shown[i], own[i]) != 0)
			return shown[i];
	return NULL;
}

void text_encode(struct writer *w, struct buf *dst, const char *s,
		 size_t len)
{
	const char *to;
	uint32_t cp;
	size_t i = 0, n;

	while (i < len) {
		n = text_utf8_next(&cp, s + i, len - i);
		if (charset_holds(w->cs, cp) || cp == 0xa0) {
			text_buf_put(dst, s + i, n);
		} else if ((to = quote_stand_in(w, cp)) != NULL) {
			text_buf_puts(dst, to);
		} else if (w->translit && (to = charset_translit(cp)) != NULL) {
			text_buf_puts(dst, to);
		} else {
			bad_char(w, cp, s + i, n);
			text_buf_put(dst, s + i, n);
		}
		i += n;
	}
}

/* The whole output, in UTF-8 in w->out, to the sink in the charset. */
int text_write_out(struct writer *w)
{
	char *conv = NULL;
	size_t conv_len, bad, line = 1, i, n;
	uint32_t cp;
	int error;

	if (w->cs->id == CHARSET_UTF8)
		return pactum_sink_write(w->sink, w->out.ptr, w->out.len);
	error = charset_convert(&conv, &conv_len, &bad, w->cs, w->out.ptr,
				w->out.len);
	switch (error) {
	case PACTUM_OK:
		error = pactum_sink_write(w->sink, conv, conv_len);
		break;
	case PACTUM_EINPUT:
		/* text_encode() saw every character, so this is a character
		 * our tables and iconv disagree about */
		for (i = 0; i < bad; i++)
			if (w->out.ptr[i] == '\n')
				line++;
		n = text_utf8_next(&cp, w->out.ptr + bad, w->out.len - bad);
		pactum_diag_report(w->diag, PACTUM_ERROR, NULL,
				   _("U+%04lX \"%.*s\" on line %lu of the "
				     "output cannot be written in %s"),
				   (unsigned long)cp, (int)n, w->out.ptr + bad,
				   (unsigned long)line, w->cs->name);
		break;
	case PACTUM_EIO:
		pactum_diag_report(w->diag, PACTUM_ERROR, NULL,
				   _("cannot convert to %s: %s"), w->cs->name,
				   strerror(errno));
		break;
	default:
		break;
	}
	pactum_free(conv);
	return error;
}

