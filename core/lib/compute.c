/* Computed parameters (<param value="loc-amount / 2">): parsed and put in
 * an order of evaluation when the model is checked, evaluated per deal
 * before anything is placed, together with a trial of every condition, so
 * that a division by zero is an error with a position and never a silent
 * "false". */
#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "compute.h"
#include "doc.h"
#include "expr.h"
#include "records.h"

static void report(pactum_model *model, pactum_diag *diag,
		   const pactum_node *n, const char *fmt, ...)
	PACTUM_PRINTF(4, 5);

static void report(pactum_model *model, pactum_diag *diag,
		   const pactum_node *n, const char *fmt, ...)
{
	pactum_pos pos = pactum__node_pos(model, n);
	pactum_buf msg = PACTUM_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	pactum__buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	pactum_diag_report(diag, PACTUM_ERROR, &pos, "%s",
			   msg.ptr ? msg.ptr : _("out of memory"));
	pactum__buf_free(&msg);
}

/* Can p's type be computed?  Text and choices are written, not
 * computed. */
static int computable(const pactum_node *p)
{
	return p->type != PACTUM_TYPE_TEXT && p->type != PACTUM_TYPE_CHOICE;
}

static size_t deps_of(const pactum_node *const **deps, const pactum_node *p)
{
	*deps = NULL;
	return p->value ? pactum__expr_deps(deps, p->value) : 0;
}

/*
 * Kahn's algorithm over "reads": a computed parameter comes after those it
 * reads; what is left at the end depends on itself.  Linear in the
 * parameters and their reads, and without recursion: readers[start[i] ..
 * start[i + 1]) are the parameters that read list[i].
 */
static int order(pactum_model *model, pactum_diag *diag, pactum_node **list,
		 size_t n)
{
	size_t *waiting = pactum__calloc(n + 1, sizeof(size_t));
	size_t *start = pactum__calloc(n + 2, sizeof(size_t));
	size_t *ready = pactum__calloc(n + 1, sizeof(size_t));
	size_t *readers = NULL, *fill = NULL;
	size_t i, k, head = 0, tail = 0, edges = 0;
	const pactum_node *const *deps;
	int error = PACTUM_OK;

	if (waiting == NULL || start == NULL || ready == NULL)
		goto nomem;
	/* visit: a computed parameter's place in list, + 1; 0 for what it may
	 * read and is not in list (given by the deal, or refused with its own
	 * message: a text with a value, say), which orders nothing */
	for (i = 0; i < model->nparams; i++)
		model->param_list[i]->visit = 0;
	for (i = 0; i < n; i++)
		list[i]->visit = (unsigned)i + 1;
	for (i = 0; i < n; i++) {
		size_t nd = deps_of(&deps, list[i]);

		for (k = 0; k < nd; k++)
			if (deps[k]->visit != 0) {
				start[deps[k]->visit]++;
				waiting[i]++;
			}
		edges += waiting[i];
	}
	for (i = 1; i <= n + 1; i++) /* start[i] counted list[i - 1]'s */
		start[i] += start[i - 1];
	readers = pactum__calloc(edges + 1, sizeof(size_t));
	fill = pactum__calloc(n + 1, sizeof(size_t));
	model->computed = pactum__arena_alloc(model->arena,
					      (n + 1) * sizeof(*model->computed));
	if (readers == NULL || fill == NULL || model->computed == NULL)
		goto nomem;
	for (i = 0; i < n; i++) {
		size_t nd = deps_of(&deps, list[i]);

		for (k = 0; k < nd; k++)
			if (deps[k]->visit != 0) {
				size_t d = deps[k]->visit - 1;

				readers[start[d] + fill[d]++] = i;
			}
		if (waiting[i] == 0)
			ready[tail++] = i;
	}
	while (head < tail) {
		size_t r = ready[head++];

		model->computed[model->ncomputed++] = list[r];
		for (k = start[r]; k < start[r + 1]; k++)
			if (--waiting[readers[k]] == 0)
				ready[tail++] = readers[k];
	}
	for (i = 0; i < n; i++)
		if (waiting[i] > 0) {
			report(model, diag, list[i],
			       _("the value of \"%s\" depends on itself, "
				 "through the computed parameters it reads"),
			       list[i]->attr[PACTUM_ATTR_ID]);
			error = PACTUM_EINPUT;
		}
	goto cleanup;
nomem:
	error = PACTUM_ENOMEM;
cleanup:
	pactum_free(waiting);
	pactum_free(start);
	pactum_free(ready);
	pactum_free(readers);
	pactum_free(fill);
	return error;
}

