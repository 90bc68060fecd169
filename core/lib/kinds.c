/* The node kinds of the model format, one row each: name, flags,
 * attributes, and content as an ordered list of slots.  The schema
 * plugins/xml/model.rng says the same for editors and jing; a test checks
 * that both accept and refuse the same files. */
#include "config.h"

#include <pthread.h>
#include <string.h>

#include "kinds.h"

/* Structure kinds take bits 1..INLINE_BIT - 1, inline kinds the bits from
 * INLINE_BIT on; the assertions below keep both inside 64 bits. */
#define INLINE_BIT 40
#define K(k) ((pactum_kinds)1 << ((k) < PACTUM_NODE_TEXT ? (k) : (k) - PACTUM_NODE_TEXT + INLINE_BIT))
#define A(a) (1u << (a))
#define ANY 0 /* no upper limit */

#define INLINE (K(PACTUM_NODE_TEXT) | K(PACTUM_NODE_VAR) | K(PACTUM_NODE_FIELD) | \
		K(PACTUM_NODE_PARTY_REF) | K(PACTUM_NODE_TERM_REF) | \
		K(PACTUM_NODE_XREF) | K(PACTUM_NODE_EMPHASIS) | \
		K(PACTUM_NODE_STRONG) | K(PACTUM_NODE_BREAK) | \
		K(PACTUM_NODE_PLURAL))
#define NOTES { K(PACTUM_NODE_NOTE), 0, ANY }
#define ONE_OF(k) { K(k), 1, 1 }
#define TEXT_ONLY { INLINE, 0, ANY }
/* a heading or a definition: text that may hold alternatives */
#define CHOSEN_TEXT { INLINE | K(PACTUM_NODE_CHOOSE), 0, ANY }
/* the text of a block: may carry footnotes and a <one> */
#define BLOCK_TEXT { INLINE | K(PACTUM_NODE_FOOTNOTE) | K(PACTUM_NODE_ONE) | \
		     K(PACTUM_NODE_CHOOSE) | K(PACTUM_NODE_DEFINE), 0, ANY }
#define BLOCKS (K(PACTUM_NODE_PARAGRAPH) | K(PACTUM_NODE_LIST) | \
		K(PACTUM_NODE_TABLE) | K(PACTUM_NODE_CHOOSE) | \
		K(PACTUM_NODE_REPEAT) | K(PACTUM_NODE_LANGUAGES))
/* what a section or an annex holds */
#define PARTS (K(PACTUM_NODE_SECTION) | K(PACTUM_NODE_CLAUSE) | BLOCKS | \
	       K(PACTUM_NODE_SIGNATURES) | K(PACTUM_NODE_INCLUDE))
#define ID_IF (A(PACTUM_ATTR_ID) | A(PACTUM_ATTR_IF))
#define COUNTED (ID_IF | A(PACTUM_ATTR_COUNT)) /* text that may show counts */
#define NO_CONTENT { { 0, 0, 0 } }
#define IDS PACTUM_INDEX_IDS

