/* Which plugin files the loader trusts: the decision from fabricated stat
 * data (CI runs as root, where access() allows everything), and the
 * gathering of that data from a real file system. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "trust.h"
#include "suites.h"

#define ROOT 0
#define ME 1000
#define OTHER 1001

/* A plugin file and its directories, "/srv/p/x.so" up to "/". */
static pactum__trust_item items[4];

static void item(size_t i, const char *path, mode_t mode, uid_t uid)
{
	memset(&items[i], 0, sizeof(items[i]));
	items[i].path = path;
	items[i].st.st_mode = mode;
	items[i].st.st_uid = uid;
}

/* A chain every check accepts, owned by owner. */
static void good(uid_t owner)
{
	item(0, "/srv/p/x.so", S_IFREG | 0644, owner);
	item(1, "/srv/p", S_IFDIR | 0755, owner);
	item(2, "/srv", S_IFDIR | 0755, ROOT);
	item(3, "/", S_IFDIR | 0755, ROOT);
}

/* The reason for the chain above as seen by euid, or NULL. */
static char reason_buf[256];

static const char *decide(uid_t euid)
{
	char *why = NULL;

	ck_assert_int_eq(pactum__trust_decide(&why, items, 4, euid),
			 PACTUM_OK);
	if (why == NULL)
		return NULL;
	snprintf(reason_buf, sizeof(reason_buf), "%s", why);
	pactum_free(why);
	return reason_buf;
}

START_TEST(test_owner)
{
	good(ROOT);
	ck_assert_ptr_null(decide(ROOT));
	ck_assert_ptr_null(decide(ME)); /* root's files are fine for all */
	good(ME);
	ck_assert_ptr_null(decide(ME));
	ck_assert_str_eq(decide(ROOT), "owned by another user (uid 1000): "
				       "/srv/p/x.so");
	ck_assert_str_eq(decide(OTHER), "owned by another user (uid 1000): "
					"/srv/p/x.so");
}
END_TEST

START_TEST(test_file_writable)
{
	good(ROOT);
	items[0].st.st_mode = S_IFREG | 0664;
	ck_assert_str_eq(decide(ROOT), "writable by group: /srv/p/x.so "
				       "(mode 0664)");
	items[0].st.st_mode = S_IFREG | 0646;
	ck_assert_str_eq(decide(ROOT), "writable by others: /srv/p/x.so "
				       "(mode 0646)");
	/* both: others is the worse, and the one named */
	items[0].st.st_mode = S_IFREG | 0777;
	ck_assert_str_eq(decide(ROOT), "writable by others: /srv/p/x.so "
				       "(mode 0777)");
	/* the sticky bit protects a directory's entries, not a file */
	items[0].st.st_mode = S_IFREG | S_ISVTX | 0666;
	ck_assert_str_eq(decide(ROOT), "writable by others: /srv/p/x.so "
				       "(mode 1666)");
	/* owner-writable, set-id and executable bits are no concern */
	items[0].st.st_mode = S_IFREG | 0755;
	ck_assert_ptr_null(decide(ROOT));
}
END_TEST

START_TEST(test_not_regular)
{
	static const mode_t types[] = { S_IFIFO, S_IFDIR, S_IFCHR, S_IFBLK,
					S_IFSOCK, S_IFLNK };
	size_t i;

	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		good(ROOT);
		items[0].st.st_mode = types[i] | 0644;
		ck_assert_str_eq(decide(ROOT), "not a regular file");
	}
}
END_TEST

START_TEST(test_dir_writable)
{
	good(ROOT);
	items[1].st.st_mode = S_IFDIR | 0777;
	ck_assert_str_eq(decide(ROOT), "writable by others: /srv/p "
				       "(mode 0777)");
	items[1].st.st_mode = S_IFDIR | 0775;
	ck_assert_str_eq(decide(ROOT), "writable by group: /srv/p "
				       "(mode 0775)");
	/* the checks go all the way up */
	good(ROOT);
	items[3].st.st_mode = S_IFDIR | 0757;
	ck_assert_str_eq(decide(ROOT), "writable by others: / (mode 0757)");
	good(ROOT);
	items[2].st.st_mode = S_IFREG | 0755;
	ck_assert_str_eq(decide(ROOT), "not a directory: /srv");
}
END_TEST

START_TEST(test_sticky_dir)
{
	good(ROOT);
	items[2].st.st_mode = S_IFDIR | S_ISVTX | 0777; /* like /tmp */
	ck_assert_ptr_null(decide(ROOT));
	ck_assert_ptr_null(decide(ME));
	items[2].st.st_mode = S_IFDIR | S_ISVTX | 0775;
	ck_assert_ptr_null(decide(ROOT));
	/* sticky, but its owner may still replace what is in it */
	items[2].st.st_uid = OTHER;
	ck_assert_str_eq(decide(ROOT), "owned by another user (uid 1001): "
				       "/srv");
}
END_TEST

