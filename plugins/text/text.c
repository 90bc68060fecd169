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
 * The title is centred and underlined with '='; front-matter headings
 * ("Parties", "Definitions", from a small per-language table) and section
 * headings ("1. Title", "2.1 Title") are underlined with '-'.  Clauses,
 * list items and definitions have a hanging indent: continuation lines
 * start where the text after the number starts.  Emphasis is shown as
 * *text*.  Draft-mode text that has no translation is wrapped, a whole
 * unit at a time, in "[EN: ...]" (models are written in English).
 *
 * Lines break at U+0020 only, never at U+00A0.  A word wider than the room
 * on a line of its own is broken hard at the width, so that no line is ever
 * wider than the width.  Display widths come from our own UTF-8 decoder and
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
 * replacement cannot make a line wider than the width.
 */

#include <errno.h>
#include <libintl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <pactum/plugin.h>

#include "charset.h"

#define _(s) dgettext(PACKAGE, s)

#define GUTTER 3       /* spaces between parallel columns */
#define MIN_COLUMN 8   /* narrowest parallel column we accept */
#define FIELD_INDENT 4 /* a party's fields under its role label */
#define MAX_BAD 16     /* characters the charset lacks we name, at most */

/* ------------------------------------------------------ words -------- */

/*
 * The few words the layout itself adds, per document language.  They are
 * part of the document, not messages to the user, so they come from this
 * table and not from gettext.  Unknown languages get English words.
 */
struct lang_words {
	const char *lang;
	const char *name; /* in the language itself, for column headers */
	const char *parties;
	const char *definitions;
	const char *open_quote;
	const char *close_quote;
	const char *register_label;
	const char *vat_id_label;
	const char *representative_label;
};

static const struct lang_words lang_words[] = {
	/* quotes as UTF-8 bytes, whatever the compiler's charset */
	{ "en", "English", "Parties", "Definitions",
	  "\xe2\x80\x9c" /* U+201C */, "\xe2\x80\x9d" /* U+201D */,
	  "Commercial register:", "VAT ID:", "represented by" },
	{ "de", "Deutsch", "Vertragsparteien", "Begriffsbestimmungen",
	  "\xe2\x80\x9e" /* U+201E */, "\xe2\x80\x9c" /* U+201C */,
	  "Handelsregister:", "USt-IdNr.:", "vertreten durch" },
};

static const struct lang_words *words_for(const char *lang)
{
	size_t i;

	for (i = 0; i < sizeof(lang_words) / sizeof(lang_words[0]); i++)
		if (lang != NULL && strcmp(lang, lang_words[i].lang) == 0)
			return &lang_words[i];
	return &lang_words[0];
}

/* The language's name for a column header; the code when unknown. */
static const char *lang_name(const char *lang)
{
	const struct lang_words *lw = words_for(lang);

	if (lang != NULL && strcmp(lw->lang, lang) == 0)
		return lw->name;
	return lang != NULL ? lang : "";
}

/* What goes before a party field's value; NULL for none (a name or an
 * address speaks for itself). */
static const char *field_label(const struct lang_words *lw, const char *id)
{
	if (id == NULL)
		return NULL;
	if (strcmp(id, "register") == 0)
		return lw->register_label;
	if (strcmp(id, "vat-id") == 0)
		return lw->vat_id_label;
	if (strcmp(id, "representative") == 0)
		return lw->representative_label;
	return NULL;
}

/* ------------------------------------------------------ widths ------- */

struct range {
	uint32_t lo, hi;
};

static const struct range zero_width[] = {
	{ 0x0300, 0x036f }, { 0x1ab0, 0x1aff }, { 0x1dc0, 0x1dff },
	{ 0x20d0, 0x20ff }, { 0xfe20, 0xfe2f },
};

static const struct range double_width[] = {
	{ 0x1100, 0x115f },   { 0x2e80, 0xa4cf }, { 0xac00, 0xd7a3 },
	{ 0xf900, 0xfaff },   { 0xfe30, 0xfe4f }, { 0xff00, 0xff60 },
	{ 0xffe0, 0xffe6 },   { 0x20000, 0x3fffd },
};

static int in_ranges(uint32_t cp, const struct range *r, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (cp >= r[i].lo && cp <= r[i].hi)
			return 1;
	return 0;
}

