/* The node kinds of the model format, one row each: name, flags,
 * attributes, and content as an ordered list of slots.  The schema
 * plugins/xml/model.rng says the same for editors and jing; a test checks
 * that both accept and refuse the same files. */
#include "config.h"

#include <string.h>

#include "kinds.h"

#define K(k) ((pactum_kinds)1 << ((k) < PACTUM_NODE_TEXT ? (k) : (k) - PACTUM_NODE_TEXT + 32))
#define A(a) (1u << (a))
#define ANY 0 /* no upper limit */

#define INLINE (K(PACTUM_NODE_TEXT) | K(PACTUM_NODE_VAR) | K(PACTUM_NODE_FIELD) | \
		K(PACTUM_NODE_PARTY_REF) | K(PACTUM_NODE_TERM_REF) | \
		K(PACTUM_NODE_XREF) | K(PACTUM_NODE_EMPHASIS))
#define NOTES { K(PACTUM_NODE_NOTE), 0, ANY }
#define ONE_OF(k) { K(k), 1, 1 }
#define TEXT_ONLY { INLINE, 0, ANY }
#define BLOCKS (K(PACTUM_NODE_PARAGRAPH) | K(PACTUM_NODE_LIST) | K(PACTUM_NODE_CHOOSE))
#define ID_IF (A(PACTUM_ATTR_ID) | A(PACTUM_ATTR_IF))

