#include "config.h"

/* The .mo reader.  Each refusal test builds a catalog with exactly one
 * defect, so a message that names the wrong problem fails the test. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "catalog.h"
#include "doc.h"
#include "suites.h"

/* ------------------------------------------------------------------ */
/* A builder of .mo bytes                                               */

struct ent {
	const char *ctx; /* NULL: no context */
	const char *id;  /* may hold NUL: "one\0many" */
	size_t id_len;
	const char *str; /* may hold NUL: "form0\0form1" */
	size_t str_len;
};

/* sizeof, not strlen: the literals may hold NUL. */
#define ENT(ctx, id, str) { ctx, id, sizeof(id) - 1, str, sizeof(str) - 1 }

#define MO_BIG 1u    /* big-endian */
#define MO_NOSORT 2u /* keep the given order (to craft unsorted files) */

struct mo {
	char *bytes; /* owned: pactum_free() via mo_free() */
	size_t len;
	int big;
	uint32_t n;
	uint32_t orig_off;  /* table of originals */
	uint32_t trans_off; /* table of translations */
};

#define HDR(lang, plural)                                                   \
	"Project-Id-Version: pactum-test\n"                                 \
	"MIME-Version: 1.0\n"                                               \
	"Content-Type: text/plain; charset=UTF-8\n"                         \
	"Content-Transfer-Encoding: 8bit\n"                                 \
	"Language: " lang "\n" plural

#define PLURAL2 "Plural-Forms: nplurals=2; plural=(n != 1);\n"

static void put32(char *p, uint32_t v, int big)
{
	unsigned char *u = (unsigned char *)p;
	int i;

	for (i = 0; i < 4; i++)
		u[big ? 3 - i : i] = (unsigned char)(v >> (8 * i));
}

static uint32_t get32(const char *p, int big)
{
	const unsigned char *u = (const unsigned char *)p;
	uint32_t v = 0;
	int i;

	for (i = 0; i < 4; i++)
		v |= (uint32_t)u[big ? 3 - i : i] << (8 * i);
	return v;
}

static void mo_put(struct mo *mo, size_t off, uint32_t v)
{
	ck_assert_uint_le(off + 4, mo->len);
	put32(mo->bytes + off, v, mo->big);
}

static uint32_t mo_get(const struct mo *mo, size_t off)
{
	ck_assert_uint_le(off + 4, mo->len);
	return get32(mo->bytes + off, mo->big);
}

/* Descriptor fields of string i: originals or translations. */
static size_t orig_len_at(const struct mo *mo, size_t i)
{
	return mo->orig_off + 8 * i;
}

static size_t orig_off_at(const struct mo *mo, size_t i)
{
	return mo->orig_off + 8 * i + 4;
}

static size_t trans_len_at(const struct mo *mo, size_t i)
{
	return mo->trans_off + 8 * i;
}

static size_t trans_off_at(const struct mo *mo, size_t i)
{
	return mo->trans_off + 8 * i + 4;
}

/* The key as msgfmt writes it: ctx "\x04" msgid, NUL, plural. */
static void ent_key(pactum_buf *buf, const struct ent *e)
{
	if (e->ctx) {
		pactum__buf_puts(buf, e->ctx);
		pactum__buf_putc(buf, '\x04');
	}
	pactum__buf_put(buf, e->id, e->id_len);
}

static const struct ent *sort_base;

/* msgfmt sorts with strcmp, i.e. up to the first NUL. */
static int by_key(const void *pa, const void *pb)
{
	const struct ent *a = &sort_base[*(const size_t *)pa];
	const struct ent *b = &sort_base[*(const size_t *)pb];
	pactum_buf ka = PACTUM_BUF_INIT, kb = PACTUM_BUF_INIT;
	int c;

	ent_key(&ka, a);
	ent_key(&kb, b);
	ck_assert(!ka.oom && !kb.oom);
	c = strcmp(ka.ptr ? ka.ptr : "", kb.ptr ? kb.ptr : "");
	pactum__buf_free(&ka);
	pactum__buf_free(&kb);
	return c;
}

static void mo_build(struct mo *mo, const struct ent *ents, size_t n,
		     unsigned flags)
{
	pactum_buf out = PACTUM_BUF_INIT;
	size_t *order, i, strings;
	uint32_t off;

	memset(mo, 0, sizeof(*mo));
	mo->big = (flags & MO_BIG) != 0;
	mo->n = (uint32_t)n;
	mo->orig_off = 28;
	mo->trans_off = 28 + 8 * (uint32_t)n;
	order = pactum_malloc((n ? n : 1) * sizeof(*order));
	ck_assert_ptr_nonnull(order);
	for (i = 0; i < n; i++)
		order[i] = i;
	if (!(flags & MO_NOSORT)) {
		sort_base = ents;
		qsort(order, n, sizeof(*order), by_key);
	}

	strings = 28 + 16 * n;
	ck_assert_int_eq(pactum__buf_grow(&out, strings), PACTUM_OK);
	memset(out.ptr, 0, strings);
	out.len = strings;
	put32(out.ptr, 0x950412deu, mo->big);
	put32(out.ptr + 4, 0, mo->big);
	put32(out.ptr + 8, (uint32_t)n, mo->big);
	put32(out.ptr + 12, mo->orig_off, mo->big);
	put32(out.ptr + 16, mo->trans_off, mo->big);
	put32(out.ptr + 20, 0, mo->big); /* no hash table */
	put32(out.ptr + 24, (uint32_t)strings, mo->big);
	for (i = 0; i < n; i++) {
		const struct ent *e = &ents[order[i]];
		size_t start = out.len;

		ent_key(&out, e);
		pactum__buf_putc(&out, '\0');
		ck_assert(!out.oom);
		off = (uint32_t)start;
		put32(out.ptr + mo->orig_off + 8 * i,
		      (uint32_t)(out.len - 1 - start), mo->big);
		put32(out.ptr + mo->orig_off + 8 * i + 4, off, mo->big);
	}
	for (i = 0; i < n; i++) {
		const struct ent *e = &ents[order[i]];
		size_t start = out.len;

		pactum__buf_put(&out, e->str, e->str_len);
		pactum__buf_putc(&out, '\0');
		ck_assert(!out.oom);
		put32(out.ptr + mo->trans_off + 8 * i, (uint32_t)e->str_len,
		      mo->big);
		put32(out.ptr + mo->trans_off + 8 * i + 4, (uint32_t)start,
		      mo->big);
	}
	mo->len = out.len;
	mo->bytes = pactum__buf_detach(&out);
	ck_assert_ptr_nonnull(mo->bytes);
	pactum_free(order);
}

static void mo_free(struct mo *mo)
{
	pactum_free(mo->bytes);
	mo->bytes = NULL;
}

/* ------------------------------------------------------------------ */
/* Assertions                                                           */

static pactum_catalog *load_ok(const char *bytes, size_t len,
			       const char *lang)
{
	pactum_catalog *cat = NULL;
	pactum_diag *diag;
	int rc;

	ck_assert_int_eq(pactum_diag_new(&diag), PACTUM_OK);
	rc = pactum__catalog_load(&cat, "test.mo", bytes, len, lang, diag);
	ck_assert_msg(rc == PACTUM_OK, "load failed (%d): %s", rc,
		      pactum_diag_size(diag) ?
			      pactum_diag_entry(diag, 0, NULL, NULL) : "");
	ck_assert_ptr_nonnull(cat);
	ck_assert_uint_eq(pactum_diag_size(diag), 0);
	pactum_diag_free(diag);
	return cat;
}

/* Refused with EINPUT, and one error at "test.mo" mentioning needle (and
 * needle2, when not NULL). */