static unsigned cp_width(uint32_t cp)
{
	if (in_ranges(cp, zero_width,
		      sizeof(zero_width) / sizeof(zero_width[0])))
		return 0;
	if (in_ranges(cp, double_width,
		      sizeof(double_width) / sizeof(double_width[0])))
		return 2;
	return 1;
}

/*
 * Decode the character at s (len > 0 bytes left) into *cp; returns its
 * length in bytes.  Runs are valid UTF-8, but a stray byte still advances
 * by one (as U+FFFD) so that no input can stall us.
 */
static size_t utf8_next(uint32_t *cp, const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t n, i;
	uint32_t v;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		n = 2;
		v = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		n = 3;
		v = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		n = 4;
		v = s[0] & 0x07;
	} else {
		goto invalid;
	}
	if (n > len)
		goto invalid;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			goto invalid;
		v = (v << 6) | (s[i] & 0x3f);
	}
	*cp = v;
	return n;
invalid:
	*cp = 0xfffd;
	return 1;
}

static unsigned str_width(const char *s, size_t len)
{
	unsigned w = 0;
	uint32_t cp;
	size_t i = 0;

	while (i < len) {
		i += utf8_next(&cp, s + i, len - i);
		w += cp_width(cp);
	}
	return w;
}

/* ------------------------------------------------------ buffers ------ */

/* A growable byte string.  Out of memory is sticky (oom) and checked once
 * per block, which keeps the layout code free of error paths. */
struct buf {
	char *ptr;
	size_t len, cap;
	int oom;
};

static void buf_put(struct buf *b, const char *s, size_t len)
{
	if (b->oom || len == 0)
		return;
	if (b->len + len > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		char *p;

		while (cap < b->len + len)
			cap *= 2;
		p = pactum_realloc(b->ptr, cap);
		if (p == NULL) {
			b->oom = 1;
			return;
		}
		b->ptr = p;
		b->cap = cap;
	}
	memcpy(b->ptr + b->len, s, len);
	b->len += len;
}

