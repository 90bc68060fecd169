/* What the commands share: exit codes, messages, options, the registry,
 * and the line a crashing plugin leaves. */
#include "config.h"

#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

int cli_exit_code(int status)
{
	/* the library reports what is wrong with an input; running out of
	 * memory it cannot report, as that needs memory */
	if (status == PACTUM_ENOMEM)
		fprintf(stderr, _("%s: out of memory\n"), PACKAGE);
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

void *cli_calloc(size_t n, size_t size)
{
	size_t bytes;
	void *p;

	if (size != 0 && n > SIZE_MAX / size)
		return NULL;
	bytes = n * size;
	p = pactum_malloc(bytes != 0 ? bytes : 1);
	if (p != NULL)
		memset(p, 0, bytes);
	return p;
}

char *cli_strdup(const char *s)
{
	return pactum_strndup(s, strlen(s));
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
