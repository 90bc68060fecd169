/*
 * The docbook writer: a resolved document as one DocBook 5.0 article,
 * valid against the DocBook 5.0 RELAX NG schema.  The XML is written by
 * hand: every string from the document goes through put_text(), which
 * escapes markup characters, and all structure is fixed here.
 *
 * One language:
 *   DOCUMENT   <article xml:lang>; <info> holds the title and one
 *              <author><orgname> per party (metadata: the stylesheets
 *              show the names only, so the parties come again below)
 *   PARTIES    <variablelist role="parties">: the role label, then name,
 *              address, register, VAT id and representative as paras
 *   GLOSSARY   <section role="definitions"> with a <glosslist>, placed
 *              before the first section.  A <glossary> may stand only at
 *              the start or the end of an article or section, so it could
 *              not follow the parties list.
 *   TERM       <glossentry xml:id="term.ID">; TERM runs link to it with
 *              <glossterm linkend>
 *   SECTION    <section xml:id="ID">, the number at the start of the title
 *              (a label attribute would show only with autolabelling)
 *   CLAUSE     its paragraphs and lists; the first para carries the
 *              clause's xml:id and starts with its number
 *   LIST       <orderedlist numeration> or <itemizedlist>
 *
 * Two languages or more:
 *   parallel     shared <section>s titled in every language; each run of
 *                blocks between sections becomes an <informaltable> with
 *                one column per language and one row per block (a clause
 *                gives one row per paragraph or list);
 *   interleaved  shared <section>s; every paragraph and list, every
 *                clause as a whole, in each language in turn, carrying
 *                xml:lang;
 *   sequential   one <section xml:lang role="version"> per language
 *                holding that language's whole version.
 *
 * Ids: model ids never contain '.', so the derived ones ("term.ID",
 * "ID.de") cannot collide with any of them.  An element that exists once
 * per language gets the language as suffix, and links point at the one
 * in their own language.
 *
 * DocBook puts blocks before subsections.  Where the model has a block
 * after a subsection, that parent's subsections become <bridgehead>s
 * followed by their content, which keeps the order and stays valid.
 */
#include "config.h"

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

/* ------------------------------------------------------ words -------- */

/* The few words the writer adds itself; the core translates only the
 * model's text.  A language without an entry gets the English ones. */
enum word {
	WORD_LANGUAGE,    /* the language's own name, over its column */
	WORD_DEFINITIONS,
	WORD_REGISTER,
	WORD_VAT_ID,
	WORD_REPRESENTATIVE,
	WORD_COUNT_
};

static const struct {
	const char *lang;
	const char *word[WORD_COUNT_];
} word_table[] = {
	{ "en", { "English", "Definitions", "Commercial register", "VAT ID",
		  "Represented by" } },
	{ "de", { "Deutsch", "Begriffsbestimmungen", "Handelsregister",
		  "USt-IdNr.", "Vertreten durch" } },
};

static const char *word(const char *lang, enum word which)
{
	size_t i;

	for (i = 0; i < sizeof(word_table) / sizeof(word_table[0]); i++)
		if (strcmp(word_table[i].lang, lang) == 0)
			return word_table[i].word[which];
	return word_table[0].word[which];
}

/* The label before a party field's value, or NULL for none. */
static const char *field_word(const char *lang, const char *field)
{
	if (field == NULL)
		return NULL;
	if (strcmp(field, "register") == 0)
		return word(lang, WORD_REGISTER);
	if (strcmp(field, "vat-id") == 0)
		return word(lang, WORD_VAT_ID);
	if (strcmp(field, "representative") == 0)
		return word(lang, WORD_REPRESENTATIVE);
	return NULL;
}

/* ------------------------------------------------------ output ------- */

struct writer {
	pactum_sink *sink;
	const pactum_doc *doc;
	const pactum_block *root;
	enum mode mode;
	size_t nlangs;
	unsigned indent;
	int error; /* the first failure; every later write is skipped */
};

static void put_bytes(struct writer *w, const char *s, size_t len)
{
	int error;

	if (w->error != PACTUM_OK || len == 0)
		return;
	error = pactum_sink_write(w->sink, s, len);
	if (error != PACTUM_OK)
		w->error = error;
}

static void put(struct writer *w, const char *s)
{
	put_bytes(w, s, strlen(s));
}

/* Character data or an attribute value.  The core hands over valid UTF-8
 * without control characters; drop any that slip through all the same,
 * since XML 1.0 cannot carry them. */
