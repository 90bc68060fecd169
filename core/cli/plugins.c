/* pactum plugins: what was found, and what was refused and why. */
#include "config.h"

#include <getopt.h>

#include "cli.h"

int cli_plugins(int argc, char **argv)
{
	static const struct option options[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	pactum_registry *reg = NULL;
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
	n = pactum_registry_count(reg);
	for (i = 0; i < n; i++) {
		const pactum_plugin *p = pactum_registry_get(reg, i);

		printf("%-10s %-9s %-8s %s\n           %s\n",
		       pactum_plugin_name(p),
		       pactum_plugin_kind_name(pactum_plugin_kind_of(p)),
		       pactum_plugin_version(p), pactum_plugin_description(p),
		       pactum_plugin_file(p));
	}
	n = pactum_registry_refused_count(reg);
	if (n)
		printf(_("\nRefused:\n"));
	for (i = 0; i < n; i++)
		printf("  %s\n    %s\n", pactum_registry_refused_file(reg, i),
		       pactum_registry_refused_reason(reg, i));
	status = EXIT_OK;
cleanup:
	pactum_registry_free(reg);
	return status;
}
