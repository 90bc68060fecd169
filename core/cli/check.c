/* pactum check: how complete the translations of models are, unit by
 * unit, for localization teams and CI; as text for people, or as JSON for
 * dashboards (English, whatever the locale). */
#include "config.h"

#include <dirent.h>
#include <getopt.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

#define MAX_CHECK_LANGS 32

static void check_usage(FILE *fp)
{
	fprintf(fp, _("Usage: %s check [OPTION]... MODEL.xml...\n"), PACKAGE);
	fputs(_("Report, per model and language, how many translation units "
		"are translated,\nfuzzy, untranslated or have placeholders "
		"that differ from the source text,\nand list every such unit "
		"with its position and msgctxt.\n"
		"\n"
		"  -l, --lang=LANGS      languages to check (default: every "
		"DIR/DOMAIN/LANG.po\n"
		"                        with --po-dir, else de)\n"
		"  -p, --po-dir=DIR      read DIR/DOMAIN/LANG.po (tells fuzzy "
		"entries apart;\n"
		"                        a regional de_CH.po falls back to "
		"de.po)\n"
		"      --catalog-path=DIRS  else the compiled catalogs there\n"
		"      --format=FORMAT   text (default) or json: one JSON "
		"document on stdout,\n"
		"                        in English whatever the locale\n"
		"      --words           check pactum's own contract words "
		"(pactum-words)\n"
		"                        in the --lang languages instead of "
		"models\n"
		"  -h, --help            show this help and exit\n"
		"\n"
		"Exit status: 0 when everything is translated, 3 when anything "
		"is not,\n1 when a model or catalog is invalid, 2 for a wrong "
		"command line.\n"),
	      fp);
}

/* ----------------------------------------------------------- JSON --- */

static void json_string(FILE *fp, const char *s)
{
	putc('"', fp);
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(fp, "\\%c", c);
		else if (c < 0x20 || c == 0x7f)
			fprintf(fp, "\\u%04x", c);
		else
			putc(c, fp);
	}
	putc('"', fp);
}

static const char *const severities[] = { "note", "warning", "error" };

/* The problems as a JSON array, and forgotten. */
static void json_problems(FILE *fp, pactum_diag *diag)
{
	size_t i, n = pactum_diag_size(diag);

	fputs("\"problems\":[", fp);
	for (i = 0; i < n; i++) {
		pactum_severity sev;
		pactum_pos pos;
		const char *msg = pactum_diag_entry(diag, i, &sev, &pos);

		fputs(i ? ",\n{" : "\n{", fp);
		fputs("\"file\":", fp);
		json_string(fp, pos.file ? pos.file : "");
		fprintf(fp, ",\"line\":%lu,\"column\":%lu,\"severity\":",
			(unsigned long)pos.line, (unsigned long)pos.col);
		json_string(fp, (unsigned)sev < 3 ? severities[sev] : "error");
		fputs(",\"message\":", fp);
		json_string(fp, msg);
		putc('}', fp);
	}
	fputs("]", fp);
}

/* ------------------------------------------------------ languages --- */

/* Whether DIR/DOMAIN/NAME is a catalog: LANG.po with a well-formed tag
 * once '_' is '-'; its tag in lang. */
static int po_lang(char lang[16], const char *name)
{
	size_t n = strlen(name), i;

	if (n < 4 || n - 3 >= 16 || strcmp(name + n - 3, ".po") != 0)
		return 0;
	for (i = 0; i < n - 3; i++)
		lang[i] = name[i] == '_' ? '-' : name[i];
	lang[i] = '\0';
	return pactum_lang_supported(lang);
}

static int by_name(const void *a, const void *b)
{
	return strcmp((const char *)a, (const char *)b);
}

/* The languages of DIR/DOMAIN: every LANG.po there, sorted. */
static size_t po_langs(char langs[][16], const char *dir, const char *domain)
/* (size_t)-1: more than MAX_CHECK_LANGS; langs has room for one more */
{
	char path[4096];
	struct dirent *e;
	DIR *d;
	size_t n = 0;

	snprintf(path, sizeof(path), "%s/%s", dir, domain);
	d = opendir(path);
	while (d != NULL && (e = readdir(d)) != NULL)
		if (po_lang(langs[n < MAX_CHECK_LANGS ? n : MAX_CHECK_LANGS],
			    e->d_name) &&
		    ++n > MAX_CHECK_LANGS)
			break; /* never a silent choice of some of them */
	if (d != NULL)
		closedir(d);
	if (n > MAX_CHECK_LANGS)
		return (size_t)-1;
	qsort(langs, n, sizeof(langs[0]), by_name);
	return n;
}

