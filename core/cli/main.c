/* pactum: bilingual legal agreements from XML agreement models. */
#include "config.h"

#include <getopt.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void usage(FILE *fp)
{
	fprintf(fp, _("Usage: %s COMMAND [OPTION]... [ARG]...\n"), PACKAGE);
	fputs(_("Produce bilingual legal agreements from XML agreement models.\n"
		"\n"
		"Commands:\n"
		"  render MODEL    render an agreement (see 'pactum render --help')\n"
		"  batch MODEL     render one agreement per deal of a deal file\n"
		"  extract MODEL...  write the translatable text as a POT file\n"
		"  check MODEL...  report what is untranslated, fuzzy or "
		"mismatched\n"
		"  ids MODEL       give paragraphs ids, so their msgctxt stay "
		"put\n"
		"  glossary MODEL...  the terms and their translations, as CSV "
		"or TBX\n"
		"  plugins         list the plugins found, and those refused\n"
		"\n"
		"Options:\n"
		"  -h, --help      show this help and exit\n"
		"  -V, --version   show the version and exit\n"
		"\n"
		"Exit status:\n"
		"  0  success\n"
		"  1  the model, the deal data or a catalog is invalid\n"
		"  2  the command line is wrong\n"
		"  3  translations are missing (strict mode)\n"
		"  4  system error: output not written, no plugin, no memory,\n"
		"     a plugin that broke its contract (a crash kills pactum\n"
		"     with the signal, after a line naming the plugin)\n"
		"  5  batch: some deals failed; the others are written\n"
		"  130  batch: interrupted; --resume goes on from there\n"
		"\n"
		"Environment:\n"
		"  PACTUM_PLUGIN_PATH   directories searched for plugins first\n"
		"  PACTUM_PLUGIN_SYSTEM_PATH  directories searched in place of\n"
		"                       the installed plugins (empty: none)\n"
		"  PACTUM_CATALOG_PATH  directories searched for catalogs first\n"),
	      fp);
}

int main(int argc, char **argv)
{
	static const struct option options[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const char *cmd;
	int c, status;

	/* The process locale only chooses the language of pactum's own
	 * messages; contract text never goes through it. */
	setlocale(LC_ALL, "");
	bindtextdomain(PACKAGE, LOCALEDIR);
	textdomain(PACKAGE);
	cli_crash_handler_install();

	/* Options before the command only: "+" stops at the first operand. */
	while ((c = cli_getopt(argc, argv, "+hV", options)) != -1) {
		switch (c) {
		case 'h':
			usage(stdout);
			return fclose(stdout) == 0 ? EXIT_OK : EXIT_SYSTEM;
		case 'V':
			printf("%s %s\n", PACKAGE, VERSION);
			return fclose(stdout) == 0 ? EXIT_OK : EXIT_SYSTEM;
		default:
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		usage(stderr);
		return EXIT_USAGE;
	}
	cmd = argv[optind];
	argc -= optind;
	argv += optind;
	optind = 0; /* reset getopt for the subcommand (glibc) */
	if (strcmp(cmd, "render") == 0)
		status = cli_render(argc, argv);
	else if (strcmp(cmd, "batch") == 0)
		status = cli_batch(argc, argv);
	else if (strcmp(cmd, "plugins") == 0)
		status = cli_plugins(argc, argv);
	else if (strcmp(cmd, "extract") == 0)
		status = cli_extract(argc, argv);
	else if (strcmp(cmd, "check") == 0)
		status = cli_check(argc, argv);
	else if (strcmp(cmd, "ids") == 0)
		status = cli_ids(argc, argv);
	else if (strcmp(cmd, "glossary") == 0)
		status = cli_glossary(argc, argv);
	else {
		cli_error(_("unknown command '%s'"), cmd);
		usage(stderr);
		status = EXIT_USAGE;
	}
	/* Output that could not be written is an error, even at the end. */
	if (fclose(stdout) != 0 && status == EXIT_OK) {
		fprintf(stderr, _("%s: cannot write standard output\n"),
			PACKAGE);
		status = EXIT_SYSTEM;
	}
	return status;
}
