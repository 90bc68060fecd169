/* The writers, fed documents a generator builds: the input bytes are not
 * parsed as a model but drive the construction of a valid one through the
 * reader's builder functions (pactum_node_append() and the like), walking
 * the core's table of node kinds (core/lib/kinds.c): for each slot of a
 * kind's content, how many children and of which of the slot's kinds,
 * which of its attributes, and their values from what the model declares
 * (parameters of every type, parties, terms, the ids of its sections and
 * clauses, conditions over them).  The model is checked, bound to a fixed
 * deal and translated (draft mode: the generated text has no catalog)
 * into the one or two languages the bytes choose, then written by every
 * writer that needs no other program (text, docbook, docx, html; pdf
 * needs Chromium) in the layout and with the options the bytes choose
 * (from each writer's declared options).  FUZZ_DEBUG=1 in the environment
 * prints why a generated model was refused. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "kinds.h"
#include "model.h"

static pactum_registry *reg;
static pactum_translator *tr;
static pactum_data *deal;
static const pactum_plugin *writers[4];
static int debug;

/* The deal every generated model is bound to: its parties and the
 * records of its list. */
static const char deal_xml[] =
	"<deal xmlns=\"urn:pactum:deal:1\">"
	"<party id=\"p1\"><name>Nordwind IT GmbH</name>"
	"<address>Hafenstra\xc3\x9f" "e 1, 20457 Hamburg</address>"
	"<country>DE</country><register>HRB 12345</register>"
	"<vat-id>DE123456789</vat-id>"
	"<representative>Erika Mustermann</representative></party>"
	"<party id=\"p2\"><name>Acme Software Ltd</name>"
	"<address>1 Main Street, Bristol</address><country>GB</country>"
	"<register>Companies House 0123456</register>"
	"<vat-id>GB123456789</vat-id>"
	"<representative>Jane Doe</representative></party>"
	"<list name=\"l\">"
	"<record><name>Ledger Pro</name><seats>25</seats>"
	"<price>49.00 EUR</price></record>"
	"<record><name>Audit Add-on</name><seats>1</seats>"
	"<price>12.00 EUR</price></record>"
	"</list></deal>";

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static const pactum_plugin_desc *const descs[] = {
		&fuzz_plugin_xml, &fuzz_plugin_text, &fuzz_plugin_docbook,
		&fuzz_plugin_docx, &fuzz_plugin_html, NULL
	};
	static const char *const names[] = { "text", "docbook", "docx",
					     "html" };
	pactum_diag *diag;
	size_t i;

	(void)argc;
	(void)argv;
	fuzz_setup();
	debug = getenv("FUZZ_DEBUG") != NULL;
	reg = fuzz_registry(descs);
	tr = fuzz_translator();
	pactum_translator_set_draft(tr, 1);
	for (i = 0; i < PACTUM_ARRAY_SIZE(names); i++)
		if ((writers[i] = pactum_registry_find(
			     reg, PACTUM_PLUGIN_WRITER, names[i])) == NULL)
			abort();
	if (pactum_diag_new(&diag) != PACTUM_OK)
		abort();
	deal = fuzz_data(reg, "deal.xml", deal_xml, sizeof(deal_xml) - 1,
			 diag);
	if (deal == NULL) {
		pactum_diag_flush(diag, stderr);
		abort();
	}
	pactum_diag_free(diag);
	return 0;
}

/* ------------------------------------------------------ the bytes ---- */

struct gen {
	const uint8_t *p;
	size_t n;
	pactum_model *model;
	uint32_t line;      /* each node its own, for the messages */
	unsigned ids;       /* ids handed out */
	unsigned nodes;     /* nodes made: the generator stops at a limit */
	int defined;        /* the <define> of term t2 is placed */
	unsigned repeats;   /* inside a <repeat>: no ids, no other repeat */
	unsigned cond;      /* inside what a condition may leave out */
	int plain;          /* the next element has no condition */
	unsigned cells;     /* the cells of the table's first row, or 0 */
	int nomem;
	/* sections and clauses, for cross-references; the XREFs made */
	const char *targets[64];
	size_t ntargets;
	pactum_node *xrefs[64];
	size_t nxrefs;
};

