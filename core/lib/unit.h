/* Translation units and their templates.  A unit's msgid is the English
 * text with inline elements as named placeholders:
 *
 *   {territory}           a parameter's value
 *   {reseller.name}       a party's field
 *   {party:vendor}        a party's role label ("the Vendor")
 *   {term:products}       a defined term; {term:products|Produkten} shows
 *                         other words for it (German cases)
 *   {ref:termination}     "Section 3.2" / "Ziffer 3.2"
 *   {em} ... {/em}        emphasis; {strong} ... {/strong} strong
 *                         emphasis (any paired inline kind: its name)
 *   {br}                  a line break
 *   {footnote:1}          where the unit's first footnote stands (its
 *                         text is a unit of its own)
 *   {when:1} ... {/when:1}, {otherwise:2} ... {/otherwise:2}
 *                         alternative words (an inline CHOOSE): each
 *                         WHEN and OTHERWISE between its pair, numbered
 *                         through the unit; a translation may place each
 *                         where it likes, but keeps in it what the
 *                         source has in it
 *   {{ and }}             literal braces
 *
 * Extraction (the POT), lookup and rendering all go through the one
 * builder and the one tokenizer below, so they cannot drift apart. */
#ifndef PACTUM_UNIT_H
#define PACTUM_UNIT_H

#include "model.h"

typedef enum pactum_token_kind {
	PACTUM_TOK_END = 0,
	PACTUM_TOK_TEXT,
	PACTUM_TOK_PLACEHOLDER,
	PACTUM_TOK_ERROR
} pactum_token_kind;

typedef struct pactum_token {
	pactum_token_kind kind;
	const char *text;     /* TEXT: the text; PLACEHOLDER: the name */
	size_t len;
	const char *display;  /* PLACEHOLDER: text after '|', or NULL */
	size_t display_len;
} pactum_token;

typedef struct pactum_template {
	const char *p;
	const char *end;
} pactum_template;

void pactum__template_init(pactum_template *t, const char *s, size_t len);
/*
 * The next token.  TEXT tokens borrow from the template; a "{{" yields a
 * text token ending in one '{'.  TOK_ERROR (with text pointing at the
 * fault) for an unterminated '{', a lone '}', or an empty name.
 */
pactum_token_kind pactum__template_next(pactum_token *tok, pactum_template *t);

/*
 * Check a translation against its unit: well-formed, and the same
 * placeholders as the msgid, each as often, with {em}/{/em} and the other
 * pairs properly nested, what an alternative ("{when:1}...{/when:1}")
 * holds kept in it, and the words after a '|' well-formed (one text, not
 * empty; a plural's forms none empty).  Returns 0 when it fits, else -1
 * with every problem appended to why, a line each (translated messages).
 */
int pactum__template_check(const pactum_unit *unit, const char *s,
			   size_t len, pactum_buf *why);

/* Add to u's role what a translator needs to know: each placeholder's
 * meaning, the count that picks the plural form, the condition the text
 * appears under; a line each (describe.c).  PACTUM_OK or ENOMEM. */
int pactum__unit_describe(pactum_model *model, pactum_unit *u);

/* The placeholder of unit named name (len bytes), or NULL. */
const pactum_placeholder *pactum__unit_placeholder(const pactum_unit *unit,
						   const char *name,
						   size_t len);

#endif /* PACTUM_UNIT_H */
