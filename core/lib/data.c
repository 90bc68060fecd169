/* Deal data: values for parameters and party fields, from files and from
 * --set.  Values stay strings here; a model gives them their types. */
#include "config.h"

#include <string.h>

#include "data.h"

int pactum_data_new(pactum_data **out)
{
	pactum_data *data;

	*out = NULL;
	data = pactum_malloc(sizeof(*data));
	if (data == NULL)
		return PACTUM_ENOMEM;
	memset(data, 0, sizeof(*data));
	if (pactum__arena_new(&data->arena) != PACTUM_OK) {
		pactum_free(data);
		return PACTUM_ENOMEM;
	}
	*out = data;
	return PACTUM_OK;
}

void pactum_data_free(pactum_data *data)
{
	if (data == NULL)
		return;
	pactum__map_free(&data->index);
	pactum_free(data->items);
	pactum__arena_free(data->arena);
	pactum_free(data);
}

int pactum_data_set(pactum_data *data, const char *name, size_t name_len,
		    const char *value, size_t value_len,
		    const pactum_pos *pos)
{
	pactum_datum *d, **items;

	d = pactum__map_get(&data->index, name, name_len);
	if (d == NULL) {
		d = pactum__arena_calloc(data->arena, sizeof(*d));
		if (d == NULL)
			return PACTUM_ENOMEM;
		d->name = pactum__arena_strndup(data->arena, name, name_len);
		if (d->name == NULL)
			return PACTUM_ENOMEM;
		items = pactum_realloc(data->items,
				       (data->count + 1) * sizeof(*items));
		if (items == NULL)
			return PACTUM_ENOMEM;
		data->items = items;
		if (pactum__map_put(&data->index, d->name, d, NULL) != PACTUM_OK)
			return PACTUM_ENOMEM;
		d->index = data->count;
		items[data->count++] = d;
	}
	else if (pos && pos->file && d->pos.file &&
		 strcmp(pos->file, d->pos.file) == 0) {
		/* The last would win without a word, and a product could drop
		 * out of the contract: keep the first and report. */
		if (!d->repeated) {
			d->repeated = 1;
			d->again = *pos;
			d->again.file = d->pos.file;
		}
		return PACTUM_OK;
	}
	d->value = pactum__arena_strndup(data->arena, value, value_len);
	if (d->value == NULL)
		return PACTUM_ENOMEM;
	d->len = value_len;
	d->pos.file = NULL;
	d->pos.line = pos ? pos->line : 0;
	d->pos.col = pos ? pos->col : 0;
	if (pos && pos->file) {
		d->pos.file = pactum__arena_strdup(data->arena, pos->file);
		if (d->pos.file == NULL)
			return PACTUM_ENOMEM;
	}
	return PACTUM_OK;
}

int pactum__data_report_repeated(pactum_data *data, pactum_diag *diag)
{
	size_t i;
	int error = PACTUM_OK;

	for (i = 0; i < data->count; i++) {
		pactum_datum *d = data->items[i];

		if (!d->repeated || d->repeated == 2)
			continue;
		d->repeated = 2; /* reported */
		if (d->pos.line)
			pactum_diag_report(diag, PACTUM_ERROR, &d->again,
					   _("\"%s\" is given twice (first on "
					     "line %lu)"),
					   d->name, (unsigned long)d->pos.line);
		else
			pactum_diag_report(diag, PACTUM_ERROR, &d->again,
					   _("\"%s\" is given twice"), d->name);
		error = PACTUM_EINPUT;
	}
	return error;
}

int pactum_data_set_arg(pactum_data *data, const char *assignment,
			pactum_diag *diag)
{
	const char *eq = strchr(assignment, '=');
	pactum_pos pos = { "--set", 0, 0 };
	int error;

	if (eq == NULL || eq == assignment) {
		pactum_diag_report(diag, PACTUM_ERROR, &pos,
				   _("\"%s\": expected NAME=VALUE"), assignment);
		return PACTUM_EINPUT;
	}
	error = pactum_data_set(data, assignment, (size_t)(eq - assignment),
				eq + 1, strlen(eq + 1), &pos);
	if (error == PACTUM_OK)
		error = pactum__data_report_repeated(data, diag);
	return error;
}

int pactum_data_load(pactum_data *data, const pactum_registry *reg,
		     const char *path, pactum_diag *diag)
{
	const pactum_plugin *reader = pactum_registry_find_reader(reg, path);
	pactum_pos pos = { path, 0, 0 };
	char *bytes = NULL;
	size_t len;
	int error;

	if (reader == NULL ||
	    pactum__plugin_descriptor(reader)->read_data == NULL) {
		pactum_diag_report(diag, PACTUM_ERROR, &pos,
				   _("no reader plugin reads deal data of this "
				     "kind of file"));
		return PACTUM_ENOTFOUND;
	}
	error = pactum__file_read(&bytes, &len, path, PACTUM_MAX_INPUT, diag);
	if (error == PACTUM_ENOTFOUND || error == PACTUM_EIO)
		error = PACTUM_EINPUT; /* the user named a file we cannot read */
	if (error == PACTUM_OK)
		error = pactum__plugin_read_data(reader, data, path, bytes,
						 len, diag);
	if (error == PACTUM_OK || error == PACTUM_EINPUT) {
		int repeated = pactum__data_report_repeated(data, diag);

		if (error == PACTUM_OK)
			error = repeated;
	}
	pactum_free(bytes);
	return error;
}

size_t pactum_data_count(const pactum_data *data)
{
	return data->count;
}

int pactum_data_entry(const pactum_data *data, size_t i, const char **name,
		      const char **value)
{
	if (i >= data->count)
		return PACTUM_EINVAL;
	if (name)
		*name = data->items[i]->name;
	if (value)
		*value = data->items[i]->value;
	return PACTUM_OK;
}

const char *pactum_data_get(const pactum_data *data, const char *name)
{
	const pactum_datum *d =
		pactum__map_get(&data->index, name, strlen(name));

	return d ? d->value : NULL;
}
