/* Deal data (urn:pactum:deal:1) into NAME=VALUE pairs. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "xml.h"

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
			pactum_pos pos = xml_position(src, c);

			xml_error_at(src, &pos, _("<%s> may hold only text"),
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

/* What deal.rng says of an element's own attributes and loose text,
 * checked here since no schema validates at run time: only the attributes
 * of allowed (space-separated), and no text but white space unless
 * text_ok. */
static void check_shape(struct source *src, xmlNodePtr x,
			const pactum_pos *pos, const char *allowed,
			int text_ok)
{
	xmlAttrPtr a;
	xmlNodePtr c;

	for (a = x->properties; a; a = a->next) {
		const char *name = (const char *)a->name;
		const char *hit = strstr(allowed, name);
		size_t n = strlen(name);

		if (a->ns == NULL && hit &&
		    (hit == allowed || hit[-1] == ' ') &&
		    (hit[n] == ' ' || hit[n] == '\0'))
			continue;
		xml_error_at(src, pos, _("<%s> has no attribute \"%s\""),
			     (const char *)x->name, name);
	}
	for (c = text_ok ? NULL : x->children; c; c = c->next) {
		const xmlChar *t = c->content;

		if (c->type != XML_TEXT_NODE && c->type != XML_CDATA_SECTION_NODE)
			continue;
		while (t && (*t == ' ' || *t == '\t' || *t == '\n' || *t == '\r'))
			t++;
		if (t && *t) {
			xml_error_at(src, pos, _("text is not allowed in <%s>"),
				     (const char *)x->name);
			return;
		}
	}
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

/* <signatory><name>...</name><function>...</function></signatory>, the
 * n-th of party: "party.signatory.n.name" and ".function". */
static void read_signatory(struct source *src, pactum_data *data,
			   const char *party, unsigned n, xmlNodePtr x,
			   const pactum_pos *pos)
{
	char name[200];
	xmlNodePtr f;

	check_shape(src, x, pos, "", 0);
	if (xmlFirstElementChild(x) == NULL)
		xml_error_at(src, pos, "%s",
			     _("<signatory> needs a <name> or a <function>"));
	for (f = x->children; f && !src->nomem; f = f->next) {
		pactum_pos fpos;

		if (f->type != XML_ELEMENT_NODE)
			continue;
		fpos = xml_position(src, f);
		if (!xml_in_namespace(f, DEAL_NS) ||
		    (strcmp((const char *)f->name, "name") != 0 &&
		     strcmp((const char *)f->name, "function") != 0)) {
			xml_error_at(src, &fpos,
				     _("unknown element <%s> (a <signatory> "
				       "holds <name> and <function>)"),
				     (const char *)f->name);
			continue;
		}
		check_shape(src, f, &fpos, "", 1);
		if (snprintf(name, sizeof(name), "%s.signatory.%u.%s", party, n,
			     (const char *)f->name) >= (int)sizeof(name)) {
			xml_error_at(src, &fpos, "%s", _("party id too long"));
			continue;
		}
		set_value(src, data, name, f, &fpos);
	}
}

/* <list name="products"><record><name>...</name>...</record>...</list>:
 * each record "products.N" (empty, where it stands) and its fields
 * "products.N.name". */
static void read_list(struct source *src, pactum_data *data, xmlNodePtr x,
		      const pactum_pos *pos)
{
	xmlChar *list = xmlGetNoNsProp(x, (const xmlChar *)"name");
	char name[240];
	unsigned n = 0;
	xmlNodePtr r, f;

	check_shape(src, x, pos, "name", 0);
	if (list == NULL) {
		xml_error_at(src, pos, "%s", _("<list> needs a name"));
		return;
	}
	for (r = x->children; r && !src->nomem; r = r->next) {
		pactum_pos rpos;

		if (r->type != XML_ELEMENT_NODE)
			continue;
		rpos = xml_position(src, r);
		if (!xml_in_namespace(r, DEAL_NS) ||
		    strcmp((const char *)r->name, "record") != 0) {
			xml_error_at(src, &rpos,
				     _("unknown element <%s> (a <list> holds "
				       "<record>s)"),
				     (const char *)r->name);
			continue;
		}
		check_shape(src, r, &rpos, "", 0);
		if (snprintf(name, sizeof(name), "%s.%u", (const char *)list,
			     ++n) >= (int)sizeof(name)) {
			xml_error_at(src, &rpos, "%s", _("list name too long"));
			break;
		}
		if (pactum_data_set(data, name, strlen(name), "", 0, &rpos) !=
		    PACTUM_OK)
			src->nomem = 1;
		for (f = r->children; f && !src->nomem; f = f->next) {
			pactum_pos fpos;

			if (f->type != XML_ELEMENT_NODE)
				continue;
			fpos = xml_position(src, f);
			if (!xml_in_namespace(f, DEAL_NS) ||
			    snprintf(name, sizeof(name), "%s.%u.%s",
				     (const char *)list, n,
				     (const char *)f->name) >= (int)sizeof(name)) {
				xml_error_at(src, &fpos, _("unknown element <%s>"),
					     (const char *)f->name);
				continue;
			}
			check_shape(src, f, &fpos, "", 1);
			set_value(src, data, name, f, &fpos);
		}
	}
	xmlFree(list);
}

void xml_read_deal(struct source *src, pactum_data *data, xmlNodePtr deal)
{
	xmlNodePtr x, f;
	unsigned signatories;
	char name[160];

	{
		pactum_pos rpos = xml_position(src, deal);

		check_shape(src, deal, &rpos, "model", 0);
	}
	for (x = deal->children; x && !src->nomem; x = x->next) {
		pactum_pos pos;
		xmlChar *attr;

		if (x->type != XML_ELEMENT_NODE)
			continue;
		pos = xml_position(src, x);
		if (!xml_in_namespace(x, DEAL_NS)) {
			xml_error_at(src, &pos, _("unknown element <%s>"),
				 (const char *)x->name);
			continue;
		}
		if (strcmp((const char *)x->name, "value") == 0) {
			check_shape(src, x, &pos, "name", 1);
			attr = xmlGetNoNsProp(x, (const xmlChar *)"name");
			if (attr == NULL)
				xml_error_at(src, &pos, "%s",
					 _("<value> needs a name"));
			else
				set_value(src, data, (const char *)attr, x,
					  &pos);
			xmlFree(attr);
		} else if (strcmp((const char *)x->name, "party") == 0) {
			check_shape(src, x, &pos, "id", 0);
			attr = xmlGetNoNsProp(x, (const xmlChar *)"id");
			if (attr == NULL) {
				xml_error_at(src, &pos, "%s",
					 _("<party> needs an id"));
				continue;
			}
			signatories = 0;
			for (f = x->children; f && !src->nomem; f = f->next) {
				pactum_pos fpos;

				if (f->type != XML_ELEMENT_NODE)
					continue;
				fpos = xml_position(src, f);
				if (xml_in_namespace(f, DEAL_NS) &&
				    strcmp((const char *)f->name,
					   "signatory") == 0) {
					read_signatory(src, data,
						       (const char *)attr,
						       ++signatories, f, &fpos);
					continue;
				}
				if (!xml_in_namespace(f, DEAL_NS) ||
				    snprintf(name, sizeof(name), "%s.%s",
					     (const char *)attr,
					     (const char *)f->name) >=
					    (int)sizeof(name)) {
					xml_error_at(src, &fpos,
						 _("unknown element <%s>"),
						 (const char *)f->name);
					continue;
				}
				check_shape(src, f, &fpos, "", 1);
				set_value(src, data, name, f, &fpos);
			}
			xmlFree(attr);
		} else if (strcmp((const char *)x->name, "list") == 0) {
			read_list(src, data, x, &pos);
		} else {
			xml_error_at(src, &pos,
				 _("unknown element <%s> (deal data holds "
				   "<value>, <party> and <list>)"),
				 (const char *)x->name);
		}
	}
}

int xml_read_data(pactum_data *data, const char *path, const char *bytes,
		     size_t len, pactum_diag *diag)
{
	struct source src = { .path = path, .bytes = bytes, .len = len,
			       .diag = diag };
	xmlDocPtr doc = xml_parse(&src);
	xmlNodePtr root;

	if (doc == NULL)
		return src.nomem ? PACTUM_ENOMEM : PACTUM_EINPUT;
	root = xmlDocGetRootElement(doc);
	if (root == NULL || !xml_in_namespace(root, DEAL_NS) ||
	    strcmp((const char *)root->name, "deal") != 0) {
		pactum_pos pos = { path, 0, 0 };

		xml_error_at(&src, &pos,
			 _("not deal data: the root must be <deal xmlns=\"%s\">"),
			 DEAL_NS);
	} else {
		xml_read_deal(&src, data, root);
	}
	xmlFreeDoc(doc);
	if (src.nomem)
		return PACTUM_ENOMEM;
	return src.errors ? PACTUM_EINPUT : PACTUM_OK;
}
