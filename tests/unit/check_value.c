/* Typed values: parsing, ordering and the per-language formats, byte for
 * byte, whatever the process locale. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "doc.h"
#include "value.h"

#define NBSP "\xc2\xa0"

/* Parse s (NUL-terminated) as type, failing the test on an error. */
static pactum_value parse_ok(pactum_type type, const char *s)
{
	const char *expected = NULL;
	pactum_value v;
	int rc = pactum__value_parse(&v, type, s, strlen(s), &expected);

	ck_assert_msg(rc == PACTUM_OK, "%s \"%s\": rc %d, expected %s",
		      pactum__type_name(type), s, rc,
		      expected ? expected : "(null)");
	ck_assert_int_eq(v.type, type);
	return v;
}

static pactum_translator *test_tr;

static void free_test_translator(void)
{
	pactum_translator_free(test_tr);
}

/* The locale of lang from the build tree's catalogs, built once per
 * test process and kept until it ends. */
const pactum_locale *test_locale(const char *lang)
{
	pactum_translator *tr = test_tr;
	const pactum_locale *loc = NULL;
	pactum_diag *diag = NULL;

	if (tr == NULL) {
		ck_assert_int_eq(pactum_translator_new(&tr, TEST_CATALOGS),
				 PACTUM_OK);
		test_tr = tr;
		atexit(free_test_translator);
	}
	ck_assert_int_eq(pactum_diag_new(&diag), PACTUM_OK);
	ck_assert_int_eq(pactum__translator_locale(&loc, tr, lang, diag),
			 PACTUM_OK);
	pactum_diag_free(diag);
	return loc;
}

/* Owned: the value formatted for lang; release with pactum_free(). */
static char *format(const pactum_value *v, const char *lang)
{
	const pactum_locale *loc = test_locale(lang);
	pactum_buf buf = PACTUM_BUF_INIT;
	char *s;

	ck_assert_ptr_nonnull(loc);
	ck_assert_int_eq(pactum__value_format(&buf, v, loc), PACTUM_OK);
	s = pactum__buf_detach(&buf);
	ck_assert_ptr_nonnull(s);
	return s;
}

static void assert_formats(pactum_type type, const char *in, const char *de,
			   const char *en)
{
	pactum_value v = parse_ok(type, in);
	char *got_de = format(&v, "de");
	char *got_en = format(&v, "en");

	ck_assert_msg(strcmp(got_de, de) == 0, "%s \"%s\" de: \"%s\" != \"%s\"",
		      pactum__type_name(type), in, got_de, de);
	ck_assert_msg(strcmp(got_en, en) == 0, "%s \"%s\" en: \"%s\" != \"%s\"",
		      pactum__type_name(type), in, got_en, en);
	pactum_free(got_de);
	pactum_free(got_en);
}

/* ------------------------------------------------------------------ */

START_TEST(test_type_names)
{
	static const char *const names[] = {
		"text", "date", "money", "number", "percent", "integer",
		"duration", "boolean", "choice", "list", "country",
	};
	static const char *const bad[] = {
		"", "Text", "DATE", "dates", "int", "bool", "money ", "x",
	};
	pactum_type t;
	size_t i;

	for (i = 0; i < PACTUM_ARRAY_SIZE(names); i++) {
		t = (pactum_type)99;
		ck_assert_int_eq(pactum__type_parse(&t, names[i]), PACTUM_OK);
		ck_assert_int_eq(t, (pactum_type)i);
		ck_assert_str_eq(pactum__type_name(t), names[i]);
	}
	for (i = 0; i < PACTUM_ARRAY_SIZE(bad); i++)
		ck_assert_int_eq(pactum__type_parse(&t, bad[i]),
				 PACTUM_EINVAL);
	ck_assert_int_eq(pactum__type_parse(&t, NULL), PACTUM_EINVAL);
	ck_assert_str_eq(pactum__type_name((pactum_type)99), "unknown");
}
END_TEST

START_TEST(test_locales)
{
	static const char *const unsupported[] = {
		"", "DE", "En", "de_DE", "de-de", "e", "de-AUT", "de-", "deutsch",
	};
	static const char *const tags[] = { "de", "fr", "deu", "de-AT", "en-XA" };
	const pactum_locale *de = test_locale("de");
	const pactum_locale *en = test_locale("en");
	size_t i;

	ck_assert_ptr_nonnull(de);
	ck_assert_ptr_nonnull(en);
	ck_assert_ptr_ne(de, en);
	ck_assert_str_eq(pactum__locale_lang(de), "de");
	ck_assert_str_eq(pactum__locale_lang(en), "en");
	ck_assert_str_eq(pactum__locale_word(de, PACTUM_WORD_XREF),
			 "Ziffer\xc2\xa0{number}");
	ck_assert_str_eq(pactum__locale_word(en, PACTUM_WORD_XREF),
			 "Section\xc2\xa0{number}");
	for (i = 0; i < PACTUM_ARRAY_SIZE(unsupported); i++)
		ck_assert_msg(!pactum_lang_supported(unsupported[i]), "%s",
			      unsupported[i]);
	for (i = 0; i < PACTUM_ARRAY_SIZE(tags); i++)
		ck_assert_msg(pactum_lang_supported(tags[i]), "%s", tags[i]);
	ck_assert(!pactum_lang_supported(NULL));
}
END_TEST

/* ------------------------------------------------------------------ */
/* Valid input and its output in both languages                        */
/* ------------------------------------------------------------------ */

