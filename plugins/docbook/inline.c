/*
 * The docbook writer's inline content: the words around the document's,
 * and the runs of titles and contents (values, parties, links, emphasis,
 * untranslated text).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "docbook.h"

static void put_run_text(struct writer *w, const pactum_run *r)
{
	size_t len;
	const char *text = pactum_run_text(r, &len);

	db_put_text(w, text, len);
}

/* Runs' text without markup, for elements that take plain text. */
void db_write_plain(struct writer *w, const pactum_run *r)
{
	for (; r; r = pactum_run_next(r))
		put_run_text(w, r);
}

/* A run's text as a link: <NAME linkend="...">text</NAME>, the target's
 * id spelt as db_put_id() does. */
static void put_link(struct writer *w, const char *name, const char *prefix,
		     const char *id, size_t lang, const pactum_run *r)
{
	db_put(w, "<");
	db_put(w, name);
	db_put(w, " linkend=\"");
	db_put_id(w, prefix, id, lang);
	db_put(w, "\">");
	put_run_text(w, r);
	db_put(w, "</");
	db_put(w, name);
	db_put(w, ">");
}

/* Order of ids, for qsort() and bsearch() over arrays of id pointers. */
static int cmp_id(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The language of the element an XREF in lang points at: a section shared
 * by all languages exists once, a clause once per language. */
static size_t xref_lang(const struct writer *w, const char *ref, size_t lang)
{
	if ((w->mode == MODE_PARALLEL || w->mode == MODE_INTERLEAVED) &&
	    ref != NULL && w->nsections > 0 &&
	    bsearch(&ref, w->sections, w->nsections, sizeof(*w->sections),
		    cmp_id) != NULL)
		return ALL_LANGS;
	return lang;
}

/* ------------------------------------------------------ xreflabels --- */

/*
 * Cross-references are <xref linkend="ID"/>, and what they show is the
 * target's xreflabel: pactum's own text ("Ziffer 3.2", "Section 3.2"),
 * which DocBook processors print instead of generating their own.  So
 * before anything is written, db_collect_xrefs() records for every target
 * and language the text of the XREF runs in that language (all carry the
 * same; the first is kept), and the target says it as xreflabel where it
 * exists in that language.  A target nobody refers to gets none.
 *
 * An element shared by all languages (a section in the parallel and
 * interleaved layouts) carries one xreflabel, in the document's language
 * (index 0).  A reference in another language to such a target stays
 * <link linkend="ID">text</link>: an <xref/> would show the label in the
 * wrong language.  So does any reference whose text differs from its
 * target's label (it cannot, but the text must stay right).
 */

/* Labels by target and language. */
static int cmp_label_key(const void *a, const void *b)
{
	const struct xlabel *x = a, *y = b;
	int c = strcmp(x->id, y->id);

	if (c != 0)
		return c;
	return x->lang < y->lang ? -1 : x->lang > y->lang;
}

/* Order of labels: by target, language, then the order of the references
 * (the first one is kept). */
static int cmp_label(const void *a, const void *b)
{
	const struct xlabel *x = a, *y = b;
	int c = strcmp(x->id, y->id);

	if (c != 0)
		return c;
	if (x->lang != y->lang)
		return x->lang < y->lang ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Looked up once per reference and target: a document with thousands of
 * cross-references made a scan of the list quadratic. */
static const struct xlabel *find_label(const struct writer *w,
				       const char *id, size_t lang)
{
	struct xlabel key;

	if (w->nlabels == 0)
		return NULL;
	key.id = id;
	key.lang = lang;
	key.seq = 0;
	/* by id and language: after db_collect_xrefs() they are unique */
	return bsearch(&key, w->labels, w->nlabels, sizeof(*w->labels),
		       cmp_label_key);
}

static void collect_runs(struct writer *w, const pactum_run *r, size_t lang)
{
	struct xlabel *grown;
	const char *ref;
	size_t cap;

	for (; r && w->error == PACTUM_OK; r = pactum_run_next(r)) {
		ref = pactum_run_ref(r);
		if (pactum_run_kind_of(r) != PACTUM_RUN_XREF || ref == NULL)
			continue;
		if (w->nlabels == w->labels_cap) {
			cap = w->labels_cap ? 2 * w->labels_cap : 16;
			grown = pactum_realloc(w->labels,
					       cap * sizeof(*grown));
			if (grown == NULL) {
				w->error = PACTUM_ENOMEM;
				return;
			}
			w->labels = grown;
			w->labels_cap = cap;
		}
		w->labels[w->nlabels].id = ref;
		w->labels[w->nlabels].lang = lang;
		w->labels[w->nlabels].seq = w->nlabels;
		w->labels[w->nlabels].text = pactum_run_text(
			r, &w->labels[w->nlabels].len);
		w->nlabels++;
	}
}

/* The ids of the sections and annexes under b, reached through sections
 * and annexes only: the elements the parallel and interleaved layouts
 * share between languages. */
static void collect_sections(struct writer *w, const pactum_block *b)
{
	const pactum_block *c;
	const char **grown;
	const char *id;
	size_t cap;

	for (c = db_first_child(b); c && w->error == PACTUM_OK;
	     c = db_next_block(c)) {
		if (db_kind_of(c) != PACTUM_BLOCK_SECTION &&
		    db_kind_of(c) != PACTUM_BLOCK_ANNEX)
			continue;
		id = pactum_block_id(c);
		if (id != NULL) {
			if (w->nsections == w->sections_cap) {
				cap = w->sections_cap ? 2 * w->sections_cap
						      : 16;
				grown = pactum_realloc(w->sections,
						       cap * sizeof(*grown));
				if (grown == NULL) {
					w->error = PACTUM_ENOMEM;
					return;
				}
				w->sections = grown;
				w->sections_cap = cap;
			}
			w->sections[w->nsections++] = id;
		}
		collect_sections(w, c);
	}
}

static void collect_block(struct writer *w, const pactum_block *b)
{
	const pactum_block *c;
	size_t i;

	for (i = 0; i < w->nlangs; i++) {
		collect_runs(w, pactum_block_title(b, i), i);
		collect_runs(w, pactum_block_content(b, i), i);
	}
	for (c = db_first_child(b); c && w->error == PACTUM_OK;
	     c = db_next_block(c))
		collect_block(w, c);
}

/* The pre-pass: every reference's text per target and language, the first
 * of each kept, sorted for find_label(); and the shared sections' ids,
 * sorted for xref_lang().  Out of memory sets w->error. */
void db_collect_xrefs(struct writer *w)
{
	size_t i, n = 0;

	collect_block(w, w->root);
	if (w->mode == MODE_PARALLEL || w->mode == MODE_INTERLEAVED)
		collect_sections(w, w->root);
	if (w->error != PACTUM_OK)
		return;
	if (w->nlabels > 1)
		qsort(w->labels, w->nlabels, sizeof(*w->labels), cmp_label);
	for (i = 0; i < w->nlabels; i++)
		if (n == 0 || cmp_label_key(&w->labels[i],
					    &w->labels[n - 1]) != 0)
			w->labels[n++] = w->labels[i];
	w->nlabels = n;
	if (w->nsections > 1)
		qsort(w->sections, w->nsections, sizeof(*w->sections),
		      cmp_id);
}

void db_free_xrefs(struct writer *w)
{
	pactum_free(w->labels);
	w->labels = NULL;
	w->nlabels = w->labels_cap = 0;
	pactum_free(w->sections);
	w->sections = NULL;
	w->nsections = w->sections_cap = 0;
	pactum_free(w->seen);
	w->seen = NULL;
	w->nseen = 0;
}

/* Nonzero the first time term id is used in lang (and remember it).  A
 * document has few terms, so a list will do. */
static int first_use(struct writer *w, const char *id, size_t lang)
{
	struct seen_term *more;
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

/* The xreflabel attribute of target id written in lang (ALL_LANGS: shared,
 * labelled in the document's language), if anyone refers to it there.
 * Returns nonzero when it wrote one. */
int db_put_xreflabel(struct writer *w, const char *id, size_t lang)
{
	const struct xlabel *l;

	if (id == NULL)
		return 0;
	l = find_label(w, id, lang == ALL_LANGS ? 0 : lang);
	if (l == NULL || l->len == 0) /* "": processors would make one up */
		return 0;
	db_put(w, " xreflabel=\"");
	db_put_text(w, l->text, l->len);
	db_put(w, "\"");
	return 1;
}

/* An XREF run in lang: <xref/> where its target carries this very text as
 * xreflabel, else a <link> holding the text. */
static void put_xref(struct writer *w, const pactum_run *r, size_t lang)
{
	const char *ref = pactum_run_ref(r);
	size_t target = xref_lang(w, ref, lang);
	const struct xlabel *l =
		find_label(w, ref, target == ALL_LANGS ? 0 : target);
	size_t len;
	const char *text = pactum_run_text(r, &len);

	if (l == NULL || l->lang != lang || l->len == 0 || l->len != len ||
	    memcmp(l->text, text, len) != 0) {
		put_link(w, "link", "", ref, target, r);
		return;
	}
	db_put(w, "<xref linkend=\"");
	db_put_id(w, "", ref, target);
	db_put(w, "\"/>");
}

/*
 * A footnote at its mark: the FOOTNOTE block's content in a para.  The
 * label is the core's number: processors count footnotes themselves, and
 * would count a bilingual document's twice (docbook-xsl even starts again
 * at "a" in every table, and the parallel layout is a table).
 */
static void put_footnote(struct writer *w, const pactum_run *r, size_t lang)
{
	const pactum_block *fn = pactum_run_block(r);
	int literal = w->literal;

	if (fn == NULL || w->footnote) {
		put_run_text(w, r);
		return;
	}
	w->footnote = 1;
	w->literal = 0;
	db_put(w, "<footnote");
	db_put_attr(w, "label", pactum_block_number(fn));
	db_put(w, "><para>");
	db_write_content(w, pactum_block_content(fn, lang), lang);
	db_put(w, "</para></footnote>");
	w->literal = literal;
	w->footnote = 0;
}

static void write_run(struct writer *w, const pactum_run *r, size_t lang,
		      unsigned *emph)
{
	const char *ref = pactum_run_ref(r);

	switch (pactum_run_kind_of(r)) {
	case PACTUM_RUN_VALUE:
		db_put(w, "<phrase role=\"value\">");
		put_run_text(w, r);
		db_put(w, "</phrase>");
		break;
	case PACTUM_RUN_PARTY:
		db_put(w, "<phrase role=\"party\">");
		put_run_text(w, r);
		db_put(w, "</phrase>");
		break;
	case PACTUM_RUN_TERM:
		if (ref == NULL) {
			put_run_text(w, r);
		} else if (pactum_doc_term(w->doc, ref) == NULL) {
			/* defined where it stands in the text: no entry */
			int first = first_use(w, ref, lang);

			db_put(w, first ? "<firstterm>" : "<glossterm>");
			put_run_text(w, r);
			db_put(w, first ? "</firstterm>" : "</glossterm>");
		} else { /* an entry in every language */
			put_link(w, first_use(w, ref, lang) ? "firstterm"
							      : "glossterm",
				 "term.", ref, lang, r);
		}
		break;
	case PACTUM_RUN_XREF:
		if (ref == NULL)
			put_run_text(w, r);
		else
			put_xref(w, r, lang);
		break;
	case PACTUM_RUN_EMPH_BEGIN:
		db_put(w, "<emphasis>");
		++*emph;
		break;
	case PACTUM_RUN_STRONG_BEGIN:
		db_put(w, "<emphasis role=\"strong\">");
		++*emph;
		break;
	case PACTUM_RUN_EMPH_END:
	case PACTUM_RUN_STRONG_END: /* the core nests them properly */
		if (*emph > 0) {
			db_put(w, "</emphasis>");
			--*emph;
		}
		break;
	case PACTUM_RUN_BREAK: /* a newline only means one in literallayout */
		if (w->literal)
			db_put(w, "\n");
		else
			put_run_text(w, r);
		break;
	case PACTUM_RUN_FOOTNOTE:
		put_footnote(w, r, lang);
		break;
	default: /* TEXT, newer kinds */
		put_run_text(w, r);
		break;
	}
}

/*
 * The runs of one title or content in language lang.  A unit is
 * translated as a whole, so one untranslated run means the whole unit is
 * in the source language: it is tagged with that language and bracketed
 * in <remark>s ("[EN: ...]"), the DocBook element for draft notes, so no
 * processor shows it as ordinary text.
 */
void db_write_runs(struct writer *w, const pactum_run *first,
		   size_t lang)
{
	const char *src = pactum_doc_source_lang(w->doc);
	const pactum_run *r;
	unsigned emph = 0;
	int untranslated = 0;
	const char *p;

	for (r = first; r && !untranslated; r = pactum_run_next(r))
		untranslated = pactum_run_untranslated(r);
	if (untranslated) {
		db_put(w, "<phrase role=\"untranslated\"");
		db_put_attr(w, "xml:lang", src);
		db_put(w, "><remark role=\"untranslated\">[");
		for (p = src; *p; p++) {
			char c = *p >= 'a' && *p <= 'z' ? (char)(*p - 'a' + 'A')
							: *p;

			db_put_bytes(w, &c, 1);
		}
		db_put(w, ": </remark>");
	}
	for (r = first; r; r = pactum_run_next(r))
		write_run(w, r, lang, &emph);
	for (; emph > 0; emph--) /* the core balances them; be sure */
		db_put(w, "</emphasis>");
	if (untranslated)
		db_put(w, "<remark role=\"untranslated\">]</remark></phrase>");
}

/*
 * A paragraph's content.  DocBook has no line break, and docbook-xsl
 * 1.79 knows no processing instruction for one, so content with breaks
 * (an address) is a <literallayout class="normal">: the one element whose
 * newlines every processor keeps, in the body font.  The writer puts no
 * line breaks or indentation inside it, and the core folds white space.
 */
void db_write_content(struct writer *w, const pactum_run *first,
		      size_t lang)
{
	if (!db_has_break(first) || w->literal) {
		db_write_runs(w, first, lang);
		return;
	}
	db_put(w, "<literallayout class=\"normal\">");
	w->literal = 1;
	db_write_runs(w, first, lang);
	w->literal = 0;
	db_put(w, "</literallayout>");
}

/* The runs of rendering i, or of every rendering in turn as
 * "<phrase xml:lang="de">...</phrase> / ..." (lang is ALL_LANGS). */
static void write_each(struct writer *w, const pactum_block *b, size_t lang,
		       const pactum_run *(*get)(const pactum_block *, size_t))
{
	size_t i;

	if (lang != ALL_LANGS) {
		db_write_runs(w, get(b, lang), lang);
		return;
	}
	for (i = 0; i < w->nlangs; i++) {
		if (i > 0)
			db_put(w, " / ");
		db_put(w, "<phrase");
		db_put_lang_attr(w, i);
		db_put(w, ">");
		db_write_runs(w, get(b, i), i);
		db_put(w, "</phrase>");
	}
}

/* A title without a number (a field's label, a party's role), in lang
 * or in every language. */
void db_write_label(struct writer *w, const pactum_block *b, size_t lang)
{
	write_each(w, b, lang, pactum_block_title);
}

/* Shared (lang ALL_LANGS): the runs once when every language has the
 * same, else in every language. */
static void write_once(struct writer *w, const pactum_block *b, size_t lang,
		       const pactum_run *(*get)(const pactum_block *, size_t))
{
	size_t i;

	if (lang == ALL_LANGS) {
		for (i = 1; i < w->nlangs; i++)
			if (!pactum_runs_equal(get(b, 0), get(b, i)))
				break;
		if (i == w->nlangs)
			lang = 0;
	}
	write_each(w, b, lang, get);
}

/* A block's content, in lang; shared, once where it does not differ by
 * language (a name), else in every language (a date). */
void db_write_value(struct writer *w, const pactum_block *b, size_t lang)
{
	write_once(w, b, lang, pactum_block_content);
}

/* A label as db_write_label(), but once where the languages agree
 * ("Name"): for the short labels of a form. */
void db_write_label_once(struct writer *w, const pactum_block *b,
			 size_t lang)
{
	write_once(w, b, lang, pactum_block_title);
}

/* The number of a section, then its title: in lang, or in every language
 * as "<phrase xml:lang="de">...</phrase> / <phrase ...>" when shared. */
void db_write_title(struct writer *w, const pactum_block *b, size_t lang)
{
	const char *number = pactum_block_number(b);

	if (number) {
		db_put(w, "<phrase role=\"number\">");
		db_put_str(w, number);
		db_put(w, "</phrase> ");
	}
	write_each(w, b, lang, pactum_block_title);
}

/* One of the words around the document's (the core's, translated), in
 * lang or in every language. */
void db_write_word(struct writer *w, pactum_label which, size_t lang)
{
	size_t i;

	if (lang != ALL_LANGS) {
		db_put_str(w, pactum_doc_label(w->doc, lang, which));
		return;
	}
	for (i = 0; i < w->nlangs; i++) {
		if (i > 0)
			db_put(w, " / ");
		db_put(w, "<phrase");
		db_put_lang_attr(w, i);
		db_put(w, ">");
		db_put_str(w, pactum_doc_label(w->doc, i, which));
		db_put(w, "</phrase>");
	}
}
