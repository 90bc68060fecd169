/*
 * pactum/plugin.h — everything a pactum plugin sees.
 *
 * A plugin is a shared object that exports exactly one symbol,
 * PACTUM_PLUGIN_SYMBOL, a `const pactum_plugin_desc`.  The loader
 * dlopen()s the file with RTLD_NOW | RTLD_LOCAL, checks the descriptor and
 * refuses the file, saying why, when anything is off.
 *
 * The guide to writing one is pactum-plugin(3); a complete bilingual
 * writer to copy is installed under $docdir/examples/markdown, one in C++
 * under $docdir/examples/cxx.
 *
 * Three kinds of plugin exist:
 *
 *   reader     turns bytes (an agreement model, deal data) into a model or
 *              a set of values through the builder functions below;
 *   writer     walks a resolved, translated document and writes bytes to a
 *              sink;
 *   transform  rewrites a resolved document in place (reserved: no
 *              transform ships yet, the ABI slot exists so one can).
 *
 * Conventions, as in the rest of libpactum:
 *   - every name starts with pactum_ / PACTUM_;
 *   - functions return 0 (PACTUM_OK) or a negative pactum_status;
 *   - an output parameter comes first;
 *   - "borrowed" results live as long as the object they came from and are
 *     never freed by the caller; "owned" results are released with the
 *     function named beside them.
 *
 * ABI: PACTUM_PLUGIN_ABI_MAJOR changes when anything here changes
 * incompatibly; PACTUM_PLUGIN_ABI_MINOR when something is added.  A plugin
 * built against minor M loads into any core whose minor is >= M.
 */
#ifndef PACTUM_PLUGIN_H
#define PACTUM_PLUGIN_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PACTUM_PLUGIN_ABI_MAJOR 1
#define PACTUM_PLUGIN_ABI_MINOR 9
/*
 * History:
 *   1.0  the first ABI.
 *   1.1  pactum_plugin_desc.options: writers declare their options, and the
 *        core refuses an unknown or malformed one before a writer runs.
 *   1.2  the structure of real agreements: block kinds META, COVER,
 *        PREAMBLE, RECITAL, ANNEX, TABLE, ROW, CELL, SIGNATURES, SIGNATURE,
 *        SIGNATORY, FOOTNOTE; run kinds STRONG_BEGIN/END, BREAK, FOOTNOTE;
 *        titles on FIELD blocks (their labels); pactum_block_label(),
 *        _header(), _columns(), _omitted(), pactum_run_block(),
 *        pactum_doc_version(), pactum_doc_date().  A writer built for 1.0
 *        or 1.1 skips the new blocks (the core warns that it does) and
 *        prints the new runs' text.
 *   1.3  the logic of real agreements, for readers: node kinds REPEAT,
 *        REQUIRE, DEFINE, PLURAL; attributes FORMAT, COUNT, OVER, ALL_OF,
 *        ONE_OF (appended: the values before them are unchanged).  Nothing
 *        new reaches writers: a writer of 1.2 needs no change.
 *   1.4  pactum_doc_label(): the words a writer prints around the text,
 *        from the core's catalogs; node kind LANGUAGES.
 *   1.5  the SDK: PACTUM_READER_DEFINE(), PACTUM_WRITER_DEFINE() and
 *        PACTUM_TRANSFORM_DEFINE(), right in C and C++; pactum_version();
 *        pactum_doc_id(), pactum_doc_prevails(), pactum_doc_find(),
 *        pactum_block_pos(), pactum_run_value(), pactum_run_untranslated(),
 *        pactum_options_layout_given(); labels FOOTNOTES and PREVAILING.
 *        Draft text keeps its run kinds (an untranslated term is still a
 *        TERM, marked by pactum_run_untranslated()); a writer built for
 *        1.4 or before still sees PACTUM_RUN_UNTRANSLATED in their place.
 *   1.6  pactum_doc_locale(); label PAGE, for the page footers of paged
 *        formats; pactum_doc_term(), pactum_runs_equal();
 *        pactum_sink_put_escaped(), and pactum_sink_new(), _data() and
 *        _free() for writers.
 *   1.7  value type COUNTRY (a party's or record's country, shown by its
 *        name in the rendering's language).
 *   1.8  deal streams: pactum_plugin_desc.read_deals (in the first
 *        reserved slot), pactum_deals_read(), _begin() and _end(),
 *        PACTUM_READER_DEFINE_DEALS(): a reader hands over the deals of
 *        a file of many one by one, as it parses them.  Writers may name
 *        the suffix of the files they write (suffixes, first entry;
 *        PACTUM_WRITER_DEFINE_SUFFIXES()), which 'pactum batch' uses.
 *   1.9  read_model may return PACTUM_EIO for a file it cannot read as a
 *        whole (not well-formed): the core discards what was built, as a
 *        reader that builds while it parses cannot, and checks nothing.
 *        A reader of 1.8 or before never returned it; a status that is
 *        none, from any reader, is now treated so too.
 *
 * Policy: nothing is removed or changed within a major version; an
 * addition bumps the minor, and what a plugin built for an older minor
 * sees does not change.  The loader refuses a plugin built for another
 * major or a newer minor, saying which.
 */

/* The one symbol a plugin exports ('pactum plugins' warns about any
 * other: build with -fvisibility=hidden, as pkg-config --variable=
 * plugin_cflags pactum says). */
#define PACTUM_PLUGIN_SYMBOL "pactum_plugin_descriptor"

#if defined(__GNUC__)
#define PACTUM_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define PACTUM_EXPORT __attribute__((visibility("default")))
#else
#define PACTUM_PRINTF(f, a)
#define PACTUM_EXPORT
#endif

/* ------------------------------------------------------------------ */
/* Threads and lifetimes                                               */
/* ------------------------------------------------------------------ */

