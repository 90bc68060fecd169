/* The .po reader: what it takes from a good catalog, and every malformed
 * input refused with its line and reason. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "po.h"
#include "suites.h"

#define HEADER                                                             \
	"msgid \"\"\n"                                                     \
	"msgstr \"\"\n"                                                    \
	"\"Content-Type: text/plain; charset=UTF-8\\n\"\n"                 \
	"\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n"              \
	"\n"

/* Parse text (a copy: the reader cuts it up); *diag gets the messages. */
static int parse(pactum_po **po, pactum_diag **diag, const char *text)
{
	size_t len = strlen(text);
	char *copy = malloc(len + 1);
	int error;

	ck_assert_ptr_nonnull(copy);
	memcpy(copy, text, len + 1);
	ck_assert_int_eq(pactum_diag_new(diag), PACTUM_OK);
	error = pactum__po_parse(po, "t.po", copy, len, *diag);
	free(copy);
	return error;
}

START_TEST(test_a_good_catalog)
{
	static const char text[] =
		HEADER
		"#. TRANSLATORS: a note\n"
		"msgctxt \"s1.p1\"\n"
		"msgid \"Hello \\\"world\\\"\\n\"\n"
		"\"and more\"\n"
		"msgstr \"Hallo \\\"Welt\\\"\\n\"\n"
		"\"und mehr\"\n"
		"\n"
		"#, fuzzy, c-format\n"
		"msgid \"day\"\n"
		"msgid_plural \"days\"\n"
		"msgstr[0] \"Tag\"\n"
		"msgstr[1] \"Tage\"\n"
		"\n"
		"#~ msgid \"gone\"\n"
		"#~ msgstr \"weg\"\n";
	const pactum_po_entry *e;
	pactum_diag *diag;
	pactum_po *po;

	ck_assert_int_eq(parse(&po, &diag, text), PACTUM_OK);
	ck_assert_uint_eq(pactum_diag_size(diag), 0);
	ck_assert_uint_eq(pactum__po_count(po), 3); /* the obsolete one skipped */
	ck_assert_str_eq(pactum__po_path(po), "t.po");
	e = pactum__po_find(po, "s1.p1", "Hello \"world\"\nand more");
	ck_assert_ptr_nonnull(e);
	ck_assert_uint_eq(e->nstr, 1);
	ck_assert_str_eq(e->msgstr[0], "Hallo \"Welt\"\nund mehr");
	ck_assert_int_eq(e->fuzzy, 0);
	ck_assert_uint_eq(e->line, 8);
	e = pactum__po_find(po, NULL, "day");
	ck_assert_ptr_nonnull(e);
	ck_assert_str_eq(e->msgid_plural, "days");
	ck_assert_uint_eq(e->nstr, 2);
	ck_assert_str_eq(e->msgstr[1], "Tage");
	ck_assert_int_eq(e->fuzzy, 1);
	ck_assert_ptr_null(pactum__po_find(po, NULL, "gone"));
	ck_assert_ptr_null(pactum__po_find(po, "other", "day"));
	ck_assert_ptr_eq(pactum__po_entry(po, 2), e);
	ck_assert_ptr_null(pactum__po_entry(po, 3));
	pactum__po_free(po);
	pactum_diag_free(diag);
}
END_TEST

/* One malformed input each: the reason, and the line it is given at
 * (0: none). */
