/* A language's conventions, built at run time from two sources: its words
 * from the "pactum-words" catalog (English from words.c), its numbers,
 * dates and month names from ICU's CLDR data.  So the output never depends
 * on the locales the machine has installed, and a language or a regional
 * variant is a .po file, not C. */
#include "config.h"

#include <pthread.h>
#include <string.h>

#include "icu.h"
#include "langtab.h"

#define NBSP "\xc2\xa0"

int pactum_lang_supported(const char *lang)
{
	size_t i, n;

	/* "de", "fr", "de-AT": a language of two or three letters, and an
	 * optional region of two; what they mean is ICU's and the catalogs'
	 * business, not a list in C */
	if (lang == NULL)
		return 0;
	for (n = 0; lang[n] >= 'a' && lang[n] <= 'z'; n++)
		;
	if (n < 2 || n > 3)
		return 0;
	if (lang[n] == '\0')
		return 1;
	if (lang[n] != '-')
		return 0;
	for (i = n + 1; lang[i] >= 'A' && lang[i] <= 'Z'; i++)
		;
	return i == n + 3 && lang[i] == '\0';
}

void pactum__lang_dir(char out[8], const char *lang, int base)
{
	size_t i;

	for (i = 0; i < 7 && lang[i] != '\0'; i++) {
		if (lang[i] == '-' && base)
			break;
		out[i] = lang[i] == '-' ? '_' : lang[i];
	}
	out[i] = '\0';
}

/* ------------------------------------------------------------ patterns */

/* CLDR's affix at s (len bytes) in pactum's pattern syntax: '%' is the
 * percent sign (symbol), U+00A4 the currency (%c), 'x' quoted. */
static void put_affix(pactum_buf *out, const char *s, size_t len,
		      const char *percent)
{
	size_t i;
	int quoted = 0;

	for (i = 0; i < len; i++) {
		if (s[i] == '\'') {
			if (i + 1 < len && s[i + 1] == '\'')
				pactum__buf_putc(out, '\''), i++;
			else
				quoted = !quoted;
		} else if (!quoted && s[i] == '%') {
			const char *p;

			for (p = percent; *p; p++)
				pactum__buf_puts(out, *p == '%' ? "%%" : (char[]){ *p, 0 });
		} else if (!quoted && (unsigned char)s[i] == 0xc2 &&
			   i + 1 < len && (unsigned char)s[i + 1] == 0xa4) {
			pactum__buf_puts(out, "%c");
			i++;
		} else if (s[i] == '%') {
			pactum__buf_puts(out, "%%");
		} else {
			pactum__buf_putc(out, s[i]);
		}
	}
}

/*
 * A CLDR number pattern ("#,##0.00\u00a0\u00a4", "\u00a4 #,##0.00;...")
 * as pactum's: prefix, %n, suffix; only the positive part.  With spacing
 * set, a no-break space where the currency touches the number (CLDR's
 * currencySpacing, for codes: "EUR\u00a01,200.00").  0 when the pattern
 * has no number.
 */
static int convert_number(pactum_buf *out, const char *cldr,
			  const char *percent, int spacing)
{
	size_t len = strcspn(cldr, ";"), start, end;
	const char *digits = "#0,.@";

	for (start = 0; start < len && !strchr(digits, cldr[start]); start++)
		;
	for (end = start; end < len && strchr(digits, cldr[end]); end++)
		;
	if (start == end)
		return 0;
	put_affix(out, cldr, start, percent);
	if (spacing && out->len >= 2 && memcmp(out->ptr + out->len - 2, "%c", 2) == 0)
		pactum__buf_puts(out, NBSP);
	pactum__buf_puts(out, "%n");
	if (spacing && end + 1 < len && (unsigned char)cldr[end] == 0xc2 &&
	    (unsigned char)cldr[end + 1] == 0xa4)
		pactum__buf_puts(out, NBSP);
	put_affix(out, cldr + end, len - end, percent);
	return 1;
}

/* A CLDR date pattern ("d. MMMM y") as pactum's ("%d. %B %Y"), its
 * spaces no-break ones: a date is not broken over two lines ("15." /
 * "Februar 2027"); 0 when it holds a field other than day, month name and
 * year. */
