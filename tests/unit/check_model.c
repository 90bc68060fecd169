/* The model check, translation units, templates and conditions, on models
 * built by hand through the builder functions a reader uses. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expr.h"
#include "kinds.h"
#include "suites.h"
#include "unit.h"

struct fixture {
	pactum_model *m;
	pactum_diag *diag;
	pactum_node *root;
	uint32_t line;
};

static pactum_node *add(struct fixture *f, pactum_node *parent,
			pactum_node_kind kind, const char *id)
{
	pactum_node *n = pactum_node_append(f->m, parent, kind, ++f->line, 1);

	ck_assert_ptr_nonnull(n);
	if (id)
		ck_assert_int_eq(pactum_node_set_attr(f->m, n, PACTUM_ATTR_ID,
						      id, strlen(id)),
				 PACTUM_OK);
	return n;
}

static void set(struct fixture *f, pactum_node *n, pactum_attr a,
		const char *v)
{
	ck_assert_int_eq(pactum_node_set_attr(f->m, n, a, v, strlen(v)),
			 PACTUM_OK);
}

static void text(struct fixture *f, pactum_node *n, const char *s)
{
	ck_assert_int_eq(pactum_node_add_text(f->m, n, s, strlen(s), f->line, 1),
			 PACTUM_OK);
}

static pactum_node *add_text_node(struct fixture *f, pactum_node *parent,
				  pactum_node_kind kind, const char *s)
{
	pactum_node *n = add(f, parent, kind, NULL);

	text(f, n, s);
	return n;
}

/* A valid little model: title, two parties, parameters of several types, a
 * term, one section with a clause. */
static void setup(struct fixture *f)
{
	pactum_node *p, *c;

	memset(f, 0, sizeof(*f));
	ck_assert_int_eq(pactum__model_new(&f->m, "m.xml"), PACTUM_OK);
	ck_assert_int_eq(pactum_diag_new(&f->diag), PACTUM_OK);
	f->root = add(f, NULL, PACTUM_NODE_AGREEMENT, "demo");
	set(f, f->root, PACTUM_ATTR_DOMAIN, "pactum-demo");
	set(f, f->root, PACTUM_ATTR_SOURCE_LANG, "en");
	set(f, f->root, PACTUM_ATTR_PREVAILING, "de");
	add_text_node(f, f->root, PACTUM_NODE_TITLE, "Demo");
	p = add(f, f->root, PACTUM_NODE_PARTY, "vendor");
	add_text_node(f, p, PACTUM_NODE_ROLE, "Vendor");
	p = add(f, f->root, PACTUM_NODE_PARAM, "exclusive");
	set(f, p, PACTUM_ATTR_TYPE, "boolean");
	p = add(f, f->root, PACTUM_NODE_PARAM, "discount");
	set(f, p, PACTUM_ATTR_TYPE, "percent");
	p = add(f, f->root, PACTUM_NODE_PARAM, "law");
	set(f, p, PACTUM_ATTR_TYPE, "choice");
	c = add(f, p, PACTUM_NODE_CHOICE, NULL);
	set(f, c, PACTUM_ATTR_VALUE, "german");
	add_text_node(f, c, PACTUM_NODE_LABEL, "German law");
	c = add(f, p, PACTUM_NODE_CHOICE, NULL);
	set(f, c, PACTUM_ATTR_VALUE, "english");
	add_text_node(f, c, PACTUM_NODE_LABEL, "English law");
	p = add(f, f->root, PACTUM_NODE_TERM, "products");
	add_text_node(f, p, PACTUM_NODE_NAME, "Products");
	add_text_node(f, p, PACTUM_NODE_DEFINITION, "the software");
}

static void teardown(struct fixture *f)
{
	pactum_model_free(f->m);
	pactum_diag_free(f->diag);
}

static pactum_node *section(struct fixture *f, const char *id)
{
	pactum_node *s = add(f, f->root, PACTUM_NODE_SECTION, id);

	add_text_node(f, s, PACTUM_NODE_TITLE, "Title");
	return s;
}

/* Does any diagnostic contain needle? */
static int reported(struct fixture *f, const char *needle)
{
	size_t i;

	for (i = 0; i < pactum_diag_size(f->diag); i++)
		if (strstr(pactum_diag_entry(f->diag, i, NULL, NULL), needle))
			return 1;
	return 0;
}

