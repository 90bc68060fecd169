/* A small recursive-descent parser and evaluator for expressions:
 *
 *   or      := and ("or" and)*
 *   and     := not ("and" not)*
 *   not     := "not" not | compare
 *   compare := sum [op sum]          op: = == != < <= > >=
 *   sum     := product (("+" | "-") product)*
 *   product := unary (("*" | "/") unary)*
 *   unary   := "-" unary | "(" or ")" | true | false | NAME | LITERAL |
 *              "count(" LIST ")" | "sum(" LIST.FIELD ")"
 *   LITERAL := 'text' | "text" | a word from a digit: 20, 0.5, 20%, 30d,
 *              2027-01-01
 *
 * Names may hold '-', so a minus between names needs spaces: "a - b".  A
 * literal takes the type its neighbour needs: "start >= '2027-01-01'"
 * compares dates, "start + 30d" adds a duration, "law = 'german'" must name
 * one of law's choices, and "fee * 2" multiplies by a number.  What each
 * operator takes and gives is one row of the rules table below.
 *
 * Expressions come from other people, so nothing here recurses deeper than
 * the nesting of "not", "-" and parentheses, capped at MAX_DEPTH: a chain
 * "a and b and c ..." or "a + b + c ..." is one node with many operands.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "arith.h"
#include "expr.h"

/* Deeper than any expression a person writes; shallow enough that parsing
 * and evaluating never come near the stack's end. */
#define MAX_DEPTH 32

typedef enum expr_op {
	OP_LITERAL,
	OP_PARAM,
	OP_GIVEN, /* a text parameter has a value */
	OP_NOT,
	OP_AND,
	OP_OR,
	OP_EQ,
	OP_NE,
	OP_LT,
	OP_LE,
	OP_GT,
	OP_GE,
	OP_NEG,
	OP_COUNT, /* count(list): its records */
	OP_SUM,   /* sum(list.field): over the records that give it */
	OP_CHAIN /* operands[0] rules[0] operands[1] rules[1] ... */
} expr_op;

typedef const char *(*arith_fn)(pactum_value *out, const pactum_value *a,
				const pactum_value *b);

/* One thing an operator does: left op right gives result. */
struct rule {
	char op;
	pactum_type left;
	pactum_type right;
	pactum_type result;
	arith_fn fn;
};

struct pactum_expr {
	expr_op op;
	pactum_type type;        /* of the result */
	pactum_expr **operands;  /* NOT, NEG: one; AND, OR, CHAIN: n;
				    comparisons: two */
	size_t noperands;
	const struct rule **rules; /* CHAIN: noperands - 1 of them */
	const pactum_node *param;  /* PARAM, GIVEN */
	pactum_value literal;      /* LITERAL, once typed */
	const char *text;          /* LITERAL: its text until typed; PARAM:
				      the name as written */
	size_t len;
	int pending;               /* LITERAL: not typed yet */
	int bare;                  /* written without quotes */
	const pactum_node **deps;  /* the root: computed parameters read */
	size_t ndeps;
};

struct parser {
	pactum_model *model;
	const pactum_node *node;
	pactum_diag *diag;
	const char *what;  /* "condition" or "computation" */
	const char *expr;
	const char *p;
	unsigned depth; /* of "not", "-" and parentheses at p */
	const pactum_node **deps;
	size_t ndeps;
	size_t deps_cap;
	int failed;
	int nomem;
};

static void fail(struct parser *ps, const char *fmt, ...) PACTUM_PRINTF(2, 3);

static void fail(struct parser *ps, const char *fmt, ...)
{
	pactum_pos pos = pactum__node_pos(ps->model, ps->node);
	pactum_buf msg = PACTUM_BUF_INIT;
	va_list ap;

	if (ps->failed)
		return; /* one error per expression: the rest is noise */
	ps->failed = 1;
	va_start(ap, fmt);
	pactum__buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	if (strcmp(ps->what, "condition") == 0)
		pactum_diag_report(ps->diag, PACTUM_ERROR, &pos,
				   _("in condition \"%s\": %s"), ps->expr,
				   msg.ptr ? msg.ptr : "");
	else
		pactum_diag_report(ps->diag, PACTUM_ERROR, &pos,
				   _("in the value \"%s\" of \"%s\": %s"),
				   ps->expr, ps->node->attr[PACTUM_ATTR_ID],
				   msg.ptr ? msg.ptr : "");
	pactum__buf_free(&msg);
}

static pactum_expr *new_expr(struct parser *ps, expr_op o, pactum_type type)
{
	pactum_expr *e = pactum__arena_calloc(ps->model->arena, sizeof(*e));

	if (e == NULL) {
		ps->nomem = ps->failed = 1;
		return NULL;
	}
	e->op = o;
	e->type = type;
	return e;
}

/* ---------------------------------------------------------- arithmetic */

static const char too_large[] = N_("the result is too large");
static const char currencies_differ[] =
	N_("the amounts are in different currencies");

static void as_decimal(pactum_decimal *out, const pactum_value *v)
{
	switch (v->type) {
	case PACTUM_TYPE_MONEY:
		*out = v->u.money.amount;
		break;
	case PACTUM_TYPE_INTEGER:
		/* |int64| < 10^19: may not fit, checked by the caller */
		out->mantissa = v->u.integer;
		out->scale = 0;
		break;
	default:
		*out = v->u.number;
		break;
	}
}

/* The decimal of v, or too_large for an integer beyond 10^18. */
static const char *decimal_of(pactum_decimal *out, const pactum_value *v)
{
	if (v->type == PACTUM_TYPE_INTEGER)
		return pactum__decimal_from_integer(out, v->u.integer);
	as_decimal(out, v);
	return NULL;
}

