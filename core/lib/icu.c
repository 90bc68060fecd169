/* The ICU calls, in one file: everything else stays free of UChar. */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <unicode/ucal.h>
#include <unicode/ucurr.h>
#include <unicode/udat.h>
#include <unicode/udatpg.h>
#include <unicode/uloc.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>

#include "arith.h"
#include "icu.h"

#define MAX_UCHARS 512 /* 999 999 999 999 in German words is 150 */

/* Append s (len UTF-16 units) as UTF-8, leaving out soft hyphens: where a
 * word breaks is the writer's business. */
static int put_uchars(pactum_buf *out, const UChar *s, int32_t len)
{
	UChar kept[MAX_UCHARS];
	char utf8[MAX_UCHARS * 3];
	int32_t i, n = 0, n8 = 0;
	UErrorCode status = U_ZERO_ERROR;

	if (len < 0 || len > MAX_UCHARS)
		return PACTUM_EINVAL;
	for (i = 0; i < len; i++)
		if (s[i] != 0x00AD)
			kept[n++] = s[i];
	u_strToUTF8(utf8, (int32_t)sizeof(utf8), &n8, kept, n, &status);
	if (U_FAILURE(status))
		return PACTUM_EINVAL;
	pactum__buf_put(out, utf8, (size_t)n8);
	return out->oom ? PACTUM_ENOMEM : PACTUM_OK;
}

/* A formatter set up for a rule set, or NULL. */
static UNumberFormat *open_formatter(const char *locale,
				     UNumberFormatStyle style,
				     const char *ruleset)
{
	UErrorCode status = U_ZERO_ERROR;
	UNumberFormat *f = unum_open(style, NULL, 0, locale, NULL, &status);
	UChar rules[64];

	if (U_FAILURE(status)) {
		if (f)
			unum_close(f);
		return NULL;
	}
	if (ruleset != NULL) {
		u_uastrncpy(rules, ruleset, (int32_t)PACTUM_ARRAY_SIZE(rules) - 1);
		rules[PACTUM_ARRAY_SIZE(rules) - 1] = 0;
		unum_setTextAttribute(f, UNUM_DEFAULT_RULESET, rules, -1,
				      &status);
		/* a language without genders has no "-masculine" set: its
		 * plain cardinal, else its default */
		if (U_FAILURE(status)) {
			status = U_ZERO_ERROR;
			u_uastrncpy(rules, "%spellout-cardinal",
				    (int32_t)PACTUM_ARRAY_SIZE(rules) - 1);
			unum_setTextAttribute(f, UNUM_DEFAULT_RULESET, rules,
					      -1, &status);
		}
	}
	return f;
}

/*
 * Opening a rule-based formatter parses the language's whole RBNF rule
 * text: 6.5 M instructions, where formatting one number takes a few
 * thousand.  So each (locale, style, rule set) is opened once per process
 * and kept; a formatter is never changed after it is set up, and one lock
 * keeps two threads from formatting with it at once.  The table is small
 * and bounded (a render uses a handful): past it, formatters are opened
 * per call as before.
 */
#define FORMATTERS 32

static struct formatter {
	char locale[32];
	char ruleset[64];
	UNumberFormatStyle style;
	UNumberFormat *f;
} formatters[FORMATTERS];
static size_t nformatters;
static pthread_mutex_t formatters_lock = PTHREAD_MUTEX_INITIALIZER;

/* The kept formatter, opened on first use; NULL when it cannot be kept.
 * Called with the lock held. */
static UNumberFormat *kept_formatter(const char *locale,
				     UNumberFormatStyle style,
				     const char *ruleset)
{
	const char *rs = ruleset ? ruleset : "";
	struct formatter *k;
	size_t i;

	if (strlen(locale) >= sizeof(k->locale) ||
	    strlen(rs) >= sizeof(k->ruleset))
		return NULL;
	for (i = 0; i < nformatters; i++) {
		k = &formatters[i];
		if (k->style == style && strcmp(k->locale, locale) == 0 &&
		    strcmp(k->ruleset, rs) == 0)
			return k->f;
	}
	if (nformatters == FORMATTERS)
		return NULL;
	k = &formatters[nformatters];
	k->f = open_formatter(locale, style, ruleset);
	if (k->f == NULL)
		return NULL;
	strcpy(k->locale, locale);
	strcpy(k->ruleset, rs);
	k->style = style;
	nformatters++;
	return k->f;
}

static int format_number(pactum_buf *out, const char *locale, int64_t n,
			 UNumberFormatStyle style, const char *ruleset)
{
	UErrorCode status = U_ZERO_ERROR;
	UNumberFormat *f, *own = NULL;
	UChar text[MAX_UCHARS];
	int32_t len;
	int error = PACTUM_EINVAL;

	pthread_mutex_lock(&formatters_lock);
	f = kept_formatter(locale, style, ruleset);
	if (f == NULL)
		f = own = open_formatter(locale, style, ruleset);
	if (f == NULL)
		goto cleanup;
	len = unum_formatInt64(f, n, text, MAX_UCHARS, NULL, &status);
	if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING)
		goto cleanup;
	error = put_uchars(out, text, len);