/* In enum order: structure kinds 1.., then inline kinds from TEXT on. */
static const pactum_kind_info kinds[] = {
	{ PACTUM_NODE_AGREEMENT, "agreement", 0, 0,
	  A(PACTUM_ATTR_ID) | A(PACTUM_ATTR_VERSION) | A(PACTUM_ATTR_DATE) |
		  A(PACTUM_ATTR_DOMAIN) | A(PACTUM_ATTR_SOURCE_LANG) |
		  A(PACTUM_ATTR_PREVAILING) | A(PACTUM_ATTR_OMITTED),
	  A(PACTUM_ATTR_ID) | A(PACTUM_ATTR_DOMAIN) |
		  A(PACTUM_ATTR_SOURCE_LANG) | A(PACTUM_ATTR_PREVAILING),
	  0,
	  { NOTES, ONE_OF(PACTUM_NODE_TITLE), { K(PACTUM_NODE_COVER), 0, 1 },
	    { K(PACTUM_NODE_PARTY) | K(PACTUM_NODE_DETAIL), 0, ANY },
	    { K(PACTUM_NODE_PARAM) | K(PACTUM_NODE_REQUIRE), 0, ANY },
	    { K(PACTUM_NODE_TERM), 0, ANY },
	    { K(PACTUM_NODE_PREAMBLE), 0, 1 },
	    { K(PACTUM_NODE_SECTION) | K(PACTUM_NODE_CHOOSE) |
		      K(PACTUM_NODE_INCLUDE) | K(PACTUM_NODE_SIGNATURES),
	      1, ANY },
	    { K(PACTUM_NODE_ANNEX), 0, ANY } } },
	{ PACTUM_NODE_TITLE, "title", 0, 0, 0, 0, 0, { CHOSEN_TEXT } },
	{ PACTUM_NODE_PARTY, "party", 0, PACTUM_INDEX_PARTIES, A(PACTUM_ATTR_ID),
	  A(PACTUM_ATTR_ID), 0,
	  { NOTES, ONE_OF(PACTUM_NODE_ROLE), { K(PACTUM_NODE_DETAIL), 0, ANY } } },
	{ PACTUM_NODE_ROLE, "role", 0, 0, 0, 0, 0, { TEXT_ONLY } },
	{ PACTUM_NODE_PARAM, "param", 0, PACTUM_INDEX_PARAMS,
	  A(PACTUM_ATTR_ID) | A(PACTUM_ATTR_TYPE) | A(PACTUM_ATTR_REQUIRED) |
		  A(PACTUM_ATTR_DEFAULT) | A(PACTUM_ATTR_MIN) |
		  A(PACTUM_ATTR_MAX) | A(PACTUM_ATTR_VALUE),
	  A(PACTUM_ATTR_ID) | A(PACTUM_ATTR_TYPE), 0,
	  /* choices of a choice, fields of a list's records */
	  { NOTES, { K(PACTUM_NODE_CHOICE) | K(PACTUM_NODE_DETAIL), 0, ANY } } },
	{ PACTUM_NODE_CHOICE, "choice", 0, 0, A(PACTUM_ATTR_VALUE),
	  A(PACTUM_ATTR_VALUE), 0, { NOTES, ONE_OF(PACTUM_NODE_LABEL) } },
	{ PACTUM_NODE_LABEL, "label", 0, 0, 0, 0, 0, { TEXT_ONLY } },
	{ PACTUM_NODE_TERM, "term", PACTUM_KIND_IF, PACTUM_INDEX_TERMS, ID_IF,
	  A(PACTUM_ATTR_ID), 0,
	  /* no <definition>: defined where a <define> stands */
	  { NOTES, ONE_OF(PACTUM_NODE_NAME),
	    { K(PACTUM_NODE_DEFINITION), 0, 1 } } },
	{ PACTUM_NODE_NAME, "name", 0, 0, 0, 0, 0, { TEXT_ONLY } },
	{ PACTUM_NODE_DEFINITION, "definition", 0, 0, 0, 0, 0,
	  { CHOSEN_TEXT } },
	{ PACTUM_NODE_SECTION, "section", PACTUM_KIND_IF, IDS,
	  ID_IF | A(PACTUM_ATTR_OMITTED), A(PACTUM_ATTR_ID), 0,
	  { NOTES, ONE_OF(PACTUM_NODE_TITLE), { PARTS, 1, ANY } } },
	{ PACTUM_NODE_CLAUSE, "clause", PACTUM_KIND_IF, IDS, ID_IF,
	  A(PACTUM_ATTR_ID), 0,
	  { NOTES, { K(PACTUM_NODE_TITLE), 0, 1 }, { BLOCKS, 1, ANY } } },
	{ PACTUM_NODE_PARAGRAPH, "p", PACTUM_KIND_IF, IDS, COUNTED,
	  0, K(PACTUM_NODE_ONE), { BLOCK_TEXT } },
	{ PACTUM_NODE_LIST, "list", PACTUM_KIND_IF, IDS,
	  ID_IF | A(PACTUM_ATTR_ORDERED), 0, 0,
	  { NOTES,
	    { K(PACTUM_NODE_ITEM) | K(PACTUM_NODE_CHOOSE) |
		      K(PACTUM_NODE_REPEAT),
	      1, ANY } } },
	{ PACTUM_NODE_ITEM, "item", PACTUM_KIND_IF, IDS, COUNTED, 0,
	  K(PACTUM_NODE_ONE),
	  { BLOCK_TEXT, { K(PACTUM_NODE_LIST), 0, 1 } } },
	/* WHEN and OTHERWISE hold what the CHOOSE's place holds: see
	 * content_of() in check.c. */
	{ PACTUM_NODE_CHOOSE, "choose", 0, 0, 0, 0, 0,
	  { { K(PACTUM_NODE_WHEN), 1, ANY },
	    { K(PACTUM_NODE_OTHERWISE), 0, 1 } } },
	{ PACTUM_NODE_WHEN, "when", PACTUM_KIND_IF | PACTUM_KIND_PLACED, IDS,
	  ID_IF, A(PACTUM_ATTR_IF), 0, { NOTES } },
	{ PACTUM_NODE_OTHERWISE, "otherwise", PACTUM_KIND_PLACED, 0, 0, 0, 0,
	  NO_CONTENT },
	{ PACTUM_NODE_NOTE, "note", 0, 0, 0, 0, 0,
	  { { K(PACTUM_NODE_TEXT), 0, ANY } } },
	{ PACTUM_NODE_ONE, "one", 0, 0, 0, 0, 0, { TEXT_ONLY } },
	{ PACTUM_NODE_COVER, "cover", 0, 0, 0, 0, 0,
	  { NOTES,
	    { K(PACTUM_NODE_PARAGRAPH) | K(PACTUM_NODE_CHOOSE), 1, ANY } } },
	{ PACTUM_NODE_PREAMBLE, "preamble", 0, 0, A(PACTUM_ATTR_NUMBERING), 0,
	  0,
	  { NOTES, { K(PACTUM_NODE_TITLE), 0, 1 },
	    { K(PACTUM_NODE_RECITAL) | K(PACTUM_NODE_PARAGRAPH) |
		      K(PACTUM_NODE_CHOOSE),
	      1, ANY } } },
	{ PACTUM_NODE_RECITAL, "recital", PACTUM_KIND_IF, IDS, COUNTED, 0,
	  K(PACTUM_NODE_ONE), { BLOCK_TEXT } },
	{ PACTUM_NODE_ANNEX, "annex", PACTUM_KIND_IF, IDS,
	  ID_IF | A(PACTUM_ATTR_SERIES) | A(PACTUM_ATTR_NUMBERING) |
		  A(PACTUM_ATTR_OMITTED),
	  A(PACTUM_ATTR_ID), 0,
	  { NOTES, ONE_OF(PACTUM_NODE_TITLE), { PARTS, 1, ANY } } },
	{ PACTUM_NODE_TABLE, "table", PACTUM_KIND_IF, IDS, ID_IF, 0, 0,
	  { NOTES,
	    { K(PACTUM_NODE_ROW) | K(PACTUM_NODE_CHOOSE) |
		      K(PACTUM_NODE_REPEAT),
	      1, ANY } } },
	{ PACTUM_NODE_ROW, "row", PACTUM_KIND_IF, IDS,
	  ID_IF | A(PACTUM_ATTR_HEADER), 0, 0,
	  { NOTES, { K(PACTUM_NODE_CELL), 1, ANY } } },
	{ PACTUM_NODE_CELL, "cell", 0, 0, A(PACTUM_ATTR_COUNT), 0,
	  K(PACTUM_NODE_ONE), { BLOCK_TEXT } },
	{ PACTUM_NODE_SIGNATURES, "signatures", PACTUM_KIND_IF, IDS, ID_IF, 0,
	  0, NO_CONTENT },
	{ PACTUM_NODE_DETAIL, "detail", 0, 0,
	  A(PACTUM_ATTR_ID) | A(PACTUM_ATTR_TYPE) | A(PACTUM_ATTR_REQUIRED) |
		  A(PACTUM_ATTR_VALUE),
	  A(PACTUM_ATTR_ID), 0,
	  { NOTES, ONE_OF(PACTUM_NODE_LABEL), { K(PACTUM_NODE_CHOICE), 0, ANY } } },
	{ PACTUM_NODE_INCLUDE, "include", 0, 0,
	  A(PACTUM_ATTR_HREF) | A(PACTUM_ATTR_REF),
	  A(PACTUM_ATTR_HREF) | A(PACTUM_ATTR_REF), 0, NO_CONTENT },
	{ PACTUM_NODE_LIBRARY, "library", 0, 0,
	  A(PACTUM_ATTR_ID) | A(PACTUM_ATTR_DOMAIN) | A(PACTUM_ATTR_SOURCE_LANG),
	  A(PACTUM_ATTR_ID) | A(PACTUM_ATTR_DOMAIN) | A(PACTUM_ATTR_SOURCE_LANG),
	  0,
	  { NOTES, { K(PACTUM_NODE_SECTION) | K(PACTUM_NODE_CLAUSE) |
			     K(PACTUM_NODE_INCLUDE),
		     1, ANY } } },
	/* holds what the place of the REPEAT holds, like WHEN */
	{ PACTUM_NODE_REPEAT, "repeat", PACTUM_KIND_IF | PACTUM_KIND_PLACED, 0,
	  A(PACTUM_ATTR_OVER) | A(PACTUM_ATTR_IF), A(PACTUM_ATTR_OVER), 0,
	  { NOTES } },
	/* needs all-of or one-of: the check says so */
	{ PACTUM_NODE_REQUIRE, "require", PACTUM_KIND_IF, 0,
	  A(PACTUM_ATTR_IF) | A(PACTUM_ATTR_ALL_OF) | A(PACTUM_ATTR_ONE_OF), 0,
	  0, { NOTES } },
	/* written by the core: the languages and which one prevails */
	{ PACTUM_NODE_LANGUAGES, "languages", 0, 0, 0, 0, 0, NO_CONTENT },
	/* inline */
	{ PACTUM_NODE_TEXT, "text", PACTUM_KIND_INLINE, 0, 0, 0, 0, NO_CONTENT },
	{ PACTUM_NODE_VAR, "var", PACTUM_KIND_INLINE, 0,
	  A(PACTUM_ATTR_NAME) | A(PACTUM_ATTR_FORMAT), A(PACTUM_ATTR_NAME), 0,
	  NO_CONTENT },
	{ PACTUM_NODE_FIELD, "field", PACTUM_KIND_INLINE, 0,
	  A(PACTUM_ATTR_PARTY) | A(PACTUM_ATTR_NAME),
	  A(PACTUM_ATTR_PARTY) | A(PACTUM_ATTR_NAME), 0, NO_CONTENT },
	{ PACTUM_NODE_PARTY_REF, "party-ref", PACTUM_KIND_INLINE, 0,
	  A(PACTUM_ATTR_REF), A(PACTUM_ATTR_REF), 0,
	  { { K(PACTUM_NODE_TEXT), 0, ANY } } },
	{ PACTUM_NODE_TERM_REF, "term-ref", PACTUM_KIND_INLINE, 0,
	  A(PACTUM_ATTR_REF), A(PACTUM_ATTR_REF), 0,
	  { { K(PACTUM_NODE_TEXT), 0, ANY } } },
	{ PACTUM_NODE_XREF, "xref", PACTUM_KIND_INLINE, 0, A(PACTUM_ATTR_REF),
	  A(PACTUM_ATTR_REF), 0, NO_CONTENT },
	{ PACTUM_NODE_EMPHASIS, "em", PACTUM_KIND_INLINE,
	  0, 0, 0, 0, { TEXT_ONLY } },
	{ PACTUM_NODE_STRONG, "strong",
	  PACTUM_KIND_INLINE, 0, 0, 0, 0, { TEXT_ONLY } },
	{ PACTUM_NODE_BREAK, "br", PACTUM_KIND_INLINE, 0, 0, 0, 0, NO_CONTENT },
	{ PACTUM_NODE_FOOTNOTE, "footnote", PACTUM_KIND_INLINE, 0, 0, 0, 0,
	  { TEXT_ONLY } },
	{ PACTUM_NODE_DEFINE, "define", PACTUM_KIND_INLINE, 0, A(PACTUM_ATTR_REF),
	  A(PACTUM_ATTR_REF), 0, NO_CONTENT },
	{ PACTUM_NODE_PLURAL, "plural", PACTUM_KIND_INLINE, 0,
	  A(PACTUM_ATTR_COUNT), A(PACTUM_ATTR_COUNT), K(PACTUM_NODE_ONE),
	  { { K(PACTUM_NODE_TEXT) | K(PACTUM_NODE_ONE), 1, ANY } } },
};

