#include "config.h"

/*
 * The text writer's typesetting in display cells: our own UTF-8 decoder
 * and width tables, the byte strings and line lists a unit is rendered
 * into, centring and the columns of tables (wrap.c wraps the words).
 * Nothing here knows about documents or languages.
 */

#include <string.h>

#include "text.h"

/* ------------------------------------------------------ widths ------- */

struct range {
	uint32_t lo, hi;
};

static const struct range zero_width[] = {
	{ 0x0300, 0x036f }, { 0x1ab0, 0x1aff }, { 0x1dc0, 0x1dff },
	{ 0x20d0, 0x20ff }, { 0xfe20, 0xfe2f },
};

static const struct range double_width[] = {
	{ 0x1100, 0x115f },   { 0x231a, 0x231b },   { 0x23e9, 0x23ec },
	{ 0x23f0, 0x23f0 },   { 0x23f3, 0x23f3 },   { 0x25fd, 0x25fe },
	{ 0x2614, 0x2615 },   { 0x2648, 0x2653 },   { 0x267f, 0x267f },
	{ 0x2693, 0x2693 },   { 0x26a1, 0x26a1 },   { 0x26aa, 0x26ab },
	{ 0x26bd, 0x26be },   { 0x26c4, 0x26c5 },   { 0x26ce, 0x26ce },
	{ 0x26d4, 0x26d4 },   { 0x26ea, 0x26ea },   { 0x26f2, 0x26f3 },
	{ 0x26f5, 0x26f5 },   { 0x26fa, 0x26fa },   { 0x26fd, 0x26fd },
	{ 0x2705, 0x2705 },   { 0x270a, 0x270b },   { 0x2728, 0x2728 },
	{ 0x274c, 0x274c },   { 0x274e, 0x274e },   { 0x2753, 0x2755 },
	{ 0x2757, 0x2757 },   { 0x2795, 0x2797 },   { 0x27b0, 0x27b0 },
	{ 0x27bf, 0x27bf },   { 0x2b1b, 0x2b1c },   { 0x2b50, 0x2b50 },
	{ 0x2b55, 0x2b55 },   { 0x2e80, 0xa4cf },   { 0xac00, 0xd7a3 },
	{ 0xf900, 0xfaff },   { 0xfe30, 0xfe4f },   { 0xff00, 0xff60 },
	{ 0xffe0, 0xffe6 },   { 0x1f004, 0x1f004 }, { 0x1f0cf, 0x1f0cf },
	{ 0x1f18e, 0x1f18e }, { 0x1f191, 0x1f19a }, { 0x1f200, 0x1f251 },
	/* emoji presentation: East Asian Width W (Unicode 15) */
	{ 0x1f300, 0x1f320 }, { 0x1f32d, 0x1f335 }, { 0x1f337, 0x1f37c },
	{ 0x1f37e, 0x1f393 }, { 0x1f3a0, 0x1f3ca }, { 0x1f3cf, 0x1f3d3 },
	{ 0x1f3e0, 0x1f3f0 }, { 0x1f3f4, 0x1f3f4 }, { 0x1f3f8, 0x1f43e },
	{ 0x1f440, 0x1f440 }, { 0x1f442, 0x1f4fc }, { 0x1f4ff, 0x1f53d },
	{ 0x1f54b, 0x1f54e }, { 0x1f550, 0x1f567 }, { 0x1f57a, 0x1f57a },
	{ 0x1f595, 0x1f596 }, { 0x1f5a4, 0x1f5a4 }, { 0x1f5fb, 0x1f64f },
	{ 0x1f680, 0x1f6c5 }, { 0x1f6cc, 0x1f6cc }, { 0x1f6d0, 0x1f6d2 },
	{ 0x1f6d5, 0x1f6d7 }, { 0x1f6dc, 0x1f6df }, { 0x1f6eb, 0x1f6ec },
	{ 0x1f6f4, 0x1f6fc }, { 0x1f7e0, 0x1f7eb }, { 0x1f7f0, 0x1f7f0 },
	{ 0x1f90c, 0x1f93a }, { 0x1f93c, 0x1f945 }, { 0x1f947, 0x1f9ff },
	{ 0x1fa70, 0x1faff }, { 0x20000, 0x3fffd },
};

/* Is cp in one of the n sorted, disjoint ranges r?  Binary search: every
 * character of every line is measured. */
static int in_ranges(uint32_t cp, const struct range *r, size_t n)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cp < r[mid].lo)
			hi = mid;
		else if (cp > r[mid].hi)
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

unsigned text_cp_width(uint32_t cp)
{
	if (cp == 0xad) /* a soft hyphen shows only where a line breaks */
		return 0;
	if (cp < zero_width[0].lo) /* Latin, Greek and most of Europe */
		return 1;
	if (in_ranges(cp, zero_width,
		      sizeof(zero_width) / sizeof(zero_width[0])))
		return 0;
	if (in_ranges(cp, double_width,
		      sizeof(double_width) / sizeof(double_width[0])))
		return 2;
	return 1;
}

