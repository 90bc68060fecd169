/* markdown.c: an example pactum writer, built outside pactum's tree against
 * the installed SDK: GitHub-flavoured Markdown or CommonMark with links; two
 * languages sequential (per language) or interleaved (block by block). */
#include <string.h>

#include <pactum/plugin.h>

#define ALL ((size_t)-1) /* every language in turn */

/* All it changes, on md_write()'s stack: it may run on several threads. */
struct md {
	pactum_sink *sink;
	const pactum_doc *doc;
	pactum_diag *diag;
	size_t nlangs, lang;     /* lang: the one being written, or ALL */
	size_t prevails;         /* ALL when it is not rendered */
	unsigned level;          /* of headings: 1 is "#" */
	int gfm;                 /* pipe tables; CommonMark has none */
	int started, blank;      /* a line is written; a block begins */
	unsigned indent, lists;  /* then spaces (list items); lists so far */
	int bol;                 /* 1: at a line start; 2: digits after it */
	int error;               /* sticky: nothing is written after it */
};

typedef void unit_fn(struct md *w, const pactum_block *b);
static void walk(struct md *w, const pactum_block *b);

/* The core buffers the output, so a write fails only when memory does. */
static void out(struct md *w, const char *s, size_t len)
{
	if (w->error == PACTUM_OK &&
	    pactum_sink_write(w->sink, s, len) != PACTUM_OK)
		w->error = PACTUM_ENOMEM;
}

/* The writer's own markup: no line start after it. */
static void mark(struct md *w, const char *s)
{
	out(w, s, strlen(s));
	w->bol = w->bol && *s == '\0';
}

/* A new line, in its list item; a block's after a blank one. */
static void line(struct md *w)
{
	unsigned i;

	mark(w, !w->started ? "" : w->blank ? "\n\n" : "\n");
	w->started = 1;
	w->blank = 0;
	for (i = 0; i < w->indent; i++)
		mark(w, " ");
	w->bol = 1;
}

/* Contract text, escaped so that none of it turns into markup. */
static void text(struct md *w, const char *s, size_t len)
{
	size_t i, from = 0;

	for (i = 0; i < len; i++) {
		char c = s[i], next = i + 1 < len ? s[i + 1] : ' ';
		/* "&amp;" is an entity, ":smile:" an emoji to GFM; "- ", "+ ",
		 * "=", "1." and "1)" at a line start make lists and headings */
		int esc = strchr("\\`*_[]<>#|~&", c) != NULL ||
			  (c == ':' && w->gfm && next != ' ') ||
			  (w->bol == 1 && strchr("-+=", c) != NULL) ||
			  (w->bol == 2 && (c == '.' || c == ')'));
		w->bol = w->bol && c >= '0' && c <= '9' ? 2 : 0;
		if (esc) {
			out(w, s + from, i - from);
			out(w, "\\", 1);
			from = i;
		}
	}
	out(w, s + from, len - from);
}

static void words(struct md *w, const char *s)
{
	text(w, s, strlen(s));
}

/* before, an id, after: "term.goods", "de.fn.1" (model ids are safe in
 * HTML and URLs; no GFM heading id has a '.').  Anchors are raw HTML. */
static void put_id(struct md *w, const char *before, const char *kind,
		   const char *id, const char *after)
{
	if (id == NULL)
		return;
	mark(w, before);
	if (w->nlangs > 1) {
		mark(w, pactum_doc_lang(w->doc, w->lang));
		mark(w, ".");
	}
	mark(w, kind);
	mark(w, id);
	mark(w, after);
}

/* "[shown](#id)", or a footnote's mark (note): "[\[1\]](#fn.1)". */
static void link(struct md *w, const char *s, size_t len, int note,
		 const char *kind, const char *id)
{
	mark(w, note ? "[\\[" : "[");
	text(w, s, len);
	put_id(w, note ? "\\]](#" : "](#", kind, id, ")");
}