static void buf_puts(struct buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

static void buf_repeat(struct buf *b, char c, unsigned n)
{
	char chunk[32];

	memset(chunk, c, sizeof(chunk));
	while (n > 0) {
		unsigned k = n < sizeof(chunk) ? n : (unsigned)sizeof(chunk);

		buf_put(b, chunk, k);
		n -= k;
	}
}

static void buf_free(struct buf *b)
{
	pactum_free(b->ptr);
	b->ptr = NULL;
	b->len = b->cap = 0;
}

/* ------------------------------------------------------ lines -------- */

/* One block rendered in one language: lines without newlines, kept in
 * one byte string. */
struct line {
	size_t off, len;
	unsigned width; /* in display cells */
};

struct lines {
	struct buf bytes;
	struct line *v;
	size_t n, cap;
	size_t start; /* where the line being built starts in bytes */
	int oom;
};

static void lines_clear(struct lines *ls)
{
	ls->bytes.len = 0;
	ls->n = 0;
}

static int lines_failed(const struct lines *ls)
{
	return ls->oom || ls->bytes.oom;
}

static void lines_start(struct lines *ls)
{
	ls->start = ls->bytes.len;
}

/* Finish the line begun by lines_start(), width cells wide; trailing
 * spaces go. */
static void lines_end(struct lines *ls, unsigned width)
{
	while (ls->bytes.len > ls->start &&
	       ls->bytes.ptr[ls->bytes.len - 1] == ' ') {
		ls->bytes.len--;
		width--;
	}
	if (ls->oom || ls->bytes.oom)
		return;
	if (ls->n == ls->cap) {
		size_t cap = ls->cap ? 2 * ls->cap : 16;
		struct line *v = pactum_realloc(ls->v, cap * sizeof(*v));

		if (v == NULL) {
			ls->oom = 1;
			return;
		}
		ls->v = v;
		ls->cap = cap;
	}
	ls->v[ls->n].off = ls->start;
	ls->v[ls->n].len = ls->bytes.len - ls->start;
	ls->v[ls->n].width = width;
	ls->n++;
}

/* Append a line of n copies of c, after pad spaces. */
static void lines_rule(struct lines *ls, unsigned pad, char c, unsigned n)
{
	lines_start(ls);
	buf_repeat(&ls->bytes, ' ', pad);
	buf_repeat(&ls->bytes, c, n);
	lines_end(ls, pad + n);
}

static void lines_free(struct lines *ls)
{
	buf_free(&ls->bytes);
	pactum_free(ls->v);
	ls->v = NULL;
	ls->n = ls->cap = 0;
}

/* ------------------------------------------------------ wrapping ----- */

struct wrap {
	struct lines *out;
	unsigned width; /* cells a line may use */
	unsigned hang;  /* indent of continuation lines */
	unsigned col;   /* cells used on the current line */
	int words;      /* words on the current line */
};

static void wrap_put(struct wrap *wr, const char *s, size_t len, unsigned w)
{
	buf_put(&wr->out->bytes, s, len);
	wr->col += w;
}

static void wrap_newline(struct wrap *wr)
{
	lines_end(wr->out, wr->col);
	lines_start(wr->out);
	buf_repeat(&wr->out->bytes, ' ', wr->hang);
	wr->col = wr->hang;
	wr->words = 0;
}

/* A word too wide for any line: break it between characters.  Combining
 * marks have no width, so they always stay with their base character. */
static void wrap_hard(struct wrap *wr, const char *s, size_t len)
{
	size_t i = 0, n;
	uint32_t cp;
	unsigned cw;

	while (i < len) {
		n = utf8_next(&cp, s + i, len - i);
		cw = cp_width(cp);
		if (wr->col + cw > wr->width && wr->col > wr->hang)
			wrap_newline(wr);
		wrap_put(wr, s + i, n, cw);
		i += n;
	}
	wr->words = 1;
}

static void wrap_word(struct wrap *wr, const char *s, size_t len)
{
	unsigned w = str_width(s, len);

	if (wr->col + (wr->words ? 1 : 0) + w <= wr->width) {
		if (wr->words)
			wrap_put(wr, " ", 1, 1);
		wrap_put(wr, s, len, w);
		wr->words = 1;
		return;
	}
	if (wr->words)
		wrap_newline(wr);
	if (wr->col + w <= wr->width) {
		wrap_put(wr, s, len, w);
		wr->words = 1;
		return;
	}
	wrap_hard(wr, s, len);
}

/*
 * Wrap text (words separated by U+0020) into out, at most width cells per
 * line.  The first line starts with indent spaces and the label, then
 * label_gap spaces; later lines are indented to where the text after the
 * label begins.  Deep indents are squeezed into narrow widths, and a label
 * that leaves no room gets a line of its own, so that nothing is ever wider
 * than width (which is at least MIN_COLUMN).
 */
static void wrap_text(struct lines *out, unsigned width, unsigned indent,
		      const char *label, unsigned label_gap, const char *text,
		      size_t len)
{
	struct wrap wr = { out, width, 0, 0, 0 };
	size_t label_len = label ? strlen(label) : 0, i = 0, j;
	unsigned label_w = label ? str_width(label, label_len) : 0;
	int label_on_line = 0;

	if (indent > width / 2)
		indent = width / 2;
	wr.hang = indent;
	lines_start(out);
	buf_repeat(&out->bytes, ' ', indent);
	wr.col = indent;
	if (label_len > 0 && indent + label_w + label_gap + 2 <= width) {
		wrap_put(&wr, label, label_len, label_w);
		buf_repeat(&out->bytes, ' ', label_gap);
		wr.col += label_gap;
		wr.hang = wr.col;
		label_on_line = 1;
	} else if (label_len > 0) {
		wrap_hard(&wr, label, label_len);
		wrap_newline(&wr);
	}
	while (i < len) {
		while (i < len && text[i] == ' ')
			i++;
		for (j = i; j < len && text[j] != ' '; j++)
			;
		if (j > i)
			wrap_word(&wr, text + i, j - i);
		i = j;
	}
	if (wr.words || label_on_line)
		lines_end(out, wr.col);
	else
		out->bytes.len = out->start; /* nothing was put on it */
}

/* Lines of src centred in width cells, appended to out.  Returns the
 * width of the widest line. */
static unsigned centre_lines(struct lines *out, const struct lines *src,
			     unsigned width)
{
	unsigned widest = 0, pad;
	size_t i;

	for (i = 0; i < src->n; i++) {
		const struct line *l = &src->v[i];

		pad = (width - l->width) / 2;
		lines_start(out);
		buf_repeat(&out->bytes, ' ', pad);
		buf_put(&out->bytes, src->bytes.ptr + l->off, l->len);
		lines_end(out, pad + l->width);
		if (l->width > widest)
			widest = l->width;
	}
	return widest;
}

/* ------------------------------------------------------ runs --------- */

/* Close emphasis: the '*' goes before any spaces at the end. */
static void close_emphasis(struct buf *b)
{
	unsigned spaces = 0;

	while (b->len > 0 && b->ptr[b->len - 1] == ' ') {
		b->len--;
		spaces++;
	}
	buf_put(b, "*", 1);
	buf_repeat(b, ' ', spaces);
}

/*
 * Append the text of runs (one title or content in one language) to b.
 * Emphasis becomes *...*, with the marks against the words rather than
 * against spaces, and nested emphasis is shown once.  If any of the text
 * is draft text without a translation, the whole unit is wrapped in
 * "[EN: ...]", so a reader can never take it for the translation.
 */
static void flatten(struct buf *b, const pactum_run *runs)
{
	const pactum_run *r;
	int untranslated = 0, pending = 0;
	unsigned depth = 0;
	const char *s;
	size_t len;

	for (r = runs; r; r = pactum_run_next(r))
		if (pactum_run_kind_of(r) == PACTUM_RUN_UNTRANSLATED)
			untranslated = 1;
	if (untranslated)
		buf_puts(b, "[EN: ");
	for (r = runs; r; r = pactum_run_next(r)) {
		switch (pactum_run_kind_of(r)) {
		case PACTUM_RUN_EMPH_BEGIN:
			if (depth++ == 0)
				pending = 1; /* '*' waits for a word */
			break;
		case PACTUM_RUN_EMPH_END:
			if (depth == 0 || --depth > 0)
				break;
			if (pending)
				pending = 0; /* nothing was emphasised */
			else
				close_emphasis(b);
			break;
		default:
			s = pactum_run_text(r, &len);
			if (s == NULL)
				break;
			if (pending) {
				while (len > 0 && *s == ' ') {
					buf_put(b, " ", 1);
					s++;
					len--;
				}
				if (len > 0) {
					buf_put(b, "*", 1);
					pending = 0;
				}
			}
			buf_put(b, s, len);
			break;
		}
	}
	if (depth > 0 && !pending)
		close_emphasis(b);
	if (untranslated) {
		while (b->len > 0 && b->ptr[b->len - 1] == ' ')
			b->len--;
		buf_put(b, "]", 1);
	}
}

/* ------------------------------------------------------ blocks ------- */

/* What is laid out as one piece: the versions of one in every language
 * start on the same line in parallel layout. */
enum unit_kind {
	UNIT_HEADER,      /* parallel layout: the language of each column */
	UNIT_TITLE,       /* the document's title */
	UNIT_FRONT,       /* "Parties" or "Definitions" */
	UNIT_PARTY,       /* role label and fields */
	UNIT_TERM,        /* one definition */
	UNIT_HEADING,     /* a section's number and title */
	UNIT_TEXT         /* a paragraph or item, maybe after a number */
};

enum front { FRONT_PARTIES, FRONT_DEFINITIONS };

struct unit {
	enum unit_kind kind;
	const pactum_block *block; /* NULL for HEADER, FRONT, a bare number */
	const char *label;         /* TEXT: "1.2", "(a)", "-"; or NULL */
	unsigned label_gap;        /* spaces after the label */
	unsigned indent;
	unsigned gap;              /* blank lines before */
	enum front front;
};

struct writer {
	pactum_sink *sink;
	const pactum_doc *doc;
	pactum_layout layout;
	size_t nlangs;
	int single;            /* render only language `lang` */
	size_t lang;
	unsigned width;
	unsigned margin;       /* interleaved: cells taken by the tags */
	unsigned *colw;        /* owned: [nlangs] parallel column widths */
	struct lines *col;     /* owned: [nlangs] the unit per language */
	struct lines tmp;      /* owned: scratch for centring */
	struct buf text;       /* owned: the words being wrapped */
	struct buf row;        /* owned: one output line being assembled */
	int started;           /* a line has been written */
	pactum_diag *diag;
	/* charset conversion */
	const struct charset *cs;
	int translit;          /* replace what cs lacks from our table */
	int nbsp_space;        /* write U+00A0 as a space (cs lacks it) */
	struct buf out;        /* owned: the whole output, in UTF-8 */
	struct buf xtext;      /* owned: w->text transliterated */
	struct buf xlabel;     /* owned: a label transliterated, NUL-ended */
	/* where we are, for messages */
	const struct unit *unit;
	size_t unit_lang;
	const pactum_block *section, *clause;
	uint32_t bad[MAX_BAD]; /* characters cs lacks, each named once */
	unsigned nbad;
	int bad_more;          /* more than MAX_BAD of them */
};

/* ------------------------------------------------------ charsets ----- */

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
	case UNIT_TEXT:
		if (w->clause != NULL)
			snprintf(dst, cap, _("clause %s"),
				 block_name(w->clause));
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
 * U+00A0 stays U+00A0 under transliteration even where the charset lacks
 * it, so that lines never break there; put_line() makes it a space.
 */
static void encode(struct writer *w, struct buf *dst, const char *s,
		   size_t len)
{
	const char *to;
	uint32_t cp;
	size_t i = 0, n;

	while (i < len) {
		n = utf8_next(&cp, s + i, len - i);
		if (charset_holds(w->cs, cp) || (cp == 0xa0 && w->translit)) {
			buf_put(dst, s + i, n);
		} else if (w->translit && (to = charset_translit(cp)) != NULL) {
			buf_puts(dst, to);
		} else {
			bad_char(w, cp, s + i, n);
			buf_put(dst, s + i, n);
		}
		i += n;
	}
}

/* Wrap w->text as wrap_text() does, as it will be written in the
 * charset. */
static void wrap_unit(struct writer *w, struct lines *out, unsigned width,
		      unsigned indent, const char *label, unsigned label_gap)
{
	if (w->cs->id == CHARSET_UTF8) {
		wrap_text(out, width, indent, label, label_gap, w->text.ptr,
			  w->text.len);
		return;
	}
	w->xtext.len = 0;
	encode(w, &w->xtext, w->text.ptr, w->text.len);
	if (label != NULL) {
		w->xlabel.len = 0;
		encode(w, &w->xlabel, label, strlen(label));
		buf_put(&w->xlabel, "", 1);
		if (!w->xlabel.oom)
			label = w->xlabel.ptr;
	}
	wrap_text(out, width, indent, label, label_gap, w->xtext.ptr,
		  w->xtext.len);
}

static void render_title(struct writer *w, struct lines *out,
			 const struct unit *u, size_t lang, unsigned width)
{
	unsigned widest;

	w->text.len = 0;
	flatten(&w->text, pactum_block_title(u->block, lang));
	lines_clear(&w->tmp);
	wrap_unit(w, &w->tmp, width, 0, NULL, 0);
	widest = centre_lines(out, &w->tmp, width);
	if (widest > 0)
		lines_rule(out, (width - widest) / 2, '=', widest);
	out->oom |= lines_failed(&w->tmp);
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
		lines_rule(out, 0, '-', widest);
}

/* "1" becomes "1.", "2.1" stays: the usual way to number headings. */
static void render_heading(struct writer *w, struct lines *out,
			   const struct unit *u, size_t lang, unsigned width)
{
	const char *number = pactum_block_number(u->block);
	char label[64];
	const char *l = NULL;

	if (number != NULL && strlen(number) + 2 <= sizeof(label)) {
		strcpy(label, number);
		if (strchr(number, '.') == NULL)
			strcat(label, ".");
		l = label;
	} else if (number != NULL) {
		l = number; /* absurdly long: as it is */
	}
	w->text.len = 0;
	flatten(&w->text, pactum_block_title(u->block, lang));
	render_underlined(w, out, l, width);
}

static void render_front(struct writer *w, struct lines *out,
			 const struct unit *u, size_t lang, unsigned width)
{
	const struct lang_words *lw =
		words_for(pactum_doc_lang(w->doc, lang));

	w->text.len = 0;
	buf_puts(&w->text, u->front == FRONT_PARTIES ? lw->parties
						     : lw->definitions);
	render_underlined(w, out, NULL, width);
}

static void render_party(struct writer *w, struct lines *out,
			 const struct unit *u, size_t lang, unsigned width)
{
	const struct lang_words *lw =
		words_for(pactum_doc_lang(w->doc, lang));
	const pactum_block *f;
	const pactum_run *value;
	const char *label;

	w->text.len = 0;
	flatten(&w->text, pactum_block_title(u->block, lang));
	wrap_unit(w, out, width, 0, NULL, 0);
	for (f = pactum_block_first_child(u->block); f;
	     f = pactum_block_next(f)) {
		if (pactum_block_kind_of(f) != PACTUM_BLOCK_FIELD)
			continue;
		value = pactum_block_content(f, lang);
		if (value == NULL)
			continue;
		w->text.len = 0;
		label = field_label(lw, pactum_block_id(f));
		if (label != NULL) {
			buf_puts(&w->text, label);
			buf_put(&w->text, " ", 1);
		}
		flatten(&w->text, value);
		wrap_unit(w, out, width, FIELD_INDENT, NULL, 0);
	}
}

static void render_term(struct writer *w, struct lines *out,
			const struct unit *u, size_t lang, unsigned width)
{
	const struct lang_words *lw =
		words_for(pactum_doc_lang(w->doc, lang));
	const pactum_run *definition = pactum_block_content(u->block, lang);

	w->text.len = 0;
	buf_puts(&w->text, lw->open_quote);
	flatten(&w->text, pactum_block_title(u->block, lang));
	buf_puts(&w->text, lw->close_quote);
	if (definition != NULL) {
		buf_puts(&w->text, ": ");
		flatten(&w->text, definition);
	}
	wrap_unit(w, out, width, u->indent, "-", 1);
}

static void render_header(struct writer *w, struct lines *out, size_t lang,
			  unsigned width)
{
	w->text.len = 0;
	buf_puts(&w->text, lang_name(pactum_doc_lang(w->doc, lang)));
	wrap_unit(w, out, width, 0, NULL, 0);
	lines_rule(out, 0, '-', width);
}

/* Render unit u in language lang, width cells wide, into out (cleared
 * first).  Returns PACTUM_OK or PACTUM_ENOMEM. */
static int render(struct writer *w, struct lines *out, const struct unit *u,
		  size_t lang, unsigned width)
{
	w->unit = u;
	w->unit_lang = lang;
	lines_clear(out);
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
	case UNIT_TEXT:
		w->text.len = 0;
		if (u->block != NULL)
			flatten(&w->text, pactum_block_content(u->block, lang));
		wrap_unit(w, out, width, u->indent, u->label, u->label_gap);
		break;
	}
	if (lines_failed(out) || w->text.oom || w->xtext.oom ||
	    w->xlabel.oom)
		return PACTUM_ENOMEM;
	return PACTUM_OK;
}

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
static int put_line(struct writer *w, const char *s, size_t len)
{
	size_t start = w->out.len;

	buf_put(&w->out, s, len);
	if (w->out.oom)
		return PACTUM_ENOMEM;
	if (w->nbsp_space)
		nbsp_to_space(&w->out, start);
	while (w->out.len > start && w->out.ptr[w->out.len - 1] == ' ')
		w->out.len--;
	buf_put(&w->out, "\n", 1);
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
		error = put_line(w, ls->bytes.ptr + ls->v[i].off, ls->v[i].len);
	return error;
}

