/* A small PO reader: msgctxt, msgid, msgid_plural, msgstr and msgstr[n],
 * strings over several lines, C escapes, "#, fuzzy".  Enough to tell
 * translated from fuzzy from untranslated; msgfmt stays the judge of the
 * format. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "po.h"

struct pactum_po {
	const char *path;
	pactum_arena *arena;
	pactum_po_entry *entries;
	size_t count;
	/* the entries in the order of their keys, as msgfmt sorts a .mo:
	 * found by binary search, without assembling a key */
	const pactum_po_entry **order;
};

enum field { NONE, CTX, ID, PLURAL, STR };

struct reader {
	pactum_po *po;
	pactum_diag *diag;
	const char *path;
	uint32_t line;
	int errors;
	/* the entry being read */
	pactum_po_entry cur;
	pactum_buf text[4]; /* ctx, msgid, msgid_plural, current msgstr */
	int have[3];
	const char *strs[16];
	enum field field;
	int fuzzy_next;
	int plural_strs; /* the entry's msgstr are msgstr[N] */
};

static void bad(struct reader *r, const char *what)
{
	pactum_pos pos = { r->path, r->line, 0 };

	r->errors++;
	pactum_diag_report(r->diag, PACTUM_ERROR, &pos, "%s", what);
}

static void bad_at(struct reader *r, uint32_t line, const char *what)
{
	pactum_pos pos = { r->path, line, 0 };

	r->errors++;
	pactum_diag_report(r->diag, PACTUM_ERROR, &pos, "%s", what);
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* An octal (\101) or hex (\x41) escape at p, after the backslash, as
 * gettext reads them; *end is its last character. */
static int numeric_escape(const char **end, const char *p)
{
	int v = 0, d, n;

	if (*p == 'x') {
		for (n = 0; (d = hex_digit(p[1])) >= 0 && n < 2; n++, p++)
			v = v * 16 + d;
		*end = p;
		return n ? v : -1;
	}
	for (n = 0; n < 3 && p[n] >= '0' && p[n] <= '7'; n++)
		v = v * 8 + (p[n] - '0');
	*end = p + n - 1;
	return n && v < 256 ? v : -1;
}

/* Append the C string literal at p (after the opening quote) to buf. */
static int unquote(struct reader *r, const char *p, pactum_buf *buf)
{
	int v;

	for (; *p && *p != '"'; p++) {
		char c = *p;

		if (c == '\\') {
			switch (*++p) {
			case 'n': c = '\n'; break;
			case 't': c = '\t'; break;
			case 'r': c = '\r'; break;
			case '"': c = '"'; break;
			case '\\': c = '\\'; break;
			case 'a': c = '\a'; break;
			case 'b': c = '\b'; break;
			case 'f': c = '\f'; break;
			case 'v': c = '\v'; break;
			default:
				v = numeric_escape(&p, p);
				if (v < 0) {
					bad(r, _("unknown escape in a string"));
					return -1;
				}
				if (v == 0) {
					/* msgfmt would end the string there */
					bad(r, _("a NUL byte (\\0) in a string"));
					return -1;
				}
				c = (char)v;
				break;
			}
		}
		pactum__buf_putc(buf, c);
	}
	if (*p != '"') {
		bad(r, _("unterminated string"));
		return -1;
	}
	/* as msgfmt: nothing but blanks after it */
	for (p++; *p == ' ' || *p == '\t'; p++)
		;
	if (*p != '\0') {
		bad(r, _("text after the end of a string (a '\"' inside it "
			 "must be written \\\")"));
		return -1;
	}
	return 0;
}

/* NULL when out of memory, the string's own growing included: a string
 * cut short would be read as the translator's text. */
static const char *keep(struct reader *r, const pactum_buf *b)
{
	if (b->oom)
		return NULL;
	return pactum__arena_strndup(r->po->arena, b->ptr ? b->ptr : "",
				     b->len);
}

static int finish_str(struct reader *r)
{
	if (r->field != STR)
		return PACTUM_OK;
	if (r->cur.nstr >= PACTUM_ARRAY_SIZE(r->strs)) {
		bad(r, _("too many plural forms"));
		return PACTUM_OK;
	}
	r->strs[r->cur.nstr] = keep(r, &r->text[3]);
	if (r->strs[r->cur.nstr] == NULL)
		return PACTUM_ENOMEM;
	r->cur.nstr++;
	pactum__buf_clear(&r->text[3]);
	return PACTUM_OK;
}

/* Store the entry read so far, if any. */
static int finish_entry(struct reader *r)
{
	pactum_po *po = r->po;
	pactum_po_entry *e, *more;
	pactum_buf key = PACTUM_BUF_INIT;
	int error;

	error = finish_str(r);
	r->field = NONE;
	if (error != PACTUM_OK || !r->have[1])
		goto reset;
	if (r->have[2] != r->plural_strs) {
		bad_at(r, r->cur.line,
		       r->have[2] ? _("a msgid_plural needs msgstr[0], "
				      "msgstr[1] ...")
				  : _("msgstr[N] without a msgid_plural"));
		goto reset;
	}
	more = pactum_realloc(po->entries, (po->count + 1) * sizeof(*more));
	if (more == NULL) {
		error = PACTUM_ENOMEM;
		goto reset;
	}
	po->entries = more;
	e = &po->entries[po->count];
	*e = r->cur;
	e->ctx = r->have[0] ? keep(r, &r->text[0]) : NULL;
	e->msgid = keep(r, &r->text[1]);
	e->msgid_plural = r->have[2] ? keep(r, &r->text[2]) : NULL;
	e->msgstr = pactum__arena_alloc(po->arena,
					(e->nstr + 1) * sizeof(*e->msgstr));
	if (e->msgid == NULL || e->msgstr == NULL ||
	    (r->have[0] && e->ctx == NULL) ||
	    (r->have[2] && e->msgid_plural == NULL)) {
		error = PACTUM_ENOMEM;
		goto reset;
	}
	memcpy(e->msgstr, r->strs, e->nstr * sizeof(*e->msgstr));
	if (e->ctx) {
		pactum__buf_puts(&key, e->ctx);
		pactum__buf_putc(&key, '\x04');
	}
	pactum__buf_puts(&key, e->msgid);
	e->key = keep(r, &key);
	e->key_len = key.len;
	if (e->key == NULL) {
		error = PACTUM_ENOMEM;
		goto reset;
	}
	po->count++;
reset:
	pactum__buf_free(&key);
	memset(&r->cur, 0, sizeof(r->cur));
	memset(r->have, 0, sizeof(r->have));
	r->plural_strs = 0;
	for (size_t i = 0; i < 4; i++)
		pactum__buf_clear(&r->text[i]);
	return error;
}

static int keyword(const char *line, const char *kw, const char **rest)
{
	size_t len = strlen(kw);

	if (strncmp(line, kw, len) != 0 || (line[len] != ' ' && line[len] != '['))
		return 0;
	*rest = line + len;
	return 1;
}

static int read_line(struct reader *r, const char *line)
{
	const char *rest, *q;
	int error = PACTUM_OK;

	if (line[0] == '#') {
		if (line[1] == '~')
			return PACTUM_OK; /* obsolete */
		/* a comment starts a new entry */
		if (r->have[1])
			error = finish_entry(r);
		if (line[1] == ',' && strstr(line, "fuzzy") != NULL)
			r->cur.fuzzy = 1;
		return error;
	}
	if (line[0] == '\0')
		return PACTUM_OK;
	if (line[0] == '"') {
		pactum_buf *b = r->field == CTX	   ? &r->text[0]
				: r->field == ID     ? &r->text[1]
				: r->field == PLURAL ? &r->text[2]
				: r->field == STR    ? &r->text[3]
						     : NULL;

		if (b == NULL) {
			bad(r, _("a string outside an entry"));
			return PACTUM_OK;
		}
		unquote(r, line + 1, b);
		return PACTUM_OK;
	}
	if (keyword(line, "msgctxt", &rest)) {
		if (r->have[1])
			error = finish_entry(r);
		r->have[0] = 1;
		r->field = CTX;
	} else if (keyword(line, "msgid", &rest)) {
		if (r->have[1])
			error = finish_entry(r);
		r->have[1] = 1;
		r->cur.line = r->line;
		r->field = ID;
	} else if (keyword(line, "msgid_plural", &rest)) {
		r->have[2] = 1;
		r->field = PLURAL;
	} else if (keyword(line, "msgstr", &rest)) {
		error = finish_str(r);
		r->field = STR;
		if (*rest == '[') {
			/* msgstr[0], msgstr[1] ...: in order, from 0 */
			unsigned long n = strtoul(rest + 1, (char **)&q, 10);

			if (q == rest + 1 || *q != ']' || n != r->cur.nstr)
				bad(r, _("msgstr[N] out of order: they count "
					 "0, 1, 2 ..."));
			q = strchr(rest, ']');
			rest = q ? q + 1 : rest;
			r->plural_strs = 1;
		}
	} else {
		bad(r, _("expected msgctxt, msgid, msgid_plural, msgstr or a "
			 "string"));
		return PACTUM_OK;
	}
	while (*rest == ' ')
		rest++;
	if (*rest != '"') {
		bad(r, _("expected a string"));
		return error;
	}
	if (r->field == CTX)
		unquote(r, rest + 1, &r->text[0]);
	else if (r->field == ID)
		unquote(r, rest + 1, &r->text[1]);
	else if (r->field == PLURAL)
		unquote(r, rest + 1, &r->text[2]);
	else
		unquote(r, rest + 1, &r->text[3]);
	return error;
}

/* "UTF-8" or "utf-8" at s, then the end of the field; ASCII only, never
 * the locale's case rules. */
static int is_utf8_name(const char *s)
{
	static const char name[] = "utf-8";
	size_t i;

	for (i = 0; i < 5; i++)
		if ((s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]) != name[i])
			return 0;
	return s[5] == '\0' || s[5] == '\n' || s[5] == ';' || s[5] == ' ';
}