START_TEST(test_unit_msgid)
{
	struct fixture f;
	pactum_node *s, *cl, *para, *n, *em;

	setup(&f);
	s = section(&f, "grant");
	cl = add(&f, s, PACTUM_NODE_CLAUSE, "grant-1");
	para = add(&f, cl, PACTUM_NODE_PARAGRAPH, NULL);
	text(&f, para, "  The\n\t ");
	n = add(&f, para, PACTUM_NODE_PARTY_REF, NULL);
	set(&f, n, PACTUM_ATTR_REF, "vendor");
	text(&f, para, " gives {x} ");
	n = add(&f, para, PACTUM_NODE_TERM_REF, NULL);
	set(&f, n, PACTUM_ATTR_REF, "products");
	text(&f, n, " software \n products ");
	text(&f, para, " at ");
	n = add(&f, para, PACTUM_NODE_VAR, NULL);
	set(&f, n, PACTUM_ATTR_NAME, "discount");
	em = add(&f, para, PACTUM_NODE_EMPHASIS, NULL);
	text(&f, em, " now ");
	n = add(&f, para, PACTUM_NODE_XREF, NULL);
	set(&f, n, PACTUM_ATTR_REF, "grant");
	text(&f, para, ".  ");
	para = add(&f, cl, PACTUM_NODE_PARAGRAPH, NULL);
	text(&f, para, "Second.");
	ck_assert_int_eq(pactum__model_check(f.m, f.diag), PACTUM_OK);
	ck_assert_ptr_nonnull(cl->first->unit);
	ck_assert_str_eq(cl->first->unit->msgid,
			 "The {party:vendor} gives {{x}} "
			 "{term:products|software products} at {discount} "
			 "{em}now{/em} {ref:grant}.");
	ck_assert_str_eq(cl->first->unit->ctx, "grant-1.p1");
	ck_assert_str_eq(cl->first->next->unit->ctx, "grant-1.p2");
	ck_assert_uint_eq(cl->first->unit->nph, 6);
	ck_assert_str_eq(s->first->unit->ctx, "grant.title");
	teardown(&f);
}
END_TEST

/* A unit with placeholders a, b and an emphasis, for template checks. */
static const pactum_unit *sample_unit(struct fixture *f)
{
	pactum_node *s, *para, *n, *em;

	s = section(f, "s");
	para = add(f, s, PACTUM_NODE_PARAGRAPH, "p");
	n = add(f, para, PACTUM_NODE_VAR, NULL);
	set(f, n, PACTUM_ATTR_NAME, "discount");
	text(f, para, " for ");
	n = add(f, para, PACTUM_NODE_TERM_REF, NULL);
	set(f, n, PACTUM_ATTR_REF, "products");
	em = add(f, para, PACTUM_NODE_EMPHASIS, NULL);
	text(f, em, "only");
	ck_assert_int_eq(pactum__model_check(f->m, f->diag), PACTUM_OK);
	ck_assert_str_eq(para->unit->msgid,
			 "{discount} for {term:products}{em}only{/em}");
	return para->unit;
}

/* Alternatives in a sentence: one unit, each alternative between its
 * pair; a translation may order them as it likes but must keep what is in
 * an alternative in it. */
