#include "config.h"

/*
 * Hyphenation points with libhyphen, for the words the wrapping must
 * break (width.c).  The patterns of a language are found by file name
 * alone, hyph_LL_RR.dic as LibreOffice and Debian install them, first in
 * the directories of PACTUM_HYPHEN_PATH, then in HYPHENDIR: the tag's own
 * (de-AT: hyph_de_AT.dic), else its language's (hyph_de.dic), else the
 * first of the language's others by name (en-GB: hyph_en_US.dic) —
 * a search of the directories, never a table of languages here.
 *
 * Patterns are read when a word first needs them and kept, process-wide
 * and read-only, until the plugin is unloaded: writers may run on several
 * threads at once, so the cache is behind a mutex.  Each word gets a
 * dictionary of its own of the few patterns it can match (patterns.c:
 * libhyphen would take seconds to load a whole German file).
 *
 * Choices, for text a lawyer reads:
 *   - at least HYPH_MIN letters on each side of a break: "Ur-instinkt"
 *     and "Vereinbarun-gen" style breaks read badly; a break nearer an
 *     end (the patterns' own minimum, 2) is BREAK_LOOSE, taken only
 *     where the word would otherwise be cut without a hyphen;
 *   - a word with a capital after its first letter is an abbreviation
 *     ("GeschGehG") or in capitals: not hyphenated (to_dict());
 *   - libhyphen's non-standard breaks (old German "Zucker" -> "Zuk-
 *     ker", "Schiffahrt" -> "Schiff-fahrt") are refused: they change
 *     the letters of the word, which a contract must keep as written;
 *     Debian's German patterns (spelling of 2006) have none anyway;
 *   - every break the patterns allow is as good as another: Debian's
 *     German patterns have a first level of morpheme joints (NEXTLEVEL)
 *     that libhyphen applies itself, but it marks prefixes ("Ver-trags",
 *     "Bundes-re-publik") like joints, all with the value 1, and finds
 *     joints that are none in compounds it does not list ("Wiederver-
 *     käufer|vertrag" gets "ver|käufer" and "ver|trag" but not
 *     "käufer|ver"), so preferring them would pick worse breaks; only
 *     the word's own hyphens are preferred (wrap.c).
 */

#include <dirent.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "text.h"
#include "patterns.h"

#ifndef HYPHENDIR
#define HYPHENDIR "/usr/share/hyphen"
#endif

#define HYPH_MIN 3       /* letters on each side of a break, at least */
#define HYPH_PATH_MAX 4096

/* ------------------------------------------------------ the cache ---- */

/* One tag looked up under one PACTUM_HYPHEN_PATH: its patterns, or NULL
 * when there are none (remembered too: no search per word). */
struct entry {
	struct entry *next;
	struct patfile *pf;
	char key[]; /* tag, NUL, the path searched, NUL */
};

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static struct entry *cache;

/* Unloading the plugin (or the program's end) frees every pattern set,
 * so that valgrind sees nothing left. */
/*
 * Words hyphenated before, with where they break.  A word's dictionary
 * costs libhyphen about a million instructions, and a batch, or a
 * document's second language, meets the same words again.  A bucket
 * keeps at most WORD_CHAIN words, so that no choice of words can make a
 * lookup cost more; a word that finds its bucket full is not kept.
 */
#define WORD_BUCKETS 4096
#define WORD_CHAIN 8

struct word {
	struct word *next;
	const struct patfile *pf;
	uint16_t len;  /* bytes of the word, in the patterns' charset */
	uint8_t chars; /* its letters; chars - 1 break flags follow it */
	char bytes[];
};

static struct word *words[WORD_BUCKETS];

static size_t word_bucket(const struct patfile *pf, const char *w, size_t len)
{
	uint32_t h = 2166136261u ^ (uint32_t)(uintptr_t)pf;
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)w[i]) * 16777619u;
	return h % WORD_BUCKETS;
}

/* The break flags of word w, or NULL; call with cache_lock held. */
static const char *word_find(const struct patfile *pf, const char *w,
			     size_t len)
{
	const struct word *e;

	for (e = words[word_bucket(pf, w, len)]; e; e = e->next)
		if (e->pf == pf && e->len == len && memcmp(e->bytes, w, len) == 0)
			return e->bytes + len;
	return NULL;
}

