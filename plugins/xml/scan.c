/*
 * The checks before libxml2 sees a byte, as one scanner that takes the
 * input in pieces of any size: a file read whole passes it all at once, a
 * stream of deals chunk by chunk as the read callback pulls it, and both
 * get the same verdict at the same position (state is kept across
 * pieces: inside a comment, PI, CDATA section, tag or quoted value, a
 * partial UTF-8 sequence, a partial end marker, the file's first bytes).
 *
 * It refuses what libxml2 would report misleadingly or handle in
 * super-linear time:
 *  - UTF-16 and EBCDIC (libxml2 says "Document is empty" under forced
 *    UTF-8), NUL bytes and malformed UTF-8 (a two-line message), each with
 *    line and column;
 *  - a declared encoding other than UTF-8, which forcing UTF-8 would
 *    override without a word;
 *  - start tags with more than MAX_SCANNED_ATTRS attributes: libxml2
 *    2.9.14 checks them for duplicates in quadratic time.  Each '=' outside
 *    quoted values in a tag starts one; comments, CDATA sections and
 *    processing instructions are skipped, so neither a '>' inside a value
 *    nor a line of '=' in a comment misleads the count;
 *  - more than MAX_ELEMENTS elements;
 *  - elements more than MAX_DEPTH below the root: the reader would drop
 *    the deeper ones and read on, and the check then reported the
 *    shallower ones as empty, before the real reason;
 *  - a text of more than MAX_TEXT bytes between two tags (comments, PIs
 *    and CDATA sections in it count as text): libxml2's own limit on a
 *    text node is enforced only when the input goes through an encoding
 *    converter, and there it is a limit on how far the parser looks ahead
 *    that refused files over 10 MB at random places;
 *  - a DOCTYPE, before libxml2 parses a byte of it (it could define
 *    entities).
 * In a stream of deals the element cap and a byte cap of PACTUM_MAX_INPUT
 * apply to each deal (from each <deal> start tag under a <deals> root), not
 * to the file; and the position of every start tag is kept, since libxml2
 * keeps no columns and no line past 65535 on an element.
 */
#include "config.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <pactum/pactum.h>

#include "xml.h"

#define MAX_SCANNED_ATTRS (2 * MAX_ATTRS)
/* Each element costs libxml2 and the core a few hundred bytes: without a
 * cap, 64 MiB of "<em/>" would take 6 GB.  Ten times the largest
 * agreement anyone writes. */
#define MAX_ELEMENTS 1000000ul
/* bytes, as libxml2's XML_MAX_TEXT_LENGTH */
#define MAX_TEXT 10000000ull

enum { S_TEXT, S_LT, S_BANG, S_TAG, S_QUOTE, S_COMMENT, S_PI, S_CDATA };

static int fail(struct xml_scan *s, unsigned long long at, uint32_t line,
		uint32_t col, const char *fmt, ...) PACTUM_PRINTF(5, 6);

/* Report, and stop: the bytes from at on never reach libxml2. */
static int fail(struct xml_scan *s, unsigned long long at, uint32_t line,
		uint32_t col, const char *fmt, ...)
{
	pactum_pos pos = { s->src->path, line, col };
	va_list ap;

	s->failed = 1;
	s->fail_at = at;
	s->src->errors++;
	va_start(ap, fmt);
	if (pactum_diag_vreport(s->src->diag, PACTUM_ERROR, &pos, fmt, ap) !=
	    PACTUM_OK)
		s->src->nomem = 1;
	va_end(ap);
	return 1;
}

void xml_scan_init(struct xml_scan *s, struct source *src,
		   enum xml_scan_mode mode)
{
	memset(s, 0, sizeof(*s));
	s->src = src;
	s->stream = mode == XML_SCAN_STREAM;
	s->keep_spots = mode != XML_SCAN_FILE;
	s->line = s->col = 1;
	s->text_line = s->text_col = 1;
}

void xml_scan_free(struct xml_scan *s)
{
	pactum_free(s->spots);
	s->spots = NULL;
}

unsigned long long xml_scan_released(const struct xml_scan *s)
{
	if (s->failed)
		return s->fail_at;
	return s->head_done ? s->off : 0;
}

