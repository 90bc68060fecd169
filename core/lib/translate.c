/* Translate: the runs of every block in every language.  English comes
 * from the model; other languages from compiled catalogs read by catalog.c,
 * never from libintl, so the output does not depend on the machine's
 * locales or on LANG/LANGUAGE.  Strict by default: a unit without a usable
 * translation is an error, never silent English. */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "expr.h"
#include "records.h"
#include "doc.h"
#include "unit.h"

/* ------------------------------------------------------------ units */

enum { NOT_YET = 0, DONE, FAILED, BUSY };

struct tstate {
	const char *tpl;   /* the template used: msgid or translation */
	size_t len;
	unsigned char state;
	unsigned char untranslated;
	unsigned long count; /* a plural unit's: the count tpl is for */
	const char *flat;  /* the runs as one string, once asked for */
	unsigned char flat_state;
};

/* A value formatted once per language and case: agreements repeat their
 * dates and amounts, and ICU's formatters cost thousands of instructions
 * a call. */
struct vmemo {
	unsigned long stamp;   /* doc->values_epoch + 1 when set; 0: empty */
	const char *text;      /* both in the document's arena */
	size_t len;
	const char *canonical;
	unsigned char value_type;
};

struct translation {
	pactum_doc *doc;
	size_t lang;
	const pactum_locale *loc;
	const pactum_catalog *cat;
	int source;            /* this language is the model's own */
	int variant;           /* a regional variant of the model's own */
	struct tstate *st;     /* [nunits] */
	struct vmemo *memo;    /* [nparams * PACTUM_CASE_COUNT_] */
	pactum_buf scratch;
	const pactum_block *block; /* whose runs are being made */
	const char *missing;   /* a library domain without a catalog */
};

/* A unit without a usable translation: an error, or in draft mode a
 * warning.  why is NULL when there is no translation at all. */
static void unit_report(struct translation *t, const pactum_unit *u,
			const char *why)
{
	pactum_pos pos = pactum__node_pos(t->doc->model, u->node);
	pactum_severity sev = pactum__translator_draft(t->doc->tr) ? PACTUM_WARNING : PACTUM_ERROR;
	const char *lang = t->doc->langs[t->lang], *p, *line;
	int n;

	if (why == NULL)
		pactum__doc_report(t->doc, sev, &pos,
				   _("no %s translation of \"%s\" "
				     "(untranslated or fuzzy in the catalog)"),
				   lang, u->ctx);
	else
		/* a problem a line */
		for (p = why; pactum__line_next(&p, &line, &n);)
			pactum__doc_report(t->doc, sev, &pos,
					   _("the %s translation of \"%s\" does "
					     "not fit its source text: %.*s"),
					   lang, u->ctx, n, line);
}

/* The number a count (an integer or duration parameter) has. */
static unsigned long count_value(const pactum_doc *doc, const pactum_node *p)
{
	const pactum_value *v = &doc->values[p->index];
	int64_t n;

	if (v->type == PACTUM_TYPE_DURATION)
		return v->u.duration.count;
	n = v->u.integer;
	/* gettext's plural rules see magnitudes; -1 reads like 1.  The
	 * magnitude of INT64_MIN is only representable unsigned. */
	return n < 0 ? (unsigned long)-(n + 1) + 1u : (unsigned long)n;
}

/* The number a plural unit's count placeholder shows. */
static unsigned long count_of(const pactum_doc *doc, const pactum_node *var)
{
	return count_value(doc, var->target);
}

/* Choose the template of unit u: the msgid for the source language, else
 * the catalog's translation, checked. */
/* The catalog of a clause library's domain, for a unit included from it.
 * No catalog is reported once per domain, as for the model's own. */
static int library_catalog(struct translation *t, const pactum_unit *u,
			   const pactum_catalog **cat)
{
	pactum_doc *doc = t->doc;
	int error;

	*cat = NULL;
	if (t->missing != NULL && strcmp(t->missing, u->domain) == 0)
		return PACTUM_OK; /* told already */
	error = pactum__translator_find(cat, doc->tr, u->domain, doc->langs[t->lang],
			    doc->diag);
	if (error == PACTUM_EINPUT)
		t->missing = u->domain; /* refused, and told */
	if (error == PACTUM_ENOMEM)
		doc->nomem = 1;
	if (error == PACTUM_OK && *cat == NULL &&
	    (t->missing == NULL || strcmp(t->missing, u->domain) != 0)) {
		pactum_pos pos = pactum__node_pos(doc->model, u->node);

		t->missing = u->domain;
		pactum__doc_report(doc, PACTUM_WARNING, &pos,
				   _("no catalog for the clause library's text "
				     "domain \"%s\" in language %s (looked in "
				     "%s)"),
				   u->domain, doc->langs[t->lang],
				   pactum__translator_dirs(doc->tr));
	}
	return error;
}

/* The catalog u's translation comes from: the model's, or its clause
 * library's; NULL for none. */
static const pactum_catalog *unit_catalog(struct translation *t,
					  const pactum_unit *u)
{
	const pactum_catalog *cat = t->cat;

	if (strcmp(u->domain, t->doc->model->domain) != 0 &&
	    library_catalog(t, u, &cat) != PACTUM_OK)
		cat = NULL;
	return cat;
}

