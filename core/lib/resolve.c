/* Resolve: bind deal data to the model's parameters and party fields,
 * evaluate conditions, and number what remains.  Every problem of the
 * data is reported before giving up, so one run lists them all. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "expr.h"
#include "compute.h"
#include "doc.h"
#include "kinds.h"
#include "records.h"

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
	b->word = -1;
	b->id = node ? node->attr[PACTUM_ATTR_ID] : NULL;
	b->list = doc->repeat_list;
	b->record = doc->repeat_record;
	doc->repeat_blocks += doc->repeat_list != NULL;
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

void pactum__doc_check_bounds(pactum_doc *doc, const pactum_node *p,
			      const pactum_pos *pos)
{
	const pactum_value *v = &doc->values[p->index];
	pactum_buf shown = PACTUM_BUF_INIT;
	const char *expected;
	pactum_attr b;

	for (b = PACTUM_ATTR_MIN; b <= PACTUM_ATTR_MAX; b++) {
		const char *bs = p->attr[b];
		pactum_value bound;
		int cmp, incomparable = 0;

		if (bs == NULL ||
		    pactum__value_parse(&bound, p->type, bs, strlen(bs),
					&expected) != PACTUM_OK)
			continue;
		cmp = pactum__value_compare(v, &bound, &incomparable);
		if (incomparable || (b == PACTUM_ATTR_MIN ? cmp >= 0 : cmp <= 0))
			continue;
		pactum__buf_clear(&shown);
		if (pactum__locale_english() == NULL ||
		    pactum__value_format(&shown, v, pactum__locale_english()) !=
			    PACTUM_OK) {
			doc->nomem = 1;
			break;
		}
		pactum__doc_report(doc, PACTUM_ERROR, pos,
				   b == PACTUM_ATTR_MIN
					   ? _("\"%s\" is below the minimum %s "
					       "of \"%s\"")
					   : _("\"%s\" is above the maximum %s "
					       "of \"%s\""),
				   shown.ptr, bs, p->attr[PACTUM_ATTR_ID]);
	}
	pactum__buf_free(&shown);
}

/* The value of every parameter: from the data, else its default; computed
 * ones later (compute.c). */
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

		if (p->type == PACTUM_TYPE_LIST) {
			pactum__records_bind(doc, p);
			continue;
		}
		if (p->list != NULL) {
			v->type = p->type; /* a record's, when one is shown */
			continue;
		}
		if (p->attr[PACTUM_ATTR_VALUE] != NULL && p->party == NULL) {
			v->type = p->type;
			if (d != NULL) {
				doc->used[d->index] = 1;
				pactum__doc_report(
					doc, PACTUM_ERROR, &d->pos,
					_("\"%s\" is computed by the model "
					  "(\"%s\"), so a deal cannot give it"),
					id, p->attr[PACTUM_ATTR_VALUE]);
			}
			continue;
		}
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
			if ((req == NULL || strcmp(req, "yes") == 0) &&
			    p->party != NULL && p->detail == NULL)
				pactum__doc_report(
					doc, PACTUM_ERROR, &pos,
					_("no value for \"%s\" (the legal name "
					  "of party \"%s\")"),
					id, p->party->attr[PACTUM_ATTR_ID]);
			else if ((req == NULL || strcmp(req, "yes") == 0) &&
				 p->party != NULL)
				pactum__doc_report(
					doc, PACTUM_ERROR, &pos,
					_("no value for \"%s\" (a %s field "
					  "party \"%s\" must have)"),
					id, pactum__type_name(p->type),
					p->party->attr[PACTUM_ATTR_ID]);
			else if (req == NULL || strcmp(req, "yes") == 0)
				pactum__doc_report(
					doc, PACTUM_ERROR, &pos,
					_("no value for the required "
					  "parameter \"%s\" (%s)"),
					id, pactum__type_name(p->type));
			v->type = p->type;
			continue;
		}
		doc->has_value[i] = 1;
		if (p->party != NULL && len == 0) {
			pactum__doc_report(doc, PACTUM_ERROR, &pos,
					   _("value of \"%s\" is empty"), id);
			continue;
		}
		if (pactum__value_parse(v, p->type, s, len, &expected) !=
		    PACTUM_OK) {
			pactum__doc_report(doc, PACTUM_ERROR, &pos,
					   _("\"%s\" is not a valid value for "
					     "\"%s\": expected %s"),
					   s, id, _(expected));
			continue;
		}
		if (p->type == PACTUM_TYPE_CHOICE &&
		    pactum__param_choice(p, s, strlen(s)) == NULL)
			pactum__doc_report(doc, PACTUM_ERROR, &pos,
					   _("\"%s\" is not one of the choices of "
					     "\"%s\""),
					   s, id);
		pactum__doc_check_bounds(doc, p, &pos);
	}
}