cleanup:
	pthread_mutex_unlock(&formatters_lock);
	if (own != NULL)
		unum_close(own);
	return error;
}

int pactum__icu_spell(pactum_buf *out, const char *locale, int64_t n,
		      const char *ruleset)
{
	return format_number(out, locale, n, UNUM_SPELLOUT, ruleset);
}

int pactum__icu_ordinal(pactum_buf *out, const char *locale, int64_t n)
{
	return format_number(out, locale, n, UNUM_ORDINAL, NULL);
}

/* The CLDR date pattern of locale that fits skeleton, in pattern[64];
 * its length, or -1. */
static int32_t best_pattern(UChar pattern[64], const char *locale,
			    const char *skeleton)
{
	UErrorCode status = U_ZERO_ERROR;
	UDateTimePatternGenerator *gen = udatpg_open(locale, &status);
	UChar sk[32];
	int32_t len = -1;

	if (U_FAILURE(status))
		goto cleanup;
	u_uastrncpy(sk, skeleton, (int32_t)PACTUM_ARRAY_SIZE(sk) - 1);
	sk[PACTUM_ARRAY_SIZE(sk) - 1] = 0;
	len = udatpg_getBestPattern(gen, sk, -1, pattern, 64, &status);
	if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING)
		len = -1;
cleanup:
	if (gen != NULL)
		udatpg_close(gen);
	return len;
}

int pactum__icu_date(pactum_buf *out, const char *locale, int year,
		     int month, int day, const char *skeleton)
{
	static const UChar utc[] = { 'U', 'T', 'C', 0 };
	UErrorCode status = U_ZERO_ERROR;
	UDateFormat *fmt = NULL;
	UChar pattern[64], text[MAX_UCHARS];
	UCalendar *cal;
	int32_t len;
	int error = PACTUM_EINVAL;

	if (best_pattern(pattern, locale, skeleton) < 0)
		goto cleanup;
	fmt = udat_open(UDAT_PATTERN, UDAT_PATTERN, locale, utc, -1, pattern,
			-1, &status);
	if (U_FAILURE(status))
		goto cleanup;
	/* the Gregorian calendar back to year 1, not Julian before 1582 */
	cal = (UCalendar *)udat_getCalendar(fmt);
	ucal_setGregorianChange(cal, -1e300, &status);
	len = udat_format(fmt, (UDate)pactum__day_number(year, month, day) * 86400000.0,
			  text, MAX_UCHARS, NULL, &status);
	if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING)
		goto cleanup;
	error = put_uchars(out, text, len);
cleanup:
	if (fmt != NULL)
		udat_close(fmt);
	return error;
}

static int currency(UChar code[4], const char *s)
{
	size_t i;

	if (strlen(s) != 3)
		return 0;
	for (i = 0; i < 3; i++)
		code[i] = (UChar)(unsigned char)s[i];
	code[3] = 0;
	return 1;
}

/* The symbol of code (category NULL) or its name for a plural
 * category. */
static int currency_text(pactum_buf *out, const char *locale,
			 const char *code, const char *category)
{
	UErrorCode status = U_ZERO_ERROR;
	UChar iso[4];
	UBool choice;
	int32_t len;
	const UChar *name;

	if (!currency(iso, code))
		return PACTUM_EINVAL;
	name = category == NULL
		       ? ucurr_getName(iso, locale, UCURR_SYMBOL_NAME, &choice,
				       &len, &status)
		       : ucurr_getPluralName(iso, locale, &choice, category,
					     &len, &status);
	if (U_FAILURE(status) || name == NULL)
		return PACTUM_EINVAL;
	return put_uchars(out, name, len);
}

int pactum__icu_currency_symbol(pactum_buf *out, const char *locale,
				const char *code)
{
	return currency_text(out, locale, code, NULL);
}

int pactum__icu_currency_name(pactum_buf *out, const char *locale,
			      const char *code, const char *category)
{
	return currency_text(out, locale, code, category);
}

/* --------------------------------------------------------- countries */

int pactum__icu_country_known(const char *code)
{
	const char *const *c;

	if (strlen(code) != 2)
		return 0;
	for (c = uloc_getISOCountries(); *c != NULL; c++)
		if (strcmp(*c, code) == 0)
			return 1;
	return 0;
}

