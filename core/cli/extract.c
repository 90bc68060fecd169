/* pactum extract: the translatable text of models as a POT file, the way
 * xgettext writes one, so msgmerge, msgfmt, Poedit and Weblate take it as
 * it is.  No timestamp: the same models give the same bytes. */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static int put(pactum_sink *sink, const char *s)
{
	return pactum_sink_puts(sink, s);
}

/* A PO string: keyword "escaped text" */
static int put_string(pactum_sink *sink, const char *keyword, const char *s)
{
	int error = put(sink, keyword);

	error |= put(sink, " \"");
	for (; *s && error == PACTUM_OK; s++) {
		switch (*s) {
		case '"':
			error = put(sink, "\\\"");
			break;
		case '\\':
			error = put(sink, "\\\\");
			break;
		case '\n':
			error = put(sink, "\\n");
			break;
		case '\t':
			error = put(sink, "\\t");
			break;
		default:
			error = pactum_sink_write(sink, s, 1);
		}
	}
	return error | put(sink, "\"\n");
}

static int put_header(pactum_sink *sink, const char *domain)
{
	int error = put(sink,
			"# Translatable text of pactum agreement models.\n"
			"# Written by 'pactum extract'; update the catalogs "
			"with msgmerge.\n"
			"#\n"
			"#, fuzzy\n"
			"msgid \"\"\n"
			"msgstr \"\"\n"
			"\"Project-Id-Version: ");

	error |= put(sink, domain);
	error |= put(sink,
		     "\\n\"\n"
		     "\"Report-Msgid-Bugs-To: \\n\"\n"
		     "\"PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\\n\"\n"
		     "\"Last-Translator: FULL NAME <EMAIL@ADDRESS>\\n\"\n"
		     "\"Language-Team: LANGUAGE <LL@li.org>\\n\"\n"
		     "\"Language: \\n\"\n"
		     "\"MIME-Version: 1.0\\n\"\n"
		     "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
		     "\"Content-Transfer-Encoding: 8bit\\n\"\n"
		     "\"Plural-Forms: nplurals=INTEGER; plural=EXPRESSION;\\n\"\n");
	return error;
}

static int put_model(pactum_sink *sink, const pactum_model *model)
{
	size_t i, n = pactum_model_unit_count(model);
	int error = PACTUM_OK;
	char line[32];

	for (i = 0; i < n && error == PACTUM_OK; i++) {
		const char *ctx, *msgid, *role, *note;
		pactum_pos pos;

		pactum_model_unit(model, i, &ctx, &msgid, &role, &note, &pos);
		error |= put(sink, "\n#. ");
		error |= put(sink, role);
		error |= put(sink, "\n");
		if (note) {
			error |= put(sink, "#. ");
			error |= put(sink, note);
			error |= put(sink, "\n");
		}
		snprintf(line, sizeof(line), ":%lu\n", (unsigned long)pos.line);
		error |= put(sink, "#: ");
		error |= put(sink, pos.file);
		error |= put(sink, line);
		if (strchr(msgid, '%') != NULL)
			error |= put(sink, "#, no-c-format\n");
		error |= put_string(sink, "msgctxt", ctx);
		error |= put_string(sink, "msgid", msgid);
		error |= put(sink, "msgstr \"\"\n");
	}
	return error ? PACTUM_ENOMEM : PACTUM_OK;
}

int cli_extract(int argc, char **argv)
{
	static const struct option options[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *output = NULL, *domain = NULL;
	pactum_registry *reg = NULL;
	pactum_model **models = NULL;
	pactum_sink *sink = NULL;
	pactum_diag *diag = NULL;
	int c, i, n = 0, status = EXIT_USAGE, error = PACTUM_OK;

	while ((c = getopt_long(argc, argv, "o:h", options, NULL)) != -1) {
		switch (c) {
		case 'o':
			output = optarg;
			break;
		case 'h':
			printf(_("Usage: %s extract MODEL.xml... [-o FILE.pot]\n"
				 "Write the translatable text of the models, "
				 "which must share one\ntext domain, as a "
				 "gettext POT file (default: stdout).\n"),
			       PACKAGE);
			return EXIT_OK;
		default:
			return EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		fprintf(stderr, _("%s extract: give at least one MODEL file\n"),
			PACKAGE);
		return EXIT_USAGE;
	}
	status = EXIT_SYSTEM;
	models = calloc((size_t)(argc - optind), sizeof(*models));
	if (models == NULL || pactum_diag_new(&diag) != PACTUM_OK ||
	    cli_registry(&reg) != PACTUM_OK || pactum_sink_new(&sink) != PACTUM_OK)
		goto cleanup;
	/* Load them all first, so every model's problems are reported. */
	for (i = optind; i < argc; i++) {
		int e = pactum_model_load(&models[n], reg, argv[i], diag);

		if (e == PACTUM_OK)
			n++;
		else if (error == PACTUM_OK || e == PACTUM_ENOMEM)
			error = e;
	}
	for (i = 0; error == PACTUM_OK && i < n; i++) {
		const char *d = pactum_model_domain(models[i]);

		if (domain == NULL) {
			domain = d;
		} else if (strcmp(domain, d) != 0) {
			pactum_pos pos = { pactum_model_file(models[i]), 0, 0 };

			pactum_diag_report(diag, PACTUM_ERROR, &pos,
					   _("text domain \"%s\" differs from "
					     "\"%s\": extract one domain at a "
					     "time"),
					   d, domain);
			error = PACTUM_EINPUT;
		}
	}
	if (error == PACTUM_OK)
		error = put_header(sink, domain) ? PACTUM_ENOMEM : PACTUM_OK;
	for (i = 0; error == PACTUM_OK && i < n; i++)
		error = put_model(sink, models[i]);
	if (error == PACTUM_OK)
		error = pactum_sink_commit(sink, output, diag);
	status = cli_exit_code(error);
cleanup:
	if (diag && cli_flush(diag) && status == EXIT_OK)
		status = EXIT_SYSTEM;
	for (i = 0; i < n; i++)
		pactum_model_free(models[i]);
	free(models);
	pactum_sink_free(sink);
	pactum_registry_free(reg);
	pactum_diag_free(diag);
	return status;
}
