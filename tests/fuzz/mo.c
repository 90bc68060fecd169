/* The .mo catalog loader (core/lib/catalog.c) and its lookups: the input
 * is a catalog file.  Every original the file's own table names is looked
 * up again (split at the context's \x04), singular and plural, so the
 * lookups run on what the loader accepted; then a regional catalog of the
 * same bytes is put in front of it, as the translator does for de_AT. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "catalog.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_setup();
	return 0;
}

static uint32_t word(const uint8_t *p, int swap)
{
	uint32_t w;

	memcpy(&w, p, 4);
	return swap ? __builtin_bswap32(w) : w;
}

static void lookups(const pactum_catalog *cat, const uint8_t *data,
		    size_t size)
{
	static const unsigned long counts[] = { 0, 1, 2, 3, 5, 11, 21, 22,
						101, 111, 1000000,
						4294967295ul };
	uint32_t n, table, i;
	int swap;
	size_t k;

	if (size < 28)
		return;
	swap = word(data, 0) != 0x950412deu;
	n = word(data + 8, swap);
	table = word(data + 12, swap);
	for (i = 0; i < n && i < 64; i++) {
		size_t at = (size_t)table + (size_t)i * 8;
		uint32_t len, off;
		char *msgid, *eot, *ctx = NULL;

		if (at > size || size - at < 8)
			return;
		len = word(data + at, swap);
		off = word(data + at + 4, swap);
		if (off > size || size - off < len)
			return;
		msgid = fuzz_strndup(data + off, len);
		eot = strchr(msgid, '\x04');
		if (eot != NULL) {
			*eot = '\0';
			ctx = msgid;
		}
		(void)pactum__catalog_get(cat, ctx, eot ? eot + 1 : msgid,
					  NULL);
		for (k = 0; k < PACTUM_ARRAY_SIZE(counts); k++)
			(void)pactum__catalog_nget(cat, ctx,
						   eot ? eot + 1 : msgid,
						   counts[k], NULL);
		free(msgid);
	}
	for (k = 0; k < PACTUM_ARRAY_SIZE(counts); k++) {
		unsigned nplurals;

		(void)pactum__catalog_plural(cat, counts[k], &nplurals);
	}
	(void)pactum__catalog_get(cat, NULL, "", NULL);
	(void)pactum__catalog_get(cat, "no such", "context", NULL);
	(void)pactum__catalog_size(cat);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const langs[] = { "de", "de_AT", "en", "fr" };
	pactum_catalog *cat = NULL, *region = NULL;
	pactum_diag *diag;
	const char *lang;
	int error;

	/* the language asked for: by the size, so that a header naming
	 * any of them can be right */
	lang = langs[size % PACTUM_ARRAY_SIZE(langs)];
	if (size > PACTUM_MAX_INPUT || pactum_diag_new(&diag) != PACTUM_OK)
		return 0;
	error = pactum__catalog_load(&cat, "fuzz.mo", (const char *)data,
				     size, lang, diag);
	fuzz_status(error, "catalog_load");
	if (error == PACTUM_OK) {
		lookups(cat, data, size);
		error = pactum__catalog_load(&region, "fuzz-region.mo",
					     (const char *)data, size, lang,
					     diag);
		if (error == PACTUM_OK) {
			pactum__catalog_set_fallback(region, cat);
			lookups(region, data, size);
		}
	}
	pactum__catalog_free(region);
	pactum__catalog_free(cat);
	pactum_diag_free(diag);
	return 0;
}