int pactum__icu_country_name(pactum_buf *out, const char *locale,
			     const char *code)
{
	UErrorCode status = U_ZERO_ERROR;
	UChar name[MAX_UCHARS];
	char region[8];
	int32_t len;

	/* "und_AT": the region alone, whatever language it is named in */
	if (!pactum__icu_country_known(code))
		return PACTUM_EINVAL;
	snprintf(region, sizeof(region), "und_%s", code);
	len = uloc_getDisplayCountry(region, locale, name, MAX_UCHARS, &status);
	/* a locale without the name gives the code back: not a name */
	if (U_FAILURE(status) || status == U_USING_DEFAULT_WARNING || len <= 0)
		return PACTUM_EINVAL;
	return put_uchars(out, name, len);
}

/* ------------------------------------------------- a locale's conventions */

int pactum__icu_known(const char *locale)
{
	char lang[16], other[16];
	UErrorCode status = U_ZERO_ERROR;
	int32_t i, n = uloc_countAvailable();

	uloc_getLanguage(locale, lang, (int32_t)sizeof(lang), &status);
	if (U_FAILURE(status) || lang[0] == '\0')
		return 0;
	for (i = 0; i < n; i++) {
		status = U_ZERO_ERROR;
		uloc_getLanguage(uloc_getAvailable(i), other,
				 (int32_t)sizeof(other), &status);
		if (U_SUCCESS(status) && strcmp(lang, other) == 0)
			return 1;
	}
	return 0;
}

/* A number symbol (symbol >= 0) or, else, the pattern of a formatter of
 * style. */
static int number_text(pactum_buf *out, const char *locale,
		       UNumberFormatStyle style, int symbol)
{
	UErrorCode status = U_ZERO_ERROR;
	UNumberFormat *f = unum_open(style, NULL, 0, locale, NULL, &status);
	UChar text[MAX_UCHARS];
	int32_t len = 0;
	int error = PACTUM_EINVAL;

	if (U_SUCCESS(status))
		len = symbol >= 0
			      ? unum_getSymbol(f, (UNumberFormatSymbol)symbol,
					       text, MAX_UCHARS, &status)
			      : unum_toPattern(f, 0, text, MAX_UCHARS, &status);
	if (U_SUCCESS(status) && status != U_STRING_NOT_TERMINATED_WARNING)
		error = put_uchars(out, text, len);
	if (f != NULL)
		unum_close(f);
	return error;
}

int pactum__icu_number_symbol(pactum_buf *out, const char *locale,
			      pactum_icu_symbol which)
{
	static const UNumberFormatSymbol symbols[] = {
		[PACTUM_ICU_DECIMAL] = UNUM_DECIMAL_SEPARATOR_SYMBOL,
		[PACTUM_ICU_GROUP] = UNUM_GROUPING_SEPARATOR_SYMBOL,
		[PACTUM_ICU_PERCENT] = UNUM_PERCENT_SYMBOL,
	};

	return number_text(out, locale, UNUM_DECIMAL, (int)symbols[which]);
}

int pactum__icu_number_pattern(pactum_buf *out, const char *locale,
			       int currency)
{
	return number_text(out, locale, currency ? UNUM_CURRENCY : UNUM_PERCENT,
			   -1);
}

int pactum__icu_long_date(pactum_buf *pattern, pactum_buf months[12],
			  const char *locale)
{
	UErrorCode status = U_ZERO_ERROR;
	UDateFormat *fmt = udat_open(UDAT_NONE, UDAT_LONG, locale, NULL, 0,
				     NULL, 0, &status);
	UChar text[128];
	int32_t len;
	int m, error = PACTUM_EINVAL;

	if (U_FAILURE(status))
		goto cleanup;
	len = udat_toPattern(fmt, 0, text, (int32_t)PACTUM_ARRAY_SIZE(text),
			     &status);
	if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING ||
	    (error = put_uchars(pattern, text, len)) != PACTUM_OK)
		goto cleanup;
	/* the format form, wide: "Jänner" in de_AT, "janvier" in fr */
	for (m = 0; m < 12 && error == PACTUM_OK; m++) {
		len = udat_getSymbols(fmt, UDAT_MONTHS, m, text,
				      (int32_t)PACTUM_ARRAY_SIZE(text), &status);
		error = U_FAILURE(status) ||
				status == U_STRING_NOT_TERMINATED_WARNING
			? PACTUM_EINVAL
			: put_uchars(&months[m], text, len);
	}
cleanup:
	if (fmt != NULL)
		udat_close(fmt);
	return error;
}

int pactum__icu_language_name(pactum_buf *out, const char *lang)
{
	UErrorCode status = U_ZERO_ERROR;
	UChar text[64];
	int32_t len = uloc_getDisplayLanguage(lang, "en", text,
					      (int32_t)PACTUM_ARRAY_SIZE(text),
					      &status);

	if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING)
		return PACTUM_EINVAL;
	return put_uchars(out, text, len);
}
