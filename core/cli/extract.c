/* pactum extract: the translatable text of models as a POT file, the way
 * xgettext writes one, so msgmerge, msgfmt, Poedit and Weblate take it as
 * it is.  No timestamp: the same models give the same bytes. */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

/* "POT-Creation-Date: ..." from SOURCE_DATE_EPOCH, else now; "" when the
 * epoch is malformed (reported). */
static int creation_date(char *out, size_t size, pactum_diag *diag)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	unsigned long long secs = 0;
	struct tm tm;
	time_t t;
	const char *p;

	if (epoch != NULL) {
		for (p = epoch; *p >= '0' && *p <= '9' && secs < (1ull << 40); p++)
			secs = secs * 10 + (unsigned)(*p - '0');
		if (p == epoch || *p != '\0' || secs >= (1ull << 40)) {
			pactum_diag_report(diag, PACTUM_ERROR, NULL,
					   _("SOURCE_DATE_EPOCH=\"%s\" is not "
					     "a number of seconds"),
					   epoch);
			return PACTUM_EINPUT;
		}
		t = (time_t)secs;
	} else {
		t = time(NULL);
	}
	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(out, size, "\"POT-Creation-Date: %Y-%m-%d %H:%M+0000\\n\"\n",
		     &tm) == 0)
		return PACTUM_EINPUT;
	return PACTUM_OK;
}