#define NSTRUCTURE ((size_t)PACTUM_NODE_LAST_STRUCTURE_)

const pactum_kind_info *pactum__kind(pactum_node_kind k)
{
	size_t i;

	if (k >= PACTUM_NODE_AGREEMENT && k <= PACTUM_NODE_LAST_STRUCTURE_)
		i = (size_t)k - 1;
	else if (k >= PACTUM_NODE_TEXT && k <= PACTUM_NODE_LAST_)
		i = NSTRUCTURE + (size_t)(k - PACTUM_NODE_TEXT);
	else
		return NULL;
	return &kinds[i];
}

_Static_assert(PACTUM_NODE_LAST_STRUCTURE_ < INLINE_BIT,
	       "structure kinds overlap the inline kinds' bits");
_Static_assert(PACTUM_NODE_LAST_ - PACTUM_NODE_TEXT + INLINE_BIT < 64,
	       "inline kinds do not fit in pactum_kinds");

pactum_kinds pactum__kind_bit(pactum_node_kind k)
{
	return pactum__kind(k) ? K(k) : 0;
}

#define YESNO "yes no"

/* Each attribute's name, and the values it may take (NULL: any). */
static const struct {
	const char *name;
	const char *values;
} attrs[PACTUM_ATTR_COUNT_] = {
	[PACTUM_ATTR_ID] = { "id", NULL },
	[PACTUM_ATTR_VERSION] = { "version", NULL },
	[PACTUM_ATTR_DOMAIN] = { "domain", NULL },
	[PACTUM_ATTR_SOURCE_LANG] = { "source-lang", NULL },
	[PACTUM_ATTR_PREVAILING] = { "prevailing", NULL },
	[PACTUM_ATTR_TYPE] = { "type", NULL },
	[PACTUM_ATTR_REQUIRED] = { "required", YESNO },
	[PACTUM_ATTR_DEFAULT] = { "default", NULL },
	[PACTUM_ATTR_MIN] = { "min", NULL },
	[PACTUM_ATTR_MAX] = { "max", NULL },
	[PACTUM_ATTR_VALUE] = { "value", NULL },
	[PACTUM_ATTR_IF] = { "if", NULL },
	[PACTUM_ATTR_NAME] = { "name", NULL },
	[PACTUM_ATTR_PARTY] = { "party", NULL },
	[PACTUM_ATTR_REF] = { "ref", NULL },
	[PACTUM_ATTR_ORDERED] = { "ordered", YESNO },
	[PACTUM_ATTR_DATE] = { "date", NULL },
	[PACTUM_ATTR_OMITTED] = { "omitted", "renumber keep" },
	[PACTUM_ATTR_NUMBERING] = { "numbering",
				    "upper-alpha lower-alpha arabic "
				    "upper-roman lower-roman none" },
	/* in the order of PACTUM_WORD_ANNEX ...: see pactum__annex_series() */
	[PACTUM_ATTR_SERIES] = { "series", "annex schedule exhibit appendix" },
	[PACTUM_ATTR_HEADER] = { "header", YESNO },
	[PACTUM_ATTR_HREF] = { "href", NULL },
	/* which formats fit is the parameter's type's business */
	[PACTUM_ATTR_FORMAT] = { "format", NULL },
	[PACTUM_ATTR_COUNT] = { "count", NULL },
	[PACTUM_ATTR_OVER] = { "over", NULL },
	[PACTUM_ATTR_ALL_OF] = { "all-of", NULL },
	[PACTUM_ATTR_ONE_OF] = { "one-of", NULL },
};