const struct xml_spot *xml_scan_next_spot(struct xml_scan *s)
{
	return s->spot_first < s->spot_count ? &s->spots[s->spot_first++]
					     : NULL;
}

/* ------------------------------------------------------ the first bytes */

/* The encoding the XML declaration names, if any, into name (at most
 * size - 1 bytes; longer names are cut, and refused all the same). */
static int declared_encoding(char *name, size_t size, const char *p,
			     size_t len)
{
	const char *end, *e;
	size_t n;
	char q;

	if (len < 6 || memcmp(p, "<?xml", 5) != 0)
		return 0;
	end = memchr(p, '>', len);
	if (end == NULL)
		return 0;
	for (e = p; e + 8 < end && memcmp(e, "encoding", 8) != 0; e++)
		;
	if (e + 8 >= end)
		return 0;
	for (e += 8; e < end && (*e == ' ' || *e == '='); e++)
		;
	if (e >= end || (*e != '"' && *e != '\''))
		return 0;
	q = *e++;
	for (n = 0; e + n < end && e[n] != q; n++)
		;
	if (n >= size)
		n = size - 1;
	memcpy(name, e, n);
	name[n] = '\0';
	return 1;
}

/* Enough of the file's start to judge its encoding: the XML declaration
 * up to its '>', if it starts with one (a longer one is judged on its
 * first XML_SCAN_HEAD bytes). */
static int head_complete(const struct xml_scan *s)
{
	return s->head_len == XML_SCAN_HEAD ||
	       (s->head_len >= 6 && memcmp(s->head, "<?xml", 5) != 0) ||
	       memchr(s->head, '>', s->head_len) != NULL;
}

static int judge_head(struct xml_scan *s)
{
	const unsigned char *u = s->head;
	char enc[64];

	s->head_done = 1;
	if (s->head_len >= 2 && ((u[0] == 0xfe && u[1] == 0xff) ||
				 (u[0] == 0xff && u[1] == 0xfe)))
		return fail(s, 0, 1, 1, "%s",
			    _("the file is UTF-16; pactum reads UTF-8 only "
			      "(convert it: iconv -f UTF-16 -t UTF-8)"));
	if (s->head_len >= 4 && memcmp(u, "\x4c\x6f\xa7\x94", 4) == 0)
		return fail(s, 0, 1, 1, "%s",
			    _("the file is EBCDIC; pactum reads UTF-8 only"));
	if (declared_encoding(enc, sizeof(enc), (const char *)u, s->head_len) &&
	    !pactum_ascii_caseeq(enc, "UTF-8"))
		return fail(s, 0, 1, 1,
			    _("the file declares encoding=\"%s\"; pactum "
			      "reads UTF-8 only (convert it with iconv and "
			      "declare UTF-8)"),
			    enc);
	return 0;
}

/* ------------------------------------------------------ markup ------- */

static int push_spot(struct xml_scan *s)
{
	if (s->spot_count == s->spot_cap) {
		/* what the reader took is dropped first: the queue holds what
		 * is scanned and not yet read, a chunk's worth */
		if (s->spot_first > 0) {
			memmove(s->spots, s->spots + s->spot_first,
				(s->spot_count - s->spot_first) *
					sizeof(*s->spots));
			s->spot_count -= s->spot_first;
			s->spot_first = 0;
		}
		if (s->spot_count == s->spot_cap) {
			size_t cap = s->spot_cap ? 2 * s->spot_cap : 256;
			struct xml_spot *more =
				pactum_realloc(s->spots, cap * sizeof(*more));

			if (more == NULL) {
				s->src->nomem = 1;
				s->failed = 1;
				s->fail_at = s->tag_off;
				return 1;
			}
			s->spots = more;
			s->spot_cap = cap;
		}
	}
	s->spots[s->spot_count].line = s->tag_line;
	s->spots[s->spot_count].col = s->tag_col;
	s->spot_count++;
	return 0;
}

/* A start tag (or what libxml2 will refuse as one) begins at tag_*. */
static int count_element(struct xml_scan *s)
{
	if (++s->elements > MAX_ELEMENTS)
		return fail(s, s->tag_off, s->tag_line, s->tag_col,
			    _("more than %lu elements (pactum's limit)"),
			    MAX_ELEMENTS);
	return 0;
}