START_TEST(test_alternatives_check)
{
	static const struct {
		const char *translation;
		const char *why; /* NULL: accepted */
	} cases[] = {
		{ "A{when:1} {discount} {em}b{/em}{/when:1}{otherwise:2} "
		  "{discount}{/otherwise:2}.", NULL },
		/* the other order: each {discount} matches its own */
		{ "{otherwise:2}{discount} {/otherwise:2}A{when:1} {em}b{/em} "
		  "{discount}{/when:1}.", NULL },
		{ "A{when:1} {discount}{/when:1} {em}b{/em}{otherwise:2} "
		  "{discount}{/otherwise:2}.",
		  "{em} belongs between {when:1} and its {/when:1}" },
		{ "A {discount}{when:1} {em}b{/em}{/when:1}{otherwise:2} "
		  "{discount}{/otherwise:2}.",
		  "belongs between {when:1}" },
		{ "A{when:1} {discount} {em}b{/em}{otherwise:2} "
		  "{discount}{/otherwise:2}{/when:1}.",
		  "{otherwise:2} belongs outside the alternatives" },
		{ "A{when:1} {discount} {em}b{/em}{/when:1}.",
		  "{otherwise:2} of the source text is missing" },
		{ "A{when:1} {discount} {em}b{/when:1}{/em}{otherwise:2} "
		  "{discount}{/otherwise:2}.",
		  "{/when:1} closes {when:1}, but {em} was opened last" },
	};
	struct fixture f;
	pactum_node *s, *para, *choose, *w, *n;
	size_t i;

	setup(&f);
	s = section(&f, "s");
	para = add(&f, s, PACTUM_NODE_PARAGRAPH, "p");
	text(&f, para, "A");
	choose = add(&f, para, PACTUM_NODE_CHOOSE, NULL);
	w = add(&f, choose, PACTUM_NODE_WHEN, NULL);
	set(&f, w, PACTUM_ATTR_IF, "exclusive");
	text(&f, w, " ");
	n = add(&f, w, PACTUM_NODE_VAR, NULL);
	set(&f, n, PACTUM_ATTR_NAME, "discount");
	text(&f, w, " ");
	n = add(&f, w, PACTUM_NODE_EMPHASIS, NULL);
	text(&f, n, "b");
	w = add(&f, choose, PACTUM_NODE_OTHERWISE, NULL);
	text(&f, w, " ");
	n = add(&f, w, PACTUM_NODE_VAR, NULL);
	set(&f, n, PACTUM_ATTR_NAME, "discount");
	text(&f, para, ".");
	ck_assert_int_eq(pactum__model_check(f.m, f.diag), PACTUM_OK);
	ck_assert_str_eq(para->unit->msgid,
			 "A{when:1} {discount} {em}b{/em}{/when:1}"
			 "{otherwise:2} {discount}{/otherwise:2}.");
	ck_assert_ptr_nonnull(strstr(para->unit->role,
				     "{when:1} when exclusive, {otherwise:2} "
				     "when none before it holds"));
	for (i = 0; i < PACTUM_ARRAY_SIZE(cases); i++) {
		pactum_buf why = PACTUM_BUF_INIT;
		int r = pactum__template_check(para->unit,
					       cases[i].translation,
					       strlen(cases[i].translation),
					       &why);

		if (cases[i].why == NULL)
			ck_assert_msg(r == 0, "%s: %s", cases[i].translation,
				      why.ptr);
		else
			ck_assert_msg(r != 0 && why.ptr &&
					      strstr(why.ptr, cases[i].why),
				      "%s: %s", cases[i].translation,
				      why.ptr ? why.ptr : "accepted");
		pactum__buf_free(&why);
	}
	teardown(&f);
}
END_TEST

START_TEST(test_template_check)
{
	static const struct {
		const char *translation;
		const char *why; /* NULL: accepted */
	} cases[] = {
		{ "{term:products} mit {discount} {em}nur{/em}", NULL },
		{ "{em}nur{/em} {term:products|Produkten} {discount}", NULL },
		{ "{{wörtlich}} {discount}{term:products}{em}x{/em}", NULL },
		{ "{term:products} {em}nur{/em}", "{discount} of the source" },
		{ "{discount} {discount} {term:products}{em}{/em}",
		  "{discount} is not in the source" },
		{ "{discont} {term:products}{em}{/em}", "{discont}" },
		{ "{discount} {term:products}{/em}x{em}", "before its {em}" },
		{ "{discount|x} {term:products}{em}{/em}", "cannot take" },
		{ "{discount {term:products}{em}{/em}", "malformed" },
		{ "{discount} } {term:products}{em}{/em}", "malformed" },
		{ "{} {discount}{term:products}{em}{/em}", "malformed" },
	};
	struct fixture f;
	const pactum_unit *u;
	size_t i;

	setup(&f);
	u = sample_unit(&f);
	for (i = 0; i < PACTUM_ARRAY_SIZE(cases); i++) {
		pactum_buf why = PACTUM_BUF_INIT;
		int r = pactum__template_check(u, cases[i].translation,
					       strlen(cases[i].translation),
					       &why);

		if (cases[i].why == NULL) {
			ck_assert_msg(r == 0, "%s: %s", cases[i].translation,
				      why.ptr);
		} else {
			ck_assert_msg(r != 0, "accepted %s",
				      cases[i].translation);
			ck_assert_msg(why.ptr &&
					      strstr(why.ptr, cases[i].why),
				      "%s: %s", cases[i].translation, why.ptr);
		}
		pactum__buf_free(&why);
	}
	teardown(&f);
}
END_TEST