/*
 * A callback may run on any thread, and on several threads at once for
 * different documents (a program may render several at once): keep no
 * mutable state outside the call.  Everything a callback is handed (the model,
 * data, document, options, sink and diag) is valid only until it returns;
 * never keep a pointer to any of it.  The document is read-only and safe
 * to read from several threads.  A callback must not longjmp or throw out
 * of itself (C++: catch everything and return an error), and must not
 * exit() or print: it reports through diag and returns a status.
 */

/* The version of the core the plugin runs in ("0.1.0"); static. */
const char *pactum_version(void);

/* ------------------------------------------------------------------ */
/* Status codes                                                        */
/* ------------------------------------------------------------------ */

typedef enum pactum_status {
	PACTUM_OK = 0,
	PACTUM_EINPUT = -1,        /* the model, deal data or a catalog is wrong */
	PACTUM_EUNTRANSLATED = -2, /* strict translation found missing units */
	PACTUM_ENOMEM = -3,        /* an allocation failed */
	PACTUM_EIO = -4,           /* reading or writing failed */
	PACTUM_ENOTFOUND = -5,     /* no such plugin, file or catalog */
	PACTUM_EINVAL = -6         /* a caller broke a documented precondition */
} pactum_status;

/* ------------------------------------------------------------------ */
/* Memory: every allocation of pactum and its plugins goes through here */
/* so that allocation failures can be injected and counted.            */
/* ------------------------------------------------------------------ */

/* Owned: release with pactum_free().  Returns NULL when out of memory. */
void *pactum_malloc(size_t size);
/* Owned: like realloc(); on failure the old block is left untouched. */
void *pactum_realloc(void *ptr, size_t size);
/* Owned: a NUL-terminated copy of the first len bytes of s. */
char *pactum_strndup(const char *s, size_t len);
void pactum_free(void *ptr);

/* Nonzero when a and b are equal but for ASCII case.  Never the locale's
 * folding: strcasecmp() under a Turkish locale makes "latin1" differ from
 * "LATIN1". */
int pactum_ascii_caseeq(const char *a, const char *b);

/* ------------------------------------------------------------------ */
/* Diagnostics                                                         */
/* ------------------------------------------------------------------ */

typedef struct pactum_diag pactum_diag;

typedef enum pactum_severity {
	PACTUM_NOTE = 0,
	PACTUM_WARNING = 1,
	PACTUM_ERROR = 2
} pactum_severity;

/* A position in an input file.  file may be NULL ("no file"); line and
 * col count from 1, and 0 means "unknown". */
typedef struct pactum_pos {
	const char *file;
	uint32_t line;
	uint32_t col;
} pactum_pos;

/*
 * Record a problem.  The message is formatted now and copied, as is the
 * file name, so pos may point at temporary storage.  Returns PACTUM_OK, or
 * PACTUM_ENOMEM when the message could not be stored (the diagnostics
 * object then remembers that it lost a message and says so when printed).
 */
int pactum_diag_report(pactum_diag *diag, pactum_severity severity,
		       const pactum_pos *pos, const char *fmt, ...)
	PACTUM_PRINTF(4, 5);
int pactum_diag_vreport(pactum_diag *diag, pactum_severity severity,
			const pactum_pos *pos, const char *fmt, va_list ap)
	PACTUM_PRINTF(4, 0);

/* ------------------------------------------------------------------ */
/* The agreement model, as a reader builds it                          */
/* ------------------------------------------------------------------ */

/*
 * A model is a tree of nodes.  Each node has a kind, a source position,
 * attributes (string values keyed by pactum_attr) and children.  Inline
 * nodes (PACTUM_NODE_TEXT and after) may appear only inside nodes that hold
 * text: TITLE, PARAGRAPH, ITEM, TERM's NAME and DEFINITION, ROLE, LABEL,
 * NOTE.  The core checks the tree and the meaning of every attribute;
 * a reader only transcribes.  The tree is owned by its pactum_model.
 */
typedef struct pactum_model pactum_model;
typedef struct pactum_node pactum_node;