/* The byte order of two entries' keys, as msgfmt sorts them. */
static int key_order(const pactum_po_entry *a, const pactum_po_entry *b)
{
	size_t n = a->key_len < b->key_len ? a->key_len : b->key_len;
	int c = memcmp(a->key, b->key, n);

	if (c != 0)
		return c;
	return a->key_len < b->key_len ? -1 : a->key_len > b->key_len;
}

static int by_key(const void *pa, const void *pb)
{
	const pactum_po_entry *a = *(const pactum_po_entry *const *)pa;
	const pactum_po_entry *b = *(const pactum_po_entry *const *)pb;
	int c = key_order(a, b);

	return c != 0 ? c : a < b ? -1 : a > b; /* alike: in file order */
}

/* The entries in key order; each that has the key of one before it in
 * the file is reported at its line (and the catalog is then refused, so
 * a lookup never has to choose between two). */
static int sort_entries(struct reader *r)
{
	pactum_po *po = r->po;
	size_t i;

	po->order = pactum_malloc((po->count + 1) * sizeof(*po->order));
	if (po->order == NULL)
		return PACTUM_ENOMEM;
	for (i = 0; i < po->count; i++)
		po->order[i] = &po->entries[i];
	qsort(po->order, po->count, sizeof(*po->order), by_key);
	for (i = 1; i < po->count; i++)
		if (key_order(po->order[i - 1], po->order[i]) == 0)
			bad_at(r, po->order[i]->line,
			       _("a second entry with the same msgctxt and "
				 "msgid"));
	return PACTUM_OK;
}