START_TEST(test_tokenizer)
{
	pactum_template t;
	pactum_token tok;
	const char *s = "a{{b}}{term:x|Wörter}c";

	pactum__template_init(&t, s, strlen(s));
	ck_assert_int_eq(pactum__template_next(&tok, &t), PACTUM_TOK_TEXT);
	ck_assert_int_eq(tok.len, 1); /* "a" */
	ck_assert_int_eq(pactum__template_next(&tok, &t), PACTUM_TOK_TEXT);
	ck_assert_int_eq(tok.len, 1);
	ck_assert_int_eq(tok.text[0], '{');
	ck_assert_int_eq(pactum__template_next(&tok, &t), PACTUM_TOK_TEXT);
	ck_assert_int_eq(tok.text[0], 'b');
	ck_assert_int_eq(pactum__template_next(&tok, &t), PACTUM_TOK_TEXT);
	ck_assert_int_eq(tok.text[0], '}');
	ck_assert_int_eq(pactum__template_next(&tok, &t),
			 PACTUM_TOK_PLACEHOLDER);
	ck_assert_int_eq(tok.len, 6);
	ck_assert_int_eq(memcmp(tok.text, "term:x", 6), 0);
	ck_assert_int_eq(tok.display_len, strlen("Wörter"));
	ck_assert_int_eq(pactum__template_next(&tok, &t), PACTUM_TOK_TEXT);
	ck_assert_int_eq(pactum__template_next(&tok, &t), PACTUM_TOK_END);
}
END_TEST

/* Parse cond as the "if" of a fresh paragraph; returns the model check's
 * status. */
static int check_cond(struct fixture *f, const char *cond)
{
	pactum_node *s = section(f, "s"), *para;

	para = add(f, s, PACTUM_NODE_PARAGRAPH, NULL);
	text(f, para, "x");
	set(f, para, PACTUM_ATTR_IF, cond);
	return pactum__model_check(f->m, f->diag);
}

START_TEST(test_conditions_valid)
{
	static const char *const good[] = {
		"exclusive",
		"not exclusive",
		"exclusive and discount >= 20",
		"(exclusive or law = 'english') and not (discount < 12.5%)",
		"law != \"german\"",
		"true",
	};
	struct fixture f;

	setup(&f);
	ck_assert_int_eq(check_cond(&f, good[_i]), PACTUM_OK);
	ck_assert_uint_eq(pactum_diag_count(f.diag, PACTUM_ERROR), 0);
	teardown(&f);
}
END_TEST

START_TEST(test_conditions_invalid)
{
	static const struct {
		const char *cond;
		const char *why;
	} bad[] = {
		{ "exclusiv", "unknown parameter \"exclusiv\"" },
		{ "discount", "compare it with a value" },
		{ "law > 'german'", "has no order" },
		{ "law = 'french'", "not one of the choices" },
		{ "discount >= 'lots'", "is not" },
		{ "exclusive and", "expected a value at the end" },
		{ "(exclusive", "missing ')'" },
		{ "exclusive exclusive", "unexpected" },
		{ "law = 'german", "unterminated" },
	};
	struct fixture f;

	setup(&f);
	ck_assert_int_eq(check_cond(&f, bad[_i].cond), PACTUM_EINPUT);
	ck_assert_msg(reported(&f, bad[_i].why), "%s: no \"%s\"",
		      bad[_i].cond, bad[_i].why);
	teardown(&f);
}
END_TEST

START_TEST(test_conditions_eval)
{
	struct fixture f;
	pactum_value values[3];
	const char *expected = NULL;
	pactum_node *para;

	setup(&f);
	ck_assert_int_eq(check_cond(&f, "exclusive or (discount > 25 and "
					"law = 'english')"),
			 PACTUM_OK);
	para = f.root->last->last;
	ck_assert_ptr_nonnull(para->cond);
	ck_assert_int_eq(pactum__value_parse(&values[0], PACTUM_TYPE_BOOLEAN,
					     "no", 2, &expected),
			 PACTUM_OK);
	ck_assert_int_eq(pactum__value_parse(&values[1], PACTUM_TYPE_PERCENT,
					     "30", 2, &expected),
			 PACTUM_OK);
	ck_assert_int_eq(pactum__value_parse(&values[2], PACTUM_TYPE_CHOICE,
					     "english", 7, &expected),
			 PACTUM_OK);
	ck_assert(pactum__cond_eval(para->cond, values));
	values[2].u.text.ptr = "german";
	values[2].u.text.len = 6;
	ck_assert(!pactum__cond_eval(para->cond, values));
	values[0].u.boolean = 1;
	ck_assert(pactum__cond_eval(para->cond, values));
	teardown(&f);
}
END_TEST