/* In enum order: structure kinds 1.., then inline kinds from TEXT on. */
static const pactum_kind_info kinds[] = {
	{ PACTUM_NODE_AGREEMENT, "agreement", 0,
	  A(PACTUM_ATTR_ID) | A(PACTUM_ATTR_VERSION) | A(PACTUM_ATTR_DOMAIN) |
		  A(PACTUM_ATTR_SOURCE_LANG) | A(PACTUM_ATTR_PREVAILING),
	  A(PACTUM_ATTR_ID) | A(PACTUM_ATTR_DOMAIN) |
		  A(PACTUM_ATTR_SOURCE_LANG) | A(PACTUM_ATTR_PREVAILING),
	  0,
	  { NOTES, ONE_OF(PACTUM_NODE_TITLE),
	    { K(PACTUM_NODE_PARTY), 0, ANY }, { K(PACTUM_NODE_PARAM), 0, ANY },
	    { K(PACTUM_NODE_TERM), 0, ANY },
	    { K(PACTUM_NODE_SECTION) | K(PACTUM_NODE_CHOOSE), 1, ANY } } },
	{ PACTUM_NODE_TITLE, "title", 0, 0, 0, 0, { TEXT_ONLY } },
	{ PACTUM_NODE_PARTY, "party", 0, A(PACTUM_ATTR_ID), A(PACTUM_ATTR_ID), 0,
	  { NOTES, ONE_OF(PACTUM_NODE_ROLE) } },
	{ PACTUM_NODE_ROLE, "role", 0, 0, 0, 0, { TEXT_ONLY } },
	{ PACTUM_NODE_PARAM, "param", 0,
	  A(PACTUM_ATTR_ID) | A(PACTUM_ATTR_TYPE) | A(PACTUM_ATTR_REQUIRED) |
		  A(PACTUM_ATTR_DEFAULT) | A(PACTUM_ATTR_MIN) | A(PACTUM_ATTR_MAX),
	  A(PACTUM_ATTR_ID) | A(PACTUM_ATTR_TYPE), 0,
	  { NOTES, { K(PACTUM_NODE_CHOICE), 0, ANY } } },
	{ PACTUM_NODE_CHOICE, "choice", 0, A(PACTUM_ATTR_VALUE),
	  A(PACTUM_ATTR_VALUE), 0, { NOTES, ONE_OF(PACTUM_NODE_LABEL) } },
	{ PACTUM_NODE_LABEL, "label", 0, 0, 0, 0, { TEXT_ONLY } },
	{ PACTUM_NODE_TERM, "term", PACTUM_KIND_IF, ID_IF, A(PACTUM_ATTR_ID), 0,
	  { NOTES, ONE_OF(PACTUM_NODE_NAME), ONE_OF(PACTUM_NODE_DEFINITION) } },
	{ PACTUM_NODE_NAME, "name", 0, 0, 0, 0, { TEXT_ONLY } },
	{ PACTUM_NODE_DEFINITION, "definition", 0, 0, 0, 0,
	  { TEXT_ONLY } },
	{ PACTUM_NODE_SECTION, "section", PACTUM_KIND_IF, ID_IF,
	  A(PACTUM_ATTR_ID), 0,
	  { NOTES, ONE_OF(PACTUM_NODE_TITLE),
	    { K(PACTUM_NODE_SECTION) | K(PACTUM_NODE_CLAUSE) | BLOCKS, 1,
	      ANY } } },
	{ PACTUM_NODE_CLAUSE, "clause", PACTUM_KIND_IF, ID_IF,
	  A(PACTUM_ATTR_ID), 0,
	  { NOTES, { K(PACTUM_NODE_TITLE), 0, 1 }, { BLOCKS, 1, ANY } } },
	{ PACTUM_NODE_PARAGRAPH, "p", PACTUM_KIND_IF, ID_IF,
	  0, K(PACTUM_NODE_ONE), { { INLINE | K(PACTUM_NODE_ONE), 0, ANY } } },
	{ PACTUM_NODE_LIST, "list", PACTUM_KIND_IF,
	  ID_IF | A(PACTUM_ATTR_ORDERED), 0, 0,
	  { NOTES,
	    { K(PACTUM_NODE_ITEM) | K(PACTUM_NODE_CHOOSE), 1, ANY } } },
	{ PACTUM_NODE_ITEM, "item", PACTUM_KIND_IF, ID_IF, 0,
	  K(PACTUM_NODE_ONE),
	  { { INLINE | K(PACTUM_NODE_ONE), 0, ANY },
	    { K(PACTUM_NODE_LIST), 0, 1 } } },
	/* WHEN and OTHERWISE hold what the CHOOSE's place holds: see
	 * content_of() in check.c. */
	{ PACTUM_NODE_CHOOSE, "choose", 0, 0, 0, 0,
	  { { K(PACTUM_NODE_WHEN), 1, ANY },
	    { K(PACTUM_NODE_OTHERWISE), 0, 1 } } },
	{ PACTUM_NODE_WHEN, "when", PACTUM_KIND_IF, ID_IF, A(PACTUM_ATTR_IF), 0,
	  { NOTES } },
	{ PACTUM_NODE_OTHERWISE, "otherwise", 0, 0, 0, 0, { { 0, 0, 0 } } },
	{ PACTUM_NODE_NOTE, "note", 0, 0, 0, 0,
	  { { K(PACTUM_NODE_TEXT), 0, ANY } } },
	{ PACTUM_NODE_ONE, "one", 0, 0, 0, 0, { TEXT_ONLY } },
	/* inline */
	{ PACTUM_NODE_TEXT, "text", PACTUM_KIND_INLINE, 0, 0, 0, { { 0, 0, 0 } } },
	{ PACTUM_NODE_VAR, "var", PACTUM_KIND_INLINE, A(PACTUM_ATTR_NAME),
	  A(PACTUM_ATTR_NAME), 0, { { 0, 0, 0 } } },
	{ PACTUM_NODE_FIELD, "field", PACTUM_KIND_INLINE,
	  A(PACTUM_ATTR_PARTY) | A(PACTUM_ATTR_NAME),
	  A(PACTUM_ATTR_PARTY) | A(PACTUM_ATTR_NAME), 0, { { 0, 0, 0 } } },
	{ PACTUM_NODE_PARTY_REF, "party-ref", PACTUM_KIND_INLINE,
	  A(PACTUM_ATTR_REF), A(PACTUM_ATTR_REF), 0,
	  { { K(PACTUM_NODE_TEXT), 0, ANY } } },
	{ PACTUM_NODE_TERM_REF, "term-ref", PACTUM_KIND_INLINE,
	  A(PACTUM_ATTR_REF), A(PACTUM_ATTR_REF), 0,
	  { { K(PACTUM_NODE_TEXT), 0, ANY } } },
	{ PACTUM_NODE_XREF, "xref", PACTUM_KIND_INLINE, A(PACTUM_ATTR_REF),
	  A(PACTUM_ATTR_REF), 0, { { 0, 0, 0 } } },
	{ PACTUM_NODE_EMPHASIS, "em", PACTUM_KIND_INLINE, 0, 0, 0,
	  { TEXT_ONLY } },
};

