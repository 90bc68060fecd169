/* Exact arithmetic on values: decimals (never binary floating point, so
 * that an amount is what a person computes by hand) and calendar dates.
 * Each operation returns NULL, or on failure an English reason marked
 * with N_() ("division by zero") and leaves *out unspecified. */
#ifndef PACTUM_ARITH_H
#define PACTUM_ARITH_H

#include "value.h"

/* Intermediate results keep at most this many decimals, rounded half away
 * from zero beyond them. */
#define PACTUM_DECIMAL_MAX_SCALE 6

const char *pactum__decimal_add(pactum_decimal *out, const pactum_decimal *a,
				const pactum_decimal *b);
const char *pactum__decimal_sub(pactum_decimal *out, const pactum_decimal *a,
				const pactum_decimal *b);
const char *pactum__decimal_mul(pactum_decimal *out, const pactum_decimal *a,
				const pactum_decimal *b);
const char *pactum__decimal_div(pactum_decimal *out, const pactum_decimal *a,
				const pactum_decimal *b);
/* a / 100: a percentage applied ("20 %" of something). */
const char *pactum__decimal_percent(pactum_decimal *out,
				    const pactum_decimal *a);
/* a rounded half away from zero ("kaufmännisch", DIN 1333) to at most
 * digits decimals. */
void pactum__decimal_round(pactum_decimal *out, const pactum_decimal *a,
			   unsigned digits);
const char *pactum__decimal_from_integer(pactum_decimal *out, int64_t v);
int pactum__decimal_compare(const pactum_decimal *a, const pactum_decimal *b);

/*
 * date plus sign (+1 or -1) times duration.  Days and weeks count days.
 * Months and years keep the day of the month, and where the target month
 * is shorter take its last day (BGB § 188 (3)): 31 January + 1 month is
 * 28 February, or 29 February in a leap year; 29 February 2028 + 1 year is
 * 28 February 2029.  The result must lie in the years 1 to 9999.
 */
const char *pactum__date_add(pactum_value *out, const pactum_value *date,
			     const pactum_value *duration, int sign);
/* The days of month m (1..12) of year y, leap years included. */
int pactum__month_days(int64_t y, int m);
/* Days from 1970-01-01 to y-m-d, proleptic Gregorian (negative before). */
int64_t pactum__day_number(int64_t y, int m, int d);
/* The number of days from a to b (b - a), dates both. */
int64_t pactum__date_diff(const pactum_value *a, const pactum_value *b);

#endif /* PACTUM_ARITH_H */