static struct tstate *template_of(struct translation *t, const pactum_unit *u)
{
	const pactum_catalog *cat;
	struct tstate *s = &t->st[u->index];
	pactum_buf why = PACTUM_BUF_INIT;
	const char *tr;
	size_t len;

	/* a plural unit in a <repeat> may count differently per record */
	if (s->state == FAILED ||
	    (s->state != NOT_YET &&
	     (u->count == NULL || count_of(t->doc, u->count) == s->count)))
		return s;
	if (u->count != NULL)
		s->count = count_of(t->doc, u->count);
	s->untranslated = 0;
	/* English: the general text, or the model's <one> for a count of 1 */
	s->tpl = u->msgid_plural && count_of(t->doc, u->count) != 1
			 ? u->msgid_plural
			 : u->msgid;
	s->len = strlen(s->tpl);
	s->state = DONE;
	if (t->source || u->verbatim)
		return s;
	cat = unit_catalog(t, u);
	if (cat == NULL)
		tr = NULL;
	else if (u->count != NULL)
		tr = pactum__catalog_nget(cat, u->ctx, u->msgid,
					  count_of(t->doc, u->count), &len);
	else
		tr = pactum__catalog_get(cat, u->ctx, u->msgid, &len);
	if (tr == NULL && t->variant) {
		return s; /* the English is this variant's too */
	} else if (tr == NULL) {
		unit_report(t, u, NULL);
	} else if (pactum__template_check(u, tr, len, &why) != 0) {
		unit_report(t, u, why.ptr ? why.ptr : "");
		tr = NULL;
	} else {
		s->tpl = tr;
		s->len = len;
	}
	pactum__buf_free(&why);
	if (tr == NULL) {
		s->untranslated = 1;
		t->doc->untranslated++;
		if (!pactum__translator_draft(t->doc->tr))
			s->state = FAILED;
	}
	return s;
}

static pactum_run *new_run(struct translation *t, pactum_run_kind kind,
			   const char *text, size_t len, const char *ref)
{
	pactum_run *r = pactum__arena_alloc(t->doc->arena, sizeof(*r));

	if (r == NULL) {
		t->doc->nomem = 1;
		return NULL;
	}
	r->kind = kind;
	r->untranslated = 0;
	r->untranslated_1_4 = 0;
	r->value_type = 0;
	r->text = text;
	r->len = len;
	r->ref = ref;
	r->u.block = NULL;
	r->next = NULL;
	return r;
}

static const char *flat_text(struct translation *t, const pactum_unit *u);

/* Words taken from another unit (a role, a term, a choice label) keep the
 * draft marker of that unit: no English may pass unmarked.  Returns r. */
static pactum_run *marked(const struct translation *t, const pactum_unit *u,
			  pactum_run *r)
{
	if (r != NULL && t->st[u->index].untranslated)
		r->untranslated = r->untranslated_1_4 = 1;
	return r;
}

static const pactum_node *choice_label(const pactum_node *param,
				       const char *value, size_t len)
{
	return pactum__node_child(pactum__param_choice(param, value, len),
				  PACTUM_NODE_LABEL);
}

/* The annex b is in, or NULL. */
static const pactum_block *annex_of(const pactum_block *b)
{
	while (b && b->kind != PACTUM_BLOCK_ANNEX)
		b = b->parent;
	return b;
}

/* What a reference to b shows: "Section 3.2"; for a list item, the number
 * of the clause or section it is in, then those of the items it is nested
 * in, outermost first ("Section 3.3(c)(ii)"); "Annex 2"; "Annex 2,
 * Section 1" inside an annex; "Recital (B)". */
static void put_ref(struct translation *t, const pactum_block *b)
{
	const pactum_block *a, *owner, *annex = annex_of(b);
	const pactum_block *chain[PACTUM_MAX_DEPTH];
	pactum_buf *out = &t->scratch;
	size_t n = 0;

	static const char *const number[] = { "number" };
	static const char *const item[] = { "clause", "items" };
	pactum_buf items = PACTUM_BUF_INIT, num = PACTUM_BUF_INIT;
	const char *values[2];

	/* no-break spaces in the words: "Ziffer" and "3.2" stay on one
	 * line */
	if (b->kind == PACTUM_BLOCK_RECITAL) {
		values[0] = b->number;
		pactum__word_expand(out,
				    pactum__locale_word(t->loc,
							PACTUM_WORD_RECITAL),
				    number, values, 1);
		return;
	}
	/* inside the same annex, "Section 2" says it */
	if (annex != NULL && annex == annex_of(t->block) && annex != b)
		annex = NULL;
	if (annex != NULL) {
		pactum__buf_puts(out, annex->label[t->lang]);
		if (annex == b)
			return;
		pactum__buf_puts(out, ", ");
	}
	if (b->kind != PACTUM_BLOCK_ITEM) {
		values[0] = b->number;
		pactum__word_expand(out, pactum__locale_word(t->loc,
							     PACTUM_WORD_XREF),
				    number, values, 1);
		return;
	}
	for (a = b; a && a->kind != PACTUM_BLOCK_CLAUSE &&
		    a->kind != PACTUM_BLOCK_SECTION;
	     a = a->parent)
		if (a->kind == PACTUM_BLOCK_ITEM && a->number && n < PACTUM_MAX_DEPTH)
			chain[n++] = a;
	owner = a;
	while (n > 0)
		pactum__buf_puts(&items, chain[--n]->number);
	pactum__buf_putc(&items, '\0');
	if (owner && owner->number) {
		values[0] = owner->number;
		values[1] = items.ptr;
		pactum__word_expand(&num, pactum__locale_word(t->loc,
							      PACTUM_WORD_XREF_ITEM),
				    item, values, 2);
	} else {
		pactum__buf_puts(&num, items.ptr);
	}
	pactum__buf_putc(&num, '\0');
	out->oom |= items.oom | num.oom;
	values[0] = num.oom ? "" : num.ptr;
	pactum__word_expand(out, pactum__locale_word(t->loc, PACTUM_WORD_XREF),
			    number, values, 1);
	pactum__buf_free(&items);
	pactum__buf_free(&num);
}

