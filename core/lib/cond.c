/* A small recursive-descent parser for conditions:
 *
 *   expr   := and ("or" and)*
 *   and    := unary ("and" unary)*
 *   unary  := "not" unary | "(" expr ")" | test
 *   test   := NAME [op (NAME | LITERAL)]
 *   op     := "=" | "==" | "!=" | "<" | "<=" | ">" | ">="
 *   LITERAL:= 'text' | "text" | number | true | false
 *
 * A bare NAME must be a boolean parameter, or a text one (a party's
 * field, say): then it holds when the text is given, not empty.  A literal is parsed as a value
 * of the compared parameter's type, so "start >= '2027-01-01'" compares
 * dates and "law = 'german'" must name one of law's choices.  Ordering
 * needs an ordered type (date, money, number, percent, integer, duration).
 *
 * Conditions come from other people, so nothing here recurses deeper than
 * the nesting of "not" and parentheses, which is capped at MAX_DEPTH:
 * "a and b and c ..." is one node with many operands, not a chain.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cond.h"

/* Deeper than any condition a person writes; shallow enough that parsing
 * and evaluating never come near the stack's end. */
#define MAX_DEPTH 32

typedef enum op {
	OP_TRUE, /* a literal true/false alone */
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
	OP_GE
} op;

struct pactum_cond {
	op op;
	pactum_cond **operands; /* OP_NOT: one; OP_AND, OP_OR: noperands */
	size_t noperands;
	size_t param;       /* OP_PARAM, comparisons: left parameter */
	int rparam;         /* comparisons: right side is a parameter */
	size_t right_param;
	pactum_value literal; /* comparisons with a literal; OP_TRUE */
};

struct parser {
	pactum_model *model;
	const pactum_node *node;
	pactum_diag *diag;
	const char *expr;
	const char *p;
	unsigned depth; /* of "not" and parentheses at p */
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
		return; /* one error per condition: the rest is noise */
	ps->failed = 1;
	va_start(ap, fmt);
	pactum__buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	pactum_diag_report(ps->diag, PACTUM_ERROR, &pos,
			   _("in condition \"%s\": %s"), ps->expr,
			   msg.ptr ? msg.ptr : "");
	pactum__buf_free(&msg);
}

static pactum_cond *new_cond(struct parser *ps, op o)
{
	pactum_cond *c = pactum__arena_calloc(ps->model->arena, sizeof(*c));

	if (c == NULL) {
		ps->nomem = 1;
		ps->failed = 1;
		return NULL;
	}
	c->op = o;
	return c;
}

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