/* What msgfmt --check-header and -c ask of the header: a UTF-8 charset
 * (the only one pactum reads), and Plural-Forms with as many forms as
 * every plural entry has. */
static void check_header(struct reader *r)
{
	const pactum_po_entry *h = pactum__po_find(r->po, NULL, "");
	const char *charset, *np;
	unsigned long nplurals = 0;
	size_t i;

	if (h == NULL || h->nstr == 0) {
		bad_at(r, 1, _("no header entry (msgid \"\")"));
		return;
	}
	charset = strstr(h->msgstr[0], "charset=");
	if (charset == NULL || !is_utf8_name(charset + 8))
		bad_at(r, h->line, _("the header's Content-Type must say "
				     "charset=UTF-8"));
	np = strstr(h->msgstr[0], "nplurals=");
	if (np != NULL)
		nplurals = strtoul(np + 9, NULL, 10);
	for (i = 0; i < r->po->count; i++) {
		const pactum_po_entry *e = &r->po->entries[i];

		if (e->msgid_plural == NULL)
			continue;
		if (np == NULL) {
			bad_at(r, e->line, _("a plural entry, but the header "
					     "has no Plural-Forms"));
			return;
		}
		if (e->nstr != nplurals)
			bad_at(r, e->line,
			       _("this plural entry has another number of "
				 "forms than the header's nplurals"));
	}
}