/* A term the running text defines has no glossary entry to link to. */
static int in_glossary(const struct md *w, const char *id)
{
	const pactum_block *g = pactum_block_first_child(pactum_doc_root(w->doc));
	const pactum_block *t;

	for (; g != NULL && id != NULL; g = pactum_block_next(g))
		for (t = pactum_block_kind_of(g) == PACTUM_BLOCK_GLOSSARY
				 ? pactum_block_first_child(g) : NULL;
		     t != NULL; t = pactum_block_next(t))
			if (strcmp(pactum_block_id(t), id) == 0)
				return 1;
	return 0;
}

/* The runs of a title or content of b; oneline: a break is its space, as
 * at the end, where "\" would show.  Draft text marks the whole, "[EN:
 * ...]".  The core moves spaces out of emphasis: "*" touches words. */
static void runs(struct md *w, const pactum_block *b, const pactum_run *first,
		 int oneline)
{
	const char *src = pactum_doc_source_lang(w->doc), *s, *ref;
	const pactum_block *to;
	const pactum_run *r;
	int k, draft = 0;
	size_t len;
	char c;

	for (r = first; r != NULL; r = pactum_run_next(r))
		draft |= pactum_run_untranslated(r);
	if (draft) { /* "[EN: " */
		words(w, "[");
		for (; *src != '\0'; src++) {
			c = *src >= 'a' && *src <= 'z' ? (char)(*src - 'a' + 'A')
						       : *src;
			out(w, &c, 1);
		}
		mark(w, ": ");
	}
	for (r = first; r != NULL; r = pactum_run_next(r)) {
		k = pactum_run_kind_of(r);
		s = pactum_run_text(r, &len);
		ref = pactum_run_ref(r);
		to = pactum_run_block(r); /* an XREF's target, a mark's note */
		if (k == PACTUM_RUN_EMPH_BEGIN || k == PACTUM_RUN_EMPH_END) {
			mark(w, "*");
		} else if (k == PACTUM_RUN_STRONG_BEGIN ||
			   k == PACTUM_RUN_STRONG_END) {
			mark(w, "**");
		} else if (k == PACTUM_RUN_BREAK && !oneline &&
			   pactum_run_next(r) != NULL) {
			mark(w, "\\"); /* a hard line break */
			line(w);
		} else if (k == PACTUM_RUN_XREF && to && pactum_block_id(to)) {
			link(w, s, len, 0, "", pactum_block_id(to));
		} else if (k == PACTUM_RUN_TERM && in_glossary(w, ref)) {
			link(w, s, len, 0, "term.", ref);
		} else if (k == PACTUM_RUN_FOOTNOTE && to && pactum_block_number(to)) {
			link(w, s, len, 1, "fn.", pactum_block_number(to));
		} else { /* TEXT, VALUE, PARTY, and kinds newer than this writer */
			if (k == PACTUM_RUN_XREF) { /* one without a target */
				pactum_pos pos = pactum_block_pos(w->doc, b);
				pactum_diag_report(w->diag, PACTUM_WARNING, &pos,
						   "markdown: \"%s\" has no target",
						   ref ? ref : "");
			}
			text(w, s, len);
		}
	}
	mark(w, draft ? "\\]" : "");
}

/* "## 1.2 Titel", "Anlage 1 – Waren"; the core's words over parties,
 * glossary, signatures and (b NULL) notes; none for the cover.  With two
 * languages, each title has the language's name under it. */