/* Signatories come as "party.signatory.N.name" and ".function", N from
 * 1 on without gaps; the datum of each, or NULL. */
#define MAX_SIGNATORIES 20

static const pactum_datum *signatory(pactum_doc *doc, const char *party,
				     unsigned n, const char *what)
{
	char key[160];
	int len = snprintf(key, sizeof(key), "%s.signatory.%u.%s", party, n,
			   what);
	const pactum_datum *d;

	if (len < 0 || (size_t)len >= sizeof(key))
		return NULL;
	d = pactum__map_get(&doc->data->index, key, (size_t)len);
	if (d == NULL || doc->used[d->index])
		return d;
	doc->used[d->index] = 1;
	if (d->len == 0 || pactum__text_unsafe(NULL, NULL, d->value, d->len, 0))
		pactum__doc_report(doc, PACTUM_ERROR, &d->pos,
				   _("value of \"%s\" is empty, not valid "
				     "UTF-8 or has control characters"),
				   d->name);
	return d;
}

static void bind_signatories(pactum_doc *doc)
{
	const pactum_node *p;
	unsigned n;

	for (p = doc->model->root->first; p; p = p->next)
		if (p->kind == PACTUM_NODE_PARTY)
			for (n = 1; n <= MAX_SIGNATORIES; n++) {
				const pactum_datum *name = signatory(
					doc, p->attr[PACTUM_ATTR_ID], n, "name");
				const pactum_datum *function = signatory(
					doc, p->attr[PACTUM_ATTR_ID], n,
					"function");

				if (name == NULL && function == NULL)
					break;
			}
}

static int included(pactum_doc *doc, const pactum_node *n)
{
	return n->cond == NULL || pactum__cond_eval(n->cond, doc->values);
}

/* Whether the language clause says anything: not in a contract in its
 * prevailing language alone. */
static int languages_shown(const pactum_doc *doc)
{
	return doc->nlangs > 1 || doc->prevailing >= doc->nlangs;
}

/* A clause that holds only the language clause goes with it. */
static int only_languages(const pactum_node *c)
{
	const pactum_node *n;
	int any = 0;

	for (n = c->first; n; n = n->next) {
		if (n->kind == PACTUM_NODE_TITLE || n->kind == PACTUM_NODE_NOTE)
			continue;
		if (n->kind != PACTUM_NODE_LANGUAGES)
			return 0;
		any = 1;
	}
	return any;
}

/* "k" or "prefix.k"; as long as the nesting makes it (64 levels of
 * "10." are 192 bytes). */
static const char *number_text(pactum_doc *doc, const char *prefix,
			       unsigned k)
{
	/* once per numbered block: spelt out, not through printf */
	char digits[16];
	size_t n = sizeof(digits), plen = prefix ? strlen(prefix) + 1 : 0;
	char *copy;

	do {
		digits[--n] = (char)('0' + k % 10);
		k /= 10;
	} while (k != 0);
	copy = pactum__arena_alloc(doc->arena,
				   plen + sizeof(digits) - n + 1);
	if (copy == NULL)
		return NULL;
	if (plen) {
		memcpy(copy, prefix, plen - 1);
		copy[plen - 1] = '.';
	}
	memcpy(copy + plen, digits + n, sizeof(digits) - n);
	copy[plen + sizeof(digits) - n] = '\0';
	return copy;
}

/* k in a numbering style: "A", "c", "iv", "12"; in parentheses when
 * paren is set ("(A)"); NULL for "none" (or out of memory: doc->nomem). */
