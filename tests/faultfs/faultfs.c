/*
 * faultfs: make one system call of pactum fail, for the error branches
 * that only a failing kernel reaches (tests/e2e/syscalls.sh).  Preloaded
 * (LD_PRELOAD) into pactum's binary itself, not through the libtool
 * wrapper, a shell whose own calls would fail too.  It reads
 *
 *   PACTUM_TEST_FAULT=CALL:ERROR[:MATCH][#N]
 *
 * CALL is one of the calls below; ERROR an errno name (EIO, ENOSPC,
 * EINTR, ...; the call then returns -1 or NULL with that errno, without
 * being made), or 0 (read and write return 0: nothing done), or MTIME
 * (stat succeeds, but tells of a later modification time: the file
 * changed).  MATCH, when given, restricts the fault to calls on a file
 * whose name holds it: the path argument, or for a descriptor, a FILE or
 * a DIR the file's /proc/self/fd link.  #N fails only the N-th matching
 * call (counted from 1), so that "EINTR#1" tests a retry; without it every
 * matching call fails.  Every other call passes through to the next
 * definition (libc's, or a sanitizer's interceptor in front of it).
 */
#include "config.h"

/* the fortified read() is an inline wrapper: it would clash with ours */
#undef _FORTIFY_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define ERR_ZERO (-1)  /* ERROR "0" */
#define ERR_MTIME (-2) /* ERROR "MTIME" */

static struct {
	char call[32];
	int error;      /* an errno, or ERR_ZERO or ERR_MTIME */
	char match[256];
	long nth;       /* 0: every matching call */
	long seen;      /* matching calls so far */
} fault;

static const struct { const char *name; int value; } errnos[] = {
	{ "0", ERR_ZERO }, { "MTIME", ERR_MTIME }, { "EIO", EIO },
	{ "ENOSPC", ENOSPC }, { "EINTR", EINTR }, { "ENOENT", ENOENT },
	{ "EACCES", EACCES }, { "EMFILE", EMFILE }, { "EBADF", EBADF },
	{ "EDQUOT", EDQUOT }, { "EROFS", EROFS }, { "EFBIG", EFBIG },
};

static void parse(void) __attribute__((constructor));

/* A spec that cannot be read stops the process: a test with a typo must
 * fail, not pass with nothing injected. */
static void parse(void)
{
	const char *spec = getenv("PACTUM_TEST_FAULT");
	char buf[sizeof(fault.call) + sizeof(fault.match) + 64], *p, *e;
	size_t i;

	if (spec == NULL || *spec == '\0')
		return;
	if (strlen(spec) >= sizeof(buf))
		goto bad;
	strcpy(buf, spec);
	if ((p = strrchr(buf, '#')) != NULL) {
		*p++ = '\0';
		fault.nth = strtol(p, &e, 10);
		if (*e != '\0' || fault.nth < 1)
			goto bad;
	}
	if ((p = strchr(buf, ':')) == NULL ||
	    (size_t)(p - buf) >= sizeof(fault.call))
		goto bad;
	*p++ = '\0';
	strcpy(fault.call, buf);
	if ((e = strchr(p, ':')) != NULL) {
		*e++ = '\0';
		if (strlen(e) >= sizeof(fault.match))
			goto bad;
		strcpy(fault.match, e);
	}
	for (i = 0; i < sizeof(errnos) / sizeof(errnos[0]); i++)
		if (strcmp(p, errnos[i].name) == 0)
			fault.error = errnos[i].value;
	if (fault.error == 0)
		goto bad;
	return;
bad:
	fprintf(stderr, "faultfs: cannot read PACTUM_TEST_FAULT=%s\n", spec);
	_exit(99);
}

/* Whether this call of call on name (or, name NULL, on fd) is to fail.
 * Counted atomically: a batch makes its calls on several threads. */
