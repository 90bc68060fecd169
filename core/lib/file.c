/* Reading input files: the bytes are read here, with a size cap, and parsed
 * from memory, so no parser ever opens a file (or decompresses one) on its
 * own. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

int pactum__file_open(int *out, const char *path, pactum_diag *diag)
{
	pactum_pos pos = { path, 0, 0 };
	struct stat st;
	int fd, error;

	*out = -1;
	/* O_NONBLOCK: opening a FIFO must not wait for a writer; what is not
	 * a regular file is refused below, before any read. */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0) {
		error = errno == ENOENT ? PACTUM_ENOTFOUND : PACTUM_EIO;
		if (diag)
			pactum_diag_report(diag, PACTUM_ERROR, &pos,
					   _("cannot open: %s"), strerror(errno));
		return error;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		if (diag)
			pactum_diag_report(diag, PACTUM_ERROR, &pos,
					   _("not a regular file"));
		close(fd);
		return PACTUM_EINPUT;
	}
	if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) != 0) {
		if (diag)
			pactum_diag_report(diag, PACTUM_ERROR, &pos,
					   _("cannot read: %s"), strerror(errno));
		close(fd);
		return PACTUM_EIO;
	}
	*out = fd;
	return PACTUM_OK;
}

int pactum__file_read(char **out, size_t *len, const char *path, size_t max,
		      pactum_diag *diag)
{
	pactum_pos pos = { path, 0, 0 };
	struct stat st;
	char *data = NULL;
	size_t size = 0, cap;
	ssize_t n;
	int fd = -1, error = PACTUM_EIO;

	*out = NULL;
	*len = 0;
	error = pactum__file_open(&fd, path, diag);
	if (error != PACTUM_OK)
		goto cleanup;
	error = PACTUM_EIO;
	if (fstat(fd, &st) != 0)
		goto read_error;
	if ((unsigned long long)st.st_size > max)
		goto too_large;
	cap = (size_t)st.st_size + 1;
	data = pactum_malloc(cap);
	if (data == NULL) {
		error = PACTUM_ENOMEM;
		goto cleanup;
	}
	/* The file may grow while we read: stop at the cap all the same. */
	for (;;) {
		if (size + 1 == cap) {
			char probe, *bigger;

			/* Full, as fstat() promised: only an empty read proves
			 * the end; a file that grew gets a bigger buffer. */
			n = read(fd, &probe, 1);
			if (n < 0 && errno == EINTR)
				continue;
			if (n < 0)
				goto read_error;
			if (n == 0)
				break;
			if (cap - 1 >= max)
				goto too_large;
			cap = cap * 2 > max + 1 ? max + 1 : cap * 2;
			bigger = pactum_realloc(data, cap);
			if (bigger == NULL) {
				error = PACTUM_ENOMEM;
				goto cleanup;
			}
			data = bigger;
			data[size++] = probe;
			continue;
		}
		n = read(fd, data + size, cap - 1 - size);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			goto read_error;
		if (n == 0)
			break;
		size += (size_t)n;
	}
	data[size] = '\0';
	*out = data;
	*len = size;
	data = NULL;
	error = PACTUM_OK;
	goto cleanup;
too_large:
	error = PACTUM_EINPUT;
	if (diag)
		pactum_diag_report(diag, PACTUM_ERROR, &pos,
				   _("file is larger than %zu bytes"), max);
	goto cleanup;
read_error:
	if (diag)
		pactum_diag_report(diag, PACTUM_ERROR, &pos, _("cannot read: %s"),
				   strerror(errno));
cleanup:
	if (fd >= 0)
		close(fd);
	pactum_free(data);
	return error;
}