static const char *int_op(pactum_value *out, const pactum_value *a,
			  const pactum_value *b, char op)
{
	int64_t r;
	int overflow = op == '+' ? __builtin_add_overflow(a->u.integer,
							  b->u.integer, &r)
		     : op == '-' ? __builtin_sub_overflow(a->u.integer,
							  b->u.integer, &r)
				 : __builtin_mul_overflow(a->u.integer,
							  b->u.integer, &r);

	if (overflow)
		return too_large;
	out->type = PACTUM_TYPE_INTEGER;
	out->u.integer = r;
	return NULL;
}

static const char *int_add(pactum_value *o, const pactum_value *a,
			   const pactum_value *b)
{
	return int_op(o, a, b, '+');
}

static const char *int_sub(pactum_value *o, const pactum_value *a,
			   const pactum_value *b)
{
	return int_op(o, a, b, '-');
}

static const char *int_mul(pactum_value *o, const pactum_value *a,
			   const pactum_value *b)
{
	return int_op(o, a, b, '*');
}

typedef const char *(*decimal_fn)(pactum_decimal *, const pactum_decimal *,
				  const pactum_decimal *);

/* a op b on decimals; the result's type and currency from the rule's
 * caller: out->type is set, a money operand's currency is kept. */
static const char *decimal_op(pactum_value *out, const pactum_value *a,
			      const pactum_value *b, decimal_fn fn,
			      pactum_type type, int percent)
{
	pactum_decimal x, y, r;
	const char *why;

	if (a->type == PACTUM_TYPE_MONEY && b->type == PACTUM_TYPE_MONEY &&
	    strcmp(a->u.money.currency, b->u.money.currency) != 0)
		return currencies_differ;
	if ((why = decimal_of(&x, a)) != NULL ||
	    (why = decimal_of(&y, b)) != NULL || (why = fn(&r, &x, &y)) != NULL)
		return why;
	if (percent && (why = pactum__decimal_percent(&r, &r)) != NULL)
		return why;
	memset(out, 0, sizeof(*out));
	out->type = type;
	if (type == PACTUM_TYPE_MONEY) {
		out->u.money.amount = r;
		memcpy(out->u.money.currency,
		       a->type == PACTUM_TYPE_MONEY ? a->u.money.currency
						    : b->u.money.currency,
		       sizeof(out->u.money.currency));
	} else {
		out->u.number = r;
	}
	return NULL;
}

#define DECIMAL_RULE(name, fn, type, percent)                                \
	static const char *name(pactum_value *o, const pactum_value *a,      \
				const pactum_value *b)                       \
	{                                                                    \
		return decimal_op(o, a, b, fn, type, percent);               \
	}

DECIMAL_RULE(num_add, pactum__decimal_add, PACTUM_TYPE_NUMBER, 0)
DECIMAL_RULE(num_sub, pactum__decimal_sub, PACTUM_TYPE_NUMBER, 0)
DECIMAL_RULE(num_mul, pactum__decimal_mul, PACTUM_TYPE_NUMBER, 0)
DECIMAL_RULE(num_div, pactum__decimal_div, PACTUM_TYPE_NUMBER, 0)
DECIMAL_RULE(pct_add, pactum__decimal_add, PACTUM_TYPE_PERCENT, 0)
DECIMAL_RULE(pct_sub, pactum__decimal_sub, PACTUM_TYPE_PERCENT, 0)
DECIMAL_RULE(pct_mul, pactum__decimal_mul, PACTUM_TYPE_PERCENT, 0)
DECIMAL_RULE(pct_div, pactum__decimal_div, PACTUM_TYPE_PERCENT, 0)
DECIMAL_RULE(money_add, pactum__decimal_add, PACTUM_TYPE_MONEY, 0)
DECIMAL_RULE(money_sub, pactum__decimal_sub, PACTUM_TYPE_MONEY, 0)
DECIMAL_RULE(money_mul, pactum__decimal_mul, PACTUM_TYPE_MONEY, 0)
DECIMAL_RULE(money_div, pactum__decimal_div, PACTUM_TYPE_MONEY, 0)
DECIMAL_RULE(money_pct, pactum__decimal_mul, PACTUM_TYPE_MONEY, 1)
DECIMAL_RULE(money_ratio, pactum__decimal_div, PACTUM_TYPE_NUMBER, 0)

static const char *date_plus(pactum_value *o, const pactum_value *a,
			     const pactum_value *b)
{
	return pactum__date_add(o, a, b, 1);
}

static const char *date_minus(pactum_value *o, const pactum_value *a,
			      const pactum_value *b)
{
	return pactum__date_add(o, a, b, -1);
}

static const char *date_days(pactum_value *o, const pactum_value *a,
			     const pactum_value *b)
{
	memset(o, 0, sizeof(*o));
	o->type = PACTUM_TYPE_INTEGER;
	o->u.integer = pactum__date_diff(b, a);
	return NULL;
}

#define T(x) PACTUM_TYPE_##x
/* Integers mix with numbers as numbers; nothing else converts. */
static const struct rule rules[] = {
	{ '+', T(INTEGER), T(INTEGER), T(INTEGER), int_add },
	{ '-', T(INTEGER), T(INTEGER), T(INTEGER), int_sub },
	{ '*', T(INTEGER), T(INTEGER), T(INTEGER), int_mul },
	{ '/', T(INTEGER), T(INTEGER), T(NUMBER), num_div },
	{ '+', T(NUMBER), T(NUMBER), T(NUMBER), num_add },
	{ '-', T(NUMBER), T(NUMBER), T(NUMBER), num_sub },
	{ '*', T(NUMBER), T(NUMBER), T(NUMBER), num_mul },
	{ '/', T(NUMBER), T(NUMBER), T(NUMBER), num_div },
	{ '+', T(PERCENT), T(PERCENT), T(PERCENT), pct_add },
	{ '-', T(PERCENT), T(PERCENT), T(PERCENT), pct_sub },
	{ '*', T(PERCENT), T(NUMBER), T(PERCENT), pct_mul },
	{ '*', T(NUMBER), T(PERCENT), T(PERCENT), pct_mul },
	{ '/', T(PERCENT), T(NUMBER), T(PERCENT), pct_div },
	{ '+', T(MONEY), T(MONEY), T(MONEY), money_add },
	{ '-', T(MONEY), T(MONEY), T(MONEY), money_sub },
	{ '*', T(MONEY), T(NUMBER), T(MONEY), money_mul },
	{ '*', T(NUMBER), T(MONEY), T(MONEY), money_mul },
	{ '*', T(MONEY), T(PERCENT), T(MONEY), money_pct },
	{ '*', T(PERCENT), T(MONEY), T(MONEY), money_pct },
	{ '/', T(MONEY), T(NUMBER), T(MONEY), money_div },
	{ '/', T(MONEY), T(MONEY), T(NUMBER), money_ratio },
	{ '+', T(DATE), T(DURATION), T(DATE), date_plus },
	{ '-', T(DATE), T(DURATION), T(DATE), date_minus },
	{ '-', T(DATE), T(DATE), T(INTEGER), date_days },
};