typedef enum pactum_node_kind {
	/* structure */
	PACTUM_NODE_AGREEMENT = 1, /* the root: id, version, domain, source-lang, prevailing */
	PACTUM_NODE_TITLE,         /* a title (of the agreement or a section): text */
	PACTUM_NODE_PARTY,         /* id; children ROLE, NOTE */
	PACTUM_NODE_ROLE,          /* a party's role label ("Vendor"): text */
	PACTUM_NODE_PARAM,         /* id, type, required, default, min, max; children CHOICE, NOTE */
	PACTUM_NODE_CHOICE,        /* value; child LABEL */
	PACTUM_NODE_LABEL,         /* a choice's label: text */
	PACTUM_NODE_TERM,          /* id, if; children NAME, DEFINITION, NOTE */
	PACTUM_NODE_NAME,          /* a defined term's name: text */
	PACTUM_NODE_DEFINITION,    /* a defined term's definition: text */
	PACTUM_NODE_SECTION,       /* id, if; children TITLE, SECTION, CLAUSE, ... */
	PACTUM_NODE_CLAUSE,        /* id, if; a numbered clause: PARAGRAPH, LIST */
	PACTUM_NODE_PARAGRAPH,     /* id, if: text */
	PACTUM_NODE_LIST,          /* id, if, ordered */
	PACTUM_NODE_ITEM,          /* id, if: text */
	PACTUM_NODE_CHOOSE,        /* alternatives: WHEN (if) ..., OTHERWISE */
	PACTUM_NODE_WHEN,          /* if; the blocks used when it holds */
	PACTUM_NODE_OTHERWISE,     /* the blocks used when no WHEN holds */
	PACTUM_NODE_NOTE,          /* a note to translators: text (never rendered) */
	PACTUM_NODE_ONE,           /* in a PARAGRAPH or ITEM that shows a count:
				      its text for a count of one */
	PACTUM_NODE_COVER,         /* the cover page: PARAGRAPH ... */
	PACTUM_NODE_PREAMBLE,      /* numbering; unnumbered part before the
				      body: TITLE, RECITAL, PARAGRAPH ... */
	PACTUM_NODE_RECITAL,       /* id, if: "(A)": text */
	PACTUM_NODE_ANNEX,         /* id, if, series, numbering: TITLE,
				      SECTION, CLAUSE, PARAGRAPH ... */
	PACTUM_NODE_TABLE,         /* id, if: ROW ... */
	PACTUM_NODE_ROW,           /* if, header: CELL ... */
	PACTUM_NODE_CELL,          /* text */
	PACTUM_NODE_SIGNATURES,    /* where the signature blocks go */
	PACTUM_NODE_DETAIL,        /* id, type, required: a party field the
				      model declares; child LABEL */
	PACTUM_NODE_INCLUDE,       /* href, ref: a section or clause of
				      another model file (replaced by it when
				      the model is loaded) */
	PACTUM_NODE_LIBRARY,       /* the root of a clause library: id,
				      domain, source-lang; SECTION, CLAUSE */
	/* ABI 1.3 */
	PACTUM_NODE_REPEAT,        /* over: what its place holds, once per
				      record of a list parameter (rows,
				      items, paragraphs) */
	PACTUM_NODE_REQUIRE,       /* if, all-of, one-of: a rule across
				      parameters a deal must keep */
	/* ABI 1.4 */
	PACTUM_NODE_LANGUAGES,     /* the language clause, written by the
				      core from the rendered languages and
				      the prevailing one (a PARAGRAPH block) */
	PACTUM_NODE_LAST_STRUCTURE_ = PACTUM_NODE_LANGUAGES, /* not a kind */
	/* inline */
	PACTUM_NODE_TEXT = 64,     /* literal text (see pactum_node_add_text) */
	PACTUM_NODE_VAR,           /* name: a parameter's value */
	PACTUM_NODE_FIELD,         /* party, name: a party's field (legal name, address ...) */
	PACTUM_NODE_PARTY_REF,     /* ref: a party's role label; optional display text */
	PACTUM_NODE_TERM_REF,      /* ref: a defined term; optional display text */
	PACTUM_NODE_XREF,          /* ref: "Section 3.2" for a section or clause */
	PACTUM_NODE_EMPHASIS,      /* emphasised text: text and inline children */
	PACTUM_NODE_STRONG,        /* strongly emphasised (bold) text */
	PACTUM_NODE_BREAK,         /* a line break, as in an address */
	PACTUM_NODE_FOOTNOTE,      /* a footnote: text and inline children */
	/* ABI 1.3 */
	PACTUM_NODE_DEFINE,        /* ref: where a term is defined in the
				      text, "(the “Execution Date”)" */
	PACTUM_NODE_PLURAL,        /* count: words whose form follows a count
				      other than the one the unit follows;
				      TEXT and ONE */
	PACTUM_NODE_LAST_ = PACTUM_NODE_PLURAL /* not a kind */
} pactum_node_kind;

typedef enum pactum_attr {
	PACTUM_ATTR_ID = 0,
	PACTUM_ATTR_VERSION,
	PACTUM_ATTR_DOMAIN,      /* gettext text domain of the model */
	PACTUM_ATTR_SOURCE_LANG, /* language the text is written in ("en") */
	PACTUM_ATTR_PREVAILING,  /* language that prevails in bilingual output */
	PACTUM_ATTR_TYPE,        /* parameter type: text, date, money, ... */
	PACTUM_ATTR_REQUIRED,    /* "yes" or "no" */
	PACTUM_ATTR_DEFAULT,
	PACTUM_ATTR_MIN,
	PACTUM_ATTR_MAX,
	PACTUM_ATTR_VALUE,       /* a choice's value; PARAM: an expression
				    that computes it */
	PACTUM_ATTR_IF,          /* condition expression (pactum-model(5)) */
	PACTUM_ATTR_NAME,        /* VAR: parameter; FIELD: field name */
	PACTUM_ATTR_PARTY,       /* FIELD: party id */
	PACTUM_ATTR_REF,         /* PARTY_REF, TERM_REF, XREF: target id */
	PACTUM_ATTR_ORDERED,     /* LIST: "yes" or "no" */
	PACTUM_ATTR_DATE,        /* AGREEMENT: the template's date, YYYY-MM-DD */
	PACTUM_ATTR_OMITTED,     /* AGREEMENT, SECTION, ANNEX: "renumber" or
				    "keep" (left-out parts keep their number) */
	PACTUM_ATTR_NUMBERING,   /* PREAMBLE, ANNEX: upper-alpha, lower-alpha,
				    arabic, upper-roman, none */
	PACTUM_ATTR_SERIES,      /* ANNEX: annex, schedule, exhibit, appendix */
	PACTUM_ATTR_HEADER,      /* ROW: "yes" or "no" */
	PACTUM_ATTR_HREF,        /* INCLUDE: relative path of a model file */
	/* ABI 1.3 */
	PACTUM_ATTR_FORMAT,      /* VAR: how its value shows ("words") */
	PACTUM_ATTR_COUNT,       /* P, ITEM, RECITAL, CELL: the VAR whose value
				    picks the plural form, or "none" */
	PACTUM_ATTR_OVER,        /* REPEAT: the list parameter */
	PACTUM_ATTR_ALL_OF,      /* REQUIRE: names that must all be given */
	PACTUM_ATTR_ONE_OF,      /* REQUIRE: names of which one must be */
	PACTUM_ATTR_COUNT_       /* number of attributes; not an attribute */
} pactum_attr;

/*
 * The model format's names, from the core's table of node kinds, so a
 * reader needs no table of its own and a new kind needs no reader change:
 * the kind an element name stands for ("clause"), or 0 (TEXT is no element:
 * pactum_node_add_text() makes it); the attribute a name stands for
 * ("source-lang"), or PACTUM_ATTR_COUNT_.  Whether a kind may have an
 * attribute, and where it may stand, the check decides.
 */
