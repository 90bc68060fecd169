/* What a translator is told about a unit, in its POT comment (English, as
 * POT comments are): what each placeholder stands for, with a sample
 * where the model gives one, which count picks the plural form, and the
 * condition the text appears under.  One line each. */
#include "config.h"

#include <string.h>

#include "data.h"
#include "doc.h"
#include "unit.h"
#include "value.h"

/* Append s with every control character a space: one comment line. */
static void put_line_text(pactum_buf *out, const char *s)
{
	for (; *s; s++)
		pactum__buf_putc(out, (unsigned char)*s < 0x20 ? ' ' : *s);
}

/* "a" or "an" before the name of type t. */
static const char *article(pactum_type t)
{
	return strchr("aeiou", pactum__type_name(t)[0]) ? "an" : "a";
}

/* The languages a description shows samples in, beside English. */
struct samples {
	const pactum_locale *const *locs;
	size_t n;
	const pactum_data *data; /* a deal whose values are the samples */
};

/* " (de: 1.000,00 EUR; de-CH: EUR 1’000.00)": sample in each language. */
static void put_samples(pactum_buf *out, const pactum_value *sample,
			const struct samples *in)
{
	size_t i;

	for (i = 0; in != NULL && i < in->n; i++) {
		pactum__buf_printf(out, i == 0 ? " (%s: " : "; %s: ",
				   pactum__locale_lang(in->locs[i]));
		pactum__value_format(out, sample, in->locs[i]);
	}
	if (in != NULL && in->n > 0)
		pactum__buf_putc(out, ')');
}

/* "a money, e.g. EUR 1,000.00" and the like for param p. */
static void put_param(pactum_buf *out, const pactum_node *p,
		      const struct samples *in)
{
	const char *d = p->attr[PACTUM_ATTR_DEFAULT], *v = p->attr[PACTUM_ATTR_VALUE];
	const pactum_datum *given = NULL;
	size_t dlen = d ? strlen(d) : 0;
	pactum_value sample;

	/* the deal's value, where one is given, is the better sample */
	if (in != NULL && in->data != NULL && p->attr[PACTUM_ATTR_ID] != NULL)
		given = pactum__map_get(&in->data->index, p->attr[PACTUM_ATTR_ID],
					strlen(p->attr[PACTUM_ATTR_ID]));
	if (given != NULL) {
		d = given->value;
		dlen = given->len;
	}

	if (p->list != NULL) {
		pactum__buf_printf(out, "%s %s field of each record of \"%s\"",
				   article(p->type), pactum__type_name(p->type),
				   p->list->attr[PACTUM_ATTR_ID]);
		return;
	}
	if (p->party != NULL) {
		pactum__buf_printf(out, "a field of party \"%s\"",
				   p->party->attr[PACTUM_ATTR_ID]);
		return;
	}
	pactum__buf_printf(out, "%s %s", article(p->type),
			   pactum__type_name(p->type));
	if (v != NULL) {
		pactum__buf_puts(out, ", computed as ");
		put_line_text(out, v);
	} else if (d != NULL && p->type != PACTUM_TYPE_CHOICE &&
		   pactum__value_parse(&sample, p->type, d, dlen, NULL) ==
			   PACTUM_OK &&
		   pactum__locale_english() != NULL) {
		pactum__buf_puts(out, ", e.g. ");
		pactum__value_format(out, &sample, pactum__locale_english());
		put_samples(out, &sample, in);
	} else if (p->type == PACTUM_TYPE_CHOICE) {
		pactum__buf_puts(out, ", shown by its choice's translated label");
	}
}

/* Append the English words of target's child of kind k, quoted
 * ("\"Vendor\" "), if it has them. */
static void put_english(pactum_buf *out, const pactum_node *target,
			pactum_node_kind k)
{
	const pactum_node *c = target ? pactum__node_child(target, k) : NULL;

	if (c && c->unit && c->unit->msgid[0]) {
		pactum__buf_putc(out, '"');
		put_line_text(out, c->unit->msgid);
		pactum__buf_puts(out, "\" ");
	}
}

/* A sample reference, "Section 3.2", by loc's words. */
static void put_xref(pactum_buf *out, const pactum_locale *loc)
{
	static const char *const names[] = { "number" };
	static const char *const values[] = { "3.2" };

	if (loc != NULL)
		pactum__word_expand(out, pactum__locale_word(loc, PACTUM_WORD_XREF),
				    names, values, 1);
}

