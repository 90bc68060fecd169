/*
 * charset.h — the text writer's output charsets: which ones it offers,
 * which characters each holds, an ASCII transliteration table of its own,
 * and the conversion of finished UTF-8 text with iconv.
 *
 * Nothing here depends on the locale: names are compared in ASCII, the
 * tables are ours, and iconv is only asked to convert between two named
 * charsets, which gives the same bytes under every LANG.
 */
#ifndef PACTUM_TEXT_CHARSET_H
#define PACTUM_TEXT_CHARSET_H

#include <stddef.h>
#include <stdint.h>

enum charset_id {
	CHARSET_UTF8,
	CHARSET_LATIN1,  /* ISO-8859-1 */
	CHARSET_LATIN9,  /* ISO-8859-15 */
	CHARSET_CP1252,  /* WINDOWS-1252 */
	CHARSET_ASCII    /* US-ASCII */
};

struct charset {
	enum charset_id id;
	const char *name; /* canonical: for iconv and for messages */
};

/* The charsets offered, for messages: "UTF-8, ISO-8859-1 (LATIN1), ...". */
extern const char charset_allowed[];
/* Every name charset_find() accepts; NULL-terminated. */
extern const char *const charset_names[];

/*
 * The charset called name (any case; common aliases such as LATIN1, CP1252
 * or ASCII are accepted), or NULL when it is not one we offer.  Borrowed:
 * static storage.
 */
const struct charset *charset_find(const char *name);

/* Nonzero when cs can hold the code point cp. */
int charset_holds(const struct charset *cs, uint32_t cp);

/*
 * Our transliteration of cp: NUL-terminated UTF-8 to write instead of it,
 * or NULL when we have none.  Replacements are ASCII ("ae" for U+00E4,
 * "EUR" for U+20AC; combining marks become ""), except for no-break
 * spaces: those become U+00A0, which the caller keeps through line
 * wrapping (so that lines still never break there) and turns into a
 * space afterwards where the charset lacks it.  Borrowed: static storage.
 */
const char *charset_translit(uint32_t cp);

/*
 * Convert len bytes of UTF-8 at in to cs.  On success *out (owned: release
 * with pactum_free()) holds *out_len bytes.  Returns PACTUM_OK;
 * PACTUM_EINPUT when a character cannot be converted, with *bad set to its
 * byte offset in in; PACTUM_EIO when iconv cannot convert to cs at all
 * (errno says why); or PACTUM_ENOMEM.  *out is NULL on failure.
 */
int charset_convert(char **out, size_t *out_len, size_t *bad,
		    const struct charset *cs, const char *in, size_t len);

#endif /* PACTUM_TEXT_CHARSET_H */