#define MAX_NODES 150
#define MAX_DEPTH 7

/* A number below n (n > 0) from the next byte; 0 when they are used up. */
static unsigned take(struct gen *g, unsigned n)
{
	unsigned v;

	if (n <= 1 || g->n == 0)
		return 0;
	v = *g->p++;
	g->n--;
	if (n > 256 && g->n > 0) {
		v = v << 8 | *g->p++;
		g->n--;
	}
	return v % n;
}

#define PICK(g, list) ((list)[take((g), PACTUM_ARRAY_SIZE(list))])

static void set(struct gen *g, pactum_node *node, pactum_attr a,
		const char *v)
{
	if (node &&
	    pactum_node_set_attr(g->model, node, a, v, strlen(v)) != PACTUM_OK)
		g->nomem = 1;
}

static pactum_node *add(struct gen *g, pactum_node *parent,
			pactum_node_kind kind)
{
	pactum_node *n = NULL;

	if (!g->nomem) {
		n = pactum_node_append(g->model, parent, kind, ++g->line, 1);
		if (n == NULL)
			g->nomem = 1;
		g->nodes++;
	}
	return n;
}

static void text(struct gen *g, pactum_node *parent, const char *s)
{
	if (parent && !g->nomem &&
	    pactum_node_add_text(g->model, parent, s, strlen(s), ++g->line,
				 1) != PACTUM_OK)
		g->nomem = 1;
}

/* ------------------------------------------------ the declarations ---- */

/* One parameter of every type, and what conditions and placeholders may
 * say of them. */
static const struct {
	const char *id, *type, *def;
	pactum_type t;
} params[] = {
	{ "t", "text", "plain words", PACTUM_TYPE_TEXT },
	{ "d", "date", "2027-03-01", PACTUM_TYPE_DATE },
	{ "m", "money", "1234.56 EUR", PACTUM_TYPE_MONEY },
	{ "n", "number", "-1234567.125", PACTUM_TYPE_NUMBER },
	{ "pc", "percent", "12.5", PACTUM_TYPE_PERCENT },
	{ "i", "integer", "3", PACTUM_TYPE_INTEGER },
	{ "one", "integer", "1", PACTUM_TYPE_INTEGER },
	{ "du", "duration", "30d", PACTUM_TYPE_DURATION },
	{ "b", "boolean", "yes", PACTUM_TYPE_BOOLEAN },
	{ "c", "choice", "a", PACTUM_TYPE_CHOICE },
	{ "co", "country", "AT", PACTUM_TYPE_COUNTRY },
};

static const char *const conditions[] = {
	"b", "not b", "i >= 3", "i < 3", "c = 'a'", "c = 'b'", "pc > 10",
	"b and i > 1", "b or not b", "half < m", "d < 2028-01-01",
	"du >= 7d", "count(l) > 1", "co = 'AT'", "t = 'plain words'",
};

static const char *const words[] = {
	"The", "Reseller", "shall", "pay", "within", "thirty days", "and",
	("Wiederverk\xc3\xa4" "uferversicherungsvertragsbedingungen"),
	("\xc2\xa0" "20\xc2\xa0%"), "(a)", "\xe2\x80\x9cquoted\xe2\x80\x9d",
	"https://example.com/terms", "\xe4\xb8\xad\xe6\x96\x87", "<&>\"'",
	"  spaced\n\tout  ", ("Ab\xcc\x88" "c"), "x", ".",
	"supercalifragilisticexpialidociousandevenlongerthanthat",
	"{braces}", "%s%n", "caf\xc3\xa9",
};

