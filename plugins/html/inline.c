/*
 * Inline content: the runs of a title or content as HTML (links for
 * cross-references and terms, <dfn> where a term is defined, values
 * tagged with their canonical form, footnote marks), and the words the
 * writer adds, all from the core.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "html.h"

/* Emphasis nests no deeper than this; deeper marks show their text. */
#define MAX_EMPH 16

void h_free_terms(struct html *w)
{
	pactum_free(w->defined);
	w->defined = NULL;
	w->ndefined = w->defined_cap = 0;
}

/*
 * A term without a glossary entry is defined where the text first uses
 * it: that use is its <dfn> and the target of the later ones.  Returns
 * nonzero for the first use of id in lang, and remembers it.
 */
static int first_use(struct html *w, const char *id, size_t lang)
{
	size_t lo = 0, hi = w->ndefined, mid, cap;
	struct term_use *grown;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strcmp(w->defined[mid].id, id);
		if (c == 0 && w->defined[mid].lang == lang)
			return 0;
		if (c < 0 || (c == 0 && w->defined[mid].lang < lang))
			lo = mid + 1;
		else
			hi = mid;
	}
	if (w->ndefined == w->defined_cap) {
		cap = w->defined_cap ? 2 * w->defined_cap : 16;
		grown = pactum_realloc(w->defined, cap * sizeof(*grown));
		if (grown == NULL) {
			h_fail(w, PACTUM_ENOMEM);
			return 0;
		}
		w->defined = grown;
		w->defined_cap = cap;
	}
	memmove(w->defined + lo + 1, w->defined + lo,
		(w->ndefined - lo) * sizeof(*w->defined));
	w->defined[lo].id = id;
	w->defined[lo].lang = lang;
	w->ndefined++;
	return 1;
}

static void put_run_text(struct html *w, const pactum_run *r)
{
	size_t len;
	const char *s = pactum_run_text(r, &len);

	h_text(w, s, len);
}

/* '<a class="CLS" href="#ID">text</a>' */
static void put_link(struct html *w, const char *cls, const char *prefix,
		     const char *id, size_t lang, const pactum_run *r)
{
	h_put(w, "<a");
	h_attr(w, "class", cls);
	h_put(w, " href=\"#");
	h_id(w, prefix, id, lang);
	h_put(w, "\">");
	put_run_text(w, r);
	h_put(w, "</a>");
}

/* A value with its type and canonical form, for scripts and styles
 * (the names are the ABI's, not words of the contract). */
static void put_value(struct html *w, const pactum_run *r)
{
	static const char *const types[] = {
		NULL, "text", "date", "money", "number", "percent",
		"integer", "duration", "boolean", "choice"
	};
	pactum_value_type type;
	const char *canonical;

	h_put(w, "<span class=\"value\"");
	/* text shows as it is: only the typed values say more */
	if (pactum_run_value(&type, &canonical, r) == PACTUM_OK &&
	    type != PACTUM_VALUE_TEXT) {
		if ((size_t)type < sizeof(types) / sizeof(types[0]))
			h_attr(w, "data-type", types[type]);
		h_attr(w, "data-value", canonical);
	}
	h_put(w, ">");
	put_run_text(w, r);
	h_put(w, "</span>");
}

static void put_term(struct html *w, const pactum_run *r, size_t lang)
{
	const char *ref = pactum_run_ref(r);

	if (ref == NULL) {
		put_run_text(w, r);
	} else if (pactum_doc_term(w->doc, ref) == NULL && first_use(w, ref, lang)) {
		h_put(w, "<dfn");
		h_id_attr(w, "term.", ref, lang);
		h_put(w, ">");
		put_run_text(w, r);
		h_put(w, "</dfn>");
	} else {
		put_link(w, "term", "term.", ref, lang, r);
	}
}

/* A footnote's mark, linked both ways with its note at the end; inside a
 * note (notes do not nest) just its number. */
static void put_mark(struct html *w, const pactum_run *r, size_t lang)
{
	const pactum_block *fn = pactum_run_block(r);
	const char *n = fn ? pactum_block_number(fn) : NULL;

	if (n == NULL || w->in_note) {
		put_run_text(w, r);
		return;
	}
	h_put(w, "<sup class=\"fnref\"><a");
	h_id_attr(w, "fnref.", n, lang);
	h_put(w, " href=\"#");
	h_id(w, "fn.", n, lang);
	h_put(w, "\" role=\"doc-noteref\">");
	put_run_text(w, r);
	h_put(w, "</a></sup>");
}

