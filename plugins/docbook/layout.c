/*
 * The docbook writer's arrangements of several languages: the parallel
 * table, the interleaved turns and the sequential versions.  One
 * language, or a nested block, is written by docbook.c.
 */
#include "config.h"

#include "docbook.h"

/* Parallel layout: one column per language, headed by its name. */
static void table_begin(struct writer *w)
{
	size_t i;

	db_open_line(w, "<informaltable role=\"parallel\" frame=\"none\">");
	db_begin_line(w);
	db_put(w, "<tgroup cols=\"");
	db_put_uint(w, w->nlangs);
	db_put(w, "\">");
	db_end_line(w);
	w->indent++;
	for (i = 0; i < w->nlangs; i++) {
		db_begin_line(w);
		db_put(w, "<colspec colname=\"");
		db_put_str(w, db_lang_code(w, i));
		db_put(w, "\" colwidth=\"1*\"/>");
		db_end_line(w);
	}
	db_open_line(w, "<thead>");
	db_open_line(w, "<row>");
	for (i = 0; i < w->nlangs; i++) {
		db_begin_line(w);
		db_put(w, "<entry");
		db_put_lang_attr(w, i);
		db_put(w, ">");
		db_put_str(w, pactum_doc_label(w->doc, i, PACTUM_LABEL_LANGUAGE));
		db_put(w, "</entry>");
		db_end_line(w);
	}
	db_close_line(w, "</row>");
	db_close_line(w, "</thead>");
	db_open_line(w, "<tbody>");
}

static void table_end(struct writer *w)
{
	db_close_line(w, "</tbody>");
	db_close_line(w, "</tgroup>");
	db_close_line(w, "</informaltable>");
}

static void entry_begin(struct writer *w, size_t lang)
{
	db_begin_line(w);
	db_put(w, "<entry");
	db_put_lang_attr(w, lang);
	db_put(w, ">");
	db_end_line(w);
	w->indent++;
}

/* Parallel layout: the rows of block b, one per block of a clause. */
static void write_rows(struct writer *w, const pactum_block *b)
{
	const pactum_block *c = NULL;
	int first = 1;
	size_t i;

	if (db_kind_of(b) == PACTUM_BLOCK_CLAUSE) {
		c = db_first_child(b);
		while (c && !db_is_body_block(c))
			c = db_next_block(c);
	}
	do {
		db_open_line(w, "<row>");
		for (i = 0; i < w->nlangs; i++) {
			entry_begin(w, i);
			if (db_kind_of(b) == PACTUM_BLOCK_CLAUSE)
				db_write_clause_part(w, b, c, i, first, 0);
			else
				db_write_block(w, b, i, 0);
			db_close_line(w, "</entry>");
		}
		db_close_line(w, "</row>");
		first = 0;
		if (c)
			c = db_next_block(c);
		while (c && !db_is_body_block(c))
			c = db_next_block(c);
	} while (c);
}

/*
 * The blocks from b up to the next section, annex or preamble, in lang
 * or, shared, in the layout's arrangement.  Signatures are signed once:
 * shared, they are one block labelled in every language, between the
 * parallel tables.  Returns the block that ended the run, or NULL at the
 * end.
 */
const pactum_block *db_write_blocks(struct writer *w,
				    const pactum_block *b, size_t lang)
{
	const pactum_block *c;
	int table = 0;
	size_t i;

	for (c = b; c && !db_is_part(c, lang) &&
		    db_kind_of(c) != PACTUM_BLOCK_PREAMBLE;
	     c = db_next_block(c)) {
		if (!db_is_body_block(c))
			continue;
		if (lang != ALL_LANGS) {
			db_write_block(w, c, lang, 0);
		} else if (db_kind_of(c) == PACTUM_BLOCK_SIGNATURES) {
			if (table)
				table_end(w);
			table = 0;
			db_write_signatures(w, c, ALL_LANGS);
		} else if (w->mode == MODE_PARALLEL) {
			if (!table)
				table_begin(w);
			table = 1;
			write_rows(w, c);
		} else {
			for (i = 0; i < w->nlangs; i++)
				db_write_block(w, c, i, 1);
		}
	}
	if (table)
		table_end(w);
	return c;
}

