/*
 * Chromium stamps the PDF's information dictionary with the time it
 * printed: /CreationDate and /ModDate (D:20261201204811+00'00').  They
 * are rewritten in place, to the same length so that the cross-reference
 * offsets stay right, with the document's date at midnight UTC, or
 * blanked (the entry becomes spaces) when the model has no date.  An
 * /ID, which Chromium 156 does not write, would be made from a hash of
 * the rest of the file.
 */
#include "config.h"

#include <string.h>

#include "html.h"
#include "pdf.h"

/* A value is a date string no longer than this. */
#define MAX_DATE 40

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* "D:YYYYMMDD000000+00'00'" from "YYYY-MM-DD" into out[24]; 0 when the
 * date is not of that form. */
static int pdf_date(char out[24], const char *date)
{
	static const char digits[] = { 0, 1, 2, 3, 5, 6, 8, 9 };
	size_t i;

	if (date == NULL || strlen(date) != 10 || date[4] != '-' ||
	    date[7] != '-')
		return 0;
	memcpy(out, "D:00000000000000+00'00'", 24);
	for (i = 0; i < sizeof(digits); i++) {
		if (!is_digit(date[(size_t)digits[i]]))
			return 0;
		out[2 + i] = date[(size_t)digits[i]];
	}
	return 1;
}

/* Rewrite the value of one occurrence of key at p (the '/'); end: the
 * end of the file.  Returns where to search on. */
static char *fix_entry(char *p, const char *end, size_t keylen,
		       const char *date, int have_date)
{
	char *v = p + keylen, *close;
	size_t n;

	while (v < end && (*v == ' ' || *v == '\n' || *v == '\r'))
		v++;
	if (v >= end || *v != '(')
		return p + keylen;
	close = memchr(v, ')', (size_t)(end - v) < MAX_DATE
				       ? (size_t)(end - v) : MAX_DATE);
	if (close == NULL || close - v < 3 || v[1] != 'D' || v[2] != ':')
		return p + keylen;
	n = (size_t)(close - v - 1); /* the value between the parentheses */
	if (have_date && (n == 16 || n == 22 || n == 23)) {
		memcpy(v + 1, date, n);
	} else if (have_date && n == 17 && v[n] == 'Z') {
		memcpy(v + 1, date, 16);
	} else { /* no date, or a form we do not know: no entry */
		memset(p, ' ', (size_t)(close - p + 1));
	}
	return close + 1;
}

static void fix_key(char *pdf, size_t len, const char *key,
		    const char *date, int have_date)
{
	size_t keylen = strlen(key);
	char *p = pdf, *end = pdf + len;

	while ((size_t)(end - p) > keylen &&
	       (p = memmem(p, (size_t)(end - p), key, keylen)) != NULL)
		p = fix_entry(p, end, keylen, date, have_date);
}

/* FNV-1a: a fixed function of the bytes, nothing secret about it. */
static unsigned long long fnv(const char *s, size_t len)
{
	unsigned long long h = 14695981039346656037ULL;
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h;
}

/* The "[" of the trailer's "/ID [<hex><hex>]", or NULL (a name that
 * merely starts so, "/IDTree", is not it). */
static char *find_id(char *pdf, size_t len)
{
	char *p = pdf, *end = pdf + len, *v;

	while ((size_t)(end - p) > 3 &&
	       (p = memmem(p, (size_t)(end - p), "/ID", 3)) != NULL) {
		for (v = p + 3; v < end && (*v == ' ' || *v == '\n'); v++)
			;
		if (v < end && *v == '[')
			return v;
		p += 3;
	}
	return NULL;
}

/* The /ID's hex digits from a hash of the file with them zeroed, so
 * that equal input gives equal bytes. */
static void fix_id(char *pdf, size_t len)
{
	static const char hex[] = "0123456789ABCDEF";
	char *p = find_id(pdf, len), *q, *end;
	unsigned long long h;
	unsigned k = 0;

	if (p == NULL)
		return;
	end = pdf + len - p > 256 ? p + 256 : pdf + len;
	end = memchr(p, ']', (size_t)(end - p));
	if (end == NULL)
		return;
	for (q = p; q < end; q++)
		if ((*q >= '0' && *q <= '9') || (*q >= 'a' && *q <= 'f') ||
		    (*q >= 'A' && *q <= 'F'))
			*q = '0';
	h = fnv(pdf, len);
	for (q = p; q < end; q++)
		if (*q == '0')
			*q = hex[(h >> (4 * (k++ % 16))) & 15];
}

/* Make the timestamps of the PDF of len bytes the document's date
 * ("YYYY-MM-DD", or NULL: none), in place. */
void pdf_fix_dates(char *pdf, size_t len, const char *date)
{
	char value[24] = { 0 };
	int have_date = pdf_date(value, date);

	fix_key(pdf, len, "/CreationDate", value, have_date);
	fix_key(pdf, len, "/ModDate", value, have_date);
	fix_id(pdf, len);
}