static void declare(struct gen *g, pactum_node *root)
{
	pactum_node *n, *c, *d;
	size_t i;

	for (i = 1; i <= 2; i++) {
		n = add(g, root, PACTUM_NODE_PARTY);
		set(g, n, PACTUM_ATTR_ID, i == 1 ? "p1" : "p2");
		text(g, add(g, n, PACTUM_NODE_ROLE),
		     i == 1 ? "Vendor" : "Reseller");
	}
	for (i = 0; i < PACTUM_ARRAY_SIZE(params); i++) {
		n = add(g, root, PACTUM_NODE_PARAM);
		set(g, n, PACTUM_ATTR_ID, params[i].id);
		set(g, n, PACTUM_ATTR_TYPE, params[i].type);
		set(g, n, PACTUM_ATTR_DEFAULT, params[i].def);
		if (params[i].t != PACTUM_TYPE_CHOICE)
			continue;
		c = add(g, n, PACTUM_NODE_CHOICE);
		set(g, c, PACTUM_ATTR_VALUE, "a");
		text(g, add(g, c, PACTUM_NODE_LABEL), "the first way");
		c = add(g, n, PACTUM_NODE_CHOICE);
		set(g, c, PACTUM_ATTR_VALUE, "b");
		text(g, add(g, c, PACTUM_NODE_LABEL), "the second way");
	}
	/* a computed one, and a list with its fields */
	n = add(g, root, PACTUM_NODE_PARAM);
	set(g, n, PACTUM_ATTR_ID, "half");
	set(g, n, PACTUM_ATTR_TYPE, "money");
	set(g, n, PACTUM_ATTR_VALUE, "m / 2");
	n = add(g, root, PACTUM_NODE_PARAM);
	set(g, n, PACTUM_ATTR_ID, "l");
	set(g, n, PACTUM_ATTR_TYPE, "list");
	d = add(g, n, PACTUM_NODE_DETAIL);
	set(g, d, PACTUM_ATTR_ID, "name");
	text(g, add(g, d, PACTUM_NODE_LABEL), "Product");
	d = add(g, n, PACTUM_NODE_DETAIL);
	set(g, d, PACTUM_ATTR_ID, "seats");
	set(g, d, PACTUM_ATTR_TYPE, "integer");
	text(g, add(g, d, PACTUM_NODE_LABEL), "Seats");
	d = add(g, n, PACTUM_NODE_DETAIL);
	set(g, d, PACTUM_ATTR_ID, "price");
	set(g, d, PACTUM_ATTR_TYPE, "money");
	text(g, add(g, d, PACTUM_NODE_LABEL), "Price");
	n = add(g, root, PACTUM_NODE_PARAM);
	set(g, n, PACTUM_ATTR_ID, "seats");
	set(g, n, PACTUM_ATTR_TYPE, "integer");
	set(g, n, PACTUM_ATTR_VALUE, "sum(l.seats)");
	/* a rule across values, now and then */
	switch (take(g, 4)) {
	case 1:
		n = add(g, root, PACTUM_NODE_REQUIRE);
		set(g, n, PACTUM_ATTR_ALL_OF, "t d");
		set(g, n, PACTUM_ATTR_IF, "b");
		break;
	case 2:
		n = add(g, root, PACTUM_NODE_REQUIRE);
		set(g, n, PACTUM_ATTR_ONE_OF, "t m");
		break;
	default:
		break;
	}
	/* t1 defined in the terms, t2 where a <define> stands */
	n = add(g, root, PACTUM_NODE_TERM);
	set(g, n, PACTUM_ATTR_ID, "t1");
	text(g, add(g, n, PACTUM_NODE_NAME), "Products");
	text(g, add(g, n, PACTUM_NODE_DEFINITION), "the software listed");
	n = add(g, root, PACTUM_NODE_TERM);
	set(g, n, PACTUM_ATTR_ID, "t2");
	text(g, add(g, n, PACTUM_NODE_NAME), "Effective Date");
}

/* ----------------------------------------------------- the content ---- */

/* Kinds the generator never makes in the content: the declarations
 * (made above), includes (files) and libraries. */
static int generated(pactum_node_kind k)
{
	switch (k) {
	case PACTUM_NODE_AGREEMENT:
	case PACTUM_NODE_PARTY:
	case PACTUM_NODE_PARAM:
	case PACTUM_NODE_TERM:
	case PACTUM_NODE_DETAIL:
	case PACTUM_NODE_REQUIRE:
	case PACTUM_NODE_CHOICE:
	case PACTUM_NODE_INCLUDE:
	case PACTUM_NODE_LIBRARY:
		return 0;
	default:
		return 1;
	}
}

