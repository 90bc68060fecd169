#include "config.h"

/* Compiled gettext catalogs.  The file is untrusted: everything is checked
 * once at load time, so that lookups can trust the decoded entries and stay
 * allocation-free and read-only (safe for concurrent readers). */

#include <stdarg.h>
#include <string.h>

#include "catalog.h"

#define MO_MAGIC 0x950412deu
#define MO_MAGIC_SWAPPED 0xde120495u
#define MO_HEADER_SIZE 28u /* magic, revision, N, O, T, S, H */
#define MO_DESC_SIZE 8u    /* a string descriptor: length, offset */

struct entry {
	const char *orig;  /* key (ctx "\x04" msgid), for a plural entry then
			      NUL and msgid_plural; NUL-terminated */
	size_t key_len;    /* bytes of orig before its first NUL */
	const char *trans; /* forms separated by NUL; NUL-terminated */
	size_t trans_len;  /* all forms with their separators */
};

typedef unsigned (*plural_fn)(unsigned long n);

struct pactum_catalog {
	char *name;
	char *bytes; /* the file; the entries point into it */
	size_t len;
	struct entry *entries;
	size_t n;
	plural_fn plural; /* from Plural-Forms: n -> form index */
	unsigned nplurals;
	/* the language's own catalog behind a regional one (de behind
	 * de_AT): what the variant does not change */
	const pactum_catalog *fallback;
};

/* ------------------------------------------------------------------ */
/* Plural forms: a fixed list, each a C function, so that no expression
 * from a file is ever evaluated. */

static unsigned plural_one(unsigned long n)
{
	(void)n;
	return 0;
}

static unsigned plural_not_one(unsigned long n)
{
	return n != 1;
}

static unsigned plural_above_one(unsigned long n)
{
	return n > 1;
}

/* Russian, Ukrainian, Belarusian, Serbian, Croatian ... */
static unsigned plural_slavic(unsigned long n)
{
	if (n % 10 == 1 && n % 100 != 11)
		return 0;
	if (n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 10 || n % 100 >= 20))
		return 1;
	return 2;
}

static unsigned plural_polish(unsigned long n)
{
	if (n == 1)
		return 0;
	if (n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 10 || n % 100 >= 20))
		return 1;
	return 2;
}

/* Czech, Slovak */
static unsigned plural_czech(unsigned long n)
{
	if (n == 1)
		return 0;
	if (n >= 2 && n <= 4)
		return 1;
	return 2;
}

/* Written without white space and without the trailing ';': the header's
 * value is compared ignoring both.  The 3-form ones come as the gettext
 * manual writes them and wrapped in parentheses, as msginit does. */
static const struct {
	const char *expr;
	plural_fn fn;
	unsigned nplurals;
} known_plurals[] = {
	{ "nplurals=1;plural=0", plural_one, 1 },
	{ "nplurals=2;plural=(n!=1)", plural_not_one, 2 },
	{ "nplurals=2;plural=n!=1", plural_not_one, 2 },
	{ "nplurals=2;plural=(n>1)", plural_above_one, 2 },
	{ "nplurals=2;plural=n>1", plural_above_one, 2 },
	{ "nplurals=3;plural=n%10==1&&n%100!=11?0:"
	  "n%10>=2&&n%10<=4&&(n%100<10||n%100>=20)?1:2", plural_slavic, 3 },
	{ "nplurals=3;plural=(n%10==1&&n%100!=11?0:"
	  "n%10>=2&&n%10<=4&&(n%100<10||n%100>=20)?1:2)", plural_slavic, 3 },
	{ "nplurals=3;plural=n==1?0:"
	  "n%10>=2&&n%10<=4&&(n%100<10||n%100>=20)?1:2", plural_polish, 3 },
	{ "nplurals=3;plural=(n==1?0:"
	  "n%10>=2&&n%10<=4&&(n%100<10||n%100>=20)?1:2)", plural_polish, 3 },
	{ "nplurals=3;plural=(n==1)?0:(n>=2&&n<=4)?1:2", plural_czech, 3 },
	{ "nplurals=3;plural=((n==1)?0:(n>=2&&n<=4)?1:2)", plural_czech, 3 },
};

/* ------------------------------------------------------------------ */
/* Helpers                                                              */

