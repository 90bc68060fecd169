/*
 * Parsing untrusted XML.  Models come from other people, so the parser is
 * boxed in (libxml2 2.9.14 facts, see the README): no DOCTYPE at all, no
 * external entities, no network, no XInclude, no huge-input mode, input
 * read by the core with a size cap and parsed from memory as UTF-8,
 * attribute counts capped before parsing, parser warnings treated as
 * errors; then the document is validated against the embedded schema.
 */
#include "config.h"

#include <pthread.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>

#include "xml.h"

/* ------------------------------------------------------ positions ---- */

/* libxml2 keeps no columns on nodes: find each start tag in the source,
 * in document order, from a cursor that only moves forward, counting
 * lines on the way, so all positions of a file cost one pass. */
pactum_pos xml_position(struct source *src, xmlNodePtr node)
{
	pactum_pos pos = { src->path, 0, 0 };
	const char *name = (const char *)node->name;
	const char *prefix = node->ns ? (const char *)node->ns->prefix : NULL;
	size_t nlen = strlen(name), plen = prefix ? strlen(prefix) : 0;
	size_t i, j, tag = 1 + (prefix ? plen + 1 : 0);

	pos.line = (uint32_t)xmlGetLineNo(node);
	if (node->type != XML_ELEMENT_NODE || src->lost)
		return pos;
	for (i = src->cursor; i + tag + nlen < src->len; i++) {
		const char *p = src->bytes + i;
		char after;

		if (p[0] != '<' ||
		    (prefix && (memcmp(p + 1, prefix, plen) != 0 ||
				p[1 + plen] != ':')) ||
		    memcmp(p + tag, name, nlen) != 0)
			continue;
		after = p[tag + nlen];
		if (after == ' ' || after == '>' || after == '/' ||
		    after == '\t' || after == '\n' || after == '\r')
			break;
	}
	if (i + tag + nlen >= src->len) {
		/* out of step (a tag inside a comment, say): stop looking, or
		 * every later element would scan to the end */
		src->lost = 1;
		return pos;
	}
	src->cursor = i + 1;
	if (src->line == 0)
		src->line = src->col = 1;
	for (j = src->counted; j < i; j++) {
		if (src->bytes[j] == '\n') {
			src->line++;
			src->col = 1;
		} else if (((unsigned char)src->bytes[j] & 0xc0) != 0x80) {
			src->col++;
		}
	}
	src->counted = i;
	pos.line = src->line;
	pos.col = src->col;
	return pos;
}