static void put_text(struct writer *w, const char *s, size_t len)
{
	size_t i, start = 0;
	const char *rep;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		switch (c) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = "&quot;";
			break;
		default:
			if (c >= 0x20 || c == '\n' || c == '\t')
				continue;
			rep = "";
			break;
		}
		put_bytes(w, s + start, i - start);
		put(w, rep);
		start = i + 1;
	}
	put_bytes(w, s + start, len - start);
}

static void put_str(struct writer *w, const char *s)
{
	put_text(w, s, strlen(s));
}

static void put_uint(struct writer *w, size_t n)
{
	char digits[24];
	size_t i = sizeof(digits);

	do {
		digits[--i] = (char)('0' + n % 10);
		n /= 10;
	} while (n != 0 && i > 0);
	put_bytes(w, digits + i, sizeof(digits) - i);
}

/* Start a line at the current depth; end_line() ends it. */
static void begin_line(struct writer *w)
{
	unsigned i;

	for (i = 0; i < w->indent; i++)
		put(w, "  ");
}

static void end_line(struct writer *w)
{
	put(w, "\n");
}

/* A line holding one fixed tag; open_line() and close_line() also step
 * the indentation in and out. */
static void line(struct writer *w, const char *tag)
{
	begin_line(w);
	put(w, tag);
	end_line(w);
}

static void open_line(struct writer *w, const char *tag)
{
	line(w, tag);
	w->indent++;
}

static void close_line(struct writer *w, const char *tag)
{
	w->indent--;
	line(w, tag);
}

static const char *lang_code(const struct writer *w, size_t lang)
{
	return pactum_doc_lang(w->doc, lang);
}

static void put_attr(struct writer *w, const char *name, const char *value)
{
	if (value == NULL)
		return;
	put(w, " ");
	put(w, name);
	put(w, "=\"");
	put_str(w, value);
	put(w, "\"");
}

static void put_lang_attr(struct writer *w, size_t lang)
{
	put_attr(w, "xml:lang", lang_code(w, lang));
}

/* An id: prefix and model id, plus ".LANG" for an element that exists
 * once per language (lang is not ALL_LANGS and there are several). */
static void put_id(struct writer *w, const char *prefix, const char *id,
		   size_t lang)
{
	put(w, prefix);
	put_str(w, id);
	if (lang != ALL_LANGS && w->mode != MODE_SINGLE) {
		put(w, ".");
		put_str(w, lang_code(w, lang));
	}
}

static void put_id_attr(struct writer *w, const char *prefix, const char *id,
			size_t lang)
{
	if (id == NULL)
		return;
	put(w, " xml:id=\"");
	put_id(w, prefix, id, lang);
	put(w, "\"");
}

/* ------------------------------------------------------ the tree ----- */

static pactum_block_kind kind_of(const pactum_block *b)
{
	return pactum_block_kind_of(b);
}

static const pactum_block *first_child(const pactum_block *b)
{
	return pactum_block_first_child(b);
}

static const pactum_block *next_block(const pactum_block *b)
{
	return pactum_block_next(b);
}

static const pactum_block *child_of_kind(const pactum_block *b,
					 pactum_block_kind kind)
{
	const pactum_block *c;

	for (c = first_child(b); c; c = next_block(c))
		if (kind_of(c) == kind)
			return c;
	return NULL;
}

/* A block that renders as DocBook blocks (not a section).  An empty list
 * renders as nothing: DocBook lists need an item. */
static int is_body_block(const pactum_block *b)
{
	switch (kind_of(b)) {
	case PACTUM_BLOCK_CLAUSE:
	case PACTUM_BLOCK_PARAGRAPH:
		return 1;
	case PACTUM_BLOCK_LIST:
		return child_of_kind(b, PACTUM_BLOCK_ITEM) != NULL;
	default:
		return 0;
	}
}

static int has_content(const pactum_block *b)
{
	const pactum_block *c;

	for (c = first_child(b); c; c = next_block(c))
		if (kind_of(c) == PACTUM_BLOCK_SECTION || is_body_block(c))
			return 1;
	return 0;
}

/* Whether a block follows a subsection of b, which DocBook forbids. */
static int needs_flat(const pactum_block *b)
{
	const pactum_block *c;
	int seen_section = 0;

	for (c = first_child(b); c; c = next_block(c)) {
		if (kind_of(c) == PACTUM_BLOCK_SECTION)
			seen_section = 1;
		else if (seen_section && is_body_block(c))
			return 1;
	}
	return 0;
}

