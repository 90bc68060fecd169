/* The model: the tree a reader builds through the functions of plugin.h,
 * and loading a model file end to end (read, build, check). */
#include "config.h"

#include <pthread.h>
#include <string.h>

#include "model.h"
#include "unit.h"

int pactum__model_new(pactum_model **out, const char *file)
{
	pactum_model *model = NULL;
	int error = PACTUM_ENOMEM;

	*out = NULL;
	model = pactum_malloc(sizeof(*model));
	if (model == NULL)
		goto cleanup;
	memset(model, 0, sizeof(*model));
	model->file = pactum_strndup(file, strlen(file));
	if (model->file == NULL || pactum__arena_new(&model->arena) != PACTUM_OK)
		goto cleanup;
	*out = model;
	model = NULL;
	error = PACTUM_OK;
cleanup:
	pactum_model_free(model);
	return error;
}

void pactum_model_free(pactum_model *model)
{
	if (model == NULL)
		return;
	pactum__map_free(&model->ids);
	pactum__map_free(&model->params);
	pactum__map_free(&model->parties);
	pactum__map_free(&model->terms);
	while (model->nlibs > 0)
		pactum_model_free(model->libs[--model->nlibs]);
	pactum_free(model->libs);
	pactum_free(model->param_list);
	pactum_free(model->translatable);
	pactum_free((void *)model->conditions);
	pactum_free(model->units);
	pactum__arena_free(model->arena);
	pactum_free(model->file);
	pactum_free(model);
}

const char *pactum_model_file(const pactum_model *model)
{
	return model->file;
}

const char *pactum_model_id(const pactum_model *model)
{
	return model->id;
}

const char *pactum_model_domain(const pactum_model *model)
{
	return model->domain;
}

const char *pactum_model_prevailing(const pactum_model *model)
{
	return model->prevailing;
}

const pactum_node *pactum__node_child(const pactum_node *n,
				      pactum_node_kind k)
{
	const pactum_node *c;

	for (c = n ? n->first : NULL; c; c = c->next)
		if (c->kind == k)
			return c;
	return NULL;
}

const pactum_node *pactum__param_choices(const pactum_node *p)
{
	return p->detail ? p->detail : p;
}

const pactum_node *pactum__param_choice(const pactum_node *p,
					const char *value, size_t len)
{
	const pactum_node *c;

	for (c = pactum__param_choices(p)->first; c; c = c->next)
		if (c->kind == PACTUM_NODE_CHOICE && c->attr[PACTUM_ATTR_VALUE] &&
		    strncmp(c->attr[PACTUM_ATTR_VALUE], value, len) == 0 &&
		    c->attr[PACTUM_ATTR_VALUE][len] == '\0')
			return c;
	return NULL;
}

const pactum_node *pactum__node_repeat(const pactum_node *n)
{
	for (; n; n = n->parent)
		if (n->kind == PACTUM_NODE_REPEAT)
			return n;
	return NULL;
}

int pactum__node_sees_field(const pactum_node *n, const pactum_node *field)
{
	const pactum_node *r = pactum__node_repeat(n);

	/* a computed field reads the other fields of its record */
	if (n->list != NULL && n->list == field->list)
		return 1;
	return r && r->attr[PACTUM_ATTR_OVER] &&
	       strcmp(r->attr[PACTUM_ATTR_OVER],
		      field->list->attr[PACTUM_ATTR_ID]) == 0;
}

pactum_pos pactum__node_pos(const pactum_model *model, const pactum_node *n)
{
	pactum_pos pos = { n && n->file ? n->file : model->file,
			   n ? n->line : 0, n ? n->col : 0 };

	return pos;
}

/* The attributes of a node that has none: in read-only memory, so that a
 * write that skipped pactum__node_attrs() faults instead of giving every
 * node that attribute. */
static const char *const no_attrs[PACTUM_ATTR_COUNT_];

const char **pactum__node_attrs(pactum_model *model, pactum_node *n)
{
	if (n->attr == (const char **)no_attrs) {
		const char **own = pactum__arena_calloc(
			model->arena, PACTUM_ATTR_COUNT_ * sizeof(*own));

		if (own == NULL)
			return NULL;
		n->attr = own;
	}
	return n->attr;
}

int pactum__node_has_attrs(const pactum_node *n)
{
	return n->attr != (const char **)no_attrs;
}