static int start_element(struct xml_scan *s)
{
	if (s->stream && s->root_deals && s->depth == 1) {
		/* a deal of a collection: its caps start here */
		s->elements = 0;
		s->deal_off = s->tag_off;
		s->deal_line = s->tag_line;
		s->deal_col = s->tag_col;
		s->in_deal = 1;
	}
	if (count_element(s))
		return 1;
	if (s->depth == 0 && !s->root_seen) {
		s->root_seen = 1;
		s->naming = 1;
	}
	/* the root is at depth 1 */
	if (++s->depth > MAX_DEPTH + 1)
		return fail(s, s->tag_off, s->tag_line, s->tag_col,
			    _("elements nested deeper than %d"), MAX_DEPTH);
	return s->keep_spots ? push_spot(s) : 0;
}

static void end_root_name(struct xml_scan *s)
{
	const char *local = memchr(s->root, ':', s->root_len);
	size_t n = s->root_len;

	s->naming = 0;
	if (local != NULL) {
		n -= (size_t)(local + 1 - s->root);
		local++;
	} else {
		local = s->root;
	}
	s->root_deals = s->root_len < sizeof(s->root) && n == 5 &&
			memcmp(local, "deals", 5) == 0;
}

/* Past an end marker ("-->", "?>", "]]>": some character repeated, then
 * '>') one character at a time: 1 when c completes it. */
static int end_marker(struct xml_scan *s, unsigned char c, const char *end,
		      unsigned len)
{
	if (c == (unsigned char)end[s->match]) {
		if (++s->match == len) {
			s->match = 0;
			return 1;
		}
	} else if (c == (unsigned char)end[0]) {
		/* "---": the last two still start "-->" */
		if (s->match == 0 || end[s->match - 1] != end[0])
			s->match = 1;
	} else {
		s->match = 0;
	}
	return 0;
}

static int keyword_prefix(const struct xml_scan *s, const char *kw)
{
	return strncmp(s->kw, kw, s->kw_len) == 0;
}

/* One character of the input (a multi-byte one as 0x80), at line, col. */
static int markup(struct xml_scan *s, unsigned char c)
{
	switch (s->state) {
	case S_TEXT:
		if (c == '<') {
			if (s->off - s->text_off > MAX_TEXT)
				return fail(s, s->text_off, s->text_line,
					    s->text_col,
					    _("a text longer than %llu bytes "
					      "(pactum's limit)"),
					    MAX_TEXT);
			s->state = S_LT;
			s->tag_line = s->line;
			s->tag_col = s->col;
			s->tag_off = s->off;
		}
		return 0;
	case S_LT:
		s->eq = 0;
		s->slash = 0;
		s->start = 0;
		if (c == '/') {
			s->state = S_TAG;
			if (s->depth > 0)
				s->depth--;
			return 0;
		}
		if (c == '?') {
			s->state = S_PI;
			s->match = 0;
			return 0;
		}
		if (c == '!') {
			s->state = S_BANG;
			s->kw[0] = '!';
			s->kw_len = 1;
			return 0;
		}
		if (start_element(s))
			return 1;
		s->state = S_TAG;
		s->start = 1;
		return markup(s, c); /* the first of its name */
	case S_BANG:
		s->kw[s->kw_len++] = (char)c;
		s->match = 0;
		if (s->kw_len == 3 && memcmp(s->kw, "!--", 3) == 0) {
			s->state = S_COMMENT;
			return 0;
		}
		if (s->kw_len == 8 && memcmp(s->kw, "![CDATA[", 8) == 0) {
			s->state = S_CDATA;
			return 0;
		}
		if (s->kw_len == 8 && memcmp(s->kw, "!DOCTYPE", 8) == 0)
			return fail(s, s->tag_off, s->tag_line, s->tag_col, "%s",
				    _("a DOCTYPE is not allowed (it could "
				      "define entities)"));
		if (keyword_prefix(s, "!--") || keyword_prefix(s, "![CDATA[") ||
		    keyword_prefix(s, "!DOCTYPE"))
			return 0;
		/* another declaration: libxml2 refuses it; a tag till then */
		if (count_element(s))
			return 1;
		s->state = S_TAG;
		return markup(s, c);
	case S_TAG:
		if (s->naming) {
			if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
			    c == '/' || c == '>' || c == '=' || c == '<')
				end_root_name(s);
			else if (s->root_len < sizeof(s->root))
				s->root[s->root_len++] = (char)c;
		}
		switch (c) {
		case '"':
		case '\'':
			s->state = S_QUOTE;
			s->quote = (char)c;
			s->slash = 0;
			return 0;
		case '=':
			s->slash = 0;
			if (++s->eq > MAX_SCANNED_ATTRS)
				return fail(s, s->tag_off, s->tag_line,
					    s->tag_col,
					    _("an element with more than %d "
					      "attributes"),
					    MAX_ATTRS);
			return 0;
		case '>':
			if (s->start && s->slash && s->depth > 0)
				s->depth--; /* <empty/> */
			s->state = S_TEXT;
			s->text_off = s->off + 1;
			s->text_line = s->line;
			s->text_col = s->col + 1;
			return 0;
		case '<':
			/* malformed, libxml2 says so; the scan goes on as
			 * from a new tag */
			s->state = S_TEXT;
			return markup(s, c);
		default:
			s->slash = c == '/';
			return 0;
		}
	case S_QUOTE:
		if (c == (unsigned char)s->quote)
			s->state = S_TAG;
		return 0;
	case S_COMMENT:
		if (end_marker(s, c, "-->", 3))
			s->state = S_TEXT;
		return 0;
	case S_PI:
		if (end_marker(s, c, "?>", 2))
			s->state = S_TEXT;
		return 0;
	case S_CDATA:
		if (end_marker(s, c, "]]>", 3))
			s->state = S_TEXT;
		return 0;
	}
	return 0;
}

