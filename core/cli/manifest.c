/*
 * pactum batch: the manifest, a journal in JSON lines.  Each run appends a
 * segment: a header line ({"manifest":1,...}), then one line per deal in
 * deal order, written in one write(2) after the deal's files are
 * committed, so a kill leaves only true lines (and perhaps the start of
 * one, dropped when the run is resumed).  A resumed run reads the earlier
 * segments side by side, one cursor each, in deal order: memory does not
 * grow with the number of deals.  At its end the segments are merged into
 * one, the latest line of each deal, atomically.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nettle/sha2.h>

#include "batch.h"

#define MAX_SEGMENTS 64
#define HEADER_START "{\"manifest\":"

/* ------------------------------------------------------ checksums ---- */

static void to_hex(char hex[BATCH_SHA256_HEX], struct sha256_ctx *ctx)
{
	static const char digits[] = "0123456789abcdef";
	uint8_t d[SHA256_DIGEST_SIZE];
	size_t i;

	sha256_digest(ctx, sizeof(d), d);
	for (i = 0; i < sizeof(d); i++) {
		hex[2 * i] = digits[d[i] >> 4];
		hex[2 * i + 1] = digits[d[i] & 15];
	}
	hex[2 * sizeof(d)] = '\0';
}

void batch_sha256_hex(char hex[BATCH_SHA256_HEX], const void *bytes,
		      size_t len)
{
	struct sha256_ctx ctx;

	sha256_init(&ctx);
	sha256_update(&ctx, len, bytes);
	to_hex(hex, &ctx);
}

int batch_sha256_file(char hex[BATCH_SHA256_HEX], const char *path)
{
	struct sha256_ctx ctx;
	char buf[65536];
	ssize_t n = -1;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NOFOLLOW |
				    O_NONBLOCK);
	struct stat st;

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return -1;
	}
	sha256_init(&ctx);
	for (;;) {
		n = read(fd, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		sha256_update(&ctx, (size_t)n, (const uint8_t *)buf);
	}
	close(fd);
	if (n < 0)
		return -1;
	to_hex(hex, &ctx);
	return 0;
}

/* ------------------------------------------------------ JSON --------- */

int batch_json_string(pactum_sink *buf, const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	char esc[8];
	int error = pactum_sink_write(buf, "\"", 1);

	for (; *u && error == PACTUM_OK; u++) {
		if (*u == '"' || *u == '\\') {
			esc[0] = '\\';
			esc[1] = (char)*u;
			error = pactum_sink_write(buf, esc, 2);
		} else if (*u < 0x20 || *u == 0x7f) {
			snprintf(esc, sizeof(esc), "\\u%04x", *u);
			error = pactum_sink_write(buf, esc, 6);
		} else {
			error = pactum_sink_write(buf, (const char *)u, 1);
		}
	}
	return error == PACTUM_OK ? pactum_sink_write(buf, "\"", 1) : error;
}

/* ------------------------------------------------------ reading ------ */

/* A cursor over one segment: its current line and that line's record. */
struct cursor {
	FILE *fp;
	off_t start;   /* its first line after the header */
	off_t end;     /* where the segment ends */
	char *line;    /* the current line, a getline() buffer */
	size_t cap;
	int done;      /* the segment has no more lines */
	size_t record;
};

struct batch_manifest;
static void free_manifest(struct batch_manifest *m);

struct batch_manifest {
	char *path;
	int fd;                 /* appending */
	int resumed;            /* earlier segments were kept */
	struct cursor seg[MAX_SEGMENTS + 1]; /* + this run's, at the end */
	size_t nseg;            /* earlier segments */
	off_t ours;             /* where this run's segment starts */
};

/* The text of key's string value in line, copied into out (at most
 * size - 1 bytes); nonzero when it is not there.  Only for values pactum
 * writes without escapes: file names, hex digits, statuses. */
static int field(char *out, size_t size, const char *line, const char *key)
{
	const char *p = strstr(line, key), *end;

	if (p == NULL)
		return -1;
	p += strlen(key);
	end = strchr(p, '"');
	if (end == NULL || (size_t)(end - p) >= size)
		return -1;
	memcpy(out, p, (size_t)(end - p));
	out[end - p] = '\0';
	return 0;
}

/* Read the cursor's next line of a deal (others are skipped); record 0
 * and line NULL at the end of the segment. */
static void advance(struct cursor *c)
{
	ssize_t n;

	c->record = 0;
	while (!c->done && c->record == 0) {
		if (ftello(c->fp) >= c->end ||
		    (n = getline(&c->line, &c->cap, c->fp)) <= 0) {
			c->done = 1;
			return;
		}
		if (c->line[n - 1] == '\n')
			c->line[n - 1] = '\0';
		if (strncmp(c->line, "{\"record\":", 10) == 0)
			c->record = strtoul(c->line + 10, NULL, 10);
	}
}

