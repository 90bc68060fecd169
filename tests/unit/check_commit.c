/* Committing a sink when write(2) misbehaves: short writes and EINTR are
 * carried on from, ENOSPC and a write of nothing are errors that name the
 * file and leave its previous content and no temporary file behind.  And
 * when the file system misbehaves: no O_TMPFILE, no /proc, temporary
 * names taken, fsync() or rename() failing.  Those calls are interposed:
 * this program defines openat(), linkat(), fsync() and renameat(), which
 * libpactum's calls then reach (ELF symbol interposition), and which pass
 * through to the kernel unless a test has asked them to fail. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "internal.h"
#include "suites.h"

static char dir[] = "/tmp/pactum-commit-XXXXXX";
static char path[256];
static char bytes[100000];
static pactum_sink *sink;
static pactum_diag *diag;

/* what the hooks below do, and how far they have got */
static size_t written, space;
static unsigned calls;

/* At most 7 bytes a call. */
static ssize_t short_writes(int fd, const void *p, size_t len)
{
	calls++;
	return write(fd, p, len < 7 ? len : 7);
}

/* Every other call interrupted before it wrote anything. */
static ssize_t interrupted(int fd, const void *p, size_t len)
{
	if (calls++ % 2 == 0) {
		errno = EINTR;
		return -1;
	}
	return write(fd, p, len);
}

/* The disk fills after space bytes: first a short write, then ENOSPC. */
static ssize_t disk_full(int fd, const void *p, size_t len)
{
	ssize_t n;

	calls++;
	if (written >= space) {
		errno = ENOSPC;
		return -1;
	}
	n = write(fd, p, len < space - written ? len : space - written);
	if (n > 0)
		written += (size_t)n;
	return n;
}

/* A write that writes nothing and says no error. */
static ssize_t writes_nothing(int fd, const void *p, size_t len)
{
	(void)fd;
	(void)p;
	(void)len;
	calls++;
	return 0;
}

/* The interposed calls: what each is to do (0: pass through). */
static int no_tmpfile;      /* O_TMPFILE fails with EOPNOTSUPP */
static int no_proc;         /* linking /proc/self/fd/N fails with ENOENT */
static int link_errno;      /* linkat() fails so, link_taken times... */
static unsigned link_taken; /* ...or for ever (UINT_MAX) */
static int named_taken;     /* open(O_EXCL) of a temporary: EEXIST */
static int fsync_errno;     /* of the file (a regular one) */
static int dir_fsync_errno; /* of the directory */
static int rename_errno;
static unsigned links, renames;

int openat(int fd, const char *name, int flags, ...)
{
	mode_t mode = 0;
	va_list ap;

	va_start(ap, flags);
	if (flags & (O_CREAT | __O_TMPFILE))
		mode = (mode_t)va_arg(ap, int);
	va_end(ap);
	if (no_tmpfile && (flags & O_TMPFILE) == O_TMPFILE) {
		errno = EOPNOTSUPP;
		return -1;
	}
	if (named_taken && (flags & O_EXCL) &&
	    strncmp(name, ".pactum-", 8) == 0) {
		errno = EEXIST;
		return -1;
	}
	return (int)syscall(SYS_openat, fd, name, flags, mode);
}

int linkat(int olddir, const char *old, int newdir, const char *name,
	   int flags)
{
	links++;
	if (no_proc && strncmp(old, "/proc/", 6) == 0) {
		errno = ENOENT;
		return -1;
	}
	if (link_errno != 0 && link_taken > 0) {
		link_taken -= link_taken != (unsigned)-1;
		errno = link_errno;
		return -1;
	}
	return (int)syscall(SYS_linkat, olddir, old, newdir, name, flags);
}

int fsync(int fd)
{
	struct stat st;

	if (fstat(fd, &st) == 0 &&
	    (S_ISDIR(st.st_mode) ? dir_fsync_errno : fsync_errno) != 0) {
		errno = S_ISDIR(st.st_mode) ? dir_fsync_errno : fsync_errno;
		return -1;
	}
	return (int)syscall(SYS_fsync, fd);
}