/* The glossary's entries: a glosslist in lang, or shared: a table row
 * per term (parallel), or every term in each language in turn. */
void db_write_glossentries(struct writer *w, const pactum_block *glossary,
			   size_t lang)
{
	const pactum_block *t;
	size_t i;

	if (lang == ALL_LANGS && w->mode == MODE_PARALLEL) {
		table_begin(w);
		for (t = db_first_child(glossary); t; t = db_next_block(t)) {
			if (db_kind_of(t) != PACTUM_BLOCK_TERM)
				continue;
			db_open_line(w, "<row>");
			for (i = 0; i < w->nlangs; i++) {
				entry_begin(w, i);
				db_open_line(w, "<glosslist>");
				db_write_glossentry(w, t, i, 0);
				db_close_line(w, "</glosslist>");
				db_close_line(w, "</entry>");
			}
			db_close_line(w, "</row>");
		}
		table_end(w);
		return;
	}
	db_open_line(w, "<glosslist>");
	for (t = db_first_child(glossary); t; t = db_next_block(t)) {
		if (db_kind_of(t) != PACTUM_BLOCK_TERM)
			continue;
		if (lang != ALL_LANGS)
			db_write_glossentry(w, t, lang, 0);
		else
			for (i = 0; i < w->nlangs; i++)
				db_write_glossentry(w, t, i, 1);
	}
	db_close_line(w, "</glosslist>");
}

static void write_party_list(struct writer *w, const pactum_block *parties,
			     size_t lang)
{
	const pactum_block *p;
	size_t i;

	db_open_line(w, "<variablelist role=\"parties\">");
	for (p = db_first_child(parties); p; p = db_next_block(p)) {
		if (db_kind_of(p) != PACTUM_BLOCK_PARTY)
			continue;
		if (lang != ALL_LANGS)
			db_write_party_entry(w, p, lang, 0);
		else
			for (i = 0; i < w->nlangs; i++)
				db_write_party_entry(w, p, i, 1);
	}
	db_close_line(w, "</variablelist>");
}

/* The parties, as the first block: in lang, or shared (parallel: one
 * row, a list per language; interleaved: each party in turn). */
void db_write_parties(struct writer *w, const pactum_block *parties,
		      size_t lang)
{
	size_t i;

	if (parties == NULL || !db_child_of_kind(parties, PACTUM_BLOCK_PARTY))
		return;
	if (lang != ALL_LANGS || w->mode != MODE_PARALLEL) {
		write_party_list(w, parties, lang);
		return;
	}
	table_begin(w);
	db_open_line(w, "<row>");
	for (i = 0; i < w->nlangs; i++) {
		entry_begin(w, i);
		write_party_list(w, parties, i);
		db_close_line(w, "</entry>");
	}
	db_close_line(w, "</row>");
	table_end(w);
}

/* Sequential layout: one language's version, titled in it. */
void db_write_language_section(struct writer *w, size_t lang)
{
	db_begin_line(w);
	db_put(w, "<section role=\"version\"");
	db_put_lang_attr(w, lang);
	db_put(w, ">");
	db_end_line(w);
	w->indent++;
	db_begin_line(w);
	db_put(w, "<title>");
	db_write_runs(w, pactum_block_title(w->root, lang), lang);
	db_put(w, "</title>");
	db_end_line(w);
	db_write_version(w, lang, 2);
	db_close_line(w, "</section>");
}

/* ------------------------------------------------------ signatures --- */

/*
 * Signature blocks: an informaltable role="signatures", one column per
 * party as contracts set them side by side, headed by the role and the
 * party's name; then one row per signatory: place and date, signature,
 * name and function, each "Label: value", a line to fill in by hand where
 * the deal gives no value.  Shared (lang ALL_LANGS), the labels are in
 * every language and values differing by language (dates) too.
 */
static size_t count_signatories(const pactum_block *sig)
{
	const pactum_block *c;
	size_t n = 0;

	for (c = db_first_child(sig); c; c = db_next_block(c))
		if (db_kind_of(c) == PACTUM_BLOCK_SIGNATORY)
			n++;
	return n;
}

