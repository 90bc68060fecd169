/*
 * The docbook writer: a resolved document as one DocBook 5.0 article,
 * valid against the DocBook 5.0 RELAX NG schema.  The XML is written by
 * hand: every string from the document goes through db_put_text(), which
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
 *   XREF       <xref linkend="ID"/>; the target carries the reference's
 *              text as xreflabel (see inline.c)
 *   LIST       <orderedlist numeration> or <itemizedlist>
 *   META       <info><releaseinfo> and <date>; COVER <info><cover>
 *   PREAMBLE   <section role="preamble">; RECITAL a para role="recital"
 *              starting with its number "(A)"
 *   ANNEX      <appendix label="1" xreflabel="Anlage 1">
 *   TABLE      <informaltable>, header rows as <thead>
 *   SIGNATURES <informaltable role="signatures"> (layout.c)
 *   FOOTNOTE   <footnote label="1"> at its mark (inline.c)
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
 * in their own language.  A reference to a shared section from a language
 * other than the first stays a <link>: the section's one xreflabel is in
 * the first language.
 *
 * DocBook puts blocks before subsections.  Where the model has a block
 * after a subsection, that parent's subsections become <bridgehead>s
 * followed by their content, which keeps the order and stays valid.
 */
#include "config.h"

#include <string.h>

#include "docbook.h"

/* ------------------------------------------------------ blocks ------- */

/* Blocks of the interleaved layout say their language (tag set); nested
 * blocks and those in a table's language column need not. */
static void put_block_attrs(struct writer *w, size_t lang, int tag)
{
	if (tag)
		db_put_lang_attr(w, lang);
}

/* "<element xml:id=... xreflabel=... role=...>" on a line of its own,
 * then one level in: an element that references may point to.  An
 * omitted part says so in its role (role NULL: none). */
static void open_target(struct writer *w, const char *element,
			const pactum_block *b, size_t lang, const char *role)
{
	db_begin_line(w);
	db_put(w, "<");
	db_put(w, element);
	db_put_id_attr(w, "", pactum_block_id(b), lang);
	db_put_xreflabel(w, pactum_block_id(b), lang);
	db_put_attr(w, "role", pactum_block_omitted(b) ? "omitted" : role);
	db_put(w, ">");
	db_end_line(w);
	w->indent++;
}

/*
 * A para holding b's content (b may be NULL: an empty para).  For the
 * first para of a clause, clause is that clause: the para then carries
 * its id and starts with its number; when the clause has a heading, it is
 * a formalpara whose title is the number and the heading (stylesheets run
 * it in, as contracts set it).  A recital is its own clause: its number
 * "(A)" is the core's, which no orderedlist numeration would print.  tag:
 * say the language (interleaved layout), lang being the language.
 */
static void write_para(struct writer *w, const pactum_block *b,
		       const pactum_block *clause, size_t lang, int tag)
{
	const char *number = clause ? pactum_block_number(clause) : NULL;
	const pactum_run *heading =
		clause ? pactum_block_title(clause, lang) : NULL;

	db_begin_line(w);
	db_put(w, heading ? "<formalpara" : "<para");
	if (clause) {
		db_put_id_attr(w, "", pactum_block_id(clause), lang);
		db_put_xreflabel(w, pactum_block_id(clause), lang);
		db_put(w, db_kind_of(clause) == PACTUM_BLOCK_RECITAL
				  ? " role=\"recital\""
				  : " role=\"clause\"");
	}
	put_block_attrs(w, lang, tag);
	db_put(w, heading ? "><title>" : ">");
	if (number) {
		db_put(w, "<phrase role=\"number\">");
		db_put_str(w, number);
		db_put(w, "</phrase>");
		if (heading || b)
			db_put(w, " ");
	}
	if (heading) {
		db_write_runs(w, heading, lang);
		db_put(w, "</title><para>");
	}
	if (b)
		db_write_content(w, pactum_block_content(b, lang), lang);
	db_put(w, heading ? "</para></formalpara>" : "</para>");
	db_end_line(w);
}

/* "(a)" → loweralpha, "(i)" → lowerroman, "(1)" → arabic (the core's
 * three levels); NULL leaves the processor's default. */