static void heading(struct md *w, const pactum_block *b)
{
	int kind = b ? (int)pactum_block_kind_of(b) : PACTUM_BLOCK_FOOTNOTE;
	const pactum_run *title = b ? pactum_block_title(b, w->lang) : NULL;
	const char *n = b ? pactum_block_label(b, w->lang) : NULL;
	pactum_label which = kind == PACTUM_BLOCK_PARTIES ? PACTUM_LABEL_PARTIES
		: kind == PACTUM_BLOCK_GLOSSARY ? PACTUM_LABEL_DEFINITIONS
		: kind == PACTUM_BLOCK_SIGNATURES ? PACTUM_LABEL_SIGNATURES
		: kind == PACTUM_BLOCK_FOOTNOTE ? PACTUM_LABEL_FOOTNOTES
		: PACTUM_LABEL_COUNT_;

	if (which == PACTUM_LABEL_COUNT_ && title == NULL)
		return;
	line(w);
	out(w, "######", w->level < 6 ? w->level : 6);
	mark(w, " ");
	if (which != PACTUM_LABEL_COUNT_) {
		words(w, pactum_doc_label(w->doc, w->lang, which));
		return;
	}
	n = n ? n : pactum_block_number(b); /* an annex has a label, "Anlage 1" */
	put_id(w, "<a id=\"", "", pactum_block_id(b), "\"></a>");
	words(w, n ? n : "");
	if (n && kind == PACTUM_BLOCK_SECTION && strchr(n, '.') == NULL)
		mark(w, "."); /* "1. Lieferung", as the text writer has it */
	if (n && kind == PACTUM_BLOCK_ANNEX && !pactum_block_omitted(b))
		mark(w, " \xe2\x80\x93"); /* an en dash */
	mark(w, n ? " " : "");
	runs(w, b, title, 1);
	if (kind != PACTUM_BLOCK_DOCUMENT || w->nlangs == 1)
		return;
	w->blank = 1; /* "Deutsch (maßgebliche Fassung)" under the title */
	line(w);
	words(w, pactum_doc_label(w->doc, w->lang, PACTUM_LABEL_LANGUAGE));
	if (w->lang == w->prevails) {
		words(w, " (");
		words(w, pactum_doc_label(w->doc, w->lang, PACTUM_LABEL_PREVAILING));
		words(w, ")");
	}
}

/* A paragraph, version line, recital or note: its anchor, its number
 * ("**(A)**", a note's "\[1\]"), its text.  A clause: a heading over its
 * text, or "**1.1** first paragraph", "**1.4** [intentionally omitted]". */
static void paragraph(struct md *w, const pactum_block *b)
{
	int note = pactum_block_kind_of(b) == PACTUM_BLOCK_FOOTNOTE;
	const pactum_block *c = pactum_block_first_child(b);
	const pactum_run *body = pactum_block_title(b, w->lang);
	const char *n = pactum_block_number(b);

	if (body != NULL && !pactum_block_omitted(b)) {
		heading(w, b);
	} else {
		if (body == NULL)
			body = pactum_block_content(b, w->lang);
		if (body == NULL && c != NULL && /* a clause: its first one */
		    pactum_block_kind_of(c) == PACTUM_BLOCK_PARAGRAPH) {
			body = pactum_block_content(c, w->lang);
			c = pactum_block_next(c);
		}
		line(w);
		put_id(w, "<a id=\"", note ? "fn." : "",
		       note ? n : pactum_block_id(b), "\"></a>");
		mark(w, !n ? "" : note ? "\\[" : "**");
		words(w, n ? n : "");
		mark(w, !n ? "" : note ? "\\] " : body ? "** " : "**");
		runs(w, b, body, 0);
	}
	for (w->level++; c != NULL; c = pactum_block_next(c))
		walk(w, c); /* a clause's; a paragraph's notes are skipped */
	w->level--;
}

/* "- (a) text": the core's numbers, not Markdown's own; nested lists two
 * spaces in; "- " and "+ " take turns so that two lists stay two. */
static void items(struct md *w, const pactum_block *list)
{
	unsigned indent = w->indent;
	const pactum_block *it, *c;
	const char *n;

	w->lists += indent == 0;
	for (it = pactum_block_first_child(list); it; it = pactum_block_next(it)) {
		if (pactum_block_kind_of(it) != PACTUM_BLOCK_ITEM)
			continue;
		w->indent = indent;
		line(w);
		out(w, w->lists % 2 ? "+ " : "- ", 2); /* still a line start */
		w->indent = indent + 2;
		put_id(w, "<a id=\"", "", pactum_block_id(it), "\"></a>");
		n = pactum_block_number(it);
		words(w, n ? n : "");
		mark(w, n ? " " : "");
		runs(w, it, pactum_block_content(it, w->lang), 0);
		for (c = pactum_block_first_child(it); c; c = pactum_block_next(c))
			if (pactum_block_kind_of(c) == PACTUM_BLOCK_LIST)
				items(w, c);
	}
	w->indent = indent;
}

/* GFM wants a heading row, which a model's table need not have: an empty
 * one.  CommonMark has no tables: a row is a list item, "- a — b". */