int pactum__po_read(pactum_po **out, const char *path, pactum_diag *diag)
{
	char *bytes = NULL;
	size_t len;
	int error;

	*out = NULL;
	error = pactum__file_read(&bytes, &len, path, PACTUM_MAX_INPUT, diag);
	if (error == PACTUM_OK)
		error = pactum__po_parse(out, path, bytes, len, diag);
	pactum_free(bytes);
	return error;
}

int pactum__po_parse(pactum_po **out, const char *path, char *bytes,
		     size_t len, pactum_diag *diag)
{
	struct reader r;
	char *line, *next;
	size_t i;
	int error = PACTUM_OK;

	*out = NULL;
	memset(&r, 0, sizeof(r));
	r.diag = diag;
	r.path = path;
	if (!pactum__utf8_valid(bytes, len) ||
	    memchr(bytes, '\0', len) != NULL) {
		pactum_pos pos = { path, 1, 0 };
		const char *nul = memchr(bytes, '\0', len), *p;

		/* A NUL would silently end the file for the line reader. */
		for (p = bytes; nul && p < nul; p++)
			pos.line += *p == '\n';
		if (nul == NULL)
			pos.line = 0;
		pactum_diag_report(diag, PACTUM_ERROR, &pos, "%s",
				   nul ? _("a NUL byte in the file")
				       : _("not valid UTF-8"));
		error = PACTUM_EINPUT;
		goto cleanup;
	}
	r.po = pactum_malloc(sizeof(*r.po));
	if (r.po == NULL) {
		error = PACTUM_ENOMEM;
		goto cleanup;
	}
	memset(r.po, 0, sizeof(*r.po));
	error = pactum__arena_new(&r.po->arena);
	if (error == PACTUM_OK &&
	    (r.po->path = pactum__arena_strdup(r.po->arena, path)) == NULL)
		error = PACTUM_ENOMEM;
	for (line = bytes; error == PACTUM_OK && line < bytes + len;
	     line = next) {
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		else
			next = bytes + len;
		if (next - line > 1 && next[-2] == '\r')
			next[-2] = '\0';
		r.line++;
		error = read_line(&r, line);
	}
	if (error == PACTUM_OK)
		error = finish_entry(&r);
	if (error == PACTUM_OK)
		error = sort_entries(&r);
	if (error == PACTUM_OK)
		check_header(&r);
	if (error == PACTUM_OK && r.errors)
		error = PACTUM_EINPUT;
	if (error == PACTUM_OK) {
		*out = r.po;
		r.po = NULL;
	}
cleanup:
	for (i = 0; i < 4; i++)
		pactum__buf_free(&r.text[i]);
	pactum__po_free(r.po);
	return error;
}

void pactum__po_free(pactum_po *po)
{
	if (po == NULL)
		return;
	pactum_free(po->order);
	pactum_free(po->entries);
	pactum__arena_free(po->arena);
	pactum_free(po);
}

size_t pactum__po_count(const pactum_po *po)
{
	return po->count;
}

const pactum_po_entry *pactum__po_entry(const pactum_po *po, size_t i)
{
	return i < po->count ? &po->entries[i] : NULL;
}

const char *pactum__po_path(const pactum_po *po)
{
	return po->path;
}

const pactum_po_entry *pactum__po_find(const pactum_po *po, const char *ctx,
				       const char *msgid)
{
	struct pactum_key k = pactum__catalog_key(ctx, msgid);
	size_t lo = 0, hi = po->count;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const pactum_po_entry *e = po->order[mid];
		int c = pactum__catalog_key_cmp(e->key, e->key_len, &k);

		if (c == 0)
			return e;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}
