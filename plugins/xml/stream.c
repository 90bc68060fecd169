/*
 * A file of many deals, <deals xmlns="urn:pactum:deal:1"> holding <deal>s,
 * read as a stream: libxml2's xmlTextReader pulls the bytes through the
 * scanner (scan.c) as the core hands them over, each <deal> is expanded,
 * read by the code that reads a single deal file (deal.c), handed to the
 * program and freed before the next, so memory stays that of one deal.
 * A file whose root is <deal> is a stream of one.
 *
 * Positions come from the scanner, which saw every start tag before
 * libxml2 did: libxml2 keeps no column on a node and no line past 65535.
 * Text nodes have libxml2's line only (XML_PARSE_BIG_LINES), column 0.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/xmlreader.h>

#include "xml.h"

/* Bytes read, scanned and not yet given to libxml2: more than the
 * scanner's head, which it holds back until the encoding is judged. */
#define STREAM_BUF 16384

struct stream {
	pactum_deals *deals;
	struct source src;       /* the file's problems */
	struct xml_scan scan;
	char buf[STREAM_BUF];
	size_t have;             /* bytes in buf */
	unsigned long long given; /* to libxml2 so far */
	size_t chunk;            /* read at most this much at a time */
	int eof;
	int io_error;            /* the core reported a read error */
	int stopped;             /* a problem reported: libxml2's next
				  * messages are its consequences */
	int halt;                /* the program's status when it stopped */
};

/* libxml2's read callback: only bytes the scanner passed.  A refusal or
 * a read error ends the input here (0, not -1: libxml2 would report an
 * "I/O error" of its own, outside the reader's error handler, and keep
 * the deal before the refused bytes from completing). */
static int stream_read(void *ctx, char *out, int len)
{
	struct stream *st = ctx;

	for (;;) {
		unsigned long long released = xml_scan_released(&st->scan);
		size_t ready = 0, got = 0, room;

		if (released > st->given)
			ready = released - st->given < st->have
					? (size_t)(released - st->given)
					: st->have;
		if (ready > 0) {
			size_t n = ready < (size_t)len ? ready : (size_t)len;

			memcpy(out, st->buf, n);
			memmove(st->buf, st->buf + n, st->have - n);
			st->have -= n;
			st->given += n;
			return (int)n;
		}
		if (st->eof || st->io_error || st->scan.failed)
			return 0;
		room = sizeof(st->buf) - st->have;
		if (room > st->chunk)
			room = st->chunk;
		if (pactum_deals_read(&got, st->deals, st->buf + st->have,
				      room) != PACTUM_OK) {
			st->io_error = 1;
			st->stopped = 1;
			return 0;
		}
		if (got == 0) {
			st->eof = 1;
			if (xml_scan_end(&st->scan))
				st->stopped = 1;
			continue;
		}
		if (xml_scan_feed(&st->scan, st->buf + st->have, got))
			st->stopped = 1;
		st->have += got;
	}
}

/* Every message of libxml2 ends the stream, as it refuses a file read
 * whole: the deals complete before it were handed over. */
static void stream_error(void *arg, xmlErrorPtr err)
{
	struct stream *st = arg;
	xmlParserCtxtPtr ctxt = err->ctxt;

	if (!st->stopped && err->code == XML_ERR_DOCUMENT_END && st->eof &&
	    (st->scan.depth > 0 || !st->scan.root_seen)) {
		/* libxml2's push parser calls a file that breaks off "extra
		 * content at the end"; read whole, the same file is
		 * "premature end of data" */
		pactum_pos pos = { st->src.path,
				   (uint32_t)(err->line > 0 ? err->line : 0),
				   (uint32_t)(err->int2 > 0 ? err->int2 : 0) };

		if (!st->scan.root_seen)
			xml_error_at(&st->src, &pos, "%s",
				     _("no element: the file is empty"));
		else if (ctxt != NULL && ctxt->name != NULL)
			xml_error_at(&st->src, &pos,
				     _("the file ends inside <%s>: cut off?"),
				     (const char *)ctxt->name);
		else
			xml_error_at(&st->src, &pos, "%s",
				     _("the file ends inside an element: cut "
				       "off?"));
		st->stopped = 1;
	}
	if (!st->stopped)
		xml_report_error(&st->src, ctxt, err);
	st->stopped = 1;
	if (ctxt != NULL)
		xmlStopParser(ctxt);
}