void xml_error_at(struct source *src, const pactum_pos *pos,
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

int xml_in_namespace(xmlNodePtr n, const char *ns)
{
	return n->ns && n->ns->href && strcmp((const char *)n->ns->href, ns) == 0;
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
	xml_error_at(src, &pos, "%.*s", (int)len,
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
	xml_error_at(src, &pos, "%s",
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

/*
 * libxml2 2.9.14 checks attribute names for duplicates in quadratic time
 * (40,000 attributes on one element take 2 s), so count before parsing:
 * every '=' between '<' and '>' may start an attribute.  Generous, and
 * never too few.  Returns the line of the first offending tag, or 0.
 */
static uint32_t too_many_attributes(const char *p, size_t len)
{
	uint32_t line = 1, tag_line = 0;
	unsigned eq = 0;
	int in_tag = 0;
	size_t i;

	for (i = 0; i < len; i++) {
		switch (p[i]) {
		case '\n':
			line++;
			break;
		case '<':
			in_tag = 1;
			tag_line = line;
			eq = 0;
			break;
		case '>':
			in_tag = 0;
			break;
		case '=':
			if (in_tag && ++eq > 4 * MAX_ATTRS)
				return tag_line;
			break;
		default:
			break;
		}
	}
	return 0;
}

/* The column of the first "<name" on line, or 0. */
static uint32_t column_on_line(const struct source *src, uint32_t line,
			       const char *name)
{
	size_t i = 0, nlen = strlen(name);
	uint32_t l = 1, col = 1;

	while (i < src->len && l < line)
		if (src->bytes[i++] == '\n')
			l++;
	for (; i + nlen < src->len && src->bytes[i] != '\n'; i++) {
		if (src->bytes[i] == '<' &&
		    memcmp(src->bytes + i + 1, name, nlen) == 0)
			return col;
		if (((unsigned char)src->bytes[i] & 0xc0) != 0x80)
			col++;
	}
	return 0;
}

struct validation {
	struct source *src;
	xmlNodePtr reported[32]; /* nodes already reported */
	unsigned nreported;
};

/* libxml2 reports a misplaced element again on every ancestor it
 * backtracks through ("Did not expect element clause there"); one report
 * per place is enough. */
static int is_echo(const struct validation *v, xmlNodePtr node,
		   const char *message)
{
	unsigned i;
	xmlNodePtr n;

	if (strncmp(message, "Did not expect element", 22) != 0 &&
	    strncmp(message, "Expecting element", 17) != 0 &&
	    strstr(message, "has extra content") == NULL)
		return 0;
	for (i = 0; i < v->nreported; i++)
		for (n = v->reported[i]; n; n = n->parent)
			if (n == node)
				return 1;
	return 0;
}

static void on_invalid(void *data, xmlErrorPtr err)
{
	struct validation *v = data;
	xmlNodePtr node = err->node;
	pactum_pos pos = { v->src->path,
			   (uint32_t)(err->line > 0 ? err->line : 0), 0 };
	size_t len = err->message ? strlen(err->message) : 0;

	/* Summaries after each real error say nothing new. */
	if (err->message == NULL ||
	    strstr(err->message, "failed to validate") != NULL ||
	    (node != NULL && is_echo(v, node, err->message)))
		return;
	while (len && err->message[len - 1] == '\n')
		len--;
	if (node != NULL && node->type == XML_ELEMENT_NODE) {
		if (v->nreported < sizeof(v->reported) / sizeof(v->reported[0]))
			v->reported[v->nreported++] = node;
		pos.col = column_on_line(v->src, pos.line,
					 (const char *)node->name);
		xml_error_at(v->src, &pos, "<%s>: %.*s",
			     (const char *)node->name, (int)len, err->message);
	} else {
		xml_error_at(v->src, &pos, "%.*s", (int)len, err->message);
	}
}

/* Validate doc against the RELAX NG schema; reports every violation. */
static void validate(struct source *src, xmlDocPtr doc, const char *schema)
{
	xmlRelaxNGParserCtxtPtr pctxt = NULL;
	xmlRelaxNGValidCtxtPtr vctxt = NULL;
	xmlRelaxNGPtr rng = NULL;
	struct validation v;

	v.src = src;
	v.nreported = 0;
	pctxt = xmlRelaxNGNewMemParserCtxt(schema, (int)strlen(schema));
	if (pctxt != NULL)
		rng = xmlRelaxNGParse(pctxt);
	if (rng != NULL)
		vctxt = xmlRelaxNGNewValidCtxt(rng);
	if (vctxt == NULL) {
		src->nomem = 1; /* the embedded schema is known to be good */
		goto cleanup;
	}
	xmlRelaxNGSetValidStructuredErrors(vctxt, on_invalid, &v);
	if (xmlRelaxNGValidateDoc(vctxt, doc) != 0 && src->errors == 0) {
		pactum_pos pos = { src->path, 0, 0 };

		xml_error_at(src, &pos, "%s",
			     _("does not match the schema"));
	}
cleanup:
	xmlRelaxNGFreeValidCtxt(vctxt);
	xmlRelaxNGFree(rng);
	xmlRelaxNGFreeParserCtxt(pctxt);
}

/*
 * Once per process, before any thread parses: libxml2's globals.  The
 * entity loader is process-wide in libxml2, so it is set once and never
 * restored; swapping it around each parse would let a parallel parse run
 * with the permissive default.
 */
static pthread_once_t setup_once = PTHREAD_ONCE_INIT;

static void setup(void)
{
	xmlInitParser();
	xmlSetExternalEntityLoader(refuse_entity);
}

xmlDocPtr xml_parse(struct source *src, const char *schema)
{
	const int options = XML_PARSE_NONET | XML_PARSE_NOCDATA;
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc = NULL;

	pactum_pos pos = { src->path, 0, 0 };

	if (src->len > (size_t)INT_MAX) {
		xml_error_at(src, &pos, "%s", _("file too large"));
		return NULL;
	}
	pos.line = too_many_attributes(src->bytes, src->len);
	if (pos.line != 0) {
		xml_error_at(src, &pos, _("an element with more than %d "
					  "attributes"),
			     MAX_ATTRS);
		return NULL;
	}
	pthread_once(&setup_once, setup);
	ctxt = xmlNewParserCtxt();
	if (ctxt == NULL) {
		src->nomem = 1;
		return NULL;
	}
	ctxt->_private = src;
	ctxt->sax->serror = on_error;
	ctxt->sax->internalSubset = on_doctype;
	ctxt->sax->externalSubset = on_doctype;
	/* "UTF-8" overrides whatever encoding the file declares. */
	doc = xmlCtxtReadMemory(ctxt, src->bytes, (int)src->len, src->path,
				"UTF-8", options);
	if (doc != NULL && !src->errors &&
	    (!ctxt->wellFormed || doc->intSubset || doc->extSubset))
		xml_error_at(src, &pos, "%s", _("malformed XML"));
	else if (doc == NULL && !src->errors)
		xml_error_at(src, &pos, "%s", _("cannot parse"));
	xmlFreeParserCtxt(ctxt);
	if (doc != NULL && !src->errors)
		validate(src, doc, schema);
	if (doc != NULL && (src->errors || src->nomem)) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	return doc;
}

