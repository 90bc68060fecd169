/* Resolve: bind deal data to the model's parameters and party fields,
 * evaluate conditions, and number what remains.  Every problem of the
 * data is reported before giving up, so one run lists them all. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cond.h"
#include "doc.h"

static pactum_block *new_block(pactum_doc *doc, pactum_block *parent,
			       pactum_block_kind kind, const pactum_node *node)
{
	pactum_block *b = pactum__arena_calloc(doc->arena, sizeof(*b));

	if (b == NULL) {
		doc->nomem = 1;
		return NULL;
	}
	b->kind = kind;
	b->node = node;
	b->id = node ? node->attr[PACTUM_ATTR_ID] : NULL;
	b->parent = parent;
	if (parent) {
		if (parent->last)
			parent->last->next = b;
		else
			parent->first = b;
		parent->last = b;
	}
	return b;
}

/* The value of every parameter: from the data, else its default. */
static void bind_params(pactum_doc *doc)
{
	const pactum_model *model = doc->model;
	size_t i;

	for (i = 0; i < model->nparams; i++) {
		const pactum_node *p = model->param_list[i];
		const char *id = p->attr[PACTUM_ATTR_ID], *expected = NULL;
		const pactum_datum *d = pactum__map_get(&doc->data->index, id,
							strlen(id));
		pactum_pos pos = pactum__node_pos(model, p);
		pactum_value *v = &doc->values[i];
		const char *s;
		size_t len;
		pactum_attr b;

		if (d != NULL) {
			doc->used[d->index] = 1;
			pos = d->pos;
			s = d->value;
			len = d->len;
		} else if (p->attr[PACTUM_ATTR_DEFAULT] != NULL) {
			s = p->attr[PACTUM_ATTR_DEFAULT];
			len = strlen(s);
		} else {
			const char *req = p->attr[PACTUM_ATTR_REQUIRED];

			/* Without a default a value is required, unless the
			 * model says otherwise (then it is empty). */
			if (req == NULL || strcmp(req, "yes") == 0)
				pactum__doc_report(
					doc, PACTUM_ERROR, &pos,
					_("no value for the required "
					  "parameter \"%s\" (%s)"),
					id, pactum__type_name(p->type));
			v->type = p->type;
			continue;
		}
		doc->has_value[i] = 1;
		if (pactum__value_parse(v, p->type, s, len, &expected) !=
		    PACTUM_OK) {
			pactum__doc_report(doc, PACTUM_ERROR, &pos,
					   _("\"%s\" is not a valid value for "
					     "\"%s\": expected %s"),
					   s, id, _(expected));
			continue;
		}
		if (p->type == PACTUM_TYPE_CHOICE) {
			const pactum_node *c;

			for (c = p->first; c; c = c->next)
				if (c->kind == PACTUM_NODE_CHOICE &&
				    strcmp(c->attr[PACTUM_ATTR_VALUE], s) == 0)
					break;
			if (c == NULL)
				pactum__doc_report(
					doc, PACTUM_ERROR, &pos,
					_("\"%s\" is not one of the choices of "
					  "\"%s\""),
					s, id);
		}
		for (b = PACTUM_ATTR_MIN; b <= PACTUM_ATTR_MAX; b++) {
			const char *bs = p->attr[b];
			pactum_value bound;
			int cmp, incomparable = 0;

			if (bs == NULL ||
			    pactum__value_parse(&bound, p->type, bs, strlen(bs),
						&expected) != PACTUM_OK)
				continue;
			cmp = pactum__value_compare(v, &bound, &incomparable);
			if (!incomparable &&
			    (b == PACTUM_ATTR_MIN ? cmp < 0 : cmp > 0))
				pactum__doc_report(
					doc, PACTUM_ERROR, &pos,
					b == PACTUM_ATTR_MIN
						? _("\"%s\" is below the "
						    "minimum %s of \"%s\"")
						: _("\"%s\" is above the "
						    "maximum %s of \"%s\""),
					s, bs, id);
		}
	}
}

/* Party fields; every party needs at least its name. */
static void bind_fields(pactum_doc *doc)
{
	const pactum_model *model = doc->model;
	const pactum_node *p;
	char key[160];
	size_t i;

	for (p = model->root->first; p; p = p->next) {
		if (p->kind != PACTUM_NODE_PARTY)
			continue;
		for (i = 0; pactum__party_fields[i]; i++) {
			const char *id = p->attr[PACTUM_ATTR_ID];
			const pactum_datum *d;
			int n = snprintf(key, sizeof(key), "%s.%s", id,
					 pactum__party_fields[i]);
			pactum_pos pos;

			if (n < 0 || (size_t)n >= sizeof(key))
				continue;
			d = pactum__map_get(&doc->data->index, key,
					    (size_t)n);
			if (d == NULL) {
				if (i == 0) {
					pos = pactum__node_pos(model, p);
					pactum__doc_report(
						doc, PACTUM_ERROR, &pos,
						_("no value for \"%s\" (the "
						  "legal name of party \"%s\")"),
						key, id);
				}
				continue;
			}
			doc->used[d->index] = 1;
			if (pactum__text_unsafe(NULL, NULL, d->value, d->len,
						0) ||
			    d->len == 0) {
				pactum__doc_report(
					doc, PACTUM_ERROR, &d->pos,
					_("value of \"%s\" is empty, not valid "
					  "UTF-8 or has control characters"),
					key);
				continue;
			}
			if (pactum__map_put(&doc->fields, d->name, (void *)d,
					    NULL) != PACTUM_OK)
				doc->nomem = 1;
		}
	}
}