void batch_previous_free(batch_previous *prev)
{
	size_t i;

	if (prev == NULL)
		return;
	for (i = 0; i < prev->nfiles; i++)
		pactum_free(prev->files[i]);
	pactum_free(prev->line);
	pactum_free(prev);
}

static batch_previous *parse_previous(const char *line)
{
	batch_previous *prev = cli_calloc(1, sizeof(*prev));
	const char *p, *stop;
	char status[16];

	if (prev == NULL)
		return NULL;
	prev->line = cli_strdup(line);
	if (prev->line == NULL)
		goto fail;
	prev->rendered = field(status, sizeof(status), line,
			       "\"status\":\"") == 0 &&
			 strcmp(status, "rendered") == 0;
	if (field(prev->input, sizeof(prev->input), line, "\"input\":\""))
		prev->rendered = 0;
	/* the error text, which may hold anything, comes last */
	stop = strstr(line, "\"error\":");
	for (p = strstr(line, "\"file\":\"");
	     p && (stop == NULL || p < stop) && prev->nfiles < BATCH_MAX_FORMATS;
	     p = strstr(p + 1, "\"file\":\"")) {
		char name[256];
		size_t i = prev->nfiles;

		if (field(name, sizeof(name), p, "\"file\":\"") ||
		    field(prev->sha256[i], BATCH_SHA256_HEX, p,
			  "\"sha256\":\""))
			break;
		prev->files[i] = cli_strdup(name);
		if (prev->files[i] == NULL)
			goto fail;
		prev->nfiles++;
	}
	return prev;
fail:
	batch_previous_free(prev);
	return NULL;
}

batch_previous *batch_manifest_previous(batch_manifest *m, size_t record)
{
	const char *latest = NULL;
	size_t i;

	for (i = 0; i < m->nseg; i++) {
		struct cursor *c = &m->seg[i];

		while (!c->done && c->record < record)
			advance(c);
		if (!c->done && c->record == record)
			latest = c->line; /* a later segment wins */
	}
	return latest ? parse_previous(latest) : NULL;
}

/* Find the segments of the manifest open on fd (size bytes, ending in a
 * newline) and put a cursor at the start of each. */
static int open_segments(batch_manifest *m, off_t size, pactum_diag *diag)
{
	pactum_pos pos = { m->path, 0, 0 };
	FILE *fp = fopen(m->path, "re");
	char *line = NULL;
	size_t cap = 0, i;
	off_t at = 0;
	ssize_t n;
	int error = 0;

	if (fp == NULL)
		return -1;
	while (at < size && (n = getline(&line, &cap, fp)) > 0) {
		pos.line++;
		if (strncmp(line, HEADER_START, strlen(HEADER_START)) == 0) {
			if (m->nseg == MAX_SEGMENTS) {
				pactum_diag_report(diag, PACTUM_ERROR, &pos,
						   _("more than %d interrupted "
						     "runs: start the batch "
						     "anew, without --resume"),
						   MAX_SEGMENTS);
				error = -1;
				break;
			}
			if (m->nseg > 0)
				m->seg[m->nseg - 1].end = at;
			m->seg[m->nseg].fp = fopen(m->path, "re");
			if (m->seg[m->nseg].fp == NULL ||
			    fseeko(m->seg[m->nseg].fp, at + n, SEEK_SET) != 0) {
				error = -1;
				break;
			}
			m->seg[m->nseg].start = at + n;
			m->seg[m->nseg].end = size;
			m->nseg++;
		} else if (m->nseg == 0) {
			pactum_diag_report(diag, PACTUM_ERROR, &pos, "%s",
					   _("not a pactum batch manifest"));
			error = -1;
			break;
		}
		at += n;
	}
	for (i = 0; i < m->nseg && error == 0; i++)
		advance(&m->seg[i]);
	free(line); /* getline()'s */
	fclose(fp);
	return error;
}

int batch_manifest_open(batch_manifest **out, const char *path, int resume,
			const char *header, pactum_diag *diag)
{
	pactum_pos pos = { path, 0, 0 };
	batch_manifest *m = cli_calloc(1, sizeof(*m));
	struct stat st;
	int error;

	if (m != NULL)
		m->fd = -1;
	off_t keep = 0;
	char c;

	*out = NULL;
	if (m == NULL || (m->path = cli_strdup(path)) == NULL)
		goto nomem;
	m->fd = open(path,
		     O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW |
			     (resume ? 0 : O_TRUNC),
		     0666);
	if (m->fd < 0 || fstat(m->fd, &st) != 0 || !S_ISREG(st.st_mode))
		goto io_error;
	keep = st.st_size;
	/* a line a kill cut off: keep what comes before it */
	while (keep > 0 && pread(m->fd, &c, 1, keep - 1) == 1 && c != '\n')
		keep--;
	if (keep < st.st_size && ftruncate(m->fd, keep) != 0)
		goto io_error;
	if (keep > 0) {
		size_t errors = pactum_diag_count(diag, PACTUM_ERROR);

		m->resumed = 1;
		if (open_segments(m, keep, diag) != 0) {
			if (pactum_diag_count(diag, PACTUM_ERROR) == errors) {
				pactum_diag_report(diag, PACTUM_ERROR, &pos,
						   _("cannot read: %s"),
						   strerror(errno));
				error = PACTUM_EIO;
			} else {
				error = PACTUM_EINPUT; /* none to resume from */
			}
			goto fail;
		}
	}
	m->ours = keep;
	*out = m;
	return batch_manifest_append(m, header, diag) == 0 ? PACTUM_OK
							   : PACTUM_EIO;
io_error:
	pactum_diag_report(diag, PACTUM_ERROR, &pos, _("cannot write: %s"),
			   strerror(errno));
	error = PACTUM_EIO;
	goto fail;
nomem:
	error = PACTUM_ENOMEM;
fail:
	if (m)
		free_manifest(m);
	return error;
}