/* Move the fixture's term behind the parameters a test added. */
static void terms_last(struct fixture *f)
{
	pactum_node *prev = NULL, *n, *term = NULL;

	for (n = f->root->first; n; prev = n, n = n->next)
		if (n->kind == PACTUM_NODE_TERM)
			break;
	ck_assert_ptr_nonnull(n);
	term = n;
	prev->next = term->next;
	term->next = NULL;
	f->root->last->next = term;
	f->root->last = term;
}

/* Computed values: each case a computed parameter "r" of type type with
 * value expr, over parameters with these defaults; the result as English
 * shows it, or the reason it cannot be computed or parsed. */
static const struct {
	const char *type;
	const char *expr;
	const char *result; /* NULL: see why */
	const char *why;
} computations[] = {
	{ "money", "amount / 2", "EUR 5,000.01", NULL }, /* 5000.005 */
	{ "money", "amount / 3", "EUR 3,333.34", NULL },
	{ "money", "cent / 2", "EUR 0.01", NULL },       /* 0.005 */
	{ "money", "-cent / 2", "-EUR 0.01", NULL },     /* -0.005 */
	{ "money", "cent / 3", "EUR 0.00", NULL },
	{ "money", "big / 3", "EUR 333,333,333,333,333.33", NULL },
	{ "money", "big * 1000", NULL, "too large" },
	{ "money", "yen / 6", "JPY 167", NULL },         /* 166.67 */
	{ "money", "dinar / 16", "KWD 0.063", NULL },    /* 0.0625 */
	{ "money", "amount * discount", "EUR 2,000.00", NULL },
	{ "money", "amount - amount * discount + cent", "EUR 8,000.02", NULL },
	{ "money", "amount + yen", NULL, "different currencies" },
	{ "money", "amount / zero", NULL, "division by zero" },
	{ "number", "amount / amount", "1", NULL },
	{ "number", "n / 2", "1.5", NULL },
	{ "number", "x * 2 + 0.25", "3.25", NULL },
	{ "integer", "n * 1000000000 * 1000000000 * 10", NULL, "too large" },
	{ "integer", "'2028-03-01' - start", "30", NULL },
	{ "date", "start + term", "29 February 2028", NULL },
	{ "date", "start + 1m + 1m", "29 March 2028", NULL },
	{ "date", "start - 1y + 1m", "28 February 2027", NULL },
	{ "date", "leap + 1y", "28 February 2029", NULL },
	{ "date", "leap + 4y", "29 February 2032", NULL },
	{ "date", "start + 30d", "1 March 2028", NULL },
	{ "date", "start + term - 1d", "28 February 2028", NULL },
	{ "date", "start + 2w", "14 February 2028", NULL },
	{ "date", "late + 1y", NULL, "outside the years 1 to 9999" },
	{ "boolean", "exclusive or n > 2", "yes", NULL },
	{ "boolean", "term >= 4w", NULL, "cannot be compared" },
	{ "boolean", "term < 2m and 1y > term", "yes", NULL },
	{ "boolean", "amount > '10000 EUR' and x = 1.5", "yes", NULL },
	/* refused when the model is checked */
	{ "money", "amount + start", NULL, "cannot compute money + date" },
	{ "date", "amount / 2", NULL, "gives a money, but \"r\" is a date" },
	{ "money", "amount /", NULL, "expected a value at the end" },
	{ "money", "amont / 2", NULL, "unknown parameter \"amont\"" },
	{ "money", "amount / 'x'", NULL, "\"x\" is not" },
	{ "number", "law + 1", NULL, "cannot compute choice + integer" },
	{ "text", "law", NULL, "a text parameter cannot be computed" },
	{ "boolean", "term > 'soon'", NULL, "(the type of \"term\")" },
	{ "boolean", "- exclusive", NULL, "cannot negate a boolean" },
};

