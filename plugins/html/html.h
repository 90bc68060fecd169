/*
 * The html and pdf writers' own header, shared by their sources and by
 * nothing else: each module exports only its descriptor.
 *
 *   out.c     the output: escaped text, attributes, ids
 *   inline.c  the runs of titles and contents; the writer's own words
 *   blocks.c  clauses, paragraphs, lists, tables, parties, terms,
 *             signatures: one block in one language
 *   sign.c    the signature blocks
 *   parts.c   sections, annexes, the preamble, the layouts' rows and the
 *             walk of the document
 *   style.c   the embedded stylesheet (screen and print)
 *   render.c  the whole HTML document, for both writers
 *   html.c    the html writer's descriptor
 *   pdf.c     the pdf writer: the HTML printed by headless Chromium
 *   spawn.c   finding and running the browser
 *   pdfdate.c the PDF's timestamps, made the document's
 *
 * What a function promises is said where it is defined.
 */
#ifndef PACTUM_HTML_HTML_H
#define PACTUM_HTML_HTML_H

#include <libintl.h>
#include <stddef.h>
#include <string.h>

#include <pactum/plugin.h>

#define _(s) dgettext(PACKAGE, s)

/* "Every language": a row holding each language's version of a block. */
#define ALL_LANGS ((size_t)-1)

/* Sections nest no deeper than the core allows models to (64); a
 * document deeper than this is refused rather than walked. */
#define HTML_MAX_DEPTH 80

enum mode {
	MODE_SINGLE, /* one language, whatever the layout */
	MODE_PARALLEL,
	MODE_INTERLEAVED,
	MODE_SEQUENTIAL
};

/* A term used in one language: sorted by (id, lang) for bsearch. */
struct term_use {
	const char *id; /* borrowed from the document */
	size_t lang;
};

struct html {
	pactum_sink *out; /* where the HTML goes; borrowed */
	const pactum_doc *doc;
	const pactum_block *root;
	pactum_diag *diag;
	const pactum_options *opts;
	enum mode mode;
	size_t nlangs;
	size_t prevails;          /* ALL_LANGS when it is not rendered */
	unsigned depth;           /* of the walk, against HTML_MAX_DEPTH */
	struct term_use *defined; /* owned, sorted: terms the text defined */
	size_t ndefined, defined_cap;
	int in_note; /* writing a note's text: no marks inside it */
	int error;   /* the first failure; every later write is skipped */
};

/* out.c */
void h_putn(struct html *w, const char *s, size_t len);
/* Inline: most of what is put is a literal, its length known when
 * compiled. */
static inline void h_put(struct html *w, const char *s)
{
	h_putn(w, s, strlen(s));
}
void h_text(struct html *w, const char *s, size_t len);
void h_str(struct html *w, const char *s);
void h_attr(struct html *w, const char *name, const char *value);
void h_lang_attr(struct html *w, size_t lang);
void h_cell_lang(struct html *w, size_t lang);
void h_id(struct html *w, const char *prefix, const char *id, size_t lang);
void h_id_attr(struct html *w, const char *prefix, const char *id,
	       size_t lang);
void h_heading_open(struct html *w, unsigned level, const char *cls);
void h_heading_close(struct html *w, unsigned level);
void h_fail(struct html *w, int error);

/* inline.c */
void h_free_terms(struct html *w);
void h_runs(struct html *w, const pactum_run *first, size_t lang);
void h_plain(struct html *w, const pactum_run *first);
void h_word(struct html *w, pactum_label which, size_t lang);
void h_lang_name(struct html *w, size_t lang);

/* blocks.c */
const pactum_block *h_child_of_kind(const pactum_block *b,
				    pactum_block_kind kind);
int h_is_body(const pactum_block *b);
void h_body_block(struct html *w, const pactum_block *b, size_t lang,
		  unsigned level, int cell);
void h_term(struct html *w, const pactum_block *term, size_t lang,
	    int cell);
void h_parties(struct html *w, const pactum_block *parties, size_t lang,
	       int cell);

/* sign.c */
void h_signatures(struct html *w, const pactum_block *sigs, size_t lang);

/* parts.c */
void h_document(struct html *w);

/* style.c */
void h_style(struct html *w);

/* render.c */
int html_render(pactum_sink *out, const pactum_doc *doc,
		const pactum_options *opts, pactum_diag *diag);
extern const char *const html_papers[];

#endif /* PACTUM_HTML_HTML_H */
