/* Exact decimal and calendar arithmetic.  A decimal is mantissa / 10^scale
 * with |mantissa| < 10^18 and scale <= 6 (value.h); products and quotients
 * are formed in 128 bits, where they cannot overflow, and then brought back
 * into that range or refused. */
#include "config.h"

#include "arith.h"

/* clang, unlike gcc, reads no comment as a case's fall-through */
#define FALL_THROUGH __attribute__((fallthrough))

#define LIMIT 1000000000000000000LL /* |mantissa| stays below */

static const char too_large[] = N_("the result is too large");

/* m / 10, rounded half away from zero. */
static __int128 drop_digit(__int128 m)
{
	__int128 q = m / 10, r = m % 10;

	return r >= 5 ? q + 1 : r <= -5 ? q - 1 : q;
}

/* m / 10^scale, rounded half away from zero to at most 6 decimals (fewer
 * where 18 digits would not hold them), with no trailing zeros, into out;
 * too_large if the whole part does not fit. */
static const char *normalise(pactum_decimal *out, __int128 m, unsigned scale)
{
	/* beyond 6 decimals, or too many digits for 18 while decimals are
	 * left to give up (10^15 / 3 keeps 2 of them) */
	while (scale > PACTUM_DECIMAL_MAX_SCALE ||
	       (scale > 0 && (m >= LIMIT || m <= -LIMIT))) {
		m = drop_digit(m);
		scale--;
	}
	while (scale > 0 && m % 10 == 0) {
		m /= 10;
		scale--;
	}
	if (m >= LIMIT || m <= -LIMIT)
		return too_large;
	out->mantissa = (int64_t)m;
	out->scale = (uint8_t)scale;
	return NULL;
}

static __int128 scaled(const pactum_decimal *a, unsigned scale)
{
	__int128 m = a->mantissa;
	unsigned s;

	for (s = a->scale; s < scale; s++)
		m *= 10;
	return m;
}

static unsigned max_scale(const pactum_decimal *a, const pactum_decimal *b)
{
	return a->scale > b->scale ? a->scale : b->scale;
}

const char *pactum__decimal_add(pactum_decimal *out, const pactum_decimal *a,
				const pactum_decimal *b)
{
	unsigned s = max_scale(a, b);

	return normalise(out, scaled(a, s) + scaled(b, s), s);
}

const char *pactum__decimal_sub(pactum_decimal *out, const pactum_decimal *a,
				const pactum_decimal *b)
{
	unsigned s = max_scale(a, b);

	return normalise(out, scaled(a, s) - scaled(b, s), s);
}

const char *pactum__decimal_mul(pactum_decimal *out, const pactum_decimal *a,
				const pactum_decimal *b)
{
	/* |product| < 10^36 < 2^127; scale at most 12 */
	return normalise(out, (__int128)a->mantissa * b->mantissa,
			 (unsigned)a->scale + b->scale);
}

const char *pactum__decimal_div(pactum_decimal *out, const pactum_decimal *a,
				const pactum_decimal *b)
{
	/* a/b at 6 decimals: |a| * 10^12 < 10^30 fits, and so does 2|r| */
	unsigned shift = PACTUM_DECIMAL_MAX_SCALE + b->scale - a->scale, i;
	__int128 num = a->mantissa, q, r, half;

	if (b->mantissa == 0)
		return N_("division by zero");
	for (i = 0; i < shift; i++)
		num *= 10;
	q = num / b->mantissa;
	r = num % b->mantissa;
	half = (__int128)b->mantissa;
	if (r < 0)
		r = -r;
	if (half < 0)
		half = -half;
	if (2 * r >= half) /* half away from zero */
		q += (num < 0) == (b->mantissa < 0) ? 1 : -1;
	return normalise(out, q, PACTUM_DECIMAL_MAX_SCALE);
}

const char *pactum__decimal_percent(pactum_decimal *out,
				    const pactum_decimal *a)
{
	return normalise(out, a->mantissa, (unsigned)a->scale + 2);
}

void pactum__decimal_round(pactum_decimal *out, const pactum_decimal *a,
			   unsigned digits)
{
	__int128 m = a->mantissa;
	unsigned scale = a->scale;

	while (scale > digits) {
		m = drop_digit(m);
		scale--;
	}
	/* cannot grow past the limit: rounding 999... up adds a digit only
	 * where a decimal was dropped */
	out->mantissa = (int64_t)m;
	out->scale = (uint8_t)scale;
}

const char *pactum__decimal_from_integer(pactum_decimal *out, int64_t v)
{
	return normalise(out, v, 0);
}

static int sign_of(__int128 a, __int128 b)
{
	return (a > b) - (a < b);
}

int pactum__decimal_compare(const pactum_decimal *a, const pactum_decimal *b)
{
	unsigned s = max_scale(a, b);

	return sign_of(scaled(a, s), scaled(b, s));
}

static int leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int pactum__month_days(int64_t y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30,
				    31, 31, 30, 31, 30, 31 };

	return m == 2 && leap(y) ? 29 : days[m - 1];
}

/* Days from 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's
 * days_from_civil), and back. */
int64_t pactum__day_number(int64_t y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil(int64_t z, int64_t *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468; /* from 0000-03-01 */
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

const char *pactum__date_add(pactum_value *out, const pactum_value *date,
			     const pactum_value *duration, int sign)
{
	int64_t n = (int64_t)duration->u.duration.count * sign;
	int64_t y = date->u.date.year;
	int m = date->u.date.month, d = date->u.date.day;

	switch (duration->u.duration.unit) {
	case PACTUM_WEEKS:
		n *= 7;
		FALL_THROUGH;
	case PACTUM_DAYS:
		civil(pactum__day_number(y, m, d) + n, &y, &m, &d);
		break;
	case PACTUM_YEARS:
		n *= 12;
		FALL_THROUGH;
	case PACTUM_MONTHS: {
		int64_t months = y * 12 + (m - 1) + n;

		y = months >= 0 ? months / 12 : -1;
		m = (int)(months % 12) + 1;
		if (y >= 1 && d > pactum__month_days(y, m))
			d = pactum__month_days(y, m);
		break;
	}
	}
	if (y < 1 || y > 9999)
		return N_("the date falls outside the years 1 to 9999");
	*out = *date;
	out->u.date.year = (int)y;
	out->u.date.month = m;
	out->u.date.day = d;
	return NULL;
}

int64_t pactum__date_diff(const pactum_value *a, const pactum_value *b)
{
	return pactum__day_number(b->u.date.year, b->u.date.month,
				  b->u.date.day) -
	       pactum__day_number(a->u.date.year, a->u.date.month,
				  a->u.date.day);
}