static int put_header(pactum_sink *sink, const char *domain,
		      const char *date, int words)
{
	int error = put(sink, words ? "# pactum's contract words: what a "
				      "contract shows around a model's text.\n"
				    : "# Translatable text of pactum agreement "
				      "models.\n");

	/* what every entry's braces mean, once, where a translator starts */
	error |= put(sink,
		     "#\n"
		     "# Words in braces are pactum's placeholders, not printf's "
		     "or Python's:\n"
		     "# keep each one as often as the English has it; put them "
		     "where the\n"
		     "# sentence needs them.  {fee} a value, {term:x} and "
		     "{party:x} a defined\n"
		     "# term and a party (declined by words after a '|': "
		     "{party:x|des Anbieters}),\n"
		     "# {ref:x} a reference (\"Section 3.2\"), {em}...{/em} and "
		     "{strong}...{/strong}\n"
		     "# emphasis, {br} a line break, {when:1}...{/when:1} and "
		     "{otherwise:2}...\n"
		     "# {/otherwise:2} alternatives (each keeps its own words), "
		     "{plural:x|one|other}\n"
		     "# one form per Plural-Forms; {{ and }} are braces.  "
		     "'pactum check' checks it.\n");

	error |= put(sink,
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
		     "\"Report-Msgid-Bugs-To: \\n\"\n");
	error |= put(sink, date);
	error |= put(sink,
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

/* One POT entry; units of several models with the same context and text
 * become one entry with several references. */
struct entry {
	const char *ctx;
	const char *msgid;
	const char *msgid_plural; /* NULL: not a plural entry */
	const char *role;
	const char *note;
	pactum_pos *refs;
	size_t nrefs;
};

static int same(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* Where each context is among the entries: open addressing over entry
 * index + 1 (0: empty), so that collecting n units costs n lookups, not
 * n * n / 2 comparisons (10,000 clauses took 7.3 G instructions). */
struct ctx_index {
	size_t *slots;
	size_t cap;
	size_t indexed; /* entries[0..indexed) are in it */
};

static size_t ctx_hash(const char *s)
{
	uint64_t h = 14695981039346656037ull;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return (size_t)h;
}

/* The slot of ctx: the one that holds it, or the empty one it would go
 * in. */
static size_t *ctx_slot(const struct ctx_index *ix, const struct entry *entries,
			const char *ctx)
{
	size_t j = ctx_hash(ctx) & (ix->cap - 1);

	while (ix->slots[j] != 0 && strcmp(entries[ix->slots[j] - 1].ctx, ctx))
		j = (j + 1) & (ix->cap - 1);
	return &ix->slots[j];
}

/* Index entries[0..count), with room for one more; nonzero when out of
 * memory.  The first of two entries with one context is the one found. */
static int ctx_sync(struct ctx_index *ix, const struct entry *entries,
		    size_t count)
{
	size_t i, *slot;

	if ((count + 1) * 2 > ix->cap) {
		size_t cap = ix->cap ? ix->cap : 256;
		size_t *slots;

		while ((count + 1) * 2 > cap)
			cap *= 2;
		slots = cli_calloc(cap, sizeof(*slots));
		if (slots == NULL)
			return -1;
		pactum_free(ix->slots);
		ix->slots = slots;
		ix->cap = cap;
		ix->indexed = 0;
	}
	for (i = ix->indexed; i < count; i++) {
		slot = ctx_slot(ix, entries, entries[i].ctx);
		if (*slot == 0)
			*slot = i + 1;
	}
	ix->indexed = count;
	return 0;
}

/* The languages a model POT shows samples in (--languages), and the
 * roles made for them, freed at the end. */
struct sampling {
	pactum_translator *tr;
	pactum_data *data; /* --data: the samples, else the defaults */
	char *list;        /* --languages, cut in place; langs point into it */
	const char *langs[8];
	size_t n;
	char ***roles;
	size_t *nroles;
};

/* Add the units of model to entries; a context that two models use for
 * different text is an error, reported at the second. */
static int collect(struct entry **entries, size_t *count,
		   struct ctx_index *ix, const pactum_model *model,
		   const struct sampling *sm, pactum_diag *diag)
{
	size_t i, j, *slot, n = pactum_model_unit_count(model);
	int error = PACTUM_OK;

	for (i = 0; i < n && error != PACTUM_ENOMEM; i++) {
		struct entry e = { NULL, NULL, NULL, NULL, NULL, NULL, 0 }, *more;
		pactum_pos pos, *refs;

		/* included text belongs to its library's catalog */
		if (strcmp(pactum_model_unit_domain(model, i),
			   pactum_model_domain(model)) != 0)
			continue;
		pactum_model_unit(model, i, &e.ctx, &e.msgid, &e.msgid_plural,
				  &e.role, &e.note, &pos);
		if (sm->n > 0) {
			/* the samples in the catalogs' languages too */
			char *role = NULL, **kept;
			int r = pactum_model_unit_role_in(&role, model, i, sm->tr,
							  sm->langs, sm->n,
							  sm->data, diag);

			if (r != PACTUM_OK)
				return r;
			kept = pactum_realloc(*sm->roles, (*sm->nroles + 1) * sizeof(*kept));
			if (kept == NULL) {
				pactum_free(role);
				return PACTUM_ENOMEM;
			}
			*sm->roles = kept;
			kept[(*sm->nroles)++] = role;
			e.role = role;
		}
		if (ctx_sync(ix, *entries, *count) != 0)
			return PACTUM_ENOMEM;
		slot = ctx_slot(ix, *entries, e.ctx);
		j = *slot ? *slot - 1 : *count;
		if (j < *count && (strcmp((*entries)[j].msgid, e.msgid) != 0 ||
				   !same((*entries)[j].msgid_plural,
					 e.msgid_plural))) {
			pactum_diag_report(diag, PACTUM_ERROR, &pos,
					   _("context \"%s\" has other text "
					     "in %s"),
					   e.ctx, (*entries)[j].refs[0].file);
			error = PACTUM_EINPUT;
			continue;
		}
		if (j == *count) {
			more = pactum_realloc(*entries, (*count + 1) * sizeof(*more));
			if (more == NULL)
				return PACTUM_ENOMEM;
			*entries = more;
			more[(*count)++] = e;
			*slot = *count;
			ix->indexed = *count;
		}
		refs = pactum_realloc((*entries)[j].refs,
			       ((*entries)[j].nrefs + 1) * sizeof(*refs));
		if (refs == NULL)
			return PACTUM_ENOMEM;
		refs[(*entries)[j].nrefs++] = pos;
		(*entries)[j].refs = refs;
	}
	return error;
}

/* The entries of pactum's own contract words, the per-language ones once
 * for each of langs ("de,en"); names keeps the language names made. */
static int collect_words(struct entry **entries, size_t *count,
			 char ***names, size_t *nnames, const char *langs,
			 pactum_diag *diag)
{
	size_t i, n = pactum_words_count();
	struct entry e = { NULL, NULL, NULL, NULL, NULL, NULL, 0 }, *more;
	const char *p, *comma;
	char lang[16];
	char **nm;

	for (i = 0; i < n; i++) {
		pactum_words_entry(i, &e.ctx, &e.msgid, &e.msgid_plural,
				   &e.role);
		for (p = langs; e.msgid == NULL && p != NULL && *p != '\0';
		     p = comma ? comma + 1 : NULL) {
			comma = strchr(p, ',');
			snprintf(lang, sizeof(lang), "%.*s",
				 (int)(comma ? (size_t)(comma - p) : strlen(p)), p);
			nm = pactum_realloc(*names, (*nnames + 1) * sizeof(*nm));
			if (nm == NULL)
				return PACTUM_ENOMEM;
			*names = nm;
			if ((nm[*nnames] = pactum_language_name(lang)) == NULL) {
				pactum_diag_report(diag, PACTUM_ERROR, NULL,
						   _("--languages: \"%s\" is not "
						     "a language ICU knows"),
						   lang);
				return PACTUM_EINPUT;
			}
			more = pactum_realloc(*entries, (*count + 1) * sizeof(*more));
			if (more == NULL)
				return PACTUM_ENOMEM;
			*entries = more;
			more[*count] = e;
			more[(*count)++].msgid = nm[(*nnames)++];
		}
		if (e.msgid == NULL)
			continue;
		more = pactum_realloc(*entries, (*count + 1) * sizeof(*more));
		if (more == NULL)
			return PACTUM_ENOMEM;
		*entries = more;
		more[(*count)++] = e;
	}
	return PACTUM_OK;
}

static int put_entry(pactum_sink *sink, const struct entry *e)
{
	const char *p, *end;
	char line[32];
	size_t i;
	int error;

	/* the role is a line per thing a translator should know */
	error = put(sink, "\n");
	for (p = e->role; *p; p = end + (*end != '\0')) {
		end = strchr(p, '\n');
		if (end == NULL)
			end = p + strlen(p);
		error |= put(sink, "#. ");
		error |= pactum_sink_write(sink, p, (size_t)(end - p));
		error |= put(sink, "\n");
	}
	if (e->note) {
		error |= put(sink, "#. ");
		error |= put(sink, e->note);
		error |= put(sink, "\n");
	}
	for (i = 0; i < e->nrefs; i++) {
		/* a file name is the one text here not from a checked model:
		 * a newline in it would forge entries */
		char *file = pactum_text_escape(e->refs[i].file);

		if (file == NULL)
			return PACTUM_ENOMEM;
		snprintf(line, sizeof(line), ":%lu\n",
			 (unsigned long)e->refs[i].line);
		error |= put(sink, "#: ");
		error |= put(sink, file);
		error |= put(sink, line);
		pactum_free(file);
	}
	/* "20 %" in a contract is no printf directive */
	if (strchr(e->msgid, '%') != NULL ||
	    (e->msgid_plural && strchr(e->msgid_plural, '%') != NULL))
		error |= put(sink, "#, no-c-format\n");
	error |= put_string(sink, "msgctxt", e->ctx);
	error |= put_string(sink, "msgid", e->msgid);
	if (e->msgid_plural) {
		error |= put_string(sink, "msgid_plural", e->msgid_plural);
		error |= put(sink, "msgstr[0] \"\"\nmsgstr[1] \"\"\n");
	} else {
		error |= put(sink, "msgstr \"\"\n");
	}
	return error ? PACTUM_ENOMEM : PACTUM_OK;
}

/* --languages for a model POT: the catalogs' languages (not English, the
 * source), whose samples each note shows too. */
static int sampling_langs(struct sampling *sm, const char *list)
{
	char *p, *save = NULL;
	int error = pactum_translator_new(&sm->tr, NULL);

	if (error == PACTUM_OK && (sm->list = cli_strdup(list)) == NULL)
		error = PACTUM_ENOMEM;
	for (p = error == PACTUM_OK ? strtok_r(sm->list, ",", &save) : NULL;
	     p != NULL; p = strtok_r(NULL, ",", &save)) {
		if (strcmp(p, "en") == 0)
			continue;
		if (sm->n == 8 && pactum_lang_supported(p)) {
			cli_error(_("extract: --languages names more than %d "
				    "languages"),
				  8);
			return PACTUM_EINVAL;
		}
		if (!pactum_lang_supported(p)) {
			cli_error(_("extract: --languages: '%s' is not a "
				    "language tag"),
				  p);
			return PACTUM_EINVAL;
		}
		sm->langs[sm->n++] = p;
	}
	return error;
}

int cli_extract(int argc, char **argv)
{
	static const struct option options[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "timestamp", no_argument, NULL, 't' },
		{ "words", no_argument, NULL, 'w' },
		{ "languages", required_argument, NULL, 'L' },
		{ "data", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *output = NULL, *domain = NULL, *langs = "en";
	char **names = NULL, **roles = NULL;
	size_t nnames = 0, nroles = 0;
	struct sampling sm = { NULL, NULL, NULL, { NULL }, 0, &roles, &nroles };
	const char *data_file = NULL;
	int words = 0, langs_given = 0;
	pactum_registry *reg = NULL;
	pactum_model **models = NULL;
	pactum_sink *sink = NULL;
	pactum_diag *diag = NULL;
	struct entry *entries = NULL;
	struct ctx_index ix = { NULL, 0, 0 };
	size_t j, nentries = 0;
	char date[64] = "";
	int timestamp = 0;
	int c, i, n = 0, status = EXIT_USAGE, error = PACTUM_OK;

	while ((c = cli_getopt(argc, argv, "o:th", options)) != -1) {
		switch (c) {
		case 'w':
			words = 1;
			break;
		case 'L':
			langs = optarg;
			langs_given = 1;
			break;
		case 'd':
			data_file = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case 't':
			timestamp = 1;
			break;
		case 'h':
			printf(_("Usage: %s extract MODEL.xml... [-o FILE.pot] "
				 "[--timestamp]\n"
				 "   or: %s extract --words [--languages "
				 "LANG,...] [-o FILE.pot]\n"
				 "Write the translatable text of the models, "
				 "which must share one\ntext domain, as a "
				 "gettext POT file (default: stdout).\n"
				 "--timestamp adds a POT-Creation-Date (from "
				 "SOURCE_DATE_EPOCH if set);\nwithout it the "
				 "same models give the same bytes.\n"
				 "--words writes pactum's own contract words "
				 "(text domain pactum-words)\ninstead, with "
				 "the names of the --languages (default: en) "
				 "a contract\ncan be in.  For models, "
				 "--languages names the catalogs' languages, "
				 "whose\nsamples each note shows too; --data "
				 "DEAL.xml takes the samples from a deal.\n"),
			       PACKAGE, PACKAGE);
			return EXIT_OK;
		default:
			return EXIT_USAGE;
		}
	}
	if (words ? optind < argc : optind >= argc) {
		cli_error("%s", words ? _("extract: --words takes no MODEL file")
				      : _("extract: give at least one MODEL file"));
		return EXIT_USAGE;
	}
	status = EXIT_SYSTEM;
	models = cli_calloc((size_t)(argc - optind) + 1, sizeof(*models));
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
	if (words) {
		domain = "pactum-words";
		error = collect_words(&entries, &nentries, &names, &nnames,
				      langs, diag);
	}
	if (error == PACTUM_OK && timestamp)
		error = creation_date(date, sizeof(date), diag);
	if (error == PACTUM_OK)
		error = put_header(sink, domain, date, words) ? PACTUM_ENOMEM
						       : PACTUM_OK;
	if (!words && error == PACTUM_OK && langs_given)
		error = sampling_langs(&sm, langs);
	if (!words && error == PACTUM_OK && data_file != NULL && sm.n > 0) {
		error = pactum_data_new(&sm.data);
		if (error == PACTUM_OK)
			error = pactum_data_load(sm.data, reg, data_file, diag);
	}
	for (i = 0; error == PACTUM_OK && i < n; i++)
		error = collect(&entries, &nentries, &ix, models[i], &sm, diag);
	for (j = 0; error == PACTUM_OK && j < nentries; j++)
		error = put_entry(sink, &entries[j]);
	if (error == PACTUM_OK)
		error = pactum_sink_commit(sink, output, diag);
	status = error == PACTUM_EINVAL ? EXIT_USAGE : cli_exit_code(error);
cleanup:
	if (diag && cli_flush(diag) && status == EXIT_OK)
		status = EXIT_SYSTEM;
	for (j = 0; j < nentries; j++)
		pactum_free(entries[j].refs);
	for (j = 0; j < nnames; j++)
		pactum_free(names[j]);
	pactum_free(names);
	for (j = 0; j < nroles; j++)
		pactum_free(roles[j]);
	pactum_free(roles);
	pactum_translator_free(sm.tr);
	pactum_free(sm.list);
	pactum_data_free(sm.data);
	pactum_free(entries);
	pactum_free(ix.slots);
	for (i = 0; i < n; i++)
		pactum_model_free(models[i]);
	pactum_free(models);
	pactum_sink_free(sink);
	pactum_registry_free(reg);
	pactum_diag_free(diag);
	return status;
}