/* Emphasis: the core nests it properly; a stack keeps the HTML well
 * formed even if it did not. */
struct emph {
	char open[MAX_EMPH]; /* 'e' or 's' */
	unsigned n;
};

static void emph_begin(struct html *w, struct emph *e, char kind)
{
	if (e->n == MAX_EMPH)
		return;
	e->open[e->n++] = kind;
	h_put(w, kind == 's' ? "<strong>" : "<em>");
}

static void emph_end(struct html *w, struct emph *e, char kind)
{
	if (e->n == 0 || e->open[e->n - 1] != kind)
		return;
	e->n--;
	h_put(w, kind == 's' ? "</strong>" : "</em>");
}

static void put_run(struct html *w, const pactum_run *r, size_t lang,
		    struct emph *e)
{
	const pactum_block *target;

	switch (pactum_run_kind_of(r)) {
	case PACTUM_RUN_VALUE:
		put_value(w, r);
		break;
	case PACTUM_RUN_PARTY:
		h_put(w, "<span class=\"party\">");
		put_run_text(w, r);
		h_put(w, "</span>");
		break;
	case PACTUM_RUN_TERM:
		put_term(w, r, lang);
		break;
	case PACTUM_RUN_XREF:
		target = pactum_run_block(r);
		if (target && pactum_block_id(target))
			put_link(w, "xref", "", pactum_block_id(target), lang, r);
		else
			put_run_text(w, r);
		break;
	case PACTUM_RUN_EMPH_BEGIN:
		emph_begin(w, e, 'e');
		break;
	case PACTUM_RUN_EMPH_END:
		emph_end(w, e, 'e');
		break;
	case PACTUM_RUN_STRONG_BEGIN:
		emph_begin(w, e, 's');
		break;
	case PACTUM_RUN_STRONG_END:
		emph_end(w, e, 's');
		break;
	case PACTUM_RUN_BREAK:
		h_put(w, "<br>");
		break;
	case PACTUM_RUN_FOOTNOTE:
		put_mark(w, r, lang);
		break;
	default: /* TEXT, and kinds newer than this writer: their text */
		put_run_text(w, r);
		break;
	}
}

/*
 * The runs of one title or content in rendering lang.  A unit is
 * translated as a whole, so one untranslated run means all of it is in
 * the source language: it is tagged with that language and marked
 * "[EN: ...]", so that no reader takes it for the translation.
 */
void h_runs(struct html *w, const pactum_run *first, size_t lang)
{
	const char *src = pactum_doc_source_lang(w->doc), *p;
	struct emph e = { { 0 }, 0 };
	const pactum_run *r;
	int draft = 0;
	char c;

	for (r = first; r && !draft; r = pactum_run_next(r))
		draft = pactum_run_untranslated(r);
	if (draft) {
		h_put(w, "<span class=\"untranslated\"");
		h_attr(w, "lang", src);
		h_put(w, ">[");
		for (p = src; *p; p++) {
			c = *p >= 'a' && *p <= 'z' ? (char)(*p - 'a' + 'A') : *p;
			h_text(w, &c, 1);
		}
		h_put(w, ": ");
	}
	for (r = first; r; r = pactum_run_next(r))
		put_run(w, r, lang, &e);
	while (e.n > 0)
		emph_end(w, &e, e.open[e.n - 1]);
	if (draft)
		h_put(w, "]</span>");
}

/* Runs' text without markup, for <title> and attributes. */
void h_plain(struct html *w, const pactum_run *first)
{
	const pactum_run *r;

	for (r = first; r; r = pactum_run_next(r))
		put_run_text(w, r);
}

/* One of the words around the document's, in rendering lang. */
void h_word(struct html *w, pactum_label which, size_t lang)
{
	h_str(w, pactum_doc_label(w->doc, lang, which));
}

/* The language's own name, "(maßgebliche Fassung)" beside the one that
 * prevails. */
void h_lang_name(struct html *w, size_t lang)
{
	h_word(w, PACTUM_LABEL_LANGUAGE, lang);
	if (lang != w->prevails)
		return;
	h_put(w, " <span class=\"prevailing\">(");
	h_word(w, PACTUM_LABEL_PREVAILING, lang);
	h_put(w, ")</span>");
}