static int is_section_id(const pactum_block *b, const char *id)
{
	const pactum_block *c;
	const char *cid;

	for (c = first_child(b); c; c = next_block(c)) {
		if (kind_of(c) != PACTUM_BLOCK_SECTION)
			continue;
		cid = pactum_block_id(c);
		if ((cid && strcmp(cid, id) == 0) || is_section_id(c, id))
			return 1;
	}
	return 0;
}

/* A party's field ("name", "address" ...), or NULL. */
static const pactum_block *field_of(const pactum_block *party,
				    const char *name)
{
	const pactum_block *c;
	const char *id;

	for (c = first_child(party); c; c = next_block(c)) {
		id = pactum_block_id(c);
		if (kind_of(c) == PACTUM_BLOCK_FIELD && id &&
		    strcmp(id, name) == 0)
			return c;
	}
	return NULL;
}

/* ------------------------------------------------------ inline ------- */

static void put_run_text(struct writer *w, const pactum_run *r)
{
	size_t len;
	const char *text = pactum_run_text(r, &len);

	put_text(w, text, len);
}

/* Runs' text without markup, for elements that take plain text. */
static void write_plain(struct writer *w, const pactum_run *r)
{
	for (; r; r = pactum_run_next(r))
		put_run_text(w, r);
}

/* A run's text as a link: <NAME linkend="...">text</NAME>, the target's
 * id spelt as put_id() does. */
static void put_link(struct writer *w, const char *name, const char *prefix,
		     const char *id, size_t lang, const pactum_run *r)
{
	put(w, "<");
	put(w, name);
	put(w, " linkend=\"");
	put_id(w, prefix, id, lang);
	put(w, "\">");
	put_run_text(w, r);
	put(w, "</");
	put(w, name);
	put(w, ">");
}

/* The language of the element an XREF in lang points at: a section shared
 * by all languages exists once, a clause once per language. */
static size_t xref_lang(const struct writer *w, const char *ref, size_t lang)
{
	if ((w->mode == MODE_PARALLEL || w->mode == MODE_INTERLEAVED) &&
	    is_section_id(w->root, ref))
		return ALL_LANGS;
	return lang;
}

static void write_run(struct writer *w, const pactum_run *r, size_t lang,
		      unsigned *emph)
{
	const char *ref = pactum_run_ref(r);

	switch (pactum_run_kind_of(r)) {
	case PACTUM_RUN_VALUE:
		put(w, "<phrase role=\"value\">");
		put_run_text(w, r);
		put(w, "</phrase>");
		break;
	case PACTUM_RUN_PARTY:
		put(w, "<phrase role=\"party\">");
		put_run_text(w, r);
		put(w, "</phrase>");
		break;
	case PACTUM_RUN_TERM:
		if (ref == NULL)
			put_run_text(w, r);
		else /* every term has an entry in every language */
			put_link(w, "glossterm", "term.", ref, lang, r);
		break;
	case PACTUM_RUN_XREF:
		if (ref == NULL)
			put_run_text(w, r);
		else
			put_link(w, "link", "", ref, xref_lang(w, ref, lang),
				 r);
		break;
	case PACTUM_RUN_EMPH_BEGIN:
		put(w, "<emphasis>");
		++*emph;
		break;
	case PACTUM_RUN_EMPH_END:
		if (*emph > 0) {
			put(w, "</emphasis>");
			--*emph;
		}
		break;
	default: /* TEXT, UNTRANSLATED (marked by the caller), newer kinds */
		put_run_text(w, r);
		break;
	}
}

/*
 * The runs of one title or content in language lang.  A unit is
 * translated as a whole, so one UNTRANSLATED run means the whole unit is
 * in the source language: it is tagged with that language and bracketed
 * in <remark>s ("[EN: ...]"), the DocBook element for draft notes, so no
 * processor shows it as ordinary text.
 */
static void write_runs(struct writer *w, const pactum_run *first,
		       size_t lang)
{
	const char *src = pactum_doc_source_lang(w->doc);
	const pactum_run *r;
	unsigned emph = 0;
	int untranslated = 0;
	const char *p;

	for (r = first; r && !untranslated; r = pactum_run_next(r))
		untranslated = pactum_run_kind_of(r) == PACTUM_RUN_UNTRANSLATED;
	if (untranslated) {
		put(w, "<phrase role=\"untranslated\"");
		put_attr(w, "xml:lang", src);
		put(w, "><remark role=\"untranslated\">[");
		for (p = src; *p; p++) {
			char c = *p >= 'a' && *p <= 'z' ? (char)(*p - 'a' + 'A')
							: *p;

			put_bytes(w, &c, 1);
		}
		put(w, ": </remark>");
	}
	for (r = first; r; r = pactum_run_next(r))
		write_run(w, r, lang, &emph);
	for (; emph > 0; emph--) /* the core balances them; be sure */
		put(w, "</emphasis>");
	if (untranslated)
		put(w, "<remark role=\"untranslated\">]</remark></phrase>");
}

