/* Checking a model after a reader built it: structure, ids, references,
 * types and conditions — every problem reported, with its position — and,
 * on the way, everything rendering needs precomputed: indexes by id,
 * translation units with their stable contexts, parsed conditions. */
#include "config.h"

#include <string.h>

#include "compute.h"
#include "expr.h"
#include "kinds.h"
#include "unit.h"

const pactum_party_field pactum__party_fields[] = {
	{ "name", PACTUM_WORD_FIELD_NAME, PACTUM_TYPE_TEXT },
	{ "address", PACTUM_WORD_FIELD_ADDRESS, PACTUM_TYPE_TEXT },
	/* shown after the address; names the register and VAT labels */
	{ "country", PACTUM_WORD_FIELD_COUNTRY, PACTUM_TYPE_COUNTRY },
	{ "register", PACTUM_WORD_FIELD_REGISTER, PACTUM_TYPE_TEXT },
	{ "vat-id", PACTUM_WORD_FIELD_VAT_ID, PACTUM_TYPE_TEXT },
	{ "representative", PACTUM_WORD_FIELD_REPRESENTATIVE,
	  PACTUM_TYPE_TEXT },
	{ NULL, 0, 0 },
};

struct checker {
	pactum_model *model;
	pactum_diag *diag;
	int errors;
	int nomem;
	int duplicate_ids;   /* contexts then collide too: say it once */
	pactum_map contexts; /* msgctxt → unit, to refuse duplicates */
	pactum_buf unit_scratch[2]; /* pactum__unit_build()'s */
};

static void report(struct checker *ck, pactum_severity sev,
		   const pactum_node *n, const char *fmt, ...)
	PACTUM_PRINTF(4, 5);

static void report(struct checker *ck, pactum_severity sev,
		   const pactum_node *n, const char *fmt, ...)
{
	pactum_pos pos = pactum__node_pos(ck->model, n);
	va_list ap;

	if (sev == PACTUM_ERROR)
		ck->errors++;
	va_start(ap, fmt);
	if (pactum_diag_vreport(ck->diag, sev, &pos, fmt, ap) != PACTUM_OK)
		ck->nomem = 1;
	va_end(ap);
}

const char *pactum__node_kind_name(pactum_node_kind kind)
{
	const pactum_kind_info *k = pactum__kind(kind);

	return k ? k->name : "?";
}

static int is_inline(pactum_node_kind k)
{
	const pactum_kind_info *info = pactum__kind(k);

	return info && (info->flags & PACTUM_KIND_INLINE);
}

static int may_have_if(pactum_node_kind k)
{
	const pactum_kind_info *info = pactum__kind(k);

	return info && (info->flags & PACTUM_KIND_IF);
}

/* "<section>, <clause> or <p>": the kinds of set, for messages. */
static void kinds_text(pactum_buf *buf, pactum_kinds set)
{
	pactum_node_kind k;
	size_t n = 0, i = 0;

	for (k = PACTUM_NODE_AGREEMENT; k <= PACTUM_NODE_LAST_; k++)
		n += (pactum__kind_bit(k) & set) != 0;
	for (k = PACTUM_NODE_AGREEMENT; k <= PACTUM_NODE_LAST_; k++) {
		if (!(pactum__kind_bit(k) & set))
			continue;
		if (i > 0)
			/* TRANSLATORS: between the last two of a list of
			 * elements: "<clause>, <p> or <list>" */
			pactum__buf_puts(buf, i + 1 == n ? _(" or ") : ", ");
		pactum__buf_printf(buf, "<%s>", pactum__node_kind_name(k));
		i++;
	}
}

/* White space between elements: layout, not content. */
static int is_layout(const pactum_node *c)
{
	return c->kind == PACTUM_NODE_TEXT &&
	       strspn(c->text, " \t\r\n") == c->len;
}

/* A text slot's kinds less footnote and <one>; other slots as they are. */
static pactum_kinds sentence_kinds(pactum_kinds kinds)
{
	if (!(kinds & pactum__kind_bit(PACTUM_NODE_TEXT)))
		return kinds;
	return kinds & ~(pactum__kind_bit(PACTUM_NODE_FOOTNOTE) |
			 pactum__kind_bit(PACTUM_NODE_ONE));
}

/* The element whose content a PLACED node (WHEN, OTHERWISE, REPEAT)
 * holds a part of, through any placed ones around it; and in *via the
 * kind standing in that element's slot (CHOOSE or REPEAT). */
static const pactum_node *place_of(const pactum_node *n,
				   pactum_node_kind *via)
{
	const pactum_node *p = n;

	*via = n->kind == PACTUM_NODE_REPEAT ? PACTUM_NODE_REPEAT
					     : PACTUM_NODE_CHOOSE;
	while (p && (pactum__kind(p->kind)->flags & PACTUM_KIND_PLACED)) {
		*via = p->kind == PACTUM_NODE_REPEAT ? PACTUM_NODE_REPEAT
						     : PACTUM_NODE_CHOOSE;
		p = p->kind == PACTUM_NODE_REPEAT
			    ? p->parent
			    : (p->parent ? p->parent->parent : NULL);
	}
	return p;
}

/* The slots of n's content.  WHEN, OTHERWISE and REPEAT hold what their
 * place holds: blocks in a clause, items in a list, rows in a table. */
static const pactum_slot *content_of(pactum_slot mine[3],
				     const pactum_node *n)
{
	const pactum_kind_info *info = pactum__kind(n->kind);
	const pactum_node *owner;
	const pactum_slot *s;
	pactum_slot notes = { pactum__kind_bit(PACTUM_NODE_NOTE), 0, 0 };
	pactum_node_kind via;

	if (!(info->flags & PACTUM_KIND_PLACED))
		return info->slots;
	owner = place_of(n, &via);
	memset(mine, 0, 3 * sizeof(*mine));
	if (owner == NULL)
		return mine;
	for (s = pactum__kind(owner->kind)->slots; s->kinds; s++) {
		if (!(s->kinds & pactum__kind_bit(via)))
			continue;
		if (n->kind != PACTUM_NODE_OTHERWISE) {
			mine[0] = notes;
			mine++;
		}
		/* in a sentence: words, without a footnote or a <one> of
		 * their own (those belong to the sentence) */
		mine[0].kinds = s->kinds & sentence_kinds(s->kinds);
		mine[0].min = 1;
		return n->kind != PACTUM_NODE_OTHERWISE ? mine - 1 : mine;
	}
	return mine; /* a misplaced CHOOSE: reported at its parent */
}

static void missing(struct checker *ck, const pactum_node *n,
		    const pactum_slot *slot)
{
	pactum_buf names = PACTUM_BUF_INIT;

	kinds_text(&names, slot->kinds);
	report(ck, PACTUM_ERROR, n,
	       slot->max == 1 ? _("<%s> needs a %s")
			      : _("<%s> needs at least one %s"),
	       pactum__node_kind_name(n->kind), names.ptr ? names.ptr : "");
	pactum__buf_free(&names);
}

/* n's children against its slots, in one pass: each child either fits the
 * current slot or a later one (all slots skipped must have been
 * optional), or it is reported. */
static void check_children(struct checker *ck, pactum_node *n)
{
	const pactum_kind_info *info = pactum__kind(n->kind);
	pactum_slot mine[3]; /* notes, blocks, the end */
	const pactum_slot *slots = content_of(mine, n), *s;
	const pactum_node *prev = NULL;
	pactum_node *c;
	pactum_kinds allowed = 0, bit, seen = 0;
	unsigned count = 0;

	if ((info->flags & PACTUM_KIND_PLACED) && slots->kinds == 0)
		return; /* its CHOOSE is misplaced, and reported */
	for (s = slots; s->kinds; s++)
		allowed |= s->kinds;
	s = slots;
	for (c = n->first; c; c = c->next) {
		bit = pactum__kind_bit(c->kind);
		/* White space between elements is layout, never content
		 * (a reader keeps it where a WHEN might hold text). */
		if (is_layout(c))
			continue;
		if (!(allowed & bit)) {
			if (c->kind == PACTUM_NODE_TEXT)
				report(ck, PACTUM_ERROR, c,
				       _("text is not allowed in <%s>"),
				       info->name);
			else
				report(ck, PACTUM_ERROR, c,
				       _("<%s> is not allowed in <%s>"),
				       pactum__node_kind_name(c->kind),
				       info->name);
			c->misplaced = 1;
			continue;
		}
		if ((info->once & bit) && (seen & bit)) {
			report(ck, PACTUM_ERROR, c, _("<%s> has more than one <%s>"),
			       info->name, pactum__node_kind_name(c->kind));
			c->misplaced = 1;
			continue;
		}
		seen |= bit;
		if (!(s->kinds & bit)) {
			const pactum_slot *t;

			for (t = s + 1; t->kinds && !(t->kinds & bit); t++)
				;
			if (!t->kinds) {
				report(ck, PACTUM_ERROR, c,
				       _("<%s> cannot come after <%s> in <%s>"),
				       pactum__node_kind_name(c->kind),
				       pactum__node_kind_name(prev->kind),
				       info->name);
				c->misplaced = 1;
				continue;
			}
			for (; s != t; s++, count = 0)
				if (count < s->min)
					missing(ck, n, s);
		}
		if (++count > s->max && s->max != 0) {
			report(ck, PACTUM_ERROR, c, _("<%s> has more than one <%s>"),
			       info->name, pactum__node_kind_name(c->kind));
			c->misplaced = 1;
		}
		prev = c;
	}
	for (; s->kinds; s++, count = 0)
		if (count < s->min)
			missing(ck, n, s);
}

