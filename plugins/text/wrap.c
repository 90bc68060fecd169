#include "config.h"

/*
 * Word wrapping with hanging indents, and where a word may break when it
 * does not fit.
 *
 * Lines break at spaces (U+0020).  A word that does not fit on what is
 * left of a line goes to the next one, first fit, unless that would leave
 * more than a quarter of the line empty: then it is hyphenated if a piece
 * of it fits (after its own hyphen, "Software-", at any time: that adds
 * nothing).  A word wider than a whole line is hyphenated as often as it
 * takes.  Of the breaks that fit, the last after the word's own hyphen is
 * taken when its piece fills at least half of the room, else the last.
 *
 * A word never breaks (but is broken hard, between characters, when it
 * is wider than a whole line: nothing is ever wider than the width) when
 * it holds a digit (numbers, dates, "3.2(a)"), a no-break space (U+00A0,
 * U+202F, U+2007, U+2060 bind: "Ziffer 3.2", "20 %"), an '@', "://", or a
 * '.' before a letter (e-mail, URLs, "z.B.").  A value (SPAN_KEEP: a
 * name, an address) and a quoted defined term (SPAN_TERM) are hyphenated
 * only when a word of them does not fit on a line of its own (better
 * than a cut without a hyphen), never to fill a line; a term never next
 * to its quotes, as the patterns break runs of letters only.  Soft
 * hyphens (U+00AD) are the only breaks of the letters around them, shown
 * as '-' where a line breaks and nowhere else.
 * Hyphenation is per run of letters, with the patterns of its language:
 * the text's, or the source language's for draft text (SPAN_SOURCE).
 *
 * Cost: a word's breaks are found once (only when it must break, and
 * only for words of up to WRAP_MAX_BREAK bytes; longer ones break hard),
 * and each line scans only the characters it takes: linear in the text.
 */

#include <string.h>

#include "text.h"

#define WRAP_MAX_BREAK 1024 /* bytes: a longer word is broken hard */
#define HYPH_MIN_OWN 3      /* letters each side of a word's own hyphen */
#define WRAP_MIN_PIECE 3    /* cells: no line holds a shorter piece, as
			       after a hard break ("h-" of "berech-tigt") */

struct wrap {
	struct lines *out;
	unsigned width; /* cells a line may use */
	unsigned hang;  /* indent of continuation lines */
	unsigned col;   /* cells used on the current line */
	int words;      /* words on the current line */
	const struct hyph *hy;
	size_t span;    /* the first span that may hold the word at hand */
};

static void wrap_put(struct wrap *wr, const char *s, size_t len, unsigned w)
{
	text_buf_put(&wr->out->bytes, s, len);
	wr->col += w;
}

/* Put s, w cells wide, without its soft hyphens. */
static void wrap_put_word(struct wrap *wr, const char *s, size_t len,
			  unsigned w)
{
	size_t i = 0, j;

	for (j = 0; j + 1 < len; j++)
		if ((unsigned char)s[j] == 0xc2 &&
		    (unsigned char)s[j + 1] == 0xad) {
			text_buf_put(&wr->out->bytes, s + i, j - i);
			i = j + 2;
			j++;
		}
	wrap_put(wr, s + i, len - i, w);
}

static void wrap_newline(struct wrap *wr)
{
	text_lines_end(wr->out, wr->col);
	text_lines_start(wr->out);
	text_buf_repeat(&wr->out->bytes, ' ', wr->hang);
	wr->col = wr->hang;
	wr->words = 0;
}

/* As much of s as fits in room cells, one character at least: its
 * length in bytes, its width in *w. */
static size_t hard_piece(unsigned *w, const char *s, size_t len,
			 unsigned room)
{
	size_t i = 0, n;
	uint32_t cp;
	unsigned cw;

	*w = 0;
	while (i < len) {
		n = text_utf8_next(&cp, s + i, len - i);
		cw = text_cp_width(cp);
		if (*w + cw > room && i > 0)
			break;
		*w += cw;
		i += n;
	}
	return i;
}

/* A label too wide for its line: break it between characters.
 * Combining marks have no width, so they stay with their base. */
static void wrap_hard(struct wrap *wr, const char *s, size_t len)
{
	size_t n;
	unsigned w;

	while (len > 0) {
		n = hard_piece(&w, s, len, wr->col < wr->width
						   ? wr->width - wr->col : 0);
		wrap_put(wr, s, n, w);
		s += n;
		len -= n;
		if (len > 0)
			wrap_newline(wr);
	}
	wr->words = 1;
}

