/* What each node kind is: one row of a table, so that adding a kind is one
 * row here (plus the writers' rendering), not a case in switch statements
 * over many files.  The check validates every tree a reader builds against
 * this table, in time linear in the tree. */
#ifndef PACTUM_KINDS_H
#define PACTUM_KINDS_H

#include "model.h"

/* A set of node kinds: bit pactum__kind_bit(k) for kind k. */
typedef uint64_t pactum_kinds;

#define PACTUM_KIND_INLINE 0x1u  /* inside text: TEXT and after */
#define PACTUM_KIND_IF 0x2u      /* may carry a condition */
#define PACTUM_KIND_PLACED 0x8u  /* holds what the place of its CHOOSE
				    holds: blocks, items, or (in a sentence)
				    text */

/* Which index of the model a kind's id goes into. */
typedef enum pactum_index {
	PACTUM_INDEX_NONE = 0,
	PACTUM_INDEX_IDS,     /* sections, clauses, items ...: model->ids */
	PACTUM_INDEX_PARAMS,
	PACTUM_INDEX_PARTIES,
	PACTUM_INDEX_TERMS
} pactum_index;

/* One place in a kind's content, in order: children of the kinds in
 * kinds, from min to max of them (max 0: no limit). */
typedef struct pactum_slot {
	pactum_kinds kinds;
	unsigned min;
	unsigned max;
} pactum_slot;

#define PACTUM_MAX_SLOTS 10 /* nine, and the end */

typedef struct pactum_kind_info {
	pactum_node_kind kind;
	const char *name;     /* as in the model format: "clause" */
	unsigned flags;       /* PACTUM_KIND_* */
	pactum_index index;   /* where its id is looked up */
	uint32_t attrs;       /* bit a: attribute a may be set */
	uint32_t required;    /* bit a: attribute a must be set */
	pactum_kinds once;    /* kinds that may appear at most once in any
				 slot ("<one>") */
	pactum_slot slots[PACTUM_MAX_SLOTS]; /* ends at kinds == 0 */
} pactum_kind_info;

/* The row of kind k, or NULL for a value that is no kind. */
const pactum_kind_info *pactum__kind(pactum_node_kind k);
pactum_kinds pactum__kind_bit(pactum_node_kind k);
/* The name of attribute a as written in models ("source-lang"). */
const char *pactum__attr_name(pactum_attr a);
/* The values attribute a may take, space-separated ("yes no"), or NULL
 * for any; and whether v is one of them. */
const char *pactum__attr_values(pactum_attr a);
/* An annex's series (its series= value, NULL for the default "annex") as
 * 0..PACTUM_SERIES_COUNT-1, in the order of PACTUM_WORD_ANNEX and after. */
#define PACTUM_SERIES_COUNT 4
unsigned pactum__annex_series(const pactum_node *annex);
int pactum__attr_value_ok(pactum_attr a, const char *v);

#endif /* PACTUM_KINDS_H */
