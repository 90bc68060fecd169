/* English left in a translation (english.c): what pactum check warns of. */
#ifndef PACTUM_ENGLISH_H
#define PACTUM_ENGLISH_H

#include "model.h"

/* The words and phrases a domain keeps in English on purpose. */
typedef struct pactum_keep pactum_keep;

/* Read the list at path: a word or phrase a line, '#' comment lines.
 * *out is NULL when there is no such file.  Owned: pactum__keep_free().
 * PACTUM_OK, PACTUM_EINPUT/EIO (reported) or PACTUM_ENOMEM. */
int pactum__keep_read(pactum_keep **out, const char *path, pactum_diag *diag);
void pactum__keep_free(pactum_keep *keep);

/* When msgstr is msgid unchanged and holds an English word that keep does
 * not list: that word (borrowed from msgstr) and its length; else NULL. */
const char *pactum__english_unchanged(const char *msgid, const char *msgstr,
				      const pactum_keep *keep, size_t *len);

/* The first word after a '|' in msgstr that is a word of the English
 * name of its term or party (kept words aside), and its length; NULL
 * when none. */
const char *pactum__english_display(const pactum_unit *u, const char *msgstr,
				    const pactum_keep *keep, size_t *len);

#endif /* PACTUM_ENGLISH_H */