int renameat(int olddir, const char *old, int newdir, const char *name)
{
	renames++;
	if (rename_errno != 0) {
		errno = rename_errno;
		return -1;
	}
	return (int)syscall(SYS_renameat, olddir, old, newdir, name);
}

static void setup(void)
{
	size_t i;

	strcpy(dir, "/tmp/pactum-commit-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/out.txt", dir);
	for (i = 0; i < sizeof(bytes); i++)
		bytes[i] = (char)('a' + i % 26);
	ck_assert_int_eq(pactum_sink_new(&sink), PACTUM_OK);
	ck_assert_int_eq(pactum_sink_write(sink, bytes, sizeof(bytes)),
			 PACTUM_OK);
	ck_assert_int_eq(pactum_diag_new(&diag), PACTUM_OK);
	written = calls = 0;
	space = 4096;
	no_tmpfile = no_proc = named_taken = 0;
	link_errno = fsync_errno = dir_fsync_errno = rename_errno = 0;
	link_taken = links = renames = 0;
}

static void teardown(void)
{
	pactum__test_write_hook(NULL);
	no_tmpfile = no_proc = named_taken = 0;
	link_errno = fsync_errno = dir_fsync_errno = rename_errno = 0;
	pactum_sink_free(sink);
	pactum_diag_free(diag);
	unlink(path);
	rmdir(dir);
}

/* path's whole content equals want (len bytes). */
static int has(const char *want, size_t len)
{
	static char got[sizeof(bytes) + 1];
	FILE *fp = fopen(path, "rb");
	size_t n;

	if (fp == NULL)
		return 0;
	n = fread(got, 1, sizeof(got), fp);
	fclose(fp);
	return n == len && memcmp(got, want, len) == 0;
}

/* The directory holds the output file alone: no temporary beside it. */
static int alone(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n += strcmp(e->d_name, "out.txt") == 0 ? 1 : 100;
	closedir(d);
	return n == 1;
}

static void previous(void)
{
	FILE *fp = fopen(path, "w");

	ck_assert_ptr_nonnull(fp);
	fputs("previous\n", fp);
	fclose(fp);
}

/* Between two commits of one test: the first's report read. */
static void fresh_diag(void)
{
	pactum_diag_free(diag);
	ck_assert_int_eq(pactum_diag_new(&diag), PACTUM_OK);
}

static void assert_reported(const char *reason)
{
	const char *msg;
	pactum_pos pos;

	ck_assert_uint_eq(pactum_diag_size(diag), 1);
	msg = pactum_diag_entry(diag, 0, NULL, &pos);
	ck_assert_ptr_nonnull(strstr(msg, reason));
	ck_assert_ptr_nonnull(pos.file);
	ck_assert_ptr_nonnull(strstr(pos.file, "out.txt"));
}

/* The commit failed for reason err, left the previous file as it was
 * and nothing beside it; the diagnostics are fresh for the next one. */
static void assert_refused(int err)
{
	ck_assert_int_eq(pactum_sink_commit(sink, path, diag), PACTUM_EIO);
	ck_assert(has("previous\n", 9));
	ck_assert(alone());
	assert_reported(strerror(err));
	fresh_diag();
}

/* The directory's entries, temporaries (".pactum-...") included. */
static int entries(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	ck_assert_ptr_nonnull(d);
	while ((e = readdir(d)) != NULL)
		n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	closedir(d);
	return n;
}

START_TEST(test_short_writes_complete)
{
	previous();
	pactum__test_write_hook(short_writes);
	ck_assert_int_eq(pactum_sink_commit(sink, path, diag), PACTUM_OK);
	ck_assert(has(bytes, sizeof(bytes)));
	ck_assert(alone());
	ck_assert_uint_ge(calls, sizeof(bytes) / 7);
	ck_assert_uint_eq(pactum_diag_size(diag), 0);
}
END_TEST

START_TEST(test_eintr_is_retried)
{
	pactum__test_write_hook(interrupted);
	ck_assert_int_eq(pactum_sink_commit(sink, path, diag), PACTUM_OK);
	ck_assert(has(bytes, sizeof(bytes)));
	ck_assert(alone());
	ck_assert_uint_ge(calls, 2);
}
END_TEST