static int is_name_char(char c)
{
	return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' ||
	       c == '.';
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

static pactum_cond *parse_or(struct parser *ps);

/* A NAME: the parameter it names, or NULL after reporting. */
static const pactum_node *parse_name(struct parser *ps, const char **name,
				     size_t *len)
{
	const char *start = ps->p;
	const pactum_node *param;

	while (is_name_char(*ps->p))
		ps->p++;
	*name = start;
	*len = (size_t)(ps->p - start);
	param = pactum__map_get(&ps->model->params, start, *len);
	if (param == NULL) {
		fail(ps, _("unknown parameter \"%.*s\""), (int)*len, start);
	} else if (param->attr[PACTUM_ATTR_DEFAULT] == NULL &&
		   param->type != PACTUM_TYPE_TEXT && /* unset: empty text */
		   param->attr[PACTUM_ATTR_REQUIRED] != NULL &&
		   strcmp(param->attr[PACTUM_ATTR_REQUIRED], "no") == 0) {
		/* a deal may leave it unset, and then there is no answer */
		fail(ps, _("\"%s\" is optional without a default, so a "
			   "condition cannot test it; give it a default"),
		     param->attr[PACTUM_ATTR_ID]);
		param = NULL;
	} else {
		((pactum_node *)param)->used = 1;
	}
	return param;
}

static int choice_exists(const pactum_node *param, const char *v, size_t len)
{
	const pactum_node *c;

	for (c = param->first; c; c = c->next)
		if (c->kind == PACTUM_NODE_CHOICE && c->attr[PACTUM_ATTR_VALUE] &&
		    strncmp(c->attr[PACTUM_ATTR_VALUE], v, len) == 0 &&
		    c->attr[PACTUM_ATTR_VALUE][len] == '\0')
			return 1;
	return 0;
}

/* The literal at p, parsed as a value of param's type. */
static void parse_literal(struct parser *ps, pactum_cond *c,
			  const pactum_node *param)
{
	const char *start, *expected = NULL;
	char *copy;
	size_t len;

	skip_space(ps);
	if (*ps->p == '\'' || *ps->p == '"') {
		char q = *ps->p++;

		start = ps->p;
		while (*ps->p && *ps->p != q)
			ps->p++;
		if (*ps->p != q) {
			fail(ps, "%s", _("unterminated quoted value"));
			return;
		}
		len = (size_t)(ps->p - start);
		ps->p++;
	} else {
		start = ps->p;
		while (*ps->p && (is_name_char(*ps->p) || *ps->p == '%'))
			ps->p++;
		len = (size_t)(ps->p - start);
		if (len == 0) {
			fail(ps, "%s", _("expected a value"));
			return;
		}
	}
	/* The value borrows its text: keep a copy in the arena. */
	copy = pactum__arena_strndup(ps->model->arena, start, len);
	if (copy == NULL) {
		ps->nomem = ps->failed = 1;
		return;
	}
	if (pactum__value_parse(&c->literal, param->type, copy, len,
				&expected) != PACTUM_OK) {
		fail(ps, _("\"%s\" is not %s (the type of \"%s\")"), copy,
		     _(expected), param->attr[PACTUM_ATTR_ID]);
		return;
	}
	if (param->type == PACTUM_TYPE_CHOICE &&
	    !choice_exists(param, copy, len))
		fail(ps, _("\"%s\" is not one of the choices of \"%s\""), copy,
		     param->attr[PACTUM_ATTR_ID]);
}

static pactum_cond *parse_test(struct parser *ps)
{
	static const struct {
		const char *text;
		op op;
	} ops[] = { { "==", OP_EQ }, { "!=", OP_NE }, { "<=", OP_LE },
		    { ">=", OP_GE }, { "=", OP_EQ },  { "<", OP_LT },
		    { ">", OP_GT } };
	const pactum_node *param, *rparam;
	const char *name;
	pactum_cond *c;
	size_t len, i;

	skip_space(ps);
	for (i = 0; i < 2; i++) {
		if (keyword(ps, i ? "true" : "false")) {
			c = new_cond(ps, OP_TRUE);
			if (c)
				c->literal.u.boolean = (int)i;
			return c;
		}
	}
	if (!is_name_start(*ps->p)) {
		fail(ps, _("expected a parameter name at \"%s\""), ps->p);
		return NULL;
	}
	param = parse_name(ps, &name, &len);
	if (param == NULL)
		return NULL;
	skip_space(ps);
	for (i = 0; i < PACTUM_ARRAY_SIZE(ops); i++)
		if (strncmp(ps->p, ops[i].text, strlen(ops[i].text)) == 0)
			break;
	if (i == PACTUM_ARRAY_SIZE(ops)) {
		if (param->type != PACTUM_TYPE_BOOLEAN &&
		    param->type != PACTUM_TYPE_TEXT) {
			fail(ps, _("\"%s\" is a %s parameter: compare it with "
				   "a value"),
			     param->attr[PACTUM_ATTR_ID],
			     pactum__type_name(param->type));
			return NULL;
		}
		c = new_cond(ps, param->type == PACTUM_TYPE_TEXT ? OP_GIVEN
								  : OP_PARAM);
		if (c)
			c->param = param->index;
		return c;
	}
	ps->p += strlen(ops[i].text);
	c = new_cond(ps, ops[i].op);
	if (c == NULL)
		return NULL;
	c->param = param->index;
	if (ops[i].op != OP_EQ && ops[i].op != OP_NE &&
	    !pactum__type_is(param->type, PACTUM_TYPE_ORDERED)) {
		fail(ps, _("\"%s\" is a %s parameter and has no order"),
		     param->attr[PACTUM_ATTR_ID],
		     pactum__type_name(param->type));
		return NULL;
	}
	skip_space(ps);
	if (is_name_start(*ps->p) &&
	    !pactum__type_is(param->type, PACTUM_TYPE_TEXTUAL) &&
	    param->type != PACTUM_TYPE_BOOLEAN) {
		rparam = parse_name(ps, &name, &len);
		if (rparam == NULL)
			return NULL;
		if (rparam->type != param->type) {
			fail(ps, _("cannot compare \"%s\" (%s) with \"%s\" (%s)"),
			     param->attr[PACTUM_ATTR_ID],
			     pactum__type_name(param->type),
			     rparam->attr[PACTUM_ATTR_ID],
			     pactum__type_name(rparam->type));
			return NULL;
		}
		c->rparam = 1;
		c->right_param = rparam->index;
		return c;
	}
	parse_literal(ps, c, param);
	return ps->failed ? NULL : c;
}

/* Enter one level of "not" or parentheses; fails beyond MAX_DEPTH. */
static int enter(struct parser *ps)
{
	if (++ps->depth <= MAX_DEPTH)
		return 1;
	fail(ps, _("nested deeper than %d levels of \"not\" and "
		   "parentheses"),
	     MAX_DEPTH);
	return 0;
}

static pactum_cond *parse_unary(struct parser *ps)
{
	pactum_cond *c = NULL, *operand;

	if (keyword(ps, "not")) {
		if (!enter(ps))
			return NULL;
		operand = parse_unary(ps);
		ps->depth--;
		if (operand == NULL)
			return NULL;
		c = new_cond(ps, OP_NOT);
		if (c == NULL)
			return NULL;
		c->operands = pactum__arena_alloc(ps->model->arena,
						  sizeof(*c->operands));
		if (c->operands == NULL) {
			ps->nomem = ps->failed = 1;
			return NULL;
		}
		c->operands[0] = operand;
		c->noperands = 1;
		return c;
	}
	skip_space(ps);
	if (*ps->p == '(') {
		ps->p++;
		if (!enter(ps))
			return NULL;
		c = parse_or(ps);
		ps->depth--;
		skip_space(ps);
		if (!ps->failed && *ps->p != ')')
			fail(ps, "%s", _("missing ')'"));
		else
			ps->p++;
		return ps->failed ? NULL : c;
	}
	return parse_test(ps);
}

/* operand (kw operand)*: one node of kind o with every operand, or the
 * operand alone.  The operands are gathered in a growing array and then
 * copied into the arena, so a long chain costs linear time and no stack. */
static pactum_cond *parse_nary(struct parser *ps, const char *kw, op o,
			       pactum_cond *(*next)(struct parser *))
{
	pactum_cond **list = NULL, **more, *c = NULL, *operand;
	size_t n = 0, cap = 0;

	for (;;) {
		operand = next(ps);
		if (operand == NULL)
			goto cleanup;
		if (n == cap) {
			cap = cap ? 2 * cap : 4;
			more = pactum_realloc(list, cap * sizeof(*list));
			if (more == NULL) {
				ps->nomem = ps->failed = 1;
				goto cleanup;
			}
			list = more;
		}
		list[n++] = operand;
		if (ps->failed || !keyword(ps, kw))
			break;
	}
	if (ps->failed)
		goto cleanup;
	if (n == 1) {
		c = list[0];
		goto cleanup;
	}
	c = new_cond(ps, o);
	if (c == NULL)
		goto cleanup;
	c->operands = pactum__arena_alloc(ps->model->arena, n * sizeof(*list));
	if (c->operands == NULL) {
		ps->nomem = ps->failed = 1;
		c = NULL;
		goto cleanup;
	}
	memcpy(c->operands, list, n * sizeof(*list));
	c->noperands = n;
cleanup:
	pactum_free(list);
	return ps->failed ? NULL : c;
}

static pactum_cond *parse_and(struct parser *ps)
{
	return parse_nary(ps, "and", OP_AND, parse_unary);
}

static pactum_cond *parse_or(struct parser *ps)
{
	return parse_nary(ps, "or", OP_OR, parse_and);
}

int pactum__cond_parse(pactum_cond **out, pactum_model *model,
		       const pactum_node *node, const char *expr,
		       pactum_diag *diag)
{
	struct parser ps = { model, node, diag, expr, expr, 0, 0, 0 };
	pactum_cond *c;

	*out = NULL;
	c = parse_or(&ps);
	skip_space(&ps);
	if (!ps.failed && *ps.p != '\0')
		fail(&ps, _("unexpected \"%s\""), ps.p);
	if (ps.nomem)
		return PACTUM_ENOMEM;
	if (ps.failed)
		return PACTUM_EINPUT;
	*out = c;
	return PACTUM_OK;
}

int pactum__cond_eval(const pactum_cond *c, const pactum_value *values)
{
	const pactum_value *right;
	size_t i;
	int cmp;

	/* Recursion only through "not" and parentheses: at most MAX_DEPTH. */
	switch (c->op) {
	case OP_TRUE:
		return c->literal.u.boolean;
	case OP_PARAM:
		return values[c->param].u.boolean;
	case OP_GIVEN:
		return values[c->param].u.text.len > 0;
	case OP_NOT:
		return !pactum__cond_eval(c->operands[0], values);
	case OP_AND:
		for (i = 0; i < c->noperands; i++)
			if (!pactum__cond_eval(c->operands[i], values))
				return 0;
		return 1;
	case OP_OR:
		for (i = 0; i < c->noperands; i++)
			if (pactum__cond_eval(c->operands[i], values))
				return 1;
		return 0;
	default:
		break;
	}
	right = c->rparam ? &values[c->right_param] : &c->literal;
	cmp = pactum__value_compare(&values[c->param], right, NULL);
	switch (c->op) {
	case OP_EQ:
		return cmp == 0;
	case OP_NE:
		return cmp != 0;
	case OP_LT:
		return cmp < 0;
	case OP_LE:
		return cmp <= 0;
	case OP_GT:
		return cmp > 0;
	default:
		return cmp >= 0;
	}
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
