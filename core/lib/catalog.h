/* Compiled gettext catalogs (.mo), read without libintl and without the
 * process locale, so that German and English render in one run whatever the
 * machine has installed.  The format is the one in the gettext manual,
 * "The Format of GNU MO Files". */
#ifndef PACTUM_CATALOG_H
#define PACTUM_CATALOG_H

#include "internal.h"

typedef struct pactum_catalog pactum_catalog;

/*
 * Validate and load a catalog from memory.  bytes is copied.  name is the
 * file name used in diagnostics.  lang is the language the caller wants:
 * the catalog's "Language:" header must name it (exactly, or with a region:
 * "de_DE" serves "de").  A catalog is refused, with an error naming what is
 * wrong, when: the magic number is neither 0x950412de nor its byte swap;
 * the major revision is not 0; any table, string offset or length falls
 * outside the file; a string is not NUL-terminated; the originals are not
 * in strictly increasing byte order; there is no header entry (msgid ""),
 * its charset is not UTF-8, or its Language is missing or differs from
 * lang; the Plural-Forms expression is not one of the known ones; a
 * translation is not valid UTF-8.
 *
 * Owned: release with pactum__catalog_free().  Returns PACTUM_OK,
 * PACTUM_EINPUT (reported to diag) or PACTUM_ENOMEM.
 */
int pactum__catalog_load(pactum_catalog **out, const char *name,
			 const char *bytes, size_t len, const char *lang,
			 pactum_diag *diag);

/* The same, reading the file at path (size-capped at PACTUM_MAX_INPUT). */
int pactum__catalog_open(pactum_catalog **out, const char *path,
			 const char *lang, pactum_diag *diag);

void pactum__catalog_free(pactum_catalog *cat);
/* A key looked up: ctx "\x04" msgid (ctx NULL: msgid alone), never
 * assembled; the lengths are taken once for the whole search. */
struct pactum_key {
	const char *ctx, *msgid;
	size_t ctx_len, msgid_len;
};

struct pactum_key pactum__catalog_key(const char *ctx, const char *msgid);
/* How key (key_len bytes: msgfmt's "ctx\x04msgid", or msgid alone)
 * sorts against k, piece by piece: <0, 0, >0 as key sorts before, equal
 * to or after it, in msgfmt's byte order. */
int pactum__catalog_key_cmp(const char *key, size_t key_len,
			    const struct pactum_key *k);

/*
 * Look up msgid in context ctx (NULL: no context).  Returns the translation,
 * borrowed from the catalog and NUL-terminated, with its length in *len
 * (len may be NULL); for a plural entry, its first form.  Returns NULL when
 * neither the catalog nor its fallbacks have an entry with a translation.
 */
const char *pactum__catalog_get(const pactum_catalog *cat, const char *ctx,
				const char *msgid, size_t *len);

/*
 * Plural lookup: msgid is the singular, n the count; the form is chosen by
 * the catalog's Plural-Forms.  NULL as above.
 */
const char *pactum__catalog_nget(const pactum_catalog *cat, const char *ctx,
				 const char *msgid, unsigned long n,
				 size_t *len);

/* The form for a count of n by the catalog's Plural-Forms (0-based), and
 * in *nplurals how many forms it has. */
unsigned pactum__catalog_plural(const pactum_catalog *cat, unsigned long n,
				unsigned *nplurals);

/* Let lookups in cat that find nothing, or an empty translation, go on
 * in fallback (the language's catalog behind a regional one's); the
 * translator sets it once, before cat is shared. */
void pactum__catalog_set_fallback(pactum_catalog *cat,
				  const pactum_catalog *fallback);

/* Number of entries, the header included. */
size_t pactum__catalog_size(const pactum_catalog *cat);
/* The file name given when the catalog was loaded; borrowed. */
const char *pactum__catalog_name(const pactum_catalog *cat);

#endif /* PACTUM_CATALOG_H */
