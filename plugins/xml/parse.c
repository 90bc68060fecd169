/*
 * Parsing untrusted XML.  Models come from other people, so the parser is
 * boxed in (libxml2 2.9.14 facts, see the README): no DOCTYPE at all, no
 * external entities, no network, no XInclude, no huge-input mode, input
 * read by the core with a size cap and parsed from memory as UTF-8,
 * attribute counts capped before parsing, parser warnings treated as
 * errors.
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

static void on_error(void *data, xmlErrorPtr err)
{
	xmlParserCtxtPtr ctxt = data;
	struct source *src = ctxt->_private;
	pactum_pos pos = { src->path, (uint32_t)(err->line > 0 ? err->line : 0),
			   (uint32_t)(err->int2 > 0 ? err->int2 : 0) };
	char message[512];

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
	if (strstr(err->message, "Excessive depth") != NULL) {
		/* libxml2 stops at 256 and names an option we never pass */
		xml_error_at(src, &pos, _("elements nested deeper than %d"),
			     MAX_DEPTH);
		xmlStopParser(ctxt);
		return;
	}
	one_line(message, sizeof(message), err->message);
	xml_error_at(src, &pos, "%s", message);
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

/* ------------------------------------------------------ before parsing */

/* Where the scan is: line and column (in characters) of byte i. */
struct cursor {
	const char *p;
	size_t len, i;
	uint32_t line, col;
};

static void advance(struct cursor *c, size_t n)
{
	for (; n > 0 && c->i < c->len; n--, c->i++) {
		if (c->p[c->i] == '\n') {
			c->line++;
			c->col = 1;
		} else if (((unsigned char)c->p[c->i] & 0xc0) != 0x80) {
			c->col++;
		}
	}
}

static int starts(const struct cursor *c, const char *s)
{
	size_t n = strlen(s);

	return c->len - c->i >= n && memcmp(c->p + c->i, s, n) == 0;
}

/* Skip to just after the end marker; 0 when the input ends first. */
static int skip_past(struct cursor *c, const char *end)
{
	while (c->i < c->len && !starts(c, end))
		advance(c, 1);
	if (c->i == c->len)
		return 0;
	advance(c, strlen(end));
	return 1;
}

static void prescan_error(struct source *src, const struct cursor *c,
			  const char *fmt, ...) PACTUM_PRINTF(3, 4);

static void prescan_error(struct source *src, const struct cursor *c,
			  const char *fmt, ...)
{
	pactum_pos pos = { src->path, c->line, c->col };
	va_list ap;

	src->errors++;
	va_start(ap, fmt);
	if (pactum_diag_vreport(src->diag, PACTUM_ERROR, &pos, fmt, ap) !=
	    PACTUM_OK)
		src->nomem = 1;
	va_end(ap);
}

/* The encoding the XML declaration names, if any, into name (at most
 * size - 1 bytes; longer names are cut, and refused all the same). */
static int declared_encoding(char *name, size_t size, const char *p,
			     size_t len)
{
	const char *end, *e;
	size_t n;
	char q;

	if (len < 6 || memcmp(p, "<?xml", 5) != 0)
		return 0;
	end = memchr(p, '>', len);
	if (end == NULL)
		return 0;
	for (e = p; e + 8 < end && memcmp(e, "encoding", 8) != 0; e++)
		;
	if (e + 8 >= end)
		return 0;
	for (e += 8; e < end && (*e == ' ' || *e == '='); e++)
		;
	if (e >= end || (*e != '"' && *e != '\''))
		return 0;
	q = *e++;
	for (n = 0; e + n < end && e[n] != q; n++)
		;
	if (n >= size)
		n = size - 1;
	memcpy(name, e, n);
	name[n] = '\0';
	return 1;
}

/*
 * Before libxml2 sees the bytes, one linear pass refuses what it would
 * report misleadingly or handle in super-linear time:
 *  - UTF-16 and EBCDIC (libxml2 says "Document is empty" under forced
 *    UTF-8), NUL bytes and malformed UTF-8 (a two-line message), each with
 *    line and column;
 *  - a declared encoding other than UTF-8, which forcing UTF-8 would
 *    override without a word;
 *  - start tags with more than MAX_SCANNED_ATTRS attributes: libxml2
 *    2.9.14 checks them for duplicates in quadratic time.  Each '=' outside
 *    quoted values in a tag starts one; comments, CDATA sections and
 *    processing instructions are skipped, so neither a '>' inside a value
 *    nor a line of '=' in a comment misleads the count.
 * Returns nonzero after reporting.
 */
