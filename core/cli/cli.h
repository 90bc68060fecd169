/* The pactum command: one function per subcommand. */
#ifndef PACTUM_CLI_H
#define PACTUM_CLI_H

#include <libintl.h>
#include <stdio.h>

#include <pactum/pactum.h>

#define _(s) gettext(s)
#define N_(s) (s)

/* Exit codes, documented in --help and the README. */
enum {
	EXIT_OK = 0,
	EXIT_INPUT = 1,        /* the model, deal data or a catalog is wrong */
	EXIT_USAGE = 2,        /* the command line is wrong */
	EXIT_UNTRANSLATED = 3, /* strict translation found missing units */
	EXIT_SYSTEM = 4        /* cannot write, out of memory, no plugin */
};

/* "pactum: error: MESSAGE" on stderr for a command-line problem, with what
 * it quotes escaped as diagnostics are (an argument may hold anything). */
void cli_error(const char *fmt, ...) PACTUM_PRINTF(1, 2);
/* getopt_long() with its messages, which echo arguments raw, replaced by
 * cli_error(): returns '?' after reporting an unknown option or a missing
 * value. */
struct option;
int cli_getopt(int argc, char **argv, const char *shortopts,
	       const struct option *longopts);
/* For options that may be given once: nonzero (after reporting) when the
 * option with bit in *seen was given before. */
int cli_twice(unsigned *seen, unsigned bit, const char *name);

/* Map a library status to an exit code. */
int cli_exit_code(int status);
/* Print diagnostics to stderr; returns nonzero if that failed. */
int cli_flush(pactum_diag *diag);
/* Load the plugins from PACTUM_PLUGIN_PATH and the installed directory. */
int cli_registry(pactum_registry **out);
/* The writers of reg, each with its declared options, as help lists them
 * (what plugins say is escaped); nonzero when out of memory. */
int cli_print_writers(FILE *fp, const pactum_registry *reg);
/* A plugin's declared options, one line each, indented. */
int cli_print_options(FILE *fp, const pactum_plugin *p);
/* Install the handler that names a plugin that crashes. */
void cli_crash_handler_install(void);

int cli_render(int argc, char **argv);
int cli_plugins(int argc, char **argv);
int cli_extract(int argc, char **argv);
int cli_check(int argc, char **argv);
int cli_ids(int argc, char **argv);
int cli_glossary(int argc, char **argv);

#endif