/* A run of text made here (in scratch): copied into the document. */
static pactum_run *scratch_run(struct translation *t, pactum_run_kind kind,
			       const char *ref)
{
	char *copy = t->scratch.oom
			     ? NULL
			     : pactum__arena_strndup(t->doc->arena,
						     t->scratch.ptr ? t->scratch.ptr : "",
						     t->scratch.len);

	if (copy == NULL) {
		t->doc->nomem = 1;
		return NULL;
	}
	return new_run(t, kind, copy, t->scratch.len, ref);
}

/* The run showing parameter (or party field) p's value in this language;
 * NULL after reporting. */
static pactum_run *value_run(struct translation *t, const pactum_node *p,
			     const pactum_pos *pos, int gcase,
			     const char *format)
{
	pactum_doc *doc = t->doc;
	const pactum_value *v = &doc->values[p->index];
	const char *id = p->attr[PACTUM_ATTR_ID], *text;
	struct vmemo *memo;
	pactum_run *r;

	if (!doc->has_value[p->index]) {
		if (p->party != NULL)
			pactum__doc_report(doc, PACTUM_ERROR, pos,
					   _("no value for \"%s\", used here"),
					   id);
		else
			pactum__doc_report(doc, PACTUM_ERROR, pos,
					   _("parameter \"%s\" has no value "
					     "but is used here"),
					   id);
		return NULL;
	}
	if (p->type == PACTUM_TYPE_CHOICE) {
		const pactum_node *label =
			choice_label(p, v->u.text.ptr, v->u.text.len);

		text = label && label->unit ? flat_text(t, label->unit) : NULL;
		if (text == NULL)
			return NULL;
		r = marked(t, label->unit,
			   new_run(t, PACTUM_RUN_VALUE, text, strlen(text), id));
		if (r != NULL) {
			r->value_type = PACTUM_VALUE_CHOICE;
			r->u.canonical = pactum__arena_strndup(
				doc->arena, v->u.text.ptr, v->u.text.len);
			doc->nomem |= r->u.canonical == NULL;
		}
		return r;
	}
	memo = format == NULL && gcase >= 0 && gcase < PACTUM_CASE_COUNT_
		       ? &t->memo[p->index * PACTUM_CASE_COUNT_ + (size_t)gcase]
		       : NULL;
	if (memo != NULL && memo->stamp == doc->values_epoch + 1) {
		r = new_run(t, PACTUM_RUN_VALUE, memo->text, memo->len, id);
		if (r != NULL) {
			r->value_type = memo->value_type;
			r->u.canonical = memo->canonical;
		}
		return r;
	}
	pactum__buf_clear(&t->scratch);
	if (format != NULL) {
		/* the check made sure it fits the type */
		const char *why = pactum__format_put(
			&t->scratch, v, t->loc,
			pactum__format_find(p->type, format));

		if (why != NULL) {
			pactum__doc_report(doc, PACTUM_ERROR, pos,
					   _("\"%s\" cannot be shown as "
					     "format=\"%s\": %s"),
					   id, format, _(why));
			return NULL;
		}
	} else if (pactum__value_format_case(&t->scratch, v, t->loc,
					     (pactum_case)gcase) != PACTUM_OK) {
		doc->nomem = 1;
		return NULL;
	}
	if (t->scratch.oom) {
		doc->nomem = 1;
		return NULL;
	}
	r = scratch_run(t, PACTUM_RUN_VALUE, id);
	if (r != NULL) {
		pactum__buf_clear(&t->scratch);
		pactum__value_canonical(&t->scratch, v);
		r->value_type = (unsigned char)pactum__value_type_public(v->type);
		r->u.canonical = t->scratch.oom
			? NULL
			: pactum__arena_strndup(doc->arena,
						t->scratch.ptr ? t->scratch.ptr : "",
						t->scratch.len);
		doc->nomem |= r->u.canonical == NULL;
		if (memo != NULL && r->u.canonical != NULL) {
			memo->stamp = doc->values_epoch + 1;
			memo->text = r->text;
			memo->len = r->len;
			memo->canonical = r->u.canonical;
			memo->value_type = r->value_type;
		}
	}
	return r;
}