START_TEST(test_enospc_keeps_the_previous_file)
{
	previous();
	pactum__test_write_hook(disk_full);
	ck_assert_int_eq(pactum_sink_commit(sink, path, diag), PACTUM_EIO);
	pactum__test_write_hook(NULL);
	ck_assert(has("previous\n", 9));
	ck_assert(alone());
	assert_reported(strerror(ENOSPC));
	/* it got as far as the disk let it: a short write, then the error */
	ck_assert_uint_eq(written, space);
}
END_TEST

START_TEST(test_enospc_leaves_no_new_file)
{
	pactum__test_write_hook(disk_full);
	ck_assert_int_eq(pactum_sink_commit(sink, path, diag), PACTUM_EIO);
	pactum__test_write_hook(NULL);
	ck_assert_int_eq(entries(), 0);
	assert_reported(strerror(ENOSPC));
}
END_TEST

START_TEST(test_a_write_of_nothing_is_an_error)
{
	previous();
	pactum__test_write_hook(writes_nothing);
	ck_assert_int_eq(pactum_sink_commit(sink, path, diag), PACTUM_EIO);
	pactum__test_write_hook(NULL);
	ck_assert(has("previous\n", 9));
	ck_assert(alone());
	ck_assert_uint_eq(calls, 1); /* no endless loop */
	assert_reported(strerror(EIO));
}
END_TEST

/* Standard output through the same loop: a pipe's short writes and
 * EINTR complete, a full disk is reported as standard output's. */
START_TEST(test_stdout)
{
	int pipefd[2], saved = dup(STDOUT_FILENO);
	static char got[sizeof(bytes)];
	size_t n = 0;
	ssize_t r;
	pid_t pid;
	const char *msg;
	pactum_pos pos;

	ck_assert_int_eq(pipe(pipefd), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		dup2(pipefd[1], STDOUT_FILENO);
		close(pipefd[0]);
		pactum__test_write_hook(short_writes);
		_exit(pactum_sink_commit(sink, NULL, diag) == PACTUM_OK ? 0 : 1);
	}
	close(pipefd[1]);
	while ((r = read(pipefd[0], got + n, sizeof(got) - n)) > 0)
		n += (size_t)r;
	close(pipefd[0]);
	ck_assert_uint_eq(n, sizeof(bytes));
	ck_assert(memcmp(got, bytes, n) == 0);

	ck_assert_int_ge(saved, 0);
	ck_assert_int_ge(dup2(open("/dev/null", O_WRONLY), STDOUT_FILENO), 0);
	pactum__test_write_hook(disk_full);
	ck_assert_int_eq(pactum_sink_commit(sink, NULL, diag), PACTUM_EIO);
	pactum__test_write_hook(NULL);
	dup2(saved, STDOUT_FILENO);
	close(saved);
	ck_assert_uint_eq(pactum_diag_size(diag), 1);
	msg = pactum_diag_entry(diag, 0, NULL, &pos);
	ck_assert_ptr_nonnull(strstr(msg, strerror(ENOSPC)));
	ck_assert_str_eq(pos.file, "standard output");
}
END_TEST

/* Without O_TMPFILE (a file system that lacks it), a named temporary,
 * renamed over the target, for a new file and a previous one alike. */
START_TEST(test_without_o_tmpfile)
{
	no_tmpfile = 1;
	ck_assert_int_eq(pactum_sink_commit(sink, path, diag), PACTUM_OK);
	ck_assert(has(bytes, sizeof(bytes)));
	ck_assert(alone());
	previous();
	ck_assert_int_eq(pactum_sink_commit(sink, path, diag), PACTUM_OK);
	ck_assert(has(bytes, sizeof(bytes)));
	ck_assert(alone());
	ck_assert_uint_eq(links, 0);
	ck_assert_uint_eq(renames, 2);
	ck_assert_uint_eq(pactum_diag_size(diag), 0);
}
END_TEST

/* Without /proc, the unnamed file is linked by AT_EMPTY_PATH, or, where
 * the kernel refuses that (no CAP_DAC_READ_SEARCH), written again as a
 * named temporary: the output is the same. */
