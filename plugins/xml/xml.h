/* The xml reader's parts: scan.c (checks before parsing), parse.c (safe
 * parsing, positions), stream.c (a file of many deals, streamed),
 * model.c (agreement models), deal.c (deal data). */
#ifndef PACTUM_XML_H
#define PACTUM_XML_H

#include <libintl.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <pactum/plugin.h>

#define _(s) dgettext(PACKAGE, s)

#define MODEL_NS "urn:pactum:model:1"
#define DEAL_NS "urn:pactum:deal:1"
#define MAX_DEPTH 48
#define MAX_ATTRS 16

/* One input file being read. */
struct source {
	const char *path;
	const char *bytes;
	size_t len;
	size_t cursor; /* where position() looks for the next start tag */
	size_t counted;      /* lines are counted up to here */
	uint32_t line;       /* line and column (in characters) at counted */
	uint32_t col;
	int lost;            /* a start tag was not found: lines only */
	pactum_diag *diag;
	int errors;
	int nomem;
	int malformed; /* the scanner or libxml2 refused the file itself */
	/* read as a stream (bytes is NULL): positions come from the scanner,
	 * kept on each element (_private), or from libxml2 */
	int stream;
	/* parsed through SAX: the scanner that found its start tags */
	struct xml_scan *scan;
};

/* Where a start tag is: the scanner's, in a stream. */
struct xml_spot {
	uint32_t line, col;
};

/* The scanner of the bytes before libxml2 (scan.c); all of it is state
 * kept from one piece of input to the next. */
#define XML_SCAN_HEAD 1024
struct xml_scan {
	struct source *src;  /* path, and the diag for what is refused */
	int stream;          /* caps per deal */
	int keep_spots;
	int failed;
	unsigned long long fail_at; /* bytes before it are fine */
	unsigned long long off;     /* bytes scanned */
	uint32_t line, col;         /* of the byte at off */
	/* the file's first bytes, held till the encoding is judged */
	unsigned char head[XML_SCAN_HEAD];
	size_t head_len;
	int head_done;
	/* a UTF-8 sequence begun: bytes to come, range of the next */
	unsigned need;
	unsigned char lead, lo, hi;
	unsigned long long seq_off;
	uint32_t seq_line, seq_col;
	/* markup */
	int state;
	unsigned match;     /* of an end marker */
	char kw[9];         /* after "<": "!--", "![CDATA[", "!DOCTYPE"? */
	unsigned kw_len;
	char quote;
	unsigned eq;        /* '=' in this tag */
	int start, slash;   /* a start tag; its last byte so far was '/' */
	unsigned long long tag_off;
	uint32_t tag_line, tag_col;
	unsigned long long text_off; /* where the text since the last tag began */
	uint32_t text_line, text_col;
	/* caps, per deal in a stream of a <deals> */
	unsigned long elements;
	size_t depth;
	int root_seen, naming, root_deals, in_deal;
	char root[64];
	size_t root_len;
	unsigned long long deal_off;
	uint32_t deal_line, deal_col;
	/* the start tags scanned and not yet read, in a stream */
	struct xml_spot *spots;
	size_t spot_first, spot_count, spot_cap;
};

enum xml_scan_mode {
	XML_SCAN_FILE,   /* a file read whole, for a tree */
	XML_SCAN_SPOTS,  /* the same, read through SAX: spots kept */
	XML_SCAN_STREAM  /* a file of deals: caps per deal, spots kept */
};
void xml_scan_init(struct xml_scan *s, struct source *src,
		   enum xml_scan_mode mode);
/* The next n bytes; nonzero once something is refused (reported to the
 * source's diag).  xml_scan_end() at the end of the input. */
int xml_scan_feed(struct xml_scan *s, const char *p, size_t n);
int xml_scan_end(struct xml_scan *s);
/* How many bytes from the start libxml2 may see: none while the file's
 * encoding is not judged, none past what was refused. */
unsigned long long xml_scan_released(const struct xml_scan *s);
/* The position of the next start tag libxml2 reads, in document order;
 * NULL if none.  Valid until the next xml_scan_feed(). */
const struct xml_spot *xml_scan_next_spot(struct xml_scan *s);
void xml_scan_free(struct xml_scan *s);

/*
 * Parse src->bytes defensively.  Every problem is reported; returns the
 * document (owned: xmlFreeDoc) or NULL.  What the elements mean is
 * checked while they are read (deal.c) and by the core (models).
 */
xmlDocPtr xml_parse(struct source *src);
/* The same checks, but libxml2 builds no tree: install() sets the
 * reader's SAX2 handlers (their ctx is the parser, its _private the
 * source).  0, or -1 once something is reported (or src->nomem). */
int xml_parse_events(struct source *src, void (*install)(xmlSAXHandler *));

/* The position of node: line from libxml2, column found in the source.
 * Call in document order. */
pactum_pos xml_position(struct source *src, xmlNodePtr node);
/* The position of the next start tag a SAX reader meets (the
 * scanner's), or line alone (libxml2's) if it has none. */
pactum_pos xml_next_position(struct source *src, uint32_t line);

void xml_error_at(struct source *src, const pactum_pos *pos, const char *fmt,
		  ...) PACTUM_PRINTF(3, 4);

int xml_in_namespace(xmlNodePtr n, const char *ns);

/* libxml2's error as pactum reports it, one line (parse.c); ctxt is the
 * parser to stop when the error makes going on pointless. */
void xml_report_error(struct source *src, xmlParserCtxtPtr ctxt,
		      xmlErrorPtr err);
/* libxml2's globals, set once per process before any parse. */
void xml_setup(void);

/* The <deal> element x into data, every problem to src (deal.c): what
 * read_data and read_deals share. */
void xml_read_deal(struct source *src, pactum_data *data, xmlNodePtr x);

int xml_read_model(pactum_model *model, const char *path, const char *bytes,
		   size_t len, pactum_diag *diag);
int xml_read_data(pactum_data *data, const char *path, const char *bytes,
		  size_t len, pactum_diag *diag);
int xml_read_deals(pactum_deals *deals, const char *path, pactum_diag *diag);

#endif /* PACTUM_XML_H */