START_TEST(test_computations)
{
	static const char *const params[][3] = {
		{ "amount", "money", "10000.01 EUR" }, { "cent", "money", "0.01 EUR" },
		{ "big", "money", "1000000000000000 EUR" },
		{ "yen", "money", "1000 JPY" }, { "dinar", "money", "1.000 KWD" },
		{ "zero", "integer", "0" }, { "n", "integer", "3" },
		{ "x", "number", "1.5" }, { "start", "date", "2028-01-31" },
		{ "leap", "date", "2028-02-29" }, { "late", "date", "9999-06-01" },
		{ "term", "duration", "1m" },
	};
	struct fixture f;
	pactum_value values[32];
	pactum_buf shown = PACTUM_BUF_INIT;
	const char *why = NULL;
	pactum_node *p, *r;
	size_t i;
	int error;

	setup(&f);
	for (i = 0; i < PACTUM_ARRAY_SIZE(params); i++) {
		p = add(&f, f.root, PACTUM_NODE_PARAM, params[i][0]);
		set(&f, p, PACTUM_ATTR_TYPE, params[i][1]);
		set(&f, p, PACTUM_ATTR_DEFAULT, params[i][2]);
	}
	set(&f, f.root->first->next->next, PACTUM_ATTR_DEFAULT, "yes");
	set(&f, f.root->first->next->next->next, PACTUM_ATTR_DEFAULT, "20");
	r = add(&f, f.root, PACTUM_NODE_PARAM, "r");
	set(&f, r, PACTUM_ATTR_TYPE, computations[_i].type);
	set(&f, r, PACTUM_ATTR_VALUE, computations[_i].expr);
	terms_last(&f);
	text(&f, add(&f, section(&f, "s"), PACTUM_NODE_PARAGRAPH, NULL), "x");
	error = pactum__model_check(f.m, f.diag);
	if (computations[_i].result == NULL && error != PACTUM_OK) {
		ck_assert_msg(reported(&f, computations[_i].why), "%s: no \"%s\"",
			      computations[_i].expr, computations[_i].why);
		goto done;
	}
	ck_assert_msg(error == PACTUM_OK, "%s refused: %s", computations[_i].expr,
		      pactum_diag_size(f.diag)
			      ? pactum_diag_entry(f.diag, 0, NULL, NULL)
			      : "");
	ck_assert_uint_le(f.m->nparams, PACTUM_ARRAY_SIZE(values));
	for (i = 0; i < f.m->nparams; i++) {
		const char *d = f.m->param_list[i]->attr[PACTUM_ATTR_DEFAULT];

		memset(&values[i], 0, sizeof(values[i]));
		if (d != NULL)
			ck_assert_int_eq(pactum__value_parse(&values[i],
							     f.m->param_list[i]->type,
							     d, strlen(d), NULL),
					 PACTUM_OK);
	}
	error = pactum__expr_eval(&values[r->index], r->value, values, &why);
	if (computations[_i].result == NULL) {
		ck_assert_msg(error != PACTUM_OK && strstr(why, computations[_i].why),
			      "%s: %s", computations[_i].expr,
			      error == PACTUM_OK ? "computed" : why);
		goto done;
	}
	ck_assert_msg(error == PACTUM_OK, "%s: %s", computations[_i].expr, why);
	ck_assert_int_eq(pactum__value_format(&shown, &values[r->index],
					      test_locale("en")),
			 PACTUM_OK);
	for (i = 0; i + 1 < shown.len; i++) /* a no-break space reads " " */
		if (memcmp(shown.ptr + i, "\xc2\xa0", 2) == 0) {
			memmove(shown.ptr + i + 1, shown.ptr + i + 2,
				shown.len - i - 1);
			shown.ptr[i] = ' ';
			shown.len--;
		}
	ck_assert_msg(strcmp(shown.ptr, computations[_i].result) == 0,
		      "%s gave %s, not %s", computations[_i].expr, shown.ptr,
		      computations[_i].result);
done:
	pactum__buf_free(&shown);
	teardown(&f);
}
END_TEST

/* Computed parameters that read each other in a circle. */
START_TEST(test_computation_cycle)
{
	struct fixture f;
	pactum_node *p;

	setup(&f);
	p = add(&f, f.root, PACTUM_NODE_PARAM, "a");
	set(&f, p, PACTUM_ATTR_TYPE, "integer");
	set(&f, p, PACTUM_ATTR_VALUE, "b + 1");
	p = add(&f, f.root, PACTUM_NODE_PARAM, "b");
	set(&f, p, PACTUM_ATTR_TYPE, "integer");
	set(&f, p, PACTUM_ATTR_VALUE, "c * 2");
	p = add(&f, f.root, PACTUM_NODE_PARAM, "c");
	set(&f, p, PACTUM_ATTR_TYPE, "integer");
	set(&f, p, PACTUM_ATTR_VALUE, "2");
	p = add(&f, f.root, PACTUM_NODE_PARAM, "d");
	set(&f, p, PACTUM_ATTR_TYPE, "integer");
	set(&f, p, PACTUM_ATTR_VALUE, "d + a");
	terms_last(&f);
	text(&f, add(&f, section(&f, "s"), PACTUM_NODE_PARAGRAPH, NULL), "x");
	ck_assert_int_eq(pactum__model_check(f.m, f.diag), PACTUM_EINPUT);
	ck_assert(reported(&f, "the value of \"d\" depends on itself"));
	ck_assert_uint_eq(pactum_diag_count(f.diag, PACTUM_ERROR), 1);
	/* the others in order: c before b before a */
	ck_assert_uint_eq(f.m->ncomputed, 3);
	ck_assert_str_eq(f.m->computed[0]->attr[PACTUM_ATTR_ID], "c");
	ck_assert_str_eq(f.m->computed[2]->attr[PACTUM_ATTR_ID], "a");
	teardown(&f);
}
END_TEST