static int convert_date(pactum_buf *out, const char *cldr)
{
	const char *p = cldr;
	size_t run;
	int quoted = 0;

	while (*p != '\0') {
		if (*p == '\'') {
			if (p[1] == '\'')
				pactum__buf_putc(out, '\''), p++;
			else
				quoted = !quoted;
			p++;
			continue;
		}
		if (quoted || !((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))) {
			pactum__buf_puts(out, *p == '%'   ? "%%"
					      : *p == ' ' ? "\xc2\xa0"
							  : (char[]){ *p, 0 });
			p++;
			continue;
		}
		for (run = 1; p[run] == *p; run++)
			;
		if (*p == 'd' && run <= 2)
			pactum__buf_puts(out, "%d");
		else if (*p == 'M' && run == 4)
			pactum__buf_puts(out, "%B");
		else if (*p == 'y')
			pactum__buf_puts(out, "%Y");
		else
			return 0;
		p += run;
	}
	return 1;
}

/* ------------------------------------------------------------- building */

/* A NUL-terminated copy of b in loc's arena; NULL when out of memory. */
static const char *keep_buf(pactum_locale *loc, pactum_buf *b)
{
	return b->oom ? NULL : pactum__arena_strndup(loc->arena, b->ptr, b->len);
}

/* pactum's pattern of the CLDR pattern in cldr (not NUL-terminated), by
 * convert_number() or, number unset, convert_date(); NULL when it does
 * not convert (*error PACTUM_EINVAL) or out of memory. */
static const char *converted(pactum_locale *loc, pactum_buf *cldr,
			     const char *prefix, const char *percent,
			     int number, int spacing, int *error)
{
	pactum_buf b = PACTUM_BUF_INIT;
	const char *out = NULL;
	int ok;

	pactum__buf_putc(cldr, '\0');
	pactum__buf_puts(&b, prefix);
	ok = number ? convert_number(&b, cldr->ptr, percent, spacing)
		    : convert_date(&b, cldr->ptr);
	cldr->len--;
	if (!ok)
		*error = PACTUM_EINVAL;
	else if ((out = keep_buf(loc, &b)) == NULL)
		*error = PACTUM_ENOMEM;
	pactum__buf_free(&b);
	return out;
}

/* The CLDR conventions of loc->icu into loc, each read once; PACTUM_EINVAL
 * when ICU has none that pactum can use. */
static int read_conventions(pactum_locale *loc)
{
	pactum_buf sym[3] = { PACTUM_BUF_INIT, PACTUM_BUF_INIT, PACTUM_BUF_INIT };
	pactum_buf percent = PACTUM_BUF_INIT, money = PACTUM_BUF_INIT,
		   date = PACTUM_BUF_INIT, months[12];
	int m, error = PACTUM_EINVAL;

	for (m = 0; m < 12; m++)
		months[m] = (pactum_buf)PACTUM_BUF_INIT;
	if (!pactum__icu_known(loc->icu))
		goto cleanup;
	for (m = 0; m < 3; m++)
		if ((error = pactum__icu_number_symbol(&sym[m], loc->icu,
						       (pactum_icu_symbol)m)) !=
		    PACTUM_OK)
			goto cleanup;
	if ((error = pactum__icu_number_pattern(&percent, loc->icu, 0)) ||
	    (error = pactum__icu_number_pattern(&money, loc->icu, 1)) ||
	    (error = pactum__icu_long_date(&date, months, loc->icu)))
		goto cleanup;
	error = PACTUM_OK;
	loc->decimal_mark = keep_buf(loc, &sym[PACTUM_ICU_DECIMAL]);
	loc->group_sep = keep_buf(loc, &sym[PACTUM_ICU_GROUP]);
	pactum__buf_putc(&sym[PACTUM_ICU_PERCENT], '\0');
	loc->percent_pattern = converted(loc, &percent, "",
					 sym[PACTUM_ICU_PERCENT].ptr, 1, 0,
					 &error);
	loc->money_symbol_pattern = converted(loc, &money, "%s", "%", 1, 0,
					      &error);
	loc->money_pattern = converted(loc, &money, "%s", "%", 1, 1, &error);
	loc->date_pattern = converted(loc, &date, "", "", 0, 0, &error);
	for (m = 0; m < 12; m++)
		loc->months[m] = keep_buf(loc, &months[m]);
	if (error == PACTUM_OK &&
	    (!loc->decimal_mark || !loc->group_sep || !loc->months[11]))
		error = PACTUM_ENOMEM;
	/* numbers in words count nouns of either gender ("ein Euro", "eine
	 * Krone"); a language without genders falls back to its plain
	 * cardinal (icu.c) */
	loc->spell_rules[0] = "%spellout-cardinal-masculine";
	loc->spell_rules[1] = "%spellout-cardinal-feminine";
cleanup:
	for (m = 0; m < 3; m++)
		pactum__buf_free(&sym[m]);
	for (m = 0; m < 12; m++)
		pactum__buf_free(&months[m]);
	pactum__buf_free(&percent);
	pactum__buf_free(&money);
	pactum__buf_free(&date);
	return error;
}

