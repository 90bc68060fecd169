/*
 * The xml reader: agreement models (urn:pactum:model:1) and deal data
 * (urn:pactum:deal:1).  Models come from other people, so the parser is
 * boxed in (libxml2 2.9.14 facts, see the README): no DOCTYPE at all, no
 * external entities, no network, no XInclude, no huge-input mode, input
 * read by the core with a size cap and parsed from memory as UTF-8, depth
 * and attribute counts capped, parser warnings treated as errors.
 */
#include "config.h"

#include <libintl.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <pactum/plugin.h>

#define _(s) dgettext(PACKAGE, s)

#define MODEL_NS "urn:pactum:model:1"
#define DEAL_NS "urn:pactum:deal:1"
#define MAX_DEPTH 48
#define MAX_ATTRS 16

/* ------------------------------------------------------ positions ---- */

/* libxml2 keeps no columns on nodes: find each start tag in the source,
 * in document order, from a cursor that only moves forward. */
struct source {
	const char *path;
	const char *bytes;
	size_t len;
	size_t cursor;
	pactum_diag *diag;
	int errors;
	int nomem;
};

static pactum_pos position(struct source *src, xmlNodePtr node)
{
	pactum_pos pos = { src->path, 0, 0 };
	const char *name = (const char *)node->name;
	size_t nlen = strlen(name), i, line_start = 0;
	uint32_t line = 1, col = 1;

	pos.line = (uint32_t)xmlGetLineNo(node);
	if (node->type != XML_ELEMENT_NODE)
		return pos;
	for (i = src->cursor; i + nlen < src->len; i++) {
		const char *p = src->bytes + i;
		char after;

		if (p[0] != '<' || memcmp(p + 1, name, nlen) != 0)
			continue;
		after = p[1 + nlen];
		if (after == ' ' || after == '>' || after == '/' ||
		    after == '\t' || after == '\n' || after == '\r')
			break;
	}
	if (i + nlen >= src->len)
		return pos;
	src->cursor = i + 1;
	/* line and column (in characters) of offset i */
	for (size_t j = 0; j < i; j++) {
		if (src->bytes[j] == '\n') {
			line++;
			line_start = j + 1;
		}
	}
	for (size_t j = line_start; j < i; j++)
		if (((unsigned char)src->bytes[j] & 0xc0) != 0x80)
			col++;
	pos.line = line;
	pos.col = col;
	return pos;
}

static void error_at(struct source *src, const pactum_pos *pos,
		     const char *fmt, ...) PACTUM_PRINTF(3, 4);

static void error_at(struct source *src, const pactum_pos *pos,
		     const char *fmt, ...)
{
	va_list ap;

	src->errors++;
	va_start(ap, fmt);
	if (pactum_diag_vreport(src->diag, PACTUM_ERROR, pos, fmt, ap) !=
	    PACTUM_OK)
		src->nomem = 1;
	va_end(ap);
}

/* ------------------------------------------------------ parsing ------ */

static void on_error(void *data, xmlErrorPtr err)
{
	xmlParserCtxtPtr ctxt = data;
	struct source *src = ctxt->_private;
	pactum_pos pos = { src->path, (uint32_t)(err->line > 0 ? err->line : 0),
			   (uint32_t)(err->int2 > 0 ? err->int2 : 0) };
	size_t len = err->message ? strlen(err->message) : 0;

	/* Warnings too: an undeclared entity, say, is only a warning. */
	while (len && err->message[len - 1] == '\n')
		len--;
	error_at(src, &pos, "%.*s", (int)len,
		 err->message ? err->message : _("malformed XML"));
}

static void on_doctype(void *data, const xmlChar *name,
		       const xmlChar *external_id, const xmlChar *system_id)
{
	xmlParserCtxtPtr ctxt = data;
	struct source *src = ctxt->_private;
	pactum_pos pos = { src->path, (uint32_t)xmlSAX2GetLineNumber(ctxt),
			   (uint32_t)xmlSAX2GetColumnNumber(ctxt) };

	(void)name;
	(void)external_id;
	(void)system_id;
	error_at(src, &pos, "%s",
		 _("a DOCTYPE is not allowed (it could define entities)"));
	xmlStopParser(ctxt);
}