/* Keep w's break flags (chars - 1 of them); call with cache_lock held.
 * A full bucket keeps nothing; -1 when out of memory (which fails the
 * render, as every other allocation does). */
static int word_keep(const struct patfile *pf, const char *w, size_t len,
		     int chars, const char *breaks)
{
	struct word **head = &words[word_bucket(pf, w, len)], *e;
	int n = 0;

	for (e = *head; e; e = e->next)
		if (++n >= WORD_CHAIN)
			return 0;
	e = pactum_malloc(sizeof(*e) + len + (size_t)chars);
	if (e == NULL)
		return -1;
	e->pf = pf;
	e->len = (uint16_t)len;
	e->chars = (uint8_t)chars;
	memcpy(e->bytes, w, len);
	memcpy(e->bytes + len, breaks, (size_t)chars - 1);
	e->next = *head;
	*head = e;
	return 0;
}

__attribute__((destructor)) static void cache_free(void)
{
	struct entry *e, *next;
	struct word *w, *wnext;
	size_t i;

	for (i = 0; i < WORD_BUCKETS; i++) {
		for (w = words[i]; w; w = wnext) {
			wnext = w->next;
			pactum_free(w);
		}
		words[i] = NULL;
	}
	for (e = cache; e; e = next) {
		next = e->next;
		patfile_free(e->pf);
		pactum_free(e);
	}
	cache = NULL;
}

/* ------------------------------------------------------ the search --- */

/* Read dir/name if it is a regular file; NULL otherwise. */
static struct patfile *try_file(const char *dir, size_t dir_len,
				const char *name, int *nomem)
{
	char path[HYPH_PATH_MAX];
	struct stat st;
	int n;

	n = snprintf(path, sizeof(path), "%.*s/%s", (int)dir_len, dir, name);
	if (n < 0 || (size_t)n >= sizeof(path) || stat(path, &st) != 0 ||
	    !S_ISREG(st.st_mode))
		return NULL;
	return patfile_read(path, nomem);
}

/* The first name, in byte order, of dir's files "hyph_LANG_*.dic" (the
 * language's other patterns), into best (cap bytes); 0 if none. */
static int other_patterns(char *best, size_t cap, const char *dir,
			  size_t dir_len, const char *lang)
{
	char path[HYPH_PATH_MAX], prefix[64];
	struct dirent *d;
	size_t plen, nlen;
	DIR *dp;
	int found = 0;

	if (dir_len >= sizeof(path) ||
	    snprintf(prefix, sizeof(prefix), "hyph_%s_", lang) >=
		    (int)sizeof(prefix))
		return 0;
	memcpy(path, dir, dir_len);
	path[dir_len] = '\0';
	if ((dp = opendir(path)) == NULL)
		return 0;
	plen = strlen(prefix);
	while ((d = readdir(dp)) != NULL) {
		nlen = strlen(d->d_name);
		if (nlen <= plen + 4 || nlen >= cap ||
		    strncmp(d->d_name, prefix, plen) != 0 ||
		    strcmp(d->d_name + nlen - 4, ".dic") != 0)
			continue;
		if (!found || strcmp(d->d_name, best) < 0) {
			memcpy(best, d->d_name, nlen + 1);
			found = 1;
		}
	}
	closedir(dp);
	return found;
}

/* Try name in every directory of path (':'-separated), in order. */
static struct patfile *in_path(const char *path, const char *name,
			       const char *lang, int *nomem)
{
	const char *dir = path, *end;
	struct patfile *dict = NULL;
	char other[256];

	while (dict == NULL && !*nomem && *dir != '\0') {
		end = strchr(dir, ':');
		if (end == NULL)
			end = dir + strlen(dir);
		if (end > dir) {
			if (name != NULL)
				dict = try_file(dir, (size_t)(end - dir), name,
						nomem);
			else if (other_patterns(other, sizeof(other), dir,
						(size_t)(end - dir), lang))
				dict = try_file(dir, (size_t)(end - dir), other,
						nomem);
		}
		dir = *end == ':' ? end + 1 : end;
	}
	return dict;
}