/* "a b c" as "a, b or c" */
static void words_text(pactum_buf *buf, const char *words)
{
	const char *p = words, *space, *last = strrchr(words, ' ');

	while ((space = strchr(p, ' ')) != NULL) {
		pactum__buf_put(buf, p, (size_t)(space - p));
		pactum__buf_puts(buf, space == last ? _(" or ") : ", ");
		p = space + 1;
	}
	pactum__buf_puts(buf, p);
}

/* n's attributes against its row: allowed, required, the values. */
static void check_attrs(struct checker *ck, const pactum_node *n)
{
	const pactum_kind_info *info = pactum__kind(n->kind);
	pactum_attr a;

	/* most nodes have no attribute, and most kinds require none */
	if (!pactum__node_has_attrs(n) && info->required == 0)
		return;
	for (a = 0; a < PACTUM_ATTR_COUNT_; a++) {
		const char *v = n->attr[a];

		if (v == NULL) {
			if (info->required & (1u << a))
				report(ck, PACTUM_ERROR, n,
				       _("<%s> needs the attribute %s"),
				       info->name, pactum__attr_name(a));
		} else if (v[0] == '\0' && (info->required & (1u << a))) {
			report(ck, PACTUM_ERROR, n, _("<%s> needs the attribute %s"),
			       info->name, pactum__attr_name(a));
		} else if (!(info->attrs & (1u << a))) {
			report(ck, PACTUM_ERROR, n,
			       _("<%s> cannot have the attribute %s"),
			       info->name, pactum__attr_name(a));
		} else if (!pactum__attr_value_ok(a, v)) {
			pactum_buf list = PACTUM_BUF_INIT;

			words_text(&list, pactum__attr_values(a));
			/* TRANSLATORS: the last %s lists the values allowed:
			 * "yes or no", "renumber or keep" */
			report(ck, PACTUM_ERROR, n, _("%s=\"%s\": expected %s"),
			       pactum__attr_name(a), v,
			       list.ptr ? list.ptr : "");
			pactum__buf_free(&list);
		}
	}
}

static int valid_id(const char *id)
{
	size_t i;

	if (id == NULL || !((id[0] >= 'a' && id[0] <= 'z') ||
			    (id[0] >= 'A' && id[0] <= 'Z')))
		return 0;
	for (i = 1; id[i]; i++) {
		char c = id[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '-' || c == '_'))
			return 0;
	}
	return i <= 64;
}

/* Enter n's id into map; reports a malformed or duplicate id. */
static void index_id(struct checker *ck, pactum_map *map, pactum_node *n)
{
	const char *id = n->attr[PACTUM_ATTR_ID];
	void *existing = NULL;

	if (id == NULL)
		return; /* required or not: the kind table says */
	if (!valid_id(id)) {
		report(ck, PACTUM_ERROR, n,
		       _("id \"%s\" is malformed (a letter, then letters, "
			 "digits, '-' or '_'; at most 64)"),
		       id);
		return;
	}
	if (pactum__map_put(map, id, n, &existing) != PACTUM_OK) {
		ck->nomem = 1;
		return;
	}
	if (existing != NULL) {
		const pactum_node *first = existing;

		ck->duplicate_ids = 1;
		report(ck, PACTUM_ERROR, n,
		       _("duplicate id \"%s\" on <%s> (first used on line "
			 "%lu)"),
		       id, pactum__node_kind_name(n->kind),
		       (unsigned long)first->line);
	}
}

/* Model text reaches every output: no controls, no bidirectional
 * overrides, no noncharacters; XML white space is folded later. */
static void check_text(struct checker *ck, const pactum_node *t)
{
	uint32_t cp;

	if (!pactum__text_unsafe(&cp, NULL, t->text, t->len,
				 PACTUM_ALLOW_SPACE))
		return;
	if (cp == PACTUM_NOT_UTF8)
		report(ck, PACTUM_ERROR, t, "%s", _("text is not valid UTF-8"));
	else
		/* TRANSLATORS: %04X is a Unicode code point, as in U+202E */
		report(ck, PACTUM_ERROR, t,
		       _("text holds U+%04X, a control or invisible character "
			 "that no contract may contain"),
		       (unsigned)cp);
}

/* Every row of a table has as many cells as its first, through any
 * <choose> around rows (the depth is bounded: too_deep() ran first).
 * The count goes to the table's index. */
static void check_rows(struct checker *ck, pactum_node *table,
		       const pactum_node *n, const pactum_node **first)
{
	const pactum_node *r, *c;
	size_t have;

	for (r = n->first; r; r = r->next) {
		if (r->kind != PACTUM_NODE_ROW) {
			if (r->kind == PACTUM_NODE_CHOOSE ||
			    r->kind == PACTUM_NODE_WHEN ||
			    r->kind == PACTUM_NODE_OTHERWISE)
				check_rows(ck, table, r, first);
			continue;
		}
		have = 0;
		for (c = r->first; c; c = c->next)
			have += c->kind == PACTUM_NODE_CELL;
		if (*first == NULL) {
			*first = r;
			table->index = have;
		} else if (have != table->index) {
			report(ck, PACTUM_ERROR, r,
			       dngettext(PACKAGE,
					 "this row has %zu cell; the table's "
					 "first row (line %lu) has %zu",
					 "this row has %zu cells; the table's "
					 "first row (line %lu) has %zu",
					 have),
			       have, (unsigned long)(*first)->line,
			       table->index);
		}
	}
}

/* Pass 1: structure against the kind table, and every id into its
 * index.  Recursion is bounded: too_deep() ran first. */
static void check_structure(struct checker *ck, pactum_node *n)
{
	pactum_model *model = ck->model;
	pactum_map *index[] = { [PACTUM_INDEX_IDS] = &model->ids,
				[PACTUM_INDEX_PARAMS] = &model->params,
				[PACTUM_INDEX_PARTIES] = &model->parties,
				[PACTUM_INDEX_TERMS] = &model->terms };
	const pactum_kind_info *info = pactum__kind(n->kind);
	pactum_node *c;

	check_attrs(ck, n);
	check_children(ck, n);
	if (info->index != PACTUM_INDEX_NONE)
		index_id(ck, index[info->index], n);
	if (n->kind == PACTUM_NODE_TEXT)
		check_text(ck, n);
	else if (n->kind == PACTUM_NODE_INCLUDE && !n->misplaced)
		report(ck, PACTUM_ERROR, n, "%s",
		       _("<include> was not resolved (a model read without "
			 "its library)"));
	else if (n->kind == PACTUM_NODE_TABLE) {
		const pactum_node *first = NULL;

		check_rows(ck, n, n, &first);
	}
	for (c = n->first; c; c = c->next)
		if (pactum__kind(c->kind) != NULL)
			check_structure(ck, c);
}