/* One line for placeholder ph, or nothing for the end of a pair. */
static void put_placeholder(pactum_buf *out, const pactum_placeholder *ph,
			    const struct samples *in)
{
	const pactum_node *n = ph->node, *t = n->target;
	const char *format = n->attr[PACTUM_ATTR_FORMAT];
	size_t i;

	if (ph->pair == PACTUM_PAIR_CLOSE || n->kind == PACTUM_NODE_WHEN ||
	    n->kind == PACTUM_NODE_OTHERWISE)
		return; /* alternatives are in the role already */
	pactum__buf_printf(out, "\n{%s}", ph->name);
	switch (n->kind) {
	case PACTUM_NODE_VAR:
		pactum__buf_puts(out, ": ");
		if (t)
			put_param(out, t, in);
		if (format)
			pactum__buf_printf(out, ", shown as %s", format);
		if (t && t->type == PACTUM_TYPE_DURATION && format == NULL)
			pactum__buf_printf(out, "; {%s|dat} (or gen, acc) "
						"declines its unit",
					   ph->name);
		break;
	case PACTUM_NODE_FIELD:
		pactum__buf_printf(out, ": the %s of party \"%s\"",
				   n->attr[PACTUM_ATTR_NAME],
				   n->attr[PACTUM_ATTR_PARTY]);
		break;
	case PACTUM_NODE_PARTY_REF:
	case PACTUM_NODE_TERM_REF: {
		int party = n->kind == PACTUM_NODE_PARTY_REF;

		pactum__buf_puts(out, party ? ": the party " : ": the defined term ");
		put_english(out, t, party ? PACTUM_NODE_ROLE : PACTUM_NODE_NAME);
		pactum__buf_printf(out, "(its %s); {%s|other words} declines it",
				   party ? "role" : "name", ph->name);
		break;
	}
	case PACTUM_NODE_DEFINE:
		pactum__buf_printf(out, ": the term \"%s\" in quotes, where "
					"this text defines it",
				   n->attr[PACTUM_ATTR_REF]);
		break;
	case PACTUM_NODE_XREF:
		pactum__buf_puts(out, ": a reference such as \"");
		put_xref(out, pactum__locale_english());
		pactum__buf_putc(out, '"');
		for (i = 0; in != NULL && i < in->n; i++) {
			pactum__buf_printf(out, i == 0 ? " (%s: " : "; %s: ",
					   pactum__locale_lang(in->locs[i]));
			put_xref(out, in->locs[i]);
		}
		if (in != NULL && in->n > 0)
			pactum__buf_putc(out, ')');
		break;
	case PACTUM_NODE_FOOTNOTE:
		pactum__buf_puts(out, ": where the footnote's mark stands");
		break;
	case PACTUM_NODE_BREAK:
		pactum__buf_puts(out, ": a line break");
		break;
	case PACTUM_NODE_PLURAL:
		pactum__buf_printf(out, ": words for the count \"%s\", one form "
					"per plural form of your language, "
					"after '|'",
				   n->attr[PACTUM_ATTR_COUNT]);
		break;
	default: /* {em}...{/em} and the other pairs */
		pactum__buf_printf(out, "...{/%s}: %s", ph->name,
				   pactum__node_kind_name(n->kind));
		break;
	}
}

/* u's description, its samples also in the languages of in. */
static void describe(pactum_buf *out, const pactum_unit *u,
		     const struct samples *in)
{
	const pactum_node *n;
	size_t i, j;

	pactum__buf_puts(out, u->kind_role);
	for (i = 0; i < u->nph; i++) {
		for (j = 0; j < i; j++) /* each name once */
			if (strcmp(u->ph[j].name, u->ph[i].name) == 0)
				break;
		if (j == i)
			put_placeholder(out, &u->ph[i], in);
	}
	if (u->count != NULL)
		pactum__buf_printf(out, "\nthe plural form follows {%s}",
				   u->count->attr[PACTUM_ATTR_NAME]);
	for (n = u->node; n; n = n->parent)
		if (n->attr[PACTUM_ATTR_IF]) {
			pactum__buf_puts(out, "\nshown only when ");
			put_line_text(out, n->attr[PACTUM_ATTR_IF]);
			break;
		}
}

int pactum__unit_describe(pactum_model *model, pactum_unit *u)
{
	pactum_buf out = PACTUM_BUF_INIT;
	char *role;

	u->kind_role = u->role;
	describe(&out, u, NULL);
	role = out.oom ? NULL
		       : pactum__arena_strndup(model->arena, out.ptr, out.len);
	pactum__buf_free(&out);
	if (role == NULL)
		return PACTUM_ENOMEM;
	u->role = role;
	return PACTUM_OK;
}

int pactum_model_unit_role_in(char **out, const pactum_model *model,
			      size_t i, pactum_translator *tr,
			      const char *const *langs, size_t nlangs,
			      const pactum_data *data, pactum_diag *diag)
{
	const pactum_locale *locs[8];
	struct samples in = { locs, 0, data };
	pactum_buf b = PACTUM_BUF_INIT;
	size_t k;
	int error;

	*out = NULL;
	if (i >= model->ntranslatable || nlangs > PACTUM_ARRAY_SIZE(locs))
		return PACTUM_EINVAL;
	for (k = 0; k < nlangs; k++) {
		if (!pactum_lang_supported(langs[k]))
			return PACTUM_EINVAL;
		error = pactum__translator_locale(&locs[k], tr, langs[k], diag);
		if (error != PACTUM_OK)
			return error;
	}
	in.n = nlangs;
	error = pactum__model_describe(model);
	if (error != PACTUM_OK)
		return error;
	describe(&b, model->translatable[i], &in);
	*out = pactum__buf_detach(&b);
	return *out ? PACTUM_OK : PACTUM_ENOMEM;
}