/* Blank lines between blocks, never at the top of the output. */
static int put_gap(struct writer *w, unsigned gap)
{
	int error = PACTUM_OK;

	while (w->started && gap-- > 0 && error == PACTUM_OK)
		error = put_line(w, "", 0);
	return error;
}

static int emit_single(struct writer *w, const struct unit *u, size_t lang)
{
	struct lines *ls = &w->col[lang];
	int error;

	if ((error = render(w, ls, u, lang, w->width)) != PACTUM_OK)
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
		error = render(w, &w->col[i], u, i, w->colw[i]);
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
				buf_put(&w->row, ls->bytes.ptr + ls->v[r].off,
					ls->v[r].len);
				used = ls->v[r].width;
			}
			if (i + 1 < w->nlangs)
				buf_repeat(&w->row, ' ',
					   w->colw[i] - used + GUTTER);
		}
		if (w->row.oom)
			return PACTUM_ENOMEM;
		if ((error = put_line(w, w->row.ptr, w->row.len)) != PACTUM_OK)
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
			buf_put(&w->row, "[", 1);
			buf_puts(&w->row, code);
			buf_put(&w->row, "]", 1);
			if (margin == 0) {
				if (w->row.oom)
					return PACTUM_ENOMEM;
				error = put_line(w, w->row.ptr, w->row.len);
				if (error != PACTUM_OK)
					return error;
				w->row.len = 0;
			} else {
				buf_repeat(&w->row, ' ', margin - 2 -
					   str_width(code, strlen(code)));
			}
		} else {
			buf_repeat(&w->row, ' ', margin);
		}
		buf_put(&w->row, ls->bytes.ptr + ls->v[r].off, ls->v[r].len);
		if (w->row.oom)
			return PACTUM_ENOMEM;
		if ((error = put_line(w, w->row.ptr, w->row.len)) != PACTUM_OK)
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
		error = render(w, &w->col[i], u, i, w->width - w->margin);
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

