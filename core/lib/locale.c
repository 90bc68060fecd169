/* Per-language formatting rules, kept as data so that the output never
 * depends on which locales the machine has installed.  Adding a language is
 * adding one entry to the table below (and its catalogs). */
#include "config.h"

#include <string.h>

#include "langtab.h"

static const struct pactum_locale locales[] = {
	{
		.lang = "de",
		.months = {
			"Januar", "Februar", "M\xc3\xa4rz", "April", "Mai",
			"Juni", "Juli", "August", "September", "Oktober",
			"November", "Dezember",
		},
		.date_pattern = "%d. %B %Y",
		.decimal_mark = ",",
		.group_sep = ".",
		/* DIN 5008: a space before the sign, one that never breaks */
		.percent_pattern = "%n\xc2\xa0%%",
		.money_pattern = "%s%n %c",
		.units = {
			[PACTUM_DAYS] = { "Tag", "Tage" },
			[PACTUM_WEEKS] = { "Woche", "Wochen" },
			[PACTUM_MONTHS] = { "Monat", "Monate" },
			[PACTUM_YEARS] = { "Jahr", "Jahre" },
		},
		.duration_pattern = "%n %u",
		.yes = "ja",
		.no = "nein",
		.xref_word = "Ziffer",
		.xref_item_sep = "\xc2\xa0", /* "Ziffer 3.3 (c)", kept together */
	},
	{
		.lang = "en",
		.months = {
			"January", "February", "March", "April", "May", "June",
			"July", "August", "September", "October", "November",
			"December",
		},
		.date_pattern = "%d %B %Y",
		.decimal_mark = ".",
		.group_sep = ",",
		.percent_pattern = "%n%%",
		.money_pattern = "%s%c %n",
		.units = {
			[PACTUM_DAYS] = { "day", "days" },
			[PACTUM_WEEKS] = { "week", "weeks" },
			[PACTUM_MONTHS] = { "month", "months" },
			[PACTUM_YEARS] = { "year", "years" },
		},
		.duration_pattern = "%n %u",
		.yes = "yes",
		.no = "no",
		.xref_word = "Section",
		.xref_item_sep = "", /* "Section 3.3(c)" */
	},
};

const pactum_locale *pactum__locale_get(const char *lang)
{
	size_t i;

	if (lang == NULL)
		return NULL;
	for (i = 0; i < PACTUM_ARRAY_SIZE(locales); i++) {
		if (strcmp(locales[i].lang, lang) == 0)
			return &locales[i];
	}
	return NULL;
}

const char *pactum__locale_lang(const pactum_locale *loc)
{
	return loc->lang;
}

const char *pactum__locale_xref_word(const pactum_locale *loc)
{
	return loc->xref_word;
}

const char *pactum__locale_xref_item_sep(const pactum_locale *loc)
{
	return loc->xref_item_sep;
}
