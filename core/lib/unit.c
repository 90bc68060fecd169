/* Building a unit's msgid from the model, and reading templates (msgids
 * and translations) back.  See unit.h for the placeholder syntax. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "kinds.h"
#include "unit.h"

/* Folds XML white space as it is appended: runs become one space, and
 * there is none at either end of the unit. */
struct builder {
	pactum_buf msgid;
	int pending_space;
	pactum_placeholder *ph;
	size_t nph;
	size_t cap;
	size_t floor;   /* no space at this offset: start of a display text */
	size_t open_at; /* offset just after the last "{em}" (or another
			   opening placeholder), or 0 */
	size_t open_len; /* its length */
	unsigned footnotes; /* so far */
	unsigned branches;  /* alternatives so far: "{when:N}" */
	size_t within;      /* 1 + index of the alternative being built */
	int bad;        /* a display text held a brace or a bar */
};

static int is_xml_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Emit the pending space.  Space just inside "{em}" moves before it:
 * "a<em> b</em>" reads "a {em}b{/em}", as it renders. */
static void flush_space(struct builder *b)
{
	pactum_buf *m = &b->msgid;

	b->pending_space = 0;
	if (b->open_at != 0 && m->len == b->open_at) {
		size_t at = m->len - b->open_len; /* where "{em}" starts */

		if (at > 0 && m->ptr[at - 1] != ' ' &&
		    pactum__buf_putc(m, ' ') == PACTUM_OK) {
			memmove(m->ptr + at + 1, m->ptr + at, b->open_len);
			m->ptr[at] = ' ';
			b->open_at++;
		}
		return;
	}
	pactum__buf_putc(m, ' ');
}

