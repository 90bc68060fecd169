/* pactum plugins: what was found, and what was refused and why. */
#include "config.h"

#include <getopt.h>
#include <string.h>

#include "cli.h"

int cli_print_options(FILE *fp, const pactum_plugin *p)
{
	const pactum_option_spec *o = pactum_plugin_options(p);
	char both[100], *help;
	size_t k, used;

	for (; o != NULL && o->name != NULL; o++) {
		used = (size_t)snprintf(both, sizeof(both), "%s=", o->name);
		switch (o->type) {
		case PACTUM_OPTION_UINT:
			snprintf(both + used, sizeof(both) - used, "%u..%u",
				 o->min, o->max);
			break;
		case PACTUM_OPTION_BOOL:
			snprintf(both + used, sizeof(both) - used, "yes|no");
			break;
		case PACTUM_OPTION_CHOICE:
			/* as many choices as fit, then "|..." */
			for (k = 0; o->choices[k] != NULL; k++) {
				size_t n = strlen(o->choices[k]);

				if (used + n + 5 >= 28) {
					snprintf(both + used,
						 sizeof(both) - used, "|...");
					break;
				}
				used += (size_t)snprintf(both + used,
							 sizeof(both) - used,
							 "%s%s", k ? "|" : "",
							 o->choices[k]);
			}
			break;
		default:
			snprintf(both + used, sizeof(both) - used, "TEXT");
			break;
		}
		help = pactum_text_escape(o->help);
		if (help == NULL)
			return 1;
		/* the name and choices were checked: [a-z0-9-] */
		fprintf(fp, "           -O %-27s %s\n", both, help);
		pactum_free(help);
	}
	return 0;
}

int cli_print_writers(FILE *fp, const pactum_registry *reg)
{
	size_t i, n = pactum_registry_count(reg);
	char *text;

	for (i = 0; i < n; i++) {
		const pactum_plugin *p = pactum_registry_get(reg, i);

		if (pactum_plugin_kind_of(p) != PACTUM_PLUGIN_WRITER)
			continue;
		text = pactum_text_escape(pactum_plugin_description(p));
		if (text == NULL)
			return 1;
		fprintf(fp, "  %-24s %s\n", pactum_plugin_name(p), text);
		pactum_free(text);
		if (cli_print_options(fp, p) != 0)
			return 1;
	}
	return 0;
}

/* A plugin that exports more than its descriptor may clash with the
 * core's or another plugin's symbols: a warning, with the way out. */
static int warn_exports(pactum_diag *diag, const pactum_plugin *p)
{
	char *names = NULL;
	size_t count = 0;
	int error = pactum_plugin_exports(&names, &count, p);

	if (error == PACTUM_OK && count > 0)
		error = pactum_diag_report(
			diag, PACTUM_WARNING, NULL,
			/* TRANSLATORS: plugin 'NAME' (FILE) exports 2 symbols
			 * besides pactum_plugin_descriptor: a, b; ... */
			ngettext("plugin '%s' (%s) exports %zu symbol besides "
				 "%s: %s; build it with -fvisibility=hidden",
				 "plugin '%s' (%s) exports %zu symbols besides "
				 "%s: %s; build it with -fvisibility=hidden",
				 count),
			pactum_plugin_name(p), pactum_plugin_file(p), count,
			PACTUM_PLUGIN_SYMBOL, names);
	pactum_free(names);
	return error == PACTUM_EIO ? PACTUM_OK : error;
}

int cli_plugins(int argc, char **argv)
{
	static const struct option options[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	pactum_registry *reg = NULL;
	pactum_diag *diag = NULL;
	char *version = NULL, *text = NULL, *file = NULL;
	size_t i, n;
	int c, status = EXIT_USAGE;

	while ((c = cli_getopt(argc, argv, "h", options)) != -1) {
		if (c == 'h') {
			printf(_("Usage: %s plugins\n"
				 "List every plugin found in PACTUM_PLUGIN_PATH "
				 "and %s,\nand every file refused, with the "
				 "reason.\n"),
			       PACKAGE, PLUGINDIR);
			return EXIT_OK;
		}
		return EXIT_USAGE;
	}
	if (optind != argc) {
		cli_error("%s", _("plugins: takes no arguments"));
		return status;
	}
	status = EXIT_SYSTEM;
	if (cli_registry(&reg) != PACTUM_OK ||
	    pactum_diag_new(&diag) != PACTUM_OK) {
		fprintf(stderr, _("%s: out of memory\n"), PACKAGE);
		goto cleanup;
	}
	/* Versions, descriptions, file names and reasons come from plugins
	 * and directories: printed escaped, never raw. */
	n = pactum_registry_count(reg);
	for (i = 0; i < n; i++) {
		const pactum_plugin *p = pactum_registry_get(reg, i);

		version = pactum_text_escape(pactum_plugin_version(p));
		text = pactum_text_escape(pactum_plugin_description(p));
		file = pactum_text_escape(pactum_plugin_file(p));
		if (version == NULL || text == NULL || file == NULL)
			goto nomem;
		printf("%-10s %-9s %-8s %s\n           %s\n",
		       pactum_plugin_name(p),
		       pactum_plugin_kind_name(pactum_plugin_kind_of(p)),
		       version, text, file);
		if (cli_print_options(stdout, p) != 0 ||
		    warn_exports(diag, p) == PACTUM_ENOMEM)
			goto nomem;
		pactum_free(version);
		pactum_free(text);
		pactum_free(file);
		version = text = file = NULL;
	}
	n = pactum_registry_refused_count(reg);
	if (n)
		printf(_("\nRefused:\n"));
	for (i = 0; i < n; i++) {
		file = pactum_text_escape(pactum_registry_refused_file(reg, i));
		text = pactum_text_escape(pactum_registry_refused_reason(reg, i));
		if (file == NULL || text == NULL)
			goto nomem;
		printf("  %s\n    %s\n", file, text);
		pactum_free(file);
		pactum_free(text);
		file = text = NULL;
	}
	status = cli_flush(diag) ? EXIT_SYSTEM : EXIT_OK;
	goto cleanup;
nomem:
	fprintf(stderr, _("%s: out of memory\n"), PACKAGE);
cleanup:
	pactum_free(version);
	pactum_free(text);
	pactum_free(file);
	pactum_diag_free(diag);
	pactum_registry_free(reg);
	return status;
}