#define MAX_SCANNED_ATTRS (2 * MAX_ATTRS)
/* Each element costs libxml2 and the core a few hundred bytes: without a
 * cap, 64 MiB of "<em/>" would take 6 GB.  Ten times the largest
 * agreement anyone writes. */
#define MAX_ELEMENTS 1000000ul

static int prescan(struct source *src)
{
	const unsigned char *u = (const unsigned char *)src->bytes;
	struct cursor c = { src->bytes, src->len, 0, 1, 1 };
	char enc[64];
	unsigned eq;
	unsigned long elements = 0;

	if (src->len >= 2 && ((u[0] == 0xfe && u[1] == 0xff) ||
			      (u[0] == 0xff && u[1] == 0xfe))) {
		prescan_error(src, &c, "%s",
			      _("the file is UTF-16; pactum reads UTF-8 only "
				"(convert it: iconv -f UTF-16 -t UTF-8)"));
		return 1;
	}
	if (src->len >= 4 && memcmp(u, "\x4c\x6f\xa7\x94", 4) == 0) {
		prescan_error(src, &c, "%s",
			      _("the file is EBCDIC; pactum reads UTF-8 only"));
		return 1;
	}
	if (declared_encoding(enc, sizeof(enc), src->bytes, src->len) &&
	    !pactum_ascii_caseeq(enc, "UTF-8")) {
		prescan_error(src, &c,
			      _("the file declares encoding=\"%s\"; pactum "
				"reads UTF-8 only (convert it with iconv and "
				"declare UTF-8)"),
			      enc);
		return 1;
	}
	while (c.i < c.len) {
		unsigned char b = u[c.i];
		int n = (int)(c.len - c.i > 4 ? 4 : c.len - c.i);

		if (b == 0) {
			prescan_error(src, &c, "%s",
				      _("a NUL byte: not a UTF-8 text file (UTF-16?)"));
			return 1;
		}
		if (b >= 0x80) {
			if (xmlGetUTF8Char(u + c.i, &n) < 0) {
				prescan_error(src, &c,
					      _("byte 0x%02X is not UTF-8; "
						"pactum reads UTF-8 only"),
					      b);
				return 1;
			}
			advance(&c, (size_t)n);
			continue;
		}
		if (b != '<') {
			advance(&c, 1);
			continue;
		}
		if (starts(&c, "<!--") || starts(&c, "<?") ||
		    starts(&c, "<![CDATA[")) {
			const char *end = starts(&c, "<!--") ? "-->"
					  : starts(&c, "<?") ? "?>"
							     : "]]>";

			advance(&c, 2);
			if (!skip_past(&c, end))
				return 0; /* libxml2 reports the unclosed markup */
			continue;
		}
		if (c.i + 1 < c.len && c.p[c.i + 1] != '/' &&
		    ++elements > MAX_ELEMENTS) {
			prescan_error(src, &c,
				      _("more than %lu elements (pactum's limit)"),
				      MAX_ELEMENTS);
			return 1;
		}
		/* a tag: count what starts attributes, skipping values */
		{
			struct cursor tag = c;

			for (eq = 0, advance(&c, 1); c.i < c.len && u[c.i] != '>';) {
				if (u[c.i] == '"' || u[c.i] == '\'') {
					char q[2] = { (char)u[c.i], '\0' };

					advance(&c, 1);
					if (!skip_past(&c, q))
						return 0;
					continue;
				}
				if (u[c.i] == '=' && ++eq > MAX_SCANNED_ATTRS) {
					prescan_error(src, &tag,
						      _("an element with more than "
							"%d attributes"),
						      MAX_ATTRS);
					return 1;
				}
				if (u[c.i] == '<' || u[c.i] == 0)
					break; /* malformed: libxml2 says so */
				advance(&c, 1);
			}
		}
	}
	return 0;
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

xmlDocPtr xml_parse(struct source *src)
{
	const int options = XML_PARSE_NONET | XML_PARSE_NOCDATA;
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc = NULL;

	pactum_pos pos = { src->path, 0, 0 };

	if (src->len > (size_t)INT_MAX) {
		xml_error_at(src, &pos, "%s", _("file too large"));
		return NULL;
	}
	if (prescan(src))
		return NULL;
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
	if (doc != NULL && (src->errors || src->nomem)) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	return doc;
}