/* The kinds of set that the generator makes, in *out. */
static size_t kinds_of(pactum_node_kind *out, pactum_kinds set)
{
	size_t n = 0;
	int k;

	for (k = PACTUM_NODE_AGREEMENT; k <= PACTUM_NODE_LAST_; k++) {
		if (k > PACTUM_NODE_LAST_STRUCTURE_ && k < PACTUM_NODE_TEXT)
			continue;
		if ((pactum__kind_bit((pactum_node_kind)k) & set) &&
		    generated((pactum_node_kind)k))
			out[n++] = (pactum_node_kind)k;
	}
	return n;
}

static void content(struct gen *g, pactum_node *node, pactum_node_kind kind,
		    pactum_kinds place, unsigned depth);

static const char *fresh_id(struct gen *g)
{
	char id[16];
	char *copy;

	snprintf(id, sizeof(id), "n%u", ++g->ids);
	copy = pactum__arena_strdup(g->model->arena, id);
	if (copy == NULL)
		g->nomem = 1;
	return copy ? copy : "n";
}

/* Attribute a of a node of kind k. */
static void attribute(struct gen *g, pactum_node *node, pactum_node_kind k,
		      pactum_attr a)
{
	static const char *const refs_party[] = { "p1", "p2" };
	static const char *const fields[] = { "name", "address", "country",
					      "register", "vat-id",
					      "representative" };
	static const char *const counts[] = { "i", "one", "du" };
	const char *values = pactum__attr_values(a);
	size_t i;

	switch (a) {
	case PACTUM_ATTR_ID: {
		const char *id = fresh_id(g);

		set(g, node, a, id);
		return;
	}
	case PACTUM_ATTR_IF:
		set(g, node, a, PICK(g, conditions));
		return;
	case PACTUM_ATTR_NAME:
		if (k == PACTUM_NODE_FIELD) {
			set(g, node, a, PICK(g, fields));
			return;
		}
		i = take(g, PACTUM_ARRAY_SIZE(params) + 2);
		set(g, node, a, i < PACTUM_ARRAY_SIZE(params) ? params[i].id
			      : i == PACTUM_ARRAY_SIZE(params) ? "half"
							       : "seats");
		return;
	case PACTUM_ATTR_PARTY:
		set(g, node, a, PICK(g, refs_party));
		return;
	case PACTUM_ATTR_REF:
		if (k == PACTUM_NODE_PARTY_REF)
			set(g, node, a, PICK(g, refs_party));
		else if (k == PACTUM_NODE_TERM_REF)
			set(g, node, a, take(g, 2) ? "t2" : "t1");
		else if (k == PACTUM_NODE_DEFINE)
			set(g, node, a, "t2");
		else if (k == PACTUM_NODE_XREF &&
			 g->nxrefs < PACTUM_ARRAY_SIZE(g->xrefs))
			g->xrefs[g->nxrefs++] = node; /* set at the end */
		return;
	case PACTUM_ATTR_COUNT:
		set(g, node, a, PICK(g, counts));
		return;
	case PACTUM_ATTR_OVER:
		set(g, node, a, "l");
		return;
	case PACTUM_ATTR_FORMAT:
		return; /* set with the name, in var_format() */
	default:
		break;
	}
	if (values != NULL) {
		/* one of the words of the list */
		size_t nwords = 1, w;
		const char *p, *end;

		for (p = values; *p; p++)
			nwords += *p == ' ';
		w = take(g, (unsigned)nwords);
		for (p = values; w > 0; p++)
			w -= *p == ' ';
		end = strchr(p, ' ');
		if (node && pactum_node_set_attr(g->model, node, a, p,
						 end ? (size_t)(end - p)
						     : strlen(p)) != PACTUM_OK)
			g->nomem = 1;
	}
}