static pactum_type widened(pactum_type t)
{
	return t == PACTUM_TYPE_INTEGER ? PACTUM_TYPE_NUMBER : t;
}

static const struct rule *find_rule(char op, pactum_type l, pactum_type r)
{
	size_t i;

	for (i = 0; i < PACTUM_ARRAY_SIZE(rules); i++)
		if (rules[i].op == op && rules[i].left == l &&
		    rules[i].right == r)
			return &rules[i];
	/* an integer among numbers counts as a number */
	if (widened(l) != l || widened(r) != r)
		return find_rule(op, widened(l), widened(r));
	return NULL;
}

/* ------------------------------------------------------------- parsing */

static void skip_space(struct parser *ps)
{
	while (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' ||
	       *ps->p == '\r')
		ps->p++;
}

static int is_name_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int is_name_char(char c)
{
	return is_name_start(c) || is_digit(c) || c == '-' || c == '.';
}

/* Consume keyword kw when it stands alone at p. */
static int keyword(struct parser *ps, const char *kw)
{
	size_t len = strlen(kw);

	skip_space(ps);
	if (strncmp(ps->p, kw, len) == 0 && !is_name_char(ps->p[len])) {
		ps->p += len;
		return 1;
	}
	return 0;
}

/* Enter one level of "not", "-" or parentheses; fails beyond MAX_DEPTH. */
static int enter(struct parser *ps)
{
	if (++ps->depth <= MAX_DEPTH)
		return 1;
	fail(ps, _("nested deeper than %d levels of \"not\", \"-\" and "
		   "parentheses"),
	     MAX_DEPTH);
	return 0;
}

static int add_dep(struct parser *ps, const pactum_node *param)
{
	size_t i;

	for (i = 0; i < ps->ndeps; i++)
		if (ps->deps[i] == param)
			return 1;
	if (ps->ndeps == ps->deps_cap) {
		size_t cap = ps->deps_cap ? ps->deps_cap * 2 : 4;
		const pactum_node **deps =
			pactum__arena_alloc(ps->model->arena,
					    cap * sizeof(*deps));

		if (deps == NULL) {
			ps->nomem = ps->failed = 1;
			return 0;
		}
		if (ps->ndeps)
			memcpy(deps, ps->deps, ps->ndeps * sizeof(*deps));
		ps->deps = deps;
		ps->deps_cap = cap;
	}
	ps->deps[ps->ndeps++] = param;
	return 1;
}

static pactum_expr *parse_or(struct parser *ps);

/* A NAME: the parameter it names, or a bare literal if none does (a
 * choice: "law = german"). */
static pactum_expr *parse_name(struct parser *ps)
{
	const char *start = ps->p;
	const pactum_node *param;
	pactum_expr *e;
	size_t len;

	while (is_name_char(*ps->p))
		ps->p++;
	len = (size_t)(ps->p - start);
	param = pactum__map_get(&ps->model->params, start, len);
	if (param == NULL) {
		e = new_expr(ps, OP_LITERAL, PACTUM_TYPE_TEXT);
		if (e) {
			e->pending = e->bare = 1;
			e->text = start;
			e->len = len;
		}
		return e;
	}
	if (param->attr[PACTUM_ATTR_DEFAULT] == NULL &&
	    param->attr[PACTUM_ATTR_VALUE] == NULL && param->list == NULL &&
	    param->type != PACTUM_TYPE_TEXT && /* unset: empty text */
	    param->type != PACTUM_TYPE_COUNTRY && /* unset: none */
	    param->attr[PACTUM_ATTR_REQUIRED] != NULL &&
	    strcmp(param->attr[PACTUM_ATTR_REQUIRED], "no") == 0) {
		/* a deal may leave it unset, and then there is no answer */
		fail(ps, _("\"%s\" is optional without a default, so an "
			   "expression cannot use it; give it a default"),
		     param->attr[PACTUM_ATTR_ID]);
		return NULL;
	}
	if (param->list && !pactum__node_sees_field(ps->node, param)) {
		fail(ps, _("\"%s\" is a field of the records of \"%s\": use "
			   "it inside <repeat over=\"%s\">, or sum(%s)"),
		     param->attr[PACTUM_ATTR_ID],
		     param->list->attr[PACTUM_ATTR_ID],
		     param->list->attr[PACTUM_ATTR_ID],
		     param->attr[PACTUM_ATTR_ID]);
		return NULL;
	}
	if (param->type == PACTUM_TYPE_LIST) {
		fail(ps, _("\"%s\" is a list: count(%s) counts its records"),
		     param->attr[PACTUM_ATTR_ID], param->attr[PACTUM_ATTR_ID]);
		return NULL;
	}
	((pactum_node *)param)->used = 1;
	if (param->attr[PACTUM_ATTR_VALUE] != NULL && !add_dep(ps, param))
		return NULL;
	e = new_expr(ps, OP_PARAM, param->type);
	if (e) {
		e->param = param;
		e->text = start;
		e->len = len;
	}
	return e;
}

