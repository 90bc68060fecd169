/*
 * text.h — the text writer's own header, shared by its source files and
 * by nothing else: the plugin exports only its descriptor.
 *
 *   width.c   UTF-8, display widths, buffers, lines, table columns
 *   wrap.c    word wrapping: where a word may break, filling the lines
 *   hyphen.c  hyphenation points from libhyphen's patterns
 *   render.c  one unit (title, party, clause ...) in one language
 *   encode.c  the output charset: transliteration and what it lacks
 *   layout.c  the bilingual layouts and the output lines
 *   text.c    the descriptor, options and the walk of the document
 *   charset.c the charsets' tables and iconv (see charset.h)
 *
 * What a function promises is said where it is defined.
 */
#ifndef PACTUM_TEXT_TEXT_H
#define PACTUM_TEXT_TEXT_H

#include <libintl.h>
#include <stddef.h>
#include <stdint.h>

#include <pactum/plugin.h>

#include "charset.h"

#define _(s) dgettext(PACKAGE, s)

#define MIN_COLUMN 8   /* narrowest parallel column we accept */
#define MAX_BAD 16     /* characters the charset lacks we name, at most */

/* ------------------------------------------------------ width.c ------ */

/* Decode one character into *cp; returns its length in bytes (1 for a
 * stray byte, as U+FFFD). */
size_t text_utf8_next(uint32_t *cp, const char *str, size_t len);

/* The display width of code point cp / of len bytes of UTF-8 at s, in
 * cells (a soft hyphen has none). */
unsigned text_cp_width(uint32_t cp);
unsigned text_str_width(const char *s, size_t len);

/* A growable byte string.  Out of memory is sticky (oom) and checked once
 * per block, which keeps the layout code free of error paths. */
struct buf {
	char *ptr;
	size_t len, cap;
	int oom;
};

void text_buf_put(struct buf *b, const char *s, size_t len);
void text_buf_puts(struct buf *b, const char *s);
void text_buf_repeat(struct buf *b, char c, unsigned n);
void text_buf_free(struct buf *b);

/* One block rendered in one language: lines without newlines, kept in
 * one byte string. */
struct line {
	size_t off, len;
	unsigned width; /* in display cells */
};

struct lines {
	struct buf bytes;
	struct line *v;
	size_t n, cap;
	size_t start; /* where the line being built starts in bytes */
	int oom;
};

void text_lines_clear(struct lines *ls);
int text_lines_failed(const struct lines *ls);
/* Begin a line at the end of ls's bytes; end it width cells wide. */
void text_lines_start(struct lines *ls);
void text_lines_end(struct lines *ls, unsigned width);
void text_lines_rule(struct lines *ls, unsigned pad, char c, unsigned n);
void text_lines_free(struct lines *ls);

/* ------------------------------------------------------ wrap.c ------- */

/* Parts of a unit's text that break otherwise than its words: draft text
 * in the source language, a value (never hyphenated), a defined term in
 * its quotes (hyphenated only when it does not fit on a line alone).
 * Byte ranges of the text, in order, not overlapping. */
enum span_kind { SPAN_SOURCE, SPAN_KEEP, SPAN_TERM };

struct span {
	size_t start, end;
	enum span_kind kind;
};

struct spans {
	struct span *v;
	size_t n, cap;
	int oom;
};

/* How the words of a text may be hyphenated. */
struct hyph {
	int on;                   /* -O hyphenate=yes */
	const char *tag;          /* the text's language: "de-DE" */
	const char *source;       /* draft text's: "en" */
	const struct spans *spans;
};

/* Wrap text into out, at most width cells a line, with a hanging indent
 * after the label; hy NULL: words break at spaces only. */
void text_wrap_text(struct lines *out, unsigned width, unsigned indent,
		    const char *label, unsigned label_gap, const char *text,
		    size_t len, const struct hyph *hy);

/* ------------------------------------------------------ hyphen.c ----- */

#define HYPH_MAX_WORD 128 /* bytes: longer runs of letters never hyphenate */

/* Where a word may break (wrap.c, hyphen.c): before byte i of it. */
enum text_break {
	BREAK_NONE = 0,
	BREAK_SYLLABLE, /* where the patterns allow: a hyphen is added */
	BREAK_HYPHEN,   /* after the word's own hyphen: nothing added */
	BREAK_SOFT,     /* at a soft hyphen (U+00AD), which shows as '-' */
	BREAK_LOOSE     /* as SYLLABLE, but near an end of the word: only
			   where the word would be cut otherwise */
};

/* Mark where the patterns of tag let word s (len bytes) break: 1 when
 * they were applied, 0 when there are none for it, -1 out of memory. */
int text_hyphenate(unsigned char *marks, const char *tag, const char *s,
		   size_t len);

unsigned text_centre_lines(struct lines *out, const struct lines *src,
			   unsigned width);

/* Append a finished line (no newline) width cells wide; "" is a blank
 * line. */
void text_lines_add(struct lines *ls, const char *s, size_t len,
		    unsigned width);

/* Tables: a text's widest word and widest unwrapped line, and column
 * widths fitted to avail cells (scratch: n entries). */