static int emit(struct writer *w, const struct unit *u)
{
	if (w->single)
		return emit_single(w, u, w->lang);
	if (w->layout == PACTUM_LAYOUT_INTERLEAVED)
		return emit_interleaved(w, u);
	return emit_parallel(w, u);
}

/* ------------------------------------------------------ walking ------ */

static int walk_body(struct writer *w, const pactum_block *b,
		     unsigned indent);

static unsigned label_width(const char *label)
{
	return label ? str_width(label, strlen(label)) : 0;
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
		if ((error = emit(w, &u)) != PACTUM_OK)
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
 * its number on a line of its own, right above the list. */
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
	while (c && pactum_block_kind_of(c) != PACTUM_BLOCK_PARAGRAPH &&
	       pactum_block_kind_of(c) != PACTUM_BLOCK_LIST)
		c = pactum_block_next(c);
	if (c && pactum_block_kind_of(c) == PACTUM_BLOCK_PARAGRAPH) {
		u.block = c;
		c = pactum_block_next(c);
	}
	if (u.block != NULL || number != NULL) {
		if ((error = emit(w, &u)) != PACTUM_OK)
			goto done;
		if (u.block == NULL && c != NULL) {
			/* c is the leading list */
			if ((error = walk_list(w, c, inner, 0)) != PACTUM_OK)
				goto done;
			c = pactum_block_next(c);
		}
	}
	for (; c; c = pactum_block_next(c))
		if ((error = walk_body(w, c, inner)) != PACTUM_OK)
			goto done;
done:
	w->clause = outer;
	return error;
}

