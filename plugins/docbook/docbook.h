/*
 * The docbook writer's parts: xmlout.c (output: escaping, lines, attributes
 * and ids), tree.c (questions about the document tree), inline.c (the
 * writer's own words and inline runs), layout.c (the arrangements of
 * several languages) and docbook.c (the document walk and the plugin).
 * Only the descriptor is exported.
 */
#ifndef PACTUM_DOCBOOK_H
#define PACTUM_DOCBOOK_H

#include <stddef.h>

#include <string.h>

#include <pactum/plugin.h>

/* "Every language": the element is shared by all of them. */
#define ALL_LANGS ((size_t)-1)

enum mode {
	MODE_SINGLE,      /* one language, whatever the layout */
	MODE_PARALLEL,
	MODE_INTERLEAVED,
	MODE_SEQUENTIAL
};

/* What an XREF in one language shows for one target: the target's
 * xreflabel there (see db_collect_xrefs()).  Borrowed from the document. */
struct xlabel {
	const char *id;   /* the target's model id */
	size_t lang;      /* the language of the references */
	const char *text; /* their text, "Ziffer 3.2" */
	size_t len;
	size_t seq;       /* the reference's place in the document */
};

/* A defined term already used in one language: its first use is a
 * <firstterm>, later ones <glossterm>. */
struct seen_term {
	const char *id; /* borrowed from the document */
	size_t lang;
};

struct writer {
	pactum_sink *sink;
	const pactum_doc *doc;
	const pactum_block *root;
	enum mode mode;
	size_t nlangs;
	unsigned indent;
	struct xlabel *labels; /* owned; one per target and language */
	size_t nlabels, labels_cap;
	const char **sections; /* owned, sorted; the shared sections' ids */
	size_t nsections, sections_cap;
	struct seen_term *seen; /* owned; terms already used, per language */
	size_t nseen;
	int literal;  /* in a <literallayout>: a BREAK is a newline */
	int footnote; /* in a <footnote>: DocBook does not nest them */
	int error; /* the first failure; every later write is skipped */
};

/* xmlout.c */
void db_put_bytes(struct writer *w, const char *s, size_t len);
/* Most of what the writer puts is a literal tag: inline, its length is
 * known when compiled (194,000 strlen() calls at 3000 clauses). */
static inline void db_put(struct writer *w, const char *s)
{
	db_put_bytes(w, s, strlen(s));
}
void db_put_text(struct writer *w, const char *s, size_t len);
void db_put_str(struct writer *w, const char *s);
void db_put_uint(struct writer *w, size_t n);
void db_begin_line(struct writer *w);
void db_end_line(struct writer *w);
void db_line(struct writer *w, const char *tag);
void db_open_line(struct writer *w, const char *tag);
void db_close_line(struct writer *w, const char *tag);
const char *db_lang_code(const struct writer *w, size_t lang);
void db_put_attr(struct writer *w, const char *name, const char *value);
void db_put_lang_attr(struct writer *w, size_t lang);
void db_put_id(struct writer *w, const char *prefix, const char *id,
	       size_t lang);
void db_put_id_attr(struct writer *w, const char *prefix, const char *id,
		    size_t lang);

/* tree.c */
pactum_block_kind db_kind_of(const pactum_block *b);
const pactum_block *db_first_child(const pactum_block *b);
const pactum_block *db_next_block(const pactum_block *b);
const pactum_block *db_child_of_kind(const pactum_block *b,
				     pactum_block_kind kind);
int db_is_body_block(const pactum_block *b);
int db_is_part(const pactum_block *b, size_t lang);
int db_has_content(const pactum_block *b);
int db_needs_flat(const pactum_block *b);
const pactum_block *db_field_of(const pactum_block *party,
				const char *name);
const pactum_block *db_party_of(const pactum_block *root, const char *id);
int db_has_break(const pactum_run *r);

/* inline.c */
void db_write_plain(struct writer *w, const pactum_run *r);
void db_write_runs(struct writer *w, const pactum_run *first, size_t lang);
void db_write_content(struct writer *w, const pactum_run *first,
		      size_t lang);
void db_write_title(struct writer *w, const pactum_block *b, size_t lang);
void db_write_label(struct writer *w, const pactum_block *b, size_t lang);
void db_write_value(struct writer *w, const pactum_block *b, size_t lang);
void db_write_label_once(struct writer *w, const pactum_block *b,
			 size_t lang);
void db_write_word(struct writer *w, pactum_label which, size_t lang);
void db_collect_xrefs(struct writer *w);
void db_free_xrefs(struct writer *w);
int db_put_xreflabel(struct writer *w, const char *id, size_t lang);

/* layout.c */
const pactum_block *db_write_blocks(struct writer *w,
				    const pactum_block *b, size_t lang);
void db_write_glossentries(struct writer *w, const pactum_block *glossary,
			   size_t lang);
void db_write_parties(struct writer *w, const pactum_block *parties,
		      size_t lang);
void db_write_language_section(struct writer *w, size_t lang);
void db_write_signatures(struct writer *w, const pactum_block *sigs,
			 size_t lang);

/* docbook.c */
void db_write_block(struct writer *w, const pactum_block *b, size_t lang,
		    int tag);
void db_write_clause_part(struct writer *w, const pactum_block *clause,
			  const pactum_block *c, size_t lang, int first,
			  int tag);
void db_write_glossentry(struct writer *w, const pactum_block *term,
			 size_t lang, int tag);
void db_write_party_entry(struct writer *w, const pactum_block *party,
			  size_t lang, int tag);
void db_write_version(struct writer *w, size_t lang, unsigned level);

#endif /* PACTUM_DOCBOOK_H */