/* ------------------------------------------------------ bytes -------- */

static int not_utf8(struct xml_scan *s, unsigned char lead)
{
	return fail(s, s->seq_off, s->seq_line, s->seq_col,
		    _("byte 0x%02X is not UTF-8; pactum reads UTF-8 only"),
		    lead);
}

static int too_large(struct xml_scan *s)
{
	if (s->in_deal)
		return fail(s, s->off, s->deal_line, s->deal_col,
			    _("a deal larger than %zu bytes (pactum's limit "
			      "for one deal)"),
			    (size_t)PACTUM_MAX_INPUT);
	/* what pactum says of a file of one deal read whole */
	return fail(s, s->off, 0, 0, _("file is larger than %zu bytes"),
		    (size_t)PACTUM_MAX_INPUT);
}

/* One byte, at s->off, line and col. */
static int step(struct xml_scan *s, unsigned char b)
{
	if (s->need > 0) {
		if (b < s->lo || b > s->hi)
			return not_utf8(s, s->lead);
		s->lo = 0x80;
		s->hi = 0xbf;
		s->off++;
		if (--s->need > 0)
			return 0;
		return markup(s, 0x80);
	}
	if (b == 0)
		return fail(s, s->off, s->line, s->col, "%s",
			    _("a NUL byte: not a UTF-8 text file (UTF-16?)"));
	if (b >= 0x80) {
		/* RFC 3629: no overlong forms, no surrogates, nothing past
		 * U+10FFFF */
		s->lead = b;
		s->seq_off = s->off;
		s->seq_line = s->line;
		s->seq_col = s->col;
		s->lo = 0x80;
		s->hi = 0xbf;
		if (b >= 0xc2 && b <= 0xdf)
			s->need = 1;
		else if (b >= 0xe0 && b <= 0xef)
			s->need = 2;
		else if (b >= 0xf0 && b <= 0xf4)
			s->need = 3;
		else
			return not_utf8(s, b);
		if (b == 0xe0)
			s->lo = 0xa0;
		else if (b == 0xed)
			s->hi = 0x9f;
		else if (b == 0xf0)
			s->lo = 0x90;
		else if (b == 0xf4)
			s->hi = 0x8f;
		s->col++;
		s->off++;
		return 0;
	}
	if (markup(s, b))
		return 1;
	if (b == '\n') {
		s->line++;
		s->col = 1;
	} else {
		s->col++;
	}
	s->off++;
	return 0;
}

/*
 * The bytes that need no decision in a state: in text, in a tag between
 * names, in a quoted value.  A byte outside them (markup, a quote, '=',
 * a newline, NUL, anything not ASCII) goes to step().  Most of a file is
 * such runs, so they are skipped by table, not byte by byte through
 * step(): 30 instructions a byte became 4.
 */