static const char *numeration(const pactum_block *list)
{
	const pactum_block *item = db_child_of_kind(list, PACTUM_BLOCK_ITEM);
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

	db_begin_line(w);
	db_put(w, ordered ? "<orderedlist" : "<itemizedlist");
	if (ordered)
		db_put_attr(w, "numeration", numeration(list));
	put_block_attrs(w, lang, tag);
	db_put(w, ">");
	db_end_line(w);
	w->indent++;
	for (item = db_first_child(list); item; item = db_next_block(item)) {
		if (db_kind_of(item) != PACTUM_BLOCK_ITEM)
			continue;
		/* an item with an id may be referred to ("3.3(c)") */
		open_target(w, "listitem", item, lang, NULL);
		write_para(w, item, NULL, lang, 0);
		for (c = db_first_child(item); c; c = db_next_block(c))
			db_write_block(w, c, lang, 0); /* nested lists */
		db_close_line(w, "</listitem>");
	}
	db_close_line(w, ordered ? "</orderedlist>" : "</itemizedlist>");
}

/* A cell: an entry holding a para, where footnotes and line breaks have
 * their place; no cell or no content: an empty entry. */
static void write_cell(struct writer *w, const pactum_block *cell,
		       size_t lang)
{
	const pactum_run *r = cell ? pactum_block_content(cell, lang) : NULL;

	db_begin_line(w);
	if (r == NULL) {
		db_put(w, "<entry/>");
	} else {
		db_put(w, "<entry><para>");
		db_write_content(w, r, lang);
		db_put(w, "</para></entry>");
	}
	db_end_line(w);
}

/* A row of cols entries: the core gives every row as many cells as the
 * table has columns; pad all the same, CALS wants no fewer. */
static void write_row(struct writer *w, const pactum_block *row,
		      size_t cols, size_t lang)
{
	const pactum_block *c = db_first_child(row);
	size_t i;

	db_begin_line(w);
	db_put(w, "<row");
	db_put_id_attr(w, "", pactum_block_id(row), lang);
	db_put(w, ">");
	db_end_line(w);
	w->indent++;
	for (i = 0; i < cols; i++) {
		while (c && db_kind_of(c) != PACTUM_BLOCK_CELL)
			c = db_next_block(c);
		write_cell(w, c, lang);
		if (c)
			c = db_next_block(c);
	}
	db_close_line(w, "</row>");
}

/* The rows from first up to (not including) end. */
static void write_rows_until(struct writer *w, const pactum_block *first,
			     const pactum_block *end, size_t cols,
			     size_t lang)
{
	const pactum_block *r;

	for (r = first; r && r != end; r = db_next_block(r))
		if (db_kind_of(r) == PACTUM_BLOCK_ROW)
			write_row(w, r, cols, lang);
}

/*
 * A table: an informaltable (the model gives tables no caption), the
 * leading header rows as its thead.  A tgroup needs a tbody, so a table of
 * header rows only has them there.
 */
static void write_table(struct writer *w, const pactum_block *t,
			size_t lang, int tag)
{
	size_t cols = pactum_block_columns(t);
	const pactum_block *first = db_child_of_kind(t, PACTUM_BLOCK_ROW);
	const pactum_block *body = first;

	while (body && (db_kind_of(body) != PACTUM_BLOCK_ROW ||
			pactum_block_header(body)))
		body = db_next_block(body);
	db_begin_line(w);
	db_put(w, "<informaltable");
	db_put_id_attr(w, "", pactum_block_id(t), lang);
	put_block_attrs(w, lang, tag);
	db_put(w, ">");
	db_end_line(w);
	w->indent++;
	db_begin_line(w);
	db_put(w, "<tgroup cols=\"");
	db_put_uint(w, cols);
	db_put(w, "\">");
	db_end_line(w);
	w->indent++;
	if (body && body != first) {
		db_open_line(w, "<thead>");
		write_rows_until(w, first, body, cols, lang);
		db_close_line(w, "</thead>");
	}
	db_open_line(w, "<tbody>");
	write_rows_until(w, body ? body : first, NULL, cols, lang);
	db_close_line(w, "</tbody>");
	db_close_line(w, "</tgroup>");
	db_close_line(w, "</informaltable>");
}