static int hit(const char *call, const char *name, int fd)
{
	char link[64], target[4096];
	ssize_t n;

	if (fault.error == 0 || strcmp(call, fault.call) != 0)
		return 0;
	if (fault.match[0] != '\0') {
		if (name == NULL) {
			snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
			n = readlink(link, target, sizeof(target) - 1);
			if (n < 0)
				return 0;
			target[n] = '\0';
			name = target;
		}
		if (strstr(name, fault.match) == NULL)
			return 0;
	}
	n = __atomic_add_fetch(&fault.seen, 1, __ATOMIC_SEQ_CST);
	return fault.nth == 0 || n == fault.nth;
}

/* errno for a call that fails; the value to return is the caller's. */
static int failed(void)
{
	errno = fault.error > 0 ? fault.error : EIO;
	return -1;
}

#define NEXT(name) \
	static __typeof__(name) *next; \
	if (next == NULL) \
		next = (__typeof__(name) *)dlsym(RTLD_NEXT, #name)

ssize_t read(int fd, void *buf, size_t len)
{
	NEXT(read);
	if (hit("read", NULL, fd))
		return fault.error == ERR_ZERO ? 0 : failed();
	return next(fd, buf, len);
}

ssize_t pread(int fd, void *buf, size_t len, off_t at)
{
	NEXT(pread);
	if (hit("pread", NULL, fd))
		return fault.error == ERR_ZERO ? 0 : failed();
	return next(fd, buf, len, at);
}

ssize_t write(int fd, const void *buf, size_t len)
{
	NEXT(write);
	if (hit("write", NULL, fd))
		return fault.error == ERR_ZERO ? 0 : failed();
	return next(fd, buf, len);
}

int fstat(int fd, struct stat *st)
{
	NEXT(fstat);
	if (hit("fstat", NULL, fd))
		return failed();
	return next(fd, st);
}

int stat(const char *path, struct stat *st)
{
	int r;

	NEXT(stat);
	if (!hit("stat", path, -1))
		return next(path, st);
	if (fault.error != ERR_MTIME)
		return failed();
	r = next(path, st);
	if (r == 0)
		st->st_mtim.tv_sec++;
	return r;
}

int fcntl(int fd, int cmd, ...)
{
	va_list ap;
	long arg;

	NEXT(fcntl);
	/* every command takes one argument or none: a long carries both */
	va_start(ap, cmd);
	arg = va_arg(ap, long);
	va_end(ap);
	if (hit("fcntl", NULL, fd))
		return failed();
	return next(fd, cmd, arg);
}

int fsync(int fd)
{
	NEXT(fsync);
	return hit("fsync", NULL, fd) ? failed() : next(fd);
}

int fdatasync(int fd)
{
	NEXT(fdatasync);
	return hit("fdatasync", NULL, fd) ? failed() : next(fd);
}

int syncfs(int fd)
{
	NEXT(syncfs);
	return hit("syncfs", NULL, fd) ? failed() : next(fd);
}

int ftruncate(int fd, off_t len)
{
	NEXT(ftruncate);
	return hit("ftruncate", NULL, fd) ? failed() : next(fd, len);
}

int renameat(int olddir, const char *old, int newdir, const char *name)
{
	NEXT(renameat);
	return hit("renameat", name, -1) ? failed()
					 : next(olddir, old, newdir, name);
}

FILE *fopen(const char *path, const char *mode)
{
	NEXT(fopen);
	if (hit("fopen", path, -1)) {
		failed();
		return NULL;
	}
	return next(path, mode);
}

int fseeko(FILE *fp, off_t at, int whence)
{
	NEXT(fseeko);
	return hit("fseeko", NULL, fileno(fp)) ? failed()
					       : next(fp, at, whence);
}

struct dirent *readdir(DIR *d)
{
	NEXT(readdir);
	if (hit("readdir", NULL, dirfd(d))) {
		failed();
		return NULL;
	}
	return next(d);
}
