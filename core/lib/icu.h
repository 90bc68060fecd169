/* Locale data from ICU (CLDR): numbers in words, ordinals, currency names
 * and symbols, short and numeric dates.  ICU is the one place pactum takes
 * these from, rather than tables of its own; every call names its locale
 * and the time zone UTC, so the environment never changes the output.
 * Each function appends UTF-8 to out and returns PACTUM_OK, PACTUM_ENOMEM,
 * or PACTUM_EINVAL when ICU cannot do it. */
#ifndef PACTUM_ICU_H
#define PACTUM_ICU_H

#include "internal.h"

/* n in words by the RBNF rule set ("%spellout-cardinal",
 * "%spellout-cardinal-masculine", ...) of locale; without ICU's soft
 * hyphens. */
int pactum__icu_spell(pactum_buf *out, const char *locale, int64_t n,
		      const char *ruleset);
/* n as an ordinal in digits: "23." (de), "23rd" (en). */
int pactum__icu_ordinal(pactum_buf *out, const char *locale, int64_t n);
/* The date by the CLDR pattern that fits skeleton ("yMMMd", "yMMdd"). */
int pactum__icu_date(pactum_buf *out, const char *locale, int year,
		     int month, int day, const char *skeleton);
/* The symbol of currency code ("€", "US$"). */
int pactum__icu_currency_symbol(pactum_buf *out, const char *locale,
				const char *code);
/* The name of currency code for the plural category ("one", "other"):
 * "euros", "Schweizer Franken". */
int pactum__icu_currency_name(pactum_buf *out, const char *locale,
			      const char *code, const char *category);

/* Whether code is an ISO 3166-1 alpha-2 country code that CLDR names. */
int pactum__icu_country_known(const char *code);
/* The name of country code in locale's language: "Österreich",
 * "Austria". */
int pactum__icu_country_name(pactum_buf *out, const char *locale,
			     const char *code);

/* The conventions a locale is built from (locale.c), each read once per
 * language. */

/* Whether ICU has data for the language of locale ("de" of "de_AT"). */
int pactum__icu_known(const char *locale);

typedef enum pactum_icu_symbol {
	PACTUM_ICU_DECIMAL,
	PACTUM_ICU_GROUP,
	PACTUM_ICU_PERCENT
} pactum_icu_symbol;
/* A number symbol: the decimal mark, the group separator, the percent
 * sign. */
int pactum__icu_number_symbol(pactum_buf *out, const char *locale,
			      pactum_icu_symbol which);
/* The CLDR pattern of percentages ("#,##0\u00a0%") or, currency set, of
 * amounts ("#,##0.00\u00a0\u00a4"). */
int pactum__icu_number_pattern(pactum_buf *out, const char *locale,
			       int currency);
/* The CLDR long date pattern of locale ("d. MMMM y") into pattern, and
 * the month names as they stand in a date into months[0..11] ("Jänner"
 * in de_AT). */
int pactum__icu_long_date(pactum_buf *pattern, pactum_buf months[12],
			  const char *locale);

/* The English name of language ("de" → "German"). */
int pactum__icu_language_name(pactum_buf *out, const char *lang);

#endif /* PACTUM_ICU_H */