static int walk_section(struct writer *w, const pactum_block *section)
{
	struct unit u = { .kind = UNIT_HEADING, .block = section, .gap = 1 };
	const pactum_block *c, *outer = w->section;
	int error;

	if ((error = emit(w, &u)) != PACTUM_OK)
		return error;
	w->section = section;
	for (c = pactum_block_first_child(section); c; c = pactum_block_next(c))
		if ((error = walk_body(w, c, 0)) != PACTUM_OK)
			break;
	w->section = outer;
	return error;
}

/* A block of the body; kinds we do not know are skipped. */
static int walk_body(struct writer *w, const pactum_block *b,
		     unsigned indent)
{
	struct unit u = { .kind = UNIT_TEXT, .block = b, .indent = indent,
			  .gap = 1 };

	switch (pactum_block_kind_of(b)) {
	case PACTUM_BLOCK_SECTION:
		return walk_section(w, b);
	case PACTUM_BLOCK_CLAUSE:
		return walk_clause(w, b, indent);
	case PACTUM_BLOCK_PARAGRAPH:
		return emit(w, &u);
	case PACTUM_BLOCK_LIST:
		return walk_list(w, b, indent, 1);
	default:
		return PACTUM_OK;
	}
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
		if (!any++ && (error = emit(w, &head)) != PACTUM_OK)
			return error;
		u.block = c;
		if ((error = emit(w, &u)) != PACTUM_OK)
			return error;
	}
	return PACTUM_OK;
}

