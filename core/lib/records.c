/* Lists of records (<param type="list"> with <detail> fields): bound from
 * deal data, where record N of "products" is the datum "products.N" and
 * its fields "products.N.price", and shown one record at a time by
 * <repeat>.  A record's fields are parameters of their own
 * ("products.price", made by the check right after the list, so field k
 * has the index list->index + 1 + k); showing a record loads its values
 * into theirs. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "expr.h"
#include "records.h"

/* The datum "list.n" or "list.n.field" (field NULL for the record). */
static const pactum_datum *datum(const pactum_doc *doc,
				 const pactum_node *list, size_t n,
				 const char *field)
{
	char key[256];
	int len = field ? snprintf(key, sizeof(key), "%s.%zu.%s",
				   list->attr[PACTUM_ATTR_ID], n, field)
			: snprintf(key, sizeof(key), "%s.%zu",
				   list->attr[PACTUM_ATTR_ID], n);

	if (len < 0 || (size_t)len >= sizeof(key))
		return NULL;
	return pactum__map_get(&doc->data->index, key, (size_t)len);
}

/* Parse the fields of record n (at d) into rec. */
static void bind_record(pactum_doc *doc, const pactum_node *list, size_t n,
			const pactum_datum *d, pactum_record *rec)
{
	const pactum_model *model = doc->model;
	unsigned k;

	rec->pos = d->pos;
	for (k = 0; k < list->nfields; k++) {
		const pactum_node *p = model->param_list[list->index + 1 + k];
		const char *field = p->detail->attr[PACTUM_ATTR_ID];
		const char *req = p->attr[PACTUM_ATTR_REQUIRED], *expected;
		const pactum_datum *f = datum(doc, list, n, field);

		rec->fields[k].type = p->type;
		if (p->attr[PACTUM_ATTR_VALUE] != NULL) { /* computed */
			if (f != NULL)
				pactum__doc_report(
					doc, PACTUM_ERROR, &f->pos,
					_("\"%s\" of \"%s\" is computed; a deal "
					  "cannot give it"),
					field, list->attr[PACTUM_ATTR_ID]);
			continue;
		}
		if (f == NULL) {
			if (req == NULL || strcmp(req, "yes") == 0)
				pactum__doc_report(
					doc, PACTUM_ERROR, &d->pos,
					_("record %zu of \"%s\" has no \"%s\""),
					n, list->attr[PACTUM_ATTR_ID], field);
			continue;
		}
		doc->used[f->index] = 1;
		if (pactum__value_parse(&rec->fields[k], p->type, f->value,
					f->len, &expected) != PACTUM_OK) {
			pactum__doc_report(doc, PACTUM_ERROR, &f->pos,
					   _("\"%s\" is not a valid value for "
					     "\"%s\": expected %s"),
					   f->value, field, _(expected));
			continue;
		}
		if (p->type == PACTUM_TYPE_CHOICE && !pactum__param_choice(p, f->value, f->len)) {
			pactum__doc_report(doc, PACTUM_ERROR, &f->pos,
					   _("\"%s\" is not one of the choices of "
					     "\"%s\""),
					   f->value, field);
			continue;
		}
		rec->given[k] = 1;
	}
}

static void check_count(pactum_doc *doc, const pactum_node *list, size_t n)
{
	pactum_pos pos = pactum__node_pos(doc->model, list);
	const char *min = list->attr[PACTUM_ATTR_MIN];
	const char *max = list->attr[PACTUM_ATTR_MAX];

	if (min && (unsigned long long)n < strtoull(min, NULL, 10))
		pactum__doc_report(doc, PACTUM_ERROR, &pos,
				   _("\"%s\" has %zu records, fewer than its "
				     "minimum %s"),
				   list->attr[PACTUM_ATTR_ID], n, min);
	if (max && (unsigned long long)n > strtoull(max, NULL, 10))
		pactum__doc_report(doc, PACTUM_ERROR, &pos,
				   _("\"%s\" has %zu records, more than its "
				     "maximum %s"),
				   list->attr[PACTUM_ATTR_ID], n, max);
}

