/* Expressions and conditions (core/lib/expr.c), as the check parses them
 * and resolve.c and compute.c evaluate them: the input's first byte picks
 * one of three checked models and what to parse (a condition, or the
 * value of one of the model's parameters, of its type), the second byte
 * the parameter, the rest is the text.  What parses is evaluated with
 * the values of the model's deal, and its value formatted in English and
 * German. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "doc.h"
#include "expr.h"
#include "model.h"

static const char *const models[][2] = {
	{ "tests/data/types.xml", NULL },
	{ "tests/data/constructs/computed.xml",
	  "tests/data/constructs/computed.deal.xml" },
	{ "tests/data/constructs/records.xml",
	  "tests/data/constructs/records.deal.xml" },
};

static struct loaded {
	pactum_model *model;
	pactum_data *data;
	pactum_doc *doc;
} loaded[PACTUM_ARRAY_SIZE(models)];
static pactum_registry *reg;
static pactum_translator *tr;
static const pactum_locale *locs[2];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static const pactum_plugin_desc *const descs[] = { &fuzz_plugin_xml,
							   NULL };
	static const char *const en[] = { "en" };
	pactum_diag *diag;
	size_t i;

	(void)argc;
	(void)argv;
	fuzz_setup();
	reg = fuzz_registry(descs);
	tr = fuzz_translator();
	if (pactum_diag_new(&diag) != PACTUM_OK)
		abort();
	for (i = 0; i < PACTUM_ARRAY_SIZE(models); i++) {
		struct loaded *l = &loaded[i];
		char model[4096];

		snprintf(model, sizeof(model), "%s", fuzz_source_path(models[i][0]));
		if (pactum_model_load(&l->model, reg, model, diag) != PACTUM_OK ||
		    pactum_data_new(&l->data) != PACTUM_OK ||
		    (models[i][1] ?
		     pactum_data_load(l->data, reg,
				      fuzz_source_path(models[i][1]), diag) :
		     pactum_data_set_arg(l->data, "a.name=Alpha GmbH",
					 diag)) != PACTUM_OK ||
		    pactum_doc_new(&l->doc, l->model, l->data, tr, en, 1,
				   diag) != PACTUM_OK) {
			pactum_diag_flush(diag, stderr);
			abort();
		}
	}
	if (pactum__translator_locale(&locs[0], tr, "en", diag) != PACTUM_OK ||
	    pactum__translator_locale(&locs[1], tr, "de", diag) != PACTUM_OK) {
		pactum_diag_flush(diag, stderr);
		abort();
	}
	pactum_diag_free(diag);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct loaded *l;
	pactum_arena *arena, *saved;
	pactum_expr *expr = NULL;
	pactum_diag *diag;
	const pactum_node *node;
	char *text;
	int error;

	if (size < 2 || size > 4096)
		return 0;
	l = &loaded[data[0] % PACTUM_ARRAY_SIZE(loaded)];
	node = l->model->param_list[data[1] % l->model->nparams];
	if (pactum_diag_new(&diag) != PACTUM_OK)
		return 0;
	text = fuzz_strndup(data + 2, size - 2);
	/* what a parse allocates goes into the model's arena: into one of
	 * this input's here, so that the model stays as it was */
	if (pactum__arena_new(&arena) != PACTUM_OK)
		abort();
	saved = l->model->arena;
	l->model->arena = arena;
	if (data[0] & 0x80)
		error = pactum__expr_parse(&expr, l->model, node, text, diag);
	else
		error = pactum__cond_parse(&expr, l->model, node, text, diag);
	fuzz_status(error, "parse");
	if (error == PACTUM_OK) {
		const pactum_node *const *deps;
		pactum_value v;
		const char *why = NULL;
		size_t i;

		(void)pactum__expr_deps(&deps, expr);
		error = pactum__expr_eval(&v, expr, l->doc->values, &why);
		fuzz_status(error, "eval");
		if (error == PACTUM_EINPUT && why == NULL)
			abort();
		for (i = 0; error == PACTUM_OK && i < 2; i++) {
			pactum_buf buf = PACTUM_BUF_INIT;

			if (v.type == PACTUM_TYPE_LIST)
				continue;
			(void)pactum__value_format(&buf, &v, locs[i]);
			(void)pactum__value_canonical(&buf, &v);
			pactum__buf_free(&buf);
		}
		if (!(data[0] & 0x80))
			(void)pactum__cond_eval(expr, l->doc->values);
	}
	l->model->arena = saved;
	pactum__arena_free(arena);
	free(text);
	pactum_diag_free(diag);
	return 0;
}