static int walk_document(struct writer *w, const pactum_block *root)
{
	struct unit title = { .kind = UNIT_TITLE, .block = root, .gap = 1 };
	const pactum_block *c;
	int error;

	if ((error = emit(w, &title)) != PACTUM_OK)
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

/* The interleaved tags' margin: the widest "[code] " of all languages,
 * or 0 when the width leaves no room for it. */
static void plan_margin(struct writer *w)
{
	const char *code;
	unsigned m;
	size_t i;

	w->margin = 0;
	for (i = 0; i < w->nlangs; i++) {
		code = pactum_doc_lang(w->doc, i);
		m = str_width(code, strlen(code)) + 3;
		if (m > w->margin)
			w->margin = m;
	}
	if (w->margin + MIN_COLUMN > w->width)
		w->margin = 0;
}

/* Column widths for the parallel layout: equal shares of what the gutters
 * leave, the last column taking the remainder. */
static int plan_columns(struct writer *w, pactum_diag *diag)
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

static int write_languages_in_turn(struct writer *w, const pactum_block *root)
{
	int error = PACTUM_OK;

	w->single = 1;
	for (w->lang = 0; w->lang < w->nlangs; w->lang++) {
		if (w->lang > 0) {
			/* the separator; the title's gap follows it */
			w->row.len = 0;
			buf_repeat(&w->row, '=', w->width);
			if (w->row.oom)
				return PACTUM_ENOMEM;
			if ((error = put_gap(w, 1)) != PACTUM_OK ||
			    (error = put_line(w, w->row.ptr, w->row.len)) !=
				    PACTUM_OK)
				return error;
		}
		if ((error = walk_document(w, root)) != PACTUM_OK)
			return error;
	}
	return PACTUM_OK;
}

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
	w->nbsp_space = w->translit && !charset_holds(w->cs, 0xa0);
	return PACTUM_OK;
}