static int included(pactum_doc *doc, const pactum_node *n)
{
	return n->cond == NULL || pactum__cond_eval(n->cond, doc->values);
}

/* "k" or "prefix.k" */
static const char *number_text(pactum_doc *doc, const char *prefix,
			       unsigned k)
{
	char small[96];
	int n = snprintf(small, sizeof(small), "%s%s%u", prefix ? prefix : "",
			 prefix ? "." : "", k);

	if (n < 0 || (size_t)n >= sizeof(small))
		return NULL;
	return pactum__arena_strndup(doc->arena, small, (size_t)n);
}

static const char *item_number(pactum_doc *doc, unsigned depth, unsigned k)
{
	static const char *const roman[] = {
		"i",  "ii",  "iii",  "iv", "v",   "vi",  "vii",
		"viii", "ix", "x",   "xi", "xii", "xiii", "xiv",
		"xv", "xvi", "xvii", "xviii", "xix", "xx"
	};
	char small[32];
	int n;

	if (depth % 3 == 0 && k <= 26)
		n = snprintf(small, sizeof(small), "(%c)", 'a' + (int)k - 1);
	else if (depth % 3 == 1 && k <= PACTUM_ARRAY_SIZE(roman))
		n = snprintf(small, sizeof(small), "(%s)", roman[k - 1]);
	else
		n = snprintf(small, sizeof(small), "(%u)", k);
	if (n < 0 || (size_t)n >= sizeof(small))
		return NULL;
	return pactum__arena_strndup(doc->arena, small, (size_t)n);
}

/* Place the included children of model node n under block parent.
 * counter numbers the sections and clauses at this level. */
static void place_children(pactum_doc *doc, pactum_block *parent,
			   const pactum_node *n, unsigned *counter,
			   unsigned *items)
{
	const pactum_node *c, *w;
	pactum_block *b;
	unsigned sub = 0, subitems = 0;

	for (c = n->first; c && !doc->nomem; c = c->next) {
		if (!included(doc, c))
			continue;
		switch (c->kind) {
		case PACTUM_NODE_CHOOSE:
			for (w = c->first; w; w = w->next)
				if (w->kind == PACTUM_NODE_OTHERWISE ||
				    (w->kind == PACTUM_NODE_WHEN &&
				     included(doc, w)))
					break;
			if (w != NULL)
				place_children(doc, parent, w, counter, items);
			break;
		case PACTUM_NODE_SECTION:
		case PACTUM_NODE_CLAUSE:
			b = new_block(doc, parent,
				      c->kind == PACTUM_NODE_SECTION
					      ? PACTUM_BLOCK_SECTION
					      : PACTUM_BLOCK_CLAUSE,
				      c);
			if (b == NULL)
				return;
			++*counter;
			b->number = number_text(doc, parent->number,
						*counter);
			if (b->number == NULL) {
				doc->nomem = 1;
				return;
			}
			/* a section's title; a clause's heading, if any */
			w = pactum__node_child(c, PACTUM_NODE_TITLE);
			b->title_unit = w ? w->unit : NULL;
			if (pactum__map_put(&doc->placed, b->id, b, NULL) !=
			    PACTUM_OK)
				doc->nomem = 1;
			sub = 0;
			subitems = 0;
			place_children(doc, b, c, &sub, &subitems);
			break;
		case PACTUM_NODE_PARAGRAPH:
			b = new_block(doc, parent, PACTUM_BLOCK_PARAGRAPH, c);
			if (b)
				b->content_unit = c->unit;
			break;
		case PACTUM_NODE_LIST:
			b = new_block(doc, parent, PACTUM_BLOCK_LIST, c);
			if (b == NULL)
				return;
			b->ordered = c->attr[PACTUM_ATTR_ORDERED] &&
				     strcmp(c->attr[PACTUM_ATTR_ORDERED],
					    "yes") == 0;
			subitems = 0;
			place_children(doc, b, c, &sub, &subitems);
			break;
		case PACTUM_NODE_ITEM:
			b = new_block(doc, parent, PACTUM_BLOCK_ITEM, c);
			if (b == NULL)
				return;
			b->content_unit = c->unit;
			++*items;
			/* items with an id may be referred to: "3.3(c)" */
			if (b->id != NULL &&
			    pactum__map_put(&doc->placed, b->id, b, NULL) !=
				    PACTUM_OK)
				doc->nomem = 1;
			if (parent->ordered) {
				unsigned depth = 0;
				const pactum_block *a;

				for (a = parent->parent; a; a = a->parent)
					if (a->kind == PACTUM_BLOCK_LIST &&
					    a->ordered)
						depth++;
				b->number = item_number(doc, depth, *items);
				if (b->number == NULL)
					doc->nomem = 1;
			}
			/* nested lists */
			sub = 0;
			subitems = 0;
			place_children(doc, b, c, &sub, &subitems);
			break;
		default:
			break; /* titles, notes, parties... placed elsewhere */
		}
	}
}

