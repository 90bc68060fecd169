/* One plugin of many shapes, for the loader's descriptor check: its
 * constructor, which runs when the file is loaded and before the loader
 * reads the descriptor, breaks the descriptor as PACTUM_TEST_SHAPE says.
 * Without it (or with an unknown shape) it is a valid writer "shapes".
 * check_plugins loads a fresh copy of the file for each shape, so the
 * constructor runs again even in one process (CK_FORK=no).  One shape is
 * valid: "reader-one-deal", a reader of .deal files (NAME=VALUE lines)
 * without read_deals, for the core's reading of such a file as one deal
 * (tests/e2e/syscalls.sh). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <pactum/plugin.h>

static int write_nothing(pactum_sink *sink, const pactum_doc *doc,
			 const pactum_options *opts, pactum_diag *diag)
{
	(void)doc;
	(void)opts;
	(void)diag;
	return pactum_sink_puts(sink, "");
}

static int read_nothing(pactum_model *model, const char *path,
			const char *bytes, size_t len, pactum_diag *diag)
{
	(void)model;
	(void)path;
	(void)bytes;
	(void)len;
	(void)diag;
	return PACTUM_EINPUT;
}

static int deals_nothing(pactum_deals *deals, const char *path,
			 pactum_diag *diag)
{
	(void)deals;
	(void)path;
	(void)diag;
	return PACTUM_EINPUT;
}

/* One deal: a value per line, NAME=VALUE. */
static int read_lines(pactum_data *data, const char *path, const char *bytes,
		      size_t len, pactum_diag *diag)
{
	pactum_pos pos = { path, 0, 1 };
	const char *end = bytes + len, *eol, *eq;
	int error = PACTUM_OK;

	(void)diag;
	for (; bytes < end && error == PACTUM_OK; bytes = eol + 1) {
		pos.line++;
		eol = memchr(bytes, '\n', (size_t)(end - bytes));
		if (eol == NULL)
			eol = end;
		eq = memchr(bytes, '=', (size_t)(eol - bytes));
		if (eq != NULL)
			error = pactum_data_set(data, bytes, (size_t)(eq - bytes),
						eq + 1, (size_t)(eol - eq - 1),
						&pos);
	}
	return error;
}

static int transform_nothing(pactum_doc *doc, pactum_diag *diag)
{
	(void)doc;
	(void)diag;
	return PACTUM_OK;
}

static const char *const xml[] = { "xml", NULL };
static const char *const deal[] = { "deal", NULL };
static const char *const none[] = { NULL };
static const char *const too_long[] = { "abcdefghijklmnopq", NULL };
static const char *const upper[] = { "txt", "TXT", NULL };
static const char *const empty[] = { "", NULL };
static const char *const no_choices[] = { NULL };

static pactum_option_spec options[] = {
	{ "mode", PACTUM_OPTION_UINT, 1, 9, NULL, "a valid option" },
	{ NULL, 0, 0, 0, NULL, NULL },
};

PACTUM_EXPORT pactum_plugin_desc pactum_plugin_descriptor;
PACTUM_EXPORT pactum_plugin_desc pactum_plugin_descriptor = {
	.abi_major = PACTUM_PLUGIN_ABI_MAJOR,
	.abi_minor = PACTUM_PLUGIN_ABI_MINOR,
	.kind = PACTUM_PLUGIN_WRITER,
	.name = "shapes",
	.version = "1",
	.description = "a plugin the loader must refuse, as the test says",
	.write = write_nothing,
};

static void reshape(void) __attribute__((constructor));