/* The languages of --lang, split. */
static size_t list_langs(char langs[][16], const char *list)
{
	const char *p = list, *comma;
	size_t n = 0, len;

	for (; p != NULL; p = comma ? comma + 1 : NULL) {
		if (n == MAX_CHECK_LANGS)
			return (size_t)-1;
		comma = strchr(p, ',');
		len = comma ? (size_t)(comma - p) : strlen(p);
		snprintf(langs[n++], 16, "%.*s", (int)(len < 15 ? len : 15), p);
	}
	return n;
}

/* --------------------------------------------------------- command --- */

enum { OPT_CATALOG_PATH = 256, OPT_FORMAT, OPT_WORDS };

/* --words: pactum's own contract words in each language, as a render
 * loads them from the compiled catalogs. */
static int check_words(pactum_translator *tr, const char *langs,
		       pactum_diag *diag)
{
	char list[MAX_CHECK_LANGS][16];
	size_t i, n = list_langs(list, langs ? langs : "de");
	int e, error = PACTUM_OK;

	if (n == (size_t)-1) {
		cli_error(_("check: --lang names more than %d languages"),
			  MAX_CHECK_LANGS);
		return PACTUM_EINVAL;
	}

	for (i = 0; i < n; i++) {
		e = pactum_translator_check_words(tr, list[i], diag);
		if (e == PACTUM_EINVAL) {
			cli_error(_("check: '%s' is not a language tag"), list[i]);
			return PACTUM_EINVAL;
		}
		if (e == PACTUM_OK)
			printf(_("pactum-words: %s: every word translated\n"),
			       list[i]);
		else if (error == PACTUM_OK || e == PACTUM_ENOMEM)
			error = e;
	}
	return error;
}

