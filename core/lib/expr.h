/* Expressions: the conditions of blocks ("if" attributes) and the values of
 * computed parameters ("value" attributes), in one language:
 *
 *     exclusive and discount >= 20 and not (law = 'english')
 *     loc-amount / 2
 *     start + term - 1d
 *
 * Parsed and type-checked once, when the model is checked, whether or not a
 * branch is ever taken; evaluated per deal.  Arithmetic is exact (see
 * arith.h); the README, "Expressions", documents every operator and the
 * types it takes. */
#ifndef PACTUM_EXPR_H
#define PACTUM_EXPR_H

#include "model.h"

typedef struct pactum_expr pactum_expr;
typedef pactum_expr pactum_cond; /* an expression of type boolean */

/*
 * Parse text, the "if" of node, as a condition, resolving names against the
 * model's parameters.  Reports every problem at the node's position.  The
 * result is allocated in the model's arena.  Returns PACTUM_OK,
 * PACTUM_EINPUT or PACTUM_ENOMEM.
 */
int pactum__cond_parse(pactum_cond **out, pactum_model *model,
		       const pactum_node *node, const char *text,
		       pactum_diag *diag);

/* Parse text, the "value" of the computed parameter param, as an expression
 * of param's type; as pactum__cond_parse() otherwise. */
int pactum__expr_parse(pactum_expr **out, pactum_model *model,
		       const pactum_node *param, const char *text,
		       pactum_diag *diag);

/* The computed parameters expr reads (its own or others'), deps[0..n). */
size_t pactum__expr_deps(const pactum_node *const **deps,
			 const pactum_expr *expr);

/*
 * Evaluate against the values of the model's parameters, indexed like
 * model->param_list.  A money result is rounded half away from zero to its
 * currency's minor units.  Returns PACTUM_OK, or PACTUM_EINPUT with an
 * English reason marked N_() in *why ("division by zero").
 */
int pactum__expr_eval(pactum_value *out, const pactum_expr *expr,
		      const pactum_value *values, const char **why);

/* Nonzero when the condition holds.  A condition that cannot be evaluated
 * (a division by zero in it) does not hold; pactum__expr_eval() says why,
 * and the resolver asks it before anything relies on this. */
int pactum__cond_eval(const pactum_cond *cond, const pactum_value *values);

/* The alternative of choose (a CHOOSE node) that values take: its first
 * WHEN whose condition holds, else its OTHERWISE, else NULL. */
const pactum_node *pactum__cond_pick(const pactum_node *choose,
				     const pactum_value *values);

#endif /* PACTUM_EXPR_H */