static xmlParserInputPtr refuse_entity(const char *url, const char *id,
				       xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

static xmlDocPtr parse(struct source *src)
{
	const int options = XML_PARSE_NONET | XML_PARSE_NOCDATA;
	xmlExternalEntityLoader previous = xmlGetExternalEntityLoader();
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc = NULL;

	if (src->len > (size_t)INT_MAX) {
		pactum_pos pos = { src->path, 0, 0 };

		error_at(src, &pos, "%s", _("file too large"));
		return NULL;
	}
	ctxt = xmlNewParserCtxt();
	if (ctxt == NULL) {
		src->nomem = 1;
		return NULL;
	}
	ctxt->_private = src;
	ctxt->sax->serror = on_error;
	ctxt->sax->internalSubset = on_doctype;
	ctxt->sax->externalSubset = on_doctype;
	xmlSetExternalEntityLoader(refuse_entity);
	/* "UTF-8" overrides whatever encoding the file declares. */
	doc = xmlCtxtReadMemory(ctxt, src->bytes, (int)src->len, src->path,
				"UTF-8", options);
	xmlSetExternalEntityLoader(previous);
	if (doc != NULL && (src->errors || !ctxt->wellFormed ||
			    doc->intSubset || doc->extSubset)) {
		if (!src->errors) {
			pactum_pos pos = { src->path, 0, 0 };

			error_at(src, &pos, "%s", _("malformed XML"));
		}
		xmlFreeDoc(doc);
		doc = NULL;
	} else if (doc == NULL && !src->errors) {
		pactum_pos pos = { src->path, 0, 0 };

		error_at(src, &pos, "%s", _("cannot parse"));
	}
	xmlFreeParserCtxt(ctxt);
	return doc;
}

/* ------------------------------------------------------ models ------- */

enum shape {
	CONTAINER, /* groups children; no node of its own */
	BLOCK,     /* a node; whitespace between children is ignored */
	TEXT       /* a node holding text and inline elements */
};

struct element {
	const char *name;
	int kind; /* pactum_node_kind, or 0 for a container */
	enum shape shape;
	pactum_attr attrs[6];
	const char *attr_names[6];
	unsigned nattrs;
};

#define A(a, n) a
static const struct element elements[] = {
	{ "agreement", PACTUM_NODE_AGREEMENT, BLOCK,
	  { PACTUM_ATTR_ID, PACTUM_ATTR_VERSION, PACTUM_ATTR_DOMAIN,
	    PACTUM_ATTR_SOURCE_LANG, PACTUM_ATTR_PREVAILING },
	  { "id", "version", "domain", "source-lang", "prevailing" }, 5 },
	{ "title", PACTUM_NODE_TITLE, TEXT, { 0 }, { 0 }, 0 },
	{ "parties", 0, CONTAINER, { 0 }, { 0 }, 0 },
	{ "party", PACTUM_NODE_PARTY, BLOCK, { PACTUM_ATTR_ID }, { "id" }, 1 },
	{ "role", PACTUM_NODE_ROLE, TEXT, { 0 }, { 0 }, 0 },
	{ "parameters", 0, CONTAINER, { 0 }, { 0 }, 0 },
	{ "param", PACTUM_NODE_PARAM, BLOCK,
	  { PACTUM_ATTR_ID, PACTUM_ATTR_TYPE, PACTUM_ATTR_REQUIRED,
	    PACTUM_ATTR_DEFAULT, PACTUM_ATTR_MIN, PACTUM_ATTR_MAX },
	  { "id", "type", "required", "default", "min", "max" }, 6 },
	{ "choice", PACTUM_NODE_CHOICE, BLOCK, { PACTUM_ATTR_VALUE },
	  { "value" }, 1 },
	{ "label", PACTUM_NODE_LABEL, TEXT, { 0 }, { 0 }, 0 },
	{ "terms", 0, CONTAINER, { 0 }, { 0 }, 0 },
	{ "term", PACTUM_NODE_TERM, BLOCK, { PACTUM_ATTR_ID }, { "id" }, 1 },
	{ "name", PACTUM_NODE_NAME, TEXT, { 0 }, { 0 }, 0 },
	{ "definition", PACTUM_NODE_DEFINITION, TEXT, { 0 }, { 0 }, 0 },
	{ "body", 0, CONTAINER, { 0 }, { 0 }, 0 },
	{ "section", PACTUM_NODE_SECTION, BLOCK,
	  { PACTUM_ATTR_ID, PACTUM_ATTR_IF }, { "id", "if" }, 2 },
	{ "clause", PACTUM_NODE_CLAUSE, BLOCK,
	  { PACTUM_ATTR_ID, PACTUM_ATTR_IF }, { "id", "if" }, 2 },
	{ "p", PACTUM_NODE_PARAGRAPH, TEXT,
	  { PACTUM_ATTR_ID, PACTUM_ATTR_IF }, { "id", "if" }, 2 },
	{ "list", PACTUM_NODE_LIST, BLOCK,
	  { PACTUM_ATTR_ID, PACTUM_ATTR_IF, PACTUM_ATTR_ORDERED },
	  { "id", "if", "ordered" }, 3 },
	{ "item", PACTUM_NODE_ITEM, TEXT,
	  { PACTUM_ATTR_ID, PACTUM_ATTR_IF }, { "id", "if" }, 2 },
	{ "choose", PACTUM_NODE_CHOOSE, BLOCK, { 0 }, { 0 }, 0 },
	{ "when", PACTUM_NODE_WHEN, BLOCK,
	  { PACTUM_ATTR_ID, PACTUM_ATTR_IF }, { "id", "if" }, 2 },
	{ "otherwise", PACTUM_NODE_OTHERWISE, BLOCK, { 0 }, { 0 }, 0 },
	{ "note", PACTUM_NODE_NOTE, TEXT, { 0 }, { 0 }, 0 },
	{ "var", PACTUM_NODE_VAR, TEXT, { PACTUM_ATTR_NAME }, { "name" }, 1 },
	{ "field", PACTUM_NODE_FIELD, TEXT,
	  { PACTUM_ATTR_PARTY, PACTUM_ATTR_NAME }, { "party", "name" }, 2 },
	{ "party-ref", PACTUM_NODE_PARTY_REF, TEXT, { PACTUM_ATTR_REF },
	  { "ref" }, 1 },
	{ "term-ref", PACTUM_NODE_TERM_REF, TEXT, { PACTUM_ATTR_REF },
	  { "ref" }, 1 },
	{ "xref", PACTUM_NODE_XREF, TEXT, { PACTUM_ATTR_REF }, { "ref" }, 1 },
	{ "em", PACTUM_NODE_EMPHASIS, TEXT, { 0 }, { 0 }, 0 },
};

static const struct element *find_element(const xmlChar *name)
{
	size_t i;

	for (i = 0; i < sizeof(elements) / sizeof(elements[0]); i++)
		if (strcmp((const char *)name, elements[i].name) == 0)
			return &elements[i];
	return NULL;
}

static int in_namespace(xmlNodePtr n, const char *ns)
{
	return n->ns && n->ns->href && strcmp((const char *)n->ns->href, ns) == 0;
}

static int all_space(const xmlChar *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

static void build(struct source *src, pactum_model *model,
		  pactum_node *parent, enum shape parent_shape,
		  xmlNodePtr x, unsigned depth);

static void build_element(struct source *src, pactum_model *model,
			  pactum_node *parent, xmlNodePtr x, unsigned depth)
{
	pactum_pos pos = position(src, x);
	const struct element *e = find_element(x->name);
	pactum_node *node = parent;
	unsigned nattrs = 0, i;
	xmlAttrPtr a;

	if (!in_namespace(x, MODEL_NS) || e == NULL) {
		error_at(src, &pos,
			 _("unknown element <%s> (models use the namespace "
			   "%s)"),
			 (const char *)x->name, MODEL_NS);
		return;
	}
	if (depth > MAX_DEPTH) {
		error_at(src, &pos, _("elements nested deeper than %d"),
			 MAX_DEPTH);
		return;
	}
	if (e->kind != 0) {
		node = pactum_node_append(model, parent,
					  (pactum_node_kind)e->kind, pos.line,
					  pos.col);
		if (node == NULL) {
			src->nomem = 1;
			return;
		}
	}
	for (a = x->properties; a; a = a->next) {
		xmlChar *value;
		int known = 0;

		if (++nattrs > MAX_ATTRS) {
			error_at(src, &pos, _("<%s> has more than %d attributes"),
				 e->name, MAX_ATTRS);
			break;
		}
		for (i = 0; i < e->nattrs; i++) {
			if (a->ns != NULL ||
			    strcmp((const char *)a->name, e->attr_names[i]) != 0)
				continue;
			known = 1;
			value = xmlNodeGetContent((xmlNodePtr)a);
			if (value == NULL) {
				src->nomem = 1;
				return;
			}
			if (pactum_node_set_attr(model, node, e->attrs[i],
						 (const char *)value,
						 strlen((const char *)value)) !=
			    PACTUM_OK)
				src->nomem = 1;
			xmlFree(value);
		}
		if (!known)
			error_at(src, &pos, _("<%s> has no attribute \"%s\""),
				 e->name, (const char *)a->name);
	}
	build(src, model, node, e->shape, x->children, depth + 1);
}

static void build(struct source *src, pactum_model *model,
		  pactum_node *parent, enum shape parent_shape,
		  xmlNodePtr x, unsigned depth)
{
	for (; x && !src->nomem; x = x->next) {
		switch (x->type) {
		case XML_ELEMENT_NODE:
			build_element(src, model, parent, x, depth);
			break;
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			if (parent_shape != TEXT) {
				if (!all_space(x->content)) {
					pactum_pos pos = { src->path,
							   (uint32_t)xmlGetLineNo(x),
							   0 };

					error_at(src, &pos, "%s",
						 _("text outside a paragraph, "
						   "title or other text "
						   "element"));
				}
				break;
			}
			if (pactum_node_add_text(
				    model, parent, (const char *)x->content,
				    strlen((const char *)x->content),
				    (uint32_t)xmlGetLineNo(x), 0) != PACTUM_OK)
				src->nomem = 1;
			break;
		case XML_ENTITY_REF_NODE: {
			pactum_pos pos = { src->path, (uint32_t)xmlGetLineNo(x),
					   0 };

			error_at(src, &pos, "%s",
				 _("entity references are not allowed"));
			break;
		}
		default:
			break; /* comments, processing instructions */
		}
	}
}

static int read_model(pactum_model *model, const char *path,
		      const char *bytes, size_t len, pactum_diag *diag)
{
	struct source src = { path, bytes, len, 0, diag, 0, 0 };
	xmlDocPtr doc = parse(&src);
	xmlNodePtr root;

	if (doc == NULL)
		return src.nomem ? PACTUM_ENOMEM : PACTUM_EINPUT;
	root = xmlDocGetRootElement(doc);
	if (root == NULL || !in_namespace(root, MODEL_NS) ||
	    strcmp((const char *)root->name, "agreement") != 0) {
		pactum_pos pos = { path, root ? (uint32_t)xmlGetLineNo(root) : 0,
				   0 };

		error_at(&src, &pos,
			 _("not an agreement model: the root must be "
			   "<agreement xmlns=\"%s\">"),
			 MODEL_NS);
	} else {
		build_element(&src, model, NULL, root, 0);
	}
	xmlFreeDoc(doc);
	if (src.nomem)
		return PACTUM_ENOMEM;
	return src.errors ? PACTUM_EINPUT : PACTUM_OK;
}

/* ------------------------------------------------------ deal data ---- */

/* The text of a value element, white space folded; NULL (after
 * reporting) when it holds elements. */
static xmlChar *value_text(struct source *src, xmlNodePtr x, size_t *len)
{
	xmlChar *text = xmlStrdup((const xmlChar *)"");
	xmlNodePtr c;
	size_t i, o;

	for (c = x->children; c && text; c = c->next) {
		if (c->type == XML_TEXT_NODE ||
		    c->type == XML_CDATA_SECTION_NODE) {
			text = xmlStrcat(text, c->content);
		} else if (c->type == XML_ELEMENT_NODE ||
			   c->type == XML_ENTITY_REF_NODE) {
			pactum_pos pos = position(src, c);

			error_at(src, &pos, _("<%s> may hold only text"),
				 (const char *)x->name);
			xmlFree(text);
			return NULL;
		}
	}
	if (text == NULL) {
		src->nomem = 1;
		return NULL;
	}
	for (i = o = 0; text[i]; i++) {
		int space = text[i] == ' ' || text[i] == '\t' ||
			    text[i] == '\n' || text[i] == '\r';

		if (space && (o == 0 || text[o - 1] == ' '))
			continue;
		text[o++] = space ? ' ' : text[i];
	}
	while (o && text[o - 1] == ' ')
		o--;
	text[o] = '\0';
	*len = o;
	return text;
}

static void set_value(struct source *src, pactum_data *data,
		      const char *name, xmlNodePtr x, const pactum_pos *pos)
{
	size_t len = 0;
	xmlChar *text = value_text(src, x, &len);

	if (text == NULL)
		return;
	if (pactum_data_set(data, name, strlen(name), (const char *)text, len,
			    pos) != PACTUM_OK)
		src->nomem = 1;
	xmlFree(text);
}

static int read_data(pactum_data *data, const char *path, const char *bytes,
		     size_t len, pactum_diag *diag)
{
	struct source src = { path, bytes, len, 0, diag, 0, 0 };
	xmlDocPtr doc = parse(&src);
	xmlNodePtr root, x, f;
	char name[160];

	if (doc == NULL)
		return src.nomem ? PACTUM_ENOMEM : PACTUM_EINPUT;
	root = xmlDocGetRootElement(doc);
	if (root == NULL || !in_namespace(root, DEAL_NS) ||
	    strcmp((const char *)root->name, "deal") != 0) {
		pactum_pos pos = { path, 0, 0 };

		error_at(&src, &pos,
			 _("not deal data: the root must be <deal xmlns=\"%s\">"),
			 DEAL_NS);
		goto done;
	}
	position(&src, root);
	for (x = root->children; x && !src.nomem; x = x->next) {
		pactum_pos pos;
		xmlChar *attr;

		if (x->type != XML_ELEMENT_NODE)
			continue;
		pos = position(&src, x);
		if (!in_namespace(x, DEAL_NS)) {
			error_at(&src, &pos, _("unknown element <%s>"),
				 (const char *)x->name);
			continue;
		}
		if (strcmp((const char *)x->name, "value") == 0) {
			attr = xmlGetNoNsProp(x, (const xmlChar *)"name");
			if (attr == NULL)
				error_at(&src, &pos, "%s",
					 _("<value> needs a name"));
			else
				set_value(&src, data, (const char *)attr, x,
					  &pos);
			xmlFree(attr);
		} else if (strcmp((const char *)x->name, "party") == 0) {
			attr = xmlGetNoNsProp(x, (const xmlChar *)"id");
			if (attr == NULL) {
				error_at(&src, &pos, "%s",
					 _("<party> needs an id"));
				continue;
			}
			for (f = x->children; f && !src.nomem; f = f->next) {
				pactum_pos fpos;

				if (f->type != XML_ELEMENT_NODE)
					continue;
				fpos = position(&src, f);
				if (!in_namespace(f, DEAL_NS) ||
				    snprintf(name, sizeof(name), "%s.%s",
					     (const char *)attr,
					     (const char *)f->name) >=
					    (int)sizeof(name)) {
					error_at(&src, &fpos,
						 _("unknown element <%s>"),
						 (const char *)f->name);
					continue;
				}
				set_value(&src, data, name, f, &fpos);
			}
			xmlFree(attr);
		} else {
			error_at(&src, &pos,
				 _("unknown element <%s> (deal data holds "
				   "<value> and <party>)"),
				 (const char *)x->name);
		}
	}
done:
	xmlFreeDoc(doc);
	if (src.nomem)
		return PACTUM_ENOMEM;
	return src.errors ? PACTUM_EINPUT : PACTUM_OK;
}

static const char *const suffixes[] = { "xml", NULL };

PACTUM_PLUGIN_DEFINE = {
	.abi_major = PACTUM_PLUGIN_ABI_MAJOR,
	.abi_minor = PACTUM_PLUGIN_ABI_MINOR,
	.kind = PACTUM_PLUGIN_READER,
	.name = "xml",
	.version = VERSION,
	.description = "agreement models and deal data in pactum's XML",
	.suffixes = suffixes,
	.read_model = read_model,
	.read_data = read_data,
};
