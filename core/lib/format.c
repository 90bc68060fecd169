/* Formats a placeholder may ask for (<var name="fee" format="words"/>):
 * one row each, per type, in the table at the end.  Words, ordinals,
 * currency names and symbols and short dates come from CLDR through ICU
 * (icu.c); what CLDR lacks (the names of cents) are words of the catalogs
 * (words.c). */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "icu.h"
#include "langtab.h"

struct pactum_format {
	pactum_type type;
	const char *name;
	/* NULL on success, else an English reason marked N_() */
	const char *(*put)(pactum_buf *out, const pactum_value *v,
			   const pactum_locale *loc);
};

static const char icu_failed[] = N_("the locale data cannot show it");

static const char *icu_result(pactum_buf *out, int error)
{
	if (error == PACTUM_OK || out->oom)
		return NULL; /* out of memory: the caller sees out->oom */
	return icu_failed;
}

/* ----------------------------------------------------------- amounts */

/* Currencies German names with a feminine noun: "eine Dänische Krone". */
static int feminine(const char *code)
{
	static const char codes[][4] = { "CZK", "DKK", "ISK", "NOK", "SEK",
					 "TRY" };
	size_t i;

	for (i = 0; i < PACTUM_ARRAY_SIZE(codes); i++)
		if (strcmp(codes[i], code) == 0)
			return 1;
	return 0;
}

/* n (>= 0) in words and the unit's name: "zehntausend Euro"; with
 * subunit a word (PACTUM_WORD_SUBUNIT_...), the cents': "fünfzig Cent". */
static int put_count_of(pactum_buf *out, const pactum_locale *loc,
			int64_t n, const char *code, int subunit)
{
	static const char *const names[] = { "count" };
	const char *rules = loc->spell_rules[feminine(code)];
	pactum_buf words = PACTUM_BUF_INIT;
	const char *values[1];
	int error = pactum__icu_spell(&words, loc->icu, n, rules);

	pactum__buf_putc(&words, '\0');
	if (error == PACTUM_OK && words.oom)
		error = PACTUM_ENOMEM;
	if (error != PACTUM_OK)
		goto cleanup;
	if (subunit >= 0) {
		values[0] = words.ptr;
		pactum__word_expand(out,
				    pactum__locale_nword(loc, (pactum_word)subunit,
							 (unsigned long)n),
				    names, values, 1);
		error = out->oom ? PACTUM_ENOMEM : PACTUM_OK;
		goto cleanup;
	}
	pactum__buf_puts(out, words.ptr);
	pactum__buf_putc(out, ' ');
	error = pactum__icu_currency_name(out, loc->icu, code,
					  n == 1 ? "one" : "other");
cleanup:
	pactum__buf_free(&words);
	return error;
}

/* "zehntausend Euro und fünfzig Cent", "ten thousand euros and fifty
 * cents"; no cents, no second part. */
static const char *put_money_words(pactum_buf *out, const pactum_value *v,
				   const pactum_locale *loc)
{
	const char *code = v->u.money.currency;
	unsigned digits = pactum__currency_digits(code);
	pactum_decimal a = v->u.money.amount;
	int64_t whole, minor, unit = 1;
	int subunit = pactum__word_subunit(code);
	unsigned i;
	int error = PACTUM_OK;

	if (a.mantissa < 0)
		return N_("a negative amount is not written in words");
	for (i = 0; i < digits; i++)
		unit *= 10;
	/* the amount at exactly the currency's decimals */
	for (; a.scale < digits; a.scale++)
		a.mantissa *= 10;
	whole = a.mantissa / unit;
	minor = a.mantissa % unit;
	if (whole > 0 || minor == 0)
		error = put_count_of(out, loc, whole, code, -1);
	if (error == PACTUM_OK && minor > 0) {
		if (whole > 0)
			pactum__buf_printf(out, " %s ",
					   pactum__locale_word(loc,
							       PACTUM_WORD_AND));
		if (subunit >= 0)
			error = put_count_of(out, loc, minor, code, subunit);
		else
			pactum__buf_printf(out, "%lld/%lld", (long long)minor,
					   (long long)unit);
	}
	return icu_result(out, error);
}

/* "EUR 1,234.56" with the symbol for the code: "€1,234.56", "1.234,56 €";
 * a symbol of letters keeps a space: "CHF 1,234.56". */
static const char *put_money_symbol(pactum_buf *out, const pactum_value *v,
				    const pactum_locale *loc)
{
	pactum_buf symbol = PACTUM_BUF_INIT;
	const char *why = NULL;
	char last;

	if (pactum__icu_currency_symbol(&symbol, loc->icu,
					v->u.money.currency) != PACTUM_OK) {
		why = symbol.oom ? NULL : icu_failed;
		out->oom |= symbol.oom;
		goto cleanup;
	}
	last = symbol.ptr[symbol.len - 1];
	pactum__money_put(out, loc, v,
			  (last >= 'A' && last <= 'Z') ? loc->money_pattern
						       : loc->money_symbol_pattern,
			  symbol.ptr, pactum__currency_digits(v->u.money.currency));
cleanup:
	pactum__buf_free(&symbol);
	return why;
}

