/* The xml reader's parts: parse.c (safe parsing, checks before parsing,
 * positions), model.c (agreement models), deal.c (deal data). */
#ifndef PACTUM_XML_H
#define PACTUM_XML_H

#include <libintl.h>

#include <libxml/tree.h>

#include <pactum/plugin.h>

#define _(s) dgettext(PACKAGE, s)

#define MODEL_NS "urn:pactum:model:1"
#define DEAL_NS "urn:pactum:deal:1"
#define MAX_DEPTH 48
#define MAX_ATTRS 16

/* One input file being read. */
struct source {
	const char *path;
	const char *bytes;
	size_t len;
	size_t cursor; /* where position() looks for the next start tag */
	size_t counted;      /* lines are counted up to here */
	uint32_t line;       /* line and column (in characters) at counted */
	uint32_t col;
	int lost;            /* a start tag was not found: lines only */
	pactum_diag *diag;
	int errors;
	int nomem;
};

/*
 * Parse src->bytes defensively.  Every problem is reported; returns the
 * document (owned: xmlFreeDoc) or NULL.  What the elements mean is
 * checked while they are read (deal.c) and by the core (models).
 */
xmlDocPtr xml_parse(struct source *src);

/* The position of node: line from libxml2, column found in the source.
 * Call in document order. */
pactum_pos xml_position(struct source *src, xmlNodePtr node);

void xml_error_at(struct source *src, const pactum_pos *pos, const char *fmt,
		  ...) PACTUM_PRINTF(3, 4);

int xml_in_namespace(xmlNodePtr n, const char *ns);

int xml_read_model(pactum_model *model, const char *path, const char *bytes,
		   size_t len, pactum_diag *diag);
int xml_read_data(pactum_data *data, const char *path, const char *bytes,
		  size_t len, pactum_diag *diag);

#endif /* PACTUM_XML_H */
