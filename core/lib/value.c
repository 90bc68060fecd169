/* Typed parameter values.  Everything here is done by hand, digit by digit:
 * strtod(), printf's %f and the C locale's number formats all depend on the
 * environment, and an agreement must come out the same on every machine. */
#include "config.h"

#include <string.h>

#include "arith.h"
#include "icu.h"
#include "langtab.h"
#include "value.h"

#define DECIMAL_LIMIT 1000000000000000000LL /* |mantissa| stays below */
#define DECIMAL_MAX_SCALE 6
#define DURATION_MAX 100000u

/* Said instead of the money phrase when only the decimals are wrong. */
static const char money_decimals[] =
	N_("an amount with no more decimals than its currency has, "
	   "e.g. 1234.56 EUR or 1234 JPY");

/* ISO 4217 minor units where they are not 2 (the most common, and what any
 * other code gets), and the codes agreements use most; sorted. */
static const struct {
	char code[4];
	uint8_t minor;
} currencies[] = {
	{ "BHD", 3 }, { "CHF", 2 }, { "CLP", 0 }, { "EUR", 2 }, { "GBP", 2 },
	{ "IQD", 3 }, { "ISK", 0 }, { "JOD", 3 }, { "JPY", 0 }, { "KRW", 0 },
	{ "KWD", 3 }, { "LYD", 3 }, { "OMR", 3 }, { "TND", 3 }, { "USD", 2 },
	{ "VND", 0 },
};