void text_measure(const char *text, size_t len, unsigned *word,
		  unsigned *line);
int text_fit_columns(unsigned *colw, const unsigned *word,
		     const unsigned *line, unsigned *scratch, size_t n,
		     unsigned avail, unsigned least);

/* ------------------------------------------------------ the writer --- */

/* What is laid out as one piece: the versions of one in every language
 * start on the same line in parallel layout. */
enum unit_kind {
	UNIT_HEADER,      /* parallel layout: the language of each column */
	UNIT_TITLE,       /* the document's title */
	UNIT_FRONT,       /* "Parties" or "Definitions" */
	UNIT_PARTY,       /* role label and fields */
	UNIT_TERM,        /* one definition */
	UNIT_HEADING,     /* a section's number and title */
	UNIT_CLAUSE_HEADING, /* a clause's number and heading */
	UNIT_TEXT,        /* a paragraph or item, maybe after a number */
	UNIT_CENTRED,     /* the version line, a cover paragraph */
	UNIT_RULE,        /* the separator after the cover */
	UNIT_TABLE,       /* a table, with its rows */
	UNIT_SIGNATURE    /* one party's signature block */
};

enum front { FRONT_PARTIES, FRONT_DEFINITIONS };

struct unit {
	enum unit_kind kind;
	const pactum_block *block; /* NULL for HEADER, FRONT, a bare number */
	const char *label;         /* TEXT: "1.2", "(a)", "-"; or NULL */
	unsigned label_gap;        /* spaces after the label */
	unsigned indent;
	unsigned gap;              /* blank lines before */
	enum front front;
};

struct writer {
	pactum_sink *sink;
	const pactum_doc *doc;
	pactum_layout layout;
	size_t nlangs;
	int single;            /* render only language `lang` */
	int joined;            /* a signature block, once for all languages:
				  labels "Ort, Datum / Place, date" */
	size_t lang;
	unsigned width;
	unsigned margin;       /* interleaved: cells taken by the tags */
	unsigned *colw;        /* owned: [nlangs] parallel column widths */
	struct lines *col;     /* owned: [nlangs] the unit per language */
	struct lines tmp;      /* owned: scratch for centring */
	struct buf text;       /* owned: the words being wrapped */
	struct buf row;        /* owned: one output line being assembled */
	struct buf label;      /* owned: an annex's heading label */
	struct buf cellrow;    /* owned: one table line being assembled */
	struct lines *cells;   /* owned: [ncells] a table row's cells */
	size_t ncells;
	unsigned *tabw;        /* owned: [4 * ncells] column measures */
	int started;           /* a line has been written */
	int marks;             /* emphasis as *...*, else as the words */
	int hyphenate;         /* -O hyphenate (wrap.c) */
	struct spans spans;    /* owned: what of w->text breaks otherwise */
	pactum_diag *diag;
	/* charset conversion */
	const struct charset *cs;
	int translit;          /* replace what cs lacks from our table */
	int nbsp_space;        /* write U+00A0 as a space (cs lacks it) */
	struct buf out;        /* owned: the whole output, in UTF-8 */
	struct buf xtext;      /* owned: w->text transliterated */
	struct buf xlabel;     /* owned: a label transliterated, NUL-ended */
	/* where we are, for messages */
	const struct unit *unit;
	size_t unit_lang;
	const pactum_block *section, *clause;
	uint32_t bad[MAX_BAD]; /* characters cs lacks, each named once */
	unsigned nbad;
	int bad_more;          /* more than MAX_BAD of them */
};

/* ------------------------------------------------------ render.c ----- */

/* Unit u in language lang, width cells wide, into out (cleared first). */
int text_render(struct writer *w, struct lines *out, const struct unit *u,
		size_t lang, unsigned width);

/* The quotes of language lang as the charset can write them: its own,
 * else German „…“ as »…«, else '"'; borrowed, static or the document's. */
void text_quotes(const struct writer *w, size_t lang, const char **open,
		 const char **close);

/* ------------------------------------------------------ encode.c ----- */

/* Append text to dst as it will be written in the charset, reporting
 * what the charset lacks. */
void text_encode(struct writer *w, struct buf *dst, const char *s,
		 size_t len);

/* w->out to the sink, in the charset. */
int text_write_out(struct writer *w);

/* ------------------------------------------------------ layout.c ----- */

/* Add one line and a newline to the output. */
int text_put_line(struct writer *w, const char *s, size_t len);

/* Lay out unit u in every language, as the layout wants, and write it. */
int text_emit(struct writer *w, const struct unit *u);

/* Before walking: the interleaved tags' margin, the parallel columns. */
void text_plan_margin(struct writer *w);
int text_plan_columns(struct writer *w, pactum_diag *diag);

/* The sequential layout: the whole document in each language in turn. */
int text_write_languages_in_turn(struct writer *w, const pactum_block *root);

/* ------------------------------------------------------ text.c ------- */

/* Lay out and write the document from the title to the last clause. */
int text_walk_document(struct writer *w, const pactum_block *root);

#endif /* PACTUM_TEXT_TEXT_H */
