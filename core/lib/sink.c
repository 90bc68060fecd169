/* Output: writers fill a memory buffer, the sink; only a complete,
 * successful output is committed (commit.c). */
#include "config.h"

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

int pactum_sink_put_escaped(pactum_sink *sink, const char *text, size_t len)
{
	size_t i, start = 0;
	const char *rep;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)text[i];

		switch (c) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = "&quot;";
			break;
		default:
			if ((c >= 0x20 && c != 0x7f) || c == '\n' || c == '\t')
				continue;
			rep = "";
			break;
		}
		pactum__buf_put(&sink->buf, text + start, i - start);
		pactum__buf_puts(&sink->buf, rep);
		start = i + 1;
	}
	return pactum__buf_put(&sink->buf, text + start, len - start);
}

const char *pactum_sink_data(const pactum_sink *sink, size_t *len)
{
	*len = sink->buf.len;
	return sink->buf.ptr ? sink->buf.ptr : "";
}

int pactum__sink_oom(const pactum_sink *sink)
{
	return sink->buf.oom;
}