/*
 * Decode the character at s (len > 0 bytes left) into *cp; returns its
 * length in bytes.  Runs are valid UTF-8, but a stray byte still advances
 * by one (as U+FFFD) so that no input can stall us.
 */
size_t text_utf8_next(uint32_t *cp, const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t n, i;
	uint32_t v;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		n = 2;
		v = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		n = 3;
		v = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		n = 4;
		v = s[0] & 0x07;
	} else {
		goto invalid;
	}
	if (n > len)
		goto invalid;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			goto invalid;
		v = (v << 6) | (s[i] & 0x3f);
	}
	*cp = v;
	return n;
invalid:
	*cp = 0xfffd;
	return 1;
}

unsigned text_str_width(const char *s, size_t len)
{
	unsigned w = 0;
	uint32_t cp;
	size_t i = 0;

	while (i < len) {
		i += text_utf8_next(&cp, s + i, len - i);
		w += text_cp_width(cp);
	}
	return w;
}

/* ------------------------------------------------------ buffers ------ */

void text_buf_put(struct buf *b, const char *s, size_t len)
{
	if (b->oom || len == 0)
		return;
	if (b->len + len > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		char *p;

		while (cap < b->len + len)
			cap *= 2;
		p = pactum_realloc(b->ptr, cap);
		if (p == NULL) {
			b->oom = 1;
			return;
		}
		b->ptr = p;
		b->cap = cap;
	}
	memcpy(b->ptr + b->len, s, len);
	b->len += len;
}

void text_buf_puts(struct buf *b, const char *s)
{
	text_buf_put(b, s, strlen(s));
}

void text_buf_repeat(struct buf *b, char c, unsigned n)
{
	char chunk[32];

	memset(chunk, c, sizeof(chunk));
	while (n > 0) {
		unsigned k = n < sizeof(chunk) ? n : (unsigned)sizeof(chunk);

		text_buf_put(b, chunk, k);
		n -= k;
	}
}

void text_buf_free(struct buf *b)
{
	pactum_free(b->ptr);
	b->ptr = NULL;
	b->len = b->cap = 0;
}

/* ------------------------------------------------------ lines -------- */

void text_lines_clear(struct lines *ls)
{
	ls->bytes.len = 0;
	ls->n = 0;
}

int text_lines_failed(const struct lines *ls)
{
	return ls->oom || ls->bytes.oom;
}

void text_lines_start(struct lines *ls)
{
	ls->start = ls->bytes.len;
}

/* Finish the line begun by text_lines_start(), width cells wide; trailing
 * spaces go. */
void text_lines_end(struct lines *ls, unsigned width)
{
	while (ls->bytes.len > ls->start &&
	       ls->bytes.ptr[ls->bytes.len - 1] == ' ') {
		ls->bytes.len--;
		width--;
	}
	if (ls->oom || ls->bytes.oom)
		return;
	if (ls->n == ls->cap) {
		size_t cap = ls->cap ? 2 * ls->cap : 16;
		struct line *v = pactum_realloc(ls->v, cap * sizeof(*v));

		if (v == NULL) {
			ls->oom = 1;
			return;
		}
		ls->v = v;
		ls->cap = cap;
	}
	ls->v[ls->n].off = ls->start;
	ls->v[ls->n].len = ls->bytes.len - ls->start;
	ls->v[ls->n].width = width;
	ls->n++;
}

void text_lines_add(struct lines *ls, const char *s, size_t len,
		    unsigned width)
{
	text_lines_start(ls);
	text_buf_put(&ls->bytes, s, len);
	text_lines_end(ls, width);
}

/* Append a line of n copies of c, after pad spaces. */
void text_lines_rule(struct lines *ls, unsigned pad, char c, unsigned n)
{
	text_lines_start(ls);
	text_buf_repeat(&ls->bytes, ' ', pad);
	text_buf_repeat(&ls->bytes, c, n);
	text_lines_end(ls, pad + n);
}

void text_lines_free(struct lines *ls)
{
	text_buf_free(&ls->bytes);
	pactum_free(ls->v);
	ls->v = NULL;
	ls->n = ls->cap = 0;
}

/* Lines of src centred in width cells, appended to out.  Returns the
 * width of the widest line. */
unsigned text_centre_lines(struct lines *out, const struct lines *src,
			   unsigned width)
{
	unsigned widest = 0, pad;
	size_t i;

	for (i = 0; i < src->n; i++) {
		const struct line *l = &src->v[i];

		pad = (width - l->width) / 2;
		text_lines_start(out);
		text_buf_repeat(&out->bytes, ' ', pad);
		text_buf_put(&out->bytes, src->bytes.ptr + l->off, l->len);
		text_lines_end(out, pad + l->width);
		if (l->width > widest)
			widest = l->width;
	}
	return widest;
}

/* ------------------------------------------------------ tables ------- */

/*
 * Measure text as text_wrap_text() would see it: the widest word (what
 * a column needs not to break words) and the widest line when nothing
 * but forced breaks ends one (what it needs not to wrap at all).
 */