/* The patterns for tag ("de-AT") along path: hyph_de_AT.dic, then each
 * shorter tag's (hyph_de.dic), then the language's others.  A tag with
 * anything but letters, digits and '-' names no file. */
static struct patfile *search(const char *tag, const char *path, int *nomem)
{
	char stem[64], name[80], lang[16];
	struct patfile *dict = NULL;
	size_t i, n = strlen(tag);
	char *cut;

	if (n == 0 || n >= sizeof(stem))
		return NULL;
	for (i = 0; i < n; i++) {
		char c = tag[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '-'))
			return NULL;
		stem[i] = c == '-' ? '_' : c;
	}
	stem[n] = '\0';
	for (;;) {
		snprintf(name, sizeof(name), "hyph_%s.dic", stem);
		if ((dict = in_path(path, name, NULL, nomem)) != NULL || *nomem)
			return dict;
		if ((cut = strrchr(stem, '_')) == NULL)
			break;
		*cut = '\0';
	}
	if (strlen(stem) >= sizeof(lang))
		return NULL;
	strcpy(lang, stem);
	return in_path(path, NULL, lang, nomem);
}

/* The patterns of tag, read on first use; NULL when there are none, or
 * (*nomem set) no memory to read them, which is not remembered.  They
 * stay valid until unload. */
static const struct patfile *patterns(const char *tag, int *nomem)
{
	const char *env = getenv("PACTUM_HYPHEN_PATH");
	char path[HYPH_PATH_MAX];
	size_t tlen = strlen(tag), plen;
	const struct patfile *pf = NULL;
	struct entry *e;

	if (snprintf(path, sizeof(path), "%s%s%s", env ? env : "",
		     env && *env ? ":" : "", HYPHENDIR) >= (int)sizeof(path))
		return NULL;
	plen = strlen(path);
	pthread_mutex_lock(&cache_lock);
	for (e = cache; e; e = e->next)
		if (strcmp(e->key, tag) == 0 &&
		    strcmp(e->key + tlen + 1, path) == 0)
			break;
	if (e == NULL) {
		e = pactum_malloc(sizeof(*e) + tlen + plen + 2);
		if (e != NULL) {
			memcpy(e->key, tag, tlen + 1);
			memcpy(e->key + tlen + 1, path, plen + 1);
			e->pf = search(tag, path, nomem);
		}
		if (e == NULL || *nomem) {
			*nomem = 1;
			if (e != NULL)
				patfile_free(e->pf);
			pactum_free(e);
			e = NULL;
		} else {
			e->next = cache;
			cache = e;
		}
	}
	if (e != NULL)
		pf = e->pf;
	pthread_mutex_unlock(&cache_lock);
	return pf;
}

/* ------------------------------------------------------ words -------- */

/* Lowercase, for the patterns: ASCII, Latin-1 and Latin Extended-A (the
 * letters of the languages whose patterns take them). */
static uint32_t lower(uint32_t cp)
{
	if ((cp >= 'A' && cp <= 'Z') ||
	    (cp >= 0xc0 && cp <= 0xde && cp != 0xd7))
		return cp + 0x20;
	if ((cp >= 0x100 && cp <= 0x137 && !(cp & 1)) ||
	    (cp >= 0x14a && cp <= 0x177 && !(cp & 1)) ||
	    (cp >= 0x139 && cp <= 0x148 && (cp & 1)) ||
	    (cp >= 0x179 && cp <= 0x17e && (cp & 1)))
		return cp + 1;
	return cp;
}