/* The number of a section, then its title: in lang, or in every language
 * as "<phrase xml:lang="de">...</phrase> / <phrase ...>" when shared. */
static void write_title(struct writer *w, const pactum_block *b, size_t lang)
{
	const char *number = pactum_block_number(b);
	size_t i;

	if (number) {
		put(w, "<phrase role=\"number\">");
		put_str(w, number);
		put(w, "</phrase> ");
	}
	if (lang != ALL_LANGS) {
		write_runs(w, pactum_block_title(b, lang), lang);
		return;
	}
	for (i = 0; i < w->nlangs; i++) {
		if (i > 0)
			put(w, " / ");
		put(w, "<phrase");
		put_lang_attr(w, i);
		put(w, ">");
		write_runs(w, pactum_block_title(b, i), i);
		put(w, "</phrase>");
	}
}

/* One of the writer's own words, in lang or in every language. */
static void write_word(struct writer *w, enum word which, size_t lang)
{
	size_t i;

	if (lang != ALL_LANGS) {
		put_str(w, word(lang_code(w, lang), which));
		return;
	}
	for (i = 0; i < w->nlangs; i++) {
		if (i > 0)
			put(w, " / ");
		put(w, "<phrase");
		put_lang_attr(w, i);
		put(w, ">");
		put_str(w, word(lang_code(w, i), which));
		put(w, "</phrase>");
	}
}

/* ------------------------------------------------------ tables ------- */

/* Parallel layout: one column per language, headed by its name. */
static void table_begin(struct writer *w)
{
	size_t i;

	open_line(w, "<informaltable role=\"parallel\" frame=\"none\">");
	begin_line(w);
	put(w, "<tgroup cols=\"");
	put_uint(w, w->nlangs);
	put(w, "\">");
	end_line(w);
	w->indent++;
	for (i = 0; i < w->nlangs; i++) {
		begin_line(w);
		put(w, "<colspec colname=\"");
		put_str(w, lang_code(w, i));
		put(w, "\" colwidth=\"1*\"/>");
		end_line(w);
	}
	open_line(w, "<thead>");
	open_line(w, "<row>");
	for (i = 0; i < w->nlangs; i++) {
		begin_line(w);
		put(w, "<entry");
		put_lang_attr(w, i);
		put(w, ">");
		put_str(w, word(lang_code(w, i), WORD_LANGUAGE));
		put(w, "</entry>");
		end_line(w);
	}
	close_line(w, "</row>");
	close_line(w, "</thead>");
	open_line(w, "<tbody>");
}

static void table_end(struct writer *w)
{
	close_line(w, "</tbody>");
	close_line(w, "</tgroup>");
	close_line(w, "</informaltable>");
}

static void entry_begin(struct writer *w, size_t lang)
{
	begin_line(w);
	put(w, "<entry");
	put_lang_attr(w, lang);
	put(w, ">");
	end_line(w);
	w->indent++;
}

/* ------------------------------------------------------ blocks ------- */

static void write_block(struct writer *w, const pactum_block *b, size_t lang,
			int tag);

/* Blocks of the interleaved layout say their language (tag set); nested
 * blocks and those in a table's language column need not. */
static void put_block_attrs(struct writer *w, size_t lang, int tag)
{
	if (tag)
		put_lang_attr(w, lang);
}

/*
 * A para holding b's content (b may be NULL: an empty para).  For the
 * first para of a clause, clause is that clause: the para then carries
 * its id and starts with its number.  tag: say the language (interleaved
 * layout), lang being the language.
 */
static void write_para(struct writer *w, const pactum_block *b,
		       const pactum_block *clause, size_t lang, int tag)
{
	const char *number = clause ? pactum_block_number(clause) : NULL;

	begin_line(w);
	put(w, "<para");
	if (clause) {
		put_id_attr(w, "", pactum_block_id(clause), lang);
		put(w, " role=\"clause\"");
	}
	put_block_attrs(w, lang, tag);
	put(w, ">");
	if (number) {
		put(w, "<phrase role=\"number\">");
		put_str(w, number);
		put(w, "</phrase>");
		if (b)
			put(w, " ");
	}
	if (b)
		write_runs(w, pactum_block_content(b, lang), lang);
	put(w, "</para>");
	end_line(w);
}

