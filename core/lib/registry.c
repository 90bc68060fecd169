/* The plugin loader.  Plugins come from other people, so every file is
 * checked before anything in it runs beyond its constructors, and a file
 * that is refused says exactly why, never stopping the others. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"
#include "doc.h"
#include "trust.h"

struct pactum_plugin {
	const pactum_plugin_desc *desc;
	void *handle;
	char *file;
	char *real; /* canonical path: the same file met twice is no shadow */
};

struct refusal {
	char *file;
	char *reason;
	char *name;               /* the descriptor's, when it has a valid one */
	pactum_plugin_kind kind;  /* with it */
	size_t shadowed_by; /* the plugin of the same name and kind that won,
			     * or SIZE_MAX */
};

struct pactum_registry {
	pactum_plugin *plugins;
	size_t count;
	struct refusal *refused;
	size_t nrefused;
};

int pactum_registry_new(pactum_registry **out)
{
	*out = pactum_malloc(sizeof(**out));
	if (*out == NULL)
		return PACTUM_ENOMEM;
	memset(*out, 0, sizeof(**out));
	return PACTUM_OK;
}

void pactum_registry_free(pactum_registry *reg)
{
	size_t i;

	if (reg == NULL)
		return;
	for (i = 0; i < reg->count; i++) {
		if (reg->plugins[i].handle != NULL)
			dlclose(reg->plugins[i].handle);
		pactum_free(reg->plugins[i].file);
		pactum_free(reg->plugins[i].real);
	}
	for (i = 0; i < reg->nrefused; i++) {
		pactum_free(reg->refused[i].file);
		pactum_free(reg->refused[i].reason);
		pactum_free(reg->refused[i].name);
	}
	pactum_free(reg->plugins);
	pactum_free(reg->refused);
	pactum_free(reg);
}

static int refuse(pactum_registry *reg, const char *path, const char *fmt,
		  ...) PACTUM_PRINTF(3, 4);

static int refuse(pactum_registry *reg, const char *path, const char *fmt,
		  ...)
{
	pactum_buf reason = PACTUM_BUF_INIT;
	struct refusal *r;
	va_list ap;
	int error;

	va_start(ap, fmt);
	error = pactum__buf_vprintf(&reason, fmt, ap);
	va_end(ap);
	if (error != PACTUM_OK)
		goto fail;
	r = pactum_realloc(reg->refused, (reg->nrefused + 1) * sizeof(*r));
	if (r == NULL)
		goto fail;
	reg->refused = r;
	r = &reg->refused[reg->nrefused];
	r->file = pactum_strndup(path, strlen(path));
	if (r->file == NULL)
		goto fail;
	r->reason = pactum__buf_detach(&reason);
	r->name = NULL;
	r->kind = 0;
	r->shadowed_by = SIZE_MAX;
	reg->nrefused++;
	return PACTUM_OK;
fail:
	pactum__buf_free(&reason);
	return PACTUM_ENOMEM;
}

static int valid_name(const char *name);

/* The last refusal was of a plugin with a valid name: keep it, so a
 * command asking for that plugin can say why it is not there. */
static int name_refusal(pactum_registry *reg, const pactum_plugin_desc *d)
{
	struct refusal *r = &reg->refused[reg->nrefused - 1];

	r->name = pactum_strndup(d->name, strlen(d->name));
	r->kind = d->kind;
	return r->name ? PACTUM_OK : PACTUM_ENOMEM;
}

static int valid_name(const char *name)
{
	size_t i;

	if (name == NULL || name[0] == '\0')
		return 0;
	for (i = 0; name[i]; i++) {
		char c = name[i];

		if (i >= 32 || !((c >= 'a' && c <= 'z') ||
				 (c >= '0' && c <= '9') || c == '-'))
			return 0;
	}
	return 1;
}

static int valid_suffix(const char *s)
{
	size_t i;

	for (i = 0; s[i]; i++)
		if (i >= 16 || !((s[i] >= 'a' && s[i] <= 'z') ||
				 (s[i] >= '0' && s[i] <= '9')))
			return 0;
	return i > 0;
}

/* A value from a plugin, quoted for a message: at most 40 bytes of it (the
 * diagnostics escape what is not printable). */