/* What put_text() looks at: XML white space, braces and the bar. */
static const unsigned char special[256] = {
	[' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1,
	['{'] = 1, ['}'] = 1, ['|'] = 1,
};

static void put_text(struct builder *b, const char *s, size_t len,
		     int escape)
{
	size_t i, run;

	for (i = 0; i < len; i++) {
		/* a run of ordinary characters goes in at once, with the lone
		 * spaces between its words: once the run has a character,
		 * such a space is the one flush_space() would put */
		for (run = i; run < len; run++)
			if (special[(unsigned char)s[run]] &&
			    !(s[run] == ' ' && run > i && run + 1 < len &&
			      !special[(unsigned char)s[run + 1]]))
				break;
		if (run > i) {
			if (b->pending_space)
				flush_space(b);
			pactum__buf_put(&b->msgid, s + i, run - i);
			i = run - 1;
			continue;
		}
		if (is_xml_space(s[i])) {
			b->pending_space = b->msgid.len > b->floor;
			continue;
		}
		if (b->pending_space)
			flush_space(b);
		if (escape && (s[i] == '{' || s[i] == '}'))
			pactum__buf_putc(&b->msgid, s[i]);
		else if (!escape && (s[i] == '{' || s[i] == '}' || s[i] == '|'))
			b->bad = 1;
		pactum__buf_putc(&b->msgid, s[i]);
	}
}

static int add_placeholder(struct builder *b, pactum_arena *arena,
			   const char *name, const pactum_node *node,
			   unsigned char pair)
{
	if (b->nph == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 4;
		pactum_placeholder *ph =
			pactum__arena_alloc(arena, cap * sizeof(*ph));

		if (ph == NULL)
			return PACTUM_ENOMEM;
		if (b->nph)
			memcpy(ph, b->ph, b->nph * sizeof(*ph));
		b->ph = ph;
		b->cap = cap;
	}
	b->ph[b->nph].name = pactum__arena_strdup(arena, name);
	b->ph[b->nph].node = node;
	b->ph[b->nph].pair = pair;
	b->ph[b->nph].within = b->within;
	if (b->ph[b->nph].name == NULL)
		return PACTUM_ENOMEM;
	b->nph++;
	return PACTUM_OK;
}

static void open_brace(struct builder *b)
{
	if (b->pending_space)
		flush_space(b);
	pactum__buf_putc(&b->msgid, '{');
}

/* A placeholder's name and its '}', after open_brace(). */
static void close_name(struct builder *b, const char *name)
{
	pactum__buf_puts(&b->msgid, name);
	pactum__buf_putc(&b->msgid, '}');
}

/* A closing placeholder, "{/em}": no pending space before it, which goes
 * after it instead. */
static void put_closing(struct builder *b, const char *name)
{
	pactum__buf_putc(&b->msgid, '{');
	close_name(b, name);
}

static int put_inline(struct builder *b, pactum_arena *arena,
		      const pactum_node *n);

/* An inline CHOOSE: every alternative in the sentence's own unit, each
 * between its pair, "{when:1}...{/when:1}{otherwise:2}...{/otherwise:2}",
 * so that a translator sees them all and may put each where the
 * language wants it.  Spaces stay inside: "per week{when:1} up to
 * ...{/when:1}." reads right with the words and without. */
static int put_alternatives(struct builder *b, pactum_arena *arena,
			    const pactum_node *choose)
{
	const pactum_node *w, *c;
	size_t saved_within = b->within, saved_at = b->open_at;
	char name[48];
	unsigned branch;
	int error = PACTUM_OK;

	for (w = choose->first; w && error == PACTUM_OK; w = w->next) {
		const char *kind = pactum__node_kind_name(w->kind);

		if (w->kind != PACTUM_NODE_WHEN &&
		    w->kind != PACTUM_NODE_OTHERWISE)
			continue; /* white space between them */
		/* a choose inside this branch numbers its own after it */
		branch = ++b->branches;
		snprintf(name, sizeof(name), "%s:%u", kind, branch);
		open_brace(b);
		close_name(b, name);
		error = add_placeholder(b, arena, name, w, PACTUM_PAIR_OPEN);
		b->within = b->nph;
		b->open_at = 0;
		for (c = w->first; c && error == PACTUM_OK; c = c->next)
			error = put_inline(b, arena, c);
		if (b->pending_space)
			flush_space(b);
		b->within = saved_within;
		b->open_at = saved_at;
		snprintf(name, sizeof(name), "/%s:%u", kind, branch);
		put_closing(b, name);
		if (error == PACTUM_OK)
			error = add_placeholder(b, arena, name, w,
						PACTUM_PAIR_CLOSE);
	}
	return error;
}

/* Append the text children of n (of its ONE child when one), folded,
 * as display words: no brace or bar in them. */
static void put_words(struct builder *b, const pactum_node *n, int one)
{
	const pactum_node *c;

	for (c = n->first; c; c = c->next) {
		if (c->kind == PACTUM_NODE_ONE && one)
			put_words(b, c, 0);
		else if (c->kind == PACTUM_NODE_TEXT && !one)
			put_text(b, c->text, c->len, 0);
	}
}

/* "{plural:renewals|renewal term|renewal terms}": words whose form a
 * second count picks; the translation gives as many forms, after the
 * bar, as its catalog's Plural-Forms has. */
static int put_plural(struct builder *b, pactum_arena *arena,
		      const pactum_node *n)
{
	char name[96];
	int which;

	snprintf(name, sizeof(name), "plural:%s",
		 n->attr[PACTUM_ATTR_COUNT] ? n->attr[PACTUM_ATTR_COUNT] : "");
	open_brace(b);
	pactum__buf_puts(&b->msgid, name);
	for (which = 1; which >= 0; which--) {
		pactum__buf_putc(&b->msgid, '|');
		b->floor = b->msgid.len;
		b->pending_space = 0;
		put_words(b, n, which);
	}
	b->pending_space = 0;
	b->floor = 0;
	pactum__buf_putc(&b->msgid, '}');
	return add_placeholder(b, arena, name, n, PACTUM_PAIR_NONE);
}

static int put_inline(struct builder *b, pactum_arena *arena,
		      const pactum_node *n)
{
	const pactum_kind_info *k = pactum__kind(n->kind);
	pactum_buf name = PACTUM_BUF_INIT;
	const pactum_node *c;
	size_t a;
	int error = PACTUM_OK;

	/* A required attribute missing is reported by the check; there is
	 * no name to make a placeholder of. */
	for (a = 0; k && a < PACTUM_ATTR_COUNT_; a++)
		if ((k->required & (1u << a)) && n->attr[a] == NULL)
			return PACTUM_OK;

	switch (n->kind) {
	case PACTUM_NODE_TEXT:
		put_text(b, n->text, n->len, 1);
		return PACTUM_OK;
	case PACTUM_NODE_VAR:
		/* "{fee:words}": a translator sees which is which */
		pactum__buf_puts(&name, n->attr[PACTUM_ATTR_NAME]);
		if (n->attr[PACTUM_ATTR_FORMAT]) {
			pactum__buf_putc(&name, ':');
			pactum__buf_puts(&name, n->attr[PACTUM_ATTR_FORMAT]);
		}
		break;
	case PACTUM_NODE_FIELD:
		pactum__buf_puts(&name, n->attr[PACTUM_ATTR_PARTY]);
		pactum__buf_putc(&name, '.');
		pactum__buf_puts(&name, n->attr[PACTUM_ATTR_NAME]);
		break;
	case PACTUM_NODE_PARTY_REF:
		pactum__buf_puts(&name, "party:");
		pactum__buf_puts(&name, n->attr[PACTUM_ATTR_REF]);
		break;
	case PACTUM_NODE_TERM_REF:
		pactum__buf_puts(&name, "term:");
		pactum__buf_puts(&name, n->attr[PACTUM_ATTR_REF]);
		break;
	case PACTUM_NODE_DEFINE:
		pactum__buf_puts(&name, "define:");
		pactum__buf_puts(&name, n->attr[PACTUM_ATTR_REF]);
		break;
	case PACTUM_NODE_XREF:
		pactum__buf_puts(&name, "ref:");
		pactum__buf_puts(&name, n->attr[PACTUM_ATTR_REF]);
		break;
	case PACTUM_NODE_BREAK:
		pactum__buf_puts(&name, "br");
		break;
	case PACTUM_NODE_FOOTNOTE:
		/* numbered, so that each mark keeps its note wherever the
		 * translation puts it; the note's text is a unit of its own */
		pactum__buf_printf(&name, "footnote:%u", ++b->footnotes);
		break;
	case PACTUM_NODE_CHOOSE:
		return put_alternatives(b, arena, n);
	case PACTUM_NODE_PLURAL:
		return put_plural(b, arena, n);
	case PACTUM_NODE_EMPHASIS:
	case PACTUM_NODE_STRONG: {
		const char *kind = pactum__node_kind_name(n->kind);
		size_t saved_at = b->open_at, saved_len = b->open_len;

		pactum__buf_putc(&name, '/');
		pactum__buf_puts(&name, kind);
		if (name.oom)
			return PACTUM_ENOMEM;
		open_brace(b);
		close_name(b, kind);
		b->open_at = b->msgid.len;
		b->open_len = strlen(kind) + 2;
		error = add_placeholder(b, arena, kind, n, PACTUM_PAIR_OPEN);
		for (c = n->first; c && error == PACTUM_OK; c = c->next)
			error = put_inline(b, arena, c);
		b->open_at = saved_at;
		b->open_len = saved_len;
		if (error == PACTUM_OK) {
			put_closing(b, name.ptr);
			error = add_placeholder(b, arena, name.ptr, n,
						PACTUM_PAIR_CLOSE);
		}
		pactum__buf_free(&name);
		return error;
	}
	default:
		return PACTUM_OK; /* the check reports misplaced nodes */
	}
	if (name.oom) {
		error = PACTUM_ENOMEM;
		goto cleanup;
	}
	open_brace(b);
	pactum__buf_put(&b->msgid, name.ptr, name.len);
	/* Display text of a term or party reference: "{term:x|words}"; a
	 * footnote's text is a unit of its own. */
	if (n->first != NULL && (n->kind == PACTUM_NODE_TERM_REF ||
				 n->kind == PACTUM_NODE_PARTY_REF)) {
		size_t before;

		pactum__buf_putc(&b->msgid, '|');
		before = b->floor = b->msgid.len;
		b->pending_space = 0;
		for (c = n->first; c; c = c->next)
			if (c->kind == PACTUM_NODE_TEXT)
				put_text(b, c->text, c->len, 0);
		b->pending_space = 0;
		b->floor = 0;
		/* no words: no '|' either (out of memory: nothing was put) */
		if (b->msgid.len == before && !b->msgid.oom)
			b->msgid.len--, b->msgid.ptr[b->msgid.len] = '\0';
	}
	pactum__buf_putc(&b->msgid, '}');
	error = add_placeholder(b, arena, name.ptr, n, PACTUM_PAIR_NONE);
cleanup:
	pactum__buf_free(&name);
	return error;
}

/* The normalised text of node's inline children, in the arena; its
 * placeholders through the builder. */
static int build_text(struct builder *b, pactum_model *model,
		      const pactum_node *node, const char **text)
{
	const pactum_node *c;
	int error = PACTUM_OK;

	for (c = node->first; c && error == PACTUM_OK; c = c->next)
		error = put_inline(b, model->arena, c);
	if (error == PACTUM_OK && b->msgid.oom)
		error = PACTUM_ENOMEM;
	if (error == PACTUM_OK) {
		*text = pactum__arena_strndup(model->arena,
					      b->msgid.ptr ? b->msgid.ptr : "",
					      b->msgid.len);
		if (*text == NULL)
			error = PACTUM_ENOMEM;
	}
	return error;
}

int pactum__unit_build(pactum_unit **out, pactum_model *model,
		       const pactum_node *node, const char *ctx,
		       const char *role, pactum_buf scratch[2],
		       pactum_diag *diag)
{
	struct builder b = { PACTUM_BUF_INIT, 0, NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
	struct builder one = { PACTUM_BUF_INIT, 0, NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
	const pactum_node *one_node = pactum__node_child(node, PACTUM_NODE_ONE);
	const char *text = NULL, *one_text = NULL;
	pactum_unit *unit;
	int error;

	*out = NULL;
	pactum__buf_clear(&scratch[0]);
	pactum__buf_clear(&scratch[1]);
	b.msgid = scratch[0];
	one.msgid = scratch[1];
	error = build_text(&b, model, node, &text);
	if (error == PACTUM_OK && one_node != NULL)
		error = build_text(&one, model, one_node, &one_text);
	if (error != PACTUM_OK)
		goto cleanup;
	if (b.bad || one.bad) {
		pactum_pos pos = pactum__node_pos(model, node);

		pactum_diag_report(diag, PACTUM_ERROR, &pos,
				   _("the words shown for a term or party "
				     "reference may not contain '{', '}' or "
				     "'|'"));
	}
	unit = pactum__arena_calloc(model->arena, sizeof(*unit));
	if (unit == NULL) {
		error = PACTUM_ENOMEM;
		goto cleanup;
	}
	unit->node = node;
	unit->ctx = ctx;
	unit->role = role;
	unit->msgid = text;
	unit->one = one_text;
	unit->ph = b.ph;
	unit->nph = b.nph;
	*out = unit;
cleanup:
	/* grown, perhaps: the caller's again */
	scratch[0] = b.msgid;
	scratch[1] = one.msgid;
	return error;
}

void pactum__template_init(pactum_template *t, const char *s, size_t len)
{
	t->p = s;
	t->end = s + len;
}

pactum_token_kind pactum__template_next(pactum_token *tok, pactum_template *t)
{
	const char *p = t->p, *start = p, *close, *bar;

	memset(tok, 0, sizeof(*tok));
	if (p >= t->end)
		return tok->kind = PACTUM_TOK_END;
	if (*p == '{' && p + 1 < t->end && p[1] == '{') {
		tok->text = p;
		tok->len = 1;
		t->p = p + 2;
		return tok->kind = PACTUM_TOK_TEXT;
	}
	if (*p == '}') {
		if (p + 1 < t->end && p[1] == '}') {
			tok->text = p;
			tok->len = 1;
			t->p = p + 2;
			return tok->kind = PACTUM_TOK_TEXT;
		}
		tok->text = p;
		return tok->kind = PACTUM_TOK_ERROR;
	}
	if (*p == '{') {
		close = memchr(p, '}', (size_t)(t->end - p));
		if (close == NULL || close == p + 1) {
			tok->text = p;
			return tok->kind = PACTUM_TOK_ERROR;
		}
		bar = memchr(p, '|', (size_t)(close - p));
		if (memchr(p + 1, '{', (size_t)(close - p - 1)) != NULL ||
		    bar == p + 1) {
			tok->text = p;
			return tok->kind = PACTUM_TOK_ERROR;
		}
		tok->text = p + 1;
		tok->len = (size_t)((bar ? bar : close) - (p + 1));
		if (bar) {
			tok->display = bar + 1;
			tok->display_len = (size_t)(close - bar - 1);
		}
		t->p = close + 1;
		return tok->kind = PACTUM_TOK_PLACEHOLDER;
	}
	{
		/* text runs to the next brace: found by memchr(), not byte by
		 * byte, as every translation of every render is read here */
		const char *open = memchr(p, '{', (size_t)(t->end - p));
		const char *shut = memchr(p, '}',
					  (size_t)((open ? open : t->end) - p));

		p = shut ? shut : open ? open : t->end;
	}
	tok->text = start;
	tok->len = (size_t)(p - start);
	t->p = p;
	return tok->kind = PACTUM_TOK_TEXT;
}

const pactum_placeholder *pactum__unit_placeholder(const pactum_unit *unit,
						   const char *name,
						   size_t len)
{
	size_t i;

	for (i = 0; i < unit->nph; i++)
		if (strncmp(unit->ph[i].name, name, len) == 0 &&
		    unit->ph[i].name[len] == '\0')
			return &unit->ph[i];
	return NULL;
}

/* A source edge and a translation's: a space against a letter (or a
 * letter against a space) glues words or leaves a gap. */
static int edge_differs(char source, char translation)
{
	int word = (unsigned char)translation >= 0x80 ||
		   (translation >= '0' && translation <= '9') ||
		   (translation >= 'a' && translation <= 'z') ||
		   (translation >= 'A' && translation <= 'Z') ||
		   translation == '{';

	return (source == ' ') != (translation == ' ') &&
	       (source == ' ' ? word : translation == ' ');
}

/* A placeholder for a value whose words decline (a duration's unit). */
static int declines(const pactum_placeholder *ph)
{
	const pactum_node *n = ph->node;

	/* in a clause library alone the parameter is the including
	 * model's, of a type unknown here: a case is let be */
	return n && n->kind == PACTUM_NODE_VAR &&
	       (n->target == NULL || n->target->type == PACTUM_TYPE_DURATION);
}

/* 1 + the index of the innermost alternative open in a translation, or
 * 0: what a placeholder's within must be. */
static size_t open_alternative(const pactum_unit *unit,
			       const pactum_placeholder **open, size_t depth)
{
	while (depth > 0) {
		const pactum_node *n = open[--depth]->node;

		if (n->kind == PACTUM_NODE_WHEN ||
		    n->kind == PACTUM_NODE_OTHERWISE)
			return (size_t)(open[depth] - unit->ph) + 1;
	}
	return 0;
}

/* The first unused placeholder of unit named as tok, within alternative
 * within if one is; unit->nph for none. */
static size_t unused(const pactum_unit *unit, const unsigned char *seen,
		     const pactum_token *tok, size_t within)
{
	size_t i, first = unit->nph;

	for (i = 0; i < unit->nph; i++) {
		if (seen[i] ||
		    strncmp(unit->ph[i].name, tok->text, tok->len) != 0 ||
		    unit->ph[i].name[tok->len] != '\0')
			continue;
		if (unit->ph[i].within == within)
			return i;
		if (first == unit->nph)
			first = i;
	}
	return first;
}

/* Append one more problem to why: a line each. */
static void problem(pactum_buf *why, const char *fmt, ...)
	PACTUM_PRINTF(2, 3);

static void problem(pactum_buf *why, const char *fmt, ...)
{
	va_list ap;

	if (why->len > 0)
		pactum__buf_putc(why, '\n');
	va_start(ap, fmt);
	pactum__buf_vprintf(why, fmt, ap);
	va_end(ap);
}

/* At most max bytes of s, ending on a character boundary: a quoted piece
 * of a translation never cuts a UTF-8 sequence. */
static int utf8_prefix(const char *s, size_t max)
{
	size_t n = strnlen(s, max);

	if (n == max)
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	return (int)n;
}

/* The words after a placeholder's '|': a term or party takes one text
 * (not empty, no second '|'), a plural one form per '|', none empty. */
static void check_display(const pactum_token *tok, pactum_buf *why)
{
	const char *p = tok->display, *end = p + tok->display_len, *bar;
	int plural = strncmp(tok->text, "plural:", 7) == 0;

	if (!plural && tok->display_len == 0) {
		problem(why, _("{%.*s|}: the words after '|' are empty; give "
			       "them, or leave out the '|'"),
			(int)tok->len, tok->text);
		return;
	}
	bar = memchr(p, '|', tok->display_len);
	if (!plural && bar != NULL) {
		problem(why, _("{%.*s|%.*s}: one text after '|', not two"),
			(int)tok->len, tok->text, (int)tok->display_len, p);
		return;
	}
	for (; plural && p <= end; p = bar + 1) {
		bar = memchr(p, '|', (size_t)(end - p));
		if (bar == NULL)
			bar = end;
		if (bar == p) {
			problem(why, _("{%.*s}: a form after '|' is empty"),
				(int)tok->len, tok->text);
			return;
		}
	}
}

int pactum__template_check(const pactum_unit *unit, const char *s,
			   size_t len, pactum_buf *why)
{
	unsigned char small[32], *seen = small;
	const pactum_placeholder *open_small[16], **open = open_small;
	pactum_template t;
	pactum_token tok;
	uint32_t cp;
	size_t i, depth = 0, before = why->len;
	int result = -1;

	/* A translation is text in a contract: a newline, a tab or an escape
	 * sequence in it would break the layout or the reader's terminal. */
	if (pactum__text_unsafe(&cp, &i, s, len, 0)) {
		if (cp == PACTUM_NOT_UTF8)
			problem(why, "%s", _("not valid UTF-8"));
		else
			/* TRANSLATORS: %04X is a Unicode code point */
			problem(why,
				_("holds U+%04X (a control or invisible "
				  "character) at byte %zu"),
				(unsigned)cp, i);
		return -1;
	}
	if (unit->nph > sizeof(small)) {
		seen = pactum_malloc(unit->nph);
		if (seen == NULL) {
			problem(why, "%s", _("out of memory"));
			return -1;
		}
	}
	if (unit->nph > PACTUM_ARRAY_SIZE(open_small)) {
		open = pactum_malloc(unit->nph * sizeof(*open));
		if (open == NULL) {
			problem(why, "%s", _("out of memory"));
			goto cleanup;
		}
	}
	memset(seen, 0, unit->nph);
	pactum__template_init(&t, s, len);
	/* every problem of the translation, not the first: a translator
	 * fixes them in one go */
	while (pactum__template_next(&tok, &t) != PACTUM_TOK_END) {
		if (tok.kind == PACTUM_TOK_ERROR) {
			/* the tokenizer cannot go on past it */
			problem(why, _("malformed placeholder at \"%.*s\""),
				utf8_prefix(tok.text, 12), tok.text);
			break;
		}
		if (tok.kind != PACTUM_TOK_PLACEHOLDER)
			continue;
		/* The n-th use of a name matches the n-th unused one, in the
		 * same alternative where there is one: each alternative may
		 * hold a "{buyer.address}", in any order. */
		i = unused(unit, seen, &tok,
			   open_alternative(unit, open, depth));
		if (i == unit->nph) {
			problem(why,
				_("placeholder {%.*s} is not in the source "
				  "text (or is there fewer times)"),
				(int)tok.len, tok.text);
			continue;
		}
		seen[i] = 1;
		/* pairs nest: "{em}{strong}...{/strong}{/em}" */
		if (unit->ph[i].pair == PACTUM_PAIR_OPEN) {
			open[depth++] = &unit->ph[i];
		} else if (unit->ph[i].pair == PACTUM_PAIR_CLOSE) {
			if (depth == 0) {
				problem(why, _("{%s} before its {%s}"),
					unit->ph[i].name, unit->ph[i].name + 1);
				continue;
			}
			if (strcmp(open[depth - 1]->name,
				   unit->ph[i].name + 1) != 0)
				problem(why,
					_("{%s} closes {%s}, but {%s} was "
					  "opened last"),
					unit->ph[i].name, unit->ph[i].name + 1,
					open[depth - 1]->name);
			depth--;
		}
		if (strncmp(tok.text, "plural:", 7) == 0 &&
		    (tok.display == NULL || tok.display_len == 0))
			problem(why,
				_("{%.*s} needs its words after '|', one form "
				  "each"),
				(int)tok.len, tok.text);
		/* words that hold only in one alternative stay in it */
		if (unit->ph[i].within !=
		    open_alternative(unit, open,
				     depth - (unit->ph[i].pair ==
					      PACTUM_PAIR_OPEN))) {
			if (unit->ph[i].within == 0)
				problem(why,
					_("{%s} belongs outside the "
					  "alternatives"),
					unit->ph[i].name);
			else
				problem(why,
					_("{%s} belongs between {%s} and its "
					  "{/%s}"),
					unit->ph[i].name,
					unit->ph[unit->ph[i].within - 1].name,
					unit->ph[unit->ph[i].within - 1].name);
		}
		if (tok.display == NULL)
			continue;
		/* a duration may be asked for in a case: "{term|dat}" */
		if (declines(&unit->ph[i])) {
			if (pactum__case_parse(tok.display, tok.display_len) < 0)
				problem(why,
					_("{%.*s|%.*s}: a duration's case is "
					  "nom, gen, dat or acc"),
					(int)tok.len, tok.text,
					(int)tok.display_len, tok.display);
		} else if (strncmp(tok.text, "term:", 5) != 0 &&
			   strncmp(tok.text, "party:", 6) != 0 &&
			   strncmp(tok.text, "plural:", 7) != 0) {
			problem(why,
				_("placeholder {%.*s} cannot take other "
				  "words after '|'"),
				(int)tok.len, tok.text);
		} else if (tok.display_len > 0 ||
			   strncmp(tok.text, "plural:", 7) != 0) {
			check_display(&tok, why);
		}
	}
	while (depth > 0) {
		depth--;
		problem(why, _("{%s} is not closed: its {/%s} is missing"),
			open[depth]->name, open[depth]->name);
	}
	/* words of a sentence keep the spaces that join them to it, unless
	 * the translation joins them with punctuation (", insgesamt") */
	if (unit->msgid[0] != '\0' && len > 0 &&
	    (edge_differs(unit->msgid[0], s[0]) ||
	     edge_differs(unit->msgid[strlen(unit->msgid) - 1], s[len - 1])))
		problem(why, "%s",
			_("a space at the start or end of the source text is "
			  "not in the translation, or the other way round"));
	for (i = 0; i < unit->nph; i++)
		if (!seen[i])
			problem(why,
				_("placeholder {%s} of the source text is "
				  "missing"),
				unit->ph[i].name);
	result = why->len > before || why->oom ? -1 : 0;
cleanup:
	if (seen != small)
		pactum_free(seen);
	if (open != open_small)
		pactum_free(open);
	return result;
}
