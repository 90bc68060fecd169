/* The core's contract words in English, with the msgctxt and the note a
 * translator sees in locales/pactum-words/pactum-words.pot (written by
 * `pactum extract --words`).  Other languages are catalogs, never rows. */
#include "config.h"

#include <string.h>

#include "icu.h"
#include "value.h"
#include "words.h"

#define NBSP "\xc2\xa0"
#define NBSP_NOTE " The space after it is a no-break space (U+00A0): " \
		  "keep one there."
#define W(ctx, id, note) { ctx, id, NULL, note }
#define WP(ctx, id, plural, note) { ctx, id, plural, note }
/* one entry per language, keyed by the language's English name */
#define WL(ctx, note) { ctx, NULL, NULL, note }

#define CASE_NOTE(c) "The unit after a count, in the " c " (German " \
	"\"innerhalb von {count} Tagen\" asks for the dative); where the " \
	"language does not decline, as in the nominative."
#define UNIT(u, us)                                                        \
	WP("duration", "{count} " u, "{count} " us,                        \
	   "A duration: the count, then the unit."),                       \
	WP("duration, genitive", "{count} " u, "{count} " us,              \
	   CASE_NOTE("genitive")),                                         \
	WP("duration, dative", "{count} " u, "{count} " us,                \
	   CASE_NOTE("dative")),                                           \
	WP("duration, accusative", "{count} " u, "{count} " us,            \
	   CASE_NOTE("accusative"))