const char *pactum__attr_name(pactum_attr a)
{
	return (unsigned)a < PACTUM_ATTR_COUNT_ ? attrs[a].name : "?";
}

const char *pactum__attr_values(pactum_attr a)
{
	return (unsigned)a < PACTUM_ATTR_COUNT_ ? attrs[a].values : NULL;
}

int pactum__attr_value_ok(pactum_attr a, const char *v)
{
	const char *list = pactum__attr_values(a), *p;
	size_t n = strlen(v);

	if (list == NULL)
		return 1;
	if (n == 0)
		return 0; /* and strstr() would find "" everywhere */
	for (p = list; (p = strstr(p, v)) != NULL; p += n)
		if ((p == list || p[-1] == ' ') &&
		    (p[n] == ' ' || p[n] == '\0'))
			return 1;
	return 0;
}

/*
 * Names to kinds and attributes: every element and attribute a reader
 * meets is looked up, and a scan with strcmp() cost a few hundred
 * instructions each.  A table of slots built once, probed linearly; it
 * holds only the fixed names, so no input can lengthen a probe.
 */
#define NAME_SLOTS 256 /* a power of two, over twice the names */

struct name_slot {
	const char *name;
	unsigned value;
};

static struct name_slot kind_slots[NAME_SLOTS], attr_slots[NAME_SLOTS];
static pthread_once_t names_once = PTHREAD_ONCE_INIT;

