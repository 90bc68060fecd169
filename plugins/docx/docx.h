/*
 * The docx writer's parts: xml.c (the part being written, escaped text,
 * runs and paragraphs), parts.c (the package's fixed parts: styles, settings,
 * properties, header and footer), package.c (the ZIP container, through
 * libzip), runs.c (inline runs, links, footnotes), body.c (one block in
 * one language), layout.c (the walk and the arrangements of several
 * languages) and docx.c (the plugin).  Only the descriptor is exported.
 */
#ifndef PACTUM_DOCX_H
#define PACTUM_DOCX_H

#include <stddef.h>

#include <string.h>

#include <pactum/plugin.h>

#define _(s) dgettext(PACKAGE, s)

/* "Every language": a unit shared by all of them. */
#define DX_ALL_LANGS ((size_t)-1)

/* Blocks nest no deeper than the model allows (64) plus the core's own
 * few; a deeper tree is refused rather than walked. */
#define DX_MAX_DEPTH 80

enum dx_mode {
	DX_SINGLE, /* one language, whatever the layout */
	DX_PARALLEL,
	DX_INTERLEAVED,
	DX_SEQUENTIAL
};


/* A term already used in one language (its first use in the text is its
 * definition when the glossary has none). */
struct dx_seen {
	const char *id; /* borrowed from the document */
	size_t lang;
};

struct dx_writer {
	const pactum_doc *doc;
	const pactum_block *root;
	pactum_diag *diag;
	enum dx_mode mode;
	size_t nlangs;
	unsigned page_w, page_h; /* twips */
	unsigned width;          /* the text width where writing goes */
	pactum_sink *body;       /* word/document.xml; owned */
	pactum_sink *notes;      /* word/footnotes.xml; owned */
	pactum_sink *out;        /* where writing goes: body, notes, a part */
	/* The run left open by dx_run(), so that the next run with the same
	 * properties continues it (one <w:r> for "Deutsch (maßgebliche
	 * Fassung)", not three); any other output closes it first. */
	int run_open;
	const char *run_style, *run_locale;
	unsigned run_props;
	unsigned nnotes;         /* footnotes written */
	unsigned nmarks;         /* bookmarks written */
	unsigned depth;          /* blocks open */
	unsigned emph, strong;   /* emphasis open in the current runs */
	int draft;               /* in draft text: every run is marked */
	const char *base;        /* the character style of plain text runs */
	int in_note;             /* in a footnote: Word does not nest them */
	int after_table;         /* a table ended the current cell's content */
	int row_open;            /* parallel layout: the table is open */
	size_t section_lang;     /* sequential: the version being written */
	struct dx_seen *seen;    /* owned */
	size_t nseen;
	int error; /* the first failure; every later write is skipped */
};

/* xml.c */
void dx_set_out(struct dx_writer *w, pactum_sink *out);
void dx_begin_part(struct dx_writer *w, pactum_sink **out);
int dx_end_part(struct dx_writer *w);
void dx_put_bytes(struct dx_writer *w, const char *s, size_t len);
/* Inline: most of what is put is a literal, its length known when
 * compiled. */
static inline void dx_put(struct dx_writer *w, const char *s)
{
	dx_put_bytes(w, s, strlen(s));
}
void dx_put_text(struct dx_writer *w, const char *s, size_t len);
void dx_put_str(struct dx_writer *w, const char *s);
void dx_put_uint(struct dx_writer *w, size_t n);
void dx_put_attr(struct dx_writer *w, const char *name, const char *value);
const char *dx_locale(const struct dx_writer *w, size_t lang);
const char *dx_source_locale(const struct dx_writer *w);
void dx_put_bookmark_name(struct dx_writer *w, const char *prefix,
			  const char *id, size_t lang);
void dx_para_begin(struct dx_writer *w, const char *style,
		   const char *locale);
void dx_para_end(struct dx_writer *w);
void dx_run(struct dx_writer *w, const char *style, const char *text,
	    size_t len, const char *locale);
void dx_run_str(struct dx_writer *w, const char *style, const char *text,
		const char *locale);
void dx_tab(struct dx_writer *w, const char *locale);
void dx_page_break(struct dx_writer *w);
unsigned dx_bookmark_begin(struct dx_writer *w, const char *prefix,
			   const char *id, size_t lang);
void dx_bookmark_end(struct dx_writer *w, unsigned mark);
int dx_fail(struct dx_writer *w, int status, const pactum_block *b,
	    const char *message);

/* runs.c */
void dx_write_runs(struct dx_writer *w, const pactum_run *first,
		   size_t lang);
void dx_write_plain(struct dx_writer *w, const pactum_run *first,
		    const char *locale);
void dx_write_label(struct dx_writer *w, pactum_label which, size_t lang,
		    const char *style);
void dx_free_seen(struct dx_writer *w);

/* body.c */
int dx_enter(struct dx_writer *w, const pactum_block *b);
void dx_leave(struct dx_writer *w);
pactum_block_kind dx_kind(const pactum_block *b);
const pactum_block *dx_child_of_kind(const pactum_block *b,
				     pactum_block_kind kind);
int dx_is_body_block(const pactum_block *b);
void dx_write_block(struct dx_writer *w, const pactum_block *b,
		    size_t lang, unsigned level);
void dx_write_heading(struct dx_writer *w, const pactum_block *b,
		      size_t lang, unsigned level);
void dx_write_party(struct dx_writer *w, const pactum_block *party,
		    size_t lang);
void dx_write_term(struct dx_writer *w, const pactum_block *term,
		   size_t lang);
void dx_write_table(struct dx_writer *w, const pactum_block *t,
		    size_t lang);

/* signatures.c */
void dx_write_signatures(struct dx_writer *w, const pactum_block *sigs,
			 size_t lang);

/* layout.c */
void dx_write_document(struct dx_writer *w);

/* parts.c: each fills *out (owned by the caller, pactum_sink_free(),
 * whatever it returns) */
int dx_content_types(pactum_sink **out, struct dx_writer *w);
int dx_package_rels(pactum_sink **out, struct dx_writer *w);
int dx_document_rels(pactum_sink **out, struct dx_writer *w);
int dx_core_props(pactum_sink **out, struct dx_writer *w);
int dx_app_props(pactum_sink **out, struct dx_writer *w);
int dx_settings(pactum_sink **out, struct dx_writer *w);
int dx_font_table(pactum_sink **out, struct dx_writer *w);
int dx_header(pactum_sink **out, struct dx_writer *w, size_t lang);
int dx_footer(pactum_sink **out, struct dx_writer *w, size_t lang);
size_t dx_header_count(const struct dx_writer *w);

/* styles.c */
int dx_styles(pactum_sink **out, struct dx_writer *w);

/* package.c */
struct dx_entry {
	const char *name;
	const pactum_sink *data;
};
int dx_package(pactum_sink *sink, const struct dx_entry *entries,
	       size_t count, pactum_diag *diag);

#endif /* PACTUM_DOCX_H */
