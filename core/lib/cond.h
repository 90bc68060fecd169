/* Conditions on blocks ("if" attributes), e.g.
 *     exclusive and discount >= 20 and not (law = 'english')
 * Parsed and type-checked once, when the model is checked, whether or not
 * a branch is ever taken; evaluated per deal. */
#ifndef PACTUM_COND_H
#define PACTUM_COND_H

#include "model.h"

typedef struct pactum_cond pactum_cond;

/*
 * Parse expr, the "if" of node, resolving names against the model's
 * parameters.  Reports every problem at the node's position.  The result is
 * allocated in the model's arena.  Returns PACTUM_OK, PACTUM_EINPUT or
 * PACTUM_ENOMEM.
 */
int pactum__cond_parse(pactum_cond **out, pactum_model *model,
		       const pactum_node *node, const char *expr,
		       pactum_diag *diag);

/* Evaluate against the values of the model's parameters, indexed like
 * model->param_list.  Nonzero when the condition holds. */
int pactum__cond_eval(const pactum_cond *cond, const pactum_value *values);

/* The alternative of choose (a CHOOSE node) that values take: its first
 * WHEN whose condition holds, else its OTHERWISE, else NULL. */
const pactum_node *pactum__cond_pick(const pactum_node *choose,
				     const pactum_value *values);

#endif /* PACTUM_COND_H */