static const char *styled_number(pactum_doc *doc, const char *style,
				 unsigned k, int paren)
{
	static const char *const ones[] = { "", "i", "ii", "iii", "iv",
					    "v", "vi", "vii", "viii", "ix" };
	static const char *const tens[] = { "", "x", "xx", "xxx", "xl",
					    "l", "lx", "lxx", "lxxx", "xc" };
	char small[48], digits[24];
	size_t i;
	int n;

	if (strcmp(style, "none") == 0)
		return NULL;
	if ((strcmp(style, "upper-alpha") == 0 ||
	     strcmp(style, "lower-alpha") == 0) && k <= 26 * 27) {
		/* a ... z, aa ... az, ba ...: as spreadsheets count */
		i = 0;
		if (k > 26)
			digits[i++] = (char)('a' + (k - 1) / 26 - 1);
		digits[i++] = (char)('a' + (k - 1) % 26);
		digits[i] = '\0';
	} else if (strstr(style, "roman") != NULL && k < 100) {
		n = snprintf(digits, sizeof(digits), "%s%s", tens[k / 10],
			     ones[k % 10]);
		(void)n;
	} else {
		snprintf(digits, sizeof(digits), "%u", k);
	}
	if (strncmp(style, "upper", 5) == 0)
		for (i = 0; digits[i]; i++)
			if (digits[i] >= 'a' && digits[i] <= 'z')
				digits[i] = (char)(digits[i] - 'a' + 'A');
	n = snprintf(small, sizeof(small), paren ? "(%s)" : "%s", digits);
	if (n < 0 || (size_t)n >= sizeof(small))
		return NULL;
	{
		const char *copy = pactum__arena_strndup(doc->arena, small,
							 (size_t)n);

		if (copy == NULL)
			doc->nomem = 1;
		return copy;
	}
}

static const char *item_number(pactum_doc *doc, unsigned depth, unsigned k)
{
	static const char *const styles[] = { "lower-alpha", "lower-roman",
					      "arabic" };

	return styled_number(doc, styles[depth % 3], k, 1);
}

/* Does the model keep the numbers of left-out parts at n: the nearest
 * omitted="..." of n and its ancestors, else renumber. */
static int keeps_numbers(const pactum_node *n)
{
	for (; n; n = n->parent)
		if (n->attr[PACTUM_ATTR_OMITTED])
			return strcmp(n->attr[PACTUM_ATTR_OMITTED], "keep") == 0;
	return 0;
}

/* Where a placed block's id may be referred to. */
static void place_id(pactum_doc *doc, pactum_block *b)
{
	if (b->id != NULL &&
	    pactum__map_put(&doc->placed, b->id, b, NULL) != PACTUM_OK)
		doc->nomem = 1;
}

/* One FOOTNOTE child of text block b per footnote in its unit, numbered
 * through the document. */
static void place_footnotes(pactum_doc *doc, pactum_block *b)
{
	const pactum_unit *u = b->content_unit;
	pactum_block *f;
	size_t i;

	for (i = 0; u && i < u->nph && !doc->nomem; i++) {
		const pactum_node *n = u->ph[i].node;

		if (n == NULL || n->kind != PACTUM_NODE_FOOTNOTE)
			continue;
		f = new_block(doc, b, PACTUM_BLOCK_FOOTNOTE, n);
		if (f == NULL)
			return;
		f->content_unit = n->unit;
		f->number = number_text(doc, NULL, ++doc->footnotes);
		if (f->number == NULL)
			doc->nomem = 1;
	}
}

/* The annex labels ("Anlage 1"), in every language: references to an
 * annex may come before it. */
static void label_annex(pactum_doc *doc, pactum_block *b)
{
	pactum_word w = (pactum_word)(PACTUM_WORD_ANNEX +
				      pactum__annex_series(b->node));
	pactum_buf buf = PACTUM_BUF_INIT;
	size_t i;
	b->label = pactum__arena_calloc(doc->arena,
					doc->nlangs * sizeof(*b->label));
	for (i = 0; b->label && i < doc->nlangs; i++) {
		pactum__buf_clear(&buf);
		/* a no-break space: "Anlage" and "1" stay on one line */
		pactum__buf_printf(
			&buf, "%s%s%s",
			pactum__locale_word(doc->locs[i], w),
			b->number[0] ? "\xc2\xa0" : "", b->number);
		b->label[i] = buf.oom ? NULL
				      : pactum__arena_strndup(doc->arena,
							      buf.ptr, buf.len);
		if (b->label[i] == NULL)
			doc->nomem = 1;
	}
	if (b->label == NULL)
		doc->nomem = 1;
	pactum__buf_free(&buf);
}