static void expect_refused2(const char *bytes, size_t len, const char *lang,
			    const char *needle, const char *needle2)
{
	pactum_catalog *cat = (pactum_catalog *)&cat; /* must be reset */
	pactum_diag *diag;
	pactum_severity sev;
	pactum_pos pos;
	const char *msg;
	int rc;

	ck_assert_int_eq(pactum_diag_new(&diag), PACTUM_OK);
	rc = pactum__catalog_load(&cat, "test.mo", bytes, len, lang, diag);
	ck_assert_msg(rc == PACTUM_EINPUT, "expected refusal for \"%s\", got %d",
		      needle, rc);
	ck_assert_ptr_null(cat);
	ck_assert_uint_eq(pactum_diag_size(diag), 1);
	ck_assert_uint_eq(pactum_diag_count(diag, PACTUM_ERROR), 1);
	msg = pactum_diag_entry(diag, 0, &sev, &pos);
	ck_assert_ptr_nonnull(msg);
	ck_assert_int_eq(sev, PACTUM_ERROR);
	ck_assert_ptr_nonnull(pos.file);
	ck_assert_str_eq(pos.file, "test.mo");
	ck_assert_uint_eq(pos.line, 0);
	ck_assert_uint_eq(pos.col, 0);
	ck_assert_msg(strstr(msg, needle) != NULL,
		      "message \"%s\" does not mention \"%s\"", msg, needle);
	if (needle2)
		ck_assert_msg(strstr(msg, needle2) != NULL,
			      "message \"%s\" does not mention \"%s\"", msg,
			      needle2);
	pactum_diag_free(diag);
}

static void expect_refused(const char *bytes, size_t len, const char *lang,
			   const char *needle)
{
	expect_refused2(bytes, len, lang, needle, NULL);
}

static void mo_refused(struct mo *mo, const char *lang, const char *needle)
{
	expect_refused(mo->bytes, mo->len, lang, needle);
	mo_free(mo);
}

static void build_refused(const struct ent *ents, size_t n, const char *lang,
			  const char *needle)
{
	struct mo mo;

	mo_build(&mo, ents, n, 0);
	mo_refused(&mo, lang, needle);
}

static void build_accepted(const struct ent *ents, size_t n,
			   const char *lang)
{
	struct mo mo;

	mo_build(&mo, ents, n, 0);
	pactum__catalog_free(load_ok(mo.bytes, mo.len, lang));
	mo_free(&mo);
}

static void expect_str(const char *got, size_t len, const char *want)
{
	ck_assert_ptr_nonnull(got);
	ck_assert_str_eq(got, want);
	ck_assert_uint_eq(len, strlen(want));
}

/* ------------------------------------------------------------------ */
/* Valid catalogs                                                       */

static const struct ent german[] = {
	ENT(NULL, "", HDR("de", PLURAL2)),
	ENT(NULL, "Agreement", "Vereinbarung"),
	ENT("party", "Vendor", "Verk\xc3\xa4ufer"),
	ENT(NULL, "Vendor", "Anbieter"),
	ENT("clause", "Term", "Laufzeit"),
	ENT(NULL, "%d day\0%d days", "%d Tag\0%d Tage"),
	ENT("notice", "%d week\0%d weeks", "%d Woche\0%d Wochen"),
	ENT(NULL, "Untranslated", ""),
	ENT(NULL, "Half\0Halves", "Halb\0"),
};

/* _i: 0 little-endian, 1 big-endian */
START_TEST(test_valid)
{
	pactum_catalog *cat;
	struct mo mo;
	const char *s;
	size_t len = 0;

	mo_build(&mo, german, PACTUM_ARRAY_SIZE(german), _i ? MO_BIG : 0);
	cat = load_ok(mo.bytes, mo.len, "de");
	/* The catalog keeps its own copy. */
	memset(mo.bytes, 0, mo.len);
	mo_free(&mo);

	ck_assert_uint_eq(pactum__catalog_size(cat), PACTUM_ARRAY_SIZE(german));
	ck_assert_str_eq(pactum__catalog_name(cat), "test.mo");

	s = pactum__catalog_get(cat, NULL, "Agreement", &len);
	expect_str(s, len, "Vereinbarung");
	s = pactum__catalog_get(cat, NULL, "Vendor", &len);
	expect_str(s, len, "Anbieter");
	s = pactum__catalog_get(cat, "party", "Vendor", &len);
	expect_str(s, len, "Verk\xc3\xa4ufer");
	s = pactum__catalog_get(cat, "clause", "Term", &len);
	expect_str(s, len, "Laufzeit");
	ck_assert_str_eq(pactum__catalog_get(cat, NULL, "Vendor", NULL),
			 "Anbieter");

	/* context is part of the key, both ways */
	ck_assert_ptr_null(pactum__catalog_get(cat, NULL, "Term", NULL));
	ck_assert_ptr_null(pactum__catalog_get(cat, "other", "Vendor", NULL));
	ck_assert_ptr_null(pactum__catalog_get(cat, "part", "Vendor", NULL));
	ck_assert_ptr_null(pactum__catalog_get(cat, "party", "Vendo", NULL));
	ck_assert_ptr_null(pactum__catalog_get(cat, "", "Vendor", NULL));

	/* missing, prefixes and extensions of keys */
	ck_assert_ptr_null(pactum__catalog_get(cat, NULL, "Missing", NULL));
	ck_assert_ptr_null(pactum__catalog_get(cat, NULL, "Agreemen", NULL));
	ck_assert_ptr_null(pactum__catalog_get(cat, NULL, "Agreements", NULL));
	ck_assert_ptr_null(pactum__catalog_get(cat, NULL, "", NULL));
	ck_assert_ptr_null(pactum__catalog_get(cat, NULL, "\x7f", NULL));
	ck_assert_ptr_null(pactum__catalog_get(cat, NULL, "\xc3\xa4", NULL));
	/* empty translation: untranslated */
	len = 99;
	ck_assert_ptr_null(pactum__catalog_get(cat, NULL, "Untranslated",
					       &len));
	ck_assert_ptr_null(pactum__catalog_nget(cat, NULL, "Untranslated", 1,
						NULL));

	/* plurals: looked up by the singular */
	s = pactum__catalog_nget(cat, NULL, "%d day", 1, &len);
	expect_str(s, len, "%d Tag");
	s = pactum__catalog_nget(cat, NULL, "%d day", 5, &len);
	expect_str(s, len, "%d Tage");
	s = pactum__catalog_nget(cat, NULL, "%d day", 0, &len);
	expect_str(s, len, "%d Tage");
	s = pactum__catalog_get(cat, NULL, "%d day", &len);
	expect_str(s, len, "%d Tag");
	ck_assert_ptr_null(pactum__catalog_get(cat, NULL, "%d days", NULL));
	s = pactum__catalog_nget(cat, "notice", "%d week", 1, &len);
	expect_str(s, len, "%d Woche");
	s = pactum__catalog_nget(cat, "notice", "%d week", 5, &len);
	expect_str(s, len, "%d Wochen");
	ck_assert_ptr_null(pactum__catalog_nget(cat, NULL, "%d week", 5,
						NULL));
	/* one form translated, the other empty */
	ck_assert_str_eq(pactum__catalog_nget(cat, NULL, "Half", 1, NULL),
			 "Halb");
	ck_assert_ptr_null(pactum__catalog_nget(cat, NULL, "Half", 2, NULL));
	/* a singular entry has no second form */
	ck_assert_str_eq(pactum__catalog_nget(cat, NULL, "Agreement", 1, NULL),
			 "Vereinbarung");
	ck_assert_ptr_null(pactum__catalog_nget(cat, NULL, "Agreement", 2,
						NULL));
	ck_assert_ptr_null(pactum__catalog_nget(cat, NULL, "Missing", 2,
						NULL));
	pactum__catalog_free(cat);
	pactum__catalog_free(NULL);
}
END_TEST

