/*
 * Parsing untrusted XML.  Models come from other people, so the parser is
 * boxed in (libxml2 2.9.14 facts, see the README): no DOCTYPE at all, no
 * external entities, no network, no XInclude, no huge-input mode, input
 * read by the core with a size cap and parsed from memory as UTF-8,
 * attribute and element counts capped before parsing (scan.c), parser
 * warnings treated as errors.  A file of many deals is streamed with the
 * same checks (stream.c).
 *
 * No RELAX NG validation here: libxml2's takes time quadratic in the
 * number of siblings (50,000 clauses: 3.8 s; xmllint alike), so the core
 * checks structure against its table of node kinds instead, in linear
 * time.  model.rng and deal.rng describe the same formats for editors and
 * jing, and a test checks that jing and pactum agree.
 */
#include "config.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlstring.h>

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
	if (src->stream) {
		/* the scanner's, or libxml2's line (capped at 65535, no
		 * column) where it has none */
		const struct xml_spot *spot = node->_private;

		if (node->type == XML_ELEMENT_NODE && spot != NULL) {
			pos.line = spot->line;
			pos.col = spot->col;
		}
		return pos;
	}
	if (node->type != XML_ELEMENT_NODE || src->lost)
		return pos;
	for (i = src->cursor; i + tag + nlen < src->len; i++) {
		const char *p = memchr(src->bytes + i, '<',
				       src->len - tag - nlen - i);
		char after;

		if (p == NULL) {
			i = src->len - tag - nlen;
			break;
		}
		i = (size_t)(p - src->bytes);
		if ((prefix && (memcmp(p + 1, prefix, plen) != 0 ||
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
	/* lines by memchr(); columns only on the last line, in characters */
	for (j = src->counted;; j++) {
		const char *nl = memchr(src->bytes + j, '\n', i - j);

		if (nl == NULL)
			break;
		j = (size_t)(nl - src->bytes);
		src->line++;
		src->col = 1;
		src->counted = j + 1;
	}
	for (j = src->counted; j < i; j++) {
		uint64_t w;

		/* ASCII eight bytes at a time: each byte a character */
		if (i - j >= 8) {
			memcpy(&w, src->bytes + j, 8);
			if ((w & 0x8080808080808080ull) == 0) {
				src->col += 8;
				j += 7;
				continue;
			}
		}
		if (((unsigned char)src->bytes[j] & 0xc0) != 0x80)
			src->col++;
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

/* libxml2's message as one line: it ends some with a newline and puts
 * the offending bytes on a second line ("Bytes: 0x..."). */
static void one_line(char *buf, size_t size, const char *message)
{
	size_t i, n = 0;

	for (i = 0; message[i] && n + 1 < size; i++) {
		char ch = message[i] == '\n' || message[i] == '\r' ? ' '
								   : message[i];

		if (ch == ' ' && (n == 0 || buf[n - 1] == ' '))
			continue;
		buf[n++] = ch;
	}
	while (n > 0 && buf[n - 1] == ' ')
		n--;
	buf[n] = '\0';
}

void xml_report_error(struct source *src, xmlParserCtxtPtr ctxt,
		      xmlErrorPtr err)
{
	pactum_pos pos = { src->path, (uint32_t)(err->line > 0 ? err->line : 0),
			   (uint32_t)(err->int2 > 0 ? err->int2 : 0) };
	char message[512];

	src->malformed = 1;
	/* Warnings too: an undeclared entity, say, is only a warning. */
	if (err->message == NULL) {
		xml_error_at(src, &pos, "%s", _("malformed XML"));
		return;
	}
	if (strstr(err->message, "Huge input lookup") != NULL ||
	    strstr(err->message, "length too long") != NULL) {
		xml_error_at(src, &pos,
			     _("a text or attribute value longer than %d bytes "
			       "(libxml2's limit)"),
			     XML_MAX_TEXT_LENGTH);
		xmlStopParser(ctxt);
		return;
	}
	one_line(message, sizeof(message), err->message);
	xml_error_at(src, &pos, "%s", message);
}

static void on_error(void *data, xmlErrorPtr err)
{
	xmlParserCtxtPtr ctxt = data;

	xml_report_error(ctxt->_private, ctxt, err);
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
	src->malformed = 1;
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

void xml_setup(void)
{
	pthread_once(&setup_once, setup);
}

pactum_pos xml_next_position(struct source *src, uint32_t line)
{
	pactum_pos pos = { src->path, line, 0 };
	const struct xml_spot *spot =
		src->scan ? xml_scan_next_spot(src->scan) : NULL;

	if (spot != NULL) {
		pos.line = spot->line;
		pos.col = spot->col;
	}
	return pos;
}

/* Scan, then parse src->bytes; install (if not NULL) replaces libxml2's
 * tree building with a reader's own handlers, and the document returned
 * is then empty.  NULL after anything is reported. */
static xmlDocPtr parse(struct source *src, void (*install)(xmlSAXHandler *))
{
	const int options = XML_PARSE_NONET | XML_PARSE_NOCDATA;
	xmlParserCtxtPtr ctxt = NULL;
	xmlDocPtr doc = NULL;
	struct xml_scan scan;
	pactum_pos pos = { src->path, 0, 0 };

	if (src->len > (size_t)INT_MAX) {
		src->malformed = 1;
		xml_error_at(src, &pos, "%s", _("file too large"));
		return NULL;
	}
	/* a reader of SAX events has no nodes to find its elements from:
	 * the scanner keeps where each start tag is */
	xml_scan_init(&scan, src, install ? XML_SCAN_SPOTS : XML_SCAN_FILE);
	if (xml_scan_feed(&scan, src->bytes, src->len) || xml_scan_end(&scan)) {
		src->malformed = 1;
		goto cleanup;
	}
	xml_setup();
	ctxt = xmlNewParserCtxt();
	if (ctxt == NULL) {
		src->nomem = 1;
		goto cleanup;
	}
	ctxt->_private = src;
	ctxt->sax->serror = on_error;
	ctxt->sax->internalSubset = on_doctype;
	ctxt->sax->externalSubset = on_doctype;
	if (install != NULL) {
		install(ctxt->sax);
		src->scan = &scan;
	}
	/* The scan has refused every encoding but UTF-8 (a declared one,
	 * UTF-16, EBCDIC, malformed bytes), so libxml2 is left to find
	 * UTF-8 itself: an encoding named here puts the input through a
	 * converter, and libxml2 2.9.14 then stops with "Huge input lookup"
	 * somewhere past its first 10 MB, depending on the markup. */
	doc = xmlCtxtReadMemory(ctxt, src->bytes, (int)src->len, src->path,
				NULL, options);
	src->scan = NULL;
	if (doc != NULL && !src->errors && !src->nomem &&
	    (!ctxt->wellFormed || doc->intSubset || doc->extSubset)) {
		src->malformed = 1;
		xml_error_at(src, &pos, "%s", _("malformed XML"));
	} else if (doc == NULL && !src->errors && !src->nomem) {
		src->malformed = 1;
		xml_error_at(src, &pos, "%s", _("cannot parse"));
	}
	if (doc != NULL && (src->errors || src->nomem)) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
cleanup:
	if (ctxt != NULL)
		xmlFreeParserCtxt(ctxt);
	xml_scan_free(&scan);
	return doc;
}

xmlDocPtr xml_parse(struct source *src)
{
	return parse(src, NULL);
}

int xml_parse_events(struct source *src, void (*install)(xmlSAXHandler *))
{
	xmlDocPtr doc = parse(src, install);

	if (doc == NULL)
		return -1;
	xmlFreeDoc(doc);
	return 0;
}