/* The FOOTNOTE block of the current block that stands for node n. */
static const pactum_block *footnote_of(const struct translation *t,
				       const pactum_node *n)
{
	const pactum_block *b;

	for (b = t->block ? t->block->first : NULL; b; b = b->next)
		if (b->kind == PACTUM_BLOCK_FOOTNOTE && b->node == n)
			return b;
	return NULL;
}

/* A run of one of the core's own words, its fields {name} expanded with
 * values. */
static pactum_run *word_run(struct translation *t, pactum_word w,
			    const char *const *names,
			    const char *const *values, size_t n)
{
	pactum__buf_clear(&t->scratch);
	pactum__word_expand(&t->scratch, pactum__locale_word(t->loc, w), names,
			    values, n);
	return scratch_run(t, PACTUM_RUN_TEXT, NULL);
}

/* "{plural:renewals|Verlängerung|Verlängerungen}": the form that the
 * count asks for, by the Plural-Forms of the catalog the template came
 * from (English's one and other for the source text). */
static pactum_run *plural_run(struct translation *t, const pactum_unit *u,
			      const pactum_token *tok, const pactum_node *count)
{
	const struct tstate *s = &t->st[u->index];
	const pactum_catalog *cat = t->source || s->untranslated || u->verbatim
					    ? NULL
					    : unit_catalog(t, u);
	unsigned long n = count_value(t->doc, count);
	unsigned form, nforms = 1, nplurals = 2;
	pactum_run *r;
	const char *p = tok->display, *end = p + tok->display_len, *bar;

	form = cat ? pactum__catalog_plural(cat, n, &nplurals) : n != 1;
	for (bar = p; bar < end; bar++)
		nforms += *bar == '|';
	if (nforms != nplurals) {
		pactum_pos pos = pactum__node_pos(t->doc->model, u->node);

		pactum__doc_report(t->doc, PACTUM_ERROR, &pos,
				   _("{%.*s} in the %s text of \"%s\" has %u "
				     "forms, but its language has %u"),
				   (int)tok->len, tok->text,
				   t->doc->langs[t->lang], u->ctx, nforms,
				   nplurals);
		return NULL;
	}
	for (; form > 0; form--) /* nforms forms: the bars are there */
		p = (const char *)memchr(p, '|', (size_t)(end - p)) + 1;
	bar = memchr(p, '|', (size_t)(end - p));
	r = new_run(t, PACTUM_RUN_TEXT, p, (size_t)((bar ? bar : end) - p),
		    NULL);
	if (r != NULL)
		r->untranslated_1_4 = s->untranslated;
	return r;
}

/* The run for one placeholder of unit u.  NULL after reporting (or when
 * out of memory). */
