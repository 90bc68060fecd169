/*
 * bench/icufloor: the least a program must do to render the bench's
 * 30-clause agreement in German and English with pactum's libraries,
 * timed by bench/run.py beside pactum as the floor of its "30 clauses in
 * under 3 ms" target.
 *
 *   icufloor MODEL.xml
 *
 * It starts linked against libxml2 and ICU, parses MODEL with libxml2,
 * and has ICU write, in de and in en, what the bench's deal needs: the
 * fee as a number and in words (rule-based spell-out) and the start date
 * in the long form.  It writes nothing else and exits 0, or 1 with a
 * message when a step fails.  Everything pactum does beyond this (its
 * plugins, catalogs, the check, translation, the DocBook) is what
 * pactum's time over this program's measures.
 */
#include <stdio.h>

#include <libxml/parser.h>
#include <unicode/udat.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>

#define FEE 12500
#define START_MS 1803859200000.0 /* 2027-03-01 00:00 UTC */

static int language(const char *locale)
{
	UErrorCode status = U_ZERO_ERROR;
	UChar utc[4], out[256];
	UNumberFormat *number = NULL, *words = NULL;
	UDateFormat *date = NULL;
	int ok = 0;

	number = unum_open(UNUM_DECIMAL, NULL, 0, locale, NULL, &status);
	words = unum_open(UNUM_SPELLOUT, NULL, 0, locale, NULL, &status);
	date = udat_open(UDAT_NONE, UDAT_LONG, locale, u_uastrcpy(utc, "UTC"),
			 -1, NULL, 0, &status);
	if (U_FAILURE(status))
		goto cleanup;
	unum_formatInt64(number, FEE, out, 256, NULL, &status);
	unum_formatInt64(words, FEE, out, 256, NULL, &status);
	udat_format(date, START_MS, out, 256, NULL, &status);
	ok = U_SUCCESS(status);

cleanup:
	if (!ok)
		fprintf(stderr, "icufloor: ICU, %s: %s\n", locale,
			u_errorName(status));
	if (date)
		udat_close(date);
	if (words)
		unum_close(words);
	if (number)
		unum_close(number);
	return ok;
}

int main(int argc, char **argv)
{
	xmlDocPtr doc;

	if (argc != 2) {
		fprintf(stderr, "usage: icufloor MODEL.xml\n");
		return 1;
	}
	if ((doc = xmlReadFile(argv[1], NULL, XML_PARSE_NONET)) == NULL) {
		fprintf(stderr, "icufloor: %s: cannot parse\n", argv[1]);
		return 1;
	}
	xmlFreeDoc(doc);
	return language("de") && language("en") ? 0 : 1;
}