/* Part of a clause: child c (NULL: none), and when first, the clause's
 * number and id, in the first para or in a para of their own. */
void db_write_clause_part(struct writer *w, const pactum_block *clause,
			  const pactum_block *c, size_t lang, int first,
			  int tag)
{
	if (first && c && db_kind_of(c) == PACTUM_BLOCK_PARAGRAPH) {
		write_para(w, c, clause, lang, tag);
		return;
	}
	if (first)
		write_para(w, NULL, clause, lang, tag);
	if (c)
		db_write_block(w, c, lang, tag);
}

static void write_clause(struct writer *w, const pactum_block *clause,
			 size_t lang, int tag)
{
	const pactum_block *c;
	int first = 1;

	for (c = db_first_child(clause); c; c = db_next_block(c)) {
		if (!db_is_body_block(c))
			continue;
		db_write_clause_part(w, clause, c, lang, first, tag);
		first = 0;
	}
	if (first)
		db_write_clause_part(w, clause, NULL, lang, 1, tag);
}

/* A paragraph, recital, list, table, clause or signatures in one
 * language; other kinds are skipped. */
void db_write_block(struct writer *w, const pactum_block *b, size_t lang,
		    int tag)
{
	if (!db_is_body_block(b))
		return;
	switch (db_kind_of(b)) {
	case PACTUM_BLOCK_PARAGRAPH:
		write_para(w, b, NULL, lang, tag);
		break;
	case PACTUM_BLOCK_RECITAL:
		write_para(w, b, b, lang, tag);
		break;
	case PACTUM_BLOCK_TABLE:
		write_table(w, b, lang, tag);
		break;
	case PACTUM_BLOCK_SIGNATURES:
		db_write_signatures(w, b, lang);
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

/* ------------------------------------------------------ front matter - */

void db_write_glossentry(struct writer *w, const pactum_block *term,
			 size_t lang, int tag)
{
	db_begin_line(w);
	db_put(w, "<glossentry");
	db_put_id_attr(w, "term.", pactum_block_id(term), lang);
	put_block_attrs(w, lang, tag);
	db_put(w, ">");
	db_end_line(w);
	w->indent++;
	db_begin_line(w);
	db_put(w, "<glossterm>");
	db_write_runs(w, pactum_block_title(term, lang), lang);
	db_put(w, "</glossterm>");
	db_end_line(w);
	db_open_line(w, "<glossdef>");
	write_para(w, term, NULL, lang, 0);
	db_close_line(w, "</glossdef>");
	db_close_line(w, "</glossentry>");
}

/* The definitions: a section, or a bridgehead where its siblings are
 * flattened (level: its depth, for the bridgehead). */
static void write_definitions(struct writer *w, const pactum_block *glossary,
			      size_t lang, unsigned level, int flat)
{
	if (glossary == NULL || !db_child_of_kind(glossary, PACTUM_BLOCK_TERM))
		return;
	if (flat) {
		db_begin_line(w);
		db_put(w, "<bridgehead role=\"definitions\" renderas=\"sect");
		db_put_uint(w, level < 5 ? level : 5);
		db_put(w, "\">");
		db_write_word(w, PACTUM_LABEL_DEFINITIONS, lang);
		db_put(w, "</bridgehead>");
		db_end_line(w);
		db_write_glossentries(w, glossary, lang);
		return;
	}
	db_open_line(w, "<section role=\"definitions\">");
	db_begin_line(w);
	db_put(w, "<title>");
	db_write_word(w, PACTUM_LABEL_DEFINITIONS, lang);
	db_put(w, "</title>");
	db_end_line(w);
	db_write_glossentries(w, glossary, lang);
	db_close_line(w, "</section>");
}

/* A party field's label, from the core ("Handelsregister", a declared
 * field's): none before the name and the address, which speak for
 * themselves; "vertreten durch" reads on into the name, as in the text
 * writer; the others are "Label: value". */
static void write_field_label(struct writer *w, const pactum_block *f,
			      size_t lang)
{
	const pactum_run *label = pactum_block_title(f, lang);
	const char *id = pactum_block_id(f);

	if (label == NULL || id == NULL || strcmp(id, "name") == 0 ||
	    strcmp(id, "address") == 0)
		return;
	db_write_runs(w, label, lang);
	db_put(w, strcmp(id, "representative") == 0 ? " " : ": ");
}

void db_write_party_entry(struct writer *w, const pactum_block *party,
			  size_t lang, int tag)
{
	const pactum_block *f;
	int any = 0;

	db_begin_line(w);
	db_put(w, "<varlistentry");
	put_block_attrs(w, lang, tag);
	db_put(w, ">");
	db_end_line(w);
	w->indent++;
	db_begin_line(w);
	db_put(w, "<term><phrase role=\"party\">");
	db_write_runs(w, pactum_block_title(party, lang), lang);
	db_put(w, "</phrase></term>");
	db_end_line(w);
	db_open_line(w, "<listitem>");
	for (f = db_first_child(party); f; f = db_next_block(f)) {
		if (db_kind_of(f) != PACTUM_BLOCK_FIELD)
			continue;
		db_begin_line(w);
		db_put(w, "<para");
		db_put_attr(w, "role", pactum_block_id(f));
		db_put(w, ">");
		write_field_label(w, f, lang);
		db_write_runs(w, pactum_block_content(f, lang), lang);
		db_put(w, "</para>");
		db_end_line(w);
		any = 1;
	}
	if (!any) /* a listitem needs a block */
		db_line(w, "<para/>");
	db_close_line(w, "</listitem>");
	db_close_line(w, "</varlistentry>");
}

/*
 * The version line ("Fassung 2.1 vom 15. November 2026") as releaseinfo,
 * every language's in one as the subtitle has them, and the date as
 * written (YYYY-MM-DD, the form DocBook's date is typed for).
 */
static void write_meta(struct writer *w)
{
	const pactum_block *meta = db_child_of_kind(w->root, PACTUM_BLOCK_META);
	const char *date = pactum_doc_date(w->doc);

	if (meta && pactum_block_content(meta, 0)) {
		db_begin_line(w);
		db_put(w, "<releaseinfo>");
		db_write_value(w, meta, w->nlangs > 1 ? ALL_LANGS : 0);
		db_put(w, "</releaseinfo>");
		db_end_line(w);
	}
	if (date) {
		db_begin_line(w);
		db_put(w, "<date>");
		db_put_str(w, date);
		db_put(w, "</date>");
		db_end_line(w);
	}
}

/* The cover page: DocBook 5.0 has <cover> in <info> for it, one per
 * language here.  (docbook-xsl 1.79 shows it on EPUB covers only.) */
static void write_cover(struct writer *w)
{
	const pactum_block *cover =
		db_child_of_kind(w->root, PACTUM_BLOCK_COVER);
	const pactum_block *p;
	size_t i;

	if (cover == NULL || !db_child_of_kind(cover, PACTUM_BLOCK_PARAGRAPH))
		return; /* a cover needs a block */
	for (i = 0; i < w->nlangs; i++) {
		db_begin_line(w);
		db_put(w, "<cover");
		if (w->nlangs > 1)
			db_put_lang_attr(w, i);
		db_put(w, ">");
		db_end_line(w);
		w->indent++;
		for (p = db_first_child(cover); p; p = db_next_block(p))
			if (db_kind_of(p) == PACTUM_BLOCK_PARAGRAPH)
				write_para(w, p, NULL, i, 0);
		db_close_line(w, "</cover>");
	}
}

/* <info>: the title (the first language's; the others as subtitle), the
 * parties as organisations, for processors that read metadata, the
 * version, the date and the cover. */
static void write_info(struct writer *w)
{
	const pactum_block *parties =
		db_child_of_kind(w->root, PACTUM_BLOCK_PARTIES);
	const pactum_block *p, *f;
	size_t i;

	db_open_line(w, "<info>");
	db_begin_line(w);
	db_put(w, "<title>");
	db_write_runs(w, pactum_block_title(w->root, 0), 0);
	db_put(w, "</title>");
	db_end_line(w);
	if (w->nlangs > 1) {
		db_begin_line(w);
		db_put(w, "<subtitle>");
		for (i = 1; i < w->nlangs; i++) {
			if (i > 1)
				db_put(w, " / ");
			db_put(w, "<phrase");
			db_put_lang_attr(w, i);
			db_put(w, ">");
			db_write_runs(w, pactum_block_title(w->root, i), i);
			db_put(w, "</phrase>");
		}
		db_put(w, "</subtitle>");
		db_end_line(w);
	}
	if (parties && db_child_of_kind(parties, PACTUM_BLOCK_PARTY)) {
		db_open_line(w, "<authorgroup>");
		for (p = db_first_child(parties); p; p = db_next_block(p)) {
			if (db_kind_of(p) != PACTUM_BLOCK_PARTY)
				continue;
			db_begin_line(w);
			db_put(w, "<author");
			db_put_attr(w, "role", pactum_block_id(p));
			db_put(w, "><orgname>");
			/* orgname takes plain text; no name: the role */
			f = db_field_of(p, "name");
			db_write_plain(w, f ? pactum_block_content(f, 0)
					    : pactum_block_title(p, 0));
			db_put(w, "</orgname>");
			f = db_field_of(p, "address");
			if (f) {
				db_put(w, "<address>");
				db_write_plain(w, pactum_block_content(f, 0));
				db_put(w, "</address>");
			}
			db_put(w, "</author>");
			db_end_line(w);
		}
		db_close_line(w, "</authorgroup>");
	}
	write_meta(w);
	write_cover(w);
	db_close_line(w, "</info>");
}

/* ------------------------------------------------------ sections ----- */

static void write_section(struct writer *w, const pactum_block *s,
			  size_t lang, unsigned level, int flat);
static void write_children(struct writer *w, const pactum_block *parent,
			   const pactum_block *glossary, size_t lang,
			   unsigned level, int flat);

/* A heading where siblings are flat: "<bridgehead", the caller's
 * attributes, then end_bridgehead_open() adds renderas="sectN">. */
static void begin_bridgehead(struct writer *w)
{
	db_begin_line(w);
	db_put(w, "<bridgehead");
}

static void end_bridgehead_open(struct writer *w, unsigned level)
{
	db_put(w, " renderas=\"sect");
	db_put_uint(w, level < 5 ? level : 5);
	db_put(w, "\">");
}

/* The inside of a section-like element: its children, or the block a
 * section needs when it has none (an omitted part). */
static void write_inside(struct writer *w, const pactum_block *s,
			 size_t lang, unsigned level)
{
	if (db_has_content(s))
		write_children(w, s, NULL, lang, level + 1, db_needs_flat(s));
	else
		db_line(w, "<para/>");
}

/*
 * The preamble: an unnumbered section before the body, its recitals and
 * paragraphs as blocks (see write_para()).  Untitled, it is just those
 * blocks: DocBook 5.0 sections need a title, and the writer has no word
 * that would be right for every agreement.
 */
static void write_preamble(struct writer *w, const pactum_block *p,
			   size_t lang, unsigned level, int flat)
{
	const pactum_block *first = db_first_child(p);

	if (!db_is_part(p, lang)) {
		if (first)
			db_write_blocks(w, first, lang);
		return;
	}
	if (flat) {
		begin_bridgehead(w);
		db_put(w, " role=\"preamble\"");
		end_bridgehead_open(w, level);
		db_write_label(w, p, lang);
		db_put(w, "</bridgehead>");
		db_end_line(w);
		if (first)
			db_write_blocks(w, first, lang);
		return;
	}
	db_open_line(w, "<section role=\"preamble\">");
	db_begin_line(w);
	db_put(w, "<title>");
	db_write_label(w, p, lang);
	db_put(w, "</title>");
	db_end_line(w);
	if (first && db_has_content(p))
		db_write_blocks(w, first, lang);
	else
		db_line(w, "<para/>");
	db_close_line(w, "</section>");
}

/* An annex's xreflabel: the references' text, else its label, so that
 * any <xref/> shows "Anlage 1" and not the processor's "Appendix A". */
static void put_annex_xreflabel(struct writer *w, const pactum_block *a,
				size_t lang)
{
	if (db_put_xreflabel(w, pactum_block_id(a), lang))
		return;
	db_put_attr(w, "xreflabel",
		    pactum_block_label(a, lang == ALL_LANGS ? 0 : lang));
}

/* An annex's title: its own, or where it has none its label. */
static void write_annex_title(struct writer *w, const pactum_block *a,
			      size_t lang)
{
	if (pactum_block_title(a, lang == ALL_LANGS ? 0 : lang) == NULL)
		db_put_str(w, pactum_block_label(a, lang == ALL_LANGS ? 0
								       : lang));
	else
		db_write_label(w, a, lang);
}

/*
 * An annex: an <appendix> after the body, label = the core's "Anlage 1"
 * (of the leading language), which docbook-xsl prints in place of its own
 * count ("Anlage 1. Produkte"), and as xreflabel.  In the sequential
 * layout it stays in its language's version, which is a section and
 * cannot hold an appendix: there it is a section role="annex" without a
 * label, titled "Anlage 1 – Produkte" (a bridgehead where that version's
 * parts are flat).
 */
static void write_annex(struct writer *w, const pactum_block *a,
			size_t lang, unsigned level, int flat)
{
	int in_version = w->mode == MODE_SEQUENTIAL;
	size_t l = lang == ALL_LANGS ? 0 : lang;

	if (in_version) {
		if (flat) {
			begin_bridgehead(w);
		} else {
			db_begin_line(w);
			db_put(w, "<section");
		}
		db_put_id_attr(w, "", pactum_block_id(a), lang);
		put_annex_xreflabel(w, a, lang);
		db_put_attr(w, "role",
			    pactum_block_omitted(a) ? "omitted" : "annex");
		/* no label: the title says "Anlage 1", once */
		if (flat) {
			end_bridgehead_open(w, level);
		} else {
			db_put(w, ">");
			db_end_line(w);
			w->indent++;
			db_begin_line(w);
			db_put(w, "<title>");
		}
		db_put(w, "<phrase role=\"number\">");
		db_put_str(w, pactum_block_label(a, l));
		db_put(w, "</phrase> \xe2\x80\x93 ");
		write_annex_title(w, a, lang);
		db_put(w, flat ? "</bridgehead>" : "</title>");
		db_end_line(w);
		if (flat) {
			write_children(w, a, NULL, lang, level + 1, 1);
			return;
		}
		write_inside(w, a, lang, level);
		db_close_line(w, "</section>");
		return;
	}
	db_begin_line(w);
	db_put(w, "<appendix");
	db_put_id_attr(w, "", pactum_block_id(a), lang);
	put_annex_xreflabel(w, a, lang);
	if (pactum_block_omitted(a))
		db_put(w, " role=\"omitted\"");
	/* docbook-xsl prints the label in place of its own count: "Anlage
	 * 1. Produkte", as the references read */
	db_put_attr(w, "label", pactum_block_label(a, l));
	db_put(w, ">");
	db_end_line(w);
	w->indent++;
	db_begin_line(w);
	db_put(w, "<title>");
	write_annex_title(w, a, lang);
	db_put(w, "</title>");
	db_end_line(w);
	write_inside(w, a, lang, level);
	db_close_line(w, "</appendix>");
}

/* Signatures after the sections: DocBook allows no block there, so they
 * get a section of their own, headed by the writer's word. */
static void write_signatures_section(struct writer *w,
				     const pactum_block *sigs, size_t lang)
{
	db_open_line(w, "<section role=\"signatures\">");
	db_begin_line(w);
	db_put(w, "<title>");
	db_write_word(w, PACTUM_LABEL_SIGNATURES, lang);
	db_put(w, "</title>");
	db_end_line(w);
	db_write_signatures(w, sigs, lang);
	db_close_line(w, "</section>");
}

/*
 * The children of the document, a section or an annex, in lang or
 * shared.  The glossary, when given, goes before the first section (or
 * annex, or signatures section).  flat: write subsections as bridgeheads
 * (see db_needs_flat()).
 */
static void write_children(struct writer *w, const pactum_block *parent,
			   const pactum_block *glossary, size_t lang,
			   unsigned level, int flat)
{
	const pactum_block *c = db_first_child(parent);
	pactum_block_kind kind;
	int seen_part = 0, sig_section;

	while (c && w->error == PACTUM_OK) {
		kind = db_kind_of(c);
		sig_section = kind == PACTUM_BLOCK_SIGNATURES && seen_part &&
			      !flat && db_is_body_block(c);
		if (kind == PACTUM_BLOCK_SECTION ||
		    kind == PACTUM_BLOCK_ANNEX || sig_section) {
			write_definitions(w, glossary, lang, level, flat);
			glossary = NULL;
		}
		if (kind == PACTUM_BLOCK_SECTION) {
			write_section(w, c, lang, level, flat);
		} else if (kind == PACTUM_BLOCK_ANNEX) {
			write_annex(w, c, lang, level, flat);
		} else if (kind == PACTUM_BLOCK_PREAMBLE) {
			write_preamble(w, c, lang, level, flat);
		} else if (sig_section) {
			write_signatures_section(w, c, lang);
		} else if (db_is_body_block(c)) {
			c = db_write_blocks(w, c, lang);
			continue;
		}
		if (db_is_part(c, lang))
			seen_part = 1;
		c = db_next_block(c);
	}
	write_definitions(w, glossary, lang, level, flat);
}

static void write_section(struct writer *w, const pactum_block *s,
			  size_t lang, unsigned level, int flat)
{
	if (flat) {
		begin_bridgehead(w);
		db_put_id_attr(w, "", pactum_block_id(s), lang);
		db_put_xreflabel(w, pactum_block_id(s), lang);
		if (pactum_block_omitted(s))
			db_put(w, " role=\"omitted\"");
		end_bridgehead_open(w, level);
		db_write_title(w, s, lang);
		db_put(w, "</bridgehead>");
		db_end_line(w);
		write_children(w, s, NULL, lang, level + 1, 1);
		return;
	}
	open_target(w, "section", s, lang, NULL);
	db_begin_line(w);
	db_put(w, "<title>");
	db_write_title(w, s, lang);
	db_put(w, "</title>");
	db_end_line(w);
	write_inside(w, s, lang, level);
	db_close_line(w, "</section>");
}

/* A whole version, in lang or shared: the parties, then the sections with
 * the definitions before the first. */
void db_write_version(struct writer *w, size_t lang, unsigned level)
{
	const pactum_block *parties =
		db_child_of_kind(w->root, PACTUM_BLOCK_PARTIES);
	const pactum_block *glossary =
		db_child_of_kind(w->root, PACTUM_BLOCK_GLOSSARY);

	if (!(parties && db_child_of_kind(parties, PACTUM_BLOCK_PARTY)) &&
	    !(glossary && db_child_of_kind(glossary, PACTUM_BLOCK_TERM)) &&
	    !db_has_content(w->root)) {
		db_line(w, "<para/>"); /* an article needs some content */
		return;
	}
	db_write_parties(w, parties, lang);
	write_children(w, w->root, glossary, lang, level,
		       db_needs_flat(w->root));
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

	db_collect_xrefs(&w); /* the targets' xreflabels; may fail */
	db_put(&w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		   "<article xmlns=\"http://docbook.org/ns/docbook\" "
		   "xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
		   "version=\"5.0\"");
	db_put_lang_attr(&w, 0);
	db_put(&w, ">\n");
	w.indent = 1;
	write_info(&w);
	switch (w.mode) {
	case MODE_SINGLE:
		db_write_version(&w, 0, 1);
		break;
	case MODE_SEQUENTIAL:
		for (i = 0; i < w.nlangs; i++)
			db_write_language_section(&w, i);
		break;
	default:
		db_write_version(&w, ALL_LANGS, 1);
		break;
	}
	db_put(&w, "</article>\n");
	db_free_xrefs(&w);
	return w.error;
}

static const char *const suffixes[] = { "xml", NULL };

PACTUM_WRITER_DEFINE_SUFFIXES("docbook", VERSION,
		     "DocBook 5.0 articles (valid against the RELAX NG schema)",
		     suffixes,
		     write_doc, NULL);
