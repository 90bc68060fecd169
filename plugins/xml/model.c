/* Agreement models (urn:pactum:model:1) into the core's model tree. */
#include "config.h"

#include <string.h>

#include "xml.h"

/* ------------------------------------------------------ models ------- */

/*
 * What an element is comes from the core's table of node kinds
 * (pactum_node_kind_lookup()): a new kind needs no change here.  The
 * reader knows only what has no node of its own: the containers that
 * group the agreement's parties, parameters, terms and body, and which
 * elements the agreement and each container hold.
 */
static const struct container {
	const char *name;
	const char *holds; /* space-separated element names */
	int is_node;       /* the agreement is a node; the others are not */
} containers[] = {
	{ "agreement",
	  "note title cover parties parameters terms preamble body annex", 1 },
	{ "parties", "detail party", 0 },
	{ "parameters", "param require", 0 },
	{ "terms", "term", 0 },
	{ "body", "section choose include signatures", 0 },
};

static const struct container *find_container(const xmlChar *name)
{
	size_t i;

	for (i = 0; i < sizeof(containers) / sizeof(containers[0]); i++)
		if (name[0] == (xmlChar)containers[i].name[0] &&
		    strcmp((const char *)name, containers[i].name) == 0)
			return &containers[i];
	return NULL;
}

