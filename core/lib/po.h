/* Reading .po files, for 'pactum check': only the source catalog knows
 * which entries are fuzzy (msgfmt leaves them out of the .mo). */
#ifndef PACTUM_PO_H
#define PACTUM_PO_H

#include "internal.h"

typedef struct pactum_po_entry {
	const char *ctx;          /* NULL: no msgctxt */
	const char *msgid;
	const char *msgid_plural; /* NULL: not a plural entry */
	const char **msgstr;      /* nstr forms */
	size_t nstr;
	int fuzzy;
	uint32_t line;            /* of its msgid */
	const char *key;          /* ctx "\x04" msgid, or msgid: how it is found */
	size_t key_len;
} pactum_po_entry;

typedef struct pactum_po pactum_po;

/*
 * Parse the PO file at path (UTF-8; obsolete "#~" entries are skipped).
 * Reports malformed input with its line.  Owned: release with
 * pactum__po_free().  Returns PACTUM_OK, PACTUM_EINPUT or PACTUM_ENOMEM.
 */
int pactum__po_read(pactum_po **out, const char *path, pactum_diag *diag);
/* The same from memory: bytes[0..len) is the file, NUL-terminated at
 * len, and is cut up into lines in place; path names it in messages. */
int pactum__po_parse(pactum_po **out, const char *path, char *bytes,
		     size_t len, pactum_diag *diag);
void pactum__po_free(pactum_po *po);
/* The entries in file order: how many, and entry i (NULL when i is out
 * of range); borrowed. */
size_t pactum__po_count(const pactum_po *po);
const pactum_po_entry *pactum__po_entry(const pactum_po *po, size_t i);
/* The entry for ctx (may be NULL) and msgid, or NULL; borrowed. */
const pactum_po_entry *pactum__po_find(const pactum_po *po, const char *ctx,
				       const char *msgid);

/* The path it was read from; borrowed. */
const char *pactum__po_path(const pactum_po *po);

#endif /* PACTUM_PO_H */
