/* Reading input files with a size cap. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"
#include "suites.h"

static char dir[] = "/tmp/pactum-file-XXXXXX";
static char path[256];

static void setup(void)
{
	strcpy(dir, "/tmp/pactum-file-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/f", dir);
}

static void teardown(void)
{
	unlink(path);
	rmdir(dir);
}

static void write_file(const char *s)
{
	FILE *fp = fopen(path, "w");

	ck_assert_ptr_nonnull(fp);
	fputs(s, fp);
	fclose(fp);
}

START_TEST(test_reads_up_to_the_cap)
{
	char *data;
	size_t len;

	write_file("12345");
	ck_assert_int_eq(pactum__file_read(&data, &len, path, 5, NULL),
			 PACTUM_OK);
	ck_assert_uint_eq(len, 5);
	ck_assert_str_eq(data, "12345");
	pactum_free(data);
}
END_TEST

START_TEST(test_refuses_beyond_the_cap)
{
	pactum_diag *diag;
	char *data = (char *)1;
	size_t len;

	write_file("123456");
	ck_assert_int_eq(pactum_diag_new(&diag), PACTUM_OK);
	ck_assert_int_eq(pactum__file_read(&data, &len, path, 5, diag),
			 PACTUM_EINPUT);
	ck_assert_ptr_null(data);
	ck_assert_ptr_nonnull(strstr(pactum_diag_entry(diag, 0, NULL, NULL),
				     "larger than 5 bytes"));
	pactum_diag_free(diag);
}
END_TEST

START_TEST(test_missing_and_directories)
{
	char *data;
	size_t len;

	ck_assert_int_eq(pactum__file_read(&data, &len, path, 5, NULL),
			 PACTUM_ENOTFOUND);
	ck_assert_int_eq(pactum__file_read(&data, &len, dir, 5, NULL),
			 PACTUM_EINPUT);
}
END_TEST

START_TEST(test_empty_file)
{
	char *data;
	size_t len;

	write_file("");
	ck_assert_int_eq(pactum__file_read(&data, &len, path, 5, NULL),
			 PACTUM_OK);
	ck_assert_uint_eq(len, 0);
	ck_assert_str_eq(data, "");
	pactum_free(data);
}
END_TEST

/* A file whose size fstat() does not tell: /proc gives st_size 0 and then
 * its text.  It is read to its end all the same, within the cap. */
START_TEST(test_file_that_grows)
{
	pactum_diag *diag;
	char *data;
	size_t len;

	ck_assert_int_eq(pactum__file_read(&data, &len, "/proc/self/status",
					   1 << 20, NULL),
			 PACTUM_OK);
	ck_assert_ptr_nonnull(strstr(data, "Pid:"));
	ck_assert_uint_eq(len, strlen(data));
	pactum_free(data);
	/* and beyond the cap it is refused, as a file that says its size */
	ck_assert_int_eq(pactum_diag_new(&diag), PACTUM_OK);
	data = (char *)1;
	ck_assert_int_eq(pactum__file_read(&data, &len, "/proc/self/status",
					   16, diag),
			 PACTUM_EINPUT);
	ck_assert_ptr_null(data);
	ck_assert_str_eq(pactum_diag_entry(diag, 0, NULL, NULL),
			 "file is larger than 16 bytes");
	pactum_diag_free(diag);
}
END_TEST

/* A read that fails: /proc/self/mem at offset 0, which nothing maps. */
START_TEST(test_read_error)
{
	pactum_diag *diag;
	pactum_pos pos;
	char *data = (char *)1;
	size_t len;

	ck_assert_int_eq(pactum_diag_new(&diag), PACTUM_OK);
	ck_assert_int_eq(pactum__file_read(&data, &len, "/proc/self/mem",
					   1 << 20, diag),
			 PACTUM_EIO);
	ck_assert_ptr_null(data);
	ck_assert_uint_eq(pactum_diag_count(diag, PACTUM_ERROR), 1);
	ck_assert_str_eq(pactum_diag_entry(diag, 0, NULL, &pos),
			 "cannot read: Input/output error");
	ck_assert_str_eq(pos.file, "/proc/self/mem");
	pactum_diag_free(diag);
}
END_TEST

/* Opening fails: the message names the reason and the file, and what is
 * not there is told apart from what cannot be opened. */
START_TEST(test_open_errors)
{
	pactum_diag *diag;
	pactum_pos pos;
	char *data;
	size_t len;
	char sub[300];

	write_file("x");
	snprintf(sub, sizeof(sub), "%s/below", path); /* below a file */
	ck_assert_int_eq(pactum_diag_new(&diag), PACTUM_OK);
	ck_assert_int_eq(pactum__file_read(&data, &len, sub, 5, diag),
			 PACTUM_EIO);
	ck_assert_str_eq(pactum_diag_entry(diag, 0, NULL, &pos),
			 "cannot open: Not a directory");
	ck_assert_str_eq(pos.file, sub);
	ck_assert_int_eq(pactum__file_read(&data, &len, dir, 5, diag),
			 PACTUM_EINPUT);
	ck_assert_str_eq(pactum_diag_entry(diag, 1, NULL, NULL),
			 "not a regular file");
	pactum_diag_free(diag);
}
END_TEST

Suite *file_suite(void)
{
	Suite *s = suite_create("file");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_reads_up_to_the_cap);
	tcase_add_test(tc, test_refuses_beyond_the_cap);
	tcase_add_test(tc, test_missing_and_directories);
	tcase_add_test(tc, test_empty_file);
	tcase_add_test(tc, test_file_that_grows);
	tcase_add_test(tc, test_read_error);
	tcase_add_test(tc, test_open_errors);
	suite_add_tcase(s, tc);
	return s;
}
