/* The resolved document inside the core (see plugin.h for the writers'
 * view).  Built by resolve.c (values, conditions, numbers) and filled by
 * translate.c (the runs of every language). */
#ifndef PACTUM_DOC_H
#define PACTUM_DOC_H

#include "catalog.h"
#include "data.h"
#include "model.h"

struct pactum_run {
	pactum_run_kind kind;
	/* draft text: since ABI 1.5 marked here, the kind kept; before, the
	 * runs shown as PACTUM_RUN_UNTRANSLATED (not every run of an
	 * untranslated unit was) */
	unsigned char untranslated;
	unsigned char untranslated_1_4;
	unsigned char value_type;  /* VALUE: a pactum_value_type, or 0 */
	const char *text;
	size_t len;
	const char *ref;
	union {
		const pactum_block *block; /* XREF: the target; FOOTNOTE:
					      its block */
		const char *canonical;     /* VALUE: the value, canonical */
	} u;
	pactum_run *next;
};

/* Between the items of a datum that lists several (a party's
 * signatories); deal text never holds control characters. */
#define PACTUM_LIST_SEP '\x1f'

struct pactum_block {
	pactum_block_kind kind;
	const char *id;
	const char *number;
	int ordered;
	int header;                /* ROW: of column headings */
	int omitted;               /* left out, but keeps its number */
	size_t columns;            /* TABLE */
	const pactum_node *node;   /* the model node it comes from, or NULL */
	const pactum_unit *title_unit;
	const pactum_unit *content_unit;
	const pactum_node *param;  /* FIELD: the parameter (a party field)
				      whose value is the content */
	int word;                  /* a pactum_word as title, or -1 */
	const pactum_node *country; /* PARTY: its country field, when the deal
				      gives one (it names the labels); FIELD
				      address: the same, shown after it */
	const pactum_datum *value; /* SIGNATORY's FIELD: the datum shown */
	pactum_block *parent;
	pactum_block *first;
	pactum_block *last;
	pactum_block *next;
	pactum_run **title;        /* [nlangs] */
	pactum_run **content;      /* [nlangs] */
	const char **label;        /* [nlangs]: ANNEX "Anlage 1", or NULL */
	const pactum_node *list;   /* placed by a <repeat>: over this list, */
	const pactum_record *record; /* for this record of it; else NULL */
};

/* At most this many blocks placed by repeats, in all (about 0.5 KB each
 * through the pipeline): a repeat multiplies the model by the deal. */
#define PACTUM_MAX_REPEAT_BLOCKS 1000000

struct pactum_doc {
	pactum_arena *arena;
	const pactum_model *model;
	const pactum_data *data;
	pactum_translator *tr;
	pactum_diag *diag;
	const char **langs;
	const pactum_locale **locs; /* [nlangs], the translator's */
	size_t nlangs;
	size_t prevailing;
	pactum_block *root;
	pactum_value *values;      /* by parameter index */
	unsigned char *has_value;  /* by parameter index: set, or defaulted */
	unsigned long values_epoch; /* bumped when a record's fields are loaded */
	pactum_map fields;         /* "party.field" → datum */
	unsigned char *used;       /* [data->count]: the datum was bound */
	pactum_map placed;         /* section/clause id → its block */
	pactum_map terms;          /* term id → its glossary entry */
	unsigned footnotes;        /* numbered so far */
	const char **flat;         /* [lang * nunits + unit]: plain text */
	const pactum_node *repeat_list;     /* while placing a <repeat>: its */
	const pactum_record *repeat_record; /* list and current record */
	size_t repeat_blocks;               /* blocks placed by repeats */
	int errors;
	int untranslated;
	int nomem;
};

/* Bind the data and build the block tree (no runs yet). */
int pactum__doc_resolve(pactum_doc *doc);
/* Fill the runs of every block for every language. */
int pactum__doc_translate(pactum_doc *doc);

/* The translator's catalog of domain for language tag lang (loaded on
 * first use; a region's with its language's behind it), NULL in *out when
 * there is none; PACTUM_EINPUT when refused (reported). */
int pactum__translator_find(const pactum_catalog **out, pactum_translator *tr,
			    const char *domain, const char *lang,
			    pactum_diag *diag);
/* The same, PACTUM_ENOTFOUND when there is none. */
int pactum__translator_catalog(const pactum_catalog **out,
			       pactum_translator *tr, const char *domain,
			       const char *lang, pactum_diag *diag);

/* The locale of language tag lang, built on first use from its
 * "pactum-words" catalog and ICU; borrowed from the translator. */
int pactum__translator_locale(const pactum_locale **out,
			      pactum_translator *tr, const char *lang,
			      pactum_diag *diag);
int pactum__translator_draft(const pactum_translator *tr);
const char *pactum__translator_dirs(const pactum_translator *tr);

/* The block kinds the document uses: bit k for kind k. */
uint32_t pactum__doc_block_kinds(const pactum_doc *doc);

/* Report at a model node / at a position, counting errors. */
/* Report where the value of p is outside its min and max. */
void pactum__doc_check_bounds(pactum_doc *doc, const pactum_node *p,
			      const pactum_pos *pos);
void pactum__doc_report(pactum_doc *doc, pactum_severity sev,
			const pactum_pos *pos, const char *fmt, ...)
	PACTUM_PRINTF(4, 5);

#endif /* PACTUM_DOC_H */