/* A list: no default; min and max count its records. */
static void check_list(struct checker *ck, const pactum_node *n)
{
	pactum_attr b;

	if (n->attr[PACTUM_ATTR_DEFAULT] || n->attr[PACTUM_ATTR_VALUE])
		report(ck, PACTUM_ERROR, n,
		       _("list parameter \"%s\" takes its records from the "
			 "deal, never a default or a value"),
		       n->attr[PACTUM_ATTR_ID]);
	for (b = PACTUM_ATTR_MIN; b <= PACTUM_ATTR_MAX; b++) {
		const char *s = n->attr[b], *expected;
		pactum_value bound;

		if (s != NULL &&
		    (pactum__value_parse(&bound, PACTUM_TYPE_INTEGER, s,
					 strlen(s), &expected) != PACTUM_OK ||
		     bound.u.integer < 0))
			report(ck, PACTUM_ERROR, n,
			       _("bound \"%s\" of \"%s\" is not a number of "
				 "records"),
			       s, n->attr[PACTUM_ATTR_ID]);
	}
}

static void check_param(struct checker *ck, pactum_node *n)
{
	const char *type = n->attr[PACTUM_ATTR_TYPE], *expected = NULL;
	pactum_value v, bound;
	pactum_attr b;
	const pactum_node *c;
	int nchoices = 0, nfields = 0;

	if (type == NULL) {
		n->type = PACTUM_TYPE_TEXT; /* the missing attribute is reported */
		return;
	}
	if (pactum__type_parse(&n->type, type) != PACTUM_OK) {
		report(ck, PACTUM_ERROR, n,
		       _("parameter \"%s\" has unknown type \"%s\""),
		       n->attr[PACTUM_ATTR_ID], type);
		n->type = PACTUM_TYPE_TEXT;
		return;
	}
	for (c = n->first; c; c = c->next)
		nfields += c->kind == PACTUM_NODE_DETAIL;
	for (c = pactum__param_choices(n)->first; c; c = c->next)
		nchoices += c->kind == PACTUM_NODE_CHOICE;
	if ((n->type == PACTUM_TYPE_LIST) != (nfields > 0))
		report(ck, PACTUM_ERROR, n,
		       n->type == PACTUM_TYPE_LIST
			       ? _("list parameter \"%s\" declares no fields "
				   "(<detail>) for its records")
			       : _("parameter \"%s\" declares fields but is "
				   "not of type list"),
		       n->attr[PACTUM_ATTR_ID]);
	if (n->type == PACTUM_TYPE_LIST) {
		check_list(ck, n);
		return;
	}
	if ((n->type == PACTUM_TYPE_CHOICE) != (nchoices > 0))
		report(ck, PACTUM_ERROR, n,
		       n->type == PACTUM_TYPE_CHOICE
			       ? _("choice parameter \"%s\" has no choices")
			       : _("parameter \"%s\" has choices but is not of "
				   "type choice"),
		       n->attr[PACTUM_ATTR_ID]);
	if (n->attr[PACTUM_ATTR_DEFAULT]) {
		const char *d = n->attr[PACTUM_ATTR_DEFAULT];

		if (pactum__value_parse(&v, n->type, d, strlen(d),
					&expected) != PACTUM_OK)
			report(ck, PACTUM_ERROR, n,
			       _("default \"%s\" of \"%s\" is not %s"), d,
			       n->attr[PACTUM_ATTR_ID], _(expected));
	}
	for (b = PACTUM_ATTR_MIN; b <= PACTUM_ATTR_MAX; b++) {
		const char *s = n->attr[b];

		if (s == NULL)
			continue;
		if (!pactum__type_is(n->type, PACTUM_TYPE_ORDERED))
			report(ck, PACTUM_ERROR, n,
			       _("a %s parameter cannot have bounds"),
			       pactum__type_name(n->type));
		else if (pactum__value_parse(&bound, n->type, s, strlen(s),
					     &expected) != PACTUM_OK)
			report(ck, PACTUM_ERROR, n,
			       _("bound \"%s\" of \"%s\" is not %s"), s,
			       n->attr[PACTUM_ATTR_ID], _(expected));
	}
}

static const char *ctx_printf(struct checker *ck, const char *fmt, ...)
	PACTUM_PRINTF(2, 3);
static void add_param(struct checker *ck, pactum_node *p);
static void check_format(struct checker *ck, const pactum_node *var,
			 const pactum_node *param);
static void check_repeat(struct checker *ck, pactum_node *n);
static void check_require(struct checker *ck, const pactum_node *n);
static void define_inline(struct checker *ck, const pactum_node *define,
			  pactum_node *term);
static int in_its_repeat(struct checker *ck, const pactum_node *n,
			 const pactum_node *p);

/* Make field of party a parameter "party.field" (type and required from
 * detail, or a built-in text field) and add it to the parameters. */
/* A parameter the check makes, "owner.field", for a party's field or a
 * field of a list's records: typed as the DETAIL at declares it (text
 * without one), positioned there, and indexed like any.  NULL when out of
 * memory or when the name exists (*twice set). */
static pactum_node *synthetic_param(struct checker *ck, const char *owner,
				    const char *field, const pactum_node *at,
				    const pactum_node *detail, int *twice)
{
	pactum_model *model = ck->model;
	pactum_node *p = pactum__arena_calloc(model->arena, sizeof(*p));
	void *existing = NULL;
	const char *id = p ? ctx_printf(ck, "%s.%s", owner, field) : NULL;

	*twice = 0;
	if (p != NULL)
		p->attr = pactum__arena_calloc(
			model->arena, PACTUM_ATTR_COUNT_ * sizeof(*p->attr));
	if (id == NULL || p->attr == NULL) {
		ck->nomem = 1;
		return NULL;
	}
	p->kind = PACTUM_NODE_PARAM;
	p->line = at->line;
	p->col = at->col;
	p->attr[PACTUM_ATTR_ID] = id;
	p->attr[PACTUM_ATTR_TYPE] = detail ? detail->attr[PACTUM_ATTR_TYPE]
					   : NULL;
	p->attr[PACTUM_ATTR_REQUIRED] =
		detail ? detail->attr[PACTUM_ATTR_REQUIRED] : NULL;
	p->detail = detail;
	if (p->attr[PACTUM_ATTR_TYPE] == NULL)
		p->type = PACTUM_TYPE_TEXT;
	else
		check_param(ck, p);
	if (pactum__map_put(&model->params, id, p, &existing) != PACTUM_OK) {
		ck->nomem = 1;
		return NULL;
	}
	if (existing != NULL) {
		*twice = 1;
		return NULL;
	}
	add_param(ck, p);
	return p;
}

static void add_party_field(struct checker *ck, const pactum_node *party,
			    const char *field, const pactum_node *detail,
			    int word, int type, int required)
{
	const pactum_node *at = detail ? detail : party;
	int twice;
	pactum_node *p = synthetic_param(ck, party->attr[PACTUM_ATTR_ID],
					 field, at, detail, &twice);

	if (twice)
		report(ck, PACTUM_ERROR, at,
		       _("party \"%s\" has the field \"%s\" twice"),
		       party->attr[PACTUM_ATTR_ID], field);
	if (detail != NULL && detail->attr[PACTUM_ATTR_VALUE] != NULL)
		report(ck, PACTUM_ERROR, detail,
		       _("a party's field cannot be computed; a field of a "
			 "list's records can"));
	if (p == NULL)
		return;
	if (detail == NULL) {
		p->attr[PACTUM_ATTR_REQUIRED] = required ? "yes" : "no";
		p->type = (pactum_type)type;
	}
	p->party = party;
	p->word = word;
	p->used = 1; /* a party's field is shown with the party */
}

/* The fields of list's records, "products.price", one parameter each. */
static void declare_record_fields(struct checker *ck, pactum_node *list)
{
	const pactum_node *d;
	unsigned k = 0;
	int twice;

	for (d = list->first; d && !ck->nomem; d = d->next) {
		pactum_node *p;

		if (d->kind != PACTUM_NODE_DETAIL || d->attr[PACTUM_ATTR_ID] == NULL)
			continue;
		p = synthetic_param(ck, list->attr[PACTUM_ATTR_ID],
				    d->attr[PACTUM_ATTR_ID], d, d, &twice);
		if (twice)
			report(ck, PACTUM_ERROR, d,
			       _("the records of \"%s\" have the field \"%s\" "
				 "twice"),
			       list->attr[PACTUM_ATTR_ID], d->attr[PACTUM_ATTR_ID]);
		if (p == NULL)
			continue;
		if (p->type == PACTUM_TYPE_LIST)
			report(ck, PACTUM_ERROR, d,
			       _("a field of a record cannot be a %s"),
			       pactum__type_name(p->type));
		p->list = list;
		p->field = k++;
		/* computed per record (compute.c) */
		p->attr[PACTUM_ATTR_VALUE] = d->attr[PACTUM_ATTR_VALUE];
		p->used = 1; /* shown with its record, or not at all */
	}
	list->nfields = k;
}

