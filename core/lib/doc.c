/* The document: building it (resolve, then translate) and the accessors
 * writers walk it with. */
#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "doc.h"
#include "langtab.h"

void pactum__doc_report(pactum_doc *doc, pactum_severity sev,
			const pactum_pos *pos, const char *fmt, ...)
{
	va_list ap;

	if (sev == PACTUM_ERROR)
		doc->errors++;
	va_start(ap, fmt);
	if (pactum_diag_vreport(doc->diag, sev, pos, fmt, ap) != PACTUM_OK)
		doc->nomem = 1;
	va_end(ap);
}

void pactum_doc_free(pactum_doc *doc)
{
	if (doc == NULL)
		return;
	pactum__map_free(&doc->fields);
	pactum__map_free(&doc->placed);
	pactum__map_free(&doc->terms);
	pactum_free(doc->values);
	pactum_free(doc->has_value);
	pactum_free(doc->used);
	pactum_free(doc->flat);
	pactum__arena_free(doc->arena);
	pactum_free(doc);
}

/* The index of the model's prevailing language among the rendered ones:
 * the language itself, else a regional variant of it (de-AT for de);
 * nlangs when none is rendered. */
static size_t prevailing_index(const pactum_doc *doc)
{
	const char *p = doc->model->prevailing;
	char base[8];
	size_t i;

	for (i = 0; p != NULL && i < doc->nlangs; i++)
		if (strcmp(doc->langs[i], p) == 0)
			return i;
	for (i = 0; p != NULL && i < doc->nlangs; i++) {
		pactum__lang_dir(base, doc->langs[i], 1);
		if (strcmp(base, p) == 0)
			return i;
	}
	return doc->nlangs;
}

int pactum_doc_new(pactum_doc **out, const pactum_model *model,
		   const pactum_data *data, pactum_translator *tr,
		   const char *const *langs, size_t nlangs, pactum_diag *diag)
{
	pactum_doc *doc = NULL;
	size_t i, j;
	int error = PACTUM_ENOMEM;

	*out = NULL;
	if (nlangs == 0 || nlangs > 8)
		return PACTUM_EINVAL;
	if (model->library) {
		pactum_pos pos = { model->file, 0, 0 };

		pactum_diag_report(diag, PACTUM_ERROR, &pos, "%s",
				   _("this is a clause library, not an "
				     "agreement: include its parts from a "
				     "model, and render that"));
		return PACTUM_EINPUT;
	}
	doc = pactum_malloc(sizeof(*doc));
	if (doc == NULL)
		goto cleanup;
	memset(doc, 0, sizeof(*doc));
	doc->model = model;
	doc->data = data;
	doc->tr = tr;
	doc->diag = diag;
	doc->nlangs = nlangs;
	if (pactum__arena_new(&doc->arena) != PACTUM_OK)
		goto cleanup;
	doc->langs = pactum__arena_calloc(doc->arena, nlangs * sizeof(char *));
	doc->locs = pactum__arena_calloc(doc->arena, nlangs * sizeof(*doc->locs));
	if (doc->langs == NULL || doc->locs == NULL)
		goto cleanup;
	for (i = 0; i < nlangs; i++) {
		if (!pactum_lang_supported(langs[i])) {
			pactum_diag_report(diag, PACTUM_ERROR, NULL,
					   _("unsupported language \"%s\""),
					   langs[i]);
			error = PACTUM_EINPUT;
			goto cleanup;
		}
		for (j = 0; j < i; j++) {
			if (strcmp(langs[i], langs[j]) == 0) {
				pactum_diag_report(diag, PACTUM_ERROR, NULL,
						   _("language \"%s\" given twice"),
						   langs[i]);
				error = PACTUM_EINPUT;
				goto cleanup;
			}
		}
		doc->langs[i] = pactum__arena_strdup(doc->arena, langs[i]);
		if (doc->langs[i] == NULL)
			goto cleanup;
		error = pactum__translator_locale(&doc->locs[i], tr, langs[i],
						  diag);
		if (error != PACTUM_OK)
			goto cleanup;
		error = PACTUM_ENOMEM;
	}
	doc->prevailing = prevailing_index(doc);
	error = pactum__doc_resolve(doc);
	if (error == PACTUM_OK)
		error = pactum__doc_translate(doc);
	if (error != PACTUM_OK)
		goto cleanup;
	*out = doc;
	doc = NULL;
cleanup:
	pactum_doc_free(doc);
	return error;
}

size_t pactum_doc_lang_count(const pactum_doc *doc)
{
	return doc->nlangs;
}

const char *pactum_doc_lang(const pactum_doc *doc, size_t i)
{
	return i < doc->nlangs ? doc->langs[i] : NULL;
}

const char *pactum_doc_locale(const pactum_doc *doc, size_t i)
{
	return i < doc->nlangs ? doc->locs[i]->tag : NULL;
}

const char *pactum_doc_source_lang(const pactum_doc *doc)
{
	return doc->model->source_lang;
}

size_t pactum_doc_prevailing(const pactum_doc *doc)
{
	return doc->prevailing < doc->nlangs ? doc->prevailing : 0;
}

int pactum_doc_prevails(size_t *out, const pactum_doc *doc)
{
	*out = doc->prevailing;
	return doc->prevailing < doc->nlangs ? PACTUM_OK : PACTUM_ENOTFOUND;
}

const char *pactum_doc_id(const pactum_doc *doc)
{
	return doc->model->root->attr[PACTUM_ATTR_ID];
}