/* "(a)" → loweralpha, "(i)" → lowerroman, "(1)" → arabic (the core's
 * three levels); NULL leaves the processor's default. */
static const char *numeration(const pactum_block *list)
{
	const pactum_block *item = child_of_kind(list, PACTUM_BLOCK_ITEM);
	const char *n = item ? pactum_block_number(item) : NULL;

	if (n == NULL || n[0] != '(')
		return NULL;
	if (n[1] == 'a')
		return "loweralpha";
	if (n[1] == 'i')
		return "lowerroman";
	if (n[1] >= '0' && n[1] <= '9')
		return "arabic";
	return NULL;
}

static void write_list(struct writer *w, const pactum_block *list,
		       size_t lang, int tag)
{
	int ordered = pactum_block_ordered(list);
	const pactum_block *item, *c;

	begin_line(w);
	put(w, ordered ? "<orderedlist" : "<itemizedlist");
	if (ordered)
		put_attr(w, "numeration", numeration(list));
	put_block_attrs(w, lang, tag);
	put(w, ">");
	end_line(w);
	w->indent++;
	for (item = first_child(list); item; item = next_block(item)) {
		if (kind_of(item) != PACTUM_BLOCK_ITEM)
			continue;
		open_line(w, "<listitem>");
		write_para(w, item, NULL, lang, 0);
		for (c = first_child(item); c; c = next_block(c))
			write_block(w, c, lang, 0); /* nested lists */
		close_line(w, "</listitem>");
	}
	close_line(w, ordered ? "</orderedlist>" : "</itemizedlist>");
}

/* Part of a clause: child c (NULL: none), and when first, the clause's
 * number and id, in the first para or in a para of their own. */
static void write_clause_part(struct writer *w, const pactum_block *clause,
			      const pactum_block *c, size_t lang, int first,
			      int tag)
{
	if (first && c && kind_of(c) == PACTUM_BLOCK_PARAGRAPH) {
		write_para(w, c, clause, lang, tag);
		return;
	}
	if (first)
		write_para(w, NULL, clause, lang, tag);
	if (c)
		write_block(w, c, lang, tag);
}

static void write_clause(struct writer *w, const pactum_block *clause,
			 size_t lang, int tag)
{
	const pactum_block *c;
	int first = 1;

	for (c = first_child(clause); c; c = next_block(c)) {
		if (!is_body_block(c))
			continue;
		write_clause_part(w, clause, c, lang, first, tag);
		first = 0;
	}
	if (first)
		write_clause_part(w, clause, NULL, lang, 1, tag);
}

/* A paragraph, list or clause in one language; other kinds are skipped. */
static void write_block(struct writer *w, const pactum_block *b, size_t lang,
			int tag)
{
	if (!is_body_block(b))
		return;
	switch (kind_of(b)) {
	case PACTUM_BLOCK_PARAGRAPH:
		write_para(w, b, NULL, lang, tag);
		break;
	case PACTUM_BLOCK_LIST:
		write_list(w, b, lang, tag);
		break;
	case PACTUM_BLOCK_CLAUSE:
		write_clause(w, b, lang, tag);
		break;
	default:
		break;
	}
}

/* Parallel layout: the rows of block b, one per block of a clause. */
static void write_rows(struct writer *w, const pactum_block *b)
{
	const pactum_block *c = NULL;
	int first = 1;
	size_t i;

	if (kind_of(b) == PACTUM_BLOCK_CLAUSE) {
		c = first_child(b);
		while (c && !is_body_block(c))
			c = next_block(c);
	}
	do {
		open_line(w, "<row>");
		for (i = 0; i < w->nlangs; i++) {
			entry_begin(w, i);
			if (kind_of(b) == PACTUM_BLOCK_CLAUSE)
				write_clause_part(w, b, c, i, first, 0);
			else
				write_block(w, b, i, 0);
			close_line(w, "</entry>");
		}
		close_line(w, "</row>");
		first = 0;
		if (c)
			c = next_block(c);
		while (c && !is_body_block(c))
			c = next_block(c);
	} while (c);
}

/*
 * The blocks from b up to the next section, in lang or, shared, in the
 * layout's arrangement.  Returns that section, or NULL at the end.
 */
