#include "config.h"

/*
 * The text writer's output charsets; see charset.h.
 */

#include <errno.h>
#include <iconv.h>
#include <string.h>

#include <pactum/plugin.h>

#include "charset.h"

#ifndef ICONV_CONST
#define ICONV_CONST
#endif

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* ------------------------------------------------------ names -------- */

static const struct charset charsets[] = {
	{ CHARSET_UTF8, "UTF-8" },
	{ CHARSET_LATIN1, "ISO-8859-1" },
	{ CHARSET_LATIN9, "ISO-8859-15" },
	{ CHARSET_CP1252, "WINDOWS-1252" },
	{ CHARSET_ASCII, "US-ASCII" },
};

/* Every spelling accepted, with the charset it names: one list, made
 * into the names the writer declares for its option and the ids found. */
#define ALIASES(X) \
	X("UTF-8", CHARSET_UTF8) X("UTF8", CHARSET_UTF8) \
	X("ISO-8859-1", CHARSET_LATIN1) X("ISO8859-1", CHARSET_LATIN1) \
	X("ISO_8859-1", CHARSET_LATIN1) X("LATIN1", CHARSET_LATIN1) \
	X("LATIN-1", CHARSET_LATIN1) \
	X("ISO-8859-15", CHARSET_LATIN9) X("ISO8859-15", CHARSET_LATIN9) \
	X("ISO_8859-15", CHARSET_LATIN9) X("LATIN9", CHARSET_LATIN9) \
	X("LATIN-9", CHARSET_LATIN9) \
	X("WINDOWS-1252", CHARSET_CP1252) X("CP1252", CHARSET_CP1252) \
	X("US-ASCII", CHARSET_ASCII) X("ASCII", CHARSET_ASCII) \
	X("ANSI_X3.4-1968", CHARSET_ASCII) /* what `locale charmap` says */
#define NAME_OF(name, id) name,
#define ID_OF(name, id) id,

const char *const charset_names[] = { ALIASES(NAME_OF) NULL };
static const enum charset_id alias_ids[] = { ALIASES(ID_OF) };

const char charset_allowed[] =
	"UTF-8, ISO-8859-1 (LATIN1), ISO-8859-15 (LATIN-9), "
	"WINDOWS-1252 (CP1252), US-ASCII (ASCII)";

const struct charset *charset_find(const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(alias_ids); i++)
		if (pactum_ascii_caseeq(name, charset_names[i]))
			return &charsets[alias_ids[i]];
	return NULL;
}

/* ------------------------------------------------------ repertoires -- */

/* What ISO-8859-15 has at 0xA4, 0xA6, 0xA8, 0xB4, 0xB8, 0xBC-0xBE instead
 * of the Latin-1 characters there. */
static const uint16_t latin9_extra[] = {
	0x0152, 0x0153, 0x0160, 0x0161, 0x0178, 0x017d, 0x017e, 0x20ac,
};

/* What WINDOWS-1252 has at 0x80-0x9F (five of those bytes are unused). */
static const uint16_t cp1252_extra[] = {
	0x0152, 0x0153, 0x0160, 0x0161, 0x0178, 0x017d, 0x017e, 0x0192,
	0x02c6, 0x02dc, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c,
	0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039,
	0x203a, 0x20ac, 0x2122,
};

static int in_list(uint32_t cp, const uint16_t *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i] == cp)
			return 1;
	return 0;
}

int charset_holds(const struct charset *cs, uint32_t cp)
{
	if (cp < 0x80)
		return 1;
	switch (cs->id) {
	case CHARSET_UTF8:
		return 1;
	case CHARSET_LATIN1:
		return cp <= 0xff;
	case CHARSET_LATIN9:
		if (cp <= 0xff)
			return cp != 0xa4 && cp != 0xa6 && cp != 0xa8 &&
			       cp != 0xb4 && cp != 0xb8 &&
			       (cp < 0xbc || cp > 0xbe);
		return in_list(cp, latin9_extra, ARRAY_SIZE(latin9_extra));
	case CHARSET_CP1252:
		if (cp <= 0xff)
			return cp >= 0xa0; /* not the C1 controls */
		return in_list(cp, cp1252_extra, ARRAY_SIZE(cp1252_extra));
	case CHARSET_ASCII:
		return 0;
	}
	return 0;
}

