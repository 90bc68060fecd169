#include "config.h"

/*
 * A libhyphen pattern file in memory, indexed by the letters of each
 * pattern, and the small dictionary of the patterns one word can match.
 *
 * Why: libhyphen takes 3 seconds to load Debian's German patterns
 * (hyph_de_DE.dic: 69,000 compounds and 9,000 patterns, and a quadratic
 * pass over its states), 300 times a whole render.  A pattern can only
 * act on a word whose letters (".word.", with the word's ends) hold its
 * own (with a '.' for an end of the word or of a part of a compound), so
 * a dictionary of just those gives libhyphen's answer for that word; it
 * loads in well under a millisecond.  Reading and indexing the file takes a
 * few milliseconds, once per process (hyphen.c caches it).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hyphen.h>

#include "text.h"
#include "patterns.h"

#define PAT_FILE_MAX (64u << 20) /* bytes: no real pattern file is near */
#define PAT_LINE_MAX 98          /* libhyphen reads lines of 99 bytes */

struct pat {
	uint32_t hash;   /* of its letters */
	uint32_t off;    /* of its line in text */
	uint8_t len;     /* of its line */
	uint8_t level;   /* 0, or 1 after NEXTLEVEL */
};

struct patfile {
	char *text;      /* the file, lines NUL-ended in place */
	struct pat *pats; /* sorted by hash */
	size_t npats;
	const char *head[2]; /* keyword lines of each level, "\n"-joined */
	size_t head_len[2];
	char *heads;     /* owned storage of head[] */
	int levels;      /* 2 when the file has NEXTLEVEL */
	size_t longest;  /* letters of the longest pattern */
};

static uint32_t hash_of(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

/* The letters of a pattern line ("1ab3c/..." -> "abc") into dst. */
static size_t letters_of(char *dst, const char *line, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len && line[i] != '/'; i++)
		if (line[i] < '0' || line[i] > '9')
			dst[n++] = line[i];
	return n;
}

static int cmp_pat(const void *a, const void *b)
{
	const struct pat *x = a, *y = b;

	return x->hash < y->hash ? -1 : x->hash > y->hash;
}

void patfile_free(struct patfile *pf)
{
	if (pf == NULL)
		return;
	pactum_free(pf->text);
	pactum_free(pf->pats);
	pactum_free(pf->heads);
	pactum_free(pf);
}

/* The whole file at path, NUL-ended, into *out; 0, -1, or -2 when out of
 * memory. */
static int slurp(char **out, size_t *len, const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long size = -1;
	int error = -1;

	if (f == NULL)
		return -1;
	if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 ||
	    (unsigned long)size > PAT_FILE_MAX || fseek(f, 0, SEEK_SET) != 0)
		goto cleanup;
	if ((buf = pactum_malloc((size_t)size + 1)) == NULL) {
		error = -2;
		goto cleanup;
	}
	if (fread(buf, 1, (size_t)size, f) != (size_t)size)
		goto cleanup;
	buf[size] = '\0';
	*out = buf;
	*len = (size_t)size;
	buf = NULL;
	error = 0;
cleanup:
	pactum_free(buf);
	fclose(f);
	return error;
}

/* Index the lines of pf->text (len bytes): the charset first, keyword
 * lines (LEFTHYPHENMIN 2 ...) kept per level, '%' and '#' comments and
 * lines libhyphen cannot read skipped. */