unsigned pactum__currency_digits(const char *code)
{
	size_t i;

	for (i = 0; i < PACTUM_ARRAY_SIZE(currencies); i++) {
		if (strcmp(currencies[i].code, code) == 0)
			return currencies[i].minor;
	}
	return 2;
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* -?DIGITS(.DIGITS)?, |mantissa| < 10^18, scale <= 6. */
static int parse_decimal(pactum_decimal *out, const char *s, size_t len)
{
	size_t i = 0, int_digits = 0, frac_digits = 0;
	int64_t m = 0;
	int neg = 0;

	if (i < len && s[i] == '-') {
		neg = 1;
		i++;
	}
	for (; i < len && is_digit(s[i]); i++, int_digits++) {
		if (m > (DECIMAL_LIMIT - 1 - (s[i] - '0')) / 10)
			return -1;
		m = m * 10 + (s[i] - '0');
	}
	if (int_digits == 0)
		return -1;
	if (i < len && s[i] == '.') {
		for (i++; i < len && is_digit(s[i]); i++, frac_digits++) {
			if (frac_digits == DECIMAL_MAX_SCALE ||
			    m > (DECIMAL_LIMIT - 1 - (s[i] - '0')) / 10)
				return -1;
			m = m * 10 + (s[i] - '0');
		}
		if (frac_digits == 0)
			return -1;
	}
	if (i != len)
		return -1;
	out->mantissa = neg ? -m : m;
	out->scale = (uint8_t)frac_digits;
	return 0;
}

/* -?DIGITS within int64_t; accumulates the magnitude unsigned so that
 * INT64_MIN parses too. */
static int parse_integer(int64_t *out, const char *s, size_t len)
{
	uint64_t m = 0, limit = (uint64_t)INT64_MAX;
	size_t i = 0, start;
	int neg = 0;

	if (i < len && s[i] == '-') {
		neg = 1;
		limit += 1;
		i++;
	}
	start = i;
	for (; i < len && is_digit(s[i]); i++) {
		unsigned d = (unsigned)(s[i] - '0');

		if (m > (limit - d) / 10)
			return -1;
		m = m * 10 + d;
	}
	if (i == start || i != len)
		return -1;
	if (!neg)
		*out = (int64_t)m;
	else if (m == (uint64_t)INT64_MAX + 1)
		*out = INT64_MIN;
	else
		*out = -(int64_t)m;
	return 0;
}

/* n ASCII digits at s, no sign. */
static int digits_value(const char *s, size_t n)
{
	int v = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (!is_digit(s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static int parse_date(pactum_value *out, const char *s, size_t len)
{
	int y, m, d;

	if (len != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	y = digits_value(s, 4);
	m = digits_value(s + 5, 2);
	d = digits_value(s + 8, 2);
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > pactum__month_days(y, m))
		return -1;
	out->u.date.year = y;
	out->u.date.month = m;
	out->u.date.day = d;
	return 0;
}

static int is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

static int parse_money(pactum_value *out, const char *s, size_t len,
		       const char **expected)
{
	const char *code;

	if (len < 5 || s[len - 4] != ' ')
		return -1;
	code = s + len - 3;
	if (!is_upper(code[0]) || !is_upper(code[1]) || !is_upper(code[2]))
		return -1;
	if (parse_decimal(&out->u.money.amount, s, len - 4) != 0)
		return -1;
	memcpy(out->u.money.currency, code, 3);
	out->u.money.currency[3] = '\0';
	if (out->u.money.amount.scale > pactum__currency_digits(out->u.money.currency)) {
		*expected = money_decimals;
		return -1;
	}
	return 0;
}

static int parse_duration(pactum_value *out, const char *s, size_t len)
{
	uint32_t count = 0;
	size_t i;

	if (len < 2)
		return -1;
	for (i = 0; i < len - 1; i++) {
		if (!is_digit(s[i]))
			return -1;
		count = count * 10 + (uint32_t)(s[i] - '0');
		if (count > DURATION_MAX)
			return -1;
	}
	switch (s[len - 1]) {
	case 'd':
		out->u.duration.unit = PACTUM_DAYS;
		break;
	case 'w':
		out->u.duration.unit = PACTUM_WEEKS;
		break;
	case 'm':
		out->u.duration.unit = PACTUM_MONTHS;
		break;
	case 'y':
		out->u.duration.unit = PACTUM_YEARS;
		break;
	default:
		return -1;
	}
	out->u.duration.count = count;
	return 0;
}

static int parse_boolean(int *out, const char *s, size_t len)
{
	static const struct {
		const char *word;
		int value;
	} words[] = {
		{ "true", 1 }, { "false", 0 }, { "yes", 1 },
		{ "no", 0 },   { "1", 1 },     { "0", 0 },
	};
	size_t i;

	for (i = 0; i < PACTUM_ARRAY_SIZE(words); i++) {
		if (strlen(words[i].word) == len &&
		    memcmp(words[i].word, s, len) == 0) {
			*out = words[i].value;
			return 0;
		}
	}
	return -1;
}

static int sign_of(int64_t a, int64_t b)
{
	return (a > b) - (a < b);
}

static int bytes_compare(const char *a, size_t alen, const char *b,
			 size_t blen)
{
	size_t n = alen < blen ? alen : blen;
	int c = n ? memcmp(a, b, n) : 0;

	if (c != 0)
		return c < 0 ? -1 : 1;
	return (alen > blen) - (alen < blen);
}

/* ------------------------------------------------------------------ */
/* Formatting                                                          */
/* ------------------------------------------------------------------ */

/* Decimal digits of v, most significant first; returns their count. */
static size_t utoa(char out[20], uint64_t v)
{
	char tmp[20];
	size_t n = 0, i;

	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v != 0);
	for (i = 0; i < n; i++)
		out[i] = tmp[n - 1 - i];
	return n;
}

static uint64_t magnitude(int64_t v)
{
	return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

static void put_zeros(pactum_buf *out, size_t n)
{
	while (n-- > 0)
		pactum__buf_putc(out, '0');
}

/*
 * The unsigned value mag / 10^scale with its whole part grouped by three
 * from 1000 on and at least frac_digits decimals (padded with zeros).
 */
static void put_unsigned(pactum_buf *out, const pactum_locale *loc,
			 uint64_t mag, unsigned scale, unsigned frac_digits)
{
	char digits[20];
	size_t n = utoa(digits, mag);
	size_t whole = n > scale ? n - scale : 0, i;

	if (whole == 0)
		pactum__buf_putc(out, '0');
	for (i = 0; i < whole; i++) {
		if (i > 0 && whole >= 4 && (whole - i) % 3 == 0)
			pactum__buf_puts(out, loc->group_sep);
		pactum__buf_putc(out, digits[i]);
	}
	if (scale == 0 && frac_digits == 0)
		return;
	pactum__buf_puts(out, loc->decimal_mark);
	put_zeros(out, scale - (n - whole)); /* 0.05: the zero after the mark */
	pactum__buf_put(out, digits + whole, n - whole);
	if (frac_digits > scale)
		put_zeros(out, frac_digits - scale);
}

static void put_decimal(pactum_buf *out, const pactum_locale *loc,
			const pactum_decimal *d)
{
	if (d->mantissa < 0)
		pactum__buf_putc(out, '-');
	put_unsigned(out, loc, magnitude(d->mantissa), d->scale, 0);
}

static void put_int(pactum_buf *out, const pactum_locale *loc, int64_t v)
{
	if (v < 0)
		pactum__buf_putc(out, '-');
	put_unsigned(out, loc, magnitude(v), 0, 0);
}

/* Plain digits, no grouping: days and years in dates. */
static void put_plain(pactum_buf *out, uint64_t v)
{
	char digits[20];

	pactum__buf_put(out, digits, utoa(digits, v));
}

void pactum__money_put(pactum_buf *out, const pactum_locale *loc,
		       const pactum_value *v, const char *pattern,
		       const char *currency, unsigned digits)
{
	const pactum_decimal *amount = &v->u.money.amount;
	const char *p;

	for (p = pattern; *p != '\0'; p++) {
		if (*p != '%' || p[1] == '\0') {
			pactum__buf_putc(out, *p);
			continue;
		}
		switch (*++p) {
		case 's':
			if (amount->mantissa < 0)
				pactum__buf_putc(out, '-');
			break;
		case 'n':
			put_unsigned(out, loc, magnitude(amount->mantissa),
				     amount->scale, digits);
			break;
		case 'c':
			pactum__buf_puts(out, currency);
			break;
		default:
			pactum__buf_putc(out, *p);
			break;
		}
	}
}

static void put_money(pactum_buf *out, const pactum_locale *loc,
		      const pactum_value *v)
{
	pactum__money_put(out, loc, v, loc->money_pattern,
			  v->u.money.currency,
			  pactum__currency_digits(v->u.money.currency));
}

static void put_date(pactum_buf *out, const pactum_locale *loc,
		     const pactum_value *v)
{
	int month = v->u.date.month;
	const char *p;

	for (p = loc->date_pattern; *p != '\0'; p++) {
		if (*p != '%' || p[1] == '\0') {
			pactum__buf_putc(out, *p);
			continue;
		}
		switch (*++p) {
		case 'd':
			put_plain(out, (uint64_t)v->u.date.day);
			break;
		case 'B':
			if (month >= 1 && month <= 12)
				pactum__buf_puts(out, loc->months[month - 1]);
			break;
		case 'Y':
			put_plain(out, (uint64_t)v->u.date.year);
			break;
		default:
			pactum__buf_putc(out, *p);
			break;
		}
	}
}

static void put_percent(pactum_buf *out, const pactum_locale *loc,
			const pactum_value *v)
{
	const char *p;

	for (p = loc->percent_pattern; *p != '\0'; p++) {
		if (*p != '%' || p[1] == '\0') {
			pactum__buf_putc(out, *p);
			continue;
		}
		if (*++p == 'n')
			put_decimal(out, loc, &v->u.number);
		else
			pactum__buf_putc(out, *p);
	}
}

/* The first space after count in out from start, as U+00A0. */
static void keep_together(pactum_buf *out, size_t start, const char *count)
{
	size_t n = strlen(count), i;

	for (i = start; i + n < out->len; i++) {
		if (memcmp(out->ptr + i, count, n) != 0 || out->ptr[i + n] != ' ')
			continue;
		if (pactum__buf_grow(out, 1) != PACTUM_OK)
			return;
		memmove(out->ptr + i + n + 2, out->ptr + i + n + 1,
			out->len - (i + n + 1) + 1);
		memcpy(out->ptr + i + n, "\xc2\xa0", 2);
		out->len++;
		return;
	}
}

static void put_duration_case(pactum_buf *out, const pactum_locale *loc,
			      const pactum_value *v, pactum_case c)
{
	static const char *const names[] = { "count" };
	unsigned unit = (unsigned)v->u.duration.unit;
	pactum_buf count = PACTUM_BUF_INIT;
	const char *values[1];
	size_t start;
	int digits, error = PACTUM_EINVAL;

	if (unit > PACTUM_YEARS)
		return;
	/* contract style: "drei Monate", "one year"; from 13 on "30 Tage"
	 * (and where ICU cannot spell it, but never for want of memory) */
	if (v->u.duration.count >= 1 && v->u.duration.count <= 12)
		error = pactum__icu_spell(&count, loc->icu,
					  (int64_t)v->u.duration.count, NULL);
	if (error == PACTUM_ENOMEM)
		count.oom = 1;
	else if (error != PACTUM_OK) {
		pactum__buf_clear(&count);
		put_unsigned(&count, loc, v->u.duration.count, 0, 0);
	}
	digits = count.len > 0 && count.ptr[count.len - 1] >= '0' &&
		 count.ptr[count.len - 1] <= '9';
	pactum__buf_putc(&count, '\0');
	out->oom |= count.oom;
	values[0] = count.oom ? "" : count.ptr;
	/* "0 Tage", "0 days": the count's form by the catalog's rules */
	start = out->len;
	pactum__word_expand(out,
			    pactum__locale_nword(loc,
						 (pactum_word)(PACTUM_WORD_DURATION_ +
							       unit * 4 + (unsigned)c),
						 v->u.duration.count),
			    names, values, 1);
	/* "30 Tage" stays on one line: the space after the digits no-break */
	if (digits && !out->oom)
		keep_together(out, start, count.ptr);
	pactum__buf_free(&count);
}

static void put_duration(pactum_buf *out, const pactum_locale *loc,
			 const pactum_value *v)
{
	put_duration_case(out, loc, v, PACTUM_CASE_NOMINATIVE);
}

/* ------------------------------------------------------------------ */
/* The types: one row each                                             */
/* ------------------------------------------------------------------ */

static int parse_text(pactum_value *out, const char *s, size_t len,
		      const char **why)
{
	(void)why;
	if (pactum__text_unsafe(NULL, NULL, s, len, 0))
		return -1;
	out->u.text.ptr = s;
	out->u.text.len = len;
	return 0;
}

/* An ISO 3166-1 alpha-2 code that CLDR names: "AT", "CH". */
static int parse_country(pactum_value *out, const char *s, size_t len,
			 const char **why)
{
	char code[3];

	(void)why;
	if (len != 2)
		return -1;
	memcpy(code, s, 2);
	code[2] = '\0';
	if (!pactum__icu_country_known(code))
		return -1;
	out->u.text.ptr = s;
	out->u.text.len = len;
	return 0;
}

static int parse_date_v(pactum_value *out, const char *s, size_t len,
			const char **why)
{
	(void)why;
	return parse_date(out, s, len);
}

static int parse_number_v(pactum_value *out, const char *s, size_t len,
			  const char **why)
{
	(void)why;
	return parse_decimal(&out->u.number, s, len);
}

static int parse_percent_v(pactum_value *out, const char *s, size_t len,
			   const char **why)
{
	(void)why;
	if (len > 0 && s[len - 1] == '%')
		len--;
	return parse_decimal(&out->u.number, s, len);
}

static int parse_integer_v(pactum_value *out, const char *s, size_t len,
			   const char **why)
{
	(void)why;
	return parse_integer(&out->u.integer, s, len);
}

static int parse_duration_v(pactum_value *out, const char *s, size_t len,
			    const char **why)
{
	(void)why;
	return parse_duration(out, s, len);
}

static int parse_boolean_v(pactum_value *out, const char *s, size_t len,
			   const char **why)
{
	(void)why;
	return parse_boolean(&out->u.boolean, s, len);
}

static int compare_text(const pactum_value *a, const pactum_value *b,
			int *incomparable)
{
	(void)incomparable;
	return bytes_compare(a->u.text.ptr, a->u.text.len, b->u.text.ptr,
			     b->u.text.len);
}

static int compare_date(const pactum_value *a, const pactum_value *b,
			int *incomparable)
{
	(void)incomparable;
	if (a->u.date.year != b->u.date.year)
		return sign_of(a->u.date.year, b->u.date.year);
	if (a->u.date.month != b->u.date.month)
		return sign_of(a->u.date.month, b->u.date.month);
	return sign_of(a->u.date.day, b->u.date.day);
}

static int compare_money(const pactum_value *a, const pactum_value *b,
			 int *incomparable)
{
	(void)incomparable;
	return pactum__decimal_compare(&a->u.money.amount, &b->u.money.amount);
}

static int compare_number(const pactum_value *a, const pactum_value *b,
			  int *incomparable)
{
	(void)incomparable;
	return pactum__decimal_compare(&a->u.number, &b->u.number);
}

static int compare_integer(const pactum_value *a, const pactum_value *b,
			   int *incomparable)
{
	(void)incomparable;
	return sign_of(a->u.integer, b->u.integer);
}

static int compare_duration(const pactum_value *a, const pactum_value *b,
			    int *incomparable)
{
	/* 1m against 30d has no answer: months differ in length */
	if (a->u.duration.unit != b->u.duration.unit) {
		if (incomparable != NULL)
			*incomparable = 1;
		return 0;
	}
	return sign_of(a->u.duration.count, b->u.duration.count);
}

static int compare_boolean(const pactum_value *a, const pactum_value *b,
			   int *incomparable)
{
	(void)incomparable;
	return sign_of(!!a->u.boolean, !!b->u.boolean);
}

/* A list has no notation of its own: its records are records. */
static int parse_list(pactum_value *out, const char *s, size_t len,
		      const char **why)
{
	(void)out;
	(void)s;
	(void)len;
	(void)why;
	return -1;
}

static int compare_list(const pactum_value *a, const pactum_value *b,
			int *incomparable)
{
	if (incomparable != NULL)
		*incomparable = 1;
	return sign_of((int64_t)a->u.list.n, (int64_t)b->u.list.n);
}

/* Shown record by record, never as a whole. */
static void put_list(pactum_buf *out, const pactum_locale *loc,
		     const pactum_value *v)
{
	(void)out;
	(void)loc;
	(void)v;
}

static void put_text(pactum_buf *out, const pactum_locale *loc,
		     const pactum_value *v)
{
	(void)loc;
	pactum__buf_put(out, v->u.text.ptr, v->u.text.len);
}

/* The country's name in the language: "Österreich", "Austria"; none
 * for none (a computed country from a party field the deal leaves out). */
static void put_country(pactum_buf *out, const pactum_locale *loc,
			const pactum_value *v)
{
	char code[3];

	if (v->u.text.len != 2)
		return;
	memcpy(code, v->u.text.ptr, 2);
	code[2] = '\0';
	if (pactum__icu_country_name(out, loc->icu, code) == PACTUM_EINVAL)
		pactum__buf_puts(out, code);
}

static void put_number_v(pactum_buf *out, const pactum_locale *loc,
			 const pactum_value *v)
{
	put_decimal(out, loc, &v->u.number);
}

static void put_integer_v(pactum_buf *out, const pactum_locale *loc,
			  const pactum_value *v)
{
	put_int(out, loc, v->u.integer);
}

static void put_boolean(pactum_buf *out, const pactum_locale *loc,
			const pactum_value *v)
{
	pactum__buf_puts(out, pactum__locale_word(loc, v->u.boolean
							       ? PACTUM_WORD_YES
							       : PACTUM_WORD_NO));
}

/* The canonical forms: a value as a deal writes it, the same in every
 * language (plugin.h, pactum_run_value()). */
static void canon_text(pactum_buf *out, const pactum_value *v)
{
	pactum__buf_put(out, v->u.text.ptr, v->u.text.len);
}

static void canon_decimal(pactum_buf *out, pactum_decimal d, unsigned min)
{
	uint64_t m = magnitude(d.mantissa), unit = 1;
	unsigned scale = d.scale, i;

	for (i = 0; i < scale; i++)
		unit *= 10;
	pactum__buf_printf(out, "%s%llu", d.mantissa < 0 ? "-" : "",
			   (unsigned long long)(m / unit));
	if (scale > 0 || min > 0)
		pactum__buf_putc(out, '.');
	if (scale > 0)
		pactum__buf_printf(out, "%0*llu", (int)scale,
				   (unsigned long long)(m % unit));
	for (i = scale; i < min; i++)
		pactum__buf_putc(out, '0');
}

static void canon_date(pactum_buf *out, const pactum_value *v)
{
	pactum__buf_printf(out, "%04d-%02d-%02d", v->u.date.year,
			   v->u.date.month, v->u.date.day);
}

static void canon_money(pactum_buf *out, const pactum_value *v)
{
	canon_decimal(out, v->u.money.amount,
		      pactum__currency_digits(v->u.money.currency));
	pactum__buf_printf(out, " %s", v->u.money.currency);
}

static void canon_number(pactum_buf *out, const pactum_value *v)
{
	canon_decimal(out, v->u.number, 0);
}

static void canon_integer(pactum_buf *out, const pactum_value *v)
{
	pactum__buf_printf(out, "%lld", (long long)v->u.integer);
}

static void canon_duration(pactum_buf *out, const pactum_value *v)
{
	pactum__buf_printf(out, "%lu%c", (unsigned long)v->u.duration.count,
			   "dwmy"[v->u.duration.unit]);
}

static void canon_boolean(pactum_buf *out, const pactum_value *v)
{
	pactum__buf_puts(out, v->u.boolean ? "yes" : "no");
}

static void canon_list(pactum_buf *out, const pactum_value *v)
{
	pactum__buf_printf(out, "%lu", (unsigned long)v->u.list.n);
}

#define ORDERED PACTUM_TYPE_ORDERED
#define COUNTS PACTUM_TYPE_COUNTS
#define TEXTUAL PACTUM_TYPE_TEXTUAL

/* What each value type is: its name in models, what a value must look
 * like (for messages), its traits, how it is parsed, compared and
 * formatted, and its canonical form.  A new type is one row here and its
 * four functions. */
static const struct type_info {
	const char *name;
	const char *expected; /* N_(): said when a value does not parse */
	unsigned flags;
	int (*parse)(pactum_value *out, const char *s, size_t len,
		     const char **why);
	int (*compare)(const pactum_value *a, const pactum_value *b,
		       int *incomparable);
	void (*format)(pactum_buf *out, const pactum_locale *loc,
		       const pactum_value *v);
	/* in a grammatical case; NULL: the same in every case */
	void (*format_case)(pactum_buf *out, const pactum_locale *loc,
			    const pactum_value *v, pactum_case c);
	void (*canonical)(pactum_buf *out, const pactum_value *v);
} types[] = {
	[PACTUM_TYPE_TEXT] = { "text",
			       N_("text in UTF-8 without control characters"),
			       TEXTUAL, parse_text, compare_text, put_text,
			       .canonical = canon_text },
	[PACTUM_TYPE_DATE] = { "date", N_("a date as YYYY-MM-DD"), ORDERED,
			       parse_date_v, compare_date, put_date,
			       .canonical = canon_date },
	[PACTUM_TYPE_MONEY] = { "money",
				N_("an amount and an ISO 4217 currency, e.g. "
				   "1234.56 EUR"),
				ORDERED, parse_money, compare_money, put_money,
				.canonical = canon_money },
	[PACTUM_TYPE_NUMBER] = { "number",
				 N_("a number such as 1234.5, with at most 6 "
				    "decimals"),
				 ORDERED, parse_number_v, compare_number,
				 put_number_v, .canonical = canon_number },
	[PACTUM_TYPE_PERCENT] = { "percent",
				  N_("a percentage such as 20, 20% or 12.5"),
				  ORDERED, parse_percent_v, compare_number,
				  put_percent, .canonical = canon_number },
	[PACTUM_TYPE_INTEGER] = { "integer", N_("a whole number such as 1234"),
				  ORDERED | COUNTS, parse_integer_v,
				  compare_integer, put_integer_v,
				  .canonical = canon_integer },
	[PACTUM_TYPE_DURATION] = { "duration",
				   N_("a duration such as 30d, 2w, 3m or 1y"),
				   ORDERED | COUNTS, parse_duration_v,
				   compare_duration, put_duration,
				   put_duration_case, canon_duration },
	[PACTUM_TYPE_BOOLEAN] = { "boolean", N_("true, false, yes, no, 1 or 0"),
				  0, parse_boolean_v, compare_boolean,
				  put_boolean, .canonical = canon_boolean },
	[PACTUM_TYPE_CHOICE] = { "choice",
				 N_("one of the parameter's choices"),
				 TEXTUAL, parse_text, compare_text, put_text,
			       .canonical = canon_text },
	[PACTUM_TYPE_LIST] = { "list",
			       N_("records, each a <record> of the list"), 0,
			       parse_list, compare_list, put_list,
			       .canonical = canon_list },
	[PACTUM_TYPE_COUNTRY] = { "country",
				  N_("an ISO 3166-1 country code such as DE, "
				     "AT or CH"),
				  TEXTUAL, parse_country, compare_text,
				  put_country, .canonical = canon_text },
};

int pactum__type_parse(pactum_type *out, const char *name)
{
	size_t i;

	if (name == NULL)
		return PACTUM_EINVAL;
	for (i = 0; i < PACTUM_ARRAY_SIZE(types); i++) {
		if (strcmp(types[i].name, name) == 0) {
			*out = (pactum_type)i;
			return PACTUM_OK;
		}
	}
	return PACTUM_EINVAL;
}

const char *pactum__type_name(pactum_type type)
{
	if ((unsigned)type >= PACTUM_ARRAY_SIZE(types))
		return "unknown";
	return types[type].name;
}

int pactum__type_is(pactum_type type, unsigned flags)
{
	return (unsigned)type < PACTUM_ARRAY_SIZE(types) &&
	       (types[type].flags & flags) == flags;
}

int pactum__value_parse(pactum_value *out, pactum_type type, const char *s,
			size_t len, const char **expected)
{
	const char *why;

	if ((unsigned)type >= PACTUM_ARRAY_SIZE(types) ||
	    (s == NULL && len != 0))
		return PACTUM_EINVAL;
	if (s == NULL)
		s = "";
	memset(out, 0, sizeof(*out));
	out->type = type;
	why = types[type].expected;
	if (types[type].parse(out, s, len, &why) != 0) {
		memset(&out->u, 0, sizeof(out->u));
		if (expected != NULL)
			*expected = why;
		return PACTUM_EINPUT;
	}
	return PACTUM_OK;
}

int pactum__value_compare(const pactum_value *a, const pactum_value *b,
			  int *incomparable)
{
	if (incomparable != NULL)
		*incomparable = 0;
	/* different types break the precondition; order them by type */
	if (a->type != b->type)
		return a->type < b->type ? -1 : 1;
	if ((unsigned)a->type >= PACTUM_ARRAY_SIZE(types))
		return 0;
	return types[a->type].compare(a, b, incomparable);
}

int pactum__value_format(pactum_buf *out, const pactum_value *v,
			 const pactum_locale *loc)
{
	if (loc == NULL || (unsigned)v->type >= PACTUM_ARRAY_SIZE(types))
		return PACTUM_EINVAL;
	types[v->type].format(out, loc, v);
	/* appends after a failed one do nothing, so one check suffices */
	return out->oom ? PACTUM_ENOMEM : PACTUM_OK;
}

/* plugin.h's value types follow the table's order. */
_Static_assert(PACTUM_VALUE_TEXT == PACTUM_TYPE_TEXT + 1 &&
		     PACTUM_VALUE_DATE == PACTUM_TYPE_DATE + 1 &&
		     PACTUM_VALUE_MONEY == PACTUM_TYPE_MONEY + 1 &&
		     PACTUM_VALUE_NUMBER == PACTUM_TYPE_NUMBER + 1 &&
		     PACTUM_VALUE_PERCENT == PACTUM_TYPE_PERCENT + 1 &&
		     PACTUM_VALUE_INTEGER == PACTUM_TYPE_INTEGER + 1 &&
		     PACTUM_VALUE_DURATION == PACTUM_TYPE_DURATION + 1 &&
		     PACTUM_VALUE_BOOLEAN == PACTUM_TYPE_BOOLEAN + 1 &&
		     PACTUM_VALUE_CHOICE == PACTUM_TYPE_CHOICE + 1,
		     "plugin.h's value types follow the type table");

int pactum__value_type_public(pactum_type type)
{
	if (type == PACTUM_TYPE_COUNTRY)
		return PACTUM_VALUE_COUNTRY;
	return type <= PACTUM_TYPE_CHOICE ? (int)type + 1 : 0;
}

int pactum__value_canonical(pactum_buf *out, const pactum_value *v)
{
	if ((unsigned)v->type >= PACTUM_ARRAY_SIZE(types))
		return PACTUM_EINVAL;
	types[v->type].canonical(out, v);
	return out->oom ? PACTUM_ENOMEM : PACTUM_OK;
}

int pactum__case_parse(const char *s, size_t len)
{
	static const char names[PACTUM_CASE_COUNT_][4] = { "nom", "gen", "dat",
							   "acc" };
	int c;

	for (c = 0; c < PACTUM_CASE_COUNT_; c++)
		if (len == 3 && memcmp(s, names[c], 3) == 0)
			return c;
	return -1;
}

int pactum__value_format_case(pactum_buf *out, const pactum_value *v,
			      const pactum_locale *loc, pactum_case c)
{
	if (loc == NULL || (unsigned)v->type >= PACTUM_ARRAY_SIZE(types) ||
	    (unsigned)c >= PACTUM_CASE_COUNT_)
		return PACTUM_EINVAL;
	if (types[v->type].format_case == NULL)
		return pactum__value_format(out, v, loc);
	types[v->type].format_case(out, loc, v, c);
	return out->oom ? PACTUM_ENOMEM : PACTUM_OK;
}
