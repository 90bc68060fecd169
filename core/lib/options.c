/* Writer options: a layout plus free-form KEY=VALUE pairs, so a writer can
 * grow options without the plugin ABI changing. */
#include "config.h"

#include <string.h>

#include "internal.h"

struct option {
	char *key;
	char *value;
};

struct pactum_options {
	pactum_layout layout;
	int layout_given;
	struct option *items;
	size_t count;
};

int pactum_options_new(pactum_options **out)
{
	*out = pactum_malloc(sizeof(**out));
	if (*out == NULL)
		return PACTUM_ENOMEM;
	memset(*out, 0, sizeof(**out));
	(*out)->layout = PACTUM_LAYOUT_PARALLEL;
	return PACTUM_OK;
}

void pactum_options_free(pactum_options *opts)
{
	size_t i;

	if (opts == NULL)
		return;
	for (i = 0; i < opts->count; i++) {
		pactum_free(opts->items[i].key);
		pactum_free(opts->items[i].value);
	}
	pactum_free(opts->items);
	pactum_free(opts);
}

void pactum_options_set_layout(pactum_options *opts, pactum_layout layout)
{
	opts->layout = layout;
	opts->layout_given = 1;
}

pactum_layout pactum_options_layout(const pactum_options *opts)
{
	return opts->layout;
}

int pactum_options_layout_given(const pactum_options *opts)
{
	return opts->layout_given;
}

int pactum_layout_parse(pactum_layout *out, const char *name)
{
	static const char *const names[] = { "parallel", "interleaved",
					     "sequential" };
	size_t i;

	for (i = 0; i < PACTUM_ARRAY_SIZE(names); i++) {
		if (strcmp(name, names[i]) == 0) {
			*out = (pactum_layout)i;
			return PACTUM_OK;
		}
	}
	return PACTUM_EINVAL;
}

int pactum_options_set(pactum_options *opts, const char *key,
		       const char *value)
{
	struct option *items;
	char *v;
	size_t i;

	v = pactum_strndup(value, strlen(value));
	if (v == NULL)
		return PACTUM_ENOMEM;
	for (i = 0; i < opts->count; i++) {
		if (strcmp(opts->items[i].key, key) == 0) {
			pactum_free(opts->items[i].value);
			opts->items[i].value = v;
			return PACTUM_OK;
		}
	}
	items = pactum_realloc(opts->items, (opts->count + 1) * sizeof(*items));
	if (items == NULL)
		goto fail;
	opts->items = items;
	items[opts->count].key = pactum_strndup(key, strlen(key));
	if (items[opts->count].key == NULL)
		goto fail;
	items[opts->count++].value = v;
	return PACTUM_OK;
fail:
	pactum_free(v);
	return PACTUM_ENOMEM;
}

const char *pactum_options_get(const pactum_options *opts, const char *key)
{
	size_t i;

	for (i = 0; i < opts->count; i++)
		if (strcmp(opts->items[i].key, key) == 0)
			return opts->items[i].value;
	return NULL;
}

int pactum_options_get_uint(unsigned *out, const pactum_options *opts,
			    const char *key, unsigned def, unsigned min,
			    unsigned max, pactum_diag *diag)
{
	const char *s = pactum_options_get(opts, key), *p;
	unsigned long v = 0;

	*out = def;
	if (s == NULL)
		return PACTUM_OK;
	for (p = s; *p >= '0' && *p <= '9' && v <= max; p++)
		v = v * 10 + (unsigned long)(*p - '0');
	if (p == s || *p != '\0' || v < min || v > max) {
		pactum_diag_report(diag, PACTUM_ERROR, NULL,
				   _("option %s=%s: expected a whole number "
				     "from %u to %u"),
				   key, s, min, max);
		return PACTUM_EINPUT;
	}
	*out = (unsigned)v;
	return PACTUM_OK;
}

static const pactum_option_spec *find_spec(const pactum_option_spec *specs,
					   const char *name)
{
	for (; specs != NULL && specs->name != NULL; specs++)
		if (strcmp(specs->name, name) == 0)
			return specs;
	return NULL;
}

/* Does value fit spec?  If not, what was expected goes to why. */
static int fits(pactum_buf *why, const pactum_option_spec *spec,
		const char *value)
{
	const char *p;
	unsigned long v = 0;
	size_t i;

	switch (spec->type) {
	case PACTUM_OPTION_UINT:
		for (p = value; *p >= '0' && *p <= '9' && v <= spec->max; p++)
			v = v * 10 + (unsigned long)(*p - '0');
		if (p != value && *p == '\0' && v >= spec->min && v <= spec->max)
			return 1;
		pactum__buf_printf(why, _("a whole number from %u to %u"),
				   spec->min, spec->max);
		return 0;
	case PACTUM_OPTION_CHOICE:
		for (i = 0; spec->choices[i] != NULL; i++)
			if (pactum_ascii_caseeq(spec->choices[i], value))
				return 1;
		/* TRANSLATORS: followed by the list of choices */
		pactum__buf_puts(why, _("one of"));
		for (i = 0; spec->choices[i] != NULL; i++)
			pactum__buf_printf(why, "%s %s", i ? "," : "",
					   spec->choices[i]);
		return 0;
	case PACTUM_OPTION_BOOL:
		if (strcmp(value, "yes") == 0 || strcmp(value, "no") == 0)
			return 1;
		pactum__buf_puts(why, _("yes or no"));
		return 0;
	default:
		return 1;
	}
}

int pactum_options_check(const pactum_options *opts,
			 const pactum_plugin *writer, pactum_diag *diag)
{
	const pactum_plugin_desc *d = pactum__plugin_descriptor(writer);
	const pactum_option_spec *spec, *s;
	pactum_buf known = PACTUM_BUF_INIT, why = PACTUM_BUF_INIT;
	size_t i;
	int error = PACTUM_OK;

	for (s = d->options; s != NULL && s->name != NULL; s++)
		pactum__buf_printf(&known, "%s%s", known.len ? ", " : "",
				   s->name);
	for (i = 0; i < opts->count; i++) {
		const struct option *o = &opts->items[i];

		spec = find_spec(d->options, o->key);
		pactum__buf_clear(&why);
		if (spec == NULL && known.len == 0) {
			pactum_diag_report(diag, PACTUM_ERROR, NULL,
					   _("the %s writer takes no options, "
					     "not even \"%s\""),
					   d->name, o->key);
			error = PACTUM_EINVAL;
		} else if (spec == NULL) {
			pactum_diag_report(diag, PACTUM_ERROR, NULL,
					   _("the %s writer has no option "
					     "\"%s\" (it has: %s)"),
					   d->name, o->key, known.ptr);
			error = PACTUM_EINVAL;
		} else if (!fits(&why, spec, o->value)) {
			pactum_diag_report(diag, PACTUM_ERROR, NULL,
					   _("option %s=%s of the %s writer: "
					     "expected %s"),
					   o->key, o->value, d->name,
					   why.ptr ? why.ptr : "");
			error = PACTUM_EINVAL;
		}
	}
	if (known.oom || why.oom)
		error = PACTUM_ENOMEM;
	pactum__buf_free(&known);
	pactum__buf_free(&why);
	return error;
}

size_t pactum_options_count(const pactum_options *opts)
{
	return opts->count;
}

const char *pactum_options_key(const pactum_options *opts, size_t i)
{
	return i < opts->count ? opts->items[i].key : NULL;
}
