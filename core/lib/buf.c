/* Growable byte buffers.  After a failed append the buffer is marked and
 * ignores further appends, so callers may check once at the end. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

int pactum__buf_grow(pactum_buf *buf, size_t extra)
{
	size_t need, cap;
	char *ptr;

	if (buf->oom)
		return PACTUM_ENOMEM;
	if (extra > SIZE_MAX - buf->len - 1)
		goto fail;
	need = buf->len + extra + 1;
	if (need <= buf->cap)
		return PACTUM_OK;
	cap = buf->cap ? buf->cap : 64;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	ptr = pactum_realloc(buf->ptr, cap);
	if (ptr == NULL)
		goto fail;
	buf->ptr = ptr;
	buf->cap = cap;
	return PACTUM_OK;
fail:
	buf->oom = 1;
	return PACTUM_ENOMEM;
}

int pactum__buf_put_slow(pactum_buf *buf, const char *bytes, size_t len)
{
	if (pactum__buf_grow(buf, len) != PACTUM_OK)
		return PACTUM_ENOMEM;
	if (len)
		memcpy(buf->ptr + buf->len, bytes, len);
	buf->len += len;
	buf->ptr[buf->len] = '\0';
	return PACTUM_OK;
}

int pactum__buf_puts(pactum_buf *buf, const char *s)
{
	return pactum__buf_put(buf, s, strlen(s));
}

int pactum__buf_vprintf(pactum_buf *buf, const char *fmt, va_list ap)
{
	va_list copy;
	int n;

	if (buf->oom)
		return PACTUM_ENOMEM;
	/* straight into the room there is; measured first only when it
	 * does not fit */
	va_copy(copy, ap);
	n = vsnprintf(buf->ptr ? buf->ptr + buf->len : NULL,
		      buf->ptr ? buf->cap - buf->len : 0, fmt, copy);
	va_end(copy);
	if (n >= 0 && buf->ptr && (size_t)n < buf->cap - buf->len) {
		buf->len += (size_t)n;
		return PACTUM_OK;
	}
	if (buf->ptr)
		buf->ptr[buf->len] = '\0'; /* what did not fit is not there */
	if (n < 0 || pactum__buf_grow(buf, (size_t)n) != PACTUM_OK) {
		buf->oom = 1;
		return PACTUM_ENOMEM;
	}
	vsnprintf(buf->ptr + buf->len, (size_t)n + 1, fmt, ap);
	buf->len += (size_t)n;
	return PACTUM_OK;
}

int pactum__buf_printf(pactum_buf *buf, const char *fmt, ...)
{
	va_list ap;
	int error;

	va_start(ap, fmt);
	error = pactum__buf_vprintf(buf, fmt, ap);
	va_end(ap);
	return error;
}

char *pactum__buf_detach(pactum_buf *buf)
{
	char *ptr = NULL;

	if (!buf->oom && pactum__buf_grow(buf, 0) == PACTUM_OK)
		ptr = buf->ptr;
	else
		pactum_free(buf->ptr);
	buf->ptr = NULL;
	buf->len = buf->cap = 0;
	buf->oom = 0;
	return ptr;
}

void pactum__buf_clear(pactum_buf *buf)
{
	buf->len = 0;
	buf->oom = 0;
	if (buf->ptr)
		buf->ptr[0] = '\0';
}

void pactum__buf_free(pactum_buf *buf)
{
	pactum_free(buf->ptr);
	buf->ptr = NULL;
	buf->len = buf->cap = 0;
	buf->oom = 0;
}

int pactum__line_next(const char **cursor, const char **line, int *len)
{
	const char *end;

	if (*cursor == NULL)
		return 0;
	end = strchr(*cursor, '\n');
	*line = *cursor;
	*len = (int)(end ? (size_t)(end - *cursor) : strlen(*cursor));
	*cursor = end ? end + 1 : NULL;
	return 1;
}
