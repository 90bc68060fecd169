/* Committing an output: atomically to a file, checked write by write to
 * stdout, or into a device or FIFO that is there.  A failed run never
 * leaves a partial file or a temporary file behind, the previous output
 * stays intact, and nothing is written through a link or over what is not
 * a regular file. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"

/* write(2), or what a test puts in its place to make it write less,
 * fail with EINTR or run out of space. */
static ssize_t (*write_fn)(int, const void *, size_t) = write;

void pactum__test_write_hook(ssize_t (*fn)(int fd, const void *p, size_t len))
{
	write_fn = fn != NULL ? fn : write;
}

static int write_all(int fd, const char *p, size_t len)
{
	while (len > 0) {
		ssize_t n = write_fn(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n == 0)
			errno = EIO;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Signals                                                              */
/* ------------------------------------------------------------------ */

/*
 * While a temporary file has a name, a signal that ends the process would
 * leave it behind: the signals whose default action is to terminate, and
 * which a program can block, wait until the commit is over.  They are then
 * delivered as usual and the process dies as they intend, with the output
 * either complete or untouched.  SIGKILL and SIGSTOP cannot be blocked;
 * the synchronous SIGSEGV, SIGBUS, SIGFPE and SIGILL must not be.
 */
static const int deferred_signals[] = {
	SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGPIPE, SIGXFSZ, SIGXCPU,
	SIGALRM, SIGVTALRM, SIGPROF, SIGUSR1, SIGUSR2,
#ifdef SIGPOLL
	SIGPOLL,
#endif
#ifdef SIGPWR
	SIGPWR,
#endif
#ifdef SIGSTKFLT
	SIGSTKFLT,
#endif
};

typedef struct {
	sigset_t saved;   /* the caller's mask, restored by guard_end() */
	int xfsz_pending; /* SIGXFSZ was pending before: the caller's, not ours */
	int active;
} signal_guard;

/* Block the deferred signals (all of them), or only SIGXFSZ: with SIGXFSZ
 * blocked a write beyond RLIMIT_FSIZE fails with EFBIG, which can be
 * reported, instead of killing the process without a word. */
static void guard_begin(signal_guard *g, int all)
{
	sigset_t set, pending;
	size_t i;

	sigemptyset(&set);
	if (all) {
		for (i = 0; i < PACTUM_ARRAY_SIZE(deferred_signals); i++)
			sigaddset(&set, deferred_signals[i]);
#ifdef SIGRTMIN
		/* Real-time signals terminate too; glibc refuses to add the
		 * few it reserves for itself, which is what we want. */
		for (i = (size_t)SIGRTMIN; i <= (size_t)SIGRTMAX; i++)
			sigaddset(&set, (int)i);
#endif
	} else {
		sigaddset(&set, SIGXFSZ);
	}
	g->xfsz_pending = sigpending(&pending) == 0 &&
			  sigismember(&pending, SIGXFSZ) == 1;
	g->active = pthread_sigmask(SIG_BLOCK, &set, &g->saved) == 0;
}

/* Restore the caller's mask.  After an EFBIG of ours, the SIGXFSZ it raised
 * is taken off first: the failure has been reported, and the signal must
 * not kill the process afterwards. */
static void guard_end(signal_guard *g, int efbig)
{
	if (!g->active)
		return;
	if (efbig && !g->xfsz_pending) {
		struct timespec zero = { 0, 0 };
		sigset_t xfsz;

		sigemptyset(&xfsz);
		sigaddset(&xfsz, SIGXFSZ);
		while (sigtimedwait(&xfsz, NULL, &zero) < 0 && errno == EINTR)
			;
	}
	pthread_sigmask(SIG_SETMASK, &g->saved, NULL);
	g->active = 0;
}

/* ------------------------------------------------------------------ */
/* Committing to a name                                                 */
/* ------------------------------------------------------------------ */

/* A short name for the temporary, whatever the length of the target's:
 * a 255-byte target name must still leave room for it. */
#define TMP_PREFIX ".pactum-"
#define TMP_NAME_SIZE sizeof(TMP_PREFIX "XXXXXX")
#define TMP_ATTEMPTS 100

typedef struct {
	const char *bytes; /* the output */
	size_t len;
	pactum_diag *diag;
	const char *path; /* as given, for messages */
	const char *base; /* its last component */
	int dirfd;        /* the directory it is in, for every step */
	int exists;       /* st holds lstat() of it */
	struct stat st;
	char tmp[TMP_NAME_SIZE]; /* the temporary's name, while it has one */
	int efbig;        /* a write failed beyond RLIMIT_FSIZE */
	int done;         /* the output has its name: nothing to rename */
	int nosync;       /* PACTUM_COMMIT_NOSYNC: the caller syncs */
} commit;

static int report(commit *c, const char *message)
{
	pactum_pos pos = { c->path, 0, 0 };

	pactum_diag_report(c->diag, PACTUM_ERROR, &pos, "%s", message);
	return PACTUM_EIO;
}

/* Report a failed system call; err is its errno. */
static int report_errno(commit *c, int err)
{
	pactum_pos pos = { c->path, 0, 0 };

	if (err == EFBIG)
		c->efbig = 1;
	/* TRANSLATORS: %s is the system's reason, e.g. "File too large". */
	pactum_diag_report(c->diag, PACTUM_ERROR, &pos, _("cannot write: %s"),
			   strerror(err ? err : EIO));
	return PACTUM_EIO;
}

/* Open the directory the target is in and look at the target itself,
 * without following it. */
static int commit_open(commit *c)
{
	pactum_buf dir = PACTUM_BUF_INIT;
	const char *slash = strrchr(c->path, '/');
	int error = PACTUM_EIO;

	c->base = slash ? slash + 1 : c->path;
	if (slash == c->path)
		pactum__buf_puts(&dir, "/");
	else if (slash != NULL)
		pactum__buf_put(&dir, c->path, (size_t)(slash - c->path));
	else
		pactum__buf_puts(&dir, ".");
	if (dir.oom) {
		error = PACTUM_ENOMEM;
		goto cleanup;
	}
	if (*c->base == '\0') {
		/* TRANSLATORS: after the file name given as --output. */
		error = report(c, _("is a directory; give a file name"));
		goto cleanup;
	}
	/* Read access lets the directory be synced after the rename; a
	 * directory we may only search and write is used all the same. */
	c->dirfd = open(dir.ptr, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (c->dirfd < 0 && errno == EACCES)
		c->dirfd = open(dir.ptr, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (c->dirfd < 0) {
		error = report_errno(c, errno);
		goto cleanup;
	}
	if (fstatat(c->dirfd, c->base, &c->st, AT_SYMLINK_NOFOLLOW) == 0) {
		c->exists = 1;
	} else if (errno != ENOENT) {
		error = report_errno(c, errno);
		goto cleanup;
	}
	error = PACTUM_OK;
cleanup:
	pactum__buf_free(&dir);
	return error;
}

/* Why an existing file that is neither regular nor a character device
 * nor a FIFO is not written; NULL when it may be. */
static const char *refusal(mode_t mode)
{
	if (S_ISLNK(mode))
		/* TRANSLATORS: after the file name given as --output. */
		return _("is a symbolic link; pactum does not write through "
			 "links (give its target)");
	if (S_ISDIR(mode))
		/* TRANSLATORS: after the file name given as --output. */
		return _("is a directory; give a file name");
	if (S_ISBLK(mode))
		/* TRANSLATORS: after the file name given as --output. */
		return _("is a block device; pactum does not write to block "
			 "devices");
	if (S_ISSOCK(mode))
		/* TRANSLATORS: after the file name given as --output. */
		return _("is a socket; pactum cannot write to sockets");
	if (S_ISREG(mode) || S_ISCHR(mode) || S_ISFIFO(mode))
		return NULL;
	/* TRANSLATORS: after the file name given as --output. */
	return _("is not a regular file, a character device or a FIFO");
}

/*
 * A character device or a FIFO is written into: replacing /dev/null with
 * a regular file, or a FIFO with a file nobody reads, is never what was
 * meant.  No O_CREAT, and O_NOFOLLOW: if the name was changed since it was
 * looked at, it is not created or followed, and fstat() proves that what
 * was opened is still the same file.  There is no temporary file, so no
 * signal needs to wait: a writer blocked on a slow reader stays killable.
 */
static int commit_into(commit *c)
{
	int fifo = S_ISFIFO(c->st.st_mode);
	int flags = O_WRONLY | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC;
	int fd = -1, error = PACTUM_EIO;
	struct stat st;

	/* Without O_NONBLOCK, opening a FIFO nobody reads would wait for a
	 * reader for ever; with it, the open fails at once with ENXIO. */
	fd = openat(c->dirfd, c->base, flags | (fifo ? O_NONBLOCK : 0));
	if (fd < 0 && fifo && errno == ENXIO) {
		/* TRANSLATORS: after the file name given as --output. */
		error = report(c, _("is a FIFO without a reader; start the "
				    "reading process first"));
		goto cleanup;
	}
	if (fd < 0) {
		error = report_errno(c, errno);
		goto cleanup;
	}
	if (fstat(fd, &st) != 0) {
		error = report_errno(c, errno);
		goto cleanup;
	}
	if ((st.st_mode & S_IFMT) != (c->st.st_mode & S_IFMT) ||
	    st.st_dev != c->st.st_dev || st.st_ino != c->st.st_ino) {
		/* TRANSLATORS: after the file name given as --output. */
		error = report(c, _("was replaced while pactum opened it; "
				    "nothing written"));
		goto cleanup;
	}
	/* Writes block as usual once the FIFO is open: a full pipe is no
	 * error. */
	if (fifo && ((flags = fcntl(fd, F_GETFL)) < 0 ||
		     fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) != 0)) {
		error = report_errno(c, errno);
		goto cleanup;
	}
	if (write_all(fd, c->bytes, c->len) != 0) {
		error = report_errno(c, errno);
		goto cleanup;
	}
	error = PACTUM_OK;
cleanup:
	if (fd >= 0 && close(fd) != 0 && error == PACTUM_OK)
		error = report_errno(c, errno);
	return error;
}

/* A fresh temporary name in c->tmp.  It need not be unpredictable: it is
 * only ever created with O_EXCL or linkat(), which fail on any existing
 * name, a symbolic link included, and a taken name is simply retried. */
static void tmp_name(commit *c, unsigned attempt)
{
	static const char digits[] =
		"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	struct timespec now;
	uint64_t x;
	size_t i, n = strlen(TMP_PREFIX);

	clock_gettime(CLOCK_REALTIME, &now);
	x = ((uint64_t)now.tv_sec << 30) ^ (uint64_t)now.tv_nsec ^
	    ((uint64_t)getpid() << 20) ^ attempt * 0x9e3779b97f4a7c15ULL;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	memcpy(c->tmp, TMP_PREFIX, n);
	for (i = n; i + 1 < sizeof(c->tmp); i++) {
		c->tmp[i] = digits[x % (sizeof(digits) - 1)];
		x /= sizeof(digits) - 1;
	}
	c->tmp[i] = '\0';
}

/* An existing file's permissions are kept, less setuid, setgid and
 * sticky: they made sense for the old content, not for pactum's output.
 * The temporary is made 0600 and opened up only when it is complete, so
 * that a private file is never readable by others meanwhile.  A new file
 * is created 0666 and gets the umask (or a default ACL), as with open(2). */
static mode_t create_mode(const commit *c)
{
	return c->exists ? 0600 : 0666;
}

static int finish_tmp(commit *c, int fd)
{
	if (write_all(fd, c->bytes, c->len) != 0 ||
	    (c->exists && fchmod(fd, c->st.st_mode & 0777) != 0) ||
	    (!c->nosync && fsync(fd) != 0))
		return report_errno(c, errno);
	return PACTUM_OK;
}

/* Whether O_TMPFILE, or giving its file a name, failed because the file
 * system or the system cannot do it, not because of this output. */
static int tmpfile_unsupported(int err)
{
	return err == EOPNOTSUPP || err == EISDIR || err == EINVAL ||
	       err == ENOENT || err == ENOSYS;
}

#ifdef O_TMPFILE
/* Give the unnamed file fd the name name; linkat() fails with EEXIST
 * rather than replace anything. */
static int link_unnamed(const commit *c, int fd, const char *name)
{
	char proc[sizeof("/proc/self/fd/") + 3 * sizeof(int)];

	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fd);
	if (linkat(AT_FDCWD, proc, c->dirfd, name, AT_SYMLINK_FOLLOW) == 0)
		return 0;
	if (errno != ENOENT)
		return -1;
	/* Without /proc, AT_EMPTY_PATH does the same, where the kernel
	 * allows it (older ones want CAP_DAC_READ_SEARCH). */
	return linkat(fd, "", c->dirfd, name, AT_EMPTY_PATH);
}
#endif

/*
 * The temporary file without a name (O_TMPFILE), named only once it is
 * complete: a SIGKILL while it is written leaves nothing to clean up.
 * A new output is named directly, which commits it.  Returns PACTUM_OK
 * with c->done set, or with c->tmp named and its descriptor in *out, to be
 * closed only after the rename so that a SIGKILL finds the name there for
 * as short a time as possible; PACTUM_ENOTFOUND when O_TMPFILE cannot be
 * used here (the caller falls back), or PACTUM_EIO, reported.
 */
static int tmp_unnamed(commit *c, int *out)
{
#ifdef O_TMPFILE
	int fd = -1, error = PACTUM_EIO, rc = -1;
	unsigned attempt;

	*out = -1;
	fd = openat(c->dirfd, ".", O_TMPFILE | O_WRONLY | O_CLOEXEC,
		    create_mode(c));
	if (fd < 0)
		goto link_error;
	error = finish_tmp(c, fd);
	if (error != PACTUM_OK)
		goto cleanup;
	/* Nothing to replace: the complete file takes the target's name at
	 * once, and no temporary name ever exists.  If the name appeared
	 * meanwhile (EEXIST), it is replaced as any other file. */
	if (!c->exists) {
		if (link_unnamed(c, fd, c->base) == 0) {
			c->done = 1;
			error = PACTUM_OK;
			goto cleanup;
		}
		if (errno != EEXIST)
			goto link_error;
	}
	for (attempt = 0; attempt < TMP_ATTEMPTS; attempt++) {
		tmp_name(c, attempt);
		rc = link_unnamed(c, fd, c->tmp);
		if (rc == 0 || errno != EEXIST)
			break;
	}
	if (rc != 0) {
		c->tmp[0] = '\0';
		goto link_error;
	}
	*out = fd;
	fd = -1;
	error = PACTUM_OK;
	goto cleanup;
link_error:
	error = tmpfile_unsupported(errno) ? PACTUM_ENOTFOUND
					   : report_errno(c, errno);
cleanup:
	if (fd >= 0)
		close(fd);
	return error;
#else
	(void)c;
	*out = -1;
	return PACTUM_ENOTFOUND;
#endif
}

/* The fallback, as mkstemp() does it but in c->dirfd: a named temporary,
 * created exclusively. */
static int tmp_named(commit *c)
{
	int fd = -1, error = PACTUM_EIO;
	unsigned attempt;

	for (attempt = 0; attempt < TMP_ATTEMPTS; attempt++) {
		tmp_name(c, attempt);
		fd = openat(c->dirfd, c->tmp,
			    O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
				    O_NOCTTY | O_CLOEXEC,
			    create_mode(c));
		if (fd >= 0 || errno != EEXIST)
			break;
	}
	if (fd < 0) {
		c->tmp[0] = '\0';
		error = report_errno(c, errno);
		goto cleanup;
	}
	error = finish_tmp(c, fd);
	if (error != PACTUM_OK)
		goto cleanup;
	if (close(fd) != 0) {
		fd = -1;
		error = report_errno(c, errno);
		goto cleanup;
	}
	fd = -1;
	error = PACTUM_OK;
cleanup:
	if (fd >= 0)
		close(fd);
	return error;
}

/*
 * A regular file, or a new one, is replaced atomically: a complete
 * temporary in the same directory (rename() is atomic only within one file
 * system), fsync, rename over the target (unless it was linked in as the
 * new target directly), fsync the directory so that the new name survives
 * a crash.  rename() replaces the directory entry and never follows it.
 * The caller holds the deferred signals.
 */
static int commit_replace(commit *c)
{
	int fd = -1, error;

	error = tmp_unnamed(c, &fd);
	if (error == PACTUM_ENOTFOUND)
		error = tmp_named(c);
	if (error != PACTUM_OK)
		goto cleanup;
	if (!c->done && renameat(c->dirfd, c->tmp, c->dirfd, c->base) != 0) {
		error = report_errno(c, errno);
		goto cleanup;
	}
	c->tmp[0] = '\0';
	/* The output is committed; a file system that cannot sync a
	 * directory (EINVAL), or a directory opened only for search (EBADF),
	 * does not undo that. */
	if (!c->nosync && fsync(c->dirfd) != 0 && errno != EINVAL &&
	    errno != EBADF)
		error = report_errno(c, errno);
cleanup:
	if (c->tmp[0] != '\0')
		unlinkat(c->dirfd, c->tmp, 0);
	c->tmp[0] = '\0';
	if (fd >= 0)
		close(fd);
	return error;
}

static int commit_stdout(const char *bytes, size_t len, pactum_diag *diag)
{
	/* TRANSLATORS: in place of a file name, in diagnostics. */
	pactum_pos pos = { _("standard output"), 0, 0 };
	signal_guard guard;
	int error = PACTUM_OK, efbig = 0;

	/* stdout may be a file under RLIMIT_FSIZE too. */
	guard_begin(&guard, 0);
	if (write_all(STDOUT_FILENO, bytes, len) != 0) {
		efbig = errno == EFBIG;
		pactum_diag_report(diag, PACTUM_ERROR, &pos,
				   _("write failed: %s"), strerror(errno));
		error = PACTUM_EIO;
	}
	guard_end(&guard, efbig);
	return error;
}

int pactum_sink_commit(const pactum_sink *sink, const char *path,
		       pactum_diag *diag)
{
	return pactum_sink_commit_flags(sink, path, 0, diag);
}

int pactum_sink_commit_flags(const pactum_sink *sink, const char *path,
			     unsigned flags, pactum_diag *diag)
{
	commit c;
	signal_guard guard;
	const char *why;
	int error;

	if (pactum__sink_oom(sink))
		return PACTUM_ENOMEM;
	memset(&c, 0, sizeof(c));
	c.bytes = pactum_sink_data(sink, &c.len);
	if (path == NULL || strcmp(path, "-") == 0)
		return commit_stdout(c.bytes, c.len, diag);

	c.diag = diag;
	c.path = path;
	c.dirfd = -1;
	c.nosync = (flags & PACTUM_COMMIT_NOSYNC) != 0;
	error = commit_open(&c);
	if (error != PACTUM_OK)
		goto cleanup;
	why = c.exists ? refusal(c.st.st_mode) : NULL;
	if (why != NULL) {
		error = report(&c, why);
	} else if (c.exists && !S_ISREG(c.st.st_mode)) {
		error = commit_into(&c);
	} else {
		/* From the temporary's creation to the last trace of it: a
		 * signal in between must not leave it behind. */
		guard_begin(&guard, 1);
		error = commit_replace(&c);
		guard_end(&guard, c.efbig);
	}
cleanup:
	if (c.dirfd >= 0)
		close(c.dirfd);
	return error;
}