/* The line of a text node's first visible character: libxml2 gives the
 * line where the text ends. */
static pactum_pos text_position(const struct source *src, xmlNodePtr x)
{
	pactum_pos pos = { src->path, (uint32_t)xmlGetLineNo(x), 0 };
	const xmlChar *t = x->content;

	while (t && (*t == ' ' || *t == '\t' || *t == '\n' || *t == '\r'))
		t++;
	for (; t && *t; t++)
		if (*t == '\n' && pos.line > 1)
			pos.line--;
	return pos;
}

/* The scanner's positions onto the elements of x's subtree, which are
 * the next start tags it saw, in document order. */
static void place(struct stream *st, xmlNodePtr x)
{
	xmlNodePtr n = x;

	for (;;) {
		if (n->type == XML_ELEMENT_NODE) {
			n->_private = (void *)xml_scan_next_spot(&st->scan);
			if (n->children != NULL) {
				n = n->children;
				continue;
			}
		}
		while (n != x && n->next == NULL)
			n = n->parent;
		if (n == x)
			return;
		n = n->next;
	}
}

/* The element the reader is on, whole, with positions; NULL after
 * reporting. */
static xmlNodePtr expand(struct stream *st, xmlTextReaderPtr reader)
{
	xmlNodePtr x = xmlTextReaderExpand(reader);

	if (x == NULL) {
		if (!st->stopped) {
			pactum_pos pos = { st->src.path, 0, 0 };

			xml_error_at(&st->src, &pos, "%s", _("malformed XML"));
			st->stopped = 1;
		}
		return NULL;
	}
	place(st, x);
	return x;
}

/* The deal the reader is on: read, handed over.  PACTUM_OK to read on. */
static int one_deal(struct stream *st, xmlTextReaderPtr reader)
{
	xmlNodePtr x = expand(st, reader);
	struct source deal = { .path = st->src.path, .stream = 1 };
	pactum_data *data;
	pactum_pos pos;
	int error;

	if (x == NULL)
		return PACTUM_EINPUT;
	pos = xml_position(&deal, x);
	error = pactum_deals_begin(&data, &deal.diag, st->deals, &pos);
	if (error == PACTUM_OK) {
		xml_read_deal(&deal, data, x);
		error = deal.nomem ? PACTUM_ENOMEM
				   : pactum_deals_end(st->deals);
	}
	/* the program said stop, or no memory: nothing more is read */
	if (error != PACTUM_OK)
		st->halt = error;
	return error;
}

static int is_deal_element(xmlNodePtr x, const char *name)
{
	return x != NULL && x->type == XML_ELEMENT_NODE &&
	       xml_in_namespace(x, DEAL_NS) &&
	       strcmp((const char *)x->name, name) == 0;
}

static int blank(const xmlChar *t)
{
	while (t && (*t == ' ' || *t == '\t' || *t == '\n' || *t == '\r'))
		t++;
	return t == NULL || *t == '\0';
}

/* The children of <deals>: each <deal> read and handed over; anything
 * else is a problem of the file, reported with its position, and the
 * deals after it still come. */
static int each_deal(struct stream *st, xmlTextReaderPtr reader)
{
	int ret = xmlTextReaderRead(reader), loose_text = 0, error;

	/* on after a refusal: the nodes libxml2 completed before the refused
	 * bytes still come, then its error */
	while (ret == 1) {
		int type = xmlTextReaderNodeType(reader);
		xmlNodePtr x = xmlTextReaderCurrentNode(reader);

		if (type == XML_READER_TYPE_END_ELEMENT &&
		    xmlTextReaderDepth(reader) == 0)
			return PACTUM_OK;
		if (type == XML_READER_TYPE_ELEMENT) {
			loose_text = 0;
			if (is_deal_element(x, "deal")) {
				error = one_deal(st, reader);
				if (error != PACTUM_OK)
					return error;
			} else if ((x = expand(st, reader)) != NULL) {
				pactum_pos pos = xml_position(&st->src, x);

				xml_error_at(&st->src, &pos,
					     _("unknown element <%s> (a <deals> "
					       "holds <deal>s)"),
					     (const char *)x->name);
			}
			ret = xmlTextReaderNext(reader);
			continue;
		}
		if ((type == XML_READER_TYPE_TEXT ||
		     type == XML_READER_TYPE_CDATA) &&
		    !loose_text && !blank(xmlTextReaderConstValue(reader))) {
			pactum_pos pos = text_position(&st->src, x);

			/* once between two elements, however libxml2 cuts it */
			loose_text = 1;
			xml_error_at(&st->src, &pos,
				     _("text is not allowed in <%s>"), "deals");
		}
		ret = xmlTextReaderRead(reader);
	}
	return ret < 0 || st->stopped ? PACTUM_EINPUT : PACTUM_OK;
}

