/* pactum check: how complete the translations of models are, unit by
 * unit, for localization teams and CI. */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void check_usage(FILE *fp)
{
	fprintf(fp, _("Usage: %s check [OPTION]... MODEL.xml...\n"), PACKAGE);
	fputs(_("Report, per model and language, how many translation units "
		"are translated,\nfuzzy, untranslated or have placeholders "
		"that differ from the source text,\nand list every such unit "
		"with its position and msgctxt.\n"
		"\n"
		"  -l, --lang=LANGS      languages to check (default: every "
		"language but\n"
		"                        the source, i.e. de)\n"
		"  -p, --po-dir=DIR      read DIR/DOMAIN/LANG.po (tells fuzzy "
		"entries apart)\n"
		"      --catalog-path=DIRS  else the compiled catalogs there\n"
		"  -h, --help            show this help and exit\n"
		"\n"
		"Exit status: 0 when everything is translated, 3 when anything "
		"is not,\n1 when a model or catalog is invalid.\n"),
	      fp);
}

enum { OPT_CATALOG_PATH = 256 };

int cli_check(int argc, char **argv)
{
	static const struct option options[] = {
		{ "lang", required_argument, NULL, 'l' },
		{ "po-dir", required_argument, NULL, 'p' },
		{ "catalog-path", required_argument, NULL, OPT_CATALOG_PATH },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *po_dir = NULL, *catalog_path = NULL;
	char *langs = NULL, *path = NULL, *save, *lang, *shown;
	pactum_registry *reg = NULL;
	pactum_translator *tr = NULL;
	pactum_diag *diag = NULL;
	int c, i, incomplete = 0, status = EXIT_USAGE, error = PACTUM_OK;

	while ((c = cli_getopt(argc, argv, "l:p:h", options)) != -1) {
		switch (c) {
		case 'l':
			langs = optarg;
			break;
		case 'p':
			po_dir = optarg;
			break;
		case OPT_CATALOG_PATH:
			catalog_path = optarg;
			break;
		case 'h':
			check_usage(stdout);
			return EXIT_OK;
		default:
			check_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		cli_error("%s", _("check: give at least one MODEL file"));
		return EXIT_USAGE;
	}
	status = EXIT_SYSTEM;
	if (pactum_diag_new(&diag) != PACTUM_OK ||
	    cli_registry(&reg) != PACTUM_OK ||
	    pactum_translator_new(&tr, catalog_path) != PACTUM_OK)
		goto cleanup;
	for (i = optind; i < argc && error != PACTUM_ENOMEM; i++) {
		pactum_model *model = NULL;
		char list[64];
		int e = pactum_model_load(&model, reg, argv[i], diag);

		if (e != PACTUM_OK) {
			error = e;
			continue;
		}
		snprintf(list, sizeof(list), "%s", langs ? langs : "de");
		for (lang = strtok_r(list, ",", &save); lang;
		     lang = strtok_r(NULL, ",", &save)) {
			pactum_translation_status st;
			size_t len;

			free(path);
			path = NULL;
			if (po_dir != NULL) {
				len = strlen(po_dir) +
				      strlen(pactum_model_domain(model)) +
				      strlen(lang) + 6;
				path = malloc(len);
				if (path == NULL) {
					e = PACTUM_ENOMEM;
					break;
				}
				snprintf(path, len, "%s/%s/%s.po", po_dir,
					 pactum_model_domain(model), lang);
			}
			e = pactum_translation_check(&st, model, tr, path, lang,
						     diag);
			if (e == PACTUM_EINVAL) {
				cli_error(_("check: cannot check language "
					    "'%s' (not supported, or the "
					    "source)"),
					  lang);
				status = EXIT_USAGE;
				pactum_model_free(model);
				goto cleanup;
			}
			if (e != PACTUM_OK)
				break;
			shown = pactum_text_escape(argv[i]);
			if (shown == NULL) {
				e = PACTUM_ENOMEM;
				break;
			}
			printf(ngettext("%s: %s: %zu unit: %zu translated, "
					"%zu fuzzy, %zu untranslated, %zu "
					"mismatched\n",
					"%s: %s: %zu units: %zu translated, "
					"%zu fuzzy, %zu untranslated, %zu "
					"mismatched\n",
					st.units),
			       shown, lang, st.units, st.translated, st.fuzzy,
			       st.untranslated, st.mismatched);
			pactum_free(shown);
			if (st.translated != st.units)
				incomplete = 1;
		}
		if (e != PACTUM_OK && error == PACTUM_OK)
			error = e;
		pactum_model_free(model);
	}
	if (error == PACTUM_OK && incomplete)
		error = PACTUM_EUNTRANSLATED;
	status = cli_exit_code(error);
cleanup:
	if (fflush(stdout) != 0 && status == EXIT_OK)
		status = EXIT_SYSTEM;
	if (diag && cli_flush(diag) && status == EXIT_OK)
		status = EXIT_SYSTEM;
	free(path);
	pactum_translator_free(tr);
	pactum_registry_free(reg);
	pactum_diag_free(diag);
	return status;
}
