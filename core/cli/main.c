/* pactum: bilingual legal agreements from XML agreement models. */
#include "config.h"

#include <getopt.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

int cli_exit_code(int status)
{
	switch (status) {
	case PACTUM_OK:
		return EXIT_OK;
	case PACTUM_EINPUT:
		return EXIT_INPUT;
	case PACTUM_EUNTRANSLATED:
		return EXIT_UNTRANSLATED;
	case PACTUM_EINVAL:
		return EXIT_USAGE;
	default:
		return EXIT_SYSTEM;
	}
}

void cli_error(const char *fmt, ...)
{
	pactum_diag *diag = NULL;
	va_list ap;

	if (pactum_diag_new(&diag) != PACTUM_OK) {
		fprintf(stderr, _("%s: out of memory\n"), PACKAGE);
		return;
	}
	va_start(ap, fmt);
	pactum_diag_vreport(diag, PACTUM_ERROR, NULL, fmt, ap);
	va_end(ap);
	pactum_diag_flush(diag, stderr);
	pactum_diag_free(diag);
}

int cli_getopt(int argc, char **argv, const char *shortopts,
	       const struct option *longopts)
{
	char spec[64];
	int c, plus = shortopts[0] == '+';

	/* a ':' first (after a '+') makes a missing value return ':' */
	snprintf(spec, sizeof(spec), "%s:%s", plus ? "+" : "",
		 shortopts + plus);
	opterr = 0;
	c = getopt_long(argc, argv, spec, longopts, NULL);
	if (c == '?' && optopt != 0)
		cli_error(_("unknown option '-%c'"), optopt);
	else if (c == '?')
		cli_error(_("unknown option '%s'"), argv[optind - 1]);
	else if (c == ':')
		cli_error(_("option '%s' needs a value"), argv[optind - 1]);
	return c == ':' ? '?' : c;
}

int cli_twice(unsigned *seen, unsigned bit, const char *name)
{
	if (*seen & bit) {
		cli_error(_("%s may be given only once"), name);
		return 1;
	}
	*seen |= bit;
	return 0;
}

int cli_flush(pactum_diag *diag)
{
	return pactum_diag_flush(diag, stderr) != PACTUM_OK;
}

int cli_registry(pactum_registry **out)
{
	pactum_diag *diag = NULL;
	int error = pactum_registry_new(out);

	if (error == PACTUM_OK)
		error = pactum_registry_load_default(*out);
	/* Every command warns of a shadowed plugin: it may be the one it is
	 * about to run.  The warnings come first, before the command's own
	 * diagnostics; a failure to print them does not stop the command. */
	if (error == PACTUM_OK)
		error = pactum_diag_new(&diag);
	if (error == PACTUM_OK)
		error = pactum_registry_report(*out, diag);
	if (error == PACTUM_OK)
		(void)cli_flush(diag);
	pactum_diag_free(diag);
	return error;
}

/* A crash inside a plugin: one line naming the plugin and its callback,
 * then the signal's previous disposition (death, or a sanitizer's report)
 * takes over.  Only async-signal-safe calls here. */
static const int crash_signals[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL,
				     SIGABRT };
static struct sigaction crash_previous[(sizeof(crash_signals) / sizeof(crash_signals[0]))];

static void put(char *line, size_t *len, size_t cap, const char *s)
{
	for (; *s && *len + 1 < cap; s++)
		line[(*len)++] = *s;
}

static void on_crash(int sig)
{
	static const char *const names[] = { "SIGSEGV", "SIGBUS", "SIGFPE",
					     "SIGILL", "SIGABRT" };
	const char *name, *callback, *file;
	char line[600];
	size_t i, len = 0;

	for (i = 0; i < (sizeof(crash_signals) / sizeof(crash_signals[0])); i++)
		if (crash_signals[i] == sig)
			break;
	if (i == (sizeof(crash_signals) / sizeof(crash_signals[0])))
		return;
	if (pactum_plugin_active(&name, &callback, &file)) {
		put(line, &len, sizeof(line), PACKAGE ": plugin '");
		put(line, &len, sizeof(line), name);
		put(line, &len, sizeof(line), "' (");
		put(line, &len, sizeof(line), file);
		put(line, &len, sizeof(line), ") crashed in its ");
		put(line, &len, sizeof(line), callback);
		put(line, &len, sizeof(line), " callback: ");
		put(line, &len, sizeof(line), names[i]);
		line[len++] = '\n';
		(void)!write(STDERR_FILENO, line, len);
	}
	/* back to what was there; the fault happens again on return, or
	 * the raised signal is delivered, and the process dies of it */
	sigaction(sig, &crash_previous[i], NULL);
	raise(sig);
}

void cli_crash_handler_install(void)
{
	static char stack[64 * 1024]; /* a stack overflow needs its own */
	struct sigaction sa;
	stack_t ss;
	size_t i;

	ss.ss_sp = stack;
	ss.ss_size = sizeof(stack);
	ss.ss_flags = 0;
	(void)sigaltstack(&ss, NULL);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_crash;
	sa.sa_flags = SA_ONSTACK;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < (sizeof(crash_signals) / sizeof(crash_signals[0])); i++)
		(void)sigaction(crash_signals[i], &sa, &crash_previous[i]);
}

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