static pactum_run *placeholder_run(struct translation *t,
				   const pactum_unit *u,
				   const pactum_token *tok)
{
	pactum_doc *doc = t->doc;
	const pactum_placeholder *ph =
		pactum__unit_placeholder(u, tok->text, tok->len);
	const pactum_node *n, *target;
	const pactum_block *placed;
	pactum_run *r;
	pactum_pos pos;
	const char *text;

	if (ph == NULL)
		return NULL; /* template_of checked the names already */
	n = ph->node;
	pos = pactum__node_pos(doc->model, n);
	target = n->target;
	switch (n->kind) {
	case PACTUM_NODE_EMPHASIS:
	case PACTUM_NODE_STRONG: {
		int end = ph->name[0] == '/';

		if (n->kind == PACTUM_NODE_EMPHASIS)
			return new_run(t, end ? PACTUM_RUN_EMPH_END
					      : PACTUM_RUN_EMPH_BEGIN,
				       "", 0, NULL);
		return new_run(t, end ? PACTUM_RUN_STRONG_END
				      : PACTUM_RUN_STRONG_BEGIN,
			       "", 0, NULL);
	}
	case PACTUM_NODE_BREAK:
		return new_run(t, PACTUM_RUN_BREAK, " ", 1, NULL);
	case PACTUM_NODE_FOOTNOTE:
		placed = footnote_of(t, n);
		if (placed == NULL)
			return NULL; /* in a title: the check refused it */
		r = new_run(t, PACTUM_RUN_FOOTNOTE, placed->number,
			    strlen(placed->number), NULL);
		if (r)
			r->u.block = placed;
		return r;
	case PACTUM_NODE_VAR:
	case PACTUM_NODE_FIELD:
		/* "{term|dat}": template_of checked the case */
		return value_run(t, target, &pos,
				 tok->display ? pactum__case_parse(tok->display,
								   tok->display_len)
					      : PACTUM_CASE_NOMINATIVE,
				 n->attr[PACTUM_ATTR_FORMAT]);
	case PACTUM_NODE_PLURAL:
		return plural_run(t, u, tok, target);
	case PACTUM_NODE_DEFINE:
		/* the term's name in quotes, where the text defines it */
		if (target->cond != NULL &&
		    !pactum__cond_eval(target->cond, doc->values)) {
			pactum__doc_report(doc, PACTUM_ERROR, &pos,
					   _("definition of the term \"%s\", "
					     "which this deal's conditions "
					     "leave out"),
					   target->attr[PACTUM_ATTR_ID]);
			return NULL;
		}
		text = flat_text(t, pactum__node_child(target,
						       PACTUM_NODE_NAME)->unit);
		if (text == NULL)
			return NULL;
		r = word_run(t, PACTUM_WORD_QUOTE,
			     (const char *const[]){ "term" },
			     (const char *const[]){ text }, 1);
		if (r != NULL) {
			r->kind = PACTUM_RUN_TERM;
			r->ref = target->attr[PACTUM_ATTR_ID];
		}
		return r;
	case PACTUM_NODE_PARTY_REF:
	case PACTUM_NODE_TERM_REF: {
		const pactum_node *c;

		if (target->cond != NULL &&
		    !pactum__cond_eval(target->cond, doc->values)) {
			pactum__doc_report(doc, PACTUM_ERROR, &pos,
					   _("use of the term \"%s\", which "
					     "this deal's conditions leave out"),
					   target->attr[PACTUM_ATTR_ID]);
			return NULL;
		}

		if (tok->display != NULL)
			return new_run(t,
				       n->kind == PACTUM_NODE_TERM_REF
					       ? PACTUM_RUN_TERM
					       : PACTUM_RUN_PARTY,
				       tok->display, tok->display_len,
				       target->attr[PACTUM_ATTR_ID]);
		for (c = target->first; c; c = c->next)
			if (c->kind == PACTUM_NODE_ROLE ||
			    c->kind == PACTUM_NODE_NAME)
				break;
		text = c && c->unit ? flat_text(t, c->unit) : NULL;
		if (text == NULL)
			return NULL;
		return marked(t, c->unit,
			      new_run(t,
				      n->kind == PACTUM_NODE_TERM_REF
					      ? PACTUM_RUN_TERM
					      : PACTUM_RUN_PARTY,
				      text, strlen(text),
				      target->attr[PACTUM_ATTR_ID]));
	}
	case PACTUM_NODE_XREF:
		placed = pactum__map_get(&doc->placed,
					 target->attr[PACTUM_ATTR_ID],
					 strlen(target->attr[PACTUM_ATTR_ID]));
		/* a part left out keeps its number, but cannot be cited */
		if (placed == NULL || placed->omitted) {
			pactum__doc_report(doc, PACTUM_ERROR, &pos,
					   _("reference to \"%s\", which this "
					     "deal's conditions leave out"),
					   target->attr[PACTUM_ATTR_ID]);
			return NULL;
		}
		pactum__buf_clear(&t->scratch);
		put_ref(t, placed);
		r = scratch_run(t, PACTUM_RUN_XREF, placed->id);
		if (r)
			r->u.block = placed;
		return r;
	default:
		return NULL;
	}
}

/* Is tok one end of an alternative ("{when:1}", "{/when:1}")?  Then
 * the words up to its end stay when the deal takes it, and are skipped
 * (tpl moves past them) when it does not. */
static int alternative(struct translation *t, const pactum_unit *u,
		       const pactum_token *tok, pactum_template *tpl)
{
	const pactum_placeholder *ph =
		pactum__unit_placeholder(u, tok->text, tok->len);
	pactum_token end;

	if (ph == NULL || (ph->node->kind != PACTUM_NODE_WHEN &&
			   ph->node->kind != PACTUM_NODE_OTHERWISE))
		return 0;
	if (ph->pair == PACTUM_PAIR_OPEN &&
	    pactum__cond_pick(ph->node->parent, t->doc->values) != ph->node)
		/* names of alternatives are unique: no nesting to count */
		while (pactum__template_next(&end, tpl) != PACTUM_TOK_END &&
		       end.kind != PACTUM_TOK_ERROR)
			if (end.kind == PACTUM_TOK_PLACEHOLDER &&
			    end.text[0] == '/' && end.len == strlen(ph->name) + 1 &&
			    memcmp(end.text + 1, ph->name, end.len - 1) == 0)
				break;
	return 1;
}

/* The runs of unit u in this language; NULL when it is empty or failed
 * (check doc->errors). */
static pactum_run *unit_runs(struct translation *t, const pactum_unit *u)
{
	struct tstate *s = template_of(t, u);
	pactum_run *head = NULL, **tail = &head, *r;
	pactum_template tpl;
	pactum_token tok;

	if (s->state == FAILED)
		return NULL;
	pactum__template_init(&tpl, s->tpl, s->len);
	while (pactum__template_next(&tok, &tpl) != PACTUM_TOK_END) {
		if (tok.kind == PACTUM_TOK_ERROR)
			break; /* template_of checked it: cannot happen */
		if (tok.kind == PACTUM_TOK_TEXT) {
			r = new_run(t, PACTUM_RUN_TEXT, tok.text, tok.len, NULL);
			if (r != NULL)
				r->untranslated_1_4 = s->untranslated;
		} else if (alternative(t, u, &tok, &tpl))
			continue;
		else
			r = placeholder_run(t, u, &tok);
		if (r == NULL)
			continue; /* reported */
		r->untranslated |= s->untranslated;
		*tail = r;
		tail = &r->next;
	}
	return head;
}