#define NSTRUCTURE ((size_t)PACTUM_NODE_ONE)

const pactum_kind_info *pactum__kind(pactum_node_kind k)
{
	size_t i;

	if (k >= PACTUM_NODE_AGREEMENT && k <= PACTUM_NODE_ONE)
		i = (size_t)k - 1;
	else if (k >= PACTUM_NODE_TEXT && k <= PACTUM_NODE_EMPHASIS)
		i = NSTRUCTURE + (size_t)(k - PACTUM_NODE_TEXT);
	else
		return NULL;
	return &kinds[i];
}

pactum_kinds pactum__kind_bit(pactum_node_kind k)
{
	return pactum__kind(k) ? K(k) : 0;
}

static const struct {
	const char *name;
	int yesno;
} attrs[PACTUM_ATTR_COUNT_] = {
	[PACTUM_ATTR_ID] = { "id", 0 },
	[PACTUM_ATTR_VERSION] = { "version", 0 },
	[PACTUM_ATTR_DOMAIN] = { "domain", 0 },
	[PACTUM_ATTR_SOURCE_LANG] = { "source-lang", 0 },
	[PACTUM_ATTR_PREVAILING] = { "prevailing", 0 },
	[PACTUM_ATTR_TYPE] = { "type", 0 },
	[PACTUM_ATTR_REQUIRED] = { "required", 1 },
	[PACTUM_ATTR_DEFAULT] = { "default", 0 },
	[PACTUM_ATTR_MIN] = { "min", 0 },
	[PACTUM_ATTR_MAX] = { "max", 0 },
	[PACTUM_ATTR_VALUE] = { "value", 0 },
	[PACTUM_ATTR_IF] = { "if", 0 },
	[PACTUM_ATTR_NAME] = { "name", 0 },
	[PACTUM_ATTR_PARTY] = { "party", 0 },
	[PACTUM_ATTR_REF] = { "ref", 0 },
	[PACTUM_ATTR_ORDERED] = { "ordered", 1 },
};

const char *pactum__attr_name(pactum_attr a)
{
	return (unsigned)a < PACTUM_ATTR_COUNT_ ? attrs[a].name : "?";
}

int pactum__attr_is_yesno(pactum_attr a)
{
	return (unsigned)a < PACTUM_ATTR_COUNT_ && attrs[a].yesno;
}

pactum_node_kind pactum_node_kind_lookup(const char *name)
{
	size_t i;

	for (i = 0; i < PACTUM_ARRAY_SIZE(kinds); i++)
		if (kinds[i].kind != PACTUM_NODE_TEXT &&
		    strcmp(kinds[i].name, name) == 0)
			return kinds[i].kind;
	return 0;
}

pactum_attr pactum_attr_lookup(const char *name)
{
	unsigned a;

	for (a = 0; a < PACTUM_ATTR_COUNT_; a++)
		if (strcmp(attrs[a].name, name) == 0)
			return (pactum_attr)a;
	return PACTUM_ATTR_COUNT_;
}

int pactum_node_kind_holds_text(pactum_node_kind kind)
{
	const pactum_kind_info *k = pactum__kind(kind);
	const pactum_slot *s;

	for (s = k ? k->slots : NULL; s && s->kinds; s++)
		if (s->kinds & K(PACTUM_NODE_TEXT))
			return 1;
	return 0;
}