START_TEST(test_dir_owner)
{
	good(ROOT);
	items[1].st.st_uid = OTHER;
	ck_assert_str_eq(decide(ROOT), "owned by another user (uid 1001): "
				       "/srv/p");
	ck_assert_str_eq(decide(ME), "owned by another user (uid 1001): "
				     "/srv/p");
	ck_assert_ptr_null(decide(OTHER));
	items[1].st.st_uid = ME;
	ck_assert_ptr_null(decide(ME));
}
END_TEST

START_TEST(test_decide_nomem)
{
	char *why = (char *)1;

	good(ROOT);
	items[0].st.st_mode = S_IFREG | 0666;
	pactum__alloc_fail_after(0);
	ck_assert_int_eq(pactum__trust_decide(&why, items, 4, ROOT),
			 PACTUM_ENOMEM);
	pactum__alloc_fail_after(-1);
	ck_assert_ptr_null(why);
}
END_TEST

/* ------------------------------------------------ the real file system */

static char dir[] = "/tmp/pactum-trust-XXXXXX";
static char file[256], fifo[256], link_[256];

static void setup(void)
{
	FILE *fp;

	strcpy(dir, "/tmp/pactum-trust-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(file, sizeof(file), "%s/a.so", dir);
	snprintf(fifo, sizeof(fifo), "%s/fifo.so", dir);
	snprintf(link_, sizeof(link_), "%s/link.so", dir);
	fp = fopen(file, "w");
	ck_assert_ptr_nonnull(fp);
	fclose(fp);
	ck_assert_int_eq(chmod(file, 0644), 0);
	ck_assert_int_eq(mkfifo(fifo, 0644), 0);
	ck_assert_int_eq(symlink("a.so", link_), 0);
}

static void teardown(void)
{
	unlink(link_);
	unlink(fifo);
	unlink(file);
	rmdir(dir);
}

/* Gather and decide for path; the reason, or NULL with *resolved set. */
static const char *trust(const char *path, char **resolved)
{
	char *why = NULL;

	ck_assert_int_eq(pactum__trust_file(&why, resolved, path, geteuid()),
			 PACTUM_OK);
	if (why == NULL) {
		ck_assert_ptr_nonnull(*resolved);
		return NULL;
	}
	ck_assert_ptr_null(*resolved);
	snprintf(reason_buf, sizeof(reason_buf), "%s", why);
	pactum_free(why);
	return reason_buf;
}

START_TEST(test_file_trusted)
{
	char want[512], *resolved = NULL, *real = realpath(file, NULL);

	ck_assert_ptr_nonnull(real);
	ck_assert_ptr_null(trust(file, &resolved));
	ck_assert_str_eq(resolved, real);
	pactum_free(resolved);
	/* a link is checked, and opened, as what it points at */
	ck_assert_ptr_null(trust(link_, &resolved));
	ck_assert_str_eq(resolved, real);
	pactum_free(resolved);
	ck_assert_int_eq(chmod(file, 0646), 0);
	snprintf(want, sizeof(want), "writable by others: %s (mode 0646)",
		 real);
	ck_assert_str_eq(trust(file, &resolved), want);
	ck_assert_str_eq(trust(link_, &resolved), want);
	ck_assert_int_eq(chmod(file, 0644), 0);
	ck_assert_int_eq(chmod(dir, 0777), 0);
	free(real);
	real = realpath(dir, NULL);
	snprintf(want, sizeof(want), "writable by others: %s (mode 0777)",
		 real);
	ck_assert_str_eq(trust(file, &resolved), want);
	ck_assert_int_eq(chmod(dir, 0700), 0);
	free(real);
}
END_TEST

START_TEST(test_fifo_never_opened)
{
	char *resolved = NULL;

	/* opening it would block: the test's timeout would fail it */
	ck_assert_str_eq(trust(fifo, &resolved), "not a regular file");
	ck_assert_str_eq(trust(dir, &resolved), "not a regular file");
}
END_TEST

START_TEST(test_unresolvable)
{
	char path[300], *resolved = NULL;

	snprintf(path, sizeof(path), "%s/missing.so", dir);
	ck_assert_pstr_eq(trust(path, &resolved),
			  "cannot resolve the path: No such file or directory");
}
END_TEST

Suite *trust_suite(void)
{
	Suite *s = suite_create("trust");
	TCase *decide_tc = tcase_create("decide");
	TCase *fs = tcase_create("file system");

	tcase_add_test(decide_tc, test_owner);
	tcase_add_test(decide_tc, test_file_writable);
	tcase_add_test(decide_tc, test_not_regular);
	tcase_add_test(decide_tc, test_dir_writable);
	tcase_add_test(decide_tc, test_sticky_dir);
	tcase_add_test(decide_tc, test_dir_owner);
	tcase_add_test(decide_tc, test_decide_nomem);
	tcase_add_checked_fixture(fs, setup, teardown);
	tcase_set_timeout(fs, 10);
	tcase_add_test(fs, test_file_trusted);
	tcase_add_test(fs, test_fifo_never_opened);
	tcase_add_test(fs, test_unresolvable);
	suite_add_tcase(s, decide_tc);
	suite_add_tcase(s, fs);
	return s;
}
