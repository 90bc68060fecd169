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

/* ------------------------------------------------------ words -------- */

/*
 * The few words the layout itself adds, per document language.  They are
 * part of the document, not messages to the user, so they come from this
 * table and not from gettext.  Unknown languages get English words.
 */
/* A pair of quotation marks: code points, and UTF-8 bytes whatever the
 * compiler's charset. */
struct quotes {
	uint32_t open_cp, close_cp;
	const char *open, *close;
};

struct lang_words {
	const char *lang;
	const char *name; /* in the language itself, for column headers */
	const char *parties;
	const char *definitions;
	/* the language's quotes, then what its readers take where a charset
	 * lacks them (German: »…«, in every Latin charset) */
	struct quotes quotes[2];
	const char *register_label;
	const char *vat_id_label;
	const char *representative_label;
};

static const struct lang_words lang_words[] = {
	{ "en", "English", "Parties", "Definitions",
	  { { 0x201c, 0x201d, "\xe2\x80\x9c", "\xe2\x80\x9d" },
	    { 0x201c, 0x201d, "\xe2\x80\x9c", "\xe2\x80\x9d" } },
	  "Commercial register:", "VAT ID:", "represented by" },
	{ "de", "Deutsch", "Vertragsparteien", "Begriffsbestimmungen",
	  { { 0x201e, 0x201c, "\xe2\x80\x9e", "\xe2\x80\x9c" },
	    { 0x00bb, 0x00ab, "\xc2\xbb", "\xc2\xab" } },
	  "Handelsregister:", "USt-IdNr.:", "vertreten durch" },
};

/* The quotes a term is shown in: the language's own, else its
 * alternative, else plain '"' — the writer's own punctuation must not make
 * a German contract fail in ISO-8859-15. */
static const struct quotes *quotes_for(const struct writer *w,
				       const struct lang_words *lw)
{
	static const struct quotes plain = { '"', '"', "\"", "\"" };
	size_t i;

	for (i = 0; i < 2; i++)
		if (w->cs == NULL ||
		    (charset_holds(w->cs, lw->quotes[i].open_cp) &&
		     charset_holds(w->cs, lw->quotes[i].close_cp)))
			return &lw->quotes[i];
	return &plain;
}

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

/* ------------------------------------------------------ runs --------- */

/* Close emphasis: the '*' goes before any spaces at the end. */
static void close_emphasis(struct buf *b)
{
	unsigned spaces = 0;

	while (b->len > 0 && b->ptr[b->len - 1] == ' ') {
		b->len--;
		spaces++;
	}
	text_buf_put(b, "*", 1);
	text_buf_repeat(b, ' ', spaces);
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
		text_buf_puts(b, "[EN: ");
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
			break;
		}
	}
	if (depth > 0 && !pending)
		close_emphasis(b);
	if (untranslated) {
		while (b->len > 0 && b->ptr[b->len - 1] == ' ')
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
	if (w->cs->id == CHARSET_UTF8) {
		text_wrap_text(out, width, indent, label, label_gap,
			       w->text.ptr, w->text.len);
		return;
	}
	w->xtext.len = 0;
	text_encode(w, &w->xtext, w->text.ptr, w->text.len);
	if (label != NULL) {
		w->xlabel.len = 0;
		text_encode(w, &w->xlabel, label, strlen(label));
		text_buf_put(&w->xlabel, "", 1);
		if (!w->xlabel.oom)
			label = w->xlabel.ptr;
	}
	text_wrap_text(out, width, indent, label, label_gap, w->xtext.ptr,
		       w->xtext.len);
}

static void render_title(struct writer *w, struct lines *out,
			 const struct unit *u, size_t lang, unsigned width)
{
	unsigned widest;

	w->text.len = 0;
	flatten(&w->text, pactum_block_title(u->block, lang));
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
	text_buf_puts(&w->text, u->front == FRONT_PARTIES ? lw->parties
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
			text_buf_puts(&w->text, label);
			text_buf_put(&w->text, " ", 1);
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

	const struct quotes *q = quotes_for(w, lw);

	w->text.len = 0;
	text_buf_puts(&w->text, q->open);
	flatten(&w->text, pactum_block_title(u->block, lang));
	text_buf_puts(&w->text, q->close);
	if (definition != NULL) {
		text_buf_puts(&w->text, ": ");
		flatten(&w->text, definition);
	}
	wrap_unit(w, out, width, u->indent, "-", 1);
}

static void render_header(struct writer *w, struct lines *out, size_t lang,
			  unsigned width)
{
	w->text.len = 0;
	text_buf_puts(&w->text, lang_name(pactum_doc_lang(w->doc, lang)));
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
		w->text.len = 0;
		flatten(&w->text, pactum_block_title(u->block, lang));
		wrap_unit(w, out, width, u->indent, u->label, u->label_gap);
		break;
	case UNIT_TEXT:
		w->text.len = 0;
		if (u->block != NULL)
			flatten(&w->text, pactum_block_content(u->block, lang));
		wrap_unit(w, out, width, u->indent, u->label, u->label_gap);
		break;
	}
	if (text_lines_failed(out) || w->text.oom || w->xtext.oom ||
	    w->xlabel.oom)
		return PACTUM_ENOMEM;
	return PACTUM_OK;
}