pactum_node_kind pactum_node_kind_lookup(const char *name);
pactum_attr pactum_attr_lookup(const char *name);
/* Nonzero when nodes of kind may hold text among their children (a
 * paragraph, a title, an emphasis, a note; a WHEN or OTHERWISE, which
 * does inside a sentence); elsewhere white space between elements is
 * layout, and a reader may drop it. */
int pactum_node_kind_holds_text(pactum_node_kind kind);

/* The source position of the model is that of its file name; borrowed. */
const char *pactum_model_file(const pactum_model *model);

/*
 * Create a node and append it as the last child of parent (NULL: make it
 * the root; a model has one root).  Borrowed: owned by the model.
 * Returns NULL when out of memory.
 */
pactum_node *pactum_node_append(pactum_model *model, pactum_node *parent,
				pactum_node_kind kind, uint32_t line,
				uint32_t col);

/* Set an attribute; the value (len bytes, not NUL-terminated) is copied.
 * Returns PACTUM_OK or PACTUM_ENOMEM. */
int pactum_node_set_attr(pactum_model *model, pactum_node *node,
			 pactum_attr attr, const char *value, size_t len);

/*
 * Append literal text as a TEXT child of node.  The text is copied; runs of
 * XML white space are folded to one space when the units are built, so a
 * reader passes text as it found it.  Returns PACTUM_OK or PACTUM_ENOMEM.
 */
int pactum_node_add_text(pactum_model *model, pactum_node *node,
			 const char *text, size_t len, uint32_t line,
			 uint32_t col);

/* ------------------------------------------------------------------ */
/* Deal data, as a reader builds it                                    */
/* ------------------------------------------------------------------ */

typedef struct pactum_data pactum_data;

/*
 * Record a value: name is a parameter id ("territory") or a party field
 * ("reseller.name").  Both strings are copied.  A value from a later
 * source replaces an earlier one (--set overrides --data); the same name
 * twice from one source (pos->file) is an error, reported when the source
 * is done, and the first value is kept.  The core checks names and parses
 * the value by type later, reporting at pos.
 */
int pactum_data_set(pactum_data *data, const char *name, size_t name_len,
		    const char *value, size_t value_len,
		    const pactum_pos *pos);

/*
 * A file of many deals (ABI 1.8), read as a stream so that a batch of
 * 100,000 deals runs in the memory of one: a reader's read_deals pulls
 * the file's bytes with pactum_deals_read() as it parses, never all at
 * once, and for each deal, in file order, takes an empty data set with
 * pactum_deals_begin(), fills it as read_data would, and hands it over
 * with pactum_deals_end().
 */
typedef struct pactum_deals pactum_deals;

/* Up to size bytes of the file, continuing where the last call ended,
 * into buf: *got of them, 0 at the end of the file.  PACTUM_EIO after
 * reporting (to the read_deals diag) a read error. */
int pactum_deals_read(size_t *got, pactum_deals *deals, char *buf,
		      size_t size);
/* A deal starts at pos (its start tag; the file name is the core's):
 * *data is empty and *diag collects the problems of this deal, not of
 * the file; both are borrowed until pactum_deals_end().  A deal with
 * errors in *diag is bad: the program skips it and reads on.
 * PACTUM_EINVAL when a deal is begun and not ended; PACTUM_ENOMEM. */
int pactum_deals_begin(pactum_data **data, pactum_diag **diag,
		       pactum_deals *deals, const pactum_pos *pos);
/* The deal begun is complete, good or bad.  PACTUM_OK to read on;
 * any other status (the program stopped: interrupted, out of memory)
 * is for read_deals to return at once, without reporting it.
 * PACTUM_EINVAL when no deal is begun. */
int pactum_deals_end(pactum_deals *deals);

/* ------------------------------------------------------------------ */
/* The resolved document, as a writer walks it                         */
/* ------------------------------------------------------------------ */

/*
 * A document is a tree of blocks: the agreement after data binding,
 * conditions, numbering and translation.  It holds one rendering per
 * language, in the order the user asked for them; the structure is shared,
 * so block N of the German is block N of the English.
 *
 *   DOCUMENT   title; children META, COVER, PARTIES, PREAMBLE, GLOSSARY,
 *              SECTION ..., SIGNATURES, ANNEX ...
 *   META       content = "Version 2.1 of 1 December 2026" (1.2; only
 *              when the model has a version or a date)
 *   COVER      children PARAGRAPH: a cover page of its own (1.2)
 *   PARTIES    children PARTY
 *   PARTY      id; title = role label; children FIELD
 *   FIELD      id = field name ("name", "address", a declared detail);
 *              title = its label ("Handelsregister", 1.2); content = value.
 *              As the shipped writers show a party: "name" and "address"
 *              without their labels (they are who the party is),
 *              "representative" with its label as words before the value
 *              ("vertreten durch Dr. Jana Weller"), every other field as
 *              "label: value"
 *   PREAMBLE   title (may be NULL); children RECITAL, PARAGRAPH (1.2)
 *   RECITAL    number ("(A)", or NULL when unnumbered); content (1.2)
 *   GLOSSARY   children TERM (in model order)
 *   TERM       id; title = the term; content = its definition
 *   SECTION    id, number; title; children SECTION, CLAUSE, PARAGRAPH,
 *              LIST, TABLE, SIGNATURES
 *   CLAUSE     id, number; title = heading, may be NULL; children
 *              PARAGRAPH, LIST, TABLE
 *   PARAGRAPH  content; children FOOTNOTE
 *   LIST       ordered or not; children ITEM
 *   ITEM       number ("(a)" for ordered lists); content; children LIST,
 *              FOOTNOTE
 *   ANNEX      id, number ("1", "A"); label ("Anlage 1"); title; children
 *              as SECTION, numbered afresh inside (1.2)
 *   TABLE      id; columns; children ROW (1.2)
 *   ROW        header or not; children CELL, as many as columns (1.2)
 *   CELL       content; children FOOTNOTE (1.2)
 *   SIGNATURES children SIGNATURE, one per party (1.2)
 *   SIGNATURE  id = party id; title = role label; content = the party's
 *              legal name; children SIGNATORY (1.2)
 *   SIGNATORY  children FIELD: "place-date", "signature", "name",
 *              "function", each with its label as title; content = the
 *              value, or NULL for a line to fill in by hand (1.2)
 *   FOOTNOTE   number ("1", counted through the document); content; a
 *              child of the block whose content marks it (1.2)
 *
 * An omitted SECTION, CLAUSE or ANNEX that keeps its number
 * (pactum_block_omitted()) has no children and "[intentionally omitted]"
 * as its title.
 *
 * Rules for what a writer does not know, since later minor versions add
 * both: it skips a block kind it does not know, with its children; it
 * prints the text of a run kind it does not know as plain text (a run
 * that only marks a place, as EMPH_BEGIN does, has empty text).
 */
