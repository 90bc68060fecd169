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

#endif /* PACTUM_ICU_H */
