/* Output: writers fill a memory buffer; only a complete, successful output
 * is committed, atomically to a file or checked write by write to stdout.
 * A failed run therefore never leaves a partial file or a temporary file
 * behind, and the previous output stays intact. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

struct pactum_sink {
	pactum_buf buf;
};

int pactum_sink_new(pactum_sink **out)
{
	pactum_buf empty = PACTUM_BUF_INIT;

	*out = pactum_malloc(sizeof(**out));
	if (*out == NULL)
		return PACTUM_ENOMEM;
	(*out)->buf = empty;
	return PACTUM_OK;
}

void pactum_sink_free(pactum_sink *sink)
{
	if (sink == NULL)
		return;
	pactum__buf_free(&sink->buf);
	pactum_free(sink);
}

int pactum_sink_write(pactum_sink *sink, const char *bytes, size_t len)
{
	return pactum__buf_put(&sink->buf, bytes, len);
}

int pactum_sink_puts(pactum_sink *sink, const char *s)
{
	return pactum__buf_puts(&sink->buf, s);
}

const char *pactum_sink_data(const pactum_sink *sink, size_t *len)
{
	*len = sink->buf.len;
	return sink->buf.ptr ? sink->buf.ptr : "";
}

static int write_all(int fd, const char *p, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, p, len);

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

static int commit_stdout(const pactum_sink *sink, pactum_diag *diag)
{
	pactum_pos pos = { _("standard output"), 0, 0 };

	if (write_all(STDOUT_FILENO, sink->buf.ptr, sink->buf.len) != 0) {
		pactum_diag_report(diag, PACTUM_ERROR, &pos,
				   _("write failed: %s"), strerror(errno));
		return PACTUM_EIO;
	}
	return PACTUM_OK;
}

int pactum_sink_commit(const pactum_sink *sink, const char *path,
		       pactum_diag *diag)
{
	pactum_buf tmp = PACTUM_BUF_INIT;
	pactum_pos pos = { path, 0, 0 };
	const char *slash;
	struct stat st;
	mode_t mode = 0666, mask;
	int fd = -1, error = PACTUM_EIO, saved = 0;

	if (sink->buf.oom)
		return PACTUM_ENOMEM;
	if (path == NULL || strcmp(path, "-") == 0)
		return commit_stdout(sink, diag);

	/* A temporary file beside the target: rename() is atomic only
	 * within one file system. */
	slash = strrchr(path, '/');
	if (slash != NULL)
		pactum__buf_put(&tmp, path, (size_t)(slash - path) + 1);
	pactum__buf_printf(&tmp, ".%s.XXXXXX", slash ? slash + 1 : path);
	if (tmp.oom) {
		error = PACTUM_ENOMEM;
		goto cleanup;
	}
	fd = mkstemp(tmp.ptr);
	if (fd < 0) {
		saved = errno;
		pactum__buf_free(&tmp);
		goto fail;
	}
	/* mkstemp makes 0600; give the file what open(2) would have. */
	mask = umask(0);
	umask(mask);
	if (stat(path, &st) == 0)
		mode = st.st_mode & 07777;
	else
		mode &= ~mask;
	if (fchmod(fd, mode) != 0 ||
	    write_all(fd, sink->buf.ptr, sink->buf.len) != 0 ||
	    fsync(fd) != 0) {
		saved = errno;
		goto fail;
	}
	if (close(fd) != 0) {
		fd = -1;
		saved = errno;
		goto fail;
	}
	fd = -1;
	if (rename(tmp.ptr, path) != 0) {
		saved = errno;
		goto fail;
	}
	error = PACTUM_OK;
	goto cleanup;
fail:
	pactum_diag_report(diag, PACTUM_ERROR, &pos, _("cannot write: %s"),
			   strerror(saved ? saved : EIO));
cleanup:
	if (fd >= 0)
		close(fd);
	if (error != PACTUM_OK && tmp.ptr != NULL)
		unlink(tmp.ptr);
	pactum__buf_free(&tmp);
	return error;
}