static const pactum_block *write_blocks(struct writer *w,
					const pactum_block *b, size_t lang)
{
	const pactum_block *c;
	size_t i;

	if (lang == ALL_LANGS && w->mode == MODE_PARALLEL)
		table_begin(w);
	for (c = b; c && kind_of(c) != PACTUM_BLOCK_SECTION;
	     c = next_block(c)) {
		if (!is_body_block(c))
			continue;
		if (lang != ALL_LANGS)
			write_block(w, c, lang, 0);
		else if (w->mode == MODE_PARALLEL)
			write_rows(w, c);
		else
			for (i = 0; i < w->nlangs; i++)
				write_block(w, c, i, 1);
	}
	if (lang == ALL_LANGS && w->mode == MODE_PARALLEL)
		table_end(w);
	return c;
}

/* ------------------------------------------------------ front matter - */

static void write_glossentry(struct writer *w, const pactum_block *term,
			     size_t lang, int tag)
{
	begin_line(w);
	put(w, "<glossentry");
	put_id_attr(w, "term.", pactum_block_id(term), lang);
	put_block_attrs(w, lang, tag);
	put(w, ">");
	end_line(w);
	w->indent++;
	begin_line(w);
	put(w, "<glossterm>");
	write_runs(w, pactum_block_title(term, lang), lang);
	put(w, "</glossterm>");
	end_line(w);
	open_line(w, "<glossdef>");
	write_para(w, term, NULL, lang, 0);
	close_line(w, "</glossdef>");
	close_line(w, "</glossentry>");
}

/* The glossary's entries: a glosslist in lang, or shared: a table row
 * per term (parallel), or every term in each language in turn. */
static void write_glossentries(struct writer *w, const pactum_block *glossary,
			       size_t lang)
{
	const pactum_block *t;
	size_t i;

	if (lang == ALL_LANGS && w->mode == MODE_PARALLEL) {
		table_begin(w);
		for (t = first_child(glossary); t; t = next_block(t)) {
			if (kind_of(t) != PACTUM_BLOCK_TERM)
				continue;
			open_line(w, "<row>");
			for (i = 0; i < w->nlangs; i++) {
				entry_begin(w, i);
				open_line(w, "<glosslist>");
				write_glossentry(w, t, i, 0);
				close_line(w, "</glosslist>");
				close_line(w, "</entry>");
			}
			close_line(w, "</row>");
		}
		table_end(w);
		return;
	}
	open_line(w, "<glosslist>");
	for (t = first_child(glossary); t; t = next_block(t)) {
		if (kind_of(t) != PACTUM_BLOCK_TERM)
			continue;
		if (lang != ALL_LANGS)
			write_glossentry(w, t, lang, 0);
		else
			for (i = 0; i < w->nlangs; i++)
				write_glossentry(w, t, i, 1);
	}
	close_line(w, "</glosslist>");
}

/* The definitions: a section, or a bridgehead where its siblings are
 * flattened (level: its depth, for the bridgehead). */
static void write_definitions(struct writer *w, const pactum_block *glossary,
			      size_t lang, unsigned level, int flat)
{
	if (glossary == NULL || !child_of_kind(glossary, PACTUM_BLOCK_TERM))
		return;
	if (flat) {
		begin_line(w);
		put(w, "<bridgehead role=\"definitions\" renderas=\"sect");
		put_uint(w, level < 5 ? level : 5);
		put(w, "\">");
		write_word(w, WORD_DEFINITIONS, lang);
		put(w, "</bridgehead>");
		end_line(w);
		write_glossentries(w, glossary, lang);
		return;
	}
	open_line(w, "<section role=\"definitions\">");
	begin_line(w);
	put(w, "<title>");
	write_word(w, WORD_DEFINITIONS, lang);
	put(w, "</title>");
	end_line(w);
	write_glossentries(w, glossary, lang);
	close_line(w, "</section>");
}

static void write_party_entry(struct writer *w, const pactum_block *party,
			      size_t lang, int tag)
{
	const pactum_block *f;
	const char *label;
	int any = 0;

	begin_line(w);
	put(w, "<varlistentry");
	put_block_attrs(w, lang, tag);
	put(w, ">");
	end_line(w);
	w->indent++;
	begin_line(w);
	put(w, "<term><phrase role=\"party\">");
	write_runs(w, pactum_block_title(party, lang), lang);
	put(w, "</phrase></term>");
	end_line(w);
	open_line(w, "<listitem>");
	for (f = first_child(party); f; f = next_block(f)) {
		if (kind_of(f) != PACTUM_BLOCK_FIELD)
			continue;
		begin_line(w);
		put(w, "<para");
		put_attr(w, "role", pactum_block_id(f));
		put(w, ">");
		label = field_word(lang_code(w, lang), pactum_block_id(f));
		if (label) {
			put_str(w, label);
			put(w, ": ");
		}
		write_runs(w, pactum_block_content(f, lang), lang);
		put(w, "</para>");
		end_line(w);
		any = 1;
	}
	if (!any) /* a listitem needs a block */
		line(w, "<para/>");
	close_line(w, "</listitem>");
	close_line(w, "</varlistentry>");
}