static void table(struct md *w, const pactum_block *t)
{
	size_t cols = pactum_block_columns(t), i, n;
	const pactum_block *r, *c;

	w->lists += !w->gfm;
	for (i = 0; w->gfm && cols > 0 && i < 2; i++) {
		line(w);
		mark(w, "|");
		for (n = 0; n < cols; n++)
			mark(w, i == 0 ? "  |" : "---|");
	}
	for (r = pactum_block_first_child(t); r; r = pactum_block_next(r)) {
		if (pactum_block_kind_of(r) != PACTUM_BLOCK_ROW)
			continue;
		line(w);
		out(w, w->gfm ? "| " : w->lists % 2 ? "+ " : "- ", 2);
		for (n = 0, c = pactum_block_first_child(r); c;
		     c = pactum_block_next(c)) {
			if (pactum_block_kind_of(c) != PACTUM_BLOCK_CELL)
				continue;
			mark(w, n++ == 0 ? "" : w->gfm ? " | " : " \xe2\x80\x94 ");
			runs(w, c, pactum_block_content(c, w->lang), 1);
		}
		mark(w, w->gfm ? " |" : "");
	}
}

/* "**Title**: content" (a term's in quotes), then "Label: value" a line
 * each, and the signatories: "Name: ____" where the deal names nobody. */
static void entry(struct md *w, const pactum_block *b)
{
	int kind = pactum_block_kind_of(b), term = kind == PACTUM_BLOCK_TERM;
	const pactum_run *title = pactum_block_title(b, w->lang), *value;
	const pactum_run *content = pactum_block_content(b, w->lang);
	const pactum_block *f;

	line(w);
	put_id(w, "<a id=\"", "term.", term ? pactum_block_id(b) : NULL,
	       "\"></a>");
	mark(w, title ? "**" : "");
	words(w, term ? pactum_doc_label(w->doc, w->lang,
					  PACTUM_LABEL_OPEN_QUOTE) : "");
	runs(w, b, title, 1);
	words(w, term ? pactum_doc_label(w->doc, w->lang,
					  PACTUM_LABEL_CLOSE_QUOTE) : "");
	mark(w, title ? "**" : "");
	words(w, content ? ": " : "");
	runs(w, b, content, 0);
	for (f = pactum_block_first_child(b); f; f = pactum_block_next(f)) {
		value = pactum_block_content(f, w->lang);
		if (pactum_block_kind_of(f) == PACTUM_BLOCK_SIGNATORY) {
			w->blank = 1;
			entry(w, f);
		} else if (pactum_block_kind_of(f) == PACTUM_BLOCK_FIELD &&
			   (value != NULL || kind == PACTUM_BLOCK_SIGNATORY)) {
			if (!w->bol) { /* a line break after what came */
				mark(w, "\\");
				line(w);
			}
			runs(w, f, pactum_block_title(f, w->lang), 1);
			words(w, ": ");
			runs(w, f, value, 0);
			words(w, value != NULL ? "" : "____________");
		}
	}
}

/* fn for b in w->lang, or (ALL) in every language in turn. */
static void fan(struct md *w, unit_fn *fn, const pactum_block *b)
{
	if (w->lang != ALL) {
		w->blank = 1;
		fn(w, b);
		return;
	}
	for (w->lang = 0; w->lang < w->nlangs; w->lang++)
		fan(w, fn, b);
	w->lang = ALL;
}

/* Each kind's writer; a part's (heading) children follow a level down.
 * None for FOOTNOTE (notes()) and kinds newer than us: skipped. */
static unit_fn *const writers[PACTUM_BLOCK_SIGNATURE + 1] = {
	[PACTUM_BLOCK_PARTIES] = heading, [PACTUM_BLOCK_GLOSSARY] = heading,
	[PACTUM_BLOCK_SIGNATURES] = heading, [PACTUM_BLOCK_PREAMBLE] = heading,
	[PACTUM_BLOCK_SECTION] = heading, [PACTUM_BLOCK_ANNEX] = heading,
	[PACTUM_BLOCK_COVER] = heading, [PACTUM_BLOCK_PARTY] = entry,
	[PACTUM_BLOCK_SIGNATURE] = entry, [PACTUM_BLOCK_TERM] = entry,
	[PACTUM_BLOCK_CLAUSE] = paragraph, [PACTUM_BLOCK_LIST] = items,
	[PACTUM_BLOCK_TABLE] = table, [PACTUM_BLOCK_PARAGRAPH] = paragraph,
	[PACTUM_BLOCK_META] = paragraph, [PACTUM_BLOCK_RECITAL] = paragraph,
};