/* Every party's fields: the built-in ones, then those the model declares
 * for all parties, then the party's own. */
static void declare_party_fields(struct checker *ck)
{
	const pactum_node *root = ck->model->root, *p, *d, *from;
	size_t i;
	int pass;

	for (p = root->first; p && !ck->nomem; p = p->next) {
		if (p->kind != PACTUM_NODE_PARTY || p->misplaced ||
		    p->attr[PACTUM_ATTR_ID] == NULL)
			continue;
		for (i = 0; pactum__party_fields[i].name; i++)
			add_party_field(ck, p, pactum__party_fields[i].name,
					NULL, pactum__party_fields[i].word,
					pactum__party_fields[i].type, i == 0);
		for (pass = 0; pass < 2; pass++) {
			from = pass == 0 ? root : p;
			for (d = from->first; d; d = d->next)
				if (d->kind == PACTUM_NODE_DETAIL &&
				    !d->misplaced && d->attr[PACTUM_ATTR_ID])
					add_party_field(ck, p,
							d->attr[PACTUM_ATTR_ID],
							d, -1, PACTUM_TYPE_TEXT, 0);
		}
	}
}

/* The text of the NOTE children of n, folded; NULL when none.  Notes come
 * first in every kind's content (kinds.c), so the search stops at the
 * first other child: called for every unit under n, a walk over all of
 * n's children would make 40,000 paragraphs of one clause quadratic. */
static const char *notes_of(struct checker *ck, const pactum_node *n)
{
	pactum_buf buf = PACTUM_BUF_INIT;
	const pactum_node *c, *t;
	const char *result = NULL;
	size_t i;

	for (c = n ? n->first : NULL;
	     c && (c->kind == PACTUM_NODE_NOTE || is_layout(c)); c = c->next) {
		if (c->kind != PACTUM_NODE_NOTE)
			continue; /* white space a WHEN keeps */
		for (t = c->first; t; t = t->next) {
			for (i = 0; i < t->len; i++) {
				char ch = t->text[i];

				if (ch == '\n' || ch == '\t' || ch == '\r')
					ch = ' ';
				if (ch == ' ' && (buf.len == 0 ||
						  buf.ptr[buf.len - 1] == ' '))
					continue;
				pactum__buf_putc(&buf, ch);
			}
		}
		if (buf.len && buf.ptr[buf.len - 1] != ' ')
			pactum__buf_putc(&buf, ' ');
	}
	while (buf.len && buf.ptr[buf.len - 1] == ' ')
		buf.ptr[--buf.len] = '\0';
	if (buf.oom)
		ck->nomem = 1;
	else if (buf.len)
		result = pactum__arena_strndup(ck->model->arena, buf.ptr,
					       buf.len);
	pactum__buf_free(&buf);
	return result;
}

/* The text domain of n: that of the clause library it was included from,
 * else the model's. */
static const char *domain_of(const pactum_model *model, const pactum_node *n)
{
	for (; n; n = n->parent)
		if (n->domain)
			return n->domain;
	return model->domain ? model->domain : "";
}

/* Does msgid have words of its own, outside its placeholders?  A cell
 * "{products.price}" or "{start} – {end}" has none to translate. */
static int has_words(const char *msgid)
{
	pactum_template t;
	pactum_token tok;
	size_t i;

	pactum__template_init(&t, msgid, strlen(msgid));
	while (pactum__template_next(&tok, &t) != PACTUM_TOK_END) {
		if (tok.kind == PACTUM_TOK_ERROR)
			return 1; /* a name the check refuses; the tokenizer
				     does not move past it */
		if (tok.kind == PACTUM_TOK_PLACEHOLDER && tok.display)
			return 1; /* "{term:x|words}" */
		if (tok.kind != PACTUM_TOK_TEXT)
			continue;
		for (i = 0; i < tok.len; i++) {
			unsigned char c = (unsigned char)tok.text[i];

			if (c >= 0x80 || (c >= 'a' && c <= 'z') ||
			    (c >= 'A' && c <= 'Z'))
				return 1;
		}
	}
	return 0;
}

/* The role of unit for translators, with what each of its alternatives
 * hangs on: "paragraph; {when:1} when cap = yes, {otherwise:2} when no
 * alternative before it holds". */
static const char *describe_alternatives(struct checker *ck,
					 const pactum_unit *unit)
{
	pactum_buf buf = PACTUM_BUF_INIT;
	const char *result = unit->role;
	size_t i, k;

	for (i = 0; i < unit->nph; i++) {
		const pactum_placeholder *ph = &unit->ph[i];
		const char *cond = ph->node->attr[PACTUM_ATTR_IF];

		if (ph->pair != PACTUM_PAIR_OPEN ||
		    (ph->node->kind != PACTUM_NODE_WHEN &&
		     ph->node->kind != PACTUM_NODE_OTHERWISE))
			continue;
		if (buf.len == 0)
			pactum__buf_printf(&buf, "%s; alternative words, each "
						 "between its pair and placed "
						 "where the sentence needs "
						 "it: ",
					   unit->role);
		else
			pactum__buf_puts(&buf, ", ");
		pactum__buf_printf(&buf, "{%s} ", ph->name);
		if (cond == NULL) {
			pactum__buf_puts(&buf,
					 ph->node->kind == PACTUM_NODE_WHEN
						 ? "always"
						 : "when none before it holds");
			continue;
		}
		/* one line in a POT comment, whatever the attribute held */
		pactum__buf_puts(&buf, "when ");
		for (k = 0; cond[k]; k++)
			pactum__buf_putc(&buf, (unsigned char)cond[k] < 0x20
						       ? ' '
						       : cond[k]);
	}
	if (buf.oom)
		ck->nomem = 1;
	else if (buf.len &&
		 (result = pactum__arena_strndup(ck->model->arena, buf.ptr,
						 buf.len)) == NULL)
		ck->nomem = 1;
	pactum__buf_free(&buf);
	return result;
}

static void add_unit(struct checker *ck, pactum_node *n, const char *ctx,
		     const char *role)
{
	pactum_model *model = ck->model;
	pactum_unit *unit;

	if (ctx == NULL) {
		ck->nomem = 1;
		return;
	}
	if (pactum__unit_build(&unit, model, n, ctx, role, ck->unit_scratch,
			       ck->diag) !=
	    PACTUM_OK) {
		ck->nomem = 1;
		return;
	}
	unit->note = notes_of(ck, n->parent);
	unit->role = describe_alternatives(ck, unit);
	unit->verbatim = !has_words(unit->msgid);
	unit->domain = domain_of(model, n);
	{
		void *existing = NULL;

		/* contexts are unique per domain */
		const char *key = strcmp(unit->domain, model->domain
							       ? model->domain
							       : "") == 0
					  ? ctx
					  : ctx_printf(ck, "%s\004%s",
						       unit->domain, ctx);

		if (key == NULL ||
		    pactum__map_put(&ck->contexts, key, unit, &existing) !=
			    PACTUM_OK)
			ck->nomem = 1;
		else if (existing != NULL && !ck->duplicate_ids)
			report(ck, PACTUM_ERROR, n,
			       _("two texts would share the translation "
				 "context \"%s\"; rename an id"),
			       ctx);
	}
	if (unit->msgid[0] == '\0')
		report(ck, PACTUM_ERROR, n, _("<%s> has no text"),
		       pactum__node_kind_name(n->kind));
	if (model->nunits == model->nunits_cap) {
		size_t cap = model->nunits_cap ? model->nunits_cap * 2 : 64;
		pactum_unit **units =
			pactum_realloc(model->units, cap * sizeof(*units));

		if (units == NULL) {
			ck->nomem = 1;
			return;
		}
		model->units = units;
		model->nunits_cap = cap;
	}
	unit->index = model->nunits;
	model->units[model->nunits++] = unit;
	n->unit = unit;
}

/* A context or id from fmt's %s and %u, in the model's arena.  Only those
 * two conversions: vsnprintf cost more than the rest of a unit's check. */
