/* The translator: where the catalogs are, the catalogs loaded so far,
 * and the locale (words and CLDR conventions) of each language asked
 * for.  Shared by any number of documents and threads. */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "doc.h"
#include "langtab.h"


struct loaded {
	char *domain;
	char *lang;
	pactum_catalog *cat; /* NULL: looked for, not found or refused */
	int refused;         /* found but refused */
	char *why;           /* refused: the first reason, and where, told */
	char *where;         /* again to every document that asks */
	pactum_pos pos;
};

struct pactum_translator {
	char *dirs;
	/* where pactum's own "pactum-words" are: dirs, then pactum's (the
	 * defaults), so a user's --catalog-path need not hold them */
	char *words_dirs;
	int draft;
	pthread_mutex_t lock; /* guards cats and locales: both load on first
				 use */
	struct loaded *cats;
	size_t ncats;
	pactum_locale *locales;
};

int pactum_translator_new(pactum_translator **out, const char *dirs)
{
	pactum_buf path = PACTUM_BUF_INIT, words = PACTUM_BUF_INIT;
	pactum_translator *tr;
	const char *env = getenv("PACTUM_CATALOG_PATH");

	*out = NULL;
	if (dirs != NULL)
		pactum__buf_printf(&words, "%s:", dirs);
	if (env != NULL && env[0] != '\0')
		pactum__buf_printf(&words, "%s:", env);
	pactum__buf_puts(&words, LOCALEDIR);
	if (!words.oom) /* words.ptr is NULL after a failure */
		pactum__buf_puts(&path, dirs != NULL ? dirs : words.ptr);
	tr = pactum_malloc(sizeof(*tr));
	if (tr != NULL)
		memset(tr, 0, sizeof(*tr));
	if (tr == NULL || path.oom || words.oom ||
	    pthread_mutex_init(&tr->lock, NULL) != 0) {
		pactum_free(tr);
		pactum__buf_free(&path);
		pactum__buf_free(&words);
		return PACTUM_ENOMEM;
	}
	tr->dirs = pactum__buf_detach(&path);
	tr->words_dirs = pactum__buf_detach(&words);
	*out = tr;
	return PACTUM_OK;
}

void pactum_translator_free(pactum_translator *tr)
{
	size_t i;

	if (tr == NULL)
		return;
	for (i = 0; i < tr->ncats; i++) {
		pactum__catalog_free(tr->cats[i].cat);
		pactum_free(tr->cats[i].domain);
		pactum_free(tr->cats[i].lang);
		pactum_free(tr->cats[i].why);
		pactum_free(tr->cats[i].where);
	}
	pactum_free(tr->cats);
	while (tr->locales != NULL) {
		pactum_locale *next = tr->locales->next;

		pactum__locale_free(tr->locales);
		tr->locales = next;
	}
	pactum_free(tr->dirs);
	pactum_free(tr->words_dirs);
	pthread_mutex_destroy(&tr->lock);
	pactum_free(tr);
}

void pactum_translator_set_draft(pactum_translator *tr, int draft)
{
	tr->draft = draft != 0;
}

/* Keep the first of diag's entries from first on as why l was refused,
 * to tell every later document. */
static void remember_refusal(struct loaded *l, pactum_diag *diag,
			     size_t first)
{
	const char *msg;

	if (pactum_diag_size(diag) <= first)
		return;
	msg = pactum_diag_entry(diag, first, NULL, &l->pos);
	l->why = pactum_strndup(msg, strlen(msg));
	l->where = l->pos.file ? pactum_strndup(l->pos.file, strlen(l->pos.file))
			       : NULL;
	l->pos.file = l->where;
}

/* The catalog of domain in catalog directory lang ("de", "de_AT"),
 * loaded on first use, with fallback behind it.  A refused catalog is
 * reported to every diag that asks for it: documents of one translator
 * each get their own.  *out is NULL when there is none.  Call with
 * tr->lock held. */
