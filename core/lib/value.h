/* Typed parameter values: parsed from deal data and formatted per language
 * from pactum's own tables, never through setlocale(), printf's %f or the
 * environment, so the same input gives the same bytes everywhere. */
#ifndef PACTUM_VALUE_H
#define PACTUM_VALUE_H

#include "internal.h"
#include "words.h"

struct pactum_catalog;

typedef enum pactum_type {
	PACTUM_TYPE_TEXT = 0,
	PACTUM_TYPE_DATE,
	PACTUM_TYPE_MONEY,
	PACTUM_TYPE_NUMBER,
	PACTUM_TYPE_PERCENT,
	PACTUM_TYPE_INTEGER,
	PACTUM_TYPE_DURATION,
	PACTUM_TYPE_BOOLEAN,
	PACTUM_TYPE_CHOICE,
	PACTUM_TYPE_LIST,
	PACTUM_TYPE_COUNTRY
} pactum_type;

struct pactum_record;

/* A decimal number, exactly: mantissa / 10^scale.  |mantissa| < 10^18,
 * scale <= 6. */
typedef struct pactum_decimal {
	int64_t mantissa;
	uint8_t scale;
} pactum_decimal;

typedef enum pactum_duration_unit {
	PACTUM_DAYS = 0,
	PACTUM_WEEKS,
	PACTUM_MONTHS,
	PACTUM_YEARS
} pactum_duration_unit;

typedef struct pactum_value {
	pactum_type type;
	union {
		struct {
			const char *ptr; /* borrowed from the parsed string */
			size_t len;
		} text;                  /* TEXT and CHOICE */
		struct {
			int year; /* 1..9999 */
			int month; /* 1..12 */
			int day;   /* valid for the month, leap years included */
		} date;
		struct {
			pactum_decimal amount;
			char currency[4]; /* ISO 4217 alphabetic, NUL-terminated */
		} money;
		pactum_decimal number;   /* NUMBER and PERCENT (20 means 20 %) */
		int64_t integer;
		struct {
			uint32_t count;
			pactum_duration_unit unit;
		} duration;
		int boolean;
		struct {
			const struct pactum_record *records;
			size_t n;
			/* the record being shown, while a <repeat> shows
			 * one; else NULL */
			const struct pactum_record *current;
		} list;
	} u;
} pactum_value;

/* One record of a list: its fields' values in the order the list
 * declares them, and which are given. */
typedef struct pactum_record {
	pactum_value *fields;
	unsigned char *given;
	pactum_pos pos;          /* where the deal gives it */
} pactum_record;

/* "text", "date", ... → type; PACTUM_EINVAL for an unknown name. */
int pactum__type_parse(pactum_type *out, const char *name);
/* The type's name; borrowed, static. */
const char *pactum__type_name(pactum_type type);

/* Traits of a type, from its row in value.c's table. */
#define PACTUM_TYPE_ORDERED 0x1u /* has bounds and <, >: dates, amounts */
#define PACTUM_TYPE_COUNTS 0x2u  /* picks a plural form: integer, duration */
#define PACTUM_TYPE_TEXTUAL 0x4u /* compared with literals only, never
				    with another parameter: text, choice */
/* Nonzero when type has every trait of flags. */
int pactum__type_is(pactum_type type, unsigned flags);

/*
 * Parse the len bytes of s as a value of type (the notation is documented
 * in the README, "Values"):
 *   text      any valid UTF-8 without control characters (tab, CR, LF
 *             included); leading and trailing white space is not trimmed
 *   date      YYYY-MM-DD, a real calendar date
 *   money     "1234.56 EUR" (amount, one space, ISO 4217 code of three
 *             upper-case letters); at most as many decimals as the
 *             currency has minor units (pactum__currency_digits())
 *   number    -?DIGITS(.DIGITS)?
 *   percent   a number, optionally followed by "%"
 *   integer   -?DIGITS
 *   duration  COUNT followed by d, w, m or y ("30d", "3m", "1y")
 *   boolean   true/false, yes/no, 1/0
 *   choice    the string itself; the caller checks it against the choices
 *   list      never parsed: its records come as records (resolve.c)
 * No leading or trailing white space is accepted (but for text).  On
 * failure returns PACTUM_EINPUT and sets *expected to a short English
 * description of what the type accepts ("a date as YYYY-MM-DD"), suitable
 * for _() (the strings are marked with N_()).  Text and choice values
 * borrow s.
 */
int pactum__value_parse(pactum_value *out, pactum_type type, const char *s,
			size_t len, const char **expected);

/* The decimals of currency code (ISO 4217 minor units): EUR 2, JPY 0,
 * KWD 3; 2 for a code pactum does not know. */
unsigned pactum__currency_digits(const char *code);

/*
 * Compare two values of the same type: <0, 0, >0.  Text and choice compare
 * bytewise; money compares amounts (the caller checks currencies agree);
 * durations compare only when their units agree (else returns 0 and sets
 * *incomparable when that is not NULL).
 */
int pactum__value_compare(const pactum_value *a, const pactum_value *b,
			  int *incomparable);

/* A language's conventions: its words and its CLDR data (locale.c). */
typedef struct pactum_locale pactum_locale;