static const char *flat_text(struct translation *t, const pactum_unit *u)
{
	struct tstate *s = &t->st[u->index];
	pactum_buf buf = PACTUM_BUF_INIT;
	const pactum_run *r;
	int errors = t->doc->errors;

	if (s->flat_state == DONE)
		return s->flat;
	if (s->flat_state == BUSY) {
		pactum_pos pos = pactum__node_pos(t->doc->model, u->node);

		pactum__doc_report(t->doc, PACTUM_ERROR, &pos,
				   _("\"%s\" refers to itself"), u->ctx);
		return NULL;
	}
	if (s->flat_state == FAILED)
		return NULL;
	s->flat_state = BUSY;
	for (r = unit_runs(t, u); r; r = r->next)
		pactum__buf_put(&buf, r->text, r->len);
	if (buf.oom)
		t->doc->nomem = 1;
	s->flat = t->doc->errors > errors || buf.oom
			  ? NULL
			  : pactum__arena_strndup(t->doc->arena,
						  buf.ptr ? buf.ptr : "",
						  buf.len);
	s->flat_state = s->flat ? DONE : FAILED;
	pactum__buf_free(&buf);
	return s->flat;
}


/* The META block's line: "Version 2.1 of 1 December 2026". */
static pactum_run *meta_run(struct translation *t)
{
	const pactum_node *root = t->doc->model->root;
	const char *v = root->attr[PACTUM_ATTR_VERSION];
	const char *d = root->attr[PACTUM_ATTR_DATE];
	pactum_buf date = PACTUM_BUF_INIT;
	pactum_value value;
	const char *expected;
	pactum_run *r;

	if (d != NULL &&
	    pactum__value_parse(&value, PACTUM_TYPE_DATE, d, strlen(d),
				&expected) == PACTUM_OK &&
	    pactum__value_format(&date, &value, t->loc) != PACTUM_OK)
		t->doc->nomem = 1;
	r = word_run(t, v && d ? PACTUM_WORD_VERSION_DATE
			       : v ? PACTUM_WORD_VERSION : PACTUM_WORD_DATE,
		     (const char *const[]){ "version", "date" },
		     (const char *const[]){ v, date.ptr }, 2);
	pactum__buf_free(&date);
	return r;
}

/* Append the name of language lang as word w says it in t's language;
 * an error when the catalog lacks it. */
static void put_language(struct translation *t, pactum_buf *out,
			 pactum_word w, const char *lang)
{
	int error = pactum__locale_put_language(out, t->loc, w, lang,
						t->doc->diag);

	if (error == PACTUM_ENOMEM)
		t->doc->nomem = 1;
	else if (error != PACTUM_OK)
		t->doc->errors++;
	pactum__buf_putc(out, '\0');
}

/*
 * The language clause, from the rendered languages and the model's
 * prevailing one: "This Agreement is made in German and English. ... the
 * German version prevails."; rendered alone in another language than the
 * prevailing one, "This English version is a translation. ...".  (Alone in
 * the prevailing language it is not placed: resolve.c.)
 */
static pactum_run *languages_run(struct translation *t)
{
	const pactum_doc *doc = t->doc;
	pactum_buf list = PACTUM_BUF_INIT, name = PACTUM_BUF_INIT,
		   prevailing = PACTUM_BUF_INIT, joined = PACTUM_BUF_INIT;
	const char *last;
	size_t offs[8], n = 0, i;
	pactum_run *r;

	put_language(t, &prevailing, PACTUM_WORD_LANGUAGE_OF,
		     doc->model->prevailing);
	if (doc->nlangs == 1) {
		put_language(t, &name, PACTUM_WORD_LANGUAGE_OF, doc->langs[0]);
		r = word_run(t, PACTUM_WORD_TRANSLATION_OF,
			     (const char *const[]){ "language", "prevailing" },
			     (const char *const[]){ name.ptr, prevailing.ptr }, 2);
		goto cleanup;
	}
	/* "deutscher, englischer und französischer": the names once each
	 * (nlangs <= 8), as offsets into name, which grows */
	for (i = 0; i < doc->nlangs; i++) {
		size_t at = name.len, j;

		put_language(t, &name, PACTUM_WORD_LANGUAGE_IN, doc->langs[i]);
		for (j = 0; !name.oom && j < n; j++)
			if (strcmp(name.ptr + offs[j], name.ptr + at) == 0)
				break;
		if (!name.oom && j == n)
			offs[n++] = at;
	}
	for (i = 0; !name.oom && i + 1 < n; i++) {
		if (i > 0)
			pactum__buf_puts(&list, ", ");
		pactum__buf_puts(&list, name.ptr + offs[i]);
	}
	pactum__buf_putc(&list, '\0');
	last = name.oom || n == 0 ? "" : name.ptr + offs[n - 1];
	if (n > 1)
		pactum__word_expand(&joined,
				    pactum__locale_word(t->loc, PACTUM_WORD_LIST_AND),
				    (const char *const[]){ "first", "last" },
				    (const char *const[]){ list.ptr, last }, 2);
	else
		pactum__buf_puts(&joined, last);
	pactum__buf_putc(&joined, '\0');
	r = word_run(t, PACTUM_WORD_PREVAILS,
		     (const char *const[]){ "languages", "prevailing" },
		     (const char *const[]){ joined.ptr, prevailing.ptr }, 2);
cleanup:
	if (list.oom || name.oom || prevailing.oom || joined.oom)
		t->doc->nomem = 1;
	pactum__buf_free(&list);
	pactum__buf_free(&name);
	pactum__buf_free(&prevailing);
	pactum__buf_free(&joined);
	return r;
}