pactum_node *pactum_node_append(pactum_model *model, pactum_node *parent,
				pactum_node_kind kind, uint32_t line,
				uint32_t col)
{
	pactum_node *node;

	if (parent == NULL && model->root != NULL)
		return NULL;
	node = pactum__arena_calloc(model->arena, sizeof(*node));
	if (node == NULL)
		return NULL;
	node->kind = kind;
	node->attr = (const char **)no_attrs;
	if (kind == PACTUM_NODE_TEXT)
		node->text = ""; /* a reader's TEXT without text is empty */
	node->line = line;
	node->col = col;
	node->parent = parent;
	if (parent == NULL) {
		model->root = node;
	} else {
		if (parent->last)
			parent->last->next = node;
		else
			parent->first = node;
		parent->last = node;
	}
	return node;
}

int pactum_node_set_attr(pactum_model *model, pactum_node *node,
			 pactum_attr attr, const char *value, size_t len)
{
	char *copy;

	if ((unsigned)attr >= PACTUM_ATTR_COUNT_)
		return PACTUM_EINVAL;
	copy = pactum__arena_strndup(model->arena, value, len);
	if (copy == NULL || pactum__node_attrs(model, node) == NULL)
		return PACTUM_ENOMEM;
	node->attr[attr] = copy;
	return PACTUM_OK;
}

int pactum_node_add_text(pactum_model *model, pactum_node *node,
			 const char *text, size_t len, uint32_t line,
			 uint32_t col)
{
	pactum_node *t;

	/* Adjacent text (split by a comment, say) is one run. */
	if (node->last && node->last->kind == PACTUM_NODE_TEXT) {
		pactum_node *prev = node->last;
		char *joined = pactum__arena_alloc(model->arena,
						   prev->len + len + 1);

		if (joined == NULL)
			return PACTUM_ENOMEM;
		memcpy(joined, prev->text, prev->len);
		memcpy(joined + prev->len, text, len);
		joined[prev->len + len] = '\0';
		prev->text = joined;
		prev->len += len;
		return PACTUM_OK;
	}
	t = pactum_node_append(model, node, PACTUM_NODE_TEXT, line, col);
	if (t == NULL)
		return PACTUM_ENOMEM;
	t->text = pactum__arena_strndup(model->arena, text, len);
	if (t->text == NULL)
		return PACTUM_ENOMEM;
	t->len = len;
	return PACTUM_OK;
}

int pactum__model_read(pactum_model **out, const pactum_registry *reg,
		       const char *path, pactum_diag *diag)
{
	const pactum_plugin *reader;
	pactum_model *model = NULL;
	pactum_pos pos = { path, 0, 0 };
	char *bytes = NULL;
	size_t len;
	int error;

	*out = NULL;
	reader = pactum_registry_find_reader(reg, path);
	if (reader == NULL) {
		pactum_diag_report(diag, PACTUM_ERROR, &pos,
				   _("no reader plugin reads this kind of file"));
		error = PACTUM_ENOTFOUND;
		goto cleanup;
	}
	error = pactum__file_read(&bytes, &len, path, PACTUM_MAX_INPUT, diag);
	if (error == PACTUM_ENOTFOUND || error == PACTUM_EIO)
		error = PACTUM_EINPUT; /* the user named a file we cannot read */
	if (error != PACTUM_OK)
		goto cleanup;
	error = pactum__model_new(&model, path);
	if (error != PACTUM_OK)
		goto cleanup;
	error = pactum__plugin_read_model(reader, model, model->file, bytes,
					  len, diag);
	if (error == PACTUM_EIO) {
		/* not readable as a whole: nothing of it is checked */
		error = PACTUM_EINPUT;
		goto cleanup;
	}
	if (error == PACTUM_OK && model->root == NULL) {
		pactum_diag_report(diag, PACTUM_ERROR, &pos,
				   _("the reader produced no model"));
		error = PACTUM_EINPUT;
	}
	if (error == PACTUM_ENOMEM || model->root == NULL)
		goto cleanup;
	*out = model;
	model = NULL;
cleanup:
	pactum_model_free(model);
	pactum_free(bytes);
	return error;
}