/* Split the quote word at its {term}: the quotes writers put around a
 * term themselves. */
static int split_quotes(pactum_locale *loc)
{
	const char *q = loc->words[PACTUM_WORD_QUOTE];
	const char *t = strstr(q, "{term}");

	if (t == NULL)
		return PACTUM_EINVAL;
	loc->quote_open = pactum__arena_strndup(loc->arena, q, (size_t)(t - q));
	loc->quote_close = pactum__arena_strdup(loc->arena, t + 6);
	return loc->quote_open && loc->quote_close ? PACTUM_OK : PACTUM_ENOMEM;
}

int pactum__lang_english(const char *lang)
{
	return strncmp(lang, "en", 2) == 0 &&
	       (lang[2] == '\0' || lang[2] == '-');
}

/* A word's translation, or NULL when the catalog lacks it (reported, as
 * an error unless draft or the language is a variant of English, whose
 * English is the word). */
static const char *translate_word(const pactum_locale *loc, pactum_word w,
				  int draft, int *errors, pactum_diag *diag)
{
	const pactum_word_def *d = pactum__word_def(w);
	pactum_pos pos = { pactum__catalog_name(loc->cat), 0, 0 };
	const char *tr = pactum__catalog_get(loc->cat, d->ctx, d->msgid, NULL);
	const char *name = NULL;
	size_t len = 0;
	unsigned long counts[] = { 1, 2, 5 };
	size_t i;

	for (i = 0; tr != NULL && i < (d->plural ? 3 : 1); i++) {
		const char *form = d->plural
					   ? pactum__catalog_nget(loc->cat, d->ctx,
								  d->msgid, counts[i], NULL)
					   : tr;

		if (form != NULL &&
		    !pactum__word_form_fits(d, form, d->plural ? counts[i] : 2,
					    &name, &len)) {
			pactum_diag_report(
				diag, PACTUM_ERROR, &pos,
				_("the translation of \"%s\" (msgctxt \"%s\") "
				  "must hold {%.*s} exactly once, as the "
				  "English does"),
				d->msgid, d->ctx, (int)len, name);
			++*errors;
			return NULL;
		}
	}
	if (tr == NULL && !pactum__lang_english(loc->lang)) {
		pactum_diag_report(diag, draft ? PACTUM_WARNING : PACTUM_ERROR,
				   &pos,
				   _("no translation of the contract word "
				     "\"%s\" (msgctxt \"%s\") in text domain "
				     "%s"),
				   d->msgid, d->ctx, PACTUM_WORDS_DOMAIN);
		*errors += !draft;
	}
	return tr;
}

void pactum__locale_free(pactum_locale *loc)
{
	if (loc != NULL)
		pactum__arena_free(loc->arena);
}

int pactum__locale_new(pactum_locale **out, const char *lang,
		       const pactum_catalog *cat, int draft, pactum_diag *diag)
{
	pactum_arena *arena = NULL;
	pactum_locale *loc;
	pactum_pos pos = { cat ? pactum__catalog_name(cat) : NULL, 0, 0 };
	char icu[16];
	size_t w, i;
	int errors = 0, error = pactum__arena_new(&arena);

	*out = NULL;
	if (error != PACTUM_OK)
		return error;
	loc = pactum__arena_calloc(arena, sizeof(*loc));
	if (loc == NULL || (loc->lang = pactum__arena_strdup(arena, lang)) == NULL) {
		error = PACTUM_ENOMEM;
		goto cleanup;
	}
	loc->arena = arena;
	loc->cat = cat;
	for (w = 0; w < PACTUM_WORD_COUNT_; w++) {
		const pactum_word_def *d = pactum__word_def((pactum_word)w);

		loc->words[w] = d->msgid;
		if (cat != NULL && d->msgid != NULL) {
			const char *tr = translate_word(loc, (pactum_word)w,
							draft, &errors, diag);

			if (tr != NULL)
				loc->words[w] = tr;
		}
	}
	if (errors > 0) {
		error = PACTUM_EINPUT;
		goto cleanup;
	}
	/* the region the user asked for wins over the catalog's */
	if (strchr(lang, '-') != NULL)
		pactum__lang_dir(icu, lang, 0);
	else
		snprintf(icu, sizeof(icu), "%s", loc->words[PACTUM_WORD_LOCALE]);
	for (i = 0; icu[i] != '\0'; i++)
		if (!((icu[i] >= 'a' && icu[i] <= 'z') || (icu[i] >= 'A' && icu[i] <= 'Z') ||
		      icu[i] == '_'))
			break;
	loc->icu = pactum__arena_strdup(arena, icu);
	loc->tag = pactum__arena_strdup(arena, icu);
	if (loc->icu == NULL || loc->tag == NULL) {
		error = PACTUM_ENOMEM;
		goto cleanup;
	}
	for (char *c = strchr(loc->tag, '_'); c != NULL; c = strchr(c, '_'))
		*c = '-';
	error = icu[i] != '\0' ? PACTUM_EINVAL : read_conventions(loc);
	if (error == PACTUM_EINVAL)
		pactum_diag_report(diag, PACTUM_ERROR, &pos,
				   _("no locale data for language %s: ICU has "
				     "none for \"%s\" (the msgctxt \"CLDR "
				     "locale\" word)"),
				   lang, icu);
	if (error == PACTUM_OK)
		error = split_quotes(loc);
	if (error == PACTUM_EINVAL)
		error = PACTUM_EINPUT;
cleanup:
	if (error == PACTUM_OK)
		*out = loc;
	else
		pactum__arena_free(arena);
	return error;
}