static unsigned name_hash(const char *s)
{
	unsigned h = 2166136261u; /* FNV-1a */

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h & (NAME_SLOTS - 1);
}

static void name_put(struct name_slot *slots, const char *name,
		     unsigned value)
{
	unsigned h = name_hash(name);

	while (slots[h].name != NULL) {
		if (strcmp(slots[h].name, name) == 0)
			return; /* the first row of a name wins, as the scan did */
		h = (h + 1) & (NAME_SLOTS - 1);
	}
	slots[h].name = name;
	slots[h].value = value;
}

static void build_names(void)
{
	size_t i;

	for (i = 0; i < PACTUM_ARRAY_SIZE(kinds); i++)
		if (kinds[i].kind != PACTUM_NODE_TEXT)
			name_put(kind_slots, kinds[i].name,
				 (unsigned)kinds[i].kind);
	for (i = 0; i < PACTUM_ATTR_COUNT_; i++)
		name_put(attr_slots, attrs[i].name, (unsigned)i);
}

static int name_get(unsigned *value, const struct name_slot *slots,
		    const char *name)
{
	unsigned h;

	pthread_once(&names_once, build_names);
	for (h = name_hash(name); slots[h].name != NULL;
	     h = (h + 1) & (NAME_SLOTS - 1))
		if (strcmp(slots[h].name, name) == 0) {
			*value = slots[h].value;
			return 1;
		}
	return 0;
}