int cli_check(int argc, char **argv)
{
	static const struct option options[] = {
		{ "lang", required_argument, NULL, 'l' },
		{ "po-dir", required_argument, NULL, 'p' },
		{ "catalog-path", required_argument, NULL, OPT_CATALOG_PATH },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "words", no_argument, NULL, OPT_WORDS },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *po_dir = NULL, *catalog_path = NULL, *langs_arg = NULL;
	char langs[MAX_CHECK_LANGS + 1][16], path[4096];
	struct stat st;
	pactum_registry *reg = NULL;
	pactum_translator *tr = NULL;
	pactum_diag *diag = NULL;
	size_t nlangs, l, reports = 0;
	int c, i, json = 0, words = 0, incomplete = 0, status = EXIT_USAGE;
	int error = PACTUM_OK;

	while ((c = cli_getopt(argc, argv, "l:p:h", options)) != -1) {
		switch (c) {
		case 'l':
			langs_arg = optarg;
			break;
		case 'p':
			po_dir = optarg;
			break;
		case OPT_CATALOG_PATH:
			catalog_path = optarg;
			break;
		case OPT_FORMAT:
			if (strcmp(optarg, "json") != 0 &&
			    strcmp(optarg, "text") != 0) {
				cli_error(_("check: --format is text or json, "
					    "not '%s'"),
					  optarg);
				return EXIT_USAGE;
			}
			json = strcmp(optarg, "json") == 0;
			break;
		case OPT_WORDS:
			words = 1;
			break;
		case 'h':
			check_usage(stdout);
			return EXIT_OK;
		default:
			check_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (words ? optind < argc : optind >= argc) {
		cli_error("%s", words ? _("check: --words takes no MODEL file")
				      : _("check: give at least one MODEL file"));
		return EXIT_USAGE;
	}
	if (po_dir != NULL && (stat(po_dir, &st) != 0 || !S_ISDIR(st.st_mode))) {
		cli_error(_("check: --po-dir '%s' is not a directory"), po_dir);
		return EXIT_USAGE;
	}
	/* a dashboard reads the same words whatever the user's locale */
	if (json)
		setlocale(LC_ALL, "C");
	status = EXIT_SYSTEM;
	if (pactum_diag_new(&diag) != PACTUM_OK ||
	    cli_registry(&reg) != PACTUM_OK ||
	    pactum_translator_new(&tr, catalog_path) != PACTUM_OK)
		goto cleanup;
	if (words) {
		error = check_words(tr, langs_arg, diag);
		status = error == PACTUM_EINVAL ? EXIT_USAGE
						: cli_exit_code(error);
		goto cleanup;
	}
	if (json)
		fputs("{\"reports\":[", stdout);
	for (i = optind; i < argc && error != PACTUM_ENOMEM; i++) {
		pactum_model *model = NULL;
		const char *domain;
		int e = pactum_model_load(&model, reg, argv[i], diag);

		if (e != PACTUM_OK) {
			error = e;
			continue;
		}
		domain = pactum_model_domain(model);
		nlangs = langs_arg ? list_langs(langs, langs_arg)
			 : po_dir  ? po_langs(langs, po_dir, domain)
				   : list_langs(langs, "de");
		if (nlangs == (size_t)-1 && langs_arg) {
			cli_error(_("check: --lang names more than %d "
				    "languages"),
				  MAX_CHECK_LANGS);
			status = EXIT_USAGE;
			pactum_model_free(model);
			goto cleanup;
		}
		if (nlangs == (size_t)-1) {
			pactum_diag_report(diag, PACTUM_ERROR, NULL,
					   _("%s/%s holds the .po files of "
					     "more than %d languages (pactum "
					     "check's limit)"),
					   po_dir, domain, MAX_CHECK_LANGS);
			error = PACTUM_EINPUT;
			pactum_model_free(model);
			continue;
		}
		for (l = 0; l < nlangs; l++) {
			pactum_translation_status s;
			char file[16];
			size_t k;

			for (k = 0; langs[l][k]; k++)
				file[k] = langs[l][k] == '-' ? '_' : langs[l][k];
			file[k] = '\0';
			snprintf(path, sizeof(path), "%s/%s/%s.po",
				 po_dir ? po_dir : "", domain, file);
			e = pactum_translation_check(&s, model, tr,
						     po_dir ? path : NULL,
						     langs[l], diag);
			if (e == PACTUM_EINVAL) {
				cli_error(_("check: cannot check language "
					    "'%s' (not a language tag, or "
					    "the source)"),
					  langs[l]);
				status = EXIT_USAGE;
				pactum_model_free(model);
				goto cleanup;
			}
			if (e != PACTUM_OK)
				break;
			if (s.translated != s.units)
				incomplete = 1;
			if (json) {
				fputs(reports++ ? ",\n{" : "\n{", stdout);
				fputs("\"model\":", stdout);
				json_string(stdout, argv[i]);
				fputs(",\"domain\":", stdout);
				json_string(stdout, domain);
				fputs(",\"lang\":", stdout);
				json_string(stdout, langs[l]);
				printf(",\"units\":%zu,\"translated\":%zu,"
				       "\"fuzzy\":%zu,\"untranslated\":%zu,"
				       "\"mismatched\":%zu}",
				       s.units, s.translated, s.fuzzy,
				       s.untranslated, s.mismatched);
				continue;
			}
			{
				char *shown = pactum_text_escape(argv[i]);

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
						s.units),
				       shown, langs[l], s.units, s.translated,
				       s.fuzzy, s.untranslated, s.mismatched);
				pactum_free(shown);
			}
		}
		if (e != PACTUM_OK && error == PACTUM_OK)
			error = e;
		pactum_model_free(model);
	}
	if (json) {
		fputs("],\n", stdout);
		json_problems(stdout, diag);
		fputs("}\n", stdout);
		pactum_diag_free(diag);
		diag = NULL;
	}
	if (error == PACTUM_OK && incomplete)
		error = PACTUM_EUNTRANSLATED;
	status = cli_exit_code(error);
cleanup:
	if (fflush(stdout) != 0 && status == EXIT_OK)
		status = EXIT_SYSTEM;
	if (diag && cli_flush(diag) && status == EXIT_OK)
		status = EXIT_SYSTEM;
	pactum_translator_free(tr);
	pactum_registry_free(reg);
	pactum_diag_free(diag);
	return status;
}