static const char *ctx_printf(struct checker *ck, const char *fmt, ...)
{
	char small[160], digits[3 * sizeof(unsigned) + 1], *d;
	const char *s;
	size_t n = 0, len;
	unsigned u;
	va_list ap;

	va_start(ap, fmt);
	for (; *fmt; fmt++) {
		if (fmt[0] != '%' || (fmt[1] != 's' && fmt[1] != 'u')) {
			s = fmt;
			len = 1;
		} else if (*++fmt == 's') {
			/* NULL: a missing id, reported by the attribute check */
			if ((s = va_arg(ap, const char *)) == NULL)
				s = "";
			len = strlen(s);
		} else {
			u = va_arg(ap, unsigned);
			d = digits + sizeof(digits);
			do
				*--d = (char)('0' + u % 10);
			while ((u /= 10) != 0);
			s = d;
			len = (size_t)(digits + sizeof(digits) - d);
		}
		if (len >= sizeof(small) - n) {
			va_end(ap);
			return NULL; /* ids are at most 64 bytes: cannot happen */
		}
		memcpy(small + n, s, len);
		n += len;
	}
	va_end(ap);
	return pactum__arena_strndup(ck->model->arena, small, n);
}

/* Is item in an ordered list (through any <choose> around it)? */
static int numbered_item(const pactum_node *item)
{
	const pactum_node *p = item->parent;

	while (p && p->kind != PACTUM_NODE_LIST)
		p = p->parent;
	return p && p->attr[PACTUM_ATTR_ORDERED] &&
	       strcmp(p->attr[PACTUM_ATTR_ORDERED], "yes") == 0;
}

/* Does recital carry a number (its preamble's numbering is not none)? */
static int lettered(const pactum_node *recital)
{
	const pactum_node *p = recital->parent;
	const char *how;

	while (p && p->kind != PACTUM_NODE_PREAMBLE)
		p = p->parent;
	how = p ? p->attr[PACTUM_ATTR_NUMBERING] : NULL;
	return how == NULL || strcmp(how, "none") != 0;
}

static void resolve_ref(struct checker *ck, pactum_node *n)
{
	pactum_model *model = ck->model;
	const char *name, *key, *ref = n->attr[PACTUM_ATTR_REF];
	const pactum_node *t = NULL;

	switch (n->kind) {
	case PACTUM_NODE_VAR:
		name = n->attr[PACTUM_ATTR_NAME];
		if (name == NULL)
			return;
		t = pactum__map_get(&model->params, name, strlen(name));
		if (t == NULL) {
			report(ck, PACTUM_ERROR, n,
			       _("unknown parameter \"%s\""), name);
			return;
		}
		((pactum_node *)t)->used = 1;
		in_its_repeat(ck, n, t);
		check_format(ck, n, t);
		break;
	case PACTUM_NODE_FIELD:
		/* a party's field is a parameter "party.field" */
		name = n->attr[PACTUM_ATTR_PARTY];
		if (name == NULL || n->attr[PACTUM_ATTR_NAME] == NULL)
			return;
		if (pactum__map_get(&model->parties, name, strlen(name)) ==
		    NULL) {
			report(ck, PACTUM_ERROR, n, _("unknown party \"%s\""),
			       name);
			return;
		}
		key = ctx_printf(ck, "%s.%s", name, n->attr[PACTUM_ATTR_NAME]);
		t = key ? pactum__map_get(&model->params, key, strlen(key))
			: NULL;
		if (t == NULL)
			report(ck, PACTUM_ERROR, n,
			       _("party \"%s\" has no field \"%s\" (built in: "
				 "name, address, country, register, vat-id, "
				 "representative; others need a <detail>)"),
			       name, n->attr[PACTUM_ATTR_NAME]);
		break;
	case PACTUM_NODE_PARTY_REF:
		if (ref == NULL)
			return;
		t = pactum__map_get(&model->parties, ref, strlen(ref));
		if (t == NULL)
			report(ck, PACTUM_ERROR, n, _("unknown party \"%s\""),
			       ref);
		break;
	case PACTUM_NODE_PLURAL:
		name = n->attr[PACTUM_ATTR_COUNT];
		if (name == NULL)
			return;
		t = pactum__map_get(&model->params, name, strlen(name));
		if (t == NULL || !pactum__type_is(t->type, PACTUM_TYPE_COUNTS)) {
			report(ck, PACTUM_ERROR, n,
			       _("<plural count=\"%s\">: no integer or duration "
				 "of that name"),
			       name);
			return;
		}
		if (!in_its_repeat(ck, n, t))
			return;
		if (pactum__node_child(n, PACTUM_NODE_ONE) == NULL)
			report(ck, PACTUM_ERROR, n, "%s",
			       _("<plural> needs a <one> with its words for a "
				 "count of one"));
		((pactum_node *)t)->used = 1;
		break;
	case PACTUM_NODE_TERM_REF:
	case PACTUM_NODE_DEFINE:
		if (ref == NULL)
			return;
		t = pactum__map_get(&model->terms, ref, strlen(ref));
		if (t == NULL) {
			report(ck, PACTUM_ERROR, n, _("unknown term \"%s\""),
			       ref);
			return;
		}
		((pactum_node *)t)->used = 1;
		if (n->kind == PACTUM_NODE_DEFINE)
			define_inline(ck, n, (pactum_node *)t);
		break;
	case PACTUM_NODE_XREF:
		if (ref == NULL)
			return;
		t = pactum__map_get(&model->ids, ref, strlen(ref));
		if (t == NULL)
			report(ck, PACTUM_ERROR, n,
			       _("reference to unknown section, clause, list "
				 "item, annex or recital \"%s\""),
			       ref);
		else if (t->kind != PACTUM_NODE_SECTION &&
			 t->kind != PACTUM_NODE_CLAUSE &&
			 t->kind != PACTUM_NODE_ITEM &&
			 t->kind != PACTUM_NODE_ANNEX &&
			 t->kind != PACTUM_NODE_RECITAL)
			report(ck, PACTUM_ERROR, n,
			       _("\"%s\" is a <%s>; references go to sections, "
				 "clauses, list items, annexes and recitals"),
			       ref, pactum__node_kind_name(t->kind));
		else if (t->kind == PACTUM_NODE_RECITAL && !lettered(t))
			report(ck, PACTUM_ERROR, n,
			       _("\"%s\" is a recital of a preamble with "
				 "numbering=\"none\": it has no number to "
				 "refer to"),
			       ref);
		else if (t->kind == PACTUM_NODE_ITEM && !numbered_item(t))
			report(ck, PACTUM_ERROR, n,
			       _("\"%s\" is an item of an unordered list: it "
				 "has no number to refer to"),
			       ref);
		break;
	default:
		return;
	}
	n->target = t;
}

/* Pass 2, in document order: references, conditions and units.  owner is
 * the nearest ancestor with an id; counters number the unnamed paragraphs
 * and items under it, so a context changes only when its own clause
 * changes. */
struct owner {
	const char *id;
	unsigned paragraphs;
	unsigned items;
	unsigned recitals;
	unsigned rows;
	unsigned cells;
	unsigned footnotes;
};

/* Is n, which uses parameter p, where p has a value: for a field of a
 * list's records, inside a <repeat> over that list?  Reports when not. */
static int in_its_repeat(struct checker *ck, const pactum_node *n,
			 const pactum_node *p)
{
	if (p->list == NULL || pactum__node_sees_field(n, p))
		return 1;
	report(ck, PACTUM_ERROR, n,
	       _("\"%s\" is a field of the records of \"%s\": use it inside "
		 "<repeat over=\"%s\">"),
	       p->attr[PACTUM_ATTR_ID], p->list->attr[PACTUM_ATTR_ID],
	       p->list->attr[PACTUM_ATTR_ID]);
	return 0;
}

/* A term is defined once: by its <definition>, or where one <define>
 * stands.  The DEFINE is kept in the term's target. */
static void define_inline(struct checker *ck, const pactum_node *define,
			  pactum_node *term)
{
	const char *id = term->attr[PACTUM_ATTR_ID];

	if (pactum__node_child(term, PACTUM_NODE_DEFINITION) != NULL)
		report(ck, PACTUM_ERROR, define,
		       _("term \"%s\" has a <definition> already"), id);
	else if (term->target != NULL)
		report(ck, PACTUM_ERROR, define,
		       _("term \"%s\" is defined twice (first on line %lu)"),
		       id, (unsigned long)term->target->line);
	else
		term->target = define;
}