/* A <var>'s format: one of its parameter's type's, by name. */
static void var_format(struct gen *g, pactum_node *var)
{
	pactum_buf names = PACTUM_BUF_INIT;
	const char *name = var ? var->attr[PACTUM_ATTR_NAME] : NULL;
	size_t i, n = 1, w;
	char *p, *end;

	for (i = 0; name && i < PACTUM_ARRAY_SIZE(params); i++)
		if (strcmp(params[i].id, name) == 0)
			break;
	if (name == NULL || i == PACTUM_ARRAY_SIZE(params) || !take(g, 3))
		return;
	pactum__format_names(&names, params[i].t);
	if (names.len == 0 || names.oom) {
		pactum__buf_free(&names);
		return;
	}
	for (p = names.ptr; *p; p++)
		n += *p == ',';
	w = take(g, (unsigned)n);
	for (p = names.ptr; w > 0; p++)
		w -= *p == ',';
	while (*p == ' ')
		p++;
	end = strchr(p, ',');
	if (end)
		*end = '\0';
	set(g, var, PACTUM_ATTR_FORMAT, p);
	pactum__buf_free(&names);
}

static int has_child(const pactum_node *node, pactum_node_kind k)
{
	const pactum_node *c;

	for (c = node->first; c; c = c->next)
		if (c->kind == k)
			return 1;
	return 0;
}

static pactum_node *element(struct gen *g, pactum_node *parent,
			    pactum_node_kind k, pactum_kinds place,
			    unsigned depth)
{
	const pactum_kind_info *info = pactum__kind(k);
	pactum_node *node;
	unsigned a;
	int conditional;

	if (k == PACTUM_NODE_TEXT) {
		/* the words of a reference may not hold braces or bars */
		if (parent && (parent->kind == PACTUM_NODE_PARTY_REF ||
			       parent->kind == PACTUM_NODE_TERM_REF ||
			       parent->kind == PACTUM_NODE_PLURAL ||
			       parent->kind == PACTUM_NODE_ONE))
			text(g, parent, take(g, 2) ? "the Seller" : "Products");
		else
			text(g, parent, PICK(g, words));
		return NULL;
	}
	node = add(g, parent, k);
	for (a = 0; a < PACTUM_ATTR_COUNT_; a++) {
		/* what a <repeat> repeats has no id */
		if (a == PACTUM_ATTR_ID && g->repeats &&
		    !(info->required & (1u << a)))
			continue;
		if (a == PACTUM_ATTR_IF && g->plain)
			continue;
		if ((info->attrs & (1u << a)) &&
		    ((info->required & (1u << a)) || take(g, 4) == 3))
			attribute(g, node, k, (pactum_attr)a);
	}
	g->plain = 0;
	/* what a cross-reference may name: a section or clause that every
	 * deal has */
	if ((k == PACTUM_NODE_SECTION || k == PACTUM_NODE_CLAUSE) && node &&
	    !g->cond && node->attr[PACTUM_ATTR_IF] == NULL &&
	    g->ntargets < PACTUM_ARRAY_SIZE(g->targets))
		g->targets[g->ntargets++] = node->attr[PACTUM_ATTR_ID];
	if (k == PACTUM_NODE_VAR)
		var_format(g, node);
	if (k == PACTUM_NODE_DEFINE)
		g->defined = 1;
	if (k == PACTUM_NODE_WHEN && node != NULL && take(g, 2))
		element(g, node, PACTUM_NODE_NOTE, 0, depth);
	/* what holds text starts with some, then shows its count */
	if (node != NULL &&
	    (info->flags & PACTUM_KIND_PLACED
		     ? (place & pactum__kind_bit(PACTUM_NODE_TEXT)) != 0
		     : k != PACTUM_NODE_PARTY_REF && k != PACTUM_NODE_TERM_REF &&
			       pactum_node_kind_holds_text(k)))
		text(g, node, "some words ");
	if (node != NULL && node->attr[PACTUM_ATTR_COUNT] != NULL) {
		pactum_node *var = add(g, k == PACTUM_NODE_PLURAL ? parent : node,
				       PACTUM_NODE_VAR);

		set(g, var, PACTUM_ATTR_NAME, node->attr[PACTUM_ATTR_COUNT]);
	}
	if (k == PACTUM_NODE_REPEAT)
		g->repeats++;
	conditional = node != NULL && (node->attr[PACTUM_ATTR_IF] != NULL ||
				       (info->flags & PACTUM_KIND_PLACED));
	g->cond += conditional;
	if (k == PACTUM_NODE_TABLE) {
		unsigned cells = g->cells;

		g->cells = 0;
		content(g, node, k, place, depth + 1);
		g->cells = cells;
	} else {
		content(g, node, k, place, depth + 1);
	}
	if (k == PACTUM_NODE_REPEAT)
		g->repeats--;
	g->cond -= conditional;
	if (node == NULL)
		return NULL;
	/* a plural has its form for one */
	if (k == PACTUM_NODE_PLURAL && !has_child(node, PACTUM_NODE_ONE))
		text(g, add(g, node, PACTUM_NODE_ONE), "one");
	return node;
}

