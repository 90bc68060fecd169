/* pactum plugins: what was found, and what was refused and why. */
#include "config.h"

#include <getopt.h>

#include "cli.h"

/* A writer's declared options, one line each. */
static void print_options(const pactum_plugin *p)
{
	const pactum_option_spec *o = pactum_plugin_options(p);
	char value[64], both[100];

	for (; o != NULL && o->name != NULL; o++) {
		switch (o->type) {
		case PACTUM_OPTION_UINT:
			snprintf(value, sizeof(value), "%u..%u", o->min, o->max);
			break;
		case PACTUM_OPTION_BOOL:
			snprintf(value, sizeof(value), "yes|no");
			break;
		case PACTUM_OPTION_CHOICE:
			snprintf(value, sizeof(value), "%s|...", o->choices[0]);
			break;
		default:
			snprintf(value, sizeof(value), "TEXT");
			break;
		}
		snprintf(both, sizeof(both), "%s=%s", o->name, value);
		printf("           --option %-24s %s\n", both, o->help);
	}
}

int cli_plugins(int argc, char **argv)
{
	static const struct option options[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	pactum_registry *reg = NULL;
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
	if (cli_registry(&reg) != PACTUM_OK) {
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
		print_options(p);
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
	status = EXIT_OK;
	goto cleanup;
nomem:
	fprintf(stderr, _("%s: out of memory\n"), PACKAGE);
cleanup:
	pactum_free(version);
	pactum_free(text);
	pactum_free(file);
	pactum_registry_free(reg);
	return status;
}
