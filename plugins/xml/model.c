/* Agreement models (urn:pactum:model:1) into the core's model tree. */
#include "config.h"

#include <string.h>

#include "xml.h"

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
	/* For the root and the containers, which have no node of their own
	 * (or only one for many of theirs): the elements they hold, in
	 * order.  The core checks every node's content itself. */
	const char *holds;
	pactum_attr attrs[6];
	const char *attr_names[6];
	unsigned nattrs;
};

static const struct element elements[] = {
	{ "agreement", PACTUM_NODE_AGREEMENT, BLOCK,
	  "note title parties parameters terms body",
	  { PACTUM_ATTR_ID, PACTUM_ATTR_VERSION, PACTUM_ATTR_DOMAIN,
	    PACTUM_ATTR_SOURCE_LANG, PACTUM_ATTR_PREVAILING },
	  { "id", "version", "domain", "source-lang", "prevailing" }, 5 },
	{ "title", PACTUM_NODE_TITLE, TEXT, NULL, { 0 }, { 0 }, 0 },
	{ "parties", 0, CONTAINER, "party", { 0 }, { 0 }, 0 },
	{ "party", PACTUM_NODE_PARTY, BLOCK, NULL, { PACTUM_ATTR_ID }, { "id" }, 1 },
	{ "role", PACTUM_NODE_ROLE, TEXT, NULL, { 0 }, { 0 }, 0 },
	{ "parameters", 0, CONTAINER, "param", { 0 }, { 0 }, 0 },
	{ "param", PACTUM_NODE_PARAM, BLOCK, NULL,
	  { PACTUM_ATTR_ID, PACTUM_ATTR_TYPE, PACTUM_ATTR_REQUIRED,
	    PACTUM_ATTR_DEFAULT, PACTUM_ATTR_MIN, PACTUM_ATTR_MAX },
	  { "id", "type", "required", "default", "min", "max" }, 6 },
	{ "choice", PACTUM_NODE_CHOICE, BLOCK, NULL, { PACTUM_ATTR_VALUE },
	  { "value" }, 1 },
	{ "label", PACTUM_NODE_LABEL, TEXT, NULL, { 0 }, { 0 }, 0 },
	{ "terms", 0, CONTAINER, "term", { 0 }, { 0 }, 0 },
	{ "term", PACTUM_NODE_TERM, BLOCK, NULL, { PACTUM_ATTR_ID, PACTUM_ATTR_IF },
	  { "id", "if" }, 2 },
	{ "name", PACTUM_NODE_NAME, TEXT, NULL, { 0 }, { 0 }, 0 },
	{ "definition", PACTUM_NODE_DEFINITION, TEXT, NULL, { 0 }, { 0 }, 0 },
	{ "body", 0, CONTAINER, "section choose", { 0 }, { 0 }, 0 },
	{ "section", PACTUM_NODE_SECTION, BLOCK, NULL,
	  { PACTUM_ATTR_ID, PACTUM_ATTR_IF }, { "id", "if" }, 2 },
	{ "clause", PACTUM_NODE_CLAUSE, BLOCK, NULL,
	  { PACTUM_ATTR_ID, PACTUM_ATTR_IF }, { "id", "if" }, 2 },
	{ "p", PACTUM_NODE_PARAGRAPH, TEXT, NULL,
	  { PACTUM_ATTR_ID, PACTUM_ATTR_IF }, { "id", "if" }, 2 },
	{ "list", PACTUM_NODE_LIST, BLOCK, NULL,
	  { PACTUM_ATTR_ID, PACTUM_ATTR_IF, PACTUM_ATTR_ORDERED },
	  { "id", "if", "ordered" }, 3 },
	{ "item", PACTUM_NODE_ITEM, TEXT, NULL,
	  { PACTUM_ATTR_ID, PACTUM_ATTR_IF }, { "id", "if" }, 2 },
	{ "choose", PACTUM_NODE_CHOOSE, BLOCK, NULL, { 0 }, { 0 }, 0 },
	{ "when", PACTUM_NODE_WHEN, BLOCK, NULL,
	  { PACTUM_ATTR_ID, PACTUM_ATTR_IF }, { "id", "if" }, 2 },
	{ "otherwise", PACTUM_NODE_OTHERWISE, BLOCK, NULL, { 0 }, { 0 }, 0 },
	{ "note", PACTUM_NODE_NOTE, TEXT, NULL, { 0 }, { 0 }, 0 },
	{ "one", PACTUM_NODE_ONE, TEXT, NULL, { 0 }, { 0 }, 0 },
	{ "var", PACTUM_NODE_VAR, TEXT, NULL, { PACTUM_ATTR_NAME }, { "name" }, 1 },
	{ "field", PACTUM_NODE_FIELD, TEXT, NULL,
	  { PACTUM_ATTR_PARTY, PACTUM_ATTR_NAME }, { "party", "name" }, 2 },
	{ "party-ref", PACTUM_NODE_PARTY_REF, TEXT, NULL, { PACTUM_ATTR_REF },
	  { "ref" }, 1 },
	{ "term-ref", PACTUM_NODE_TERM_REF, TEXT, NULL, { PACTUM_ATTR_REF },
	  { "ref" }, 1 },
	{ "xref", PACTUM_NODE_XREF, TEXT, NULL, { PACTUM_ATTR_REF }, { "ref" }, 1 },
	{ "em", PACTUM_NODE_EMPHASIS, TEXT, NULL, { 0 }, { 0 }, 0 },
};