/* Every key found, whatever its position in the binary search. */
START_TEST(test_many_entries)
{
	enum { N = 300 };
	static char ids[N][16], strs[N][16];
	struct ent ents[N + 1] = { ENT(NULL, "", HDR("de", "")) };
	pactum_catalog *cat;
	struct mo mo;
	char key[16];
	size_t i;

	for (i = 0; i < N; i++) {
		snprintf(ids[i], sizeof(ids[i]), "k%03zu", (i * 7) % N);
		snprintf(strs[i], sizeof(strs[i]), "v%03zu", (i * 7) % N);
		ents[i + 1].ctx = (i % 3 == 0) ? "c" : NULL;
		ents[i + 1].id = ids[i];
		ents[i + 1].id_len = strlen(ids[i]);
		ents[i + 1].str = strs[i];
		ents[i + 1].str_len = strlen(strs[i]);
	}
	mo_build(&mo, ents, N + 1, MO_BIG);
	cat = load_ok(mo.bytes, mo.len, "de");
	for (i = 0; i < N; i++) {
		const char *ctx = (i % 3 == 0) ? "c" : NULL;

		snprintf(key, sizeof(key), "k%03zu", (i * 7) % N);
		ck_assert_str_eq(pactum__catalog_get(cat, ctx, key, NULL),
				 strs[i]);
		ck_assert_ptr_null(pactum__catalog_get(
			cat, ctx ? NULL : "c", key, NULL));
	}
	ck_assert_ptr_null(pactum__catalog_get(cat, NULL, "k", NULL));
	ck_assert_ptr_null(pactum__catalog_get(cat, NULL, "k9999", NULL));
	pactum__catalog_free(cat);
	mo_free(&mo);
}
END_TEST

START_TEST(test_revision_minor)
{
	pactum_catalog *cat;
	struct mo mo;

	mo_build(&mo, german, PACTUM_ARRAY_SIZE(german), 0);
	mo_put(&mo, 4, 1); /* 0.1 */
	cat = load_ok(mo.bytes, mo.len, "de");
	pactum__catalog_free(cat);
	mo_put(&mo, 4, 2); /* 0.2 */
	mo_refused(&mo, "de", "revision 0.2");
}
END_TEST

START_TEST(test_language_region)
{
	static const struct ent de_de[] = {
		ENT(NULL, "", HDR("de_DE", PLURAL2)),
		ENT(NULL, "Agreement", "Vereinbarung"),
	};
	static const struct ent de_at[] = {
		ENT(NULL, "", HDR("de-AT", PLURAL2)),
	};
	static const struct ent upper[] = {
		ENT(NULL, "", HDR("DE", PLURAL2)),
	};
	pactum_catalog *cat;
	struct mo mo;

	mo_build(&mo, de_de, PACTUM_ARRAY_SIZE(de_de), 0);
	cat = load_ok(mo.bytes, mo.len, "de");
	ck_assert_str_eq(pactum__catalog_get(cat, NULL, "Agreement", NULL),
			 "Vereinbarung");
	pactum__catalog_free(cat);
	/* and exactly */
	pactum__catalog_free(load_ok(mo.bytes, mo.len, "de_DE"));
	mo_free(&mo);
	build_accepted(de_at, PACTUM_ARRAY_SIZE(de_at), "de");
	build_accepted(upper, PACTUM_ARRAY_SIZE(upper), "de");
}
END_TEST