/* A party's address and its country's name, as the word "{address},
 * {country}" arranges them in the language, each a VALUE run. */
static pactum_run *address_runs(struct translation *t, const pactum_block *b)
{
	const char *p = pactum__locale_word(t->loc, PACTUM_WORD_ADDRESS_COUNTRY);
	const char *open, *close;
	pactum_run *head = NULL, **tail = &head;

	while (*p != '\0' && !t->doc->nomem) {
		open = strchr(p, '{');
		close = open ? strchr(open, '}') : NULL;
		if (close == NULL)
			open = close = p + strlen(p);
		if (open > p)
			*tail = new_run(t, PACTUM_RUN_TEXT,
					pactum__arena_strndup(t->doc->arena, p,
							      (size_t)(open - p)),
					(size_t)(open - p), NULL);
		else if (strncmp(open, "{address}", 9) == 0 ||
			 strncmp(open, "{country}", 9) == 0) {
			int addr = open[1] == 'a';

			*tail = value_run(t, addr ? b->param : b->country, NULL,
					  PACTUM_CASE_NOMINATIVE, NULL);
			if (*tail != NULL)
				(*tail)->ref = addr ? b->id : "country";
		}
		if (*tail != NULL)
			tail = &(*tail)->next;
		p = open > p ? open : *close ? close + 1 : close;
	}
	return head;
}

/* The label of a party's field as the party's country has it: for a
 * German rendering of an Austrian party the de-AT catalog's "Firmenbuch"
 * and "UID-Nr.", where the language has a catalog for that country, else
 * the language's own (a German party in a de-CH rendering keeps
 * "USt-IdNr."); NULL for the rendering's words. */
static const char *country_label(struct translation *t, const pactum_block *b)
{
	const pactum_block *party = b->parent;
	const pactum_word_def *d = pactum__word_def((pactum_word)b->word);
	const pactum_catalog *regional = NULL;
	const pactum_value *v;
	char lang[8], tag[16];

	if (party == NULL || party->country == NULL || d->msgid == NULL)
		return NULL;
	v = &t->doc->values[party->country->index];
	pactum__lang_dir(lang, t->doc->langs[t->lang], 1);
	snprintf(tag, sizeof(tag), "%s-%.*s", lang, (int)v->u.text.len,
		 v->u.text.ptr);
	if (!pactum_lang_supported(tag))
		return NULL;
	/* the region's, its language's behind it; a refused one is
	 * reported */
	if (pactum__translator_find(&regional, t->doc->tr, PACTUM_WORDS_DOMAIN,
				    tag, t->doc->diag) == PACTUM_ENOMEM)
		t->doc->nomem = 1;
	if (regional == NULL)
		return NULL;
	return pactum__catalog_get(regional, d->ctx, d->msgid, NULL);
}

/* A value that lists several (a party's signatories, split by
 * PACTUM_LIST_SEP) as the language lists them: "A, B und C". */
static pactum_run *joined_run(struct translation *t, const pactum_datum *d)
{
	const char *end = d->value + d->len, *sep, *last = d->value;
	pactum_buf first = PACTUM_BUF_INIT, tail = PACTUM_BUF_INIT;
	pactum_run *r;

	/* all but the last, comma-joined; then the language's "and" */
	while ((sep = memchr(last, PACTUM_LIST_SEP, (size_t)(end - last))) != NULL) {
		if (first.len > 0)
			pactum__buf_puts(&first, ", ");
		pactum__buf_put(&first, last, (size_t)(sep - last));
		last = sep + 1;
	}
	pactum__buf_put(&tail, last, (size_t)(end - last));
	pactum__buf_putc(&first, '\0');
	pactum__buf_putc(&tail, '\0');
	pactum__buf_clear(&t->scratch);
	if (!first.oom && !tail.oom)
		pactum__word_expand(&t->scratch,
				    pactum__locale_word(t->loc, PACTUM_WORD_LIST_AND),
				    (const char *const[]){ "first", "last" },
				    (const char *const[]){ first.ptr, tail.ptr }, 2);
	t->doc->nomem |= first.oom || tail.oom;
	pactum__buf_free(&first);
	pactum__buf_free(&tail);
	r = scratch_run(t, PACTUM_RUN_VALUE, d->name);
	return r;
}