/* The counters of one level: sections and clauses, list items, recitals,
 * and the annexes of each series. */
struct counters {
	unsigned parts;
	unsigned items;
	unsigned recitals;
	unsigned annexes[PACTUM_SERIES_COUNT];
};

static void place_children(pactum_doc *doc, pactum_block *parent,
			   const pactum_node *n, struct counters *k);

/* A section, clause or annex: numbered, and placed even when left out if
 * the model keeps numbers. */
static void place_part(pactum_doc *doc, pactum_block *parent,
		       const pactum_node *c, struct counters *k, int in)
{
	struct counters sub = { 0, 0, 0, { 0, 0, 0, 0 } };
	pactum_block *b;
	const pactum_node *t;

	if (!in && !keeps_numbers(c))
		return;
	if (in && c->kind == PACTUM_NODE_CLAUSE && only_languages(c) &&
	    !languages_shown(doc))
		return;
	b = new_block(doc, parent,
		      c->kind == PACTUM_NODE_SECTION ? PACTUM_BLOCK_SECTION
		      : c->kind == PACTUM_NODE_CLAUSE ? PACTUM_BLOCK_CLAUSE
						      : PACTUM_BLOCK_ANNEX,
		      c);
	if (b == NULL)
		return;
	b->omitted = !in;
	if (c->kind == PACTUM_NODE_ANNEX) {
		const char *style = c->attr[PACTUM_ATTR_NUMBERING];

		b->number = styled_number(doc, style ? style : "arabic",
					  ++k->annexes[pactum__annex_series(c)],
					  0);
		if (b->number == NULL) /* numbering="none" */
			b->number = "";
		label_annex(doc, b);
	} else {
		/* numbered afresh inside an annex: "Anlage 1, Ziffer 2" */
		b->number = number_text(doc,
					parent->kind == PACTUM_BLOCK_ANNEX
						? NULL
						: parent->number,
					++k->parts);
	}
	if (b->number == NULL) {
		doc->nomem = 1;
		return;
	}
	place_id(doc, b);
	if (!in)
		return;
	/* a section's title; a clause's heading, if any */
	t = pactum__node_child(c, PACTUM_NODE_TITLE);
	b->title_unit = t ? t->unit : NULL;
	place_children(doc, b, c, &sub);
}

/* A block holding c's text, with its footnotes; NULL when out of
 * memory. */
static pactum_block *place_text(pactum_doc *doc, pactum_block *parent,
				const pactum_node *c, pactum_block_kind kind)
{
	pactum_block *b = new_block(doc, parent, kind, c);

	if (b == NULL)
		return NULL;
	b->content_unit = c->unit;
	place_footnotes(doc, b);
	return b;
}

/* A signature block for every party: a signatory per name the data
 * gives, or one to fill in by hand. */