/* A child of a slot: a kind the slot takes, none of once twice. */
static pactum_node_kind pick_kind(struct gen *g, pactum_kinds set,
				  pactum_kinds *seen, unsigned depth,
				  const pactum_kind_info *info)
{
	pactum_node_kind kinds[64];
	size_t n;

	/* deep down and near the limit: text and leaves only */
	if (depth >= MAX_DEPTH || g->nodes >= MAX_NODES) {
		pactum_kinds leaves = pactum__kind_bit(PACTUM_NODE_TEXT) |
				      pactum__kind_bit(PACTUM_NODE_PARAGRAPH) |
				      pactum__kind_bit(PACTUM_NODE_ITEM) |
				      pactum__kind_bit(PACTUM_NODE_ROW) |
				      pactum__kind_bit(PACTUM_NODE_SIGNATURES) |
				      pactum__kind_bit(PACTUM_NODE_WHEN);

		if (set & leaves)
			set &= leaves;
	}
	set &= ~(*seen & info->once);
	if (g->defined)
		set &= ~pactum__kind_bit(PACTUM_NODE_DEFINE);
	if (g->repeats)
		set &= ~(pactum__kind_bit(PACTUM_NODE_REPEAT) |
			 pactum__kind_bit(PACTUM_NODE_SECTION) |
			 pactum__kind_bit(PACTUM_NODE_CLAUSE) |
			 pactum__kind_bit(PACTUM_NODE_ANNEX));
	/* a <one> stands in a plural: in a paragraph it would have to repeat
	 * the paragraph's placeholders */
	if (info->kind != PACTUM_NODE_PLURAL)
		set &= ~pactum__kind_bit(PACTUM_NODE_ONE);
	n = kinds_of(kinds, set);
	if (n == 0)
		return 0;
	return kinds[take(g, (unsigned)n)];
}

static void content(struct gen *g, pactum_node *node, pactum_node_kind kind,
		    pactum_kinds place, unsigned depth)
{
	const pactum_kind_info *info = pactum__kind(kind);
	const pactum_slot *s;
	pactum_kinds seen = 0;

	if (info == NULL || node == NULL || g->nomem)
		return;
	/* an alternative or a repeat holds what its place holds */
	if (info->flags & PACTUM_KIND_PLACED) {
		pactum_slot placed = { place, 1, 0 };
		pactum_kinds inner = place &
				     ~(pactum__kind_bit(PACTUM_NODE_NOTE) |
				       pactum__kind_bit(PACTUM_NODE_FOOTNOTE));
		unsigned i, count = 1 + take(g, depth < MAX_DEPTH ? 3 : 1);

		for (i = 0; i < count; i++) {
			pactum_node_kind k = pick_kind(g, inner, &seen, depth,
						       info);

			if (k == 0)
				break;
			seen |= pactum__kind_bit(k);
			element(g, node, k, inner, depth);
		}
		(void)placed;
		return;
	}
	for (s = info->slots; s->kinds; s++) {
		unsigned i, count, spread;

		spread = s->max ? s->max - s->min : 3;
		if (depth >= MAX_DEPTH || g->nodes >= MAX_NODES)
			spread = 0;
		count = s->min + take(g, spread + 1);
		/* every row of a table has the cells of its first */
		if (kind == PACTUM_NODE_ROW && s->kinds ==
		    pactum__kind_bit(PACTUM_NODE_CELL)) {
			if (g->cells == 0)
				g->cells = count;
			count = g->cells;
		}
		/* the agreement's declarations are made: skip their slots */
		for (i = 0; i < count; i++) {
			pactum_node_kind k = pick_kind(g, s->kinds, &seen,
						       depth, info);

			if (k == 0)
				break;
			/* the agreement's content starts with a section:
			 * something to refer to */
			if (kind == PACTUM_NODE_AGREEMENT && i == 0 &&
			    (s->kinds & pactum__kind_bit(PACTUM_NODE_SECTION)))
				k = PACTUM_NODE_SECTION;
			seen |= pactum__kind_bit(k);
			/* a choice's alternatives hold what its place holds */
			element(g, node, k,
				kind == PACTUM_NODE_CHOOSE ? place : s->kinds,
				depth);
		}
	}
}