static void translate_block(struct translation *t, pactum_block *b)
{
	pactum_block *c;
	pactum_doc *doc = t->doc;
	const pactum_node *p = b->param;

	if (b->title == NULL) {
		b->title = pactum__arena_calloc(doc->arena,
						doc->nlangs * sizeof(*b->title));
		b->content = pactum__arena_calloc(
			doc->arena, doc->nlangs * sizeof(*b->content));
		if (b->title == NULL || b->content == NULL) {
			doc->nomem = 1;
			return;
		}
	}
	t->block = b;
	if (b->record != NULL) /* its record's fields are the ones shown */
		pactum__records_load(doc, b->list, b->record);
	if (b->omitted)
		b->title[t->lang] = word_run(t, PACTUM_WORD_OMITTED, NULL, NULL, 0);
	else if (b->title_unit)
		b->title[t->lang] = unit_runs(t, b->title_unit);
	else if (b->word >= 0) {
		const char *label = b->kind == PACTUM_BLOCK_FIELD
					    ? country_label(t, b)
					    : NULL;

		b->title[t->lang] =
			label ? new_run(t, PACTUM_RUN_TEXT, label, strlen(label),
					NULL)
			      : word_run(t, (pactum_word)b->word, NULL, NULL, 0);
	}
	if (b->content_unit)
		b->content[t->lang] = unit_runs(t, b->content_unit);
	else if (b->kind == PACTUM_BLOCK_META)
		b->content[t->lang] = meta_run(t);
	else if (b->node && b->node->kind == PACTUM_NODE_LANGUAGES)
		b->content[t->lang] = languages_run(t);
	else if (p != NULL && b->country != NULL)
		b->content[t->lang] = address_runs(t, b);
	else if (p != NULL &&
		 (b->content[t->lang] = value_run(t, p, NULL,
						  PACTUM_CASE_NOMINATIVE, NULL)) &&
		 b->kind == PACTUM_BLOCK_FIELD)
		b->content[t->lang]->ref = b->id; /* "address", as in 1.0 */
	else if (b->value != NULL && memchr(b->value->value, PACTUM_LIST_SEP,
					    b->value->len) != NULL)
		b->content[t->lang] = joined_run(t, b->value);
	else if (b->value != NULL)
		b->content[t->lang] = new_run(t, PACTUM_RUN_VALUE, b->value->value,
					      b->value->len, b->value->name);
	for (c = b->first; c && !doc->nomem; c = c->next)
		translate_block(t, c);
}

int pactum__doc_translate(pactum_doc *doc)
{
	const pactum_model *model = doc->model;
	struct translation t;
	char base[8];
	size_t li;
	int error = PACTUM_OK;

	memset(&t, 0, sizeof(t));
	t.doc = doc;
	t.st = pactum_malloc((model->nunits ? model->nunits : 1) *
			     sizeof(*t.st));
	t.memo = pactum_malloc((model->nparams ? model->nparams : 1) *
			       PACTUM_CASE_COUNT_ * sizeof(*t.memo));
	if (t.st == NULL || t.memo == NULL) {
		pactum_free(t.st);
		pactum_free(t.memo);
		return PACTUM_ENOMEM;
	}
	for (li = 0; li < doc->nlangs && error == PACTUM_OK; li++) {
		memset(t.st, 0, (model->nunits ? model->nunits : 1) *
					sizeof(*t.st));
		memset(t.memo, 0, (model->nparams ? model->nparams : 1) *
					  PACTUM_CASE_COUNT_ * sizeof(*t.memo));
		t.lang = li;
		t.loc = doc->locs[li];
		t.source = strcmp(doc->langs[li], model->source_lang) == 0;
		pactum__lang_dir(base, doc->langs[li], 1);
		/* en-US of an English model: the English where its catalog
		 * has nothing else */
		t.variant = !t.source && strcmp(base, model->source_lang) == 0;
		t.cat = NULL;
		if (!t.source) {
			error = pactum__translator_find(&t.cat, doc->tr, model->domain,
					    doc->langs[li], doc->diag);
			if (error == PACTUM_OK && t.cat == NULL && !t.variant) {
				pactum_pos pos = { model->file, 0, 0 };
				char dir[8];

				pactum__lang_dir(dir, doc->langs[li], 0);
				pactum__doc_report(
					doc,
					pactum__translator_draft(doc->tr) ? PACTUM_WARNING
						       : PACTUM_ERROR,
					&pos,
					_("no catalog for text domain \"%s\" in "
					  "language %s (looked for "
					  "%s/LC_MESSAGES/%s.mo in %s)"),
					model->domain, doc->langs[li],
					strcmp(dir, base) == 0 ? dir : doc->langs[li],
					model->domain,
					pactum__translator_dirs(doc->tr));
				if (!pactum__translator_draft(doc->tr)) {
					error = PACTUM_EUNTRANSLATED;
					break;
				}
			}
		}
		if (error == PACTUM_OK)
			translate_block(&t, doc->root);
	}
	pactum__buf_free(&t.scratch);
	pactum_free(t.st);
	pactum_free(t.memo);
	if (error != PACTUM_OK)
		return error;
	if (doc->nomem)
		return PACTUM_ENOMEM;
	if (doc->untranslated && !pactum__translator_draft(doc->tr))
		return PACTUM_EUNTRANSLATED;
	if (doc->errors)
		return PACTUM_EINPUT;
	if (doc->untranslated) {
		pactum_pos pos = { model->file, 0, 0 };

		pactum_diag_report(doc->diag, PACTUM_WARNING, &pos,
				   _("draft: %d units are not translated and "
				     "are shown in English, marked"),
				   doc->untranslated);
	}
	return PACTUM_OK;
}