static void place_signatures(pactum_doc *doc, pactum_block *parent,
			     const pactum_node *c)
{
	static const struct {
		const char *id;
		pactum_word word;
	} lines[] = { { "place-date", PACTUM_WORD_PLACE_DATE },
		      { "signature", PACTUM_WORD_SIGNATURE },
		      { "name", PACTUM_WORD_SIGNATORY_NAME },
		      { "function", PACTUM_WORD_FUNCTION } };
	pactum_block *all = new_block(doc, parent, PACTUM_BLOCK_SIGNATURES, c);
	pactum_block *sig, *who, *f;
	pactum_buf key = PACTUM_BUF_INIT;
	const pactum_node *p, *role;
	const pactum_datum *d;
	unsigned n;
	size_t i;

	for (p = doc->model->root->first; all && p && !doc->nomem; p = p->next) {
		if (p->kind != PACTUM_NODE_PARTY)
			continue;
		sig = new_block(doc, all, PACTUM_BLOCK_SIGNATURE, p);
		if (sig == NULL)
			goto cleanup;
		sig->id = p->attr[PACTUM_ATTR_ID];
		role = pactum__node_child(p, PACTUM_NODE_ROLE);
		sig->title_unit = role ? role->unit : NULL;
		/* the legal name under the role: who signs, beyond doubt */
		pactum__buf_clear(&key);
		pactum__buf_printf(&key, "%s.name", sig->id);
		if (key.oom) {
			doc->nomem = 1;
			goto cleanup;
		}
		sig->param = pactum__map_get(&doc->model->params, key.ptr,
					     key.len);
		for (n = 1; n <= MAX_SIGNATORIES; n++) {
			const pactum_datum *name = signatory(doc, sig->id, n, "name");
			const pactum_datum *function =
				signatory(doc, sig->id, n, "function");

			if (n > 1 && name == NULL && function == NULL)
				break;
			who = new_block(doc, sig, PACTUM_BLOCK_SIGNATORY, NULL);
			for (i = 0; who && i < PACTUM_ARRAY_SIZE(lines); i++) {
				f = new_block(doc, who, PACTUM_BLOCK_FIELD, NULL);
				if (f == NULL)
					goto cleanup;
				f->id = lines[i].id;
				f->word = (int)lines[i].word;
				d = i == 2 ? name : i == 3 ? function : NULL;
				f->value = d;
			}
		}
	}
cleanup:
	pactum__buf_free(&key);
}

/* Place the included children of model node n under block parent,
 * counting in k. */
/* What a <repeat> holds, once for each record of its list that its
 * condition lets in; the check keeps repeats from nesting.  The model and
 * the deal are each bounded, but a repeat multiplies one by the other:
 * the blocks repeats place are bounded too. */
static void place_repeat(pactum_doc *doc, pactum_block *parent,
			 const pactum_node *repeat, struct counters *k)
{
	const pactum_node *list = repeat->target;
	const pactum_value *v = &doc->values[list->index];
	size_t i;

	/* (past the limit: said once, by the repeat that passed it) */
	for (i = 0; i < v->u.list.n && !doc->nomem &&
		    doc->repeat_blocks <= PACTUM_MAX_REPEAT_BLOCKS;
	     i++) {
		pactum__records_load(doc, list, &v->u.list.records[i]);
		doc->repeat_list = list;
		doc->repeat_record = &v->u.list.records[i];
		pactum__compute_record(doc, repeat, i + 1);
		if (included(doc, repeat))
			place_children(doc, parent, repeat, k);
		if (doc->repeat_blocks > PACTUM_MAX_REPEAT_BLOCKS) {
			pactum_pos pos = pactum__node_pos(doc->model, repeat);

			pactum__doc_report(
				doc, PACTUM_ERROR, &pos,
				_("the repeats over \"%s\" and the others "
				  "make more than %d parts of this agreement, "
				  "at record %zu (pactum's limit)"),
				list->attr[PACTUM_ATTR_ID],
				PACTUM_MAX_REPEAT_BLOCKS, i + 1);
			break;
		}
	}
	doc->repeat_list = NULL;
	doc->repeat_record = NULL;
	doc->values[list->index].u.list.current = NULL;
}

/* A list or table that this deal leaves empty would print a lead-in
 * ("The Reseller will:") with nothing after it. */
static void check_not_empty(pactum_doc *doc, const pactum_block *b)
{
	pactum_pos pos;

	if (b->first != NULL)
		return;
	pos = pactum__node_pos(doc->model, b->node);
	pactum__doc_report(doc, PACTUM_ERROR, &pos,
			   b->kind == PACTUM_BLOCK_LIST
				   ? _("this <list> has no items for this deal "
				       "(a <choose> with count() can say "
				       "something else when there are none)")
				   : _("this <table> has no rows for this deal "
				       "(a <choose> with count() can say "
				       "something else when there are none)"));
}