enum { PLAIN_TEXT = 1, PLAIN_TAG = 2, PLAIN_DQUOTE = 4, PLAIN_SQUOTE = 8 };
static unsigned char plain[256];
static pthread_once_t plain_once = PTHREAD_ONCE_INIT;

static void make_plain(void)
{
	unsigned b;

	for (b = 1; b < 0x80; b++) {
		if (b == '\n')
			continue;
		plain[b] = PLAIN_TEXT | PLAIN_TAG | PLAIN_DQUOTE | PLAIN_SQUOTE;
		if (b == '<')
			plain[b] &= (unsigned char)~(PLAIN_TEXT | PLAIN_TAG);
		if (b == '"' || b == '\'' || b == '=' || b == '>' || b == '/')
			plain[b] &= (unsigned char)~PLAIN_TAG;
		if (b == '"')
			plain[b] &= (unsigned char)~PLAIN_DQUOTE;
		if (b == '\'')
			plain[b] &= (unsigned char)~PLAIN_SQUOTE;
	}
}

/* Which bytes are plain in s's state now; 0: none (a byte at a time). */
static unsigned plain_class(const struct xml_scan *s)
{
	if (s->need != 0)
		return 0;
	if (s->state == S_TEXT)
		return PLAIN_TEXT;
	if (s->state == S_TAG && !s->naming)
		return PLAIN_TAG;
	if (s->state == S_QUOTE)
		return s->quote == '"' ? PLAIN_DQUOTE : PLAIN_SQUOTE;
	return 0;
}

/* Past the plain text from u[i], eight bytes at a time: stops at or
 * before the first '<', newline, NUL or byte of a UTF-8 sequence (the
 * table then finds which).  Text is most of a model. */
static size_t skip_text(const unsigned char *u, size_t i, size_t n)
{
	const uint64_t ones = 0x0101010101010101ull;
	const uint64_t high = 0x8080808080808080ull;
	uint64_t w, lt, nl;

	while (n - i >= 8) {
		memcpy(&w, u + i, 8);
		lt = w ^ ('<' * ones);
		nl = w ^ ('\n' * ones);
		if ((w | ((w - ones) & ~w) | ((lt - ones) & ~lt) |
		     ((nl - ones) & ~nl)) & high)
			break;
		i += 8;
	}
	return i;
}

static int run(struct xml_scan *s, const unsigned char *u, size_t n)
{
	/* deal_off only grows: no cap within reach, none in this piece */
	int capped = s->stream &&
		     s->off + n - s->deal_off > (unsigned long long)PACTUM_MAX_INPUT;
	size_t i = 0, j;
	unsigned cls;

	pthread_once(&plain_once, make_plain);
	while (i < n) {
		if (capped && s->off - s->deal_off >=
				      (unsigned long long)PACTUM_MAX_INPUT)
			return too_large(s);
		cls = capped ? 0 : plain_class(s);
		if (cls != 0) {
			j = cls == PLAIN_TEXT ? skip_text(u, i, n) : i;
			for (; j < n && (plain[u[j]] & cls); j++)
				;
			if (j > i) {
				/* only lines and columns change */
				s->col += (uint32_t)(j - i);
				s->off += j - i;
				s->slash = 0;
				i = j;
				continue;
			}
		}
		if (step(s, u[i++]))
			return 1;
	}
	return 0;
}

int xml_scan_feed(struct xml_scan *s, const char *p, size_t n)
{
	const unsigned char *u = (const unsigned char *)p;

	if (s->failed)
		return 1;
	if (!s->head_done) {
		size_t take = XML_SCAN_HEAD - s->head_len;

		if (take > n)
			take = n;
		memcpy(s->head + s->head_len, u, take);
		s->head_len += take;
		u += take;
		n -= take;
		if (!head_complete(s))
			return 0;
		if (judge_head(s) || run(s, s->head, s->head_len))
			return 1;
	}
	return run(s, u, n);
}

int xml_scan_end(struct xml_scan *s)
{
	if (s->failed)
		return 1;
	if (!s->head_done && (judge_head(s) || run(s, s->head, s->head_len)))
		return 1;
	if (s->need > 0)
		return not_utf8(s, s->lead);
	return 0;
}
