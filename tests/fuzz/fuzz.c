/* What the fuzz targets share (fuzz.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "model.h"

pactum_registry *fuzz_registry(const pactum_plugin_desc *const *descs)
{
	pactum_registry *reg;
	size_t i;

	if (pactum_registry_new(&reg) != PACTUM_OK)
		abort();
	for (i = 0; descs[i] != NULL; i++) {
		const char *name = descs[i]->name;
		char file[64];

		snprintf(file, sizeof(file), "(linked in: %s)", name);
		if (pactum__registry_add(reg, descs[i], file) != PACTUM_OK) {
			fprintf(stderr, "fuzz: plugin %s refused\n", name);
			abort();
		}
	}
	return reg;
}

static const char *tree_path(const char *top, const char *rel)
{
	static char buf[4096];

	if ((size_t)snprintf(buf, sizeof(buf), "%s/%s", top, rel) >=
	    sizeof(buf))
		abort();
	return buf;
}

const char *fuzz_build_path(const char *rel)
{
	return tree_path(FUZZ_BUILDDIR, rel);
}

const char *fuzz_source_path(const char *rel)
{
	return tree_path(FUZZ_SRCDIR, rel);
}

const char *fuzz_catalog_path(void)
{
	return FUZZ_BUILDDIR "/catalogs:" FUZZ_BUILDDIR
			     "/tests/catalogs/complete";
}

void fuzz_setup(void)
{
	static int done;

	if (done)
		return;
	done = 1;
	/* the clause library the templates include, found as
	 * pactum-uninstalled finds it, and the bad tests' libraries;
	 * PACTUM_XML_TEST_CHUNK is the deal target's to set */
	setenv("PACTUM_LIBRARY_PATH",
	       FUZZ_SRCDIR "/templates:" FUZZ_SRCDIR "/tests/data/bad", 1);
	setenv("PACTUM_CATALOG_PATH", fuzz_catalog_path(), 1);
}

pactum_translator *fuzz_translator(void)
{
	pactum_translator *tr;

	if (pactum_translator_new(&tr, fuzz_catalog_path()) != PACTUM_OK)
		abort();
	return tr;
}

pactum_model *fuzz_model(const pactum_registry *reg, const char *path,
			 const char *bytes, size_t len, pactum_diag *diag)
{
	const pactum_plugin *reader = pactum_registry_find_reader(reg, path);
	pactum_model *model = NULL;
	int error, included;

	if (reader == NULL)
		abort();
	/* pactum_model_load() and pactum__model_read(), from memory */
	if (pactum__model_new(&model, path) != PACTUM_OK)
		return NULL;
	error = pactum__plugin_read_model(reader, model, model->file, bytes,
					  len, diag);
	/* PACTUM_EIO: not well-formed, nothing of it is checked */
	if (error == PACTUM_EIO)
		goto fail;
	fuzz_status(error, "read_model");
	if (error == PACTUM_ENOMEM || model->root == NULL)
		goto fail;
	included = pactum__model_include(model, reg, diag);
	fuzz_status(included, "include");
	if (included == PACTUM_ENOMEM || error == PACTUM_OK)
		error = included;
	if (error == PACTUM_ENOMEM)
		goto fail;
	if (error == PACTUM_EINPUT) {
		fuzz_status(pactum__model_check(model, diag), "check");
		goto fail;
	}
	error = pactum__model_check(model, diag);
	fuzz_status(error, "check");
	if (error != PACTUM_OK)
		goto fail;
	return model;
fail:
	pactum_model_free(model);
	return NULL;
}

pactum_data *fuzz_data(const pactum_registry *reg, const char *path,
		       const char *bytes, size_t len, pactum_diag *diag)
{
	const pactum_plugin *reader = pactum_registry_find_reader(reg, path);
	pactum_data *data;
	int error;

	if (reader == NULL || pactum_data_new(&data) != PACTUM_OK)
		abort();
	error = pactum__plugin_read_data(reader, data, path, bytes, len, diag);
	fuzz_status(error, "read_data");
	if (error == PACTUM_OK) {
		error = pactum__data_report_repeated(data, diag);
		fuzz_status(error, "report_repeated");
	}
	if (error != PACTUM_OK) {
		pactum_data_free(data);
		return NULL;
	}
	return data;
}

void fuzz_status(int status, const char *what)
{
	switch (status) {
	case PACTUM_OK:
	case PACTUM_EINPUT:
	case PACTUM_EUNTRANSLATED:
	case PACTUM_ENOMEM:
		return;
	default:
		fprintf(stderr, "fuzz: %s returned %d\n", what, status);
		abort();
	}
}

char *fuzz_strndup(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (s == NULL)
		abort();
	if (size)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

void fuzz_split(const uint8_t **part, size_t *part_len, const uint8_t **data,
		size_t *size, const char *sep)
{
	size_t n = strlen(sep), i;

	*part = *data;
	for (i = 0; i + n <= *size; i++)
		if (memcmp(*data + i, sep, n) == 0) {
			*part_len = i;
			*data += i + n;
			*size -= i + n;
			return;
		}
	*part_len = *size;
	*data += *size;
	*size = 0;
}

void fuzz_flush(pactum_diag *diag)
{
	static FILE *null;

	if (null == NULL && (null = fopen("/dev/null", "w")) == NULL)
		abort();
	if (pactum_diag_flush(diag, null) != PACTUM_OK)
		abort();
}
