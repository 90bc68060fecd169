/* Diagnostics: collecting, ordering, printing. */
#include "config.h"

#include <libintl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "suites.h"

static char *flush_to_string(pactum_diag *diag)
{
	char *text = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);

	ck_assert_ptr_nonnull(fp);
	ck_assert_int_eq(pactum_diag_flush(diag, fp), PACTUM_OK);
	fclose(fp);
	return text;
}

START_TEST(test_collects_all)
{
	pactum_diag *diag;
	pactum_pos a = { "m.xml", 12, 3 }, b = { "m.xml", 4, 9 };
	pactum_pos c = { "deal.xml", 2, 1 };
	pactum_severity sev;
	pactum_pos pos;
	char *text;

	ck_assert_int_eq(pactum_diag_new(&diag), PACTUM_OK);
	pactum_diag_report(diag, PACTUM_ERROR, &a, "late %d", 1);
	pactum_diag_report(diag, PACTUM_WARNING, &b, "early");
	pactum_diag_report(diag, PACTUM_ERROR, &c, "other file");
	pactum_diag_report(diag, PACTUM_ERROR, NULL, "no position");
	ck_assert_uint_eq(pactum_diag_size(diag), 4);
	ck_assert_uint_eq(pactum_diag_count(diag, PACTUM_ERROR), 3);
	ck_assert_uint_eq(pactum_diag_count(diag, PACTUM_WARNING), 1);
	ck_assert_str_eq(pactum_diag_entry(diag, 0, &sev, &pos), "late 1");
	ck_assert_int_eq(sev, PACTUM_ERROR);
	ck_assert_str_eq(pos.file, "m.xml");
	ck_assert_uint_eq(pos.line, 12);
	ck_assert_uint_eq(pos.col, 3);
	ck_assert_ptr_null(pactum_diag_entry(diag, 4, NULL, NULL));

	/* Files in order of first report, then by position. */
	text = flush_to_string(diag);
	ck_assert_str_eq(text, "m.xml:4:9: warning: early\n"
			       "m.xml:12:3: error: late 1\n"
			       "deal.xml:2:1: error: other file\n"
			       "pactum: error: no position\n");
	free(text);
	ck_assert_uint_eq(pactum_diag_size(diag), 0);
	/* Counts survive a flush: the exit code depends on them. */
	ck_assert_uint_eq(pactum_diag_count(diag, PACTUM_ERROR), 3);
	pactum_diag_free(diag);
}
END_TEST

START_TEST(test_line_without_column)
{
	pactum_diag *diag;
	pactum_pos p = { "m.xml", 7, 0 };
	char *text;

	ck_assert_int_eq(pactum_diag_new(&diag), PACTUM_OK);
	pactum_diag_report(diag, PACTUM_NOTE, &p, "%s", "hello");
	text = flush_to_string(diag);
	ck_assert_str_eq(text, "m.xml:7: note: hello\n");
	free(text);
	pactum_diag_free(diag);
}
END_TEST

START_TEST(test_out_of_memory_is_counted)
{
	pactum_diag *diag;
	char *text;

	ck_assert_int_eq(pactum_diag_new(&diag), PACTUM_OK);
	pactum__alloc_fail_after(0);
	ck_assert_int_eq(pactum_diag_report(diag, PACTUM_ERROR, NULL, "x"),
			 PACTUM_ENOMEM);
	pactum__alloc_fail_after(-1);
	ck_assert_uint_eq(pactum_diag_count(diag, PACTUM_ERROR), 1);
	text = flush_to_string(diag);
	ck_assert_ptr_nonnull(strstr(text, "lost"));
	free(text);
	pactum_diag_free(diag);
}
END_TEST

/* A program embedding the library gets its messages translated without
 * binding the library's text domain itself. */
START_TEST(test_binds_its_text_domain)
{
	pactum_diag *diag = NULL;
	const char *dir;

	ck_assert_int_eq(pactum_diag_new(&diag), PACTUM_OK);
	dir = bindtextdomain(PACKAGE, NULL);
	ck_assert_ptr_nonnull(dir);
	ck_assert_str_eq(dir, LOCALEDIR);
	pactum_diag_free(diag);
}
END_TEST

Suite *diag_suite(void)
{
	Suite *s = suite_create("diag");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_binds_its_text_domain);

	tcase_add_test(tc, test_collects_all);
	tcase_add_test(tc, test_line_without_column);
	tcase_add_test(tc, test_out_of_memory_is_counted);
	suite_add_tcase(s, tc);
	return s;
}