/* The whole output, in UTF-8 in w->out, to the sink in the charset. */
static int write_out(struct writer *w)
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
		/* encode() saw every character, so this is a character our
		 * tables and iconv disagree about */
		for (i = 0; i < bad; i++)
			if (w->out.ptr[i] == '\n')
				line++;
		n = utf8_next(&cp, w->out.ptr + bad, w->out.len - bad);
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
		error = write_languages_in_turn(&w, root);
	} else if (w.layout == PACTUM_LAYOUT_INTERLEAVED) {
		plan_margin(&w);
		error = walk_document(&w, root);
	} else {
		if ((error = plan_columns(&w, diag)) == PACTUM_OK &&
		    (error = emit(&w, &header)) == PACTUM_OK)
			error = walk_document(&w, root);
	}
	/* An empty document still ends with a newline. */
	if (error == PACTUM_OK && !w.started)
		error = put_line(&w, "", 0);
	if (error == PACTUM_OK && w.nbad > 0) {
		if (w.bad_more)
			pactum_diag_report(diag, PACTUM_ERROR, NULL,
					   _("more characters cannot be "
					     "written in %s"),
					   w.cs->name);
		error = PACTUM_EINPUT;
	}
	if (error == PACTUM_OK)
		error = write_out(&w);

cleanup:
	if (w.col != NULL)
		for (i = 0; i < w.nlangs; i++)
			lines_free(&w.col[i]);
	pactum_free(w.col);
	pactum_free(w.colw);
	lines_free(&w.tmp);
	buf_free(&w.text);
	buf_free(&w.row);
	buf_free(&w.out);
	buf_free(&w.xtext);
	buf_free(&w.xlabel);
	return error;
}

PACTUM_PLUGIN_DEFINE = {
	.abi_major = PACTUM_PLUGIN_ABI_MAJOR,
	.abi_minor = PACTUM_PLUGIN_ABI_MINOR,
	.kind = PACTUM_PLUGIN_WRITER,
	.name = "text",
	.version = VERSION,
	.description = "plain text, wrapped, with bilingual layouts",
	.write = text_write,
};