START_TEST(test_check_reports_everything)
{
	struct fixture f;
	pactum_node *s, *para, *n, *t;
	pactum_pos pos;
	size_t i;
	int dup_line_seen = 0;

	setup(&f);
	/* terms come before the body; a term named through another that is
	 * named through it */
	t = add(&f, f.root, PACTUM_NODE_TERM, "a");
	n = add(&f, add(&f, t, PACTUM_NODE_NAME, NULL), PACTUM_NODE_TERM_REF,
		NULL);
	set(&f, n, PACTUM_ATTR_REF, "b");
	add_text_node(&f, t, PACTUM_NODE_DEFINITION, "A");
	t = add(&f, f.root, PACTUM_NODE_TERM, "b");
	n = add(&f, add(&f, t, PACTUM_NODE_NAME, NULL), PACTUM_NODE_TERM_REF,
		NULL);
	set(&f, n, PACTUM_ATTR_REF, "a");
	add_text_node(&f, t, PACTUM_NODE_DEFINITION, "B");
	s = section(&f, "one");
	para = add(&f, s, PACTUM_NODE_PARAGRAPH, "p1");
	n = add(&f, para, PACTUM_NODE_TERM_REF, NULL);
	set(&f, n, PACTUM_ATTR_REF, "nothing");
	n = add(&f, para, PACTUM_NODE_XREF, NULL);
	set(&f, n, PACTUM_ATTR_REF, "p1"); /* a paragraph: not a target */
	n = add(&f, para, PACTUM_NODE_FIELD, NULL);
	set(&f, n, PACTUM_ATTR_PARTY, "vendor");
	set(&f, n, PACTUM_ATTR_NAME, "phone");
	section(&f, "one"); /* duplicate */
	ck_assert_int_eq(pactum__model_check(f.m, f.diag), PACTUM_EINPUT);
	ck_assert(reported(&f, "unknown term \"nothing\""));
	ck_assert(reported(&f, "references go to sections, clauses, list items, annexes and recitals"));
	ck_assert(reported(&f, "party \"vendor\" has no field \"phone\""));
	ck_assert(reported(&f, "duplicate id \"one\" on <section>"));
	ck_assert(reported(&f, "the name of term \"a\" is made of itself"));
	ck_assert(reported(&f, "the name of term \"b\" is made of itself"));
	/* unused parameters and terms are warnings */
	ck_assert(reported(&f, "parameter \"exclusive\" is never used"));
	ck_assert(reported(&f, "term \"products\" is never used"));
	ck_assert_uint_eq(pactum_diag_count(f.diag, PACTUM_WARNING), 4);
	for (i = 0; i < pactum_diag_size(f.diag); i++) {
		const char *msg = pactum_diag_entry(f.diag, i, NULL, &pos);

		ck_assert_str_eq(pos.file, "m.xml");
		ck_assert_uint_gt(pos.line, 0);
		if (strstr(msg, "first used on line"))
			dup_line_seen = 1;
	}
	ck_assert(dup_line_seen);
	teardown(&f);
}
END_TEST

START_TEST(test_structure_errors)
{
	struct fixture f;
	pactum_node *s, *n;

	setup(&f);
	s = add(&f, f.root, PACTUM_NODE_SECTION, "s"); /* no title */
	n = add(&f, s, PACTUM_NODE_ITEM, NULL);        /* item outside a list */
	text(&f, n, "x");
	text(&f, s, "stray text");
	n = add(&f, f.root, PACTUM_NODE_PARAM, "odd");
	set(&f, n, PACTUM_ATTR_TYPE, "colour");
	n = add(&f, f.root, PACTUM_NODE_PARAM, "when");
	set(&f, n, PACTUM_ATTR_TYPE, "date");
	set(&f, n, PACTUM_ATTR_DEFAULT, "2027-02-30");
	ck_assert_int_eq(pactum__model_check(f.m, f.diag), PACTUM_EINPUT);
	ck_assert(reported(&f, "<section> needs a <title>"));
	ck_assert(reported(&f, "<item> is not allowed in <section>"));
	ck_assert(reported(&f, "text is not allowed in <section>"));
	ck_assert(reported(&f, "unknown type \"colour\""));
	ck_assert(reported(&f, "default \"2027-02-30\" of \"when\""));
	teardown(&f);
}
END_TEST