START_TEST(test_without_proc)
{
	no_proc = 1;
	ck_assert_int_eq(pactum_sink_commit(sink, path, diag), PACTUM_OK);
	ck_assert(has(bytes, sizeof(bytes)));
	ck_assert(alone());
	previous();
	ck_assert_int_eq(pactum_sink_commit(sink, path, diag), PACTUM_OK);
	ck_assert(has(bytes, sizeof(bytes)));
	ck_assert(alone());
	ck_assert_uint_eq(pactum_diag_size(diag), 0);
}
END_TEST

/* A temporary name that is taken is tried again with another; when every
 * name is taken, the error names the file and nothing is left behind. */
START_TEST(test_temporary_names_taken)
{
	previous();
	link_errno = EEXIST;
	link_taken = 5;
	ck_assert_int_eq(pactum_sink_commit(sink, path, diag), PACTUM_OK);
	ck_assert(has(bytes, sizeof(bytes)));
	ck_assert(alone());
	ck_assert_uint_eq(links, 6);

	previous();
	link_taken = (unsigned)-1;
	assert_refused(EEXIST);
}
END_TEST

/* The same for the named temporaries of a file system without O_TMPFILE. */
START_TEST(test_named_temporaries_taken)
{
	previous();
	no_tmpfile = named_taken = 1;
	assert_refused(EEXIST);
}
END_TEST

/* A link refused for another reason than a taken name is an error. */
START_TEST(test_link_refused)
{
	link_errno = EACCES;
	link_taken = (unsigned)-1;
	ck_assert_int_eq(pactum_sink_commit(sink, path, diag), PACTUM_EIO);
	ck_assert_int_eq(entries(), 0);
	assert_reported(strerror(EACCES));

	fresh_diag();
	previous();
	assert_refused(EACCES);
}
END_TEST

/* fsync() of the output failing (an I/O error as it reaches the disk),
 * with O_TMPFILE and without: the previous file stays, no temporary. */
START_TEST(test_fsync_fails)
{
	previous();
	fsync_errno = EIO;
	assert_refused(EIO);
	no_tmpfile = 1;
	assert_refused(EIO);
}
END_TEST

/* rename() failing: the previous file stays, the temporary is removed. */
START_TEST(test_rename_fails)
{
	previous();
	rename_errno = EXDEV;
	assert_refused(EXDEV);
}
END_TEST

/* The directory's fsync() failing after the rename: the output is there
 * (committed), and the failure is reported, since the new name may not
 * survive a crash; a file system that cannot sync a directory (EINVAL)
 * is no error. */
START_TEST(test_directory_fsync_fails)
{
	previous();
	dir_fsync_errno = EIO;
	ck_assert_int_eq(pactum_sink_commit(sink, path, diag), PACTUM_EIO);
	ck_assert(has(bytes, sizeof(bytes)));
	ck_assert(alone());
	assert_reported(strerror(EIO));
	fresh_diag();
	previous();
	dir_fsync_errno = EINVAL;
	ck_assert_int_eq(pactum_sink_commit(sink, path, diag), PACTUM_OK);
	ck_assert(has(bytes, sizeof(bytes)));
	ck_assert_uint_eq(pactum_diag_size(diag), 0);
}
END_TEST

Suite *commit_suite(void)
{
	Suite *s = suite_create("commit");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_short_writes_complete);
	tcase_add_test(tc, test_eintr_is_retried);
	tcase_add_test(tc, test_enospc_keeps_the_previous_file);
	tcase_add_test(tc, test_enospc_leaves_no_new_file);
	tcase_add_test(tc, test_a_write_of_nothing_is_an_error);
	tcase_add_test(tc, test_stdout);
	tcase_add_test(tc, test_without_o_tmpfile);
	tcase_add_test(tc, test_without_proc);
	tcase_add_test(tc, test_temporary_names_taken);
	tcase_add_test(tc, test_named_temporaries_taken);
	tcase_add_test(tc, test_link_refused);
	tcase_add_test(tc, test_fsync_fails);
	tcase_add_test(tc, test_rename_fails);
	tcase_add_test(tc, test_directory_fsync_fails);
	suite_add_tcase(s, tc);
	return s;
}
