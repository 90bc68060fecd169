/*
 * Signature blocks: one box per party, side by side as contracts set
 * them, headed by the role and the party's name; per signatory its place
 * and date, signature, name and function, a line to sign or fill in by
 * hand where the deal gives no value.  A bilingual contract is signed
 * once: shared (lang ALL_LANGS), the labels are in every language,
 * "Ort, Datum / Place, date", and a value once where the languages agree.
 */
#include "config.h"

#include <string.h>

#include "html.h"

/* The runs get() gives of b in lang, or shared in every language in
 * turn (once where all agree, when once is set). */
static void write_each(struct html *w, const pactum_block *b, size_t lang,
		       const pactum_run *(*get)(const pactum_block *, size_t),
		       int once)
{
	size_t i;

	if (lang == ALL_LANGS && once) {
		for (i = 1; i < w->nlangs; i++)
			if (!pactum_runs_equal(get(b, 0), get(b, i)))
				break;
		if (i == w->nlangs)
			lang = 0;
	}
	if (lang != ALL_LANGS) {
		h_runs(w, get(b, lang), lang);
		return;
	}
	for (i = 0; i < w->nlangs; i++) {
		h_put(w, i > 0 ? " / <span" : "<span");
		h_lang_attr(w, i);
		h_put(w, ">");
		h_runs(w, get(b, i), i);
		h_put(w, "</span>");
	}
}

/* The party of the document with this id, or NULL. */
static const pactum_block *party_of(const struct html *w, const char *id)
{
	const pactum_block *ps = h_child_of_kind(w->root, PACTUM_BLOCK_PARTIES);
	const pactum_block *p;
	const char *pid;

	for (p = ps && id ? pactum_block_first_child(ps) : NULL; p;
	     p = pactum_block_next(p)) {
		pid = pactum_block_id(p);
		if (pactum_block_kind_of(p) == PACTUM_BLOCK_PARTY && pid &&
		    strcmp(pid, id) == 0)
			return p;
	}
	return NULL;
}

static const pactum_block *field_of(const pactum_block *party,
				    const char *name)
{
	const pactum_block *f;
	const char *id;

	for (f = party ? pactum_block_first_child(party) : NULL; f;
	     f = pactum_block_next(f)) {
		id = pactum_block_id(f);
		if (pactum_block_kind_of(f) == PACTUM_BLOCK_FIELD && id &&
		    strcmp(id, name) == 0)
			return f;
	}
	return NULL;
}

/* A field of a signatory: "Name: Dr. Jana Weller", or, with no value, a
 * line with its label under it, as forms have them. */
static void write_sig_field(struct html *w, const pactum_block *f,
			    size_t lang)
{
	int blank = pactum_block_content(f, 0) == NULL;

	h_put(w, blank ? "<div class=\"sig-field blank\""
		       : "<div class=\"sig-field\"");
	h_attr(w, "data-field", pactum_block_id(f));
	h_put(w, ">");
	if (blank)
		h_put(w, "<div class=\"line\"></div>");
	h_put(w, "<span class=\"label\">");
	write_each(w, f, lang, pactum_block_title, 1);
	h_put(w, blank ? "</span>" : ":</span> ");
	if (!blank)
		write_each(w, f, lang, pactum_block_content, 1);
	h_put(w, "</div>\n");
}

static void write_signature(struct html *w, const pactum_block *sig,
			    size_t lang)
{
	const pactum_block *name =
		field_of(party_of(w, pactum_block_id(sig)), "name");
	const pactum_block *s, *f;

	h_put(w, "<div class=\"signature\"");
	h_attr(w, "data-party", pactum_block_id(sig));
	h_put(w, ">\n<p class=\"sig-party\"><span class=\"role\">");
	write_each(w, sig, lang, pactum_block_title, 0);
	h_put(w, "</span>");
	if (name && pactum_block_content(name, 0)) {
		h_put(w, "<br><span class=\"name\">");
		write_each(w, name, lang, pactum_block_content, 1);
		h_put(w, "</span>");
	}
	h_put(w, "</p>\n");
	for (s = pactum_block_first_child(sig); s; s = pactum_block_next(s)) {
		if (pactum_block_kind_of(s) != PACTUM_BLOCK_SIGNATORY)
			continue;
		h_put(w, "<div class=\"signatory\">\n");
		for (f = pactum_block_first_child(s); f; f = pactum_block_next(f))
			if (pactum_block_kind_of(f) == PACTUM_BLOCK_FIELD)
				write_sig_field(w, f, lang);
		h_put(w, "</div>\n");
	}
	h_put(w, "</div>\n");
}

/* The signature blocks, in rendering lang or shared (ALL_LANGS). */
void h_signatures(struct html *w, const pactum_block *sigs, size_t lang)
{
	const pactum_block *s;

	h_put(w, "<div class=\"signatures\">\n");
	for (s = pactum_block_first_child(sigs); s; s = pactum_block_next(s))
		if (pactum_block_kind_of(s) == PACTUM_BLOCK_SIGNATURE)
			write_signature(w, s, lang);
	h_put(w, "</div>\n");
}