int batch_manifest_append(batch_manifest *m, const char *line,
			  pactum_diag *diag)
{
	pactum_pos pos = { m->path, 0, 0 };
	size_t len = strlen(line), done = 0;
	char *whole = pactum_malloc(len + 1);
	ssize_t n;

	if (whole == NULL) {
		pactum_diag_report(diag, PACTUM_ERROR, &pos, "%s",
				   _("out of memory"));
		return -1;
	}
	memcpy(whole, line, len);
	whole[len++] = '\n';
	while (done < len) {
		n = write(m->fd, whole + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			pactum_diag_report(diag, PACTUM_ERROR, &pos,
					   _("cannot write: %s"),
					   n < 0 ? strerror(errno)
						 : _("nothing written"));
			pactum_free(whole);
			return -1;
		}
		done += (size_t)n;
	}
	pactum_free(whole);
	return 0;
}

/* Put c at the first line of its segment. */
static int rewind_cursor(struct cursor *c)
{
	c->done = 0;
	if (fseeko(c->fp, c->start, SEEK_SET) != 0)
		return -1;
	advance(c);
	return 0;
}

/* Merge every segment, the earlier ones and this run's, into sink: this
 * run's header, then the latest line of each deal, in deal order. */
static int merge(batch_manifest *m, pactum_sink *sink)
{
	struct cursor *ours = &m->seg[m->nseg];
	size_t i, next;

	ours->fp = fopen(m->path, "re");
	if (ours->fp == NULL || fseeko(ours->fp, m->ours, SEEK_SET) != 0 ||
	    getline(&ours->line, &ours->cap, ours->fp) <= 0 ||
	    pactum_sink_puts(sink, ours->line) != PACTUM_OK)
		return -1;
	ours->start = ftello(ours->fp);
	ours->end = (off_t)1 << 62;
	for (i = 0; i <= m->nseg; i++)
		if (rewind_cursor(&m->seg[i]) != 0)
			return -1;
	for (;;) {
		const char *latest = NULL;

		next = 0;
		for (i = 0; i <= m->nseg; i++)
			if (!m->seg[i].done &&
			    (next == 0 || m->seg[i].record < next))
				next = m->seg[i].record;
		if (next == 0)
			return 0;
		for (i = 0; i <= m->nseg; i++)
			if (!m->seg[i].done && m->seg[i].record == next)
				latest = m->seg[i].line; /* later wins */
		if (pactum_sink_puts(sink, latest) != PACTUM_OK ||
		    pactum_sink_puts(sink, "\n") != PACTUM_OK)
			return -1;
		for (i = 0; i <= m->nseg; i++)
			if (!m->seg[i].done && m->seg[i].record == next)
				advance(&m->seg[i]);
	}
}

static void free_manifest(batch_manifest *m)
{
	size_t i;

	if (m->fd >= 0)
		close(m->fd);
	for (i = 0; i <= m->nseg && i < MAX_SEGMENTS + 1; i++) {
		if (m->seg[i].fp)
			fclose(m->seg[i].fp);
		free(m->seg[i].line); /* getline()'s */
	}
	pactum_free(m->path);
	pactum_free(m);
}

int batch_manifest_close(batch_manifest *m, pactum_diag *diag)
{
	pactum_pos pos = { m->path, 0, 0 };
	pactum_sink *sink = NULL;
	int error = 0;

	if (fdatasync(m->fd) != 0) {
		pactum_diag_report(diag, PACTUM_ERROR, &pos,
				   _("cannot write: %s"), strerror(errno));
		error = -1;
	}
	if (error == 0 && m->resumed) {
		/* one line per deal again, replacing the journal at once */
		error = pactum_sink_new(&sink) != PACTUM_OK ||
				merge(m, sink) != 0
			? -1
			: 0;
		if (error != 0)
			pactum_diag_report(diag, PACTUM_ERROR, &pos,
					   _("cannot merge the runs: %s"),
					   errno ? strerror(errno)
						 : _("out of memory"));
		else if (pactum_sink_commit(sink, m->path, diag) != PACTUM_OK)
			error = -1;
	}
	pactum_sink_free(sink);
	free_manifest(m);
	return error;
}