const pactum_block *pactum_doc_find(const pactum_doc *doc, const char *id)
{
	return id ? pactum__map_get(&doc->placed, id, strlen(id)) : NULL;
}

const pactum_block *pactum_doc_term(const pactum_doc *doc, const char *id)
{
	return id ? pactum__map_get(&doc->terms, id, strlen(id)) : NULL;
}

int pactum_runs_equal(const pactum_run *a, const pactum_run *b)
{
	for (; a && b; a = a->next, b = b->next)
		if (a->kind != b->kind || a->untranslated != b->untranslated ||
		    a->len != b->len ||
		    memcmp(a->text, b->text, a->len) != 0)
			return 0;
	return a == NULL && b == NULL;
}

const char *pactum_doc_label(const pactum_doc *doc, size_t lang,
			     pactum_label which)
{
	static const pactum_word words[] = {
		[PACTUM_LABEL_LANGUAGE] = PACTUM_WORD_LANGUAGE,
		[PACTUM_LABEL_PARTIES] = PACTUM_WORD_PARTIES,
		[PACTUM_LABEL_DEFINITIONS] = PACTUM_WORD_DEFINITIONS,
		[PACTUM_LABEL_SIGNATURES] = PACTUM_WORD_SIGNATURES,
		[PACTUM_LABEL_FOOTNOTES] = PACTUM_WORD_FOOTNOTES,
		[PACTUM_LABEL_PREVAILING] = PACTUM_WORD_PREVAILING,
		[PACTUM_LABEL_PAGE] = PACTUM_WORD_PAGE,
	};
	const pactum_locale *loc;

	if (lang >= doc->nlangs || (unsigned)which >= PACTUM_LABEL_COUNT_)
		return "";
	loc = doc->locs[lang];
	if (which == PACTUM_LABEL_OPEN_QUOTE)
		return loc->quote_open;
	if (which == PACTUM_LABEL_CLOSE_QUOTE)
		return loc->quote_close;
	return pactum__locale_word(loc, words[which]);
}

const char *pactum_doc_version(const pactum_doc *doc)
{
	return doc->model->root->attr[PACTUM_ATTR_VERSION];
}

const char *pactum_doc_date(const pactum_doc *doc)
{
	return doc->model->root->attr[PACTUM_ATTR_DATE];
}

const pactum_block *pactum_doc_root(const pactum_doc *doc)
{
	return doc->root;
}

pactum_block_kind pactum_block_kind_of(const pactum_block *block)
{
	return block->kind;
}

const pactum_block *pactum_block_first_child(const pactum_block *block)
{
	return block->first;
}

const pactum_block *pactum_block_next(const pactum_block *block)
{
	return block->next;
}

const char *pactum_block_id(const pactum_block *block)
{
	return block->id;
}

const char *pactum_block_number(const pactum_block *block)
{
	return block->number;
}

int pactum_block_ordered(const pactum_block *block)
{
	return block->ordered;
}

const char *pactum_block_label(const pactum_block *block, size_t lang)
{
	return block->label ? block->label[lang] : NULL;
}

int pactum_block_header(const pactum_block *block)
{
	return block->header;
}

size_t pactum_block_columns(const pactum_block *block)
{
	return block->columns;
}

int pactum_block_omitted(const pactum_block *block)
{
	return block->omitted;
}

const pactum_run *pactum_block_title(const pactum_block *block, size_t lang)
{
	return block->title ? block->title[lang] : NULL;
}

const pactum_run *pactum_block_content(const pactum_block *block,
				       size_t lang)
{
	return block->content ? block->content[lang] : NULL;
}

const pactum_run *pactum_run_next(const pactum_run *run)
{
	return run->next;
}

pactum_run_kind pactum_run_kind_of(const pactum_run *run)
{
	/* what a writer built for 1.4 or before was promised */
	if (run->untranslated_1_4 && pactum__plugin_active_minor() < 5)
		return PACTUM_RUN_UNTRANSLATED;
	return run->kind;
}

int pactum_run_untranslated(const pactum_run *run)
{
	return run->untranslated;
}

int pactum_run_value(pactum_value_type *type, const char **canonical,
		     const pactum_run *run)
{
	if (run->kind != PACTUM_RUN_VALUE || run->value_type == 0 ||
	    run->u.canonical == NULL)
		return PACTUM_ENOTFOUND;
	*type = (pactum_value_type)run->value_type;
	*canonical = run->u.canonical;
	return PACTUM_OK;
}

const char *pactum_run_text(const pactum_run *run, size_t *len)
{
	*len = run->len;
	return run->text;
}

const char *pactum_run_ref(const pactum_run *run)
{
	return run->ref;
}

const pactum_block *pactum_run_block(const pactum_run *run)
{
	return run->kind == PACTUM_RUN_VALUE ? NULL : run->u.block;
}

pactum_pos pactum_block_pos(const pactum_doc *doc, const pactum_block *block)
{
	pactum_pos none = { NULL, 0, 0 };

	return block->node ? pactum__node_pos(doc->model, block->node) : none;
}

/* Bit k set when the document has a block of kind k.  Blocks nest no
 * deeper than the model (PACTUM_MAX_DEPTH) plus a few levels. */
static uint32_t kinds_below(const pactum_block *b)
{
	uint32_t used = 0;

	for (; b; b = b->next)
		used |= (uint32_t)1 << b->kind | kinds_below(b->first);
	return used;
}

uint32_t pactum__doc_block_kinds(const pactum_doc *doc)
{
	return kinds_below(doc->root);
}