void text_measure(const char *text, size_t len, unsigned *word,
		  unsigned *line)
{
	size_t i = 0, j;
	unsigned w, col = 0;

	*word = *line = 0;
	while (i < len) {
		if (text[i] == '\n') {
			col = 0;
			i++;
			continue;
		}
		if (text[i] == ' ') {
			i++;
			continue;
		}
		for (j = i; j < len && text[j] != ' ' && text[j] != '\n'; j++)
			;
		w = text_str_width(text + i, j - i);
		if (w > *word)
			*word = w;
		col += (col > 0 ? 1 : 0) + w;
		if (col > *line)
			*line = col;
		i = j;
	}
}

/* Share out extra cells among n columns in proportion to want[i] (the
 * cells each would still take), the rounding remainder one each from the
 * left; no column gets more than it wants.  want is used up. */
static void share_out(unsigned *colw, unsigned *want, size_t n,
		      unsigned extra)
{
	unsigned long long total = 0;
	unsigned given = 0, add;
	size_t i;

	for (i = 0; i < n; i++)
		total += want[i];
	if (total == 0)
		return;
	if (extra > total)
		extra = (unsigned)total;
	for (i = 0; i < n; i++) {
		add = (unsigned)((unsigned long long)extra * want[i] / total);
		colw[i] += add;
		want[i] -= add;
		given += add;
	}
	for (i = 0; i < n && given < extra; i++)
		if (want[i] > 0) {
			colw[i]++;
			given++;
		}
}

/* Even the widest words do not fit: a column whose widest word fits in
 * a fair share of what is left gets it, and the others share the rest
 * evenly, the remainder one each from the left: the widest words break,
 * not the short ones. */
static int fit_words(unsigned *colw, const unsigned *word, size_t n,
		     unsigned avail, unsigned least)
{
	unsigned left = avail, fair, wi;
	size_t i, open = n;
	int changed = 1;

	for (i = 0; i < n; i++)
		colw[i] = 0;
	while (changed && open > 0) {
		changed = 0;
		fair = left / (unsigned)open;
		for (i = 0; i < n; i++) {
			wi = word[i] > least ? word[i] : least;
			if (colw[i] == 0 && wi <= fair) {
				colw[i] = wi;
				left -= wi;
				open--;
				changed = 1;
			}
		}
	}
	if (open == 0)
		return 0;
	fair = left / (unsigned)open; /* >= least: n * least <= avail */
	left -= fair * (unsigned)open;
	for (i = 0; i < n; i++)
		if (colw[i] == 0) {
			colw[i] = fair + (left > 0 ? 1 : 0);
			if (left > 0)
				left--;
		}
	return 0;
}

/*
 * Column widths for a table, each at least least cells.  When every
 * column fits as wide as its widest line, so be it.  Else, as long as
 * some column's widest line fits in a fair share of what is left (and
 * the others keep room for their widest words), it gets that: narrow
 * columns are never wrapped to feed a wide one.  The others get their
 * widest word and share what is left in proportion to what each would
 * still take.  When even the widest words do not fit, fit_words() says
 * which break.  scratch has
 * n entries.  Returns 0, or -1 when n columns of least cells do not fit.
 * The passes cost n * n at most, and n * least <= avail <= the width.
 */
int text_fit_columns(unsigned *colw, const unsigned *word,
		     const unsigned *line, unsigned *scratch, size_t n,
		     unsigned avail, unsigned least)
{
	unsigned long long words = 0, lines = 0;
	unsigned left = avail, fair, wi, li;
	size_t i, open = n;
	int changed = 1;

	if ((unsigned long long)n * least > avail)
		return -1;
	for (i = 0; i < n; i++) {
		words += word[i] > least ? word[i] : least;
		lines += line[i] > least ? line[i] : least;
		colw[i] = 0; /* 0: not decided yet */
	}
	if (words > avail)
		return fit_words(colw, word, n, avail, least);
	/* each pass decides a column or ends: at most n passes of n */
	while (changed && open > 0 && lines > avail) {
		changed = 0;
		fair = left / (unsigned)open;
		for (i = 0; i < n; i++) {
			if (colw[i] != 0)
				continue;
			wi = word[i] > least ? word[i] : least;
			li = line[i] > least ? line[i] : least;
			if (li <= fair && left - li >= words - wi) {
				colw[i] = li;
				left -= li;
				words -= wi;
				open--;
				changed = 1;
			}
		}
	}
	for (i = 0; i < n; i++) {
		wi = word[i] > least ? word[i] : least;
		li = line[i] > least ? line[i] : least;
		if (lines <= avail) {
			colw[i] = li;
			scratch[i] = 0;
		} else if (colw[i] == 0) {
			colw[i] = wi;
			left -= wi;
			scratch[i] = li - wi;
		} else {
			scratch[i] = 0;
		}
	}
	if (lines > avail)
		share_out(colw, scratch, n, left);
	return 0;
}
