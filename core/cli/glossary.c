/* pactum glossary: the defined terms and party roles of models, with
 * their translations from the catalogs, and the rows of a Markdown
 * glossary (templates/GLOSSARY.md), as CSV or TBX for Weblate and other
 * tools' term bases.  Where GLOSSARY.md and a catalog disagree on a term,
 * it says so: a glossary that differs from the contracts misleads. */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

struct term {
	char *source, *target, *context, *note;
};

struct glossary {
	struct term *terms;
	size_t n;
};

static int add(struct glossary *g, const char *source, size_t slen,
	       const char *target, size_t tlen, const char *context,
	       const char *note, size_t nlen)
{
	struct term *more = pactum_realloc(g->terms, (g->n + 1) * sizeof(*more));
	struct term *t;

	if (more == NULL)
		return PACTUM_ENOMEM;
	g->terms = more;
	t = &g->terms[g->n];
	t->source = pactum_strndup(source, slen);
	t->target = pactum_strndup(target, tlen);
	t->context = pactum_strndup(context, strlen(context));
	t->note = pactum_strndup(note ? note : "", note ? nlen : 0);
	if (!t->source || !t->target || !t->context || !t->note) {
		pactum_free(t->source);
		pactum_free(t->target);
		pactum_free(t->context);
		pactum_free(t->note);
		return PACTUM_ENOMEM;
	}
	g->n++;
	return PACTUM_OK;
}

static const struct term *find(const struct glossary *g, const char *source)
{
	size_t i;

	for (i = 0; i < g->n; i++)
		if (strcmp(g->terms[i].source, source) == 0)
			return &g->terms[i];
	return NULL;
}

/* The terms ("term.ID") and roles ("party.ID") of model, translated. */
static int from_model(struct glossary *g, const pactum_model *model,
		      pactum_translator *tr, const char *lang,
		      pactum_diag *diag)
{
	const char *domain = pactum_model_domain(model), *ctx, *msgid, *tr_text;
	const char *role;
	const char *def, *dctx;
	char context[256], defctx[200];
	size_t i, j, n = pactum_model_unit_count(model);
	int error = PACTUM_OK;

	for (i = 0; i < n && error == PACTUM_OK; i++) {
		pactum_model_unit(model, i, &ctx, &msgid, NULL, &role, NULL, NULL);
		/* a term's name or a party's role (a section "term" has a
		 * "term.title" too) */
		if ((strncmp(role, "defined term", 12) != 0 &&
		     strncmp(role, "role of a party", 15) != 0) ||
		    strchr(strchr(ctx, '.') + 1, '.') != NULL)
			continue;
		tr_text = pactum_translator_lookup(tr, domain, lang, ctx, msgid,
						   diag);
		if (tr_text == NULL)
			continue; /* untranslated: pactum check says so */
		/* the English definition explains the term */
		snprintf(defctx, sizeof(defctx), "%s.definition", ctx);
		def = NULL;
		for (j = 0; j < n && strncmp(ctx, "term.", 5) == 0; j++) {
			pactum_model_unit(model, j, &dctx, &def, NULL, NULL, NULL,
					  NULL);
			if (strcmp(dctx, defctx) == 0)
				break;
			def = NULL;
		}
		snprintf(context, sizeof(context), "%s %s", domain, ctx);
		/* a term several models share, alike, is one entry */
		if (find(g, msgid) != NULL &&
		    strcmp(find(g, msgid)->target, tr_text) == 0)
			continue;
		error = add(g, msgid, strlen(msgid), tr_text, strlen(tr_text),
			    context, def, def ? strlen(def) : 0);
	}
	return error;
}

/* Cell k of a Markdown table row ("| a | b |"), trimmed: *len bytes at
 * the result; NULL when the row has fewer cells. */
static const char *cell(const char *row, size_t k, size_t *len)
{
	const char *p = row, *end;

	if (*p == '|')
		p++;
	while (k-- > 0) {
		p = strchr(p, '|');
		if (p == NULL)
			return NULL;
		p++;
	}
	end = strchr(p, '|');
	if (end == NULL)
		end = p + strcspn(p, "\n");
	while (p < end && *p == ' ')
		p++;
	while (end > p && end[-1] == ' ')
		end--;
	*len = (size_t)(end - p);
	return p;
}

/* The rows of every table of md whose header names English and German
 * columns; a term a model has too must agree with its catalog. */