static void place_children(pactum_doc *doc, pactum_block *parent,
			   const pactum_node *n, struct counters *k)
{
	struct counters sub = { 0, 0, 0, { 0, 0, 0, 0 } };
	const pactum_node *c, *w;
	pactum_block *b;
	int in;

	for (c = n->first; c && !doc->nomem; c = c->next) {
		if (c->kind == PACTUM_NODE_REPEAT) {
			place_repeat(doc, parent, c, k);
			continue;
		}
		in = included(doc, c);
		switch (c->kind) {
		case PACTUM_NODE_SECTION:
		case PACTUM_NODE_CLAUSE:
		case PACTUM_NODE_ANNEX:
			place_part(doc, parent, c, k, in);
			continue;
		default:
			break;
		}
		if (!in)
			continue;
		switch (c->kind) {
		case PACTUM_NODE_CHOOSE:
			w = pactum__cond_pick(c, doc->values);
			if (w != NULL)
				place_children(doc, parent, w, k);
			break;
		case PACTUM_NODE_PARAGRAPH:
			place_text(doc, parent, c, PACTUM_BLOCK_PARAGRAPH);
			break;
		case PACTUM_NODE_LANGUAGES: /* its words: translate.c */
			if (languages_shown(doc))
				new_block(doc, parent, PACTUM_BLOCK_PARAGRAPH, c);
			break;
		case PACTUM_NODE_CELL:
			place_text(doc, parent, c, PACTUM_BLOCK_CELL);
			break;
		case PACTUM_NODE_RECITAL:
			b = place_text(doc, parent, c, PACTUM_BLOCK_RECITAL);
			if (b != NULL) {
				const char *style =
					doc->model->preamble
						? doc->model->preamble->attr[PACTUM_ATTR_NUMBERING]
						: NULL;

				b->number = styled_number(
					doc, style ? style : "upper-alpha",
					++k->recitals, 1);
				place_id(doc, b);
			}
			break;
		case PACTUM_NODE_LIST:
		case PACTUM_NODE_TABLE:
		case PACTUM_NODE_ROW:
			b = new_block(doc, parent,
				      c->kind == PACTUM_NODE_LIST ? PACTUM_BLOCK_LIST
				      : c->kind == PACTUM_NODE_TABLE
					      ? PACTUM_BLOCK_TABLE
					      : PACTUM_BLOCK_ROW,
				      c);
			if (b == NULL)
				return;
			b->ordered = c->attr[PACTUM_ATTR_ORDERED] &&
				     strcmp(c->attr[PACTUM_ATTR_ORDERED],
					    "yes") == 0;
			b->header = c->attr[PACTUM_ATTR_HEADER] &&
				    strcmp(c->attr[PACTUM_ATTR_HEADER], "yes") == 0;
			b->columns = c->kind == PACTUM_NODE_TABLE ? c->index : 0;
			sub.items = 0;
			place_children(doc, b, c, &sub);
			if (c->kind != PACTUM_NODE_ROW)
				check_not_empty(doc, b);
			break;
		case PACTUM_NODE_ITEM:
			b = place_text(doc, parent, c, PACTUM_BLOCK_ITEM);
			if (b == NULL)
				return;
			++k->items;
			/* items with an id may be referred to: "3.3(c)" */
			place_id(doc, b);
			if (parent->ordered) {
				unsigned depth = 0;
				const pactum_block *a;

				for (a = parent->parent; a; a = a->parent)
					if (a->kind == PACTUM_BLOCK_LIST &&
					    a->ordered)
						depth++;
				b->number = item_number(doc, depth, k->items);
				if (b->number == NULL)
					doc->nomem = 1;
			}
			/* nested lists */
			sub.parts = sub.items = 0;
			place_children(doc, b, c, &sub);
			break;
		case PACTUM_NODE_SIGNATURES:
			place_signatures(doc, parent, c);
			break;
		default:
			break; /* titles, notes, parties... placed elsewhere */
		}
	}
}

/* A party without a "representative" is represented by its signatories:
 * "Dr. Jana Weller (Geschäftsführerin)", names and functions as the deal
 * gives them, several split by PACTUM_LIST_SEP for translate.c to list as
 * the language does ("… und …").  NULL when the deal names none. */
