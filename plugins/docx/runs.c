/*
 * The docx writer's inline content: the runs of titles and contents
 * (values, parties, terms and cross-references as internal hyperlinks,
 * emphasis, line breaks, footnotes, draft text) and the writer's words.
 */
#include "config.h"

#include <libintl.h>
#include <string.h>

#include "docx.h"

/* Nonzero the first time term id is used in lang (and remember it).  A
 * document has few terms, so a list will do. */
static int first_use(struct dx_writer *w, const char *id, size_t lang)
{
	struct dx_seen *more;
	size_t i;

	for (i = 0; i < w->nseen; i++)
		if (w->seen[i].lang == lang && strcmp(w->seen[i].id, id) == 0)
			return 0;
	more = pactum_realloc(w->seen, (w->nseen + 1) * sizeof(*more));
	if (more == NULL) {
		if (w->error == PACTUM_OK)
			w->error = PACTUM_ENOMEM;
		return 0;
	}
	w->seen = more;
	w->seen[w->nseen].id = id;
	w->seen[w->nseen++].lang = lang;
	return 1;
}

void dx_free_seen(struct dx_writer *w)
{
	pactum_free(w->seen);
	w->seen = NULL;
	w->nseen = 0;
}

static void put_run(struct dx_writer *w, const char *style,
		    const pactum_run *r, const char *locale)
{
	size_t len;
	const char *text = pactum_run_text(r, &len);

	dx_run(w, style, text, len, locale);
}

/* A run as an internal hyperlink to bookmark prefix+id in lang. */
static void put_link(struct dx_writer *w, const char *style,
		     const char *prefix, const char *id, size_t lang,
		     const pactum_run *r, const char *locale)
{
	dx_put(w, "<w:hyperlink w:anchor=\"");
	dx_put_bookmark_name(w, prefix, id, lang);
	dx_put(w, "\" w:history=\"1\">");
	put_run(w, style, r, locale);
	dx_put(w, "</w:hyperlink>");
}

/*
 * A term: a link to its glossary entry; one the glossary lacks is
 * defined where the text first uses it, which becomes its bookmark, and
 * later uses link there.
 */
static void put_term(struct dx_writer *w, const pactum_run *r, size_t lang,
		     const char *locale)
{
	const char *ref = pactum_run_ref(r);
	unsigned mark;

	if (ref == NULL || w->in_note) {
		put_run(w, "TermUse", r, locale);
	} else if (pactum_doc_term(w->doc, ref) != NULL) {
		put_link(w, "TermUse", "term_", ref, lang, r, locale);
	} else if (first_use(w, ref, lang)) {
		mark = dx_bookmark_begin(w, "term_", ref, lang);
		put_run(w, "DefinedTerm", r, locale);
		dx_bookmark_end(w, mark);
	} else {
		put_link(w, "TermUse", "term_", ref, lang, r, locale);
	}
}

/* A cross-reference: a link to the target's bookmark in the same
 * language (every numbered part has one per language). */
static void put_xref(struct dx_writer *w, const pactum_run *r, size_t lang,
		     const char *locale)
{
	const char *ref = pactum_run_ref(r);

	if (ref == NULL || pactum_run_block(r) == NULL)
		put_run(w, "CrossReference", r, locale);
	else
		put_link(w, "CrossReference", "", ref, lang, r, locale);
}

/*
 * A footnote: a Word footnote at its mark, its text in footnotes.xml.
 * Word and LibreOffice number the notes themselves: in one language as
 * the core does; in two, through the document, so that the German and
 * the English note on one page do not both read "1".  A note in a note
 * (Word has none) shows its number only.
 */
