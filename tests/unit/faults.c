/*
 * Failure injection through a whole command: tests/faults [OPTION]...
 * COMMAND ARG... runs the pactum command (render or batch) in this
 * process again and again, the k-th allocation of pactum's own code (the
 * library, its plugins and the command) failing in run k, for every k
 * from 0 until a run no longer reaches its k-th allocation.  Each run that
 * failed must
 *   - exit 4 (out of memory) with a message, and not crash;
 *   - leave every block it allocated freed (pactum's allocator counts);
 *   - leave its output as it was: the previous file intact and nothing
 *     beside it (render -o), or in a batch's directory nothing but the
 *     complete files of deals done before the failure.
 * The last run, which nothing failed, must exit 0.  Leaks outside pactum's
 * allocator (libxml2's, ICU's) are for valgrind and LeakSanitizer, which
 * check-all runs this under.
 *
 * Options: --out PATH  the output file (render) or directory (batch) the
 *                      command writes, checked after each run;
 *          --from K    the first k (default 0);
 *          --step N    only every N-th k (default 1: all);
 *          --quiet     no progress line.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "internal.h"

#define PREVIOUS "the previous output, which a failed run must leave\n"

static const char *out_path;
static int is_batch;

static void die(long k, const char *fmt, ...) PACTUM_PRINTF(2, 3);

static void die(long k, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "faults: run %ld: ", k);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

/* The whole of a small file, NUL-terminated, in buf; -1 when unreadable. */
static long slurp(const char *path, char *buf, size_t cap)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n;
	size_t len = 0;

	if (fd < 0)
		return -1;
	while (len + 1 < cap && (n = read(fd, buf + len, cap - 1 - len)) > 0)
		len += (size_t)n;
	close(fd);
	buf[len] = '\0';
	return (long)len;
}

static void write_previous(void)
{
	FILE *fp = fopen(out_path, "w");

	if (fp == NULL || fputs(PREVIOUS, fp) == EOF || fclose(fp) != 0) {
		perror(out_path);
		exit(1);
	}
}

/* Remove every entry of the batch's directory (it holds files only). */
static void empty_dir(void)
{
	DIR *d = opendir(out_path);
	struct dirent *e;
	char path[4096];

	if (d == NULL) {
		perror(out_path);
		exit(1);
	}
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", out_path, e->d_name);
		if (unlink(path) != 0) {
			perror(path);
			exit(1);
		}
	}
	closedir(d);
}

/* render: the output file still says PREVIOUS and is alone in its
 * directory, but for the files that were there before. */
static void check_render_output(long k)
{
	static char buf[1 << 16];

	if (slurp(out_path, buf, sizeof(buf)) < 0 || strcmp(buf, PREVIOUS) != 0)
		die(k, "a failed render changed %s", out_path);
}

/* batch: the files of the run without failures, by name. */
#define MAX_FILES 64
static struct { char name[256]; char *bytes; long len; } ref[MAX_FILES];
static size_t nref;

/* A file of the batch's directory, read whole; NULL for a manifest. */
static char *read_entry(const char *name, long *len)
{
	static char buf[1 << 22];
	char path[4096];
	char *copy;

	if (strncmp(name, "manifest", 8) == 0)
		return NULL;
	snprintf(path, sizeof(path), "%s/%s", out_path, name);
	*len = slurp(path, buf, sizeof(buf));
	if (*len < 0 || (size_t)*len + 1 >= sizeof(buf))
		return NULL;
	copy = malloc((size_t)*len + 1);
	if (copy != NULL)
		memcpy(copy, buf, (size_t)*len + 1);
	return copy;
}

static void keep_reference(void)
{
	DIR *d = opendir(out_path);
	struct dirent *e;

	while (d != NULL && (e = readdir(d)) != NULL && nref < MAX_FILES) {
		if (e->d_name[0] == '.' ||
		    (ref[nref].bytes = read_entry(e->d_name, &ref[nref].len)) ==
			    NULL)
			continue;
		snprintf(ref[nref].name, sizeof(ref[nref].name), "%s",
			 e->d_name);
		nref++;
	}
	if (d != NULL)
		closedir(d);
}

/* batch: every file the failed run left is complete, byte for byte that
 * of the run without failures (a deal done before the failure; the
 * manifest may lack it, as after a kill, and --resume renders it again),
 * and none is a temporary one. */
static void check_batch_output(long k)
{
	DIR *d = opendir(out_path);
	struct dirent *e;
	char *bytes;
	long len;
	size_t i;

	if (d == NULL)
		die(k, "cannot read %s", out_path);
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0 ||
		    strncmp(e->d_name, "manifest", 8) == 0)
			continue;
		for (i = 0; i < nref && strcmp(ref[i].name, e->d_name); i++)
			;
		bytes = read_entry(e->d_name, &len);
		if (i == nref || bytes == NULL || len != ref[i].len ||
		    memcmp(bytes, ref[i].bytes, (size_t)len) != 0) {
			closedir(d);
			die(k, "a failed batch left %s, not a file of the run "
			    "without failures", e->d_name);
		}
		free(bytes);
	}
	closedir(d);
}