static pactum_model *generate(const uint8_t *data, size_t size)
{
	struct gen g;
	pactum_node *root;
	size_t i;

	memset(&g, 0, sizeof(g));
	g.p = data;
	g.n = size;
	if (pactum__model_new(&g.model, "generated.xml") != PACTUM_OK)
		return NULL;
	root = add(&g, NULL, PACTUM_NODE_AGREEMENT);
	set(&g, root, PACTUM_ATTR_ID, "generated");
	set(&g, root, PACTUM_ATTR_DOMAIN, "pactum-generated");
	set(&g, root, PACTUM_ATTR_SOURCE_LANG, "en");
	set(&g, root, PACTUM_ATTR_PREVAILING, take(&g, 2) ? "de" : "en");
	if (take(&g, 2))
		set(&g, root, PACTUM_ATTR_VERSION, "2.1");
	if (take(&g, 2))
		set(&g, root, PACTUM_ATTR_DATE, "2026-12-01");
	if (take(&g, 2))
		attribute(&g, root, PACTUM_NODE_AGREEMENT, PACTUM_ATTR_OMITTED);
	if (take(&g, 2))
		element(&g, root, PACTUM_NODE_NOTE, 0, 1);
	text(&g, add(&g, root, PACTUM_NODE_TITLE), "Generated Agreement");
	if (take(&g, 2))
		element(&g, root, PACTUM_NODE_COVER, 0, 1);
	declare(&g, root);
	if (take(&g, 2))
		element(&g, root, PACTUM_NODE_PREAMBLE, 0, 1);
	/* the body and the annexes: the agreement's last two slots */
	{
		const pactum_kind_info *info = pactum__kind(PACTUM_NODE_AGREEMENT);
		const pactum_slot *s;
		pactum_kinds seen = 0;

		for (s = info->slots; s->kinds; s++) {
			unsigned n, j;

			if (!(s->kinds & (pactum__kind_bit(PACTUM_NODE_SECTION) |
					  pactum__kind_bit(PACTUM_NODE_ANNEX))))
				continue;
			n = s->min + take(&g, 4);
			for (j = 0; j < n; j++) {
				pactum_node_kind k = j == 0 && s->min
					? PACTUM_NODE_SECTION
					: pick_kind(&g, s->kinds, &seen, 1, info);

				if (k == 0)
					break;
				/* the first section is there for every deal:
				 * something to refer to */
				g.plain = j == 0 && s->min;
				element(&g, root, k, s->kinds, 1);
			}
		}
	}
	if (!g.defined) {
		/* t2 is defined in the terms after all */
		pactum_node *t2 = NULL, *n;

		for (n = root->first; n; n = n->next)
			if (n->kind == PACTUM_NODE_TERM)
				t2 = n;
		text(&g, add(&g, t2, PACTUM_NODE_DEFINITION), "the day it starts");
	}
	for (i = 0; i < g.nxrefs; i++)
		set(&g, g.xrefs[i], PACTUM_ATTR_REF,
		    g.ntargets ? g.targets[take(&g, (unsigned)g.ntargets)]
			       : "nowhere");
	if (g.nomem) {
		pactum_model_free(g.model);
		return NULL;
	}
	return g.model;
}

/* ------------------------------------------------------- writing ---- */