typedef struct pactum_doc pactum_doc;
typedef struct pactum_block pactum_block;
typedef struct pactum_run pactum_run;

typedef enum pactum_block_kind {
	PACTUM_BLOCK_DOCUMENT = 1,
	PACTUM_BLOCK_PARTIES,
	PACTUM_BLOCK_PARTY,
	PACTUM_BLOCK_FIELD,
	PACTUM_BLOCK_GLOSSARY,
	PACTUM_BLOCK_TERM,
	PACTUM_BLOCK_SECTION,
	PACTUM_BLOCK_CLAUSE,
	PACTUM_BLOCK_PARAGRAPH,
	PACTUM_BLOCK_LIST,
	PACTUM_BLOCK_ITEM,
	/* ABI 1.2 */
	PACTUM_BLOCK_META,
	PACTUM_BLOCK_COVER,
	PACTUM_BLOCK_PREAMBLE,
	PACTUM_BLOCK_RECITAL,
	PACTUM_BLOCK_ANNEX,
	PACTUM_BLOCK_TABLE,
	PACTUM_BLOCK_ROW,
	PACTUM_BLOCK_CELL,
	PACTUM_BLOCK_SIGNATURES,
	PACTUM_BLOCK_SIGNATURE,
	PACTUM_BLOCK_SIGNATORY,
	PACTUM_BLOCK_FOOTNOTE
} pactum_block_kind;

/*
 * Runs are the inline content of a title or a content, one language at a
 * time: a linked list, walked with pactum_run_next().  Every run has text
 * to show, already formatted and translated; the kinds besides TEXT say
 * what the text stands for, so a writer can link or mark it.
 */
typedef enum pactum_run_kind {
	PACTUM_RUN_TEXT = 1,    /* plain text */
	PACTUM_RUN_VALUE,       /* a parameter or party field value; ref = its name */
	PACTUM_RUN_PARTY,       /* a party's role label; ref = party id */
	PACTUM_RUN_TERM,        /* a defined term; ref = term id */
	PACTUM_RUN_XREF,        /* "Section 3.2", "Annex 2"; ref = id of the
				   target; pactum_run_block() = its block */
	PACTUM_RUN_EMPH_BEGIN,  /* start of emphasis; text is empty */
	PACTUM_RUN_EMPH_END,    /* end of emphasis; text is empty */
	PACTUM_RUN_UNTRANSLATED, /* before ABI 1.5 only (see
				   pactum_run_untranslated()): draft text in
				   the source language, of any kind */
	/* ABI 1.2 */
	PACTUM_RUN_STRONG_BEGIN, /* start of strong emphasis; text is empty */
	PACTUM_RUN_STRONG_END,   /* end of strong emphasis; text is empty */
	PACTUM_RUN_BREAK,        /* a line break; text is one space, which is
				    what a writer that cannot break shows */
	PACTUM_RUN_FOOTNOTE      /* a footnote's mark; text = its number ("1");
				    pactum_run_block() = the FOOTNOTE block */
} pactum_run_kind;

/* All results below are borrowed from the document. */
size_t pactum_doc_lang_count(const pactum_doc *doc);
/* Language tag ("de", "en", "de-AT": BCP 47, as xml:lang and HTML's lang
 * take it) of rendering i, i < pactum_doc_lang_count(). */
const char *pactum_doc_lang(const pactum_doc *doc, size_t i);
/* ABI 1.6.  The locale of rendering i as a BCP 47 tag with its region
 * ("de-DE", "de-AT", "en-GB"): the CLDR locale whose numbers and dates the
 * text follows, for what wants a region, as a spell-checker's or a
 * hyphenator's language (DOCX's w:lang); NULL for i out of range. */
const char *pactum_doc_locale(const pactum_doc *doc, size_t i);
/* The language the model is written in ("en"): the language of
 * PACTUM_RUN_UNTRANSLATED text. */
const char *pactum_doc_source_lang(const pactum_doc *doc);
/* Index of the prevailing language among the renderings; 0 if it is not
 * one of them.  Deprecated: use pactum_doc_prevails(), which tells
 * the two apart. */
size_t pactum_doc_prevailing(const pactum_doc *doc);
/* ABI 1.5.  The index of the prevailing language among the renderings in
 * *out and PACTUM_OK; PACTUM_ENOTFOUND when it is not rendered (a German
 * translation of an English-prevailing agreement says so in its language
 * clause, and no column or part of it is the one that prevails). */
int pactum_doc_prevails(size_t *out, const pactum_doc *doc);
/* ABI 1.5.  The model's id ("software-reseller"): safe as an XML id and a
 * file name. */
const char *pactum_doc_id(const pactum_doc *doc);
/* ABI 1.2: the model's version ("2.1") and date ("2026-12-01"), as
 * written, or NULL.  The META block has them formatted per language. */
