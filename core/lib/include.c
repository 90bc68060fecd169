/* The clause library: <include href="lib/std.xml" ref="confidentiality"/>
 * is replaced, when a model is loaded, by the section or clause of that id
 * in another model file (a <library>, or another agreement).  Included
 * text keeps its file for diagnostics and its file's text domain for
 * translation, so one catalog serves every model that includes it.
 *
 * Paths come from other people: only relative paths without "..", no
 * URLs, looked up below the including file's folder, then in the folders
 * of PACTUM_LIBRARY_PATH.  A library may include from others, to a depth
 * of MAX_NESTING; a cycle is an error naming every file on it. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "model.h"

#define MAX_NESTING 8
#define MAX_LIBRARIES 64

/* The files being included, outermost first, for the cycle check. */
struct chain {
	const char *file;
	const pactum_node *at; /* the include that led here, or NULL */
	const struct chain *outer;
};

struct includer {
	pactum_model *model;
	const pactum_registry *reg;
	pactum_diag *diag;
	int errors;
	int nomem;
};

static void report(struct includer *in, const char *file,
		   const pactum_node *n, const char *fmt, ...)
	PACTUM_PRINTF(4, 5);

static void report(struct includer *in, const char *file,
		   const pactum_node *n, const char *fmt, ...)
{
	pactum_pos pos = { file, n ? n->line : 0, n ? n->col : 0 };
	va_list ap;

	in->errors++;
	va_start(ap, fmt);
	if (pactum_diag_vreport(in->diag, PACTUM_ERROR, &pos, fmt, ap) !=
	    PACTUM_OK)
		in->nomem = 1;
	va_end(ap);
}

/* A safe relative path: no leading '/', no "..", no "scheme:", no
 * backslash, no control characters, at most 255 bytes. */
static int safe_href(const char *href)
{
	const char *p, *seg = href;
	size_t n = strlen(href);

	if (n == 0 || n > 255 || href[0] == '/' || strchr(href, ':') ||
	    strchr(href, '\\'))
		return 0;
	for (p = href;; p++) {
		if (*p == '/' || *p == '\0') {
			if (p - seg == 2 && seg[0] == '.' && seg[1] == '.')
				return 0;
			if (*p == '\0')
				break;
			seg = p + 1;
		} else if ((unsigned char)*p < 0x20 || *p == 0x7f) {
			return 0;
		}
	}
	return 1;
}

/* A text domain names catalog files: a letter, then letters, digits,
 * '-', '_' or '.', never "..", at most 64 bytes. */
static int safe_domain(const char *d)
{
	size_t i;

	if (d == NULL || !((d[0] >= 'a' && d[0] <= 'z') ||
			   (d[0] >= 'A' && d[0] <= 'Z')) ||
	    strstr(d, "..") != NULL)
		return 0;
	for (i = 1; d[i]; i++)
		if (!((d[i] >= 'a' && d[i] <= 'z') || (d[i] >= 'A' && d[i] <= 'Z') ||
		      (d[i] >= '0' && d[i] <= '9') || d[i] == '-' ||
		      d[i] == '_' || d[i] == '.'))
			return 0;
	return i <= 64;
}

/* dir/href into buf, or 0 when it does not fit. */
static int join(pactum_buf *buf, const char *dir, size_t dirlen,
		const char *href)
{
	pactum__buf_clear(buf);
	if (dirlen > 0) {
		pactum__buf_put(buf, dir, dirlen);
		pactum__buf_putc(buf, '/');
	}
	pactum__buf_puts(buf, href);
	return !buf->oom;
}

static int is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Where href names a file: beside the including file, else in a folder
 * of PACTUM_LIBRARY_PATH, else among the installed templates (whose
 * clause library, clauses/clauses.xml, every shipped template includes).
 * 0 when nowhere. */