/* What directory entries out_path's directory has, as one string. */
static void list_dir(char *buf, size_t cap)
{
	char dir[4096], *slash;
	DIR *d;
	struct dirent *e;
	size_t len = 0;

	snprintf(dir, sizeof(dir), "%s", out_path);
	slash = strrchr(dir, '/');
	if (slash == NULL)
		snprintf(dir, sizeof(dir), ".");
	else
		*slash = '\0';
	buf[0] = '\0';
	d = opendir(dir);
	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		int n = snprintf(buf + len, cap - len, "%s\n", e->d_name);

		if (n < 0 || (size_t)n >= cap - len)
			break;
		len += (size_t)n;
	}
	closedir(d);
}

/* The command once, its stderr into err; its exit status. */
static int run(int argc, char **argv, int err)
{
	char **copy = malloc((size_t)(argc + 1) * sizeof(*copy));
	int saved = dup(STDERR_FILENO), status, i;

	if (copy == NULL || saved < 0) {
		perror("faults");
		exit(1);
	}
	/* getopt permutes argv, and a command may cut its strings
	 * ("de,en"): each run gets them as given */
	for (i = 0; i < argc; i++)
		if ((copy[i] = strdup(argv[i])) == NULL) {
			perror("faults");
			exit(1);
		}
	copy[argc] = NULL;
	fflush(stderr);
	dup2(err, STDERR_FILENO);
	optind = 0;
	status = is_batch ? cli_batch(argc, copy) : cli_render(argc, copy);
	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);
	for (i = 0; i < argc; i++)
		free(copy[i]);
	free(copy);
	return status;
}

int main(int argc, char **argv)
{
	static const struct option options[] = {
		{ "out", required_argument, NULL, 'o' },
		{ "step", required_argument, NULL, 's' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "from", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	char errpath[] = "/tmp/pactum-faults-XXXXXX", msg[4096];
	char before[8192], after[8192];
	long k, from = 0, step = 1, calls, live0, live, runs = 0, total = 0;
	int c, quiet = 0, status, err;
	ssize_t got;

	while ((c = getopt_long(argc, argv, "+", options, NULL)) != -1) {
		switch (c) {
		case 'o':
			out_path = optarg;
			break;
		case 's':
			step = strtol(optarg, NULL, 10);
			break;
		case 'q':
			quiet = 1;
			break;
		case 'f':
			from = strtol(optarg, NULL, 10);
			break;
		default:
			return 2;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 2 || out_path == NULL || step < 1 ||
	    (strcmp(argv[0], "render") != 0 && strcmp(argv[0], "batch") != 0)) {
		fprintf(stderr, "usage: faults --out PATH [--step N] [--quiet] "
				"render|batch ARG...\n");
		return 2;
	}
	is_batch = strcmp(argv[0], "batch") == 0;
	err = mkstemp(errpath);
	if (err < 0) {
		perror(errpath);
		return 1;
	}
	unlink(errpath);

	/* A run without failures first: caches made once per process (the
	 * registry's, ICU's) are not a run's leaks. */
	pactum__test_alloc_track(1);
	if (is_batch)
		empty_dir();
	status = run(argc, argv, err);
	pactum__test_alloc_counts(&total, &live0);
	if (is_batch)
		keep_reference();
	if (status != 0) {
		fprintf(stderr, "faults: the command fails without any "
				"failure injected (exit %d)\n", status);
		return 1;
	}

	for (k = from;; k += step) {
		if (is_batch)
			empty_dir();
		else
			write_previous();
		list_dir(before, sizeof(before));
		if (ftruncate(err, 0) != 0 || lseek(err, 0, SEEK_SET) != 0) {
			perror("faults");
			return 1;
		}
		pactum__test_alloc_fail(k, 1);
		status = run(argc, argv, err);
		if (!pactum__test_alloc_fired()) {
			pactum__test_alloc_fail(-1, 0);
			if (status != 0)
				die(k, "no failure injected, yet exit %s", "!= 0");
			break;
		}
		pactum__test_alloc_fail(-1, 0);
		runs++;
		pactum__test_alloc_counts(&calls, &live);
		if (live != live0) {
			fprintf(stderr, "faults: run %ld: %ld blocks leaked\n",
				k, live - live0);
			return 1;
		}
		got = pread(err, msg, sizeof(msg) - 1, 0);
		msg[got > 0 ? got : 0] = '\0';
		if (status != 4)
			die(k, "exit %d, want 4 (out of memory): %s", status, msg);
		if (strstr(msg, "out of memory") == NULL &&
		    strstr(msg, "Cannot allocate memory") == NULL)
			die(k, "exit 4 without saying out of memory: %s", msg);
		if (is_batch) {
			check_batch_output(k);
		} else {
			check_render_output(k);
			list_dir(after, sizeof(after));
			if (strcmp(before, after) != 0)
				die(k, "a failed render left a file beside %s", out_path);
		}
		if (!quiet && k % 1000 == 0)
			fprintf(stderr, "faults: %ld runs\r", k);
	}
	close(err);
	printf("faults: %s: %ld runs, the k-th allocation failing in run k "
	       "(k from %ld in steps of %ld; %ld allocations in a first run, "
	       "which fills the caches): each an error, without a leak or an "
	       "output\n", argv[0], runs, from, step, total);
	return 0;
}