static const pactum_datum *signatories_line(pactum_doc *doc, const char *party)
{
	pactum_buf line = PACTUM_BUF_INIT;
	pactum_datum *d = NULL;
	unsigned n;

	for (n = 1; n <= MAX_SIGNATORIES; n++) {
		const pactum_datum *name = signatory(doc, party, n, "name");
		const pactum_datum *function = signatory(doc, party, n, "function");

		if (name == NULL && function == NULL)
			break;
		if (name == NULL)
			continue; /* a function alone names no one */
		if (line.len > 0)
			pactum__buf_putc(&line, PACTUM_LIST_SEP);
		pactum__buf_put(&line, name->value, name->len);
		if (function != NULL)
			pactum__buf_printf(&line, " (%.*s)", (int)function->len,
					   function->value);
	}
	if (line.len > 0 && !line.oom &&
	    (d = pactum__arena_calloc(doc->arena, sizeof(*d))) != NULL) {
		d->name = "representative";
		d->value = pactum__arena_strndup(doc->arena, line.ptr, line.len);
		d->len = line.len;
	}
	if (line.oom || (line.len > 0 && (d == NULL || d->value == NULL)))
		doc->nomem = 1;
	pactum__buf_free(&line);
	return d && d->value ? d : NULL;
}

static void place_parties(pactum_doc *doc)
{
	const pactum_model *model = doc->model;
	pactum_block *parties, *b = NULL, *f;
	const pactum_node *c, *t;
	pactum_block *address;
	const pactum_datum *line;
	int represented;
	size_t i;

	parties = new_block(doc, doc->root, PACTUM_BLOCK_PARTIES, NULL);
	if (parties == NULL)
		return;
	for (c = model->root->first; c && !doc->nomem; c = c->next) {
		if (c->kind != PACTUM_NODE_PARTY)
			continue;
		b = new_block(doc, parties, PACTUM_BLOCK_PARTY, c);
		if (b == NULL)
			return;
		t = pactum__node_child(c, PACTUM_NODE_ROLE);
		b->title_unit = t ? t->unit : NULL;
		address = NULL;
		represented = 0;
		/* the party's fields are parameters, in the order declared */
		for (i = 0; i < model->nparams; i++) {
			const pactum_node *p = model->param_list[i];
			const pactum_node *label;

			if (p->party != c || !doc->has_value[i])
				continue;
			if (p->detail == NULL && p->type == PACTUM_TYPE_COUNTRY) {
				b->country = p;
				if (address != NULL) {
					address->country = p; /* "…, Österreich" */
					continue;
				}
			}
			f = new_block(doc, b, PACTUM_BLOCK_FIELD, NULL);
			if (f == NULL)
				return;
			f->id = p->attr[PACTUM_ATTR_ID] +
				strlen(c->attr[PACTUM_ATTR_ID]) + 1;
			f->param = p;
			label = p->detail ? pactum__node_child(p->detail,
							       PACTUM_NODE_LABEL)
					  : NULL;
			f->title_unit = label ? label->unit : NULL;
			f->word = p->detail ? -1 : p->word;
			if (f->word == PACTUM_WORD_FIELD_ADDRESS)
				address = f;
			represented |= f->word == PACTUM_WORD_FIELD_REPRESENTATIVE;
		}
		if (!represented &&
		    (line = signatories_line(doc, c->attr[PACTUM_ATTR_ID])) != NULL &&
		    (f = new_block(doc, b, PACTUM_BLOCK_FIELD, NULL)) != NULL) {
			f->id = "representative";
			f->word = PACTUM_WORD_FIELD_REPRESENTATIVE;
			f->value = line;
		}
	}
}