#define QUOTED(s) (int)strnlen((s), 40), (s)

/* Empty *why when the descriptor is acceptable, else why not, quoting
 * what is wrong. */
static void check_descriptor(pactum_buf *why, const pactum_plugin_desc *d)
{
	size_t i;

	if (d->name == NULL) {
		pactum__buf_puts(why, _("the descriptor has no name"));
		return;
	}
	if (!valid_name(d->name)) {
		pactum__buf_printf(why,
				   _("invalid plugin name \"%.*s\" (want 1 to "
				     "32 of a-z, 0-9, -)"),
				   QUOTED(d->name));
		return;
	}
	if (d->version == NULL || d->description == NULL) {
		pactum__buf_printf(why,
				   d->version == NULL
					   ? _("plugin \"%s\" has no version")
					   : _("plugin \"%s\" has no "
					       "description"),
				   d->name);
		return;
	}
	if (d->kind < PACTUM_PLUGIN_READER || d->kind > PACTUM_PLUGIN_TRANSFORM) {
		pactum__buf_printf(why,
				   _("plugin \"%s\" has unknown kind %d (want 1 "
				     "reader, 2 writer or 3 transform)"),
				   d->name, (int)d->kind);
		return;
	}
	if ((d->kind == PACTUM_PLUGIN_READER && d->read_model == NULL) ||
	    (d->kind == PACTUM_PLUGIN_WRITER && d->write == NULL) ||
	    (d->kind == PACTUM_PLUGIN_TRANSFORM && d->transform == NULL)) {
		pactum__buf_printf(why,
				   /* TRANSLATORS: reader "x" has no read_model
				    * callback */
				   _("%s \"%s\" has no %s callback"),
				   pactum_plugin_kind_name(d->kind), d->name,
				   d->kind == PACTUM_PLUGIN_READER ? "read_model"
				   : d->kind == PACTUM_PLUGIN_WRITER ? "write"
								     : "transform");
		return;
	}
	if (d->kind == PACTUM_PLUGIN_READER &&
	    (d->suffixes == NULL || d->suffixes[0] == NULL)) {
		pactum__buf_printf(why, _("reader \"%s\" names no file suffixes"),
				   d->name);
		return;
	}
	if (d->kind == PACTUM_PLUGIN_TRANSFORM && d->suffixes != NULL) {
		pactum__buf_printf(why, _("transform \"%s\" names file suffixes"),
				   d->name);
		return;
	}
	for (i = 0; d->kind == PACTUM_PLUGIN_WRITER && d->abi_minor >= 8 &&
		    d->suffixes && d->suffixes[i]; i++)
		if (!valid_suffix(d->suffixes[i])) {
			pactum__buf_printf(why,
					   _("writer \"%s\": invalid suffix "
					     "\"%.*s\" (want 1 to 16 of a-z, "
					     "0-9)"),
					   d->name, QUOTED(d->suffixes[i]));
			return;
		}
	for (i = 0; i < PACTUM_ARRAY_SIZE(d->reserved); i++)
		if (d->reserved[i] != NULL) {
			pactum__buf_printf(why,
					   _("plugin \"%s\": reserved[%zu] of "
					     "the descriptor is not NULL"),
					   d->name, i);
			return;
		}
	/* options took the first reserved slot in ABI 1.1 */
	if (d->options != NULL && d->abi_minor < 1) {
		pactum__buf_printf(why,
				   _("plugin \"%s\" of ABI 1.0 sets options, "
				     "a reserved slot then"),
				   d->name);
		return;
	}
	/* read_deals took the next in ABI 1.8 */
	if (d->read_deals != NULL && d->abi_minor < 8) {
		pactum__buf_printf(why,
				   _("plugin \"%s\" of ABI 1.%u sets read_deals, "
				     "a reserved slot then"),
				   d->name, (unsigned)d->abi_minor);
		return;
	}
	if (d->read_deals != NULL && d->kind != PACTUM_PLUGIN_READER) {
		pactum__buf_printf(why,
				   _("%s \"%s\" has a read_deals callback; only "
				     "readers read deals"),
				   pactum_plugin_kind_name(d->kind), d->name);
		return;
	}
	if (d->options != NULL && d->kind != PACTUM_PLUGIN_WRITER) {
		pactum__buf_printf(why,
				   _("%s \"%s\" declares options; only writers "
				     "take options"),
				   pactum_plugin_kind_name(d->kind), d->name);
		return;
	}
	for (i = 0; d->options != NULL && d->options[i].name != NULL; i++) {
		const pactum_option_spec *o = &d->options[i];

		if (!valid_name(o->name))
			pactum__buf_printf(why,
					   _("writer \"%s\": invalid option "
					     "name \"%.*s\" (want 1 to 32 of "
					     "a-z, 0-9, -)"),
					   d->name, QUOTED(o->name));
		else if (o->help == NULL)
			pactum__buf_printf(why,
					   _("writer \"%s\": option \"%s\" "
					     "has no help"),
					   d->name, o->name);
		else if (o->type < PACTUM_OPTION_UINT ||
			 o->type > PACTUM_OPTION_STRING)
			pactum__buf_printf(why,
					   _("writer \"%s\": option \"%s\" "
					     "has unknown type %d"),
					   d->name, o->name, (int)o->type);
		else if (o->type == PACTUM_OPTION_UINT && o->min > o->max)
			pactum__buf_printf(why,
					   _("writer \"%s\": option \"%s\" "
					     "has min %u above max %u"),
					   d->name, o->name, o->min, o->max);
		else if (o->type == PACTUM_OPTION_CHOICE &&
			 (o->choices == NULL || o->choices[0] == NULL))
			pactum__buf_printf(why,
					   _("writer \"%s\": option \"%s\" "
					     "has no choices"),
					   d->name, o->name);
		if (why->len > 0)
			return;
	}
}