static const struct {
	pactum_type type;
	const char *in;
	const char *de;
	const char *en;
} good[] = {
	/* dates: every month name, leap days, the ends of the range */
	{ PACTUM_TYPE_DATE, "2027-03-01", "1." NBSP "M\xc3\xa4rz" NBSP "2027",
	  "1" NBSP "March" NBSP "2027" },
	{ PACTUM_TYPE_DATE, "2027-01-31", "31." NBSP "Januar" NBSP "2027",
	  "31" NBSP "January" NBSP "2027" },
	{ PACTUM_TYPE_DATE, "2024-02-29", "29." NBSP "Februar" NBSP "2024",
	  "29" NBSP "February" NBSP "2024" },
	{ PACTUM_TYPE_DATE, "2000-02-29", "29." NBSP "Februar" NBSP "2000",
	  "29" NBSP "February" NBSP "2000" },
	{ PACTUM_TYPE_DATE, "2026-04-30", "30." NBSP "April" NBSP "2026",
	  "30" NBSP "April" NBSP "2026" },
	{ PACTUM_TYPE_DATE, "2026-05-09", "9." NBSP "Mai" NBSP "2026",
	  "9" NBSP "May" NBSP "2026" },
	{ PACTUM_TYPE_DATE, "2026-06-30", "30." NBSP "Juni" NBSP "2026",
	  "30" NBSP "June" NBSP "2026" },
	{ PACTUM_TYPE_DATE, "2026-07-31", "31." NBSP "Juli" NBSP "2026",
	  "31" NBSP "July" NBSP "2026" },
	{ PACTUM_TYPE_DATE, "2026-08-31", "31." NBSP "August" NBSP "2026",
	  "31" NBSP "August" NBSP "2026" },
	{ PACTUM_TYPE_DATE, "2026-09-30", "30." NBSP "September" NBSP "2026",
	  "30" NBSP "September" NBSP "2026" },
	{ PACTUM_TYPE_DATE, "2026-10-31", "31." NBSP "Oktober" NBSP "2026",
	  "31" NBSP "October" NBSP "2026" },
	{ PACTUM_TYPE_DATE, "2026-11-30", "30." NBSP "November" NBSP "2026",
	  "30" NBSP "November" NBSP "2026" },
	{ PACTUM_TYPE_DATE, "2026-12-31", "31." NBSP "Dezember" NBSP "2026",
	  "31" NBSP "December" NBSP "2026" },
	{ PACTUM_TYPE_DATE, "0001-01-01", "1." NBSP "Januar" NBSP "1",
	  "1" NBSP "January" NBSP "1" },
	{ PACTUM_TYPE_DATE, "9999-12-31", "31." NBSP "Dezember" NBSP "9999",
	  "31" NBSP "December" NBSP "9999" },
	/* money */
	{ PACTUM_TYPE_MONEY, "1234.56 EUR", "1.234,56\xc2\xa0" "EUR", "EUR\xc2\xa0" "1,234.56" },
	{ PACTUM_TYPE_MONEY, "1200 EUR", "1.200,00\xc2\xa0" "EUR", "EUR\xc2\xa0" "1,200.00" },
	{ PACTUM_TYPE_MONEY, "1200.5 USD", "1.200,50\xc2\xa0" "USD", "USD\xc2\xa0" "1,200.50" },
	{ PACTUM_TYPE_MONEY, "-5.00 EUR", "-5,00\xc2\xa0" "EUR", "-EUR\xc2\xa0" "5.00" },
	{ PACTUM_TYPE_MONEY, "0 CHF", "0,00\xc2\xa0" "CHF", "CHF\xc2\xa0" "0.00" },
	{ PACTUM_TYPE_MONEY, "0.05 GBP", "0,05\xc2\xa0" "GBP", "GBP\xc2\xa0" "0.05" },
	{ PACTUM_TYPE_MONEY, "-0.05 GBP", "-0,05\xc2\xa0" "GBP", "-GBP\xc2\xa0" "0.05" },
	{ PACTUM_TYPE_MONEY, "1500000 JPY", "1.500.000\xc2\xa0" "JPY", "JPY\xc2\xa0" "1,500,000" },
	{ PACTUM_TYPE_MONEY, "999 XYZ", "999,00\xc2\xa0" "XYZ", "XYZ\xc2\xa0" "999.00" },
	{ PACTUM_TYPE_MONEY, "999999999999999999 EUR",
	  "999.999.999.999.999.999,00\xc2\xa0" "EUR", "EUR\xc2\xa0" "999,999,999,999,999,999.00" },
	{ PACTUM_TYPE_MONEY, "-9999999999999999.99 EUR",
	  "-9.999.999.999.999.999,99\xc2\xa0" "EUR", "-EUR\xc2\xa0" "9,999,999,999,999,999.99" },
	/* percent: the scale is kept as given */
	{ PACTUM_TYPE_PERCENT, "20", "20" NBSP "%", "20%" },
	{ PACTUM_TYPE_PERCENT, "20%", "20" NBSP "%", "20%" },
	{ PACTUM_TYPE_PERCENT, "12.5", "12,5" NBSP "%", "12.5%" },
	{ PACTUM_TYPE_PERCENT, "12.50%", "12,50" NBSP "%", "12.50%" },
	{ PACTUM_TYPE_PERCENT, "0.125", "0,125" NBSP "%", "0.125%" },
	{ PACTUM_TYPE_PERCENT, "-1.5", "-1,5" NBSP "%", "-1.5%" },
	{ PACTUM_TYPE_PERCENT, "1500", "1.500" NBSP "%", "1,500%" },
	/* number */
	{ PACTUM_TYPE_NUMBER, "1234.5", "1.234,5", "1,234.5" },
	{ PACTUM_TYPE_NUMBER, "0", "0", "0" },
	{ PACTUM_TYPE_NUMBER, "-0", "0", "0" },
	{ PACTUM_TYPE_NUMBER, "999", "999", "999" },
	{ PACTUM_TYPE_NUMBER, "1000", "1.000", "1,000" },
	{ PACTUM_TYPE_NUMBER, "-1234567.000001", "-1.234.567,000001",
	  "-1,234,567.000001" },
	{ PACTUM_TYPE_NUMBER, "0.000001", "0,000001", "0.000001" },
	{ PACTUM_TYPE_NUMBER, "12.50", "12,50", "12.50" },
	{ PACTUM_TYPE_NUMBER, "007", "7", "7" },
	{ PACTUM_TYPE_NUMBER, "999999999999.999999", "999.999.999.999,999999",
	  "999,999,999,999.999999" },
	/* integer */
	{ PACTUM_TYPE_INTEGER, "1234", "1.234", "1,234" },
	{ PACTUM_TYPE_INTEGER, "0", "0", "0" },
	{ PACTUM_TYPE_INTEGER, "-1", "-1", "-1" },
	{ PACTUM_TYPE_INTEGER, "123", "123", "123" },
	{ PACTUM_TYPE_INTEGER, "-1000", "-1.000", "-1,000" },
	{ PACTUM_TYPE_INTEGER, "100000", "100.000", "100,000" },
	{ PACTUM_TYPE_INTEGER, "9223372036854775807",
	  "9.223.372.036.854.775.807", "9,223,372,036,854,775,807" },
	{ PACTUM_TYPE_INTEGER, "-9223372036854775808",
	  "-9.223.372.036.854.775.808", "-9,223,372,036,854,775,808" },
	/* duration: singular only for exactly one */
	/* one to twelve in words, the form for one declined by the catalog */
	{ PACTUM_TYPE_DURATION, "1d", "ein Tag", "one day" },
	{ PACTUM_TYPE_DURATION, "12d", "zwölf Tage", "twelve days" },
	{ PACTUM_TYPE_DURATION, "13d", "13" NBSP "Tage", "13" NBSP "days" },
	{ PACTUM_TYPE_DURATION, "30d", "30" NBSP "Tage", "30" NBSP "days" },
	{ PACTUM_TYPE_DURATION, "0d", "0" NBSP "Tage", "0" NBSP "days" },
	{ PACTUM_TYPE_DURATION, "1w", "eine Woche", "one week" },
	{ PACTUM_TYPE_DURATION, "2w", "zwei Wochen", "two weeks" },
	{ PACTUM_TYPE_DURATION, "1m", "ein Monat", "one month" },
	{ PACTUM_TYPE_DURATION, "3m", "drei Monate", "three months" },
	{ PACTUM_TYPE_DURATION, "1y", "ein Jahr", "one year" },
	{ PACTUM_TYPE_DURATION, "2y", "zwei Jahre", "two years" },
	{ PACTUM_TYPE_DURATION, "100000d", "100.000" NBSP "Tage", "100,000" NBSP "days" },
	{ PACTUM_TYPE_DURATION, "01d", "ein Tag", "one day" },
	/* countries by CLDR's names */
	{ PACTUM_TYPE_COUNTRY, "AT", "Österreich", "Austria" },
	{ PACTUM_TYPE_COUNTRY, "CH", "Schweiz", "Switzerland" },
	/* boolean */
	{ PACTUM_TYPE_BOOLEAN, "true", "ja", "yes" },
	{ PACTUM_TYPE_BOOLEAN, "yes", "ja", "yes" },
	{ PACTUM_TYPE_BOOLEAN, "1", "ja", "yes" },
	{ PACTUM_TYPE_BOOLEAN, "false", "nein", "no" },
	{ PACTUM_TYPE_BOOLEAN, "no", "nein", "no" },
	{ PACTUM_TYPE_BOOLEAN, "0", "nein", "no" },
	/* text and choice: the bytes as they are, spaces kept */
	{ PACTUM_TYPE_TEXT, "Acme GmbH", "Acme GmbH", "Acme GmbH" },
	{ PACTUM_TYPE_TEXT, "  M\xc3\xbcller & S\xc3\xb6hne  ",
	  "  M\xc3\xbcller & S\xc3\xb6hne  ", "  M\xc3\xbcller & S\xc3\xb6hne  " },
	{ PACTUM_TYPE_TEXT, "", "", "" },
	{ PACTUM_TYPE_TEXT, "\xe2\x82\xac 5 \xf0\x9f\x93\x9c",
	  "\xe2\x82\xac 5 \xf0\x9f\x93\x9c", "\xe2\x82\xac 5 \xf0\x9f\x93\x9c" },
	{ PACTUM_TYPE_TEXT, "a" NBSP "b", "a" NBSP "b", "a" NBSP "b" },
	{ PACTUM_TYPE_CHOICE, "germany", "germany", "germany" },
	{ PACTUM_TYPE_CHOICE, "\xc3\xb6sterreich", "\xc3\xb6sterreich",
	  "\xc3\xb6sterreich" },
};

