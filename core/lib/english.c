/* English left in a translation: a msgstr that is its msgid unchanged,
 * or English words kept after a '|' ("für seine {term:customers|End
 * Customers}").  Both count as translated to msgfmt; pactum check warns,
 * except for the words a domain keeps in English on purpose (product
 * names), listed in DIR/DOMAIN/KEEP beside its catalogs. */
#include "config.h"

#include <string.h>

#include "english.h"
#include "unit.h"

struct pactum_keep {
	pactum_arena *arena;
	const char **words; /* one word or phrase each */
	size_t n;
};

int pactum__keep_read(pactum_keep **out, const char *path, pactum_diag *diag)
{
	pactum_keep *k;
	char *bytes = NULL, *line, *next;
	size_t len;
	int error = pactum__file_read(&bytes, &len, path, PACTUM_MAX_INPUT, NULL);

	*out = NULL;
	if (error == PACTUM_ENOTFOUND)
		return PACTUM_OK; /* no list: nothing is kept */
	if (error == PACTUM_OK && !pactum__utf8_valid(bytes, len)) {
		pactum_pos pos = { path, 0, 0 };

		pactum_diag_report(diag, PACTUM_ERROR, &pos, "%s",
				   _("not valid UTF-8"));
		error = PACTUM_EINPUT;
	}
	if (error != PACTUM_OK)
		goto cleanup;
	error = PACTUM_ENOMEM;
	k = pactum_malloc(sizeof(*k));
	if (k == NULL)
		goto cleanup;
	memset(k, 0, sizeof(*k));
	*out = k;
	if (pactum__arena_new(&k->arena) != PACTUM_OK)
		goto cleanup;
	/* a line each; '#' starts a comment line */
	for (line = bytes; line < bytes + len; line = next) {
		const char **more;

		next = memchr(line, '\n', (size_t)(bytes + len - line));
		next = next ? next + 1 : bytes + len;
		if (*line == '#' || *line == '\n')
			continue;
		more = pactum__arena_alloc(k->arena, (k->n + 1) * sizeof(*more));
		if (more == NULL)
			goto cleanup;
		if (k->n)
			memcpy(more, k->words, k->n * sizeof(*more));
		more[k->n] = pactum__arena_strndup(
			k->arena, line,
			(size_t)(next - line) - (next[-1] == '\n'));
		if (more[k->n] == NULL)
			goto cleanup;
		k->words = more;
		k->n++;
	}
	error = PACTUM_OK;
cleanup:
	if (error != PACTUM_OK) {
		pactum__keep_free(*out);
		*out = NULL;
	}
	pactum_free(bytes);
	return error;
}

void pactum__keep_free(pactum_keep *keep)
{
	if (keep == NULL)
		return;
	pactum__arena_free(keep->arena);
	pactum_free(keep);
}

static int letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A letter, or a byte of a UTF-8 one: "ller" of "Müller" is no word. */
static int wordish(char c)
{
	return letter(c) || (unsigned char)c >= 0x80;
}

/* Whether the len bytes at s are one of keep's words, or start one of its
 * phrases at a word boundary: *skip its length. */
static int kept(const pactum_keep *keep, const char *s, size_t *skip)
{
	size_t i, n;

	for (i = 0; keep != NULL && i < keep->n; i++) {
		n = strlen(keep->words[i]);
		if (n > 0 && strncmp(s, keep->words[i], n) == 0 &&
		    !letter(s[n])) {
			*skip = n;
			return 1;
		}
	}
	return 0;
}

/* The first English-looking word of s (two ASCII letters or more, not in
 * a placeholder's name, not kept) and its length; NULL when none. */
static const char *first_word(const char *s, const pactum_keep *keep,
			      size_t *len)
{
	const char *p = s;
	size_t n, skip;
	int depth = 0, name = 0;

	while (*p != '\0') {
		if (*p == '{' && p[1] == '{') {
			p += 2;
			continue;
		}
		if (*p == '{') {
			depth++, name = 1, p++;
			continue;
		}
		if (*p == '}' && depth > 0) {
			depth--, name = 0, p++;
			continue;
		}
		if (*p == '|' && depth > 0) {
			name = 0, p++;
			continue;
		}
		if (name || !letter(*p) || (p > s && wordish(p[-1]))) {
			p++;
			continue;
		}
		if (kept(keep, p, &skip)) {
			p += skip;
			continue;
		}
		for (n = 0; letter(p[n]); n++)
			;
		/* a word of letters only: "Vendor", not "Anbieter" with
		 * umlauts, which never match an English word anyway */
		if (n >= 2 && (unsigned char)p[n] < 0x80) {
			*len = n;
			return p;
		}
		p += n;
	}
	return NULL;
}

const char *pactum__english_unchanged(const char *msgid, const char *msgstr,
				      const pactum_keep *keep, size_t *len)
{
	if (strcmp(msgid, msgstr) != 0)
		return NULL;
	return first_word(msgstr, keep, len);
}

/* The English words of node n's name: a term's, a party's role. */
static const char *english_name(const pactum_node *n)
{
	const pactum_node *c;

	if (n == NULL)
		return NULL;
	for (c = n->first; c; c = c->next)
		if ((c->kind == PACTUM_NODE_NAME || c->kind == PACTUM_NODE_ROLE) &&
		    c->unit != NULL)
			return c->unit->msgid;
	return NULL;
}

/* A word's length without an English plural 's': "Vendors" and
 * "Vendor" are one word. */
static size_t stem(const char *w, size_t len)
{
	return len > 3 && (w[len - 1] | 0x20) == 's' ? len - 1 : len;
}

/* Whether word (len bytes) is a word of text, ignoring ASCII case and a
 * plural 's'. */
static int has_word(const char *text, const char *word, size_t len)
{
	const char *p = text;
	size_t n, i, k = stem(word, len);

	while (p && *p) {
		for (n = 0; letter(p[n]); n++)
			;
		if (n == 0) {
			p++;
			continue;
		}
		if (stem(p, n) == k) {
			for (i = 0; i < k && (p[i] | 0x20) == (word[i] | 0x20); i++)
				;
			if (i == k)
				return 1;
		}
		p += n;
	}
	return 0;
}

const char *pactum__english_display(const pactum_unit *u, const char *msgstr,
				    const pactum_keep *keep, size_t *len)
{
	pactum_template t;
	pactum_token tok;
	const pactum_placeholder *ph;
	const char *p, *end, *name;
	size_t n, skip;

	pactum__template_init(&t, msgstr, strlen(msgstr));
	while (pactum__template_next(&tok, &t) != PACTUM_TOK_END) {
		if (tok.kind == PACTUM_TOK_ERROR)
			break;
		if (tok.kind != PACTUM_TOK_PLACEHOLDER || tok.display == NULL)
			continue;
		ph = pactum__unit_placeholder(u, tok.text, tok.len);
		name = ph ? english_name(ph->node ? ph->node->target : NULL)
			  : NULL;
		if (name == NULL)
			continue;
		end = tok.display + tok.display_len;
		for (p = tok.display; p < end; p += n ? n : 1) {
			n = 0;
			if (!letter(*p) || (p > tok.display && wordish(p[-1])))
				continue;
			if (kept(keep, p, &skip)) {
				n = skip;
				continue;
			}
			for (; p + n < end && letter(p[n]); n++)
				;
			if (n >= 2 && has_word(name, p, n)) {
				*len = n;
				return p;
			}
		}
	}
	return NULL;
}
