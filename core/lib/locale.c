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
		/* a no-break space: "1.200,00 EUR" is never two lines */
		.money_pattern = "%s%n\xc2\xa0%c",
		.money_symbol_pattern = "%s%n\xc2\xa0%c",
		.icu = "de_DE",
		.spell_rules = { "%spellout-cardinal-masculine",
				 "%spellout-cardinal-feminine" },
		.units = {
			[PACTUM_DAYS] = { "Tag", "Tage" },
			[PACTUM_WEEKS] = { "Woche", "Wochen" },
			[PACTUM_MONTHS] = { "Monat", "Monate" },
			[PACTUM_YEARS] = { "Jahr", "Jahre" },
		},
		.unit_cases = {
			/* nominative, genitive, dative, accusative */
			[PACTUM_DAYS] = { { "Tag", "Tages", "Tag", "Tag" },
					  { "Tage", "Tage", "Tagen", "Tage" } },
			[PACTUM_WEEKS] = { { "Woche", "Woche", "Woche", "Woche" },
					   { "Wochen", "Wochen", "Wochen",
					     "Wochen" } },
			[PACTUM_MONTHS] = { { "Monat", "Monats", "Monat", "Monat" },
					    { "Monate", "Monate", "Monaten",
					      "Monate" } },
			[PACTUM_YEARS] = { { "Jahr", "Jahres", "Jahr", "Jahr" },
					   { "Jahre", "Jahre", "Jahren",
					     "Jahre" } },
		},
		.duration_pattern = "%n %u",
		.yes = "ja",
		.no = "nein",
		.xref_word = "Ziffer",
		.xref_item_sep = "\xc2\xa0", /* "Ziffer 3.3 (c)", kept together */
		.words = {
			[PACTUM_WORD_OMITTED] = "[entf\xc3\xa4llt]",
			[PACTUM_WORD_ANNEX] = "Anlage",
			[PACTUM_WORD_SCHEDULE] = "Anhang",
			/* German has fewer words than the series: a model
			 * may not use two that share one (check.c) */
			[PACTUM_WORD_EXHIBIT] = "Anlage",
			[PACTUM_WORD_APPENDIX] = "Anhang",
			/* "in Buchstabe (B) der Präambel genannt" */
			[PACTUM_WORD_RECITAL] = "Buchstabe\xc2\xa0%v der Pr\xc3\xa4" "ambel",
			[PACTUM_WORD_VERSION_DATE] = "Fassung %v vom %d",
			[PACTUM_WORD_VERSION] = "Fassung %v",
			[PACTUM_WORD_DATE] = "Stand: %d",
			[PACTUM_WORD_PLACE_DATE] = "Ort, Datum",
			[PACTUM_WORD_SIGNATURE] = "Unterschrift",
			[PACTUM_WORD_SIGNATORY_NAME] = "Name",
			[PACTUM_WORD_FUNCTION] = "Funktion",
			[PACTUM_WORD_FIELD_NAME] = "Firma",
			[PACTUM_WORD_FIELD_ADDRESS] = "Anschrift",
			[PACTUM_WORD_FIELD_REGISTER] = "Handelsregister",
			[PACTUM_WORD_FIELD_VAT_ID] = "USt-IdNr.",
			[PACTUM_WORD_FIELD_REPRESENTATIVE] = "vertreten durch",
			[PACTUM_WORD_AND] = "und",
			[PACTUM_WORD_QUOTE] = "\xe2\x80\x9e%v\xe2\x80\x9c", /* „…“ */
		},
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
		.money_pattern = "%s%c\xc2\xa0%n",
		.money_symbol_pattern = "%s%c%n",
		.icu = "en_GB",
		.spell_rules = { "%spellout-cardinal", "%spellout-cardinal" },
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
		.words = {
			[PACTUM_WORD_OMITTED] = "[intentionally omitted]",
			[PACTUM_WORD_ANNEX] = "Annex",
			[PACTUM_WORD_SCHEDULE] = "Schedule",
			[PACTUM_WORD_EXHIBIT] = "Exhibit",
			[PACTUM_WORD_APPENDIX] = "Appendix",
			[PACTUM_WORD_RECITAL] = "Recital\xc2\xa0%v",
			[PACTUM_WORD_VERSION_DATE] = "Version %v dated %d",
			[PACTUM_WORD_VERSION] = "Version %v",
			[PACTUM_WORD_DATE] = "As of %d",
			[PACTUM_WORD_PLACE_DATE] = "Place, date",
			[PACTUM_WORD_SIGNATURE] = "Signature",
			[PACTUM_WORD_SIGNATORY_NAME] = "Name",
			[PACTUM_WORD_FUNCTION] = "Title",
			[PACTUM_WORD_FIELD_NAME] = "Legal name",
			[PACTUM_WORD_FIELD_ADDRESS] = "Address",
			[PACTUM_WORD_FIELD_REGISTER] = "Commercial register",
			[PACTUM_WORD_FIELD_VAT_ID] = "VAT ID",
			[PACTUM_WORD_FIELD_REPRESENTATIVE] = "represented by",
			[PACTUM_WORD_AND] = "and",
			[PACTUM_WORD_QUOTE] = "\xe2\x80\x9c%v\xe2\x80\x9d", /* “…” */
		},
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

const char *pactum__locale_word(const pactum_locale *loc, pactum_word w)
{
	const char *s = (unsigned)w < PACTUM_WORD_COUNT_ ? loc->words[w] : NULL;

	return s ? s : "";
}

void pactum__locale_expand(pactum_buf *out, const char *pattern,
			   const char *v, const char *d)
{
	const char *p;

	for (p = pattern; *p; p++) {
		if (p[0] == '%' && p[1] == 'v')
			pactum__buf_puts(out, v ? v : ""), p++;
		else if (p[0] == '%' && p[1] == 'd')
			pactum__buf_puts(out, d ? d : ""), p++;
		else
			pactum__buf_putc(out, *p);
	}
}