/* A whole amount without decimals: "EUR 10,000". */
static const char *put_money_whole(pactum_buf *out, const pactum_value *v,
				   const pactum_locale *loc)
{
	pactum_decimal a = v->u.money.amount;

	for (; a.scale > 0; a.scale--) {
		if (a.mantissa % 10 != 0)
			return N_("the amount has cents, so it cannot be "
				  "shown without them");
		a.mantissa /= 10;
	}
	{
		pactum_value whole = *v;

		whole.u.money.amount = a;
		pactum__money_put(out, loc, &whole, loc->money_pattern,
				  v->u.money.currency, 0);
	}
	return NULL;
}

static const char *put_money_code(pactum_buf *out, const pactum_value *v,
				  const pactum_locale *loc)
{
	pactum__value_format(out, v, loc);
	return NULL;
}

/* ---------------------------------------------------------- integers */

static const char *put_integer_plain(pactum_buf *out, const pactum_value *v,
				     const pactum_locale *loc)
{
	(void)loc;
	/* %lld never groups digits, whatever the C locale */
	pactum__buf_printf(out, "%lld", (long long)v->u.integer);
	return NULL;
}

static const char *put_integer_words(pactum_buf *out, const pactum_value *v,
				     const pactum_locale *loc)
{
	/* the locale's default rule set: German has no plain cardinal */
	return icu_result(out, pactum__icu_spell(out, loc->icu, v->u.integer,
						 NULL));
}

static const char *put_integer_ordinal(pactum_buf *out,
				       const pactum_value *v,
				       const pactum_locale *loc)
{
	return icu_result(out,
			  pactum__icu_ordinal(out, loc->icu, v->u.integer));
}

/* ------------------------------------------------------------- dates */

static const char *put_date_long(pactum_buf *out, const pactum_value *v,
				 const pactum_locale *loc)
{
	pactum__value_format(out, v, loc);
	return NULL;
}

static const char *put_date_icu(pactum_buf *out, const pactum_value *v,
				const pactum_locale *loc, const char *skeleton)
{
	return icu_result(out, pactum__icu_date(out, loc->icu, v->u.date.year,
						v->u.date.month, v->u.date.day,
						skeleton));
}

/* "1 Mar 2027", "1. März 2027" */
static const char *put_date_short(pactum_buf *out, const pactum_value *v,
				  const pactum_locale *loc)
{
	return put_date_icu(out, v, loc, "yMMMd");
}

/* "01/03/2027", "01.03.2027" */
static const char *put_date_numeric(pactum_buf *out, const pactum_value *v,
				    const pactum_locale *loc)
{
	return put_date_icu(out, v, loc, "yMMdd");
}

static const char *put_date_iso(pactum_buf *out, const pactum_value *v,
				const pactum_locale *loc)
{
	(void)loc;
	pactum__buf_printf(out, "%04d-%02d-%02d", v->u.date.year,
			   v->u.date.month, v->u.date.day);
	return NULL;
}

#define T(x) PACTUM_TYPE_##x
/* The first format of a type is what a placeholder without one shows. */
static const pactum_format formats[] = {
	{ T(MONEY), "code", put_money_code },
	{ T(MONEY), "symbol", put_money_symbol },
	{ T(MONEY), "whole", put_money_whole },
	{ T(MONEY), "words", put_money_words },
	{ T(INTEGER), "grouped", NULL },
	{ T(INTEGER), "plain", put_integer_plain },
	{ T(INTEGER), "words", put_integer_words },
	{ T(INTEGER), "ordinal", put_integer_ordinal },
	{ T(DATE), "long", put_date_long },
	{ T(DATE), "short", put_date_short },
	{ T(DATE), "numeric", put_date_numeric },
	{ T(DATE), "iso", put_date_iso },
};

const pactum_format *pactum__format_find(pactum_type type, const char *name)
{
	size_t i;

	for (i = 0; i < PACTUM_ARRAY_SIZE(formats); i++)
		if (formats[i].type == type && strcmp(formats[i].name, name) == 0)
			return &formats[i];
	return NULL;
}

void pactum__format_names(pactum_buf *out, pactum_type type)
{
	size_t i, n = 0;

	for (i = 0; i < PACTUM_ARRAY_SIZE(formats); i++) {
		if (formats[i].type != type)
			continue;
		if (n > 0)
			pactum__buf_puts(out, ", ");
		pactum__buf_puts(out, formats[i].name);
		n++;
	}
}

const char *pactum__format_put(pactum_buf *out, const pactum_value *v,
			       const pactum_locale *loc,
			       const pactum_format *format)
{
	if (format->put == NULL) {
		pactum__value_format(out, v, loc);
		return NULL;
	}
	return format->put(out, v, loc);
}
