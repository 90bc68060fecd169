/* Deal data (plugins/xml/deal.c, stream.c and the core's deals.c): the
 * input's first byte picks how it is read, the rest is the file.
 *   even: whole, as --data reads one deal (read_data from memory);
 *   odd:  streamed, as 'pactum batch' reads a <deals> collection
 *         (pactum_data_each() over a file), in pieces of 1 to 4096
 *         bytes (the second byte, through PACTUM_XML_TEST_CHUNK).
 * Each deal read is bound to a model (its values parsed, checked and
 * formatted) as a render of it would be: the demo model, or one with every
 * type and lists, by the first byte. */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"

static pactum_registry *reg;
static pactum_translator *tr;
static pactum_model *models[3];
static char path[256];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static const pactum_plugin_desc *const descs[] = { &fuzz_plugin_xml,
							   NULL };
	static const char *const files[] = {
		"tests/data/demo.xml", "tests/data/types.xml",
		"tests/data/constructs/records.xml"
	};
	const char *tmp = getenv("TMPDIR");
	pactum_diag *diag;
	size_t i;

	(void)argc;
	(void)argv;
	fuzz_setup();
	reg = fuzz_registry(descs);
	tr = fuzz_translator();
	if (pactum_diag_new(&diag) != PACTUM_OK)
		abort();
	for (i = 0; i < PACTUM_ARRAY_SIZE(files); i++)
		if (pactum_model_load(&models[i], reg, fuzz_source_path(files[i]),
				      diag) != PACTUM_OK) {
			pactum_diag_flush(diag, stderr);
			abort();
		}
	pactum_diag_free(diag);
	/* the stream is read from a file, as the core reads it */
	snprintf(path, sizeof(path), "%s/pactum-fuzz-deal-%ld.xml",
		 tmp && *tmp ? tmp : "/tmp", (long)getpid());
	return 0;
}

struct bind {
	const pactum_model *model;
	size_t deals;
};

/* What a render does with a deal before writing: bind it to the model. */
static void bind(const pactum_model *model, const pactum_data *data)
{
	static const char *const langs[] = { "en", "de" };
	pactum_doc *doc = NULL;
	pactum_diag *diag;
	size_t i, n;

	n = pactum_data_count(data);
	for (i = 0; i < n; i++) {
		const char *name, *value;

		if (pactum_data_entry(data, i, &name, &value) != PACTUM_OK ||
		    name == NULL || value == NULL)
			abort();
		if (pactum_data_get(data, name) == NULL)
			abort();
	}
	if (pactum_diag_new(&diag) != PACTUM_OK)
		return;
	pactum_translator_set_draft(tr, 1);
	fuzz_status(pactum_doc_new(&doc, model, data, tr, langs, 2, diag),
		    "doc_new");
	pactum_doc_free(doc);
	pactum_diag_free(diag);
}

static int each(void *ctx, pactum_data *data, pactum_diag *deal_diag,
		size_t record, const pactum_pos *pos)
{
	struct bind *b = ctx;

	if (record != ++b->deals || pos == NULL)
		abort();
	/* a bad deal is reported and skipped; the first few good ones are
	 * bound (a stream may hold thousands) */
	if (pactum_diag_count(deal_diag, PACTUM_ERROR) == 0 && record <= 4)
		bind(b->model, data);
	pactum_data_free(data);
	pactum_diag_free(deal_diag);
	return PACTUM_OK;
}

static void stream(const pactum_model *model, const uint8_t *data,
		   size_t size, unsigned chunk)
{
	struct bind b = { model, 0 };
	pactum_diag *diag;
	char env[16];
	int fd;

	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0 || (size && write(fd, data, size) != (ssize_t)size) ||
	    close(fd) != 0)
		abort();
	snprintf(env, sizeof(env), "%u", chunk);
	setenv("PACTUM_XML_TEST_CHUNK", env, 1);
	if (pactum_diag_new(&diag) != PACTUM_OK)
		return;
	fuzz_status(pactum_data_each(reg, path, each, &b, diag), "data_each");
	pactum_diag_free(diag);
	unlink(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const pactum_model *model;
	pactum_diag *diag;
	pactum_data *deal;

	if (size < 2 || size > 1024 * 1024)
		return 0;
	model = models[(data[0] >> 1) % PACTUM_ARRAY_SIZE(models)];
	if (data[0] & 1) {
		/* 1..4096, small pieces more often */
		unsigned chunk = data[1] < 128 ? data[1] + 1u
					       : (data[1] - 127u) * 32u;

		stream(model, data + 2, size - 2, chunk);
		return 0;
	}
	if (pactum_diag_new(&diag) != PACTUM_OK)
		return 0;
	deal = fuzz_data(reg, "fuzz.xml", (const char *)data + 1, size - 1,
			 diag);
	if (deal != NULL)
		bind(model, deal);
	pactum_data_free(deal);
	pactum_diag_free(diag);
	return 0;
}