/* Is name one of the space-separated words of list? */
static int listed(const char *list, const char *name)
{
	size_t n = strlen(name);
	const char *p;

	for (p = list; (p = strstr(p, name)) != NULL; p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return 1;
	return 0;
}

static int all_space(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			return 0;
	return 1;
}

/*
 * The model is built as libxml2 reads it, from its SAX2 events: a tree of
 * libxml2's own would cost as much to build and free again as the whole
 * parse, and twice the memory.
 */
struct open {
	pactum_node *node; /* the node its content goes to */
	pactum_node_kind in; /* that node's kind; 0 inside a container */
	const struct container *box;
	const char *name; /* libxml2's, valid while it parses */
};

struct reader {
	struct source src; /* first: the parser's _private */
	pactum_model *model;
	struct open open[MAX_DEPTH + 2];
	size_t depth;
	size_t skip; /* elements open inside a refused one */
	/* the character data since the last tag, comment or PI (libxml2
	 * hands it over in pieces of 300 bytes) */
	char *text;
	size_t len, cap;
	uint32_t text_line;
};

static struct reader *reader_of(void *ctx)
{
	return (struct reader *)((xmlParserCtxtPtr)ctx)->_private;
}

static void stop(struct reader *r, void *ctx)
{
	r->src.nomem = 1;
	xmlStopParser(ctx);
}

/* Text goes to the node it is in; the core says whether that kind holds
 * text.  White space between elements of a node that holds none is
 * layout, and is dropped here. */
static void flush_text(struct reader *r, void *ctx)
{
	const struct open *o;

	if (r->len == 0)
		return;
	o = &r->open[r->depth - 1];
	if ((pactum_node_kind_holds_text(o->in) ||
	     !all_space(r->text, r->len)) &&
	    pactum_node_add_text(r->model, o->node, r->text, r->len,
				 r->text_line, 0) != PACTUM_OK)
		stop(r, ctx);
	r->len = 0;
}

static void on_text(void *ctx, const xmlChar *ch, int len)
{
	struct reader *r = reader_of(ctx);
	size_t n = (size_t)len;

	if (r->skip || r->depth == 0 || len <= 0)
		return;
	if (r->len == 0)
		r->text_line = (uint32_t)xmlSAX2GetLineNumber(ctx);
	if (n > r->cap - r->len) {
		/* bounded: the scanner caps a text at 10 MB */
		size_t cap = r->cap ? 2 * r->cap : 1024;
		char *grown;

		while (cap - r->len < n)
			cap *= 2;
		grown = pactum_realloc(r->text, cap);
		if (grown == NULL) {
			stop(r, ctx);
			return;
		}
		r->text = grown;
		r->cap = cap;
	}
	memcpy(r->text + r->len, ch, n);
	r->len += n;
}

static void on_comment(void *ctx, const xmlChar *value)
{
	(void)value;
	flush_text(reader_of(ctx), ctx);
}

static void on_pi(void *ctx, const xmlChar *target, const xmlChar *data)
{
	(void)target;
	(void)data;
	flush_text(reader_of(ctx), ctx);
}

/* Only a declared entity comes here, and a DOCTYPE, which could declare
 * one, is refused first: kept so that no entity is ever dropped without
 * a word. */
static void on_reference(void *ctx, const xmlChar *name)
{
	struct reader *r = reader_of(ctx);
	pactum_pos pos = { r->src.path, (uint32_t)xmlSAX2GetLineNumber(ctx),
			   0 };

	(void)name;
	flush_text(r, ctx);
	if (!r->skip)
		xml_error_at(&r->src, &pos, "%s",
			     _("entity references are not allowed"));
}

/* An attribute's value as libxml2 passes it to SAX2 without entity
 * substitution: every '&' it stands for (from "&amp;" or "&#38;") comes
 * as "&#38;", the other references already replaced. */
static int set_attr(struct reader *r, pactum_node *node, pactum_attr attr,
		    const char *value, const char *end)
{
	const char *amp = memchr(value, '&', (size_t)(end - value));
	char *plain, *o;
	int error;

	if (amp == NULL)
		return pactum_node_set_attr(r->model, node, attr, value,
					    (size_t)(end - value));
	plain = pactum_malloc((size_t)(end - value));
	if (plain == NULL)
		return PACTUM_ENOMEM;
	memcpy(plain, value, (size_t)(amp - value));
	o = plain + (amp - value);
	while (amp < end) {
		if (end - amp >= 5 && memcmp(amp, "&#38;", 5) == 0) {
			*o++ = '&';
			amp += 5;
		} else {
			*o++ = *amp++;
		}
	}
	error = pactum_node_set_attr(r->model, node, attr, plain,
				     (size_t)(o - plain));
	pactum_free(plain);
	return error;
}

/* The attributes of element name onto node (NULL: a container, which has
 * none); attrs as SAX2 gives them, five pointers each. */
static void read_attrs(struct reader *r, pactum_node *node, const char *name,
		       int nattrs, const xmlChar **attrs,
		       const pactum_pos *pos)
{
	int i;

	for (i = 0; i < nattrs && !r->src.nomem; i++) {
		const char *const *a = (const char *const *)attrs + 5 * i;
		pactum_attr attr;

		if (i == MAX_ATTRS) {
			xml_error_at(&r->src, pos,
				     _("<%s> has more than %d attributes"),
				     name, MAX_ATTRS);
			return;
		}
		attr = a[2] ? PACTUM_ATTR_COUNT_ : pactum_attr_lookup(a[0]);
		if (node == NULL || attr == PACTUM_ATTR_COUNT_) {
			xml_error_at(&r->src, pos,
				     _("<%s> has no attribute \"%s\""), name,
				     a[0]);
			continue;
		}
		/* Whether this kind may have it is the core's to say. */
		if (set_attr(r, node, attr, a[3], a[4]) != PACTUM_OK)
			r->src.nomem = 1;
	}
}

static void on_start(void *ctx, const xmlChar *localname,
		     const xmlChar *prefix, const xmlChar *uri, int nns,
		     const xmlChar **ns, int nattrs, int ndefaulted,
		     const xmlChar **attrs)
{
	struct reader *r = reader_of(ctx);
	const char *name = (const char *)localname;
	const struct open *up = r->depth ? &r->open[r->depth - 1] : NULL;
	const struct container *box;
	pactum_node_kind kind;
	pactum_node *node;
	pactum_pos pos;
	struct open *o;
	int ours; /* in the model namespace */

	(void)prefix;
	(void)nns;
	(void)ns;
	(void)ndefaulted;
	flush_text(r, ctx);
	/* every start tag has its position, read or not */
	pos = xml_next_position(&r->src, (uint32_t)xmlSAX2GetLineNumber(ctx));
	if (r->skip) {
		r->skip++;
		return;
	}
	/* the refused element's content is not read: skip counts it */
	r->skip = 1;
	box = find_container(localname);
	kind = pactum_node_kind_lookup(name);
	ours = uri != NULL && strcmp((const char *)uri, MODEL_NS) == 0;
	if (up == NULL && (!ours || (strcmp(name, "agreement") != 0 &&
				     strcmp(name, "library") != 0))) {
		pos.line = (uint32_t)xmlSAX2GetLineNumber(ctx);
		pos.col = 0;
		xml_error_at(&r->src, &pos,
			     _("not an agreement model: the root must be "
			       "<agreement xmlns=\"%s\"> (or <library> for a "
			       "clause library)"),
			     MODEL_NS);
		return;
	}
	if (!ours || (box == NULL && kind == 0)) {
		xml_error_at(&r->src, &pos,
			     _("unknown element <%s> (models use the namespace "
			       "%s)"),
			     name, MODEL_NS);
		return;
	}
	if (up && up->box && !listed(up->box->holds, name)) {
		xml_error_at(&r->src, &pos, _("<%s> is not allowed in <%s>"),
			     name, up->box->name);
		return;
	}
	if (box && !box->is_node &&
	    (up == NULL || up->in != PACTUM_NODE_AGREEMENT)) {
		xml_error_at(&r->src, &pos, _("<%s> is not allowed in <%s>"),
			     name, up ? up->name : "");
		return;
	}
	if (r->depth == sizeof(r->open) / sizeof(r->open[0]))
		return; /* the scanner refuses it first */
	node = up ? up->node : NULL;
	if (box == NULL || box->is_node) {
		node = pactum_node_append(r->model, node, kind, pos.line,
					  pos.col);
		if (node == NULL) {
			stop(r, ctx);
			return;
		}
	}
	read_attrs(r, box && !box->is_node ? NULL : node, name, nattrs, attrs,
		   &pos);
	r->skip = 0;
	o = &r->open[r->depth++];
	o->node = node;
	o->in = box && !box->is_node ? 0 : kind;
	o->box = box;
	o->name = name;
}

static void on_end(void *ctx, const xmlChar *localname,
		   const xmlChar *prefix, const xmlChar *uri)
{
	struct reader *r = reader_of(ctx);

	(void)localname;
	(void)prefix;
	(void)uri;
	flush_text(r, ctx);
	if (r->skip)
		r->skip--;
	else if (r->depth)
		r->depth--;
}

static void install(xmlSAXHandler *sax)
{
	sax->startElementNs = on_start;
	sax->endElementNs = on_end;
	sax->characters = on_text;
	sax->ignorableWhitespace = on_text;
	sax->cdataBlock = on_text;
	sax->comment = on_comment;
	sax->processingInstruction = on_pi;
	sax->reference = on_reference;
}

int xml_read_model(pactum_model *model, const char *path,
		      const char *bytes, size_t len, pactum_diag *diag)
{
	struct reader r = { .src = { .path = path, .bytes = bytes,
				     .len = len, .diag = diag },
			    .model = model };

	(void)xml_parse_events(&r.src, install); /* all it found is reported */
	pactum_free(r.text);
	if (r.src.nomem)
		return PACTUM_ENOMEM;
	/* not well-formed: what was built stops where the file breaks, and
	 * the check would only report what the break cut off */
	if (r.src.malformed)
		return PACTUM_EIO;
	return r.src.errors ? PACTUM_EINPUT : PACTUM_OK;
}