START_TEST(test_parse_format)
{
	assert_formats(good[_i].type, good[_i].in, good[_i].de, good[_i].en);
}
END_TEST

START_TEST(test_parsed_fields)
{
	static const char text[] = "Acme GmbH, Berlin";
	pactum_value v;

	v = parse_ok(PACTUM_TYPE_DATE, "2024-02-29");
	ck_assert_int_eq(v.u.date.year, 2024);
	ck_assert_int_eq(v.u.date.month, 2);
	ck_assert_int_eq(v.u.date.day, 29);

	v = parse_ok(PACTUM_TYPE_MONEY, "-1234.5 USD");
	ck_assert(v.u.money.amount.mantissa == -12345);
	ck_assert_uint_eq(v.u.money.amount.scale, 1);
	ck_assert_str_eq(v.u.money.currency, "USD");

	v = parse_ok(PACTUM_TYPE_PERCENT, "12.50%");
	ck_assert(v.u.number.mantissa == 1250);
	ck_assert_uint_eq(v.u.number.scale, 2);

	v = parse_ok(PACTUM_TYPE_NUMBER, "999999999999999999");
	ck_assert(v.u.number.mantissa == 999999999999999999LL);
	ck_assert_uint_eq(v.u.number.scale, 0);

	v = parse_ok(PACTUM_TYPE_INTEGER, "-9223372036854775808");
	ck_assert(v.u.integer == INT64_MIN);

	v = parse_ok(PACTUM_TYPE_DURATION, "3m");
	ck_assert_uint_eq(v.u.duration.count, 3);
	ck_assert_int_eq(v.u.duration.unit, PACTUM_MONTHS);
	v = parse_ok(PACTUM_TYPE_DURATION, "2w");
	ck_assert_int_eq(v.u.duration.unit, PACTUM_WEEKS);
	v = parse_ok(PACTUM_TYPE_DURATION, "1y");
	ck_assert_int_eq(v.u.duration.unit, PACTUM_YEARS);
	v = parse_ok(PACTUM_TYPE_DURATION, "100000d");
	ck_assert_uint_eq(v.u.duration.count, 100000);
	ck_assert_int_eq(v.u.duration.unit, PACTUM_DAYS);

	v = parse_ok(PACTUM_TYPE_BOOLEAN, "yes");
	ck_assert_int_ne(v.u.boolean, 0);
	v = parse_ok(PACTUM_TYPE_BOOLEAN, "0");
	ck_assert_int_eq(v.u.boolean, 0);

	/* text borrows: the very bytes of the input, not a copy */
	ck_assert_int_eq(pactum__value_parse(&v, PACTUM_TYPE_TEXT, text, 4,
					     NULL), PACTUM_OK);
	ck_assert_ptr_eq(v.u.text.ptr, text);
	ck_assert_uint_eq(v.u.text.len, 4);
	ck_assert_int_eq(pactum__value_parse(&v, PACTUM_TYPE_CHOICE, text + 6,
					     4, NULL), PACTUM_OK);
	ck_assert_ptr_eq(v.u.text.ptr, text + 6);
	ck_assert_uint_eq(v.u.text.len, 4);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Malformed input                                                     */
/* ------------------------------------------------------------------ */

#define MONEY_PHRASE "an amount and an ISO 4217 currency, e.g. 1234.56 EUR"
#define MONEY_DECIMALS "an amount with no more decimals than its " \
	"currency has, e.g. 1234.56 EUR or 1234 JPY"
#define DATE_PHRASE "a date as YYYY-MM-DD"
#define NUMBER_PHRASE "a number such as 1234.5, with at most 6 decimals"
#define PERCENT_PHRASE "a percentage such as 20, 20% or 12.5"
#define INTEGER_PHRASE "a whole number such as 1234"
#define DURATION_PHRASE "a duration such as 30d, 2w, 3m or 1y"
#define BOOLEAN_PHRASE "true, false, yes, no, 1 or 0"
#define TEXT_PHRASE "text in UTF-8 without control characters"
#define CHOICE_PHRASE "one of the parameter's choices"
#define COUNTRY_PHRASE "an ISO 3166-1 country code such as DE, AT or CH"

/* len 0 means strlen(in), so that rows can hold NUL bytes */
static const struct {
	pactum_type type;
	const char *in;
	size_t len;
	const char *expected;
} bad[] = {
	/* dates */
	{ PACTUM_TYPE_DATE, "", 0, DATE_PHRASE },
	{ PACTUM_TYPE_DATE, " 2027-02-01", 0, DATE_PHRASE },
	{ PACTUM_TYPE_DATE, "2027-02-01 ", 0, DATE_PHRASE },
	{ PACTUM_TYPE_DATE, "2027-2-1", 0, DATE_PHRASE },
	{ PACTUM_TYPE_DATE, "2027-02-1", 0, DATE_PHRASE },
	{ PACTUM_TYPE_DATE, "27-02-01", 0, DATE_PHRASE },
	{ PACTUM_TYPE_DATE, "02027-02-01", 0, DATE_PHRASE },
	{ PACTUM_TYPE_DATE, "2027-13-01", 0, DATE_PHRASE },
	{ PACTUM_TYPE_DATE, "2027-00-10", 0, DATE_PHRASE },
	{ PACTUM_TYPE_DATE, "2027-01-00", 0, DATE_PHRASE },
	{ PACTUM_TYPE_DATE, "2027-01-32", 0, DATE_PHRASE },
	{ PACTUM_TYPE_DATE, "2027-04-31", 0, DATE_PHRASE },
	{ PACTUM_TYPE_DATE, "2023-02-29", 0, DATE_PHRASE },
	{ PACTUM_TYPE_DATE, "1900-02-29", 0, DATE_PHRASE },
	{ PACTUM_TYPE_DATE, "2024-02-30", 0, DATE_PHRASE },
	{ PACTUM_TYPE_DATE, "0000-01-01", 0, DATE_PHRASE },
	{ PACTUM_TYPE_DATE, "2027/02/01", 0, DATE_PHRASE },
	{ PACTUM_TYPE_DATE, "2027-02-0a", 0, DATE_PHRASE },
	{ PACTUM_TYPE_DATE, "+027-02-01", 0, DATE_PHRASE },
	{ PACTUM_TYPE_DATE, "-027-02-01", 0, DATE_PHRASE },
	{ PACTUM_TYPE_DATE, "01.02.2027", 0, DATE_PHRASE },
	{ PACTUM_TYPE_DATE, "2027-02-01\0", 11, DATE_PHRASE },
	/* money */
	{ PACTUM_TYPE_MONEY, "", 0, MONEY_PHRASE },
	{ PACTUM_TYPE_MONEY, "EUR", 0, MONEY_PHRASE },
	{ PACTUM_TYPE_MONEY, " EUR", 0, MONEY_PHRASE },
	{ PACTUM_TYPE_MONEY, "12", 0, MONEY_PHRASE },
	{ PACTUM_TYPE_MONEY, "12 eur", 0, MONEY_PHRASE },
	{ PACTUM_TYPE_MONEY, "12 Eur", 0, MONEY_PHRASE },
	{ PACTUM_TYPE_MONEY, "12 EURO", 0, MONEY_PHRASE },
	{ PACTUM_TYPE_MONEY, "12 EU", 0, MONEY_PHRASE },
	{ PACTUM_TYPE_MONEY, "12EUR", 0, MONEY_PHRASE },
	{ PACTUM_TYPE_MONEY, "12  EUR", 0, MONEY_PHRASE },
	{ PACTUM_TYPE_MONEY, "12" NBSP "EUR", 0, MONEY_PHRASE },
	{ PACTUM_TYPE_MONEY, "12\tEUR", 0, MONEY_PHRASE },
	{ PACTUM_TYPE_MONEY, "EUR 12", 0, MONEY_PHRASE },
	{ PACTUM_TYPE_MONEY, " 12 EUR", 0, MONEY_PHRASE },
	{ PACTUM_TYPE_MONEY, "12 EUR ", 0, MONEY_PHRASE },
	{ PACTUM_TYPE_MONEY, "1,234.56 EUR", 0, MONEY_PHRASE },
	{ PACTUM_TYPE_MONEY, "1234,56 EUR", 0, MONEY_PHRASE },
	{ PACTUM_TYPE_MONEY, "+12 EUR", 0, MONEY_PHRASE },
	{ PACTUM_TYPE_MONEY, "--12 EUR", 0, MONEY_PHRASE },
	{ PACTUM_TYPE_MONEY, "1e3 EUR", 0, MONEY_PHRASE },
	{ PACTUM_TYPE_MONEY, ".5 EUR", 0, MONEY_PHRASE },
	{ PACTUM_TYPE_MONEY, "5. EUR", 0, MONEY_PHRASE },
	{ PACTUM_TYPE_MONEY, "12 E1R", 0, MONEY_PHRASE },
	{ PACTUM_TYPE_MONEY, "12 \xc3\x84UR", 0, MONEY_PHRASE },
	{ PACTUM_TYPE_MONEY, "1000000000000000000 EUR", 0, MONEY_PHRASE },
	{ PACTUM_TYPE_MONEY, "12.345 EUR", 0, MONEY_DECIMALS },
	{ PACTUM_TYPE_MONEY, "12.5 JPY", 0, MONEY_DECIMALS },
	{ PACTUM_TYPE_MONEY, "12.000 USD", 0, MONEY_DECIMALS },
	/* number */
	{ PACTUM_TYPE_NUMBER, "", 0, NUMBER_PHRASE },
	{ PACTUM_TYPE_NUMBER, " 1", 0, NUMBER_PHRASE },
	{ PACTUM_TYPE_NUMBER, "1 ", 0, NUMBER_PHRASE },
	{ PACTUM_TYPE_NUMBER, "-", 0, NUMBER_PHRASE },
	{ PACTUM_TYPE_NUMBER, "--1", 0, NUMBER_PHRASE },
	{ PACTUM_TYPE_NUMBER, "+1", 0, NUMBER_PHRASE },
	{ PACTUM_TYPE_NUMBER, "- 1", 0, NUMBER_PHRASE },
	{ PACTUM_TYPE_NUMBER, "1e3", 0, NUMBER_PHRASE },
	{ PACTUM_TYPE_NUMBER, "0x10", 0, NUMBER_PHRASE },
	{ PACTUM_TYPE_NUMBER, "1,5", 0, NUMBER_PHRASE },
	{ PACTUM_TYPE_NUMBER, "1.", 0, NUMBER_PHRASE },
	{ PACTUM_TYPE_NUMBER, ".5", 0, NUMBER_PHRASE },
	{ PACTUM_TYPE_NUMBER, "1.2.3", 0, NUMBER_PHRASE },
	{ PACTUM_TYPE_NUMBER, "1.0000001", 0, NUMBER_PHRASE },
	{ PACTUM_TYPE_NUMBER, "inf", 0, NUMBER_PHRASE },
	{ PACTUM_TYPE_NUMBER, "nan", 0, NUMBER_PHRASE },
	{ PACTUM_TYPE_NUMBER, "1000000000000000000", 0, NUMBER_PHRASE },
	{ PACTUM_TYPE_NUMBER, "99999999999999999999", 0, NUMBER_PHRASE },
	{ PACTUM_TYPE_NUMBER, "999999999999.9999999", 0, NUMBER_PHRASE },
	{ PACTUM_TYPE_NUMBER, "9999999999999.999999", 0, NUMBER_PHRASE },
	{ PACTUM_TYPE_NUMBER, "20%", 0, NUMBER_PHRASE },
	{ PACTUM_TYPE_NUMBER, "\xd9\xa1", 0, NUMBER_PHRASE },
	{ PACTUM_TYPE_NUMBER, "1\0", 2, NUMBER_PHRASE },
	/* percent */
	{ PACTUM_TYPE_PERCENT, "", 0, PERCENT_PHRASE },
	{ PACTUM_TYPE_PERCENT, "%", 0, PERCENT_PHRASE },
	{ PACTUM_TYPE_PERCENT, "20 %", 0, PERCENT_PHRASE },
	{ PACTUM_TYPE_PERCENT, "20" NBSP "%", 0, PERCENT_PHRASE },
	{ PACTUM_TYPE_PERCENT, "20%%", 0, PERCENT_PHRASE },
	{ PACTUM_TYPE_PERCENT, "%20", 0, PERCENT_PHRASE },
	{ PACTUM_TYPE_PERCENT, "12,5", 0, PERCENT_PHRASE },
	{ PACTUM_TYPE_PERCENT, "1e3", 0, PERCENT_PHRASE },
	{ PACTUM_TYPE_PERCENT, "--1", 0, PERCENT_PHRASE },
	{ PACTUM_TYPE_PERCENT, "99999999999999999999%", 0, PERCENT_PHRASE },
	/* integer */
	{ PACTUM_TYPE_INTEGER, "", 0, INTEGER_PHRASE },
	{ PACTUM_TYPE_INTEGER, " 12", 0, INTEGER_PHRASE },
	{ PACTUM_TYPE_INTEGER, "12 ", 0, INTEGER_PHRASE },
	{ PACTUM_TYPE_INTEGER, "-", 0, INTEGER_PHRASE },
	{ PACTUM_TYPE_INTEGER, "--1", 0, INTEGER_PHRASE },
	{ PACTUM_TYPE_INTEGER, "+1", 0, INTEGER_PHRASE },
	{ PACTUM_TYPE_INTEGER, "1.0", 0, INTEGER_PHRASE },
	{ PACTUM_TYPE_INTEGER, "1e3", 0, INTEGER_PHRASE },
	{ PACTUM_TYPE_INTEGER, "1.234", 0, INTEGER_PHRASE },
	{ PACTUM_TYPE_INTEGER, "1,234", 0, INTEGER_PHRASE },
	{ PACTUM_TYPE_INTEGER, "9223372036854775808", 0, INTEGER_PHRASE },
	{ PACTUM_TYPE_INTEGER, "-9223372036854775809", 0, INTEGER_PHRASE },
	{ PACTUM_TYPE_INTEGER, "99999999999999999999", 0, INTEGER_PHRASE },
	{ PACTUM_TYPE_INTEGER, "18446744073709551616", 0, INTEGER_PHRASE },
	/* duration */
	{ PACTUM_TYPE_DURATION, "", 0, DURATION_PHRASE },
	{ PACTUM_TYPE_DURATION, "d", 0, DURATION_PHRASE },
	{ PACTUM_TYPE_DURATION, "30", 0, DURATION_PHRASE },
	{ PACTUM_TYPE_DURATION, "30x", 0, DURATION_PHRASE },
	{ PACTUM_TYPE_DURATION, "30D", 0, DURATION_PHRASE },
	{ PACTUM_TYPE_DURATION, "-3d", 0, DURATION_PHRASE },
	{ PACTUM_TYPE_DURATION, "+3d", 0, DURATION_PHRASE },
	{ PACTUM_TYPE_DURATION, "3 d", 0, DURATION_PHRASE },
	{ PACTUM_TYPE_DURATION, " 3d", 0, DURATION_PHRASE },
	{ PACTUM_TYPE_DURATION, "3d ", 0, DURATION_PHRASE },
	{ PACTUM_TYPE_DURATION, "3dd", 0, DURATION_PHRASE },
	{ PACTUM_TYPE_DURATION, "1.5m", 0, DURATION_PHRASE },
	{ PACTUM_TYPE_DURATION, "3days", 0, DURATION_PHRASE },
	/* country: ISO 3166-1 alpha-2 as CLDR knows it */
	{ PACTUM_TYPE_COUNTRY, "at", 0, COUNTRY_PHRASE },
	{ PACTUM_TYPE_COUNTRY, "AUT", 0, COUNTRY_PHRASE },
	{ PACTUM_TYPE_COUNTRY, "XX", 0, COUNTRY_PHRASE },
	{ PACTUM_TYPE_COUNTRY, "", 0, COUNTRY_PHRASE },
	{ PACTUM_TYPE_DURATION, "100001d", 0, DURATION_PHRASE },
	{ PACTUM_TYPE_DURATION, "99999999999999999999d", 0, DURATION_PHRASE },
	{ PACTUM_TYPE_DURATION, "4294967297d", 0, DURATION_PHRASE },
	/* boolean */
	{ PACTUM_TYPE_BOOLEAN, "", 0, BOOLEAN_PHRASE },
	{ PACTUM_TYPE_BOOLEAN, "True", 0, BOOLEAN_PHRASE },
	{ PACTUM_TYPE_BOOLEAN, "YES", 0, BOOLEAN_PHRASE },
	{ PACTUM_TYPE_BOOLEAN, "ja", 0, BOOLEAN_PHRASE },
	{ PACTUM_TYPE_BOOLEAN, "y", 0, BOOLEAN_PHRASE },
	{ PACTUM_TYPE_BOOLEAN, "2", 0, BOOLEAN_PHRASE },
	{ PACTUM_TYPE_BOOLEAN, "01", 0, BOOLEAN_PHRASE },
	{ PACTUM_TYPE_BOOLEAN, " true", 0, BOOLEAN_PHRASE },
	{ PACTUM_TYPE_BOOLEAN, "true ", 0, BOOLEAN_PHRASE },
	{ PACTUM_TYPE_BOOLEAN, "tru", 0, BOOLEAN_PHRASE },
	{ PACTUM_TYPE_BOOLEAN, "yes\0", 4, BOOLEAN_PHRASE },
	/* text: invalid UTF-8 and every kind of control character */
	{ PACTUM_TYPE_TEXT, "a\tb", 0, TEXT_PHRASE },
	{ PACTUM_TYPE_TEXT, "a\nb", 0, TEXT_PHRASE },
	{ PACTUM_TYPE_TEXT, "a\rb", 0, TEXT_PHRASE },
	{ PACTUM_TYPE_TEXT, "a\0b", 3, TEXT_PHRASE },
	{ PACTUM_TYPE_TEXT, "\x1b[0m", 0, TEXT_PHRASE },
	{ PACTUM_TYPE_TEXT, "del\x7f", 0, TEXT_PHRASE },
	{ PACTUM_TYPE_TEXT, "c1 \xc2\x85", 0, TEXT_PHRASE },
	{ PACTUM_TYPE_TEXT, "c1 \xc2\x9f", 0, TEXT_PHRASE },
	{ PACTUM_TYPE_TEXT, "M\xfcller", 0, TEXT_PHRASE },
	{ PACTUM_TYPE_TEXT, "\xc3", 0, TEXT_PHRASE },
	{ PACTUM_TYPE_TEXT, "\xc0\xaf", 0, TEXT_PHRASE },
	{ PACTUM_TYPE_TEXT, "\xed\xa0\x80", 0, TEXT_PHRASE },
	{ PACTUM_TYPE_TEXT, "\xf4\x90\x80\x80", 0, TEXT_PHRASE },
	{ PACTUM_TYPE_TEXT, "\xff", 0, TEXT_PHRASE },
	/* choice */
	{ PACTUM_TYPE_CHOICE, "a\tb", 0, CHOICE_PHRASE },
	{ PACTUM_TYPE_CHOICE, "x\n", 0, CHOICE_PHRASE },
	{ PACTUM_TYPE_CHOICE, "\xc2\x80", 0, CHOICE_PHRASE },
	{ PACTUM_TYPE_CHOICE, "\xe2\x82", 0, CHOICE_PHRASE },
};

START_TEST(test_parse_bad)
{
	size_t len = bad[_i].len ? bad[_i].len : strlen(bad[_i].in);
	const char *expected = NULL;
	pactum_value v;
	int rc;

	rc = pactum__value_parse(&v, bad[_i].type, bad[_i].in, len, &expected);
	ck_assert_msg(rc == PACTUM_EINPUT, "%s row %d accepted (rc %d)",
		      pactum__type_name(bad[_i].type), _i, rc);
	ck_assert_ptr_nonnull(expected);
	ck_assert_str_eq(expected, bad[_i].expected);
}
END_TEST

START_TEST(test_parse_preconditions)
{
	const char *expected = "untouched";
	pactum_value v;

	ck_assert_int_eq(pactum__value_parse(&v, (pactum_type)99, "1", 1,
					     &expected), PACTUM_EINVAL);
	ck_assert_int_eq(pactum__value_parse(&v, PACTUM_TYPE_TEXT, NULL, 3,
					     &expected), PACTUM_EINVAL);
	ck_assert_str_eq(expected, "untouched");
	/* no bytes at all is an empty string */
	ck_assert_int_eq(pactum__value_parse(&v, PACTUM_TYPE_TEXT, NULL, 0,
					     &expected), PACTUM_OK);
	ck_assert_uint_eq(v.u.text.len, 0);
	ck_assert_int_eq(pactum__value_parse(&v, PACTUM_TYPE_DATE, NULL, 0,
					     NULL), PACTUM_EINPUT);
	/* the length is obeyed: a longer string is not looked past */
	ck_assert_int_eq(pactum__value_parse(&v, PACTUM_TYPE_INTEGER, "12x", 2,
					     NULL), PACTUM_OK);
	ck_assert(v.u.integer == 12);
	ck_assert_int_eq(pactum__value_parse(&v, PACTUM_TYPE_DATE,
					     "2027-03-011", 10, NULL),
			 PACTUM_OK);
	ck_assert_int_eq(v.u.date.day, 1);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Ordering                                                            */
/* ------------------------------------------------------------------ */

static const struct {
	pactum_type type;
	const char *a;
	const char *b;
	int sign;
} order[] = {
	{ PACTUM_TYPE_DATE, "2027-03-01", "2027-03-01", 0 },
	{ PACTUM_TYPE_DATE, "2027-03-01", "2027-03-02", -1 },
	{ PACTUM_TYPE_DATE, "2027-04-01", "2027-03-31", 1 },
	{ PACTUM_TYPE_DATE, "2026-12-31", "2027-01-01", -1 },
	{ PACTUM_TYPE_DATE, "9999-01-01", "0001-12-31", 1 },
	{ PACTUM_TYPE_MONEY, "12.5 EUR", "12.50 EUR", 0 },
	{ PACTUM_TYPE_MONEY, "12 EUR", "12.00 EUR", 0 },
	{ PACTUM_TYPE_MONEY, "12.01 EUR", "12.1 EUR", -1 },
	{ PACTUM_TYPE_MONEY, "-0.01 EUR", "0 EUR", -1 },
	{ PACTUM_TYPE_MONEY, "-1.5 EUR", "-1.25 EUR", -1 },
	{ PACTUM_TYPE_MONEY, "999999999999999999 EUR",
	  "9999999999999999.99 EUR", 1 },
	{ PACTUM_TYPE_MONEY, "-999999999999999999 EUR",
	  "-9999999999999999.99 EUR", -1 },
	{ PACTUM_TYPE_NUMBER, "1", "1.000000", 0 },
	{ PACTUM_TYPE_NUMBER, "-0", "0", 0 },
	{ PACTUM_TYPE_NUMBER, "0.5", "-0.5", 1 },
	{ PACTUM_TYPE_NUMBER, "-0.3", "0.2", -1 },
	{ PACTUM_TYPE_NUMBER, "-1.5", "-1", -1 },
	{ PACTUM_TYPE_NUMBER, "-2", "-1.999999", -1 },
	{ PACTUM_TYPE_NUMBER, "1.999999", "2", -1 },
	/* rescaling either side to scale 6 would overflow int64 */
	{ PACTUM_TYPE_NUMBER, "999999999999999999", "999999999999.999999", 1 },
	{ PACTUM_TYPE_NUMBER, "999999999999.999999", "999999999999999999", -1 },
	{ PACTUM_TYPE_NUMBER, "-999999999999999999", "-999999999999.999999", -1 },
	{ PACTUM_TYPE_NUMBER, "999999999999.999999", "999999999999.999998", 1 },
	{ PACTUM_TYPE_PERCENT, "12.5", "12.50%", 0 },
	{ PACTUM_TYPE_PERCENT, "20", "100%", -1 },
	{ PACTUM_TYPE_INTEGER, "-9223372036854775808", "9223372036854775807",
	  -1 },
	{ PACTUM_TYPE_INTEGER, "9223372036854775807", "-1", 1 },
	{ PACTUM_TYPE_INTEGER, "42", "42", 0 },
	{ PACTUM_TYPE_DURATION, "30d", "31d", -1 },
	{ PACTUM_TYPE_DURATION, "2y", "1y", 1 },
	{ PACTUM_TYPE_DURATION, "0w", "0w", 0 },
	{ PACTUM_TYPE_BOOLEAN, "false", "true", -1 },
	{ PACTUM_TYPE_BOOLEAN, "yes", "1", 0 },
	{ PACTUM_TYPE_BOOLEAN, "1", "no", 1 },
	{ PACTUM_TYPE_TEXT, "abc", "abd", -1 },
	{ PACTUM_TYPE_TEXT, "ab", "abc", -1 },
	{ PACTUM_TYPE_TEXT, "", "a", -1 },
	{ PACTUM_TYPE_TEXT, "abc", "abc", 0 },
	{ PACTUM_TYPE_TEXT, "Z", "a", -1 },
	/* bytewise: U+00E4 is after every ASCII letter */
	{ PACTUM_TYPE_TEXT, "\xc3\xa4", "z", 1 },
	{ PACTUM_TYPE_CHOICE, "de", "en", -1 },
	{ PACTUM_TYPE_CHOICE, "en", "en", 0 },
};

static int sign_of(int v)
{
	return (v > 0) - (v < 0);
}

START_TEST(test_compare)
{
	pactum_value a, b;
	int incomparable = -1;
	int c;

	a = parse_ok(order[_i].type, order[_i].a);
	b = parse_ok(order[_i].type, order[_i].b);
	c = pactum__value_compare(&a, &b, &incomparable);
	ck_assert_msg(sign_of(c) == order[_i].sign, "%s \"%s\" <=> \"%s\": %d",
		      pactum__type_name(order[_i].type), order[_i].a,
		      order[_i].b, c);
	ck_assert_int_eq(incomparable, 0);
	/* and the other way round */
	c = pactum__value_compare(&b, &a, NULL);
	ck_assert_int_eq(sign_of(c), -order[_i].sign);
	ck_assert_int_eq(sign_of(pactum__value_compare(&a, &a, NULL)), 0);
}
END_TEST

START_TEST(test_compare_duration_units)
{
	pactum_value month = parse_ok(PACTUM_TYPE_DURATION, "1m");
	pactum_value days = parse_ok(PACTUM_TYPE_DURATION, "400d");
	pactum_value year = parse_ok(PACTUM_TYPE_DURATION, "1y");
	int incomparable = 0;

	ck_assert_int_eq(pactum__value_compare(&month, &days, &incomparable),
			 0);
	ck_assert_int_eq(incomparable, 1);
	incomparable = 0;
	ck_assert_int_eq(pactum__value_compare(&days, &year, &incomparable),
			 0);
	ck_assert_int_eq(incomparable, 1);
	/* NULL is allowed when the caller does not care */
	ck_assert_int_eq(pactum__value_compare(&year, &month, NULL), 0);
	/* and a comparable pair clears the flag */
	days = parse_ok(PACTUM_TYPE_DURATION, "2m");
	incomparable = 1;
	ck_assert_int_lt(pactum__value_compare(&month, &days, &incomparable),
			 0);
	ck_assert_int_eq(incomparable, 0);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Formatting: the environment, memory, appending                      */
/* ------------------------------------------------------------------ */

static const struct {
	pactum_type type;
	const char *in;
} env_rows[] = {
	{ PACTUM_TYPE_DATE, "2027-03-01" },
	{ PACTUM_TYPE_MONEY, "-1234567.89 EUR" },
	{ PACTUM_TYPE_NUMBER, "1234567.125" },
	{ PACTUM_TYPE_PERCENT, "12.5" },
	{ PACTUM_TYPE_INTEGER, "-1234567" },
	{ PACTUM_TYPE_DURATION, "1000d" },
	{ PACTUM_TYPE_BOOLEAN, "true" },
};

/* All rows, formatted in one language, concatenated with '|'. */
static char *format_rows(const char *lang)
{
	pactum_buf all = PACTUM_BUF_INIT;
	size_t i;

	for (i = 0; i < PACTUM_ARRAY_SIZE(env_rows); i++) {
		pactum_value v = parse_ok(env_rows[i].type, env_rows[i].in);

		ck_assert_int_eq(pactum__value_format(&all, &v,
				test_locale(lang)), PACTUM_OK);
		ck_assert_int_eq(pactum__buf_putc(&all, '|'), PACTUM_OK);
	}
	return pactum__buf_detach(&all);
}

START_TEST(test_format_ignores_environment)
{
	static const char *const de =
		"1." NBSP "M\xc3\xa4rz" NBSP "2027|-1.234.567,89\xc2\xa0" "EUR|1.234.567,125|"
		"12,5" NBSP "%|-1.234.567|1.000" NBSP "Tage|ja|";
	static const char *const en =
		"1" NBSP "March" NBSP "2027|-EUR\xc2\xa0" "1,234,567.89|1,234,567.125|12.5%|"
		"-1,234,567|1,000" NBSP "days|yes|";
	static const char *const envs[] = {
		"de_DE.UTF-8", "de_DE", "fr_FR.UTF-8", "C.UTF-8",
	};
	char *before_de = format_rows("de");
	char *before_en = format_rows("en");
	size_t i;

	ck_assert_str_eq(before_de, de);
	ck_assert_str_eq(before_en, en);
	for (i = 0; i < PACTUM_ARRAY_SIZE(envs); i++) {
		char *after_de, *after_en;

		ck_assert_int_eq(setenv("LC_ALL", envs[i], 1), 0);
		ck_assert_int_eq(setenv("LANG", envs[i], 1), 0);
		ck_assert_int_eq(setenv("TZ", "Pacific/Chatham", 1), 0);
		/* a missing locale leaves "C": still the same bytes */
		(void)setlocale(LC_ALL, "");
		after_de = format_rows("de");
		after_en = format_rows("en");
		ck_assert_str_eq(after_de, de);
		ck_assert_str_eq(after_en, en);
		pactum_free(after_de);
		pactum_free(after_en);
	}
	setlocale(LC_ALL, "C");
	unsetenv("LC_ALL");
	unsetenv("LANG");
	unsetenv("TZ");
	pactum_free(before_de);
	pactum_free(before_en);
}
END_TEST

START_TEST(test_format_appends)
{
	pactum_value v = parse_ok(PACTUM_TYPE_MONEY, "1200 EUR");
	pactum_buf buf = PACTUM_BUF_INIT;

	ck_assert_int_eq(pactum__buf_puts(&buf, "Preis: "), PACTUM_OK);
	ck_assert_int_eq(pactum__value_format(&buf, &v,
					      test_locale("de")),
			 PACTUM_OK);
	ck_assert_int_eq(pactum__buf_puts(&buf, "; "), PACTUM_OK);
	ck_assert_int_eq(pactum__value_format(&buf, &v,
					      test_locale("en")),
			 PACTUM_OK);
	ck_assert_str_eq(buf.ptr, "Preis: 1.200,00\xc2\xa0" "EUR; EUR\xc2\xa0" "1,200.00");
	ck_assert_uint_eq(buf.len, strlen(buf.ptr));
	pactum__buf_free(&buf);
}
END_TEST

START_TEST(test_format_preconditions)
{
	pactum_value v = parse_ok(PACTUM_TYPE_INTEGER, "1");
	pactum_buf buf = PACTUM_BUF_INIT;

	ck_assert_int_eq(pactum__value_format(&buf, &v, NULL), PACTUM_EINVAL);
	v.type = (pactum_type)99;
	ck_assert_int_eq(pactum__value_format(&buf, &v,
					      test_locale("en")),
			 PACTUM_EINVAL);
	ck_assert_uint_eq(buf.len, 0);
	pactum__buf_free(&buf);
}
END_TEST

START_TEST(test_format_built_by_hand)
{
	/* values a caller may build without parsing: still exact */
	pactum_value v = { .type = PACTUM_TYPE_NUMBER };
	char *s;

	v.u.number.mantissa = -5;
	v.u.number.scale = 6;
	s = format(&v, "de");
	ck_assert_str_eq(s, "-0,000005");
	pactum_free(s);

	v.type = PACTUM_TYPE_MONEY;
	v.u.money.amount.mantissa = 12345;
	v.u.money.amount.scale = 3; /* more than EUR has: shown, not cut */
	memcpy(v.u.money.currency, "EUR", 4);
	s = format(&v, "en");
	ck_assert_str_eq(s, "EUR\xc2\xa0" "12.345");
	pactum_free(s);

	v.type = PACTUM_TYPE_INTEGER;
	v.u.integer = INT64_MIN;
	s = format(&v, "en");
	ck_assert_str_eq(s, "-9,223,372,036,854,775,808");
	pactum_free(s);

	v.type = PACTUM_TYPE_BOOLEAN;
	v.u.boolean = 7; /* any nonzero is true */
	s = format(&v, "de");
	ck_assert_str_eq(s, "ja");
	pactum_free(s);
}
END_TEST

/* Formats a placeholder asks for, in both languages; amounts in words
 * against the spellings a German and an English contract write. */
static const struct {
	pactum_type type;
	const char *in;
	const char *format;
	const char *de;
	const char *en;
} formatted[] = {
#define M PACTUM_TYPE_MONEY
	{ M, "0.00 EUR", "words", "null Euro", "zero euros" },
	{ M, "1.00 EUR", "words", "ein Euro", "one euro" },
	{ M, "2 EUR", "words", "zwei Euro", "two euros" },
	{ M, "16 EUR", "words", "sechzehn Euro", "sixteen euros" },
	{ M, "17 EUR", "words", "siebzehn Euro", "seventeen euros" },
	{ M, "21 EUR", "words", "einundzwanzig Euro", "twenty-one euros" },
	{ M, "30 EUR", "words", "dreißig Euro", "thirty euros" },
	{ M, "99 EUR", "words", "neunundneunzig Euro", "ninety-nine euros" },
	{ M, "100 EUR", "words", "einhundert Euro", "one hundred euros" },
	{ M, "101 EUR", "words", "einhundertein Euro", "one hundred one euros" },
	{ M, "1000 EUR", "words", "eintausend Euro", "one thousand euros" },
	{ M, "10000 EUR", "words", "zehntausend Euro", "ten thousand euros" },
	{ M, "100000 EUR", "words", "einhunderttausend Euro",
	  "one hundred thousand euros" },
	{ M, "1000000 EUR", "words", "eine Million Euro", "one million euros" },
	{ M, "2000000 EUR", "words", "zwei Millionen Euro", "two million euros" },
	{ M, "1000000000 EUR", "words", "eine Milliarde Euro",
	  "one billion euros" },
	{ M, "999999999999 EUR", "words",
	  "neunhundertneunundneunzig Milliarden neunhundertneunundneunzig "
	  "Millionen neunhundertneunundneunzigtausendneunhundertneunundneunzig "
	  "Euro",
	  "nine hundred ninety-nine billion nine hundred ninety-nine million "
	  "nine hundred ninety-nine thousand nine hundred ninety-nine euros" },
	{ M, "10000.50 EUR", "words", "zehntausend Euro und fünfzig Cent",
	  "ten thousand euros and fifty cents" },
	{ M, "0.01 EUR", "words", "ein Cent", "one cent" },
	{ M, "1.01 GBP", "words", "ein Britisches Pfund und ein Penny",
	  "one British pound and one penny" },
	{ M, "1 DKK", "words", "eine Dänische Krone", "one Danish krone" },
	{ M, "2.05 CHF", "words", "zwei Schweizer Franken und fünf Rappen",
	  "two Swiss francs and five centimes" },
	{ M, "1.5 KWD", "words", "ein Kuwait-Dinar und 500/1000",
	  "one Kuwaiti dinar and 500/1000" },
	{ M, "1234.5 EUR", "symbol", "1.234,50" NBSP "€", "€1,234.50" },
	{ M, "-3 USD", "symbol", "-3,00" NBSP "$", "-US$3.00" },
	{ M, "12 CHF", "symbol", "12,00" NBSP "CHF", "CHF" NBSP "12.00" },
	{ M, "10000.00 EUR", "whole", "10.000" NBSP "EUR", "EUR" NBSP "10,000" },
	{ M, "10000.00 EUR", "code", "10.000,00" NBSP "EUR",
	  "EUR" NBSP "10,000.00" },
#undef M
	{ PACTUM_TYPE_INTEGER, "1234567", "plain", "1234567", "1234567" },
	{ PACTUM_TYPE_INTEGER, "1234567", "grouped", "1.234.567", "1,234,567" },
	{ PACTUM_TYPE_INTEGER, "-42", "plain", "-42", "-42" },
	{ PACTUM_TYPE_INTEGER, "3", "ordinal", "3.", "3rd" },
	{ PACTUM_TYPE_INTEGER, "22", "ordinal", "22.", "22nd" },
	{ PACTUM_TYPE_INTEGER, "25", "words", "fünfundzwanzig", "twenty-five" },
	{ PACTUM_TYPE_DATE, "2027-02-01", "short", "1. Feb. 2027", "1 Feb 2027" },
	{ PACTUM_TYPE_DATE, "2027-02-01", "numeric", "01.02.2027", "01/02/2027" },
	/* proleptic Gregorian: no Julian days before 1582 */
	{ PACTUM_TYPE_DATE, "0800-12-25", "numeric", "25.12.800", "25/12/800" },
	{ PACTUM_TYPE_DATE, "2027-02-01", "iso", "2027-02-01", "2027-02-01" },
	{ PACTUM_TYPE_DATE, "2027-02-01", "long", "1." NBSP "Februar" NBSP "2027",
	  "1" NBSP "February" NBSP "2027" },
};

START_TEST(test_formats)
{
	pactum_value v = parse_ok(formatted[_i].type, formatted[_i].in);
	const pactum_format *f =
		pactum__format_find(formatted[_i].type, formatted[_i].format);
	const char *langs[] = { "de", "en" };
	size_t l;

	ck_assert_ptr_nonnull(f);
	for (l = 0; l < 2; l++) {
		pactum_buf buf = PACTUM_BUF_INIT;
		const char *want = l ? formatted[_i].en : formatted[_i].de;
		const char *why = pactum__format_put(&buf, &v,
						     test_locale(langs[l]),
						     f);

		ck_assert_msg(why == NULL, "%s %s: %s", formatted[_i].in,
			      langs[l], why);
		ck_assert_msg(buf.ptr && strcmp(buf.ptr, want) == 0,
			      "%s as %s in %s: \"%s\", not \"%s\"",
			      formatted[_i].in, formatted[_i].format, langs[l],
			      buf.ptr, want);
		pactum__buf_free(&buf);
	}
}
END_TEST

START_TEST(test_formats_refused)
{
	pactum_value cents = parse_ok(PACTUM_TYPE_MONEY, "10.50 EUR");
	pactum_value debt = parse_ok(PACTUM_TYPE_MONEY, "-1 EUR");
	pactum_buf buf = PACTUM_BUF_INIT, names = PACTUM_BUF_INIT;
	const pactum_locale *de = test_locale("de");
	const char *why;

	why = pactum__format_put(&buf, &cents, de,
				 pactum__format_find(PACTUM_TYPE_MONEY, "whole"));
	ck_assert_ptr_nonnull(why);
	ck_assert_ptr_nonnull(strstr(why, "has cents"));
	why = pactum__format_put(&buf, &debt, de,
				 pactum__format_find(PACTUM_TYPE_MONEY, "words"));
	ck_assert_ptr_nonnull(why);
	ck_assert_ptr_null(pactum__format_find(PACTUM_TYPE_DATE, "words"));
	ck_assert_ptr_null(pactum__format_find(PACTUM_TYPE_TEXT, "plain"));
	pactum__format_names(&names, PACTUM_TYPE_DATE);
	ck_assert_str_eq(names.ptr, "long, short, numeric, iso");
	pactum__buf_free(&buf);
	pactum__buf_free(&names);
}
END_TEST

START_TEST(test_format_out_of_memory)
{
	pactum_value v = parse_ok(PACTUM_TYPE_DATE, "2027-03-01");
	pactum_buf buf = PACTUM_BUF_INIT;
	const pactum_locale *de = test_locale("de");
	int rc;

	pactum__alloc_fail_after(0);
	rc = pactum__value_format(&buf, &v, de);
	pactum__alloc_fail_after(-1);
	ck_assert_int_eq(rc, PACTUM_ENOMEM);
	ck_assert_int_ne(buf.oom, 0);
	pactum__buf_free(&buf);

	/* a buffer that failed earlier stays failed */
	buf.oom = 1;
	ck_assert_int_eq(pactum__value_format(&buf, &v,
					      test_locale("en")),
			 PACTUM_ENOMEM);
	pactum__buf_free(&buf);
}
END_TEST

Suite *value_suite(void)
{
	Suite *s = suite_create("value");
	TCase *tc;

	tc = tcase_create("types");
	tcase_add_test(tc, test_type_names);
	tcase_add_test(tc, test_locales);
	suite_add_tcase(s, tc);

	tc = tcase_create("parse");
	tcase_add_loop_test(tc, test_parse_format, 0,
			    (int)PACTUM_ARRAY_SIZE(good));
	tcase_add_test(tc, test_parsed_fields);
	tcase_add_loop_test(tc, test_parse_bad, 0,
			    (int)PACTUM_ARRAY_SIZE(bad));
	tcase_add_test(tc, test_parse_preconditions);
	suite_add_tcase(s, tc);

	tc = tcase_create("compare");
	tcase_add_loop_test(tc, test_compare, 0,
			    (int)PACTUM_ARRAY_SIZE(order));
	tcase_add_test(tc, test_compare_duration_units);
	suite_add_tcase(s, tc);

	tc = tcase_create("format");
	tcase_add_test(tc, test_format_ignores_environment);
	tcase_add_test(tc, test_format_appends);
	tcase_add_test(tc, test_format_preconditions);
	tcase_add_test(tc, test_format_built_by_hand);
	tcase_add_test(tc, test_format_out_of_memory);
	tcase_add_loop_test(tc, test_formats, 0, PACTUM_ARRAY_SIZE(formatted));
	tcase_add_test(tc, test_formats_refused);
	suite_add_tcase(s, tc);

	return s;
}