void pactum__records_bind(pactum_doc *doc, const pactum_node *list)
{
	pactum_value *v = &doc->values[list->index];
	pactum_record *records;
	const pactum_datum *d;
	size_t n = 0, i;

	/* records are numbered from 1 without gaps, by the reader */
	while (datum(doc, list, n + 1, NULL) != NULL)
		n++;
	v->type = PACTUM_TYPE_LIST;
	records = pactum__arena_calloc(doc->arena,
				       (n ? n : 1) * sizeof(*records));
	if (records == NULL) {
		doc->nomem = 1;
		return;
	}
	for (i = 0; i < n && !doc->nomem; i++) {
		d = datum(doc, list, i + 1, NULL);
		if (d == NULL)
			break; /* counted above: cannot happen */
		doc->used[d->index] = 1;
		records[i].fields = pactum__arena_calloc(
			doc->arena, (list->nfields + 1) * sizeof(pactum_value));
		records[i].given = pactum__arena_calloc(doc->arena,
							list->nfields + 1);
		if (records[i].fields == NULL || records[i].given == NULL) {
			doc->nomem = 1;
			return;
		}
		bind_record(doc, list, i + 1, d, &records[i]);
	}
	v->u.list.records = records;
	v->u.list.n = n;
	doc->has_value[list->index] = 1;
	check_count(doc, list, n);
}

int pactum__records_explain(pactum_doc *doc, const pactum_datum *d)
{
	const char *dot = strchr(d->name, '.');
	const pactum_node *list = pactum__map_get(
		&doc->model->params, d->name,
		dot ? (size_t)(dot - d->name) : strlen(d->name));
	char *end;
	unsigned long n;

	if (list == NULL || list->type != PACTUM_TYPE_LIST)
		return 0;
	if (dot == NULL) {
		pactum__doc_report(doc, PACTUM_ERROR, &d->pos,
				   _("\"%s\" is a list: its records come in "
				     "<list name=\"%s\">"),
				   d->name, d->name);
		return 1;
	}
	n = strtoul(dot + 1, &end, 10);
	if (*end != '.')
		return 0;
	pactum__doc_report(doc, PACTUM_ERROR, &d->pos,
			   _("record %lu of \"%s\" has a field \"%s\" that "
			     "its records do not have"),
			   n, list->attr[PACTUM_ATTR_ID], end + 1);
	return 1;
}

void pactum__records_compute(pactum_doc *doc, const pactum_node *list)
{
	const pactum_model *model = doc->model;
	const pactum_value *v = &doc->values[list->index];
	/* the records are the document's, made in pactum__records_bind() */
	pactum_record *records = (pactum_record *)v->u.list.records;
	const char *why;
	size_t r;
	unsigned k;

	for (k = 0; k < list->nfields; k++)
		if (model->param_list[list->index + 1 + k]->value != NULL)
			break;
	if (k == list->nfields || !doc->has_value[list->index])
		return; /* nothing computed */
	for (r = 0; r < v->u.list.n; r++) {
		pactum__records_load(doc, list, &records[r]);
		for (k = 0; k < list->nfields; k++) {
			const pactum_node *p =
				model->param_list[list->index + 1 + k];

			if (p->value == NULL)
				continue;
			if (pactum__expr_eval(&records[r].fields[k], p->value,
					      doc->values, &why) != PACTUM_OK) {
				pactum__doc_report(
					doc, PACTUM_ERROR, &records[r].pos,
					_("cannot compute \"%s\" for record "
					  "%zu of \"%s\": %s"),
					p->attr[PACTUM_ATTR_ID], r + 1,
					list->attr[PACTUM_ATTR_ID], _(why));
				continue;
			}
			records[r].given[k] = 1;
		}
	}
	doc->values[list->index].u.list.current = NULL;
}

void pactum__records_load(pactum_doc *doc, const pactum_node *list,
			  const pactum_record *rec)
{
	unsigned k;

	doc->values[list->index].u.list.current = rec;
	doc->values_epoch++; /* values formatted before are stale */
	for (k = 0; k < list->nfields; k++) {
		doc->values[list->index + 1 + k] = rec->fields[k];
		doc->has_value[list->index + 1 + k] = rec->given[k];
	}
}