static int from_markdown(struct glossary *g, const char *path,
			 size_t from_models, pactum_diag *diag)
{
	FILE *fp = fopen(path, "r");
	char line[4096];
	long en = -1, de = -1, note = -1, number = 0;
	int error = PACTUM_OK;

	if (fp == NULL) {
		cli_error(_("glossary: cannot read %s"), path);
		return PACTUM_EINVAL;
	}
	while (error == PACTUM_OK && fgets(line, sizeof(line), fp) != NULL) {
		const char *s, *t, *nt = NULL;
		size_t slen, tlen, nlen = 0, k;
		const struct term *known;
		char *source;

		number++;
		if (line[0] != '|') {
			en = de = note = -1;
			continue;
		}
		if (en < 0) { /* a header: find the columns */
			for (k = 0; (s = cell(line, k, &slen)) != NULL; k++) {
				if (slen == 7 && strncmp(s, "English", 7) == 0)
					en = (long)k;
				else if (slen == 6 && strncmp(s, "German", 6) == 0)
					de = (long)k;
				else if (slen == 4 && strncmp(s, "Note", 4) == 0)
					note = (long)k;
			}
			if (en < 0 || de < 0)
				en = de = -2; /* not a glossary table */
			continue;
		}
		if (en == -2 || strncmp(line, "|---", 4) == 0)
			continue;
		s = cell(line, (size_t)en, &slen);
		t = cell(line, (size_t)de, &tlen);
		if (note >= 0)
			nt = cell(line, (size_t)note, &nlen);
		if (s == NULL || t == NULL || slen == 0 || tlen == 0)
			continue;
		source = pactum_strndup(s, slen);
		if (source == NULL)
			return PACTUM_ENOMEM;
		known = find(g, source);
		if (known != NULL && (size_t)(known - g->terms) < from_models &&
		    (strlen(known->target) != tlen ||
		     strncmp(known->target, t, tlen) != 0)) {
			pactum_pos pos = { path, (uint32_t)number, 0 };

			pactum_diag_report(diag, PACTUM_WARNING, &pos,
					   _("\"%s\" is \"%.*s\" here, but "
					     "\"%s\" in %s"),
					   source, (int)tlen, t, known->target,
					   known->context);
		}
		if (known == NULL)
			error = add(g, s, slen, t, tlen, "GLOSSARY.md", nt, nlen);
		pactum_free(source);
	}
	fclose(fp);
	return error;
}

/* ---------------------------------------------------------- output --- */

static int put_csv_field(pactum_sink *sink, const char *s)
{
	int error = pactum_sink_puts(sink, "\"");

	for (; *s && error == PACTUM_OK; s++)
		error = *s == '"' ? pactum_sink_puts(sink, "\"\"")
				  : pactum_sink_write(sink, s, 1);
	return error | pactum_sink_puts(sink, "\"");
}

static int put_xml(pactum_sink *sink, const char *s)
{
	int error = PACTUM_OK;

	for (; *s && error == PACTUM_OK; s++)
		error = *s == '<'   ? pactum_sink_puts(sink, "&lt;")
			: *s == '>' ? pactum_sink_puts(sink, "&gt;")
			: *s == '&' ? pactum_sink_puts(sink, "&amp;")
			: *s == '"' ? pactum_sink_puts(sink, "&quot;")
				    : pactum_sink_write(sink, s, 1);
	return error;
}

static int write_csv(pactum_sink *sink, const struct glossary *g)
{
	size_t i;
	int error = pactum_sink_puts(sink, "\"source\",\"target\",\"context\","
				     "\"developer_comments\"\n");

	for (i = 0; i < g->n && error == PACTUM_OK; i++) {
		error = put_csv_field(sink, g->terms[i].source);
		error |= pactum_sink_puts(sink, ",");
		error |= put_csv_field(sink, g->terms[i].target);
		error |= pactum_sink_puts(sink, ",");
		error |= put_csv_field(sink, g->terms[i].context);
		error |= pactum_sink_puts(sink, ",");
		error |= put_csv_field(sink, g->terms[i].note);
		error |= pactum_sink_puts(sink, "\n");
	}
	return error;
}

