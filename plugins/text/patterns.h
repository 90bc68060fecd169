/*
 * patterns.h — a libhyphen pattern file in memory, and the small
 * dictionary of the patterns one word can match (patterns.c says why).
 */
#ifndef PACTUM_TEXT_PATTERNS_H
#define PACTUM_TEXT_PATTERNS_H

#include <stddef.h>

#include <hyphen.h>

struct patfile;

/* NULL when path cannot be read or holds no patterns; *nomem is set
 * when it was for want of memory. */
struct patfile *patfile_read(const char *path, int *nomem);
void patfile_free(struct patfile *pf);
const char *patfile_charset(const struct patfile *pf);
HyphenDict *patfile_dict(const struct patfile *pf, const char *word,
			 size_t len, int *nomem);

#endif /* PACTUM_TEXT_PATTERNS_H */