/* A literal: quoted, or a word from a digit; typed later by its place. */
static pactum_expr *parse_literal(struct parser *ps)
{
	const char *start;
	pactum_expr *e;
	size_t len;
	int quoted = *ps->p == '\'' || *ps->p == '"';

	if (quoted) {
		char q = *ps->p++;

		start = ps->p;
		while (*ps->p && *ps->p != q)
			ps->p++;
		if (*ps->p != q) {
			fail(ps, "%s", _("unterminated quoted value"));
			return NULL;
		}
		len = (size_t)(ps->p - start);
		ps->p++;
	} else {
		start = ps->p;
		while (is_name_char(*ps->p) || *ps->p == '%')
			ps->p++;
		len = (size_t)(ps->p - start);
	}
	e = new_expr(ps, OP_LITERAL, PACTUM_TYPE_TEXT);
	if (e) {
		e->pending = 1;
		e->bare = !quoted;
		e->text = start;
		e->len = len;
	}
	return e;
}

/* Is the word at p "count(" or "sum("?  Then which (OP_COUNT, OP_SUM),
 * with p moved past the parenthesis; else 0. */
static expr_op function(struct parser *ps)
{
	const char *q = ps->p, *r;
	size_t len;

	while (is_name_char(*q))
		q++;
	len = (size_t)(q - ps->p);
	for (r = q; *r == ' ' || *r == '\t'; r++)
		;
	if (*r != '(')
		return 0;
	if ((len == 5 && memcmp(ps->p, "count", 5) == 0) ||
	    (len == 3 && memcmp(ps->p, "sum", 3) == 0)) {
		expr_op o = len == 5 ? OP_COUNT : OP_SUM;

		ps->p = r + 1;
		return o;
	}
	return 0;
}

/* count(products) or sum(products.price), after the "(". */
static pactum_expr *parse_function(struct parser *ps, expr_op o)
{
	const pactum_node *p;
	const char *start;
	pactum_expr *e;
	size_t len;

	skip_space(ps);
	start = ps->p;
	while (is_name_char(*ps->p))
		ps->p++;
	len = (size_t)(ps->p - start);
	p = pactum__map_get(&ps->model->params, start, len);
	if (o == OP_COUNT && (p == NULL || p->type != PACTUM_TYPE_LIST)) {
		fail(ps, _("count() counts the records of a list, and \"%.*s\" "
			   "is none"),
		     (int)len, start);
		return NULL;
	}
	if (o == OP_SUM &&
	    (p == NULL || p->list == NULL ||
	     (p->type != PACTUM_TYPE_INTEGER && p->type != PACTUM_TYPE_NUMBER &&
	      p->type != PACTUM_TYPE_PERCENT && p->type != PACTUM_TYPE_MONEY))) {
		fail(ps, _("sum() adds up a field of a list's records that holds "
			   "numbers or amounts (\"products.price\"), and "
			   "\"%.*s\" is none"),
		     (int)len, start);
		return NULL;
	}
	skip_space(ps);
	if (*ps->p != ')') {
		fail(ps, "%s", _("missing ')'"));
		return NULL;
	}
	ps->p++;
	((pactum_node *)p)->used = 1;
	e = new_expr(ps, o, o == OP_COUNT ? PACTUM_TYPE_INTEGER : p->type);
	if (e)
		e->param = p;
	return e;
}

/* Give a pending literal type; like, when given, is the parameter whose
 * type it takes (for its name in messages and its choices). */
static void settle(struct parser *ps, pactum_expr *e, pactum_type type,
		   const pactum_node *like)
{
	const char *expected = NULL;
	char *copy;

	if (!e->pending || ps->failed)
		return;
	if (e->bare && (!pactum__type_is(type, PACTUM_TYPE_TEXTUAL) &&
			type != PACTUM_TYPE_BOOLEAN) &&
	    e->len > 0 && is_name_start(e->text[0])) {
		fail(ps, _("unknown parameter \"%.*s\""), (int)e->len, e->text);
		return;
	}
	if (e->len == 0 && e->bare) {
		fail(ps, _("expected a value at \"%s\""), e->text);
		return;
	}
	/* The value borrows its text: keep a copy in the arena. */
	copy = pactum__arena_strndup(ps->model->arena, e->text, e->len);
	if (copy == NULL) {
		ps->nomem = ps->failed = 1;
		return;
	}
	if (pactum__value_parse(&e->literal, type, copy, e->len, &expected) !=
	    PACTUM_OK) {
		if (like)
			fail(ps, _("\"%s\" is not %s (the type of \"%s\")"),
			     copy, _(expected), like->attr[PACTUM_ATTR_ID]);
		else
			fail(ps, _("\"%s\" is not %s"), copy, _(expected));
		return;
	}
	if (type == PACTUM_TYPE_CHOICE && like && !pactum__param_choice(like, copy, e->len)) {
		fail(ps, _("\"%s\" is not one of the choices of \"%s\""), copy,
		     like->attr[PACTUM_ATTR_ID]);
		return;
	}
	e->pending = 0;
	e->type = type;
}

/* The type a literal has on its own: 2 integer, 0.5 number, 20% percent,
 * 30d duration, 2027-01-01 date, 'x' text. */
static pactum_type natural_type(const pactum_expr *e)
{
	static const pactum_type order[] = {
		PACTUM_TYPE_INTEGER, PACTUM_TYPE_NUMBER, PACTUM_TYPE_PERCENT,
		PACTUM_TYPE_DURATION, PACTUM_TYPE_DATE, PACTUM_TYPE_MONEY,
	};
	pactum_value v;
	size_t i;

	for (i = 0; e->bare && i < PACTUM_ARRAY_SIZE(order); i++)
		if (pactum__value_parse(&v, order[i], e->text, e->len, NULL) ==
		    PACTUM_OK)
			return order[i];
	return PACTUM_TYPE_TEXT;
}

