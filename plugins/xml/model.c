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
		if (strcmp((const char *)name, containers[i].name) == 0)
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

static int all_space(const xmlChar *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

static void build(struct source *src, pactum_model *model,
		  pactum_node *parent, pactum_node_kind in, xmlNodePtr x);

/* x's attributes onto node (NULL: a container, which has none). */
static void build_attrs(struct source *src, pactum_model *model,
			pactum_node *node, xmlNodePtr x, const pactum_pos *pos)
{
	unsigned nattrs = 0;
	pactum_attr attr;
	xmlAttrPtr a;
	xmlChar *value;

	for (a = x->properties; a && !src->nomem; a = a->next) {
		if (++nattrs > MAX_ATTRS) {
			xml_error_at(src, pos, _("<%s> has more than %d attributes"),
				     (const char *)x->name, MAX_ATTRS);
			return;
		}
		attr = a->ns ? PACTUM_ATTR_COUNT_
			     : pactum_attr_lookup((const char *)a->name);
		if (node == NULL || attr == PACTUM_ATTR_COUNT_) {
			xml_error_at(src, pos, _("<%s> has no attribute \"%s\""),
				     (const char *)x->name,
				     (const char *)a->name);
			continue;
		}
		/* Whether this kind may have it is the core's to say. */
		value = xmlNodeGetContent((xmlNodePtr)a);
		if (value == NULL ||
		    pactum_node_set_attr(model, node, attr, (const char *)value,
					 strlen((const char *)value)) != PACTUM_OK)
			src->nomem = 1;
		xmlFree(value);
	}
}

/* x as a child of parent, a node of kind in (0: the agreement's
 * container, or no parent at all).  The recursion is as deep as the
 * elements, which the scanner keeps within MAX_DEPTH. */
static void build_element(struct source *src, pactum_model *model,
			  pactum_node *parent, pactum_node_kind in,
			  xmlNodePtr x)
{
	pactum_pos pos = xml_position(src, x);
	const struct container *box = find_container(x->name), *outer;
	pactum_node_kind kind = pactum_node_kind_lookup((const char *)x->name);
	pactum_node *node = parent;

	if (!xml_in_namespace(x, MODEL_NS) || (box == NULL && kind == 0)) {
		xml_error_at(src, &pos,
			 _("unknown element <%s> (models use the namespace "
			   "%s)"),
			 (const char *)x->name, MODEL_NS);
		return;
	}
	outer = x->parent && x->parent->type == XML_ELEMENT_NODE
			? find_container(x->parent->name)
			: NULL;
	if (outer && !listed(outer->holds, (const char *)x->name)) {
		xml_error_at(src, &pos, _("<%s> is not allowed in <%s>"),
			     (const char *)x->name, outer->name);
		return;
	}
	if (box && !box->is_node && in != PACTUM_NODE_AGREEMENT) {
		xml_error_at(src, &pos, _("<%s> is not allowed in <%s>"),
			     (const char *)x->name,
			     (const char *)x->parent->name);
		return;
	}
	if (box == NULL || box->is_node) {
		node = pactum_node_append(model, parent, kind, pos.line,
					  pos.col);
		if (node == NULL) {
			src->nomem = 1;
			return;
		}
	}
	build_attrs(src, model, box && !box->is_node ? NULL : node, x, &pos);
	build(src, model, node, box && !box->is_node ? 0 : kind, x->children);
}

/* Text goes to the node it is in; the core says whether that kind holds
 * text.  White space between elements of a node that holds none is
 * layout, and is dropped here. */
static void build(struct source *src, pactum_model *model,
		  pactum_node *parent, pactum_node_kind in, xmlNodePtr x)
{
	int text_ok = pactum_node_kind_holds_text(in);

	for (; x && !src->nomem; x = x->next) {
		switch (x->type) {
		case XML_ELEMENT_NODE:
			build_element(src, model, parent, in, x);
			break;
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			if (!text_ok && all_space(x->content))
				break;
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
	    (strcmp((const char *)root->name, "agreement") != 0 &&
	     strcmp((const char *)root->name, "library") != 0)) {
		pactum_pos pos = { path, root ? (uint32_t)xmlGetLineNo(root) : 0,
				   0 };

		xml_error_at(&src, &pos,
			 _("not an agreement model: the root must be "
			   "<agreement xmlns=\"%s\"> (or <library> for a "
			   "clause library)"),
			 MODEL_NS);
	} else {
		build_element(&src, model, NULL, 0, root);
	}
	xmlFreeDoc(doc);
	if (src.nomem)
		return PACTUM_ENOMEM;
	return src.errors ? PACTUM_EINPUT : PACTUM_OK;
}