static int index_lines(struct patfile *pf, size_t len)
{
	char letters[PAT_LINE_MAX], *line, *end, *heads;
	size_t off = 0, n, cap = 1 + len / 2, hlen[2] = { 0, 0 };
	size_t first[2] = { 0, 0 };
	int level = 0, lineno = 0;

	if ((pf->pats = pactum_malloc(cap * sizeof(*pf->pats))) == NULL)
		return -1;
	for (; off < len; off = (size_t)(end - pf->text) + 1, lineno++) {
		line = pf->text + off;
		if ((end = memchr(line, '\n', len - off)) == NULL)
			end = pf->text + len;
		*end = '\0';
		n = (size_t)(end - line);
		if (n > 0 && line[n - 1] == '\r')
			line[--n] = '\0';
		if (lineno == 0 || n == 0 || n > PAT_LINE_MAX || *line == '%' ||
		    *line == '#')
			continue;
		if (strcmp(line, "NEXTLEVEL") == 0) {
			level = pf->levels = 1;
			continue;
		}
		if (*line >= 'A' && *line <= 'Z') {
			if (hlen[level] == 0)
				first[level] = off;
			hlen[level] += n + 1; /* joined below */
			continue;
		}
		if (pf->npats == cap)
			return -1; /* cannot be: every line takes two bytes */
		pf->pats[pf->npats].off = (uint32_t)off;
		pf->pats[pf->npats].len = (uint8_t)n;
		pf->pats[pf->npats].level = (uint8_t)level;
		n = letters_of(letters, line, n);
		pf->pats[pf->npats].hash = hash_of(letters, n);
		if (n > pf->longest)
			pf->longest = n;
		pf->npats++;
	}
	pf->levels++;
	qsort(pf->pats, pf->npats, sizeof(*pf->pats), cmp_pat);
	/* keyword lines, joined per level (a few, at the top of each) */
	if ((heads = pactum_malloc(hlen[0] + hlen[1] + 1)) == NULL)
		return -1;
	pf->heads = heads;
	for (level = 0; level < 2; level++) {
		pf->head[level] = heads;
		for (off = first[level]; hlen[level] > 0 && off < len;
		     off += strlen(pf->text + off) + 1) {
			line = pf->text + off;
			if (strcmp(line, "NEXTLEVEL") == 0)
				break;
			if (*line >= 'A' && *line <= 'Z' &&
			    strlen(line) <= PAT_LINE_MAX) {
				n = strlen(line);
				memcpy(heads, line, n);
				heads[n] = '\n';
				heads += n + 1;
			}
		}
		pf->head_len[level] = (size_t)(heads - pf->head[level]);
	}
	return 0;
}

/* The pattern file at path, read and indexed; NULL when it cannot be
 * read or holds no patterns.  Owned: patfile_free(). */
struct patfile *patfile_read(const char *path, int *nomem)
{
	struct patfile *pf = pactum_malloc(sizeof(*pf));
	size_t len = 0;
	int error;

	if (pf == NULL) {
		*nomem = 1;
		return NULL;
	}
	memset(pf, 0, sizeof(*pf));
	error = slurp(&pf->text, &len, path);
	if (error == 0 && len < UINT32_MAX)
		/* fails only for want of memory */
		error = index_lines(pf, len) != 0 ? -2 : pf->npats == 0 ? -1 : 0;
	if (error != 0 || len >= UINT32_MAX) {
		*nomem |= error == -2;
		patfile_free(pf);
		return NULL;
	}
	return pf;
}

/* The charset the patterns are written in: the file's first line. */
const char *patfile_charset(const struct patfile *pf)
{
	return pf->text;
}

/* Two patterns with the same letters: libhyphen keeps the later and
 * leaks the other, so only the last of them goes into a dictionary. */
static int same_letters(const struct patfile *pf, size_t a, size_t b)
{
	char x[PAT_LINE_MAX], y[PAT_LINE_MAX];
	size_t nx, ny;

	if (pf->pats[a].hash != pf->pats[b].hash ||
	    pf->pats[a].level != pf->pats[b].level)
		return 0;
	nx = letters_of(x, pf->text + pf->pats[a].off, pf->pats[a].len);
	ny = letters_of(y, pf->text + pf->pats[b].off, pf->pats[b].len);
	return nx == ny && memcmp(x, y, nx) == 0;
}