/* Type a literal that has no neighbour to take a type from; a bare word
 * there can only have been meant as a parameter. */
static void settle_alone(struct parser *ps, pactum_expr *e)
{
	if (e->pending && e->bare && e->len > 0 && is_name_start(e->text[0]))
		fail(ps, _("unknown parameter \"%.*s\""), (int)e->len, e->text);
	else
		settle(ps, e, natural_type(e), NULL);
}

static int arithmetic(pactum_type t)
{
	return t == PACTUM_TYPE_INTEGER || t == PACTUM_TYPE_NUMBER ||
	       t == PACTUM_TYPE_PERCENT || t == PACTUM_TYPE_MONEY ||
	       t == PACTUM_TYPE_DATE || t == PACTUM_TYPE_DURATION;
}

static const pactum_node *param_of(const pactum_expr *e)
{
	return e->op == OP_PARAM ? e->param : NULL;
}

/* A boolean where one is needed: a text parameter alone tests that it is
 * given; a literal must be true or false. */
static pactum_expr *boolean(struct parser *ps, pactum_expr *e)
{
	if (e == NULL || ps->failed)
		return NULL;
	if (e->op == OP_PARAM &&
	    (e->type == PACTUM_TYPE_TEXT || e->type == PACTUM_TYPE_COUNTRY ||
	     (e->param->list && e->type != PACTUM_TYPE_BOOLEAN))) {
		/* a text or country, or a field of a record: is it given? */
		e->op = OP_GIVEN;
		e->type = PACTUM_TYPE_BOOLEAN;
		return e;
	}
	if (e->pending && e->bare && e->len > 0 && is_name_start(e->text[0])) {
		fail(ps, _("unknown parameter \"%.*s\""), (int)e->len, e->text);
		return NULL;
	}
	settle(ps, e, PACTUM_TYPE_BOOLEAN, NULL);
	if (!ps->failed && e->type != PACTUM_TYPE_BOOLEAN) {
		const pactum_node *p = param_of(e);

		if (p)
			fail(ps, _("\"%s\" is a %s parameter: compare it with "
				   "a value"),
			     p->attr[PACTUM_ATTR_ID],
			     pactum__type_name(e->type));
		else
			fail(ps, _("a %s where a condition (true or false) is "
				   "needed"),
			     pactum__type_name(e->type));
	}
	return ps->failed ? NULL : e;
}

/* Grow list (n items, *cap room) by one. */
static int push(struct parser *ps, void ***list, size_t n, size_t *cap,
		void *item)
{
	if (n == *cap) {
		size_t more = *cap ? 2 * *cap : 4;
		void **grown = pactum_realloc(*list, more * sizeof(**list));

		if (grown == NULL) {
			ps->nomem = ps->failed = 1;
			return 0;
		}
		*list = grown;
		*cap = more;
	}
	(*list)[n] = item;
	return 1;
}

/* Copy n pointers into the arena. */
static void *keep(struct parser *ps, void **list, size_t n)
{
	void *copy = pactum__arena_alloc(ps->model->arena, n * sizeof(*list));

	if (copy == NULL)
		ps->nomem = ps->failed = 1;
	else
		memcpy(copy, list, n * sizeof(*list));
	return copy;
}

/* A node of op o and type with the n operands of list (copied). */
static pactum_expr *with_operands(struct parser *ps, expr_op o,
				  pactum_type type, void **list, size_t n)
{
	pactum_expr *e = new_expr(ps, o, type);

	if (e == NULL)
		return NULL;
	e->operands = keep(ps, list, n);
	e->noperands = n;
	return e->operands ? e : NULL;
}

static pactum_expr *parse_unary(struct parser *ps)
{
	pactum_expr *e = NULL, *operand;

	skip_space(ps);
	if (*ps->p == '(' || *ps->p == '-') {
		const char *sign = ps->p;
		char c = *ps->p++;

		if (!enter(ps))
			return NULL;
		operand = c == '(' ? parse_or(ps) : parse_unary(ps);
		ps->depth--;
		if (operand == NULL)
			return NULL;
		if (c == '(') {
			skip_space(ps);
			if (*ps->p != ')') {
				fail(ps, "%s", _("missing ')'"));
				return NULL;
			}
			ps->p++;
			return operand;
		}
		if (operand->pending && operand->bare &&
		    operand->text == sign + 1) {
			/* "-5": the sign is part of the literal */
			operand->text = sign;
			operand->len++;
			return operand;
		}
		settle_alone(ps, operand);
		if (ps->failed)
			return NULL;
		if (operand->type != PACTUM_TYPE_INTEGER &&
		    operand->type != PACTUM_TYPE_NUMBER &&
		    operand->type != PACTUM_TYPE_PERCENT &&
		    operand->type != PACTUM_TYPE_MONEY) {
			fail(ps, _("cannot negate a %s"),
			     pactum__type_name(operand->type));
			return NULL;
		}
		return with_operands(ps, OP_NEG, operand->type,
				     (void **)&operand, 1);
	}
	if (keyword(ps, "true") || keyword(ps, "false")) {
		e = new_expr(ps, OP_LITERAL, PACTUM_TYPE_BOOLEAN);
		if (e)
			e->literal.type = PACTUM_TYPE_BOOLEAN,
			e->literal.u.boolean = ps->p[-1] == 'e' &&
					       ps->p[-2] == 'u';
		return e;
	}
	if (is_name_start(*ps->p)) {
		expr_op f = function(ps);

		return f ? parse_function(ps, f) : parse_name(ps);
	}
	if (*ps->p == '\'' || *ps->p == '"' || is_digit(*ps->p))
		return parse_literal(ps);
	if (*ps->p == '\0')
		fail(ps, "%s", _("expected a value at the end"));
	else
		fail(ps, _("expected a value at \"%s\""), ps->p);
	return NULL;
}

/* Type the literal lit, one side of "x op lit" (or "lit op x" when
 * right is 0), from the other side's type. */
