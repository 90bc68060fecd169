/* Computed parameters: <param id="initial" type="money"
 * value="loc-amount / 2"/>. */
#ifndef PACTUM_COMPUTE_H
#define PACTUM_COMPUTE_H

#include "doc.h"

/* Parse every computed parameter's value and order them so that each
 * comes after those it reads (model->computed); a parameter that depends
 * on itself is an error.  Called by the check once every parameter is
 * declared.  Returns PACTUM_OK, PACTUM_EINPUT or PACTUM_ENOMEM. */
int pactum__compute_check(pactum_model *model, pactum_diag *diag);

/* Compute this deal's values of the computed parameters (after the
 * given ones are bound), check their bounds, and try every condition of
 * the model, reporting what cannot be computed or decided.  Returns
 * PACTUM_OK, PACTUM_EINPUT or PACTUM_ENOMEM. */
int pactum__compute_doc(pactum_doc *doc);

/* Try every condition in repeat (a REPEAT node) for its list's record
 * number record (1..), loaded: report those that cannot be decided. */
void pactum__compute_record(pactum_doc *doc, const pactum_node *repeat,
			    size_t record);

#endif /* PACTUM_COMPUTE_H */