static const struct bad {
	const char *text;
	const char *reason;
	uint32_t line;
} bad[] = {
	{ HEADER "msgid \"a\\q\"\nmsgstr \"b\"\n", "unknown escape", 6 },
	{ HEADER "msgid \"a\\0\"\nmsgstr \"b\"\n", "a NUL byte (\\0)", 6 },
	{ HEADER "msgid \"abc\nmsgstr \"b\"\n", "unterminated string", 6 },
	{ HEADER "msgid \"a\" b\nmsgstr \"b\"\n", "text after the end", 6 },
	{ HEADER "msgid \"a\"\nmsgid_plural \"as\"\n"
		 "msgstr[0] \"x\"\nmsgstr[1] \"x\"\nmsgstr[2] \"x\"\nmsgstr[3] \"x\"\n"
		 "msgstr[4] \"x\"\nmsgstr[5] \"x\"\nmsgstr[6] \"x\"\nmsgstr[7] \"x\"\n"
		 "msgstr[8] \"x\"\nmsgstr[9] \"x\"\nmsgstr[10] \"x\"\nmsgstr[11] \"x\"\n"
		 "msgstr[12] \"x\"\nmsgstr[13] \"x\"\nmsgstr[14] \"x\"\nmsgstr[15] \"x\"\n"
		 "msgstr[16] \"x\"\n",
	  "too many plural forms", 24 },
	{ HEADER "msgid \"a\"\nmsgstr[0] \"b\"\n",
	  "msgstr[N] without a msgid_plural", 6 },
	{ HEADER "msgid \"a\"\nmsgid_plural \"as\"\nmsgstr \"b\"\n",
	  "a msgid_plural needs msgstr[0]", 6 },
	{ HEADER "msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[1] \"b\"\n"
		 "msgstr[0] \"c\"\n",
	  "msgstr[N] out of order", 8 },
	{ HEADER "msgid \"a\"\nmsgstr \"b\"\n\nmsgid \"a\"\nmsgstr \"c\"\n",
	  "a second entry with the same msgctxt", 9 },
	{ "\"stray\"\n" HEADER, "a string outside an entry", 1 },
	{ HEADER "msgfoo \"a\"\n", "expected msgctxt, msgid", 6 },
	{ HEADER "msgid a\nmsgstr \"b\"\n", "expected a string", 6 },
	{ "msgid \"a\"\nmsgstr \"b\"\n", "no header entry", 1 },
	{ "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=ISO-8859-1\\n\"\n",
	  "must say charset=UTF-8", 1 },
	{ "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
	  "msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[0] \"b\"\nmsgstr[1] \"c\"\n",
	  "the header has no Plural-Forms", 4 },
	{ HEADER "msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[0] \"b\"\n"
		 "msgstr[1] \"c\"\nmsgstr[2] \"d\"\n",
	  "another number of forms", 6 },
	{ HEADER "msgid \"a\xff\"\nmsgstr \"b\"\n", "not valid UTF-8", 0 },
};

START_TEST(test_malformed)
{
	const struct bad *b = &bad[_i];
	pactum_diag *diag;
	pactum_po *po;
	pactum_pos pos;
	const char *msg;
	size_t i, n;
	int found = 0;

	ck_assert_int_eq(parse(&po, &diag, b->text), PACTUM_EINPUT);
	ck_assert_ptr_null(po);
	n = pactum_diag_size(diag);
	ck_assert_uint_ge(n, 1);
	for (i = 0; i < n; i++) {
		msg = pactum_diag_entry(diag, i, NULL, &pos);
		if (strstr(msg, b->reason) != NULL &&
		    strcmp(pos.file, "t.po") == 0 &&
		    (b->line == 0 || pos.line == b->line))
			found = 1;
	}
	ck_assert_msg(found, "case %d: no message saying \"%s\" at line %u "
		      "(first: line %u: %s)", _i, b->reason, (unsigned)b->line,
		      (unsigned)(pactum_diag_entry(diag, 0, NULL, &pos), pos.line),
		      pactum_diag_entry(diag, 0, NULL, &pos));
	pactum_diag_free(diag);
}
END_TEST

/* A NUL byte would end the file for the line reader: it is refused,
 * with its line. */
START_TEST(test_nul_byte)
{
	char text[] = HEADER "msgid \"a\"\nmsgstr \"b\"\n";
	size_t len = sizeof(text) - 1;
	pactum_diag *diag;
	pactum_po *po;
	pactum_pos pos;
	const char *msg;

	text[strlen(HEADER) + 3] = '\0'; /* in "msgid" on line 6 */
	ck_assert_int_eq(pactum_diag_new(&diag), PACTUM_OK);
	ck_assert_int_eq(pactum__po_parse(&po, "t.po", text, len, diag),
			 PACTUM_EINPUT);
	msg = pactum_diag_entry(diag, 0, NULL, &pos);
	ck_assert_ptr_nonnull(strstr(msg, "a NUL byte in the file"));
	ck_assert_uint_eq(pos.line, 6);
	pactum_diag_free(diag);
}
END_TEST