/* ------------------------------------------------------ breaks ------- */

static int is_letter(uint32_t cp)
{
	return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
	       (cp >= 0xc0 && cp <= 0x24f && cp != 0xd7 && cp != 0xf7) ||
	       (cp >= 0x300 && cp <= 0x36f) || /* marks stay with letters */
	       (cp >= 0x370 && cp <= 0x52f);
}

/* Characters that make a word one that never breaks. */
static int binds(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || cp == '@' || cp == 0xa0 ||
	       cp == 0x202f || cp == 0x2007 || cp == 0x2060;
}

/* What span covers bytes [start, end) of the text: SPAN_KEEP or
 * SPAN_TERM if any of them is one, else the kind of the span at start,
 * else -1 (the text's own words). */
static int span_at(struct wrap *wr, size_t start, size_t end)
{
	const struct spans *sp = wr->hy->spans;
	size_t k;
	int kind = -1;

	if (sp == NULL)
		return -1;
	while (wr->span < sp->n && sp->v[wr->span].end <= start)
		wr->span++;
	for (k = wr->span; k < sp->n && sp->v[k].start < end; k++) {
		if (sp->v[k].kind != SPAN_SOURCE)
			return (int)sp->v[k].kind;
		if (sp->v[k].start <= start)
			kind = SPAN_SOURCE;
	}
	return kind;
}

/* Mark the breaks of one run of letters s[a..b) of the word: at its soft
 * hyphens if it has any, else where the patterns of its language say. */
static void letter_breaks(struct wrap *wr, unsigned char *marks,
			  const char *s, size_t a, size_t b, size_t off)
{
	size_t i;
	int soft = 0;

	for (i = a; i + 1 < b; i++)
		if ((unsigned char)s[i] == 0xc2 &&
		    (unsigned char)s[i + 1] == 0xad) {
			if (i > a && i + 2 < b)
				marks[i] = BREAK_SOFT;
			soft = 1;
		}
	if (!soft &&
	    text_hyphenate(marks + a,
			   span_at(wr, off + a, off + a + 1) == SPAN_SOURCE
				   ? wr->hy->source : wr->hy->tag,
			   s + a, b - a) < 0)
		wr->out->oom = 1; /* checked with the lines' bytes */
}

/* Is s[a..b) the word's own hyphen, '-' or U+2010? */
static int is_hyphen(const char *s, size_t a, size_t b)
{
	return (b - a == 1 && s[a] == '-') ||
	       (b - a == 3 && memcmp(s + a, "\xe2\x80\x90", 3) == 0);
}

/*
 * Where the word s (len bytes, at offset off of the text) may break:
 * marks[0..len] (zeroed here); the patterns' breaks only with patterns
 * set, since most words that do not fit may break after their own hyphen
 * alone, and patterns are the cost.  Returns 0 when it may not break at all,
 * else 1, with *term set for (part of) a quoted defined term or a value,
 * which break only when they must.  Runs of
 * letters are hyphenated each on its own; after a hyphen between two of
 * them, three letters each at least ("Software-Wiederverkäufer", not
 * "IP-Adressen" or "E-Mail"), the word breaks and nothing is added.
 */