static const struct element *find_element(const xmlChar *name)
{
	size_t i;

	for (i = 0; i < sizeof(elements) / sizeof(elements[0]); i++)
		if (strcmp((const char *)name, elements[i].name) == 0)
			return &elements[i];
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
	pactum_pos pos = xml_position(src, x);
	const struct element *e = find_element(x->name);
	pactum_node *node = parent;
	unsigned nattrs = 0, i;
	xmlAttrPtr a;

	if (!xml_in_namespace(x, MODEL_NS) || e == NULL) {
		xml_error_at(src, &pos,
			 _("unknown element <%s> (models use the namespace "
			   "%s)"),
			 (const char *)x->name, MODEL_NS);
		return;
	}
	if (x->parent && x->parent->type == XML_ELEMENT_NODE) {
		const struct element *pe = find_element(x->parent->name);

		if (pe && pe->holds && !listed(pe->holds, e->name)) {
			xml_error_at(src, &pos, _("<%s> is not allowed in <%s>"),
				     e->name, pe->name);
			return;
		}
	}
	if (depth > MAX_DEPTH) {
		xml_error_at(src, &pos, _("elements nested deeper than %d"),
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
			xml_error_at(src, &pos, _("<%s> has more than %d attributes"),
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
			xml_error_at(src, &pos, _("<%s> has no attribute \"%s\""),
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

					xml_error_at(src, &pos, "%s",
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

			xml_error_at(src, &pos, "%s",
				 _("entity references are not allowed"));
			break;
		}
		default:
			break; /* comments, processing instructions */
		}
	}
}

int xml_read_model(pactum_model *model, const char *path,
		      const char *bytes, size_t len, pactum_diag *diag)
{
	struct source src = { .path = path, .bytes = bytes, .len = len,
			       .diag = diag };
	xmlDocPtr doc = xml_parse(&src);
	xmlNodePtr root;

	if (doc == NULL)
		return src.nomem ? PACTUM_ENOMEM : PACTUM_EINPUT;
	root = xmlDocGetRootElement(doc);
	if (root == NULL || !xml_in_namespace(root, MODEL_NS) ||
	    strcmp((const char *)root->name, "agreement") != 0) {
		pactum_pos pos = { path, root ? (uint32_t)xmlGetLineNo(root) : 0,
				   0 };

		xml_error_at(&src, &pos,
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