/* Every escape gettext knows, and a file with CRLF line ends. */
START_TEST(test_escapes_and_crlf)
{
	static const char text[] =
		"msgid \"\"\r\n"
		"msgstr \"\"\r\n"
		"\"Content-Type: text/plain; charset=UTF-8\\n\"\r\n"
		"\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\r\n"
		"\r\n"
		"msgid \"e\"\r\n"
		"msgstr \"\\a\\b\\f\\v\\r\\t\\\\\\x41\\x4a\\x4F\\101\\60x\"\r\n";
	const pactum_po_entry *e;
	pactum_diag *diag;
	pactum_po *po;

	ck_assert_int_eq(parse(&po, &diag, text), PACTUM_OK);
	ck_assert_uint_eq(pactum_diag_size(diag), 0);
	e = pactum__po_find(po, NULL, "e");
	ck_assert_ptr_nonnull(e);
	ck_assert_str_eq(e->msgstr[0], "\a\b\f\v\r\t\\AJOA0x");
	ck_assert_uint_eq(e->line, 6);
	pactum__po_free(po);
	pactum_diag_free(diag);
}
END_TEST

/* A hex escape without a digit is no escape. */
START_TEST(test_hex_escape_without_digits)
{
	pactum_diag *diag;
	pactum_po *po;
	pactum_pos pos;
	const char *msg;

	ck_assert_int_eq(parse(&po, &diag, HEADER "msgid \"a\\xg\"\nmsgstr \"b\"\n"),
			 PACTUM_EINPUT);
	msg = pactum_diag_entry(diag, 0, NULL, &pos);
	ck_assert_ptr_nonnull(strstr(msg, "unknown escape"));
	ck_assert_uint_eq(pos.line, 6);
	pactum_diag_free(diag);
}
END_TEST

/* Each allocation of a parse failing in turn: PACTUM_ENOMEM, no catalog,
 * nothing left allocated; and the parse after it whole again. */
START_TEST(test_out_of_memory)
{
	static const char text[] =
		HEADER
		"msgctxt \"c\"\n"
		"msgid \"a\"\n"
		"msgstr \"b\"\n"
		"\n"
		"msgid \"day\"\n"
		"msgid_plural \"days\"\n"
		"msgstr[0] \"Tag\"\n"
		"msgstr[1] \"Tage\"\n";
	long k, calls, live, before;
	pactum_diag *diag;
	pactum_po *po;
	int error, fired;

	pactum__test_alloc_track(1);
	for (k = 0;; k++) {
		pactum__test_alloc_counts(&calls, &before);
		ck_assert_int_eq(pactum_diag_new(&diag), PACTUM_OK);
		{
			char copy[sizeof(text)];

			memcpy(copy, text, sizeof(text));
			pactum__test_alloc_fail(k, 1);
			error = pactum__po_parse(&po, "t.po", copy,
						 sizeof(text) - 1, diag);
		}
		fired = pactum__test_alloc_fired();
		pactum__test_alloc_fail(-1, 0);
		if (!fired) {
			ck_assert_int_eq(error, PACTUM_OK);
			ck_assert_ptr_nonnull(pactum__po_find(po, "c", "a"));
			pactum__po_free(po);
			pactum_diag_free(diag);
			break;
		}
		if (error != PACTUM_ENOMEM && pactum_diag_size(diag) > 0)
			fprintf(stderr, "DEBUG %s\n", pactum_diag_entry(diag, 0, NULL, NULL));
		ck_assert_msg(error == PACTUM_ENOMEM,
			      "allocation %ld failing: status %d", k, error);
		ck_assert_ptr_null(po);
		pactum_diag_free(diag);
		pactum__test_alloc_counts(&calls, &live);
		ck_assert_msg(live == before, "allocation %ld failing: %ld "
			      "blocks left", k, live - before);
	}
	pactum__test_alloc_track(0);
	ck_assert_int_gt(k, 5);
}
END_TEST

Suite *po_suite(void)
{
	Suite *s = suite_create("po");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_a_good_catalog);
	tcase_add_loop_test(tc, test_malformed, 0,
			    (int)(sizeof(bad) / sizeof(bad[0])));
	tcase_add_test(tc, test_nul_byte);
	tcase_add_test(tc, test_escapes_and_crlf);
	tcase_add_test(tc, test_hex_escape_without_digits);
	tcase_add_test(tc, test_out_of_memory);
	suite_add_tcase(s, tc);
	return s;
}