static const pactum_word_def words[PACTUM_WORD_COUNT_] = {
	[PACTUM_WORD_LOCALE] = W(
		"CLDR locale", "en_GB",
		"Not shown: the ICU/CLDR locale whose data formats numbers, "
		"amounts, dates and month names in this language (de_DE, "
		"de_AT, fr_FR).  A --lang with a region (de-AT) uses that "
		"region instead."),
	[PACTUM_WORD_LANGUAGE] = W(
		"this language's own name", "English",
		"The name of the language of this catalog, in that language "
		"(\"Deutsch\"), over its column in a side-by-side layout."),
	[PACTUM_WORD_PARTIES] = W("heading", "Parties",
				  "The heading over the parties' details."),
	[PACTUM_WORD_DEFINITIONS] = W("heading", "Definitions",
				      "The heading over the defined terms."),
	[PACTUM_WORD_SIGNATURES] = W("heading", "Signatures",
				     "The heading over the signature blocks."),
	[PACTUM_WORD_FOOTNOTES] = W("heading", "Footnotes",
				    "The heading over the footnotes, where a "
				    "writer gathers them at the end."),
	[PACTUM_WORD_PREVAILING] = W(
		"language label", "prevailing version",
		"Beside the language's name over its column or part, in a "
		"bilingual agreement, when this version prevails."),
	[PACTUM_WORD_PAGE] = W(
		"page footer", "Page {page} of {pages}",
		"In the footer of every page of a paged format (DOCX, PDF): "
		"{page} is the page's number, {pages} the number of pages."),
	[PACTUM_WORD_OMITTED] = W(
		"omitted part", "[intentionally omitted]",
		"Shown in place of a section or clause a deal leaves out, "
		"where the model keeps its number."),
	[PACTUM_WORD_ANNEX] = W(
		"annex series", "Annex",
		"Before an annex's number: \"Annex 1\".  The four series "
		"(annex, schedule, exhibit, appendix) may share a word where "
		"the language has fewer; a model then uses only one of "
		"them."),
	[PACTUM_WORD_SCHEDULE] = W("annex series", "Schedule",
				   "As \"Annex\", for schedules."),
	[PACTUM_WORD_EXHIBIT] = W("annex series", "Exhibit",
				  "As \"Annex\", for exhibits."),
	[PACTUM_WORD_APPENDIX] = W("annex series", "Appendix",
				   "As \"Annex\", for appendices."),
	[PACTUM_WORD_RECITAL] = W(
		"reference to a recital", "Recital" NBSP "{number}",
		"A reference to a recital of the preamble; {number} is its "
		"letter: \"Recital (B)\"." NBSP_NOTE),
	[PACTUM_WORD_XREF] = W(
		"reference to a section or clause", "Section" NBSP "{number}",
		"A cross-reference; {number} is \"3.2\" or, for a list item, "
		"the reference to an item below." NBSP_NOTE),
	[PACTUM_WORD_XREF_ITEM] = W(
		"reference to a list item", "{clause}{items}",
		"The number of a list item in a reference: {clause} is the "
		"clause's (\"3.3\"), {items} the item's (\"(c)\", "
		"\"(c)(ii)\"); German puts a no-break space between them."),
	[PACTUM_WORD_VERSION_DATE] = W(
		"version line", "Version {version} dated {date}",
		"Under the title: the agreement's version and date."),
	[PACTUM_WORD_VERSION] = W("version line", "Version {version}",
				  "Under the title, when the model gives no "
				  "date."),
	[PACTUM_WORD_DATE] = W("version line", "As of {date}",
			       "Under the title, when the model gives no "
			       "version."),
	[PACTUM_WORD_PLACE_DATE] = W("signature block", "Place, date",
				     "A line to write the place and date of "
				     "signing on."),
	[PACTUM_WORD_SIGNATURE] = W("signature block", "Signature",
				    "Under the line to sign on."),
	[PACTUM_WORD_SIGNATORY_NAME] = W("signature block", "Name",
					 "The signatory's name."),
	[PACTUM_WORD_FUNCTION] = W("signature block", "Title",
				   "The signatory's function (\"Managing "
				   "Director\"), not a title of nobility."),
	[PACTUM_WORD_FIELD_NAME] = W("party field", "Legal name",
				     "A party's registered name."),
	[PACTUM_WORD_FIELD_ADDRESS] = W("party field", "Address",
					"A party's address."),
	[PACTUM_WORD_FIELD_REGISTER] = W(
		"party field", "Commercial register",
		"Before a register entry (\"Amtsgericht Hamburg, HRB "
		"123456\"): German \"Handelsregister\", Austrian "
		"\"Firmenbuch\"."),
	[PACTUM_WORD_FIELD_VAT_ID] = W(
		"party field", "VAT ID",
		"Before a VAT identification number: German \"USt-IdNr.\", "
		"Austrian \"UID-Nr.\"."),
	[PACTUM_WORD_FIELD_REPRESENTATIVE] = W(
		"party field", "represented by",
		"Before the names of the persons who represent the party."),
	[PACTUM_WORD_FIELD_COUNTRY] = W(
		"party field", "Country",
		"Before the name of a party's country, for a party given a "
		"country but no address."),
	[PACTUM_WORD_ADDRESS_COUNTRY] = W(
		"party field", "{address}, {country}",
		"A party's address followed by its country's name (from "
		"CLDR): \"Maria-Theresien-Straße 18, 6020 Innsbruck, "
		"Österreich\"."),
	[PACTUM_WORD_AND] = W("amount in words", "and",
			      "Between the whole units and the cents: "
			      "\"ten euros and fifty cents\"."),
	[PACTUM_WORD_QUOTE] = W(
		"quotation marks", "\xe2\x80\x9c{term}\xe2\x80\x9d",
		"Around a defined term where it is defined: the language's "
		"quotation marks (German \xe2\x80\x9e{term}\xe2\x80\x9c)."),
	[PACTUM_WORD_YES] = W("boolean value", "yes", "A yes/no value."),
	[PACTUM_WORD_NO] = W("boolean value", "no", "A yes/no value."),
	[PACTUM_WORD_PREVAILS] = W(
		"language clause",
		"This Agreement is made in {languages}. In the event of any "
		"discrepancy between the versions, the {prevailing} version "
		"prevails.",
		"The clause on the languages of a contract rendered in "
		"several: {languages} lists them (\"German and English\", "
		"from the \"language, as in 'made in German'\" entries), "
		"{prevailing} is the binding one (from the \"language, as "
		"in 'the German version'\" entries)."),
	[PACTUM_WORD_TRANSLATION_OF] = W(
		"language clause",
		"This {language} version is a translation. Only the "
		"{prevailing} version is binding.",
		"The language clause of a contract rendered in one language "
		"that is not the binding one: {language} is this one, "
		"{prevailing} the binding one (both from the \"language, as "
		"in 'the German version'\" entries)."),
	[PACTUM_WORD_LANGUAGE_IN] = WL(
		"language, as in 'made in German'",
		"A language's name as it stands in \"This Agreement is made "
		"in {languages}\" (German: \"deutscher\", for \"in deutscher "
		"und englischer Sprache\")."),
	[PACTUM_WORD_LANGUAGE_OF] = WL(
		"language, as in 'the German version'",
		"A language's name as it stands before \"version\" (German: "
		"\"deutsche\", for \"die deutsche Fassung\")."),
	[PACTUM_WORD_LIST_AND] = W(
		"list of two or more", "{first} and {last}",
		"Joins the last item of a list to the others: \"German, "
		"English and French\"; the others are joined by \", \"."),
	[PACTUM_WORD_DURATION_ + 0] = UNIT("day", "days"),
	[PACTUM_WORD_DURATION_ + 4] = UNIT("week", "weeks"),
	[PACTUM_WORD_DURATION_ + 8] = UNIT("month", "months"),
	[PACTUM_WORD_DURATION_ + 12] = UNIT("year", "years"),
	[PACTUM_WORD_SUBUNIT_ + 0] = WP(
		"cents of EUR, in words", "{count} cent", "{count} cents",
		"After an amount of euros in words: \"fifty cents\"; "
		"{count} is the number in words."),
	[PACTUM_WORD_SUBUNIT_ + 1] = WP(
		"pence of GBP, in words", "{count} penny", "{count} pence",
		"After an amount of pounds in words."),
	[PACTUM_WORD_SUBUNIT_ + 2] = WP(
		"cents of USD, in words", "{count} cent", "{count} cents",
		"After an amount of dollars in words."),
	[PACTUM_WORD_SUBUNIT_ + 3] = WP(
		"centimes of CHF, in words", "{count} centime",
		"{count} centimes",
		"After an amount of Swiss francs in words (German "
		"\"Rappen\")."),
};