static int locate(pactum_buf *out, const char *from, const char *href)
{
	static const char installed[] = PKGDATADIR "/templates";
	const char *slash = strrchr(from, '/');
	const char *path = getenv("PACTUM_LIBRARY_PATH"), *p, *end;

	if (!join(out, from, slash ? (size_t)(slash - from) : 0, href))
		return 0;
	if (is_file(out->ptr))
		return 1;
	for (p = path; p && *p; p = *end ? end + 1 : end) {
		end = strchr(p, ':');
		if (end == NULL)
			end = p + strlen(p);
		if (end > p && join(out, p, (size_t)(end - p), href) &&
		    is_file(out->ptr))
			return 1;
	}
	return join(out, installed, sizeof(installed) - 1, href) &&
	       is_file(out->ptr);
}

/* The node with id in the tree of root, without recursion. */
static pactum_node *find_id(pactum_node *root, const char *id)
{
	pactum_node *n = root;

	while (n != NULL) {
		if (n->attr[PACTUM_ATTR_ID] && strcmp(n->attr[PACTUM_ATTR_ID], id) == 0)
			return n;
		if (n->first) {
			n = n->first;
			continue;
		}
		while (n != root && n->next == NULL)
			n = n->parent;
		n = n == root ? NULL : n->next;
	}
	return NULL;
}

/* Put sub in the place of old, and mark every node of sub as from file
 * and domain. */
static void graft(pactum_node *old, pactum_node *sub, const char *file)
{
	pactum_node *p = sub->parent, **link, *n;

	/* unlink sub from its library */
	for (link = &p->first; *link != sub; link = &(*link)->next)
		;
	*link = sub->next;
	if (p->last == sub) {
		for (n = p->first; n && n->next; n = n->next)
			;
		p->last = n;
	}
	/* and link it where the include was */
	sub->parent = old->parent;
	sub->next = old->next;
	for (link = &old->parent->first; *link != old; link = &(*link)->next)
		;
	*link = sub;
	if (old->parent->last == old)
		old->parent->last = sub;
	for (n = sub; n != NULL;) {
		n->file = file;
		if (n->first) {
			n = n->first;
			continue;
		}
		while (n != sub && n->next == NULL)
			n = n->parent;
		n = n == sub ? NULL : n->next;
	}
}

static void expand(struct includer *in, pactum_node *root, const char *file,
		   const struct chain *chain, unsigned depth);