/* Every term without a <definition> needs its <define>. */
static void check_definitions(struct checker *ck)
{
	const pactum_node *c;

	for (c = ck->model->root->first; c; c = c->next)
		if (c->kind == PACTUM_NODE_TERM && c->target == NULL &&
		    pactum__node_child(c, PACTUM_NODE_DEFINITION) == NULL)
			report(ck, PACTUM_ERROR, c,
			       _("term \"%s\" has no definition: give it a "
				 "<definition>, or <define ref=\"%s\"/> where "
				 "the text defines it"),
			       c->attr[PACTUM_ATTR_ID], c->attr[PACTUM_ATTR_ID]);
}

/* A <require> has all-of or one-of, each a list of parameters a deal
 * gives (not computed, not a record's field). */
static void check_require(struct checker *ck, const pactum_node *n)
{
	const char *all = n->attr[PACTUM_ATTR_ALL_OF];
	const char *one = n->attr[PACTUM_ATTR_ONE_OF];
	const char *list = all ? all : one, *p, *end;

	if ((all == NULL) == (one == NULL)) {
		report(ck, PACTUM_ERROR, n, "%s",
		       _("<require> needs either all-of or one-of"));
		return;
	}
	if (*list == '\0')
		report(ck, PACTUM_ERROR, n, "%s",
		       _("<require> names no parameter"));
	for (p = list; *p; p = end) {
		const pactum_node *param;

		while (*p == ' ')
			p++;
		for (end = p; *end && *end != ' '; end++)
			;
		if (end == p)
			continue;
		param = pactum__map_get(&ck->model->params, p, (size_t)(end - p));
		if (param == NULL)
			report(ck, PACTUM_ERROR, n,
			       _("<require> names the unknown parameter "
				 "\"%.*s\""),
			       (int)(end - p), p);
		else if (param->list || param->attr[PACTUM_ATTR_VALUE] ||
			 param->type == PACTUM_TYPE_LIST)
			report(ck, PACTUM_ERROR, n,
			       _("<require> names \"%s\", which no deal gives "
				 "on its own"),
			       param->attr[PACTUM_ATTR_ID]);
		else
			((pactum_node *)param)->used = 1;
	}
}

/* A <repeat over=...> names a list, and stands in no other repeat. */
static void check_repeat(struct checker *ck, pactum_node *n)
{
	const char *over = n->attr[PACTUM_ATTR_OVER];
	const pactum_node *list =
		over ? pactum__map_get(&ck->model->params, over, strlen(over))
		     : NULL;

	if (over == NULL || ck->model->library)
		return; /* the missing attribute is reported */
	if (pactum__node_repeat(n->parent))
		report(ck, PACTUM_ERROR, n, "%s",
		       _("a <repeat> cannot stand inside another"));
	if (list == NULL || list->type != PACTUM_TYPE_LIST) {
		report(ck, PACTUM_ERROR, n,
		       _("over=\"%s\" names no list parameter"), over);
		return;
	}
	((pactum_node *)list)->used = 1;
	n->target = list;
}

/* A <var format=...> must name a format of its parameter's type. */
static void check_format(struct checker *ck, const pactum_node *var,
			 const pactum_node *param)
{
	const char *format = var->attr[PACTUM_ATTR_FORMAT];
	pactum_buf names = PACTUM_BUF_INIT;

	if (format == NULL || pactum__format_find(param->type, format))
		return;
	pactum__format_names(&names, param->type);
	if (names.oom)
		ck->nomem = 1;
	else if (names.len == 0)
		report(ck, PACTUM_ERROR, var,
		       _("format=\"%s\": the %s parameter \"%s\" has no "
			 "formats"),
		       format, pactum__type_name(param->type),
		       param->attr[PACTUM_ATTR_ID]);
	else
		report(ck, PACTUM_ERROR, var,
		       _("format=\"%s\" does not fit the %s parameter \"%s\", "
			 "which takes %s"),
		       format, pactum__type_name(param->type),
		       param->attr[PACTUM_ATTR_ID], names.ptr);
	pactum__buf_free(&names);
}

/* Keep n, whose "if" parsed, in the model's list of conditions. */
static void add_condition(struct checker *ck, const pactum_node *n)
{
	pactum_model *model = ck->model;

	if (model->nconditions == model->nconditions_cap) {
		size_t cap = model->nconditions_cap ? model->nconditions_cap * 2
						    : 16;
		const pactum_node **list = pactum_realloc(
			(void *)model->conditions, cap * sizeof(*list));

		if (list == NULL) {
			ck->nomem = 1;
			return;
		}
		model->conditions = list;
		model->nconditions_cap = cap;
	}
	model->conditions[model->nconditions++] = n;
}

static void check_content(struct checker *ck, pactum_node *n,
			  struct owner *owner)
{
	struct owner mine = { NULL, 0, 0, 0, 0, 0, 0 };
	const char *id = n->attr[PACTUM_ATTR_ID];
	pactum_node *c;

	if (is_inline(n->kind) && !ck->model->library)
		resolve_ref(ck, n);
	if (n->attr[PACTUM_ATTR_IF] && may_have_if(n->kind) &&
	    !ck->model->library) {
		int error = pactum__cond_parse(&n->cond, ck->model, n,
					       n->attr[PACTUM_ATTR_IF],
					       ck->diag);

		if (error == PACTUM_ENOMEM)
			ck->nomem = 1;
		else if (error != PACTUM_OK)
			ck->errors++;
		else
			add_condition(ck, n);
	}
	if (n->kind == PACTUM_NODE_REPEAT)
		check_repeat(ck, n);
	else if (n->kind == PACTUM_NODE_REQUIRE)
		check_require(ck, n);
	else if (id && pactum__node_repeat(n))
		report(ck, PACTUM_ERROR, n,
		       _("<%s> is repeated for every record, so it cannot have "
			 "an id"),
		       pactum__node_kind_name(n->kind));
	if (id && valid_id(id) && n->kind != PACTUM_NODE_AGREEMENT &&
	    n->kind != PACTUM_NODE_PARAM && n->kind != PACTUM_NODE_TERM &&
	    n->kind != PACTUM_NODE_PARTY) {
		mine.id = id;
		owner = &mine;
	} else if (n->kind == PACTUM_NODE_PREAMBLE ||
		   n->kind == PACTUM_NODE_COVER) {
		/* one of each per model: their own names */
		mine.id = pactum__node_kind_name(n->kind);
		owner = &mine;
	} else if (n->kind == PACTUM_NODE_ROW) {
		/* cells are counted per row, so a new row renames only its
		 * own cells */
		mine.id = ctx_printf(ck, "%s.row%u", owner->id, ++owner->rows);
		if (mine.id == NULL) {
			ck->nomem = 1;
			return;
		}
		owner = &mine;
	}
	switch (n->kind) {
	case PACTUM_NODE_TITLE:
		if (n->parent->kind == PACTUM_NODE_AGREEMENT)
			add_unit(ck, n, "title", "title of the agreement");
		else
			add_unit(ck, n, ctx_printf(ck, "%s.title", owner->id),
				 n->parent->kind == PACTUM_NODE_CLAUSE
					 ? "heading of a clause, shown after "
					   "its number"
				 : n->parent->kind == PACTUM_NODE_ANNEX
					 ? "title of an annex, shown after "
					   "\"Annex 1\""
				 : n->parent->kind == PACTUM_NODE_PREAMBLE
					 ? "heading of the preamble"
					 : "section title");
		break;
	case PACTUM_NODE_RECITAL:
		add_unit(ck, n,
			 owner == &mine && id
				 ? id
				 : ctx_printf(ck, "%s.r%u", owner->id,
					      ++owner->recitals),
			 "recital of the preamble, shown after \"(A)\"");
		break;
	case PACTUM_NODE_CELL:
		add_unit(ck, n, ctx_printf(ck, "%s.c%u", owner->id, ++owner->cells),
			 n->parent->attr[PACTUM_ATTR_HEADER] &&
					 strcmp(n->parent->attr[PACTUM_ATTR_HEADER],
						"yes") == 0
				 ? "column heading of a table"
				 : "cell of a table");
		break;
	case PACTUM_NODE_FOOTNOTE:
		add_unit(ck, n,
			 ctx_printf(ck, "%s.fn%u", owner->id, ++owner->footnotes),
			 "footnote; {footnote:N} marks where it stands in "
			 "its paragraph");
		break;
	case PACTUM_NODE_ROLE:
		add_unit(ck, n,
			 ctx_printf(ck, "party.%s",
				    n->parent->attr[PACTUM_ATTR_ID]),
			 "role of a party, used as its name in the text");
		break;
	case PACTUM_NODE_LABEL:
		if (n->parent->kind == PACTUM_NODE_DETAIL &&
		    n->parent->parent->kind == PACTUM_NODE_PARAM)
			add_unit(ck, n,
				 ctx_printf(ck, "param.%s.%s",
					    n->parent->parent->attr[PACTUM_ATTR_ID],
					    n->parent->attr[PACTUM_ATTR_ID]),
				 "name of a field of a list's records");
		else if (n->parent->kind == PACTUM_NODE_DETAIL)
			add_unit(ck, n,
				 n->parent->parent->kind == PACTUM_NODE_PARTY
					 ? ctx_printf(ck, "party.%s.%s",
						      n->parent->parent->attr[PACTUM_ATTR_ID],
						      n->parent->attr[PACTUM_ATTR_ID])
					 : ctx_printf(ck, "detail.%s",
						      n->parent->attr[PACTUM_ATTR_ID]),
				 "label of a party's field, shown before its "
				 "value");
		else if (n->parent->parent->kind == PACTUM_NODE_DETAIL) {
			const pactum_node *d = n->parent->parent, *o = d->parent;
			const char *value = n->parent->attr[PACTUM_ATTR_VALUE];

			add_unit(ck, n,
				 o->kind == PACTUM_NODE_PARAM
					 ? ctx_printf(ck, "param.%s.%s.%s",
						      o->attr[PACTUM_ATTR_ID],
						      d->attr[PACTUM_ATTR_ID], value)
				 : o->kind == PACTUM_NODE_PARTY
					 ? ctx_printf(ck, "party.%s.%s.%s",
						      o->attr[PACTUM_ATTR_ID],
						      d->attr[PACTUM_ATTR_ID], value)
					 : ctx_printf(ck, "detail.%s.%s",
						      d->attr[PACTUM_ATTR_ID], value),
				 "one choice of a field, shown as its value");
		} else
			add_unit(ck, n,
				 ctx_printf(ck, "param.%s.%s",
					    n->parent->parent->attr[PACTUM_ATTR_ID],
					    n->parent->attr[PACTUM_ATTR_VALUE]),
				 "one choice of a parameter, shown as its value");
		break;
	case PACTUM_NODE_NAME:
		add_unit(ck, n,
			 ctx_printf(ck, "term.%s",
				    n->parent->attr[PACTUM_ATTR_ID]),
			 "defined term");
		break;
	case PACTUM_NODE_DEFINITION:
		add_unit(ck, n,
			 ctx_printf(ck, "term.%s.definition",
				    n->parent->attr[PACTUM_ATTR_ID]),
			 "definition of a term");
		break;
	case PACTUM_NODE_PARAGRAPH:
	case PACTUM_NODE_ITEM:
		if (owner == &mine)
			add_unit(ck, n, id, n->kind == PACTUM_NODE_ITEM
						    ? "list item"
						    : "paragraph");
		else if (n->kind == PACTUM_NODE_ITEM)
			add_unit(ck, n,
				 ctx_printf(ck, "%s.i%u", owner->id,
					    ++owner->items),
				 "list item");
		else
			add_unit(ck, n,
				 ctx_printf(ck, "%s.p%u", owner->id,
					    ++owner->paragraphs),
				 "paragraph");
		break;
	default:
		break;
	}
	for (c = n->first; c; c = c->next)
		if (c->kind != PACTUM_NODE_TEXT && c->kind != PACTUM_NODE_NOTE &&
		    !c->misplaced)
			check_content(ck, c, owner);
}