const char *pactum_doc_version(const pactum_doc *doc);
const char *pactum_doc_date(const pactum_doc *doc);
const pactum_block *pactum_doc_root(const pactum_doc *doc);
/* ABI 1.5.  The block with this id that a cross-reference can point at (a
 * SECTION, CLAUSE, ANNEX, RECITAL or ITEM), or NULL; constant time. */
const pactum_block *pactum_doc_find(const pactum_doc *doc, const char *id);
/* ABI 1.6.  The glossary's entry (a TERM block) for the defined term with
 * this id, which TERM runs name in their ref; NULL when the glossary has
 * none, and the text defines the term where it is first used.  Constant
 * time. */
const pactum_block *pactum_doc_term(const pactum_doc *doc, const char *id);

/* ABI 1.4: the words a writer prints around the document's own, in the
 * language of rendering lang, from pactum's "pactum-words" catalogs (never
 * a table in a writer: a language is a catalog). */
typedef enum pactum_label {
	PACTUM_LABEL_LANGUAGE = 0,  /* the language's own name ("Deutsch"),
				       over its column */
	PACTUM_LABEL_PARTIES,       /* headings: "Vertragsparteien" */
	PACTUM_LABEL_DEFINITIONS,   /* "Begriffsbestimmungen" */
	PACTUM_LABEL_SIGNATURES,    /* "Unterschriften" */
	PACTUM_LABEL_OPEN_QUOTE,    /* the quotation marks of a defined */
	PACTUM_LABEL_CLOSE_QUOTE,   /* term: "„" and "“" */
	/* ABI 1.5 */
	PACTUM_LABEL_FOOTNOTES,     /* "Fußnoten", over notes gathered at
				       the end */
	PACTUM_LABEL_PREVAILING,    /* "maßgebliche Fassung", beside the
				       language's name when it prevails */
	/* ABI 1.6 */
	PACTUM_LABEL_PAGE,          /* "Seite {page} von {pages}": a page
				       footer; a writer puts its page number
				       and page count where the two
				       placeholders stand */
	PACTUM_LABEL_COUNT_
} pactum_label;
/* Label which in rendering lang; "" for an index out of range. */
const char *pactum_doc_label(const pactum_doc *doc, size_t lang,
			     pactum_label which);

pactum_block_kind pactum_block_kind_of(const pactum_block *block);
const pactum_block *pactum_block_first_child(const pactum_block *block);
const pactum_block *pactum_block_next(const pactum_block *block);
/* The model's id, or NULL.  Safe as an XML id and a file name. */
const char *pactum_block_id(const pactum_block *block);
/* The computed number ("3", "3.2", "(a)"), or NULL when unnumbered. */
const char *pactum_block_number(const pactum_block *block);
/* Nonzero for an ordered LIST. */
int pactum_block_ordered(const pactum_block *block);
/* ABI 1.2.  How a heading shows the number, in rendering lang: an
 * ANNEX's "Anlage 1" / "Annex 1"; NULL for other blocks. */
const char *pactum_block_label(const pactum_block *block, size_t lang);
/* ABI 1.2.  Nonzero for a ROW of column headings. */
int pactum_block_header(const pactum_block *block);
/* ABI 1.2.  The number of columns of a TABLE (every ROW has as many
 * cells); 0 for other blocks. */
size_t pactum_block_columns(const pactum_block *block);
/* ABI 1.2.  Nonzero for a SECTION, CLAUSE or ANNEX that this deal leaves
 * out but that keeps its number (the model says omitted="keep"). */
int pactum_block_omitted(const pactum_block *block);
/* ABI 1.5.  Where the block comes from in the model (file, line,
 * column), for a writer's diagnostics; all zero for blocks the core makes
 * (the parties, the glossary, a party's fields). */
pactum_pos pactum_block_pos(const pactum_doc *doc,
			    const pactum_block *block);
/* First run of the title / content in rendering lang, or NULL if none. */
const pactum_run *pactum_block_title(const pactum_block *block, size_t lang);
const pactum_run *pactum_block_content(const pactum_block *block,
				       size_t lang);

const pactum_run *pactum_run_next(const pactum_run *run);
/* ABI 1.6.  Nonzero when two lists of runs read the same: the same kinds
 * and texts, in the same order (a label every language writes alike, to
 * print once). */
int pactum_runs_equal(const pactum_run *a, const pactum_run *b);
pactum_run_kind pactum_run_kind_of(const pactum_run *run);
/* UTF-8 text, not NUL-terminated; *len receives its length in bytes.
 * Always valid UTF-8 without control characters. */
const char *pactum_run_text(const pactum_run *run, size_t *len);
/* The id the run refers to, or NULL for TEXT and emphasis runs. */
const char *pactum_run_ref(const pactum_run *run);
/* ABI 1.2.  The block a run stands for: an XREF's target, a FOOTNOTE's
 * block; NULL for other runs. */
const pactum_block *pactum_run_block(const pactum_run *run);
/* ABI 1.5.  Nonzero for draft text (pactum render --draft): words in the
 * source language (pactum_doc_source_lang()) standing in for a missing
 * translation, of the sentence or of the term, role or choice label the
 * run shows.  A writer marks the whole title or content that holds one, so
 * that no reader takes any of it for the translation. */
int pactum_run_untranslated(const pactum_run *run);

/* ABI 1.5.  The type of a value a VALUE run shows. */
typedef enum pactum_value_type {
	PACTUM_VALUE_TEXT = 1,
	PACTUM_VALUE_DATE,     /* "2027-01-15" */
	PACTUM_VALUE_MONEY,    /* "10000.50 EUR": amount, space, ISO 4217 */
	PACTUM_VALUE_NUMBER,   /* "1234.5" */
	PACTUM_VALUE_PERCENT,  /* "12.5" (for 12.5 %) */
	PACTUM_VALUE_INTEGER,  /* "-12" */
	PACTUM_VALUE_DURATION, /* "30d", "2w", "3m", "1y" */
	PACTUM_VALUE_BOOLEAN,  /* "yes" or "no" */
	PACTUM_VALUE_CHOICE,   /* the choice's value ("exclusive"), not its
				  label */
	PACTUM_VALUE_COUNTRY   /* ABI 1.7: an ISO 3166-1 code, "AT" */
} pactum_value_type;
/* ABI 1.5.  What a VALUE run shows, language-free: its type in *type and
 * its canonical form in *canonical (as a deal writes it, shown above;
 * borrowed from the document), for a writer that tags or links values
 * (an HTML data attribute, a DOCX field).  PACTUM_ENOTFOUND for other
 * runs.  A party field ("reseller.address") has the type its model
 * declares, TEXT by default. */
