/* The agreement model inside the core: the node tree a reader built, plus
 * what checking it computed once (indexes by id, translation units, parsed
 * conditions), so that rendering many deals never re-derives them. */
#ifndef PACTUM_MODEL_H
#define PACTUM_MODEL_H

#include "internal.h"
#include "value.h"

struct pactum_expr;
struct pactum_unit;

struct pactum_node {
	pactum_node_kind kind;
	uint32_t line;
	uint32_t col;
	/* PACTUM_ATTR_COUNT_ of them; most nodes have none, and share one
	 * read-only row of NULLs until pactum__node_attrs() gives them
	 * their own (an array in every node took 60% of a model's memory) */
	const char **attr;
	pactum_node *parent;
	pactum_node *first;
	pactum_node *last;
	pactum_node *next;
	/* TEXT: the literal text (not NUL-terminated in general) */
	const char *text;
	size_t len;
	/* computed by the check */
	struct pactum_expr *cond;     /* parsed "if", or NULL */
	struct pactum_expr *value;    /* PARAM: parsed "value" (a computed
					 parameter), or NULL */
	struct pactum_unit *unit;     /* text-holding nodes: the unit */
	const pactum_node *target;    /* VAR: PARAM; FIELD/PARTY_REF: PARTY;
					 TERM_REF, DEFINE: TERM; XREF:
					 SECTION/CLAUSE; REPEAT: its list;
					 TERM: its DEFINE, if any */
	pactum_type type;             /* PARAM: its type */
	size_t index;                 /* PARAM: index in model->params */
	unsigned visit;               /* TERM: its number in the cycle
					 search; 0 when on a cycle */
	int used;                     /* PARAM, TERM: referred to */
	int misplaced;                /* reported as out of place: later
					 passes skip it (no echo errors) */
	/* A party's field, made a PARAM ("reseller.seat") by the check so
	 * that data binding, conditions and placeholders treat it as one: */
	const pactum_node *party;     /* its PARTY, else NULL */
	const pactum_node *detail;    /* the DETAIL declaring it, or NULL
					 for a built-in field */
	int word;                     /* built-in: its label, a pactum_word */
	/* A field of a list's records, made a PARAM ("products.price") so
	 * that, record by record, everything else treats it as one: */
	const pactum_node *list;      /* its PARAM of type list, else NULL */
	unsigned field;               /* its place in a record */
	unsigned nfields;             /* PARAM of type list: its fields */
	/* Included from a clause library: its file (every node of the
	 * included part) and text domain (the part's root); else NULL. */
	const char *file;
	const char *domain;
};

/* One placeholder of a unit: its name as it appears in the msgid
 * ("territory", "reseller.name", "term:products", "ref:termination", "em",
 * "/em") and the inline node it stands for (NULL for "/em"). */
typedef struct pactum_placeholder {
	const char *name;
	const pactum_node *node;
	unsigned char pair;  /* PACTUM_PAIR_* */
	size_t within;       /* 1 + index of the alternative ("{when:1}")
				around it, or 0 */
} pactum_placeholder;

#define PACTUM_PAIR_NONE 0
#define PACTUM_PAIR_OPEN 1  /* "{em}", "{when:1}" */
#define PACTUM_PAIR_CLOSE 2 /* "{/em}", "{/when:1}" */

/* A translation unit: one title, paragraph, item, role, label, term name or
 * definition. */
typedef struct pactum_unit {
	const pactum_node *node;  /* the text-holding node */
	const char *ctx;          /* msgctxt: stable, derived from ids */
	const char *msgid;        /* normalised English with placeholders; for
				     a plural unit, the form for one */
	const char *msgid_plural; /* a plural unit's general form, else NULL */
	const char *one;          /* the text of a <one>, or NULL */
	const char *role;         /* what it is, for translators (English, as
				     POT comments are) */
	const char *kind_role;    /* the first line of role alone: what the
				     unit is, before its placeholders */
	const char *note;         /* translator note from the model, or NULL */
	const char *domain;       /* text domain: the model's, or the clause
				     library's it was included from */
	pactum_placeholder *ph;   /* placeholders in msgid order */
	size_t nph;
	size_t index;             /* in model->units */
	const pactum_node *count; /* the integer or duration VAR whose value
				     chooses the plural form, or NULL */
	int verbatim;             /* no words of its own ("{products.price}"):
				     shown as written in every language,
				     never extracted or translated */
} pactum_unit;