/* in the order of PACTUM_WORD_SUBUNIT_ and after */
static const char subunit_codes[][4] = { "EUR", "GBP", "USD", "CHF" };

const pactum_word_def *pactum__word_def(pactum_word w)
{
	return &words[w];
}

int pactum__word_subunit(const char *code)
{
	size_t i;

	for (i = 0; i < PACTUM_ARRAY_SIZE(subunit_codes); i++)
		if (strcmp(subunit_codes[i], code) == 0)
			return PACTUM_WORD_SUBUNIT_ + (int)i;
	return -1;
}

/* The length of the field name at p ("{name}" → 4), or 0 when p does not
 * start a field: a name is [a-z]+. */
static size_t field_at(const char *p)
{
	size_t n = 0;

	if (*p != '{')
		return 0;
	while (p[1 + n] >= 'a' && p[1 + n] <= 'z')
		n++;
	return n > 0 && p[1 + n] == '}' ? n : 0;
}

void pactum__word_expand(pactum_buf *out, const char *pattern,
			 const char *const *names, const char *const *values,
			 size_t n)
{
	const char *p = pattern;
	size_t len, i;

	while (*p != '\0') {
		len = field_at(p);
		for (i = 0; len > 0 && i < n; i++)
			if (strlen(names[i]) == len &&
			    memcmp(names[i], p + 1, len) == 0)
				break;
		if (len == 0 || i == n) {
			pactum__buf_putc(out, *p++);
			continue;
		}
		pactum__buf_puts(out, values[i] ? values[i] : "");
		p += len + 2;
	}
}

/* How often field name (len bytes) is in s. */
static unsigned count_field(const char *s, const char *name, size_t len)
{
	unsigned k = 0;

	for (; *s != '\0'; s++)
		if (field_at(s) == len && memcmp(s + 1, name, len) == 0)
			k++;
	return k;
}

/* The first field of a that b does not hold exactly once. */
static int fields_in(const char *a, const char *b, const char **name,
		     size_t *len)
{
	size_t n;

	for (; *a != '\0'; a++) {
		n = field_at(a);
		if (n > 0 && count_field(b, a + 1, n) != 1) {
			*name = a + 1;
			*len = n;
			return 0;
		}
	}
	return 1;
}

int pactum__word_fields_match(const char *msgid, const char *msgstr,
			      const char **name, size_t *len)
{
	return fields_in(msgid, msgstr, name, len) &&
	       fields_in(msgstr, msgid, name, len);
}

/* A plural form for one may say the count in its own words ("einem
 * Monat" holds no {count}), as gettext's forms for one may. */
int pactum__word_form_fits(const pactum_word_def *d, const char *form,
			   unsigned long n, const char **name, size_t *len)
{
	if (d->plural != NULL && n == 1 && strchr(form, '{') == NULL)
		return 1;
	return pactum__word_fields_match(d->msgid, form, name, len);
}

size_t pactum_words_count(void)
{
	return PACTUM_WORD_COUNT_;
}

int pactum_words_entry(size_t i, const char **ctx, const char **msgid,
		       const char **msgid_plural, const char **note)
{
	if (i >= PACTUM_WORD_COUNT_)
		return PACTUM_EINVAL;
	if (ctx)
		*ctx = words[i].ctx;
	if (msgid)
		*msgid = words[i].msgid;
	if (msgid_plural)
		*msgid_plural = words[i].plural;
	if (note)
		*note = words[i].note;
	return PACTUM_OK;
}

char *pactum_language_name(const char *lang)
{
	pactum_buf name = PACTUM_BUF_INIT;
	char base[8];

	if (!pactum_lang_supported(lang))
		return NULL;
	pactum__lang_dir(base, lang, 1);
	if (pactum__icu_language_name(&name, base) != PACTUM_OK ||
	    name.len == 0 || strcmp(name.ptr, base) == 0) {
		pactum__buf_free(&name);
		return NULL;
	}
	return pactum__buf_detach(&name);
}