static void place_front_matter(pactum_doc *doc)
{
	const pactum_model *model = doc->model;
	pactum_block *parties, *glossary = NULL, *b, *f;
	const pactum_node *c, *t;
	char key[160];
	size_t i;

	t = pactum__node_child(model->root, PACTUM_NODE_TITLE);
	doc->root->title_unit = t ? t->unit : NULL;
	parties = new_block(doc, doc->root, PACTUM_BLOCK_PARTIES, NULL);
	if (parties == NULL)
		return;
	for (c = model->root->first; c; c = c->next) {
		if (c->kind == PACTUM_NODE_PARTY) {
			b = new_block(doc, parties, PACTUM_BLOCK_PARTY, c);
			if (b == NULL)
				return;
			t = pactum__node_child(c, PACTUM_NODE_ROLE);
			b->title_unit = t ? t->unit : NULL;
			for (i = 0; pactum__party_fields[i]; i++) {
				const pactum_datum *d;
				int n = snprintf(key, sizeof(key), "%s.%s",
						 b->id, pactum__party_fields[i]);

				if (n < 0 || (size_t)n >= sizeof(key))
					continue;
				d = pactum__map_get(&doc->fields, key,
						    (size_t)n);
				if (d == NULL)
					continue;
				f = new_block(doc, b, PACTUM_BLOCK_FIELD, NULL);
				if (f == NULL)
					return;
				f->id = pactum__party_fields[i];
				f->value = d->value;
			}
		} else if (c->kind == PACTUM_NODE_TERM && included(doc, c)) {
			if (glossary == NULL)
				glossary = new_block(doc, doc->root,
						     PACTUM_BLOCK_GLOSSARY,
						     NULL);
			if (glossary == NULL)
				return;
			b = new_block(doc, glossary, PACTUM_BLOCK_TERM, c);
			if (b == NULL)
				return;
			t = pactum__node_child(c, PACTUM_NODE_NAME);
			b->title_unit = t ? t->unit : NULL;
			t = pactum__node_child(c, PACTUM_NODE_DEFINITION);
			b->content_unit = t ? t->unit : NULL;
		}
	}
}

int pactum__doc_resolve(pactum_doc *doc)
{
	const pactum_model *model = doc->model;
	unsigned counter = 0, items = 0;
	size_t i;

	doc->values = pactum_malloc((model->nparams ? model->nparams : 1) *
				    sizeof(*doc->values));
	if (doc->values == NULL)
		return PACTUM_ENOMEM;
	memset(doc->values, 0, (model->nparams ? model->nparams : 1) *
				       sizeof(*doc->values));
	doc->has_value = pactum_malloc(model->nparams + 1);
	if (doc->has_value == NULL)
		return PACTUM_ENOMEM;
	memset(doc->has_value, 0, model->nparams + 1);
	doc->used = pactum_malloc(doc->data->count + 1);
	if (doc->used == NULL)
		return PACTUM_ENOMEM;
	memset(doc->used, 0, doc->data->count + 1);
	bind_params(doc);
	bind_fields(doc);
	for (i = 0; i < doc->data->count; i++) {
		const pactum_datum *d = doc->data->items[i];

		if (!doc->used[i])
			pactum__doc_report(doc, PACTUM_ERROR, &d->pos,
					   _("\"%s\" is neither a parameter "
					     "nor a party field of model "
					     "\"%s\""),
					   d->name, model->id);
	}
	if (doc->nomem)
		return PACTUM_ENOMEM;
	if (doc->errors)
		return PACTUM_EINPUT;
	doc->root = new_block(doc, NULL, PACTUM_BLOCK_DOCUMENT, model->root);
	if (doc->root == NULL)
		return PACTUM_ENOMEM;
	place_front_matter(doc);
	place_children(doc, doc->root, model->root, &counter, &items);
	return doc->nomem ? PACTUM_ENOMEM : PACTUM_OK;
}