/* Replace one include node n (in file) by what it names. */
static void include_one(struct includer *in, pactum_node *n, const char *file,
			const struct chain *chain, unsigned depth)
{
	const char *href = n->attr[PACTUM_ATTR_HREF];
	const char *ref = n->attr[PACTUM_ATTR_REF];
	pactum_buf path = PACTUM_BUF_INIT, cycle = PACTUM_BUF_INIT;
	pactum_model *lib = NULL; /* owned by in->model once read */
	const struct chain *c;
	struct chain here;
	pactum_node *sub;
	size_t i;
	int error;

	if (href == NULL || ref == NULL)
		goto cleanup; /* the check reports the missing attribute */
	if (!safe_href(href)) {
		report(in, file, n,
		       _("href=\"%s\": a clause library is named by a relative "
			 "path without \"..\", never a URL or an absolute path"),
		       href);
		goto cleanup;
	}
	if (!locate(&path, file, href)) {
		if (path.oom)
			in->nomem = 1;
		else
			report(in, file, n,
			       _("no clause library \"%s\" beside this model, "
				 "in PACTUM_LIBRARY_PATH or among the installed "
				 "templates"),
			       href);
		goto cleanup;
	}
	for (c = chain; c; c = c->outer)
		if (strcmp(c->file, path.ptr) == 0)
			break;
	if (c != NULL) {
		const struct chain *d;

		for (d = chain; d; d = d->outer) {
			pactum__buf_printf(&cycle, "%s%s", d == chain ? "" : " <- ",
					   d->file);
			if (d == c)
				break;
		}
		report(in, file, n, _("include cycle: %s includes %s again (%s)"),
		       file, path.ptr, cycle.ptr ? cycle.ptr : "");
		if (c->at)
			report(in, c->outer ? c->outer->file : in->model->file,
			       c->at, "%s",
			       _("the cycle enters here"));
		goto cleanup;
	}
	for (i = 0; i < in->model->nlibs; i++)
		if (strcmp(in->model->libs[i]->file, path.ptr) == 0)
			break;
	if (depth >= MAX_NESTING ||
	    (i == in->model->nlibs && in->model->nlibs >= MAX_LIBRARIES)) {
		report(in, file, n,
		       _("clause libraries nested deeper than %d, or more "
			 "than %d of them"),
		       MAX_NESTING, MAX_LIBRARIES);
		goto cleanup;
	}
	/* a library read once serves every include of it */
	if (i < in->model->nlibs)
		lib = in->model->libs[i];
	error = lib ? (lib->unreadable ? PACTUM_EINPUT : PACTUM_OK)
		    : pactum__model_read(&lib, in->reg, path.ptr, in->diag);
	if (error == PACTUM_ENOMEM)
		in->nomem = 1;
	if (lib != NULL && error != PACTUM_OK)
		lib->unreadable = 1;
	if (lib != NULL && i == in->model->nlibs)
		/* the model keeps it: grafted nodes live in it */
		in->model->libs[in->model->nlibs++] = lib;
	if (error != PACTUM_OK) {
		report(in, file, n, _("cannot include from \"%s\" (see above)"),
		       path.ptr);
		goto cleanup;
	}
	sub = find_id(lib->root, ref);
	if (sub == NULL) {
		const pactum_node *twice = find_id(in->model->root, ref);

		if (twice != NULL && twice->file == lib->file) {
			report(in, file, n,
			       _("\"%s\" of %s is included twice"), ref,
			       lib->file);
			goto cleanup;
		}
	}
	if (sub == NULL || sub == lib->root ||
	    (sub->kind != PACTUM_NODE_SECTION && sub->kind != PACTUM_NODE_CLAUSE)) {
		report(in, file, n,
		       sub ? _("\"%s\" in %s is a <%s>; only sections and "
			       "clauses can be included")
			   : _("no section or clause \"%s\" in %s"),
		       ref, lib->file,
		       sub ? pactum__node_kind_name(sub->kind) : "");
		goto cleanup;
	}
	if (!safe_domain(lib->root->attr[PACTUM_ATTR_DOMAIN])) {
		report(in, lib->file, lib->root, "%s",
		       _("a clause library needs a text domain (domain=\"...\": "
			 "letters, digits, '-', '_', '.')"));
		goto cleanup;
	}
	sub->domain = lib->root->attr[PACTUM_ATTR_DOMAIN];
	graft(n, sub, lib->file);
	here.file = lib->file;
	here.at = n;
	here.outer = chain;
	expand(in, sub, lib->file, &here, depth + 1);
cleanup:
	if (n->kind == PACTUM_NODE_INCLUDE && n->parent != NULL)
		n->misplaced = 1; /* reported: the check need not again */
	pactum__buf_free(&path);
	pactum__buf_free(&cycle);
}

/* Every include in the tree of root (from file).  The walk goes on from
 * the replacement, so the includes inside it are expanded once, with
 * their own chain. */
static void expand(struct includer *in, pactum_node *root, const char *file,
		   const struct chain *chain, unsigned depth)
{
	pactum_node *n = root, *parent, *prev;

	while (n != NULL && !in->nomem) {
		if (n->kind == PACTUM_NODE_INCLUDE && n != root) {
			parent = n->parent;
			for (prev = parent->first; prev && prev->next != n;
			     prev = prev->next)
				;
			include_one(in, n, file, chain, depth);
			/* on from what took n's place, expanded already */
			n = prev ? prev->next : parent->first;
		} else if (n->first) {
			n = n->first;
			continue;
		}
		while (n != root && n->next == NULL)
			n = n->parent;
		n = n == root ? NULL : n->next;
	}
}

int pactum__model_include(pactum_model *model, const pactum_registry *reg,
			  pactum_diag *diag)
{
	struct includer in = { model, reg, diag, 0, 0 };
	struct chain top = { model->file, NULL, NULL };

	if (model->root == NULL)
		return PACTUM_OK;
	model->libs = pactum_malloc(MAX_LIBRARIES * sizeof(*model->libs));
	if (model->libs == NULL)
		return PACTUM_ENOMEM;
	expand(&in, model->root, model->file, &top, 0);
	if (in.nomem)
		return PACTUM_ENOMEM;
	return in.errors ? PACTUM_EINPUT : PACTUM_OK;
}
