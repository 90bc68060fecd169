/* The per-language formatting tables behind pactum_locale, shared by
 * locale.c (which holds them) and value.c (which reads them).  Not named
 * locale.h: core/lib is on the include path, and <libintl.h> includes the
 * system's <locale.h> when optimising. */
#ifndef PACTUM_LANGTAB_H
#define PACTUM_LANGTAB_H

#include "value.h"

#define PACTUM_DURATION_UNIT_COUNT (PACTUM_YEARS + 1)

/*
 * All strings are UTF-8 and static.  The patterns are pactum's own (never
 * handed to printf or strftime): a '%' followed by one letter stands for a
 * field, "%%" is a literal '%', everything else is copied.
 *
 *   date_pattern      %d day, %B month name, %Y year (all unpadded)
 *   money_pattern     %s sign ("-" or nothing), %n the unsigned amount,
 *                     %c the currency code
 *   percent_pattern   %n the signed number
 *   duration_pattern  %n the count, %u the unit word
 */
struct pactum_locale {
	const char *lang;          /* language code, as asked for: "de" */
	const char *months[12];    /* January first */
	const char *date_pattern;
	const char *decimal_mark;
	const char *group_sep;     /* between groups of three, from 1000 on */
	const char *percent_pattern;
	const char *money_pattern;
	const char *money_symbol_pattern; /* the same, %c a symbol: "€" */
	const char *icu;           /* the ICU (CLDR) locale of its data */
	/* RBNF rule sets for a count of a masculine ([0]) and a feminine
	 * ([1]) noun: "ein Euro", "eine Krone" */
	const char *spell_rules[2];
	/* [unit][0] for a count of exactly 1, [unit][1] for any other */
	const char *units[PACTUM_DURATION_UNIT_COUNT][2];
	/* the same in the other cases, [unit][plural][case]; NULL where the
	 * language does not decline (then units[] serves) */
	const char *unit_cases[PACTUM_DURATION_UNIT_COUNT][2][PACTUM_CASE_COUNT_];
	const char *duration_pattern;
	const char *yes;
	const char *no;
	const char *xref_word;     /* before a section number: "Section 3.2" */
	const char *xref_item_sep; /* between a clause's number and its item's:
				      "3.3(c)", "3.3 (c)" */
	const char *words[PACTUM_WORD_COUNT_];
};

#endif /* PACTUM_LANGTAB_H */
