/* The per-language conventions behind pactum_locale, shared by locale.c
 * (which builds them) and value.c and format.c (which read them).  Not
 * named locale.h: core/lib is on the include path, and <libintl.h>
 * includes the system's <locale.h> when optimising. */
#ifndef PACTUM_LANGTAB_H
#define PACTUM_LANGTAB_H

#include "catalog.h"
#include "value.h"
#include "words.h"

/*
 * Strings are UTF-8, owned by the locale's arena or borrowed from its
 * catalog.  The patterns are pactum's own (never handed to printf or
 * strftime), converted from CLDR's: a '%' followed by one letter stands
 * for a field, "%%" is a literal '%', everything else is copied.
 *
 *   date_pattern      %d day, %B month name, %Y year (all unpadded)
 *   money_pattern     %s sign ("-" or nothing), %n the unsigned amount,
 *                     %c the currency code
 *   percent_pattern   %n the signed number
 */
struct pactum_locale {
	const char *lang;          /* the language tag asked for: "de-AT" */
	const char *icu;           /* the ICU (CLDR) locale of its data */
	char *tag;                 /* the same as a BCP 47 tag: "de-DE" */
	/* the "pactum-words" catalog (with its fallbacks); NULL: English */
	const pactum_catalog *cat;
	const char *words[PACTUM_WORD_COUNT_]; /* translated, or English */
	const char *months[12];    /* January first */
	const char *date_pattern;
	const char *decimal_mark;
	const char *group_sep;     /* between groups of three, from 1000 on */
	const char *percent_pattern;
	const char *money_pattern;
	const char *money_symbol_pattern; /* the same, %c a symbol: "€" */
	/* RBNF rule sets for a count of a masculine ([0]) and a feminine
	 * ([1]) noun: "ein Euro", "eine Krone" */
	const char *spell_rules[2];
	const char *quote_open, *quote_close; /* of PACTUM_WORD_QUOTE */
	pactum_arena *arena;
	struct pactum_locale *next; /* in the translator's list */
};

#endif /* PACTUM_LANGTAB_H */