/* The next node after n in document order within the subtree of root,
 * without recursion. */
static const pactum_node *next_in(const pactum_node *root,
				  const pactum_node *n)
{
	if (n->first)
		return n->first;
	while (n != root && n->next == NULL)
		n = n->parent;
	return n == root ? NULL : n->next;
}

/* Per term, for the cycle search. */
struct vertex {
	pactum_node *term;
	size_t first_edge, nedges; /* into edges[] */
	size_t index, low;         /* Tarjan's numbers; index 0: unvisited */
	size_t next;               /* the edge to follow next */
	int on_stack;
};

/*
 * Terms named through themselves, directly or through other terms: the
 * strongly connected components of the graph "the name of A uses B" with
 * more than one term, or a term that uses itself.  Only names count: a
 * reference prints a name, so definitions may refer to each other
 * ("Confidential Information" through "Discloser" and back).  Tarjan's
 * algorithm with an explicit stack, so a chain of 100,000 terms costs
 * neither the call stack nor quadratic time.
 */
static void check_term_cycles(struct checker *ck)
{
	pactum_node *root = ck->model->root, *c;
	const pactum_node *n, *def;
	struct vertex *v = NULL;
	size_t *edges = NULL, *stack = NULL, *path = NULL;
	size_t nv = 0, ne = 0, cap = 0, depth = 0, sp = 0, counter = 0, i;

	for (c = root->first; c; c = c->next)
		if (c->kind == PACTUM_NODE_TERM)
			c->visit = (unsigned)++nv;
	if (nv == 0)
		return;
	v = pactum_malloc(nv * sizeof(*v));
	stack = pactum_malloc(nv * sizeof(*stack));
	path = pactum_malloc(nv * sizeof(*path));
	if (v == NULL || stack == NULL || path == NULL)
		goto nomem;
	for (c = root->first, i = 0; c; c = c->next) {
		if (c->kind != PACTUM_NODE_TERM)
			continue;
		v[i].term = c;
		v[i].first_edge = ne;
		v[i].index = v[i].low = v[i].next = 0;
		v[i].on_stack = 0;
		def = pactum__node_child(c, PACTUM_NODE_NAME);
		for (n = def ? def->first : NULL; n; n = next_in(def, n)) {
			if (n->kind != PACTUM_NODE_TERM_REF || n->target == NULL)
				continue;
			if (ne == cap) {
				size_t *more;

				cap = cap ? 2 * cap : 16;
				more = pactum_realloc(edges, cap * sizeof(*edges));
				if (more == NULL)
					goto nomem;
				edges = more;
			}
			edges[ne++] = n->target->visit - 1;
		}
		v[i].nedges = ne - v[i].first_edge;
		i++;
	}
	for (i = 0; i < nv; i++) {
		if (v[i].index != 0)
			continue;
		path[depth++] = i;
		v[i].index = v[i].low = ++counter;
		stack[sp++] = i;
		v[i].on_stack = 1;
		while (depth > 0) {
			struct vertex *u = &v[path[depth - 1]];

			if (u->next < u->nedges) {
				size_t w = edges[u->first_edge + u->next++];

				if (v[w].index == 0) {
					v[w].index = v[w].low = ++counter;
					stack[sp++] = w;
					v[w].on_stack = 1;
					path[depth++] = w;
				} else if (v[w].on_stack && v[w].index < u->low) {
					u->low = v[w].index;
				}
				continue;
			}
			depth--;
			if (depth > 0 && u->low < v[path[depth - 1]].low)
				v[path[depth - 1]].low = u->low;
			if (u->low != u->index)
				continue;
			/* u roots a component: pop it, and report it when it
			 * is a cycle */
			{
				size_t top = sp, k, self = 0;

				do
					top--;
				while (&v[stack[top]] != u);
				for (k = 0; k < u->nedges; k++)
					if (&v[edges[u->first_edge + k]] == u)
						self = 1;
				for (k = top; k < sp; k++) {
					v[stack[k]].on_stack = 0;
					if (sp - top > 1 || self)
						v[stack[k]].term->visit = 0;
				}
				sp = top;
			}
		}
	}
	/* In model order, as the errors have always come. */
	for (i = 0; i < nv; i++)
		if (v[i].term->visit == 0)
			report(ck, PACTUM_ERROR, v[i].term,
			       _("the name of term \"%s\" is made of itself"),
			       v[i].term->attr[PACTUM_ATTR_ID]);
	goto cleanup;
nomem:
	ck->nomem = 1;
cleanup:
	pactum_free(v);
	pactum_free(edges);
	pactum_free(stack);
	pactum_free(path);
}

/* Does var, an integer or duration, count something, so that its value
 * may pick a plural form?  Not an identifier or a rank: "order 4711",
 * "the 3rd renewal". */
static int counts(const pactum_node *var)
{
	const char *f = var->attr[PACTUM_ATTR_FORMAT];

	return f == NULL ||
	       (strcmp(f, "plain") != 0 && strcmp(f, "ordinal") != 0);
}