static void settle_against(struct parser *ps, char op, pactum_expr *lit,
			   pactum_type other, const pactum_node *like,
			   int right)
{
	pactum_type natural = natural_type(lit);

	if (op != '=' && !arithmetic(other))
		settle_alone(ps, lit); /* the rule lookup says what is wrong */
	else if ((op == '+' || op == '-') && other == PACTUM_TYPE_DATE && right)
		settle(ps, lit, natural == PACTUM_TYPE_DATE ? PACTUM_TYPE_DATE
							    : PACTUM_TYPE_DURATION,
		       NULL);
	else if (op == '*' || op == '/')
		settle(ps, lit,
		       natural == PACTUM_TYPE_PERCENT ? PACTUM_TYPE_PERCENT
		       : natural == PACTUM_TYPE_INTEGER &&
				       other == PACTUM_TYPE_INTEGER
			       ? PACTUM_TYPE_INTEGER
			       : PACTUM_TYPE_NUMBER,
		       NULL);
	else
		settle(ps, lit, other, like);
}

/* Type the literals of "a op b" from each other. */
static void settle_pair(struct parser *ps, char op, pactum_expr *a,
			pactum_expr *b)
{
	if (a->pending && b->pending) {
		settle_alone(ps, a);
		settle_alone(ps, b);
	} else if (a->pending) {
		settle_against(ps, op, a, b->type, param_of(b), 0);
	} else if (b->pending) {
		settle_against(ps, op, b, a->type, param_of(a), 1);
	}
}

static const char *op_text(char op)
{
	return op == '+' ? "+" : op == '-' ? "-" : op == '*' ? "*" : "/";
}

/* operand (op operand)* for the operators in ops: one CHAIN node, or the
 * operand alone.  Operands gather in a growing array, so a long chain costs
 * linear time and no stack. */
static pactum_expr *parse_chain(struct parser *ps, const char *ops,
				pactum_expr *(*next)(struct parser *))
{
	void **list = NULL, **rl = NULL;
	size_t n = 0, cap = 0, rcap = 0;
	pactum_expr *e = NULL, *operand;
	pactum_type type = PACTUM_TYPE_TEXT;

	for (;;) {
		const struct rule *r;
		char op = 0;

		if (n > 0) {
			skip_space(ps);
			if (*ps->p == '\0' || strchr(ops, *ps->p) == NULL)
				break;
			op = *ps->p++;
		}
		operand = next(ps);
		if (operand == NULL || !push(ps, &list, n, &cap, operand))
			goto cleanup;
		if (++n == 1)
			continue;
		if (n == 2)
			settle_pair(ps, op, list[0], operand);
		else if (operand->pending)
			settle_against(ps, op, operand, type, NULL, 1);
		if (ps->failed)
			goto cleanup;
		if (n == 2)
			type = ((pactum_expr *)list[0])->type;
		r = find_rule(op, type, operand->type);
		if (r == NULL) {
			fail(ps, _("cannot compute %s %s %s"),
			     pactum__type_name(type), op_text(op),
			     pactum__type_name(operand->type));
			goto cleanup;
		}
		if (!push(ps, &rl, n - 2, &rcap, (void *)r))
			goto cleanup;
		type = r->result;
	}
	if (n == 1) {
		e = list[0];
		goto cleanup;
	}
	e = with_operands(ps, OP_CHAIN, type, list, n);
	if (e != NULL)
		e->rules = keep(ps, rl, n - 1);
cleanup:
	pactum_free(list);
	pactum_free(rl);
	return ps->failed ? NULL : e;
}

static pactum_expr *parse_product(struct parser *ps)
{
	return parse_chain(ps, "*/", parse_unary);
}

static pactum_expr *parse_sum(struct parser *ps)
{
	return parse_chain(ps, "+-", parse_product);
}

static pactum_expr *parse_compare(struct parser *ps)
{
	static const struct {
		const char *text;
		expr_op op;
	} ops[] = { { "==", OP_EQ }, { "!=", OP_NE }, { "<=", OP_LE },
		    { ">=", OP_GE }, { "=", OP_EQ },  { "<", OP_LT },
		    { ">", OP_GT } };
	pactum_expr *left, *right;
	const pactum_node *lp, *rp;
	size_t i;

	left = parse_sum(ps);
	if (left == NULL)
		return NULL;
	skip_space(ps);
	for (i = 0; i < PACTUM_ARRAY_SIZE(ops); i++)
		if (strncmp(ps->p, ops[i].text, strlen(ops[i].text)) == 0)
			break;
	if (i == PACTUM_ARRAY_SIZE(ops))
		return left;
	ps->p += strlen(ops[i].text);
	right = parse_sum(ps);
	if (right == NULL)
		return NULL;
	/* text and choices compare with literals only: "law = german" */
	if (!left->pending && pactum__type_is(left->type, PACTUM_TYPE_TEXTUAL) &&
	    right->op == OP_PARAM) {
		right->op = OP_LITERAL;
		right->pending = right->bare = 1;
		right->param = NULL;
	}
	settle_pair(ps, '=', left, right);
	if (ps->failed)
		return NULL;
	lp = param_of(left);
	rp = param_of(right);
	if (left->type != right->type &&
	    widened(left->type) != widened(right->type)) {
		if (lp && rp)
			fail(ps, _("cannot compare \"%s\" (%s) with \"%s\" (%s)"),
			     lp->attr[PACTUM_ATTR_ID],
			     pactum__type_name(left->type),
			     rp->attr[PACTUM_ATTR_ID],
			     pactum__type_name(right->type));
		else
			fail(ps, _("cannot compare a %s with a %s"),
			     pactum__type_name(left->type),
			     pactum__type_name(right->type));
		return NULL;
	}
	if (ops[i].op != OP_EQ && ops[i].op != OP_NE &&
	    !pactum__type_is(left->type, PACTUM_TYPE_ORDERED)) {
		if (lp)
			fail(ps, _("\"%s\" is a %s parameter and has no order"),
			     lp->attr[PACTUM_ATTR_ID],
			     pactum__type_name(left->type));
		else
			fail(ps, _("a %s has no order"),
			     pactum__type_name(left->type));
		return NULL;
	}
	{
		void *both[2] = { left, right };

		return with_operands(ps, ops[i].op, PACTUM_TYPE_BOOLEAN, both, 2);
	}
}