int pactum_registry_load_file(pactum_registry *reg, const char *path)
{
	const pactum_plugin_desc *d;
	pactum_buf why = PACTUM_BUF_INIT;
	pactum_plugin *p;
	void *handle = NULL;
	char *distrust = NULL, *resolved = NULL;
	size_t i;
	int error;

	/* Before dlopen(): it would block on a FIFO, and it runs the file's
	 * constructors, so nothing others may have written gets that far. */
	error = pactum__trust_file(&distrust, &resolved, path, geteuid());
	if (error != PACTUM_OK)
		goto cleanup;
	if (distrust != NULL) {
		error = refuse(reg, path, "%s", distrust);
		goto cleanup;
	}
	dlerror();
	handle = dlopen(resolved, RTLD_NOW | RTLD_LOCAL);
	if (handle == NULL) {
		const char *msg = dlerror();

		/* dlerror() names the missing symbol or the bad file */
		error = refuse(reg, path, _("cannot load: %s"),
			       msg ? msg : _("unknown error"));
		goto cleanup;
	}
	d = dlsym(handle, PACTUM_PLUGIN_SYMBOL);
	if (d == NULL) {
		error = refuse(reg, path, _("no %s symbol: not a pactum plugin"),
			       PACTUM_PLUGIN_SYMBOL);
		goto cleanup;
	}
	if (d->abi_major != PACTUM_PLUGIN_ABI_MAJOR) {
		error = refuse(reg, path,
			       _("built for plugin ABI %u.%u, this pactum "
				 "has ABI %u.%u (major versions differ)"),
			       d->abi_major, d->abi_minor,
			       PACTUM_PLUGIN_ABI_MAJOR, PACTUM_PLUGIN_ABI_MINOR);
		goto cleanup;
	}
	if (d->abi_minor > PACTUM_PLUGIN_ABI_MINOR) {
		error = refuse(reg, path,
			       _("built for plugin ABI %u.%u, newer than this "
				 "pactum's %u.%u"),
			       d->abi_major, d->abi_minor,
			       PACTUM_PLUGIN_ABI_MAJOR, PACTUM_PLUGIN_ABI_MINOR);
		goto cleanup;
	}
	check_descriptor(&why, d);
	if (why.oom) {
		error = PACTUM_ENOMEM;
		goto cleanup;
	}
	if (why.len > 0) {
		error = refuse(reg, path, "%s", why.ptr);
		if (error == PACTUM_OK && d->name != NULL && valid_name(d->name))
			error = name_refusal(reg, d);
		goto cleanup;
	}
	/* Each kind has its own names: a writer "xml" is no reader "xml". */
	for (i = 0; i < reg->count; i++) {
		if (reg->plugins[i].desc->kind != d->kind ||
		    strcmp(reg->plugins[i].desc->name, d->name) != 0)
			continue;
		error = refuse(reg, path,
			       _("a %s named \"%s\" is already loaded from "
				 "%s"),
			       pactum_plugin_kind_name(d->kind), d->name,
			       reg->plugins[i].file);
		if (error == PACTUM_OK)
			error = name_refusal(reg, d);
		/* The one loaded first stands in for it unnoticed, so
		 * commands warn (pactum_registry_report).  A directory
		 * searched twice (pactum-uninstalled does that) finds the
		 * same file. */
		if (error == PACTUM_OK &&
		    strcmp(reg->plugins[i].real, resolved) != 0)
			reg->refused[reg->nrefused - 1].shadowed_by = i;
		goto cleanup;
	}
	p = pactum_realloc(reg->plugins, (reg->count + 1) * sizeof(*p));
	if (p == NULL) {
		error = PACTUM_ENOMEM;
		goto cleanup;
	}
	reg->plugins = p;
	p = &reg->plugins[reg->count];
	p->file = pactum_strndup(path, strlen(path));
	if (p->file == NULL) {
		error = PACTUM_ENOMEM;
		goto cleanup;
	}
	p->real = resolved;
	resolved = NULL;
	p->desc = d;
	p->handle = handle;
	handle = NULL; /* the registry's now */
	reg->count++;
cleanup:
	if (handle != NULL)
		dlclose(handle);
	pactum_free(resolved);
	pactum_free(distrust);
	pactum__buf_free(&why);
	return error;
}

