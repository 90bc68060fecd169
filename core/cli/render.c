/* pactum render: the whole pipeline, read → resolve → translate → write. */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static void render_usage(FILE *fp)
{
	fprintf(fp, _("Usage: %s render MODEL.xml [OPTION]...\n"), PACKAGE);
	fputs(_("Render an agreement model with deal data in one or more "
		"languages.\n"
		"\n"
		"  -d, --data=FILE       deal data (values and party fields)\n"
		"  -s, --set=NAME=VALUE  set one value (repeatable; overrides "
		"--data)\n"
		"  -l, --lang=LANGS      language tags, one or several: de, en, "
		"de-AT,\n"
		"                        de,en (the first one leads);\n"
		"                        default: the model's prevailing "
		"language\n"
		"  -f, --format=NAME     the writer plugin (default text; see "
		"below)\n"
		"  -L, --layout=LAYOUT   parallel (default), interleaved, "
		"sequential\n"
		"  -O, --option=KEY=VAL  an option of the writer (repeatable; "
		"see below)\n"
		"  -w, --width=COLUMNS   the same as -O width=COLUMNS\n"
		"      --charset=CS      the same as -O charset=CS\n"
		"      --transliterate   the same as -O transliterate=yes\n"
		"  -o, --output=FILE     write to FILE atomically (default: "
		"stdout)\n"
		"      --draft           render missing translations in "
		"English, marked,\n"
		"                        and warn, instead of failing\n"
		"      --catalog-path=DIRS  look for catalogs only in DIRS "
		"(colon-separated)\n"
		"  -h, --help            show this help and exit\n"),
	      fp);
}

/* --help: the usage, then the writers found and their options, which
 * plugins declare (a third writer's too). */
static int render_help(void)
{
	pactum_registry *reg = NULL;
	int failed;

	render_usage(stdout);
	failed = cli_registry(&reg) != PACTUM_OK;
	if (!failed) {
		printf("\n%s\n", _("Writers (-f) and their options (-O), as "
				    "'pactum plugins' lists them:"));
		failed = cli_print_writers(stdout, reg);
		if (pactum_registry_count(reg) == 0)
			printf(_("  (none found in PACTUM_PLUGIN_PATH or %s)\n"),
			       PLUGINDIR);
	}
	pactum_registry_free(reg);
	return failed ? EXIT_SYSTEM : EXIT_OK;
}

/* Nonzero (after reporting) when output names the file one of the inputs
 * is read from: the render would replace its own model or deal. */
static int output_is_input(const char *output, const char *model,
			   const char *data)
{
	const char *inputs[2] = { model, data };
	struct stat out, in;
	size_t i;

	if (output == NULL || strcmp(output, "-") == 0 ||
	    stat(output, &out) != 0)
		return 0;
	for (i = 0; i < 2; i++) {
		if (inputs[i] != NULL && stat(inputs[i], &in) == 0 &&
		    in.st_dev == out.st_dev && in.st_ino == out.st_ino) {
			cli_error(_("--output %s is %s, which this render reads"),
				  output, inputs[i]);
			return 1;
		}
	}
	return 0;
}

int cli_render(int argc, char **argv)
{
	static const struct option options[] = {
		CLI_SETTINGS_LONGOPTS,
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct cli_settings set;
	const char *output = NULL, *langs[CLI_MAX_LANGS];
	pactum_registry *reg = NULL;
	pactum_model *model = NULL;
	pactum_data *data = NULL;
	pactum_translator *tr = NULL;
	pactum_doc *doc = NULL;
	pactum_sink *sink = NULL;
	pactum_diag *diag = NULL;
	const pactum_plugin *writer;
	int c, i, taken, nlangs = 0, status = EXIT_SYSTEM;
	int error;

	if (cli_settings_init(&set, argc) != PACTUM_OK)
		goto nomem;
	if (pactum_diag_new(&diag) != PACTUM_OK)
		goto nomem;
	status = EXIT_USAGE;
	while ((c = cli_getopt(argc, argv, CLI_SETTINGS_SHORTOPTS "o:h",
			       options)) != -1) {
		taken = cli_settings_option(&set, c, optarg);
		if (taken == -2)
			goto nomem;
		if (taken == -1)
			goto cleanup;
		if (taken == 1)
			continue;
		if (c == 'o') {
			if (cli_twice(&set.seen, 1u << 16, "--output"))
				goto cleanup;
			output = optarg;
		} else if (c == 'h') {
			status = render_help();
			goto cleanup;
		} else {
			render_usage(stderr);
			goto cleanup;
		}
	}
	if (optind + 1 != argc) {
		cli_error("%s", _("render: give exactly one MODEL file"));
		render_usage(stderr);
		goto cleanup;
	}
	if (output != NULL && output[0] == '\0') {
		cli_error("%s", _("--output needs a file name"));
		goto cleanup;
	}
	if (output_is_input(output, argv[optind], set.data_file))
		goto cleanup;
	if (set.lang_list != NULL) {
		nlangs = cli_split_langs(set.lang_list, langs);
		if (nlangs == -2)
			goto nomem;
		if (nlangs < 0)
			goto cleanup;
	}

	status = EXIT_SYSTEM;
	if (cli_registry(&reg) != PACTUM_OK)
		goto nomem;
	writer = cli_find_writer(reg, set.formats);
	if (writer == NULL)
		goto cleanup;
	/* A bad option is a bad command line: refused before any input is
	 * read, naming the writer. */
	error = pactum_options_check(set.opts, writer, diag);
	if (error != PACTUM_OK) {
		status = cli_exit_code(error);
		goto cleanup;
	}
	cli_heap_expect(argv[optind]);
	error = pactum_model_load(&model, reg, argv[optind], diag);
	if (error == PACTUM_OK && pactum_data_new(&data) != PACTUM_OK)
		error = PACTUM_ENOMEM;
	if (error == PACTUM_OK && set.data_file)
		error = pactum_data_load(data, reg, set.data_file, diag);
	for (i = 0; error == PACTUM_OK && i < set.nsets; i++)
		error = pactum_data_set_arg(data, set.sets[i], diag);
	if (error == PACTUM_OK && nlangs == 0)
		langs[nlangs++] = pactum_model_prevailing(model);
	if (error == PACTUM_OK)
		error = pactum_translator_new(&tr, set.catalog_path);
	if (error == PACTUM_OK) {
		pactum_translator_set_draft(tr, set.draft);
		error = pactum_doc_new(&doc, model, data, tr, langs,
				       (size_t)nlangs, diag);
	}
	if (error == PACTUM_OK)
		error = pactum_sink_new(&sink);
	if (error == PACTUM_OK)
		error = pactum_plugin_write(writer, sink, doc, set.opts, diag);
	if (error == PACTUM_OK)
		error = pactum_sink_commit(sink, output, diag);
	status = cli_exit_code(error);
	goto cleanup;
nomem:
	fprintf(stderr, _("%s: out of memory\n"), PACKAGE);
	status = EXIT_SYSTEM;
cleanup:
	if (diag && cli_flush(diag) && status == EXIT_OK)
		status = EXIT_SYSTEM;
	pactum_sink_free(sink);
	pactum_doc_free(doc);
	pactum_translator_free(tr);
	pactum_data_free(data);
	pactum_model_free(model);
	pactum_registry_free(reg);
	pactum_diag_free(diag);
	cli_settings_clear(&set);
	return status;
}