static void report(pactum_diag *diag, const char *name, const char *fmt, ...)
	PACTUM_PRINTF(3, 4);

static void report(pactum_diag *diag, const char *name, const char *fmt, ...)
{
	pactum_pos pos = { name, 0, 0 };
	va_list ap;

	if (diag == NULL)
		return;
	va_start(ap, fmt);
	pactum_diag_vreport(diag, PACTUM_ERROR, &pos, fmt, ap);
	va_end(ap);
}

static uint32_t read32(const char *bytes, size_t off, int big)
{
	const unsigned char *p = (const unsigned char *)bytes + off;

	if (big)
		return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
		       (uint32_t)p[2] << 8 | (uint32_t)p[3];
	return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[1] << 8 | (uint32_t)p[0];
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static char ascii_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Not strncasecmp(): that one follows the process locale. */
static int ascii_ieq(const char *a, const char *b, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (ascii_lower(a[i]) != ascii_lower(b[i]))
			return 0;
	return 1;
}

static int is_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

/* Values from the file go into messages only when short and harmless. */
static int quotable(const char *s, size_t len)
{
	return len <= 80 && !pactum__text_unsafe(NULL, NULL, s, len, 0);
}

struct pactum_key pactum__catalog_key(const char *ctx, const char *msgid)
{
	struct pactum_key k = { ctx, msgid, ctx ? strlen(ctx) : 0,
				strlen(msgid) };

	return k;
}

int pactum__catalog_key_cmp(const char *key, size_t key_len,
			    const struct pactum_key *k)
{
	const char *pieces[3] = { k->ctx, "\x04", k->msgid };
	const size_t lens[3] = { k->ctx_len, 1, k->msgid_len };
	size_t at = 0, i;

	for (i = k->ctx != NULL ? 0 : 2; i < 3; i++) {
		size_t left = key_len - at;
		size_t n = left < lens[i] ? left : lens[i];
		int c = memcmp(key + at, pieces[i], n);

		if (c != 0)
			return c;
		at += n;
		if (n < lens[i])
			return -1; /* the key ends inside the piece */
	}
	return at < key_len; /* the key is longer */
}

static const struct entry *find(const pactum_catalog *cat,
				const struct pactum_key *k)
{
	size_t lo = 0, hi = cat->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = pactum__catalog_key_cmp(cat->entries[mid].orig,
						cat->entries[mid].key_len, k);

		if (c == 0)
			return &cat->entries[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Byte order of keys, as msgfmt sorts them (strcmp on the key). */
static int cmp_entries(const struct entry *a, const struct entry *b)
{
	size_t n = a->key_len < b->key_len ? a->key_len : b->key_len;
	int c = memcmp(a->orig, b->orig, n);

	if (c != 0)
		return c;
	return a->key_len < b->key_len ? -1 : a->key_len > b->key_len;
}

/* ------------------------------------------------------------------ */
/* Loading                                                              */

/*
 * Decode string i of the table at table (length, offset pairs), checking
 * that it and its NUL lie inside the file.  trans: the table is that of
 * the translations (for messages).
 */
static int read_string(const char **str, size_t *len,
		       const pactum_catalog *cat, int big, size_t table,
		       size_t i, int trans, pactum_diag *diag)
{
	size_t desc = table + i * MO_DESC_SIZE;
	uint32_t slen = read32(cat->bytes, desc, big);
	uint32_t off = read32(cat->bytes, desc + 4, big);

	/* slen + 1 <= len - off, written so that nothing can wrap */
	if (off > cat->len || slen >= cat->len - off) {
		if (trans)
			report(diag, cat->name,
			       _("translation %zu (offset %lu, length %lu) extends past the end of the file (%zu bytes)"),
			       i, (unsigned long)off, (unsigned long)slen,
			       cat->len);
		else
			report(diag, cat->name,
			       _("original string %zu (offset %lu, length %lu) extends past the end of the file (%zu bytes)"),
			       i, (unsigned long)off, (unsigned long)slen,
			       cat->len);
		return PACTUM_EINPUT;
	}
	if (cat->bytes[(size_t)off + slen] != '\0') {
		if (trans)
			report(diag, cat->name,
			       _("translation %zu (offset %lu, length %lu) is not NUL-terminated"),
			       i, (unsigned long)off, (unsigned long)slen);
		else
			report(diag, cat->name,
			       _("original string %zu (offset %lu, length %lu) is not NUL-terminated"),
			       i, (unsigned long)off, (unsigned long)slen);
		return PACTUM_EINPUT;
	}
	*str = cat->bytes + off;
	*len = slen;
	return PACTUM_OK;
}

/* Check that count items of size bytes at off lie inside the file. */
static int table_fits(size_t file_len, uint32_t off, uint32_t count,
		      size_t size)
{
	return off <= file_len && count <= (file_len - off) / size;
}

/* The fixed header, the two tables and every string. */
static int read_tables(pactum_catalog *cat, pactum_diag *diag)
{
	uint32_t magic, revision, n, orig_off, trans_off, hash_size, hash_off;
	size_t i;
	int big, error;

	if (cat->len < 4) {
		report(diag, cat->name,
		       _("not a gettext catalog (file is only %zu bytes long)"),
		       cat->len);
		return PACTUM_EINPUT;
	}
	magic = read32(cat->bytes, 0, 0);
	if (magic == MO_MAGIC) {
		big = 0;
	} else if (magic == MO_MAGIC_SWAPPED) {
		big = 1;
	} else {
		report(diag, cat->name,
		       _("not a gettext catalog (bad magic number)"));
		return PACTUM_EINPUT;
	}
	if (cat->len < MO_HEADER_SIZE) {
		report(diag, cat->name,
		       _("truncated catalog: %zu bytes, the file header alone needs %u"),
		       cat->len, MO_HEADER_SIZE);
		return PACTUM_EINPUT;
	}
	revision = read32(cat->bytes, 4, big);
	/* Major revision 1 adds system-dependent strings we cannot read;
	 * minor revision 1 adds tables we may ignore. */
	if (revision >> 16 != 0 || (revision & 0xffff) > 1) {
		report(diag, cat->name,
		       _("unsupported catalog format revision %lu.%lu (only 0.0 and 0.1 are supported)"),
		       (unsigned long)(revision >> 16),
		       (unsigned long)(revision & 0xffff));
		return PACTUM_EINPUT;
	}
	n = read32(cat->bytes, 8, big);
	orig_off = read32(cat->bytes, 12, big);
	trans_off = read32(cat->bytes, 16, big);
	hash_size = read32(cat->bytes, 20, big);
	hash_off = read32(cat->bytes, 24, big);
	if (!table_fits(cat->len, orig_off, n, MO_DESC_SIZE)) {
		report(diag, cat->name,
		       _("table of original strings (offset %lu, %lu entries) extends past the end of the file (%zu bytes)"),
		       (unsigned long)orig_off, (unsigned long)n, cat->len);
		return PACTUM_EINPUT;
	}
	if (!table_fits(cat->len, trans_off, n, MO_DESC_SIZE)) {
		report(diag, cat->name,
		       _("table of translations (offset %lu, %lu entries) extends past the end of the file (%zu bytes)"),
		       (unsigned long)trans_off, (unsigned long)n, cat->len);
		return PACTUM_EINPUT;
	}
	/* The hash table is never used, but a file that points outside
	 * itself is broken and will not be trusted for anything else. */
	if (!table_fits(cat->len, hash_off, hash_size, 4)) {
		report(diag, cat->name,
		       _("hash table (offset %lu, %lu entries) extends past the end of the file (%zu bytes)"),
		       (unsigned long)hash_off, (unsigned long)hash_size,
		       cat->len);
		return PACTUM_EINPUT;
	}
	if (n == 0)
		return PACTUM_OK;
	/* n * 8 <= len was checked, so this cannot overflow either. */
	cat->entries = pactum_malloc((size_t)n * sizeof(*cat->entries));
	if (cat->entries == NULL)
		return PACTUM_ENOMEM;
	for (i = 0; i < n; i++) {
		struct entry *e = &cat->entries[i];
		size_t orig_len;
		const char *nul;

		error = read_string(&e->orig, &orig_len, cat, big, orig_off,
				    i, 0, diag);
		if (error != PACTUM_OK)
			return error;
		error = read_string(&e->trans, &e->trans_len, cat, big,
				    trans_off, i, 1, diag);
		if (error != PACTUM_OK)
			return error;
		nul = memchr(e->orig, '\0', orig_len);
		e->key_len = nul ? (size_t)(nul - e->orig) : orig_len;
		/* Only plural forms are separated by NUL: in any other
		 * translation a NUL would cut it short without a word. */
		if (nul == NULL && memchr(e->trans, '\0', e->trans_len)) {
			report(diag, cat->name,
			       _("translation %zu holds a NUL byte"), i);
			return PACTUM_EINPUT;
		}
		cat->n = i + 1;
	}
	return PACTUM_OK;
}

/* Binary search needs strictly increasing keys; equal ones are
 * duplicates, and which one a lookup found would be arbitrary. */
static int check_entries(const pactum_catalog *cat, pactum_diag *diag)
{
	size_t i;

	for (i = 0; i < cat->n; i++) {
		const struct entry *e = &cat->entries[i];

		if (i > 0) {
			int c = cmp_entries(e - 1, e);

			if (c == 0) {
				report(diag, cat->name,
				       _("original strings %zu and %zu are duplicates"),
				       i - 1, i);
				return PACTUM_EINPUT;
			}
			if (c > 0) {
				report(diag, cat->name,
				       _("original strings are not sorted: entry %zu sorts before entry %zu"),
				       i, i - 1);
				return PACTUM_EINPUT;
			}
		}
		/* Checking all forms at once checks each: NUL is ASCII, so
		 * it can neither end nor split a valid sequence. */
		if (!pactum__utf8_valid(e->trans, e->trans_len)) {
			report(diag, cat->name,
			       _("translation %zu is not valid UTF-8"), i);
			return PACTUM_EINPUT;
		}
	}
	return PACTUM_OK;
}

/*
 * Find the header field name (without its colon) in the header entry:
 * "Name: value" lines.  On success *value, *len hold the value without
 * surrounding white space.
 */
static int header_field(const char **value, size_t *len, const char *hdr,
			size_t hdr_len, const char *name)
{
	size_t name_len = strlen(name);
	const char *p = hdr, *end = hdr + hdr_len;

	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *v, *ve;

		if (eol == NULL)
			eol = end;
		if ((size_t)(eol - p) > name_len && p[name_len] == ':' &&
		    ascii_ieq(p, name, name_len)) {
			v = p + name_len + 1;
			ve = eol;
			while (v < ve && is_space(*v))
				v++;
			while (ve > v && is_space(ve[-1]))
				ve--;
			*value = v;
			*len = (size_t)(ve - v);
			return 1;
		}
		p = eol + 1;
	}
	return 0;
}

static int check_charset(const pactum_catalog *cat, const char *hdr,
			 size_t hdr_len, pactum_diag *diag)
{
	static const char key[] = "charset=";
	const size_t key_len = sizeof(key) - 1;
	const char *v, *cs = NULL;
	size_t len, i, cs_len = 0;

	if (!header_field(&v, &len, hdr, hdr_len, "Content-Type")) {
		report(diag, cat->name,
		       _("header entry has no Content-Type field (charset=UTF-8 is required)"));
		return PACTUM_EINPUT;
	}
	for (i = 0; i + key_len <= len; i++) {
		if (ascii_ieq(v + i, key, key_len)) {
			cs = v + i + key_len;
			while (cs + cs_len < v + len && cs[cs_len] != ';' &&
			       !is_space(cs[cs_len]))
				cs_len++;
			break;
		}
	}
	if (cs == NULL || cs_len == 0) {
		report(diag, cat->name,
		       _("header entry's Content-Type names no charset (charset=UTF-8 is required)"));
		return PACTUM_EINPUT;
	}
	if (cs_len != 5 || !ascii_ieq(cs, "UTF-8", 5)) {
		if (quotable(cs, cs_len))
			report(diag, cat->name,
			       _("unsupported charset \"%.*s\" (only UTF-8 is supported)"),
			       (int)cs_len, cs);
		else
			report(diag, cat->name,
			       _("unsupported charset (only UTF-8 is supported)"));
		return PACTUM_EINPUT;
	}
	return PACTUM_OK;
}

/* "de" serves "de", and so do "de_DE" and "de-AT". */
static int lang_matches(const char *v, size_t len, const char *lang)
{
	size_t lang_len = strlen(lang), i;

	if (lang_len == 0 || len < lang_len || !ascii_ieq(v, lang, lang_len))
		return 0;
	if (len == lang_len)
		return 1;
	if ((v[lang_len] != '_' && v[lang_len] != '-') || len == lang_len + 1)
		return 0;
	for (i = lang_len + 1; i < len; i++)
		if (!is_alnum(v[i]))
			return 0;
	return 1;
}

static int check_language(const pactum_catalog *cat, const char *hdr,
			  size_t hdr_len, const char *lang, pactum_diag *diag)
{
	const char *v;
	size_t len;

	if (!header_field(&v, &len, hdr, hdr_len, "Language") || len == 0) {
		report(diag, cat->name,
		       _("header entry has no Language field (expected \"%s\")"),
		       lang);
		return PACTUM_EINPUT;
	}
	if (!lang_matches(v, len, lang)) {
		if (quotable(v, len))
			report(diag, cat->name,
			       _("catalog is for Language \"%.*s\", expected \"%s\""),
			       (int)len, v, lang);
		else
			report(diag, cat->name,
			       _("catalog's Language is not \"%s\""), lang);
		return PACTUM_EINPUT;
	}
	return PACTUM_OK;
}

/* Equal to expr once white space and one trailing ';' are dropped. */
static int plural_matches(const char *v, size_t len, const char *expr)
{
	size_t i = 0;

	for (;;) {
		while (i < len && is_space(v[i]))
			i++;
		if (*expr == '\0')
			break;
		if (i == len || v[i] != *expr)
			return 0;
		i++;
		expr++;
	}
	if (i < len && v[i] == ';')
		i++;
	while (i < len && is_space(v[i]))
		i++;
	return i == len;
}

static int check_plural(pactum_catalog *cat, const char *hdr, size_t hdr_len,
			pactum_diag *diag)
{
	const char *v;
	size_t len, i;

	/* gettext's own default: English-like. */
	cat->plural = plural_not_one;
	cat->nplurals = 2;
	if (!header_field(&v, &len, hdr, hdr_len, "Plural-Forms"))
		return PACTUM_OK;
	for (i = 0; i < PACTUM_ARRAY_SIZE(known_plurals); i++) {
		if (plural_matches(v, len, known_plurals[i].expr)) {
			cat->plural = known_plurals[i].fn;
			cat->nplurals = known_plurals[i].nplurals;
			return PACTUM_OK;
		}
	}
	if (quotable(v, len))
		report(diag, cat->name,
		       _("unsupported Plural-Forms expression \"%.*s\""),
		       (int)len, v);
	else
		report(diag, cat->name,
		       _("unsupported Plural-Forms expression"));
	return PACTUM_EINPUT;
}

static int check_header(pactum_catalog *cat, const char *lang,
			pactum_diag *diag)
{
	const struct pactum_key header = { NULL, "", 0, 0 };
	const struct entry *e = find(cat, &header);
	size_t hdr_len;
	int error;

	if (e == NULL || e->trans_len == 0) {
		report(diag, cat->name,
		       _("no header entry (msgid \"\" with the charset and Language)"));
		return PACTUM_EINPUT;
	}
	hdr_len = strlen(e->trans); /* the first form only */
	error = check_charset(cat, e->trans, hdr_len, diag);
	if (error == PACTUM_OK)
		error = check_language(cat, e->trans, hdr_len, lang, diag);
	if (error == PACTUM_OK)
		error = check_plural(cat, e->trans, hdr_len, diag);
	return error;
}

/* Takes ownership of bytes (pactum_malloc'ed) whatever happens. */
static int load_owned(pactum_catalog **out, const char *name, char *bytes,
		      size_t len, const char *lang, pactum_diag *diag)
{
	pactum_catalog *cat = NULL;
	int error = PACTUM_ENOMEM;

	cat = pactum_malloc(sizeof(*cat));
	if (cat == NULL)
		goto cleanup;
	memset(cat, 0, sizeof(*cat));
	cat->bytes = bytes;
	cat->len = len;
	bytes = NULL;
	cat->name = pactum_strndup(name, strlen(name));
	if (cat->name == NULL)
		goto cleanup;
	error = read_tables(cat, diag);
	if (error == PACTUM_OK)
		error = check_entries(cat, diag);
	if (error == PACTUM_OK)
		error = check_header(cat, lang, diag);
	if (error != PACTUM_OK)
		goto cleanup;
	*out = cat;
	cat = NULL;
cleanup:
	pactum_free(bytes);
	pactum__catalog_free(cat);
	return error;
}

int pactum__catalog_load(pactum_catalog **out, const char *name,
			 const char *bytes, size_t len, const char *lang,
			 pactum_diag *diag)
{
	char *copy;

	if (out == NULL)
		return PACTUM_EINVAL;
	*out = NULL;
	if (name == NULL || lang == NULL || (bytes == NULL && len != 0))
		return PACTUM_EINVAL;
	copy = pactum_malloc(len);
	if (copy == NULL)
		return PACTUM_ENOMEM;
	if (len != 0)
		memcpy(copy, bytes, len);
	return load_owned(out, name, copy, len, lang, diag);
}

int pactum__catalog_open(pactum_catalog **out, const char *path,
			 const char *lang, pactum_diag *diag)
{
	char *bytes = NULL;
	size_t len = 0;
	int error;

	if (out == NULL)
		return PACTUM_EINVAL;
	*out = NULL;
	if (path == NULL || lang == NULL)
		return PACTUM_EINVAL;
	error = pactum__file_read(&bytes, &len, path, PACTUM_MAX_INPUT, diag);
	if (error != PACTUM_OK)
		return error;
	return load_owned(out, path, bytes, len, lang, diag);
}

void pactum__catalog_free(pactum_catalog *cat)
{
	if (cat == NULL)
		return;
	pactum_free(cat->entries);
	pactum_free(cat->bytes);
	pactum_free(cat->name);
	pactum_free(cat);
}

/* ------------------------------------------------------------------ */
/* Lookup: read-only, no allocation.                                    */

/* Form index of the entry's translation; NULL if it has no such form or
 * the form is empty (untranslated). */
static const char *form(const struct entry *e, unsigned index, size_t *len)
{
	const char *p = e->trans, *end = e->trans + e->trans_len, *nul;
	size_t flen;

	for (; index > 0; index--) {
		nul = memchr(p, '\0', (size_t)(end - p));
		if (nul == NULL)
			return NULL;
		p = nul + 1;
	}
	nul = memchr(p, '\0', (size_t)(end - p));
	flen = nul ? (size_t)(nul - p) : (size_t)(end - p);
	if (flen == 0)
		return NULL;
	if (len)
		*len = flen;
	return p;
}

const char *pactum__catalog_get(const pactum_catalog *cat, const char *ctx,
				const char *msgid, size_t *len)
{
	const struct entry *e;
	const char *tr;
	struct pactum_key k;

	/* The header is metadata, not the translation of an empty unit. */
	if (msgid == NULL || (ctx == NULL && *msgid == '\0'))
		return NULL;
	k = pactum__catalog_key(ctx, msgid);
	for (; cat != NULL; cat = cat->fallback)
		if ((e = find(cat, &k)) != NULL &&
		    (tr = form(e, 0, len)) != NULL)
			return tr;
	return NULL;
}

const char *pactum__catalog_nget(const pactum_catalog *cat, const char *ctx,
				 const char *msgid, unsigned long n,
				 size_t *len)
{
	const struct entry *e;
	const char *tr;
	struct pactum_key k;

	if (msgid == NULL || (ctx == NULL && *msgid == '\0'))
		return NULL;
	k = pactum__catalog_key(ctx, msgid);
	for (; cat != NULL; cat = cat->fallback)
		if ((e = find(cat, &k)) != NULL &&
		    (tr = form(e, cat->plural(n), len)) != NULL)
			return tr;
	return NULL;
}

void pactum__catalog_set_fallback(pactum_catalog *cat,
				  const pactum_catalog *fallback)
{
	cat->fallback = fallback;
}

unsigned pactum__catalog_plural(const pactum_catalog *cat, unsigned long n,
				unsigned *nplurals)
{
	*nplurals = cat->nplurals;
	return cat->plural(n);
}

size_t pactum__catalog_size(const pactum_catalog *cat)
{
	return cat ? cat->n : 0;
}

const char *pactum__catalog_name(const pactum_catalog *cat)
{
	return cat ? cat->name : NULL;
}