/* ------------------------------------------------------ transliteration */

#define NBSP "\xc2\xa0"

/*
 * U+00A0 to U+017F: Latin-1 Supplement and Latin Extended-A.  German
 * umlauts are spelt as German readers expect (ä → ae, ß → ss); other
 * letters lose their diacritics.  NULL: no replacement.
 */
static const char *const latin[0x180 - 0xa0] = {
	/* U+00A0 */
	NBSP, "!", "c", "GBP", NULL, "JPY", "|", "Par.",
	"\"", "(c)", "a", "<<", NULL, "", "(R)", "-",
	/* U+00B0 */
	"deg", "+/-", "^2", "^3", "'", "u", "P", ".",
	",", "^1", "o", ">>", " 1/4", " 1/2", " 3/4", "?",
	/* U+00C0 */
	"A", "A", "A", "A", "Ae", "A", "AE", "C",
	"E", "E", "E", "E", "I", "I", "I", "I",
	/* U+00D0 */
	"D", "N", "O", "O", "O", "O", "Oe", "x",
	"O", "U", "U", "U", "Ue", "Y", "Th", "ss",
	/* U+00E0 */
	"a", "a", "a", "a", "ae", "a", "ae", "c",
	"e", "e", "e", "e", "i", "i", "i", "i",
	/* U+00F0 */
	"d", "n", "o", "o", "o", "o", "oe", ":",
	"o", "u", "u", "u", "ue", "y", "th", "y",
	/* U+0100 */
	"A", "a", "A", "a", "A", "a", "C", "c",
	"C", "c", "C", "c", "C", "c", "D", "d",
	/* U+0110 */
	"D", "d", "E", "e", "E", "e", "E", "e",
	"E", "e", "E", "e", "G", "g", "G", "g",
	/* U+0120 */
	"G", "g", "G", "g", "H", "h", "H", "h",
	"I", "i", "I", "i", "I", "i", "I", "i",
	/* U+0130 */
	"I", "i", "IJ", "ij", "J", "j", "K", "k",
	"k", "L", "l", "L", "l", "L", "l", "L",
	/* U+0140 */
	"l", "L", "l", "N", "n", "N", "n", "N",
	"n", "'n", "N", "n", "O", "o", "O", "o",
	/* U+0150 */
	"O", "o", "OE", "oe", "R", "r", "R", "r",
	"R", "r", "S", "s", "S", "s", "S", "s",
	/* U+0160 */
	"S", "s", "T", "t", "T", "t", "T", "t",
	"U", "u", "U", "u", "U", "u", "U", "u",
	/* U+0170 */
	"U", "u", "U", "u", "W", "w", "Y", "y",
	"Y", "Z", "z", "Z", "z", "Z", "z", "s",
};

/* Beyond U+017F: punctuation, symbols and ligatures, sorted by code
 * point. */
static const struct translit {
	uint32_t cp;
	const char *to;
} others[] = {
	{ 0x0192, "f" },     /* ƒ */
	{ 0x02c6, "^" },     /* modifier circumflex */
	{ 0x02dc, "~" },     /* small tilde */
	{ 0x2000, " " },     /* en quad ... hair space: break like U+0020 */
	{ 0x2001, " " },
	{ 0x2002, " " },
	{ 0x2003, " " },
	{ 0x2004, " " },
	{ 0x2005, " " },
	{ 0x2006, " " },
	{ 0x2007, NBSP },    /* figure space: no break */
	{ 0x2008, " " },
	{ 0x2009, " " },
	{ 0x200a, " " },
	{ 0x200b, "" },      /* zero width space */
	{ 0x2010, "-" },     /* hyphen */
	{ 0x2011, "-" },     /* non-breaking hyphen */
	{ 0x2012, "-" },     /* figure dash */
	{ 0x2013, "-" },     /* en dash */
	{ 0x2014, "-" },     /* em dash */
	{ 0x2015, "-" },     /* horizontal bar */
	{ 0x2018, "'" },     /* ‘ */
	{ 0x2019, "'" },     /* ’ */
	{ 0x201a, "'" },     /* ‚ */
	{ 0x201b, "'" },     /* ‛ */
	{ 0x201c, "\"" },    /* “ */
	{ 0x201d, "\"" },    /* ” */
	{ 0x201e, "\"" },    /* „ */
	{ 0x201f, "\"" },    /* ‟ */
	{ 0x2020, "+" },     /* dagger */
	{ 0x2022, "-" },     /* bullet */
	{ 0x2026, "..." },   /* … */
	{ 0x202f, NBSP },    /* narrow no-break space */
	{ 0x2030, "o/oo" },  /* per mille */
	{ 0x2032, "'" },     /* prime */
	{ 0x2033, "\"" },    /* double prime */
	{ 0x2039, "<" },     /* ‹ */
	{ 0x203a, ">" },     /* › */
	{ 0x2044, "/" },     /* fraction slash */
	{ 0x20ac, "EUR" },   /* € */
	{ 0x2122, "(TM)" },  /* ™ */
	{ 0x2190, "<-" },
	{ 0x2192, "->" },
	{ 0x2212, "-" },     /* minus */
	{ 0x2260, "!=" },
	{ 0x2264, "<=" },
	{ 0x2265, ">=" },
	{ 0xfb00, "ff" },
	{ 0xfb01, "fi" },
	{ 0xfb02, "fl" },
	{ 0xfb03, "ffi" },
	{ 0xfb04, "ffl" },
};