/* ------------------------------------------------------------- English */

static pactum_locale *english;
static pthread_once_t english_once = PTHREAD_ONCE_INIT;

static void make_english(void)
{
	pactum_diag *quiet = NULL;

	if (pactum_diag_new(&quiet) == PACTUM_OK)
		pactum__locale_new(&english, "en", NULL, 0, quiet);
	pactum_diag_free(quiet);
}

const pactum_locale *pactum__locale_english(void)
{
	pthread_once(&english_once, make_english);
	return english;
}

/* Released when the library is unloaded: no leak for valgrind to see. */
__attribute__((destructor)) static void free_english(void)
{
	pactum__locale_free(english);
	english = NULL;
}

/* --------------------------------------------------------------- words */

const char *pactum__locale_lang(const pactum_locale *loc)
{
	return loc->lang;
}

const char *pactum__locale_word(const pactum_locale *loc, pactum_word w)
{
	const char *s = (unsigned)w < PACTUM_WORD_COUNT_ ? loc->words[w] : NULL;

	return s ? s : "";
}

const char *pactum__locale_nword(const pactum_locale *loc, pactum_word w,
				 unsigned long n)
{
	const pactum_word_def *d = pactum__word_def(w);
	const char *tr = loc->cat ? pactum__catalog_nget(loc->cat, d->ctx,
							 d->msgid, n, NULL)
				  : NULL;

	const char *name;
	size_t len;

	/* a form that translate_word() did not try is checked here */
	if (tr != NULL && pactum__word_form_fits(d, tr, n, &name, &len))
		return tr;
	return n == 1 || d->plural == NULL ? d->msgid : d->plural;
}

int pactum__locale_put_language(pactum_buf *out, const pactum_locale *loc,
				pactum_word w, const char *lang,
				pactum_diag *diag)
{
	const pactum_word_def *d = pactum__word_def(w);
	pactum_buf name = PACTUM_BUF_INIT;
	const char *tr;
	char base[8];
	int error;

	pactum__lang_dir(base, lang, 1);
	error = pactum__icu_language_name(&name, base);

	if (error != PACTUM_OK)
		goto cleanup;
	pactum__buf_putc(&name, '\0');
	if (name.oom) {
		error = PACTUM_ENOMEM;
		goto cleanup;
	}
	tr = loc->cat ? pactum__catalog_get(loc->cat, d->ctx, name.ptr, NULL)
		      : NULL;
	if (tr == NULL && loc->cat != NULL && !pactum__lang_english(loc->lang)) {
		pactum_pos pos = { pactum__catalog_name(loc->cat), 0, 0 };

		pactum_diag_report(diag, PACTUM_ERROR, &pos,
				   _("no translation of the contract word "
				     "\"%s\" (msgctxt \"%s\") in text domain "
				     "%s"),
				   name.ptr, d->ctx, PACTUM_WORDS_DOMAIN);
		error = PACTUM_EINPUT;
		goto cleanup;
	}
	pactum__buf_puts(out, tr ? tr : name.ptr);
	error = out->oom ? PACTUM_ENOMEM : PACTUM_OK;
cleanup:
	pactum__buf_free(&name);
	return error;
}