int pactum_run_value(pactum_value_type *type, const char **canonical,
		     const pactum_run *run);

/* ------------------------------------------------------------------ */
/* Writer options and the output sink                                  */
/* ------------------------------------------------------------------ */

typedef struct pactum_options pactum_options;

/* Bilingual arrangement.  Writers treat a one-language document alike
 * under every layout. */
typedef enum pactum_layout {
	PACTUM_LAYOUT_PARALLEL = 0,   /* side by side, clause by clause */
	PACTUM_LAYOUT_INTERLEAVED,    /* each clause in every language in turn */
	PACTUM_LAYOUT_SEQUENTIAL      /* the whole document, then the next language */
} pactum_layout;

/* The layout asked for; PARALLEL when none was. */
pactum_layout pactum_options_layout(const pactum_options *opts);
/* ABI 1.5.  Nonzero when the user chose the layout (--layout), so that a
 * writer that cannot do parallel columns knows whether to fall back to
 * its own choice silently or to warn. */
int pactum_options_layout_given(const pactum_options *opts);
/*
 * A writer option given as --option KEY=VALUE (or by a dedicated flag:
 * --width sets "width").  Borrowed; NULL when not given.
 */
const char *pactum_options_get(const pactum_options *opts, const char *key);
/*
 * The option as an unsigned number in [min, max], or def when not given.
 * Returns PACTUM_EINPUT (and reports it) when given but malformed or out of
 * range.
 */
int pactum_options_get_uint(unsigned *out, const pactum_options *opts,
			    const char *key, unsigned def, unsigned min,
			    unsigned max, pactum_diag *diag);

/*
 * Where a writer's bytes go.  The core buffers them and commits the whole
 * output only after the writer returned PACTUM_OK, so a writer that fails
 * half-way leaves nothing behind.  Both return PACTUM_OK or PACTUM_ENOMEM.
 */
typedef struct pactum_sink pactum_sink;
int pactum_sink_write(pactum_sink *sink, const char *bytes, size_t len);
int pactum_sink_puts(pactum_sink *sink, const char *s);
/* ABI 1.6.  Text as XML or HTML character data, safe also as a
 * double-quoted attribute value: &, <, > and " as entities, and control
 * characters other than tab and newline dropped (XML 1.0 cannot carry
 * them; the core hands over none, but text of other origin may). */
int pactum_sink_put_escaped(pactum_sink *sink, const char *text,
			    size_t len);
/* Owned: an empty sink, for a writer that builds output of its own in
 * memory (the members of an archive, a file another program reads);
 * release with pactum_sink_free().  (ABI 1.6 for writers; the program's
 * side had them before.)  PACTUM_OK or PACTUM_ENOMEM. */
int pactum_sink_new(pactum_sink **out);
void pactum_sink_free(pactum_sink *sink);
/* The bytes written so far; borrowed until the next write. */
const char *pactum_sink_data(const pactum_sink *sink, size_t *len);

/* ------------------------------------------------------------------ */
/* The descriptor                                                      */
/* ------------------------------------------------------------------ */

typedef enum pactum_plugin_kind {
	PACTUM_PLUGIN_READER = 1,
	PACTUM_PLUGIN_WRITER = 2,
	PACTUM_PLUGIN_TRANSFORM = 3
} pactum_plugin_kind;

/*
 * Reader: read_model fills the empty model from the bytes of one file,
 * reporting every problem it finds to diag; read_data does the same for a
 * deal-data file.  The core has read the file, with a size cap; path names
 * it for diagnostics only.  Return PACTUM_OK, PACTUM_EINPUT after
 * reporting, or PACTUM_ENOMEM.  After PACTUM_EINPUT the core checks what
 * was built, so that one run reports everything; a reader that builds as
 * it parses and finds the file unreadable as a whole (not well-formed XML,
 * say) returns PACTUM_EIO after reporting instead (ABI 1.9): the core then
 * discards what was built, checks nothing and reports an input error.
 */
typedef int (*pactum_read_model_fn)(pactum_model *model, const char *path,
				    const char *bytes, size_t len,
				    pactum_diag *diag);
typedef int (*pactum_read_data_fn)(pactum_data *data, const char *path,
				   const char *bytes, size_t len,
				   pactum_diag *diag);
/* Reader, ABI 1.8, optional: the deals of a file of many, streamed
 * (pactum_deals_read() and the functions beside it).  A file of one deal
 * is a file of many with one.  diag is for the problems of the file as a
 * whole (not well-formed, a wrong root): a file that breaks off ends the
 * stream there.  Return PACTUM_OK, PACTUM_EINPUT after reporting,
 * PACTUM_EIO, PACTUM_ENOMEM, or what pactum_deals_end() returned. */
typedef int (*pactum_read_deals_fn)(pactum_deals *deals, const char *path,
				    pactum_diag *diag);
/* Writer: write the document to the sink.  Same return values. */
typedef int (*pactum_write_fn)(pactum_sink *sink, const pactum_doc *doc,
			       const pactum_options *opts, pactum_diag *diag);
/* Transform: change the document in place (reserved). */
typedef int (*pactum_transform_fn)(pactum_doc *doc, pactum_diag *diag);