int pactum__registry_add(pactum_registry *reg, const pactum_plugin_desc *d,
			 const char *name)
{
	pactum_buf why = PACTUM_BUF_INIT;
	pactum_plugin *p;
	int error = PACTUM_OK;

	check_descriptor(&why, d);
	if (why.oom)
		error = PACTUM_ENOMEM;
	else if (why.len > 0 || d->abi_major != PACTUM_PLUGIN_ABI_MAJOR ||
		 d->abi_minor > PACTUM_PLUGIN_ABI_MINOR ||
		 pactum_registry_find(reg, d->kind, d->name) != NULL)
		error = PACTUM_EINVAL;
	pactum__buf_free(&why);
	if (error != PACTUM_OK)
		return error;
	p = pactum_realloc(reg->plugins, (reg->count + 1) * sizeof(*p));
	if (p == NULL)
		return PACTUM_ENOMEM;
	reg->plugins = p;
	p = &reg->plugins[reg->count];
	p->file = pactum_strndup(name, strlen(name));
	p->real = pactum_strndup(name, strlen(name));
	if (p->file == NULL || p->real == NULL) {
		pactum_free(p->file);
		pactum_free(p->real);
		return PACTUM_ENOMEM;
	}
	p->desc = d;
	p->handle = NULL;
	reg->count++;
	return PACTUM_OK;
}