static int word_breaks(struct wrap *wr, unsigned char *marks, int *term,
		       const char *s, size_t len, size_t off, int patterns)
{
	/* since: letters since the word's start or its last own-hyphen
	 * break, so that "Software-as-a-Service" may break after "as-a-" */
	size_t i = 0, n, run = 0, prev_end = 0, chars = 0, since = 0, marked = 0;
	int in_run = 0, kind;
	uint32_t cp, last = 0;

	*term = 0;
	if (wr->hy == NULL || !wr->hy->on || len > WRAP_MAX_BREAK ||
	    (len >= 4 && memcmp(s, "www.", 4) == 0) ||
	    memmem(s, len, "://", 3) != NULL)
		return 0;
	kind = span_at(wr, off, off + len);
	*term = kind == SPAN_TERM || kind == SPAN_KEEP;
	memset(marks, BREAK_NONE, len + 1);
	for (; i <= len; i += n, last = cp) {
		n = i < len ? text_utf8_next(&cp, s + i, len - i) : 1;
		/* a code with digits ("EULA-LF-2027-04") is a number */
		if (i < len && (binds(cp) || (last == '.' && is_letter(cp)) ||
				(cp >= '0' && cp <= '9')))
			return 0;
		if (i < len && (is_letter(cp) || cp == 0xad)) {
			if (!in_run) {
				if (since >= HYPH_MIN_OWN &&
				    is_hyphen(s, prev_end, i)) {
					marks[i] = BREAK_HYPHEN;
					marked = since;
					since = 0;
				}
				run = i;
				chars = 0;
				in_run = 1;
			}
			chars++;
			since++;
			continue;
		}
		if (!in_run)
			continue;
		if (chars < HYPH_MIN_OWN && marks[run] == BREAK_HYPHEN) {
			marks[run] = BREAK_NONE;
			since += marked;
		}
		if (patterns)
			letter_breaks(wr, marks, s, run, i, off);
		prev_end = i;
		in_run = 0;
	}
	return 1;
}

/* ------------------------------------------------------ filling ------ */

/* Does a break of this kind add a hyphen? */
static int adds_hyphen(unsigned char kind)
{
	return kind != BREAK_HYPHEN;
}

/* Where the text after a break at i goes on: past a soft hyphen. */
static size_t after_break(const unsigned char *marks, size_t i)
{
	return marks[i] == BREAK_SOFT ? i + 2 : i;
}

/*
 * The break in s[from..len) whose piece, with the hyphen it adds, fits in
 * room cells: the last after the word's own hyphen when its piece fills
 * half the room or more ("Software-", not "Software-Wieder-"), else the
 * last break; with own_only, only after the word's own hyphens; with
 * loose, BREAK_LOOSE too.  Returns its byte index, 0 for none, and the piece's width
 * without the hyphen in *pw.  Scans only what fits in room.
 */
static size_t best_break(unsigned *pw, const unsigned char *marks,
			 const char *s, size_t from, size_t len, unsigned room,
			 int own_only, int loose)
{
	size_t i = from, last = 0, own = 0;
	unsigned w = 0, lastw = 0, ownw = 0, need;
	uint32_t cp;

	while (i < len && w <= room) {
		i += text_utf8_next(&cp, s + i, len - i);
		w += text_cp_width(cp);
		if (i >= len || marks[i] == BREAK_NONE ||
		    (own_only && marks[i] != BREAK_HYPHEN) ||
		    (marks[i] == BREAK_LOOSE && !loose))
			continue;
		need = w + (adds_hyphen(marks[i]) ? 1 : 0);
		if (need > room || w < (loose ? 2u : WRAP_MIN_PIECE))
			continue;
		last = i;
		lastw = w;
		if (marks[i] == BREAK_HYPHEN) {
			own = i;
			ownw = w;
		}
	}
	if (own != 0 && 2 * ownw >= room) {
		*pw = ownw;
		return own;
	}
	*pw = lastw;
	return last;
}

/* Whether marks has a break in (from, len). */
static int more_breaks(const unsigned char *marks, size_t from, size_t len)
{
	size_t i;

	for (i = from + 1; i < len; i++)
		if (marks[i] != BREAK_NONE)
			return 1;
	return 0;
}

/* Put the piece s[from..at) (pw cells), and its hyphen. */
static void put_piece(struct wrap *wr, const char *s, size_t from,
		      size_t at, unsigned pw, const unsigned char *marks)
{
	wrap_put_word(wr, s + from, at - from, pw);
	if (adds_hyphen(marks[at]))
		wrap_put(wr, "-", 1, 1);
}

/* Word s (len bytes, at offset off of the text), hyphenated as the top of
 * this file says. */