static void place_front_matter(pactum_doc *doc)
{
	const pactum_model *model = doc->model;
	struct counters k = { 0, 0, 0, { 0, 0, 0, 0 } };
	pactum_block *glossary = NULL, *b;
	const pactum_node *c, *t;

	t = pactum__node_child(model->root, PACTUM_NODE_TITLE);
	doc->root->title_unit = t ? t->unit : NULL;
	if (model->root->attr[PACTUM_ATTR_VERSION] ||
	    model->root->attr[PACTUM_ATTR_DATE])
		new_block(doc, doc->root, PACTUM_BLOCK_META, NULL);
	c = pactum__node_child(model->root, PACTUM_NODE_COVER);
	if (c != NULL && (b = new_block(doc, doc->root, PACTUM_BLOCK_COVER,
					c)) != NULL)
		place_children(doc, b, c, &k);
	place_parties(doc);
	c = model->preamble;
	if (c != NULL && (b = new_block(doc, doc->root, PACTUM_BLOCK_PREAMBLE,
					c)) != NULL) {
		t = pactum__node_child(c, PACTUM_NODE_TITLE);
		b->title_unit = t ? t->unit : NULL;
		place_children(doc, b, c, &k);
	}
	for (c = model->root->first; c && !doc->nomem; c = c->next) {
		if (c->kind != PACTUM_NODE_TERM || !included(doc, c) ||
		    pactum__node_child(c, PACTUM_NODE_DEFINITION) == NULL)
			continue; /* defined where its <define> stands */
		if (glossary == NULL)
			glossary = new_block(doc, doc->root,
					     PACTUM_BLOCK_GLOSSARY, NULL);
		if (glossary == NULL)
			return;
		b = new_block(doc, glossary, PACTUM_BLOCK_TERM, c);
		if (b == NULL)
			return;
		if (b->id != NULL &&
		    pactum__map_put(&doc->terms, b->id, b, NULL) != PACTUM_OK)
			doc->nomem = 1;
		t = pactum__node_child(c, PACTUM_NODE_NAME);
		b->title_unit = t ? t->unit : NULL;
		t = pactum__node_child(c, PACTUM_NODE_DEFINITION);
		b->content_unit = t ? t->unit : NULL;
	}
}

/* Two annex series that a rendered language calls alike ("Anhang 1"
 * twice in German) would make references ambiguous: refused. */
static void check_series(pactum_doc *doc)
{
	const pactum_node *first[PACTUM_SERIES_COUNT] = { NULL, NULL, NULL,
							  NULL };
	const pactum_node *c;
	size_t i, j, l;

	for (c = doc->model->root->first; c; c = c->next)
		if (c->kind == PACTUM_NODE_ANNEX &&
		    (c->attr[PACTUM_ATTR_SERIES] == NULL ||
		     pactum__attr_value_ok(PACTUM_ATTR_SERIES,
					   c->attr[PACTUM_ATTR_SERIES])) &&
		    first[pactum__annex_series(c)] == NULL)
			first[pactum__annex_series(c)] = c;
	for (i = 0; i < PACTUM_SERIES_COUNT; i++)
		for (j = i + 1; j < PACTUM_SERIES_COUNT; j++)
			for (l = 0; first[i] && first[j] && l < doc->nlangs; l++) {
				const char *a = pactum__locale_word(
					doc->locs[l], (pactum_word)(PACTUM_WORD_ANNEX + i));
				pactum_pos pos = pactum__node_pos(doc->model, first[j]);

				if (strcmp(a, pactum__locale_word(
						      doc->locs[l], (pactum_word)(PACTUM_WORD_ANNEX + j))) != 0)
					continue;
				pactum__doc_report(
					doc, PACTUM_ERROR, &pos,
					_("series=\"%s\" and series=\"%s\" (line "
					  "%lu) are both \"%s\" in %s: use one "
					  "of them for both kinds of annex"),
					first[j]->attr[PACTUM_ATTR_SERIES],
					first[i]->attr[PACTUM_ATTR_SERIES]
						? first[i]->attr[PACTUM_ATTR_SERIES]
						: "annex",
					(unsigned long)first[i]->line, a,
					doc->langs[l]);
				break;
			}
}

int pactum__doc_resolve(pactum_doc *doc)
{
	const pactum_model *model = doc->model;
	struct counters k = { 0, 0, 0, { 0, 0, 0, 0 } };
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
	check_series(doc);
	bind_params(doc);
	bind_signatories(doc);
	if (doc->errors == 0 && pactum__compute_doc(doc) == PACTUM_ENOMEM)
		return PACTUM_ENOMEM;
	for (i = 0; i < doc->data->count; i++) {
		const pactum_datum *d = doc->data->items[i];

		if (!doc->used[i] && !pactum__records_explain(doc, d))
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
	place_children(doc, doc->root, model->root, &k);
	return doc->nomem ? PACTUM_ENOMEM : PACTUM_OK;
}