/* What an option's value may be. */
typedef enum pactum_option_type {
	PACTUM_OPTION_UINT = 1, /* a whole number from min to max */
	PACTUM_OPTION_CHOICE,   /* one of choices, compared ignoring ASCII case */
	PACTUM_OPTION_BOOL,     /* "yes" or "no" */
	PACTUM_OPTION_STRING    /* any text */
} pactum_option_type;

/*
 * One option a writer takes (--option NAME=VALUE, or a flag of the pactum
 * command that sets it: --width sets "width").  A writer lists them in its
 * descriptor, ending with an entry whose name is NULL; the core refuses an
 * option the writer does not declare, or a value that does not fit, as a
 * command-line error naming the writer, before the writer runs.  The
 * writer reads them with pactum_options_get() and may rely on that check.
 */
typedef struct pactum_option_spec {
	const char *name;           /* [a-z0-9-]{1,32} */
	pactum_option_type type;
	unsigned min, max;          /* PACTUM_OPTION_UINT */
	const char *const *choices; /* PACTUM_OPTION_CHOICE: NULL-terminated */
	const char *help;           /* one line, English: what it does */
} pactum_option_spec;

typedef struct pactum_plugin_desc {
	uint16_t abi_major;      /* PACTUM_PLUGIN_ABI_MAJOR */
	uint16_t abi_minor;      /* PACTUM_PLUGIN_ABI_MINOR */
	pactum_plugin_kind kind;
	const char *name;        /* [a-z0-9-]{1,32}, unique among plugins */
	const char *version;     /* the plugin's own version */
	const char *description; /* one line, English */
	/* Readers: file name suffixes they read, e.g. "xml"; NULL-terminated.
	 * Writers, ABI 1.8, optional: the suffix of the files they write,
	 * first ("docx"); without it, programs use the writer's name. */
	const char *const *suffixes;
	pactum_read_model_fn read_model;  /* readers: required */
	pactum_read_data_fn read_data;    /* readers: optional */
	pactum_write_fn write;            /* writers: required */
	pactum_transform_fn transform;    /* transforms: required */
	/* Writers, ABI 1.1: the options taken, ended by a NULL name; NULL
	 * for none.  (In ABI 1.0 this was the first reserved slot.) */
	const pactum_option_spec *options;
	/* Readers, ABI 1.8: optional; without it a deal-data file holds
	 * one deal, read whole by read_data.  (The first reserved slot of
	 * ABI 1.7.) */
	pactum_read_deals_fn read_deals;
	void *reserved[6];                /* must be NULL */
} pactum_plugin_desc;

/*
 * Declare a plugin's descriptor, once, at file scope, in C or C++; the
 * arguments name the descriptor's fields in order, and the rest are NULL:
 *
 *   PACTUM_WRITER_DEFINE(name, version, description, write, options);
 *   PACTUM_WRITER_DEFINE_SUFFIXES(name, version, description, suffixes,
 *                                 write, options);
 *   PACTUM_READER_DEFINE(name, version, description, suffixes,
 *                        read_model, read_data);
 *   PACTUM_READER_DEFINE_DEALS(name, version, description, suffixes,
 *                              read_model, read_data, read_deals);
 *   PACTUM_TRANSFORM_DEFINE(name, version, description, transform);
 *
 * e.g.  PACTUM_WRITER_DEFINE("markdown", "1.0", "CommonMark and GFM",
 *                            md_write, md_options);
 *
 * The descriptor gets C linkage and default visibility (a C++ const at
 * namespace scope would otherwise have internal linkage, and the loader
 * would not find it).
 */
#ifdef __cplusplus
#define PACTUM_PLUGIN_LINKAGE_ extern "C" PACTUM_EXPORT
#else
#define PACTUM_PLUGIN_LINKAGE_ extern PACTUM_EXPORT
#endif
#define PACTUM_PLUGIN_DESC_(kind, name, version, description, suffixes, \
			    read_model, read_data, write, transform, options, \
			    read_deals) \
	PACTUM_PLUGIN_LINKAGE_ const pactum_plugin_desc \
		pactum_plugin_descriptor; \
	const pactum_plugin_desc pactum_plugin_descriptor = { \
		PACTUM_PLUGIN_ABI_MAJOR, PACTUM_PLUGIN_ABI_MINOR, kind, name, \
		version, description, suffixes, read_model, read_data, write, \
		transform, options, read_deals, \
		{ NULL, NULL, NULL, NULL, NULL, NULL } }
#define PACTUM_WRITER_DEFINE(name, version, description, write, options) \
	PACTUM_PLUGIN_DESC_(PACTUM_PLUGIN_WRITER, name, version, description, \
			    NULL, NULL, NULL, write, NULL, options, NULL)
#define PACTUM_WRITER_DEFINE_SUFFIXES(name, version, description, \
				      suffixes, write, options) \
	PACTUM_PLUGIN_DESC_(PACTUM_PLUGIN_WRITER, name, version, description, \
			    suffixes, NULL, NULL, write, NULL, options, NULL)
#define PACTUM_READER_DEFINE(name, version, description, suffixes, \
			     read_model, read_data) \
	PACTUM_PLUGIN_DESC_(PACTUM_PLUGIN_READER, name, version, description, \
			    suffixes, read_model, read_data, NULL, NULL, NULL, \
			    NULL)
#define PACTUM_READER_DEFINE_DEALS(name, version, description, suffixes, \
				   read_model, read_data, read_deals) \
	PACTUM_PLUGIN_DESC_(PACTUM_PLUGIN_READER, name, version, description, \
			    suffixes, read_model, read_data, NULL, NULL, NULL, \
			    read_deals)
#define PACTUM_TRANSFORM_DEFINE(name, version, description, transform) \
	PACTUM_PLUGIN_DESC_(PACTUM_PLUGIN_TRANSFORM, name, version, \
			    description, NULL, NULL, NULL, NULL, transform, \
			    NULL, NULL)

#ifdef __cplusplus
}
#endif

#endif /* PACTUM_PLUGIN_H */
