/* UTF-8 and safe text.  Input comes from other people: models, deal data and
 * catalogs are checked before their text can reach an output. */
#include "config.h"

#include <string.h>

#include "internal.h"

size_t pactum__utf8_decode(uint32_t *cp, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t c;
	size_t n, i;

	if (len == 0)
		return 0;
	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		n = 2;
		c = p[0] & 0x1f;
	} else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		n = 3;
		c = p[0] & 0x0f;
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		n = 4;
		c = p[0] & 0x07;
	} else {
		return 0;
	}
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (p[i] & 0x3f);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10ffff)) ||
	    (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

int pactum__utf8_valid(const char *s, size_t len)
{
	size_t i = 0, n;
	uint32_t cp;

	while (i < len) {
		uint64_t w;

		/* ASCII eight bytes at a time: catalogs are read whole */
		if (len - i >= 8) {
			memcpy(&w, s + i, 8);
			if ((w & 0x8080808080808080ull) == 0) {
				i += 8;
				continue;
			}
		}
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		n = pactum__utf8_decode(&cp, s + i, len - i);
		if (n == 0)
			return 0;
		i += n;
	}
	return 1;
}

/* Code points that must never reach a terminal or an output unseen: C0
 * and C1 controls and DEL (they move cursors, set titles, forge lines),
 * bidirectional controls (they reorder what a reader sees: U+202E makes
 * "txt.exe" of "exe.txt"), the line and paragraph separators, and the
 * noncharacters, which XML 1.0 forbids in an output. */
static int unsafe_cp(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0x061c ||
	       cp == 0x200e || cp == 0x200f || (cp >= 0x2028 && cp <= 0x202e) ||
	       (cp >= 0x2066 && cp <= 0x2069) ||
	       (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) == 0xfffe;
}

/* Eight bytes of 0x01, for the word-at-a-time test of pactum__text_unsafe() */
#define ONES 0x0101010101010101ull

int pactum__text_unsafe(uint32_t *cp, size_t *offset, const char *s,
			size_t len, uint32_t allow)
{
	size_t i = 0, n;
	uint32_t c;

	while (i < len) {
		/* printable ASCII, most of any text, is safe as it is: eight
		 * bytes at a time while none is a control, DEL or above */
		while (len - i >= 8) {
			uint64_t w;

			memcpy(&w, s + i, 8);
			if (((w | (w + ONES * 0x01) | (w - ONES * 0x20)) &
			     ONES * 0x80) != 0)
				break;
			i += 8;
		}
		if (i < len && (unsigned char)s[i] >= 0x20 &&
		    (unsigned char)s[i] < 0x7f) {
			i++;
			continue;
		}
		if (i == len)
			break;
		n = pactum__utf8_decode(&c, s + i, len - i);
		if (n == 0) {
			c = PACTUM_NOT_UTF8;
			goto found;
		}
		if (unsafe_cp(c) && !(c < 0x20 && (allow & (1u << c))))
			goto found;
		i += n;
	}
	return 0;
found:
	if (cp)
		*cp = c;
	if (offset)
		*offset = i;
	return 1;
}

int pactum_ascii_caseeq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a >= 'A' && *a <= 'Z' ? (char)(*a + 32) : *a;
		char y = *b >= 'A' && *b <= 'Z' ? (char)(*b + 32) : *b;

		if (x != y)
			return 0;
	}
	return *a == *b;
}

char *pactum_text_escape(const char *s)
{
	pactum_buf buf = PACTUM_BUF_INIT;

	if (pactum__buf_put_safe(&buf, s, strlen(s)) != PACTUM_OK ||
	    pactum__buf_putc(&buf, '\0') != PACTUM_OK) {
		pactum__buf_free(&buf);
		return NULL;
	}
	buf.len--; /* the NUL is the buffer's own terminator */
	return pactum__buf_detach(&buf);
}

int pactum__buf_put_safe(pactum_buf *buf, const char *s, size_t len)
{
	size_t i = 0, n;
	uint32_t c;

	while (i < len) {
		n = pactum__utf8_decode(&c, s + i, len - i);
		if (n == 0) {
			n = 1;
			pactum__buf_printf(buf, "\\x%02x", (unsigned char)s[i]);
		} else if (!unsafe_cp(c)) {
			pactum__buf_put(buf, s + i, n);
		} else {
			/* \U and eight digits above U+FFFF: "\u10ffffb"
			 * would read as U+10FF, then "ffb" */
			pactum__buf_printf(buf, c < 0x80      ? "\\x%02x"
						: c < 0x10000 ? "\\u%04x"
							      : "\\U%08x",
					   (unsigned)c);
		}
		i += n;
	}
	return buf->oom ? PACTUM_ENOMEM : PACTUM_OK;
}