static int read_stream(struct stream *st, xmlTextReaderPtr reader)
{
	xmlNodePtr root;
	xmlAttrPtr a;
	int ret, error;

	while ((ret = xmlTextReaderRead(reader)) == 1 &&
	       xmlTextReaderNodeType(reader) != XML_READER_TYPE_ELEMENT)
		;
	if (ret != 1)
		return PACTUM_EINPUT;
	root = xmlTextReaderCurrentNode(reader);
	if (is_deal_element(root, "deal"))
		return one_deal(st, reader);
	if (!is_deal_element(root, "deals")) {
		pactum_pos pos = { st->src.path, 0, 0 };

		xml_error_at(&st->src, &pos,
			     _("not deal data: the root must be <deal "
			       "xmlns=\"%s\"> or <deals xmlns=\"%s\">"),
			     DEAL_NS, DEAL_NS);
		return PACTUM_EINPUT;
	}
	root->_private = (void *)xml_scan_next_spot(&st->scan);
	for (a = root->properties; a; a = a->next) {
		pactum_pos pos = xml_position(&st->src, root);

		xml_error_at(&st->src, &pos, _("<%s> has no attribute \"%s\""),
			     "deals", (const char *)a->name);
	}
	error = each_deal(st, reader);
	root->_private = NULL;
	return error;
}

int xml_read_deals(pactum_deals *deals, const char *path, pactum_diag *diag)
{
	/* the stream's state is a few pages: not on a plugin's stack */
	struct stream *st = calloc(1, sizeof(*st));
	xmlTextReaderPtr reader = NULL;
	const char *chunk = getenv("PACTUM_XML_TEST_CHUNK");
	int error;

	if (st == NULL)
		return PACTUM_ENOMEM;
	st->deals = deals;
	st->src.path = path;
	st->src.diag = diag;
	st->src.stream = 1;
	/* Tests only: read the file this many bytes at a time (1: every
	 * byte on its own), to show that no check depends on where the
	 * input is cut. */
	st->chunk = chunk != NULL && atoi(chunk) > 0 ? (size_t)atoi(chunk)
						      : STREAM_BUF;
	xml_scan_init(&st->scan, &st->src, XML_SCAN_STREAM);
	xml_setup();
	/* As xml_parse: no network, no entity substitution, forced UTF-8;
	 * lines past 65535 kept on text nodes. */
	reader = xmlReaderForIO(stream_read, NULL, st, path, "UTF-8",
				XML_PARSE_NONET | XML_PARSE_NOCDATA |
					XML_PARSE_BIG_LINES);
	if (reader == NULL) {
		error = PACTUM_ENOMEM;
		goto cleanup;
	}
	xmlTextReaderSetStructuredErrorHandler(reader, stream_error, st);
	error = read_stream(st, reader);
	if (st->halt != PACTUM_OK) {
		error = st->halt;
		goto cleanup;
	}
	if (error == PACTUM_OK) {
		/* what follows the root: comments, or a fault to report */
		int ret = 0;

		while (!st->stopped && (ret = xmlTextReaderRead(reader)) == 1)
			;
		if (ret < 0)
			error = PACTUM_EINPUT;
	}
	if (st->src.nomem)
		error = PACTUM_ENOMEM;
	else if (st->io_error)
		error = PACTUM_EIO;
	else if (error != PACTUM_OK || st->stopped || st->src.errors)
		error = PACTUM_EINPUT;
	if (error == PACTUM_EINPUT && !st->src.errors) {
		pactum_pos pos = { path, 0, 0 };

		xml_error_at(&st->src, &pos, "%s", _("malformed XML"));
	}
cleanup:
	xmlFreeTextReader(reader);
	xml_scan_free(&st->scan);
	free(st);
	return error;
}