static pactum_expr *parse_not(struct parser *ps)
{
	pactum_expr *operand;

	if (!keyword(ps, "not"))
		return parse_compare(ps);
	if (!enter(ps))
		return NULL;
	operand = boolean(ps, parse_not(ps));
	ps->depth--;
	if (operand == NULL)
		return NULL;
	return with_operands(ps, OP_NOT, PACTUM_TYPE_BOOLEAN,
			     (void **)&operand, 1);
}

/* operand (kw operand)*: one node of kind o with every operand, or the
 * operand alone, as parse_chain(). */
static pactum_expr *parse_nary(struct parser *ps, const char *kw, expr_op o,
			       pactum_expr *(*next)(struct parser *))
{
	void **list = NULL;
	pactum_expr *e = NULL, *operand;
	size_t n = 0, cap = 0;

	for (;;) {
		operand = next(ps);
		if (operand == NULL || !push(ps, &list, n, &cap, operand))
			goto cleanup;
		n++;
		if (ps->failed || !keyword(ps, kw))
			break;
	}
	if (n == 1) {
		e = list[0];
		goto cleanup;
	}
	for (cap = 0; cap < n; cap++)
		if (boolean(ps, list[cap]) == NULL)
			goto cleanup;
	e = with_operands(ps, o, PACTUM_TYPE_BOOLEAN, list, n);
cleanup:
	pactum_free(list);
	return ps->failed ? NULL : e;
}

static pactum_expr *parse_and(struct parser *ps)
{
	return parse_nary(ps, "and", OP_AND, parse_not);
}

static pactum_expr *parse_or(struct parser *ps)
{
	return parse_nary(ps, "or", OP_OR, parse_and);
}

/* The whole of ps->expr, of type want (a literal alone takes it). */
static int parse_all(pactum_expr **out, struct parser *ps, pactum_type want)
{
	pactum_expr *e = parse_or(ps);

	*out = NULL;
	skip_space(ps);
	if (!ps->failed && *ps->p != '\0')
		fail(ps, _("unexpected \"%s\""), ps->p);
	if (want == PACTUM_TYPE_BOOLEAN)
		e = boolean(ps, e);
	else if (e && e->pending)
		settle(ps, e, want, NULL);
	if (e && !ps->failed && e->type != want &&
	    !(want == PACTUM_TYPE_NUMBER && e->type == PACTUM_TYPE_INTEGER))
		fail(ps, _("gives a %s, but \"%s\" is a %s"),
		     pactum__type_name(e->type), ps->node->attr[PACTUM_ATTR_ID],
		     pactum__type_name(want));
	if (ps->nomem)
		return PACTUM_ENOMEM;
	if (ps->failed)
		return PACTUM_EINPUT;
	e->deps = ps->deps;
	e->ndeps = ps->ndeps;
	*out = e;
	return PACTUM_OK;
}

static int parse_text(pactum_expr **out, pactum_model *model,
		      const pactum_node *node, const char *text,
		      pactum_diag *diag, const char *what, pactum_type want)
{
	struct parser ps;

	memset(&ps, 0, sizeof(ps));
	ps.model = model;
	ps.node = node;
	ps.diag = diag;
	ps.what = what;
	ps.expr = ps.p = text;
	return parse_all(out, &ps, want);
}

int pactum__cond_parse(pactum_cond **out, pactum_model *model,
		       const pactum_node *node, const char *text,
		       pactum_diag *diag)
{
	return parse_text(out, model, node, text, diag, "condition",
			  PACTUM_TYPE_BOOLEAN);
}

int pactum__expr_parse(pactum_expr **out, pactum_model *model,
		       const pactum_node *param, const char *text,
		       pactum_diag *diag)
{
	return parse_text(out, model, param, text, diag, "computation",
			  param->type);
}

size_t pactum__expr_deps(const pactum_node *const **deps,
			 const pactum_expr *expr)
{
	*deps = expr->deps;
	return expr->ndeps;
}

/* ---------------------------------------------------------- evaluation */

static const char *eval(pactum_value *out, const pactum_expr *e,
			const pactum_value *values);

static const char *truth(int *out, const pactum_expr *e,
			 const pactum_value *values)
{
	pactum_value v;
	const char *why = eval(&v, e, values);

	*out = why == NULL && v.u.boolean;
	return why;
}

/* Durations compare when their units convert: weeks to days, years to
 * months. */
static void duration_days(const pactum_value *v, int64_t *n, int *months)
{
	*n = v->u.duration.count;
	*months = v->u.duration.unit == PACTUM_MONTHS ||
		  v->u.duration.unit == PACTUM_YEARS;
	if (v->u.duration.unit == PACTUM_WEEKS)
		*n *= 7;
	else if (v->u.duration.unit == PACTUM_YEARS)
		*n *= 12;
}

static const char *compare(int *cmp, const pactum_value *a,
			   const pactum_value *b)
{
	pactum_decimal x, y;
	const char *why;

	if (a->type == PACTUM_TYPE_DURATION) {
		int64_t n, m;
		int am, bm;

		duration_days(a, &n, &am);
		duration_days(b, &m, &bm);
		if (am != bm)
			return N_("a duration in days or weeks cannot be "
				  "compared with one in months or years");
		*cmp = (n > m) - (n < m);
		return NULL;
	}
	if (a->type == PACTUM_TYPE_MONEY &&
	    strcmp(a->u.money.currency, b->u.money.currency) != 0)
		return currencies_differ;
	if (a->type != b->type) { /* an integer and a number */
		if ((why = decimal_of(&x, a)) != NULL ||
		    (why = decimal_of(&y, b)) != NULL)
			return why;
		*cmp = pactum__decimal_compare(&x, &y);
		return NULL;
	}
	*cmp = pactum__value_compare(a, b, NULL);
	return NULL;
}

