/* Translation status of a model: what 'pactum check' reports, unit by
 * unit, with the same placeholder check that rendering applies. */
#include "config.h"

#include <string.h>

#include "doc.h"
#include "po.h"
#include "unit.h"

enum verdict { TRANSLATED, FUZZY, UNTRANSLATED, MISMATCHED };

struct checking {
	const pactum_model *model;
	const char *lang;
	pactum_diag *diag;
	pactum_buf why;
};

static enum verdict report(struct checking *c, const pactum_unit *u,
			   enum verdict v, const char *detail)
{
	pactum_pos pos = pactum__node_pos(c->model, u->node);

	switch (v) {
	case FUZZY:
		pactum_diag_report(c->diag, PACTUM_ERROR, &pos,
				   _("%s: \"%s\" is fuzzy: review it and remove "
				     "the fuzzy flag"),
				   c->lang, u->ctx);
		break;
	case UNTRANSLATED:
		pactum_diag_report(c->diag, PACTUM_ERROR, &pos,
				   _("%s: \"%s\" is not translated (%s)"),
				   c->lang, u->ctx, detail);
		break;
	case MISMATCHED:
		pactum_diag_report(c->diag, PACTUM_ERROR, &pos,
				   _("%s: \"%s\" does not fit its source "
				     "text: %s"),
				   c->lang, u->ctx, detail);
		break;
	default:
		break;
	}
	return v;
}

/* Every form must carry the source's placeholders. */
static enum verdict check_forms(struct checking *c, const pactum_unit *u,
				const char *const *forms, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (forms[i] == NULL || forms[i][0] == '\0')
			return report(c, u, UNTRANSLATED,
				      _("an empty form"));
		pactum__buf_clear(&c->why);
		if (pactum__template_check(u, forms[i], strlen(forms[i]),
					   &c->why) != 0)
			return report(c, u, MISMATCHED,
				      c->why.ptr ? c->why.ptr : "");
	}
	return TRANSLATED;
}

static enum verdict from_po(struct checking *c, const pactum_unit *u,
			    const pactum_po *po)
{
	const pactum_po_entry *e = pactum__po_find(po, u->ctx, u->msgid);

	if (e == NULL)
		return report(c, u, UNTRANSLATED,
			      _("not in the catalog: run make update-po"));
	if (e->fuzzy)
		return report(c, u, FUZZY, NULL);
	if ((e->msgid_plural != NULL) != (u->msgid_plural != NULL) ||
	    (e->msgid_plural && strcmp(e->msgid_plural, u->msgid_plural)))
		return report(c, u, UNTRANSLATED,
			      _("its plural text differs: run make update-po"));
	if (e->nstr == 0)
		return report(c, u, UNTRANSLATED, _("no msgstr"));
	return check_forms(c, u, e->msgstr, e->nstr);
}

static enum verdict from_catalog(struct checking *c, const pactum_unit *u,
				 const pactum_catalog *cat)
{
	const char *forms[2];
	size_t n = 1;

	if (u->msgid_plural) {
		/* one and many: the forms German and English have */
		forms[0] = pactum__catalog_nget(cat, u->ctx, u->msgid, 1, NULL);
		forms[1] = pactum__catalog_nget(cat, u->ctx, u->msgid, 5, NULL);
		n = 2;
	} else {
		forms[0] = pactum__catalog_get(cat, u->ctx, u->msgid, NULL);
	}
	if (forms[0] == NULL)
		return report(c, u, UNTRANSLATED,
			      _("missing, empty or fuzzy in the catalog"));
	return check_forms(c, u, forms, n);
}

int pactum_translation_check(pactum_translation_status *out,
			     const pactum_model *model, pactum_translator *tr,
			     const char *po_path, const char *lang,
			     pactum_diag *diag)
{
	struct checking c = { model, lang, diag, PACTUM_BUF_INIT };
	const pactum_catalog *cat = NULL;
	pactum_po *po = NULL;
	size_t i;
	int error;

	memset(out, 0, sizeof(*out));
	if (!pactum_lang_supported(lang) ||
	    strcmp(lang, model->source_lang) == 0)
		return PACTUM_EINVAL;
	if (po_path != NULL)
		error = pactum__po_read(&po, po_path, diag);
	else
		error = pactum__translator_catalog(&cat, tr, model->domain, lang,
						   diag);
	if (error == PACTUM_ENOTFOUND)
		error = PACTUM_OK; /* no catalog: everything is untranslated */
	if (error != PACTUM_OK)
		goto cleanup;
	out->units = model->ntranslatable;
	for (i = 0; i < model->ntranslatable; i++) {
		const pactum_unit *u = model->translatable[i];
		enum verdict v;

		if (po != NULL)
			v = from_po(&c, u, po);
		else if (cat != NULL)
			v = from_catalog(&c, u, cat);
		else
			v = report(&c, u, UNTRANSLATED, _("no catalog"));
		switch (v) {
		case TRANSLATED:
			out->translated++;
			break;
		case FUZZY:
			out->fuzzy++;
			break;
		case UNTRANSLATED:
			out->untranslated++;
			break;
		case MISMATCHED:
			out->mismatched++;
			break;
		}
	}
	if (c.why.oom)
		error = PACTUM_ENOMEM;
cleanup:
	pactum__buf_free(&c.why);
	pactum__po_free(po);
	return error;
}