START_TEST(test_header_variants)
{
	/* lower-case charset, fields in another order, CRLF-ish spaces */
	static const struct ent a[] = {
		ENT(NULL, "", "Language:   de  \n"
			      "Content-Type: text/plain; charset=utf-8\n"),
	};
	/* no Plural-Forms: n != 1 */
	static const struct ent b[] = {
		ENT(NULL, "", "Content-Type: text/plain; charset=UTF-8; x=y\n"
			      "Language: de"),
		ENT(NULL, "one\0many", "eins\0viele"),
	};
	/* Plural-Forms without white space and without a final ';' */
	static const struct ent c[] = {
		ENT(NULL, "", HDR("de", "Plural-Forms:nplurals=2;plural=n!=1\n")),
	};
	/* and with white space everywhere */
	static const struct ent d[] = {
		ENT(NULL, "", HDR("de", "Plural-Forms: nplurals = 2 ; "
					"plural = ( n != 1 ) ; \n")),
	};
	pactum_catalog *cat;
	struct mo mo;

	build_accepted(a, PACTUM_ARRAY_SIZE(a), "de");
	build_accepted(c, PACTUM_ARRAY_SIZE(c), "de");
	build_accepted(d, PACTUM_ARRAY_SIZE(d), "de");
	mo_build(&mo, b, PACTUM_ARRAY_SIZE(b), 0);
	cat = load_ok(mo.bytes, mo.len, "de");
	ck_assert_str_eq(pactum__catalog_nget(cat, NULL, "one", 1, NULL),
			 "eins");
	ck_assert_str_eq(pactum__catalog_nget(cat, NULL, "one", 0, NULL),
			 "viele");
	ck_assert_str_eq(pactum__catalog_nget(cat, NULL, "one", 2, NULL),
			 "viele");
	pactum__catalog_free(cat);
	mo_free(&mo);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Plural forms                                                         */

struct plural_case {
	const char *lang;
	const char *header; /* the Plural-Forms line */
	unsigned long n[12];
	unsigned form[12];
	size_t count;
};

static const struct plural_case plural_cases[] = {
	{ "ja", "Plural-Forms: nplurals=1; plural=0;\n",
	  { 0, 1, 2, 5, 100 }, { 0, 0, 0, 0, 0 }, 5 },
	{ "de", "Plural-Forms: nplurals=2; plural=n != 1;\n",
	  { 0, 1, 2, 5, 101 }, { 1, 0, 1, 1, 1 }, 5 },
	{ "fr", "Plural-Forms: nplurals=2; plural=(n > 1);\n",
	  { 0, 1, 2, 5 }, { 0, 0, 1, 1 }, 4 },
	{ "fr", "Plural-Forms: nplurals=2; plural=n>1\n",
	  { 0, 1, 2 }, { 0, 0, 1 }, 3 },
	{ "ru",
	  "Plural-Forms: nplurals=3; plural=n%10==1 && n%100!=11 ? 0 : "
	  "n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2;\n",
	  { 1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 111, 0 },
	  { 0, 1, 1, 2, 2, 2, 2, 0, 1, 2, 2, 2 }, 12 },
	{ "uk",
	  "Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : "
	  "n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n",
	  { 1, 3, 11, 21, 112, 1001 }, { 0, 1, 2, 0, 2, 0 }, 6 },
	{ "pl",
	  "Plural-Forms: nplurals=3; plural=n==1 ? 0 : "
	  "n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2;\n",
	  { 1, 2, 5, 12, 21, 22, 0 }, { 0, 1, 2, 2, 2, 1, 2 }, 7 },
	{ "cs",
	  "Plural-Forms: nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;\n",
	  { 0, 1, 2, 4, 5, 22 }, { 2, 0, 1, 1, 2, 2 }, 6 },
	{ "sk",
	  "Plural-Forms: nplurals=3; plural=((n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2);\n",
	  { 1, 3, 7 }, { 0, 1, 2 }, 3 },
};

START_TEST(test_plural_forms)
{
	const struct plural_case *pc = &plural_cases[_i];
	static const char *const forms[] = { "F0", "F1", "F2" };
	pactum_buf hdr = PACTUM_BUF_INIT;
	struct ent ents[3];
	pactum_catalog *cat;
	struct mo mo;
	size_t i;

	pactum__buf_printf(&hdr,
			   "Content-Type: text/plain; charset=UTF-8\n"
			   "Language: %s\n%s",
			   pc->lang, pc->header);
	ck_assert(!hdr.oom);
	ents[0] = (struct ent){ NULL, "", 0, hdr.ptr, hdr.len };
	ents[1] = (struct ent)ENT(NULL, "x\0xs", "F0\0F1\0F2");
	ents[2] = (struct ent)ENT(NULL, "y\0ys", "F0\0F1");
	mo_build(&mo, ents, 3, 0);
	cat = load_ok(mo.bytes, mo.len, pc->lang);
	for (i = 0; i < pc->count; i++) {
		const char *s = pactum__catalog_nget(cat, NULL, "x", pc->n[i],
						     NULL);

		ck_assert_msg(s != NULL && strcmp(s, forms[pc->form[i]]) == 0,
			      "%s: n=%lu gave %s, want %s", pc->lang,
			      pc->n[i], s ? s : "NULL", forms[pc->form[i]]);
		/* an entry with fewer forms than the index: missing */
		s = pactum__catalog_nget(cat, NULL, "y", pc->n[i], NULL);
		if (pc->form[i] < 2)
			ck_assert_str_eq(s, forms[pc->form[i]]);
		else
			ck_assert_ptr_null(s);
	}
	pactum__catalog_free(cat);
	mo_free(&mo);
	pactum__buf_free(&hdr);
}
END_TEST

START_TEST(test_plural_unknown)
{
	static const struct ent four[] = {
		ENT(NULL, "", HDR("de", "Plural-Forms: nplurals=4; "
					"plural=n%4;\n")),
	};
	static const struct ent div0[] = {
		ENT(NULL, "", HDR("de", "Plural-Forms: nplurals=2; "
					"plural=n/0;\n")),
	};
	/* a known expression with a wrong count */
	static const struct ent count[] = {
		ENT(NULL, "", HDR("de", "Plural-Forms: nplurals=3; "
					"plural=(n != 1);\n")),
	};
	/* known, followed by junk */
	static const struct ent junk[] = {
		ENT(NULL, "", HDR("de", "Plural-Forms: nplurals=2; "
					"plural=(n != 1);;\n")),
	};
	static const struct ent empty[] = {
		ENT(NULL, "", HDR("de", "Plural-Forms:\n")),
	};

	build_refused(four, PACTUM_ARRAY_SIZE(four), "de", "plural=n%4");
	build_refused(div0, PACTUM_ARRAY_SIZE(div0), "de", "plural=n/0");
	build_refused(count, PACTUM_ARRAY_SIZE(count), "de", "Plural-Forms");
	build_refused(junk, PACTUM_ARRAY_SIZE(junk), "de", "Plural-Forms");
	build_refused(empty, PACTUM_ARRAY_SIZE(empty), "de", "Plural-Forms");
}
END_TEST

/* ------------------------------------------------------------------ */
/* Broken files                                                         */

START_TEST(test_bad_magic)
{
	struct mo mo;

	mo_build(&mo, german, PACTUM_ARRAY_SIZE(german), 0);
	mo.bytes[0] ^= 1;
	expect_refused(mo.bytes, mo.len, "de", "bad magic number");
	/* a half-swapped magic is no better */
	put32(mo.bytes, 0x0412de95u, 0);
	mo_refused(&mo, "de", "bad magic number");
	expect_refused("", 0, "de", "not a gettext catalog");
	expect_refused("\xde\x12\x04", 3, "de", "not a gettext catalog");
	expect_refused(NULL, 0, "de", "not a gettext catalog");
}
END_TEST

START_TEST(test_bad_major)
{
	struct mo mo;

	mo_build(&mo, german, PACTUM_ARRAY_SIZE(german), 0);
	mo_put(&mo, 4, 1u << 16); /* 1.0 */
	expect_refused(mo.bytes, mo.len, "de", "revision 1.0");
	mo_put(&mo, 4, 0xffffffffu);
	mo_refused(&mo, "de", "revision 65535.65535");
}
END_TEST

/* Cut a valid catalog at several points; each names what it cut into. */
START_TEST(test_truncated)
{
	struct mo mo;
	size_t first_str, last_trans;

	mo_build(&mo, german, PACTUM_ARRAY_SIZE(german), _i ? MO_BIG : 0);
	first_str = mo_get(&mo, orig_off_at(&mo, 0));
	last_trans = mo_get(&mo, trans_off_at(&mo, mo.n - 1));

	expect_refused(mo.bytes, 4, "de", "truncated");
	expect_refused(mo.bytes, 20, "de", "truncated");
	expect_refused(mo.bytes, 27, "de", "truncated");
	/* inside the table of originals */
	expect_refused(mo.bytes, 28 + 8 * 3 + 5, "de",
		       "table of original strings");
	/* inside the table of translations */
	expect_refused2(mo.bytes, mo.trans_off + 12, "de",
			"table of translations", "9 entries");
	/* just after the tables, before the strings */
	expect_refused(mo.bytes, first_str, "de",
		       "original string 0 (offset");
	/* inside the last translation, and just its NUL cut */
	expect_refused(mo.bytes, last_trans + 2, "de", "translation 8");
	expect_refused2(mo.bytes, mo.len - 1, "de", "translation 8",
			"extends past the end of the file");
	pactum__catalog_free(load_ok(mo.bytes, mo.len, "de"));
	mo_free(&mo);
}
END_TEST

START_TEST(test_string_offset_out_of_range)
{
	struct mo mo;

	mo_build(&mo, german, PACTUM_ARRAY_SIZE(german), _i ? MO_BIG : 0);
	mo_put(&mo, orig_off_at(&mo, 2), (uint32_t)mo.len + 100);
	expect_refused2(mo.bytes, mo.len, "de", "original string 2",
			"extends past the end");
	mo_free(&mo);

	mo_build(&mo, german, PACTUM_ARRAY_SIZE(german), _i ? MO_BIG : 0);
	mo_put(&mo, trans_off_at(&mo, 3), 0xffffffffu);
	expect_refused2(mo.bytes, mo.len, "de", "translation 3",
			"offset 4294967295");
	/* exactly at the end: no room for the NUL */
	mo_put(&mo, trans_off_at(&mo, 3), (uint32_t)mo.len);
	mo_put(&mo, trans_len_at(&mo, 3), 0);
	mo_refused(&mo, "de", "translation 3");
}
END_TEST

START_TEST(test_length_past_eof)
{
	struct mo mo;
	uint32_t off;

	mo_build(&mo, german, PACTUM_ARRAY_SIZE(german), _i ? MO_BIG : 0);
	/* a length that would wrap a 32-bit offset + length */
	mo_put(&mo, orig_len_at(&mo, 1), 0xffffffffu);
	expect_refused2(mo.bytes, mo.len, "de", "original string 1",
			"length 4294967295");
	mo_free(&mo);

	mo_build(&mo, german, PACTUM_ARRAY_SIZE(german), _i ? MO_BIG : 0);
	off = mo_get(&mo, trans_off_at(&mo, 4));
	/* up to the last byte, so the NUL would lie past the end */
	mo_put(&mo, trans_len_at(&mo, 4), (uint32_t)mo.len - off);
	mo_refused(&mo, "de", "translation 4");
}
END_TEST

START_TEST(test_not_nul_terminated)
{
	struct mo mo;
	uint32_t off, len;

	mo_build(&mo, german, PACTUM_ARRAY_SIZE(german), 0);
	off = mo_get(&mo, orig_off_at(&mo, 1));
	len = mo_get(&mo, orig_len_at(&mo, 1));
	mo.bytes[off + len] = 'X';
	expect_refused2(mo.bytes, mo.len, "de", "original string 1",
			"not NUL-terminated");
	mo_free(&mo);

	mo_build(&mo, german, PACTUM_ARRAY_SIZE(german), MO_BIG);
	len = mo_get(&mo, trans_len_at(&mo, 5));
	ck_assert_uint_gt(len, 0);
	mo_put(&mo, trans_len_at(&mo, 5), len - 1);
	expect_refused2(mo.bytes, mo.len, "de", "translation 5",
			"not NUL-terminated");
	mo_free(&mo);
}
END_TEST

START_TEST(test_table_overflow)
{
	struct mo mo;

	mo_build(&mo, german, PACTUM_ARRAY_SIZE(german), _i ? MO_BIG : 0);
	/* N * 8 is 2^32: wraps to 0 in 32-bit arithmetic */
	mo_put(&mo, 8, 0x20000000u);
	expect_refused2(mo.bytes, mo.len, "de", "table of original strings",
			"536870912 entries");
	mo_put(&mo, 8, 0xffffffffu);
	expect_refused(mo.bytes, mo.len, "de", "table of original strings");
	/* one entry too many: the originals' table still fits (it runs
	 * into the translations'), the translations' does not */
	mo_put(&mo, 8, 10);
	mo_put(&mo, 16, (uint32_t)mo.len - 79);
	expect_refused(mo.bytes, mo.len, "de", "table of translations");
	mo_put(&mo, 8, 9);
	mo_put(&mo, 16, 0xfffffff8u);
	expect_refused2(mo.bytes, mo.len, "de", "table of translations",
			"offset 4294967288");
	mo_put(&mo, 16, mo.trans_off);
	mo_put(&mo, 12, (uint32_t)mo.len + 1);
	mo_refused(&mo, "de", "table of original strings");
}
END_TEST

START_TEST(test_hash_table_bounds)
{
	pactum_catalog *cat;
	struct mo mo;

	mo_build(&mo, german, PACTUM_ARRAY_SIZE(german), _i ? MO_BIG : 0);
	/* in bounds: accepted and ignored, even if its content is junk */
	mo_put(&mo, 20, 3);
	mo_put(&mo, 24, 28);
	cat = load_ok(mo.bytes, mo.len, "de");
	ck_assert_str_eq(pactum__catalog_get(cat, NULL, "Agreement", NULL),
			 "Vereinbarung");
	pactum__catalog_free(cat);
	mo_put(&mo, 20, 2);
	mo_put(&mo, 24, (uint32_t)mo.len - 7);
	expect_refused(mo.bytes, mo.len, "de", "hash table");
	/* S * 4 wraps in 32 bits */
	mo_put(&mo, 20, 0x40000000u);
	mo_put(&mo, 24, 28);
	expect_refused2(mo.bytes, mo.len, "de", "hash table",
			"1073741824 entries");
	mo_put(&mo, 20, 0);
	mo_put(&mo, 24, 0xffffffffu);
	mo_refused(&mo, "de", "hash table");
}
END_TEST

START_TEST(test_unsorted)
{
	static const struct ent ents[] = {
		ENT(NULL, "", HDR("de", PLURAL2)),
		ENT(NULL, "Vendor", "Anbieter"),
		ENT(NULL, "Agreement", "Vereinbarung"),
	};
	/* "\xc3" sorts after "z" as unsigned bytes, not as signed char */
	static const struct ent bytes_order[] = {
		ENT(NULL, "", HDR("de", PLURAL2)),
		ENT(NULL, "\xc3\xa4", "ae"),
		ENT(NULL, "z", "zett"),
	};
	/* the header must come first, too */
	static const struct ent header_late[] = {
		ENT(NULL, "Agreement", "Vereinbarung"),
		ENT(NULL, "", HDR("de", PLURAL2)),
	};
	struct mo mo;

	mo_build(&mo, ents, PACTUM_ARRAY_SIZE(ents), MO_NOSORT);
	mo_refused(&mo, "de", "not sorted: entry 2 sorts before entry 1");
	mo_build(&mo, bytes_order, PACTUM_ARRAY_SIZE(bytes_order), MO_NOSORT);
	mo_refused(&mo, "de", "not sorted");
	mo_build(&mo, header_late, PACTUM_ARRAY_SIZE(header_late), MO_NOSORT);
	mo_refused(&mo, "de", "not sorted");
	/* and sorted the same list is fine (the builder sorts bytewise) */
	build_accepted(bytes_order, PACTUM_ARRAY_SIZE(bytes_order), "de");
}
END_TEST

START_TEST(test_duplicate)
{
	static const struct ent ents[] = {
		ENT(NULL, "", HDR("de", PLURAL2)),
		ENT(NULL, "Agreement", "Vereinbarung"),
		ENT(NULL, "Agreement", "Vertrag"),
	};
	/* same key, one of them plural: still the same msgid */
	static const struct ent plural[] = {
		ENT(NULL, "", HDR("de", PLURAL2)),
		ENT(NULL, "day", "Tag"),
		ENT(NULL, "day\0days", "Tag\0Tage"),
	};
	static const struct ent headers[] = {
		ENT(NULL, "", HDR("de", PLURAL2)),
		ENT(NULL, "", HDR("de", PLURAL2)),
	};

	build_refused(ents, PACTUM_ARRAY_SIZE(ents), "de",
		      "original strings 1 and 2 are duplicates");
	build_refused(plural, PACTUM_ARRAY_SIZE(plural), "de", "duplicates");
	build_refused(headers, PACTUM_ARRAY_SIZE(headers), "de",
		      "original strings 0 and 1 are duplicates");
}
END_TEST

START_TEST(test_missing_header)
{
	static const struct ent none[] = {
		ENT(NULL, "Agreement", "Vereinbarung"),
	};
	/* msgid "" in a context is not the header */
	static const struct ent ctx[] = {
		ENT("x", "", HDR("de", PLURAL2)),
		ENT(NULL, "Agreement", "Vereinbarung"),
	};
	static const struct ent empty[] = {
		ENT(NULL, "", ""),
		ENT(NULL, "Agreement", "Vereinbarung"),
	};
	struct mo mo;

	build_refused(none, PACTUM_ARRAY_SIZE(none), "de", "no header entry");
	build_refused(ctx, PACTUM_ARRAY_SIZE(ctx), "de", "no header entry");
	build_refused(empty, PACTUM_ARRAY_SIZE(empty), "de",
		      "no header entry");
	/* no entries at all */
	mo_build(&mo, NULL, 0, 0);
	mo_refused(&mo, "de", "no header entry");
}
END_TEST

START_TEST(test_wrong_charset)
{
	static const struct ent latin1[] = {
		ENT(NULL, "", "Content-Type: text/plain; charset=ISO-8859-1\n"
			      "Language: de\n"),
	};
	static const struct ent utf8ish[] = {
		ENT(NULL, "", "Content-Type: text/plain; charset=UTF-80\n"
			      "Language: de\n"),
	};
	static const struct ent nocharset[] = {
		ENT(NULL, "", "Content-Type: text/plain\nLanguage: de\n"),
	};
	static const struct ent notype[] = {
		ENT(NULL, "", "Language: de\n"),
	};
	/* the charset must be in Content-Type, not just anywhere */
	static const struct ent elsewhere[] = {
		ENT(NULL, "", "X-Note: charset=UTF-8\n"
			      "Content-Type: text/plain; charset=CHARSET\n"
			      "Language: de\n"),
	};

	build_refused(latin1, PACTUM_ARRAY_SIZE(latin1), "de",
		      "unsupported charset \"ISO-8859-1\"");
	build_refused(utf8ish, PACTUM_ARRAY_SIZE(utf8ish), "de", "UTF-80");
	build_refused(nocharset, PACTUM_ARRAY_SIZE(nocharset), "de",
		      "no charset");
	build_refused(notype, PACTUM_ARRAY_SIZE(notype), "de",
		      "no Content-Type");
	build_refused(elsewhere, PACTUM_ARRAY_SIZE(elsewhere), "de",
		      "\"CHARSET\"");
}
END_TEST

START_TEST(test_missing_language)
{
	static const struct ent none[] = {
		ENT(NULL, "", "Content-Type: text/plain; charset=UTF-8\n"),
	};
	/* as xgettext leaves it in a template */
	static const struct ent empty[] = {
		ENT(NULL, "", HDR("", PLURAL2)),
	};
	/* a field whose name merely starts with Language */
	static const struct ent team[] = {
		ENT(NULL, "", "Language-Team: German <de@example.org>\n"
			      "Content-Type: text/plain; charset=UTF-8\n"),
	};

	build_refused(none, PACTUM_ARRAY_SIZE(none), "de",
		      "no Language field");
	build_refused(empty, PACTUM_ARRAY_SIZE(empty), "de",
		      "no Language field");
	build_refused(team, PACTUM_ARRAY_SIZE(team), "de",
		      "no Language field");
}
END_TEST

START_TEST(test_wrong_language)
{
	static const struct ent fr[] = {
		ENT(NULL, "", HDR("fr", PLURAL2)),
	};
	static const struct ent deu[] = {
		ENT(NULL, "", HDR("deu", PLURAL2)),
	};
	static const struct ent bare[] = {
		ENT(NULL, "", HDR("de_", PLURAL2)),
	};
	static const struct ent variant[] = {
		ENT(NULL, "", HDR("de_DE.ISO-8859-1", PLURAL2)),
	};

	build_refused(fr, PACTUM_ARRAY_SIZE(fr), "de",
		      "Language \"fr\", expected \"de\"");
	build_refused(deu, PACTUM_ARRAY_SIZE(deu), "de", "\"deu\"");
	build_refused(bare, PACTUM_ARRAY_SIZE(bare), "de", "\"de_\"");
	build_refused(variant, PACTUM_ARRAY_SIZE(variant), "de",
		      "\"de_DE.ISO-8859-1\"");
	/* a region catalog does not serve another region */
	{
		static const struct ent de_at[] = {
			ENT(NULL, "", HDR("de_AT", PLURAL2)),
		};

		build_refused(de_at, PACTUM_ARRAY_SIZE(de_at), "de_DE",
			      "\"de_AT\"");
	}
}
END_TEST

START_TEST(test_invalid_utf8)
{
	static const struct ent bad[] = {
		ENT(NULL, "", HDR("de", PLURAL2)),
		ENT(NULL, "Agreement", "Vereinbarung"),
		ENT(NULL, "Vendor", "Verk\xe4ufer"), /* Latin-1 */
	};
	static const struct ent plural[] = {
		ENT(NULL, "", HDR("de", PLURAL2)),
		ENT(NULL, "day\0days", "Tag\0Tag\xc0\xa5"), /* overlong */
	};
	static const struct ent surrogate[] = {
		ENT(NULL, "", HDR("de", PLURAL2)),
		ENT(NULL, "x", "\xed\xa0\x80"),
	};
	static const struct ent header[] = {
		ENT(NULL, "", HDR("de", "Last-Translator: J\xfcrgen\n")),
	};

	build_refused(bad, PACTUM_ARRAY_SIZE(bad), "de",
		      "translation 2 is not valid UTF-8");
	build_refused(plural, PACTUM_ARRAY_SIZE(plural), "de",
		      "translation 1 is not valid UTF-8");
	build_refused(surrogate, PACTUM_ARRAY_SIZE(surrogate), "de",
		      "not valid UTF-8");
	build_refused(header, PACTUM_ARRAY_SIZE(header), "de",
		      "translation 0 is not valid UTF-8");
}
END_TEST

/* Any allocation may fail: ENOMEM, no leak, no report. */
START_TEST(test_out_of_memory)
{
	pactum_catalog *cat;
	pactum_diag *diag;
	struct mo mo;
	long k;
	int rc;

	mo_build(&mo, german, PACTUM_ARRAY_SIZE(german), 0);
	ck_assert_int_eq(pactum_diag_new(&diag), PACTUM_OK);
	for (k = 0;; k++) {
		pactum__alloc_fail_after(k);
		rc = pactum__catalog_load(&cat, "test.mo", mo.bytes, mo.len,
					  "de", diag);
		pactum__alloc_fail_after(-1);
		if (rc == PACTUM_OK)
			break;
		ck_assert_int_eq(rc, PACTUM_ENOMEM);
		ck_assert_ptr_null(cat);
		ck_assert_uint_eq(pactum_diag_size(diag), 0);
	}
	ck_assert_int_gt(k, 0);
	pactum__catalog_free(cat);

	/* a refused catalog: the report itself may fail */
	mo.bytes[0] = 'X';
	for (k = 0; k < 20; k++) {
		pactum__alloc_fail_after(k);
		rc = pactum__catalog_load(&cat, "test.mo", mo.bytes, mo.len,
					  "de", diag);
		pactum__alloc_fail_after(-1);
		ck_assert(rc == PACTUM_EINPUT || rc == PACTUM_ENOMEM);
		ck_assert_ptr_null(cat);
	}
	pactum_diag_free(diag);
	mo_free(&mo);
}
END_TEST

/* Random damage: never a crash, and any refusal says exactly one thing. */
START_TEST(test_random_damage)
{
	uint32_t seed = 12345;
	pactum_catalog *cat;
	pactum_diag *diag;
	struct mo mo;
	char *copy;
	int iter;

	mo_build(&mo, german, PACTUM_ARRAY_SIZE(german), _i ? MO_BIG : 0);
	copy = pactum_malloc(mo.len);
	ck_assert_ptr_nonnull(copy);
	for (iter = 0; iter < 3000; iter++) {
		size_t len = mo.len, i, flips;
		int rc;

		memcpy(copy, mo.bytes, mo.len);
		seed = seed * 1103515245u + 12345u;
		flips = 1 + (seed >> 16) % 4;
		for (i = 0; i < flips; i++) {
			size_t at;

			seed = seed * 1103515245u + 12345u;
			/* mostly the header and the tables */
			at = (seed >> 8) % (iter % 2 ? mo.len : 28 + 16 * mo.n);
			seed = seed * 1103515245u + 12345u;
			copy[at] = (char)(seed >> 16);
		}
		if (iter % 5 == 0)
			len = (seed >> 4) % mo.len;
		ck_assert_int_eq(pactum_diag_new(&diag), PACTUM_OK);
		rc = pactum__catalog_load(&cat, "test.mo", copy, len, "de",
					  diag);
		if (rc == PACTUM_OK) {
			size_t j;

			ck_assert_uint_eq(pactum_diag_size(diag), 0);
			for (j = 0; j < PACTUM_ARRAY_SIZE(german); j++) {
				pactum__catalog_get(cat, german[j].ctx,
						    german[j].id, NULL);
				pactum__catalog_nget(cat, german[j].ctx,
						     german[j].id, 5, NULL);
			}
			pactum__catalog_free(cat);
		} else {
			ck_assert_int_eq(rc, PACTUM_EINPUT);
			ck_assert_uint_eq(pactum_diag_size(diag), 1);
		}
		pactum_diag_free(diag);
	}
	pactum_free(copy);
	mo_free(&mo);
}
END_TEST

/* A refused catalog is told to every document of a translator that asks,
 * not only to the first (documents of a batch each have their own diag). */
START_TEST(test_refused_told_to_everyone)
{
	const char *base = getenv("TMPDIR");
	char dir[256], path[512];
	pactum_translator *tr = NULL;
	pactum_diag *first = NULL, *second = NULL;
	const pactum_catalog *cat;
	FILE *fp;

	snprintf(dir, sizeof(dir), "%s/pactum-refused-XXXXXX",
		 base && *base ? base : "/tmp");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/de", dir);
	ck_assert_int_eq(mkdir(path, 0700), 0);
	snprintf(path, sizeof(path), "%s/de/LC_MESSAGES", dir);
	ck_assert_int_eq(mkdir(path, 0700), 0);
	snprintf(path, sizeof(path), "%s/de/LC_MESSAGES/pactum-x.mo", dir);
	fp = fopen(path, "w");
	ck_assert_ptr_nonnull(fp);
	fputs("not a catalog at all, but long enough to be read", fp);
	fclose(fp);
	ck_assert_int_eq(pactum_translator_new(&tr, dir), PACTUM_OK);
	ck_assert_int_eq(pactum_diag_new(&first), PACTUM_OK);
	ck_assert_int_eq(pactum_diag_new(&second), PACTUM_OK);
	ck_assert_int_eq(pactum__translator_catalog(&cat, tr, "pactum-x", "de",
						    first),
			 PACTUM_EINPUT);
	ck_assert_int_eq(pactum__translator_catalog(&cat, tr, "pactum-x", "de",
						    second),
			 PACTUM_EINPUT);
	ck_assert_uint_eq(pactum_diag_count(first, PACTUM_ERROR), 1);
	ck_assert_uint_eq(pactum_diag_count(second, PACTUM_ERROR), 1);
	ck_assert_str_eq(pactum_diag_entry(first, 0, NULL, NULL),
			 pactum_diag_entry(second, 0, NULL, NULL));
	pactum_diag_free(first);
	pactum_diag_free(second);
	pactum_translator_free(tr);
	unlink(path);
	snprintf(path, sizeof(path), "%s/de/LC_MESSAGES", dir);
	rmdir(path);
	snprintf(path, sizeof(path), "%s/de", dir);
	rmdir(path);
	rmdir(dir);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Files compiled by msgfmt                                             */

static char tmpdir[256];

static const char *const tmp_files[] = { "de.po", "le.mo", "be.mo",
					 "nohash.mo" };

static void tmp_setup(void)
{
	const char *base = getenv("TMPDIR");

	if (base == NULL || *base == '\0')
		base = "/tmp";
	snprintf(tmpdir, sizeof(tmpdir), "%s/pactum-catalog-XXXXXX", base);
	if (mkdtemp(tmpdir) == NULL)
		tmpdir[0] = '\0';
}

static void tmp_teardown(void)
{
	char path[512];
	size_t i;

	if (tmpdir[0] == '\0')
		return;
	for (i = 0; i < PACTUM_ARRAY_SIZE(tmp_files); i++) {
		snprintf(path, sizeof(path), "%s/%s", tmpdir, tmp_files[i]);
		unlink(path);
	}
	rmdir(tmpdir);
}

/* Run argv (quiet: its output to /dev/null); its exit status, 127 when it
 * could not be started. */
static int run(char *const argv[], int quiet)
{
	pid_t pid;
	int status;

	fflush(NULL);
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		if (quiet && freopen("/dev/null", "w", stdout) == NULL)
			_exit(126);
		execvp(argv[0], argv);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0)
		;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static const char po_text[] =
	"# A test catalog.\n"
	"msgid \"\"\n"
	"msgstr \"\"\n"
	"\"Project-Id-Version: pactum-test\\n\"\n"
	"\"PO-Revision-Date: 2024-01-01 00:00+0000\\n\"\n"
	"\"Last-Translator: Test <test@example.org>\\n\"\n"
	"\"Language-Team: German <de@example.org>\\n\"\n"
	"\"MIME-Version: 1.0\\n\"\n"
	"\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
	"\"Content-Transfer-Encoding: 8bit\\n\"\n"
	"\"Language: de_DE\\n\"\n"
	"\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n"
	"\n"
	"msgid \"Agreement\"\n"
	"msgstr \"Vereinbarung\"\n"
	"\n"
	"msgctxt \"party\"\n"
	"msgid \"Vendor\"\n"
	"msgstr \"Verk\xc3\xa4ufer\"\n"
	"\n"
	"msgid \"Vendor\"\n"
	"msgstr \"Anbieter\"\n"
	"\n"
	"msgid \"%d day\"\n"
	"msgid_plural \"%d days\"\n"
	"msgstr[0] \"%d Tag\"\n"
	"msgstr[1] \"%d Tage\"\n"
	"\n"
	"msgctxt \"notice\"\n"
	"msgid \"%d week\"\n"
	"msgid_plural \"%d weeks\"\n"
	"msgstr[0] \"%d Woche\"\n"
	"msgstr[1] \"%d Wochen\"\n"
	"\n"
	"msgid \"Untranslated\"\n"
	"msgstr \"\"\n"
	"\n"
	"#, fuzzy\n"
	"msgid \"Fuzzy\"\n"
	"msgstr \"Unscharf\"\n";

/* _i: 0 default (little-endian on this machine, with a hash table),
 * 1 big-endian, 2 without a hash table */
START_TEST(test_msgfmt)
{
	static const char *const outs[] = { "le.mo", "be.mo", "nohash.mo" };
	static const char *const opts[] = { "--check", "--endianness=big",
					    "--no-hash" };
	char po[512], mo[512], option[32];
	char *argv[6];
	pactum_catalog *cat;
	pactum_diag *diag;
	const char *s;
	size_t len;
	FILE *fp;
	int rc;

	ck_assert_msg(tmpdir[0] != '\0', "no temporary directory");
	snprintf(option, sizeof(option), "%s", "--version");
	argv[0] = (char *)"msgfmt";
	argv[1] = option;
	argv[2] = NULL;
	if (run(argv, 1) == 127) {
		fprintf(stderr, "check_catalog: msgfmt not found, "
				"skipping the msgfmt test\n");
		return;
	}
	snprintf(po, sizeof(po), "%s/de.po", tmpdir);
	snprintf(mo, sizeof(mo), "%s/%s", tmpdir, outs[_i]);
	fp = fopen(po, "w");
	ck_assert_ptr_nonnull(fp);
	ck_assert_uint_eq(fwrite(po_text, 1, sizeof(po_text) - 1, fp),
			  sizeof(po_text) - 1);
	ck_assert_int_eq(fclose(fp), 0);
	snprintf(option, sizeof(option), "%s", opts[_i]);
	argv[0] = (char *)"msgfmt";
	argv[1] = option;
	argv[2] = (char *)"-o";
	argv[3] = mo;
	argv[4] = po;
	argv[5] = NULL;
	rc = run(argv, 0);
	ck_assert_msg(rc == 0, "msgfmt %s failed: %d", opts[_i], rc);

	ck_assert_int_eq(pactum_diag_new(&diag), PACTUM_OK);
	rc = pactum__catalog_open(&cat, mo, "de", diag);
	ck_assert_msg(rc == PACTUM_OK, "open failed (%d): %s", rc,
		      pactum_diag_size(diag) ?
			      pactum_diag_entry(diag, 0, NULL, NULL) : "");
	ck_assert_uint_eq(pactum_diag_size(diag), 0);
	ck_assert_str_eq(pactum__catalog_name(cat), mo);
	/* header, Agreement, Vendor, party|Vendor, %d day, notice|%d week;
	 * msgfmt drops the untranslated and the fuzzy entry */
	ck_assert_uint_eq(pactum__catalog_size(cat), 6);
	s = pactum__catalog_get(cat, NULL, "Agreement", &len);
	expect_str(s, len, "Vereinbarung");
	ck_assert_str_eq(pactum__catalog_get(cat, "party", "Vendor", NULL),
			 "Verk\xc3\xa4ufer");
	ck_assert_str_eq(pactum__catalog_get(cat, NULL, "Vendor", NULL),
			 "Anbieter");
	ck_assert_str_eq(pactum__catalog_nget(cat, NULL, "%d day", 1, NULL),
			 "%d Tag");
	ck_assert_str_eq(pactum__catalog_nget(cat, NULL, "%d day", 5, NULL),
			 "%d Tage");
	ck_assert_str_eq(pactum__catalog_nget(cat, "notice", "%d week", 5,
					      NULL),
			 "%d Wochen");
	ck_assert_ptr_null(pactum__catalog_get(cat, NULL, "Untranslated",
					       NULL));
	ck_assert_ptr_null(pactum__catalog_get(cat, NULL, "Fuzzy", NULL));
	ck_assert_ptr_null(pactum__catalog_get(cat, NULL, "Missing", NULL));
	pactum__catalog_free(cat);

	/* the same file, asked for English */
	rc = pactum__catalog_open(&cat, mo, "en", diag);
	ck_assert_int_eq(rc, PACTUM_EINPUT);
	ck_assert_ptr_null(cat);
	ck_assert_uint_eq(pactum_diag_size(diag), 1);
	ck_assert_ptr_nonnull(strstr(pactum_diag_entry(diag, 0, NULL, NULL),
				     "\"de_DE\", expected \"en\""));
	pactum_diag_free(diag);
}
END_TEST

START_TEST(test_open_missing)
{
	char path[512];
	pactum_catalog *cat;
	pactum_diag *diag;
	int rc;

	ck_assert_msg(tmpdir[0] != '\0', "no temporary directory");
	snprintf(path, sizeof(path), "%s/absent.mo", tmpdir);
	ck_assert_int_eq(pactum_diag_new(&diag), PACTUM_OK);
	rc = pactum__catalog_open(&cat, path, "de", diag);
	ck_assert_int_eq(rc, PACTUM_ENOTFOUND);
	ck_assert_ptr_null(cat);
	ck_assert_uint_eq(pactum_diag_size(diag), 1);
	/* a directory is no catalog either */
	rc = pactum__catalog_open(&cat, tmpdir, "de", diag);
	ck_assert_int_eq(rc, PACTUM_EINPUT);
	ck_assert_ptr_null(cat);
	ck_assert_uint_eq(pactum_diag_size(diag), 2);
	pactum_diag_free(diag);
}
END_TEST

/* A Language that cannot be quoted (a control character in it) is named
 * by what was expected alone. */
START_TEST(test_language_unquotable)
{
	static const struct ent ctl[] = {
		ENT(NULL, "", HDR("d\001e", PLURAL2)),
	};

	build_refused(ctl, PACTUM_ARRAY_SIZE(ctl), "de",
		      "catalog's Language is not \"de\"");
}
END_TEST

/* What the loader refuses to be called with. */
START_TEST(test_bad_arguments)
{
	pactum_catalog *cat = (pactum_catalog *)1;

	ck_assert_int_eq(pactum__catalog_load(NULL, "x", "", 0, "de", NULL),
			 PACTUM_EINVAL);
	ck_assert_int_eq(pactum__catalog_load(&cat, NULL, "", 0, "de", NULL),
			 PACTUM_EINVAL);
	ck_assert_ptr_null(cat);
	ck_assert_int_eq(pactum__catalog_load(&cat, "x", "", 0, NULL, NULL),
			 PACTUM_EINVAL);
	ck_assert_int_eq(pactum__catalog_load(&cat, "x", NULL, 4, "de", NULL),
			 PACTUM_EINVAL);
	ck_assert_int_eq(pactum__catalog_open(NULL, "x", "de", NULL),
			 PACTUM_EINVAL);
	cat = (pactum_catalog *)1;
	ck_assert_int_eq(pactum__catalog_open(&cat, NULL, "de", NULL),
			 PACTUM_EINVAL);
	ck_assert_ptr_null(cat);
	ck_assert_int_eq(pactum__catalog_open(&cat, "x", NULL, NULL),
			 PACTUM_EINVAL);
}
END_TEST

/* Catalog directories: an empty item is skipped, a directory that may
 * hold the catalog but cannot be searched stops the search (another
 * directory's catalog would be used without a word), and a domain or
 * language that names no file finds nothing. */
START_TEST(test_translator_dirs)
{
	pactum_translator *tr;
	pactum_diag *diag;
	pactum_pos pos;
	const pactum_catalog *cat;
	char dirs[1024], file[300], want[700];
	FILE *fp;

	ck_assert_msg(tmpdir[0] != '\0', "no temporary directory");
	snprintf(file, sizeof(file), "%s/plain-file", tmpdir);
	fp = fopen(file, "w");
	ck_assert_ptr_nonnull(fp);
	fclose(fp);
	ck_assert_int_eq(pactum_diag_new(&diag), PACTUM_OK);
	/* empty items, then the file where a directory should be */
	snprintf(dirs, sizeof(dirs), "::%s:%s", file, TEST_CATALOGS);
	ck_assert_int_eq(pactum_translator_new(&tr, dirs), PACTUM_OK);
	ck_assert_int_eq(pactum__translator_catalog(&cat, tr, "pactum-words",
						    "de", diag),
			 PACTUM_EINPUT);
	ck_assert_uint_eq(pactum_diag_count(diag, PACTUM_ERROR), 1);
	ck_assert_str_eq(pactum_diag_entry(diag, 0, NULL, &pos),
			 "cannot look for a catalog here: Not a directory");
	snprintf(want, sizeof(want), "%s/de/LC_MESSAGES/pactum-words.mo", file);
	ck_assert_str_eq(pos.file, want);
	/* asked again, it is refused again, with the reason again */
	ck_assert_int_eq(pactum__translator_catalog(&cat, tr, "pactum-words",
						    "de", diag),
			 PACTUM_EINPUT);
	ck_assert_uint_eq(pactum_diag_count(diag, PACTUM_ERROR), 2);
	pactum_translator_free(tr);

	/* empty items and the real directory: found */
	snprintf(dirs, sizeof(dirs), "::%s", TEST_CATALOGS);
	ck_assert_int_eq(pactum_translator_new(&tr, dirs), PACTUM_OK);
	ck_assert_int_eq(pactum__translator_catalog(&cat, tr, "pactum-words",
						    "de", diag),
			 PACTUM_OK);
	ck_assert_ptr_nonnull(cat);
	/* no catalog of that domain anywhere */
	ck_assert_int_eq(pactum__translator_catalog(&cat, tr, "pactum-none",
						    "de", diag),
			 PACTUM_ENOTFOUND);
	ck_assert_ptr_null(cat);
	/* domains that name no file, a language that is none */
	ck_assert_ptr_null(pactum_translator_lookup(tr, "../x", "de", NULL,
						    "Term", diag));
	ck_assert_ptr_null(pactum_translator_lookup(tr, "", "de", NULL,
						    "Term", diag));
	ck_assert_ptr_null(pactum_translator_lookup(tr, "pactum-words", "d e",
						    NULL, "Term", diag));
	ck_assert_int_eq(pactum_translator_check_words(tr, "d e", diag),
			 PACTUM_EINVAL);
	ck_assert_uint_eq(pactum_diag_count(diag, PACTUM_ERROR), 2);
	pactum_translator_free(tr);
	pactum_diag_free(diag);
	unlink(file);
}
END_TEST

Suite *catalog_suite(void)
{
	Suite *s = suite_create("catalog");
	TCase *tc;

	tc = tcase_create("valid");
	tcase_add_loop_test(tc, test_valid, 0, 2);
	tcase_add_test(tc, test_many_entries);
	tcase_add_test(tc, test_revision_minor);
	tcase_add_test(tc, test_language_region);
	tcase_add_test(tc, test_header_variants);
	suite_add_tcase(s, tc);

	tc = tcase_create("plural");
	tcase_add_loop_test(tc, test_plural_forms, 0,
			    (int)PACTUM_ARRAY_SIZE(plural_cases));
	tcase_add_test(tc, test_plural_unknown);
	suite_add_tcase(s, tc);

	tc = tcase_create("corrupt");
	tcase_add_test(tc, test_bad_magic);
	tcase_add_test(tc, test_bad_major);
	tcase_add_loop_test(tc, test_truncated, 0, 2);
	tcase_add_loop_test(tc, test_string_offset_out_of_range, 0, 2);
	tcase_add_loop_test(tc, test_length_past_eof, 0, 2);
	tcase_add_test(tc, test_not_nul_terminated);
	tcase_add_loop_test(tc, test_table_overflow, 0, 2);
	tcase_add_loop_test(tc, test_hash_table_bounds, 0, 2);
	tcase_add_test(tc, test_unsorted);
	tcase_add_test(tc, test_duplicate);
	tcase_add_loop_test(tc, test_random_damage, 0, 2);
	tcase_add_test(tc, test_out_of_memory);
	tcase_set_timeout(tc, 120); /* valgrind */
	tcase_add_test(tc, test_refused_told_to_everyone);
	suite_add_tcase(s, tc);

	tc = tcase_create("header");
	tcase_add_test(tc, test_missing_header);
	tcase_add_test(tc, test_wrong_charset);
	tcase_add_test(tc, test_missing_language);
	tcase_add_test(tc, test_wrong_language);
	tcase_add_test(tc, test_invalid_utf8);
	tcase_add_test(tc, test_language_unquotable);
	tcase_add_test(tc, test_bad_arguments);
	suite_add_tcase(s, tc);

	tc = tcase_create("msgfmt");
	tcase_add_unchecked_fixture(tc, tmp_setup, tmp_teardown);
	tcase_add_loop_test(tc, test_msgfmt, 0, 3);
	tcase_add_test(tc, test_open_missing);
	tcase_add_test(tc, test_translator_dirs);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);
	return s;
}