const char *charset_translit(uint32_t cp)
{
	size_t lo = 0, hi = ARRAY_SIZE(others), mid;

	if (cp >= 0xa0 && cp < 0x180)
		return latin[cp - 0xa0];
	/* combining diacritical marks: é written as e + U+0301 becomes e */
	if (cp >= 0x0300 && cp <= 0x036f)
		return "";
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (others[mid].cp == cp)
			return others[mid].to;
		if (others[mid].cp < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* ------------------------------------------------------ conversion --- */

/* Double the output buffer of a conversion under way. */
static int grow(char **buf, size_t *cap, char **dst, size_t *dst_left)
{
	size_t used = (size_t)(*dst - *buf);
	char *p = pactum_realloc(*buf, 2 * *cap);

	if (p == NULL)
		return PACTUM_ENOMEM;
	*buf = p;
	*cap *= 2;
	*dst = p + used;
	*dst_left = *cap - used;
	return PACTUM_OK;
}

int charset_convert(char **out, size_t *out_len, size_t *bad,
		    const struct charset *cs, const char *in, size_t len)
{
	iconv_t cd;
	ICONV_CONST char *src = (ICONV_CONST char *)in;
	size_t src_left = len, cap, dst_left;
	char *buf = NULL, *dst;
	int error = PACTUM_OK, saved_errno = 0;

	*out = NULL;
	*out_len = 0;
	*bad = 0;
	cd = iconv_open(cs->name, "UTF-8");
	if (cd == (iconv_t)-1)
		return PACTUM_EIO;
	/* a single-byte charset never needs more bytes than UTF-8 */
	cap = len + 16;
	if ((buf = pactum_malloc(cap)) == NULL) {
		error = PACTUM_ENOMEM;
		goto cleanup;
	}
	dst = buf;
	dst_left = cap;
	while (src_left > 0) {
		if (iconv(cd, &src, &src_left, &dst, &dst_left) != (size_t)-1)
			continue; /* all converted */
		if (errno == E2BIG) {
			error = grow(&buf, &cap, &dst, &dst_left);
			if (error != PACTUM_OK)
				goto cleanup;
			continue;
		}
		if (errno == EILSEQ || errno == EINVAL) {
			/* not in cs / a sequence cut short at the end */
			*bad = (size_t)(src - in);
			error = PACTUM_EINPUT;
		} else {
			saved_errno = errno;
			error = PACTUM_EIO;
		}
		goto cleanup;
	}
	/* back to the initial shift state: no bytes for our charsets, but
	 * that is iconv's business */
	while (iconv(cd, NULL, NULL, &dst, &dst_left) == (size_t)-1) {
		if (errno != E2BIG) {
			saved_errno = errno;
			error = PACTUM_EIO;
			goto cleanup;
		}
		if ((error = grow(&buf, &cap, &dst, &dst_left)) != PACTUM_OK)
			goto cleanup;
	}
	*out = buf;
	*out_len = (size_t)(dst - buf);
	buf = NULL;

cleanup:
	pactum_free(buf);
	iconv_close(cd);
	if (saved_errno != 0)
		errno = saved_errno;
	return error;
}