static int catalog_for_locked(const pactum_catalog **out, pactum_translator *tr,
			      const char *domain, const char *lang,
			      const pactum_catalog *fallback, pactum_diag *diag)
{
	pactum_buf path = PACTUM_BUF_INIT;
	struct loaded *l;
	const char *p, *colon;
	size_t i, before = pactum_diag_size(diag);
	int error = PACTUM_OK;

	*out = NULL;
	for (i = 0; i < tr->ncats; i++) {
		if (strcmp(tr->cats[i].domain, domain) == 0 &&
		    strcmp(tr->cats[i].lang, lang) == 0) {
			*out = tr->cats[i].cat;
			if (!tr->cats[i].refused)
				return PACTUM_OK;
			if (tr->cats[i].why != NULL)
				pactum_diag_report(diag, PACTUM_ERROR,
						   &tr->cats[i].pos, "%s",
						   tr->cats[i].why);
			return PACTUM_EINPUT;
		}
	}
	l = pactum_realloc(tr->cats, (tr->ncats + 1) * sizeof(*l));
	if (l == NULL)
		return PACTUM_ENOMEM;
	tr->cats = l;
	l = &tr->cats[tr->ncats];
	memset(l, 0, sizeof(*l));
	/* counted in tr->ncats only at the end: out of memory is not
	 * remembered, the next lookup tries again and must not take it for
	 * "no catalog" */
	l->domain = pactum_strndup(domain, strlen(domain));
	l->lang = pactum_strndup(lang, strlen(lang));
	if (l->domain == NULL || l->lang == NULL)
		error = PACTUM_ENOMEM;
	/* lang is a checked language tag and domain a checked id, so the
	 * path cannot leave the directory. */
	for (p = strcmp(domain, PACTUM_WORDS_DOMAIN) == 0 ? tr->words_dirs
							 : tr->dirs;
	     error == PACTUM_OK && p != NULL && *p != '\0' && l->cat == NULL;
	     p = colon ? colon + 1 : NULL) {
		colon = strchr(p, ':');
		pactum__buf_clear(&path);
		pactum__buf_put(&path, p, colon ? (size_t)(colon - p) : strlen(p));
		if (path.len == 0 && !path.oom)
			continue;
		pactum__buf_printf(&path, "/%s/LC_MESSAGES/%s.mo", lang, domain);
		if (path.oom) {
			error = PACTUM_ENOMEM;
			break;
		}
		if (access(path.ptr, F_OK) != 0) {
			pactum_pos pos = { path.ptr, 0, 0 };

			if (errno == ENOENT)
				continue; /* not here: try the next directory */
			/* A directory we cannot search might hold the catalog:
			 * falling through to the next one would render with
			 * another catalog than the user's, without a word. */
			pactum_diag_report(diag, PACTUM_ERROR, &pos,
					   _("cannot look for a catalog here: %s"),
					   strerror(errno));
			error = PACTUM_EINPUT;
			l->refused = 1;
			break;
		}
		error = pactum__catalog_open(&l->cat, path.ptr, lang, diag);
		if (error == PACTUM_EINPUT || error == PACTUM_EIO) {
			error = PACTUM_EINPUT; /* refused, and reported */
			l->refused = 1;
			break;
		}
		if (error != PACTUM_OK)
			break;
	}
	pactum__buf_free(&path);
	if (error == PACTUM_ENOMEM) {
		pactum__catalog_free(l->cat);
		pactum_free(l->domain);
		pactum_free(l->lang);
		return error;
	}
	tr->ncats++;
	if (l->refused)
		remember_refusal(l, diag, before);
	/* before anyone else sees it: lookups read it without the lock */
	if (l->cat != NULL)
		pactum__catalog_set_fallback(l->cat, fallback);
	*out = l->cat;
	return error;
}

/* Loaded catalogs are immutable; only the list of them needs the lock, so
 * documents of one translator can be built in parallel threads.  A
 * regional tag (de-AT) takes the region's catalog with the language's
 * behind it, or the language's alone. */
int pactum__translator_find(const pactum_catalog **out, pactum_translator *tr,
			    const char *domain, const char *lang,
			    pactum_diag *diag)
{
	const pactum_catalog *base = NULL, *regional = NULL;
	char dir[8], base_dir[8];
	int error;

	pactum__lang_dir(dir, lang, 0);
	pactum__lang_dir(base_dir, lang, 1);
	pthread_mutex_lock(&tr->lock);
	error = catalog_for_locked(&base, tr, domain, base_dir, NULL, diag);
	if (error == PACTUM_OK && strcmp(dir, base_dir) != 0)
		error = catalog_for_locked(&regional, tr, domain, dir, base,
					   diag);
	pthread_mutex_unlock(&tr->lock);
	*out = regional ? regional : base;
	return error;
}

