/* pactum render: the whole pipeline, read → resolve → translate → write. */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

#define MAX_LANGS 8

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

/* Split "de,en" into langs (pointing into list, which is cut up);
 * returns the count, or -1 after reporting what is wrong. */
static int split_langs(char *list, const char *langs[MAX_LANGS])
{
	char *save = NULL, *tok, *whole = strdup(list);
	size_t len = strlen(list);
	int n = 0, i;

	/* strtok would skip an empty item: "en," is a typo, not "en" */
	if (len == 0 || list[0] == ',' || list[len - 1] == ',' ||
	    strstr(list, ",,") != NULL) {
		cli_error(_("--lang '%s' has an empty item"), list);
		free(whole);
		return -1;
	}

	for (tok = strtok_r(list, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		for (i = 0; i < n; i++)
			if (strcmp(langs[i], tok) == 0)
				break;
		if (n == MAX_LANGS || !pactum_lang_supported(tok) || i < n) {
			/* TRANSLATORS: the whole list, then the bad item */
			cli_error(i < n ? _("--lang '%s' names '%s' twice")
					: _("--lang '%s': '%s' is not a language "
					    "tag (de, en, de-AT: a language, "
					    "then perhaps a region)"),
				  whole ? whole : "", tok);
			n = -1;
			goto cleanup;
		}
		langs[n++] = tok;
	}
	if (n == 0) {
		cli_error(_("--lang '%s' names no language"), whole ? whole : "");
		n = -1;
	}
cleanup:
	free(whole);
	return n;
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

enum { OPT_DRAFT = 256, OPT_CATALOG_PATH, OPT_CHARSET, OPT_TRANSLITERATE };

int cli_render(int argc, char **argv)
{
	static const struct option options[] = {
		{ "data", required_argument, NULL, 'd' },
		{ "set", required_argument, NULL, 's' },
		{ "lang", required_argument, NULL, 'l' },
		{ "format", required_argument, NULL, 'f' },
		{ "layout", required_argument, NULL, 'L' },
		{ "width", required_argument, NULL, 'w' },
		{ "charset", required_argument, NULL, OPT_CHARSET },
		{ "transliterate", no_argument, NULL, OPT_TRANSLITERATE },
		{ "option", required_argument, NULL, 'O' },
		{ "output", required_argument, NULL, 'o' },
		{ "draft", no_argument, NULL, OPT_DRAFT },
		{ "catalog-path", required_argument, NULL, OPT_CATALOG_PATH },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *data_file = NULL, *format = "text", *output = NULL;
	const char *catalog_path = NULL, *langs[MAX_LANGS];
	char *lang_list = NULL, **sets = NULL;
	pactum_registry *reg = NULL;
	pactum_model *model = NULL;
	pactum_data *data = NULL;
	pactum_translator *tr = NULL;
	pactum_doc *doc = NULL;
	pactum_options *opts = NULL;
	pactum_sink *sink = NULL;
	pactum_diag *diag = NULL;
	const pactum_plugin *writer;
	pactum_layout layout;
	int c, i, nsets = 0, nlangs = 0, draft = 0, status = EXIT_SYSTEM;
	unsigned seen = 0;
	int error;

	if (pactum_diag_new(&diag) != PACTUM_OK ||
	    pactum_options_new(&opts) != PACTUM_OK)
		goto cleanup;
	sets = calloc((size_t)argc, sizeof(*sets));
	if (sets == NULL)
		goto cleanup;
	status = EXIT_USAGE;
	while ((c = cli_getopt(argc, argv, "d:s:l:f:L:w:O:o:h", options)) !=
	       -1) {
		char *eq;

		/* What is given twice is a mistake, never "the last wins". */
		if ((c == 'd' && cli_twice(&seen, 1u << 0, "--data")) ||
		    (c == 'l' && cli_twice(&seen, 1u << 1, "--lang")) ||
		    (c == 'f' && cli_twice(&seen, 1u << 2, "--format")) ||
		    (c == 'L' && cli_twice(&seen, 1u << 3, "--layout")) ||
		    (c == 'w' && cli_twice(&seen, 1u << 4, "--width")) ||
		    (c == 'o' && cli_twice(&seen, 1u << 5, "--output")) ||
		    (c == OPT_CHARSET &&
		     cli_twice(&seen, 1u << 6, "--charset")) ||
		    (c == OPT_CATALOG_PATH &&
		     cli_twice(&seen, 1u << 7, "--catalog-path")))
			goto cleanup;
		switch (c) {
		case 'd':
			data_file = optarg;
			break;
		case 's':
			sets[nsets++] = optarg;
			break;
		case 'l':
			lang_list = optarg;
			break;
		case 'f':
			format = optarg;
			break;
		case 'L':
			if (pactum_layout_parse(&layout, optarg) != PACTUM_OK) {
				cli_error(_("unknown layout '%s' (parallel, "
					    "interleaved, sequential)"),
					  optarg);
				goto cleanup;
			}
			pactum_options_set_layout(opts, layout);
			break;
		case 'w':
		case OPT_CHARSET:
		case OPT_TRANSLITERATE: {
			/* the same option as --option width=..., so either
			 * way it is given once */
			const char *key = c == 'w' ? "width"
					  : c == OPT_CHARSET ? "charset"
							     : "transliterate";

			if (pactum_options_get(opts, key) != NULL) {
				cli_error(_("option %s given twice"), key);
				goto cleanup;
			}
			if (pactum_options_set(opts, key,
					       c == OPT_TRANSLITERATE ? "yes"
								  : optarg) !=
			    PACTUM_OK)
				goto nomem;
			break;
		}
		case 'O':
			eq = strchr(optarg, '=');
			if (eq == NULL || eq == optarg) {
				cli_error(_("--option wants KEY=VALUE, not "
					    "'%s'"),
					  optarg);
				goto cleanup;
			}
			*eq = '\0';
			if (pactum_options_get(opts, optarg) != NULL) {
				cli_error(_("option %s given twice"), optarg);
				goto cleanup;
			}
			if (pactum_options_set(opts, optarg, eq + 1) !=
			    PACTUM_OK)
				goto nomem;
			break;
		case 'o':
			output = optarg;
			break;
		case OPT_DRAFT:
			draft = 1;
			break;
		case OPT_CATALOG_PATH:
			catalog_path = optarg;
			break;
		case 'h':
			status = render_help();
			goto cleanup;
		default:
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
	if (output_is_input(output, argv[optind], data_file))
		goto cleanup;
	if (lang_list != NULL) {
		nlangs = split_langs(lang_list, langs);
		if (nlangs < 0)
			goto cleanup;
	}

	status = EXIT_SYSTEM;
	if (cli_registry(&reg) != PACTUM_OK)
		goto nomem;
	writer = pactum_registry_find(reg, PACTUM_PLUGIN_WRITER, format);
	if (writer == NULL) {
		const char *file, *why = pactum_registry_refusal(
			&file, reg, PACTUM_PLUGIN_WRITER, format);

		if (why != NULL)
			cli_error(_("no writer plugin named '%s': %s was "
				    "refused: %s"),
				  format, file, why);
		else
			cli_error(_("no writer plugin named '%s' (see 'pactum "
				    "plugins')"),
				  format);
		goto cleanup;
	}
	/* A bad option is a bad command line: refused before any input is
	 * read, naming the writer. */
	error = pactum_options_check(opts, writer, diag);
	if (error != PACTUM_OK) {
		status = cli_exit_code(error);
		goto cleanup;
	}
	error = pactum_model_load(&model, reg, argv[optind], diag);
	if (error == PACTUM_OK && pactum_data_new(&data) != PACTUM_OK)
		error = PACTUM_ENOMEM;
	if (error == PACTUM_OK && data_file)
		error = pactum_data_load(data, reg, data_file, diag);
	for (i = 0; error == PACTUM_OK && i < nsets; i++)
		error = pactum_data_set_arg(data, sets[i], diag);
	if (error == PACTUM_OK && nlangs == 0)
		langs[nlangs++] = pactum_model_prevailing(model);
	if (error == PACTUM_OK)
		error = pactum_translator_new(&tr, catalog_path);
	if (error == PACTUM_OK) {
		pactum_translator_set_draft(tr, draft);
		error = pactum_doc_new(&doc, model, data, tr, langs,
				       (size_t)nlangs, diag);
	}
	if (error == PACTUM_OK)
		error = pactum_sink_new(&sink);
	if (error == PACTUM_OK)
		error = pactum_plugin_write(writer, sink, doc, opts, diag);
	if (error == PACTUM_OK)
		error = pactum_sink_commit(sink, output, diag);
	status = cli_exit_code(error);
	if (error == PACTUM_ENOMEM)
		goto nomem;
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
	pactum_options_free(opts);
	pactum_registry_free(reg);
	pactum_diag_free(diag);
	free(sets);
	return status;
}