static int cmp_index(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/* Append the matches of the len bytes at s (of ".word.") to found. */
static void find(size_t *found, size_t *nfound, size_t cap,
		 const struct patfile *pf, const char *s, size_t len)
{
	uint32_t h = hash_of(s, len);
	size_t lo = 0, hi = pf->npats, mid, n;
	char letters[PAT_LINE_MAX];

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (pf->pats[mid].hash < h)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < pf->npats && pf->pats[lo].hash == h && *nfound < cap;
	     lo++) {
		n = letters_of(letters, pf->text + pf->pats[lo].off,
			       pf->pats[lo].len);
		if (n == len && memcmp(letters, s, len) == 0)
			found[(*nfound)++] = lo;
	}
}

/* Is found[k] (found sorted) there again, or a pattern of the same
 * letters after it in the file?  Patterns sharing letters share a hash,
 * and so are next to each other in pf->pats. */
static int superseded(const struct patfile *pf, const size_t *found,
		      size_t nfound, size_t k)
{
	size_t i;

	if (k + 1 < nfound && found[k + 1] == found[k])
		return 1;
	for (i = found[k] + 1; i < pf->npats &&
			       pf->pats[i].hash == pf->pats[found[k]].hash;
	     i++)
		if (same_letters(pf, found[k], i) &&
		    pf->pats[i].off > pf->pats[found[k]].off)
			return 1;
	for (i = found[k]; i-- > 0 &&
			   pf->pats[i].hash == pf->pats[found[k]].hash;)
		if (same_letters(pf, found[k], i) &&
		    pf->pats[i].off > pf->pats[found[k]].off)
			return 1;
	return 0;
}

/*
 * A libhyphen dictionary of the patterns that can act on word (len bytes
 * in the patterns' charset, lowercase): the file's keywords and levels,
 * and of its patterns those whose letters are in ".word.".  Owned:
 * hnj_hyphen_free(); NULL when out of memory.
 */
HyphenDict *patfile_dict(const struct patfile *pf, const char *word,
			 size_t len, int *nomem)
{
	char dotted[HYPH_MAX_WORD * 4 + 2];
	size_t found[8192], nfound = 0, i, j, k, size = 0;
	const size_t cap = sizeof(found) / sizeof(found[0]);
	HyphenDict *dict = NULL;
	char *text = NULL, *o;
	FILE *f = NULL;
	int level;

	if (len + 2 > sizeof(dotted))
		return NULL;
	/* libhyphen puts a '.' around each part of a compound it splits
	 * as well as around the word: every piece, with a '.' before or
	 * after or both */
	for (i = 0; i < len; i++)
		for (j = 1; j <= pf->longest && i + j <= len; j++) {
			dotted[0] = '.';
			memcpy(dotted + 1, word + i, j);
			dotted[j + 1] = '.';
			find(found, &nfound, cap, pf, dotted + 1, j);
			find(found, &nfound, cap, pf, dotted, j + 1);
			find(found, &nfound, cap, pf, dotted + 1, j + 1);
			find(found, &nfound, cap, pf, dotted, j + 2);
		}
	qsort(found, nfound, sizeof(found[0]), cmp_index);
	size = strlen(pf->text) + 32 + pf->head_len[0] + pf->head_len[1];
	for (k = 0; k < nfound; k++)
		size += pf->pats[found[k]].len + 1u;
	if ((o = text = pactum_malloc(size)) == NULL) {
		*nomem = 1;
		goto cleanup;
	}
	o += sprintf(o, "%s\n", pf->text);
	for (level = 0; level < pf->levels; level++) {
		if (level == 1)
			o += sprintf(o, "NEXTLEVEL\n");
		memcpy(o, pf->head[level], pf->head_len[level]);
		o += pf->head_len[level];
		for (k = 0; k < nfound; k++) {
			const struct pat *p = &pf->pats[found[k]];

			if (p->level != level || superseded(pf, found, nfound, k))
				continue;
			memcpy(o, pf->text + p->off, p->len);
			o += p->len;
			*o++ = '\n';
		}
	}
	if ((f = fmemopen(text, (size_t)(o - text), "r")) == NULL)
		goto cleanup;
	dict = hnj_hyphen_load_file(f);
cleanup:
	if (f != NULL)
		fclose(f);
	pactum_free(text);
	return dict;
}