/* The n-th signatory of a party (from 0), or NULL. */
static const pactum_block *signatory(const pactum_block *sig, size_t n)
{
	const pactum_block *c;

	for (c = db_first_child(sig); c; c = db_next_block(c))
		if (db_kind_of(c) == PACTUM_BLOCK_SIGNATORY && n-- == 0)
			return c;
	return NULL;
}

static void write_party_head(struct writer *w, const pactum_block *sig,
			     size_t lang)
{
	const pactum_block *party = db_party_of(w->root, pactum_block_id(sig));
	const pactum_block *name = party ? db_field_of(party, "name") : NULL;

	db_open_line(w, "<entry>");
	db_begin_line(w);
	db_put(w, "<para><phrase role=\"party\">");
	db_write_label(w, sig, lang);
	db_put(w, "</phrase></para>");
	db_end_line(w);
	if (name && pactum_block_content(name, 0)) {
		db_begin_line(w);
		db_put(w, "<para role=\"party-name\">");
		db_write_value(w, name, lang);
		db_put(w, "</para>");
		db_end_line(w);
	}
	db_close_line(w, "</entry>");
}

static void write_signatory(struct writer *w, const pactum_block *s,
			    size_t lang)
{
	const pactum_block *f;

	if (s == NULL || !db_child_of_kind(s, PACTUM_BLOCK_FIELD)) {
		db_line(w, "<entry/>");
		return;
	}
	db_open_line(w, "<entry>");
	for (f = db_first_child(s); f; f = db_next_block(f)) {
		if (db_kind_of(f) != PACTUM_BLOCK_FIELD)
			continue;
		db_begin_line(w);
		db_put(w, "<para");
		db_put_attr(w, "role", pactum_block_id(f));
		db_put(w, ">");
		db_write_label_once(w, f, lang);
		db_put(w, ": ");
		if (pactum_block_content(f, 0))
			db_write_value(w, f, lang);
		else /* underscores: the one line every processor draws */
			db_put(w, "<phrase role=\"blank\">"
				  "______________________________</phrase>");
		db_put(w, "</para>");
		db_end_line(w);
	}
	db_close_line(w, "</entry>");
}

void db_write_signatures(struct writer *w, const pactum_block *sigs,
			 size_t lang)
{
	const pactum_block *s;
	size_t parties = 0, rows = 0, n, k;

	for (s = db_first_child(sigs); s; s = db_next_block(s)) {
		if (db_kind_of(s) != PACTUM_BLOCK_SIGNATURE)
			continue;
		parties++;
		n = count_signatories(s);
		if (n > rows)
			rows = n;
	}
	if (parties == 0)
		return;
	db_open_line(w, "<informaltable role=\"signatures\" frame=\"none\">");
	db_begin_line(w);
	db_put(w, "<tgroup cols=\"");
	db_put_uint(w, parties);
	db_put(w, "\">");
	db_end_line(w);
	w->indent++;
	for (k = 0; k < parties; k++)
		db_line(w, "<colspec colwidth=\"1*\"/>");
	db_open_line(w, "<thead>");
	db_open_line(w, "<row>");
	for (s = db_first_child(sigs); s; s = db_next_block(s))
		if (db_kind_of(s) == PACTUM_BLOCK_SIGNATURE)
			write_party_head(w, s, lang);
	db_close_line(w, "</row>");
	db_close_line(w, "</thead>");
	db_open_line(w, "<tbody>");
	for (k = 0; k < (rows ? rows : 1); k++) { /* a tbody needs a row */
		db_open_line(w, "<row>");
		for (s = db_first_child(sigs); s; s = db_next_block(s))
			if (db_kind_of(s) == PACTUM_BLOCK_SIGNATURE)
				write_signatory(w, signatory(s, k), lang);
		db_close_line(w, "</row>");
	}
	db_close_line(w, "</tbody>");
	db_close_line(w, "</tgroup>");
	db_close_line(w, "</informaltable>");
}