int pactum__translator_catalog(const pactum_catalog **out,
			       pactum_translator *tr, const char *domain,
			       const char *lang, pactum_diag *diag)
{
	int error = pactum__translator_find(out, tr, domain, lang, diag);

	if (error == PACTUM_OK && *out == NULL)
		error = PACTUM_ENOTFOUND;
	return error;
}

int pactum__translator_draft(const pactum_translator *tr)
{
	return tr->draft;
}

const char *pactum__translator_dirs(const pactum_translator *tr)
{
	return tr->dirs;
}

static pactum_locale *locale_cached(pactum_translator *tr, const char *lang)
{
	pactum_locale *loc;

	for (loc = tr->locales; loc != NULL; loc = loc->next)
		if (strcmp(loc->lang, lang) == 0)
			return loc;
	return NULL;
}

int pactum__translator_locale(const pactum_locale **out,
			      pactum_translator *tr, const char *lang,
			      pactum_diag *diag)
{
	const pactum_catalog *cat = NULL;
	pactum_locale *loc, *other;
	char dir[8];
	int error;

	pthread_mutex_lock(&tr->lock);
	*out = locale_cached(tr, lang);
	pthread_mutex_unlock(&tr->lock);
	if (*out != NULL)
		return PACTUM_OK;
	error = pactum__translator_find(&cat, tr, PACTUM_WORDS_DOMAIN, lang,
					diag);
	if (error != PACTUM_OK)
		return error;
	if (cat == NULL && !pactum__lang_english(lang)) {
		pactum_pos pos = { NULL, 0, 0 };

		pactum__lang_dir(dir, lang, 0);
		pactum_diag_report(diag, tr->draft ? PACTUM_WARNING : PACTUM_ERROR,
				   &pos,
				   _("no catalog of pactum's contract words for "
				     "language %s (looked for %s/LC_MESSAGES/"
				     "%s.mo in %s)"),
				   lang, dir, PACTUM_WORDS_DOMAIN, tr->words_dirs);
		if (!tr->draft)
			return PACTUM_EUNTRANSLATED;
	}
	/* English without a catalog is the one built for messages */
	if (cat == NULL && strcmp(lang, "en") == 0 &&
	    (*out = pactum__locale_english()) != NULL)
		return PACTUM_OK;
	error = pactum__locale_new(&loc, lang, cat, tr->draft, diag);
	if (error != PACTUM_OK)
		return error;
	pthread_mutex_lock(&tr->lock);
	other = locale_cached(tr, lang);
	if (other == NULL) {
		loc->next = tr->locales;
		tr->locales = loc;
		other = loc;
		loc = NULL;
	}
	pthread_mutex_unlock(&tr->lock);
	pactum__locale_free(loc); /* another thread was first */
	*out = other;
	return PACTUM_OK;
}

const char *pactum_translator_lookup(pactum_translator *tr, const char *domain,
				     const char *lang, const char *ctx,
				     const char *msgid, pactum_diag *diag)
{
	const pactum_catalog *cat = NULL;
	size_t i;

	/* the domain names a file: letters, digits, '-' and '_' only */
	for (i = 0; domain[i]; i++)
		if (!((domain[i] >= 'a' && domain[i] <= 'z') ||
		      (domain[i] >= 'A' && domain[i] <= 'Z') ||
		      (domain[i] >= '0' && domain[i] <= '9') ||
		      domain[i] == '-' || domain[i] == '_'))
			return NULL;
	if (i == 0 || !pactum_lang_supported(lang) ||
	    pactum__translator_find(&cat, tr, domain, lang, diag) != PACTUM_OK)
		return NULL;
	return pactum__catalog_get(cat, ctx, msgid, NULL);
}

int pactum_translator_check_words(pactum_translator *tr, const char *lang,
				  pactum_diag *diag)
{
	const pactum_locale *loc;

	if (!pactum_lang_supported(lang))
		return PACTUM_EINVAL;
	return pactum__translator_locale(&loc, tr, lang, diag);
}