static int write_tbx(pactum_sink *sink, const struct glossary *g,
		     const char *lang)
{
	size_t i;
	int error = pactum_sink_puts(
		sink, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		      "<martif type=\"TBX\" xml:lang=\"en\">\n"
		      "<martifHeader><fileDesc><sourceDesc><p>pactum "
		      "glossary</p></sourceDesc></fileDesc></martifHeader>\n"
		      "<text><body>\n");

	for (i = 0; i < g->n && error == PACTUM_OK; i++) {
		error = pactum_sink_puts(sink, "<termEntry>\n");
		if (g->terms[i].note[0]) {
			error |= pactum_sink_puts(sink, "<descrip type=\"definition\">");
			error |= put_xml(sink, g->terms[i].note);
			error |= pactum_sink_puts(sink, "</descrip>\n");
		}
		error |= pactum_sink_puts(sink, "<note>");
		error |= put_xml(sink, g->terms[i].context);
		error |= pactum_sink_puts(sink, "</note>\n<langSet xml:lang=\"en\">"
					  "<tig><term>");
		error |= put_xml(sink, g->terms[i].source);
		error |= pactum_sink_puts(sink, "</term></tig></langSet>\n"
					  "<langSet xml:lang=\"");
		error |= put_xml(sink, lang);
		error |= pactum_sink_puts(sink, "\"><tig><term>");
		error |= put_xml(sink, g->terms[i].target);
		error |= pactum_sink_puts(sink, "</term></tig></langSet>\n"
					  "</termEntry>\n");
	}
	return error | pactum_sink_puts(sink, "</body></text>\n</martif>\n");
}

int cli_glossary(int argc, char **argv)
{
	static const struct option options[] = {
		{ "lang", required_argument, NULL, 'l' },
		{ "markdown", required_argument, NULL, 'm' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "catalog-path", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *lang = "de", *markdown = NULL, *format = "csv";
	const char *output = NULL, *catalog_path = NULL;
	struct glossary g = { NULL, 0 };
	pactum_registry *reg = NULL;
	pactum_translator *tr = NULL;
	pactum_sink *sink = NULL;
	pactum_diag *diag = NULL;
	size_t i;
	int c, status = EXIT_USAGE, error = PACTUM_OK;

	while ((c = cli_getopt(argc, argv, "l:m:f:o:h", options)) != -1) {
		switch (c) {
		case 'l':
			lang = optarg;
			break;
		case 'm':
			markdown = optarg;
			break;
		case 'f':
			format = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case 'c':
			catalog_path = optarg;
			break;
		case 'h':
			printf(_("Usage: %s glossary MODEL... [--lang LANG] "
				 "[--markdown GLOSSARY.md]\n"
				 "           [--format csv|tbx] [-o FILE] "
				 "[--catalog-path DIRS]\n"
				 "Write the defined terms and party roles of "
				 "the models with their\ntranslations (default "
				 "de), and the rows of a Markdown glossary's "
				 "English/\nGerman tables, as CSV (source, "
				 "target, context, developer_comments) or\n"
				 "TBX, for Weblate's glossary and other term "
				 "bases.  Warns where the\nMarkdown and a "
				 "catalog disagree.\n"),
			       PACKAGE);
			return EXIT_OK;
		default:
			return EXIT_USAGE;
		}
	}
	if (strcmp(format, "csv") != 0 && strcmp(format, "tbx") != 0) {
		cli_error(_("glossary: --format is csv or tbx, not '%s'"), format);
		return EXIT_USAGE;
	}
	if (!pactum_lang_supported(lang)) {
		cli_error(_("glossary: '%s' is not a language tag"), lang);
		return EXIT_USAGE;
	}
	if (optind >= argc) {
		cli_error("%s", _("glossary: give at least one MODEL file"));
		return EXIT_USAGE;
	}
	status = EXIT_SYSTEM;
	if (pactum_diag_new(&diag) != PACTUM_OK ||
	    cli_registry(&reg) != PACTUM_OK ||
	    pactum_translator_new(&tr, catalog_path) != PACTUM_OK ||
	    pactum_sink_new(&sink) != PACTUM_OK)
		goto cleanup;
	for (c = optind; c < argc && error == PACTUM_OK; c++) {
		pactum_model *model = NULL;

		error = pactum_model_load(&model, reg, argv[c], diag);
		if (error == PACTUM_OK)
			error = from_model(&g, model, tr, lang, diag);
		pactum_model_free(model);
	}
	if (error == PACTUM_OK && markdown != NULL)
		error = from_markdown(&g, markdown, g.n, diag);
	if (error == PACTUM_OK)
		error = strcmp(format, "csv") == 0 ? write_csv(sink, &g)
						   : write_tbx(sink, &g, lang);
	if (error == PACTUM_OK)
		error = pactum_sink_commit(sink, output, diag);
	status = error == PACTUM_EINVAL ? EXIT_USAGE : cli_exit_code(error);
cleanup:
	if (diag && cli_flush(diag) && status == EXIT_OK)
		status = EXIT_SYSTEM;
	for (i = 0; i < g.n; i++) {
		pactum_free(g.terms[i].source);
		pactum_free(g.terms[i].target);
		pactum_free(g.terms[i].context);
		pactum_free(g.terms[i].note);
	}
	pactum_free(g.terms);
	pactum_sink_free(sink);
	pactum_translator_free(tr);
	pactum_registry_free(reg);
	pactum_diag_free(diag);
	return status;
}