int pactum_model_load(pactum_model **out, const pactum_registry *reg,
		      const char *path, pactum_diag *diag)
{
	pactum_model *model = NULL;
	int error, included;

	*out = NULL;
	error = pactum__model_read(&model, reg, path, diag);
	if (model == NULL)
		goto cleanup;
	included = pactum__model_include(model, reg, diag);
	if (included == PACTUM_ENOMEM || error == PACTUM_OK)
		error = included;
	if (error == PACTUM_ENOMEM)
		goto cleanup;
	/* A reader reports what it alone can see and builds what it can; the
	 * check then finds the rest, so one run reports everything. */
	if (error == PACTUM_EINPUT &&
	    pactum__model_check(model, diag) == PACTUM_ENOMEM)
		error = PACTUM_ENOMEM;
	if (error != PACTUM_OK)
		goto cleanup;
	error = pactum__model_check(model, diag);
	if (error != PACTUM_OK)
		goto cleanup;
	*out = model;
	model = NULL;
cleanup:
	pactum_model_free(model);
	return error;
}

size_t pactum_model_unit_count(const pactum_model *model)
{
	return model->ntranslatable;
}

/* Describing every unit took a render of 30 clauses a quarter of its
 * start-up (and ICU's English conventions), for extraction only. */
static pthread_mutex_t describe_lock = PTHREAD_MUTEX_INITIALIZER;

int pactum__model_describe(const pactum_model *cmodel)
{
	/* the roles are the model's, made once: not a change a reader sees */
	pactum_model *model = (pactum_model *)cmodel;
	size_t i;
	int error = PACTUM_OK;

	pthread_mutex_lock(&describe_lock);
	for (i = 0; !model->described && i < model->nunits; i++)
		if (!model->units[i]->verbatim &&
		    model->units[i]->kind_role == NULL) {
			error = pactum__unit_describe(model, model->units[i]);
			if (error != PACTUM_OK)
				break;
		}
	if (error == PACTUM_OK)
		model->described = 1;
	pthread_mutex_unlock(&describe_lock);
	return error;
}

int pactum_model_unit(const pactum_model *model, size_t i, const char **ctx,
		      const char **msgid, const char **msgid_plural,
		      const char **role, const char **note, pactum_pos *pos)
{
	const pactum_unit *u;
	int error = PACTUM_OK;

	if (i >= model->ntranslatable)
		return PACTUM_EINVAL;
	if (role)
		error = pactum__model_describe(model);
	u = model->translatable[i];
	if (ctx)
		*ctx = u->ctx;
	if (msgid)
		*msgid = u->msgid;
	if (msgid_plural)
		*msgid_plural = u->msgid_plural;
	if (role)
		*role = u->role;
	if (note)
		*note = u->note;
	if (pos)
		*pos = pactum__node_pos(model, u->node);
	return error;
}

const char *pactum_model_unit_domain(const pactum_model *model, size_t i)
{
	return i < model->ntranslatable ? model->translatable[i]->domain : NULL;
}

int pactum_model_unit_suggest_id(const pactum_model *model, size_t i,
				 char **id, pactum_pos *pos)
{
	const pactum_unit *u;
	const pactum_node *n;
	pactum_buf b = PACTUM_BUF_INIT;
	const char *dot;
	size_t k, base;
	unsigned extra;

	*id = NULL;
	if (i >= model->ntranslatable)
		return PACTUM_EINVAL;
	u = model->translatable[i];
	n = u->node;
	dot = strrchr(u->ctx, '.');
	if ((n->kind != PACTUM_NODE_PARAGRAPH && n->kind != PACTUM_NODE_ITEM &&
	     n->kind != PACTUM_NODE_RECITAL) ||
	    n->attr[PACTUM_ATTR_ID] != NULL || dot == NULL ||
	    pactum__node_repeat(n) != NULL ||
	    (n->file != NULL && strcmp(n->file, model->file) != 0))
		return PACTUM_ENOTFOUND;
	/* "grant.p2" → "grant-p2": the msgctxt an id gives is the id */
	for (k = 0; u->ctx[k]; k++)
		pactum__buf_putc(&b, u->ctx[k] == '.' ? '-' : u->ctx[k]);
	base = b.len;
	for (extra = 2; !b.oom && pactum__map_get(&model->ids, b.ptr, b.len);
	     extra++) {
		b.len = base;
		pactum__buf_printf(&b, "-%u", extra);
	}
	if (b.oom) {
		pactum__buf_free(&b);
		return PACTUM_ENOMEM;
	}
	*pos = pactum__node_pos(model, n);
	*id = pactum__buf_detach(&b);
	return *id ? PACTUM_OK : PACTUM_ENOMEM;
}