static void write_party_list(struct writer *w, const pactum_block *parties,
			     size_t lang)
{
	const pactum_block *p;
	size_t i;

	open_line(w, "<variablelist role=\"parties\">");
	for (p = first_child(parties); p; p = next_block(p)) {
		if (kind_of(p) != PACTUM_BLOCK_PARTY)
			continue;
		if (lang != ALL_LANGS)
			write_party_entry(w, p, lang, 0);
		else
			for (i = 0; i < w->nlangs; i++)
				write_party_entry(w, p, i, 1);
	}
	close_line(w, "</variablelist>");
}

/* The parties, as the first block: in lang, or shared (parallel: one
 * row, a list per language; interleaved: each party in turn). */
static void write_parties(struct writer *w, const pactum_block *parties,
			  size_t lang)
{
	size_t i;

	if (parties == NULL || !child_of_kind(parties, PACTUM_BLOCK_PARTY))
		return;
	if (lang != ALL_LANGS || w->mode != MODE_PARALLEL) {
		write_party_list(w, parties, lang);
		return;
	}
	table_begin(w);
	open_line(w, "<row>");
	for (i = 0; i < w->nlangs; i++) {
		entry_begin(w, i);
		write_party_list(w, parties, i);
		close_line(w, "</entry>");
	}
	close_line(w, "</row>");
	table_end(w);
}

/* <info>: the title (the first language's; the others as subtitle) and
 * the parties as organisations, for processors that read metadata. */
static void write_info(struct writer *w)
{
	const pactum_block *parties =
		child_of_kind(w->root, PACTUM_BLOCK_PARTIES);
	const pactum_block *p, *f;
	size_t i;

	open_line(w, "<info>");
	begin_line(w);
	put(w, "<title>");
	write_runs(w, pactum_block_title(w->root, 0), 0);
	put(w, "</title>");
	end_line(w);
	if (w->nlangs > 1) {
		begin_line(w);
		put(w, "<subtitle>");
		for (i = 1; i < w->nlangs; i++) {
			if (i > 1)
				put(w, " / ");
			put(w, "<phrase");
			put_lang_attr(w, i);
			put(w, ">");
			write_runs(w, pactum_block_title(w->root, i), i);
			put(w, "</phrase>");
		}
		put(w, "</subtitle>");
		end_line(w);
	}
	if (parties && child_of_kind(parties, PACTUM_BLOCK_PARTY)) {
		open_line(w, "<authorgroup>");
		for (p = first_child(parties); p; p = next_block(p)) {
			if (kind_of(p) != PACTUM_BLOCK_PARTY)
				continue;
			begin_line(w);
			put(w, "<author");
			put_attr(w, "role", pactum_block_id(p));
			put(w, "><orgname>");
			/* orgname takes plain text; no name: the role */
			f = field_of(p, "name");
			write_plain(w, f ? pactum_block_content(f, 0)
					 : pactum_block_title(p, 0));
			put(w, "</orgname>");
			f = field_of(p, "address");
			if (f) {
				put(w, "<address>");
				write_plain(w, pactum_block_content(f, 0));
				put(w, "</address>");
			}
			put(w, "</author>");
			end_line(w);
		}
		close_line(w, "</authorgroup>");
	}
	close_line(w, "</info>");
}

/* ------------------------------------------------------ sections ----- */

static void write_section(struct writer *w, const pactum_block *s,
			  size_t lang, unsigned level, int flat);

/*
 * The children of the document or a section, in lang or shared.  The
 * glossary, when given, goes before the first section.  flat: write
 * subsections as bridgeheads (see needs_flat()).
 */
static void write_children(struct writer *w, const pactum_block *parent,
			   const pactum_block *glossary, size_t lang,
			   unsigned level, int flat)
{
	const pactum_block *c = first_child(parent);

	while (c && w->error == PACTUM_OK) {
		if (kind_of(c) == PACTUM_BLOCK_SECTION) {
			write_definitions(w, glossary, lang, level, flat);
			glossary = NULL;
			write_section(w, c, lang, level, flat);
			c = next_block(c);
		} else if (is_body_block(c)) {
			c = write_blocks(w, c, lang);
		} else {
			c = next_block(c);
		}
	}
	write_definitions(w, glossary, lang, level, flat);
}