static size_t put_utf8(char *dst, uint32_t cp)
{
	if (cp < 0x80) {
		dst[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		dst[0] = (char)(0xc0 | (cp >> 6));
		dst[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		dst[0] = (char)(0xe0 | (cp >> 12));
		dst[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		dst[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	dst[0] = (char)(0xf0 | (cp >> 18));
	dst[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	dst[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	dst[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

/*
 * s (len bytes of UTF-8) lowercased in the patterns' charset into word
 * (NUL-ended; at least 4 * len + 1 bytes), and where each of its
 * characters starts in s into at[] (len + 1 entries, at[chars] = len).
 * Returns the number of characters, or -1 for a charset we cannot
 * write (libhyphen takes UTF-8 or an 8-bit charset; we write ISO8859-1),
 * a character it lacks, or a capital after the first letter: an
 * abbreviation ("GeschGehG", "UrhG") or a word in capitals, which the
 * patterns would break as if it were a word ("Gesch-GehG").
 */
static int to_dict(char *word, size_t *word_len, size_t *at,
		   const char *cset, const char *s, size_t len)
{
	int utf8 = strcmp(cset, "UTF-8") == 0, chars = 0;
	size_t i = 0, o = 0, n;
	uint32_t cp;

	if (!utf8 && strcmp(cset, "ISO8859-1") != 0 &&
	    strcmp(cset, "ISO-8859-1") != 0)
		return -1;
	while (i < len) {
		n = text_utf8_next(&cp, s + i, len - i);
		if (chars > 0 && lower(cp) != cp)
			return -1;
		at[chars++] = i;
		cp = lower(cp);
		if (utf8)
			o += put_utf8(word + o, cp);
		else if (cp < 0x100)
			word[o++] = (char)cp;
		else
			return -1;
		i += n;
	}
	at[chars] = len;
	word[o] = '\0';
	*word_len = o;
	return chars;
}

/* libhyphen's arrays of non-standard breaks, malloc()ed by it. */
static void free_nonstandard(char **rep, int *pos, int *cut, int n)
{
	int i;

	if (rep != NULL)
		for (i = 0; i < n; i++)
			free(rep[i]);
	free(rep);
	free(pos);
	free(cut);
}

/*
 * Mark where the letters s[0..len) (UTF-8, one run of letters of a word,
 * in language tag) may take a hyphen: marks[i], 0 < i < len, becomes
 * BREAK_SYLLABLE (or BREAK_LOOSE, see above) when a break may go before
 * byte i; other entries are left alone.  Returns 1 when patterns were applied, 0 when
 * there are none for tag or the letters do not suit them (too long, a
 * letter their charset lacks).  Thread-safe.
 */
int text_hyphenate(unsigned char *marks, const char *tag, const char *s,
		   size_t len)
{
	char word[4 * HYPH_MAX_WORD + 1], hyph[4 * HYPH_MAX_WORD + 5];
	char breaks[HYPH_MAX_WORD];
	const char *known;
	size_t at[HYPH_MAX_WORD + 1], wlen = 0;
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
	const struct patfile *pf;
	HyphenDict *dict = NULL;
	int chars, i, applied = 0, nomem = 0;

	if (len == 0 || len > HYPH_MAX_WORD || tag == NULL ||
	    (pf = patterns(tag, &nomem)) == NULL)
		goto cleanup;
	chars = to_dict(word, &wlen, at, patfile_charset(pf), s, len);
	if (chars < 4)
		goto cleanup;
	pthread_mutex_lock(&cache_lock);
	known = word_find(pf, word, wlen);
	if (known != NULL)
		memcpy(breaks, known, (size_t)chars - 1);
	pthread_mutex_unlock(&cache_lock);
	if (known == NULL) {
		dict = patfile_dict(pf, word, wlen, &nomem);
		/* the patterns' own minimums (2 for both languages) */
		if (dict == NULL ||
		    hnj_hyphen_hyphenate3(dict, word, (int)wlen, hyph, NULL,
					  &rep, &pos, &cut, 0, 0, dict->clhmin,
					  dict->crhmin) != 0)
			goto cleanup;
		for (i = 0; i + 1 < chars; i++)
			breaks[i] = (hyph[i] & 1) && (rep == NULL || rep[i] == NULL);
		pthread_mutex_lock(&cache_lock);
		if (word_keep(pf, word, wlen, chars, breaks) != 0)
			nomem = 1;
		pthread_mutex_unlock(&cache_lock);
	}
	for (i = 0; i + 1 < chars; i++)
		if (breaks[i])
			marks[at[i + 1]] = i + 1 < HYPH_MIN ||
						   chars - i - 1 < HYPH_MIN
						   ? BREAK_LOOSE : BREAK_SYLLABLE;
	applied = 1;
cleanup:
	free_nonstandard(rep, pos, cut, (int)wlen);
	if (dict != NULL)
		hnj_hyphen_free(dict);
	return nomem ? -1 : applied;
}