/* Options for writer w from its declared options, by the bytes. */
static void options(pactum_options *opts, const pactum_plugin *w,
		    const uint8_t **data, size_t *size)
{
	const pactum_option_spec *o = pactum_plugin_options(w);
	struct gen g = { .p = *data, .n = *size };
	static const char *const strings[] = { "", "x", "Confidential",
					       ("\xe2\x80\xae" "evil") };

	for (; o && o->name; o++) {
		char num[16];
		size_t n;

		if (take(&g, 3) != 1)
			continue;
		switch (o->type) {
		case PACTUM_OPTION_UINT:
			snprintf(num, sizeof(num), "%u",
				 o->min + take(&g, o->max - o->min + 1 > 1000
							   ? 1000
							   : o->max - o->min + 1));
			(void)pactum_options_set(opts, o->name, num);
			break;
		case PACTUM_OPTION_CHOICE:
			for (n = 0; o->choices[n]; n++)
				;
			(void)pactum_options_set(opts, o->name,
						 o->choices[take(&g, (unsigned)n)]);
			break;
		case PACTUM_OPTION_BOOL:
			(void)pactum_options_set(opts, o->name,
						 take(&g, 2) ? "yes" : "no");
			break;
		case PACTUM_OPTION_STRING:
			(void)pactum_options_set(opts, o->name,
						 PICK(&g, strings));
			break;
		}
	}
	*data = g.p;
	*size = g.n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const langs[] = { "en", "de", "de-AT", "de-CH" };
	static const pactum_layout layouts[] = { PACTUM_LAYOUT_PARALLEL,
						 PACTUM_LAYOUT_INTERLEAVED,
						 PACTUM_LAYOUT_SEQUENTIAL };
	const char *chosen[2];
	size_t nlangs, i, split;
	pactum_model *model;
	pactum_doc *doc = NULL;
	pactum_diag *diag;
	uint8_t head[4] = { 0 };
	int error;

	if (size > 4096 || pactum_diag_new(&diag) != PACTUM_OK)
		return 0;
	/* the first four bytes: languages and layout; then the writers'
	 * options from the input's end, the model from the rest */
	memcpy(head, data, size < 4 ? size : 4);
	data += size < 4 ? size : 4;
	size -= size < 4 ? size : 4;
	nlangs = 1 + (head[0] & 1);
	chosen[0] = langs[(head[0] >> 1) % PACTUM_ARRAY_SIZE(langs)];
	chosen[1] = langs[(head[0] >> 3) % PACTUM_ARRAY_SIZE(langs)];
	if (nlangs == 2 && strcmp(chosen[0], chosen[1]) == 0)
		nlangs = 1;
	split = size > 16 ? size - 16 : size;
	model = generate(data, split);
	if (model == NULL)
		goto done;
	error = pactum__model_check(model, diag);
	fuzz_status(error, "check");
	if (error != PACTUM_OK) {
		if (debug)
			pactum_diag_flush(diag, stderr);
		goto done;
	}
	error = pactum_doc_new(&doc, model, deal, tr, chosen, nlangs, diag);
	fuzz_status(error, "doc_new");
	if (error != PACTUM_OK) {
		if (debug)
			pactum_diag_flush(diag, stderr);
		goto done;
	}
	for (i = 0; i < PACTUM_ARRAY_SIZE(writers); i++) {
		const uint8_t *rest = data + split;
		size_t rest_len = size - split;
		pactum_options *opts;
		pactum_sink *sink;

		if (pactum_options_new(&opts) != PACTUM_OK)
			break;
		pactum_options_set_layout(
			opts, layouts[(head[1] >> (2 * i)) % 3]);
		options(opts, writers[i], &rest, &rest_len);
		error = pactum_options_check(opts, writers[i], diag);
		if (error == PACTUM_EINVAL)
			abort(); /* the options come from the declarations */
		if (error == PACTUM_OK && pactum_sink_new(&sink) == PACTUM_OK) {
			error = pactum_plugin_write(writers[i], sink, doc,
						    opts, diag);
			fuzz_status(error, pactum_plugin_name(writers[i]));
			if (error != PACTUM_OK && error != PACTUM_ENOMEM &&
			    debug)
				pactum_diag_flush(diag, stderr);
			pactum_sink_free(sink);
		}
		pactum_options_free(opts);
	}
done:
	fuzz_flush(diag);
	pactum_doc_free(doc);
	pactum_model_free(model);
	pactum_diag_free(diag);
	return 0;
}