/* A computed field of a list's records (<detail id="net" value=
 * "items.quantity * items.price">) reads the given fields of its record
 * and parameters a deal gives, nothing computed: so it needs no order, and
 * every record's can be had before the parameters that sum them. */
static int check_field(pactum_model *model, pactum_node *p, pactum_diag *diag)
{
	const pactum_node *const *deps;
	size_t i, n;
	int error;

	if (!computable(p)) {
		report(model, diag, p->detail,
		       _("a %s field cannot be computed; only numbers, "
			 "amounts, dates, durations and conditions can"),
		       pactum__type_name(p->type));
		return PACTUM_EINPUT;
	}
	if (p->attr[PACTUM_ATTR_REQUIRED]) {
		report(model, diag, p->detail,
		       _("\"%s\" is computed, so it does not take "
			 "\"required\""),
		       p->attr[PACTUM_ATTR_ID]);
		return PACTUM_EINPUT;
	}
	error = pactum__expr_parse(&p->value, model, p,
				   p->attr[PACTUM_ATTR_VALUE], diag);
	if (error != PACTUM_OK)
		return error;
	n = deps_of(&deps, p);
	for (i = 0; i < n; i++)
		if (deps[i]->attr[PACTUM_ATTR_VALUE] != NULL) {
			report(model, diag, p->detail,
			       _("the computed field \"%s\" reads \"%s\", "
				 "which is computed too; a computed field "
				 "reads only what the deal gives"),
			       p->attr[PACTUM_ATTR_ID],
			       deps[i]->attr[PACTUM_ATTR_ID]);
			error = PACTUM_EINPUT;
		}
	return error;
}

int pactum__compute_check(pactum_model *model, pactum_diag *diag)
{
	pactum_node **list = NULL;
	size_t i, n = 0;
	int error = PACTUM_OK, e;

	list = pactum__calloc(model->nparams ? model->nparams : 1,
			     sizeof(*list));
	if (list == NULL)
		return PACTUM_ENOMEM;
	for (i = 0; i < model->nparams; i++) {
		pactum_node *p = model->param_list[i];
		const char *v = p->attr[PACTUM_ATTR_VALUE];

		if (v == NULL || p->party != NULL)
			continue;
		if (p->list != NULL) {
			e = check_field(model, p, diag);
			if (e == PACTUM_ENOMEM) {
				error = e;
				goto cleanup;
			}
			if (e != PACTUM_OK)
				error = PACTUM_EINPUT;
			continue;
		}
		if (!computable(p)) {
			report(model, diag, p,
			       _("a %s parameter cannot be computed; only "
				 "numbers, amounts, dates, durations and "
				 "conditions can"),
			       pactum__type_name(p->type));
			error = PACTUM_EINPUT;
			continue;
		}
		if (p->attr[PACTUM_ATTR_DEFAULT] || p->attr[PACTUM_ATTR_REQUIRED]) {
			report(model, diag, p,
			       _("\"%s\" is computed, so it takes neither a "
				 "default nor \"required\""),
			       p->attr[PACTUM_ATTR_ID]);
			error = PACTUM_EINPUT;
		}
		e = pactum__expr_parse(&p->value, model, p, v, diag);
		if (e == PACTUM_ENOMEM) {
			error = e;
			goto cleanup;
		}
		if (e != PACTUM_OK)
			error = PACTUM_EINPUT;
		list[n++] = p;
	}
	e = order(model, diag, list, n);
	if (e != PACTUM_OK)
		error = e;
cleanup:
	pactum_free(list);
	return error;
}

/* Evaluate the condition of n, reporting why it cannot be decided (for
 * record number record of a list, when not 0). */
static void try_condition(pactum_doc *doc, const pactum_node *n,
			  size_t record)
{
	pactum_pos pos = pactum__node_pos(doc->model, n);
	const char *why;
	pactum_value v;

	if (n->cond == NULL ||
	    pactum__expr_eval(&v, n->cond, doc->values, &why) == PACTUM_OK)
		return;
	if (record == 0)
		pactum__doc_report(doc, PACTUM_ERROR, &pos,
				   _("cannot decide the condition \"%s\" for "
				     "this deal: %s"),
				   n->attr[PACTUM_ATTR_IF], _(why));
	else
		pactum__doc_report(doc, PACTUM_ERROR, &pos,
				   _("cannot decide the condition \"%s\" for "
				     "record %zu: %s"),
				   n->attr[PACTUM_ATTR_IF], record, _(why));
}

