/* Whether a plugin file may be loaded.  dlopen() runs a file's constructors
 * before we can look at its descriptor, so everything here is decided from
 * stat() data alone, before the file is opened at all. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "trust.h"

static int reason(char **out, const char *fmt, ...) PACTUM_PRINTF(2, 3);

static int reason(char **out, const char *fmt, ...)
{
	pactum_buf buf = PACTUM_BUF_INIT;
	va_list ap;
	int error;

	va_start(ap, fmt);
	error = pactum__buf_vprintf(&buf, fmt, ap);
	va_end(ap);
	if (error == PACTUM_OK) {
		*out = pactum__buf_detach(&buf);
		if (*out == NULL)
			error = PACTUM_ENOMEM;
	}
	pactum__buf_free(&buf);
	return error;
}

/* Owner and write bits, common to the file and its directories. */
static int check_item(char **out, const pactum__trust_item *item,
		      uid_t euid, int is_dir)
{
	const struct stat *st = &item->st;
	unsigned mode = (unsigned)(st->st_mode & 07777);

	if (st->st_uid != 0 && st->st_uid != euid)
		/* TRANSLATORS: %lu is a numeric user id, %s a path. */
		return reason(out, _("owned by another user (uid %lu): %s"),
			      (unsigned long)st->st_uid, item->path);
	/* In a sticky directory only an entry's owner may rename or remove
	 * it, so others writing there cannot replace what we load. */
	if (is_dir && (st->st_mode & S_ISVTX))
		return PACTUM_OK;
	if (st->st_mode & S_IWOTH)
		/* TRANSLATORS: %s is a path, %04o its octal mode, e.g. 0777. */
		return reason(out, _("writable by others: %s (mode %04o)"),
			      item->path, mode);
	if (st->st_mode & S_IWGRP)
		/* TRANSLATORS: %s is a path, %04o its octal mode, e.g. 0775. */
		return reason(out, _("writable by group: %s (mode %04o)"),
			      item->path, mode);
	return PACTUM_OK;
}

int pactum__trust_decide(char **out, const pactum__trust_item *items,
			 size_t n, uid_t euid)
{
	size_t i;
	int error = PACTUM_OK;

	*out = NULL;
	if (n == 0 || !S_ISREG(items[0].st.st_mode)) {
		/* a FIFO would block dlopen(), a device worse */
		error = reason(out, "%s", _("not a regular file"));
		goto cleanup;
	}
	error = check_item(out, &items[0], euid, 0);
	for (i = 1; i < n && error == PACTUM_OK && *out == NULL; i++) {
		if (!S_ISDIR(items[i].st.st_mode))
			error = reason(out, _("not a directory: %s"),
				       items[i].path);
		else
			error = check_item(out, &items[i], euid, 1);
	}
cleanup:
	return error;
}

int pactum__trust_file(char **reason_out, char **resolved, const char *path,
		       uid_t euid)
{
	pactum__trust_item *items = NULL;
	char *real = NULL;
	size_t len, n = 0, cap, i;
	int error = PACTUM_OK;

	*reason_out = NULL;
	*resolved = NULL;
	/* The canonical path, so the directories checked are the ones that
	 * really hold the file, and the file opened is the one checked. */
	real = realpath(path, NULL);
	if (real == NULL) {
		error = errno == ENOMEM ? PACTUM_ENOMEM :
			reason(reason_out, _("cannot resolve the path: %s"),
			       strerror(errno));
		goto cleanup;
	}
	len = strlen(real);
	cap = 1;
	for (i = 0; i < len; i++)
		cap += real[i] == '/';
	items = pactum_malloc(cap * sizeof(*items));
	if (items == NULL) {
		error = PACTUM_ENOMEM;
		goto cleanup;
	}
	/* the file, then each directory above it, up to "/" */
	for (;;) {
		items[n].path = pactum_strndup(real, len);
		if (items[n].path == NULL) {
			error = PACTUM_ENOMEM;
			goto cleanup;
		}
		if (stat(items[n].path, &items[n].st) != 0) {
			/* TRANSLATORS: %s is a path, then why it failed */
			error = reason(reason_out, _("cannot inspect %s: %s"),
				       items[n].path, strerror(errno));
			n++;
			goto cleanup;
		}
		n++;
		if (len == 1 || n == cap)
			break;
		while (len > 0 && real[len - 1] != '/')
			len--;
		len = len > 1 ? len - 1 : 1; /* drop the '/', keep the root */
	}
	error = pactum__trust_decide(reason_out, items, n, euid);
	if (error == PACTUM_OK && *reason_out == NULL) {
		*resolved = pactum_strndup(real, strlen(real));
		if (*resolved == NULL)
			error = PACTUM_ENOMEM;
	}
cleanup:
	for (i = 0; i < n; i++)
		pactum_free((char *)items[i].path);
	pactum_free(items);
	free(real); /* realpath() allocates with malloc() */
	return error;
}