struct pactum_model {
	pactum_arena *arena;
	char *file;
	pactum_node *root;
	const char *id;
	const char *domain;
	const char *source_lang;
	const char *prevailing;
	const pactum_node *preamble; /* the PREAMBLE, or NULL */
	int library;             /* a clause library: checked for its text
				    only, never rendered */
	pactum_map ids;          /* section/clause/... ids → node */
	pactum_map params;       /* param id → PARAM node */
	pactum_map parties;      /* party id → PARTY node */
	pactum_map terms;        /* term id → TERM node */
	pactum_node **param_list; /* PARAM nodes in model order */
	size_t nparams;
	size_t nparams_cap;
	pactum_node **computed;  /* computed PARAMs, in an order of evaluation
				    (each after those it reads) */
	size_t ncomputed;
	const pactum_node **conditions; /* every node with a parsed "if" */
	size_t nconditions;
	size_t nconditions_cap;
	pactum_unit **units;     /* every unit, in document order */
	size_t nunits;
	size_t nunits_cap;
	pactum_unit **translatable; /* the units that are not verbatim: what
				       the public unit API lists */
	size_t ntranslatable;
	struct pactum_model **libs; /* clause libraries included from */
	size_t nlibs;
	int unreadable;          /* a library that failed to read */
	int described;           /* the units' roles are complete: see
				    pactum__model_describe() */
};

/* n's own attributes, writable: allocated on the first one.  NULL when
 * out of memory. */
const char **pactum__node_attrs(pactum_model *model, pactum_node *n);
/* Nonzero when n has a row of attributes of its own (it may still hold
 * only NULLs); zero when it shares the empty one. */
int pactum__node_has_attrs(const pactum_node *n);

/* Complete the role of every unit for translators (pactum__unit_describe())
 * on the first call; what a render never shows is not made for it.
 * Thread-safe: models are shared.  PACTUM_OK or PACTUM_ENOMEM. */
int pactum__model_describe(const pactum_model *model);

/* How deep a model's tree may be: deeper than any agreement, and shallow
 * enough that the recursive passes over it are safe. */
#define PACTUM_MAX_DEPTH 64

/* The built-in party fields deal data may set, in the order writers show
 * them, with their labels; the first, the legal name, is required. */
typedef struct pactum_party_field {
	const char *name;
	int word; /* pactum_word */
	int type; /* pactum_type */
} pactum_party_field;
extern const pactum_party_field pactum__party_fields[];

/* Create an empty model for file; owned, release with pactum_model_free. */
int pactum__model_new(pactum_model **out, const char *file);
/* Read path with the reader for its suffix, without checking; the model
 * (owned) is kept in *out even on PACTUM_EINPUT, for a check that finds
 * the rest. */
int pactum__model_read(pactum_model **out, const pactum_registry *reg,
		       const char *path, pactum_diag *diag);
/* Replace every <include> by the part it names (include.c). */
int pactum__model_include(pactum_model *model, const pactum_registry *reg,
			  pactum_diag *diag);
/* Check the tree a reader built and compute ids, units, conditions.
 * Reports every problem; returns PACTUM_OK, PACTUM_EINPUT or ENOMEM. */
int pactum__model_check(pactum_model *model, pactum_diag *diag);
/* The node's position for diagnostics. */
pactum_pos pactum__node_pos(const pactum_model *model, const pactum_node *n);
/* Build a node's unit (msgid, placeholders); used by the check.  scratch:
 * two buffers the caller keeps from one unit to the next (and frees), so
 * that a model's thousands of units do not each allocate their own. */
int pactum__unit_build(pactum_unit **out, pactum_model *model,
		       const pactum_node *node, const char *ctx,
		       const char *role, pactum_buf scratch[2],
		       pactum_diag *diag);
/* The first child of n (may be NULL) of kind k, or NULL. */
const pactum_node *pactum__node_child(const pactum_node *n,
				      pactum_node_kind k);
/* The node whose children are the choices of parameter p: p itself, or
 * for a field (a record's or a party's) its <detail>. */
const pactum_node *pactum__param_choices(const pactum_node *p);
/* The CHOICE of parameter p whose value is value[0..len), or NULL. */
const pactum_node *pactum__param_choice(const pactum_node *p,
					const char *value, size_t len);
/* The REPEAT that n is (or stands in), or NULL. */
const pactum_node *pactum__node_repeat(const pactum_node *n);
/* May n use field, a field of a list's records ("products.price")?  Only
 * inside a <repeat> over that list.  Reports through the caller: returns
 * 0 when not. */
int pactum__node_sees_field(const pactum_node *n, const pactum_node *field);
/* The human name of a node kind ("clause", "term reference"); static. */
const char *pactum__node_kind_name(pactum_node_kind kind);

#endif /* PACTUM_MODEL_H */