static void reshape(void)
{
	pactum_plugin_desc *d = &pactum_plugin_descriptor;
	const char *s = getenv("PACTUM_TEST_SHAPE");

	if (s == NULL)
		return;
	if (strcmp(s, "no-name") == 0)
		d->name = NULL;
	else if (strcmp(s, "empty-name") == 0)
		d->name = "";
	else if (strcmp(s, "long-name") == 0)
		d->name = "abcdefghijklmnopqrstuvwxyz0123456"; /* 33 */
	else if (strcmp(s, "no-version") == 0)
		d->version = NULL;
	else if (strcmp(s, "no-description") == 0)
		d->description = NULL;
	else if (strcmp(s, "kind-0") == 0)
		d->kind = (pactum_plugin_kind)0;
	else if (strcmp(s, "kind-4") == 0)
		d->kind = (pactum_plugin_kind)4;
	else if (strcmp(s, "reader-no-read-model") == 0) {
		d->kind = PACTUM_PLUGIN_READER;
		d->suffixes = xml;
	} else if (strcmp(s, "transform-no-callback") == 0) {
		d->kind = PACTUM_PLUGIN_TRANSFORM;
	} else if (strcmp(s, "reader-no-suffixes") == 0) {
		d->kind = PACTUM_PLUGIN_READER;
		d->read_model = read_nothing;
	} else if (strcmp(s, "reader-empty-suffixes") == 0) {
		d->kind = PACTUM_PLUGIN_READER;
		d->read_model = read_nothing;
		d->suffixes = none;
	} else if (strcmp(s, "transform-suffixes") == 0) {
		d->kind = PACTUM_PLUGIN_TRANSFORM;
		d->transform = transform_nothing;
		d->suffixes = xml;
	} else if (strcmp(s, "suffix-too-long") == 0)
		d->suffixes = too_long;
	else if (strcmp(s, "suffix-upper") == 0)
		d->suffixes = upper;
	else if (strcmp(s, "suffix-empty") == 0)
		d->suffixes = empty;
	else if (strcmp(s, "suffix-old-abi") == 0) {
		/* before ABI 1.8 a writer's suffixes are not read at all */
		d->abi_minor = 7;
		d->suffixes = upper;
	} else if (strcmp(s, "options-abi-1-0") == 0) {
		d->abi_minor = 0;
		d->options = options;
	} else if (strcmp(s, "read-deals-abi-1-7") == 0) {
		d->kind = PACTUM_PLUGIN_READER;
		d->abi_minor = 7;
		d->read_model = read_nothing;
		d->suffixes = xml;
		d->read_deals = deals_nothing;
	} else if (strcmp(s, "reader-one-deal") == 0) {
		d->kind = PACTUM_PLUGIN_READER;
		d->read_model = read_nothing;
		d->read_data = read_lines;
		d->suffixes = deal;
		d->write = NULL;
	} else if (strcmp(s, "writer-read-deals") == 0)
		d->read_deals = deals_nothing;
	else if (strcmp(s, "reader-options") == 0) {
		d->kind = PACTUM_PLUGIN_READER;
		d->read_model = read_nothing;
		d->suffixes = xml;
		d->options = options;
	} else if (strcmp(s, "option-name") == 0) {
		d->options = options;
		options[0].name = "Mode";
	} else if (strcmp(s, "option-help") == 0) {
		d->options = options;
		options[0].help = NULL;
	} else if (strcmp(s, "option-type") == 0) {
		d->options = options;
		options[0].type = (pactum_option_type)9;
	} else if (strcmp(s, "option-range") == 0) {
		d->options = options;
		options[0].min = 10;
	} else if (strcmp(s, "option-choices-null") == 0) {
		d->options = options;
		options[0].type = PACTUM_OPTION_CHOICE;
	} else if (strcmp(s, "option-choices-empty") == 0) {
		d->options = options;
		options[0].type = PACTUM_OPTION_CHOICE;
		options[0].choices = no_choices;
	} else if (strcmp(s, "option-second") == 0) {
		/* a valid first option, a bad second one */
		static pactum_option_spec two[] = {
			{ "mode", PACTUM_OPTION_UINT, 1, 9, NULL, "valid" },
			{ "level", PACTUM_OPTION_STRING, 0, 0, NULL, NULL },
			{ NULL, 0, 0, 0, NULL, NULL },
		};
		d->options = two;
	}
}
