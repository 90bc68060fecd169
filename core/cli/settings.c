/* What render and batch both take from the command line: the deal data and
 * --set values, the languages, the writer and its options, draft mode and
 * the catalog path. */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int cli_settings_init(struct cli_settings *s, int argc)
{
	memset(s, 0, sizeof(*s));
	s->formats = "text";
	s->sets = cli_calloc((size_t)argc + 1, sizeof(*s->sets));
	if (s->sets == NULL || pactum_options_new(&s->opts) != PACTUM_OK) {
		cli_settings_clear(s);
		return PACTUM_ENOMEM;
	}
	return PACTUM_OK;
}

void cli_settings_clear(struct cli_settings *s)
{
	pactum_free(s->sets);
	pactum_options_free(s->opts);
	memset(s, 0, sizeof(*s));
}

/* One writer option: KEY=VALUE from --option, or a flag that sets one. */
static int set_writer_option(struct cli_settings *s, const char *key,
			     const char *value)
{
	/* --width and -O width= are one option: given once either way */
	if (pactum_options_get(s->opts, key) != NULL) {
		cli_error(_("option %s given twice"), key);
		return -1;
	}
	return pactum_options_set(s->opts, key, value) == PACTUM_OK ? 1 : -2;
}

int cli_settings_option(struct cli_settings *s, int c, char *arg)
{
	pactum_layout layout;
	char *eq;

	/* What is given twice is a mistake, never "the last wins". */
	if ((c == 'd' && cli_twice(&s->seen, 1u << 0, "--data")) ||
	    (c == 'l' && cli_twice(&s->seen, 1u << 1, "--lang")) ||
	    (c == 'f' && cli_twice(&s->seen, 1u << 2, "--format")) ||
	    (c == 'L' && cli_twice(&s->seen, 1u << 3, "--layout")) ||
	    (c == 'w' && cli_twice(&s->seen, 1u << 4, "--width")) ||
	    (c == CLI_OPT_CHARSET && cli_twice(&s->seen, 1u << 5, "--charset")) ||
	    (c == CLI_OPT_CATALOG_PATH &&
	     cli_twice(&s->seen, 1u << 6, "--catalog-path")))
		return -1;
	switch (c) {
	case 'd':
		s->data_file = arg;
		return 1;
	case 's':
		s->sets[s->nsets++] = arg;
		return 1;
	case 'l':
		s->lang_list = arg;
		return 1;
	case 'f':
		s->formats = arg;
		return 1;
	case 'L':
		if (pactum_layout_parse(&layout, arg) != PACTUM_OK) {
			cli_error(_("unknown layout '%s' (parallel, "
				    "interleaved, sequential)"),
				  arg);
			return -1;
		}
		pactum_options_set_layout(s->opts, layout);
		return 1;
	case 'w':
		return set_writer_option(s, "width", arg);
	case CLI_OPT_CHARSET:
		return set_writer_option(s, "charset", arg);
	case CLI_OPT_TRANSLITERATE:
		return set_writer_option(s, "transliterate", "yes");
	case 'O':
		eq = strchr(arg, '=');
		if (eq == NULL || eq == arg) {
			cli_error(_("--option wants KEY=VALUE, not '%s'"), arg);
			return -1;
		}
		*eq = '\0';
		return set_writer_option(s, arg, eq + 1);
	case CLI_OPT_DRAFT:
		s->draft = 1;
		return 1;
	case CLI_OPT_CATALOG_PATH:
		s->catalog_path = arg;
		return 1;
	default:
		return 0;
	}
}

int cli_split_langs(char *list, const char *langs[CLI_MAX_LANGS])
{
	char *save = NULL, *tok, *whole = cli_strdup(list); /* for messages */
	size_t len = strlen(list);
	int n = 0, i;

	if (whole == NULL)
		return -2;

	/* strtok would skip an empty item: "en," is a typo, not "en" */
	if (len == 0 || list[0] == ',' || list[len - 1] == ',' ||
	    strstr(list, ",,") != NULL) {
		cli_error(_("--lang '%s' has an empty item"), list);
		pactum_free(whole);
		return -1;
	}

	for (tok = strtok_r(list, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		for (i = 0; i < n; i++)
			if (strcmp(langs[i], tok) == 0)
				break;
		if (n == CLI_MAX_LANGS && pactum_lang_supported(tok) && i == n) {
			cli_error(_("--lang '%s' names more than %d languages"),
				  whole, CLI_MAX_LANGS);
			n = -1;
			goto cleanup;
		}
		if (!pactum_lang_supported(tok) || i < n) {
			/* TRANSLATORS: the whole list, then the bad item */
			cli_error(i < n ? _("--lang '%s' names '%s' twice")
					: _("--lang '%s': '%s' is not a language "
					    "tag (de, en, de-AT: a language, "
					    "then perhaps a region)"),
				  whole, tok);
			n = -1;
			goto cleanup;
		}
		langs[n++] = tok;
	}
	if (n == 0) {
		cli_error(_("--lang '%s' names no language"), whole);
		n = -1;
	}
cleanup:
	pactum_free(whole);
	return n;
}


const pactum_plugin *cli_find_writer(const pactum_registry *reg,
				     const char *name)
{
	const pactum_plugin *writer =
		pactum_registry_find(reg, PACTUM_PLUGIN_WRITER, name);
	const char *file, *why;

	if (writer != NULL)
		return writer;
	why = pactum_registry_refusal(&file, reg, PACTUM_PLUGIN_WRITER, name);
	if (why != NULL)
		cli_error(_("no writer plugin named '%s': %s was refused: %s"),
			  name, file, why);
	else
		cli_error(_("no writer plugin named '%s' (see 'pactum "
			    "plugins')"),
			  name);
	return NULL;
}