static int has_so_suffix(const char *name)
{
	size_t len = strlen(name);

	return len > 3 && strcmp(name + len - 3, ".so") == 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int load_dir(pactum_registry *reg, const char *dir)
{
	pactum_buf path = PACTUM_BUF_INIT;
	struct dirent *ent;
	char **names = NULL;
	size_t count = 0, i;
	DIR *d;
	int error = PACTUM_OK;

	d = opendir(dir);
	if (d == NULL) {
		/* Only absence is normal (the installed directory of a build
		 * tree); any other failure hides plugins, so it is shown. */
		if (errno != ENOENT)
			error = refuse(reg, dir,
				       _("cannot read the plugin directory: %s"),
				       strerror(errno));
		goto cleanup;
	}
	for (;;) {
		char **more;

		errno = 0;
		ent = readdir(d);
		if (ent == NULL) {
			if (errno != 0)
				error = refuse(reg, dir,
					       _("cannot read the plugin "
						 "directory: %s"),
					       strerror(errno));
			break;
		}
		if (!has_so_suffix(ent->d_name))
			continue;
		more = pactum_realloc(names, (count + 1) * sizeof(*names));
		if (more == NULL) {
			error = PACTUM_ENOMEM;
			goto cleanup;
		}
		names = more;
		names[count] = pactum_strndup(ent->d_name, strlen(ent->d_name));
		if (names[count] == NULL) {
			error = PACTUM_ENOMEM;
			goto cleanup;
		}
		count++;
	}
	/* Name order, so that which of two same-named plugins wins does not
	 * depend on the file system. */
	if (count > 1)
		qsort(names, count, sizeof(*names), by_name);
	for (i = 0; i < count && error == PACTUM_OK; i++) {
		pactum__buf_clear(&path);
		pactum__buf_printf(&path, "%s/%s", dir, names[i]);
		if (path.oom) {
			error = PACTUM_ENOMEM;
			break;
		}
		error = pactum_registry_load_file(reg, path.ptr);
	}
cleanup:
	for (i = 0; i < count; i++)
		pactum_free(names[i]);
	pactum_free(names);
	pactum__buf_free(&path);
	if (d != NULL)
		closedir(d);
	return error;
}

int pactum_registry_load_path(pactum_registry *reg, const char *dirs)
{
	const char *p = dirs, *colon;
	char *dir;
	int error = PACTUM_OK;

	while (error == PACTUM_OK && p != NULL && *p != '\0') {
		colon = strchr(p, ':');
		dir = pactum_strndup(p, colon ? (size_t)(colon - p) : strlen(p));
		if (dir == NULL)
			return PACTUM_ENOMEM;
		if (dir[0] != '\0')
			error = load_dir(reg, dir);
		pactum_free(dir);
		p = colon ? colon + 1 : NULL;
	}
	return error;
}

int pactum_registry_load_default(pactum_registry *reg)
{
	const char *env = getenv("PACTUM_PLUGIN_PATH");
	const char *system = getenv("PACTUM_PLUGIN_SYSTEM_PATH");
	int error = PACTUM_OK;

	if (env != NULL)
		error = pactum_registry_load_path(reg, env);
	if (error == PACTUM_OK)
		error = pactum_registry_load_path(reg, system ? system : PLUGINDIR);
	return error;
}

size_t pactum_registry_count(const pactum_registry *reg)
{
	return reg->count;
}

const pactum_plugin *pactum_registry_get(const pactum_registry *reg,
					 size_t i)
{
	return i < reg->count ? &reg->plugins[i] : NULL;
}

const pactum_plugin *pactum_registry_find(const pactum_registry *reg,
					  pactum_plugin_kind kind,
					  const char *name)
{
	size_t i;

	for (i = 0; i < reg->count; i++)
		if (reg->plugins[i].desc->kind == kind &&
		    strcmp(reg->plugins[i].desc->name, name) == 0)
			return &reg->plugins[i];
	return NULL;
}

const pactum_plugin *pactum_registry_find_reader(const pactum_registry *reg,
						 const char *path)
{
	const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');
	size_t i, j;

	if (dot == NULL || (slash != NULL && dot < slash))
		return NULL;
	for (i = 0; i < reg->count; i++) {
		const pactum_plugin_desc *d = reg->plugins[i].desc;

		if (d->kind != PACTUM_PLUGIN_READER)
			continue;
		for (j = 0; d->suffixes[j] != NULL; j++)
			if (strcmp(dot + 1, d->suffixes[j]) == 0)
				return &reg->plugins[i];
	}
	return NULL;
}

const char *pactum_registry_refusal(const char **file,
				    const pactum_registry *reg,
				    pactum_plugin_kind kind, const char *name)
{
	size_t i, n = strlen(name);

	/* by the descriptor's name, else by a file named NAME.so whose
	 * descriptor could not be read */
	for (i = 0; i < reg->nrefused; i++) {
		const struct refusal *r = &reg->refused[i];
		const char *base = strrchr(r->file, '/');

		base = base ? base + 1 : r->file;
		if ((r->name != NULL && r->kind == kind &&
		     strcmp(r->name, name) == 0) ||
		    (r->name == NULL && strncmp(base, name, n) == 0 &&
		     strcmp(base + n, ".so") == 0)) {
			*file = r->file;
			return r->reason;
		}
	}
	*file = NULL;
	return NULL;
}

size_t pactum_registry_refused_count(const pactum_registry *reg)
{
	return reg->nrefused;
}

const char *pactum_registry_refused_file(const pactum_registry *reg,
					 size_t i)
{
	return i < reg->nrefused ? reg->refused[i].file : NULL;
}

const char *pactum_registry_refused_reason(const pactum_registry *reg,
					   size_t i)
{
	return i < reg->nrefused ? reg->refused[i].reason : NULL;
}

/* A reader found earlier takes the files of every suffix it claims: a
 * plugin of another name can shadow a reader just as well. */
static int report_suffixes(const pactum_registry *reg, size_t later,
			   pactum_diag *diag)
{
	const pactum_plugin_desc *d = reg->plugins[later].desc, *e;
	size_t i, j, k;
	int error = PACTUM_OK;

	if (d->kind != PACTUM_PLUGIN_READER)
		return PACTUM_OK;
	for (i = 0; i < later && error == PACTUM_OK; i++) {
		e = reg->plugins[i].desc;
		if (e->kind != PACTUM_PLUGIN_READER)
			continue;
		for (j = 0; d->suffixes[j] != NULL; j++)
			for (k = 0; e->suffixes[k] != NULL; k++)
				if (strcmp(d->suffixes[j], e->suffixes[k]) == 0 &&
				    error == PACTUM_OK)
					error = pactum_diag_report(
						diag, PACTUM_WARNING, NULL,
						/* TRANSLATORS: reader 'A' from
						 * FILE reads .SUFFIX files in
						 * place of reader 'B' from FILE */
						_("reader '%s' from %s reads .%s "
						  "files in place of reader '%s' "
						  "from %s"),
						e->name, reg->plugins[i].file,
						d->suffixes[j], d->name,
						reg->plugins[later].file);
	}
	return error;
}

int pactum_registry_report(const pactum_registry *reg, pactum_diag *diag)
{
	size_t i;
	int error = PACTUM_OK;

	for (i = 0; i < reg->nrefused && error == PACTUM_OK; i++) {
		const struct refusal *r = &reg->refused[i];
		const pactum_plugin *winner;

		if (r->shadowed_by == SIZE_MAX)
			continue;
		winner = &reg->plugins[r->shadowed_by];
		error = pactum_diag_report(
			diag, PACTUM_WARNING, NULL,
			/* TRANSLATORS: plugin 'NAME' from FILE shadows FILE:
			 * the first file is used, the second ignored. */
			_("plugin '%s' from %s shadows %s"),
			winner->desc->name, winner->file, r->file);
	}
	for (i = 0; i < reg->count && error == PACTUM_OK; i++)
		error = report_suffixes(reg, i, diag);
	return error;
}

const pactum_plugin_desc *
pactum__plugin_descriptor(const pactum_plugin *plugin)
{
	return plugin->desc;
}

const char *pactum_plugin_name(const pactum_plugin *plugin)
{
	return plugin->desc->name;
}

pactum_plugin_kind pactum_plugin_kind_of(const pactum_plugin *plugin)
{
	return plugin->desc->kind;
}

const char *pactum_plugin_version(const pactum_plugin *plugin)
{
	return plugin->desc->version;
}

const char *pactum_plugin_description(const pactum_plugin *plugin)
{
	return plugin->desc->description;
}

const char *const *pactum_plugin_suffixes(const pactum_plugin *plugin)
{
	const pactum_plugin_desc *d = plugin->desc;

	return d->kind == PACTUM_PLUGIN_READER ||
			       (d->kind == PACTUM_PLUGIN_WRITER && d->abi_minor >= 8)
		       ? d->suffixes
		       : NULL;
}

const pactum_option_spec *pactum_plugin_options(const pactum_plugin *plugin)
{
	return plugin->desc->abi_minor >= 1 ? plugin->desc->options : NULL;
}

const char *pactum_plugin_file(const pactum_plugin *plugin)
{
	return plugin->file;
}

const char *pactum_plugin_kind_name(pactum_plugin_kind kind)
{
	switch (kind) {
	case PACTUM_PLUGIN_READER:
		return "reader";
	case PACTUM_PLUGIN_WRITER:
		return "writer";
	case PACTUM_PLUGIN_TRANSFORM:
		return "transform";
	}
	return "unknown";
}

/* A writer built for an older minor skips the blocks added since, as
 * plugin.h tells it to; a contract must not lose a part unannounced. */
static void warn_unknown_blocks(const pactum_plugin *plugin,
				const pactum_doc *doc, pactum_diag *diag)
{
	static const char *const names[] = {
		[PACTUM_BLOCK_META] = "version line",
		[PACTUM_BLOCK_COVER] = "cover page",
		[PACTUM_BLOCK_PREAMBLE] = "preamble",
		[PACTUM_BLOCK_RECITAL] = "recitals",
		[PACTUM_BLOCK_ANNEX] = "annexes",
		[PACTUM_BLOCK_TABLE] = "tables",
		[PACTUM_BLOCK_ROW] = NULL,
		[PACTUM_BLOCK_CELL] = NULL,
		[PACTUM_BLOCK_SIGNATURES] = "signature blocks",
		[PACTUM_BLOCK_SIGNATURE] = NULL,
		[PACTUM_BLOCK_SIGNATORY] = NULL,
		[PACTUM_BLOCK_FOOTNOTE] = "footnotes",
	};
	uint32_t used = pactum__doc_block_kinds(doc);
	pactum_buf list = PACTUM_BUF_INIT;
	size_t k;

	for (k = PACTUM_BLOCK_META; k < PACTUM_ARRAY_SIZE(names); k++)
		if ((used & ((uint32_t)1 << k)) && names[k])
			pactum__buf_printf(&list, "%s%s", list.len ? ", " : "",
					   names[k]);
	if (list.len)
		pactum_diag_report(diag, PACTUM_WARNING, NULL,
				   _("writer \"%s\" was built for plugin ABI "
				     "1.%u and leaves out what it does not "
				     "know: %s"),
				   plugin->desc->name,
				   (unsigned)plugin->desc->abi_minor,
				   list.ptr);
	pactum__buf_free(&list);
}

/* The plugin callback running on this thread: the ABI its plugin was built
 * for decides what pactum_run_kind_of() shows it, and a crash handler
 * names it (pactum_plugin_active()). */
static __thread const pactum_plugin *active_plugin;
static __thread const char *active_callback;

struct call {
	const pactum_plugin *plugin;
	const char *callback;
	size_t errors;  /* reported before the call */
};

static void enter(struct call *saved, const pactum_plugin *plugin,
		  const char *callback, const pactum_diag *diag)
{
	saved->plugin = active_plugin;
	saved->callback = active_callback;
	saved->errors = pactum_diag_count(diag, PACTUM_ERROR);
	active_plugin = plugin;
	active_callback = callback;
}

static const char *status_name(int status)
{
	static const char *const names[] = {
		"PACTUM_OK", "PACTUM_EINPUT", "PACTUM_EUNTRANSLATED",
		"PACTUM_ENOMEM", "PACTUM_EIO", "PACTUM_ENOTFOUND",
		"PACTUM_EINVAL",
	};

	return status <= 0 && -status < (int)PACTUM_ARRAY_SIZE(names)
		       ? names[-status]
		       : NULL;
}

/* Back from a callback: a status that is none, or a failure nobody
 * explained, is reported naming the plugin, so no run ends without a
 * word.  Returns the status to go on with. */
static int leave(const struct call *saved, int status, pactum_diag *diag)
{
	const pactum_plugin *p = active_plugin;
	const char *cb = active_callback;
	int reported = pactum_diag_count(diag, PACTUM_ERROR) > saved->errors;

	active_plugin = saved->plugin;
	active_callback = saved->callback;
	if (status_name(status) == NULL) {
		pactum_diag_report(diag, PACTUM_ERROR, NULL,
				   /* TRANSLATORS: writer "x": its write
				    * callback returned 42, ... */
				   _("%s \"%s\": its %s callback returned %d, "
				     "which is not a pactum status"),
				   pactum_plugin_kind_name(p->desc->kind), p->desc->name, cb,
				   status);
		return PACTUM_EIO;
	}
	if (status != PACTUM_OK && status != PACTUM_ENOMEM && !reported)
		pactum_diag_report(diag, PACTUM_ERROR, NULL,
				   _("%s \"%s\": its %s callback failed with "
				     "%s and reported no reason"),
				   pactum_plugin_kind_name(p->desc->kind), p->desc->name, cb,
				   status_name(status));
	if (status == PACTUM_OK && reported)
		return PACTUM_EINPUT; /* an error is an error */
	return status;
}

int pactum__plugin_active_minor(void)
{
	return active_plugin ? active_plugin->desc->abi_minor
			     : PACTUM_PLUGIN_ABI_MINOR;
}

int pactum_plugin_active(const char **name, const char **callback,
			 const char **file)
{
	/* async-signal-safe: reads this thread's two pointers */
	if (active_plugin == NULL)
		return 0;
	*name = active_plugin->desc->name;
	*callback = active_callback;
	*file = active_plugin->file;
	return 1;
}

int pactum__plugin_read_model(const pactum_plugin *plugin, pactum_model *model,
			      const char *path, const char *bytes, size_t len,
			      pactum_diag *diag)
{
	struct call saved;

	enter(&saved, plugin, "read_model", diag);
	return leave(&saved,
		     plugin->desc->read_model(model, path, bytes, len, diag),
		     diag);
}

int pactum__plugin_read_data(const pactum_plugin *plugin, pactum_data *data,
			     const char *path, const char *bytes, size_t len,
			     pactum_diag *diag)
{
	struct call saved;

	enter(&saved, plugin, "read_data", diag);
	return leave(&saved,
		     plugin->desc->read_data(data, path, bytes, len, diag),
		     diag);
}

int pactum__plugin_read_deals(const pactum_plugin *plugin,
			      struct pactum_deals *deals, const char *path,
			      pactum_diag *diag)
{
	struct call saved;
	int status, stopped;

	enter(&saved, plugin, "read_deals", diag);
	status = plugin->desc->read_deals(deals, path, diag);
	stopped = pactum__deals_stopped(deals);
	if (stopped != PACTUM_OK) {
		/* the program's own status, already reported by it */
		active_plugin = saved.plugin;
		active_callback = saved.callback;
		return stopped;
	}
	return leave(&saved, status, diag);
}

void pactum__plugin_out(pactum_callout *saved)
{
	saved->plugin = active_plugin;
	saved->callback = active_callback;
	active_plugin = NULL;
	active_callback = NULL;
}

void pactum__plugin_back(const pactum_callout *saved)
{
	active_plugin = saved->plugin;
	active_callback = saved->callback;
}

int pactum_plugin_write(const pactum_plugin *plugin, pactum_sink *sink,
			const pactum_doc *doc, const pactum_options *opts,
			pactum_diag *diag)
{
	struct call saved;
	int error;

	if (plugin->desc->kind != PACTUM_PLUGIN_WRITER)
		return PACTUM_EINVAL;
	error = pactum_options_check(opts, plugin, diag);
	if (error != PACTUM_OK)
		return error;
	if (plugin->desc->abi_minor < 2)
		warn_unknown_blocks(plugin, doc, diag);
	enter(&saved, plugin, "write", diag);
	return leave(&saved, plugin->desc->write(sink, doc, opts, diag), diag);
}

int pactum_plugin_exports(char **out, size_t *count,
			  const pactum_plugin *plugin)
{
	pactum_buf names = PACTUM_BUF_INIT;
	int error = pactum__elf_exports(&names, count, plugin->real,
					PACTUM_PLUGIN_SYMBOL);

	pactum__buf_putc(&names, '\0');
	if (error == PACTUM_OK && names.oom)
		error = PACTUM_ENOMEM;
	*out = error == PACTUM_OK ? pactum__buf_detach(&names) : NULL;
	pactum__buf_free(&names);
	return error;
}