static void write_section(struct writer *w, const pactum_block *s,
			  size_t lang, unsigned level, int flat)
{
	begin_line(w);
	if (flat) {
		put(w, "<bridgehead");
		put_id_attr(w, "", pactum_block_id(s), lang);
		put(w, " renderas=\"sect");
		put_uint(w, level < 5 ? level : 5);
		put(w, "\">");
		write_title(w, s, lang);
		put(w, "</bridgehead>");
		end_line(w);
		write_children(w, s, NULL, lang, level + 1, 1);
		return;
	}
	put(w, "<section");
	put_id_attr(w, "", pactum_block_id(s), lang);
	put(w, ">");
	end_line(w);
	w->indent++;
	begin_line(w);
	put(w, "<title>");
	write_title(w, s, lang);
	put(w, "</title>");
	end_line(w);
	if (has_content(s))
		write_children(w, s, NULL, lang, level + 1, needs_flat(s));
	else /* a section needs a block or a subsection */
		line(w, "<para/>");
	close_line(w, "</section>");
}

/* A whole version, in lang or shared: the parties, then the sections with
 * the definitions before the first. */
static void write_version(struct writer *w, size_t lang, unsigned level)
{
	const pactum_block *parties =
		child_of_kind(w->root, PACTUM_BLOCK_PARTIES);
	const pactum_block *glossary =
		child_of_kind(w->root, PACTUM_BLOCK_GLOSSARY);

	if (!(parties && child_of_kind(parties, PACTUM_BLOCK_PARTY)) &&
	    !(glossary && child_of_kind(glossary, PACTUM_BLOCK_TERM)) &&
	    !has_content(w->root)) {
		line(w, "<para/>"); /* an article needs some content */
		return;
	}
	write_parties(w, parties, lang);
	write_children(w, w->root, glossary, lang, level,
		       needs_flat(w->root));
}

/* Sequential layout: one language's version, titled in it. */
static void write_language_section(struct writer *w, size_t lang)
{
	begin_line(w);
	put(w, "<section role=\"version\"");
	put_lang_attr(w, lang);
	put(w, ">");
	end_line(w);
	w->indent++;
	begin_line(w);
	put(w, "<title>");
	write_runs(w, pactum_block_title(w->root, lang), lang);
	put(w, "</title>");
	end_line(w);
	write_version(w, lang, 2);
	close_line(w, "</section>");
}

/* ------------------------------------------------------ the writer --- */

static enum mode mode_of(const pactum_doc *doc, const pactum_options *opts)
{
	if (pactum_doc_lang_count(doc) < 2)
		return MODE_SINGLE;
	switch (pactum_options_layout(opts)) {
	case PACTUM_LAYOUT_INTERLEAVED:
		return MODE_INTERLEAVED;
	case PACTUM_LAYOUT_SEQUENTIAL:
		return MODE_SEQUENTIAL;
	default:
		return MODE_PARALLEL;
	}
}

static int write_doc(pactum_sink *sink, const pactum_doc *doc,
		     const pactum_options *opts, pactum_diag *diag)
{
	struct writer w;
	size_t i;

	(void)diag;
	memset(&w, 0, sizeof(w));
	w.sink = sink;
	w.doc = doc;
	w.root = pactum_doc_root(doc);
	w.mode = mode_of(doc, opts);
	w.nlangs = pactum_doc_lang_count(doc);
	w.error = PACTUM_OK;

	put(&w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<article xmlns=\"http://docbook.org/ns/docbook\" "
		"xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"5.0\"");
	put_lang_attr(&w, 0);
	put(&w, ">\n");
	w.indent = 1;
	write_info(&w);
	switch (w.mode) {
	case MODE_SINGLE:
		write_version(&w, 0, 1);
		break;
	case MODE_SEQUENTIAL:
		for (i = 0; i < w.nlangs; i++)
			write_language_section(&w, i);
		break;
	default:
		write_version(&w, ALL_LANGS, 1);
		break;
	}
	put(&w, "</article>\n");
	return w.error;
}

PACTUM_PLUGIN_DEFINE = {
	.abi_major = PACTUM_PLUGIN_ABI_MAJOR,
	.abi_minor = PACTUM_PLUGIN_ABI_MINOR,
	.kind = PACTUM_PLUGIN_WRITER,
	.name = "docbook",
	.version = VERSION,
	.description = "DocBook 5.0 articles (valid against the RELAX NG "
		       "schema)",
	.write = write_doc,
};