START_TEST(test_check_out_of_memory)
{
	struct fixture f;
	long n;
	int r;

	/* Every allocation of a check, failing in turn: never a crash or a
	 * leak, always ENOMEM (or success once enough succeed). */
	for (n = 0; n < 400; n++) {
		setup(&f);
		text(&f, add(&f, section(&f, "s"), PACTUM_NODE_PARAGRAPH, NULL),
		     "x");
		pactum__alloc_fail_after(n);
		r = pactum__model_check(f.m, f.diag);
		pactum__alloc_fail_after(-1);
		ck_assert(r == PACTUM_ENOMEM || r == PACTUM_OK);
		teardown(&f);
		if (r == PACTUM_OK)
			break;
	}
	ck_assert_int_lt(n, 400);
}
END_TEST

/* The whole of file rel below $top_srcdir, NUL-terminated; owned. */
static char *slurp(const char *rel)
{
	const char *top = getenv("top_srcdir");
	char path[4096];
	FILE *f;
	char *text;
	long n;

	snprintf(path, sizeof(path), "%s/%s", top ? top : "..", rel);
	f = fopen(path, "rb");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	text = malloc((size_t)n + 1);
	ck_assert(text != NULL);
	ck_assert_uint_eq(fread(text, 1, (size_t)n, f), (size_t)n);
	text[n] = '\0';
	fclose(f);
	return text;
}

/* What the kind and type tables say is not copied by hand into the
 * schema and the README without a check: every element, attribute and
 * value type is in model.rng, every element in the README. */
START_TEST(test_kind_table_documented)
{
	char *rng = slurp("plugins/xml/model.rng");
	char *readme = slurp("README.md");
	char want[128];
	pactum_node_kind k;
	unsigned a;

	for (k = PACTUM_NODE_AGREEMENT; k <= PACTUM_NODE_LAST_; k++) {
		const pactum_kind_info *info = pactum__kind(k);

		if (info == NULL || k == PACTUM_NODE_TEXT)
			continue;
		snprintf(want, sizeof(want), "<element name=\"%s\"", info->name);
		ck_assert_msg(strstr(rng, want) != NULL, "model.rng lacks %s",
			      want);
		snprintf(want, sizeof(want), "`%s`", info->name);
		if (strstr(readme, want) == NULL) /* or as `<var name=...` */
			snprintf(want, sizeof(want), "`<%s", info->name);
		ck_assert_msg(strstr(readme, want) != NULL,
			      "README.md never names <%s>", info->name);
	}
	for (a = 0; a < PACTUM_ATTR_COUNT_; a++) {
		snprintf(want, sizeof(want), "<attribute name=\"%s\"",
			 pactum__attr_name((pactum_attr)a));
		ck_assert_msg(strstr(rng, want) != NULL, "model.rng lacks %s",
			      want);
	}
	for (a = PACTUM_TYPE_TEXT; a <= PACTUM_TYPE_CHOICE; a++) {
		snprintf(want, sizeof(want), "<value type=\"string\">%s</value>",
			 pactum__type_name((pactum_type)a));
		ck_assert_msg(strstr(rng, want) != NULL,
			      "model.rng lacks the type %s", want);
	}
	free(rng);
	free(readme);
}
END_TEST

Suite *model_suite(void)
{
	Suite *s = suite_create("model");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_unit_msgid);
	tcase_add_test(tc, test_template_check);
	tcase_add_test(tc, test_alternatives_check);
	tcase_add_test(tc, test_tokenizer);
	tcase_add_loop_test(tc, test_conditions_valid, 0, 6);
	tcase_add_loop_test(tc, test_conditions_invalid, 0, 9);
	tcase_add_test(tc, test_conditions_eval);
	tcase_add_loop_test(tc, test_computations, 0,
			    PACTUM_ARRAY_SIZE(computations));
	tcase_add_test(tc, test_computation_cycle);
	tcase_add_test(tc, test_check_reports_everything);
	tcase_add_test(tc, test_structure_errors);
	tcase_add_test(tc, test_check_out_of_memory);
	tcase_add_test(tc, test_kind_table_documented);
	suite_add_tcase(s, tc);
	return s;
}
