/* Translation status of a model: what 'pactum check' reports, unit by
 * unit, with the same placeholder check that rendering applies. */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include "doc.h"
#include "english.h"
#include "po.h"
#include "unit.h"

enum verdict { TRANSLATED, FUZZY, UNTRANSLATED, MISMATCHED };

struct checking {
	const pactum_model *model;
	const char *lang;
	pactum_diag *diag;
	pactum_buf why;
	const char *po_path;          /* checking a .po: where it is */
	const pactum_po_entry *entry; /* the unit's entry there, or NULL */
	int po_mode;                  /* checking .po files: warn of English */
	const pactum_keep *keep;      /* what stays English: DIR/DOMAIN/KEEP */
	const char *keep_path;
};

/* Where a unit's problem is fixed: its entry in LANG.po when there is
 * one, else the model's text. */
static pactum_pos where(const struct checking *c, const pactum_unit *u)
{
	pactum_pos pos = pactum__node_pos(c->model, u->node);

	if (c->entry != NULL) {
		pos.file = c->po_path;
		pos.line = c->entry->line;
		pos.col = 0;
	}
	return pos;
}

/* English left in form i of a translated unit: warnings, since msgfmt and
 * the render take it. */
static void warn_english(struct checking *c, const pactum_unit *u,
			 const char *form, size_t i)
{
	const char *source = i > 0 && u->msgid_plural ? u->msgid_plural
						       : u->msgid;
	pactum_pos pos = where(c, u);
	const char *w;
	size_t len;

	if (!c->po_mode)
		return;
	if ((w = pactum__english_unchanged(source, form, c->keep, &len)))
		pactum_diag_report(c->diag, PACTUM_WARNING, &pos,
				   _("%s: \"%s\" is the English text unchanged "
				     "(\"%.*s\"): translate it, or list what "
				     "stays English in %s"),
				   c->lang, u->ctx, (int)len, w, c->keep_path);
	else if ((w = pactum__english_display(u, form, c->keep, &len)))
		pactum_diag_report(c->diag, PACTUM_WARNING, &pos,
				   _("%s: \"%s\" keeps the English word "
				     "\"%.*s\" after a '|': give the "
				     "translated words, or list it in %s"),
				   c->lang, u->ctx, (int)len, w, c->keep_path);
}

/* A unit's problem, reported where the translator fixes it. */
static enum verdict report(struct checking *c, const pactum_unit *u,
			   enum verdict v, const char *detail)
{
	pactum_pos pos = where(c, u);
	const char *p, *line;
	int n;

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
		/* a problem a line */
		for (p = detail; pactum__line_next(&p, &line, &n);)
			pactum_diag_report(c->diag, PACTUM_ERROR, &pos,
					   _("%s: \"%s\" does not fit its "
					     "source text: %.*s"),
					   c->lang, u->ctx, n, line);
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
	for (i = 0; i < n; i++)
		warn_english(c, u, forms[i], i);
	return TRANSLATED;
}

/* Whether a .po entry leaves the unit to the language's catalog behind a
 * regional one: absent, or not translated. */
static int left_to_base(const pactum_po_entry *e)
{
	return e == NULL || (!e->fuzzy && (e->nstr == 0 || e->msgstr[0][0] == '\0'));
}

static enum verdict from_po(struct checking *c, const pactum_unit *u,
			    const pactum_po *po, const pactum_po *base)
{
	const pactum_po_entry *e = pactum__po_find(po, u->ctx, u->msgid);

	c->po_path = pactum__po_path(po);
	if (base != NULL && left_to_base(e)) {
		/* what de_CH.po does not change, de.po says */
		e = pactum__po_find(base, u->ctx, u->msgid);
		c->po_path = pactum__po_path(base);
	}
	c->entry = e;
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

/* Whether u is the model's own text, not a clause library's. */
static int own(const pactum_model *model, const pactum_unit *u)
{
	return strcmp(u->domain, model->domain) == 0;
}

int pactum_translation_check(pactum_translation_status *out,
			     const pactum_model *model, pactum_translator *tr,
			     const char *po_path, const char *lang,
			     pactum_diag *diag)
{
	struct checking c = { model, lang, diag, PACTUM_BUF_INIT, po_path, NULL,
			      po_path != NULL, NULL, NULL };
	const pactum_catalog *cat = NULL;
	pactum_po *po = NULL, *base = NULL;
	pactum_keep *keep = NULL;
	pactum_buf base_path = PACTUM_BUF_INIT, keep_path = PACTUM_BUF_INIT;
	const char *slash;
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
	/* a regional .po (.../de_CH.po) has its language's beside it */
	slash = po_path ? strrchr(po_path, '/') : NULL;
	if (error == PACTUM_OK && po != NULL && strchr(lang, '-') != NULL) {
		pactum__buf_put(&base_path, po_path,
				slash ? (size_t)(slash + 1 - po_path) : 0);
		pactum__buf_printf(&base_path, "%.*s.po",
				   (int)strcspn(lang, "-"), lang);
		if (base_path.oom)
			error = PACTUM_ENOMEM;
		else if (access(base_path.ptr, F_OK) == 0)
			error = pactum__po_read(&base, base_path.ptr, diag);
	}
	if (error == PACTUM_OK && po != NULL) {
		pactum__buf_put(&keep_path, po_path,
				slash ? (size_t)(slash + 1 - po_path) : 0);
		pactum__buf_puts(&keep_path, "KEEP");
		error = keep_path.oom ? PACTUM_ENOMEM
				      : pactum__keep_read(&keep, keep_path.ptr,
							  diag);
		c.keep = keep;
		c.keep_path = keep_path.ptr;
	}
	/* included text is the clause library's: checked with it */
	for (i = 0; i < model->ntranslatable; i++)
		out->units += own(model, model->translatable[i]);
	if (error == PACTUM_ENOTFOUND) {
		/* no catalog: said once (a missing .po by the reader), and
		 * everything is untranslated */
		pactum_pos pos = { model->file, 0, 0 };

		if (po_path == NULL)
			pactum_diag_report(diag, PACTUM_ERROR, &pos,
					   _("%s: no compiled catalog of text "
					     "domain %s"),
					   lang, model->domain);
		out->untranslated = out->units;
		error = PACTUM_OK;
		goto cleanup;
	}
	if (error != PACTUM_OK)
		goto cleanup;
	for (i = 0; i < model->ntranslatable; i++) {
		const pactum_unit *u = model->translatable[i];
		enum verdict v;

		if (!own(model, u))
			continue;
		if (po != NULL)
			v = from_po(&c, u, po, base);
		else
			v = from_catalog(&c, u, cat);
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
	pactum__buf_free(&base_path);
	pactum__buf_free(&keep_path);
	pactum__keep_free(keep);
	pactum__po_free(po);
	pactum__po_free(base);
	return error;
}