/*
 * Build the locale of language tag lang ("de", "de-AT") from cat, its
 * "pactum-words" catalog (NULL for English), and ICU.  A word the catalog
 * lacks is an error (a warning with draft, then English serves), except
 * for English and its variants; so is a translation that drops or adds a
 * {field}, and a language ICU has no data for.  Owned: release with
 * pactum__locale_free(); cat must outlive it.  PACTUM_OK, PACTUM_EINPUT
 * (reported to diag) or PACTUM_ENOMEM.
 */
int pactum__locale_new(pactum_locale **out, const char *lang,
		       const struct pactum_catalog *cat, int draft, pactum_diag *diag);
void pactum__locale_free(pactum_locale *loc);
/* English without a catalog, built once: for messages.  NULL when out of
 * memory. */
const pactum_locale *pactum__locale_english(void);
/* The locale's language tag; borrowed. */
const char *pactum__locale_lang(const pactum_locale *loc);
/* Whether tag lang is English or a regional variant of it ("en-US"):
 * its words are the English where a catalog lacks them. */
int pactum__lang_english(const char *lang);
/* The catalog directory of language tag lang: "de_AT"; with base set,
 * the language's alone: "de". */
void pactum__lang_dir(char out[8], const char *lang, int base);

/*
 * Append the value, formatted for loc, to out:
 *   date      de "1. März 2027"        en "1 March 2027"
 *   money     de "1.234,56 EUR"        en "EUR 1,234.56"
 *   number    de "1.234,5"             en "1,234.5"
 *   percent   de "20 %" (U+00A0 NO-BREAK SPACE before %)   en "20%"
 *   integer   de "1.234"               en "1,234"
 *   duration  de "1 Tag", "30 Tage", "3 Monate", "1 Jahr"
 *             en "1 day", "30 days", "3 months", "1 year"
 *   boolean   de "ja"/"nein"           en "yes"/"no"
 *   text, choice: the bytes as they are (choice labels are translated by
 *             the caller, not here)
 * Digits are grouped by three from 1000 on, in both languages ("1.234",
 * "1,234"); decimal mark de ",", en ".".  Money shows exactly the
 * currency's minor units ("EUR 1,200.00").  Returns PACTUM_OK or
 * PACTUM_ENOMEM.
 */
int pactum__value_format(pactum_buf *out, const pactum_value *v,
			 const pactum_locale *loc);

/* A grammatical case a translation may ask a value in: "{term|dat}" for
 * "innerhalb von 30 Tagen".  Only durations decline (German unit words);
 * other values and languages are the same in every case. */
typedef enum pactum_case {
	PACTUM_CASE_NOMINATIVE = 0,
	PACTUM_CASE_GENITIVE,
	PACTUM_CASE_DATIVE,
	PACTUM_CASE_ACCUSATIVE,
	PACTUM_CASE_COUNT_
} pactum_case;

/* "nom", "gen", "dat", "acc" (len bytes) → case; -1 for anything else. */
int pactum__case_parse(const char *s, size_t len);
/* Append v's canonical form, the same in every language: as a deal writes
 * it ("10000.50 EUR", "2027-01-15", "3m", "yes"). */
int pactum__value_canonical(pactum_buf *out, const pactum_value *v);
/* The pactum_value_type of plugin.h for type; 0 for a list. */
int pactum__value_type_public(pactum_type type);

/* As pactum__value_format(), in grammatical case c. */
int pactum__value_format_case(pactum_buf *out, const pactum_value *v,
			      const pactum_locale *loc, pactum_case c);

/* Append money v by pattern (as a locale's money pattern), with currency
 * text for %c and digits decimals. */
void pactum__money_put(pactum_buf *out, const pactum_locale *loc,
		       const pactum_value *v, const char *pattern,
		       const char *currency, unsigned digits);

/* A way to show a value that a placeholder may ask for, format="words"
 * (format.c): money code, symbol, whole, words; integer grouped, plain,
 * words, ordinal; date long, short, numeric, iso. */
typedef struct pactum_format pactum_format;
/* The format of type named name, or NULL. */
const pactum_format *pactum__format_find(pactum_type type, const char *name);
/* Append the names of type's formats, "long, short, numeric, iso"; none
 * for a type without formats. */
void pactum__format_names(pactum_buf *out, pactum_type type);
/* Append v in format; NULL, or an English reason marked N_() why v cannot
 * be shown so ("the amount has cents ..."); out->oom when out of memory. */
const char *pactum__format_put(pactum_buf *out, const pactum_value *v,
			       const pactum_locale *loc,
			       const pactum_format *format);

/* Word w of loc (translated, or English); borrowed, never NULL. */
const char *pactum__locale_word(const pactum_locale *loc, pactum_word w);
/* The form of plural word w for a count of n, by the catalog's
 * Plural-Forms. */
const char *pactum__locale_nword(const pactum_locale *loc, pactum_word w,
				 unsigned long n);
/* Append the name of language lang as word w (PACTUM_WORD_LANGUAGE_IN or
 * _OF) says it in loc's language: German "deutscher" for "en"... "de".
 * PACTUM_EINPUT (reported) when loc's catalog lacks it. */
int pactum__locale_put_language(pactum_buf *out, const pactum_locale *loc,
				pactum_word w, const char *lang,
				pactum_diag *diag);

#endif /* PACTUM_VALUE_H */
