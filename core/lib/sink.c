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

/* The bytes pactum_sink_put_escaped() replaces or drops: the markup
 * characters, and the controls but newline and tab. */
static const unsigned char needs_escape[256] = {
	[0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1,
	[0x05] = 1, [0x06] = 1, [0x07] = 1, [0x08] = 1, [0x0b] = 1,
	[0x0c] = 1, [0x0d] = 1, [0x0e] = 1, [0x0f] = 1, [0x10] = 1,
	[0x11] = 1, [0x12] = 1, [0x13] = 1, [0x14] = 1, [0x15] = 1,
	[0x16] = 1, [0x17] = 1, [0x18] = 1, [0x19] = 1, [0x1a] = 1,
	[0x1b] = 1, [0x1c] = 1, [0x1d] = 1, [0x1e] = 1, [0x1f] = 1,
	['&'] = 1, ['<'] = 1, ['>'] = 1, ['"'] = 1, [0x7f] = 1,
};

int pactum_sink_put_escaped(pactum_sink *sink, const char *text, size_t len)
{
	size_t i, start = 0;
	const char *rep;

	for (i = 0; i < len; i++) {
		unsigned char c;

		/* most bytes need nothing: skip them at once */
		while (i < len && !needs_escape[(unsigned char)text[i]])
			i++;
		if (i == len)
			break;
		c = (unsigned char)text[i];
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