/* A unit that shows an integer or a duration is a plural entry: the one
 * its count= names, else its first value that counts, picks the form, so
 * translators can write "1 Lizenz" and "5 Lizenzen", and a model can give
 * the English for one in <one>.  count="none": no plural. */
static void find_counts(struct checker *ck)
{
	pactum_model *model = ck->model;
	pactum_buf why = PACTUM_BUF_INIT;
	const char *p, *line;
	size_t i, j;
	int line_len;

	for (i = 0; i < model->nunits; i++) {
		pactum_unit *u = model->units[i];
		const pactum_node *one = pactum__node_child(u->node,
							    PACTUM_NODE_ONE);

		if (u->verbatim)
			continue; /* no words to put in a plural form */

		const char *named = u->node->attr[PACTUM_ATTR_COUNT];

		for (j = 0; j < u->nph && u->count == NULL; j++) {
			const pactum_node *n = u->ph[j].node;

			if (n && n->kind == PACTUM_NODE_VAR && n->target &&
			    pactum__type_is(n->target->type,
					    PACTUM_TYPE_COUNTS) &&
			    (named ? strcmp(named, n->attr[PACTUM_ATTR_NAME]) == 0
				   : counts(n)))
				u->count = n;
		}
		if (named && strcmp(named, "none") != 0 && u->count == NULL)
			report(ck, PACTUM_ERROR, u->node,
			       _("count=\"%s\": the text shows no integer or "
				 "duration of that name"),
			       named);
		if (u->count != NULL) {
			u->msgid_plural = u->msgid;
			if (u->one != NULL)
				u->msgid = u->one;
		} else if (one != NULL) {
			report(ck, PACTUM_ERROR, one, "%s",
			       _("<one> belongs in text that shows an integer "
				 "or a duration"));
		}
		pactum__buf_clear(&why);
		if (u->one != NULL &&
		    pactum__template_check(u, u->one, strlen(u->one), &why))
			for (p = why.ptr; pactum__line_next(&p, &line, &line_len);)
				report(ck, PACTUM_ERROR, one,
				       _("<one> does not fit its text: %.*s"),
				       line_len, line);
	}
	pactum__buf_free(&why);
}

/* The units the public API lists: those with words of their own. */
static void list_translatable(struct checker *ck)
{
	pactum_model *model = ck->model;
	size_t i;

	pactum_free(model->translatable);
	model->ntranslatable = 0;
	model->translatable =
		pactum__calloc(model->nunits + 1, sizeof(*model->translatable));
	if (model->translatable == NULL) {
		ck->nomem = 1;
		return;
	}
	for (i = 0; i < model->nunits; i++)
		if (!model->units[i]->verbatim)
			model->translatable[model->ntranslatable++] =
				model->units[i];
}

/* The passes below recurse along the tree, and a reader may build any
 * tree: measure its depth first, without recursion. */
static int too_deep(struct checker *ck, const pactum_node *root)
{
	const pactum_node *n = root;
	unsigned depth = 0;

	while (n != NULL) {
		if (n->first) {
			n = n->first;
			if (++depth > PACTUM_MAX_DEPTH) {
				report(ck, PACTUM_ERROR, n,
				       _("elements nested deeper than %d"),
				       PACTUM_MAX_DEPTH);
				return 1;
			}
			continue;
		}
		while (n != root && n->next == NULL) {
			n = n->parent;
			depth--;
		}
		n = n == root ? NULL : n->next;
	}
	return 0;
}

/* Returns nonzero when root is no agreement: nothing else can be checked. */
static int check_root(struct checker *ck, pactum_node *root)
{
	pactum_model *model = ck->model;

	/* Required attributes and the title: the kind table, at pass 1. */
	/* A library's references point into the models that include it:
	 * only its structure and its units are checked here. */
	model->library = root->kind == PACTUM_NODE_LIBRARY;
	if (root->kind != PACTUM_NODE_AGREEMENT && !model->library) {
		report(ck, PACTUM_ERROR, root,
		       _("the model must start with <agreement>, not <%s>"),
		       pactum__node_kind_name(root->kind));
		return 1;
	}
	model->id = root->attr[PACTUM_ATTR_ID];
	model->domain = root->attr[PACTUM_ATTR_DOMAIN];
	model->source_lang = root->attr[PACTUM_ATTR_SOURCE_LANG];
	model->prevailing = root->attr[PACTUM_ATTR_PREVAILING];
	model->preamble = pactum__node_child(root, PACTUM_NODE_PREAMBLE);
	if (root->attr[PACTUM_ATTR_DATE]) {
		const char *d = root->attr[PACTUM_ATTR_DATE], *expected;
		pactum_value v;

		if (pactum__value_parse(&v, PACTUM_TYPE_DATE, d, strlen(d),
					&expected) != PACTUM_OK)
			report(ck, PACTUM_ERROR, root,
			       _("date=\"%s\" is not %s"), d, _(expected));
	}
	if (model->domain && !valid_id(model->domain))
		report(ck, PACTUM_ERROR, root,
		       _("text domain \"%s\" is malformed"), model->domain);
	if (model->source_lang && strcmp(model->source_lang, "en") != 0)
		report(ck, PACTUM_ERROR, root,
		       _("source-lang=\"%s\": models are written in English "
			 "(en)"),
		       model->source_lang);
	if (model->prevailing && !pactum_lang_supported(model->prevailing))
		report(ck, PACTUM_ERROR, root,
		       _("prevailing=\"%s\" is not a language tag (such as "
			 "de, en or de-AT)"),
		       model->prevailing);
	return 0;
}

/* Append p to the model's parameters, giving it its index. */
static void add_param(struct checker *ck, pactum_node *p)
{
	pactum_model *model = ck->model;
	pactum_node **list;

	if (model->nparams == model->nparams_cap) {
		size_t cap = model->nparams_cap ? model->nparams_cap * 2 : 16;

		list = pactum_realloc(model->param_list, cap * sizeof(*list));
		if (list == NULL) {
			ck->nomem = 1;
			return;
		}
		model->param_list = list;
		model->nparams_cap = cap;
	}
	p->index = model->nparams;
	model->param_list[model->nparams++] = p;
}

int pactum__model_check(pactum_model *model, pactum_diag *diag)
{
	struct checker ck = { model, diag, 0, 0, 0, PACTUM_MAP_INIT,
				{ PACTUM_BUF_INIT, PACTUM_BUF_INIT } };
	struct owner body = { "body", 0, 0, 0, 0, 0, 0 };
	pactum_node *c;
	int error = PACTUM_OK;

	if (too_deep(&ck, model->root))
		goto done;
	if (check_root(&ck, model->root))
		goto done;
	check_structure(&ck, model->root);
	/* Parameters first: conditions and bounds need their types. */
	for (c = model->root->first; c && !ck.nomem; c = c->next) {
		if (c->kind != PACTUM_NODE_PARAM)
			continue;
		check_param(&ck, c);
		add_param(&ck, c);
		if (c->type == PACTUM_TYPE_LIST)
			declare_record_fields(&ck, c);
	}
	declare_party_fields(&ck);
	if (ck.nomem)
		goto done;
	if (!model->library) {
		error = pactum__compute_check(model, diag);
		if (error == PACTUM_ENOMEM)
			ck.nomem = 1;
		else if (error != PACTUM_OK)
			ck.errors++;
		error = PACTUM_OK;
	}
	check_content(&ck, model->root, &body);
	find_counts(&ck);
	check_term_cycles(&ck);
	/* the units' roles for translators: pactum__model_describe(), when
	 * asked for */
	if (!model->library)
		check_definitions(&ck);
	list_translatable(&ck);
	for (c = model->root->first; c; c = c->next) {
		const char *id = c->attr[PACTUM_ATTR_ID];

		if ((c->kind == PACTUM_NODE_TERM ||
		     c->kind == PACTUM_NODE_PARAM) && id && !c->used)
			report(&ck, PACTUM_WARNING, c,
			       c->kind == PACTUM_NODE_TERM
				       ? _("term \"%s\" is never used")
				       : _("parameter \"%s\" is never used"),
			       id);
	}
done:
	pactum__map_free(&ck.contexts);
	pactum__buf_free(&ck.unit_scratch[0]);
	pactum__buf_free(&ck.unit_scratch[1]);
	if (ck.nomem)
		error = PACTUM_ENOMEM;
	else if (ck.errors)
		error = PACTUM_EINPUT;
	return error;
}
