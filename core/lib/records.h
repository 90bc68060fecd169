/* Lists of records from deal data, shown by <repeat> (records.c). */
#ifndef PACTUM_RECORDS_H
#define PACTUM_RECORDS_H

#include "doc.h"

/* Bind the records of list (a PARAM of type list) from the deal data into
 * its value, reporting every bad or missing field and a count outside
 * min and max. */
void pactum__records_bind(pactum_doc *doc, const pactum_node *list);

/* Explain the datum d, which binds to nothing, if it names a list or a
 * field of one ("products.3.colour"); 0 if it does not. */
int pactum__records_explain(pactum_doc *doc, const pactum_datum *d);

/* Compute the computed fields of every record of list, reporting each
 * that cannot be with its record's number. */
void pactum__records_compute(pactum_doc *doc, const pactum_node *list);

/* Make rec, a record of list, the one its field parameters show. */
void pactum__records_load(pactum_doc *doc, const pactum_node *list,
			  const pactum_record *rec);

#endif /* PACTUM_RECORDS_H */