/* Does the record being shown give field (a field of a list's records)? */
static int field_given(const pactum_node *field, const pactum_value *values)
{
	const pactum_record *r = values[field->list->index].u.list.current;

	return r != NULL && r->given[field->field];
}

/* sum(list.field): the records that give the field, added as "+" adds
 * them; no amount at all has no currency, so that is an error. */
static const char *sum(pactum_value *out, const pactum_expr *e,
		       const pactum_value *values)
{
	const pactum_node *field = e->param;
	const pactum_value *list = &values[field->list->index];
	const struct rule *add = find_rule('+', field->type, field->type);
	const char *why;
	size_t i;
	int any = 0;

	for (i = 0; i < list->u.list.n; i++) {
		const pactum_record *r = &list->u.list.records[i];
		pactum_value next;

		if (!r->given[field->field])
			continue;
		if (!any) {
			*out = r->fields[field->field];
			any = 1;
			continue;
		}
		if ((why = add->fn(&next, out, &r->fields[field->field])) != NULL)
			return why;
		*out = next;
		out->type = field->type;
	}
	if (!any && field->type == PACTUM_TYPE_MONEY)
		return N_("there are no amounts to add up");
	return NULL;
}

static const char *eval(pactum_value *out, const pactum_expr *e,
			const pactum_value *values)
{
	pactum_value a, b;
	const char *why = NULL;
	size_t i;
	int cmp = 0, t;

	/* Recursion only through "not", "-" and parentheses: at most
	 * MAX_DEPTH. */
	memset(out, 0, sizeof(*out));
	out->type = e->type;
	switch (e->op) {
	case OP_LITERAL:
		*out = e->literal;
		return NULL;
	case OP_PARAM:
		if (e->param->list && !field_given(e->param, values))
			return N_("it uses a field that this record does not "
				  "give");
		*out = values[e->param->index];
		return NULL;
	case OP_GIVEN:
		out->u.boolean = e->param->list
					 ? field_given(e->param, values)
					 : values[e->param->index].u.text.len > 0;
		return NULL;
	case OP_NOT:
		why = truth(&t, e->operands[0], values);
		out->u.boolean = !t;
		return why;
	case OP_AND:
	case OP_OR:
		out->u.boolean = e->op == OP_AND;
		for (i = 0; i < e->noperands; i++) {
			if ((why = truth(&t, e->operands[i], values)) != NULL)
				return why;
			if (t != (e->op == OP_AND)) {
				out->u.boolean = t;
				break;
			}
		}
		return NULL;
	case OP_COUNT:
		out->u.integer = (int64_t)values[e->param->index].u.list.n;
		return NULL;
	case OP_SUM:
		return sum(out, e, values);
	case OP_NEG:
		if ((why = eval(&a, e->operands[0], values)) != NULL)
			return why;
		*out = a;
		if (a.type == PACTUM_TYPE_INTEGER) {
			if (a.u.integer == INT64_MIN)
				return too_large;
			out->u.integer = -a.u.integer;
		} else if (a.type == PACTUM_TYPE_MONEY) {
			out->u.money.amount.mantissa = -a.u.money.amount.mantissa;
		} else {
			out->u.number.mantissa = -a.u.number.mantissa;
		}
		return NULL;
	case OP_CHAIN:
		if ((why = eval(&a, e->operands[0], values)) != NULL)
			return why;
		for (i = 1; i < e->noperands; i++) {
			pactum_value r;

			if ((why = eval(&b, e->operands[i], values)) != NULL ||
			    (why = e->rules[i - 1]->fn(&r, &a, &b)) != NULL)
				return why;
			a = r;
			a.type = e->rules[i - 1]->result;
		}
		*out = a;
		return NULL;
	default:
		break;
	}
	if ((why = eval(&a, e->operands[0], values)) != NULL ||
	    (why = eval(&b, e->operands[1], values)) != NULL ||
	    (why = compare(&cmp, &a, &b)) != NULL)
		return why;
	out->type = PACTUM_TYPE_BOOLEAN;
	switch (e->op) {
	case OP_EQ:
		out->u.boolean = cmp == 0;
		break;
	case OP_NE:
		out->u.boolean = cmp != 0;
		break;
	case OP_LT:
		out->u.boolean = cmp < 0;
		break;
	case OP_LE:
		out->u.boolean = cmp <= 0;
		break;
	case OP_GT:
		out->u.boolean = cmp > 0;
		break;
	default:
		out->u.boolean = cmp >= 0;
		break;
	}
	return NULL;
}

int pactum__expr_eval(pactum_value *out, const pactum_expr *expr,
		      const pactum_value *values, const char **why)
{
	*why = eval(out, expr, values);
	if (*why != NULL)
		return PACTUM_EINPUT;
	if (out->type == PACTUM_TYPE_MONEY)
		pactum__decimal_round(&out->u.money.amount, &out->u.money.amount,
				      pactum__currency_digits(
					      out->u.money.currency));
	return PACTUM_OK;
}

int pactum__cond_eval(const pactum_cond *cond, const pactum_value *values)
{
	int t;

	return truth(&t, cond, values) == NULL && t;
}

const pactum_node *pactum__cond_pick(const pactum_node *choose,
				     const pactum_value *values)
{
	const pactum_node *w;

	for (w = choose->first; w; w = w->next)
		if (w->kind == PACTUM_NODE_OTHERWISE ||
		    (w->kind == PACTUM_NODE_WHEN &&
		     (w->cond == NULL || pactum__cond_eval(w->cond, values))))
			return w;
	return NULL;
}
