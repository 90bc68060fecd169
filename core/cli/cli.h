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

/* Map a library status to an exit code; out of memory is said on stderr. */
int cli_exit_code(int status);

/* The commands allocate through pactum's allocator, as the library does,
 * so that tests/faults fails their allocations too.  Owned: release with
 * pactum_free().  NULL when out of memory (or when n * size overflows). */
void *cli_calloc(size_t n, size_t size);
char *cli_strdup(const char *s);
/* Print diagnostics to stderr; returns nonzero if that failed. */
int cli_flush(pactum_diag *diag);
/* Load the plugins from PACTUM_PLUGIN_PATH and the installed directory. */
int cli_registry(pactum_registry **out);
/* Before reading the model at path: let the heap its render will fill be
 * backed by huge pages (heap.c says why); does nothing where it cannot. */
void cli_heap_expect(const char *path);
/* The writers of reg, each with its declared options, as help lists them
 * (what plugins say is escaped); nonzero when out of memory. */
int cli_print_writers(FILE *fp, const pactum_registry *reg);
/* A plugin's declared options, one line each, indented. */
int cli_print_options(FILE *fp, const pactum_plugin *p);
/* Install the handler that names a plugin that crashes. */
void cli_crash_handler_install(void);

/* ------------------------------------------------------------------ */
/* What render and batch share (settings.c)                            */

#define CLI_MAX_LANGS 8

enum {
	CLI_OPT_DRAFT = 256,
	CLI_OPT_CATALOG_PATH,
	CLI_OPT_CHARSET,
	CLI_OPT_TRANSLITERATE,
	CLI_OPT_FIRST_OWN /* a command's own long options from here */
};

/* Their short options and the long options' entries, for getopt. */
#define CLI_SETTINGS_SHORTOPTS "d:s:l:f:L:w:O:"
#define CLI_SETTINGS_LONGOPTS \
	{ "data", required_argument, NULL, 'd' }, \
	{ "set", required_argument, NULL, 's' }, \
	{ "lang", required_argument, NULL, 'l' }, \
	{ "format", required_argument, NULL, 'f' }, \
	{ "layout", required_argument, NULL, 'L' }, \
	{ "width", required_argument, NULL, 'w' }, \
	{ "charset", required_argument, NULL, CLI_OPT_CHARSET }, \
	{ "transliterate", no_argument, NULL, CLI_OPT_TRANSLITERATE }, \
	{ "option", required_argument, NULL, 'O' }, \
	{ "draft", no_argument, NULL, CLI_OPT_DRAFT }, \
	{ "catalog-path", required_argument, NULL, CLI_OPT_CATALOG_PATH }

struct cli_settings {
	const char *data_file;    /* --data, or NULL */
	const char *formats;      /* --format: "text" unless given */
	const char *catalog_path; /* --catalog-path, or NULL */
	char *lang_list;          /* --lang, or NULL */
	char **sets;              /* --set NAME=VALUE, nsets of them */
	int nsets;
	int draft;
	unsigned seen;            /* options given, for cli_twice() */
	pactum_options *opts;     /* layout and writer options */
};

/* Owned: release with cli_settings_clear().  PACTUM_ENOMEM. */
int cli_settings_init(struct cli_settings *s, int argc);
void cli_settings_clear(struct cli_settings *s);
/* Take option c (with its value arg, which may be cut up) if it is one
 * of the shared ones: 1 when taken, 0 when it is not shared, -1 after
 * reporting a command-line error, -2 when out of memory. */
int cli_settings_option(struct cli_settings *s, int c, char *arg);
/* Split "de,en" into langs (pointing into list, which is cut up);
 * returns the count, -1 after reporting what is wrong, or -2 when out of
 * memory. */
int cli_split_langs(char *list, const char *langs[CLI_MAX_LANGS]);
/* The writer named name, or NULL after saying why there is none. */
const pactum_plugin *cli_find_writer(const pactum_registry *reg,
				     const char *name);

int cli_render(int argc, char **argv);
int cli_batch(int argc, char **argv);
int cli_plugins(int argc, char **argv);
int cli_extract(int argc, char **argv);
int cli_check(int argc, char **argv);
int cli_ids(int argc, char **argv);
int cli_glossary(int argc, char **argv);

#endif