static void wrap_word(struct wrap *wr, const char *s, size_t len,
		      size_t off)
{
	unsigned char marks[WRAP_MAX_BREAK + 1];
	unsigned rest = text_str_width(s, len), pw, room;
	unsigned slack = (wr->width - wr->hang) / 4;
	size_t from = 0, at, n;
	int may = -1, term = 0, full = 0;

	if (wr->col + (wr->words ? 1 : 0) + rest <= wr->width) {
		if (wr->words)
			wrap_put(wr, " ", 1, 1);
		wrap_put_word(wr, s, len, rest);
		wr->words = 1;
		return;
	}
	if (wr->words) {
		room = wr->col + 1 < wr->width ? wr->width - wr->col - 1 : 0;
		full = room > slack;
		may = word_breaks(wr, marks, &term, s, len, off, full);
		at = may && !term ? best_break(&pw, marks, s, 0, len, room,
					       room <= slack, 0)
				  : 0;
		/* a break here is worth it only if what follows can go on
		 * without a cut: else "Leis-" / "tungsempfänger" / "s”" */
		if (at > 0 && rest - pw > wr->width - wr->hang &&
		    !more_breaks(marks, after_break(marks, at), len))
			at = 0;
		if (at > 0) {
			wrap_put(wr, " ", 1, 1);
			put_piece(wr, s, 0, at, pw, marks);
			rest -= pw;
			from = after_break(marks, at);
		}
		wrap_newline(wr);
	}
	while (wr->col + rest > wr->width) {
		room = wr->width - wr->col;
		if (may < 0 || (may && !full)) {
			full = 1;
			may = word_breaks(wr, marks, &term, s, len, off, 1);
		}
		at = may ? best_break(&pw, marks, s, from, len, room, 0, 0) : 0;
		if (at == 0 && may) /* rather than cut it without a hyphen */
			at = best_break(&pw, marks, s, from, len, room, 0, 1);
		/* the same: no piece before a cut that must come anyway */
		if (at > 0 && rest - pw > wr->width - wr->hang &&
		    !more_breaks(marks, after_break(marks, at), len))
			at = 0;
		if (at > 0) {
			put_piece(wr, s, from, at, pw, marks);
			from = after_break(marks, at);
		} else {
			/* nowhere to hyphenate: broken hard, the line full */
			n = hard_piece(&pw, s + from, len - from, room);
			wrap_put_word(wr, s + from, n, pw);
			from += n;
		}
		rest -= pw;
		wrap_newline(wr);
	}
	wrap_put_word(wr, s + from, len - from, rest);
	wr->words = 1;
}

/*
 * Wrap text (words separated by U+0020) into out, at most width cells per
 * line; '\n' (never in runs' text: the writer puts it for a break) ends a
 * line where it stands.  The first line starts with indent spaces and the
 * label, then label_gap spaces; later lines are indented to where the
 * text after the label begins.  Deep indents are squeezed into narrow
 * widths, and a label that leaves no room gets a line of its own, so that
 * nothing is ever wider than width (which is at least MIN_COLUMN).  hy
 * (NULL: none) says how words may be hyphenated; its spans are offsets
 * into text.
 */
void text_wrap_text(struct lines *out, unsigned width, unsigned indent,
		    const char *label, unsigned label_gap, const char *text,
		    size_t len, const struct hyph *hy)
{
	struct wrap wr = { out, width, 0, 0, 0, hy, 0 };
	size_t label_len = label ? strlen(label) : 0, i = 0, j;
	unsigned label_w = label ? text_str_width(label, label_len) : 0;
	int label_on_line = 0;

	if (indent > width / 2)
		indent = width / 2;
	wr.hang = indent;
	text_lines_start(out);
	text_buf_repeat(&out->bytes, ' ', indent);
	wr.col = indent;
	if (label_len > 0 && indent + label_w + label_gap + 2 <= width) {
		wrap_put(&wr, label, label_len, label_w);
		text_buf_repeat(&out->bytes, ' ', label_gap);
		wr.col += label_gap;
		wr.hang = wr.col;
		label_on_line = 1;
	} else if (label_len > 0) {
		wrap_hard(&wr, label, label_len);
		wrap_newline(&wr);
	}
	while (i < len) {
		while (i < len && text[i] == ' ')
			i++;
		if (i < len && text[i] == '\n') {
			for (j = i; j < len && (text[j] == ' ' ||
						text[j] == '\n'); j++)
				;
			if (j == len)
				break; /* a break at the end ends nothing */
			/* a forced break: a line of its own, even if empty */
			wrap_newline(&wr);
			label_on_line = 1;
			i++;
			continue;
		}
		for (j = i; j < len && text[j] != ' ' && text[j] != '\n'; j++)
			;
		if (j > i)
			wrap_word(&wr, text + i, j - i, i);
		i = j;
	}
	if (wr.words || label_on_line)
		text_lines_end(out, wr.col);
	else
		out->bytes.len = out->start; /* nothing was put on it */
}