pactum_node_kind pactum_node_kind_lookup(const char *name)
{
	unsigned v;

	return name_get(&v, kind_slots, name) ? (pactum_node_kind)v : 0;
}

pactum_attr pactum_attr_lookup(const char *name)
{
	unsigned v;

	return name_get(&v, attr_slots, name) ? (pactum_attr)v
					      : PACTUM_ATTR_COUNT_;
}

int pactum_node_kind_holds_text(pactum_node_kind kind)
{
	const pactum_kind_info *k = pactum__kind(kind);
	const pactum_slot *s;

	/* in a sentence, an alternative's white space is its text */
	if (k && (k->flags & PACTUM_KIND_PLACED))
		return 1;
	for (s = k ? k->slots : NULL; s && s->kinds; s++)
		if (s->kinds & K(PACTUM_NODE_TEXT))
			return 1;
	return 0;
}

unsigned pactum__annex_series(const pactum_node *annex)
{
	static const char *const names[PACTUM_SERIES_COUNT] = {
		"annex", "schedule", "exhibit", "appendix"
	};
	const char *series = annex->attr[PACTUM_ATTR_SERIES];
	unsigned i;

	for (i = 0; series && i < PACTUM_SERIES_COUNT; i++)
		if (strcmp(names[i], series) == 0)
			return i;
	return 0; /* the default, or a value the check refuses */
}