void pactum__compute_record(pactum_doc *doc, const pactum_node *repeat,
			    size_t record)
{
	const pactum_node *n = repeat;

	/* the subtree in document order, without recursion */
	while (n != NULL) {
		try_condition(doc, n, record);
		if (n->first) {
			n = n->first;
			continue;
		}
		while (n != repeat && n->next == NULL)
			n = n->parent;
		n = n == repeat ? NULL : n->next;
	}
}

/* Does the deal give p: a boolean that is yes, any other value that is
 * there and not empty? */
static int given(const pactum_doc *doc, const pactum_node *p)
{
	const pactum_value *v = &doc->values[p->index];

	if (!doc->has_value[p->index])
		return 0;
	if (p->type == PACTUM_TYPE_BOOLEAN)
		return v->u.boolean;
	if (p->type == PACTUM_TYPE_TEXT)
		return v->u.text.len > 0;
	return 1;
}

/* The <require> rules whose condition holds, with the names they list. */
static void check_rules(pactum_doc *doc)
{
	const pactum_model *model = doc->model;
	const pactum_node *n;

	for (n = model->root->first; n && !doc->nomem; n = n->next) {
		const char *all, *list, *p, *end;
		pactum_buf names = PACTUM_BUF_INIT;
		size_t missing = 0, some = 0;
		pactum_pos pos;

		if (n->kind != PACTUM_NODE_REQUIRE ||
		    (n->cond && !pactum__cond_eval(n->cond, doc->values)))
			continue;
		all = n->attr[PACTUM_ATTR_ALL_OF];
		list = all ? all : n->attr[PACTUM_ATTR_ONE_OF];
		for (p = list; p && *p; p = end) {
			const pactum_node *param;

			while (*p == ' ')
				p++;
			for (end = p; *end && *end != ' '; end++)
				;
			param = pactum__map_get(&model->params, p,
						(size_t)(end - p));
			if (param == NULL)
				continue;
			if (given(doc, param)) {
				some++;
				continue;
			}
			pactum__buf_printf(&names, "%s\"%s\"",
					   names.len ? ", " : "",
					   param->attr[PACTUM_ATTR_ID]);
			missing++;
		}
		pos = pactum__node_pos(model, n);
		if (names.oom)
			doc->nomem = 1;
		else if (all && missing > 0 && n->cond)
			pactum__doc_report(doc, PACTUM_ERROR, &pos,
					   _("this deal must give %s, since "
					     "%s"),
					   names.ptr, n->attr[PACTUM_ATTR_IF]);
		else if (all && missing > 0)
			pactum__doc_report(doc, PACTUM_ERROR, &pos,
					   _("this deal must give %s"),
					   names.ptr);
		else if (!all && some == 0 && n->cond)
			pactum__doc_report(doc, PACTUM_ERROR, &pos,
					   _("this deal must give at least one "
					     "of %s, since %s"),
					   names.ptr, n->attr[PACTUM_ATTR_IF]);
		else if (!all && some == 0)
			pactum__doc_report(doc, PACTUM_ERROR, &pos,
					   _("this deal must give at least one "
					     "of %s"),
					   names.ptr);
		pactum__buf_free(&names);
	}
}

int pactum__compute_doc(pactum_doc *doc)
{
	const pactum_model *model = doc->model;
	const char *why;
	size_t i;

	/* the records' computed fields first: parameters may sum them */
	for (i = 0; i < model->nparams && !doc->nomem; i++)
		if (model->param_list[i]->type == PACTUM_TYPE_LIST)
			pactum__records_compute(doc, model->param_list[i]);
	for (i = 0; i < model->ncomputed; i++) {
		const pactum_node *p = model->computed[i];
		pactum_pos pos = pactum__node_pos(model, p);

		if (p->value == NULL)
			continue;
		if (pactum__expr_eval(&doc->values[p->index], p->value,
				      doc->values, &why) != PACTUM_OK) {
			pactum__doc_report(doc, PACTUM_ERROR, &pos,
					   _("cannot compute \"%s\" for this "
					     "deal: %s"),
					   p->attr[PACTUM_ATTR_ID], _(why));
			continue;
		}
		doc->has_value[p->index] = 1;
		pactum__doc_check_bounds(doc, p, &pos);
	}
	check_rules(doc);
	/* Every condition once, so that none fails silently later; those
	 * in a <repeat> record by record, when it is placed. */
	for (i = 0; i < model->nconditions && doc->errors == 0; i++)
		if (pactum__node_repeat(model->conditions[i]) == NULL)
			try_condition(doc, model->conditions[i], 0);
	return doc->nomem ? PACTUM_ENOMEM
			  : doc->errors ? PACTUM_EINPUT : PACTUM_OK;
}