static void put_footnote(struct dx_writer *w, const pactum_run *r,
			 size_t lang, const char *locale)
{
	const pactum_block *fn = pactum_run_block(r);
	pactum_sink *body = w->out;
	unsigned emph = w->emph, strong = w->strong;
	const char *base = w->base;
	int draft = w->draft;

	if (fn == NULL || w->in_note) {
		put_run(w, "FootnoteReference", r, locale);
		return;
	}
	w->nnotes++;
	dx_put(w, "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/>"
		  "<w:lang");
	dx_put_attr(w, "w:val", locale);
	dx_put(w, "/></w:rPr><w:footnoteReference w:id=\"");
	dx_put_uint(w, w->nnotes);
	dx_put(w, "\"/></w:r>");

	dx_set_out(w, w->notes);
	w->in_note = 1;
	w->emph = w->strong = 0;
	w->base = NULL;
	dx_put(w, "<w:footnote w:id=\"");
	dx_put_uint(w, w->nnotes);
	dx_put(w, "\">");
	dx_para_begin(w, "FootnoteText", locale);
	dx_put(w, "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/>"
		  "</w:rPr><w:footnoteRef/></w:r><w:r><w:tab/></w:r>");
	dx_write_runs(w, pactum_block_content(fn, lang), lang);
	dx_para_end(w);
	dx_put(w, "</w:footnote>");
	w->in_note = 0;
	w->emph = emph;
	w->strong = strong;
	w->base = base;
	w->draft = draft;
	dx_set_out(w, body);
}

static void write_run(struct dx_writer *w, const pactum_run *r, size_t lang,
		      const char *locale)
{
	switch (pactum_run_kind_of(r)) {
	case PACTUM_RUN_VALUE:
		put_run(w, "Value", r, locale);
		break;
	case PACTUM_RUN_PARTY:
		put_run(w, "PartyReference", r, locale);
		break;
	case PACTUM_RUN_TERM:
		put_term(w, r, lang, locale);
		break;
	case PACTUM_RUN_XREF:
		put_xref(w, r, lang, locale);
		break;
	case PACTUM_RUN_EMPH_BEGIN:
		w->emph++;
		break;
	case PACTUM_RUN_EMPH_END:
		if (w->emph > 0)
			w->emph--;
		break;
	case PACTUM_RUN_STRONG_BEGIN:
		w->strong++;
		break;
	case PACTUM_RUN_STRONG_END:
		if (w->strong > 0)
			w->strong--;
		break;
	case PACTUM_RUN_BREAK:
		dx_put(w, "<w:r><w:br/></w:r>");
		break;
	case PACTUM_RUN_FOOTNOTE:
		put_footnote(w, r, lang, locale);
		break;
	default: /* TEXT, and the text of kinds newer than this writer */
		put_run(w, w->base, r, locale);
		break;
	}
}

/*
 * The runs of one title or content in rendering lang.  A unit is
 * translated as a whole, so one untranslated run means all of it is in
 * the source language: it says so in w:lang, in the Untranslated style,
 * and bracketed "[EN: ...]", so no reader takes it for the translation.
 */
void dx_write_runs(struct dx_writer *w, const pactum_run *first,
		   size_t lang)
{
	const char *locale = dx_locale(w, lang);
	const char *src = pactum_doc_source_lang(w->doc);
	const pactum_run *r;
	int untranslated = 0;
	char tag[16];
	size_t i;

	for (r = first; r && !untranslated; r = pactum_run_next(r))
		untranslated = pactum_run_untranslated(r);
	if (untranslated) {
		locale = dx_source_locale(w);
		tag[0] = '[';
		for (i = 0; src[i] && i < sizeof(tag) - 4; i++)
			tag[i + 1] = (char)(src[i] >= 'a' && src[i] <= 'z'
						    ? src[i] - 'a' + 'A'
						    : src[i]);
		memcpy(tag + i + 1, ": ", 3);
		dx_run_str(w, "Untranslated", tag, locale);
		w->draft = 1;
	}
	for (r = first; r; r = pactum_run_next(r))
		write_run(w, r, lang, locale);
	w->emph = w->strong = 0; /* the core balances them; be sure */
	w->draft = 0;
	if (untranslated)
		dx_run_str(w, "Untranslated", "]", locale);
}

/* Runs' text in one style, without links or marks (a header's title). */
void dx_write_plain(struct dx_writer *w, const pactum_run *first,
		    const char *locale)
{
	const pactum_run *r;

	for (r = first; r; r = pactum_run_next(r))
		if (pactum_run_kind_of(r) != PACTUM_RUN_FOOTNOTE)
			put_run(w, NULL, r, locale);
}

/* One of the words around the document's, from the core's catalogs. */
void dx_write_label(struct dx_writer *w, pactum_label which, size_t lang,
		    const char *style)
{
	dx_run_str(w, style, pactum_doc_label(w->doc, lang, which),
		   dx_locale(w, lang));
}