static void walk(struct md *w, const pactum_block *b)
{
	unsigned kind = pactum_block_kind_of(b);
	unit_fn *fn = kind <= PACTUM_BLOCK_SIGNATURE ? writers[kind] : NULL;
	const pactum_block *c;

	if (fn != NULL)
		fan(w, fn, b);
	if (fn != heading)
		return;
	w->level++;
	for (c = pactum_block_first_child(b); c; c = pactum_block_next(c))
		walk(w, c);
	w->level--;
}

/* The notes below b in order, once under their heading (*any: written). */
static void notes(struct md *w, const pactum_block *b, int *any)
{
	const pactum_block *c;

	for (c = pactum_block_first_child(b); c; c = pactum_block_next(c)) {
		if (pactum_block_kind_of(c) == PACTUM_BLOCK_FOOTNOTE) {
			if (*any == 0)
				fan(w, heading, NULL);
			*any = 1;
			fan(w, paragraph, c);
		}
		if (pactum_block_kind_of(c) <= PACTUM_BLOCK_FOOTNOTE)
			notes(w, c, any);
	}
}

static int md_write(pactum_sink *sink, const pactum_doc *doc,
		    const pactum_options *opts, pactum_diag *diag)
{
	const char *flavour = pactum_options_get(opts, "flavour");
	pactum_layout layout = pactum_options_layout(opts);
	const pactum_block *root = pactum_doc_root(doc), *c;
	struct md w = { .sink = sink, .doc = doc, .diag = diag, .level = 1,
			.nlangs = pactum_doc_lang_count(doc) };
	int sequential = w.nlangs > 1 && layout == PACTUM_LAYOUT_SEQUENTIAL, any;
	size_t part;

	if (w.nlangs == 0 || root == NULL)
		return PACTUM_OK;
	/* the core checked the value against our choices, ignoring case */
	w.gfm = flavour == NULL || pactum_ascii_caseeq(flavour, "gfm");
	/* none is marked when the prevailing language is not rendered */
	if (pactum_doc_prevails(&w.prevails, doc) != PACTUM_OK)
		w.prevails = ALL;
	/* no columns in Markdown: say so only to who asked for them */
	if (w.nlangs > 1 && layout == PACTUM_LAYOUT_PARALLEL &&
	    pactum_options_layout_given(opts))
		pactum_diag_report(diag, PACTUM_WARNING, NULL, "the markdown "
				   "writer has no columns: --layout parallel "
				   "falls back to interleaved");
	/* sequential: the whole document per language; else once, ALL */
	for (part = 0; part < (sequential ? w.nlangs : 1); part++) {
		w.lang = sequential ? part : ALL;
		fan(&w, heading, root);
		w.level++;
		for (c = pactum_block_first_child(root); c; c = pactum_block_next(c))
			walk(&w, c);
		any = 0;
		notes(&w, root, &any);
		w.level--;
	}
	mark(&w, "\n");
	return w.error;
}

static const char *const flavours[] = { "gfm", "commonmark", NULL };

static const pactum_option_spec md_options[] = {
	{ "flavour", PACTUM_OPTION_CHOICE, 0, 0, flavours,
	  "gfm (the default: pipe tables) or commonmark (tables as lists)" },
	{ NULL, 0, 0, 0, NULL, NULL }
};

/* what pactum batch names the files (ABI 1.8) */
static const char *const md_suffixes[] = { "md", NULL };

PACTUM_WRITER_DEFINE_SUFFIXES("markdown", "1.1",
			      "GitHub-flavoured Markdown or CommonMark, with "
			      "links",
			      md_suffixes, md_write, md_options);
