/* Agreement models: the xml reader (plugins/xml/model.c, parse.c,
 * scan.c), the includes of clause libraries, the check against the
 * core's table of node kinds, then what 'pactum render' does with a model
 * that passes: bind a deal, resolve (conditions, computations, numbers)
 * and translate into German and English from the test catalogs and the
 * templates'.  The input is the model, then FUZZ_DEAL_SEP and the deal
 * (without it, the demo deal); an input of odd size renders in draft
 * mode (units without a translation in English), one of even size
 * strictly.  The model's every unit is listed as 'pactum extract' would.
 * FUZZ_DEBUG=1 in the environment prints the diagnostics. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

static pactum_registry *reg;
static pactum_translator *tr;
static char *demo_deal;
static size_t demo_len;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static const pactum_plugin_desc *const descs[] = { &fuzz_plugin_xml,
							   NULL };

	(void)argc;
	(void)argv;
	fuzz_setup();
	reg = fuzz_registry(descs);
	tr = fuzz_translator();
	if (pactum__file_read(&demo_deal, &demo_len,
			      fuzz_source_path("tests/data/demo-deal.xml"),
			      PACTUM_MAX_INPUT, NULL) != PACTUM_OK)
		abort();
	return 0;
}

static void units(const pactum_model *model)
{
	size_t i, n = pactum_model_unit_count(model);

	for (i = 0; i < n && i < 64; i++) {
		const char *ctx, *msgid, *plural, *role, *note;
		pactum_pos pos;
		char *id = NULL;

		fuzz_status(pactum_model_unit(model, i, &ctx, &msgid, &plural,
					      &role, &note, &pos),
			    "model_unit");
		if (pactum_model_unit_suggest_id(model, i, &id, &pos) ==
		    PACTUM_EINVAL)
			abort();
		pactum_free(id);
		(void)pactum_model_unit_domain(model, i);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const langs[] = { "de", "en" };
	const uint8_t *model_bytes, *rest = data;
	size_t model_len, rest_len = size;
	pactum_model *model;
	pactum_data *deal = NULL;
	pactum_doc *doc = NULL;
	pactum_diag *diag;

	if (size > 256 * 1024 || pactum_diag_new(&diag) != PACTUM_OK)
		return 0;
	fuzz_split(&model_bytes, &model_len, &rest, &rest_len, FUZZ_DEAL_SEP);
	model = fuzz_model(reg, FUZZ_MODEL_PATH, (const char *)model_bytes,
			   model_len, diag);
	if (model == NULL)
		goto done;
	units(model);
	if (rest_len == 0 && rest == data + size && model_len == size)
		deal = fuzz_data(reg, "deal.xml", demo_deal, demo_len, diag);
	else
		deal = fuzz_data(reg, "deal.xml", (const char *)rest, rest_len,
				 diag);
	if (deal == NULL)
		goto done;
	pactum_translator_set_draft(tr, (int)(size & 1));
	fuzz_status(pactum_doc_new(&doc, model, deal, tr, langs, 2, diag),
		    "doc_new");
done:
	/* what the CLI prints, escaped */
	if (getenv("FUZZ_DEBUG") != NULL)
		pactum_diag_flush(diag, stderr);
	fuzz_flush(diag);
	pactum_doc_free(doc);
	pactum_data_free(deal);
	pactum_model_free(model);
	pactum_diag_free(diag);
	return 0;
}
