/* Deal data inside the core: raw NAME=VALUE strings with where they came
 * from; typed and checked against a model when a document is built. */
#ifndef PACTUM_DATA_H
#define PACTUM_DATA_H

#include "internal.h"

typedef struct pactum_datum {
	const char *name;
	const char *value;
	size_t len;
	pactum_pos pos; /* pos.file is arena-owned */
	size_t index;   /* in items */
	/* Set again from the same source (one file, or --set twice): where,
	 * for the error; a later source overrides silently, as documented. */
	pactum_pos again;
	int repeated;
} pactum_datum;

struct pactum_data {
	pactum_arena *arena;
	pactum_map index;     /* name → datum */
	pactum_datum **items; /* in order of first setting */
	size_t count;
};

#endif /* PACTUM_DATA_H */
